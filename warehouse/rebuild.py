"""Rebuilding the derived tables (documents, releases, editions, versions, sections, claims, timeline) from the
stored pages, beside the live warehouse, then swapping them in with one transaction.

    plan = rebuild_plan(db, since)                  # every loaded page, and which releases are in scope
    side = open_side(db, since)                     # a private warehouse beside the live one (resumable)
    with side_writer(side):                         # its write connection, held across the batches
        load_into_side(side, columns) ...           # the loader's own rules, one transaction per batch
    swap_in(db, side, scope_release_ids, scope_pages)   # one transaction: readers see before or after

What is not derived from pages stays as it is: the fetch history (core.fetches), the findings and their review
status, the check runs, the site signals. The side warehouse survives a `kill -9`: the next rebuild with the
same `since` takes it up where it stopped (the pages it already holds are not parsed again).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from warehouse.db import read_connection, utc_now, write_connection
from warehouse.load import MERGE_STEPS, LoadSummary, StagedColumns, load_columns, utc_timestamp
from warehouse.migrations import ensure_schema

SIDE_SUFFIX = ".rebuild"
_DERIVED_BY_VERSION = ("core.sections", "core.claims")


@dataclass(slots=True, frozen=True)
class StoredPage:
    """One page the warehouse holds a document of: where its body is and what it was loaded as."""

    url: str
    sha256: str
    fetched_at: str  # the last time these bytes were parsed (ISO-8601 UTC)
    first_fetched_at: str  # the first good fetch of these bytes from this URL
    content_type: str | None
    source: str
    release_id: str | None  # what the page was loaded as (None: it was a parse problem)
    published_on: date | None  # the latest publication date among its release's versions


def side_path(db_path: str | Path) -> Path:
    """Where the rebuild of `db_path` is built: a warehouse of its own beside it."""
    path = Path(db_path)
    return path.with_name(path.name + SIDE_SUFFIX)


def rebuild_plan(db_path: str | Path) -> list[StoredPage]:
    """Every page with a document in the warehouse, oldest fetch first."""
    with read_connection(db_path) as con:
        rows = con.execute(
            """
            with good as (
                select url, sha256, arg_max(content_type, fetched_at) as content_type,
                    min(fetched_at) as first_fetched_at
                from core.fetches where error is null and sha256 is not null group by all
            ),
            published as (
                select release_id, max(published_on) as published_on from core.versions group by all
            )
            select d.url, d.sha256, d.fetched_at, least(coalesce(g.first_fetched_at, d.fetched_at), d.fetched_at),
                g.content_type, coalesce(d.source, 'web'), d.release_id, p.published_on
            from core.documents as d
            left join good as g using (url, sha256)
            left join published as p using (release_id)
            order by d.fetched_at, d.url
            """
        ).fetchall()
    return [
        StoredPage(url=url, sha256=sha, fetched_at=at.isoformat(), first_fetched_at=first.isoformat(),
                   content_type=ctype, source=source, release_id=rid, published_on=published)
        for url, sha, at, first, ctype, source, rid, published in rows
    ]


def open_side(db_path: str | Path, since: date | None) -> tuple[Path, set[tuple[str, str]]]:
    """The side warehouse for a rebuild of `db_path` and the pages (url, sha256) it already holds.

    A side warehouse left by a killed rebuild with the same `since` is taken up again; one made for another
    `since` (or damaged) is started afresh.
    """
    side = side_path(db_path)
    wanted = since.isoformat() if since else "all"
    if side.exists():
        try:
            with write_connection(side) as con:
                ensure_schema(con, side)
                row = con.execute("select value from core.meta where key = 'rebuild_since'").fetchone()
                if row and row[0] == wanted:
                    done = con.execute("select url, sha256 from core.documents").fetchall()
                    return side, {(u, s) for u, s in done}
        except Exception:  # a side warehouse that cannot be read is only lost work: start again
            pass
        discard_side(db_path)
    with write_connection(side) as con:
        ensure_schema(con, side)
        con.execute("insert or replace into core.meta values ('rebuild_since', $1)", [wanted])
        con.execute("insert or replace into core.meta values ('rebuild_started_at', $1)", [utc_now().isoformat()])
    return side, set()


_HELD: dict[Path, duckdb.DuckDBPyConnection] = {}


@contextmanager
def side_writer(side: Path, seconds: dict[str, float] | None = None) -> Iterator[None]:
    """Hold the side warehouse's write connection while the rebuild loads it, so a batch is one transaction and
    not also an open and a checkpoint (a second per 20 batches of 500 pages). The side is private to the
    rebuild: no reader waits on it. Each batch is committed, so a `kill -9` loses at most the batch in hand.
    seconds["side_checkpoint"] gets the time of the checkpoint when the connection closes."""
    side = Path(side)
    with write_connection(side) as con:
        ensure_schema(con, side)
        # batches of a thousand pages: one DuckDB thread loads them with 8% less CPU than two, and the
        # machine's cores are parsing meanwhile
        con.execute("set threads = 1")
        _HELD[side] = con
        try:
            yield
        finally:
            _HELD.pop(side, None)
        started = time.perf_counter()  # not after a failure: what was committed is in the WAL, taken up next time
        con.execute("checkpoint")
        if seconds is not None:
            seconds["side_checkpoint"] = seconds.get("side_checkpoint", 0.0) + time.perf_counter() - started


def load_into_side(side: Path, staged: StagedColumns, flow_run_id: str | None = None) -> LoadSummary:
    """Load one batch of staged columns into the side warehouse (on the held connection when there is one).
    Its timeline is left alone: `swap_in` derives the timeline of every edition the side holds, once."""
    return load_columns(side, staged, flow_run_id, con=_HELD.get(Path(side)), timeline=False, summary=False)


def discard_side(db_path: str | Path) -> None:
    side = side_path(db_path)
    for p in (side, side.with_name(side.name + ".wal")):
        p.unlink(missing_ok=True)


def swap_in(db_path: str | Path, side: Path, scope_release_ids: list[str], scope_pages: list[tuple[str, str]],
            flow_run_id: str | None = None) -> dict[str, int]:
    """Replace the live rows of the releases in scope (and the documents of the pages in scope) by the side
    warehouse's, in one transaction. Releases out of scope keep their rows. Returns the live counts after."""
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        # one thread: as fast here (0.9 s for 10,000 pages) and 85 MB less at the rebuild's peak of memory
        con.execute("set threads = 1")
        con.execute(f"attach '{_sql_text(side)}' as side (read_only)")
        try:
            con.begin()
            try:
                _swap(con, scope_release_ids, scope_pages, flow_run_id)
                con.commit()
            except BaseException:
                con.rollback()
                raise
            counts = dict(zip(("releases", "editions", "versions", "claims"), con.execute(
                "select (select count(*) from core.releases), (select count(*) from core.editions), "
                "(select count(*) from core.versions), (select count(*) from core.claims)"
            ).fetchone()))
        finally:
            con.execute("detach side")
    return counts


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")


def _swap(con, scope_release_ids: list[str], scope_pages: list[tuple[str, str]], flow_run_id: str | None) -> None:
    con.execute("create or replace temp table scope_releases as select unnest($1::varchar[]) as release_id",
                [scope_release_ids])
    con.execute(
        "create or replace temp table scope_pages as "
        "select unnest($1::varchar[]) as url, unnest($2::varchar[]) as sha256",
        [[u for u, _ in scope_pages], [s for _, s in scope_pages]],
    )
    old_versions = "(select version_id from core.versions where release_id in (select release_id from scope_releases))"
    for table in _DERIVED_BY_VERSION:
        con.execute(f"delete from {table} where version_id in {old_versions}")
    for table in ("core.timeline", "core.versions", "core.editions", "core.releases"):
        con.execute(f"delete from {table} where release_id in (select release_id from scope_releases)")
    con.execute("delete from core.documents as d using scope_pages as p where d.url = p.url and d.sha256 = p.sha256")
    # the side's rows as they are (flow_run_id says which run derived them); where a re-derived release meets a
    # release kept out of scope, the two merge as the loader merges them
    con.execute("insert into core.documents select * from side.core.documents on conflict do nothing")
    con.execute(
        """
        insert into core.releases select * from side.core.releases
        on conflict (release_id) do update set
            first_seen_at = least(core.releases.first_seen_at, excluded.first_seen_at),
            last_seen_at = greatest(core.releases.last_seen_at, excluded.last_seen_at)
        """
    )
    con.execute(
        """
        insert into core.editions select * from side.core.editions
        on conflict (release_id, language) do update set
            first_seen_at = least(core.editions.first_seen_at, excluded.first_seen_at),
            last_seen_at = greatest(core.editions.last_seen_at, excluded.last_seen_at)
        """
    )
    con.execute("insert into core.versions select * from side.core.versions "
                "where version_id not in (select version_id from core.versions)")
    con.execute("insert into core.sections select * from side.core.sections on conflict do nothing")
    con.execute("insert into core.claims select * from side.core.claims on conflict do nothing")
    # the timeline of every edition the side holds, by the loader's own rule (load.MERGE_STEPS)
    con.execute("create or replace temp table stage_versions as "
                "select distinct release_id, language from side.core.versions")
    steps = dict(MERGE_STEPS)
    con.execute(steps["timeline_out"])
    con.execute(steps["timeline_in"], {"flow_run_id": flow_run_id})
    con.execute(steps["timeline_press_room_only"])  # echoes (other sources' editions) stay out, as a load has them
    for temp in ("stage_versions", "scope_releases", "scope_pages"):
        con.execute(f"drop table {temp}")


def record_rebuild_problems(db_path: str | Path, run_key: str, problems: list[tuple[str, str, str]],
                            flow_run_id: str | None = None) -> int:
    """Record (url, sha256, reason) of pages a rebuild could not read (the `problems` view, stage `rebuild`)."""
    now = utc_now()
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        con.begin()
        try:
            con.execute("delete from core.rebuild_problems where run_key = $1", [run_key])
            if problems:
                con.executemany(
                    "insert into core.rebuild_problems (run_key, seen_at, url, sha256, reason, flow_run_id) "
                    "values ($1, $2, $3, $4, $5, $6)",
                    [[run_key, now, u, s, r, flow_run_id] for u, s, r in problems],
                )
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(problems)


__all__ = ["StoredPage", "discard_side", "load_into_side", "open_side", "rebuild_plan", "record_rebuild_problems",
           "side_path", "side_writer", "swap_in", "utc_timestamp"]
