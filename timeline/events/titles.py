"""A short human label for an event, made from its clause.

The label is the clause as the article words it, without the date (the date
has its own column), without brackets, quote marks and trailing
subordinate matter, cut at a word boundary. "last week's disastrous general
election" is an event named by a noun phrase; its label is that phrase,
led by the country the sentence is about.
"""

from __future__ import annotations

import re

MAX_WORDS = 14
_DANGLING = frozenset("a an the of in on at to for with and or by from as that which".split())

_SIGNAL_BEFORE = re.compile(
    r"(?:\b(?:on|in|at|by|since|until|till|after|before|during|from|through|of|for|as of|"
    r"no later than|not later than|as early as|as late as|starting|beginning|ending)\s+)+$",
    re.IGNORECASE,
)
_JOINER = re.compile(r"^[\s,]*(?:(?:and|or|to|through|until|till|then)\b|[-–—])?[\s,]*$", re.I)
_POSSESSIVE_S = re.compile(r"^['’]s\b")  # "Monday's paper" without "Monday"
_POSSESSIVE = re.compile(r"^['’]s\s+")
_NOUN_PHRASE_END = re.compile(
    r"[,;:.()“”\"]|\s(?:that|which|who|where|when|in|on|at|for|with|to|by|after|before|"
    r"has|have|had|is|are|was|were|will|would|could|said)\s",
)
_LEADING = re.compile(
    r"^(?:(?:and|but|or|so|then|also|meanwhile|however|while|because|as|after|before|since|when|"
    r"until|although|though|whereas)\b[\s,]*)+",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    # Markup is never part of a label, and script or style content never is text.
    text = re.sub(r"(?is)<(script|style)\b.*?(?:</\1\s*>|$)", " ", text)
    text = re.sub(r"<[^<>]{0,200}>", " ", text)
    text = re.sub(r"\([^()]*\)", " ", text)
    text = re.sub(r"[“”\"‘]|(?<!\w)['’]|['’](?!\w)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:.-–—")
    return text


def _cut(text: str, max_words: int = MAX_WORDS) -> str:
    words = text.split()
    if len(words) <= max_words:
        return text
    words = words[:max_words]
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


def noun_phrase_after(text: str, pos: int) -> str | None:
    """The noun phrase right after a possessive date ("last week's <general election>")."""
    rest = text[pos:]
    m = _POSSESSIVE.match(rest)
    if not m:
        return None
    rest = rest[m.end():]
    end = _NOUN_PHRASE_END.search(rest)
    phrase = rest[: end.start()] if end else rest
    phrase = _tidy(phrase)
    return phrase or None


def make_title(
    clause: str,
    date_spans: list[tuple[int, int]],
    subject: str = "",
    lead: str = "",
) -> str:
    """A label from ``clause`` with the date spans (offsets into the clause) removed.

    ``subject`` is put in front (a relative clause's antecedent);
    ``lead`` is used for noun-phrase events ("Japan: general election").
    """
    parts = []
    pos = 0
    for i, (s, e) in enumerate(sorted(date_spans)):
        s, e = max(s, pos), max(e, pos)
        before = clause[pos:s]
        if i:
            before = _POSSESSIVE_S.sub("", before)
        if i and _JOINER.match(before):  # "in April and May": nothing left between the dates
            before = ""
        before = _SIGNAL_BEFORE.sub("", before)
        parts.append(before)
        pos = e
    parts.append(_POSSESSIVE_S.sub("", clause[pos:]) if date_spans else clause[pos:])
    text = " ".join(p.strip() for p in parts if p.strip())
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = _tidy(text)
    text = _LEADING.sub("", text)
    if subject:
        text = f"{subject} {text}"
    text = text[:1].upper() + text[1:]
    if lead:
        text = f"{lead}: {text}"
    return _cut(text)
