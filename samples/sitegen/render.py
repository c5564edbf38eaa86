"""The sample press room's pages: the three release layouts of samples/LAYOUTS.md, listings, sitemaps and
the site's other files, written as HTML strings (standard library only, byte-for-byte reproducible)."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from sitegen.model import (ABOUT_METRIC_ORDER, BASE_URL, CONTACTS, DEAD_LINK, GENERIC_CLOSERS, HTML_LANG, MONTHS,
                           MONTHS_LONG, PAGE_SIZE, QUALIFIER_WORDS, RELEASE_TURN, SITE_LANGS, Edition, Rel,
                           about_figures)

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

