"""Run the checks: every `warehouse/checks/*.sql` is a SELECT of the figures it flags, with thresholds bound
as parameters. Findings are merged by a stable id, so a run never duplicates what an earlier one found and
keeps the status an analyst gave it.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from warehouse.db import write_connection
from warehouse.findings import FINDING_COLUMNS, merge_findings
from warehouse.load import _now, iso_utc
from warehouse.migrations import ensure_schema

CHECKS_DIR = Path(__file__).resolve().parent / "checks"
CHECK_NAMES = ("figure_changed", "qualifier_changed", "figure_conflict", "translation_mismatch", "release_revised")
SEVERITIES = ("info", "warning", "critical")


class CheckSettings(BaseSettings):
    """Thresholds of the checks; each can be set in the environment, e.g. HKSTP_CONFLICT_WINDOW_DAYS=14."""

    model_config = SettingsConfigDict(env_prefix="HKSTP_", extra="ignore")

    # figure_conflict: two releases of one language this many days apart (or fewer) must agree on a figure
    conflict_window_days: int = 7
    # figure_changed: a cumulative metric falling by more than this percent is critical (less is a warning)
    critical_decrease_pct: float = 10.0
    # translation_mismatch: editions whose figures differ by at most this percent are taken to agree
    translation_tolerance_pct: float = 0.0


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
    values = settings.model_dump()
    unknown = wanted - values.keys()
    if unknown:
        raise KeyError(f"check refers to unknown settings: {sorted(unknown)}")
    return {k: values[k] for k in wanted}


def run_checks(
    db_path: str | Path, settings: CheckSettings | None = None, flow_run_id: str | None = None
) -> CheckRun:
    """Run every check in one transaction, merge the findings, record the run; return what is new."""
    settings = settings or CheckSettings()
    run_id = uuid.uuid4().hex[:16]
    started = _now()
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        con.begin()
        try:
            con.execute(
                "create or replace temp table check_results as "
                f"select null::varchar as check_name, {', '.join(f'f.{c}' for c in FINDING_COLUMNS)}, "
                "null::varchar as identity_key from core.findings as f where false"
            )
            for name in check_files():
                sql = check_sql(name)
                con.execute(
                    f"insert into check_results by name select '{name}' as check_name, * from (\n{sql}\n)",
                    parameters_of(sql, settings),
                )
            now = _now()
            new_ids = merge_findings(con, run_id, now, flow_run_id)
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
                [run_id, started, _now(), flow_run_id, json.dumps(settings.model_dump()),
                 json.dumps(counts_by_check), json.dumps(counts_by_severity), len(new_ids), total_open],
            )
            con.execute("drop table check_results")
            con.commit()
        except BaseException:
            con.rollback()
            raise
        from warehouse.queries import rows_as_dicts

        new_findings = rows_as_dicts(
            con,
            """
            select * from findings
            where finding_id in (select unnest($1::varchar[]))
            order by case severity when 'critical' then 0 when 'warning' then 1 else 2 end,
                check_name, metric, language, new_published_on
            """,
            [new_ids],
        )
    return CheckRun(
        run_id=run_id,
        new_findings=new_findings,
        counts_by_check=counts_by_check,
        counts_by_severity=counts_by_severity,
        total_open=int(total_open),
        started_at=iso_utc(started),
        finished_at=iso_utc(_now()),
        flow_run_id=flow_run_id,
    )
