"""A rebuild's new findings reach the alert target as a run's do (one message for the batch), and a rebuild
that raises nothing new sends nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

import warehouse
from flows.loopback import LoopbackServer
from flows.monitor import monitor
from flows.rebuild import rebuild
from tests.test_alerts import Receiver

pytestmark = pytest.mark.slow  # two monitor runs and two rebuilds of the sample site (~40 s)
SITE = Path(__file__).resolve().parents[1] / "samples" / "site"
serial_rebuild = rebuild.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))


def test_findings_a_rebuild_raises_first_are_alerted_once(tmp_path, prefect_harness, monkeypatch):
    db = tmp_path / "hkstp.duckdb"
    with LoopbackServer(root=SITE / "A") as site:
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        site.root = SITE / "B"
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)
    # as an older extractor would have left it: none of these findings raised yet
    raised = warehouse.query(db, "select finding_id, severity from findings where is_current")[1]
    assert raised
    with warehouse.write_connection(db) as con:
        con.execute("delete from core.findings")
    receiver = Receiver()
    try:
        monkeypatch.setenv("HKSTP_NOTIFY_URL", receiver.url)
        monkeypatch.setenv("HKSTP_NOTIFY_SEVERITY", "info")
        first = serial_rebuild(db=str(db))
        again = serial_rebuild(db=str(db))
    finally:
        receiver.close()

    assert first["new_findings"] == len(raised) and first["alert_sent"] is True
    assert len(receiver.received) == 1
    assert f"{len(raised)} new finding" in receiver.received[0]["title"]
    assert again["new_findings"] == 0 and again["alert_sent"] is False
