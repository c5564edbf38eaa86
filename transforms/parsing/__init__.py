"""Parse one fetched document (HTML of any page generation, a newswire copy, PDF, text, Markdown) into a Release.

    from transforms.parsing import parse_document
    release = parse_document(body, url=url, content_type=ctype, profile=profile_dict)

Known layouts (the profile's `layouts:` key) are read with lxml and precompiled selectors; anything else
goes to trafilatura. A document that holds no release raises `transforms.errors.ParseError` naming why.
Pure: no file or network I/O; the caller passes the parsed profile.
"""

from __future__ import annotations

import re
import threading
from html.parser import HTMLParser

from lxml import etree, html as lxml_html

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing.generic import parse_generic
from transforms.parsing.html import find_layout_and_heads, parse_known_layout
from transforms.parsing.pdf import parse_pdf
from transforms.parsing.text import parse_text

__all__ = ["parse_document", "detect_format", "decode_text"]

# Plain etree parsers, not lxml.html's: the same libxml2 tree without a Python class lookup for every element
# the walk touches (the parser needs no HtmlElement methods).
_PER_THREAD = threading.local()


def _utf8_parser() -> etree.HTMLParser:
    """This thread's parser for UTF-8 bytes: its error_log (read after a parse) is then this thread's parse's."""
    parser = getattr(_PER_THREAD, "utf8_parser", None)
    if parser is None:
        parser = _PER_THREAD.utf8_parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    return parser


_STR_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|title|div|article|section|main|p\b|h1)", re.I | re.S)
_DOCUMENT_START_RE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype|html)", re.I | re.S)
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_QUERY_RE = re.compile(r"[?#].*$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
BINARY_CONTROL_SHARE = 0.05  # more control bytes than this in the first 4 KB: not text


def detect_format(body: bytes, url: str | None, content_type: str | None) -> str:
    """'pdf', 'html' or 'text', from the bytes' own signature (%PDF-, <!DOCTYPE html>, <html), then the content
    type, then the URL suffix. The bytes win: an HTML release served as application/pdf is HTML."""
    ctype = (content_type or "").lower()
    path = _QUERY_RE.sub("", url or "").lower()
    head = body[:1024].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF-"):
        return "pdf"
    if "pdf" in ctype and _DOCUMENT_START_RE.match(head):
        return "html"
    if "pdf" in ctype or (not ctype and path.endswith(".pdf")):
        return "pdf"
    if "html" in ctype or "xml" in ctype:
        return "html"
    if ctype.startswith("text/") or path.endswith((".txt", ".md", ".markdown")):
        return "text"
    if path.endswith((".html", ".htm", "/")) or _HTML_START_RE.match(head) or b"<html" in head.lower():
        return "html"
    return "text"


def decode_text(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text: BOM, then UTF-8, then the declared charset, then a detected one (Big5, GB18030, ...)."""
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = []
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    if m:
        declared.append(m.group(1).decode() if isinstance(m.group(1), bytes) else m.group(1))
    m2 = _CHARSET_RE.search(body[:4096])
    if m2:
        declared.append(m2.group(1).decode("ascii", "ignore"))
    for charset in declared:
        if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
            continue  # declared UTF-8 but it is not: detect instead
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:65536], cp_isolation=["big5", "gb18030", "utf_8", "cp1252", "shift_jis", "euc_kr"]).best()
        if best is not None and best.encoding:
            return body.decode(best.encoding, errors="replace")
    except Exception:  # detection is best effort; fall back to a lossy UTF-8 read
        pass
    return body.decode("utf-8", errors="replace")


_CONTROL_BYTES = bytes(b for b in range(256) if b < 9 or 13 < b < 32 or b == 127)
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _is_binary(body: bytes) -> bool:
    head = body[:4096]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    controls = len(head.translate(None, _NOT_CONTROL))
    return (b"\x00" in head[:1024] and controls > 2) or controls / len(head) > BINARY_CONTROL_SHARE


def _parse_html_tree(body: bytes, text: str | None):
    try:
        if text is None:
            return lxml_html.document_fromstring(body, parser=_utf8_parser())
        return lxml_html.document_fromstring(_CONTROL_RE.sub("", text), parser=_STR_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as exc:
        raise ParseError(f"empty document ({exc})" if "empty" in str(exc).lower() else f"unreadable HTML ({exc})") from None


_DOCUMENT_END_RE = re.compile(rb"</(?:html|body)\s*>", re.I)
# Elements whose end tag HTML5 lets an author leave out (and void elements, which have none), and inline
# formatting that browsers close by themselves: left open at the end, they do not show a cut.
_MAY_STAY_OPEN = frozenset({
    "html", "head", "body", "p", "li", "dt", "dd", "rt", "rp", "optgroup", "option", "colgroup", "caption", "thead",
    "tbody", "tfoot", "tr", "td", "th", "a", "b", "i", "u", "s", "em", "strong", "small", "big", "font", "span",
    "code", "sub", "sup", "abbr", "cite", "q", "mark", "nobr", "strike", "tt", "o:p",
})


class _OpenElements(HTMLParser):
    """The stack of open elements at the end of a document, closed the way a browser closes them."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in _VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.stack:  # an end tag closes the nearest open element of its name and all inside it
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]


_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                        "track", "wbr", "keygen", "command", "basefont", "frame", "isindex"})


def _ends_as_document(body: bytes) -> bool:
    """</body> or </html> near the end or anywhere: the page is whole (whatever else it holds)."""
    tail = body[-4096:]
    if b"</html" in tail or b"</body" in tail:  # the common case, without lowering the tail first
        return True
    tail = tail.lower()
    return b"</html" in tail or b"</body" in tail or _DOCUMENT_END_RE.search(body) is not None


def _looks_truncated(body: bytes, text: str | None) -> bool:
    """The document really stops early: no </body> or </html> anywhere, and it ends inside a tag, a comment or
    a script, or with an element open whose end tag may not be left out (a <div>, an <article>, a <table>).
    A page that omits the end tags HTML5 allows, or has scripts after </html>, is whole."""
    if _ends_as_document(body):
        return False
    parser = _OpenElements()
    try:
        parser.feed(text if text is not None else body.decode("utf-8", errors="replace"))
    except (AssertionError, ValueError):  # html.parser gives up only on markup broken beyond reading
        return True
    if parser.rawdata.strip() or parser.cdata_elem:  # stopped inside a tag, a comment or a script/style
        return True
    return any(tag not in _MAY_STAY_OPEN for tag in parser.stack)


def parse_document(body: bytes | str, url: str | None = None, content_type: str | None = None,
                   profile: dict | None = None) -> Release:
    """One document -> one Release edition. Raises ParseError with the reason when it holds no release."""
    try:
        return _parse_document(body, url, content_type, profile)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("document nested too deeply to read") from None
    except Exception as exc:  # a parser bug must not stop a run: record it against the URL like any bad page
        raise ParseError(f"internal parser error ({type(exc).__name__}: {exc})") from exc


def _parse_document(body: bytes | str, url: str | None, content_type: str | None, profile: dict | None) -> Release:
    if isinstance(body, str):
        body = body.encode("utf-8", errors="replace")
    if not body or body.isspace():  # isspace: the same ASCII whitespace as strip(), without copying the page
        raise ParseError("empty document")
    fmt = detect_format(body, url, content_type)
    if fmt == "pdf":
        return parse_pdf(body, url=url)
    if _is_binary(body):
        raise ParseError("not a text document (binary data)")
    if fmt == "text":
        return parse_text(decode_text(body, content_type), url=url)
    return _parse_html(body, url, content_type, profile)


def _text_unless_utf8(body: bytes, content_type: str | None) -> str | None:
    """None for valid UTF-8 (lxml reads those bytes directly, fastest), else the decoded text."""
    try:
        if not body.isascii():  # ASCII is valid UTF-8: no need to build the text to find out
            body.decode("utf-8")
        return None
    except UnicodeDecodeError:
        text = decode_text(body, content_type)
        return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


def _parse_trusting_utf8(body: bytes, content_type: str | None):
    """(tree, None) when the bytes are UTF-8, else (None, their decoded text). libxml2 checks the encoding while
    it parses and reports the first invalid byte unless errors came before it (it stops reporting at 100): a
    parse that reports no error at all read valid UTF-8, and the page need not be decoded in Python to know."""
    try:
        doc = _parse_html_tree(body, None)
    except ParseError:
        doc = None
    if doc is not None and not len(_utf8_parser().error_log):
        return doc, None
    text = _text_unless_utf8(body, content_type)
    if text is not None:
        return None, text
    return (doc if doc is not None else _parse_html_tree(body, None)), None  # (the parse error again)


def _parse_html(body: bytes, url: str | None, content_type: str | None, profile: dict | None) -> Release:
    if _DOCUMENT_START_RE.match(body[:1024]) and not _ends_as_document(body):
        text = _text_unless_utf8(body, content_type)
        if _looks_truncated(body, text):
            raise ParseError("truncated page (the document stops inside an element, with no </body> or </html>)")
        doc = _parse_html_tree(body, text)
    else:  # never truncated: parse first, decode only when libxml2 saw something amiss
        doc, text = _parse_trusting_utf8(body, content_type)
        if doc is None:
            doc = _parse_html_tree(body, text)
    found, heads = find_layout_and_heads(doc, url, profile)
    if found is not None:
        name, spec, detected = found
        try:
            return parse_known_layout(doc, name, spec, url, detected, heads)
        except ParseError as exc:
            if not str(exc).startswith("no release title found"):
                raise
            # The page looks like a known generation but its title moved: the markup changed; try generic.
    html_text = text if text is not None else body.decode("utf-8")
    return parse_generic(doc, html_text, url)
