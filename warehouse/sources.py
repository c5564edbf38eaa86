"""What the adapters of other sources remember between runs (core.source_items) and the newswire copies' links
to their HKSTP originals (core.copies)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.db import read_connection, utc_now, write_connection
from warehouse.load import stage_columns, utc_timestamp
from warehouse.migrations import ensure_schema


@dataclass(frozen=True, slots=True)
class SourceItem:
    """What a source's adapter last saw of one page."""

    url: str
    language: str | None = None
    item_key: str | None = None
    mentions: bool | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    checked_at: str | None = None  # ISO-8601 UTC


def source_items(db_path: str | Path, source: str) -> dict[str, SourceItem]:
    """url -> what was last seen of it, for one source; {} when there is no warehouse yet."""
    if not Path(db_path).exists():
        return {}
    with read_connection(db_path) as con:
        exists = con.execute("select count(*) from duckdb_tables() where schema_name = 'core' "
                             "and table_name = 'source_items'").fetchone()[0]
        if not exists:
            return {}
        rows = con.execute(
            "select url, language, item_key, mentions, etag, last_modified, sha256, checked_at "
            "from core.source_items where source = $1", [source]).fetchall()
    return {r[0]: SourceItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7].isoformat() if r[7] else None)
            for r in rows}


def remember_items(db_path: str | Path, source: str, items: list[SourceItem]) -> int:
    """Upsert what was seen of these pages in one transaction; returns how many rows were written."""
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        if not items:
            return 0
        con.begin()
        try:
            stage_columns(con, "stage_items", {
                "url": ("varchar", [i.url for i in items]),
                "language": ("varchar", [i.language for i in items]),
                "item_key": ("varchar", [i.item_key for i in items]),
                "mentions": ("boolean", [i.mentions for i in items]),
                "etag": ("varchar", [i.etag for i in items]),
                "last_modified": ("varchar", [i.last_modified for i in items]),
                "sha256": ("varchar", [i.sha256 for i in items]),
                "checked_at": ("timestamp", [utc_timestamp(i.checked_at) or utc_now() for i in items]),
            })
            con.execute(
                """
                insert into core.source_items
                select $source, url, language, item_key, mentions, etag, last_modified, sha256, checked_at, checked_at
                from stage_items
                qualify row_number() over (partition by url order by checked_at desc) = 1
                on conflict (source, url) do update set
                    language = coalesce(excluded.language, core.source_items.language),
                    item_key = coalesce(excluded.item_key, core.source_items.item_key),
                    mentions = coalesce(excluded.mentions, core.source_items.mentions),
                    etag = coalesce(excluded.etag, core.source_items.etag),
                    last_modified = coalesce(excluded.last_modified, core.source_items.last_modified),
                    sha256 = coalesce(excluded.sha256, core.source_items.sha256),
                    checked_at = excluded.checked_at
                """,
                {"source": source},
            )
            con.execute("drop table stage_items")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(items)


def press_room_candidates(db_path: str | Path, language: str) -> list[dict]:
    """The press room's editions in one language (release_id, title, first body paragraph, published_on), the
    candidates a newswire copy is matched against."""
    if not Path(db_path).exists():
        return []
    with read_connection(db_path) as con:
        cur = con.execute(
            """
            select e.release_id, e.language, v.title, v.published_on,
                (select s.text from core.sections as s
                 where s.version_id = v.version_id and s.name = 'body' order by s.ordinal limit 1) as first_paragraph
            from core.editions as e
            join core.latest_versions as v on v.release_id = e.release_id and v.language = e.language
            where core.is_press_room(e.source) and e.language = $1
            """,
            [language],
        )
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def link_copies(db_path: str | Path, links: list[dict]) -> int:
    """Record newswire copy -> original links (copy_release_id, copy_language, original_release_id, wire,
    similarity, days_apart); a copy linked again is re-linked."""
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        for link in links:
            con.execute(
                """
                insert into core.copies values ($1, $2, $3, $4, $5, $6, $7)
                on conflict (copy_release_id, copy_language) do update set
                    original_release_id = excluded.original_release_id, wire = excluded.wire,
                    similarity = excluded.similarity, days_apart = excluded.days_apart, linked_at = excluded.linked_at
                """,
                [link["copy_release_id"], link["copy_language"], link["original_release_id"], link.get("wire"),
                 link.get("similarity"), link.get("days_apart"), utc_now()],
            )
    return len(links)


def edition_text(db_path: str | Path, release_id: str, language: str) -> str:
    """Title and sections of an edition's latest version, as one text (the words a copy is repaired with)."""
    with read_connection(db_path) as con:
        row = con.execute(
            """
            select v.title || chr(10) || coalesce(string_agg(s.text, chr(10) order by s.ordinal), '')
            from core.latest_versions as v
            left join core.sections as s on s.version_id = v.version_id
            where v.release_id = $1 and v.language = $2
            group by v.title
            """,
            [release_id, language],
        ).fetchone()
    return row[0] if row else ""


def latest_fetches(db_path: str | Path, urls: list[str]) -> dict[str, dict]:
    """url -> its latest good fetch (etag, last_modified, sha256, fetched_at ISO UTC), for the few pages a source
    asks every run (robots.txt, feeds)."""
    if not urls or not Path(db_path).exists():
        return {}
    with read_connection(db_path) as con:
        rows = con.execute(
            """
            select url, etag, last_modified, sha256, fetched_at from core.fetches
            where error is null and sha256 is not null and url in (select unnest($1::varchar[]))
            qualify row_number() over (partition by url order by fetched_at desc) = 1
            """,
            [urls],
        ).fetchall()
    return {u: {"etag": e, "last_modified": lm, "sha256": sha, "fetched_at": at.isoformat() + "+00:00"}
            for u, e, lm, sha, at in rows}
