"""Which release a language edition belongs to: `release_id_for(release)`.

The English, Traditional and Simplified Chinese editions of one release share one id. The rule, first that
applies:
  1. the slug of the English edition's URL: the `hreflang="en"` alternate, else the canonical URL or the URL
     of an English release (editions of one release share the slug on hkstp.org, see
     ../shared/facts/hkstp-site.md);
  2. the slug of the release's own URL (canonical first), whatever its language;
  3. a slug of the title (a local file, a newswire copy without URL).
Slugs are normalised so the generations' spellings of one title meet: lower case, percent-decoding undone,
"&" and punctuation dropped, the old "-s-" spelling of an apostrophe joined ("hkstp-s-budget" -> "hkstps-budget"),
repeated dashes collapsed, at most 80 characters. Chinese characters are kept.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from transforms.model import Release

MAX_SLUG_CHARS = 80


def normalise_slug(text: str) -> str:
    """Lower-case words of `text` joined by '-', Chinese kept, at most MAX_SLUG_CHARS."""
    text = unicodedata.normalize("NFKC", unquote(text)).lower()
    text = text.replace("&", "")  # newer slugs drop "&": R&D -> rd
    text = re.sub(r"['’]s\b", "s", text)  # Budget's -> budgets (how newer slugs spell it)
    text = re.sub(r"[^\w\u4e00-\u9fff]+|_", "-", text)
    text = re.sub(r"-s-", "s-", text)  # older slugs turned apostrophes into -s-
    text = re.sub(r"-s$", "s", text)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if len(text) > MAX_SLUG_CHARS:
        text = text[:MAX_SLUG_CHARS].rsplit("-", 1)[0] or text[:MAX_SLUG_CHARS]
    return text


def url_slug(url: str | None) -> str | None:
    """The last path segment of a URL, normalised; None when the URL has no usable path."""
    if not url:
        return None
    path = re.sub(r"[?#].*$", "", url)
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", path, flags=re.IGNORECASE).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:html?|php|aspx?|pdf|txt|md)$", "", last, flags=re.IGNORECASE)
    slug = normalise_slug(last) if last else ""
    return slug or None


def release_id_for(release: Release) -> str:
    """The id shared by the language editions of `release` (rule in the module docstring)."""
    english_url = release.alternates.get("en") if release.alternates else None
    if not english_url and release.language == "en":
        english_url = release.canonical_url or release.url
    for candidate in (english_url, release.canonical_url, release.url):
        slug = url_slug(candidate)
        if slug:
            return slug
    slug = normalise_slug(release.title or "")
    if not slug:
        raise ValueError("release has neither URL nor title to identify it")
    return slug
