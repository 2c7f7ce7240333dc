"""Split an article into sentences with offsets, and say what kind of line each is.

News copy is not tidy prose: a photo caption first, a headline without a full
stop, a section heading between dashes, a stray "ss", quotes that end a
sentence ('... timely".'), and abbreviations ("Mr.", "U.S.", "Jan.") that must
not end one. Each sentence keeps ``start``/``end`` offsets into the text so the
evidence shown to a user is exactly what the article says.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..temporal.captions import CAPTION, has_caption_word
from .matching import FOLDS_TO_ASCII


class Sentence(NamedTuple):
    """A sentence of the text, by offsets, and the kind of passage it is. (A named tuple: an article
    has dozens, and a tuple is made several times quicker than a frozen dataclass.)"""

    start: int
    end: int
    text: str
    kind: str  # body, caption, headline, heading


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt maj capt sgt adm cmdr gov sen rep rev hon
    pres supt insp fr no nos vs etc al inc corp ltd co bros dept univ est approx fig
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun""".split()
)

# A sentence ends at . ! ? (possibly followed by closing quotes/brackets) before
# whitespace and something that can start a sentence.
# Written "[.!?][.!?]*" rather than "[.!?]+" (the same matches): a pattern that opens
# with a single character class lets the regex engine skip to the next ".", "!" or "?".
_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9–—-])")
# _END for a whole text: the ends _END finds in each line alone. Its matches and what
# they look ahead to hold no line break (the spaces looked at are those of one line), so
# at each place of a line it sees the same characters as in the line cut out.
_LINE_END_IN_TEXT = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?=[^\S\n]+[\"'“‘(\[]?[A-Z0-9–—-])")
# Non-ASCII letters that case-insensitive matching equates with ASCII ones ("ſ" with
# "s"): a line holding one is left to the regex.
_HEADING = re.compile(r"^\s*[–—-]+\s*[^.!?]{1,60}?\s*[–—-]+\s*$")


_ABBREVIATION_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_LINE = re.compile(r"[^\n]+")
_OPEN_END = re.compile(r"[.!?\"”]\s*$")


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """True if the "." at ``dot`` belongs to an abbreviation or an initial ("U.S.", "J.")."""
    # The letters and dots written right before the dot (what ``([A-Za-z.]+)\.$``
    # finds in text[: dot + 1]), walked back from the dot instead of searched for.
    start = dot
    while start and text[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start == dot:
        return False
    word = text[start:dot]
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    if _INITIALS.fullmatch(word) and not (start and text[start - 1].isdigit()):
        return True  # U.S., U.N., J. (an initial; not the "s" of "the 1990s.")
    return False


def _line_kind(
    line: str, index: int, n_lines: int, folds: bool = True, may_caption: bool = True
) -> str:
    """``folds``: the text may hold one of FOLDS_TO_ASCII (so the caption regex must
    look at every line). ``may_caption`` False: the text has no caption word, so no
    line of it is a caption."""
    if _HEADING.match(line):
        return "heading"
    if may_caption and (folds or has_caption_word(line)) and CAPTION.search(line):
        return "caption"
    if (index == 0 and n_lines > 1 and len(line.split()) <= 20
            and not _OPEN_END.search(line)):
        return "headline"
    return "body"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with offsets, text and line kind."""
    out: list[Sentence] = []
    lines = [(m.start(), m.group(0)) for m in _LINE.finditer(text)]
    lines = [(s, ln, stripped) for s, ln in lines if (stripped := ln.strip())]
    folds = not text.isascii() and any(c in text for c in FOLDS_TO_ASCII)
    # Most articles have no caption word anywhere: one look at the whole text then
    # spares the look at each line (a word holds no line break).
    may_caption = folds or has_caption_word(text)
    # The sentence ends of all lines, found in one scan (most lines hold none). A lone
    # "." after an abbreviation is none; the letters before it are walked back to the
    # line's start in the text as in the line (a line break is no letter).
    ends = [
        m.end() for m in _LINE_END_IN_TEXT.finditer(text)
        if not (m.end() - m.start() == 1 and text[m.start()] == "."
                and _ends_with_abbreviation(text, m.start()))
    ]
    ends.append(len(text) + 1)  # after every line's end, so the walk below needs no check
    next_end = 0
    for i, (line_start, line, stripped) in enumerate(lines):
        kind = _line_kind(line, i, len(lines), folds, may_caption)
        pos = line_start
        line_end = line_start + len(line)
        if ends[next_end] > line_end:  # most lines are one sentence: cut out already
            start = line_start + len(line) - len(line.lstrip())
            out.append(Sentence(start, start + len(stripped), stripped, kind))
            continue
        while ends[next_end] < line_end:  # an end is followed by a start in its line
            _add(out, text, pos, ends[next_end], kind)
            pos = ends[next_end]
            next_end += 1
        _add(out, text, pos, line_end, kind)
    if any(s.end - s.start > MAX_SENTENCE for s in out):
        out = [piece for s in out for piece in _wrapped(text, s)]
    return out


# A "sentence" longer than this is no prose (a table or a list run together, or a hostile
# text): it is cut at blanks, so the work on each, which grows with the square of its
# dates, stays bounded. The longest sentence of 2,452 news articles has 537 characters.
MAX_SENTENCE = 1000


def _wrapped(text: str, s: Sentence) -> list[Sentence]:
    """``s`` (a sentence of ``text``) in pieces of at most MAX_SENTENCE characters, cut at
    the last blank of each."""
    if s.end - s.start <= MAX_SENTENCE:
        return [s]
    out: list[Sentence] = []
    pos = s.start
    while pos < s.end:
        cut = s.end if s.end - pos <= MAX_SENTENCE else max(
            text.rfind(" ", pos + 1, pos + MAX_SENTENCE), text.rfind("\t", pos + 1, pos + MAX_SENTENCE))
        if cut <= pos:
            cut = pos + MAX_SENTENCE  # no blank at all: cut anyway
        _add(out, text, pos, cut, s.kind)
        pos = cut
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, kind: str) -> None:
    piece = text[start:end]
    stripped = piece.strip()  # str.strip() drops exactly what str.isspace() calls space
    if stripped:
        start += len(piece) - len(piece.lstrip())
        out.append(Sentence(start, start + len(stripped), stripped, kind))
