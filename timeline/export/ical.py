"""iCalendar (.ics): one all-day VEVENT per event, so a calendar app can show the timeline.

Each entry spans the whole interval the date covers — a day, a week, a month,
all of 2027 for "by 2027" — because that is what the article says; the summary
carries the reading ("by 2027") and a doubtful date is marked with a warning
sign in the summary and its warnings in the description. Entries are
``TRANSP:TRANSPARENT``: a year-long target must not make the user look busy.
Events with no date of their own cannot be put in a calendar; they are listed
in the calendar's description instead of dropped.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pandas as pd

from .records import display_date, iter_rows, published_label, sources_of, text

PRODID = "-//timeline//news timeline export//EN"


def to_ics(events, *, title: str | None = None, sources=None,
           stamp: datetime | None = None) -> bytes:
    """The events as an iCalendar file (bytes). ``stamp`` fixes DTSTAMP (default: now, UTC)."""
    from icalendar import Calendar, Event, vText

    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title or "Timeline")
    undated = []
    for row in iter_rows(events):
        start, end = row.get("start"), row.get("end")
        if start is None or pd.isna(start):
            undated.append(row)
            continue
        first = pd.Timestamp(start).date()
        last = pd.Timestamp(end).date() if end is not None and not pd.isna(end) else first
        last = max(last, first)
        event = Event()
        event.add("uid", f"{text(row.get('event_id')) or id(row)}@timeline")
        event.add("dtstamp", stamp)
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))  # DTEND of an all-day entry is exclusive
        event.add("summary", _summary(row))
        event.add("description", _description(row))
        event.add("transp", "TRANSPARENT")
        categories = [c for c in (text(row.get("status")), text(row.get("category"))) if c]
        if categories:
            event.add("categories", categories)
        cal.add_component(event)
    # vText: an X- property is not known to icalendar, so say it is text to get it escaped.
    cal.add("x-wr-caldesc", vText(_calendar_description(events, sources, undated)))
    return cal.to_ical()


def _summary(row: dict) -> str:
    label = text(row.get("title")) or text(row.get("date_text")) or "event"
    mod = text(row.get("date_mod"))
    if mod or text(row.get("precision")) not in ("day", "minute", "hour"):
        label = f"{label} ({display_date(row)})"
    if row.get("warnings"):
        label = "\u26a0 " + label  # warning sign: the date is doubtful
    return label


def _description(row: dict) -> str:
    lines = [f"Date: {display_date(row)} (as written: \u201c{text(row.get('date_text'))}\u201d; "
             f"precision: {text(row.get('precision')) or 'unknown'})"]
    status = text(row.get("status"))
    if status:
        lines.append(f"Status: {status}")
    for warning in row.get("warnings") or []:
        lines.append(f"Warning: {warning}")
    evidence = text(row.get("evidence"))
    if evidence:
        lines.append(f"Evidence: \u201c{evidence}\u201d")
    actors = row.get("actors") or []
    if actors:
        lines.append("Actors: " + ", ".join(map(str, actors)))
    source = text(row.get("source"))
    if source:
        lines.append(f"Source: {source} (published {published_label(text(row.get('published')))})")
    confidence = row.get("confidence")
    if confidence is not None and not pd.isna(confidence):
        lines.append(f"Confidence: {round(float(confidence) * 100)}%")
    return "\n".join(lines)


def _calendar_description(events, sources, undated: list[dict]) -> str:
    lines = [f"Source: {s['title'] or s['source']} (published {published_label(s['published'])})"
             for s in sources_of(events, sources)]
    for row in undated:
        lines.append(f"Not in the calendar (no date of its own): {text(row.get('title'))}: "
                     f"\u201c{text(row.get('evidence'))}\u201d")
    return "\n".join(lines)
