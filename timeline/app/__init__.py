"""The interactive timeline app (Dash): ``create_app(session)`` and ``main(argv)``."""

from .server import create_app, load_session, main

__all__ = ["create_app", "load_session", "main"]
