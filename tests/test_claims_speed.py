"""The fast paths of claim extraction change no output: each rewritten pattern is compared with the pattern as
written, position by position, on the annotated sentences and on text made of their pieces shuffled with the
characters the fast paths test (digits, numerals, currency signs, brackets, unit and name words)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from transforms import claims, numbers

DATA = Path(__file__).parent / "data"
UNGUARDED = re.compile(claims._CLAIM_START + claims._CLAIM_PATTERN_NO_EMAIL)
DIGITISH = [*"0123456789 ,.:/-–()（）%+年月日號号樓室座時分", "Road", "Street", "Queensway", " Science Park West Avenue",
            "am", "pm", "st", "th", "GHz", "HK", "852", "2001", " to ", " and ", "years ago", "anniversary", "周年",
            "個月", "前", "間", "止", "成立", ".hk", "Tel:", "股份代號", "熱線", "第", "Hong Kong", "million", "萬", "億",
            "$", "HK$", "US$", " cents", "仙", "折", "成", "打", "-fold", " in ", " out of ", "分之", "Q1", "FY", "May",
            "1:3", "3.0", "1+1", "Photo", "Phase", "COVID-19", "(HK$ million)", "約", "逾", "over ", "about ", "per cent"]


def _sentences() -> list[str]:
    out = []
    for path in sorted(DATA.glob("claims_annotated*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [s for s in out if "@" not in s]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sentences = _sentences()
    words = [w for s in sentences for w in re.split(r"(\s+)", s) if w]
    texts = list(sentences)
    for _ in range(count):
        if rng.random() < 0.5:
            texts.append("".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(DIGITISH)
                                 for _ in range(rng.randint(2, 20))))
        else:
            texts.append("".join(rng.choice(DIGITISH) for _ in range(rng.randint(2, 14))))
    return [t.replace("@", "") for t in texts]


def _at_every_position(a: re.Pattern, b: re.Pattern, texts: list[str]) -> list[tuple[str, int]]:
    def sig(m):
        return None if m is None else (m.span(), m.groupdict())
    return [(t, p) for t in texts for p in range(len(t) + 1) if sig(a.match(t, p)) != sig(b.match(t, p))]


def test_the_guarded_grammar_matches_as_the_grammar_at_every_position():
    guarded = claims._claim_re_no_email()
    assert guarded.pattern != UNGUARDED.pattern  # the guards are in force
    assert _at_every_position(guarded, UNGUARDED, _texts(1500, 22)) == []


def test_the_guarded_number_core_matches_as_the_core_as_written():
    assert numbers.NUMBER_CORE_GUARDED != numbers.NUMBER_CORE
    assert _at_every_position(re.compile(numbers.NUMBER_CORE_GUARDED), re.compile(numbers.NUMBER_CORE),
                              _texts(1500, 23)) == []


def test_the_two_trigger_scans_find_what_the_number_trigger_finds():
    rng = random.Random(24)
    pieces = [*"abcdefghijklmnopqrstuvwxyz0123456789_ .,-一二三十百千萬半é“", *numbers._TRIGGER_WORD_LIST]
    differ = []
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for pos in range(len(text) + 1):
            found = [m for m in (numbers.TRIGGER_CHAR.search(text, pos), numbers.TRIGGER_WORD.search(text, pos)) if m]
            nearest = min(found, key=lambda m: m.start()).span() if found else None
            expected = numbers.NUMBER_TRIGGER.search(text, pos)
            if nearest != (expected.span() if expected else None):
                differ.append((text, pos))
            word = numbers.TRIGGER_WORD.search(text, pos)
            if numbers.next_trigger_word(text, pos) != (word.span() if word else None):
                differ.append((text, pos))
        assert numbers.has_number_trigger(text) == (numbers.NUMBER_TRIGGER.search(text) is not None)
    assert differ == []


def test_the_bound_trigger_scan_finds_what_the_bound_trigger_finds():
    rng = random.Random(25)
    pieces = [*"mMcCuUaAxXiInNeElLpPrR上下限最約约不多超 İıſK", "max", "min", "ceil", "cap", "upper", "上限", "不多", "不超"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert (claims._BOUND_TRIGGER.search(text, start, end) is None) == (
                    claims._BOUND_TRIGGER_SCAN.search(text, start, end) is None), (text, start, end)


def test_english_units_after_possessive_spaces_match_as_before():
    as_written = re.compile(claims._EN_UNIT_RE.pattern.replace("[ ]*+-?[ ]*+", "[ ]*-?[ ]*", 1))
    assert as_written.pattern != claims._EN_UNIT_RE.pattern
    rng = random.Random(26)
    pieces = [*" -abcdefghijklmnopqrstuvwxyzAZ²2.", "years", "sq m", "square feet", "working days", "hectares", "  ",
              " - ", "times", "km²", "m2", "ha", " companies"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) for _ in range(5000)]
    assert _at_every_position(claims._EN_UNIT_RE, as_written, texts) == []


def _parse_digits_as_written(span: str) -> float | None:
    s = span.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace("−", "-")
    s = s.replace("负", "-").replace("負", "-")
    if "^" in s:
        return numbers.parse_digits(span)  # the exponent path is unchanged
    try:
        v = float(s)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


def test_parse_digits_reads_plain_digits_as_before():
    rng = random.Random(27)
    pieces = [*"0123456789,.,. ", "\u202f", "\u00a0", "−", "负", "負", "e", "E", "-", "+", "٣", "²", "nan", "inf"]
    spans = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(50_000)]
    spans += ["1" * 400, "1" * 400 + ".5", "1," * 200 + "1", "1,700", "0.5", ".5", "5."]
    for span in spans:
        a, b = numbers.parse_digits(span), _parse_digits_as_written(span)
        assert a == b or (a != a and b != b), span


def test_every_guard_is_derived():
    # prefix_guard gives no guard (the pattern as it is) when its derivation fails: that would be slow, not wrong,
    # so it is checked here, where the derivation is allowed to raise
    import string

    from transforms.regexfirst import _prefix_guard

    alternatives = claims._claim_alternatives(claims._SKIP_LETTER_LED_NO_EMAIL, claims._SKIP_OTHER_NO_EMAIL)
    assert _prefix_guard([p for _, pieces in alternatives for p in pieces], claims._guarded(), 4, 50_000, True)
    before_amount = [p for _, pieces in alternatives[:-1] for p in pieces]
    assert _prefix_guard(before_amount, string.digits, 6, 50_000, True, True)
    assert _prefix_guard(before_amount, claims._guarded(), 4, 50_000, True)
    assert _prefix_guard([claims._FRACTION], string.digits, 6, 50_000, True, True)


def test_currency_and_or_more_after_possessive_spaces_match_as_before():
    pairs = [(claims._CUR_SUFFIX_RE, re.compile(claims._CUR_SUFFIX_RE.pattern.replace("[ ]?+", "[ ]?"))),
             (claims._AT_LEAST_AFTER, re.compile(claims._AT_LEAST_AFTER.pattern.replace("[ ]*+", "[ ]*")))]
    rng = random.Random(28)
    pieces = [*" -元人港美歐欧英日澳加新台瑞圓块塊蚊仙€£¥$HKDUSRMBCNYEGPJakdusrmbcnyegpjotm", "元人民幣", "港元", "港仙",
              "美分", " cents", " HK cents", " hong kong dollars", "-dollar", " dollars", " yen", " usd", "HKD",
              " or more", " and above", " plus", "以上", "或以上", "之多", "有多", "  ", " or over", " pounds sterling"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(8000)]
    for fast, as_written in pairs:
        assert fast.pattern != as_written.pattern
        assert _at_every_position(fast, as_written, texts) == []


def test_spaces_taken_possessively_after_a_number_match_as_before():
    from transforms.metrics import matchers

    patterns = [claims._PLUS_RE, claims._MEASURE_RE, claims._SCALE_AFTER_CODE, claims._EN_NOUN_RE, matchers("en").after]
    rng = random.Random(29)
    words = [w for s in _sentences() for w in re.split(r"(\s+)", s.lower()) if w]
    extra = [" ", "  ", "多", "餘", "萬", "+", "間", "名", "thousand", "million", "bn", " mn", "companies", "and", "the",
             "of", "technology", "start-ups", "research professionals", "unicorns", "間科技公司"]
    texts = ["".join(rng.choice(words) if rng.random() < 0.6 else rng.choice(extra) for _ in range(rng.randint(1, 8)))
             for _ in range(3000)]
    for fast in patterns:
        as_written = re.compile(fast.pattern.replace("[ ]?+", "[ ]?", 1).replace("[ ]++", "[ ]+", 1)
                                .replace("[ ]*+", "[ ]*", 1))
        assert fast.pattern != as_written.pattern
        assert _at_every_position(fast, as_written, texts) == []
