"""Hostile input, round 2 (issue 24), against a real loopback press room and a real DuckDB file: a page that
claims to be another release, invisible characters inside a figure, a robots.txt with wildcards and a day-long
Crawl-delay, dates from the future. What the user sees: the real release keeps its history, no false finding,
no request to a disallowed URL, and a row in `problems` saying what was refused."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

import warehouse
from flows.loopback import LoopbackServer, Page
from flows.monitor import monitor

SITE = "https://www.hkstp.org"


def news_page(slug: str, title: str, day: str, companies: str, *, lang: str = "en", canonical: str | None = "own",
              alternates: dict[str, str] | None = None, extra_head: str = "") -> str:
    """A news-room release of our own writing; `companies` is written into the page as given (hostile
    characters included). canonical="own": the page's own URL on the real site; None: no canonical link."""
    path = f"/news-room/{slug}/" if lang == "en" else f"/zh-hk/news-room/{slug}/"
    head = ""
    if canonical is not None:
        head += f'<link rel="canonical" href="{html.escape(SITE + path if canonical == "own" else canonical)}">\n'
    for code, href in (alternates or {}).items():
        head += f'<link rel="alternate" hreflang="{code}" href="{html.escape(href)}">\n'
    if lang == "en":
        body = f"""<p>(Hong Kong, {day}) – The park opened a shared workshop for hardware teams this week, with bench
space and test equipment that members book by the hour.</p>
<p>Members said the workshop saves them from renting their own rooms while their products are still changing.</p>
<h3 class="about-heading">About Hong Kong Science and Technology Parks Corporation</h3>
<div class="about"><p>Hong Kong Science and Technology Parks Corporation (HKSTP) was set up in 2001. Its parks are
home to {companies} technology companies today.</p></div>"""
    else:
        body = f"""<p>(香港，{day}) – 園區本週為硬件團隊開設共用工作坊，會員可按小時預約工作枱及測試儀器。</p>
<p>會員表示，產品仍在修改階段，共用工作坊令他們毋須自行租用房間。</p>
<h3 class="about-heading">關於香港科技園公司</h3>
<div class="about"><p>香港科技園公司於2001年成立，園區現有{companies}間科技公司。</p></div>"""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{head}{extra_head}</head><body><main><article class="news-article">
<p class="news-label">Corporate News</p>
<h1 class="news-title">{html.escape(title)}</h1>
<p class="news-date">{day}</p>
<div class="news-content">
{body}
</div></article></main></body></html>"""


def sitemap(base: str, paths: list[str], lastmod: dict[str, str] | None = None) -> Page:
    entries = "".join(
        f"<url><loc>{base}{p}</loc>" + (f"<lastmod>{lastmod[p]}</lastmod>" if lastmod and p in lastmod else "")
        + "</url>" for p in paths)
    return Page(f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
                "</urlset>".encode(), content_type="application/xml")


def serve(site: LoopbackServer, pages: dict[str, str], robots: str = "User-agent: *\nDisallow: /admin/\n",
          lastmod: dict[str, str] | None = None) -> None:
    site.set_route("/robots.txt", Page(robots.encode(), content_type="text/plain"))
    site.set_route("/sitemap.xml", sitemap(site.base_url, list(pages), lastmod))
    site.set_route("/news-room/", "<html><body><p>The list is drawn by script.</p></body></html>")
    for path, body in pages.items():
        site.set_route(path, body)


def rows(db: Path, sql: str) -> list[tuple]:
    return warehouse.query(db, sql)[1]


REAL = "/news-room/shared-workshop-opens-for-hardware-teams/"
REAL_TITLE = "Shared Workshop Opens for Hardware Teams"
REAL_PAGE = news_page("shared-workshop-opens-for-hardware-teams", REAL_TITLE, "12 Jun 2024", "1,800",
                      alternates={"en": SITE + REAL})


def _claims_of_real(db: Path) -> list[tuple]:
    return rows(db, "select c.value, r.title, r.url, r.version_count from claims as c join releases as r "
                    "using (release_id, language) where c.metric = 'tech_companies' "
                    "and r.release_id = 'shared-workshop-opens-for-hardware-teams'")


# Each attack at its own URL; slugs differ from the real release's.
ATTACKS = {
    "/news-room/canonical-same-host/": lambda base: news_page(
        "canonical-same-host", "Workshop Rules Rewritten", "20 Jun 2024", "900", canonical=SITE + REAL),
    "/news-room/canonical-other-host/": lambda base: news_page(
        "canonical-other-host", "Workshop Rules Rewritten", "21 Jun 2024", "900",
        canonical="https://mirror.example.net" + REAL),
    "/news-room/canonical-loopback-url/": lambda base: news_page(
        "canonical-loopback-url", "Workshop Rules Rewritten", "22 Jun 2024", "900", canonical=base + REAL),
    "/zh-hk/news-room/hreflang-en-alternate/": lambda base: news_page(
        "hreflang-en-alternate", "工作坊規則改寫", "2024年06月23日", "900", lang="zh-hk", canonical=None,
        alternates={"en": SITE + REAL, "zh-hk": SITE + "/zh-hk/news-room/hreflang-en-alternate/"}),
}


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_pages_claiming_to_be_a_real_release_do_not_rewrite_its_history(tmp_path):
    db = tmp_path / "w.duckdb"
    with LoopbackServer() as site:
        serve(site, {REAL: REAL_PAGE})
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        before = _claims_of_real(db)
        serve(site, {REAL: REAL_PAGE, **{path: make(site.base_url) for path, make in ATTACKS.items()}})
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)

    assert before == [(1800, REAL_TITLE, site.url(REAL), 1)]
    assert _claims_of_real(db) == before  # title, URL, figure and versions of the real release unchanged
    assert rows(db, "select count(*) from findings where check_name = 'release_revised'") == [(0,)]
    for path in ATTACKS:
        # each hostile page is its own release, under the URL it was fetched from, and its claim is recorded
        slug = path.rstrip("/").rsplit("/", 1)[-1]
        assert rows(db, f"select release_id from releases where url = '{site.url(path)}'") == [(slug,)]
        reasons = [r for (r,) in rows(db, f"select reason from problems where url = '{site.url(path)}'")]
        assert len(reasons) == 1 and REAL in reasons[0], (path, reasons)


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_cms_giving_every_page_the_listing_as_canonical_merges_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    slugs = ["lab-opens-for-sensor-makers", "robot-arm-trial-ends", "clean-room-doubles-in-size"]
    pages = {f"/news-room/{s}/": news_page(s, s.replace("-", " ").title(), f"{10 + i} Jun 2024", "1,800",
                                           canonical=SITE + "/news-room/")
             for i, s in enumerate(slugs)}
    with LoopbackServer() as site:
        serve(site, pages)
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)

    assert sorted(r for (r,) in rows(db, "select release_id from releases")) == sorted(slugs)
    assert rows(db, "select max(version_count) from releases") == [(1,)]
    assert rows(db, "select count(*) from problems where reason like '%canonical URL%'") == [(3,)]


def test_editions_with_different_slugs_pair_only_when_they_name_each_other():
    from transforms.identity import pair_editions, release_id_for
    from transforms.model import DocumentResult
    from transforms.parsing import parse_document

    from flows.monitor import document_result
    from flows.profile import load_profile

    profile = load_profile(None)
    en_url, zh_url = "http://127.0.0.1:9/news-room/lab-opens/", "http://127.0.0.1:9/zh-hk/news-room/lab-kai-mu/"
    en = news_page("lab-opens", "Lab Opens", "10 Jun 2024", "1,800",
                   alternates={"en": SITE + "/news-room/lab-opens/", "zh-hk": SITE + "/zh-hk/news-room/lab-kai-mu/"})
    zh = news_page("lab-kai-mu", "實驗室開幕", "2024年06月10日", "1,800", lang="zh-hk",
                   alternates={"en": SITE + "/news-room/lab-opens/", "zh-hk": SITE + "/zh-hk/news-room/lab-kai-mu/"})
    docs = [document_result(b.encode(), u, "text/html", profile, "0" * 64, "2024-06-10T00:00:00Z")
            for b, u in ((en, en_url), (zh, zh_url))]
    assert [d.release_id for d in docs] == ["lab-opens", "lab-kai-mu"] and docs[1].doubts
    assert [d.release_id for d in pair_editions(docs)] == ["lab-opens", "lab-opens"] and docs[1].doubts == []
    # the English page does not name this one back: no pairing, the doubt stays
    lone = document_result(zh.encode(), "http://127.0.0.1:9/zh-hk/news-room/other-page/", "text/html", profile,
                           "1" * 64, "2024-06-10T00:00:00Z")
    assert [d.release_id for d in pair_editions([docs[0], lone])] == ["lab-opens", "other-page"]
    assert lone.doubts
    # a local file has no fetched URL: its own links are all there is
    release = parse_document(zh.encode(), url=None, profile=profile)
    assert release_id_for(release) == "lab-opens"
    assert isinstance(docs[0], DocumentResult)


# Beside a release saying 1,800, each later release writes the same figure with a character a reader does not
# see or reads as grouping; every one must read 1,800, so no figure_changed.
FIGURE_PROBES = {
    "zero-width-space": "1,\u200b800",
    "zero-width-joiner": "1\u200d,800",
    "word-joiner": "1,\u2060800",
    "byte-order-mark": "\ufeff1,800",
    "soft-hyphen-char": "1,8\u00ad00",
    "soft-hyphen-entity": "1,8&shy;00",
    "thin-space": "1\u2009800",
    "arabic-indic": "\u0661\u066c\u0668\u0660\u0660",
    "full-width-comma": "1\uff0c800",
}


@pytest.mark.parametrize("probe", sorted(FIGURE_PROBES))
def test_extract_reads_every_disguised_1800_as_1800(probe):
    from flows.ingest import extract_text

    text = FIGURE_PROBES[probe].replace("&shy;", "\u00ad")
    out = extract_text(f"HKSTP's parks are home to {text} technology companies.", language="en")
    assert [(c["metric"], c["value"]) for c in out["claims"]] == [("tech_companies", 1800)]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_invisible_characters_inside_a_figure_give_no_false_figure_changed(tmp_path):
    db = tmp_path / "w.duckdb"
    pages = {REAL: REAL_PAGE}
    for i, (name, figure) in enumerate(sorted(FIGURE_PROBES.items())):
        # the figure is written into the HTML as is; only "&shy;" goes through the HTML parser as an entity
        pages[f"/news-room/probe-{name}/"] = news_page(f"probe-{name}", f"Probe {name}", f"{13 + i} Jun 2024",
                                                       figure.replace("<", ""))
    with LoopbackServer() as site:
        serve(site, pages)
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)

    values = rows(db, "select release_id, value from claims where metric = 'tech_companies' order by release_id")
    assert len(values) == len(pages) and {v for _, v in values} == {1800}, values
    assert rows(db, "select count(*) from findings where metric = 'tech_companies'") == [(0,)]


# robots.txt with RFC 9309 wildcards and a day-long Crawl-delay; a sitemap whose lastmod lies in the future;
# a release dated 2099; an HTML release served as application/pdf.
ROBOTS = ("User-agent: *\nDisallow: /*?print=\nDisallow: /news-room/*-draft/$\nCrawl-delay: 86400\n"
          "Sitemap: /sitemap.xml\n")


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_robots_wildcards_crawl_delay_future_dates_and_a_mislabelled_page(tmp_path, monkeypatch):
    monkeypatch.setenv("HKSTP_MAX_CRAWL_DELAY_S", "0")  # the cap is what is used: 0 keeps the test fast
    db = tmp_path / "w.duckdb"
    future = "/news-room/robot-parade-of-2099/"
    touched = "/news-room/lastmod-from-the-future/"
    mislabelled = "/news-room/served-as-pdf/"
    draft = "/news-room/budget-notes-draft/"
    pages = {
        REAL: REAL_PAGE,
        future: news_page("robot-parade-of-2099", "Robot Parade of 2099", "31 Dec 2099", "5,000"),
        touched: news_page("lastmod-from-the-future", "Sensor Lab Tour", "14 Jun 2024", "1,800"),
        mislabelled: news_page("served-as-pdf", "Battery Lab Opens Its Doors", "15 Jun 2024", "1,800"),
        draft: news_page("budget-notes-draft", "Draft", "16 Jun 2024", "1,800"),
    }
    with LoopbackServer() as site:
        serve(site, pages, robots=ROBOTS, lastmod={touched: "2099-01-01", REAL: "2024-06-12"})
        site.set_route(mislabelled, Page(pages[mislabelled].encode(), content_type="application/pdf"))
        listing = "".join(f'<li><a href="{p}?print=1">print</a></li>' for p in pages)
        site.set_route("/news-room/", f'<html><body><ul class="news-list">{listing}</ul></body></html>')
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        first = [e.path for e in site.log]
        site.clear_log()
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        second = [e.path for e in site.log]

    asked = first + second
    assert not [p for p in asked if "print=" in p or p == draft]  # no request to a robots-disallowed URL
    assert first.count("/robots.txt") == 1 and "/robots.txt" not in second  # kept a day, as RFC 9309 allows
    assert touched not in second  # a lastmod in the future does not make the page due on every run
    problems = dict(rows(db, "select url, reason from problems where not resolved or stage = 'discover'"))
    assert "86400s" in problems[site.url("/robots.txt")]
    assert "lastmod in the future" in problems[site.url("/sitemap.xml")]
    assert "2099-12-31" in problems[site.url(future)]
    # the 2099 release is loaded, undated, and never the newest figure
    assert rows(db, f"select published_on from releases where url = '{site.url(future)}'") == [(None,)]
    assert rows(db, "select count(*) from findings where new_published_on > current_date + 1") == [(0,)]
    assert rows(db, "select max(published_on) < current_date from metric_timeline") == [(True,)]
    # the page served as application/pdf was read as the HTML it is
    assert rows(db, f"select title from releases where url = '{site.url(mislabelled)}'") == [
        ("Battery Lab Opens Its Doors",)]


def test_robots_rules_follow_rfc_9309_wildcards_and_the_longest_match():
    from flows.discover import RobotsRules

    rules = RobotsRules()
    rules.parse("User-agent: *\nDisallow: /*?print=\nDisallow: /news/\nAllow: /news/open-$\nDisallow: /*.pdf$\n")
    ua = "hkstp-monitor/0.1"
    verdicts = {path: rules.can_fetch(ua, "http://h" + path) for path in
                ("/news-room/a/?print=1", "/news-room/a/", "/news/x", "/news/open-", "/news/open-day",
                 "/files/a.pdf", "/files/a.pdf?x=1")}
    assert verdicts == {"/news-room/a/?print=1": False, "/news-room/a/": True, "/news/x": False,
                        "/news/open-": True, "/news/open-day": False, "/files/a.pdf": False,
                        "/files/a.pdf?x=1": True}


def test_the_sitemap_file_cap_is_a_row_in_problems(tmp_path):
    from flows.discover import discover
    from flows.http import PoliteSession
    from flows.profile import load_profile
    from flows.settings import MonitorSettings

    index = "".join(f"<sitemap><loc>/part-{i}.xml</loc></sitemap>" for i in range(4))
    routes = {"/robots.txt": "User-agent: *\nAllow: /\n",
              "/sitemap.xml": Page(f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                                   f'sitemap/0.9">{index}</sitemapindex>'.encode(), content_type="application/xml")}
    with LoopbackServer(routes=routes) as site:
        for i in range(4):
            site.set_route(f"/part-{i}.xml", sitemap(site.base_url, [f"/news-room/part-{i}/"]))
        profile = load_profile(None)
        profile["site"]["listing_pages"] = []
        session = PoliteSession("hkstp-monitor-test/1.0", min_gap_s=0, allowed_hosts={site.host + ":*"})
        found = discover(session, profile, site.base_url, settings=MonitorSettings(max_sitemaps=2))
    db = tmp_path / "w.duckdb"
    warehouse.record_site_run(db, "run-1", found.signals, listing_only=False)
    assert [r for (r,) in rows(db, "select reason from problems where reason like 'stopped after%'")] == [
        "stopped after 2 sitemap files; 3 more were not read (a sitemap-index loop, or raise HKSTP_MAX_SITEMAPS)"]


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_editions_naming_each_other_pair_across_batches_and_an_impostor_does_not(tmp_path, monkeypatch):
    monkeypatch.setenv("HKSTP_BATCH_SIZE", "1")  # every page in a batch of its own
    db = tmp_path / "w.duckdb"
    en, zh, impostor = "/news-room/lab-opens/", "/zh-hk/news-room/lab-kai-mu/", "/zh-hk/news-room/lab-copy/"
    links = {"en": SITE + en, "zh-hk": SITE + zh}
    pages = {en: news_page("lab-opens", "Lab Opens", "10 Jun 2024", "1,800", alternates=links),
             zh: news_page("lab-kai-mu", "實驗室開幕", "2024年06月10日", "1,800", lang="zh-hk", alternates=links),
             impostor: news_page("lab-copy", "實驗室開幕", "2024年06月11日", "900", lang="zh-hk",
                                 alternates={"en": SITE + en})}
    with LoopbackServer() as site:
        serve(site, pages)
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        urls = {p: site.url(p) for p in pages}

    ids = dict(rows(db, "select url, release_id from releases"))
    assert ids == {urls[en]: "lab-opens", urls[zh]: "lab-opens", urls[impostor]: "lab-copy"}
    assert [r for (r,) in rows(db, "select url from problems where reason like '%does not name it back%'")] == [
        urls[impostor]]
