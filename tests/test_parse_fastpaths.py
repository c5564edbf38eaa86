"""The parser's fast paths give exactly what the plain paths give.

The known-layout parser reads simple selectors (`tag.class`, `outer inner`) in one walk instead of an XPath
search each, and spares most paragraphs the marker patterns and the second squash. These tests hold each fast
path against the slow one it replaces, on markup written to hit the corners (class attributes with tabs and
newlines, nested outer elements, case variants of marker words).
"""

from __future__ import annotations

import random

import pytest
from lxml import etree

from transforms.parsing import assemble, noise
from transforms.parsing.html import select, select_first, select_many, select_one, simple_form

_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)

PAGE = """<html><head><title>t</title></head><body>
<div class="wrap"><article class="news-article  extra" id="a1">
  <h1 class="news-title">Park opens a new wet laboratory wing</h1>
  <p class="news-date">3 Mar 2024</p>
  <div class="news-content">
    <p>First paragraph with 12 labs.</p>
    <div class="news-captions"><p>Photo 1: The wing.</p><p class="x">Photo 2: The lobby.</p></div>
    <div class="news-captions"><div class="news-captions"><p>Photo 3: nested outer elements.</p></div></div>
    <p class="news-title&#9;alt">Not the title: a tab separates the classes</p>
    <p class="a&#10;b">newline-separated classes</p>
    <p class="a&#12;b">form feed is no separator for XPath</p>
    <p class="a&#160;b">no-break space is no separator either</p>
  </div>
</article></div>
<article class="news-article"><h1 class="news-title">Second article</h1></article>
</body></html>"""

SELECTORS = [
    "article.news-article", "h1.news-title", "p.news-date", "div.news-content", "div.news-captions p",
    "p.news-title", "p.alt", "p.a", "p.b", "p.x, h1", ".news-title", "div.news-captions", "article p",
    "div.wrap article h1", "p:first-child", "div > p", "*.a", "section.none", "p.a.b",
]


@pytest.fixture(scope="module")
def doc():
    return etree.fromstring(PAGE.encode(), _PARSER)


def test_simple_forms_are_recognised():
    assert simple_form("div.press-detail") == (((("div", ("press-detail",)),),))
    assert simple_form("div.news-captions p") == ((("div", ("news-captions",)), ("p", ())),)
    assert simple_form("div > p") is None  # a child combinator: read by XPath
    assert simple_form("p:first-child") is None


@pytest.mark.parametrize("scope", ["doc", "article", "content"])
def test_select_many_finds_what_xpath_finds(doc, scope):
    node = {"doc": doc, "article": select_one(doc, "article.news-article"), "content": select_one(doc, "div.news-content")}[scope]
    expected = [select(node, s) for s in SELECTORS]
    assert select_many(node, tuple(SELECTORS)) == expected
    assert [select_first(node, s) for s in SELECTORS] == [found[0] if found else None for found in expected]
    # the nested outer elements fall back to XPath and still give each caption once, in page order
    captions = select_many(node, ("div.news-captions p",))[0]
    assert [p.text for p in captions] == [p.text for p in select(node, "div.news-captions p")]


def test_random_markup_matches_xpath():
    rng = random.Random(3)
    tokens = ["a", "b", "news-title", "x-y", "A"]
    separators = [" ", "  ", "\t", "\n", "\r", "\f", "\u00a0"]
    for _ in range(150):
        parts = []
        for _ in range(rng.randint(3, 25)):
            tag = rng.choice(["div", "p", "span", "section", "li", "ul"])
            cls = rng.choice(separators).join(rng.choice(tokens) for _ in range(rng.randint(0, 3)))
            parts.append(f'<{tag} class="{cls}">t' + ("" if rng.random() < 0.5 else f"</{tag}>"))
        root = etree.fromstring(("<html><body>" + "".join(parts) + "</body></html>").encode(), _PARSER)
        selectors = tuple(rng.choice(["div", "p", "span", "section", "li"]) + "." + rng.choice(tokens)
                          + rng.choice(["", " p", " span"]) for _ in range(5))
        assert select_many(root, selectors) == [select(root, s) for s in selectors]


@pytest.mark.parametrize("text", [
    "Media Contact:", "MEDIA ENQUIRIES", "Photo 2: a lab", "Key Takeaways", "\u212aey Takeaways", "About the Park",
    "關於香港科技園公司", "傳媒查詢", "###", "- ends -", "（完）", "Page 2 of 3", "第 2 頁，共 3 頁", "- 4 -", "3 / 7",
    "Highlights:", "圖片1：實驗室", "For media enquiries, please contact", "完",
])
def test_marker_pretest_lets_every_marker_through(text):
    # the pretest may pass plain paragraphs, never refuse a marker
    assert assemble._MAY_BE_MARKER_RE.match(text)


def test_plain_paragraphs_skip_the_marker_patterns():
    for text in ("The Park hosts 1,200 companies.", "(Hong Kong, 3 March 2024) – The Park today ...", "香港科技園今日宣布"):
        assert not assemble._MAY_BE_MARKER_RE.match(text)


@pytest.mark.parametrize("raw", [
    "Tel:  +852 2629 6815", "Email: press@park.example", "Revenue rose 12%\u00a0to HK$3\u200b,400 million",
    "  spaced\tout\r\ntext ", "Tel: / Fax:", "第 1 頁 共 2 頁 研發", "plain words only",
])
def test_clean_claim_text_of_squashed_text_is_unchanged(raw):
    text = noise.squash(raw)
    assert noise.squash(text) == text
    assert noise.clean_claim_text(text, squashed=True) == noise.clean_claim_text(text)


def test_layout_and_head_elements_in_one_walk(doc):
    from transforms.parsing.html import find_layout, find_layout_and_heads, head_metadata

    page = etree.fromstring(PAGE.replace("<title>t</title>", '<title>t</title><link rel="canonical" href="/a">'
                                         '<meta property="article:published_time" content="2024-03-03">').replace(
        '<p class="news-date">', '<meta itemprop="x" content="y"><p class="news-date">').encode(), _PARSER)
    profile = {"layouts": {"other": {"detect": "section.none"}, "news": {"detect": "article.news-article"},
                           "complex": {"detect": "div > article"}},
               "site": {"release_patterns": {"news": r"^/news/"}}}
    for url in ("https://x.example/news/a/", "https://x.example/other/", None):
        found, heads = find_layout_and_heads(page, url, profile)
        assert found == find_layout(page, url, profile)
        if heads is not None:
            assert heads == list(page.iter("link", "meta"))
            assert head_metadata(page, url, None, heads) == head_metadata(page, url)


RELEASE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>x</title></head><body>
<div class="press-detail"><h1 class="press-title">{title}</h1><div class="press-date">06 May 2016</div>
<div class="press-body"><p>(Hong Kong, 6 May 2016) – {body}</p><p>More than 600 firms now work on site.</p></div>
</div></body></html>"""
PROFILE = {"layouts": {"press-room": {"detect": "div.press-detail", "title": "h1.press-title",
                                      "date": "div.press-date", "body": "div.press-body"}}}


def _outcome(body: bytes, content_type: str) -> str:
    from transforms.errors import ParseError
    from transforms.parsing import parse_document

    try:
        release = parse_document(body, url="https://park.example/press-room/a/", content_type=content_type,
                                 profile=PROFILE)
    except ParseError as exc:
        return f"error: {exc}"
    return repr((release.title, release.language, release.published_on, [s.text for s in release.sections]))


def test_encoding_check_holds_when_threads_parse_at_once():
    """A Big5 page (not UTF-8: decoded in Python) parsed while other threads parse clean UTF-8 pages reads
    the same as when parsed alone: each thread's parse is judged by its own error log."""
    from concurrent.futures import ThreadPoolExecutor

    utf8 = RELEASE.format(lang="en", charset="utf-8", title="Park opens a wet lab wing",
                          body="The Park opened a wing of wet laboratories.").encode("utf-8")
    big5 = RELEASE.format(lang="zh-hk", charset="big5", title="科學園新實驗室啟用",
                          body="科學園今日啟用新實驗室大樓。").encode("big5")
    with pytest.raises(UnicodeDecodeError):
        big5.decode("utf-8")
    cases = [(utf8, "text/html"), (big5, "text/html; charset=big5")] * 40
    alone = [_outcome(b, ct) for b, ct in cases]
    assert "科學園新實驗室啟用" in alone[1] and "Park opens" in alone[0]
    with ThreadPoolExecutor(max_workers=6) as pool:
        together = list(pool.map(lambda case: _outcome(*case), cases))
    assert together == alone


# ---------------------------------------------------------------- unknown layouts: trafilatura's title alone

def _trafilatura_full_title(text: str) -> str | None:
    import trafilatura

    found = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                        include_formatting=True, include_images=False, deduplicate=False,
                                        date_extraction_params={"extensive_search": False, "original_date": True})
    return None if found is None else found.title


def test_an_unknown_layouts_title_is_the_one_trafilaturas_full_metadata_gives():
    # parse_generic asks trafilatura for the title alone (its author, licence, tags and date searches cost a third
    # of a generic parse); on every unknown-layout fixture the title is the one its whole metadata gives, so an
    # upgrade of trafilatura that changes its title steps shows here
    from pathlib import Path

    from trafilatura.utils import load_html

    from transforms.parsing.generic import trafilatura_title

    pages = sorted((Path(__file__).parent / "fixtures" / "dated").glob("*.html"))
    assert len(pages) > 50
    compared = 0
    for page in pages:
        text = page.read_bytes().decode("utf-8", "replace")
        expected = _trafilatura_full_title(text)
        if expected is None:
            continue
        assert trafilatura_title(load_html(text)) == expected, page.name
        compared += 1
    assert compared > 50


def test_a_page_with_two_headlines_takes_its_og_title_as_trafilatura_reads_it():
    from transforms.parsing import parse_document

    body = ("<html><head><title>Newsroom | Example Daily</title>"
            "<meta property='og:title' content='Incubator graduates 40 start-ups in its tenth year'></head><body>"
            "<h1>Example Daily</h1><nav><a href='/'>Home</a></nav><h1>Business</h1><article>"
            + "<p>The incubator said on Monday that 40 start-ups completed its programme this year, bringing the "
              "total since it opened to more than 900 companies across its two campuses.</p>" * 3
            + "</article></body></html>")
    release = parse_document(body.encode(), url="https://news.example.org/business/incubator-40",
                             content_type="text/html")
    assert release.layout == "generic"
    assert release.title == "Incubator graduates 40 start-ups in its tenth year"
    assert release.title == _trafilatura_full_title(body)
