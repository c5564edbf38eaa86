"""The `hkstp-monitor` command line. Every command takes --db PATH and --json."""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from datetime import date
from pathlib import Path

# Only what every command needs is imported here: `--help` and `extract` must answer at once, so rich, the
# settings, the warehouse (DuckDB) and Prefect are imported by the commands that use them.
from flows.display import LazyConsole, findings_table, fmt_number, print_json, print_table, shown, write_jsonl
from transforms.errors import HkstpMonitorError

console = LazyConsole()
err_console = LazyConsole(stderr=True)


def _settings_for_warehouse(db: str | None) -> str:
    """The warehouse file (--db, else $HKSTP_DB); hands the warehouse its settings on the way."""
    from flows.settings import get_settings

    settings = get_settings(db=db)
    settings.configure_warehouse()
    return str(settings.db)


# --- commands -------------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    import warehouse
    from flows import progress
    from flows.monitor import monitor

    warehouse.ensure_usable(Path(args.db))  # a damaged file is named now, not half-way through the run
    from flows.settings import get_settings  # the run's own values checked too, before Prefect starts

    get_settings(db=args.db, min_gap_s=args.min_gap, base_url=args.base_url, languages=args.lang,
                 notify_url=args.notify, profile=args.profile)
    if not args.debug:
        _no_tracebacks_on_the_console()
    source = getattr(args, "source", None) or "hkstp"
    if source != "hkstp":
        return _run_sources(args, source)
    with progress.bars(enabled=not (args.quiet or args.json)):
        result = monitor(
            base_url=args.base_url,
            languages=args.lang,
            since=args.since,
            limit=args.limit,
            refetch=args.refetch,
            db=args.db,
            profile=args.profile,
            min_gap_s=args.min_gap,
            notify_url=args.notify,
            max_listing_pages=args.listing_pages,
            use_sitemap=not args.no_sitemap,
        )
    if args.json:
        print_json(result)
    else:
        console.print(f"[bold]{result['summary']}[/]  (warehouse: {args.db})")
        console.print("Next: [bold]hkstp-monitor findings[/], [bold]hkstp-monitor report[/]")
    return 0


def _run_sources(args: argparse.Namespace, source: str) -> int:
    """`run --source NAME` (another source) or `--source all` (the press room, then every other source)."""
    from flows.sources import PRESS_ROOM, source_flow, source_names

    names = source_names() if source == "all" else [source]
    results = []
    for name in names:
        if name == PRESS_ROOM:
            args.source = PRESS_ROOM
            code = cmd_run(args)
            if code:
                return code
            continue
        flow_fn = source_flow(name)
        result = flow_fn(since=args.since, until=args.until,
                         db=args.db, base_url=args.base_url if source != "all" else None, languages=args.lang,
                         limit=args.limit, refetch=args.refetch, min_gap_s=args.min_gap, notify_url=args.notify)
        results.append(result)
        if not args.json:
            console.print(f"[bold]{name}: {result['summary']}[/]  (warehouse: {args.db})")
    if args.json:
        print_json(results[0] if len(results) == 1 else results)
    return 0


def _no_tracebacks_on_the_console() -> None:
    """Prefect logs a failed flow or task run with its traceback; on the terminal that buried `run`'s one-line
    error under screens of frames. The console handlers now print the log line without the traceback (the
    Prefect UI still gets it; --debug prints it here too)."""
    import logging

    for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs"):  # Prefect's console handler is the root's
        for handler in logging.getLogger(name).handlers:
            formatter = handler.formatter
            if not isinstance(handler, logging.StreamHandler) or formatter is None or getattr(formatter, "_quiet", 0):
                continue

            def without_traceback(record: logging.LogRecord, _format=formatter.format) -> str:
                saved = record.exc_info, record.exc_text, record.stack_info
                record.exc_info = record.exc_text = record.stack_info = None
                try:
                    return _format(record)
                finally:
                    record.exc_info, record.exc_text, record.stack_info = saved

            formatter.format = without_traceback
            formatter._quiet = 1


def _day(text: str) -> date:
    """A command line's day (YYYY-MM-DD), or argparse's usage error saying what is wrong with it."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a day: {text!r} ({exc}); write it as YYYY-MM-DD") from None


def cmd_rebuild(args: argparse.Namespace) -> int:
    import warehouse
    from flows.parallel import dask_runner
    from flows.rebuild import rebuild

    if not Path(args.db).exists():  # said here, before a flow run fails on it with Prefect's traceback
        raise HkstpMonitorError(f"no warehouse at {args.db}: nothing to rebuild (run `hkstp-monitor run` first)")
    warehouse.ensure_usable(Path(args.db))
    if not args.debug:
        _no_tracebacks_on_the_console()
    flow = rebuild
    if args.workers or args.dask_address:  # Prefect's way to override the decorator's task runner
        flow = rebuild.with_options(task_runner=dask_runner(workers=args.workers, address=args.dask_address))
    result = flow(db=args.db, since=args.since, profile=args.profile)
    if args.json:
        print_json(result)
    else:
        for problem in result["problems"]:
            err_console.print(f"[yellow]missing from the raw store[/] {problem['url']}")
        console.print(f"[bold]{result['summary']}[/]  (warehouse: {args.db})")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.demo import run_demo

    return run_demo(Path(args.db), as_json=args.json, quiet=args.quiet)


def cmd_ingest(args: argparse.Namespace) -> int:
    from flows.ingest import ingest_paths

    result = ingest_paths([Path(p) for p in args.paths], Path(args.db), profile=args.profile)
    if args.json:
        print_json(result)
        return 0
    for problem in result["problems"]:
        err_console.print(f"[yellow]skipped[/] {problem['path']}: {problem['reason']}")
    console.print(
        f"loaded {result['documents']} document(s), {result['claims']} claims; "
        f"{len(result['new_findings'])} new finding(s)"
    )
    if result["new_findings"]:
        print_table(console, findings_table(result["new_findings"], "New findings"))
    return 0 if result["documents"] or not result["problems"] else 1


def cmd_extract(args: argparse.Namespace) -> int:
    from flows.ingest import extract_file, extract_jsonl, extract_text

    if args.jsonl:
        write_jsonl(extract_jsonl(Path(args.jsonl)))
        return 0
    if args.text is not None:
        out = extract_text(args.text, language=args.language)
    elif args.path:
        out = extract_file(Path(args.path), profile=args.profile)
    else:
        err_console.print("extract needs PATH, --text STR or --jsonl FILE")
        return 2
    if args.json:
        print_json(out)
        return 0
    from rich.table import Table

    rel = out["release"]
    if rel:  # the page's own text: shown(), never read as markup or terminal codes
        console.print(shown(f"{rel['title']}  {rel['published_on'] or '(no date)'}  {rel['language']}", style="bold"))
    table = Table(title=f"{len(out['claims'])} claims")
    for col in ("section", "metric", "value", "qualifier", "kind", "unit", "text"):
        table.add_column(col, overflow="fold")
    for c in out["claims"]:
        value = fmt_number(c["value"]) + (f"-{fmt_number(c['value_high'])}" if c.get("value_high") is not None else "")
        if c.get("currency"):
            value = f"{c['currency']} {value}"
        table.add_row(*(shown(v) for v in (c["section"], c["metric"] or "", value, c["qualifier"], c["kind"],
                                           c["unit"] or "", c["text"])))
    print_table(console, table)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    import warehouse
    from flows.settings import get_settings

    warehouse.migrate(Path(args.db))
    run = warehouse.run_checks(Path(args.db), get_settings().check_settings())
    if args.json:
        print_json({"new_findings": run.new_findings, "counts_by_severity": run.counts_by_severity,
                    "total_open": run.total_open})
        return 0
    if run.new_findings:
        print_table(console, findings_table(run.new_findings, f"{len(run.new_findings)} new findings"))
    else:
        console.print(f"No new findings ({run.total_open} open).")
    return 0


def cmd_findings(args: argparse.Namespace) -> int:
    import warehouse

    found = warehouse.list_findings(Path(args.db), include_all=args.all, severity=args.severity)
    if args.json:
        print_json(found)
    elif found:
        print_table(console, findings_table(found, f"{len(found)} findings"))
    else:
        console.print("No findings." + ("" if args.all else " (--all shows acknowledged and muted ones too)"))
    return 0


def _set_status(args: argparse.Namespace, status: str) -> int:
    import warehouse

    row = warehouse.set_finding_status(Path(args.db), args.id, status)
    if args.json:
        print_json(row)
    else:
        console.print(f"finding {row['finding_id']} is now {row['status']}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from flows.report import write_report

    out = Path(args.out) if args.out else Path(args.db).parent / "report.html"
    if out.is_dir():  # --out a folder: the report goes inside it
        out = out / "report.html"
    out = write_report(Path(args.db), out)
    if args.json:
        print_json({"report": str(out)})
    else:
        console.print(f"report written to {out}")
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import warehouse

    from flows.settings import get_settings

    cols, rows = warehouse.query(Path(args.db), args.query, max_seconds=get_settings().sql_timeout_s)
    if args.json:
        print_json([dict(zip(cols, r)) for r in rows])
        return 0
    from rich.table import Table

    table = Table(show_lines=False)
    for c in cols:
        table.add_column(shown(c), overflow="fold")
    for r in rows:
        table.add_row(*[shown(v) for v in r])
    print_table(console, table)
    console.print(f"{len(rows)} row(s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import warehouse

    if args.rejected:
        import json

        from transforms.values import jsonable

        lines = [json.dumps(jsonable(r), ensure_ascii=False) for r in warehouse.rejected_claims(Path(args.db))]
        text = "".join(line + "\n" for line in lines)
        if args.dir in (None, "-"):
            sys.stdout.write(text)
        else:
            Path(args.dir).write_text(text, encoding="utf-8")
            err_console.print(f"wrote {len(lines)} line(s) of rejected findings to {args.dir}")
        return 0
    if args.dir is None:
        err_console.print("export needs DIR (or --rejected [FILE])")
        return 2
    paths = warehouse.export_views(Path(args.db), Path(args.dir), args.format)
    if args.json:
        print_json([str(p) for p in paths])
    else:
        for p in paths:
            console.print(f"wrote {p}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        err_console.print("review pauses for decisions in the Prefect UI, so it needs a Prefect server: start one "
                          "(`make ui`) and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)")
        return 1
    from prefect.exceptions import FlowPauseTimeout

    from flows.review import review_findings

    try:
        result = review_findings(db=args.db, severity=args.severity, limit=args.limit)
    except FlowPauseTimeout as exc:
        err_console.print(f"[yellow]review not answered:[/] {exc}")
        return 1
    if args.json:
        print_json(result)
    elif result.get("waiting"):
        console.print(f"a review is already waiting: {result['waiting']}", soft_wrap=True)
    elif result["applied"]:  # at full width in a file or pipe, not squashed to 80 columns
        n = len(result["applied"])
        print_table(console, findings_table(result["applied"], f"{n} finding{'' if n == 1 else 's'} reviewed"))
    else:
        console.print("Nothing to review." if not result["reviewed"] else "No decisions were given.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve_all

    serve_all(base_url=args.base_url, db=args.db)
    return 0


# --- parser ---------------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help="DuckDB file (default $HKSTP_DB or data/hkstp.duckdb)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress output")
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an error")

    parser = argparse.ArgumentParser(
        prog="hkstp-monitor", description="Watch the figures HKSTP states in its press releases."
    )
    parser.add_argument("--db", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", default=False, help=argparse.SUPPRESS)
    parser.add_argument("--quiet", action="store_true", default=False, help=argparse.SUPPRESS)
    parser.add_argument("--debug", action="store_true", default=False, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", parents=[common], help="one monitor run against the site")
    p.add_argument("--base-url", help="the press room (default $HKSTP_BASE_URL, else https://www.hkstp.org)")
    p.add_argument("--lang", help="language editions to follow (default en,zh-hk,zh-cn)")
    p.add_argument("--since", type=_day, help="only releases modified on or after DATE (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, help="fetch at most N release pages")
    p.add_argument("--refetch", action="store_true", help="re-fetch every known release to catch silent edits")
    p.add_argument("--profile", help="site profile name or YAML file")
    p.add_argument("--min-gap", type=float, help="seconds between two requests to the site (default 1)")
    p.add_argument("--notify", help="Apprise URL for alerts on new findings")
    p.add_argument("--listing-pages", type=int, metavar="N",
                   help="read at most N pages of each listing (the hourly deployment reads 1)")
    p.add_argument("--no-sitemap", action="store_true",
                   help="read only the listing pages, not the sitemaps (a quick look for new releases)")
    p.add_argument("--source", default="hkstp",
                   help="which source: hkstp (the press room, default), gia (the Government's press releases), all")
    p.add_argument("--until", type=_day, help="with --source gia --since: the last day of the backfill (default today)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("rebuild", parents=[common],
                       help="derive releases, claims and findings again from the stored pages (asks no site)")
    p.add_argument("--since", type=_day,
                   help="only releases published on or after DATE (YYYY-MM-DD); the rest stay as loaded")
    p.add_argument("--workers", type=int, metavar="N",
                   help="worker processes of the local Dask cluster (default $HKSTP_DASK_WORKERS, else the cores)")
    p.add_argument("--dask-address", metavar="ADDR",
                   help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 (default $HKSTP_DASK_ADDRESS)")
    p.add_argument("--profile", help="site profile name or YAML file")
    p.set_defaults(func=cmd_rebuild)

    p = sub.add_parser("demo", parents=[common], help="the whole monitor, offline, on the bundled sample site")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("ingest", parents=[common], help="load local files (HTML, PDF, TXT, MD)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--profile", help="site profile name or YAML file")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("extract", parents=[common], help="print a document's release fields and claims")
    p.add_argument("path", nargs="?", metavar="PATH")
    p.add_argument("--text", help="extract from this text instead of a file")
    p.add_argument("--jsonl", help='file of {"id", "text", "language"?} lines')
    p.add_argument("--language", help="en, zh-hant or zh-hans (default: from the text)")
    p.add_argument("--profile", help="site profile name or YAML file")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("check", parents=[common], help="run the checks on what is loaded")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("findings", parents=[common], help="list findings")
    p.add_argument("--all", action="store_true",
                   help="include acknowledged, muted, rejected and superseded findings (no longer seen by the checks)")
    p.add_argument("--severity", choices=["info", "warning", "critical"])
    p.set_defaults(func=cmd_findings)

    for name, status, text in (("ack", "acknowledged", "acknowledge a finding"), ("mute", "muted", "mute a finding"),
                               ("reopen", "open", "open a finding again")):
        p = sub.add_parser(name, parents=[common], help=text)
        p.add_argument("id", help="finding id (or a unique prefix of it)")
        p.set_defaults(func=lambda a, s=status: _set_status(a, s))

    p = sub.add_parser("report", parents=[common], help="write the self-contained HTML report")
    p.add_argument("--out", help="output file (default: report.html beside the DuckDB file)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("sql", parents=[common], help="read-only SQL against the warehouse")
    p.add_argument("query")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("export", parents=[common], help="write the analyst views as Parquet or CSV")
    p.add_argument("dir", nargs="?", help="output folder (with --rejected: output file, default stdout)")
    p.add_argument("--rejected", action="store_true",
                   help="write the findings reviewed as wrong as annotated-claim JSONL (sentence, claim, note)")
    p.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("review", parents=[common], help="review open findings in the Prefect UI (pauses for input)")
    p.add_argument("--severity", choices=["info", "warning", "critical"], help="only findings at or above this")
    p.add_argument("--limit", type=int, default=10, help="findings on the page (default 10)")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("serve", parents=[common], help="serve the Prefect deployments (schedules)")
    p.add_argument("--base-url", help="the press room (default $HKSTP_BASE_URL, else https://www.hkstp.org)")
    p.set_defaults(func=cmd_serve)
    return parser


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _user_error(exc: BaseException, db: str) -> str | None:
    """The one line to show for an error the user can cause (bad file, bad path, damaged warehouse), else None."""
    if isinstance(exc, HkstpMonitorError):
        return _one_line(exc)
    if (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or "No space left on device" in str(exc):
        # a load is one transaction and the raw store writes whole files, so what was loaded before stays
        where = getattr(exc, "filename", None) or f"the warehouse {db} or the file being written"
        return f"no space left on device at {where}; nothing loaded was lost: free some space and run again"
    if type(exc).__name__ == "ValidationError" and "pydantic" in type(exc).__module__:
        from flows.settings import settings_error_lines

        return "\nerror: ".join(settings_error_lines(exc))
    if isinstance(exc, OSError) and exc.filename is not None:
        what = {IsADirectoryError: "is a directory", NotADirectoryError: "is under something that is not a folder",
                FileNotFoundError: "does not exist", PermissionError: "is not allowed",
                FileExistsError: "is in the way (a file where a folder should be)"}.get(type(exc), exc.strerror)
        return f"{exc.filename}: {what or exc}; check the path you gave"
    if isinstance(exc, RuntimeError) and "ephemeral Prefect API server" in str(exc):
        return ("the temporary Prefect server did not start in time (a busy machine?); set "
                "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS=300, or PREFECT_API_URL to a running "
                "`prefect server start`")
    read_only = r"Permission denied|Operation not permitted|Read-only file system"
    if "duckdb" in type(exc).__module__ and re.search(read_only, str(exc), re.IGNORECASE):
        return (f"the warehouse {db} is read-only here ({_one_line(exc)[:160]}); make the file and its folder "
                "writable for this user, or give --db a file you can write")
    if "duckdb" in type(exc).__module__:
        return (f"the warehouse {db} could not be read ({_one_line(exc)[:200]}); if the file is damaged, move it "
                "aside and run again, or use --db another file")
    return None


def main(argv: list[str] | None = None) -> int:
    """Exit codes: 0 done, 1 done with problems (e.g. nothing loaded), 2 an error the user can fix (one line
    on stderr saying what is wrong and what to do; --debug adds the traceback), 130 interrupted."""
    # Prefect's temporary server would try to send usage telemetry; a monitor should not phone home.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # Prefect waits 20 s for its temporary server; on a busy host that start takes longer and the run failed.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    args = build_parser().parse_args(argv)
    if args.command != "extract":  # extract reads no warehouse: it skips the settings and DuckDB
        try:  # every setting is checked now, one line each, before any work
            args.db = _settings_for_warehouse(args.db)
        except ValueError as exc:  # pydantic's ValidationError
            message = _user_error(exc, args.db or "")
            if message is None:
                raise
            sys.stderr.write(f"error: {message}\n")
            return 2
    from flows import supervise

    if argv is None and supervise.needs_supervisor(args.command):
        return supervise.run_supervised(sys.argv[1:])
    supervise.watch_supervisor()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except Exception as exc:
        message = _user_error(exc, args.db)
        if args.debug:
            import traceback

            traceback.print_exc()
        else:  # the error line stays the last one: no "Stopping temporary server" after it
            import logging

            logging.getLogger("prefect").setLevel(logging.WARNING)
        if message is None:
            sys.stderr.write(f"error: unexpected {type(exc).__name__}: {_one_line(exc)[:300]}; "
                             "run again with --debug for the traceback and report it\n")
            return 1
        sys.stderr.write(f"error: {message}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
