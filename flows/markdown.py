"""Text from web pages made safe for the markdown of Prefect artifacts, review forms and event names.

Everything a page gave us (titles, sentences, URLs) is hostile until escaped: `md_text` writes it as literal text
(no emphasis, no links, no HTML), and `md_link` makes a link only of an http(s) URL whose target cannot break out
of the link (parentheses, spaces, angle brackets and quotes are percent-encoded); anything else stays text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

# marks that open emphasis, code, links, images, HTML ("<"), entities, tables, headings or strikethrough anywhere in a
# line; ":" so that no "http:" or "javascript:" in page text turns into an autolink (a backslash is legal before
# any ASCII punctuation mark, so the text reads the same)
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<#|~!&:$])")
_LINE_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")  # a list item, quote or underline when the text opens a line
_WWW = re.compile(r"(?i)\b(www)\.")  # GFM turns www.example.org into a link
_SPACE = re.compile(r"\s+")
# what may stay as it is in a link target: the URL's own structure, nothing that ends or quotes the target
_URL_SAFE = "/:?#@!$&*+,;=%-._~"


def md_text(text: object, strip: bool = True) -> str:
    """Any text as literal markdown on one line: markup characters backslash-escaped, white space one space
    (`strip=False` keeps a space at either end, for a piece of a sentence)."""
    out = _SPACE.sub(" ", "" if text is None else str(text))
    out = _SPECIAL.sub(r"\\\1", out.strip() if strip else out)
    out = _WWW.sub(r"\1\\.", out)
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", out, count=1)


def web_url(url: object) -> str | None:
    """The URL when it is an http(s) address with a host, else None (javascript:, data:, file:, relative...)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def md_url(url: object) -> str | None:
    """An http(s) URL as a markdown link target that cannot end early: None when it is not a web address."""
    url = web_url(url)
    return quote(url, safe=_URL_SAFE) if url else None


def md_link(text: object, url: object) -> str:
    """`[text](url)` for an http(s) URL; the escaped text alone otherwise."""
    target = md_url(url)
    label = md_text(text) or md_text(url)
    return f"[{label}]({target})" if target else label


def md_code(text: object) -> str:
    """Short text (an id, a profile key) as inline code; a backtick inside cannot end it."""
    body = _SPACE.sub(" ", "" if text is None else str(text)).strip().replace("`", "'")
    return f"`{body}`" if body else ""
