"""The politeness gap holds across processes: two processes fetching from one loopback host through
FileHostGate never put two requests closer than the gap in the host's request log."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from flows.http import PoliteSession
from flows.loopback import LoopbackServer
from flows.ratelimit import FileHostGate

GAP = 0.15


def _fetch_many(base_url: str, folder: str, paths: list[str]) -> None:
    session = PoliteSession("gap-test/1.0", min_gap_s=GAP, gate=FileHostGate(folder))
    for path in paths:
        session.fetch(base_url + path)


def test_two_processes_share_the_gap_to_one_host(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(12):
        (site / f"p{i}.html").write_text(f"<html><body>page {i} of a quiet park</body></html>")
    folder = tmp_path / "hosts"
    with LoopbackServer(root=site) as server:
        ctx = multiprocessing.get_context("spawn")
        procs = [ctx.Process(target=_fetch_many, args=(server.base_url, str(folder), [f"/p{i}.html" for i in range(k, 12, 2)]))
                 for k in (0, 1)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
            assert p.exitcode == 0
        assert len(server.log) == 12
        assert server.min_gap_s() >= GAP * 0.98, server.min_gap_s()


def test_without_the_shared_gate_two_processes_come_closer_than_the_gap(tmp_path: Path):
    """The control: each process keeping its own gap lets the host see requests closer together."""
    site = tmp_path / "site"
    site.mkdir()
    for i in range(12):
        (site / f"p{i}.html").write_text(f"<html><body>page {i}</body></html>")
    with LoopbackServer(root=site) as server:
        ctx = multiprocessing.get_context("spawn")
        folders = [str(tmp_path / "a"), str(tmp_path / "b")]  # separate folders: no shared state
        procs = [ctx.Process(target=_fetch_many, args=(server.base_url, folders[k], [f"/p{i}.html" for i in range(k, 12, 2)]))
                 for k in (0, 1)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        assert server.min_gap_s() < GAP
