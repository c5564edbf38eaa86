"""How figures and findings are written for people: the terminal, alerts and Prefect artifacts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any


def fmt_number(value: Any) -> str:
    """1700.0 -> "1,700"; None -> ""; anything else as text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, (int, float, Decimal)):
        return f"{value:,}"
    return str(value)


def finding_line(f: dict) -> str:
    """One finding on one line, for alerts and summaries."""
    where = f.get("new_url") or f.get("old_url") or ""
    if f.get("check_name") == "site_drift":  # no figures: what was seen and which profile key to update
        return f"[{f.get('severity')}] site_drift: {f.get('new_text') or ''} {where}".strip()
    return (
        f"[{f.get('severity')}] {f.get('check_name')} {f.get('metric') or ''} ({f.get('language') or ''}): "
        f"{fmt_number(f.get('old_value'))} -> {fmt_number(f.get('new_value'))} "
        f"({f.get('old_published_on') or ''} -> {f.get('new_published_on') or ''}) {where}"
    ).strip()
