"""Read-only SQL, exports and the report's data, as the CLI's `sql`, `export` and `report` use them."""

from __future__ import annotations

import csv

import duckdb
import pytest

import warehouse
from transforms.errors import ReadOnlyViolation, WarehouseError
from warehouse.testing import claim, document


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    return make_warehouse(tmp_path_factory.mktemp("wh") / "wh.duckdb")


@pytest.fixture
def db(tmp_path):
    return make_warehouse(tmp_path / "wh.duckdb")


def make_warehouse(path):
    warehouse.load_documents(path, [
        document("r1", "en", "2023-01-01", [claim("tech_companies", 1700, "about")]),
        document("r2", "en", "2023-06-01", [claim("tech_companies", 1800, "about")]),
    ])
    warehouse.run_checks(path)
    return path


@pytest.mark.parametrize("sql", [
    "insert into core.claims (claim_id) values ('x')",
    "create table t (a integer)",
    "copy (select 1) to '/tmp/hkstp-should-not-exist.csv'",
    "attach '/tmp/other.duckdb' as other",
    "update core.findings set status = 'muted'",
    "delete from core.claims",
    "drop view claims",
    "set threads = 1",
    "install httpfs",
    "select 1; delete from core.claims",
])
def test_query_refuses_writes(loaded, sql):
    with pytest.raises(ReadOnlyViolation, match="read-only"):
        warehouse.query(loaded, sql)
    _, rows = warehouse.query(loaded, "select count(*) from core.claims")
    assert rows == [(2,)]


def test_query_binds_user_values_as_parameters(db):
    cols, rows = warehouse.query(db, "select value from metric_timeline where release_id = ? and language = ?",
                                 ["r2", "en"])
    assert (cols, rows) == (["value"], [(1800,)])
    # a value that would be SQL if pasted in is just a value
    _, rows = warehouse.query(db, "select count(*) from releases where release_id = ?", ["r1' or '1'='1"])
    assert rows == [(0,)]


def test_query_errors_are_clear(db, tmp_path):
    with pytest.raises(WarehouseError, match="SQL error"):
        warehouse.query(db, "select * from no_such_view")
    with pytest.raises(WarehouseError, match="no warehouse at"):
        warehouse.query(tmp_path / "missing.duckdb", "select 1")


def test_describe_show_and_summarize_are_allowed(db):
    cols, rows = warehouse.query(db, "describe findings")
    assert "column_name" in cols and len(rows) >= 19
    _, rows = warehouse.query(db, "show tables")
    assert ("claims",) in rows


def test_export_parquet_and_csv(db, tmp_path):
    files = warehouse.export_views(db, tmp_path / "out", "parquet")
    assert sorted(p.name for p in files) == sorted(
        ["releases.parquet", "claims.parquet", "metric_timeline.parquet", "findings.parquet", "problems.parquet"])
    assert duckdb.sql(f"select count(*) from '{tmp_path / 'out' / 'claims.parquet'}'").fetchall() == [(2,)]
    files = warehouse.export_views(db, tmp_path / "csv", "csv")
    with open(tmp_path / "csv" / "findings.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["check_name"], r["old_value"], r["new_value"]) for r in rows] == [("figure_changed", "1700.0", "1800.0")]
    with pytest.raises(WarehouseError, match="unknown export format"):
        warehouse.export_views(db, tmp_path / "x", "xlsx")


def test_report_data(db):
    data = warehouse.report_data(db)
    assert [(t["metric"], t["published_on"], t["value"], t["url"]) for t in data["timelines"]] == [
        ("tech_companies", "2023-01-01", 1700, "https://www.hkstp.org/en/news-room/r1/"),
        ("tech_companies", "2023-06-01", 1800, "https://www.hkstp.org/en/news-room/r2/"),
    ]
    [f] = data["findings"]
    assert (f["old_text"], f["new_text"], f["old_url"], f["new_url"]) == (
        "about 1700 tech_companies", "about 1800 tech_companies",
        "https://www.hkstp.org/en/news-room/r1/", "https://www.hkstp.org/en/news-room/r2/")
    assert data["problems"] == []
    assert data["totals"]["claims"] == 2 and data["totals"]["open_findings"] == 1
    warehouse.set_finding_status(db, f["finding_id"], "muted")
    assert warehouse.report_data(db)["findings"] == []
