"""The whole monitor against the bundled sample site, served on 127.0.0.1, into a real DuckDB file.

Snapshot A, then snapshot B: the findings are exactly those of samples/site/expected-findings.yaml (the planted
cases plus `other_changes`), each with its check, metric, language, old and new value and dates, no false one
beside them, and the README states their number; the truncated page and the 404 are recorded
with their URL and reason; a rerun changes nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import warehouse

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "samples" / "site"
EXPECTED = yaml.safe_load((SITE / "expected-findings.yaml").read_text(encoding="utf-8"))

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _rows(db: Path, sql: str, params=None) -> list[dict]:
    cols, rows = warehouse.query(db, sql, params)
    return [dict(zip(cols, r)) for r in rows]


@pytest.fixture
def demo_run(sample_warehouse) -> dict:
    """Snapshot A, B, then B again, into one warehouse (tests/conftest.py; shared with the browser test)."""
    return sample_warehouse


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


def _finding_key(f: dict) -> tuple:
    """What tells one finding from another, as the oracle writes it."""
    return (f["check_name"], f.get("metric"), f["language"], _num(f.get("old_value")), _num(f.get("new_value")),
            str(f.get("old_published_on") or ""), str(f.get("new_published_on") or ""))


def expected_findings() -> list[dict]:
    """Every finding a correct run must make, and no other: the planted cases plus the changes the sample's
    About figures imply (both from samples/site/expected-findings.yaml, which the sample generator writes)."""
    return EXPECTED["planted"] + EXPECTED["other_changes"]


def test_findings_are_exactly_the_planted_and_expected_ones(demo_run):
    """A false finding fails here as surely as a missed one."""
    got = sorted(_finding_key(f) for f in _rows(demo_run["db"], "select * from findings"))
    want = sorted(_finding_key(c) for c in expected_findings())
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    assert not missing and not extra, f"missing: {missing}\nnot expected: {extra}"
    assert len(got) == len(want)  # none twice
    severities = {_finding_key(f): f["severity"] for f in _rows(demo_run["db"], "select * from findings")}
    wrong = [(k, severities[k], c["severity"]) for c in expected_findings() if c.get("severity")
             for k in [_finding_key(c)] if severities[k] != c["severity"]]
    assert not wrong, wrong


def _echo_findings_of_the_government_sample() -> int:
    """The demo also backfills samples/gia: one echo finding per stale or mismatched quote and language."""
    quoting = yaml.safe_load((REPO / "samples" / "gia" / "expected-echoes.yaml").read_text(encoding="utf-8"))["quoting"]
    return sum(1 + (q["zh"] is not None) for q in quoting if q["verdict"] in ("stale", "mismatch"))


def test_readme_states_the_demos_finding_count():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    # "so there are 30 in all" in the prose (the press room's), "39 findings in data/hkstp.duckdb" in the demo's
    # output (the press room's and the echo findings of the Government sample)
    prose = {int(a) for a in re.findall(r"there are (\d+) in all", text)}
    output = {int(b) for b in re.findall(r"\n\s+(\d+) findings in data/", text)}
    assert prose == {len(expected_findings())}, prose
    assert output == {len(expected_findings()) + _echo_findings_of_the_government_sample()}, output


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


def test_the_sample_site_fits_its_profile_so_no_run_raises_site_drift(demo_run):
    assert [run["site_drift"] for run in demo_run["runs"]] == [0, 0, 0]
    assert _rows(demo_run["db"], "select * from findings where check_name = 'site_drift'") == []
    assert _rows(demo_run["db"], "select * from core.site_signals") == []  # nor any discovery problem


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
