"""Connections to the warehouse file: one writer at a time, readers that wait politely while it writes.

DuckDB lets one process write a file, or several processes read it, never both. A reader that finds the
file locked retries with backoff and says it is waiting; after the timeout it raises WarehouseBusy.
"""

from __future__ import annotations

import logging
import re
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
# For SQL typed by a user: no file, network or extension access beyond the warehouse file, and no SET that
# could switch it back on. Must be given when the connection is made.
SANDBOX_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}
_FIRST_DELAY_S = 0.05
_MAX_DELAY_S = 1.0


def set_lock_waits(read_s: float, write_s: float) -> None:
    """The lock waits of every connection opened from now on in this process."""
    LOCK_WAITS.read_s, LOCK_WAITS.write_s = float(read_s), float(write_s)


def utc_now() -> datetime:
    """Now, as the warehouse stores time: a naive timestamp in UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


_READ_ONLY = re.compile(r"Permission denied|Operation not permitted|Read-only file system|read-only mode|EROFS|EACCES",
                        re.IGNORECASE)
_DISK_FULL = re.compile(r"No space left on device|ENOSPC|disk is full", re.IGNORECASE)
_HOLDER = re.compile(r"Conflicting lock is held in (\S+) \(PID (\d+)\)")


def _holder(exc: Exception) -> str:
    """' (process 1234, /usr/bin/python3)' from DuckDB's lock error, when it names the holder."""
    m = _HOLDER.search(str(exc))
    return f" (process {m.group(2)}, {m.group(1)})" if m else ""


def _is_lock_conflict(exc: Exception) -> bool:
    text = str(exc)
    # another process holds the file / this process already has it open with another configuration
    return "Could not set lock" in text or "different configuration" in text


def _connect_with_retry(
    path: Path, read_only: bool, timeout: float, waiting_message: str, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + timeout
    delay = _FIRST_DELAY_S
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config or {})
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_conflict(exc):
                raise unusable(path, exc) from exc
            holder = _holder(exc)
            if time.monotonic() + delay > deadline:
                if read_only:
                    raise WarehouseBusy(
                        f"the warehouse {path} is still locked by another process{_holder(exc)} after "
                        f"{timeout:.0f}s; try again when the monitor run has finished"
                    ) from exc
                # a writer waits on readers too: an `sql` query or a report holds the file as long as it reads
                raise WarehouseBusy(
                    f"the warehouse {path} is still open in another process{_holder(exc)} after {timeout:.0f}s: "
                    "a reader (`hkstp-monitor sql`, `report`, a notebook) or another run; nothing was written, "
                    "try again when it has finished (HKSTP_SQL_TIMEOUT_S bounds an `sql` query)"
                ) from exc
        except duckdb.Error as exc:  # e.g. a truncated or overwritten file: SerializationException, InternalException
            raise unusable(path, exc) from exc
        if not told:
            message = f"{waiting_message} ({path}{holder}; waiting up to {timeout:.0f}s)"
            log.warning(message)
            print(message, file=sys.stderr, flush=True)
            told = True
        time.sleep(delay)
        delay = min(delay * 2, _MAX_DELAY_S)


def unusable(path: Path, exc: Exception) -> WarehouseError:
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if _READ_ONLY.search(first_line):  # the file is fine: moving it aside would not help
        return WarehouseError(
            f"the warehouse {path} is read-only here ({first_line[:160]}); make the file and its folder writable "
            "for this user, or give --db a file you can write"
        )
    if _DISK_FULL.search(first_line):
        return WarehouseError(f"no space left on device at {path}; nothing loaded was lost: free some space and "
                              "run again")
    return WarehouseError(
        f"cannot open the warehouse {path} ({first_line[:200]}); if the file is damaged, move it aside and "
        "rebuild it with `hkstp-monitor run` (pages already fetched are reused from the raw store)"
    )


def _check_intact(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse a file shorter than the blocks it says it holds (a truncated copy or a disk that filled up):
    DuckDB would otherwise fail later, half-way through a query. Skipped while a WAL is pending, since its
    blocks are not in the file yet."""
    if path.with_name(path.name + ".wal").exists():
        return
    # used, not total: free blocks at the end of the file may have been truncated away, which is fine
    used_blocks, block_size = con.execute("select used_blocks, block_size from pragma_database_size()").fetchone()
    if path.stat().st_size < used_blocks * block_size:
        con.close()
        raise WarehouseError(
            f"the warehouse {path} is damaged: the file is shorter than the {used_blocks} blocks it uses; move it "
            "aside and rebuild it with `hkstp-monitor run` (pages already fetched are reused from the raw store)"
        )


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WarehouseError(
            f"cannot create the folder {path.parent} for the warehouse ({exc.strerror or exc}); give --db a path "
            "in a folder you can write to"
        ) from exc


def ensure_usable(db_path: str | Path) -> None:
    """Raise WarehouseError now, before any work, if the warehouse file cannot be used or created."""
    path = Path(db_path)
    if path.exists():
        with read_connection(path):
            pass
        return
    _make_folder(path)


@contextmanager
def read_connection(
    db_path: str | Path, timeout: float | None = None, sandboxed: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; waits (with a message) while a writer holds the file, then WarehouseBusy.

    sandboxed: for user SQL, no access to anything but the warehouse file (SANDBOX_CONFIG).
    """
    path = Path(db_path)
    if not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `hkstp-monitor run`, `demo` or `ingest` first")
    if path.is_dir():
        raise WarehouseError(f"{path} is a directory, not a warehouse file: give --db a file path")
    con = _connect_with_retry(
        path, True, LOCK_WAITS.read_s if timeout is None else timeout,
        "waiting for the monitor to finish writing to the warehouse...",
        SANDBOX_CONFIG if sandboxed else None,
    )
    try:
        _check_intact(con, path)
        check_readable(con, path)
        yield con
    finally:
        con.close()


@contextmanager
def write_connection(db_path: str | Path, timeout: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """The one read-write connection; hold it only while loading, so readers are not kept waiting."""
    path = Path(db_path)
    _make_folder(path)
    if path.is_dir():
        raise WarehouseError(f"{path} is a directory, not a warehouse file: give --db a file path")
    con = _connect_with_retry(
        path, False, LOCK_WAITS.write_s if timeout is None else timeout,
        "waiting for another process (a reader such as `sql`, or another run) to let go of the warehouse...",
    )
    try:
        _check_intact(con, path)
        yield con
    finally:
        con.close()


def migrate(db_path: str | Path, *, target: int | None = None) -> int:
    """Create or upgrade the warehouse at `db_path`; return its schema version.

    Raises SchemaTooNew when the file was made by a newer program. `target` (tests only) stops early.
    """
    with write_connection(db_path) as con:
        return ensure_schema(con, db_path, target)
