"""`hkstp-monitor export`: the analyst views as Parquet or CSV files, one per view."""

from __future__ import annotations

from pathlib import Path

from transforms.errors import WarehouseError
from warehouse.db import read_connection

EXPORTED_VIEWS = ("releases", "claims", "metric_timeline", "findings", "problems")
_FORMATS = {"parquet": "(format parquet)", "csv": "(format csv, header true)"}


def export_views(db_path: str | Path, out_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write each analyst view to out_dir/<view>.<fmt>; returns the files written."""
    if fmt not in _FORMATS:
        raise WarehouseError(f"unknown export format {fmt!r}: use parquet or csv")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with read_connection(db_path) as con:
        for view in EXPORTED_VIEWS:
            target = (out / f"{view}.{fmt}").resolve()
            # COPY takes no bound parameters; the path is quoted as a SQL string literal
            literal = "'" + str(target).replace("'", "''") + "'"
            select = _csv_safe_select(con, view) if fmt == "csv" else f"select * from {view}"
            con.execute(f"copy ({select}) to {literal} {_FORMATS[fmt]}")
            written.append(target)
    return written


# A text cell that a spreadsheet would run as a formula (OWASP CSV injection): = + - @ first, or a tab or CR.
_FORMULA_START = r"^[=+\-@\t\r]"


def _csv_safe_select(con, view: str) -> str:
    """`select` of `view` whose text cells cannot run as spreadsheet formulas: a cell that begins like one (a page
    title "=HYPERLINK(...)", say) gets a leading apostrophe, as OWASP advises; numbers are left as they are."""
    cols = []
    for name, col_type, *_ in con.execute(f"describe {view}").fetchall():
        quoted = '"' + name.replace('"', '""') + '"'
        if col_type == "VARCHAR":
            cols.append(f"case when regexp_matches({quoted}, '{_FORMULA_START}') then chr(39) || {quoted} "
                        f"else {quoted} end as {quoted}")
        else:
            cols.append(quoted)
    return f"select {', '.join(cols)} from {view}"


# each side (old, new) of a rejected finding that has an evidence sentence, with the claim as the monitor read it
_REJECTED_SQL = """
with rejected as (
    select f.*, c.old_version_id, c.new_version_id
    from findings as f
    join core.findings as c using (finding_id)
    where f.status = 'rejected'
),

sides as (
    select finding_id, check_name, review_note, reviewed_by, reviewed_at, 'old' as side,
        old_language as language, old_version_id as version_id, metric, old_value as value,
        old_value_high as value_high, old_qualifier as qualifier, old_text as text, old_sentence as sentence,
        old_url as url
    from rejected
    union all
    select finding_id, check_name, review_note, reviewed_by, reviewed_at, 'new' as side,
        new_language, new_version_id, metric, new_value, new_value_high, new_qualifier, new_text, new_sentence,
        new_url
    from rejected
)

select s.*, c.currency, c.kind, c.unit
from sides as s
left join core.claims as c
    on c.version_id = s.version_id and c.metric is not distinct from s.metric and c.text = s.text
    and c.sentence = s.sentence
where s.sentence is not null and s.value is not null
qualify row_number() over (partition by s.finding_id, s.side order by c.ordinal) = 1
order by s.reviewed_at, s.finding_id, s.side desc
"""


def rejected_claims(db_path: str | Path) -> list[dict]:
    """The findings reviewed as `wrong`, as lines of an annotated claim set (tests/data/claims_annotated.jsonl):
    id, language, text (the evidence sentence) and claims (the figure as the monitor read it), plus the
    reviewer's note and where it came from. Correct `claims` by hand and the line is a test case."""
    from warehouse.queries import rows_as_dicts

    with read_connection(db_path) as con:
        rows = rows_as_dicts(con, _REJECTED_SQL)
    return [
        {
            "id": f"rejected-{r['finding_id']}-{r['side']}",
            "language": r["language"],
            "text": r["sentence"],
            "claims": [{"value": r["value"], "value_high": r["value_high"], "qualifier": r["qualifier"],
                        "metric": r["metric"], "currency": r["currency"], "kind": r["kind"], "unit": r["unit"],
                        "text": r["text"]}],
            "note": r["review_note"],
            "finding_id": r["finding_id"],
            "check_name": r["check_name"],
            "url": r["url"],
            "reviewed_by": r["reviewed_by"],
            "reviewed_at": r["reviewed_at"],
        }
        for r in rows
    ]
