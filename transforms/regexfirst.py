r"""The characters a regular expression's match can start with, read from the pattern itself.

    >>> first_chars(r"(?<![A-Za-z])(?:(?i:about)[ ]+|\d)")  # a digit, or "a" in either case (code points)
    '[\\d]|(?i:[\\U00000061])'

Python's engine tries a pattern that starts with a lookbehind or a group at every position of a search. A
lookahead `(?=<first_chars(p)>)` in front of `p` changes no match (every match starts with one of those
characters) and turns most positions into one character test. Derived from the pattern at import, so it stays
right when the pattern is edited; a construct it cannot bound (`.`, a negated class, a back-reference, a
pattern that may match empty) gives None, and the caller keeps the pattern as it is.
"""

from __future__ import annotations

import re

try:  # the engine's own parser: re._parser since Python 3.11, sre_parse before
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["first_chars"]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


class _Unbounded(Exception):
    """The pattern may start with any character (or with nothing)."""


def _escape(cp: int) -> str:
    return "\\U%08x" % cp  # any code point, special in a class or not


def _first(seq, folded: bool, out: set[tuple[bool, str]]) -> bool:
    """Adds to `out` the (case-folded?, class item) that `seq` can start with; True when `seq` can match empty."""
    for op, av in seq:
        if op is _c.LITERAL:
            out.add((folded, _escape(av)))
            return False
        if op is _c.IN:
            for item_op, item in av:
                if item_op is _c.LITERAL:
                    out.add((folded, _escape(item)))
                elif item_op is _c.RANGE:
                    out.add((folded, _escape(item[0]) + "-" + _escape(item[1])))
                elif item_op is _c.CATEGORY and item in _CATEGORIES:
                    out.add((folded, _CATEGORIES[item]))
                else:  # a negated class, a charset bitmap: no small bound
                    raise _Unbounded(str(item_op))
            return False
        if op is _c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative, folded, out)
            if not empty:
                return False
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, inner = av
            if (add_flags | del_flags) & ~_c.SRE_FLAG_IGNORECASE:
                raise _Unbounded("inline flags")
            inner_folded = (folded or bool(add_flags & _c.SRE_FLAG_IGNORECASE)) and not del_flags & _c.SRE_FLAG_IGNORECASE
            if not _first(inner, inner_folded, out):
                return False
        elif op in _REPEATS:
            low, _high, inner = av
            if not _first(inner, folded, out) and low > 0:
                return False
        elif getattr(_c, "ATOMIC_GROUP", None) is op:
            if not _first(av, folded, out):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: what follows must still consume the first character
        else:  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...
            raise _Unbounded(str(op))
    return True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A regex (a class, or two: as written and case-folded) of every character a match of `pattern` can start
    with, or None when the pattern cannot be bounded that way."""
    try:
        tree = _p.parse(pattern, flags)
        global_flags = tree.state.flags
        if global_flags & ~(_c.SRE_FLAG_UNICODE | _c.SRE_FLAG_IGNORECASE):
            return None  # ASCII, LOCALE, VERBOSE ...: keep it simple
        out: set[tuple[bool, str]] = set()
        if _first(list(tree), bool(global_flags & _c.SRE_FLAG_IGNORECASE), out):
            return None  # it can match empty, anywhere
    except (_Unbounded, re.error):
        return None
    # Folded items go inside (?i:...), so the engine folds case exactly as it does in the pattern.
    as_written = "".join(sorted(item for folded, item in out if not folded))
    folded = "".join(sorted(item for folded, item in out if folded))
    parts = ([f"[{as_written}]"] if as_written else []) + ([f"(?i:[{folded}])"] if folded else [])
    return "|".join(parts)
