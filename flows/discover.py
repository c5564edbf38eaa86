"""Discovery: find every release URL of a press room without fetching the releases themselves.

    found = discover(session, load_profile(), "https://www.hkstp.org", languages=["en", "zh-hk"])
    found.pages     # DiscoveredPage(url, layout, language, slug, lastmod, found_in), each release once
    found.fetches   # a FetchRecord for every request made (robots.txt, sitemaps, listing pages)
    found.signals   # SiteSignal: signs that the site no longer fits its profile (site_drift), and problems

Order of work: robots.txt first (its Disallow rules for our user agent are obeyed for everything after,
its Crawl-delay raises the session's gap, its Sitemap lines are read), then the listing pages of the
profile page by page (newest first), then the sitemaps (index, urlsets, gzip) for everything else and
for lastmod dates. One release reached by several URLs (with or without /en/ or a trailing slash) is kept
once, under the first URL.

What is known, not guessed: a link is a release when a release pattern of the profile matches its URL,
wherever it sits on a listing page (the profile's `link_selector` is only a hint). Pagination follows
rel="next", the profile's `next_selector`, a link whose text means next/older/more, or the next page number.
A URL that no pattern matches but that sits in a listing (or in a sitemap, under a folder named like a press
room: news, press, media, releases...) is a *candidate* (layout "unknown",
`by_content=True`): the monitor fetches it and keeps it only if `transforms.parsing.recognize` says it is a
release. Pages that are never releases (about us, contact, search, tags...) are never candidates.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import lxml.etree
from bs4 import BeautifulSoup
from protego import Protego
from soupsieve import SelectorSyntaxError

from flows.http import PoliteSession
from flows.profile import language_code, language_of_path, release_match
from flows.rawstore import RawStore
from flows.settings import MonitorSettings, get_settings
from transforms.errors import ProfileError
from transforms.model import FetchRecord, SiteSignal
from transforms.parsing.recognize import A_LISTING_PAGE, in_press_folder, never_a_release

# A listing-only run whose listing shows no release link takes this many of the sitemap's newest entries per
# listing page it was asked to read, per language.
FALLBACK_PER_LISTING_PAGE = 20
# A urlset whose URLs match no release pattern in more than this share (pages that are never releases aside,
# at least SITEMAP_MIN_URLS of them) is a sign that the release URLs moved.
SITEMAP_UNMATCHED_SHARE = 0.5
SITEMAP_MIN_URLS = 5
UNKNOWN_LAYOUT = "unknown"  # the URL generation of a page found by its content
# RFC 9309 lets a crawler keep robots.txt for up to a day: the hourly runs read the copy in the raw store.
ROBOTS_CACHE_S = 86_400

__all__ = ["DiscoveredPage", "Discovery", "discover", "UNKNOWN_LAYOUT"]

# Link texts that mean "the next (older) page of this list".
_NEXT_TEXT_RE = re.compile(
    r"^(?:next|older|more|load more|show more|next page|older (?:posts|news|releases|entries|items)|more (?:news|releases)"
    r"|[›»>→]+|下一頁|下一页|下頁|下页|更多|較舊|较旧)\s*[›»>→]*$",
    re.IGNORECASE,
)
_CHROME_TAGS = ("header", "nav", "footer", "aside")


@dataclass(slots=True)
class DiscoveredPage:
    """A release URL found on the site, not yet fetched."""

    url: str
    layout: str  # the URL generation that matched (a key of the profile's release_patterns), or "unknown"
    language: str  # en | zh-hant | zh-hans
    slug: str
    lastmod: str | None  # from the sitemap (W3C datetime as written), None when only a listing had it
    found_in: str  # the sitemap or listing page URL where it was first seen
    # The same page on the profile's own base_url: equal to `url` unless base_url was overridden
    # (a mirror, the demo on 127.0.0.1:<port>); a key that stays the same whatever the mirror's port.
    site_url: str | None = None
    by_content: bool = False  # no release pattern matches: a release only if its content says so
    in_listing: bool = False  # linked from a press-room listing page (recognition may then trust a date)


@dataclass
class Discovery:
    """What discovery found, and every request it made to find it."""

    pages: list[DiscoveredPage]
    fetches: list[FetchRecord]
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (release URL, reason): robots or off-site
    ignored: int = 0  # URLs seen that are not releases (other pages, listings)
    notes: list[str] = field(default_factory=list)  # problems worth telling the user, one line each
    signals: list[SiteSignal] = field(default_factory=list)  # site drift and discovery problems


class RobotsRules:
    """robots.txt rules through protego (RFC 9309: `*` and `$` wildcards, the longest match wins; the standard
    library's parser ignored them, so `Disallow: /*?print=` blocked nothing), plus the two verdicts that need no
    file: allow everything (robots.txt is 404) and disallow everything (401/403, or unreachable)."""

    def __init__(self) -> None:
        self.rules: Protego | None = None
        self.allow_all = False
        self.disallow_all = False

    def parse(self, text: str) -> None:
        self.rules = Protego.parse(text)

    def can_fetch(self, user_agent: str, url: str) -> bool:
        if self.disallow_all:
            return False
        if self.allow_all or self.rules is None:
            return True
        return self.rules.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        return self.rules.crawl_delay(user_agent) if self.rules is not None else None

    def request_rate(self, user_agent: str):
        return self.rules.request_rate(user_agent) if self.rules is not None else None

    def site_maps(self) -> list[str]:
        return list(self.rules.sitemaps) if self.rules is not None else []


@dataclass
class _ListingOutcome:
    releases: int = 0  # release links found (by pattern)
    candidates: int = 0  # other links kept for recognition by content
    pages: int = 0  # listing pages read


class _Discoverer:
    def __init__(self, session: PoliteSession, profile: dict, base_url: str | None, languages, max_listing_pages,
                 known: Mapping[str, Any] | None = None, store: RawStore | None = None,
                 settings: MonitorSettings | None = None, max_discovered_urls: int | None = None):
        settings = settings or get_settings()
        self.session = session
        self.known = known or {}
        self.incremental = bool(self.known)
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
        self.max_urls = max_discovered_urls or settings.max_discovered_urls
        self.link_hint = listing.get("link_selector") or None
        self.next_hint = listing.get("next_selector") or None
        self.by_content = self.site.get("recognize_by_content", True) is not False
        self.user_agent = session.user_agent
        self.robots = RobotsRules()
        self.max_crawl_delay_s = settings.max_crawl_delay_s
        self.found: dict[tuple[str, str, str], DiscoveredPage] = {}
        self.result = Discovery(pages=[], fetches=[])
        self.requested: set[str] = set()
        self.skipped_seen: set[str] = set()
        self.listing_urls = {self.absolute(p) for p in self.site.get("listing_pages") or []}
        self.capped = False

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

    def signal(self, kind: str, url: str, key: str, detail: str, severity: str = "warning", drift: bool = True,
               language: str | None = None) -> None:
        self.result.signals.append(SiteSignal(kind, url, key, detail, severity, drift, language))
        self.result.notes.append(f"{'site drift' if drift else 'problem'}: {detail} ({url}; see {key})")

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

    def _skip(self, url: str, reason: str) -> None:
        if url not in self.skipped_seen:  # a set: 80,000 disallowed URLs must not cost a list scan each
            self.skipped_seen.add(url)
            self.result.skipped.append((url, reason))

    def _room_left(self, url: str) -> bool:
        if len(self.found) < self.max_urls:
            return True
        if not self.capped:
            self.capped = True
            self.signal("discovery_capped", url, "HKSTP_MAX_DISCOVERED_URLS",
                        f"stopped at {self.max_urls:,} release URLs in one run; the rest waits for a later run "
                        "(raise HKSTP_MAX_DISCOVERED_URLS if the press room is really this large)",
                        severity="warning", drift=False)
        return False

    def consider(self, url: str, found_in: str, lastmod: str | None = None) -> bool:
        """Keep `url` if a release pattern matches it; True when it is a release URL (kept or already kept)."""
        match = release_match(self.profile, url)
        if match is None:
            self.result.ignored += 1
            return False
        if self.wanted is not None and match.language not in self.wanted:
            return True
        key = (match.layout, match.language, match.slug)
        known = self.found.get(key)
        if known is not None:
            if lastmod and not known.lastmod:
                known.lastmod = lastmod
            return True
        reason = self.may_request(url)
        if reason:
            self._skip(url, reason)
            return True
        if self._room_left(url):
            self.found[key] = DiscoveredPage(
                url, match.layout, match.language, match.slug, lastmod, found_in, site_url=self.site_url(url)
            )
        return True

    def candidate(self, url: str, found_in: str, lastmod: str | None = None, in_listing: bool = False) -> bool:
        """Keep a URL no pattern matches, for recognition by content; True when kept (or already kept)."""
        if not self.by_content or url in self.listing_urls or never_a_release(url):
            return False
        path = unquote(urlsplit(url).path or "/")
        language = language_of_path(self.profile, path) or "en"
        if self.wanted is not None and language not in self.wanted:
            return False
        if self.session.is_allowed(url):  # another host: not part of this press room
            return False
        slug = path.rstrip("/").rsplit("/", 1)[-1] or path
        key = (UNKNOWN_LAYOUT, language, path.rstrip("/"))
        known = self.found.get(key)
        if known is not None:
            known.in_listing = known.in_listing or in_listing
            known.lastmod = known.lastmod or lastmod
            return True
        reason = self.may_request(url)
        if reason:
            self._skip(url, reason)
            return False
        if not self._room_left(url):
            return False
        self.found[key] = DiscoveredPage(url, UNKNOWN_LAYOUT, language, slug, lastmod, found_in,
                                         site_url=self.site_url(url), by_content=True, in_listing=in_listing)
        return True

    def site_url(self, url: str) -> str:
        if self.rebase_to is None:
            return url
        home = urlsplit(self.site["base_url"])
        parts = urlsplit(url)
        return urlunsplit((home.scheme, home.netloc, parts.path, parts.query, ""))

    # -- robots.txt -------------------------------------------------------------------------------

    def _cached_robots(self, robots_url: str) -> bytes | None:
        """The robots.txt body fetched less than ROBOTS_CACHE_S ago (raw store), else None."""
        prev = self.known.get(robots_url)
        if prev is None or not prev.sha256 or self.store is None or not prev.fetched_at:
            return None
        try:
            age = datetime.now(UTC) - datetime.fromisoformat(prev.fetched_at)
            if not timedelta(0) <= age < timedelta(seconds=ROBOTS_CACHE_S):
                return None
            return self.store.get(prev.sha256)
        except (KeyError, ValueError, TypeError, OSError):
            return None  # a torn copy or an odd timestamp: ask the site

    def read_robots(self) -> list[str]:
        robots_url = self.absolute(self.site.get("robots") or "/robots.txt")
        cached = self._cached_robots(robots_url)
        result = None if cached is not None else self.fetch(robots_url)
        status = result.record.status if result is not None else 200
        body = cached if cached is not None else result.body
        if body is not None:
            self.robots.parse(body.decode("utf-8", errors="replace"))
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
        if delay and delay > self.max_crawl_delay_s:
            # A day-long Crawl-delay obeyed silently is a run that fetches one page a day: say so, use the cap.
            self.signal("crawl_delay_capped", robots_url, "HKSTP_MAX_CRAWL_DELAY_S",
                        f"robots.txt asks for {float(delay):g}s between requests; {self.max_crawl_delay_s:g}s is used "
                        "(HKSTP_MAX_CRAWL_DELAY_S): ask the site for a lower Crawl-delay, or raise the cap",
                        severity="warning", drift=False)
            delay = self.max_crawl_delay_s
        if delay:
            self.session.set_host_gap(host, float(delay))
        return [self.absolute(u) for u in self.robots.site_maps()]

    # -- listing pages ----------------------------------------------------------------------------

    def _select(self, soup: BeautifulSoup, selector: str | None, key: str) -> list:
        if not selector:
            return []
        try:
            return soup.select(selector)
        except (SelectorSyntaxError, ValueError, NotImplementedError) as exc:
            self.result.notes.append(f"profile key site.listing.{key}: selector {selector!r} not usable ({exc})")
            return []

    def _next_page(self, soup: BeautifulSoup, here: str, page_no: int, release_urls: set[str]) -> str | None:
        """The URL of the next listing page: rel=next, the profile's hint, a 'next' link, then page number + 1."""

        def usable(href: str | None) -> str | None:
            if not href or href.startswith(("javascript:", "mailto:", "#")):
                return None
            url = self.absolute(href, here)
            if (url == here or url in self.requested or url in release_urls or self.session.is_allowed(url)
                    or never_a_release(url) not in (None, A_LISTING_PAGE)):
                return None
            return url

        for el in soup.find_all(["link", "a"], rel=True):
            rel = el.get("rel")
            rels = [r.lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
            if "next" in rels and (url := usable(el.get("href"))):
                return url
        for el in self._select(soup, self.next_hint, "next_selector"):
            if url := usable(el.get("href")):
                return url
        numbered = None
        for a in soup.find_all("a", href=True):
            if a.find_parent(("header", "footer")):
                continue
            label = " ".join(a.get_text(" ", strip=True).split()) or a.get("aria-label", "") or a.get("title", "")
            label = label.strip()
            if len(label) <= 30 and (_NEXT_TEXT_RE.match(label) or _NEXT_TEXT_RE.match(a.get("aria-label", "").strip())):
                if url := usable(a["href"]):
                    return url
            if numbered is None and label == str(page_no + 1):
                numbered = usable(a["href"])
        return numbered

    def read_listing(self, start: str) -> _ListingOutcome | None:
        """Follow one listing page by page; None when its language is not wanted."""
        page_url: str | None = self.absolute(start)
        language = language_of_path(self.profile, urlsplit(page_url).path)
        if self.wanted is not None and language not in self.wanted:
            return None
        outcome = _ListingOutcome()
        for page_no in range(1, self.max_listing_pages + 1):
            if page_url is None or page_url in self.requested:
                return outcome
            reason = self.may_request(page_url)
            if reason:
                self.result.notes.append(f"listing page {page_url} not fetched: {reason}")
                return outcome
            result = self.fetch(page_url)
            if result.body is None:
                if page_no == 1:
                    status = result.record.status
                    what = f"answered HTTP {status}" if status else f"could not be fetched ({result.record.error})"
                    self.signal("listing_unreachable", page_url, "site.listing_pages",
                                f"the listing page {start} {what}: the press room may have moved its list",
                                severity="warning", language=language)
                else:
                    self.result.notes.append(f"listing page {page_url}: {result.record.error}")
                return outcome
            outcome.pages += 1
            here = result.final_url or page_url
            soup = BeautifulSoup(result.body, "lxml")
            hinted = {id(a) for el in self._select(soup, self.link_hint, "link_selector")
                      for a in ([el] if el.name == "a" else el.find_all("a", href=True))}
            release_urls: set[str] = set()
            others: list[tuple[str, bool, Any]] = []
            for a in soup.find_all("a", href=True):
                href = a["href"].strip()
                if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
                    continue
                url = self.absolute(href, here)
                if self.consider(url, found_in=page_url):
                    release_urls.add(url)
                else:
                    others.append((url, id(a) in hinted, a))
            outcome.releases += len(release_urls)
            # Links that no pattern matches are releases only by their content; they are looked at when the
            # profile's own hint points at them, or when the page shows no release link at all (moved URLs) and
            # they are not in the page's chrome (asked only then: find_parent per link was a quarter of discovery).
            for url, is_hinted, a in others:
                if ((is_hinted or (not release_urls and not a.find_parent(_CHROME_TAGS))) and url != here
                        and self.candidate(url, page_url, in_listing=True)):
                    outcome.candidates += 1
            if not release_urls:
                return outcome  # a page with no release link ends the list
            if self.incremental and all(u in self.known for u in release_urls):
                return outcome  # every release here was seen before: the older pages hold nothing new
            page_url = self._next_page(soup, here, page_no, release_urls)
        if page_url is not None and page_url not in self.requested:
            self.result.notes.append(f"listing {start}: stopped after {self.max_listing_pages} pages")
        return outcome

    # -- sitemaps ---------------------------------------------------------------------------------

    def read_sitemaps(self, urls: list[str], on_entry) -> None:
        """Read every sitemap reachable from `urls`; call on_entry(url, lastmod, sitemap_url) for each page."""
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
                root, warnings = _parse_sitemap(result.body, self.max_sitemap_bytes)
            except ValueError as exc:
                self.signal("sitemap_unreadable", url, "site.sitemap", f"sitemap not read: {exc}", drift=False)
                continue
            for warning in warnings:
                self.signal("sitemap_damaged", url, "site.sitemap", warning, drift=False)
            kind = lxml.etree.QName(root).localname
            here = result.final_url or url
            if kind == "sitemapindex":
                for loc in _children_text(root, "sitemap", "loc"):
                    queue.append(self.absolute(loc, here))
            elif kind == "urlset":
                self._read_urlset(root, url, here, on_entry)
            else:
                self.result.notes.append(f"sitemap {url}: root element <{kind}> is neither urlset nor sitemapindex")
        if queue:  # a problem of the run, in `problems`: the sitemaps left unread hold releases not found
            self.signal("sitemap_capped", next(iter(queue)), "HKSTP_MAX_SITEMAPS",
                        f"stopped after {self.max_sitemaps:,} sitemap files; {len(queue):,} more were not read "
                        "(a sitemap-index loop, or raise HKSTP_MAX_SITEMAPS)", severity="warning", drift=False)

    def _read_urlset(self, root, url: str, here: str, on_entry) -> None:
        matched = unmatched = 0
        example = None
        # A lastmod after tomorrow (UTC) is not a date the page was changed: it would make the page due on every
        # run. Such dates are dropped (the page is still considered) and recorded once per sitemap.
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        future: list[tuple[str, str]] = []
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
            if lastmod and lastmod[:10] > tomorrow:
                future.append((loc or "", lastmod))
                lastmod = None
            for link in ([loc] if loc else []) + alternates:
                absolute = self.absolute(link, here)
                if link == loc and not never_a_release(absolute) and absolute not in self.listing_urls:
                    if release_match(self.profile, absolute) is None:
                        unmatched += 1
                        example = example or absolute
                    else:
                        matched += 1
                on_entry(absolute, lastmod if link == loc else None, url)
        if future:
            self.signal("sitemap_lastmod_future", url, "site.sitemap",
                        f"{len(future)} entries of this sitemap give a lastmod in the future (e.g. {future[0][0]}: "
                        f"{future[0][1][:40]}); those dates were not trusted", severity="warning", drift=False)
        total = matched + unmatched
        if total >= SITEMAP_MIN_URLS and unmatched / total > SITEMAP_UNMATCHED_SHARE:
            self.signal("sitemap_unmatched", url, "site.release_patterns",
                        f"{unmatched} of {total} page URLs in this sitemap match no release pattern "
                        f"(e.g. {example}): the release URLs may have moved", severity="warning")

    def _consider_entry(self, url: str, lastmod: str | None, found_in: str) -> None:
        if not self.consider(url, found_in=found_in, lastmod=lastmod) and in_press_folder(url):
            self.candidate(url, found_in, lastmod=lastmod)

    # -- a run ------------------------------------------------------------------------------------

    def run(self, use_sitemap: bool = True) -> Discovery:
        sitemap_urls = self.read_robots()
        if self.robots.disallow_all:
            return self.result
        by_language: dict[str, _ListingOutcome] = {}
        for start in self.site.get("listing_pages") or []:
            outcome = self.read_listing(start)
            if outcome is None:
                continue
            language = language_of_path(self.profile, urlsplit(self.absolute(start)).path) or "en"
            total = by_language.setdefault(language, _ListingOutcome())
            total.releases += outcome.releases
            total.candidates += outcome.candidates
            total.pages += outcome.pages
            if outcome.pages and not outcome.releases:
                self.signal("listing_without_releases", self.absolute(start), "site.release_patterns",
                            f"the listing page {start} links to no URL that a release pattern matches"
                            + (f"; {outcome.candidates} of its links are checked by their content"
                               if outcome.candidates else " (its list may be drawn by JavaScript)"),
                            severity="warning", language=language)
        configured = self.site.get("sitemap") or []
        configured = [configured] if isinstance(configured, str) else configured
        all_sitemaps = sitemap_urls + [self.absolute(s) for s in configured]
        if use_sitemap:
            self.read_sitemaps(all_sitemaps, self._consider_entry)
        else:
            empty = sorted(lang for lang, o in by_language.items() if not o.releases)
            if empty:
                self._fall_back_on_sitemap(all_sitemaps, set(empty))
        self.result.pages = list(self.found.values())
        return self.result

    def _fall_back_on_sitemap(self, sitemaps: list[str], languages: set[str]) -> None:
        """A listing-only run whose listings showed no release: take the sitemap's newest entries instead."""
        keep = FALLBACK_PER_LISTING_PAGE * max(1, min(self.max_listing_pages, 10))
        newest: dict[str, list[tuple[str, int, str, str]]] = {lang: [] for lang in languages}
        counter = 0

        def on_entry(url: str, lastmod: str | None, found_in: str) -> None:
            nonlocal counter
            if lastmod is None:
                return
            match = release_match(self.profile, url)
            language = match.language if match else language_of_path(self.profile, urlsplit(url).path) or "en"
            if language not in newest or (match is None and (never_a_release(url) or url in self.listing_urls
                                                              or not in_press_folder(url))):
                return
            counter += 1
            heap = newest[language]
            item = (lastmod, -counter, url, found_in)  # the newest `keep` by lastmod; ties: first written wins
            if len(heap) < keep:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)

        self.read_sitemaps(sitemaps, on_entry)
        for language, heap in sorted(newest.items()):
            for lastmod, _, url, found_in in sorted(heap, reverse=True):
                self._consider_entry(url, lastmod, found_in)
            where = next((self.absolute(p) for p in self.site.get("listing_pages") or []
                          if language_of_path(self.profile, urlsplit(self.absolute(p)).path) == language), self.base + "/")
            self.signal("listing_fallback_sitemap", where, "site.listing_pages",
                        f"no listing page of language {language} showed a release link, so this listing-only run "
                        f"took the sitemap's {len(heap)} newest entries instead", severity="warning",
                        language=language)


_DOCTYPE_RE = re.compile(rb"<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)


def _parse_sitemap(body: bytes, max_bytes: int):
    """(root element, warnings). A sitemap needs no DTD: an internal subset (entity declarations: a billion-
    laughs bomb, say) is removed before parsing, so entries after the bomb are still read; what libxml2 could
    not read is returned as warnings, never dropped silently."""
    if body[:2] == b"\x1f\x8b":  # a .xml.gz served as is (not as Content-Encoding)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, max_bytes + 1)
        except zlib.error as exc:
            raise ValueError(f"broken gzip: {exc}") from exc
        if len(body) > max_bytes:
            raise ValueError(f"over {max_bytes} bytes uncompressed")
    warnings = []
    head = body[:65536]
    doctype = _DOCTYPE_RE.search(head)
    if doctype:
        if b"<!ENTITY" in doctype.group(0).upper():
            warnings.append("the sitemap declares XML entities (a possible entity bomb): the declarations were "
                            "ignored and entries that use them skipped; every other entry was read")
        body = body[: doctype.start()] + body[doctype.end():]
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, remove_comments=True,
                                  load_dtd=False)
    try:
        root = lxml.etree.fromstring(body, parser=parser)
    except lxml.etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML: {exc}") from exc
    if root is None:
        raise ValueError("not XML")
    errors = [e for e in parser.error_log if e.level >= lxml.etree.ErrorLevels.ERROR]
    if errors and not warnings:
        first = errors[0]
        warnings.append(f"{len(errors)} XML error(s), first at line {first.line}: {first.message}; "
                        "the entries that could be read were kept")
    return root, warnings


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
    max_discovered_urls: int | None = None,
) -> Discovery:
    """Find the release pages of the press room at `base_url` (default: the profile's).

    `languages`: keys of the profile (en, zh-hk, zh-cn) or codes (zh-hant, ...); None for all.
    `max_listing_pages`: pages followed per listing (default: the profile's listing.max_pages).
    `use_sitemap`: False reads only the listing pages (a quick look for new releases); a language whose
    listing shows no release link then falls back on the sitemap's newest entries (and says so in `signals`).
    `known` (url -> state with etag, last_modified, sha256) and `store`: robots, sitemaps and listings seen
    before are asked conditionally; on a 304 their body comes from the raw store, so an unchanged site
    answers every request of a run with 304. With `known`, a listing stops at a page whose releases are all known.
    `settings`: the sitemap limits, the listing-page fallback and the cap on discovered URLs (default: from the
    environment); `max_discovered_urls` overrides that cap.
    Never raises for network faults: they are in `fetches` (with their error), `notes` and `signals`.
    """
    discoverer = _Discoverer(session, profile, base_url, languages, max_listing_pages, known, store, settings,
                             max_discovered_urls)
    return discoverer.run(use_sitemap=use_sitemap)
