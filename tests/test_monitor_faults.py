"""The monitor against a misbehaving site: faults are recorded with their URL and reason, the run completes,
and a run killed with SIGKILL resumes to the same rows as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import warehouse
from flows.loopback import Fault, LoopbackServer
from flows.monitor import monitor

SITE_A = Path(__file__).resolve().parents[1] / "samples" / "site" / "A"
FLAKY = "/news-room/hkstp-welcomes-new-budget-measures-for-i-t/"
HANGING = "/news-room/innocell-adds-200-units-as-occupancy-holds-at-95/"
GONE = "/news-room/hkstp-opens-access-scheme-for-ai-computing-centre/"
HUGE = "/news-room/hkstp-programme-has-supported-over-300-ai-and-data-ventures/"


def _rows(db: Path, sql: str, params=None) -> list[tuple]:
    return warehouse.query(db, sql, params)[1]


def _counts(db: Path) -> dict[str, int]:
    return {t: _rows(db, f"select count(*) from {t}")[0][0] for t in ("releases", "claims", "findings")}


@pytest.mark.usefixtures("prefect_harness")
def test_faults_are_recorded_and_the_run_completes(tmp_path, monkeypatch):
    for path in (FLAKY, HANGING, GONE, HUGE):
        assert (SITE_A / path.strip("/") / "index.html").exists(), path
    monkeypatch.setenv("HKSTP_READ_TIMEOUT_S", "1")
    monkeypatch.setenv("HKSTP_RETRIES", "2")
    db = tmp_path / "faults.duckdb"
    with LoopbackServer(root=SITE_A) as site:
        site.fault(FLAKY, [Fault(503, {"Retry-After": "1"}), Fault(503, {"Retry-After": "1"}), 200])
        site.fault(HANGING, [Fault.hang(3)], forever=True)
        site.fault(GONE, [404], forever=True)
        site.fault(HUGE, [Fault.big(10_000_000)], forever=True)
        result = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        flaky_statuses = [e.status for e in site.log if e.path == FLAKY]

    assert flaky_statuses == [503, 503, 200]
    loaded = {url.removeprefix(site.base_url) for (url,) in _rows(db, "select url from releases")}
    assert FLAKY in loaded
    assert not {HANGING, GONE, HUGE} & loaded
    problems = {url.removeprefix(site.base_url): reason for url, reason in
                _rows(db, "select url, reason from problems where stage = 'fetch'")}
    assert "timeout" in problems[HANGING]
    assert problems[GONE] == "http 404"
    assert "body over" in problems[HUGE]
    assert result["fetch_errors"] >= 4  # the three above and the sample site's own dead link
    assert result["new_releases"] > 20  # everything else loaded


@pytest.mark.slow
def test_kill_9_mid_run_then_rerun_matches_an_uninterrupted_run(tmp_path, harness_api_url):
    # The three runs talk to the session's Prefect API, as deployment runs talk to a server (a temporary server
    # of their own would add its start-up to each); what is killed is the run's whole process group.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), HKSTP_BATCH_SIZE="4", PREFECT_LOGGING_LEVEL="WARNING",
               PREFECT_API_URL=harness_api_url)
    exe = Path(sys.executable).with_name("hkstp-monitor")

    def run(db: Path, base_url: str, **popen) -> subprocess.Popen:
        cmd = [str(exe), "run", "--base-url", base_url, "--db", str(db), "--min-gap", "0.05", "--quiet", "--json"]
        return subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, **popen)

    with LoopbackServer(root=SITE_A) as site:
        whole = tmp_path / "whole.duckdb"
        assert run(whole, site.base_url).wait(timeout=600) == 0

        killed = tmp_path / "killed.duckdb"
        site.clear_log()
        proc = run(killed, site.base_url)
        deadline = time.monotonic() + 300
        # wait until a few batches are in, then pull the plug on the whole process group
        while sum(1 for e in site.log if "/news-room/" in e.path and e.status == 200) < 14:
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        partial = _counts(killed)["releases"]
        assert 0 < partial < _counts(whole)["releases"]  # killed part-way, with some batches in

        rerun = run(killed, site.base_url)
        assert rerun.wait(timeout=600) == 0, rerun.stderr.read().decode()[-2000:]

    assert _counts(killed) == _counts(whole)
    fetched_twice = _rows(killed, "select count(*) from (select url from fetches where status = 200 "
                                  "group by url having count(*) > 1)")[0][0]
    assert fetched_twice < _counts(whole)["releases"]  # the rerun did not start from scratch
