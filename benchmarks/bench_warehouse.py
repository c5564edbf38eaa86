"""Warehouse at scale: load 1 million synthetic claims in batches, then run all the checks (target < 2 s).

    .venv/bin/python benchmarks/bench_warehouse.py [--claims 1000000] [--batch-docs 500] [--db PATH]

Prints the figures and writes benchmarks/results-warehouse.json. Synthetic data: releases over 20 years in
three languages, 50 claims per edition (20 about vocabulary metrics, one of which moves in 1 release of 10;
the rest unnamed), 1% of zh-hans figures mistranslated, 0.5% of qualifiers changed, and 2% of editions revised once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402

import warehouse  # noqa: E402
from transforms.model import Claim, DocumentResult, Release, Section  # noqa: E402

LANGUAGES = ("en", "zh-hant", "zh-hans")
CLAIMS_PER_EDITION = 50
METRICS_PER_EDITION = 20
METRIC_KEYS = [f"metric_{i:02d}" for i in range(40)]
QUALIFIERS = ("exact", "about", "over", "over", "over")


def synthetic_documents(n_claims: int, seed: int = 7):
    """Yield DocumentResults until n_claims claims have been produced (revisions included)."""
    rng = random.Random(seed)
    level = {m: rng.randint(50, 20000) for m in METRIC_KEYS}
    start = date(2005, 1, 1)
    produced = 0
    release_no = 0
    while produced < n_claims:
        release_no += 1
        published = start + timedelta(days=release_no * 7300 // max(1, n_claims // (CLAIMS_PER_EDITION * 3)))
        if rng.random() < 0.1:  # a figure moves now and then, mostly up
            m = rng.choice(METRIC_KEYS)
            level[m] = max(1, int(level[m] * rng.choice((1.02, 1.05, 1.1, 0.97, 0.85))))
        metrics = rng.sample(METRIC_KEYS, METRICS_PER_EDITION)
        release_id = f"rel-{release_no:06d}"
        for lang in LANGUAGES:
            claims = []
            for i in range(CLAIMS_PER_EDITION):
                metric = metrics[i] if i < METRICS_PER_EDITION else None
                value = float(level[metric]) if metric else float(rng.randint(1, 5000))
                if metric and lang == "zh-hans" and rng.random() < 0.01:
                    value += 1  # an occasional translation slip
                qualifier = QUALIFIERS[METRIC_KEYS.index(metric) % 5] if metric else QUALIFIERS[i % 5]
                if metric and rng.random() < 0.005:
                    qualifier = "nearly"  # an occasional change of qualifier
                text = f"{qualifier} {value:,.0f} {metric or 'things'}"
                claims.append(Claim(value=value, qualifier=qualifier, metric=metric, text=text,
                                    sentence=f"In {published.year}, HKSTP reported {text} across its parks.",
                                    section="about" if i < 4 else "body"))
            url = f"https://www.hkstp.org/{lang}/news-room/{release_id}/"
            body = " ".join(c.sentence for c in claims)
            release = Release(title=f"Release {release_no}", language=lang, published_on=published, url=url,
                              sections=[Section("body", body), Section("about", "About HKSTP.")])
            fetched = f"{published.isoformat()}T09:00:00Z"
            yield DocumentResult(url=url, sha256=f"{release_id}-{lang}", fetched_at=fetched, release_id=release_id,
                                 release=release, claims=claims, source="sample")
            produced += len(claims)
            if rng.random() < 0.02:  # revised a week later: one figure changed
                claims2 = list(claims)
                c0 = claims2[0]
                claims2[0] = Claim(value=c0.value + 1, qualifier=c0.qualifier, metric=c0.metric, text=c0.text + "+",
                                   sentence=c0.sentence, section=c0.section)
                release2 = Release(title=release.title, language=lang, published_on=published, url=url,
                                   sections=[Section("body", body + " Updated."), Section("about", "About HKSTP.")])
                fetched2 = f"{(published + timedelta(days=7)).isoformat()}T09:00:00Z"
                yield DocumentResult(url=url, sha256=f"{release_id}-{lang}-v2", fetched_at=fetched2,
                                     release_id=release_id, release=release2, claims=claims2, source="sample")
                produced += len(claims2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--batch-docs", type=int, default=500)
    ap.add_argument("--db", type=Path, default=None, help="warehouse file (default: a temporary one)")
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("results-warehouse.json"))
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-warehouse-")
    db = args.db or Path(tmp) / "bench.duckdb"
    warehouse.migrate(db)
    with warehouse.write_connection(db) as con:  # a quarter of the metrics are running totals
        con.execute("insert into core.metrics (key, cumulative) select unnest($1::varchar[]), true "
                    "on conflict (key) do update set cumulative = true", [METRIC_KEYS[::4]])

    load_s = 0.0
    claims = docs = batches = 0
    batch: list[DocumentResult] = []

    def flush() -> None:
        nonlocal load_s, claims, docs, batches
        t = time.perf_counter()
        summary = warehouse.load_documents(db, batch, flow_run_id="bench")
        load_s += time.perf_counter() - t
        claims += summary.claims
        docs += len(batch)
        batches += 1
        batch.clear()

    for doc in synthetic_documents(args.claims):
        batch.append(doc)
        if len(batch) >= args.batch_docs:
            flush()
    if batch:
        flush()

    t = time.perf_counter()
    first = warehouse.run_checks(db)
    checks_first_s = time.perf_counter() - t
    again = []
    for _ in range(3):
        t = time.perf_counter()
        second = warehouse.run_checks(db)
        again.append(time.perf_counter() - t)

    # the check queries alone (no merge, no commit), best of three: the part that grows with the data
    from warehouse.checks import CheckSettings, check_files, check_sql, parameters_of

    sql_only = []
    with warehouse.read_connection(db) as con:
        for _ in range(3):
            t = time.perf_counter()
            for name in check_files():
                sql = check_sql(name)
                con.execute(f"select count(*) from (\n{sql}\n)", parameters_of(sql, CheckSettings())).fetchall()
            sql_only.append(time.perf_counter() - t)

    t = time.perf_counter()
    warehouse.load_documents(db, [], flow_run_id="bench")
    empty_load_s = time.perf_counter() - t

    t = time.perf_counter()
    _, rows = warehouse.query(db, "select count(*) from metric_timeline")
    timeline_rows = rows[0][0]
    timeline_s = time.perf_counter() - t

    result = {
        "claims_loaded": claims,
        "documents": docs,
        "batches": batches,
        "batch_docs": args.batch_docs,
        "load_seconds": round(load_s, 2),
        "load_claims_per_second": round(claims / load_s),
        "checks_first_run_seconds": round(checks_first_s, 2),
        "checks_later_runs_seconds": [round(x, 2) for x in again],
        "checks_sql_only_best_seconds": round(min(sql_only), 2),
        "checks_target_seconds": 2.0,
        "findings": sum(first.counts_by_check.values()),
        "findings_by_check": first.counts_by_check,
        "findings_second_run_new": len(second.new_findings),
        "timeline_rows": timeline_rows,
        "timeline_count_seconds": round(timeline_s, 2),
        "empty_batch_seconds": round(empty_load_s, 3),
        "db_megabytes": round(os.path.getsize(db) / 1e6, 1),
        "duckdb": duckdb.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_end": round(os.getloadavg()[0], 2),  # the machine is shared: context for the timings
    }
    for k, v in result.items():
        print(f"{k:28} {v}")
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {args.out}")
    if args.db is None:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
