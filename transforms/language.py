"""Which language a release is written in: en, zh-hant or zh-hans, decided from its text.

Chinese against English: CJK ideographs against Latin letters (one ideograph weighs about a word).
Traditional against Simplified: OpenCC converts the text both ways; characters that change under
Traditional->Simplified are Traditional-only, and the reverse. The URL (/zh-hk/, /zh-cn/) or the page's
`lang` attribute only breaks ties: a page whose text disagrees with its URL is labelled by its text.
The one language detector of the project: the parser labels releases with it, `extract_claims` sentences.
"""

from __future__ import annotations

import re
from functools import cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NOT_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))


@cache
def converter(config: str):
    """An OpenCC converter ("t2s", "s2t"), made on first need: English-only work never loads the tables."""
    import opencc

    return opencc.OpenCC(config)


def _cjk_only(text: str) -> str:
    """The CJK ideographs of `text`, in order ("".join(_CJK.findall(text)) without a list of one-char strings)."""
    return _NOT_CJK.sub("", text)


def _latin_count(text: str) -> int:
    """How many A-Z/a-z letters `text` holds. In UTF-8 every other character is bytes >= 0x80, so counting
    the ASCII letter bytes is exact (and far cheaper than a regex findall)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw) - len(raw.translate(None, _ASCII_LETTERS))
_HANS_CODE_RE = re.compile(r"-(?:cn|hans|sg)\b")
_HANS_PATH_RE = re.compile(r"/zh-(?:cn|hans|sg)(?:/|$)")
_HANT_PATH_RE = re.compile(r"/zh(?:-(?:hk|tw|hant|mo))?(?:/|$)")
_EN_PATH_RE = re.compile(r"/en(?:-[a-z]{2})?(?:/|$)")
SAMPLE_CHARS = 6000  # enough text to decide; keeps a 5 MB page cheap


def hint_from(url: str | None = None, declared: str | None = None) -> str | None:
    """A language guess from a declared `lang`/hreflang code, else the URL path, or None."""
    if declared:
        c = declared.strip().lower().replace("_", "-")
        if c.startswith("zh"):
            return "zh-hans" if _HANS_CODE_RE.search(c) else "zh-hant"
        if c.startswith("en"):
            return "en"
    if url:
        c = url.lower()
        if _HANS_PATH_RE.search(c):
            return "zh-hans"
        if _HANT_PATH_RE.search(c):
            return "zh-hant"
        if _EN_PATH_RE.search(c):
            return "en"
    return None


def cjk_ratio(text: str) -> float:
    """Share of the text's script weight that is Chinese (0 = all Latin, 1 = all CJK)."""
    return _ratio(text, _cjk_only(text))


def _ratio(text: str, cjk_text: str) -> float:
    cjk = len(cjk_text)
    latin_words = _latin_count(text) / 5
    total = cjk + latin_words
    return cjk / total if total else 0.0


def _count_differences(a: str, b: str) -> int:
    """Positions where two strings of equal length differ, in C: XOR their UTF-32 code units as one integer,
    fold each 4-byte unit's bytes into its lowest byte and count the units left non-zero."""
    raw = a.encode("utf-32-le", "surrogatepass")
    x = int.from_bytes(raw, "little") ^ int.from_bytes(b.encode("utf-32-le", "surrogatepass"), "little")
    x |= x >> 8
    x |= x >> 16
    lowest = x.to_bytes(len(raw), "little")[0::4]
    return len(lowest) - lowest.count(0)


def chinese_script(text: str, hint: str | None = None) -> str:
    """zh-hant or zh-hans for Chinese text; ties (only shared characters) go to the hint, else zh-hant."""
    return _script(_cjk_only(text)[:SAMPLE_CHARS], hint)


def _script(sample: str, hint: str | None) -> str:
    """chinese_script of a text whose CJK ideographs (at most SAMPLE_CHARS of them) are `sample`."""
    simplified_form = converter("t2s").convert(sample)
    traditional_form = converter("s2t").convert(sample)
    if len(simplified_form) == len(sample) == len(traditional_form):
        traditional_only = _count_differences(sample, simplified_form)
        simplified_only = _count_differences(sample, traditional_form)
    else:  # phrase conversion changed the length: compare character sets instead
        traditional_only = len(set(sample) - set(simplified_form))
        simplified_only = len(set(sample) - set(traditional_form))
    if traditional_only > simplified_only:
        return "zh-hant"
    if simplified_only > traditional_only:
        return "zh-hans"
    return hint if hint in ("zh-hant", "zh-hans") else "zh-hant"


def detect_language(text: str, hint: str | None = None) -> str:
    """en, zh-hant or zh-hans for `text`; `hint` (from hint_from) decides only a near tie of scripts."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # no CJK at all: a ratio of 0 is English whatever the hint
        return "en"
    cjk_text = _cjk_only(sample)  # once, for the ratio and the script
    ratio = _ratio(sample, cjk_text)
    if hint == "en" and ratio < 0.7:
        return "en"
    if (hint in ("zh-hant", "zh-hans") and ratio >= 0.3) or ratio >= 0.5:
        return _script(cjk_text[:SAMPLE_CHARS], hint)  # = chinese_script(sample, hint)
    return "en"


def paragraph_language(text: str) -> str | None:
    """'zh' or 'en' for one paragraph that is clearly in one script, else None."""
    ratio = cjk_ratio(text)
    if ratio >= 0.7:
        return "zh"
    if ratio <= 0.1 and _latin_count(text) >= 20:
        return "en"
    return None
