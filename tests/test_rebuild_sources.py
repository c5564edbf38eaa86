"""`rebuild` of a warehouse that follows more than the press room: the Government's press releases (source `gia`)
and a newswire feed's copy of an HKSTP release. Each stored page is read again as its own source reads it (the
Government's parser and release keys; a copy named by its wire, repaired and linked to its original), so a
rebuild with nothing upgraded changes nothing an analyst sees: the same releases and sources, the same claims,
the same echo findings under the same ids (their review status stays with them) and the same copy links.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

import warehouse
from flows.demo import GIA_SAMPLE, GIA_SAMPLE_DAYS
from flows.loopback import LoopbackServer
from flows.monitor import monitor
from flows.rebuild import rebuild

pytestmark = pytest.mark.slow  # a press-room run, a Government backfill and a newswire run (~20 s)
REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site"
serial_rebuild = rebuild.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))

# A wire's copy of a press-room release of sample site A, in words of our own; its glued "2,200technology" is
# what copies lose and the repair puts back before the figure is read.
COPY_TITLE = "HKSTP Begins Planning for Next InnoPark Site"
COPY_PARAGRAPHS = [
    "HONG KONG, Sept. 18, 2025 /PRNewswire/ -- HKSTP has begun planning a new InnoPark site of about 20 hectares, "
    "to be built in phases for advanced manufacturing and life sciences.",
    "The first phase is to hold multi-storey production buildings whose loading bays manufacturers share.",
    "HKSTP's I&T ecosystem today supports over 14 unicorns with more than 15,000 research professionals and over "
    "2,200technology companies from 25 countries and regions.",
]


def _rows(db: Path, sql: str) -> list[tuple]:
    return warehouse.query(db, sql)[1]


def snapshot(db: Path) -> dict[str, Counter]:
    return {
        "releases": Counter(_rows(db, "select release_id, source, language, title, published_on, url, version_count "
                                      "from releases")),
        "claims": Counter(_rows(db, "select release_id, source, language, metric, value, qualifier, subject, scope, "
                                    "as_of, text, section, url from claims")),
        "findings": Counter(_rows(db, "select finding_id, check_name, severity, old_value, new_value, old_url, new_url "
                                      "from findings where is_current")),
        "copies": Counter(_rows(db, "select copy_release_id, copy_language, original_release_id, wire from copies")),
    }


def _copy_page() -> str:
    body = "".join(f"<p>{p}</p>" for p in COPY_PARAGRAPHS)
    return (f"<html><head><title>{COPY_TITLE} | PR Newswire</title></head><body><h1>{COPY_TITLE}</h1>{body}"
            "</body></html>")


@pytest.fixture(scope="module")
def followed(tmp_path_factory, prefect_harness) -> Path:
    """The press room (sample A, then B), the Government's releases of the sample days, a newswire copy."""
    from flows.sources.gia import gia_source
    from flows.sources.newswire import newswire_source

    db = tmp_path_factory.mktemp("sources") / "hkstp.duckdb"
    with LoopbackServer(root=SITE / "A") as site:
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        site.root = SITE / "B"
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)
    with LoopbackServer(root=GIA_SAMPLE) as gov:
        gia_source(since=GIA_SAMPLE_DAYS[0], until=GIA_SAMPLE_DAYS[1], db=str(db), base_url=gov.base_url,
                   min_gap_s=0.0)
    routes = {
        "/news-releases/hkstp-begins-planning-301.html": _copy_page(),
        "/rss/hk-tech.rss": (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>HK tech</title>'
            f"<item><title>{COPY_TITLE}</title>"
            "<link>https://www.prnewswire.com/news-releases/hkstp-begins-planning-301.html</link>"
            "<description>HKSTP plans a new InnoPark site.</description></item></channel></rss>"),
    }
    profile = db.parent / "wires.yaml"
    profile.write_text((REPO / "flows/profiles/newswires.yaml").read_text(encoding="utf-8").replace(
        "feeds: {}", "feeds: {hk-tech: /rss/hk-tech.rss}"), encoding="utf-8")
    with LoopbackServer(routes=routes) as wire:
        newswire_source(db=str(db), base_url=wire.base_url, min_gap_s=0.0, profile=str(profile))
    return db


@pytest.fixture
def live(followed, tmp_path) -> Path:
    shutil.copytree(followed.parent, tmp_path / "live")
    return tmp_path / "live" / "hkstp.duckdb"


def test_a_rebuild_reads_every_source_as_it_was_read_and_changes_nothing(live):
    before = snapshot(live)
    sources = {source for _, source, *_ in before["releases"]}
    assert {"hkstp", "gia", "pr-newswire"} <= sources
    assert any(name.startswith("echo_") for _, name, *_ in before["findings"])
    assert before["copies"]
    echo = next(f for f in before["findings"] if f[1].startswith("echo_"))[0]
    warehouse.set_finding_status(live, echo, "acknowledged")

    result = serial_rebuild(db=str(live))

    assert result["problems"] == []
    after = snapshot(live)
    for part in ("releases", "claims", "findings", "copies"):
        assert after[part] == before[part], part
    assert _rows(live, f"select status from findings where finding_id = '{echo}'") == [("acknowledged",)]


def test_a_government_page_gone_from_the_raw_store_is_a_problem_that_names_its_source(live):
    from flows.rawstore import RawStore

    url, sha, release_id = _rows(live, "select url, sha256, release_id from core.documents where source = 'gia' "
                                       "and release_id is not null order by url limit 1")[0]
    claims_before = Counter(_rows(live, f"select metric, value, text from claims where release_id = '{release_id}'"))
    assert claims_before
    RawStore(live.parent / "raw").path(sha).unlink()

    result = serial_rebuild(db=str(live))

    assert [p["url"] for p in result["problems"]] == [url]
    assert "hkstp-monitor run --source gia --refetch" in result["problems"][0]["reason"]
    # its release keeps what it was loaded as
    assert Counter(_rows(live, f"select metric, value, text from claims where release_id = '{release_id}'")) \
        == claims_before
