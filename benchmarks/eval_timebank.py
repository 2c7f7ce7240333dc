"""Score the date tagger (and dateparser.search_dates as a baseline) on TimeBank.

Usage: python benchmarks/eval_timebank.py [--shared ../shared] [--baseline] [--errors FILE]

Exports TimeBank's plain texts with the scorer from ../shared/tools, tags each
with its document creation time as the publication date, and prints the
TempEval-3 table (all types and DATE only) for each system.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.tagger import tag  # noqa: E402


def export(shared: Path, out: Path) -> list[tuple[str, str, str]]:
    tool = shared / "tools" / "timex_eval.py"
    subprocess.run([sys.executable, str(tool), "export", "--gold", str(shared / "corpora" / "timebank"),
                    "--out", str(out)], check=True, capture_output=True)
    docs = []
    for txt in sorted(out.glob("*.txt")):
        dct = txt.with_suffix(".dct").read_text(encoding="utf-8").strip()
        docs.append((txt.stem, txt.read_text(encoding="utf-8"), dct))
    return docs


def run_timeline(docs, path: Path) -> float:
    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as f:
        for doc_id, text, dct in docs:
            for m in tag(text, published=dct):
                if not m.value and m.type == "DATE" and m.spec.get("impossible"):
                    continue
                f.write(json.dumps({"doc": doc_id, "start": m.start, "end": m.end, "text": m.text,
                                    "type": m.type, "value": m.value}) + "\n")
    return time.perf_counter() - t0


def run_dateparser(docs, path: Path) -> float:
    from datetime import datetime

    from dateparser.search import search_dates

    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as f:
        for doc_id, text, dct in docs:
            base = datetime.fromisoformat(dct)
            found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
            pos = 0
            for s, dt in found:
                i = text.find(s, pos)
                if i < 0:
                    continue
                pos = i + len(s)
                f.write(json.dumps({"doc": doc_id, "start": i, "end": i + len(s), "text": s,
                                    "type": "DATE", "value": dt.date().isoformat()}) + "\n")
    return time.perf_counter() - t0


def score(shared: Path, system: Path, title: str, errors: str | None) -> str:
    cmd = [sys.executable, str(shared / "tools" / "timex_eval.py"), "--gold",
           str(shared / "corpora" / "timebank"), "--system", str(system), "--types", "DATE",
           "--title", title]
    if errors:
        cmd += ["--errors", errors]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--baseline", action="store_true", help="also score dateparser.search_dates")
    ap.add_argument("--errors", help="write the project's errors as JSONL here")
    args = ap.parse_args()
    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = export(shared, tmp / "text")
        secs = run_timeline(docs, tmp / "timeline.jsonl")
        print(score(shared, tmp / "timeline.jsonl", f"timeline ({len(docs)} docs, {secs:.2f} s)",
                    args.errors))
        if args.baseline:
            secs = run_dateparser(docs, tmp / "dateparser.jsonl")
            print(score(shared, tmp / "dateparser.jsonl",
                        f"dateparser.search_dates ({len(docs)} docs, {secs:.2f} s)", None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
