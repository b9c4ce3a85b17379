"""Actor resolution: countries, capitals, IGOs, role nouns, titled people, later mentions,
coordination, pronouns, user dictionaries winning over our lexicon, and the seed's gold actors."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.analysis.actors import ActorResolver, ArticleActors
from chronicle.analysis.components import actor_resolver
from chronicle.config import Config
from chronicle.model import Actor, Article, Document


@pytest.fixture(scope="module")
def resolver() -> ActorResolver:
    return actor_resolver(Config())


def resolve(nlp, resolver: ActorResolver, body: str, **meta) -> ArticleActors:
    article = Article(id="t", source="test", body=body, **meta)
    return resolver.resolve(nlp(body), article)


def code_of(actors: ArticleActors, text: str, nth: int = 0) -> str | None:
    """Code of the mention whose text is ``text`` (the nth such mention)."""
    found = [m for m in actors.mentions if m.text == text]
    return found[nth].code if len(found) > nth else None


def person(actors: ArticleActors, name: str) -> Actor:
    return next(a for a in actors.actors if a.kind == "person" and a.name == name)


def test_countries_capitals_and_igos(nlp, resolver):
    body = "Damascus rejected the plan, the U.N. said. NATO and the West warned Iran."
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "Damascus") == "SYRGOV"
    assert code_of(actors, "U.N.") == "IGOUNO"
    assert code_of(actors, "NATO").startswith("IGO")
    assert [m.sector for m in actors.mentions if m.text == "NATO"] == ["MIL"]
    assert code_of(actors, "West") == "WST"
    assert code_of(actors, "Iran") == "IRN"


def test_role_nouns_take_the_country_beside_them(nlp, resolver):
    body = "Turkish officials said the ship had charted course for Tartus. Afghan police arrested two men."
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "Turkish officials") == "TURGOV"
    assert code_of(actors, "Afghan police") == "AFGCOP"


def test_coordinated_countries_give_one_mention_each(nlp, resolver):
    body = "Russian and Chinese diplomats blocked the resolution on Monday."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    head = next(t for t in doc if t.text == "diplomats")
    span = actors.mentions_in_span(0, head.idx + len(head.text))
    assert sorted(m.code for m in span) == ["CHNGOV", "RUSGOV"]
    assert actors.mention_for_token(head).code == "RUSGOV"
    chinese = next(t for t in doc if t.text == "Chinese")
    assert actors.mention_for_token(chinese).code == "CHNGOV"


def test_title_name_later_mentions_and_pronoun(nlp, resolver):
    body = (
        "Russian Foreign Minister Oleg Markov met envoys in Geneva on Monday. "
        "Markov said talks would go on. He declined to give a date."
    )
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    markov = person(actors, "Oleg Markov")
    assert (markov.code, markov.role) == ("RUSGOV", "Foreign Minister")
    texts = [m.text for m in markov.mentions]
    assert "Markov" in texts and "He" in texts
    he = next(t for t in doc if t.text == "He")
    assert actors.resolve_pronoun(he).actor_id == markov.id


def test_he_after_a_quote_is_the_previous_sentence_subject(nlp, resolver):
    body = (
        "Foreign Minister Sergei Ivanov said President Omar Haddad would not agree to withdraw. "
        '"A unilateral pullout would be unrealistic," he said.'
    )
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    he = next(t for t in doc if t.text == "he")
    assert actors.resolve_pronoun(he).name == "Sergei Ivanov"


def test_title_country_from_context_and_never_police(nlp, resolver):
    body = (
        "A senior Russian government official said Moscow would keep its contracts. "
        "Deputy Defense Minister Pavel Orlov said security was the only worry. "
        "Interior Minister Ivan Belov agreed."
    )
    actors = resolve(nlp, resolver, body)
    assert person(actors, "Pavel Orlov").code == "RUSGOV"
    assert person(actors, "Ivan Belov").code == "RUSGOV"


def test_role_noun_country_from_the_sentence(nlp, resolver):
    body = "Syria's army shelled Homs. The crackdown by Syria on the opposition went on."
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "opposition") == "SYROPP"
    assert code_of(actors, "Syria's army") == "SYRMIL"


def test_the_minister_refers_back_to_the_titled_person(nlp, resolver):
    body = "Pakistani Interior Minister Rehman Malik spoke on Sunday. The minister said the border was closed."
    actors = resolve(nlp, resolver, body)
    malik = person(actors, "Rehman Malik")
    assert malik.code == "PAKGOV"
    assert any(m.text == "minister" for m in malik.mentions)


def test_it_and_they_resolve_to_groups(nlp, resolver):
    body = "Iran rejected the offer on Sunday. It said the talks were over."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    it = next(t for t in doc if t.text == "It")
    assert actors.resolve_pronoun(it).code == "IRN"
    assert actors.resolve_pronoun(doc[0]) is None  # "Iran" is no pronoun


def test_they_prefers_a_plural_group_and_it_a_singular_one(nlp, resolver):
    body = "Syrian rebels said Damascus shelled Homs. They said it also bombed Aleppo."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    they = next(t for t in doc if t.text == "They")
    it = next(t for t in doc if t.text == "it")
    assert actors.resolve_pronoun(they).code == "SYRREB"
    assert actors.resolve_pronoun(it).code == "SYRGOV"


def test_it_never_refers_to_a_lone_adjective(nlp, resolver):
    body = "Moscow has been an ally of Syria since Soviet times, when it was led by Hafez Assad."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    it = next(t for t in doc if t.text == "it")
    assert actors.resolve_pronoun(it).code == "SYR"


def test_lowercase_words_are_not_countries(nlp, resolver):
    actors = resolve(nlp, resolver, "They ate turkey and went to china shops with us.")
    assert not any(m.kind == "country" for m in actors.mentions)


def test_mentions_round_trip_and_sit_on_their_text(nlp, resolver):
    body = "Kabul accused Pakistani militants of the attack."
    actors = resolve(nlp, resolver, body)
    assert actors.mentions, "expected mentions"
    for m in actors.mentions:
        assert body[m.start : m.end] == m.text
    for a in actors.actors:
        assert Actor.from_dict(a.to_dict()) == a
    assert code_of(actors, "Kabul") == "AFGGOV"
    assert code_of(actors, "Pakistani militants") == "PAKREB"


def test_user_dictionary_wins_and_dated_codes_follow_the_article_date(nlp, tmp_path: Path):
    actors_file = tmp_path / "Test.actors.txt"
    actors_file.write_text(
        "# fictional actors\n"
        "ARNOR_ [ARN]\n"
        "+ARNORIAN\n"
        "MOSCOW [XYZGOV]\n"
        "ARAGORN_ELESSAR\n"
        "+ARAGORN\n"
        "\t[ARNREB <20091231]\n"
        "\t[ARNGOV >20100101]\n"
        "THE_SHIRE [FRO/BIL]\n",
        encoding="utf-8",
    )
    agents_file = tmp_path / "Test.agents.txt"
    agents_file.write_text("RANGER [~MIL]\n", encoding="utf-8")
    resolver = actor_resolver(Config(), dictionaries=[str(actors_file), str(agents_file)])
    body = "Aragorn said Arnorian rangers would stay in Moscow."
    late = resolve(nlp, resolver, body, published="2012-03-14")
    early = resolve(nlp, resolver, body, published="2005-06-01")
    assert code_of(late, "Aragorn") == "ARNGOV"
    assert code_of(early, "Aragorn") == "ARNREB"
    assert code_of(late, "Arnorian rangers") == "ARNMIL"
    assert code_of(late, "Moscow") == "XYZGOV"
    shire = resolve(nlp, resolver, "Mordor, the Shire and Gondor welcomed the talks.")
    start = shire.doc.text.index("the Shire")
    assert sorted(m.code for m in shire.mentions_in_span(start, start + len("the Shire"))) == ["BIL", "FRO"]


def test_seed_actors(shared, nlp, resolver, seed_path, seed_gold):
    from chronicle.articles import build_article
    from chronicle.readers import read

    article = build_article(read(Document(source=str(seed_path), content=seed_path.read_bytes())))
    actors = resolver.resolve(nlp(article.body), article)
    for gold in seed_gold["actors"]:
        names = [gold["name"]] + gold.get("aliases", [])
        found = _gold_match(actors, names)
        assert found is not None, f"no mention of {gold['name']}"
        sectors = [gold["sector"]] + gold.get("acceptable_sectors", [])
        assert (found.country, found.sector) in [(gold["country"], s) for s in sectors], (gold, found)


def _gold_match(actors: ArticleActors, names: list[str]):
    """The mention a gold actor names: same name, or same text without a leading 'the'."""
    wanted = {n.lower().removeprefix("the ") for n in names}
    for m in actors.mentions:
        if (m.name or "").lower() in wanted or m.text.lower().removeprefix("the ") in wanted:
            return m
    return None


def test_yaml_user_dictionary_names_and_roles(nlp, tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - names: [Anatoly Antonov, Antonov]\n    code: RUSMIL\n"
        "agents:\n  - names: [field commander]\n    code: MIL\n",
        encoding="utf-8",
    )
    resolver = actor_resolver(Config(dictionaries=[str(path)]))
    actors = resolve(nlp, resolver, "Antonov met Afghan field commanders in Kabul.")
    assert code_of(actors, "Antonov") == "RUSMIL"
    assert code_of(actors, "Afghan field commanders") == "AFGMIL"


def test_titled_person_takes_a_later_place_but_not_a_target(nlp, resolver):
    placed = resolve(nlp, resolver, "President Paul Mbeki announced a curfew in Abidjan on Sunday.")
    assert person(placed, "Paul Mbeki").code == "CIVGOV"
    targeted = resolve(nlp, resolver, "President Paul Mbeki threatened further action against Russia.")
    assert person(targeted, "Paul Mbeki").country is None


def test_dated_lexicon_codes_follow_the_article_date(nlp, resolver):
    body = "The Taliban said on Sunday that the talks would go on."
    before = resolve(nlp, resolver, body, published="2019-03-01")
    after = resolve(nlp, resolver, body, published="2022-03-01")
    assert [(m.code, m.sector) for m in before.mentions if m.text == "Taliban"] == [("AFGREB", "REB")]
    assert [(m.code, m.sector) for m in after.mentions if m.text == "Taliban"] == [("AFGGOV", "GOV")]


def test_user_entry_without_a_code_for_the_date_falls_back_to_title(nlp, tmp_path: Path):
    path = tmp_path / "Old.actors.txt"
    path.write_text("PETRO_IVANENKO_\n\t[UKRGOV 20000101-20050101]\n", encoding="utf-8")
    agents = tmp_path / "Old.agents.txt"
    agents.write_text("REGIME [~GOV]\n", encoding="utf-8")
    resolver = actor_resolver(Config(), dictionaries=[str(path), str(agents)])
    body = "Ukrainian Defense Minister Petro Ivanenko said the Ukrainian regime would not bow."
    actors = resolve(nlp, resolver, body, published="2012-01-01")
    assert person(actors, "Petro Ivanenko").code == "UKRGOV"
    assert code_of(actors, "Ukrainian regime") == "UKRGOV"


def test_context_lends_the_country_valid_on_the_article_date(nlp, tmp_path: Path):
    path = tmp_path / "Dated.actors.txt"
    path.write_text("GEORGIAN_\n\t[USRGEO <19910409]\n\t[GEO >19911221]\n", encoding="utf-8")
    resolver = actor_resolver(Config(), dictionaries=[str(path)])
    body = "Georgian demonstrators received ministers from the capital."
    actors = resolve(nlp, resolver, body, published="2008-08-04")
    assert code_of(actors, "ministers") == "GEOGOV"


def test_a_dateline_capital_is_a_place_not_the_government(nlp, resolver):
    actors = resolve(nlp, resolver, "Kabul (Reuters) - Kabul rejected the offer on Sunday.")
    assert [m.code for m in actors.mentions if m.text == "Kabul"] == ["AFG", "AFGGOV"]


def test_an_all_caps_dateline_names_no_actor(nlp, resolver):
    for body in ("KABUL (Reuters) - Police arrested two men.", "GAZA CITY, Jan 5 (AFP) - Police arrested two men."):
        actors = resolve(nlp, resolver, body)
        assert [m.text for m in actors.mentions if m.text.isupper()] == []
    assert code_of(resolve(nlp, resolver, "IRAN, the report said, is ready."), "IRAN") == "IRN"


def test_conjoined_actors(nlp, resolver):
    body = "The United States, Russia and Switzerland met Iran in Geneva. Russian and Chinese diplomats left."
    actors = resolve(nlp, resolver, body)
    russia = next(m for m in actors.mentions if m.text == "Russia")
    assert [m.code for m in actors.conjoined(russia)] == ["USA", "RUS", "CHE"]
    diplomats = next(m for m in actors.mentions if m.text.startswith("Russian and"))
    assert [m.code for m in actors.conjoined(diplomats)] == ["RUSGOV", "CHNGOV"]
    iran = next(m for m in actors.mentions if m.text == "Iran")
    assert actors.conjoined(iran) == [iran]
    envoys = resolve(nlp, resolver, "The ambassadors of Iraq, Syria and Jordan met on Monday.")
    first = envoys.mention_for_token(envoys.doc[1])
    assert [m.code for m in envoys.conjoined(first)] == ["IRQGOV", "SYRGOV", "JORGOV"]


def test_lists_the_parser_misses_are_read_from_the_words(nlp, resolver):
    # "the evil awful" before an item breaks the parse of the list; the words still list it
    actors = resolve(nlp, resolver, "Chile and the evil awful Peru welcomed the talks with Italy.")
    peru = next(m for m in actors.mentions if m.text == "Peru")
    assert [m.code for m in actors.conjoined(peru)] == ["CHL", "PER"]
    three = resolve(nlp, resolver, "Austria, Hungary and the evil awful Germany welcomed the talks.")
    germany = next(m for m in three.mentions if m.text == "Germany")
    assert [m.code for m in three.listed(germany)] == ["HUN", "AUT"]
    # commas alone are an apposition, and a new clause's subject is no list item
    apposition = resolve(nlp, resolver, "Its neighbour, Iran, said nothing.")
    iran = next(m for m in apposition.mentions if m.text == "Iran")
    assert apposition.listed(iran) == []
    clauses = resolve(nlp, resolver, "Rebels attacked Homs in Syria, and Turkey condemned the attack.")
    syria = next(m for m in clauses.mentions if m.text == "Syria")
    assert "TUR" not in [m.code for m in clauses.conjoined(syria)]


def test_a_lower_case_demonym_before_a_role_noun_names_its_country(nlp, resolver):
    actors = resolve(nlp, resolver, "Syrian forces clashed with tunisian rioters in the square.")
    assert code_of(actors, "tunisian rioters") == "TUNCVL"  # PLOVER: protesters and rioters are CVL
    # a pronoun is no demonym: "us" here is not the United States
    actors = resolve(nlp, resolver, "They told us officials were gone.")
    assert not any((m.code or "").startswith("USA") for m in actors.mentions)


def test_a_country_named_as_a_base_lends_no_country(nlp, resolver):
    actors = resolve(nlp, resolver, "The UK-based monitor said government forces shelled the town.")
    assert code_of(actors, "government forces") == "MIL"  # their sector alone: no country


def test_a_role_noun_with_no_country_codes_its_sector_alone(nlp, resolver):
    actors = resolve(nlp, resolver, "Police arrested six people on Monday.")
    assert (code_of(actors, "Police"), code_of(actors, "people")) == ("COP", None)
    police = next(m for m in actors.mentions if m.text == "Police")
    assert (police.country, police.sector) == (None, "COP")


def test_they_refers_to_coordinated_actors(nlp, resolver):
    body = "Russia and China said that the plan by Britain was wrong and they would veto it."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    they = actors.resolve_pronoun(next(t for t in doc if t.text == "they"))
    assert [m.code for m in actors.conjoined(they)] == ["RUS", "CHN"]


def test_a_west_bank_town_names_palestine(nlp, resolver):
    actors = resolve(nlp, resolver, "Israeli troops detained the mayor of Nablus.")
    assert code_of(actors, "mayor") == "PSEGOV"
    actors = resolve(nlp, resolver, "Israel released the mayor of the northern West Bank city of Hebron.")
    assert code_of(actors, "mayor") == "PSEGOV"


def test_a_possessive_country_beats_the_host_country(nlp, resolver):
    body = "Qatar has pledged to expel exiled leaders of Egypt's Muslim Brotherhood."
    assert code_of(resolve(nlp, resolver, body), "exiled leaders") == "EGYOPP"


def test_institutions_take_their_home_country(nlp, resolver):
    assert code_of(resolve(nlp, resolver, "Congress is asking Obama to help Iran."), "Congress") == "USALEG"
    # no US named: Congress may be another country's, so its sector alone rather than a guess
    assert code_of(resolve(nlp, resolver, "Congress voted against the deal."), "Congress") == "LEG"
    assert code_of(resolve(nlp, resolver, "The Kremlin criticised Ukrainian officials."), "Kremlin") == "RUSGOV"


def test_kurdish_rebels_take_the_country_of_their_context(nlp, resolver):
    actors = resolve(nlp, resolver, "Turkish troops fought Kurdish rebels near the border.")
    assert code_of(actors, "Kurdish rebels") == "TURREB"


def test_sides_of_a_conflict_are_no_political_party(nlp, resolver):
    actors = resolve(nlp, resolver, "Ruritania urged both parties and all parties to the conflict to stop fighting.")
    assert not any(m.sector == "PTY" for m in actors.mentions)
    actors = resolve(nlp, resolver, "Kenyan police arrested members of the opposition party in Nairobi.")
    assert any(m.code == "KENOPP" for m in actors.mentions)  # PLOVER OPP: "opposition parties"


def test_a_role_code_is_no_country_to_lend(nlp, tmp_path: Path):
    # a news agency coded by its role alone ("AFP [MED]" in Phoenix) names no country
    actors_file = tmp_path / "Press.actors.txt"
    actors_file.write_text("GONDOR_HERALD\n\t[MED]\n", encoding="utf-8")
    agents_file = tmp_path / "Press.agents.txt"
    agents_file.write_text("CORRESPONDENT [~MED]\nPEACEKEEPER [~MIL]\n", encoding="utf-8")
    resolver = actor_resolver(Config(), dictionaries=[str(actors_file), str(agents_file)])
    actors = resolve(nlp, resolver, "A Gondor Herald correspondent said rebels kidnapped dozens of peacekeepers.")
    assert code_of(actors, "Gondor Herald correspondent") == "MED"
    assert not (code_of(actors, "peacekeepers") or "").startswith("MED")


def test_role_nouns_take_plover_sector_codes(nlp, resolver):
    # PLOVER's sector names, where they differ from CAMEO's agent codes: JRN for the media
    # (CAMEO MED), MED for health (CAMEO HLH); and its SPY, EDU, LAB, AGR sectors
    body = ("Kenyan journalists and Kenyan doctors met Kenyan intelligence officers, "
            "Kenyan students, Kenyan workers and Kenyan peasants in the square.")
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "Kenyan journalists") == "KENJRN"
    assert code_of(actors, "Kenyan doctors") == "KENMED"
    assert code_of(actors, "Kenyan intelligence officers") == "KENSPY"
    assert code_of(actors, "Kenyan students") == "KENEDU"
    assert code_of(actors, "Kenyan workers") == "KENLAB"
    assert code_of(actors, "Kenyan peasants") == "KENAGR"
    # protesters are civilians in PLOVER, not the political opposition
    actors = resolve(nlp, resolver, "Kenyan protesters marched on the palace; Kenyan servicemen watched.")
    assert code_of(actors, "Kenyan protesters") == "KENCVL"
    assert code_of(actors, "Kenyan servicemen") == "KENMIL"
    actors = resolve(nlp, resolver, "Kenyan settlers and Kenyan youths freed Kenyan prisoners.")
    assert [code_of(actors, t) for t in ("Kenyan settlers", "Kenyan youths", "Kenyan prisoners")] == ["KENCVL"] * 3
    actors = resolve(nlp, resolver, "A Kenyan terror group attacked the Kenyan opposition coalition.")
    assert [code_of(actors, "Kenyan terror group"), code_of(actors, "Kenyan opposition coalition")] == ["KENREB", "KENOPP"]


def test_former_officials_are_elites(nlp, resolver):
    # PLOVER ELI: former officials no longer in government, whether titled or role nouns
    body = "Former Kenyan President Daniel Mwangi met ousted Kenyan officials and the Kenyan president."
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "Former Kenyan President Daniel Mwangi") == "KENELI"
    assert code_of(actors, "ousted Kenyan officials") == "KENELI"
    assert code_of(actors, "Kenyan president") == "KENGOV"
    assert code_of(resolve(nlp, resolver, "Kenyan ex-president Daniel Mwangi spoke."),
                   "Kenyan ex-president Daniel Mwangi") == "KENELI"


def test_a_role_noun_in_a_compound_with_its_country_is_an_actor(nlp, resolver):
    # "Kenyan army bulldozers": the army's bulldozers, so the army acts
    actors = resolve(nlp, resolver, "Kenyan army bulldozers demolished the houses near the border.")
    assert code_of(actors, "Kenyan army") == "KENMIL"
    actors = resolve(nlp, resolver, "The prisoner died in Kenyan police custody last week.")
    assert code_of(actors, "Kenyan police") == "KENCOP"


def test_counted_people_of_a_country_are_civilians(nlp, resolver):
    assert code_of(resolve(nlp, resolver, "Thousands of Kenyans marched in Nairobi."), "Kenyans") == "KENCVL"
    assert code_of(resolve(nlp, resolver, "Some 800,000 Kenyans fled the drought."), "Kenyans") == "KENCVL"
    # a people of a country, counted: "Some 800,000 Iraqi Kurds"
    assert code_of(resolve(nlp, resolver, "Some 800,000 Iraqi Kurds fled the fighting."), "Iraqi Kurds") == "IRQCVL"
    # uncounted, the people stand for their country
    assert code_of(resolve(nlp, resolver, "The Kenyans rejected the plan."), "Kenyans") == "KEN"


def test_a_quantified_people_of_a_country_are_civilians(nlp, resolver):
    assert code_of(resolve(nlp, resolver, "Many Kenyans accused the police of brutality."), "Kenyans") == "KENCVL"
    assert code_of(resolve(nlp, resolver, "Most Americans criticized the ruling."), "Americans") == "USACVL"
    assert code_of(resolve(nlp, resolver, "Ordinary Iraqis rejected the deal."), "Iraqis") == "IRQCVL"


def test_a_capital_named_as_a_place_is_its_people(nlp, resolver):
    actors = resolve(nlp, resolver, "Nairobi rejected the offer after rebels attacked shops in central Nairobi.")
    assert [m.code for m in actors.mentions if m.text == "Nairobi"] == ["KENGOV", "KENCVL"]


def test_us_congress_titles_and_party_tags_give_the_usa(nlp, resolver):
    # an article mostly about Ruritania-like Russia: the US lawmakers stay American
    body = ("Russia denied the hacking. Moscow said Russian agents had no part in it. "
            "Rep. Elmer Quist urged the administration to respond. "
            "Vinnie Halloran (R-Ohio) criticised Russia on Tuesday.")
    actors = resolve(nlp, resolver, body, title="Russia denies hacking")
    assert code_of(actors, "Rep. Elmer Quist") == "USALEG"
    assert code_of(actors, "Vinnie Halloran") == "USALEG"


def test_bare_officer_is_police_beside_police_words(nlp, resolver):
    body = ("Police in Millbrook said a man was shot on Friday. An officer fired twice. "
            "Rebels attacked the base. Two officers were killed.")
    actors = resolve(nlp, resolver, body)
    assert [m.sector for m in actors.mentions if m.text == "officer"] == ["COP"]
    assert [m.sector for m in actors.mentions if m.text == "officers"] == ["MIL"]
    body = "Three law enforcement officers and a military officer guarded the court."
    actors = resolve(nlp, resolver, body)
    assert [m.sector for m in actors.mentions if "law enforcement" in m.text] == ["COP"]
    assert [m.sector for m in actors.mentions if "military officer" in m.text] == ["MIL"]


def test_us_states_and_cities_make_the_article_american_but_are_no_actors(nlp, resolver):
    body = ("Governor Maria Pell toured Ohio on Monday. She met farmers in Texas and Kansas, "
            "and a Chicago judge praised her. Mexico welcomed the visit.")
    actors = resolve(nlp, resolver, body)
    assert code_of(actors, "Governor Maria Pell") == "USAGOV"
    assert code_of(actors, "Chicago judge") == "USAJUD"
    assert not [m for m in actors.mentions if m.text in ("Ohio", "Texas", "Kansas")]
    assert code_of(actors, "Mexico") == "MEX"


def test_he_and_she_skip_a_person_of_the_other_gender(nlp, resolver):
    # an honorific tells: "he" is not Mrs. Holt, the nearest person, but the governor
    body = "Governor Paul Brink met Mrs. Dana Holt in Lakeport. Holt said he had misled voters."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    he = next(t for t in doc if t.text == "he")
    assert actors.resolve_pronoun(he).name == "Paul Brink"
    # so do the pronouns already resolved to a person: Tova Renn is "she" twice
    body = ("Tova Renn arrived in Lakeport on Monday. She met the mayor. She praised the port. "
            "Omar Quill spoke later. Renn said he had been unfair.")
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    he = next(t for t in doc if t.text == "he")
    assert actors.resolve_pronoun(he).name == "Omar Quill"


def _pronoun_actor(actors: ArticleActors, word: str, nth: int = 0) -> Actor | None:
    """The actor the nth pronoun ``word`` of the article was attached to."""
    found = sorted((m for a in actors.actors for m in a.mentions if m.kind == "pronoun" and m.text == word),
                   key=lambda m: m.start)
    return actors.actor(found[nth]) if len(found) > nth else None


def test_he_inside_a_quote_is_not_the_quotes_speaker(nlp, resolver):
    body = ("Senator Tomas Varga met the trade envoy Piotr Halden in Arnor on Monday.\n"
            "Varga was unhappy with the talks.\n"
            "\"He would not even look at me,\" Varga said.")
    actors = resolve(nlp, resolver, body)
    assert _pronoun_actor(actors, "He").name == person(actors, "Piotr Halden").name
    # the same pronoun outside a quotation still goes to the last subject
    body = ("Senator Tomas Varga met the trade envoy Piotr Halden in Arnor on Monday.\n"
            "Varga was unhappy with the talks.\n"
            "He said the envoy would not look at him.")
    actors = resolve(nlp, resolver, body)
    assert _pronoun_actor(actors, "He").name == person(actors, "Tomas Varga").name


def test_he_inside_a_quote_with_no_other_person_stays_unresolved(nlp, resolver):
    body = ("Governor Elena Marsh visited flooded villages in Kenya on Tuesday.\n"
            "\"She told us nothing,\" Marsh said after the meeting.")
    actors = resolve(nlp, resolver, body)
    assert _pronoun_actor(actors, "She") is None



def test_they_inside_a_quote_is_not_the_group_quoted(nlp, resolver):
    body = ("Rebels accused Arnorian soldiers of shelling villages.\n"
            "\"They fired first,\" the rebels said.")
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    they = next(t for t in doc if t.text == "They")
    assert actors.resolve_pronoun(they).text == "Arnorian soldiers"


def test_a_candidate_is_a_party_actor_and_a_former_president_an_elite(nlp, resolver):
    # whole-article gold: 2016 campaign articles coded Trump and Clinton as the government
    body = "Donald Trump criticized Hillary Clinton on Monday."
    campaign = resolve(nlp, resolver, body, published="2016-09-12")
    assert code_of(campaign, "Donald Trump") == "USAPTY"
    assert code_of(campaign, "Hillary Clinton") == "USAPTY"
    later = resolve(nlp, resolver, "Barack Obama met Joe Biden on Monday.", published="2018-05-02")
    assert code_of(later, "Barack Obama") == "USAELI"
    assert code_of(later, "Joe Biden") == "USAELI"
    undated = resolve(nlp, resolver, body)
    assert code_of(undated, "Donald Trump") == "USAGOV"  # undated sentences keep the common code


def test_georgia_is_a_us_state_in_an_american_story_and_the_country_in_a_caucasus_one(nlp, resolver):
    american = resolve(nlp, resolver, "The governor of Georgia, Brian Kemp, signed the bill in Atlanta.")
    assert code_of(american, "governor") == "USAGOV"
    assert code_of(american, "Georgia") is None  # a US state lends its country, and is no actor
    caucasus = resolve(nlp, resolver, "Georgian troops left Tbilisi. Georgia protested to Moscow.")
    assert code_of(caucasus, "Georgia") == "GEO"


def test_san_jose_is_californian_in_an_american_story_and_costa_ricas_capital_in_a_central_american_one(nlp, resolver):
    american = resolve(nlp, resolver, "The mayor of San Jose criticized the governor of California.")
    assert code_of(american, "mayor") == "USAGOV"
    assert code_of(american, "San Jose") is None
    central = resolve(nlp, resolver, "San Jose rejected the demands of Nicaragua, a Costa Rican minister said.")
    assert code_of(central, "San Jose") == "CRIGOV"


def test_actor_kb_setting_places_people_only_the_knowledge_base_knows(nlp):
    body = "Rishi Sunak met the delegation on Monday."
    plain = resolve(nlp, actor_resolver(Config(actor_kb="")), body, published="2023-05-02")
    with_kb = resolve(nlp, actor_resolver(Config(actor_kb="shipped")), body, published="2023-05-02")
    assert [m.country for m in plain.mentions if m.text == "Rishi Sunak"] in ([], [None])
    assert [(m.country, m.sector) for m in with_kb.mentions if m.text == "Rishi Sunak"] == [("GBR", "GOV")]


def test_an_abbreviated_title_the_tokenizer_split_and_a_retired_officer(nlp, resolver):
    actors = resolve(nlp, resolver, "Retired Lt. Gen. Michael Flynn praised the plan. Lt. Gen. Jane Roe met him.")
    flynn = next(a for a in actors.actors if a.name == "Michael Flynn")
    roe = next(a for a in actors.actors if a.name == "Jane Roe")
    assert (flynn.role, flynn.sector) == ("Retired Lt. Gen.", "ELI")
    assert (roe.role, roe.sector) == ("Lt. Gen.", "MIL")
    # a sentence's last word is no abbreviation: "minister." does not title the next name
    after = resolve(nlp, resolver, "The crowd cheered the minister. Jane Roe spoke next.")
    assert next(a for a in after.actors if a.name == "Jane Roe").role is None


def test_a_surname_before_the_full_name_is_that_person(nlp, resolver):
    actors = resolve(nlp, resolver, "Kowalski says the plan will fail. Senator Anna Kowalski of Ohio spoke on Monday. Kowalski said more.")
    named = [a for a in actors.actors if a.name and "Kowalski" in a.name]
    assert [(a.name, a.sector, len(a.mentions)) for a in named] == [("Anna Kowalski", "LEG", 3)]
    # two people of that surname: the bare one is neither
    two = resolve(nlp, resolver, "Kowalski speaks. Senator Anna Kowalski met Governor Tom Kowalski on Monday.")
    assert sorted(len(a.mentions) for a in two.actors if a.name and "Kowalski" in a.name) == [1, 1, 1]


def test_a_person_described_beside_the_name_takes_the_roles_sector_and_country(nlp, resolver):
    actors = resolve(nlp, resolver, "Anna Kowalski, a Kenyan opposition lawmaker, criticized the plan.")
    assert person(actors, "Anna Kowalski").code == "KENLEG"
    # a generic role speaks for the group named after it
    spokesperson = resolve(nlp, resolver, "Tom Reed, a spokesperson for the Kenyan army, said the claim was false.")
    assert person(spokesperson, "Tom Reed").code == "KENMIL"
    # "X and Y, the envoy": the role describes the name right before the comma, with its owner's country
    pair = resolve(nlp, resolver, "Mr. Reed and Anna Kowalski, the State Department's climate envoy, began talks with China.")
    assert person(pair, "Anna Kowalski").code == "USAGOV"
    assert person(pair, "Reed").code is None


def test_a_city_police_force_by_its_initials_and_the_europeans_as_a_bloc(nlp, resolver):
    assert code_of(resolve(nlp, resolver, "The NYPD arrested two men on Monday."), "NYPD") == "USACOP"
    assert code_of(resolve(nlp, resolver, "The Europeans rejected the plan."), "Europeans") == "EUR"


def test_a_spokesman_for_a_group_takes_its_country(nlp, resolver):
    actors = resolve(nlp, resolver, "Israel built homes. A spokesman for the Kenyan army denied the report.")
    assert code_of(actors, "spokesman") == "KENGOV"


def test_mentions_of_one_person_share_the_sector_one_of_them_gives(nlp, resolver):
    actors = resolve(nlp, resolver, "Kowalski spoke in Washington on Monday. Later, Kowalski (D-Ohio) campaigned in Ohio.")
    kowalski = [a for a in actors.actors if a.name == "Kowalski"]
    assert len(kowalski) == 1 and {m.code for m in kowalski[0].mentions} == {"USALEG"}


def test_a_bare_surname_is_the_articles_own_person_before_a_famous_namesake(nlp, resolver):
    actors = resolve(nlp, resolver, "Police arrested Marek T. Blair, 40, on Monday. Blair was released on bond.")
    blair = [a for a in actors.actors if a.name and "Blair" in a.name]
    assert [(a.name, a.code, len(a.mentions)) for a in blair] == [("Marek T. Blair", None, 2)]
    # with no such person in the article, the dictionary's Blair stands
    assert code_of(resolve(nlp, resolver, "Blair met Bush in Washington."), "Blair") == "GBRGOV"


def test_streets_and_lower_case_words_the_ner_model_calls_people_are_no_people(nlp, resolver):
    street = resolve(nlp, resolver, "Police searched a home on Jolinda Drive on Monday.")
    assert not [a for a in street.actors if a.kind == "person"]
    drug = resolve(nlp, resolver, "Officers found marijuana and cash in the car of Christopher D. Battin.")
    assert [a.name for a in drug.actors if a.kind == "person"] == ["Christopher D. Battin"]


def test_an_object_pronoun_is_not_its_clauses_subject(nlp, resolver):
    body = "Anna Kowalski endorsed Tom Reed on Wednesday. She praised him."
    doc = nlp(body)
    actors = resolver.resolve(doc, Article(id="t", source="test", body=body))
    him = next(t for t in doc if t.text == "him")
    assert actors.resolve_pronoun(him).text == "Tom Reed"


def test_candidates_and_nominees_are_party_people(nlp, resolver):
    actors = resolve(nlp, resolver, "Kenyan presidential candidates met in Nairobi. The opposition candidate spoke first.")
    assert code_of(actors, "Kenyan presidential candidates") == "KENPTY"
    assert code_of(actors, "opposition candidate") in ("KENOPP", "OPP")


def test_a_short_acronym_in_mixed_case_is_another_word(nlp, resolver):
    actors = resolve(nlp, resolver, "Kim Jong Un criticised the UN. Nato warned him.")
    assert all(m.code != "IGOUNO" for m in actors.mentions if m.text == "Un")
    assert code_of(actors, "UN") == "IGOUNO"
    assert code_of(actors, "Nato") is not None and code_of(actors, "Nato").startswith("IGO")


def test_the_press_business_and_scholars_take_their_sector_from_the_title_before_the_name(nlp, resolver):
    actors = resolve(nlp, resolver, "NBC News moderator Matt Lauer, investor Leon Cooperman and professor Laurence Tribe spoke.")
    sectors = {a.name: a.mentions[0].sector for a in actors.actors if a.kind == "person"}
    assert sectors == {"Matt Lauer": "JRN", "Leon Cooperman": "BUS", "Laurence Tribe": "EDU"}


def test_a_name_the_kb_gives_several_people_of_one_country_takes_that_country(nlp, tmp_path):
    from chronicle.kb import KBEntry, KnowledgeBase

    path = tmp_path / "k.sqlite"
    kb = KnowledgeBase.create(path)
    kb.add(KBEntry(name="Ottoline Varga", kind="person", country="HUN", sector="GOV", aliases=["Varga"]))
    kb.add(KBEntry(name="Bertalan Varga", kind="person", country="HUN", sector="OPP", aliases=["Varga"]))
    kb.add(KBEntry(name="Lin Varga", kind="person", country="CHN", sector="BUS"))
    kb.finish(path, {})
    resolver = actor_resolver(Config(), kb=KnowledgeBase.open(path))
    actors = resolve(nlp, resolver, "On Monday the delegation met Mr. Varga in the capital.", published="2016-03-09")
    assert [(m.country, m.sector) for m in actors.mentions if m.text == "Varga"] == [("HUN", None)]


def test_a_body_the_kb_knows_by_name_takes_its_country_and_sector(nlp, tmp_path):
    from chronicle.kb import KBEntry, KnowledgeBase

    path = tmp_path / "k.sqlite"
    kb = KnowledgeBase.create(path)
    kb.add(KBEntry(name="Velmar Assembly", kind="org", country="HUN", sector="LEG", aliases=["Velmar"],
                   source="chronicle:orgs"))
    # a shared name: the team's own entry is the one the news means; the others only count when they agree
    kb.add(KBEntry(name="Quorin League", kind="org", country="BRA", sector="PTY", source="factbook"))
    kb.add(KBEntry(name="Quorin League", kind="org", country="CHL", sector="PTY", source="factbook"))
    # one word only another list knows may be another body ("ABC": a party, or a network)
    kb.add(KBEntry(name="ZNB", kind="org", country="LSO", sector="PTY", source="factbook"))
    kb.finish(path, {})
    resolver = actor_resolver(Config(), kb=KnowledgeBase.open(path))
    actors = resolve(nlp, resolver, "The Velmar Assembly criticized the Quorin League on Monday, ZNB said.",
                     published="2016-03-09")
    assert code_of(actors, "Velmar Assembly") == "HUNLEG"
    assert code_of(actors, "Quorin League") is None  # two countries' parties: no guess
    assert code_of(actors, "ZNB") is None


def test_us_parties_named_alone_are_the_us_parties(nlp):
    resolver = actor_resolver(Config(actor_kb="shipped"))
    actors = resolve(nlp, resolver, "Republicans criticized the plan, and the GOP said Democrats were to blame.",
                     published="2016-09-08")
    assert {m.text: m.code for m in actors.mentions if m.text in ("Republicans", "GOP", "Democrats")} == {
        "Republicans": "USAPTY", "GOP": "USAPTY", "Democrats": "USAPTY"}


def test_companies_and_industries_are_business_and_a_campaigns_leaders_its_party(nlp):
    resolver = actor_resolver(Config(actor_kb="shipped"))
    actors = resolve(nlp, resolver, "Twitter suspended the accounts. The Kenyan oil industry protested. "
                                    "The campaign's leadership in Nairobi criticized the Kenyan president.",
                     published="2016-09-08")
    assert code_of(actors, "Twitter") == "USABUS"
    assert code_of(actors, "Kenyan oil industry") == "KENBUS"
    assert [m.sector for m in actors.mentions if m.text.endswith("leadership")] == ["PTY"]


def test_people_the_press_names_by_their_outlet_or_us_party_take_its_country(nlp, resolver):
    body = ("NBC's Matt Lauer interviewed Democratic strategist David Axelrod. "
            "Republican Senator Jeff Flake later spoke to CNN.")
    actors = resolve(nlp, resolver, body)
    codes = {a.name: a.code for a in actors.actors if a.kind == "person"}
    assert codes == {"Matt Lauer": "USAJRN", "David Axelrod": "USAPTY", "Jeff Flake": "USALEG"}
    assert code_of(actors, "CNN") == "USAJRN"
    other = resolve(nlp, resolver, "The Democratic Party of Japan criticized the plan.")
    assert code_of(other, "Democratic Party") == "JPNPTY"


def test_a_surname_that_is_also_a_role_noun_is_the_person_not_the_role(nlp, resolver):
    body = "American Kevin King was handed over to US forces. King was abducted by gunmen in Kabul."
    actors = resolve(nlp, resolver, body)
    kings = [m for m in actors.mentions if m.text == "King"]
    assert kings and all(m.country == "USA" and m.name == "Kevin King" for m in kings)  # not country "GOV"
