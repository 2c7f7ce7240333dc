"""What the app shows: the extracted events of its articles, with the user's edits laid over.

A :class:`Session` owns the extracted table, the article texts (to show the passage an
event comes from) and the :class:`~timeline.store.EditStore`. Every change bumps
``version``; views derived from the table are cached per version, so a filter change
does not redo the edits or the search index.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..document import Document
from ..errors import InputError
from ..store import EditStore
from ..table import empty_table, make_table
from .filters import search_text

#: Largest article the app accepts by upload or paste.
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
EVENT_SUFFIXES = (".parquet", ".pq")
ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "eu-japan-partnership-2024.txt"


class Session:
    """The events on screen and everything needed to edit them."""

    def __init__(self, events: pd.DataFrame | None = None, *, store: EditStore,
                 texts: dict[str, str] | None = None, notes: Iterable[str] = ()):
        self._lock = threading.RLock()
        self.base = make_table(events if events is not None else empty_table())
        self.texts: dict[str, str] = dict(texts or {})
        self.store = store
        self.notes: list[str] = list(notes)  # problems met while loading, shown in the app
        self.version = 0
        self._cache: dict[tuple, object] = {}

    # ---------------------------------------------------------------- views

    def events(self, *, include_hidden: bool = False) -> pd.DataFrame:
        """The table with edits applied (hidden rows only when asked; deleted ones also then)."""
        key = ("events", include_hidden, self.version)
        with self._lock:
            if key not in self._cache:
                self._evict()
                if include_hidden:
                    df = self._with_deleted()
                else:
                    df = self.store.apply_edits(self.base)
                    df["state"] = "shown"
                self._cache[key] = df
            return self._cache[key]

    def haystack(self, *, include_hidden: bool = False) -> pd.Series:
        key = ("haystack", include_hidden, self.version)
        with self._lock:
            if key not in self._cache:
                self._cache[key] = search_text(self.events(include_hidden=include_hidden))
            return self._cache[key]

    def _with_deleted(self) -> pd.DataFrame:
        df = self.store.apply_edits(self.base, include_hidden=True, include_deleted=True)
        df["state"] = ["deleted" if d else "hidden" if h else "shown"
                       for h, d in zip(df["hidden"], df["deleted"], strict=True)]
        return df

    def _evict(self) -> None:
        stale = [k for k in self._cache if k[-1] != self.version]
        for k in stale:
            del self._cache[k]

    def event(self, event_id: str) -> dict | None:
        df = self.events(include_hidden=True)
        hit = df[df["event_id"] == event_id]
        return None if hit.empty else hit.iloc[0].to_dict()

    # ---------------------------------------------------------------- changes

    def changed(self) -> int:
        with self._lock:
            self.version += 1
            return self.version

    def add_document(self, doc: Document, published=None) -> int:
        """Extract the events of one more article; returns how many were found."""
        events = extract_document(doc, published)
        with self._lock:
            self.texts[doc.source] = doc.text
            fresh = events[~events["event_id"].isin(self.base["event_id"])]
            self.base = make_table(pd.concat([self.base, fresh], ignore_index=True))
            self.changed()
        return len(events)


# -------------------------------------------------------------------- loading


def extract_document(doc: Document, published=None) -> pd.DataFrame:
    """The event table of one document, via the library's extractor."""
    try:
        from ..extract import extract
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("timeline"):
            raise InputError("the event extractor is not installed in this build; "
                             "open an events file (.parquet/.jsonl) instead") from exc
        raise
    when = published if published not in (None, "") else doc.published
    if isinstance(when, str):
        from ..temporal.published import parse_published

        when = parse_published(when)
    return make_table(extract(doc.text, published=when, source=doc.source))


def read_upload(data: bytes, name: str) -> Document:
    """An uploaded or pasted article as a Document; refuses oversized input clearly."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {MAX_UPLOAD_BYTES // 1_000_000} MB "
            "limit for one article; split it or run `python -m timeline extract` on it"
        )
    from ..read import read_text

    return read_text(data, name)


def is_events_file(path: Path) -> bool:
    """True for the output of a corpus run (rows with event_id), not a corpus of articles."""
    if path.is_dir():
        first = next(iter(sorted(path.rglob("*.parquet"))), None)
        return first is not None and is_events_file(first)
    suffix = path.suffix.lower()
    if suffix in EVENT_SUFFIXES:
        import pyarrow.parquet as pq

        try:
            return "event_id" in pq.read_schema(path).names
        except Exception:  # noqa: BLE001 - not readable as Parquet: let the reader explain
            return False
    if suffix in (".jsonl", ".ndjson", ".json"):
        with path.open("rb") as fh:
            line = fh.readline(1_000_000)
        try:
            first = json.loads(line)
        except ValueError:
            return False
        return isinstance(first, dict) and "event_id" in first
    return False


def load_paths(paths: Iterable[str | Path], published=None) -> tuple[pd.DataFrame, dict, list[str]]:
    """Events, article texts and load notes for the app's command-line inputs.

    An events file (Parquet file or folder, JSONL with ``event_id``) is loaded as is;
    anything else is read as articles and extracted. A missing path is an InputError;
    a bad article inside a folder becomes a note and the others still load.
    """
    tables: list[pd.DataFrame] = []
    texts: dict[str, str] = {}
    notes: list[str] = []
    articles: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or folder; check the path")
        if is_events_file(p):
            from ..corpus import load_events

            tables.append(make_table(load_events(p)))
        else:
            articles.append(p)
    if articles:
        from ..corpus import iter_documents

        def note(doc_id: str, reason: str) -> None:
            notes.append(f"{doc_id}: {reason}")

        for doc in iter_documents(articles, published, on_error=note):
            try:
                tables.append(extract_document(doc))
                texts[doc.source] = doc.text
            except InputError as exc:
                notes.append(str(exc))
    events = make_table(pd.concat(tables, ignore_index=True)) if tables else empty_table()
    if len(events):
        events = events.drop_duplicates("event_id", keep="first").reset_index(drop=True)
    return events, texts, notes
