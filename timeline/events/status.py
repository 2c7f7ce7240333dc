"""Whether an event happened, is ongoing, is planned or is a target.

Read from the clause around the date (cues kept as data in
``data/status.json``), then checked against the publication time: a clause
in the past tense about a date after publication is planned, not history, and
the user is told when the wording and the date disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

import pandas as pd

from ..temporal.resolver import (
    ADVERBS_BEFORE_A_VERB,
    AUXILIARIES,
    COUNTS,
    DETERMINERS,
    KEPT_AS_BEFORE,
    MODALS,
    NO_NOUN,
    PREPOSITIONS_BEFORE_A_NOUN,
    SUBJECT_COUNT_AFTER,
)
from .matching import CaselessRule, fold, words_of
from .verbs import CONDITION
from .words import SPEAKING_PARTICIPLES


@dataclass(frozen=True)
class StatusRule:
    name: str
    status: str
    regex: re.Pattern | None
    signals: tuple[str, ...]
    examples: tuple
    # A signal rule applies only where this matches the clause too (None: always).
    requires: re.Pattern | None = None
    # A cue that speaks only for a date after it: "could join in March", but not "a dumping
    # incident in August could cost millions".
    before_date: bool = False
    # ... and still for a possessive date after it ("vowed to replace Bongo in Sunday's polls":
    # the polls are what was vowed), unlike "may miss two weeks with an ankle sprained during
    # Thursday's loss".
    possessive_too: bool = False


@lru_cache(maxsize=1)
def status_rules() -> tuple[StatusRule, ...]:
    raw = resources.files("timeline.events").joinpath("data", "status.json").read_text("utf-8")
    out = []
    for r in json.loads(raw)["rules"]:
        pattern = r.get("pattern") or ""
        out.append(
            StatusRule(
                name=r["name"],
                status=r["status"],
                regex=re.compile(pattern, re.IGNORECASE) if pattern else None,
                signals=tuple(r.get("signals", ())),
                examples=tuple(tuple(e) for e in r.get("examples", ())),
                requires=re.compile(r["requires"], re.IGNORECASE) if r.get("requires") else None,
                before_date=bool(r.get("before_date")),
                possessive_too=bool(r.get("possessive_too")),
            )
        )
    return tuple(out)


@lru_cache(maxsize=4096)
def cue_status(
    clause: str, signal: str | None = None, at: int | None = None
) -> tuple[str | None, str | None]:
    """(status, rule name) from the wording of ``clause`` alone; (None, None) without a cue.

    A rule keyed on the date's ``signal`` ("by") wins, if the clause has what
    the rule ``requires`` ("had risen ... by Tuesday" is a tally, not a
    deadline). Otherwise, with ``at`` (the date's offset in the clause), the
    cue nearest to the date wins; without it, the first rule that matches.
    Cached: the event builder asks about the same clause before and while
    deciding the status.
    """
    if signal:
        for rule in status_rules():
            if signal.lower() not in rule.signals:
                continue
            if rule.requires is None:
                return rule.status, rule.name
            # "had risen ... by Tuesday" is a tally only where that wording is what
            # speaks for the date: the verb before "by" ("By noon, turnout had
            # risen": the one after), so in "would be in charge by 2005 and the
            # plans had received ..." "would" does, and the date stays a deadline.
            if _tally_wording(rule.requires, clause, at) and _governing_cue(clause, at) not in _AHEAD:
                return rule.status, rule.name
    return _nearest_cue(clause, at)


_AHEAD = frozenset({"planned", "target"})
# A date that opens a possessive: "Thursday's loss", "Wednesday night's game".
_POSSESSIVE_DATE = re.compile(r"[\w.]+(?:\s[\w.]+)?['’]s\b")


def _tally_wording(requires: re.Pattern, clause: str, at: int | None) -> bool:
    """Whether ``clause`` has the wording ``requires`` as the date's own: not in a condition
    or in a relative clause set off by a comma, and not a verb whose purpose, an infinitive
    between it and the date, is what the date is for ("has invested billions to become
    carbon neutral by 2040")."""
    for m in requires.finditer(clause):
        if CONDITION.search(clause, max(0, m.start() - 40), m.start()):
            continue  # "if the two Acts were formulated by mid-December": a supposition
        if _RELATIVE_BEFORE.search(clause, max(0, m.start() - 8), m.start()) and at is not None and (
                "," in clause[min(m.end(), at) : max(m.start(), at)]):
            # "the leaders, who have not met since 1994, by mid-1997", "by Nov. 21, which has
            # not been materialized": a relative clause set off by a comma is another event's.
            continue
        if at is None or m.end() > at or not _INFINITIVE.search(clause, m.end(), at):
            return True
    return False


_RELATIVE_BEFORE = re.compile(r"(?i)\b(?:who|which|that)\s+$")
# Words that open a new clause after the date; cues behind one rank after all others.
_LATER_CLAUSE = re.compile(
    r"(?i)\b(?:that|which|who|whom|whose|if|when|while|because|although|though|they|he|she"
    r"|we|you|it)\b")
_FAR = 1_000_000
# A telling set off after the date ("data due for release Thursday, brokers said"): its tense
# is the telling's.
_TELLING_AFTER = re.compile(r"(?i)(?:said|says|told|added|stated)\b")
# A telling in a participle right before the date ("with its chief of staff claiming on
# Tuesday that Tehran would have ...", "telling reporters late Friday that troops will"):
# the date is the telling's, which has no tense of its own; what it tells is another time.
_TELLING_PARTICIPLE_BEFORE = re.compile(
    r"(?i)\b(?:claim|say|warn|announc|insist|argu|add|stat|not|stress|tell|accus|alleg|confirm|"
    r"deny|declar|report|predict|vow|pledg|promis|threaten|assert|reiterat|suggest|indicat|"
    r"comment|respond)ing"
    r"(?:\s+[\w.'’-]+){0,3}?\s+(?:(?:on|late|early|last|this|in|at)\s+){0,2}$"
    # (speaking takes no clause after it: its place and hearers may stand before the date,
    # "speaking to reporters in Kabul on Monday")
    rf"|\b(?:{'|'.join(SPEAKING_PARTICIPLES)})(?:\s+[\w.'’-]+){{0,12}}?\s+"
    r"(?:(?:on|late|early|last|this|in|at)\s+){0,2}$")


def _governing_cue(clause: str, at: int | None) -> str | None:
    if at:
        before = _nearest_cue(clause[:at], at, plain_only=True)[0]
        if before is not None:
            return before
    return _nearest_cue(clause, at, plain_only=True)[0]


def _nearest_cue(
    clause: str, at: int | None, plain_only: bool = False
) -> tuple[str | None, str | None]:
    """The cue nearest to ``at`` (the first found without it); ``plain_only``
    leaves out the rules keyed on a signal ("by 2027" would speak for itself)."""
    low = fold(clause)  # lowered once for all rules (see matching.py)
    # Its words, also once: a rule whose matches hold none of them is not run.
    words = None if low is None else words_of(low)
    best: tuple[int, int] | None = None
    found: StatusRule | None = None
    # (looked for only where a cue after the date needs it, once)
    told_before: bool | None = None
    for order, (rule, matcher) in enumerate(_matchers()):
        if matcher is None or (plain_only and rule.signals):
            continue
        if at is None:
            if matcher.search(clause, low, words) and any(
                    not _no_cue(clause, m, rule) for m in matcher.finditer(clause, low, words)):
                return rule.status, rule.name
            continue
        if best is not None and best[0] == 0:
            break  # a cue at the date: later rules could only tie, and ties go to the earlier
        for m in matcher.finditer(clause, low, words):
            start, end = m.span()
            if _no_cue(clause, m, rule):
                continue
            if rule.before_date and (start >= at or (not rule.possessive_too and _POSSESSIVE_DATE.match(clause, at))):
                # (a later match starts later still; "may miss two weeks with an ankle sprained
                # during Thursday's loss": a date's own event, told in a possessive, was not
                # what the cue says may come)
                break
            distance = at - end if end <= at else max(start - at, 0)
            told_after = False  # (a telling after the date: this rule's next match may be nearer in effect)
            if start > at and told_before is None and "," in clause[at:start]:
                told_before = _told_before(clause, at)
            if start > at and (_LATER_CLAUSE.search(clause, at, start) or (
                    told_after := bool(_TELLING_AFTER.match(clause, start) or told_before)) and "," in clause[at:start]):
                # "told his squad Friday they must ...", "said Tuesday that ... would":
                # a cue in a later clause speaks for the date only if none comes before,
                # and not at all after a telling participle (whose date it is; after its
                # comma, "Speaking on Monday, the minister said the talks would ...", all is
                # another clause).
                if told_before is None:
                    told_before = _told_before(clause, at)
                if told_before:
                    break
                distance += _FAR
            if best is None or (distance, order) < best:
                best, found = (distance, order), rule
            if end > at and not told_after:
                # the rule's later matches start later still: none is nearer (a later clause
                # found before this match is before them too; a telling is only this match:
                # "On Friday, Sheikh Ahmad said the meeting was unlikely to ...": "was" is nearer)
                break
    return (found.status, found.name) if found else (None, None)


def _no_cue(clause: str, m: re.Match, rule: StatusRule) -> bool:
    """Whether a rule's match says nothing of the status: a name ("talks with Khaled on
    Thursday"), a word qualifying a noun, or a participle after "be" and an adverb taken for a
    past ("must still be formally adopted")."""
    return (_name_in_ed(clause, m) or _qualifies_a_noun(clause, m)
            or (rule.name == "past-tense" and (_passive_after_an_adverb(clause, m) or _held_as(clause, m))))


def _told_before(clause: str, at: int) -> bool:
    """Whether a telling participle stands right before the date at ``at`` ("claiming on
    Tuesday that ...", "speaking to reporters in Kabul on Monday")."""
    return ("ing" in clause[max(0, at - 100) : at]
            and _TELLING_PARTICIPLE_BEFORE.search(clause, max(0, at - 100), at) is not None)


def _name_in_ed(clause: str, m: re.Match) -> bool:
    """Whether the match is a name in "-ed" ("Khaled", "Mohammed"): one word, capitalized,
    inside the clause (a verb is capitalized only where its clause begins)."""
    start, end = m.span()
    return (start > 0 and clause[start].isupper() and clause.endswith("ed", start, end)
            and _NAME_IN_ED.fullmatch(clause, start, end) is not None)


_NAME_IN_ED = re.compile(r"[A-Z][a-z]+ed")


def _passive_after_an_adverb(clause: str, m: re.Match) -> bool:
    """Whether the match is a participle after "be", "is", "are" and an adverb ("must still be
    formally adopted", "is widely expected"), which the rule's own look-behinds, one word
    long, cannot see past."""
    return ("ly " in clause[max(0, m.start() - 40) : m.start()]
            and _PRESENT_PASSIVE_BEFORE.search(clause, max(0, m.start() - 40), m.start()) is not None)


def _held_as(clause: str, m: re.Match) -> bool:
    """Whether the match is a participle saying how a thing is kept or left, or what holds
    with it: "would keep its border crossings closed until", "with a summit pencilled in for"
    (the verb before it, if any, has the tense: "kept the border closed")."""
    return (clause.endswith("ed", *m.span())
            and KEPT_AS_BEFORE.search(clause, max(0, m.start() - 60), m.start()) is not None)


_PRESENT_PASSIVE_BEFORE = re.compile(r"(?i)\b(?:be|being|is|are|am)\s+(?:\w+ly\s+)+$")


def _qualifies_a_noun(clause: str, m: re.Match) -> bool:
    """Whether the match is a word in "-ed" right after a verb that a modal or "to" puts in
    the infinitive: "will hold renewed talks", "to publish detailed plans" (an adjective of
    the noun after it, not a past tense)."""
    start, end = m.span()
    return (clause.endswith("ed", start, end) and start > 0 and _NOUN_AFTER.match(clause, end) is not None
            and (_MODAL_VERB_BEFORE.search(clause, max(0, start - 40), start) is not None
                 or _DETERMINER_BEFORE.search(clause, max(0, start - 40), start) is not None))


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# (The word lists are those of the tense reader, temporal.resolver, which weighs the same words.)
# ... or a determiner and an adverb ("the newly elected parliament"), a preposition ("against
# rigged polls"), or a count that is no subject ("between two experienced candidates", not "the
# two signed agreements"; a number too, not a year: "188 authorized shops", "since 1964 launched").
_DETERMINER_BEFORE = re.compile(
    rf"(?:\b(?:{_alternation(DETERMINERS)})\s+[a-z]+ly"
    rf"|\b(?:{_alternation(PREPOSITIONS_BEFORE_A_NOUN)})"
    + "|" + "".join(rf"(?<!\b{w} )" for w in sorted(SUBJECT_COUNT_AFTER))
    + rf"\b(?:{_alternation(COUNTS)}|(?!(?:1[5-9]|20)\d\d\s)\d[\d,.]*))\s+$")


# A noun (a lower-case word that is no preposition, article or conjunction) right after it.
_NOUN_AFTER = re.compile(rf"\s+(?!(?:{_alternation(NO_NOUN)})\b)[a-z]")

# A modal or "to", perhaps an adverb, and a verb that is no auxiliary, right before.
_MODALS = MODALS - {"'ll"}  # (written ['’]ll below: either apostrophe)
_MODAL_VERB_BEFORE = re.compile(
    rf"(?:\b(?:{_alternation(_MODALS)})|['’]ll)\s+"
    rf"(?:(?:[a-z]+ly|{_alternation(ADVERBS_BEFORE_A_VERB)})\s+)?"
    rf"(?!(?:{_alternation(AUXILIARIES | _MODALS)})\b)[a-z]+\s+$")


@lru_cache(maxsize=1)
def _matchers() -> tuple[tuple[StatusRule, CaselessRule | None], ...]:
    return tuple(
        (rule, CaselessRule(rule.regex.pattern) if rule.regex else None)
        for rule in status_rules()
    )


def _says(clause: str, rule_name: str) -> bool:
    """True if the named rule's pattern matches ``clause``."""
    _rule, matcher = next(pair for pair in _matchers() if pair[0].name == rule_name)
    return bool(matcher and matcher.search(clause, fold(clause)))


def _as_day(value) -> date | None:
    # A plain date (not a datetime, a subclass with its own ``date()``) is its own day:
    # tested first, it skips the checks below for the commonest value.
    if value is None or type(value) is date:
        return value
    if isinstance(value, pd.Timestamp):
        # Never missing: pandas gives a missing time as NaT, which is no Timestamp. Its
        # day is that of the datetime it is (the fields it shares with one), which
        # ``datetime.date`` reads ten times quicker than ``Timestamp.date()`` builds it.
        return datetime.date(value)
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    return value


# A date after "since" starts a state; in the present perfect or progressive ("has
# ruled since 2011", "are fighting since 1996") it still holds. "had ... since" does
# not say so, and "the first visit since 2003", "not seen since March" name the
# last time something happened, not the start of what is going on.
_SINCE = frozenset({"since", "ever since"})
_STILL_TRUE = frozenset({"present-perfect", "progressive"})
# Words that tell a state as holding now, with no verb's tense to show it.
_STATE_HOLDS = re.compile(r"(?i)\b(?:in\s+(?:place|force|effect|power|office|control)|under\s*way|still|"
                          r"continues|remains?|persists?)\b")
# A participle of a state right before "since": "suspended since", "detained without charge since".
_STATE_BEFORE_SINCE = re.compile(
    r"(?i)\b(?:suspended|closed|shut|frozen|stalled|halted|banned|detained|jailed|imprisoned|besieged|"
    r"blockaded|blocked|missing|exiled|displaced|stranded|trapped|on\s+hold|in\s+custody|behind\s+bars|"
    r"under\s+(?:siege|arrest|house\s+arrest|blockade))(?:\s+without\s+(?:charge|trial))?\s+(?:ever\s+)?since\s+$")
# ... unless it is told as over: "had been detained since March until his release".
_OVER_BY_NOW = re.compile(r"(?i)\b(?:had\s+been|until|till|was\s+(?:freed|released|lifted|reopened))\b")
_LAST_TIME = re.compile(
    r"(?i)\b(?:not|no|never|nothing|none|first|only|highest|lowest|biggest|largest|"
    r"smallest|worst|best|strongest|weakest|deadliest|heaviest|fastest|slowest|most|least)"
    r"\b|n't\b"
)


def decide_status(
    clause: str,
    signal: str | None,
    start,
    end,
    published,
    at: int | None = None,
    cued: tuple[str | None, str | None] | None = None,
) -> tuple[str, list[str]]:
    """Status of an event and any warnings about it.

    ``clause`` is the wording around the date (date text left in place);
    ``start``/``end`` the interval the date covers; ``published`` the
    publication time (date or datetime) or None; ``at`` the date's offset in
    the clause, so the nearest cue speaks for it. ``cued`` is what
    ``cue_status(clause, signal, at)`` gave, when the caller has asked already.
    """
    status, _rule = cued if cued is not None else cue_status(clause, signal, at)
    pub = _as_day(published)
    first, last = _as_day(start), _as_day(end)
    warnings: list[str] = []
    if pub is None:
        return status or "happened", warnings
    past = last is not None and last < pub
    future = first is not None and first > pub
    if ((signal or "").lower() in _SINCE and _rule in _STILL_TRUE and not future
            and not _LAST_TIME.search(clause, 0, at if at is not None else len(clause))):
        # "has occupied Crimea since 2014": the state began then and holds at publication.
        return "ongoing", warnings
    if ((signal or "").lower() in _SINCE and not future and at is not None
            and _STATE_BEFORE_SINCE.search(clause, max(0, at - 60), at) and not _OVER_BY_NOW.search(clause)):
        # "Peace talks in Jeddah, suspended since December 2023, could resume", "held without
        # charge since March": a state begun then, which the words tell as holding, whatever
        # the clause's main verb says of what comes next
        return "ongoing", warnings
    if (status is None and (signal or "").lower() in _SINCE and not future and _STATE_HOLDS.search(clause)
            and not _LAST_TIME.search(clause, 0, at if at is not None else len(clause))):
        # "The blockade, in place since June, continues", "The trial is under way since
        # September": a state begun then, told as holding now
        return "ongoing", warnings
    if status is None:
        if past:
            return "happened", warnings
        if future:
            return "planned", warnings
        # A period around publication ("this year") is under way; a day or a moment
        # of it with nothing said ("Later Wednesday in Yala province, ...") is news
        # of what happened.
        if first is not None and last is not None and last > first:
            return "ongoing", warnings
        return "happened", warnings
    if status == "target" and past and _says(clause, "past-tense"):
        # "had fallen by 1998" reported after 1998: a deadline already met.
        return "happened", warnings
    if status == "happened" and future:
        # "agreed on Monday to hold talks next month": the verb is past, the dated event is not.
        return "planned", warnings
    if status == "ongoing" and future:
        return "planned", warnings
    if status == "ongoing" and past:
        return "happened", warnings
    if status == "planned" and past and _rule == "forecast":
        # "the boom years of the early 1990s are unlikely to return": what is forecast is
        # about a thing of that date, which has happened
        return "happened", warnings
    if status == "planned" and past:
        warnings.append(AHEAD_BUT_PAST)
    return status, warnings


# Said of a plan dated before publication.
AHEAD_BUT_PAST = "The wording speaks of this as still to come, but the date is before publication."


def past_cue_governs(clause: str, at: int, reach: int = 45) -> bool:
    """True when a past-tense verb stands just before the date at ``at`` ("met in April").

    Only such a verb says which side of publication a date without a year lies on; a
    past verb elsewhere ("... leaves on April 24 for talks, Jiji press said") or one
    whose infinitive holds the date ("agreed on Monday to resume talks in May")
    speaks of another event.
    """
    window = clause[max(0, at - reach) : at]
    low = fold(window)
    last = -1
    for matcher in _past_matchers():
        # The rule's own matches (matching.py: the same as its IGNORECASE regex gives),
        # without the case lookups of an IGNORECASE scan.
        for m in matcher.finditer(window, low):
            last = max(last, m.end())
    return last >= 0 and not _INFINITIVE.search(window, last)


@lru_cache(maxsize=1)
def _past_matchers() -> tuple[CaselessRule, ...]:
    """The matchers of the rules that speak of the past, in rule order."""
    return tuple(matcher for rule, matcher in _matchers()
                 if rule.name in ("past-tense", "present-perfect") and matcher is not None)


_INFINITIVE = re.compile(
    r"(?i)\bto\s+(?!(?:the|a|an|his|her|its|their|about|around|more|less|over|under|nearly|almost|some|"
    r"just|only|different|various|several|many|other|local|nearby|all|both|each|every|these|those|"
    r"hospitals?|\d)\b)[a-z]+\b")
