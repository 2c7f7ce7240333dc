"""The event table schema: column names, dtypes, and the helpers that enforce them.

Every producer of event tables (``extract``, ``extract_many``, the corpus
engines, the edit store) passes its rows through :func:`make_table`, so the
dtypes are the same whether a table has 0 rows or 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

#: Column name -> pandas dtype. Order is the order of the table.
SCHEMA: dict[str, object] = {
    "event_id": pd.StringDtype(),      # stable across runs: hash of source + offsets + value
    "date_value": pd.StringDtype(),    # TIMEX3 value at the stated precision: 2024-11-01, 2024-W43, 2027
    "precision": pd.StringDtype(),     # one of PRECISIONS
    "start": "datetime64[ns]",         # first instant the date covers (naive, local to the article)
    "end": "datetime64[ns]",           # last day the date covers (inclusive, at 00:00 of that day)
    "date_mod": pd.StringDtype(),      # TIMEX3 mod: BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX or ""
    "status": pd.StringDtype(),        # happened, ongoing, planned, target
    "title": pd.StringDtype(),         # short human label
    "evidence": pd.StringDtype(),      # the sentence, as written
    "date_text": pd.StringDtype(),     # the date as written
    "char_start": "Int64",             # offsets of date_text in the source text
    "char_end": "Int64",
    "sentence_start": "Int64",         # offsets of evidence in the source text
    "sentence_end": "Int64",
    "actors": "object",                # list[str] of normalized names
    "countries": "object",             # list[str] of ISO 3166 alpha-3 codes
    "category": pd.StringDtype(),      # CAMEO root code and label: "05 Engage in diplomatic cooperation"
    "confidence": "float64",           # 0..1
    "warnings": "object",              # list[str], empty when none
    "source": pd.StringDtype(),        # document id or path
    "sources": "object",               # list[str]: every source reporting this event
    "support": "object",               # list[str]: other passages reporting the same event
    "published": pd.StringDtype(),     # ISO 8601 with offset when known, "" when unknown
}

COLUMNS: list[str] = list(SCHEMA)
LIST_COLUMNS: tuple[str, ...] = ("actors", "countries", "warnings", "sources", "support")
STATUSES: tuple[str, ...] = ("happened", "ongoing", "planned", "target")
PRECISIONS: tuple[str, ...] = (
    "minute", "hour", "day", "week", "month", "quarter", "season", "year", "decade", "century",
    "approximate",  # anchored to another event ("after the Tokyo talks"), no date of its own
)


def empty_table() -> pd.DataFrame:
    """A table with no rows and the schema's columns and dtypes."""
    return make_table([])


def make_table(rows: Iterable[Mapping] | pd.DataFrame) -> pd.DataFrame:
    """Build an event table from row mappings (or a frame), enforcing the schema.

    Missing columns are filled with empty values; list columns always hold lists;
    dates outside what pandas can hold (before 1677, after 2262) become NaT rather
    than an error; extra columns are kept after the schema's columns.
    """
    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index(drop=True)
        n = len(frame)
        columns = {c: frame[c].tolist() for c in frame.columns}
    else:
        records = list(rows)
        n = len(records)
        names: dict[str, None] = {}
        for r in records:
            names.update(dict.fromkeys(r))
        columns = {c: [r.get(c) for r in records] for c in names}
    data = {}
    for col, dtype in SCHEMA.items():
        values = columns.get(col)
        if values is None:
            values = [None] * n
        if col in LIST_COLUMNS:
            arr = np.empty(n, dtype=object)
            for i, v in enumerate(values):
                arr[i] = _as_list(v)
        elif dtype == "datetime64[ns]":
            arr = _timestamps(values)
        elif isinstance(dtype, pd.StringDtype):
            arr = pd.array(["" if _missing(v) else str(v) for v in values], dtype=dtype)
        elif dtype == "Int64":
            arr = pd.array([None if _missing(v) else int(v) for v in values], dtype="Int64")
        else:
            arr = np.array([np.nan if _missing(v) else float(v) for v in values], dtype=dtype)
        data[col] = arr
    for col, values in columns.items():
        if col in SCHEMA:
            continue
        if isinstance(rows, pd.DataFrame):
            data[col] = frame[col].array  # keep the caller's dtype
        else:
            arr = np.empty(n, dtype=object)
            arr[:] = values if n else []
            data[col] = arr
    return pd.DataFrame(data, index=pd.RangeIndex(n), copy=False)


def _missing(v) -> bool:
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float) and v != v


# The nanosecond range the schema's datetime64[ns] columns can hold.
_NS_MIN, _NS_MAX = pd.Timestamp("1677-09-22"), pd.Timestamp("2262-04-11")


def _timestamps(values) -> np.ndarray:
    out = np.empty(len(values), dtype="datetime64[ns]")
    for i, v in enumerate(values):
        out[i] = _timestamp(v)
    return out


def _timestamp(v) -> np.datetime64:
    if _missing(v):
        return _NAT
    try:
        ts = pd.Timestamp(v)
    except (ValueError, TypeError, OverflowError):  # out of range or not a date
        return _NAT
    if ts is pd.NaT:
        return _NAT
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    if not _NS_MIN <= ts <= _NS_MAX:
        return _NAT
    return ts.as_unit("ns").to_datetime64()


_NAT = np.datetime64("NaT", "ns")


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, float) and value != value:  # NaN from a missing cell
        return []
    if isinstance(value, str):
        return [value] if value else []
    if hasattr(value, "tolist"):  # numpy arrays from Parquet
        return list(value.tolist())
    return list(value)
