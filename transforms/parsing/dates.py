"""Dates of a release in every English and Chinese form seen, and the rule for choosing one.

Forms read: `06 May 2016`, `9 Dec 2014`, `12 March, 2024`, `July 11, 2022`, `2024-06-21` (ISO, also with a
time), `2022年01月12日`, `2025 年 3 月 17 日`, `二〇二四年三月十七日`, full-width digits, and numeric
`08/04/2025` (read day first, the Hong Kong way, unless the first number cannot be a month... see below).

Datelines (the opening words of the first paragraph):
    (Hong Kong, 12 March, 2024) –        (香港,2022年1月12日)        (香港, 2025 年 3 月 17 日)—
and the three newswire styles:
    HONG KONG SAR - Media OutReach Newswire - 7 November 2025 -     (香港 - Media OutReach Newswire - 2024年10月10日 -)
    HONG KONG, July 11, 2022 /PRNewswire/ —                         (香港2022年7月11日 /美通社/ --)
    HONG KONG--(BUSINESS WIRE)--                                    (no date: taken from the page or meta)

WHEN SOURCES DISAGREE (`choose_date`), the first source present in this order wins and is recorded in
`Release.date_source`:
  - on a page of a known layout: page_date (the date the site prints in its own date element, which the
    press office typed) > meta (`article:published_time`; CMS migrations rewrite it) > dateline > url;
  - everywhere else (newswire copies, unknown layouts, PDF, text): newswire / dateline (the author's own words
    at the top of the text) > meta (an explicit meta tag) > page_date (a date guessed from the page) > url.
  - A candidate that is the day/month swap of a textual candidate (8 April vs 4 August, both read from
    numbers) loses to the textual one whatever the order above.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from transforms.numbers import ZH_DIGITS, parse_chinese

MIN_YEAR, MAX_YEAR = 1990, 2100

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_ORD = r"(?:st|nd|rd|th)?"

# Day Month Year ("06 May 2016", "12 March, 2024"); Month Day, Year ("July 11, 2022"); ISO; Chinese.
_DMY = rf"(?P<d>\d{{1,2}}){_ORD}\s+{_MONTH},?\s+(?P<y>\d{{4}})"
_MDY = rf"{_MONTH.replace('?P<mon>', '?P<mon2>')}\s+(?P<d2>\d{{1,2}}){_ORD},?\s+(?P<y2>\d{{4}})"
_ISO = r"(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d])"
_ZH = r"(?P<zy>\d{4})\s*年\s*(?P<zm>\d{1,2})\s*月\s*(?P<zd>\d{1,2})\s*[日号號]"
_NUM = r"(?<![\d/])(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4})(?![\d/])"
DATE_RE = re.compile(rf"(?:{_DMY})|(?:{_MDY})|(?:{_ISO})|(?:{_ZH})|(?:{_NUM})", re.IGNORECASE)
# The date part of a dateline, without the numeric form (too easily a figure).
_DATELINE_DATE = rf"(?:{_DMY})|(?:{_MDY})|(?:{_ZH})"


def normalise_digits(text: str) -> str:
    """Full-width digits and Chinese numeral dates (二〇二四年三月十七日) to ASCII digits."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        if "年" in text:
            text = _ZH_NUMERAL_DATE.sub(_zh_numeral_date_to_digits, text)
    return text


_ZH_NUMERAL_DATE = re.compile(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号號]")


def _zh_numeral_date_to_digits(m: re.Match) -> str:
    """二〇二四年三月十七日 -> 2024年3月17日: the year digit by digit, month and day as numerals."""
    year = "".join(str(ZH_DIGITS[c]) for c in m.group(1))
    month, day = parse_chinese(m.group(2)), parse_chinese(m.group(3))
    if month is None or day is None:
        return m.group(0)
    return f"{year}年{int(month[0])}月{int(day[0])}日"


def _make(y: str | int, m: int, d: str | int) -> date | None:
    try:
        y, d = int(y), int(d)
        if not MIN_YEAR <= y <= MAX_YEAR:
            return None
        return date(y, m, d)
    except (ValueError, TypeError):
        return None


def _from_match(m: re.Match) -> date | None:
    g = m.groupdict()
    if g.get("mon"):
        return _make(g["y"], MONTHS[g["mon"].lower().rstrip(".")], g["d"])
    if g.get("mon2"):
        return _make(g["y2"], MONTHS[g["mon2"].lower().rstrip(".")], g["d2"])
    if g.get("iy"):
        return _make(g["iy"], int(g["im"]), g["id"])
    if g.get("zy"):
        return _make(g["zy"], int(g["zm"]), g["zd"])
    if g.get("ny"):
        a, b = int(g["na"]), int(g["nb"])
        # Day first (Hong Kong usage); month first only when the second number cannot be a month.
        return _make(g["ny"], b, a) if b <= 12 else _make(g["ny"], a, b)
    return None


def parse_date(text: str | None) -> date | None:
    """The first valid date written in `text`, or None."""
    if not text:
        return None
    text = normalise_digits(text[:2000])
    for m in DATE_RE.finditer(text):
        found = _from_match(m)
        if found:
            return found
    return None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a paragraph. `end` is where the paragraph's own text starts."""

    published_on: date | None
    source: str  # "dateline" or "newswire"
    wire: str | None  # media-outreach | pr-newswire | business-wire | None
    end: int


_DASH = r"[\s\-–—−―_:：]*"
_HK_DATELINE = re.compile(
    rf"^\s*[(（]\s*(?:[A-Z][A-Za-z .]{{1,30}}|[\u4e00-\u9fff]{{2,8}})\s*[,，、]?\s*(?P<date>{_DATELINE_DATE})\s*[)）]{_DASH}",
    re.IGNORECASE,
)
_MEDIA_OUTREACH = re.compile(
    rf"^\s*(?P<place>[^\n]{{0,40}}?)\s*[-–—]\s*Media\s*OutReach(?:\s*Newswire)?\s*[-–—]\s*(?P<date>{_DATELINE_DATE})\s*[-–—]+\s*",
    re.IGNORECASE,
)
_PR_NEWSWIRE = re.compile(
    rf"^\s*(?P<place>[^\n/]{{0,40}}?)[,，\s]*(?P<date>{_DATELINE_DATE})\s*/\s*(?:PR\s*Newswire[^/]{{0,20}}|美通社)\s*/{_DASH}",
    re.IGNORECASE,
)
_BUSINESS_WIRE = re.compile(
    rf"^\s*(?P<place>[^\n]{{0,40}}?)\s*-{{1,2}}\s*[(（]\s*(?:BUSINESS\s*WIRE|美國商業資訊|美国商业资讯)\s*[)）]\s*-{{1,2}}{_DASH}",
    re.IGNORECASE,
)
_WIRES = (("media-outreach", _MEDIA_OUTREACH), ("pr-newswire", _PR_NEWSWIRE), ("business-wire", _BUSINESS_WIRE))


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline (own or newswire) that opens `paragraph`, if any.

    `end` indexes the normalised text; callers strip with `strip_dateline`.
    """
    head = normalise_digits(paragraph[:300])
    m = _HK_DATELINE.match(head)
    if m:
        return Dateline(parse_date(m.group("date")), "dateline", None, m.end())
    for wire, pattern in _WIRES:
        m = pattern.match(head)
        if m:
            found = parse_date(m.groupdict().get("date")) if m.groupdict().get("date") else None
            return Dateline(found, "newswire", wire, m.end())
    return None


def strip_dateline(paragraph: str, dateline: Dateline) -> str:
    """`paragraph` without its dateline (digits normalised only in the part removed)."""
    head = normalise_digits(paragraph[:300])
    if len(head) == len(paragraph[:300]):
        return paragraph[dateline.end:].strip()
    return (head + paragraph[300:])[dateline.end:].strip()


def date_from_url(url: str | None) -> date | None:
    """A date written in a URL path (/2024/02/28/ or -20240228-), if any."""
    if not url:
        return None
    m = re.search(r"(?<!\d)(20\d{2}|19\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)", url)
    return _make(m.group(1), int(m.group(2)), m.group(3)) if m else None


KNOWN_LAYOUT_ORDER = ("page_date", "meta", "dateline", "newswire", "url")
TEXT_FIRST_ORDER = ("newswire", "dateline", "meta", "page_date", "url")


def choose_date(candidates: dict[str, date | None], known_layout: bool) -> tuple[date | None, str | None]:
    """Apply the written rule (module docstring): returns (date, source) or (None, None)."""
    present = {k: v for k, v in candidates.items() if v is not None}
    if not present:
        return None, None
    order = KNOWN_LAYOUT_ORDER if known_layout else TEXT_FIRST_ORDER
    ranked = [s for s in order if s in present]
    best = ranked[0]
    chosen = present[best]
    # A day/month swap of another candidate: trust the candidate read from words (dateline/newswire/page).
    for other in ranked[1:]:
        alt = present[other]
        if alt != chosen and alt.year == chosen.year and alt.day == chosen.month and alt.month == chosen.day:
            if best in ("meta", "url") and other in ("page_date", "dateline", "newswire"):
                return alt, other
    return chosen, best
