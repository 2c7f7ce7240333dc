"""Sentence splitting with offsets on untidy news copy."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.events import sentences
from timeline.events.matching import FOLDS_TO_ASCII
from timeline.events.sentences import split_sentences

NEWS = Path(__file__).resolve().parent / "data" / "news"


def _texts(text: str) -> list[str]:
    out = split_sentences(text)
    for s in out:
        assert text[s.start : s.end] == s.text
    return [s.text for s in out]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "The U.S. Navy sailed on Jan. 5 with Mr. Smith and Dr. J. Doe aboard. It returned."
    assert _texts(text) == [
        "The U.S. Navy sailed on Jan. 5 with Mr. Smith and Dr. J. Doe aboard.",
        "It returned.",
    ]


def test_a_decade_ends_a_sentence():
    text = "The army lost the region in the 1990s. The war ended in the 2020s. It is over."
    assert _texts(text) == ["The army lost the region in the 1990s.", "The war ended in the 2020s.", "It is over."]


def test_closing_quotes_stay_with_their_sentence():
    text = "“We live in a very dangerous world,” he said. “It is historic.” Then he left."
    assert _texts(text) == [
        "“We live in a very dangerous world,” he said.",
        "“It is historic.”",
        "Then he left.",
    ]


def test_lines_without_final_punctuation_are_sentences():
    text = "Japan, EU sign pact\nss\nThe pact was signed on Friday."
    got = split_sentences(text)
    assert [s.text for s in got] == ["Japan, EU sign pact", "ss", "The pact was signed on Friday."]
    assert got[0].kind == "headline"


def test_caption_and_heading_lines_are_marked(sample_text):
    kinds = {s.text[:20]: s.kind for s in split_sentences(sample_text)}
    assert kinds["In this photo taken "] == "caption"
    assert kinds["– Defense Industry –"] == "heading"
    assert kinds["Japan and the Europe"] == "body"


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


@pytest.mark.parametrize(
    "text",
    ["U.S.", "Mr.", "x.", ".", "..", "A.B.c.", "1.", "é.", "Jan..", "said U.N.", "ETC."],
)
def test_abbreviation_walk_finds_what_the_pattern_finds(text):
    dot = len(text) - 1
    m = re.search(r"([A-Za-z.]+)\.$", text[: dot + 1])
    word = m.group(1) if m else None
    expected = bool(word) and (
        word.lower().rstrip(".") in sentences._ABBREVIATIONS
        or bool(re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word))
    )
    assert sentences._ends_with_abbreviation(text, dot) == expected


@pytest.mark.parametrize(
    "line",
    ["PHOTO: AFP", "In this file photo, troops", "Troops (Image: AFP)", "REUTERS/Kim",
     "A photograph by Jane", "\u017fome Photo\u017f courtesy of", "Nothing to see here",
     "The picture is clear", "Pictured: the minister"],
)
def test_caption_check_agrees_with_the_caption_pattern(line):
    expected = "caption" if sentences.CAPTION.search(line) else "body"
    folds = any(c in line for c in FOLDS_TO_ASCII)
    assert sentences._line_kind(line, 1, 3, folds) == expected


def _random_texts(tokens, count, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(tokens) for _ in range(rng.randint(0, longest)))
            for _ in range(count)]


def test_sentence_ends_are_those_of_the_plain_pattern():
    plain = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9–—-])")
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    tokens = [".", "!", "?", "..", " ", "\n", "A", "a", "9", '"', "”", ")", "(", "“", "-", "x"]
    for text in texts + _random_texts(tokens, 20000, 10, seed=3):
        assert [m.span() for m in sentences._END.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text


def test_caption_word_check_on_the_whole_text_is_the_per_line_check():
    tokens = ["photo", "PHOTO", "pHoTo", "Picture", "IMAGE", "reuters/", "REUTERS/", "reuters",
              "phot", "o", " ", "\n", "é", "’", "x", "ß", "ﬁ", "\u0130", "\u03a3"]
    for text in _random_texts(tokens, 20000, 6, seed=4):
        per_line = any(sentences.has_caption_word(line) for line in text.split("\n"))
        assert sentences.has_caption_word(text) == per_line, text


def _split_line_by_line(text):
    """``split_sentences`` as it was written first: each line cut out and scanned alone."""
    out = []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s, ln) for s, ln in lines if ln.strip()]
    folds = any(c in text for c in FOLDS_TO_ASCII)
    for i, (line_start, line) in enumerate(lines):
        kind = sentences._line_kind(line, i, len(lines), folds)
        pos = 0
        for m in sentences._END.finditer(line):
            if line[m.start()] == "." and m.end() - m.start() == 1 and (
                sentences._ends_with_abbreviation(line, m.start())
            ):
                continue
            sentences._add(out, text, line_start + pos, line_start + m.end(), kind)
            pos = m.end()
        sentences._add(out, text, line_start + pos, line_start + len(line), kind)
    return out


def test_one_scan_for_ends_splits_as_line_by_line():
    # Ends are found in the whole text at once: line breaks among other spaces, blank
    # lines, abbreviations and initials at a line's start, ends just before a break.
    texts = [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    tokens = [".", "!", "?", " ", "\n", "\r", "\t", "\x0b", "\x1c", "\u2028", "\u00a0", "A",
              "Mr", "U.S", "a", "9", '"', "\u201d", ")", "(", "-", "x", "Jan", "photo:", "\u2014"]
    for text in texts + _random_texts(tokens, 20000, 12, seed=5):
        assert sentences.split_sentences(text) == _split_line_by_line(text), text
