"""Case-insensitive rule patterns, matched at the speed of case-sensitive ones.

Status and category rules are compiled with ``re.IGNORECASE``, which makes the
regex engine look up the case of every character it compares, at every place
it tries. That lookup can be done once per text instead: with the ASCII letters
of the text lowered, a pattern that names no uppercase letter, compiled
without the flag, matches at exactly the same places (lowering ASCII letters
keeps the length, so offsets stay those of the original text).

It is exact only when nothing else depends on case, so both sides are checked:

- the text must not hold the few non-ASCII characters that IGNORECASE equates
  with an ASCII letter ("K" Kelvin sign with "k", "ſ" long s with "s", dotted
  and dotless i); such a text is matched by the IGNORECASE pattern as before;
- the pattern must not name characters by code, refer back to groups, switch
  flags inline, hold cased non-ASCII letters, or use character ranges other
  than within a-z or 0-9 (``[0-Z]`` would hold "A" but not "a"); such a rule
  keeps its IGNORECASE pattern for every text.

Two more rewritings keep the matches and save work, both for patterns whose
matches can only start at a word boundary: testing that first (a pattern's
lookarounds are slow to run at every place), and, for ``FirstMatching``,
joining all patterns into one alternation scanned once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..temporal.rules import required_strings as temporal_required_strings

# Non-ASCII characters that IGNORECASE matches against an ASCII letter (found by
# trying every code point; tests/test_events_matching.py checks the list).
#: Non-ASCII letters that case-insensitive matching equates with ASCII ones ("ſ" with "s").
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_CASELESS_KEY = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_EQUAL_TO_ASCII_LETTER = re.compile("[\u0130\u0131\u017f\u212a]")


def caseless_key(text: str) -> str:
    """``text`` lower-cased as a case-insensitive match sees it ("ſince" -> "since"), for
    looking up what such a match found in a table keyed by lower-case words."""
    return text.translate(_CASELESS_KEY).lower()
# What a pattern must not contain to be matched on lowered text: uppercase ASCII
# letters (also in \N, \U, (?P=name)), characters given by code (\x, \u, octal),
# numbered back references and inline flags ("(?-i:").
_NOT_FOLDABLE = re.compile(r"[A-Z]|\\[xu0-9]|\(\?[-a-z]")
# Escapes spelt in uppercase whose meaning does not depend on case.
_CASELESS_ESCAPES = frozenset(r"\W \S \D \B \A \Z".split())
_ESCAPE = re.compile(r"\\.", re.DOTALL)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str | None:
    """``text`` with its ASCII letters lowered, or None when only IGNORECASE is exact on it."""
    if text.isascii():
        return text.lower()
    if _EQUAL_TO_ASCII_LETTER.search(text):
        return None
    return text.translate(_ASCII_LOWER)


def _unescaped(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(offset, character, offset of the first member of the enclosing character
    class or -1) of each character of ``pattern`` that is not part of an escape."""
    first = -1
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if first < 0 and c == "[":
            yield i, c, -1
            first = i + 1 + pattern.startswith("^", i + 1)
            # A "]" first in the class is a member, not the end.
            i = first + pattern.startswith("]", first)
            continue
        if first >= 0 and c == "]":
            first = -1
        yield i, c, first
        i += 1


def _ranges_are_safe(pattern: str) -> bool:
    """True if every character range in ``pattern``'s classes lies within a-z or 0-9."""
    for i, c, first in _unescaped(pattern):
        if c == "-" and first >= 0 and i != first and not pattern.startswith("]", i + 1):
            low, high = pattern[i - 1], pattern[i + 1]
            if pattern[i - 2] == "\\" or not _same_run(low, high):
                return False
    return True


def _same_run(low: str, high: str) -> bool:
    return ("a" <= low <= high <= "z") or ("0" <= low <= high <= "9")


def _starts_at_word_boundary(pattern: str) -> bool:
    """True if every match of ``pattern`` starts at a word boundary: after any
    lookarounds (which test the same place) it opens with a ``\\b`` that is not
    repeated, and has no "|" outside groups (which would end what the ``\\b`` covers)."""
    rest = pattern[_lookarounds_end(pattern) :]
    if not rest.startswith("\\b") or rest[2:3] in ("?", "*", "+", "{"):
        return False
    return not any(c == "|" and depth == 0 for c, depth in _outside_classes(pattern))


def _outside_classes(pattern: str) -> Iterator[tuple[str, int]]:
    """(character, group depth before it) of each unescaped character outside classes."""
    depth = 0
    for _i, c, first in _unescaped(pattern):
        if first >= 0 or c in "[]":
            continue
        yield c, depth
        depth += (c == "(") - (c == ")")


def _lookarounds_end(pattern: str) -> int:
    """Offset just after the lookaround groups, "(?<!...)" and the like, that open ``pattern``."""
    end = 0
    while pattern.startswith(("(?<!", "(?<=", "(?=", "(?!"), end):
        depth = 0
        for i, c, first in _unescaped(pattern[end:]):
            if first < 0 and c in "()":
                depth += 1 if c == "(" else -1
                if depth == 0:
                    end += i + 1
                    break
        else:
            return end  # unbalanced: the compiler will say so
    return end


def _opens_with_word_char(pattern: str) -> bool:
    """True if every match of ``pattern`` starts at a word boundary and with a word
    character, so never where a word ends. Judged on the first item after the "\\b"
    and any lookarounds: a letter, digit, "_", "\\w" or class of those that is not
    optional, or a group whose alternatives all open so."""
    if not _starts_at_word_boundary(pattern):
        return False
    start = _lookarounds_end(pattern) + 2
    return _item_opens_with_word_char(pattern, start, _groups(pattern))


# A character class of ASCII letters, digits and "_" only ("[a-z]", "[cs]").
_WORD_CLASS = re.compile(r"\[(?:[a-z]-[a-z]|[0-9]-[0-9]|\w)+\]", re.ASCII)


def _item_opens_with_word_char(pattern: str, i: int, groups: dict) -> bool:
    if pattern.startswith(("(?<!", "(?<=", "(?=", "(?!"), i):
        return _item_opens_with_word_char(pattern, groups[i][0] + 1, groups)  # same place
    word_class = _WORD_CLASS.match(pattern, i)
    if word_class:
        return not _optional(pattern, word_class.end())
    capturing = pattern.startswith("(", i) and not pattern.startswith("(?", i)
    if capturing or pattern.startswith("(?:", i):
        end, bars = groups[i]
        body = i + (1 if capturing else 3)
        return not _optional(pattern, end + 1) and all(
            _item_opens_with_word_char(pattern, start, groups) for start in (body, *bars)
        )
    if pattern.startswith("\\w", i):
        return not _optional(pattern, i + 2)
    c = pattern[i : i + 1]
    return (c.isascii() and (c.isalnum() or c == "_")) and not _optional(pattern, i + 1)


def _optional(pattern: str, i: int) -> bool:
    """True if a quantifier at ``i`` may repeat the item before it zero times."""
    return pattern.startswith(("?", "*", "{"), i)


def _groups(pattern: str) -> dict[int, tuple[int, list[int]]]:
    """Offset of each "(" -> (offset of its ")", offsets just after the "|" directly in it)."""
    opened: list[tuple[int, list[int]]] = []
    out = {}
    for i, c, first in _unescaped(pattern):
        if first >= 0:
            continue
        if c == "(":
            opened.append((i, []))
        elif c == "|" and opened:
            opened[-1][1].append(i + 1)
        elif c == ")" and opened:
            start, bars = opened.pop()
            out[start] = (i, bars)
    return out


def foldable(pattern: str) -> bool:
    """True if ``pattern`` without IGNORECASE, on folded text, matches as it does with it."""
    bare = _ESCAPE.sub(lambda m: "" if m.group() in _CASELESS_ESCAPES else m.group(), pattern)
    if _NOT_FOLDABLE.search(bare):
        return False
    if any(not c.isascii() and (c.lower() != c or c.upper() != c) for c in pattern):
        return False
    return _ranges_are_safe(pattern)


class CaselessRule:
    """A rule pattern written for IGNORECASE, matched on folded text where that is exact.

    Callers pass both the text and ``fold(text)``; spans of the matches are
    offsets into either (their group texts are those of the folded text).
    On folded text, a text holding none of the strings every match must hold
    (``needs``: "by" for "\\bby\\s+...") is answered without running the regex.
    """

    __slots__ = ("ignorecase", "folded", "needs")

    def __init__(self, pattern: str):
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        self.folded = None
        self.needs: tuple[str, ...] = ()
        if foldable(pattern):
            self.folded = re.compile(_word_start_first(pattern))
            self.needs = required_strings(pattern) or ()

    def _cannot_match(self, low: str) -> bool:
        return bool(self.needs) and not any(map(low.__contains__, self.needs))

    def search(self, text: str, low: str | None) -> re.Match | None:
        if low is None or self.folded is None:
            return self.ignorecase.search(text)
        if self._cannot_match(low):
            return None
        return self.folded.search(low)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match]:
        if low is None or self.folded is None:
            return self.ignorecase.finditer(text)
        if self._cannot_match(low):
            return iter(())
        return self.folded.finditer(low)


# At most this many strings are checked before a regex: more cost what they save.
_MAX_NEEDS = 4


def required_strings(pattern: str) -> tuple[str, ...] | None:
    """Strings of which every match of the folded ``pattern`` holds at least one, or None.

    The tagger's analysis of its rules; a foldable pattern has no capital letters, so the
    lower-case strings it gives are the pattern's own.
    """
    return temporal_required_strings(pattern, _MAX_NEEDS, 0) or None


def _word_start_first(pattern: str) -> str:
    """``pattern`` with the same matches, but testing first that a place is at a word
    boundary (and, if its matches all start with a word character, at a word start)
    when the pattern makes other tests before its own "\\b": lookarounds, which are
    slow to run at every place of a text. A pattern opening with "\\b" is left as
    it is: the extra test would cost more than it saves."""
    if pattern.startswith("\\b") or not _starts_at_word_boundary(pattern):
        return pattern
    if _opens_with_word_char(pattern):
        return rf"\b(?=\w)(?:{pattern})"
    return rf"\b(?:{pattern})"


# A regex of patterns, one group each, and the index in the list of each group's pattern.
_Candidates = tuple[re.Pattern, tuple[int, ...]]


class FirstMatching:
    """Which pattern of a list, the first in list order, matches anywhere in a text.

    Gives the answer of trying the patterns one by one, in one scan: when every
    pattern starts at a word boundary, has no groups of its own and can be
    matched on folded text, they are joined into one alternation behind a single
    ``\\b`` (so places inside words are ruled out once, not once per pattern).
    At each place where any pattern matches, the alternation names the first
    pattern matching there; the scan goes on from the next place, and of all the
    patterns named, the one first in the list is the answer.

    When, moreover, every match starts with a word character, only word starts
    are places to try, and each is tried with the alternatives that can start
    with its first character (see ``_by_first_character``): a fraction of the
    alternation, with the same answer.
    """

    def __init__(self, patterns: list[str]):
        self.rules = tuple(CaselessRule(p) for p in patterns)
        self.scan = None
        self.by_first: dict[str | None, _Candidates] | None = None
        if patterns and all(
            _starts_at_word_boundary(p) and r.folded is not None and r.folded.groups == 0
            for p, r in zip(patterns, self.rules, strict=True)
        ):
            joined = "|".join(f"({p})" for p in patterns)
            # When no pattern can start where a word ends, those places are ruled out
            # at once too (half the work of the scan).
            starts = r"(?=\w)" if all(_opens_with_word_char(p) for p in patterns) else ""
            self.scan = re.compile(rf"\b{starts}(?:{joined})")
            if starts:
                self.by_first = _by_first_character(patterns)

    def index(self, text: str) -> int | None:
        """Index of the first pattern matching ``text``, or None."""
        low = fold(text)
        if low is None or self.scan is None:
            return next((i for i, r in enumerate(self.rules) if r.search(text, low)), None)
        if self.by_first is not None:
            return self._index_by_word(low)
        best = None
        m = self.scan.search(low)
        while m:
            found = m.lastindex - 1  # group k + 1 is pattern k
            if best is None or found < best:
                best = found
                if best == 0:
                    break
            m = self.scan.search(low, m.start() + 1)
        return best

    def _index_by_word(self, low: str) -> int | None:
        """``index`` on folded text, trying each word start (the places the scan
        tries) with the patterns that can match there, cut to the alternatives that
        can start with the word's first character."""
        by_first = self.by_first
        other = by_first.get(None)
        best = None
        for word in _WORD_START.finditer(low):
            found = by_first.get(word.group(), other)
            if found is None:
                continue
            regex, indexes = found
            if best is not None and indexes[0] >= best:
                continue  # only later patterns could match here
            m = regex.match(low, word.start())
            if m and (best is None or indexes[m.lastindex - 1] < best):
                best = indexes[m.lastindex - 1]
                if best == 0:
                    break
        return best


_WORD_START = re.compile(r"\b\w")


def _by_first_character(patterns: list[str]) -> dict[str | None, _Candidates]:
    """First character of a place -> (regex, index of the pattern behind each group).

    The regex joins, in list order, each pattern that can match at a place
    starting with that character, reduced to the alternatives of its opening
    group that can (``_split``, ``_first_characters``): an alternative that must
    start with another character fails there, so without it the pattern matches
    at exactly the same places. None is the key for characters no alternative
    names, which only alternatives of unknown first character can start with.
    """
    from re import _parser

    shapes = []
    for p in patterns:
        split = _split(p)
        if split is None:
            shapes.append((p, None))
            continue
        head, alternatives, tail = split
        firsts = [_first_characters(_parser.parse(a)) for a in alternatives]
        shapes.append((p, (head, alternatives, tail, firsts)))
    named = {c for _p, shape in shapes if shape for f in shape[3] if f for c in f}
    out: dict[str | None, _Candidates] = {}
    for char in [*sorted(named), None]:
        kept = []
        for k, (p, shape) in enumerate(shapes):
            if shape is None:
                kept.append((k, p))
                continue
            head, alternatives, tail, firsts = shape
            some = [a for a, f in zip(alternatives, firsts, strict=True) if f is None or char in f]
            if some:
                kept.append((k, head + "|".join(some) + tail))
        if kept:
            regex = re.compile("|".join(f"({p})" for _k, p in kept))
            out[char] = (regex, tuple(k for k, _p in kept))
    return out


def _split(pattern: str) -> tuple[str, list[str], str] | None:
    """``pattern`` as (head, alternatives, tail) when it is "<lookarounds>\\b(?:a|b|...)<tail>"
    with that group matched once: head + "|".join(alternatives) + tail is the pattern."""
    at = _lookarounds_end(pattern)
    if not pattern.startswith("\\b(?:", at):
        return None
    opening = at + 2
    end, bars = _groups(pattern)[opening]
    if pattern.startswith(("?", "*", "+", "{"), end + 1):
        return None
    starts = [opening + 3, *bars]
    ends = [b - 1 for b in bars] + [end]
    alternatives = [pattern[a:b] for a, b in zip(starts, ends, strict=True)]
    return pattern[: opening + 3], alternatives, pattern[end:]


def _first_characters(items) -> set[str] | None:
    """The characters a match of the parsed sequence ``items`` can start with, or None
    when that is not plain: only literals, classes of literals and ranges, groups and
    alternations of those, and items repeated at least once are read; "\\b" and the
    like take no character and are passed over."""
    from re import _constants as c

    for op, av in items:
        if op is c.AT:
            continue
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            return _class_characters(av)
        if op is c.SUBPATTERN:
            return _first_characters(av[-1])
        if op is c.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                first = _first_characters(alternative)
                if first is None:
                    return None
                out |= first
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            return _first_characters(av[2])
        return None
    return None  # may match the empty string


def _class_characters(members) -> set[str] | None:
    from re import _constants as c

    out: set[str] = set()
    for op, av in members:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None  # \w, negation, ...
    return out
