"""Scores the extractor on the annotated sentences in data/claims_annotated.jsonl (our own writing).

Each line holds a sentence and every figure in it (dates, years and quarters are not figures); a range is one
figure, with `value_high` where the annotation gives it. A figure counts as found when a claim has its value
(and high value) and currency; an extra claim the annotation does not list counts against
value accuracy. The floors are pinned here: lowering one is a visible change.
"""

import json
from pathlib import Path

import pytest

from transforms.claims import extract_claims

DATA = Path(__file__).with_name("data") / "claims_annotated.jsonl"
FLOORS = {"value_currency": 0.97, "qualifier": 0.95, "metric": 0.90}
NOT_FIGURES = ("year", "date", "quarter")


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _same_high(got: float | None, expected: float | None) -> bool:
    """A range's high end is checked where the annotation gives one ("between 30 and 40 start-ups")."""
    return expected is None or (got is not None and _same_value(got, expected))


def score(rows):
    expected_total = found = qualifier_ok = metric_ok = extra = 0
    misses = []
    for row in rows:
        got = [c for c in extract_claims(row["text"], row["language"]) if c.kind not in NOT_FIGURES]
        remaining = list(got)
        for exp in row["claims"]:
            expected_total += 1
            match = next((c for c in remaining if _same_value(c.value, exp["value"]) and c.currency == exp["currency"]
                          and _same_high(c.value_high, exp.get("value_high"))), None)
            if match is None:
                misses.append((row["id"], "missing", exp, row["text"]))
                continue
            remaining.remove(match)
            found += 1
            qualifier_ok += match.qualifier == exp["qualifier"]
            metric_ok += match.metric == exp["metric"]
            if match.qualifier != exp["qualifier"] or match.metric != exp["metric"]:
                misses.append((row["id"], "wrong", exp, (match.qualifier, match.metric), row["text"]))
        extra += len(remaining)
        misses += [(row["id"], "extra", c.value, c.text, row["text"]) for c in remaining]
    return {
        "value_currency": found / (expected_total + extra),
        "qualifier": qualifier_ok / expected_total,
        "metric": metric_ok / expected_total,
        "figures": expected_total,
        "extra": extra,
    }, misses


def load_annotated(path: Path) -> list[dict]:
    """An annotated claim set: one JSON object a line (blank lines skipped), each with id, language, text and
    claims (value, qualifier, metric, currency; value_high where a range's end is known)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        missing = {"id", "language", "text", "claims"} - row.keys()
        assert not missing, f"{path}: line {row.get('id')} lacks {sorted(missing)}"
        for c in row["claims"]:
            assert {"value", "qualifier", "metric", "currency"} <= c.keys(), f"{path}: {row['id']}: {c}"
    return rows


@pytest.fixture(scope="module")
def rows():
    return load_annotated(DATA)


def test_annotated_set_is_big_enough_in_every_language(rows):
    by_lang = {}
    for r in rows:
        by_lang[r["language"]] = by_lang.get(r["language"], 0) + 1
    assert len(rows) >= 300
    assert by_lang["en"] >= 150 and by_lang["zh-hant"] >= 100 and by_lang["zh-hans"] >= 50


def test_accuracy_meets_the_floors(rows):
    result, misses = score(rows)
    print(f"\nannotated set: {len(rows)} sentences, {result['figures']} figures, {result['extra']} extra claims")
    for key in FLOORS:
        print(f"  {key:15s} {result[key]:.3f}  (floor {FLOORS[key]})")
    for miss in misses[:40]:
        print("  ", miss)
    for key, floor in FLOORS.items():
        assert result[key] >= floor, f"{key} accuracy {result[key]:.3f} is under {floor}"


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_each_language_on_its_own_meets_the_value_floor(rows, language):
    result, _ = score([r for r in rows if r["language"] == language])
    assert result["value_currency"] >= FLOORS["value_currency"] - 0.02
