"""Number grammar for English and Chinese text: digits, words, scales, Chinese numerals, percentages, ranges.

    >>> [(n.value, n.kind) for n in find_numbers("約1.2萬人，七成 and twenty-five per cent")]
    [(12000.0, 'number'), (70.0, 'percent'), (25.0, 'percent')]

`find_numbers` is the plain grammar (every number it can read). `transforms.claims` builds on the same
pattern pieces and decides which numbers are claims.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Full-width digits and signs to ASCII, one character for one, so offsets stay valid.
# The full-width comma is a thousands separator only between full-width digits ("４，５６５"); after ASCII digits
# it ends a clause ("$20，300美元" is two amounts), so it is kept there.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％＋－／：～", "0123456789.%+-/:~")
_FULLWIDTH_GROUPING = re.compile("(?<=[０-９])，(?=[０-９])")


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII; same length as the input."""
    if "，" in text:
        text = _FULLWIDTH_GROUPING.sub(",", text)
    return text.translate(_FULLWIDTH)


# ---------------------------------------------------------------- Chinese numerals
ZH_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2, "倆": 2,
    "三": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
ZH_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
ZH_BIG_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
ZH_APPROX = set("余餘多几幾")

_ZHD = "零〇一壹二贰貳两兩俩倆三叁參四肆五伍六陆陸七柒八捌九玖"
_ZHD_NZ = "一壹二贰貳两兩俩倆三叁參四肆五伍六陆陸七柒八捌九玖"
_ZHU = "十拾百佰千仟萬万億亿兆"
_ZH_TOKEN = re.compile(r"\d+(?:\.\d+)?|[%s%s余餘多几幾半]" % (_ZHD, _ZHU))


def parse_chinese(span: str) -> tuple[float, bool] | None:
    """Value of a Chinese (or mixed digit/Chinese) numeral, and whether it was approximate (多, 余, 幾).

    "一千零五十" -> 1050, "1.2萬" -> 12000, "九十二萬四" -> 924000, "十多萬" -> (100000, True).
    """
    s = span.replace(" ", "").replace(",", "").replace("\u3000", "")
    negative = s[:1] in ("负", "負", "-")
    if negative:
        s = s[1:]
    if not s:
        return None
    frac = ""
    for dot in ("点", "點"):
        if dot in s:
            s, frac = s.split(dot, 1)
            break
    approx = False
    if s.startswith("半") and len(s) >= 2 and s[1] in ZH_SMALL_UNITS:
        value = 0.5 * ZH_SMALL_UNITS[s[1]]
    else:
        total = 0.0
        section = 0.0
        number = None  # pending digit value
        number_is_cjk_digit = False
        prev_unit = 0  # unit just before the pending digit, for "一萬三" = 13000
        last_big = 0
        for tok in _ZH_TOKEN.findall(s):
            if tok[0].isdigit():
                number, number_is_cjk_digit = float(tok), False
            elif tok in ZH_DIGITS:
                d = ZH_DIGITS[tok]
                if d == 0:
                    prev_unit = 0
                    continue
                number, number_is_cjk_digit = float(d), True
            elif tok in ZH_SMALL_UNITS:
                u = ZH_SMALL_UNITS[tok]
                section += (1.0 if number is None else number) * u
                number, prev_unit = None, u
            elif tok in ZH_BIG_UNITS:
                u = ZH_BIG_UNITS[tok]
                section += number or 0.0
                if section == 0:
                    if total == 0:
                        return None  # a bare 萬 is not a number
                    total *= u  # 萬億, 萬萬: the scales multiply
                    last_big = u
                elif total == 0 or u > last_big:
                    total = (total + section) * u
                    last_big = u
                else:
                    total += section * u
                section, number, prev_unit = 0.0, None, u
            elif tok in ZH_APPROX:
                approx = True
                prev_unit = 0
        if number is not None:
            if number_is_cjk_digit and prev_unit >= 10:
                number *= prev_unit / 10
            section += number
        value = total + section
    if frac:
        digits = "".join(str(ZH_DIGITS[c]) if c in ZH_DIGITS else c for c in frac if c.isdigit() or c in ZH_DIGITS)
        if digits:
            value += float("0." + digits)
    if negative:
        value = -value
    return value, approx


# ---------------------------------------------------------------- English number words
EN_UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
           "ninety": 90}
EN_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
             "dozen": 12, "dozens": 12, "doz": 12, "dozs": 12, "dz": 12, "dzs": 12}
# Abbreviated scales after digits ("10k", "1.2bn", "HK$3m").
EN_ABBREV = {"k": 10**3, "K": 10**3, "M": 10**6, "m": 10**6, "mn": 10**6, "mil": 10**6, "mm": 10**6,
             "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "G": 10**9, "tn": 10**12, "tln": 10**12}

_EN_WORD = re.compile(r"[a-z]+|\d+(?:\.\d+)?")


def parse_english_words(span: str) -> float | None:
    """Value of English number words: "twenty-one thousand three hundred" -> 21300, "a dozen" -> 12.

    Digits may stand for words ("4 thousand 3 hundred and 21" -> 4321)."""
    words = _EN_WORD.findall(span.lower())
    if "point" in words:
        i = words.index("point")
        whole = parse_english_words(" ".join(words[:i])) if i else 0.0
        digits = ""
        for w in words[i + 1:]:
            if w in EN_UNITS and EN_UNITS[w] < 10:
                digits += str(EN_UNITS[w])
            elif w in EN_UNITS:
                digits += str(EN_UNITS[w])
            elif w in EN_TENS:
                digits += str(EN_TENS[w] // 10)
        if whole is None:
            return None
        return whole + (float("0." + digits) if digits else 0.0)
    total = 0.0
    current = 0.0
    small = 0.0  # the part of `current` after its hundreds: "two dozen" in "three hundred and two dozen" is 24
    seen = False
    for w in words:
        if w in ("a", "an"):
            if not current:
                current = small = 1.0
            continue
        if w == "and":
            continue
        if w[0].isdigit():
            current += float(w)
            small += float(w)
            seen = True
        elif w in EN_UNITS:
            current += EN_UNITS[w]
            small += EN_UNITS[w]
            seen = True
        elif w in EN_TENS:
            current += EN_TENS[w]
            small += EN_TENS[w]
            seen = True
        elif w in EN_SCALES:
            scale = EN_SCALES[w]
            if scale == 12:
                current = current - small + small * 12 if small else (current or 1.0) * 12
            elif scale == 100:
                current = (current or 1.0) * scale
            else:
                total += (current or 1.0) * scale
                current = 0.0
            small = 0.0
            seen = True
    return total + current if seen else None


def _en_scale(word: str) -> float | None:
    w = word.strip().lower()
    if w in EN_SCALES:
        return float(EN_SCALES[w])
    return None


def parse_digits(span: str) -> float | None:
    s = span.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace("−", "-")
    s = s.replace("负", "-").replace("負", "-")
    if "^" in s:
        base, _, exp = s.partition("^")
        exp = exp.replace("--", "-").replace("+", "")
        try:
            return float(base) ** float(exp) if abs(float(exp)) < 300 else None
        except (ValueError, OverflowError, ZeroDivisionError):
            return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


# ---------------------------------------------------------------- the pattern
def word_alternation(words, ignore_case: bool = True, space: str = r"[ ]+") -> str:
    """A regex matching any of `words`, built as a trie: Python's engine tries a plain `a|b|c` branch by branch
    (and cannot skip a case-insensitive branch on its first letter), so a long word list costs at every position.
    Longer words are tried first, as in a longest-first alternation; a space in a word matches `space`."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word.lower() if ignore_case else word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            if ch == " ":
                head = space
            elif ignore_case and ch.upper() != ch.lower():
                head = f"[{ch}{ch.upper()}]"
            else:
                head = re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"


_UNITS_ALT = "|".join(sorted(EN_UNITS, key=len, reverse=True))
_TENS_ALT = "|".join(EN_TENS)
_SCALES_ALT = "hundred|thousand|million|billion|trillion|dozens|dozen|dozs|doz|dzs|dz"
_ONE_TO_NINE = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ANY_WORD = word_alternation([*EN_UNITS, *EN_TENS, *_SCALES_ALT.split("|")])
_EW_TOKEN = (rf"(?:{word_alternation(EN_TENS)}(?:[ ]*-[ ]*|[ ]+){word_alternation(_ONE_TO_NINE)}\b"
             rf"|{_ANY_WORD}\b)")
# English words: "twenty-five", "a hundred and six", "two hundred point zero three".
EN_WORDS = (
    rf"(?i:(?:\ban?[ ]+(?={_SCALES_ALT}))?\b{_EW_TOKEN}"
    rf"(?:(?:[ ]+|[ ]*-[ ]*)(?:and[ ]+)?{_EW_TOKEN})*"
    rf"(?:[ ]+point(?:[ ]+(?:{_TENS_ALT}|{_UNITS_ALT})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b)+)?)"
)
DIGITS = (
    r"(?:(?<![\w.,\-−])[-−](?=\.?\d)|[负負](?=\d))?"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)|\d+(?:\.\d+)?|\.\d+)"
    r"(?:[eE][-+]?\d{1,3}(?![\d])|\^[-+]*\d+)?"
)
ZH_NUM = (
    rf"(?:[负負][ ]*)?(?:[{_ZHD}]|[十拾百佰千仟]|半(?=[百千]))"
    rf"(?:[ ]*(?:[{_ZHD}{_ZHU}]|\d+(?:\.\d+)?|[余餘多几幾](?=[ ]*[{_ZHU}])))*"
    rf"(?:[ ]*[点點][ ]*(?:[{_ZHD}]|\d)+)?"
)
# After digits: a Chinese scale and what follows it ("1.2萬", "3万4000", "5億1萬4千6百", "1,000多萬").
ZH_CONT = (
    rf"(?:[ ]*(?:[余餘多几幾][ ]*)?[{_ZHU}](?:[ ]*(?:[{_ZHU}零〇]|\d+(?:\.\d+)?|[{_ZHD_NZ}](?![{_ZHD_NZ}])"
    rf"|[余餘多几幾](?=[ ]*[{_ZHU}])))*(?:[点點](?:[{_ZHD}]|\d)+)?)"
)
# Digits mixed with scale words: "4 thousand 3 hundred and 21", "3 hundred and one". Only after a spelled-out
# scale (a lookbehind on its last letters), and "and N" only after hundred or thousand, so "1 million and 20
# companies" stays two numbers.
_SMALL_WORDS = (rf"(?:{word_alternation(EN_TENS)}(?:[ ]*-[ ]*|[ ]+){word_alternation(_ONE_TO_NINE)}"
                rf"|{word_alternation([*EN_UNITS, *EN_TENS])})\b")
_MIXED_STEP = r"[ ]+(?:[aA][nN][dD][ ]+)?\d{1,3}(?![\d,.])[ ]*"
EN_MIXED = (
    r"(?:(?<=[dD])|(?<=[oO][nN]))"
    # each step's scale smaller than the last: "4 thousand 3 hundred", never "3 hundred and 2 hundred"
    r"(?:(?<=(?i:billion))" + _MIXED_STEP + r"(?i:million|thousand|hundred)\b"
    r"|(?<=(?i:million))" + _MIXED_STEP + r"(?i:thousand|hundred)\b|(?<=(?i:thousand))" + _MIXED_STEP + r"(?i:hundred)\b)*"
    rf"(?:(?<=[dD])[ ]+[aA][nN][dD][ ]+(?:[1-9]\d?(?![\d,.%])|{_SMALL_WORDS})"
    rf"(?![ ]*-?[ ]*(?i:hundred|thousand|million|billion|dozen)))?"
)
EN_SCALE_AFTER = (
    rf"(?:[ ]*-?[ ]*(?i:{_SCALES_ALT}|bn|mn|bln|tln|mil|mm)\b|[ ]?(?:[kKMmbBG]|bn|mn|tn)(?![A-Za-z]))"
)
# The core: percent prefix, then one number, then scale and percent/成 suffix. Named groups are read by
# `Number.from_match`; claims.py embeds the same string in its own larger pattern.
NUMBER_CORE = (
    rf"(?P<pctpre>百分之[ ]*|(?i:per[ ]?cent(?:s)?[ ]+of|percent(?:s)?[ ]+of)[ ]+)?"
    rf"(?P<eneg>(?i:minus|negative)[ ]+)?"
    rf"(?:(?P<dig>{DIGITS})(?P<zc>{ZH_CONT})?(?P<esc>{EN_SCALE_AFTER})?(?P<mix>{EN_MIXED})?"
    rf"|(?P<zh>{ZH_NUM})"
    rf"|(?P<ew>{EN_WORDS})(?P<ewsc>[ ]+(?i:bn|mn)\b)?)"
    rf"(?P<pct>[ ]?(?:%|(?i:per[ ]?cent(?:age)?s?|percent(?:age)?s?|pct)\b|[個个]百分點|[個个]百分点)"
    rf"|[ ]*成(?P<chalf>半)?(?:[ ]?(?P<chd>[一二三四五六七八九]|\d)(?![\d{_ZHD}{_ZHU}.]))?"
    rf"|[ ]*折(?![扣])(?<!十折))?"
    rf"(?P<dozen>[ ]*打(?![造破算開开击擊工]))?"
)
# Something every number holds: a digit, a Chinese numeral or an English number word. Cheap to search for.
NUMBER_TRIGGER = re.compile(
    rf"\d|[{_ZHD}{_ZHU}]|(?<![A-Za-z0-9_]){_ANY_WORD}\b"
)
RANGE_JOIN = re.compile(r"[ ]*(?:-|–|—|~|～|至|到|(?i:to|through))[ ]*$")


@functools.cache
def _number_re() -> re.Pattern:
    """NUMBER_CORE alone, for `find_numbers`; compiled on first use (claims use their own larger pattern)."""
    return re.compile(NUMBER_CORE)


@dataclass(slots=True)
class Number:
    """A number found in text. `kind` is "number" or "percent"; `approx` marks 多/余/幾 inside a numeral."""

    value: float
    start: int
    end: int
    text: str
    kind: str = "number"
    value_high: float | None = None
    approx: bool = False
    scaled: bool = False  # carried a scale word or Chinese unit ("1.2 billion", "10億")
    words: bool = False   # spelled out in English words


def plain(value: float) -> float:
    """Drop binary noise from scaled decimals (1.34 x 10^8 is 134000000.00000001 in floating point)."""
    return float(f"{value:.12g}")


def value_of_match(m: re.Match) -> tuple[float, str, bool, bool, bool] | None:
    """(value, kind, approx, scaled, words) of a NUMBER_CORE match; None when it is not a number after all."""
    approx = scaled = words = False
    g = m.group
    if g("dig") is not None:
        if g("zc"):
            parsed = parse_chinese(g("dig") + g("zc"))
            if parsed is None:
                return None
            value, approx = parsed
            scaled = True
        else:
            value = parse_digits(g("dig"))
            if value is None:
                return None
        esc = g("esc")
        if g("mix"):
            mixed = parse_english_words(f"{value:f} {esc} {g('mix')}")
            if mixed is None:
                return None
            value, scaled = mixed, True
        elif esc:
            key = esc.strip(" -")
            scale = _en_scale(key) or EN_ABBREV.get(key) or EN_ABBREV.get(key.lower())
            if scale:
                value *= scale
                scaled = True
    elif g("zh") is not None:
        parsed = parse_chinese(g("zh"))
        if parsed is None:
            return None
        value, approx = parsed
        scaled = any(c in _ZHU for c in g("zh"))
    else:
        value = parse_english_words(g("ew"))
        if value is None:
            return None
        words = True
        if g("ewsc"):
            value *= EN_ABBREV[g("ewsc").strip().lower()]
        scaled = any(w in g("ew").lower() for w in ("thousand", "million", "billion", "trillion"))
    if g("eneg"):
        value = -value
    if g("dozen"):
        value *= 12
    kind = "number"
    pct = g("pct")
    if g("pctpre"):
        kind = "percent"
    elif pct:
        p = pct.strip()
        if p.startswith("成"):
            value *= 10
            if g("chalf"):
                value += 5
            elif g("chd"):
                value += float(g("chd")) if g("chd").isdigit() else ZH_DIGITS[g("chd")]
            kind = "percent"
        elif p.startswith("折"):
            value = value * 10 if value < 10 else value
            kind = "percent"
        else:
            kind = "percent"
    return value, kind, approx, scaled, words


def find_numbers(text: str) -> list[Number]:
    """Every number the grammar reads in `text`, ranges ("10 to 20", "10-20", "10至20") joined."""
    text = normalize(text)
    out: list[Number] = []
    for m in _number_re().finditer(text):
        parsed = value_of_match(m)
        if parsed is None:
            continue
        value, kind, approx, scaled, words = parsed
        if m.group("dig") and m.group("esc") and m.group("esc") == "m" and not m.group("zc"):
            continue  # "1m" alone reads as a metre, not a million
        num = Number(plain(value), m.start(), m.end(), m.group(0), kind, approx=approx, scaled=scaled, words=words)
        if out and kind == out[-1].kind and out[-1].value_high is None:
            gap = text[out[-1].end:m.start()]
            if gap and RANGE_JOIN.match(gap) and len(gap) < 12 and out[-1].value <= value:
                prev = out[-1]
                prev.value_high, prev.end = value, m.end()
                prev.text = text[prev.start:prev.end]
                continue
        out.append(num)
    return out
