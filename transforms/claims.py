"""Numeric claims in press-release text: value, qualifier, currency, counted noun, kind and metric.

    >>> [(c.metric, c.value, c.qualifier) for c in extract_claims("約1,700間來自26個國家及地區的科技公司")]
    [('tech_companies', 1700.0, 'about'), ('countries_regions', 26.0, 'exact')]

Dates, quarters, ordinals, phone numbers, page numbers, URLs, e-mails and names with numbers ("COP28",
"Photo 3", "Stage 2", "2024-25 Budget") are never count claims; a year may come out with kind "year".
"""

from __future__ import annotations

import functools
import re

from transforms.metrics import key_for, load_vocabulary, matchers
from transforms.model import NON_CLAIM_SECTIONS, Claim, Release
from transforms.numbers import (EN_ABBREV, EN_SCALES, NUMBER_CORE, NUMBER_TRIGGER, normalize, plain,
                                value_of_match, word_alternation)
from transforms.language import detect_language
from transforms.sentences import sentence_spans

__all__ = ["extract_claims", "extract_release_claims", "QUALIFIER_WORDS"]

# ------------------------------------------------------------------ qualifiers
QUALIFIER_WORDS = {
    "about": ["around", "about", "approximately", "approx.", "approx", "roughly", "some", "circa", "an estimated",
              "estimated", "約", "约", "大約", "大约", "約有", "约有", "大概", "左右"],
    "over": ["over", "more than", "above", "exceeding", "in excess of", "upwards of", "north of", "well over",
             "逾", "超過", "超过", "超逾", "超", "多於", "多于", "超出"],
    "at_least": ["at least", "a minimum of", "no fewer than", "no less than", "not less than", "至少", "最少",
                 "不少於", "不少于"],
    "nearly": ["nearly", "almost", "close to", "just under", "近", "接近", "將近", "将近", "差不多", "幾近", "几近"],
    "under": ["under", "less than", "fewer than", "below", "不足", "少於", "少于", "低於", "低于", "不到"],
    "up_to": ["up to", "as many as", "as much as", "as high as", "多達", "多达", "高達", "高达", "最多"],
    "exact": ["exactly", "a total of", "totalling", "totaling", "total of", "達", "达", "共", "合共", "總共", "总共",
              "共有", "達到", "达到"],
}
_QUAL_OF = {w: q for q, ws in QUALIFIER_WORDS.items() for w in ws}
_EN_QUALS = sorted((w for w in _QUAL_OF if w.isascii()), key=len, reverse=True)
_ZH_QUALS = sorted((w for w in _QUAL_OF if not w.isascii() and w != "左右"), key=len, reverse=True)
_QUAL_RE = (
    r"(?P<q>(?<![A-Za-z])" + word_alternation(_EN_QUALS) + r"[ ]+"
    r"|(?<![最附將将])(?:" + "|".join(map(re.escape, _ZH_QUALS)) + r")[ ]?)"
)

# ------------------------------------------------------------------ currencies
_CUR_PREFIX = {
    "hk$": "HKD", "hkd": "HKD", "us$": "USD", "usd": "USD", "u.s.$": "USD", "u.s$": "USD", "rmb": "CNY",
    "cny": "CNY", "nt$": "TWD", "s$": "SGD", "sgd": "SGD", "c$": "CAD", "a$": "AUD", "nz$": "NZD", "eur": "EUR",
    "gbp": "GBP", "jpy": "JPY", "usd$": "USD", "aud$": "AUD", "cad$": "CAD", "nzd$": "NZD", "mxn$": "MXN",
    "mex$": "MXN", "hkd$": "HKD", "sgd$": "SGD", "aud": "AUD", "cad": "CAD", "chf": "CHF", "£": "GBP", "€": "EUR",
    "¥": "CNY", "￥": "CNY", "港幣": "HKD", "港币": "HKD",
    "港元": "HKD", "人民幣": "CNY", "人民币": "CNY", "美元": "USD", "₡": "CRC", "₾": "GEL", "₭": "LAK",
}
_CUR_PREFIX_RE = (
    r"(?P<cur>(?:(?<![A-Za-z])(?:HK|hk|US|us|u\.s\.?|U\.S\.?|NT|S|C|c|NZ)[ ]?\\?\$|\\?\$"
    r"|(?<![A-Za-z])(?i:usd|aud|cad|nzd|mxn|hkd|sgd|mex)\$"
    r"|(?<![A-Za-z])(?P<mega>M(?=[A-Z]{3}(?![A-Za-z])))?(?i:HKD|USD|RMB|CNY|SGD|EUR|GBP|JPY|AUD|CAD|CHF)(?![A-Za-z])"
    r"|[£€¥￥]|港幣|港币|港元|人民幣|人民币|美元)[ ]*)"
)
_CUR_SUFFIX = {
    "港元": "HKD", "港幣": "HKD", "港币": "HKD", "港圓": "HKD", "美元": "USD", "美圓": "USD", "美圆": "USD",
    "美金": "USD", "人民幣": "CNY", "人民币": "CNY", "元人民幣": "CNY", "元人民币": "CNY", "歐元": "EUR",
    "欧元": "EUR", "英鎊": "GBP", "英镑": "GBP", "日元": "JPY", "日圓": "JPY", "日圆": "JPY", "澳元": "AUD",
    "加元": "CAD", "新台幣": "TWD", "新台币": "TWD", "台幣": "TWD", "台币": "TWD", "瑞士法郎": "CHF",
    "奈拉": "NGN", "元": None, "圓": None, "块": None, "塊": None, "蚊": "HKD",
    "hong kong dollars": "HKD", "hong kong dollar": "HKD", "hk dollars": "HKD", "us dollars": "USD",
    "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD", "singapore dollars": "SGD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "dollars": "$", "dollar": "$", "hkd": "HKD",
    "usd": "USD", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "yen": "JPY",
    "swiss francs": "CHF", "swiss franc": "CHF", "francs": None, "eur": "EUR",
}
_CUR_SUFFIX_RE = re.compile(
    r"[ ]?(?P<curs>元?人民幣|元?人民币|港元|港幣|港币|港圓|美元|美圓|美圆|美金|歐元|欧元|英鎊|英镑|日元|日圓|日圆|澳元|加元"
    r"|新台幣|新台币|台幣|台币|瑞士法郎|奈拉|元|圓|块|塊|蚊)"
    r"|[ ](?P<cursen>(?i:(?:hong[ ]kong|hk|us|u\.s\.|american|singapore|canadian|australian|chinese|swiss)[ ]+"
    r"(?:dollars?|yuan|francs?)|dollars?|hkd|usd|rmb|cny|yuan|renminbi|euros?|pounds[ ]sterling|pounds?|yen|francs?|eur)"
    r"(?![A-Za-z]))|(?P<curcode>HKD|USD|RMB|CNY|EUR|GBP|JPY)(?![A-Za-z])|[ ]?(?P<cursym>€|£|¥|\$)"
    # Finance shorthand for millions: "30 MUSD", "120 MEUR".
    r"|[ ]?M(?P<curmega>USD|HKD|RMB|CNY|EUR|GBP|JPY|AUD|CAD|CHF|SGD)(?![A-Za-z])"
)

# ------------------------------------------------------------------ things that are not counts
_MONTH = word_alternation("January February March April May June July August September October November December"
                          " Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split(), ignore_case=False) + r"\.?"
_NAME_WORDS = word_alternation(
    "photo photos stage batch phase page p. no. nos. number room floor level block tower chapter section article item"
    " figure fig. table annex appendix gate exit platform version season grade episode vol vol. volume issue part"
    " series cohort wave lot plot unit bay lab zone hall booth stand row cop g web industry top".split())
_SKIP = (
    r"(?P<skip>(?:https?://|www\.)[^\s)\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|" + word_alternation(["tel", "fax", "phone", "mobile", "電話", "电话", "傳真", "传真"])
    + r"[ ]*[:：.]?[ ]*[+(]?\d[\d ()\-/]{6,}\d"
    r"|(?<![\d,.])(?:\+\d{1,3}[ \-]?)?\(?\d{3,4}\)?[ \-]\d{4}(?:[ ]*/[ ]*\d{4}(?:[ \-]?\d{4})?)*(?![\d,])"
    r"|(?<![\d,.])(?:19|20)\d\d[ ]*[-–/][ ]*(?:(?:19|20)\d\d|\d\d)(?![\d%])(?:[ ]*(?:年度|財政年度|财政年度))?"
    r"|(?<![A-Za-z])" + _NAME_WORDS + r"[ ]*[#.]?[ ]*\d+[A-Za-z]?(?:[ ]*(?:&|and|-|,|of|/)[ ]*\d+)*"
    r"|(?<![A-Za-z])(?=[A-Za-z]+-?\d)(?!(?i:hkd|usd|rmb|cny|eur|gbp|jpy|sgd|aud|cad)\d)[A-Za-z]+[\-]?\d+[A-Za-z0-9]*(?:[-–]\d+)?"
    r"|第[ ]*(?:\d+|[〇零一二兩两三四五六七八九十百千]+)|[圖图表][ ]*[一二三四五六七八九十\d]+"
    r"|\d+[ ]?(?i:st|nd|rd|th)(?![A-Za-z])"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:[ ]*(?i:am|pm|a\.m\.|p\.m\.))?|\d{1,2}[ ]?(?i:am|pm|a\.m\.|p\.m\.)(?![A-Za-z])"
    r"|(?<![\d.])\d+(?:\.\d+){2,})"
)
_DATE = (
    r"(?P<date>\d{1,2}(?:st|nd|rd|th)?[ ]+" + _MONTH + r"(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|" + _MONTH + r"[ ]+\d{1,2}(?!\d)(?:st|nd|rd|th)?(?:,?[ ]+(?:19|20)\d\d)?(?!\d)"
    r"|" + _MONTH + r",?[ ]+(?:19|20)\d\d(?!\d)"
    r"|(?:(?:19|20)\d\d|[〇零一二三四五六七八九]{4})[ ]*年[ ]*\d{1,2}[ ]*月(?:[ ]*\d{1,2}[ ]*[日號号])?"
    r"|\d{1,2}[ ]*月[ ]*\d{1,2}[ ]*[日號号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日號号]"
    r"|(?<![\d.])(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|(?<![\d.])\d{1,2}/\d{1,2}/(?:19|20)?\d\d(?!\d))"
)
_QUARTER = (
    r"(?P<quarter>(?<![A-Za-z])(?:Q[1-4]|[1-4]Q|H[12]|FY)[ ]*(?:(?:19|20)\d\d|'?\d\d)?(?![A-Za-z\d])"
    r"|(?i:(?:first|second|third|fourth|1st|2nd|3rd|4th)[ ]+quarter)(?:[ ]+(?:of[ ]+)?(?:19|20)\d\d)?"
    r"|(?:(?:19|20)\d\d[ ]*年[ ]*)?第[ ]*[一二三四1-4][ ]*季(?:度)?)"
)
_ZH_YEAR = r"(?P<zhyear>(?<![\d,.])(?:19|20)\d\d)[ ]*年(?![代度])"
_RATIO = r"(?P<ratio>(?<![\d.:])1[ ]?[:：][ ]?(?P<ratio_n>\d+(?:\.\d+)?)(?![\d:])(?![ ]*(?i:am|pm)))"

# Start only at a word start or a digit: every alternative begins there, and mid-word positions are most of a text.
_CLAIM_PATTERN = (
    r"(?:(?<![A-Za-z])|(?=\d))(?:" + _DATE + "|" + _QUARTER + "|" + _RATIO + "|" + _SKIP + "|" + _ZH_YEAR
    + r"|" + _QUAL_RE + r"?" + _CUR_PREFIX_RE + r"?" + "(?P<core>" + NUMBER_CORE + "))"
)

# Without an "@" in the sentence the e-mail alternative cannot match; dropping it leaves the same matches and
# lets the pattern's possible first characters be narrowed (its [\w.+-]+ admits any letter or ideograph).
_EMAIL_ALT = r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_CLAIM_RE_NO_AT = (
    re.compile(_CLAIM_PATTERN.replace(_EMAIL_ALT, "", 1)) if _CLAIM_PATTERN.count(_EMAIL_ALT) == 1 else None
)


@functools.cache
def _claim_re() -> re.Pattern:
    """The whole pattern, e-mail included: compiled on first need (0.1 s), since most sentences have no "@"."""
    return re.compile(_CLAIM_PATTERN)


def _first_char_pattern(pattern: re.Pattern) -> re.Pattern | None:
    """A pattern matching one character at every position where `pattern` may start a match, or None when
    that cannot be narrowed. Read from the parsed pattern: lookarounds and anchors are zero-width, so they
    are skipped (the set only grows); repeats of zero and optional parts let the next part start too."""
    try:
        from re import _constants as C, _parser  # CPython's own pattern parser (3.11+)
    except ImportError:
        return None

    categories = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                  C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}

    class Unbounded(Exception):
        pass

    def class_body(items) -> str:
        out = []
        for op, av in items:
            if op is C.LITERAL:
                out.append(re.escape(chr(av)))
            elif op is C.RANGE:
                out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
            elif op is C.CATEGORY and av in categories:
                out.append(categories[av])
            else:  # NEGATE and the rest: not narrowed
                raise Unbounded
        return "".join(out)

    def first(items, icase: bool, plain: set, folded: set) -> bool:
        """Add the possible first characters of the sequence `items`; True when it can match empty."""
        for op, av in items:
            if op is C.LITERAL:
                (folded if icase else plain).add(re.escape(chr(av)))
                return False
            if op is C.IN:
                (folded if icase else plain).add(class_body(av))
                return False
            if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
                continue
            if op is C.BRANCH:
                nullable = False
                for branch in av[1]:
                    nullable |= first(branch, icase, plain, folded)
                if not nullable:
                    return False
                continue
            if op is C.SUBPATTERN:
                _group, add, remove, sub = av
                sub_icase = (icase or bool(add & C.SRE_FLAG_IGNORECASE)) and not remove & C.SRE_FLAG_IGNORECASE
                if not first(sub, sub_icase, plain, folded):
                    return False
                continue
            if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                low, _high, sub = av
                if not first(sub, icase, plain, folded) and low > 0:
                    return False
                continue
            if op is C.ATOMIC_GROUP:
                if not first(av, icase, plain, folded):
                    return False
                continue
            raise Unbounded  # ANY, NOT_LITERAL, group references: any character may start
        return True

    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        plain: set = set()  # class contents (escaped characters, ranges, \d ...) matched as written
        folded: set = set()  # the same under IGNORECASE
        if first(parsed, bool(parsed.state.flags & C.SRE_FLAG_IGNORECASE), plain, folded):
            return None  # may match the empty string anywhere
    except (Unbounded, re.error, AttributeError, TypeError, ValueError):
        return None
    pieces = []
    if plain:
        pieces.append("[" + "".join(sorted(plain)) + "]")
    if folded:
        pieces.append("(?i:[" + "".join(sorted(folded)) + "])")
    return re.compile("|".join(pieces))


# Where a match may begin: the pattern's own lead (a word start or a digit) on one of its first characters.
_CLAIM_START = None
if _CLAIM_RE_NO_AT is not None:
    _first = _first_char_pattern(_CLAIM_RE_NO_AT)
    if _first is not None:
        _CLAIM_START = re.compile(r"(?:(?<![A-Za-z])|(?=\d))(?=" + _first.pattern + ")")


def _search_claim(sentence: str, start: int):
    """`_claim_re().search(sentence, start)`, trying the full pattern only where a match may begin."""
    if _CLAIM_START is None or "@" in sentence:
        return _claim_re().search(sentence, start)
    candidates = _CLAIM_START.finditer(sentence, start)
    match = _CLAIM_RE_NO_AT.match
    for candidate in candidates:
        m = match(sentence, candidate.start())
        if m is not None:
            return m
    return None


# The big pattern is costly at every position, so it runs only near a number: from the last space at least
# _WINDOW characters before a digit, numeral or number word (every match holds one, and nothing it must see
# before the number - qualifier, currency, month, "Photo", a URL - is longer), never before the previous match.
_WINDOW = 40


def _claim_matches(sentence: str):
    """The matches `_claim_re().finditer(sentence)` would give that contain a number, without scanning the rest."""
    pos = 0
    while True:
        trigger = NUMBER_TRIGGER.search(sentence, pos)
        if trigger is None:
            return
        start = trigger.start() - _WINDOW
        if start <= pos:
            start = pos
        else:
            space = sentence.rfind(" ", pos, start + 1)
            start = space + 1 if space >= pos else pos
        m = _search_claim(sentence, start)
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


# What may follow a number: "+", N多, a currency, "or more"/以上, a measure word or a unit.
_PLUS_RE = re.compile(r"\+|[ ]?(?P<zhmore>[多餘余])(?![萬万億亿千百])")
_MEASURE = (r"人次|萬人|万人|平方米|平方公尺|平方呎|平方英尺|平方尺|公頃|公顷|個月|个月|小時|小时|週年|周年|年|天|日"
            r"|間|间|家|名|個|个|位|項|项|宗|份|所|支|隊|队|條|条|次|倍|人|隻|只|部|款|座|棟|栋|層|层|組|组|批|場|场|屆|届|周|週|米|呎|畝|亩|對|对|雙|双|件|張|张|台|種|种|套|歲|岁|分鐘|分钟|秒|國|国|地")
# Ranges: "10 to 20", "10-20", "10至20"; "between 10 and 20", "介乎10與20之間".
_RANGE_GAP = re.compile(r"[ ]*(?:-|–|—|~|～|至|到|(?i:to))[ ]*")
_BETWEEN_GAP = re.compile(r"[ ]*(?:(?i:and)|與|与|和|及)[ ]*")
_BETWEEN_BEFORE = re.compile(r"(?:(?<![A-Za-z])(?i:between)[ ]+|介乎[ ]*|介於[ ]*|介于[ ]*)$")
_SPACES = re.compile(r"\s+")
_DURATION_WORD = re.compile(r"(?:year|month|week|day|hour|minute|decade)")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_NUMBER_NEXT = re.compile(r"[ ]?\d")
# "75 USD million": a scale word after a currency code.
_SCALE_AFTER_CODE = re.compile(r"[ ]+(?P<scale>(?i:thousand|million|billion|trillion|bn|mn))(?![A-Za-z])")
_MEASURE_RE = re.compile(rf"[ ]?(?P<mw>{_MEASURE})")
_AT_LEAST_AFTER = re.compile(r"[ ]*(?:(?P<ormore>(?i:or[ ]+(?:more|above)|and[ ]+above|or[ ]+over|plus)(?![A-Za-z]))"
                             r"|(?P<yishang>或?以上|之多|有多))")
_EN_UNIT_RE = re.compile(
    r"[ ]*-?[ ]*(?P<unit>(?i:square[ ]+met(?:re|er)s?|sq\.?[ ]?m\.?(?![A-Za-z])|sqm|m²|m2(?![\d])|square[ ]+(?:feet|foot)"
    r"|sq\.?[ ]?ft\.?|hectares?|ha(?![A-Za-z])|acres?|km²|square[ ]+kilomet(?:re|er)s?"
    r"|years?|months?|weeks?|days?|hours?|minutes?|decades?))(?![A-Za-z])"
)
_AREA_UNITS = {"square metre": "sq m", "square meter": "sq m", "sq m": "sq m", "sqm": "sq m", "m²": "sq m",
               "m2": "sq m", "square feet": "sq ft", "square foot": "sq ft", "sq ft": "sq ft", "hectare": "hectares",
               "ha": "hectares", "acre": "acres", "km²": "sq km", "square kilometre": "sq km",
               "square kilometer": "sq km", "平方米": "sq m", "平方公尺": "sq m", "平方呎": "sq ft",
               "平方英尺": "sq ft", "平方尺": "sq ft", "公頃": "hectares", "公顷": "hectares", "畝": "mu", "亩": "mu"}
_DURATION_ZH = {"年": "years", "天": "days", "日": "days", "個月": "months", "个月": "months", "小時": "hours",
                "小时": "hours", "週年": "years", "周年": "years", "週": "weeks", "周": "weeks",
                "分鐘": "minutes", "分钟": "minutes", "秒": "seconds"}
_EN_WORD = (r"(?!(?:and|or|of|in|from|to|with|at|for|by|on|the|a|an|who|which|that|are|is|were|was|have|has"
            r"|had|will|would|be|been|per|than|as|this|these|those|its|their|our|his|her|it|they|we|out|more|over)\b)"
            r"[A-Za-z][A-Za-z&'\-]*")
_EN_NOUN_RE = re.compile(rf"[ ]+(?P<noun>{_EN_WORD}(?:[ ]+{_EN_WORD}){{0,2}})")
_ZH_NOUN_RE = re.compile(r"[^\d\s，。；、,;：:（）()「」『』“”的及和與与或]{1,6}")
_EN_STOP_AFTER_WORDS = re.compile(r"^(?:[ ]*-[A-Za-z])")
_GENERIC_COUNT_NOUNS = re.compile(r"[ ]+(?i:people|persons|staff|students|visitors|members|companies|employees|jobs"
                                  r"|units|participants|guests|attendees|teams|projects|firms)\b")
_OTHER_SUBJECT_AFTER = re.compile(
    r"[ ]+(?:(?i:in|across|throughout|based[ ]+in|located[ ]+in)[ ]+(?:Hong[ ]Kong|HK|the[ ]city|the[ ]territory)"
    r"(?![ ]+(?:Science|Sci))|(?:所有|全港))")
_OTHER_SUBJECT_BEFORE = re.compile(
    r"(?:(?:Hong[ ]Kong|the[ ]city|HK)(?:[ ]+(?:now[ ]+)?(?:has|had|is[ ]+home[ ]+to|boasts|counts))|Hong[ ]Kong's"
    r"|全港|香港現有|香港现有|香港共有|香港有|本港有|本港現有|本港现有|全香港)[^,，。;；]{0,12}$"
)
_EVERY_ONE = re.compile(r"(?i:every|each|per)[ ]+(?:HK|US)?\\?\$[ ]?1(?![\d.,])|每(?:投資|投资|投入)?[ ]?(?:1|一)[ ]?(?:港元|元|美元)")
_INVEST_WORDS = re.compile(r"(?i:invest|fund|capital)|投資|投资|資金|资金")
_YUAN_CNY = re.compile(r"人民幣|人民币|RMB|內地|内地")
_HK_MONEY = re.compile(r"港|HK|Hong Kong")

_VOCAB = None
_CANON_PCT = re.compile(r"%|percent|per cent|成|百分")


def _vocab():
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = load_vocabulary()
    return _VOCAB


def _currency_of_prefix(raw: str, dollar_default: str) -> str:
    key = raw.replace("\\", "").replace(" ", "").lower()
    if key == "$":
        return dollar_default
    return _CUR_PREFIX.get(key) or _CUR_PREFIX.get(raw.strip()) or dollar_default


def extract_claims(text: str, language: str | None = None, section: str = "body") -> list[Claim]:
    """Every numeric claim in `text`, sentence by sentence. `language`: "en", "zh-hant", "zh-hans" or None."""
    if not text:
        return []
    if not text.isascii():  # full-width digits and signs are not ASCII: ASCII text is already normal
        text = normalize(text)
    if language is None:
        language = detect_language(text)
    yuan_default = "HKD" if _HK_MONEY.search(text) else "CNY"
    dollar_default = "HKD" if ("HK" in text or "Hong Kong" in text or "港" in text) else "USD"
    out: list[Claim] = []
    family = "zh" if language.startswith("zh") else "en"
    # Every claim holds a number trigger, and a sentence's trigger is one in the whole text too (sentences
    # are cut after punctuation or space, so the trigger's word boundaries stay): no trigger, no sentences.
    if NUMBER_TRIGGER.search(text) is None:
        return out
    for _offset, sentence in sentence_spans(text):
        _extract_sentence(sentence, section, out, yuan_default, dollar_default, family)
    for claim in out:  # scaled decimals carry binary noise (1.34億 -> 134000000.00000001)
        claim.value = plain(claim.value)
        if claim.value_high is not None:
            claim.value_high = plain(claim.value_high)
    return out


def _bare_number(digits: str | None) -> float | None:
    """The value of a plain digit string ("1,200.5"), or None."""
    if not digits:
        return None
    try:
        return float(digits.replace(",", ""))
    except ValueError:
        return None


def extract_release_claims(release: Release) -> list[Claim]:
    """Claims of every section of a release except NON_CLAIM_SECTIONS, the title included."""
    out: list[Claim] = []
    sections = [("title", release.title or "")]
    if release.subtitle:
        sections.append(("subtitle", release.subtitle))
    sections += [(s.name, s.text) for s in release.sections]
    for name, text in sections:
        if name in NON_CLAIM_SECTIONS or not text:
            continue
        out.extend(extract_claims(text, release.language, name))
    return out


def _extract_sentence(sentence: str, section: str, out: list[Claim], yuan_default: str, dollar_default: str,
                      family: str):
    vocab = _vocab()
    prev: Claim | None = None
    prev_core_end = 0
    prev_digits: float | None = None
    consumed_end = 0  # where the previous amount and its currency end ("10 rmb" takes "rmb" from "rmb 20")
    amount_end = [0]  # set by _number_claim
    every_one = _EVERY_ONE.search(sentence) if ("$" in sentence or "每" in sentence) else None
    for m in _claim_matches(sentence):
        if m.group("skip") is not None or m.group("date") is not None or m.group("quarter") is not None:
            prev = None
            continue
        if m.group("zhyear") is not None:
            out.append(Claim(value=float(m.group("zhyear")), kind="year", text=m.group(0), sentence=sentence,
                             section=section, start=m.start(), metric=_year_metric(sentence, m.start(), "zh")))
            prev = None
            continue
        if m.group("ratio") is not None:
            metric = "co_investment_ratio" if _INVEST_WORDS.search(sentence) else None
            out.append(Claim(value=float(m.group("ratio_n")), kind="ratio", text=m.group(0), sentence=sentence,
                             section=section, start=m.start(), metric=metric))
            prev = None
            continue
        claim = _number_claim(m, sentence, section, yuan_default, dollar_default, vocab, every_one, family,
                              consumed_end, amount_end)
        if claim is None:
            continue
        consumed_end = amount_end[0]
        core_end = m.end("core")
        # "10 to 20", "10-20", "10至20": one claim with a high value.
        joinable = claim.kind == prev.kind or prev.unit is None or (
            prev.kind == "money" and claim.kind == "count" and claim.currency is None) if prev is not None else False
        if prev is not None and prev.value_high is None and joinable:
            gap = sentence[prev_core_end:m.start()]
            between = _BETWEEN_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(sentence, max(0, prev.start - 12),
                                                                              prev.start)
            if (between or _RANGE_GAP.fullmatch(gap)) and prev.value <= claim.value:
                if between:
                    prev.start = between.start()  # "between 10 and 20 companies"
                # "10至20億", "HK$1.2-1.5 billion": the scale written once at the high end covers the low end.
                high_digits = _bare_number(m.group("dig"))
                if high_digits and prev_digits == prev.value and claim.value > high_digits:
                    prev.value = plain(prev.value * claim.value / high_digits)
                prev.value_high = claim.value
                prev.text = sentence[prev.start:m.start()] + claim.text
                prev.unit = claim.unit or prev.unit
                prev.kind = claim.kind if prev.kind == "count" else prev.kind
                prev.metric = claim.metric or prev.metric
                prev.currency = prev.currency or claim.currency
                if prev.currency and claim.currency and prev.kind == "count":
                    prev.kind = "money"
                continue
        out.append(claim)
        prev, prev_core_end, prev_digits = claim, core_end, _bare_number(m.group("dig"))


def _year_metric(sentence: str, start: int, family: str) -> str | None:
    mt = matchers(family)
    bm = mt.before.search(sentence, max(0, start - 40), start)
    if bm:
        key = key_for(bm.group("phrase"), mt.before_keys)
        if key and _vocab()[key].kind == "year":
            return key
    return None


def _number_claim(m, sentence, section, yuan_default, dollar_default, vocab, every_one, family,
                  consumed_end=0, amount_end=None) -> Claim | None:
    parsed = value_of_match(m)
    if parsed is None:
        return None
    value, kind, approx, scaled, words = parsed
    g = m.group
    core_start, core_end = m.start("core"), m.end("core")
    is_zh = g("zh") is not None or bool(g("zc"))
    if is_zh or _is_cjk(sentence, core_end):
        family = "zh"
    before_char = sentence[core_start - 1] if core_start > 0 else ""
    after_char = sentence[core_end] if core_end < len(sentence) else ""
    if core_start < consumed_end:
        return None  # already read as part of the previous claim ("75 USD million")
    currency = None
    span_start = m.start()
    if g("cur") and m.start("cur") < consumed_end:
        span_start = core_start  # the previous amount's currency ("4人民币5美元"), not this one's
    elif g("cur"):
        currency = _currency_of_prefix(g("cur").strip(), dollar_default)
        if g("mega"):
            currency = _currency_of_prefix(g("cur").strip()[1:], dollar_default)
            value, scaled = value * 1e6, True
    # Names and ordinals: COP28, H5N1, 5G, 3D, 15th.
    if not currency and before_char.isascii() and before_char.isalpha():
        return None
    if (after_char.isascii() and after_char.isalpha() and not words and not g("esc") and not g("pct")
            and sentence[core_end:core_end + 3] not in ("HKD", "USD", "RMB", "CNY", "EUR", "GBP", "JPY")):
        return None
    if before_char == "#" or (before_char == "-" and core_start > 1 and sentence[core_start - 2].isalpha()):
        return None
    if g("dig") and g("esc") in ("m", "G") and not currency:
        return None  # "5m" is five metres and "5G" a network, unless it is money
    pos = core_end
    q = g("q") if span_start == m.start() else None
    qualifier = _QUAL_OF.get(_SPACES.sub(" ", q.strip()).lower()) if q else None
    if q and not qualifier:
        qualifier = _QUAL_OF.get(q.strip())
    if approx:
        qualifier = qualifier or "over"
    unit = None
    # N+ and N多
    pm = _PLUS_RE.match(sentence, pos)
    if pm and kind == "number":
        if pm.group(0) == "+":
            qualifier = qualifier or "at_least"
            pos = pm.end()
        elif pm.group("zhmore") and (is_zh or g("dig")):
            nxt = sentence[pm.end():pm.end() + 1]
            if nxt and (_MEASURE_RE.match(sentence, pm.end()) or _CUR_SUFFIX_RE.match(sentence, pm.end())):
                qualifier = qualifier or "over"
                pos = pm.end()
    cm = _CUR_SUFFIX_RE.match(sentence, pos)
    if (cm and not cm.group("curs") and _NUMBER_NEXT.match(sentence, cm.end())
            and (currency or cm.group("cursym") or not sentence[cm.end()].isspace())):
        # "$ 20,000.00 $ 37,305.97", "3 USD50 cards": a sign, or a code touching the next amount, is that
        # amount's prefix; a spaced code stays this one's suffix when it has no currency yet ("10 rmb 20 usd").
        cm = None
    if cm and kind == "number":
        if cm.group("curs"):
            code = _CUR_SUFFIX[cm.group("curs").lstrip("元") if cm.group("curs").startswith("元人") else cm.group("curs")]
            if cm.group("curs").startswith("元人"):
                code = "CNY"
            if code is None:
                code = "CNY" if _YUAN_CNY.search(sentence) else yuan_default
        elif cm.group("curcode"):
            code = _CUR_PREFIX[cm.group("curcode").lower()]
        elif cm.group("cursym"):
            code = _currency_of_prefix(cm.group("cursym"), dollar_default)
        elif cm.group("curmega"):
            code = _CUR_PREFIX[cm.group("curmega").lower()]
            value, scaled = value * 1e6, True
        else:
            word = _SPACES.sub(" ", cm.group("cursen").lower())
            code = _CUR_SUFFIX.get(word)
            if code == "$":
                code = currency or dollar_default
        if code is not None or cm.group("curs"):
            currency = currency or code
        pos = cm.end()
        sm = _SCALE_AFTER_CODE.match(sentence, pos) if (cm.group("curcode") or cm.group("cursen")) else None
        if sm and not scaled:
            word = sm.group("scale").lower()
            value, scaled = value * EN_SCALES.get(word, EN_ABBREV.get(word, 1)), True
            pos = sm.end()
    if amount_end is not None:
        amount_end[0] = pos
    measure = None
    measure_start = pos
    if kind == "number" and not currency:
        mm = _MEASURE_RE.match(sentence, pos)
        if mm and (is_zh or g("dig") or g("zh")) and _is_cjk(sentence, mm.start("mw")):
            measure = mm.group("mw")
            pos = mm.end()
        elif family == "en":
            um = _EN_UNIT_RE.match(sentence, pos)
            if um:
                measure = _SPACES.sub(" ", um.group("unit").lower().rstrip("."))
                pos = um.end()
    # Pure Chinese numerals need something that shows they count ("三間", "二十億元", "七成").
    if g("zh") is not None and not (measure or currency or kind == "percent" or q):
        if not (scaled and len(g("zh").strip()) >= 2):
            return None
    if g("zh") is not None and value == 1 and not q and not currency:
        return None  # 一間, 一個: an article, not a figure
    # English number words count only before a noun ("three modern InnoParks"), never "one of".
    if words:
        if value == 1 or (value < 1) or after_char == "-":
            return None
        if not currency and kind == "number" and not measure and not _EN_NOUN_RE.match(sentence, pos):
            return None
    am = _AT_LEAST_AFTER.match(sentence, pos)
    if am:
        qualifier = qualifier or ("at_least" if am.group("ormore") or am.group("yishang").endswith("以上") else "over")
        pos = am.end()
    # ---- kind
    if kind == "number":
        kind = "count"
    if currency:
        kind = "money"
    area_unit = _AREA_UNITS.get(measure.rstrip("s") if measure and measure.endswith("s") and measure != "sq ft" else measure) if measure else None
    if measure and area_unit is None:
        area_unit = _AREA_UNITS.get(measure)
    if area_unit:
        kind, unit = "area", area_unit
    elif measure in _DURATION_ZH or (measure and _DURATION_WORD.match(measure)):
        unit = _DURATION_ZH.get(measure) or (measure if measure.endswith("s") else measure + "s")
        kind = "duration"
    if kind == "duration" and q and q.strip().lower() == "over":
        qualifier = "exact"
    # ---- year
    if (kind == "count" and not q and not scaled and g("dig") and _YEAR_DIGITS.fullmatch(g("dig"))
            and not measure and not (pm and pm.group(0) == "+")):
        if not _GENERIC_COUNT_NOUNS.match(sentence, pos) and not _after_metric(sentence, pos, "en")[0]:
            return Claim(value=value, kind="year", text=g("dig"), sentence=sentence, section=section,
                         start=core_start, metric=_year_metric(sentence, m.start(), "en"))
    # ---- ratio: "every HK$1 invested ... attracted HK$19"
    if every_one and kind == "money":
        if core_start < every_one.end() and m.end() > every_one.start():
            return None  # the HK$1 itself
        if m.start() >= every_one.end():
            kind = "ratio"
    # ---- metric and counted noun
    metric = None
    mt = matchers(family)
    bm = mt.before.search(sentence, max(0, span_start - 48), span_start)
    if bm:
        key = key_for(bm.group("phrase"), mt.before_keys)
        if key and _kind_fits(vocab[key].kind, kind):
            metric = key
    text_end = pos
    noun_key, noun, noun_end = _after_metric(sentence, measure_start, family) if measure else (None, None, pos)
    if noun_key is None or noun_end < pos:
        noun_key, noun, noun_end = _after_metric(sentence, pos, family)
    if noun_key:
        if metric is None and _kind_fits(vocab[noun_key].kind, kind):
            metric = noun_key
        if kind in ("count", "money", "percent", "ratio") or noun_key == metric:
            unit = unit or noun
            text_end = max(text_end, noun_end)
    elif kind == "count" and family == "en":
        nm = _EN_NOUN_RE.match(sentence, pos)
        if nm:
            unit = nm.group("noun").strip()
            text_end = nm.end("noun") - (len(nm.group("noun")) - len(nm.group("noun").rstrip()))
    if kind == "ratio":
        metric = "co_investment_ratio" if _INVEST_WORDS.search(sentence) else metric
    if kind == "percent":
        unit = unit or "percent"
    if kind == "money" and not unit:
        unit = currency
    if family == "zh" and measure and not unit and kind == "count":
        zm = _ZH_NOUN_RE.match(sentence, pos)
        unit = measure + (zm.group(0) if zm else "")
        text_end = max(text_end, zm.end() if zm else pos)
    if kind == "ratio":
        unit = f"per {currency or ''}1".replace("HKD", "HK$").replace("USD", "US$")
    # ---- another subject: "18 unicorns in Hong Kong", 全港有…
    if metric and vocab[metric].other_subject:
        if _OTHER_SUBJECT_AFTER.match(sentence, noun_end if noun_key else pos) or _OTHER_SUBJECT_BEFORE.search(
                sentence, max(0, span_start - 40), span_start):
            metric = vocab[metric].other_subject
    am2 = _AT_LEAST_AFTER.match(sentence, text_end)
    if am2 and not qualifier:
        qualifier = "at_least" if am2.group("ormore") or am2.group("yishang").endswith("以上") else "over"
        text_end = am2.end()
    if family == "zh" and sentence.startswith("左右", text_end):
        qualifier = qualifier or "about"
        text_end += 2
    claim = Claim(value=value, kind=kind, qualifier=qualifier or "exact", unit=unit, currency=currency,
                  metric=metric, text=sentence[span_start:text_end].strip(), sentence=sentence, section=section,
                  start=span_start)
    if kind == "percent":
        claim.unit = "percent"
    return claim


def _kind_fits(metric_kind: str, kind: str) -> bool:
    if metric_kind == kind:
        return True
    return metric_kind == "duration" and kind == "count" or metric_kind == "count" and kind == "duration"


def _after_metric(sentence: str, pos: int, family: str) -> tuple[str | None, str | None, int]:
    mt = matchers(family)
    nm = mt.after.match(sentence, pos)
    if not nm:
        return None, None, pos
    phrase = nm.group("phrase")
    return key_for(phrase, mt.after_keys), phrase, nm.end()


def _is_cjk(s: str, i: int) -> bool:
    return i < len(s) and "\u3400" <= s[i] <= "\u9fff"
