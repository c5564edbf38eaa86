"""Which language a release is written in: en, zh-hant or zh-hans, decided from its text.

Chinese against English: CJK ideographs against Latin letters (one ideograph weighs about a word).
Traditional against Simplified: OpenCC converts the text both ways; characters that change under
Traditional->Simplified are Traditional-only, and the reverse. The URL (/zh-hk/, /zh-cn/) or the page's
`lang` attribute only breaks ties: a page whose text disagrees with its URL is labelled by its text.
"""

from __future__ import annotations

import re

import opencc

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
SAMPLE_CHARS = 6000  # enough text to decide; keeps a 5 MB page cheap


def hint_from(url: str | None = None, declared: str | None = None) -> str | None:
    """A language guess from a declared `lang`/hreflang code, else the URL path, or None."""
    if declared:
        c = declared.strip().lower().replace("_", "-")
        if c.startswith("zh"):
            return "zh-hans" if re.search(r"-(?:cn|hans|sg)\b", c) else "zh-hant"
        if c.startswith("en"):
            return "en"
    if url:
        c = url.lower()
        if re.search(r"/zh-(?:cn|hans|sg)(?:/|$)", c):
            return "zh-hans"
        if re.search(r"/zh(?:-(?:hk|tw|hant|mo))?(?:/|$)", c):
            return "zh-hant"
        if re.search(r"/en(?:-[a-z]{2})?(?:/|$)", c):
            return "en"
    return None


def cjk_ratio(text: str) -> float:
    """Share of the text's script weight that is Chinese (0 = all Latin, 1 = all CJK)."""
    cjk = len(_CJK.findall(text))
    latin_words = len(_LATIN.findall(text)) / 5
    total = cjk + latin_words
    return cjk / total if total else 0.0


def chinese_script(text: str, hint: str | None = None) -> str:
    """zh-hant or zh-hans for Chinese text; ties (only shared characters) go to the hint, else zh-hant."""
    sample = "".join(_CJK.findall(text))[:SAMPLE_CHARS]
    simplified_form = _T2S.convert(sample)
    traditional_form = _S2T.convert(sample)
    if len(simplified_form) == len(sample) == len(traditional_form):
        traditional_only = sum(a != b for a, b in zip(sample, simplified_form))
        simplified_only = sum(a != b for a, b in zip(sample, traditional_form))
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
    ratio = cjk_ratio(sample)
    if hint == "en" and ratio < 0.7:
        return "en"
    if (hint in ("zh-hant", "zh-hans") and ratio >= 0.3) or ratio >= 0.5:
        return chinese_script(sample, hint)
    return "en"


def paragraph_language(text: str) -> str | None:
    """'zh' or 'en' for one paragraph that is clearly in one script, else None."""
    ratio = cjk_ratio(text)
    if ratio >= 0.7:
        return "zh"
    if ratio <= 0.1 and len(_LATIN.findall(text)) >= 20:
        return "en"
    return None
