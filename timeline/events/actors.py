"""Who an event is about: countries, organizations and people named with a title.

Countries come from pycountry (names, common and official names) plus
``data/countries.json`` (short forms, capitals, demonyms: "Pyongyang" and
"North Korean" are North Korea). Organizations come from
``data/organizations.json``. Everything is matched with one compiled regex,
the longest name first so "North Korean" wins over "Korea"-like prefixes.
People are recognised by a title before a capitalized name
(``data/people.json``), then "Mr Borrell" is joined to "Josep Borrell" when the
article names him in full.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .matching import ASCII_NON_WORD_TO_SPACE, FOLDS_TO_ASCII


@dataclass(frozen=True, slots=True)
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


# A capitalized name word: "Borrell", "McAlpine", "Al-Assad", and the short lower-case
# part of a hyphenated given name ("Kim Jong-un", "Tung Chee-hwa"), not a word joined
# on ("Obama-backed").
# Lower-case parts of a full name: "George W. Bush", "Nuri al-Maliki", "Osama bin Laden",
# "Dominique de Villepin", "Jaap de Hoop Scheffer"; a regnal number ends one ("Abdullah II").
_PARTICLES = r"(?:(?:al|el|bin|ibn|bint|de|del|della|di|da|du|van|von|der|den|la|le)[\s-])"
_NAME_TOKEN = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’](?:[A-Z][a-z]+|[a-z]{2,3}(?![a-z])))?"
# Words that make a "name" after a title an organization: "General Motors Corp.".
_NOT_PERSON = frozenset(
    """Corp Inc Co Ltd Group Motors Bank Company Party Airlines Airways Association University
    Ministry Council Committee Court Assembly Army Navy Force Forces Command Staff Electric
    Dynamics Hospital Secretariat Office Department Agency Administration Affairs Assembly
    Commission Authority Institute Foundation Fund Federation Union League Front Movement""".split()
)
# Capitalized words that follow a title but are not names.
_NOT_NAMES = frozenset(
    """The A An And Of In On At For To By With From Said Says Told Has Had Is Was Will Would
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday General Summit Executive People
    Mideast Designate""".split()
)


@lru_cache(maxsize=1)
def _person_regex() -> re.Pattern:
    """A title or titles, then up to three capitalized name words.

    The titles are written as a trie (see ``_names_trie_regex``) of their lower-cased
    forms, matched case-insensitively: the same matches as the alternation of all
    titles, longest first. The titles matching at a place are case-insensitive
    prefixes of one another (distinct ASCII letters never match the same character),
    and the trie tries them, as that alternation does, longest first; but it does
    not enter every title at every place, which case-insensitive alternatives make
    the regex engine do.
    """
    title = _trie(sorted({t.lower() for t in _load("people.json")["titles"]}))
    return re.compile(
        rf"(?<![\w])(?i:(?:{title}))(?:\s+(?i:(?:{title})))*\s+"
        rf"(?P<name>{_NAME_TOKEN}(?:\s+(?:[A-Z]\.?\s+|{_PARTICLES})?{_NAME_TOKEN}){{0,2}}"
        rf"(?:\s+[IVX]{{1,4}}(?![\w-]))?)"
    )


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _names_trie_regex() -> re.Pattern:
    """``_names_regex`` with its forms written as a trie ("Ko(?:rea|sovo)"): the same matches.

    Against an alternation of every form, the regex engine tries each form in turn
    at every place of a text; with the trie it skips to a character that begins a
    form and follows the one path the text spells there, trying a longer form
    before a shorter one it continues ("Korean" before "Korea"), so each place
    yields the longest form that matches, as the longest-first alternation does.
    The word-start test comes where a form ends, as a lookbehind over the form and
    the character before it: so the engine can skip to the characters that begin a
    form, and runs the test only where a whole form is spelt (a place before a word
    character or "." is ruled out for every form, as a test first would rule it out).
    """
    return re.compile(_trie(list(_names()), _after_no_word_or_dot) + r"(?![\w])")


def _after_no_word_or_dot(form: str) -> str:
    return rf"(?<![\w.]{re.escape(form)})"


def _trie(words: list[str], at_end: Callable[[str], str] | None = None, spelt: str = "") -> str:
    """A pattern for ``words`` with shared beginnings written once; where a word ends and
    others go on, going on is tried first. ``at_end(word)``, when given, is the pattern
    written where a word ends (``spelt`` is what comes before ``words``)."""
    children: dict[str, list[str]] = {}
    for w in words:
        if w:
            children.setdefault(w[0], []).append(w[1:])
    alternatives = [re.escape(c) + _trie(rests, at_end, spelt + c) for c, rests in children.items()]
    if "" in words:
        alternatives.append(at_end(spelt) if at_end else "")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=1)
def _title_start_regex() -> re.Pattern:
    """The first word of a title as a whole word of lower-cased text, written as a trie
    (see ``_names_trie_regex``): one pass over the text finds them all."""
    return re.compile(rf"(?<!\w)(?:{_trie(sorted(_title_first_words()))})(?!\w)")


@lru_cache(maxsize=1)
def _title_after_space_regex() -> re.Pattern:
    """``_title_start_regex`` for ASCII bytes whose characters that are no word character
    are spaces, a space put first: there a word starts just after a space."""
    trie = _trie(sorted(_title_first_words())).encode("ascii")
    return re.compile(rb" (?:" + trie + rb")(?!\w)")


def _title_starts(text: str) -> list[int]:
    """Offsets of the words of ``text`` that, lower-cased, are the first word of a title,
    in text order.

    Lower-casing keeps each character a word character or not, and keeps the
    text's length unless it holds "İ" (which callers leave to the word-by-word
    scan), so the words of the lower-cased text are the text's words lower-cased,
    at the same offsets.
    """
    low = text.lower()
    if not low.isascii():
        return [m.start() for m in _title_start_regex().finditer(low)]
    # The test before a word, run at every place, is the dearest part of the scan. In
    # a copy with every character that is no word character made a space (and a space
    # put first, so offsets in it are one more), a word starts exactly after a space,
    # which the regex engine searches for as a string; the copy keeps the letters
    # titles are spelt with, and every character a word character or not, in place.
    spaced = b" " + low.encode("ascii").translate(ASCII_NON_WORD_TO_SPACE)
    return [m.start() for m in _title_after_space_regex().finditer(spaced)]


def find_countries_and_orgs(text: str) -> list[Actor]:
    """Country and organization mentions: the leftmost, longest non-overlapping forms,
    exactly what ``_names_regex().finditer(text)`` finds."""
    table = _names()
    return [Actor(m.start(), m.end(), *table[m.group()]) for m in _names_trie_regex().finditer(text)]


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    """Lower-cased first word of every title (all titles are ASCII and start with a letter)."""
    return frozenset(_WORD.match(t).group(0).lower() for t in _load("people.json")["titles"])


def _person_matches(text: str):
    """What ``_person_regex().finditer(text)`` yields, trying the regex only where a
    word could begin a title. A title is followed by space, so the word at the
    match start is the title's first word, matched case-insensitively: the word
    lower-cased, unless the text has a letter that such matching folds to ASCII
    (then every word is tried, as the regex would)."""
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        # A word holding one could match a title without being a title lower-cased.
        yield from _person_matches_by_word(text)
        return
    regex = _person_regex()
    after = 0
    for start in _title_starts(text):
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


def find_people(text: str) -> list[Actor]:
    names = _names()
    out = []
    for m in _person_matches(text):
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
        self.places = find_countries_and_orgs(text)
        people = find_people(text)
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
        if by_surname:
            self.people = sorted(self.people + _bare_surnames(text, by_surname, self.people),
                                 key=lambda a: a.start)

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


_MONTH_AND_DAY_NAMES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


def _bare_surnames(text: str, by_surname: dict[str, str], people: list[Actor]) -> list[Actor]:
    """Later mentions of a person by surname alone ("Zelensky met ..." after "President
    Volodymyr Zelensky"), as whole capitalized words outside the people found already.

    A surname that is also a month, a weekday, a country or an organization ("May",
    "Jordan"), or that the text also has as a lower-case word ("Rice", "rice"), is left
    out: there a bare word is as likely not the person.
    """
    names = _names()
    wanted = [
        (surname, full) for surname, full in by_surname.items()
        if len(surname) >= 3 and surname[0].isupper() and surname not in _MONTH_AND_DAY_NAMES
        and surname not in names
    ]
    if not wanted:
        return []
    if len(wanted) <= _FEW:  # a few lower-case forms are looked for as strings
        lower = {surname.lower(): surname for surname, _ in wanted}
        written = {lower[w] for _s, _e, w in _whole_words(text, {w: w for w in lower})}
        wanted = [(surname, full) for surname, full in wanted if surname not in written]
    else:
        words = _words(text)
        wanted = [(surname, full) for surname, full in wanted if surname.lower() not in words]
    starts = [p.start for p in people]
    out = []
    for at, end, full in _whole_words(text, dict(wanted)):
        i = bisect.bisect_right(starts, at) - 1
        if not (i >= 0 and people[i].end > at):
            out.append(Actor(at, end, full, "person", None))
    return out  # (in no order: the caller sorts all its people)


def _words(text: str) -> frozenset[str]:
    """The text's words as written (runs of word characters and hyphens)."""
    if text.isascii():  # made by byte-wise translation and a split, far quicker than a regex scan
        return frozenset(text.encode("ascii").translate(_NON_WORD_OR_HYPHEN_TO_SPACE).decode("ascii").split())
    return frozenset(_WORD_OR_HYPHEN.findall(text))


def _whole_words(text: str, wanted: dict[str, str]):
    """(start, end, value) of each whole-word occurrence of a key of ``wanted``. A few keys are
    found by string search; many (a hostile text) in one regex pass over the capitalized
    words, so the cost stays linear in the text."""
    if len(wanted) <= _FEW:
        n = len(text)
        for word, value in wanted.items():
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not _in_word(text[at - 1])) and (end == n or not _in_word(text[end])):
                    yield at, end, value
                at = text.find(word, end)
        return
    for m in _CAPITALIZED_WORD.finditer(text):
        value = wanted.get(m.group())
        if value is not None:
            yield m.start(), m.end(), value


_FEW = 8


def _in_word(c: str) -> bool:
    return c.isalnum() or c in "_-"


_NON_WORD_OR_HYPHEN_TO_SPACE = bytes.maketrans(
    bytes(range(128)), bytes(c if (chr(c).isalnum() or chr(c) in "_-") else 32 for c in range(128)))
_WORD_OR_HYPHEN = re.compile(r"[\w-]+")
# A capitalized word, whole (a surname may hold a hyphen: "Abu-Rudeineh").
_CAPITALIZED_WORD = re.compile(r"(?<![\w-])[A-Z][\w-]*(?![\w-])")


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
