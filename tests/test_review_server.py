"""The review of findings for real: a `prefect server`, a monitor run on the loopback sample press room, then
`hkstp-monitor review`, which pauses in the Prefect API with a form made for its page (a row per finding whose
title and description carry the evidence) that also takes the input of DESIGN.md. The paused run's form is
opened in headless Chromium at 1400x1000 (driven over the DevTools protocol: the form is behind the Resume
button) and each row's figures and sentences must be visible, not only in the DOM; an answer naming an unknown
finding applies nothing and is sent back with the problem as the form's first field; three decisions (one in its
row, two in the DESIGN.md shape) then set three statuses and notes, and nothing else in the warehouse moves.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests

import warehouse
from flows.loopback import LoopbackServer
from annotated_scoring import load_annotated
from flows.findingtext import change
from prefect_server import BIN, prefect_server, stop, wait_for

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site" / "A"
NOTES = Path("/work/notes")
SCREENSHOT = (NOTES if NOTES.is_dir() else REPO / "data" / "screenshots") / "review-form.png"

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """A Prefect server, a warehouse filled by a monitor run on the sample site, and `hkstp-monitor review`
    waiting for decisions."""
    tmp = tmp_path_factory.mktemp("review-stack")
    db = tmp / "hkstp.duckdb"
    review_log = tmp / "review.log"
    with prefect_server(tmp, HKSTP_MIN_GAP_S="0", HKSTP_DB=str(db)) as server:
        api, env = server["api"], server["env"]
        site = LoopbackServer(root=SITE).start()
        review = None
        try:
            run = subprocess.run([str(BIN / "hkstp-monitor"), "run", "--base-url", site.base_url, "--quiet"],
                                 env=env, cwd=tmp, capture_output=True, text=True, timeout=600)
            assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
            before = _findings(db)
            review = subprocess.Popen([str(BIN / "hkstp-monitor"), "review", "--limit", "5"],
                                      env=env, cwd=tmp, stdout=review_log.open("w"), stderr=subprocess.STDOUT)
            paused = wait_for(lambda: _paused_review(api), 180, "the review run to pause", review, review_log)
            yield {"api": api, "port": server["port"], "db": db, "env": env, "review": review,
                   "review_log": review_log, "run": paused, "before": before, "tmp": tmp}
        finally:
            stop(review)
            site.stop()


def _findings(db: Path) -> dict[str, dict]:
    cols, rows = warehouse.query(db, "select * from findings order by finding_id")
    return {r[0]: dict(zip(cols, r)) for r in rows}


def _review_runs(api: str) -> list[dict]:
    r = requests.post(f"{api}/flow_runs/filter",
                      json={"flows": {"name": {"any_": ["review-findings"]}}}, timeout=10)
    r.raise_for_status()
    return r.json()


def _paused_review(api: str, pause_key: str = "review-1") -> dict | None:
    for run in _review_runs(api):
        state = run.get("state") or {}
        if state.get("type") == "PAUSED" and state["state_details"].get("pause_key") == pause_key:
            return run
    return None


def _run_input(api: str, run: dict, which: str):
    key = run["state"]["state_details"]["run_input_keyset"][which]
    r = requests.get(f"{api}/flow_runs/{run['id']}/input/{key}", timeout=10)
    r.raise_for_status()
    return r.json()  # the stored value itself (the schema, the description text)


def _resume(api: str, run_id: str, run_input: dict) -> None:
    """Resume through Prefect's own client, as a script or another flow would."""
    from prefect.flow_runs import resume_flow_run
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}):
        resume_flow_run(run_id, run_input=run_input)


def _page_ids(stack) -> list[str]:
    return re.findall(r"### \d+\. `([0-9a-f]{16})`", _run_input(stack["api"], stack["run"], "description"))


def test_review_pauses_in_the_api_with_the_design_input_schema(stack):
    run, api = stack["run"], stack["api"]
    assert run["state"]["type"] == "PAUSED"
    schema = _run_input(api, run, "schema")
    decisions = schema["properties"]["decisions"]
    assert decisions["type"] == "array"
    item = schema["definitions"]["Decision"] if "definitions" in schema else schema["$defs"]["Decision"]
    assert {"finding_id", "decision", "note"} <= set(item["properties"])
    assert item["properties"]["decision"]["enum"] == ["confirm", "mute", "wrong"]
    rows = [k.removeprefix("decision_") for k in schema["properties"] if k.startswith("decision_")]
    assert rows == _page_ids(stack)  # a row per finding of the page, in the page's order
    for fid in rows:
        row, f = schema["properties"][f"decision_{fid}"], stack["before"][fid]
        assert row["default"] == "leave open" and fid in row["description"]
        if f["check_name"] != "site_drift":
            assert change(f) in row["title"]
    description = _run_input(api, run, "description")
    open_ids = [f for f, row in stack["before"].items() if row["status"] == "open" and row["is_current"]]
    assert f"5 of {len(open_ids)} open findings" in description
    ranks = {"critical": 0, "warning": 1, "info": 2}
    severities = [stack["before"][f]["severity"] for f in _page_ids(stack)]
    assert severities == sorted(severities, key=ranks.get)  # most severe first
    assert "review" in run["name"]  # the run's name says what waits


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """Headless Chromium driven over the DevTools protocol (the form opens behind a button)."""

    def __init__(self, size=(1400, 1900)):
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="hkstp-chromium-")
        self.proc = subprocess.Popen(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", f"--window-size={size[0]},{size[1]}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        wait_for(lambda: port_file.exists() and port_file.read_text().split(), 60, "chromium's DevTools port")
        port = int(port_file.read_text().split()[0])
        pages = wait_for(lambda: [t for t in requests.get(f"http://127.0.0.1:{port}/json/list", timeout=5).json()
                               if t["type"] == "page"], 30, "a chromium page")
        self.ws = connect(pages[0]["webSocketDebuggerUrl"], max_size=None, open_timeout=30)
        self.n = 0

    def call(self, method: str, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv(timeout=60))
            if msg.get("id") == self.n:
                return msg.get("result", {})

    def js(self, expression: str):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


# For each text: some smallest element holding it, scrolled into view inside the form, has a size, is not hidden,
# and is what the page shows at that spot (nothing covers it). The markdown description beside the form holds the
# same words at 0 px height in the default UI, so one visible copy is what counts.
_VISIBLE = """(texts) => texts.map(text => {
  const holders = [...document.querySelectorAll('body *')].filter(e => (e.innerText || '').includes(text)
    && ![...e.children].some(c => (c.innerText || '').includes(text)));
  if (!holders.length) return 'absent';
  const verdicts = holders.map(el => {
    el.scrollIntoView({block: 'center'});
    const r = el.getBoundingClientRect(), css = getComputedStyle(el);
    if (r.width < 1 || r.height < 1) return 'zero size';
    if (css.visibility === 'hidden' || css.opacity === '0') return 'hidden';
    if (r.bottom < 0 || r.top > innerHeight) return 'off screen';
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + Math.min(r.height / 2, 8));
    return hit && (hit === el || el.contains(hit) || hit.contains(el)) ? 'visible' : 'covered';
  });
  return verdicts.includes('visible') ? 'visible' : verdicts.join(', ');
})"""


@pytest.mark.browser
def test_the_paused_form_in_chromium_shows_each_rows_figures_and_sentences(stack):
    if not _chromium():
        pytest.skip("chromium is absent (apt-get install chromium)")
    page_ids = _page_ids(stack)
    wanted: dict[str, list[str]] = {}
    for fid in page_ids:
        f = stack["before"][fid]
        texts = [fid]
        if f["check_name"] != "site_drift":
            texts.append(change(f))
        for side in ("old", "new"):  # each sentence up to its figure (the figure itself is in bold)
            sentence, figure = " ".join((f[f"{side}_sentence"] or "").split()), f[f"{side}_text"] or ""
            before = sentence.split(figure)[0].strip() if figure and figure in sentence else ""
            texts.append((before or figure)[:40].strip())
        wanted[fid] = [t for t in texts if t]
    browser = Browser(size=(1400, 1000))
    try:
        browser.call("Emulation.setDeviceMetricsOverride", width=1400, height=1000, deviceScaleFactor=1,
                     mobile=False)
        browser.call("Page.navigate", url=f"http://127.0.0.1:{stack['port']}/runs/flow-run/{stack['run']['id']}")
        click = ("(() => { const b = [...document.querySelectorAll('button')]"
                 ".find(b => b.innerText.trim() === 'Resume'); if (b) { b.click(); return true } return false })()")
        wait_for(lambda: browser.js(click), 90, "the Resume button of the paused run")
        wait_for(lambda: page_ids[-1] in (browser.js("document.body.innerText") or ""), 60, "the form's rows")
        time.sleep(2)  # let the form finish laying out
        seen = {fid: dict(zip(texts, browser.js(f"({_VISIBLE})({json.dumps(texts)})")))
                for fid, texts in wanted.items()}
        browser.js("document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0 })")
        time.sleep(1)
        shot = browser.call("Page.captureScreenshot", format="png")
        text = browser.js("document.body.innerText")
    finally:
        browser.close()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.write_bytes(base64.b64decode(shot["data"]))
    assert SCREENSHOT.stat().st_size > 20_000
    assert {fid: {t: v for t, v in row.items() if v != "visible"} for fid, row in seen.items()} == \
        {fid: {} for fid in wanted}, seen
    for label in ("leave open", "Note on 1", "Reviewer", "Submit"):  # the form's own fields
        assert label in text, label


def test_an_unknown_finding_id_is_reported_and_nothing_is_applied(stack):
    api, page_ids = stack["api"], _page_ids(stack)
    _resume(api, stack["run"]["id"], {"decisions": [
        {"finding_id": page_ids[0], "decision": "confirm", "note": "looks right"},
        {"finding_id": "0badc0ffee000000", "decision": "mute", "note": ""},
    ]})
    again = wait_for(lambda: _paused_review(api, "review-2"), 120, "the review to ask again", stack["review"],
                  stack["review_log"])
    description = _run_input(api, again, "description")
    assert description.startswith("## Nothing was applied")
    assert "no finding with id '0badc0ffee000000'" in description
    problems = next(iter(_run_input(api, again, "schema")["properties"].values()))  # the form's first field
    assert problems["title"].startswith("Nothing was applied") and "0badc0ffee000000" in problems["description"]
    assert again["name"].startswith("review: nothing applied")
    assert _findings(stack["db"]) == stack["before"]
    stack["run"] = again


def test_three_decisions_set_three_statuses_and_notes_and_nothing_else(stack):
    api, db = stack["api"], stack["db"]
    a, b, c = _page_ids(stack)[:3]
    notes = {a: "the park really grew", b: "known, not news", c: "the monitor took the floor area for companies"}
    _resume(api, stack["run"]["id"], {"reviewer": "Mei Ling", f"decision_{a}": "confirm", f"note_{a}": notes[a],
                                      "decisions": [  # the form's row for one, the DESIGN.md shape for two
        {"finding_id": b[:10], "decision": "mute", "note": notes[b]},
        {"finding_id": c, "decision": "wrong", "note": notes[c]},
    ]})
    assert stack["review"].wait(timeout=120) == 0, stack["review_log"].read_text()[-3000:]
    printed = stack["review_log"].read_text()  # a file, not a terminal: each finding's row on one line
    assert "3 findings reviewed" in printed
    for f, status in ((a, "acknowledged"), (b, "muted"), (c, "rejected")):
        assert any(f[:8] in line and status in line for line in printed.splitlines()), (f, printed[-3000:])
    final = next(r for r in _review_runs(api) if r["id"] == stack["run"]["id"])
    assert final["state"]["type"] == "COMPLETED"
    assert "3 decisions applied" in final["name"]
    after, before = _findings(db), stack["before"]
    assert {f: after[f]["status"] for f in (a, b, c)} == {a: "acknowledged", b: "muted", c: "rejected"}
    assert {f: after[f]["review_note"] for f in (a, b, c)} == notes
    assert {after[f]["reviewed_by"] for f in (a, b, c)} == {"Mei Ling"}
    assert {after[f]["review_flow_run_id"] for f in (a, b, c)} == {stack["run"]["id"]}
    review_columns = {"status", "status_changed_at", "reviewed_at", "reviewed_by", "review_note",
                      "review_flow_run_id"}
    for f in (a, b, c):
        assert after[f]["reviewed_at"] is not None
        assert {k: v for k, v in after[f].items() if k not in review_columns} == \
            {k: v for k, v in before[f].items() if k not in review_columns}
    assert {f: row for f, row in after.items() if f not in (a, b, c)} == \
        {f: row for f, row in before.items() if f not in (a, b, c)}
    out = stack["tmp"] / "rejected.jsonl"
    done = subprocess.run([str(BIN / "hkstp-monitor"), "export", "--rejected", str(out)], env=stack["env"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = load_annotated(out)
    assert rows and {r["finding_id"] for r in rows} == {c} and {r["note"] for r in rows} == {notes[c]}


def test_a_review_nobody_answers_times_out_and_changes_nothing(stack):
    before = _findings(stack["db"])
    done = subprocess.run([str(BIN / "hkstp-monitor"), "review", "--limit", "2"],
                          env={**stack["env"], "HKSTP_REVIEW_TIMEOUT_S": "3"}, cwd=stack["tmp"],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "no decisions within 3 s; no finding was changed" in done.stdout + done.stderr
    runs = sorted(_review_runs(stack["api"]), key=lambda r: r["created"])
    assert runs[-1]["state"]["type"] == "FAILED"
    assert _findings(stack["db"]) == before
