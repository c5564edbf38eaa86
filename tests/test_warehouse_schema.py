"""Schema versions: an old file is upgraded with its data, a newer one is refused; every view explains itself."""

from __future__ import annotations

import re
from datetime import date, datetime

import duckdb
import pytest

import warehouse
from transforms.errors import SchemaTooNew
from warehouse.migrations import HERE, LATEST_VERSION, migration_files


def make_v1_file(path):
    """A warehouse as the first schema version wrote it: v1 tables and a few rows, no findings tables."""
    warehouse.migrate(path, target=1)
    con = duckdb.connect(str(path))
    seen = datetime(2024, 3, 1, 8, 0)
    con.execute("insert into core.releases values ('r1', $1, $1, 'v1-run')", [seen])
    con.execute("insert into core.editions values ('r1', 'en', 'web', $1, $1, 'v1-run')", [seen])
    con.execute(
        "insert into core.versions values ('v-1', 'r1', 'en', 'hash-1', 1, 'Budget welcome', null, $1, null, "
        "'https://www.hkstp.org/news-room/budget/', null, 'dateline', 'news-room', $2, $2, 'v1-run')",
        [date(2024, 2, 28), seen],
    )
    con.execute(
        "insert into core.claims values ('c-1', 'v-1', 0, 'tech_companies', 1700, null, 'around', 'count', "
        "'technology companies', null, 'around 1,700 technology companies', 'HKSTP hosts around 1,700 technology "
        "companies.', 'about', 0, 'v1-run')"
    )
    con.close()


def test_v1_file_is_upgraded_with_its_data(tmp_path):
    db = tmp_path / "old.duckdb"
    make_v1_file(db)
    con = duckdb.connect(str(db))
    assert con.execute("select max(version) from core.schema_version").fetchone() == (1,)
    assert con.execute("select count(*) from duckdb_tables() where table_name = 'findings'").fetchone() == (0,)
    con.close()

    assert warehouse.migrate(db) == LATEST_VERSION >= 2
    _, rows = warehouse.query(db, "select release_id, language, published_on, value, qualifier, text from claims")
    # the v1 qualifier `around` reads as canonical `about` through the v2 alias table
    assert rows == [("r1", "en", date(2024, 2, 28), 1700, "about", "around 1,700 technology companies")]
    _, rows = warehouse.query(db, "select metric, value, qualifier, release_id from metric_timeline")
    assert rows == [("tech_companies", 1700, "about", "r1")]  # the v2 timeline table was filled from v1 claims
    _, rows = warehouse.query(db, "select title, url, flow_run_id from releases")
    assert rows == [("Budget welcome", "https://www.hkstp.org/news-room/budget/", "v1-run")]
    _, rows = warehouse.query(db, "select version from core.schema_version order by version")
    assert rows == [(v,) for v in range(1, LATEST_VERSION + 1)]
    assert warehouse.run_checks(db).new_findings == []
    assert warehouse.migrate(db) == LATEST_VERSION  # again: nothing to do


def test_a_newer_file_is_refused_with_a_clear_message(tmp_path):
    db = tmp_path / "new.duckdb"
    warehouse.migrate(db)
    con = duckdb.connect(str(db))
    con.execute("insert into core.schema_version values (99, '0099_future', now()::timestamp)")
    con.close()
    with pytest.raises(SchemaTooNew, match="newer hkstp-monitor"):
        warehouse.migrate(db)
    with pytest.raises(SchemaTooNew, match="Upgrade hkstp-monitor"):
        warehouse.query(db, "select 1")
    with pytest.raises(SchemaTooNew):
        warehouse.load_documents(db, [])


def test_migrations_are_numbered_once_each_from_one_without_gaps():
    numbers = [n for n, _ in migration_files()]
    assert numbers == list(range(1, LATEST_VERSION + 1))


def test_every_view_and_view_column_has_a_comment(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.migrate(db)
    _, views = warehouse.query(db, "select view_name, comment from duckdb_views() where not internal")
    assert {"releases", "claims", "metric_timeline", "findings", "problems"} <= {v for v, _ in views}
    assert [v for v, c in views if not c] == []
    _, missing = warehouse.query(
        db,
        "select c.table_name, c.column_name from duckdb_columns() as c join duckdb_views() as v "
        "on v.view_name = c.table_name and v.schema_name = c.schema_name "
        "where not v.internal and c.schema_name = 'main' and c.comment is null",
    )
    assert missing == []
    _, missing = warehouse.query(
        db,
        "select c.table_name, c.column_name from duckdb_columns() as c join duckdb_tables() as t "
        "on t.table_name = c.table_name and t.schema_name = c.schema_name "
        "where c.schema_name = 'core' and (c.comment is null or t.comment is null)",
    )
    assert missing == []


CONTRACT = {
    "releases": "release_id, language, title, published_on, url, source, first_seen_at, last_seen_at, version_count",
    "claims": "claim_id, release_id, language, published_on, metric, value, value_high, qualifier, kind, unit, "
              "currency, text, sentence, section, url, subject, scope, as_of",
    "metric_timeline": "metric, subject, language, published_on, as_of, value, qualifier, release_id, url, text",
    "findings": "finding_id, check_name, severity, metric, subject, language, old_value, new_value, old_qualifier, "
                "new_qualifier, change_pct, old_published_on, new_published_on, old_url, new_url, old_text, "
                "new_text, first_seen_at, last_seen_at, status",
    "problems": "url, stage, reason, seen_at",
}


@pytest.mark.parametrize("view", sorted(CONTRACT))
def test_views_have_the_contract_columns_in_order(tmp_path, view):
    db = tmp_path / "wh.duckdb"
    warehouse.migrate(db)
    cols, _ = warehouse.query(db, f"select * from {view} limit 0")
    wanted = [c.strip() for c in CONTRACT[view].split(",")]
    assert cols[: len(wanted)] == wanted


def test_sql_files_are_lower_case_and_checks_explain_themselves():
    files = [*HERE.glob("migrations/*.sql"), *HERE.glob("checks/*.sql"), HERE / "views.sql"]
    keywords = r"\b(SELECT|FROM|WHERE|JOIN|CREATE|INSERT|GROUP BY|ORDER BY|WITH|UNION|QUALIFY)\b"
    for path in files:
        code = "\n".join(re.sub(r"'[^']*'", "''", line.split("--")[0]) for line in path.read_text().splitlines())
        assert not re.search(keywords, code), f"{path.name}: keep SQL keywords lower case"
    for path in HERE.glob("checks/*.sql"):
        head = path.read_text().splitlines()[0]
        assert head.startswith(f"-- {path.stem}:"), f"{path.name} must open with a comment saying what it flags"
