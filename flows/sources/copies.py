"""Newswire copies of HKSTP's releases (PR Newswire, Media OutReach, Business Wire, EQS): a copy ingested (or
fetched) is named by its wire (`releases.source`), its lost spaces are repaired before its figures are read, and
it is linked to the press-room release it copies (title and first paragraph alike, dates within
HKSTP_COPY_WINDOW_DAYS days; `copies` view). Its figures are echoes: compared with HKSTP's by the echo checks,
never part of HKSTP's own timeline."""

from __future__ import annotations

from pathlib import Path

from transforms.claims import extract_release_claims
from transforms.identity import release_id_for
from transforms.model import DocumentResult
from transforms.newswire import likeness, repair_release, wire_of, words_of
from warehouse.sources import edition_text, press_room_candidates

# how much of a document as read `adopt_copies` is given for its wire's mark (the dateline the parser strips)
WIRE_MARK_BYTES = 8192
# a copy and an original this alike (0..1: title and first paragraph, spaces and punctuation ignored) are one release
SAME_RELEASE = 0.8


def _first_paragraph(doc: DocumentResult) -> str:
    return next((s.text for s in doc.release.sections if s.name == "body"), "")


def adopt_copies(docs: list[DocumentResult], db: Path, window_days: int,
                 bodies: dict[str, bytes] | None = None) -> tuple[list[DocumentResult], list[dict]]:
    """Name, repair and link the newswire copies among `docs` (others pass untouched; `bodies`: url -> the
    document as read, where its dateline names the wire); returns the documents and the links to record once
    they are loaded."""
    links: list[dict] = []
    candidates: dict[str, list[dict]] = {}
    for doc in docs:
        rel = doc.release
        if rel is None or doc.error:
            continue
        body = (bodies or {}).get(doc.url)
        wire = wire_of(rel, body.decode("utf-8", errors="replace") if body else None)
        if wire is None:
            continue
        doc.source = wire
        repair_release(rel)
        pool = candidates.setdefault(rel.language, press_room_candidates(db, rel.language))
        best, score, days = None, 0.0, None
        for c in pool:
            apart = abs((rel.published_on - c["published_on"]).days) if rel.published_on and c["published_on"] else None
            if apart is None or apart > window_days:
                continue
            s = likeness(rel.title, _first_paragraph(doc), c["title"], c["first_paragraph"])
            if s > score:
                best, score, days = c, s, apart
        if best is not None and score >= SAME_RELEASE:
            repair_release(rel, words_of(edition_text(db, best["release_id"], rel.language)) | words_of(rel.title))
        doc.release_id = f"{wire}-{release_id_for(rel)}"  # never the original's id: a copy is no version of it
        doc.claims = extract_release_claims(rel)  # read after the repair
        if best is not None and score >= SAME_RELEASE:
            links.append({"copy_release_id": doc.release_id, "copy_language": rel.language,
                          "original_release_id": best["release_id"], "wire": wire, "similarity": round(score, 3),
                          "days_apart": days})
    return docs, links
