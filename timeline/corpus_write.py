"""Streaming writers for event tables, and reading their output back.

Corpus runs write results chunk by chunk so that memory stays flat. Every
writer keeps a *ledger* of the documents whose rows are safely on disk
(``OUT.done`` beside a file, ``OUT/_done.jsonl`` in a Parquet folder); a run
started again with ``resume=True`` cuts away anything written after the last
ledger entry and skips the documents the ledger names.

Formats: ``jsonl`` (one event object a line), ``json`` (one array), ``csv``
(list cells joined with "; "), ``table`` (fixed-width text for reading),
``parquet`` (one file, or a folder of part files, optionally partitioned by
the month an event starts: ``month=2024-11/part-....parquet``).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import uuid
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .errors import InputError
from .table import COLUMNS, LIST_COLUMNS, SCHEMA, make_table

FORMATS = ("table", "csv", "json", "jsonl", "parquet")
#: Columns the ``table`` format shows, with their widths (0 = unbounded).
TABLE_COLUMNS = (("date_value", 16), ("precision", 9), ("date_mod", 12), ("status", 8),
                 ("title", 48), ("date_text", 24), ("source", 28), ("warnings", 0))
UNKNOWN_MONTH = "unknown"  # partition of events without a start date
_LEDGER_IN_DIR = "_done.jsonl"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- rows as JSON -------------------------------------------------------------


def json_value(value):
    """A table cell as a JSON-ready value: ISO dates, lists as lists, missing as None."""
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy arrays/scalars
        return json_value(value.tolist())
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
        if value.time() == datetime.min.time() and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def table_records(df: pd.DataFrame) -> list[dict]:
    """Event rows as JSON-ready dicts, schema columns first."""
    cols = list(df.columns)
    return [{c: json_value(v) for c, v in zip(cols, row, strict=True)}
            for row in df.itertuples(index=False, name=None)]


# --- Arrow schema ---------------------------------------------------------------


def arrow_schema(df: pd.DataFrame | None = None):
    """The Arrow schema of event tables: the schema's columns, then ``df``'s extra
    columns (lists of strings where the first value is a list, else strings)."""
    import pyarrow as pa

    fields = []
    for col, dtype in SCHEMA.items():
        if col in LIST_COLUMNS:
            t = pa.list_(pa.string())
        elif dtype == "datetime64[ns]":
            t = pa.timestamp("ns")
        elif dtype == "Int64":
            t = pa.int64()
        elif dtype == "float64":
            t = pa.float64()
        else:
            t = pa.string()
        fields.append(pa.field(col, t))
    if df is not None:
        for col in df.columns:
            if col in SCHEMA or col == "month":
                continue
            first = next((v for v in df[col] if v is not None), None)
            is_list = isinstance(first, list | tuple) or hasattr(first, "tolist")
            fields.append(pa.field(str(col), pa.list_(pa.string()) if is_list else pa.string()))
    return pa.schema(fields)


def to_arrow(df: pd.DataFrame, schema=None):
    """An event table as an Arrow table of ``schema`` (default: from ``df``); columns
    the schema lacks are dropped, columns ``df`` lacks are filled empty."""
    import pyarrow as pa

    schema = schema if schema is not None else arrow_schema(df)
    n = len(df)
    arrays = []
    for field in schema:
        is_list = pa.types.is_list(field.type)
        if field.name not in df.columns:
            arrays.append(pa.array([[] if is_list else None] * n, type=field.type))
            continue
        s = df[field.name]
        if is_list:
            arrays.append(pa.array([[str(x) for x in _listish(v)] for v in s], type=field.type))
        elif pa.types.is_string(field.type):
            values = s.astype("object").where(s.notna(), None).tolist()
            arrays.append(pa.array([None if v is None else str(v) for v in values],
                                   type=field.type))
        else:
            arrays.append(pa.Array.from_pandas(s, type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def _listish(value) -> list:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if isinstance(value, str):
        return [value]
    if hasattr(value, "tolist"):
        return list(value.tolist())
    return list(value)


# --- writers ---------------------------------------------------------------------


class Writer:
    """Base: ``write(df, ids)`` adds one chunk (rows of the documents ``ids``)."""

    def __init__(self):
        self.rows = 0

    def done_ids(self) -> set[str]:
        return set()

    def write(self, df: pd.DataFrame, ids: list[str]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def interrupted(self) -> None:
        """The run stops early: keep what is complete, so that --resume can go on from it."""


class StreamWriter(Writer):
    """Text formats to a stream or file, with a byte-offset ledger for files."""

    def __init__(self, fmt: str, out: Path | None, *, resume: bool = False, stream=None):
        super().__init__()
        self.fmt = fmt
        self.out = out
        self.ledger = Path(str(out) + ".done") if out is not None else None
        self._done: set[str] = set()
        self._first = True
        self._fields: list[str] | None = None
        if out is None:
            self.handle = stream
        else:
            if resume and fmt not in ("jsonl", "csv"):
                raise InputError(f"--resume needs JSONL, CSV or a Parquet folder as output, "
                                 f"not {fmt}; write -f jsonl or a Parquet folder")
            if resume and out.exists() and self.ledger.exists():
                size = self._read_ledger()
                with open(out, "r+b") as fh:  # drop rows written after the last ledger entry
                    fh.truncate(size)
                self.handle = open(out, "a", encoding="utf-8", newline="")  # noqa: SIM115
                self._first = size == 0
            else:
                out.parent.mkdir(parents=True, exist_ok=True)
                self.handle = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
                self.ledger.write_text("", encoding="utf-8")
        if fmt == "json":
            self.handle.write("[")

    def _read_ledger(self) -> int:
        size = 0
        for line in self.ledger.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                break  # a half-written last entry: everything after the one before is redone
            self._done.update(entry.get("ids", []))
            size = int(entry.get("size", size))
        return size

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, df: pd.DataFrame, ids: list[str]) -> None:
        if len(df):
            self.handle.write(self._render(df))
            self.rows += len(df)
        if self.out is not None:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            with open(self.ledger, "a", encoding="utf-8") as led:
                led.write(json.dumps({"ids": list(ids), "size": self.handle.tell()}) + "\n")
        else:
            self.handle.flush()

    def _render(self, df: pd.DataFrame) -> str:
        first, self._first = self._first, False
        if self.fmt == "jsonl":
            return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in table_records(df))
        if self.fmt == "json":
            sep = "\n" if first else ",\n"
            return sep + ",\n".join(json.dumps(r, ensure_ascii=False) for r in table_records(df))
        if self.fmt == "csv":
            buf = io.StringIO()
            records = table_records(df)
            if self._fields is None:  # the first rows fix the columns
                self._fields = list(df.columns)
            writer = csv.DictWriter(buf, fieldnames=self._fields, lineterminator="\n",
                                    extrasaction="ignore")
            if first:
                writer.writeheader()
            for r in records:
                writer.writerow({k: _csv_cell(v) for k, v in r.items()})
            return buf.getvalue()
        return format_table(df, header=first)

    def close(self) -> None:
        if self.fmt == "json":
            self.handle.write("\n]\n" if not self._first else "]\n")
        if self.fmt == "table" and self._first:
            self.handle.write(format_table(df=make_table([]), header=True))
        if self.fmt == "csv" and self._first:
            self.handle.write(",".join(COLUMNS) + "\n")
        self.handle.flush()
        if self.out is not None:
            self.handle.close()


def _csv_cell(value):
    """Lists as JSON arrays; text that a spreadsheet would run as a formula gets a leading '."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def format_table(df: pd.DataFrame, header: bool = True) -> str:
    """Fixed-width text rows (and a header) for reading in a terminal."""
    lines = []
    if header:
        lines.append(_table_line([c.upper() for c, _ in TABLE_COLUMNS]))
    cols = [c for c, _ in TABLE_COLUMNS]
    for row in df[cols].itertuples(index=False, name=None):
        lines.append(_table_line([_cell(v) for v in row]))
    return "".join(line + "\n" for line in lines)


def _table_line(cells: list[str]) -> str:
    out = []
    for value, (_, width) in zip(cells, TABLE_COLUMNS, strict=True):
        if width:
            value = value if len(value) <= width else value[: width - 1] + "…"
            value = value.ljust(width)
        out.append(value)
    return "  ".join(out).rstrip()


def _cell(value) -> str:
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(map(str, value))
    return " ".join(str(value).split())


class ParquetFileWriter(Writer):
    """One Parquet file, written through pyarrow's ParquetWriter (no resume: the footer
    is written at the end). Written to ``OUT.partial`` and renamed when complete."""

    def __init__(self, out: Path, *, resume: bool = False):
        super().__init__()
        import pyarrow.parquet as pq

        if resume:
            raise InputError(f"--resume cannot continue a single Parquet file ({out}); "
                             "write to a folder (-o DIR -f parquet) or JSONL to resume")
        out.parent.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.partial = out.with_name(out.name + ".partial")
        self._pq = pq
        self.writer = None  # opened on the first rows, whose extra columns fix the schema

    def write(self, df: pd.DataFrame, ids: list[str]) -> None:
        if len(df):
            if self.writer is None:
                self.writer = self._pq.ParquetWriter(self.partial, arrow_schema(df))
            self.writer.write_table(to_arrow(df, self.writer.schema))
            self.rows += len(df)

    def close(self) -> None:
        if self.writer is None:
            self.writer = self._pq.ParquetWriter(self.partial, arrow_schema())
        self.writer.close()
        os.replace(self.partial, self.out)


class ParquetDatasetWriter(Writer):
    """A folder of Parquet part files, optionally ``month=YYYY-MM/`` partitioned.

    Rows are buffered up to ``flush_rows`` so that part files are not tiny; each
    flush writes its files under temporary names, renames them, then records
    them and the finished document ids in ``_done.jsonl``. On resume, part files
    that no ledger entry names are deleted (they come from an interrupted flush).
    """

    def __init__(self, out: Path, *, partition_by: str | None = None, resume: bool = False,
                 flush_rows: int = 20_000):
        super().__init__()
        self.out = out
        self.partition_by = partition_by
        self.flush_rows = flush_rows
        self.ledger = out / _LEDGER_IN_DIR
        self._done: set[str] = set()
        self._buffer: list[pd.DataFrame] = []
        self._buffered_rows = 0
        self._pending_ids: list[str] = []
        self._seq = 0
        self._token = uuid.uuid4().hex[:8]
        self._schema = None  # fixed by the first rows so that every part file agrees
        if out.exists() and not out.is_dir():
            raise InputError(f"{out} is a file; a Parquet folder output needs a folder path")
        existing = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        if existing and not resume:
            raise InputError(f"{out} already holds files; add --resume to continue that run, "
                             "or choose an empty folder")
        out.mkdir(parents=True, exist_ok=True)
        if resume and self.ledger.exists():
            listed = self._read_ledger()
            for p in out.rglob("*.parquet"):
                if p.relative_to(out).as_posix() not in listed:
                    p.unlink()
        for p in out.rglob("*.tmp"):
            p.unlink()

    def _read_ledger(self) -> set[str]:
        listed: set[str] = set()
        for line in self.ledger.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                break
            self._done.update(entry.get("ids", []))
            listed.update(entry.get("parts", []))
        return listed

    def done_ids(self) -> set[str]:
        return set(self._done)

    def write(self, df: pd.DataFrame, ids: list[str]) -> None:
        if len(df):
            self._buffer.append(df)
            self._buffered_rows += len(df)
        self._pending_ids.extend(ids)
        if self._buffered_rows >= self.flush_rows:
            self.flush()

    def flush(self) -> None:
        import pyarrow.parquet as pq

        parts: list[str] = []
        if self._buffer:
            df = pd.concat(self._buffer, ignore_index=True)
            self._buffer, self._buffered_rows = [], 0
            if self._schema is None:
                self._schema = arrow_schema(df)
            self._seq += 1
            name = f"part-{self._token}-{self._seq:05d}.parquet"
            groups = [("", df)]
            if self.partition_by == "month":
                month = df["start"].dt.strftime("%Y-%m").fillna(UNKNOWN_MONTH)
                groups = [(f"month={m}/", g) for m, g in df.groupby(month.to_numpy(), sort=True)]
            for prefix, group in groups:
                rel = prefix + name
                target = self.out / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_name(target.name + ".tmp")
                pq.write_table(to_arrow(group, self._schema), tmp)
                os.replace(tmp, target)
                parts.append(rel)
                self.rows += len(group)
        if parts or self._pending_ids:
            with open(self.ledger, "a", encoding="utf-8") as led:
                led.write(json.dumps({"ids": self._pending_ids, "parts": parts}) + "\n")
            self._pending_ids = []

    def close(self) -> None:
        self.flush()

    def interrupted(self) -> None:
        self.flush()  # buffered rows belong to finished documents


def open_writer(fmt: str, out: Path | None, *, partition_by: str | None = None,
                resume: bool = False, stream=None) -> Writer:
    """The writer for ``fmt`` to ``out`` (None: ``stream``, text formats only)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if partition_by and fmt != "parquet":
        raise InputError("--partition-by needs -f parquet and -o FOLDER")
    if fmt == "parquet":
        if out is None:
            raise InputError("Parquet output needs a file or folder: add -o OUT.parquet or -o FOLDER")
        if partition_by or out.is_dir() or not out.suffix:
            return ParquetDatasetWriter(out, partition_by=partition_by, resume=resume)
        return ParquetFileWriter(out, resume=resume)
    if resume and out is None:
        raise InputError("--resume needs -o OUT (a .jsonl or .csv file, or a Parquet folder)")
    return StreamWriter(fmt, out, resume=resume, stream=stream)


# --- reading back -------------------------------------------------------------------


def read_events(path: Path) -> pd.DataFrame:
    """An event table from a Parquet file/folder, a JSONL or JSON file, or a CSV written here."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    name = path.name.lower()
    if path.is_dir() or name.endswith((".parquet", ".pq")):
        df = _read_parquet(path)
    elif name.endswith((".jsonl", ".ndjson")):
        df = pd.DataFrame(_read_jsonl(path))
    elif name.endswith(".json"):
        with open(path, encoding="utf-8") as fh:
            try:
                df = pd.DataFrame(json.load(fh))
            except ValueError as exc:
                raise InputError(f"{path}: not a JSON array of events ({exc})") from exc
    elif name.endswith(".csv"):
        df = pd.read_csv(path, dtype=str, keep_default_na=False)
        for col in df.columns:
            cells = df[col]
            if col in LIST_COLUMNS or (len(cells) and cells.str.startswith("[").all()):
                df[col] = [json.loads(v) if v.startswith("[") else [] for v in cells]
            else:
                guarded = cells.str.startswith("'") & cells.str[1:2].isin(list(_FORMULA_START))
                df[col] = cells.where(~guarded, cells.str[1:])
        for col in ("char_start", "char_end", "sentence_start", "sentence_end", "confidence"):
            if col in df.columns:
                df[col] = pd.to_numeric(df[col].replace("", None))
    else:
        raise InputError(f"{path}: events are read from .parquet, a Parquet folder, .jsonl, "
                         ".json or .csv")
    df = df.drop(columns=[c for c in ("month",) if c in df.columns and c not in SCHEMA])
    return make_table(df)


def _read_jsonl(path: Path):
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError as exc:
                    raise InputError(f"{path}:{lineno}: broken JSON line ({exc})") from exc


def _read_parquet(path: Path) -> pd.DataFrame:
    import pyarrow.dataset as ds

    try:
        if path.is_dir():
            dataset = ds.dataset(path, format="parquet", partitioning="hive",
                                 exclude_invalid_files=True)
        else:
            dataset = ds.dataset(path, format="parquet")
        table = dataset.to_table()
    except Exception as exc:  # pyarrow raises several types for bad files
        raise InputError(f"{path}: not a readable Parquet file or folder ({exc})") from exc
    if table.num_rows == 0 and not table.column_names:
        return pd.DataFrame(columns=COLUMNS)
    df = table.to_pandas()
    if "month" in df.columns and "month" not in SCHEMA:
        df = df.drop(columns=["month"])
    return df
