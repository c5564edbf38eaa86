"""`rebuild`: releases, claims and findings derived again from the raw store, asking no site.

One monitor history (sample site A, then B with a silently revised release) is made once; each test works on a
copy of its warehouse and raw store. The warehouse is first spoilt the way an older extractor would have left
it (other figures, a finding that only those figures raise), so a rebuild that changed nothing would fail.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

import warehouse
from flows.loopback import LoopbackServer
from flows.monitor import monitor
from flows.rebuild import rebuild
from flows.rawstore import RawStore
from warehouse.rebuild import side_path

pytestmark = pytest.mark.slow  # each test runs monitor or rebuild flows on the sample site (10-45 s)
SITE = Path(__file__).resolve().parents[1] / "samples" / "site"
serial_rebuild = rebuild.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))


def _rows(db: Path, sql: str) -> list[tuple]:
    return warehouse.query(db, sql)[1]


def snapshot(db: Path) -> dict[str, Counter]:
    """What an analyst sees: the releases, claims and current findings, as multisets of rows."""
    return {
        "releases": Counter(_rows(db, "select release_id, language, title, published_on, url, version_count "
                                      "from releases")),
        "claims": Counter(_rows(db, "select release_id, language, published_on, metric, value, value_high, qualifier, "
                                    "kind, unit, currency, text, section, url from claims")),
        "timeline": Counter(_rows(db, "select metric, language, published_on, value, qualifier, release_id "
                                      "from metric_timeline")),
        "findings": Counter(_rows(db, "select finding_id, check_name, severity, old_value, new_value, "
                                      "old_url, new_url from findings where is_current")),
    }


def _history(db: Path, site: LoopbackServer) -> None:
    site.root = SITE / "A"
    monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
    site.root = SITE / "B"
    monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)


@pytest.fixture(scope="module")
def histories(tmp_path_factory, prefect_harness) -> dict[str, Path]:
    """The same monitor history twice: `live` (to rebuild) and `fresh` (what a run over the same pages gives)."""
    root = tmp_path_factory.mktemp("rebuild")
    out = {}
    with LoopbackServer(root=SITE / "A") as site:
        for name in ("live", "fresh"):
            (root / name).mkdir()
            out[name] = root / name / "hkstp.duckdb"
            _history(out[name], site)
    return out


def _spoil(db: Path) -> None:
    """What an older extractor could have loaded: other About figures (a finding arises from them alone)."""
    with warehouse.write_connection(db) as con:
        con.execute("update core.claims set value = value + 7 where metric = 'tech_companies'")
        con.execute("update core.timeline set value = value + 7 where metric = 'tech_companies' "
                    "and release_id = (select min(release_id) from core.timeline where metric = 'tech_companies')")
    warehouse.run_checks(db)


@pytest.fixture
def live(histories, tmp_path) -> Path:
    """A copy of the live history (warehouse and raw store), spoilt."""
    shutil.copytree(histories["live"].parent, tmp_path / "live")
    db = tmp_path / "live" / "hkstp.duckdb"
    _spoil(db)
    return db


def test_rebuild_equals_a_fresh_run_and_keeps_reviews_and_fetch_history(live, histories):
    fresh = snapshot(histories["fresh"])
    spoilt = snapshot(live)
    assert spoilt["claims"] != fresh["claims"]
    spurious = set(spoilt["findings"]) - set(fresh["findings"])
    assert spurious  # the spoilt figures raised findings of their own
    acked = next(iter(set(spoilt["findings"]) & set(fresh["findings"])))[0]
    warehouse.set_finding_status(live, acked, "acknowledged")
    fetches_before = _rows(live, "select * from fetches order by url, fetched_at")

    result = serial_rebuild(db=str(live))

    assert result["problems"] == [] and result["parsed"] == result["pages"] > 50
    assert snapshot(live) == fresh  # same releases, claims, timeline and current findings as a fresh run
    assert _rows(live, f"select status from findings where finding_id = '{acked}'") == [("acknowledged",)]
    # a finding that no longer arises is closed (not current), not deleted
    gone = [f[0] for f in spurious]
    assert _rows(live, "select count(*), count(*) filter (where is_current) from findings "
                       f"where finding_id in (select unnest({gone}::varchar[]))") == [(len(gone), 0)]
    assert _rows(live, "select * from fetches order by url, fetched_at") == fetches_before
    assert not side_path(live).exists()
    # the revised release keeps both versions, the newer one current
    assert _rows(live, "select max(version_count) from releases") == _rows(histories["fresh"],
                                                                           "select max(version_count) from releases")


def test_a_page_missing_from_the_raw_store_is_a_problem_and_keeps_its_release(live, histories):
    url, sha, release_id = _rows(live, "select d.url, d.sha256, d.release_id from core.documents as d "
                                       "where d.release_id is not null and d.url like '%/news-room/%' "
                                       "order by d.url limit 1")[0]
    RawStore(live.parent / "raw").path(sha).unlink()

    result = serial_rebuild(db=str(live))

    assert [p["url"] for p in result["problems"]] == [url] and result["kept_releases"] == 1
    problems = _rows(live, "select stage, reason, resolved from problems where url = $1".replace("$1", f"'{url}'"))
    assert len(problems) == 1 and problems[0][0] == "rebuild" and "not in the raw store" in problems[0][1]
    assert not problems[0][2]
    # the release it belongs to is still there as it was loaded; every other release is rebuilt
    assert _rows(live, f"select count(*) from releases where release_id = '{release_id}'")[0][0] >= 1
    rebuilt = snapshot(live)["claims"]
    fresh = snapshot(histories["fresh"])["claims"]
    assert {c for c in rebuilt if c[0] != release_id} == {c for c in fresh if c[0] != release_id}


def test_a_rebuild_that_fails_half_way_changes_nothing_and_the_next_one_resumes(live, histories, monkeypatch):
    import flows.rebuild as module

    before = snapshot(live)
    real_load = module.load_side

    @module.task(name="load-side", cache_policy=module.NO_CACHE)
    def failing_load(side, docs, run_id, batch_no):
        if batch_no == 3:
            raise RuntimeError("the machine went away")
        return real_load.fn(side, docs, run_id, batch_no)

    monkeypatch.setattr(module, "load_side", failing_load)
    with pytest.raises(RuntimeError, match="went away"):
        serial_rebuild(db=str(live), batch_size=10)
    assert snapshot(live) == before  # readers never saw half a rebuild
    assert side_path(live).exists()

    monkeypatch.setattr(module, "load_side", real_load)
    result = serial_rebuild(db=str(live), batch_size=10)
    assert result["resumed"] == 20 and result["parsed"] == result["pages"] - 20
    assert snapshot(live) == snapshot(histories["fresh"])


def test_since_rebuilds_only_the_newer_releases(live, histories):
    result = serial_rebuild(db=str(live), since=date(2024, 7, 1))
    assert 0 < result["releases_rebuilt"] < _rows(live, "select count(distinct release_id) from releases")[0][0]
    rebuilt, fresh = snapshot(live)["claims"], snapshot(histories["fresh"])["claims"]
    older_spoilt = [c for c in rebuilt if c[3] == "tech_companies" and c[2] is not None and str(c[2]) < "2024-07-01"]
    assert older_spoilt and not set(older_spoilt) & set(fresh)  # releases before `since` kept their (old) figures
    assert {c for c in rebuilt if c[2] is not None and str(c[2]) >= "2024-07-01"} == \
        {c for c in fresh if c[2] is not None and str(c[2]) >= "2024-07-01"}


def test_a_dask_cluster_given_by_address_builds_the_same_warehouse_as_a_serial_rebuild(live, tmp_path,
                                                                                       harness_api_url):
    distributed = pytest.importorskip("distributed")
    from flows.cli import main

    shutil.copytree(live.parent, tmp_path / "serial")
    serial = tmp_path / "serial" / "hkstp.duckdb"
    serial_rebuild(db=str(serial))
    # a cluster of the user's, started elsewhere: its workers are told where the Prefect API is, as a
    # cluster's workers must be (else each starts a temporary API server of its own)
    with distributed.LocalCluster(n_workers=4, processes=True, threads_per_worker=1, dashboard_address=":0",
                                  env={"PREFECT_API_URL": harness_api_url}) as cluster:
        assert main(["rebuild", "--db", str(live), "--dask-address", cluster.scheduler_address, "--json"]) == 0
        workers_used = len(cluster.scheduler.workers)
    assert workers_used == 4
    assert snapshot(live) == snapshot(serial)


def test_a_local_cluster_rebuild_builds_the_same_warehouse_and_releases_its_workers_before_the_swap(
        live, tmp_path, harness_api_url, monkeypatch):
    # the default runner: a LocalCluster of the flow's own, its batches sent as PageBatch objects; once the parse
    # is done its workers are let go (while the swap and checks run), a cluster given by address never is
    from prefect.context import FlowRunContext

    import flows.rebuild as module
    from flows.parallel import dask_runner

    monkeypatch.setenv("PREFECT_API_URL", harness_api_url)  # what share_prefect_api gives the workers
    shutil.copytree(live.parent, tmp_path / "serial")
    serial = tmp_path / "serial" / "hkstp.duckdb"
    serial_rebuild(db=str(serial))
    workers_after_release = []

    def watched_release() -> None:
        client = FlowRunContext.get().task_runner.client
        assert len(client.scheduler_info()["workers"]) == 2
        real_release()
        deadline = time.monotonic() + 30
        while client.scheduler_info()["workers"] and time.monotonic() < deadline:
            time.sleep(0.2)
        workers_after_release.append(len(client.scheduler_info()["workers"]))

    real_release = module.release_workers
    monkeypatch.setattr(module, "release_workers", watched_release)
    result = rebuild.with_options(task_runner=dask_runner(workers=2))(db=str(live))
    assert result["parsed"] == result["pages"] > 50 and result["problems"] == []
    assert workers_after_release == [0]
    assert snapshot(live) == snapshot(serial)


def test_a_backfill_parsing_on_the_task_runner_loads_what_an_in_process_one_does(tmp_path, prefect_harness,
                                                                                  monkeypatch):
    # above HKSTP_PARALLEL_MIN_PAGES, run submits its parse batches to the flow's task runner (a Dask cluster
    # by default; a thread pool here, Prefect's way of overriding it) while it fetches the next batch
    from prefect.task_runners import ThreadPoolTaskRunner

    import flows.monitor as module

    monkeypatch.setenv("HKSTP_BATCH_SIZE", "7")
    with LoopbackServer(root=SITE / "A") as site:
        monitor(base_url=site.base_url, db=str(tmp_path / "serial.duckdb"), min_gap_s=0.0)
        monkeypatch.setenv("HKSTP_PARALLEL_MIN_PAGES", "0")

        @module.task(name="parse-and-extract-in-process")
        def in_process(*args, **kwargs):
            raise AssertionError("the backfill parsed in process")

        monkeypatch.setattr(module, "parse_and_extract", in_process)
        module.monitor.with_options(task_runner=ThreadPoolTaskRunner(max_workers=2))(
            base_url=site.base_url, db=str(tmp_path / "parallel.duckdb"), min_gap_s=0.0)
    assert _rows(tmp_path / "parallel.duckdb", "select count(*) from claims")[0][0] > 400
    assert snapshot(tmp_path / "parallel.duckdb") == snapshot(tmp_path / "serial.duckdb")
    problems = "select url, stage, reason from problems order by all"
    assert _rows(tmp_path / "parallel.duckdb", problems) == _rows(tmp_path / "serial.duckdb", problems)


def test_batches_loaded_as_columns_into_a_held_side_equal_load_documents(tmp_path):
    # what the rebuild does with a worker's columns (warehouse.load.document_columns) on the side warehouse's
    # held connection must give the rows load_documents gives; the timeline is left to the swap
    from warehouse.load import document_columns, join_columns
    from warehouse.rebuild import load_into_side, side_writer
    from warehouse.testing import claim, document, parse_failure

    first = [document("r1", "en", "2024-02-28", [claim("tech_companies", 1700, "about"), claim("unicorns", 10)]),
             document("r1", "zh-hant", "2024-02-28", [claim("tech_companies", 1700, "about")])]
    failed = [parse_failure("https://www.hkstp.org/en/news-room/gone/", "raw store: gone")]
    second = [document("r2", "en", "2024-03-12", [claim("tech_companies", 1800, "about")]),
              document("r1", "en", "2024-02-28", [claim("tech_companies", 1700, "about"), claim("unicorns", 10)],
                       fetched_at="2024-01-05T00:00:00Z")]  # the same bytes, first fetched earlier
    plain, side = tmp_path / "plain.duckdb", tmp_path / "side.duckdb"
    warehouse.load_documents(plain, first + failed)
    warehouse.load_documents(plain, second)
    seconds: dict[str, float] = {}
    with side_writer(side, seconds):
        load_into_side(side, join_columns(document_columns(first), document_columns(failed)))
        assert load_into_side(side, document_columns(second)).claims == 1
    assert "side_checkpoint" in seconds and not side.with_name(side.name + ".wal").exists()

    rows = {
        "documents": "select url, sha256, fetched_at, release_id, language, version_id, error from core.documents",
        "releases": "select release_id, first_seen_at, last_seen_at from core.releases",
        "editions": "select release_id, language, first_seen_at, last_seen_at from core.editions",
        "versions": "select version_id, version_no, title, published_on, url, first_seen_at, last_seen_at "
                    "from core.versions",
        "sections": "select version_id, ordinal, text from core.sections",
        "claims": "select claim_id, version_id, metric, value, qualifier, text from core.claims",
    }
    for table, sql in rows.items():
        assert Counter(_rows(side, sql)) == Counter(_rows(plain, sql)), table
    assert _rows(plain, "select count(*) from core.timeline")[0][0] > 0
    assert _rows(side, "select count(*) from core.timeline") == [(0,)]


KILLABLE_REBUILD = """
import sys, time
from prefect.task_runners import ThreadPoolTaskRunner
import flows.rebuild as module

real = module.load_side.fn

@module.task(name="load-side", cache_policy=module.NO_CACHE)
def slow_load(side, docs, run_id, batch_no):
    time.sleep(1.0)  # time for the test to pull the plug between batches
    return real(side, docs, run_id, batch_no)

module.load_side = slow_load
module.rebuild.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))(db=sys.argv[1], batch_size=5)
"""


def test_kill_9_mid_rebuild_leaves_the_warehouse_whole_and_the_next_rebuild_resumes(live, histories, tmp_path,
                                                                                    harness_api_url):
    import os
    import signal
    import subprocess
    import sys
    import time

    before = snapshot(live)
    env = {**os.environ, "PREFECT_API_URL": harness_api_url, "PREFECT_LOGGING_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE_REBUILD, str(live)], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while not side_path(live).exists():
        assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(3.5)  # a few batches of five pages are in the side warehouse, most are not
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)

    assert snapshot(live) == before  # nothing half-rebuilt reached the live warehouse
    result = serial_rebuild(db=str(live))
    assert 0 < result["resumed"] < result["pages"]
    assert snapshot(live) == snapshot(histories["fresh"])


def test_an_unreachable_dask_scheduler_is_named_with_what_to_check(live):
    import dask

    from flows.parallel import dask_runner
    from transforms.errors import HkstpMonitorError

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        with pytest.raises(HkstpMonitorError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 .*"
                                                    r"--dask-address or HKSTP_DASK_ADDRESS"):
            rebuild.with_options(task_runner=dask_runner(address="tcp://127.0.0.1:9"))(db=str(live))
    assert _rows(live, "select count(*) from core.documents")[0][0] > 50  # the live warehouse is intact
