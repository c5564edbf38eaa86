"""Is this page a press release? Decided from the page itself, for URLs that no release pattern of the profile
matches (a press room that moved its releases, a sitemap full of unknown URLs).

    recognize_release(body, url="https://example.org/en/media/some-slug/", in_listing=False)
    # -> Recognition(is_release=True, reason="release dateline (Hong Kong, 6 October 2021)")

THE RULE (precision first: a page wrongly loaded as a release puts false figures into every check, while a
release missed here is still reported as a `site_drift` finding by the caller):
  1. URLs of pages that are never releases (about us, contact, search, tags, categories, careers, login,
     privacy, photo galleries, media kits, sitemaps, feeds, files, pages of a listing) are refused from the URL
     alone (`never_a_release`), before any fetch. The caller offers a sitemap URL only when one of its
     folders is named like a press room (`in_press_folder`: news, press, media, releases, 新聞...).
  2. A page whose opening paragraphs carry a release dateline ("(Hong Kong, 6 October 2021) –",
     "(香港,2022年1月12日)") or a newswire dateline (Media OutReach, PR Newswire, Business Wire) is a release.
  3. Otherwise a page is a release only when it sits in a press-room listing (`in_listing`) AND is dated as an
     article (og:type=article, article:published_time, a <time datetime> or a date beside its <h1>) AND carries
     none of the marks of an event, a story or a job post (register / venue / closing date ...).
Everything else (a dated event page, a story, a job post, a page with article metadata found only in a
sitemap) is not a release.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from lxml import etree, html as lxml_html

from transforms.parsing.dates import find_dateline, parse_date
from transforms.parsing.html import block_text
from transforms.parsing import noise

__all__ = ["Recognition", "in_press_folder", "never_a_release", "recognize_release"]

# Path segments of pages that are never releases; matched as whole segments, any language prefix.
_NEVER_SEGMENTS = (
    r"about|about-us|about-hkstp|who-we-are|contact|contact-us|contacts|search|tag|tags|category|categories|"
    r"author|authors|careers?|jobs?|vacancies|login|logout|sign-?in|register|privacy|privacy-policy|terms|"
    r"terms-of-use|disclaimer|sitemap|accessibility|feed|rss|cart|subscribe|faq|faqs|"
    r"photos?|gallery|galleries|videos?|images|media-kit|downloads?|"
    r"關於我們|关于我们|聯絡我們|联系我们|搜尋|搜索"
)
_NEVER_RE = re.compile(rf"(?:^|/)(?:{_NEVER_SEGMENTS})(?:/|$|\.)", re.IGNORECASE)
# Pages of a list (/page/2/, /archive/3/, ?page=4) are listings, not releases.
_PAGINATION_RE = re.compile(r"(?:^|/)(?:page|p|archive|archives)/\d+/?$", re.IGNORECASE)
_PAGE_QUERY_RE = re.compile(r"(?:^|&)(?:page|p|pg|start|offset)=\d+", re.IGNORECASE)
# Sitemap URLs are offered for recognition only under folders named like a press room (a sitemap also lists
# every other page of the site: fetching them all would cost the site thousands of requests for nothing).
_PRESS_FOLDER_RE = re.compile(
    r"(?:^|/|-)(?:news|newsroom|press|media|releases?|announcements?|stories-and-news|新聞|新闻|傳媒|传媒|新聞稿|新闻稿)"
    r"(?:/|-|$)", re.IGNORECASE)
A_LISTING_PAGE = "a page of a listing"  # never a release, but a listing follows it
_FILE_RE = re.compile(r"\.(?:pdf|jpe?g|png|gif|svg|webp|zip|docx?|xlsx?|pptx?|mp4|mp3|css|js|xml|json|txt|ico)$", re.I)
# Marks of pages that are dated but are not press releases.
_NOT_RELEASE_TEXT = re.compile(
    r"\b(?:register now|registration (?:is )?(?:open|closes|deadline)|venue\s*[:：]|closing date|apply now|"
    r"job (?:ref|reference|description)|responsibilities\s*[:：]|requirements\s*[:：]|how to apply|"
    r"event date\s*[:：]|admission\s*[:：]|rsvp)\b|立即報名|立即报名|報名截止|报名截止|地點[:：]|地点[:：]|"
    r"申請截止|申请截止|職位|职位",
    re.IGNORECASE,
)
_ARTICLE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "dc.date.issued")
OPENING_PARAGRAPHS = 8  # datelines open one of the first few paragraphs of the text
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)


@dataclass(frozen=True, slots=True)
class Recognition:
    """Whether a page is a release, and why (a short phrase a user can read)."""

    is_release: bool
    reason: str


def never_a_release(url: str) -> str | None:
    """Why `url` can never be a release page (about us, contact, search, tags, files...), or None."""
    path = unquote(urlsplit(url).path or "/")
    if path.strip("/") == "" or re.fullmatch(r"/?[a-z]{2}(?:-[a-z]{2,4})?/?", path, re.IGNORECASE):
        return "a home page"
    m = _NEVER_RE.search(path)
    if m:
        return f"a {m.group(0).strip('/.').lower()} page"
    if _FILE_RE.search(path):
        return "a file, not a page"
    if _PAGINATION_RE.search(path) or _PAGE_QUERY_RE.search(urlsplit(url).query):
        return A_LISTING_PAGE
    return None


def in_press_folder(url: str) -> bool:
    """True when a folder of the URL's path is named like a press room (news, press, media, releases, 新聞...)."""
    path = unquote(urlsplit(url).path or "/")
    return bool(_PRESS_FOLDER_RE.search(path.rsplit("/", 1)[0] if not path.endswith("/") else path.rstrip("/").rsplit("/", 1)[0]))


def _tree(body: bytes | str):
    try:
        if isinstance(body, bytes):
            return lxml_html.document_fromstring(body, parser=etree.HTMLParser(
                encoding="utf-8", remove_comments=True, remove_pis=True))
        return lxml_html.document_fromstring(body, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return None


def _opening_paragraphs(doc) -> list[str]:
    out = []
    for p in doc.iter("p", "div", "li"):
        if any(isinstance(a.tag, str) and a.tag in noise.SKIP_TAGS for a in p.iterancestors()):
            continue
        if p.tag == "div" and any(isinstance(c.tag, str) for c in p):
            continue  # a container: its own paragraphs are read instead
        text = noise.squash(block_text(p))
        if len(text) >= 20:
            out.append(text)
            if len(out) >= OPENING_PARAGRAPHS:
                break
    return out


def _article_date(doc) -> str | None:
    for m in doc.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        if key == "og:type" and (m.get("content") or "").strip().lower() == "article":
            return "og:type=article"
        if key in _ARTICLE_META and parse_date(m.get("content")):
            return f"meta {key}"
    for t in doc.iter("time"):
        if parse_date(t.get("datetime") or block_text(t)):
            return "a <time> element"
    for h1 in doc.iter("h1"):
        near = [h1.getprevious(), h1.getnext(), h1.getparent()]
        for el in near:
            if el is not None and isinstance(el.tag, str) and el.tag not in ("body", "html"):
                text = noise.squash(block_text(el))
                if len(text) < 400 and parse_date(text):
                    return "a date beside the title"
        break
    return None


def recognize_release(body: bytes | str, url: str | None = None, in_listing: bool = False) -> Recognition:
    """Apply the rule of the module docstring to one fetched page."""
    if url:
        never = never_a_release(url)
        if never:
            return Recognition(False, never)
    doc = _tree(body)
    if doc is None:
        return Recognition(False, "not readable HTML")
    for text in _opening_paragraphs(doc):
        found = find_dateline(text)
        if found is None:
            continue
        if found.source == "newswire":
            return Recognition(True, f"newswire dateline ({found.wire})")
        if found.published_on is not None:
            return Recognition(True, f"release dateline {text[:found.end].strip(' –—-')}")
    if not in_listing:
        return Recognition(False, "no release dateline, and not linked from a press-room listing")
    dated = _article_date(doc)
    if dated is None:
        return Recognition(False, "linked from a listing but carries no article date")
    body_el = doc.find("body")
    text = noise.squash(block_text(body_el)) if body_el is not None else ""
    mark = _NOT_RELEASE_TEXT.search(text)
    if mark:
        return Recognition(False, f"dated, but reads like an event or a job post ({mark.group(0)!r})")
    return Recognition(True, f"linked from a press-room listing and dated ({dated})")
