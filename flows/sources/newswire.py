"""The `newswires` source: newswire copies of HKSTP's releases from the RSS feeds its profile names
(flows/profiles/newswires.yaml; off while it names none). A feed item is fetched only when its title or summary
names HKSTP or one of its sites, and kept only when the page does too; each copy is named by its wire, repaired and
linked to its HKSTP original (flows/sources/copies.py), and remembered (core.source_items) so it is not fetched
again unless its feed item changes."""

from __future__ import annotations

from pathlib import Path

from flows.sources.copies import WIRE_MARK_BYTES, adopt_copies
import hashlib
import time
import uuid
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.utilities.annotations import quote

import warehouse
from flows.http import PoliteSession
from flows.profile import load_profile
from flows.publish import publish_run
from flows.ratelimit import FileHostGate
from flows.rawstore import RawStore
from flows.settings import MonitorSettings
from flows.sources.gia import Listed, _key, _Site, due_items, mentions_hkstp
from flows.writer import warehouse_writer
from transforms.errors import ProfileError
from transforms.model import DocumentResult, FetchRecord, SiteSignal
from transforms.parsing.gia import mentions
from warehouse.sources import SourceItem, link_copies, remember_items, source_items


def _page_url(url: str) -> str:
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path, "", ""))


@task(retries=2, retry_delay_seconds=[2, 10], cache_policy=NO_CACHE, task_run_name="read-newswire-feeds")
def read_feeds(session: PoliteSession, profile: dict, base_url: str) -> tuple[list[Listed], list[FetchRecord],
                                                                               list[SiteSignal]]:
    """Each configured feed; the items whose title or summary names HKSTP or its sites."""
    import feedparser

    site = _Site(profile, base_url)
    subjects = list(profile.get("mention_subjects") or ["hkstp"])
    names = list(profile.get("mention_names") or [])
    listed: dict[str, Listed] = {}
    fetches, signals = [], []
    for name, feed in (profile["site"].get("feeds") or {}).items():
        feed_url = site.absolute(feed)
        result = session.fetch(feed_url)
        result.record.source = profile["name"]
        fetches.append(result.record)
        key = f"site.feeds.{name}"
        if result.body is None:
            signals.append(SiteSignal("feed_unreachable", feed_url, key,
                                      f"the feed {name} could not be read ({result.record.error})"))
            continue
        entries = feedparser.parse(result.body).entries or []
        if not entries:
            signals.append(SiteSignal("feed_without_items", feed_url, key, f"the feed {name} holds no item"))
            continue
        for e in entries:
            text = f"{e.get('title', '')}\n{e.get('summary', '') or e.get('description', '')}"
            link = e.get("link")
            if not link or not mentions(text, subjects, names):
                continue  # not about HKSTP: never fetched
            url = _page_url(site.absolute(link, feed_url))
            listed.setdefault(url, Listed(url, None, _key("feed", e.get("title", ""), text, e.get("published", "")),
                                          feed_url))
    print(f"{len(listed)} feed items name HKSTP")
    return list(listed.values()), fetches, signals


def read_page(body: bytes, url: str, content_type: str | None, sha: str, fetched_at: str, source: str,
              profile: dict) -> tuple[DocumentResult, bool]:
    """One fetched page of a feed, before `adopt_copies` names its wire: (its document, whether it mentions HKSTP
    or its sites). `rebuild` reads the stored pages of the source again with it."""
    from flows.monitor import document_result

    doc = document_result(body, url, content_type, None, sha, fetched_at, source=source)
    return doc, doc.release is not None and mentions_hkstp(doc.release, profile)


@flow(name="source-newswires", log_prints=True)
def newswire_source(
    since: date | None = None,
    until: date | None = None,
    db: str | None = None,
    base_url: str | None = None,
    languages: str | None = None,
    limit: int | None = None,
    refetch: bool = False,
    min_gap_s: float | None = None,
    notify_url: str | None = None,
    profile: str = "newswires",
) -> dict:
    """One run of the configured newswire feeds: the copies of HKSTP's releases, named, repaired, linked and
    loaded, then every check. Feeds hold only their newest items: `since` and `until` do not apply."""
    given = {"db": db, "min_gap_s": min_gap_s, "notify_url": notify_url}
    settings = MonitorSettings(**{k: v for k, v in given.items() if v is not None})
    settings.configure_warehouse()
    db_path = Path(settings.db)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    site = load_profile(profile)
    if not site["site"].get("feeds"):
        raise ProfileError(f"{site['_path']}: site.feeds: no newswire feed configured (name: URL)")
    source = site["name"]
    base_url = base_url or site["site"]["base_url"]
    run_id = str(flow_run.id) if flow_run.id else None
    started = time.monotonic()
    warehouse.migrate(db_path)
    session = PoliteSession.from_profile(
        site, base_url, min_gap_s=settings.min_gap_s,
        timeout=(settings.connect_timeout_s, settings.read_timeout_s), max_bytes=settings.max_bytes,
        retries=settings.retries, deadline_s=settings.response_deadline_s,
        gate=FileHostGate(settings.raw_dir() / "hosts"))
    known = source_items(db_path, source)
    listed, records, signals = read_feeds(session, quote(site), base_url)
    due, rekeyed = due_items(listed, known, refetch)
    due = due[:limit] if limit else due
    store = RawStore(settings.raw_dir())
    docs, bodies, items = [], {}, list(rekeyed)
    for item in due:
        prev = None if refetch else known.get(item.url)
        result = session.fetch(item.url, etag=prev.etag if prev else None,
                               last_modified=prev.last_modified if prev else None)
        result.record.source = source
        records.append(result.record)
        if result.not_modified or result.body is None:
            if result.not_modified:
                items.append(SourceItem(url=item.url, item_key=item.item_key, checked_at=result.record.fetched_at))
            continue
        sha = hashlib.sha256(result.body).hexdigest()
        doc, mentioned = read_page(result.body, item.url, result.record.content_type, sha, result.record.fetched_at,
                                   source, site)
        items.append(SourceItem(url=item.url, item_key=item.item_key, mentions=mentioned, etag=result.record.etag,
                                last_modified=result.record.last_modified, sha256=sha,
                                checked_at=result.record.fetched_at))
        if doc.error or mentioned:
            result.record.sha256 = store.put(result.body)
            docs.append(doc)
            bodies[item.url] = result.body[:WIRE_MARK_BYTES]
    docs, links = adopt_copies(docs, db_path, settings.copy_window_days, bodies)
    with warehouse_writer():
        summary = warehouse.load_documents(db_path, docs, flow_run_id=run_id)
        warehouse.record_fetches(db_path, records, flow_run_id=run_id)
        remember_items(db_path, source, items)
        link_copies(db_path, links)
        warehouse.record_site_run(db_path, run_id or uuid.uuid4().hex, signals, True, flow_run_id=run_id,
                                  source=source)
        checks = warehouse.run_checks(db_path, settings.check_settings(), flow_run_id=run_id)
    totals = {"listed": len(listed), "pages": len(due), "fetched": sum(1 for d in docs if d.release is not None),
              "new_releases": summary.new_releases, "claims": summary.claims, "linked_copies": len(links),
              "not_mentioning": sum(1 for i in items if i.mentions is False),
              "wall_s": round(time.monotonic() - started, 2)}
    result = publish_run(db_path, base_url, totals, checks, settings)  # in the flow: its artifacts are the run's
    result["source"] = source
    return result
