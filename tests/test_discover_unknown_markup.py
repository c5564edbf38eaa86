"""Discovery on markup the profile does not name, recognition by content, and the signals of drift.

Pages are served by a real loopback server; signals go through a real DuckDB file and the `site_drift` check.
"""

from __future__ import annotations

import copy

import pytest

import warehouse
from flows.discover import UNKNOWN_LAYOUT, discover
from flows.http import PoliteSession
from flows.loopback import LoopbackServer
from flows.profile import load_profile
from transforms.parsing.recognize import never_a_release, recognize_release

UA = "hkstp-monitor/0.1 (+https://github.com/hkstp-monitor; press-release figure monitor)"


@pytest.fixture(scope="module")
def profile():
    return load_profile()


def crawler() -> PoliteSession:
    return PoliteSession(UA, min_gap_s=0.0, timeout=(2, 2), retries=0, backoff_s=0.01, allowed_hosts={"127.0.0.1:*"})


def only(profile: dict, **site) -> dict:
    out = copy.deepcopy(profile)
    out["site"].update(site)
    return out


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><title>t</title>{head}</head><body>"
            '<div class="topbar"><a href="/about-us/">About</a> <a href="/contact/">Contact</a></div>'
            f"{body}<div class='bottom'><a href='/privacy/'>Privacy</a></div></body></html>")


def cards(slugs: list[str], prefix: str = "/news-room/") -> str:
    return "".join(f'<div class="card"><h4><a href="{prefix}{s}/">{s}</a></h4><span>3 Mar 2025</span></div>'
                   for s in slugs)


# -- recognition by content (pure) ------------------------------------------------------------------------

RELEASE_EN = page("<h1>Lab opens</h1><p>(Hong Kong, 6 October 2021) – The park opened a shared lab for 30 teams "
                  "of engineers today.</p><p>More text follows here for readers.</p>")
RELEASE_ZH = page("<h1>實驗室啟用</h1><p>(香港,2022年1月12日)香港科技園公司今日宣佈啟用一所供三十支團隊使用的共用實驗室。</p>")
WIRE = page("<h1>Copy</h1><p>HONG KONG, July 11, 2022 /PRNewswire/ — A park company said it raised funds from "
            "four investors.</p>")
EVENT = page("<h1>Robotics Open Day</h1><time datetime='2025-05-03'>3 May 2025</time><p>Come and see twenty robots "
             "at work in the atrium. Venue: Science Park. Register now, places are limited.</p>",
             '<meta property="og:type" content="article">')
STORY = page("<h1>A morning with a chip designer</h1><p>She arrives at seven, before the lab is awake, and "
             "starts the day with a simulation that ran overnight.</p>",
             '<meta property="article:published_time" content="2025-02-01">')
ARTICLE = page("<h1>Park widens its fund</h1><p class='when'>3 March 2025</p><p>The corporation has widened the "
               "scope of its venture fund to cover later rounds, a spokesperson said.</p>",
               '<meta property="og:type" content="article">')


@pytest.mark.parametrize("body, url, in_listing, expected, why", [
    (RELEASE_EN, "https://x.org/media/lab-opens", False, True, "release dateline"),
    (RELEASE_ZH, "https://x.org/zh-hk/media/lab", False, True, "release dateline"),
    (WIRE, "https://x.org/wire/copy", False, True, "newswire dateline (pr-newswire)"),
    (EVENT, "https://x.org/en/happenings/open-day/", True, False, "event or a job post"),
    (EVENT, "https://x.org/en/happenings/open-day/", False, False, "not linked from a press-room listing"),
    (STORY, "https://x.org/en/stories/chip/", False, False, "not linked from a press-room listing"),
    (ARTICLE, "https://x.org/en/media/fund/", True, True, "linked from a press-room listing and dated"),
    (ARTICLE, "https://x.org/en/media/fund/", False, False, "not linked from a press-room listing"),
    (RELEASE_EN, "https://x.org/about-us/", True, False, "about-us page"),
])
def test_a_page_is_a_release_by_its_dateline_or_as_a_dated_article_of_a_listing(body, url, in_listing, expected, why):
    verdict = recognize_release(body, url, in_listing=in_listing)
    assert (verdict.is_release, why in verdict.reason) == (expected, True), verdict


@pytest.mark.parametrize("url", ["https://x.org/about-us/", "https://x.org/zh-hk/contact-us/", "https://x.org/search/?q=a",
                                 "https://x.org/tag/ai/", "https://x.org/en/careers/engineer/", "https://x.org/",
                                 "https://x.org/en/", "https://x.org/files/annual-report.pdf",
                                 "https://x.org/news-room/page/2/", "https://x.org/news?page=3",
                                 "https://x.org/news-room/media-kit/photos/"])
def test_pages_that_are_never_releases_are_known_from_their_url(url):
    assert never_a_release(url)


def test_a_release_url_is_not_refused_for_a_word_inside_its_slug():
    assert never_a_release("https://x.org/news-room/hkstp-joins-search-for-talent/") is None


@pytest.mark.parametrize("url, expected", [
    ("https://x.org/en/media-centre/press-releases/lab", True), ("https://x.org/zh-hk/新聞稿/lab/", True),
    ("https://x.org/en/newsroom/lab", True), ("https://x.org/en/our-community/programmes/lab/", False),
    ("https://x.org/en/company-directory/acme/", False), ("https://x.org/en/lab-news/", False),
])
def test_sitemap_urls_are_offered_for_recognition_only_under_a_press_room_folder(url, expected):
    from transforms.parsing.recognize import in_press_folder

    assert in_press_folder(url) is expected


# -- listing pages of markup the profile does not name -----------------------------------------------------


def test_release_links_anywhere_and_every_pagination_style_are_followed(profile):
    routes = {
        "/robots.txt": "",
        # page 1: numbered pages only
        "/news-room/": page(cards(["a", "b"]) + '<p class="pg"><b>1</b> <a href="/news-room/p/2/">2</a></p>'),
        # page 2: rel=next in the head
        "/news-room/p/2/": page(cards(["c"]), '<link rel="next" href="/news-room/p/3/">'),
        # page 3: an "Older ›" link
        "/news-room/p/3/": page(cards(["d"]) + '<a class="go" href="/news-room/p/4/">Older ›</a>'),
        # page 4: a Chinese 下一頁 link, to a page with no release link (the list ends there)
        "/news-room/p/4/": page(cards(["e"]) + '<a href="/news-room/p/5/">下一頁</a>'),
        "/news-room/p/5/": page("<p>No more releases.</p>"),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url, use_sitemap=False)
        requested = server.requested_paths()
        capped = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url, use_sitemap=False,
                          max_listing_pages=2)
    assert [p.slug for p in found.pages] == ["a", "b", "c", "d", "e"]
    assert requested == ["/robots.txt", "/news-room/", "/news-room/p/2/", "/news-room/p/3/", "/news-room/p/4/",
                         "/news-room/p/5/"]
    assert [p.slug for p in capped.pages] == ["a", "b", "c"]
    assert found.signals == []  # release links were found: the site fits its profile


def test_an_incremental_run_stops_at_the_first_listing_page_whose_releases_are_all_known(profile):
    routes = {
        "/robots.txt": "",
        "/news-room/": page(cards(["new-one", "old-1"]) + '<a href="/news-room/p/2/">Next</a>'),
        "/news-room/p/2/": page(cards(["old-2", "old-3"]) + '<a href="/news-room/p/3/">Next</a>'),
        "/news-room/p/3/": page(cards(["old-4"])),
    }
    with LoopbackServer(routes=routes) as server:
        known = {server.url(f"/news-room/{s}/"): object() for s in ("old-1", "old-2", "old-3", "old-4")}
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url, use_sitemap=False,
                         known=known)
        requested = server.requested_paths()
    assert "/news-room/p/3/" not in requested and "/news-room/p/2/" in requested
    assert [p.slug for p in found.pages] == ["new-one", "old-1", "old-2", "old-3"]


def test_a_listing_of_moved_links_offers_them_for_recognition_and_says_so(profile):
    routes = {
        "/robots.txt": "",
        "/news-room/": page(cards(["lab-opens", "fund"], prefix="/en/media/")),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"], sitemap=[]), server.base_url)
        off = discover(crawler(), only(profile, listing_pages=["/news-room/"], sitemap=[], recognize_by_content=False),
                       server.base_url)
    assert [(p.layout, p.by_content, p.in_listing, p.slug) for p in found.pages] == [
        (UNKNOWN_LAYOUT, True, True, "lab-opens"), (UNKNOWN_LAYOUT, True, True, "fund")]
    assert [s.kind for s in found.signals] == ["listing_without_releases"]
    assert not any("about-us" in p.url or "contact" in p.url or "privacy" in p.url for p in found.pages)
    assert off.pages == []  # the profile turned recognition by content off


def test_a_profile_listing_page_answering_404_is_a_site_drift_finding_naming_url_and_key(profile, tmp_path):
    db = tmp_path / "wh.duckdb"
    with LoopbackServer(routes={"/robots.txt": ""}) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"], sitemap=[]), server.base_url)
    assert [(s.kind, s.url, s.profile_key) for s in found.signals] == [
        ("listing_unreachable", server.url("/news-room/"), "site.listing_pages")]

    warehouse.record_site_run(db, "run-1", found.signals, listing_only=False)
    first = warehouse.run_checks(db)
    drift = [f for f in first.new_findings if f["check_name"] == "site_drift"]
    assert len(drift) == 1
    assert drift[0]["new_url"] == server.url("/news-room/") and drift[0]["old_text"] == "site.listing_pages"
    assert "404" in drift[0]["new_text"] and "site.listing_pages" in drift[0]["new_text"]
    assert warehouse.run_checks(db).new_findings == []  # the same finding, never a duplicate

    warehouse.record_site_run(db, "run-2", [], listing_only=False)  # the listing is back: nothing current
    _, rows = warehouse.query(db, "select is_current from findings where check_name = 'site_drift'")
    warehouse.run_checks(db)
    _, rows = warehouse.query(db, "select is_current from findings where check_name = 'site_drift'")
    assert rows == [(False,)]


# -- sitemaps: caps and bombs ----------------------------------------------------------------------------


def urlset(locs: list[str], doctype: str = "") -> str:
    rows = "".join(f"<url><loc>{loc}</loc><lastmod>2025-01-0{i % 9 + 1}</lastmod></url>" for i, loc in enumerate(locs))
    return (f'<?xml version="1.0"?>{doctype}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{rows}</urlset>")


BOMB = ('<!DOCTYPE urlset [<!ENTITY l0 "lol">'
        + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10)) + "]>")


def test_a_sitemap_entity_bomb_keeps_every_entry_after_it_and_is_recorded_as_a_problem(profile, tmp_path):
    locs = ["https://www.hkstp.org/news-room/before/", "&l9;", "https://www.hkstp.org/news-room/after-1/",
            "https://www.hkstp.org/news-room/after-2/"]
    with LoopbackServer(routes={"/robots.txt": "", "/sitemap.xml": urlset(locs, BOMB)}) as server:
        found = discover(crawler(), only(profile, listing_pages=[]), server.base_url)
    assert [p.slug for p in found.pages] == ["before", "after-1", "after-2"]
    assert [(s.kind, s.drift) for s in found.signals] == [("sitemap_damaged", False)]
    assert "entity" in found.signals[0].detail

    db = tmp_path / "wh.duckdb"
    warehouse.record_site_run(db, "run-1", found.signals, listing_only=False)
    _, rows = warehouse.query(db, "select stage, url from problems")
    assert rows == [("discover", server.url("/sitemap.xml"))]
    assert [f for f in warehouse.run_checks(db).new_findings if f["check_name"] == "site_drift"] == []


def test_discovery_stops_at_the_cap_of_release_urls_and_records_it(profile):
    locs = [f"https://www.hkstp.org/news-room/release-{i}/" for i in range(20)]
    with LoopbackServer(routes={"/robots.txt": "", "/sitemap.xml": urlset(locs)}) as server:
        found = discover(crawler(), only(profile, listing_pages=[]), server.base_url, max_discovered_urls=5)
    assert len(found.pages) == 5
    assert [(s.kind, s.drift, s.profile_key) for s in found.signals] == [
        ("discovery_capped", False, "HKSTP_MAX_DISCOVERED_URLS")]


def test_a_sitemap_of_unknown_urls_is_drift_and_its_pages_are_candidates(profile):
    locs = [f"https://www.hkstp.org/en/media-centre/item-{i}" for i in range(6)] + ["https://www.hkstp.org/about-us/"]
    with LoopbackServer(routes={"/robots.txt": "", "/sitemap.xml": urlset(locs)}) as server:
        found = discover(crawler(), only(profile, listing_pages=[]), server.base_url)
    assert [s.kind for s in found.signals] == ["sitemap_unmatched"]
    assert "6 of 6" in found.signals[0].detail
    assert sorted(p.slug for p in found.pages) == [f"item-{i}" for i in range(6)]
    assert all(p.by_content and not p.in_listing for p in found.pages)


# -- drift seen in parsed pages ------------------------------------------------------------------------------


def _parsed(profile, url: str, html: str):
    from flows.discover import DiscoveredPage
    from flows.monitor import document_result

    doc = document_result(html.encode(), url, "text/html", profile, sha=url, fetched_at="2025-06-01T00:00:00+00:00")
    page_ = DiscoveredPage(url, "news-room", "en", url.rstrip("/").rsplit("/", 1)[-1], None, "sitemap")
    return page_, doc


NEWS_ROOM = ('<!DOCTYPE html><html><head><title>x</title></head><body><article class="news-article">{title}{date}'
             '<div class="news-content"><p>(Hong Kong, 3 March 2025) – The corporation opened a lab for forty teams '
             'of engineers, its third this year, and said more would follow in the coming months.</p>'
             '<p>Another paragraph with enough words to count as the text of a release for the parser.</p>'
             '</div></article></body></html>')


def test_a_known_layout_whose_title_or_date_element_moved_is_drift(profile):
    from flows.drift import parsed_signals, title_missing

    urls = [f"https://www.hkstp.org/news-room/lab-{i}/" for i in range(3)]
    no_date = [_parsed(profile, u, NEWS_ROOM.format(title='<h1 class="news-title">Lab opens</h1>', date=""))
               for u in urls]
    pages, docs = [p for p, _ in no_date], [d for _, d in no_date]
    assert {d.release.layout for d in docs} == {"news-room"} and {d.release.date_source for d in docs} == {"dateline"}
    signals = parsed_signals(pages, docs, profile, prior_generic=(0, 0), generic_jump=0.3)
    assert [(s.kind, s.profile_key, s.url) for s in signals] == [("layout_date_missing", "layouts.news-room.date", urls[0])]

    bodies = {u: NEWS_ROOM.format(title='<h1 class="headline">Lab opens</h1>',
                                  date='<p class="news-date">3 Mar 2025</p>').encode() for u in urls}
    no_title = [_parsed(profile, u, bodies[u].decode()) for u in urls]
    pages, docs = [p for p, _ in no_title], [d for _, d in no_title]
    assert {d.release.layout for d in docs} == {"generic"}  # the title moved: the parser fell back
    found = title_missing(pages, docs, profile, bodies.__getitem__)
    assert [(s.kind, s.profile_key) for s in found] == [("layout_title_missing", "layouts.news-room.title")]
    jump = parsed_signals(pages, docs, profile, prior_generic=(1, 40), generic_jump=0.3)
    assert [s.kind for s in jump] == ["generic_share_jump"]
    assert parsed_signals(pages, docs, profile, prior_generic=(0, 0), generic_jump=0.3) == []  # no history: no jump


def test_a_listing_drawn_by_javascript_makes_a_listing_only_run_take_the_newest_sitemap_entries(profile):
    js_listing = page('<div id="app"></div><script>fetch("/api/news").then(draw)</script>')
    entries = "".join(
        f"<url><loc>https://www.hkstp.org/news-room/release-{i:02d}/</loc><lastmod>2025-{1 + i // 28:02d}-{1 + i % 28:02d}"
        "</lastmod></url>" for i in range(40))
    sitemap = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    routes = {"/robots.txt": "", "/news-room/": js_listing, "/sitemap.xml": sitemap}
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url, languages=["en"],
                         max_listing_pages=1, use_sitemap=False)
    assert [p.slug for p in found.pages] == [f"release-{i:02d}" for i in range(39, 19, -1)]  # the 20 newest
    assert [s.kind for s in found.signals] == ["listing_without_releases", "listing_fallback_sitemap"]
    assert all(s.url == server.url("/news-room/") and s.drift for s in found.signals)


def test_a_site_drift_alert_line_says_what_where_and_which_key():
    from flows.findingtext import finding_line

    line = finding_line({"check_name": "site_drift", "severity": "warning", "new_url": "https://x.org/news-room/",
                         "new_text": "the listing page /news-room/ answered HTTP 404. Update the site profile: "
                                     "site.listing_pages."})
    assert line == ("[warning] site_drift: the listing page /news-room/ answered HTTP 404. Update the site profile: "
                    "site.listing_pages. https://x.org/news-room/")
