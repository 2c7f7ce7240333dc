"""Corpora: many articles in, one event table (or a stream of them) out.

A corpus is any mix of

- an article file (.txt, .md, .html),
- a folder of them (searched recursively, in sorted order, skipping hidden
  files and other extensions),
- a ``.jsonl`` file of ``{"id", "published", "text"}`` objects, one a line,
- a ``.parquet`` file with ``id``, ``published`` and ``text`` columns.

:func:`iter_documents` yields :class:`~timeline.document.Document` objects one
at a time, so memory stays flat however large the corpus. A broken line or an
unreadable file inside a folder is reported (``on_error(id, reason)``) and
skipped; the other documents still come. :func:`load_events` reads the output
of a corpus run back into an event table. The engines that run extraction over
a corpus live in :mod:`timeline.corpus_run`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .document import Document
from .errors import InputError
from .read import ARTICLE_SUFFIXES, MAX_BYTES, read

log = logging.getLogger("timeline.corpus")

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")

#: ``on_error(document id, one-line reason)``
ErrorHandler = Callable[[str, str], None]


def iter_documents(
    paths: str | Path | Iterable[str | Path],
    published=None,
    *,
    on_error: ErrorHandler | None = None,
    skip: Callable[[str], bool] | None = None,
) -> Iterator[Document]:
    """Yield every document of the corpus at ``paths``, in a stable order.

    ``published`` (a datetime, date or text for ``parse_published``) is the
    publication time of documents that do not carry their own: a ``.jsonl``
    line's ``published`` field wins; for article files the given value wins
    over a date found in the page. ``Document.source`` is the file path, or
    the ``id`` of a ``.jsonl``/``.parquet`` record.

    A path that does not exist, or a single article file that cannot be read,
    raises :class:`InputError` (the user named it). Problems with one document
    inside a folder or corpus file go to ``on_error`` (default: a log warning)
    and the iteration goes on. ``skip(id)`` returning True skips a document
    before its text is read, where the format allows (used to resume runs).
    """
    report = on_error or _log_error
    given = _as_published(published)
    for path in _as_paths(paths):
        for kind, target in _expand(path):
            if kind == "jsonl":
                docs = _iter_jsonl(target, report, skip)
            elif kind == "parquet":
                docs = _iter_parquet(target, report, skip)
            else:
                docs = _iter_file(target, report, skip, strict=kind == "file")
            for doc in docs:
                if given is not None and (kind not in ("jsonl", "parquet") or doc.published is None):
                    doc.published = given
                yield doc


def _log_error(doc_id: str, reason: str) -> None:
    log.warning("skipped %s: %s", doc_id, reason)


def _as_paths(paths) -> list[Path]:
    if isinstance(paths, (str, Path)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _expand(path: Path) -> Iterator[tuple[str, Path]]:
    """(kind, path) pairs: "jsonl", "parquet", "file" (named by the user) or "member" (in a folder)."""
    if str(path) == "-":
        yield "file", path
        return
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path")
    if path.is_dir():
        found = False
        for member in sorted(_walk(path)):
            found = True
            yield _kind(member, in_folder=True), member
        if not found:
            log.info("%s holds no articles (.txt, .md, .html, .jsonl)", path)
        return
    yield _kind(path, in_folder=False), path


def _kind(path: Path, in_folder: bool) -> str:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    return "member" if in_folder else "file"


def _walk(folder: Path) -> Iterator[Path]:
    suffixes = ARTICLE_SUFFIXES + JSONL_SUFFIXES
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).parts
        if any(part.startswith((".", "_")) for part in rel):
            continue  # hidden files, and side files of our own outputs (_done.jsonl)
        if p.is_file() and p.name.lower().endswith(suffixes):
            yield p


def _iter_file(path: Path, report: ErrorHandler, skip, strict: bool) -> Iterator[Document]:
    source = str(path)
    if skip is not None and skip(source):
        return
    try:
        doc = read(path)
    except InputError as exc:
        if strict:
            raise
        report(source, str(exc))
        return
    yield doc


def _iter_jsonl(path: Path, report: ErrorHandler, skip) -> Iterator[Document]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; bytes so one bad line cannot stop us
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    with handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            doc = record_to_document(raw, where, report, skip)
            if doc is not None:
                yield doc


def record_to_document(raw: bytes | str | dict, where: str, report: ErrorHandler,
                       skip=None) -> Document | None:
    """One corpus record (a JSON line or a dict) -> Document, or None after reporting why not."""
    if isinstance(raw, dict):
        record = raw
    else:
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            report(where, f"broken JSON line ({_first_line(exc)}); fix or remove the line")
            return None
    if not isinstance(record, dict):
        report(where, "line is not a JSON object with id, published and text")
        return None
    doc_id = record.get("id")
    doc_id = where if doc_id is None or doc_id == "" else str(doc_id)
    if skip is not None and skip(doc_id):
        return None
    text = record.get("text")
    if not isinstance(text, str):
        report(doc_id, f"{where}: no \"text\" string in the record")
        return None
    if len(text) > MAX_BYTES:
        report(doc_id, f"{where}: text over the {MAX_BYTES / 1e6:.0f} MB limit for one article")
        return None
    meta = {"record": where}
    try:
        published = _as_published(record.get("published"))
    except InputError as exc:
        published = None
        meta["published_warning"] = str(exc)
    title = record.get("title") if isinstance(record.get("title"), str) else None
    return Document(text=text, source=doc_id, published=published, title=title, meta=meta)


def _iter_parquet(path: Path, report: ErrorHandler, skip) -> Iterator[Document]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"{path}: not a readable Parquet file ({_first_line(exc)})") from exc
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        raise InputError(f"{path}: a Parquet corpus needs a \"text\" column (and id, published)")
    columns = [c for c in ("id", "published", "text", "title") if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=256, columns=columns):
        for record in batch.to_pylist():
            row += 1
            doc = record_to_document(record, f"{path}#{row}", report, skip)
            if doc is not None:
                yield doc


def _as_published(value):
    """A publication time from a record or the user: None, datetime, date, or parsed text."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value
    try:
        from .temporal.published import parse_published
    except ImportError:  # fall back to ISO 8601 only
        try:
            return datetime.fromisoformat(str(value))
        except ValueError as exc:
            raise InputError(f"publication time {value!r} is not ISO 8601 (e.g. 2024-11-02)") from exc
    return parse_published(value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


# --- reading results back ---------------------------------------------------


def load_events(path: str | Path):
    """Read the events a corpus run wrote (Parquet file or dataset folder, JSONL, CSV)
    back into an event table that conforms to :func:`timeline.table.make_table`."""
    from .corpus_write import read_events

    return read_events(Path(path))


@dataclass
class CorpusError:
    """One document that failed: its id and a one-line reason."""

    id: str
    error: str

    def to_dict(self) -> dict:
        return {"id": self.id, "error": self.error}
