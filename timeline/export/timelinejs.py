"""TimelineJS3 JSON, so a timeline can move into Knight Lab's TimelineJS.

Each event becomes one TimelineJS event. ``start_date`` keeps the precision:
a year-precision target holds only ``year``, a month only ``year`` and
``month``, a day ``year``/``month``/``day``. ``end_date`` is given when the
date is a span at its own precision (a week, a quarter, a season, a decade).
``display_date`` is the date as the reader should see it ("by 2027",
"21–27 Oct 2024"), because TimelineJS would otherwise print a made-up day.
TimelineJS renders ``headline``, ``text`` and ``display_date`` as HTML, so all
article text in them is escaped. Events with no date at all cannot be placed
on a TimelineJS axis; they are listed on the title slide instead of dropped.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from .records import display_date, iter_rows, published_label, sources_of, text

# Precisions whose interval is a span worth an end_date (day/month/year are a single unit).
_SPAN_PRECISIONS = ("week", "quarter", "season", "decade", "century", "approximate")
_FIELDS_BY_PRECISION = {
    "minute": ("year", "month", "day", "hour", "minute"),
    "hour": ("year", "month", "day", "hour"),
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "season": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
    "century": ("year",),
}


def to_timelinejs(events, *, title: str | None = None, sources=None,
                  group_by: str = "status") -> dict:
    """The events as a TimelineJS3 JSON object (a dict; ``json.dumps`` it to save)."""
    tl_events, undated = [], []
    for row in iter_rows(events):
        if row.get("start") is None or pd.isna(row.get("start")):
            undated.append(row)
            continue
        tl_events.append(_event(row, group_by))
    return {
        "title": {"text": {"headline": escape(title or "Timeline"),
                           "text": _title_text(events, sources, undated)}},
        "events": tl_events,
        "scale": "human",
    }


def _event(row: dict, group_by: str) -> dict:
    precision = text(row.get("precision")) or "day"
    start = pd.Timestamp(row["start"])
    end = row.get("end")
    event = {
        "unique_id": _unique_id(row),
        "start_date": _date(start, precision),
        "display_date": escape(display_date(row)),
        "text": {"headline": escape(text(row.get("title")) or text(row.get("date_text"))),
                 "text": _body(row)},
        "autolink": False,  # article text stays text: no links made up from it
    }
    if end is not None and not pd.isna(end) and precision in _SPAN_PRECISIONS:
        end = pd.Timestamp(end)
        if end > start:
            event["end_date"] = _date(end, "day" if precision in ("week", "approximate")
                                      else precision)
    group = text(row.get(group_by)) if group_by else ""
    if group:
        event["group"] = escape(group)
    return event


def _date(ts: pd.Timestamp, precision: str) -> dict:
    fields = _FIELDS_BY_PRECISION.get(precision, ("year", "month", "day"))
    return {f: int(getattr(ts, f)) for f in fields}


def _unique_id(row: dict) -> str:
    raw = text(row.get("event_id")) or f"{text(row.get('source'))}-{text(row.get('char_start'))}"
    # TimelineJS uses the id in the page URL hash: keep it to safe characters.
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in raw) or "event"


def _body(row: dict) -> str:
    parts = [f"<p>{escape(text(row.get('evidence')))}</p>"]
    warnings = [w for w in (row.get("warnings") or []) if w]
    if warnings:
        items = "".join(f"<li>{escape(str(w))}</li>" for w in warnings)
        parts.append(f"<p><strong>&#9888; Doubtful date:</strong></p><ul>{items}</ul>")
    facts = [f"Date as written: &ldquo;{escape(text(row.get('date_text')))}&rdquo;",
             f"status: {escape(text(row.get('status')) or 'unknown')}"]
    confidence = row.get("confidence")
    if confidence is not None and not pd.isna(confidence):
        facts.append(f"confidence {round(float(confidence) * 100)}%")
    parts.append(f"<p>{'; '.join(facts)}</p>")
    source = text(row.get("source"))
    if source:
        parts.append(f"<p>Source: {escape(source)}, published "
                     f"{escape(published_label(text(row.get('published'))))}</p>")
    return "".join(parts)


def _title_text(events, sources, undated: list[dict]) -> str:
    parts = []
    srcs = sources_of(events, sources)
    if srcs:
        items = "".join(f"<li>{escape(s['title'] or s['source'])} (published "
                        f"{escape(published_label(s['published']))})</li>" for s in srcs)
        parts.append(f"<p>Sources:</p><ul>{items}</ul>")
    if undated:
        items = "".join(f"<li>{escape(text(r.get('title')))}: &ldquo;"
                        f"{escape(text(r.get('evidence')))}&rdquo;</li>" for r in undated)
        parts.append(f"<p>Events without a date of their own (not on the axis):</p><ul>{items}</ul>")
    return "".join(parts)
