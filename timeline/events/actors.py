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
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .matching import ASCII_NON_WORD_TO_SPACE, FOLDS_TO_ASCII
from .words import SENTENCE_ADVERBS

# Two capitalized words in a row, as a person's first and last name are written.
_TWO_NAMES = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")
# What may stand before the name that opens a sentence: blanks and an opening quote.
_OPENING = re.compile(r"[\s\"“‘']*")


class Actor(NamedTuple):
    """One mention of an actor. (A named tuple: an article has hundreds, and a tuple is made
    several times quicker than a frozen dataclass.)"""

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
            # (a national body, "Bank of Japan", carries its country's code)
            table[form] = (org["name"], "organization", org.get("iso3"))
    for person in _load("leaders.json")["people"]:
        for form in [person["name"], *person["aliases"]]:
            table.setdefault(form, (person["name"], "person", person.get("iso3")))
    for form in data.get("not_names", ()):
        # Found as the longer form, so that the country's name inside it is not; never an actor.
        table[form] = (form, _NOT_AN_ACTOR, None)
    return table


_NOT_AN_ACTOR = "none"


@lru_cache(maxsize=1)
def _surname_forms() -> frozenset[str]:
    """The known people's forms that are one word ("Macron", "Zelenskyy")."""
    return frozenset(form for p in _load("leaders.json")["people"] for form in p["aliases"]
                     if " " not in form)


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
_PARTICLES = r"(?:(?:al|el|bin|ibn|bint|de|del|della|di|da|du|van|von|der|den|la|le)[\s-])+"  # "von der"
# (The lower-case part of a given name is two to four letters, not a word joined on:
# "Obama-led", "Hamas-run", "Trump-like".)
# (Letters of Latin alphabets with accents count: "Domingos Simões Pereira", "Andrés Manuel
# López Obrador", "Recep Tayyip Erdoğan".)
_UP = "[A-ZÀ-ÖØ-ÞĀ-ž]"
_LOW = "(?:[a-zß-öø-ÿ]|[ā-ž])"
_NAME_TOKEN = (rf"{_UP}{_LOW}+(?:{_UP}{_LOW}+)?(?:[-'’](?:{_UP}{_LOW}+|(?!(?:led|run|era|old|new|age|day|ago|war|law|way|"
               r"all|due|set|won|like|wide|free|only|type|held|size|long|made|good|well|time|owned)(?![a-z]))"
               r"[a-z]{2,4}(?![a-z])))?")
# A name written family name first, with a given name of two parts joined by a hyphen, the
# second in lower case: "Ban Ki-moon", "Roh Moo-hyun", "Kim Jong-un".
_FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")
# Words that make a "name" after a title an organization: "General Motors Corp.".
_NOT_PERSON = frozenset(
    """Corp Inc Co Ltd Group Motors Bank Company Party Airlines Airways Association University
    Ministry Council Committee Court Assembly Army Navy Force Forces Command Staff Electric
    Dynamics Hospital Secretariat Office Department Agency Administration Affairs Assembly
    Commission Authority Institute Foundation Fund Federation Union League Front Movement
    Agreement Agreements Accord Accords Treaty Convention Pact Protocol Charter""".split()
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
        rf"(?P<name>(?:(?:[A-Z]\.){{1,3}}\s?)?{_NAME_TOKEN}(?:\s+(?:[A-Z]\.?\s+|{_PARTICLES})?{_NAME_TOKEN}){{0,2}}"
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


def _after_no_word_or_hyphen(form: str) -> str:
    return rf"(?<![\w-]{re.escape(form)})"


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
    """Country, organization and known people's mentions: the leftmost, longest
    non-overlapping forms, exactly what ``_names_regex().finditer(text)`` finds, less a
    country that names a currency ("U.S. dollars") and a known surname that the text also
    gives another person ("Dennis Blair" is not Tony Blair)."""
    table = _names()
    surnames = _surname_forms()
    out: list[Actor] = []
    bare: list[int] = []  # where known surnames stand in ``out``
    for m in _names_trie_regex().finditer(text):
        form = m.group()
        entry = table[form]
        if entry[1] == _NOT_AN_ACTOR:
            continue  # "South American", "the Washington Post"
        if (entry[1] == "country" and text.startswith(_CURRENCY_STARTS, m.end() + 1)
                and _CURRENCY_AFTER.match(text, m.end())):
            continue  # "171.9 billion U.S. dollars", "Swiss francs": a currency, not the country
        if form in surnames:
            bare.append(len(out))
        out.append(Actor(m.start(), m.end(), *entry))
    if bare:
        # A known surname after another given name anywhere ("Dennis Blair") leaves every
        # bare use of it in the text doubtful: none is read as the known person.
        others = {text[out[i].start:out[i].end] for i in bare if _after_a_given_name(text, out[i].start)}
        if others:
            out = [a for a in out if text[a.start:a.end] not in others]
    return out


_CURRENCY_AFTER = re.compile(r"[ \u00a0](?:dollars?|yuan|yen|euros?|rupees?|roubles?|rubles?|pesos?|francs?|"
                             r"dinars?|rials?|riyals?|lira|shekels?|ringgit|baht|rand|kronor|kroner|krona|currency)\b")
# ("won" and "pounds" are left out: "Japan won", "Britain pounds the rebels".) Every match
# starts, after its blank, with one of these: a string test spares the regex most names.
_CURRENCY_STARTS = ("dollar", "yuan", "yen", "euro", "rupee", "rouble", "ruble", "peso", "franc",
                    "dinar", "rial", "riyal", "lira", "shekel", "ringgit", "baht", "rand", "kron",
                    "currency")


def _after_a_given_name(text: str, at: int) -> bool:
    """Whether a capitalized word that may be a given name stands right before ``at``: not a
    title ("President Trump"), nor a word that opens a sentence or a phrase ("In Blair's")."""
    m = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if m is None:
        return False
    before = text[max(0, at - 40):at].rstrip().lower()
    if before.endswith(_titles_lower()):  # "Secretary of State Blinken", "Prime Minister Modi"
        return False
    word = m.group(1)
    first = word.split("-")[0].lower()  # "Secretary-General Guterres": a title
    return (word[0].isupper() and not word.isupper() and first not in _title_first_words()
            and word.lower() not in _title_first_words() and first not in _NOT_GIVEN_NAMES
            and not first.endswith(("ing", "ly", "ed")))  # "Questioning Netanyahu's lead"


@lru_cache(maxsize=1)
def _titles_lower() -> tuple[str, ...]:
    return tuple(t.lower() for t in _load("people.json")["titles"])


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)[ \u00a0]$")
_NOT_GIVEN_NAMES = SENTENCE_ADVERBS | frozenset("""a an the in on at for but and or nor when after
    before as if while since until unless with by from to under of over about against between
    during without within like than that this these those his her its their our my your both says
    said told asked where why how what who whom which whose new old former late acting chancellor
    premier although though because once so tomorrow even only last all some many most several
    such every each no not perhaps maybe whether unlike despite amid among upon via per dear
    thanks""".split())


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
    """People named with a title ("Defense Minister Nakatani"); a known person's other
    spelling is read as the known name ("President Volodymyr Zelenskyy")."""
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
        if all(t.lower() in _title_first_words() for t in tokens):
            continue  # "police chief Colonel A.R. Gaffar", the name not read: a title is no name
        known = names.get(name)
        if known is not None and known[1] != "person":  # "chief EU" is not a person
            continue
        start = m.start("name") + m.group("name").index(tokens[0])
        # "President Putin" is the known person, under the known name
        out.append(Actor(start, start + len(name), *(known or (name, "person", None))))
    return out


# A short form in brackets: "(RSF)", "(IRGC)", "(BJP)".
_SHORT_FORM = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,7})\)")
# The words a defined name may hold besides capitalized ones ("Organisation for the Prohibition ...").
_NAME_JOINERS = frozenset("of for and the on in de du des la le al el".split())
_DEFINED_WORD = re.compile(r"[\w'’-]+")


@lru_cache(maxsize=1)
def _defined_heads() -> frozenset[str]:
    return frozenset(_load("organizations.json")["defined_heads"])


def defined_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, short form) of each organization the text defines with a short form
    in brackets: "the paramilitary Rapid Support Forces (RSF)" gives "Rapid Support Forces".

    The short form's letters must be found in the name from right to left, its first letter
    at the start of a word (Schwartz and Hearst's test for abbreviations), the name must be
    capitalized words (and joiners such as "of"), and its head word must name a body
    ("Forces", "Party", "Agency"; see ``defined_heads`` and :func:`_head`): "gross domestic
    product (GDP)", "Indian Standard Time (IST)" and "WASHINGTON (AP)" are no actors.
    """
    out = []
    for m in _SHORT_FORM.finditer(text):
        short = m.group(1)
        if sum(c.isupper() for c in short) < 2:
            continue
        if not _body_head_regex().search(text, max(0, m.start() - 160), m.start()):
            continue  # no word naming a body just before ("PARIS (AFP)", "the tanker (VLCC)")
        words = _name_words_before(text, m.start(), len(short) + 4)
        first = _short_form_start(short, words) if words else None
        if first is None or len(words) - first < 2 or _head(words[first:]) not in _defined_heads():
            continue
        if first > 0 and _may_open_name(words[first - 1][2]):
            # "National Union for the Total Independence of Angola (UNITA)", "Andean Community
            # of Nations (CAN)": the test finds the shortest name; a capitalized word just
            # before is mostly the name's own (not "Iran's", "KABUL", "Monday").
            first -= 1
        start, end = words[first][0], words[-1][1]
        out.append((start, end, text[start:end], short))
    return out


def _may_open_name(word: str) -> bool:
    return (word[0].isupper() and not word.isupper() and not word.endswith(("'s", "’s", "'", "’"))
            and word not in _MONTH_AND_DAY_NAMES and word not in _NOT_OPENERS)


_NOT_OPENERS = frozenset({"The", "A", "An", "Former", "Both", "Its", "Their", "His", "Her", "Our"})


@lru_cache(maxsize=1)
def _body_head_regex() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(sorted(_defined_heads(), key=len, reverse=True)) + r")\b")


def _name_words_before(text: str, at: int, most: int) -> list[tuple[int, int, str]]:
    """The run of at most ``most`` name words (capitalized words and joiners) that ends just
    before ``at`` (blanks between), in text order; [] when a word of another kind ends there."""
    lo = max(0, at - 160)
    tokens = [(t.start(), t.end(), t.group()) for t in _DEFINED_WORD.finditer(text, lo, at)]
    run: list[tuple[int, int, str]] = []
    end = at
    for start, stop, word in reversed(tokens):
        if text[stop:end].strip() or len(run) == most:
            break  # a comma, a bracket or a full stop between: the name ended
        if not (word[0].isupper() or word in _NAME_JOINERS):
            break
        run.append((start, stop, word))
        end = start
    run.reverse()
    while run and not run[0][2][0].isupper():
        run.pop(0)  # a name starts with a capital
    if run and run[-1][2].endswith(("'s", "’s")):  # "the Central Bureau of Investigation's (CBI)"
        start, stop, word = run[-1]
        run[-1] = (start, stop - 2, word[:-2])
    return run


def _head(words: list[tuple[int, int, str]]) -> str:
    """The head word of a name: the last before its first "of", "for" or "on" ("Organisation
    for the Prohibition of Chemical Weapons"), else its last."""
    for k in range(1, len(words)):
        if words[k][2] in _HEAD_ENDS:
            return words[k - 1][2]
    return words[-1][2]


_HEAD_ENDS = frozenset({"of", "for", "on"})


def _short_form_start(short: str, words: list[tuple[int, int, str]]) -> int | None:
    """Index of the word where the name ``short`` abbreviates starts, or None: its letters are
    looked for from right to left in the words, the first one only at a word's start."""
    letters = [c for c in short.lower() if c.isalnum()]
    wi, ci = len(words) - 1, len(words[-1][2]) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while wi >= 0:
            word = words[wi][2].lower()
            if k == 0:
                if ci >= 0 and word[0] == c and words[wi][2][0].isupper():
                    return wi  # (a name starts with a capital: not at "of" in "Office of")
            else:
                while ci >= 0 and word[ci] != c:
                    ci -= 1
                if ci >= 0:
                    ci -= 1
                    break
            wi -= 1
            ci = len(words[wi][2]) - 1 if wi >= 0 else -1
        else:
            return None
    return None


def _with_defined_actors(text: str, known: list[Actor]) -> list[Actor]:
    """``known`` (in text order) with the mentions of the organizations the text defines (see
    :func:`defined_names`): the name, and its short form and full name wherever else they
    stand.

    A known name inside a defined one stays ("Syria" in "Syrian Observatory for Human
    Rights"), and gives the defined one its country's code ("Communist Party of China" is
    China's). A defined name that is a known one, or a spelling of it ("Organization of
    Petroleum Exporting Countries (OPEC)"), keeps the known entry; a known short form that
    the text gives another name ("Union for Democracy and Social Progress (UNDP)") is read
    as the text says.
    """
    defined = defined_names(text)
    if not defined:
        return known
    table = _names()
    forms: dict[str, tuple[str, str, str | None]] = {}
    starts = [a.start for a in known]
    for start, end, name, short in defined:
        entry = table.get(name)
        if entry is None and short in table and _spells_the_same(name, table[short]):
            entry = table[short]
        if entry is None:
            entry = (name, "organization", next(
                (a.iso3 for a in known[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]
                 if a.end <= end and a.iso3), None))
        forms.setdefault(name, entry)
        forms.setdefault(short, entry)
    redefined = {f for f, entry in forms.items() if f in table and table[f] != entry}
    if redefined:
        known = [a for a in known if text[a.start:a.end] not in redefined]
        starts = [a.start for a in known]
    if len(forms) <= _FEW:
        found = sorted(_whole_words(text, forms), key=lambda f: (f[0], -f[1]))
    else:  # many (a hostile text): one pass of a trie of them, so the cost stays linear
        regex = re.compile(_trie(list(forms), _after_no_word_or_hyphen) + r"(?![\w-])")
        found = [(m.start(), m.end(), forms[m.group()]) for m in regex.finditer(text)]
    out: list[Actor] = []
    for at, end, entry in found:
        if out and out[-1].end > at:
            continue  # inside a longer defined name
        i = bisect.bisect_left(starts, at)
        if (i > 0 and known[i - 1].end > at) or any(
                known[k].end > end for k in range(i, bisect.bisect_left(starts, end))):
            continue  # inside, or across the end of, a name found already
        if any(a.start == at and a.end == end for a in known[i:i + 1]):
            continue  # the known name itself
        out.append(Actor(at, end, *entry))
    if not out:
        return known
    return sorted(known + out, key=lambda a: (a.start, a.end))


def _spells_the_same(name: str, entry: tuple[str, str, str | None]) -> bool:
    """Whether ``name`` is another spelling of a known entry's name or one of its forms
    ("Organisation for Economic Co-operation and Development" and "Organization for
    Economic Cooperation and Development"): most of their words are the same."""
    mine = _name_words(name)
    for form in _forms_of(entry):
        theirs = _name_words(form)
        if theirs and len(mine & theirs) >= 0.6 * len(mine | theirs):
            return True
    return False


def _name_words(name: str) -> frozenset[str]:
    low = name.lower().replace("-", "").replace("isation", "ization")
    return frozenset(w for w in re.findall(r"\w+", low) if w not in _NAME_JOINERS)


@lru_cache(maxsize=256)
def _forms_of(entry: tuple[str, str, str | None]) -> tuple[str, ...]:
    return tuple(form for form, e in _names().items() if e == entry)


class ActorIndex:
    """Actors of one article, so that "Mr Borrell" is normalized to "Josep Borrell"."""

    def __init__(self, text: str):
        self.text = text
        self.places = find_countries_and_orgs(text)
        if "(" in text:
            self.places = _with_defined_actors(text, self.places)
        people = find_people(text)
        # (known people found by name count too: "Ms May" after "Theresa May")
        full = [p.name for p in people if " " in p.name] + [
            a.name for a in self.places if a.kind == "person" and " " in a.name]
        by_surname: dict[str, str] = {}
        for name in full:
            by_surname.setdefault(name.split()[-1], name)
            if _FAMILY_NAME_FIRST.fullmatch(name):
                # "Ban Ki-moon", "Roh Moo-hyun": the family name comes first ("Foreign Minister Ban")
                by_surname.setdefault(name.split()[0], name)
        codes = {a.name: a.iso3 for a in self.places if a.kind == "person"}
        self.people = [
            Actor(p.start, p.end, (name := by_surname.get(p.name, p.name)), "person", codes.get(name, p.iso3))
            if " " not in p.name
            else p
            for p in people
        ]
        known_people = [a for a in self.places if a.kind == "person"]
        if people and known_people:
            # a known person named with a title is found twice: once is enough, and the
            # known name is the whole one ("President Ursula von der Leyen", not "Ursula")
            spans = {(p.start, p.end) for p in people}
            self.places = [a for a in self.places if a.kind != "person" or (a.start, a.end) not in spans]
            self.people = [p for p in self.people if not any(
                a.start <= p.start and p.end <= a.end and (a.start, a.end) != (p.start, p.end)
                for a in known_people)]
        if by_surname:
            self.people = sorted(self.people + _bare_surnames(text, by_surname, self.people),
                                 key=lambda a: a.start)

        self._all = sorted(self.places + self.people, key=lambda a: (a.start, a.end))
        self._starts = [a.start for a in self._all]

    def opening_person(self, start: int, end: int) -> Actor | None:
        """The person whose name opens the sentence ``[start, end)`` ("Arafat was besieged"), if
        the sentence names no other person; else None."""
        named = self.within(start, end)
        found = [a for a in named if a.kind == "person"]
        if not found or any(a.name != found[0].name for a in found):
            return None
        if not _OPENING.fullmatch(self.text, start, found[0].start):
            return None
        # A name the index does not know ("Arafat met Ehud Barak"): "He" could be that one.
        for m in _TWO_NAMES.finditer(self.text, found[0].end, end):
            if not any(a.start <= m.start() < a.end for a in named):
                return None
        return found[0]

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


def known_name(form: str) -> str | None:
    """The kind ("country", "organization", "person") of the actor ``form`` spells as the
    tables write it ("NATO", "Kyiv"), or None."""
    entry = _names().get(form)
    return entry[1] if entry else None


def country_name(iso3: str) -> str | None:
    """The normalized name of the country with ISO alpha-3 code ``iso3`` ("SDN": "Sudan")."""
    return _country_names().get(iso3)


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {iso3: name for name, kind, iso3 in _names().values() if kind == "country" and iso3}


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
