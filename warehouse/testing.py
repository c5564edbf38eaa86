"""Hand-built documents for tests and benchmarks: a release edition with the claims you name, nothing parsed."""

from __future__ import annotations

import hashlib
from datetime import date

from transforms.model import Claim, DocumentResult, Release, Section


def claim(metric: str | None, value: float, qualifier: str = "exact", section: str = "about",
          text: str | None = None, kind: str = "count", value_high: float | None = None) -> Claim:
    words = text or f"{qualifier} {value:g} {metric or 'things'}"
    return Claim(value=value, kind=kind, qualifier=qualifier, value_high=value_high, metric=metric, text=words,
                 sentence=f"HKSTP has {words}.", section=section)


def document(release_id: str, language: str, published_on: date | str | None, claims: list[Claim],
             body: str | None = None, url: str | None = None, fetched_at: str = "2024-03-01T00:00:00Z",
             title: str | None = None) -> DocumentResult:
    """One edition of release `release_id`; its content (hence its version) is title, date, body and claims."""
    if isinstance(published_on, str):
        published_on = date.fromisoformat(published_on)
    url = url or f"https://www.hkstp.org/{language}/news-room/{release_id}/"
    text = body if body is not None else " ".join(c.sentence for c in claims)
    release = Release(title=title or f"Release {release_id}", language=language, published_on=published_on,
                      url=url, sections=[Section("body", text)])
    digest = hashlib.sha256(f"{url}\n{text}".encode()).hexdigest()
    return DocumentResult(url=url, sha256=digest, fetched_at=fetched_at, release_id=release_id, release=release,
                          claims=list(claims), source="sample")


def parse_failure(url: str, reason: str = "no release found", fetched_at: str = "2024-03-01T00:00:00Z") -> DocumentResult:
    return DocumentResult(url=url, sha256="0" * 64, fetched_at=fetched_at, error=reason, source="sample")
