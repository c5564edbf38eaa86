"""Discovery: find every release URL of a press room without fetching the releases themselves.

    found = discover(session, load_profile(), "https://www.hkstp.org", languages=["en", "zh-hk"])
    found.pages     # DiscoveredPage(url, layout, language, slug, lastmod, found_in), each release once
    found.fetches   # a FetchRecord for every request made (robots.txt, sitemaps, listing pages)

Order of work: robots.txt first (its Disallow rules for our user agent are obeyed for everything after,
its Crawl-delay raises the session's gap, its Sitemap lines are read), then the listing pages of the
profile page by page (newest first), then the sitemaps (index, urlsets, gzip) for everything else and
for lastmod dates. Only URLs that a release pattern of the profile matches are kept; one release
reached by several URLs (with or without /en/ or a trailing slash) is kept once, under the first URL.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector

from flows.http import PoliteSession
from flows.profile import language_code, language_of_path, release_match
from flows.rawstore import RawStore
from flows.settings import MonitorSettings, get_settings
from transforms.errors import ProfileError
from transforms.model import FetchRecord

__all__ = ["DiscoveredPage", "Discovery", "discover"]


@dataclass(slots=True)
class DiscoveredPage:
    """A release URL found on the site, not yet fetched."""

    url: str
    layout: str  # the URL generation that matched (a key of the profile's release_patterns)
    language: str  # en | zh-hant | zh-hans
    slug: str
    lastmod: str | None  # from the sitemap (W3C datetime as written), None when only a listing had it
    found_in: str  # the sitemap or listing page URL where it was first seen
    # The same page on the profile's own base_url: equal to `url` unless base_url was overridden
    # (a mirror, the demo on 127.0.0.1:<port>); a key that stays the same whatever the mirror's port.
    site_url: str | None = None


@dataclass
class Discovery:
    """What discovery found, and every request it made to find it."""

    pages: list[DiscoveredPage]
    fetches: list[FetchRecord]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (release URL, reason): robots or off-site
    ignored: int = 0  # URLs seen that are not releases (other pages, listings)
    notes: list[str] = field(default_factory=list)  # problems worth telling the user, one line each


class _Discoverer:
    def __init__(self, session: PoliteSession, profile: dict, base_url: str | None, languages, max_listing_pages,
                 known: Mapping[str, Any] | None = None, store: RawStore | None = None,
                 settings: MonitorSettings | None = None):
        settings = settings or get_settings()
        self.session = session
        self.known = known or {}
        self.store = store
        self.profile = profile
        self.site = profile["site"]
        self.base = (base_url or self.site["base_url"]).rstrip("/")
        base_parts = urlsplit(self.base)
        # When the base URL is overridden (a mirror, the demo on 127.0.0.1), links to the profile's own
        # hosts are read as links to the mirror, so that nothing reaches the real site.
        self.rebase_to = None if (base_parts.hostname or "").lower() in self.site["hosts"] else base_parts
        self.wanted = self._wanted_languages(languages)
        listing = self.site.get("listing") or {}
        self.max_listing_pages = max_listing_pages or listing.get("max_pages") or settings.max_listing_pages
        self.max_sitemaps = settings.max_sitemaps  # against sitemap-index loops
        # The sitemap protocol caps a sitemap at 50 MB uncompressed; more is refused (a gzip bomb, say).
        self.max_sitemap_bytes = settings.max_sitemap_bytes
        self.link_selector = CSSSelector(listing["link_selector"]) if listing.get("link_selector") else None
        self.next_selector = CSSSelector(listing["next_selector"]) if listing.get("next_selector") else None
        self.user_agent = session.user_agent
        self.robots = RobotFileParser()
        self.found: dict[tuple[str, str, str], DiscoveredPage] = {}
        self.result = Discovery(pages=[], fetches=[])
        self.requested: set[str] = set()

    def _wanted_languages(self, languages) -> set[str] | None:
        if not languages:
            return None
        wanted = set()
        for lang in languages:
            code = language_code(self.profile, lang)
            if code is None:
                known = ", ".join(self.site["languages"])
                raise ProfileError(f"language {lang!r} is not in the site profile (known: {known})")
            wanted.add(code)
        return wanted

    # -- URLs -------------------------------------------------------------------------------------

    def absolute(self, path_or_url: str, page_url: str | None = None) -> str:
        if page_url is None and path_or_url.startswith("/"):
            url = self.base + path_or_url
        else:
            url = urljoin(page_url or self.base + "/", path_or_url.strip())
        parts = urlsplit(url)
        scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
        if self.rebase_to is not None and (parts.hostname or "").lower() in self.site["hosts"]:
            scheme, netloc = self.rebase_to.scheme, self.rebase_to.netloc
        return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))  # fragments name no new page

    def may_request(self, url: str) -> str | None:
        """None if we may fetch `url`, else why not."""
        reason = self.session.is_allowed(url)
        if reason:
            return reason
        if not self.robots.can_fetch(self.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def fetch(self, url: str):
        self.requested.add(url)
        prev = self.known.get(url)
        cached = prev is not None and self.store is not None and bool(prev.sha256) and self.store.has(prev.sha256)
        result = self.session.fetch(
            url, etag=prev.etag if cached else None, last_modified=prev.last_modified if cached else None
        )
        if result.not_modified and cached:
            result.body = self.store.get(prev.sha256)
            result.record.sha256 = prev.sha256
        elif result.body is not None and self.store is not None:
            result.record.sha256 = self.store.put(result.body)
        self.result.fetches.append(result.record)
        return result

    def consider(self, url: str, found_in: str, lastmod: str | None = None) -> None:
        match = release_match(self.profile, url)
        if match is None:
            self.result.ignored += 1
            return
        if self.wanted is not None and match.language not in self.wanted:
            return
        key = (match.layout, match.language, match.slug)
        known = self.found.get(key)
        if known is not None:
            if lastmod and not known.lastmod:
                known.lastmod = lastmod
            return
        reason = self.may_request(url)
        if reason:
            if (url, reason) not in self.result.skipped:
                self.result.skipped.append((url, reason))
            return
        self.found[key] = DiscoveredPage(
            url, match.layout, match.language, match.slug, lastmod, found_in, site_url=self.site_url(url)
        )

    def site_url(self, url: str) -> str:
        if self.rebase_to is None:
            return url
        home = urlsplit(self.site["base_url"])
        parts = urlsplit(url)
        return urlunsplit((home.scheme, home.netloc, parts.path, parts.query, ""))

    # -- robots.txt -------------------------------------------------------------------------------

    def read_robots(self) -> list[str]:
        robots_url = self.absolute(self.site.get("robots") or "/robots.txt")
        self.robots.set_url(robots_url)
        result = self.fetch(robots_url)
        status = result.record.status
        if result.body is not None:
            self.robots.parse(result.body.decode("utf-8", errors="replace").splitlines())
        elif status in (401, 403):
            self.robots.disallow_all = True
            self.result.notes.append(f"robots.txt answered {status}: the site allows no crawling")
        elif status is not None and 400 <= status < 500:
            self.robots.allow_all = True  # no robots.txt: everything may be fetched
        else:
            # RFC 9309: an unreachable robots.txt (5xx, network error) means assume full disallow.
            self.robots.disallow_all = True
            self.result.notes.append(
                f"robots.txt unreachable ({result.record.error}): nothing else requested; try again later"
            )
            return []
        host = urlsplit(robots_url).netloc
        delay = self.robots.crawl_delay(self.user_agent)
        rate = self.robots.request_rate(self.user_agent)
        if rate and rate.requests:
            delay = max(delay or 0, rate.seconds / rate.requests)
        if delay:
            self.session.set_host_gap(host, float(delay))
        return [self.absolute(u) for u in (self.robots.site_maps() or [])]

    # -- listing pages ----------------------------------------------------------------------------

    def read_listing(self, start: str) -> None:
        page_url: str | None = self.absolute(start)
        language = language_of_path(self.profile, urlsplit(page_url).path)
        if self.wanted is not None and language not in self.wanted:
            return
        for _ in range(self.max_listing_pages):
            if page_url is None or page_url in self.requested:
                return
            reason = self.may_request(page_url)
            if reason:
                self.result.notes.append(f"listing page {page_url} not fetched: {reason}")
                return
            result = self.fetch(page_url)
            if result.body is None:
                self.result.notes.append(f"listing page {page_url}: {result.record.error}")
                return
            try:
                doc = lxml.html.document_fromstring(result.body)
            except (lxml.etree.ParserError, ValueError) as exc:
                self.result.notes.append(f"listing page {page_url} is not readable HTML: {exc}")
                return
            here = result.final_url or page_url
            for link in self.link_selector(doc) if self.link_selector else []:
                href = link.get("href")
                if href:
                    self.consider(self.absolute(href, here), found_in=page_url)
            page_url = None
            if self.next_selector is not None:
                nxt = self.next_selector(doc)
                if nxt and nxt[0].get("href"):
                    page_url = self.absolute(nxt[0].get("href"), here)
        if page_url is not None and page_url not in self.requested:
            self.result.notes.append(f"listing {start}: stopped after {self.max_listing_pages} pages")

    # -- sitemaps ---------------------------------------------------------------------------------

    def read_sitemaps(self, urls: list[str]) -> None:
        queue = deque(dict.fromkeys(urls))
        seen: set[str] = set()
        while queue and len(seen) < self.max_sitemaps:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            reason = self.may_request(url)
            if reason:
                self.result.notes.append(f"sitemap {url} not fetched: {reason}")
                continue
            result = self.fetch(url)
            if result.body is None:
                self.result.notes.append(f"sitemap {url}: {result.record.error}")
                continue
            try:
                root = _parse_sitemap(result.body, self.max_sitemap_bytes)
            except ValueError as exc:
                self.result.notes.append(f"sitemap {url}: {exc}")
                continue
            kind = lxml.etree.QName(root).localname
            here = result.final_url or url
            if kind == "sitemapindex":
                for loc in _children_text(root, "sitemap", "loc"):
                    queue.append(self.absolute(loc, here))
            elif kind == "urlset":
                for entry in root:
                    if not isinstance(entry.tag, str) or lxml.etree.QName(entry).localname != "url":
                        continue
                    loc = lastmod = None
                    alternates = []
                    for child in entry:
                        if not isinstance(child.tag, str):
                            continue
                        name = lxml.etree.QName(child).localname
                        if name == "loc" and child.text:
                            loc = child.text.strip()
                        elif name == "lastmod" and child.text:
                            lastmod = child.text.strip()
                        elif name == "link" and child.get("rel") == "alternate" and child.get("href"):
                            alternates.append(child.get("href"))  # xhtml:link hreflang editions
                    for link in ([loc] if loc else []) + alternates:
                        self.consider(self.absolute(link, here), found_in=url, lastmod=lastmod if link == loc else None)
            else:
                self.result.notes.append(f"sitemap {url}: root element <{kind}> is neither urlset nor sitemapindex")
        if queue:
            self.result.notes.append(f"stopped after {self.max_sitemaps} sitemap files")

    def run(self, use_sitemap: bool = True) -> Discovery:
        sitemap_urls = self.read_robots()
        if self.robots.disallow_all:
            return self.result
        for start in self.site.get("listing_pages") or []:
            self.read_listing(start)
        if use_sitemap:
            configured = self.site.get("sitemap") or []
            configured = [configured] if isinstance(configured, str) else configured
            self.read_sitemaps(sitemap_urls + [self.absolute(s) for s in configured])
        self.result.pages = list(self.found.values())
        return self.result


def _parse_sitemap(body: bytes, max_bytes: int):
    if body[:2] == b"\x1f\x8b":  # a .xml.gz served as is (not as Content-Encoding)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, max_bytes + 1)
        except zlib.error as exc:
            raise ValueError(f"broken gzip: {exc}") from exc
        if len(body) > max_bytes:
            raise ValueError(f"over {max_bytes} bytes uncompressed")
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, remove_comments=True)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    if root is None:
        raise ValueError("not XML")
    return root


def _children_text(root, child_name: str, grandchild_name: str) -> list[str]:
    out = []
    for child in root:
        if isinstance(child.tag, str) and lxml.etree.QName(child).localname == child_name:
            for grand in child:
                if isinstance(grand.tag, str) and lxml.etree.QName(grand).localname == grandchild_name and grand.text:
                    out.append(grand.text.strip())
    return out


def discover(
    session: PoliteSession,
    profile: dict,
    base_url: str | None = None,
    languages: list[str] | None = None,
    max_listing_pages: int | None = None,
    use_sitemap: bool = True,
    known: Mapping[str, Any] | None = None,
    store: RawStore | None = None,
    settings: MonitorSettings | None = None,
) -> Discovery:
    """Find the release pages of the press room at `base_url` (default: the profile's).

    `languages`: keys of the profile (en, zh-hk, zh-cn) or codes (zh-hant, ...); None for all.
    `max_listing_pages`: pages followed per listing (default: the profile's listing.max_pages).
    `use_sitemap`: False reads only the listing pages (a quick look for new releases).
    `known` (url -> state with etag, last_modified, sha256) and `store`: robots, sitemaps and listings seen
    before are asked conditionally; on a 304 their body comes from the raw store, so an unchanged site
    answers every request of a run with 304.
    `settings`: the sitemap limits and the listing-page fallback (default: from the environment).
    Never raises for network faults: they are in `fetches` (with their error) and `notes`.
    """
    discoverer = _Discoverer(session, profile, base_url, languages, max_listing_pages, known, store, settings)
    return discoverer.run(use_sitemap=use_sitemap)
