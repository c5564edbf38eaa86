"""Publication dates of a page whose layout the profile does not know (the rule that picks one is in dates.py).

Three readers, from the most explicit to a guess:
  - `published_markup`: publication markup a CMS writes on purpose: meta tags of the usual schemes
    (Open Graph, Dublin Core, Parse.ly, Sailthru, citation, GOV.UK ...), JSON-LD `datePublished`, microdata
    `itemprop="datePublished"`, a `<time>`/`<abbr>` marked published. Modified/updated dates are never read.
  - `byline_date`: the date printed by the title (the byline, "Published: 29 Jun 2017", "发布时间：..."), skipping
    dates labelled as updated or as an event's date.
  - `guess_date`: htmldate's extensive search with `original_date=True`, called only when the page offers no
    date of its own and its URL holds none; a bare year (htmldate answers 1 January) is no date.
"""

from __future__ import annotations

import json
import re
from datetime import date

from lxml import etree

from transforms.parsing import noise
from transforms.parsing.dates import Stamp, dates_in, parse_stamp

# Meta keys (property / name / itemprop, lower case) that carry the publication time, most trusted first.
PUBLISHED_META_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "datepublished", "govuk:first-published-at", "parsely-pub-date", "sailthru.date", "dc.date.issued",
    "dcterms.issued", "dcterms.date", "dcterms.created", "dc.date.created", "dc.date", "citation_publication_date",
    "citation_date", "citation_online_date", "publishdate", "publish-date", "publish_date", "pubdate",
    "publication_date", "content_publisheddate", "article.published", "originalpublicationdate", "release_date",
    "date",
)
_RANK = {key: i for i, key in enumerate(PUBLISHED_META_KEYS)}
_META_XPATH = etree.XPath("//meta[@content]")
_JSON_LD_XPATH = etree.XPath("//script[@type='application/ld+json']")
_MARKED_XPATH = etree.XPath(
    "//*[@itemprop='datePublished'][not(self::meta)] | //time[@pubdate] | "
    "//*[self::time or self::abbr][contains(concat(' ', normalize-space(@class), ' '), ' published ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' dt-published ')]")


def month_first_for(declared_language: str | None) -> bool:
    """A page declaring US English writes 11/02/2016 for 2 November."""
    return (declared_language or "").strip().lower().replace("_", "-") == "en-us"


def _json_published(node) -> str | None:
    stack = [node]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str) and value.strip():
                return value
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return None


def published_markup(doc, month_first: bool = False) -> Stamp | None:
    """The publication time a CMS wrote into the page's markup, or None."""
    best, best_rank = None, len(PUBLISHED_META_KEYS)
    for m in _META_XPATH(doc):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        rank = _RANK.get(key)
        if rank is not None and rank < best_rank:
            stamp = parse_stamp(m.get("content"), month_first)
            if stamp:
                best, best_rank = stamp, rank
    if best:
        return best
    for script in _JSON_LD_XPATH(doc):
        try:
            value = _json_published(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
        stamp = parse_stamp(value, month_first)
        if stamp:
            return stamp
    for el in _MARKED_XPATH(doc):
        stamp = parse_stamp(el.get("content") or el.get("datetime") or el.get("title") or "".join(el.itertext()),
                            month_first)
        if stamp:
            return stamp
    return None


_PUBLISHED_LABEL = re.compile(
    r"(?:publish|posted|issued|released|date\s*:|發佈|發布|发布|刊登|出版|입력|veröffentlicht|publié|publicado|pubblicato"
    r"|gepubliceerd|опубликовано)[^\d]{0,24}$", re.IGNORECASE)
_NOT_PUBLISHED_LABEL = re.compile(
    r"(?:updated?|modified|revised|revision|last\s+review|edited|更新|修改|修訂|修订|수정|aktualisiert|geändert"
    r"|mis\s+à\s+jour|atualizad|actualizad|aggiornat|bijgewerkt|обновлено|event\s+date|date\s+of\s+(?:the\s+)?event"
    r"|活動日期|活动日期)[^\d]{0,24}$", re.IGNORECASE)
AFTER_TITLE_BLOCKS, BEFORE_TITLE_BLOCKS = 6, 2
BYLINE_MAX_CHARS = 200  # a longer block is body text: the byline is above it


def _dates_of_block(text: str, month_first: bool) -> list[tuple[str, date]]:
    """[(label, date)] where label is 'published', 'other' (updated, event) or '' for each date in `text`."""
    found, normalised = dates_in(text, month_first)
    out = []
    for start, day in found:
        before = normalised[max(0, start - 40):start]
        label = "published" if _PUBLISHED_LABEL.search(before) else "other" if _NOT_PUBLISHED_LABEL.search(before) else ""
        out.append((label, day))
    return out


def byline_date(blocks, title: str, month_first: bool = False) -> date | None:
    """The date printed by the title: the first one labelled as published, else the first unlabelled one."""
    texts = [noise.squash(b.text) for b in blocks]
    key = "".join(title.split())
    at = next((i for i, t in enumerate(texts) if "".join(t.split()) == key), None)
    if at is None:
        return None
    window = []
    for text in texts[at + 1:at + 1 + AFTER_TITLE_BLOCKS]:
        if len(text) > BYLINE_MAX_CHARS:
            break
        window.append(text)
    window.extend(t for t in texts[max(0, at - BEFORE_TITLE_BLOCKS):at] if len(t) <= BYLINE_MAX_CHARS)
    labelled = [item for text in window for item in _dates_of_block(text, month_first)]
    for label, day in labelled:
        if label == "published":
            return day
    for label, day in labelled:
        if label == "":
            return day
    return None


def guess_date(html_text: str, month_first: bool = False) -> Stamp | None:
    """htmldate's reading of the whole page (extensive search, original date), or None.

    htmldate answers 1 January when it found only a year (a copyright line): that is no date unless the page
    writes that day somewhere. The first extensive search of a process on Chinese text loads dateparser's
    locales (about 5 s of CPU, once); pages with a date of their own or a dated URL never get here."""
    from htmldate import find_date  # imported here: only pages without a date of their own need it

    try:
        found = find_date(html_text, extensive_search=True, original_date=True,
                          outputformat="%Y-%m-%dT%H:%M:%S%z")
    except Exception:  # htmldate is best effort on broken markup; no guess is a fine answer
        return None
    stamp = parse_stamp(found)
    if stamp is None:
        return None
    if (stamp.day.month, stamp.day.day) == (1, 1):
        written = {day for _, day in dates_in(html_text[:300_000], month_first)[0]}
        if stamp.day not in written:
            return None
    return stamp if found.endswith(("+0000", "-0000")) else Stamp(stamp.day)

