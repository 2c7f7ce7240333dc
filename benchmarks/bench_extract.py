"""Throughput of timeline.extract vs dateparser.search_dates on real news, side by side.

Usage: python benchmarks/bench_extract.py [--corpus ../shared/corpora/silver-news.jsonl]
       [--limit N] [--baseline-limit N] [--repeat N]

Loads N documents (``id``, ``published``, ``text``) from the JSON-lines corpus
and runs, in this one process, the full event extraction (tagging, events,
actors, categories, the table) and dateparser's ``search_dates`` with the
publication date as base. dateparser only finds dates, so the comparison
flatters it. The figure that matters is the ratio of documents per second.
Times are CPU times of this process (``time.process_time``): on a shared machine
they leave out the time other programs hold the processor.
Also times ``extract_many`` (one table for all documents) and one large article.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extract import extract, extract_many  # noqa: E402


def load(path: Path, limit: int | None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def cold_caches() -> None:
    """Forget clauses and sentences seen in an earlier run, so each figure is for unseen text."""
    from timeline.events.categories import _first_rule
    from timeline.events.status import cue_status

    cue_status.cache_clear()
    _first_rule.cache_clear()


def bench_extract(docs) -> tuple[float, int]:
    cold_caches()
    t0 = time.process_time()
    rows = 0
    for d in docs:
        rows += len(extract(d["text"], published=d["published"], source=d["id"]))
    return time.process_time() - t0, rows


def bench_dateparser(docs, languages=None) -> tuple[float, int]:
    """``languages=None`` is search_dates as usually called (it detects the language);
    ``["en"]`` is the tuned, faster setting."""
    from dateparser.search import search_dates

    kwargs = {"languages": languages} if languages else {}
    t0 = time.process_time()
    found = 0
    for d in docs:
        base = datetime.fromisoformat(d["published"])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(d["text"], settings={"RELATIVE_BASE": base}, **kwargs) or []
        found += len(hits)
    return time.process_time() - t0, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpora/silver-news.jsonl")
    ap.add_argument("--limit", type=int, default=0,
                    help="documents compared (default: the whole corpus)")
    ap.add_argument("--baseline-limit", type=int, default=100, help="documents for search_dates with language detection")
    ap.add_argument("--repeat", type=int, default=3,
                    help="alternating runs of each side (the best of each is kept)")
    args = ap.parse_args()
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: corpus not found; pass --corpus PATH", file=sys.stderr)
        return 2
    docs = load(args.corpus, args.limit)
    size = sum(len(d["text"]) for d in docs)
    print(f"corpus: {args.corpus.name}, {len(docs)} documents, {size / 1e6:.2f} MB of text")

    extract(docs[0]["text"], published=docs[0]["published"])  # load rules and tables once
    # The ratio compares the same documents, each side timed the same way. The runs
    # alternate (ours, theirs, ours, ...) so that both see the same spells of load on
    # this shared machine, and the best run of each is kept (the least disturbed one).
    ours_t, theirs_t = [], []
    rows = found = 0
    for _ in range(args.repeat):
        t, rows = bench_extract(docs)
        ours_t.append(t)
        t, found = bench_dateparser(docs, ["en"])
        theirs_t.append(t)
    ours, theirs = len(docs) / min(ours_t), len(docs) / min(theirs_t)
    print(f"timeline.extract:                          {len(docs):5d} docs in {min(ours_t):7.2f} s = "
          f"{ours:8.1f} docs/s ({rows} events, best of {args.repeat})")
    print(f"dateparser.search_dates languages=['en']  : {len(docs):5d} docs in {min(theirs_t):7.2f} s = "
          f"{theirs:8.1f} docs/s ({found} dates, best of {args.repeat})")
    print(f"ratio: timeline.extract is {ours / theirs:.1f}x search_dates(languages=['en']) "
          f"(runs: ours {', '.join(f'{t:.2f}' for t in ours_t)} s; "
          f"theirs {', '.join(f'{t:.2f}' for t in theirs_t)} s)")

    # search_dates as usually called detects the language of each text: far slower,
    # so it runs once on the first --baseline-limit documents only.
    base_docs = docs[: args.baseline_limit]
    t_same = min(bench_extract(base_docs)[0] for _ in range(args.repeat))
    t_base, found = bench_dateparser(base_docs, None)
    print(f"dateparser.search_dates default           : {len(base_docs):5d} docs in {t_base:7.2f} s = "
          f"{len(base_docs) / t_base:8.1f} docs/s ({found} dates); timeline.extract on the same "
          f"documents is {t_base / t_same:.1f}x")

    cold_caches()
    t0 = time.process_time()
    table = extract_many({"id": d["id"], "published": d["published"], "text": d["text"]}
                         for d in docs)
    t_many = time.process_time() - t0
    print(f"extract_many:            {len(docs):5d} docs in {t_many:7.2f} s = "
          f"{len(docs) / t_many:8.1f} docs/s ({len(table)} rows, "
          f"{int((table['sources'].map(len) > 1).sum())} reported by several articles)")

    big = "\n\n".join(d["text"] for d in docs[:200])
    cold_caches()
    t0 = time.process_time()
    n = len(extract(big, published=docs[0]["published"]))
    print(f"one large article:       {len(big) / 1e6:.2f} MB in {time.process_time() - t0:.2f} s "
          f"({n} events)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
