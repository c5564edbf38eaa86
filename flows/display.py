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
    return (
        f"[{f.get('severity')}] {f.get('check_name')} {f.get('metric') or ''} ({f.get('language') or ''}): "
        f"{fmt_number(f.get('old_value'))} -> {fmt_number(f.get('new_value'))} "
        f"({f.get('old_published_on') or ''} -> {f.get('new_published_on') or ''}) {where}"
    ).strip()


def print_table(console, table) -> None:
    """Print a rich Table: on a terminal as wide as the terminal; elsewhere (a pipe, a log file, CI) at its natural
    width, so that each row stays on one line instead of wrapping into fragments at 80 columns."""
    if console.is_terminal:
        console.print(table)
        return
    from rich.console import Console
    from rich.measure import Measurement

    natural = Measurement.get(console, console.options.update_width(1_000_000), table).maximum
    Console(file=console.file, width=max(natural, console.width), no_color=console.no_color).print(table)
