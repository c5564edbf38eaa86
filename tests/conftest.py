"""Test set-up shared by every test: Prefect in a temporary home, one test harness per session.

Prefect's settings are read from the environment, so they are set here before anything imports prefect.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

_PREFECT_HOME = Path(tempfile.mkdtemp(prefix="hkstp-prefect-home-"))
os.environ["PREFECT_HOME"] = str(_PREFECT_HOME)
os.environ["PREFECT_RESULTS_LOCAL_STORAGE_PATH"] = str(_PREFECT_HOME / "results")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)  # tests never talk to a user's server

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def prefect_harness():
    """A real (temporary, SQLite-backed) Prefect API for the whole session; ask for it where flows run."""
    import httpx
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.testing.utilities import prefect_test_harness

    # The harness picks a free port, releases it, and its server binds it seconds later; under pytest-xdist another
    # worker's loopback server can take the port in between, and the health check then meets that server (CI saw
    # "Connection reset by peer"). Such a start is thrown away, with its server process, and tried again.
    for attempt in range(3):
        harness = prefect_test_harness(server_startup_timeout=120)
        try:
            harness.__enter__()
            break
        except (httpx.HTTPError, RuntimeError):
            failed = SubprocessASGIServer._instances.pop(None, None)
            if failed is not None:
                failed.stop()
            if attempt == 2:
                raise
    try:
        yield
    finally:
        harness.__exit__(None, None, None)


@pytest.fixture(scope="session")
def harness_api_url(prefect_harness) -> str:
    """The harness's API, for a subprocess to use (subprocesses do not inherit the harness): a command run
    against it skips starting a temporary Prefect server of its own, some 10-20 s on this machine."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (a user's clone has no ../shared); skipping")
    return SHARED


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, prefect_harness) -> dict:
    """The monitor run on the sample site as the demo does (snapshot A, then B, then B again unchanged) into one
    DuckDB file, once per session, for every test that looks at its result: the end-to-end test, the report in a
    browser. Returns the file, the three runs' results, the view counts after each, and the rerun's requests."""
    import warehouse
    from flows.loopback import LoopbackServer
    from flows.monitor import monitor

    def counts(db: Path) -> dict[str, int]:
        return {v: warehouse.query(db, f"select count(*) from {v}")[1][0][0] for v in ("releases", "claims", "findings")}

    site_dir = REPO / "samples" / "site"
    db = tmp_path_factory.mktemp("sample-warehouse") / "hkstp.duckdb"
    with LoopbackServer(root=site_dir / "A") as site:
        first = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        after_a = counts(db)
        site.root = site_dir / "B"
        second = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)  # B is weeks later: every known page is due
        after_b = counts(db)
        requests_before_rerun = len(site.log)
        third = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)
        rerun_requests = site.log[requests_before_rerun:]
        after_rerun = counts(db)
    return {"db": db, "runs": (first, second, third), "counts": (after_a, after_b, after_rerun),
            "rerun_requests": rerun_requests}


class Chromium:
    """Debian's headless chromium: what a page shows (its DOM after rendering) and a screenshot of it."""

    def __init__(self, exe: str, home: Path):
        self.exe, self.home = exe, home

    def _run(self, url: str, *flags: str, size: str, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [self.exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={self.home}", f"--window-size={size}", "--virtual-time-budget=15000", *flags, url]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)

    def dom(self, url: str, size: str = "1280,1600") -> str:
        out = self._run(url, "--dump-dom", size=size)
        assert out.stdout.strip(), f"chromium showed nothing for {url}: {out.stderr[-2000:]}"
        return out.stdout

    def screenshot(self, url: str, out: Path, size: str = "1280,1600") -> Path:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.unlink(missing_ok=True)
        done = self._run(url, f"--screenshot={out}", size=size)
        assert out.exists(), f"no screenshot of {url}: {done.stderr[-2000:]}"
        return out


@pytest.fixture(scope="session")
def chromium(tmp_path_factory) -> Chromium:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("chromium is absent (apt-get install chromium); .ci/run installs it")
    return Chromium(exe, tmp_path_factory.mktemp("chromium-profile"))


def png_colours(path: Path) -> tuple[float, set[bytes]]:
    """(share of sampled pixels that are not white, the set of their RGB colours) of an 8-bit RGB or RGBA PNG,
    every fourth pixel of every fourth row: enough to tell a page from a blank one, standard library only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    pos, idat = 8, []
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev, ink, sampled, colours = bytearray(stride), 0, 0, set()
    for y in range(height):  # undo the PNG row filters (none, sub, up, average, paeth)
        start = y * (stride + 1)
        f, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                line[i] = (line[i] + ((line[i - bpp] if i >= bpp else 0) + prev[i]) // 2) & 255
        elif f == 4:
            for i in range(stride):
                a, b = (line[i - bpp] if i >= bpp else 0), prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
        if y % 4 == 0:
            for i in range(0, stride, bpp * 4):
                px = bytes(line[i:i + 3])
                sampled += 1
                if px != b"\xff\xff\xff":
                    ink += 1
                    colours.add(px)
    return ink / max(sampled, 1), colours
