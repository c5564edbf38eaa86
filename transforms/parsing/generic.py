"""Releases on pages of a layout the profile does not know: trafilatura finds the main text.

Slow (tens of times lxml's bare parse: trafilatura's cascade of extractors) and so used only when no profile
layout matches. Newswire copies (Media OutReach, PR Newswire, Business Wire) arrive here and are recognised by
their dateline. Dates come from pagedates.py (publication markup, the byline, and htmldate only when the page and
its URL give none); of trafilatura's metadata only the title is read.
"""

from __future__ import annotations

import re

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing import noise
from transforms.parsing.assemble import Block, Meta, build_release
from transforms.parsing.html import block_text, head_metadata, walk
from transforms.language import hint_from
from transforms.parsing.pagedates import byline_date, guess_date, month_first_for, published_markup

MIN_TEXT_CHARS = 120  # less main text than this is a listing, an error page or a stub, not a release
_WIDE_CHAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# Walking the page for its byline keeps <header> (where many CMSs put the title and date) and <form> (some
# Chinese CMSs wrap the whole article in one).
_BYLINE_SKIP = noise.SKIP_TAGS - {"header", "form"}


def text_weight(text: str) -> int:
    """Characters of text, a Chinese, Japanese or Korean character counting two (it holds about a word)."""
    squashed = noise.squash(text)
    return len(squashed) + (len(_WIDE_CHAR_RE.findall(squashed)) if not squashed.isascii() else 0)


def _page_title(doc, tree) -> str | None:
    """The page's single <h1> when it has one (site suffixes like '| PR Newswire' are not in it), else the title
    trafilatura reads from `tree` (its own parse of the page)."""
    h1s = [noise.squash(block_text(h)) for h in doc.iter("h1")]
    h1s = [h for h in h1s if h]
    if len(h1s) == 1:
        return h1s[0]
    return trafilatura_title(tree)


def trafilatura_title(tree) -> str | None:
    """The title `trafilatura.bare_extraction(..., with_metadata=True)` gives, from its own steps for it (meta
    tags, JSON-LD, then the headings and <title>; trimmed as it trims). Its other metadata (the author, which
    copies the whole tree, the licence, categories, tags, the site name and an htmldate search) took a third of
    a generic parse and is read by nothing here: the page's dates come from pagedates.py."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:  # as extract_metadata does, before the JSON-LD
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 - as extract_metadata does: bugs of its JSON-LD reader leave the meta tags'
        pass
    if not metadata.title:
        metadata.title = extract_title(tree)
    metadata.clean_and_trim()
    return metadata.title


def _blocks_from_extraction(body, title: str) -> list[Block]:
    blocks: list[Block] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            for item in el.iter("item"):
                blocks.append(Block("".join(item.itertext()), "item"))
            continue
        if tag == "table":
            continue
        text = "".join(el.itertext())
        if not text.strip():
            continue
        if tag == "head":
            if noise.squash(text) != title:
                blocks.append(Block(text, "heading", True))
            continue
        bold = is_all_bold_xml(el, text)
        blocks.append(Block(text, None, bold))
    return blocks


def _key(text: str) -> str:
    return "".join(text.split())[:200]


def _restore_dropped_headings(extracted: list[Block], page: list[Block]) -> list[Block]:
    """trafilatura drops some headings (an 'About ...' h3, a bold sub-head): put back the page's headings
    that sit between two extracted paragraphs, and the contact block right after the last one."""
    index = {}
    for i, block in enumerate(page):
        index.setdefault(_key(block.text), i)
    positions = [index.get(_key(b.text)) for b in extracted]
    out: list[Block] = []
    previous = None
    for block, position in zip(extracted, positions):
        if position is not None and previous is not None and position > previous + 1:
            for missing in page[previous + 1:position]:
                if missing.hint == "heading" or (missing.bold and len(missing.text) < 200):
                    out.append(Block(missing.text, "heading", True))
        out.append(block)
        if position is not None:
            previous = position
    return out


def is_all_bold_xml(el, text: str) -> bool:
    bold = "".join("".join(h.itertext()) for h in el.iter("hi") if h.get("rend") == "#b")
    return bool(bold.strip()) and "".join(bold.split()) == "".join(text.split())


def parse_generic(doc, html_text: str, url: str | None) -> Release:
    """A release from any HTML page, via trafilatura's main-text extraction."""
    import trafilatura  # imported here: it takes 0.2 s and only unknown layouts need it
    from trafilatura.utils import load_html

    try:
        tree = load_html(html_text)  # trafilatura's own tree: its main text and its title are read from it
        extracted = None if tree is None else trafilatura.bare_extraction(
            tree, url=url, with_metadata=False, include_comments=False, include_tables=False,
            include_formatting=True, include_images=False, deduplicate=False,
        )  # (it works on a copy of the tree: the title below reads the page as loaded)
    except Exception as exc:  # trafilatura raises a variety of errors on broken input
        raise ParseError(f"unknown layout and main-text extraction failed ({type(exc).__name__})") from None
    if extracted is None or extracted.body is None:
        raise ParseError("no release text found (unknown layout, no main text)")
    text = "".join(extracted.body.itertext())
    if text_weight(text) < MIN_TEXT_CHARS:
        raise ParseError("no release text found (unknown layout, too little main text)")
    try:
        title = _page_title(doc, tree)
    except Exception as exc:  # as above: its metadata readers meet broken markup too
        raise ParseError(f"no release title found (unknown layout; title extraction failed: {type(exc).__name__})") from None
    if not title:
        raise ParseError("no release title found (unknown layout)")
    title = noise.squash(title)
    canonical, alternates, _, declared = head_metadata(doc, url)
    month_first = month_first_for(declared)
    markup = published_markup(doc, month_first)
    body_el = doc.find("body")
    byline = byline_date(walk(body_el, {}, _BYLINE_SKIP), title, month_first) if body_el is not None else None

    def guess():
        stamp = guess_date(html_text, month_first)
        return (stamp.day, stamp.utc_time) if stamp else (None, None)

    meta = Meta(
        layout="generic",
        title=title,
        url=url,
        canonical_url=canonical,
        alternates=alternates,
        language_hint=hint_from(url) or hint_from(None, declared),
        dates={"meta": markup.day if markup else None, "page_date": byline},
        known_layout=False,
        utc_times={"meta": markup.utc_time} if markup and markup.utc_time else {},
        date_fallback=guess,
    )
    blocks = _blocks_from_extraction(extracted.body, title)
    if body_el is not None:
        blocks = _restore_dropped_headings(blocks, walk(body_el, {}))
    return build_release(meta, blocks)
