"""A whole crawl of a generated press room (60 releases, 3 languages, paginated listings, a sitemap index),
with the building blocks the monitor uses: discover, PoliteSession.fetch, RawStore.

What must hold: each release found and fetched once; non-release pages and robots-disallowed paths never
requested; no two requests closer than the configured gap; a second crawl with the validators of the
first is answered 304 throughout and stores nothing new.
"""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from flows.discover import discover
from flows.http import PoliteSession
from flows.profile import load_profile
from flows.rawstore import RawStore
from flows.loopback import LoopbackServer

GAP_S = 0.03
PER_LISTING_PAGE = 8
PROD = "https://www.hkstp.org"  # the sample files link to production; discovery reads that as the mirror
ROBOTS = f"""# sample press room
User-agent: hkstp-monitor
Disallow: /news-room/embargoed-
Disallow: /zh-hk/news-room/draft-
Disallow: /admin/

User-agent: *
Disallow: /

Sitemap: {PROD}/sitemap.xml
"""


def release_paths() -> dict[str, list[str]]:
    """The site's releases by listing: en news-room and press-room, zh-hk news-room, zh-cn press-room,
    plus en park-life releases that only the sitemap knows."""
    slugs = [f"park-figures-update-{n:02d}" for n in range(18)]
    return {
        "/news-room/": [f"/news-room/{s}/" for s in slugs[:12]] + [f"/press-room/{s}/" for s in slugs[12:]],
        "/zh-hk/news-room/": [f"/zh-hk/news-room/{s}/" for s in slugs],
        "/zh-cn/press-room/": [f"/zh-cn/press-room/{s}/" for s in slugs],
        "sitemap-only": [f"/en/park-life/news-and-events/news/innovation-story-{n}" for n in range(6)],
    }


DISALLOWED = ["/news-room/embargoed-annual-results/", "/zh-hk/news-room/draft-open-day/"]
NON_RELEASES = ["/about-us/", "/contact/", "/admin/login/", "/news-room/media-kit/photos/", "/zh-hk/about-us/"]


def page_html(title: str, links: str = "", nxt: str | None = None) -> str:
    nav = '<header><nav><a href="/about-us/">About</a><a href="/contact/">Contact</a></nav></header>'
    more = f'<a class="next" href="{nxt}">Next page</a>' if nxt else ""
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>{nav}"
        f'<div class="cookie-banner">Cookies</div><main><h1>{title}</h1>'
        f'<ul class="news-list">{links}</ul>{more}</main><footer><a href="/admin/login/">Staff</a></footer></body></html>'
    )


def write(root: Path, path: str, content: str | bytes) -> None:
    target = root / path.lstrip("/")
    if path.endswith("/") or "." not in path.rsplit("/", 1)[-1]:
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode() if isinstance(content, str) else content)


def build_site(root: Path) -> set[str]:
    """Write the sample press room under `root`; return the paths of the releases a crawl must find."""
    groups = release_paths()
    releases = {p for paths in groups.values() for p in paths}
    for path in releases | set(DISALLOWED) | set(NON_RELEASES):
        write(root, path, page_html(f"Page {path}"))

    for listing, paths in groups.items():
        if listing == "sitemap-only":
            continue
        paths = list(paths)
        if listing == "/news-room/":
            paths.insert(3, DISALLOWED[0])
            paths.insert(5, "/news-room/media-kit/photos/")  # in the list, but not a release
        if listing == "/zh-hk/news-room/":
            paths.insert(0, DISALLOWED[1])
        chunks = [paths[i : i + PER_LISTING_PAGE] for i in range(0, len(paths), PER_LISTING_PAGE)]
        assert len(chunks) >= 3
        for n, chunk in enumerate(chunks, start=1):
            here = listing if n == 1 else f"{listing}page/{n}/"
            nxt = f"{listing}page/{n + 1}/" if n < len(chunks) else None
            # links come relative, absolute to production, and with fragments: all one release each
            links = "".join(
                f'<li><a href="{PROD + p if i % 3 == 0 else p}{"#top" if i % 4 == 1 else ""}">{p}</a></li>'
                for i, p in enumerate(chunk)
            )
            write(root, here, page_html(f"Listing {here}", links, nxt))

    en = [(p, f"2024-{1 + n % 12:02d}-15") for n, p in enumerate(groups["/news-room/"] + groups["sitemap-only"])]
    en += [(p, None) for p in NON_RELEASES + [DISALLOWED[0]] + ["/news-room/", "/news-room/page/2/"]]
    zh = [(p, "2025-03-17T09:00:00+08:00") for p in groups["/zh-hk/news-room/"] + groups["/zh-cn/press-room/"]]
    zh += [(DISALLOWED[1], None)]
    write(root, "/sitemap-en.xml", urlset(en))
    write(root, "/sitemap-zh.xml.gz", gzip.compress(urlset(zh).encode()))
    write(
        root,
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{PROD}/sitemap-en.xml</loc></sitemap><sitemap><loc>{PROD}/sitemap-zh.xml.gz</loc></sitemap>"
        "</sitemapindex>",
    )
    write(root, "/robots.txt", ROBOTS)
    return releases


def urlset(entries) -> str:
    rows = "".join(f"<url><loc>{PROD}{p}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>" for p, m in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    releases = build_site(root)
    with LoopbackServer(root=root) as server:
        yield server, releases


def test_a_full_crawl_finds_each_release_once_and_touches_nothing_else(site, tmp_path):
    server, releases = site
    profile = load_profile()
    session = PoliteSession.from_profile(profile, server.base_url, min_gap_s=GAP_S, timeout=(2, 5), retries=1)
    store = RawStore(tmp_path / "raw")

    found = discover(session, profile, server.base_url)
    fetched = {page.url: session.fetch(page.url) for page in found.pages}
    for result in fetched.values():
        store.put(result.body)
    log = server.log

    # each release found once, with its language and generation
    found_paths = [p.url.removeprefix(server.base_url) for p in found.pages]
    assert len(found.pages) == len(releases) == 60
    assert sorted(found_paths) == sorted(releases)
    assert Counter(p.language for p in found.pages) == {"en": 24, "zh-hant": 18, "zh-hans": 18}
    assert Counter(p.layout for p in found.pages) == {"news-room": 30, "press-room": 24, "park-life": 6}
    assert all(p.lastmod for p in found.pages if "park-life" in p.url)

    # every release fetched exactly once, and stored
    release_requests = Counter(e.path for e in log if e.path in releases)
    assert release_requests == Counter({path: 1 for path in releases})
    assert all(r.ok and r.record.status == 200 for r in fetched.values())
    assert len(list(store)) == 60

    # nothing but robots.txt, sitemaps, listing pages and releases was asked for
    requested = {e.path for e in log}
    site_files = {"/robots.txt", "/sitemap.xml", "/sitemap-en.xml", "/sitemap-zh.xml.gz"}
    listings = {path for path in requested - releases - site_files}
    assert all(p.endswith(("/news-room/", "/press-room/")) or "/page/" in p for p in listings), listings
    assert len(listings) == 9  # three paginated listings of three pages
    assert not requested & (set(DISALLOWED) | set(NON_RELEASES))
    assert {url.removeprefix(server.base_url) for url, why in found.skipped if why == "disallowed by robots.txt"} == set(DISALLOWED)
    assert all(e.headers.get("User-Agent", "").startswith("hkstp-monitor/") for e in log)

    # politeness: the server never saw two requests closer than the configured gap
    assert len(log) == 1 + 3 + 9 + 60
    assert server.min_gap_s() >= GAP_S

    # every request discovery made is on record, with what the server answered
    assert len(found.fetches) == 1 + 3 + 9 and all(r.status == 200 for r in found.fetches)


def test_a_second_crawl_with_the_validators_is_all_304_and_stores_nothing(site, tmp_path):
    server, releases = site
    profile = load_profile()
    session = PoliteSession.from_profile(profile, server.base_url, min_gap_s=GAP_S, timeout=(2, 5), retries=1)
    store = RawStore(tmp_path / "raw")
    pages = discover(session, profile, server.base_url).pages
    known = {}
    for page in pages:
        result = session.fetch(page.url)
        known[page.url] = (result.record.etag, result.record.last_modified, store.put(result.body))
    stored_before = sorted(store)
    server.clear_log()

    again = discover(session, profile, server.base_url).pages
    second = {page.url: session.fetch(page.url, etag=known[page.url][0], last_modified=known[page.url][1]) for page in again}

    assert [p.url for p in again] == [p.url for p in pages]  # the same URLs, in the same order: known pages match up
    assert all(r.not_modified and r.record.status == 304 and r.body is None for r in second.values())
    assert all(r.record.etag == known[url][0] for url, r in second.items())
    assert sorted(store) == stored_before
    release_log = [e for e in server.log if e.path in releases]
    assert len(release_log) == 60
    assert [(e.path, e.status) for e in release_log if not (e.headers.get("If-None-Match") and e.status == 304)] == []
    assert server.min_gap_s() >= GAP_S


def test_a_release_listed_but_gone_is_found_and_its_404_recorded(site, tmp_path):
    server, releases = site
    gone = "/zh-cn/press-room/park-figures-update-07/"
    (Path(server.root) / gone.strip("/") / "index.html").unlink()
    profile = load_profile()
    session = PoliteSession.from_profile(profile, server.base_url, min_gap_s=GAP_S, retries=1)

    pages = discover(session, profile, server.base_url, languages=["zh-cn"]).pages
    results = {page.url.removeprefix(server.base_url): session.fetch(page.url) for page in pages}

    assert len(pages) == 18
    assert results[gone].record.error == "http 404"
    assert sum(1 for r in results.values() if r.ok) == 17
