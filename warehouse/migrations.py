"""The warehouse schema, versioned: `migrate` brings a file up to this program's version, never down.

Each step is one file `warehouse/migrations/NNNN_name.sql`, applied in its own transaction and recorded in
`core.schema_version`. The analyst views (`warehouse/views.sql`) are re-created whenever they change.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb

from transforms.errors import SchemaTooNew, WarehouseError
from transforms.metrics import load_vocabulary

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
MIGRATIONS_DIR = HERE / "migrations"
VIEWS_SQL = HERE / "views.sql"


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        m = re.match(r"(\d{4})_", path.name)
        if m:
            found.append((int(m.group(1)), path))
    return found


LATEST_VERSION = max(v for v, _ in migration_files())


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'core' and table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("select coalesce(max(version), 0) from core.schema_version").fetchone()[0]


def _too_new(path: Path | str, version: int) -> SchemaTooNew:
    return SchemaTooNew(
        f"the warehouse {path} has schema version {version}, made by a newer hkstp-monitor; this one knows "
        f"versions up to {LATEST_VERSION}. Upgrade hkstp-monitor (the file was left unchanged)."
    )


def check_readable(con: duckdb.DuckDBPyConnection, path: Path | str) -> int:
    """Refuse a file newer than this program; warn (but go on) when it has not been upgraded yet."""
    version = current_version(con)
    if version > LATEST_VERSION:
        raise _too_new(path, version)
    if version < LATEST_VERSION:
        log.warning("the warehouse %s has schema version %s (current %s); the next write upgrades it",
                    path, version, LATEST_VERSION)
    return version


def _views_sha() -> str:
    return hashlib.sha256(VIEWS_SQL.read_bytes()).hexdigest()


@cache
def _vocabulary_rows() -> tuple[tuple, ...]:
    """(key, cumulative, label_en, label_zh) for each metric of the vocabulary (transforms/vocab/metrics.py)."""
    return tuple((m.key, m.cumulative, m.label_en, m.label_zh) for m in load_vocabulary().values())


def _sync_metrics(con: duckdb.DuckDBPyConnection) -> None:
    rows = _vocabulary_rows()
    if not rows:
        return
    digest = hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()
    stored = con.execute("select value from core.meta where key = 'vocabulary_sha'").fetchone()
    if stored and stored[0] == digest:
        return
    keys, cumulative, label_en, label_zh = (list(c) for c in zip(*rows))
    con.begin()
    try:
        con.execute(
            """
            insert into core.metrics (key, cumulative, label_en, label_zh)
            select unnest($1::varchar[]), unnest($2::boolean[]), unnest($3::varchar[]), unnest($4::varchar[])
            on conflict (key) do update set
                cumulative = excluded.cumulative, label_en = excluded.label_en, label_zh = excluded.label_zh
            """,
            [keys, cumulative, label_en, label_zh],
        )
        con.execute(
            "insert into core.meta (key, value) values ('vocabulary_sha', $1) "
            "on conflict (key) do update set value = excluded.value",
            [digest],
        )
        con.commit()
    except Exception:
        con.rollback()
        raise


def ensure_schema(con: duckdb.DuckDBPyConnection, path: Path | str = "", target: int | None = None) -> int:
    """Apply the missing migrations on an open read-write connection; returns the schema version."""
    target = LATEST_VERSION if target is None else target
    version = current_version(con)
    if version > LATEST_VERSION:
        raise _too_new(path, version)
    for number, file in migration_files():
        if version < number <= target:
            con.begin()
            try:
                con.execute(file.read_text(encoding="utf-8"))
                con.execute(
                    "insert into core.schema_version (version, description, applied_at) values ($1, $2, $3)",
                    [number, file.stem, datetime.now(UTC).replace(tzinfo=None)],
                )
                con.commit()
            except Exception as exc:
                con.rollback()
                raise WarehouseError(f"upgrading {path} to schema version {number} failed: {exc}") from exc
            log.info("warehouse %s upgraded to schema version %s", path, number)
            version = number
    if version == LATEST_VERSION:
        _apply_views(con)
        _sync_metrics(con)
    return version


def _apply_views(con: duckdb.DuckDBPyConnection) -> None:
    sha = _views_sha()
    stored = con.execute("select value from core.meta where key = 'views_sha'").fetchone()
    if stored and stored[0] == sha:
        return
    con.begin()
    try:
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        con.execute(
            "insert into core.meta (key, value) values ('views_sha', $1) "
            "on conflict (key) do update set value = excluded.value",
            [sha],
        )
        con.commit()
    except Exception:
        con.rollback()
        raise

