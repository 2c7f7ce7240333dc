"""Export the sample article to every format and print how long each takes.

    .venv/bin/python benchmarks/bench_export.py [ARTICLE] [--out DIR]

Images share one Chromium (started once, timed separately), as in the CLI.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.export import FORMATS, batch_paths, image_session, render, write_atomic  # noqa: E402
from timeline.extract import extract  # noqa: E402
from timeline.read import read  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", default=str(ROOT / "data" / "eu-japan-partnership-2024.txt"))
    parser.add_argument("--out", help="keep the files here (default: a temporary folder)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    events = extract(read(args.article))
    t_extract = time.perf_counter() - t0
    print(f"article: {Path(args.article).name}, {len(events)} events, extract {t_extract:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        targets = batch_paths(out, list(FORMATS))
        total0 = time.perf_counter()
        t0 = time.perf_counter()
        with image_session():
            # The first image pays for starting Chromium; measure that on its own.
            render(events, "png", width=400, height=200)
            t_browser = time.perf_counter() - t0
            print(f"{'browser start + first image':<28} {t_browser:6.2f} s")
            for name, path in targets.items():
                t0 = time.perf_counter()
                write_atomic(path, render(events, name))
                dt = time.perf_counter() - t0
                print(f"{name:<28} {dt:6.2f} s  {path.stat().st_size / 1000:9.1f} kB")
        total = time.perf_counter() - total0
        print(f"{'all formats, one browser':<28} {total:6.2f} s (extract not included)")
        # For comparison: the three images without a shared browser (one start per image).
        t0 = time.perf_counter()
        for name in ("png", "svg", "pdf"):
            render(events, name)
        print(f"{'png+svg+pdf, no session':<28} {time.perf_counter() - t0:6.2f} s "
              "(a browser start per image)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
