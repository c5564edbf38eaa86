"""The command line against hostile input: a damaged warehouse, SQL that reaches for the file system, a JSONL
batch with a broken line, a run killed with SIGKILL. What the user sees: one line saying what is wrong and
what to do, exit code 2, nothing written, no process left behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.cli import main
from flows.loopback import Fault, LoopbackServer

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "tests" / "fixtures" / "pages" / "news-room-2023-en.html"
RELEASE = (REPO / "samples" / "site" / "A" / "news-room" / "career-expo-offers-over-2900-i-t-jobs" / "index.html")
EXE = Path(sys.executable).with_name("hkstp-monitor")


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_LOGGING_LEVEL="WARNING",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="300")
    return env


@pytest.fixture(scope="module")
def warehouse_file(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("wh") / "w.duckdb"
    assert main(["ingest", str(PAGE), "--db", str(db), "--quiet", "--json"]) == 0
    return db


def test_a_jsonl_batch_with_an_invalid_utf8_line_returns_every_other_line(tmp_path, capsys):
    src = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "first", "text": "The park hosts over 2,000 companies."}).encode(),
             b'{"id": "broken", "text": "caf\xe9 \xff\xfe 30 units"}',
             json.dumps({"id": "third", "text": "逾10家獨角獸企業", "language": "zh-hant"}, ensure_ascii=False).encode()]
    src.write_bytes(b"\n".join(lines) + b"\n")

    code, out, err = run_cli(capsys, "extract", "--jsonl", str(src))

    assert code == 0, err
    rows = [json.loads(x) for x in out.strip().splitlines()]
    assert [r["id"] for r in rows] == ["first", None, "third"]
    assert rows[1]["line"] == 2 and "UTF-8" in rows[1]["error"]
    assert rows[0]["claims"][0]["value"] == 2000
    assert rows[2]["claims"][0]["value"] == 10


@pytest.mark.parametrize(
    "sql",
    [
        "explain analyze copy (select 'x' as x) to '{target}'",
        "select * from read_text('{victim}')",
        "select * from read_csv('{victim}')",
        "select * from glob('{folder}/*')",
        "explain analyze install httpfs",
        "explain attach '{target}' as other",
        "explain analyze select * from read_text('{victim}')",
    ],
)
def test_sql_cannot_reach_the_file_system(sql, warehouse_file, tmp_path, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    target = tmp_path / "written.out"
    before = sorted(p.name for p in tmp_path.iterdir())

    code, out, err = run_cli(capsys, "sql", "--db", str(warehouse_file),
                             sql.format(target=target, victim=victim, folder=tmp_path))

    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert "keep me" not in err
    assert victim.read_text() == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_sql_still_answers_select(warehouse_file, capsys):
    code, out, _ = run_cli(capsys, "sql", "--json", "--db", str(warehouse_file), "select count(*) as n from claims")
    assert code == 0 and json.loads(out)[0]["n"] > 0


def test_the_real_cli_refuses_to_write_a_file_through_sql(warehouse_file, tmp_path):
    target = tmp_path / "other.duckdb"
    target.write_bytes(b"a DuckDB file of someone else")
    proc = subprocess.run(
        [str(EXE), "sql", "--db", str(warehouse_file), f"explain analyze copy (select 'x' as x) to '{target}'"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("error: `sql` reads only the warehouse")
    assert "Traceback" not in proc.stderr
    assert target.read_bytes() == b"a DuckDB file of someone else"


@pytest.fixture
def damaged(warehouse_file, tmp_path) -> Path:
    db = tmp_path / "damaged.duckdb"
    data = warehouse_file.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    return db


@pytest.mark.parametrize(
    "argv",
    [["check"], ["report"], ["findings"], ["sql", "select count(*) from claims"], ["ingest", str(PAGE)],
     ["run", "--base-url", "http://127.0.0.1:9"]],
)
def test_a_half_truncated_warehouse_gives_one_line_and_exit_2(argv, damaged, capsys):
    code, out, err = run_cli(capsys, *argv, "--db", str(damaged))

    assert code == 2
    assert err.strip().splitlines() == [err.strip()]  # one line
    assert f"the warehouse {damaged} is damaged" in err and "move it aside" in err
    assert "Traceback" not in err


def test_debug_shows_the_traceback(damaged, capsys):
    code, _, err = run_cli(capsys, "check", "--debug", "--db", str(damaged))
    assert code == 2
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("error: the warehouse")


def test_report_out_a_folder_writes_inside_it_and_db_under_a_file_is_one_line(warehouse_file, tmp_path, capsys):
    folder = tmp_path / "reports"
    folder.mkdir()
    code, _, _ = run_cli(capsys, "report", "--db", str(warehouse_file), "--out", str(folder))
    assert code == 0 and (folder / "report.html").is_file()

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for argv in (["ingest", str(PAGE)], ["check"], ["findings"], ["run", "--base-url", "http://127.0.0.1:9"]):
        code, _, err = run_cli(capsys, *argv, "--db", str(blocker / "sub" / "w.duckdb"))
        assert code == 2, argv
        assert len(err.strip().splitlines()) == 1 and str(blocker) in err, (argv, err)


def _descendants(pid: int) -> dict[int, str]:
    """{pid: command line} of every process below `pid` (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            try:
                found[child] = (Path("/proc") / str(child) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process tree from /proc")
def test_kill_9_of_a_run_leaves_no_prefect_server_behind(tmp_path):
    with LoopbackServer() as site:
        site.set_route("/news-room/", '<html><body><ul class="news-list">'
                                      '<li><a href="/news-room/slow/">s</a></li></ul></body></html>')
        site.set_route("/news-room/slow/", RELEASE.read_bytes())
        site.fault("/news-room/slow/", [Fault.hang(600)], forever=True)  # keeps the run busy until it is killed
        proc = subprocess.Popen(
            [str(EXE), "run", "--base-url", site.base_url, "--db", str(tmp_path / "w.duckdb"), "--quiet"],
            env=_cli_env(tmp_path), cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 400
        servers: dict[int, str] = {}
        while not any(e.path == "/news-room/slow/" for e in site.log):  # the flow is running: its server is up
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the run never reached the slow page"
            servers.update({p: c for p, c in _descendants(proc.pid).items() if "prefect.server.api.server" in c})
            time.sleep(0.2)
        servers.update({p: c for p, c in _descendants(proc.pid).items() if "prefect.server.api.server" in c})
        assert servers, "no temporary Prefect server was started"

        proc.send_signal(signal.SIGKILL)  # the run's own process only, as `kill -9 PID` does
        proc.wait(timeout=30)
        gone_by = time.monotonic() + 60
        while any(_alive(p) for p in servers) and time.monotonic() < gone_by:
            time.sleep(0.2)

    assert [p for p in servers if _alive(p)] == []
