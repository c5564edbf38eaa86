"""Dates of a release in every English and Chinese form seen, and the rule for choosing one.

Forms read: `06 May 2016`, `9 Dec 2014`, `12 March, 2024`, `July 11, 2022`, `2024-06-21` (ISO, also with a
time; `2022/11/30` and `2023.07.03` too, and the compact `20230614T0030`), `2022年01月12日`, `2025 年 3 月 17 日`,
`二〇二四年三月十七日`, full-width digits, day-month-year in French, German, Spanish, Italian, Portuguese and
Dutch (`14. Juni 2023`, `21 de octubre de 2019`), and numeric `08/04/2025` (read day first, the Hong Kong way,
unless the second number cannot be a month; month first on a page that declares `en-US`).
A timestamp gives the day written in its own offset: `2023-06-14T00:30:00+08:00` is 14 June, never 13 June.

Datelines (the opening words of the first paragraph):
    (Hong Kong, 12 March, 2024) –        (香港,2022年1月12日)        (香港, 2025 年 3 月 17 日)—
and the three newswire styles:
    HONG KONG SAR - Media OutReach Newswire - 7 November 2025 -     (香港 - Media OutReach Newswire - 2024年10月10日 -)
    HONG KONG, July 11, 2022 /PRNewswire/ —                         (香港2022年7月11日 /美通社/ --)
    HONG KONG--(BUSINESS WIRE)--June 14, 2023--                     (the date is optional: HONG KONG--(BUSINESS WIRE)--)

WHEN SOURCES DISAGREE (`choose_date`), the first source present in this order wins and is recorded in
`Release.date_source`:
  - on a page of a known layout: page_date (the date the site prints in its own date element, which the
    press office typed) > meta (`article:published_time`; CMS migrations rewrite it) > dateline > url;
  - everywhere else (newswire copies, unknown layouts, PDF, text): newswire / dateline (the author's own words
    at the top of the text) > meta (explicit publication markup: meta tags, JSON-LD `datePublished`,
    microdata, a `<time>` marked published) > page_date (the date printed by the title, an "Updated" date
    never counts) > url.
  - A candidate that is the day/month swap of a textual candidate (8 April vs 4 August, both read from
    numbers) loses to the textual one whatever the order above.
  - A UTC time (`Z`, `+00:00`) that is one day off a date the page writes in its own words (page_date,
    dateline, newswire), across midnight, loses to it: a Hong Kong release at 00:30+08:00 tagged
    16:30Z the day before is dated by the page. (Across midnight: the page's day is the next one and the UTC
    time is 10:00 or later, or the page's day is the one before and the UTC time is before 12:00.)
  - Only when no source above gives a date is the date guessed from the whole page (htmldate); it is then
    recorded as page_date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, time

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
_ISO = r"(?<!\d)(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?![\d])"
_COMPACT = r"(?<!\d)(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})T\d{2}"  # 20230614T0030 (a basic-format timestamp)
# Day month year in other European languages: 14. Juni 2023, 3 février 2020, 21 de octubre de 2019.
OTHER_MONTHS = {
    **dict.fromkeys(("janvier", "januar", "jänner", "enero", "gennaio", "janeiro", "januari"), 1),
    **dict.fromkeys(("février", "fevrier", "februar", "febrero", "febbraio", "fevereiro", "februari"), 2),
    **dict.fromkeys(("mars", "märz", "marzo", "março", "marco", "maart"), 3),
    **dict.fromkeys(("avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maggio", "maio", "mei"), 5),
    **dict.fromkeys(("juin", "juni", "junio", "giugno", "junho"), 6),
    **dict.fromkeys(("juillet", "juli", "julio", "luglio", "julho"), 7),
    **dict.fromkeys(("août", "aout", "agosto", "augustus"), 8),
    **dict.fromkeys(("septembre", "septiembre", "setiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("octobre", "oktober", "octubre", "ottobre", "outubro"), 10),
    **dict.fromkeys(("novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("décembre", "decembre", "dezember", "diciembre", "dicembre", "dezembro"), 12),
}
_OTHER_MONTH = "(?P<mon3>" + "|".join(sorted(OTHER_MONTHS, key=len, reverse=True)) + ")"
_DMY_OTHER = rf"(?<!\d)(?P<d3>\d{{1,2}})(?:\.|er|º)?\s*(?:de\s+)?{_OTHER_MONTH}\s*(?:de\s+|del\s+)?(?P<y3>\d{{4}})"
_ZH = r"(?P<zy>\d{4})\s*年\s*(?P<zm>\d{1,2})\s*月\s*(?P<zd>\d{1,2})\s*[日号號]"
_NUM = r"(?<![\d/])(?P<na>\d{1,2})[/.](?P<nb>\d{1,2})[/.](?P<ny>\d{4})(?![\d/])"
DATE_RE = re.compile(rf"(?:{_DMY})|(?:{_MDY})|(?:{_ISO})|(?:{_ZH})|(?:{_NUM})|(?:{_COMPACT})|(?:{_DMY_OTHER})",
                     re.IGNORECASE)
# The date part of a dateline, without the numeric form (too easily a figure).
_DATELINE_DATE = rf"(?:{_DMY})|(?:{_MDY})|(?:{_ZH})"


def normalise_digits(text: str) -> str:
    """Full-width digits and Chinese numeral dates (二〇二四年三月十七日) to ASCII digits."""
    if not text.isascii():
        # is_normalized says whether normalize would change the text at a fraction of its cost (English text
        # with curly quotes and dashes is NFKC already)
        if not unicodedata.is_normalized("NFKC", text):
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


def _from_match(m: re.Match, month_first: bool = False) -> date | None:
    g = m  # m["name"] reads one group (a groupdict of all ~25 groups costs more than the match)
    if g["mon"]:
        return _make(g["y"], MONTHS[g["mon"].lower().rstrip(".")], g["d"])
    if g["mon2"]:
        return _make(g["y2"], MONTHS[g["mon2"].lower().rstrip(".")], g["d2"])
    if g["iy"]:
        return _make(g["iy"], int(g["im"]), g["id"])
    if g["zy"]:
        return _make(g["zy"], int(g["zm"]), g["zd"])
    if g["ny"]:
        a, b = int(g["na"]), int(g["nb"])
        # Day first (Hong Kong usage); month first when the second number cannot be a month, or on a US page
        # (unless the first number cannot be one).
        if month_first and a <= 12:
            return _make(g["ny"], a, b)
        return _make(g["ny"], b, a) if b <= 12 else _make(g["ny"], a, b)
    if g["cy"]:
        return _make(g["cy"], int(g["cm"]), g["cd"])
    if g["mon3"]:
        return _make(g["y3"], OTHER_MONTHS[g["mon3"].lower()], g["d3"])
    return None


def parse_date(text: str | None, month_first: bool = False) -> date | None:
    """The first valid date written in `text`, or None. `month_first`: read 11/02/2016 as 2 November."""
    if not text:
        return None
    text = normalise_digits(text[:2000])
    for m in DATE_RE.finditer(text):
        found = _from_match(m, month_first)
        if found:
            return found
    return None


def dates_in(text: str, month_first: bool = False):
    """Every valid date written in `text` with where it starts: [(start, date)]."""
    text = normalise_digits(text)
    out = []
    for m in DATE_RE.finditer(text):
        found = _from_match(m, month_first)
        if found:
            out.append((m.start(), found))
    return out, text


_STAMP_RE = re.compile(
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{8}(?=T))[T ]?(?:(?P<h>\d{2}):?(?P<mi>\d{2})(?::?\d{2}(?:\.\d+)?)?)?\s*"
    r"(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Stamp:
    """A machine-written time: the day in its own offset, and the time of day when that offset is UTC."""

    day: date
    utc_time: time | None = None


def parse_stamp(text: str | None, month_first: bool = False) -> Stamp | None:
    """The day of a timestamp as written in its own offset (never converted), noting a UTC time of day."""
    if not text:
        return None
    text = text.strip()
    m = _STAMP_RE.match(text)
    if m and m.group("h") and m.group("zone"):
        zone = m.group("zone").upper().replace(":", "")
        day = parse_date(m.group("date") + ("T00" if len(m.group("date")) == 8 else ""))
        if day is None:
            return None
        utc = zone in ("Z", "UTC", "GMT", "+0000", "-0000")
        hour, minute = int(m.group("h")), int(m.group("mi"))
        return Stamp(day, time(hour, minute) if utc and hour < 24 and minute < 60 else None)
    day = parse_date(text, month_first)
    return Stamp(day) if day else None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a paragraph. `end` is where the paragraph's own text starts."""

    published_on: date | None
    source: str  # "dateline" or "newswire"
    wire: str | None  # media-outreach | pr-newswire | business-wire | None
    end: int
    # The paragraph's first 300 characters as read and as normalised, so strip_dateline need not normalise again.
    head: tuple[str, str] | None = field(default=None, compare=False, repr=False)


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
    rf"^\s*(?P<place>[^\n]{{0,40}}?)\s*-{{1,2}}\s*[(（]\s*(?:BUSINESS\s*WIRE|美國商業資訊|美国商业资讯)\s*[)）]\s*-{{1,2}}{_DASH}"
    rf"(?:(?P<date>{_DATELINE_DATE})\s*[-–—]{{1,2}}{_DASH})?",
    re.IGNORECASE,
)
# Each with a test that every match of it passes, far cheaper than the pattern, which tries its 40-character
# place at every length: "outreach" (its letters have no case variant but their own, so lower() finds every
# case-blind match), "/", or "-" and a bracket. Most paragraphs pass none.
_WIRES = (("media-outreach", _MEDIA_OUTREACH, lambda head: "outreach" in head.lower()),
          ("pr-newswire", _PR_NEWSWIRE, lambda head: "/" in head),
          ("business-wire", _BUSINESS_WIRE, lambda head: "-" in head and ("(" in head or "（" in head)))


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline (own or newswire) that opens `paragraph`, if any.

    `end` indexes the normalised text; callers strip with `strip_dateline`.
    """
    head = normalise_digits(paragraph[:300])
    m = _HK_DATELINE.match(head)
    if m:
        return Dateline(parse_date(m.group("date")), "dateline", None, m.end(), (paragraph[:300], head))
    for wire, pattern, may_match in _WIRES:
        if not may_match(head):
            continue
        m = pattern.match(head)
        if m:
            found = parse_date(m.groupdict().get("date")) if m.groupdict().get("date") else None
            return Dateline(found, "newswire", wire, m.end(), (paragraph[:300], head))
    return None


def strip_dateline(paragraph: str, dateline: Dateline) -> str:
    """`paragraph` without its dateline (digits normalised only in the part removed)."""
    raw = paragraph[:300]
    if dateline.head is not None and dateline.head[0] == raw:  # the paragraph it was found in
        head = dateline.head[1]
    else:
        head = normalise_digits(raw)
    if len(head) == len(raw):
        return paragraph[dateline.end:].strip()
    return (head + paragraph[300:])[dateline.end:].strip()


_URL_DATE_RE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_url(url: str | None) -> date | None:
    """A date written in a URL path (/2024/02/28/ or -20240228-), if any."""
    if not url:
        return None
    m = _URL_DATE_RE.search(url)
    return _make(m.group(1), int(m.group(2)), m.group(3)) if m else None


KNOWN_LAYOUT_ORDER = ("page_date", "meta", "dateline", "newswire", "url")
TEXT_FIRST_ORDER = ("newswire", "dateline", "meta", "page_date", "url")


LOCAL_WORDS = ("page_date", "dateline", "newswire")  # dates the page writes in its own words, in its own zone


def _across_midnight(utc_day: date, utc_time: time, local: date) -> bool:
    """`local` is what a zone between UTC-12 and UTC+14 calls the UTC instant `utc_day utc_time`."""
    delta = (local - utc_day).days
    return (delta == 1 and utc_time >= time(10, 0)) or (delta == -1 and utc_time < time(12, 0))


def choose_date(candidates: dict[str, date | None], known_layout: bool,
                utc_times: dict[str, time] | None = None) -> tuple[date | None, str | None]:
    """Apply the written rule (module docstring): returns (date, source) or (None, None).

    `utc_times`: sources whose date was read from a UTC timestamp, with its time of day."""
    present = {k: v for k, v in candidates.items() if v is not None}
    if not present:
        return None, None
    order = KNOWN_LAYOUT_ORDER if known_layout else TEXT_FIRST_ORDER
    ranked = [s for s in order if s in present] + [s for s in present if s not in order]
    best = ranked[0]
    chosen = present[best]
    utc_times = utc_times or {}
    if best in utc_times:
        for other in ranked[1:]:
            if other in LOCAL_WORDS and other not in utc_times and _across_midnight(chosen, utc_times[best], present[other]):
                return present[other], other
    # A day/month swap of another candidate: trust the candidate read from words (dateline/newswire/page).
    for other in ranked[1:]:
        alt = present[other]
        if alt != chosen and alt.year == chosen.year and alt.day == chosen.month and alt.month == chosen.day:
            if best in ("meta", "url") and other in ("page_date", "dateline", "newswire"):
                return alt, other
    return chosen, best
