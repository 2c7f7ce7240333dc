"""Open the timeline app: ``python app.py [PATH...] [--host H] [--port P] [--debug] [--store FILE]``."""

from timeline.app.server import main

if __name__ == "__main__":
    raise SystemExit(main())
