"""The figure checks compare like with like (issue 19): only standing figures of one subject, metric and kind,
in as_of order; findings say whose figure they are; an existing warehouse keeps its findings, their ids and
their reviews."""

from __future__ import annotations

from datetime import date

import pytest

import warehouse
from warehouse.db import write_connection
from warehouse.migrations import ensure_schema
from warehouse.testing import claim, document


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "wh.duckdb"
    warehouse.migrate(path)
    return path


def scoped(value, subject="hkstp", scope="standing", as_of=None, qualifier="over", metric="tech_companies"):
    c = claim(metric, value, qualifier, text=f"{qualifier} {value} technology companies")
    c.subject, c.scope, c.as_of = subject, scope, (date.fromisoformat(as_of) if as_of else None)
    return c


def figure_findings(db):
    cols, rows = warehouse.query(db, "select * from findings where check_name = 'figure_changed' "
                                     "order by new_published_on, subject")
    return [dict(zip(cols, r)) for r in rows]


def test_events_targets_and_past_figures_never_enter_a_timeline(db):
    warehouse.load_documents(db, [
        document("r1", "en", "2023-01-10", [scoped(1400)]),
        document("r2", "en", "2023-02-10", [scoped(50, scope="event")]),
        document("r3", "en", "2023-03-10", [scoped(2500, scope="target", as_of="2027-12-31")]),
        document("r4", "en", "2023-04-10", [scoped(600, scope="history", as_of="2018-12-31")]),
        document("r5", "en", "2023-05-10", [scoped(1400)]),
    ])
    warehouse.run_checks(db)
    assert figure_findings(db) == []
    _, rows = warehouse.query(db, "select count(*) from metric_timeline")
    assert rows == [(2,)]
    _, rows = warehouse.query(db, "select scope, count(*) from claims group by all order by scope")
    assert rows == [("event", 1), ("history", 1), ("standing", 2), ("target", 1)]  # all kept for SQL


def test_each_subject_is_its_own_timeline_and_findings_say_whose(db):
    warehouse.load_documents(db, [
        document("r1", "en", "2023-01-10", [scoped(1400), scoped(1900, subject="cyberport", metric="startups")]),
        document("r2", "en", "2023-02-10", [scoped(1100, subject="hkstp/science-park")]),
        document("r3", "en", "2023-03-10", [scoped(1500), scoped(2000, subject="cyberport", metric="startups")]),
    ])
    warehouse.run_checks(db)
    assert [(f["subject"], f["metric"], f["old_value"], f["new_value"]) for f in figure_findings(db)] == [
        ("cyberport", "startups", 1900, 2000), ("hkstp", "tech_companies", 1400, 1500)]


def test_a_timeline_is_ordered_by_the_date_its_figures_describe(db):
    # the March release says what stood at the end of January; the February one is newer news
    warehouse.load_documents(db, [
        document("feb", "en", "2021-02-24", [scoped(950, subject="hkstp/science-park", qualifier="about")]),
        document("mar", "en", "2021-03-18", [scoped(900, subject="hkstp/science-park", qualifier="about",
                                                     as_of="2021-01-31")]),
    ])
    warehouse.run_checks(db)
    [f] = figure_findings(db)
    assert (f["old_value"], f["new_value"], str(f["old_as_of"]), str(f["new_as_of"])) == (
        900, 950, "2021-01-31", "2021-02-24")


def test_findings_about_hkstp_keep_the_ids_they_had_before_subjects(tmp_path):
    ids = {}
    for subject in (None, "hkstp", "cyberport"):
        path = tmp_path / f"{subject}.duckdb"
        warehouse.migrate(path)
        warehouse.load_documents(path, [document("r1", "en", "2023-01-10", [scoped(1400, subject=subject, scope=None)]),
                                        document("r2", "en", "2023-03-10", [scoped(1500, subject=subject, scope=None)])])
        warehouse.run_checks(path)
        _, rows = warehouse.query(path, "select finding_id from findings where check_name = 'figure_changed'")
        ids[subject] = rows
    assert ids[None] == ids["hkstp"] and len(ids[None]) == 1  # claims without scope are compared as before
    assert ids["cyberport"] != ids["hkstp"]


def test_the_migration_keeps_every_finding_and_its_review(tmp_path):
    path = tmp_path / "old.duckdb"
    with write_connection(path) as con:
        ensure_schema(con, path, target=4)
        con.execute(
            "insert into core.findings (finding_id, check_name, severity, metric, language, old_value, new_value, "
            "first_seen_at, last_seen_at, first_run_id, last_run_id, status, reviewed_by, review_note) values "
            "('abc123', 'figure_changed', 'info', 'tech_companies', 'en', 1400, 1500, now()::timestamp, "
            "now()::timestamp, 'r', 'r', 'acknowledged', 'analyst', 'checked with the comms team')")
    assert warehouse.migrate(path) >= 5
    _, rows = warehouse.query(path, "select finding_id, status, review_note, subject from findings")
    assert rows == [("abc123", "acknowledged", "checked with the comms team", None)]
    cols, _ = warehouse.query(path, "select * from claims limit 0")
    assert {"subject", "scope", "as_of"} <= set(cols)


def test_a_claim_loaded_before_scopes_is_compared_with_the_press_rooms_new_ones(db):
    """An upgraded warehouse, not yet rebuilt: its old claims (no subject, no scope) and the next run's (hkstp,
    standing) are one timeline, so the change between them is found."""
    warehouse.load_documents(db, [document("old", "en", "2023-01-10", [scoped(1400, subject=None, scope=None)]),
                                  document("new", "en", "2023-03-10", [scoped(1500)])])
    warehouse.run_checks(db)
    assert [(f["subject"], f["old_value"], f["new_value"]) for f in figure_findings(db)] == [("hkstp", 1400, 1500)]
