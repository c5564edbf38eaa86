"""Releases in plain text or Markdown, in the shape of the seed (a PDF converted to text).

Shape: optional labels ("Press Release", "For Immediate Release"), the title (bold or a heading, possibly
over two lines), an optional italic subtitle, the dateline paragraph, body paragraphs with bold or `###`
sub-heads, "Photo N:" captions, "###", the About block, the media contact.
Paragraphs split by a page break (no closing punctuation, next one starting in lower case) are joined.
"""

from __future__ import annotations

import re

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing import noise
from transforms.parsing.assemble import BULLET_RE, CONTACT_RE, TERMINAL_RE, Block, Meta, build_release
from transforms.parsing.dates import find_dateline, parse_date
from transforms.language import hint_from

LABEL_RE = re.compile(
    r"^(?:press\s+release|news\s+release|media\s+release|for\s+immediate\s+release|embargoed?.{0,60}"
    r"|新聞稿|新闻稿|即時發佈|即时发布|即時發放|即时发放|新聞公報|新闻公报|corporate\s+news|press\s+room)\s*[:：]?$",
    re.IGNORECASE,
)
MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|>~])")
MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
CJK_EDGE_RE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")


def _unmark(text: str) -> str:
    """Markdown inline markup out: links to their text, emphasis markers and escapes removed."""
    text = noise.MARKDOWN_LINK_RE.sub(r"\1", text)
    text = MD_EMPHASIS_RE.sub(lambda m: m.group(2) or m.group(3) or "", text)
    text = text.replace("**", "")
    return MD_ESCAPE_RE.sub(r"\1", text)


def _join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined: a space between words, nothing between Chinese characters."""
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if joined and not CJK_EDGE_RE.match(joined[-1] + " " + line[0]):
            joined += " "
        joined += line
    return joined


def _is_bold(raw: str) -> bool:
    s = raw.strip().lstrip("#").strip()
    return len(s) > 4 and ((s.startswith("**") and s.endswith("**")) or (s.startswith("__") and s.endswith("__")))


def _is_italic(raw: str) -> bool:
    s = raw.strip()
    return len(s) > 2 and s[0] in "*_" and s[-1] == s[0] and not s.startswith(("**", "__"))


def raw_blocks(text: str, line_mode: bool) -> list[str]:
    """Paragraph chunks: separated by blank lines, or one per line when the text has no blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if line_mode:
        return [line for line in text.split("\n") if line.strip()]
    return [chunk for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


def _looks_like_subhead(text: str, next_text: str | None) -> bool:
    """Plain text has no bold: a short line without closing punctuation before a longer paragraph."""
    if not next_text or len(text) > 90 or TERMINAL_RE.search(text) or len(next_text) < len(text) * 1.5:
        return False
    first = text[0]
    return first.isupper() or "\u4e00" <= first <= "\u9fff"


def merge_split_paragraphs(chunks: list[tuple[str, bool, bool]], wrap_width: int = 0) -> list[tuple[str, bool, bool]]:
    """Join a paragraph cut by a page break or a line wrap: no closing punctuation, next starts lower case
    (or, in line mode, the line is nearly as long as the longest)."""
    merged: list[tuple[str, bool, bool]] = []
    for text, bold, heading in chunks:
        if merged:
            prev_text, prev_bold, prev_heading = merged[-1]
            plain = not (bold or heading or prev_bold or prev_heading)
            continues = text[:1].islower() or (wrap_width and len(prev_text) >= 0.75 * wrap_width)
            if plain and continues and not TERMINAL_RE.search(prev_text) and not CONTACT_RE.match(text):
                sep = "" if CJK_EDGE_RE.match(prev_text[-1:] + " " + text[:1]) else " "
                merged[-1] = (prev_text.rstrip() + sep + text.lstrip(), False, False)
                continue
        merged.append((text, bold, heading))
    return merged


def parse_text(text: str, url: str | None = None, layout: str = "text", line_mode: bool | None = None) -> Release:
    """A release from plain text or Markdown (also the text layer of a PDF)."""
    if not text.strip():
        raise ParseError("empty document")
    if line_mode is None:
        lines = [line for line in text.splitlines() if line.strip()]
        line_mode = len(lines) > 8 and len(re.findall(r"\n\s*\n", text)) < len(lines) / 6
    chunks: list[tuple[str, bool, bool]] = []
    for raw in raw_blocks(text, line_mode):
        lines = raw.split("\n")
        # A Markdown list becomes one chunk per item.
        if len(lines) > 1 and all(BULLET_RE.match(line) for line in lines if line.strip()):
            chunks.extend((_unmark(line).strip(), False, False) for line in lines if line.strip())
            continue
        heading = raw.lstrip().startswith("#")
        stripped = re.sub(r"^\s*#{1,6}\s*", "", raw) if heading else raw
        if stripped.strip() == "" and heading:
            chunks.append(("###", False, False))  # the end-of-body marker
            continue
        is_contactish = CONTACT_RE.match(_unmark(stripped)) is not None
        body = "\n".join(_unmark(line).strip() for line in stripped.split("\n")) if is_contactish else _join_lines(
            [_unmark(line) for line in stripped.split("\n")])
        italic = _is_italic(stripped)
        chunks.append((("\x00" if italic else "") + body, _is_bold(stripped), heading))
    width = max((len(c[0]) for c in chunks), default=0) if line_mode else 0
    chunks = merge_split_paragraphs(chunks, width)

    category = None
    page_date = None
    index = 0
    while index < len(chunks) and (LABEL_RE.match(chunks[index][0].lstrip("\x00")) or _is_bare_date(chunks[index][0])):
        label = chunks[index][0].lstrip("\x00")
        if _is_bare_date(label):
            page_date = page_date or parse_date(label)
        elif category is None and not label.lower().startswith(("for immediate", "embargo")):
            category = label
        index += 1
    if index >= len(chunks):
        raise ParseError("no release title found")
    title = chunks[index][0].lstrip("\x00")
    if find_dateline(title) or len(title) > 300:
        raise ParseError("no release title found (the text opens with a paragraph)")
    index += 1
    # In line mode (a PDF's text layer) a long title wraps: join lines that continue it.
    while line_mode and index < len(chunks) and _continues_title(title, chunks[index][0]):
        title = _join_lines([title, chunks[index][0]])
        index += 1
    subtitle = None
    if index < len(chunks):
        candidate, _, _ = chunks[index]
        is_italic = candidate.startswith("\x00")
        candidate = candidate.lstrip("\x00")
        next_is_dateline = index + 1 < len(chunks) and find_dateline(chunks[index + 1][0].lstrip("\x00")) is not None
        if not find_dateline(candidate) and (is_italic or (next_is_dateline and len(candidate) < 250)):
            subtitle = candidate
            index += 1
    while index < len(chunks) and _is_bare_date(chunks[index][0].lstrip("\x00")):
        page_date = page_date or parse_date(chunks[index][0])
        index += 1

    blocks: list[Block] = []
    rest = [(t.lstrip("\x00"), b, h) for t, b, h in chunks[index:]]
    for i, (chunk, bold, heading) in enumerate(rest):
        hint = "heading" if heading else None
        if not (bold or heading) and _looks_like_subhead(chunk, rest[i + 1][0] if i + 1 < len(rest) else None):
            hint = "heading"
        if BULLET_RE.match(chunk):
            hint = "item"
        blocks.append(Block(chunk, hint, bold))
    meta = Meta(
        layout=layout,
        title=title,
        subtitle=subtitle,
        category=category,
        url=url,
        language_hint=hint_from(url),
        dates={"page_date": page_date},
        known_layout=False,
    )
    return build_release(meta, blocks)


def _continues_title(title: str, line: str) -> bool:
    if line.startswith("\x00") or find_dateline(line) or TERMINAL_RE.search(title) or len(line) > len(title):
        return False
    if line[:1].islower():
        return True
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _is_bare_date(text: str) -> bool:
    text = text.strip().lstrip("\x00")
    return len(text) <= 40 and parse_date(text) is not None and not re.search(r"[A-Za-z]{12,}", text)
