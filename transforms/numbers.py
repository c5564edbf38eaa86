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

# Full-width digits, signs and Latin letters to ASCII ("ＨＫ＄５Ｍ"), one character for one, so offsets stay valid.
# The full-width comma is a thousands separator only between full-width digits ("４，５６５"); after ASCII digits
# it ends a clause ("$20，300美元" is two amounts), so it is kept there.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％＋－／：～＄" + "".join(map(chr, range(0xFF21, 0xFF3B)))
                           + "".join(map(chr, range(0xFF41, 0xFF5B))),
                           "0123456789.%+-/:~$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_FULLWIDTH_GROUPING = re.compile("(?<=[０-９])，(?=[０-９])")
# Hostile or careless text inside a figure (issue 24): invisible format characters (Unicode Cf: soft hyphen,
# zero-width space, non-joiner and joiner, bidi marks, word joiner, BOM) are dropped, or "1,\u200b800" reads 0 or
# 800; the other Unicode spaces (thin, hair, figure space...) become a space, which the grammar reads as grouping
# between digit groups ("1\u2009800"); Arabic-Indic digits and the Arabic separators become ASCII ("١٬٨٠٠" = 1,800).
# One table, so the cost stays one str.translate (a regex per character was ten times slower).
_FULLWIDTH.update({c: None for c in (0x00AD, 0x061C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                     *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF)})
_FULLWIDTH.update({c: " " for c in (0x1680, *range(0x2000, 0x200B), 0x205F)})
_FULLWIDTH.update({0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)})
_FULLWIDTH.update({0x066B: ".", 0x066C: ",", 0x066A: "%"})
# In text with no Chinese, a full-width comma between ASCII digits can only group them ("1，800 companies");
# in Chinese text it may end a clause ("$20，300美元" is two amounts), so there it is kept.
_ASCII_FULLWIDTH_GROUPING = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
# Every character _FULLWIDTH changes, as one class.
_TRANSLATED = re.compile("[" + "".join("\\U%08x" % c for c in sorted(_FULLWIDTH)) + "]")


def normalize(text: str) -> str:
    """Full-width digits, signs and letters to ASCII, Arabic-Indic digits to ASCII, odd spaces to a space,
    invisible format characters dropped; the same length as the input unless it held such characters."""
    if "，" in text:
        text = _FULLWIDTH_GROUPING.sub(",", text)
    # translate() looks every character up in the table; one class scan finds first whether any is there
    if _TRANSLATED.search(text) is not None:
        text = text.translate(_FULLWIDTH)
    if "，" in text and _CJK.search(text) is None:
        text = _ASCII_FULLWIDTH_GROUPING.sub(",", text)
    return text


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
# Digits after 点: 两/俩 count things ("两小时"), they are never a decimal digit (一点二, not 一点两).
_ZHD_DEC = "零〇一壹二贰貳三叁參四肆五伍六陆陸七柒八捌九玖"
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
        body = frac.rstrip("萬万億亿")
        scale = 1.0
        for c in frac[len(body):]:  # 三點五億 is 3.5 x 10^8
            scale *= ZH_BIG_UNITS[c]
        digits = "".join(str(ZH_DIGITS[c]) if c in ZH_DIGITS else c for c in body if c.isdigit() or c in ZH_DIGITS)
        if digits:
            value += float("0." + digits)
        value *= scale
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
    s = span.replace(",", "")
    if s.isascii() and s.replace(".", "", 1).isdigit():  # most numbers: the replacements below change nothing
        v = float(s)
        return v if abs(v) != float("inf") else None
    s = s.replace(" ", "").replace("\u202f", "").replace("\u00a0", "").replace("−", "-")
    s = s.replace("负", "-").replace("負", "-")
    if "^" in s:
        base, _, exp = s.partition("^")
        digits = exp.lstrip("+-")
        signs = exp[:len(exp) - len(digits)]
        exp = ("-" if signs.count("-") % 2 else "") + digits  # "--23" is +23: two minus signs cancel
        try:
            value = float(base) ** float(exp) if abs(float(exp)) < 300 else None
        except (ValueError, OverflowError, ZeroDivisionError):
            return None
        return value if isinstance(value, float) else None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if v == v and abs(v) != float("inf") else None


# ---------------------------------------------------------------- the pattern
def word_alternation(words, ignore_case: bool = True, space: str = r"[ ]+") -> str:
    """A regex matching any of `words`, built as a trie: Python's engine tries a plain `a|b|c` branch by branch,
    so a long word list costs at every position. Longer words are tried first, as in a longest-first alternation;
    a space in a word matches `space`. ignore_case wraps the trie in `(?i:...)`: lower-case literals under the
    flag compile faster and match faster than a `[aA]` class per letter (measured: 20% less compile time for
    the claim grammar, 15% more sentences a second)."""
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
            else:
                head = re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return ("(?i:" if ignore_case else "(?:") + emit(trie) + ")"


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
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?!\d|,\d|\.\d)|\d+(?:\.\d+)?|(?<!\.)\.\d+)"
    r"(?:[eE][-+]?\d{1,3}(?![\d])|\^[-+]*\d+)?"
)
# DIGITS with each X? written (?:X|) (see _number_core): the same matches, no repeat where group marks are saved
_DIGITS_GUARDED = (
    r"(?:(?<![\w.,\-−])[-−](?=\.?\d)|[负負](?=\d)|)"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+|)(?!,\d)|\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+|)(?!\d|,\d|\.\d)|\d+(?:\.\d+|)"
    r"|(?<!\.)\.\d+)"
    r"(?:[eE][-+]?\d{1,3}(?![\d])|\^[-+]*\d+|)"
)
# 千 and 兆 before a unit are its metric prefix (千米 kilometre, 千克, 兆字節), not a thousand or a trillion.
_METRIC_NEXT = "(?![米克瓦卡字比赫焦])"
# 百分位 is a percentile; 百 and 千 never follow another of 十百千 ("五十千" is 50, then a stray 千).
_ZHU_N = (rf"(?:[十拾萬万億亿]|(?<![十拾百佰千仟])[百佰](?![ ]*分)|(?<![十拾百佰千仟])[千仟]{_METRIC_NEXT}"
          rf"|兆{_METRIC_NEXT})")
ZH_NUM = (
    rf"(?:[负負][ ]*)?(?:[{_ZHD}]|[十拾百佰]|[千仟]{_METRIC_NEXT}|半(?=[百千]))"
    rf"(?:[ ]*(?:[{_ZHD}]|{_ZHU_N}|\d+(?:\.\d+)?|[余餘多几幾](?=[ ]*[{_ZHU}])))*"
    rf"(?:[ ]*[点點][ ]*(?:[{_ZHD_DEC}]|\d)+(?:[ ]*[萬万億亿]+)?)?"  # 三點五億: a scale after the decimal
)
# After digits: a Chinese scale and what follows it ("1.2萬", "3万4000", "5億1萬4千6百", "1,000多萬").
ZH_CONT = (
    rf"(?:[ ]*(?:[余餘多几幾][ ]*)?{_ZHU_N}(?:[ ]*(?:{_ZHU_N}|[零〇]|\d+(?:\.\d+)?|[{_ZHD_NZ}](?![{_ZHD_NZ}])"
    rf"|[余餘多几幾](?=[ ]*[{_ZHU}])))*(?:[点點](?:[{_ZHD_DEC}]|\d)+)?)"
)
# Digits mixed with scale words: "4 thousand 3 hundred and 21", "3 hundred and one". Only after a spelled-out
# scale (a lookbehind on its last letters), and "and N" only after hundred or thousand, so "1 million and 20
# companies" stays two numbers.
# A number word below 100 ("forty-five", "seven"); claims reads cents with it too.
SMALL_WORDS = (rf"(?:{word_alternation(EN_TENS)}(?:[ ]*-[ ]*|[ ]+){word_alternation(_ONE_TO_NINE)}"
               rf"|{word_alternation([*EN_UNITS, *EN_TENS])})\b")
_MIXED_STEP = r"[ ]+(?:[aA][nN][dD][ ]+)?\d{1,3}(?![\d,.])[ ]*"
EN_MIXED = (
    r"(?:(?<=[dD])|(?<=[oO][nN]))"
    # each step's scale smaller than the last: "4 thousand 3 hundred", never "3 hundred and 2 hundred"
    r"(?:(?<=(?i:billion))" + _MIXED_STEP + r"(?i:million|thousand|hundred)\b"
    r"|(?<=(?i:million))" + _MIXED_STEP + r"(?i:thousand|hundred)\b|(?<=(?i:thousand))" + _MIXED_STEP + r"(?i:hundred)\b)*"
    rf"(?:(?<=[dD])[ ]+[aA][nN][dD][ ]+(?:[1-9]\d?(?![\d,.%])|{SMALL_WORDS})"
    rf"(?![ ]*-?[ ]*(?i:hundred|thousand|million|billion|dozen)))?"
)
EN_SCALE_AFTER = (
    rf"(?:[ ]*-?[ ]*(?i:{_SCALES_ALT}|bn|mn|bln|tln|mil|mm)\b|[ ]?(?:[kKMmbBG]|bn|mn|tn)(?![A-Za-z²³]))"
)
# The core: percent prefix, then one number, then scale and percent/成 suffix. Named groups are read by
# `Number.from_match`; claims.py embeds the same string in its own larger pattern.
def _number_core(guarded: bool) -> str:
    """NUMBER_CORE as written, or (guarded) with each optional part behind a lookahead of what it must start with,
    past its leading spaces: after most numbers (" companies", "間") the engine then skips a part in one test,
    where it tried every scale word ("hundred", "thousand" ... seventeen, case-blind) after each split of the
    spaces (~0.7 us a number). A part matches only where its lookahead holds, so the matches are the same."""
    def opt(group: str, first: str) -> str:
        # (?:X|) is X? (X first, else nothing) without a repeat: the engine saves every group mark so far at each
        # repeat, and in the claim grammar the number's groups come after some sixty others
        return f"(?:(?={first}){group}|)" if guarded else group + "?"
    return (
        opt(r"(?P<pctpre>百分之[ ]*|(?i:per[ ]?cent(?:s)?[ ]+of|percent(?:s)?[ ]+of)[ ]+)", r"百|(?i:p)")
        + opt(r"(?P<eneg>(?i:minus|negative)[ ]+)", r"(?i:[mn])")
        + rf"(?:(?P<dig>{_DIGITS_GUARDED if guarded else DIGITS})"
        + opt(rf"(?P<zc>{ZH_CONT})", r"[ ]*[余餘多几幾十拾萬万億亿百佰千仟兆]")
        + opt(rf"(?P<esc>{EN_SCALE_AFTER})", r"[ ]*-?[ ]*(?i:[htmbd])|[ ]?[kKMmbBGt]")
        + (rf"(?:(?P<mix>{EN_MIXED})|)" if guarded else rf"(?P<mix>{EN_MIXED})?")
        + rf"|(?P<zh>{ZH_NUM})"
        + rf"|(?P<ew>{EN_WORDS})"
        + (r"(?:(?P<ewsc>[ ]+(?i:bn|mn)\b)|))" if guarded else r"(?P<ewsc>[ ]+(?i:bn|mn)\b)?)")
        + opt(rf"(?P<pct>[ ]?(?:%|(?i:per[ ]?cent(?:age)?s?|percent(?:age)?s?|pct)\b|[個个]百分點|[個个]百分点)"
              rf"|[ ]*成(?P<chalf>半)?(?:[ ]?(?P<chd>[一二三四五六七八九]|\d)(?![\d{_ZHD}{_ZHU}.]))?"
              rf"|[ ]*折(?![扣])(?<!十折))", r"[ ]*(?:[%個个成折]|(?i:p))")
        + opt(r"(?P<dozen>[ ]*打(?![造破算開开击擊工]))", r"[ ]*打")
    )


NUMBER_CORE = _number_core(guarded=False)
# The same matches, faster: what claims.py compiles (NUMBER_CORE is the grammar as written, for the guards'
# derivation and the tests).
NUMBER_CORE_GUARDED = _number_core(guarded=True)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """`text` lower-cased with every offset kept (str.lower() is used when it keeps the length, as it does for all
    but a few letters; else only A-Z are lowered). Word lists then match as lower-case literals, which the
    engine skips on their first letter."""
    if text.isascii():
        return text.lower()
    low = text.lower()  # one character for one (no character lowers to none), unless one lowered to two (İ)
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


# Something every number holds: a digit, a Chinese numeral or an English number word. Cheap to search for; it
# searches fold(text).
_TRIGGER_WORDS = (word_alternation([*EN_UNITS, *EN_TENS, *_SCALES_ALT.split("|")], ignore_case=False)
                  + r"|half|halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?")
NUMBER_TRIGGER = re.compile(rf"\d|[{_ZHD}{_ZHU}半]|(?<![a-z0-9_])(?:{_TRIGGER_WORDS})\b")
# Whether NUMBER_TRIGGER finds anything, in scans the engine runs without entering a pattern at every character:
# a digit or numeral by its class, a number word by TRIGGER_WORD (below).
_TRIGGER_CHAR = re.compile(rf"[\d{_ZHD}{_ZHU}半]")


def has_number_trigger(folded: str) -> bool:
    """NUMBER_TRIGGER.search(folded) is not None, for a whole text that may hold no number at all."""
    return _TRIGGER_CHAR.search(folded) is not None or TRIGGER_WORD.search(folded) is not None


# Every number word of NUMBER_TRIGGER, one trie for each first letter, the lookbehind after that letter
# ("o(?<![a-z0-9_]o)ne|..."): a pattern whose alternatives all open with a letter lets the engine skip in one fast
# scan to the next such letter, where NUMBER_TRIGGER ran its branches at every character. At most one word
# matches at a position (one followed by \b is no prefix of another), so the span is NUMBER_TRIGGER's; with
# TRIGGER_CHAR (the numerals, one class) it finds what NUMBER_TRIGGER finds.
_TRIGGER_WORD_LIST = [*EN_UNITS, *EN_TENS, *_SCALES_ALT.split("|"), "half", "halves", "third", "thirds", "quarter",
                      "quarters", "fifth", "fifths", "sixth", "sixths", "eighth", "eighths", "tenth", "tenths"]
TRIGGER_WORD = re.compile("(?:" + "|".join(
    f"{re.escape(first)}(?<![a-z0-9_]{re.escape(first)})"
    + word_alternation([w[1:] for w in _TRIGGER_WORD_LIST if w[0] == first], ignore_case=False)
    for first in sorted({w[0] for w in _TRIGGER_WORD_LIST})) + r")\b")
TRIGGER_CHAR = _TRIGGER_CHAR
# In English text most letters are the first letter of some number word, and TRIGGER_WORD stops at each: a scan
# to the next character that is no [a-z0-9_] (mostly a space), then the words, stops less often. The word is
# group 1; a word at the very start has no character before it (TRIGGER_WORD_AT).
TRIGGER_WORD_AFTER = re.compile(rf"[^a-z0-9_]((?:{_TRIGGER_WORDS})\b)")
TRIGGER_WORD_AT = re.compile(rf"(?:{_TRIGGER_WORDS})\b")


def next_trigger_word(folded: str, pos: int) -> tuple[int, int] | None:
    """The span of TRIGGER_WORD.search(folded, pos), by the scan that suits the text: to the next separator in
    ASCII text, to the next first letter in any other (where every Chinese character is a separator)."""
    if folded.isascii():
        if pos == 0:
            m = TRIGGER_WORD_AT.match(folded)
            if m is not None:
                return m.span()
        m = TRIGGER_WORD_AFTER.search(folded, pos - 1 if pos else 0)
        return None if m is None else m.span(1)
    m = TRIGGER_WORD.search(folded, pos)
    return None if m is None else m.span()


RANGE_JOIN = re.compile(r"[ ]*(?:-|–|—|~|～|至|到|(?i:to|through))[ ]*$")


@functools.cache
def _number_re() -> re.Pattern:
    """NUMBER_CORE alone (guarded: the same matches), for `find_numbers`; compiled on first use (claims use their
    own larger pattern)."""
    return re.compile(NUMBER_CORE_GUARDED)


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
    g = m.group
    return value_of_groups(g, *g("dig", "zc", "esc", "mix", "eneg", "dozen", "pct", "pctpre"))


def value_of_groups(g, dig, zc, esc, mix, eneg, dozen, pct, pctpre) -> tuple[float, str, bool, bool, bool] | None:
    """value_of_match with the match's groups the most numbers need already read (a caller that reads them with
    others reads the match once); `g`: the match's group method, for the rest."""
    approx = scaled = words = False
    if dig is not None:
        if zc:
            parsed = parse_chinese(dig + zc)
            if parsed is None:
                return None
            value, approx = parsed
            scaled = True
        else:
            value = parse_digits(dig)
            if value is None:
                return None
        if mix:
            mixed = parse_english_words(f"{value:f} {esc} {mix}")
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
    if eneg:
        value = -value
    if dozen:
        value *= 12
    kind = "number"
    if pctpre:
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
            digits = (g("zh") or "").replace(" ", "")
            if len(digits) == 2 and all(c in ZH_DIGITS for c in digits):  # 五五折 is 55%, 九九折 99%
                value = float(ZH_DIGITS[digits[0]] * 10 + ZH_DIGITS[digits[1]])
            value = value * 10 if value < 10 else value
            kind = "percent"
        else:
            kind = "percent"
    return value, kind, approx, scaled, words


# ---------------------------------------------------------------- fractions
# "three quarters", "one and a half", "twenty-three fifths", "1 3/5", 三分之一, 三百五又三分之一. Read by the
# plain grammar (`find_numbers`) as their value (0.75); claims read shares of a whole ("two-thirds of") as
# percent in transforms.claims.
_ORDINAL_VALUES = {"half": 2, "halves": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6,
                   "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
                   "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
                   "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40,
                   "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
                   "hundredth": 100, "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9,
                   "trillionth": 10**12}
_UNIT_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9}
_ORD_WORD = ("(?:" + "|".join(sorted(_ORDINAL_VALUES, key=len, reverse=True)) + ")s?")
_COMPOUND_ORD = ("(?:" + "|".join(EN_TENS) + ")-(?:" + "|".join(_UNIT_ORDINALS) + ")s?")
_FRAC_NUMWORD = "(?:" + "|".join(sorted([*EN_UNITS, *EN_TENS, "hundred", "thousand", "million", "billion",
                                          "trillion", "a", "an", "and"], key=len, reverse=True)) + ")"
_TENS_FIRST = "(?:" + "|".join(EN_TENS) + ")[ ]+(?:first|second)s?"
_ZH_FRAC_CH = rf"[\d{_ZHD}{_ZHU}]"
_ZH_FRAC_NUM = rf"{_ZH_FRAC_CH}(?:[ ]*{_ZH_FRAC_CH})*"
_NUMWORDS_SPAN = rf"(?:{_FRAC_NUMWORD}|\d+(?:\.\d+)?)(?:(?:[ ]+|[ ]*-[ ]*)(?:{_FRAC_NUMWORD}|\d+(?:\.\d+)?))*"
_SCALE_AFTER_FRACTION = r"(?:[ ]+(?:of[ ]+)?(?:an?[ ]+)?(?P<fsc>(?i:dozen|hundred|thousand|million|billion|trillion))(?![A-Za-z]))?"
_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_FRACTION_PATTERN = (
    rf"(?<![A-Za-z])(?P<ef>(?P<eneg>(?i:negative|minus)[ ]+)?(?i:(?:(?:{_FRAC_NUMWORD}|\d+(?:\.\d+)?)(?:[ ]+|[ ]*-[ ]*))+"
    rf"(?:{_COMPOUND_ORD}|{_ORD_WORD}|{_TENS_FIRST})|half|quarter(?=[ ]+(?:million|billion|thousand)\b)))(?![A-Za-z])"
    rf"{_SCALE_AFTER_FRACTION}"
    rf"|(?<![A-Za-z])(?P<over>(?P<oneg>(?i:negative|minus)[ ]+)?(?P<ovn>(?i:{_NUMWORDS_SPAN}))[ ]+"
    rf"(?i:over|out[ ]+of|in)[ ]+(?P<ovd>(?i:{_NUMWORDS_SPAN})))(?![A-Za-z\d])"
    rf"|(?<![\d/.])(?P<dfrac>(?:(?P<dw>-?\d+)[ ]+)?(?P<dn>-?\d+)/(?P<dd>\d+))(?![\d/])"
    rf"|(?P<vulgar>(?P<vw>\d+)?[{_VULGAR}])"
    rf"|(?<![\d.])(?P<sci>(?P<sm>-?\d+(?:\.\d+)?)[ ]*[x×][ ]*10[ ]*\^[ ]*(?P<se>[-+]?\d+))"
    rf"|(?P<zdisc>[对對][折摺]|半折|半成)"
    rf"|(?![百佰][ ]*分)(?P<zfrac>(?:(?P<zw>[负負]?{_ZH_FRAC_NUM})[ ]*又[ ]*)?(?P<zdn>[负負]?[ ]*{_ZH_FRAC_NUM})[ ]*分[ ]*之[ ]*"
    rf"(?P<znu>[负負]?[ ]*{_ZH_FRAC_NUM}(?:[点點]{_ZH_FRAC_CH}+)?))"
)


@functools.cache
def fraction_re() -> re.Pattern:
    """Fractions in words, digits and Chinese: compiled on first use (only `find_numbers` reads them; ~12 ms of
    every start of `extract` otherwise)."""
    return re.compile(_FRACTION_PATTERN)


_EN_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)?|\d+(?:\.\d+)?")
# "三斤半", "一噸半", "兩米半": a measure word, then half of it.
_HALF_AFTER_MEASURE = re.compile(r"[\u4e00-\u9fff]{1,2}?半(?![年價价])")
_HYPHEN_SPACES = re.compile(r"[ ]*-[ ]*")


def _ordinal_value(word: str) -> float | None:
    w = word.lower()
    if "-" in w:
        tens, _, unit = w.partition("-")
        unit = unit[:-1] if unit.endswith("s") and unit[:-1] in _UNIT_ORDINALS else unit
        return float(EN_TENS[tens] + _UNIT_ORDINALS[unit]) if tens in EN_TENS and unit in _UNIT_ORDINALS else None
    if w in _ORDINAL_VALUES:
        return float(_ORDINAL_VALUES[w])
    if w.endswith("s") and w[:-1] in _ORDINAL_VALUES:
        return float(_ORDINAL_VALUES[w[:-1]])
    if w == "halves":
        return 2.0
    if w in ("first", "firsts", "second", "seconds"):  # only after a tens word ("three twenty firsts")
        return 1.0 if w.startswith("f") else 2.0
    return None


def _words_value(tokens: list[str]) -> float | None:
    if not tokens or tokens[-1] == "and" or tokens[0] == "and":
        return None
    if tokens in (["a"], ["an"]):
        return 1.0
    return parse_english_words(" ".join(tokens))


_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion"}


def _tokens(span: str) -> tuple[list[str], set[int]]:
    """Words of `span`, and the positions i where word i is bound to word i+1 by a hyphen ("ninety-five")."""
    tokens, bound = [], set()
    for t in _EN_TOKEN.findall(_HYPHEN_SPACES.sub("-", span.lower())):
        if "-" in t and _ordinal_value(t) is None:
            a, b = t.split("-", 1)
            bound.add(len(tokens))
            tokens += [a, b]
        else:
            tokens.append(t)
    return tokens, bound


def parse_english_fraction(span: str, scale: float = 1.0) -> float | None:
    """Value of an English fraction in words: "three quarters" 0.75, "one and a half" 1.5, "twenty-three
    fifths" 4.6, "one hundred thirty fifths" 100/35, "one one hundred and fifth" 1/105, "half" 0.5.
    A whole number and a fraction below one ("twenty and three fifths", "3 million and a half") add up."""
    tokens, bound = _tokens(span)
    if tokens in (["half"], ["quarter"]):
        return (0.5 if tokens[0] == "half" else 0.25) * scale
    if len(tokens) < 2:
        return None
    den = _ordinal_value(tokens[-1])
    if den is None:
        return None
    body = tokens[:-1]
    if "and" in body:
        i = len(body) - 1 - body[::-1].index("and")
        head, tail = body[:i], body[i + 1:]
        whole, num = _words_value(head), _words_value(tail)
        if whole is not None and num is not None and num < den:
            if scale == 1 and head[-1] in ("million", "billion", "trillion"):  # "3 million and a half"
                scale = EN_SCALES[head[-1]]
            return whole + scale * num / den
    # the denominator takes the words before the ordinal that end in a tens word or a scale ("three twenty
    # firsts" 3/21, "one one hundred and fifth" 1/105) while a numerator is left, not split inside "ninety-five"
    if den < 100:
        for j in range(1, len(body)):
            prefix = [t for t in body[j:] if t != "and"]
            if not prefix or prefix[0] in _SCALE_WORDS or (j - 1) in bound or "and" in (body[j - 1], body[j]):
                continue
            last = prefix[-1]
            if not (last in EN_TENS and den < 10 or last in _SCALE_WORDS):
                continue
            num, extra = _words_value(body[:j]), parse_english_words(" ".join(prefix))
            if num is not None and extra is not None:
                return scale * num / (extra + den)
    num = _words_value(body)
    return None if num is None else scale * num / den


def _zh_value(span: str) -> float | None:
    s = span.replace(" ", "")
    negative = s[:1] in ("负", "負")
    parsed = parse_chinese(s[1:] if negative else s)
    if parsed is None:
        return None
    return -parsed[0] if negative else parsed[0]


def fraction_value(m: re.Match) -> float | None:
    """The value of a fraction_re() match, or None when it is not one after all."""
    if m.group("ef"):
        scale = float(EN_SCALES[m.group("fsc").lower()]) if m.group("fsc") else 1.0
        value = parse_english_fraction(m.group("ef")[len(m.group("eneg") or ""):], scale)
        if value is None:
            return None
        return -value if m.group("eneg") else value
    if m.group("over"):
        num, den = parse_english_words(m.group("ovn")), parse_english_words(m.group("ovd"))
        if num is None or not den or num >= den:
            return None  # "12 in six boxes", "12 out of 10" are two numbers
        return -num / den if m.group("oneg") else num / den
    if m.group("vulgar"):
        import unicodedata

        v = m.group("vulgar")
        return (float(m.group("vw")) if m.group("vw") else 0.0) + unicodedata.numeric(v[-1])
    if m.group("zdisc"):
        return 5.0 if m.group("zdisc") == "半成" else 50.0  # discounts: 對折 half price, 半成 5%
    if m.group("sci"):
        return float(m.group("sm")) * 10.0 ** int(m.group("se")) if abs(int(m.group("se"))) < 300 else None
    if m.group("dfrac"):
        d = float(m.group("dd"))
        if d == 0:
            return None
        value = float(m.group("dn")) / d
        if m.group("dw"):
            w = float(m.group("dw"))
            value = w - value if w < 0 else w + value
        return value
    den, num = _zh_value(m.group("zdn")), _zh_value(m.group("znu"))
    if not den or num is None:
        return None
    value = num / den
    if m.group("zw"):
        whole = _zh_value(m.group("zw"))
        if whole is None:
            return None
        value = whole - value if whole < 0 else whole + value
    return value


@functools.cache
def _digit_runs_re() -> re.Pattern:
    """Digits that look like one number and are not: dotted groups ("2222.2222.222": a version, an address,
    a list, never a decimal) are read group by group; a discount written digit by digit ("7 2 折", as 七二折)
    is one figure, 72%."""
    return re.compile(r"(?<![\d.])(?P<dotted>\d+(?:\.\d+){2,})(?!\d)|(?<![\d.])(?P<d1>[1-9])[ ](?P<d2>\d)[ ]?折")


def find_numbers(text: str) -> list[Number]:
    """Every number the grammar reads in `text`, ranges ("10 to 20", "10-20", "10至20") joined, fractions
    ("three quarters", "1 3/5", 三分之一) as their value."""
    text = normalize(text)
    out: list[Number] = []
    fractions: list[Number] = []
    if "/" in text or "分" in text or "^" in text or not text.isascii() or any(c.isalpha() for c in text):
        for fm in fraction_re().finditer(text):
            value = fraction_value(fm)
            if value is not None:
                fractions.append(Number(plain(value), fm.start(), fm.end(), fm.group(0)))
    if "." in text or "折" in text:
        for dm in _digit_runs_re().finditer(text):
            if dm.group("d1"):
                fractions.append(Number(float(dm.group("d1") + dm.group("d2")), dm.start(), dm.end(), dm.group(0),
                                        "percent"))
                continue
            pos = dm.start()
            for group in dm.group("dotted").split("."):
                fractions.append(Number(float(group), pos, pos + len(group), group))
                pos += len(group) + 1
        fractions.sort(key=lambda n: n.start)
    taken = [(f.start, f.end) for f in fractions]
    for m in _number_re().finditer(text):
        if taken and any(a < m.end() and m.start() < b for a, b in taken):
            continue
        parsed = value_of_match(m)
        if parsed is None:
            continue
        value, kind, approx, scaled, words = parsed
        if m.group("dig") and m.group("esc") and m.group("esc") == "m" and not m.group("zc"):
            value, scaled = parse_digits(m.group("dig")), False  # "1m" alone reads as a metre, not a million
            if value is None:
                continue
        if kind == "number" and (m.group("zh") or m.group("dig")) and "半" in text[m.end():m.end() + 3]:
            half = _HALF_AFTER_MEASURE.match(text, m.end())
            if half and not any(c in ZH_DIGITS or c in ZH_SMALL_UNITS for c in half.group(0)[:-1]):
                value += 0.5
        num = Number(plain(value), m.start(), m.end(), m.group(0), kind, approx=approx, scaled=scaled, words=words)
        if out and kind == out[-1].kind and out[-1].value_high is None:
            gap = text[out[-1].end:m.start()]
            if gap and RANGE_JOIN.match(gap) and len(gap) < 12 and out[-1].value <= value:
                prev = out[-1]
                prev.value_high, prev.end = value, m.end()
                prev.text = text[prev.start:prev.end]
                continue
        out.append(num)
    if fractions:
        out = sorted(out + fractions, key=lambda n: n.start)
    return out
