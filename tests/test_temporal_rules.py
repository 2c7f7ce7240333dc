"""Every example in the rules data file is a test: the rule finds what it says, with that value."""

from __future__ import annotations

import pytest

from timeline.temporal.rules import rules
from timeline.temporal.tagger import find_mentions, tag

EXAMPLES = [
    pytest.param(rule.name, ex, id=f"{rule.name}:{ex['text'][:40]}")
    for rule in rules()
    for ex in rule.examples
]


@pytest.mark.parametrize(("rule_name", "example"), EXAMPLES)
def test_rule_example(rule_name, example):
    text = example["text"]
    mentions = tag(text, published=example.get("published", "1998-01-08"))
    if example["match"] is None:
        assert not [m for m in mentions if m.rule.startswith(rule_name)], (
            f"{rule_name} should not match in {text!r}: {[m.text for m in mentions]}"
        )
        rule = next(r for r in rules() if r.name == rule_name)
        if rule.type == "NONE":
            # A rule that dates nothing never makes a mention of its own: its example holds
            # what it leaves out, and no other rule dates any of it.
            left_out = rule.regex.search(text)
            assert left_out, f"{rule_name} should match in {text!r}"
            assert not [m.text for m in mentions if m.start < left_out.end() and left_out.start() < m.end], (
                f"{rule_name} should leave {left_out.group(0)!r} undated in {text!r}")
        return
    hits = [m for m in mentions if m.text == example["match"]]
    assert hits, f"expected {example['match']!r} in {text!r}, got {[m.text for m in mentions]}"
    m = hits[0]
    assert text[m.start : m.end] == m.text
    assert m.value == example["value"], f"{m.text!r}: {m.value} (rule {m.rule})"


def test_every_rule_has_examples_and_triggers():
    for rule in rules():
        assert rule.examples, f"rule {rule.name} has no examples"
        assert rule.triggers, f"rule {rule.name} has no trigger classes"


def test_find_stage_leaves_values_for_the_resolver():
    ms = find_mentions("The talks ended on Thursday, after two days.")
    assert [m.text for m in ms] == ["Thursday", "two days"]
    assert all(m.value == "" for m in ms)
    assert ms[0].spec["weekday"] == "Thursday"


# --- required strings: a rule's regex is skipped on windows holding none of them ---

def _mutations(text: str, rng, count: int) -> list[str]:
    """``text`` with random case flips, deletions, insertions and doubled pieces."""
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 -/:.,'’é" + text
    out = []
    for _ in range(count):
        chars = list(text)
        for _ in range(rng.randint(1, 4)):
            i = rng.randrange(len(chars) + 1)
            op = rng.random()
            if op < 0.3 and chars:
                j = min(i, len(chars) - 1)
                chars[j] = chars[j].swapcase()
            elif op < 0.55 and i < len(chars):
                del chars[i]
            elif op < 0.85:
                chars.insert(i, rng.choice(alphabet))
            else:
                k = rng.randrange(len(chars) + 1)
                chars[i:i] = chars[min(i, k):max(i, k)]
        out.append("".join(chars))
    return out


def _texts(rng, articles: list[str]) -> list[str]:
    texts = list(articles)
    for rule in rules():
        for ex in rule.examples:
            texts.append(ex["text"])
            texts.extend(_mutations(ex["text"], rng, 20))
            texts.append(ex["text"].upper())
    return texts


def _articles(shared_dir, count: int = 150) -> list[str]:
    path = shared_dir / "corpora" / "silver-news.jsonl"
    if not path.is_file():
        return []
    import json

    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line, _ in zip(f, range(count), strict=False)]


def test_required_strings_of_small_patterns():
    from timeline.temporal.rules import required_strings

    assert required_strings(r"(?:early\s+)?Century") == ("century",)
    assert required_strings(r"(?:a|bc)\s+x") == ("x",)
    assert required_strings(r"(?:ab|cd)\d") == ("ab", "cd")
    assert set(required_strings(r"(?:ab|c?d)")) == {"ab", "d"}
    assert required_strings(r"(?:ab)?\d+") == ()
    assert required_strings(r"(?:q[1-4])+") == ("q",)
    assert required_strings(r"(?=now)\w+") == ()  # a lookahead consumes nothing
    assert required_strings(r"caf\u00e9") == ()  # non-ASCII: left to the regex


def test_case_traps_are_all_non_ascii_characters_matching_ascii():
    import re
    import sys

    from timeline.temporal.rules import CASE_TRAPS

    every = "".join(chr(c) for c in range(0x80, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert re.findall("[\x00-\x7f]", every, re.IGNORECASE) == CASE_TRAPS.findall(every)


def test_every_match_holds_a_required_string(shared_dir):
    import random

    rng = random.Random(7)
    texts = _texts(rng, _articles(shared_dir))
    checked = 0
    for rule in rules():
        if not rule.needs:
            continue
        for text in texts:
            for m in rule.regex.finditer(text):
                if m.end() > m.start():
                    assert any(s in m.group().lower() for s in rule.needs), (rule.name, m.group())
                    checked += 1
    assert checked > 1000


def test_month_gate_only_where_every_match_holds_a_month():
    from timeline.temporal.rules import rules

    gated = {r.name for r in rules() if r.month_gate is not None}
    assert {"day_month", "month_year", "weekday_month_day"} <= gated
    # a month that is optional, one of several alternatives, or only looked ahead at: no gate
    assert not gated & {"weekday", "set_every", "iso_date"}


def test_candidates_are_the_same_without_the_required_strings(shared_dir, monkeypatch):
    """The plain reference: every rule's regex run on every window of its triggers."""
    import dataclasses
    import random

    from timeline.temporal import tagger

    rng = random.Random(11)
    texts = _texts(rng, _articles(shared_dir))
    texts += [t.replace("e", "\u017f").replace("k", "\u212a") for t in texts[:200]]  # case traps
    # month gates: lower-case and upper-case month names, "Mar" only before a digit, weekdays
    texts += [
        "we may meet on Friday, may 5 or MAY 5", "the march on Sunday march 3rd", "Mar 5, Mar. 5, Mar 2020",
        "on Friday the 4th of July 2014", "Sat., Sept. 12 and sept 12", "MONDAY, MARCH 2", "Friday June",
        "june 4-5, 2014 and 4-5 june", "Friday\u212a June 4", "the \u017fame May 2 on Tue.",
    ]

    def found(text):
        return sorted((s, e, rule.name, m.groups()) for s, e, rule, m in tagger._candidates(text))

    fast = [found(t) for t in texts]
    plain = tuple(dataclasses.replace(r, needs=(), month_gate=None) for r in rules())
    monkeypatch.setattr(tagger, "rules", lambda: plain)
    assert [found(t) for t in texts] == fast


# --- macros as prefix trees: "Jan|June?" compiled as "J(?:an|une?)", same matches ---

def test_top_alternatives_split_only_at_the_top_level():
    from timeline.temporal.rules import _top_alternatives

    assert _top_alternatives(r"a|[|]b|[]|x]|[^]|]|\||(a|b)|c\[|d") == [
        "a", "[|]b", "[]|x]", "[^]|]", r"\|", "(a|b)", r"c\[", "d"]


def test_prefix_tree_keeps_the_order_of_alternatives():
    import re

    from timeline.temporal.rules import _prefix_tree

    assert _prefix_tree(["jan", "june?", "feb"], True) == "j(?:an|une?)|feb"
    assert _prefix_tree(["a", "an", "ab"], False) == "a(?:|n|b)"  # "a" is still tried first
    # a quantified first character, a class or a group ends a run: nothing moves across it
    assert _prefix_tree(["ab", "a?c", "ad"], False) == "ab|a?c|ad"
    assert _prefix_tree(["ab", "[a]x", "ad"], False) == "ab|[a]x|ad"
    # under IGNORECASE "J" and "j" are not exclusive: that run is left alone
    assert _prefix_tree(["Jan", "jan", "Jul"], False) == "Jan|jan|Jul"
    assert _prefix_tree(["Jan", "jan", "Jul"], True) == "J(?:an|ul)|jan"
    for alts, text in ((["a", "ab"], "abc"), (["ab", "a"], "abc"), (["six", "sixty", "sixteen"], "sixty")):
        plain = re.compile(f"(?:{'|'.join(alts)})(?:c|ty|)")
        tree = re.compile(f"(?:{_prefix_tree(alts, False)})(?:c|ty|)")
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in tree.finditer(text)]


def test_rules_with_prefix_tree_macros_find_what_the_written_rules_find(shared_dir):
    """Every rule compiled from the macros as written, against the compiled rule."""
    import random
    import re

    from timeline.temporal.rules import _expand, _load_yaml, first_char_guard

    data = _load_yaml("rules.yaml")
    macros = {k: v.strip() for k, v in data["macros"].items()}
    plain = []
    for r in data["rules"]:
        body = _expand(r["pattern"], macros)
        plain.append(re.compile(rf"{first_char_guard(body)}(?<![\w]){body}(?![\w])", re.IGNORECASE))
    assert any(r.regex.pattern != p.pattern for r, p in zip(rules(), plain, strict=True))
    texts = _texts(random.Random(5), _articles(shared_dir, 300))
    texts.append(
        "Jan. Janu January JANUARY january jan Mar 5 Mar. March MARCH march marching Mayor May "
        "Sept. Sept Sep September sept. Tues. Tue. Thurs. Thur. Thu. Thursday thursday THURSDAY "
        "sixty-six days, sixteen weeks, seventeen, seventy years, a few weeks, an hour, a couple of "
        "months, several decades, dozens of years, twenty-first of May 2001, the thirty-first, "
        "the twelfth, this past week, this coming month, weekends, a weekend, millennia, ſix \u212aey "
        "ſeptember, next year, the past two months, fourteen nights, four"
    )
    for rule, regex in zip(rules(), plain, strict=True):
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in regex.finditer(text)], (rule.name, text)


def test_has_case_traps_is_the_case_traps_search():
    from timeline.temporal.rules import CASE_TRAPS, has_case_traps

    for text in ("", "plain ascii", "caf\u00e9", "\u017fince", "x\u212a", "\u0130stanbul", "\u0131", "’90s"):
        assert has_case_traps(text) == (CASE_TRAPS.search(text) is not None), text


# --- ASCII mode: in an ASCII-safe text, rules compiled with re.ASCII find the same ---

def test_ascii_mode_traps_are_the_ascii_characters_the_modes_read_apart():
    import re

    from timeline.temporal.rules import _ASCII_MODE_TRAPS

    apart = set()
    for c in map(chr, range(128)):
        for p in (r"\s", r"\w", r"\d", r"\b\w", r"[a-z]", r"[^\W\d_]"):
            for flags in (0, re.IGNORECASE):
                if bool(re.match(p, c, flags)) != bool(re.match(p, c, flags | re.ASCII)):
                    apart.add(c)
        for d in map(chr, range(128)):  # case folding of single characters
            if bool(re.match(re.escape(c), d, re.I)) != bool(re.match(re.escape(c), d, re.I | re.A)):
                apart.add(d)
    assert apart == set(_ASCII_MODE_TRAPS)


def test_ascii_rules_find_what_the_rules_find_in_ascii_safe_text(shared_dir):
    import random

    from timeline.temporal.rules import ascii_safe

    texts = [t for t in _texts(random.Random(3), _articles(shared_dir, 300)) if ascii_safe(t)]
    texts.append("MAY 5 May 5 may 5, the PAST TWO MONTHS, Tues. 4 p.m. 1600 GMT, FY2024, Q3 2024, 1990s")
    assert len(texts) > 2000
    assert not ascii_safe("May\x1c5") and not ascii_safe("caf\u00e9") and ascii_safe("May 5")
    for rule in rules():
        for text in texts:
            got = [(m.span(), m.groupdict()) for m in rule.ascii_regex.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in rule.regex.finditer(text)], (rule.name, text)
