"""What the Prefect UI shows of the monitor (issue 23): artifacts in the words of the CLI and the report, attached
to the flow run; page text that reaches markdown escaped; event names a person can read; a run that could not
reach the site raising `site_unreachable`; the review form carrying each finding's evidence and accepting both
answer shapes. The paused review on a real server and in Chromium: tests/test_review_server.py.
"""

from __future__ import annotations

import json
import re
import socket

import pytest

import warehouse
from flows.findingtext import change, evidence_markdown, finding_title
from flows.markdown import md_link, md_text, md_url
from flows.publish import finding_event, new_findings_markdown, summary_markdown
from flows.review import ReviewInput, review_form
from transforms.model import FetchRecord

UNICORNS = {"finding_id": "b91642a3c0ffee00", "check_name": "figure_changed", "severity": "critical",
            "metric": "unicorns", "language": "en", "old_language": "en", "new_language": "en",
            "old_value": 14, "new_value": 10, "old_qualifier": "exact", "new_qualifier": "over",
            "old_published_on": "2023-09-07", "new_published_on": "2023-12-06",
            "old_url": "https://www.hkstp.org/en/news-room/a/", "new_url": "https://www.hkstp.org/en/news-room/b/",
            "old_text": "14 unicorns", "new_text": "over 10 unicorns",
            "old_sentence": "The parks are home to 14 unicorns today.",
            "new_sentence": "The parks count over 10 unicorns among their companies.", "change_pct": -28.6}


# --- escaping: a page is hostile until proven otherwise ---------------------------------------------------------

HOSTILE_TITLES = [
    "[y](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ `code` | cell | ~~gone~~",
    "see http://evil.example/ and www.evil.example",
    "# heading",
    "- list item",
    "1. numbered",
    "&lt;script&gt;",
    "a\nnew line\n\n## two",
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_page_text_in_markdown_is_literal_text(title):
    out = md_text(title)
    assert "\n" not in out
    # no unescaped mark that opens a link, image, HTML tag, code, emphasis, table cell or entity survives
    assert not re.search(r"(?<!\\)[\[\]()<`*_|&]", out), out
    assert not re.search(r"(?<!\\)(https?|javascript):", out), out  # no autolink
    assert not re.search(r"(?i)(?<!\\)www\.", out)
    assert not re.match(r"(#|-|\d+\.)", out), out  # opens no heading or list
    assert re.sub(r"\\(.)", r"\1", out) == " ".join(title.split())  # and it reads the same


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "/relative/path",
                                 "http://", "http://exa\nmple.org/", "vbscript:msgbox(1)", None, 42])
def test_only_web_urls_become_links(url):
    out = md_link("the release", url)
    assert out == "the release"  # text, no link
    assert md_url(url) is None


@pytest.mark.parametrize("url", ["https://x.org/a b", "https://x.org/a)(javascript:alert(1)", "https://x.org/\"<>'",
                                 "https://x.org/a](javascript:alert(1))", "https://x.org/`x`\\"])
def test_a_link_target_cannot_break_out(url):
    out = md_link("[evil](javascript:alert(1))", url)
    label, target = re.fullmatch(r"\[(.*)\]\((.*)\)", out).groups()
    assert not re.search(r"[\s()<>\"'`\\]", target), target  # nothing that could end or quote the target
    assert target.startswith("https://x.org/")
    assert "](" not in label.replace("\\]", "").replace("\\(", "")  # the label's own brackets are escaped


def test_hostile_finding_text_reaches_the_artifact_escaped():
    f = {**UNICORNS, "new_sentence": "Click [here](javascript:alert(1)) for over 10 unicorns <b>now</b>",
         "new_url": "javascript:alert(document.cookie)", "old_url": "https://x.org/a)[b](javascript:c)"}
    md = new_findings_markdown([f]) + "\n" + evidence_markdown(f)
    links = re.findall(r"(?<!\\)\[([^\]]*)\]\(([^)]*)\)", md)
    assert links and all(t.startswith("https://") for _, t in links), links
    text = re.sub(r"\]\(https://[^)\s]*\)", "]", md)  # outside the (encoded) https targets:
    assert not re.search(r"(?<!\\)<", text) and not re.search(r"(?<!\\)javascript:", text)


# --- words: what the CLI and the report say ---------------------------------------------------------------------


def test_artifacts_write_figures_with_their_qualifiers_and_both_metric_names():
    assert change(UNICORNS) == "14 -> over 10"
    qualifier = {**UNICORNS, "check_name": "qualifier_changed", "old_value": 14, "new_value": 14,
                 "old_qualifier": "about", "new_qualifier": "over"}
    assert change(qualifier) == "about 14 -> over 14"
    md = new_findings_markdown([UNICORNS, qualifier])
    row = next(line for line in md.splitlines() if "figure\\_changed" in line or "figure_changed" in line)
    assert "14 -> over 10" in row and "Unicorns" in row and "獨角獸" in row
    assert UNICORNS["finding_id"] in row  # the full id
    assert f"]({UNICORNS['new_url']})" in row and f"]({UNICORNS['old_url']})" in row
    assert "about 14 -> over 14" in md


def test_the_finding_event_has_a_readable_name():
    drop = {**UNICORNS, "metric": "countries_regions", "old_value": 28, "new_value": 25, "new_qualifier": "exact"}
    event = finding_event(drop, "run-1")
    assert event["resource"]["prefect.resource.name"] == "Countries and regions 28 -> 25"
    metric = next(r for r in event["related"] if r["prefect.resource.role"] == "metric")
    assert metric["prefect.resource.name"] == "Countries and regions 國家及地區"
    assert finding_title(UNICORNS) == "Unicorns 14 -> over 10"


def test_the_summary_counts_only_this_runs_new_findings():
    checks = warehouse.CheckRun(run_id="r", new_findings=[UNICORNS],
                                counts_by_severity={"critical": 4, "info": 22, "warning": 4}, total_open=30)
    md = summary_markdown("https://www.hkstp.org", {"fetch_errors": 0, "discovery_errors": 3}, checks)
    assert "New findings by severity: critical 1" in md and "info 22" not in md
    assert "| failed requests of discovery (robots.txt, sitemaps, listings) | 3 |" in md
    empty = summary_markdown("https://www.hkstp.org", {}, warehouse.CheckRun(run_id="r", counts_by_severity={"info": 5}))
    assert "New findings by severity: none" in empty


# --- a run that could not reach the site ---------------------------------------------------------------------------


def _record(url: str, status: int | None, error: str | None) -> FetchRecord:
    return FetchRecord(url=url, fetched_at="2026-01-01T00:00:00Z", status=status, error=error)


def test_site_unreachable_needs_every_way_in_to_fail():
    from flows.drift import site_unreachable

    base = "https://www.hkstp.org"
    dns = _record(f"{base}/robots.txt", None, "host not found")
    signal, = site_unreachable(base, [dns], [])
    assert (signal.kind, signal.url, signal.drift) == ("site_unreachable", dns.url, True)
    assert "host not found" in signal.detail and "robots.txt" in signal.detail
    ok_robots = _record(f"{base}/robots.txt", 200, None)
    assert site_unreachable(base, [ok_robots, _record(f"{base}/news-room/", 404, "http 404")], []) == []
    down = [ok_robots, _record(f"{base}/news-room/", 503, "http 503")]
    pages = [_record(f"{base}/en/a/", None, "timeout"), _record(f"{base}/en/b/", 502, "http 502")]
    assert site_unreachable(base, down, pages)[0].detail.count("release pages") == 1
    assert site_unreachable(base, down, pages[:1] + [_record(f"{base}/en/c/", 200, None)]) == []


@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.slow
def test_a_run_against_an_unreachable_host_raises_site_unreachable(tmp_path, capsys):
    from flows.cli import main

    with socket.socket() as s:  # a port nobody listens on: every request is refused
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    db = tmp_path / "wh.duckdb"
    capsys.readouterr()
    assert main(["run", "--base-url", dead, "--min-gap", "0", "--db", str(db), "--json", "--quiet"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["summary"].startswith("SITE UNREACHABLE")
    assert result["new_findings"] == 1 and result["site_unreachable"] == 1
    assert result["discovery_errors"] >= 1
    cols, rows = warehouse.query(db, "select * from findings where check_name = 'site_drift'")
    found = [dict(zip(cols, r)) for r in rows]
    assert [f["new_sentence"] for f in found] == ["site_unreachable"]
    assert found[0]["new_url"] == f"{dead}/robots.txt" and "could not be reached" in found[0]["new_text"]


# --- the review form ------------------------------------------------------------------------------------------------


def test_the_review_form_has_a_row_per_finding_with_its_evidence():
    second = {**UNICORNS, "finding_id": "0d534946aaaa1111", "severity": "info", "old_value": 10,
              "old_qualifier": "over", "new_value": 14, "new_qualifier": "exact"}
    schema = review_form([UNICORNS, second], 7).model_json_schema()
    props = schema["properties"]
    row = props[f"decision_{UNICORNS['finding_id']}"]
    assert row["default"] == "leave open" and row["enum"] == ["leave open", "confirm", "mute", "wrong"]
    assert "Unicorns 獨角獸企業" in row["title"] and "14 -> over 10" in row["title"]
    assert "2023-09-07 -> 2023-12-06" in row["title"]
    assert "**14 unicorns**" in row["description"] and "**over 10 unicorns**" in row["description"]
    assert f"]({UNICORNS['new_url']})" in row["description"] and UNICORNS["finding_id"] in row["description"]
    assert "over 10 -> 14" in props[f"decision_{second['finding_id']}"]["title"]
    assert list(props)[:4] == [f"decision_{UNICORNS['finding_id']}", f"note_{UNICORNS['finding_id']}",
                               f"decision_{second['finding_id']}", f"note_{second['finding_id']}"]
    assert {"reviewer", "decisions"} <= set(props)
    refused = review_form([UNICORNS], 1, ["decision 1: no finding with id 'zz'"]).model_json_schema()
    first = next(iter(refused["properties"].values()))
    assert first["title"].startswith("Nothing was applied") and "no finding with id 'zz'" in first["description"]


def test_the_review_form_accepts_rows_and_the_design_shape():
    form = review_form([UNICORNS], 1)
    rows = form(**{f"decision_{UNICORNS['finding_id']}": "wrong", f"note_{UNICORNS['finding_id']}": "misread"})
    assert rows.all_decisions() == [{"finding_id": UNICORNS["finding_id"], "decision": "wrong", "note": "misread"}]
    design = form(decisions=[{"finding_id": "b91642", "decision": "confirm", "note": "ok"}], reviewer="Mei")
    assert design.all_decisions() == [{"finding_id": "b91642", "decision": "confirm", "note": "ok"}]
    assert design.reviewer == "Mei"
    assert form().all_decisions() == []  # every row left open
    assert ReviewInput(decisions=[{"finding_id": "x", "decision": "mute"}]).all_decisions()[0]["decision"] == "mute"


# --- the demo's artifacts belong to its flow runs -------------------------------------------------------------------


def test_the_demos_new_findings_artifact_shows_the_qualifier_on_the_flow_run(sample_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, ArtifactFilterKey

    first = sample_warehouse["runs"][0]
    assert first["flow_run_id"]
    with get_client(sync_client=True) as client:
        arts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[first["flow_run_id"]])))
    by_key = {a.key: a for a in arts}
    assert {"monitor-summary", "new-findings", "monitor-report"} <= set(by_key)
    assert all(a.task_run_id is None for a in by_key.values())  # the run's, not a task's
    findings = by_key["new-findings"].data
    unicorns = [line for line in findings.splitlines() if "Unicorns" in line and "critical" in line]
    assert unicorns and all("14 -> over 10" in line for line in unicorns), unicorns
    assert "| 14 -> 10 |" not in findings
    report = by_key["monitor-report"].data
    assert report.startswith("# What changed") and "file://" not in report
    assert "Countries and regions 國家及地區" in report


@pytest.mark.usefixtures("prefect_harness")
def test_a_crashed_or_failed_review_is_named_so():
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed, Failed

    from flows.review import name_broken_review, review_findings

    with get_client(sync_client=True) as client:
        crashed = client.create_flow_run(review_findings, name="review: 3 of 9 open findings await decisions")
        failed = client.create_flow_run(review_findings, name="review: 3 of 9 open findings await decisions")
        timed_out = client.create_flow_run(review_findings, name="review: no answer in time, nothing changed")
        name_broken_review(review_findings, crashed, Crashed(message="Concurrency lease renewal failed: 410 Gone"))
        name_broken_review(review_findings, failed, Failed(message="database is locked"))
        name_broken_review(review_findings, timed_out, Failed(message="no decisions within 3 s"))
        names = [client.read_flow_run(r.id).name for r in (crashed, failed, timed_out)]
    assert names == ["review crashed, nothing changed: Concurrency lease renewal failed: 410 Gone",
                     "review failed, nothing changed: database is locked",
                     "review: no answer in time, nothing changed"]


@pytest.mark.usefixtures("prefect_harness")
def test_a_review_waits_only_for_another_paused_review_whose_wait_is_not_over():
    from datetime import datetime, timedelta, timezone

    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.states import Paused

    from flows.review import review_findings, review_waiting

    @flow(name="review-probe")
    def probe() -> str | None:
        return review_waiting()

    with get_client(sync_client=True) as client:
        stale = client.create_flow_run(review_findings, name="review: stale")
        client.set_flow_run_state(stale.id, Paused(pause_expiration_time=datetime.now(timezone.utc)
                                                   - timedelta(minutes=5)), force=True)
        assert probe() is None  # a pause whose time is over holds no one back
        waiting = client.create_flow_run(review_findings, name="review: waiting")
        client.set_flow_run_state(waiting.id, Paused(timeout_seconds=3600), force=True)
        try:
            link = probe()
        finally:
            client.set_flow_run_state(waiting.id, Paused(pause_expiration_time=datetime.now(timezone.utc)
                                                         - timedelta(minutes=5)), force=True)
    assert link is not None and str(waiting.id) in link
