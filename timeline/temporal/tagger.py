"""Stage one: find date mentions in running text, with offsets and underspecified readings.

Every rule in ``data/rules.yaml`` is run over the text; where matches overlap the
longest wins (then the earlier rule). A few context steps follow: modifiers to the
left ("early", "the end of", "around"), the signal word before a date ("by 2027"),
a time joined to its date, a year shared across a range ("4 June through 5 June
2014"). Values are filled in by :mod:`timeline.temporal.resolver`.
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, datetime
from functools import cache
from itertools import chain

from ..document import Document
from .mention import Mention
from .rules import Rule, ascii_safe, first_char_guard, has_case_traps, rules, trigger_words


def _guarded(pattern: str) -> re.Pattern:
    """``pattern``, case-insensitive, behind a lookahead for the characters its match may start
    with: a search tries every start before a mention, and most fail at their first character."""
    return re.compile(first_char_guard(pattern) + pattern, re.IGNORECASE)


_LEFT_MOD = _guarded(
    r"(?:(?P<the>the\s+)?(?:very\s+)?(?P<partof>end|beginning|start|middle|close|turn|dawn)\s+of\s+"
    r"|(?:the\s+)?(?P<nth>first|second|third|fourth|last|final|latter)\s+"
    r"(?P<piece>week|half|fortnight|(?:few\s+|ten\s+)?days)\s+of\s+"
    r"|(?P<part>early|late|mid|earlier|later|end(?=-)|start(?=-))[\s-]+|(?P<mid>mid-)"
    r"|(?P<approx>around|about|approximately|roughly|some|nearly|almost)\s+"
    r"|(?P<qty>more\s+than|less\s+than|at\s+least|up\s+to|no\s+more\s+than|at\s+most)\s+)$"
)
_PART_MOD = {
    "end": "END", "close": "END", "late": "END", "later": None, "earlier": None,
    "beginning": "START", "start": "START", "dawn": "START", "early": "START", "turn": "START",
    "middle": "MID", "mid": "MID", "mid-": "MID",
}
_SIGNAL = _guarded(
    r"(?P<sig>by|before|after|since|until|till|through|from|in|on|during|within|at|as\s+of|prior\s+to|"
    r"no\s+later\s+than|not\s+later\s+than|ahead\s+of)\s+$"
)
_SIGNAL_MOD = {
    "by": "ON_OR_BEFORE", "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE",
    "before": "BEFORE", "prior to": "BEFORE", "ahead of": "BEFORE",
    "after": "AFTER", "since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
}
# A cheap test before _LEFT_MOD / _SIGNAL run: a match ending at the mention ends in
# one of these words and then separators only. Most mentions have neither in front,
# and the regex search, trying every start in the 40 characters before, is the cost.
_LEFT_SEP = "-"  # besides whitespace
_LEFT_LAST_WORDS = (
    "of", "early", "late", "mid", "earlier", "later", "end", "start", "around", "about", "approximately", "roughly",
    "some", "nearly", "almost", "than", "least", "to", "most",
)
_SIGNAL_SEP = ""
_SIGNAL_LAST_WORDS = (
    "by", "before", "after", "since", "until", "till", "through", "from", "in", "on", "during",
    "within", "at", "of", "to", "than",
)
_LONGEST_LAST_WORD = max(map(len, _LEFT_LAST_WORDS + _SIGNAL_LAST_WORDS))


def _may_end_with(text: str, lo: int, end: int, seps: str, last_words: tuple[str, ...]) -> bool:
    """False when no match in text[lo:end] can end in one of ``last_words`` + whitespace/``seps``.

    A necessary condition only: True means "run the regex". Non-ASCII text before
    the word is left to the regex, whose IGNORECASE folds more than str.lower does.
    """
    if end <= lo or not (text[end - 1].isspace() or text[end - 1] in seps):
        return False
    j = end - 1
    while j > lo and (text[j - 1].isspace() or text[j - 1] in seps):
        j -= 1
    if j <= lo:
        return False  # the separators fill the window: no room for the word
    tail = text[max(0, j - _LONGEST_LAST_WORD) : j]
    return not tail.isascii() or tail.lower().endswith(last_words)


_PERIOD_PARTS = frozenset(("end", "close", "beginning", "start", "middle"))
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.IGNORECASE)
# (Each blank belongs to one place of the pattern: three "\s*" in a row would try every
# way to share a long run of blanks among them.)
_JOIN_GAP = re.compile(r"^\s*(?:,\s*)?(?:(?:on|at)(?!\w)\s*)?$", re.IGNORECASE)
_TIME_KINDS = ("time",)
_MAX_LEFT = 40


# How far from a trigger of each class a match may start and end
# ("the twenty-first of " + May; "the last twenty four " + hours).
_REACH = {
    "month": (24, 40), "weekday": (24, 32), "numeric": (32, 24), "spoken": (32, 40),
    "unit": (40, 28), "season": (28, 32), "deictic": (28, 28), "holiday": (24, 40),
    "ordinal": (24, 28),
}
_PLAIN_START = frozenset("ABCDEFGHIJKLMNOPRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")  # no digit, no "Q"


def trie_pattern(words: list[str]) -> str:
    """``words`` (sorted, non-empty) as a regex alternation sharing prefixes: "ma(?:r(?:ch)?|y)".

    The engine tries a flat alternation of a hundred words one by one at every start;
    a trie rejects most starts at the first character."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    alts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        if len(rests) == 1:  # one word from here on: no group needed
            alts.append(re.escape(first + rests[0]))
        else:
            optional = "?" if len(longer) < len(rests) else ""
            alts.append(f"{re.escape(first)}(?:{trie_pattern(longer)}){optional}")
    return "|".join(alts)


@cache
def _token_scanners() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Find, in lower-cased text, every whole \\w+ token _trigger_hits must look at: the trigger
    words, and any token not starting with a-p, r-z or "_" (digits, "Q3", non-ASCII words).
    The tokens in between ("the", "said", ...) are most of the text and need no Python step.

    All give the token as group 1: the first matches a token at the start of the text, the
    second finds the others with the separator before each, and the third does so in ASCII
    text, where [^0-9A-Za-z_] is \\W and is checked from a table, not the Unicode database.
    A pattern that opens with a character class lets the engine skip to the next candidate
    in C; one that opens with the lookbehind "(?<!\\w)" is tried at every position.
    """
    token = rf"((?:{trie_pattern(sorted(trigger_words()))})(?!\w)|[^\W_a-pr-z]\w*)"
    return re.compile(token), re.compile(rf"[\W]{token}"), re.compile(f"[^0-9A-Za-z_]{token}")


_WORD_GROUP = re.compile(r"(\w+)")
_WORD_REST = re.compile(r"\w*")


def _trigger_hits(text: str, lower: str):
    """(class, start, end) of every trigger word; ``lower`` is ``text.lower()``.

    When lower-casing kept the length (no character became two), ``lower`` has the same
    \\w+ tokens at the same offsets as ``text`` (lower-casing one character never changes
    whether it is a word character), so scanning it for the few tokens that can be hits
    finds them all; otherwise every token of ``text`` is visited.
    """
    words = trigger_words()
    n = len(text)
    if len(lower) == n:
        at_start, after_separator, after_ascii_separator = _token_scanners()
        if text.isascii():
            after_separator = after_ascii_separator
        first = at_start.match(lower)
        # A token ends before a separator (or the end), so the search for the next one
        # starts on the separator the second pattern needs.
        rest = after_separator.finditer(lower, first.end() if first else 0)
        tokens = chain((first,), rest) if first else rest
    else:
        tokens = _WORD_GROUP.finditer(text)
    for m in tokens:
        s, e = m.span(1)
        w = text[s:e]
        classes = words.get(w.lower())
        if classes is not None:
            for cls in classes:
                yield cls, s, e
        elif w[0] in _PLAIN_START:
            continue  # most words: neither a trigger nor a number shape
        elif w[0].isdigit():
            if len(w) == 4 and w.isdigit():
                yield "numeric", s, e
            elif e + 1 < n and text[e] in "/.:-" and text[e + 1].isdigit():
                yield "numeric", s, e
            elif w.endswith("0s"):
                yield "spoken", s, e
            elif w.isdigit() and _AMPM.match(text, e):
                yield "numeric", s, e
            elif _CLOCK_WORD.fullmatch(w):
                yield "numeric", s, e  # "9am", "11pm": the hour and its half of the day in one word
        elif len(w) == 2 and ((w[0] == "Q" and w[1] in "1234") or (w[0] == "H" and w[1] in "12")):
            yield "numeric", s, e  # "Q3", "H2"


_AMPM = re.compile(r"\s*[ap]\.?m\b", re.IGNORECASE)
_CLOCK_WORD = re.compile(r"\d{1,2}[ap]m", re.IGNORECASE)


def _windows(text: str, lower: str) -> dict[str, list[tuple[int, int]]]:
    """Merged [lo, hi) regions around each trigger class's hits."""
    n = len(text)
    out: dict[str, list[list[int]]] = {}
    for cls, s, e in _trigger_hits(text, lower):
        before, after = _REACH[cls]
        lo, hi = max(0, s - before), min(n, e + after)
        spans = out.setdefault(cls, [])
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    done: dict[str, list[tuple[int, int]]] = {}
    for cls, spans in out.items():
        kept = done[cls] = []
        for lo, hi in spans:
            # Never cut a word: a window ending inside "Novem|ber" would fake a word end.
            # (\w is str.isalnum() or "_", as the regex module defines it.)
            hi = _WORD_REST.match(text, hi).end()
            # and merge again what the longer window now reaches, so each class's list
            # is merged and sorted as _merge would leave it
            if kept and lo <= kept[-1][1]:
                kept[-1] = (kept[-1][0], max(kept[-1][1], hi))
            else:
                kept.append((lo, hi))
    return done


def _merge(spans):
    out: list[list[int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def _windows_of(classes: tuple[str, ...], windows: dict, lower: str) -> list[tuple[int, int, str]]:
    """The windows of any of ``classes``, merged, each with its lower-cased text."""
    present = [windows[cls] for cls in classes if cls in windows]
    if not present:
        return []
    # one class's windows are merged and sorted already
    spans = present[0] if len(present) == 1 else _merge(chain.from_iterable(present))
    return [(lo, hi, lower[lo:hi]) for lo, hi in spans]


# A rule as _candidates runs it: (rule, one, any_of, more, regex, month-gated), where the window
# must hold the string ``one`` (unless ""), one of the strings ``any_of`` (unless ()) and one
# of the strings of each tuple in ``more``.
_Runnable = tuple[Rule, str, tuple[str, ...], tuple[tuple[str, ...], ...], re.Pattern, bool]
_Group = tuple[tuple[str, ...], re.Pattern | None, tuple[_Runnable, ...]]


def _rule_groups(use_needs: bool, ascii_text: bool) -> tuple[_Group, ...]:
    """The rules by trigger-class combination (rules sharing one also share their windows),
    each with the group's month gate (see Rule.month_gate), as _candidates runs them on a text
    of this kind; worked out again only when ``rules()`` gives another tuple.

    Each rule's substring tests are its ``require`` words and (with ``use_needs``) its
    ``needs``, the latter left out where ``require`` implies it (each required word holds one
    of the needed strings, as when the two are the same words). A test of one string is made
    with ``in``, several with any(map(...)): the first costs a fifth of the second.
    """
    current = rules()
    if _GROUPED[0] is not current:
        _GROUPED[:] = [current, {}]
    variants = _GROUPED[1]
    key = (use_needs, ascii_text)
    if key not in variants:
        groups: dict[tuple[str, ...], list] = {}
        for rule in current:
            implied = bool(rule.require) and all(any(s in w for s in rule.needs) for w in rule.require)
            needs = rule.needs if use_needs and not implied else ()
            # (all tests must pass, so their order is free: one-string tests first)
            tests = sorted((t for t in (rule.require, needs) if t), key=len)
            one = tests.pop(0)[0] if tests and len(tests[0]) == 1 else ""
            any_of = tests.pop(0) if tests else ()
            regex = (rule.ascii_regex or rule.regex) if ascii_text else rule.regex
            runnable = (rule, one, any_of, tuple(tests), regex, rule.month_gate is not None)
            groups.setdefault(rule.triggers, []).append(runnable)
        gates = {t: next((r[0].month_gate for r in g if r[5]), None) for t, g in groups.items()}
        # (the gate is one compiled <<M>> for all rules: see rules._compiled_month)
        assert all(r[0].month_gate in (None, gates[t]) for t, g in groups.items() for r in g)
        variants[key] = tuple((t, gates[t], tuple(g)) for t, g in groups.items())
    return variants[key]


_GROUPED: list = [None, {}]


def _candidates(text: str):
    lower = text.lower()
    windows = _windows(text, lower)
    # Offsets in ``lower`` are those of ``text`` when no character became two, and the
    # lower-cased window then holds a rule's required strings whenever a match does
    # (see rules.required_strings and CASE_TRAPS).
    use_needs = len(lower) == len(text) and not has_case_traps(text)
    # (The order of ``found`` does not matter: _select sorts it on all that tells two apart.)
    found = []
    for triggers, gate, group in _rule_groups(use_needs, ascii_safe(text)):
        # the merged windows of the group's trigger classes, each with its lower-cased text
        spans = _windows_of(triggers, windows, lower)
        if not spans:
            continue
        # the windows holding a month name, the only ones where a month-gated rule can match
        month_spans = [w for w in spans if gate.search(text, w[0], w[1])] if gate else spans
        for rule, one, any_of, more, regex, gated in group:
            for lo, hi, window in month_spans if gated else spans:
                # A cheap substring test before the regex: "ago" rules need "ago" nearby,
                # and one per string a match must hold: no "century" in the window, no century rule.
                # (any(map(...)): the loop of substring tests without a Python step per string)
                if one and one not in window:
                    continue
                if any_of and not any(map(window.__contains__, any_of)):
                    continue
                if more and not all(any(map(window.__contains__, t)) for t in more):
                    continue
                for m in regex.finditer(text, lo, hi):
                    if m.end() > m.start():
                        found.append((m.start(), m.end(), rule, m))
    return found


def _select(found):
    """Longest match first, then earlier rule; keep only non-overlapping ones."""
    found.sort(key=lambda c: (c[0] - c[1], c[2].order, c[0]))
    starts: list[int] = []
    ends: list[int] = []
    keep = []
    for c in found:
        s, e = c[0], c[1]
        i = bisect.bisect_right(starts, s)
        if i > 0 and ends[i - 1] > s:
            continue
        if i < len(starts) and starts[i] < e:
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        keep.append(c)
    keep.sort(key=lambda c: c[0])
    return keep


def _to_mention(text: str, c) -> Mention:
    s, e, rule, m = c
    spec = dict(rule.fixed)
    spec.update({k: v for k, v in m.groupdict().items() if v is not None})
    # "the mid-1990s", "the late 19th century": the part of a decade or century is its modifier.
    part = spec.get("part")
    mod = _PART_MOD.get(part.lower()) if part and _PERIOD_KEYS.intersection(spec) else None
    return Mention(start=s, end=e, text=text[s:e], type=rule.type, value="", rule=rule.name, spec=spec, mod=mod)


_PERIOD_KEYS = frozenset(("decade", "decade2", "sdecade", "century"))


def _extend_left(text: str, m: Mention) -> None:
    lo = max(0, m.start - _MAX_LEFT)
    if not _may_end_with(text, lo, m.start, _LEFT_SEP, _LEFT_LAST_WORDS):
        return
    g = _LEFT_MOD.search(text, lo, m.start)
    if not g or g.end() != m.start:
        return
    kind = m.spec.get("kind")
    if g.group("qty"):
        if m.type != "DURATION" and kind != "ago":
            return
        m.spec["qty"] = g.group("qty").lower()
    elif g.group("approx"):
        word = g.group("approx").lower()
        if word == "some" and m.type != "DURATION" and kind != "ago":
            return
        if kind in ("ref", "relative", "anaphoric", "anaphoric_unit", "the_quarter"):
            return
        m.mod = m.mod or "APPROX"
    elif g.group("nth"):
        # "the last week of April", "the second half of February": a part of a month.
        if m.type != "DATE" or not _names_a_month(m.spec):
            return
        nth, piece = g.group("nth").lower(), " ".join(g.group("piece").lower().split())
        if piece == "week":
            m.spec["week_of_month"] = nth  # the resolver dates the week
        elif nth == "first":
            m.mod = "START"
        elif nth in ("last", "final", "latter") or (nth == "second" and piece in ("half", "fortnight")):
            m.mod = "END"
        else:
            return
    elif g.group("partof") or g.group("part") or g.group("mid"):
        if m.type == "DURATION" or kind in ("ref",):
            return
        word = (g.group("partof") or g.group("part") or g.group("mid")).lower()
        if word in ("earlier", "later") and kind not in (None, "date", "relative") and m.type != "TIME":
            return
        mod = _PART_MOD.get(word)
        if mod:
            m.mod = mod
    m.start = g.start()
    m.text = text[m.start : m.end]


# After a date: "1994 or later", "2030 and beyond", "the next year or so".
# (closing its phrase: "in 1944 and after the war became ..." is another phrase)
_RIGHT_MOD = re.compile(r"\s+(?:(?P<open>or\s+later|and\s+beyond|or\s+after|and\s+after)|(?P<upto>or\s+earlier|or\s+before)|"
                        r"(?P<so>or\s+so))(?=\s*(?:[,.;:)!?'\"”]|$))", re.IGNORECASE)
_RIGHT_MODS = {"open": "ON_OR_AFTER", "upto": "ON_OR_BEFORE", "so": "APPROX"}


def _extend_right(text: str, m: Mention) -> None:
    """Take in the words after a date that say how far it reaches ("1994 or later") as its
    modifier; a date that has a modifier already keeps it."""
    if m.type != "DATE" or m.mod or not text.startswith((" or", " and"), m.end):
        return
    g = _RIGHT_MOD.match(text, m.end)
    if g is None:
        return
    m.mod = _RIGHT_MODS[g.lastgroup]
    m.end = g.end()
    m.text = text[m.start : m.end]


_DAY_KEYS = ("day", "dayb", "dayword", "first", "weekday")


def _names_a_month(spec: dict) -> bool:
    """A month and no day in it: "April", "April 2026", "next month"."""
    if any(k in spec for k in _DAY_KEYS):
        return False
    return "month" in spec or "month_n" in spec or str(spec.get("unit", "")).lower() == "month"


def _signal(text: str, m: Mention) -> None:
    lo = max(0, m.start - 25)
    if not _may_end_with(text, lo, m.start, _SIGNAL_SEP, _SIGNAL_LAST_WORDS):
        return
    g = _SIGNAL.search(text, lo, m.start)
    if not g or g.end() != m.start:
        return
    sig = " ".join(g.group("sig").lower().split())
    m.spec["signal"] = sig
    m.spec["signal_start"] = g.start("sig")
    possessive = text.startswith(("'s", "’s"), m.end)  # "after last week's election"
    if (m.type in ("DATE", "TIME") and sig in _SIGNAL_MOD and m.mod is None and not possessive
            and str(m.spec.get("part", "")).lower() not in _PERIOD_PARTS):
        # "by the end of the year" is END, as "by the end of 2026" is
        m.mod = _SIGNAL_MOD[sig]


def _join_time_and_date(text: str, ms: list[Mention]) -> list[Mention]:
    """"November 02, 2024 12:35 PM IST" or "5 p.m. EST Nov. 9" is one TIME mention."""
    out: list[Mention] = []
    for m in ms:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            pair = {prev.type, m.type}
            if pair == {"DATE", "TIME"} and len(gap) <= 6 and _JOIN_GAP.match(gap):
                date_m, time_m = (prev, m) if prev.type == "DATE" else (m, prev)
                if date_m.spec.get("kind") in (None, "date", "relative") and time_m.spec.get(
                    "kind"
                ) in _TIME_KINDS:
                    spec = dict(date_m.spec)
                    spec.update({k: v for k, v in time_m.spec.items() if k in (
                        "hour", "minute", "ampm", "tz", "tword")})
                    spec["kind"] = "datetime"
                    joined = Mention(
                        start=prev.start, end=m.end, text=text[prev.start : m.end], type="TIME",
                        value="", rule=f"{prev.rule}+{m.rule}", spec=spec, mod=prev.mod or m.mod,
                    )
                    out[-1] = joined
                    continue
        out.append(m)
    return out


# Between months listed with the year of the last: "March, April and May 2004".
_LIST_GAP = re.compile(r"^\s*,\s*$")


def _share_range_year(text: str, ms: list[Mention]) -> None:
    """A month without a year, joined to the next date by "to", "and" (or a comma, in a list
    whose last date has the year), takes that date's year: "from March to May 2004", "in
    March, April and May 2004", "in August and December last year"."""
    # (from the last pair back, so a list's year reaches its first month)
    for a, b in reversed(list(zip(ms, ms[1:], strict=False))):
        if a.type != "DATE" or b.type != "DATE":
            continue
        if ("year" in a.spec or "syear" in a.spec or "kind" in a.spec
                or "month" not in a.spec and "month_n" not in a.spec):
            continue
        relative_year = (b.spec.get("kind") == "month_of_relative_year" and b.spec.get("dir")
                         and not b.spec.get("ana"))
        if "year" not in b.spec and not relative_year:
            continue
        gap = text[a.end : b.start]
        if _RANGE_GAP.match(gap) or (_LIST_GAP.match(gap) and "range_with" in b.spec):
            if relative_year:  # ("August and December last year": both last year's)
                a.spec["kind"], a.spec["dir"] = "month_of_relative_year", b.spec["dir"]
            else:
                a.spec["year"] = b.spec["year"]
            a.spec["range_with"] = (b.start, b.end)
            b.spec.setdefault("range_with", (a.start, a.end))


_RATE_BEFORE = re.compile(
    r"(?:\d|%|\b(?:cents?|dollars?|million|billion|percent|times|twice|once|shares?|euros?|pounds?|"
    r"yen|yuan)"
    # a count of things: "four flights a week", "700 seats a week", "dozens of raids a month"
    r"|\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|"
    r"dozens\s+of|hundreds\s+of|thousands\s+of)\s+(?:[a-z-]+\s+)?[a-z]+s)\s*$",
    re.IGNORECASE,
)


def _is_rate(text: str, c) -> bool:
    """"$5 a year", "twice a week": a rate, not a duration."""
    s, _e, rule, m = c
    if rule.fixed.get("kind") != "duration" or (m.groupdict().get("num") or "").lower() not in ("a", "an"):
        return False
    return bool(_RATE_BEFORE.search(text, max(0, s - 32), s))


# A month name alone that is someone's name: after a first name or a title ("Theresa May",
# "Mrs May", "Prime Minister May"). A capitalized word before it that is one of these is a
# date's own ("In May", "Since May", "The May vote").
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+|Mrs?|Ms|Dr)\.? $")
_NOT_A_NAME = frozenset(
    """in on at by since until till through from before after during early late mid last next this
    the each every of for to and or between around about into that also as but then with than
    beginning end start middle throughout within over past coming only even again so when while if
    first second third fourth final a an its his her their our
    monday tuesday wednesday thursday friday saturday sunday""".split()
    + [m.lower() for m in calendar.month_name if m])
_TELLING_AFTER = re.compile(r" (?:said|says|told|added|warned|insisted|argued|wrote|replied|announced)\b")


_MODAL_MAY = re.compile(r" (?:be|have|not|well|also|never|soon|still|yet|need|want|come|go|take|make|help)\b")
# The month names that are also personal names ("Theresa May", "Jan Brinkhorst", "Ma Jun").
_NAME_MONTHS = frozenset(("May", "June", "April", "Jan", "Jun"))
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*|[\"“]\s*)$")


def _is_name(text: str, c) -> bool:
    """A bare month name that names a person: after a first name or a title (see
    _NAME_BEFORE), or opening a sentence as the subject of a telling ("May said")."""
    s, e, rule, _m = c
    if e - s > 5 or text[s:e] not in _NAME_MONTHS or rule.name != "relative_month":
        return False  # (most matches: more than a month's name)
    if text[s:e] == "May" and _MODAL_MAY.match(text, e):
        return True  # "May be we can meet ...": the verb, capitalized where a sentence opens
    before = _NAME_BEFORE.search(text, max(0, s - 20), s)
    if before and before.group(1).lower() not in _NOT_A_NAME:
        return True
    return bool(_TELLING_AFTER.match(text, e)) and bool(_SENTENCE_START.search(text, max(0, s - 4), s))


_TITLE_WORDS = frozenset(("this", "next", "last", "week", "year", "today", "tonight", "yesterday",
                          "tomorrow", "now", "month"))
_OPENING_QUOTE = frozenset('"“')
_CLOSING_QUOTE = re.compile(r'[,.!?]?["”]')
_CAPITALIZED_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][A-Za-z]*) $")


def _is_title(text: str, c) -> bool:
    """A capitalized "This Week" or "Today" that names a programme or a publication: the whole
    of a quotation (ABC's "This Week") or after a name ("India Today magazine", "VOA Today").
    "Today Lin Dan is out of order" and "Today, talks resume" stay dates."""
    s, e, _rule, _m = c
    if not text[s].isupper() or e - s > 12:
        return False  # (most matches)
    words = text[s:e].split()
    if not all(w[0].isupper() and w.lower() in _TITLE_WORDS for w in words):
        return False
    if s > 0 and text[s - 1] in _OPENING_QUOTE and _CLOSING_QUOTE.match(text, e):
        return True
    before = _CAPITALIZED_BEFORE.search(text, max(0, s - 24), s)
    return before is not None and before.group(1).lower() not in _NOT_A_NAME


# What a game's report holds, and a business report's: "a 19-9 run in the first quarter" is a
# game's quarter; "profit rose in the first quarter" is the year's.
_GAME = re.compile(
    r"(?i)\b(?:rebounds?|assists?|three-pointers?|free[- ]throws?|field[- ]goals?|touchdowns?|quarterback|"
    r"overtime|half-?time|buzzer|scored|scoring|trailed|the frame|NBA|NFL|play-?offs?|"
    r"led by \d+|\d{1,3}-\d{1,3}(?:\s+(?:run|lead|win|victory|loss|defeat))?)\b")
_BUSINESS = re.compile(
    r"(?i)\b(?:profits?|earnings|revenues?|sales|growth|GDP|econom(?:y|ic)|fiscal|output|exports?|imports?|"
    r"inflation|unemployment|deficit|year-on-year|income|results|shares|stocks?|dividends?|billion|"
    r"million|quarterly)\b")


def _is_game_period(text: str, c) -> bool:
    """A quarter without a year in a game's report ("went on a 19-9 run in the first quarter",
    "led by 10 at the end of the third quarter"): the game's, not the year's."""
    s, e, _rule, m = c
    names = m.re.groupindex
    if "quarter" not in names and "quarter2" not in names:
        return False  # (most matches: a rule without a quarter)
    quarter = (m.group("quarter") if "quarter" in names else None) or (
        m.group("quarter2") if "quarter2" in names else None)
    if not quarter or any(ch.isdigit() for ch in text[s:e]):
        return False  # (no quarter, or one with its year)
    lo = max(text.rfind(". ", max(0, s - 300), s), text.rfind("\n", max(0, s - 300), s)) + 1
    hi = text.find(". ", e, e + 300)
    window = text[lo : hi if hi >= 0 else min(len(text), e + 300)]
    return _GAME.search(window) is not None and _BUSINESS.search(window) is None


def find_mentions(text: str) -> list[Mention]:
    """Stage one: the mentions in ``text`` with their underspecified readings (no values yet)."""
    if not text:
        return []
    # (A match of type NONE is a name that holds a date word, "Long March": it won its
    # place, and is dropped with the shorter readings it beat.)
    ms = [_to_mention(text, c) for c in _select(_candidates(text))
          if c[2].type != "NONE" and not _is_rate(text, c) and not _is_name(text, c) and not _is_title(text, c)
          and not _is_game_period(text, c)]
    for m in ms:
        _extend_left(text, m)
        _extend_right(text, m)
        _signal(text, m)
    ms = _join_time_and_date(text, ms)
    _share_range_year(text, ms)
    return ms


def tag(text: str, published=None) -> list[Mention]:
    """Date mentions in ``text``, resolved against ``published`` (or the time the text states).

    ``published`` may be a datetime, a date, an ISO string or free text; with None
    the publication time is looked for in the text itself.
    """
    doc = Document(text=text or "")
    return tag_document(doc, published)


def tag_document(doc: Document, published=None) -> list[Mention]:
    """Tag a document; sets ``doc.published`` from the text when it was not given."""
    from .published import dateline_day, locate_published, parse_published
    from .resolver import resolve

    # (Looked for even when the time is given: "THE HAGUE, 24 November 2026, 11:05 CET" at the
    # head of the article dates the article, not an event in it, whoever says when it appeared.)
    line = locate_published(doc.text)
    if published is not None:
        doc.published = parse_published(published)
    elif doc.published is None:
        doc.published = line[0] if line else None
    elif not isinstance(doc.published, date | datetime):
        doc.published = parse_published(doc.published)
    inferred = None
    if doc.published is None and (inferred := dateline_day(doc.text)) is not None:
        # "KYIV, March 11 (Reuters) - Ukraine said on Tuesday": the story's day, its year
        # worked out; what counts from it says so (the publication time stays unknown).
        doc.published, doc.meta["published_inferred"] = inferred
    mentions = find_mentions(doc.text)
    if line:
        # The publication line dates the article, not an event in it.
        for m in mentions:
            if line[1] <= m.start and m.end <= line[2]:
                m.spec["role"] = "published"
    resolve(doc.text, mentions, doc.published)
    if inferred is not None:
        for m in mentions:
            if m.anchor == "published" or m.spec.get("year_inferred"):
                m.warnings.append(inferred[1])
                m.confidence *= DATELINE_YEAR_FACTOR
    return mentions


# Confidence kept by a date counted from a dateline whose year was worked out.
DATELINE_YEAR_FACTOR = 0.7
