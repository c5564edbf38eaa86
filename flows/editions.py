"""Editions of one release published in different runs: the English page an edition names, read again from the
raw store when an earlier run loaded it, so that pair_editions (transforms/identity.py) can pair them.

The real site usually gives both editions one slug; where it does not, a Chinese edition that appears a day after
its English page would otherwise stay a release of its own (the identity doubt it raises says so). An English
page that appears after the edition naming it is paired by the next `rebuild`, which reads every stored page at
once, English first.
"""

from __future__ import annotations

from pathlib import Path

import warehouse
from flows.rawstore import RawStore
from transforms.errors import ParseError
from transforms.identity import english_pages_named, remember_english
from transforms.model import DocumentResult
from transforms.parsing import parse_document


def english_from_earlier_runs(db_path: Path, store: RawStore, profile: dict, docs: list[DocumentResult],
                              english_seen: dict[str, tuple[str, set[str]]]) -> int:
    """Add to `english_seen` the English editions loaded by earlier runs that `docs` name; returns how many."""
    wanted = english_pages_named(docs, english_seen)
    added = 0
    for url, sha, release_id in warehouse.english_documents_at(db_path, wanted) if wanted else []:
        try:
            release = parse_document(store.get(sha), url=url, profile=profile)
        except (KeyError, ValueError, ParseError):
            continue  # no stored body to read: the edition stays apart and its identity doubt stays recorded
        remember_english(english_seen, url, release_id, release)
        added += 1
    return added
