"""Rule patterns matched on folded text give exactly the matches of IGNORECASE."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.events.categories import category_rules
from timeline.events.matching import (
    _EQUAL_TO_ASCII_LETTER,
    CaselessRule,
    FirstMatching,
    _opens_with_word_char,
    _quicker_alternatives,
    _starts_at_word_boundary,
    _word_before_boundary,
    fold,
    foldable,
    required_strings,
    triggers,
    words_of,
)
from timeline.events.status import status_rules

NEWS = Path(__file__).resolve().parent / "data" / "news"
SAMPLE = Path(__file__).resolve().parent.parent / "data" / "eu-japan-partnership-2024.txt"
PATTERNS = [r.regex.pattern for r in category_rules()] + [
    r.regex.pattern for r in status_rules() if r.regex
]


def real_texts() -> list[str]:
    """Sentences of the news excerpts and the sample article, and every rule example."""
    texts = [SAMPLE.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    out = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    out += [e[0] for r in (*category_rules(), *status_rules()) for e in r.examples]
    return out


def variants(texts: list[str], seed: int = 7) -> list[str]:
    """The texts, pieces of them, and copies with letters' case changed or with the
    characters IGNORECASE equates with ASCII letters put in."""
    rng = random.Random(seed)
    out = list(texts)
    for t in texts:
        a, b = sorted(rng.randrange(len(t) + 1) for _ in range(2))
        out.append(t[a:b])
        out.append("".join(c.upper() if rng.random() < 0.3 else c for c in t))
        out.append(t.upper())
        chars = list(t)
        for _ in range(2):
            odd = rng.choice("\u0130\u0131\u017f\u212aÉé’")
            chars.insert(rng.randrange(len(chars) + 1), odd)
        out.append("".join(chars))
    return out


TEXTS = variants(real_texts())


def test_the_characters_ignorecase_equates_with_ascii_letters_are_all_known():
    every = "".join(map(chr, range(128, 0x110000)))
    equal = set(re.findall("[a-z]", every, re.IGNORECASE))
    assert equal == set(_EQUAL_TO_ASCII_LETTER.pattern[1:-1])


def test_fold_keeps_length_and_refuses_ambiguous_text():
    assert fold("Said ON Monday") == "said on monday"
    assert fold("ÉTAT Said") == "État said"  # only ASCII letters change
    assert fold("\u212aiev said") is None
    assert fold("Istanbul") == "istanbul" and fold("\u0130stanbul") is None


@pytest.mark.parametrize(
    "pattern,ok",
    [
        (r"\b(?:said|says)\b", True),
        (r"\W*[a-z]+ed\b|['’]ll", True),
        (r"\bUS\b", False),  # an uppercase letter
        (r"[0-Z]", False),  # a range holding "A" but not "a"
        (r"\x41", False),
        (r"(a)\1", False),
        (r"(?-i:a)b", False),
        (r"caf[é]", False),  # a cased non-ASCII letter
    ],
)
def test_foldable(pattern, ok):
    assert foldable(pattern) is ok


def test_every_rule_pattern_is_matched_on_folded_text():
    # Not needed for exactness, but the speed depends on it.
    assert all(foldable(p) for p in PATTERNS)
    assert FirstMatching([r.regex.pattern for r in category_rules()]).scan is not None


@pytest.mark.parametrize("pattern", PATTERNS)
def test_folded_matches_are_the_ignorecase_matches(pattern):
    rule, plain = CaselessRule(pattern), re.compile(pattern, re.IGNORECASE)
    for text in TEXTS:
        low = fold(text)
        assert [m.span() for m in rule.finditer(text, low)] == [
            m.span() for m in plain.finditer(text)
        ], text
        assert bool(rule.search(text, low)) == bool(plain.search(text))


def first_one_by_one(patterns: list[str], text: str) -> int | None:
    for i, p in enumerate(patterns):
        if re.search(p, text, re.IGNORECASE):
            return i
    return None


def test_first_matching_is_trying_the_patterns_one_by_one():
    patterns = [r.regex.pattern for r in category_rules()]
    first = FirstMatching(patterns)
    hits = set()
    for text in TEXTS:
        want = first_one_by_one(patterns, text)
        assert first.index(text) == want, text
        hits.add(want)
    assert len(hits) > 10  # the texts reach many rules, not only the default


def test_first_matching_with_patterns_it_cannot_join():
    patterns = [r"\bcat", r"dog|\bbird", r"(e)gg"]
    first = FirstMatching(patterns)
    assert first.scan is None
    for text in ["a bird", "hotdog cat", "Egg", "nothing", "CAT"]:
        assert first.index(text) == first_one_by_one(patterns, text)


def test_first_matching_goes_on_after_a_later_rule():
    first = FirstMatching([r"\bzebra", r"\bant", r"\bbee"])
    assert first.index("a bee, an ant and a Zebra") == 0
    assert first.index("a bee, an ant") == 1
    assert first.index("antelope bee") == 1
    assert first.index("xbee") is None


@pytest.mark.parametrize(
    "pattern,ok",
    [
        (r"\b(?:a|b)", True),
        (r"(?<!\bbe )(?!need\b)\b[a-z]+ed\b", True),  # lookarounds test the same place
        (r"\b(?:a)\b|c", False),  # the "\b" covers only the first alternative
        (r"\b?x", False),
        (r"\b[|(](?:x)", True),
        (r"x\b", False),
        (r"(?=a)\b(?:a|b)|c", False),
    ],
)
def test_starts_at_word_boundary(pattern, ok):
    assert _starts_at_word_boundary(pattern) is ok


def test_a_leading_lookbehind_pattern_keeps_its_matches():
    rule = CaselessRule(r"(?<!\bis )\b[a-z]+ed\b")
    text = "It is Closed, it WAS opened and closed"
    assert [m.span() for m in rule.finditer(text, fold(text))] == [
        m.span() for m in re.finditer(r"(?<!\bis )\b[a-z]+ed\b", text, re.IGNORECASE)
    ] == [(21, 27), (32, 38)]


@pytest.mark.parametrize(
    "pattern,ok",
    [
        (r"\b(?:a|b)", True),
        (r"\b(?:a|)", False),  # the empty alternative
        (r"\b(?:a?-b)", False),
        (r"\b(?:'ll|a)", False),
        (r"\b(?:(?:x|y) z|\w+)", True),
        (r"\b(?:(?:x|y)? z)", False),
        (r"\b[a-z]+ed", True),
        (r"\b[a-z.]", False),
        (r"\b[^a-z]", False),
        (r"(?<!\bis )\b(?:was|(?!need)[a-z]+ed)", True),
        (r"\b(?:will)\b|['’]ll\b", False),  # does not start at a word boundary at all
    ],
)
def test_opens_with_word_char(pattern, ok):
    assert _opens_with_word_char(pattern) is ok


@pytest.mark.parametrize(
    "pattern, needs",
    [
        (r"\bby\s+(?:next|then)\b", ("by",)),
        (r"\b(?:has|have|'ve)\s+\w+", ("'ve", "has", "have")),
        (r"\b\w+ing\b", ("ing",)),
        (r"a|b", None),  # compiled to a class: nothing required
        (r"\b(?:x?)\w", None),
    ],
)
def test_required_strings(pattern, needs):
    got = required_strings(pattern)
    assert (sorted(got) if got else got) == (sorted(needs) if needs else needs)


def test_rules_skipped_by_their_required_strings_match_nothing():
    texts = ["They met by the river on Monday.", "He has been waiting, having left.",
             "No cue at all here", "ſince by"]
    for rule in status_rules():
        if rule.regex is None:
            continue
        caseless = CaselessRule(rule.regex.pattern)
        for text in texts:
            low = fold(text)
            got = [m.span() for m in caseless.finditer(text, low)]
            assert got == [m.span() for m in rule.regex.finditer(text)]


def test_first_matching_by_first_character_is_the_one_by_one_answer():
    patterns = [rule.regex.pattern for rule in category_rules()]
    matcher = FirstMatching(patterns)
    assert matcher.by_first is not None
    words = re.findall(r"[A-Za-z]+", " ".join(patterns)) + ["Reuters", "9", "é", "said", "met"]
    rng = random.Random(7)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        expected = next(
            (i for i, p in enumerate(patterns) if re.search(p, text, re.IGNORECASE)), None
        )
        assert matcher.index(text) == expected, text


def word_soup(seed: int, n: int = 600) -> list[str]:
    """Texts of words and pieces of the rule patterns, with odd joins: matches start and
    end everywhere in them."""
    pieces = re.findall(r"[A-Za-z]+|'\w+|\u2019\w+", " ".join(PATTERNS))
    pieces += ["Reuters", "9", "é", "said", "met", "not", "is", "be", "-", "'", "_x", "2027"]
    rng = random.Random(seed)
    joins = [" ", " ", " ", "", "-", ", ", "\n", "_", "’"]
    return [
        "".join(rng.choice(pieces) + rng.choice(joins) for _ in range(rng.randint(1, 14)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_triggers_never_rule_out_a_match(pattern):
    # A text the triggers turn away has no match; one holding a sure word has one.
    rule, plain = CaselessRule(pattern), re.compile(pattern, re.IGNORECASE)
    assert rule.triggers is not None or "[a-z]+ed" in pattern
    if rule.triggers is None:
        return
    for text in TEXTS + word_soup(len(pattern)):
        low = fold(text)
        if low is None:
            continue
        words = words_of(low)
        found = plain.search(text) is not None
        if not rule.triggers.may_match(low, words):
            assert not found, text
        if not rule.triggers.sure.isdisjoint(words):
            assert found, text


@pytest.mark.parametrize(
    "pattern, words, prefixes, strings, sure",
    [
        (r"\b(?:said|says)\b", {"said", "says"}, set(), (), {"said", "says"}),
        # The likely rarest whole word of each way to spell a match.
        (r"\b(?:(?:is|are) due|to be held)\b", {"are", "due", "held"}, set(), (), set()),
        (r"\b(?:is|are) required to\b", {"required"}, set(), (), set()),
        (r"\b(?:announc\w+|said)\b", {"said"}, {"anno"}, (), {"said"}),
        (r"\b(?:will)\b|['’]ll\b", {"will"}, set(), ("'ll", "’ll"), {"will"}),
        (r"\b(?:has|'ve)\s+been\b", {"been"}, set(), ("'ve",), set()),
        (r"\b(?:cut|downgrad\w+) ties\b", {"ties"}, {"down"}, (), set()),
        (r"\b(?:cut|downgrad\w+)", set(), {"down"}, ("cut",), set()),
        # Lookarounds only rule out: the word still opens every match, but is not sure.
        (r"(?<!\bnot )\b(?:was|were)\b", {"was", "were"}, set(), (), set()),
    ],
)
def test_triggers(pattern, words, prefixes, strings, sure):
    got = triggers(pattern)
    assert (set(got.words), set(got.prefixes), set(got.strings), set(got.sure)) == (
        words, prefixes, set(strings), sure)


@pytest.mark.parametrize("pattern", [r"\b.\b", r"\b(?:a|\w+)", r"x|\b."])
def test_no_triggers_when_any_text_might_match(pattern):
    assert triggers(pattern) is None


QUICKER = [
    r"\b(?:a|ab|b?c|ad|x)\b",
    r"\b(?:was|were|w\w+|went|a)\b",
    r"\b(?:go|going to|gone|g)",
    r"(?<!\bis )\b(?:was|(?<!\bnot )(?!need\b)[a-z]+ed|went)\b",
    r"\b(?:a+b|ac|a{2}d|ae)",
]


@pytest.mark.parametrize("pattern", QUICKER + PATTERNS)
def test_quicker_alternatives_keep_every_match(pattern):
    quick = re.compile(_quicker_alternatives(pattern))
    plain = re.compile(pattern)
    texts = [fold(t) for t in TEXTS + word_soup(7, 300)]
    texts += ["a ab abd aad aab ac ae c bc", "go going to gone g gg", "is was not needed x-ed"]
    for low in filter(None, texts):
        assert [m.span() for m in quick.finditer(low)] == [
            m.span() for m in plain.finditer(low)], low


def test_quicker_alternatives_rewrite():
    assert _quicker_alternatives(r"\b(?:a|ab|b?c|ad|x)\b") == r"\b(?:a(?:|b)|b?c|ad|x)\b"
    assert _quicker_alternatives(r"\b(?:x|(?<!y)z+)") == r"\b(?:x|(?=z+)(?<!y)z+)"
    assert _quicker_alternatives(r"\b(?:a(b)|ac)") == r"\b(?:a(b)|ac)"  # a group: as it is


@pytest.mark.parametrize(
    "pattern, rewritten",
    [
        (r"\bby\s+(?:next|then)\b", r"by(?<!\wby)\s+(?:next|then)\b"),
        (r"\babc|d", r"abc(?<!\wabc)|d"),  # the "\b" was the first alternative's only
        (r"\bab?c", r"\bab?c"),  # "?" is the "b"'s: only "a" is sure, too short
        (r"\babc+", r"ab(?<!\wab)c+"),
        (r"\b(?:a|b)", r"\b(?:a|b)"),
    ],
)
def test_word_before_boundary(pattern, rewritten):
    assert _word_before_boundary(pattern) == rewritten
    quick, plain = re.compile(rewritten), re.compile(pattern)
    texts = ["by next", "abc d", "xabc abcc _abc 9abc", "ac abc", "nearby then by  then"]
    for low in texts + [fold(t) for t in TEXTS[:300] if fold(t)]:
        assert [m.span() for m in quick.finditer(low)] == [
            m.span() for m in plain.finditer(low)], low


def test_first_matching_on_word_soup_is_the_one_by_one_answer():
    # Texts made of the rules' own words, joined every which way: the words a rule's
    # matches start with stand in them often, at word starts and inside words.
    patterns = [rule.regex.pattern for rule in category_rules()]
    matcher = FirstMatching(patterns)
    assert matcher.gate is not None
    for text in word_soup(13, 1500):
        assert matcher.index(text) == first_one_by_one(patterns, text), text


@pytest.mark.parametrize(
    "pattern, openings",
    [
        (r"\b(?:said|says)\b", ({"said", "says"}, ())),
        (r"\b(?:(?:is|are) due|to be held)\b", ({"is", "are", "to"}, ())),
        (r"\b(?:announc\w+|said)\b", ({"said"}, ("announc",))),
        (r"\b(?:will)\b|['’]ll\b", ({"will"}, ("'ll", "’ll"))),
        (r"(?<!\bbe )\b(?:was|[a-z]+ed)\b", None),  # "[a-z]+ed" may start with any letter
    ],
)
def test_openings(pattern, openings):
    got = triggers(pattern).openings
    if openings is None:
        assert got is None
    else:
        assert (set(got[0]), set(got[1])) == (openings[0], set(openings[1]))


def test_first_matching_tries_every_place_a_match_can_start():
    # "cut" stands inside "execute": a match of the longer one starts elsewhere.
    patterns = [r"\b(?:(?:cut|execute)\w*)", r"\b(?:ab|xab\w*)\b", r"\bsaid\b"]
    matcher = FirstMatching(patterns)
    assert matcher.gate is not None
    for text in ["they execute it", "a cut", "a xabc", "xab ab", "nothing said", "execut"]:
        assert matcher.index(text) == first_one_by_one(patterns, text), text


@pytest.mark.parametrize("pattern", PATTERNS)
def test_matches_with_the_texts_words_are_the_ignorecase_matches(pattern):
    # With the words, rules are skipped by their triggers and matched only where their
    # matches can start: the matches are still every one a scan finds.
    rule, plain = CaselessRule(pattern), re.compile(pattern, re.IGNORECASE)
    for text in TEXTS + word_soup(len(pattern) + 1):
        low = fold(text)
        words = None if low is None else words_of(low)
        assert [m.span() for m in rule.finditer(text, low, words)] == [
            m.span() for m in plain.finditer(text)
        ], text
        assert bool(rule.search(text, low, words)) == bool(plain.search(text)), text


def test_words_of_are_the_runs_of_word_characters():
    # ASCII texts are cut by translation and str.split(): every ASCII character that is
    # no word character (control characters str.split() keeps together too) ends a word.
    tricky = ["", " ", "a", "_a_b 9x", "a\x1cb\x1dc\x1ee\x1ff\x0bg\x0ch\x00i\x7fj",
              "u.s.-led co-op (it's) a/b\tc\r\nd", "caf\u00e9 na\u00efve \u00b2x x\u2019s",
              "".join(map(chr, range(128)))]
    for text in tricky + TEXTS:
        low = fold(text)
        if low is not None:
            assert words_of(low) == frozenset(re.findall(r"\w+", low)), low
