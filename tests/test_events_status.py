"""Happened, ongoing, planned or target: wording cues (data) checked against publication time."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline.events.status import cue_status, decide_status, past_cue_governs, status_rules

EXAMPLES = [
    pytest.param(rule.name, rule.status, ex[0], ex[1], *ex[2:3] or [None],
                 id=f"{rule.name}:{ex[0][:30]}")
    for rule in status_rules()
    for ex in rule.examples
]
PUB = date(2024, 11, 2)
DAY = pd.Timestamp


@pytest.mark.parametrize("name,rule_status,text,status,signal", EXAMPLES)
def test_rule_examples(name, rule_status, text, status, signal):
    assert status == rule_status
    assert cue_status(text, signal) == (status, name)


@pytest.mark.parametrize(
    "clause",
    [
        "The government had pledged to finish the work by the end of 2024.",
        "Talks had been expected to conclude by Friday.",
        "Residents had been asked to leave by Sunday.",
        "Officials said all troops would be withdrawn by March.",
        "The death toll could rise to 100 by Tuesday.",
    ],
)
def test_by_without_a_tally_reached_stays_a_target(clause):
    assert cue_status(clause, "by") == ("target", "deadline-by")


@pytest.mark.parametrize(
    "clause,date",
    [
        # a tally told in a relative clause set off by a comma is another event's
        ("The UN aims to bring together the two leaders, who have not met since October 1994, by mid-1997.",
         "mid-1997"),
        ("The two sides pledged to issue the new constitution by Nov. 21, which has not been materialized yet.",
         "Nov. 21"),
        # the telling is no tally, nor is a supposition, nor a purpose
        ("Troops will be cut to fewer than 100,000 by the end of the year, the officers were quoted as saying.",
         "the end of the year"),
        ("The commission would carry out its work if the two Acts were formulated by mid-December.",
         "mid-December"),
        ("The company has invested billions to become carbon neutral by 2040.", "2040"),
    ],
)
def test_wording_that_is_not_the_dates_own_tally_leaves_a_target(clause, date):
    assert cue_status(clause, "by", clause.index(date)) == ("target", "deadline-by")


@pytest.mark.parametrize(
    "clause,date",
    [
        ("By June 30, about a quarter of the country's internet users were regularly engaged in shopping online.",
         "June 30"),
        ("By the end of September, non-performing loans at the major banks were 1.2 trillion yuan.",
         "the end of September"),
        ("By August, the bank has granted 260 million yuan of emergency loans.", "August"),
        ("All the mines have been destroyed by Friday.", "Friday"),
    ],
)
def test_a_count_reached_by_a_date_is_a_tally(clause, date):
    assert cue_status(clause, "by", clause.index(date)) == ("happened", "tally-by")


def test_signal_by_makes_a_target_even_without_the_word():
    assert cue_status("Japan is increasing defense spending", "by") == ("target", "deadline-by")


@pytest.mark.parametrize(
    "clause,signal,start,end,status",
    [
        ("Japan is increasing spending by 2027", "by", "2027-01-01", "2027-12-31", "target"),
        ("Mr Borrell will head to Seoul", None, "2024-11-04", "2024-11-04", "planned"),
        ("Pyongyang tested a missile", None, "2024-10-31", "2024-10-31", "happened"),
        ("Troops are massing on the border", None, "2024-10-28", "2024-11-03", "ongoing"),
        ("Japan's general election", None, "2024-10-21", "2024-10-27", "happened"),
        ("the summit", None, "2024-12-01", "2024-12-31", "planned"),
        ("output had fallen by 2020", "by", "2020-01-01", "2020-12-31", "happened"),
    ],
)
def test_decide_status(clause, signal, start, end, status):
    got, warnings = decide_status(clause, signal, DAY(start), DAY(end), PUB)
    assert got == status
    assert warnings == []


def test_past_verb_about_a_future_date_is_planned():
    # "agreed on Monday to hold talks next month": the dated event is still to come.
    status, warnings = decide_status("The ministers agreed to hold talks", None,
                                     DAY("2025-01-10"), DAY("2025-01-10"), PUB)
    assert status == "planned" and warnings == []


def test_the_cue_nearest_to_the_date_wins():
    clause = "Another topic will be a dialogue which Singapore hosted last year"
    assert cue_status(clause, None, clause.index("last year"))[0] == "happened"
    clause = "China said on Tuesday it would hold naval drills"
    assert cue_status(clause, None, clause.index("Tuesday"))[0] == "happened"
    clause = "In 1940, we got hope and in the end we would be triumphant"
    assert cue_status(clause, None, clause.index("1940"))[0] == "happened"


@pytest.mark.parametrize(
    "clause,date_text",
    [
        ("New coach Lopez Caro told his star-studded squad Friday they must put their trust "
         "in him", "Friday"),
        ("Gingrich told President Jiang during a visit to China last week that the United "
         "States would be prepared to intervene", "last week"),
    ],
)
def test_a_cue_in_a_later_clause_yields_to_the_verb_before_the_date(clause, date_text):
    assert cue_status(clause, None, clause.index(date_text)) == ("happened", "past-tense")


def test_without_publication_time_wording_decides():
    assert decide_status("will meet", None, None, None, None) == ("planned", [])
    assert decide_status("the talks", None, None, None, None) == ("happened", [])


_LATER_CLAUSE = re.compile(
    r"(?i)\b(?:that|which|who|whom|whose|if|when|while|because|although|though|they|he|she"
    r"|we|you|it)\b")


def _name(clause, m):
    """A capitalized one-word match in "-ed" inside the clause: a name ("Khaled"), no cue; nor is
    a word in "-ed" between a verb that a modal or "to" puts in the infinitive and a noun ("will
    hold renewed talks")."""
    if m.start() > 0 and re.fullmatch(r"[A-Z][a-z]+ed", m.group()) is not None:
        return True
    modal = r"(?:\b(?:will|would|shall|to|can|could|may|might|must|should)|['’]ll)"
    not_a_verb = r"(?:have|has|had|be|been|being|get|got|is|are|was|were|am|will|would|shall|to|can|could|may|might|must|should)"
    return (m.group().endswith("ed") and m.start() > 0
            and re.match(r"\s+(?!(?:to|in|on|at|by|for|from|with|of|and|or|the|a|an|as|than|into|over|about)\b)[a-z]",
                         clause[m.end():]) is not None
            and (re.search(rf"{modal}\s+(?:(?:[a-z]+ly|also|not|never|then|soon|still|again|now)\s+)?(?!{not_a_verb}\b)[a-z]+\s+$",
                           clause[max(0, m.start() - 40):m.start()]) is not None
                 # ... or after a determiner and an adverb, or a count that is no subject
                 or re.search(r"\b(?:(?:the|a|an|its|their|his|her|our|your|my|this|these|those)\s+[a-z]+ly|"
                              r"against|with|for|of|from|about|among|including|into|between)\s+$",
                              clause[max(0, m.start() - 40):m.start()]) is not None
                 or re.search(r"(?:^|(?<!\bthe)(?<!\bthese)(?<!\bthose)(?<!\ball)(?<!\bboth)\s)"
                              r"\b(?:two|three|four|five|six|seven|eight|nine|ten|many|several|some|few|more|most|other|(?!(?:1[5-9]|20)\d\d\s)\d[\d,.]*)\s+$",
                              " " + clause[max(0, m.start() - 40):m.start()]) is not None))


def _cue_status_one_by_one(clause, signal=None, at=None):
    """The plain reading of the rules: every rule's IGNORECASE regex in turn."""
    rules = status_rules()
    if signal:
        for rule in rules:
            if signal.lower() in rule.signals:
                return rule.status, rule.name
    best, found = None, None
    for order, rule in enumerate(rules):
        if rule.regex is None:
            continue
        if at is None:
            if any(not _name(clause, m) for m in rule.regex.finditer(clause)):
                return rule.status, rule.name
            continue
        for m in rule.regex.finditer(clause):
            if _name(clause, m):
                continue
            if rule.before_date and (m.start() >= at or (not rule.possessive_too and re.match(
                    r"[\w.]+(?:\s[\w.]+)?['’]s\b", clause[at:]))):
                continue
            distance = at - m.end() if m.end() <= at else max(m.start() - at, 0)
            if m.start() > at and (_LATER_CLAUSE.search(clause, at, m.start()) or re.match(
                    r"(?i)(?:said|says|told|added|stated)\b", clause[m.start():])
                    and "," in clause[at:m.start()]):
                distance += 1_000_000
            if best is None or (distance, order) < best:
                best, found = (distance, order), rule
    return (found.status, found.name) if found else (None, None)


def _clauses() -> list[str]:
    root = Path(__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "data" / "news").glob("*.txt"))]
    out = [c for t in texts for c in re.split(r"[,;.!?\n]\s*", t) if c.strip()]
    out += [e[0] for r in status_rules() for e in r.examples]
    rng = random.Random(3)
    out += ["".join(ch.upper() if rng.random() < 0.3 else ch for ch in c) for c in out]
    out += ["\u212a" + c + " we\u2019ll" for c in out[::7]]  # only IGNORECASE is exact here
    return out


def test_cue_status_is_the_rules_tried_one_by_one():
    rng = random.Random(5)
    for clause in _clauses():
        for at in (None, 0, len(clause), rng.randrange(len(clause) + 1)):
            cue_status.cache_clear()
            assert cue_status(clause, None, at) == _cue_status_one_by_one(clause, None, at), (
                clause, at)


def test_nearest_cue_at_every_offset_is_the_rules_tried_one_by_one():
    # Every offset of the date: cues before it, after it, and around it.
    clauses = [c for c in _clauses() if not c.startswith("\u212a")][::9]
    for clause in clauses:
        for at in range(0, len(clause) + 1, 3):
            cue_status.cache_clear()
            assert cue_status(clause, None, at) == _cue_status_one_by_one(clause, None, at), (
                clause, at)


@pytest.mark.parametrize(
    "clause,date_text",
    [
        ("a revamped consortium would be in charge of the link by 2005 and "
         "that the plans had received the blessing of the chancellor", "2005"),
        ("Pakistan had launched the registration process and the process would be "
         "completed by the end of this year", "the end of this year"),
    ],
)
def test_a_nearer_future_cue_keeps_by_a_deadline(clause, date_text):
    assert cue_status(clause, "by", clause.index(date_text)) == ("target", "deadline-by")


def test_a_tally_reached_by_a_time_is_history():
    clause = "over 50 percent polling had taken place on average by noon"
    assert cue_status(clause, "by", clause.index("noon")) == ("happened", "tally-by")


@pytest.mark.parametrize(
    "clause",
    [
        "a hundred armed men from the United States and the United Arab Emirates",
        "the alleged plot by Tokyo-based unidentified gunmen",
        "an unprecedented visit by the so-called Quartet",
    ],
)
def test_words_ending_in_ed_that_are_no_past_verbs_are_no_cue(clause):
    assert cue_status(clause) == (None, None)


@pytest.mark.parametrize(
    "clause,date_text,governs",
    [
        ("The leaders met in April to discuss trade.", "April", True),
        ("The two sides agreed on Monday to resume talks in May.", "May", False),
        ("Hashimoto hoped to enact the bill before he leaves for the United States on "
         "April 24 for key talks, Jiji press said.", "April 24", False),
    ],
)
def test_a_past_verb_governs_only_the_date_just_after_it(clause, date_text, governs):
    assert past_cue_governs(clause, clause.index(date_text)) is governs


def test_the_day_of_a_timestamp_is_that_of_timestamp_date():
    from timeline.events.status import _as_day

    rng = random.Random(11)
    stamps = [pd.Timestamp(rng.randrange(-(2**62), 2**62)) for _ in range(2000)]
    stamps += [t.tz_localize("UTC").tz_convert("Asia/Tokyo") for t in stamps[:500]]
    stamps += [pd.Timestamp("1000-01-01").as_unit("s"), pd.Timestamp("2020-01-01 23:59:59.999999999")]
    for t in stamps:
        day = _as_day(t)
        assert day == t.date() and type(day) is date, t
    assert _as_day(pd.NaT) is pd.NaT.date()
    assert _as_day(None) is None and _as_day(date(2020, 1, 2)) == date(2020, 1, 2)


def test_past_cue_governs_is_that_of_the_rules_regexes():
    # past_cue_governs matches on folded text; the plain reading runs each IGNORECASE regex.
    from timeline.events.status import _INFINITIVE

    def plain(clause, at, reach=45):
        window = clause[max(0, at - reach) : at]
        ends = [m.end() for r in status_rules() if r.name in ("past-tense", "present-perfect")
                for m in r.regex.finditer(window)]
        return bool(ends) and not _INFINITIVE.search(window, max(ends))

    tokens = ["had", "HAS", "been", " ", "  ", "met", "agreed", "to", "hold", "talks", "in",
              "\u017fent", "\u212aept", "\u0130s", "was", "armed", "said", "will", "'ve", "-",
              "closed", "on", "x"]
    rng = random.Random(13)
    clauses = _clauses()[::5] + [
        "".join(rng.choice(tokens) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for clause in clauses:
        for at in {0, len(clause), len(clause) // 2, rng.randrange(len(clause) + 1)}:
            assert past_cue_governs(clause, at) == plain(clause, at), (clause, at)


@pytest.mark.parametrize(
    "clause",
    [
        "Police could not confirm the report on Tuesday.",  # "could" as the past of "can"
        "The attack could have been prevented in May.",
        "In May the government resigned.",  # the month, not the modal
    ],
)
def test_a_possibility_is_not_read_where_there_is_none(clause):
    assert cue_status(clause, None)[1] != "possible"


@pytest.mark.parametrize(
    "clause,date_text",
    [
        ("a dumping incident in August could reach into the millions of dollars", "August"),
        ("Police barred the road on Saturday and workers could be seen tidying the route", "Saturday"),
        ("O'Neal may miss two to four weeks with a sprained ankle during Thursday's team loss", "Thursday"),
    ],
)
def test_a_possibility_speaks_only_for_a_date_after_it(clause, date_text):
    assert cue_status(clause, None, clause.index(date_text))[1] != "possible"
    assert cue_status("Officials said Sudan could join in March.", None, 34) == ("planned", "possible")


def test_may_the_name_is_no_possibility():
    clause = "May did not surrender to the police until the afternoon of Nov. 17."
    assert cue_status(clause, None, clause.index("Nov."))[1] != "possible"


def test_a_goal_of_the_season_is_no_target():
    clause = "Sibierski scored his first Premiership goal of the season on Saturday."
    assert cue_status(clause, "on", clause.index("Saturday"))[0] == "happened"
    assert cue_status("Its goal is net zero in 2050.", "in", 26)[0] == "target"


def test_a_compound_adjective_is_no_past_tense():
    clause = "Iraq goes to the polls on Thursday to elect a parliament since the 2003 US-led invasion"
    assert cue_status(clause, "on", clause.index("Thursday")) == (None, None)


def test_a_pledge_told_after_its_date_is_the_pledges_own_event():
    # "Peretz Wednesday vowed to avenge ...": Wednesday dates the vow, which has happened
    clause = "Defense Minister Amir Peretz Wednesday vowed to avenge the attack"
    assert cue_status(clause, None, clause.index("Wednesday")) == ("happened", "past-tense")
    clause = "The government pledged to cut emissions in half in 2030"
    assert cue_status(clause, "in", clause.index("2030"))[0] == "target"


def test_a_pledge_before_a_possessive_date_speaks_for_it():
    clause = "who was defeated in last elections and vowed to replace Bongo in Sunday's polls"
    assert cue_status(clause, None, clause.index("Sunday"))[0] == "target"


@pytest.mark.parametrize("clause", [
    "The two leaders did not meet on Monday as planned.",
    "The vote went ahead on Sunday as scheduled.",
    "Inflation fell faster than expected in October.",
])
def test_as_planned_is_no_plan_still_ahead(clause):
    assert cue_status(clause, "on", clause.index(" on ") + 4 if " on " in clause else None)[0] != "planned"
