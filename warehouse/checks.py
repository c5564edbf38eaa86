"""Run the checks: every `warehouse/checks/*.sql` is a SELECT of the figures it flags, with thresholds bound
as parameters. Findings are merged by a stable id, so a run never duplicates what an earlier one found and
keeps the status an analyst gave it.

Each check file runs on its own; within `run_checks`, the internal views several checks read (SHARED_VIEWS)
are computed once into temp tables first.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from transforms.values import iso_utc, jsonable
from warehouse.db import utc_now, write_connection
from warehouse.findings import FINDING_COLUMNS
from warehouse.migrations import ensure_schema

CHECKS_DIR = Path(__file__).resolve().parent / "checks"
CHECK_NAMES = (
    "figure_changed", "qualifier_changed", "figure_conflict", "translation_mismatch", "release_revised", "site_drift",
    "echo_stale", "echo_mismatch",
)
SEVERITIES = ("info", "warning", "critical")
# internal views (views.sql) read by several checks: run_checks computes each once per run into a temp table
# and points the checks at it (the timelines are sorted once, not once per check)
SHARED_VIEWS = ("core.timeline_steps",)
_EVIDENCE = [c for c in FINDING_COLUMNS if c not in ("metric", "language")]


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """Thresholds of the checks. The flows pass them in from the settings (HKSTP_CONFLICT_WINDOW_DAYS and so
    on, flows/settings.py); the defaults here are the same (tests/test_settings.py keeps them so)."""

    # figure_conflict: two releases of one language this many days apart (or fewer) must agree on a figure
    conflict_window_days: int = 7
    # figure_changed: a cumulative metric falling by more than this percent is critical (less is a warning)
    critical_decrease_pct: float = 10.0
    # translation_mismatch: editions whose figures differ by at most this percent are taken to agree
    translation_tolerance_pct: float = 0.0
    # echo_stale / echo_mismatch: another source's figure within this percent of HKSTP's agrees with it
    echo_tolerance_pct: float = 0.0


@dataclass(slots=True)
class CheckRun:
    """The outcome of one `run_checks`."""

    run_id: str
    new_findings: list[dict] = field(default_factory=list)  # rows of the `findings` view, JSON-ready
    counts_by_check: dict[str, int] = field(default_factory=dict)  # findings seen in this run
    counts_by_severity: dict[str, int] = field(default_factory=dict)
    total_open: int = 0  # findings seen in this run whose status is open
    started_at: str | None = None
    finished_at: str | None = None
    flow_run_id: str | None = None


def check_files() -> dict[str, Path]:
    return {p.stem: p for p in sorted(CHECKS_DIR.glob("*.sql"))}


def check_sql(name: str) -> str:
    return check_files()[name].read_text(encoding="utf-8").strip().rstrip(";")


def parameters_of(sql: str, settings: CheckSettings) -> dict:
    """The settings a check's SQL refers to as $name (DuckDB refuses unused named parameters)."""
    wanted = set(re.findall(r"\$([a-z_]+)", sql))
    values = asdict(settings)
    unknown = wanted - values.keys()
    if unknown:
        raise KeyError(f"check refers to unknown settings: {sorted(unknown)}")
    return {k: values[k] for k in wanted}


# finding_id (see warehouse.findings): never change it, or every finding analysts have seen gets a new id
FINDING_ID_SQL = (
    "left(sha256(concat_ws('|', check_name, coalesce(metric, ''), coalesce(language, ''), identity_key)), 16)"
)


def _materialize(con: duckdb.DuckDBPyConnection, view: str) -> str:
    """Compute a shared view once into a temp table; returns the table's name."""
    table = "shared_" + view.replace(".", "_")
    con.execute(f"create or replace temp table {table} as select * from {view}")
    return table


def _merge_findings(con: duckdb.DuckDBPyConnection, run_id: str, now: datetime, flow_run_id: str | None) -> list[str]:
    """Merge temp table check_results into core.findings; returns the ids of the findings first seen now.

    Each run writes only what moves: every finding seen gets last_seen_at and last_run_id, the evidence is
    rewritten only where it differs, new findings are inserted as open. The status is never touched.
    """
    # a finding reported twice in one run: keep the latest evidence (compares narrow rows, deletes the rest)
    con.execute(
        """
        delete from check_results
        where rowid in (
            select rowid from check_results
            qualify row_number() over (partition by finding_id order by new_published_on desc nulls last) > 1
        )
        """
    )
    con.execute(
        """
        create or replace temp table new_finding_ids as
        select finding_id from check_results
        where finding_id not in (select finding_id from core.findings)
        """
    )
    new_ids = [r[0] for r in con.execute("select finding_id from new_finding_ids").fetchall()]
    con.execute(
        """
        update core.findings as f set last_seen_at = $now, last_run_id = $run_id
        from check_results as r
        where f.finding_id = r.finding_id
        """,
        {"now": now, "run_id": run_id},
    )
    changed = " or ".join(f"f.{c} is distinct from r.{c}" for c in _EVIDENCE)
    con.execute(
        f"""
        update core.findings as f set {", ".join(f"{c} = r.{c}" for c in _EVIDENCE)}
        from check_results as r
        where f.finding_id = r.finding_id and ({changed})
        """
    )
    cols = ", ".join(FINDING_COLUMNS)
    con.execute(
        f"""
        insert into core.findings
            (finding_id, check_name, {cols}, first_seen_at, last_seen_at, first_run_id, last_run_id, status,
             flow_run_id)
        select finding_id, check_name, {cols}, $now, $now, $run_id, $run_id, 'open', $flow_run_id
        from check_results
        where finding_id in (select finding_id from new_finding_ids)
        """,
        {"now": now, "run_id": run_id, "flow_run_id": flow_run_id},
    )
    con.execute("drop table new_finding_ids")
    return new_ids


_PLAIN_TYPES = {"VARCHAR", "DOUBLE", "FLOAT", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT"}


def _json_rows(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    """Rows as JSON-ready dicts, as queries.rows_as_dicts gives them, converting only the columns whose type
    needs it (dates, timestamps): a first run over a big warehouse returns many thousand new findings."""
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    convert = [i for i, d in enumerate(cur.description) if str(d[1]) not in _PLAIN_TYPES]
    rows = cur.fetchall()
    if convert:
        rows = [list(r) for r in rows]
        for r in rows:
            for i in convert:
                r[i] = jsonable(r[i])
    return [dict(zip(cols, r)) for r in rows]


def run_checks(
    db_path: str | Path, settings: CheckSettings | None = None, flow_run_id: str | None = None
) -> CheckRun:
    """Run every check in one transaction, merge the findings, record the run; return what is new."""
    settings = settings or CheckSettings()
    run_id = uuid.uuid4().hex[:16]
    started = utc_now()
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        con.begin()
        try:
            con.execute(
                "create or replace temp table check_results as "
                "select null::varchar as finding_id, null::varchar as check_name, "
                f"{', '.join(f'f.{c}' for c in FINDING_COLUMNS)}, "
                "null::varchar as identity_key from core.findings as f where false"
            )
            shared = {view: _materialize(con, view) for view in SHARED_VIEWS}
            for name in check_files():
                sql = check_sql(name)
                for view, table in shared.items():
                    sql = re.sub(rf"\b{re.escape(view)}\b", table, sql)
                con.execute(
                    f"insert into check_results by name "
                    f"select '{name}' as check_name, {FINDING_ID_SQL} as finding_id, * from (\n{sql}\n)",
                    parameters_of(sql, settings),
                )
            for table in shared.values():
                con.execute(f"drop table {table}")
            now = utc_now()
            new_ids = _merge_findings(con, run_id, now, flow_run_id)
            by_check = dict(con.execute("select check_name, count(*) from check_results group by all").fetchall())
            by_severity = dict(con.execute("select severity, count(*) from check_results group by all").fetchall())
            counts_by_check = {n: int(by_check.get(n, 0)) for n in sorted({*CHECK_NAMES, *check_files()})}
            counts_by_severity = {s: int(by_severity.get(s, 0)) for s in SEVERITIES}
            total_open = con.execute(
                "select count(*) from core.findings where last_run_id = $1 and status = 'open'", [run_id]
            ).fetchone()[0]
            con.execute(
                """
                insert into core.check_runs
                    (run_id, started_at, finished_at, flow_run_id, settings, counts_by_check, counts_by_severity,
                     new_findings, total_open)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                [run_id, started, utc_now(), flow_run_id, json.dumps(asdict(settings)),
                 json.dumps(counts_by_check), json.dumps(counts_by_severity), len(new_ids), total_open],
            )
            con.execute("drop table check_results")
            con.commit()
        except BaseException:
            con.rollback()
            raise
        new_findings = _json_rows(
            con,
            """
            select * from findings
            where finding_id in (select finding_id from core.findings where first_run_id = $1)
            order by case severity when 'critical' then 0 when 'warning' then 1 else 2 end,
                check_name, metric, language, new_published_on
            """,
            [run_id],
        )
    return CheckRun(
        run_id=run_id,
        new_findings=new_findings,
        counts_by_check=counts_by_check,
        counts_by_severity=counts_by_severity,
        total_open=int(total_open),
        started_at=iso_utc(started),
        finished_at=iso_utc(utc_now()),
        flow_run_id=flow_run_id,
    )
