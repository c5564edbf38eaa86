"""The whole monitor against the bundled sample site, served on 127.0.0.1, into a real DuckDB file.

Snapshot A, then snapshot B: every planted case of samples/site/expected-findings.yaml must come out as a
finding with its check, metric, language, old and new value; the truncated page and the 404 are recorded
with their URL and reason; a rerun changes nothing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import warehouse
from flows.monitor import monitor
from flows.loopback import LoopbackServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site"
EXPECTED = yaml.safe_load((SITE / "expected-findings.yaml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _rows(db: Path, sql: str, params=None) -> list[dict]:
    cols, rows = warehouse.query(db, sql, params)
    return [dict(zip(cols, r)) for r in rows]


def _counts(db: Path) -> dict[str, int]:
    return {v: _rows(db, f"select count(*) as n from {v}")[0]["n"] for v in ("releases", "claims", "findings")}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e") / "hkstp.duckdb"
    with LoopbackServer(root=SITE / "A") as site:
        first = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0)
        after_a = _counts(db)
        site.root = SITE / "B"
        # snapshot B is the site weeks later: every known page is due its re-check (recheck_days 0)
        second = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)
        after_b = _counts(db)
        requests_before_rerun = len(site.log)
        third = monitor(base_url=site.base_url, db=str(db), min_gap_s=0.0, recheck_days=0)
        rerun_requests = site.log[requests_before_rerun:]
        after_rerun = _counts(db)
    return {"db": db, "runs": (first, second, third), "counts": (after_a, after_b, after_rerun),
            "rerun_requests": rerun_requests}


def _num(v):
    return None if v is None else float(v)


@pytest.mark.parametrize("case", EXPECTED["planted"], ids=lambda c: f"{c['check_name']}-{c.get('metric')}")
def test_planted_case_is_found(demo_run, case):
    rows = _rows(
        demo_run["db"],
        "select * from findings where check_name = ? and metric is not distinct from ? and language = ?",
        [case["check_name"], case.get("metric"), case["language"]],
    )
    wanted = [
        r for r in rows
        if _num(r["old_value"]) == _num(case.get("old_value")) and _num(r["new_value"]) == _num(case.get("new_value"))
    ]
    assert wanted, f"planted {case} not among {[(r['old_value'], r['new_value'], r['new_url']) for r in rows]}"
    if case.get("severity"):
        assert wanted[0]["severity"] == case["severity"]


def test_bad_pages_are_recorded_and_the_rest_loads(demo_run):
    db = demo_run["db"]
    problems = _rows(db, "select url, stage, reason from problems")
    for err in EXPECTED["expected_errors"]:
        hits = [p for p in problems if p["url"].endswith(err["url_path"])]
        assert hits, f"{err['url_path']} not recorded; problems: {problems}"
        assert err["reason_contains"].lower() in hits[0]["reason"].lower()
    # every release page of snapshot B other than the planted bad ones became a release edition
    editions = _rows(db, "select count(*) as n from releases")[0]["n"]
    assert editions == len(_release_pages(SITE / "B")) - len(
        [e for e in EXPECTED["expected_errors"] if e["url_path"] in _release_pages(SITE / "B")]
    )


def _release_pages(root: Path) -> set[str]:
    """URL paths of the release files of a snapshot, as the site profile recognises them."""
    from flows.profile import load_profile, release_match

    profile = load_profile()
    paths = set()
    for f in root.rglob("*"):
        if not f.is_file():
            continue
        rel = f.relative_to(root).as_posix()
        path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        if release_match(profile, "https://www.hkstp.org" + path):
            paths.add(path)
    return paths


def test_rerun_is_idempotent_and_conditional(demo_run):
    after_a, after_b, after_rerun = demo_run["counts"]
    assert after_b["releases"] > after_a["releases"]
    assert after_rerun == after_b
    third = demo_run["runs"][2]
    assert third["new_findings"] == 0
    assert third["fetched"] == 0  # everything answered 304 or came back byte-identical
    # an unchanged site: every request of the rerun is conditional and answered 304 (robots, sitemaps and
    # listings too), but for the dead link, which never had a body to validate
    dead = {e["url_path"] for e in EXPECTED["expected_errors"] if "404" in e["reason_contains"]}
    rerun = [e for e in demo_run["rerun_requests"] if e.path not in dead]
    assert rerun and all(e.headers.get("If-None-Match") and e.status == 304 for e in rerun), [
        (e.path, e.status) for e in rerun if e.status != 304][:5]


def test_claims_view_holds_the_about_figures(demo_run):
    rows = _rows(
        demo_run["db"],
        "select metric, count(distinct release_id) as n from claims where section = 'about' group by metric",
    )
    by_metric = {r["metric"]: r["n"] for r in rows}
    for metric in ("tech_companies", "research_professionals", "countries_regions"):
        assert by_metric.get(metric, 0) >= 10, by_metric


def _readme_queries() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    return [q.strip() for q in re.findall(r"```sql\n(.*?)```", text, flags=re.S)]


def test_readme_queries_run_on_the_demo_warehouse(demo_run):
    queries = _readme_queries()
    assert len(queries) >= 3
    for q in queries:
        cols, rows = warehouse.query(demo_run["db"], q)
        assert rows, f"README query returned nothing: {q}"


@pytest.mark.slow
def test_demo_command_in_a_subprocess(tmp_path):
    """What a user types: `hkstp-monitor demo` (no test harness: Prefect starts its own temporary server)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    db = tmp_path / "demo.duckdb"
    cli = [sys.executable, "-m", "flows.cli", "demo", "--db", str(db), "--json"]
    out = subprocess.run(cli, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    checks = {f["check_name"] for f in result["findings"]}
    assert {c["check_name"] for c in EXPECTED["planted"]} <= checks
    again = subprocess.run(cli, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(again.stdout.strip().splitlines()[-1])["counts"] == result["counts"]
