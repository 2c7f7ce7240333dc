"""The clause around a date; the separator and attribution patterns, written for
speed, match exactly as their plain forms do."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.events.clauses import (
    _ATTRIBUTION,
    _FUNCTION_WORDS,
    _SEP,
    _has_content_words,
    _is_attribution,
    _mask,
    _separators,
    clause_of,
)
from timeline.events.matching import fold

NEWS = Path(__file__).resolve().parent / "data" / "news"

PLAIN_SEP = re.compile(
    r"[,;:]\s+|\s+[–—-]+\s+|\s*[–—]\s*(?=[A-Z\ue000])"
    r"|\s+and\s+(?=(?:will|would|is\s+to|are\s+to|plans\s+to|then|later|(?:is|are)\s+(?:expected|set|due|scheduled)\s+to)\b)"
)
PLAIN_ATTRIBUTION = re.compile(
    r"(?i)\b(?:said|says|told (?:reporters|journalists|\w+)|reported|added|stated|quoted)\b\W*$"
    r"|^\W*(?:\w+\s+){0,6}?(?:said|says|reported|added)\b(?:\s+(?:on|in|at|late|early)?\s*)*"
    r"[\s.!?\"”’]*$"
)


def _plain_mask(text, spans):
    chars = list(text)
    for s, e in spans:
        for i in range(max(s, 0), min(e, len(chars))):
            chars[i] = "\ue000"
    return re.sub(r"\([\ue000\s,]*\)", lambda m: "\ue000" * len(m.group(0)), "".join(chars))


def _random_texts(tokens, count, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(tokens) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_separators_are_those_of_the_plain_pattern():
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    tokens = [" ", "  ", "\n", ",", ";", ":", "-", "–", "—", "and", "will", "then", "is",
              "to", "Paris", "said", "x", "DDDD", "\ue000\ue000", "(", ")"]
    for text in texts + _random_texts(tokens, 20000, 12, seed=1):
        assert [m.span() for m in _SEP.finditer(text)] == [
            m.span() for m in PLAIN_SEP.finditer(text)], text


def test_separators_without_the_alternatives_a_text_cannot_hold_are_the_same():
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    tokens = [" ", "\u00a0", ",", ";", ":", "-", "–", "—", "and", "And", "will", "would", "then",
              "later", "is", "to", "plans", "\t", "\n", "Paris", "x", "\ue000", "--", "sand"]
    for text in texts + _random_texts(tokens, 20000, 10, seed=5):
        assert [m.span() for m in _separators(text)] == [
            m.span() for m in PLAIN_SEP.finditer(text)], text


def test_attribution_check_skips_only_texts_it_cannot_match():
    tokens = ["said", "says", "told", "told ", "reported", "added", "stated", "quoted", " ", "on",
              "late", ".", "x", "\n", "Said", "TOLD", "\u017fays", "\u212a", "sai", "d", "them",
              "\u0130n", "’"]
    for text in _random_texts(tokens, 50000, 7, seed=6):
        assert _is_attribution(text) == bool(PLAIN_ATTRIBUTION.search(text)), text


def test_content_word_count_is_that_of_all_words():
    plain_word = re.compile(r"[A-Za-z][\w'’-]*")
    tokens = ["The", "on", "In", "talks", "x", " ", ",", "\ue000", "of", "LAST", "it's", "-", "9",
              "a", "Paris", "_",
              # Words that start like function words, or hold letters a caseless match
              # would take for ASCII ones: none is a function word.
              "an", "another", "ON", "oN", "th", "the'", "The’", "mid-", "\u212ahe", "th\u212a",
              "\u017fince", "\u0130n", "\u0131n", "é", "Δ", "middle", "till", "Till", "untiL"]
    for text in _random_texts(tokens, 20000, 12, seed=7):
        for start, end in [(0, None), (0, len(text) // 2), (len(text) // 3, len(text))]:
            words = plain_word.findall(text[start:end])
            content = [w for w in words if w.lower() not in _FUNCTION_WORDS]
            for n in (1, 3, 9):
                assert _has_content_words(text, n, start, end) == (len(content) >= n), (
                    text, start, end, n)


def test_no_function_word_is_the_lower_case_of_a_word_that_is_not_ascii():
    # _FUNCTION_WORD compares ASCII letters only; a word's lower case is ASCII only if
    # all its letters lower to ASCII ones.
    lowering_to_ascii = {c for c in map(chr, range(0x80, 0x110000)) if c.lower().isascii()}
    assert lowering_to_ascii == {"\u212a"}  # Kelvin sign -> "k"
    assert not any("k" in word for word in _FUNCTION_WORDS)


def test_attribution_is_that_of_the_plain_pattern():
    # Short texts: the plain pattern takes exponential time on long runs of blanks.
    tokens = ["said", " ", "  ", "on", "in", "at", "late", "early", ".", "x", "\n", "reported",
              "Honore", ",", '"', "onion", "Late", "ON", "\t", "9", "told", "them", "’",
              "\u0130n", "\u212aate"]
    for text in _random_texts(tokens, 50000, 9, seed=2):
        assert bool(_ATTRIBUTION.search(text, fold(text))) == bool(
            PLAIN_ATTRIBUTION.search(text)), text


def test_a_long_masked_date_after_said_is_quick():
    body = "Honore said" + " " * 40 + "that like the earlier remains"
    assert not _ATTRIBUTION.search(body, fold(body))


def test_mask_is_the_plain_mask():
    rng = random.Random(4)
    for text in ["On Friday (November 2, 2024), he left.", "a (  ) b", "x", "", "(D) Defense (D)"]:
        for _ in range(200):
            spans = [tuple(sorted(rng.randrange(-2, len(text) + 3) for _ in range(2)))
                     for _ in range(rng.randint(0, 3))]
            assert _mask(text, spans) == _plain_mask(text, spans), (text, spans)


def test_capital_letters_are_not_taken_for_blanked_dates():
    # "(TDH)" holds a capital D: when dates were blanked with the letter D, unblanking
    # split it into "T H", the attribution counted one word too many to be one, and it
    # became the clause instead of the fact before it.
    sentence = ("Some 124 aid workers have left Darfur in the latest evacuation of relief "
                "workers, the Swiss humanitarian group Terre des Hommes (TDH) said Monday.")
    at = sentence.index("Monday")
    clause = clause_of(sentence, 0, at, at + len("Monday"), [(at, at + len("Monday"))])
    assert clause.text.startswith("Some 124 aid workers have left Darfur")


def test_clause_of_a_date_inside_a_sentence():
    sentence = "Japan, which has depended on the US for decades, is also developing a jet by 2035."
    at = sentence.index("2035")
    clause = clause_of(sentence, 100, 100 + at, 100 + at + 4, [(100 + at, 100 + at + 4)])
    assert clause.text == "is also developing a jet by 2035."
    assert clause.subject == "Japan"
    assert sentence[clause.start - 100 : clause.end - 100] == clause.text


def test_a_date_after_said_takes_the_fact_before_it():
    sentence = "Troops left the town, a senior official said on Monday."
    at = sentence.index("Monday")
    clause = clause_of(sentence, 0, at, at + 6, [(at, at + 6)])
    assert clause.text == "Troops left the town"


def test_an_attribution_with_a_possessive_dates_the_fact_before_its_apposition():
    from timeline.events.clauses import clause_of

    s = ("Russia launched 145 drones at Ukraine overnight, the largest such attack of the war, "
         "Ukraine's air force said on Sunday.")
    at = s.index("Sunday")
    assert clause_of(s, 0, at, at + 6, [(at, at + 6)]).text == "Russia launched 145 drones at Ukraine overnight"


def test_a_date_in_what_was_said_takes_the_words_said_as_its_clause():
    from timeline.events.clauses import clause_of

    s = ("President Volodymyr Zelenskiy said on Saturday that Kyiv would present its plan to allies "
         "at a summit in Brussels on Dec. 18-19.")
    sat, dec = s.index("Saturday"), s.index("Dec.")
    spans = [(sat, sat + 8), (dec, dec + 10)]
    assert clause_of(s, 0, dec, dec + 10, spans).text.startswith("Kyiv would present its plan")
    # The day of the telling keeps the telling as its clause.
    assert clause_of(s, 0, sat, sat + 8, spans).text.startswith("President Volodymyr Zelenskiy said")


def _clause_at(sentence: str, date: str, *others: str):
    """The clause of ``date`` in ``sentence`` (a sentence at offset 0), ``others`` being the
    sentence's other dates."""
    spans = [(sentence.index(d), sentence.index(d) + len(d)) for d in (date, *others)]
    return clause_of(sentence, 0, *spans[0], sorted(spans))


@pytest.mark.parametrize(
    "sentence,clause",
    [
        ("Britain, France and Germany triggered the snapback mechanism on Aug. 28.",
         "Britain, France and Germany triggered the snapback mechanism on Aug. 28."),
        ("China, Russia, Iran and North Korea held drills on Tuesday.",
         "China, Russia, Iran and North Korea held drills on Tuesday."),
        # not a list: a dateline, a sentence adverb, a place, or another separator
        ("JAKARTA, Indonesia and China signed agreements on Saturday.",
         "Indonesia and China signed agreements on Saturday."),
        ("Meanwhile, France and Germany agreed on Monday to send tanks.",
         "France and Germany agreed on Monday to send tanks."),
        ("In Paris, France and Germany agreed on Monday to send tanks.",
         "France and Germany agreed on Monday to send tanks."),
        ("Britain; France and Germany triggered the mechanism on Aug. 28.",
         "France and Germany triggered the mechanism on Aug. 28."),
    ],
)
def test_the_first_names_of_a_list_belong_to_the_clause(sentence, clause):
    got = _clause_at(sentence, re.search(r"Aug\. 28|Tuesday|Saturday|Monday", sentence).group())
    assert got.text == clause
    assert sentence[got.start:got.end] == got.text


@pytest.mark.parametrize(
    "sentence,date,subject,clause",
    [
        ("The Alaska meeting, held on Friday at a military base in Anchorage, ended without a deal.",
         "Friday", "The Alaska meeting", "held on Friday at a military base in Anchorage"),
        ("The accord, signed in 1994, ended the war.", "1994", "The accord", "signed in 1994"),
        # the participle's noun phrase must open the sentence and be a subject
        ("In Paris, signed in 1994, the accord ended the war.", "1994", "", None),
    ],
)
def test_a_participle_after_the_opening_noun_phrase_tells_of_it(sentence, date, subject, clause):
    got = _clause_at(sentence, date)
    assert got.subject == subject
    if clause is not None:
        assert got.text == clause


def test_a_relative_clause_after_a_bare_date_says_more_of_the_date_so_the_fact_is_before():
    s = ("Trump has previously set deadlines for Russia to agree to a ceasefire, most recently "
         "on 8 August, which passed without new US sanctions.")
    got = _clause_at(s, "8 August")
    assert got.text.startswith("Trump has previously set deadlines")
    assert "which passed" not in got.text


def test_a_piece_opened_by_and_after_a_bare_date_adds_another_thing_so_the_fact_is_before():
    s = ("The incident came a week after two similar collisions, on Aug. 19 and Aug. 25, and days "
         "before diplomats are due to meet in Manila.")
    got = _clause_at(s, "Aug. 19", "Aug. 25")
    assert got.text.startswith("The incident came") and "due to meet" not in got.text


@pytest.mark.parametrize(
    "sentence,date,starts",
    [
        ("A Chinese vessel rammed its ship, the BRP Teresa Magbanua, three times near Sabina Shoal "
         "early on Saturday.", "Saturday", "A Chinese vessel rammed its ship"),
        ("The president met his counterpart, Emmanuel Macron, in Paris on Tuesday.", "Tuesday",
         "The president met his counterpart"),
        ("He met leaders of Germany, France, and Italy on Monday.", "Monday", "He met leaders"),
        # an apposition that is no name leaves the piece as it is
        ("Russia launched 145 drones overnight, the largest attack of the war, the air force said "
         "on Sunday.", "Sunday", "Russia launched 145 drones overnight"),
    ],
)
def test_a_name_set_off_by_commas_does_not_cut_the_clause(sentence, date, starts):
    assert _clause_at(sentence, date).text.startswith(starts)


def test_a_place_s_country_after_a_comma_goes_on_with_the_clause():
    s = ("The assembly approved a plan to withdraw the troops in Diwaniya, Iraq by the end of the "
         "year after a long mandate.")
    assert _clause_at(s, "the end of the year").text.startswith("The assembly approved a plan")


@pytest.mark.parametrize(
    "sentence,date,subject",
    [
        ("The world's largest container ship, loaded with nearly 45,000 tons of presents, arrived "
         "Saturday in Felixstowe.", "Saturday", "The world's largest container ship"),
        # a dateline is no subject
        ("PRAYAGRAJ, India — The festival began on the banks of the Ganges and will continue until "
         "February 26.", "February 26", ""),
    ],
)
def test_a_verb_after_an_apposition_takes_the_opening_noun_phrase_as_subject(sentence, date, subject):
    assert _clause_at(sentence, date).subject == subject


def test_a_verb_after_a_bare_date_takes_the_opening_noun_phrase_as_subject():
    got = _clause_at("The last major quake in the region, in 2016, killed four people near Bagan.", "2016")
    assert got.subject == "The last major quake in the region"
    # a pronoun or a phrase of manner is no subject a title could show
    assert _clause_at("There, in June 2008, contracted the coach.", "June 2008").subject == ""
    assert _clause_at("Together with the vice-president, in 1993, forced the resignation.", "1993").subject == ""
