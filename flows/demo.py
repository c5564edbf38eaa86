"""`hkstp-monitor demo`: the whole monitor, offline, on the bundled sample press room.

The sample site (samples/site) has two snapshots of one press room: A, and B a few months later with newer
releases and one release silently edited. The demo serves A on 127.0.0.1, runs the monitor, swaps in B, runs
it again, and prints what the checks found. Each demo starts from a fresh warehouse so that its output is the
same every time; it refuses to replace a warehouse that holds anything but demo data.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from flows.display import LazyConsole, findings_table, print_json, print_table, shown

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "site"
GIA_SAMPLE = SAMPLES.parent / "gia" / "site"  # the Government-style source (samples/build_gia.py)
GIA_SAMPLE_DAYS = (date(2025, 9, 1), date(2025, 10, 15))  # the days its daily indexes cover
console = LazyConsole()


def _holds_real_data(db: Path) -> bool:
    import warehouse

    try:
        return not warehouse.holds_only(db, "http://127.0.0.1:")
    except Exception:
        return True  # not a warehouse we know: leave it alone


def _fresh_warehouse(db: Path) -> None:
    if not db.exists():
        return
    if _holds_real_data(db):
        from transforms.errors import HkstpMonitorError

        raise HkstpMonitorError(
            f"{db} holds data that did not come from the demo; run the demo with --db another.duckdb"
        )
    for p in (db, db.with_name(db.name + ".wal")):
        p.unlink(missing_ok=True)


def run_demo(db: Path, as_json: bool = False, quiet: bool = False) -> int:
    # The demo prints its own story: Prefect's console handler only shows warnings, while the runs' logs still
    # reach the Prefect API at INFO (the UI shows them when PREFECT_API_URL names a server).
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    from flows import progress
    from flows.monitor import monitor
    from flows.loopback import LoopbackServer
    import warehouse

    snapshots = [SAMPLES / "A", SAMPLES / "B"]
    missing = [str(s) for s in snapshots if not s.is_dir()]
    if missing:
        console.print(f"[red]the sample site is missing: {', '.join(missing)}[/]")
        return 1
    db.parent.mkdir(parents=True, exist_ok=True)
    _fresh_warehouse(db)
    runs = []
    with LoopbackServer(root=snapshots[0]) as site:
        for label, root in zip("AB", snapshots):
            site.root = root  # same URLs, new content: snapshot B replaces A
            if not quiet and not as_json:
                console.rule(f"snapshot {label}: monitoring {site.base_url} (served from {root.relative_to(SAMPLES.parent.parent)})")
            with progress.bars(enabled=not (quiet or as_json)):
                # Snapshot B is the site weeks later: every known page is due its re-check (recheck_days 0).
                result = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0,
                                 recheck_days=0 if label == "B" else None)
            runs.append(result)
            if not quiet and not as_json:
                console.print(f"snapshot {label}: {result['summary']}")

    runs.append(_run_government_sample(db, quiet or as_json))

    findings = sorted(warehouse.list_findings(db, include_all=True),
                      key=lambda f: (f["check_name"], f["metric"] or "", f["language"] or "", f["new_published_on"] or ""))
    problems = warehouse.recorded_problems(db)
    counts = warehouse.view_counts(db)
    if as_json:
        print_json({"db": str(db), "runs": runs, "counts": counts, "findings": findings, "problems": problems})
        return 0
    print_table(console, findings_table(findings, f"{len(findings)} findings in {db}"))
    print_echoes(findings)
    if problems:
        console.print("[bold]Recorded problems[/] (the run went on without them):")
        for p in problems:
            console.print(f"  {p['stage']:6} {p['url']}  {p['reason']}", soft_wrap=True)
    exe = _command_name()
    console.print(
        f"\nLoaded {counts['releases']} release editions and {counts['claims']} claims into [bold]{db}[/].\n"
        "Next:\n"
        f"  {exe} report --db {db}       # self-contained HTML report with charts\n"
        f"  {exe} sql --db {db} \"select * from metric_timeline where metric = 'tech_companies'\"\n"
        f"  {exe} findings --db {db}     # then: ack ID / mute ID\n"
        f"  {ui_hint()}",
        soft_wrap=True,
    )


def _run_government_sample(db: Path, quiet: bool) -> dict:
    """The Government-style source (samples/gia) served beside the press room: `run --source gia` with a backfill
    of its 45 days, so the echo checks compare its quotes of HKSTP with the press room's figures."""
    from flows import progress
    from flows.loopback import LoopbackServer
    from flows.sources.gia import gia_source

    with LoopbackServer(root=GIA_SAMPLE) as gov:
        if not quiet:
            console.rule(f"Government press releases: {gov.base_url} (served from samples/gia/site)")
        with progress.bars(enabled=not quiet):
            result = gia_source(since=GIA_SAMPLE_DAYS[0], until=GIA_SAMPLE_DAYS[1], db=str(db), base_url=gov.base_url,
                                min_gap_s=0.0)
        if not quiet:
            console.print(f"government: {result['summary']} ({result['not_mentioning']} releases not about HKSTP "
                          "skipped and remembered)")
    return result


def print_echoes(findings: list[dict]) -> None:
    """Each echo finding with both sentences: what HKSTP said last, and what the other source says."""
    echoes = [f for f in findings if str(f.get("check_name", "")).startswith("echo_")]
    if not echoes:
        return
    from rich.text import Text

    console.print(f"\n[bold]Where others repeat HKSTP's figures[/] ({len(echoes)} echo findings):")
    for f in echoes:  # sentences and URLs come from pages: through shown(), never read as markup or escapes
        console.print(Text("  ") + shown(f["check_name"], style="bold") + Text(" ")
                      + shown(f"{f['severity']} {f.get('metric') or ''} ({str(f['finding_id'])[:8]})"), soft_wrap=True)
        for label, side in (("HKSTP said", "old"), ("echo says ", "new")):
            console.print(Text(f"    {label} (") + shown(f.get(f"{side}_published_on")) + Text("): ")
                          + shown(f.get(f"{side}_sentence") or f.get(f"{side}_text")) + Text("  ")
                          + shown(f.get(f"{side}_url") or ""), soft_wrap=True)


def ui_hint() -> str:
    """Where to see these runs in the Prefect UI: the server they went to, or how to start one (the port and the
    deployments read from deployments/ui.sh and deployments/prefect.yaml, not written here again)."""
    import re

    from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL

    from flows.serve import deployment_specs

    try:
        names = [d["name"] for d in deployment_specs()]
        served = f"{len(names)} deployments ({', '.join(names)})"
    except (OSError, KeyError, TypeError, ValueError):  # a hint must never fail the demo
        served = "deployments of deployments/prefect.yaml"
    if PREFECT_API_URL.value():
        return f"Prefect UI: {PREFECT_UI_URL.value() or PREFECT_API_URL.value()} (these runs and their logs are there)"
    ui_sh = Path(__file__).resolve().parent.parent / "deployments" / "ui.sh"
    port = re.search(r"--port (\d+)", ui_sh.read_text(encoding="utf-8")) if ui_sh.exists() else None
    where = f"http://127.0.0.1:{port.group(1)}" if port else "a local Prefect server"
    return f"make ui        # Prefect UI on {where} with the {served}"


def _command_name() -> str:
    """How this user can type the command: on PATH, or the path to it inside the virtualenv."""
    import shutil
    import sys

    exe = Path(sys.executable).parent / "hkstp-monitor"
    if shutil.which("hkstp-monitor") == str(exe):
        return "hkstp-monitor"
    try:
        return str(exe.relative_to(Path.cwd()))
    except ValueError:
        return str(exe)
    return 0
