"""Loading batches into a real DuckDB file: idempotence, versions, parse problems, all-or-nothing batches."""

from __future__ import annotations

import pytest

import warehouse
import warehouse.load
from transforms.model import FetchRecord
from warehouse.testing import claim, document, parse_failure

TABLES = ("fetches", "documents", "releases", "editions", "versions", "sections", "claims")


def counts(db):
    with warehouse.read_connection(db) as con:
        return {t: con.execute(f"select count(*) from core.{t}").fetchone()[0] for t in TABLES}


def batch_one():
    return [
        document("r1", "en", "2024-02-28", [claim("tech_companies", 1700, "about"), claim("unicorns", 10, "over")]),
        document("r1", "zh-hant", "2024-02-28", [claim("tech_companies", 1700, "about")]),
        parse_failure("https://www.hkstp.org/en/news-room/broken/", "no release found: unknown layout"),
    ]


def batch_two():
    return [document("r2", "en", "2024-03-12", [claim("tech_companies", 1800, "about")])]


def test_load_summary_and_views(tmp_path):
    db = tmp_path / "wh.duckdb"
    summary = warehouse.load_documents(db, batch_one(), flow_run_id="run-1")
    assert (summary.new_releases, summary.new_editions, summary.new_versions, summary.revised_editions,
            summary.claims, summary.parse_errors) == (1, 2, 2, 0, 3, 1)
    cols, rows = warehouse.query(db, "select release_id, language, title, published_on, version_count, source "
                                     "from releases order by language")
    assert [(r[0], r[1], str(r[3]), r[4], r[5]) for r in rows] == [
        ("r1", "en", "2024-02-28", 1, "sample"), ("r1", "zh-hant", "2024-02-28", 1, "sample")]
    _, rows = warehouse.query(db, "select url, stage, reason from problems")
    assert rows == [("https://www.hkstp.org/en/news-room/broken/", "parse", "no release found: unknown layout")]
    _, rows = warehouse.query(db, "select metric, language, value, qualifier from metric_timeline order by all")
    assert rows == [("tech_companies", "en", 1700, "about"), ("tech_companies", "zh-hant", 1700, "about"),
                    ("unicorns", "en", 10, "over")]


def test_same_batch_twice_gives_identical_row_counts(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, batch_one())
    before = counts(db)
    again = warehouse.load_documents(db, batch_one())
    assert counts(db) == before
    assert (again.new_releases, again.new_editions, again.new_versions, again.claims) == (0, 0, 0, 0)
    assert before["claims"] == 3 and before["versions"] == 2


def test_changed_content_is_a_new_version_beside_the_old(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, [document("r1", "en", "2024-02-28", [claim("unicorns", 10, "over")],
                                           fetched_at="2024-03-01T00:00:00Z")])
    s = warehouse.load_documents(db, [document("r1", "en", "2024-02-28", [claim("unicorns", 11, "over")],
                                               fetched_at="2024-03-02T00:00:00Z")])
    assert (s.new_versions, s.revised_editions, s.new_editions) == (1, 1, 0)
    _, rows = warehouse.query(db, "select version_no, value from core.claim_versions order by version_no")
    assert rows == [(1, 10), (2, 11)]
    _, rows = warehouse.query(db, "select value from claims")
    assert rows == [(11,)]


def test_exception_between_batches_keeps_first_and_drops_second(tmp_path, monkeypatch):
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, batch_one())
    after_first = counts(db)

    steps = list(warehouse.load.MERGE_STEPS)
    broken = [(name, sql if name != "claims" else "select error('disk full (injected)')") for name, sql in steps]
    monkeypatch.setattr(warehouse.load, "MERGE_STEPS", broken)
    with pytest.raises(Exception, match="injected"):
        warehouse.load_documents(db, batch_two())
    assert counts(db) == after_first  # documents, releases, editions, versions of batch two rolled back too
    _, rows = warehouse.query(db, "select count(*) from releases where release_id = 'r2'")
    assert rows == [(0,)]

    monkeypatch.setattr(warehouse.load, "MERGE_STEPS", steps)
    summary = warehouse.load_documents(db, batch_two())
    assert (summary.new_releases, summary.claims) == (1, 1)
    assert counts(db)["claims"] == after_first["claims"] + 1


def test_every_row_records_its_flow_run(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.load_documents(db, batch_one(), flow_run_id="flow-a")
    warehouse.record_fetches(db, [FetchRecord(url="https://x/1", fetched_at="2024-03-01T00:00:00Z", status=200,
                                              sha256="a" * 64)], flow_run_id="flow-a")
    with warehouse.read_connection(db) as con:
        for table in TABLES:
            runs = con.execute(f"select distinct flow_run_id from core.{table}").fetchall()
            assert runs == [("flow-a",)], table


def test_column_types(tmp_path):
    db = tmp_path / "wh.duckdb"
    warehouse.migrate(db)
    _, rows = warehouse.query(db, "select table_name, column_name, data_type from duckdb_columns() "
                                  "where column_name in ('published_on', 'first_seen_at', 'value', 'fetched_at', "
                                  "'change_pct') and table_name in ('claims', 'releases', 'findings', 'fetches')")
    types = {(t, c): d for t, c, d in rows}
    assert types[("claims", "published_on")] == "DATE"
    assert types[("releases", "first_seen_at")] == "TIMESTAMP"
    assert types[("claims", "value")] == "DOUBLE"
    assert types[("findings", "change_pct")] == "DOUBLE"
    assert types[("fetches", "fetched_at")] == "TIMESTAMP"


def test_known_pages_is_the_last_good_fetch(tmp_path):
    db = tmp_path / "wh.duckdb"
    assert warehouse.known_pages(db) == {}
    url = "https://www.hkstp.org/en/news-room/a/"
    n = warehouse.record_fetches(db, [
        FetchRecord(url=url, fetched_at="2024-03-01T00:00:00Z", status=200, etag='"v1"', sha256="a" * 64),
        FetchRecord(url=url, fetched_at="2024-03-02T00:00:00+00:00", status=200, etag='"v2"',
                    last_modified="Sat, 02 Mar 2024 00:00:00 GMT", sha256="b" * 64),
        FetchRecord(url=url, fetched_at="2024-03-03T00:00:00Z", status=503, error="http 503"),
        FetchRecord(url="https://www.hkstp.org/gone/", fetched_at="2024-03-03T00:00:00Z", status=404,
                    error="http 404"),
    ])
    assert n == 4
    assert warehouse.record_fetches(db, [FetchRecord(url=url, fetched_at="2024-03-01T00:00:00Z", status=200)]) == 0
    pages = warehouse.known_pages(db)
    assert list(pages) == [url]
    page = pages[url]
    assert (page.etag, page.sha256, page.status) == ('"v2"', "b" * 64, 200)
    assert page.last_modified == "Sat, 02 Mar 2024 00:00:00 GMT"
    assert page.fetched_at.startswith("2024-03-02T00:00:00")
    _, rows = warehouse.query(db, "select url, stage, reason, resolved from problems order by url")
    assert rows == [("https://www.hkstp.org/en/news-room/a/", "fetch", "http 503", False),
                    ("https://www.hkstp.org/gone/", "fetch", "http 404", False)]


def test_reparsing_with_a_better_extractor_replaces_the_claims_of_that_version(tmp_path):
    db = tmp_path / "wh.duckdb"
    doc = document("r1", "en", "2024-02-28", [claim("unicorns", 10, "over")], body="Over 10 unicorns and 5 labs.")
    warehouse.load_documents(db, [doc])
    doc.claims.append(claim(None, 5, "exact", section="body", text="5 labs"))
    warehouse.load_documents(db, [doc])
    _, rows = warehouse.query(db, "select count(*) from claims")
    assert rows == [(2,)]
    _, rows = warehouse.query(db, "select count(*) from core.versions")
    assert rows == [(1,)]


def test_parse_error_fixed_later_is_resolved(tmp_path):
    db = tmp_path / "wh.duckdb"
    url = "https://www.hkstp.org/en/news-room/a/"
    warehouse.load_documents(db, [parse_failure(url, fetched_at="2024-03-01T00:00:00Z")])
    warehouse.load_documents(db, [document("r1", "en", "2024-02-28", [claim("unicorns", 10)], url=url,
                                           fetched_at="2024-03-02T00:00:00Z")])
    _, rows = warehouse.query(db, "select stage, resolved from problems")
    assert rows == [("parse", True)]
    assert warehouse.report_data(db)["problems"] == []


FROM_SCRATCH = """
    select metric, language, release_id, value, qualifier, claim_id from core.claim_versions
    where version_id in (select version_id from core.latest_versions) and metric is not null
    qualify row_number() over (partition by metric, language, release_id order by section_rank, ordinal) = 1
    order by all
"""


def test_timeline_kept_by_loads_equals_one_computed_from_scratch(tmp_path):
    db = tmp_path / "wh.duckdb"
    v1 = [claim("unicorns", 10, "over"), claim("tech_companies", 1700, "about", section="body")]
    v2 = [claim("unicorns", 12, "more than"), claim("tech_companies", 1800, "about", section="about")]
    warehouse.load_documents(db, [document("r1", "en", "2024-01-01", v1, fetched_at="2024-01-01T00:00:00Z"),
                                  document("r1", "zh-hant", "2024-01-01", v1, fetched_at="2024-01-01T00:00:00Z")])
    warehouse.load_documents(db, [document("r1", "en", "2024-01-01", v2, fetched_at="2024-01-05T00:00:00Z"),
                                  document("r2", "en", "2024-02-01", v1, fetched_at="2024-02-01T00:00:00Z")])
    # the edition goes back to its first content: the first version is the latest again
    warehouse.load_documents(db, [document("r1", "en", "2024-01-01", v1, fetched_at="2024-01-09T00:00:00Z")])
    _, kept = warehouse.query(db, "select metric, language, release_id, value, qualifier, claim_id "
                                  "from metric_timeline order by all")
    _, scratch = warehouse.query(db, FROM_SCRATCH)
    assert kept == scratch
    assert ("unicorns", "en", "r1", 10, "over") in [r[:5] for r in kept]
