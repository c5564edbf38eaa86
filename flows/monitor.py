"""The `monitor` flow: discover -> fetch -> parse -> extract -> load -> check -> publish.

The flow only wires tasks. Work moves in batches (one task run per batch, not per page) and each batch
is loaded in one warehouse transaction, so a run killed half-way keeps every finished batch and the next
run picks up the rest. Only the network tasks retry; nothing with a side effect is served from a cache.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

import warehouse
from flows import progress
from flows.discover import DiscoveredPage, discover
from flows.drift import found_by_content, parsed_signals, site_unreachable, title_missing
from flows.http import PoliteSession
from flows.parallel import dask_runner, share_prefect_api, worker_count
from flows.profile import load_profile
from flows.publish import publish_run
from flows.ratelimit import FileHostGate
from flows.revisit import choose_pages
from flows.rawstore import RawStore
from flows.settings import MonitorSettings
from flows.editions import english_from_earlier_runs
from flows.writer import warehouse_writer
from transforms.claims import extract_release_claims
from transforms.errors import ParseError
from transforms.identity import identity_doubts, pair_editions, release_id_for
from transforms.model import DocumentResult, FetchRecord, Release, SiteSignal
from transforms.parsing import parse_document
from transforms.parsing.recognize import recognize_release


@dataclass
class FetchedBatch:
    to_parse: list[tuple[DiscoveredPage, str, str, str | None]] = field(default_factory=list)  # page, sha, fetched_at, content_type
    records: list[FetchRecord] = field(default_factory=list)
    not_modified: int = 0
    unchanged: int = 0


def _chunks(items: list, size: int):
    for i in range(0, len(items), max(1, size)):
        yield items[i : i + size]


def _run_name() -> str:
    params = flow_run.parameters or {}
    defaults = MonitorSettings()
    host = urlparse(params.get("base_url") or defaults.base_url).netloc
    bits = [f"monitor-{host}", params.get("languages") or defaults.languages]
    if params.get("refetch"):
        bits.append("refetch")
    if params.get("limit"):
        bits.append(f"limit-{params['limit']}")
    if params.get("since"):
        bits.append(f"since-{params['since']}")
    if params.get("max_listing_pages"):
        bits.append(f"listing-pages-{params['max_listing_pages']}")
    if params.get("use_sitemap") is False:
        bits.append("no-sitemap")
    return " ".join(str(b) for b in bits)


def make_session(settings: MonitorSettings, profile: dict, base_url: str) -> PoliteSession:
    return PoliteSession.from_profile(
        profile,
        base_url,
        min_gap_s=settings.min_gap_s,
        timeout=(settings.connect_timeout_s, settings.read_timeout_s),
        max_bytes=settings.max_bytes,
        retries=settings.retries,
        max_retry_after_s=settings.max_retry_after_s,
        max_redirects=settings.max_redirects,
        deadline_s=settings.response_deadline_s,
        gate=FileHostGate(settings.raw_dir() / "hosts"),  # the gap holds across runs of every deployment
    )


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE, task_run_name="discover-releases")
def discover_releases(
    session: PoliteSession,
    profile: dict,
    base_url: str,
    languages: list[str],
    since: date | None,
    max_listing_pages: int | None,
    use_sitemap: bool,
    known: dict[str, Any],
    raw_dir: Path,
    max_discovered_urls: int | None = None,
) -> tuple[list[DiscoveredPage], list[FetchRecord], list[SiteSignal]]:
    found = discover(session, profile, base_url, languages, max_listing_pages=max_listing_pages,
                     use_sitemap=use_sitemap, known=known, store=RawStore(raw_dir),
                     max_discovered_urls=max_discovered_urls)
    for note in found.notes:
        print(f"discovery: {note}")
    pages = found.pages
    if since:
        # Pages with a known lastmod older than `since` are skipped; pages without one are kept.
        pages = [p for p in pages if not p.lastmod or p.lastmod[:10] >= since.isoformat()]
    print(f"discovered {len(found.pages)} release pages ({len(pages)} in scope) with {len(found.fetches)} requests")
    return pages, found.fetches, found.signals


@task(cache_policy=NO_CACHE, task_run_name="fetch-pages-{batch_no}")
def fetch_pages(
    session: PoliteSession,
    pages: list[DiscoveredPage],
    known: dict[str, Any],
    raw_dir: Path,
    refetch: bool,
    batch_no: int,
) -> FetchedBatch:
    """Conditional GET for every known page; keep each new body once in the raw store."""
    store = RawStore(raw_dir)
    out = FetchedBatch()
    for page in pages:
        prev = known.get(page.url)
        use_validators = prev is not None and not refetch
        result = session.fetch(
            page.url,
            etag=prev.etag if use_validators else None,
            last_modified=prev.last_modified if use_validators else None,
        )
        record = result.record
        if result.not_modified:
            out.not_modified += 1
            record.sha256 = record.sha256 or (prev.sha256 if prev else None)
            out.records.append(record)
            continue
        if result.body is None:
            out.records.append(record)
            continue
        record.sha256 = store.put(result.body)
        out.records.append(record)
        if prev is not None and prev.sha256 == record.sha256 and not refetch:
            out.unchanged += 1  # same bytes as last time: nothing to parse again
            continue
        out.to_parse.append((page, record.sha256, record.fetched_at, record.content_type))
    return out


@task(cache_policy=NO_CACHE, task_run_name="parse-and-extract-{batch_no}")
def parse_and_extract(
    items: list[tuple[DiscoveredPage, str, str, str | None]], raw_dir: Path, profile: dict, batch_no: int
) -> list[DocumentResult]:
    store = RawStore(raw_dir)
    out = []
    for page, sha, fetched_at, content_type in items:
        try:
            body = store.get(sha)
        except (KeyError, ValueError) as exc:  # a torn object: recorded; `run --refetch` fetches it again
            store.path(sha).unlink(missing_ok=True)
            out.append(DocumentResult(url=page.url, sha256=sha, fetched_at=fetched_at, error=f"raw store: {exc}"))
            continue
        doc = page_result(page, body, sha, fetched_at, content_type, profile, extract=False)
        if doc is not None:
            out.append(doc)
    return extract_parsed(out)


def extract_parsed(docs: list[DocumentResult]) -> list[DocumentResult]:
    """The claims of a batch of documents parsed with `extract=False`, extracted after the whole batch was parsed
    (in place; returns the list). The same claims as page by page, ~15% less CPU for parse + extract on the
    benchmark's pages: each parse (a 40 KB page's tree) evicts the extractor's patterns and tables from the CPU
    caches, so extractions one after the other find them warm (benchmarks/README.md, issue 22)."""
    for doc in docs:
        if doc.release is not None:
            doc.claims = extract_release_claims(doc.release)
    return docs


def _future_date(release: Release, fetched_at: str) -> list[tuple[str, str]]:
    """A publication date later than the day after the fetch is not trusted (a release dated 2099 would be the
    newest figure for ever): the release keeps no date, so the figure checks leave it out, and it is recorded."""
    try:
        latest = datetime.fromisoformat(fetched_at).date() + timedelta(days=1)
    except (TypeError, ValueError):
        return []
    if release.published_on is None or release.published_on <= latest:
        return []
    said, release.published_on, release.date_source = release.published_on, None, None
    return [("date_in_future", f"the page gives {said} as its publication date, after it was fetched "
                               f"({fetched_at[:10]}); the date was not trusted and the release is left undated")]


def page_result(page: DiscoveredPage, body: bytes, sha: str, fetched_at: str, content_type: str | None,
                profile: dict | None, source: str = "web", extract: bool = True) -> DocumentResult | None:
    """One fetched release page, parsed and extracted; None for a page found by content that is no release.
    `extract=False`: parsed only (its claims left to `extract_parsed`)."""
    if page.by_content:
        # No release pattern matches this URL: it is a release only if its content says so (precision
        # first); anything else is dropped here, neither loaded nor recorded as a problem.
        verdict = recognize_release(body, page.url, in_listing=page.in_listing)
        if not verdict.is_release:
            return None
    doc = document_result(body, page.url, content_type, profile, sha, fetched_at, source=source, extract=extract)
    if page.by_content and doc.release is not None and doc.release.layout == "generic":
        doc.release.layout = "unknown"  # neither its URL generation nor its markup is in the profile
    return doc


@task(cache_policy=NO_CACHE, task_run_name="parse-bodies-{batch_no}")
def parse_bodies(
    items: list[tuple[DiscoveredPage, bytes, str, str, str | None, str]], profile: dict, batch_no: int
) -> list[DocumentResult]:
    """parse_and_extract with the stored objects in hand (page, packed body, sha, fetched_at, content_type,
    source): what a Dask worker runs, so a remote cluster needs no access to the raw store."""
    out = []
    for page, packed, sha, fetched_at, content_type, source in items:
        try:
            body = RawStore.unpack(sha, packed)
        except ValueError as exc:
            out.append(DocumentResult(url=page.url, sha256=sha, fetched_at=fetched_at, error=f"raw store: {exc}",
                                      source=source))
            continue
        doc = page_result(page, body, sha, fetched_at, content_type, profile, source, extract=False)
        if doc is not None:
            out.append(doc)
    return extract_parsed(out)


def with_bodies(store: RawStore, items: list[tuple[DiscoveredPage, str, str, str | None]], source: str = "web"
                ) -> tuple[list[tuple], list[DocumentResult]]:
    """The items of parse_and_extract with their stored objects read from the raw store, for parse_bodies; a body
    that cannot be read is a recorded problem (a DocumentResult with its error), as in parse_and_extract."""
    ready, failed = [], []
    for page, sha, fetched_at, content_type in items:
        try:
            ready.append((page, store.get_packed(sha), sha, fetched_at, content_type, source))
        except (KeyError, ValueError) as exc:
            store.path(sha).unlink(missing_ok=True)
            failed.append(DocumentResult(url=page.url, sha256=sha, fetched_at=fetched_at, error=f"raw store: {exc}"))
    return ready, failed


def torn_shas(docs: list[DocumentResult]) -> list[str]:
    """The stored objects a worker found damaged."""
    return [d.sha256 for d in docs if d.error and d.error.startswith("raw store: raw store object")]


def drop_torn(store: RawStore, docs: list[DocumentResult]) -> list[DocumentResult]:
    """Remove the stored objects a worker found damaged, so the next fetch of their page stores them afresh."""
    for sha in torn_shas(docs):
        store.path(sha).unlink(missing_ok=True)
    return docs


def document_result(
    body: bytes,
    url: str,
    content_type: str | None,
    profile: dict | None,
    sha: str,
    fetched_at: str,
    source: str = "web",
    extract: bool = True,
) -> DocumentResult:
    """Parse one body and extract its claims (`extract=False`: parse only, see `extract_parsed`); a ParseError
    becomes a recorded problem, not a crash."""
    try:
        release = parse_document(body, url=url, content_type=content_type, profile=profile)
    except ParseError as exc:
        return DocumentResult(url=url, sha256=sha, fetched_at=fetched_at, error=str(exc), source=source)
    except Exception as exc:  # a parser bug must not stop the run; it is recorded like a parse error
        return DocumentResult(
            url=url, sha256=sha, fetched_at=fetched_at, error=f"parser failed: {type(exc).__name__}: {exc}", source=source
        )
    doubts = identity_doubts(release, url) + _future_date(release, fetched_at)
    return DocumentResult(
        url=url,
        sha256=sha,
        fetched_at=fetched_at,
        release_id=release_id_for(release, url),  # the URL fetched decides, never the page's own claim
        release=release,
        doubts=doubts,
        claims=extract_release_claims(release) if extract else [],
        source=source,
    )


@task(cache_policy=NO_CACHE, task_run_name="load-batch-{batch_no}")
def load_batch(
    db: Path, docs: list[DocumentResult], records: list[FetchRecord], run_id: str | None, batch_no: int
) -> dict:
    # Documents first, fetches second: a run killed in between re-fetches those pages next time
    # instead of believing they were loaded.
    with warehouse_writer():  # one writer across deployments (flows/writer.py)
        summary = warehouse.load_documents(db, docs, flow_run_id=run_id)
        warehouse.record_fetches(db, records, flow_run_id=run_id)
    return asdict(summary)


def identity_signals(docs: list[DocumentResult]) -> list[SiteSignal]:
    """A recorded problem for every claim of a page that was not trusted: a canonical or hreflang its URL did not
    confirm, a publication date after the fetch."""
    return [SiteSignal(kind, d.url, "site.release_patterns" if kind == "identity_doubt" else "site.layouts",
                       detail, severity="warning", drift=False, language=d.release.language if d.release else None)
            for d in docs for kind, detail in d.doubts]


def _slim(doc: DocumentResult) -> DocumentResult:
    rel = doc.release
    if rel is None:
        return DocumentResult(url=doc.url, sha256=doc.sha256, fetched_at=doc.fetched_at, error=doc.error)
    slim = Release(title=rel.title, language=rel.language, layout=rel.layout, date_source=rel.date_source)
    return DocumentResult(url=doc.url, sha256=doc.sha256, fetched_at=doc.fetched_at, release=slim)


def _due_candidates(db: Path, pages: list[DiscoveredPage], known: dict[str, Any], refetch: bool
                    ) -> tuple[list[DiscoveredPage], set[str]]:
    """Drop pages found by content that were fetched before and were not releases (unless their sitemap lastmod
    moved); returns the pages to fetch and the candidates already loaded as releases."""
    candidates = [p.url for p in pages if p.by_content]
    if not candidates:
        return pages, set()
    loaded = warehouse.release_urls(db, candidates)
    if refetch:
        return pages, loaded

    def due(p: DiscoveredPage) -> bool:
        prev = known.get(p.url)
        if not p.by_content or prev is None or p.url in loaded:
            return True
        return bool(p.lastmod and prev.fetched_at and p.lastmod[:10] > prev.fetched_at[:10])

    return [p for p in pages if due(p)], loaded


@task(cache_policy=NO_CACHE, task_run_name="record-site-signals")
def record_site_signals(db: Path, run_key: str, signals: list[SiteSignal], listing_only: bool,
                        run_id: str | None) -> int:
    for s in signals:
        print(f"{'site drift' if s.drift else 'problem'}: {s.detail} ({s.url}; profile key {s.profile_key})")
    with warehouse_writer():
        return warehouse.record_site_run(db, run_key, signals, listing_only, flow_run_id=run_id)


@task(cache_policy=NO_CACHE, task_run_name="run-checks")
def run_checks(db: Path, run_id: str | None, thresholds: warehouse.CheckSettings | None = None) -> warehouse.CheckRun:
    with warehouse_writer():
        return warehouse.run_checks(db, thresholds, flow_run_id=run_id)


@flow(name="monitor", flow_run_name=_run_name, log_prints=True, task_runner=dask_runner())
def monitor(
    base_url: str | None = None,
    languages: str | None = None,
    since: date | None = None,
    limit: int | None = None,
    refetch: bool = False,
    db: str | None = None,
    profile: str | None = None,
    min_gap_s: float | None = None,
    max_listing_pages: int | None = None,
    use_sitemap: bool = True,
    notify_url: str | None = None,
    recheck_days: float | None = None,
) -> dict:
    """Watch one press room: fetch what is new or changed, load its claims, run the checks, publish findings.

    Parameters left out come from the settings (HKSTP_* environment variables, see the README).
    """
    given = {"db": db, "min_gap_s": min_gap_s, "notify_url": notify_url, "base_url": base_url,
             "languages": languages, "profile": profile,
             "recheck_days": recheck_days}
    settings = MonitorSettings(**{k: v for k, v in given.items() if v is not None})
    base_url = settings.base_url
    settings.configure_warehouse()
    db_path = Path(settings.db)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    raw_dir = settings.raw_dir()
    site = load_profile(settings.profile)
    langs = settings.language_list()
    run_id = str(flow_run.id) if flow_run.id else None
    started = time.monotonic()

    warehouse.migrate(db_path)
    session = make_session(settings, site, base_url)
    known = {} if refetch else warehouse.known_pages(db_path)
    pages, discovery_fetches, signals = discover_releases(
        session, quote(site), base_url, langs, since, max_listing_pages, use_sitemap, quote(known), raw_dir,
        settings.max_discovered_urls,
    )
    pages, loaded_by_content = _due_candidates(db_path, pages, known, refetch)
    if not refetch:  # the revisit policy: new pages, lastmod moved, or due a re-check (flows/revisit.py)
        pages = choose_pages(db_path, quote(pages), quote(site), session, base_url, settings.recheck_days, langs, since)
    prior_generic = warehouse.generic_share(db_path)
    parsed_docs: list[DocumentResult] = []
    if limit:
        pages = pages[:limit]
    for stage in ("fetch", "parse", "load"):
        progress.start(stage, len(pages))

    totals: dict[str, int] = {"pages": len(pages), "fetched": 0, "not_modified": 0, "unchanged": 0, "fetch_errors": 0}
    loads: list[dict] = []
    pending_records = list(discovery_fetches)
    english_seen: dict[str, tuple[str, set[str]]] = {}  # English pages of this run, for pair_editions
    page_fetches: list[FetchRecord] = []  # this run's requests for release pages (site_unreachable)
    # A large backfill parses on the flow's Dask task runner (flows/parallel.py) while the next batch is fetched;
    # a small run (the hourly one, the tests) parses in this process and starts no cluster.
    in_flight: list[tuple[Any, list[DocumentResult], list[FetchRecord], int]] = []
    parallel = len(pages) > settings.parallel_min_pages
    if parallel:
        share_prefect_api()

    def finish(docs: list[DocumentResult], records: list[FetchRecord], batch_no: int) -> None:
        english_from_earlier_runs(db_path, RawStore(raw_dir), site, docs, english_seen)  # flows/editions.py
        docs = pair_editions(docs, english_seen)  # editions that name each other across slugs (identity.py)
        parsed_docs.extend(_slim(d) for d in docs)  # what the drift signals need, not the claims
        signals.extend(identity_signals(docs))
        loads.append(load_batch(db_path, quote(docs), quote(records), run_id, batch_no))
    for batch_no, batch in enumerate(_chunks(pages, settings.batch_size), start=1):
        # quote(): Prefect would otherwise walk every item of these lists looking for futures (a quarter of
        # a 10,000-page backfill's wall time went there).
        batch_known = {p.url: known[p.url] for p in batch if p.url in known}
        fetched = fetch_pages(session, quote(batch), quote(batch_known), raw_dir, refetch, batch_no)
        progress.advance("fetch", len(batch))
        pending_records += fetched.records
        page_fetches += fetched.records
        totals["fetched"] += len(fetched.to_parse)
        totals["not_modified"] += fetched.not_modified
        totals["unchanged"] += fetched.unchanged
        totals["fetch_errors"] += sum(1 for r in fetched.records if r.error)
        if fetched.to_parse and parallel:
            ready, failed = with_bodies(RawStore(raw_dir), fetched.to_parse)
            in_flight.append((parse_bodies.submit(ready, site, batch_no), failed, pending_records,
                              batch_no))
            pending_records = []
            while len(in_flight) > max(2, worker_count()):  # a batch per worker parses while this one is fetched
                future, failed, records, done_no = in_flight.pop(0)
                finish(drop_torn(RawStore(raw_dir), future.result()) + failed, records, done_no)
        elif fetched.to_parse:
            docs = parse_and_extract(quote(fetched.to_parse), raw_dir, quote(site), batch_no)
            finish(docs, pending_records, batch_no)
            pending_records = []
        # A batch of 304s has nothing to load: its fetch records wait for the next load (one transaction
        # instead of one per batch; a run killed meanwhile loses only the record that a 304 happened).
        progress.advance("parse", len(batch))
        progress.advance("load", len(batch))
    for future, failed, records, done_no in in_flight:
        finish(drop_torn(RawStore(raw_dir), future.result()) + failed, records, done_no)
    if pending_records:
        loads.append(load_batch(db_path, [], quote(pending_records), run_id, 0))

    for key in ("new_releases", "new_editions", "new_versions", "revised_editions", "claims", "parse_errors"):
        totals[key] = sum(int(x.get(key, 0)) for x in loads)
    loaded_by_content |= {d.url for d in parsed_docs if d.release is not None}
    signals += found_by_content(pages, loaded_by_content)
    signals += parsed_signals(pages, parsed_docs, site, prior_generic, settings.drift_generic_jump)
    signals += title_missing(pages, parsed_docs, site, RawStore(raw_dir).get)
    unreachable = site_unreachable(base_url, discovery_fetches, page_fetches)  # a run that saw nothing says so
    signals += unreachable
    totals["site_unreachable"] = len(unreachable)
    totals["discovery_errors"] = sum(1 for r in discovery_fetches if r.error)
    totals["found_by_content"] = sum(1 for p in pages if p.by_content and p.url in loaded_by_content)
    record_site_signals(db_path, run_id or uuid.uuid4().hex, quote(signals), not use_sitemap, run_id)
    progress.start("check", 1)
    checks = run_checks(db_path, run_id, settings.check_settings())
    progress.advance("check")
    totals["wall_s"] = round(time.monotonic() - started, 2)
    return publish_run(db_path, base_url, totals, checks, settings)  # in the flow: its artifacts are the run's
