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
            con.execute(f"copy (select * from {view}) to {literal} {_FORMATS[fmt]}")
            written.append(target)
    return written
