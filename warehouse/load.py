"""Loading fetches and parsed documents: one transaction per batch, bulk inserts, idempotent by natural keys.

Natural keys: a fetch is (url, fetched_at); a document is (url, sha256); a release is release_id; an edition is
(release_id, language); a version is an edition's distinct `Release.content_hash()` (a changed content is a
new version beside the old one, never over it); a claim is (version, position). Rows are staged in temporary
tables from column lists (one statement per table, no row-at-a-time loop) and merged with set-based SQL.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from transforms.model import DocumentResult, FetchRecord
from transforms.values import iso_utc
from warehouse.db import read_connection, utc_now, write_connection
from warehouse.migrations import ensure_schema


@dataclass(slots=True)
class LoadSummary:
    """What one `load_documents` call added."""

    new_releases: int = 0
    new_editions: int = 0
    new_versions: int = 0
    revised_editions: int = 0  # editions that got a new version beside an older one
    claims: int = 0  # claim rows inserted
    parse_errors: int = 0  # documents of the batch recorded as parse problems
    documents: int = 0


@dataclass(slots=True, frozen=True)
class PageState:
    """The last good fetch of a URL, for a conditional GET."""

    etag: str | None
    last_modified: str | None
    sha256: str | None
    status: int | None
    fetched_at: str  # ISO-8601 UTC


def utc_timestamp(value: str | datetime | None) -> datetime | None:
    """ISO-8601 text (or a datetime) -> naive UTC datetime, the form TIMESTAMP columns hold."""
    if value is None or value == "":
        return None
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def fallback_release_id(url: str) -> str:
    """A release id for a document the parser gave none: its URL, hashed."""
    return "url-" + hashlib.sha256(url.encode()).hexdigest()[:16]


def _hash(*parts: object) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(("" if p is None else repr(p) if isinstance(p, float) else str(p)).encode() + b"\x00")
    return h.hexdigest()[:32]


def stage_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, tuple[str, list]]) -> None:
    """Create temp table `table` from equal-length column lists in one statement (unnest of list parameters)."""
    names = list(columns)
    select = ", ".join(f"unnest(${i + 1}::{columns[n][0]}[]) as {n}" for i, n in enumerate(names))
    con.execute(f"create or replace temp table {table} as select {select}", [columns[n][1] for n in names])


def record_fetches(db_path: str | Path, fetches: list[FetchRecord], flow_run_id: str | None = None) -> int:
    """Record HTTP fetches (good and failed) in one transaction; returns how many were new."""
    if not fetches:
        with write_connection(db_path) as con:
            ensure_schema(con, db_path)
        return 0
    cols: dict[str, tuple[str, list]] = {
        "url": ("varchar", [f.url for f in fetches]),
        "fetched_at": ("timestamp", [utc_timestamp(f.fetched_at) for f in fetches]),
        "status": ("integer", [f.status for f in fetches]),
        "etag": ("varchar", [f.etag for f in fetches]),
        "last_modified": ("varchar", [f.last_modified for f in fetches]),
        "sha256": ("varchar", [f.sha256 for f in fetches]),
        "bytes": ("bigint", [f.bytes for f in fetches]),
        "elapsed_ms": ("double", [float(f.elapsed_ms) for f in fetches]),
        "content_type": ("varchar", [f.content_type for f in fetches]),
        "error": ("varchar", [f.error for f in fetches]),
        "source": ("varchar", [f.source for f in fetches]),
    }
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        con.begin()
        try:
            stage_columns(con, "stage_fetches", cols)
            inserted = con.execute(
                """
                insert into core.fetches
                select s.*, $flow_run_id as flow_run_id, $now as loaded_at
                from stage_fetches as s
                qualify row_number() over (partition by s.url, s.fetched_at order by s.status nulls last) = 1
                on conflict do nothing
                """,
                {"flow_run_id": flow_run_id, "now": utc_now()},
            ).fetchone()[0]
            con.execute("drop table stage_fetches")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return int(inserted)


StagedColumns = dict[str, dict[str, tuple[str, list]]]  # table -> column -> (DuckDB type, values)


def document_columns(docs: list[DocumentResult]) -> StagedColumns:
    """Turn documents into column lists for the staging tables: documents, versions, sections, claims.

    Pure Python, no database: a Dask worker runs it beside the parse (flows/rebuild.py), so the writer receives
    lists of plain values (cheap to unpickle) instead of documents and loads them with `load_columns`."""
    d_cols = {k: [] for k in ("url", "sha256", "fetched_at", "release_id", "language", "version_id", "error", "source")}
    v_cols = {k: [] for k in ("version_id", "release_id", "language", "content_hash", "title", "subtitle",
                              "published_on", "category", "url", "canonical_url", "date_source", "layout",
                              "seen_at", "source")}
    s_cols = {k: [] for k in ("version_id", "ordinal", "name", "heading", "text")}
    c_cols = {k: [] for k in ("claim_id", "version_id", "ordinal", "metric", "value", "value_high", "qualifier",
                              "kind", "unit", "currency", "text", "sentence", "section", "start_offset",
                              "subject", "scope", "as_of")}
    versions_done: set[str] = set()
    for doc in docs:
        seen_at = utc_timestamp(doc.fetched_at)
        rel = doc.release
        if rel is None or doc.error:
            for k, v in (("url", doc.url), ("sha256", doc.sha256), ("fetched_at", seen_at), ("release_id", None),
                         ("language", None), ("version_id", None),
                         ("error", doc.error or "no release in the document"), ("source", doc.source)):
                d_cols[k].append(v)
            continue
        release_id = doc.release_id or fallback_release_id(rel.canonical_url or rel.url or doc.url)
        content_hash = rel.content_hash()
        version_id = _hash(release_id, rel.language, content_hash)
        for k, v in (("url", doc.url), ("sha256", doc.sha256), ("fetched_at", seen_at), ("release_id", release_id),
                     ("language", rel.language), ("version_id", version_id), ("error", None), ("source", doc.source)):
            d_cols[k].append(v)
        published_on = rel.published_on if isinstance(rel.published_on, date) else None
        for k, v in (("version_id", version_id), ("release_id", release_id), ("language", rel.language),
                     ("content_hash", content_hash), ("title", rel.title), ("subtitle", rel.subtitle),
                     ("published_on", published_on), ("category", rel.category), ("url", rel.url or doc.url),
                     ("canonical_url", rel.canonical_url), ("date_source", rel.date_source), ("layout", rel.layout),
                     ("seen_at", seen_at), ("source", doc.source)):
            v_cols[k].append(v)
        if version_id in versions_done:  # same content twice in one batch: its sections and claims once
            continue
        versions_done.add(version_id)
        for i, s in enumerate(rel.sections):
            for k, v in (("version_id", version_id), ("ordinal", i), ("name", s.name), ("heading", s.heading),
                         ("text", s.text)):
                s_cols[k].append(v)
        for i, c in enumerate(doc.claims):
            value = float(c.value)
            high = None if c.value_high is None else float(c.value_high)
            claim_id = _hash(version_id, i, c.metric, value, high, c.qualifier, c.kind, c.text)
            for k, v in (("claim_id", claim_id), ("version_id", version_id), ("ordinal", i), ("metric", c.metric),
                         ("value", value), ("value_high", high), ("qualifier", c.qualifier), ("kind", c.kind),
                         ("unit", c.unit), ("currency", c.currency), ("text", c.text), ("sentence", c.sentence),
                         ("section", c.section), ("start_offset", c.start), ("subject", c.subject),
                         ("scope", c.scope), ("as_of", c.as_of if isinstance(c.as_of, date) else None)):
                c_cols[k].append(v)
    types = {
        "fetched_at": "timestamp", "seen_at": "timestamp", "published_on": "date", "ordinal": "integer",
        "value": "double", "value_high": "double", "start_offset": "integer", "as_of": "date",
    }
    return {
        name: {k: (types.get(k, "varchar"), v) for k, v in cols.items()}
        for name, cols in (("documents", d_cols), ("versions", v_cols), ("sections", s_cols), ("claims", c_cols))
    }


def join_columns(*parts: StagedColumns) -> StagedColumns:
    """One batch's staged columns from several (e.g. a worker's and the writer's own parse problems)."""
    out: StagedColumns = {}
    for part in parts:
        for table, cols in part.items():
            into = out.setdefault(table, {k: (t, []) for k, (t, _) in cols.items()})
            for k, (_, values) in cols.items():
                into[k][1].extend(values)
    return out


# Steps of one batch, in order; each is one set-based statement over the staging tables. Kept as data so a
# test can make one of them fail and see the whole batch roll back.
MERGE_STEPS: list[tuple[str, str]] = [
    ("documents", """
        insert into core.documents
        select url, sha256, fetched_at, release_id, language, version_id, error, source,
            $flow_run_id as flow_run_id, $now as loaded_at
        from stage_documents
        qualify row_number() over (partition by url, sha256 order by fetched_at desc) = 1
        on conflict (url, sha256) do update set
            fetched_at = greatest(core.documents.fetched_at, excluded.fetched_at),
            release_id = excluded.release_id, language = excluded.language, version_id = excluded.version_id,
            error = excluded.error, flow_run_id = excluded.flow_run_id, loaded_at = excluded.loaded_at
    """),
    ("releases", """
        insert into core.releases
        select release_id, min(seen_at), max(seen_at), $flow_run_id
        from stage_versions group by release_id
        on conflict (release_id) do update set
            first_seen_at = least(core.releases.first_seen_at, excluded.first_seen_at),
            last_seen_at = greatest(core.releases.last_seen_at, excluded.last_seen_at)
    """),
    ("editions", """
        insert into core.editions
        select release_id, language, arg_min(source, seen_at), min(seen_at), max(seen_at), $flow_run_id
        from stage_versions group by release_id, language
        on conflict (release_id, language) do update set
            first_seen_at = least(core.editions.first_seen_at, excluded.first_seen_at),
            last_seen_at = greatest(core.editions.last_seen_at, excluded.last_seen_at)
    """),
    ("versions", """
        insert into core.versions
        with distinct_versions as (
            select version_id, release_id, language, content_hash, title, subtitle, published_on, category, url,
                canonical_url, date_source, layout,
                min(seen_at) over (partition by version_id) as first_seen_at,
                max(seen_at) over (partition by version_id) as last_seen_at
            from stage_versions
            qualify row_number() over (partition by version_id order by seen_at desc, url) = 1
        ),
        numbered as (
            select d.*,
                coalesce((select max(v.version_no) from core.versions as v
                          where v.release_id = d.release_id and v.language = d.language), 0)
                + row_number() over (partition by d.release_id, d.language order by d.first_seen_at, d.version_id)
                    as version_no
            from distinct_versions as d
            where d.version_id not in (select version_id from core.versions)
        )
        select version_id, release_id, language, content_hash, version_no, title, subtitle, published_on,
            category, url, canonical_url, date_source, layout, first_seen_at, last_seen_at, $flow_run_id
        from numbered
    """),
    ("version_seen", """
        update core.versions as v set
            first_seen_at = least(v.first_seen_at, s.first_seen_at),
            last_seen_at = greatest(v.last_seen_at, s.last_seen_at),
            url = case when s.last_seen_at > v.last_seen_at then s.url else v.url end
        from (
            select version_id, min(seen_at) as first_seen_at, max(seen_at) as last_seen_at,
                arg_max(url, seen_at) as url
            from stage_versions group by version_id
        ) as s
        where v.version_id = s.version_id
            and (s.first_seen_at < v.first_seen_at or s.last_seen_at > v.last_seen_at)
    """),
    ("sections", """
        insert into core.sections
        select version_id, ordinal, name, heading, text, $flow_run_id from stage_sections
        on conflict do nothing
    """),
    ("stale_claims", """
        -- a version loaded again with different claims (a better extractor): its claims are replaced
        delete from core.claims
        where version_id in (select version_id from stage_versions)
            and claim_id not in (select claim_id from stage_claims)
    """),
    ("claims", """
        insert into core.claims by name
        select claim_id, version_id, ordinal, metric, value, value_high, qualifier, kind, unit, currency, text,
            sentence, section, start_offset, $flow_run_id as flow_run_id, subject, scope, as_of
        from stage_claims
        qualify row_number() over (partition by claim_id order by ordinal) = 1
        on conflict do nothing
    """),
    ("claims_context", """
        -- a claim read again (a rebuild, a newer extractor) takes the subject, scope and as-of it reads now
        update core.claims as c set subject = s.subject, scope = s.scope, as_of = s.as_of
        from stage_claims as s
        where c.claim_id = s.claim_id
            and (c.subject is distinct from s.subject or c.scope is distinct from s.scope
                 or c.as_of is distinct from s.as_of)
    """),
    ("timeline_out", """
        -- the editions of this batch get their timeline rows afresh: their latest version may have changed
        delete from core.timeline as t
        using (select distinct release_id, language from stage_versions) as e
        where t.release_id = e.release_id and t.language = e.language
    """),
    ("timeline_in", """
        insert into core.timeline by name
        with latest as (
            select v.* from core.versions as v
            semi join (select distinct release_id, language from stage_versions) as e
                on e.release_id = v.release_id and e.language = v.language
            qualify row_number() over (
                partition by v.release_id, v.language order by v.last_seen_at desc, v.version_no desc
            ) = 1
        )
        select
            c.claim_id, v.release_id, v.language, v.version_id, v.published_on, c.metric, c.value, c.value_high,
            coalesce(q.qualifier, c.qualifier) as qualifier, c.kind, c.unit, c.currency, c.section, c.text,
            c.sentence, v.url, $flow_run_id as flow_run_id, c.subject, c.scope, c.as_of
        from core.claims as c
        join latest as v on v.version_id = c.version_id
        left join core.qualifier_aliases as q on q.alias = lower(trim(c.qualifier))
        where c.version_id in (select version_id from latest)
            and c.metric is not null and c.section is distinct from 'contact'
            -- only a subject's figure as it stands enters a timeline (a claim loaded before scopes existed
            -- has none: it is compared as before)
            and coalesce(c.scope, 'standing') = 'standing'
        qualify row_number() over (
            partition by c.metric, c.subject, v.language, v.release_id
            order by core.section_rank(c.section), c.as_of desc nulls last, c.ordinal
        ) = 1
    """),
    ("timeline_press_room_only", """
        -- the timeline is what HKSTP itself said: editions of other sources (the Government, newswire copies)
        -- are echoes, compared by the `echoes` view and the echo_* checks instead
        delete from core.timeline as t
        using core.editions as e
        where e.release_id = t.release_id and e.language = t.language and not core.is_press_room(e.source)
            and t.release_id in (select release_id from stage_versions)
    """),
]


def _params_for(sql: str, params: dict) -> dict:
    return {k: v for k, v in params.items() if f"${k}" in sql}


def load_documents(
    db_path: str | Path, docs: list[DocumentResult], flow_run_id: str | None = None
) -> LoadSummary:
    """Load one batch of parsed documents in one transaction; loading the same batch again changes nothing.

    A document with `error` set is recorded as a parse problem (url, reason). Returns what was new.
    """
    return load_columns(db_path, document_columns(docs), flow_run_id)


TIMELINE_STEPS = ("timeline_out", "timeline_in", "timeline_press_room_only")


def load_columns(db_path: str | Path, staged: StagedColumns, flow_run_id: str | None = None,
                 con: duckdb.DuckDBPyConnection | None = None, *, timeline: bool = True,
                 summary: bool = True) -> LoadSummary:
    """`load_documents` of a batch already turned into columns (`document_columns`, perhaps on a Dask worker).

    con: a write connection to `db_path` the caller holds open across batches (a rebuild's private side
    warehouse: no open and checkpoint per batch); without it, one is opened for this batch.
    timeline=False: leave core.timeline alone (a rebuild derives it once, when it swaps its rows in);
    summary=False: count only the claims (not the new releases, editions and revisions)."""
    if con is None:
        with write_connection(db_path) as own:
            ensure_schema(own, db_path)
            return _load_staged(own, staged, flow_run_id, timeline, summary)
    return _load_staged(con, staged, flow_run_id, timeline, summary)


def _load_staged(con: duckdb.DuckDBPyConnection, staged: StagedColumns, flow_run_id: str | None,
                 timeline: bool = True, count: bool = True) -> LoadSummary:
    docs_cols = staged["documents"]
    summary = LoadSummary(documents=len(docs_cols["url"][1]), parse_errors=sum(1 for e in docs_cols["error"][1] if e))
    temps = [f"stage_{name}" for name in staged]
    con.begin()
    try:
        for name, cols in staged.items():
            stage_columns(con, f"stage_{name}", cols)
        if count:
            summary.new_releases, summary.new_editions = con.execute(
                """
                select
                    (select count(distinct release_id) from stage_versions
                     where release_id not in (select release_id from core.releases)),
                    (select count(*) from (select distinct release_id, language from stage_versions) as s
                     where not exists (select 1 from core.editions as e
                                       where e.release_id = s.release_id and e.language = s.language))
                """
            ).fetchone()
            con.execute(
                """
                create or replace temp table new_versions as
                select distinct version_id from stage_versions
                where version_id not in (select version_id from core.versions)
                """
            )
            temps.append("new_versions")
        params = {"flow_run_id": flow_run_id, "now": utc_now()}
        counts = {}
        for name, sql in MERGE_STEPS:
            if timeline or name not in TIMELINE_STEPS:
                counts[name] = con.execute(sql, _params_for(sql, params)).fetchone()[0]
        summary.new_versions = int(counts["versions"])
        summary.claims = int(counts["claims"])
        if count:
            summary.revised_editions = con.execute(
                """
                select count(distinct (release_id, language)) from core.versions
                where version_no > 1 and version_id in (select version_id from new_versions)
                """
            ).fetchone()[0]
        for name in temps:
            con.execute(f"drop table {name}")
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return summary


def known_pages(db_path: str | Path) -> dict[str, PageState]:
    """url -> the last good fetch of it (a body received), for conditional GET; {} when there is no warehouse."""
    if not Path(db_path).exists():
        return {}
    with read_connection(db_path) as con:
        rows = con.execute(
            """
            select url, etag, last_modified, sha256, status, fetched_at
            from core.fetches
            where error is null and sha256 is not null
            qualify row_number() over (partition by url order by fetched_at desc) = 1
            """
        ).fetchall()
    return {
        url: PageState(etag=etag, last_modified=lm, sha256=sha, status=status, fetched_at=iso_utc(at))
        for url, etag, lm, sha, status, at in rows
    }
