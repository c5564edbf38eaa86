"""Releases on pages of a known layout, read with lxml and the selectors of the site profile.

The profile's `layouts:` key names each page generation with a `detect` selector (present only on that
generation's release pages) and the selectors of its fields. Selectors are CSS, compiled once to XPath.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import GenericTranslator, SelectorError
from lxml import etree

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing import noise
from transforms.parsing.assemble import Block, Meta, build_release
from transforms.parsing.dates import parse_date
from transforms.language import hint_from

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LEAF_BLOCK_TAGS = frozenset({"p", "li", "figcaption", "blockquote", "dt", "dd", "pre", "caption"}) | HEADING_TAGS
BLOCKISH_TAGS = LEAF_BLOCK_TAGS | frozenset(
    {"div", "section", "article", "ul", "ol", "dl", "figure", "table", "tbody", "tr", "td", "th", "main", "header",
     "footer", "nav", "aside", "form", "hr"}
)
CLAIMABLE_FIELDS = ("key_takeaways", "captions", "about_heading", "about", "contact")
FIELD_HINTS = {"captions": "caption", "about": "about", "about_heading": "about_heading", "contact": "contact",
               "key_takeaways": "key_takeaways"}
# Meta tags that carry the publication date, most trusted first (a layout may name its own: meta_date).
DEFAULT_META_DATE_KEYS = ("article:published_time", "datepublished", "date", "pubdate", "publish-date",
                          "dc.date.issued", "og:published_time")
_TRANSLATOR = GenericTranslator()


@lru_cache(maxsize=512)
def compiled(selector: str) -> etree.XPath:
    """A CSS selector (or several, comma-separated) compiled once to an XPath."""
    try:
        return etree.XPath(_TRANSLATOR.css_to_xpath(selector))
    except (SelectorError, etree.XPathSyntaxError) as exc:
        raise ParseError(f"bad selector in site profile: {selector!r} ({exc})") from None


def select(node, selector: str | list | None) -> list:
    if not selector:
        return []
    if isinstance(selector, (list, tuple)):
        return [el for s in selector for el in compiled(s)(node)]
    return compiled(selector)(node)


def select_one(node, selector) -> etree._Element | None:
    found = select(node, selector)
    return found[0] if found else None


def block_text(el) -> str:
    """Text of an element with <br> and nested blocks as newlines, skipping scripts, forms and comments."""
    if not len(el):  # no children (most paragraphs): its own text
        return el.text or ""
    parts: list[str] = [el.text or ""]
    # Iterative walk: (node, phase) where phase 1 means "children done, emit the tail".
    stack = [(child, 0) for child in reversed(el)]
    while stack:
        node, phase = stack.pop()
        tag = node.tag
        if phase == 1:
            if isinstance(tag, str) and tag.lower() in BLOCKISH_TAGS:
                parts.append("\n")
            parts.append(node.tail or "")
            continue
        if not isinstance(tag, str):  # comment or processing instruction: only its tail is text
            parts.append(node.tail or "")
            continue
        tag = tag.lower()
        if tag in noise.SKIP_TAGS:
            parts.append(node.tail or "")
            continue
        if tag == "br" or tag in BLOCKISH_TAGS:
            parts.append("\n")
        parts.append(node.text or "")
        stack.append((node, 1))
        stack.extend((child, 0) for child in reversed(node))
    return "".join(parts)


def is_all_bold(el, text: str) -> bool:
    """The whole block is bold (a sub-head in these layouts)."""
    if el.tag in ("strong", "b"):
        return True
    if not len(el):  # no children, so no bold inside (most paragraphs)
        return False
    bold_parts = [b for b in el.iter("strong", "b") if b is not el]
    if not bold_parts:
        return False
    bold = "".join("".join(b.itertext()) for b in bold_parts)
    plain = "".join(text.split())
    return bool(plain) and "".join(bold.split()) == plain


def _is_chrome_element(el) -> bool:
    cls = (el.get("class") or "") + " " + (el.get("id") or "")
    return bool(cls.strip()) and bool(noise.CHROME_CLASS_RE.search(cls)) and "media-contact" not in cls


def _has_block_children(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in BLOCKISH_TAGS for c in el)


def _claimed_blocks(el, hint: str) -> list[Block]:
    if hint == "contact":
        return [Block(block_text(el), "contact")]
    if hint == "key_takeaways":
        items = [li for li in el.iter("li")] or ([el] if el.tag == "li" else [])
        if items:
            return [Block(block_text(li), "key_takeaways") for li in items]
        return [b if b.hint else Block(b.text, "key_takeaways") for b in walk(el, {})]
    if hint == "about":
        inner = walk(el, {}) if _has_block_children(el) else [Block(block_text(el))]
        return [Block(b.text, "about") for b in inner]
    return [Block(block_text(el), hint)]


def walk(container, claimed: dict, skip: frozenset = noise.SKIP_TAGS) -> list[Block]:
    """Blocks of `container` in reading order; elements in `claimed` become blocks of their field.
    `skip`: tags whose elements are left out (default: every tag that never holds release text)."""
    blocks: list[Block] = []
    stack = list(reversed(container))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag in skip or _is_chrome_element(el):
            continue
        hint = claimed.get(el)
        if hint:
            blocks.extend(_claimed_blocks(el, hint))
            continue
        if tag in LEAF_BLOCK_TAGS or not _has_block_children(el):
            text = block_text(el)
            if text.strip():
                block_hint = "heading" if tag in HEADING_TAGS else ("item" if tag == "li" else None)
                blocks.append(Block(text, block_hint, is_all_bold(el, text)))
            continue
        stack.extend(reversed(el))
    return blocks


def head_metadata(doc, url: str | None, meta_date_selectors=None) -> tuple[str | None, dict[str, str], object, str | None]:
    """canonical URL, hreflang alternates, the meta date and the declared language of a document."""
    canonical = None
    alternates: dict[str, str] = {}
    # One walk of the document for both tags, in document order (as //meta[@content] returns them), instead
    # of a second walk by XPath: the walk over the page's chrome was most of this function's time.
    metas = []
    for link in doc.iter("link", "meta"):
        if link.tag == "meta":
            if link.get("content") is not None:
                metas.append(link)
            continue
        rel = (link.get("rel") or "").lower()
        href = (link.get("href") or "").strip()
        if not href:
            continue
        if rel == "canonical" and canonical is None:
            canonical = href
        elif rel == "alternate" and link.get("hreflang"):
            code = hint_from(None, link.get("hreflang"))
            if code and code not in alternates:
                alternates[code] = href
    meta_date = None
    if meta_date_selectors:
        for m in select(doc, meta_date_selectors):
            meta_date = parse_date(m.get("content") or m.get("datetime"))
            if meta_date:
                break
    else:
        by_key = {}
        for m in metas:
            key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
            if key in DEFAULT_META_DATE_KEYS and key not in by_key:
                by_key[key] = m.get("content")
        for key in DEFAULT_META_DATE_KEYS:  # in order of trust
            meta_date = parse_date(by_key.get(key))
            if meta_date:
                break
    html_el = doc.getroottree().getroot()
    declared = html_el.get("lang") or html_el.get("xml:lang")
    return canonical, alternates, meta_date, declared


def detect_layout(doc, url: str | None, profile: dict | None) -> tuple[str, dict] | None:
    """(name, spec) of the profile layout this page belongs to, or None for an unknown layout."""
    found = find_layout(doc, url, profile)
    return None if found is None else (found[0], found[1])


def find_layout(doc, url: str | None, profile: dict | None) -> tuple[str, dict, object] | None:
    """Like detect_layout, plus the first element `detect` matched (the default root: no second search)."""
    layouts = (profile or {}).get("layouts") or {}
    if not layouts:
        return None
    order = list(layouts)
    patterns = ((profile.get("site") or {}).get("release_patterns") or {}) if url else {}
    if url:
        path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE) or "/"
        for name, pattern in patterns.items():
            if name in layouts and re.match(pattern, path):
                order.remove(name)
                order.insert(0, name)
                break
    for name in order:
        spec = layouts[name] or {}
        if spec.get("detect"):
            matched = select(doc, spec["detect"])
            if matched:
                return name, spec, matched[0]
    return None


def _guess_from_page(doc):
    """htmldate's guess, for a known-layout page that shows no date of its own (rare: never on the fast path)."""
    from transforms.parsing.pagedates import guess_date

    stamp = guess_date(etree.tostring(doc, encoding="unicode", method="html"))
    return (stamp.day, stamp.utc_time) if stamp else (None, None)


def parse_known_layout(doc, name: str, spec: dict, url: str | None, detected=None) -> Release:
    """A release from a page of the profile layout `name` (spec = its selectors).

    `detected`: the first element the layout's `detect` selector matched, when the caller has it."""
    if spec.get("release") is False:
        raise ParseError(f"not a release: the page is a {name} page")
    if detected is not None and not spec.get("root"):
        root = detected
    else:
        root = select_one(doc, spec.get("root") or spec["detect"])
    root = doc if root is None else root

    def text_of(field: str) -> str | None:
        el = select_one(root, spec.get(field))
        return noise.squash(block_text(el)) if el is not None else None

    title = text_of("title")
    if not title:
        raise ParseError(f"no release title found (layout {name}: nothing matches {spec.get('title')!r})")
    canonical, alternates, meta_date, declared = head_metadata(doc, url, spec.get("meta_date"))
    date_text = text_of("date")
    claimed: dict = {}
    for field in CLAIMABLE_FIELDS:
        for el in select(root, spec.get(field)):
            claimed.setdefault(el, FIELD_HINTS[field])
    body = select_one(root, spec.get("body"))
    blocks: list[Block] = []
    # Claimed blocks outside the body (takeaways above it, photo strips) come first, in page order.
    inside_body = set(body.iter()) if body is not None else set()
    for el, hint in claimed.items():
        if el not in inside_body and not any(a in claimed for a in el.iterancestors()):
            blocks.extend(_claimed_blocks(el, hint))
    if body is not None:
        blocks.extend(walk(body, claimed))
    meta = Meta(
        layout=name,
        title=title,
        subtitle=text_of("subtitle"),
        category=text_of("category"),
        url=url,
        canonical_url=canonical,
        alternates=alternates,
        language_hint=hint_from(url) or hint_from(None, declared),
        dates={"page_date": parse_date(date_text), "meta": meta_date},
        known_layout=True,
        date_fallback=lambda: _guess_from_page(doc),
    )
    return build_release(meta, blocks)
