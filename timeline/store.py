"""User corrections to event tables, kept in a local SQLite file.

An extracted table is never changed in place: the store records, per event and field,
the extracted value and the corrected one, plus whether the user hid or deleted the
event. :meth:`EditStore.apply_edits` lays the corrections over a freshly extracted table,
so a re-run of the extractor keeps the user's work (events are keyed by their stable
``event_id``), and "undo" simply forgets the correction.

Each change is one SQLite transaction in WAL mode: a crash or a kill leaves either the
old or the new state on disk, never half of an edit.

Where the file lives: ``--store FILE``, else ``$TIMELINE_STORE``, else
``$XDG_DATA_HOME/timeline/edits.sqlite3`` (``~/.local/share/timeline/edits.sqlite3``).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

import pandas as pd

from .errors import InputError
from .table import STATUSES, make_table
from .temporal.intervals import interval_of

#: Fields a user may correct, and how a typed value becomes a table value.
EDITABLE = ("title", "date_value", "status", "category", "actors")
ENV_VAR = "TIMELINE_STORE"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS edits (
    event_id   TEXT NOT NULL,
    field      TEXT NOT NULL,
    extracted  TEXT,            -- JSON: the value the extractor gave
    corrected  TEXT NOT NULL,   -- JSON: the user's value
    updated_at REAL NOT NULL,
    PRIMARY KEY (event_id, field)
);
CREATE TABLE IF NOT EXISTS flags (
    event_id   TEXT PRIMARY KEY,
    hidden     INTEGER NOT NULL DEFAULT 0,
    deleted    INTEGER NOT NULL DEFAULT 0,
    updated_at REAL NOT NULL
);
"""

_PRECISION_PATTERNS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"), "minute"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}$"), "hour"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), "day"),
    (re.compile(r"^\d{4}-W\d{1,2}$"), "week"),
    (re.compile(r"^\d{4}-\d{2}$"), "month"),
    (re.compile(r"^\d{4}-Q[1-4]$"), "quarter"),
    (re.compile(r"^\d{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)


def default_path() -> Path:
    """The store file used when none is given (see the module docstring)."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "timeline" / "edits.sqlite3"


def precision_of(value: str) -> str | None:
    """The precision a TIMEX3 date value states ("2024-11" -> "month"), or None."""
    for pattern, precision in _PRECISION_PATTERNS:
        if pattern.match(value):
            return precision
    return None


def normalize_value(field: str, value):
    """Check and normalize a user's value for ``field``; raise InputError with advice."""
    if field not in EDITABLE:
        raise InputError(f"{field!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    if field == "actors":
        items = value if isinstance(value, list | tuple) else str(value or "").split(";")
        if len(items) == 1 and isinstance(value, str) and ";" not in value:
            items = value.split(",")
        return [str(a).strip() for a in items if str(a).strip()]
    text = "" if value is None else str(value).strip()
    if field == "status":
        if text not in STATUSES:
            raise InputError(f"status {text!r} is not one of {', '.join(STATUSES)}")
    elif field == "date_value":
        if precision_of(text) is None or interval_of(text) is None:
            raise InputError(
                f"date {text!r} is not a calendar date: write it as 2024-11-01, 2024-11, "
                "2024-W43, 2024-Q2 or 2027"
            )
    elif field == "title" and not text:
        raise InputError("a title cannot be empty; undo the edit to get the extracted title back")
    return text


class EditStore:
    """Corrections, hides and deletions for events, in one SQLite file."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"{self.path}: cannot open the edit store ({exc}); give another file with --store"
            ) from exc
        # One connection shared by the server's threads: serialize its use.
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> EditStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- changes

    def set_value(self, event_id: str, field: str, value, extracted=None):
        """Record a correction; the first extracted value seen for the field is kept."""
        value = normalize_value(field, value)
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO edits (event_id, field, extracted, corrected, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, field) DO UPDATE SET "
                "corrected = excluded.corrected, updated_at = excluded.updated_at",
                (str(event_id), field, _dump(extracted), _dump(value), time.time()),
            )
        return value

    def revert(self, event_id: str, field: str | None = None) -> int:
        """Undo: back to the extracted value(s). Returns how many corrections were dropped."""
        with self._lock, self._conn:
            if field is None:
                cur = self._conn.execute("DELETE FROM edits WHERE event_id = ?", (str(event_id),))
                self._conn.execute("DELETE FROM flags WHERE event_id = ?", (str(event_id),))
            else:
                cur = self._conn.execute(
                    "DELETE FROM edits WHERE event_id = ? AND field = ?", (str(event_id), field)
                )
            return cur.rowcount

    def hide(self, event_id: str, hidden: bool = True) -> None:
        self._flag(event_id, "hidden", hidden)

    def delete(self, event_id: str, deleted: bool = True) -> None:
        """Mark an event deleted: it leaves the table, the record stays so it can be restored."""
        self._flag(event_id, "deleted", deleted)

    def _flag(self, event_id: str, column: str, on: bool) -> None:
        assert column in ("hidden", "deleted")
        with self._lock, self._conn:
            self._conn.execute(
                f"INSERT INTO flags (event_id, {column}, updated_at) VALUES (?, ?, ?) "
                f"ON CONFLICT (event_id) DO UPDATE SET {column} = excluded.{column}, "
                "updated_at = excluded.updated_at",
                (str(event_id), int(bool(on)), time.time()),
            )

    # ---------------------------------------------------------------- reading

    def edits(self, event_id: str | None = None) -> dict[str, dict[str, dict]]:
        """{event_id: {field: {"extracted": v, "corrected": v}}}."""
        sql = "SELECT event_id, field, extracted, corrected FROM edits"
        args: tuple = ()
        if event_id is not None:
            sql += " WHERE event_id = ?"
            args = (str(event_id),)
        with self._lock:
            rows = self._conn.execute(sql, args).fetchall()
        out: dict[str, dict[str, dict]] = {}
        for eid, field, extracted, corrected in rows:
            out.setdefault(eid, {})[field] = {
                "extracted": _load(extracted), "corrected": _load(corrected),
            }
        return out

    def flags(self) -> dict[str, dict[str, bool]]:
        with self._lock:
            rows = self._conn.execute("SELECT event_id, hidden, deleted FROM flags").fetchall()
        return {eid: {"hidden": bool(h), "deleted": bool(d)} for eid, h, d in rows}

    def apply_edits(self, events: pd.DataFrame, *, include_hidden: bool = False,
                    include_deleted: bool = False) -> pd.DataFrame:
        """The table with corrections applied; hidden and deleted events removed unless asked
        for. Adds ``edited`` (list of corrected fields), ``hidden`` and ``deleted`` columns.
        """
        df = make_table(events)
        edits = self.edits()
        flags = self.flags()
        ids = df["event_id"].astype(str)
        df["edited"] = pd.Series([[] for _ in range(len(df))], index=df.index, dtype="object")
        df["hidden"] = ids.map(lambda e: flags.get(e, {}).get("hidden", False)).astype(bool)
        df["deleted"] = ids.map(lambda e: flags.get(e, {}).get("deleted", False)).astype(bool)
        for pos in [i for i, e in enumerate(ids) if e in edits]:
            for field, v in edits[ids.iat[pos]].items():
                _apply(df, pos, field, v["corrected"])
                df.at[pos, "edited"] = [*df.at[pos, "edited"], field]
        keep = pd.Series(True, index=df.index)
        if not include_hidden:
            keep &= ~df["hidden"]
        if not include_deleted:
            keep &= ~df["deleted"]
        return df[keep.to_numpy()].reset_index(drop=True)


def _apply(df: pd.DataFrame, pos: int, field: str, value) -> None:
    if field == "date_value":
        start, end = interval_of(value)
        df.at[pos, "date_value"] = value
        df.at[pos, "precision"] = precision_of(value) or ""
        df.at[pos, "start"] = start
        df.at[pos, "end"] = end
        df.at[pos, "date_mod"] = ""  # the user typed the date they mean
    elif field == "actors":
        df.at[pos, "actors"] = list(value)
    elif field in df.columns:
        df.at[pos, field] = value


def _dump(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "tolist"):
        value = value.tolist()
    return json.dumps(value, default=str, ensure_ascii=False)


def _load(text: str | None):
    return None if text is None else json.loads(text)
