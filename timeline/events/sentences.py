"""Split an article into sentences with offsets, and say what kind of line each is.

News copy is not tidy prose: a photo caption first, a headline without a full
stop, a section heading between dashes, a stray "ss", quotes that end a
sentence ('... timely".'), and abbreviations ("Mr.", "U.S.", "Jan.") that must
not end one. Each sentence keeps ``start``/``end`` offsets into the text so the
evidence shown to a user is exactly what the article says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Sentence:
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
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9–—-])")
_CAPTION = re.compile(
    r"(?i)\b(photo(?:graph)?s?\s+(?:courtesy|credit|by|taken)|in this (?:photo|picture|image|file photo)|"
    r"file photo|pictured|\((?:photo|picture|image)\b|photo\s*:|image\s*:|afp photo|reuters/)"
)
_HEADING = re.compile(r"^\s*[–—-]+\s*[^.!?]{1,60}?\s*[–—-]+\s*$")


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """True if the "." at ``dot`` belongs to an abbreviation or an initial ("U.S.", "J.")."""
    m = re.search(r"([A-Za-z.]+)\.$", text[: dot + 1])
    if not m:
        return False
    word = m.group(1)
    if word.lower().rstrip(".") in _ABBREVIATIONS:
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word):  # U.S., U.N., J. (an initial)
        return True
    return False


def _line_kind(line: str, index: int, n_lines: int) -> str:
    if _HEADING.match(line):
        return "heading"
    if _CAPTION.search(line):
        return "caption"
    words = line.split()
    if index == 0 and n_lines > 1 and len(words) <= 20 and not re.search(r"[.!?\"”]\s*$", line):
        return "headline"
    return "body"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, each with offsets, text and line kind."""
    out: list[Sentence] = []
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    lines = [(s, ln) for s, ln in lines if ln.strip()]
    for i, (line_start, line) in enumerate(lines):
        kind = _line_kind(line, i, len(lines))
        pos = 0
        for m in _END.finditer(line):
            if line[m.start()] == "." and m.end() - m.start() == 1 and _ends_with_abbreviation(
                line, m.start()
            ):
                continue
            _add(out, text, line_start + pos, line_start + m.end(), kind)
            pos = m.end()
        _add(out, text, line_start + pos, line_start + len(line), kind)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, kind: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], kind))
