"""The Dask engine: the same extraction as the local pool, spread over a Dask cluster.

The corpus becomes a ``dask.bag``: ``.jsonl`` files are split into byte blocks
by ``dask.bag.read_text``, Parquet corpora are read with ``dask.dataframe``,
article files are grouped into partitions of paths. Each partition is read and
extracted on a worker (with the same :func:`timeline.corpus_run.extract_documents`
as the local engine, so both give the same table) and its rows come back to
this process as they finish, to be written by the same streaming writers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from .corpus import CorpusError, _as_published, _expand, record_to_document
from .corpus_run import BATCH_SIZE, BatchResult, extract_documents
from .errors import InputError
from .read import read

#: Bytes of a .jsonl corpus per Dask partition.
BLOCK_SIZE = 2**20
#: Article files per Dask partition.
FILES_PER_PARTITION = BATCH_SIZE * 4


def run_dask(paths, published, jobs: int, scheduler: str | None, done: set[str],
             record, summary) -> Iterator[BatchResult]:
    from distributed import Client, LocalCluster, as_completed

    bag = corpus_bag(paths, published, done)
    if bag is None:
        return
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout="10s")
            except OSError as exc:
                raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
                                 "check the address or drop --scheduler for a local cluster") from exc
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        with client:
            futures = client.compute(bag.to_delayed())
            for future in as_completed(futures):
                yield from future.result()
                future.release()
    finally:
        if cluster is not None:
            cluster.close()


def corpus_bag(paths, published, done: set[str]):
    """A dask.bag whose partitions each hold one :class:`BatchResult` (None: no input)."""
    import dask.bag as db

    given = _as_published(published)
    skip = frozenset(done)
    bags, files = [], []
    for path in [Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]:
        for kind, target in _expand(path):
            if kind == "jsonl":
                lines = db.read_text(str(target), blocksize=BLOCK_SIZE)
                bags.append(lines.map_partitions(_extract_lines, str(target), given, skip))
            elif kind == "parquet":
                import dask.dataframe as dd

                frame = dd.read_parquet(str(target))
                missing = {"text"} - set(frame.columns)
                if missing:
                    raise InputError(f"{target}: a Parquet corpus needs a \"text\" column "
                                     "(and id, published)")
                records = frame.to_bag(index=False, format="dict")
                bags.append(records.map_partitions(_extract_records, str(target), given, skip))
            else:
                files.append(str(target))
    if files:
        part = db.from_sequence(files, partition_size=FILES_PER_PARTITION)
        bags.append(part.map_partitions(_extract_files, given, skip))
    if not bags:
        return None
    return db.concat(bags) if len(bags) > 1 else bags[0]


def _extract_partition(items, describe, published, skip) -> list[BatchResult]:
    """Turn one partition's raw items into documents (reporting bad ones), skip those
    already written, and extract the rest as one batch."""
    docs, errors, skipped = [], [], 0

    def report(doc_id, reason):
        errors.append(CorpusError(doc_id, reason))

    for item, where in describe(items):
        doc = record_to_document(item, where, report)
        if doc is None:
            continue
        if doc.source in skip:
            skipped += 1
            continue
        if published is not None and doc.published is None:
            doc.published = published
        docs.append(doc)
    return _finish(docs, errors, skipped)


def _finish(docs, errors: list[CorpusError], skipped: int) -> list[BatchResult]:
    result = extract_documents(docs)
    result.errors = errors + result.errors
    result.skipped = skipped
    return [result]


def _extract_lines(lines, where: str, published, skip) -> list[BatchResult]:
    def describe(items):
        for line in items:
            if line.strip():
                yield line, f"{where} (line {line[:40].strip()!r})"

    return _extract_partition(lines, describe, published, skip)


def _extract_records(records, where: str, published, skip) -> list[BatchResult]:
    def describe(items):
        for n, record in enumerate(items, 1):
            yield dict(record), f"{where} (record {n})"

    return _extract_partition(records, describe, published, skip)


def _extract_files(files, published, skip) -> list[BatchResult]:
    docs, errors, skipped = [], [], 0
    for name in files:
        if name in skip:
            skipped += 1
            continue
        try:
            doc = read(name)
        except InputError as exc:
            errors.append(CorpusError(name, str(exc)))
            continue
        if published is not None:
            doc.published = published
        docs.append(doc)
    return _finish(docs, errors, skipped)
