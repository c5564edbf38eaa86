"""Sentence splitting for English and Chinese press-release text (the language is transforms/language.py's).

    >>> split_sentences("Dr Chai spoke. HKSTP has 1,700 companies。另有10家獨角獸。")
    ['Dr Chai spoke.', 'HKSTP has 1,700 companies。', '另有10家獨角獸。']
"""

from __future__ import annotations

import re

# Candidate ends: Chinese full stops and marks (with closing quotes), English . ! ? before a space, line breaks.
# Written as one class of their first characters, then each end after the character it starts with: a pattern
# that opens with a class lets the engine skip to the next such character in one fast scan, where the plain
# alternation was tried at every character of the text (the same matches: "[。！？!?]+" is its first
# character, then "[。！？!?]*").
_BOUNDARY = re.compile(
    r"[。！？!?;.\n](?:(?<=[。！？!?])[。！？!?]*[」』”’\"')）]*[ \t]*|(?<=;)[ \t]+(?=\n)"
    r"|(?<=\.)[」』”’\"')）]*[ \t]+(?=[A-Z“\"'(\[0-9\u4e00-\u9fff*])|(?<=\.)[ \t]*$|(?<=\n)\s*)",
    re.M,
)
# Words whose trailing dot does not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Ir|Sr|Jr|St|No|Nos|Co|Corp|Ltd|Inc|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Fig|Vol|vol|pp|p|ca|cf|e\.g|i\.e|U\.S|U\.K|H\.K|Cap|cap|no|Nos|nos|para|Para|Sch|sec|Max|max|Min)|\b[A-Z])\.\S*[ \t]*$"
)


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` (stripped, empty ones dropped)."""
    return [s for _, s in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; the offset is where the stripped sentence starts in `text`."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0).startswith(".") and _ABBREV.search(text, max(start, m.start() - 12), m.start() + 1):
            continue
        _append(out, text, start, end)
        start = end
    _append(out, text, start, len(text))
    return out


def _append(out, text, start, end):
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        out.append((start + piece.index(stripped[0]), stripped))

