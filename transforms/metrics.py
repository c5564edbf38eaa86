"""The metric vocabulary: which counted noun or phrase means which metric, in English and Chinese.

The data lives in `transforms/vocab/metrics.py` (Python data: it loads from bytecode, where parsing YAML cost a
tenth of a second of every start); `load_vocabulary()` reads it once. Simplified Chinese phrasings are completed
from the Traditional ones with OpenCC, which is loaded only when Chinese is asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from transforms.language import converter
from transforms.numbers import word_alternation


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric: a stable key, labels in English and Chinese, its claim kind, and whether it should only grow."""

    key: str
    label_en: str
    label_zh: str
    kind: str = "count"
    cumulative: bool = False
    other_subject: str | None = None  # key used when the figure is about Hong Kong as a whole
    scope: str | None = None  # "event": a figure of one event by nature (job openings, attendees, entries)
    phrasings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # en, zh-hant, zh-hans
    before: dict[str, tuple[str, ...]] = field(default_factory=dict)  # en, zh


def _to_simplified(phrases) -> list[str]:
    conv = converter("t2s")
    return [conv.convert(p) for p in phrases]


@lru_cache(maxsize=1)
def _listed() -> dict[str, Metric]:
    """The metrics as written in the data: Simplified Chinese phrasings only where listed (no OpenCC)."""
    from transforms.vocab.metrics import METRICS

    out: dict[str, Metric] = {}
    for item in METRICS:
        key = item["key"]
        if key in out:
            raise ValueError(f"metric key {key!r} appears twice in transforms/vocab/metrics.py")
        out[key] = Metric(
            key=key,
            label_en=item["label_en"],
            label_zh=item["label_zh"],
            kind=item.get("kind", "count"),
            cumulative=bool(item.get("cumulative", False)),
            other_subject=item.get("other_subject"),
            scope=item.get("scope"),
            phrasings={
                "en": tuple(item.get("en") or []),
                "zh-hant": tuple(dict.fromkeys(item.get("zh_hant") or [])),
                "zh-hans": tuple(dict.fromkeys(item.get("zh_hans") or [])),
            },
            before={"en": tuple(item.get("before_en") or []), "zh": tuple(dict.fromkeys(item.get("before_zh") or []))},
        )
    return out


@lru_cache(maxsize=2)
def load_vocabulary(simplified: bool = True) -> dict[str, Metric]:
    """All metrics by key, in file order, Simplified phrasings completed from the Traditional ones (with
    simplified=False: only those listed, and OpenCC is not loaded; kinds and labels are the same)."""
    if not simplified:
        return _listed()
    out = {}
    for key, m in _listed().items():
        hans = m.phrasings["zh-hans"] + tuple(_to_simplified(m.phrasings["zh-hant"]))
        before_zh = m.before["zh"] + tuple(p for p in _to_simplified(m.before["zh"]) if p not in m.before["zh"])
        out[key] = replace(m, phrasings={**m.phrasings, "zh-hans": tuple(dict.fromkeys(hans))},
                           before={**m.before, "zh": tuple(dict.fromkeys(before_zh))})
    return out


@dataclass(slots=True)
class Matchers:
    """Compiled lookups over the vocabulary for one language family. The patterns are lower-case and search
    `numbers.fold(text)`: a case-insensitive pattern of some 350 English phrasings took ~5x longer to compile, and that
    compile was a good part of a one-sentence `extract`. Offsets in the folded text are the text's."""

    after: re.Pattern  # the counted noun, at the start of the text after the number
    after_keys: dict[str, str]  # normalised phrase -> key
    before: re.Pattern  # the phrase just before the number
    before_keys: dict[str, str]


def _alternation(phrases) -> str:
    return word_alternation(phrases, ignore_case=False, space=r"[ \-]+")


_SEPARATORS = re.compile(r"[\s\-]+")


def _norm(s: str) -> str:
    low = s.lower()
    # already normal (most phrases): no hyphen, no space but single ASCII ones inside (every other whitespace
    # character is unprintable)
    if "-" not in low and "  " not in low and low.isprintable() and low[:1] != " " and low[-1:] != " ":
        return low
    return _SEPARATORS.sub(" ", low).strip()


def _phrase_tables(vocab: dict[str, Metric], langs: tuple[str, ...], before_lang: str):
    """(normalised phrase after a number -> key, normalised phrase before a number -> key); first listed wins."""
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    for m in vocab.values():
        for p in (p for lang in langs for p in m.phrasings[lang]):
            after.setdefault(_norm(p), m.key)
        for p in m.before[before_lang]:
            before.setdefault(_norm(p), m.key)
    return after, before


@lru_cache(maxsize=4)
def matchers(family: str) -> Matchers:
    """family: "en" or "zh" (both Chinese scripts together)."""
    if family == "en":
        after, before = _phrase_tables(_listed(), ("en",), "en")
        # Skip up to two describing words ("three modern InnoParks") but never across a linking word.
        skip = r"(?:(?!(?:and|or|of|in|from|to|with|at|for|by|on|the|a|an|who|which|that|are|is|were|was|have|has)\b)[a-z][\w&'\-]*[ ]+){0,2}?"
        # spaces possessive: the skipped words and the phrase start with a letter, so no other split matches
        after_re = re.compile(rf"[ ]*+{skip}(?P<phrase>{_alternation(after)})(?![a-z])")
        before_re = re.compile(rf"(?<![a-z])(?P<phrase>{_alternation(before)})[ ]*[:,]?[ ]*$")
    else:
        after, before = _phrase_tables(load_vocabulary(), ("zh-hant", "zh-hans"), "zh")
        # A modifier such as 來自26個國家及地區的 may stand between measure word and noun.
        skip = r"(?:(?:來自|来自|位於|位于|遍佈|遍布|分佈於|分布于)[^，。；、,;]{0,24}?的)?[^\d，。；、,;（）()]{0,4}?"
        after_re = re.compile(rf"[ ]*{skip}(?P<phrase>{_alternation(after)})")
        before_re = re.compile(rf"(?P<phrase>{_alternation(before)})[ ]*[:：]?[ ]*(?:為|为|是|約為|约为)?[ ]*$")
    return Matchers(after_re, after, before_re, before)


def key_for(phrase: str, table: dict[str, str]) -> str | None:
    return table.get(_norm(phrase))


@lru_cache(maxsize=2)
def _noun_before_re(family: str) -> re.Pattern:
    """A counted noun of the vocabulary that comes before its figure: 科技公司超過2,200間 (the noun, then a verb of
    having or reaching), "the number of technology companies ... has grown to 1,800 today". Searches the folded
    text before the figure, anchored at its end."""
    table = matchers(family).after_keys
    phrase = _alternation(table)
    if family == "zh":
        link = (r"(?:的)?(?:數目|数目|數量|数量|總數|总数|人數|人数|規模|规模)?[ ]*(?:已|現已|现已|現|现|共|總共|总共|目前)?[ ]*"
                r"(?:有|達|达|為|为|增至|增加至|升至|上升至|突破|錄得|录得)?[ ]*$")
    else:
        link = (r"(?:[ ]+(?![a-z]*\d)[a-z&'\-]+){0,6}?[ ]+(?:has|have|had)?[ ]*(?:now[ ]+)?(?:grown|grew|risen|rose"
                r"|reached|reaches|stands[ ]+at|stood[ ]+at|totals|totalled|totaled|numbers|numbered|increased|climbed"
                r"|jumped|expanded|is|are|was|were)(?:[ ]+(?:to|at|by))?[ ]*$")
    return re.compile(rf"(?P<phrase>{phrase}){link}")


# the last word of every English link of _noun_before_re ("has grown to", "stands at", "is")
_EN_LINK_LAST = frozenset("grown grew risen rose reached reaches at totals totalled totaled numbers numbered increased"
                          " climbed jumped expanded is are was were to by".split())


def noun_before(text_before: str, family: str) -> str | None:
    """The metric of a counted noun written before its figure (see _noun_before_re), or None."""
    from transforms.numbers import fold

    tail = fold(text_before[-90:])
    if family == "en" and tail.rstrip().rpartition(" ")[2] not in _EN_LINK_LAST:
        return None  # the English link ends in one of these words: no need to search for the noun
    m = _noun_before_re(family).search(tail)
    return key_for(m.group("phrase"), matchers(family).after_keys) if m else None
