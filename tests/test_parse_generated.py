"""200 generated pages of the three site generations with random layout noise: every date (and title,
language, About block) comes out right.

Noise: extra wrappers, blocks in another order, no subtitle, no dateline or another dateline style, cookie
banners and contact forms inside the article, a meta date from a CMS migration, a missing page date.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path

import pytest
import yaml

from transforms.parsing import parse_document

ROOT = Path(__file__).resolve().parents[1]
PROFILE = yaml.safe_load((ROOT / "flows" / "profiles" / "hkstp.yaml").read_text(encoding="utf-8"))
PAGE_COUNT = 200
PHONE = re.compile(r"\+852|\b\d{4} \d{4}\b")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

EN_SUBJECTS = ["HKSTP", "Science Park", "InnoCentre", "Park Companies", "Young Founders", "The Incubation Programme"]
EN_VERBS = ["Launches", "Welcomes", "Celebrates", "Expands", "Opens", "Hosts"]
EN_OBJECTS = ["a Talent Scheme", "a Green Tech Fund", "Global Partners", "a Biotech Hub", "a Robotics Showcase",
              "an AI Lab"]
ZH_TITLES = ["香港科技園公司推出人才計劃", "科學園舉辦創科博覽", "香港科技園公司歡迎新夥伴", "創新園開設新實驗室"]
ZH_BODY = ["香港科技園公司今日宣佈新措施，支援園區逾{n}間科技公司發展業務。",
           "計劃為初創企業提供資金及導師支援，協助它們拓展海外市場。",
           "園區公司代表表示，新措施有助吸引人才及投資者。"]
EN_BODY = ["Hong Kong Science and Technology Parks Corporation (HKSTP) today announced support for over {n} park "
           "companies as they grow their business.",
           "The programme offers funding and mentoring to start-ups expanding into overseas markets.",
           "Park companies said the measures help them attract talent and investors."]


@dataclass
class GeneratedPage:
    html: bytes
    url: str
    layout: str
    title: str
    language: str
    published_on: date
    date_source: str
    has_about: bool


def _en_date(d: date, style: str) -> str:
    if style == "padded":
        return f"{d.day:02d} {MONTHS[d.month - 1][:3]} {d.year}"
    return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"


def _zh_date(d: date, spaced: bool = False) -> str:
    return f"{d.year} 年 {d.month} 月 {d.day} 日" if spaced else f"{d.year}年{d.month:02d}月{d.day:02d}日"


def _dateline(rng: random.Random, d: date, zh: bool) -> str:
    if zh:
        return rng.choice([f"(香港,{d.year}年{d.month}月{d.day}日)", f"(香港, {d.year} 年 {d.month} 月 {d.day} 日)— "])
    return rng.choice([
        f"(Hong Kong, {d.day} {MONTHS[d.month - 1]} {d.year}) – ",
        f"(Hong Kong, {d.day} {MONTHS[d.month - 1]}, {d.year}) – ",
        f"(Hong Kong, {d.day} {MONTHS[d.month - 1]} {d.year})",
        f"<strong>(Hong Kong, {d.day} {MONTHS[d.month - 1]} {d.year})</strong> – ",
    ])


def _wrap(rng: random.Random, html: str) -> str:
    for _ in range(rng.randint(0, 3)):
        html = f'<div class="wrap-{rng.randint(1, 99)}">{html}</div>'
    return html


def generate_page(index: int) -> GeneratedPage:
    """One page, deterministic for `index`."""
    rng = random.Random(index)
    layout = rng.choice(["press-room", "news-room", "park-life"])
    language = rng.choice(["en", "en", "zh-hant", "zh-hans"]) if layout != "press-room" else "en"
    if layout == "park-life" and language == "zh-hans":
        language = "zh-hant"
    zh = language != "en"
    published = date(2014, 1, 1) + timedelta(days=rng.randint(0, 4300))
    n = rng.choice([1000, 1200, 1500, 1700, 1800])
    if zh:
        title = rng.choice(ZH_TITLES) + f"（{index}）"
        paragraphs = [p.format(n=n) for p in ZH_BODY]
        about_heading, about = "關於香港科技園公司", f"香港科技園公司於2001年成立，園區匯聚超過{n}間科技公司。"
        contact = "傳媒查詢<br>陳小姐<br>電話：+852 2629 6800<br>電郵：press@hkstp.org"
        if language == "zh-hans":
            import opencc

            convert = opencc.OpenCC("t2s").convert
            title, paragraphs = convert(title), [convert(p) for p in paragraphs]
            about_heading, about, contact = convert(about_heading), convert(about), convert(contact)
    else:
        title = f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} ({index})"
        paragraphs = [p.format(n=n) for p in EN_BODY]
        about_heading = "About Hong Kong Science and Technology Parks Corporation"
        about = f"HKSTP supports around {n:,} technology companies from 26 countries and regions."
        contact = "Media Contact<br>Chan Tai Man<br>Tel: +852 2629 6800<br>Email: press@hkstp.org"
    has_about = language != "zh-hans"
    subtitle = None if rng.random() < 0.5 else ("副題：支援園區公司" if zh else "A subtitle about the park")
    if rng.random() < 0.8:
        dateline = _dateline(rng, published if rng.random() < 0.9 else published - timedelta(days=1), zh)
        paragraphs[0] = dateline + paragraphs[0]
    body = [f"<p>{p}</p>" for p in paragraphs]
    if rng.random() < 0.5:
        body.insert(1, "<p><strong>" + ("發展重點" if zh else "A bold sub-head") + "</strong></p>")
    rng.shuffle(body[1:]) if rng.random() < 0.3 else None
    captions = [("圖1：" if zh else "Photo 1: ") + ("嘉賓合照。" if zh else "Guests at the launch.")]
    if rng.random() < 0.3:
        body.append('<div class="cookie-banner">We use cookies. <button>Accept</button></div>')
    if rng.random() < 0.3:
        body.append('<form class="contact-form"><label>Email</label><input><p>Tel: +852 2629 1111</p></form>')

    date_source = "page_date"
    meta = ""
    show_page_date = True
    if layout == "park-life":
        meta_choice = rng.random()
        if meta_choice < 0.3:
            meta = f'<meta property="article:published_time" content="{published.isoformat()}">'
        elif meta_choice < 0.4:  # a CMS migration stamped its own date: the page date still wins
            meta = '<meta property="article:published_time" content="2024-11-30T00:00:00+08:00">'
        if rng.random() < 0.25:
            show_page_date = False
            meta = f'<meta property="article:published_time" content="{published.isoformat()}">'
            date_source = "meta"

    wrap = lambda html: _wrap(rng, html)  # noqa: E731
    if layout == "press-room":
        page_date = _en_date(published, "padded")
        photos = "".join(f"<figure><img src='x.jpg'><figcaption>{c}</figcaption></figure>" * 2 for c in captions)
        parts = [
            '<span class="press-category">Corporate News</span>',
            f'<h1 class="press-title">{escape(title)}</h1>',
            f'<h2 class="press-subtitle">{subtitle}</h2>' if subtitle else "",
            f'<div class="press-date">{page_date}</div>',
            f'<div class="press-photos">{photos}</div>',
            '<div class="press-body">' + wrap("".join(body)) + f"<h3>{about_heading}</h3><p>{about}</p>"
            + f'<div class="media-contact"><p>{contact}</p></div></div>',
        ]
        if rng.random() < 0.3:
            parts[3], parts[4] = parts[4], parts[3]
        article = '<main><div class="press-detail">' + "".join(parts) + "</div></main>"
        url = f"https://www.hkstp.org/press-room/generated-{index}/"
    elif layout == "news-room":
        page_date = _zh_date(published) if zh else _en_date(published, "padded")
        about_html = (f'<h3 class="about-heading">{about_heading}</h3><div class="about"><p>{about}</p></div>'
                      if has_about else "<p>###</p>")
        takeaways = ('<div class="key-takeaways"><h3>Key Takeaways</h3><ul><li>' + paragraphs[1][-40:] + "</li></ul></div>"
                     if rng.random() < 0.5 else "")
        parts = [
            '<p class="news-label">Corporate News</p>',
            f'<h1 class="news-title">{escape(title)}</h1>',
            f'<p class="news-subtitle">{subtitle}</p>' if subtitle else "",
            f'<p class="news-date">{page_date}</p>',
            f'<img class="news-hero" alt="{escape(title)}">',
            takeaways,
            '<div class="news-content">' + wrap("".join(body))
            + '<div class="news-captions">' + "".join(f"<p>{c}</p>" for c in captions) + "</div>"
            + about_html + f'<div class="media-contact"><p>{contact}</p></div></div>',
        ]
        article = '<article class="news-article">' + "".join(parts) + "</article>"
        prefix = {"en": "", "zh-hant": "/zh-hk", "zh-hans": "/zh-cn"}[language]
        kind = "press-room" if language == "zh-hans" else "news-room"
        url = f"https://www.hkstp.org{prefix}/{kind}/generated-{index}/"
    else:
        page_date = _zh_date(published) if zh else _en_date(published, "plain")
        parts = [
            f'<div class="detail-date">{page_date}</div>' if show_page_date else "",
            f'<h2 class="detail-title">{escape(title)}</h2>',
            '<div class="detail-body">' + wrap("".join(body)) + "".join(f"<p><em>{c}</em></p>" for c in captions)
            + f"<p><strong>{about_heading}</strong></p><p>{about}</p><p><strong>{contact.split('<br>')[0]}</strong><br>"
            + "<br>".join(contact.split("<br>")[1:]) + "</p></div>",
        ]
        article = '<section class="news-detail">' + "".join(parts) + "</section>"
        prefix = rng.choice(["/en", ""]) if not zh else "/zh-hk"
        url = f"https://www.hkstp.org{prefix}/park-life/news-and-events/news/generated-{index}"
    chrome_top = ('<header><nav><a href="/">Home</a> <a href="/news-room/">News</a></nav></header>'
                  '<div class="cookie-banner">This site uses cookies. <button>Accept</button></div>')
    chrome_bottom = "<footer><p>Tel: +852 2629 1818</p><p>enquiry@hkstp.org</p></footer>"
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{meta}<title>{escape(title)}</title></head>'
            f"<body>{chrome_top}{wrap(article)}{chrome_bottom}</body></html>")
    return GeneratedPage(html.encode("utf-8"), url, layout, title, language, published, date_source, has_about)


PAGES = [generate_page(i) for i in range(PAGE_COUNT)]


def test_the_generated_set_covers_every_generation_and_language():
    assert {p.layout for p in PAGES} == {"press-room", "news-room", "park-life"}
    assert {p.language for p in PAGES} == {"en", "zh-hant", "zh-hans"}
    assert {p.date_source for p in PAGES} == {"page_date", "meta"}


@pytest.mark.parametrize("use_url", [True, False], ids=["with-url", "local-file"])
def test_every_generated_page_parses_right(use_url):
    wrong = []
    for page in PAGES:
        release = parse_document(page.html, url=page.url if use_url else None, profile=PROFILE)
        got = (release.published_on, release.date_source, release.title, release.language, release.layout)
        want = (page.published_on, page.date_source, page.title, page.language, page.layout)
        if got != want:
            wrong.append((page.url, got, want))
            continue
        if page.has_about and not release.section_text("about"):
            wrong.append((page.url, "no About block"))
        for section in release.sections:
            if section.name != "contact" and PHONE.search(section.text):
                wrong.append((page.url, f"phone number in {section.name}: {section.text}"))
        if "contact" not in {s.name for s in release.sections}:
            wrong.append((page.url, "no contact section"))
    assert not wrong, f"{len(wrong)} of {PAGE_COUNT} pages wrong, first: {wrong[:3]}"
