"""Throughput of timeline.tag vs dateparser.search_dates on real news, side by side.

Usage: python benchmarks/bench_tagger.py [--corpus ../shared/corpora/silver-news.jsonl]
       [--limit N] [--baseline-limit N]

Both run in this one process on the same documents (the baseline on the first
--baseline-limit of them, since it is slow); the figure that matters is the
ratio of documents per second. Also times one 5 MB article and a hostile
string, to show the cost stays linear in the text's length.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.tagger import tag  # noqa: E402


def load(path: Path, limit: int | None) -> list[dict]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def bench_timeline(docs) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        n += len(tag(d["text"], published=d["published"]))
    return time.perf_counter() - t0, n


def bench_dateparser(docs, languages=None) -> tuple[float, int]:
    """search_dates with the publication date as base; ``languages=None`` is how it is
    usually called (it then detects the language, as EXPECTED.md measured it);
    ``["en"]`` is the tuned, faster setting."""
    from dateparser.search import search_dates

    kwargs = {"languages": languages} if languages else {}
    t0 = time.perf_counter()
    n = 0
    for d in docs:
        base = datetime.fromisoformat(d["published"])
        n += len(search_dates(d["text"], settings={"RELATIVE_BASE": base}, **kwargs) or [])
    return time.perf_counter() - t0, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "silver-news.jsonl"))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--baseline-limit", type=int, default=300)
    args = ap.parse_args()
    docs = load(Path(args.corpus), args.limit)
    chars = sum(len(d["text"]) for d in docs)
    tag("warm-up on 1 May 2024", published="2024-05-02")  # compile the rules outside the timing

    secs, n = bench_timeline(docs)
    tl_rate = len(docs) / secs
    base_docs = docs[: args.baseline_limit]
    print(f"corpus: {len(docs)} documents, {chars / len(docs):.0f} characters on average")
    print(f"timeline.tag                          : {len(docs):5d} docs in {secs:7.2f} s = "
          f"{tl_rate:8.1f} docs/s ({n} mentions)")
    for label, langs in (("search_dates(languages=['en'])", ["en"]), ("search_dates (default)", None)):
        bsecs, bn = bench_dateparser(base_docs, langs)
        dp_rate = len(base_docs) / bsecs
        print(f"dateparser {label:28s}: {len(base_docs):5d} docs in {bsecs:7.2f} s = "
              f"{dp_rate:8.1f} docs/s ({bn} dates)   ratio {tl_rate / dp_rate:6.1f}x")

    big = (" ".join(d["text"] for d in docs[:50]) * 200)[: 5_000_000]
    t0 = time.perf_counter()
    n = len(tag(big, published="2006-11-30"))
    print(f"one 5 MB article        : {time.perf_counter() - t0:7.2f} s ({n} mentions)")
    hostile = ("1" * 50 + " ,.-/ " + "12 " * 40 + "May " * 30) * 4000
    t0 = time.perf_counter()
    tag(hostile, published="2024-01-01")
    print(f"hostile {len(hostile) / 1e6:.1f} MB of digits and punctuation: {time.perf_counter() - t0:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
