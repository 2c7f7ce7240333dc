"""Events dated by counting from a dated one.

"Members took up their seats Wednesday, a day after the assembly approved special
status for Savimbi": the sentence dates its main event (Wednesday), and the phrase
beside that date dates another one, the approval, a day before it. The hedges and
examples are data (``data/anchors.json``, "counted"); the event is built in
:mod:`.build`.

Only a phrase right beside its date counts ("<date>, a day after ...", or "A day
after ..., <clause with one date>"): in "The law, passed in 2010, took effect two
years after it was signed" the amount belongs to "took effect", which is not dated.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..temporal.mention import Mention
from ..temporal.numbers import parse_number
from .anchors import counted_data
from .sentences import Sentence


@dataclass(frozen=True, slots=True)
class CountedPhrase:
    start: int          # "<hedge> <amount> after", offsets into the text
    end: int
    text: str
    amount: str         # "a day", "five days"
    n: int
    unit: str           # day, week, month or year
    sign: int           # -1: "after" (the other event is that much earlier); +1: "before"
    mod: str            # "" or APPROX ("nearly four weeks after"): how exact the amount is
    what_start: int     # the other event's words
    what_end: int
    base: Mention | None  # the date it is counted from (None: the event told just before)


_NUMBER = (r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\d{1,3}")


@lru_cache(maxsize=1)
def _hedges() -> dict[str, str]:
    return {k.lower(): v for k, v in counted_data()["hedges"].items()}


@lru_cache(maxsize=1)
def _regex() -> re.Pattern:
    """"<hedge> <amount> after", ending where the string (or the search's endpos) ends."""
    hedges = "|".join(sorted((re.escape(h).replace(r"\ ", r"\s+") for h in _hedges()), key=len, reverse=True))
    return re.compile(
        # wherever a word starts: whether it counts from a date is for _base to say
        r"(?<![\w'’-])"
        rf"(?P<phrase>(?:(?P<hedge>(?i:{hedges}))\s+)?"
        rf"(?P<amount>(?P<the>(?i:the)\s+day)|(?P<num>(?i:{_NUMBER}))(?:-|\s+)(?i:full\s+)?"
        r"(?P<unit>(?i:day|week|month|year))s?)\s+(?P<rel>(?i:after|before)))\Z"
    )


# Where a phrase can end: each "after" and "before" of a sentence.
_RELATION = re.compile(r"(?i)(?<![\w'’-])(?:after|before)(?![\w'’-])")
# How far before its "after" a phrase can start ("approximately twenty-five years").
_PHRASE_REACH = 48
# Where the other event's words start: words, not "that" or "which" standing for something
# said already ("two days after that.").
_WHAT_START = re.compile(r"\s+(?!(?i:that|which|this|then|it|so|and|or)\b\s*(?:[,.;:)]|$))(?=[\w\"“‘'])")


def _phrases(t: str, pos: int = 0):
    """(match, where the other event's words start) of each counted phrase in ``t``.

    Found from the relation word back, so a sentence is scanned once for "after" and
    "before", not at every word for an amount."""
    for rel in _RELATION.finditer(t, pos):
        m = _regex().search(t, max(pos, rel.start() - _PHRASE_REACH), rel.end())
        if m is None:
            continue
        what = _WHAT_START.match(t, rel.end())
        if what is not None:
            yield m, what.end()


# Where the other event's words end: a break, a parenthesis, a dash between spaces.
_WHAT_STOP = re.compile(r"[,;:(]|\s[—–-]\s")
_WHAT_TAIL = " \t\r\n.!?\"”’'"


def _what_end(text: str, start: int, stop: int) -> tuple[int, bool]:
    """Where the other event's words end, and whether a break ends them: before a break, a
    parenthesis, a dash between spaces, else at ``stop``, without the spaces and closing
    marks before it. (A search and a strip: a pattern ending in "\\s*$" is tried from every
    place of a run of spaces, which a hostile text can make long.)"""
    found = _WHAT_STOP.search(text, start, stop)
    end = found.start() if found else stop
    return start + len(text[start:end].rstrip(_WHAT_TAIL if found is None else " \t\r\n")), found is not None
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")


def find_counted(text: str, s: Sentence, mentions: list[Mention]) -> list[CountedPhrase]:
    """The counted phrases of sentence ``s`` whose date is one of ``mentions`` (the
    sentence's dates that name events, in text order)."""
    items = [(m, s.start + at) for m, at in _phrases(s.text)]
    if not items:
        return []  # (most sentences)
    # "a day after the assembly approved ... and five years after their election": one
    # phrase's words end where the next phrase starts, and the two count from one date.
    # (Each phrase's words are looked at up to the next phrase only: the time stays
    # linear in the sentence's length however many phrases it holds.)
    chains: list[list] = []
    for k, (m, what_start) in enumerate(items):
        start = s.start + m.start("phrase")
        nxt = s.start + items[k + 1][0].start("phrase") if k + 1 < len(items) else s.end
        what_end, broken = _what_end(text, what_start, nxt)
        item = [m, what_start, what_end]
        last = chains[-1][-1] if chains else None
        if last is not None and (not last[3] or _JOINED.fullmatch(text, last[2], start)):
            if not last[3]:  # no break before this phrase: the last one's words end here
                last[2] = _trimmed(text, last[1], start)
            chains[-1].append(item + [broken])
        else:
            chains.append([item + [broken]])
    starts = [x.start for x in mentions]
    out = []
    for chain in chains:
        head = chain[0][0]
        base = _base(text, s, head, chain[-1][2], mentions, starts)
        if base is None:
            continue
        for m, what_start, what_end, _ in chain:
            # Two words at least: "two days after he left", not "a week after Easter" (a
            # holiday's date is the tagger's business) or "days after Ankara".
            if len(_WORDS.findall(text, what_start, what_end)) < 2:
                continue
            k = bisect.bisect_left(starts, what_start)
            if k < len(starts) and starts[k] < what_end:
                continue  # "eight days before the election on May 1": it has its own date
            out.append(_phrase(s, m, what_start, what_end, base))
    return out


# The words between a counted phrase and the date of the event it names: a few words and
# "on" or "in" ("a day after the election on November 5", "a year after joining the police
# in 1992"), no verb in the past ("ten days after Chirac called the ballot scheduled for
# May 25": that date is the ballot's, not the call's).
_TO_OWN_DATE = re.compile(r"\s*(?:[\w'’-]+\s+){1,6}?(?:on|in)\s+")
_PAST_OR_PARTICIPLE = re.compile(r"(?i)(?<![\w'’-])[a-z]+ed(?![\w'’-])|\b(?:was|were|had)\b")


def find_counted_ahead(text: str, s: Sentence, mentions: list[Mention]) -> list[CountedPhrase]:
    """ "The parliament will vote on the bill the day after the election on November 5": a
    phrase whose other event has its own date, in a sentence with no date before the phrase.
    The date is the other event's; the sentence's event is counted from it (``base``, with
    ``what_start``/``what_end`` the sentence's words before the phrase)."""
    items = list(_phrases(s.text))
    if not items:
        return []  # (most sentences)
    out = []
    for m, at in items:
        start = s.start + m.start("phrase")
        if any(s.start <= x.start < start for x in mentions):
            continue  # the sentence dates its event before the phrase: see find_counted
        what_start = s.start + at
        what_end, _ = _what_end(text, what_start, s.end)
        inside = [x for x in mentions if what_start <= x.start < what_end]
        if len(inside) != 1 or inside[0].end < what_end - 1:
            continue  # no date, two dates, or words after it that may be another event's
        date = inside[0]
        gap = _TO_OWN_DATE.fullmatch(text, what_start - 1, date.start)
        if gap is None or _PAST_OR_PARTICIPLE.search(text, what_start, date.start):
            continue
        main_end = s.start + len(text[s.start:start].rstrip(" ,;"))  # the sentence's words before it
        if len(_WORDS.findall(text, s.start, main_end)) < 2:
            continue
        phrase = _phrase(s, m, s.start, main_end, date)
        # The sentence's event is counted from the other's: the other way round.
        out.append(CountedPhrase(phrase.start, phrase.end, phrase.text, phrase.amount, phrase.n,
                                 phrase.unit, -phrase.sign, phrase.mod, phrase.what_start,
                                 phrase.what_end, date))
    return out


# "The vote comes", "The announcement came", "It came": the sentence goes back to the
# event told just before, and what it follows or precedes is counted from that event.
_RETOLD = re.compile(
    r"\s*(?:The|This|That|These|Those|It)\b[^.,;:()\"“”]{0,60}?\s(?:comes?|came|follows|followed)\s+"
    r"(?=[\w\s-]{1,60}?\s(?:after|before)\s)")


def find_retold(text: str, s: Sentence) -> CountedPhrase | None:
    """ "The vote comes three days before the summit ...", in a sentence without a date
    of its own: the phrase, to be counted from the date of the event told before."""
    if "came" not in s.text and "come" not in s.text and "follow" not in s.text:
        return None  # (most sentences: no verb of sequence at all)
    head = _RETOLD.match(s.text)
    if head is None:
        return None
    m, at = next(_phrases(s.text, head.end()), (None, 0))
    if m is None or m.start() != head.end():
        return None
    what_start = s.start + at
    what_end, _ = _what_end(text, what_start, s.end)
    if len(_WORDS.findall(text, what_start, what_end)) < 2:
        return None
    return _phrase(s, m, what_start, what_end, None)


# Between two phrases of one chain: a comma, "and", ", and".
_JOINED = re.compile(r"[\s,;]*(?:and\s+)?")


def _trimmed(text: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces, commas and "and" that join it to the next phrase."""
    words = text[start:end].rstrip(" \t\r\n,;")
    if words.endswith("and") and (len(words) == 3 or words[-4] in " \t\r\n,;"):
        words = words[:-3].rstrip(" \t\r\n,;")
    return start + len(words)


# Between the date and its phrase: a break ("Wednesday, a day after", "Thursday a day
# after"), or the rest of the subject and a verb of sequence ("Tuesday's accident came just
# a week after", "The attack on Monday came a day after").
_BETWEEN = re.compile(
    r"[\s)\]]*[,;(]?\s*(?:[—–-]\s*)?"
    r"|(?:['’]s(?:\s+[\w-]+){1,3})?\s+(?:came|comes|come|follows|followed)\s+")


_LEADING_BLANKS = re.compile(r"\s*")
# Before a date that opens a sentence, and after it (the comma that sets it off), and the
# comma that sets off a phrase at the end of the main clause.
_OPENS = re.compile(r"\s*(?:(?i:on|by)\s+)?")
_SET_OFF = re.compile(r"\s*,")
_COMMA_BEFORE = re.compile(r",\s*\Z")


def _base(
    text: str, s: Sentence, m: re.Match, what_end: int, mentions: list[Mention], starts: list[int]
) -> Mention | None:
    """The date the phrase counts from: the one right before it ("Wednesday, a day
    after"), or, for a phrase that opens the sentence, the one date of the clause
    after it (``what_end`` on: "A day after ..., he flew to Kabul on Monday")."""
    start = s.start + m.start("phrase")
    k = bisect.bisect_right(starts, start)  # the mentions starting before the phrase
    while k and mentions[k - 1].end > start:
        k -= 1
    if k:
        last = mentions[k - 1]
        gap = text[last.end : start]
        if _BETWEEN.fullmatch(gap):
            return last
        if (k == 1 or mentions[k - 2].end <= s.start) and _OPENS.fullmatch(text, s.start, last.start) and (
                _SET_OFF.match(text, last.end) and _COMMA_BEFORE.search(text, last.end, start)):
            # "On Wednesday, the president will travel to Paris, a day after meeting his Chinese
            # counterpart": a date that opens the sentence dates its main clause, which the
            # phrase, set off by a comma at its end, counts from.
            return last
        if (k == 1 or mentions[k - 2].end <= s.start) and _COMMA_BEFORE.search(text, last.end, start):
            # "EU ministers on Monday agreed new sanctions on Iran, diplomats said, a week after
            # Kyiv accused Tehran ...": the sentence's one date before the phrase dates the main
            # clause, which the phrase, set off by a comma at its end, counts from
            return last
        return None
    if _LEADING_BLANKS.match(s.text).end() != m.start("phrase"):
        return None  # (not at the sentence's head)
    k = bisect.bisect_left(starts, what_end)
    return mentions[k] if len(mentions) - k == 1 and text[what_end : what_end + 1] == "," else None


def _phrase(s: Sentence, m: re.Match, what_start: int, what_end: int, base: Mention | None) -> CountedPhrase:
    sign = -1 if m.group("rel").lower() == "after" else 1
    if m.group("the"):
        n, unit = 1, "day"
    else:
        n, unit = int(parse_number(m.group("num")) or 1), m.group("unit").lower()
    mod = _hedges().get(" ".join((m.group("hedge") or "").lower().split()), "")
    return CountedPhrase(
        s.start + m.start("phrase"), s.start + m.end("phrase"), m.group("phrase"),
        " ".join(m.group("amount").split()), n, unit, sign, mod, what_start, what_end, base,
    )
