"""Acceptance of issue 14 under a real `prefect server` and a real loopback press room:

- right after a full run, a run asks for no known release page (only robots, sitemaps and listing pages);
  a new release appearing afterwards is fetched without asking for the known pages;
- one `hkstp.finding.<check>` event per new finding, read back through the events API with its payload, and
  the automation of deployments/automations.yaml fires for a critical finding (a webhook on loopback gets it);
- a daily and an hourly-new run started together never hold `hkstp-warehouse` at once (the server's
  concurrency-limit events), and the host's request log never shows two requests closer than the gap.
One server for the module; each run is a separate process, as under `serve`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
import requests

from flows.loopback import LoopbackServer
from flows.profile import load_profile, release_match
from prefect_server import prefect_server, wait_for

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SITE = REPO / "samples" / "site"
GAP_S = 0.05

pytestmark = [pytest.mark.server, pytest.mark.slow]


class WebhookReceiver:
    """The alert endpoint the automations call: keeps every POST body."""

    def __init__(self) -> None:
        received = self.received = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                received.append(self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode())
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/alerts"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("signals")
    with prefect_server(tmp, timeout=300, HKSTP_MIN_GAP_S=str(GAP_S), HKSTP_DB=str(tmp / "hkstp.duckdb")) as server:
        site = LoopbackServer(root=SITE / "A").start()
        hook = WebhookReceiver()
        try:
            yield {"api": server["api"], "env": server["env"], "site": site, "hook": hook, "tmp": tmp,
                   "db": tmp / "hkstp.duckdb"}
        finally:
            site.stop()
            hook.close()


def _monitor(stack, **params) -> dict:
    """One monitor flow run in its own process against the server, like a deployment run."""
    params = {"base_url": stack["site"].base_url, "db": str(stack["db"]), **params}
    code = ("import json, sys; from flows.monitor import monitor; "
            "r = monitor(**json.loads(sys.argv[1])); print(json.dumps(r, default=str))")
    return subprocess.Popen([sys.executable, "-c", code, json.dumps(params)], env=stack["env"], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc) -> dict:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def _events(api: str, prefix: str) -> list[dict]:
    body = {"filter": {"event": {"prefix": [prefix]}, "order": "ASC"}, "limit": 50}
    r = requests.post(f"{api}/events/filter", json=body, timeout=10)
    r.raise_for_status()
    page = r.json()
    events = page["events"]
    while page.get("next_page"):
        page = requests.get(page["next_page"], timeout=10).json()
        events += page["events"]
    return events


def _release_paths(entries) -> list[str]:
    profile = load_profile()
    return [e.path for e in entries if release_match(profile, "https://www.hkstp.org" + e.path)]


def test_finding_events_and_the_critical_automation(stack):
    apply = subprocess.run([sys.executable, "-m", "flows.automations", "--webhook-url", stack["hook"].url],
                           env=stack["env"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert apply.returncode == 0, apply.stderr[-2000:]
    assert "hkstp critical finding" in apply.stdout
    result = _finish(_monitor(stack))
    with duckdb.connect(str(stack["db"]), read_only=True) as con:
        findings = {r[0]: r[1:] for r in con.execute(
            "select finding_id, check_name, severity, new_value, new_url from findings").fetchall()}
    assert result["new_findings"] == len(findings) > 0
    events = wait_for(lambda: (ev := _events(stack["api"], "hkstp.finding.")) and len(ev) >= len(findings) and ev,
                   60, "finding events")
    by_finding = {e["resource"]["prefect.resource.id"].removeprefix("hkstp.finding."): e for e in events}
    assert len(events) == len(by_finding) == len(findings)  # one event per new finding, none twice
    assert set(by_finding) == set(findings)
    for finding_id, (check, severity, new_value, new_url) in findings.items():
        event = by_finding[finding_id]
        assert event["event"] == f"hkstp.finding.{check}"
        assert event["resource"]["hkstp.severity"] == severity
        payload = event["payload"]
        assert payload["new_value"] == new_value and payload["new_url"] == new_url and payload["severity"] == severity
        assert {"old_value", "old_qualifier", "new_qualifier", "old_published_on", "new_published_on",
                "old_url"} <= set(payload)
        roles = {r["prefect.resource.role"] for r in event["related"]}
        assert {"release", "flow-run"} <= roles
    summary = wait_for(lambda: _events(stack["api"], "hkstp.run.summary"), 30, "run summary event")
    assert summary[-1]["payload"]["new_findings"] == len(findings)
    critical = [f for f, v in findings.items() if v[1] == "critical"]
    assert critical, "the sample site's snapshot A holds a critical finding"
    got = wait_for(lambda: [b for b in stack["hook"].received if "hkstp.finding." in b], 90, "the webhook call")
    assert any(f"hkstp.finding.{critical[0]}" in b for b in got) or any(
        any(f"hkstp.finding.{c}" in b for c in critical) for b in got)
    stack["full_run_done"] = True


def test_a_run_right_after_a_full_run_asks_for_no_known_release_page(stack):
    if not stack.get("full_run_done"):
        _finish(_monitor(stack))
    site = stack["site"]
    known = set(_release_paths(site.log))
    dead = {e.path for e in site.log if e.status == 404}  # the sample's dead link: never known, asked again
    site.clear_log()
    _finish(_monitor(stack))
    assert [p for p in _release_paths(site.log) if p not in dead] == []  # nothing due, no lastmod moved
    others = {e.path for e in site.log} - dead
    # robots, sitemaps and the FIRST listing page of each listing: its releases are all known, so the listing
    # stops there (flows/discover.py)
    assert others and all(p == "/robots.txt" or "sitemap" in p or p.rstrip("/").split("/")[-1] in
                          {"press-room", "news-room", "park-life"} for p in others), sorted(others)
    # snapshot B: new releases appear (and one old release is silently edited, not yet due)
    site.root = SITE / "B"
    site.clear_log()
    result = _finish(_monitor(stack))
    fetched = set(_release_paths(site.log)) - dead
    assert fetched and not (fetched & known), sorted(fetched & known)
    assert result["new_releases"] >= 1


def test_daily_and_hourly_new_never_hold_the_warehouse_together(stack):
    site = stack["site"]
    site.clear_log()
    env_every_page_due = {**stack["env"], "HKSTP_RECHECK_DAYS": "0"}  # real work in both runs
    both = []
    for params in ({}, {"max_listing_pages": 1, "use_sitemap": False}):
        stack_env = {**stack, "env": env_every_page_due}
        both.append(_monitor(stack_env, **params))
    results = [_finish(p) for p in both]
    assert all(r["pages"] > 0 for r in results)
    events = wait_for(lambda: (ev := _events(stack["api"], "prefect.concurrency-limit.")) and ev, 30, "limit events")
    mine = sorted((e for e in events if e["resource"].get("prefect.resource.name") == "hkstp-warehouse"),
                  key=lambda e: e["occurred"])
    phases = [e["event"].rsplit(".", 1)[-1] for e in mine]
    phases = [p for p in phases if p in ("acquired", "released")]  # not the limit's "created"
    runs = {r["prefect.resource.id"] for e in mine for r in e["related"] if r["prefect.resource.role"] == "flow-run"}
    assert len(runs) >= 2  # both runs (and the earlier ones) held it
    held = 0
    for phase in phases:  # limit 1: never two holders at once
        held += 1 if phase == "acquired" else -1
        assert 0 <= held <= 1, phases
    gap = site.min_gap_s()
    assert gap is not None and gap >= GAP_S * 0.98, gap  # both processes together kept the gap
