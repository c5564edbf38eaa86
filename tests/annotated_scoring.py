"""Scoring of the extractor on the annotated sets in tests/data (our own writing); shared by the tests and the
benchmark.

A row lists every figure of its sentence (value, qualifier, kind, currency; `value_high` for a range; `metric`
where the figure is one of the vocabulary's) and, in the second set, every number that is NOT a figure
(`not_figures`: stock codes, phone numbers, street numbers, chapters, list numbers, dates, plan names ...,
each with the values a reader might wrongly take from it). Claims of kind year, date and quarter are not
figures and are left out of the comparison. The third set (written by an annotator who had not read the
extractor) gives every claim a `value_high` (null when it is no range) and every row a `style` (gia, legco,
newswire, newspaper): `by_style` scores each.

- precision: claims that match a labelled figure (value, high value, currency) / all claims
- recall_q: labelled figures found with the right qualifier / labelled figures
- nonfig: non-figures whose value comes out as a claim that matches no figure / non-figures
"""

from __future__ import annotations

import json
from pathlib import Path

from transforms.claims import extract_claims

DATA = Path(__file__).with_name("data")
SETS = {"first": DATA / "claims_annotated.jsonl", "second": DATA / "claims_annotated_2.jsonl",
        "third": DATA / "claims_annotated_3.jsonl"}
NOT_FIGURES = ("year", "date", "quarter")


def load(name: str) -> list[dict]:
    return load_annotated(SETS[name])


def load_annotated(path: Path) -> list[dict]:
    """An annotated claim set (ours, or `hkstp-monitor export --rejected`): one JSON object a line, blank lines
    skipped, each with id, language, text and claims (value, qualifier, metric, currency; value_high for a range)."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        missing = {"id", "language", "text", "claims"} - row.keys()
        if missing:
            raise ValueError(f"{path}: row {row.get('id')} lacks {sorted(missing)}")
        for c in row["claims"]:
            if not {"value", "qualifier", "currency"} <= c.keys():
                raise ValueError(f"{path}: row {row['id']}: claim lacks value, qualifier or currency: {c}")
    return rows


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(1e-9 * abs(b), 0.01 if abs(b) < 100 and b != int(b) else 1e-9)


def _same_currency(claim, exp: dict) -> bool:
    """A leverage ratio ("every HK$1 ... HK$19") is a multiple: the first set labels it with the currency of its
    base and the extractor keeps that currency, the third labels it with none; either reading is the figure."""
    if exp.get("kind") == "ratio" and claim.kind == "ratio":
        return exp["currency"] in (None, claim.currency)
    return claim.currency == exp["currency"]


def score(rows: list[dict]) -> tuple[dict, list]:
    expected = found = qual_ok = kind_ok = metric_ok = metric_n = extra = nonfig = nonfig_hit = 0
    misses: list = []
    for row in rows:
        got = [c for c in extract_claims(row["text"], row["language"]) if c.kind not in NOT_FIGURES]
        remaining = list(got)
        for exp in row["claims"]:
            expected += 1
            match = next((c for c in remaining if _same(c.value, exp["value"]) and _same_currency(c, exp)
                          and ("value_high" not in exp or _same(c.value_high, exp["value_high"]))), None)
            if match is None:
                misses.append((row["id"], "missing", exp.get("text") or exp["value"], row["text"]))
                continue
            remaining.remove(match)
            found += 1
            qual_ok += match.qualifier == exp["qualifier"]
            kind_ok += "kind" not in exp or match.kind == exp["kind"]
            if exp.get("metric", "") != "" or "kind" not in exp:
                metric_n += 1
                metric_ok += match.metric == exp.get("metric")
            if match.qualifier != exp["qualifier"] or ("kind" in exp and match.kind != exp["kind"]):
                misses.append((row["id"], "wrong", exp.get("text") or exp["value"],
                               f"{match.qualifier}/{match.kind} != {exp['qualifier']}/{exp.get('kind')}", row["text"]))
        extra += len(remaining)
        for nf in row.get("not_figures", []):
            nonfig += 1
            hit = next((c for c in remaining if any(_same(c.value, v) for v in nf["values"])), None)
            if hit is not None:
                nonfig_hit += 1
                remaining.remove(hit)
                misses.append((row["id"], "non-figure read", nf["text"], nf["kind"], row["text"]))
        misses += [(row["id"], "extra", c.text, c.value, row["text"]) for c in remaining]
    return {
        "sentences": len(rows), "figures": expected, "claims": found + extra, "extra": extra,
        "precision": found / (found + extra) if found + extra else 1.0,
        "recall": found / expected if expected else 1.0,
        "recall_q": qual_ok / expected if expected else 1.0,
        "kind": kind_ok / found if found else 1.0,
        "metric": metric_ok / metric_n if metric_n else 1.0,
        "non_figures": nonfig,
        "nonfig": nonfig_hit / nonfig if nonfig else 0.0,
    }, misses


def by_language(rows: list[dict]) -> dict[str, tuple[dict, list]]:
    return {lang: score([r for r in rows if r["language"] == lang]) for lang in ("en", "zh-hant", "zh-hans")}


def by_style(rows: list[dict]) -> dict[str, tuple[dict, list]]:
    styles = sorted({r["style"] for r in rows if r.get("style")})
    return {style: score([r for r in rows if r.get("style") == style]) for style in styles}


if __name__ == "__main__":  # .venv/bin/python tests/annotated_scoring.py [-v]
    import sys

    for name in SETS:
        rows = load(name)
        for lang, (res, misses) in [*by_language(rows).items(), *by_style(rows).items()]:
            print(f"{name:6s} {lang:9s} n={res['sentences']:3d} figures={res['figures']:3d} "
                  f"precision={res['precision']:.3f} recall={res['recall']:.3f} recall_q={res['recall_q']:.3f} "
                  f"kind={res['kind']:.3f} metric={res['metric']:.3f} nonfig={res['nonfig']:.3f} "
                  f"({res['non_figures']} non-figures)")
            if "-v" in sys.argv:
                for m in misses:
                    print("    ", m)
