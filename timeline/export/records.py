"""Plain records and human labels shared by every export format.

An event table holds pandas types (Timestamps, ``pd.NA``, numpy floats); the
exports need plain Python values (ISO strings, ``None``, lists) and the same
human wording of a date everywhere: "by 2027" in the HTML table, the calendar
entry and the TimelineJS slide alike, so a reader never sees two readings of
one event.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import pandas as pd

from ..table import LIST_COLUMNS, make_table

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# How a TIMEX3 mod reads in front of (or around) a date.
_MOD_WORDS = {
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}",
    "ON_OR_AFTER": "from {}",
    "START": "early {}",
    "MID": "mid-{}",
    "END": "late {}",
    "APPROX": "about {}",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
}


def as_table(events) -> pd.DataFrame:
    """The events as a schema-conforming table (accepts a frame or a list of row dicts)."""
    if events is None:
        return make_table([])
    return make_table(events)


def iso(value) -> str | None:
    """ISO 8601 text of a timestamp: a date when it is midnight, else date and time."""
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    ts = pd.Timestamp(value)
    if pd.isna(ts):
        return None
    if ts.hour == ts.minute == ts.second == ts.microsecond == 0 and ts.tz is None:
        return ts.date().isoformat()
    return ts.isoformat()


def plain(value):
    """A cell as a JSON-ready Python value (None for every kind of missing)."""
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, str):  # numpy scalars and arrays
        value = value.tolist()
        if isinstance(value, list):
            return [plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return iso(value)
    return value


def records(events) -> list[dict]:
    """One plain dict per event, schema columns first, dates as ISO text, lists as lists."""
    table = as_table(events)
    out = []
    for row in table.to_dict("records"):
        rec = {}
        for col, value in row.items():
            if col in ("start", "end"):
                rec[col] = iso(value)
            elif col in LIST_COLUMNS:
                rec[col] = [plain(v) for v in (value or [])]
            else:
                rec[col] = plain(value)
        out.append(rec)
    return out


def text(value) -> str:
    """A cell as display text ("" for missing)."""
    value = plain(value)
    return "" if value is None else str(value)


def day_label(ts) -> str:
    ts = pd.Timestamp(ts)
    return f"{ts.day} {_MONTHS[ts.month - 1]} {ts.year}"


def _span_label(start, end) -> str:
    """'21–27 Oct 2024', '28 Oct – 3 Nov 2024', '30 Dec 2024 – 5 Jan 2025'."""
    a, b = pd.Timestamp(start), pd.Timestamp(end)
    if a.year != b.year:
        return f"{day_label(a)} – {day_label(b)}"
    if a.month != b.month:
        return f"{a.day} {_MONTHS[a.month - 1]} – {day_label(b)}"
    return f"{a.day}–{b.day} {_MONTHS[a.month - 1]} {a.year}"


def plain_date(row) -> str:
    """The date of an event at its own precision, without the mod: '1 Nov 2024', 'Apr 2024'."""
    start, end = row.get("start"), row.get("end")
    precision = text(row.get("precision"))
    value = text(row.get("date_value"))
    if start is None or pd.isna(start):
        return text(row.get("date_text")) or "undated"
    s = pd.Timestamp(start)
    e = pd.Timestamp(end) if end is not None and not pd.isna(end) else s
    if precision in ("minute", "hour"):
        return f"{day_label(s)} {s:%H:%M}"
    if precision == "day":
        return day_label(s)
    if precision == "week":
        return _span_label(s, e)
    if precision == "month":
        return f"{_MONTHS[s.month - 1]} {s.year}"
    if precision == "quarter" and "-Q" in value:
        return f"Q{value.rsplit('Q', 1)[1]} {s.year}"
    if precision == "season" and value[-2:] in _SEASON_NAMES:
        return f"{_SEASON_NAMES[value[-2:]]} {value[:4]}"
    if precision == "year":
        return str(s.year)
    if precision == "decade":
        return f"the {s.year}s"
    if precision == "century":
        n = s.year // 100 + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century"
    if s == e:
        return day_label(s)
    return _span_label(s, e)


def display_date(row) -> str:
    """The date as a reader should see it, with its mod: 'by 2027', 'after 1 Nov 2024'."""
    label = plain_date(row)
    mod = text(row.get("date_mod"))
    if text(row.get("precision")) == "approximate" and not mod:
        mod = "APPROX"
    start = row.get("start")
    if start is None or pd.isna(start):  # no date of its own: the words as written say it all
        return label
    pattern = _MOD_WORDS.get(mod)
    return pattern.format(label) if pattern else label


def iter_rows(events) -> Iterator[dict]:
    """Rows of the table as dicts of raw cells (for label helpers)."""
    yield from as_table(events).to_dict("records")


def sources_of(events, sources=None) -> list[dict]:
    """[{"source", "published"}] for the page header: given, or the table's distinct sources."""
    if sources is not None:
        out = []
        for item in sources:
            if isinstance(item, dict):
                out.append({"source": text(item.get("source")),
                            "published": _published_text(item.get("published")),
                            "title": text(item.get("title"))})
            elif isinstance(item, tuple | list):
                src, pub = (list(item) + [None, None])[:2]
                out.append({"source": text(src), "published": _published_text(pub), "title": ""})
            elif hasattr(item, "source"):  # a Document
                out.append({"source": text(item.source),
                            "published": _published_text(getattr(item, "published", None)),
                            "title": text(getattr(item, "title", None))})
            else:
                out.append({"source": text(item), "published": "", "title": ""})
        return out
    table = as_table(events)
    seen: dict[str, str] = {}
    for src, pub in zip(table["source"], table["published"], strict=True):
        key = text(src)
        if key not in seen or (not seen[key] and text(pub)):
            seen[key] = text(pub)
    return [{"source": s, "published": p, "title": ""} for s, p in seen.items()]


def _published_text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def published_label(value: str) -> str:
    """'2024-11-02T12:35:00+05:30' -> '2 Nov 2024 12:35 (UTC+05:30)'; text it cannot read is kept."""
    if not value:
        return "unknown"
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        return value
    if pd.isna(ts):
        return value
    label = day_label(ts)
    if (ts.hour, ts.minute) != (0, 0) or "T" in value:
        label += f" {ts:%H:%M}"
    if ts.tz is not None:
        offset = ts.strftime("%z")
        label += f" (UTC{offset[:3]}:{offset[3:]})" if offset else " (UTC)"
    return label

