"""A date mention: a span of the document and its TIMEX3 reading."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .intervals import interval_of


@dataclass
class Mention:
    """One temporal expression found in a text.

    ``start``/``end`` are character offsets into the document text
    (``text == doc[start:end]``). ``value`` is a TIMEX3 value ("2024-11-01",
    "2024-W43", "2027", "P3M", "PRESENT_REF", "XXXX-04" when unresolved).
    ``mod`` is a TIMEX3 modifier (BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER,
    START, MID, END, APPROX, LESS_THAN, MORE_THAN) or None.
    """

    start: int
    end: int
    text: str
    type: str                      # DATE, TIME, DURATION, SET
    value: str
    precision: str | None = None   # minute .. century; None for DURATION/SET
    mod: str | None = None
    rule: str = ""                 # name of the rule that found it
    anchor: str | None = None      # what a relative value was resolved against
    confidence: float = 1.0
    warnings: list[str] = field(default_factory=list)
    # Underspecified reading kept from the tagging stage (e.g. {"weekday": 4,
    # "direction": "past"}); the resolver fills ``value`` from it.
    spec: dict = field(default_factory=dict)

    @property
    def interval(self):
        """(first day, last day) the value covers as pandas Timestamps, or None."""
        return interval_of(self.value, self.mod) if self.type in ("DATE", "TIME") else None

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("spec", None)
        return d
