#!/usr/bin/env python3
"""Build the bundled sample press room: two static snapshots (A, B) of an HKSTP-like site.

    python samples/build_site.py            # rewrites samples/site/{A,B}/ and samples/site/expected-findings.yaml
    python samples/build_site.py --out DIR  # writes the same tree under DIR (the tests use this to check determinism)

Every sentence is this project's own writing; figures and dates follow ../shared/facts/hkstp-figures.csv.
Markup follows samples/LAYOUTS.md. Standard library only; the output is byte-for-byte reproducible.

URL -> file: a URL ending in "/" is served from "<path>index.html"; a park-life release URL has no trailing
slash and is served from the extension-less file at that path (serve it as text/html).
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

SITE_DIR = Path(__file__).resolve().parent / "site"
BASE_URL = "https://www.hkstp.org"
PAGE_SIZE = 10
SNAPSHOTS = ("A", "B")
SITE_LANGS = ("en", "zh-hk", "zh-cn")
CONTENT_LANG = {"en": "en", "zh-hk": "zh-hant", "zh-cn": "zh-hans"}
HTML_LANG = {"en": "en", "zh-hk": "zh-Hant-HK", "zh-cn": "zh-Hans-CN"}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]

# Qualifier classes (DESIGN.md) -> the words a page may use for them; rotated so that equal classes
# are written differently ("over" / "more than") without being a qualifier change.
QUALIFIER_WORDS = {
    "en": {"exact": [""], "over": ["over ", "more than "], "about": ["around ", "about ", "approximately "],
           "nearly": ["nearly "]},
    "zh-hk": {"exact": [""], "over": ["逾", "超過"], "about": ["約"], "nearly": ["近"]},
}

# The About block's figures per period: metric -> (qualifier class, value). A period runs from its start
# date until the next period starts. Changes between periods are the findings the sample plants or lists.
ABOUT_ERAS = [
    (date(2019, 1, 1), {"tech_companies": ("about", 800), "countries_regions": ("exact", 22)}),
    (date(2021, 1, 1), {"research_professionals": ("over", 11000), "tech_companies": ("over", 1000),
                        "countries_regions": ("exact", 22)}),
    (date(2023, 6, 1), {"unicorns": ("exact", 14), "research_professionals": ("over", 13000),
                        "tech_companies": ("over", 1400), "countries_regions": ("exact", 22)}),
    (date(2023, 12, 1), {"unicorns": ("over", 10), "research_professionals": ("over", 13000),
                         "tech_companies": ("over", 1400), "countries_regions": ("exact", 24)}),
    (date(2024, 2, 1), {"unicorns": ("over", 10), "research_professionals": ("over", 13000),
                        "tech_companies": ("over", 1700), "countries_regions": ("exact", 26)}),
    (date(2024, 7, 1), {"unicorns": ("over", 10), "research_professionals": ("over", 13000),
                        "tech_companies": ("over", 1700), "countries_regions": ("exact", 28)}),
    (date(2025, 1, 1), {"unicorns": ("exact", 14), "research_professionals": ("over", 15000),
                        "tech_companies": ("over", 2200), "countries_regions": ("exact", 25)}),
    (date(2025, 5, 1), {"unicorns": ("over", 14), "research_professionals": ("over", 15000),
                        "tech_companies": ("over", 2200), "countries_regions": ("exact", 25)}),
]
ABOUT_METRIC_ORDER = ("unicorns", "research_professionals", "tech_companies", "countries_regions")


# --------------------------------------------------------------------------------------------- model

@dataclass(frozen=True)
class Fig:
    """A figure stated in a release body: what a correct extractor should find, and where (per site language)."""

    metric: str
    value: float
    qualifier: str
    texts: dict  # site language -> the phrase as written in that edition


@dataclass
class Edition:
    title: str
    lead: str  # first paragraph, without its dateline
    body: list  # further paragraphs; "## text" is a bold sub-head
    subtitle: str | None = None
    takeaways: list = field(default_factory=list)
    captions: list = field(default_factory=list)


@dataclass
class Rel:
    key: str
    slug: str
    published: date
    generation: str  # press-room | news-room | park-life
    editions: dict  # site language -> Edition
    figs: list = field(default_factory=list)
    about_overrides: dict = field(default_factory=dict)  # (site lang, metric) -> (qualifier, value)
    snapshot: str = "A"  # first snapshot holding it
    dateline: str = "standard"  # en: standard | extracomma | nospace | none
    zh_dateline: str = "compact"  # compact "(香港,2022年1月12日)" | spaced "(香港, 2025 年 3 月 17 日)—"
    en_prefix: str = "/en"  # park-life only: "/en" or "" (older links)
    meta_time: bool = True  # park-life only: <meta property="article:published_time">
    category: str = "Corporate News"
    truncated: bool = False  # snapshot A and B hold a copy cut off inside <head>
    revision: dict | None = None  # B's silent edit: {"lang", "old", "new", "metric", "old_value", "new_value"}
    closers: int = 1  # how many generic closing paragraphs to add

    def path(self, lang: str) -> str:
        if self.generation == "press-room":
            return f"/press-room/{self.slug}/" if lang == "en" else f"/{lang}/press-room/{self.slug}/"
        if self.generation == "news-room":
            return {"en": f"/news-room/{self.slug}/", "zh-hk": f"/zh-hk/news-room/{self.slug}/",
                    "zh-cn": f"/zh-cn/press-room/{self.slug}/"}[lang]
        prefix = self.en_prefix if lang == "en" else f"/{lang}"
        return f"{prefix}/park-life/news-and-events/news/{self.slug}"

    def in_snapshot(self, snap: str) -> bool:
        return SNAPSHOTS.index(self.snapshot) <= SNAPSHOTS.index(snap)


def about_figures(rel: Rel, lang: str) -> dict:
    """metric -> (qualifier class, value) of the About block of one edition (none for zh-cn)."""
    if lang == "zh-cn":
        return {}
    figures = {}
    for start, era in ABOUT_ERAS:
        if rel.published >= start:
            figures = dict(era)
    for (olang, metric), value in rel.about_overrides.items():
        if olang == lang:
            figures[metric] = value
    return figures


# ------------------------------------------------------------------------------------------ formatting

def esc(text: str) -> str:
    """Escape text for an element's content (quotes stay readable)."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape text for an attribute value."""
    return html.escape(text, quote=True)


def num(value: float) -> str:
    return f"{int(value):,}"


def page_date(rel: Rel, lang: str) -> str:
    d = rel.published
    if lang != "en":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if rel.generation == "park-life":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"


def dateline(rel: Rel, lang: str) -> str:
    d = rel.published
    if lang == "en":
        month = MONTHS_LONG[d.month - 1]
        return {"standard": f"(Hong Kong, {d.day} {month} {d.year}) – ",
                "extracomma": f"(Hong Kong, {d.day} {month}, {d.year}) – ",
                "nospace": f"(Hong Kong, {d.day} {month} {d.year})",
                "none": ""}[rel.dateline]
    if rel.zh_dateline == "spaced":
        return f"(香港, {d.year} 年 {d.month} 月 {d.day} 日)—"
    return f"(香港,{d.year}年{d.month}月{d.day}日)"


def about_phrases(rel: Rel, lang: str) -> dict:
    """metric -> the figure phrase of the About sentence, in the shapes the extractor is written against."""
    words = QUALIFIER_WORDS[lang]
    turn = RELEASE_TURN[rel.key]
    phrase = {}
    for i, (metric, (q, v)) in enumerate(sorted(about_figures(rel, lang).items(),
                                                key=lambda kv: ABOUT_METRIC_ORDER.index(kv[0]))):
        options = words[q]
        figure = options[(turn + i) % len(options)] + num(v)
        phrase[metric] = figure + {
            "en": {"unicorns": " unicorns", "research_professionals": " research professionals",
                   "tech_companies": " technology companies", "countries_regions": " countries and regions"},
            "zh-hk": {"unicorns": "家獨角獸企業", "research_professionals": "名研發人員", "tech_companies": "間",
                      "countries_regions": "個國家及地區"},
        }[lang][metric]
    return phrase


def about_sentence(rel: Rel, lang: str) -> str:
    """The About figure sentence: own wording around the fixed figure phrases."""
    p = about_phrases(rel, lang)
    if lang == "en":
        tail = f"{p['tech_companies']} from {p['countries_regions']}"
        if "unicorns" in p:
            return (f"HKSTP's I&T ecosystem today supports {p['unicorns']} with {p['research_professionals']} "
                    f"and {tail}.")
        if "research_professionals" in p:
            return f"HKSTP's I&T ecosystem today brings together {p['research_professionals']} and {tail}."
        return f"HKSTP's I&T ecosystem today brings together {tail}."
    tail = f"{p['tech_companies']}來自{p['countries_regions']}的科技公司"
    if "unicorns" in p:
        return f"目前科技園公司的創科生態圈支持{p['unicorns']}，匯聚{p['research_professionals']}及{tail}。"
    if "research_professionals" in p:
        return f"目前科技園公司的創科生態圈匯聚{p['research_professionals']}及{tail}。"
    return f"目前科技園公司的創科生態圈匯聚{tail}。"


ABOUT_HEADING = {"en": "About Hong Kong Science and Technology Parks Corporation", "zh-hk": "關於香港科技園公司"}


def about_paragraphs(rel: Rel, lang: str) -> list:
    sentence = about_sentence(rel, lang)
    if lang == "en":
        return [
            "Hong Kong Science and Technology Parks Corporation (HKSTP) was established in 2001 to build "
            "Hong Kong into an international hub for innovation and technology. " + sentence,
            "Its ventures and researchers work from Hong Kong Science Park in Shatin, InnoCentre in Kowloon "
            "Tong and three InnoParks in Tai Po, Tseung Kwan O and Yuen Long, where HKSTP provides "
            "laboratories, production space and support services at every stage from idea to market.",
            "More information about HKSTP is available at www.hkstp.org.",
        ]
    return [
        "香港科技園公司於2001年成立，致力推動香港成為國際創新科技中心。" + sentence,
        "科技園公司的企業和科研人員分佈於沙田香港科學園、九龍塘創新中心，以及位於大埔、將軍澳和元朗的"
        "三個創新園，由意念到市場的每個階段均可獲得實驗室、生產空間及支援服務。",
        "有關科技園公司的更多資料，請瀏覽 www.hkstp.org。",
    ]


CONTACTS = {
    "early": {"en": ("Joanne Cheung", "+852 2629 6815", "joanne.cheung@hkstp.example"),
              "zh": ("張詠欣", "+852 2629 6815", "joanne.cheung@hkstp.example"),
              "cn": ("张咏欣", "+852 2629 6815", "joanne.cheung@hkstp.example")},
    "late": {"en": ("Marcus Yip", "+852 2629 6827", "marcus.yip@hkstp.example"),
             "zh": ("葉俊文", "+852 2629 6827", "marcus.yip@hkstp.example"),
             "cn": ("叶俊文", "+852 2629 6827", "marcus.yip@hkstp.example")},
}


def contact(rel: Rel, lang: str) -> tuple:
    era = "early" if rel.published.year < 2023 else "late"
    return CONTACTS[era][{"en": "en", "zh-hk": "zh", "zh-cn": "cn"}[lang]]


# ----------------------------------------------------------------------------------------- page chrome

NAV = {
    "en": [("/", "Home"), ("/about-us/", "About Us"), ("/news-room/", "News Room"), ("/search/", "Search"),
           ("/zh-hk/news-room/", "繁"), ("/zh-cn/press-room/", "简")],
    "zh-hk": [("/", "主頁"), ("/about-us/", "關於我們"), ("/zh-hk/news-room/", "新聞中心"), ("/search/", "搜尋"),
              ("/news-room/", "EN"), ("/zh-cn/press-room/", "简")],
    "zh-cn": [("/", "主页"), ("/about-us/", "关于我们"), ("/zh-cn/press-room/", "新闻中心"), ("/search/", "搜索"),
              ("/news-room/", "EN"), ("/zh-hk/news-room/", "繁")],
}
COOKIE = {
    "en": "We use cookies to improve your browsing experience. By continuing you agree to our use of cookies.",
    "zh-hk": "本網站使用 Cookies 以改善瀏覽體驗。繼續瀏覽即表示您同意我們使用 Cookies。",
    "zh-cn": "本网站使用 Cookies 以改善浏览体验。继续浏览即表示您同意我们使用 Cookies。",
}
FOOTER = {
    "en": ("Hong Kong Science and Technology Parks Corporation",
           "8 Science Park West Avenue, Hong Kong Science Park, Shatin, New Territories, Hong Kong",
           "Tel: +852 2629 1818 | Fax: +852 2629 1833 | Email: enquiry@hkstp.example",
           "© 2025 Hong Kong Science and Technology Parks Corporation. All rights reserved."),
    "zh-hk": ("香港科技園公司", "香港新界沙田香港科學園科技大道西8號", "電話：+852 2629 1818 | 傳真：+852 2629 1833",
              "© 2025 香港科技園公司 版權所有"),
    "zh-cn": ("香港科技园公司", "香港新界沙田香港科学园科技大道西8号", "电话：+852 2629 1818 | 传真：+852 2629 1833",
              "© 2025 香港科技园公司 版权所有"),
}


def chrome_header(lang: str) -> str:
    items = "".join(f'<li><a href="{href}">{esc(label)}</a></li>' for href, label in NAV[lang])
    return (f'<header class="site-header"><a class="logo" href="/">HKSTP</a>\n'
            f'<nav class="main-nav"><ul>{items}</ul></nav></header>\n'
            f'<div class="cookie-banner"><p>{esc(COOKIE[lang])}</p><button type="button">OK</button></div>')


def chrome_footer(lang: str) -> str:
    name, address, phone, rights = FOOTER[lang]
    return (f'<footer class="site-footer">\n<p>{esc(name)}</p>\n<p>{esc(address)}</p>\n<p>{esc(phone)}</p>\n'
            f'<ul><li><a href="/about-us/">About Us</a></li><li><a href="/privacy/">Privacy Policy</a></li>'
            f'<li><a href="/contact-us/">Contact Us</a></li></ul>\n<p class="copyright">{esc(rights)}</p>\n'
            f'</footer>')


def page(lang: str, title: str, main_html: str, head_extra: str = "", after_main: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{HTML_LANG[lang]}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{esc(title)} | HKSTP</title>\n{head_extra}'
            f'<link rel="stylesheet" href="/assets/site.css">\n</head>\n<body>\n{chrome_header(lang)}\n'
            f'<main>\n{main_html}\n</main>\n{after_main}{chrome_footer(lang)}\n</body>\n</html>\n')


CONTACT_FORM = {
    "zh-cn": ('<form class="contact-form" action="/contact-us/" method="post">\n<h3>联络我们</h3>\n'
              '<label>姓名 <input name="name"></label>\n<label>电邮 <input name="email" type="email"></label>\n'
              '<label>电话 <input name="phone" placeholder="+852 0000 0000"></label>\n'
              '<label>查询内容 <textarea name="message"></textarea></label>\n<button type="submit">提交</button>\n'
              '</form>\n'),
}


# ------------------------------------------------------------------------------------------ release pages

def paragraphs_html(paragraphs: list, subhead_tag: str) -> str:
    out = []
    for text in paragraphs:
        if text.startswith("## "):
            out.append(f"<p><{subhead_tag}>{esc(text[3:])}</{subhead_tag}></p>")
        else:
            out.append(f"<p>{esc(text)}</p>")
    return "\n".join(out)


def release_body(rel: Rel, lang: str, ed: Edition) -> list:
    """The body paragraphs of one edition, dateline first, then the generic closers."""
    lead = dateline(rel, lang) + ed.lead
    closers = GENERIC_CLOSERS[lang]
    start = sum(ord(c) for c in rel.slug) % len(closers)
    extra = [closers[(start + i) % len(closers)] for i in range(rel.closers)]
    return [lead, *ed.body, *extra]


def head_links(rel: Rel, lang: str) -> str:
    out = [f'<link rel="canonical" href="{BASE_URL}{rel.path(lang)}">']
    for other in SITE_LANGS:
        if other in rel.editions:
            out.append(f'<link rel="alternate" hreflang="{other}" href="{BASE_URL}{rel.path(other)}">')
    return "\n".join(out) + "\n"


def takeaways_html(rel: Rel, lang: str, ed: Edition) -> str:
    if not ed.takeaways:
        return ""
    items = "".join(f"<li>{esc(t)}</li>" for t in ed.takeaways)
    label = {"en": "Key Takeaways", "zh-hk": "重點摘要", "zh-cn": "重点摘要"}[lang]
    if rel.generation == "park-life":
        return f'<div class="takeaways"><strong>{label}</strong><ul>{items}</ul></div>\n'
    return f'<div class="key-takeaways"><h3>{label}</h3><ul>{items}</ul></div>\n'


def render_press_room(rel: Rel, lang: str, ed: Edition) -> str:
    name, phone, email = contact(rel, lang)
    photos = "\n".join(f'<figure><img src="/assets/photo.svg" alt="{attr(ed.title)}">'
                       f"<figcaption>{esc(c)}</figcaption></figure>" for c in ed.captions)
    about = "\n".join(f"<p>{esc(p)}</p>" for p in about_paragraphs(rel, lang))
    subtitle = f'\n<h2 class="press-subtitle">{esc(ed.subtitle)}</h2>' if ed.subtitle else ""
    main = (f'<div class="press-detail">\n<span class="press-category">{esc(rel.category)}</span>\n'
            f'<h1 class="press-title">{esc(ed.title)}</h1>{subtitle}\n'
            f'<div class="press-date">{page_date(rel, lang)}</div>\n'
            f'<div class="press-photos">\n{photos}\n</div>\n<div class="press-body">\n'
            f'{paragraphs_html(release_body(rel, lang, ed), "strong")}\n'
            f'<h3>{ABOUT_HEADING[lang]}</h3>\n{about}\n'
            f'<div class="media-contact"><p>Media Contact: {esc(name)}, Hong Kong Science and Technology Parks '
            f'Corporation. Tel: {phone}. Email: <a href="mailto:{email}">{email}</a></p></div>\n'
            f'</div>\n</div>')
    return page(lang, ed.title, main, head_links(rel, lang))


def render_news_room(rel: Rel, lang: str, ed: Edition) -> str:
    name, phone, email = contact(rel, lang)
    label = {"en": "Corporate News", "zh-hk": "企業新聞", "zh-cn": "企业新闻"}[lang]
    subtitle = f'\n<p class="news-subtitle">{esc(ed.subtitle)}</p>' if ed.subtitle else ""
    captions = "".join(f"<p>{esc(c)}</p>" for c in ed.captions)
    captions = f'<div class="news-captions">{captions}</div>\n' if captions else ""
    if lang == "zh-cn":
        closing = (f'<p>###</p>\n<div class="media-contact"><p>传媒查询：{name}（香港科技园公司） 电话：{phone} '
                   f'电邮：<a href="mailto:{email}">{email}</a></p></div>\n')
        after = CONTACT_FORM["zh-cn"]
    else:
        about = "".join(f"<p>{esc(p)}</p>" for p in about_paragraphs(rel, lang))
        if lang == "en":
            contact_html = (f"<p><strong>Media Contact:</strong></p><p>Hong Kong Science and Technology Parks "
                            f"Corporation</p><p>{esc(name)}</p><p>Tel: {phone}</p>"
                            f'<p>Email: <a href="mailto:{email}">{email}</a></p>')
        else:
            contact_html = (f"<p><strong>傳媒查詢：</strong></p><p>香港科技園公司</p><p>{esc(name)}</p>"
                            f'<p>電話：{phone}</p><p>電郵：<a href="mailto:{email}">{email}</a></p>')
        closing = (f'<h3 class="about-heading">{ABOUT_HEADING[lang]}</h3>\n<div class="about">{about}</div>\n'
                   f'<div class="media-contact">{contact_html}</div>\n')
        after = ""
    main = (f'<article class="news-article">\n<p class="news-label">{label}</p>\n'
            f'<h1 class="news-title">{esc(ed.title)}</h1>{subtitle}\n'
            f'<p class="news-date">{page_date(rel, lang)}</p>\n'
            f'<img class="news-hero" src="/assets/photo.svg" alt="{attr(ed.title)}">\n'
            f'{takeaways_html(rel, lang, ed)}<div class="news-content">\n'
            f'{paragraphs_html(release_body(rel, lang, ed), "b")}\n{captions}{closing}</div>\n</article>')
    return page(lang, ed.title, main, head_links(rel, lang), after)


def render_park_life(rel: Rel, lang: str, ed: Edition) -> str:
    name, phone, email = contact(rel, lang)
    meta = (f'<meta property="article:published_time" content="{rel.published.isoformat()}">\n'
            if rel.meta_time else "")
    captions = "\n".join(f"<p><em>{esc(c)}</em></p>" for c in ed.captions)
    about = "\n".join(f"<p>{esc(p)}</p>" for p in about_paragraphs(rel, lang))
    contact_label = "Media Contact" if lang == "en" else "傳媒查詢"
    org = "Hong Kong Science and Technology Parks Corporation" if lang == "en" else "香港科技園公司"
    tel = "Tel" if lang == "en" else "電話"
    mail = "Email" if lang == "en" else "電郵"
    main = (f'<section class="news-detail">\n<div class="detail-date">{page_date(rel, lang)}</div>\n'
            f'<h2 class="detail-title">{esc(ed.title)}</h2>\n<div class="detail-body">\n'
            f'{takeaways_html(rel, lang, ed)}{paragraphs_html(release_body(rel, lang, ed), "strong")}\n'
            f'{captions}\n<p><strong>{ABOUT_HEADING[lang]}</strong></p>\n{about}\n'
            f'<p><strong>{contact_label}</strong><br>{org}<br>{esc(name)}<br>{tel}: {phone}<br>'
            f'{mail}: <a href="mailto:{email}">{email}</a></p>\n</div>\n</section>')
    return page(lang, ed.title, main, meta + head_links(rel, lang))


RENDERERS = {"press-room": render_press_room, "news-room": render_news_room, "park-life": render_park_life}


def render_release(rel: Rel, lang: str, snap: str) -> str:
    ed = rel.editions[lang]
    text = RENDERERS[rel.generation](rel, lang, ed)
    if snap == "B" and rel.revision and rel.revision["lang"] == lang:
        old, new = esc(rel.revision["find"]), esc(rel.revision["replace"])
        assert text.count(old) == 1, f"{rel.key}: revision text must occur once"
        text = text.replace(old, new)
    if rel.truncated:
        cut = text.index('<meta name="viewport"') + len('<meta name="viewport" content="width=dev')
        text = text[:cut]
    return text


# ------------------------------------------------------------------------------- listings and site files

LISTING = {  # site language -> (first page path, heading)
    "en": ("/news-room/", "News Room"),
    "zh-hk": ("/zh-hk/news-room/", "新聞中心"),
    "zh-cn": ("/zh-cn/press-room/", "新闻中心"),
}


def listing_entries(releases: list, lang: str, snap: str) -> list:
    """(date, url path, title) newest first, with the planted dead link in the English listing."""
    entries = [(r.published, r.path(lang), r.editions[lang].title) for r in releases if lang in r.editions]
    if lang == "en" and DEAD_LINK["lang"] == "en":
        entries.append((DEAD_LINK["published"], DEAD_LINK["path"], DEAD_LINK["title"]))
    return sorted(entries, key=lambda e: (e[0], e[1]), reverse=True)


def listing_pages(releases: list, lang: str, snap: str) -> dict:
    """url path -> html of each listing page of one language."""
    first, heading = LISTING[lang]
    entries = listing_entries(releases, lang, snap)
    chunks = [entries[i:i + PAGE_SIZE] for i in range(0, len(entries), PAGE_SIZE)]
    pages = {}
    for n, chunk in enumerate(chunks, start=1):
        path = first if n == 1 else f"{first}page/{n}/"
        items = "\n".join(f'<li><span class="news-list-date">{page_date_plain(d, lang)}</span> '
                          f'<a href="{href}">{esc(title)}</a></li>' for d, href, title in chunk)
        nav = []
        if n > 1:
            nav.append(f'<a class="prev" href="{first if n == 2 else f"{first}page/{n - 1}/"}">&lt;</a>')
        nav.append(f"<span>{n} / {len(chunks)}</span>")
        if n < len(chunks):
            nav.append(f'<a class="next" href="{first}page/{n + 1}/">&gt;</a>')
        main = (f'<div class="listing">\n<h1>{esc(heading)}</h1>\n<ul class="news-list">\n{items}\n</ul>\n'
                f'<nav class="pagination">{" ".join(nav)}</nav>\n</div>')
        pages[path] = page(lang, heading, main, f'<link rel="canonical" href="{BASE_URL}{path}">\n')
    return pages


def page_date_plain(d: date, lang: str) -> str:
    if lang == "en":
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def other_pages(releases: list) -> dict:
    latest = sorted((r for r in releases if "en" in r.editions), key=lambda r: r.published, reverse=True)[:5]
    items = "\n".join(f'<li><a href="{r.path("en")}">{esc(r.editions["en"].title)}</a></li>' for r in latest)
    home = (f'<div class="home">\n<h1>Hong Kong Science and Technology Parks</h1>\n'
            f"<p>Where ideas become ventures: laboratories, programmes and a community for innovators.</p>\n"
            f'<h2>Latest news</h2>\n<ul class="home-news">\n{items}\n</ul>\n'
            f'<p><a href="/news-room/">All news</a> · <a href="/zh-hk/news-room/">新聞中心</a> · '
            f'<a href="/zh-cn/press-room/">新闻中心</a></p>\n</div>')
    about = ('<div class="page">\n<h1>About Us</h1>\n<p>HKSTP runs Hong Kong Science Park, InnoCentre and the '
             "InnoParks, and supports technology ventures with space, programmes and partners.</p>\n"
             '<p>Our press releases are listed in the <a href="/news-room/">News Room</a>.</p>\n</div>')
    search = ('<div class="page">\n<h1>Search</h1>\n<form action="/search/" method="get"><input name="q">'
              '<button type="submit">Search</button></form>\n<p>Type a word to search the site.</p>\n</div>')
    privacy = ('<div class="page">\n<h1>Privacy Policy</h1>\n<p>This sample site stores no personal data.</p>\n'
               "</div>")
    contact_us = ('<div class="page">\n<h1>Contact Us</h1>\n<p>Tel: +852 2629 1818</p>\n'
                  "<p>Email: enquiry@hkstp.example</p>\n</div>")
    return {
        "/": page("en", "Home", home, f'<link rel="canonical" href="{BASE_URL}/">\n'),
        "/about-us/": page("en", "About Us", about),
        "/search/": page("en", "Search", search, '<meta name="robots" content="noindex">\n'),
        "/privacy/": page("en", "Privacy Policy", privacy),
        "/contact-us/": page("en", "Contact Us", contact_us),
    }


ROBOTS = f"""User-agent: *
Disallow: /search/
Disallow: /admin/

Sitemap: {BASE_URL}/sitemap.xml
"""


def sitemaps(releases: list) -> dict:
    """The sitemap index and its two children; release lastmod is the published date."""
    def urlset(rows):
        body = "\n".join(f"  <url><loc>{BASE_URL}{loc}</loc><lastmod>{mod}</lastmod></url>" for loc, mod in rows)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}\n</urlset>\n')

    def rows_for(langs):
        rows = [(r.path(lang), r.published.isoformat()) for r in releases for lang in langs if lang in r.editions]
        return sorted(rows, key=lambda row: (row[1], row[0]), reverse=True)

    en_rows = rows_for(["en"])
    newest = en_rows[0][1]
    en_rows = en_rows + [("/", newest), ("/about-us/", "2019-01-01"), ("/news-room/", newest)]
    zh_rows = rows_for(["zh-hk", "zh-cn"])
    index_rows = [("sitemap-en.xml", max(m for _, m in en_rows)), ("sitemap-zh.xml", max(m for _, m in zh_rows))]
    index_body = "\n".join(f"  <sitemap><loc>{BASE_URL}/{loc}</loc><lastmod>{mod}</lastmod></sitemap>"
                           for loc, mod in index_rows)
    index = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{index_body}\n</sitemapindex>\n')
    return {"/sitemap.xml": index, "/sitemap-en.xml": urlset(en_rows), "/sitemap-zh.xml": urlset(zh_rows)}


CSS = """body{font-family:sans-serif;margin:0}header,footer{background:#003a70;color:#fff;padding:1em}
header a,footer a{color:#fff}.cookie-banner{background:#eee;padding:.5em}main{max-width:50em;margin:auto;padding:1em}
"""
PHOTO_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90" viewBox="0 0 160 90">'
             '<rect width="160" height="90" fill="#cfd8e3"/></svg>\n')


def url_to_file(root: Path, url_path: str) -> Path:
    """Where the file for a site URL path lives in a snapshot folder."""
    rel = url_path.lstrip("/")
    return root / (rel + "index.html" if url_path.endswith("/") else rel)


# ------------------------------------------------------------------------------- expected findings

def edition_claims(rel: Rel, lang: str, snap: str) -> dict:
    """metric -> (value, qualifier class, phrase) a correct pipeline extracts for the metrics this sample tracks."""
    claims = {}
    phrases = about_phrases(rel, lang) if lang != "zh-cn" else {}
    for metric, (q, v) in about_figures(rel, lang).items():
        claims[metric] = (v, q, phrases[metric])
    for fig in rel.figs:
        if lang in fig.texts:
            value = fig.value
            if snap == "B" and rel.revision and rel.revision["metric"] == fig.metric and rel.revision["lang"] == lang:
                value = rel.revision["new_value"]
            if fig.metric in claims:
                assert claims[fig.metric][:2] == (value, fig.qualifier), f"{rel.key}: {fig.metric} disagrees"
            claims[fig.metric] = (value, fig.qualifier, fig.texts[lang])
    return claims


def severity(old: float, new: float) -> str:
    if new > old:
        return "info"
    return "critical" if (old - new) / old > 0.10 else "warning"


def intify(v):
    return int(v) if float(v).is_integer() else v


def compute_findings(releases: list, snap: str) -> list:
    """Every finding a correct pipeline makes on one snapshot (after loading A, then B for snapshot B)."""
    timeline = {}  # (metric, content language) -> [(date, rel, lang, value, qualifier)]
    for rel in releases:
        if rel.truncated:
            continue
        for lang in rel.editions:
            for metric, (value, q, _) in edition_claims(rel, lang, snap).items():
                timeline.setdefault((metric, CONTENT_LANG[lang]), []).append((rel.published, rel, lang, value, q))
    found = []

    def row(check, metric, clang, a, b, **extra):
        return {"check_name": check, "metric": metric, "language": clang,
                "old_value": intify(a[3]), "new_value": intify(b[3]), "old_qualifier": a[4], "new_qualifier": b[4],
                "old_published_on": a[0].isoformat(), "new_published_on": b[0].isoformat(),
                "old_url_path": a[1].path(a[2]), "new_url_path": b[1].path(b[2]), **extra}

    for (metric, clang), points in sorted(timeline.items()):
        points.sort(key=lambda p: p[0])
        dates = [p[0] for p in points]
        assert len(set(dates)) == len(dates), f"two releases on one day for {metric}/{clang}"
        for a, b in zip(points, points[1:]):
            if a[3] != b[3]:
                found.append(row("figure_changed", metric, clang, a, b, severity=severity(a[3], b[3])))
            elif a[4] != b[4]:
                found.append(row("qualifier_changed", metric, clang, a, b))
        for i, a in enumerate(points):
            for b in points[i + 1:]:
                if (b[0] - a[0]).days <= 7 and a[3] != b[3]:
                    found.append(row("figure_conflict", metric, clang, a, b))
    for rel in releases:  # translation mismatch: the English edition against each Chinese one
        if rel.truncated or "en" not in rel.editions:
            continue
        en = edition_claims(rel, "en", snap)
        for lang in ("zh-hk", "zh-cn"):
            if lang not in rel.editions:
                continue
            for metric, (value, q, _) in edition_claims(rel, lang, snap).items():
                if metric in en and en[metric][0] != value:
                    a = (rel.published, rel, "en", en[metric][0], en[metric][1])
                    b = (rel.published, rel, lang, value, q)
                    found.append(row("translation_mismatch", metric, f"en/{CONTENT_LANG[lang]}", a, b,
                                     old_language="en", new_language=CONTENT_LANG[lang]))
    if snap == "B":
        for rel in releases:
            if rel.revision:
                r = rel.revision
                point = (rel.published, rel, r["lang"], None, None)
                found.append({**row("release_revised", r["finding_metric"], CONTENT_LANG[r["lang"]],
                                    point[:3] + (r["old_value"], "exact"), point[:3] + (r["new_value"], "exact")),
                              "old_text": r["old_text"], "new_text": r["new_text"]})
    return found


PLANTED = [  # case, check_name, metric, language, old value, new value
    ("increase", "figure_changed", "tech_companies", "en", 1700, 1800),
    ("decrease_of_cumulative_figure", "figure_changed", "countries_regions", "en", 28, 25),
    ("qualifier_change", "qualifier_changed", "unicorns", "en", 14, 14),
    ("english_chinese_mismatch", "translation_mismatch", "countries_regions", "en/zh-hant", 28, 26),
    ("conflict_within_a_week", "figure_conflict", "tech_companies", "en", 1800, 1700),
    ("silent_revision", "release_revised", None, "en", 1000000000, 1200000000),
]


def expected_document(releases: list) -> dict:
    by_snap = {s: [r for r in releases if r.in_snapshot(s)] for s in SNAPSHOTS}
    found = {s: compute_findings(by_snap[s], s) for s in SNAPSHOTS}
    key = lambda f: (f["check_name"], f["metric"] or "", f["language"], f["old_value"], f["new_value"],  # noqa: E731
                     f["old_published_on"], f["new_published_on"])
    first_seen = {}
    for s in SNAPSHOTS:
        for f in found[s]:
            first_seen.setdefault(key(f), (s, f))
    planted, planted_keys = [], set()
    for case, check, metric, language, old, new in PLANTED:
        matches = [f for k, (s, f) in first_seen.items()
                   if k[:5] == (check, metric or "", language, old, new)]
        assert len(matches) == 1, f"planted case {case} found {len(matches)} times"
        f = matches[0]
        planted_keys.add(key(f))
        planted.append({"case": case, "snapshot": first_seen[key(f)][0], **f})
    for p in planted:  # attach the phrases so tests can find them in the HTML
        if p["check_name"] != "release_revised":
            p["old_text"], p["new_text"] = phrase_of(releases, p, "old"), phrase_of(releases, p, "new")
    others = [{"snapshot": s, **f} for k, (s, f) in sorted(first_seen.items(), key=lambda kv: (kv[0][2], kv[0][1],
              kv[0][6], kv[0][0])) if k not in planted_keys]
    for o in others:
        o["note"] = OTHER_NOTES.get((o["check_name"], o["metric"], o["language"], o["new_published_on"]),
                                    "About figure moved with the real one (hkstp-figures.csv)")
    truncated = [r for r in releases if r.truncated]
    errors = [{"url_path": r.path("en"), "reason_contains": "truncated", "snapshots": list(SNAPSHOTS),
               "what": "release file cut off inside <head>: no <title>, no body"} for r in truncated]
    errors.append({"url_path": DEAD_LINK["path"], "reason_contains": "404", "snapshots": list(SNAPSHOTS),
                   "what": "listed on /news-room/ (English listing) but the page does not exist"})
    return {"planted": planted, "expected_errors": errors, "other_changes": others,
            "counts": {s: counts(by_snap[s]) for s in SNAPSHOTS}}


OTHER_NOTES = {
    ("figure_changed", "tech_companies", "en", "2024-06-25"):
        "the consecutive pair of the planted figure_conflict; a pipeline may also report it as figure_changed",
}


def phrase_of(releases: list, finding: dict, side: str) -> str:
    path = finding[f"{side}_url_path"]
    for rel in releases:
        for lang in rel.editions:
            if rel.path(lang) == path:
                return edition_claims(rel, lang, "B")[finding["metric"]][2]
    raise KeyError(path)


def counts(releases: list) -> dict:
    editions = {}
    for r in releases:
        for lang in r.editions:
            k = f"{CONTENT_LANG[lang]}/{r.generation}"
            editions[k] = editions.get(k, 0) + 1
    parsed = sum(len(r.editions) for r in releases if not r.truncated)
    return {"releases": len(releases), "release_files": sum(len(r.editions) for r in releases),
            "editions_parsed": parsed, "editions_failed": sum(len(r.editions) for r in releases if r.truncated),
            "listing_dead_links": 1, "by_language_and_generation": dict(sorted(editions.items()))}


# -------------------------------------------------------------------------------------------- YAML out

def yaml_scalar(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(intify(v))
    return json.dumps(v, ensure_ascii=False)


def yaml_dump(obj, indent: int = 0) -> str:
    pad = " " * indent
    lines = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if isinstance(v, (dict, list)) and v:
                lines.append(f"{pad}{k}:")
                lines.append(yaml_dump(v, indent + 2))
            elif isinstance(v, (dict, list)):
                lines.append(f"{pad}{k}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                lines.append(f"{pad}{k}: {yaml_scalar(v)}")
    else:
        for item in obj:
            if isinstance(item, dict):
                inner = yaml_dump(item, indent + 2).split("\n")
                lines.append(f"{pad}- {inner[0].lstrip()}")
                lines.extend(inner[1:])
            else:
                lines.append(f"{pad}- {yaml_scalar(item)}")
    return "\n".join(lines)


YAML_HEADER = """\
# What a correct hkstp-monitor run finds on the sample site. GENERATED by samples/build_site.py: do not edit.
# Run `monitor` on snapshot A, then on snapshot B, into one warehouse.
# Checks compare claims of one metric and language between consecutive releases by published date;
# qualifier classes follow DESIGN.md ("over" = "more than", "around" = "about" = "approximately").
# figure_changed severity: increase info; decrease warning, or critical when over 10%.
# translation_mismatch: language "en/<chinese>"; old_* is the English edition, new_* the Chinese edition.
# release_revised: old_* is the page in snapshot A, new_* the same URL in snapshot B; the revised figure
#   (an HK$ investment) has no key in the metric vocabulary, so the finding's metric is null.
# URL paths are relative to the site root (pages name https://www.hkstp.org in canonical, hreflang, sitemap).
# snapshot: the first snapshot after which the finding exists.
"""


# ---------------------------------------------------------------------------------------------- build

def build_snapshot(releases: list, snap: str, root: Path) -> int:
    files = {}
    for rel in releases:
        for lang in rel.editions:
            files[rel.path(lang)] = render_release(rel, lang, snap)
    for lang in SITE_LANGS:
        files.update(listing_pages(releases, lang, snap))
    files.update(other_pages(releases))
    files.update(sitemaps(releases))
    files["/robots.txt"] = ROBOTS
    files["/assets/site.css"] = CSS
    files["/assets/photo.svg"] = PHOTO_SVG
    total = 0
    for url_path, text in sorted(files.items()):
        target = url_to_file(root, url_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        target.write_bytes(data)
        total += len(data)
    return total


def check_phrases(releases: list) -> None:
    """Each declared figure phrase must be in the text of its edition (so tests and findings match the pages)."""
    for rel in releases:
        for fig in rel.figs:
            for lang, phrase in fig.texts.items():
                ed = rel.editions[lang]
                text = " ".join([ed.title, ed.lead, *ed.body, *ed.takeaways])
                assert phrase in text, f"{rel.key} {lang}: {phrase!r} not in the text"


def build(out_dir: Path = SITE_DIR) -> dict:
    releases = sorted(RELEASES, key=lambda r: r.published)
    check_phrases(releases)
    sizes = {}
    for snap in SNAPSHOTS:
        root = out_dir / snap
        if root.exists():
            shutil.rmtree(root)
        sizes[snap] = build_snapshot([r for r in releases if r.in_snapshot(snap)], snap, root)
    doc = expected_document(releases)
    (out_dir / "expected-findings.yaml").write_text(YAML_HEADER + yaml_dump(doc) + "\n", encoding="utf-8")
    return {"bytes": sizes, **doc["counts"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=SITE_DIR, help="folder to write A/, B/ and expected-findings.yaml")
    args = parser.parse_args()
    summary = build(args.out)
    print(json.dumps(summary, indent=2, ensure_ascii=False))


# CONTENT (appended below)
# ---------------------------------------------------------------------------------------------- content
# Everything below is this project's own writing. People quoted are fictional spokespersons.


def F(metric: str, value: float, qualifier: str, en: str | None = None, zh: str | None = None,
      cn: str | None = None) -> Fig:
    texts = {lang: t for lang, t in (("en", en), ("zh-hk", zh), ("zh-cn", cn)) if t}
    return Fig(metric, value, qualifier, texts)


E = Edition
D = date
CEO = ("Ms Helen Tsang, Chief Executive Officer of HKSTP", "科技園公司行政總裁曾凱琳女士", "科技园公司行政总裁曾凯琳女士")
CCDO = ("Ms Rebecca Lau, Chief Corporate Development Officer of HKSTP", "科技園公司首席企業發展總監劉嘉欣女士",
        "科技园公司首席企业发展总监刘嘉欣女士")
CTO = ("Dr Vincent Ho, Chief Technology Officer of HKSTP", "科技園公司首席科技總監何志明博士",
       "科技园公司首席科技总监何志明博士")

GENERIC_CLOSERS = {
    "en": [
        "HKSTP will keep working with the Government, universities and industry to turn research into products "
        "and jobs, and to make Hong Kong a place where technology ventures can start, grow and stay.",
        "Further details, including application guidelines and key dates, are available on the HKSTP website.",
        "The initiative is part of HKSTP's wider effort to connect local research with investors, corporate "
        "partners and markets across the Greater Bay Area and beyond.",
        "Park companies interested in taking part can contact their HKSTP account managers or visit the Park's "
        "online portal for more information.",
    ],
    "zh-hk": [
        "科技園公司會繼續與政府、大學及業界合作，將科研成果轉化為產品和就業機會，讓科技企業在香港起步、成長並扎根。",
        "申請指引及重要日期等詳情，已上載至科技園公司網站。",
        "是項計劃是科技園公司連繫本地科研與投資者、企業夥伴，以及大灣區和海外市場的工作之一。",
        "有意參與的園區企業可聯絡科技園公司客戶經理，或瀏覽園區網上平台了解詳情。",
    ],
    "zh-cn": [
        "科技园公司会继续与政府、大学及业界合作，将科研成果转化为产品和就业机会，让科技企业在香港起步、成长并扎根。",
        "申请指引及重要日期等详情，已上载至科技园公司网站。",
        "是项计划是科技园公司连系本地科研与投资者、企业伙伴，以及大湾区和海外市场的工作之一。",
        "有意参与的园区企业可联络科技园公司客户经理，或浏览园区网上平台了解详情。",
    ],
}

# A listing link whose page does not exist (planted 404). Listed on /news-room/ only, not in the sitemap.
DEAD_LINK = {"lang": "en", "published": D(2022, 11, 17), "title": "HKSTP Hosts Smart City Forum for Park Ventures",
             "path": "/news-room/hkstp-hosts-smart-city-forum-for-park-ventures/"}

RELEASES = [
    # ------------------------------------------------------------------------------------------- 2019
    Rel("R01", "incubation-programmes-open-2019-spring-intake", D(2019, 1, 24), "press-room", {
        "en": E("HKSTP Opens 2019 Spring Intake for Its Incubation Programmes",
                subtitle="Founders in healthtech, AI and smart city fields invited to apply",
                lead="Hong Kong Science and Technology Parks Corporation (HKSTP) today opened the spring intake of "
                     "its incubation programmes, inviting early-stage founders to bring their ideas to Hong Kong "
                     "Science Park. Last year the programmes handled over 600 applications and enquiries, and the "
                     "intake team expects interest to rise again as more university spin-offs look for laboratory "
                     "space.",
                body=["## What admitted ventures receive",
                      "Admitted ventures get office or laboratory space at subsidised rents, mentoring from "
                      "industry veterans and introductions to investors in the Park's network. Teams working on "
                      "healthtech, artificial intelligence and smart city solutions are especially encouraged to "
                      "apply.",
                      f"“Good ideas rarely fail for lack of talent; they fail for lack of time, money and the right "
                      f"contacts,” said {CCDO[0]}. “Our programmes are designed to give founders all three.”"],
                captions=["Photo 1: Founders attend an information session at Hong Kong Science Park."])},
        figs=[F("incubation_applications", 600, "over", en="over 600 applications and enquiries")]),

    Rel("R02", "hkstp-celebrates-its-2019-incubation-graduates", D(2019, 3, 21), "news-room", {
        "en": E("HKSTP Celebrates Its 2019 Incubation Graduates",
                lead="HKSTP today honoured 80 incubatees that have completed its incubation programmes, at a "
                     "ceremony attended by founders, investors and government guests. During their time in the "
                     "Park the graduating class collected 99 awards, filed 38 patents and raised HK$134 million "
                     "from investors.",
                body=["## A larger pipeline ahead",
                      "HKSTP aims to admit more than 500 ventures to its incubation programmes in the coming "
                      "years, widening support for deep-tech teams that need a longer runway before they reach "
                      "the market.",
                      f"“Each graduate leaves with a product, a team and a track record,” said {CTO[0]}. “That is "
                      f"exactly what investors look for.”"],
                captions=["Photo 1: Graduates and guests at the ceremony in Science Park."]),
        "zh-cn": E("香港科技园公司祝贺2019年度培育计划毕业企业",
                   lead="香港科技园公司今日为80家完成培育计划的企业举行毕业典礼，创业者、投资者及政府嘉宾均有出席。"
                        "毕业企业在园区期间共获得99个奖项、申请38项专利，并从投资者筹得1.34亿港元。",
                   body=["## 培育规模持续扩大",
                         "科技园公司计划在未来数年接纳超过500家企业加入培育计划，为需要较长研发周期的深科技团队提供更多支援。",
                         f"{CTO[2]}表示：“每一家毕业企业都带着产品、团队和往绩离开，这正是投资者最看重的。”"],
                   captions=["图1：毕业企业代表与嘉宾在科学园典礼上合照。"])},
        figs=[F("incubation_graduates", 80, "exact", en="80 incubatees", cn="80家"),
              F("awards_won", 99, "exact", en="99 awards", cn="99个奖项"),
              F("patents", 38, "exact", en="38 patents", cn="38项专利"),
              F("funds_raised_hkd", 134_000_000, "exact", en="HK$134 million", cn="1.34亿港元"),
              F("incubation_target", 500, "over", en="more than 500 ventures", cn="超过500家")]),

    Rel("R04", "technology-entrepreneur-programme-welcomes-its-largest-cohort", D(2019, 7, 18), "press-room", {
        "en": E("Technology Entrepreneur Programme Welcomes Its Largest Cohort",
                lead="HKSTP's programme for first-time technology entrepreneurs admitted 70 teams this summer, "
                     "selected from more than 300 applications, the highest number it has received.",
                body=["## A year to prove an idea",
                      "Over the next year each team will receive a monthly allowance, a shared workspace and "
                      "structured workshops on customer discovery, intellectual property and fundraising. Teams "
                      "that show traction may then apply to HKSTP's incubation programmes.",
                      f"“We are looking for founders who test their assumptions early and often,” said {CCDO[0]}."],
                captions=["Photo 1: The new cohort at the programme's opening workshop.",
                          "Photo 2&3: Mentors meet teams during the first clinic session."])},
        figs=[F("step_teams_admitted", 70, "exact", en="70 teams"),
              F("step_applications", 300, "over", en="more than 300 applications")]),

    Rel("R05", "two-innohk-research-clusters-take-shape-at-science-park", D(2019, 10, 17), "news-room", {
        "en": E("Two InnoHK Research Clusters Take Shape at Science Park",
                lead="HKSTP is preparing laboratory and office space at Hong Kong Science Park for 2 InnoHK "
                     "research clusters, one in healthcare technologies and one in artificial intelligence and "
                     "robotics. The clusters will host research centres set up jointly by local universities and "
                     "leading institutions from abroad.",
                body=["## Space built for collaboration",
                      "The fit-out includes shared wet laboratories, clean rooms and meeting areas designed so that "
                      "researchers from different centres can work side by side. HKSTP will also connect the "
                      "centres with Park companies looking for research partners.",
                      f"“Great research needs neighbours,” said {CTO[0]}. “We are building a place where a "
                      f"scientist can walk down the corridor and find an engineer who wants to use the result.”"])},
        figs=[F("innohk_clusters", 2, "exact", en="2 InnoHK research clusters")], dateline="none", closers=2),

    Rel("R06", "winter-open-day-brings-families-to-science-park", D(2019, 12, 5), "park-life", {
        "en": E("Winter Open Day Brings Families to Science Park",
                lead="Over 500 participants joined HKSTP's winter open day, trying hands-on robotics workshops, "
                     "virtual reality demonstrations and guided tours of laboratories that are usually closed to "
                     "the public.",
                body=["Park companies staged live demonstrations of delivery robots, air-quality sensors and "
                      "rehabilitation devices, and answered questions from young visitors considering science "
                      "careers.",
                      f"“Open days remind us who all this work is for,” said {CEO[0]}."],
                captions=["Photo 1: Young visitors try a robotics workshop."])},
        figs=[F("event_participants", 500, "over", en="Over 500 participants")], en_prefix="", meta_time=False),

    # ------------------------------------------------------------------------------------------- 2020
    Rel("R07", "hkstp-rolls-out-relief-measures-for-park-companies", D(2020, 2, 20), "press-room", {
        "en": E("HKSTP Rolls Out Relief Measures for Park Companies",
                subtitle="Rental concessions and faster payments to ease cash flow",
                lead="HKSTP today announced relief measures for tenants and incubatees affected by the public "
                     "health situation, including a 50% rental concession for six months.",
                body=["## Keeping research running",
                      "Laboratories at Science Park stay open under enhanced cleaning and access arrangements, so "
                      "that companies running long experiments do not lose months of work. HKSTP will also speed "
                      "up payments to suppliers among its Park companies.",
                      f"“Cash flow is the first thing a young company runs out of in a crisis,” said {CEO[0]}. "
                      f"“These measures give our community room to breathe.”"],
                captions=["Photo 1: Enhanced cleaning at a Science Park laboratory."])},
        figs=[F("rent_concession_pct", 50, "exact", en="50% rental concession")]),

    Rel("R08", "108-ventures-graduate-from-hkstp-programmes", D(2020, 5, 28), "news-room", {
        "en": E("108 Ventures Graduate from HKSTP Programmes",
                lead="A total of 108 ventures graduated from HKSTP's incubation and entrepreneur programmes this "
                     "spring, at a ceremony held online for the first time.",
                body=["## Taking products abroad",
                      "Graduates already sell into 6 markets outside Hong Kong, and several plan to open offices in "
                      "the Greater Bay Area later this year.",
                      f"“Graduating online did not make it any less of an achievement,” said {CCDO[0]}."])},
        figs=[F("graduates_total", 108, "exact", en="108 ventures"),
              F("graduate_markets", 6, "exact", en="6 markets")], dateline="none", closers=2),

    Rel("R09", "science-park-laboratories-reopen-with-new-safety-measures", D(2020, 9, 3), "news-room", {
        "en": E("Science Park Laboratories Reopen with New Safety Measures",
                lead="Shared laboratories at Hong Kong Science Park reopened today with new booking rules, "
                     "ventilation upgrades and contact-free access.",
                body=["Users can reserve benches and instruments through an online calendar, and HKSTP staff will "
                      "check in with each team during its first week back.",
                      f"“Our users asked for certainty, and a booking system gives them that,” said {CTO[0]}."])},
        truncated=True),

    Rel("R10", "elevator-pitch-competition-2020-crowns-winners-after-virtual-final", D(2020, 11, 6), "news-room", {
        "en": E("Elevator Pitch Competition 2020 Crowns Winners after Virtual Final",
                lead="The fifth Elevator Pitch Competition (EPiC) closed with a virtual grand final watched by "
                     "over 77,000 live viewers, as founders competed for a top prize of US$200,000.",
                body=["## Moving the stage online",
                      "This year's edition drew 476 entries, and nearly 70% of the 170 semi-finalists came from "
                      "outside Hong Kong. Judges heard every pitch by video link, and the audience voted online for "
                      "the people's choice award.",
                      f"“The format changed, but the nerves were the same,” said {CCDO[0]}. “The winners showed "
                      f"real clarity about the problems they solve.”"],
                captions=["Photo 1: The winning team pitches to judges by video link."])},
        figs=[F("live_views", 77000, "over", en="over 77,000 live viewers"),
              F("prize_usd", 200000, "exact", en="US$200,000"),
              F("epic_entries", 476, "exact", en="476 entries"),
              F("overseas_share", 70, "nearly", en="nearly 70%"),
              F("semifinalists", 170, "exact", en="170 semi-finalists")]),

    Rel("R11", "biomedical-cluster-at-science-park-keeps-growing", D(2020, 11, 25), "press-room", {
        "en": E("Biomedical Cluster at Science Park Keeps Growing",
                lead="Science Park is now home to approximately 150 biotech firms, from diagnostics developers to "
                     "teams working on cell therapies, HKSTP said today as it opened a new shared laboratory floor.",
                body=["## Equipment small teams could not afford alone",
                      "The new floor adds contained laboratories, cold storage and instrument rooms that early-stage "
                      "teams could not afford on their own, with technicians on hand to train new users.",
                      f"“Biomedical founders lose months waiting for lab space elsewhere,” said {CTO[0]}. “Here "
                      f"they can start work in weeks.”"],
                captions=["Photo 1: The new shared laboratory floor at Science Park."])},
        figs=[F("biotech_companies", 150, "about", en="approximately 150 biotech firms")]),

    # ------------------------------------------------------------------------------------------- 2021
    Rel("R12", "corporate-venture-fund-receives-hk350-million-injection", D(2021, 2, 24), "press-room", {
        "en": E("Corporate Venture Fund Receives HK$350 Million Injection",
                lead="The Government will inject HK$350 million into HKSTP's Corporate Venture Fund, taking the "
                     "fund to HK$600 million, according to the Budget announced today.",
                body=["## Backing the next round",
                      "The fund invests alongside private investors in Park companies that have shown traction. "
                      "So far every HK$1 it has put in has been matched by HK$13 from private investors.",
                      f"“The injection lets us follow on in rounds where our companies need it most,” said {CEO[0]}."],
                captions=["Photo 1: Founders backed by the Corporate Venture Fund."])},
        figs=[F("fund_injection_hkd", 350_000_000, "exact", en="HK$350 million"),
              F("fund_hkd", 600_000_000, "exact", en="HK$600 million"),
              F("co_investment_ratio", 13, "exact", en="HK$13")]),

    Rel("R15", "hkstp-marks-20-years-of-building-hong-kong-s-i-t-community", D(2021, 10, 6), "press-room", {
        "en": E("HKSTP Marks 20 Years of Building Hong Kong's I&T Community",
                lead="HKSTP today marked 20 years since its establishment with an exhibition tracing how the Park "
                     "grew from a handful of tenants into the heart of Hong Kong's innovation and technology "
                     "community.",
                body=["## From a handful of tenants to a community",
                      "The exhibition, open to the public at Science Park, brings together early prototypes, "
                      "photographs and interviews with founders who started their companies in the Park.",
                      f"“Our first tenants took a risk on an empty campus,” said {CEO[0]}. “Today's founders "
                      f"inherit the community those pioneers built.”"],
                captions=["Photo 1: Guests at the anniversary exhibition.",
                          "Photo 2&3: Early prototypes on show."])},
        figs=[F("years_operating", 20, "exact", en="20 years")], category="Press Room"),

    Rel("R16", "hkstp-sets-out-plan-for-new-industrialisation", D(2021, 11, 26), "press-room", {
        "en": E("HKSTP Sets Out Plan for New Industrialisation",
                lead="HKSTP today set out how its 3 industrial estates will support Hong Kong's new "
                     "industrialisation, guided by 8 principles agreed with industry partners.",
                body=["## Investing in production space",
                      "HKSTP will commit HK$1 billion in the coming years to upgrade production facilities at the "
                      "estates, adding space suited to advanced manufacturing, microelectronics and food technology.",
                      f"“Manufacturing is coming back to Hong Kong in a smarter, cleaner form,” said {CEO[0]}. "
                      f"“Our estates have to be ready for it.”"],
                captions=["Photo 1: A production line at InnoPark Tai Po."])},
        figs=[F("industrial_estates", 3, "exact", en="3 industrial estates"),
              F("guiding_principles", 8, "exact", en="8 principles"),
              F("investment_hkd", 1_000_000_000, "exact", en="HK$1 billion")],
        category="Press Room",
        revision={"lang": "en", "find": "HK$1 billion in the coming years",
                  "replace": "HK$1.2 billion in the coming years", "old_text": "HK$1 billion",
                  "new_text": "HK$1.2 billion", "metric": "investment_hkd", "old_value": 1_000_000_000,
                  # the vocabulary has no key for this investment: the finding names no metric
                  "finding_metric": None,
                  "new_value": 1_200_000_000}),
]

RELEASES += [
    # ------------------------------------------------------------------------------------------- 2022
    Rel("R17", "hkstp-opens-shared-microelectronics-pilot-line", D(2022, 1, 12), "news-room", {
        "en": E("HKSTP Opens Shared Microelectronics Pilot Line",
                lead="HKSTP today opened a shared pilot line for microelectronics at InnoPark Tai Po, letting chip "
                     "design start-ups run small production batches without building their own facilities. The "
                     "line can process up to 200 wafers a month.",
                body=["## Booked by the hour",
                      "Access is booked by the hour, and HKSTP engineers help users plan test runs and interpret the "
                      "results.",
                      f"“A chip designer should not need a factory to find out whether a design works,” said "
                      f"{CTO[0]}."],
                captions=["Photo 1: Engineers at the new pilot line in InnoPark Tai Po."]),
        "zh-hk": E("科技園公司啟用共享微電子試產線",
                   lead="香港科技園公司今日於大埔創新園啟用共享微電子試產線，讓晶片設計初創企業毋須自建設施，亦可進行小批量試產。"
                        "試產線每月可處理多達200片晶圓。",
                   body=["## 按小時預約",
                         "用戶可按小時預約使用，科技園公司的工程師會協助規劃試產及分析結果。",
                         f"{CTO[1]}表示：「晶片設計師不應該要先擁有一間工廠，才能知道設計是否可行。」"],
                   captions=["圖1：工程師在大埔創新園的全新試產線工作。"])},
        figs=[F("wafer_capacity", 200, "up_to", en="up to 200 wafers", zh="多達200片晶圓")]),

    Rel("R18", "career-expo-offers-over-2900-i-t-jobs", D(2022, 3, 10), "news-room", {
        "en": E("Career Expo Offers Over 2,900 I&T Jobs",
                lead="HKSTP's annual career expo opened today with over 2,900 jobs on offer from over 280 "
                     "exhibitors, ranging from research assistants to product managers.",
                body=["## Online and on campus",
                      "The expo runs online and at Science Park, with career talks for fresh graduates and for "
                      "mid-career professionals moving into technology.",
                      f"“Our companies are hiring at every level,” said {CCDO[0]}. “The expo puts them in front "
                      f"of the people they need.”"],
                captions=["Photo 1: Job seekers at the career expo in Science Park."]),
        "zh-hk": E("創科職業博覽提供超過2,900個職位",
                   lead="香港科技園公司年度職業博覽今日開幕，逾280家參展商提供超過2,900個職位，涵蓋研究助理至產品經理等崗位。",
                   body=["## 網上及實體同步進行",
                         "博覽會同時在網上及科學園舉行，並為應屆畢業生及有意轉投科技行業的在職人士舉辦職業講座。",
                         f"{CCDO[1]}表示：「園區企業各個職級都在招聘，博覽會讓他們直接接觸所需的人才。」"],
                   captions=["圖1：求職者參觀科學園職業博覽。"]),
        "zh-cn": E("创科职业博览提供超过2,900个职位",
                   lead="香港科技园公司年度职业博览今日开幕，逾280家参展商提供超过2,900个职位，涵盖研究助理至产品经理等岗位。",
                   body=["## 网上及实体同步进行",
                         "博览会同时在网上及科学园举行，并为应届毕业生及有意转投科技行业的在职人士举办职业讲座。",
                         f"{CCDO[2]}表示：“园区企业各个职级都在招聘，博览会让他们直接接触所需的人才。”"])},
        figs=[F("jobs_offered", 2900, "over", en="over 2,900 jobs", zh="超過2,900個職位", cn="超过2,900个职位"),
              F("participating_companies", 280, "over", en="over 280 exhibitors", zh="逾280家參展商",
                cn="逾280家参展商")]),

    Rel("R19", "science-park-community-day-returns", D(2022, 6, 9), "park-life", {
        "en": E("Science Park Community Day Returns",
                lead="Science Park's community day returned after a long pause, with Park companies opening their "
                     "doors for talks, product demonstrations and a family science fair.",
                body=["Visitors tested wearable health monitors, watched a drone-mapping demonstration and joined "
                      "short coding lessons run by volunteers from Park companies.",
                      f"“It is good to see the campus full again,” said {CEO[0]}."],
                captions=["Photo 1: A drone-mapping demonstration on the Science Park lawn."]),
        "zh-hk": E("科學園社區日載譽歸來",
                   lead="暌違多時的科學園社區日今日回歸，園區企業開放參觀，舉辦講座、產品示範及親子科學市集。",
                   body=["參加者試用可穿戴健康監測裝置、觀看無人機測繪示範，並參加由園區企業義工主持的編程體驗課。",
                         f"{CEO[1]}表示：「很高興再次看到園區熱鬧起來。」"],
                   captions=["圖1：無人機測繪示範。"])}, closers=2),

    Rel("R21", "hkstp-launches-green-tech-testbed-programme", D(2022, 10, 20), "news-room", {
        "en": E("HKSTP Launches Green Tech Testbed Programme",
                lead="HKSTP today launched a programme that lets green technology ventures trial their products on "
                     "the Park's own buildings, starting with 12 pilot projects in energy management, water "
                     "recycling and waste reduction.",
                body=["## The campus as a testbed",
                      "Each project runs for a season on a live building, with HKSTP facilities staff sharing "
                      "meter data so that teams can measure the savings they deliver.",
                      f"“A real building is the hardest test there is,” said {CTO[0]}. “Passing it is the best "
                      f"reference a green venture can bring to a customer.”"],
                captions=["Photo 1: Sensors being fitted on a Science Park roof."]),
        "zh-hk": E("科技園公司推出綠色科技試點計劃",
                   lead="香港科技園公司今日推出試點計劃，讓綠色科技企業在園區建築物測試產品，首批12個試點項目涵蓋能源管理、水資源循環再用及減廢。",
                   body=["## 以園區作試驗場",
                         "每個項目會在實際運作的建築物進行一季測試，園區設施團隊會提供電錶數據，讓團隊量度節省成效。",
                         f"{CTO[1]}表示：「真實建築物是最嚴格的考驗，通過考驗是綠色科技企業向客戶證明實力的最佳憑證。」"],
                   captions=["圖1：工作人員在科學園天台安裝感應器。"])},
        figs=[F("pilot_projects", 12, "exact", en="12 pilot projects", zh="12個試點項目")]),

    # ------------------------------------------------------------------------------------------- 2023
    Rel("R22", "global-internship-programme-places-students-with-park-companies", D(2023, 1, 11), "news-room", {
        "en": E("Global Internship Programme Places Students with Park Companies",
                takeaways=["Approximately 100 placements offered in the first round",
                           "Projects span software, biomedical research and hardware design"],
                lead="Hong Kong Science and Technology Parks Corporation (HKSTP) has matched students with "
                     "approximately 100 placements in the first round of its Global Internship Programme.",
                body=["## Real projects, real mentors",
                      "Employers across the Park are offering projects in software, biomedical research and "
                      "hardware design, each with a named mentor and a clear deliverable.",
                      f"“Interns who ship something real go back to university with a different idea of what they "
                      f"can do,” said {CCDO[0]}."],
                captions=["Photo 1: Interns meet their mentors at Science Park."]),
        "zh-hk": E("環球實習計劃安排學生到園區企業實習",
                   takeaways=["首輪提供約100個實習名額", "項目涵蓋軟件、生物醫學研究及硬件設計"],
                   lead="香港科技園公司的環球實習計劃首輪已為學生配對約100個實習名額。",
                   body=["## 真實項目 真正導師",
                         "園區僱主提供軟件、生物醫學研究及硬件設計等項目，每個項目均設指定導師及清晰成果。",
                         f"{CCDO[1]}表示：「能夠完成實際成果的實習生，回到大學後會對自己的潛能有全新看法。」"],
                   captions=["圖1：實習生在科學園與導師會面。"])},
        figs=[F("internships", 100, "about", en="approximately 100 placements", zh="約100個實習名額")],
        dateline="nospace"),

    Rel("R24", "new-proof-of-concept-scheme-helps-researchers-test-market-ideas", D(2023, 6, 2), "news-room", {
        "en": E("New Proof-of-Concept Scheme Helps Researchers Test Market Ideas",
                takeaways=["A HK$50 million scheme for university researchers",
                           "Every project paired with an industry mentor"],
                lead="HKSTP today opened a HK$50 million scheme that funds university researchers to build "
                     "prototypes and test whether their discoveries can find paying customers.",
                body=["## Mentors from industry",
                      "Every project is paired with a Park company or an experienced founder who helps the "
                      "researchers talk to customers before they spend on engineering.",
                      f"“Many discoveries never leave the lab because nobody asks who would buy them,” said "
                      f"{CTO[0]}. “This scheme asks that question early.”"],
                captions=["Photo 1: Researchers present prototypes at the scheme's launch."]),
        "zh-hk": E("全新概念驗證計劃助科研人員測試市場構思",
                   takeaways=["5,000萬港元計劃支援大學科研人員", "每個項目均配對業界導師"],
                   lead="香港科技園公司今日推出5,000萬港元計劃，資助大學科研人員製作原型，測試研究成果能否找到付費客戶。",
                   body=["## 業界導師同行",
                         "每個項目均會配對一家園區企業或資深創業者，協助科研人員在投入工程開發前先與客戶對話。",
                         f"{CTO[1]}表示：「很多發現從未走出實驗室，是因為沒有人問過誰會購買。這個計劃及早提出這個問題。」"],
                   captions=["圖1：科研人員在計劃啟動禮上展示原型。"])},
        figs=[F("poc_fund_hkd", 50_000_000, "exact", en="HK$50 million", zh="5,000萬港元")]),

    Rel("R25", "hkstp-investor-network-keeps-growing", D(2023, 6, 14), "news-room", {
        "en": E("HKSTP Investor Network Keeps Growing",
                takeaways=["Over 1,000 investors in HKSTP's network", "Over 300 corporate partners"],
                lead="HKSTP's investor network now counts over 1,000 investors, alongside over 300 corporate "
                     "partners that pilot and buy products from Park ventures.",
                body=["## Introductions that lead somewhere",
                      "The network's managers screen each introduction so that investors see ventures that fit "
                      "their stage and sector, and founders hear back quickly.",
                      f"“A warm introduction saves a founder months,” said {CCDO[0]}."],
                captions=["Photo 1: Investors and founders at a matching session."]),
        "zh-hk": E("科技園公司投資者網絡持續擴大",
                   takeaways=["投資者網絡逾1,000名投資者", "超過300個企業夥伴"],
                   lead="香港科技園公司的投資者網絡現有逾1,000名投資者，另有超過300個企業夥伴試用及採購園區企業的產品。",
                   body=["## 有成果的引薦",
                         "網絡經理會篩選每次引薦，讓投資者接觸切合其投資階段及行業的企業，創業者亦能盡快得到回覆。",
                         f"{CCDO[1]}表示：「一次合適的引薦能為創業者節省數個月時間。」"],
                   captions=["圖1：投資者與創業者在配對環節交流。"])},
        figs=[F("investor_network", 1000, "over", en="over 1,000 investors", zh="逾1,000名投資者"),
              F("corporate_partners", 300, "over", en="over 300 corporate", zh="超過300個企業夥伴")]),

    Rel("R26", "new-medtech-centre-opens-with-16-tenants", D(2023, 9, 7), "park-life", {
        "en": E("New Medtech Centre Opens with 16 Tenants",
                lead="A new medtech centre with 31,000 square metres of laboratory and office space opened at "
                     "Science Park today, with 16 tenants already moved in.",
                body=["HKSTP aims to attract over 150 medtech ventures to the centre, which offers clean rooms, "
                      "testing laboratories and a regulatory advisory desk.",
                      f"“Medical devices need space, equipment and patience,” said {CTO[0]}. “We have put all "
                      f"three under one roof.”"],
                captions=["Photo 1: The entrance of the new medtech centre."]),
        "zh-hk": E("全新醫療科技中心開幕 首批16家租戶進駐",
                   lead="科學園全新醫療科技中心今日開幕，提供31,000平方米實驗室及辦公空間，已有16家租戶進駐。",
                   body=["科技園公司目標吸引超過150個醫療科技項目進駐中心，中心設有潔淨室、測試實驗室及法規諮詢服務。",
                         f"{CTO[1]}表示：「醫療器材需要空間、設備和耐性，我們把三者都集中在同一屋簷下。」"],
                   captions=["圖1：全新醫療科技中心入口。"])},
        figs=[F("floor_area_sqm", 31000, "exact", en="31,000 square metres", zh="31,000平方米"),
              F("tenant_companies", 16, "exact", en="16 tenants", zh="16家租戶"),
              F("target_companies", 150, "over", en="over 150 medtech ventures", zh="超過150個醫療科技項目")],
        closers=2),

    Rel("R28", "sustainability-summit-at-science-park-draws-over-800-attendees", D(2023, 12, 6), "news-room", {
        "en": E("Sustainability Summit at Science Park Draws Over 800 Attendees",
                takeaways=["Over 800 attendees from business, research and government",
                           "Park ventures showed carbon-tracking and energy-saving products"],
                lead="Over 800 attendees joined HKSTP's sustainability summit at Science Park today, where Park "
                     "ventures showed products that track carbon emissions and cut energy use in buildings.",
                body=["## From pledges to products",
                      "Panels brought together property owners, utilities and founders to discuss how to move from "
                      "climate pledges to purchases.",
                      f"“Buyers want proof, not promises,” said {CEO[0]}. “Our ventures came with data.”"],
                captions=["Photo 1: A panel discussion at the sustainability summit."]),
        "zh-hk": E("科學園可持續發展峰會吸引逾800人參與",
                   takeaways=["逾800名來自商界、科研及政府的人士參與", "園區企業展示碳追蹤及節能產品"],
                   lead="香港科技園公司今日於科學園舉行可持續發展峰會，逾800人參與，園區企業展示追蹤碳排放及減少建築物能耗的產品。",
                   body=["## 由承諾到產品",
                         "多場討論邀請業主、公用事業機構及創業者，探討如何把氣候承諾化為實際採購。",
                         f"{CEO[1]}表示：「買家要的是證明，而非承諾，我們的企業帶來了數據。」"],
                   captions=["圖1：峰會的專題討論環節。"])},
        figs=[F("summit_attendees", 800, "over", en="Over 800 attendees", zh="逾800人")]),

    # ------------------------------------------------------------------------------------------- 2024
    Rel("R29", "hkstp-delegation-meets-over-40-organisations-in-europe", D(2024, 1, 25), "news-room", {
        "en": E("HKSTP Delegation Meets Over 40 Organisations in Europe",
                takeaways=["Meetings with over 40 organisations", "Focus on life sciences and advanced materials"],
                lead="An HKSTP delegation returned from Europe today after meeting over 40 organisations, from "
                     "research institutes to growth-stage ventures considering a base in Asia.",
                body=["## Looking for a base in Asia",
                      "The meetings focused on life sciences and advanced materials, two areas where European "
                      "ventures often look for manufacturing partners close to Asian customers.",
                      f"“Hong Kong's pitch is simple: world-class universities next door to the world's largest "
                      f"manufacturing base,” said {CCDO[0]}."],
                captions=["Photo 1: The HKSTP delegation at a meeting in Europe."]),
        "zh-hk": E("科技園公司代表團於歐洲與逾40家機構會面",
                   takeaways=["與逾40家機構會面", "聚焦生命科學及先進材料"],
                   lead="香港科技園公司代表團今日結束歐洲訪問，期間與逾40家機構會面，包括研究院所及考慮在亞洲設立據點的成長期企業。",
                   body=["## 在亞洲尋找據點",
                         "會面聚焦生命科學及先進材料，歐洲企業在這兩個領域往往希望在接近亞洲客戶的地方尋找生產夥伴。",
                         f"{CCDO[1]}表示：「香港的優勢很簡單：世界級大學就在全球最大製造基地旁邊。」"],
                   captions=["圖1：科技園公司代表團在歐洲會面。"])},
        figs=[F("organisations_met", 40, "over", en="over 40 organisations", zh="逾40家機構")]),

    Rel("R30", "hkstp-welcomes-new-budget-measures-for-i-t", D(2024, 2, 28), "news-room", {
        "en": E("HKSTP Welcomes New Budget Measures for I&T",
                subtitle="Measures to attract enterprises and talent will strengthen the ecosystem",
                takeaways=["Budget measures support enterprises and talent",
                           "Around 10 strategic enterprises are setting up R&D centres in the Park"],
                lead="HKSTP welcomed the Budget announced by the Financial Secretary today, saying its measures to "
                     "attract enterprises and talent would strengthen Hong Kong's innovation and technology "
                     "ecosystem.",
                body=["## Enterprises and talent",
                      "Around 10 strategic enterprises have confirmed plans to set up R&D centres or regional "
                      "headquarters at Science Park, bringing experienced teams and jobs for local graduates.",
                      f"“The Budget points in the right direction, and we will move quickly to put it to work,” "
                      f"said {CEO[0]}."],
                captions=["Photo 1: HKSTP management at a briefing on the Budget."]),
        "zh-hk": E("科技園公司歡迎財政預算案的創科措施",
                   subtitle="吸引企業及人才的措施將強化創科生態圈",
                   takeaways=["預算案措施支援企業及人才", "約10家策略企業將在科學園設立研發中心"],
                   lead="香港科技園公司歡迎財政司司長今日發表的財政預算案，認為吸引企業及人才的措施將強化香港的創科生態圈。",
                   body=["## 企業與人才",
                         "約10家策略企業已確定在科學園設立研發中心或地區總部，帶來經驗豐富的團隊及本地畢業生的就業機會。",
                         f"{CEO[1]}表示：「預算案方向正確，我們會迅速把措施落實。」"],
                   captions=["圖1：科技園公司管理層出席預算案簡介會。"]),
        "zh-cn": E("科技园公司欢迎财政预算案的创科措施",
                   subtitle="吸引企业及人才的措施将强化创科生态圈",
                   takeaways=["预算案措施支援企业及人才", "约10家策略企业将在科学园设立研发中心"],
                   lead="香港科技园公司欢迎财政司司长今日发表的财政预算案，认为吸引企业及人才的措施将强化香港的创科生态圈。",
                   body=["## 企业与人才",
                         "约10家策略企业已确定在科学园设立研发中心或地区总部，带来经验丰富的团队及本地毕业生的就业机会。",
                         "科技园公司已建立蓬勃的创科生态圈，支持逾10家独角兽企业，汇聚超过13,000名研发人员及"
                         "逾1,700间来自26个国家及地区的科技公司。",
                         f"{CEO[2]}表示：“预算案方向正确，我们会迅速把措施落实。”"])},
        figs=[F("strategic_enterprises", 10, "about", en="Around 10 strategic enterprises", zh="約10家策略企業",
                cn="约10家策略企业"),
              F("unicorns", 10, "over", cn="逾10家独角兽企业"),
              F("research_professionals", 13000, "over", cn="超过13,000名研发人员"),
              F("tech_companies", 1700, "over", cn="逾1,700间"),
              F("countries_regions", 26, "exact", cn="26个国家及地区")]),

    Rel("R31", "hkstp-brings-park-ventures-to-leap-in-riyadh", D(2024, 3, 12), "park-life", {
        "en": E("HKSTP Brings Park Ventures to LEAP in Riyadh",
                takeaways=["7 partnerships witnessed", "8 Park ventures exhibited"],
                lead="HKSTP led a delegation to the LEAP technology conference in Riyadh, where it witnessed 7 "
                     "partnerships, including 2 signed by HKSTP itself and 5 deals between Park ventures and "
                     "partners in the region.",
                body=["In all, 8 Park ventures exhibited at the Hong Kong pavilion, showing products in fintech, "
                      "smart mobility and health.",
                      f"“The Middle East is looking for technology it can deploy at scale,” said {CCDO[0]}. "
                      f"“Our ventures are ready for that.”"],
                captions=["Photo 1: The Hong Kong pavilion at LEAP."]),
        "zh-hk": E("科技園公司率園區企業參與利雅德LEAP大會",
                   takeaways=["見證7項合作", "8家園區企業參展"],
                   lead="香港科技園公司率團參與利雅德LEAP科技大會，見證7項合作，當中2項由科技園公司簽署，另有5項協議由園區企業與區內夥伴達成。",
                   body=["共有8家園區企業在香港館展出金融科技、智慧出行及健康科技產品。",
                         f"{CCDO[1]}表示：「中東地區正尋找可大規模應用的科技，我們的企業已準備就緒。」"],
                   captions=["圖1：LEAP大會的香港館。"])},
        figs=[F("partnerships", 7, "exact", en="7 partnerships", zh="7項合作"),
              F("hkstp_partnerships", 2, "exact", en="2 signed by HKSTP", zh="2項由科技園公司簽署"),
              F("park_company_deals", 5, "exact", en="5 deals", zh="5項協議"),
              F("park_companies_at_leap", 8, "exact", en="8 Park ventures", zh="8家園區企業")],
        dateline="extracomma", closers=2),

    Rel("R33", "hkstp-board-welcomes-new-members", D(2024, 6, 21), "park-life", {
        "en": E("HKSTP Board Welcomes New Members",
                lead="The Government has appointed 4 new members to the HKSTP Board and reappointed 5 serving "
                     "members, bringing fresh experience in finance, healthcare and manufacturing.",
                body=["The Board will oversee the next stage of growth for a Park that is now home to 1,800 "
                      "technology companies.",
                      f"“Our new members bring exactly the experience our companies ask for,” said {CEO[0]}."],
                captions=["Photo 1: Board members at their first meeting."])},
        figs=[F("new_board_members", 4, "exact", en="4 new members"),
              F("reappointed_board_members", 5, "exact", en="5 serving members"),
              F("tech_companies", 1800, "exact", en="1,800 technology companies")],
        about_overrides={("en", "tech_companies"): ("exact", 1800)}, closers=2),

    Rel("R34", "hkstp-opens-access-scheme-for-ai-computing-centre", D(2024, 6, 25), "news-room", {
        "en": E("HKSTP Opens Access Scheme for AI Computing Centre",
                takeaways=["Park ventures can apply for computing time",
                           "Priority for projects in health, finance and manufacturing"],
                lead="HKSTP today invited Park ventures to apply for computing time at its artificial intelligence "
                     "computing centre, with priority for projects in health, finance and manufacturing.",
                body=["## Computing power for smaller teams",
                      "Teams will be able to train and test models without buying their own hardware, and HKSTP "
                      "engineers will help them move workloads onto the shared system.",
                      f"“Computing power should not decide which good ideas get built,” said {CTO[0]}."],
                captions=["Photo 1: Inside the AI computing centre."])}),

    Rel("R35", "hkstp-programme-has-supported-over-300-ai-and-data-ventures", D(2024, 7, 19), "news-room", {
        "en": E("HKSTP Programme Has Supported Over 300 AI and Data Ventures",
                takeaways=["Over 300 AI and data ventures supported", "New track for responsible AI"],
                lead="HKSTP's AI and data programme has now supported over 300 AI and data ventures, HKSTP said "
                     "today as it opened a new track for responsible AI.",
                body=["## Responsible AI",
                      "The new track helps ventures test their models for bias and explain their decisions to "
                      "regulators and customers.",
                      f"“Trust is becoming part of the product,” said {CTO[0]}."],
                captions=["Photo 1: Founders at the launch of the responsible AI track."]),
        "zh-hk": E("科技園公司計劃已支援逾300家人工智能及數據企業",
                   takeaways=["已支援逾300家人工智能及數據企業", "新增負責任人工智能範疇"],
                   lead="香港科技園公司今日表示，其人工智能及數據計劃至今已支援逾300家人工智能及數據企業，並新增負責任人工智能範疇。",
                   body=["## 負責任的人工智能",
                         "新範疇協助企業測試模型是否存在偏差，並向監管機構及客戶解釋模型的決定。",
                         f"{CTO[1]}表示：「信任正成為產品的一部分。」"],
                   captions=["圖1：創業者出席負責任人工智能範疇啟動禮。"])},
        figs=[F("ai_data_companies_supported", 300, "over", en="over 300 AI and data ventures",
                zh="逾300家人工智能及數據企業")],
        about_overrides={("zh-hk", "countries_regions"): ("exact", 26)}),

    Rel("R36", "digital-health-alliance-brings-together-12-partners", D(2024, 10, 10), "news-room", {
        "en": E("Digital Health Alliance Brings Together 12 Partners",
                takeaways=["12 strategic partners", "Testing programme open to 128 digital health ventures"],
                lead="HKSTP today formed a digital health alliance with 12 strategic partners from hospitals, "
                     "insurers and universities. The alliance will open its testing programme to 128 digital "
                     "health ventures in the Park.",
                body=["## Testing with real users",
                      "Ventures will be able to test their products with clinicians and patients under agreed "
                      "safeguards, shortening the path to their first contract.",
                      f"“Health technology lives or dies in the clinic,” said {CCDO[0]}."],
                captions=["Photo 1: Alliance partners at the signing ceremony."]),
        "zh-hk": E("數碼健康聯盟匯聚12個策略夥伴",
                   takeaways=["12個策略夥伴", "測試計劃開放予128家數碼健康企業"],
                   lead="香港科技園公司今日與來自醫院、保險公司及大學的12個策略夥伴成立數碼健康聯盟，聯盟的測試計劃將開放予園區128家數碼健康企業。",
                   body=["## 與真實用戶一同測試",
                         "企業可在既定保障下與臨床人員及病人測試產品，縮短取得首份合約的時間。",
                         f"{CCDO[1]}表示：「健康科技成敗取決於臨床應用。」"],
                   captions=["圖1：聯盟夥伴出席簽署儀式。"]),
        "zh-cn": E("数码健康联盟汇聚12个策略伙伴",
                   takeaways=["12个策略伙伴", "测试计划开放予128家数码健康企业"],
                   lead="香港科技园公司今日与来自医院、保险公司及大学的12个策略伙伴成立数码健康联盟，联盟的测试计划将开放予园区128家数码健康企业。",
                   body=["## 与真实用户一同测试",
                         "企业可在既定保障下与临床人员及病人测试产品，缩短取得首份合约的时间。",
                         f"{CCDO[2]}表示：“健康科技成败取决于临床应用。”"])},
        figs=[F("strategic_partners", 12, "exact", en="12 strategic partners", zh="12個策略夥伴", cn="12个策略伙伴"),
              F("digital_health_companies", 128, "exact", en="128 digital health ventures",
                zh="128家數碼健康企業", cn="128家数码健康企业")]),

    Rel("R37", "innocell-adds-200-units-as-occupancy-holds-at-95", D(2024, 12, 5), "news-room", {
        "en": E("InnoCell Adds 200 Units as Occupancy Holds at 95%",
                takeaways=["200 more units for I&T talent", "Occupancy at 95%"],
                lead="InnoCell, HKSTP's residence for innovation and technology talent, will add 200 units next "
                     "year as occupancy holds at 95%.",
                body=["## Living next to the lab",
                      "Residents include researchers, engineers and founders who value living a short walk from "
                      "their laboratories.",
                      f"“Housing is part of the offer when we recruit talent from abroad,” said {CCDO[0]}."],
                captions=["Photo 1: A shared kitchen at InnoCell."]),
        "zh-hk": E("創新斗室新增200個單位 入住率維持95%",
                   takeaways=["為創科人才增加200個單位", "入住率達95%"],
                   lead="香港科技園公司為創科人才而設的住宅創新斗室明年將新增200個單位，入住率維持在95%。",
                   body=["## 住在實驗室旁",
                         "住客包括科研人員、工程師及創業者，他們重視步行數分鐘即可到達實驗室的便利。",
                         f"{CCDO[1]}表示：「吸引海外人才時，住屋是我們重要的一環。」"],
                   captions=["圖1：創新斗室的共用廚房。"])},
        figs=[F("innocell_units", 200, "exact", en="200 units", zh="200個單位"),
              F("occupancy_rate", 95, "exact", en="95%", zh="95%")]),

    # ------------------------------------------------------------------------------------------- 2025
    Rel("R38", "hkstp-pavilion-at-mwc-barcelona-engages-over-1000-people-and-ope", D(2025, 3, 17), "park-life", {
        "en": E("HKSTP Pavilion at MWC Barcelona Engages Over 1,000 People and Opens Over 1,000 Business "
                "Opportunities",
                takeaways=["24 Park ventures led to the congress", "Over 7,500 visitors to the pavilion"],
                lead="HKSTP led 24 Park ventures to Mobile World Congress in Barcelona, where its pavilion welcomed "
                     "over 7,500 visitors, engaged over 1,000 people in business meetings and opened over 1,000 "
                     "business opportunities.",
                body=["The team also met over 300 students at a university careers event, and nearly 100 people "
                      "attended a seminar on Hong Kong's 5G applications.",
                      f"“Our ventures came home with meetings booked, not just business cards,” said {CCDO[0]}."],
                captions=["Photo 1: Visitors at the Hong Kong pavilion in Barcelona."]),
        "zh-hk": E("科技園公司世界移動通信大會展館接觸逾1,000人 促成逾1,000個商機",
                   takeaways=["率領24家園區企業參展", "展館吸引超過7,500名訪客"],
                   lead="香港科技園公司率領24家園區企業參與巴塞隆拿世界移動通信大會，展館吸引超過7,500名訪客，"
                        "在商務會面中接觸逾1,000人，促成逾1,000個商機。",
                   body=["團隊亦在大學就業活動中接觸超過300名學生，另有近100人出席介紹香港5G應用的研討會。",
                         f"{CCDO[1]}表示：「我們的企業帶回來的是已約定的會議，而不只是名片。」"],
                   captions=["圖1：訪客參觀巴塞隆拿的香港館。"])},
        figs=[F("companies_led_to_mwc", 24, "exact", en="24 Park ventures", zh="24家園區企業"),
              F("pavilion_visitors", 7500, "over", en="over 7,500 visitors", zh="超過7,500名訪客"),
              F("people_engaged", 1000, "over", en="over 1,000 people", zh="逾1,000人"),
              F("business_opportunities", 1000, "over", en="over 1,000 business opportunities", zh="逾1,000個商機"),
              F("students_met", 300, "over", en="over 300 students", zh="超過300名學生"),
              F("seminar_attendees", 100, "nearly", en="nearly 100 people", zh="近100人")],
        zh_dateline="spaced", closers=2),

    Rel("R40", "hkstp-delegation-visits-uk-universities-to-recruit-research-talent", D(2025, 6, 2), "park-life", {
        "en": E("HKSTP Delegation Visits UK Universities to Recruit Research Talent",
                lead="An HKSTP delegation visited 2 universities in the United Kingdom this week to meet doctoral "
                     "students and postdoctoral researchers interested in careers with Park ventures.",
                body=["The delegation presented the Park's talent schemes and held one-to-one sessions with "
                      "researchers in life sciences, materials and artificial intelligence.",
                      f"“Many of the people we met had never considered Hong Kong; several now plan to visit,” "
                      f"said {CEO[0]}."],
                captions=["Photo 1: The delegation with researchers on campus."]),
        "zh-hk": E("科技園公司代表團訪問英國大學 招攬科研人才",
                   lead="香港科技園公司代表團本週訪問英國2所大學，與有意加入園區企業的博士生及博士後研究人員會面。",
                   body=["代表團介紹園區的人才計劃，並與生命科學、材料及人工智能領域的研究人員進行個別面談。",
                         f"{CEO[1]}表示：「我們遇到的許多人從未考慮過香港，現在有好幾位計劃前來參觀。」"],
                   captions=["圖1：代表團與研究人員在校園合照。"])},
        figs=[F("universities_visited", 2, "exact", en="2 universities", zh="2所大學")], closers=2),

    Rel("R41", "summer-science-camp-marks-its-10th-edition", D(2025, 7, 14), "park-life", {
        "en": E("Summer Science Camp Marks Its 10th Edition",
                lead="HKSTP's summer science camp opened its 10th edition today, run with 15 partner institutions "
                     "that send teachers and volunteers to Science Park.",
                body=["Secondary school students spend the week building small robots, testing water samples and "
                      "presenting their results to Park founders.",
                      f"“Some of today's founders were campers once,” said {CCDO[0]}."],
                captions=["Photo 1: Campers test water samples in a Science Park laboratory."]),
        "zh-hk": E("暑期科學營踏入第10屆",
                   lead="香港科技園公司暑期科學營今日揭幕，踏入第10屆，並與15間合作院校攜手，由院校派出教師及義工到科學園協助。",
                   body=["中學生會在一星期內製作小型機械人、測試水質樣本，並向園區創業者匯報成果。",
                         f"{CCDO[1]}表示：「今天的一些創業者，當年也曾是營友。」"],
                   captions=["圖1：營友在科學園實驗室測試水質樣本。"])},
        figs=[F("event_anniversary", 10, "exact", en="10th edition", zh="第10屆"),
              F("partner_institutions", 15, "exact", en="15 partner institutions", zh="15間合作院校")], closers=2),

    # --------------------------------------------------------------------------- snapshot B: newer releases
    Rel("R42", "global-internship-programme-attracts-over-5000-applicants", D(2025, 8, 12), "park-life", {
        "en": E("Global Internship Programme Attracts Over 5,000 Applicants",
                takeaways=["Over 5,000 applicants", "450 interns selected"],
                lead="HKSTP's Global Internship Programme received over 5,000 applicants this year and selected 450 "
                     "interns, over 65% of them from the world's leading universities.",
                body=["Interns join Park ventures for the summer on projects ranging from robotics to drug "
                      "discovery.",
                      f"“The quality of applicants keeps rising,” said {CCDO[0]}."],
                captions=["Photo 1: Interns at the programme's welcome day."]),
        "zh-hk": E("環球實習計劃吸引超過5,000人申請",
                   takeaways=["超過5,000人申請", "選出450名實習生"],
                   lead="香港科技園公司環球實習計劃今年收到超過5,000份申請，選出450名實習生，當中逾65%來自世界頂尖大學。",
                   body=["實習生會在暑期加入園區企業，參與由機械人到藥物研發等項目。",
                         f"{CCDO[1]}表示：「申請人的質素不斷提升。」"],
                   captions=["圖1：實習生出席計劃迎新日。"])},
        figs=[F("internship_applicants", 5000, "over", en="over 5,000 applicants", zh="超過5,000份申請"),
              F("interns_selected", 450, "exact", en="450 interns", zh="450名實習生"),
              F("interns_top50_share", 65, "over", en="over 65%", zh="逾65%")], snapshot="B", closers=2),

    Rel("R43", "hkstp-begins-planning-for-next-innopark-site", D(2025, 9, 17), "park-life", {
        "en": E("HKSTP Begins Planning for Next InnoPark Site",
                lead="HKSTP has begun planning for a new InnoPark site of approximately 20 hectares, to be "
                     "developed in phases for advanced manufacturing and life sciences.",
                body=["The first phase will focus on multi-storey production buildings that let manufacturers "
                      "share loading bays, utilities and testing facilities.",
                      f"“Land is the scarcest input for industry in Hong Kong,” said {CEO[0]}. “We intend to use "
                      f"every hectare well.”"],
                captions=["Photo 1: An aerial view of the planned InnoPark site."]),
        "zh-hk": E("科技園公司展開新創新園選址規劃",
                   lead="香港科技園公司已展開約20公頃新創新園用地的規劃，將分期發展先進製造及生命科學設施。",
                   body=["首期會集中興建多層生產大樓，讓廠商共用上落貨區、公用設施及測試設施。",
                         f"{CEO[1]}表示：「土地是香港工業最稀缺的資源，我們會善用每一公頃。」"],
                   captions=["圖1：新創新園用地鳥瞰圖。"])},
        figs=[F("land_hectares", 20, "about", en="approximately 20 hectares", zh="約20公頃")], snapshot="B",
        closers=2, meta_time=False),

    Rel("R44", "robotics-challenge-brings-school-teams-to-science-park", D(2025, 10, 16), "park-life", {
        "en": E("Robotics Challenge Brings School Teams to Science Park",
                lead="HKSTP's robotics challenge at Science Park today drew teams from over 60 schools, building "
                     "machines that sort recyclable waste.",
                body=["Engineers from Park ventures judged the rounds and coached teams between heats.",
                      f"“Sorting waste is a real problem, and these students treated it like one,” said {CTO[0]}."],
                captions=["Photo 1: A school team tests its sorting robot."]),
        "zh-hk": E("機械人挑戰賽吸引學校隊伍到科學園比賽",
                   lead="香港科技園公司機械人挑戰賽今日在科學園舉行，共有逾60間學校參賽，各隊製作分類回收物料的機械人。",
                   body=["園區企業的工程師擔任評判，並在各輪比賽之間指導隊伍。",
                         f"{CTO[1]}表示：「廢物分類是真實的問題，學生們亦認真面對。」"],
                   captions=["圖1：學校隊伍測試分類機械人。"])},
        figs=[F("schools_competing", 60, "over", en="over 60 schools", zh="逾60間學校")], snapshot="B",
        closers=2),

    Rel("R45", "hkstp-leads-22-enterprises-to-gitex-in-dubai", D(2025, 11, 7), "park-life", {
        "en": E("HKSTP Leads 22 Enterprises to GITEX in Dubai",
                takeaways=["22 enterprises in the delegation", "13 of them Park ventures"],
                lead="HKSTP led 22 enterprises to GITEX in Dubai this week, 13 of them Park ventures, to meet "
                     "buyers and partners across the Middle East.",
                body=["The delegation showed products in smart mobility, fintech and health technology, and held "
                      "meetings with government agencies planning large digital projects.",
                      f"“The region moves fast once it decides,” said {CCDO[0]}."],
                captions=["Photo 1: The Hong Kong delegation at GITEX."]),
        "zh-hk": E("科技園公司率領22家企業參與杜拜GITEX",
                   takeaways=["代表團共22家企業", "其中13家為園區企業"],
                   lead="香港科技園公司本週率領22家企業參與杜拜GITEX，其中13家為園區企業，與中東地區的買家及夥伴會面。",
                   body=["代表團展示智慧出行、金融科技及健康科技產品，並與計劃推行大型數碼項目的政府部門會面。",
                         f"{CCDO[1]}表示：「這個地區一旦作出決定，便會迅速行動。」"],
                   captions=["圖1：香港代表團在GITEX。"])},
        figs=[F("enterprises_led_dubai", 22, "exact", en="22 enterprises", zh="22家企業"),
              F("park_companies_delegation", 13, "exact", en="13 of them Park ventures", zh="13家為園區企業")],
        snapshot="B", closers=2),
]

# Position of each release in date order: rotates qualifier wording ("over" / "more than") deterministically.
RELEASE_TURN = {r.key: i for i, r in enumerate(sorted(RELEASES, key=lambda r: r.published))}


if __name__ == "__main__":
    main()
