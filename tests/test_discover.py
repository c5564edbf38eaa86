"""Site profile and discovery (robots.txt, sitemaps, listing pages) against a real loopback server."""

from __future__ import annotations

import copy
import gzip
from pathlib import Path

import pytest

from flows.discover import discover
from flows.http import PoliteSession
from flows.profile import load_profile, release_match
from flows.loopback import LoopbackServer
from transforms.errors import ProfileError

UA = "hkstp-monitor/0.1 (+https://github.com/hkstp-monitor; press-release figure monitor)"


# -- the profile ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def profile():
    return load_profile()


@pytest.mark.parametrize(
    "url, layout, language, slug",
    [
        ("https://www.hkstp.org/press-room/hkstp-welcomes-new-tenants/", "press-room", "en", "hkstp-welcomes-new-tenants"),
        ("https://www.hkstp.org/news-room/over-10-unicorns-in-the-park/", "news-room", "en", "over-10-unicorns-in-the-park"),
        ("https://www.hkstp.org/news-room/over-10-unicorns-in-the-park", "news-room", "en", "over-10-unicorns-in-the-park"),
        ("https://www.hkstp.org/zh-hk/news-room/over-10-unicorns-in-the-park/", "news-room", "zh-hant", "over-10-unicorns-in-the-park"),
        ("https://www.hkstp.org/zh-cn/press-room/over-10-unicorns-in-the-park/", "press-room", "zh-hans", "over-10-unicorns-in-the-park"),
        ("https://www.hkstp.org/en/park-life/news-and-events/news/innoex-2024", "park-life", "en", "innoex-2024"),
        ("https://www.hkstp.org/park-life/news-and-events/news/innoex-2024", "park-life", "en", "innoex-2024"),
        ("https://www.hkstp.org/zh-hk/park-life/news-and-events/news/innoex-2024", "park-life", "zh-hant", "innoex-2024"),
        ("https://www.hkstp.org/zh-cn/our-community/events-and-happenings/open-day/", "events", "zh-hans", "open-day"),
        ("https://www.hkstp.org/zh-hk/news-room/%E7%A7%91%E6%8A%80%E5%9C%92/", "news-room", "zh-hant", "科技園"),
    ],
)
def test_release_urls_of_every_generation_are_recognised(profile, url, layout, language, slug):
    match = release_match(profile, url)
    assert match is not None
    assert (match.url, match.layout, match.language, match.slug) == (url, layout, language, slug)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.hkstp.org/",
        "https://www.hkstp.org/news-room/",
        "https://www.hkstp.org/news-room/page/2/",
        "https://www.hkstp.org/zh-cn/press-room/",
        "https://www.hkstp.org/about-us/",
        "https://www.hkstp.org/news-room/some-slug/photos/",
        "https://www.hkstp.org/park-life/news-and-events/",
        "mailto:media@example.invalid",
    ],
)
def test_other_pages_are_not_releases(profile, url):
    assert release_match(profile, url) is None


def test_the_bundled_profile_loads_by_default_and_by_name(profile):
    assert profile["name"] == "hkstp"
    assert load_profile("hkstp")["site"]["hosts"] == ["www.hkstp.org", "hkstp.org"]


def write_profile(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "room.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_SITE = """
site:
  base_url: https://press.example.org
  user_agent: "room-monitor/1.0"
  languages: {en: {url_prefix: "", code: en}}
  release_patterns: {news: '^/news/(?P<slug>[^/]+)/$'}
  listing_pages: [/news/]
  listing: {link_selector: "ul a[href]", next_selector: "a.next"}
"""


def test_another_press_room_needs_only_a_profile_file(tmp_path):
    profile = load_profile(write_profile(tmp_path, GOOD_SITE))
    assert profile["name"] == "room"
    assert profile["site"]["hosts"] == ["press.example.org"]
    assert release_match(profile, "https://press.example.org/news/budget-day/").slug == "budget-day"


@pytest.mark.parametrize(
    "change, message",
    [
        (("user_agent: \"room-monitor/1.0\"", "user_agent: ''"), "site.user_agent: must name the crawler"),
        (("(?P<slug>[^/]+)", "([^/]+)"), r"site.release_patterns.news: needs a named group \(\?P<slug>"),
        (("(?P<slug>[^/]+)", "(?P<slug>[^/]+"), "site.release_patterns.news: bad regular expression"),
        (("code: en", "code: english"), "site.languages.en: needs `code:` one of en, zh-hant, zh-hans"),
        (("ul a[href]", "ul a[[href"), "site.listing.link_selector: bad CSS selector"),
        (("https://press.example.org", "press.example.org"), "site.base_url: must be an http"),
    ],
)
def test_a_broken_profile_says_which_key_is_wrong(tmp_path, change, message):
    path = write_profile(tmp_path, GOOD_SITE.replace(*change))
    with pytest.raises(ProfileError, match=message) as info:
        load_profile(path)
    assert str(path) in str(info.value)


def test_a_missing_profile_names_the_bundled_ones(tmp_path):
    with pytest.raises(ProfileError, match="not found.*bundled: .*hkstp"):
        load_profile("no-such-room")
    with pytest.raises(ProfileError, match="not valid YAML"):
        load_profile(write_profile(tmp_path, "site: [unclosed"))


# -- discovery --------------------------------------------------------------------------------------


def listing(links: list[str], next_href: str | None = None) -> str:
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    nxt = f'<a class="next" href="{next_href}">Next</a>' if next_href else ""
    return (
        '<html><body><header><nav><a href="/about-us/">About</a><a href="/news-room/">News</a></nav></header>'
        f'<main><ul class="news-list">{items}</ul>{nxt}</main><footer><a href="/contact/">Contact</a></footer></body></html>'
    )


def urlset(entries: list[tuple[str, str | None]]) -> str:
    rows = "".join(
        f"<url><loc>{loc}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</url>" for loc, lastmod in entries
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'


def crawler(**overrides) -> PoliteSession:
    options = dict(min_gap_s=0.02, timeout=(2, 2), retries=1, backoff_s=0.02, allowed_hosts={"127.0.0.1:*"})
    options.update(overrides)
    return PoliteSession(UA, **options)


def only(profile: dict, **site) -> dict:
    """A copy of the profile with some `site` keys replaced."""
    out = copy.deepcopy(profile)
    out["site"].update(site)
    return out


def test_robots_disallow_for_our_agent_is_obeyed_and_its_sitemap_line_used(profile):
    robots = (
        "User-agent: hkstp-monitor\nDisallow: /news-room/embargoed-\nDisallow: /drafts/\n\n"
        "User-agent: *\nDisallow: /\n\n"  # other robots are shut out; our own group is what counts
        "Sitemap: https://www.hkstp.org/maps/index.xml\n"
    )
    routes = {
        "/robots.txt": robots,
        "/maps/index.xml": urlset(
            [
                ("https://www.hkstp.org/news-room/open-day/", "2024-06-21"),
                ("https://www.hkstp.org/news-room/embargoed-results/", "2024-06-22"),
                ("https://www.hkstp.org/about-us/", None),
            ]
        ),
        "/news-room/": listing(["/news-room/open-day/", "/news-room/embargoed-results/", "/drafts/x/"]),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url)
        requested = server.requested_paths()

    assert [(p.url, p.lastmod, p.found_in) for p in found.pages] == [
        (server.url("/news-room/open-day/"), "2024-06-21", server.url("/news-room/"))
    ]
    assert (server.url("/news-room/embargoed-results/"), "disallowed by robots.txt") in found.skipped
    assert requested == ["/robots.txt", "/news-room/", "/maps/index.xml", "/sitemap.xml"]
    statuses = {r.url.removeprefix(server.base_url): (r.status, r.error) for r in found.fetches}
    assert statuses["/sitemap.xml"] == (404, "http 404")  # the profile's default sitemap is absent here
    assert statuses["/maps/index.xml"] == (200, None)


def test_sitemap_index_with_gzip_urlset_and_hreflang_alternates(profile):
    zh_urlset = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        "<url><loc>https://www.hkstp.org/zh-hk/news-room/robotics-week/</loc><lastmod>2025-03-17T09:00:00+08:00</lastmod>"
        '<xhtml:link rel="alternate" hreflang="zh-cn" href="https://www.hkstp.org/zh-cn/press-room/robotics-week/"/>'
        "</url></urlset>"
    )
    routes = {
        "/robots.txt": "User-agent: *\nAllow: /\n",
        "/sitemap.xml": (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<sitemap><loc>https://www.hkstp.org/sitemap-en.xml</loc></sitemap>"
            "<sitemap><loc>/sitemap-zh.xml.gz</loc></sitemap>"
            "<sitemap><loc>https://www.hkstp.org/sitemap.xml</loc></sitemap>"  # a loop is not followed twice
            "</sitemapindex>"
        ),
        "/sitemap-en.xml": urlset(
            [
                ("https://www.hkstp.org/news-room/robotics-week/", "2025-03-17"),
                ("https://www.hkstp.org/en/park-life/news-and-events/news/robotics-week-recap", None),
                ("https://www.hkstp.org/park-life/news-and-events/news/robotics-week-recap", "2025-03-20"),
            ]
        ),
        "/sitemap-zh.xml.gz": gzip.compress(zh_urlset.encode()),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=[]), server.base_url)
        requested = server.requested_paths()

    by_language = {(p.language, p.layout): p for p in found.pages}
    assert sorted(by_language) == [
        ("en", "news-room"),
        ("en", "park-life"),
        ("zh-hans", "press-room"),
        ("zh-hant", "news-room"),
    ]
    # one release under two URLs (with and without /en/) is kept once, and gains the later lastmod
    assert by_language["en", "park-life"].url == server.url("/en/park-life/news-and-events/news/robotics-week-recap")
    assert by_language["en", "park-life"].lastmod == "2025-03-20"
    assert by_language["zh-hant", "news-room"].lastmod == "2025-03-17T09:00:00+08:00"
    assert by_language["zh-hans", "press-room"].found_in == server.url("/sitemap-zh.xml.gz")
    assert all(p.url.startswith(server.base_url) for p in found.pages)  # production links read as the mirror's
    assert by_language["zh-hant", "news-room"].site_url == "https://www.hkstp.org/zh-hk/news-room/robotics-week/"
    assert requested == ["/robots.txt", "/sitemap.xml", "/sitemap-en.xml", "/sitemap-zh.xml.gz"]


def paginated_routes(prefix: str, pages: int, per_page: int = 2) -> dict[str, str]:
    routes = {}
    for n in range(1, pages + 1):
        path = prefix if n == 1 else f"{prefix}page/{n}/"
        links = [f"{prefix}release-{n}-{i}/" for i in range(per_page)]
        nxt = f"{prefix}page/{n + 1}/" if n < pages else None
        routes[path] = listing(links, nxt)
    return routes


def test_listing_pages_are_followed_page_by_page_per_language(profile):
    routes = {"/robots.txt": "User-agent: *\nDisallow:\n"}
    routes |= paginated_routes("/news-room/", 3)
    routes |= paginated_routes("/zh-hk/news-room/", 2)
    routes |= paginated_routes("/zh-cn/press-room/", 2)
    with LoopbackServer(routes=routes) as server:
        everything = discover(crawler(), profile, server.base_url)
        server.clear_log()
        chinese = discover(crawler(), profile, server.base_url, languages=["zh-hk"])
        zh_requested = server.requested_paths()
        server.clear_log()
        first_pages = discover(crawler(), profile, server.base_url, max_listing_pages=1)
        first_requested = server.requested_paths()

    assert len(everything.pages) == 14
    assert {p.language for p in everything.pages} == {"en", "zh-hant", "zh-hans"}
    assert [p.slug for p in everything.pages[:3]] == ["release-1-0", "release-1-1", "release-2-0"]  # newest first
    assert {p.language for p in chinese.pages} == {"zh-hant"} and len(chinese.pages) == 4
    assert zh_requested == ["/robots.txt", "/zh-hk/news-room/", "/zh-hk/news-room/page/2/", "/sitemap.xml"]
    assert len(first_pages.pages) == 6
    assert "/news-room/page/2/" not in first_requested


def test_a_pagination_loop_ends(profile):
    routes = {
        "/robots.txt": "",
        "/news-room/": listing(["/news-room/a/"], "/news-room/page/2/"),
        "/news-room/page/2/": listing(["/news-room/b/"], "/news-room/"),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url)
        assert [p.slug for p in found.pages] == ["a", "b"]
        assert server.requested_paths().count("/news-room/") == 1


def test_off_site_links_and_a_broken_listing_are_recorded_not_followed(profile):
    routes = {
        "/robots.txt": "",
        "/news-room/": listing(["/news-room/missing-page/", "https://newswire.example.com/news-room/copy/"], "/news-room/page/2/"),
    }
    with LoopbackServer(routes=routes) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url)
        requested = server.requested_paths()

    # a release that will answer 404 is still found here: the monitor fetches it and records the 404
    assert [p.slug for p in found.pages] == ["missing-page"]
    assert ("https://newswire.example.com/news-room/copy/", "off-site host") in found.skipped
    listing_2 = [r for r in found.fetches if r.url == server.url("/news-room/page/2/")]
    assert [(r.status, r.error) for r in listing_2] == [(404, "http 404")]
    assert f"listing page {server.url('/news-room/page/2/')}: http 404" in found.notes
    assert "/news-room/missing-page/" not in requested


def test_an_unreachable_robots_txt_stops_discovery(profile):
    with LoopbackServer(routes={"/news-room/": listing(["/news-room/a/"])}) as server:
        server.fault("/robots.txt", [503], forever=True)
        found = discover(crawler(retries=1), profile, server.base_url)
        requested = server.requested_paths()

    assert found.pages == []
    assert requested == ["/robots.txt", "/robots.txt"]
    assert [r.error for r in found.fetches] == ["http 503"]
    assert found.notes == ["robots.txt unreachable (http 503): nothing else requested; try again later"]


def test_a_missing_robots_txt_allows_everything(profile):
    with LoopbackServer(routes={"/news-room/": listing(["/news-room/a/"])}) as server:
        found = discover(crawler(), only(profile, listing_pages=["/news-room/"]), server.base_url)
    assert [p.slug for p in found.pages] == ["a"]
    assert found.fetches[0].error == "http 404"


def test_crawl_delay_raises_the_gap_for_that_host(profile):
    with LoopbackServer(routes={"/robots.txt": "User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n"}) as server:
        session = crawler()
        discover(session, only(profile, listing_pages=[], sitemap=[]), server.base_url)
        assert server.requested_paths() == ["/robots.txt"]
        assert session.gap_for(f"127.0.0.1:{server.base_url.rsplit(':', 1)[1]}") == 3.0


def test_an_unknown_language_is_a_clear_error(profile):
    with pytest.raises(ProfileError, match="language 'fr' is not in the site profile"):
        discover(crawler(), profile, "http://127.0.0.1:9", languages=["fr"])
