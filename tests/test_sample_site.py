"""The bundled sample press room (samples/site) is well formed and holds the planted cases it promises.

These tests read the committed files the way a crawler and an analyst would: listing pages, sitemaps, page
markup, the About sentences. The About figures are re-extracted here with plain regular expressions, independently
of the generator, and the changes between them must be exactly what expected-findings.yaml lists.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site"
PROFILE = yaml.safe_load((REPO / "flows" / "profiles" / "hkstp.yaml").read_text(encoding="utf-8"))
PATTERNS = {gen: re.compile(p) for gen, p in PROFILE["site"]["release_patterns"].items()}
EXPECTED = yaml.safe_load((SITE / "expected-findings.yaml").read_text(encoding="utf-8"))
BASE = PROFILE["site"]["base_url"]
LANG_OF_PREFIX = {None: "en", "en": "en", "zh-hk": "zh-hant", "zh-cn": "zh-hans"}


def load_builder():
    spec = importlib.util.spec_from_file_location("build_site", REPO / "samples" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("build_site", None)
    return module


def url_to_file(root: Path, url_path: str) -> Path:
    rel = url_path.lstrip("/")
    return root / (rel + "index.html" if url_path.endswith("/") else rel)


def file_to_url(root: Path, path: Path) -> str:
    rel = "/" + path.relative_to(root).as_posix()
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def classify(url_path: str):
    """(generation, language, slug) of a release URL, or None for any other page.

    The profile's press-room pattern also matches /zh-cn/press-room/<slug>/, which LAYOUTS.md gives to the
    news-room generation (Simplified editions of news-room releases): the generation comes from LAYOUTS.md here.
    """
    for gen, pattern in PATTERNS.items():
        m = pattern.match(url_path)
        if m:
            lang = LANG_OF_PREFIX[m.group("lang")]
            return ("news-room" if lang == "zh-hans" else gen), lang, m.group("slug")
    return None


def release_files(snap: str) -> dict:
    root = SITE / snap
    out = {}
    for path in root.rglob("*"):
        if path.is_file():
            url = file_to_url(root, path)
            if classify(url):
                out[url] = path
    return out


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "lxml")


def page_date(doc: BeautifulSoup) -> date:
    text = doc.select_one(".press-date, .news-date, .detail-date").get_text(strip=True)
    if "年" in text:
        return datetime.strptime(text, "%Y年%m月%d日").date()
    return datetime.strptime(text, "%d %b %Y").date()


def paths_in_sitemaps(snap: str) -> dict:
    root = SITE / snap
    index = soup_xml(root / "sitemap.xml")
    out = {}
    for loc in index.find_all("loc"):
        child = soup_xml(url_to_file(root, loc.text.removeprefix(BASE)))
        for url in child.find_all("url"):
            assert url.lastmod is not None, url
            out[url.loc.text.removeprefix(BASE)] = url.lastmod.text
    return out


def soup_xml(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_bytes(), "xml")


# ------------------------------------------------------------------------------------------------ tests

def test_rebuilding_reproduces_the_committed_site_byte_for_byte(tmp_path):
    load_builder().build(tmp_path)
    built = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(SITE): p.read_bytes() for p in SITE.rglob("*") if p.is_file()}
    assert sorted(built) == sorted(committed)
    changed = [str(p) for p in built if built[p] != committed[p]]
    assert changed == [], f"samples/site is stale; run samples/build_site.py ({changed[:5]})"


@pytest.mark.parametrize("snap, expected", [
    ("A", {("en", "press-room"): 7, ("en", "news-room"): 18, ("en", "park-life"): 8,
           ("zh-hant", "news-room"): 12, ("zh-hant", "park-life"): 6, ("zh-hans", "news-room"): 4}),
    ("B", {("en", "press-room"): 7, ("en", "news-room"): 18, ("en", "park-life"): 12,
           ("zh-hant", "news-room"): 12, ("zh-hant", "park-life"): 10, ("zh-hans", "news-room"): 4}),
])
def test_release_counts_per_language_and_generation(snap, expected):
    counts = {}
    slugs = set()
    for url in release_files(snap):
        gen, lang, slug = classify(url)
        counts[(lang, gen)] = counts.get((lang, gen), 0) + 1
        slugs.add(slug)
    assert counts == expected
    assert len(slugs) == {"A": 33, "B": 37}[snap]
    assert EXPECTED["counts"][snap]["releases"] == len(slugs)


def test_snapshot_a_spans_2019_to_2025_and_b_adds_newer_2025_releases():
    a, b = paths_in_sitemaps("A"), paths_in_sitemaps("B")
    a_years = {int(mod[:4]) for url, mod in a.items() if classify(url)}
    assert a_years == set(range(2019, 2026))
    added = {url: mod for url, mod in b.items() if classify(url) and url not in a}
    added_slugs = {classify(url)[2] for url in added}
    assert len(added_slugs) >= 4
    newest_a = max(mod for url, mod in a.items() if classify(url))
    assert all(mod.startswith("2025") and mod > newest_a for mod in added.values())


@pytest.mark.parametrize("snap", ["A", "B"])
def test_every_listing_link_resolves_except_the_planted_404(snap):
    root = SITE / snap
    link_sel, next_sel = PROFILE["site"]["listing"]["link_selector"], PROFILE["site"]["listing"]["next_selector"]
    linked, pages = [], 0
    for start in PROFILE["site"]["listing_pages"]:
        url = start
        while url:
            doc = soup(url_to_file(root, url))
            links = [a["href"] for a in doc.select(link_sel)]
            assert 0 < len(links) <= 10
            linked += links
            pages += 1
            nxt = doc.select_one(next_sel)
            url = nxt["href"] if nxt else None
    missing = sorted({u for u in linked if not url_to_file(root, u).is_file()})
    dead = [e["url_path"] for e in EXPECTED["expected_errors"] if e["reason_contains"] == "404"]
    assert missing == dead
    # the listings reach every release edition
    assert set(release_files(snap)) <= set(linked)
    assert pages == {"A": 4 + 2 + 1, "B": 4 + 3 + 1}[snap]


@pytest.mark.parametrize("snap", ["A", "B"])
def test_sitemap_index_lists_every_release_and_robots_points_at_it(snap):
    root = SITE / snap
    robots = (root / "robots.txt").read_text()
    assert "Disallow: /search/" in robots
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    index = soup_xml(root / "sitemap.xml")
    assert index.find("sitemapindex") is not None
    assert [loc.text for loc in index.find_all("loc")] == [f"{BASE}/sitemap-en.xml", f"{BASE}/sitemap-zh.xml"]
    assert all(m.text for m in index.find_all("lastmod"))
    in_sitemap = {u for u in paths_in_sitemaps(snap) if classify(u)}
    assert in_sitemap == set(release_files(snap))
    # non-release pages exist and are not releases: the crawler must skip them
    for url in ("/", "/about-us/", "/search/"):
        assert url_to_file(root, url).is_file() and classify(url) is None


def test_editions_share_the_slug_and_link_each_other_with_hreflang():
    files = release_files("B")
    pairs = 0
    for url, path in files.items():
        if path.read_text(encoding="utf-8").find("</head>") < 0:
            continue  # the truncated page
        alternates = {link["hreflang"]: link["href"].removeprefix(BASE)
                      for link in soup(path).select('link[rel="alternate"][hreflang]')}
        assert alternates, url
        assert url in alternates.values()
        for lang, other in alternates.items():
            assert lang in ("en", "zh-hk", "zh-cn")
            assert classify(other)[2] == classify(url)[2]
            assert other in files
            pairs += other != url
    assert pairs >= 2 * 22  # every bilingual release, both directions


def test_each_generation_uses_its_markup_and_chinese_editions_follow_layouts():
    about_headings = {"en": "About Hong Kong Science and Technology Parks Corporation", "zh-hant": "關於香港科技園公司"}
    selectors = {"press-room": ("div.press-detail h1.press-title", r"^\d\d [A-Z][a-z]{2} \d{4}$"),
                 "news-room": ("article.news-article h1.news-title", r"^(\d\d [A-Z][a-z]{2} \d{4}|\d{4}年\d\d月\d\d日)$"),
                 "park-life": ("section.news-detail h2.detail-title", r"^(\d{1,2} [A-Z][a-z]{2} \d{4}|\d{4}年\d\d月\d\d日)$")}
    for url, path in release_files("B").items():
        gen, lang, _ = classify(url)
        text = path.read_text(encoding="utf-8")
        if "</head>" not in text:
            continue
        doc = soup(path)
        title_sel, date_re = selectors[gen]
        assert doc.select_one(title_sel), url
        assert re.match(date_re, doc.select_one(".press-date, .news-date, .detail-date").get_text(strip=True)), url
        for chrome in ("header nav", "div.cookie-banner", "footer"):
            assert doc.select_one(chrome), (url, chrome)
        paragraphs = len(doc.select(".press-body > p, .news-content > p, .detail-body > p"))
        if lang == "zh-hans":
            assert "###" in text and "传媒查询" in text and doc.select_one("form.contact-form")
            assert "關於" not in text and "关于香港科技园公司" not in text
        else:
            assert about_headings[lang] in doc.get_text(), url
            assert re.search(r"(Tel|電話)[:：] ?\+852", doc.get_text())
        assert paragraphs >= 3, url


def test_datelines_cover_the_variants_of_layouts():
    texts = "\n".join(p.read_text(encoding="utf-8") for p in release_files("A").values())
    assert re.search(r"\(Hong Kong, \d{1,2} [A-Z][a-z]+ \d{4}\) – ", texts)
    assert re.search(r"\(Hong Kong, 12 March, 2024\) – ", texts)
    assert re.search(r"\(Hong Kong, 11 January 2023\)Hong Kong", texts)
    assert "(香港,2022年1月12日)" in texts
    assert "(香港, 2025 年 3 月 17 日)—" in texts
    assert 'property="article:published_time" content="2024-06-21"' in texts


def test_truncated_page_is_cut_inside_head_and_has_no_title():
    [error] = [e for e in EXPECTED["expected_errors"] if e["reason_contains"] == "truncated"]
    for snap in ("A", "B"):
        text = url_to_file(SITE / snap, error["url_path"]).read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and "<head>" in text
        assert "<title" not in text and "</head>" not in text and "<body" not in text


def test_snapshot_b_changes_one_figure_of_one_release_and_nothing_else_in_a_releases():
    [revised] = [p for p in EXPECTED["planted"] if p["check_name"] == "release_revised"]
    a, b = release_files("A"), release_files("B")
    changed = [url for url in a if a[url].read_bytes() != b[url].read_bytes()]
    assert changed == [revised["new_url_path"]]
    old, new = a[changed[0]].read_text(encoding="utf-8"), b[changed[0]].read_text(encoding="utf-8")
    assert old.replace(revised["old_text"], revised["new_text"]) == new
    assert old.count(revised["old_text"]) == 1


@pytest.mark.parametrize("snap", ["A", "B"])
def test_snapshot_is_small(snap):
    assert sum(p.stat().st_size for p in (SITE / snap).rglob("*") if p.is_file()) < 3_000_000


# --------------------------------------------------------- the About figures, re-extracted independently

QUALIFIER_CLASS = {None: "exact", "over": "over", "more than": "over", "around": "about", "about": "about",
                   "approximately": "about", "nearly": "nearly", "逾": "over", "超過": "over", "約": "about",
                   "近": "nearly"}
Q_EN = r"(?:(over|more than|around|about|approximately|nearly) )?"
Q_ZH = r"(逾|超過|約|近)?"
ABOUT_RES = {
    "en": {"unicorns": Q_EN + r"([\d,]+) unicorns", "research_professionals": Q_EN + r"([\d,]+) research professionals",
           "tech_companies": Q_EN + r"([\d,]+) technology companies from",
           "countries_regions": r"from ()(\d+) countries and regions"},
    "zh-hant": {"unicorns": Q_ZH + r"([\d,]+)家獨角獸企業", "research_professionals": Q_ZH + r"([\d,]+)名研發人員",
                "tech_companies": Q_ZH + r"([\d,]+)間來自", "countries_regions": r"來自()(\d+)個國家及地區"},
}


def about_claims(snap: str = "B") -> list:
    """(metric, language, published_on, value, qualifier class, url, slug) from every About block."""
    out = []
    for url, path in release_files(snap).items():
        gen, lang, slug = classify(url)
        if lang not in ABOUT_RES or "</head>" not in path.read_text(encoding="utf-8"):
            continue
        doc = soup(path)
        heading = "About Hong Kong Science" if lang == "en" else "關於香港科技園公司"
        full = doc.get_text(" ")
        about = full[full.index(heading):]
        for metric, pattern in ABOUT_RES[lang].items():
            found = re.findall(pattern, about)
            assert len(found) <= 1, (url, metric)
            if found:
                q, v = found[0]
                out.append((metric, lang, page_date(doc), int(v.replace(",", "")), QUALIFIER_CLASS[q or None],
                            url, slug))
    return out


def test_every_english_and_traditional_release_states_tech_companies_and_countries_in_its_about_block():
    claims = about_claims()
    editions = {(c[5]) for c in claims if c[0] == "tech_companies"}
    expected = {u for u, p in release_files("B").items()
                if classify(u)[1] in ("en", "zh-hant") and "</head>" in p.read_text(encoding="utf-8")}
    assert editions == expected
    assert {c[5] for c in claims if c[0] == "countries_regions"} == expected


def test_about_figures_move_as_the_real_ones_did():
    def series(metric, lang):
        points = sorted((c[2], c[3]) for c in about_claims() if c[0] == metric and c[1] == lang)
        values = [v for _, v in points]
        return [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]

    assert series("countries_regions", "en") == [22, 24, 26, 28, 25]
    assert series("unicorns", "en") == [14, 10, 14]
    assert series("tech_companies", "en") == [800, 1000, 1400, 1700, 1800, 1700, 2200]
    assert series("research_professionals", "en") == [11000, 13000, 15000]
    assert series("countries_regions", "zh-hant") == [22, 24, 26, 28, 25]


def test_expected_findings_are_exactly_what_the_about_blocks_imply():
    claims = about_claims()
    derived = set()
    by_series = {}
    for c in claims:
        by_series.setdefault((c[0], c[1]), []).append(c)
    for (metric, lang), points in by_series.items():
        points.sort(key=lambda c: c[2])
        for a, b in zip(points, points[1:]):
            if a[3] != b[3]:
                derived.add(("figure_changed", metric, lang, a[3], b[3], str(a[2]), str(b[2])))
            elif a[4] != b[4]:
                derived.add(("qualifier_changed", metric, lang, a[3], b[3], str(a[2]), str(b[2])))
        for a, b in combinations(points, 2):
            if abs((b[2] - a[2]).days) <= 7 and a[3] != b[3]:
                derived.add(("figure_conflict", metric, lang, a[3], b[3], str(a[2]), str(b[2])))
    by_release = {}
    for c in claims:
        by_release.setdefault((c[6], c[0]), {})[c[1]] = c
    for (_, metric), langs in by_release.items():
        if "en" in langs and "zh-hant" in langs and langs["en"][3] != langs["zh-hant"][3]:
            en, zh = langs["en"], langs["zh-hant"]
            derived.add(("translation_mismatch", metric, "en/zh-hant", en[3], zh[3], str(en[2]), str(zh[2])))

    about_metrics = {"unicorns", "research_professionals", "tech_companies", "countries_regions"}
    listed = {(f["check_name"], f["metric"], f["language"], f["old_value"], f["new_value"], f["old_published_on"],
               f["new_published_on"]) for f in EXPECTED["planted"] + EXPECTED["other_changes"]
              if f["metric"] in about_metrics and f["language"] in ("en", "zh-hant", "en/zh-hant")}
    assert derived == listed


def test_planted_cases_are_present_in_the_html():
    cases = {p["case"]: p for p in EXPECTED["planted"]}
    assert set(cases) == {"increase", "decrease_of_cumulative_figure", "qualifier_change",
                          "english_chinese_mismatch", "conflict_within_a_week", "silent_revision"}
    for p in EXPECTED["planted"]:
        old_snap = "A"
        new_snap = "B" if p["check_name"] == "release_revised" else p["snapshot"]
        old_text = url_to_file(SITE / old_snap, p["old_url_path"]).read_text(encoding="utf-8")
        new_text = url_to_file(SITE / new_snap, p["new_url_path"]).read_text(encoding="utf-8")
        assert p["old_text"] in old_text, p["case"]
        assert p["new_text"] in new_text, p["case"]
        if p["check_name"] == "release_revised":
            assert p["new_text"] not in old_text and p["old_text"] not in new_text
    assert cases["increase"]["severity"] == "info"
    assert cases["decrease_of_cumulative_figure"]["severity"] == "critical"  # 28 -> 25 is a 10.7% drop
    conflict = cases["conflict_within_a_week"]
    assert (date.fromisoformat(conflict["new_published_on"]) - date.fromisoformat(conflict["old_published_on"])).days <= 7
    mismatch = cases["english_chinese_mismatch"]
    assert classify(mismatch["old_url_path"])[2] == classify(mismatch["new_url_path"])[2]
    assert classify(mismatch["old_url_path"])[1] == "en" and classify(mismatch["new_url_path"])[1] == "zh-hant"
    assert cases["qualifier_change"]["old_value"] == cases["qualifier_change"]["new_value"]
