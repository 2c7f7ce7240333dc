"""``python -m timeline export PATH... -f FORMAT -o OUT``: a timeline as a file for reports and tools.

Takes the same inputs as ``extract`` (article files, folders, .jsonl corpora)
and writes one or several formats; several image formats share one browser.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path

from ..errors import InputError

EXIT_SOME_FAILED = 1


def add_parser(subparsers) -> None:
    from ..export import FORMATS

    listing = "\n".join(f"  {f.name:<11} {f.description}" for f in FORMATS.values())
    parser = subparsers.add_parser(
        "export",
        help="export the timeline of articles as HTML, images, data files or a calendar",
        description=(
            "Extract the dated events of PATH (a file .txt/.md/.html, a folder of them, or a "
            ".jsonl corpus) and write them as FORMAT to OUT."),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            f"formats:\n{listing}\n\n"
            "examples:\n"
            "  python -m timeline export article.txt -o timeline.html\n"
            "  python -m timeline export article.txt -f png --width 1600 --scale 2 -o fig.png\n"
            "  python -m timeline export news/ -f html,png,csv,ics -o out/report\n"
            "  python -m timeline export article.txt -f timelinejs -o tl.json\n"
            "  python -m timeline export article.txt -f all -o out/"),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article file, folder of articles, .jsonl or .parquet corpus; "
                             "- reads standard input")
    parser.add_argument("--published", metavar="TIME",
                        help="publication time for documents that carry none (ISO 8601, or as "
                             "printed, e.g. 'November 02, 2024 12:35 PM IST'); for article files "
                             "it overrides a date found in the page")
    parser.add_argument("-f", "--format", action="append", metavar="FORMAT", dest="formats",
                        help="output format (see below; several: -f png,svg or -f again; 'all' "
                             "for every format); default: from the -o suffix")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="output file; with several formats a folder or a name whose suffix "
                             "is replaced per format; default for one text format: standard "
                             "output")
    parser.add_argument("--title", help="title of the page, figure or calendar")
    figure = parser.add_argument_group("figure options (html, fragment, png, svg, pdf)")
    figure.add_argument("--width", type=int, metavar="PX",
                        help="image width in CSS pixels (default 1200)")
    figure.add_argument("--height", type=int, metavar="PX",
                        help="image height in CSS pixels (default: fits the events)")
    figure.add_argument("--scale", type=float, metavar="N",
                        help="pixel density of png images: 2 gives 2x width and height "
                             "(default 1)")
    figure.add_argument("--theme", choices=("light", "print"),
                        help="figure theme (default: print for images, light for html)")
    figure.add_argument("--lanes", choices=("category", "actor", "source", "status"),
                        help="one row of the chart per category (default), actor, source or "
                             "status")
    figure.add_argument("--time-scale", choices=("collapsed", "linear"), dest="time_scale",
                        help="collapsed (default) cuts long empty stretches; linear is a plain "
                             "calendar axis")
    figure.add_argument("--plotlyjs", choices=("inline", "cdn", "none"),
                        help="html/fragment: plotly.js inline (default, works offline), as a CDN "
                             "link (smaller file, needs the network) or left out (fragment only: "
                             "the host page loads it)")
    parser.set_defaults(run=run)


def parse_formats(values: list[str] | None) -> list[str]:
    from ..export import FORMATS, format_for

    names: list[str] = []
    for value in values or []:
        for part in value.split(","):
            part = part.strip().lower()
            if not part:
                continue
            if part == "all":
                names.extend(FORMATS)
            else:
                names.append(format_for(None, part))
    return list(dict.fromkeys(names))


def run(args) -> int:
    from ..export import FORMATS, IMAGE_FORMATS, format_for, image_session

    formats = parse_formats(args.formats)
    out = args.output
    if not formats:
        if not out or out == "-":
            raise InputError("give the export format with -f FORMAT (e.g. -f html), "
                             "or an output file with a known suffix, e.g. -o timeline.html")
        formats = [format_for(out)]
    if args.plotlyjs == "none" and "html" in formats:
        raise InputError("--plotlyjs none leaves the html page without its chart; use it with "
                         "-f fragment, or use --plotlyjs cdn")
    if len(formats) > 1 and (not out or out == "-"):
        raise InputError("several formats need -o: a folder or a file name whose suffix is "
                         "replaced per format")
    single = formats[0] if len(formats) == 1 else None
    if single and FORMATS[single].binary and (not out or out == "-") and sys.stdout.isatty():
        raise InputError(f"{single} is binary; give -o FILE (or redirect standard output)")
    _check_output(out, several=len(formats) > 1)
    needs_browser = any(f in IMAGE_FORMATS for f in formats)
    # The browser for images starts in the background while the articles are read.
    with image_session() if needs_browser else nullcontext():
        return _export(args, formats, out)


def _export(args, formats: list[str], out: str | None) -> int:
    from ..export import export_all, render, write_atomic

    single = formats[0] if len(formats) == 1 else None
    events, sources, failed = _extract(args)
    options = {
        "title": args.title, "sources": sources, "width": args.width, "height": args.height,
        "scale": args.scale, "theme": args.theme, "lanes": args.lanes,
        "time_scale": args.time_scale, "plotlyjs": args.plotlyjs,
    }
    if len(events) == 0:
        print("note: no dated events found; the export is empty", file=sys.stderr)
    if single and (not out or out == "-"):
        content = render(events, single, **options)
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(content)
        return EXIT_SOME_FAILED if failed else 0
    if single:
        written = {single: write_atomic(out, render(events, single, **options))}
    else:
        written = export_all(events, out, formats, **options)
    for path in written.values():
        print(f"wrote {path} ({_size(path.stat().st_size)})", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else 0


def _check_output(out: str | None, several: bool) -> None:
    """Fail before the (slow) extraction when the output cannot be written."""
    if not out or out == "-":
        return
    path = Path(out)
    if several and (path.is_dir() or out.endswith(("/", "\\"))):
        return
    if path.is_dir():
        raise InputError(f"{out} is a folder; give a file name, or several formats with -f")
    if not path.parent.exists():
        raise InputError(f"{path.parent} does not exist; create it or export elsewhere")


def _extract(args):
    """(event table, [Document sources], number of documents that failed)."""
    from ..corpus import iter_documents
    from ..extract import extract_many

    for p in args.paths:  # fail fast, before any work
        if p != "-" and not Path(p).exists():
            raise InputError(f"{p}: no such file or folder; check the path")
    failed = 0
    docs = []

    def report(doc_id: str, reason: str) -> None:
        nonlocal failed
        failed += 1
        print(f"skipped {doc_id}: {reason}", file=sys.stderr)

    def keep(stream):
        for doc in stream:
            docs.append(doc)
            yield doc

    events = extract_many(keep(iter_documents(args.paths, args.published, on_error=report)))
    if not docs and not failed:
        print("note: no documents found", file=sys.stderr)
    # Sources are read after extraction, which fills in publication times found in the text.
    sources = [{"source": d.source, "published": d.published, "title": d.title} for d in docs]
    return events, sources, failed


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB"):
        if n < 1000 or unit == "MB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} B"
