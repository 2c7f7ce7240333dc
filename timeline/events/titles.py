"""A short human label for an event, made from its clause.

The label is the clause as the article words it, without the date (the date
has its own column), without brackets, quote marks and trailing
subordinate matter, cut at a word boundary. "last week's disastrous general
election" is an event named by a noun phrase; its label is that phrase,
led by the country the sentence is about.
"""

from __future__ import annotations

import re

from .clauses import PHRASE_GOES_ON
from .matching import FOLDS_TO_ASCII
from .words import SPEAKING_PARTICIPLES

MAX_WORDS = 14
# Dates of a clause that a label is made around (news sentences have a handful).
_MAX_SPANS = 16
# Words a cut label does not end with: they promise more ("displaced more than…").
_DANGLING = frozenset(
    "a an the of in on at to into for with and or by from as that which than between either per "
    "among during since until via against about including whose who its their his her".split()
)

# Words that introduce a date ("on", "as early as"), dropped when they end the text
# before a date.
_SIGNALS = (
    "on", "in", "at", "by", "since", "until", "till", "after", "before", "during", "from", "within",
    "through", "of", "for", "as of", "no later than", "not later than", "no earlier than", "not earlier than",
    "as early as",
    "as late as", "starting", "beginning", "ending", "at least",
    # hedges on the date: "possibly as early as Thursday"
    "possibly", "probably", "perhaps", "maybe",
    # how near the date: "struck shortly after midnight", "came barely a week after"
    "shortly", "soon", "just", "barely", "only", "nearly", "almost", "immediately", "roughly",
    "approximately",
    # which part of the day: "the blast happened late on Thursday", "resumed early on Monday"
    "late", "early", "later", "earlier",
    # "crossed the border on the night of November 12-13", "in the early hours of Sunday"
    "the night of", "the morning of", "the afternoon of", "the evening of", "the early hours of",
    # "talks will resume in the week of Dec. 8"
    "the week of", "the weekend of", "the week beginning", "the week starting", "the week ending",
)
# What a date standing on its own is set against, or is the far end of: "higher than in 2002",
# "compared to the previous year", "lived in exile between 1975 and 1980", "growth in the year
# to March", "a rate increase either in January or February". Before a date that qualifies a
# noun these belong to the noun ("compared with Friday's quotes", "a downgrade to 2006 growth").
_FAR_END_SIGNALS = ("than", "compared to", "compared with", "as compared to", "as compared with", "between",
                    "either", "to", "up to")
_SIGNAL_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_SIGNALS)})\s+)+$", re.IGNORECASE)
_ANY_SIGNAL_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_SIGNALS + _FAR_END_SIGNALS)})\s+)+$",
                                re.IGNORECASE)
# What follows a date that stands on its own: the clause's end, a mark, or a word that goes on
# with the clause, not a noun the date qualifies nor a possessive "'s".
_STANDS_ALONE = re.compile(
    r"\s*(?:$|[,.;:)\"”—–]|-\s|(?:and|or|in|on|at|for|with|to|from|by|of|as|when|while|after|"
    r"before|but|amid|than|because|since|until|through|[a-z]+ed|is|are|was|were|has|have|had|"
    r"will|would)\b)")
_OVER_END = re.compile(r"(?:^|\s)over\s$")
_OVER_A_SPAN = re.compile(r"(?i)the\s|(?:past|next|coming|last)\s")
_INTO_END = re.compile(r"(?:^|\s)into\s*$")
# (every word of either list: the bound it gives holds for both patterns)
_SIGNAL_WORDS = frozenset(w for signal in _SIGNALS + _FAR_END_SIGNALS for w in signal.split())
_JOINER = re.compile(r"^[\s,]*(?:(?:and|or|to|through|until|till|then)\b|[-–—])?[\s,]*$", re.I)
# What follows a clock time to say whose clock it is, before the next date: "7 a.m. local time
# (0500 GMT) on Friday".
_LOCAL_TIME = re.compile(r"^\s*local\s+time\b", re.I)
# The time noun a date qualifies: "the 2026-2030 period", "the January-March period".
_PERIOD_AFTER = re.compile(r"\s+period\b")
_THE_PERIOD = re.compile(r"(?i)\s*\b(?:(?:in|during|over|for|throughout|compared\s+(?:with|to))\s+)?the\s+period\b")
# "on" that belongs to the verb before it: "going on", "carried on", "dragged on".
_ON_OF_A_VERB = re.compile(r"(?i)\b(?:going|goes|went|gone|carried|carry|carries|carrying|dragged|drags|"
                           r"dragging)\s+on\b")
# What closes an open start after its date: "halt gas flows from Jan. 1 onwards".
_ONWARDS = re.compile(r"[ \t]+onwards?\b", re.I)
_POSSESSIVE_S = re.compile(r"^['’]s\b")  # "Monday's paper" without "Monday"
_POSSESSIVE = re.compile(r"^['’]s\s+")
_POSSESSIVE_AT = re.compile(r"['’]s\s+")
_DETERMINER_NEXT = re.compile(r"['’]s\s+(?:the|a|an|this|that|these|those)\b", re.IGNORECASE)
_NOUN_PHRASE_END = re.compile(
    r"[,;:.()“”\"]|\s(?:that|which|who|where|when|in|on|at|for|with|to|by|after|before|"
    r"has|have|had|is|are|was|were|will|would|could|said)\s",
)
_LEADING = re.compile(
    r"^(?:(?:and|but|or|so|then|also|meanwhile|however|while|because|as|after|before|since|when|"
    r"until|although|though|whereas"
    # what holds with a thing: "(tents were delivered,) with more expected on Friday"
    r"|with(?=\s+(?:[\w'’-]+\s+){1,4}(?:expected|due|scheduled|set|planned)\b)"
    # a relative clause opened by a preposition: "in which 148 people were executed"
    r"|(?:in|during|at|on|by|under|through|for)\s+which(?!\s+case\b))\b[\s,]*)+",
    re.IGNORECASE,
)


_SCRIPT = re.compile(r"(?is)<(script|style)\b.*?(?:</\1\s*>|$)")
_TAG = re.compile(r"<[^<>]{0,200}>")
_BRACKETS = re.compile(r"\([^()]*\)")
# Quote marks, and apostrophes not inside a word ("the 'hawks'" but "Borrell's"):
# [“”"‘]|(?<!\w)['’]|['’](?!\w), written to start with one character class so
# that the regex engine can skip to the next quote-like character.
_QUOTES = re.compile(r"[“”\"‘'’](?:(?<=[“”\"‘])|(?<!\w['’])|(?!\w))")
_HAS_QUOTE = re.compile("[“”\"‘'’]").search
# A possessive set off from its noun by a blank ("apartheid South Africa 's last president"),
# whose apostrophe, after the blank, would read as an opening quote.
_DETACHED_S = re.compile(r"(?<=\w)\s+(['’]s)\b")


def _the_possessive(m: re.Match) -> str:
    return m.group(1)

# "\s\s*" rather than "\s+" (the same matches): opening with a single character class
# lets the regex engine skip to the next blank. Only at the first blank of a run
# ("(?<!\s\s)", the same matches again): tried from every blank, a long run of blanks
# before no mark would take time growing with the square of its length.
_SPACE_BEFORE_PUNCT = re.compile(r"\s(?<!\s\s)\s*([,.;:])")
# Whether it has anything to do: a mark right after a blank, found by looking at the
# marks only.
_HAS_SPACE_BEFORE_PUNCT = re.compile(r"[,.;:](?<=\s[,.;:])").search


def _the_punct(m: re.Match) -> str:
    # A function, not the template r"\1": no template to look up on every call.
    return m.group(1)


def _tidy(text: str) -> str:
    # Markup is never part of a label, and script or style content never is text.
    # Each step is skipped when the character it needs is absent (most clauses
    # have no markup or brackets): the result is the same, without the regex pass.
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "(" in text:
        text = _BRACKETS.sub(" ", text)
    if _HAS_QUOTE(text):
        if " 's" in text or " ’s" in text:
            text = _DETACHED_S.sub(_the_possessive, text)  # "South Africa 's last president"
        text = _QUOTES.sub("", text)
    if "*" in text or "__" in text:
        # Markdown's emphasis and list bullets ("* **December 5** – The president ..."): marks
        # of the page, not words of the label
        text = _MARKDOWN_MARKS.sub(" ", text)
    # Runs of space become one space; str.split splits at exactly what \s matches,
    # and spaces at either end go with the stripped punctuation anyway.
    text = " ".join(text.split()).strip(" ,;:.-–—•#>")
    if ",," in text:  # "Natalie Pearman, 16, in 1992, and ...": the date's commas meet
        text = _DOUBLE_COMMA.sub(",", text)
    return text


_DOUBLE_COMMA = re.compile(r",(?:\s*,)+")
_MARKDOWN_MARKS = re.compile(r"\*+|__+")


def _drop_signal(text: str, far_end: bool = False) -> str:
    """``text`` without the signal words that end it ("... agreed on "); with ``far_end``,
    those of a date standing on its own too ("... higher than ")."""
    if not text[-1:].isspace():
        return text  # the signal words are followed by a blank (\s is what isspace() says)
    m = (_ANY_SIGNAL_BEFORE if far_end else _SIGNAL_BEFORE).search(text, _signal_run_bound(text))
    if not m:
        return text
    start = m.start()
    if (text.startswith("on ", start) and m.end() - start > 3
            and (kept := _ON_OF_A_VERB.search(text, max(0, start - 12), start + 3))):
        # "has been going on since 2019": "on", before another signal, is the verb's
        start = kept.end()
    return text[:start] + text[m.end() :]


def _signal_run_bound(text: str) -> int:
    """An offset the run of signal words at the end of ``text`` cannot start before.

    The run holds nothing but signal words and space, so it starts after the
    last whitespace-separated chunk that is not a signal word begins: searching
    from there finds the same match as searching the whole text, without trying
    the pattern at every character.
    """
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        return 0  # "ſince" matches "since": let the regex see everything
    end = len(text.rstrip())
    while end:
        chunk = text[:end].rsplit(None, 1)[-1]  # the last run of non-space before ``end``
        start = end - len(chunk)
        if chunk.lower() not in _SIGNAL_WORDS:
            return start
        end = len(text[:start].rstrip())
    return 0


def _drop_possessive(text: str) -> str:
    """``text`` without the "'s" it starts with, as ``_POSSESSIVE_S.sub("", text)``."""
    return text[2:] if text[:1] in ("'", "’") and _POSSESSIVE_S.match(text) else text


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
    if text[pos : pos + 1] not in ("'", "’"):
        return None  # what _POSSESSIVE needs first; most dates have no "'s" (and no copy is made)
    rest = text[pos:]
    m = _POSSESSIVE.match(rest)
    if not m:
        return None
    rest = rest[m.end():]
    end = _NOUN_PHRASE_END.search(rest)
    phrase = rest[: end.start()] if end else rest
    phrase = _tidy(phrase)
    return phrase or None


# What may stand before a date that opens its clause, and the verb a date as subject takes.
_OPENING_MARKS = " \"“‘'"
_VERB_AFTER_SUBJECT = re.compile(
    r"\s+(?:also\s+|still\s+|again\s+)?(?:is|was|will|would|has|had|are|were|could|saw|sees|marks|marked|"
    r"brought|brings|became|becomes)\b")


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
    spans = sorted(date_spans)
    if spans and not clause[: spans[0][0]].strip(_OPENING_MARKS) and _VERB_AFTER_SUBJECT.match(clause, spans[0][1]):
        # "April 12 is a date we're all working toward", "Sunday will see the first round of
        # the polls": the date is the clause's subject, and stays in its label
        spans = spans[1:]
    opening = _time_opening(clause, spans)
    if opening is not None:
        # "During last week's trading, the index plunged": the phrase holding the date says
        # when; without its date only a stray word would be left ("Trading, the index ...").
        cut, participle = opening
        clause = clause[cut:]
        spans = [(s - cut, e - cut) for s, e in spans if s >= cut]
        if participle and not subject:
            # "Founded in 1985, the school has trained ...": what is dated is the founding
            lead = f"{lead}: {participle}" if lead else participle
    if len(spans) > _MAX_SPANS:
        # A clause with more dates than any news sentence has (a list run together, a
        # hostile text): the label is cut long before the later ones, so they and the
        # text after them are left out, and the work per label stays bounded.
        clause, spans = clause[: spans[_MAX_SPANS][0]], spans[:_MAX_SPANS]
    parts = []
    pos = 0
    for i, (s, e) in enumerate(spans):
        s, e = max(s, pos), max(e, pos)
        before = clause[pos:s]
        if clause.startswith(", ", s - 2) and clause.startswith(",", e) and len(before) > 2:
            # "a deadline of Thanksgiving, Nov. 27, for Kyiv": a date set off by two commas
            # goes with both ("a deadline of Thanksgiving for Kyiv")
            before, e = before[:-2] + " ", e + 1
        if i:
            before = _drop_possessive(before)
            if "local" in before[:8]:
                before = _LOCAL_TIME.sub("", before)
            if _JOINER.match(before):  # "in April and May": nothing left between the dates
                before = ""
        if clause[e:e + 1] in ("'", "’") and _POSSESSIVE_AT.match(clause, e):
            # "approved the budget at Sunday's session", "criticised the police after Saturday's
            # violence": the date stands for "the"; its preposition stays with the noun
            if not _DETERMINER_NEXT.match(clause, e):  # (not "the The Post")
                parts.append(f"{before}the")
                pos = e
                continue
        before = _drop_signal(before, bool(_STANDS_ALONE.match(clause, e)))
        if before[-5:] == "over " and _OVER_A_SPAN.match(clause, s) and (over := _OVER_END.search(before)):
            # "met Hamas leaders in Doha over the weekend": "over" a span is a signal; before
            # a name ("take over in February") it is a verb's
            before = _drop_signal(before[: over.start() + 1])
        if ("into" in before[-6:] and i == len(spans) - 1 and not clause[e:].strip(" .,;:")
                and (into := _INTO_END.search(before))):
            # "overnight into Tuesday" at the end; within the clause "into" is no signal
            # ("turned the vacations into winter breaks")
            before = _drop_signal(before[: into.start()] + " ")
        parts.append(before)
        pos = e
        if clause[e + 1:e + 2] in ("o", "O") and (onwards := _ONWARDS.match(clause, e)):
            pos = onwards.end()
    tail = clause[pos:]
    if date_spans and "local" in tail[:8]:
        tail = _LOCAL_TIME.sub("", tail)  # "Polls close at 7 p.m. local time."
    parts.append(_drop_possessive(tail) if date_spans else tail)
    text = " ".join([p for p in map(str.strip, parts) if p])
    if " period" in clause and any(_PERIOD_AFTER.match(clause, e) for _, e in spans):
        # "invest 15 billion yuan in the 2026-2030 period to build": the period is the date's
        text = _THE_PERIOD.sub("", text, count=1)
    if _HAS_SPACE_BEFORE_PUNCT(text):
        text = _SPACE_BEFORE_PUNCT.sub(_the_punct, text)
    text = _tidy(text)
    text = _LEADING.sub("", text)
    if subject:
        text = f"{subject} {text}"
    text = text[:1].upper() + text[1:]
    if lead:
        text = f"{lead}: {text}"
    return _cut(text)


# The first word of a phrase of time that opens a clause ("In March alone,", "During last week's
# trading,"), an adverb ("So far this year,", "Later that day,"), or a past participle
# ("Founded in 1985,"). Capitalized: a clause opening mid-sentence ("before dissolving the
# council in April, ...") is itself the event.
_TIME_OPENER = re.compile(
    r"(?:In|On|At|During|After|Before|For|By|From|Since|Until|Till|Between|Through|Throughout|Within|"
    r"Over|Around|" + "|".join(w.capitalize() for w in SPEAKING_PARTICIPLES) + r")\b|"
    r"(?P<adverb>Later|Earlier|Effective|So|Separately|Meanwhile|Also|Then|Back|Just|Only|"
    r"Even|Already|Still|As|[A-Z][a-z]+ly)\b|(?P<participle>Born|Built|Begun|[A-Z][a-z]{2,}ed)\b")
# At most this many words of the phrase are not its dates ("On Tuesday in the northern
# city of Mosul,").
_OPENING_WORDS = 8
# What makes the phrase a clause of its own, which is then what is dated ("Since the earthquake
# struck on Oct. 8, ...", "Within a month it is finalized, he told reporters").
_OWN_VERB = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|"
                       r"should|did|does|began|struck|came|went|took|made|held|met|fell|rose|hit|broke)\b")
# What the rest must not open with: a preposition, relative word or conjunction goes on with
# the phrase ("By Argentina, by Iran and ...", "During the violence, in which police ...").
_GOES_ON_AFTER = re.compile(r"(?:in|on|at(?!\s+(?:least|most)\b)|by|for|from|to|with|of|which|who|whom|whose|that|where|"
                            r"and|or|but)\b")


def _time_opening(clause: str, spans: list[tuple[int, int]]) -> tuple[int, str] | None:
    """(where the clause goes on, the participle or "") when ``clause`` opens with a phrase of
    time holding a date and set off by a comma, with at least three words after it."""
    if not spans or spans[0][0] > 100:
        return None
    # (after the quote mark that opens a quotation: '"On Saturday and Sunday alone, we sold ...')
    m = _TIME_OPENER.match(clause, len(clause) - len(clause.lstrip("\"“‘'")))
    if m is None:
        return None
    comma = clause.find(", ", m.end())
    # (not a comma of a date, "November 2, 2024", nor one in brackets)
    while comma >= 0 and (any(s <= comma < e for s, e in spans)
                          or clause.count("(", 0, comma) > clause.count(")", 0, comma)):
        comma = clause.find(", ", comma + 1)
    if comma < 0 or spans[0][1] > comma:
        return None
    last_date_end = max(e for s, e in spans if e <= comma)
    if not PHRASE_GOES_ON.match(clause, last_date_end, comma):
        return None  # "In 1995 the opposition parties controlled the council, ...": a clause
    kept = " ".join(clause[a:b] for a, b in _between(spans, comma))
    rest = clause[comma + 2:]
    if (len(kept.split()) > _OPENING_WORDS or len(rest.split()) < 3 or _GOES_ON_AFTER.match(rest)
            or _OWN_VERB.search(kept)):
        return None
    if m.group("adverb") and any(w[:1].isupper() for w in kept.split()[1:]):
        return None  # "Earlier this week Ian Martin, the UN envoy, said": the name is the subject's
    participle = m.group("participle") or ""
    if participle.lower() in _NOT_PARTICIPLES:
        return None
    return comma + 2, participle


# Words in "-ed" that open a clause without being a participle of its subject.
_NOT_PARTICIPLES = frozenset(("indeed", "united", "compared", "based", "asked", "speed"))


def _between(spans: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """The stretches of ``[0, end)`` outside ``spans``."""
    out, pos = [], 0
    for s, e in spans:
        if s >= end:
            break
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out


# A label that is only the telling ("Security sources said", "The Financial Times reported",
# "It was announced here"): the news is what comes before it in the sentence.
_TELLING_ONLY = re.compile(
    r"(?i)^(?:it\s+(?:was|has\s+been)\s+(?:announced|reported|learned|learnt)|"
    r"(?P<source>[^,;:]{2,70}?)\s+(?:said|says|reported|reports|told\s+reporters|announced|"
    r"revealed|added|stated|quoted\s+[^,;:]{1,40}?\s+as\s+saying)|according\s+to\s+(?P<by>[^,;:]{2,70}?)|"
    # the teller after the verb: "..., said a spokesman for the provincial government on Friday"
    r"(?:said|says|added|reported)\s+(?P<after>[^,;:]{2,70}?))"
    r"(?:\s+(?:here|there|today|tonight|on\s+its\s+website|in\s+a\s+statement|in\s+a\s+report))?$")
# Words no teller's name holds: "The first case was announced" is a passive, "... euros it
# reported" a clause, not who told.
_NOT_IN_SOURCE = frozenset(
    "was were is are be been being has have had will would could can may might should must it he she "
    "they we i to".split())


def _is_source(source: str) -> bool:
    words = source.lower().split()
    return len(words) <= 8 and not _NOT_IN_SOURCE.intersection(words)


# A teller named after the verb: a name or title, or a noun phrase ("said a spokesman").
_NAMED_TELLER = re.compile(r"(?:[A-Z]|(?:a|an|the|its|their)\s)")
_RELEASED = re.compile(r"\s+(?:released|published|issued|held|received|announced|distributed)$")
_NEWS_END = re.compile(r"[\s,;:\-–—\"“”']+$")


def told_title(title: str, news: str, date_spans: list[tuple[int, int]]) -> str:
    """``title`` when it says more than who told; else the news told, led by who told it:
    "At least 26 Israeli soldiers have been killed ..., security sources said Friday" is
    labelled "Security sources: At least 26 Israeli soldiers have been killed in south
    Lebanon ..." rather than "Security sources said". ``news`` is the sentence up to the
    telling; ``date_spans`` are its dates (offsets into it)."""
    told = _TELLING_ONLY.match(title)
    if not told:
        return title
    source = told.group("source") or told.group("by") or told.group("after")  # ("according to the latest poll released")
    if source and not _is_source(source):
        return title
    if told.group("after") and not _NAMED_TELLER.match(source):
        return title  # "reported sales of 13.9 billion dollars": a verb and its object, no teller
    news = _NEWS_END.sub("", news)
    label = make_title(news, [(a, b) for a, b in date_spans if b <= len(news)])
    if len(label.split()) < 3:
        return title  # (too little news before the telling to label it)
    source = _RELEASED.sub("", (source or "").strip())  # "a survey released (on Wednesday)": the survey
    return f"{source[:1].upper() + source[1:]}: {label}" if source else label

