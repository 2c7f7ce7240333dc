"""``python -m timeline tag PATH``: list the date mentions of one article.

Shows what the date tagger found before any event logic: offsets into the
text, the words as written, and their TIMEX3 reading.
"""

from __future__ import annotations

import csv
import json
import sys

FIELDS = ("start", "end", "text", "type", "value", "precision", "mod", "warnings")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "tag",
        help="list the date mentions of one article",
        description="List every date mention of an article (.txt, .md, .html; '-' reads stdin) "
                    "with its character offsets and normalized TIMEX3 value.",
    )
    parser.add_argument("path", metavar="PATH", help="article file, or - for standard input")
    parser.add_argument("--published", metavar="TIME",
                        help="publication time (ISO 8601 such as 2024-11-02T12:35+05:30, or as "
                             "printed, e.g. 'November 02, 2024 12:35 PM IST'); default: found in "
                             "the text")
    parser.add_argument("-f", "--format", choices=("table", "jsonl", "csv"), default="table",
                        help="output format (default: table)")
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..read import read
    from ..temporal.published import parse_published
    from ..temporal.tagger import tag_document

    published = parse_published(args.published) if args.published else None
    doc = read(args.path)
    if published is not None:
        doc.published = published
    if not doc.text.strip():
        print(f"note: {doc.source} is empty; no dates to tag", file=sys.stderr)
    mentions = tag_document(doc)
    rows = [mention_row(m) for m in mentions]
    write_rows(rows, args.format, sys.stdout)
    if doc.text.strip() and not rows:
        print(f"note: no dates found in {doc.source}", file=sys.stderr)
    return 0


def mention_row(m) -> dict:
    return {
        "start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value,
        "precision": m.precision or "", "mod": m.mod or "", "warnings": list(m.warnings or []),
    }


def write_rows(rows: list[dict], fmt: str, out) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "warnings": "; ".join(row["warnings"])})
    else:
        out.write(format_table(rows))


def format_table(rows: list[dict]) -> str:
    """A plain fixed-width table; newlines inside a mention are shown as spaces."""
    cells = [[_cell(row[f]) for f in FIELDS] for row in rows]
    header = [f.upper() for f in FIELDS]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(header)]
    widths[-1] = 0  # the last column is not padded
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *cells]]
    return "\n".join(lines) + "\n"


def _cell(value) -> str:
    if isinstance(value, list):
        value = " | ".join(value)
    return " ".join(str(value).split())
