"""Reviews started by the automation, for real (issue 23): a `prefect server`, `hkstp-monitor serve` with the
automations pointed at a loopback webhook, the sample press room on loopback.

- one monitor run with many warning and critical findings starts ONE review, which pauses and then resumes with
  decisions. Under a deployment concurrency limit a paused review crashed when the engine renewed the limit's
  lease (it renews a 300 s lease every 225 s, hard-coded, so "410 Gone" came 3m45s into the run: measured by hand
  on this machine with the old prefect.yaml). That cannot happen now by construction, and that is what is tested:
  the `review` deployment has no concurrency limit and no state of the review run carries a lease id, so the
  engine never starts renewing one; the run is also seen Paused through several passes of the repossessor;
- a second review started while one waits ends Completed at once, saying "a review is already waiting: <url>";
- a review nobody answers in time is named so and the `hkstp run failed` automation calls the webhook;
- a run against a host that does not answer raises `site_unreachable`, and the webhook hears of it.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

import warehouse
from flows.loopback import LoopbackServer
from prefect_server import BIN, prefect_server, stop, wait_for
from test_signals_server import WebhookReceiver

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site" / "A"
PAUSED_CHECK_S = 30

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review-automation")
    db = tmp / "hkstp.duckdb"
    serve_log = tmp / "serve.log"
    hook = WebhookReceiver()
    lease = {"PREFECT_SERVER_SERVICES_REPOSSESSOR_LOOP_SECONDS": "5"}  # expired leases are looked for every 5 s
    try:
        with prefect_server(tmp, timeout=300, HKSTP_MIN_GAP_S="0", HKSTP_DB=str(db),
                            HKSTP_ALERT_WEBHOOK_URL=hook.url, **lease) as server:
            api, env = server["api"], server["env"]
            site = LoopbackServer(root=SITE).start()
            serve = subprocess.Popen([str(BIN / "hkstp-monitor"), "serve", "--base-url", site.base_url, "--db", str(db)],
                                     env={**env, "PREFECT_LOGGING_LEVEL": "INFO"}, cwd=tmp,
                                     stdout=serve_log.open("w"), stderr=subprocess.STDOUT)
            try:
                wait_for(lambda: len(_post(api, "deployments/filter")) >= 4, 180, "the deployments", serve, serve_log)
                wait_for(lambda: {"hkstp run failed", "review-on-warning-or-critical-finding"}
                         <= {a["name"] for a in _post(api, "automations/filter")}, 90, "the automations", serve,
                         serve_log)
                yield {"api": api, "env": env, "db": db, "site": site, "hook": hook, "serve": serve,
                       "serve_log": serve_log, "port": server["port"]}
            finally:
                stop(serve)
                site.stop()
    finally:
        hook.close()


def _post(api: str, path: str, body: dict | None = None) -> list[dict]:
    r = requests.post(f"{api}/{path}", json=body or {}, timeout=10)
    r.raise_for_status()
    return r.json()


def _reviews(api: str) -> list[dict]:
    return sorted(_post(api, "flow_runs/filter", {"flows": {"name": {"any_": ["review-findings"]}}}),
                  key=lambda r: r["created"])


def _run(api: str, run_id: str) -> dict:
    return requests.get(f"{api}/flow_runs/{run_id}", timeout=10).json()


def _monitor(stack, base_url: str) -> dict:
    """One monitor flow run in its own process against the server, as a deployment run would be."""
    params = {"base_url": base_url, "db": str(stack["db"]), "min_gap_s": 0.0}
    code = ("import json, sys; from flows.monitor import monitor; "
            "r = monitor(**json.loads(sys.argv[1])); print(json.dumps(r, default=str))")
    done = subprocess.run([sys.executable, "-c", code, json.dumps(params)], env=stack["env"], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _deployment(api: str, name: str) -> dict:
    return next(d for d in _post(api, "deployments/filter") if d["name"] == name)


def _finished(api: str, run_id: str):
    run = _run(api, run_id)
    return run if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None


def test_one_run_starts_one_review_that_holds_no_lease_stays_paused_and_resumes(stack):
    api = stack["api"]
    review = _deployment(api, "review")
    assert review.get("global_concurrency_limit") is None and review.get("concurrency_limit") is None
    result = _monitor(stack, stack["site"].base_url)
    _, rows = warehouse.query(stack["db"], "select count(*) from findings where severity in ('warning', 'critical')")
    serious = rows[0][0]
    assert result["new_findings"] >= serious >= 7  # the sample's snapshot A: 3 warnings and 4 critical
    paused = wait_for(lambda: [r for r in _reviews(api) if r["state"]["type"] == "PAUSED"], 240,
                      "the automation's review to pause", stack["serve"], stack["serve_log"])
    assert len(paused) == 1
    run = paused[0]
    assert run["deployment_id"] == review["id"]
    since = time.monotonic()
    states = set()
    while time.monotonic() - since < PAUSED_CHECK_S:  # several passes of the repossessor
        states.add(_run(api, run["id"])["state"]["type"])
        time.sleep(5)
    assert states == {"PAUSED"}, states
    history = requests.get(f"{api}/flow_run_states/", params={"flow_run_id": run["id"]}, timeout=10).json()
    assert {"PENDING", "RUNNING", "PAUSED"} <= {s["type"] for s in history}
    assert [s["state_details"].get("deployment_concurrency_lease_id") for s in history] == [None] * len(history)
    assert [r["id"] for r in _reviews(api)] == [run["id"]]  # 7+ serious findings, one review, none cancelled

    # a second review while this one waits: it ends at once and says where the waiting one is
    second = requests.post(f"{api}/deployments/{review['id']}/create_flow_run", json={}, timeout=10).json()
    done = wait_for(lambda: _finished(api, second["id"]), 180, "the second review", stack["serve"], stack["serve_log"])
    assert done["state"]["type"] == "COMPLETED"
    assert done["name"] == "review: not started, a review is already waiting"
    def said() -> list[str]:
        logs = _post(api, "logs/filter", {"logs": {"flow_run_id": {"any_": [second["id"]]}}})
        return [log["message"] for log in logs if "a review is already waiting: " in log["message"]]

    said_line = wait_for(said, 30, "the second review's log line")
    assert run["id"] in said_line[0], said_line
    assert _run(api, run["id"])["state"]["type"] == "PAUSED"

    # the waiting one resumes with a decision made in its form's row
    schema_key = _run(api, run["id"])["state"]["state_details"]["run_input_keyset"]["schema"]
    schema = requests.get(f"{api}/flow_runs/{run['id']}/input/{schema_key}", timeout=10).json()
    row = next(k for k in schema["properties"] if k.startswith("decision_"))
    finding_id = row.removeprefix("decision_")
    from prefect.flow_runs import resume_flow_run
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}):
        resume_flow_run(run["id"], run_input={row: "confirm", f"note_{finding_id}": "seen it", "reviewer": "Ana"})
    final = wait_for(lambda: _finished(api, run["id"]), 120, "the review to finish", stack["serve"], stack["serve_log"])
    assert final["state"]["type"] == "COMPLETED", final["state"]
    assert final["name"] == "review: 1 decision applied: 1 confirmed, 0 muted, 0 wrong"
    cols, rows = warehouse.query(stack["db"], f"select status, review_note, reviewed_by from findings "
                                              f"where finding_id = '{finding_id}'")
    assert rows == [("acknowledged", "seen it", "Ana")]


def test_a_review_nobody_answers_is_named_so_and_alerts(stack):
    api = stack["api"]
    review = _deployment(api, "review")
    wait_for(lambda: not [r for r in _reviews(api) if r["state"]["type"] in ("PAUSED", "RUNNING")], 120,
             "no review waiting")
    run = requests.post(f"{api}/deployments/{review['id']}/create_flow_run",
                        json={"parameters": {"timeout_s": 5}}, timeout=10).json()
    done = wait_for(lambda: _finished(api, run["id"]), 180, "the review to time out", stack["serve"],
                    stack["serve_log"])
    assert done["state"]["type"] == "FAILED"
    # the name is set by the flow, or by its on_failure hook, which runs after the state is visible
    # (a pause the server expired first ends as a failure whose hook names it "review failed, nothing changed")
    named = wait_for(lambda: "nothing changed" in (r := _run(api, run["id"]))["name"] and r, 60,
                     "the timed-out review's name")
    assert named["name"].startswith(("review: no answer in time, nothing changed", "review failed, nothing changed")), \
        named["name"]
    alerts = wait_for(lambda: [json.loads(b) for b in stack["hook"].received
                               if run["id"] in b and "hkstp run failed" in b], 90, "the failed-run alert")
    assert alerts[0]["event"] == "prefect.flow-run.Failed"


def test_a_run_against_an_unreachable_host_raises_site_unreachable_and_alerts(stack):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    result = _monitor(stack, dead)
    assert result["summary"].startswith("SITE UNREACHABLE") and result["site_unreachable"] == 1
    cols, rows = warehouse.query(stack["db"], "select finding_id, new_url, new_text from findings "
                                              "where check_name = 'site_drift' and new_sentence = 'site_unreachable'")
    assert len(rows) == 1 and rows[0][1] == f"{dead}/robots.txt" and "could not be reached" in rows[0][2]
    alerts = wait_for(lambda: [json.loads(b) for b in stack["hook"].received if rows[0][0] in b], 90,
                      "the site drift alert")
    assert {a["event"] for a in alerts} == {"hkstp.finding.site_drift"}
    assert {a["automation"] for a in alerts} == {"hkstp site drift"}
