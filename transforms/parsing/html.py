"""Releases on pages of a known layout, read with lxml and the selectors of the site profile.

The profile's `layouts:` key names each page generation with a `detect` selector (present only on that
generation's release pages) and the selectors of its fields. Selectors are CSS, compiled once to XPath.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cssselect import GenericTranslator, SelectorError, parse as parse_css
from cssselect.parser import Class, CombinedSelector, Element
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


# The selectors of site profiles are nearly all `tag.class` or `ancestor descendant` of those. For them one walk
# in Python over a page's few candidate elements (filtered by tag in C) finds what several XPath searches of the
# whole tree would. It is exact: cssselect turns `.c` into
# contains(concat(' ', normalize-space(@class), ' '), ' c '), and since c holds no space, tab, CR or LF
# (cssselect's rule; else it matches nothing), that finds c among the class attribute's tokens, which are the
# same whether the blanks between them are collapsed (normalize-space) or only made spaces (below).
_XPATH_BLANKS = str.maketrans("\t\n\r", "   ")
_CSS_BLANK_RE = re.compile(r"[ \t\r\n\f]")


def _compound(tree) -> tuple[str | None, tuple[str, ...]] | None:
    """(tag or None for any, class names) of `tag.c1.c2`, `.c` or `tag`; None for any other simple selector."""
    classes = []
    while isinstance(tree, Class):
        if not tree.class_name or _CSS_BLANK_RE.search(tree.class_name):
            return None
        classes.append(tree.class_name)
        tree = tree.selector
    if type(tree) is not Element or tree.namespace is not None:
        return None
    tag = None if tree.element in (None, "*") else tree.element
    return tag, tuple(classes)


@lru_cache(maxsize=512)
def simple_form(selector: str) -> tuple | None:
    """The selector as its comma-separated alternatives, each a chain of (tag, classes) compounds joined by the
    descendant combinator (outermost first); None when it uses anything else (read by XPath instead)."""
    try:
        parsed = parse_css(selector)
    except SelectorError:
        return None
    alternatives = []
    for sel in parsed:
        if sel.pseudo_element is not None:
            return None
        chain = []
        tree = sel.parsed_tree
        while isinstance(tree, CombinedSelector):
            if tree.combinator != " ":
                return None
            chain.append(_compound(tree.subselector))
            tree = tree.selector
        chain.append(_compound(tree))
        if None in chain:
            return None
        alternatives.append(tuple(reversed(chain)))
    return tuple(alternatives) if alternatives else None


_MEMO_VALUE_CHARS = 256


def _has_classes(cls: str | None, classes: tuple[str, ...]) -> bool:
    if not classes:
        return True
    if cls is None:
        return False
    padded = " " + cls.translate(_XPATH_BLANKS) + " "
    return all(" " + c + " " in padded for c in classes)


class _Scan:
    """How select_many reads a tuple of selectors: the slots whose alternatives are all one `tag.class`
    compound are matched while walking the elements of their tags (what matches is remembered per tag and
    class attribute, which repeat from page to page); a slot `outer inner` (two such compounds) by its outer
    compound in the same walk, then the inner one among the descendants of the one outer element found
    (XPath when there are several: their descendants may overlap); the other slots are read by XPath."""

    MEMO_LIMIT = 4096

    def __init__(self, selectors: tuple[str, ...]):
        self.selectors = selectors
        self.by_tag: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        self.xpath_slots: list[int] = []
        self.nested_slots: list[tuple[int, int, str, tuple[str, ...]]] = []  # (slot, outer slot, inner tag, classes)
        self.size = len(selectors)
        for i, selector in enumerate(selectors):
            form = simple_form(selector)
            if form and len(form) == 1 and len(form[0]) == 2 and None not in (form[0][0][0], form[0][1][0]):
                (outer_tag, outer_classes), (inner_tag, inner_classes) = form[0]
                self.by_tag.setdefault(outer_tag, []).append((self.size, outer_classes))
                self.nested_slots.append((i, self.size, inner_tag, inner_classes))
                self.size += 1
                continue
            if form is None or any(len(chain) != 1 or chain[0][0] is None for chain in form):
                self.xpath_slots.append(i)
                continue
            for (tag, classes), in form:
                self.by_tag.setdefault(tag, []).append((i, classes))
        self.memo: dict[tuple[str, str | None], tuple[int, ...]] = {}

    def slots_of(self, tag: str, cls: str | None) -> tuple[int, ...]:
        key = (tag, cls)
        slots = self.memo.get(key)
        if slots is None:
            slots = tuple(dict.fromkeys(i for i, classes in self.by_tag.get(tag, ()) if _has_classes(cls, classes)))
            if cls is None or len(cls) <= _MEMO_VALUE_CHARS:  # a hostile page's huge attribute is not kept
                if len(self.memo) >= self.MEMO_LIMIT:
                    self.memo.clear()
                self.memo[key] = slots
        return slots


@lru_cache(maxsize=256)
def _scan_for(selectors: tuple[str, ...]) -> _Scan:
    return _Scan(selectors)


def select_many(node, selectors: tuple[str, ...]) -> list[list]:
    """[select(node, s) for s in selectors], with one walk over node's elements of the tags concerned instead
    of an XPath search per selector (whose fixed cost is most of a search of a release's few elements)."""
    scan = _scan_for(selectors)
    found: list[list] = [[] for _ in range(scan.size)]
    if scan.by_tag:
        slots_of = scan.slots_of
        for el in node.iter(*scan.by_tag):
            for i in slots_of(el.tag, el.get("class")):
                found[i].append(el)
    for i, outer, inner_tag, inner_classes in scan.nested_slots:
        outers = found[outer]
        if len(outers) == 1:
            found[i] = [el for el in outers[0].iterdescendants(inner_tag) if _has_classes(el.get("class"), inner_classes)]
        elif outers:
            found[i] = select(node, selectors[i])
    for i in scan.xpath_slots:
        found[i] = select(node, selectors[i])
    del found[len(selectors):]
    return found


def select_first(node, selector) -> etree._Element | None:
    """select_one, stopping at the first match in document order when the selector is one simple form
    (XPath would find every match of the whole tree first)."""
    if isinstance(selector, str) and selector:
        scan = _scan_for((selector,))
        if not scan.xpath_slots and not scan.nested_slots:
            slots_of = scan.slots_of
            for el in node.iter(*scan.by_tag):
                if slots_of(el.tag, el.get("class")):
                    return el
            return None
    return select_one(node, selector)


_SKIP, _BLOCK, _BR, _INLINE = 1, 2, 3, 0
_KINDS: dict[str, int] = {}


def _kind(tag: str) -> int:
    """What block_text does with an element of this tag (its lower-case form decides; remembered per tag)."""
    kind = _KINDS.get(tag)
    if kind is None:
        low = tag.lower()
        kind = _SKIP if low in noise.SKIP_TAGS else _BLOCK if low in BLOCKISH_TAGS else _BR if low == "br" else _INLINE
        if len(_KINDS) < 4096 and len(tag) <= _MEMO_VALUE_CHARS:
            _KINDS[tag] = kind
    return kind


def block_text(el) -> str:
    """Text of an element with <br> and nested blocks as newlines, skipping scripts, forms and comments."""
    if not len(el):  # no children (most paragraphs): its own text
        return el.text or ""
    parts: list[str] = [el.text or ""]
    append = parts.append
    # Iterative walk: (node, phase) where phase 1 means "children done, emit the tail".
    stack = [(child, 0) for child in reversed(el)]
    while stack:
        node, phase = stack.pop()
        tag = node.tag
        if phase == 1:  # only elements that are not skipped get here
            if _kind(tag) == _BLOCK:
                append("\n")
            append(node.tail or "")
            continue
        if not isinstance(tag, str):  # comment or processing instruction: only its tail is text
            append(node.tail or "")
            continue
        kind = _kind(tag)
        if kind == _SKIP:
            append(node.tail or "")
            continue
        if kind != _INLINE:  # <br> or a block
            append("\n")
        append(node.text or "")
        stack.append((node, 1))
        if len(node):
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
    return _is_chrome_attrs(el.get("class"), el.get("id"))


def _is_chrome_attrs(class_attr: str | None, id_attr: str | None) -> bool:
    key = (class_attr, id_attr)
    known = _CHROME_ATTRS.get(key)
    if known is None:
        cls = (class_attr or "") + " " + (id_attr or "")
        known = bool(cls.strip()) and bool(noise.CHROME_CLASS_RE.search(cls)) and "media-contact" not in cls
        if len(cls) <= _MEMO_VALUE_CHARS:
            if len(_CHROME_ATTRS) >= 4096:
                _CHROME_ATTRS.clear()
            _CHROME_ATTRS[key] = known
    return known


_CHROME_ATTRS: dict[tuple, bool] = {}  # a layout's class and id values repeat on every page


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
        if tag in skip:
            continue
        class_attr = el.get("class")
        id_attr = el.get("id")
        if (class_attr or id_attr) and _is_chrome_attrs(class_attr, id_attr):  # neither: not chrome
            continue
        hint = claimed.get(el) if claimed else None
        if hint:
            blocks.extend(_claimed_blocks(el, hint))
            continue
        if not len(el):  # no children (most paragraphs): block_text is its text, bold only if it is <b> itself
            text = el.text or ""
            if text.strip():
                block_hint = "heading" if tag in HEADING_TAGS else ("item" if tag == "li" else None)
                blocks.append(Block(text, block_hint, el.tag in ("strong", "b")))
            continue
        if tag in LEAF_BLOCK_TAGS or not _has_block_children(el):
            text = block_text(el)
            if text.strip():
                block_hint = "heading" if tag in HEADING_TAGS else ("item" if tag == "li" else None)
                blocks.append(Block(text, block_hint, is_all_bold(el, text)))
            continue
        stack.extend(reversed(el))
    return blocks


def head_metadata(doc, url: str | None, meta_date_selectors=None,
                  heads: list | None = None) -> tuple[str | None, dict[str, str], object, str | None]:
    """canonical URL, hreflang alternates, the meta date and the declared language of a document.
    `heads`: its <link> and <meta> elements in document order, when the caller has them already."""
    canonical = None
    alternates: dict[str, str] = {}
    # One walk of the document for both tags, in document order (as //meta[@content] returns them), instead
    # of a second walk by XPath: the walk over the page's chrome was most of this function's time.
    metas = []
    for link in (doc.iter(*HEAD_TAGS) if heads is None else heads):
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
        elif rel == "alternate" and (hreflang := link.get("hreflang")):
            code = hint_from(None, hreflang)
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
    return find_layout_and_heads(doc, url, profile, want_heads=False)[0]


def find_layout_and_heads(doc, url: str | None, profile: dict | None,
                          want_heads: bool = True) -> tuple[tuple[str, dict, object] | None, list | None]:
    """find_layout's answer and, when asked and the most likely layout's `detect` is one `tag.class`, the
    page's <link> and <meta> elements in document order, collected in the same walk (head_metadata's walk
    over the whole page then is not needed); None for them otherwise."""
    layouts = (profile or {}).get("layouts") or {}
    if not layouts:
        return None, None
    order = list(layouts)
    patterns = ((profile.get("site") or {}).get("release_patterns") or {}) if url else {}
    if url:
        path = _SCHEME_HOST_RE.sub("", url) or "/"
        for name, pattern in patterns.items():
            if name in layouts and _compiled_pattern(pattern).match(path):
                order.remove(name)
                order.insert(0, name)
                break
    heads = None
    first_spec = layouts[order[0]] or {}
    detect = first_spec.get("detect")
    if want_heads and isinstance(detect, str) and detect:
        scan = _scan_for((detect,))
        if not scan.xpath_slots and not scan.nested_slots and not HEAD_TAGS_SET.intersection(scan.by_tag):
            heads = []
            matched = None
            slots_of = scan.slots_of
            for el in doc.iter(*HEAD_TAGS, *scan.by_tag):
                tag = el.tag
                if tag in HEAD_TAGS_SET:
                    heads.append(el)
                elif matched is None and slots_of(tag, el.get("class")):
                    matched = el  # the first in document order, as select_first finds it
            if matched is not None:
                return (order[0], first_spec, matched), heads
            order = order[1:]
    for name in order:
        spec = layouts[name] or {}
        if spec.get("detect"):
            matched = select_first(doc, spec["detect"])
            if matched is not None:
                return (name, spec, matched), heads
    return None, heads


HEAD_TAGS = ("link", "meta")
HEAD_TAGS_SET = frozenset(HEAD_TAGS)


_SCHEME_HOST_RE = re.compile(r"^[a-z]+://[^/]*", re.IGNORECASE)
_compiled_pattern = lru_cache(maxsize=256)(re.compile)  # re.match(pattern, ...) without re's own cache lookup


def _guess_from_page(doc):
    """htmldate's guess, for a known-layout page that shows no date of its own (rare: never on the fast path)."""
    from transforms.parsing.pagedates import guess_date

    stamp = guess_date(etree.tostring(doc, encoding="unicode", method="html"))
    return (stamp.day, stamp.utc_time) if stamp else (None, None)


_FIELDS = ("title", "date", "subtitle", "category", *CLAIMABLE_FIELDS, "body")


def _field_plan(selectors: tuple) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(the selectors to read, the field of each) for the fields' selectors (in _FIELDS order); None when one
    of them is not a simple selector (the fields are then read one by one, by XPath)."""
    slots: list[str] = []
    slot_fields: list[str] = []
    for field, selector in zip(_FIELDS, selectors):
        if not selector:
            continue
        for item in (selector if isinstance(selector, (list, tuple)) else (selector,)):
            if not isinstance(item, str) or not item or not simple_form(item):
                return None
            slots.append(item)
            slot_fields.append(field)
    return tuple(slots), tuple(slot_fields)


_cached_field_plan = lru_cache(maxsize=256)(_field_plan)


def _select_fields(root, spec: dict):
    """select(root, spec[field]) for every field with a selector, in one walk over root; None when one of them
    is not a simple selector."""
    selectors = tuple(spec.get(field) for field in _FIELDS)
    try:
        plan = _cached_field_plan(selectors)
    except TypeError:  # a list of selectors (unhashable)
        plan = _field_plan(selectors)
    if plan is None:
        return None
    slots, slot_fields = plan
    picked: dict[str, list] = {}
    for field, elements in zip(slot_fields, select_many(root, slots)):
        if field in picked:
            picked[field] = picked[field] + elements
        else:
            picked[field] = elements
    return picked


def parse_known_layout(doc, name: str, spec: dict, url: str | None, detected=None, heads=None) -> Release:
    """A release from a page of the profile layout `name` (spec = its selectors).

    `detected`: the first element the layout's `detect` selector matched, when the caller has it; `heads`:
    the page's <link> and <meta> elements (find_layout_and_heads)."""
    if spec.get("release") is False:
        raise ParseError(f"not a release: the page is a {name} page")
    if detected is not None and not spec.get("root"):
        root = detected
    else:
        root = select_one(doc, spec.get("root") or spec["detect"])
    root = doc if root is None else root
    picked = _select_fields(root, spec)

    def field_elements(field: str) -> list:
        if picked is None:
            return select(root, spec.get(field))
        return picked.get(field, [])

    def text_of(field: str) -> str | None:
        found = field_elements(field)
        return noise.squash(block_text(found[0])) if found else None

    title = text_of("title")
    if not title:
        raise ParseError(f"no release title found (layout {name}: nothing matches {spec.get('title')!r})")
    canonical, alternates, meta_date, declared = head_metadata(doc, url, spec.get("meta_date"), heads)
    date_text = text_of("date")
    claimed: dict = {}
    for field in CLAIMABLE_FIELDS:
        for el in field_elements(field):
            claimed.setdefault(el, FIELD_HINTS[field])
    found_body = field_elements("body")
    body = found_body[0] if found_body else None
    blocks: list[Block] = []
    # Claimed blocks outside the body (takeaways above it, photo strips) come first, in page order.
    for el, hint in claimed.items():
        # Inside the body: the body itself or below it (found by climbing from the few claimed elements rather
        # than by listing every element of the body).
        if body is not None and (el is body or any(a is body for a in el.iterancestors())):
            continue
        if not any(a in claimed for a in el.iterancestors()):
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
