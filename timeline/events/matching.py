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
joining all patterns into one alternation scanned once. Others make the regex
engine fail sooner at each place (``_quicker_alternatives``,
``_word_before_boundary``).

Most rules need not run at all on most texts: read from a rule's parsed pattern at
load time, the words its matches hold (``Triggers``) are looked up among the text's
words, cut out once per text and shared by all rules (``words_of``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from operator import itemgetter

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
    (``needs``: "by" for "\\bby\\s+...") is answered without running the regex, and
    so is one holding none of the words every match holds, when the caller passes
    the text's words (``words_of``; see ``Triggers``); then, too, the regex is
    tried only where a match can start, when that is known.
    """

    __slots__ = ("ignorecase", "folded", "needs", "triggers")

    def __init__(self, pattern: str):
        self.ignorecase = re.compile(pattern, re.IGNORECASE)
        self.folded = None
        self.needs: tuple[str, ...] = ()
        self.triggers: Triggers | None = None
        if foldable(pattern):
            self.folded = re.compile(_word_start_first(_quicker_alternatives(pattern)))
            self.needs = required_strings(pattern) or ()
            self.triggers = triggers(pattern)

    def _cannot_match(self, low: str, words: frozenset[str] | None) -> bool:
        # The words first: one set operation, and the surer test.
        triggers = self.triggers
        if words is not None and triggers is not None and not triggers.may_match(low, words):
            return True
        needs = self.needs
        return bool(needs) and not any(map(low.__contains__, needs))

    def search(
        self, text: str, low: str | None, words: frozenset[str] | None = None
    ) -> re.Match | None:
        """The first match in ``text``; ``words``, when given, is ``words_of(low)``."""
        if low is None or self.folded is None:
            return self.ignorecase.search(text)
        if self._cannot_match(low, words):
            return None
        return self.folded.search(low)

    def finditer(
        self, text: str, low: str | None, words: frozenset[str] | None = None
    ) -> Iterator[re.Match]:
        if low is None or self.folded is None:
            return self.ignorecase.finditer(text)
        if self._cannot_match(low, words):
            return iter(())
        if words is not None and self.triggers is not None and self.triggers.openings:
            return self._finditer_at_openings(low, words)
        return self.folded.finditer(low)

    def _finditer_at_openings(self, low: str, words: frozenset[str]) -> Iterator[re.Match]:
        """``folded.finditer(low)``, trying only the places where a match can start: where
        the words or strings its matches start with stand (``Triggers.openings``). As a
        scan does, each match is the first at or after the end of the last one (a match
        is never empty: it holds what it starts with)."""
        regex = self.folded
        end = 0
        for at in sorted(set(opening_places(low, self.triggers.openings, words))):
            if at >= end:
                m = regex.match(low, at)
                if m:
                    yield m
                    end = m.end()


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
    it is (the extra test would cost more than it saves), unless a word follows: see
    ``_word_before_boundary``."""
    if pattern.startswith("\\b"):
        return _word_before_boundary(pattern)
    if not _starts_at_word_boundary(pattern):
        return pattern
    if _opens_with_word_char(pattern):
        return rf"\b(?=\w)(?:{pattern})"
    return rf"\b(?:{pattern})"


_OPENING_WORD = re.compile(r"\\b([a-z0-9]+)")


def _word_before_boundary(pattern: str) -> str:
    """"\\bby\\s+..." -> "by(?<!\\wby)\\s+...": the same matches (before a word character,
    a boundary is a place not after one), but a pattern opening with a literal word is
    looked for as a string, far quicker than by trying the "\\b" at every place."""
    opening = _OPENING_WORD.match(pattern)
    if opening is None:
        return pattern
    word = opening.group(1)
    if _optional(pattern, opening.end()) or pattern.startswith("+", opening.end()):
        word = word[:-1]  # the quantifier is the last letter's
    if len(word) < 2:  # a single letter is no quicker to look for
        return pattern
    return rf"{word}(?<!\w{word}){pattern[2 + len(word):]}"


def _quicker_alternatives(pattern: str) -> str:
    """``pattern`` with the same matches, its opening group's alternatives rewritten so
    the regex engine, which tries each alternative in turn at every place, fails sooner:

    - alternatives that start with the same letter or digit are joined behind it
      ("\\b(?:was|were|went)" -> "\\b(?:w(?:as|ere|ent))"), so a letter is compared once
      instead of once per alternative. An alternative is moved only past others that
      start with another literal character, which cannot match at the same place, so
      the alternatives that can match at a place are tried in the same order;
    - an alternative that opens with lookarounds first looks ahead for the rest of it
      (``_body_first``): the lookarounds then run only where the rest can match.

    Patterns with capturing groups are left as they are (the groups would be numbered
    anew), and so are those that are not "...\\b(?:a|b|...)...".
    """
    split = _split(pattern)
    if split is None or re.compile(pattern).groups:
        return pattern
    head, alternatives, tail = split
    joined: list[str] = []
    run: dict[str, list[str]] = {}  # first character -> the rests, in order
    for a in [*alternatives, ""]:  # "" closes the last run
        if a[:1].isascii() and a[:1].isalnum() and not _optional(a, 1) and a[1:2] != "+":
            run.setdefault(a[0], []).append(a[1:])
            continue
        joined += [c + (f"(?:{'|'.join(rests)})" if len(rests) > 1 else rests[0])
                   for c, rests in run.items()]
        run = {}
        joined.append(_body_first(a))
    return head + "|".join(joined[:-1]) + tail


def _body_first(alternative: str) -> str:
    """"(?<!x)(?!y)body" -> "(?=body)(?<!x)(?!y)body": the same matches (a match of the
    alternative is one of its body), with the lookarounds tried only where the body matches."""
    end = _lookarounds_end(alternative)
    if end == 0 or end == len(alternative):
        return alternative
    return f"(?={alternative[end:]}){alternative}"


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

    Quicker still, when the words (or strings) every pattern's matches open with
    are known (``Triggers``): the text's words name the few patterns that might
    match (``_Gate``), which are tried in list order; one of them holding a word of
    the text as a whole alternative ("\\b(?:said|...)\\b") matches without a regex,
    and one whose matches start with known words or strings is tried only where
    those stand.
    """

    def __init__(self, patterns: list[str]):
        self.patterns = list(patterns)
        self.rules = tuple(CaselessRule(p) for p in patterns)
        every = [r.triggers for r in self.rules]
        self.gate = _Gate(every) if every and None not in every else None

    @cached_property
    def _scan_parts(self) -> tuple[re.Pattern | None, dict[str | None, _Candidates] | None]:
        """The one-alternation scan and its first-character split, built when first
        needed: where the gate answers (most rule sets), they never are."""
        patterns = self.patterns
        if not patterns or not all(
            _starts_at_word_boundary(p) and r.folded is not None and r.folded.groups == 0
            for p, r in zip(patterns, self.rules, strict=True)
        ):
            return None, None
        joined = "|".join(f"({p})" for p in patterns)
        # When no pattern can start where a word ends, those places are ruled out
        # at once too (half the work of the scan).
        starts = r"(?=\w)" if all(_opens_with_word_char(p) for p in patterns) else ""
        scan = re.compile(rf"\b{starts}(?:{joined})")
        return scan, (_by_first_character(patterns) if starts else None)

    @property
    def scan(self) -> re.Pattern | None:
        return self._scan_parts[0]

    @property
    def by_first(self) -> dict[str | None, _Candidates] | None:
        return self._scan_parts[1]

    def index(self, text: str) -> int | None:
        """Index of the first pattern matching ``text``, or None."""
        low = fold(text)
        if low is not None and self.gate is not None:
            return self._index_by_gate(low)
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

    def _index_by_gate(self, low: str) -> int | None:
        """``index`` on folded text, trying only the patterns the text's words allow."""
        words = words_of(low)
        for i in self.gate.candidates(low, words):
            if not self.gate.sure[i].isdisjoint(words) or self._matches(i, low, words):
                return i
        return None

    def _matches(self, i: int, low: str, words: frozenset[str]) -> bool:
        """True if pattern ``i`` matches folded ``low``: tried only where one of the words
        its matches start with stands, when those are known, else everywhere."""
        regex = self.rules[i].folded
        openings = self.gate.openings[i]
        if openings is None:
            return regex.search(low) is not None
        return any(regex.match(low, at) for at in opening_places(low, openings, words))

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


# --- Words a match holds ---------------------------------------------------------------
#
# A text is cut into its words once (``words_of``). Each rule's parsed pattern tells, at
# load time, words one of which every match holds as a whole word (or, for alternatives
# spelt with none, the starts of words or strings every match opens with): a text
# holding none of them is not run through the rule's regex.

_WORD = re.compile(r"\w+")
_IS_WORD_CHAR = re.compile(r"\w").fullmatch
# In the openings spelt out from a pattern: a "\b" after word characters, a character
# that is not a word character but not known either ("\s"), and the end of what is
# known of the opening (an item that does not spell out characters, "\w+").
_BOUNDARY, _NOT_WORD, _UNKNOWN = "\x00", "\x01", "\x02"
# More openings than this: the pattern is not one of plain words.
_MAX_OPENINGS = 512
# More opening strings than this cost more to look for than running the regex.
_MAX_STRINGS = 8


#: For bytes.translate: ASCII characters that are no word character -> space (in bytes
#: patterns, "\w" is ASCII's).
ASCII_NON_WORD_TO_SPACE = bytes.maketrans(
    bytes(range(128)), bytes(c if _IS_WORD_CHAR(chr(c)) else 32 for c in range(128))
)


@lru_cache(maxsize=1)
def words_of(low: str) -> frozenset[str]:
    """The words (runs of word characters) of folded text. The last answer is kept: the
    status and the category of an event are read from the same clause."""
    if low.isascii():
        # With every character that is no word character made a space, what str.split()
        # cuts out are the runs of word characters (no word character is a space), and
        # that copy is made by byte-wise translation, far quicker than a regex scan.
        spaced = low.encode("ascii").translate(ASCII_NON_WORD_TO_SPACE).decode("ascii")
        return frozenset(spaced.split())
    return frozenset(_WORD.findall(low))


class Triggers:
    """What a text must hold for a pattern to match it: one of ``words`` as a whole word,
    a word starting with one of ``prefixes``, or one of ``strings`` anywhere. A text
    holding one of ``sure`` (some of ``words``) as a whole word is matched. When known,
    ``openings`` are what every match starts with: a whole word of ``openings[0]`` or a
    string of ``openings[1]``."""

    __slots__ = ("words", "prefixes", "strings", "sure", "openings")

    def __init__(self, words: frozenset[str], prefixes: frozenset[str], strings: tuple[str, ...],
                 sure: frozenset[str] = frozenset(),
                 openings: tuple[frozenset[str], tuple[str, ...]] | None = None):
        self.words = words
        self.prefixes = prefixes
        self.strings = strings
        self.sure = sure
        self.openings = openings

    def may_match(self, low: str, words: frozenset[str]) -> bool:
        """``words`` is ``words_of(low)``. The cheapest tests first: most texts are told
        by the words alone."""
        if not self.words.isdisjoint(words):
            return True
        if self.prefixes and not self.prefixes.isdisjoint(word_starts(words)):
            return True
        return bool(self.strings) and any(map(low.__contains__, self.strings))


# Words are looked up by their first characters, as many as this: shorter word openings
# are looked for as strings.
PREFIX = 4


@lru_cache(maxsize=1)
def word_starts(words: frozenset[str]) -> frozenset[str]:
    """The first ``PREFIX`` characters of each of ``words`` (all of a shorter word, which
    is no key of ``PREFIX`` characters)."""
    return frozenset(map(_FIRST_CHARACTERS, words))


_FIRST_CHARACTERS = itemgetter(slice(0, PREFIX))


def opening_places(
    low: str, openings: tuple[frozenset[str], tuple[str, ...]], words: frozenset[str]
) -> Iterator[int]:
    """Offsets in ``low`` of the ``Triggers.openings`` (``words`` is ``words_of(low)``):
    every place where the pattern's matches can start, and more (inside words)."""
    opening_words, opening_strings = openings
    for start in (*opening_words.intersection(words), *opening_strings):
        at = low.find(start)
        while at >= 0:
            yield at
            at = low.find(start, at + 1)


def triggers(pattern: str) -> Triggers | None:
    """The ``Triggers`` of a foldable ``pattern``, or None when any text might hold a match.

    The pattern is taken apart into its alternatives (top-level ones, and those of the
    group it opens with); each gives the whole words or the starts of words its matches
    open with, or else the strings they open with (``opening``), or else strings they
    hold (``required_strings``).
    """
    words: set[str] = set()
    prefixes: set[str] = set()
    strings: list[str] = []
    sure: set[str] = set()
    # What matches start with: whole words, other strings; None once that is not known.
    opening_words: set[str] | None = set()
    opening_strings: list[str] = []
    from re import _parser

    for alternative in _alternatives(pattern):
        parsed = _parser.parse(alternative)  # once for the three readings of it
        sure |= sure_words(alternative, parsed)
        opens = opening(alternative, parsed)
        if opens is None:
            found = required_strings(alternative)
            if not found:
                return None
            strings.extend(found)
            opening_words = None
            continue
        kind, found = opens
        if kind == "words":
            opening_words = opening_words if opening_words is None else opening_words | found
        else:
            opening_strings.extend(found)
        if kind == "words":
            words |= _rarest_words(alternative, parsed) or found
        elif kind == "prefixes":
            prefixes.update(w[:PREFIX] for w in found if len(w) >= PREFIX)
            strings.extend(w for w in found if len(w) < PREFIX)
        else:
            strings.extend(found)
    return Triggers(frozenset(words), frozenset(prefixes), tuple(dict.fromkeys(strings)),
                    frozenset(sure), None if opening_words is None else (
                        frozenset(opening_words), tuple(dict.fromkeys(opening_strings))))


def sure_words(pattern: str, parsed=None) -> frozenset[str]:
    """Words that ``pattern`` matches wherever they stand as whole words of a text: those
    it spells out between two "\\b" with nothing else to test ("\\b(?:said|says)\\b")."""
    from re import _constants as c
    from re import _parser

    items = list(parsed or _parser.parse(pattern))
    boundary = (c.AT, c.AT_BOUNDARY)
    if len(items) < 3 or items[0] != boundary or items[-1] != boundary:
        return frozenset()
    spelt = _spelt(items[1:-1])
    return frozenset(s for s in spelt or () if s and all(map(_IS_WORD_CHAR, s)))


def _spelt(items) -> set[str] | None:
    """Every string the parsed sequence ``items`` matches, when it is made of literals,
    classes of literals, groups, alternatives and optional items only; else None."""
    from re import _constants as c

    out = {""}
    for op, av in items:
        chars = _characters(op, av)
        if chars is not None and _NOT_WORD not in chars:
            out = {s + ch for s in out for ch in chars}
        elif op is c.SUBPATTERN:
            inner = _spelt(av[-1])
            out = None if inner is None else {s + t for s in out for t in inner}
        elif op is c.BRANCH:
            each = [_spelt(a) for a in av[1]]
            out = None if None in each else {s + t for s in out for t in set().union(*each)}
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] == 1:
            inner = _spelt(av[2])
            extra = {""} if av[0] == 0 else set()
            out = None if inner is None else {s + t for s in out for t in inner | extra}
        else:
            return None
        if out is None or len(out) > _MAX_OPENINGS:
            return None
    return out


def _rarest_words(pattern: str, parsed=None) -> set[str] | None:
    """A whole word from each way ``pattern`` can be spelt out, the likely rarest in text
    ("required" for "(?:is|are) required to"), or None when a way holds no whole word."""
    from re import _parser

    spelt = _openings({""}, parsed or _parser.parse(pattern), _unknown_after)
    if spelt is None:
        return None
    first_is_whole = _opens_with_word_char(pattern)
    out = set()
    for s in spelt:
        words = _whole_words(s, first_is_whole)
        if not words:
            return None
        out.add(_rarest(words))
    return out


def _rarest(words: list[str]) -> str:
    """Of the whole words of a way to spell a match, the one likely rarest in text: the
    first of ``PREFIX`` characters or more (words as short as "is", "has" or "the" are
    common), else the longest."""
    return next((w for w in words if len(w) >= PREFIX), max(words, key=len))


def _alternatives(pattern: str) -> list[str]:
    """Patterns whose matches together are ``pattern``'s: its top-level alternatives, each
    split further when it is "<lookarounds>\\b(?:a|b|...)<tail>" (``_split``)."""
    out = []
    for branch in _top_level_branches(pattern):
        split = _split(branch)
        if split is None:
            out.append(branch)
        else:
            head, alternatives, tail = split
            out.extend(head + a + tail for a in alternatives)
    return out


def _top_level_branches(pattern: str) -> list[str]:
    depth, start, out = 0, 0, []
    for i, c, first in _unescaped(pattern):
        if first >= 0 or c in "[]":
            continue
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        depth += (c == "(") - (c == ")")
    out.append(pattern[start:])
    return out


def opening(pattern: str, parsed=None) -> tuple[str, frozenset[str]] | None:
    """What every match of ``pattern`` opens with, or None when that is not plain.

    ("words", W) when each match starts at a word start (``_opens_with_word_char``)
    with a whole word of W; ("prefixes", P) when each starts there with a word
    starting with one of P; ("strings", S) when each starts with one of the strings S.
    Read from the parsed pattern: literals, small classes, groups, alternatives and
    optional items spell out the opening until its first word ends (a character that
    is not a word character, or a "\\b"); lookarounds are passed over (they only rule out).
    """
    from re import _parser

    spelt = _openings({""}, parsed or _parser.parse(pattern))
    if spelt is None:
        return None
    if _opens_with_word_char(pattern):
        words = {_first_word(o) for o in spelt}
        if None not in words:
            return "words", frozenset(words)
        found, kind = {_word_start(o) for o in spelt}, "prefixes"
    else:
        found, kind = {_known_start(o) for o in spelt}, "strings"
    found = _fewest(found)
    if "" in found or len(found) > _MAX_STRINGS:
        return None
    return kind, frozenset(found)


def _word_start(spelt: str) -> str:
    """The word characters an opening starts with."""
    end = 0
    while end < len(spelt) and _IS_WORD_CHAR(spelt[end]):
        end += 1
    return spelt[:end]


def _known_start(spelt: str) -> str:
    """The characters an opening starts with, as far as they are known."""
    return spelt.replace(_BOUNDARY, "").split(_NOT_WORD)[0].split(_UNKNOWN)[0]


def _fewest(strings) -> set[str]:
    """The strings without those starting with another of them (which that one covers,
    both where it is found and where it starts)."""
    kept: set[str] = set()
    for s in sorted(set(strings), key=len):
        if not s.startswith(tuple(kept)):
            kept.add(s)
    return kept


def _first_word(spelt: str) -> str | None:
    """The word an opening starts with, when it is all known and ended, else None."""
    end = len(_word_start(spelt))
    if end == 0 or end == len(spelt) or spelt[end] == _UNKNOWN:
        return None
    return spelt[:end]


def _ended(spelt: str) -> bool:
    """True once an opening's first word has ended, or nothing more is known of it."""
    if spelt.endswith(_UNKNOWN):
        return True
    return bool(spelt) and not _IS_WORD_CHAR(spelt[-1]) and any(map(_IS_WORD_CHAR, spelt))


def _openings(openings: set[str], items, ended=None) -> set[str] | None:
    """``openings`` extended by the parsed sequence ``items`` until each has ``ended``
    (by default ``_ended``), or None when they grow too many."""
    from re import _constants as c

    ended = ended or _ended
    for op, av in items:
        if all(map(ended, openings)):
            break
        if op is c.AT:
            if av is c.AT_BOUNDARY:  # after word characters, a boundary ends the word
                openings = {o + _BOUNDARY if o and _IS_WORD_CHAR(o[-1]) and not ended(o) else o
                            for o in openings}
            continue
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue
        chars = _characters(op, av)
        if chars is not None:
            openings = {_extend(o, ch, ended) for o in openings for ch in chars}
        elif op is c.SUBPATTERN:
            openings = _openings(openings, av[-1], ended)
        elif op is c.BRANCH:
            each = [_openings(openings, a, ended) for a in av[1]]
            openings = None if None in each else set().union(*each)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[1] == 1:
            once = _openings(openings, av[2], ended)
            openings = None if once is None else (once | openings if av[0] == 0 else once)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1 and _not_words(av[2]):
            # "\s+": one such character at least; those after it are no word either.
            openings = {_extend(o, _NOT_WORD, ended) for o in openings}
        else:
            openings = {_extend(o, _UNKNOWN, ended) for o in openings}
        if openings is None or len(openings) > _MAX_OPENINGS:
            return None
    return openings


def _extend(opening: str, char: str, ended) -> str:
    return opening if ended(opening) else opening + char


def _unknown_after(spelt: str) -> bool:
    return spelt.endswith(_UNKNOWN)


def _whole_words(spelt: str, first_is_whole: bool) -> list[str]:
    """The words of a spelt-out match that are whole words of the text: between two
    characters that are no word characters (or a "\\b"), the first also at the start
    when the match starts at a word start."""
    out = []
    word = ""
    whole = first_is_whole
    for ch in spelt:
        if _IS_WORD_CHAR(ch):
            word += ch
            continue
        if word and whole and ch != _UNKNOWN:
            out.append(word)
        if ch == _UNKNOWN:
            return out
        word, whole = "", True
    return out  # a word at the end may go on in the text


def _characters(op, av) -> set[str] | None:
    """The characters a literal or class item matches (``_NOT_WORD`` for "\\s" and "\\W"),
    or None for other items and classes."""
    from re import _constants as c

    if op is c.LITERAL:
        return {chr(av)}
    if op is not c.IN:
        return None
    out: set[str] = set()
    for member, value in av:
        if member is c.LITERAL:
            out.add(chr(value))
        elif member is c.CATEGORY and value in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD):
            out.add(_NOT_WORD)  # never a word character
        else:
            return None
    return out


def _not_words(items) -> bool:
    """True if the parsed sequence is one item matching only characters that are not
    word characters ("\\s", "[ -]")."""
    chars = _characters(*items[0]) if len(items) == 1 else None
    return bool(chars) and not any(map(_IS_WORD_CHAR, chars))


class _Gate:
    """Which rules of a list a folded text might match, from their ``Triggers``, in list
    order: looked up from the text's words (and their starts), not tried rule by rule."""

    def __init__(self, every: list[Triggers]):
        self.rules_of_word = _index([t.words for t in every])
        self.rules_of_start = _index([t.prefixes for t in every])
        self.words = frozenset(self.rules_of_word)
        self.starts = frozenset(self.rules_of_start)
        self.strings = tuple((i, t.strings) for i, t in enumerate(every) if t.strings)
        self.sure = tuple(t.sure for t in every)
        self.openings = tuple(t.openings for t in every)

    def candidates(self, low: str, words: frozenset[str]) -> list[int]:
        """Indexes of the rules ``low`` (with ``words_of(low)``) might match, in order."""
        found: set[int] = set()
        for word in self.words.intersection(words):
            found.update(self.rules_of_word[word])
        if self.starts:
            # The words' starts are looked up as they are cut, not gathered in a set first
            # (``word_starts``): the text's words are seldom the last ones asked about.
            for start in self.starts.intersection(map(_FIRST_CHARACTERS, words)):
                found.update(self.rules_of_start[start])
        found.update(i for i, strings in self.strings if any(map(low.__contains__, strings)))
        return sorted(found)


def _index(keys_of_rule: list[frozenset[str]]) -> dict[str, tuple[int, ...]]:
    """Key -> the indexes of the rules holding it."""
    out: dict[str, list[int]] = {}
    for i, keys in enumerate(keys_of_rule):
        for key in keys:
            out.setdefault(key, []).append(i)
    return {k: tuple(rules) for k, rules in out.items()}


