"""Load the rule and table data files and compile the rules once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

try:  # the parser behind re, used to read what a rule's match can start with
    from re import _constants as _sre
    from re import _parser
except ImportError:  # Python < 3.11
    import sre_constants as _sre
    import sre_parse as _parser

_MACRO = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern
    fixed: dict = field(default_factory=dict)
    examples: tuple = ()
    order: int = 0
    triggers: tuple[str, ...] = ()
    require: tuple[str, ...] = ()  # lower-case words one of which must be near a match
    # lower-case ASCII strings of which every match holds one (see required_strings); () if unknown
    needs: tuple[str, ...] = ()
    # ``regex`` compiled with re.ASCII: the same matches in an ASCII-safe text (see ascii_safe),
    # found faster (ASCII case folding and classes)
    ascii_regex: re.Pattern | None = None
    # the month-name macro, when every match holds one of its matches (see _month_gate)
    month_gate: re.Pattern | None = None


def _load_yaml(name: str) -> dict:
    text = resources.files("timeline.temporal").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def tables() -> dict:
    """Word tables: months, weekdays, seasons, numbers, ordinals, units, directions, parts, timezones."""
    return _load_yaml("tables.yaml")


def _expand(pattern: str, macros: dict) -> str:
    # Macros may use other macros; expand until none is left (bounded: no recursion in the data).
    for _ in range(5):
        new = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if new == pattern:
            return new
        pattern = new
    raise ValueError(f"macro expansion does not terminate in {pattern!r}")


# A regex alternative whose first character is a plain letter or digit that no quantifier binds.
_SPLITTABLE = re.compile(r"[A-Za-z0-9](?![?*+{])")


def _top_alternatives(pattern: str) -> list[str]:
    """``pattern`` split at its top-level "|" (not inside a group or a character class)."""
    out: list[str] = []
    depth, start, i = 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1  # the escaped character is never a "|", "(" or "["
        elif c == "[":
            i = _class_end(pattern, i)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _class_end(pattern: str, i: int) -> int:
    """Offset of the "]" closing the character class opened at ``pattern[i]``."""
    i += 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):  # a "]" first in the class is a literal
        i += 1
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _prefix_tree(alternatives: list[str], case_sensitive: bool) -> str:
    """The alternation of ``alternatives`` with those sharing a first character merged:
    "Jan|June?|Feb" becomes "J(?:an|une?)|Feb". Same matches, tried in the same order.

    At a given position only alternatives starting with the text's character can match,
    so regrouping alternatives with different first characters never changes which one
    succeeds first; each group keeps its members' order. An alternative that does not
    start with a plain character (a class, a group, the empty string) ends a run: nothing
    moves across it. Under IGNORECASE, first characters differing only in case are not
    exclusive, so such a run is left as it is.
    """
    out: list[str] = []
    run: list[str] = []
    for alt in [*alternatives, None]:
        if alt is not None and _SPLITTABLE.match(alt):
            run.append(alt)
            continue
        if run:
            firsts = {a[0] for a in run}
            if case_sensitive or len({c.lower() for c in firsts}) == len(firsts):
                out.append(_merge_run(run, case_sensitive))
            else:
                out.extend(run)
            run = []
        if alt is not None:
            out.append(alt)
    return "|".join(out)


def _merge_run(run: list[str], case_sensitive: bool) -> str:
    by_first: dict[str, list[str]] = {}
    for alt in run:
        by_first.setdefault(alt[0], []).append(alt[1:])
    parts = []
    for first, rests in by_first.items():
        if len(rests) == 1:
            parts.append(first + rests[0])
        else:
            parts.append(f"{first}(?:{_prefix_tree(rests, case_sensitive)})")
    return "|".join(parts)


def _fast_macro(body: str) -> str:
    """A macro that is one group of alternatives, "(?:a|b)" or "(?-i:a|b)", with its
    alternatives as a prefix tree (see _prefix_tree); any other macro as it is.

    The engine tries the alternatives of a flat list one after another at every start a
    rule reaches; a tree rejects most of them at their first character.
    """
    for head, case_sensitive in (("(?:", False), ("(?-i:", True)):
        inner = body[len(head) : -1]
        if body.startswith(head) and body.endswith(")") and _top_alternatives(f"({inner})") == [f"({inner})"]:
            return f"{head}{_prefix_tree(_top_alternatives(inner), case_sensitive)})"
    return body


_CATEGORY_ESCAPES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


class _NoFirstChars(Exception):
    """The pattern starts with something the first-character analysis does not model."""


def _first_chars(items, ignorecase: bool, out: tuple[list[tuple[int, int]], list[str]]) -> bool:
    """Add to ``out`` (case-insensitive code point ranges, case-sensitive class items) every
    character a match of the parsed ``items`` may start with; True when the items can match
    the empty string."""
    def add(lo: int, hi: int) -> None:
        if ignorecase:
            out[0].append((lo, hi))
        else:
            out[1].append(_class_item(lo, hi))

    for op, av in items:
        if op is _sre.LITERAL:
            add(av, av)
            return False
        if op is _sre.IN:
            for iop, iav in av:
                if iop is _sre.LITERAL:
                    add(iav, iav)
                elif iop is _sre.RANGE:
                    add(*iav)
                elif iop is _sre.CATEGORY and iav in _CATEGORY_ESCAPES:
                    out[1].append(_CATEGORY_ESCAPES[iav])
                else:  # NEGATE and the like
                    raise _NoFirstChars
            return False
        if op is _sre.BRANCH:
            if not any([_first_chars(alt, ignorecase, out) for alt in av[1]]):
                return False
        elif op is _sre.SUBPATTERN:
            _group, add, remove, sub = av
            ic = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            if not _first_chars(sub, ic, out):
                return False
        elif op in _REPEATS:
            lo, _hi, sub = av
            if not _first_chars(sub, ignorecase, out) and lo > 0:
                return False
        elif op not in _ZERO_WIDTH:  # an assertion consumes nothing: look past it
            raise _NoFirstChars
    return True


def _class_item(lo: int, hi: int) -> str:
    return re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"


def _case_sensitive(ranges: list[tuple[int, int]]) -> list[str] | None:
    """Class items for characters matched case-insensitively, as case-sensitive items that match
    at least as much: both cases of ASCII letters, and every non-ASCII character (the few that
    fold to ASCII letters, "ſ" and the Kelvin sign, among them). None for non-ASCII ranges,
    whose case partners may be ASCII letters."""
    if any(hi > 0x7F for _lo, hi in ranges):
        return None
    out = []
    letters = False
    for lo, hi in ranges:
        out.append(_class_item(lo, hi))
        for c in range(lo, hi + 1):
            if chr(c).isalpha():
                letters = True
                out.append(re.escape(chr(c).swapcase()))
    if letters:  # only letters have case partners, and those are ASCII or in this range
        out.append(r"\x80-\U0010ffff")
    return out


def first_char_guard(body: str) -> str:
    """A lookahead for the characters a match of ``body`` (case-insensitive) can start with,
    or "" if unknown; put before ``body``, it changes no match.

    Same matches, found faster: a search tries a match at every position, and the
    engine cannot skip ahead by itself when a pattern opens with a lookbehind or an
    optional group; the lookahead rejects most positions at their first character.
    The class is made case-sensitive where it can be (a superset, checked faster).
    """
    out: tuple[list[tuple[int, int]], list[str]] = ([], [])
    try:
        if _first_chars(_parser.parse(body, re.IGNORECASE).data, True, out):
            return ""  # may match the empty string
    except _NoFirstChars:
        return ""
    folded = _case_sensitive(out[0]) if out[0] else []
    if folded is not None:
        return f"(?=(?-i:[{''.join(dict.fromkeys(folded + out[1]))}]))"
    alts = []
    if out[0]:
        alts.append(f"[{''.join(dict.fromkeys(_class_item(lo, hi) for lo, hi in out[0]))}]")
    if out[1]:
        alts.append(f"(?-i:[{''.join(dict.fromkeys(out[1]))}])")
    return f"(?={'|'.join(alts)})"


# At most this many strings are looked for before a rule's regex: more cost what they save.
_MAX_NEEDS = 6


def required_strings(body: str, most: int = _MAX_NEEDS, flags: int = re.IGNORECASE
                     ) -> tuple[str, ...]:
    """Lower-case strings of which every match of ``body`` (compiled with ``flags``) holds
    at least one, or () when the parsed pattern gives no set of at most ``most`` strings.

    A run of literal characters is in every match of the sequence it stands in, and so is
    one of the strings each alternative of a branch requires (when each does), or what a
    repeated item requires when it repeats at least once. Lookarounds, classes and optional
    items require nothing. Only ASCII strings are kept: under IGNORECASE an ASCII letter
    also matches a few non-ASCII characters (see CASE_TRAPS), which the caller rules out.
    """
    try:
        return _sequence_needs(_parser.parse(body, flags).data, most) or ()
    except RecursionError:  # pathological nesting: no guard
        return ()


def _sequence_needs(items, most: int) -> tuple[str, ...] | None:
    candidates: list[tuple[str, ...] | None] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append((run,))
            run = ""
        if op is _sre.SUBPATTERN:
            candidates.append(_sequence_needs(av[-1], most))
        elif op is _sre.ATOMIC_GROUP:
            candidates.append(_sequence_needs(av, most))
        elif op is _sre.BRANCH:
            alternatives = [_sequence_needs(a, most) for a in av[1]]
            if all(alternatives):
                candidates.append(_fewest(s for a in alternatives for s in a))
        elif op in _REPEATS and av[0] >= 1:
            candidates.append(_sequence_needs(av[2], most))
    if run:
        candidates.append((run,))
    usable = [
        tuple(x.lower() for x in n) for n in candidates
        if n and len(n) <= most and all(x.isascii() for x in n)
    ]
    # Fewer strings to look for first, then longer ones (rarer in text).
    return min(usable, key=lambda n: (len(n), -min(map(len, n))), default=None)


def _fewest(strings) -> tuple[str, ...]:
    """The strings without those holding another of them (which that one covers)."""
    unique = sorted(set(strings), key=lambda s: (len(s), s))
    kept: list[str] = []
    for s in unique:
        if not any(k in s.lower() for k in kept):
            kept.append(s.lower())
    return tuple(kept)


# Stands for <<M>> while a pattern is read for what every match must hold.
_MONTH_MARK = "\ue000"


def _holds(items, mark: int) -> bool:
    """True when every match of the parsed ``items`` consumes the literal ``mark``: a sequence
    does when one of its items does, a branch when each alternative does, a repeat when it
    repeats at least once. Lookarounds consume nothing and are not looked into."""
    for op, av in items:
        if op is _sre.LITERAL and av == mark:
            return True
        if op is _sre.SUBPATTERN and _holds(av[-1], mark):
            return True
        if op is _sre.ATOMIC_GROUP and _holds(av, mark):
            return True
        if op is _sre.BRANCH and all(_holds(alt, mark) for alt in av[1]):
            return True
        if op in _REPEATS and av[0] >= 1 and _holds(av[2], mark):
            return True
    return False


def _month_gate(pattern: str, macros: dict) -> re.Pattern | None:
    """The <<M>> macro compiled on its own, when every match of ``pattern`` holds a month name.

    <<M>> is case-sensitive ("may" the verb is no month), so it is a cheap test of a window
    found by a lower-case trigger word or a weekday: most such windows hold no month name,
    and then no match of the rule. A match of the rule lies in the window and holds a
    substring <<M>> matches there (its one lookahead sees the same window end), so a search
    of the window for <<M>> finds a match whenever the rule would: the test only skips
    windows where the rule finds nothing.
    """
    marked = _expand(pattern, {**macros, "M": _MONTH_MARK})
    if not _holds(_parser.parse(marked, re.IGNORECASE).data, ord(_MONTH_MARK)):
        return None
    return _compiled_month(macros["M"])


@cache
def _compiled_month(body: str) -> re.Pattern:
    return re.compile(body, re.IGNORECASE)


# The only non-ASCII characters that IGNORECASE matches to ASCII ones ("K" Kelvin sign to "k",
# long "ſ" to "s", dotted/dotless I to "i"): in a text holding none, a match holds a lower-case
# ASCII string case-insensitively exactly when its lower-cased text holds that string.
CASE_TRAP_CHARS = "\u0130\u0131\u017f\u212a"
CASE_TRAPS = re.compile(f"[{CASE_TRAP_CHARS}]")


# The ASCII characters on which Unicode and ASCII patterns differ: \s holds these four
# separators only in Unicode mode. (\w, \d, \b and case folding agree on ASCII.)
_ASCII_MODE_TRAPS = "\x1c\x1d\x1e\x1f"


def ascii_safe(text: str) -> bool:
    """True when a pattern compiled with re.ASCII finds in ``text`` exactly what it finds
    without: ``text`` is ASCII and holds none of the characters the two modes read apart."""
    return text.isascii() and not any(map(text.__contains__, _ASCII_MODE_TRAPS))


def has_case_traps(text: str) -> bool:
    """``CASE_TRAPS.search(text) is not None``: four substring tests (none for ASCII text)
    cost less than the regex stepping through every character."""
    return not text.isascii() and any(map(text.__contains__, CASE_TRAP_CHARS))


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order (earlier rules win ties of equal length)."""
    data = _load_yaml("rules.yaml")
    plain_macros = {k: v.strip() for k, v in data["macros"].items()}
    macros = {k: _fast_macro(v) for k, v in plain_macros.items()}
    out = []
    for i, r in enumerate(data["rules"]):
        body = _expand(r["pattern"], macros)
        require = tuple(str(w).lower() for w in r.get("require") or ())
        # Word boundaries on both sides, without consuming anything.
        pattern = rf"{first_char_guard(body)}(?<![\w]){body}(?![\w])"
        regex = re.compile(pattern, re.IGNORECASE)
        out.append(
            Rule(
                name=r["name"],
                type=r["type"],
                regex=regex,
                fixed=dict(r.get("set") or {}),
                examples=tuple(r.get("examples") or ()),
                order=i,
                triggers=tuple(r.get("trigger") or ()),
                require=require,
                # read from the rule as written: the prefix trees' single letters test nothing
                needs=required_strings(_expand(r["pattern"], plain_macros)),
                ascii_regex=re.compile(pattern, re.IGNORECASE | re.ASCII),
                month_gate=_month_gate(r["pattern"], macros),
            )
        )
        unknown = set(out[-1].triggers) - set(data["triggers"])
        if not out[-1].triggers or unknown:
            raise ValueError(f"rule {r['name']!r}: trigger must name classes of {sorted(data['triggers'])}")
    return tuple(out)


@cache
def trigger_words() -> dict[str, tuple[str, ...]]:
    """Lower-cased word -> trigger class, from the ``triggers`` lists in rules.yaml.

    Numbers are recognised by shape in the tagger (four digits, 11/01, 12:35, 10 a.m.).
    """
    data = _load_yaml("rules.yaml")
    words: dict[str, tuple[str, ...]] = {}
    for cls, items in data["triggers"].items():
        for w in items:
            key = str(w).lower()
            if cls not in words.get(key, ()):
                words[key] = words.get(key, ()) + (cls,)
    return words
