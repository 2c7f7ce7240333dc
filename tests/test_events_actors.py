"""Countries, organizations and titled people named in news text."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from timeline.events.actors import ActorIndex, find_actors, find_people


def _data(name: str) -> dict:
    return json.loads(resources.files("timeline.events").joinpath("data", name).read_text("utf-8"))


def _least_cpu(make, text):
    """(least CPU time of three runs of ``make(text)``, its result), with the cyclic garbage
    collector paused: a collection of the whole test process's objects would be timed too."""
    import gc
    import time

    spent = []
    gc.disable()
    try:
        for _ in range(3):
            t0 = time.process_time()
            made = make(text)
            spent.append(time.process_time() - t0)
    finally:
        gc.enable()
    return min(spent), made


@pytest.mark.parametrize("text,iso3", _data("countries.json")["examples"])
def test_country_examples(text, iso3):
    assert iso3 in find_actors(text)[1]


@pytest.mark.parametrize("text,iso3", _data("countries.json")["not_examples"])
def test_names_holding_a_country_that_do_not_name_it(text, iso3):
    names, codes = find_actors(text)
    assert iso3 not in codes and not names


@pytest.mark.parametrize("text,country", [
    # a person's or a body's name that holds a country's is not the country
    ("Jordan Bardella said on Monday that his party would win", "Jordan"),
    ("Luis Montenegro met Pedro Sanchez in Lisbon", "Montenegro"),
    ("Defence Minister Israel Katz said troops would stay", "Israel"),
    ("The Minsk Group met in Vienna on Monday", "Belarus"),
])
def test_a_known_name_holding_a_country_is_not_the_country(text, country):
    assert country not in find_actors(text)[0]


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
    # nor are treaties after "General"
    assert find_people("the WTO's predecessor, the General Agreement on Tariffs and Trade (GATT)") == []


def test_people_with_a_middle_initial_or_a_hyphenated_given_name_keep_their_whole_name():
    from timeline.events.actors import find_people

    text = ("US President George W. Bush met North Korean leader Kim Jong-un and Chief Executive "
            "Tung Chee-hwa. The Prime Minister Obama-backed plan failed.")
    names = [p.name for p in find_people(text)]
    # (Kim Jong-un is a known person, named as the list of known people writes him)
    assert names[:3] == ["George W. Bush", "Kim Jong Un", "Tung Chee-hwa"]
    assert "Obama-backed" not in " ".join(names)
    # a given name's lower-case part of four letters, but no word joined on
    text = ("South Korean President Roh Moo-hyun met Koizumi. Prime Minister Meles Zenawi-led forces "
            "crossed. President Trump-like rhetoric grew.")
    names = [p.name for p in find_people(text)]
    assert names == ["Roh Moo-hyun", "Meles Zenawi", "Donald Trump"]  # (a known person)


def test_a_name_may_open_with_initials_and_a_title_alone_is_no_name():
    text = ("Yogyakarta police chief Colonel A.R. Gaffar said the students were arrested. Indian Prime "
            "Minister H.D. Deve Gowda met them.")
    assert [p.name for p in find_people(text)] == ["A.R. Gaffar", "H.D. Deve Gowda"]
    assert find_people("The police chief Colonel said nothing.") == []


def test_a_name_written_family_name_first_is_known_by_its_family_name():
    text = ("South Korean Foreign Minister Ban Ki-moon met Aso in Busan. Foreign Minister Ban later went "
            "ahead with the trip.")
    idx = ActorIndex(text)
    later = text.index("later")
    assert [a.name for a in idx.within(text.index("Foreign Minister Ban later"), later)] == ["Ban Ki-moon"]


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

    text = ("Ukrainian Defence Minister Rustem Umerov visited Washington on Sept. 26. "
            "Umerov met lawmakers the same day; Umerov's plan was presented on Oct. 16.")
    index = ActorIndex(text)
    people = [(text[a.start:a.end], a.name) for a in index.people]
    assert people == [("Rustem Umerov", "Rustem Umerov"), ("Umerov", "Rustem Umerov"),
                      ("Umerov", "Rustem Umerov")]


def test_known_people_are_actors_without_a_title_under_one_name():
    text = ("Ukrainian President Volodymyr Zelenskyy visited Washington on Sept. 26. "
            "Zelensky met Donald Trump the same day; Trump's plan was presented on Oct. 16 "
            "as Keir Starmer watched.")
    index = ActorIndex(text)
    found = [(text[a.start:a.end], a.name) for a in index.within(0, len(text)) if a.kind == "person"]
    assert found == [("Volodymyr Zelenskyy", "Volodymyr Zelensky"), ("Zelensky", "Volodymyr Zelensky"),
                     ("Donald Trump", "Donald Trump"), ("Trump", "Donald Trump"),
                     ("Keir Starmer", "Keir Starmer")]
    assert find_actors(text)[1] == ["UKR", "USA", "GBR"]


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Dennis Blair said on Monday. Blair left on Tuesday.", "Tony Blair"),  # another Blair
        ("Jim Modi met officials. Modi said.", "Narendra Modi"),
    ],
)
def test_a_known_surname_the_text_gives_another_person_is_not_the_known_person(text, absent):
    assert absent not in find_actors(text)[0]


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
    import string

    from timeline.events.actors import ActorIndex

    def names(n):
        letters = string.ascii_lowercase
        return [("Al" + "".join(letters[(i // 26 ** k) % 26] for k in range(4))).capitalize() for i in range(n)]

    def article(n):
        return " ".join(f"President Ivan {s} spoke. {s} left." for s in names(n))

    def cost(n):
        text = article(n)
        spent, index = _least_cpu(ActorIndex, text)
        assert len(index.people) == 2 * n  # every surname found again
        return spent

    cost(10)  # (the tables load once)
    small, big = cost(1000), cost(4000)
    assert big < max(small, 0.02) * 8


@pytest.mark.parametrize(
    "text,name,short",
    [
        ("the paramilitary Rapid Support Forces (RSF) seized the city", "Rapid Support Forces", "RSF"),
        ("India's ruling Bharatiya Janata Party (BJP) won", "Bharatiya Janata Party", "BJP"),
        ("the Syrian Observatory for Human Rights (SOHR), a monitor", "Syrian Observatory for Human Rights", "SOHR"),
        ("the Office of the High Commissioner for Human Rights (OHCHR)",
         "Office of the High Commissioner for Human Rights", "OHCHR"),
        # the shortest name the letters allow, and the capitalized word just before it
        ("Savimbi, leader of the National Union for the Total Independence of Angola (UNITA)",
         "National Union for the Total Independence of Angola", "UNITA"),
        ("Iran's Islamic Revolutionary Guard Corps (IRGC)", "Islamic Revolutionary Guard Corps", "IRGC"),
        ("a probe by the Central Bureau of Investigation's (CBI) team", "Central Bureau of Investigation", "CBI"),
    ],
)
def test_an_organization_the_text_defines_with_a_short_form(text, name, short):
    from timeline.events.actors import defined_names

    [(start, end, got, got_short)] = defined_names(text)
    assert (got, got_short) == (name, short)
    assert text[start:end] == name


@pytest.mark.parametrize(
    "text",
    [
        "growth in gross domestic product (GDP) slowed",   # not capitalized
        "at 12:35 Indian Standard Time (IST) on Monday",   # no body
        "the Comprehensive Plan of Action (JCPOA)",        # a plan, not a body
        "WASHINGTON (AP) - The",                           # a dateline
        "the Democratic Republic of Congo (DRC)",          # a country
        "talks (Reuters) (( (A) (AB)",
    ],
)
def test_short_forms_that_define_no_organization(text):
    from timeline.events.actors import defined_names

    assert defined_names(text) == []


def test_a_defined_organization_is_an_actor_wherever_the_text_names_it():
    text = ("The RSF denied the report. The paramilitary Rapid Support Forces (RSF) seized "
            "Wad Madani in 2023. The Rapid Support Forces later withdrew; RSF-led units stayed.")
    index = ActorIndex(text)
    found = [(text[a.start:a.end], a.name, a.kind) for a in index.places]
    assert found == [("RSF", "Rapid Support Forces", "organization"),
                     ("Rapid Support Forces", "Rapid Support Forces", "organization"),
                     ("RSF", "Rapid Support Forces", "organization"),
                     ("Rapid Support Forces", "Rapid Support Forces", "organization")]


def test_a_defined_name_keeps_the_country_inside_it_and_its_code():
    text = "A delegation of the Communist Party of China (CPC) arrived. The CPC said it would stay."
    assert find_actors(text) == (["Communist Party of China", "China"], ["CHN"])
    assert find_actors("The CPC said it would stay. The Communist Party of China (CPC) met.")[1] == ["CHN"]
    assert find_actors("Bank of Japan governor Kazuo Ueda spoke.")[1] == ["JPN"]


@pytest.mark.parametrize(
    "text,name",
    [
        ("the Organization of Petroleum Exporting Countries (OPEC) met. OPEC said", "OPEC"),
        ("the World Trade Organisation (WTO) ruled. The WTO said", "WTO"),
        ("the Organization for Economic Cooperation and Development (OECD) said. OECD data", "OECD"),
    ],
)
def test_another_spelling_of_a_known_name_is_the_known_organization(text, name):
    assert find_actors(text)[0] == [name]


def test_the_text_s_own_meaning_of_a_known_short_form_wins():
    text = ("Tshisekedi's Union for Democracy and Social Progress (UNDP) party marched. "
            "The UNDP said it would go on.")
    assert find_actors(text)[0] == ["Union for Democracy and Social Progress"]
    assert find_actors("The UNDP said aid would rise.")[0] == ["UNDP"]


def test_many_defined_names_cost_linear_time():
    import string

    from timeline.events.actors import defined_names

    def article(n):
        caps = string.ascii_uppercase
        shorts = ["".join(caps[(i // 26 ** k) % 26] for k in range(3)) for i in range(n)]
        return " ".join(f"The {a}x {b}y {c}z Party ({a}{b}{c}P) met. {a}{b}{c}P said."
                        for a, b, c in shorts)

    def cost(n):
        text = article(n)
        spent, index = _least_cpu(ActorIndex, text)
        assert len(defined_names(text)) == n and len(index.places) == 3 * n  # name, (short), short
        return spent

    cost(10)
    small, big = cost(500), cost(2000)
    assert big < max(small, 0.02) * 8


@pytest.mark.parametrize(
    "text,names",
    [
        ("Bilateral trade reached 171.9 billion U.S. dollars in 2023.", []),
        ("The US dollar rose against the Japanese yen.", []),
        ("Japan won the match.", ["Japan"]),                   # "won" the verb, not the currency
        ("The U.S. imposed sanctions on dollar transfers.", ["United States"]),
    ],
)
def test_a_country_naming_a_currency_is_no_actor(text, names):
    assert find_actors(text)[0] == names


@pytest.mark.parametrize("text,name", [
    # names with the accents of Latin alphabets are whole
    ("Opposition leader Domingos Simões Pereira said the vote was rigged", "Domingos Simões Pereira"),
    ("President Andrés Manuel López spoke", "Andrés Manuel López"),
])
def test_a_titled_name_with_accents_is_whole(text, name):
    assert name in find_actors(text)[0]
