"""Save or compare what the extractor gives on a set of real articles.

Usage: python tools/output_snapshot.py save FILE [--limit N]
       python tools/output_snapshot.py compare FILE [--limit N]

For refactoring and speed work: save a snapshot before the change, compare
after it. Covers the tagger's mentions and the full event table of the sample
article, the news excerpts under tests/data/news and the first N articles of
../shared/corpora/silver-news.jsonl (when present). ``compare`` prints every
document whose output differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from timeline.extract import extract  # noqa: E402
from timeline.temporal.tagger import tag  # noqa: E402


def documents(limit: int) -> list[tuple[str, str, str | None]]:
    docs = [("sample", (ROOT / "data" / "eu-japan-partnership-2024.txt").read_text("utf-8"), None)]
    for path in sorted((ROOT / "tests" / "data" / "news").glob("*.txt")):
        docs.append((path.name, path.read_text("utf-8"), None))
    corpus = ROOT.parent / "shared" / "corpora" / "silver-news.jsonl"
    if corpus.is_file():
        with corpus.open(encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                d = json.loads(line)
                docs.append((d["id"], d["text"], d["published"]))
    return docs


def outputs(limit: int) -> dict[str, tuple[list, pd.DataFrame]]:
    out = {}
    for doc_id, text, published in documents(limit):
        mentions = [(m.start, m.end, m.type, m.value, m.precision, m.mod) for m in tag(text, published)]
        out[doc_id] = (mentions, extract(text, published=published, source=doc_id))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("file", type=Path)
    ap.add_argument("--limit", type=int, default=None,
                    help="silver-news articles to include (save: default 1000; compare: all the snapshot holds)")
    args = ap.parse_args()
    if args.action == "save":
        now = outputs(1000 if args.limit is None else args.limit)
        args.file.write_bytes(pickle.dumps(now))
        print(f"saved {len(now)} documents to {args.file}")
        return 0
    before = pickle.loads(args.file.read_bytes())
    now = outputs(len(before) if args.limit is None else args.limit)
    differ = compared = 0
    for doc_id, (mentions, table) in before.items():
        if doc_id not in now:
            continue
        compared += 1
        new_mentions, new_table = now[doc_id]
        if new_mentions != mentions:
            differ += 1
            print(f"{doc_id}: mentions differ")
            continue
        try:
            pd.testing.assert_frame_equal(table, new_table, check_exact=True)
        except AssertionError as exc:
            differ += 1
            print(f"{doc_id}: table differs: {str(exc).splitlines()[0:3]}")
    print(f"{compared} documents compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
