"""What a monitor run saw of the site itself: drift signals and discovery problems (core.site_signals).

The `site_drift` check (warehouse/checks/site_drift.sql) turns the drift signals of the latest run into
findings; the other signals are listed in the `problems` view with stage `discover`.
"""

from __future__ import annotations

from pathlib import Path

from transforms.model import SiteSignal
from warehouse.db import read_connection, utc_now, write_connection
from warehouse.load import stage_columns
from warehouse.migrations import ensure_schema


def record_site_run(db_path: str | Path, run_key: str, signals: list[SiteSignal], listing_only: bool,
                    flow_run_id: str | None = None, source: str | None = None) -> int:
    """Record one run's look at the site and its signals in one transaction; returns the signals recorded.

    Recording the same run again replaces what it recorded (a retried task never doubles a signal). `source`
    names another source than the press room (its latest run decides only its own signals)."""
    now = utc_now()
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        con.begin()
        try:
            con.execute("delete from core.site_signals where run_key = $1", [run_key])
            con.execute(
                "insert into core.site_runs (run_key, seen_at, listing_only, flow_run_id, source) values ($1, $2, $3, $4, $5) "
                "on conflict (run_key) do update set seen_at = excluded.seen_at",
                [run_key, now, listing_only, flow_run_id, source],
            )
            if signals:
                stage_columns(con, "stage_signals", {
                    "kind": ("varchar", [s.kind for s in signals]),
                    "drift": ("boolean", [s.drift for s in signals]),
                    "severity": ("varchar", [s.severity for s in signals]),
                    "url": ("varchar", [s.url for s in signals]),
                    "profile_key": ("varchar", [s.profile_key for s in signals]),
                    "detail": ("varchar", [s.detail for s in signals]),
                    "language": ("varchar", [s.language for s in signals]),
                })
                con.execute(
                    """
                    insert into core.site_signals
                        (run_key, seen_at, kind, drift, severity, url, profile_key, detail, language, flow_run_id, source)
                    select $run_key, $now, kind, drift, severity, url, profile_key, detail, language, $flow_run_id,
                        $source
                    from stage_signals
                    """,
                    {"run_key": run_key, "now": now, "flow_run_id": flow_run_id, "source": source},
                )
                con.execute("drop table stage_signals")
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return len(signals)


def release_urls(db_path: str | Path, urls: list[str]) -> set[str]:
    """Those of `urls` that were loaded as a release edition (a document with a release) at least once."""
    if not urls or not Path(db_path).exists():
        return set()
    with read_connection(db_path) as con:
        rows = con.execute(
            "select distinct url from core.documents where release_id is not null and url in (select unnest($1::varchar[]))",
            [urls],
        ).fetchall()
    return {r[0] for r in rows}


def english_documents_at(db_path: str | Path, paths: set[str]) -> list[tuple[str, str, str]]:
    """(url, sha256, release_id) of the latest English release edition at each of `paths` (URL paths, lower-case,
    no trailing slash: any host, so a mirror's pages and the site's own links compare equal)."""
    if not paths or not Path(db_path).exists():
        return []
    with read_connection(db_path) as con:
        return con.execute(
            """
            select url, arg_max(sha256, fetched_at), arg_max(release_id, fetched_at) from core.documents
            where release_id is not null and language = 'en'
              and rtrim(lower(regexp_replace(regexp_replace(url, '[?#].*$', ''), '^[a-z][a-z0-9+.-]*://[^/]*', '')), '/')
                  in (select unnest($1::varchar[]))
            group by url
            """,
            [sorted(paths)],
        ).fetchall()


def generic_share(db_path: str | Path) -> tuple[int, int]:
    """(versions parsed by the generic fallback, all versions) of release editions loaded from the web so far."""
    if not Path(db_path).exists():
        return 0, 0
    with read_connection(db_path) as con:
        row = con.execute(
            """
            select count(*) filter (where v.layout = 'generic'), count(*)
            from core.versions as v
            join core.editions as e using (release_id, language)
            where e.source = 'web'
            """
        ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)
