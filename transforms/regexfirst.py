r"""What a regular expression's match can start with, read from the pattern itself, to skip positions fast.

    >>> first_chars(r"(?<![A-Za-z])(?:(?i:about)[ ]+|\d)")  # a digit, or "a" in either case (code points)
    '[\\d]|(?i:[\\U00000061])'

Python's engine tries a pattern that starts with a lookbehind or a group at every position of a search, and
at each one walks its alternatives. A lookahead in front of the pattern that every match passes changes no
match and turns most positions into one quick test:
  - `first_chars(p)`: the class of characters a match can start with;
  - `prefix_guard(pieces, at)`: for matches starting with one of the characters `at`, a trie of their first
    few characters (a piece whose matches may start with any of them is tested as itself).
With `classes`, a prefix may hold a whole class after its first character ("(\d", "HK\d"), follows a lookahead
that must hold, and a piece that opens with a lookbehind tests itself; with `digits` (a guard for matches that
start with a digit) a class of digits is one item and an open run of them one item too ("[\d]+ th").
Both are derived when the pattern is compiled, so they follow its edits; a construct they cannot bound gives
None, and the caller keeps the pattern as it is. Characters read case-blind in the pattern are tested
case-blind, inside (?i:...), so the engine folds them exactly as it does in the pattern.
"""

from __future__ import annotations

import functools
import re

from transforms.numbers import word_alternation

try:  # the engine's own parser: re._parser since Python 3.11, sre_parse before
    from re import _constants as _c, _parser as _p
except ImportError:  # pragma: no cover
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["first_chars", "prefix_guard"]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))


def _case_blind(outer: bool, add_flags: int, del_flags: int) -> bool:
    """Whether a group (?i:...) / (?-i:...) inside a case-blind or case-exact part reads case-blind."""
    return (outer or bool(add_flags & _c.SRE_FLAG_IGNORECASE)) and not del_flags & _c.SRE_FLAG_IGNORECASE


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
            inner_folded = _case_blind(folded, add_flags, del_flags)
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
        return _first_chars(_p.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - the engine's private parser may read differently in another Python
        return None


def _first_chars(tree) -> str | None:
    try:
        global_flags = tree.state.flags
        if global_flags & ~(_c.SRE_FLAG_UNICODE | _c.SRE_FLAG_IGNORECASE):
            return None  # ASCII, LOCALE, VERBOSE ...: keep it simple
        out: set[tuple[bool, str]] = set()
        if _first(list(tree), bool(global_flags & _c.SRE_FLAG_IGNORECASE), out):
            return None  # it can match empty, anywhere
    except _Unbounded:
        return None
    # Folded items go inside (?i:...), so the engine folds case exactly as it does in the pattern.
    as_written = "".join(sorted(item for folded, item in out if not folded))
    folded = "".join(sorted(item for folded, item in out if folded))
    parts = ([f"[{as_written}]"] if as_written else []) + ([f"(?i:[{folded}])"] if folded else [])
    return "|".join(parts)


# ------------------------------------------------------------------ the first few characters of a match
_WIDEST_CLASS = 12  # a class of more characters than this (a letter, \w) ends a prefix: forking on it costs more


def _class_text(items) -> str | None:
    """A class's items as regex text, or None for a negated class or a bitmap."""
    out = []
    for item_op, item in items:
        if item_op is _c.LITERAL:
            out.append(_escape(item))
        elif item_op is _c.RANGE:
            out.append(_escape(item[0]) + "-" + _escape(item[1]))
        elif item_op is _c.CATEGORY and item in _CATEGORIES:
            out.append(_CATEGORIES[item])
        else:
            return None
    return "[" + "".join(out) + "]"


# With class items, a prefix that starts with no letter or bracket ends after this many characters: such a
# character ($, 港, 約) is rare in text, and the numbers after a currency would multiply the branches. A bracket
# opens a name as often as an amount ("(HKSTP)", "(HK$ million)").
_OTHER_LENGTH = 3


def _is_letter(item: str) -> bool:
    return len(item) == 1 and ("a" <= item <= "z" or "A" <= item <= "Z" or item in "(（")


_DIGIT = "[\\d]"


def _digits_only(items) -> bool:
    """Whether a class holds digits alone (\\d, 0-9, 2-9, ...), not only single characters."""
    return any(op is not _c.LITERAL for op, _ in items) and all(
        (op is _c.CATEGORY and item is _c.CATEGORY_DIGIT) or (op is _c.RANGE and 0x30 <= item[0] <= item[1] <= 0x39)
        or (op is _c.LITERAL and 0x30 <= item <= 0x39) for op, item in items)


def _short_class_text(items) -> str | None:
    """A class's items as short regex text (letters, digits and CJK characters as themselves), or None for a
    negated class or a bitmap."""
    out = []
    for item_op, item in items:
        if item_op is _c.LITERAL:
            out.append(chr(item) if chr(item).isalnum() else _escape(item))
        elif item_op is _c.RANGE:
            out.append(_escape(item[0]) + "-" + _escape(item[1]))
        elif item_op is _c.CATEGORY and item in _CATEGORIES:
            out.append(_CATEGORIES[item])
        else:
            return None
    if len(out) > _WIDEST_CLASS:
        return None
    return "[" + "".join(out) + "]"


def _prefixes(tree, length: int, budget: int, at: str, classes: bool = False,
              digits: bool = False) -> set[tuple[tuple[str, ...], bool]] | None:
    """Every way a match of `pattern` that starts with one of the characters `at` can begin, up to `length`
    characters: (the characters, whether any of them is read case-blind). A path is cut short at a construct
    that is no short list of characters (the prefix then ends there, maybe empty), so every such match starts
    with one of the prefixes. None past `budget` prefixes. `tree`: the pattern as the engine's parser reads it.
    A prefix is a tuple of items, each one character or, with `classes`, after the first character, a whole
    class as its regex text ("[\\d]": a digit, where a list of characters would be too long). With `digits`, a
    class of digits alone is the item "[\\d]" (a digit of any script, so every digit it holds) anywhere, the first
    item too, and the prefix goes on after it: "\\d+:" begins "[\\d]:", "[\\d][\\d]:", ..."""
    if tree.state.flags & ~(_c.SRE_FLAG_UNICODE | _c.SRE_FLAG_IGNORECASE):
        return None

    def may_start(text: str | None, case_blind: bool) -> bool:  # the first character can be one of `at`
        return text is None or _matches_one_of(("(?i:" if case_blind else "(?:") + text + ")", at)
    if tree.state.flags & ~(_c.SRE_FLAG_UNICODE | _c.SRE_FLAG_IGNORECASE):
        return None
    out: set[tuple[str, bool]] = set()

    def done(prefix: str, folded: bool):
        out.add((prefix, folded))
        if len(out) > budget:
            raise _Unbounded("budget")

    def walk(seq, i: int, case_blind: bool, then, prefix: str, folded: bool):
        # `then(prefix, folded)` goes on with what follows `seq`; a path ends by calling done()
        while True:
            if len(prefix) >= length or (classes and not digits and len(prefix) >= _OTHER_LENGTH
                                         and not _is_letter(prefix[0])):
                return done(prefix, folded)
            if i == len(seq):
                return then(prefix, folded)
            op, av = seq[i]
            i += 1
            if op is _c.LITERAL:
                if not prefix and not may_start(_escape(av), case_blind):
                    return None  # a match that does not start at one of `at`
                prefix, folded = prefix + (chr(av),), folded or case_blind
                continue
            if classes and op is _c.ASSERT and av[0] == 1 and prefix:
                # a lookahead that must hold ("HK" then a digit, in "HK12 cents"): the characters that follow
                # begin with a match of it, so the prefix goes on with its pattern, and ends where it does
                return walk(list(av[1]), 0, case_blind, done, prefix, folded)
            if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
                continue  # zero width: leaving a condition out keeps every match
            rest = (lambda j: lambda p, f: walk(seq, j, case_blind, then, p, f))(i)
            if op is _c.IN:
                if not prefix and not may_start(_class_text(av), case_blind):
                    return None
                if digits and _digits_only(av):
                    prefix = prefix + (_DIGIT,)
                    continue
                if digits and any(op is _c.CATEGORY and item is _c.CATEGORY_DIGIT for op, item in av):
                    text = _class_text(av)  # digits and numerals ("[一二三\\d]"): one item, and the prefix goes on
                    if text is None:
                        return done(prefix, folded)
                    prefix, folded = prefix + (text,), folded or case_blind
                    continue
                chars = []
                for item_op, item in av:
                    if item_op is _c.LITERAL:
                        chars.append(chr(item))
                    elif item_op is _c.RANGE and item[1] - item[0] < _WIDEST_CLASS:
                        chars.extend(map(chr, range(item[0], item[1] + 1)))
                    else:
                        chars = None
                        break
                if chars is None or len(chars) > _WIDEST_CLASS:
                    text = _short_class_text(av) if classes and prefix else None
                    if text is None:
                        return done(prefix, folded)
                    return done(prefix + (text,), folded or case_blind)  # the class as one item, and the last
                for ch in chars:
                    if prefix or may_start(_escape(ord(ch)), case_blind):
                        rest(prefix + (ch,), folded or case_blind)
                return
            if op is _c.BRANCH:
                for alternative in av[1]:
                    walk(alternative, 0, case_blind, rest, prefix, folded)
                return
            if op is _c.SUBPATTERN:
                _group, add_flags, del_flags, inner = av
                if (add_flags | del_flags) & ~_c.SRE_FLAG_IGNORECASE:
                    return done(prefix, folded)
                inner_blind = _case_blind(case_blind, add_flags, del_flags)
                return walk(inner, 0, inner_blind, rest, prefix, folded)
            if op in _REPEATS:
                low, high, inner = av
                if digits and high == _c.MAXREPEAT and len(inner) == 1 and inner[0][0] is _c.IN and _digits_only(
                        inner[0][1]) and (prefix or may_start(_class_text(inner[0][1]), case_blind)):
                    # an open run of digits ("\\d+") as one item that takes any run: then "2001 to" is turned away
                    # at "o", where four digit items had spent the prefix
                    prefix = prefix + (_DIGIT + ("+" if low else "*"),)
                    continue
                return repeat(av, case_blind, rest, 0, prefix, folded)
            return done(prefix, folded)  # ANY, NOT_LITERAL, a back-reference ...: the prefix ends here

    def repeat(av, case_blind: bool, then, rounds: int, prefix: str, folded: bool):
        low, high, inner = av
        if rounds >= low:
            then(prefix, folded)  # stop repeating here
        if high == _c.MAXREPEAT or rounds < high:
            def after_round(p: str, f: bool):
                if len(p) == len(prefix):  # a round that read nothing: end the prefix rather than loop
                    return done(p, f)
                return repeat(av, case_blind, then, rounds + 1, p, f)
            walk(inner, 0, case_blind, after_round, prefix, folded)

    try:
        walk(list(tree), 0, bool(tree.state.flags & _c.SRE_FLAG_IGNORECASE), done, (), False)
    except (_Unbounded, RecursionError, re.error):
        return None
    return out


def _trie(words: set[tuple[str, ...]], case_blind: bool) -> str:
    """A trie of prefixes (tuples of one-character items and class items) as a regex; without class items the
    same text as word_alternation's."""
    if all(len(item) == 1 for word in words for item in word):
        return word_alternation({"".join(word) for word in words}, ignore_case=case_blind, space=re.escape(" "))
    trie: dict = {}
    for word in words:
        node = trie
        for item in word:
            if case_blind and len(item) == 1 and len(item.lower()) == 1:
                item = item.lower()  # the engine folds a case-blind literal to lower case itself
            node = node.setdefault(item, {})
        node[""] = {}

    def emit(node: dict) -> str:
        items = sorted(k for k in node if k)
        # the items that end a prefix, together as one class: the last character is where most branches are
        leaves = [item for item in items if node[item] == {"": {}} and (len(item) == 1 or item.endswith("]"))]
        alts = [(item if len(item) > 1 else re.escape(item)) + emit(node[item]) for item in items if item not in leaves]
        if len(leaves) == 1:
            alts.append(leaves[0] if len(leaves[0]) > 1 else re.escape(leaves[0]))
        elif leaves:
            alts.append("[" + "".join(item[1:-1] if len(item) > 1 else
                                      (item if item.isalnum() else _escape(ord(item))) for item in leaves) + "]")
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return ("(?i:" if case_blind else "(?:") + emit(trie) + ")"


@functools.lru_cache(maxsize=4096)
def _matches_one_of(regex: str, chars: str) -> bool:
    """Whether `regex` matches one of `chars` (each tried alone)."""
    test = re.compile(regex)
    return any(test.fullmatch(ch) for ch in chars)


def prefix_guard(parts: list[str], at: str, length: int = 4, budget: int = 50_000, classes: bool = False,
                 digits: bool = False) -> str | None:
    """See _prefix_guard; None (no guard: the pattern as it is) when the engine's private parser reads differently
    in this Python."""
    try:
        return _prefix_guard(parts, at, length, budget, classes, digits)
    except Exception:  # noqa: BLE001
        return None


def _starts_behind(tree) -> bool:
    """Whether the pattern opens with a lookbehind that must hold ((?<=止)...): tested as itself, the guard keeps it."""
    seq = list(tree)
    return bool(seq) and seq[0][0] is _c.ASSERT and seq[0][1][0] == -1


@functools.lru_cache(maxsize=512)
def _parse(part: str):
    """The engine's parse of a piece (read, never changed): the guards read the same pieces for each of their
    character sets."""
    return _p.parse(part)


@functools.lru_cache(maxsize=1024)
def _part_prefixes(part: str, at: str, length: int, budget: int, classes: bool, digits: bool):
    """(first_chars of the part, its prefixes; None when it never starts at `at`), or None when it cannot be read.
    Cached: the grammar's guards read the same pieces more than once."""
    try:
        tree = _parse(part)
    except re.error:
        return None
    first = _first_chars(tree)
    if first is not None and not _matches_one_of(first, at):
        return first, None  # never starts at those characters
    found = None
    for shorter in range(length, 0, -1):  # a part with too many ways to begin: fewer characters of each
        found = _prefixes(tree, shorter, budget, at, classes, digits)
        if found is not None:
            break
    if found is None:
        return None
    if classes and _starts_behind(tree):
        found = {((), False)}  # a lookbehind first: the part tests itself, its lookbehind first
    return first, found


def _prefix_guard(parts: list[str], at: str, length: int, budget: int, classes: bool = False,
                  digits: bool = False) -> str | None:
    """A regex that matches wherever a match of one of `parts` can start with one of the characters `at`: the first
    characters of such a match (a trie), or, for a part whose matches start with no short list of characters,
    the part itself (its groups made non-capturing). As a lookahead, at those characters, before
    `(?:part1|part2|...)` it changes no match and turns most failing positions into one walk down a trie.
    None when a part cannot be read that way."""
    exact: set[tuple[str, ...]] = set()
    blind: set[tuple[str, ...]] = set()
    whole: list[str] = []

    for part in parts:
        read = _part_prefixes(part, at, length, budget, classes, digits)
        if read is None:
            return None
        first, found = read
        if found is None:
            continue  # never starts at those characters
        if any(not prefix for prefix, _ in found):  # it may start with anything: the part must test itself
            if "(?P=" in part:
                return None
            part = re.sub(r"\(\?P<\w+>", "(?:", part)
            # with classes, its first characters first: the engine tries a lookahead's class in one step
            whole.append(f"(?=(?:{first})){part}" if classes and first is not None else part)
            continue
        for prefix, folded in found:
            (blind if folded else exact).add(prefix)
    if classes:  # each trie behind the class of its first characters: a position that starts none fails at once
        return "|".join(([f"(?=[{_heads(exact)}]){_trie(exact, False)}"] if exact else [])
                        + ([f"(?=(?i:[{_heads(blind)}])){_trie(blind, True)}"] if blind else []) + whole) or None
    tests = ([_trie(exact, False)] if exact else []) + ([_trie(blind, True)] if blind else []) + whole
    return "|".join(tests) if tests else None


def _heads(prefixes: set[tuple[str, ...]]) -> str:
    """The first characters of the prefixes, as the inside of a class (a class item gives its inside)."""
    return "".join(sorted({_head(prefix[0]) for prefix in prefixes}))


def _head(item: str) -> str:
    if item.startswith(_DIGIT):
        return r"\d"  # "[\d]", or a run "[\d]+" / "[\d]*" (a digit guard runs only at a digit)
    return item[1:-1] if len(item) > 1 else _escape(ord(item))
