"""Run extraction over a corpus: a local process pool, or Dask for clusters.

Both engines stream: documents are read lazily, extracted in small batches,
and each batch's rows go straight to a writer (see :mod:`timeline.corpus_write`),
so memory does not grow with the corpus. A document that fails is recorded
(id and a one-line reason) and the run goes on. With ``resume=True`` documents
the output's ledger already lists are skipped.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd

from .corpus import CorpusError, iter_documents
from .document import Document
from .errors import InputError, TimelineError
from .table import make_table

#: Documents per task: big enough to amortize inter-process traffic, small
#: enough that a progress bar moves and memory stays low.
BATCH_SIZE = 16


@dataclass
class BatchResult:
    """What one batch of documents gave: their rows, the ids done, and failures."""

    rows: pd.DataFrame
    ids: list[str]
    errors: list[CorpusError] = field(default_factory=list)
    skipped: int = 0  # documents left out because an earlier run wrote them


@dataclass
class Summary:
    """Figures of a finished (or interrupted) run."""

    documents: int = 0
    events: int = 0
    failed: int = 0
    skipped: int = 0  # already written by an earlier run (resume)
    seconds: float = 0.0
    errors: list[CorpusError] = field(default_factory=list)  # the first few, for display
    errors_path: str | None = None

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        parts = [f"{self.documents} documents", f"{self.events} events"]
        if self.skipped:
            parts.append(f"{self.skipped} skipped (already written)")
        if self.failed:
            where = f", see {self.errors_path}" if self.errors_path else ""
            parts.append(f"{self.failed} failed{where}")
        parts.append(f"{self.seconds:.1f} s ({self.docs_per_second:.1f} documents/s)")
        return ", ".join(parts)


# --- the work of one batch (runs in worker processes) ------------------------------


def extract_documents(docs: list[Document]) -> BatchResult:
    """Extract every document of a batch; a failure is recorded, not raised."""
    from .extract import extract

    frames, ids, errors = [], [], []
    for doc in docs:
        try:
            df = extract(doc.text, published=doc.published, source=doc.source)
        except Exception as exc:  # one bad document must not stop a corpus run
            errors.append(CorpusError(doc.source, one_line(exc)))
            continue
        ids.append(doc.source)
        if len(df):
            frames.append(df)
    rows = make_table(pd.concat(frames, ignore_index=True)) if frames else make_table([])
    return BatchResult(rows=rows, ids=ids, errors=errors)


def one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    text = lines[0] if lines else ""
    if isinstance(exc, TimelineError):
        return text or type(exc).__name__
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- engines ------------------------------------------------------------------------


def run_corpus(
    paths: Iterable[str | Path],
    writer,
    *,
    published=None,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    errors_path: Path | None = None,
    progress: bool = False,
    on_error: Callable[[CorpusError], None] | None = None,
) -> Summary:
    """Extract events from every document at ``paths`` into ``writer``.

    ``jobs`` is the number of worker processes (default: all cores; 1 runs in
    this process). ``engine`` is "local" or "dask" (``scheduler`` an existing
    cluster's address; default a local cluster of ``jobs`` worker processes).
    """
    jobs = jobs or os.cpu_count() or 1
    summary = Summary(errors_path=str(errors_path) if errors_path else None)
    done = writer.done_ids()
    errors_file = None
    if errors_path is not None:
        errors_path.parent.mkdir(parents=True, exist_ok=True)
        errors_file = open(errors_path, "w", encoding="utf-8")  # noqa: SIM115 - closed below

    def record(err: CorpusError) -> None:
        summary.failed += 1
        if len(summary.errors) < 20:
            summary.errors.append(err)
        if errors_file is not None:
            errors_file.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
            errors_file.flush()
        if on_error is not None:
            on_error(err)

    bar = _progress_bar(progress, paths)
    started = time.perf_counter()
    try:
        if engine == "local":
            results = _run_local(paths, published, jobs, done, record, summary)
        elif engine == "dask":
            from .corpus_dask import run_dask

            results = run_dask(paths, published, jobs, scheduler, done, record, summary)
        else:
            raise InputError(f"unknown engine {engine!r}; choose local or dask")
        for result in results:
            writer.write(result.rows, result.ids)
            for err in result.errors:
                record(err)
            summary.documents += len(result.ids)
            summary.skipped += result.skipped
            summary.events += len(result.rows)
            if bar is not None:
                bar.update(summary.documents + summary.failed + summary.skipped - bar.n)
                elapsed = time.perf_counter() - started
                bar.set_postfix(events=summary.events,
                                ev_s=f"{summary.events / elapsed:.0f}" if elapsed else "-",
                                refresh=False)
        writer.close()
    except KeyboardInterrupt:
        writer.interrupted()
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        if bar is not None:
            bar.close()
        if errors_file is not None:
            errors_file.close()
    return summary


def _progress_bar(enabled: bool, paths):
    if not enabled:
        return None
    from tqdm import tqdm

    try:
        width = os.get_terminal_size(sys.stderr.fileno()).columns
    except OSError:
        width = 0
    # A terminal that reports no size (some consoles and CI ptys) would hide the bar.
    sized = {"dynamic_ncols": True} if width > 0 else {"ncols": 100, "nrows": 24}
    return tqdm(total=count_documents(paths), unit="doc", file=sys.stderr, smoothing=0.1,
                **sized)


def count_documents(paths) -> int | None:
    """How many documents a corpus holds, cheaply (lines, files, Parquet rows); None if unsure."""
    from .corpus import _as_paths, _expand

    total = 0
    try:
        for path in _as_paths(paths):
            for kind, target in _expand(path):
                if kind == "jsonl":
                    with open(target, "rb") as fh:
                        total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                elif kind == "parquet":
                    import pyarrow.parquet as pq

                    total += pq.ParquetFile(target).metadata.num_rows
                elif str(target) == "-":
                    return None
                else:
                    total += 1
    except (OSError, TimelineError, ValueError):
        return None
    return total


def _documents(paths, published, done: set[str], record, summary: Summary) -> Iterator[Document]:
    def skip(doc_id: str) -> bool:
        if doc_id in done:
            summary.skipped += 1
            return True
        return False

    def reading_error(doc_id: str, reason: str) -> None:
        record(CorpusError(doc_id, reason))

    return iter_documents(paths, published, on_error=reading_error, skip=skip if done else None)


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    while batch := list(islice(docs, size)):
        yield batch


def _run_local(paths, published, jobs: int, done, record, summary) -> Iterator[BatchResult]:
    docs = _documents(paths, published, done, record, summary)
    if jobs <= 1:
        for batch in _batches(docs, BATCH_SIZE):
            yield extract_documents(batch)
        return
    yield from _run_pool(_batches(docs, BATCH_SIZE), jobs)


def _run_pool(batches: Iterator[list[Document]], jobs: int) -> Iterator[BatchResult]:
    """Results in input order, with at most a few batches per worker in flight."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["timeline.corpus_run", "timeline.extract"])
    in_flight: deque = deque()
    limit = jobs * 3
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        try:
            for batch in batches:
                in_flight.append(pool.submit(extract_documents, batch))
                while len(in_flight) >= limit:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        except BrokenProcessPool as exc:
            raise TimelineError("a worker process died (out of memory?); what was written is "
                                "kept: run again with --resume to continue") from exc
        finally:
            for fut in in_flight:
                fut.cancel()
