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
    # ``require`` as one literal alternation, for one search per window instead of a find per word
    require_regex: re.Pattern | None = None
    # lower-case ASCII strings of which every match holds one (see required_strings); () if unknown
    needs: tuple[str, ...] = ()


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


# The only non-ASCII characters that IGNORECASE matches to ASCII ones ("K" Kelvin sign to "k",
# long "ſ" to "s", dotted/dotless I to "i"): in a text holding none, a match holds a lower-case
# ASCII string case-insensitively exactly when its lower-cased text holds that string.
CASE_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order (earlier rules win ties of equal length)."""
    data = _load_yaml("rules.yaml")
    macros = {k: v.strip() for k, v in data["macros"].items()}
    out = []
    for i, r in enumerate(data["rules"]):
        body = _expand(r["pattern"], macros)
        require = tuple(str(w).lower() for w in r.get("require") or ())
        # Word boundaries on both sides, without consuming anything.
        regex = re.compile(rf"{first_char_guard(body)}(?<![\w]){body}(?![\w])", re.IGNORECASE)
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
                require_regex=re.compile("|".join(map(re.escape, require))) if require else None,
                needs=required_strings(body),
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
