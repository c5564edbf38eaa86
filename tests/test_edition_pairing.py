"""Editions whose slugs differ but which name each other (hreflang both ways) are one release, whether they were
loaded by one run, by two runs, or derived again by `rebuild` (which reads every stored page at once)."""

from __future__ import annotations

from pathlib import Path

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

import warehouse
from flows.loopback import LoopbackServer
from flows.monitor import monitor
from flows.rebuild import rebuild
from tests.test_hostile_2 import SITE, news_page, serve

pytestmark = pytest.mark.slow  # monitor and rebuild flows on a loopback site (~10 s each)
serial_rebuild = rebuild.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))

EN, ZH = "/news-room/incubation-cohort-doubles/", "/zh-hk/news-room/fu-hua-ji-hua-ren-shu-fan-yi-fan/"
BOTH = {"en": SITE + EN, "zh-hk": SITE + ZH}
EN_PAGE = news_page("incubation-cohort-doubles", "Incubation Cohort Doubles", "03 Jul 2024", "over 1,800",
                    alternates=BOTH)
ZH_PAGE = news_page("fu-hua-ji-hua-ren-shu-fan-yi-fan", "培育計劃人數倍增", "2024年07月03日", "逾1,800",
                    lang="zh-hk", alternates=BOTH)


def editions(db: Path) -> list[tuple]:
    return warehouse.query(db, "select release_id, language from releases order by language")[1]


def test_editions_named_both_ways_stay_one_release_through_a_rebuild(tmp_path, prefect_harness):
    db = tmp_path / "hkstp.duckdb"
    with LoopbackServer() as site:
        serve(site, {EN: EN_PAGE, ZH: ZH_PAGE})
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
    paired = [("incubation-cohort-doubles", "en"), ("incubation-cohort-doubles", "zh-hant")]
    assert editions(db) == paired

    serial_rebuild(db=str(db))

    assert editions(db) == paired


def test_an_edition_fetched_a_run_after_its_english_page_joins_its_release(tmp_path, prefect_harness):
    db = tmp_path / "hkstp.duckdb"
    with LoopbackServer() as site:
        serve(site, {EN: EN_PAGE})
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        serve(site, {EN: EN_PAGE, ZH: ZH_PAGE})  # the Chinese edition is published a day later
        monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
    paired = [("incubation-cohort-doubles", "en"), ("incubation-cohort-doubles", "zh-hant")]
    assert editions(db) == paired

    serial_rebuild(db=str(db))

    assert editions(db) == paired
