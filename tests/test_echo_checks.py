"""The echo checks on a real DuckDB file: hand-built press-room and Government editions (nothing parsed), so
the test is about the comparison, not the extraction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import warehouse
from warehouse.testing import claim, document


def _c(metric, value, qualifier="over", subject="hkstp", scope="standing", as_of=None, sentence=None):
    c = claim(metric, value, qualifier, section="body")
    c = replace(c, subject=subject, scope=scope, as_of=date.fromisoformat(as_of) if as_of else None)
    if sentence:
        c.sentence = sentence
    return c


def _echo(release_id, published_on, claims):
    doc = document(release_id, "en", published_on, claims,
                   url=f"https://www.info.gov.hk/gia/general/{published_on[:7].replace('-', '')}/{published_on[8:]}/"
                       f"P{published_on.replace('-', '')}00{len(release_id)}.htm")
    doc.source = "gia"
    return doc


def _load(db, docs):
    warehouse.load_documents(db, docs)
    return warehouse.run_checks(db)


def _press_room():
    return [
        document("about-2024", "en", "2024-03-01", [_c("tech_companies", 1700), _c("research_professionals", 13000)]),
        document("about-2025", "en", "2025-02-01", [_c("tech_companies", 2200), _c("research_professionals", 15000)]),
    ]


def test_stale_and_mismatched_echoes_are_findings_and_current_subset_and_other_organisations_are_not(tmp_path):
    db = tmp_path / "w.duckdb"
    echoes = [
        _echo("gia-stale", "2025-09-03", [_c("tech_companies", 1700, sentence="HKSTP hosts over 1,700 companies.")]),
        _echo("gia-current", "2025-09-04", [_c("tech_companies", 2200)]),
        _echo("gia-mismatch", "2025-09-05", [_c("research_professionals", 14000)]),
        _echo("gia-too-big", "2025-09-06", [_c("tech_companies", 3000)]),
        _echo("gia-subset", "2025-09-07", [_c("tech_companies", 1200, "about", subject="hkstp/science-park")]),
        _echo("gia-cyberport", "2025-09-08", [_c("tech_companies", 1800, subject="cyberport")]),
        _echo("gia-event", "2025-09-09", [_c("tech_companies", 500, scope="event")]),
        _echo("gia-before-history", "2023-01-09", [_c("tech_companies", 900)]),
    ]
    run = _load(db, _press_room() + echoes)
    found = {(f["check_name"], f["new_release_id"]): f for f in run.new_findings if f["check_name"].startswith("echo_")}
    assert set(found) == {("echo_stale", "gia-stale"), ("echo_mismatch", "gia-mismatch"),
                          ("echo_mismatch", "gia-too-big")}
    stale = found[("echo_stale", "gia-stale")]
    assert (stale["severity"], stale["old_value"], stale["new_value"]) == ("warning", 2200, 1700)
    assert stale["old_published_on"] == "2025-02-01" and stale["new_published_on"] == "2025-09-03"
    assert stale["new_sentence"] == "HKSTP hosts over 1,700 companies." and stale["old_sentence"]
    assert "info.gov.hk" in stale["new_url"] and "hkstp.org" in stale["old_url"]
    assert found[("echo_mismatch", "gia-mismatch")]["severity"] == "warning"
    assert found[("echo_mismatch", "gia-too-big")]["severity"] == "critical"

    _, rows = warehouse.query(db, "select release_id, verdict from echoes order by release_id")
    assert dict(rows) == {"gia-stale": "stale", "gia-current": "current", "gia-mismatch": "mismatch",
                          "gia-too-big": "mismatch", "gia-subset": "unknown", "gia-before-history": "unknown"}
    # the press room's timeline is HKSTP's own: no Government figure enters it, so no figure_changed from echoes
    assert not [f for f in run.new_findings if f["check_name"] == "figure_changed" and "gia" in f["new_release_id"]]
    assert warehouse.run_checks(db).new_findings == []  # stable ids: nothing new the second time


def test_the_configured_tolerance_makes_a_close_figure_agree(tmp_path):
    db = tmp_path / "w.duckdb"
    warehouse.load_documents(db, _press_room() + [_echo("gia-close", "2025-09-03", [_c("tech_companies", 2210)])])
    strict = warehouse.run_checks(db)
    assert [f["check_name"] for f in strict.new_findings if f["check_name"].startswith("echo_")] == ["echo_mismatch"]
    lenient = warehouse.run_checks(db, warehouse.CheckSettings(echo_tolerance_pct=1.0))
    assert lenient.counts_by_check["echo_mismatch"] == 0
    _, rows = warehouse.query(db, "select verdict from echoes")
    assert rows == [("current",)]


def test_the_report_draws_each_echo_on_its_metrics_chart_marked_by_source(tmp_path):
    from flows.report import write_report

    db = tmp_path / "w.duckdb"
    _load(db, _press_room() + [_echo("gia-stale", "2025-09-03", [_c("tech_companies", 1700)]),
                               _echo("gia-subset", "2025-09-07", [_c("tech_companies", 1200, "about",
                                                                     subject="hkstp/science-park")])])
    html = write_report(db, tmp_path / "report.html").read_text(encoding="utf-8")
    chart = html.split('id="chart-tech_companies"', 1)[1].split("</figure>", 1)[0]
    assert chart.count('class="echo" data-source="gia"') == 1  # the Science Park's figure is not HKSTP's chart
    assert "stale" in chart.split('class="echo"', 1)[1].split("</g>", 1)[0]
    # and the finding in words, with both figures and dates
    assert "the Government said over 1,700 on 3 Sep 2025, a figure HKSTP had replaced: HKSTP had said over 2,200" in html


def test_a_dropped_or_reworded_qualifier_is_no_mismatch_but_a_contradicting_one_is(tmp_path):
    db = tmp_path / "w.duckdb"
    run = _load(db, _press_room() + [
        _echo("gia-plain", "2025-09-03", [_c("tech_companies", 2200, "exact")]),
        _echo("gia-some", "2025-09-04", [_c("tech_companies", 2200, "about")]),
        _echo("gia-nearly", "2025-09-05", [_c("tech_companies", 2200, "nearly")]),
    ])
    _, rows = warehouse.query(db, "select release_id, verdict from echoes")
    assert dict(rows) == {"gia-plain": "current", "gia-some": "current", "gia-nearly": "mismatch"}
    assert [f["new_release_id"] for f in run.new_findings if f["check_name"] == "echo_mismatch"] == ["gia-nearly"]
