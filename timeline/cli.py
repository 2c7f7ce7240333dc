"""Command line: ``python -m timeline COMMAND ...``.

A thin shell: each subcommand lives in ``timeline/commands/NAME.py`` with
``add_parser(subparsers)`` and ``run(args) -> int``; they unpack arguments and
call the library. User errors (``TimelineError``, ``OSError``) become one line
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from .errors import TimelineError

COMMANDS = ("tag", "extract", "export", "serve")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Turn news articles into a trustworthy timeline of dated events.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        try:
            module = import_module(f"timeline.commands.{name}")
        except ModuleNotFoundError as exc:  # a command whose module is not present yet
            if exc.name == f"timeline.commands.{name}":
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except TimelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        name = getattr(exc, "filename", None)
        where = f"{name}: " if name else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `... | head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
