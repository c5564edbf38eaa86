"""The `rebuild` flow: derive releases, claims and findings again from the pages already stored, asking no site.

After an upgrade of the parser, the extractor or the vocabulary, `hkstp-monitor rebuild` reads every page the
warehouse holds a document of from the raw store, parses and extracts it again (batches on the flow's Dask
task runner, flows/parallel.py), loads the results into a warehouse of their own beside the live one, and
swaps them in with one transaction (warehouse/rebuild.py), then runs the checks:

- readers see the warehouse before or after the rebuild, never half of it;
- the fetch history, the findings and their review status stay: findings keep their stable ids, and one that
  no longer arises is no longer current (closed), not deleted;
- a rebuild killed half-way (even `kill -9`) is taken up by the next one where it stopped;
- a page whose body the raw store no longer holds keeps what it was loaded as (its whole release does) and is
  a recorded problem (the `problems` view, stage `rebuild`); `run --refetch` fetches it again.

Each page is read again as the flow that fetched it read it (`source_reading`): the press room's with its
profile, the Government's with its parser and release keys, a newswire page parsed without a profile and then
named, repaired and linked to its original by `adopt_copies` in the writer (which alone reads the warehouse).

`since`: only releases published on or after that day are derived again (and pages that were parse problems);
the others keep their rows.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

import warehouse
from flows.discover import DiscoveredPage
from flows.editions import english_from_earlier_runs
from flows.monitor import document_result, parse_bodies, torn_shas
from flows.parallel import dask_runner, release_workers, share_prefect_api, start_cluster, worker_count
from flows.profile import load_profile, release_match
from flows.publish import send_signals
from flows.rawstore import RawStore
from flows.settings import MonitorSettings
from flows.sources.copies import WIRE_MARK_BYTES, adopt_copies
from flows.sources.gia import SOURCE as GIA_SOURCE
from flows.sources.gia import read_page as read_gia_page
from flows.sources.newswire import read_page as read_feed_page
from flows.writer import warehouse_writer
from transforms.errors import HkstpMonitorError
from transforms.identity import english_entries, may_pair, pair_editions
from transforms.model import DocumentResult
from warehouse.load import StagedColumns, document_columns, join_columns
from warehouse.rebuild import (
    StoredPage,
    discard_side,
    load_into_side,
    open_side,
    rebuild_plan,
    record_rebuild_problems,
    side_writer,
    swap_in,
)
from warehouse.sources import link_copies

NEWSWIRE_PROFILE = "newswires"  # the profile whose mention rules a newswire page is read again with

# pages per Dask task and per load into the side warehouse (at most: a rebuild makes at least two batches per
# worker): each task costs a worker ~0.1 s beside the parse (Prefect's task engine, the transfer) and each load the
# writer ~0.05 s; on 10,000 pages 10 batches gave 1.29x from 1 to 2 workers where 20 of 500 gave 1.17x (one run
# each, benchmarks/README.md, issue 22)
REBUILD_BATCH = 1000


@dataclass(slots=True)
class RebuildScope:
    """Which pages are derived again, which releases they replace, and the pages that cannot be read."""

    pages: list[StoredPage] = field(default_factory=list)
    release_ids: list[str] = field(default_factory=list)
    kept_releases: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # url, sha256, reason


def rebuild_scope(stored: list[StoredPage], has_body, since: date | None, raw_dir: Path) -> RebuildScope:
    """A release is derived again only whole: when one of its pages cannot be read (or it is older than
    `since`), every page of it keeps what it was loaded as."""
    kept: set[str] = set()
    problems = []
    readable = [has_body(p.sha256) for p in stored]  # a list, not a dict keyed by the (hashed) pages
    for p, is_readable in zip(stored, readable):
        if not is_readable and not p.url.startswith("file:"):  # an ingested file was never in the raw store
            problems.append((p.url, p.sha256, f"its body {p.sha256[:12]}... is not in the raw store at {raw_dir}; "
                             f"it keeps what it was loaded as (`{_refetch_command(p.source)}` fetches it again)"))
        too_old = since is not None and p.published_on is not None and p.published_on < since
        if p.release_id and (too_old or not is_readable):
            kept.add(p.release_id)
    pages = [p for p, is_readable in zip(stored, readable)
             if is_readable and (p.release_id is None or p.release_id not in kept)]
    return RebuildScope(pages=pages, release_ids=sorted({p.release_id for p in pages if p.release_id}),
                        kept_releases=len(kept), problems=problems)


def _refetch_command(source: str) -> str:
    reading = source_reading(source)
    name = {"web": None, GIA_SOURCE: GIA_SOURCE, "newswire": NEWSWIRE_PROFILE}.get(reading)
    return "hkstp-monitor run --refetch" if name is None else f"hkstp-monitor run --source {name} --refetch"


def _as_discovered(url: str, source: str, site: dict) -> DiscoveredPage:
    match = release_match(site, url)
    return DiscoveredPage(
        url=url, layout=match.layout if match else "unknown", language=match.language if match else "en",
        slug=match.slug if match else "", lastmod=None, found_in="rebuild",
        # loaded before, so it was a release (or a parse problem) then: recognised as one from a listing would be
        by_content=match is None and source == "web", in_listing=True,
    )


class PageBatch:
    """Stored pages on their way to a worker, with the site profile that reads them: (url, sha256, fetched_at,
    first_fetched_at, content_type, source, packed body) each. One opaque object, not lists and dicts: Prefect
    looks inside a task's arguments for futures and Dask hashes them to name the task, which cost the writer
    0.8 s per batch of 500 pages; the batch is named by the sha256 of its bodies instead.
    `sources`: the profiles of the other sources the batch holds pages of (`source_reading`)."""

    __slots__ = ("items", "site", "sources")

    def __init__(self, items: list[tuple], site: dict, sources: dict[str, dict] | None = None) -> None:
        self.items, self.site, self.sources = items, site, sources or {}

    def __len__(self) -> int:
        return len(self.items)

    def __dask_tokenize__(self) -> tuple:
        return tuple(item[1] for item in self.items)


def source_profiles(sources: set[str]) -> dict[str, dict]:
    """The profiles that read the stored pages of `sources` again, by their `source_reading`."""
    readings = {source_reading(s) for s in sources}
    out = {}
    if GIA_SOURCE in readings:
        out[GIA_SOURCE] = load_profile(GIA_SOURCE)
    if "newswire" in readings:
        out["newswire"] = load_profile(NEWSWIRE_PROFILE)
    return out


def source_reading(source: str) -> str:
    """How a stored page of `source` (core.documents.source) is read again, as the flow that fetched it read it:
    "web" (the press room, its profile), "gia" (the Government's parser and release keys, flows/sources/gia.py),
    "file" (an ingested file) or "newswire" (a newswire feed's page, or a copy already named by its wire: parsed
    without a profile, then named, repaired and linked by `adopt_copies`, flows/sources/copies.py)."""
    if source in ("web", "file", GIA_SOURCE):
        return source
    return "newswire"


def _read_batch(store: RawStore, pages: list[StoredPage], site: dict,
                sources: dict[str, dict] | None = None) -> tuple[PageBatch, list[DocumentResult]]:
    """(the batch for parse_to_columns, documents for bodies that could not be read: recorded as parse problems)."""
    items, failed = [], []
    for p in pages:
        try:
            body = store.get_packed(p.sha256)  # unpacked and checked by the worker
        except (KeyError, ValueError) as exc:  # gone since the plan was made
            failed.append(DocumentResult(url=p.url, sha256=p.sha256, fetched_at=p.fetched_at,
                                         error=f"raw store: {exc}", source=p.source))
            continue
        items.append((p.url, p.sha256, p.fetched_at, p.first_fetched_at, p.content_type, p.source, body))
    return PageBatch(items, site, sources), failed


def _with_first_seen(docs: list[DocumentResult], first_fetched: dict[tuple[str, str], str]) -> list[DocumentResult]:
    """Each document also as first fetched, so a version's first and last seen span every fetch of its bytes."""
    out = list(docs)
    for d in docs:
        first = first_fetched.get((d.url, d.sha256))
        if first is not None and first != d.fetched_at and d.release is not None:
            out.append(dataclasses.replace(d, fetched_at=first))
    return out


@dataclass(slots=True)
class ParsedBatch:
    """What a worker sends back to the one writer: the loader's columns (lists of plain values, fast to unpickle),
    the stored objects found damaged, the batch's English editions as pair_editions records them, and the few
    editions that may pair with an English page of another slug (documents: the writer pairs and stages them)."""

    staged: StagedColumns
    torn: list[str]
    english: dict[str, tuple[str, set[str]]]
    to_pair: list[DocumentResult]
    # pages of newswire feeds and ingested files, for `adopt_copies` (it matches them with the warehouse's press
    # room, which only the writer reads): their documents, the head of each as stored (url -> bytes, where the
    # wire's mark is) and when each was first fetched
    copies: list[DocumentResult] = field(default_factory=list)
    copy_heads: dict[str, bytes] = field(default_factory=dict)
    first_fetched: dict[tuple[str, str], str] = field(default_factory=dict)


@task(cache_policy=NO_CACHE, task_run_name="parse-to-columns-{batch_no}")
def parse_to_columns(batch: PageBatch, batch_no: int) -> ParsedBatch:
    """Parse and extract a batch of stored pages and turn the documents into the loader's columns: what a Dask
    worker runs. The writer then only pairs the rare editions of another slug and loads."""
    items, site = batch.items, batch.site
    first_fetched = {(url, sha): first for url, sha, _, first, *_ in items}
    by_reading: dict[str, list[tuple]] = {}
    for item in items:
        by_reading.setdefault(source_reading(item[5]), []).append(item)
    docs = parse_bodies.fn(
        [(_as_discovered(url, source, site), body, sha, at, ctype, source)
         for url, sha, at, _, ctype, source, body in by_reading.get("web", [])], site, batch_no)
    to_pair, ready = [], []
    for d in docs:  # only the press room's editions pair by the pages they name (pair_editions)
        (to_pair if may_pair(d) else ready).append(d)
    english = english_entries(docs)
    copies, heads = [], {}
    for reading in ("gia", "newswire", "file"):
        for url, sha, at, _, ctype, source, packed in by_reading.get(reading, []):
            try:
                body = RawStore.unpack(sha, packed)
            except ValueError as exc:
                docs.append(DocumentResult(url=url, sha256=sha, fetched_at=at, error=f"raw store: {exc}",
                                           source=source))
                ready.append(docs[-1])
                continue
            doc, keep = _read_other(reading, body, url, ctype, sha, at, source, site, batch.sources)
            if not keep:
                continue  # it no longer mentions HKSTP: a fetch of it now would not load it either
            docs.append(doc)
            if reading == "gia":
                ready.append(doc)
            else:
                copies.append(doc)
                heads[url] = body[:WIRE_MARK_BYTES]
    staged = document_columns(_with_first_seen(ready, first_fetched))
    return ParsedBatch(staged, torn_shas(docs), english, _with_first_seen(to_pair, first_fetched), copies, heads,
                       {k: v for k, v in first_fetched.items() if k[0] in heads})


def _read_other(reading: str, body: bytes, url: str, content_type: str | None, sha: str, fetched_at: str,
                source: str, site: dict, sources: dict[str, dict]) -> tuple[DocumentResult, bool]:
    """A stored page of another source than the press room, read as its flow reads it: (its document, whether that
    flow would load it). A parse problem is loaded, as there."""
    if reading == "gia":
        doc, mentioned = read_gia_page(body, url, sha, fetched_at, sources[GIA_SOURCE])
    elif reading == "newswire":
        doc, mentioned = read_feed_page(body, url, content_type, sha, fetched_at, source, sources["newswire"])
    else:  # an ingested file: `ingest` loads every one
        doc, mentioned = document_result(body, url, content_type, site, sha, fetched_at, source=source), True
    return doc, bool(mentioned or doc.error)


@task(cache_policy=NO_CACHE, task_run_name="load-side-{batch_no}")
def load_side(side: Path, staged: StagedColumns, run_id: str | None, batch_no: int) -> int:
    """Load one batch into the side warehouse (private to this rebuild: no writer limit)."""
    return load_into_side(side, staged, flow_run_id=run_id).claims


@task(cache_policy=NO_CACHE, task_run_name="swap-and-check")
def swap_and_check(db: Path, side: Path, scope: RebuildScope, run_key: str, run_id: str | None,
                   thresholds: warehouse.CheckSettings, copy_links: list[dict]) -> tuple[dict, warehouse.CheckRun]:
    counts = swap_in(db, side, scope.release_ids, [(p.url, p.sha256) for p in scope.pages], run_id)
    record_rebuild_problems(db, run_key, scope.problems, run_id)
    link_copies(db, copy_links)  # before the checks: the echo checks read the links
    return counts, warehouse.run_checks(db, thresholds, flow_run_id=run_id)


def _run_name() -> str:
    since = (flow_run.parameters or {}).get("since")
    return f"rebuild since-{since}" if since else "rebuild all"


def _parse_into_side(store: RawStore, side: Path, pages: list[StoredPage], site: dict, run_id: str | None,
                     batch_size: int, submit: bool, seconds: dict[str, float], db: Path | None = None,
                     in_store: dict[str, bool] | None = None, copy_links: list[dict] | None = None,
                     copy_window_days: int = 0) -> int:
    """Parse `pages` (on the task runner when `submit`, else here) and load each batch into the side.
    in_store: what the plan found in the raw store (sha256 -> bool), corrected here for bodies gone since.
    copy_links: where the links of newswire copies to their originals are gathered (recorded after the swap)."""
    english_seen: dict[str, tuple[str, set[str]]] = {}  # as in a run: editions that name each other pair up
    sources = source_profiles({p.source for p in pages})
    if submit:
        share_prefect_api()
        started = time.perf_counter()
        start_cluster()
        seconds["cluster_start"] += time.perf_counter() - started
    in_flight: list[tuple[Any, list[DocumentResult], int]] = []
    parsed = 0
    workers = worker_count()
    most_in_flight = workers + 1  # a batch per worker and one queued; bodies in bounded memory
    if submit:  # at least two batches per worker, so a small rebuild is parsed in parallel too
        batch_size = max(1, min(batch_size, -(-len(pages) // (2 * workers))))

    def finish(result: ParsedBatch, failed: list[DocumentResult], batch_no: int) -> None:
        staged, torn = result.staged, result.torn
        english_seen.update(result.english)
        if result.to_pair:  # English pages come first, so the page each names is known by now
            if db is not None:  # or an English page a --since rebuild keeps as loaded
                english_from_earlier_runs(db, store, site, result.to_pair, english_seen)
            staged = join_columns(staged, document_columns(pair_editions(result.to_pair, english_seen)))
        if result.copies:  # named by their wire, repaired and matched with the press room, as when fetched
            copies, links = adopt_copies(result.copies, db, copy_window_days, result.copy_heads)
            if copy_links is not None:
                copy_links.extend(links)
            staged = join_columns(staged, document_columns(_with_first_seen(copies, result.first_fetched)))
        for sha in torn:  # so the next fetch of their page stores them afresh
            store.path(sha).unlink(missing_ok=True)
        if failed:
            staged = join_columns(staged, document_columns(failed))
            if in_store is not None:
                for d in failed:
                    in_store[d.sha256] = store.has(d.sha256)
        started = time.perf_counter()
        load_side(side, quote(staged), run_id, batch_no)
        seconds["load"] += time.perf_counter() - started

    def result(future) -> ParsedBatch:
        started = time.perf_counter()
        out = future.result()
        seconds["wait_for_parse"] += time.perf_counter() - started
        return out

    for batch_no, start in enumerate(range(0, len(pages), batch_size), start=1):
        batch = pages[start : start + batch_size]
        started = time.perf_counter()
        pages_batch, failed = _read_batch(store, batch, site, sources)
        seconds["read"] += time.perf_counter() - started
        parsed += len(batch)
        if not submit:
            finish(parse_to_columns.fn(pages_batch, batch_no), failed, batch_no)
            continue
        # the bytes travel with the task; the results come back here, to the one writer
        started = time.perf_counter()
        in_flight.append((parse_to_columns.submit(pages_batch, batch_no), failed, batch_no))
        seconds["submit"] += time.perf_counter() - started
        while len(in_flight) > most_in_flight:
            future, failed_docs, done_no = in_flight.pop(0)
            finish(result(future), failed_docs, done_no)
    for future, failed_docs, done_no in in_flight:
        finish(result(future), failed_docs, done_no)
    return parsed


@flow(name="rebuild", flow_run_name=_run_name, log_prints=True, task_runner=dask_runner())
def rebuild(db: str | None = None, since: date | None = None, profile: str | None = None,
            batch_size: int = REBUILD_BATCH) -> dict:
    """Derive releases, claims and findings again from the stored pages; asks no site.

    Parse and extract run on the flow's task runner (a local Dask cluster by default; override with
    `rebuild.with_options(task_runner=dask_runner(workers=..., address=...))`).
    """
    settings = MonitorSettings(**{k: v for k, v in {"db": db, "profile": profile}.items() if v is not None})
    settings.configure_warehouse()
    db_path = Path(settings.db)
    if not db_path.exists():
        raise HkstpMonitorError(f"no warehouse at {db_path}: nothing to rebuild (run `hkstp-monitor run` first)")
    raw_dir = settings.raw_dir()
    store = RawStore(raw_dir)
    site = load_profile(settings.profile)
    run_id = str(flow_run.id) if flow_run.id else None
    run_key = run_id or uuid.uuid4().hex
    started = time.monotonic()

    started_plan = time.perf_counter()
    warehouse.migrate(db_path)
    in_store: dict[str, bool] = {}  # sha256 -> in the raw store, asked once (the second plan below asks again)
    copy_links: list[dict] = []  # newswire copies -> their press-room originals, recorded with the swap

    def has_body(sha: str) -> bool:
        if sha not in in_store:
            in_store[sha] = store.has(sha)
        return in_store[sha]

    scope = rebuild_scope(rebuild_plan(db_path), has_body, since, raw_dir)
    side, done = open_side(db_path, since)
    # English editions first (in fetch order), so every other edition finds the English page it names already
    # parsed, whichever run fetched each (pair_editions)
    todo = sorted((p for p in scope.pages if (p.url, p.sha256) not in done),
                  key=lambda p: _as_discovered(p.url, p.source, site).language != "en")
    print(f"rebuild: {len(scope.pages)} pages of {len(scope.release_ids)} releases to derive again "
          f"({len(scope.pages) - len(todo)} already done by an earlier rebuild), {scope.kept_releases} releases "
          f"kept as loaded, {len(scope.problems)} pages missing from the raw store")
    # where the time went (the summary says)
    seconds = {"plan": time.perf_counter() - started_plan, "cluster_start": 0.0, "read": 0.0, "submit": 0.0,
               "wait_for_parse": 0.0, "load": 0.0, "side_checkpoint": 0.0}
    with side_writer(side, seconds):
        parsed = _parse_into_side(store, side, todo, site, run_id, batch_size, bool(todo), seconds, db=db_path,
                                  in_store=in_store, copy_links=copy_links,
                                  copy_window_days=settings.copy_window_days)
    if todo:
        release_workers()  # what is left (pages loaded meanwhile, the swap) runs here

    with warehouse_writer():  # one acquisition: pages a run loaded meanwhile, the swap, the checks
        # the raw store is not asked again for every page: a body gone since the plan was noted by its batch
        scope = rebuild_scope(rebuild_plan(db_path), has_body, since, raw_dir)
        done |= {(p.url, p.sha256) for p in todo}
        late = [p for p in scope.pages if (p.url, p.sha256) not in done]
        if late:
            with side_writer(side, seconds):
                parsed += _parse_into_side(store, side, late, site, run_id, batch_size, False, seconds, db=db_path,
                                           copy_links=copy_links, copy_window_days=settings.copy_window_days)
        started_swap = time.perf_counter()
        counts, checks = swap_and_check(db_path, side, quote(scope), run_key, run_id, settings.check_settings(),
                                        quote(copy_links))
        seconds["swap_and_check"] = time.perf_counter() - started_swap
    discard_side(db_path)

    summary = {
        "pages": len(scope.pages), "parsed": parsed, "resumed": len(scope.pages) - parsed,
        "releases_rebuilt": len(scope.release_ids), "kept_releases": scope.kept_releases,
        "problems": [{"url": u, "sha256": s, "reason": r} for u, s, r in scope.problems],
        "new_findings": len(checks.new_findings), "open_findings": checks.total_open, **counts,
        "wall_s": round(time.monotonic() - started, 2), "seconds": {k: round(v, 2) for k, v in seconds.items()},
    }
    summary["summary"] = (f"rebuilt {summary['pages']} pages ({parsed} parsed now) into {counts['releases']} releases "
                          f"and {counts['claims']} claims; {summary['new_findings']} new findings, "
                          f"{len(scope.problems)} pages missing from the raw store")
    create_markdown_artifact(key="rebuild-summary", markdown="\n".join(
        [f"# {summary['summary']}", "", *(f"- missing: {p['url']} ({p['sha256'][:12]})" for p in summary["problems"])]
    ), description="What this rebuild did")
    print(summary["summary"])
    # findings an upgrade raises for the first time reach the analyst as a run's do: events (the review
    # deployment's trigger), and the alert to HKSTP_NOTIFY_URL
    # (quoted: Prefect would walk every finding's dict looking for futures, ~0.4 s for 2,000 findings)
    summary["alert_sent"] = send_signals(quote(checks.new_findings),
                                         {k: v for k, v in summary.items() if k != "problems"},
                                         settings.base_url, settings)
    return summary
