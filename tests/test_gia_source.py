"""`run --source gia` against a Government-style site written here (not samples/gia), served on 127.0.0.1, into a
real DuckDB file: a backfill finds every release that mentions HKSTP in either language and loads no other; the
next run asks for the feeds and nothing it already has; stale and mismatched quotes are findings, current,
subset and other organisations' quotes are not; a feed that is gone is site drift."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from html import escape

import pytest

import warehouse
from flows.cli import main
from flows.loopback import LoopbackServer
from flows.profile import load_profile
from transforms.parsing.gia import canonical_release_url, parse_gia_page, release_key
from warehouse.testing import claim, document

pytestmark = pytest.mark.usefixtures("prefect_harness")

FIRST = date(2024, 3, 4)
DAYS = 10
WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# (day offset, expected, en paragraphs or None, zh paragraphs or None); expected: stale, mismatch or none
QUOTES = [
    (1, "stale", ["Officials toured the Science Park's new robotics hub today.",
                  "HKSTP has over 1,400 technology companies at its parks, officials said."],
     ["官員今日參觀科學園新的機械人中心。", "官員向訪客表示，香港科技園公司的園區有逾1,400間科技公司。"]),
    (3, "mismatch", ["The Chief Secretary spoke at a biotech summit (English only).",
                     "Hong Kong Science and Technology Parks Corporation hosts about 1,500 technology companies."],
     None),
    (5, "none", ["A trade mission returned from the Middle East today.",
                 "HKSTP is home to around 1,700 technology companies, a spokeswoman added."],
     ["貿易代表團今日從中東返港。", "發言人補充，香港科技園公司有約1,700間科技公司。"]),
    (6, "none", ["The Science Park marked its anniversary today.",
                 "The Hong Kong Science Park has over 1,100 companies on its campus, the chairman said."],
     ["科學園今日慶祝周年。", "主席表示，香港科學園園區有逾1,100間公司。"]),
    (8, "none", ["Cyberport signed a partnership with HKSTP on talent exchange today.",
                 "Cyberport has over 1,900 companies in its community, its chief executive said."],
     ["數碼港今日與香港科技園公司簽署人才交流合作協議。", "行政總裁表示，數碼港社群有逾1,900間公司。"]),
]
OTHERS = [("Beach water quality report", "Twenty-eight beaches were rated good this week.",
           "泳灘水質報告", "本周有二十八個泳灘水質評為良好。"),
          ("Lane closure on Tolo Highway", "Two lanes will be closed for 6 hours on Sunday.",
           "吐露港公路封閉行車線", "周日將封閉兩條行車線6小時。"),
          ("Employment statistics released", "The unemployment rate stood at 2.9 per cent.",
           "公布就業統計數字", "失業率為2.9%。")]


def _page(title: str, paras: list[str], day: date, zh: bool, other: str | None) -> str:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
    if zh:
        ending = f"<p>完</p>\n<p>{day.year}年{day.month}月{day.day}日（星期{'一二三四五六日'[day.weekday()]}）</p>\n<p>香港時間11時30分</p>"
        link = f'<a href="{other}">English</a>' if other else ""
    else:
        ending = f"<p>Ends/{WEEKDAY[day.weekday()]}, {day:%B} {day.day}, {day.year}</p>\n<p>Issued at HKT 11:30</p>"
        link = f'<a href="{other}">Traditional Chinese</a>' if other else ""
    return (f"<html><head><title>{escape(title)}</title></head><body><div class='nav'>{link}</div>"
            f"<h1>{escape(title)}</h1><div id='pressrelease'>{body}{ending}<p>NNNN</p></div></body></html>")


def build_site() -> tuple[dict[str, str], dict[str, str]]:
    """routes, and path -> expected ('stale', 'mismatch', 'none' for a quoting release, 'skip' for the others)."""
    routes: dict[str, str] = {"/robots.txt": "User-agent: *\nDisallow: /isd/40anniversary/\n"}
    expect: dict[str, str] = {}
    index: dict[tuple[date, str], list[str]] = {}
    items: dict[str, list[tuple[date, str, str]]] = {"en": [], "zh": []}
    quotes = {q[0]: q for q in QUOTES}
    for offset in range(DAYS):
        day = FIRST + timedelta(days=offset)
        entries = [(None, "skip", [o[1]], [o[3]], o[0], o[2]) for o in OTHERS]
        if offset in quotes:
            _, verdict, en, zh = quotes[offset]
            entries.insert(1, (offset, verdict, en, zh, en[0][:60], (zh or [""])[0][:30]))
        for n, (_, verdict, en, zh, en_title, zh_title) in enumerate(entries):
            en_path = f"/gia/general/{day:%Y%m}/{day:%d}/P{day:%Y%m%d}{500 + n * 2:05d}.htm"
            zh_path = f"/gia/general/{day:%Y%m}/{day:%d}/P{day:%Y%m%d}{501 + n * 2:05d}.htm" if zh else None
            routes[en_path] = _page(en_title, en, day, False, zh_path)
            routes[en_path.replace(".htm", "_print.htm")] = routes[en_path]
            expect[en_path] = verdict
            index.setdefault((day, "en"), []).append(en_path.replace(".htm", "_print.htm") if n == 2 else en_path)
            items["en"].append((day, en_path + "?fontSize=1", en_title))
            if zh:
                routes[zh_path] = _page(zh_title, zh, day, True, en_path)
                expect[zh_path] = verdict
                index.setdefault((day, "zh"), []).append(zh_path)
                items["zh"].append((day, zh_path, zh_title))
    for (day, lang), paths in index.items():
        links = "".join(f'<tr><td><a href="{p}">release</a></td></tr>' for p in paths)
        routes[f"/gia/general/{day:%Y%m}/{day:%d}{'' if lang == 'en' else 'c'}.htm"] = (
            f"<html><body><table>{links}</table><a href='/gia/general/{day:%Y%m}/{day:%d}/P0_photo_001.htm'>x</a>"
            "</body></html>")
    for lang, entries in items.items():
        xml = "".join(f"<item><title>{escape(t)}</title><link>https://www.info.gov.hk{escape(p)}</link>"
                      f"<pubDate>{WEEKDAY[d.weekday()][:3]}, {d.day:02d} {d:%b} {d.year} 11:30:00 +0800</pubDate></item>"
                      for d, p, t in entries[-12:])
        routes[f"/gia/rss/general_{lang}.xml"] = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                                                   f"<title>Press</title>{xml}</channel></rss>")
    return routes, expect


def _press_room(db):
    """HKSTP's own figures (hand-built, as the press room would have loaded them)."""
    def c(value, qualifier, as_of):
        return replace(claim("tech_companies", value, qualifier, section="about"), subject="hkstp", scope="standing",
                       as_of=date.fromisoformat(as_of))
    warehouse.load_documents(db, [document("about-2023", "en", "2023-06-01", [c(1400, "over", "2023-06-01")]),
                                  document("about-2024", "en", "2024-02-28", [c(1700, "about", "2024-02-28")])])


def _run(db, site, *extra):
    return main(["run", "--source", "gia", "--db", str(db), "--base-url", site.base_url, "--min-gap", "0",
                 "--quiet", *extra])


@pytest.mark.slow
def test_backfill_loads_exactly_the_releases_that_mention_hkstp_then_the_next_run_asks_only_the_feeds(tmp_path):
    routes, expect = build_site()
    db = tmp_path / "w.duckdb"
    _press_room(db)
    with LoopbackServer(routes=routes) as site:
        last = FIRST + timedelta(days=DAYS - 1)
        assert _run(db, site, "--since", FIRST.isoformat(), "--until", last.isoformat()) == 0
        _, rows = warehouse.query(db, "select url from releases where source = 'gia'")
        loaded = {site_path(r[0]) for r in rows}
        mentioning = {p for p, v in expect.items() if v != "skip"}
        assert loaded == mentioning  # every release that names HKSTP or its sites, in either language; no other
        _, rows = warehouse.query(db, "select count(*) from core.source_items where source = 'gia' and not mentions")
        assert rows[0][0] == sum(1 for v in expect.values() if v == "skip")  # remembered, not loaded
        # variants (_print.htm, ?fontSize=1) and photo pages were folded or skipped: each page fetched once
        fetched = [e.path for e in site.log if "/P" in e.path]
        assert len(fetched) == len(set(fetched)) == len(expect)

        # the findings: every stale and mismatched quote (each language), nothing for current, subset, Cyberport
        _, rows = warehouse.query(db, "select check_name, new_url from findings where check_name like 'echo_%'")
        got = {(name, site_path(url)) for name, url in rows}
        want = {("echo_" + v, p) for p, v in expect.items() if v in ("stale", "mismatch")}
        assert got == want
        _, rows = warehouse.query(db, "select verdict, count(*) from echoes group by all")
        assert dict(rows).get("current") == 2 and dict(rows).get("unknown") == 2  # current en/zh; the Science Park

        # the README's examples of the echoes view answer on this warehouse
        for query in readme_echo_queries():
            _, rows = warehouse.query(db, query)
            assert rows, query

        site.clear_log()
        assert _run(db, site) == 0
        asked = {e.path for e in site.log}
        assert asked == {"/gia/rss/general_en.xml", "/gia/rss/general_zh.xml"}, asked  # robots.txt kept a day
        assert all(e.headers.get("If-None-Match") and e.status == 304 for e in site.log)  # conditional, unchanged


def readme_echo_queries() -> list[str]:
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    found = [q for q in re.findall(r'hkstp-monitor sql "([^"]+)"', text) if "from echoes" in q]
    assert len(found) >= 2
    return found


def site_path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


@pytest.mark.slow
def test_a_feed_that_is_gone_is_site_drift(tmp_path):
    routes, _ = build_site()
    del routes["/gia/rss/general_zh.xml"]
    db = tmp_path / "w.duckdb"
    with LoopbackServer(routes=routes) as site:
        assert _run(db, site) == 0
    _, rows = warehouse.query(db, "select new_url, new_text from findings where check_name = 'site_drift'")
    assert [site_path(u) for u, _ in rows] == ["/gia/rss/general_zh.xml"]
    assert "site.feeds.zh-hk" in rows[0][1]


def test_url_variants_are_one_release_and_photo_pages_none():
    profile = load_profile("gia")
    base = "https://www.info.gov.hk/gia/general/202103/16/P2021031600456"
    assert {canonical_release_url(base + s, profile) for s in (".htm", "p.htm", "_print.htm", ".htm?fontSize=1")} \
        == {base + ".htm"}
    assert canonical_release_url(base + "_photo_001.htm", profile) is None
    assert canonical_release_url("https://www.info.gov.hk/gia/general/202103/16.htm", profile) is None


def test_editions_pair_by_their_own_links_and_dates_come_from_the_ends_line():
    routes, _ = build_site()
    profile = load_profile("gia")
    day = FIRST + timedelta(days=1)
    en_path = f"/gia/general/{day:%Y%m}/{day:%d}/P{day:%Y%m%d}00502.htm"
    zh_path = f"/gia/general/{day:%Y%m}/{day:%d}/P{day:%Y%m%d}00503.htm"
    en = parse_gia_page(routes[en_path], "https://www.info.gov.hk" + en_path, profile)
    zh = parse_gia_page(routes[zh_path], "https://www.info.gov.hk" + zh_path, profile)
    assert (en.language, zh.language) == ("en", "zh-hant")
    assert release_key(en) == release_key(zh)
    assert en.published_on == zh.published_on == day
    assert not any("Ends/" in s.text or "NNNN" in s.text for s in en.sections)


@pytest.mark.slow
def test_a_release_that_failed_is_asked_again_though_its_feed_has_not_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("HKSTP_RETRIES", "0")
    routes, expect = build_site()
    quoting = next(p for p, v in expect.items() if v == "none" and p.endswith("00502.htm")
                   and f"/{(FIRST + timedelta(days=8)):%d}/" in p)
    db = tmp_path / "w.duckdb"
    with LoopbackServer(routes=routes) as site:
        site.fault(quoting, [503])
        assert _run(db, site) == 0  # the feeds only: the newest items
        _, rows = warehouse.query(db, "select count(*) from releases where url like ?", [f"%{quoting}"])
        assert rows == [(0,)]
        site.clear_log()
        assert _run(db, site) == 0
        assert [e.path for e in site.log if "/P" in e.path] == [quoting]  # the feed answered 304; only it again
    _, rows = warehouse.query(db, "select count(*) from releases where url like ?", [f"%{quoting}"])
    assert rows == [(1,)]


LEGCO_PAGE = """<html><head><meta charset="utf-8"><title>LCQ16: Occupancy of the Science Park</title></head><body>
<div id="topbar"><a href="/gia/general/201211/07/P201211070367.htm">繁體版</a> |
<a href="https://sc.isd.gov.hk/TuniS/www.info.gov.hk/gia/general/201211/07/P201211070367.htm">簡體版</a></div>
<span id="PRHeadlineSpan">LCQ16: Occupancy of the Science Park</span>
<span id="pressrelease">Following is a question by a Member and a written reply by the Secretary in the Legislative
Council today:<br><br>Question:<br><br>It has been reported that more than 300 companies are in the Science Park.
<br><br>Reply:<br><br>President,<br><br>As at September 2012, the Hong Kong Science Park had about 390 companies.
<br><br><table><tr><th>Phase</th><th>Occupancy rate</th></tr><tr><td>Phase 1</td><td>about 95%</td></tr>
<tr><td>Phase 2</td><td>about 92%</td></tr></table><br>Ends/Wednesday, November 7, 2012<br>Issued at HKT 15:41<br><br>
NNNN</span></body></html>"""


def test_a_legco_reply_keeps_its_table_as_lines_and_pairs_with_its_chinese_edition_only():
    profile = load_profile("gia")
    url = "https://www.info.gov.hk/gia/general/201211/07/P201211070358.htm"
    release = parse_gia_page(LEGCO_PAGE, url, profile)
    assert (release.category, release.published_on, release.language) == ("LegCo question", date(2012, 11, 7), "en")
    text = [s.text for s in release.sections]
    assert "Phase: Phase 1; Occupancy rate: about 95%." in text
    assert not any("Issued at HKT" in t or "NNNN" in t for t in text)
    # the Simplified edition lives on a mirror: not this site's page, so not an edition to pair with
    assert release.alternates == {"zh-hant": "https://www.info.gov.hk/gia/general/201211/07/P201211070367.htm"}
    assert release_key(release) == "gia-p201211070358"
