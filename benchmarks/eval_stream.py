"""Finding precision and recall on a press room of ten years of a park's standing figures (issue 19).

    .venv/bin/python benchmarks/eval_stream.py [--site DIR] [--expected FILE] [--code DIR] [--show] [--out FILE]

The press room (benchmarks/stream/site/: English, Traditional and Simplified editions, full of events,
delegations, expos, targets, past figures given for comparison, other organisations' figures, years, as-of dates
older than the release) was written, with its expected findings (benchmarks/stream/expected-findings.yaml), by
someone who had not read the code. The scorer serves the site on 127.0.0.1 (flows/loopback.py), runs the
monitor flow into a fresh DuckDB file (which runs the checks), and compares the `findings` view with the list.

How a finding matches an expected one: same check_name, metric, subject, language, old_value and new_value
(values equal within 1e-6 relative). Each expected finding is matched at most once and each finding at most once
(a multiset match). Only the four figure checks are scored (figure_changed, qualifier_changed, figure_conflict,
translation_mismatch): release_revised and site_drift are about pages, not figures, and the site has none.
A warehouse made by code that has no `subject` column (main before issue 19) is scored with every finding's
subject taken as `hkstp`, the press room's own organisation: that is what such code compared everything as.
A null subject stays null (and matches only an expected null).

precision = matched findings / findings; recall = matched expected / expected; per check, per language (for
translation_mismatch the language is the pair, e.g. en/zh-hant) and over all. `--code DIR` runs another checkout's
flows, transforms and warehouse (e.g. main's, exported with `git archive main flows transforms warehouse samples
| tar -x -C DIR`), to measure the code before a change with the same scorer.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT / "benchmarks" / "stream"
FIGURE_CHECKS = ("figure_changed", "qualifier_changed", "figure_conflict", "translation_mismatch")
KEY_FIELDS = ("check_name", "metric", "subject", "language", "old_value", "new_value")


def load_expected(path: Path) -> list[dict]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data["findings"] if isinstance(data, dict) else data
    return [f for f in items if f["check_name"] in FIGURE_CHECKS]


def run_monitor(site: Path, db: Path) -> list[dict]:
    """Serve `site`, run the monitor flow on it into `db`; the findings of the four figure checks."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # its temporary server phones no one
    import warehouse
    from flows.loopback import LoopbackServer
    from flows.monitor import monitor

    with LoopbackServer(root=site) as server:
        monitor(base_url=server.base_url, db=str(db), min_gap_s=0.0)
    cols, rows = warehouse.query(db, "select * from findings")
    found = [dict(zip(cols, r)) for r in rows]
    has_subject = "subject" in cols
    out = []
    for f in found:
        if f["check_name"] not in FIGURE_CHECKS:
            continue
        if not has_subject:
            f["subject"] = "hkstp"
        out.append(f)
    return out


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _matches(found: dict, expected: dict) -> bool:
    return all(
        _same_value(found.get(k), expected.get(k)) if k in ("old_value", "new_value")
        else found.get(k) == expected.get(k)
        for k in KEY_FIELDS
    )


def match(found: list[dict], expected: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched pairs, findings matched by nothing, expected findings nothing matched)."""
    left = list(expected)
    pairs, extra = [], []
    for f in found:
        hit = next((e for e in left if _matches(f, e)), None)
        if hit is None:
            extra.append(f)
        else:
            left.remove(hit)
            pairs.append((f, hit))
    return pairs, extra, left


def _ratio(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def score(found: list[dict], expected: list[dict]) -> dict:
    pairs, extra, missed = match(found, expected)
    groups: dict[str, Counter] = defaultdict(Counter)
    for label, key in (("check", "check_name"), ("language", "language")):
        for f in found:
            groups[f"{label}:{f[key]}"]["found"] += 1
        for e in expected:
            groups[f"{label}:{e[key]}"]["expected"] += 1
        for f, _e in pairs:
            groups[f"{label}:{f[key]}"]["matched"] += 1
    by = {
        g: {"found": c["found"], "expected": c["expected"], "matched": c["matched"],
            "precision": _ratio(c["matched"], c["found"]), "recall": _ratio(c["matched"], c["expected"])}
        for g, c in sorted(groups.items())
    }
    return {
        "found": len(found), "expected": len(expected), "matched": len(pairs),
        "precision": _ratio(len(pairs), len(found)), "recall": _ratio(len(pairs), len(expected)),
        "by": by,
        "false_findings": [{k: f.get(k) for k in (*KEY_FIELDS, "old_text", "new_text", "old_url", "new_url")}
                           for f in extra],
        "missed": [{k: e.get(k) for k in (*KEY_FIELDS, "old_text", "new_text", "why")} for e in missed],
    }


def evaluate(site: Path = STREAM / "site", expected: Path = STREAM / "expected-findings.yaml",
             db: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="eval-stream-") as tmp:
        found = run_monitor(site, db or Path(tmp) / "stream.duckdb")
    return score(found, load_expected(expected))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=STREAM / "site")
    ap.add_argument("--expected", type=Path, default=STREAM / "expected-findings.yaml")
    ap.add_argument("--code", type=Path, default=ROOT, help="checkout whose flows/transforms/warehouse run")
    ap.add_argument("--show", action="store_true", help="list false and missed findings")
    ap.add_argument("--out", type=Path, help="write the score as JSON here")
    ap.add_argument("--db", type=Path, help="keep the warehouse here (a fresh file; default: a temporary one)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.code.resolve()))
    if args.db and args.db.exists():
        args.db.unlink()
    result = evaluate(args.site.resolve(), args.expected.resolve(), args.db)
    import flows

    result["code"] = str(Path(flows.__file__).resolve().parents[1])  # the checkout that really ran
    print(f"code: {result['code']}")
    print(f"findings {result['found']}, expected {result['expected']}, matched {result['matched']}: "
          f"precision {result['precision']}, recall {result['recall']}")
    for g, c in result["by"].items():
        print(f"  {g:32} found {c['found']:3}  expected {c['expected']:3}  matched {c['matched']:3}  "
              f"precision {c['precision']}  recall {c['recall']}")
    if args.show:
        for title, rows in (("false findings", result["false_findings"]), ("missed", result["missed"])):
            print(f"{title}:")
            for r in rows:
                print("  " + json.dumps(r, ensure_ascii=False, default=str))
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
