"""Newswire copies: the wire named, lost spaces repaired before figures are read, the copy linked to its HKSTP
original (real DuckDB file, the sample press room's page as the original), its figures echoes, not HKSTP's own."""

from __future__ import annotations

from pathlib import Path

import warehouse
from flows.ingest import ingest_paths
from transforms.newswire import likeness, repair_lost_spaces, words_of

REPO = Path(__file__).resolve().parents[1]
ORIGINAL = REPO / "samples/site/B/en/park-life/news-and-events/news/hkstp-begins-planning-for-next-innopark-site"

COPY = """HKSTP Begins Planning for Next InnoPark Site

HONG KONG, Sept. 18, 2025 /PRNewswire/ -- HKSTP has begun planning for a new InnoPark site of approximately 20 \
hectares, to be developed in phases for advanced manufacturingand life sciences.

The first phase will focus on multi-storey production buildings that let manufacturers share loading bays.

HKSTP's I&T ecosystem today supports over 14 unicorns with more than 15,000 research professionals and over \
2,200technologycompanies from 25 countries and regions.
"""


def test_lost_spaces_come_back_between_words_the_original_uses_and_after_figures():
    original = "Over 2,200 technology companies joined. Prof. Sun Dong, Secretary for Innovation, spoke on YouTube."
    copy = "Over 2,200technologycompaniesjoined. Prof. Sun DongSecretary for Innovation, spoke on YouTube."
    assert repair_lost_spaces(copy, words_of(original)) == (
        "Over 2,200 technology companies joined. Prof. Sun Dong Secretary for Innovation, spoke on YouTube.")
    # without the original: the copy's own words, a token seen once, halves of three letters or more
    assert repair_lost_spaces("200 companiesjoined; the companies joined hands. Another one.") == (
        "200 companies joined; the companies joined hands. Another one.")


def test_likeness_ignores_lost_spaces_and_tells_other_releases_apart():
    assert likeness("HKSTP welcomes 200 new companies", "Over 2,200 technology companies joined",
                    "HKSTPwelcomes 200 newcompanies", "Over2,200 technologycompaniesjoined") > 0.95
    assert likeness("Cyberport opens a fintech hub", "A new hub opened in Cyberport today.",
                    "HKSTP welcomes 200 new companies", "Over 2,200 technology companies joined") < 0.5


def test_an_ingested_copy_is_named_by_its_wire_repaired_and_linked_to_its_original(tmp_path):
    db = tmp_path / "w.duckdb"
    original = tmp_path / "original.html"
    original.write_bytes(ORIGINAL.read_bytes())
    ingest_paths([original], db)
    copy = tmp_path / "copy.txt"
    copy.write_text(COPY, encoding="utf-8")
    ingest_paths([copy], db)

    _, rows = warehouse.query(db, "select release_id, source from releases order by source")
    sources = dict((s, r) for r, s in rows)
    assert set(sources) == {"file", "pr-newswire"}
    _, links = warehouse.query(db, "select copy_release_id, original_release_id, wire, days_apart from copies")
    assert links == [(sources["pr-newswire"], sources["file"], "pr-newswire", 1)]
    # the glued "2,200technologycompanies" was repaired before the figures were read
    _, rows = warehouse.query(db, "select value, sentence from claims where source = 'pr-newswire' "
                                  "and metric = 'tech_companies'")
    assert rows and rows[0][0] == 2200 and "2,200 technology companies" in rows[0][1]
    # its figures are echoes (current here), never a step of HKSTP's own timeline
    _, rows = warehouse.query(db, "select distinct verdict from echoes where source = 'pr-newswire'")
    assert rows == [("current",)]
    _, rows = warehouse.query(db, "select count(*) from metric_timeline where release_id = ?", [sources["pr-newswire"]])
    assert rows == [(0,)]
