"""The metric vocabulary: which counted noun or phrase means which metric, in English and Chinese.

The data lives in `transforms/vocab/metrics.yaml`; `load_vocabulary()` reads it once. Simplified Chinese
phrasings are completed from the Traditional ones with OpenCC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from transforms.language import converter
from transforms.numbers import word_alternation

VOCAB_PATH = Path(__file__).with_name("vocab") / "metrics.yaml"


@dataclass(frozen=True, slots=True)
class Metric:
    """One metric: a stable key, labels in English and Chinese, its claim kind, and whether it should only grow."""

    key: str
    label_en: str
    label_zh: str
    kind: str = "count"
    cumulative: bool = False
    other_subject: str | None = None  # key used when the figure is about Hong Kong as a whole
    phrasings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # en, zh-hant, zh-hans
    before: dict[str, tuple[str, ...]] = field(default_factory=dict)  # en, zh


def _to_simplified(phrases) -> list[str]:
    conv = converter("t2s")
    return [conv.convert(p) for p in phrases]


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, Metric]:
    """All metrics by key, in file order."""
    raw = yaml.load(VOCAB_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    out: dict[str, Metric] = {}
    for item in raw:
        hant = list(item.get("zh-hant") or [])
        hans = list(item.get("zh-hans") or []) + _to_simplified(hant)
        before_zh = list(item.get("before_zh") or [])
        before_zh += [p for p in _to_simplified(before_zh) if p not in before_zh]
        key = item["key"]
        if key in out:
            raise ValueError(f"metric key {key!r} appears twice in {VOCAB_PATH.name}")
        out[key] = Metric(
            key=key,
            label_en=item["label_en"],
            label_zh=item["label_zh"],
            kind=item.get("kind", "count"),
            cumulative=bool(item.get("cumulative", False)),
            other_subject=item.get("other_subject"),
            phrasings={
                "en": tuple(item.get("en") or []),
                "zh-hant": tuple(dict.fromkeys(hant)),
                "zh-hans": tuple(dict.fromkeys(hans)),
            },
            before={"en": tuple(item.get("before_en") or []), "zh": tuple(dict.fromkeys(before_zh))},
        )
    return out


@dataclass(slots=True)
class Matchers:
    """Compiled lookups over the vocabulary for one language family."""

    after: re.Pattern  # the counted noun, at the start of the text after the number
    after_keys: dict[str, str]  # normalised phrase -> key
    before: re.Pattern  # the phrase just before the number
    before_keys: dict[str, str]


def _alternation(phrases, ignore_case: bool) -> str:
    return word_alternation(phrases, ignore_case=ignore_case, space=r"[ \-]+")


_SEPARATORS = re.compile(r"[\s\-]+")


def _norm(s: str) -> str:
    return _SEPARATORS.sub(" ", s.lower()).strip()


@lru_cache(maxsize=4)
def matchers(family: str) -> Matchers:
    """family: "en" or "zh" (both Chinese scripts together)."""
    vocab = load_vocabulary()
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    langs = ("en",) if family == "en" else ("zh-hant", "zh-hans")
    for m in vocab.values():
        for lang in langs:
            for p in m.phrasings.get(lang, ()):
                after.setdefault(_norm(p), m.key)
        for p in m.before.get(family, ()):
            before.setdefault(_norm(p), m.key)
    if family == "en":
        # Skip up to two describing words ("three modern InnoParks") but never across a linking word.
        skip = r"(?:(?!(?:and|or|of|in|from|to|with|at|for|by|on|the|a|an|who|which|that|are|is|were|was|have|has)\b)[A-Za-z][\w&'\-]*[ ]+){0,2}?"
        after_re = re.compile(rf"[ ]*(?i:{skip})(?P<phrase>{_alternation(after, True)})(?![A-Za-z])")
        before_re = re.compile(rf"(?<![A-Za-z])(?P<phrase>{_alternation(before, True)})[ ]*[:,]?[ ]*$")
    else:
        # A modifier such as 來自26個國家及地區的 may stand between measure word and noun.
        skip = r"(?:(?:來自|来自|位於|位于|遍佈|遍布|分佈於|分布于)[^，。；、,;]{0,24}?的)?[^\d，。；、,;（）()]{0,4}?"
        after_re = re.compile(rf"[ ]*{skip}(?P<phrase>{_alternation(after, False)})")
        before_re = re.compile(rf"(?P<phrase>{_alternation(before, False)})[ ]*[:：]?[ ]*(?:為|为|是|約為|约为)?[ ]*$")
    return Matchers(after_re, after, before_re, before)


def key_for(phrase: str, table: dict[str, str]) -> str | None:
    return table.get(_norm(phrase))
