"""The claim grammar's guards (transforms/regexfirst.py) change no match: the guarded grammar and the grammar as
written find the same matches, with the same groups, in every annotated sentence and in text made of their
pieces shuffled with characters the guards test (letters, numerals, currency signs, brackets)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from transforms import claims
from transforms.regexfirst import first_chars, prefix_guard

DATA = Path(__file__).parent / "data"
UNGUARDED = re.compile(claims._CLAIM_START + claims._CLAIM_PATTERN_NO_EMAIL)


def _sentences() -> list[str]:
    out = []
    for path in sorted(DATA.glob("claims_annotated*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s for s in out if "@" not in s]


def _matches(pattern: re.Pattern, text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_guards_are_in_force():
    # without them the test below would compare the grammar with itself
    assert claims._CLAIM_FIRST and claims._CLAIM_GUARD
    assert claims._CLAIM_RE_NO_EMAIL.pattern != UNGUARDED.pattern


def test_guarded_grammar_finds_what_the_grammar_finds_in_every_annotated_sentence():
    sentences = _sentences()
    assert len(sentences) > 500
    differ = [s for s in sentences if _matches(claims._CLAIM_RE_NO_EMAIL, s) != _matches(UNGUARDED, s)]
    assert differ == []


def test_guarded_grammar_finds_what_the_grammar_finds_in_shuffled_text():
    rng = random.Random(22)
    words = [w for s in _sentences() for w in re.split(r"(\s+)", s) if w]
    extra = list("aAzZ$¥€£()（）-–/:,.%萬億千百一二三四五六七八九十兩约約逾超過近") + ["HK$", "US$", "RMB", "COVID-19"]
    differ = []
    for _ in range(3000):
        text = "".join(rng.choice(words) if rng.random() < 0.7 else rng.choice(extra) for _ in range(rng.randint(3, 25)))
        if "@" not in text and _matches(claims._CLAIM_RE_NO_EMAIL, text) != _matches(UNGUARDED, text):
            differ.append(text)
    assert differ == []


def test_first_chars_bounds_what_a_pattern_can_start_with():
    fc = first_chars(r"(?:about|over)\s+\d+|HK\$\d+")
    assert fc is not None
    start = re.compile(fc)
    assert all(start.match(s) for s in ("about", "over", "HK$"))
    assert not start.match("9") and not start.match("z")
    assert first_chars(r".*\d") is None  # a match may start anywhere: no bound, the pattern runs as it is


def test_prefix_guard_admits_every_match_start():
    parts = [r"(?i:million)", r"Photo \d+", r"[A-Z]{2,}-\d+"]
    guard = re.compile(prefix_guard(parts, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    for text in ("MILLION", "million", "Photo 4", "COVID-19"):
        assert guard.match(text), text
    # a filter on the first four characters: words that share none with a match are turned away
    assert not guard.match("the") and not guard.match("Phone") and not guard.match("mile")
