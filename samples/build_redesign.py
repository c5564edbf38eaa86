"""The sample press room after a redesign: snapshots C (new markup) and D (English releases moved).

    .venv/bin/python samples/build_redesign.py      # rewrites samples/redesign/C and samples/redesign/D

C is the press room rebuilt by another web team: the release URLs still follow the profile's patterns
(`/news-room/<slug>/`, `/zh-hk/news-room/<slug>/`), but no listing or release markup matches a selector of
`flows/profiles/hkstp.yaml` (tiles instead of `ul.news-list`, numbered archive pages instead of `a.next`,
`<div class="pr-item">` instead of any known layout). It has English and Traditional Chinese only.
D is C a few weeks later: the English releases moved to `/en/media-centre/press-releases/<slug>` (no
trailing slash), the old English listing `/news-room/` is gone (404), the sitemap names the new URLs, and an
events page and a story page (dated, with article metadata, but not press releases) joined the sitemap.
Both have About-us and contact pages that carry article-like metadata and must never be loaded as releases.

All text is this project's own writing; figures follow ../shared/facts (the 2025 About figures).
Standard library only; the output is deterministic.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = "https://www.hkstp.org"
PER_PAGE = 3
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

ABOUT_EN = (
    "Hong Kong Science and Technology Parks Corporation (HKSTP) is a statutory body set up in 2001. Its parks "
    "are home to over 2,200 technology companies from 25 countries and regions, over 15,000 research "
    "professionals and 14 unicorns, across Science Park, InnoCentre and three InnoParks in Tai Po, Tseung "
    "Kwan O and Yuen Long."
)
ABOUT_ZH = (
    "香港科技園公司是於2001年成立的法定機構，旗下園區匯聚逾2,200家來自25個國家和地區的科技公司、"
    "逾15,000名研發人員及14家獨角獸企業，設施包括香港科學園、創新中心及位於大埔、將軍澳和元朗的三個創新園。"
)


@dataclass(frozen=True)
class Item:
    slug: str
    published_on: date
    title_en: str
    paragraphs_en: tuple[str, ...]
    title_zh: str | None = None
    paragraphs_zh: tuple[str, ...] = ()


ITEMS = (
    Item("robotics-sandbox-opens-to-park-start-ups", date(2025, 11, 4),
         "Robotics sandbox opens its doors to start-ups of the park",
         ("A shared test floor of 1,200 square metres lets young robotics firms try machines among real shelves, "
          "lifts and corridors before they meet a paying customer.",
          "Twelve companies booked the first quarter's slots within a week of the announcement, and the waiting "
          "list already runs into the new year.",
          "Founders pay by the half day, so that a team of three can afford a week of trials without a grant."),
         "機械人測試場向園區初創開放",
         ("一個佔地1,200平方米的共用測試場讓年輕的機械人公司在真實的貨架、升降機和走廊之間試用機器。",
          "公佈後一星期內，已有12家公司預訂首季時段。")),
    Item("green-building-pilot-cuts-chiller-energy", date(2025, 10, 9),
         "Green building pilot trims the energy its chillers use",
         ("Sensors fitted to three older buildings of the park have let the operations team lower chiller load "
          "at night without a single complaint from tenants.",
          "Over six months the pilot saved about 18% of the electricity the plant used a year earlier.",
          "The data set will be opened to park companies that work on building controls."),
         "綠色建築試點減少冷水機耗電",
         ("園區三幢較舊的大樓裝上感應器後，營運團隊能在夜間降低冷水機負荷。",
          "試點在六個月內節省約18%的用電。")),
    Item("medtech-founders-meet-hospital-buyers", date(2025, 9, 16),
         "Medtech founders sit down with hospital buyers",
         ("Forty procurement officers from public and private hospitals spent a morning with 26 medtech teams "
          "from the park, each given ten minutes and one question to answer.",
          "Organisers counted 64 follow-up meetings booked before lunch.",
          "A second round, for rehabilitation devices, is planned for spring."),
         "醫療科技創辦人與醫院採購代表會面",
         ("來自公私營醫院的40名採購人員與園區26支醫療科技團隊會面。",
          "午飯前已安排64場跟進會議。")),
    Item("incubation-class-of-2025-graduates", date(2025, 8, 21),
         "Incubation class of 2025 graduates",
         ("Fifty-eight companies left the incubation programme this summer, and 41 of them have signed a lease "
          "elsewhere in the park.",
          "Between them they raised HK$620 million during their time in the programme.",
          "Their mentors named the hardware teams as the ones that grew fastest."),
         "2025年度培育計劃公司畢業",
         ("今年夏天共有58家公司完成培育計劃，其中41家已在園區另覓辦公室。",
          "它們在計劃期間合共籌得6.2億港元。")),
    Item("chip-design-studio-adds-second-floor", date(2025, 7, 2),
         "Chip design studio takes a second floor",
         ("The shared chip design studio opened in 2023 has outgrown its first floor: a second one, with 30 more "
          "workstations and a licence pool for design tools, opens next month.",
          "Usage passed 90% of booked hours in each of the last five months."),
         "晶片設計工作室增設第二層",
         ("於2023年開設的共用晶片設計工作室將增設一層，新增30個工作站。",
          "過去五個月的預約使用率均超過90%。")),
    Item("park-shuttle-runs-on-hydrogen-for-a-trial", date(2025, 5, 27),
         "Park shuttle runs on hydrogen for a three-month trial",
         ("One of the buses that link Science Park with University station now runs on hydrogen, refuelled at a "
          "temporary station beside the car park.",
          "Riders are asked to rate the ride in a two-question survey on the bus.")),
    Item("data-centre-course-trains-200-technicians", date(2025, 4, 10),
         "Data centre course trains 200 technicians",
         ("A twelve-week evening course run with two vocational colleges has trained 200 technicians for the "
          "data centres that park companies rent.",
          "Nine in ten of the first intake passed the final practical test.")),
)


def _date_en(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _date_zh(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _page(title: str, lang: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)} | HKSTP</title>\n'
        f'<link rel="stylesheet" href="/assets/site.css">\n{head}</head>\n<body class="page">\n'
        '<div class="site-top"><a class="brand" href="/">HKSTP</a>\n'
        '<div class="menu"><a href="/about-us/">About us</a> <a href="/contact-us/">Contact</a> '
        '<a href="/search/?q=">Search</a></div></div>\n'
        f'<div id="main-content">\n{body}\n</div>\n'
        '<div class="site-bottom"><p>Hong Kong Science Park, Pak Shek Kok, New Territories</p>'
        '<p>Tel: +852 2629 1818</p></div>\n</body>\n</html>\n'
    )


def _release(item: Item, lang: str, url_of) -> str:
    en = lang == "en"
    title = item.title_en if en else item.title_zh
    paragraphs = item.paragraphs_en if en else item.paragraphs_zh
    when = _date_en(item.published_on) if en else _date_zh(item.published_on)
    dateline = f"(Hong Kong, {when}) – " if en else f"(香港,{when}) – "
    alternates = "".join(
        f'<link rel="alternate" hreflang="{code}" href="{SITE}{url_of(item, code)}">\n'
        for code in (("en", "zh-hk") if item.title_zh else ("en",))
    )
    head = (f'<link rel="canonical" href="{SITE}{url_of(item, lang)}">\n{alternates}'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="article:published_time" content="{item.published_on.isoformat()}T10:00:00+08:00">\n')
    text = "".join(f"    <p>{escape(dateline if i == 0 else '')}{escape(p)}</p>\n" for i, p in enumerate(paragraphs))
    about_heading = "About Hong Kong Science and Technology Parks Corporation" if en else "關於香港科技園公司"
    contact = ("Media enquiries: Communications team, Tel: +852 2629 6800" if en
               else "傳媒查詢：傳訊部，電話：+852 2629 6800")
    body = (
        '<div class="container"><div class="row">\n'
        '  <div class="col-md-8 pr-item">\n'
        f'   <div class="pr-meta"><span class="pr-type">{"Press Release" if en else "新聞稿"}</span> · '
        f'<time datetime="{item.published_on.isoformat()}">{escape(when)}</time></div>\n'
        f'   <h1 class="pr-heading">{escape(title)}</h1>\n'
        '   <div class="rich-text">\n'
        f'{text}'
        f'    <h4>{about_heading}</h4>\n    <p>{escape(ABOUT_EN if en else ABOUT_ZH)}</p>\n'
        f'    <p>{escape(contact)}</p>\n'
        '   </div>\n  </div>\n'
        '  <div class="col-md-4 side-links"><a href="/about-us/">Who we are</a></div>\n'
        '</div></div>'
    )
    return _page(title, "en" if en else "zh-HK", body, head)


def _listing(items: list[Item], lang: str, url_of, listing_path: str, page_no: int, pages: int) -> str:
    en = lang == "en"

    def page_url(n: int) -> str:
        return listing_path if n == 1 else f"{listing_path}archive/{n}/"

    tiles = "".join(
        '<div class="tile">'
        f'<div class="tile-date">{escape(_date_en(i.published_on) if en else _date_zh(i.published_on))}</div>'
        f'<h3 class="tile-title"><a href="{url_of(i, lang)}">{escape(i.title_en if en else i.title_zh)}</a></h3>'
        f'<a class="tile-more" href="{url_of(i, lang)}">{"Read more" if en else "詳情"}</a></div>\n'
        for i in items
    )
    head = ""
    if en:  # numbered pages and an "Older releases" link, no rel=next
        numbers = "".join(
            f'<span class="current">{n}</span>' if n == page_no else f'<a href="{page_url(n)}">{n}</a>'
            for n in range(1, pages + 1)
        )
        older = f'<a href="{page_url(page_no + 1)}">Older releases ›</a>' if page_no < pages else ""
        pager = f'<div class="pager">{numbers} {older}</div>'
    else:  # rel=next in the head, and a 下一頁 button
        if page_no < pages:
            head = f'<link rel="next" href="{page_url(page_no + 1)}">\n'
        pager = (f'<div class="pager-zh"><a class="btn-next" href="{page_url(page_no + 1)}">下一頁</a></div>'
                 if page_no < pages else "")
    title = "Newsroom" if en else "新聞中心"
    body = f'<div class="container"><h1>{title}</h1>\n<div class="newsroom-grid">\n{tiles}</div>\n{pager}\n</div>'
    return _page(title, "en" if en else "zh-HK", body, head)


def _static_pages(lang_pages: dict[str, str]) -> dict[str, str]:
    about = _page("About us", "en", (
        '<div class="container"><h1>About us</h1><time datetime="2025-01-02">2 January 2025</time>'
        '<p>HKSTP builds and runs the parks where technology companies of Hong Kong grow, from a first desk in an '
        'incubator to a whole building. This page is updated once a year.</p></div>'),
        '<meta property="og:type" content="article">\n<meta property="article:published_time" content="2025-01-02">\n')
    contact = _page("Contact", "en", (
        '<div class="container"><h1>Contact us</h1><p>Updated 3 March 2025</p>'
        '<p>Science Park reception is open from 9:00 to 18:00 on working days. Tel: +852 2629 1818.</p></div>'),
        '<meta property="og:type" content="article">\n')
    home = _page("Home", "en", '<div class="container"><h1>HKSTP</h1><p><a href="/news-room/">Newsroom</a></p></div>')
    return {"about-us/index.html": about, "contact-us/index.html": contact, "index.html": home,
            "assets/site.css": "body{font-family:sans-serif}\n", **lang_pages}


def _sitemap(entries: list[tuple[str, str | None]]) -> str:
    rows = "".join(f"  <url><loc>{SITE}{loc}</loc>{f'<lastmod>{m}</lastmod>' if m else ''}</url>\n" for loc, m in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'


def _snapshot(moved: bool) -> dict[str, str]:
    en_prefix = "/en/media-centre/press-releases/" if moved else "/news-room/"

    def url_of(item: Item, lang: str) -> str:
        if lang == "en":
            return f"{en_prefix}{item.slug}" + ("" if moved else "/")
        return f"/zh-hk/news-room/{item.slug}/"

    files: dict[str, str] = {}
    for lang, listing_path in (("en", en_prefix), ("zh-hk", "/zh-hk/news-room/")):
        items = [i for i in ITEMS if lang == "en" or i.title_zh]
        for item in items:
            path = url_of(item, lang).lstrip("/")
            files[path + "index.html" if path.endswith("/") else path] = _release(item, lang, url_of)
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        for n in range(1, pages + 1):
            rel = listing_path.lstrip("/") + ("" if n == 1 else f"archive/{n}/") + "index.html"
            files[rel] = _listing(items[(n - 1) * PER_PAGE:n * PER_PAGE], lang, url_of, listing_path, n, pages)
    en_entries = [(url_of(i, "en"), i.published_on.isoformat()) for i in ITEMS]
    en_entries += [("/", None), ("/about-us/", "2025-01-02"), ("/contact-us/", "2025-03-03")]
    if moved:
        files["en/media-centre/events/innovation-week-2025/index.html"] = _page("Innovation Week 2025", "en", (
            '<div class="container"><h1>Innovation Week 2025</h1><time datetime="2025-11-20">20 November 2025</time>'
            '<p>Three days of demonstrations, talks and a start-up fair at Science Park, open to the public.</p>'
            '<p>Venue: Science Park, Pak Shek Kok. Register now: places are limited to 500 a day.</p></div>'),
            '<meta property="og:type" content="article">\n<meta property="article:published_time" content="2025-10-30">\n')
        files["en/media-centre/stories/a-day-at-the-wet-lab/index.html"] = _page("A day at the wet lab", "en", (
            '<div class="container"><h1>A day at the wet lab</h1><time datetime="2025-10-12">12 October 2025</time>'
            '<p>At seven in the morning the incubators hum and the first pipettes come out. We followed a biotech '
            'team of four through a day of cultures, calls with investors and a late order of noodles.</p></div>'),
            '<meta property="og:type" content="article">\n<meta property="article:published_time" content="2025-10-12">\n')
        en_entries += [("/en/media-centre/events/innovation-week-2025/", "2025-10-30"),
                       ("/en/media-centre/stories/a-day-at-the-wet-lab/", "2025-10-12")]
    zh_entries = [(url_of(i, "zh-hk"), i.published_on.isoformat()) for i in ITEMS if i.title_zh]
    files["sitemap-en.xml"] = _sitemap(en_entries)
    files["sitemap-zh.xml"] = _sitemap(zh_entries)
    files["sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <sitemap><loc>{SITE}/sitemap-en.xml</loc></sitemap>\n  <sitemap><loc>{SITE}/sitemap-zh.xml</loc></sitemap>\n"
        "</sitemapindex>\n"
    )
    files["robots.txt"] = f"User-agent: *\nDisallow: /search/\n\nSitemap: {SITE}/sitemap.xml\n"
    return _static_pages(files)


def expected(moved: bool) -> dict[str, list[str]]:
    """Release URL paths per language, newest first (what a listing shows, page by page)."""
    prefix = "/en/media-centre/press-releases/" if moved else "/news-room/"
    return {
        "en": [f"{prefix}{i.slug}" + ("" if moved else "/") for i in ITEMS],
        "zh-hant": [f"/zh-hk/news-room/{i.slug}/" for i in ITEMS if i.title_zh],
    }


def build(out: Path = HERE / "redesign") -> list[Path]:
    written = []
    for name, moved in (("C", False), ("D", True)):
        root = out / name
        if root.exists():
            shutil.rmtree(root)
        for rel, text in sorted(_snapshot(moved).items()):
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        written.append(root)
    return written


if __name__ == "__main__":
    for root in build():
        print(f"wrote {root}")
