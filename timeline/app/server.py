"""Build and serve the Dash app.

``python app.py [PATH...]``, ``python -m timeline serve [PATH...]`` and ``make run`` all
come here. The app binds 127.0.0.1 unless ``--host`` says otherwise, runs under the
waitress WSGI server, and only uses Dash's development server (with its debugger) when
``--debug`` is given. Static files come from the package's ``app/assets`` folder: the
CSS, a small script that names unlabelled inputs, and ``plotly-timeline.min.js``, a
1.4 MB plotly.js with only the traces the timeline draws (built by
``tools/build-plotly-bundle.sh``). dcc.Graph uses it because it defines ``window.Plotly``,
so the 4.8 MB full bundle is never fetched and the first draw is about a second faster.
Other scripts are served by Dash from the installed packages: nothing comes from a CDN.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dash import Dash

from ..errors import TimelineError
from ..store import ENV_VAR, EditStore
from .callbacks import register
from .data import SAMPLE, Session, load_paths
from .layout import build_layout

ASSETS = Path(__file__).resolve().parent / "assets"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8050


def create_app(session: Session, *, title: str = "Timeline") -> Dash:
    """A Dash app showing ``session``'s events."""
    app = Dash(
        __name__,
        title=title,
        update_title=None,
        assets_folder=str(ASSETS),
        serve_locally=True,
        external_stylesheets=[],
        external_scripts=[],
        suppress_callback_exceptions=False,
    )
    app.layout = build_layout(title)
    register(app, session)

    @app.server.after_request
    def _headers(response):
        # Defence in depth for hostile article text (rendered as text anyway).
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response

    return app


def load_session(paths: list[str], *, store: str | None = None, published=None) -> Session:
    """A session on the given inputs (the sample article when none are given)."""
    if not paths:
        paths = [str(SAMPLE)] if SAMPLE.exists() else []
    events, texts, notes = load_paths(paths, published)
    return Session(events, store=EditStore(store), texts=texts, notes=notes)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="articles (.txt/.md/.html), folders of them, or events from a corpus "
                             "run (.parquet file or folder, .jsonl); default: the sample article")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to bind (default {DEFAULT_HOST}: this computer only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port (default {DEFAULT_PORT})")
    parser.add_argument("--debug", action="store_true",
                        help="Dash's development server with debugger and reload (never on a network)")
    parser.add_argument("--store", metavar="FILE",
                        help=f"SQLite file for your edits (default ${ENV_VAR} or "
                             "~/.local/share/timeline/edits.sqlite3)")
    parser.add_argument("--published", metavar="WHEN",
                        help="publication time of the given articles when they do not state one")
    parser.add_argument("--threads", type=int, default=4, help="server threads (default 4)")


def serve(args: argparse.Namespace) -> int:
    session = load_session(list(args.paths), store=args.store, published=args.published)
    app = create_app(session)
    url = f"http://{args.host}:{args.port}/"
    print(f"Timeline: {len(session.base)} events; open {url} (Ctrl+C to stop)", flush=True)
    for note in session.notes:
        print(f"warning: {note}", file=sys.stderr)
    if args.debug:
        app.run(host=args.host, port=args.port, debug=True)
        return 0
    from waitress import serve as waitress_serve

    waitress_serve(app.server, host=args.host, port=args.port, threads=args.threads,
                   ident="timeline", _quiet=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="app.py", description="Open the interactive timeline app in your browser.")
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return serve(args)
    except TimelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
