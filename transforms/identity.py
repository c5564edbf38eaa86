"""Which release a language edition belongs to: `release_id_for(release, fetched_url)`.

A fetched page is the release its URL says, never what the page claims (issue 24: a page naming a real release
as its canonical URL or hreflang alternate would otherwise become a new version of it and rewrite its history):
the id is the slug of the URL the monitor fetched, so the editions of one release meet where the site gives them
one slug (hkstp.org does, see ../shared/facts/hkstp-site.md). The page's `canonical` and `hreflang` are hints:
  - a canonical URL with another slug is recorded (`identity_doubts`) and ignored;
  - an English alternate with another slug pairs the edition with it only when that English page, parsed in the
    same run, names this page back as one of its alternates (`pair_editions`; the English editions come first in
    discovery's order); otherwise it is its own release, and the doubt is recorded.

A local file (no fetched URL) has only the page to go by; the rule there, first that applies:
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


_INDEX_PAGE = re.compile(r"^(?:index|default)\.(?:html?|php|aspx?)$", re.IGNORECASE)


def url_slug(url: str | None) -> str | None:
    """The last path segment of a URL, normalised; None when the URL has no usable path. A folder's index page
    (".../<slug>/index.html") is its folder: every page would otherwise share the slug "index"."""
    if not url:
        return None
    path = re.sub(r"[?#].*$", "", url)
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", path, flags=re.IGNORECASE).rstrip("/")
    head, _, last = path.rpartition("/")
    if _INDEX_PAGE.match(last):
        last = head.rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:html?|php|aspx?|pdf|txt|md)$", "", last, flags=re.IGNORECASE)
    slug = normalise_slug(last) if last else ""
    return slug or None


def _fetched(url: str | None) -> bool:
    return bool(url) and url.lower().startswith(("http://", "https://"))


def _path_key(url: str | None) -> str:
    """A URL without scheme, host, query and trailing slash, lower-cased: a mirror's URL (the demo on 127.0.0.1)
    and the site's own (the hreflang links name https://www.hkstp.org) compare equal."""
    path = re.sub(r"[?#].*$", "", url or "")
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", path, flags=re.IGNORECASE)
    return unquote(path).rstrip("/").lower()


_CONTROLS = {c: "\ufffd" for c in (*range(0x20), *range(0x7F, 0xA0))}


def _shown_url(url: str) -> str:
    """A URL from a page as it may appear in a recorded problem (and so in logs): controls replaced, cut short."""
    url = url.translate(_CONTROLS)
    return url if len(url) <= 200 else url[:200] + "..."


def identity_doubts(release: Release, fetched_url: str | None) -> list[tuple[str, str]]:
    """What the page claims about its identity that its fetched URL does not confirm: ("identity_doubt", one
    sentence) each (empty for a local file, which has no fetched URL to hold the claims against)."""
    if not _fetched(fetched_url):
        return []
    own = url_slug(fetched_url)
    doubts = []
    if release.canonical_url and url_slug(release.canonical_url) not in (None, own):
        doubts.append(("identity_doubt", f"the page names {_shown_url(release.canonical_url)} as its canonical "
                       "URL; kept as the release of the URL it was fetched from, not merged"))
    english = (release.alternates or {}).get("en")
    if english and release.language != "en" and url_slug(english) not in (None, own):
        doubts.append(("identity_doubt", _unconfirmed_english(english)))
    return doubts


def _unconfirmed_english(url: str) -> str:
    return (f"the page names {_shown_url(url)} as its English edition, which does not name it back; kept as a "
            "release of its own")


def release_id_for(release: Release, fetched_url: str | None = None) -> str:
    """The id shared by the language editions of `release` (rule in the module docstring); `fetched_url`: the
    URL the page was fetched from (http or https), which then decides."""
    if _fetched(fetched_url):
        slug = url_slug(fetched_url)
        if slug:
            return slug
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


def pair_editions(docs: list, english_seen: dict[str, tuple[str, set[str]]] | None = None) -> list:
    """Pair editions (DocumentResults) that name each other with hreflang although their URLs' slugs differ: an
    edition takes the id of the English page it names when that page names it back. The English pages are those
    of `docs` and of `english_seen` (path -> (release_id, the paths it names as alternates): the English pages of
    the run's earlier batches, which this call adds to). The doubt recorded for the unconfirmed alternate is then
    dropped. Returns `docs`."""
    english = english_seen if english_seen is not None else {}
    english.update(english_entries(docs))
    if not english:
        return docs
    for doc in docs:
        rel = doc.release
        target = (rel.alternates or {}).get("en") if rel is not None and rel.language != "en" else None
        partner = english.get(_path_key(target)) if target else None
        if partner is None or partner[0] == doc.release_id:
            continue
        if _path_key(doc.url) in partner[1]:
            doc.release_id = partner[0]
            doc.doubts = [d for d in doc.doubts if d[1] != _unconfirmed_english(target)]
    return docs


def remember_english(english_seen: dict[str, tuple[str, set[str]]], url: str, release_id: str, release) -> None:
    """Record an English edition for pair_editions: its path, its release id and the paths it names."""
    english_seen[_path_key(url)] = (release_id, {_path_key(u) for u in (release.alternates or {}).values()})


def english_pages_named(docs: list, english_seen: dict[str, tuple[str, set[str]]]) -> set[str]:
    """The paths of the English pages that the other editions of `docs` name (hreflang "en") and that neither
    `docs` nor `english_seen` holds: pages an earlier run loaded, for the caller to look up (pair_editions)."""
    held = set(english_seen) | {_path_key(d.url) for d in docs
                                if d.release is not None and d.release.language == "en"}
    named = {_path_key(d.release.alternates["en"]) for d in docs
             if d.release is not None and d.release.language != "en" and (d.release.alternates or {}).get("en")}
    return {p for p in named - held if p}


def english_entries(docs: list) -> dict[str, tuple[str, set[str]]]:
    """The English editions of `docs` as pair_editions records them (path -> (release id, paths it names))."""
    out: dict[str, tuple[str, set[str]]] = {}
    for doc in docs:
        rel = doc.release
        if rel is not None and rel.language == "en" and _fetched(doc.url) and doc.release_id:
            remember_english(out, doc.url, doc.release_id, rel)
    return out


def may_pair(doc) -> bool:
    """Whether pair_editions could give `doc` another release id: an edition that names, as its English edition,
    a page of another slug (rare: the site usually gives the editions of a release one slug)."""
    rel = doc.release
    english = (rel.alternates or {}).get("en") if rel is not None and rel.language != "en" else None
    return bool(english) and url_slug(english) not in (None, doc.release_id)
