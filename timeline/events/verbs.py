"""The tense a date's own verb gives it, read from the words right before the date.

A sentence may hold verbs of several events ("the Expo, which opened on November 30 and
runs through December 11"); only the verb nearest before a date, in its stretch of the
sentence, speaks for that date's year ("met at the previous two summits in April").
Word lists, not a part-of-speech tagger: the simple past ("met", "was ousted") and the
future ("will meet", "will be held", "is to open") are told by a few words.
"""

from __future__ import annotations

import re

from .sentences import Sentence

# Verbs in the simple past that do not end in "-ed" (active, or passive after "was"/"were").
IRREGULAR_PAST = frozenset(
    """met held took made gave went came saw began won lost fell rose sent led left said told paid
    sold struck fled fought spoke wrote became broke hit shot ran quit beat stood brought built
    sought caught spent kept found heard thought withdrew flew drew threw chose drove""".split())
# Words in "-ed" that are no past verb, and words after which a participle is no simple past
# ("had put the finals on Dec. 5" tells an old plan; "will be held" is ahead).
_NOT_PAST_ED = frozenset(
    """need speed seed feed shed exceed proceed succeed indeed united limited hundred armed alleged
    aged supposed unprecedented unnamed unidentified""".split())
_NOT_SIMPLE_PAST_AFTER = frozenset(
    "had has have be been being is are am will would could may might to".split())
_FUTURE_AUX = frozenset(("will", "shall"))
_VERB_TOKEN = re.compile(r"[A-Za-z'’-]+")
# A word that makes what follows a supposition ("If the government fell on Dec. 8").
CONDITION = re.compile(r"(?i)\b(?:if|unless|whether)\b")
# What, between such a verb and the date, says the date is another verb's: a break, a
# verb joined on ("opened on November 30 and runs through"), an infinitive, a new clause.
_OTHER_VERB_BETWEEN = re.compile(
    r"[,;:()]|\b(?:and|but|or)\s+[a-z]+s\b|\bto\s+[a-z]+|"
    r"\b(?:which|that|who|when|while|will|would|could|can|may|might|is|are|was|were|has|have|had)\b",
    re.IGNORECASE)


def simple_past(word: str, before: str) -> bool:
    """Whether ``word`` (lower-cased) is a simple past after the word ``before``."""
    if before in _NOT_SIMPLE_PAST_AFTER:
        return False
    if word in IRREGULAR_PAST:
        return True
    return len(word) > 3 and word.endswith("ed") and word.isalpha() and word not in _NOT_PAST_ED


def _tense_of(tokens: list[str], k: int) -> str | None:
    """"past" or "future" when the token ``k`` of ``tokens`` (lower-cased) ends a verb that
    says so: "met", "was ousted"; "will meet", "will be held", "is to open", "are due to visit"."""
    w = tokens[k]
    before = tokens[k - 1] if k else ""
    if simple_past(w, before):
        return "past"
    aux = tokens[k - 2] if before == "be" and k >= 2 else before
    at = k - 2 if before == "be" else k - 1
    if aux in _FUTURE_AUX:
        return "future"
    if aux == "to" and at >= 1 and (tokens[at - 1] in ("is", "are") or (
            tokens[at - 1] == "due" and at >= 2 and tokens[at - 2] in ("is", "are"))):
        return "future"
    return None


def past_verb_before(text: str, at: int) -> bool:
    """Whether the word right before ``at`` (blanks between) is a simple past."""
    found = list(_VERB_TOKEN.finditer(text, max(0, at - 40), at))
    if not found or text[found[-1].end() : at].strip():
        return False
    before = found[-2].group().lower() if len(found) > 1 else ""
    return simple_past(found[-1].group().lower(), before)


def own_verb_tense(text: str, start: int, s: Sentence) -> str | None:
    """"past" ("met at the previous two summits in April") or "future" ("will be held in
    April") when the verb nearest before the date, in its stretch of the sentence, says so,
    outside a condition ("If the government fell on Dec. 8" is a supposition); else None."""
    lo = max(s.start, start - 50)
    if CONDITION.search(text, max(s.start, start - 80), start):
        return None
    found = list(_VERB_TOKEN.finditer(text, lo, start))
    tokens = [m.group().lower() for m in found]
    for k in range(len(tokens) - 1, -1, -1):
        tense = _tense_of(tokens, k)
        if tense is not None:
            if tokens[k] in _TELLINGS and _NOUN_PHRASE_TOLD_OF.match(text, found[k].end(), start):
                # "Diplomats said the summit on 12 December was likely to be postponed": the date
                # is the told thing's, whose own verb comes after it; the telling's past is not its
                return None
            return None if _OTHER_VERB_BETWEEN.search(text, found[k].end(), start) else tense
    return None


_TELLINGS = frozenset("said says told announced reported added stated confirmed".split())
# After a telling, the thing told of, the date inside it: " the summit on", " that the vote in".
_NOUN_PHRASE_TOLD_OF = re.compile(r"(?i)\s+(?:that\s+)?(?:the|a|an|its|their|this|next)\s+(?:[\w'’-]+\s+){0,3}(?:on|in|at|of|for)\s+$")
