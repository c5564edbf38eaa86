"""How figures and findings are written for people: the terminal, alerts and Prefect artifacts.

Light on purpose: the fast commands (`extract`, `--help`) import this module, so rich is imported only by the
functions that draw.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from transforms.values import jsonable

if TYPE_CHECKING:
    from rich.table import Table

# qualifier -> the mark written before a figure (">1,700" is "over 1,700")
QUALIFIER_MARKS = {"exact": "", "about": "~", "over": ">", "at_least": ">=", "nearly": "<~", "under": "<", "up_to": "<="}
QUALIFIER_LEGEND = "> over  ~ about  <~ nearly  >= at least  <= up to"


def fmt_number(value: Any) -> str:
    """1700.0 -> "1,700"; None -> ""; anything else as text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, (int, float, Decimal)):
        return f"{value:,}"
    return str(value)


def qualified(value: Any, qualifier: str | None) -> str:
    """A figure with its qualifier mark: (1700, "over") -> ">1,700"."""
    return f"{QUALIFIER_MARKS.get(qualifier or 'exact', qualifier or '')}{fmt_number(value)}"


# Text from pages reaches the terminal only through `shown`: a control character (ESC starts the sequences that
# clear the screen or set the clipboard, OSC 52) is replaced by its visible picture (U+241B for ESC), C1 controls
# and bidi overrides by U+FFFD; tabs become spaces, new lines stay.
_SHOWN = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_SHOWN.update({0x09: " ", 0x7F: "\u2421"})
_SHOWN.update({c: "\ufffd" for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def visible(value: Any) -> str:
    """`value` as text with every control character made visible (nothing in it can drive the terminal)."""
    return fmt_number(value).translate(_SHOWN)


def shown(value: Any, style: str = ""):
    """A rich Text of `value` for a table cell or a line: controls made visible, and no rich markup read from it
    (a title holding "[/bold]" or "[link=...]" is printed as written)."""
    from rich.text import Text

    return Text(visible(value), style=style)


def print_json(obj: Any) -> None:
    """One JSON document on one line of stdout (dates as ISO text, whole floats as integers)."""
    sys.stdout.write(json.dumps(jsonable(obj), ensure_ascii=False) + "\n")


def write_jsonl(lines, batch: int = 256) -> None:
    """Each dict of `lines` as one JSON line on stdout: orjson, written a batch at a time (json.dumps and a write
    per line were ~40 us a line, half the cost of `extract --jsonl` on short phrases). A line orjson cannot
    write (an integer past 64 bits) goes through json."""
    import orjson

    out = sys.stdout.buffer
    sys.stdout.flush()
    chunk: list[bytes] = []
    for line in lines:
        try:
            chunk.append(orjson.dumps(line))
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            chunk.append(json.dumps(jsonable(line), ensure_ascii=False).encode())
        if len(chunk) >= batch:
            out.write(b"\n".join(chunk) + b"\n")
            chunk.clear()
    if chunk:
        out.write(b"\n".join(chunk) + b"\n")
    out.flush()


def findings_table(rows: list[dict], title: str) -> Table:
    """Findings, one line each: qualifiers as symbols (>1,700 is "over 1,700", ~ about, <~ nearly)."""
    from rich.table import Table

    table = Table(title=title, show_lines=False, caption=QUALIFIER_LEGEND)
    table.add_column("id", no_wrap=True)
    for col in ("check", "severity", "metric", "subject", "lang", "old -> new", "published"):
        table.add_column(col)
    table.add_column("status")
    colour = {"critical": "bold red", "warning": "yellow", "info": "cyan"}
    for f in rows:  # every cell through shown(): a finding's fields come from pages
        table.add_row(
            shown(str(f["finding_id"])[:8]),
            shown(f["check_name"]),
            shown(f["severity"], style=colour.get(f["severity"], "")),
            shown(f.get("metric") or ""),
            shown(f.get("subject") or ""),  # whose figure (hkstp, hkstp/science-park, cyberport, ...)
            shown(f.get("language") or ""),
            shown(f"{qualified(f.get('old_value'), f.get('old_qualifier'))} -> "
                  f"{qualified(f.get('new_value'), f.get('new_qualifier'))}"),
            shown(f"{f.get('old_published_on') or ''} -> {f.get('new_published_on') or ''}"),
            shown(f.get("status") or "open"),
        )
    return table


class LazyConsole:
    """A rich Console made on first use: `--help` and `extract --json` never pay for importing rich."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr)
        return getattr(self._console, name)


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
