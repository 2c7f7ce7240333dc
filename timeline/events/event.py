"""The in-memory event: what one row of the event table is built from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter

import pandas as pd


@dataclass
class Event:
    date_value: str
    precision: str
    start: pd.Timestamp | None
    end: pd.Timestamp | None
    date_text: str
    char_start: int
    char_end: int
    sentence_start: int
    sentence_end: int
    evidence: str
    kind: str = "body"               # sentence kind: body, caption, headline
    date_mod: str = ""
    status: str = "happened"
    title: str = ""
    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    category: str = ""
    confidence: float = 1.0
    warnings: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)   # other passages that report the same event
    rules: list[str] = field(default_factory=list)     # tagger rules behind the date
    clause: str = ""

    def warn(self, text: str) -> None:
        if text and text not in self.warnings:
            self.warnings.append(text)

    def row(self, source: str, published: str) -> dict:
        return {
            "event_id": event_id(source, self.char_start, self.char_end),
            "date_value": self.date_value,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
            "date_mod": self.date_mod or "",
            "status": self.status,
            "title": self.title,
            "evidence": self.evidence,
            "date_text": self.date_text,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "actors": list(self.actors),
            "countries": list(self.countries),
            "category": self.category,
            "confidence": round(float(self.confidence), 3),
            "warnings": list(self.warnings),
            "source": source,
            "sources": [source],
            "published": published,
            "support": list(self.support),
        }


def event_columns(events: list[Event], source: str, published: str) -> dict[str, list | tuple]:
    """The rows :meth:`Event.row` makes of ``events``, as column name -> values.

    The list columns hold the events' own lists: the table copies them anyway
    (one copy instead of two), so the table never shares a list with an event.
    """
    if not events:
        return {}
    # The fields row() takes: one C-level transpose instead of a loop per field.
    columns = dict(zip(_FIELDS, zip(*map(_field_values, events), strict=True), strict=True))
    columns["event_id"] = list(map(partial(event_id, source), columns["char_start"], columns["char_end"]))
    columns["date_mod"] = [mod or "" for mod in columns["date_mod"]]
    columns["confidence"] = [round(float(c), 3) for c in columns["confidence"]]
    for name in _LIST_FIELDS:
        values = columns[name]
        if set(map(type, values)) != {list}:  # else the lists as they are
            columns[name] = list(map(_listed, values))
    columns["source"] = [source] * len(events)
    columns["sources"] = [[source] for _ in events]
    columns["published"] = [published] * len(events)
    return columns


_LIST_FIELDS = ("actors", "countries", "warnings", "support")
# Taken from each event in one call; date_mod, confidence and the lists then adjusted as row() does.
_FIELDS = (
    "date_value", "precision", "start", "end", "status", "title", "evidence", "date_text",
    "char_start", "char_end", "sentence_start", "sentence_end", "category",
    "date_mod", "confidence", *_LIST_FIELDS,
)
_field_values = attrgetter(*_FIELDS)


def _listed(values) -> list:
    """``values`` where it is a list already (the table copies it), else ``list(values)`` as row() does."""
    return values if type(values) is list else list(values)


def event_id(source: str, start: int, end: int) -> str:
    """Stable id: the same article gives the same ids on every run."""
    key = f"{source}\x1f{start}\x1f{end}".encode()
    return hashlib.sha1(key).hexdigest()[:12]
