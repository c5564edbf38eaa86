"""The `gia` source: the HKSAR Government's press releases, kept only where they mention HKSTP or its sites.

    hkstp-monitor run --source gia                      # the two RSS feeds: what is new
    hkstp-monitor run --source gia --since 2025-09-01   # and the daily index pages from that day on (history)

Each run reads the feeds (and, with `since`, one daily index page per day and language), folds every release
URL to its canonical form (transforms/parsing/gia.py), and fetches only the releases it has not seen, or whose
feed item changed (then with a conditional GET). A fetched release that does not mention HKSTP (the profile's
`mentions`, three languages) is not loaded; it is remembered in core.source_items so it is never fetched
again unless it changes. Releases that mention HKSTP are loaded like press-room editions, with
`releases.source = 'gia'` and the editions of one release paired by the page's own links. A feed or a daily index
that is gone or holds no release is a `site_drift` finding. Requests share the per-host gap across runs
(flows/ratelimit.py); every write holds the `hkstp-warehouse` limit (flows/writer.py).
"""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

import warehouse
from flows.discover import RobotsRules
from flows.http import PoliteSession
from flows.profile import load_profile
from flows.publish import publish_run
from flows.ratelimit import FileHostGate
from flows.rawstore import RawStore
from flows.settings import MonitorSettings
from flows.writer import warehouse_writer
from transforms.claims import extract_release_claims
from transforms.errors import ParseError
from transforms.model import DocumentResult, FetchRecord, SiteSignal
from transforms.parsing.gia import canonical_release_url, index_links, mentions, parse_gia_page, release_key
from warehouse.sources import SourceItem, latest_fetches, remember_items, source_items

SOURCE = "gia"
HONG_KONG = ZoneInfo("Asia/Hong_Kong")


@dataclass(slots=True)
class Listed:
    """A release URL as a feed or a daily index lists it."""

    url: str  # canonical
    language: str | None
    item_key: str  # "feed:<hash>" or "index:<hash>": what the listing said of it
    found_in: str


@dataclass(slots=True)
class Listing:
    items: list[Listed] = field(default_factory=list)
    fetches: list[FetchRecord] = field(default_factory=list)
    signals: list[SiteSignal] = field(default_factory=list)


def _key(kind: str, *parts: str) -> str:
    return f"{kind}:" + hashlib.sha256("\x00".join(p or "" for p in parts).encode()).hexdigest()[:16]


class _Site:
    """The site's URLs, moved onto `base_url` when that is not one of the profile's hosts (a mirror, a test)."""

    def __init__(self, profile: dict, base_url: str):
        self.profile = profile
        self.site = profile["site"]
        parts = urlsplit(base_url)
        self.base = parts
        self.rebase = (parts.hostname or "").lower() not in self.site["hosts"]

    def absolute(self, path_or_url: str, here: str | None = None) -> str:
        url = urljoin(here or urlunsplit((self.base.scheme, self.base.netloc, "/", "", "")), path_or_url)
        parts = urlsplit(url)
        if self.rebase and (parts.hostname or "").lower() in self.site["hosts"]:
            url = urlunsplit((self.base.scheme, self.base.netloc, parts.path, parts.query, parts.fragment))
        return url

    def language_code(self, key: str) -> str:
        return self.site["languages"][key]["code"]


def _wanted(profile: dict, languages: list[str] | None) -> list[str]:
    keys = list(profile["site"]["languages"])
    if not languages:
        return keys
    codes = {profile["site"]["languages"][k]["code"]: k for k in keys}
    return [k for k in keys if k in languages or profile["site"]["languages"][k]["code"] in languages] or \
        [codes[c] for c in languages if c in codes]


ROBOTS_MAX_AGE = timedelta(hours=24)  # robots.txt is read again once a day (the usual crawler cache), not every run


def _robots(session: PoliteSession, site: _Site, fetches: list[FetchRecord], store: RawStore,
            previous: dict[str, dict]) -> RobotsRules:
    robots = RobotsRules()  # RFC 9309 (wildcards, longest match), as the press room reads it
    url = site.absolute(site.site.get("robots") or "/robots.txt")
    last = previous.get(url)
    if last and last["sha256"]:
        age = datetime.now(HONG_KONG) - datetime.fromisoformat(last["fetched_at"])
        try:
            if age < ROBOTS_MAX_AGE:
                robots.parse(store.get(last["sha256"]).decode("utf-8", errors="replace"))
                return robots
        except (KeyError, ValueError, OSError):
            pass  # not in the raw store any more: ask again
    result = session.fetch(url)
    fetches.append(result.record)
    if result.body is not None:
        result.record.sha256 = store.put(result.body)
        robots.parse(result.body.decode("utf-8", errors="replace"))
    else:
        robots.allow_all = True  # no robots.txt: everything allowed
    return robots


def asked_every_run(profile: dict, base_url: str, languages: list[str]) -> list[str]:
    """The URLs a run asks whatever it finds (robots.txt, the feeds): their last fetch makes the next conditional."""
    site = _Site(profile, base_url)
    feeds = profile["site"].get("feeds") or {}
    return [site.absolute(site.site.get("robots") or "/robots.txt"), *(site.absolute(feeds[k]) for k in languages
                                                                        if k in feeds)]


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE, task_run_name="list-gia-releases")
def list_releases(session: PoliteSession, profile: dict, base_url: str, languages: list[str],
                  since: date | None, until: date | None, raw_dir: Path | None = None,
                  previous: dict[str, dict] | None = None) -> Listing:
    """The feeds (always; a conditional GET when asked before) and the daily index pages from `since` to `until`
    (a backfill): every release URL."""
    import feedparser

    site = _Site(profile, base_url)
    out = Listing()
    previous = previous or {}
    store = RawStore(raw_dir) if raw_dir else None
    robots = _robots(session, site, out.fetches, store, previous) if store else _robots_plain(session, site, out)
    agent = profile["site"]["user_agent"]
    seen: dict[str, Listed] = {}

    def add(url: str | None, language: str, key: str, found_in: str) -> bool:
        if not url:
            return False
        url = canonical_release_url(site.absolute(url, found_in), profile)
        if url is None:
            return False
        if not robots.can_fetch(agent, url):
            return False
        if url not in seen:
            seen[url] = Listed(url, site.language_code(language), key, found_in)
        return True

    for lang in languages:
        feed_path = (profile["site"].get("feeds") or {}).get(lang)
        if not feed_path:
            continue
        feed_url = site.absolute(feed_path)
        last = previous.get(feed_url) or {}
        result = session.fetch(feed_url, etag=last.get("etag"), last_modified=last.get("last_modified"))
        out.fetches.append(result.record)
        key = f"site.feeds.{lang}"
        body = result.body
        if result.not_modified:
            # unchanged since the last run: its items are read again from the raw store (no request), so an item
            # whose release could not be fetched last time is tried again
            result.record.sha256 = result.record.sha256 or last.get("sha256")
            try:
                body = store.get(result.record.sha256) if store and result.record.sha256 else None
            except (KeyError, ValueError, OSError):
                body = None
            if body is None:
                continue
        elif body is not None and store:
            result.record.sha256 = store.put(body)  # kept, so the next run's request can be conditional
        if body is None:
            out.signals.append(SiteSignal("feed_unreachable", feed_url, key,
                                          f"the {lang} RSS feed could not be read ({result.record.error})",
                                          language=site.language_code(lang)))
            continue
        parsed = feedparser.parse(body)
        entries = parsed.entries or []
        if not entries:
            reason = f"not RSS ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "no items"
            out.signals.append(SiteSignal("feed_without_items", feed_url, key,
                                          f"the {lang} RSS feed holds no release: {reason}",
                                          language=site.language_code(lang)))
            continue
        matched = 0
        for e in entries:
            item_key = _key("feed", e.get("title", ""), e.get("description", "") or e.get("summary", ""),
                            e.get("published", ""))
            matched += add(e.get("link"), lang, item_key, feed_url)
        if matched * 2 < len(entries):
            out.signals.append(SiteSignal("feed_links_unmatched", feed_url, "site.release_patterns",
                                          f"{len(entries) - matched} of {len(entries)} items of the {lang} feed link "
                                          "to no release URL the profile knows", language=site.language_code(lang)))
    if since:
        day = since
        last = until or datetime.now(HONG_KONG).date()
        while day <= last:
            for lang in languages:
                pattern = (profile["site"].get("daily_index") or {}).get(lang)
                if not pattern:
                    continue
                index_url = site.absolute(pattern.format(yyyymm=day.strftime("%Y%m"), dd=day.strftime("%d")))
                result = session.fetch(index_url)
                out.fetches.append(result.record)
                key = f"site.daily_index.{lang}"
                if result.body is None:
                    out.signals.append(SiteSignal("daily_index_unreachable", index_url, key,
                                                  f"the {lang} daily index of {day} could not be read "
                                                  f"({result.record.error})", language=site.language_code(lang)))
                    continue
                try:
                    links = index_links(result.body, index_url, profile)
                except ParseError as exc:
                    links = []
                    print(f"daily index {index_url}: {exc}")
                if not links:
                    out.signals.append(SiteSignal("daily_index_without_releases", index_url, key,
                                                  f"the {lang} daily index of {day} links to no release",
                                                  language=site.language_code(lang)))
                for url, title in links:
                    add(url, lang, _key("index", title), index_url)
            day += timedelta(days=1)
    for record in out.fetches:
        record.source = SOURCE  # the problems view names the source of a failed feed or index
    out.items = list(seen.values())
    print(f"listed {len(out.items)} releases with {len(out.fetches)} requests")
    return out


def _robots_plain(session: PoliteSession, site: _Site, out: Listing) -> RobotsRules:
    robots = RobotsRules()
    result = session.fetch(site.absolute(site.site.get("robots") or "/robots.txt"))
    out.fetches.append(result.record)
    if result.body is not None:
        robots.parse(result.body.decode("utf-8", errors="replace"))
    else:
        robots.allow_all = True
    return robots


def due_items(listed: list[Listed], known: dict[str, SourceItem], refetch: bool) -> tuple[list[Listed], list[SourceItem]]:
    """The releases to fetch: new ones, and known ones whose feed (or index) entry changed. A known release
    listed by the other kind of listing (index then feed) is not fetched; its new key is remembered."""
    due, rekeyed = [], []
    for item in listed:
        prev = known.get(item.url)
        if refetch or prev is None or prev.item_key is None:
            due.append(item)
        elif prev.item_key == item.item_key:
            continue
        elif prev.item_key.split(":", 1)[0] == item.item_key.split(":", 1)[0]:
            due.append(item)  # the listing says something else of it now: ask (conditional GET)
        else:
            rekeyed.append(SourceItem(url=item.url, item_key=item.item_key))
    return due, rekeyed


@dataclass(slots=True)
class FetchedReleases:
    docs: list[DocumentResult] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)
    items: list[SourceItem] = field(default_factory=list)
    not_modified: int = 0
    not_mentioning: int = 0


@task(cache_policy=NO_CACHE, task_run_name="fetch-gia-releases-{batch_no}")
def fetch_releases(session: PoliteSession, profile: dict, base_url: str, batch: list[Listed],
                   known: dict[str, SourceItem], raw_dir: Path, refetch: bool, batch_no: int) -> FetchedReleases:
    """Fetch each release (conditional GET when known), parse it, keep it only when it mentions HKSTP."""
    site = _Site(profile, base_url)
    store = RawStore(raw_dir)
    out = FetchedReleases()
    for item in batch:
        prev = None if refetch else known.get(item.url)
        fetch_url = site.absolute(item.url)
        result = session.fetch(fetch_url, etag=prev.etag if prev else None,
                               last_modified=prev.last_modified if prev else None)
        record = result.record
        record.source = SOURCE
        out.records.append(record)
        if result.not_modified:
            out.not_modified += 1
            out.items.append(SourceItem(url=item.url, item_key=item.item_key, checked_at=record.fetched_at))
            continue
        if result.body is None:
            continue  # recorded in core.fetches (problems); not remembered, so the next run asks again
        sha = hashlib.sha256(result.body).hexdigest()
        doc, mentioned = read_page(result.body, fetch_url, sha, record.fetched_at, profile)
        if doc.release is not None:
            out.items.append(SourceItem(url=item.url, language=doc.release.language, item_key=item.item_key,
                                        mentions=mentioned, etag=record.etag, last_modified=record.last_modified,
                                        sha256=sha, checked_at=record.fetched_at))
        if not mentioned and doc.error is None:
            out.not_mentioning += 1
            continue
        record.sha256 = store.put(result.body)
        out.docs.append(doc)
    return out


def mentions_hkstp(release, profile: dict) -> bool:
    """Whether a release's title or sections name HKSTP or its sites, by the source profile's mention rules."""
    text = "\n".join([release.title, *(s.text for s in release.sections)])
    return bool(mentions(text, list(profile.get("mention_subjects") or ["hkstp"]),
                         list(profile.get("mention_names") or [])))


def read_page(body: bytes, url: str, sha: str, fetched_at: str, profile: dict) -> tuple[DocumentResult, bool]:
    """One release page of the source as it is loaded: (its document, whether it mentions HKSTP). A page that does
    not parse is a document with its error (loaded as a problem); claims are read only where HKSTP is mentioned.
    `rebuild` reads the stored pages of the source again with it."""
    try:
        release = parse_gia_page(body, url, profile)
    except ParseError as exc:
        return DocumentResult(url=url, sha256=sha, fetched_at=fetched_at, error=str(exc), source=SOURCE), False
    mentioned = mentions_hkstp(release, profile)
    release.url = url
    return DocumentResult(url=url, sha256=sha, fetched_at=fetched_at, release_id=release_key(release),
                          release=release, claims=extract_release_claims(release) if mentioned else [],
                          source=SOURCE), mentioned


@task(cache_policy=NO_CACHE, task_run_name="load-gia-batch-{batch_no}")
def load_releases(db: Path, fetched: FetchedReleases, extra_items: list[SourceItem], run_id: str | None,
                  batch_no: int) -> dict:
    with warehouse_writer():  # one writer across deployments
        summary = warehouse.load_documents(db, fetched.docs, flow_run_id=run_id) if fetched.docs else None
        warehouse.record_fetches(db, fetched.records, flow_run_id=run_id)
        remember_items(db, SOURCE, fetched.items + extra_items)
    return {"new_releases": summary.new_releases if summary else 0,
            "new_editions": summary.new_editions if summary else 0,
            "claims": summary.claims if summary else 0,
            "parse_errors": summary.parse_errors if summary else 0}


def _run_name() -> str:
    params = flow_run.parameters or {}
    bits = ["source-gia"]
    if params.get("since"):
        bits.append(f"since-{params['since']}")
    return " ".join(bits)


@flow(name="source-gia", flow_run_name=_run_name, log_prints=True)
def gia_source(
    since: date | None = None,
    until: date | None = None,
    db: str | None = None,
    base_url: str | None = None,
    languages: str | None = None,
    limit: int | None = None,
    refetch: bool = False,
    min_gap_s: float | None = None,
    notify_url: str | None = None,
    profile: str = "gia",
) -> dict:
    """One run of the Government's press releases: feeds (and daily indexes from `since`), the releases that
    mention HKSTP loaded, then every check."""
    given = {"db": db, "min_gap_s": min_gap_s, "notify_url": notify_url}
    settings = MonitorSettings(**{k: v for k, v in given.items() if v is not None})
    settings.configure_warehouse()
    db_path = Path(settings.db)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    raw_dir = settings.raw_dir()
    site = load_profile(profile)
    base_url = base_url or site["site"]["base_url"]
    langs = _wanted(site, [x.strip() for x in languages.split(",")] if languages else None)
    run_id = str(flow_run.id) if flow_run.id else None
    started = time.monotonic()

    warehouse.migrate(db_path)
    session = PoliteSession.from_profile(
        site, base_url, min_gap_s=settings.min_gap_s,
        timeout=(settings.connect_timeout_s, settings.read_timeout_s), max_bytes=settings.max_bytes,
        retries=settings.retries, max_retry_after_s=settings.max_retry_after_s,
        max_redirects=settings.max_redirects, deadline_s=settings.response_deadline_s,
        gate=FileHostGate(raw_dir / "hosts"),  # one gap per host across runs and deployments
    )
    known = source_items(db_path, SOURCE)
    previous = latest_fetches(db_path, asked_every_run(site, base_url, langs))
    listing = list_releases(session, quote(site), base_url, langs, since, until, raw_dir, previous)
    due, rekeyed = due_items(listing.items, known, refetch)
    if limit:
        due = due[:limit]
    totals = {"listed": len(listing.items), "pages": len(due), "fetched": 0, "not_modified": 0,
              "not_mentioning": 0, "fetch_errors": 0}
    loads = []
    pending = list(listing.fetches)
    batches = [due[i:i + settings.batch_size] for i in range(0, len(due), settings.batch_size)] or [[]]
    for batch_no, batch in enumerate(batches, start=1):
        fetched = fetch_releases(session, quote(site), base_url, quote(batch),
                                 quote({i.url: known[i.url] for i in batch if i.url in known}), raw_dir, refetch,
                                 batch_no)
        fetched.records = pending + fetched.records
        pending = []
        totals["fetched"] += sum(1 for d in fetched.docs if d.release is not None)
        totals["not_modified"] += fetched.not_modified
        totals["not_mentioning"] += fetched.not_mentioning
        totals["fetch_errors"] += sum(1 for r in fetched.records if r.error)
        loads.append(load_releases(db_path, quote(fetched), quote(rekeyed if batch_no == 1 else []), run_id,
                                   batch_no))
    for key in ("new_releases", "new_editions", "claims", "parse_errors"):
        totals[key] = sum(int(x.get(key, 0)) for x in loads)
    for s in listing.signals:
        print(f"site drift: {s.detail} ({s.url}; profile key {s.profile_key})")
    with warehouse_writer():
        warehouse.record_site_run(db_path, run_id or uuid.uuid4().hex, listing.signals, since is None,
                                  flow_run_id=run_id, source=SOURCE)
        checks = warehouse.run_checks(db_path, settings.check_settings(), flow_run_id=run_id)
    totals["wall_s"] = round(time.monotonic() - started, 2)
    result = publish_run(db_path, base_url, totals, checks, settings)  # in the flow: its artifacts are the run's
    result["source"] = SOURCE
    return result
