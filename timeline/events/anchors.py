"""Events dated only by another event: "After the Tokyo talks, Mr Borrell will head to ...".

The phrase and the nouns that name events are data (``data/anchors.json``).
The anchor is the nearest earlier dated event of the article whose sentence
names the same place or noun (later ones if none is earlier); failing that, the
publication date. Such an event is shown as "approximate", with a warning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .event import Event
from .matching import FOLDS_TO_ASCII, caseless_key


@dataclass(frozen=True, slots=True)
class AnchorPhrase:
    start: int
    end: int
    text: str
    mod: str       # AFTER or BEFORE
    noun: str      # head noun: "talks"
    place: str     # capitalized words before the noun: "Tokyo", or ""
    object: str    # the phrase without its relation word: "the Tokyo talks"
    amount: str = ""  # "two years" in "two years after the invasion", else ""
    began: bool = False  # "since the war began": the event's start is meant


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = resources.files("timeline.events").joinpath("data", "anchors.json").read_text("utf-8")
    return json.loads(raw)


def counted_data() -> dict:
    """The "counted" part of the data: hedges and examples of "<amount> after <event>"
    phrases, read by :mod:`.counted`."""
    return _data()["counted"]


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    return frozenset(_data()["event_nouns"])


_AMOUNT = (
    r"(?:(?P<amount>(?i:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|\d{1,3})\s+(?:days?|weeks?|months?|years?|decades?)))\s+)?"
)


def _phrase_pattern() -> str:
    """ "after the Tokyo talks": relation, determiner, place, event noun (no amount)."""
    rel = "|".join(sorted((re.escape(r) for r in _data()["relations"]), key=len, reverse=True))
    nouns = "|".join(sorted((re.escape(n) for n in _data()["event_nouns"]), key=len, reverse=True))
    # (not "until after the election": that is when a wait ends, not when the clause's event is)
    return (
        rf"(?<!\buntil\s)(?<!\btill\s)(?<!\bUntil\s)(?<!\bTill\s)"
        rf"\b(?P<rel>(?i:{rel}))\s+(?i:the|this|that|his|her|their|its|these|those)\s+"
        rf"(?P<place>(?:[A-Z][\w'’-]+\s+){{0,3}})(?:\w+\s+){{0,2}}?(?P<noun>(?i:{nouns}))\b"
    )


@lru_cache(maxsize=1)
def _regex() -> re.Pattern:
    return re.compile(_AMOUNT + _phrase_pattern())


@lru_cache(maxsize=1)
def _phrase_regex() -> re.Pattern:
    """``_regex`` without the optional amount in front: it matches a text exactly when
    ``_regex`` does, at a fraction of the cost (the amount is tried at every character)."""
    return re.compile(_phrase_pattern())


@lru_cache(maxsize=1)
def _relations_lower() -> tuple[str, ...]:
    return tuple(r.lower() for r in _data()["relations"])


def _may_hold_phrase(text: str) -> bool:
    """False only when no relation word ("after", "ahead of") is written in ``text``."""
    lower = text.lower()
    for relation in _relations_lower():  # a loop of ``in``: faster than a regex or any()
        if relation in lower:
            return True
    return not text.isascii() and any(c in text for c in FOLDS_TO_ASCII)


def find_anchor_phrase(text: str, offset: int = 0) -> AnchorPhrase | None:
    """The first "after the <place>? <event noun>" phrase in ``text`` (offsets shifted)."""
    # Most sentences have no such phrase: rule them out with cheap checks first.
    if not _may_hold_phrase(text) or not _phrase_regex().search(text):
        return None
    m = _regex().search(text)
    mod = _data()["relations"][caseless_key(m.group("rel"))]
    return AnchorPhrase(
        offset + m.start(), offset + m.end(), m.group(0), mod,
        m.group("noun").lower(), m.group("place").strip(),
        m.group(0)[m.end("rel") - m.start() :].strip(),
        (m.group("amount") or "").lower(),
        _BEGAN.match(text, m.end()) is not None,
    )


# "since the war began", "after the fighting broke out"
_BEGAN = re.compile(r"\s+(?:first\s+)?(?:began|begun|started|broke\s+out|erupted|flared)\b", re.IGNORECASE)
# An event told as a start: "Fighting erupted on April 15, 2023", "the outbreak of war".
_A_START = re.compile(r"(?i)\b(?:began|begun|begins|started|starts|broke\s+out|breaks\s+out|erupted|erupts|"
                      r"flared|outbreak|launched|start\s+of)\b")


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


@lru_cache(maxsize=1)
def _same_event() -> dict[str, str]:
    """Event noun -> the nouns that name the same kind of event, as one alternation
    ("poll" -> "election|elections|poll|polls|vote|ballot|...")."""
    out: dict[str, str] = {}
    for group in _data()["same_event"]:
        alternation = "|".join(sorted(map(re.escape, group), key=len, reverse=True))
        for noun in group:
            out[noun] = alternation
    return out


def find_anchor_event(phrase: AnchorPhrase, events: list[Event], happened: bool = False) -> Event | None:
    """The dated event the phrase refers to, or None. What ``happened`` after an event
    follows one that has happened too, not one still to come ("Following his talks with Wu
    Yi, he met ...", after "The next round of talks will be held in May"). Where no sentence
    has the noun, one of the same kind names it: "after the election" goes back to "the
    Nov. 17 presidential poll"."""
    place = re.compile(rf"\b{re.escape(phrase.place)}\b") if phrase.place else None
    # (a span counted back from publication, "over the past two weeks", names no one event)
    dated = [e for e in events if e.start is not None and e.precision != "approximate"
             and not (e.date_mod == "APPROX" and "/" in e.date_value)
             and not (happened and phrase.mod == "AFTER" and e.status in ("planned", "target"))]
    kind = _same_event().get(phrase.noun)
    # "since the war began": an event told as the start ("Fighting erupted on April 15, 2023")
    # before one that only names the war ("The war entered its third year on Tuesday").
    for told_as_start in ((True, False) if phrase.began else (False,)):
        # The noun itself first, then (where no sentence has it) a noun of the same kind.
        for nouns in (re.escape(_stem(phrase.noun)) + "s?", kind):
            if nouns is None:
                break
            noun = re.compile(rf"(?i)\b(?:{nouns})\b")

            def matches(e: Event, noun: re.Pattern = noun, told_as_start: bool = told_as_start) -> bool:
                blob = " ".join([e.evidence, e.title, *e.support])
                return bool((place and place.search(blob)) or noun.search(blob)) and (
                    not told_as_start or _A_START.search(e.evidence) is not None)

            before = [e for e in dated if e.sentence_end <= phrase.start and matches(e)]
            if before:
                return max(before, key=lambda e: e.sentence_start)
            after = [e for e in dated if matches(e)]
            if after:
                return min(after, key=lambda e: e.sentence_start)
    return None
