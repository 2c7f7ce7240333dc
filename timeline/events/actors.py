"""Who an event is about: countries, organizations and people named with a title.

Countries come from pycountry (names, common and official names) plus
``data/countries.json`` (short forms, capitals, demonyms: "Pyongyang" and
"North Korean" are North Korea). Organizations come from
``data/organizations.json``. Everything is matched with one compiled regex,
names sorted longest first so "North Korean" wins over "Korea"-like prefixes.
People are recognised by a title before a capitalized name
(``data/people.json``), then "Mr Borrell" is joined to "Josep Borrell" when the
article names him in full.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .matching import FOLDS_TO_ASCII


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    name: str          # normalized: "North Korea", "European Union", "Josep Borrell"
    kind: str          # country, organization, person
    iso3: str | None   # ISO 3166-1 alpha-3 code for countries


def _load(name: str) -> dict:
    return json.loads(resources.files("timeline.events").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[str, str, str | None]]:
    """Surface form -> (normalized name, kind, iso3)."""
    import pycountry

    data = _load("countries.json")
    display = data["display"]
    table: dict[str, tuple[str, str, str | None]] = {}
    for c in pycountry.countries:
        name = display.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        forms = {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None), name}
        for form in forms:
            # "Korea, Republic of" is a catalogue form, never how copy writes it.
            if form and "," not in form:
                table[form] = (name, "country", c.alpha_3)
    for iso3, aliases in data["aliases"].items():
        c = pycountry.countries.get(alpha_3=iso3)
        name = display.get(iso3) or (
            (getattr(c, "common_name", None) or c.name) if c else aliases[0]
        )
        for form in aliases:
            table[form] = (name, "country", iso3)
    for org in _load("organizations.json")["organizations"]:
        for form in [org["name"], *org["aliases"]]:
            table[form] = (org["name"], "organization", None)
    return table


@lru_cache(maxsize=1)
def _names_regex() -> re.Pattern:
    forms = sorted(_names(), key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    # Lookarounds instead of \b so that forms ending in "." ("U.S.") still match.
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")


_NAME_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Z][a-z]+)?"
# Words that make a "name" after a title an organization: "General Motors Corp.".
_NOT_PERSON = frozenset(
    """Corp Inc Co Ltd Group Motors Bank Company Party Airlines Airways Association University
    Ministry Council Committee Court Assembly Army Navy Force Forces Command Staff Electric
    Dynamics Hospital Secretariat Office Department Agency Administration Affairs Assembly
    Commission Authority Institute Foundation Fund Federation Union League Front Movement""".split()
)
# Capitalized words that follow a title but are not names.
_NOT_NAMES = frozenset(
    "The A An And Of In On At For To By With From Said Says Told Has Had Is Was Will Would".split()
)


@lru_cache(maxsize=1)
def _person_regex() -> re.Pattern:
    titles = sorted(_load("people.json")["titles"], key=len, reverse=True)
    title = "|".join(re.escape(t) for t in titles)
    return re.compile(
        rf"(?<![\w])(?i:(?:{title}))(?:\s+(?i:(?:{title})))*\s+"
        rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
    )


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _names_by_first_word() -> dict[str, tuple[str, ...]]:
    """First word of a surface form -> the forms starting with it, longest first.

    Every form starts with a word character, and a match must start where a
    word starts (nothing word-like or "." before it) and end where one ends, so
    the text's word at the match start is the form's first word: looking only
    where the text has one of these words finds the same matches as
    ``_names_regex`` at a fraction of the cost of trying every form at every
    character.
    """
    out: dict[str, list[str]] = {}
    for form in sorted(_names(), key=len, reverse=True):
        out.setdefault(_WORD.match(form).group(0), []).append(form)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _form_prefixes() -> dict[str, str]:
    """First word of the surface forms -> what all its forms start with.

    "the" -> "the State of ": looking for the longer text skips the many "the"
    that begin no form.
    """
    return {w: os.path.commonprefix(forms) for w, forms in _names_by_first_word().items()}


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    # A frozenset, not the dict: intersecting two sets walks the smaller one.
    return frozenset(_names_by_first_word())


def _is_word_char(c: str) -> bool:
    """What ``\\w`` matches (for one character, without a regex call)."""
    return c.isalnum() or c == "_"


def _word_starts(text: str, prefix: str) -> list[int]:
    """Offsets where ``prefix`` is written at the start of a word of ``text``."""
    out = []
    i = text.find(prefix)
    while i >= 0:
        if not (i and _is_word_char(text[i - 1])):
            out.append(i)
        i = text.find(prefix, i + 1)
    return out


def _whole_words(text: str, word: str) -> list[int]:
    """Offsets where ``word`` stands in ``text`` with no word character on either side."""
    n = len(word)
    return [i for i in _word_starts(text, word) if not _is_word_char(text[i + n : i + n + 1])]


class _Words:
    """The distinct words of one text, so that a name or title is looked for only
    when the text has its first word: one regex pass, set operations and
    ``str.find`` instead of a Python loop over every word of the text."""

    def __init__(self, text: str):
        self.text = text
        self.distinct = frozenset(_WORD.findall(text))
        self._lower = ""

    def starts(self, words: frozenset[str], prefixes: dict[str, str]) -> list[tuple[int, str]]:
        """(offset, word) in text order, for each of ``words`` the text has: where a
        word of the text begins with ``prefixes[word]``. Every whole-word occurrence
        that goes on as the prefix says is among them (and possibly longer words,
        which the caller checks)."""
        out = []
        for w in self.distinct.intersection(words):
            out.extend((i, w) for i in _word_starts(self.text, prefixes[w]))
        out.sort()
        return out

    def starts_lower(self, words: frozenset[str]) -> list[int]:
        """Offsets of the text's words that, lower-cased, are one of ``words``, in order.

        Lower-casing keeps each character a word character or not, and keeps the
        text's length unless it holds "İ" (which callers leave to the word-by-word
        scan), so offsets in the lower-cased text are offsets in the text.
        """
        if not self._lower:
            self._lower = self.text.lower()
        out = []
        # Every word lower-cased, in three C calls: words hold no space, and
        # lower-casing never makes one.
        lowered = " ".join(self.distinct).lower().split(" ")
        for w in words.intersection(lowered):
            out.extend(_whole_words(self._lower, w))
        out.sort()
        return out


def find_countries_and_orgs(text: str, words: _Words | None = None) -> list[Actor]:
    """Country and organization mentions: the leftmost, longest non-overlapping forms,
    exactly what ``_names_regex().finditer(text)`` finds."""
    if words is None:
        words = _Words(text)
    table = _names()
    by_first = _names_by_first_word()
    out: list[Actor] = []
    after = 0  # matches do not overlap: the next one starts at or after the last end
    # Each start has the first word of the forms, or a longer word that none of them
    # matches (a form ends where a word ends).
    for start, word in words.starts(_first_words(), _form_prefixes()):
        if start < after or (start and text[start - 1] == "."):
            continue
        after = _longest_form(text, start, by_first[word], table, out, after)
    return out


def _longest_form(text: str, start: int, forms, table, out: list[Actor], after: int) -> int:
    """Append the longest of ``forms`` written at ``start``; the new end of matches."""
    for form in forms:
        end = start + len(form)
        if text.startswith(form, start) and not _is_word_char(text[end : end + 1]):
            out.append(Actor(start, end, *table[form]))
            return end
    return after


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    """Lower-cased first word of every title (all titles are ASCII and start with a letter)."""
    return frozenset(_WORD.match(t).group(0).lower() for t in _load("people.json")["titles"])


def _person_matches(text: str, words: _Words | None = None):
    """What ``_person_regex().finditer(text)`` yields, trying the regex only where a
    word could begin a title. A title is followed by space, so the word at the
    match start is the title's first word, matched case-insensitively: the word
    lower-cased, unless the text has a letter that such matching folds to ASCII
    (then every word is tried, as the regex would)."""
    if words is None:
        words = _Words(text)
    if any(c in text for c in FOLDS_TO_ASCII):
        # A word holding one could match a title without being a title lower-cased.
        yield from _person_matches_by_word(text)
        return
    regex = _person_regex()
    after = 0
    for start in words.starts_lower(_title_first_words()):
        if start < after:
            continue
        m = regex.match(text, start)
        if m:
            after = m.end()
            yield m


def _person_matches_by_word(text: str):
    """``_person_matches`` word by word: ASCII words are compared lower-cased, other
    words (where case-insensitive matching has Unicode subtleties) go to the regex."""
    regex = _person_regex()
    firsts = _title_first_words()
    after = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < after:
            continue
        token = word.group(0)
        if token.isascii() and token.lower() not in firsts:
            continue
        m = regex.match(text, start)
        if m:
            after = m.end()
            yield m


def find_people(text: str, words: _Words | None = None) -> list[Actor]:
    names = _names()
    out = []
    for m in _person_matches(text, words):
        tokens = m.group("name").split()
        while tokens and tokens[-1] in _NOT_NAMES:
            tokens.pop()
        while tokens and tokens[0] in _NOT_NAMES:
            tokens.pop(0)
        if not tokens:
            continue
        name = " ".join(tokens)
        if _NOT_PERSON.intersection(tokens) or m.group(0).startswith("General Motors"):
            continue
        if name in names:  # "President Putin" is a person; "chief EU" is not
            continue
        start = m.start("name") + m.group("name").index(tokens[0])
        out.append(Actor(start, start + len(name), name, "person", None))
    return out


class ActorIndex:
    """Actors of one article, so that "Mr Borrell" is normalized to "Josep Borrell"."""

    def __init__(self, text: str):
        self.text = text
        words = _Words(text)
        self.places = find_countries_and_orgs(text, words)
        people = find_people(text, words)
        full = [p.name for p in people if " " in p.name]
        by_surname: dict[str, str] = {}
        for name in full:
            by_surname.setdefault(name.split()[-1], name)
        self.people = [
            Actor(p.start, p.end, by_surname.get(p.name, p.name), "person", None)
            if " " not in p.name
            else p
            for p in people
        ]

        self._all = sorted(self.places + self.people, key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self._all]

    def within(self, start: int, end: int) -> list[Actor]:
        """Actors whose mention lies inside ``[start, end)``, in text order."""
        out = []
        for a in self._all[bisect.bisect_left(self._starts, start) :]:
            if a.start >= end:
                break
            if a.end <= end:
                out.append(a)
        return out


def names_and_countries(actors: list[Actor]) -> tuple[list[str], list[str]]:
    """Ordered unique actor names and ISO alpha-3 codes."""
    names: list[str] = []
    codes: list[str] = []
    for a in actors:
        if a.name not in names:
            names.append(a.name)
        if a.iso3 and a.iso3 not in codes:
            codes.append(a.iso3)
    return names, codes


def find_actors(text: str) -> tuple[list[str], list[str]]:
    """Normalized actor names and ISO alpha-3 country codes named in ``text``."""
    return names_and_countries(ActorIndex(text).within(0, len(text)))
