"""The HKSAR Government's press releases (GIA, www.info.gov.hk/gia): URLs, daily index pages and release pages.

    canonical_release_url("https://www.info.gov.hk/gia/general/202103/16/P2021031600456p.htm?fontSize=1", profile)
    # -> "https://www.info.gov.hk/gia/general/202103/16/P2021031600456.htm"
    index_links(html_bytes, index_url, profile)   # [(release URL, link title)] of a daily index page
    parse_gia_page(html_bytes, url, profile)      # -> Release (raises ParseError when it is not a release)

One page has several URLs (a `p.htm` suffix, `_print.htm`, `?fontSize=1`); they are one release, named by
canonical_release_url. Photo pages (`..._photo_NNN.htm`) are not releases. The release date is the one the page
writes ("Ends/Tuesday, March 16, 2021"; Chinese "完 2021年3月16日（星期二）"), else the folder date (the issue
date; the date inside the P-number can be days earlier and is never used). Editions are paired by the page's own
links to its other editions, only when they point at a GIA release URL on the same host. LegCo replies ("LCQ16:",
"立法會十六題：") keep their tables: each row becomes one line of text, its cells named by the first row's
("Year: 2023; Incubatees admitted: 171."), so its figures read as sentences. Pure: no I/O.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree, html as lxml_html

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing.assemble import Block, Meta, build_release
from transforms.parsing.dates import parse_date
from transforms.parsing.html import select_one

__all__ = ["canonical_release_url", "index_links", "parse_gia_page", "is_english_only", "legco_question",
           "folder_date", "mentions", "release_key"]

_VARIANT_RE = re.compile(r"(?:p|_print)\.htm$")
_ENDS_RE = re.compile(r"^\s*(?:Ends\s*/|完\s*$|完\s*[\n/])", re.MULTILINE)
_ENDS_DATE_RE = re.compile(r"Ends\s*/\s*(?:[A-Za-z]+,\s*)?(?P<date>[A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\s+\d{4})")
_ZH_DATE_RE = re.compile(r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_ISSUED_RE = re.compile(r"^\s*(?:Issued at HKT|今日|今天)?.*?(?:Issued at HKT\s*\d{1,2}:\d{2}|香港時間\d{1,2}時\d{1,2}分發出|香港时间\d{1,2}时\d{1,2}分发出)", re.MULTILINE)
_NNNN_RE = re.compile(r"^\s*NNNN\s*$", re.MULTILINE)
_LEGCO_RE = re.compile(r"^\s*(?:LCQ\s*(?P<en>\d+)\s*[:：]|立法會(?P<zh>[〇零一二三四五六七八九十百]+)題\s*[:：]|立法会(?P<zhs>[〇零一二三四五六七八九十百]+)题\s*[:：])")
_ENGLISH_ONLY_RE = re.compile(r"\((?:English only|只有英文|只有英文版)\)|（(?:只有英文|只有英文版)）", re.IGNORECASE)
_BLOCK_TAGS = frozenset({"p", "div", "table", "tr", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                         "blockquote", "pre", "section", "article", "center"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "header", "footer", "form", "select", "button"})


def _site(profile: dict) -> dict:
    return profile["site"]


def _release_rx(profile: dict) -> list[re.Pattern]:
    return [re.compile(p) for p in _site(profile)["release_patterns"].values()]


def canonical_release_url(url: str, profile: dict) -> str | None:
    """The one URL of a GIA release page (variants folded, query and fragment dropped); None when `url` is not a
    release (a photo page, an index page, another site's page)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return None
    path = parts.path
    for pattern in _site(profile).get("not_releases") or ():
        if re.search(pattern, path):
            return None
    path = _VARIANT_RE.sub(".htm", path) if re.search(r"\d(?:p|_print)\.htm$", path) else path
    if not any(rx.search(path) for rx in _release_rx(profile)):
        return None
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))


def folder_date(url: str) -> date | None:
    """The issue date of a release from its folder, /gia/general/YYYYMM/DD/."""
    m = re.search(r"/general/(\d{4})(\d{2})/(\d{2})/", url)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _doc(body: bytes | str):
    if isinstance(body, bytes):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            text = body.decode("big5hkscs", errors="replace")
    else:
        text = body
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        raise ParseError("empty document")
    try:
        return lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"unreadable HTML ({exc})") from None


def index_links(body: bytes | str, index_url: str, profile: dict) -> list[tuple[str, str]]:
    """[(canonical release URL, link text)] of a daily index page, in page order, each release once."""
    doc = _doc(body)
    seen: dict[str, str] = {}
    for a in doc.iter("a"):
        href = a.get("href")
        if not href:
            continue
        url = canonical_release_url(urljoin(index_url, href), profile)
        if url and url not in seen:
            seen[url] = " ".join(a.text_content().split())
    return list(seen.items())


def _text_lines(el) -> str:
    """The text of `el` with line breaks where the page breaks lines: <br>, block elements, table rows (cells
    joined by "; ")."""
    out: list[str] = []
    headers: dict[int, list[str]] = {}  # table -> its first row, which names the columns of the rows after it

    def row_text(node) -> str:
        cells = [" ".join(c.text_content().split()) for c in node if isinstance(c.tag, str) and c.tag in ("td", "th")]
        table = next((a for a in node.iterancestors("table")), None)
        key = id(table)
        if key not in headers:
            headers[key] = cells
            return "; ".join(c for c in cells if c)
        head = headers[key]
        parts = [f"{head[i]}: {c}" if i < len(head) and head[i] else c for i, c in enumerate(cells) if c]
        return "; ".join(parts)

    def walk(node):
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS:
            if node.tail:
                out.append(node.tail)
            return
        if tag == "br":
            out.append("\n")
        elif tag == "tr":
            line = row_text(node)
            if line:
                out.append("\n\n" + line + ("" if line.endswith((".", "。")) else ".") + "\n\n")
            if node.tail:
                out.append(node.tail)
            return
        elif tag in _BLOCK_TAGS:
            out.append("\n\n")
        if node.text:
            out.append(node.text)
        for child in node:
            walk(child)
        if tag in _BLOCK_TAGS:
            out.append("\n\n")
        if node.tail:
            out.append(node.tail)

    walk(el)
    return "".join(out).replace("\xa0", " ").replace("\r", "")


def _paragraphs(text: str) -> list[str]:
    """Blank lines end a paragraph; single line breaks inside one are spaces (Chinese lines join without)."""
    paras = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        joined = lines[0]
        for ln in lines[1:]:
            cjk = re.search(r"[\u3000-\u9fff\uff00-\uffef]$", joined) and re.match(r"[\u3000-\u9fff\uff00-\uffef]", ln)
            joined += ("" if cjk else " ") + ln
        paras.append(joined)
    return paras


def _first(doc, selectors: list[str]):
    for sel in selectors:
        found = select_one(doc, sel)
        if found is not None:
            return found
    return None


def _edition_links(doc, url: str, profile: dict) -> dict[str, str]:
    """language -> URL of the other editions, from the page's own links (only GIA release URLs on this host)."""
    names = (profile.get("page") or {}).get("edition_links") or {}
    host = urlsplit(url).netloc.lower()
    out: dict[str, str] = {}
    for a in doc.iter("a"):
        label = " ".join(a.text_content().split())
        if not label or len(label) > 40 or not a.get("href"):
            continue
        # the language whose name the link says, the longest name winning ("簡體中文" is Simplified, not 中文)
        said = [(len(n), language) for language, labels in names.items() for n in labels if n.lower() in label.lower()]
        if not said:
            continue
        language = max(said)[1]
        if language in out:
            continue
        target = canonical_release_url(urljoin(url, a.get("href")), profile)
        if target and urlsplit(target).netloc == host and target != canonical_release_url(url, profile):
            out[language] = target
    return out


def is_english_only(text: str) -> bool:
    """The release says it exists in English only ("(English only)", 「（只有英文）」)."""
    return bool(_ENGLISH_ONLY_RE.search(text[:3000]))


def legco_question(title: str) -> str | None:
    """The LegCo question number of a reply ("LCQ16: ..." -> "16", "立法會十六題：..." -> "十六"), else None."""
    m = _LEGCO_RE.match(title or "")
    if not m:
        return None
    return m.group("en") or m.group("zh") or m.group("zhs")


def mentions(text: str, subjects: list[str], names: list[str] | None = None) -> list[str]:
    """Which of `subjects` (organisation vocabulary keys; a key covers its sites: hkstp -> hkstp/science-park) and
    extra `names` (any case, whole words for Latin names) the text mentions, in the three languages."""
    from transforms.context import mentions as organisations_in

    keys = organisations_in(text)
    found = sorted(k for k in keys if any(k == s or k.startswith(s + "/") for s in subjects))
    low = text.lower()
    for name in names or ():
        n = name.lower()
        if re.search(r"[a-z]", n):
            if re.search(r"(?<![a-z])" + re.escape(n) + r"(?![a-z])", low):
                found.append(name)
        elif n in low:
            found.append(name)
    return found


def _ends_date(text: str) -> date | None:
    m = _ENDS_DATE_RE.search(text)
    if m:
        return parse_date(m.group("date"))
    tail = text[-400:]
    m = re.search(r"完\s*\n?\s*" + _ZH_DATE_RE.pattern, tail)
    if m:
        return parse_date(m.group("date"))
    return None


def parse_gia_page(body: bytes | str, url: str, profile: dict) -> Release:
    """One GIA release page -> one Release edition (layout `gia`). Raises ParseError when the page is not one."""
    doc = _doc(body)
    page = profile.get("page") or {}
    title_el = _first(doc, page.get("title") or ["#PRHeadlineSpan", "h1", "title"])
    title = " ".join(title_el.text_content().split()) if title_el is not None else ""
    body_el = _first(doc, page.get("body") or ["#pressrelease", "body"])
    if body_el is None:
        raise ParseError("no release text found (no #pressrelease)")
    text = _text_lines(body_el)
    end = _ENDS_RE.search(text)
    ends_date = _ends_date(text)
    main = text[: end.start()] if end else text
    paragraphs = [p for p in _paragraphs(main) if p != title and not _ISSUED_RE.match(p) and not _NNNN_RE.match(p)]
    if not paragraphs:
        raise ParseError("no release text found (empty or truncated page)")
    canonical = canonical_release_url(url, profile) or url
    dates = {"page_date": ends_date, "url": folder_date(canonical)}
    meta = Meta(layout="gia", title=title, url=url, canonical_url=canonical,
                alternates=_edition_links(doc, canonical, profile), dates=dates, known_layout=True)
    release = build_release(meta, [Block(p) for p in paragraphs])
    if release.published_on is None:
        release.published_on = folder_date(canonical)
    if legco_question(title):
        release.category = "LegCo question"
    if is_english_only(title + "\n" + main):
        release.category = (release.category + ", English only") if release.category else "English only"
    return release


def release_key(release: Release) -> str:
    """The id shared by the editions of one GIA release: `gia-` and the English edition's serial (the page's own
    link to it), else the page's own serial."""
    english = release.alternates.get("en") if release.language != "en" else None
    own = release.canonical_url or release.url or ""
    serial = re.search(r"/([^/]+)\.htm$", english or own)
    return "gia-" + (serial.group(1).lower() if serial else re.sub(r"\W+", "-", own.lower()).strip("-"))
