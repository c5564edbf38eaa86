"""Discovery that survives a redesign, and the `site_drift` findings that say the profile no longer fits.

The press room is samples/redesign (samples/build_redesign.py): snapshot C has markup that matches no selector
of the profile (tiles, numbered archive pages, rel=next); snapshot D moved its English releases under
/en/media-centre/press-releases/ and dropped the old English listing. Everything runs through the CLI, against
a real loopback server, into a real DuckDB file.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import warehouse
from flows.cli import main
from flows.loopback import LoopbackServer

REPO = Path(__file__).resolve().parents[1]
REDESIGN = REPO / "samples" / "redesign"

pytestmark = [pytest.mark.usefixtures("prefect_harness"), pytest.mark.slow]


def _builder():
    spec = importlib.util.spec_from_file_location("build_redesign", REPO / "samples" / "build_redesign.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_redesign"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop("build_redesign", None)
    return module


BUILD = _builder()


def run(db: Path, site: LoopbackServer, *extra: str, capsys) -> dict:
    capsys.readouterr()
    code = main(["run", "--base-url", site.base_url, "--lang", "en,zh-hk", "--min-gap", "0", "--db", str(db),
                 "--json", "--quiet", *extra])
    assert code == 0
    return json.loads(capsys.readouterr().out.strip().splitlines()[-1])


def release_paths(db: Path) -> dict[str, set[str]]:
    _, rows = warehouse.query(db, "select language, url from releases")
    out: dict[str, set[str]] = {}
    for language, url in rows:
        out.setdefault(language, set()).add(urlsplit(url).path)
    return out


def drift_findings(db: Path) -> list[dict]:
    cols, rows = warehouse.query(db, "select * from findings where check_name = 'site_drift' order by new_url")
    return [dict(zip(cols, r)) for r in rows]


def expected_paths(moved: bool) -> dict[str, set[str]]:
    return {lang: set(paths) for lang, paths in BUILD.expected(moved).items()}


def first_pages(moved: bool, pages: int) -> dict[str, set[str]]:
    return {lang: set(paths[: BUILD.PER_PAGE * pages]) for lang, paths in BUILD.expected(moved).items()}


def test_committed_redesign_snapshots_match_their_generator(tmp_path):
    BUILD.build(tmp_path)
    built = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    committed = {p.relative_to(REDESIGN): p.read_bytes() for p in REDESIGN.rglob("*") if p.is_file()}
    assert built == committed, "samples/redesign is stale: run samples/build_redesign.py"


@pytest.mark.parametrize("pages", [1, 2])
def test_listing_only_run_loads_every_release_linked_from_the_first_listing_pages_of_unknown_markup(
        tmp_path, capsys, pages):
    db = tmp_path / f"listing-{pages}.duckdb"
    with LoopbackServer(root=REDESIGN / "C") as site:
        result = run(db, site, "--listing-pages", str(pages), "--no-sitemap", capsys=capsys)
        requested = site.requested_paths()
    assert release_paths(db) == first_pages(moved=False, pages=pages)
    assert result["site_drift"] == 0 and drift_findings(db) == []
    assert not any(p.startswith(("/sitemap", "/about-us", "/contact-us")) for p in requested)


def test_a_full_run_after_the_move_finds_the_moved_releases_by_content_and_raises_site_drift(tmp_path, capsys):
    db = tmp_path / "moved.duckdb"
    with LoopbackServer(root=REDESIGN / "C") as site:
        before = run(db, site, capsys=capsys)
        assert release_paths(db) == expected_paths(moved=False)
        assert before["site_drift"] == 0 and drift_findings(db) == []  # the site fits its profile: no drift

        site.root = REDESIGN / "D"
        site.clear_log()
        after = run(db, site, capsys=capsys)
        requested = site.requested_paths()

    moved = expected_paths(moved=True)
    assert moved["en"] <= release_paths(db)["en"]  # every moved English release is loaded, by its content
    _, rows = warehouse.query(db, "select url from releases")
    loaded = {urlsplit(u).path for (u,) in rows}
    for not_a_release in ("/about-us/", "/contact-us/", "/en/media-centre/events/innovation-week-2025/",
                          "/en/media-centre/stories/a-day-at-the-wet-lab/"):
        assert not_a_release not in loaded
    assert "/about-us/" not in requested and "/contact-us/" not in requested  # never even fetched

    found = {f["new_sentence"]: f for f in drift_findings(db)}
    assert after["site_drift"] >= 1 and "site drift" in after["summary"]
    gone = found["listing_unreachable"]
    assert urlsplit(gone["new_url"]).path == "/news-room/"
    assert gone["old_text"] == "site.listing_pages" and "404" in gone["new_text"]
    assert "site.listing_pages" in gone["new_text"]
    by_content = found["found_by_content"]
    assert urlsplit(by_content["new_url"]).path == "/en/media-centre/press-releases/"
    assert by_content["old_text"] == "site.release_patterns" and "7 release page(s)" in by_content["new_text"]
    assert urlsplit(found["sitemap_unmatched"]["new_url"]).path == "/sitemap-en.xml"

    # The checks run again: the same findings, never a duplicate.
    ids = sorted(f["finding_id"] for f in drift_findings(db))
    rerun = warehouse.run_checks(db)
    assert [f for f in rerun.new_findings if f["check_name"] == "site_drift"] == []
    assert sorted(f["finding_id"] for f in drift_findings(db)) == ids


def test_a_listing_only_run_on_a_listing_that_is_gone_falls_back_on_the_newest_sitemap_entries(tmp_path, capsys):
    db = tmp_path / "fallback.duckdb"
    with LoopbackServer(root=REDESIGN / "D") as site:
        result = run(db, site, "--listing-pages", "1", "--no-sitemap", capsys=capsys)
    assert expected_paths(moved=True)["en"] <= release_paths(db)["en"]
    kinds = {f["new_sentence"] for f in drift_findings(db)}
    assert {"listing_unreachable", "listing_fallback_sitemap", "found_by_content"} <= kinds
    assert result["site_drift"] >= 3
