"""The findings lifecycle: a stable id per finding, first/last seen, and a status people set by hand.

finding_id = the first 16 hex digits of sha256(check_name | metric | language | identity_key), where each
check's identity_key names the old and new edition (or version) and their values. Running the checks again
updates last_seen_at and the evidence, never the status: a muted finding stays muted.

People set the status with `hkstp-monitor ack` / `mute` / `reopen`, or with the decisions of a review
(`review-findings` flow): confirm -> acknowledged, mute -> muted, wrong -> rejected (the monitor misread the
release; rejected findings stay out of alerts and reports). A review is applied whole or not at all.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from transforms.errors import ReviewRejected, WarehouseError
from warehouse.db import read_connection, utc_now, write_connection
from warehouse.migrations import ensure_schema

STATUSES = ("open", "acknowledged", "muted", "rejected")
# a reviewer's decision -> the status it sets
DECISIONS = {"confirm": "acknowledged", "mute": "muted", "wrong": "rejected"}
# statuses that never reach an alert or a report
HIDDEN_STATUSES = ("muted", "rejected")
SEVERITY_RANK_SQL = "case severity when 'critical' then 0 when 'warning' then 1 else 2 end"

# the columns a check's SELECT returns (besides identity_key); any it leaves out are null
FINDING_COLUMNS = (
    "severity", "metric", "language", "old_language", "new_language", "old_release_id", "new_release_id",
    "old_version_id", "new_version_id", "old_value", "new_value", "old_value_high", "new_value_high",
    "old_qualifier", "new_qualifier", "change_pct", "old_published_on", "new_published_on", "old_url", "new_url",
    "old_text", "new_text", "old_sentence", "new_sentence", "subject", "old_as_of", "new_as_of",
)


def _match_id(con: duckdb.DuckDBPyConnection, given: str | None) -> tuple[str | None, str | None]:
    """(finding_id, None) for an id or a unique prefix of one, else (None, what is wrong with it)."""
    wanted = (given or "").strip().lower()
    if not wanted:
        return None, "a finding id is missing"
    ids = [r[0] for r in con.execute(
        "select finding_id from core.findings where starts_with(finding_id, $1) order by finding_id limit 5",
        [wanted],
    ).fetchall()]
    if not ids:
        return None, f"no finding with id {given!r}"
    if len(ids) > 1 and wanted not in ids:
        return None, f"{given!r} matches several findings ({', '.join(ids)}...); give more of the id"
    return (wanted if wanted in ids else ids[0]), None


def set_finding_status(db_path: str | Path, finding_id: str, status: str, reviewer: str = "cli") -> dict:
    """Set a finding's status (open, acknowledged, muted, rejected); a unique prefix of the id is enough."""
    if status not in STATUSES:
        raise WarehouseError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    if not (finding_id or "").strip():
        raise WarehouseError("give the id of a finding (see `hkstp-monitor findings --all`)")
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        target, problem = _match_id(con, finding_id)
        if problem:
            raise WarehouseError(f"{problem}; list them with `hkstp-monitor findings --all`")
        now = utc_now()
        con.execute(
            "update core.findings set status = $1, status_changed_at = $2, reviewed_at = $2, reviewed_by = $3 "
            "where finding_id = $4",
            [status, now, reviewer, target],
        )
        from warehouse.queries import rows_as_dicts

        return rows_as_dicts(con, "select * from findings where finding_id = $1", [target])[0]


def apply_review(
    db_path: str | Path, decisions: list[dict], reviewer: str | None = None, flow_run_id: str | None = None
) -> list[dict]:
    """Apply a review's decisions ({finding_id, decision, note}) in one transaction; returns the rows changed.

    Every decision is checked first (a known id or unique prefix, a known decision, one decision per finding);
    if any is wrong, ReviewRejected lists them all and nothing is applied.
    """
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        problems, updates, seen = [], [], {}
        for n, d in enumerate(decisions, start=1):
            target, problem = _match_id(con, d.get("finding_id"))
            decision = (d.get("decision") or "").strip().lower()
            if problem:
                problems.append(f"decision {n}: {problem}")
            if decision not in DECISIONS:
                problems.append(f"decision {n}: unknown decision {d.get('decision')!r} "
                                f"(use {', '.join(DECISIONS)})")
            if target and target in seen:
                problems.append(f"decision {n}: finding {target} was already decided in decision {seen[target]}")
            if target:
                seen.setdefault(target, n)
            updates.append((target, DECISIONS.get(decision), (d.get("note") or "").strip() or None))
        if problems:
            raise ReviewRejected(problems)
        now = utc_now()
        con.begin()
        try:
            for target, status, note in updates:
                con.execute(
                    """
                    update core.findings set status = $status, status_changed_at = $now, reviewed_at = $now,
                        reviewed_by = $who, review_note = $note, review_flow_run_id = $run
                    where finding_id = $id
                    """,
                    {"status": status, "now": now, "who": reviewer or "prefect-ui", "note": note,
                     "run": flow_run_id, "id": target},
                )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        from warehouse.queries import rows_as_dicts

        return rows_as_dicts(
            con, "select * from findings where finding_id in (select unnest($1::varchar[])) order by finding_id",
            [[t for t, _, _ in updates]],
        )


def findings_to_review(db_path: str | Path, severity: str | None = None, limit: int = 10) -> tuple[list[dict], int]:
    """A page of open findings the latest check run still sees, most severe first, with the metric's English
    and Chinese names; and how many open findings there are in all (at or above `severity`)."""
    from warehouse.queries import rows_as_dicts

    where = "f.status = 'open' and f.is_current"
    params: dict = {"limit": int(limit)}
    if severity:
        where += f" and {SEVERITY_RANK_SQL.replace('severity', 'f.severity')} <= " \
                 f"{SEVERITY_RANK_SQL.replace('severity', '$severity')}"
        params["severity"] = severity
    with read_connection(db_path) as con:
        page = rows_as_dicts(
            con,
            f"""
            select f.*, m.label_en as metric_en, m.label_zh as metric_zh
            from findings as f
            left join metrics as m on m.key = f.metric
            where {where}
            order by {SEVERITY_RANK_SQL.replace('severity', 'f.severity')}, f.new_published_on desc nulls last,
                f.check_name, f.metric, f.language, f.finding_id
            limit $limit
            """,
            params,
        )
        params.pop("limit")
        total = con.execute(f"select count(*) from findings as f where {where}", params or None).fetchone()[0]
    return page, int(total)
