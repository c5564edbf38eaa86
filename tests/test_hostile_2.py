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
