"""Weigh the evidence for a date, and merge passages that report one event.

- Mentions that stand together ("Friday (November 2, 2024)", "Friday, Nov. 1")
  describe one day. When they disagree, each reading is scored by what else
  the article says: the explicit date, the weekday, other passages with the
  same day (a photo caption counts most: it is written separately from the
  body), and the publication time (the weekday counted back from it). The
  best-supported day wins; the event keeps a warning that quotes the text and
  says why, and a lower confidence.
- "from 4 June through 5 June 2014" and "between March 3 and March 5" are one
  event covering the range.
- A caption or headline reporting the same day and actors as a body sentence
  is folded into that event as support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..temporal.calendar import day_words
from ..temporal.intervals import value_bounds
from ..temporal.mention import Mention
from ..temporal.resolver import PUT_OFF_VERBS, iso_weekday
from .event import Event

_WEEKDAY = re.compile(r"(?i)^(?:on\s+)?(mon|tues|wednes|thurs|fri|satur|sun)day$")
_WEEKDAY_INDEX = {"mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_APPOSITION = re.compile(r"^\s*[(,]?\s*$")
_LOCAL_THEN_ZONE = re.compile(r"(?i)^\s*(?:local(?:\s+time)?\s*)?[(,]\s*$")
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between)\s+$")
# "extended the deadline from October 31 to March 31": the old date and the new one, not a span.
_MOVED_FROM = re.compile(rf"(?i)\b{PUT_OFF_VERBS}\w*(?:\s+[\w'’-]+){{0,4}}?\s+from\s+$")
_RANGE_JOIN = re.compile(r"(?i)^\s*(?:through|thru|to|into|until|till|and|-|–|—)\s*$")
# "the 2006-2010 period", "2002/2003", "for the year 2007 to 2009": a dash, a slash or
# "to" joins two dates of one kind, in order, into a range with no "from" before them
# ("and" needs "between").
_DASH_JOIN = re.compile(r"(?i)^\s*(?:[-–—/]|to|into|through|thru|until|till)\s*$")
# Confidence of a date chosen between conflicting readings: low, raised a little
# by each independent piece of support (caption, publication time, ...).
CONFLICT_BASE = 0.4
CONFLICT_STEP = 0.1
CONFLICT_MAX = 0.7


@dataclass
class Group:
    kind: str                    # single, same, conflict, range
    mentions: list[Mention]
    notes: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        ms = self.mentions
        return ms[0].start if len(ms) == 1 else min(m.start for m in ms)

    @property
    def end(self) -> int:
        ms = self.mentions
        return ms[0].end if len(ms) == 1 else max(m.end for m in ms)

    def span(self, text: str) -> tuple[int, int]:
        """Offsets of the date as written, with a bracket it opens closed: "Friday (Nov 2)"."""
        start, end = self.start, self.end
        inner = text[start:end]
        if inner.count("(") > inner.count(")") and text[end : end + 1] == ")":
            end += 1
        return start, end


def weekday_of(m: Mention) -> int | None:
    """0..6 if the mention is only a weekday name ("Friday", "on Friday")."""
    hit = _WEEKDAY.match(m.text.strip())
    return _WEEKDAY_INDEX[hit.group(1).lower()] if hit else None


def day_of(value: str) -> date | None:
    if not value or not _DAY_VALUE.match(value):
        return None
    b = value_bounds(value[:10])
    return b[0] if b else None


def group_mentions(text: str, mentions: list[Mention]) -> list[Group]:
    """Group a sentence's date mentions (sorted by start) into candidate events."""
    groups: list[Group] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt is not None:
            between = text[m.end : nxt.start]
            conflict = tuple(m.spec.get("conflict_with") or ()) == (nxt.start, nxt.end) or tuple(
                nxt.spec.get("conflict_with") or ()
            ) == (m.start, m.end)
            if _same_instant(m, nxt, between):
                # "8:00 a.m. (0500 GMT)": one moment told in two clocks; the local one shows.
                groups.append(Group("same", [m, nxt]))
                i += 2
                continue
            if conflict or (_APPOSITION.match(between) and _same_day_kind(m, nxt)):
                same = m.value[:10] == nxt.value[:10] and not conflict
                groups.append(Group("same" if same else "conflict", [m, nxt]))
                i += 2
                continue
            if _APPOSITION.match(between) and _clock_on_a_weekday(m) and nxt.precision == "day":
                # "at midnight on Sunday (March 9)": one moment, its day told twice (and weighed
                # as a weekday against a date where the two disagree)
                same = m.value[:10] == nxt.value[:10]
                groups.append(Group("same" if same else "conflict", [m, nxt]))
                i += 2
                continue
            if ((_RANGE_JOIN.match(between) and _RANGE_OPEN.search(text[max(0, m.start - 12) : m.start])
                    or _DASH_JOIN.match(between) and _runs_on(m, nxt))
                    and not _MOVED_FROM.search(text, max(0, m.start - 60), m.start)
                    and not nxt.spec.get("put_off")):  # "adjourned Monday until Wednesday"
                groups.append(Group("range", [m, nxt]))
                i += 2
                continue
        groups.append(Group("single", [m]))
        i += 1
    return _join_times_to_their_day(groups)


def _join_times_to_their_day(groups: list[Group]) -> list[Group]:
    """One event for a clock time and the date that gave it its day ("at 7 a.m. local
    time (0500 GMT) on Friday"): the tagger marks such a time with ``day_from``."""
    out: list[Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "range" and g.kind in ("single", "same")
                and not prev.mentions[-1].spec.get("day_from_apart")
                and prev.mentions[-1].spec.get("day_from") in {(m.start, m.end) for m in g.mentions}):
            # "from 8 am to 8 pm (1800 GMT) on Sunday": the end's other clock and the day it
            # took are the range's; its end stays the clock time
            out[-1] = Group("range", prev.mentions + g.mentions,
                            {"range_end": prev.notes.get("range_end", prev.mentions[-1])})
            continue
        if prev is not None and prev.kind in ("single", "same") and g.kind in ("single", "same"):
            spans = {(m.start, m.end) for m in g.mentions}
            prev_spans = {(m.start, m.end) for m in prev.mentions}
            if (any(m.spec.get("day_from") in spans and not m.spec.get("day_from_apart") for m in prev.mentions)
                    or any(m.spec.get("day_from") in prev_spans and not m.spec.get("day_from_apart")
                           for m in g.mentions)):
                joined = out[-1] = Group("same", prev.mentions + g.mentions)
                # A weekday that gave the day is weighed against the tense, as it is alone.
                given = {m.spec.get("day_from") for m in joined.mentions}
                joined.notes["weekday"] = next(
                    (m for m in joined.mentions if (m.start, m.end) in given and m.spec.get("weekday_only")),
                    None)
                continue
        out.append(g)
    return out


def _runs_on(a: Mention, b: Mention) -> bool:
    """Two dates of one kind, the second later: the ends of a range ("2006-2010"). Two
    months or days whose years are both guesses run on when they come in calendar order
    ("the January-September period", in November: the range takes the end's year; "the
    December-February quarter" runs across New Year)."""
    if not (a.type == b.type == "DATE" and a.precision == b.precision and not a.mod and not b.mod
            and len(a.value) == len(b.value)):
        return False
    if a.spec.get("year_inferred") and b.spec.get("year_inferred") and a.value[4:5] == "-":
        return a.value[4:] < b.value[4:] or a.value < b.value  # (or across New Year)
    return a.value < b.value


def _same_instant(a: Mention, b: Mention, between: str) -> bool:
    """A local clock time followed by the same moment in a named zone: "3 p.m. (1200 GMT)"."""
    return (
        a.type == "TIME" and b.type == "TIME" and not a.spec.get("tz") and bool(b.spec.get("tz"))
        and _LOCAL_THEN_ZONE.match(between) is not None
    )


def _same_day_kind(a: Mention, b: Mention) -> bool:
    """Two mentions side by side that each name one day: "Friday (November 1, 2024)".

    A date the calendar lacks ("Friday (February 30, 2024)") still names one day as
    written: paired with its weekday it is one doubtful event, not two. Two weekdays side by
    side are a list ("Saturday, Sunday and Monday"), two days.
    """
    wa, wb = weekday_of(a), weekday_of(b)
    return _names_day(a) and _names_day(b) and (wa is not None or wb is not None) and (wa is None or wb is None)


def _names_day(m: Mention) -> bool:
    return weekday_of(m) is not None or m.precision == "day" or bool(m.spec.get("impossible"))


def _weekday_index(m: Mention) -> int | None:
    """0..6 for a weekday alone ("Friday") or a time of day on one ("at midnight on Sunday")."""
    wd = weekday_of(m)
    if wd is None and _clock_on_a_weekday(m):
        iso = iso_weekday(m.spec)
        wd = iso - 1 if iso else None
    return wd


def _clock_on_a_weekday(m: Mention) -> bool:
    """A time of day given a weekday and no date: "at midnight on Sunday", "10 a.m. Friday"."""
    spec = m.spec
    return m.type == "TIME" and "weekday" in spec and not ("day" in spec or "month" in spec or "month_n" in spec)


fmt_day = day_words


def _pub_day(published) -> date | None:
    if published is None:
        return None
    return published.date() if isinstance(published, datetime) else published


def resolve_conflict(
    group: Group,
    text: str,
    others: list[tuple[Mention, str]],
    published,
) -> tuple[str, float, str]:
    """(chosen day value, confidence, warning) for a weekday/date conflict.

    ``others`` are the article's other day mentions with their sentence kind,
    used as independent support.
    """
    weekday_m = next((m for m in group.mentions if _weekday_index(m) is not None), None)
    dated = [m for m in group.mentions if m is not weekday_m]
    quoted = text[slice(*group.span(text))]
    if weekday_m is None or not dated or day_of(dated[0].value) is None:
        # Two explicit days side by side that disagree: keep the first, say so.
        a = group.mentions[0]
        return a.value, CONFLICT_BASE, (
            f'The text gives two different dates together ("{quoted}"); using {a.value}, '
            f"the first one."
        )
    explicit = day_of(dated[0].value)
    wd = _weekday_index(weekday_m)
    # The weekday's reading: the day with that name nearest to the explicit date.
    offset = (wd - explicit.weekday() + 7) % 7
    near = explicit + timedelta(days=offset if offset <= 3 else offset - 7)
    tagged = day_of(weekday_m.value)
    if tagged is not None and tagged.weekday() == wd and abs((tagged - explicit).days) <= 3:
        near = tagged
    scores = {explicit: 1.0, near: 1.0}
    reasons: dict[date, list[str]] = {explicit: [], near: []}
    for m, kind in others:
        d = day_of(m.value) if m.precision == "day" else None
        if d in scores:
            weight = 1.0 if kind in ("caption", "headline") else 0.5
            scores[d] += weight
            where = "the caption" if kind == "caption" else (
                "the headline" if kind == "headline" else "another passage"
            )
            reasons[d].append(f'{where} ("{m.text}")')
    pub = _pub_day(published)
    if pub is not None:
        # Count the weekday back (or forward) from the publication day.
        back = pub - timedelta(days=(pub.weekday() - wd) % 7)
        if back in scores and (pub - back).days <= 6:
            scores[back] += 0.5
            reasons[back].append("the publication time")
        for d in list(scores):
            if d > pub:
                scores[d] -= 0.25  # reported before it happened: possible, but less likely
    chosen = max(scores, key=lambda d: (scores[d], d == explicit))
    real = f"{explicit:%A}"
    support = reasons[chosen]
    if support:
        why = ", which " + _join(support) + (" support" if len(support) > 1 else " supports")
    else:
        why = ""
    if chosen == explicit:
        choice = f"using the date as written, {real}, {fmt_day(explicit)}"
    else:
        choice = f"using {chosen:%A}, {fmt_day(chosen)}"
    pub = published.date() if isinstance(published, datetime) else published
    verb = "is" if pub is not None and explicit > pub else "was"  # (a day still to come "is")
    warning = (
        f'The text says "{quoted}", but {fmt_day(explicit)} {verb} a {real}; {choice}{why}.'
    )
    confidence = min(CONFLICT_MAX, CONFLICT_BASE + CONFLICT_STEP * len(support))
    return chosen.isoformat(), confidence, warning


def _join(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def merge_captions(events: list[Event]) -> list[Event]:
    """Fold caption/headline events into the body event with the same day and actors."""
    body = [e for e in events if e.kind == "body"]
    keep = []
    for e in events:
        if e.kind == "body":
            keep.append(e)
            continue
        mine = set(e.actors) | set(e.countries)
        best, best_overlap = None, 0
        for b in body:
            if b.date_value != e.date_value or b.precision != e.precision:
                continue
            overlap = len(mine & (set(b.actors) | set(b.countries)))
            if overlap > best_overlap:
                best, best_overlap = b, overlap
        if best is None:
            keep.append(e)
            continue
        best.support.append(f'{e.kind} ("{e.date_text}"): {e.evidence}')
        for a in e.actors:
            if a not in best.actors:
                best.actors.append(a)
        for c in e.countries:
            if c not in best.countries:
                best.countries.append(c)
    return keep
