"""Reading the warehouse: analysts' read-only SQL, and what the HTML report needs."""

from __future__ import annotations

from pathlib import Path

import duckdb

from transforms.errors import QueryTimeout, ReadOnlyViolation, WarehouseError
from transforms.values import iso_utc, jsonable
from warehouse.db import read_connection, unusable, utc_now

# statement types `query` runs; everything else (INSERT, CREATE, COPY, ATTACH, SET, LOAD, ...) is refused
_READ_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


def rows_as_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list | dict | None = None) -> list[dict]:
    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [{c: jsonable(v) for c, v in zip(cols, row)} for row in cur.fetchall()]


def _refuse_writes(sql: str) -> None:
    try:
        statements = duckdb.connect().extract_statements(sql)
    except duckdb.Error as exc:
        raise WarehouseError(f"SQL error: {exc}") from exc
    if not statements:
        raise WarehouseError("no SQL statement given")
    for st in statements:
        if st.type not in _READ_STATEMENTS:
            kind = str(st.type).rsplit(".", 1)[-1]
            raise ReadOnlyViolation(
                f"`sql` is read-only: a {kind} statement is not allowed; use SELECT (or DESCRIBE, SHOW, SUMMARIZE)"
            )


def _run_stoppable(con: duckdb.DuckDBPyConnection, sql: str, params: list | None, max_seconds: float | None):
    """Run `sql` so that Ctrl-C and `max_seconds` stop it; returns (description, rows).

    A watcher thread calls con.interrupt(), which DuckDB honours between vectors, when the time is up or when
    SIGINT arrives. It learns of SIGINT through the signal wake-up fd, which is written by whatever thread the
    signal lands on (often one of DuckDB's own): a Python handler alone runs only when DuckDB hands control back
    to the interpreter, which a long query may not do for minutes (Ctrl-C was missed in 4 of 11 tries).
    Ctrl-C ends as KeyboardInterrupt, the time limit as QueryTimeout."""
    import os
    import select
    import signal
    import threading
    import time

    done = threading.Event()
    stopped: dict[str, str] = {}
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    in_main = threading.current_thread() is threading.main_thread()
    wake_r = wake_w = None
    if in_main:
        wake_r, wake_w = os.pipe()
        os.set_blocking(wake_w, False)
        previous_fd = signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)
        previous_handler = signal.signal(signal.SIGINT, lambda *_: stopped.setdefault("why", "interrupted"))

    def watch() -> None:
        while not done.is_set():
            if wake_r is not None:
                if select.select([wake_r], [], [], 0.1)[0] and signal.SIGINT in os.read(wake_r, 64):
                    stopped.setdefault("why", "interrupted")
            else:
                done.wait(0.1)
            if deadline is not None and time.monotonic() > deadline:
                stopped.setdefault("why", "timeout")
            if "why" in stopped:
                con.interrupt()
                return

    watcher = threading.Thread(target=watch, name="hkstp-sql-watch", daemon=True)
    watcher.start()
    try:
        cur = con.execute(sql, params) if params else con.execute(sql)
        result = (cur.description, cur.fetchall() if cur.description is not None else [])
    except duckdb.InterruptException:
        if stopped.get("why") != "timeout":
            raise KeyboardInterrupt from None
        raise QueryTimeout(
            f"the query ran longer than {max_seconds:g}s and was stopped (HKSTP_SQL_TIMEOUT_S); narrow it "
            "(a WHERE, a LIMIT) or raise the limit"
        ) from None
    finally:
        done.set()
        watcher.join()
        if in_main:
            signal.signal(signal.SIGINT, previous_handler)
            signal.set_wakeup_fd(previous_fd)
            os.close(wake_r)
            os.close(wake_w)
    if stopped.get("why") == "interrupted":  # pressed as the query finished: still an interruption
        raise KeyboardInterrupt
    return result


def query(
    db_path: str | Path, sql: str, params: list | None = None, *, timeout: float | None = None,
    max_seconds: float | None = None,
) -> tuple[list[str], list[tuple]]:
    """Run read-only SQL (user values go in `params`, as ? or $1); returns (column names, rows).

    Refuses anything but SELECT-like statements (ReadOnlyViolation), a first and friendlier refusal; the
    connection itself is sandboxed (no file, network or extension access, settings locked), so nothing
    nested in EXPLAIN or a table function reads or writes outside the warehouse. Waits while the monitor writes.
    `max_seconds`: a query running longer is stopped (QueryTimeout), so it cannot hold the file for ever.
    """
    _refuse_writes(sql)
    with read_connection(db_path, timeout=timeout, sandboxed=True) as con:
        try:
            description, rows = _run_stoppable(con, sql, params, max_seconds)
            if description is None:
                return [], []
            return [d[0] for d in description], rows
        except (duckdb.PermissionException, duckdb.InvalidInputException) as exc:
            if "disabled" not in str(exc) and "locked" not in str(exc):
                raise WarehouseError(f"SQL error: {exc}") from exc
            raise ReadOnlyViolation(
                "`sql` reads only the warehouse: files, the network, extensions and settings are out of reach "
                f"({str(exc).splitlines()[0]}); use `hkstp-monitor export DIR` to write the views to files"
            ) from exc
        except duckdb.IOException as exc:
            raise unusable(Path(db_path), exc) from exc
        except duckdb.Error as exc:
            raise WarehouseError(f"SQL error: {exc}") from exc


def report_data(db_path: str | Path) -> dict:
    """Everything an HTML report needs, JSON-ready (dates as ISO text).

    timelines: metric_timeline rows; findings: current findings that are neither muted nor rejected (a rejected
    finding is a misreading of the monitor), worst first, with old/new text and url; problems: unresolved fetch
    and parse errors; echoes: other sources' statements of HKSTP's figures (the `echoes` view); metrics: labels;
    totals: row counts.
    """
    with read_connection(db_path) as con:
        timelines = rows_as_dicts(
            con,
            """
            select metric, subject, language, published_on, as_of, value, value_high, qualifier, kind, unit,
                currency, release_id, url, text, section
            from metric_timeline
            order by metric, subject, language, as_of, published_on, release_id
            """,
        )
        findings = rows_as_dicts(
            con,
            """
            select * from findings
            where is_current and status in ('open', 'acknowledged')  -- not muted, not rejected as a misreading
            order by case severity when 'critical' then 0 when 'warning' then 1 else 2 end,
                new_published_on desc nulls last, check_name, metric, language
            """,
        )
        problems = rows_as_dicts(
            con,
            """
            select url, stage, reason, seen_at, http_status, source
            from problems
            where not resolved
            qualify row_number() over (partition by url, stage order by seen_at desc) = 1
            order by stage, url
            """,
        )
        # other sources' statements of HKSTP's figures (issue 21), drawn on each metric's chart by source
        echoes = rows_as_dicts(
            con,
            """
            select metric, subject, language, source, published_on, as_of, value, qualifier, kind, verdict, url, text
            from echoes
            where subject like 'hkstp%'
            order by metric, published_on, source
            """,
        )
        metrics = rows_as_dicts(con, "select key, label_en, label_zh, cumulative from metrics order by key")
        totals = rows_as_dicts(
            con,
            """
            select
                (select count(distinct release_id) from releases) as releases,
                (select count(*) from releases) as editions,
                (select count(*) from core.versions) as versions,
                (select count(*) from claims) as claims,
                (select count(*) from findings where is_current and status = 'open') as open_findings,
                (select max(finished_at) from check_runs) as last_check_at
            """,
        )[0]
    return {
        "generated_at": iso_utc(utc_now()),
        "timelines": timelines,
        "findings": findings,
        "echoes": echoes,
        "problems": problems,
        "metrics": metrics,
        "totals": totals,
    }


def list_findings(db_path: str | Path, include_all: bool = False, severity: str | None = None) -> list[dict]:
    """Findings, newest first: by default the open ones the latest check run still sees."""
    where, params = [], []
    if not include_all:
        where.append("status = 'open' and is_current")
    if severity:
        where.append("severity = ?")
        params.append(severity)
    sql = "select * from findings" + (" where " + " and ".join(where) if where else "")
    sql += " order by new_published_on desc nulls last, check_name, metric, language"
    with read_connection(db_path) as con:
        return rows_as_dicts(con, sql, params)


def recorded_problems(db_path: str | Path) -> list[dict]:
    """Each page that could not be fetched or parsed, once, with its reason."""
    with read_connection(db_path) as con:
        return rows_as_dicts(con, "select distinct url, stage, reason from problems order by url, stage")


def view_counts(db_path: str | Path) -> dict[str, int]:
    """Rows in each analyst view."""
    with read_connection(db_path) as con:
        return {v: con.execute(f"select count(*) from {v}").fetchone()[0]
                for v in ("releases", "claims", "metric_timeline", "findings", "problems")}


def holds_only(db_path: str | Path, url_prefix: str) -> bool:
    """True when every release loaded into the file came from URLs starting with `url_prefix`."""
    with read_connection(db_path) as con:
        other = con.execute("select count(*) from releases where not starts_with(url, ?)", [url_prefix]).fetchone()
    return other[0] == 0
