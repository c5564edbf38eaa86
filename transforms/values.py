"""Values as they leave the program in JSON: dates as ISO text, timestamps as UTC, decimals as numbers.

One rule for the command line's `--json`, the warehouse's rows and the Prefect artifacts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any


def iso_utc(dt: datetime | None) -> str | None:
    """A timestamp as ISO text in UTC; a naive timestamp is taken to be UTC already (the warehouse's own)."""
    if dt is None:
        return None
    return (dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)).isoformat()


_AS_IS = (str, int, bool)


def jsonable(value: Any) -> Any:
    """`value` with dates, timestamps and decimals made JSON-ready; whole floats become ints; recursive."""
    if value is None or type(value) in _AS_IS:  # most values: answered before the isinstance chain
        return value
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value
