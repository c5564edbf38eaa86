"""The findings lifecycle: a stable id per finding, first/last seen, and a status analysts set by hand.

finding_id = the first 16 hex digits of sha256(check_name | metric | language | identity_key), where each
check's identity_key names the old and new edition (or version) and their values. Running the checks again
updates last_seen_at and the evidence, never the status: a muted finding stays muted.
"""

from __future__ import annotations

from pathlib import Path


from transforms.errors import WarehouseError
from warehouse.db import utc_now, write_connection
from warehouse.migrations import ensure_schema

STATUSES = ("open", "acknowledged", "muted")

# the columns a check's SELECT returns (besides identity_key); any it leaves out are null
FINDING_COLUMNS = (
    "severity", "metric", "language", "old_language", "new_language", "old_release_id", "new_release_id",
    "old_version_id", "new_version_id", "old_value", "new_value", "old_value_high", "new_value_high",
    "old_qualifier", "new_qualifier", "change_pct", "old_published_on", "new_published_on", "old_url", "new_url",
    "old_text", "new_text", "old_sentence", "new_sentence",
)


def set_finding_status(db_path: str | Path, finding_id: str, status: str) -> dict:
    """Set a finding's status (open, acknowledged, muted); a unique prefix of the id is enough."""
    if status not in STATUSES:
        raise WarehouseError(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    wanted = (finding_id or "").strip().lower()
    if not wanted:
        raise WarehouseError("give the id of a finding (see `hkstp-monitor findings --all`)")
    with write_connection(db_path) as con:
        ensure_schema(con, db_path)
        ids = [r[0] for r in con.execute(
            "select finding_id from core.findings where starts_with(finding_id, $1) order by finding_id limit 5",
            [wanted],
        ).fetchall()]
        if not ids:
            raise WarehouseError(f"no finding with id {finding_id!r}; list them with `hkstp-monitor findings --all`")
        if len(ids) > 1 and wanted not in ids:
            raise WarehouseError(f"{finding_id!r} matches several findings ({', '.join(ids)}...); give more of the id")
        target = wanted if wanted in ids else ids[0]
        con.execute(
            "update core.findings set status = $1, status_changed_at = $2 where finding_id = $3",
            [status, utc_now(), target],
        )
        from warehouse.queries import rows_as_dicts

        return rows_as_dicts(con, "select * from findings where finding_id = $1", [target])[0]
