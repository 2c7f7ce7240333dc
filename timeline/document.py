"""The document model: one owner of the raw text, everything else points into it.

A :class:`Document` holds the article text exactly as read; date mentions and
events keep ``start``/``end`` character offsets into ``Document.text`` so that
``doc.text[m.start:m.end] == m.text`` always holds and the app can highlight
the source passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Document:
    """An article: its text, where it came from, and when it was published.

    ``published`` is the publication time given by the caller or found in the
    text (timezone-aware where the text says which zone); ``None`` if unknown.
    """

    text: str
    source: str = "text"
    published: datetime | None = None
    title: str | None = None
    meta: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]
