"""Progress of a monitor run, per stage, for the person at the terminal.

The flow reports stages and counts here; the CLI decides whether anyone is watching (a rich progress bar)
or not (`--quiet`, `--json`, a scheduled run: nothing is shown). Prefect's own logs are unaffected.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

_progress = None  # a rich.progress.Progress while the CLI shows bars, else None
_tasks: dict[str, int] = {}


def start(stage: str, total: int | None) -> None:
    if _progress is not None:
        _tasks[stage] = _progress.add_task(stage, total=total)


def advance(stage: str, n: int = 1) -> None:
    if _progress is not None and stage in _tasks:
        _progress.advance(_tasks[stage], n)


@contextmanager
def bars(enabled: bool = True) -> Iterator[None]:
    """Show a bar per stage while the block runs (no-op when disabled)."""
    global _progress
    if not enabled:
        yield
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    _progress = Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                         transient=False)
    try:
        with _progress:
            yield
    finally:
        _progress = None
        _tasks.clear()
