"""The clause a date belongs to, inside its sentence.

A sentence often carries more than one fact ("Japan, which has depended on the
US for decades, is also developing a jet ... by 2035"). The status, title and
category of an event come from the clause around its date, found by cutting
the sentence at commas, semicolons and dashes (never inside the date itself,
whose "November 2, 2024" has a comma of its own), then:

- a clause that is only the date and its preposition ("On Friday (November 2,
  2024)") takes the clause after it;
- a relative clause ("who was hosted by ... in April") takes the name it
  refers to as its subject;
- a predicate without subject ("is also developing ...") takes the sentence's
  opening subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

from ..temporal.rules import required_strings
from ..temporal.tagger import trie_pattern
from .anchors import event_nouns
from .matching import CaselessRule, fold
from .words import SENTENCE_ADVERBS, SPEAKING_PARTICIPLES

# Clause separators, in this order of preference at a place:
#   [,;:]\s+  |  \s+[–—-]+\s+  |  \s*[–—]\s*(?=[A-Z])  |  \s+and\s+(?=will|would|...)
# Also "... on Thursday and will travel ...": a second verb phrase is a second fact.
# Written to start with one character class, the first character of every
# separator, then the rest of each separator told apart by that character: the
# regex engine then skips to candidate characters instead of trying every place
# (same matches, a third of the time).
_PUNCT_SEP = r"(?<=[,;:])\s+"
_DASH_SEPS = (
    r"(?<=\s)\s*[–—-]+\s+",
    r"(?<=\s)\s*[–—]\s*(?=[A-Z\ue000])",
    r"(?<=[–—])\s*(?=[A-Z\ue000])",
)
_AND_SEP = (r"(?<=\s)\s*and\s+(?=(?:will|would|is\s+to|are\s+to|plans\s+to|then|later|"
            r"(?:is|are)\s+(?:expected|set|due|scheduled)\s+to)\b)")


def _separator_regex(dashes: bool, conjunction: bool) -> re.Pattern:
    """The separators, without the dash or the "and" ones when told so."""
    alternatives = [_PUNCT_SEP]
    if dashes:
        alternatives.extend(_DASH_SEPS)
    if conjunction:
        alternatives.append(_AND_SEP)
    first = ",;:" + ("\\s–—" if dashes else "\\s" if conjunction else "")
    return re.compile(rf"[{first}](?:" + "|".join(alternatives) + ")")


_SEP = _separator_regex(True, True)
# Most sentences have no dash after a blank and no "and will": without those
# alternatives, the regex looks only at ",;:" instead of at every blank. Leaving
# out alternatives that match nowhere in a text gives the same matches there.
_SEPS = {(d, c): _separator_regex(d, c) for d in (False, True) for c in (False, True)}
# Each dash separator holds an en or em dash, or a blank then a dash.
_BLANK_DASH = re.compile(r"\s[–—-]")
# The "and" separator's own words, between two pieces.
_AND_BETWEEN = re.compile(r"\s*and\s+")
# The "and" separator without the blanks in front: found wherever it is.
_AND_CUE = re.compile(_AND_SEP.removeprefix(r"(?<=\s)\s*"))


def _separators(masked: str) -> Iterator[re.Match]:
    """What ``_SEP.finditer(masked)`` yields."""
    dashes = "–" in masked or "—" in masked or ("-" in masked and bool(_BLANK_DASH.search(masked)))
    conjunction = "and" in masked and bool(_AND_CUE.search(masked))
    return _SEPS[dashes, conjunction].finditer(masked)


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# Words that carry no content of their own in a clause around a date.
_FUNCTION_WORDS = frozenset(
    """a an the on in at by after before since until till during from to of for and or
    this that last next early late mid end beginning start middle around about
    possibly probably perhaps maybe""".split()
    # ("possibly as early as Thursday": a hedge on the date, the fact is in the clause before)
)
_RELATIVE = re.compile(r"^(?:who|which|that|where|whose)\b\s*", re.IGNORECASE)
# A piece that says more about the one before or adds another thing: a relative clause, or
# one opened by a coordinating conjunction.
_ADDS_TO_WHAT_WAS_SAID = re.compile(r"^(?:who|which|that|where|whose|and|but|or)\b", re.IGNORECASE)
# ... or is the telling of it: '"We want a vote before Christmas," said a diplomat'.
_TELLING_OPENS = re.compile(r"^[\s\"”’]*(?:said|says|told|added|according\s+to)\b", re.IGNORECASE)
# Verbs of telling that open a predicate ("..., said on Tuesday he ..."): its subject is the
# sentence's opening name (see clause_of).
_TELLING = ("said", "says", "told", "announced", "warned", "insisted", "stressed", "noted")
# A verb in the past opening a piece after an apposition: "The ship, loaded with ..., arrived".
_PAST_VERB = (r"(?:[a-z]{3,}ed|began|came|went|met|held|took|made|left|fled|won|lost|fell|rose|"
              r"struck|sank|flew|hit|led|gave|sent|saw|shot|ran|spoke|wrote|sought|fought|brought|kept|paid|sold)")
_PAST_VERB_START = re.compile(rf"{_PAST_VERB}\b")
# A pronoun and its verb in the past: the piece is a clause, no subject ("He arrived in
# Kabul, met officials and left on Monday"). (After a noun, the verb may be a participle:
# "Three men released from Guantanamo Bay, have arrived".)
_VERB_AND_OBJECT = re.compile(rf"(?:He|She|It|They|We|I)\s+(?:[a-z]+ly\s+)?{_PAST_VERB}\s+"
                              r"(?:in|on|at|to|from|into|with|the|a|an|his|her|its|their)\s")
_PREDICATE_START = re.compile(
    r"^(?:also\s+)?(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should|"
    rf"did|does|do|({'|'.join(_TELLING)})|{_PAST_VERB})\b"
)
# An opening segment that is no subject: a phrase of place, time or manner ("In a rare
# interview", "During the retreat", "Commenting on the research").
_NOT_A_SUBJECT = re.compile(
    r"(?:In|On|At(?!\s+(?:least|most)\b)|During|After|Before|For|With|By|From|Under|Despite|According|Since|Until|As|"
    r"When|While|If|Although|Though|Together|Along|Alongside|Among|Amid|Unlike|Like|Through|"
    r"Throughout|Against|Without|Within|Across|Ahead|Apart|Besides|Including)\b|\w+ing\b")
# The end of a list of names opening a piece: "France and Germany", "the US and Japan".
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_LIST_TAIL = re.compile(rf"\s*{_NAME}\s+(?:and|or)\s+{_NAME}\b")
_BARE_NAME = re.compile(rf"\s*{_NAME},?\s*$")
# A piece whose last words are a list's first item after the word that governs the list:
# a name after any lower-case word ("Officials from Britain, France and Germany met", "Leeds
# boss Dennis Wise selected Graham Stack, Matt Heath ... and Geoff Horsfield"), a lower-case
# word after a preposition ("focused on security, trade and energy", "the convention on
# economic, social and cultural rights").
_LIST_HEAD = re.compile(
    rf"(?:\b[a-z][a-z'’-]*\s+{_NAME}"
    r"|\b(?:of|from|in|on|with|between|among|including|for|to|by|about|over|against)\s+"
    r"(?!(?:the|a|an|his|her|its|their|this|that)\b)[a-z][a-z-]+),?\s*$")
# A piece that is itself an aside holding a list, whose head is further back ("other
# delegations, including the DPRK, Russia, Japan and the United States arrived").
_LIST_ASIDE = re.compile(r"\s*(?:including|such\s+as|like|notably|especially|mainly|mostly|among\s+them)\b")
# The rest of a list of lower-case words after a comma: "trade and energy", "social and
# cultural rights" (not "he and his wife", nor "prices rose and ...").
_LOWER_LIST_TAIL = re.compile(
    r"\s*(?!(?:he|she|it|we|they|you|i|this|that|these|those|there|then|but|so)\s)[a-z][a-z-]+\s+(?:and|or)\s+"
    r"(?!(?:he|she|it|we|they|you|i|the|a|an|his|her|its|their|this|that|then|there)\b)[a-z][a-z-]+\b")


def _is_bare_name(piece: str) -> bool:
    """Whether ``piece`` is only a name (one to three capitalized words), as a list's first
    items are: "Britain", "South Korea"; not "In Paris" or "Meanwhile"."""
    if not _BARE_NAME.match(piece):
        return False
    words = piece.replace(",", " ").split()
    return (not _NOT_A_SUBJECT.match(piece.lstrip()) and words[0].lower() not in SENTENCE_ADVERBS
            and not words[-1].endswith("ly")
            and not _DATELINE_WORDS.search(piece))  # "JAKARTA, ...": a dateline


# A piece that goes on with the clause before an apposition: a lower-case word that opens
# no relative clause ("three times near ...", "in Paris on Tuesday", "and Italy").
_GOES_ON = re.compile(r"\s*(?!(?:who|which|that|where|whose|said|says|told)\b)[a-z]")
# A name set off by commas: "the BRP Teresa Magbanua", "Emmanuel Macron", "Kyiv".
_NAME_APPOSITION = re.compile(r"\s*(?:(?:the|a|an)\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|de|al|bin))"
                              r"{0,5}\s*$")
# A piece opening with a place's country or state, then a preposition: "Iraq by the end of".
_PLACE_TAIL = re.compile(r"\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+(?:by|on|in|at|for|from|to|after|before|until|since|during)\b")
# A piece ending with a place named after a preposition: "... troops in Diwaniya".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|outside|inside)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*$")
# A past participle opening a piece ("held on Friday", "signed in 1994", "founded in 1990", "to be
# held at the centre on Monday").
# Any participle with the phrase of its agent or time: "proposed by the Commission in October",
# "passed in March".
_PARTICIPLE_WITH_PHRASE = r"[a-z]{3,}ed(?=\s+(?:by|in|on|at|during|last|this|earlier|late|early)\b)"
_PARTICIPLE_START = re.compile(
    r"(?:to\s+be\s+)?(?:(?:originally|initially|first|formally|officially|jointly)\s+)?(?:held|signed|launched|founded|set up|built|made|taken|given|won|led|elected|chosen|"
    r"scheduled|planned|slated|set(?=\s+for\b)|postponed|delayed|rescheduled|announced|adopted|approved|opened|completed|agreed|reached|brokered|"
    rf"concluded|created|formed|established|passed|introduced|unveiled|struck|sealed|{_PARTICIPLE_WITH_PHRASE})\b")


# An opening that names nothing a title could show: "There", "It", "He", "This".
_PRONOUN_OPENING = re.compile(r"(?:There|It|He|She|They|We|I|This|That|These|Those)\b")


def _participle_of_subject(sentence_text: str, segments, seg_s: int, seg_e: int) -> bool:
    """Whether the piece at ``[seg_s, seg_e)``, the sentence's second, opens with a past
    participle that tells of the opening piece, a subject ("The accord, signed in 1994, ...")."""
    return bool(_PARTICIPLE_START.match(sentence_text[seg_s:seg_e].lstrip())) and _is_subject(
        sentence_text[segments[0][0]:segments[0][1]].strip())


def _verb_of_subject(sentence_text: str, segments, index: int, seg_s: int, seg_e: int) -> bool:
    """Whether the piece at ``[seg_s, seg_e)``, after an apposition, opens with a verb whose
    subject is the opening piece ("The ship, loaded with toys, arrived Saturday", "The talks,
    which began on Monday, are expected to last until Friday", "The law, passed in March,
    takes effect on January 1")."""
    piece = sentence_text[seg_s:seg_e].lstrip()
    return bool(_PREDICATE_START.match(piece) or _present_verb_after_aside(sentence_text, segments, index, piece)) and (
        _is_subject(sentence_text[segments[0][0]:segments[0][1]].strip()))


# A participle that tells what came of an event: "..., killing 10 miners".
_RESULT_AFTER = re.compile(r"\s*(?:killing|injuring|wounding|leaving|forcing|prompting|sparking|causing|"
                           r"bringing|raising|ending|triggering|destroying|displacing)\s")
# A verb in the present opening a piece ("takes effect", "expires"), and the asides it may
# follow: a relative clause or a participle with its phrase ("which began on Monday", "passed
# in March", "originally scheduled for Tuesday").
_PRESENT_VERB = re.compile(r"(?:also\s+)?[a-z]{2,}[^s\W]s\b")
_RELATIVE_OR_PARTICIPLE = re.compile(rf"\s*(?:(?:who|which)\s|(?:[a-z]+ly\s+)?{_PARTICIPLE_WITH_PHRASE})")


def _present_verb_after_aside(sentence_text: str, segments, index: int, piece: str) -> bool:
    """Whether ``piece``, the sentence's third (``index``), opens with a verb in the present
    after an aside that says more of the opening noun phrase ("The law, passed in March,
    takes ...")."""
    return (index == 2 and bool(_PRESENT_VERB.match(piece))
            and bool(_RELATIVE_OR_PARTICIPLE.match(sentence_text, segments[1][0], segments[1][1])))


def _is_subject(piece: str, most: int = 6) -> bool:
    """Whether the sentence's opening piece may be a subject: a short capitalized phrase, not
    one of place, time or manner."""
    return (0 < len(piece.split()) <= most and piece[:1].isupper() and not _NOT_A_SUBJECT.match(piece)
            and not _DATELINE_WORDS.search(piece))


# A dateline's place ("PRAYAGRAJ", "LONDON (Reuters)"): no subject.
_DATELINE_WORDS = re.compile(r"\b[A-Z]{5,}\b|\((?:Reuters|AP|AFP|PTI|IANS|ANI|Xinhua|dpa|UPI)\)")


_ACCORDING_TO = re.compile(r"(?i)^according to\b")
# What was said, from its "that" on: "X said on Saturday that ...". No comma between
# (a comma ends the piece anyway).
_TOLD_THAT = re.compile(
    r"(?i)\b(?:said|says|told\s+[\w'’]+|announced|added|stated|warned|reported|confirmed)\b"
    r"[^,;.]{0,40}?\bthat\s+")


def _last_told_that(masked: str, start: int, end: int) -> re.Match | None:
    """The last match of ``_TOLD_THAT`` in ``masked[start:end]``, if any."""
    # Each match ends with "that" in some case. It has no "i", "k" or "s" (letters that
    # some non-ASCII letters match case-insensitively: "ı", "K", "ſ"), so lowering finds
    # it wherever the regex could; most clauses have none, and skip the regex scan.
    if "that" not in masked[start:end].lower():
        return None
    return max(_TOLD_THAT.finditer(masked, start, end), key=lambda m: m.start(), default=None)


# ... or a place told by where it lies: "south of the capital", "90 km northwest of Nairobi".
_APPOSITION = re.compile(
    r"\s*(?:the|a|an|(?:(?:some|about)\s+)?(?:\d[\d,.]*\s+(?:km|kms|kilometres|kilometers|miles)\s+(?:\([^()]*\)\s+)?)?"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|"
    r"south-west|outside|near)(?:\s+of)?)\s", re.IGNORECASE)
_SUBORDINATE = re.compile(
    r"\s*(?:after|before|when|while|as|because|although|though|since|despite|with|including|"
    r"amid|following)\s", re.IGNORECASE)
# A piece that is a telling participle set off after its subject ("Biden, speaking from the
# Rose Garden on Tuesday, said ..."), and the telling's verb that opens the piece after it.
_TELLING_ASIDE = re.compile(rf"\s*(?:{'|'.join(SPEAKING_PARTICIPLES)})\b", re.IGNORECASE)
_TELLING_NEXT = re.compile(r"\s*(?:said|says|told|added|warned|stressed|noted|insisted|announced)\b")
# A participle giving the name of what the piece before spoke of: "the documentary, entitled ...".
_NAMING = re.compile(r"\s*(?:entitled|titled|subtitled|dubbed|code-?named)\s", re.IGNORECASE)
_FINITE = re.compile(r"(?i)\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should)\b")
# A piece that ends with a name, which a date set off right after it may date ("Thanksgiving, Nov. 27,").
_NAMED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s*$")
# ... and the date so set off: a day and its month ("Nov. 27", "27 November").
_DAY_AND_MONTH = re.compile(r"(?:[A-Z][a-z]{2,8}\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8})")
_PREPOSITION_START = re.compile(r"\s*(?:for|to|in|at|with|against|by|from)\s")


# What was told holding only the date and its period: "in the 2006-2010 period" (date blanked).
_THE_PERIOD_ONLY = re.compile(r"[^\w]*(?:(?:in|during|over|for)\s+)?the[^\w]+period\s*", re.IGNORECASE)
_ING_START = re.compile(r"\s*[a-z]+ing\s")
_REGION_PIECE = re.compile(r"\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*")
_PLACE_END = re.compile(r"\b(?:of|in|at|near|from|to)\s+(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*\s*$")


def _dependent(masked: str, start: int, end: int) -> bool:
    """Whether a piece of the sentence only adds to the one before it: an apposition
    without a verb of its own ("the largest such attack of the war") or a clause opened
    by a subordinator ("after 97 percent of votes were counted")."""
    if _SUBORDINATE.match(masked, start, end) or _NAMING.match(masked, start, end):
        return True
    return bool(_APPOSITION.match(masked, start, end)) and not _FINITE.search(masked, start, end)
# Case-insensitive. The words after "said" ("on", "late") are one atomic run, "(?>...)",
# so the blanks of a masked date are not split between repetitions in every possible
# way before a failure is admitted (up to seconds on a long run). It matches where the
# plain "(?:\s+(?:on|in|at|late|early)?\s*)*" does: the next repetition's \s+ takes
# the blanks its \s* took, what may follow the run holds no letters, and no word
# starts like another, so the greedy run is the one any match would use.
_ATTRIBUTION = CaselessRule(
    r"\b(?:said|says|told (?:reporters|journalists|\w+)|reported|added|stated|quoted)\b\W*$"
    r"|^\W*(?:\w+(?:['’]s)?\s+){0,6}?(?:said|says|reported|added)\b(?>(?:\s+(?:on|in|at|late|early)?)*)"
    r"[\s.!?\"”’]*$"
)
# Lower-case strings of which every match holds one (on text lowered by ``fold``).
_ATTRIBUTION_NEEDS = required_strings(_ATTRIBUTION.ignorecase.pattern, 8, 0)
# Dates are blanked with a private-use character, which no article text holds, so a
# real capital letter ("Defense", "(D-Calif.)") is never taken for a blanked date.
_MASK = "\ue000"
_ONLY_DATE_BRACKETS = re.compile(r"\([\ue000\s,]*\)")
_NAME_TAIL = re.compile(r"((?:[A-Z][\w'’-]+\s+(?:of\s+)?){0,5}[A-Z][\w'’-]+)\s*$")
# ... or the noun phrase that ends the clause before ("weaknesses in the banking system, which
# has been rocked", "Naidu's party, which"): from its last determiner or possessive, up to four
# words ("The other is the ringgit, which": the ringgit). ("that" is as often a conjunction.)
_NOUN_PHRASE_TAIL = re.compile(
    r"(?s:.*)(?<![\w'’-])((?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|"
    r"[A-Z][\w-]*['’]s)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+)\s*$")
# A person's age set off by commas after the name: "Muhammad, 51, who ...".
_AGE = re.compile(r"\s*\d{1,3}\s*")
# Relative words that stand for a thing: the noun phrase before may be taken for it wherever it
# is; for a person ("who") only when it opens the sentence ("The former official, who ...").
_OF_A_THING = re.compile(r"(?i)(?:which|that)\b")
_OF_A_PERSON = re.compile(r"(?i)who\b")  # ("where" says more than who or what)
_WHOSE = re.compile(r"(?i)whose\b")
_OF_END = re.compile(r"\sof\s+$")
# Heads of a noun phrase that name an event or a part of one ("the last eruption of", "a first
# phase of"), besides the event nouns.
_EVENT_HEADS = frozenset(("eruption", "phase", "round", "stage", "leg", "opening", "collapse", "outbreak",
                          "start", "beginning", "launch", "signing", "session", "sitting"))


def _event_of_a_thing(before: str, m: re.Match, lo: int) -> str | None:
    """ "the last eruption of the volcano" for the noun phrase "the volcano" (``m``) where the
    noun phrase before "of" ends with an event's noun and the one after names no event."""
    of = _OF_END.search(before, 0, m.start(1))
    if of is None or m.group(1).split()[-1].lower() in event_nouns():
        return None
    outer = _NOUN_PHRASE_TAIL.match(before[: of.start()], lo)
    if outer is None:
        return None
    head = outer.group(1).split()[-1].lower()
    if head not in _EVENT_HEADS and head not in event_nouns():
        return None
    return before[outer.start(1) : m.end(1)]
_NOT_AN_OWNER = re.compile(r"\w+ing\s|\w+ly$")
_OPENING_PREPOSITION = re.compile(r"^(?:In|At|On|For|From|By|With|To|Of|Near)\s+(?=[A-Z])")
# A place the noun phrase before is in ("the UN mission in the region, whose"), not a part or a
# companion of it ("the death of the former general, whose coup", "with Milan's city hall, whose").
_PREPOSITION_END = re.compile(r"\s(?:in|at|near|across|inside|outside)\s+$")


class Clause(NamedTuple):
    """The clause a date belongs to. (A named tuple, made for every date: quicker than a frozen
    dataclass.)"""

    start: int       # offsets into the document text
    end: int
    text: str        # the clause as written (date text left in place)
    subject: str     # a subject borrowed from elsewhere in the sentence, or ""
    # An apposition inside the clause that a label leaves out ("Lyubomir Ivanov, Bulgaria's
    # chief negotiator, said ..."): offsets into ``text``, or None.
    aside: tuple[int, int] | None = None

    @property
    def full(self) -> str:
        return f"{self.subject} {self.text}".strip() if self.subject else self.text


def _mask(text: str, spans) -> str:
    """``text`` with the given spans (and brackets around only-date content) blanked out."""
    for s, e in spans:
        s, e = max(s, 0), min(e, len(text))
        if s < e:
            text = text[:s] + _MASK * (e - s) + text[e:]
    if "(" not in text:
        return text  # no brackets to blank (the common case): no regex pass
    return _ONLY_DATE_BRACKETS.sub(lambda m: _MASK * len(m.group(0)), text)


def _has_content_words(text: str, n: int, start: int = 0, end: int | None = None) -> bool:
    """True if ``text[start:end]`` has at least ``n`` words that are not function words.

    One regex match (``_content_words``) instead of a loop over the words in Python;
    it stops at the ``n``-th, as a clause is mostly long enough after a few words.
    """
    return _content_words(n).match(text, start, len(text) if end is None else end) is not None


# A word of ``_WORD`` (all of it: nothing of ``_WORD`` follows) whose lower case is a
# function word. Compared in ASCII letters only: a word that is not ASCII never lowers
# to a function word, since the one non-ASCII letter lowering to an ASCII one is the
# Kelvin sign ("k", in no function word; tests/test_events_clauses.py checks both).
_FUNCTION_WORD = rf"(?ai:{trie_pattern(sorted(_FUNCTION_WORDS))})(?![\w'’-])"


@cache
def _content_words(n: int) -> re.Pattern:
    """A regex matching at the start of a text with ``n`` words of ``_WORD`` that are
    no function words. It reads the words as ``_WORD.finditer`` finds them: from one
    to the next ASCII letter (``[^A-Za-z]*+``), then the word; function words are
    passed over. Its quantifiers are possessive: nothing is given back, so a text
    with fewer words fails in one pass."""
    word = "[A-Za-z][\\w'’-]*+"
    return re.compile(rf"(?:[^A-Za-z]*+(?:{_FUNCTION_WORD}[^A-Za-z]*+)*+{word}){{{n}}}")


def _is_attribution(body: str) -> bool:
    """``_ATTRIBUTION.search(body, fold(body))``, skipping the regex when ``body`` has none
    of the words each match holds ("said", "told ", ...)."""
    low = fold(body)
    if low is not None and not any(map(low.__contains__, _ATTRIBUTION_NEEDS)):
        return False
    return _ATTRIBUTION.search(body, low) is not None


def _has_date(segment: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(segment[0] <= s and e <= segment[1] for s, e in spans)


# A short run of words in quotes, such as a title: no clause breaks inside it.
_SHORT_QUOTE = re.compile(r'"(?:[^"\s]+\s+){0,7}[^"\s]+"|“(?:[^“”\s]+\s+){0,7}[^“”\s]+”')


@lru_cache(maxsize=16)
def _pieces(
    sentence_text: str, rel: tuple[tuple[int, int], ...]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The sentence with its dates (at ``rel``) blanked out, and the (start, end) of each
    piece between separators. Kept: they are the same for every date of the sentence,
    and the dates of a sentence are asked about one after the other."""
    masked = _mask(sentence_text, rel)
    cuts = [0]
    titles = [m.span() for m in _SHORT_QUOTE.finditer(masked)] if '"' in masked or "“" in masked else ()
    for m in _separators(masked):
        if titles and any(a < m.start() < b for a, b in titles):
            continue  # a title in quotes is one name: 'entitled "Kyushu -- Following Sun Yat-sen's Path"'
        cuts.extend(m.span())
    cuts.append(len(sentence_text))
    # The cuts come in pairs: a piece's start and end.
    return masked, tuple(zip(cuts[::2], cuts[1::2], strict=True))


def _across_commas(sentence_text: str, segments, index: int, seg_s: int, seg_e: int,
                   body: str) -> tuple[int, int]:
    """(index, start) of the clause's first piece, taking in the pieces before a comma that
    belong to it: the first names of a list, a name set off by commas, a place's country."""
    if index == 0 or sentence_text[segments[index - 1][1]] != ",":
        return index, seg_s  # (each rule below joins across a comma)
    if _LIST_TAIL.match(sentence_text, seg_s) or _LOWER_LIST_TAIL.match(sentence_text, seg_s):
        return _across_list(sentence_text, segments, index, seg_s)
    elif (index >= 2 and seg_s == segments[index][0] and _GOES_ON.match(sentence_text, seg_s)
          and sentence_text[segments[index - 1][1]] == "," and sentence_text[segments[index - 2][1]] == ","
          and _NAME_APPOSITION.match(sentence_text, segments[index - 1][0], segments[index - 1][1])
          and not _is_attribution(body)):
        # "rammed its ship, the BRP Teresa Magbanua, three times ... on Saturday", "met his
        # counterpart, Emmanuel Macron, in Paris on Tuesday": a name set off by commas only
        # names what comes before; the clause goes on across it.
        index -= 2
        seg_s = segments[index][0]
    elif (index >= 1 and seg_s == segments[index][0] and sentence_text[segments[index - 1][1]] == ","
          and _PLACE_TAIL.match(sentence_text, seg_s, seg_e)
          and _PLACE_BEFORE.search(sentence_text, segments[index - 1][0], segments[index - 1][1])):
        # "withdraw the troops in Diwaniya, Iraq by the end of the year": a place's country
        # or state after the comma goes on with the clause before
        index -= 1
        seg_s = segments[index][0]
    elif (index >= 1 and seg_s == segments[index][0] and seg_e > segments[index][1]
          and sentence_text[segments[index - 1][1]] == ","
          and _NAME_APPOSITION.match(sentence_text, seg_s, segments[index][1])
          and not _is_bare_name(sentence_text[segments[index - 1][0]:segments[index - 1][1]])):
        # "met his counterpart, Emmanuel Macron, in Paris on Tuesday", where the date's own
        # piece was too short to stand alone and took in the name before it
        index -= 1
        seg_s = segments[index][0]
    return index, seg_s


def _across_list(sentence_text: str, segments, index: int, seg_s: int) -> tuple[int, int]:
    """(index, start) of the clause's first piece, taking in the first items of a list the
    piece at ``index`` ends, and the preposition governing it."""
    if index == 0 or sentence_text[segments[index - 1][1]] != ",":
        return index, seg_s
    if _LIST_TAIL.match(sentence_text, seg_s):
        # "Britain, France and Germany triggered ...": the names before the comma open the
        # same list, so they belong to the clause (and to its title).
        while (index > 0 and sentence_text[segments[index - 1][1]] == ","
               and _is_bare_name(sentence_text[segments[index - 1][0]:segments[index - 1][1]])):
            index -= 1
            seg_s = segments[index][0]
    elif not _LOWER_LIST_TAIL.match(sentence_text, seg_s):
        return index, seg_s
    if index > 0 and _list_head_before(sentence_text, segments, index):
        index -= 1
        seg_s = segments[index][0]
    return index, seg_s


def _list_head_before(sentence_text: str, segments, index: int) -> bool:
    """Whether the piece before ``index`` (cut off by a comma) ends with the first item of the
    list that piece ``index`` goes on with, after the preposition governing the list. Not a
    phrase opening the sentence ("In Paris, France and Germany agreed"), which is no subject."""
    ps, pe = segments[index - 1]
    if sentence_text[pe] != ",":
        return False
    if index - 1 == 0 and _NOT_A_SUBJECT.match(sentence_text[ps:pe].lstrip()):
        return False
    if _LIST_ASIDE.match(sentence_text, ps, pe):
        return False
    return _LIST_HEAD.search(sentence_text, max(ps, pe - 60), pe + 1) is not None


# A piece that opens with a finite verb, its subject left before a comma.
_AUX = r"(?:is|was|were|are|has|have|had|will|would|could|can|may|might|must|should)\s"
_AUX_START = re.compile(rf"\s*{_AUX}", re.IGNORECASE)
# A second verb phrase joined by "and" or "but": "but was told ...", "and is expected to ...".
_COORDINATED = re.compile(rf"\s*(?:and|but)\s+(?:also\s+|then\s+|later\s+)?{_AUX}", re.IGNORECASE)
# A sentence's opening noun phrase and the verb after it: "The president met", "Suharto's Golkar has had".
_OPENING_SUBJECT = re.compile(
    rf"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|the|[a-z-]+['’]s|[a-z][a-z-]*)){{0,5}}?)\s+"
    rf"(?:also\s+)?(?:{_PAST_VERB}|has|had|have|was|were|is|are)\b")
_TELLING_WORD = re.compile(rf"(?i)\b(?:{'|'.join(_TELLING)}|reported|added|stated|quoted)\b")


def _opening_subject(first: str) -> str:
    """The noun phrase a sentence's first piece opens with, where a verb follows it and the
    piece tells nothing (a telling's subject is not what was told: "Police said the man was
    arrested, and will appear ...")."""
    m = _OPENING_SUBJECT.match(first.lstrip())
    if m is None or _TELLING_WORD.search(first) or _NOT_A_SUBJECT.match(m.group(1)) or (
            _PRONOUN_OPENING.match(m.group(1)) and len(m.group(1).split()) > 1):
        return ""
    return m.group(1)


# A piece that only adds to the noun before it: a relative clause or a phrase.
_ASIDE_START = re.compile(r"\s*(?:who|which|whose|where|in|on|at|for|with|by|from|as|including|ahead|after|before|"
                          r"during|under|despite|amid|like|unlike|most|all|both|each)\b", re.IGNORECASE)
# What a subject opens with: a capital (a name, "The", "A"), a determiner or a count.
_SUBJECT_OPENS = re.compile(r"(?:[A-Z\"“]|(?:the|a|an|his|her|its|their|this|that|these|those)\s|\d+\s+[a-z])")
# "X said (that) the plague", "X said Wednesday that Wei": what was told starts after the
# telling, and after its "that".
_TOLD_BEFORE = re.compile(r"(?i)\b(?:said|says|announced|reported|added|stated|showed|believes?)\s+"
                          r"(?:(?:[\w.]+\s+){0,3}?that\s+)?")


def _subject_before_asides(sentence_text: str, segments, index: int) -> str:
    """The noun phrase a finite verb at the head of piece ``index`` belongs to, back across
    asides set off by commas ("which was threatening ...", "in the women's 69kg category",
    an age): the first noun phrase without a verb of its own (after a telling, its told
    part), or the one before it where that is one too ("Isolation on bird flu epidemic in
    Tianchang, a city in east China's Anhui Province, was relieved"). None where a dash, a
    conjunction or a semicolon cuts the run ("... and will travel", "-- Spain and Turkey --")."""
    found = None
    for j in range(index - 1, -1, -1):
        ps, pe = segments[j]
        if sentence_text[pe : pe + 1] != ",":
            break
        piece = sentence_text[ps:pe].strip()
        if found is None and j and (_ASIDE_START.match(piece) or _AGE.fullmatch(piece)):
            continue
        noun_phrase = _noun_phrase(piece)
        if noun_phrase is None or (j and _LIST_TAIL.match(piece) and sentence_text[segments[j - 1][1]] == ","
                                   and _is_bare_name(sentence_text[segments[j - 1][0]:segments[j - 1][1]])):
            break  # (the end of a longer list is no subject to guess: "including ..., Uganda, Ghana and Cape Verde")
        if found is not None:
            return noun_phrase  # (the noun phrase an apposition names)
        found = noun_phrase
    return found or ""


def _noun_phrase(piece: str) -> str | None:
    """``piece`` (after a telling, its told part) if it is a short noun phrase with no verb."""
    tellings = list(_TOLD_BEFORE.finditer(piece))
    if tellings:
        piece = piece[tellings[-1].end() :]
    words = piece.split()
    if (not 0 < len(words) <= 10 or not _SUBJECT_OPENS.match(piece) or _FINITE.search(piece)
            or _PAST_VERB_START.match(piece) or _NOT_A_SUBJECT.match(piece) or _PRONOUN_OPENING.match(piece)
            or words[0].lower() in ("and", "or", "but")):
        return None
    return piece


# What may follow the last date of a phrase of time or place that opens a sentence: nothing, or
# more of the phrase ("At noon in London's Hyde Park,", "In March alone,", "During last week's
# trading,"), never the subject of a clause ("On Friday a group of lawmakers, ...").
PHRASE_GOES_ON = re.compile(
    r"\)?\s*(?:$|['’]s\s|(?:in|at|on|near|of|for|to|during|from|with|by|outside|inside|off|around|alone|only|"
    r"evening|morning|afternoon|night)\b"
    # ... or the noun the date names ("In his Saturday speech,", "In the midday trading,")
    r"|(?!(?:a|an|the|his|her|its|their|this|that|these|those|some|all|our|my)\s)[a-z0-9'’]+(?:\s+[a-z0-9'’]+)?\s*$)")
# A preposition opening a phrase of time or place.
# (Not "After", "Before", "Since", "Until": their phrase is as often an event of its own,
# "Before 15.5 million voters cast their ballots on Thursday, patients voted".)
# (and a telling participle: "Speaking to reporters in Kabul on Monday, the minister said ...")
_OPENING_PREPOSITION = re.compile(
    r"\s*(?:At|In|On|During|Throughout|Over|Around|Near|Outside|Inside|"
    rf"{'|'.join(w.capitalize() for w in SPEAKING_PARTICIPLES)})\s")


def _opening_phrase_of_the_next(sentence_text: str, masked: str, segments, rel) -> bool:
    """Whether the sentence's first piece is a phrase of time or place without a verb, set off
    by a comma before a piece that says what happened (with three content words of its own,
    no date of its own, not opening with a relative word or a conjunction)."""
    s, e = segments[0]
    s2, e2 = segments[1]
    last_date_end = max((b for a, b in rel if s <= a and b <= e), default=None)
    if last_date_end is None or not PHRASE_GOES_ON.match(sentence_text, last_date_end, e):
        return False  # "On Friday a group of 10 lawmakers, all supporters of ...": the subject is in it
    return (sentence_text[e:e + 1] == "," and _OPENING_PREPOSITION.match(sentence_text, s) is not None
            and not _FINITE.search(masked, s, e) and not _PAST_VERB_START.search(masked, s, e)
            and not _ADDS_TO_WHAT_WAS_SAID.match(sentence_text[s2:e2]) and not _has_date((s2, e2), rel)
            and _has_content_words(masked, 3, s2, e2))


# An apposition that says who the name before it is: "the UN chief's envoy", "Bulgaria's chief
# negotiator", "a disgraced general of the army".
_WHO_APPOSITION = re.compile(r"\s*(?:the|a|an|its|his|her|their|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s)\s", re.IGNORECASE)


def _apposition_before_verb(sentence_text: str, masked: str, segments, i: int) -> bool:
    """Whether piece ``i``, set off by commas after a name, is an apposition without a verb
    ("Lyubomir Ivanov, Bulgaria's chief negotiator,"), or after a noun phrase a phrase opened
    by a preposition ("the chief cabinet secretary, on behalf of the government,"), or after a
    short name a relative clause ("Ichiro Ozawa, who heads the main opposition party,"), and
    the piece after it opens with the verb of that name ("..., said", "..., made")."""
    s, e = segments[i]
    if sentence_text[segments[i - 1][1]] != "," or sentence_text[e:e + 1] != ",":
        return False
    ps, pe = segments[i - 1]
    if _RELATIVE_OF_A_PERSON.match(masked, s, e):
        # "On Thursday, Ichiro Ozawa, who heads the main opposition party, promised to support
        # the bill": a relative clause set off after a short name only says who
        says_who = _NAMED_BEFORE.search(masked, ps, pe) is not None and len(masked[ps:pe].split()) <= 6
    elif _FINITE.search(masked, s, e):
        return False
    elif _WHO_APPOSITION.match(masked, s, e):  # ("a disgraced general": an "-ed" here is an adjective)
        says_who = _NAMED_BEFORE.search(masked, ps, pe) is not None
    else:
        says_who = (_ASIDE_PREPOSITION.match(masked, s, e) is not None and not _PAST_VERB_START.search(masked, s, e)
                    and len(masked[ps:pe].split()) <= 8
                    and not _FINITE.search(masked, ps, pe) and not _PAST_VERB_START.search(masked, ps, pe)
                    and not _NOT_A_SUBJECT.match(masked[ps:pe].lstrip()))
    if not says_who:
        return False
    nxt = sentence_text[segments[i + 1][0]:segments[i + 1][1]]
    return _PREDICATE_START.match(nxt) is not None


# A short form in brackets ending a piece: "(MNLF)", "(OSCE)".
_ACRONYM_END = re.compile(r"\(([A-Z][A-Z&.-]{1,7})\)\s*$")
# A relative clause with a subject of its own before its verb: "which foreign ministers are
# expected to approve", "which Sison established", "that the government adopted" (not "which
# include three closed-door sessions": a lower-case word first is a subject only before an
# auxiliary).
_AUXILIARY = r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|should)\b"
_OBJECT_RELATIVE = re.compile(
    r"(?:which|that|whom)\s+(?:"
    r"(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|I|you|[A-Z][\w'’.-]*)\s+"
    rf"(?:[A-Za-z][\w'’-]*\s+){{0,2}}?(?:{_AUXILIARY}|[a-z]{{3,}}ed(?=\s))"
    rf"|(?!{_AUXILIARY}|(?:also|not|then|later|still|now|already|jointly|first|last|once|never|ever|just)\b"
    rf"|[a-z]+(?:ly|ed)\b)[a-z][\w'’-]*\s+(?:[A-Za-z][\w'’-]*\s+){{0,2}}?{_AUXILIARY})")
# A relative clause about a person: "who heads the main opposition party".
_RELATIVE_OF_A_PERSON = re.compile(r"\s*(?:who|whose)\s")
# A phrase set off between a subject and its verb: "on behalf of the government", "in a statement".
_ASIDE_PREPOSITION = re.compile(r"\s*(?:on|in|at|for|with|by|from|under|along\s+with|together\s+with)\s",
                                re.IGNORECASE)


def clause_of(
    sentence_text: str,
    sentence_start: int,
    date_start: int,
    date_end: int,
    date_spans: list[tuple[int, int]],
) -> Clause:
    """The clause of the sentence that holds the date at ``[date_start, date_end)``.

    Offsets are document offsets; ``date_spans`` are all date mentions of the
    sentence (so their inner commas do not cut clauses).
    """
    rel = tuple([(s - sentence_start, e - sentence_start) for s, e in date_spans])
    masked, segments = _pieces(sentence_text, rel)
    ds, de = date_start - sentence_start, date_end - sentence_start
    index = len(segments) - 1
    for i, (s, e) in enumerate(segments):
        if s <= ds < e or s < de <= e:
            index = i
            break
    seg_s, seg_e = segments[index]
    aside = None
    body = masked[seg_s:seg_e].replace(_MASK, " ")
    if _ACCORDING_TO.match(body.strip()) and index + 1 < len(segments):
        # "According to the ministry on Monday, troops left": the fact follows.
        seg_s, seg_e = segments[index + 1]
        index += 1
    elif index > 0 and _is_attribution(body) and not _has_content_words(body, 9):
        # "..., a senior official said on Monday": the fact precedes, unless the fact
        # has a date of its own ("will travel next month, the White House said Monday"
        # dates the statement, not the trip): then the statement is the clause.
        if not _has_date(segments[index - 1], rel):
            told_at = index
            index -= 1
            # "Russia launched 145 drones overnight, the largest attack of the war, the air
            # force said": an apposition ("the largest ...") or a dependent clause ("after
            # 97 percent of votes were counted") only adds to the fact before it.
            while (index > 0 and (_dependent(masked, *segments[index])
                                  or _ING_START.match(masked, *segments[index])
                                  or (_REGION_PIECE.fullmatch(masked, *segments[index])
                                      and _PLACE_END.search(masked, *segments[index - 1])))
                   and not _has_date(segments[index - 1], rel)):
                # (and the region or country set off after a place: "to Beta Inc of Dallas,
                # Texas, the two firms said Monday", "at Guantanamo Bay, Cuba, the paper reported")
                index -= 1
            if (index > 0 and (_dependent(masked, *segments[index]) or _ING_START.match(masked, *segments[index]))
                    and _has_date(segments[index - 1], rel)):
                # "A bus plunged into a river on Saturday, killing 12 passengers, police said on
                # Monday": the fact has a date of its own, so the telling is the clause
                index = told_at
            seg_s, seg_e = segments[index]
    else:
        # Only the date, its preposition and a connective ("In 1995, however, he was ..."):
        # the fact is in the clauses after it, or before it when the date ends the sentence.
        first, last = index, index
        # (Blanked dates are no word characters, as the blanks they stand for are not.)
        # "The accord, signed in 1994, ended the war": the participle and the noun phrase it
        # tells of (borrowed below) are the fact.
        told_of = None  # (worked out only for a piece too short to stand alone)
        if (not body.strip() and 0 < index and _DAY_AND_MONTH.match(sentence_text, ds)
                and _NAMED_BEFORE.search(masked, segments[index - 1][0], segments[index - 1][1])
                and _has_content_words(masked, 3, *segments[index - 1])):
            # "had set a deadline of Thanksgiving, Nov. 27, for Kyiv to accept the plan": a date
            # set off after the noun it dates is that noun's; the clause runs across it.
            first = index - 1
            seg_s = segments[first][0]
            if last + 1 < len(segments) and _PREPOSITION_START.match(masked, segments[last + 1][0]):
                last += 1
                seg_e = segments[last][1]
        if (index == 0 and len(segments) > 1 and _opening_phrase_of_the_next(sentence_text, masked, segments, rel)
                and _has_content_words(masked, 3, seg_s, seg_e)):
            # "At noon in London's Hyde Park, the King's Troop fired a 41-gun salute": a phrase of
            # time and place says when and where; what happened is in the piece after it.
            last = 1
            seg_e = segments[1][1]
        while not _has_content_words(masked, 3, seg_s, seg_e):
            if told_of is None:
                told_of = index >= 1 and (
                    _participle_of_subject(sentence_text, segments, seg_s, seg_e) if index == 1 else
                    _verb_of_subject(sentence_text, segments, index, seg_s, seg_e))
            if told_of:
                if last + 1 < len(segments) and _RESULT_AFTER.match(sentence_text, segments[last + 1][0]):
                    # "A coal mine ..., was flooded on Nov. 7, killing 10 miners": what came of it
                    last += 1
                    seg_e = segments[last][1]
                break
            # "set deadlines for Russia ..., most recently on 8 August, which passed without
            # ...": a relative clause after the date says more about it, and "a week after two
            # collisions, on Aug. 19 and Aug. 25, and days before ..." adds another thing:
            # the fact is before.
            after = sentence_text[segments[last + 1][0]:segments[last + 1][1]] if last + 1 < len(segments) else ""
            if after and _AND_BETWEEN.fullmatch(sentence_text, segments[last][1], segments[last + 1][0]):
                # "The strike began on Sunday and will last until Wednesday": the verb after "and"
                # is another event, with its own date (or none)
                break
            if (not after and first == index == 1
                    and _AND_BETWEEN.fullmatch(sentence_text, segments[0][1], segments[1][0])
                    and _opening_subject(sentence_text[segments[0][0]:segments[0][1]])):
                # ... and the verb after "and" takes the subject only (borrowed below)
                break
            if (after and first == last and _RELATIVE.match(body.lstrip()) and _PREDICATE_START.match(after.lstrip())
                    and not _TELLING_OPENS.match(after)):
                # "The talks, which began on Monday, are expected to last until Friday": the
                # relative clause ends where its noun's verb begins; the relative clause and the
                # noun it tells of (borrowed below) are the date's clause
                break
            if after and not (first > 0 and (_ADDS_TO_WHAT_WAS_SAID.match(after) or _TELLING_OPENS.match(after))):
                last += 1
                seg_e = segments[last][1]
            elif first > 0:
                first -= 1
                # "... bring together the two leaders, who have not met since 1994, by mid-1997":
                # the date ending the sentence is the main clause's, not the relative clause's.
                while first > 0 and _RELATIVE.match(sentence_text[segments[first][0]:segments[first][1]].lstrip()):
                    first -= 1
                seg_s = segments[first][0]
            else:
                break
        if not told_of and last > index:
            # "On Saturday, Lyubomir Ivanov, Bulgaria's chief negotiator, said the two countries
            # had agreed ...", "In March alone, Japan's surplus with the United States, its
            # biggest trading partner, surged ...": the apposition only says who or what; the
            # clause goes on to the verb.
            for i in (last, last + 1):
                if i + 1 < len(segments) and _apposition_before_verb(sentence_text, masked, segments, i):
                    aside, last = segments[i], i + 1
                    seg_e = segments[last][1]
                    break
        index = first
    if (0 < index < len(segments) - 1 and _TELLING_ASIDE.match(masked, seg_s)
            and _TELLING_NEXT.match(masked, segments[index + 1][0])):
        # "President Joe Biden, speaking from the Rose Garden on Tuesday, said the ceasefire ...":
        # the date is the telling's, and the telling is the subject's "said"; the aside is left
        # out of the label
        aside = segments[index]
        index -= 1
        seg_s, seg_e = segments[index][0], segments[index + 2][1]
    elif index > 0 and _NAMING.match(masked, seg_s):
        # "will broadcast the documentary, entitled '...', on Saturday": the name is the thing's
        # that the piece before speaks of, and the fact is that piece's
        index -= 1
        seg_s = segments[index][0]
    index, seg_s = _across_commas(sentence_text, segments, index, seg_s, seg_e, body)
    # (a place's state may bring the start to a list: "the candidate cities of Chicago, Los
    # Angeles and San Francisco will meet in Orange County, California on Nov. 7-9")
    index, seg_s = _across_list(sentence_text, segments, index, seg_s)
    subject = ""
    told_by = False
    head = sentence_text[seg_s:seg_e].lstrip()
    if index > 0 and _RELATIVE.match(head):
        named = index - 1
        if named > 0 and _AGE.fullmatch(sentence_text, *segments[named]):
            named -= 1  # "Muhammad, 51, who was not required to attend": the name before the age
        before = sentence_text[: segments[named][1]]
        # a name ("Kishida, who was hosted ..."), its short form in brackets ("the Moro National
        # Liberation Front (MNLF), which"), or the noun phrase before it ("The assault, which
        # began late on Sunday", "the banking system, which has been rocked")
        whose = _WHOSE.match(head) is not None
        m = _ACRONYM_END.search(before) or _NAME_TAIL.search(before) or (
            _NOUN_PHRASE_TAIL.match(before, segments[named][0])
            if _OF_A_THING.match(head) or whose or (index == 1 and _OF_A_PERSON.match(head)) else None)
        if m and whose and (any(a < m.end(1) and m.start(1) < b for a, b in rel)
                            or _NOT_AN_OWNER.search(m.group(1))):
            # ("the plan two weeks ago, whose aims ...": a date is no owner; "a woman living
            # locally, whose ...": a participle's phrase says more than the owner's name)
            m = None
        if _OBJECT_RELATIVE.match(masked, seg_e - len(head)):
            # "a package of sanctions, which foreign ministers are expected to approve on Monday":
            # the relative clause has a subject of its own, and the noun before is its object
            seg_s += len(sentence_text[seg_s:seg_e]) - len(head) + _RELATIVE.match(head).end()
        elif m:
            # ("In Kenya, whose government ...": the name, without the preposition that opens it)
            subject = _OPENING_PREPOSITION.sub("", m.group(1))
            if m.re is _NOUN_PHRASE_TAIL and _OF_A_THING.match(head):
                # "The last eruption of the volcano, which occurred in 1993": what occurred is
                # the eruption, an event, not the volcano, which is none
                subject = _event_of_a_thing(before, m, segments[named][0]) or subject
            if whose:
                # "the UN mission in the region, whose mandate ...": the mission's mandate, the
                # noun phrase with its prepositional phrase
                prep = _PREPOSITION_END.search(before, 0, m.start(1))
                outer = _NOUN_PHRASE_TAIL.match(before[: prep.start()], segments[named][0]) if prep else None
                if outer:
                    subject = before[outer.start(1) : m.end(1)]
                subject += "" if subject.endswith(("'s", "’s")) else "'s"
            seg_s += len(sentence_text[seg_s:seg_e]) - len(head) + _RELATIVE.match(head).end()
    elif index == 1 and _participle_of_subject(sentence_text, segments, seg_s, seg_e):
        # "The Alaska meeting, held on Friday at a military base, ended ...": the participle
        # says what the opening noun phrase is; the date is that thing's
        subject = sentence_text[segments[0][0]:segments[0][1]].strip()
    elif _present_verb_after_aside(sentence_text, segments, index, head) and _is_subject(
            first := sentence_text[segments[0][0]:segments[0][1]].strip()):
        # "The law, passed in March, takes effect on January 1": the present verb's subject
        # opens the sentence, and the aside is no part of the clause
        subject = first
    elif (index > 0 and (predicate := _PREDICATE_START.match(head))
          and not (_AND_BETWEEN.fullmatch(sentence_text, segments[index - 1][1], seg_s)
                   and _opening_subject(sentence_text[segments[0][0]:segments[0][1]]))):
        # (not a second verb after "and" where the opening piece has its own: "The ban took
        # effect in 2024 and will be reviewed in 2027" borrows only the subject, below)
        first = sentence_text[segments[0][0] : segments[0][1]].strip()
        # ("He arrived in Kabul, met officials and left on Monday": a clause of its own)
        if _is_subject(first) and not _VERB_AND_OBJECT.match(first):
            subject = first
            # "Kim, the party's hopeful, said that ...": the telling's subject, unless the
            # date belongs to what was told (below)
            told_by = predicate.group(1) is not None
    elif (index > 0 and seg_s == segments[index][0] and seg_e > segments[index][1]
          and _PAST_VERB_START.match(sentence_text, segments[index][1] + 2)
          and _is_subject(opening := sentence_text[segments[0][0]:segments[0][1]].strip(), most=8)
          and len(opening.split()) >= 2 and not _PRONOUN_OPENING.match(opening)):
        # "The last major quake in the region, in 2016, killed four people": the date's piece
        # took in the verb after it, whose subject opens the sentence
        subject = opening
    if seg_s <= ds and (not subject or told_by):
        # "Zelenskiy said on Saturday that Kyiv would present its plan ... on Dec. 18-19":
        # the date belongs to what was said, which is the clause.
        told = _last_told_that(masked, seg_s, ds)
        if told is not None and _has_content_words(masked, 3, told.end(), seg_e):
            seg_s, subject = told.end(), ""
        elif (told is not None and index + 1 < len(segments) and sentence_text[seg_e : seg_e + 1] == ","
              and (not _has_content_words(masked, 1, told.end(), seg_e)
                   or _THE_PERIOD_ONLY.fullmatch(masked, told.end(), seg_e))
              and _has_content_words(masked, 3, segments[index + 1][0], segments[index + 1][1])):
            # "A source said that in the past 96 hours, 25 militants had been killed": the date
            # opens what was told, which goes on past the comma
            seg_s, seg_e, subject = told.end(), segments[index + 1][1], ""
    if (not subject and index > 0 and sentence_text[segments[index - 1][1]] == ","
            and _AUX_START.match(sentence_text, seg_s, seg_e)):
        # "The Turkish contingent of nearly 800 troops, is due to reach Albania", "the plague,
        # which was threatening 700,000 jobs, is estimated to have ...": the verb's subject is
        # the noun phrase before the asides set off by commas
        subject = _subject_before_asides(sentence_text, segments, index)
    if (not subject and index > 0 and seg_s == segments[index][0]
            and (_COORDINATED.match(sentence_text, seg_s, seg_e) or (
                 "and" in sentence_text[segments[index - 1][1]:seg_s]
                 and _AUX_START.match(sentence_text, seg_s, seg_e)))):
        # "The president met the envoy on Monday and will travel to New York on Sunday", "A
        # Chinese delegate interrupted the address, but was told ...": a second verb of the
        # sentence's opening subject (not after a relative clause, whose verb it may be: "the
        # Iraq Study Group, which had conducted interviews ..., and was expected to ...")
        if not any(_RELATIVE.match(sentence_text[a:b].lstrip()) for a, b in segments[1:index]):
            subject = _opening_subject(sentence_text[segments[0][0]:segments[0][1]])
    piece = sentence_text[seg_s:seg_e]
    text = piece.lstrip()
    start = sentence_start + seg_s + len(piece) - len(text)
    text = text.rstrip()
    rel = start - sentence_start
    kept = aside if aside is not None and rel <= aside[0] and aside[1] <= rel + len(text) else None
    return Clause(start, start + len(text), text, subject,
                  (kept[0] - rel, kept[1] - rel) if kept is not None else None)
