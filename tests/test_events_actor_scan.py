"""The word-by-word actor scans find exactly what the full regexes find."""

import random
import re
from pathlib import Path

import pytest

from timeline.events import actors

NEWS = sorted((Path(__file__).parent / "data" / "news").glob("*.txt"))
TRICKY = [
    "U.S. and the U.S.A, X.U.S. and .U.S. officials; Mr. Smith met President Biden.",
    "Prime  Minister Kishida and Foreign Minister Yoko Kamikawa; MR SMITH; İstanbul Mr Joe",
    "North Korean and South Korea's leaders, NATO-led, EUROPEAN UNION, European Unionist",
    # Forms that share a long prefix ("the State of ..."), and words that only begin one.
    "the State of Palestine, the the State of Eritrea, other USA USAID Koreans the Hague",
    # Letters that case-insensitive matching folds to ASCII: "ſir", the Kelvin sign.
    "\u017fir John Major and \u212aing Charles met President Macron",
    "PRESIDENT Biden, pResIdEnT Xi, Foreign-Minister Wang, Mr.Smith, _Mr Jones",
    # Titles sharing a first word, chained titles, and words glued to punctuation.
    "Vice-President Harris, Vice President Pence; Deputy Prime Minister Kono (Japan's) "
    "Secretary of State Blinken, Secretary-General Guterres, opposition leader Keir Starmer",
    "China's, (Reuters) U.S.-led Iran/Iraq foo_bar Mr\u00a0Smith \"President Lula\" UN-backed",
    # Titles against non-ASCII word characters (not words of their own) and other
    # characters (which end words): the title scan looks at an ASCII copy of the text.
    "Mr\u00e9 \u00e9Mr Mr\u00b2 \u00b2Mr Pr\u00e9sident \u2018President\u2019s\u201d "
    "king\u2014queen\u2026pope \u041cr mr\u0301 Minister\u3000Sir\nDr.\tMs 9Mr Mr9 mr",
    # ASCII texts are scanned in a copy with spaces for every character that is no
    # word character: control characters, brackets, digits and "_" next to titles.
    "9Mr Mr9 mr_ _mr\tDr.\x0bMs\x1cSir\x7fpope (king) [queen] {emir} 'imam' mr\x00Ms",
]


def _texts():
    return TRICKY + [p.read_text(encoding="utf-8") for p in NEWS]


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_names_scan_matches_regex(text):
    table = actors._names()
    by_regex = [
        actors.Actor(m.start(), m.end(), *table[m.group(0)])
        for m in actors._names_regex().finditer(text)
    ]
    assert actors.find_countries_and_orgs(text) == by_regex


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_person_scan_matches_regex(text):
    by_regex = [m.span() for m in actors._person_regex().finditer(text)]
    assert [m.span() for m in actors._person_matches(text)] == by_regex


def test_scans_find_something():
    assert [a.name for a in actors.find_countries_and_orgs(TRICKY[2])][:2] == [
        "North Korea", "South Korea"
    ]
    assert any(a.name == "Yoko Kamikawa" for a in actors.find_people(TRICKY[1]))


@pytest.mark.parametrize("text", _texts(), ids=lambda t: t[:30])
def test_title_starts_are_the_words_that_begin_a_title(text):
    if "\u0130" in text:
        return  # such texts go word by word (see _person_matches)
    firsts = actors._title_first_words()
    plain = [m.start() for m in re.finditer(r"\w+", text) if m.group().lower() in firsts]
    assert actors._title_starts(text) == plain


def _random_texts(tokens, count, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(tokens) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_names_trie_matches_the_longest_first_alternation():
    # Forms that continue one another, share beginnings, end in "." or hold blanks.
    tokens = ["Korea", "North", "South", "n", " ", ".", "U.S.", "U.S", "A", "Guinea", "-",
              "Bissau", "Papua New", "the", " State of ", "Palestine", "x", "_", "Niger", "ia",
              "EU", "European Union", "ist", "\u00a0", "Congo", ",", "Democratic Republic of the"]
    table = actors._names()
    for text in _random_texts(tokens, 20000, 8, seed=9):
        by_regex = [actors.Actor(m.start(), m.end(), *table[m.group(0)])
                    for m in actors._names_regex().finditer(text)]
        assert actors.find_countries_and_orgs(text) == by_regex, text


def test_person_title_trie_matches_the_longest_first_alternation():
    titles = sorted(actors._load("people.json")["titles"], key=len, reverse=True)
    title = "|".join(re.escape(t) for t in titles)
    # (the name as the product writes it: the titles are what this compares)
    name = (rf"(?P<name>{actors._NAME_TOKEN}(?:\s+(?:[A-Z]\.?\s+|{actors._PARTICLES})?{actors._NAME_TOKEN}){{0,2}}"
            rf"(?:\s+[IVX]{{1,4}}(?![\w-]))?)")
    plain = re.compile(rf"(?<![\w])(?i:(?:{title}))(?:\s+(?i:(?:{title})))*\s+{name}")
    # Titles that continue one another, in any case, chained, and letters that
    # case-insensitive matching folds to ASCII ones ("\u212a" Kelvin sign, long s).
    tokens = ["Mr", "mr.", "MRS", "Ms.", "Prime", " ", "  ", "Minister", "minister", "Deputy",
              "Vice", "-", "President", "elect", "Secretary", "General", " of State", "chief",
              "Chief Executive", "policy", "foreign", "John", "Smith", "\u212aing", "\u017fir",
              "Kim", "Jong", "Un", ".", "x", "\n", "Opposition Leader", "Gen.", "Dr", "The"]
    for text in _texts() + _random_texts(tokens, 20000, 8, seed=11):
        assert [(m.span(), m.group("name")) for m in actors._person_regex().finditer(text)] == [
            (m.span(), m.group("name")) for m in plain.finditer(text)], text
