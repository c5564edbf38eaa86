"""Newswire copies of HKSTP's releases (PR Newswire, Media OutReach, Business Wire, EQS via MENAFN): which wire,
their lost spaces repaired, and how alike a copy is to an original.

    wire_of(release)                                   # 'pr-newswire', 'media-outreach', 'business-wire', 'eqs' or None
    repair_lost_spaces("over 2,200 technologycompaniesjoined", words)  # 'over 2,200 technology companies joined'
    likeness(copy_title, copy_first, original_title, original_first)  # 0..1

Republished copies lose spaces and punctuation ("companiesjoined", "Prof. Sun DongSecretary", "1,700technology").
A glued token is split only where both halves are words the text itself (or the original) uses elsewhere and
the token is not such a word: a name like "YouTube" or "JavaScript" stays whole unless both halves are words of
the release. Spaces between a figure and its noun ("1,700technology") are restored always. Likeness compares
title and first paragraph with spaces and punctuation removed, so a copy that lost them still matches. Pure.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from transforms.model import Release
from transforms.parsing.dates import find_dateline

__all__ = ["wire_of", "repair_lost_spaces", "repair_release", "likeness", "words_of"]

_EQS_RE = re.compile(r"\(\s*MENAFN\s*-\s*EQS(?:\s+Group)?\s*\)", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z]+")
_DIGIT_WORD_RE = re.compile(r"(\d)([a-z]{3,})")
_TOKEN_RE = re.compile(r"[A-Za-z]{5,}")


_WIRE_MARKS = (("eqs", re.compile(r"MENAFN\s*-\s*EQS", re.I)), ("pr-newswire", re.compile(r"/\s*(?:PR\s*Newswire|美通社)\s*/", re.I)),
               ("media-outreach", re.compile(r"Media\s*OutReach(?:\s*Newswire)?\s*[-–—]", re.I)),
               ("business-wire", re.compile(r"[(（]\s*(?:BUSINESS\s*WIRE|美國商業資訊|美国商业资讯)\s*[)）]", re.I)))


def wire_of(release: Release, raw_text: str | None = None) -> str | None:
    """The newswire a copy came through, from its dateline or the MENAFN-EQS mark (in `raw_text`, the document
    as fetched, when given: the parser strips datelines from the sections); None for anything else."""
    if raw_text:
        head = raw_text[:6000]
        for wire, mark in _WIRE_MARKS:
            if mark.search(head):
                return wire
    text = "\n".join(s.text for s in release.sections[:4])
    if _EQS_RE.search(text[:2000]):
        return "eqs"
    for s in release.sections[:4]:
        found = find_dateline(s.text)
        if found is not None and found.wire:
            return found.wire
    if release.date_source == "newswire" or release.layout == "newswire":
        low = text[:2000].lower()
        for wire, mark in (("pr-newswire", "prnewswire"), ("media-outreach", "media outreach"),
                           ("business-wire", "business wire")):
            if mark in low.replace("/", ""):
                return wire
        return "newswire"
    return None


def words_of(text: str) -> set[str]:
    """The lower-case words of `text` (letters only)."""
    return {w.lower() for w in _WORD_RE.findall(text)}


def _split(token: str, words: set[str], min_part: int) -> str | None:
    """`token` as words of `words` ("technologycompaniesjoined" -> "technology companies joined"), in as few
    words as can be, each at least `min_part` letters; None when the token is a word itself or splits into none."""
    low = token.lower()
    if low in words:
        return None
    n = len(low)
    best: list[list[int] | None] = [None] * (n + 1)  # best[i]: the fewest cuts that make low[:i] of words
    best[0] = []
    for i in range(min_part, n + 1):
        for j in range(0, i - min_part + 1):
            if best[j] is not None and low[j:i] in words and (best[i] is None or len(best[j]) + 1 < len(best[i])):
                best[i] = best[j] + [i]
    cuts = best[n]
    if not cuts or len(cuts) < 2:
        return None
    parts, start = [], 0
    for c in cuts:
        parts.append(token[start:c])
        start = c
    return " ".join(parts)


def repair_lost_spaces(text: str, original_words: set[str] | None = None) -> str:
    """Put back the spaces a republished copy lost: always between a figure and the word after it; inside a
    token that is no word of the original (`original_words`) but two of its words; with no original, inside a
    token seen once that is two words of three letters or more that the text uses elsewhere."""
    text = _DIGIT_WORD_RE.sub(r"\1 \2", text)
    if original_words is not None:
        return _TOKEN_RE.sub(lambda m: _split(m.group(0), original_words, 2) or m.group(0), text)
    counts: dict[str, int] = {}
    for w in _WORD_RE.findall(text):
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
    own = set(counts)

    def fix(m: re.Match) -> str:
        token = m.group(0)
        if counts.get(token.lower(), 0) > 1:
            return token  # used as it is more than once: a word, not an accident
        return _split(token, own - {token.lower()}, 3) or token

    return _TOKEN_RE.sub(fix, text)


def repair_release(release: Release, original_words: set[str] | None = None) -> Release:
    """The release with its title's and every section's lost spaces repaired (in place; returned too). Without
    an original's words, the copy's own text is the vocabulary."""
    if original_words is None:
        whole = "\n".join([release.title or "", *(s.text for s in release.sections)])
        whole = _DIGIT_WORD_RE.sub(r"\1 \2", whole)
        counts: dict[str, int] = {}
        for w in _WORD_RE.findall(whole):
            counts[w.lower()] = counts.get(w.lower(), 0) + 1
        own = set(counts)
        once = {w for w, n in counts.items() if n == 1}

        def fix_text(text: str) -> str:
            text = _DIGIT_WORD_RE.sub(r"\1 \2", text)
            return _TOKEN_RE.sub(
                lambda m: (_split(m.group(0), own - {m.group(0).lower()}, 3) if m.group(0).lower() in once else None)
                or m.group(0), text)
    else:
        def fix_text(text: str) -> str:
            return repair_lost_spaces(text, original_words)
    for s in release.sections:
        s.text = fix_text(s.text)
    release.title = fix_text(release.title or "")
    return release


def _squash(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


def likeness(copy_title: str | None, copy_first: str | None, original_title: str | None,
             original_first: str | None) -> float:
    """How alike two releases are (0..1): the mean of their titles' and first paragraphs' similarity, spaces and
    punctuation ignored (a first paragraph is compared on its first 400 letters)."""
    t = SequenceMatcher(None, _squash(copy_title), _squash(original_title), autojunk=False).ratio()
    a, b = _squash(copy_first)[:400], _squash(original_first)[:400]
    if not a or not b:
        return t
    p = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return (t + p) / 2
