"""The event table: ``extract`` for one article, ``extract_many`` for many.

One row per dated event, with the date at the precision the text gives, the
interval it covers, whether it happened or is planned, who is involved, its
CAMEO category, the sentence as evidence, and any doubt as plain-language
warnings. The schema is :mod:`timeline.table`'s; ``support`` (other passages
reporting the same event, such as a photo caption) is an extra list column.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .document import Document
from .errors import InputError
from .events.build import build_events
from .events.event import event_columns
from .table import LIST_COLUMNS, make_table, table_of_columns

EXTRA_LIST_COLUMNS = ("support",)
_LOOKS_LIKE_PATH = re.compile(r"^[^\s]+\.(?:txt|md|markdown|html?|xml)$", re.IGNORECASE)


def _published_value(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value):
        return None  # NaN / NaT from a DataFrame cell: publication time unknown
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, datetime | date):
        return value
    from .temporal.published import parse_published

    return parse_published(value)


def _document(text, published=None, source=None) -> Document:
    if isinstance(text, Document):
        doc = text
        if published is not None:
            doc.published = _published_value(published)
        if source is not None:
            doc.source = str(source)
        return doc
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source or 'text'}: not UTF-8 text; decode it first or pass a file to timeline.read"
            ) from exc
    if not isinstance(text, str):
        raise InputError(f"{source or 'input'}: expected article text, got {type(text).__name__}")
    return Document(text=text, source=str(source) if source else "text",
                    published=_published_value(published))


def _published_column(doc: Document) -> str:
    """The ``published`` column: the publication time, "" when unknown (a day worked out
    from a dateline is no publication time; its events say how it was worked out)."""
    return "" if doc.meta.get("published_inferred") else _iso(doc.published)


def _iso(published) -> str:
    if published is None:
        return ""
    return published.isoformat()


def events_frame(doc: Document) -> pd.DataFrame:
    """The event table of one :class:`Document` (its ``published`` is filled when found)."""
    from .temporal.tagger import tag_document

    mentions = tag_document(doc)
    events = build_events(doc, mentions)
    return _events_table(events, doc.source, _published_column(doc))


def _events_table(events: list, source: str, published: str) -> pd.DataFrame:
    """``_table([e.row(source, published) for e in events])``, built column by column."""
    if _COLUMNS_ARE_SCHEMA:
        return table_of_columns(event_columns(events, source, published), len(events))
    return _table([e.row(source, published) for e in events])


# Whether _table adds nothing to make_table's frame (else events take the row path).
_COLUMNS_ARE_SCHEMA = set(EXTRA_LIST_COLUMNS) <= set(LIST_COLUMNS)


def _table(rows: list[dict]) -> pd.DataFrame:
    df = make_table(rows)
    for col in EXTRA_LIST_COLUMNS:
        if col in LIST_COLUMNS:
            continue  # make_table already holds it as fresh lists, one per row
        if col not in df.columns:
            df[col] = pd.Series([[] for _ in range(len(df))], index=df.index, dtype="object")
        else:
            df[col] = pd.Series([list(v) if isinstance(v, list) else [] for v in df[col]],
                                index=df.index, dtype="object")
    return df


def extract(text, published=None, source=None) -> pd.DataFrame:
    """The event table of one article.

    ``text`` is the article text (or a :class:`Document`); ``published`` the
    publication time if known (ISO string, datetime, date or free text such as
    "November 02, 2024 12:35 PM IST"), else it is looked for in the text;
    ``source`` names the article in the ``source`` column and in ``event_id``.
    """
    return events_frame(_document(text, published, source))


def _to_document(item, index: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, Path):
        from .read import read

        return read(item)
    if isinstance(item, Mapping):
        if "text" not in item:
            raise InputError(f"record {index}: has no 'text' field; give id, published and text")
        return _document(item["text"], item.get("published"), item.get("id") or f"doc-{index}")
    if isinstance(item, str):
        # A short single line naming an existing file is a path; anything else is text.
        if "\n" not in item and len(item) < 4096:
            if os.path.isfile(item):
                from .read import read

                return read(item)
            if _LOOKS_LIKE_PATH.match(item.strip()):
                raise InputError(f"{item}: no such file; give an existing path or the article text")
        return _document(item, None, f"text-{index}")
    raise InputError(f"item {index}: expected text, a path or a record, got {type(item).__name__}")


def extract_many(docs: Iterable) -> pd.DataFrame:
    """One event table for many articles (texts, paths, Documents or
    ``{"id", "published", "text"}`` records).

    The same event reported by several articles (same day, same actors, same
    category) becomes one row whose ``sources`` lists every article.
    """
    from .temporal.tagger import tag_document

    rows: list[dict] = []
    for index, item in enumerate(docs):
        doc = _to_document(item, index)
        mentions = tag_document(doc)
        pub = _published_column(doc)
        rows.extend(e.row(doc.source, pub) for e in build_events(doc, mentions))
    return _table(merge_sources(rows))


def merge_sources(rows: list[dict]) -> list[dict]:
    """Merge rows from different sources that report the same event.

    Same event = same date value and precision, same category, the same first
    actor (the clause's subject) and mostly the same actors (Jaccard >= 0.5).
    Rows without actors and approximate rows are never merged: too little to go on.
    The first row is kept; the others add their source and sentence as support.
    """
    kept: dict[tuple, list[dict]] = {}
    out: list[dict] = []
    for row in rows:
        if not row["actors"] or row["precision"] == "approximate":
            out.append(row)
            continue
        key = (row["date_value"], row["precision"], row["category"], row["actors"][0])
        mine = set(row["actors"])
        same = next(
            (
                k for k in kept.get(key, [])
                if row["source"] not in k["sources"]
                and len(mine & set(k["actors"])) / len(mine | set(k["actors"])) >= 0.5
            ),
            None,
        )
        if same is None:
            kept.setdefault(key, []).append(row)
            out.append(row)
            continue
        same["sources"].append(row["source"])
        same["support"].append(f'{row["source"]}: {row["evidence"]}')
        same["confidence"] = max(same["confidence"], row["confidence"])
    return out
