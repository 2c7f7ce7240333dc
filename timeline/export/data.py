"""Open data formats: CSV, JSON (an array of event objects), JSON Lines and Parquet.

All four hold every column of the event table. Dates are ISO 8601 text
("2024-11-01", or "2024-11-02T12:35:00" when a time is known); missing values
are empty (CSV) or ``null`` (JSON). List columns (actors, countries, warnings,
sources) are JSON arrays — real arrays in JSON, JSON text inside a CSV cell, a
list column in Parquet — so ``make_table`` reads any of them back unchanged.

CSV files are opened in spreadsheets, and article text is untrusted: a cell
that starts like a formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``
so the spreadsheet shows it instead of running it.
"""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from ..table import LIST_COLUMNS, SCHEMA
from .records import as_table, records

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def to_json(events, *, indent: int | None = 2) -> str:
    """The events as a JSON array of objects, one per event."""
    return json.dumps(records(events), ensure_ascii=False, indent=indent) + "\n"


def to_jsonl(events) -> str:
    """The events as JSON Lines: one event object a line."""
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records(events))


def to_csv(events, *, formula_guard: bool = True) -> str:
    """The events as CSV with a header row; list cells hold JSON arrays."""
    recs = records(events)
    columns = list(as_table(events).columns)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    text_columns = {c for c, t in SCHEMA.items() if isinstance(t, pd.StringDtype)}
    for rec in recs:
        row = {}
        for col in columns:
            value = rec.get(col)
            if col in LIST_COLUMNS or isinstance(value, list | dict):
                row[col] = json.dumps(value or [], ensure_ascii=False)
            elif value is None:
                row[col] = ""
            else:
                cell = str(value)
                if formula_guard and col in text_columns and cell.startswith(_FORMULA_START):
                    cell = "'" + cell
                row[col] = cell
        writer.writerow(row)
    return buf.getvalue()


def to_parquet(events) -> bytes:
    """The events as a Parquet file (bytes), with the table's own column types."""
    table = as_table(events)
    buf = io.BytesIO()
    table.to_parquet(buf, index=False)
    return buf.getvalue()
