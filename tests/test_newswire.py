"""Newswire copies: the wire named, lost spaces repaired before figures are read, the copy linked to its HKSTP
original (real DuckDB file, the sample press room's page as the original), its figures echoes, not HKSTP's own."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _copy_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title} | PR Newswire</title></head><body><h1>{title}</h1>{body}</body></html>"


@pytest.mark.slow
def test_a_configured_newswire_feed_brings_copies_of_hkstp_releases_and_nothing_else(tmp_path, prefect_harness):
    from flows.loopback import LoopbackServer
    from flows.sources.newswire import newswire_source

    db = tmp_path / "w.duckdb"
    original = tmp_path / "original.html"
    original.write_bytes(ORIGINAL.read_bytes())
    ingest_paths([original], db)
    paragraphs = [p for p in COPY.split("\n\n")[1:] if p.strip()]
    routes = {
        "/news-releases/hkstp-begins-planning-301.html": _copy_page("HKSTP Begins Planning for Next InnoPark Site",
                                                                    paragraphs),
        "/news-releases/a-bank-opens-a-branch-302.html": _copy_page("A bank opens a branch", ["HONG KONG, Sept. 18, "
                                                                    "2025 /PRNewswire/ -- A bank opened 12 branches."]),
        "/rss/hk-tech.rss": (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>HK tech</title>'
            "<item><title>HKSTP Begins Planning for Next InnoPark Site</title>"
            "<link>https://www.prnewswire.com/news-releases/hkstp-begins-planning-301.html?tc=rss</link>"
            "<description>HKSTP has begun planning a new InnoPark site.</description></item>"
            "<item><title>A bank opens a branch</title>"
            "<link>https://www.prnewswire.com/news-releases/a-bank-opens-a-branch-302.html</link>"
            "<description>Twelve branches.</description></item></channel></rss>"),
    }
    profile = tmp_path / "wires.yaml"
    profile.write_text((REPO / "flows/profiles/newswires.yaml").read_text(encoding="utf-8").replace(
        "feeds: {}", "feeds: {hk-tech: /rss/hk-tech.rss}").replace("name: newswires", "name: wires"), encoding="utf-8")
    with LoopbackServer(routes=routes) as site:
        first = newswire_source(db=str(db), base_url=site.base_url, min_gap_s=0.0, profile=str(profile))
        assert not any("a-bank" in e.path for e in site.log)  # the feed item does not name HKSTP: never fetched
        site.clear_log()
        second = newswire_source(db=str(db), base_url=site.base_url, min_gap_s=0.0, profile=str(profile))
        assert {e.path for e in site.log} == {"/rss/hk-tech.rss"}  # nothing it already has
    assert (first["linked_copies"], second["pages"]) == (1, 0)
    _, rows = warehouse.query(db, "select r.source, k.wire from releases as r join copies as k "
                                  "on k.copy_release_id = r.release_id")
    assert rows == [("pr-newswire", "pr-newswire")]
    _, rows = warehouse.query(db, "select value from claims where source = 'pr-newswire' and metric = 'tech_companies'")
    assert rows == [(2200.0,)]
