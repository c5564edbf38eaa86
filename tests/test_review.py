"""Reviewing findings: decisions applied whole or not at all, `wrong` as feedback (out of alerts and reports,
exported as an annotated claim set), and the description a reviewer reads beside the Prefect form.

The review flow itself, paused and resumed on a real `prefect server` and seen in Chromium, is in
test_review_server.py.
"""

from __future__ import annotations

import json

import pytest

import warehouse
from flows.cli import main
from flows.publish import notify
from flows.review import ReviewInput, review_description
from test_alerts import Receiver
from annotated_scoring import load_annotated, score
from transforms.errors import ReviewRejected
from warehouse.testing import claim, document


@pytest.fixture
def db(tmp_path):
    """Four releases whose technology-company count moves three times: three open findings."""
    path = tmp_path / "wh.duckdb"
    warehouse.migrate(path)
    points = [("r1", "2023-01-10", 1700, "about"), ("r2", "2023-04-10", 1800, "over"),
              ("r3", "2023-07-10", 1900, "about"), ("r4", "2023-10-10", 2000, "exact")]
    warehouse.load_documents(path, [
        document(rid, "en", day, [claim("tech_companies", value, qualifier,
                                        text=f"{qualifier} {value:,} technology companies")])
        for rid, day, value, qualifier in points
    ])
    warehouse.run_checks(path)
    return path


def all_findings(db) -> dict[str, dict]:
    cols, rows = warehouse.query(db, "select * from findings order by finding_id")
    return {r[0]: dict(zip(cols, r)) for r in rows}


def test_three_decisions_set_status_note_and_reviewer_in_one_go(db):
    before = all_findings(db)
    a, b, c = sorted(before)
    warehouse.apply_review(db, [
        {"finding_id": a[:6], "decision": "confirm", "note": "the park grew"},
        {"finding_id": b, "decision": "mute", "note": ""},
        {"finding_id": c, "decision": "wrong", "note": "1,900 is the floor area, not companies"},
    ], reviewer="Mei", flow_run_id="run-1")
    after = all_findings(db)
    assert [after[x]["status"] for x in (a, b, c)] == ["acknowledged", "muted", "rejected"]
    assert after[a]["review_note"] == "the park grew" and after[b]["review_note"] is None
    assert after[c]["review_note"] == "1,900 is the floor area, not companies"
    assert {after[x]["reviewed_by"] for x in (a, b, c)} == {"Mei"}
    assert all(after[x]["reviewed_at"] is not None for x in (a, b, c))
    for x in (a, b, c):  # nothing but the review columns moved
        keep = {k: v for k, v in before[x].items() if k not in ("status", "status_changed_at", "reviewed_at",
                                                                  "reviewed_by", "review_note", "review_flow_run_id")}
        assert {k: after[x][k] for k in keep} == keep


def test_an_unknown_id_or_decision_applies_nothing_and_names_each_problem(db):
    before = all_findings(db)
    a = sorted(before)[0]
    with pytest.raises(ReviewRejected) as err:
        warehouse.apply_review(db, [
            {"finding_id": a, "decision": "confirm", "note": "fine"},
            {"finding_id": "deadbeef00", "decision": "mute", "note": ""},
            {"finding_id": a, "decision": "perhaps", "note": ""},
        ])
    problems = err.value.problems
    assert any("no finding with id 'deadbeef00'" in p for p in problems)
    assert any("unknown decision 'perhaps'" in p for p in problems)
    assert any("already decided" in p for p in problems)
    assert all_findings(db) == before


def test_rejected_findings_stay_out_of_reports_and_alerts(db):
    a, b, c = sorted(all_findings(db))
    warehouse.apply_review(db, [{"finding_id": c, "decision": "wrong", "note": "misread"}])
    shown = {f["finding_id"] for f in warehouse.report_data(db)["findings"]}
    assert shown == {a, b}
    findings = all_findings(db)
    receiver = Receiver()
    try:
        assert notify(receiver.url, "info", [findings[c]]) is False
        assert notify(receiver.url, "info", [findings[a], findings[c]]) is True
    finally:
        receiver.close()
    [message] = receiver.received
    assert "1 new finding" in message["title"]  # the rejected one was left out


def test_export_rejected_loads_as_an_annotated_set(db, tmp_path, capsys):
    c = sorted(all_findings(db))[2]
    warehouse.apply_review(db, [{"finding_id": c, "decision": "wrong", "note": "that was the floor area"}])
    out = tmp_path / "rejected.jsonl"
    assert main(["export", "--rejected", str(out), "--db", str(db)]) == 0
    rows = load_annotated(out)
    assert {r["id"] for r in rows} == {f"rejected-{c}-old", f"rejected-{c}-new"}
    new = next(r for r in rows if r["id"].endswith("-new"))
    finding = all_findings(db)[c]
    assert new["language"] == "en" and new["text"] == finding["new_sentence"]
    assert new["claims"] == [{"value": finding["new_value"], "value_high": None, "qualifier": finding["new_qualifier"],
                              "metric": "tech_companies", "currency": None, "kind": "count",
                              "unit": new["claims"][0]["unit"], "text": finding["new_text"]}]
    assert new["note"] == "that was the floor area"
    result, _ = score(rows)  # the annotated-set scorer takes the file as it is
    assert result["figures"] == 2


def test_the_description_shows_each_figure_in_its_sentence_with_both_links(db):
    page, total = warehouse.findings_to_review(db, limit=2)
    assert total == 3 and len(page) == 2
    md = review_description(page, total)
    f = page[0]
    assert "2 of 3 open findings" in md
    assert f["finding_id"] in md and "technology companies" in md and "科技公司" in md
    assert f"**{f['new_text']}**" in md and f"**{f['old_text']}**" in md
    assert f"({f['old_url']})" in md and f"({f['new_url']})" in md
    assert f"{f['old_published_on']} -> {f['new_published_on']}" in md
    problems = review_description(page, total, ["decision 1: no finding with id 'zz'"])
    assert problems.startswith("## Nothing was applied") and "no finding with id 'zz'" in problems


def test_the_form_schema_is_the_design_contract():
    schema = ReviewInput.model_json_schema()
    decision = schema["$defs"]["Decision"]
    assert set(decision["properties"]) == {"finding_id", "decision", "note"}
    assert decision["properties"]["decision"]["enum"] == ["confirm", "mute", "wrong"]
    assert schema["properties"]["decisions"]["type"] == "array"


def test_review_command_without_a_prefect_server_says_how_to_start_one(db, capsys):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    # PREFECT_API_URL as a user without a server has it (the session's test harness may have set one)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert main(["review", "--db", str(db)]) == 1
    assert "PREFECT_API_URL" in capsys.readouterr().err


def test_severity_filter_keeps_findings_at_or_above(db):
    page, total = warehouse.findings_to_review(db, severity="warning")
    assert (page, total) == ([], 0)  # an increase is info
    assert json.dumps(warehouse.findings_to_review(db, severity="info")[0], default=str)
