"""Countries, organizations and titled people named in news text."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from timeline.events.actors import ActorIndex, find_actors, find_people


def _data(name: str) -> dict:
    return json.loads(resources.files("timeline.events").joinpath("data", name).read_text("utf-8"))


@pytest.mark.parametrize("text,iso3", _data("countries.json")["examples"])
def test_country_examples(text, iso3):
    assert iso3 in find_actors(text)[1]


@pytest.mark.parametrize("text,name", _data("organizations.json")["examples"])
def test_organization_examples(text, name):
    assert name in find_actors(text)[0]


@pytest.mark.parametrize("text,name", _data("people.json")["examples"])
def test_people_examples(text, name):
    assert name in [p.name for p in find_people(text)]


@pytest.mark.parametrize(
    "text,names,codes",
    [
        ("Pyongyang and North Korean troops", ["North Korea"], ["PRK"]),
        ("Beijing builds capacity", ["China"], ["CHN"]),
        ("Britain and the UK", ["United Kingdom"], ["GBR"]),
        ("the US and the U.S. Navy", ["United States"], ["USA"]),
        ("Russian Federation forces in Moscow", ["Russia"], ["RUS"]),
        ("the Republic of Korea and Seoul", ["South Korea"], ["KOR"]),
    ],
)
def test_aliases_map_to_one_normalized_name(text, names, codes):
    assert find_actors(text) == (names, codes)


def test_organizations_have_no_country_code():
    names, codes = find_actors("The EU, NATO, the UN, ASEAN, the AU and the G7 met.")
    assert names == ["European Union", "NATO", "United Nations", "ASEAN", "African Union", "G7"]
    assert codes == []


def test_lowercase_words_are_not_countries():
    assert find_actors("Tell us about the chad in the turkey sandwich.") == ([], [])


def test_surnames_join_the_full_name_given_elsewhere_in_the_article():
    text = ("EU foreign policy chief Josep Borrell met his counterpart Takeshi Iwaya. "
            "Mr Borrell said Mr. Iwaya agreed.")
    idx = ActorIndex(text)
    second = text.index("Mr Borrell")
    names = [a.name for a in idx.within(second, len(text))]
    assert names == ["Josep Borrell", "Takeshi Iwaya"]


def test_chained_titles_give_the_name_after_the_last_title():
    assert [p.name for p in find_people("Japanese Defense Minister General Nakatani")] == ["Nakatani"]
    assert [p.name for p in find_people("Prime Minister Shigeru Ishiba’s cabinet")] == ["Shigeru Ishiba"]


def test_companies_after_a_title_word_are_not_people():
    assert find_people("General Motors Corp. said it lost money.") == []
    assert find_people("President Bank of Korea officials met.") == []


def test_people_with_a_middle_initial_or_a_hyphenated_given_name_keep_their_whole_name():
    from timeline.events.actors import find_people

    text = ("US President George W. Bush met North Korean leader Kim Jong-un and Chief Executive "
            "Tung Chee-hwa. The Prime Minister Obama-backed plan failed.")
    names = [p.name for p in find_people(text)]
    assert names[:3] == ["George W. Bush", "Kim Jong-un", "Tung Chee-hwa"]
    assert "Obama-backed" not in " ".join(names)


def test_full_names_with_particles_and_regnal_numbers_and_no_weekday_names():
    from timeline.events.actors import find_people

    def names(text):
        return [p.name for p in find_people(text)]

    assert names("Iraqi Prime Minister Nuri al-Maliki said.") == ["Nuri al-Maliki"]
    assert names("Al-Qaeda leader Osama bin Laden was not handed over.") == ["Osama bin Laden"]
    assert names("NATO Secretary General Jaap de Hoop Scheffer arrived.") == ["Jaap de Hoop Scheffer"]
    assert names("Jordan's King Abdullah II begins a visit.") == ["Abdullah II"]
    assert names("A Malaysian opposition leader Friday called for calm.") == []


def test_a_person_named_again_by_surname_alone_is_the_same_actor():
    from timeline.events.actors import ActorIndex

    text = ("Ukrainian President Volodymyr Zelensky visited Washington on Sept. 26. "
            "Zelensky met lawmakers the same day; Zelensky's plan was presented on Oct. 16.")
    index = ActorIndex(text)
    people = [(text[a.start:a.end], a.name) for a in index.people]
    assert people == [("Volodymyr Zelensky", "Volodymyr Zelensky"), ("Zelensky", "Volodymyr Zelensky"),
                      ("Zelensky", "Volodymyr Zelensky")]


@pytest.mark.parametrize(
    "text",
    [
        # a surname that is also a month, or a word the text writes in lower case, is left alone
        "Prime Minister Theresa May resigned. Talks resumed in May.",
        "Secretary of State Condoleezza Rice arrived. Rice prices rose as rice exports fell.",
    ],
)
def test_a_bare_word_that_may_not_be_the_person_is_not_taken_for_them(text):
    from timeline.events.actors import ActorIndex

    index = ActorIndex(text)
    assert len(index.people) == 1


def test_many_people_named_again_by_surname_cost_linear_time():
    """Each surname is looked for in one pass over the text, not one pass per person."""
    import gc
    import string
    import time

    from timeline.events.actors import ActorIndex

    def names(n):
        letters = string.ascii_lowercase
        return [("Al" + "".join(letters[(i // 26 ** k) % 26] for k in range(4))).capitalize() for i in range(n)]

    def article(n):
        return " ".join(f"President Ivan {s} spoke. {s} left." for s in names(n))

    def cost(n):
        """The least CPU time of three runs, with the cyclic garbage collector paused: a
        collection of the whole test process's objects would be timed too."""
        text = article(n)
        spent = []
        gc.disable()
        try:
            for _ in range(3):
                t0 = time.process_time()
                index = ActorIndex(text)
                spent.append(time.process_time() - t0)
        finally:
            gc.enable()
        assert len(index.people) == 2 * n  # every surname found again
        return min(spent)

    cost(10)  # (the tables load once)
    small, big = cost(1000), cost(4000)
    assert big < max(small, 0.02) * 8
