"""Stage two: anchor each mention's underspecified reading to a calendar value.

Deictic expressions ("yesterday", "last week", "in April", "on Thursday") are
anchored to the publication date, in the article's own time zone. Anaphoric ones
("a year earlier", "the following day", "the quarter") are anchored to the
nearest preceding explicit date. Where the text is ambiguous, tense decides the
direction ("will meet on Monday" vs "met on Monday").
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from .calendar import PRECISION_RANK, day_words, fmt, moving_day, parse_value, shift, week_of_month
from .mention import Mention
from .numbers import parse_number, parse_number_range, parse_spoken_year
from .published import dateline as _dateline
from .rules import tables
from .tagger import _RANGE_GAP, _may_end_with

_PREC_OF_UNIT = {
    "second": "second", "minute": "minute", "hour": "hour", "day": "day", "night": "day",
    "week": "week", "weekend": "weekend", "fortnight": "week", "month": "month",
    "quarter": "quarter", "year": "year", "decade": "decade", "century": "century",
    "millennium": "century",
}
_OUT_PRECISION = {"weekend": "week", "half": "month", "second": "minute"}

# --------------------------------------------------------------------------- tense

# The present of a schedule speaks of what is to come: "voting begins on Sunday" ("did" before
# one makes it past: "the leaders did not meet on Monday").
_PRESENT_OF_SCHEDULE = frozenset(
    "begins starts opens closes resumes convenes expires ends concludes runs "
    # (plural subjects: "talks resume on Tuesday"; not "start", "open", "close", which are
    # as often a noun or an adjective: "the start of the consultation", "open for trade")
    "begin resume convene expire conclude "
    # ... as does the plain present of a visit or meeting: "the leaders meet Monday".
    "meet meets visits travels arrives hosts flies leaves departs returns "
    # ... and of a fixture: "Juventus, who entertain Cagliari on Sunday", "host Watford on Saturday"
    "host entertain entertains welcome welcomes".split()
)
_FUTURE_WORDS = frozenset(
    "will won't wo shall 'll planning planned expected expects expect scheduled slated due upcoming next "
    "coming ahead forecast forecasts predicted predicts would intends intend aims aim hopes "
    "targets target targeted effective payable".split()
) | _PRESENT_OF_SCHEDULE
_FUTURE_PAIRS = frozenset({
    ("going", "to"), ("is", "to"), ("are", "to"), ("set", "to"), ("plans", "to"), ("plan", "to"),
    # "The protest movement plans a concert on Saturday", "is planning a march on Sunday"
    ("plans", "a"), ("plans", "an"), ("plans", "another"), ("planning", "a"), ("planning", "an"),
    ("planning", "another"),
    ("kick", "off"), ("kicks", "off"), ("take", "on"), ("takes", "on"), ("play", "host"), ("plays", "host"),
    ("set", "for"), ("slated", "for"), ("slated", "to"), ("poised", "to"), ("takes", "place"),
    # "on course to emerge as the largest party after the March 28 election", "likely to cut rates"
    ("course", "to"), ("track", "to"), ("likely", "to"), ("unlikely", "to"),
    ("takes", "effect"), ("take", "effect"), ("comes", "into"), ("enters", "into"),
    # "Voters go (head) to the polls on Sunday": the plain present of a vote to come.
    ("go", "to"), ("goes", "to"), ("head", "to"), ("heads", "to"), ("polls", "open"), ("polls", "close"),
    # "Fourteen men go on trial Monday", "workers go on strike on Tuesday"
    ("go", "on"), ("goes", "on"),
    # "The city is preparing to reopen the bridge on Friday", "is gearing up to use ... from Sunday"
    ("preparing", "to"), ("prepares", "to"), ("gearing", "up"), ("ready", "to"),
    # What was arranged, told in the past: "were to arrive on Tuesday", "was to return Monday";
    # and what is yet to be done to it: "an interview to be broadcast Monday".
    ("was", "to"), ("were", "to"), ("to", "be"),
    # ... and "was scheduled to meet on Saturday", "were due to vote Sunday"
    ("was", "scheduled"), ("were", "scheduled"), ("was", "due"), ("were", "due"), ("was", "expected"),
    ("were", "expected"), ("was", "slated"), ("were", "slated"),
    # A deadline still open: "negotiators have until midnight Tuesday", "has until Friday to reply"
    ("have", "until"), ("has", "until"),
})
# The present perfect reports what has happened: "which has been on patrol since March".
_PAST_PAIRS = frozenset({("has", "been"), ("have", "been"), ("'s", "been"), ("'ve", "been")})
# Before a participle these carry the tense: "will be held" looks ahead, although "held"
# alone would read as past.
_PASSIVE_AUX = frozenset({"be", "being"})
_PAST_WORDS = frozenset(
    "was were had did said told ago last earlier yesterday began held met made took came went gave "
    "left won lost saw fell rose sold bought paid became found got led ran spoke wrote "
    "heard struck fled fought sent brought built caught kept thought withdrew flew drew threw chose "
    "drove stood shot broke sought spent swept sank froze overthrew upheld shook knew grew felt meant "
    "taught shed laid dealt lent sat slept swore wore tore stole rode rang sang bore forgave hung dug "
    "oversaw underwent undertook withheld overtook forgot slid strove arose awoke woke clung swung spun "
    "sprang shrank wept crept leapt knelt dwelt".split()
)
_NOT_PAST = frozenset(
    "need speed seed feed bed red hundred indeed united embed proceed exceed succeed heed "
    "bleed breed weed creed greed deed steed tweed sacred naked wicked kindred hatred "
    # Adjectives, not verbs: "on a still unspecified date in January".
    "unspecified unexpected unnamed unidentified unprecedented undisclosed unconfirmed "
    "unscheduled unannounced unexplained unresolved unelected unarmed unrelated unlimited "
    "alleged "
    # Nouns: "to limit bloodshed during Thursday's vote".
    "bloodshed watershed seabed hotbed deathbed riverbed flatbed".split()
)
# Words, a hyphenated compound as one ("US-led", "so-called": adjectives, not verbs).
_TOKEN = re.compile(r"[A-Za-z']+(?:-[A-Za-z']+)*")
# What a verb may start with before a hyphen and still be a verb ("re-elected", "co-hosted").
_VERB_PREFIXES = frozenset("re co pre de un mis over out counter cross".split())
# Words whose dot does not end a sentence ("Mr. Davison", "P. Davison").
_ABBREV = frozenset("Mr Ms Mrs Dr St Jr Sr Gen Sen Rep Gov Corp Inc Co Ltd Lt Col Capt Prof No vs".split())


def _ends_sentence(text: str, i: int) -> bool:
    """True if the stop just before ``i`` ends a sentence: whitespace follows, perhaps
    after closing quotes or brackets ('... the mandate." Nevertheless').

    A stop inside a token ("4.1", "U.S.") does not.
    """
    while i < len(text) and text[i] in _CLOSERS:
        i += 1
    return i >= len(text) or text[i].isspace()


_CLOSERS = frozenset("\"'”’)]")


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Offset after the last clause break in text[lo:hi] (a sentence stop, ';' or a newline)."""
    i = hi
    while True:
        j = max(text.rfind(".", lo, i), text.rfind("!", lo, i), text.rfind("?", lo, i),
                text.rfind(";", lo, i), text.rfind("\n", lo, i))
        if j < 0:
            return lo
        if text[j] in ";\n":
            return j + 1
        if j + 1 < len(text) and not _ends_sentence(text, j + 1):  # "4.1", "U.S."
            i = j
            continue
        k = j
        while k > lo and text[k - 1].isalpha():
            k -= 1
        if _abbreviation(text, k, j):
            i = j
            continue
        return j + 1


def _abbreviation(text: str, k: int, j: int) -> bool:
    """Whether the stop at ``j`` after the word text[k:j] ends an abbreviation, not a sentence:
    an initial ("P."), a title ("Mr."), or a clock's "a.m."/"p.m." that the sentence runs on
    after ("at 8 p.m. (1800 GMT) on Sunday", "10 a.m. on Friday")."""
    word = text[k:j]
    if (len(word) == 1 and word.isupper()) or word in _ABBREV:
        return True
    if word in ("m", "M") and k >= 2 and text[k - 1] == "." and text[k - 2] in "apAP":
        nxt = _NEXT_CHAR.match(text, j + 1)
        return nxt is not None and (nxt.group(1).islower() or nxt.group(1) in "(,")
    return False


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _clause_end(text: str, lo: int, hi: int) -> int:
    """Offset of the first clause break in text[lo:hi], or hi."""
    i = lo
    while True:
        cands = [p for p in (text.find(c, i, hi) for c in ".!?;\n") if p >= 0]
        if not cands:
            return hi
        j = min(cands)
        if text[j] in ";\n":
            return j
        if j + 1 < len(text) and not _ends_sentence(text, j + 1):
            i = j + 1
            continue
        k = j
        while k > lo and text[k - 1].isalpha():
            k -= 1
        if _abbreviation(text, k, j):
            i = j + 1
            continue
        return j


def _marker(word: str, nxt: str | None) -> str | None:
    w = word.lower()
    if "-" in w:
        prefix, _, w = w.rpartition("-")
        if prefix not in _VERB_PREFIXES:
            return None  # "US-led", "long-awaited": a compound adjective
    if w in _FUTURE_WORDS or (nxt is not None and (w, nxt) in _FUTURE_PAIRS):
        return "future"
    if (word == "may" or w == "might") and nxt != "have":
        return "future"  # "may be handed two more years this weekend" (lower-case: not the month)
    if nxt is not None and (w, nxt) in _PAST_PAIRS:
        return "past"
    if w in _PAST_WORDS or (len(w) > 3 and w.endswith("ed") and w not in _NOT_PAST):
        return "past"
    return None


# Patterns used once per mention, compiled once (re's own cache costs a lookup per call).
_NOT_DIGIT = re.compile(r"\D")
_BETWEEN_BEFORE = re.compile(r"(?i)\bbetween\s+$")
_SINCE_THE = re.compile(r"(?i)\bsince\s+the\s+$")
_THE_NEXT_DAY = re.compile(r"(?i)\bthe\s+next\s+day\b")
_PREVIOUS_OR_FOLLOWING = re.compile(r"(?i)(?:the\s+)?(?:previous|following)")
_APPOSITION_GAP = re.compile(r"\s*[(,–—-]?\s*")

_REPORTING = frozenset("said says told according reported added stated announced quoted".split())


# A telling in the present ("the ministry says", "according to") is about what has happened.
_TELLING_WORDS = _REPORTING | frozenset("tells reports announces claims quotes".split())


def speaks_of_the_past(text: str, lo: int, hi: int) -> bool:
    """Whether any word of ``text[lo:hi]`` reads as a past tense ("met", "was", "killed",
    not "the troubled country") or a telling ("says", "according to")."""
    words = _TOKEN.findall(text, lo, hi)
    for i, w in enumerate(words):
        low = w.lower()
        if low in _TELLING_WORDS:
            return True
        if low not in _MARKER_WORDS and not low.endswith("ed"):
            continue
        if low.endswith("ed") and (_name_in_ed(words, i) or _adjective(words, i) or _passive(words, i)):
            continue  # ("must be extremely satisfied", "will be held": the auxiliary has the tense)
        if _marker(w, words[i + 1].lower() if i + 1 < len(words) else None) == "past":
            return True
    return False


def _past_perfect(text: str, start: int) -> bool:
    """True when the verb nearest before ``start`` is a past perfect ("had settled ... on").

    Not in reported speech ("police said they had arrested a man Saturday"): there the
    past perfect only shifts the tense of what was said, not the day it counts from.
    """
    lo = _clause_start(text, max(0, start - 120), start)
    words = [w.lower() for w in _TOKEN.findall(text, lo, start)]
    if _REPORTING.intersection(words):
        return False
    for i in range(len(words) - 1, 0, -1):
        if _marker(words[i], None) is None:
            continue
        prev = words[i - 1]
        if prev in ("been", "already", "also", "not") and i > 1:
            prev = words[i - 2]
        return prev in ("had", "'d") and _marker(words[i], None) == "past"
    return False


# The words _marker can read as a tense (alone or before the next word), besides those in
# "-ed": any other word (most of them) is passed over without the call.
_MARKER_WORDS = {"may", "might"} | _FUTURE_WORDS | _PAST_WORDS | {w for w, _nxt in _FUTURE_PAIRS | _PAST_PAIRS}


# The stems of the verbs that put something off (or bring it forward) to another date.
PUT_OFF_VERBS = (r"(?:postpon|delay|defer|extend|mov|push|put\s+off|puts\s+off|putting\s+off|reschedul|"
                 r"adjourn|brought\s+forward|bring\s+forward|brings\s+forward)")
# A verb that puts something off to the date after it: "was postponed until February 15",
# "extended the deadline to March 31", "moved the summit to December 10", "extended its
# loans through January".
_PUT_OFF_TO = re.compile(
    rf"(?i)\b{PUT_OFF_VERBS}\w*"
    r"(?:\s+(?!(?:to|until|till|for|into|through|thru)\b)[\w'’-]+){0,4}?\s+(?:back\s+)?(?:to|until|till|for|into|through|thru)"
    r"\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of|middle\s+of|beginning\s+of|start\s+of)[-\s]+)?$")


# The words a _PUT_OFF_TO match ends with, before whitespace or "-" only.
_PUT_OFF_LAST_WORDS = ("to", "until", "till", "for", "into", "through", "thru", "the", "early", "mid", "late", "of")


def _put_off_before(text: str, start: int) -> bool:
    """Whether a _PUT_OFF_TO match ends at ``start``. Most dates have none of the words it
    ends with just before them, and a cheap look at those (a necessary condition, see
    _may_end_with) spares the search trying every start in the 80 characters before."""
    lo = max(0, start - 80)
    return (_may_end_with(text, lo, start, "-", _PUT_OFF_LAST_WORDS)
            and _PUT_OFF_TO.search(text, lo, start) is not None)


# What comes before a date that is later than the clause's own event: "ahead of the
# election Thursday", "in the run-up to Sunday's vote".
AHEAD_OF = re.compile(
    r"(?i)\b(?:ahead\s+of|in\s+the\s+(?:run|lead)[-\s]up\s+to|in\s+advance\s+of|in\s+preparation\s+for"
    # "won three of Saturday's stages to head into Sunday's final leg", "preparing for Monday's vote"
    r"|(?:to\s+)?head(?:ing)?\s+into|(?:to\s+)?prepar(?:e|ing)\s+for)"
    r"\s+(?:(?:the|a|an|this|next|its|their)\s+)?(?:[\w'’-]+\s+){0,3}$")
# What a past verb got to, named by its day right after: "made it through to Sunday's final",
# "advanced to Friday's semi-finals", "booked a place in Sunday's final". The day is the nearest
# of its name, behind or ahead; the verb's past says nothing of which.
_GOT_TO_BEFORE = re.compile(
    r"(?i)\b(?:(?:through|advanced|advances|progressed|progresses)\s+(?:in)?to|qualif(?:ied|ies|y)\s+for"
    r"|(?:place|spot|berth)s?\s+in)\s+(?:the\s+)?$")
# A string each AHEAD_OF alternative holds ("ahead of", "run-up to", "in advance of",
# "in preparation for", "head into", "prepare for"): rarer in the 60 characters before a date
# than rules.required_strings' pick, which has "the" for the second alternative.
_AHEAD_OF_NEEDS = ("head", "up", "advance", "prepar")


def _ahead_of_before(text: str, start: int) -> bool:
    """Whether an AHEAD_OF match ends at ``start`` (within the 60 characters before it)."""
    return ahead_of_between(text, max(0, start - 60), start)


def ahead_of_between(text: str, lo: int, hi: int) -> bool:
    """``AHEAD_OF.search(text, lo, hi) is not None``; a substring test spares most searches.

    In ASCII text IGNORECASE matches a letter only to its two cases, so a match holds one
    of _AHEAD_OF_NEEDS exactly when its lower-cased text does; other text is searched."""
    part = text[lo:hi]
    if part.isascii() and not any(map(part.lower().__contains__, _AHEAD_OF_NEEDS)):
        return False
    return AHEAD_OF.search(text, lo, hi) is not None


def called_for_between(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` ends with a call for an event ("have called for a nationwide
    strike on"), whose date, right after, is ahead. A substring test spares most searches."""
    part = text[lo:hi].lower()
    if not ("call" in part or "urg" in part or "demand" in part):
        return False
    return _CALLED_FOR.search(text, lo, hi) is not None


_HAVE_PARTICIPLES = frozenset(("been", "begun", "gone", "done", "seen", "taken", "given", "won", "come", "left"))


def _no_plan_after_to(words: list[str], j: int) -> bool:
    """Whether the words from ``j``, after "is/was ... to", make no plan: "to blame", "to have
    begun" (a plan that fell through); "are to have dinner" is one."""
    if j >= len(words):
        return False
    w = words[j].lower()
    if w == "blame":
        return True
    if w != "have" or j + 1 >= len(words):
        return False
    nxt = words[j + 1].lower()
    return nxt in _HAVE_PARTICIPLES or nxt.endswith("ed")


def tense_near(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None from the words nearest the mention in its clause."""
    lo = _clause_start(text, max(0, start - 120), start)
    if "ccording" in text[max(lo, start - 80) : start] and _ACCORDING_BEFORE.search(text, max(lo, start - 80), start):
        return "past"  # "According to reports reaching here on Friday, ...": the telling's day, gone by
    near = text[max(lo, start - 20) : start]
    if (any(map(near.__contains__, ("tarting", "eginning", "pening")))
            and _STARTING_BEFORE.search(text, max(lo, start - 20), start)):
        return "future"  # "a four-day match starting Thursday", "beginning July 1"
    # (substring tests first: the searches try every place in their window)
    near = text[max(lo, start - 60) : start]
    own = any(map(near.__contains__, _OWN_CLAUSE_NEEDS)) and _OWN_CLAUSE_OPENS.search(
        text, max(lo, start - 60), start)
    # "Chirac, who on his arrival late Friday called for ...", "... and on Sunday, the Brigades
    # gave": the date opens a clause of its own, whose verb comes after it; the words before
    # it (the match ends at the date) are another clause's, and none is read.
    words = [] if own else _TOKEN.findall(text, lo, start)
    possessive = text.startswith(("'s", "’s"), end)  # "during Thursday's loss": the loss's own time
    for i in range(len(words) - 1, -1, -1):
        low = words[i].lower()
        if low == "that" and i + 1 < len(words) and words[i + 1].lower() not in _NOT_AFTER_THAT_CLAUSE:
            # "sparked by fears that new clashes could erupt ... this weekend", "said that on
            # Monday ...": the date is in the clause "that" opens, and the verb before it is
            # another clause's (a clause's own verb, if any, came after "that")
            break
        if low not in _MARKER_WORDS and not low.endswith("ed") or low in _NAMING_PARTICIPLES:
            continue
        if low == "expected" and "with" in (w.lower() for w in words[max(0, i - 5) : i]):
            return "future"  # "delivered 500 tents, with more expected on Friday"
        if low[-2:] == "ed" and (_name_in_ed(words, i) or _conjunction_provided(words, i)
                                 or _after_a_modal_verb(words, i) or _complement_or_absolute(words, i)):
            continue
        if possessive and low in _MAYBE:
            continue
        nxt = words[i + 1].lower() if i + 1 < len(words) else None
        if nxt == "for" and i + 2 == len(words) and low in _SET_FOR:
            return "future"  # "rallies were announced for Sunday": the day they were set for
        found = _marker(words[i], nxt)
        if found == "past" and _present_passive(words, i):
            return "future"  # "nominations are announced Tuesday": the present of a schedule
        if found == "past" and _passive(words, i):
            continue  # a passive participle: the auxiliary before it has the tense
        if found == "past" and _adjective(words, i):
            continue
        if found == "future" and nxt == "to" and _no_plan_after_to(words, i + 2):
            continue  # "was to blame": no plan; "was to have begun": one that fell through
        if found == "future" and nxt == "to" and i > 1 and words[i - 1].lower() == "been" and words[i - 2].lower() == "had":
            return "past"  # "had been due to end Sunday": a plan of the past
        if found == "future" and low == "to" and i > 0 and words[i - 1].lower() in _NO_PLAN_BEFORE_TO_BE:
            continue  # "was supposed to be airlifted", "was found to be": no plan ahead
        if found == "future" and low in _PRESENT_OF_SCHEDULE and _did_before(words, i):
            return "past"  # "the leaders did not meet on Monday": the auxiliary has the tense
        if found == "future" and _as_planned(words, i):
            continue  # "went ahead on Sunday as planned": the plan was before; no tense of its own
        if found == "future" and low == "ahead" and i > 0 and words[i - 1].lower() in _WENT:
            continue  # "the vote went ahead on Sunday": the verb before has the tense
        if found:
            return found
    if words and _CONDITION_BEFORE.search(text, max(lo, start - 90), start):
        return "future"  # "if they beat Deportivo at home on Wednesday": a condition in the present
    hi = _clause_end(text, end, min(len(text), end + 80))
    words = _TOKEN.findall(text, end, hi)
    for i, w in enumerate(words):
        low = w.lower()
        if low in _CLAUSE_OPENERS:
            break  # "claiming on Tuesday that Tehran would have ...": that clause's tense is its own
        if low not in _MARKER_WORDS and not low.endswith("ed") or low in _MAYBE:
            continue  # (a "may" after the date is the main verb's: "the pledge in July may not")
        found = _marker(w, words[i + 1].lower() if i + 1 < len(words) else None)
        if found == "past" and (_adjective(words, i) or _passive(words, i)):
            continue  # ("... on Monday - and must be extremely satisfied": no past tense)
        if found == "past" and _present_passive(words, i):
            return "future"  # "On Wednesday, the remains are laid to rest": the present of a schedule
        if found == "future" and _as_planned(words, i):
            continue  # "did not meet on Monday as planned"
        if found:
            return found
    return None


_WENT = frozenset(("went", "gone", "pushed", "pressed", "moved", "forged"))
# Participles that give a name, never a clause's tense: "will broadcast the documentary,
# entitled 'Following Sun Yat-sen's Path', on Saturday".
_NAMING_PARTICIPLES = frozenset(("entitled", "titled", "subtitled", "headlined", "codenamed", "code-named"))
# Words after which "that" is no conjunction opening a clause but a determiner ("that day",
# "at that time"). (A relative "that" needs no exception: its clause's verb, "the deal that
# was signed on Monday", stands between it and the date and is found first.)
_NOT_AFTER_THAT_CLAUSE = frozenset(
    "day days week weeks month months year years time times morning afternoon evening night "
    "moment period date point stage".split())
# Verbs that set a day, right before "for" and the date: "rallies were announced for Sunday",
# "a strike was called for Monday".
_SET_FOR = frozenset("announced called set scheduled rescheduled planned fixed slated booked".split())
_SET_FOR_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_SET_FOR))})\s+for\s+$")


def _did_before(words: list[str], i: int) -> bool:
    """Whether "did" ("did not", "didn't", "did n't") stands right before ``words[i]``."""
    before = [w.lower() for w in words[max(0, i - 3) : i]]
    while before and before[-1] in ("not", "n't", "t", "never", "also", "finally", "eventually"):
        before.pop()
    return bool(before) and before[-1] in ("did", "didn't", "didn")


def _as_planned(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is "planned", "scheduled", "expected" after "as" or "than": a plan
    spoken of, not one still ahead ("as planned", "sooner than expected")."""
    return (i > 0 and words[i].lower() in ("planned", "scheduled", "expected", "forecast", "predicted")
            and words[i - 1].lower() in ("as", "than"))


# A call for an event right before its date: "called for a general strike on", "urged
# fresh elections by".
_CALLED_FOR = re.compile(
    r"(?i)\b(?:call(?:s|ed|ing)?\s+for|urg(?:es|ed|ing)|demand(?:s|ed|ing)?)\s+(?:a\s+|an\s+|the\s+|fresh\s+|new\s+)*"
    r"(?:[\w-]+\s+){0,2}(?:strikes?|protests?|rall(?:y|ies)|elections?|polls|votes?|referendum|boycotts?|"
    r"demonstrations?|marches|march|talks|meeting|summit|ceasefire|truce|shutdown|sit-in)\s+(?:on\s+|by\s+|for\s+)?$")


# Words before "to be" that make no plan of it: "was supposed to be airlifted", "was found to be".
_NO_PLAN_BEFORE_TO_BE = frozenset(
    "supposed meant believed thought said reported found known seemed appeared alleged claimed hoped not "
    "had".split())
# A string every _OWN_CLAUSE_OPENS match holds (in lower case: "Who" and "And" open no such clause).
_OWN_CLAUSE_NEEDS = ("who", "which", "and on", "and in", "and at", "but on", "but in", "but at")
# A clause the date opens, its verb still to come: "who on his arrival late Friday", "and on
# Sunday," (a relative pronoun or "and"/"but", then a few words without a verb marker).
_OWN_CLAUSE_OPENS = re.compile(r"(?i)\b(?:(?:who|which)(?:\s+(?:on|in|at|late|early|earlier|later))?|(?:and|but)\s+(?:on|in|at))"
                               r"(?:\s+(?:his|her|their|its|the)\s+\w+)?\s*$")
# The plain future and what was arranged: "will", "were to arrive", "to be broadcast".
_STRONG_FUTURE = re.compile(r"(?i)\b(?:will|shall|won't|(?:was|were|is|are)\s+to|(?<!had\s)to\s+be)\b|['’]ll\b")
_MAYBE = frozenset(("may", "might"))
# A weekday's possessive naming a scheduled event: "Thursday's election", "Sunday's final".
_POSSESSIVE_EVENT = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:elections?|polls?|vote|voting|referendum|summit|meeting|talks|session|"
    r"match|game|final|semi-?final|draw|race|derby|ceremony|inauguration|funeral|deadline|debate|hearing|"
    r"trial|rally|march|parade|visit|launch|opening|auction|concert|strike|speech|address|hartal|bandh|"
    r"shutdown|leg|fixture|clash|showdown|newspaper|edition)\b")
# A condition in the present, with no tense word between it and the date, looks ahead.
_CONDITION_BEFORE = re.compile(r"(?i)\b(?:if|unless|provided)\b[^,;:.]{0,80}$")
# Words after a date that open a clause of its own, whose verb does not speak for the date.
_CLAUSE_OPENERS = frozenset(("that", "which", "who", "whom", "whose"))
# Where another clause, with a verb of its own, begins.
_CLAUSE_WORD = re.compile(r"(?i)\b(?:who|which|that|when|after|before|while|because)\b")


def _conjunction_provided(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is "provided" as a conjunction ("provided that they beat Tottenham on
    Sunday", "provided they win"), not a past verb ("provided aid on Monday")."""
    return (words[i].lower() == "provided" and i + 1 < len(words)
            and words[i + 1].lower() in _PROVIDED_CONJUNCTION_NEXT)


_PROVIDED_CONJUNCTION_NEXT = frozenset("that they he she it we you i".split())


def _name_in_ed(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a name in "-ed" ("Khaled", "Mohammed"), not a past verb: capitalized
    inside its clause (a capitalized word is a verb only at its start, or in a headline's
    capitals)."""
    w = words[i]
    return i > 0 and w[:1].isupper() and not w.isupper() and w.endswith("ed") and w.lower() not in _PAST_WORDS


# ("according to officials the vote will be held on Friday": a verb between, the date is its)
_ACCORDING_BEFORE = re.compile(
    r"(?i)\baccording\s+to\b(?:(?!\b(?:will|would|shall|is|are|was|were|has|have|had|be|to)\b)[^,;:.!?])*$")


def _strong_future_before(text: str, start: int) -> bool:
    """Whether the clause just before ``start`` speaks in the plain future ("will be officially
    presented and played by ... on Friday"), with no other clause opening between ("Rangers
    will play Motherwell, who drew at home on Saturday": not)."""
    lo = _clause_start(text, max(0, start - 90), start)
    for m in _CLAUSE_WORD.finditer(text, lo, start):
        lo = m.end()
    return _STRONG_FUTURE.search(text, lo, start) is not None


def _present_condition_before(text: str, start: int) -> bool:
    """Whether the date ends a condition in the present ("if they beat Deportivo at home on
    Wednesday"): what it would take is still to come (the event layer keeps it ahead)."""
    lo = _clause_start(text, max(0, start - 120), start)
    if _CONDITION_BEFORE.search(text, max(lo, start - 90), start) is None:
        return False
    words = _TOKEN.findall(text, max(lo, start - 90), start)
    return not any(_marker(w, None) == "past" and not _conjunction_provided(words, i) for i, w in enumerate(words))


# A thing announced or called, starting on the date: "Unions announced a nationwide walkout
# beginning Tuesday", "called a strike starting Monday" (the start, ahead of the announcing).
_ANNOUNCED_FROM_BEFORE = re.compile(
    r"(?i)\b(?:announced|called|declared|ordered|set|scheduled|planned|plans|planning|unveiled)\b"
    r"[^.;!?]{0,60}\b(?:starting|beginning|effective)\s+(?:on\s+|from\s+)?$")
# The start of a period ahead, just before its date: "starting Thursday", "beginning on July 1".
_STARTING_BEFORE = re.compile(r"(?i)\b(?:starting|beginning|opening)\s+(?:here\s+|there\s+)?(?:on\s+|in\s+|from\s+)?$")


def _passive(words: list[str], i: int) -> bool:
    """Whether words[i], a participle, follows "be" or "being", perhaps across adverbs and
    other participles joined to it: "will be officially presented and played"."""
    for j in range(i - 1, max(-1, i - 5), -1):
        w = words[j].lower()
        if w in _PASSIVE_AUX:
            return True
        if not (w.endswith(("ly", "ed", "en")) or w in ("and", "or")):
            return False
    return False


def _present_passive(words: list[str], i: int) -> bool:
    """Whether words[i], a participle, follows "is" or "are", perhaps across an adverb ("the
    results are announced Tuesday", "the vote is held on Sunday", "the remains are finally
    laid to rest"): the present of a schedule. A participle of belief or state ("is believed",
    "are based") says nothing of when."""
    if words[i].lower() in _STATE_PARTICIPLES or "-" in words[i]:
        return False
    j = i - 1
    if j > 0 and (words[j].lower() in _PASSIVE_ADVERBS or words[j].lower().endswith("ly")):
        j -= 1
    return j >= 0 and words[j].lower() in ("is", "are")


# Adverbs that may stand between "is/are" and the participle of a schedule.
_PASSIVE_ADVERBS = frozenset(("also", "then", "again", "now"))


_STATE_PARTICIPLES = frozenset(
    """believed thought said reported feared alleged understood known considered estimated suspected
    presumed seen rumoured rumored claimed accused charged located based married concerned involved
    interested pleased worried convinced determined committed surprised disappointed opposed divided
    related linked tied dedicated devoted scheduled expected supposed used allowed required needed
    prepared ready designed intended entitled obliged forced banned barred""".split())


# Words before which an "-ed" word is an adjective, not a verb: "the troubled country",
# "a wounded soldier", "its expanded role".
DETERMINERS = frozenset("the a an its their his her our your my this these those".split())


# What makes the verb after it a plain infinitive: "will hold", "to publish".
MODALS = frozenset("will would shall 'll to can could may might must should".split())
# Auxiliaries that make a participle after them a verb: "to have visited", "will be held".
AUXILIARIES = frozenset("have has had be been being get got is are was were am".split())
# Adverbs between a modal and its verb: "will also send increased aid".
ADVERBS_BEFORE_A_VERB = frozenset("also not never then soon still again now jointly".split())
# Words that are no noun after an "-ed" word: "will remain closed to Cyprus" says how, not which.
NO_NOUN = frozenset("to in on at by for from with of and or the a an as than into over about".split())
# Prepositions before an "-ed" word and its noun: "a rally against rigged polls".
PREPOSITIONS_BEFORE_A_NOUN = frozenset("against with for of from about among including into between".split())
# Counts before a noun: "two experienced candidates", "several armed men".
COUNTS = frozenset("two three four five six seven eight nine ten many several some few more most other".split())
# ... which after these are the subject: "the two signed agreements", "all three agreed".
SUBJECT_COUNT_AFTER = frozenset("the these those all both".split())


def _after_a_modal_verb(words: list[str], i: int) -> bool:
    """Whether words[i], in "-ed", qualifies the noun after a verb that a modal or "to" puts in
    the infinitive: "will hold renewed talks", "to publish detailed plans" (not "to have
    visited", whose participle is the verb)."""
    if i < 2 or words[i - 1].lower() in AUXILIARIES or words[i - 1].lower() in MODALS:
        return False
    if i + 1 >= len(words) or not words[i + 1].islower() or words[i + 1] in NO_NOUN:
        return False  # "will remain closed to Cyprus": no noun after it, it says how
    before = words[i - 2]
    if (before.endswith("ly") or before in ADVERBS_BEFORE_A_VERB) and i >= 3:  # "will also send increased aid"
        before = words[i - 3]
    return before in MODALS  # (as written: "since May 1999, is expected" has no modal)


def _complement_or_absolute(words: list[str], i: int) -> bool:
    """Whether words[i], in "-ed", says how a thing is kept or left ("would keep its border
    crossings closed until", "will leave the troops deployed"), or what holds with a thing
    ("with a summit pencilled in for 18 March"): a participle with no tense of its own; the
    verb before it, if any, has the tense ("kept the border closed": "kept")."""
    return KEPT_AS_BEFORE.search(" ".join(words[max(0, i - 6) : i]) + " ") is not None


# Before a participle that says how a thing is kept or what holds with it: "keep its border
# crossings", "remain", "with a summit" (not "with renewed calls", nor with a word in "-ed",
# a pronoun or a conjunction between: "with Hamas since it trounced").
_THING_WORD = (r"\s+(?![\w'’-]*ed\b|(?:since|when|while|after|before|until|as|that|who|which|and|but|or|"
               r"it|he|she|they|we|i|you)\b)[\w'’-]+")
KEPT_AS_BEFORE = re.compile(
    rf"(?i)\b(?:(?:keep|keeps|keeping|leave|leaves|leaving)(?:{_THING_WORD}){{1,4}}"
    rf"|with\s+(?:a|an|the|its|their|his|her|some|two|three|new|fresh)(?:{_THING_WORD}){{1,3}}"
    rf"|(?:remain|remains|stay|stays)(?:{_THING_WORD}){{0,2}})\s+$")


def _adjective(words: list[str], i: int) -> bool:
    """Whether words[i], read as a past tense by its "-ed", follows a determiner; or, before a
    noun, a determiner and an adverb ("the newly elected parliament"), a preposition ("against
    rigged polls") or a count ("between two experienced candidates"; not "the two signed
    agreements", where the count is the subject)."""
    w = words[i].lower()
    if not (i > 0 and w.endswith("ed") and w not in _PAST_WORDS):
        return False
    before = words[i - 1].lower()
    if before in DETERMINERS:
        return True
    if i + 1 >= len(words) or not words[i + 1].islower() or words[i + 1] in NO_NOUN:
        return False
    if before.endswith("ly") and i >= 2:
        return words[i - 2].lower() in DETERMINERS
    if before in PREPOSITIONS_BEFORE_A_NOUN:
        return True  # "a rally against rigged polls"
    return before in COUNTS and (i < 2 or words[i - 2].lower() not in SUBJECT_COUNT_AFTER)


# --------------------------------------------------------------------------- fields


_HOLIDAY_PLURAL = re.compile(r"\b(year|valentine|women)s\b")


def _holiday(spec: dict) -> tuple[int, int] | None:
    """(month, day) of a holiday: "Christmas Eve" -> (12, 24); one that moves, in the year
    the spec has written or is read in (``holiday_year``): "Good Friday" of 2007 -> (4, 6)."""
    name = spec.get("holiday")
    if not name:
        return None
    rule = _moving_holiday(name)
    if rule is None:
        return _holiday_day(name)
    year = _year(spec) or spec.get("holiday_year")
    if year is None:
        return None
    day = moving_day(rule, year)
    return day.month, day.day


def _holiday_key(name: str) -> str:
    # "New Year's Eve", "New Years Eve", "St. Valentine's Day": the table's "new year eve", "valentine day"
    key = re.sub(r"['’]s\b|['’]|\b(?:st\.?|saint)\s", " ", name.lower())
    return " ".join(_HOLIDAY_PLURAL.sub(r"\1", key).split())


@lru_cache(maxsize=256)
def _holiday_day(name: str) -> tuple[int, int] | None:
    """(month, day) of the holiday named ``name`` as written (asked for its month, then its day)."""
    month_day = tables()["holidays"].get(_holiday_key(name))
    return (int(month_day[:2]), int(month_day[3:])) if month_day else None


def _moving_rule(spec: dict) -> str | None:
    """The rule of the holiday that moves the spec names, if it names one."""
    name = spec.get("holiday")
    return _moving_holiday(name) if name else None


@lru_cache(maxsize=64)
def _moving_holiday(name: str) -> str | None:
    """The rule of a holiday that moves ("easter-2" for "Good Friday"), or None."""
    return tables()["moving_holidays"].get(_holiday_key(name))


def _month(spec: dict) -> int | None:
    if "holiday" in spec:
        return (_holiday(spec) or (None, None))[0]
    if "month_n" in spec:
        return int(spec["month_n"])
    if "first" in spec:  # 11/01/2024: month first, as US copy writes it, unless it cannot be
        a, b = int(spec["first"]), int(spec["second"])  # (or the article writes day first)
        if spec.get("day_first") and b <= 12:
            return b
        return a if a <= 12 else b
    name = spec.get("month")
    if not name:
        return None
    key = name.lower().rstrip(".")
    months = tables()["months"]
    return months.get(key) or months.get(key[:3])


def _day(spec: dict) -> int | None:
    if "holiday" in spec:
        return (_holiday(spec) or (None, None))[1]
    if "first" in spec:
        a, b = int(spec["first"]), int(spec["second"])
        if spec.get("day_first") and b <= 12:
            return a
        return b if a <= 12 else a
    if "day" in spec:
        return int(_NOT_DIGIT.sub("", spec["day"]))
    if "dayword" in spec:
        return tables()["ordinals"].get(spec["dayword"].lower())
    return None


def _year(spec: dict) -> int | None:
    for key in ("year", "year2", "year3"):
        if key in spec:
            y = spec[key]
            if len(y) == 2:  # "11/01/96"
                n = int(y)
                return 1900 + n if n > 30 else 2000 + n
            return int(y)
    if "syear" in spec:
        return parse_spoken_year(spec["syear"])
    return None


_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}


def _nth_weekday(year: int, month: int, weekday: int, nth: str) -> date:
    """The ``nth`` ("first" ... "fourth", "last") ISO ``weekday`` of the month."""
    n = _NTH[nth.lower()]
    if n < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def iso_weekday(spec: dict) -> int | None:
    """ISO number (Monday 1) of the weekday a mention's reading names, or None."""
    w = spec.get("weekday") or spec.get("weekday2")  # ("weekday2": the rule's other spelling)
    if not w:
        return None
    return tables()["weekdays"].get(w.lower().rstrip("."))


_FOR_BEFORE = re.compile(r"(?i)\bfor\s+$")
_CONTENT_WORD = re.compile(r"[A-Za-z][a-z]{3,}|[A-Z]{2,}")


def _retells_last(ctx: _Context, m: Mention) -> bool:
    """True when the words after "a week after" retell the event last dated.

    Sharing names is not enough: "Qantas will double its flights by August. This move
    comes a month after Qantas suspended services between Australia and Indonesia"
    names Qantas and Australia again, but the suspension is another event. At least
    two words must be shared, one of them a word of the event itself (a lower-case
    word such as "suspended"). Whole words only: "two old buildings tumbled down in
    Dakar" does not retell "a building in Dakar collapsed".
    """
    if ctx.last_at is None:
        return False
    after = ctx.text[m.end : m.end + 60]
    after = re.split(r"[,.;:!?]", after, maxsplit=1)[0]
    theirs = {w.lower() for w in _CONTENT_WORD.findall(ctx.text[max(0, ctx.last_at - 160) : ctx.last_at])}
    shared = {w for w in _CONTENT_WORD.findall(after) if w.lower() in theirs and w.lower() not in _LINK_WORDS}
    return len({w.lower() for w in shared}) >= 2 and any(w.islower() for w in shared)


# Words too common to show that two passages tell the same event.
_LINK_WORDS = frozenset((
    "with from that this these those have been were their there what when which will would "
    "about after before between into over under than then they them also more most some "
    "other such said says while where only first last year years month months week weeks"
).split())
_COMPLEMENT = re.compile(r"\s+[\w\"“]")
_BEFORE_CHRIST = re.compile(r"\s*(?:B\.?\s?C\.?(?:E\.?)?|BCE)(?![A-Za-z])")
# A sentence's end: a stop, then a blank and a capital or a quote. (One definition: a second,
# broader one here, with paragraph breaks, was shadowed by this one at import and never used.)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“]")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:1[6-9]\d\d|20\d\d)(?!\d)")
# A year that opens its sentence sets the scene for what follows ("In 1976, ...",
# "Back in March 1998 ..."); one inside a clause ("a program approved in 1987 that
# ...") does not.
_FRAME_BEFORE = re.compile(
    r"(?i)(?:^|[.!?][\"'”’)]?\s+|\n)\s*(?:(?:back|later|earlier|early|late|then|and|but)\s+)?"
    r"(?:in|by|during|throughout)\s+(?:(?:early|late|mid)[- ]?)?(?:the\s+)?$")


def _year_told_before(ctx: _Context, m: Mention, get_tense) -> int | None:
    """The past year that frames the sentence, for a month given without one.

    "In 1976, the pound began a slide which led ministers to ask for a loan in
    September": that September is 1976's, not the one before publication.
    """
    if ctx.written_year is None or ctx.anchor is None:
        return None
    year, end, heads_an_entry = ctx.written_year
    if (year > ctx.anchor.year or year == ctx.anchor.year and not heads_an_entry or end > m.start
            or _SENTENCE_BREAK.search(ctx.text, end, m.start)):
        return None
    if not heads_an_entry and get_tense() == "future":
        return None  # (an entry of a dated list tells its year in the present: "2025 - Talks resume")
    m.spec["year_told"] = year
    return year


# A date that opens a line and is set off by a dash or colon: an entry of a dated list
# ("Oct 27 - Israel launches a ground offensive", "• March 3: talks resume").
# (with Markdown's emphasis around the date: "* **December 5** – ...")
_LIST_HEAD = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–—][ \t]*)?(?:\*\*|__|\*|_)?$")
_LIST_SEPARATOR = re.compile(r"(?:\*\*|__|\*|_)?:?[ \t]*(?:[-–—:|][ \t]|\)[ \t])")
# A list's year carried down to a date this far after publication is a list in the other
# order ("Jan 15, 2025 - ...", then "Oct 16 - ..."): the publication decides instead.
_LIST_AHEAD_DAYS = 60


def list_entry_day(text: str, m: Mention) -> bool:
    """Whether ``m`` opens an entry of a dated list: first on its line, a dash or colon after."""
    return (_LIST_HEAD.search(text, max(0, m.start - 8), m.start) is not None
            and _LIST_SEPARATOR.match(text, m.end) is not None)


def _year_of_list_entry(ctx: _Context, m: Mention, month: int, day: int | None) -> int | None:
    """The year of a list entry's date given without one, carried from the entry just before,
    whose year the text gave: "Oct 7, 2023 - ...", then "Oct 27 - ..." is 2023's, and "Jan 26 -"
    after "Dec 1 -" the next year's. None where ``m`` is no such entry."""
    prev = ctx.list_entry
    if prev is None or not prev[2] or ctx.anchor is None or not list_entry_day(ctx.text, m):
        return None
    before, end, _ = prev
    between = [line for line in ctx.text[end : m.start].split("\n")[1:] if line.strip()]
    if between[:-1] or (between and between[-1].strip(" \t-*•–—")):
        return None  # a paragraph between: not the next entry of the same list
    year = before.year + (1 if (month, day or 1) < (before.month, before.day if day else 1) else 0)
    try:
        when = date(year, month, day or 1)
    except ValueError:
        return None
    if (when - ctx.anchor).days > _LIST_AHEAD_DAYS and before <= ctx.anchor:
        return None  # (a list whose entries are already ahead runs forward: its years carry)
    m.spec["year_told"] = year
    return year


# Between a date and the relative year of the thing it names: the thing's name, a few
# lower-case words ("the December 26 tsunami last year"), no verb or connective.
_NAME_OF_THING = re.compile(r"\s+(?:(?!(?:and|or|but|to|was|were|is|are|has|have|had|which|that|who|"
                            r"when|while|since|after|before|until|in|on|at|by)\b)[a-z][\w-]*\s+){1,3}"
                            r"(?:of\s+)?")
_ED = re.compile(r"[a-z]ed\s")


def _year_told_after(ctx: _Context, m: Mention) -> int | None:
    """The year a relative year right after the thing a date names gives it: "the December
    26 tsunami last year", written in November 2005, is December 26, 2004. The relative
    year is then the date's, not an event of its own (its spec says so)."""
    if ctx.following is None or ctx.anchor is None:
        return None
    nxt = ctx.following(m)
    if nxt is None or nxt.rule != "relative_unit" or str(nxt.spec.get("unit", "")).lower() != "year":
        return None
    direction = _direction(nxt.spec)
    if direction is None or not _NAME_OF_THING.fullmatch(ctx.text, m.end, nxt.start) or _ED.search(
            ctx.text, m.end, nxt.start):
        return None
    year = ctx.anchor.year + direction
    m.spec["year_told"] = year
    m.spec["year_told_after"] = True
    nxt.spec["role"] = "year_of_date"
    return year


def _week_words(sunday: date) -> str:
    """The Monday-to-Sunday week ending ``sunday`` as a reader writes it: "November 23 to 29, 2026"."""
    monday = sunday - timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday:%B} {monday.day} to {sunday.day}, {sunday.year}"
    first = day_words(monday) if monday.year != sunday.year else f"{monday:%B} {monday.day}"
    return f"{first} to {day_words(sunday)}"


def _year_of_the_thing_told(ctx: _Context, m: Mention, get_tense) -> int | None:
    """The past year its own clause gives the thing a month (and day) without one is told of:
    "The 2020 war began on Sept. 27", "The 2023 coup in Niger began on July 26", "The previous
    truce, in July 2025, took effect on July 28" are that year's, not the publication's.

    Only a year that names the thing ("the 2020 war", a determiner before and a noun after) or
    is set off beside it (", in July 2025,"), in the same sentence with no other clause
    between ("Inflation, which peaked in 2022, fell on Nov. 10" is this year's), and only for
    a date told in the past.
    """
    if ctx.anchor is None:
        return None
    for y in reversed(ctx.dated):
        if y.end > m.start:
            continue
        text = ctx.text
        if ("\n" in text[y.end : m.start] or _SENTENCE_BREAK.search(text, y.end, m.start)
                or _OTHER_CLAUSE_BETWEEN.search(text, y.end, m.start) or not y.value[:4].isdigit()):
            return None  # (the nearest dated mention before decides: no other date between)
        if y.spec.get("year_told_by_thing") and get_tense() == "past":
            # "The 2020 war began on Sept. 27 and ended on Nov. 10": the year carries on
            m.spec["year_told"] = m.spec["year_told_by_thing"] = int(y.value[:4])
            return int(y.value[:4])
        year = int(y.value[:4])
        if not y.spec.get("year") or y.precision not in ("year", "month") or year >= ctx.anchor.year:
            return None
        names_it = (y.precision == "year" and _DETERMINER_BEFORE.search(text, max(0, y.start - 12), y.start)
                    and _NOUN_AFTER.match(text, y.end))
        set_off = _SET_OFF_BEFORE.search(text, max(0, y.start - 6), y.start) and _SET_OFF_AFTER.match(text, y.end)
        if not (names_it or set_off) or get_tense() != "past":
            return None
        m.spec["year_told"] = m.spec["year_told_by_thing"] = year
        return year
    return None


# Words that open another clause, or compare, between a year and a later date of its sentence.
_OTHER_CLAUSE_BETWEEN = re.compile(
    r"(?i)\b(?:which|who|whom|whose|that|when|since|after|before|than|while|whereas|but|compared|"
    r"unlike|until|although|though|because)\b|[;:]")
_DETERMINER_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|this|that)\s+$|\w['’]s\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z][a-z-]+\b(?<!\bto)(?<!\bwas)(?<!\bis)(?<!\bwere)(?<!\band)(?<!\bor)")
_SET_OFF_BEFORE = re.compile(r"(?:,|\()\s*(?:in\s+)?$")
_SET_OFF_AFTER = re.compile(r"\s*[,)]")


def _year_of_relative_month(month: int, anchor: date, direction: int) -> int:
    """Year of "last November" (-1), "next March" (+1) or "this June" (0) seen from ``anchor``.

    "last" is the latest such month before the anchor's month, "next" the first after it.
    """
    if direction < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def _direction(spec: dict) -> int | None:
    d = spec.get("dir")
    if not d:
        return None
    d = " ".join(d.lower().split())
    if d.startswith("the "):
        d = d[4:]
    if d == "this past":
        return -1
    if d == "this coming":
        return 1
    return tables()["directions"].get(d)


def _quarter(spec: dict) -> int | None:
    q = spec.get("quarter") or spec.get("quarter2")
    if not q:
        return None
    q = q.lower()
    return {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4}.get(q) or int(q)


def explicit_date(spec: dict) -> date | None:
    """The calendar day a mention names outright (with year, month and day), else None."""
    y, mo, d = _year(spec), _month(spec), _day(spec)
    if y and mo and d:
        try:
            return date(y, mo, d)
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- resolution


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|through)\s+", re.IGNORECASE)


_QUARTER_REACH = 400  # characters
_PAST_PERFECT_REACH = 300  # characters: the same or the previous sentence


class _Context:
    def __init__(self, text: str, anchor: date | None, following=None):
        self.text = text
        self.anchor = anchor
        self.published_day = anchor  # (the anchor may move to a dateline's day; this stays)
        self.following = following  # mention -> the next mention, or None
        self.last: tuple[date, str] | None = None  # last explicit calendar reference
        self.last_quarter: tuple[date, str] | None = None
        self.last_quarter_end = -1  # where the text last named a quarter
        self.last_day: tuple[date, int] | None = None  # last explicit day and where it ends
        # The last year written out as the frame of its sentence ("In 1976, ..."), where it ends.
        self.written_year: tuple[int, int, bool] | None = None
        # The last entry of a dated list ("Oct 7, 2023 - Hamas fighters storm ..."): its day,
        # where it ends, and whether its year is the text's own (written, or carried down the list).
        self.list_entry: tuple[date, int, bool] | None = None
        self.last_at: int | None = None  # where the last dated mention ends
        # The dated mentions so far, in text order: what an anaphor might count from.
        self.dated: list[Mention] = []

    def reported(self, base: tuple[date, str] | None) -> tuple[date, str] | None:
        """The quarter a year-on-year comparison speaks of, given the quarter last named.

        Results are reported for a quarter that has ended: a comparison right after a
        sentence about the quarter under way or a later one ("a fourth-quarter charge",
        "the third quarter of 1990") still compares the latest ended quarter.
        """
        if base is None or self.anchor is None or base[1] != "quarter":
            return base
        this_quarter = date(self.anchor.year, 3 * ((self.anchor.month - 1) // 3) + 1, 1)
        if base[0] >= this_quarter:
            return shift(this_quarter, "quarter", -1), "quarter"
        return base

    def recent_quarter(self, pos: int) -> tuple[date, str] | None:
        """The quarter named within the last few sentences: results copy compares quarters."""
        if self.last_quarter is not None and pos - self.last_quarter_end <= _QUARTER_REACH:
            return self.last_quarter
        return None


def _year_tense(spec: dict, text: str, m: Mention, get_tense) -> str | None:
    """The tense a year is inferred by: "since" a date puts it behind the publication, even
    one just ahead in the calendar ("has been in force since November 27", in October, is
    last November), where a plain past tense may still mean a date just ahead."""
    if _after_since(spec, text, m):
        return "since"
    tense = get_tense()
    if tense == "future" and _ARRANGED_FOR.search(text, max(0, m.start - 90), m.start):
        # "The dialogue had been scheduled for July 25", "was due to open on March 3": a plan
        # told in the past may have been for a day gone by as well as for one ahead
        spec["arranged"] = True  # (the event layer keeps the nearer reading)
        return "arranged"
    return tense


def _after_since(spec: dict, text: str, m: Mention) -> bool:
    """Whether the date follows "since" ("since March", "since the May curbs")."""
    return spec.get("signal") == "since" or _SINCE_THE.search(text, max(0, m.start - 12), m.start) is not None


# A plan told in the past, for the date right after it: "had been scheduled for", "was to end
# on", "was due to announce a new strategy after" (not "had been widely expected following an
# announcement in March", where the date is the announcement's).
_ARRANGED_FOR = re.compile(
    r"(?:\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:due|scheduled|slated|set|supposed|planned|to)"
    r"|\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?expected(?=\s+to\s)"
    r"|\b(?:originally|initially|previously|first)\s+(?:scheduled|planned|set|slated|due))\b"
    r"(?:\s+[\w'’-]+){0,8}?\s+(?:for|on|in|at|by|until|after|before|from)\s+(?:the\s+)?$")


def _infer_year(month: int, day: int | None, anchor: date, tense: str | None) -> tuple[int, bool]:
    """Year of a month (and day) given without one; True when it is not the anchor's year.

    News speaks of the recent past and the near future: take the occurrence
    nearest the publication date. Tense overrides that unless the other reading
    is much nearer (a dividend "declared ... payable Dec. 7" in late October is
    this December even though the clause is in the past tense).
    """
    y = anchor.year
    here = (month - anchor.month) + ((day or 15) - (anchor.day if day else 15)) / 31
    if abs(here) < 0.5:  # this very month
        return y, False
    if here > 0:
        future, past = here, here - 12
    else:
        future, past = here + 12, here
    if tense is None:  # news mostly reports what happened, unless the date is just ahead
        choice = future if future < 3 else past
    elif tense == "since":
        choice = past  # a start already behind us
    elif tense == "arranged":
        choice = future if future <= -past else past  # the nearer
    elif tense == "past":
        choice = future if (future < 2.5 and -past >= 8) else past
    else:
        choice = past if (-past < 2.5 and future >= 8) else future
    if choice == here:
        return y, False
    return (y + 1, True) if choice > here else (y - 1, True)


def _weekend(anchor: date, tense: str | None) -> date:
    wd = anchor.isoweekday()
    if wd >= 6:
        return anchor
    if tense == "future":
        return shift(anchor, "day", 6 - wd)
    return shift(anchor, "day", -wd)


_UNTIL_SIGNALS = frozenset(("until", "till", "til"))
# What was arranged, told in the past, in the date's clause: "was due to be signed on".
_ARRANGED_IN_THE_PAST = re.compile(
    r"(?:\b(?:was|were|had\s+been)\s+(?:\w+ly\s+)?(?:due|scheduled|slated|expected|set|supposed|planned|to)\b"
    # "The vote, originally scheduled for Tuesday, was postponed"
    r"|\b(?:originally|initially|previously|first)\s+(?:scheduled|planned|set|slated|due)\b)"
    r"(?![^.;:!?]*\b(?:will|'ll)\b)[^.;:!?]*$")


def _weekday_date(wd: int, anchor: date, direction: int | None, tense: str | None) -> date:
    diff = (wd - anchor.isoweekday()) % 7  # days forward to the next such weekday (0 = today)
    back = diff - 7 if diff else 0
    fwd = diff
    if direction is not None and direction < 0:
        return shift(anchor, "day", back if diff else -7)
    if direction is not None and direction > 0:
        return shift(anchor, "day", fwd if diff else 7)
    if tense == "future":
        return shift(anchor, "day", fwd)
    return shift(anchor, "day", back)


def _impossible(m: Mention) -> None:
    """A date the calendar does not have ("February 30, 2024") gets no value, only a warning."""
    _set(m, "", None)
    m.confidence = 0.0
    m.warnings.append(f'"{m.text}" is not a real calendar date; no date is given for it.')
    m.spec["impossible"] = True


def _set(m: Mention, value: str, precision: str | None) -> None:
    m.value = value
    m.precision = _OUT_PRECISION.get(precision, precision) if precision else None


def _resolve_one(m: Mention, ctx: _Context) -> None:  # noqa: C901 - one dispatch over rule kinds
    spec = m.spec
    kind = spec.get("kind", "date")
    anchor = ctx.anchor
    text = ctx.text

    if kind == "ref":
        _set(m, spec["value"], spec.get("precision"))  # (a named event's day has one)
        return
    if kind == "duration":
        _set(m, _duration_value(spec), None)
        return
    if kind == "set":
        _set(m, _set_value(spec), None)
        return

    tense = None

    def get_tense():
        nonlocal tense
        if _after_since(spec, text, m):
            return "past"  # "since March", "since the May curbs": a start already behind us
        if tense is None and _ahead_of_before(text, m.start):
            tense = "future"  # "met ahead of Thursday's summit": the summit is still to come
        if tense is None and _put_off_before(text, m.start):
            # "was postponed until February 15": the verb is past, the new date is ahead of it.
            tense = "future"
            spec["put_off"] = True  # (the event builder reads the date as ahead, too)
            if str(spec.get("signal", "")).lower() in ("until", "till") and m.mod == "ON_OR_BEFORE":
                m.mod = None  # "postponed until February 15" is then, not any day before it
        if tense is None:
            tense = tense_near(text, m.start, m.end) or ""
            if not tense and str(spec.get("signal", "")).lower() in _UNTIL_SIGNALS:
                # "The curfew is in place until Monday", "valid until March": a state that
                # holds up to a day ahead (in the past tense, "remained ... until", it is read back)
                tense = "future"
        return tense or None

    if kind in ("time", "datetime", "time_of_day"):
        if kind == "time_of_day" and spec.get("tword", "").lower() == "overnight":
            # "were arrested overnight": the night before publication; "is expected to remain
            # overnight": the night to come.
            spec["night"] = 0 if get_tense() == "future" else -1
        _resolve_time(m, ctx, kind)
        return

    if kind == "relative":
        unit = spec.get("unit") or spec.get("unit2") or "day"
        if spec.get("part"):
            m.mod = m.mod or {"end": "END", "close": "END", "beginning": "START", "start": "START",
                              "middle": "MID"}[spec["part"].lower()]
        elif spec.get("unit2"):
            m.mod = m.mod or "END"
        if "dword" in spec:
            w = " ".join(spec["dword"].lower().split())
            offset = _DWORD_OFFSET[w]
        else:
            offset = spec.get("offset")
            if offset is None:
                offset = _direction(spec) or 0
        unit = unit.lower()
        if anchor is None:
            _set(m, "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF"),
                 None)
            m.confidence = 0.3
            # a date, once the publication time is known; which side of it the text says
            m.spec["unplaced"] = "present" if offset == 0 else ("past" if offset < 0 else "future")
            return
        counted_from = "published"
        if unit == "weekend" and offset == 0:
            # "the weekend": the one just past, unless the clause looks ahead; "this weekend"
            # in a clause with no tense, the nearer ("could erupt this weekend", on a Friday).
            tense = get_tense()
            if tense is None and str(spec.get("dir", "")).lower() == "this":
                tense = "future" if anchor.isoweekday() >= 3 else "past"
            d = _weekend(anchor, tense)
        elif (unit == "day" and offset == 1 and ctx.last and ctx.last[1] in ("day", "hour", "minute")
                and _THE_NEXT_DAY.search(m.text)):
            # "started on November 20 and finished the next day": the day after the one
            # last named, as "the following day" is ("next day" alone is tomorrow).
            d, counted_from = shift(ctx.last[0], "day", 1), "mention"
        elif unit == "day" and _THE_NEXT_DAY.search(m.text) and _coarser_date_just_named(ctx, m, unit):
            return  # "In May 1998 ... the next day": no day to count from
        elif (said := _period_said_before(ctx, m, unit)) is not None:
            # "on death row in September 1996, with 45 sentences passed in the course of the
            # year": "the year" is the one the sentence has named, not the publication's.
            d, counted_from = said, "mention"
        elif (unit == "week" and offset == 0 and anchor.weekday() == 6
              and (str(spec.get("when", "")).lower() == "later" or get_tense() == "future")):
            # "will meet later this week", written on a Sunday: the ISO week ends that day, and
            # what is still to come this week is in the days from Monday on.
            d = shift(anchor, "week", 1)
        elif (unit == "week" and offset == -1 and anchor.weekday() == 6
              and str(spec.get("dir", "")).lower() == "last" and counted_from == "published"):
            # "The plane crashed last week", written on a Sunday: the working week just gone,
            # which is the ISO week ending that day, more often than the one before it.
            d = anchor
            m.spec["week_gone"] = True  # (the week ends today, but what it dates is behind)
            before = shift(anchor, "week", -1)
            m.warnings.append(
                f'"{m.text}", written on a Sunday, is read as the week ending that day '
                f"({_week_words(anchor)}); it may be the week before ({_week_words(before)}).")
            m.confidence = min(m.confidence, 0.8)
        else:
            d = shift(anchor, "week" if unit == "weekend" else unit, offset)
        prec = _PREC_OF_UNIT[unit]
        _set(m, fmt(d, prec), prec)
        m.anchor = counted_from
        m.spec["relative"] = True
        ctx.last = (d, prec)
        if prec == "quarter":
            ctx.last_quarter = (d, prec)
        return

    if kind == "ago":
        n = parse_number(spec.get("num", "")) if spec.get("num") else 1
        # "four or five years ago": counted with the nearer count, the other gives the far end
        counts = _whole_counts(spec) if n is None else None
        if counts is not None:
            n = counts[0]
        unit = spec["unit"].lower().rstrip("s")
        unit = {"centurie": "century", "millennia": "millennium"}.get(unit, unit)
        # "two weeks from now": as far ahead as "two weeks ago" is back
        sign = 1 if spec.get("hence") else -1
        if n is None or anchor is None or unit in ("second", "minute", "hour"):
            _set(m, "PAST_REF" if sign < 0 else "FUTURE_REF", None)
            if anchor is None and n is not None and unit not in ("second", "minute", "hour"):
                m.spec["unplaced"] = "past" if sign < 0 else "future"
                m.confidence = 0.3
            return
        if unit == "year" and ctx.recent_quarter(m.start) is not None and n == 1 and sign < 0:
            # Results copy: "profit rose from a year ago" compares quarters.
            d = shift(ctx.reported(ctx.last_quarter)[0], "year", -1)
            _set(m, fmt(d, "quarter"), "quarter")
            m.anchor = "mention"
            return
        prec = _PREC_OF_UNIT.get(unit, "year")
        years = n * {"year": 1, "decade": 10, "century": 100, "millennium": 1000}.get(unit, 0)
        if years >= 10 and unit != "year":
            # "a decade ago", "two centuries ago": a round figure, not a calendar decade.
            prec = "year" if years < 100 else "century"
            m.mod = m.mod or "APPROX"
        elif years >= 100 and years % 100 == 0:  # "some two thousand years ago": the century
            prec = "century"
        base_unit = "week" if unit in ("weekend", "fortnight") else ("day" if unit == "night" else unit)
        if unit == "fortnight":
            n *= 2
        on_day = " ".join((spec.get("on_day") or "").lower().split())
        if on_day.startswith("this ") and n == int(n):
            # "a year ago this week", "two years ago this month": the period under way, so many
            # units back
            period = on_day[5:]
            d, prec, m.mod = shift(anchor, base_unit, sign * int(n)), period, None
        elif on_day and n == int(n):
            # "a week ago today", "a year ago yesterday": that very day, so many units back
            day = anchor if on_day == "today" else shift(anchor, "day", -1)
            d, prec, m.mod = shift(day, base_unit, sign * int(n)), "day", None
        elif n != int(n):  # "2 1/2 years ago": months
            d = shift(anchor, "month", sign * round(n * 12)) if base_unit == "year" else anchor
        else:
            d = shift(anchor, base_unit, sign * int(n))
        _set(m, fmt(d, prec), prec)
        if counts is not None and not on_day:
            far = shift(anchor, base_unit, sign * int(counts[1]))
            first, last = (far, d) if sign < 0 else (d, far)
            if fmt(first, prec) != fmt(last, prec):
                _set(m, fmt(first, prec), prec)
                m.spec["range_end"] = fmt(last, prec)
        m.anchor = "published"
        m.spec["relative"] = True
        ctx.last = (d, prec)
        return

    if kind in ("anaphoric", "anaphoric_unit", "the_quarter"):
        _resolve_anaphoric(m, ctx, kind)
        return

    if kind == "in_the_day":
        # "Police foiled the plot on Saturday, a bridge the pope was set to cross later in the
        # day": the day just named; with none nearby, the day of the news, publication.
        last = ctx.last
        if (last is not None and last[1] in ("day", "hour", "minute") and ctx.last_at is not None
                and m.start - ctx.last_at <= _ANAPHORA_REACH
                and (anchor is None or abs((last[0] - anchor).days) <= _DAY_OF_THE_NEWS
                     or not _SENTENCE_BREAK.search(text, ctx.last_at, m.start + 1))):
            # (a day far from publication in an earlier sentence is background: "a tank crashed
            # through its gates on April 30, 1975. Earlier in the day Rubin visited a school")
            d, m.anchor = last[0], "mention"
        elif anchor is not None:
            d, m.anchor = anchor, "published"
            m.spec["relative"] = True
        else:
            _set(m, "PRESENT_REF", None)
            m.spec["unplaced"] = "present"
            m.confidence = 0.3
            return
        _set(m, fmt(d, "day"), "day")
        return

    if kind == "anaphoric_month":
        # "In 2019 ...; the following March": the first March after the date just named.
        mo = _month(spec)
        forward = spec["ana"].lower().split()[-1] in ("following", "next")
        if ctx.last is not None:
            base, m.anchor = ctx.last[0], "mention"
            prec = ctx.last[1]
        elif anchor is not None:
            base, m.anchor, prec = anchor, "published", "day"
        else:
            _set(m, f"XXXX-{mo:02d}", "month")
            m.confidence = 0.4
            return
        y = base.year
        if prec in ("year", "decade", "century"):  # "2019 ... the following March": 2020
            y += 1 if forward else -1
        elif forward:
            y += 1 if mo <= base.month else 0
        else:
            y -= 1 if mo >= base.month else 0
        _set(m, f"{y}-{mo:02d}", "month")
        ctx.last = (date(y, mo, 1), "month")
        return

    if kind == "month_of_relative_year":
        moving = _moving_rule(spec)
        if moving and anchor is None:
            _set(m, "", None)  # (which day it is depends on the year, which nothing gives)
            return
        mo = _month(spec)
        if anchor is None:
            _set(m, f"XXXX-{mo:02d}", "month")
            return
        if spec.get("ana"):
            # "September that year", "March the following year": the year last spoken of.
            ana = " ".join(spec["ana"].lower().split())
            step = 1 if ana in ("the following", "the next") else (
                -1 if ana in ("the previous", "the preceding") else 0)
            base = ctx.last[0].year if ctx.last else anchor.year
            y = base + step
            m.anchor = "mention" if ctx.last else "published"
        else:
            y = anchor.year + (_direction(spec) or 0)
            m.anchor = "published"
        if moving:
            spec["holiday_year"] = y  # "Easter Sunday last year": that year's Easter
            mo = _month(spec)
        d = spec.get("day") or spec.get("dayb") or _day(spec)
        if d:  # "April 1 next year", "Christmas Eve last year"
            try:
                day = date(y, mo, int(_NOT_DIGIT.sub("", str(d))))
            except ValueError:
                _impossible(m)
                return
            _set(m, day.isoformat(), "day")
            ctx.last = (day, "day")
            return
        _set(m, f"{y}-{mo:02d}", "month")
        ctx.last = (date(y, mo, 1), "month")
        return

    if kind in ("day_of_relative_month", "ordinal_day"):
        _resolve_day_of_month(m, ctx, kind, get_tense)
        return

    if kind == "quarter_of_relative_year":
        q = _quarter(spec)
        if anchor is None:
            _set(m, f"XXXX-Q{q}", "quarter")
            return
        y = anchor.year + (_direction(spec) or 0)
        _set(m, f"{y}-Q{q}", "quarter")
        ctx.last = ctx.last_quarter = (date(y, 3 * q - 2, 1), "quarter")
        return

    # Explicit or partly explicit calendar fields.
    moving = _moving_rule(spec)
    if moving and anchor is not None:
        spec.setdefault("holiday_year", anchor.year)  # (its day this year, to weigh which year)
    y, mo, d, wd = _year(spec), _month(spec), _day(spec), iso_weekday(spec)
    if y is None and spec.get("ydir") and anchor is not None:
        y = anchor.year + (_direction({"dir": spec["ydir"]}) or 0)  # "from 3 to 5 March next year"
    if mo:
        if d:
            inferred = False
            if y is None:
                if anchor is None:
                    _set(m, f"XXXX-{mo:02d}-{d:02d}", "day")
                    m.confidence = 0.4
                    return
                direction = _direction(spec)
                told = (_year_told_before(ctx, m, get_tense) or _year_of_list_entry(ctx, m, mo, d)
                        or _year_told_after(ctx, m) or _year_of_the_thing_told(ctx, m, get_tense)
                        if direction is None else None)
                if told is not None:
                    y, inferred = told, True
                elif direction is None:
                    y, inferred = _infer_year(mo, d, anchor, _year_tense(spec, text, m, get_tense))
                else:
                    y = _year_of_relative_month(mo, anchor, direction)
                    inferred = mo == anchor.month and direction != 0
                    this = parse_value(f"{anchor.year:04d}-{mo:02d}-{d:02d}") if inferred else None
                    if this is not None:
                        # "registration closed last December 14", written on December 20: the
                        # latest December 14, a week ago (a year and a week would be "December
                        # 14 last year"); "next December 28" the first one to come. Said so.
                        this = this[0]
                        y = anchor.year if (this < anchor if direction < 0 else this > anchor) else y
                        m.warnings.append(
                            f'"{m.text}" could be {date(anchor.year, mo, 1):%B} {d} of this year '
                            f"or of {'last' if direction < 0 else 'next'} year; read as {y}.")
                        m.confidence = min(m.confidence, 0.8)
                m.anchor = "published"
                m.spec["relative"] = True
                m.spec["year_inferred"] = True
            try:
                if spec.get("month_end"):
                    d = calendar.monthrange(y, mo)[1]  # "the last day of February 2028": the 29th
                day = moving_day(moving, y) if moving else date(y, mo, d)
            except ValueError:
                _impossible(m)
                return
            _set(m, day.isoformat(), "day")
            if moving:
                m.spec["moving"] = moving  # (a year weighed again later moves the day too)
            two_days = (spec.get("sep") or "").strip().lower() == "and" and not _BETWEEN_BEFORE.search(
                text[max(0, m.start - 9) : m.start])
            last = None
            if spec.get("day_end"):
                try:
                    last = date(y, mo, int(_NOT_DIGIT.sub("", spec["day_end"])))
                except ValueError:
                    last = None
            if two_days and not (last is not None and (last - day).days == 1):
                # "on April 7 and 9": two days, not the days between ("3 and 4 December",
                # two days in a row, are the stretch they make)
                m.warnings.append(f'"{m.text}" names two days; the first is shown.')
            elif last is not None and last > day:  # "June 4-5, 2014": the last day of the range
                m.spec["range_end"] = last.isoformat()
            if inferred and wd != day.isoweekday():
                # (A written weekday that fits settles the year: "Tue., Dec. 31".)
                m.confidence = min(m.confidence, 0.8)
            if "first" in spec and int(spec["first"]) <= 12 and int(spec["second"]) <= 12 and (
                    spec["first"] != spec["second"]):
                alt = date(y, day.day, day.month)
                if spec.get("day_first"):
                    m.warnings.append(
                        f'"{m.text}" could be {day.strftime("%B")} {day.day} (day first) or '
                        f'{alt.strftime("%B")} {alt.day} (month first); read as day first, as the '
                        f'article writes "{spec["day_first"]}".')
                    m.confidence = min(m.confidence, 0.8)
                else:
                    m.warnings.append(
                        f'"{m.text}" could be {day.strftime("%B")} {day.day} (month first) or '
                        f'{alt.strftime("%B")} {alt.day} (day first); read as month first.')
                    m.confidence = min(m.confidence, 0.6)
                m.spec["other_reading"] = alt.isoformat()  # (the event builder weighs the tense)
            if wd and wd != day.isoweekday():
                _weekday_conflict(m, m, day, wd, spec.get("weekday"), anchor)
            ctx.last = (day, "day")
            return
        # Month without day.
        if y is None:
            if anchor is None:
                _set(m, f"XXXX-{mo:02d}", "month")
                m.confidence = 0.4
                return
            direction = _direction(spec)
            told = (_year_told_before(ctx, m, get_tense) or _year_of_list_entry(ctx, m, mo, None)
                    or _year_told_after(ctx, m) or _year_of_the_thing_told(ctx, m, get_tense)
                    if direction is None else None)
            if told is not None:
                y = told
            elif direction is not None:
                y = _year_of_relative_month(mo, anchor, direction)
                if direction < 0 and mo == (anchor.month - 2) % 12 + 1:
                    # "last October" written in November: the month just past is "last
                    # month", so most writers mean the October before (and TimeBank's
                    # annotators read it so), but not all: say so.
                    y -= 1
                    name = f"{date(2000, mo, 1):%B}"
                    m.warnings.append(
                        f'"{m.text}" could be {name} {y + 1}, the month just past, or {name} {y}; read '
                        f'as {y}, since the month just past is mostly called "last month".')
                    m.confidence = min(m.confidence, 0.6)
            else:
                y, _ = _infer_year(mo, None, anchor, _year_tense(spec, text, m, get_tense))
            m.anchor = "published"
            m.spec["relative"] = True
            m.spec["year_inferred"] = True
        if wd and spec.get("nth"):
            # "the first Sunday of March", "the last Thursday in November"
            day = _nth_weekday(y, mo, wd, spec["nth"])
            _set(m, day.isoformat(), "day")
            ctx.last = (day, "day")
            return
        _set(m, f"{y}-{mo:02d}", "month")
        ctx.last = (date(y, mo, 1), "month")
        return

    if wd:
        if anchor is None:
            _set(m, f"XXXX-WXX-{wd}", "day")
            m.confidence = 0.4
            return
        base, m.anchor = anchor, "published"
        direction = _direction(spec)
        if spec.get("week_later"):
            # "Monday week", "a week on Tuesday": the coming one (after today), a week on
            day = shift(base, "day", (wd - base.isoweekday()) % 7 or 7) + timedelta(days=7)
            _set(m, day.isoformat(), "day")
            m.spec["relative"] = True
            m.spec["week_named"] = True  # (the text gives the week: no tense moves it)
            ctx.last = (day, "day")
            return
        if _PREVIOUS_OR_FOLLOWING.match(spec.get("dir") or "") and ctx.last:
            base = ctx.last[0]  # "the previous Friday": before the date just mentioned
            m.anchor = "mention"
        elif (direction is None and ctx.last_day is not None and ctx.last_day[0] < anchor
              and m.start - ctx.last_day[1] <= _PAST_PERFECT_REACH and _past_perfect(text, m.start)):
            # "On Friday (November 1) they signed; they had settled the text on Wednesday":
            # the past perfect counts back from the day the story is about.
            base, m.anchor, direction = ctx.last_day[0], "mention", -1
        # A bare weekday counts from the publication (or dateline) day, not from an
        # explicit date mentioned earlier: on TimeBank news that reading is right far
        # more often (measured: anchoring on the last explicit date cost 1.5 value F1).
        if (direction is None and m.anchor == "published" and "tod" not in spec and (
                get_tense() != "future" and _POSSESSIVE_EVENT.match(text, m.end)
                or get_tense() == "future" and _ARRANGED_IN_THE_PAST.search(text, max(0, m.start - 70), m.start))):
            # "contesting Thursday's election", "after Monday's talks": the event the weekday
            # names is the nearest of that name, whatever tense the clause's verb has ("in the
            # run-up to Sunday's elections" is ahead all the same); and so is a day arranged, told
            # in the past ("The deal was due to be signed on Friday but was postponed", on a
            # Saturday: the day before; "was due to arrive on Monday": two days on)
            diff = (wd - base.isoweekday()) % 7
            day = shift(base, "day", diff if diff <= 3 else diff - 7)
            if _GOT_TO_BEFORE.search(text, max(0, m.start - 40), m.start):
                m.spec["arranged"] = True  # (the event layer keeps the nearer day)
            if get_tense() == "future":
                m.spec["arranged"] = True  # (the event layer keeps the nearer day)
                if diff in (3, 4):
                    # (three days one way, four the other: the day arranged may as well have been
                    # the one before publication as the one after, and a plan told in the past
                    # says nothing of which; both are shown. A day or two on is the plan's.)
                    other = shift(day, "day", -7 if day > base else 7)
                    m.confidence = min(m.confidence, 0.7)
                    m.warnings.append(f'"{m.text}" is read as the nearer {day:%A}, {day_words(day)}; '
                                      f"a plan told in the past may have been for {day_words(other)}.")
        else:
            day = _weekday_date(wd, base, direction, get_tense())
            if (str(spec.get("dir", "")).lower() == "next" and m.anchor == "published"
                    and day.isocalendar()[:2] == base.isocalendar()[:2]):
                # "next Friday", said on a Monday: this week's Friday to some, next week's to others;
                # said the day before, next week's ("next Sunday's trip to Chelsea", on a Saturday:
                # a week on; the day after would be "Sunday" or "tomorrow")
                other = shift(day, "day", 7)
                m.confidence = min(m.confidence, 0.7)
                if (day - base).days <= 1:
                    day, other = other, day
                    m.warnings.append(f'"{m.text}" is read as the {day:%A} of next week, {day_words(day)}; '
                                      f"it may be tomorrow, {day_words(other)}.")
                else:
                    m.warnings.append(f'"{m.text}" is read as the coming {day:%A}, {day_words(day)}; it may '
                                      f"mean the {day:%A} of next week, {day_words(other)}.")
            elif (str(spec.get("dir", "")).lower() == "last" and m.anchor == "published"
                  and (base - day).days == 1):
                # "the first round of voting held last Wednesday", written on a Thursday: the
                # Wednesday of last week (yesterday would be "on Wednesday" or "yesterday"), as
                # "next Sunday" said on a Saturday is a week on
                other, day = day, shift(day, "day", -7)
                m.confidence = min(m.confidence, 0.7)
                m.warnings.append(f'"{m.text}" is read as the {day:%A} of last week, {day_words(day)}; '
                                  f"it may be yesterday, {day_words(other)}.")
            pub = ctx.published_day
            if (direction is None and m.anchor == "published" and get_tense() != "future" and pub is not None
                    and 0 < (pub - base).days <= 2 and base < (later := _weekday_date(wd, pub, None, None)) <= pub):
                # "BRUSSELS, Nov 18 - ... Iran rejected the move on Tuesday", published on Tuesday
                # the 19th: a day after the dateline's, up to publication, not the week before it
                day = later
                m.warnings.append(f'"{m.text}" is after the dateline\'s day: it is counted from the '
                                  f"publication date, {day_words(pub)}.")
            if direction is None and m.anchor == "published" and get_tense() is None:
                m.spec["untensed"] = True  # read back by default: nothing in its clause says which week
        _set(m, day.isoformat(), "day")
        m.spec["relative"] = True
        m.spec["weekday_only"] = True
        if direction is None and get_tense() == "future" and (
                _strong_future_before(text, m.start) or _present_condition_before(text, m.start)
                or _SET_FOR_BEFORE.search(text, max(0, m.start - 30), m.start)
                or _ANNOUNCED_FROM_BEFORE.search(text, max(0, m.start - 90), m.start)):
            # "will be officially presented and played by ... on Friday", "rallies were announced
            # for Sunday": a plain future beside the date, or the day something was set for, which
            # a past participle nearer to it does not undo (the event layer keeps it)
            m.spec["ahead_by_tense"] = True
        ctx.last = (day, "day")
        if "tod" in spec:
            m.value += "T" + _TOD[spec["tod"].lower()]
        return

    if "quarter" in spec or "quarter2" in spec:
        q = _quarter(spec)
        year_ago = spec.get("ya") or spec.get("ya2")
        if y is None:
            if anchor is None:
                _set(m, f"XXXX-Q{q}", "quarter")
                return
            aq = (anchor.month - 1) // 3 + 1
            tense = get_tense()
            # The quarter under way and the one just ended are this year's whatever the tense
            # ("will report third-quarter results", in October); one further back, told of
            # as ahead, is next year's ("will be completed in the second quarter", in
            # November), a guess the event layer weighs as it does a month's.
            reported = q == aq or q == aq - 1
            if q > aq and tense == "past":
                y = anchor.year - 1
            elif q < aq - 1 and tense == "future":
                y = anchor.year + 1
            else:
                y = anchor.year
            if year_ago:
                y -= 1
            elif not reported:
                m.spec["year_inferred"] = True
        _set(m, f"{y}-Q{q}", "quarter")
        ctx.last = ctx.last_quarter = (date(y, 3 * q - 2, 1), "quarter")
        return

    if "half" in spec or "half2" in spec:
        h = 1 if (spec.get("half") or spec.get("half2")).lower() in ("first", "1") else 2
        if y is None:
            if anchor is None:
                _set(m, f"XXXX-H{h}", "half")
                return
            y = anchor.year + (_direction(spec) or 0)
        _set(m, f"{y}-H{h}", "half")
        ctx.last = (date(y, 6 * h - 5, 1), "half")
        return

    if "season" in spec:
        code = tables()["seasons"].get(spec["season"].lower(), spec["season"])
        if y is None and spec.get("anapre") and ctx.last is not None:
            # "The following spring", after "in 2013": the first spring after the date told
            # before; "the previous winter" the last one before it; "the same summer" its own.
            base, word = ctx.last[0], spec["anapre"].lower().split()[-1]
            first = date(base.year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code], 1)
            if word in ("following", "next"):
                y = base.year if first > base and ctx.last[1] not in ("year", "decade", "century") else base.year + 1
            elif word == "previous":
                y = base.year if first < base and ctx.last[1] not in ("year", "decade", "century") else base.year - 1
            else:
                y = base.year
            m.anchor = "mention"
        if y is None and spec.get("ana") and ctx.last is not None:
            # "the autumn of that year": the year of the date just named.
            ana = spec["ana"].lower().split()[-1]
            y = ctx.last[0].year + {"following": 1, "next": 1, "previous": -1}.get(ana, 0)
            m.anchor = "mention"
        if y is None and spec.get("ydir") and anchor is not None:
            # "spring next year", "the summer of last year"
            y = anchor.year + (_direction({"dir": spec["ydir"]}) or 0)
            m.anchor = "published"
        if y is None:
            if anchor is None:
                _set(m, f"XXXX-{code}", "season")
                return
            direction = _direction(spec)
            y = anchor.year
            start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
            if direction is not None and direction < 0 and start_month >= anchor.month:
                y -= 1
            elif direction is not None and direction > 0 and start_month <= anchor.month:
                y += 1
            elif direction is None and code != "WI":
                # "in the spring": this year's, but that is a guess, which the event builder
                # weighs against the tense as it does a month's ("will come in the spring",
                # written in December, is the coming one).
                m.spec["year_inferred"] = True
                m.anchor = "published"
        _set(m, f"{y}-{code}", "season")
        return

    if "decade" in spec or "decade2" in spec or "sdecade" in spec:
        if "decade" in spec:
            dec = int(spec["decade"]) // 10
        else:
            two = int(spec["decade2"]) if "decade2" in spec else _DECADE_WORD[spec["sdecade"].lower()]
            century = (anchor.year // 100) if anchor else 19
            dec = century * 10 + two // 10
            if anchor and dec * 10 > anchor.year:
                dec -= 10
        _set(m, f"{dec:03d}", "decade")
        return

    if "century" in spec or "centuryword" in spec:
        if "century" in spec:
            c = int(spec["century"])
        else:
            c = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}[
                spec["centuryword"].lower()]
        _set(m, f"{c - 1:02d}", "century")
        return

    if y:
        _set(m, f"{y}", "year")
        ctx.last = (date(y, 1, 1), "year")
        if spec.get("year_end"):  # "2007-13": through 2013 (the century may turn: "1998-02")
            last = y - y % 100 + int(spec["year_end"])
            last += 100 if last <= y else 0
            if last - y <= 30:
                m.spec["range_end"] = str(last)
            else:
                m.warnings.append(f'"{m.text}" may be a span of years; only {y} is read.')
        return

    _set(m, "", None)


_DECADE_WORD = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}
_TOD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday_conflict(a: Mention, b: Mention, day: date, wd: int, wd_text: str | None,
                      anchor: date | None = None) -> None:
    verb = "is" if anchor is not None and day > anchor else "was"  # (a day still to come "is")
    msg = (f'The text says "{wd_text or _WEEKDAY_NAMES[wd - 1]}", but {day_words(day)} {verb} a '
           f"{_WEEKDAY_NAMES[day.isoweekday() - 1]}.")
    for m in (a, b):
        if msg not in m.warnings:
            m.warnings.append(msg)
        m.confidence = min(m.confidence, 0.5)


def _resolve_time(m: Mention, ctx: _Context, kind: str) -> None:
    spec = m.spec
    anchor = ctx.anchor
    if kind == "time_of_day":
        w = " ".join(spec["tword"].lower().split())
        offset, code = {
            "tonight": (0, "NI"), "last night": (-1, "NI"), "this morning": (0, "MO"),
            "this afternoon": (0, "AF"), "this evening": (0, "EV"),
            "yesterday morning": (-1, "MO"), "yesterday afternoon": (-1, "AF"),
            "yesterday evening": (-1, "EV"), "tomorrow morning": (1, "MO"),
            "tomorrow afternoon": (1, "AF"), "tomorrow evening": (1, "EV"),
            "tomorrow night": (1, "NI"), "overnight": (spec.get("night", -1), "NI"),
        }[w]
        if anchor is None:
            _set(m, f"XXXX-XX-XXT{code}", "hour")
            return
        _set(m, f"{shift(anchor, 'day', offset).isoformat()}T{code}", "hour")
        m.anchor = "published"
        if w == "overnight":
            night = shift(anchor, "day", offset)
            counted_from = ("the publication date" if anchor == ctx.published_day
                            else "the dateline's day")
            m.warnings.append(f'"{m.text}" is taken as the night of {night:%A}, {day_words(night)}, '
                              f"counted from {counted_from}.")
            m.confidence = min(m.confidence, 0.8)
        return
    # Clock time, alone or joined to a date.
    hh = spec.get("hour")
    if "tword" in spec:
        h, mi = (0, 0) if spec["tword"].lower() == "midnight" else (12, 0)
    else:
        h, mi = int(hh), int(spec.get("minute") or 0)
        ampm = (spec.get("ampm") or "").lower()
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
    day = None
    if kind == "datetime":
        sub = Mention(m.start, m.end, m.text, "DATE", "", spec={k: v for k, v in spec.items()
                                                                if k not in ("kind",)})
        sub.spec["kind"] = "date" if "dword" not in spec else "relative"
        _resolve_one(sub, ctx)
        parsed = parse_value(sub.value)
        if parsed and parsed[1] == "day":
            day = parsed[0]
        m.warnings.extend(sub.warnings)
    elif anchor is not None:
        day = anchor
        m.anchor = "published"
        m.spec["day_of_anchor"] = True  # (a date written next to it may still give the day)
    stamp = f"T{h:02d}:{mi:02d}"
    _set(m, (day.isoformat() if day else "XXXX-XX-XX") + stamp, "minute" if mi else "hour")
    if spec.get("tz"):
        m.spec["tz"] = spec["tz"]


_DONE_QUARTER = frozenset({"latest", "most recent", "recent", "past", "last", "previous"})


def _month_named_in_the_sentence(ctx: _Context, m: Mention) -> bool:
    """Whether the last dated mention before ``m`` is a month named by name in ``m``'s
    sentence, alone ("in October", not "From January to October")."""
    if not ctx.dated:
        return False
    last = ctx.dated[-1]
    if last.precision != "month" or "month" not in last.spec or _SENTENCE_BREAK.search(ctx.text, last.end, m.start):
        return False
    return len(ctx.dated) < 2 or _RANGE_GAP.match(ctx.text[ctx.dated[-2].end:last.start]) is None


def _resolve_anaphoric(m: Mention, ctx: _Context, kind: str) -> None:
    spec = m.spec
    anchor = ctx.anchor
    if kind == "the_quarter":
        qdir = " ".join((spec.get("qdir") or "").lower().split())
        base = ctx.last_quarter
        ended = _ENDED.match(ctx.text, m.end)
        if ended and ctx.following is not None:
            # "the quarter ended Sept. 30": the quarter that contains that day.
            nxt = ctx.following(m)
            if nxt is not None and nxt.start == ended.end():
                probe = Mention(nxt.start, nxt.end, nxt.text, nxt.type, "", spec=dict(nxt.spec))
                _resolve_one(probe, _Context(ctx.text, ctx.anchor))
                parsed = parse_value(probe.value)
                if parsed:
                    base = (parsed[0], "quarter")
        if (qdir == "same" and base is None and m.text.lower().endswith("period")
                and ctx.recent_quarter(m.start) is None):
            # "the same period" after "between 2007 and 2009" points back at a
            # period that is a quarter only in results copy that names quarters;
            # elsewhere a guessed quarter would be a confident wrong date.
            _set(m, "", None)
            return
        if anchor is not None:
            this_quarter = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
            if qdir == "current":
                base = (this_quarter, "quarter")
            elif base is None or (qdir in _DONE_QUARTER and base[0] >= this_quarter):
                # "the latest quarter" has ended and been reported on: not the quarter
                # under way, even right after a sentence about its expected charges.
                base = (shift(this_quarter, "quarter", -1), "quarter")
        if base is None:
            _set(m, "XXXX-QX", "quarter")
            return
        d = base[0]
        if qdir in ("year-earlier", "year-ago") or spec.get("qya"):
            d = shift(ctx.reported(base)[0], "year", -1)
        if spec.get("qyear"):  # "the 1988 quarter": that year's quarter of the same number
            d = date(int(spec["qyear"]), d.month, 1)
        _set(m, fmt(d, "quarter"), "quarter")
        return
    if kind == "anaphoric_unit":
        unit = spec["unit"].lower()
        back = -1 if spec.get("yback") else 0  # ("... last year", "... a year ago")
        if unit == "period":
            # "profits in the third quarter, against the same period last year": the quarter or
            # month its sentence names, a year back; else ("in the first nine months, up from the
            # same period last year", a period the tagger does not date) the year before.
            ends_a_range = len(ctx.dated) > 1 and _RANGE_GAP.match(
                ctx.text[ctx.dated[-2].end:ctx.dated[-1].start]) is not None  # "From January to October"
            if ends_a_range or not (ctx.last and ctx.last[1] in ("quarter", "month") and ctx.last_at is not None
                                    and not _SENTENCE_BREAK.search(ctx.text, ctx.last_at, m.start)):
                if anchor is None:
                    _set(m, "", None)
                    return
                _set(m, fmt(shift(anchor, "year", back), "year"), "year")
                m.anchor = "published"
                return
            unit = ctx.last[1]
        ana = " ".join(spec["ana"].lower().split())
        offset = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1, "the prior": -1,
                  "the same": 0, "that": 0}[ana]
        base = ctx.last if ctx.last and PRECISION_RANK[ctx.last[1]] <= PRECISION_RANK.get(
            unit, 7) else None
        if base is None and _coarser_date_just_named(ctx, m, unit):
            return
        if base is None:
            if anchor is None:
                _set(m, "", None)
                return
            base = (anchor, unit)
            m.anchor = "published"
        else:
            m.anchor = "mention"
            if (unit == "day" and anchor is not None and base[0] > anchor
                    and tense_near(ctx.text, m.start, m.end) == "past"
                    and (gone := _last_day_gone_by(ctx, anchor)) is not None):
                # "Talks are set for 5 December. Later that day, the army sent reinforcements":
                # a day told in the past is not the plan's, still to come, but the last day
                # told that is gone by
                m.warnings.append(f'"{m.text}" is counted from "{gone[1]}", the last day named that is '
                                  f"gone by; the date named last, {day_words(base[0])}, is still to come.")
                m.confidence = min(m.confidence, 0.7)
                base = (gone[0], "day")
        d = shift(base[0], unit, offset)
        if back:
            d = shift(d, "year", back)
        tod = spec.get("tod")
        if tod:  # "the following night": a part of that day
            _set(m, f"{fmt(d, 'day')}T{_TOD[tod.lower()]}", "hour")
        else:
            _set(m, fmt(d, unit), unit)
        if m.anchor == "mention":
            _weigh_base(m, ctx, unit, lambda other: shift(shift(other, unit, offset), "year", back))
        if not back:  # (a comparison a year back leaves the period the text speaks of as it was)
            ctx.last = (d, unit)
        return
    # "a year earlier", "two days later": shift the last reference.
    n = parse_number(str(spec.get("num", "1")))
    # "two or three days later": counted with the smaller count, the larger gives the other end
    counts = _whole_counts(spec) if n is None else None
    if counts is not None:
        n = counts[0]
    unit = str(spec.get("unit", "year")).lower().rstrip("s")
    unit = {"centurie": "century"}.get(unit, unit)
    if unit in ("second", "minute", "hour", "night", "weekend", "fortnight", "millennium", "millennia"):
        _set(m, "", None)
        m.type = "DURATION"
        m.value = _duration_value({"num": spec.get("num", "1"), "unit": spec.get("unit", "year")})
        return
    rel = spec.get("rel", "earlier").lower()
    if _FOR_BEFORE.search(ctx.text, max(0, m.start - 6), m.start):
        # "ruled Chile for 17 years after seizing power": how long, not when.
        _set(m, "", None)
        m.type = "DURATION"
        m.value = _duration_value({"num": str(spec.get("num", "1")), "unit": spec.get("unit", "year")})
        return
    sign = -1 if rel in ("earlier", "before") else 1
    if n is None:
        _set(m, "PAST_REF" if sign < 0 else "FUTURE_REF", None)
        return
    base = ctx.last
    if (rel in ("after", "before") and _COMPLEMENT.match(ctx.text, m.end)
            and not _retells_last(ctx, m)):
        # "two days after Pinochet's birthday": counted from the event named next, which
        # is not the one last dated ("A week after FIFA suspended the federation", after
        # "FIFA suspended the federation on August 15", is).
        base = None
    if base is None and rel in ("after", "before"):
        # "Fifteen years after gunmen killed 166 people": counted from an event the text
        # does not date; the publication date would give a confident wrong answer.
        _unanchored(m, "date")
        return
    if unit == "year" and ctx.recent_quarter(m.start) is not None:
        base = ctx.last_quarter
    elif (unit == "year" and base is not None and PRECISION_RANK[base[1]] < PRECISION_RANK["quarter"]
          and not (base[1] == "month" and _month_named_in_the_sentence(ctx, m))):
        # (a year before a month its sentence names is that month of the year before: "sales
        # fell in October from a year earlier"; else only the year: the month of a telling
        # ("reported last month that profit slumped from a year earlier"), the end of a
        # period ("From January to October, ...") or a day are not what is compared)
        base = (base[0], "year")
    if base is None or PRECISION_RANK[base[1]] > PRECISION_RANK.get(unit, 7):
        if anchor is None:
            _set(m, "", None)
            return
        if sign > 0:
            # "The government dissolved the federation 10 days later", after "last month": later
            # than an event the text does not date to the day; counted from publication it
            # would be a day to come. No date is given for it.
            _unanchored(m, "date to the day")
            return
        base = (anchor, unit if base is None else base[1])
        if PRECISION_RANK[base[1]] > PRECISION_RANK.get(unit, 7):
            base = (anchor, unit)
    if unit == "year" and sign < 0:
        base = ctx.reported(base)
    prec = base[1]
    count_end = None
    if counts is not None:
        # the two ends in calendar order: "two or three days earlier" ends with the nearer count
        near, far = int(n), int(counts[1])
        n, last = (far, near) if sign < 0 else (near, far)
        m.spec["range_end"] = fmt(shift(base[0], unit, sign * last), prec)

        def count_end(other: date) -> date:
            return shift(other, unit, sign * last)
    d = shift(base[0], unit, sign * int(n))
    _set(m, fmt(d, prec), prec)
    m.anchor = "mention"
    if base == ctx.last:
        _weigh_base(m, ctx, prec, lambda other: shift(other, unit, sign * int(n)), count_end)
        if rel in ("later", "afterwards", "afterward"):
            _weigh_distance(m, ctx)


def _whole_counts(spec: dict) -> tuple[float, float] | None:
    """The two whole counts of "two or three", "10 to 15" in the mention's number, or None."""
    counts = parse_number_range(str(spec["num"])) if spec.get("num") else None
    if counts is None or counts[0] != int(counts[0]) or counts[1] != int(counts[1]):
        return None
    return counts


def _unanchored(m: Mention, how: str) -> None:
    """No date for ``m``, which counts from an event the text does not ``how`` ("date", "date to
    the day"): shown with the doubt, at low confidence."""
    _set(m, "", None)
    m.confidence = 0.3
    m.spec["unanchored"] = True
    m.warnings.append(f'"{m.text}" counts from another event, which the text does not {how}; '
                      "no date is given for it.")


# How near a date named before must be for "the following week" to count from it.
_ANAPHORA_REACH = 300  # characters: the same or the previous sentence
_DAY_OF_THE_NEWS = 7  # days from publication: a day named before "later in the day" that the news is about


def _last_day_gone_by(ctx: _Context, published: date) -> tuple[date, str] | None:
    """The last day named before, on or before ``published``, with its text; None if none."""
    for n in reversed(ctx.dated):
        if n.precision == "day" and (parsed := parse_value(n.value[:10])) and parsed[0] <= published:
            return parsed[0], n.text
    return None


def _weigh_base(m: Mention, ctx: _Context, unit: str, count: Callable[[date], date],
                count_end: Callable[[date], date] | None = None) -> None:
    """Doubt about "the following day" (or "two days later"), counted from the date named
    last: no surer than that date, and doubtful where its sentence names another date of
    that precision, which the words may count from instead ("began on May 7, two weeks after
    the April 22 attack. ... the following night")."""
    if not ctx.dated:
        return
    last = ctx.dated[-1]
    m.confidence = min(m.confidence, last.confidence)
    if last.precision != "day":
        return  # (a year or a month named twice in a sentence is mostly a comparison or a span)
    sentence_start = max(ctx.text.rfind(". ", 0, last.start), ctx.text.rfind("\n", 0, last.start)) + 1
    for other in reversed(ctx.dated[:-1]):
        if other.end <= sentence_start:
            break
        if other.value == last.value or other.precision != last.precision:
            continue
        if _RANGE_GAP.match(ctx.text[other.end:last.start]):
            continue  # "from May 7 to May 9": one span, the anaphor counts from its end
        parsed = parse_value(other.value)
        if parsed is None:
            continue
        alternative = fmt(count(parsed[0]), unit)
        if m.value.startswith(alternative):
            continue  # counted from either, it is the same
        if count_end is not None:  # a range of counts: the range counted from the other date
            alternative = f"{alternative} to {fmt(count_end(parsed[0]), unit)}"
        m.confidence = min(m.confidence, 0.6)
        m.warnings.append(
            f'"{m.text}" is counted from "{last.text}", the date named last before it; the same '
            f'sentence names "{other.text}" too, which would make it {alternative}.')
        return


def _weigh_distance(m: Mention, ctx: _Context) -> None:
    """Doubt about "A year later" counted from a date named sentences before, with sentences
    between that tell of other things: it may count from one of them ("In 1947, he ran a camp.
    ... the coup. Four generals took charge ... A year later he decreed one-man rule")."""
    if not ctx.dated:
        return
    last = ctx.dated[-1]
    between = ctx.text[last.end : m.start]
    sentences = len(_SENTENCE_END.findall(between))
    if sentences >= 2:
        m.confidence = min(m.confidence, 0.3)
        m.warnings.append(f'"{m.text}" is counted from "{last.text}", named {sentences} sentences '
                          "before; an event told in between may be what it counts from.")


# The end of a sentence: a full stop, question or exclamation mark (and a closing quote) before a
# blank, or a line break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n+")


def _coarser_date_just_named(ctx: _Context, m: Mention, unit: str) -> bool:
    """ "They met in September and agreed to meet again the following week": the week counts
    from a date named just before that gives no week, so it has no date of its own (counted
    from publication it would be a confident wrong one). Marks ``m`` so and says True."""
    last = ctx.last
    if last is None or ctx.last_at is None or m.start - ctx.last_at > _ANAPHORA_REACH:
        return False
    if PRECISION_RANK.get(last[1], 0) <= PRECISION_RANK.get(unit, 7):
        return False
    _set(m, "", None)
    m.confidence = 0.3
    m.spec["unanchored"] = True
    m.warnings.append(f'"{m.text}" counts from a date named only to the {last[1]}; no date is '
                      "given for it.")
    return True


# "the year", "the same month", "the end of the year": a period named with "the" alone, which
# may be the one the sentence has just named ("this", "the current" are the publication's).
_THE_PERIOD = re.compile(r"(?i)\bthe\s+(?:same\s+)?(?P<unit>year|month)\b")
# Between that named date and "the year": a verb in the present or future puts the clause in
# the writer's own time ("the law, passed in 2019, will be reviewed by the end of the year").
_SPAN_TO = re.compile(r"(?i)\s+(?:to|through|until|till)\b")
_NOW_BETWEEN = re.compile(r"(?i)\b(?:will|shall|won't|is|are|am|has|have|can|must)\b|['’]ll\b")


def _period_said_before(ctx: _Context, m: Mention, unit: str) -> date | None:
    """The start of the month or year a date earlier in the same sentence names, for "the
    year" or "the end of the month" there, when it is not the publication's; else None.

    "were on death row in September 1996, with 45 sentences passed in the course of the year",
    "had warned Tehran in August that it would act unless Iran resumed cooperation by the end
    of the month": the period is the named date's, told in the past.
    """
    if unit not in ("year", "month") or not ctx.dated or ctx.anchor is None:
        return None
    said = _THE_PERIOD.search(m.text)
    if said is None or said.group("unit").lower() != unit or _SPAN_TO.match(ctx.text, m.end):
        return None  # (and "the year to March" is the twelve months to a March, no calendar year)
    before = ctx.dated[-1]
    if m.start - before.end > _ANAPHORA_REACH:
        return None  # (not in this sentence; and no long search between them)
    # (a month named without its year is "relative" too, to the year inferred for it)
    if (before.type != "DATE" or (before.spec.get("relative") and not before.spec.get("year_inferred"))
            or before.anchor == "mention"
            or before.precision not in ("day", "month") + (("season", "quarter", "year") if unit == "year" else ())
            or (unit == "year" and not _WRITTEN_YEAR.search(before.text))
            or _SENTENCE_BREAK.search(ctx.text, before.end, m.start + 1)
            or _NOW_BETWEEN.search(ctx.text, before.end, m.start)):
        return None
    parsed = parse_value(before.value)
    if parsed is None:
        return None
    day = parsed[0]
    named = date(day.year, 1, 1) if unit == "year" else date(day.year, day.month, 1)
    own = date(ctx.anchor.year, 1, 1) if unit == "year" else date(ctx.anchor.year, ctx.anchor.month, 1)
    return named if named != own else None


def _duration_value(spec: dict) -> str:
    unit_word = str(spec.get("unit") or spec.get("unit2") or "").lower()
    unit = unit_word.rstrip("s")
    unit = {"centurie": "century", "millennia": "millennium"}.get(unit, unit)
    code, _ = tables()["units"].get(unit, ["X", None])
    num = spec.get("num")
    n = parse_number(num) if num else None
    if num is None and unit_word.endswith("s"):
        n = None
    elif num is None:
        n = 1
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if unit == "fortnight" and n is not None:
        amount, code = str(int(n * 2)), "W"
    if code in ("H", "S") or unit == "minute":
        return f"PT{amount}{code}"
    return f"P{amount}{code}"


def _set_value(spec: dict) -> str:
    adv = (spec.get("adv") or "").lower()
    if adv:
        return {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
                "yearly": "P1Y", "hourly": "PT1H", "quarterly": "P1Q", "biweekly": "P2W",
                "fortnightly": "P2W"}[adv]
    unit_word = spec.get("unit", "")
    wd = tables()["weekdays"].get(unit_word.lower().rstrip("."))
    if wd:
        return f"XXXX-WXX-{wd}"
    mo = tables()["months"].get(unit_word.lower().rstrip(".")[:3])
    if mo and unit_word.lower() not in ("minute", "minutes"):
        return f"XXXX-{mo:02d}"
    return _duration_value({"num": spec.get("num") or "1", "unit": unit_word})


def _check_apposition(text: str, ms: list[Mention], anchor: date | None = None) -> None:
    """A weekday set beside an explicit date must agree with it ("Friday (November 2, 2024)").
    (Another weekday beside it is a list, "Saturday, Sunday and Monday", never the same day.)"""
    for a, b in zip(ms, ms[1:], strict=False):
        if not (a.spec.get("weekday_only") and b.type in ("DATE", "TIME")) or b.spec.get("weekday_only"):
            continue
        gap = text[a.end : b.start]
        if not _APPOSITION_GAP.fullmatch(gap):
            continue
        parsed = parse_value(b.value)
        if not parsed or parsed[1] != "day":
            continue
        day = parsed[0]
        wd = iso_weekday(a.spec)
        if wd and wd != day.isoweekday():
            _weekday_conflict(a, b, day, wd, a.text, anchor)
            a.spec["conflict_with"] = (b.start, b.end)
            b.spec["conflict_with"] = (a.start, a.end)


def resolve(text: str, mentions: list[Mention], published) -> list[Mention]:
    """Fill ``value`` and ``precision`` of each mention, in text order."""
    anchor = None
    if isinstance(published, datetime):
        anchor = published.date()  # the article's own local date, not UTC
    elif isinstance(published, date):
        anchor = published
    index = {id(m): i for i, m in enumerate(mentions)}

    def following(m):
        i = index.get(id(m))
        return mentions[i + 1] if i is not None and i + 1 < len(mentions) else None

    ctx = _Context(text, anchor, following)
    _numeric_order(text, mentions)
    line = _dateline(text)
    for m in mentions:
        _resolve_one(m, ctx)
        if "week_of_month" in m.spec:
            _week_of_month(m)
        if m.type == "DATE" and m.value[:1].isdigit() and _BEFORE_CHRIST.match(text, m.end):
            # "the 11th Century B.C.": not a date of our era. TIMEX3 marks it "BC"; the
            # calendar cannot place it, and the user is told rather than shown 1001-1100.
            m.value = "BC" + m.value
            m.warnings.append(f'"{m.text}" is before Christ (B.C.).')
            continue
        if m.type == "DATE" and m.value[:4].isdigit():
            ctx.last_at = m.end
            ctx.dated.append(m)
        if m.type == "DATE" and m.value[:4].isdigit() and _WRITTEN_YEAR.search(m.text):
            # (and a year heading an entry of a dated list: "2025 - Peace talks resume in May")
            in_a_frame = _FRAME_BEFORE.search(text, max(0, m.start - 40), m.start) is not None
            heads_an_entry = not in_a_frame and m.precision == "year" and list_entry_day(text, m)
            ctx.written_year = (int(m.value[:4]), m.end, heads_an_entry) if in_a_frame or heads_an_entry else None
        if m.precision == "day" and not m.spec.get("weekday_only") and not m.spec.get("relative"):
            parsed = parse_value(m.value[:10])
            if parsed:
                ctx.last_day = (parsed[0], m.end)
        if m.precision == "quarter":
            ctx.last_quarter_end = m.end
        if m.type == "DATE" and m.precision in ("day", "month") and list_entry_day(text, m):
            parsed = parse_value(m.value[:10])
            if parsed:
                own_year = not m.spec.get("year_inferred") or "year_told" in m.spec
                ctx.list_entry = (parsed[0], m.end, own_year)
        if line and m.start >= line[0] and m.end <= line[1] and m.type == "DATE":
            # "SYDNEY, March 21 (Reuters) -": the story's own day anchors what follows.
            m.spec["role"] = "dateline"
            parsed = parse_value(m.value)
            if parsed and parsed[1] == "day":
                ctx.anchor = parsed[0]
    _days_of_a_named_week(text, mentions)
    _check_apposition(text, mentions, anchor)
    _weekdays_listed_together(text, mentions, ctx.anchor)
    _times_take_the_day_beside(text, mentions)
    _times_take_the_day_told_before(text, mentions, anchor)
    _recurring_times(text, mentions)
    _the_year_in_apposition(text, mentions)
    _quoted_days_count_from_the_telling(text, mentions)
    return mentions


_DWORD_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2}
_OPEN_QUOTES = "\"“"
_CLOSE_QUOTES = "\"”"
# A telling beside a quotation, with its day: '..." the minister said on Friday', 'he told
# reporters Friday: "...'
_TELLING = re.compile(r"(?i)\b(?:said|says|told|added|stated|declared|insisted|wrote|tweeted|posted)\b")
_QUOTE_REACH = 400  # characters: how far a quotation may run from its opening mark


def _quoted_days_count_from_the_telling(text: str, mentions: list[Mention]) -> None:
    """ "We spoke yesterday," the minister told reporters on Friday: in a quotation, "today",
    "yesterday" and "tomorrow" count from the day it was said, where the telling beside the
    quotation names that day, not from publication."""
    starts = [m.start for m in mentions]  # (in text order, as the tagger gives them)
    for m in mentions:
        word = " ".join(m.spec.get("dword", "").lower().split())
        if word not in _DWORD_OFFSET or m.anchor != "published" or not m.value[:4].isdigit():
            continue
        quote = _quotation_around(text, m.start, m.end)
        if quote is None:
            continue
        told = _day_of_telling_beside(text, quote, mentions, starts)
        if told is None:
            continue
        day, told_m = told
        said = shift(day, "day", _DWORD_OFFSET[word])
        if fmt(said, "day") == m.value[:10]:
            continue
        m.value = fmt(said, "day") + m.value[10:]
        m.anchor = "mention"
        m.warnings.append(f'"{m.text}" is in a quotation told on "{told_m.text}" ({fmt(day, "day")}), '
                          f"and is counted from that day.")


def _quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation marks around ``text[start:end]``, if any."""
    lo = max(0, start - _QUOTE_REACH)
    before = text[lo:start]
    opening = max(before.rfind(c) for c in _OPEN_QUOTES)
    if opening < 0:
        return None
    if "”" in before[opening + 1:] or before.count('"') % 2 == 0 and before[opening] == '"':
        return None  # the last mark before the word closes a quotation
    hi = min(len(text), end + _QUOTE_REACH)
    after = text[end:hi]
    closing = min((i for i in (after.find(c) for c in _CLOSE_QUOTES) if i >= 0), default=-1)
    if closing < 0:
        return None
    return lo + opening, end + closing


def _day_of_telling_beside(text: str, quote: tuple[int, int], mentions: list[Mention], starts: list[int]):
    """(day, mention) of the telling right after or right before the quotation, if it names one."""
    opening, closing = quote
    after_lo, after_hi = closing + 1, min(len(text), closing + 90)
    before_lo, before_hi = max(0, opening - 90), opening
    for lo, hi in ((after_lo, after_hi), (before_lo, before_hi)):
        window = text[lo:hi]
        stop = _SENTENCE_END.search(window) if lo == after_lo else None
        if stop is not None:
            hi = lo + stop.start()
        elif lo == before_lo:
            ends = [e.end() for e in _SENTENCE_END.finditer(window)]
            if ends:
                lo += ends[-1]  # (the telling is in the quotation's sentence)
        if not _TELLING.search(text, lo, hi):
            continue
        first = bisect.bisect_left(starts, lo)
        for t in mentions[first : bisect.bisect_right(starts, hi)]:
            if t.end <= hi and t.type in ("DATE", "TIME") and t.precision in ("day", "hour", "minute"):
                parsed = parse_value(t.value[:10])
                if parsed and parsed[1] == "day":
                    return parsed[0], t
    return None


_COMMA_GAP = re.compile(r"\s*,\s*")


def _the_year_in_apposition(text: str, mentions: list[Mention]) -> None:
    """ "signed an accord in 2003, the year a regional war ended": "the year" set off right after
    a date is that date's year, not the publication's."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        if (b.rule == "the_year" and b.text.lower() == "the year" and a.type == "DATE"
                and a.value[:4].isdigit() and _COMMA_GAP.fullmatch(text, a.end, b.start)):
            b.value, b.precision, b.anchor = a.value[:4], "year", "mention"
            b.spec["kind"] = "anaphoric"


# A clock time said to recur: "at 9 a.m. every day", "by 7 p.m. every evening", "daily at 8".
_RECURRING = r"(?:(?:every|each)\s+(?:day|morning|afternoon|evening|night)|everyday|daily|nightly)"
_RECURS_AFTER = re.compile(rf"(?i)\s*,?\s*{_RECURRING}\b")
_RECURS_BEFORE = re.compile(rf"(?i)\b{_RECURRING}\s+(?:at|from|until|till|by|around|before|after)\s+$")
_SET_GAP = re.compile(r"\s*(?:,|at|from|on)?\s*")


def _recurring_times(text: str, mentions: list[Mention]) -> None:
    """A clock time that recurs ("the shops open at 9 a.m. every day", "flights leave at 10 p.m.
    each Friday") is a SET, "XXXX-XX-XXT09:00" (each Friday: "XXXX-WXX-5T22:00"), not a time on
    the publication day."""
    for i, m in enumerate(mentions):
        if m.type != "TIME" or "T" not in m.value or m.value[:4] == "XXXX":
            continue
        clock = m.value[m.value.index("T"):]
        beside = [n for n in (mentions[i - 1] if i else None, mentions[i + 1] if i + 1 < len(mentions) else None)
                  if n is not None and n.type == "SET"
                  and _SET_GAP.fullmatch(text, min(m.end, n.end), max(m.start, n.start))]
        if beside:
            day = beside[0].value if beside[0].value.startswith("XXXX-WXX-") else "XXXX-XX-XX"
        elif _RECURS_AFTER.match(text, m.end) or _RECURS_BEFORE.search(text, max(0, m.start - 30), m.start):
            day = "XXXX-XX-XX"
        else:
            continue
        m.type, m.value = "SET", day + clock


_WEEKDAY_JOIN = re.compile(r"^\s*(?:,|-|–|to|through|till|until|and|or)?\s*$", re.IGNORECASE)


def _days_of_a_named_week(text: str, mentions: list[Mention]) -> None:
    """ "on Friday this week", "from Tuesday to Thursday next week": the weekdays are the days of
    the week named right after them (counted alone, "Thursday" could be today)."""
    for k, week in enumerate(mentions):
        if not (week.precision == "week" and week.spec.get("kind") == "relative"
                and str(week.spec.get("unit", "")).lower() == "week" and k > 0):
            continue
        bounds = parse_value(week.value)
        if bounds is None:
            continue
        monday = bounds[0]
        end = week.start
        for day in reversed(mentions[:k]):
            if not (day.spec.get("weekday_only") and _WEEKDAY_JOIN.match(text[day.end:end])):
                break
            iso = iso_weekday(day.spec)
            if iso is None:
                break
            _set(day, (monday + timedelta(days=iso - 1)).isoformat(), "day")
            day.anchor = "mention"
            day.spec["week_named"] = True  # (no tense moves it to another week)
            end = day.start



# What joins weekdays listed together: "Friday and Saturday", "late Friday or early Saturday",
# "Saturday, Sunday and Monday", "Friday, and on Saturday". (A range, "Tuesday to Thursday", is
# one mention already.)
_WEEKDAY_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))(?:\s+on)?\s*", re.IGNORECASE)


def _weekdays_listed_together(text: str, mentions: list[Mention], anchor: date | None) -> None:
    """Weekdays listed together are days of one stretch, in the order given.

    Each weekday alone is read by the tense near it, and two read alone can fall in different
    weeks: "electing a successor late Friday or early Saturday", in a Friday story, would be
    today and last Saturday. (A list may give the latest day first, "statements made Friday and
    Thursday", each a day or two before the last.) Where the days read alone are neither, the one
    that is the publication day holds (news names today by its weekday), or else the last one
    when they were read as past, the first when read as ahead; the others are placed from it.
    Each day so moved says so and is less sure.
    """
    if anchor is None:
        return
    run: list[Mention] = []
    for m in [*mentions, None]:
        weekday = m is not None and "weekday_only" in m.spec
        if weekday and run and _WEEKDAY_LIST_GAP.fullmatch(text, run[-1].end, m.start):
            run.append(m)
            continue
        if len(run) > 1 and all(map(_listable_weekday, run)):
            _place_in_order(run, anchor)
        run = [m] if weekday else []


def _listable_weekday(m: Mention) -> bool:
    return (bool(m.spec.get("weekday_only")) and not m.spec.get("week_named") and not m.spec.get("conflict_with")
            and m.precision == "day" and iso_weekday(m.spec) is not None and parse_value(m.value[:10]) is not None)


def _place_in_order(run: list[Mention], anchor: date) -> None:
    days = [parse_value(m.value[:10])[0] for m in run]
    steps = [(b - a).days for a, b in zip(days, days[1:], strict=False)]
    if all(step > 0 for step in steps) and sum(steps) < 7:
        return  # in order within a week
    if all(-2 <= step < 0 for step in steps):
        return  # the latest first, each a day or two before the one listed before it: "made Friday and Thursday"
    if str(run[0].spec.get("dir", "")).lower() in ("last", "next", "this"):
        k = 0  # "on last Monday and Tuesday": the word that places the first places the list
    elif anchor in days:
        k = days.index(anchor)
    else:
        k = len(run) - 1 if days[0] <= anchor else 0
    placed = list(days)
    for i in range(k + 1, len(run)):  # each later day: the first such weekday after the one before
        placed[i] = placed[i - 1] + timedelta(days=(iso_weekday(run[i].spec) - placed[i - 1].isoweekday() - 1) % 7 + 1)
    for i in range(k - 1, -1, -1):  # each earlier day: the last such weekday before the one after
        placed[i] = placed[i + 1] - timedelta(days=(placed[i + 1].isoweekday() - iso_weekday(run[i].spec) - 1) % 7 + 1)
    held = run[k]
    for m, was, day in zip(run, days, placed, strict=True):
        m.spec["listed"] = True  # (no tense moves one of them to another week)
        if day == was:
            continue
        m.value = day.isoformat() + m.value[10:]
        m.confidence = min(m.confidence, 0.8)
        m.warnings.append(
            f'"{m.text}" is listed with "{held.text}", so it is taken as {_WEEKDAY_NAMES[day.weekday()]}, '
            f"{day_words(day)}, the days listed together being one stretch in the order given; "
            f"read alone it would be {day_words(was)}.")


def _resolve_day_of_month(m: Mention, ctx: _Context, kind: str, get_tense) -> None:
    """ "the 12th of this month"; "on the 15th" alone, of the month the tense points to: this
    month's if that day is past and the tense is (or the day is ahead and so is the tense),
    else the month before or after. A day alone is a guess, and says so."""
    anchor = ctx.anchor
    d = _day(m.spec)
    if anchor is None or not d:
        _set(m, "", None)
        return
    first = anchor.replace(day=1)
    if kind == "day_of_relative_month":
        month = shift(first, "month", {"this": 0, "last": -1, "next": 1}[m.spec["dir"].lower()])
    else:
        ahead = get_tense() == "future" or (get_tense() is None and 0 < d - anchor.day <= 7)
        if ahead:
            month = first if d >= anchor.day else shift(first, "month", 1)
        else:
            month = first if d <= anchor.day else shift(first, "month", -1)
    try:
        day = month.replace(day=d)
    except ValueError:
        _impossible(m)
        return
    _set(m, day.isoformat(), "day")
    m.anchor = "published"
    ctx.last = (day, "day")
    if kind == "ordinal_day":
        m.confidence = min(m.confidence, 0.7)
        m.warnings.append(f'"{m.text}" gives only the day of the month; {day_words(day)} is taken from '
                          f"the tense and the publication date.")


def _week_of_month(m: Mention) -> None:
    """ "the last week of April": the week, worked out from the month's value (kept in the
    spec: a year weighed again later is the month's, and the week follows it)."""
    parsed = parse_value(m.value)
    if parsed is None or parsed[1] != "month":
        return  # (a month the calendar could not place stays as it is)
    m.spec["month_value"] = m.value
    _set(m, week_of_month(parsed[0], m.spec["week_of_month"]), "week")


def _numeric_order(text: str, mentions: list[Mention]) -> None:
    """Read "12/03/2026" day first where the article writes its numeric dates day first.

    One date that can only be day first ("25/03/2026", an "Updated: 22-05-2023" line)
    and none that can only be month first ("03/25/2026") settle how the article's
    other numeric dates read.
    """
    numeric = [m for m in mentions if "first" in m.spec]
    if len(numeric) < 2:
        return  # (most articles: no numeric date, or one with nothing to go by)
    day_first = [m for m in numeric if int(m.spec["first"]) > 12 >= int(m.spec["second"])]
    month_first = [m for m in numeric if int(m.spec["second"]) > 12 >= int(m.spec["first"])]
    if day_first and not month_first:
        for m in numeric:
            m.spec["day_first"] = text[day_first[0].start : day_first[0].end]


# What may stand between a clock time and the date it belongs to: "7 a.m. local time
# (0500 GMT) on Friday", "Friday at 7 a.m. (0500 GMT)".
# "... during Monday's referendum" too.
_GAP = r"\s|,|\(|\)|[Ll]ocal\s+time|\bin\s+[A-Z][\w'-]*(?:\s+(?!On\b|At\b)[A-Z][\w'-]*)?"
_TIME_TO_DAY = re.compile(rf"(?:{_GAP}|\b(?:on|at|during)\b)*")
# Between two clock times of one span, also its joiner: "open at 7 am until 5 pm on Monday" (a
# time before "until Monday" is no time of Monday: "the curfew runs from 7 pm until Monday").
_JOINER = r"\b(?:until|till|to|through)\b|[-–]"
_SPAN_JOINER = re.compile(_JOINER)
_APART = re.compile(rf"{_JOINER}|\b(?:and|during)\b")
_TIME_TO_TIME = re.compile(rf"(?:{_GAP}|\b(?:on|at|and)\b|{_JOINER})*")


def _minutes(clock: str) -> int | None:
    """ "22:15" -> 1335; None where the value has no clock time."""
    if len(clock) != 5 or clock[2] != ":" or not (clock[:2] + clock[3:]).isdigit():
        return None
    return int(clock[:2]) * 60 + int(clock[3:])


def _times_take_the_day_told_before(text: str, mentions: list[Mention], published: date | None) -> None:
    """A clock time with no day beside it takes a day told before it, in its sentence or the
    one before, rather than the publication day, where the words say the time is that day's:

    - something is told to have occurred at it, and the day is the last told of a thing that
      happened: "Three buses collided in Nepal on Tuesday, police said Wednesday. The accident
      took place at around 5:30 p.m.": Tuesday's 5:30 p.m. A day of telling ("said
      Wednesday") is not the day of what was told;
    - the nearest day told before is ahead of publication, in the same paragraph, and the
      time is not told in the past: "Voting opens on Monday. Polls close at 7 p.m.", "The final is on Tuesday.
      Kick-off is at 8 p.m.": the plan's day (not "The dollar closed at 110 yen on Friday. At
      3 p.m. it traded at 111", today's time after a day gone by).

    The doubt is said, and the confidence lowered.
    """
    if published is None:
        return
    pub = published.isoformat()
    for i, m in enumerate(mentions):
        if m.type != "TIME" or not m.spec.get("day_of_anchor"):
            continue
        if not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip() and list_entry_day(text, m):
            continue  # "12:15 GMT - The Council will vote on Monday": a live report's stamp
        occurred = _OCCURRED_AT.search(text, max(0, m.start - 40), m.start) is not None
        for n in reversed(mentions[:i]):
            if n.type != "DATE" or n.precision != "day" or not _DAY_VALUE.match(n.value):
                continue
            if len(_SENTENCE_BREAK.findall(text, n.end, m.start)) > 1:
                break  # (further back than the sentence before: no longer the day in view)
            if _TOLD_BEFORE.search(text, max(0, n.start - 30), n.start):
                continue  # the day something was said
            if n.value > pub:
                if (occurred or tense_near(text, m.start, m.end) == "past"
                        or _quotation_around(text, n.start, n.end) is not None
                        or not _prose_runs_on(text, n.end, m.start)):
                    # A time gone by is not the coming day's; nor is a time after a quotation's
                    # "tomorrow", or after lines that are no prose (an entry of a day's diary,
                    # a wire's advisory "600 words around 1115 GMT" under a story of
                    # Thursday's election).
                    break
            elif not occurred:
                break  # the day told before is gone by, and nothing says the time is its
            day = n.value[:10]
            if day != m.value[:10]:
                m.value, m.anchor = day + m.value[10:], "mention"
                m.warnings.append(f'"{m.text}" has no day of its own: taken as the day of '
                                  f'"{n.text}" ({day_words(date.fromisoformat(day))}), told before it.')
                m.confidence = min(m.confidence, 0.8)
            del m.spec["day_of_anchor"]
            break


def _prose_runs_on(text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` to ``end`` runs on as prose: within a paragraph, or
    across line breaks after a sentence's end, with no line opening as a list entry."""
    if "\n" not in text[start:end]:
        return True
    if not _SENTENCE_END_BEFORE.search(text, start, text.find("\n", start, end) + 1):
        return False  # "Thursday's general elections\nBritain-vote-press\n600 words around"
    return not _LIST_LINE.search(text, start, end)


# A sentence's end, then the line break: "... with clocks moving one hour ahead.\n"
_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’)]?[ \t]*\n")
_LIST_LINE = re.compile(r"\n[ \t]*(?:[-*•–—]|\d+[.)])[ \t]")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d$")
# "The accident took place at around", "The blast occurred shortly after": a thing already told
# of, whose time is given (not "At 5 p.m., the dollar traded at ...", today's).
_OCCURRED_AT = re.compile(
    r"(?i)\b(?:took\s+place|occurred|happened|struck|erupted|broke\s+out|went\s+off|exploded)\s+"
    r"(?:(?:at|on|in|shortly|just|soon|some\s+time|sometime|after|before|around|about|approximately|roughly)\s+)*$")
# A day of telling: "police said Wednesday", "told reporters on Monday".
_TOLD_BEFORE = re.compile(
    r"(?i)\b(?:said|says|told|announced|reported|added|stated|confirmed|disclosed|quoted|cited)"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:on\s+)?$")


def _times_take_the_day_beside(text: str, mentions: list[Mention]) -> None:
    """A clock time with no day of its own takes the day of a date written beside it.

    "The truce began at 7 a.m. local time (0500 GMT) on Friday": both times are
    Friday's, not the publication day's. The date after the time is looked at first
    (its usual place in news copy), then the one before.
    """
    def day_of(n: Mention, m: Mention) -> str | None:
        if n.type not in ("DATE", "TIME") or n.spec.get("day_of_anchor"):
            return None
        if not (parse_value(n.value[:10]) and len(n.value) >= 10):
            return None
        if n.spec.get("tz") and not m.spec.get("tz") and "day_from" not in n.spec:
            # "8:30 a.m. (2330 GMT Thursday)": in Tokyo it is Friday already. The local day is
            # the one that puts the place's clock within a real offset of the zone's (UTC-12
            # to UTC+14).
            local, zoned = _minutes(m.value[11:16]), _minutes(n.value[11:16])
            if local is None or zoned is None:
                return None
            shift_days = 1 if local - zoned < -12 * 60 else -1 if local - zoned > 14 * 60 else 0
            return (date.fromisoformat(n.value[:10]) + timedelta(days=shift_days)).isoformat()
        return n.value[:10]

    for i in range(len(mentions) - 1, -1, -1):  # right to left: a time takes the day a later time took
        m = mentions[i]
        if not m.spec.get("day_of_anchor"):
            continue
        for j in (i + 1, i - 1):
            if not 0 <= j < len(mentions):
                continue
            n = mentions[j]
            a, b = (m.end, n.start) if j > i else (n.end, m.start)
            between = _TIME_TO_TIME if n.type == "TIME" else _TIME_TO_DAY
            day = day_of(n, m) if 0 <= b - a <= 40 and between.fullmatch(text, a, b) else None
            if (day is not None and j > i and n.type == "TIME" and m.value[11:16] > n.value[11:16]
                    and _SPAN_JOINER.search(text, a, b)):
                # "from 7 pm until 6 am on Monday": a span through the night starts the day before
                day = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
            if day is not None:
                if day != m.value[:10]:
                    m.value, m.anchor = day + m.value[10:], "mention"
                del m.spec["day_of_anchor"]
                m.spec["day_from"] = (n.start, n.end)  # (one event with it, see events.reconcile)
                if _APART.search(text, a, b):
                    # "at 7 am until 5 pm", "at 5 pm during Monday's referendum": the day, but
                    # each end of a span and the event it is a time of are events of their own
                    m.spec["day_from_apart"] = True
                break
