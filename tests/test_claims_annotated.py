"""Scores of the extractor on the two annotated sets (tests/data; our own writing), gated per language.

The first set (claims_annotated.jsonl) was written with the extractor; the second (claims_annotated_2.jsonl) was
written before the fixes of issue 12, in the styles of Government, university, listed-company, Cyberport,
InvestHK, HKTDC and newswire releases, and labels every non-figure number too; the third
(claims_annotated_3.jsonl, issue 20) was written by an annotator who had not read the extractor, in the styles of
the Government's press releases, LegCo replies, newswire copies and newspaper reports, and was scored before any
fix for it (benchmarks/README.md). See annotated_scoring.py for what each score counts. The floors are pinned
here: lowering one is a visible change.
"""

import pytest

from annotated_scoring import by_language, load

GATES = {"precision": 0.97, "recall_q": 0.95}  # per language, on both sets
NONFIG_CEILING = 0.02  # non-figures read as figures, per language
METRIC_FLOOR = 0.90  # the first set labels the metric of every figure
# The third set, pinned at the figures measured at the end of issue 20 (precision, recall with the right
# qualifier, and the most non-figures read as figures), per language.
THIRD_FLOORS = {"en": (0.995, 1.0, 0.017), "zh-hant": (1.0, 1.0, 0.0), "zh-hans": (1.0, 1.0, 0.0)}


@pytest.fixture(scope="module", params=["first", "second", "third"])
def scored(request):
    return request.param, by_language(load(request.param))


def test_sets_are_big_enough_in_every_language():
    sizes = {"first": (300, 150, 100, 50), "second": (400, 200, 130, 70), "third": (300, 140, 100, 60)}
    for name, (total, en, hant, hans) in sizes.items():
        rows = load(name)
        count = {lang: sum(r["language"] == lang for r in rows) for lang in ("en", "zh-hant", "zh-hans")}
        assert len(rows) >= total and count["en"] >= en and count["zh-hant"] >= hant and count["zh-hans"] >= hans
    second = load("second")
    assert sum(len(r["not_figures"]) for r in second) >= 200
    third = load("third")
    assert sum(len(r["not_figures"]) for r in third) >= 100
    assert {r["style"] for r in third} == {"gia", "legco", "newswire", "newspaper"}


@pytest.mark.parametrize("language", ["en", "zh-hant", "zh-hans"])
def test_each_language_meets_the_gates(scored, language):
    name, results = scored
    result, misses = results[language]
    print(f"\n{name} set, {language}: {result}")
    for miss in misses[:30]:
        print("  ", miss)
    for key, floor in GATES.items():
        assert result[key] >= floor, f"{name} set, {language}: {key} {result[key]:.3f} is under {floor}"
    assert result["nonfig"] <= NONFIG_CEILING, f"{name} set, {language}: {result['nonfig']:.3f} of non-figures read"
    if name == "third":
        precision, recall_q, nonfig = THIRD_FLOORS[language]
        assert result["precision"] >= precision and result["recall_q"] >= recall_q, (language, result)
        assert result["nonfig"] <= nonfig, (language, result)


def test_metrics_of_the_first_set(scored):
    name, results = scored
    if name != "first":
        pytest.skip("only the first set labels the metric of every figure")
    for language, (result, _) in results.items():
        assert result["metric"] >= METRIC_FLOOR, f"{language}: metric {result['metric']:.3f}"
