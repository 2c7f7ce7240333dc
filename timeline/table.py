"""The event table schema: column names, dtypes, and the helpers that enforce them.

Every producer of event tables (``extract``, ``extract_many``, the corpus
engines, the edit store) passes its rows through :func:`make_table`, so the
dtypes are the same whether a table has 0 rows or 10,000.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

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
    "published": pd.StringDtype(),     # ISO 8601 with offset when known, "" when unknown
}

COLUMNS: list[str] = list(SCHEMA)
LIST_COLUMNS: tuple[str, ...] = ("actors", "countries", "warnings", "sources")
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
    extra columns are kept after the schema's columns.
    """
    df = rows.copy() if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    n = len(df)
    for col, dtype in SCHEMA.items():
        if col not in df.columns:
            if col in LIST_COLUMNS:
                df[col] = pd.Series([[] for _ in range(n)], index=df.index, dtype="object")
            elif dtype == "datetime64[ns]":
                df[col] = pd.Series(pd.NaT, index=df.index, dtype=dtype)
            else:
                df[col] = pd.Series([None] * n, index=df.index, dtype="object")
    for col in LIST_COLUMNS:
        df[col] = [_as_list(v) for v in df[col]] if n else pd.Series([], dtype="object")
        df[col] = df[col].astype("object")
    for col, dtype in SCHEMA.items():
        if col in LIST_COLUMNS:
            continue
        if dtype == "datetime64[ns]":
            df[col] = pd.to_datetime(df[col], errors="coerce").astype("datetime64[ns]")
        elif isinstance(dtype, pd.StringDtype):
            df[col] = df[col].astype("object").where(df[col].notna(), "").astype(dtype)
        else:
            df[col] = df[col].astype(dtype)
    extra = [c for c in df.columns if c not in SCHEMA]
    return df[COLUMNS + extra].reset_index(drop=True)


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
