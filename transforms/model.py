"""The data model every layer shares: a parsed release, its sections, and the numeric claims in it.

Plain dataclasses, no behaviour beyond small helpers, so that `warehouse/` can load them and `flows/`
can pass them between tasks without either knowing how they were made.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import date

from transforms.errors import ParseError  # noqa: F401  (re-exported: parsers raise it)

LANGUAGES = ("en", "zh-hant", "zh-hans")
SECTIONS = ("title", "subtitle", "key_takeaways", "body", "caption", "about", "contact")
QUALIFIERS = ("exact", "about", "over", "at_least", "nearly", "under", "up_to")
KINDS = ("count", "money", "percent", "area", "ratio", "duration", "year", "date", "quarter")
# What kind of figure a claim is (transforms/context.py): only `standing` figures enter the timelines.
SCOPES = ("standing", "event", "target", "history")
# Sections whose figures are never claims about the organisation (phone numbers, addresses).
NON_CLAIM_SECTIONS = frozenset({"contact"})


@dataclass(slots=True)
class Section:
    """One block of a release. `name` is one of SECTIONS; `heading` is a sub-head when the body has one."""

    name: str
    text: str
    heading: str | None = None


@dataclass(slots=True)
class Claim:
    """One numeric statement. `value` is in plain units (HK$1 billion -> 1e9, 70% -> 70)."""

    value: float
    kind: str = "count"
    qualifier: str = "exact"
    value_high: float | None = None
    unit: str | None = None
    currency: str | None = None
    metric: str | None = None
    text: str = ""
    sentence: str = ""
    section: str = "body"
    start: int = 0  # offset of `text` within `sentence`
    subject: str | None = None  # whose figure: hkstp, hkstp/science-park, cyberport, other, ... (vocab/organisations.py)
    scope: str | None = None  # standing, event, target or history (SCOPES)
    as_of: date | None = None  # the date the figure describes

    def to_json(self) -> dict:
        # Field by field rather than dataclasses.asdict, which deep-copies every value: this runs once per claim
        # of `extract --jsonl`, where asdict was a third of the time.
        d = {name: getattr(self, name) for name in _CLAIM_JSON_FIELDS}
        for key in ("value", "value_high"):
            v = d[key]
            if isinstance(v, float) and v.is_integer():
                d[key] = int(v)
        if d["as_of"] is not None:
            d["as_of"] = d["as_of"].isoformat()
        return d


_CLAIM_JSON_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "start")


@dataclass(slots=True)
class Release:
    """One language edition of a press release, as parsed from one document."""

    title: str
    language: str
    published_on: date | None = None
    subtitle: str | None = None
    category: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    date_source: str | None = None  # where published_on came from: meta, page_date, dateline, newswire, url
    layout: str | None = None  # which page generation / format matched (e.g. "news-room", "pdf", "generic")
    slug: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # language -> URL of the other editions
    sections: list[Section] = field(default_factory=list)

    def section_text(self, name: str) -> str:
        return "\n".join(s.text for s in self.sections if s.name == name)

    def content_hash(self) -> str:
        """sha256 of what a reader sees; a change here is a new version of the edition."""
        h = hashlib.sha256()
        for part in (self.title, self.subtitle or "", str(self.published_on or "")):
            h.update(part.encode() + b"\x00")
        for s in self.sections:
            h.update(f"{s.name}\x00{s.heading or ''}\x00{s.text}\x00".encode())
        return h.hexdigest()

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "subtitle": self.subtitle,
            "published_on": self.published_on.isoformat() if self.published_on else None,
            "language": self.language,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "category": self.category,
            "date_source": self.date_source,
            "layout": self.layout,
            "sections": [{"name": s.name, "heading": s.heading, "text": s.text} for s in self.sections],
        }




@dataclass(slots=True)
class FetchRecord:
    """One HTTP request (or local file read) and its outcome. `error` is None when a body was received."""

    url: str
    fetched_at: str  # ISO-8601 UTC timestamp
    status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None  # of the raw body, the key into the raw store
    bytes: int = 0
    elapsed_ms: float = 0.0
    content_type: str | None = None
    error: str | None = None  # e.g. "http 404", "timeout after 10s", "body over 5 MB"
    source: str = "web"  # web | file | sample


@dataclass(slots=True)
class DocumentResult:
    """What became of one fetched body: a parsed release edition with its claims, or a parse error."""

    url: str
    sha256: str
    fetched_at: str
    release_id: str | None = None  # shared by the language editions of one release
    release: Release | None = None
    claims: list[Claim] = field(default_factory=list)
    error: str | None = None  # the ParseError message when release is None
    source: str = "web"
    # (kind, sentence): what the page claims that was not trusted (its identity, a date after it was fetched)
    doubts: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class SiteSignal:
    """A sign, seen during a run, that the site no longer fits its profile (`drift`), or a discovery problem.

    Drift signals become `site_drift` findings; the others are listed with the run's problems.
    """

    kind: str  # listing_unreachable, listing_without_releases, listing_fallback_sitemap, sitemap_unmatched, ...
    url: str  # where it was seen
    profile_key: str  # the key of the site profile to look at, e.g. site.listing_pages
    detail: str  # what was seen, one sentence
    severity: str = "warning"  # info | warning | critical
    drift: bool = True  # False: a problem of the run (a cap reached, an unreadable sitemap), not drift
    language: str | None = None
