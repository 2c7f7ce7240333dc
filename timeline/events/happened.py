"""Wording that shows a date's own event has happened, though the date reads as ahead.

A month or a day given without a year is read as the nearest one: "January",
written in December, is next month. Some wording settles that it lies behind
publication whatever the calendar suggests:

- an event that cannot be scheduled, named by its date: "the January 13
  incident", "February's killing of Hariri", "the seizure of power by the king
  in February" (unless the wording looks ahead: "a possible attack on January 1");
- a date opening its sentence whose verb is in the simple past: "On Jan. 9, a
  small jet ... crashed", "In January, two soldiers were killed".

The words are data (``data/happened.json``), with examples a test runs.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from .sentences import Sentence
from .titles import noun_phrase_after
from .verbs import simple_past

TENSE = "tense"  # what :func:`happened_by_wording` returns for a past verb


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = resources.files("timeline.events").joinpath("data", "happened.json").read_text("utf-8")
    return json.loads(raw)


def examples() -> list[dict]:
    return _data()["examples"]


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    return frozenset(_data()["nouns"])


def past_event_nouns() -> frozenset[str]:
    """Nouns of events that cannot be scheduled ("killing", "coup", "earthquake")."""
    return _nouns()


@lru_cache(maxsize=1)
def _issued_things() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, _data()["issued_things"]), key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{words})\b")


def names_an_issued_thing(phrase: str) -> bool:
    """Whether a date's noun phrase ("2005 AIDS report", "2006 World Cup in Germany") names
    a thing that is issued or held once (a report, a prize, a fair), not one that runs through
    its period (a programme, a budget, a season)."""
    return _issued_things().search(phrase) is not None


@lru_cache(maxsize=1)
def _forward_words() -> frozenset[str]:
    return frozenset(_data()["forward_words"])


@lru_cache(maxsize=1)
def _noun_before() -> re.Pattern:
    """A past-only event noun, then at most a short "of"/"by"/"on" phrase, then "in"/"on"
    right before the date: "the seizure of power by King Gyanendra in", "win in the"."""
    nouns = "|".join(sorted(_nouns(), key=len, reverse=True))
    return re.compile(
        rf"(?i)(?<![\w-])(?P<noun>{nouns})"
        r"(?:\s+(?:of|by|on|against|in|at|near)\s+[^\s,;:()]+(?:\s+[^\s,;:()]+){0,4}?)?"
        r"\s+(?:in|on|during)\s+(?:the\s+)?$")


_WORD = re.compile(r"[A-Za-z'’-]+")
# Words after an opening date that end the look for its verb: a clause or quote of another's.
_AUX = frozenset("will would could can may might shall should is are am has have had do does did".split())
_BE_PAST = frozenset(("was", "were"))
# Participles after "was"/"were" that look ahead: "was due to", "were expected to".
_AHEAD_PARTICIPLES = frozenset("due expected scheduled set slated planned supposed to going".split())
_OPENERS = re.compile(r"(?i)\s*(?:on|in|at|by|during|early|late|earlier|later)?\s*(?:the\s+)?$")


def happened_by_wording(
    text: str, start: int, end: int, s: Sentence, attributive: str | None,
) -> str | None:
    """The past-only event noun that names the date ``text[start:end]`` ("incident",
    "killing"), :data:`TENSE` when the date opens a sentence whose verb is a simple past,
    else None."""
    for phrase in (attributive and attributive[end - start:], noun_phrase_after(text, end)):
        noun = _first_noun(phrase)
        if noun and not _looks_ahead(text, s.start, start):
            return noun
    lo = max(s.start, start - 70)
    found = _noun_before().search(text, lo, start)
    if found and not _looks_ahead(text, s.start, found.start()) and not _ahead_between(
            text[found.end("noun"):start]):
        return found.group("noun").lower()
    if _OPENERS.match(text, s.start, start) and _opening_verb_past(text, end, s.end):
        return TENSE
    return None


def _first_noun(phrase: str | None) -> str | None:
    """A past-only event noun among the first three words of ``phrase``."""
    if not phrase:
        return None
    for word in _WORD.findall(phrase)[:3]:
        if word.lower() in _nouns():
            return word.lower()
    return None


def _looks_ahead(text: str, lo: int, at: int) -> bool:
    """Whether the few words before ``at`` (in its sentence, from ``lo``) look ahead ("a
    possible", "fear a new", "could spark an")."""
    words = [w.lower() for w in _WORD.findall(text, max(lo, at - 40), at)][-4:]
    return any(w in _forward_words() for w in words)


def _ahead_between(stretch: str) -> bool:
    return any(w.lower() in _forward_words() for w in _WORD.findall(stretch))


def _opening_verb_past(text: str, end: int, stop: int) -> bool:
    """Whether the first verb after a date that opens its sentence is a simple past ("On Jan.
    9, a small jet ... crashed"; "In January, two soldiers were killed"), not an auxiliary
    of the present or future ("On January 1, the tax will rise")."""
    found = _WORD.findall(text, end, min(stop, end + 100))[:14]
    words = [w.lower() for w in found]
    for k, w in enumerate(words):
        before = words[k - 1] if k else ""
        if found[k][0].isupper():
            continue  # a name ("Ahmed", "Reed"), not a verb
        if w in _AUX:
            return False
        if w in _BE_PAST:
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt not in _AHEAD_PARTICIPLES and (simple_past(nxt, "") or nxt.endswith("en"))
        if simple_past(w, before):
            return True
    return False


@lru_cache(maxsize=1)
def _noun_right_before() -> re.Pattern:
    nouns = "|".join(sorted(_nouns(), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?P<noun>{nouns})\s+$")


_VERB_BEFORE = re.compile(
    r"(?i)\b(?:to|will|would|can|could|may|might|shall|should|must|did|does|do|they|we|i|you|he|she|it|"
    r"who|which|that)\s+$")


def past_noun_right_before(text: str, start: int, end: int) -> str | None:
    """The past-only event noun right before a date, with no word between ("his decisive
    victory Tuesday", "the attack Friday"): the date is that event's, which has happened.
    Not a verb ("expected to win Sunday's elections"), nor a date naming another thing."""
    if text.startswith(("'s", "’s"), end):
        return None
    found = _noun_right_before().search(text, max(0, start - 20), start)
    if found is None or _VERB_BEFORE.search(text, max(0, found.start() - 12), found.start()):
        return None
    return found.group("noun").lower()

