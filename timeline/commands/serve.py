"""``python -m timeline serve [PATH...]``: open the interactive timeline app."""

from __future__ import annotations


def add_parser(subparsers) -> None:
    from ..app.server import add_arguments

    parser = subparsers.add_parser(
        "serve", help="open the interactive timeline app (waitress, 127.0.0.1:8050)",
        description="Serve the interactive timeline app with the waitress WSGI server.",
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def run(args) -> int:
    from ..app.server import serve

    return serve(args)
