"""Corpus throughput and memory: `python benchmarks/bench_corpus.py [CORPUS.jsonl]`.

Runs `python -m timeline extract CORPUS -o DIR --partition-by month` as a
separate process and samples the resident memory of it and its worker
processes. Prints documents per second at 1 and 2 processes, peak memory at
the corpus size and at ten times that size (the corpus repeated with new ids),
and the Dask local-cluster figure beside them.

Default corpus: ../shared/corpora/silver-news.jsonl beside the project.
Options: --repeat N (default 10), --skip-big (leave out the repeated run).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "silver-news.jsonl"


def repeat_corpus(src: Path, dst: Path, times: int) -> int:
    """Write ``src`` ``times`` over with ids made unique; returns the document count."""
    n = 0
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(times):
            with open(src, encoding="utf-8") as fh:
                for line in fh:
                    record = json.loads(line)
                    record["id"] = f"{record['id']}#{k}"
                    out.write(json.dumps(record) + "\n")
                    n += 1
    return n


def measure(corpus: Path, out: Path, *extra: str) -> dict:
    """Run one extraction; wall time, summary line and peak RSS (main, and with workers)."""
    cmd = [sys.executable, "-m", "timeline", "extract", str(corpus), "-o", str(out),
           "--partition-by", "month", "--no-progress", *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    main = psutil.Process(proc.pid)
    peak_main = peak_total = 0
    samples: list[tuple[float, int]] = []  # (seconds, main RSS) to see whether memory grows
    while proc.poll() is None:
        try:
            rss_main = main.memory_info().rss
            total = rss_main
            for child in main.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
        except psutil.Error:
            break
        peak_main, peak_total = max(peak_main, rss_main), max(peak_total, total)
        samples.append((time.perf_counter() - started, rss_main))
        time.sleep(0.2)
    stderr = proc.communicate()[1].decode()
    seconds = time.perf_counter() - started
    summary = [line for line in stderr.splitlines() if " documents, " in line]
    quarters = [max((rss for t, rss in samples if q * seconds / 4 <= t < (q + 1) * seconds / 4),
                    default=0) / 2**20 for q in range(4)]
    return {"seconds": seconds, "summary": summary[-1] if summary else stderr.strip()[-300:],
            "peak_main_mb": peak_main / 2**20, "peak_total_mb": peak_total / 2**20,
            "quarters_mb": quarters, "returncode": proc.returncode}


def documents_of(summary: str) -> int:
    try:
        return int(summary.split(" documents")[0].split()[-1])
    except (ValueError, IndexError):
        return 0


def failed_of(summary: str) -> int:
    for part in summary.split(", "):
        if part.endswith(" failed") or " failed" in part:
            try:
                return int(part.split()[0])
            except ValueError:
                return 0
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; give a .jsonl corpus path", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"corpus: {args.corpus.name}")
    runs = [("local, 1 process", args.corpus, ["-j", "1"]),
            ("local, 2 processes", args.corpus, ["-j", "2"]),
            ("dask LocalCluster, 2 workers", args.corpus, ["--engine", "dask", "-j", "2"])]
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_big:
            big = Path(tmp) / "repeated.jsonl"
            n = repeat_corpus(args.corpus, big, args.repeat)
            runs.append((f"local, 2 processes, corpus x{args.repeat} ({n} docs)", big, ["-j", "2"]))
        print(f"{'run':<48} {'docs':>7} {'failed':>6} {'seconds':>8} {'docs/s':>7} "
              f"{'peak RSS main':>14} {'peak RSS all':>13}")
        for i, (label, corpus, extra) in enumerate(runs):
            r = measure(corpus, Path(tmp) / f"out{i}", *extra)
            docs = documents_of(r["summary"])
            failed = failed_of(r["summary"])
            rate = (docs + failed) / r["seconds"] if r["seconds"] else 0.0
            print(f"{label:<48} {docs:>7} {failed:>6} {r['seconds']:>8.1f} {rate:>7.1f} "
                  f"{r['peak_main_mb']:>11.0f} MB {r['peak_total_mb']:>10.0f} MB", flush=True)
            print("  peak RSS of the main process in each quarter of the run: "
                  + ", ".join(f"{mb:.0f}" for mb in r["quarters_mb"]) + " MB", flush=True)
            if r["returncode"] not in (0, 1):
                print(f"  (exit {r['returncode']}: {r['summary']})")
    print("docs/s counts every document handled (failed ones included) over the wall time "
          "of the whole command, start-up included; RSS 'all' adds up the worker processes.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
