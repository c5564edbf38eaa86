"""Connections to the warehouse file: one writer at a time, readers that wait politely while it writes.

DuckDB lets one process write a file, or several processes read it, never both. A reader that finds the
file locked retries with backoff and says it is waiting; after the timeout it raises WarehouseBusy.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from transforms.errors import WarehouseBusy, WarehouseError
from warehouse.migrations import check_readable, ensure_schema

log = logging.getLogger(__name__)


@dataclass(slots=True)
class LockWaits:
    """How long a connection waits for the other side to let go of the file (seconds). The flows set them from
    the settings (HKSTP_DB_READ_TIMEOUT, HKSTP_DB_WRITE_TIMEOUT) with `set_lock_waits`; a call may pass its own."""

    read_s: float = 60.0
    write_s: float = 300.0


LOCK_WAITS = LockWaits()
_FIRST_DELAY_S = 0.05
_MAX_DELAY_S = 1.0


def set_lock_waits(read_s: float, write_s: float) -> None:
    """The lock waits of every connection opened from now on in this process."""
    LOCK_WAITS.read_s, LOCK_WAITS.write_s = float(read_s), float(write_s)


def utc_now() -> datetime:
    """Now, as the warehouse stores time: a naive timestamp in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc)
    # another process holds the file / this process already has it open with another configuration
    return "Could not set lock" in text or "different configuration" in text


def _connect_with_retry(path: Path, read_only: bool, timeout: float, waiting_message: str) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    delay = _FIRST_DELAY_S
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_conflict(exc):
                raise WarehouseError(f"cannot open the warehouse {path}: {exc}") from exc
            if time.monotonic() + delay > deadline:
                raise WarehouseBusy(
                    f"the warehouse {path} is still locked by another process after {timeout:.0f}s; "
                    "try again when the monitor run has finished"
                ) from exc
            if not told:
                message = f"{waiting_message} ({path}; waiting up to {timeout:.0f}s)"
                log.warning(message)
                print(message, file=sys.stderr, flush=True)
                told = True
            time.sleep(delay)
            delay = min(delay * 2, _MAX_DELAY_S)


@contextmanager
def read_connection(db_path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; waits (with a message) while a writer holds the file, then WarehouseBusy."""
    path = Path(db_path)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `hkstp-monitor run`, `demo` or `ingest` first")
    con = _connect_with_retry(
        path, True, LOCK_WAITS.read_s if timeout is None else timeout,
        "waiting for the monitor to finish writing to the warehouse...",
    )
    try:
        check_readable(con, path)
        yield con
    finally:
        con.close()


@contextmanager
def write_connection(db_path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one read-write connection; hold it only while loading, so readers are not kept waiting."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect_with_retry(
        path, False, LOCK_WAITS.write_s if timeout is None else timeout,
        "waiting for readers of the warehouse to finish...",
    )
    try:
        yield con
    finally:
        con.close()


def migrate(db_path: str | Path, *, target: int | None = None) -> int:
    """Create or upgrade the warehouse at `db_path`; return its schema version.

    Raises SchemaTooNew when the file was made by a newer program. `target` (tests only) stops early.
    """
    with write_connection(db_path) as con:
        return ensure_schema(con, db_path, target)
