"""Load the rule and table data files and compile the rules once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

_MACRO = re.compile(r"<<(\w+)>>")


@dataclass(frozen=True)
class Rule:
    name: str
    type: str
    regex: re.Pattern
    fixed: dict = field(default_factory=dict)
    examples: tuple = ()
    order: int = 0
    triggers: tuple[str, ...] = ()
    require: tuple[str, ...] = ()  # lower-case words one of which must be near a match


def _load_yaml(name: str) -> dict:
    text = resources.files("timeline.temporal").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def tables() -> dict:
    """Word tables: months, weekdays, seasons, numbers, ordinals, units, directions, parts, timezones."""
    return _load_yaml("tables.yaml")


def _expand(pattern: str, macros: dict) -> str:
    # Macros may use other macros; expand until none is left (bounded: no recursion in the data).
    for _ in range(5):
        new = _MACRO.sub(lambda m: macros[m.group(1)], pattern)
        if new == pattern:
            return new
        pattern = new
    raise ValueError(f"macro expansion does not terminate in {pattern!r}")


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order (earlier rules win ties of equal length)."""
    data = _load_yaml("rules.yaml")
    macros = {k: v.strip() for k, v in data["macros"].items()}
    out = []
    for i, r in enumerate(data["rules"]):
        body = _expand(r["pattern"], macros)
        # Word boundaries on both sides, without consuming anything.
        regex = re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)
        out.append(
            Rule(
                name=r["name"],
                type=r["type"],
                regex=regex,
                fixed=dict(r.get("set") or {}),
                examples=tuple(r.get("examples") or ()),
                order=i,
                triggers=tuple(r.get("trigger") or ()),
                require=tuple(str(w).lower() for w in r.get("require") or ()),
            )
        )
        unknown = set(out[-1].triggers) - set(data["triggers"])
        if not out[-1].triggers or unknown:
            raise ValueError(f"rule {r['name']!r}: trigger must name classes of {sorted(data['triggers'])}")
    return tuple(out)


@cache
def trigger_words() -> dict[str, tuple[str, ...]]:
    """Lower-cased word -> trigger class, from the ``triggers`` lists in rules.yaml.

    Numbers are recognised by shape in the tagger (four digits, 11/01, 12:35, 10 a.m.).
    """
    data = _load_yaml("rules.yaml")
    words: dict[str, tuple[str, ...]] = {}
    for cls, items in data["triggers"].items():
        for w in items:
            key = str(w).lower()
            if cls not in words.get(key, ()):
                words[key] = words.get(key, ()) + (cls,)
    return words
