"""``python -m timeline extract PATH...``: the event table of articles or a whole corpus.

PATH is a file (.txt/.md/.html), a folder of them, or a .jsonl corpus of
{"id", "published", "text"} lines. Results stream to the output as documents
finish, so a corpus of any size runs in flat memory; see :mod:`timeline.corpus_run`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..corpus_write import FORMATS

EXIT_SOME_FAILED = 1
MAX_SHOWN_ERRORS = 10


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract the dated events of articles or a corpus",
        description=(
            "Extract dated events. PATH is a file (.txt/.md/.html), a folder of them, or a "
            ".jsonl corpus of {\"id\", \"published\", \"text\"} lines. A document that fails "
            "is reported (id and reason) and the run goes on; the exit status is then 1."),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "examples:\n"
            "  python -m timeline extract article.html\n"
            "  python -m timeline extract news/ -f csv -o events.csv\n"
            "  python -m timeline extract corpus.jsonl -f parquet --partition-by month -o events/\n"
            "  python -m timeline extract corpus.jsonl -f jsonl -o events.jsonl --resume\n"
            "  python -m timeline extract corpus.jsonl --engine dask --scheduler tcp://host:8786 "
            "-f parquet -o events/"),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article file, folder of articles, .jsonl or .parquet corpus")
    parser.add_argument("--published", metavar="TIME",
                        help="publication time for documents that carry none (ISO 8601, or as "
                             "printed, e.g. 'November 02, 2024 12:35 PM IST'); for article files "
                             "it overrides a date found in the page")
    parser.add_argument("-f", "--format", choices=FORMATS, default=None,
                        help="output format (default: from the -o suffix, else a readable table)")
    parser.add_argument("-o", "--output", metavar="OUT", type=Path,
                        help="write here instead of standard output (a folder for partitioned "
                             "Parquet)")
    parser.add_argument("--jobs", "-j", type=int, metavar="N",
                        help="worker processes (default: all cores; 1 runs in one process)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="local process pool (default) or Dask")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: address of an existing Dask scheduler "
                             "(default: start a local cluster)")
    parser.add_argument("--partition-by", choices=("month",), dest="partition_by",
                        help="with -f parquet: a folder partitioned by the month an event starts")
    parser.add_argument("--errors", metavar="FILE", type=Path,
                        help="where failed documents are listed as JSON lines "
                             "(default: OUT.errors.jsonl beside -o; none without -o)")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run into the same -o (a .jsonl or .csv "
                             "file, or a Parquet folder): documents already written are skipped")
    parser.add_argument("--no-progress", action="store_true", dest="no_progress",
                        help="no progress bar (it is shown only when stderr is a terminal)")
    parser.set_defaults(run=run)


_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
                   ".parquet": "parquet", ".pq": "parquet", ".txt": "table"}


def run(args) -> int:
    from ..corpus_run import run_corpus
    from ..corpus_write import open_writer
    from ..errors import InputError

    if args.jobs is not None and args.jobs < 1:
        raise InputError("--jobs must be 1 or more")
    if args.scheduler and args.engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    published = None
    if args.published:
        from ..temporal.published import parse_published

        published = parse_published(args.published)
    out: Path | None = args.output
    fmt = args.format or _format_for(out, args.partition_by)
    for p in args.paths:  # fail fast, before any output file is touched
        if p != "-" and not Path(p).exists():
            raise InputError(f"{p}: no such file or folder; check the path")
    errors_path = args.errors
    if errors_path is None and out is not None:
        errors_path = out.with_name(out.name.rstrip("/") + ".errors.jsonl")
    if "-" in args.paths and args.engine == "dask":
        raise InputError("--engine dask reads files, not standard input")
    writer = open_writer(fmt, out, partition_by=args.partition_by, resume=args.resume,
                         stream=sys.stdout)
    progress = not args.no_progress and sys.stderr.isatty()

    shown = []

    def say(line: str) -> None:
        if progress:  # above the progress bar, not through it
            from tqdm import tqdm

            tqdm.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def show_error(err) -> None:  # the first few on screen; all of them in the errors file
        shown.append(err)
        if len(shown) <= MAX_SHOWN_ERRORS:
            say(f"failed {err.id}: {err.error}")
        elif len(shown) == MAX_SHOWN_ERRORS + 1:
            where = f"; all are listed in {errors_path}" if errors_path else ""
            say(f"more documents failed{where}")

    summary = run_corpus(args.paths, writer, published=published, jobs=args.jobs,
                         engine=args.engine, scheduler=args.scheduler,
                         errors_path=errors_path, progress=progress, on_error=show_error)
    if summary.documents == 1 and summary.failed == 0 and summary.events == 0:
        print("note: no dated events found", file=sys.stderr)
    elif summary.documents == 0 and summary.failed == 0 and not summary.skipped:
        print("note: no documents found", file=sys.stderr)
    if summary.documents + summary.failed + summary.skipped > 1 or out is not None:
        print(summary.line(), file=sys.stderr)
    if summary.failed:
        if summary.documents == 0 and summary.failed == 1 and len(args.paths) == 1 \
                and not os.path.isdir(args.paths[0]):
            return 2  # the one input named could not be read
        return EXIT_SOME_FAILED
    return 0


def _format_for(out: Path | None, partition_by: str | None) -> str:
    if partition_by:
        return "parquet"
    if out is None:
        return "table"
    return _SUFFIX_FORMATS.get(out.suffix.lower(), "table" if out.suffix else "parquet")
