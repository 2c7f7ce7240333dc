"""Errors the library raises for bad input.

Every error a user can cause carries a one-line message that names the input
and says what to do; the CLI and the app show that line instead of a traceback.
"""


class TimelineError(Exception):
    """Base class for errors caused by the user's input, not by a bug."""


class InputError(TimelineError):
    """An input file or text cannot be read as an article."""
