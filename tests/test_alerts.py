"""Alerts through Apprise to a webhook receiver on loopback: one message per batch of new findings, none
when nothing is new, and an unreachable target never fails the run."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows.loopback import LoopbackServer
from flows.monitor import monitor
from flows.publish import notify

SITE = Path(__file__).resolve().parents[1] / "samples" / "site"


class Receiver:
    """A webhook endpoint that keeps every POST body."""

    def __init__(self):
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                received.append(json.loads(body or b"{}"))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def _finding(severity: str) -> dict:
    return {"finding_id": "f1", "check_name": "figure_changed", "severity": severity, "metric": "unicorns",
            "language": "en", "old_value": 14, "new_value": 10, "new_qualifier": "over", "old_published_on": "2023-06-02",
            "new_published_on": "2023-12-06", "new_url": "https://example.test/r"}


def test_one_message_for_a_batch_and_severity_floor(receiver):
    assert notify(receiver.url, "warning", [_finding("warning"), _finding("critical"), _finding("info")])
    assert len(receiver.received) == 1
    message = receiver.received[0]
    assert "2 new finding" in message["title"]
    assert "unicorns" in message["message"] and "14 -> over 10" in message["message"]  # the qualifier, as the report says it
    assert not notify(receiver.url, "critical", [_finding("info")])
    assert len(receiver.received) == 1


def test_unreachable_target_is_logged_not_raised(caplog):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert notify(f"json://127.0.0.1:{port}/hook", "info", [_finding("critical")]) is False
    assert notify("not-a-url", "info", [_finding("critical")]) is False
    assert any("alert" in r.getMessage() for r in caplog.records)


@pytest.mark.usefixtures("prefect_harness")
def test_monitor_alerts_once_then_stays_quiet(receiver, tmp_path):
    db = tmp_path / "alerts.duckdb"
    with LoopbackServer(root=SITE / "A") as site:
        first = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, notify_url=receiver.url)
        assert first["new_findings"] > 0 and first["alert_sent"]
        assert len(receiver.received) == 1
        second = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, notify_url=receiver.url)
    assert second["new_findings"] == 0 and not second["alert_sent"]
    assert len(receiver.received) == 1
