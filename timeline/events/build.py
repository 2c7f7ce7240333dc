"""From a document and its date mentions to events.

document -> sentences -> date mentions per sentence -> groups (one event each)
-> date chosen (conflicts weighed), clause, status, title, actors, category
-> events dated by another event ("after the Tokyo talks") -> captions folded in.

Mentions that name no event are skipped: the publication line and datelines
(they date the report, not an event), durations and sets ("for decades",
"every week"), vague references ("now", "recently") and figurative
possessives ("today's Ukraine").
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

import pandas as pd

from ..document import Document
from ..temporal.calendar import PRECISION_RANK, fmt, moving_day, shift, week_of_month
from ..temporal.intervals import value_bounds
from ..temporal.mention import Mention
from ..temporal.resolver import (
    ahead_of_between,
    called_for_between,
    list_entry_day,
    speaks_of_the_past,
    tense_near,
)
from .actors import ActorIndex, country_name, known_name, names_and_countries
from .anchors import event_nouns, find_anchor_event, find_anchor_phrase
from .categories import classify
from .clauses import Clause, clause_of
from .counted import CountedPhrase, find_counted, find_counted_ahead, find_retold
from .event import Event
from .happened import (
    TENSE,
    happened_by_wording,
    names_an_issued_thing,
    past_event_nouns,
    past_noun_right_before,
)
from .reconcile import (
    Group,
    day_of,
    fmt_day,
    group_mentions,
    merge_captions,
    resolve_conflict,
    weekday_of,
)
from .sentences import Sentence, split_sentences
from .status import AHEAD_BUT_PAST, cue_status, decide_status, past_cue_governs
from .titles import make_title, noun_phrase_after, told_title
from .verbs import IRREGULAR_PAST, own_verb_tense, past_verb_before

_DEICTIC_DAY = re.compile(r"(?i)^(?:to|yester)day$|^tomorrow$|^tonight$")
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
# A capitalized word right before a year that is no month and no preposition or other word
# opening a phrase of time ("In 2008", "Early 2008"): a name such as "Vision 2030", "Agenda 2063",
# "Beijing 2008".
_NAME_BEFORE_A_YEAR = re.compile(
    r"\b(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$)(?!(?:In|On|At|By|Since|Until|Till|"
    r"After|Before|From|During|For|Through|Throughout|Of|The|And|Or|But|Between|Around|About|Early|Late|Mid|"
    r"Summer|Winter|Spring|Autumn|Fall|Fiscal|Calendar|Year|Back|Also|Circa|Over|Under|Within|Beyond|To|As|"
    r"Then|Like|Unlike|Last|Next|This|That|Only|Even|Not)\s)[A-Z][a-z]+\s+$")
_YEAR_ALONE = re.compile(r"\d{4}")
# A year that sets a measure's baseline ("cut emissions by 2030 from 1990 levels", "in 2015
# prices") names no event of that year.
_BASELINE_AFTER = re.compile(r"[ \u00a0-](?:levels?|prices|terms|baselines?)\b", re.IGNORECASE)
_YEAR_WRITTEN = re.compile(r"\b\d{4}\b|['’]\d{2}\b")
_MONTH_NAME = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b"
)
_YEAR_FROM_CONTEXT = re.compile(
    r"(?i)\b(?:last|next|this|coming|past|previous|following|preceding|that|same)\b"
    r"(?!\s+(?:week|half|fortnight|day|(?:few\s+|ten\s+)?days)\s+of\b)")  # not "the last week of", "the last day of"
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_DATE_SHAPE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
# "(Reuters) -", " — ", or an agency in brackets alone: "New Delhi, Nov 2 (PTI) The ...".
_DATELINE_END = re.compile(r"\s*(?:\([A-Z][^)]{0,40}\)\s*(?:[-–—:]+\s*)?|[-–—:]+\s*)")
# What stands before the date in a dateline: "BEIJING, ", "MANILA/BEIJING, " or "Kuala Lumpur, Malaysia, ".
_DATELINE_PLACE = re.compile(r"^[A-Z][\w .'’/-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30})?,\s*$")

INFERRED_YEAR_FACTOR = 0.9
# A weekday alone read as five or six days back (see _event).
_FAR_BACK_DAYS = frozenset((5, 6))
# A participle and the infinitive it governs, before a date with no break between ("sentenced
# to die by lethal injection at ...").
_INFINITIVE_BEFORE = re.compile(
    r"(?i)\b[a-z]{3,}ed\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those)\b)[a-z]+\b[^,;:()]*$")
# A telling just before a weekday: "said on Sunday", "told the BBC on Sunday".
_TELLING_BEFORE_A_DAY = re.compile(
    r"(?i)\b(?:said|told|announced|stated|added|reported|declared|confirmed)\b(?:\s+(?!(?:that|would|will|could|should|might|may|to|was|were)\b)[\w'’.-]+){0,3}?"
    r"\s+(?:on\s+|late\s+|early\s+)?$")
FAR_BACK_FACTOR = 0.7
_PERSONAL_PRONOUNS = frozenset(("He", "She"))
# A guessed year kept against the tense (see _weigh_inferred_year): a real doubt.
TORN_YEAR_FACTOR = 0.7
RIVAL_YEAR_FACTOR = 0.7
# An event named by its day alone ("the September 11 attacks", "the June 4 crackdown") is as
# often one remembered from an earlier year as one of the publication's year.
REMEMBERED_FACTOR = 0.6
_REMEMBERED_EVENT = re.compile(
    r"(?i)\b(?:attacks?|bombings?|blasts?|crackdown|massacre|uprising|coup|revolution|riots?|killings?|"
    r"tragedy|disaster|earthquake|quake|tsunami|explosions?|assassination|hijackings?|war)\b")
_EARLIEST = pd.Timestamp.min.date() + timedelta(days=1)
_LATEST = pd.Timestamp.max.date() - timedelta(days=1)
APPROXIMATE_CONFIDENCE = 0.5
# A date worked out from another ("a day after" Wednesday) is as sure as that date, a little
# less: the amount is the writer's rounding; "nearly four weeks" less again.
COUNTED_FACTOR = 0.9
COUNTED_HEDGED_FACTOR = 0.8


def build_events(doc: Document, mentions: list[Mention]) -> list[Event]:
    """Events of ``doc`` from its date mentions (as the tagger returns them)."""
    text = doc.text
    sentences = split_sentences(text)
    if not sentences:
        return []
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < sentences[i].end:
            by_sentence.setdefault(i, []).append(m)
    datelines = [
        m for i, ms in by_sentence.items() for m in ms if _is_dateline(text, sentences[i], m)
    ]
    # Found here too when the tagger did not mark it; the tagger's mentions stay untouched.
    dateline_spans = {(m.start, m.end) for m in datelines}
    if dateline_spans:  # (without one, every sentence stays as it is)
        sentences = [
            _after_dateline(text, s, [m for m in by_sentence.get(i, []) if (m.start, m.end) in
                                      dateline_spans])
            for i, s in enumerate(sentences)
        ]
    sentences = [_after_placeline(text, s) for s in sentences]
    actors = ActorIndex(text)
    days = _Days()
    published = doc.published
    by_sentence = {i: [_horizon(text, m, published) for m in ms] for i, ms in by_sentence.items()}

    eligible: dict[int, list[Mention]] = {
        i: _without_told_weeks(text, [m for m in ms if (m.start, m.end) not in dateline_spans
                                      and _names_event(text, m)])
        for i, ms in by_sentence.items()
    }
    groups = {
        i: [g for g in group_mentions(text, ms) if not _a_base_compared_with(text, g.mentions[0])]
        for i, ms in eligible.items() if ms
    }
    # Independent support for conflicts: single-day readings elsewhere in the article.
    support: list[tuple[Mention, str]] = [
        (g.mentions[0], sentences[i].kind)
        for i, gs in groups.items()
        for g in gs
        if g.kind == "single" and weekday_of(g.mentions[0]) is None
    ]

    events: list[Event] = []
    weekdays: list[tuple[Event, Mention]] = []  # events dated by a weekday alone, with it
    for i, gs in sorted(groups.items()):
        s = sentences[i]
        if s.kind == "heading":
            continue
        spans = [(m.start, m.end) for m in eligible[i]]
        if _only_dates(s, spans):
            continue  # a date line ("November 2, 2024", "Updated: ...") dates the page, not an event
        own: list[Event] = []
        prev: Event | None = None  # the sentence's last event with a date
        for g in gs:
            others = (
                [(m, k) for m, k in support if not (s.start <= m.start < s.end)]
                if g.kind == "conflict"
                else []
            )
            ev = _event(text, s, g, spans, others, published, actors, days)
            if ev is not None:
                if i and ev.title.split(" ", 1)[0] in _PERSONAL_PRONOUNS:
                    _name_the_pronoun(ev, sentences[i - 1], actors)
                _weigh_dateline(ev, g, datelines, published)
                if s.kind == "caption":
                    _weigh_file_photo(text, s, ev)
                _weigh_a_changed_date(text, s, g, ev)
                if prev is not None:
                    _run_forward(text, ev, g, prev, days, published)
                if any(o.date_value == ev.date_value and o.title == ev.title and o.status == ev.status
                       for o in own):
                    continue  # "China crushed Vietnam Thursday ... here on Thursday": one event, told twice
                if g.kind == "single" and g.mentions[0].spec.get("weekday_only") and ev.start is not None:
                    weekdays.append((ev, g.mentions[0]))
                own.append(ev)
                prev = ev if ev.start is not None else prev
        _night_before_the_telling(own, days)
        events.extend(_with_counted(text, s, eligible[i], own, events, published, actors, days))

    _untensed_weekdays_take_the_named_day(weekdays, days, published)
    for i, s in enumerate(sentences):
        if s.kind == "body" and not eligible.get(i):  # (a base compared with is a date too)
            ev = _retold_event(text, s, events, published, actors, days) or _anchored_event(
                text, s, events, published, actors, days)
            if ev is not None:
                events.append(ev)

    events = merge_captions(events)
    return _without_repeats(sorted(events, key=lambda e: (e.sentence_start, e.char_start)))


def _without_repeats(events: list[Event]) -> list[Event]:
    """``events`` less those whose sentence and date an earlier event has word for word: an
    article whose copy repeats a paragraph (or the whole text) tells each event once."""
    first: dict[tuple[str, str, str], int] = {}  # -> the sentence that told it first
    out = []
    for ev in events:
        key = (ev.evidence, ev.date_text, ev.date_value)
        told = first.setdefault(key, ev.sentence_start)
        if told == ev.sentence_start:  # (in one sentence, two mentions may be two events)
            out.append(ev)
    return out


_WEEK_OF = re.compile(r"(?i)\bthe\s+week\s+(?:of|beginning|starting|from)\s+$")
_SPAN_YEARS = {"decade": 10, "century": 100}
# "the past week", "the last month", "the past year": that much time up to publication, in words
_SPAN_LENGTHS = {"week": "7 days", "month": "month", "year": "12 months"}
# "the last week of April", "the last week before the vote": a period of something else
_PERIOD_OF_SOMETHING = re.compile(r"\s+(?:of|before|ahead|prior|preceding)\b")


def _period_words(value: str) -> str:
    """ "199" -> "the 1990s", "19" -> "the 20th century" (TIMEX3 decade and century values)."""
    if len(value) == 3 and value.isdigit():
        return f"the {value}0s"
    if len(value) == 2 and value.isdigit():
        n = int(value) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century"
    return value


def _span_to_publication(text: str, g: Group, published) -> tuple[str, str, str] | None:
    """(value, precision, warning) of "the past week", "the last month", "the past decade":
    the time up to publication ("2026-11-22/2026-11-29", "1996/2006"), where the words say
    nothing else. Not "last week" (the calendar's week before this one), nor "the last decade
    of the 20th century" or "the last week before the vote", periods of something else."""
    m = g.mentions[0]
    unit = str(m.spec.get("unit", "")).lower()
    if (g.kind != "single" or published is None or m.spec.get("kind") != "relative" or m.mod
            or not m.text.lower().startswith("the ") or str(m.spec.get("dir", "")).lower() not in ("past", "last")
            or unit not in (*_SPAN_YEARS, *_SPAN_LENGTHS) or _PERIOD_OF_SOMETHING.match(text, m.end)):
        return None
    day = _pub_day(published)
    calendar_reading = _period_words(m.value) if unit in _SPAN_YEARS else _calendar_words(m.value, unit)
    if unit in _SPAN_YEARS:
        value, precision = f"{day.year - _SPAN_YEARS[unit]:04d}/{day.year:04d}", "year"
        length = f"{_SPAN_YEARS[unit]} years"
    else:
        first, length = shift(day, unit, -1), _SPAN_LENGTHS[unit]  # (a month back: the same day, or the last one)
        value, precision = f"{first.isoformat()}/{day.isoformat()}", "day"
    shown = value.replace("/", "–") if precision == "year" else f"{fmt_day(first)} to {fmt_day(day)}"
    warning = f'"{m.text}" is taken as the {length} to publication ({shown}); it may mean {calendar_reading}.'
    return value, precision, warning


def _calendar_words(value: str, unit: str) -> str:
    """ "2026-W47" -> "the calendar week of November 16, 2026 to November 22, 2026",
    "2026-10" -> "October 2026", "2025" -> "the year 2025"."""
    bounds = value_bounds(value)
    if bounds is None:
        return value
    if unit == "week":
        return f"the calendar week of {fmt_day(bounds[0])} to {fmt_day(bounds[1])}"
    if unit == "month":
        return f"{bounds[0]:%B %Y}"
    return f"the year {value}"


def _untensed_weekdays_take_the_named_day(
    weekdays: list[tuple[Event, Mention]], days: _Days, published,
) -> None:
    """A weekday whose clause says nothing of its week ("Iraq goes to the polls on Thursday"),
    read back by default, is the day the article's other mentions of that weekday agree on,
    a week away ("contesting Thursday's election"): an article speaks of one Thursday."""
    if len(weekdays) < 2:
        return
    # The days each weekday is read as by mentions with words of their own, and one such event per day.
    named: dict[int, set[date]] = {}
    witnesses: dict[date, Event] = {}
    for ev, m in weekdays:
        if not m.spec.get("untensed") and not m.spec.get("dir"):
            # ("last Monday", "next Friday": the word sets that day apart from the plain "Monday"
            # told elsewhere, which is the nearer one: "dropped on Monday, ... rose on last Monday")
            named.setdefault(ev.start.weekday(), set()).add(ev.start.date())
            witnesses.setdefault(ev.start.date(), ev)
    for ev, m in weekdays:
        if not m.spec.get("untensed") or ev.date_value[:10] != m.value[:10]:
            continue  # (read by its own words, or moved by the event layer: its reading stands)
        days_named = named.get(ev.start.weekday(), ())
        if len(days_named) != 1:
            continue
        (day,) = days_named
        if abs((day - ev.start.date()).days) != 7:
            continue
        witness = witnesses[day]
        ev.date_value = day.isoformat() + ev.date_value[10:]
        ev.start, ev.end = days.bounds(ev.date_value)
        far_back = [w for w in ev.warnings if w.startswith(f'"{m.text}" is read as ')]
        if far_back:  # (the doubt it names is settled; its factor goes with it)
            ev.warnings = [w for w in ev.warnings if w not in far_back]
            ev.confidence /= FAR_BACK_FACTOR
        ev.warn(f'Nothing beside "{m.text}" says which week; it is taken as the {day:%A} the article '
                f'names elsewhere ("{witness.date_text}": {witness.title}), {fmt_day(day)}.')
        ev.confidence *= INFERRED_YEAR_FACTOR
        _status_of_moved_day(ev, day, _pub_day(published) if published is not None else None)


def _status_of_moved_day(ev: Event, day: date, pub: date | None) -> None:
    """An event moved to ``day`` is planned if that is ahead of publication and it was read as
    behind ("gave the government until Friday", said on Thursday), and has happened if it is
    behind and was read as ahead ("extended the vote until Monday", read on Saturday)."""
    if pub is not None and day > pub and ev.status in ("happened", "ongoing"):
        ev.status = "planned"
    elif pub is not None and day < pub and ev.status in ("planned", "target"):
        ev.status = "happened"


def _name_the_pronoun(ev: Event, before: Sentence, actors: ActorIndex) -> None:
    """ "Arafat was besieged ... He died in a hospital in France": a title that opens with
    "He" or "She" takes the name of the person the sentence before opens with, where that
    sentence names no other person (a subject further back, or one of two, is left as "He")."""
    person = actors.opening_person(before.start, before.end)
    if person is None:
        return
    ev.title = person.name + ev.title[len(ev.title.split(" ", 1)[0]):]  # ("He" alone, too)
    if person.name not in ev.actors:
        ev.actors = [person.name, *ev.actors]
        if person.iso3 and person.iso3 not in ev.countries:
            ev.countries = [person.iso3, *ev.countries]


_PAGE_WORD = re.compile(
    r"(?i)(?:published|updated|posted|modified|last|first|on|at|am|pm|by|gmt|utc|"
    r"est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cet|cest|eet|eest|ist|jst|kst|hkt|sgt|aest|aedt)"
)
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W\d_]{2,}")


# A possessive date after these is the time of the clause's event ("at Sunday's session").
_AT_THE_TIME_OF = re.compile(r"\b(?:at|during|in|on)\s+$", re.IGNORECASE)
_OPENING_QUOTES = " \"“‘'"
# ... where the words before it are one short clause, with no clause of its own in between
# ("Ministers praised a plan to thwart attacks that killed 40 people during January's election":
# the election is the date's, not the praise).
_ITS_OWN_CLAUSE = re.compile(r"(?:(?!(?:that|which|who|whom|where|says|said|say|told|added)\b)[^\s,;:]+[\s,]+){1,15}",
                             re.IGNORECASE)
# ... but not after a participle that is no verb of the clause's own ("Four workers trapped in
# Sunday's tunnel collapse are still alive": the date is the collapse's).
_PARTICIPLE_IN = re.compile(r"(?<!\bwere )(?<!\bwas )(?<!\bbe )(?<!\bbeen )(?<!\bare )(?<!\bis )"
                            r"\b[a-z]+ed\s+(?:in|on)\s+$")


def _names_an_event(words: set[str]) -> bool:
    """Whether a noun phrase's words name an event: "elections", "talks", or a past-only event
    told with more than its noun ("killing of former premier Rafiq Hariri", "coal mine blast";
    a bare "blast", or a result such as "38-28 win", says less than the clause around it)."""
    if not event_nouns().isdisjoint(words):
        return True
    return len(words) > 1 and not (past_event_nouns() - _RESULTS).isdisjoint(words) and _RESULTS.isdisjoint(words)


_RESULTS = frozenset(("win", "victory", "defeat"))


# A byline and the mark that sets it off from the date after it.
# (the date may follow after a blank only, as a page's byline and time element give it: "By Lena
# Vogt 27 November 2026")
_BYLINE = re.compile(r"By\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*(?:\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,3}"
                     r"[A-Z][\w.'’-]*)?\s*(?:[·|,–—-]|(?<=\s)(?=\d))")


def _only_dates(s: Sentence, spans: list[tuple[int, int]]) -> bool:
    """True if nothing but dates and page words ("Updated:") is left of the sentence."""
    rest = s.text
    offset, n = s.start, len(rest)
    if rest.startswith("By ") and (byline := _BYLINE.match(rest)):
        # "By Ana Ruiz · November 24, 2026": the byline's names are no event's words
        rest = " " * byline.end() + rest[byline.end():]
    # The words before the first date are the sentence's own (the blank that starts
    # the date ends them): in most sentences one of them settles it, without blanking.
    # (The dates are clipped to the sentence, and those left empty are no blanks.)
    head = n
    for a, b in spans:
        a, b = max(a - offset, 0), min(b - offset, n)
        if a < b and a < head:
            head = a
    if _names_more_than_dates(_WORD.finditer(rest, 0, head)):
        return False
    blanks = [(max(a - offset, 0), min(b - offset, n)) for a, b in spans]
    for a, b in [(a, b) for a, b in blanks if a < b]:
        rest = rest[:a] + " " * (b - a) + rest[b:]
    return not _names_more_than_dates(_WORD.finditer(rest))


def _names_more_than_dates(words) -> bool:
    # A page word counts only as a whole word, so look word by word; the first word
    # with two letters in a row that is not a page word settles it (in most
    # sentences, the first word).
    for word in words:
        w = word.group()
        if _LETTERS.search(w) and not _PAGE_WORD.fullmatch(w):
            return True
    return False


def _after_dateline(text: str, s: Sentence, datelines: list[Mention]) -> Sentence:
    """Drop a dateline ("BEIJING, March 3 (Reuters) -") from the front of a sentence."""
    for m in datelines:
        tail = _DATELINE_END.match(text, m.end, s.end)
        if tail and tail.end() < s.end:
            return Sentence(tail.end(), s.end, text[tail.end() : s.end], s.kind)
    return s


# A dateline without a date at the head of a line: "KYIV, Ukraine (AP) —", "LONDON (Reuters) -",
# "KYIV —": a place in capitals, then its country or region, the agency or a dash of its own.
_PLACELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’/-]+(?:\s[A-Z][A-Z.'’/-]+){0,3})"
    r"(?:(?:,\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})?\s*\([A-Z][^)]{0,40}\)\s*[-–—:]+"
    r"|,\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2}\s*(?:—|–|--)"
    r"|(?<=[A-Z]{4})\s*(?:—|--))\s*")


def _after_placeline(text: str, s: Sentence) -> Sentence:
    """Drop a dateline without a date ("KYIV, Ukraine (AP) —") from the front of a sentence
    that opens a line: it says where the story was filed, and is no part of any event."""
    if not text[s.start : s.start + 1].isupper() or (s.start and text[s.start - 1] != "\n"):
        return s
    m = _PLACELINE.match(text, s.start, s.end)
    if m is None or m.end() >= s.end:
        return s
    if known_name(m.group("place")) not in (None, "country"):
        return s  # "NATO -- the alliance said ...": an organization, the sentence's subject
    return Sentence(m.end(), s.end, text[m.end() : s.end], s.kind)


def _is_dateline(text: str, s: Sentence, m: Mention) -> bool:
    """A date at the head of a line between a place and a dash: "BEIJING, March 3 (Reuters) -"."""
    if m.spec.get("role") == "dateline":
        return True
    if m.type not in ("DATE", "TIME") or m.start - s.start > 60:
        return False
    return bool(
        _DATELINE_PLACE.match(text[s.start : m.start]) and _DATELINE_END.match(text, m.end, s.end)
    )


def _without_told_weeks(text: str, ms: list[Mention]) -> list[Mention]:
    """``ms`` less a week right after the days it places ("from Tuesday to Thursday next week",
    "on Friday this week", "Tuesday of next week"): the days are the event, the week only
    tells which they are."""
    if len(ms) < 2:
        return ms
    out = [ms[0]]
    for m in ms[1:]:
        before = out[-1]
        if m.precision == "week" and text[before.end:m.start].strip() in ("", "of") and (
                week := value_bounds(m.value)) and (days := value_bounds(before.value.split("/")[-1])) and (
                week[0] <= days[0] and days[1] <= week[1]):
            continue
        out.append(m)
    return out


def _weigh_file_photo(text: str, s: Sentence, ev: Event) -> None:
    """A file photo's caption dates the photo, an event of its own that may be years old and
    is not what the article reports: shown, with the doubt said."""
    line_end = text.find("\n", s.end)
    if _FILE_PHOTO.search(text, s.start, len(text) if line_end < 0 else line_end):
        ev.warn(f'"{ev.date_text}" comes from the caption of a file photo: it dates the photo, '
                "not the news.")
        ev.confidence *= FILE_PHOTO_FACTOR


_FILE_PHOTO = re.compile(r"(?i)\bfile\s+(?:photo|picture|image)\b")
FILE_PHOTO_FACTOR = 0.6


def _weigh_a_changed_date(text: str, s: Sentence, g: Group, ev: Event) -> None:
    """ "The vote, originally scheduled for December 14, has been pushed back to January": the
    first date set is no longer the event's; shown, with what became of it."""
    first = g.mentions[0]
    if first.spec.get("put_off") or not _FIRST_SET_BEFORE.search(text, max(s.start, first.start - 60), first.start):
        return
    changed = _CHANGED.search(text, s.start, first.start) or _CHANGED.search(text, g.end, s.end)
    if changed is None:
        return
    # What the first date dates is a plan, never what happened then; and a plan told in the
    # past is no plan "still to come", whatever its date.
    ev.status = "planned"
    ev.warnings = [w for w in ev.warnings if w != AHEAD_BUT_PAST]
    ev.warn(f'"{ev.date_text}" is the date first set; the text says it was changed '
            f'("{changed.group(0)}").')
    ev.confidence = min(ev.confidence, CHANGED_DATE_CONFIDENCE)


# "originally scheduled for", "had been due to take place on", "was initially set for the",
# "postponed from"
_FIRST_SET_BEFORE = re.compile(
    r"(?i)\b(?:(?:originally|initially|first|previously)|(?:had\s+been|was|were)(?:\s+(?:originally|initially|[a-z]+ly))?)"
    r"\s+(?:scheduled|planned|set|slated|due|supposed)(?:\s+to\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
    r"\s+(?:for|on|in|at|by)\s+(?:the\s+)?$"
    # "postponed from December", "brought forward from next week"
    r"|\b(?:postponed|delayed|deferred|moved|pushed\s+back|brought\s+forward|rescheduled)\s+from\s+(?:the\s+)?$")
# What became of a date first set: put off, brought forward or called off.
_CHANGED = re.compile(
    r"(?i)\b(?:postponed|delayed|deferred|put\s+off|pushed\s+back|moved\s+(?:up|back|forward|to)|shifted\s+to|"
    r"rescheduled|brought\s+forward|cancell?ed|called\s+off|scrapped|shelved)\b")
CHANGED_DATE_CONFIDENCE = 0.6


def _weigh_dateline(ev: Event, g: Group, datelines: list[Mention], published) -> None:
    """Say so when a relative date was counted from a publication time the dateline contradicts."""
    if not datelines or published is None:
        return
    if not any(m.anchor == "published" for m in g.mentions):
        return
    line = datelines[0]
    day = line.interval[0].date() if line.interval else None
    pub = published.date() if isinstance(published, datetime) else published
    if day is None or abs((day - pub).days) <= 1:
        return
    # The resolver counts what follows the dateline from the dateline's day (the story's
    # own), what comes before it (a headline) from the publication time.
    if g.mentions[0].start >= line.end:
        ev.warn(
            f'"{ev.date_text}" is counted from the dateline\'s day, "{line.text}" ({fmt_day(day)}); '
            f"the article was published on {fmt_day(pub)}."
        )
    else:
        ev.warn(
            f'The dateline says "{line.text}" ({fmt_day(day)}), but the article was published on '
            f"{fmt_day(pub)}; this date is counted from the publication time."
        )
    ev.confidence *= 0.8


_HORIZON_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
# "over the next 60 days", "in the next few days": a span from publication on
_NEXT_SPAN = re.compile(r"(?i)the\s+(?:next|coming)\s")
# Words that make a span "how long since" something, not when: "the first ... in five years",
# "the highest level in two months" ("at least", "at most" are counts, not comparisons).
_HOW_LONG_SINCE = (r"first|only|highest|lowest|biggest|largest|smallest|worst|best|strongest|weakest|"
                   r"deadliest|heaviest|fastest|slowest|(?<!at )most|(?<!at )least|longest|shortest|record|"
                   r"second|third")
# "over the past 18 months", "for the last 16 years": a span back from publication
_BACK_SPAN = re.compile(r"(?i)the\s+(?:past|last|previous)\s")
_BACK_PREPOSITION = re.compile(r"(?i)\b(?:over|in|during|throughout|for|within)\s+$")
_OF_SOMETHING = re.compile(r"\s*,?\s*(?:of|before|after|since|prior)\b", re.IGNORECASE)
# "the first increase for the past three years", "the fifth anti-Syrian figure to be killed in
# the past two years", "its severest winter in the past 70 years": how long since, not when
_COMPARED_BEFORE = re.compile(
    rf"(?i)\b(?:{_HOW_LONG_SINCE}|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"greatest|severest|coldest|hottest|warmest|wettest|driest|sharpest|steepest|deepest|fewest|"
    r"never|not|no)\b[^,.;]{0,80}$"
    r"|n['’]t\b[^,.;]{0,80}$")
_SPAN_PREPOSITION = re.compile(r"(?i)\b(?:over|in|during|within|throughout)\s+$")
_VAGUE_PERIOD = re.compile(r"PX[DWM]")
# A date set aside for another: "on Sunday, not Saturday", "in early 2027, not in 2035",
# "rather than in March", "instead of Friday".
_SET_ASIDE_BEFORE = re.compile(
    r"(?i)(?:[,;—–]\s*(?:and\s+|but\s+)?not|\brather\s+than|\binstead\s+of)\s+(?:on\s+|in\s+|at\s+|by\s+|until\s+)?$")
def _a_base_compared_with(text: str, m: Mention) -> bool:
    """Whether a date (the first of its group) is a base a figure is measured against, not an
    event: "its highest since 2014", "compared with the April-June period", "from 2.4 percent
    the previous month", "than in 2002". (Its span still leaves the other events' labels.)"""
    if _OWN_EVENT_AFTER.match(text, m.end):
        return False  # "the worst month since January, when 107 soldiers were killed"
    if m.text.rstrip().lower().endswith(("after", "before")):
        return False  # "less than a year after independence": a count from an event, not a base
    if (text.startswith(("'s", "’s"), m.end) and _FROM_BEFORE.search(text, max(0, m.start - 12), m.start)
            and _FIGURE_AFTER.match(text, m.end + 2)):
        return True  # "up from Monday's close of 628.40", "from last week's average of 78 dollars"
    for at in {m.start, m.spec.get("signal_start", m.start)}:
        if _COMPARED_WITH_BEFORE.search(text, max(0, at - 70), at) is not None:
            return True
        figure = _FROM_A_FIGURE_BEFORE.search(text, max(0, at - 70), at)
        if figure is not None and _A_FIGURE_CHANGED_BEFORE.search(text, max(0, figure.start() - 80), figure.start()):
            # "climbed to 5.3 billion dollars from 4.1 billion on Tuesday" (not "Troops withdrew
            # from 12 towns on Tuesday": no figure changed, the towns are a place)
            return True
    return False


_FROM_BEFORE = re.compile(r"(?i)\b(?:from|than|with|over)\s+$")
_FIGURE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:close|closing|level|average|figure|rate|price|prices|high|"
                           r"low|reading|total|tally|estimate|forecast|quote|quotes|finish|settlement)\b")
_OWN_EVENT_AFTER = re.compile(r"\s*(?:,\s*(?:when|as)|when)\b")


_COMPARED_WITH_BEFORE = re.compile(
    # (a superlative's "since" before a bare date: "its highest since 2014", "the sharpest gain
    # since February 2003"; not "the worst woes since the 1997 financial crisis", an event)
    r"(?i)\b(?:its|the|their|a|an)\s+(?:[a-z-]+\s+)?(?:highest|lowest|best|worst|biggest|largest|strongest|"
    r"weakest|fastest|slowest|sharpest|steepest|deepest|smallest|greatest|heaviest)(?:\s+[a-z-]+){0,3}"
    r"\s+since\s+(?:late\s+|early\s+|mid-?)?$"
    r"|(?:\bcompared\s+(?:with|to)|(?<!\bearlier\s)(?<!\blater\s)(?<!\bsooner\s)\bthan)"
    r"\s*(?:(?:in|on|at|during|for|the|a|that|of)\s+)*$")
# A figure a change is measured from, right before the date: "from 4.1 billion on", "from 2.4
# percent the previous", "from 15th place in".
_FROM_A_FIGURE_BEFORE = re.compile(
    r"(?i)\bfrom\s+(?:about\s+|around\s+|some\s+)?[$€£¥]?\d(?:[\d.,]*\d)?\s*(?:%|percent|per\s+cent|"
    r"(?:[a-z]+\s+){0,3}?)?\s*(?:(?:in|on|at|during|for|the|a|that|of)\s+)*$")
# ... after a figure that changed: "climbed to 5.3 billion", "up 63 points", "rose by 0.3 percent".
_A_FIGURE_CHANGED_BEFORE = re.compile(
    r"(?i)\b(?:to|at)\s+[$€£¥]?\d|\b(?:up|down|rose|ris|fell|fall|increas|decreas|climb|drop|jump|slip|eas|"
    r"gain|lost|los|declin|grew|grow|shr[iau]nk|surg|soar|plung|doubl|tripl|halv|chang|compar|reduc|cut|"
    r"rais|lift|lower|bring|brought|boost)\w*\b")
_PERIOD = re.compile(r"P(\d+)([DWMY])")
_HOURS = re.compile(r"PT(\d+)H")
_COMING = re.compile(r"(?i)\bcoming\s+(days|weeks|months)\b")
# "in two weeks' time"
_TIME_AFTER = re.compile(r"['’]?\s+time\b")
# "in the next three years", "in the first ten days": a span, not a day that far ahead
_SPAN_WORDS = re.compile(r"(?i)\b(?:the|past|last|previous|preceding|next|coming|first|following)\b")
# "his first trip to Europe in five years", "the highest level in two months": how long since
_LOOKS_BACK = re.compile(rf"(?i)\b(?:{_HOW_LONG_SINCE})\b[^,.;]{{0,80}}\bin\s+$")
# "within the past five years" looks back; "within the five-year plan" names a plan.
_NOT_AHEAD = re.compile(r"(?i)\b(?:past|last|previous|preceding)\b|\w-(?:year|month|week|day)\b")


def _horizon(text: str, m: Mention, published) -> Mention:
    """ "will meet within two weeks", "in the coming days": a planned event with an open date.

    Counted from the publication day; a copy of the mention carries the reading, the
    tagger's own mention (a duration or a vague reference) is left as it is.
    """
    if m.type != "DURATION" and m.value != "FUTURE_REF":
        return m  # (most mentions: neither reading below can apply)
    pub = published.date() if isinstance(published, datetime) else published
    if pub is None:
        return m
    amount = m.type == "DURATION" and _PERIOD.fullmatch(m.value or "")
    if m.type == "DURATION" and not amount and (hours := _HOURS.fullmatch(m.value or "")):
        # "would respond within 48 hours", "in the past 24 hours": the days to the day that many
        # hours from the publication time reach (the day is the finest these readings give)
        h = int(hours.group(1))
        if 24 <= h <= 24 * 30:
            n = ((published + timedelta(hours=h)).date() - published.date()).days if isinstance(
                published, datetime) else -(-h // 24)
            amount = _PERIOD.fullmatch(f"P{n}D")
    preposition = _SPAN_PREPOSITION.search(text, max(0, m.start - 12), m.start) if (
        m.type == "DURATION" and _NEXT_SPAN.match(m.text)) else None
    next_span = (preposition is not None
                 # (the tense before it: a telling after it, '... in the next few days," he said',
                 # is not its tense; "The troops advanced over the next three days" is)
                 and tense_near(text[max(0, m.start - 200) : m.end], min(m.start, 200),
                                min(m.start, 200) + m.end - m.start) != "past")
    within = (amount and m.spec.get("signal") == "within" and not _NOT_AHEAD.search(m.text)
              and not _told_done_within(text, m))
    if amount and (next_span or within):
        unit = _HORIZON_UNITS[amount.group(2)]
        last = _shift(pub, unit, int(amount.group(1)))
        if last is None:
            return m
        if next_span:  # "will withdraw over the next 60 days": from publication to that many days on
            start = preposition.start()
            note = f"from {fmt_day(pub)} to {fmt_day(last)}"
        else:  # "within two weeks", the signal included
            start = m.spec.get("signal_start", m.start)
            note = f"on or before {fmt_day(last)}"
        out = Mention(start, m.end, text[start : m.end], "DATE", last.isoformat(), "day",
                      "ON_OR_BEFORE", m.rule, "published", 0.8, spec=dict(m.spec))
        out.spec["within"] = True  # (any day from publication on: see _event)
        out.warnings.append(f'"{out.text}" is counted from the publication date: {note}.')
        return out
    if (amount and _BACK_SPAN.match(m.text) and _within_two_years(amount)
            and (preposition := _BACK_PREPOSITION.search(text, max(0, m.start - 12), m.start))
            and not _OF_SOMETHING.match(text, m.end)
            and not _COMPARED_BEFORE.search(text, max(0, m.start - 100), m.start)
            and tense_near(text[max(0, m.start - 200) : m.end], min(m.start, 200),
                           min(m.start, 200) + m.end - m.start) != "future"):
        # "47 people have been killed in the past four months", "have been holding 10 suspects
        # for the past 10 days": the span up to publication (not "the deadliest attack in the
        # past two years", a comparison, nor "the past nine months of the fiscal year"; and
        # not "in the last 60 years Japan has been at peace": a summary, no event of the news)
        unit = _HORIZON_UNITS[amount.group(2)]
        first = _shift(pub, unit, -int(amount.group(1)))
        if first is None:
            return m
        # (the preposition is the date's signal, outside it, as "in" of "in March" is: so a
        # clause the span opens, "said that in the past 96 hours, 25 militants had been
        # killed", is read as such)
        out = Mention(m.start, m.end, m.text, "DATE",
                      f"{first.isoformat()}/{pub.isoformat()}", "day", "APPROX", m.rule, "published",
                      0.8, spec={**m.spec, "signal": preposition.group(0).split()[0],
                                 "signal_start": preposition.start()})
        out.warnings.append(f'"{out.text}" is counted back from the publication date: from about '
                            f"{fmt_day(first)} to {fmt_day(pub)}.")
        return out
    if (amount and str(m.spec.get("signal", "")).lower() == "in" and not _SPAN_WORDS.search(m.text)
            and not _LOOKS_BACK.search(text, max(0, m.start - 100), m.start)
            and ((time_after := _TIME_AFTER.match(text, m.end)) or tense_near(text, m.start, m.end) == "future")):
        # "will vote in two weeks' time", "is due to be signed in three days": that far from
        # publication, about (a duration in the past, "built in two weeks", stays one)
        unit = _HORIZON_UNITS[amount.group(2)]
        day = _shift(pub, unit, int(amount.group(1)))
        if day is None:
            return m
        precision = "day" if unit == "week" else unit
        value = fmt(day, precision)
        start = m.spec.get("signal_start", m.start)
        end = time_after.end() if time_after else m.end
        out = Mention(start, end, text[start:end], "DATE", value, precision, "APPROX", m.rule,
                      "published", 0.8, spec=dict(m.spec))
        out.warnings.append(f'"{out.text}" is counted from the publication date: about '
                            f"{fmt_day(day) if precision == 'day' else value}.")
        return out
    if m.value == "FUTURE_REF" and _COMING.search(m.text) or next_span and _VAGUE_PERIOD.fullmatch(m.value or ""):
        # "in the coming days", "in the next few days": some time after publication
        out = Mention(m.start, m.end, m.text, "DATE", pub.isoformat(), "approximate", "AFTER",
                      m.rule, "published", APPROXIMATE_CONFIDENCE, spec=dict(m.spec))
        out.spec["open_after"] = True
        out.warnings.append(f'"{m.text}" gives no date: placed after the publication date, '
                            f"{fmt_day(pub)}.")
        return out
    return m


def _told_done_within(text: str, m: Mention) -> bool:
    """Whether "within" a span is told of a thing done in the past: "In 2019, the truce
    collapsed within a week", "He was back on the bottle within a year" (a span of the past,
    no deadline ahead; not "demanded an answer within two weeks", a deadline set, nor "could
    be deployed within 10 days")."""
    lo = max(0, m.start - 200)
    cue, _ = cue_status(text[lo : m.end], None, m.start - lo)
    return cue == "happened" and not _DEADLINE_SET_BEFORE.search(text, lo, m.start)


# A deadline set before "within": "demanded an answer", "ordered his execution", "gave them".
_DEADLINE_SET_BEFORE = re.compile(
    r"(?i)\b(?:demand|order|ask|urg|gave|give|given|grant|set|told|instruct|direct|call(?:s|ed)?\s+on)\w*\b"
    r"[^.;!?]{0,80}$")


def _within_two_years(amount: re.Match) -> bool:
    """Whether a period ("P18M", "P3D") is at most two years long."""
    n = int(amount.group(1))
    return n <= {"D": 731, "W": 104, "M": 24, "Y": 2}[amount.group(2)]


def _shift(day: date, unit: str, n: int) -> date | None:
    try:
        return shift(day, unit, n)
    except (ValueError, OverflowError):
        return None


def _names_event(text: str, m: Mention) -> bool:
    if m.type not in ("DATE", "TIME"):
        return False
    if m.spec.get("role") in ("published", "dateline", "year_of_date"):
        return False  # (the last: "last year" in "the December 26 tsunami last year")
    if not m.value and (m.spec.get("impossible") or m.spec.get("unanchored")):
        return True  # "February 30, 2024": shown, with its doubt, at the precision that holds
    if m.spec.get("unplaced"):
        return True  # "tomorrow" without a publication time: shown, with the doubt
    if not m.value or m.value.endswith("_REF"):
        return False
    if m.text[-1:].isdigit() and _BASELINE_AFTER.match(text, m.end) and len(m.value) == 4:
        return False
    if "(" in text[max(0, m.start - 8) : m.start] and _lifespan(text, m):
        return False  # "Otto Hahn (1879-1968) won the Nobel Prize": who he was, not an event
    if _SET_ASIDE_BEFORE.search(text, max(0, m.start - 20), m.start):
        return False  # "held on Sunday, not Saturday as planned": the day set aside is no event's
    # (The possessive first: most dates have none, and it is the cheaper test; its
    # apostrophe, which _POSSESSIVE_AFTER needs first, cheaper still.)
    if (text[m.end : m.end + 1] in ("'", "’") and _POSSESSIVE_AFTER.match(text[m.end : m.end + 3])
            and _DEICTIC_DAY.match(m.text.strip())):
        # "today's Ukraine" is figurative; "yesterday's talks" is an event.
        phrase = noun_phrase_after(text, m.end) or ""
        return any(w.lower() in event_nouns() for w in phrase.split())
    return True


def _lifespan(text: str, m: Mention) -> bool:
    """Whether ``m`` is one of the two years, set in brackets, that a person named right
    before lived ("Nelson Mandela (1918-2013)")."""
    span = _YEAR_SPAN.search(text, max(0, m.start - 8), m.end + 14)
    return (span is not None and span.start() < m.start and m.end < span.end()
            and 15 <= int(span.group(2)) - int(span.group(1)) <= 115
            and _NAME_BEFORE_BRACKET.search(text, max(0, span.start() - 40), span.start()) is not None)


_YEAR_SPAN = re.compile(r"\((\d{4})\s*[-–]\s*(\d{4})\)")
_NAME_BEFORE_BRACKET = re.compile(r"[A-Z][\w'’.-]*\s+[A-Z][\w'’.-]+\s*$")


def _bounds(value: str) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    if "/" in value:  # an ISO interval "2014-06-04/2014-06-05"
        a, b = value.split("/", 1)
        (sa, ea), (sb, eb) = _bounds(a), _bounds(b)
        if None not in (sa, ea, sb, eb) and sa > eb:
            return sb, ea  # written backwards (and warned about): the span both dates cover
        return sa, eb
    b = value_bounds(value)
    if b is None:
        return None, None
    start = _timestamp(b[0])
    # A day's start and end are the same Timestamp (immutable): made once.
    return start, start if b[1] == b[0] else _timestamp(b[1])


def _timestamp(day: date) -> pd.Timestamp | None:
    """The day as a Timestamp; None outside what the table's datetime64[ns] can hold."""
    if not (_EARLIEST <= day <= _LATEST):
        return None
    return pd.Timestamp(day)


_FOUR_DIGITS = re.compile(r"\d{4}")
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})


def _month_of(spec: dict, published) -> str | None:
    """ "2024-02" from the parts the tagger read ({"month": "February", "year": "2024"}).

    Without a written year, the publication year (the month stays doubtful either way).
    """
    month = _MONTHS.get(str(spec.get("month", "")).lower().rstrip("."))
    if not month:
        return None
    year = str(spec.get("year", ""))
    if not _FOUR_DIGITS.fullmatch(year):
        year = f"{published.year:04d}" if published is not None else "XXXX"
    return f"{year}-{month:02d}"


def _impossible(value: str) -> bool:
    """A calendar-shaped value no calendar has: "2024-02-30", "2024-13"."""
    m = _DATE_SHAPE.match(value)
    return bool(m) and value_bounds(m.group(0)) is None


class _Days:
    """``_bounds`` and ``_impossible`` of date values, each worked out once for all
    articles: articles repeat their dates (a caption and the body, a date and its
    weekday, the days around publication across a corpus), and making Timestamps costs
    more than looking them up. Both are pure, and Timestamps are immutable, so sharing
    them is safe; the caches are bounded."""

    bounds = staticmethod(lru_cache(maxsize=16384)(_bounds))
    impossible = staticmethod(lru_cache(maxsize=16384)(_impossible))


def _event(
    text: str,
    s: Sentence,
    g: Group,
    spans: list[tuple[int, int]],
    others: list[tuple[Mention, str]],
    published,
    actors: ActorIndex,
    days: _Days,
) -> Event | None:
    first = g.mentions[0]
    last = g.notes.get("range_end") or g.mentions[-1]
    g_start, g_end = g.span(text)
    conf = min(m.confidence for m in g.mentions)
    warnings: list[str] = []
    for m in g.mentions:
        # Conflicts and impossible dates get their own, fuller warning below.
        if g.kind != "conflict" and not m.spec.get("impossible"):
            warnings.extend(m.warnings)
    value, precision, mod = first.value, first.precision or "", first.mod or ""
    if first.spec.get("unanchored"):
        precision = "approximate"  # "Fifteen years after gunmen killed ...": no date of its own
    if first.spec.get("unplaced"):
        value, precision = "", "approximate"  # "tomorrow", with no publication time to count from
    # "Friday (February 30, 2024)": the calendar has no such day, so no reading of
    # the pair is a day; the impossible date's month is all the text supports.
    unreal = next((m for m in g.mentions if m.spec.get("impossible")), None)
    if g.kind == "conflict" and unreal is None:
        value, conf, warning = resolve_conflict(g, text, others, published)
        precision = "day"
        warnings.append(warning)
    elif g.kind == "range":
        a, b = first.value, last.value
        if "T" in a and "T" in b and a > b:
            b = _clock_on(a, b, last)
        elif first.spec.get("weekday_only") or last.spec.get("weekday_only"):
            b = _week_on(a, b) if last.spec.get("weekday_only") else b
        else:
            a = _year_from(a, b, first)
        value = f"{a}/{b}"
        # "from 2019 until last December": as precise as the finer end, never finer than both
        precision = min((first.precision or "day", last.precision or "day"), key=_finer_first)
        if a[:10] > b[:10] and _DATE_SHAPE.match(a) and _DATE_SHAPE.match(b):
            # No reading of the years makes the range run forward: say so, never draw it backwards.
            warnings.append(f'"{text[g_start:g_end]}" ends before it starts ({a} to {b}); '
                            "check the dates in the source.")
            conf = min(conf, 0.3)
    elif g.kind == "same":
        # The clock time if one is given ("7 a.m. ... on Friday"), else the date that is more
        # than a weekday ("Friday (November 1, 2024)").
        dated = next((m for m in g.mentions if m.type == "TIME"), None) or next(
            (m for m in g.mentions if weekday_of(m) is None), first)
        value, precision, mod = dated.value, dated.precision or "day", dated.mod or ""
    span = _span_to_publication(text, g, published)
    if span is not None:
        # "over the past decade", written in 2006: the ten years to publication, not the 1990s;
        # "over the past week": the seven days to publication, not last calendar week
        value, precision, span_warning = span
        mod = "APPROX"
        warnings.append(span_warning)
        conf *= INFERRED_YEAR_FACTOR
    if g.kind == "single" and first.spec.get("range_end") and value[:10] == first.value[:10]:
        value = f"{value}/{first.spec['range_end']}"  # "June 4-5, 2014"
    if unreal is not None or days.impossible(value):
        # Never shown as a day: keep only the month the text names, with the doubt.
        value = _month_of(unreal.spec, published) or "" if unreal is not None else value[:7]
        precision = "month" if value else (precision or "day")
        start, end = days.bounds(value)
        conf = 0.3
        warnings.append(
            f'The text says "{text[g_start:g_end]}", which is not a real date; '
            + ("showing only the month it names." if start is not None
               else "it is listed without a date.")
        )
    else:
        start, end = days.bounds(value)
        if first.spec.get("open_after"):  # "in the coming days": from publication on
            end = None
        if span is not None:  # (the years up to publication, not to the end of its year)
            end = pd.Timestamp(_pub_day(published))
    if (start is None and unreal is None and not days.impossible(value)
            and not first.spec.get("unanchored")):
        if value_bounds(value) is not None:
            warnings.append(
                f'"{text[g_start:g_end]}" ({value}) is outside the years the timeline can draw '
                f"(1678-2261); it is listed without start and end."
            )
        elif ("X" in value or first.spec.get("unplaced")) and published is None:
            warnings.append(
                f'"{text[g_start:g_end]}" cannot be placed on the calendar without the '
                f"publication date; give the publication date to place it."
            )
            conf *= 0.5
        else:
            warnings.append(
                f'The date "{text[g_start:g_end]}" could not be placed on the calendar '
                f"(read as {value or 'unknown'})."
            )
            conf *= 0.5
    first_start, last_end = g.start, g.end  # of the mentions (g_end may add a ")")
    whole = clause = clause_of(s.text, s.start, first_start, last_end, spans)
    if " with " in clause.text:
        # (its label only: the tense and status are read from the whole clause)
        clause = _with_clause_of_its_own(text, clause, first_start, spans)
    c_spans = [(a - clause.start, b - clause.start) for a, b in spans
               if a >= clause.start and b <= clause.end]
    if c_spans and "0" <= text[first.start:first.start + 1] <= "9" and _NAME_BEFORE_A_YEAR.search(
            text, max(s.start, first.start - 30), first.start):
        # "Saudi Arabia's Vision 2030 plan", "the Beijing 2008 Olympics": the year is part of a
        # name, which the label keeps whole
        c_spans = [(a, b) for a, b in c_spans if not (_YEAR_ALONE.fullmatch(clause.text, a, b)
                                                      and _NAME_BEFORE_A_YEAR.search(clause.text, 0, a))]
    if first.spec.get("unanchored") and not value and _counted_from_another_event(first):
        # "The strike came a day after talks in Doha stalled": no date is shown, and the
        # label keeps the words that place it (without them it says "came talks ... stalled")
        c_spans = [(a, b) for a, b in c_spans if (a + clause.start, b + clause.start) != (first.start, first.end)]
    possessive = noun_phrase_after(text, last_end)
    if possessive and not _names_an_event({w.lower() for w in possessive.split()}):
        possessive = None  # "Monday's China Youth Daily reported ...": the event is the clause
    signal = first.spec.get("signal")
    wording = whole.full
    at = first_start - whole.start + (len(whole.subject) + 1 if whole.subject else 0)
    # "swept away by Tuesday's vote": the vote is the agent, not a deadline.
    cued: tuple[str | None, str | None] | None = cue_status(wording, None if possessive else signal, at)
    if not clause.start <= first_start < clause.end and (published is None or (
            start is not None and start.date() <= _pub_day(published))):
        # "Statoil is to take over Norsk Hydro, the groups said on Monday": the clause is
        # the news, the date is when it was told, and the telling has happened.
        cued = ("happened", "reported")
    if first.spec.get("put_off") and (cued is None or cued[0] == "happened"):
        # "The vote was postponed until February 15": the verb has happened; the new date,
        # which is what is dated here, is still ahead.
        cued = ("planned", "put-off")
    ahead_from = max(s.start, g_start - 60)
    if ahead_of_between(text, ahead_from, g_start) and (cued is None or cued[0] == "happened"):
        # "Leaders met ahead of Thursday's summit": the verb has happened, the summit,
        # which is what is dated, has not.
        cued = ("planned", "ahead-of")
    if (str(first.spec.get("when", "")).lower() == "later" and first.spec.get("dir") == "this"
            and (cued is None or cued[0] in (None, "happened", "ongoing"))):
        # "expected later this week": the rest of a period under way is still to come,
        # whatever participle stands near ("once published, expected later this week")
        cued = ("planned", "later-this")
    elif (str(first.spec.get("when", "")).lower() == "earlier" and first.spec.get("dir") == "this"
            and (cued is None or cued[0] in (None, "planned", "target", "ongoing"))):
        # "would inform the king about his talks earlier this month", "Earlier this month, the
        # central bank cut rates": what went before in a period under way has happened,
        # whatever the verb the clause turns on (or with none that shows its tense)
        cued = ("happened", "earlier-this")
    cue = cued[0]
    if cue in ("planned", "target") and str(first.spec.get("signal", "")).lower() == "since":
        # "will be making his first visit since August": what a date after "since" starts is
        # behind the clause's time, whatever tense the clause has
        cued, cue = (None, None), None
    attributive = _attributive(text, g_start, g_end, spans, s.end)
    clause_cue = cue
    if attributive:
        # "the 2008 Olympic Games": the date names the thing, the clause's verb is not its tense.
        wording, cue, cued = "", None, None

    other = first.spec.get("other_reading")
    if other and g.kind == "single" and start is not None and published is not None:
        # "resigned on 12/03/2026", published in March 2026: December is ahead, so it is March 12.
        value, note = _weigh_numeric_order(first, value, other, cue, published)
        if note:
            start, end = days.bounds(value)
            warnings = [w for w in warnings if not w.startswith(f'"{first.text}" could be ')] + [note]

    weekday = first if len(g.mentions) == 1 and weekday_of(first) is not None else g.notes.get("weekday")
    if (g.kind != "conflict" and start is not None and weekday is not None
            and not weekday.spec.get("week_named") and not weekday.spec.get("listed")
            and not weekday.spec.get("arranged")
            and not (weekday.spec.get("ahead_by_tense") and cue == "happened")):
        noun = past_noun_right_before(text, g_start, g_end) if first.spec.get("weekday_only") else None
        weighing = "happened" if noun else cue
        if (weighing == "happened" and not noun and _INFINITIVE_BEFORE.search(text, max(s.start, g_start - 60), g_start)
                and not past_cue_governs(wording, at)):
            # "who is sentenced to die by lethal injection at 00:01 (0801 GMT) Tuesday": the
            # past verb's infinitive holds the day, which is that event's, not the verb's
            weighing = None
        value, note = _weigh_weekday(weekday, value, weighing, published)
        if note and noun:
            note = note.replace("because the text speaks of it in the past tense",
                                f"because it names a {noun}, which has happened")
        if note:
            start, end = days.bounds(value)
            warnings.append(note)
            conf *= INFERRED_YEAR_FACTOR
        elif (first.spec.get("weekday_only") and published is not None and start.date() < _pub_day(published)
              and called_for_between(text, max(s.start, g_start - 60), g_start)):
            # "have called for a nationwide strike on Thursday": the day of the call, or of
            # the strike, which is ahead; the words do not say which.
            ahead = start.date() + timedelta(days=7)
            warnings.append(f'"{first.text}" may be the day of what was called for rather than of '
                            f"the call: then it would be {ahead:%A}, {fmt_day(ahead)}.")
            conf *= INFERRED_YEAR_FACTOR
        elif (first.spec.get("weekday_only") and first.anchor == "published" and published is not None
              and (back_days := (_pub_day(published) - start.date()).days) in _FAR_BACK_DAYS
              and str(first.spec.get("signal", "")).lower() not in ("since", "ever since")
              and not (back_days == 5 and _TELLING_BEFORE_A_DAY.search(text, max(s.start, g_start - 50), g_start))):
            # (What began "since" a day is behind publication, never a day to come; a telling is
            # never ahead of its report, and a story's local day is at most one
            # ahead of the publication's: "told the BBC on Sunday", read as five days back, is.)
            # Read as five or six days back, a weekday alone is as often the day or two ahead
            # (measured on the silver news: about half were), or the story's local day ahead of
            # the publication time's.
            ahead = start.date() + timedelta(days=7)
            set_for = ((_FOR_BEFORE.search(text, max(0, g_start - 8), g_start) is not None
                        or _FOR_A_THING_BEFORE.search(text, max(s.start, g_start - 80), g_start) is not None)
                       and not text.startswith(("'s", "’s"), g_end))
            if set_for or (first.spec.get("untensed") and cue != "happened"
                           and not speaks_of_the_past(text, s.start, s.end)):
                # "The pilgrimage climaxes on Mount Arafat on Wednesday": a sentence all in the
                # present, with no telling, speaks of a day to come, not of last week; so does
                # the day something is set for ("has called a mass strike for Monday").
                why = ("it is the day something is set for" if set_for
                       else "nothing in its sentence speaks of the past")
                warnings.append(f'"{first.text}" is read as the coming {ahead:%A}, {fmt_day(ahead)}, as '
                                f"{why}; it may be {start:%A}, "
                                f"{fmt_day(start.date())}, {back_days} days before publication.")
                value = ahead.isoformat() + value[10:]
                start, end = days.bounds(value)
            else:
                warnings.append(f'"{first.text}" is read as {start:%A}, {fmt_day(start.date())}, '
                                f"{back_days} days before publication; it may be the "
                                f"coming {ahead:%A}, {fmt_day(ahead)}.")
            conf *= FAR_BACK_FACTOR

    if _counted_from_another_event(first) and not first.spec.get("unanchored"):
        warnings.append(
            f'"{text[g_start:g_end]}" counts from another event, not from the publication '
            f"date; this date is uncertain."
        )
        conf *= 0.5

    if (g.kind != "conflict" and start is not None and _year_inferred(g.mentions, value)
            and not (g.kind != "range" and _weekday_confirms(g.mentions, value))):
        # "the first week of December": the year is the month's, weighed as the month's.
        week_of = first.spec.get("week_of_month") if "month_value" in first.spec else None
        if week_of:
            value, precision = first.spec["month_value"], "month"
            start, end = days.bounds(value)
        told = next((m.spec["year_told"] for m in g.mentions if m.spec.get("year_told")), None)
        if told is not None or first.anchor == "mention":
            # "In 1976, ... a loan in September", "September that year": the year comes
            # from an earlier date in the text; tense and publication do not move it.
            why = ("the year the text gives the thing it names" if first.spec.get("year_told_after")
                   else "the year named earlier in the text")
        elif first.spec.get("arranged"):
            # "had been scheduled for July 25", in November: a plan told in the past, read as
            # the nearer July 25; the tense of the telling says nothing of which side it is
            why = "the publication date, as the nearer of the two; a plan told in the past may be for either"
        else:
            weighed = value
            value, why, torn = _weigh_inferred_year(
                value, cue, start, end, published, cued[1] if cued else None,
                # (a day something was set or agreed "for" is what it is for, ahead of the
                # setting: "had been set for June 7-14", "reached an agreement for April 17")
                governs=cue != "happened" or (past_cue_governs(wording, at)
                                              and not _FOR_BEFORE.search(text, max(0, g_start - 8), g_start)),
                told=own_verb_tense(text, g_start, s))
            if value[:4] != weighed[:4] and first.spec.get("moving"):
                # "stopped over Easter": last year's Easter is another day than this year's
                value = moving_day(first.spec["moving"], int(value[:4])).isoformat() + value[10:]
            if torn:
                conf *= TORN_YEAR_FACTOR
            if (why == "the publication date" and precision == "month" and published is not None
                    and (signal or "in").lower() == "in" and start.date() > _pub_day(published)
                    and _past_verb_follows(text, g_start, g_end, s) and not _MODAL.search(wording, 0, at)):
                # "Iran in February stopped applying the protocol", "In February, scientists
                # said ...", in December: the month's own verb is past, so it is last February.
                value = f"{int(value[:4]) - 1:04d}{value[4:]}"
                why = "the tense and the publication date"
            elif (why == "the publication date" and precision in ("day", "month") and "/" not in value
                    and published is not None and start.date() > _pub_day(published)
                    and (by := happened_by_wording(text, g_start, g_end, s, attributive))):
                # "the January 13 incident", "On Jan. 9, a small jet ... crashed", in December:
                # what the date names has happened, so it is last January.
                value = f"{int(value[:4]) - 1:04d}{value[4:]}"
                if first.spec.get("moving"):
                    value = moving_day(first.spec["moving"], int(value[:4])).isoformat() + value[10:]
                why = ("the tense and the publication date" if by == TENSE
                       else f"the publication date and the {by} it names, which has happened")
        year = value[:4]
        if week_of:
            value, precision = week_of_month(date(int(value[:4]), int(value[5:7]), 1), week_of), "week"
        start, end = days.bounds(value)
        warnings.append(
            f'"{text[g_start:g_end]}" does not give the year; {year} is inferred '
            f"from {why}."
        )
        conf *= INFERRED_YEAR_FACTOR
        rival = _rival_year(text, g_end, s.end, year)
        if rival:
            # "the 7 July bombings in London in 2005", published in 2006: the year written
            # just after the date is as good a guess as the publication's.
            warnings.append(f'The text names {rival} just after "{text[g_start:g_end]}"; the year '
                            f"may be {rival}.")
            conf *= RIVAL_YEAR_FACTOR
        elif attributive and told is None and _REMEMBERED_EVENT.search(attributive, len(text[g_start:g_end])):
            warnings.append(f'"{attributive}" names an event by its day, and such an event may be one of '
                            f"an earlier year: the text does not say which.")
            conf *= REMEMBERED_FACTOR

    if (g.kind == "single" and precision == "day" and len(value) == 10
            and _WEEK_OF.search(text, max(0, g_start - 24), g_start) and (day := day_of(value)) is not None):
        # "to be signed in the week of 8 December": the week, not the day (its year weighed above)
        iso = day.isocalendar()
        value, precision = f"{iso[0]}-W{iso[1]:02d}", "week"
        start, end = days.bounds(value)
    # "since last April's offensive": the signal belongs to the offensive, not the date.
    part_end = _part_end(start, end, mod)
    if first.spec.get("week_gone") and published is not None and part_end is not None:
        # "last week", written on a Sunday: the week ends that day, but what it dates is gone by
        gone = _pub_day(published) - timedelta(days=1)
        part_end = min(part_end.date() if isinstance(part_end, datetime) else part_end, gone)
    status, status_warnings = decide_status(
        wording, None if possessive else signal, _part_start(start, end, mod), part_end,
        published, at, cued
    )
    if first.spec.get("arranged") and AHEAD_BUT_PAST in status_warnings:
        # "had been scheduled for July 25": a plan told in the past says nothing of it being
        # still to come (its year, when not written, was read as the nearer one)
        status_warnings = [w for w in status_warnings if w != AHEAD_BUT_PAST]
    if status in ("planned", "target") and str(first.spec.get("when", "")).lower() == "earlier":
        # "agreed to meet during a telephone conversation earlier in the day": what is dated
        # "earlier" is behind the telling, whatever plan its clause names
        status = "happened"
    if first.spec.get("unplaced") == "future" and cue is None:
        status = "planned"  # "Tomorrow the talks resume", with no date to compare
    if first.spec.get("open_after") and status == "happened":
        # "in the next few days", "in the coming weeks": after publication, so not yet happened,
        # whatever verb of telling is near ("... in the next few days," the UN chief said)
        status = "planned"
    if attributive and status == "ongoing" and clause_cue == "happened" and names_an_issued_thing(attributive):
        # "Portugal finished second at the 2006 World Cup", "its 2005 AIDS report released
        # recently", in the year named: the thing was, as the clause's past tense says
        status = "happened"
    if span is not None and status in ("planned", "target"):
        status = "happened"  # (years up to publication are behind it, whatever "targeted" says)
    last_day = part_end if first.spec.get("week_gone") else end
    if isinstance(last_day, datetime):
        last_day = last_day.date()
    if (status == "planned" and last_day is not None and published is not None
            and last_day < _pub_day(published) and not _guessed_day(g.mentions)):
        # "are to face charges over the killing of 24 civilians last year": the date, which
        # the text fixes, is behind publication; the wording ahead is most likely another
        # event's (the warning that they disagree stays).
        status = "happened"
    if (status != "happened" and first.type == "TIME" and g.kind != "range" and published is not None
            and start is not None and start.date() <= _pub_day(published) and list_entry_day(text, first)):
        # "14:02 GMT - Egypt says negotiators will reconvene tomorrow": a live report's entry is
        # stamped with the time it was told, which is what its clock time dates
        status = "happened"
    if status == "ongoing" and cue is None and mod == "END" and end is not None and (
            published is not None and _pub_day(published) < end.date()):
        # "The agreement expires at the end of the year", published in November: the
        # year is under way, but its end, which is what the text dates, is still ahead.
        status = "planned"
    if first.spec.get("within") and start is not None:
        # "within two weeks": the status is that of the last day named (still to come),
        # but the event may fall on any day from publication on, and the interval says so.
        start = days.bounds(_pub_day(published).isoformat())[0]
    warnings.extend(status_warnings)

    # Actors named in the clause first, then the rest of the sentence's.
    hits = actors.within(clause.start, clause.end)
    if clause.subject:
        sub_at = s.text.find(clause.subject)
        if sub_at >= 0:
            hits = actors.within(s.start + sub_at, s.start + sub_at + len(clause.subject)) + hits
    in_sentence = actors.within(s.start, s.end)
    names, codes = names_and_countries(hits + in_sentence)

    if possessive and (
            _AT_THE_TIME_OF.search(text, max(0, first_start - 8), first_start)
            and not _PARTICIPLE_IN.search(text, max(0, first_start - 40), first_start)
            and _ITS_OWN_CLAUSE.fullmatch(text, clause.start, first_start)
            or not text[clause.start:first_start].strip(_OPENING_QUOTES)):
        # "approved the budget at Sunday's session", "Tuesday's blast killed 12 people": the
        # clause tells what happened then, and its label says more than the noun alone
        possessive = None
    # ("after Sunday's vote" is labelled "The vote", not a bare "Vote"; "the 2008 Olympic Games"
    # keeps its year in place of the article)
    article = "the " if possessive and possessive[:1].islower() else ""
    if attributive and not possessive:
        possessive = attributive
    if possessive:
        # the country the sentence is about: named, or a national body's ("Bank of Japan")
        lead = next((h.name for h in in_sentence if h.kind == "country"), "") or next(
            (country_name(h.iso3) or "" for h in in_sentence if h.iso3), "")
        label = article + possessive
        title = f"{lead}: {label}" if lead else label[:1].upper() + label[1:]
        category, _ = classify(possessive, clause.full)
    else:
        title = make_title(clause.text, sorted(c_spans + [clause.aside]) if clause.aside else c_spans,
                           clause.subject)
        told = ""
        if not title:  # nothing but the date in its clause: label with the sentence
            title = make_title(s.text, [(a - s.start, b - s.start) for a, b in spans])
        elif clause.start - s.start > _NEWS_BEFORE_TELLING:
            # "..., security sources said Friday": the date is the telling's; the label says what was told
            title = told_title(title, s.text[: clause.start - s.start],
                               [(a - s.start, b - s.start) for a, b in spans])
            if _TELLING_CLAUSE.match(clause.full):
                # ... and so does the category ("Rebels killed 40 people ..., an army spokesman
                # said Wednesday": an assault, not a statement)
                told = s.text[: clause.start - s.start]
        category, _ = classify(told, clause.full, s.text)

    return Event(
        date_value=value,
        precision=precision,
        start=start,
        end=end,
        date_text=text[g_start:g_end],
        char_start=g_start,
        char_end=g_end,
        sentence_start=s.start,
        sentence_end=s.end,
        evidence=s.text,
        kind=s.kind,
        date_mod=mod,
        status=status,
        title=title,
        actors=names,
        countries=codes,
        category=category,
        confidence=conf,
        warnings=_unique(warnings),
        rules=[m.rule for m in g.mentions],
        clause=clause.full,
    )


_ATTRIBUTIVE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|this|that|next|last)\s+$")
_PREPOSITION_BEFORE = re.compile(r"(?i)\b(?:after|before|following|ahead\s+of|until|since|for)\s+$")
_ATTRIBUTIVE_AFTER = re.compile(
    r"^[-–]?\s*(?:(?!(?:and|or|to|of|in|on|at|for|by|with|from|as|but|when|after|before)\b)"
    r"[A-Za-z][\w-]*\s*){1,4}"
)
_YEAR_OR_YEARS = re.compile(r"\d{4}(?:[-–]\d{2,4})?")
# A month, or a day of one, written out: "June", "May 29", "29 May 2005", "Nov. 7".
_MONTH_OR_DAY = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?")
# (not "1994 or later", "2030 and after": a date and how far it reaches)
_COUNTED_FROM_EVENT = re.compile(r"(?i)(?<!\bor\s)(?<!\band\s)\b(?:after|before|later|earlier)$")


def _with_clause_of_its_own(text: str, clause: Clause, start: int, spans: list[tuple[int, int]]) -> Clause:
    """ "The talks closed on Friday with ministers pledging to halve hunger by 2035": a date
    after "with" and a doer doing something, when the clause dates something else before it,
    is that doing's ("Ministers pledging to halve hunger"), not the talks' closing."""
    for m in _WITH_DOING.finditer(clause.text):
        at = clause.start + m.start(1)
        if at < start and any(clause.start <= a < clause.start + m.start() for a, _ in spans):
            return Clause(at, clause.end, text[at:clause.end], "", None)
    return clause


# "with ministers pledging to", "with the two sides agreeing to", "with more expected"
_WITH_DOING = re.compile(
    r"\swith\s+((?:(?!(?:by|to|in|on|at|for|from|of|into|over|after|before|during)\s)[\w'’-]+\s+){1,4}?"
    r"(?!(?:during|including|according|following|regarding|concerning|pending|morning|evening|meeting|"
    r"building|spring|ceiling|funding|training|hearing|ruling|bombing|shooting|fighting|warning|"
    r"something|nothing|anything|everything)\b)[a-z]+ing\b)")


def _attributive(
    text: str, start: int, end: int, spans: list[tuple[int, int]], sentence_end: int
) -> str | None:
    """The noun phrase a year, a month or a day modifies ("the 2008 Olympic Games" ->
    "2008 Olympic Games", "the May 29 general elections" -> "May 29 general elections").

    It runs to the next date of the sentence (``spans``) at most."""
    year = _YEAR_OR_YEARS.fullmatch(text, start, end)
    if not (year or _MONTH_OR_DAY.fullmatch(text, start, end)):
        return None  # (most dates are neither: nothing else to look at)
    article = _ATTRIBUTIVE_BEFORE.search(text, max(0, start - 8), start)
    named_after = None
    if not article and not year:
        # "after May 1 general elections": no article, but an event named by its day
        named_after = _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
        if not named_after:
            return None
        article = named_after
    if not article:
        return None
    if not year and past_verb_before(text, article.start()):
        # "boycotted the January 30 election": the verb's tense is the election's too, and
        # tells a month without a year which side of publication it lies.
        return None
    stop = min((a for a, _ in spans if a >= end), default=sentence_end)
    m = _ATTRIBUTIVE_AFTER.match(text[end : min(end + 60, stop)])
    if not m:
        return None
    words = m.group(0).lstrip("-– ").split()
    if words and words[0].lower().strip(",.;:") in _TIME_NOUNS:
        return None  # "invest 15 billion yuan in the 2026-2030 period": a time, no thing named
    # The noun phrase ends where the sentence's verb or a clause begins: "the February orders
    # dropped", "the March 26 fire that killed".
    cut = next((i for i in range(1, len(words)) if _ends_noun_phrase(words, i)), len(words))
    if named_after and not event_nouns().intersection(w.lower() for w in words[:cut]):
        return None  # ("after May 1 it rained": no event named)
    return (text[start:end] + " " + " ".join(words[:cut])).strip()


def _ends_noun_phrase(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` starts what follows the noun phrase: a verb ("dropped", "ending
    the"), an auxiliary or a word that opens a clause. ("bombing" and "US-led" are no verbs.)"""
    w = words[i].lower()
    if w in _NOT_IN_NOUN_PHRASE or w in IRREGULAR_PAST:
        return True  # (a verb in the past: "The 2024 Paris Olympics drew record crowds")
    if "-" in w:
        return False
    if w.endswith("ed") and len(w) > 3:
        return True
    return w.endswith("ing") and i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS


_TIME_NOUNS = frozenset("period periods term timeframe time-frame window span cycle timeline".split())
_NOT_IN_NOUN_PHRASE = frozenset((
    "that", "which", "who", "whose", "was", "were", "is", "are", "would", "will", "can", "could",
    "may", "might", "should", "has", "have", "had", "be", "been", "said", "says", "did", "does",
    "because", "if", "though", "although", "since", "until", "while", "where",
    "still", "also", "never", "already", "now", "later", "then", "again", "yet"))
_DETERMINERS = frozenset(("the", "a", "an", "its", "his", "her", "their", "our", "this", "that"))


def _counted_from_another_event(m: Mention) -> bool:
    """ "a week after FIFA suspended ...": counted from an event, which no date pins down."""
    return bool(_COUNTED_FROM_EVENT.search(m.text.strip()))


def _weigh_weekday(m: Mention, value: str, cue: str | None, published) -> tuple[str, str]:
    """Move a weekday-only date by a week when the tense says the other side of publication.

    "The exercise will be held on Sunday", published on a Wednesday, is the coming
    Sunday even if the weekday was counted back.
    """
    day = _DATE_SHAPE.match(value)
    pub = published.date() if isinstance(published, datetime) else published
    if not day or pub is None or not day.group(3):
        return value, ""
    d = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    if cue in ("planned", "target") and d < pub:
        moved, side = d + timedelta(days=7), "coming"
    elif cue == "happened" and d > pub:
        moved, side = d - timedelta(days=7), "past"
    else:
        return value, ""
    note = (
        f'"{m.text}" is taken as the {side} {moved:%A}, {fmt_day(moved)}, because the text '
        f"speaks of it in the {'future' if side == 'coming' else 'past'} tense."
    )
    return moved.isoformat() + value[10:], note


# The signals of a date that ends what an earlier date of the sentence starts.
_UNTIL = frozenset({"until", "till", "til", "through", "thru", "to", "by"})
# Days from publication within which a date is one a following weekday can run on from
# (a weekday alone is within a week of it; news copy dates the days before with a week's slack).
_AROUND_PUBLICATION = 10


def _run_forward(text: str, ev: Event, g: Group, prev: Event, days: _Days, published) -> None:
    """A weekday that ends what the sentence's last date starts is the first one after it.

    "Talks resume on Monday and are to last until Friday": the Friday after that Monday,
    though "until Friday" alone, said on a Wednesday, would be two days on. "Polling began
    Sunday ... extended the vote until Monday": the Monday after that Sunday, though a
    vote put off alone would be ahead. So is a weekday read far back (five or six days)
    that the sentence puts after its last date: "a last day of uncertainty Saturday before
    a nationwide vote Sunday".
    """
    m = g.mentions[0]
    if (g.kind != "single" or not m.spec.get("weekday_only") or ev.start is None
            or prev.precision not in _DAY_OR_FINER):
        return
    far_back = [w for w in ev.warnings if w.startswith(f'"{m.text}" is read as {ev.start:%A}, ')]
    if str(m.spec.get("signal", "")).lower() not in _UNTIL and not (
            far_back and prev.char_end <= ev.char_start
            and _COMES_BEFORE.search(text, prev.char_end, ev.char_start)
            and not _COMES_AFTER.search(text, prev.char_end, ev.char_start)):
        return
    after = prev.start.date()
    moved = after + timedelta(days=(ev.start.date().weekday() - after.weekday()) % 7 or 7)
    pub = _pub_day(published) if published is not None else None
    if moved == ev.start.date() or (pub is not None and abs((after - pub).days) > _AROUND_PUBLICATION):
        # ("started on Oct. 25, and all have been destroyed by Friday": only a date of the
        # days around publication is one a weekday can follow on from)
        return
    ev.date_value = moved.isoformat() + ev.date_value[10:]
    ev.start, ev.end = days.bounds(ev.date_value)
    # (what the tense said of the weekday alone no longer holds, nor the doubt it settles)
    ev.warnings = [w for w in ev.warnings if not w.startswith(f'"{m.text}" is taken as the ')
                   and w not in far_back]
    if far_back:
        ev.confidence /= FAR_BACK_FACTOR
    ev.warn(f'"{m.text}" is taken as the {moved:%A} after "{prev.date_text}", {fmt_day(moved)}: '
            "the text runs from one to the other.")
    ev.confidence *= INFERRED_YEAR_FACTOR
    _status_of_moved_day(ev, moved, pub)


# Words between two dates of a sentence that put the first before the second ("Saturday before
# a nationwide vote ... Sunday"), and words that put it after.
_COMES_BEFORE = re.compile(r"(?i)\b(?:before|ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to|prior\s+to)\b")
_COMES_AFTER = re.compile(r"(?i)\b(?:after|since|following|last|previous|earlier)\b")


# A clause that is only a telling: "an army spokesman said here Wednesday", "the ministry
# announced on Monday" (a subject of a few words, then the verb of telling).
# The verbs of a telling ("officials said Sunday").
_REPORTING_VERBS = ("said", "told", "announced", "reported", "added", "stated")
# A clause that is only a telling: "an army spokesman said here Wednesday", "the ministry
# announced on Monday" (a subject of a few words, then the verb of telling).
_TELLING_CLAUSE = re.compile(
    rf"(?i)^[\s,\"”’]*(?:[\w.'’-]+\s+){{0,8}}?(?:{'|'.join(_REPORTING_VERBS + ('says',))})\b")
_TELLING_BEFORE = re.compile(
    rf"\b(?:{'|'.join(_REPORTING_VERBS + ('says', 'confirmed', 'disclosed'))})\s+(?:on\s+)?$")


def _night_before_the_telling(own: list[Event], days: _Days) -> None:
    """ "killed overnight, police said Monday": the night before that Monday, which may not
    be the night before publication (a report filed the next day, in another time zone)."""
    nights = [e for e in own if "overnight" in e.rules and e.status == "happened"]
    if not nights:
        return  # (most sentences)
    # (only the day of a telling: "began their protest on Wednesday ... stayed camped outside
    # overnight" is the night after that Wednesday, not before)
    told = [e for e in own if e.precision in _DAY_OR_FINER and "overnight" not in e.rules
            and e.start is not None and e.status == "happened"
            and _TELLING_BEFORE.search(e.evidence, 0, e.char_start - e.sentence_start)]
    if not told:
        return
    for night in nights:
        said = min(told, key=lambda e: abs(e.char_start - night.char_start))
        day = said.start.date() - timedelta(days=1)
        if night.start is not None and night.start.date() == day:
            continue
        night.date_value = f"{day.isoformat()}TNI"
        night.start, night.end = days.bounds(night.date_value[:10])
        night.warnings = [f'"{night.date_text}" is taken as the night before "{said.date_text}" '
                          f"({fmt_day(said.start.date())}), the day the sentence tells it."]


def _weigh_numeric_order(m: Mention, value: str, other: str, cue: str | None, published) -> tuple[str, str]:
    """The other reading of "12/03/2026" (day or month first) when only it fits the tense."""
    pub, read, alt = _pub_day(published), day_of(value), day_of(other)
    if read is None or alt is None:
        return value, ""
    if not ((cue == "happened" and read > pub >= alt) or (cue in ("planned", "target") and read < pub <= alt)):
        return value, ""
    note = (f'"{m.text}" could be {fmt_day(read)} or {fmt_day(alt)}; read as {fmt_day(alt)}, because '
            f"the text speaks of it in the {'past' if cue == 'happened' else 'future'} tense.")
    return alt.isoformat() + value[10:], note


# Days after publication within which the present perfect does not move a guessed
# year back (about the 2.5 months the resolver's _infer_year allows against tense).
_NEAR_DAYS = 75


def _finer_first(precision: str) -> int:
    """Sort key: finer precisions first (unknown ones last)."""
    return PRECISION_RANK.get(precision, len(PRECISION_RANK))


def _part_start(start, end, mod: str):
    """Where the part of [start, end] a modifier names begins: "the end of the year" is its
    last third, "mid-2025" its middle one. The status weighs that part against publication
    ("The agreement, signed on March 3, expires at the end of the year", in April: ahead)."""
    if start is None or end is None or mod not in ("END", "MID"):
        return start
    first, last = datetime.date(start), datetime.date(end)  # (days: quicker than Timestamps)
    return first + timedelta(days=(last - first).days * (2 if mod == "END" else 1) // 3)


def _part_end(start, end, mod: str):
    """Where the part of [start, end] a modifier names ends: "early this year" is its first third,
    "mid-2025" its middle one ("the boom years of the early 1990s", in 1997: gone by)."""
    if start is None or end is None or mod not in ("START", "MID"):
        return end
    first, last = datetime.date(start), datetime.date(end)
    return first + timedelta(days=(last - first).days * (1 if mod == "START" else 2) // 3)


def _pub_day(published) -> date:
    return published.date() if isinstance(published, datetime) else published


def _weigh_inferred_year(
    value: str, cue: str | None, start, end, published, rule: str | None = None,
    governs: bool = True, told: str | None = None,
) -> tuple[str, str, bool]:
    """Move a guessed year by one when the tense says the other side of publication:
    (value, why, whether the tense and the nearest reading disagree and the latter is kept).

    "met ... in April" in an article of March 2024 is April 2023; "will meet in
    April" in an article of May 2024 is April 2025; "opened on November 30 and runs
    through December 11", in an article of December 3, stays this December 11.
    """
    pub = published.date() if isinstance(published, datetime) else published
    if pub is None:
        return value, "the rest of the text", False
    years = 0
    if cue == "happened" and start.date() > pub and governs and not (
            rule == "present-perfect" and (start.date() - pub).days <= _NEAR_DAYS):
        # (The present perfect speaks of a state up to now, not of the dated clause:
        # "has seen violence in the run-up to elections on December 15", written on
        # December 6, is nine days on, not a year back. "met on March 28" is history.)
        years = -1
    elif cue in ("planned", "target") and end.date() < pub:
        years = 1
    if years:
        # (both ends of a range: "visited Kyiv on December 3-4", written in November)
        parts = [f"{int(part[:4]) + years:04d}{part[4:]}" for part in value.split("/")]
        moved = "/".join(parts)
        if all(value_bounds(part) is not None for part in parts):
            side = "past" if years < 0 else "future"
            if told == side or _days_from(pub, start.date(), end.date()) > _TENSE_NEAR_DAYS:
                return moved, "the tense and the publication date", False
            # "the Expo, which opened on November 30 and runs through December 11", written
            # on December 3: a tense that reaches a year away from a date this near
            # publication is most often another clause's; keep the near one, with the doubt.
            return value, (f"the publication date; the wording reads as {side}, which would make "
                           f"it {moved[:4]}"), True
    return value, "the publication date", False


_FOR_BEFORE = re.compile(r"(?i)\bfor\s+$")
# "pushing for a UN Security Council vote imposing sanctions on Iran on Thursday", "mobilise for
# a national funeral on Wednesday", "the possibility of a meeting on Monday": a thing something
# is for or looks to, and its day.
_FOR_A_THING_BEFORE = re.compile(
    r"(?i)\b(?:for|(?:possibility|prospects?|chances?|hopes?)\s+of)\s+(?:a|an|the)\s+"
    # (not how many times: "met for the first time on Monday", "for the third straight day")
    r"(?!(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(?:st|nd|rd|th))\s+"
    r"(?:time|day|week|month|year|straight|consecutive|successive|running)\b)"
    r"(?:[\w'’-]+\s+){1,8}?(?:on\s+)?$")
# Days from publication within which a guessed year stays the nearest one, unless the
# date's own verb says the other side (see verbs.own_verb_tense).
_TENSE_NEAR_DAYS = 31


def _days_from(day: date, first: date, last: date) -> int:
    """Days between ``day`` and the interval [first, last] (0 inside it)."""
    if day < first:
        return (first - day).days
    if day > last:
        return (day - last).days
    return 0


# The verb right after a date ("in February stopped", "In February, scientists said"): a
# simple past, not a participle that looks ahead ("expected", "scheduled", "planned").
_PAST_VERB_AFTER = re.compile(
    r"^,?\s+(?:(?:the|a|an|[A-Z][\w.'-]*|[a-z]+s)\s+){0,2}?"
    r"(?!(?:expected|scheduled|planned|slated|proposed|needed|required|set|due|followed|preceded)\b)"
    r"(?:[a-z]{3,}ed|said|told|took|made|began|became|won|lost|met|held|gave|went|came|saw|found|"
    r"left|sent|fell|rose|led|paid|agreed|signed|launched|killed|announced)\b")
# "Maysan could transfer to Iraqi control in January, followed by ...": still ahead.
_MODAL = re.compile(r"(?i)\b(?:will|would|could|may|might|shall|should|can|to\s+be)\b")
_REPORTED = re.compile(rf"\b(?:{'|'.join(_REPORTING_VERBS)})$")
# "crude for delivery in January rose ...": the verb is the market's, the month a contract's.
_CONTRACT_BEFORE = re.compile(r"(?i)\b(?:delivery|settlement|contract|futures)\s+(?:in\s+)?$")


def _past_verb_follows(text: str, start: int, end: int, s: Sentence) -> bool:
    """True when the date's own verb comes right after it, in the simple past."""
    verb = _PAST_VERB_AFTER.match(text[end : min(s.end, end + 50)])
    if verb is None or _CONTRACT_BEFORE.search(text, max(s.start, start - 20), start):
        return False
    # "..., will continue in May, Sakik said": a reporting verb after the date is the
    # telling's; only one after a date that opens the sentence ("In February, scientists
    # said ...") is the date's.
    return not _REPORTED.search(verb.group(0)) or start - s.start <= 15


_YEAR_AFTER = re.compile(r"(?<![\d.,/:-])(1[6-9]\d\d|2[01]\d\d)(?![\d/:-]|,\d)")
_MONTH_BEFORE = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*(?:\d{1,2},?\s*)?$")


def _rival_year(text: str, end: int, stop: int, guessed: str) -> str | None:
    """A year next to the guessed one written just after the date, in its sentence ("the
    7 July bombings in London in 2005", "Dec. 11-13 of 2007"), if any. A year that goes
    with a month of its own ("from September 2005") is another date, often the one
    compared with, and says nothing of this one's year."""
    if not guessed.isdigit():
        return None
    for m in _YEAR_AFTER.finditer(text, end, min(stop, end + 40)):
        if ";" in text[end : m.start()] or _MONTH_BEFORE.search(text, max(end, m.start() - 16), m.start()):
            continue
        if abs(int(m.group(1)) - int(guessed)) == 1:
            return m.group(1)
    return None


def _guessed_day(mentions: list[Mention]) -> bool:
    """Whether the date rests on a guess the tense could overturn: a weekday alone or a
    year not written (the other reading of either may be the one ahead)."""
    return any(m.spec.get("weekday_only") or m.spec.get("year_inferred") for m in mentions)


def _clock_on(a: str, b: str, last: Mention) -> str:
    """ "a curfew from 10 p.m. to 6 a.m.": the end is the next morning; "from 10 p.m. Friday to
    6 a.m. Saturday": the Saturday after that Friday (each clock time was placed on its own)."""
    da, db = day_of(a), day_of(b)
    if da is None or db is None:
        return b
    if weekday_of(last) is not None:
        while db < da:
            db += timedelta(days=7)
    else:
        db = da
    if db == da and b[10:] < a[10:]:
        db += timedelta(days=1)
    return db.isoformat() + b[10:]


def _week_on(a: str, b: str) -> str:
    """ "from Thursday through Saturday": the Saturday after that Thursday, whichever
    side of publication each weekday was first counted to."""
    da, db = day_of(a), day_of(b)
    if da is None or db is None or db >= da:
        return b
    return (db + timedelta(days=7 * ((da - db).days // 7 + 1))).isoformat() + b[10:]


def _year_from(a: str, b: str, first: Mention) -> str:
    """In "from 4 June through 5 June 2014" the first date takes the second's year."""
    if (
        _DATE_SHAPE.match(a) and _DATE_SHAPE.match(b)
        and not _YEAR_WRITTEN.search(first.text) and (a[:4] != b[:4] or a > b)
    ):
        # "December 28 to January 3, 2024": across New Year, the year before the second's.
        for year in (int(b[:4]), int(b[:4]) - 1):
            candidate = f"{year:04d}" + a[4:]
            if value_bounds(candidate) and candidate <= b:
                return candidate
    return a


_WEEKDAY_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _weekday_confirms(mentions: list[Mention], value: str) -> bool:
    """ "Tuesday, March 4" without a year: the weekday settles the year.

    A month and day fall on the same weekday only every five to eleven years, so
    when the publication date's year gives the written weekday, no other year near
    it could, and the year is not a guess.
    """
    if not any(m.spec.get("day") for m in mentions):
        return False
    day = day_of(value)
    if day is None:
        return False
    written = {str(m.spec.get("weekday", "")).lower()[:3] for m in mentions}
    return _WEEKDAY_ABBR[day.weekday()] in written


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")
_SEASON_VALUE = re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$")


def _year_inferred(mentions: list[Mention], value: str) -> bool:
    """True when a month or day is given without its year ("in April", "on 4 June")."""
    # ("the first week of April" is dated as its month)
    value = next((m.spec["month_value"] for m in mentions if "month_value" in m.spec), value)
    if not _YEAR_MONTH.match(value):
        # A season without a year ("in the spring") is as much a guess as a month.
        return ((_SEASON_VALUE.match(value) is not None or _QUARTER_VALUE.match(value) is not None)
                and any(m.spec.get("year_inferred") for m in mentions))
    if any(m.spec.get("kind") == "ref" for m in mentions):
        return False  # "the September 11 attacks": the name gives the year
    if any("range_with" in m.spec and ("year" in m.spec or m.spec.get("dir")) for m in mentions):
        return False  # "in August and December 2005": the year is the listed date's
    written = " ".join(m.text for m in mentions)
    if _YEAR_FROM_CONTEXT.search(written):  # "last November" names its year
        return False
    if any(m.spec.get("year_inferred") for m in mentions):
        return True
    # (No _YEAR_FROM_CONTEXT here: it was ruled out above.)
    return bool(_MONTH_NAME.search(written) and not _YEAR_WRITTEN.search(written))


# Characters of a sentence before a telling clause ("..., police said Tuesday") that hold its news.
_NEWS_BEFORE_TELLING = 20
# Words before an "after the talks" phrase that still leave it opening its sentence
# ("But shortly after the talks, ...").
_OPENING_WORDS = 2


def _anchored_event(
    text: str, s: Sentence, events: list[Event], published, actors: ActorIndex, days: _Days
) -> Event | None:
    phrase = find_anchor_phrase(s.text, s.start)
    if phrase is None:
        return None
    if len(_WORD.findall(text, s.start, phrase.start)) > _OPENING_WORDS:
        # "Controversies were left unresolved after the meeting, and talks would continue":
        # the phrase closes its clause, whose verb is the event's.
        clause = clause_of(s.text, s.start, phrase.start, phrase.end, [(phrase.start, phrase.end)])
    else:
        # "After the talks, Wu met ...": the phrase opens the sentence; the clause after it is the event.
        rest = s.text[phrase.end - s.start :].lstrip(" ,")
        rest_start = s.end - len(rest)
        clause = clause_of(s.text, s.start, rest_start, rest_start + 1, [])
    # The date is open-ended on one side, so only the wording can tell the status: the cue
    # nearest the phrase ('"We will not stand by," Borrell told reporters after the meeting':
    # the telling's past, not the quotation's future).
    at = phrase.start - clause.start if clause.start <= phrase.start < clause.end else 0
    status, status_warnings = decide_status(clause.full, None, None, None, published, at)
    anchor = find_anchor_event(phrase, events, happened=status == "happened")
    counted = _counted(phrase, anchor)
    if counted is not None:
        # "Two years after the invasion": the anchor's date moved by the amount.
        value, precision, mod, when_end = counted
        start, end = days.bounds(value)
        warning = (
            f'"{phrase.text}" counts from another event, "{anchor.title}" ({anchor.date_value}); '
            f"this date is uncertain."
        )
        conf = min(APPROXIMATE_CONFIDENCE, anchor.confidence * 0.8)
    elif anchor is not None:
        value, when = anchor.date_value, anchor.start if phrase.mod == "AFTER" else anchor.end
        what = f'"{anchor.title}" ({anchor.date_value})'
        warning = (
            f'No date of its own: the text places it {phrase.mod.lower()} "{phrase.object}", '
            f"taken to be {what}."
        )
        conf = min(APPROXIMATE_CONFIDENCE, anchor.confidence * 0.8)
    elif published is not None:
        day = published.date() if isinstance(published, datetime) else published
        value, when = day.isoformat(), pd.Timestamp(day)
        side = "on or before" if status == "happened" else "relative to"
        warning = (
            f'No date of its own: the text places it {phrase.mod.lower()} "{phrase.object}", '
            f"which no dated event in the article matches; placed {side} the publication "
            f"date, {fmt_day(day)}."
        )
        conf = 0.3
    else:
        return None
    if counted is None:
        precision, mod = "approximate", phrase.mod
        start, end = (when, None) if phrase.mod == "AFTER" else (None, when)
        if anchor is None and status == "happened":
            # after something undated that has happened: some time up to publication
            mod, start, end = "ON_OR_BEFORE", None, when
    names, codes = names_and_countries(
        actors.within(clause.start, clause.end) + actors.within(s.start, s.end)
    )
    title = make_title(clause.text, [], clause.subject)
    category, _ = classify(title, s.text)
    return _phrase_event(s, (phrase.text, phrase.start, phrase.end), (value, precision, start, end, mod),
                         status, title, (names, codes), category, conf, [warning, *status_warnings],
                         "anchored-event", clause.full)


def _phrase_event(
    s: Sentence, phrase: tuple[str, int, int], when: tuple, status: str, title: str,
    actors: tuple[list[str], list[str]], category: str, confidence: float, warnings: list[str],
    rule: str, clause: str,
) -> Event:
    """The event of sentence ``s`` that a phrase dates ("after the Tokyo talks", "a day
    after"): ``phrase`` is its (text, start, end), ``when`` its (value, precision, start,
    end, mod)."""
    (date_text, char_start, char_end), (value, precision, start, end, mod) = phrase, when
    return Event(
        date_value=value, precision=precision, start=start, end=end, date_text=date_text,
        char_start=char_start, char_end=char_end, sentence_start=s.start, sentence_end=s.end,
        evidence=s.text, kind=s.kind, date_mod=mod, status=status, title=title, actors=actors[0],
        countries=actors[1], category=category, confidence=confidence, warnings=_unique(warnings),
        rules=[rule], clause=clause,
    )


# How far back (in characters from the sentence) the event a sentence goes back to may be
# told: "The vote comes three days before ..." follows the sentence that dates the vote.
_RETOLD_REACH = 600
# A date counted from the event told before is less sure than one counted within a sentence:
# "The move" is taken to be that event.
RETOLD_FACTOR = 0.7


def _retold_event(
    text: str, s: Sentence, events: list[Event], published, actors: ActorIndex, days: _Days
) -> Event | None:
    """ "Japan's lower house adopted a resolution Tuesday ... The vote comes three days before
    the summit ...": the summit, three days after that Tuesday."""
    phrase = find_retold(text, s)
    if phrase is None:
        return None
    # (What "came" is news that has happened: not "Suppan, who will turn 32 next Tuesday".)
    told = [e for e in events if e.sentence_end <= s.start and s.start - e.sentence_end <= _RETOLD_REACH
            and e.start is not None and e.precision in _DAY_OR_FINER and e.status == "happened"
            and "counted-back" not in e.rules]
    if not told:
        return None
    last = max(e.sentence_start for e in told)
    base = min((e for e in told if e.sentence_start == last), key=lambda e: e.char_start)
    return _counted_back(text, s, phrase, base, published, actors, days, retold=True)


def _with_counted(
    text: str, s: Sentence, mentions: list[Mention], own: list[Event], before: list[Event],
    published, actors: ActorIndex, days: _Days,
) -> list[Event]:
    """The sentence's events, and those its counted phrases date ("Wednesday, a day
    after the assembly approved ..."): the approval, a day before Wednesday. ``before``:
    the events of the sentences before."""
    if not own:
        return own
    dated = [m for m in mentions if m.value and m.type in ("DATE", "TIME")]
    if dated:
        phrases = find_counted(text, s, dated)
        found = [_counted_back(text, s, p, next((e for e in own if e.char_start <= p.base.start < e.char_end),
                                                None), published, actors, days) for p in phrases]
        found += _counted_ahead(text, s, dated, own, published, actors, days)
    else:  # "The announcement came a week after Moody's said ...": only the phrase, undated
        found = [_retold_event(text, s, before, published, actors, days)]
    out = own
    for ev in found:
        if ev is None:
            continue
        # "March 4, two weeks after talks began": the phrase, read as counted from an
        # event the text does not date, is dated after all.
        out = [e for e in out if not (e.precision == "approximate" and e.char_start < ev.char_end
                                      and ev.char_start < e.char_end)]
        out.append(ev)
    return out


def _counted_ahead(
    text: str, s: Sentence, dated: list[Mention], own: list[Event], published, actors: ActorIndex,
    days: _Days,
) -> list[Event]:
    """ "The parliament will vote on the bill the day after the election on November 5": the
    date is the election's (its event is retitled so), and the vote is worked out from it."""
    out = []
    for phrase in find_counted_ahead(text, s, dated):
        other = next((e for e in own if e.char_start == phrase.base.start), None)
        ev = _counted_back(text, s, phrase, other, published, actors, days)  # (None: no date to count from)
        if ev is None:
            continue
        # The dated event is the one the phrase names, not the sentence's.
        what = text[phrase.end : other.char_end]
        name_at = phrase.end + len(what) - len(what.lstrip())
        other.title = make_title(what.strip(), [(other.char_start - name_at, other.char_end - name_at)])
        other.category, _ = classify(what)
        other.status, _ = decide_status(what, None, other.start, other.end, published)
        out.append(ev)
    return out


_DAY_OR_FINER = ("day", "hour", "minute")
# The precisions a date must have to count an amount of each unit from it, and the
# precision of the date worked out: "a week after" a day is a day, "two years after" a
# day is that year (a year back from March 2026 is "2025", not "2025-03-01").
_COUNTED_FROM = {
    "day": (_DAY_OR_FINER, "day"),
    "week": (_DAY_OR_FINER, "day"),
    "month": (_DAY_OR_FINER + ("week", "month"), "month"),
    "year": (_DAY_OR_FINER + ("week", "month", "quarter", "season", "year"), "year"),
}


def _counted_back(
    text: str, s: Sentence, phrase: CountedPhrase, base: Event | None, published,
    actors: ActorIndex, days: _Days, retold: bool = False,
) -> Event | None:
    """The event a counted phrase dates, ``phrase.n`` units from ``base``'s date (``retold``:
    the event of an earlier sentence, which this one goes back to)."""
    if base is None or base.start is None or "/" in base.date_value:
        return None
    allowed, precision = _COUNTED_FROM[phrase.unit]
    if base.precision not in allowed:
        return None

    from_day = base.start.date()
    day = _shift(from_day, phrase.unit, phrase.sign * phrase.n)
    if day is None:
        return None
    value = fmt(day, precision)
    start, end = days.bounds(value)
    if start is None:
        return None
    way = "before" if phrase.sign < 0 else "after"
    told = f'"{base.date_text}"'
    if base.precision in _DAY_OR_FINER and fmt_day(from_day) not in base.date_text:
        told += f" ({fmt_day(from_day)})"  # "Wednesday" (April 9, 1997)
    if retold:
        told += ", the date of the event the sentence goes back to"
    warnings = [f'No date of its own: worked out as {phrase.amount.lower()} {way} {told}, '
                f'from "{phrase.text}".']
    what = text[phrase.what_start : phrase.what_end]
    status, status_warnings = decide_status(what, None, start, end, published)
    pub = _pub_day(published) if published is not None else None
    if pub is not None and (end.date() < pub or start.date() > pub):
        # The date is worked out, not guessed: it says which side of publication the
        # event is ("the day after Brussels rejected a plan that would give ...").
        status, status_warnings = ("happened" if end.date() < pub else
                                   status if status in ("planned", "target") else "planned"), []
    names, codes = names_and_countries(
        actors.within(phrase.what_start, phrase.what_end) + actors.within(s.start, s.end)
    )
    category, _ = classify(what)
    conf = base.confidence * (RETOLD_FACTOR if retold else COUNTED_HEDGED_FACTOR if phrase.mod
                              else COUNTED_FACTOR)
    return _phrase_event(s, (phrase.text, phrase.start, phrase.end), (value, precision, start, end, phrase.mod),
                         status, make_title(what, []), (names, codes), category, conf,
                         [*warnings, *status_warnings], "counted-back", what)


def _counted(phrase, anchor: Event | None) -> tuple[str, str, str, None] | None:
    """(value, precision, mod, None) of "<amount> after/before <event>", or None."""
    if anchor is None or not phrase.amount or anchor.start is None:
        return None
    from ..temporal.numbers import parse_number

    num, unit = phrase.amount.rsplit(" ", 1)
    n = parse_number(num)
    unit = unit.rstrip("s")
    if n is None or n != int(n):
        return None
    sign = 1 if phrase.mod == "AFTER" else -1
    if anchor.precision not in ("day", "week", "month") and unit in ("day", "week", "month"):
        # "one month before the coup", a coup of 1973: within the coup's year as far as the
        # text says (counted from its first day, it would be the year before)
        return anchor.date_value[:4], "year", "APPROX", None
    base = anchor.start.date()
    step = {"decade": ("year", 10)}.get(unit, (unit, 1))
    day = _shift(base, step[0], sign * int(n) * step[1])
    if day is None:
        return None
    # No finer than the amount allows: "two years after" a day is that month, not that day.
    precision = "day" if unit in ("day", "week") else ("month" if unit == "month" else "month")
    if anchor.precision not in ("day", "week", "month"):
        precision = "year"

    return fmt(day, precision), precision, "APPROX" if unit in ("year", "decade") else "", None


def _unique(items: list[str]) -> list[str]:
    out: list[str] = []
    for x in items:
        if x and x not in out:
            out.append(x)
    return out
