"""Every figure of ../shared/facts/hkstp-figures.csv still maps to its metric.

The facts list real figures (value, qualifier, unit, metric) without their sentences, so each is written back
into a sentence of our own in its language - the qualifier's word, the value, the vocabulary's own phrasing of
the metric - and the extractor must give back the value, the qualifier and the metric.
"""

import csv
import os
from pathlib import Path

import pytest

from transforms.claims import QUALIFIER_WORDS, extract_claims
from transforms.metrics import load_vocabulary

SHARED = Path(os.environ.get("HKSTP_SHARED_DIR") or Path(__file__).resolve().parents[2] / "shared")
FACTS = SHARED / "facts" / "hkstp-figures.csv"
EN_WORD = {"exact": "", "about": "about ", "over": "more than ", "at_least": "at least ", "nearly": "nearly ",
           "under": "fewer than ", "up_to": "up to "}
ZH_WORD = {"exact": "", "about": "約", "over": "超過", "at_least": "至少", "nearly": "接近", "under": "少於", "up_to": "多達"}


def _canonical(raw: str) -> str:
    """The facts name the qualifier by the release's word ("over (逾)", "+", "reaching (達)")."""
    word = raw.split(" (")[0].strip()
    if word == "+":
        return "at_least"
    if word == "reaching":
        return "exact"
    return next((q for q, words in QUALIFIER_WORDS.items() if word in words), "exact")


def _rows():
    if not FACTS.exists():
        pytest.skip(f"{FACTS} not found (../shared is absent; set HKSTP_SHARED_DIR to its path)")
    with FACTS.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_every_metric_of_the_facts_is_in_the_vocabulary_with_its_kind():
    vocab = load_vocabulary()
    missing = sorted({r["metric"] for r in _rows()} - set(vocab))
    assert not missing, f"metrics of the facts not in the vocabulary: {missing}"


def _sentence(row, vocab) -> str | None:
    m = vocab[row["metric"]]
    value = float(row["value"])
    number = f"{value:,.0f}" if value.is_integer() else f"{value:g}"
    lang = "en" if row["language"] == "en" else "zh-hant" if row["language"] != "zh-hans" else "zh-hans"
    phrasings = m.phrasings.get(lang) or m.phrasings.get("zh-hant" if lang != "en" else "en") or ()
    if m.kind not in ("count",) or not phrasings:
        return None  # money, areas, durations, ratios and years are written many ways: checked by the seed test
    if lang == "en":
        return f"The programme reports {EN_WORD[_canonical(row['qualifier'])]}{number} {phrasings[0]} this year."
    return f"計劃今年錄得{ZH_WORD[_canonical(row['qualifier'])]}{number}{phrasings[0]}。"


def test_every_count_of_the_facts_maps_back_to_its_metric():
    vocab = load_vocabulary()
    wrong, checked = [], 0
    for row in _rows():
        if row["metric"] not in vocab:
            continue
        sentence = _sentence(row, vocab)
        if sentence is None:
            continue
        checked += 1
        claims = extract_claims(sentence, "en" if row["language"] == "en" else row["language"])
        ok = any(c.value == float(row["value"]) and c.qualifier == _canonical(row["qualifier"]) and c.metric == row["metric"]
                 for c in claims)
        if not ok:
            wrong.append((row["metric"], row["value"], sentence, [(c.value, c.qualifier, c.metric) for c in claims]))
    assert checked >= 50
    assert not wrong, wrong[:10]


def test_qualifier_words_used_here_are_the_extractors():
    for word in [*EN_WORD.values(), *ZH_WORD.values()]:
        if word.strip():
            assert any(word.strip() in ws for ws in QUALIFIER_WORDS.values()), word
