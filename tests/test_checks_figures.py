"""The checks on hand-built claim histories: what a user sees in the `findings` view after `run_checks`."""

from __future__ import annotations

import pytest

import warehouse
from transforms.errors import WarehouseError
from warehouse.testing import claim, document


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "wh.duckdb"
    warehouse.migrate(path)
    return path


def findings(db, check_name=None):
    sql = "select * from findings"
    params = []
    if check_name:
        sql += " where check_name = ?"
        params.append(check_name)
    cols, rows = warehouse.query(db, sql + " order by new_published_on, language, old_value", params)
    return [dict(zip(cols, r)) for r in rows]


def history(db, points, language="en", metric="tech_companies"):
    """points: (release_id, published_on, value, qualifier); one release per point, loaded as one batch."""
    docs = [document(rid, language, day, [claim(metric, value, qualifier)]) for rid, day, value, qualifier in points]
    warehouse.load_documents(db, docs)


def set_cumulative(db, metric, cumulative=True):
    with warehouse.write_connection(db) as con:
        con.execute("insert into core.metrics (key, cumulative) values ($1, $2) "
                    "on conflict (key) do update set cumulative = excluded.cumulative", [metric, cumulative])


def test_increase_is_info_and_shows_old_and_new(db):
    history(db, [("r1", "2023-01-10", 1700, "about"), ("r2", "2023-06-10", 1800, "about")])
    run = warehouse.run_checks(db)
    [f] = findings(db, "figure_changed")
    assert (f["old_value"], f["new_value"], f["severity"]) == (1700, 1800, "info")
    assert f["change_pct"] == pytest.approx(100 / 17)
    assert str(f["old_published_on"]) == "2023-01-10" and str(f["new_published_on"]) == "2023-06-10"
    assert f["old_url"].endswith("/r1/") and f["new_url"].endswith("/r2/")
    assert f["old_text"] == "about 1700 tech_companies"
    assert f["status"] == "open"
    assert run.counts_by_check["figure_changed"] == 1
    assert [n["finding_id"] for n in run.new_findings] == [f["finding_id"]]


def test_decrease_of_cumulative_metric_is_warning_and_critical_over_threshold(db):
    set_cumulative(db, "patents")
    history(db, [("r1", "2023-01-01", 100, "exact"), ("r2", "2023-02-01", 95, "exact"),
                 ("r3", "2023-03-01", 80, "exact")], metric="patents")
    warehouse.run_checks(db)
    got = [(f["old_value"], f["new_value"], f["severity"]) for f in findings(db, "figure_changed")]
    assert got == [(100, 95, "warning"), (95, 80, "critical")]


def test_critical_threshold_is_a_setting(db):
    set_cumulative(db, "patents")
    history(db, [("r1", "2023-01-01", 100, "exact"), ("r2", "2023-02-01", 80, "exact")], metric="patents")
    warehouse.run_checks(db, warehouse.CheckSettings(critical_decrease_pct=25))
    assert [f["severity"] for f in findings(db, "figure_changed")] == ["warning"]


def test_decrease_of_a_metric_that_is_not_cumulative_is_info(db):
    set_cumulative(db, "job_openings", False)
    history(db, [("r1", "2023-01-01", 3000, "over"), ("r2", "2023-02-01", 1000, "over")], metric="job_openings")
    warehouse.run_checks(db)
    assert [f["severity"] for f in findings(db, "figure_changed")] == ["info"]


def test_wording_only_change_gives_nothing(db):
    docs = [
        document("r1", "en", "2023-01-01", [claim("unicorns", 10, "over", text="over 10 unicorns")]),
        document("r2", "en", "2023-05-01", [claim("unicorns", 10, "over", text="more than ten unicorn companies")]),
    ]
    warehouse.load_documents(db, docs)
    run = warehouse.run_checks(db)
    assert findings(db) == [] and run.new_findings == []


def test_more_than_and_over_are_not_a_qualifier_change(db):
    # one extractor says `over`, the other passes the raw words through: both are canonical `over`
    history(db, [("r1", "2023-01-01", 13000, "over"), ("r2", "2023-05-01", 13000, "more than"),
                 ("r3", "2023-09-01", 13000, "about")], metric="research_professionals")
    warehouse.run_checks(db)
    [f] = findings(db, "qualifier_changed")
    assert (f["old_qualifier"], f["new_qualifier"], f["old_value"], f["new_value"]) == ("over", "about", 13000, 13000)
    assert f["severity"] == "info"
    assert findings(db, "figure_changed") == []


def test_a_b_a_gives_two_changes(db):
    history(db, [("r1", "2023-01-01", 10, "over"), ("r2", "2023-03-01", 12, "over"), ("r3", "2023-05-01", 10, "over")],
            metric="unicorns")
    warehouse.run_checks(db)
    got = [(f["old_value"], f["new_value"]) for f in findings(db, "figure_changed")]
    assert got == [(10, 12), (12, 10)]
    assert len({f["finding_id"] for f in findings(db, "figure_changed")}) == 2


def test_english_and_chinese_timelines_are_never_compared(db):
    history(db, [("r1", "2023-01-01", 1700, "about"), ("r3", "2023-06-01", 1700, "about")], language="en")
    history(db, [("r2", "2023-03-01", 1800, "about")], language="zh-hant")
    warehouse.run_checks(db)
    assert findings(db, "figure_changed") == []
    assert findings(db, "qualifier_changed") == []


def test_about_section_wins_when_a_release_states_a_metric_twice(db):
    warehouse.load_documents(db, [
        document("r1", "en", "2023-01-01", [claim("tech_companies", 1700, "about")]),
        document("r2", "en", "2023-02-01", [claim("tech_companies", 250, "over", section="body"),
                                            claim("tech_companies", 1700, "about", section="about")]),
    ])
    _, rows = warehouse.query(db, "select value from metric_timeline where release_id = 'r2'")
    assert rows == [(1700,)]
    warehouse.run_checks(db)
    assert findings(db, "figure_changed") == []


def test_conflict_within_window_reports_each_disagreement_once(db):
    # a change 1700 -> 1800 repeated by two more releases within the week is one conflict, not three
    history(db, [("r1", "2023-03-01", 1700, "about"), ("r2", "2023-03-03", 1800, "about"),
                 ("r3", "2023-03-05", 1800, "about"), ("r4", "2023-03-07", 1800, "about"),
                 ("r5", "2023-05-01", 1900, "about")])
    warehouse.run_checks(db)
    conflicts = findings(db, "figure_conflict")
    assert [(f["old_release_id"], f["new_release_id"]) for f in conflicts] == [("r1", "r2")]
    assert conflicts[0]["severity"] == "warning"
    # the same steps read as changes over time (r5 is 55 days later: a change, not a conflict)
    assert [(f["old_value"], f["new_value"]) for f in findings(db, "figure_changed")] == [(1700, 1800), (1800, 1900)]


def test_conflict_includes_non_consecutive_pairs(db):
    history(db, [("r1", "2023-03-01", 1700, "about"), ("r2", "2023-03-03", 1800, "about"),
                 ("r3", "2023-03-06", 1900, "about")])
    warehouse.run_checks(db)
    pairs = sorted((f["old_release_id"], f["new_release_id"]) for f in findings(db, "figure_conflict"))
    assert pairs == [("r1", "r2"), ("r1", "r3"), ("r2", "r3")]
    assert len(findings(db, "figure_changed")) == 2


def test_conflict_window_is_a_setting(db):
    history(db, [("r1", "2023-03-01", 1700, "about"), ("r2", "2023-03-20", 1800, "about")])
    warehouse.run_checks(db)
    assert findings(db, "figure_conflict") == []
    warehouse.run_checks(db, warehouse.CheckSettings(conflict_window_days=30))
    assert len(findings(db, "figure_conflict")) == 1


def test_translation_mismatch_between_editions_of_one_release(db):
    warehouse.load_documents(db, [
        document("r1", "en", "2023-03-01", [claim("unicorns", 10, "over")]),
        document("r1", "zh-hant", "2023-03-01", [claim("unicorns", 10, "over")]),
        document("r1", "zh-hans", "2023-03-01", [claim("unicorns", 12, "over")]),
        document("r2", "en", "2023-04-01", [claim("unicorns", 20, "over")]),  # other release: not compared
    ])
    warehouse.run_checks(db)
    got = sorted((f["language"], f["old_value"], f["new_value"]) for f in findings(db, "translation_mismatch"))
    assert got == [("en/zh-hans", 10, 12), ("zh-hans/zh-hant", 12, 10)]


def test_translation_tolerance(db):
    warehouse.load_documents(db, [
        document("r1", "en", "2023-03-01", [claim("research_professionals", 12345, "over")]),
        document("r1", "zh-hant", "2023-03-01", [claim("research_professionals", 12000, "over")]),
    ])
    warehouse.run_checks(db, warehouse.CheckSettings(translation_tolerance_pct=5))
    assert findings(db, "translation_mismatch") == []
    warehouse.run_checks(db)
    assert len(findings(db, "translation_mismatch")) == 1


def test_release_revised_shows_old_and_new_figures(db):
    first = document("r1", "en", "2023-03-01", [claim("unicorns", 10, "over"), claim(None, 3000, "over", section="body",
                     text="over 3,000 job openings")], fetched_at="2023-03-01T08:00:00Z")
    warehouse.load_documents(db, [first])
    revised = document("r1", "en", "2023-03-01", [claim("unicorns", 12, "over"), claim(None, 3500, "over", section="body",
                       text="over 3,500 job openings")], fetched_at="2023-03-05T08:00:00Z")
    summary = warehouse.load_documents(db, [revised])
    assert (summary.new_versions, summary.revised_editions, summary.new_editions) == (1, 1, 0)
    warehouse.run_checks(db)
    got = sorted(((f["metric"] or ""), f["old_value"], f["new_value"], f["old_text"], f["new_text"], f["severity"])
                 for f in findings(db, "release_revised"))
    assert got == [
        ("", 3000, 3500, "over 3,000 job openings", "over 3,500 job openings", "warning"),
        ("unicorns", 10, 12, "over 10 unicorns", "over 12 unicorns", "warning"),
    ]
    # the analysts' views show the latest version; the old one is kept beside it
    _, rows = warehouse.query(db, "select value from claims where metric = 'unicorns'")
    assert rows == [(12,)]
    _, rows = warehouse.query(db, "select version_count from releases where release_id = 'r1'")
    assert rows == [(2,)]


def test_release_revised_wording_only_gives_nothing(db):
    warehouse.load_documents(db, [document("r1", "en", "2023-03-01", [claim("unicorns", 10, "over")],
                                           body="Over 10 unicorns.", fetched_at="2023-03-01T08:00:00Z")])
    warehouse.load_documents(db, [document("r1", "en", "2023-03-01", [claim("unicorns", 10, "over")],
                                           body="More than 10 unicorns.", fetched_at="2023-03-02T08:00:00Z")])
    warehouse.run_checks(db)
    _, rows = warehouse.query(db, "select version_count from releases")
    assert rows == [(2,)]
    assert findings(db) == []


def test_finding_ids_are_stable_and_muted_stays_muted(db):
    history(db, [("r1", "2023-01-01", 1700, "about"), ("r2", "2023-06-01", 1800, "about")])
    first = warehouse.run_checks(db)
    [f] = findings(db)
    row = warehouse.set_finding_status(db, f["finding_id"], "muted")
    assert row["status"] == "muted"
    history(db, [("r3", "2023-09-01", 1900, "about")])
    second = warehouse.run_checks(db)
    again = {x["finding_id"]: x for x in findings(db)}
    assert again[f["finding_id"]]["status"] == "muted"
    assert again[f["finding_id"]]["first_seen_at"] == f["first_seen_at"]
    assert again[f["finding_id"]]["last_seen_at"] >= f["last_seen_at"]
    assert len(again) == 2
    assert [n["old_value"] for n in second.new_findings] == [1800]
    assert first.run_id != second.run_id
    third = warehouse.run_checks(db)
    assert third.new_findings == [] and len(findings(db)) == 2
    assert third.total_open == 1  # the muted one is not open


def test_acknowledge_by_prefix_and_unknown_id(db):
    history(db, [("r1", "2023-01-01", 1700, "about"), ("r2", "2023-06-01", 1800, "about")])
    warehouse.run_checks(db)
    [f] = findings(db)
    assert warehouse.set_finding_status(db, f["finding_id"][:8], "acknowledged")["status"] == "acknowledged"
    with pytest.raises(WarehouseError, match="no finding with id"):
        warehouse.set_finding_status(db, "ffffffffffff", "muted")
    with pytest.raises(Exception, match="unknown status"):
        warehouse.set_finding_status(db, f["finding_id"], "deleted")


def test_check_runs_are_recorded(db):
    history(db, [("r1", "2023-01-01", 1700, "about"), ("r2", "2023-06-01", 1800, "about")])
    run = warehouse.run_checks(db, flow_run_id="flow-1")
    cols, rows = warehouse.query(db, "select run_id, flow_run_id, new_findings, total_open, counts_by_severity "
                                     "from check_runs")
    [(run_id, flow_run_id, new, total_open, by_severity)] = rows
    assert (run_id, flow_run_id, new, total_open) == (run.run_id, "flow-1", 1, 1)
    assert '"info": 1' in by_severity
    assert run.counts_by_severity == {"info": 1, "warning": 0, "critical": 0}


def test_thresholds_come_from_the_environment_through_the_settings(monkeypatch):
    from flows.settings import get_settings

    monkeypatch.setenv("HKSTP_CONFLICT_WINDOW_DAYS", "14")
    monkeypatch.setenv("HKSTP_CRITICAL_DECREASE_PCT", "25")
    settings = get_settings().check_settings()
    assert (settings.conflict_window_days, settings.critical_decrease_pct) == (14, 25.0)
    assert warehouse.CheckSettings(conflict_window_days=3).conflict_window_days == 3


def test_conflict_flip_flopping_within_the_window(db):
    # 1700 -> 1800 -> 1700 -> 1800 on four consecutive days: each flip disagrees with the release before it
    history(db, [("r1", "2023-03-01", 1700, "about"), ("r2", "2023-03-02", 1800, "about"),
                 ("r3", "2023-03-03", 1700, "about"), ("r4", "2023-03-04", 1800, "about")])
    warehouse.run_checks(db)
    pairs = sorted((f["old_release_id"], f["new_release_id"]) for f in findings(db, "figure_conflict"))
    assert pairs == [("r1", "r2"), ("r2", "r3"), ("r3", "r4")]
    assert len({f["finding_id"] for f in findings(db, "figure_conflict")}) == 3
    assert [(f["old_value"], f["new_value"]) for f in findings(db, "figure_changed")] == [
        (1700, 1800), (1800, 1700), (1700, 1800)]
