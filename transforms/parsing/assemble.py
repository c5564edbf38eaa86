"""From an ordered list of text blocks to a Release: the one state machine every format shares.

Each parser (known HTML layout, generic HTML, text, PDF) turns its document into `Block`s in reading order,
marking what its markup already tells (a caption container, a heading tag, bold text). The text decides the
rest: "Photo 1:" is a caption, "About Hong Kong Science ..." opens the About block, "Media Contact" opens the
contact block, "###" ends the body, and a dateline opens the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable
from datetime import date, time

from transforms.errors import ParseError
from transforms.model import Release, Section
from transforms.parsing import noise
from transforms.parsing.dates import Dateline, choose_date, date_from_url, find_dateline, strip_dateline
from transforms.language import cjk_ratio, detect_language, paragraph_language


@dataclass(slots=True)
class Block:
    """One block of text in reading order. `hint` is what the markup says it is, if anything:
    caption, about, about_heading, contact, key_takeaways, heading, item (a list item)."""

    text: str
    hint: str | None = None
    bold: bool = False


@dataclass(slots=True)
class Meta:
    """What a parser knows about the document besides its blocks."""

    layout: str
    title: str | None = None
    subtitle: str | None = None
    category: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)
    language_hint: str | None = None
    dates: dict[str, date | None] = field(default_factory=dict)  # source -> date (meta, page_date, url)
    known_layout: bool = False
    utc_times: dict[str, time] = field(default_factory=dict)  # sources read from a UTC timestamp -> its time
    # Called only when no source gives a date (a guess from the whole page): returns (date, UTC time or None).
    date_fallback: Callable[[], tuple[date | None, time | None]] | None = None


CAPTION_RE = re.compile(
    r"^\s*(?:(?:Photos?|Pictures?|Images?|Figures?)\s*\d+(?:\s*(?:[&,＆、]|and|to|-)\s*\d+)*\s*[:：.]"
    r"|(?:[圖图]片?|相片|照片)\s*\d+(?:\s*[&,＆、及至-]\s*\d+)*\s*[:：])",
    re.IGNORECASE,
)
ABOUT_RE = re.compile(r"^(?:About\s+(?:the\s+)?[A-Z\u4e00-\u9fff]|關於|关于)", re.IGNORECASE)
CONTACT_RE = re.compile(
    r"^\s*(?:Media\s+(?:Contacts?|Enquiries|Inquiries|Enquiry|Relations Contact)|Press\s+Contacts?|For\s+(?:further\s+)?(?:media\s+)?(?:enquiries|inquiries)"
    r"|傳媒查詢|传媒查询|媒體查詢|媒体查询|傳媒聯絡|传媒联络|媒體聯絡|媒体联络|新聞查詢|新闻查询|如有(?:傳媒)?查詢|如有(?:传媒)?查询)",
    re.IGNORECASE,
)
TAKEAWAYS_RE = re.compile(r"^\s*(?:Key\s+Takeaways|Highlights|重點摘要|重点摘要|要點|要点|重點|重点)\s*[:：]?\s*$", re.IGNORECASE)
END_RE = re.compile(r"^\s*(?:#{3,}|-\s*ends?\s*-|–\s*ends?\s*–|\*{3,}|（完）|- 完 -|－完－|完)\s*$", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*(?:[-•●▪◦*·]|\d{1,2}[.)])\s+")
TERMINAL_RE = re.compile(r"[.!?。！？:：;；\"”」』)）]\s*$")


# Every match of PAGE_COUNTER_RE.fullmatch, END_RE, TAKEAWAYS_RE, CONTACT_RE, CAPTION_RE and ABOUT_RE at the
# start of a text begins with a match of this pattern (their leading parts, with the same IGNORECASE): a block
# it does not match (most paragraphs) needs none of them.
_MAY_BE_MARKER_RE = re.compile(
    r"\s*(?:Page|Key|Highlights|Media|Press|For|Photo|Picture|Image|Figure|About|關於|关于"
    r"|[第\-–—\d#*（－完重要傳传媒新如圖图相照])",
    re.IGNORECASE,
)


def is_about_heading(text: str, marked: bool) -> bool:
    """'About Hong Kong Science and Technology Parks Corporation', '關於香港科技園公司'."""
    if len(text) > 110 or not ABOUT_RE.match(text):
        return False
    return marked or not TERMINAL_RE.search(text) or text.endswith(":")


def is_subhead(text: str) -> bool:
    return len(text) <= 200 and not text.endswith((".", "。", ",", "，"))


@dataclass(slots=True)
class _State:
    sections: list[Section] = field(default_factory=list)
    mode: str = "body"  # body | end | about | contact
    heading: str | None = None
    about_heading: str | None = None
    captions_seen: set[str] = field(default_factory=set)
    contact_lines: list[str] = field(default_factory=list)
    takeaways_open: bool = False
    dateline: Dateline | None = None
    body_paragraphs_seen: int = 0


_NON_WORD_RE = re.compile(r"\W+")


def _add_caption(state: _State, text: str) -> None:
    text = noise.clean_claim_text(text, squashed=True)
    key = _NON_WORD_RE.sub("", text).lower()
    if text and key not in state.captions_seen:
        state.captions_seen.add(key)
        state.sections.append(Section("caption", text))


def _add_body(state: _State, text: str) -> None:
    squashed = True
    if state.body_paragraphs_seen < 3 and state.dateline is None:
        found = find_dateline(text)
        if found is not None:
            state.dateline = found
            text = strip_dateline(text, found)
            squashed = False  # NFKC in strip_dateline may have made spaces
    state.body_paragraphs_seen += 1
    text = noise.clean_claim_text(text, squashed)
    if text:
        state.sections.append(Section("body", text, state.heading))


def sections_from_blocks(blocks: list[Block]) -> tuple[list[Section], Dateline | None]:
    """Run the state machine over `blocks`; returns the sections (no title/subtitle) and the dateline."""
    state = _State()
    sections = state.sections
    squash, clean_claim_text, clean_contact_text = noise.squash, noise.clean_claim_text, noise.clean_contact_text
    may_be_marker = _MAY_BE_MARKER_RE.match
    for block in blocks:
        raw = block.text
        hint = block.hint
        if hint == "contact" or state.mode == "contact":
            state.mode = "contact"
            cleaned = clean_contact_text(raw)
            if cleaned:
                state.contact_lines.append(cleaned)
            continue
        text = squash(raw)
        if not text:
            continue
        # squash strips, so is_page_counter's own strip() is a no-op; without a marker start only isdigit is left
        marker = may_be_marker(text) is not None
        if (noise.is_page_counter(text) if marker else text.isdigit()) or noise.is_chrome(text):
            continue
        if marker and END_RE.match(text):
            state.mode = "end" if state.mode == "body" else state.mode
            continue
        if hint == "key_takeaways":
            if not (marker and TAKEAWAYS_RE.match(text)):
                sections.append(Section("key_takeaways", clean_claim_text(BULLET_RE.sub("", text))))
            continue
        if marker and TAKEAWAYS_RE.match(text) and state.body_paragraphs_seen == 0:
            state.takeaways_open = True
            continue
        if state.takeaways_open:
            if hint == "item" or BULLET_RE.match(text):
                sections.append(Section("key_takeaways", clean_claim_text(BULLET_RE.sub("", text))))
                continue
            state.takeaways_open = False
        if marker and CONTACT_RE.match(text):
            state.mode = "contact"
            state.contact_lines.append(clean_contact_text(raw))
            continue
        if hint == "caption" or (marker and CAPTION_RE.match(text)):
            _add_caption(state, text)
            continue
        if hint == "about_heading" or (marker and is_about_heading(text, hint == "heading" or block.bold)):
            state.mode = "about"
            state.about_heading = text.rstrip(":：")
            continue
        if hint == "about" or state.mode == "about":
            text = clean_claim_text(text, squashed=True)
            if text:
                sections.append(Section("about", text, state.about_heading))
            continue
        if (hint == "heading" or block.bold) and is_subhead(text) and state.mode == "body":
            state.heading = text
            continue
        _add_body(state, text)
    if state.contact_lines:
        contact = "\n".join(line for line in state.contact_lines if line)
        if contact:
            sections.append(Section("contact", contact))
    return sections, state.dateline


def _drop_other_language(sections: list[Section], language: str) -> list[Section]:
    """On a bilingual page keep the paragraphs in the release's language (claims are compared per language)."""
    keep_script = "en" if language == "en" else "zh"
    ratio = cjk_ratio("".join(s.text for s in sections if s.name == "body")[:6000])
    if ratio < 0.1 or ratio > 0.9:  # one script throughout: nothing to drop (the common case, kept cheap)
        return sections
    scripts = [paragraph_language(s.text) for s in sections if s.name in ("body", "about", "caption")]
    other = sum(1 for s in scripts if s and s != keep_script)
    if not scripts or other < 2 or other / len(scripts) < 0.2:
        return sections
    return [s for s in sections if s.name in ("contact",) or paragraph_language(s.text) in (None, keep_script)]


def build_release(meta: Meta, blocks: list[Block]) -> Release:
    """Sections, language and date for `meta` + `blocks`; raises ParseError when it is not a release."""
    title = noise.squash(meta.title or "")
    if not title:
        raise ParseError("no release title found")
    sections, dateline = sections_from_blocks(blocks)
    if not any(s.name in ("body", "about", "key_takeaways") for s in sections):
        raise ParseError("no release text found (empty or truncated page)")
    sample = title + "\n" + "\n".join(s.text for s in sections if s.name in ("body", "about", "key_takeaways"))[:6000]
    language = detect_language(sample, meta.language_hint)
    sections = _drop_other_language(sections, language)

    candidates = dict(meta.dates)
    layout = meta.layout
    if dateline is not None:
        candidates[dateline.source] = dateline.published_on
        if dateline.source == "newswire" and layout == "generic":
            layout = "newswire"
    candidates.setdefault("url", date_from_url(meta.url))
    utc_times = dict(meta.utc_times)
    if meta.date_fallback is not None and not any(candidates.values()):
        guessed, utc_time = meta.date_fallback()
        candidates["page_date"] = guessed
        if utc_time is not None:
            utc_times["page_date"] = utc_time
    published_on, date_source = choose_date(candidates, meta.known_layout, utc_times)

    subtitle = noise.squash(meta.subtitle or "") or None
    head = [Section("title", title)]
    if subtitle:
        head.append(Section("subtitle", subtitle))
    return Release(
        title=title,
        language=language,
        published_on=published_on,
        subtitle=subtitle,
        category=noise.squash(meta.category or "") or None,
        url=meta.url,
        canonical_url=meta.canonical_url,
        date_source=date_source,
        layout=layout,
        slug=slug_from_url(meta.canonical_url or meta.url),
        alternates=dict(meta.alternates),
        sections=head + sections,
    )


def slug_from_url(url: str | None) -> str | None:
    """The last path segment of a URL ('.../news-room/<slug>/' -> '<slug>'), without a file suffix."""
    if not url:
        return None
    path = _QUERY_RE.sub("", url).rstrip("/")
    path = _SCHEME_HOST_RE.sub("", path)
    last = path.rsplit("/", 1)[-1]
    last = _FILE_SUFFIX_RE.sub("", last)
    return last or None


_QUERY_RE = re.compile(r"[?#].*$")
_SCHEME_HOST_RE = re.compile(r"^[a-z]+://[^/]*")
_FILE_SUFFIX_RE = re.compile(r"\.(?:html?|php|aspx?|pdf|txt|md)$", re.IGNORECASE)
