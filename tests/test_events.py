"""Event coding (analysis/events.py, analysis/verbdict.py) and the Analyzer orchestrator."""

from __future__ import annotations

import pytest

from chronicle.errors import DictionaryError
from chronicle.model import Analysis, Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyzer():
    from chronicle.analysis import Analyzer

    return Analyzer(quotes=False)


def events_of(analyzer, text: str, published: str = "2012-03-14"):
    article = Article(id="test", source="test", body=text, published=published, language="en")
    return next(analyzer.analyze([article])).events


def triples(events):
    return [(e.type, e.source and e.source.code[:3], e.target and e.target.code[:3]) for e in events]


def test_verb_event_with_casualties_date_and_place(analyzer):
    [attack, *_] = events_of(analyzer, "Syrian troops attacked rebels in Homs on Monday, killing at least 12 people.")
    assert (attack.type, attack.source.code, attack.target.code) == ("ASSAULT", "SYRMIL", "SYRREB")
    assert (attack.dead, attack.date, attack.location.name, attack.location.country) == (12, "2012-03-12", "Homs", "SYR")
    assert attack.trigger == "attacked" and attack.sentence[attack.trigger_start - attack.start :].startswith("attacked")


def test_a_killing_in_an_attack_is_one_act_by_the_attacker(analyzer):
    [strike] = events_of(analyzer, "Six Armenian villagers were killed in an air strike by Azerbaijani forces.")
    assert (strike.type, strike.source.code[:3], strike.target.code[:3], strike.dead, strike.cameo) == (
        "ASSAULT", "AZE", "ARM", 6, "195")
    assert triples(events_of(analyzer, "Three Lebanese farmers were killed in Israeli tank shelling.")) == [
        ("ASSAULT", "ISR", "LBN")
    ]
    assert triples(events_of(analyzer, "The Chadian cargo plane was shot down by a missile fired by Sudanese rebels.")) == [
        ("ASSAULT", "SDN", "TCD")
    ]
    assert triples(events_of(analyzer, "Twelve Palestinians were killed when Israeli warplanes bombed Gaza.")) == [
        ("ASSAULT", "ISR", "PSE")
    ]
    assert triples(events_of(analyzer, "Four Iraqi soldiers were killed in a suicide bombing claimed by Islamic State.")) == [
        ("ASSAULT", "IMG", "IRQ")
    ]
    # who supplied the weapon did not fire it
    supplied = events_of(analyzer, "Four Afghan soldiers were killed by a missile supplied by Russia.")
    assert [(e.source, e.target.code[:3]) for e in supplied if e.type == "ASSAULT"] == [(None, "AFG")]


def test_accidents_and_disasters_are_no_attacks(analyzer):
    assert events_of(analyzer, "Twelve Kenyan soldiers were killed in a helicopter crash.") == []
    assert events_of(analyzer, "Forty Peruvian miners were injured by the earthquake.") == []
    assert triples(events_of(analyzer, "Twelve Kenyan soldiers were killed by a roadside bomb.")) == [
        ("ASSAULT", None, "KEN")
    ]


def test_violence_by_no_actor_on_no_actor_is_not_coded(analyzer):
    # a participle describing a state ("the farmers jailed for ..."), read by the parser as a verb
    events = events_of(analyzer, "The farmers jailed for protesting against Tbilisi were freed yesterday by Saakashvili himself.")
    assert [e for e in events if e.type in ("COERCE", "ASSAULT")] == []
    [gunmen] = events_of(analyzer, "Gunmen attacked an Iraqi police station.")
    assert (gunmen.type, gunmen.source.text, gunmen.source.country, gunmen.target.code[:3]) == ("ASSAULT", "Gunmen", None, "IRQ")


def test_relative_clause_doer_that_is_no_actor_codes_nothing(analyzer):
    assert events_of(analyzer, "The crowd that attacked Iraqi troops was disbanded.") == []
    # a role noun with no country is its sector alone: the militia attacked (REB)
    assert triples(events_of(analyzer, "The militia that attacked Iraqi troops was disbanded.")) == [("ASSAULT", "REB", "IRQ")]
    assert triples(events_of(analyzer, "The Syrian rebels who attacked Iraqi troops were disbanded.")) == [
        ("ASSAULT", "SYR", "IRQ")
    ]


def test_unarmed_violence_by_demonstrators_is_a_riot(analyzer):
    [torched] = events_of(analyzer, "The Russian embassy was demolished by Ukrainian protestors.")
    assert (torched.type, torched.mode, torched.cameo, torched.source.code[:3], torched.target.code[:3]) == (
        "PROTEST", "riot", "145", "UKR", "RUS")
    [stones] = events_of(analyzer, "Rioters attacked Greek police.")
    assert (stones.type, stones.mode, stones.target.code[:3]) == ("PROTEST", "riot", "GRC")
    # with weapons it is an attack, whoever fires
    assert triples(events_of(analyzer, "Syrian protesters fired rockets at Israeli troops.")) == [("ASSAULT", "SYR", "ISR")]


def test_a_riots_own_violence_is_part_of_the_riot(analyzer):
    events = events_of(analyzer, "Iraqi prisoners rioted on Sunday at a jail near Basra, setting fire to a guard tower.")
    assert [(e.type, e.mode) for e in events] == [("PROTEST", "riot")]


def test_participles_joined_to_a_passive_share_its_victims(analyzer):
    # "were killed or wounded": the villagers are the wounded, not the ones who wounded
    assert triples(events_of(analyzer, "Twenty Lebanese villagers were killed or wounded on Friday.")) == [
        ("ASSAULT", None, "LBN")
    ]
    # and the "by" agent of the last is the doer of each
    shot = triples(events_of(analyzer, "Two Kenyan policemen were shot and wounded by Somali gunmen."))
    assert shot == [("ASSAULT", "SOM", "KEN"), ("ASSAULT", "SOM", "KEN")]


def test_violence_nobody_did_in_a_condition_is_not_coded(analyzer):
    events = events_of(analyzer, "Norway is ready to send ships to defend Kuwait if it is attacked.")
    assert [e for e in events if e.type == "ASSAULT"] == []
    assert triples(events_of(analyzer, "Kuwait was attacked on Sunday.")) == [("ASSAULT", None, "KWT")]


def test_sworn_violence_is_a_threat_also_when_parsed_as_an_adverbial_clause(analyzer):
    [sworn] = events_of(analyzer, "Armed Serbs have sworn to fight until they gain control of villages near the Croatian border.")
    assert (sworn.type, sworn.source.code[:3]) == ("THREATEN", "SRB")


def test_event_noun_modifying_a_light_verbs_object_takes_its_target(analyzer):
    assert triples(events_of(analyzer, "Russia began a bombing campaign against Chechen rebels.")) == [
        ("ASSAULT", "RUS", "RUS")
    ]
    assert events_of(analyzer, "Kenyan police foiled an assassination plot against the Ugandan president.") == []


def test_a_dateline_before_a_colon_is_not_the_subject(analyzer):
    events = events_of(analyzer, "TBILISI, Georgia: Four Ossetian children and a woman were killed in Russian artillery shelling on Friday, doctors said.")
    assert [(e.type, e.source.code[:3], e.target and e.target.text) for e in events][:1] == [
        ("ASSAULT", "RUS", "Ossetian children")
    ]


def test_a_vow_of_violence_is_a_threat_not_an_agreement(analyzer):
    assert triples(events_of(analyzer, "Somali militants have vowed to attack Kenyan troops.")) == [
        ("THREATEN", "SOM", "KEN")
    ]
    assert triples(events_of(analyzer, "Russia pledged to supply weapons to Syria.")) == [("AGREE", "RUS", "SYR")]


def test_reported_speech_codes_what_was_reported(analyzer):
    [event, _] = events_of(analyzer, "The U.N. says Syrian forces killed 7,500 people.")
    assert (event.type, event.source.code[:3], event.reported_by.code) == ("ASSAULT", "SYR", "IGOUNO")
    assert event.dead == 7500


def test_reported_violence_of_another_side_is_also_an_accusation(analyzer):
    text = "Turkey said Syrian troops shelled the border town of Kessab."
    shelling, accusation = events_of(analyzer, text)
    assert (shelling.type, shelling.source.code, shelling.reported_by.code) == ("ASSAULT", "SYRMIL", "TUR")
    assert (accusation.type, accusation.cameo, accusation.source.code, accusation.target.code) == (
        "ACCUSE", "112", "TURGOV", "SYRMIL"
    )
    assert accusation.trigger == "said" and text[accusation.trigger_start : accusation.trigger_end] == "said"
    assert accusation.reported_by is None and (accusation.mode, accusation.context) == ("allege", shelling.context)
    # each of coordinated speakers accuses, except the doer's own country
    found = triples(events_of(analyzer, "Turkey, Iraq and Syria said Syrian troops shelled the border town."))
    assert found == [("ASSAULT", "SYR", None), ("ACCUSE", "TUR", "SYR"), ("ACCUSE", "IRQ", "SYR")]


def test_accusation_across_sides_of_one_country_and_through_the_means_of_a_killing(analyzer):
    # the opposition is not the side of the state's troops
    found = triples(events_of(analyzer, "The Syrian opposition said Syrian troops shelled Homs."))
    assert found == [("ASSAULT", "SYR", None), ("ACCUSE", "SYR", "SYR")]
    # "killed in an air strike by X": the strike is what the speaker says happened
    found = triples(events_of(analyzer, "Turkey said two people were killed in an air strike by Syrian jets."))
    assert ("ACCUSE", "TUR", "SYR") in found
    # a crackdown the sentence only mentions beside the killing is not what Turkey says
    found = triples(events_of(analyzer, "Turkey said two people were killed in Homs despite the Syrian crackdown."))
    assert "ACCUSE" not in [t for t, _, _ in found]


def test_reflexive_object_is_the_doer_itself_and_still_an_accusation(analyzer):
    found = triples(events_of(analyzer, "Turkey said that Syrian troops had attacked themselves."))
    assert found == [("ASSAULT", "SYR", "SYR"), ("ACCUSE", "TUR", "SYR")]


def test_document_speaks_for_whoever_issued_it(analyzer):
    alleged = "A report released in the Kenyan capital alleged that Somalia armed the militants."
    assert triples(events_of(analyzer, alleged)) == [("ACCUSE", "KEN", "SOM")]
    assert triples(events_of(analyzer, alleged.replace("the Kenyan capital", "Ramallah"))) == [("ACCUSE", "PSE", "SOM")]
    # a town that is not the capital is only where the report appeared
    assert events_of(analyzer, alleged.replace("the Kenyan capital", "Hebron")) == []
    statement = "A statement issued by the Kenyan foreign ministry said Somali militants attacked the town."
    issued = events_of(analyzer, statement)
    assert [(e.type, e.source.code, e.reported_by and e.reported_by.code) for e in issued] == [
        ("ASSAULT", "SOMREB", "KENGOV"), ("ACCUSE", "KENGOV", None)
    ]
    [_, accusation] = events_of(analyzer, "A report by the Turkish government said Syrian troops shelled the town.")
    assert (accusation.type, accusation.source.code, accusation.target.code) == ("ACCUSE", "TURGOV", "SYRMIL")


def test_they_of_coordinated_speakers_is_each_speaker(analyzer):
    found = triples(events_of(analyzer, "Erdogan and Rouhani said they will attack Syria."))
    assert found == [("THREATEN", "TUR", "SYR"), ("THREATEN", "IRN", "SYR")]


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian government said Syrian troops shelled the town.",  # its own side
        "Turkish media said Syrian troops shelled the town.",  # media report, they do not accuse
        "Turkish officials said Syrian troops shelled the town.",  # unnamed officials
        "His Turkish lawyer said Syrian police arrested the student.",  # known only as someone's
        "Turkey did not say that Syrian troops shelled the town.",
        "Turkey said it will keep trading with Syria despite Assad's crackdown on protesters.",  # not what it says
    ],
)
def test_reported_violence_without_accusation(analyzer, text):
    assert "ACCUSE" not in [e.type for e in events_of(analyzer, text)]


def test_speech_act_is_the_event_and_its_content_is_not_coded_alone(analyzer):
    assert triples(events_of(analyzer, "Iran accused Israel of killing its nuclear scientists.")) == [
        ("ACCUSE", "IRN", "ISR")
    ]


def test_event_noun_takes_possessor_and_target(analyzer):
    [event] = events_of(analyzer, "Assad's crackdown on the opposition continued.")
    assert (event.type, event.source.code, event.target.code, event.cameo) == ("ASSAULT", "SYRGOV", "SYROPP", "175")


def test_future_and_negated_agreement(analyzer):
    [block] = events_of(analyzer, "Russia will block the resolution.")
    assert block.type == "REJECT" and block.future
    [refusal] = events_of(analyzer, "Assad would not agree to withdraw his forces.")
    assert refusal.type == "REJECT" and refusal.hypothetical and refusal.source.code.startswith("SYR")


def test_obligation_reported_is_a_request_from_the_speaker(analyzer):
    [event] = events_of(analyzer, "Lavrov said Syrian troops must withdraw from the cities.")
    assert (event.type, event.mode, event.source.code[:3], event.target.code[:3]) == ("REQUEST", "yield", "RUS", "SYR")


def test_coordinated_sources_give_one_event_each(analyzer):
    found = triples(events_of(analyzer, "Brazil and Argentina signed a trade agreement with China."))
    assert found == [("SUPPORT", "BRA", "CHN"), ("SUPPORT", "ARG", "CHN")]


def test_light_verb_carries_its_event_noun(analyzer):
    assert triples(events_of(analyzer, "Israeli jets launched an airstrike on Hamas positions.")) == [
        ("ASSAULT", "ISR", "PSE")
    ]


def test_nothing_from_non_english_lines_or_sourceless_events(analyzer):
    assert events_of(analyzer, "افغانستان آزاد – آزاد افغانستان. چو کشور نباشد تن من مباد") == []
    assert events_of(analyzer, "Seven people were killed.") == []  # nobody did it: not coded
    assert events_of(analyzer, "He declined to say how many soldiers are there.") == []


def test_analyzer_skips_other_languages_and_keeps_order(analyzer):
    articles = [
        Article(id="fa", source="a", body="متن فارسی", language="fa"),
        Article(id="en", source="b", body="Russia will block the resolution.", language="en"),
        Article(id="empty", source="c", body="  ", language="en"),
    ]
    results = list(analyzer.analyze(articles))
    assert [r.article_id for r in results] == ["fa", "en", "empty"]
    assert results[0].skipped.startswith("language: fa is not supported for event coding") and results[0].events == []
    assert results[1].events and results[2].skipped == "empty body"
    assert Analysis.from_dict(results[1].to_dict()) == results[1]


def test_user_verb_dictionary_adds_verbs_and_patterns(tmp_path):
    from chronicle.analysis.components import event_coder
    from chronicle.config import Config
    from chronicle.analysis.dictionaries import read_verb_dictionary

    path = tmp_path / "my.verbs.txt"
    path.write_text(
        "&TIES\n+RELATIONS\n+TIES\n\n"
        "--- SNUB  [125] ---\nSNUB  # test\n- * TALKS [126]\n\n"
        "--- MEND [---] ---\nMEND\n- * &TIES [064]\n",
        encoding="utf-8",
    )
    entries = read_verb_dictionary(path)
    assert (entries["snub"].type, entries["snub"].cameo) == ("REJECT", "125")
    assert entries["snub talk"].cameo == "126"
    assert entries["mend tie"].type == "COOPERATE" and "mend" not in entries
    coder = event_coder(Config(dictionaries=[str(path)]))
    assert coder.lexicon.verbs["snub"].cameo == "125" and "attack" in coder.lexicon.verbs


def test_malformed_verb_dictionary_line_names_file_and_line(tmp_path):
    from chronicle.analysis.dictionaries import read_verb_dictionary

    path = tmp_path / "bad.verbs.txt"
    path.write_text("--- SNUB [125] ---\nSNUB\n- * TALKS\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as err:
        read_verb_dictionary(path)
    assert err.value.line == 3 and "bad.verbs.txt" in str(err.value)


def test_stopping_a_cooperative_act_is_a_sanction(analyzer):
    assert triples(events_of(analyzer, "Japan halted economic aid to Serbia.")) == [("SANCTION", "JPN", "SRB")]
    assert events_of(analyzer, "Japan stopped the car.") == []


def test_announced_acts_are_agreements_or_threats(analyzer):
    [aid] = events_of(analyzer, "Finland will provide aid to Tanzania.")
    assert (aid.type, aid.cameo) == ("AGREE", "033")
    [threat] = events_of(analyzer, "Palestinian leaders said they would boycott all contact with the United States.")
    assert (threat.type, threat.target.code) == ("THREATEN", "USAGOV")
    [refusal] = events_of(analyzer, "Obama said he would not provide support to Israel.")
    assert (refusal.type, refusal.source.code[:3], refusal.target.code) == ("REJECT", "USA", "ISRGOV")


def test_a_meeting_is_one_event_in_plover_and_both_ways_in_cameo(analyzer):
    from chronicle.analysis import Analyzer
    from chronicle.config import Config

    talks = "Turkish officials held talks with Iranian diplomats."
    met = "Turkey and Iran held talks in Ankara."
    assert triples(events_of(analyzer, talks)) == [("CONSULT", "TUR", "IRN")]
    assert triples(events_of(analyzer, met)) == [("CONSULT", "TUR", "IRN")]
    cameo = Analyzer(Config(event_conventions="cameo"), quotes=False)
    assert set(triples(events_of(cameo, talks))) == {("CONSULT", "TUR", "IRN"), ("CONSULT", "IRN", "TUR")}
    assert set(triples(events_of(cameo, met))) == {("CONSULT", "TUR", "IRN"), ("CONSULT", "IRN", "TUR")}


def test_user_verb_patterns_before_the_verb(tmp_path, analyzer):
    from chronicle.analysis.dictionaries import read_verb_dictionary

    path = tmp_path / "x.verbs.txt"
    path.write_text("--- RESTORE [064] ---\nRESTORE\n- NOT * [112]\n- * TIES [0641]\n", encoding="utf-8")
    entries = read_verb_dictionary(path)
    assert entries["^not restore"].cameo == "112" and entries["restore tie"].cameo == "0641"


def test_bad_input_long_sentences_tables_and_caps_do_not_crash(analyzer):
    from chronicle.analysis.events import MAX_SENTENCE_TOKENS

    table = "Attacks by province " + " ".join(f"Homs {i} rebels attacked troops {i}" for i in range(330))
    events = events_of(analyzer, table)  # 2,000 words without a full stop: a flattened table
    assert all(len(e.sentence.split()) <= MAX_SENTENCE_TOKENS for e in events)
    names = "Putin, Assad, Lavrov, Antonov, Gadhafi, Erdogan, Obama, Merkel."
    assert events_of(analyzer, names) == []
    caps = events_of(analyzer, "RUSSIA ACCUSES THE WEST OF FUELING SYRIAN CONFLICT")
    assert all(e.type in ("ACCUSE", "ASSAULT") for e in caps)


def test_conditional_threats_and_announced_light_verb_acts(analyzer):
    # a modal act with an "if" condition is a threat; "will extend the curfew" announces a coercion
    halt = events_of(analyzer, "The European Union may halt aid to Serbia if the fighting goes on.")
    assert ("THREATEN", "IGO", "SRB") in triples(halt)
    curfew = events_of(analyzer, "The Egyptian government said it will extend the curfew in Cairo.")
    assert [e.type for e in curfew] == ["THREATEN"]


def test_words_inside_names_are_not_event_nouns(analyzer):
    events = events_of(analyzer, "The Shanghai Cooperation Organisation agreed to hold a summit in Moscow.")
    assert "COOPERATE" not in {e.type for e in events}


def test_protests_allowing_and_surrender(analyzer):
    assert [e.type for e in events_of(analyzer, "Egyptian students protested against the Egyptian government.")] == ["PROTEST"]
    assert "CONCEDE" in {e.type for e in events_of(analyzer, "The Iraqi government allowed Kurdish rebels to hold a rally.")}
    assert [e.type for e in events_of(analyzer, "Hundreds of Ugandan rebels surrendered to the Ugandan army.")] == ["RETREAT"]


def test_met_with_is_one_way_and_joint_doers_pair_up(analyzer):
    met = set(triples(events_of(analyzer, "The Iraqi foreign minister met with Syrian President Bashar Assad.")))
    assert met == {("CONSULT", "IRQ", "SYR")}
    listed = set(triples(events_of(analyzer, "The US, Russia, and Switzerland met yesterday.")))
    assert {("CONSULT", "USA", "RUS"), ("CONSULT", "USA", "CHE")} <= listed  # PLOVER: from the first named


def test_purpose_infinitive_is_not_a_second_event(analyzer):
    events = events_of(analyzer, "Egyptian students staged a protest in Cairo to demand reforms by the Egyptian government.")
    assert [e.type for e in events] == ["PROTEST"]


def test_recipient_verbs_turn_the_noun_event_around(analyzer):
    events = events_of(analyzer, "Turkish rebels received assurances from the Iraqi government.")
    assert triples(events) == [("AGREE", "IRQ", "TUR")]
    pressed = events_of(analyzer, "The Iranian government faces pressure from Russia.")
    assert triples(pressed) == [("REQUEST", "RUS", "IRN")]


def test_refused_permission_is_a_rejection_of_its_addressee(analyzer):
    events = events_of(analyzer, "Obama said he would not give permission to Russia to help Israel.")
    assert triples(events) == [("REJECT", "USA", "RUS")]


def test_if_makes_a_conditional_offer_and_unless_an_ultimatum(analyzer):
    offer = events_of(analyzer, "Afghan rebels said they would meet the Pakistani government if it stopped the raids.")
    assert "AGREE" in {e.type for e in offer} and "THREATEN" not in {e.type for e in offer}
    ultimatum = events_of(analyzer, "Nigeria will withdraw its troops from Chad unless the Chadian government holds elections.")
    assert "THREATEN" in {e.type for e in ultimatum}


def test_stopping_pressure_is_an_easing(analyzer):
    assert "CONCEDE" in {e.type for e in events_of(analyzer, "The Latvian government cancelled restrictions on Russian newspapers.")}
    assert "RETREAT" in {e.type for e in events_of(analyzer, "The Syrian government ended its sanctions against Turkey.")}


def test_protests_need_no_target_and_partitive_doers_are_kept(analyzer):
    events = events_of(analyzer, "Palestinian youths threw stones during demonstrations, officials said.")
    assert ("PROTEST", "PSE", None) in triples(events)
    strike = events_of(analyzer, "A group of refugees are continuing a hunger strike.")
    assert [(e.type, e.source.text) for e in strike] == [("PROTEST", "refugees")]


def test_stance_passives_and_demands_spelled_out_in_a_clause(analyzer):
    opposed = events_of(analyzer, "Israel is opposed to French mediation.")
    assert ("REJECT", "ISR", "FRA") in triples(opposed)
    demand = events_of(analyzer, "The Egyptian government reiterated its demand that Israel ease restrictions.")
    assert ("REQUEST", "EGY", "ISR") in triples(demand)


def test_wanting_someone_else_to_act_is_a_request_not_the_act(analyzer):
    found = triples(events_of(analyzer, "The Russian government wants the Syrian army to withdraw from Homs."))
    assert found == [("REQUEST", "RUS", "SYR")]


def test_a_toll_clause_belongs_to_its_attack(analyzer):
    events = events_of(analyzer, "Syrian rebels bombarded a Syrian army base in Aleppo, killing at least eight soldiers.")
    assert [(e.type, e.trigger, e.dead) for e in events] == [("ASSAULT", "bombarded", 8)]


def test_an_ing_verb_on_a_noun_is_done_by_that_noun(analyzer):
    events = events_of(analyzer, "Police dispersed Liberian demonstrators protesting against the Liberian government.")
    assert ("PROTEST", "LBR", "LBR") in triples(events)


def test_calling_off_a_strike_is_a_concession(analyzer):
    events = events_of(analyzer, "The Nigerian teachers union called off its strike against the Nigerian government.")
    assert [e.type for e in events] == ["CONCEDE"]
    assert [e.type for e in events_of(analyzer, "The United States cut off aid to Egypt.")] == ["SANCTION"]


def test_an_agreed_act_lends_its_target(analyzer):
    assert triples(events_of(analyzer, "The US Congress agreed to lift the sanctions on Iran.")) == [("AGREE", "USA", "IRN")]
    launched = events_of(analyzer, "Georgian rebels launched missiles at the Georgian government.")
    assert ("ASSAULT", "GEO", "GEO") in triples(launched)


def test_an_ordered_or_called_for_event_noun_is_a_request_aimed_inside_it(analyzer):
    ordered = events_of(analyzer, "The Kenyan president ordered an inquiry into the Somali army.")
    assert [(e.type, e.cameo, e.source.code[:3], e.target.code[:3]) for e in ordered] == [("REQUEST", "1014", "KEN", "SOM")]
    assert triples(events_of(analyzer, "Kenya called for talks with Somalia.")) == [("REQUEST", "KEN", "SOM")]


def test_inspections_and_travel_warnings(analyzer):
    inspected = events_of(analyzer, "UN experts want to re-examine the factories in Sudan.")
    assert triples(inspected) == [("ACCUSE", "IGO", "SDN")]
    assert triples(events_of(analyzer, "The British government advised against travel to Kenya.")) == [("SANCTION", "GBR", "KEN")]
    assert triples(events_of(analyzer, "Britain issued a travel warning for Kenya.")) == [("SANCTION", "GBR", "KEN")]


def test_receiving_is_done_by_the_giver_or_visitor(analyzer):
    armed = events_of(analyzer, "Nigerian rebels received weapons from the Chadian government.")
    assert [(e.type, e.source.code, e.target.code) for e in armed] == [("AID", "TCDGOV", "NGAREB")]
    visit = events_of(analyzer, "The Kenyan president received the Somali foreign minister.")
    assert [(e.type, e.cameo, e.source.code[:3], e.target.code[:3]) for e in visit] == [("CONSULT", "042", "SOM", "KEN")]
    assert triples(events_of(analyzer, "Kenya hosted a Somali delegation.")) == [("CONSULT", "SOM", "KEN")]
    [armed] = events_of(analyzer, "Villagers received weapons from the Kenyan government.")
    assert (armed.type, armed.source.code, armed.target.text, armed.target.code) == ("AID", "KENGOV", "Villagers", None)


def test_after_a_comma_a_conjunct_goes_on_with_the_main_clause_subject(analyzer):
    text = ("Britain has been a loyal friend of Kenya since colonial times, when it was led by the current "
            "president's father, Jomo Kenyatta, and has long supplied Nairobi with tanks and helicopters.")
    assert triples(events_of(analyzer, text)) == [("AID", "GBR", "KEN")]


def test_a_relative_clause_agrees_with_its_noun_and_a_participle_inside_an_event_is_no_event(analyzer):
    referred = events_of(analyzer, "He spoke in a reference to Kenyan advisers in Somalia that are training Somali soldiers.")
    assert triples(referred) == [("COOPERATE", "KEN", "SOM")]
    trained = events_of(analyzer, "Kenyan officers are training Somali soldiers in the use of weapons supplied by Britain.")
    assert triples(trained) == [("COOPERATE", "KEN", "SOM")]


def test_a_relation_noun_aimed_at_nobody_is_not_coded(analyzer):
    assert events_of(analyzer, "The Kenyan government expressed gratitude for Japan's assistance.") == []
    assert events_of(analyzer, "Nairobi said the plan enjoyed support from Tokyo.") == []
    assert triples(events_of(analyzer, "Japan's assistance to Kenya grew.")) == [("AID", "JPN", "KEN")]
    assert set(triples(events_of(analyzer, "Kenya and Somalia held talks."))) == {("CONSULT", "KEN", "SOM")}


def test_a_less_specific_restatement_in_the_same_sentence_is_dropped(analyzer):
    events = events_of(analyzer, "The Kenyan army chief held talks with Somali rebels during a surprise visit to Somalia.")
    assert {(e.trigger, e.source.code[:3], e.target.code) for e in events} == {("talks", "KEN", "SOMREB")}
    twice = events_of(analyzer, "Kenyan jets bombed Mogadishu on Monday and attacked it again on Tuesday.")
    assert [e.trigger for e in twice] == ["bombed", "attacked"]  # the very same actors: kept
    killed = events_of(analyzer, "Officials said six Somali civilians were killed in an air strike by Kenyan jets.")
    # one act: the killing done by the strike's doer, with its dead
    assert [(e.source.code[:3], e.target.code, e.dead) for e in killed] == [("KEN", "SOMCVL", 6)]


def test_a_thing_acted_on_in_a_country_makes_that_country_the_target(analyzer):
    assert triples(events_of(analyzer, "Somali rebels attacked a factory in Kenya.")) == [("ASSAULT", "SOM", "KEN")]


def test_aid_cooperation_and_sanctions_need_a_recipient(analyzer):
    # PLOVER: "Requires recipient: Yes" for COOPERATE, AID and SANCTION
    assert events_of(analyzer, "The Japanese government donated millions last year.") == []
    suspended = events_of(analyzer, "Japan announced a suspension of air links with Kenya on Monday.")
    assert triples(suspended) == [("SANCTION", "JPN", "KEN")]  # the recipient inside the "of" phrase
    assert set(triples(events_of(analyzer, "Kenya and Somalia cooperated."))) == {("COOPERATE", "KEN", "SOM")}


def test_a_guessed_wish_is_no_request(analyzer):
    asked = events_of(analyzer, "The Kenyan president wants Somalia to withdraw its troops.")
    assert triples(asked) == [("REQUEST", "KEN", "SOM")]
    guessed = events_of(analyzer, "The Kenyan president might want Somalia to withdraw its troops.")
    assert guessed == []


def test_cameo_conventions_keep_the_tense_and_code_reported_violence_as_the_accusation():
    from chronicle.analysis import Analyzer
    from chronicle.config import Config

    plover, cameo = Analyzer(quotes=False), Analyzer(Config(event_conventions="cameo"), quotes=False)
    promise = "The Kenyan government will supply arms to Somalia."
    assert triples(events_of(plover, promise)) == [("AGREE", "KEN", "SOM")]  # PLOVER: an announced aid
    [supply] = events_of(cameo, promise)
    assert (supply.type, supply.cameo[:2], supply.future) == ("AID", "07", True)
    claim = "Kenya said Somali troops attacked a Kenyan border post."
    assert set(triples(events_of(plover, claim))) == {("ASSAULT", "SOM", "KEN"), ("ACCUSE", "KEN", "SOM")}
    assert triples(events_of(cameo, claim)) == [("ACCUSE", "KEN", "SOM")]
    # CAMEO codes a state named as a whole by its country code alone (PLOVER: through its government)
    [pressure] = events_of(cameo, "Kenya pressured Somalia to close the camp.")
    assert (pressure.source.code, pressure.target.code) == ("KEN", "SOM")
    [pressure] = events_of(plover, "Kenya pressured Somalia to close the camp.")
    assert (pressure.source.code, pressure.target.code) == ("KENGOV", "SOMGOV")


def test_unknown_conventions_are_refused_by_name():
    from chronicle.analysis.components import event_coder
    from chronicle.config import Config

    with pytest.raises(ValueError, match="event_conventions: 'icews'"):
        event_coder(Config(event_conventions="icews"))


def test_regret_and_pardons_are_concessions(analyzer):
    # PLOVER: expressions of regret, formal pardons and amnesties are CONCEDE
    assert triples(events_of(analyzer, "Estonia apologized to Latvia for the conduct of its border guards.")) == [
        ("CONCEDE", "EST", "LVA")
    ]
    [pardon] = events_of(analyzer, "The Bolivian president pardoned 300 inmates on Sunday.")
    assert (pardon.type, pardon.source.code[:3]) == ("CONCEDE", "BOL")


def test_joint_exercises_cooperate_and_sending_warships_mobilizes(analyzer):
    # PLOVER: joint military manoeuvres are COOPERATE; one country's exercises stay MOBILIZE
    assert triples(events_of(analyzer, "Japan held joint naval exercises with Australia.")) == [("COOPERATE", "JPN", "AUS")]
    assert [e.type for e in events_of(analyzer, "Japan held naval exercises near Okinawa.")] == ["MOBILIZE"]
    [sent] = events_of(analyzer, "Italy sent warships to the central Mediterranean.")
    assert (sent.type, sent.source.code, sent.mode) == ("MOBILIZE", "ITAMIL", "weapons")


def test_exercises_held_with_a_partner_are_joint_operations(analyzer):
    # PLOVER COOPERATE: joint operations, with the partner named or as a second doer
    assert triples(events_of(analyzer, "The Chilean navy held naval drills with Argentina.")) == [("COOPERATE", "CHL", "ARG")]
    assert sorted(triples(events_of(analyzer, "Chile and Peru held military exercises."))) == [("COOPERATE", "CHL", "PER")]
    assert triples(events_of(analyzer, "The Chilean army held military exercises near the border.")) == [
        ("MOBILIZE", "CHL", None)]


def test_a_protests_demand_in_a_participle_is_its_aim(analyzer):
    # PLOVER: demands that take the form of demonstrations are PROTEST, not a second REQUEST
    assert triples(events_of(analyzer, "Hundreds of Ghanaian students marched in Accra, demanding the release of their leaders.")) == [
        ("PROTEST", "GHA", None)]
    assert [e.type for e in events_of(analyzer, "Togolese opposition supporters staged a protest outside parliament, "
                                                "calling on the president to resign.")] == ["PROTEST"]
    # a demand made apart from the march is still a request
    assert [e.type for e in events_of(analyzer, "Ghanaian students marched in Accra and demanded the release of their leaders.")] == [
        "PROTEST", "REQUEST"]


def test_the_place_withdrawn_from_is_the_target_never_the_doer(analyzer):
    assert triples(events_of(analyzer, "Rwandan troops began the withdrawal from Burundi.")) == [("RETREAT", "RWA", "BDI")]
    assert triples(events_of(analyzer, "Rwanda completed the pullout of its troops from Burundi.")) == [("RETREAT", "RWA", "BDI")]
    assert triples(events_of(analyzer, "The withdrawal of Rwandan troops from Burundi began on Monday.")) == [
        ("RETREAT", "RWA", "BDI")]
    assert triples(events_of(analyzer, "Rwandan troops withdrew from Burundi.")) == [("RETREAT", "RWA", "BDI")]


def test_handing_over_goods_is_aid_and_handing_over_people_is_legal_cooperation(analyzer):
    [medicine] = events_of(analyzer, "Kenya handed over 20 tonnes of medicine to Somalia.")
    assert (medicine.type, medicine.cameo, medicine.source.code[:3], medicine.target.code[:3]) == ("AID", "073", "KEN", "SOM")
    assert triples(events_of(analyzer, "Kenya handed over rifles and ammunition to the Somali army.")) == [
        ("AID", "KEN", "SOM")]
    assert triples(events_of(analyzer, "Kenyan police handed the fugitive over to Tanzania.")) == [("COOPERATE", "KEN", "TZA")]
    assert triples(events_of(analyzer, "Kenya handed over two suspects to Tanzania.")) == [("COOPERATE", "KEN", "TZA")]


def test_arriving_forces_deploy_and_arriving_peacekeepers_aid(analyzer):
    # armed forces do not visit; peacekeeping is CAMEO 074, PLOVER AID
    [keep] = events_of(analyzer, "The first batch of Ghanaian peacekeepers arrived in Liberia on Tuesday.")
    assert (keep.type, keep.cameo, keep.source.code[:3], keep.target.code[:3]) == ("AID", "074", "GHA", "LBR")
    assert triples(events_of(analyzer, "Hundreds of Ethiopian soldiers arrived in Somalia.")) == [("MOBILIZE", "ETH", "SOM")]
    # a foreign minister arriving in another country visits it (PLOVER: the visitor is the actor)
    assert triples(events_of(analyzer, "The Ghanaian foreign minister arrived in Liberia on Tuesday.")) == [("CONSULT", "GHA", "LBR")]


def test_a_press_release_is_a_document_not_a_release(analyzer):
    assert events_of(analyzer, "Chadian rebels hold 40 Sudanese soldiers, according to a press release by the Chadian army.") == []
    assert [e.type for e in events_of(analyzer, "The Chadian army announced the release of 40 Sudanese soldiers.")] == ["RETREAT"]


def test_breaking_up_a_protest_is_repression_calling_it_off_an_easing(analyzer):
    [broke] = events_of(analyzer, "Kenyan police broke up a protest by Somali refugees in Nairobi.")
    assert (broke.type, broke.cameo, broke.source.code) == ("COERCE", "175", "KENCOP")
    assert [e.type for e in events_of(analyzer, "Somali refugees called off their protest.")] == ["CONCEDE"]


def test_the_doer_of_a_noun_staged_by_someone_is_that_someone(analyzer):
    # not the subject of the verb above ("police prevented ..."): the participle's agent
    [demo] = events_of(analyzer, "Kenyan police prevented the demonstration staged by Somali students in Nairobi.")
    assert (demo.type, demo.source.code[:3]) == ("PROTEST", "SOM")


def test_a_protest_before_or_after_an_act_is_not_its_doers(analyzer):
    assert triples(events_of(analyzer, "Ghanaian authorities imposed a curfew in Kumasi after a demonstration over the election results.")) == [
        ("COERCE", "GHA", None)]
    assert ("PROTEST", "TGO", None) in triples(events_of(
        analyzer, "Ghanaian authorities imposed a curfew in Kumasi after a demonstration by Togolese refugees."))


def test_the_aim_of_an_announced_act_is_announced_too(analyzer):
    assert triples(events_of(analyzer, "Ghana is willing to send engineers to help rebuild Liberia.")) == [("AGREE", "GHA", "LBR")]
    assert triples(events_of(analyzer, "Ghana sent engineers to help rebuild Liberia.")) == [("AID", "GHA", "LBR")]


def test_what_a_demand_asks_someone_to_be_ready_for_is_not_coded_alone(analyzer):
    assert triples(events_of(analyzer, "The Ghanaian president said Nigeria must be ready to mediate between Togo and Benin.")) == [
        ("REQUEST", "GHA", "NGA")]
    # the noun a demanded light verb carries is asked for, not done
    assert [e.type for e in events_of(analyzer, "The Ghanaian president said Togo and Benin must reach an agreement on the border.")] == [
        "REQUEST"]


def test_a_named_kind_of_group_is_an_uncoded_doer(analyzer):
    # "groups" counts nobody here: the human rights groups did it, uncoded
    [criticism] = events_of(analyzer, "Human rights groups criticized the Ghanaian government.")
    assert (criticism.type, criticism.source.text, criticism.target.code) == ("ACCUSE", "Human rights groups", "GHAGOV")


def test_a_count_noun_between_light_verb_and_event_noun(analyzer):
    # "held a second day of negotiations": the negotiations are what the light verb carries
    assert sorted(triples(events_of(analyzer, "Zambian and Malawian officials held a second day of negotiations in Lusaka."))) == [
        ("CONSULT", "ZMB", "MWI")]
    assert triples(events_of(analyzer, "Kenyan troops launched a week of war games near the Somali border.")) == [
        ("MOBILIZE", "KEN", None)]


def test_going_on_strike_handing_back_and_expanding_trade(analyzer):
    [strike] = events_of(analyzer, "Dockworkers in Peru went on strike on Tuesday.")
    assert (strike.type, strike.mode) == ("PROTEST", "strike")
    [handed] = events_of(analyzer, "Ethiopian troops handed the border town back to Eritrea.")
    assert (handed.type, handed.source.code[:3]) == ("RETREAT", "ETH")
    assert triples(events_of(analyzer, "Chile expanded trade with Peru last year.")) == [("COOPERATE", "CHL", "PER")]


def test_a_warning_of_the_doers_own_act_is_aimed_at_its_object(analyzer):
    # "warned that it would expel X": "it" is the doer itself; the threat is aimed at X
    assert triples(events_of(analyzer, "Kenya warned that it would expel Ugandan diplomats.")) == [("THREATEN", "KEN", "UGA")]
    # the actor may sit inside the clause's object phrase
    assert triples(events_of(analyzer, "Kenya warned that it would review its ties with Tanzania.")) == [
        ("THREATEN", "KEN", "TZA")
    ]
    # no other target named: still the doer's threat
    assert triples(events_of(analyzer, "Iran warned that it would retaliate.")) == [("THREATEN", "IRN", None)]


def test_diplomatic_protests_lifted_blockades_and_resumed_shelling(analyzer):
    # PLOVER: diplomatic protests and official complaints are ACCUSE; a street protest stays PROTEST
    assert triples(events_of(analyzer, "Serbia lodged a formal protest with Albania over the incident.")) == [
        ("ACCUSE", "SRB", "ALB")
    ]
    assert triples(events_of(analyzer, "Kenya filed a complaint against Uganda with the African Union.")) == [
        ("ACCUSE", "KEN", "UGA")
    ]
    assert [e.type for e in events_of(analyzer, "Hungarian farmers staged a protest in Budapest.")] == ["PROTEST"]
    # easing a military blockade is RETREAT (CAMEO 0872), lifting a curfew a CONCEDE
    assert [e.type for e in events_of(analyzer, "The Egyptian army lifted its blockade of Gaza.")] == ["RETREAT"]
    # "resumed shelling X" is the shelling, not a resumed cooperation; "resumed oil exports to X" is
    assert triples(events_of(analyzer, "The Serbian army resumed shelling Bosnian villages.")) == [("ASSAULT", "SRB", "BIH")]
    assert triples(events_of(analyzer, "Tunisia resumed oil exports to Italy.")) == [("COOPERATE", "TUN", "ITA")]


def test_inspectors_received_or_sent_and_concluded_talks(analyzer):
    # letting inspectors in allows international involvement (CAMEO 0862, RETREAT access)
    assert triples(events_of(analyzer, "Syria received U.N. inspectors on Monday.")) == [("RETREAT", "SYR", "IGO")]
    # sending investigators somewhere investigates it (CAMEO 090)
    assert triples(events_of(analyzer, "The United Nations sent investigators to Darfur.")) == [("ACCUSE", "IGO", "SDN")]
    # a verb that finishes an event carries it: the talks took place
    assert sorted(triples(events_of(analyzer, "Chile and Bolivia concluded talks on a border treaty."))) == [("CONSULT", "CHL", "BOL")]


def test_aid_to_places_inside_a_country_goes_to_that_country(analyzer):
    # like "attacked a factory in Kenya": aid to an unnamed recipient in a country is aid to it
    assert triples(events_of(analyzer, "Sweden donated tents to camps in Jordan.")) == [("AID", "SWE", "JOR")]


def test_forces_moved_are_not_the_target_of_their_own_mobilization(analyzer):
    # the troops or ships a country moves are the means; whom they move against is the target
    assert triples(events_of(analyzer, "Italy sent warships to the central Mediterranean.")) == [("MOBILIZE", "ITA", None)]
    assert triples(events_of(analyzer, "Syria deployed troops against Syrian rebels in Homs.")) == [
        ("MOBILIZE", "SYR", "SYR")
    ]


def test_a_name_inside_the_possessor_is_not_a_second_actor(analyzer):
    events = events_of(analyzer, "Pakistan has shielded Afghanistan from sanctions over the Karzai government's bloody suppression of an uprising against his rule.")
    [suppression] = [e for e in events if e.trigger == "suppression"]
    assert (suppression.source.code, suppression.target.code) == ("AFGGOV", "AFGOPP")


def test_idioms_and_other_senses_of_event_verbs_code_nothing(analyzer):
    # publishing a document is no release of persons; exploiting remarks no seizure; a deadline no meeting
    assert events_of(analyzer, "The Kenyan police released a video of the raid on Tuesday.") == []
    assert events_of(analyzer, "The footage released by the Kenyan police showed the raid.") == []
    assert triples(events_of(analyzer, "The Kenyan police released three Somali fishermen on Tuesday.")) == [
        ("RETREAT", "KEN", "SOM")
    ]
    assert events_of(analyzer, "The Ugandan opposition seized on the minister's remarks about the budget.") == []
    assert [e.type for e in events_of(analyzer, "Ugandan troops seized the border town on Monday.")] == ["COERCE"]
    assert events_of(analyzer, "The Bolivian government did not meet the deadline set by the court.") == []
    assert [e.type for e in events_of(analyzer, "The Chilean minister backed off his plan to raise fuel taxes.")] == [
        "CONCEDE"
    ]


def test_a_decline_without_object_or_infinitive_is_no_refusal(analyzer):
    assert events_of(analyzer, "The Nigerian president's approval rating declined from 60 percent to 52 percent.") == []
    assert triples(events_of(analyzer, "The Nigerian president declined an invitation from Ghana.")) == [
        ("REJECT", "NGA", "GHA")
    ]
    assert [e.type for e in events_of(analyzer, "Ghana offered talks, but the Nigerian president declined.")] == [
        "AGREE", "REJECT"
    ]


def test_a_rally_where_a_leader_spoke_is_no_protest_by_the_leader(analyzer):
    assert triples(events_of(analyzer, "At a rally in Accra, the Ghanaian president criticized the Togolese government.")) == [
        ("ACCUSE", "GHA", "TGO")
    ]
    assert [e.type for e in events_of(analyzer, "Ghanaian students chanted slogans at a rally in Accra.")] == ["PROTEST"]


def test_an_attack_with_a_reason_a_saying_clause_or_a_speech_medium_is_criticism(analyzer):
    for text in (
        "During a speech, the Zambian president attacked the Malawian government for its border policy.",
        "The Zambian president attacked the Malawian minister in a tweet on Sunday.",
        "The Zambian president attacked the Malawian minister, saying he had lied about the deal.",
    ):
        assert [(e.type, e.cameo) for e in events_of(analyzer, text)] == [("ACCUSE", "111")], text
    assert [e.type for e in events_of(analyzer, "Zambian rebels attacked the Malawian village for the third time this month.")] == [
        "ASSAULT"
    ]


def test_calling_someone_something_is_no_call_for_anything(analyzer):
    assert events_of(analyzer, "The Malian union called the Senegalese minister a champion for its members.") == []
    assert triples(events_of(analyzer, "The Malian union called on the Senegalese minister to resign.")) == [
        ("REQUEST", "MLI", "SEN")
    ]


def test_sharing_a_view_or_offering_proof_is_no_agreement(analyzer):
    for text in (
        "The former Kenyan governor agreed that the party's rules should be modernized.",
        "The Kenyan senator agreed with the Ugandan minister about the winner of the vote.",
        "The Kenyan president offered no proof of the Ugandan plot.",
    ):
        assert events_of(analyzer, text) == [], text
    assert ("AGREE", "KEN", "UGA") in triples(events_of(analyzer, "Kenya and Uganda agreed that talks would resume next month."))
    assert triples(events_of(analyzer, "The Kenyan president offered aid to Uganda.")) == [("AGREE", "KEN", "UGA")]


def test_other_senses_of_violence_verbs_code_nothing(analyzer):
    # a standard met far from the verb, staff fired, a union fighting for its pensions
    for text in (
        "The Peruvian candidate did not meet the electoral commission's 15 percent polling threshold.",
        "The Peruvian ministry fired twelve employees on Monday.",
        "The Peruvian union fought to protect its members' pensions.",
    ):
        assert events_of(analyzer, text) == [], text
    assert triples(events_of(analyzer, "Peruvian soldiers fired rockets at Bolivian positions.")) == [("ASSAULT", "PER", "BOL")]
    assert [e.type for e in events_of(analyzer, "Peruvian rebels fought to take the Bolivian border town.")] == ["ASSAULT"]


def test_a_relative_of_an_actor_is_not_that_actor(analyzer):
    assert events_of(analyzer, "The Haitian activist's wife pleaded with Dominican officials to release him.") == []
    assert triples(events_of(analyzer, "The Haitian president's envoy pleaded with Dominican officials to release the prisoners.")) == [
        ("REQUEST", "HTI", "DOM")
    ]


def test_defending_ones_remarks_holding_a_post_or_targeting_voters_is_no_event(analyzer):
    for text in (
        "The Ecuadorian minister defended his remarks about the Colombian border.",
        "The Ecuadorian general occupies a key position in the Colombian government.",
        "The Ecuadorian party targeted young voters in Quito.",
    ):
        assert events_of(analyzer, text) == [], text
    assert triples(events_of(analyzer, "Ecuadorian troops occupied the Colombian village.")) == [("ASSAULT", "ECU", "COL")]
    assert triples(events_of(analyzer, "Ecuadorian troops targeted Colombian rebels.")) == [("ASSAULT", "ECU", "COL")]


def test_remembering_someone_or_battling_an_illness_is_no_event(analyzer):
    assert events_of(analyzer, "The Bolivian minister recalled the Chilean president as a difficult man.") == []
    assert events_of(analyzer, "The Bolivian minister battled through a bout of pneumonia in Chile.") == []
    assert [(e.type, e.source.code) for e in events_of(analyzer, "Bolivia recalled its top diplomat from Santiago.")] == [
        ("SANCTION", "BOLGOV")
    ]


def test_an_opening_past_participle_acts_on_the_main_subject(analyzer):
    assert events_of(analyzer, "Asked about the Ugandan border dispute, the Kenyan minister said talks would continue.") == []
    assert ("ASSAULT", "UGA", "KEN") in triples(events_of(analyzer, "Attacked by Ugandan rebels, the Kenyan troops retreated."))
    assert triples(events_of(analyzer, "Pressed by Ugandan officials, the Kenyan minister refused to comment.")) == [
        ("REQUEST", "UGA", "KEN")
    ]


def test_every_event_says_why_it_was_coded(analyzer):
    attack, accusation = events_of(analyzer, "Kenya said Somali troops attacked a Kenyan border post.")
    assert attack.rule == "verb 'attack' of the event lexicon"
    assert accusation.rule.startswith("violence by another side reported by the speaker")
    [riot] = events_of(analyzer, "Protesters torched a police station in Nairobi.")
    assert riot.type == "PROTEST" and riot.rule.endswith("unarmed violence by a crowd: a riot")


def test_criticism_in_other_words_is_an_accusation(analyzer):
    for text in ("Kenyan President William Ruto derided the Somali government as weak.",
                 "Kenyan President William Ruto mocked the Somali government on Monday.",
                 "Kenyan President William Ruto hit out at the Somali government on Monday."):
        assert ("ACCUSE", "KEN", "SOM") in triples(events_of(analyzer, text)), text


def test_an_accusation_by_people_unnamed_keeps_its_target(analyzer):
    [accused] = events_of(analyzer, "The Kenyan government has been accused of torturing prisoners.")
    assert (accused.type, accused.source, accused.target.code) == ("ACCUSE", None, "KENGOV")
    [named] = events_of(analyzer, "The Kenyan government was accused by Somalia of torturing prisoners.")
    assert (named.source.code, named.target.code) == ("SOMGOV", "KENGOV")


def test_a_person_criticised_for_a_stance_stays_the_target(analyzer):
    # the same-country retarget ("withdraw its forces from Chad") must not swap a person for a place
    [attack] = events_of(analyzer, "Trump attacked Clinton for her support of the Iraq war.", published="2016-03-14")
    assert (attack.type, attack.target.name) == ("ACCUSE", "Clinton")


def test_attacks_and_clashes_between_unarmed_people_are_criticism(analyzer):
    assert triples(events_of(analyzer, "The Ohio senator's attacks on the Texas governor grew sharper this week.")) == [
        ("ACCUSE", "USA", "USA")]
    [clash] = events_of(analyzer, "Senator Mary Dalton of Ohio clashed with Republican leaders over the budget.")
    assert (clash.type, clash.target.code) == ("ACCUSE", "USAPTY")
    assert "criticism" in clash.rule


def test_attacks_with_harm_or_by_armed_actors_stay_violence(analyzer):
    assert [e.type for e in events_of(analyzer, "A gunman attacked Senator Mary Dalton of Ohio, wounding her.")] == ["ASSAULT"]
    assert [e.type for e in events_of(analyzer, "Police clashed with protesters in Kabul.")] == ["ASSAULT"]
    assert [e.type for e in events_of(analyzer, "The Syrian army attacked rebels in Homs.")] == ["ASSAULT"]


def test_a_person_who_fights_for_something_does_no_violence(analyzer):
    text = ("Former candidate Jane Roe endorsed Senator Ted Cruz of Texas on Wednesday.\n\n"
            "\u201cTed Cruz has stood up and fought for our right to bear arms,\u201d she said.")
    assert [e.type for e in events_of(analyzer, text, published="2016-03-09")] == ["SUPPORT"]
    assert [e.type for e in events_of(analyzer, "Iraqi rebels fought for control of the town.")] == ["ASSAULT"]


def test_his_act_in_a_reason_phrase_is_the_objects_not_the_speakers(analyzer):
    text = "Senator Mary Dalton of Ohio criticized Governor Tom Reyes of Texas over his threats against Mexico."
    assert [(e.type, e.source.name) for e in events_of(analyzer, text)] == [("ACCUSE", "Mary Dalton"), ("THREATEN", "Tom Reyes")]
    own = events_of(analyzer, "Senator Mary Dalton of Ohio reaffirmed her support for Governor Tom Reyes of Texas.")
    assert [(e.type, e.source.name) for e in own] == [("SUPPORT", "Mary Dalton")]


def test_rejected_attacks_are_the_critics_accusation_and_the_rejection(analyzer):
    text = "Senator Mary Dalton of Ohio rejected attacks from Governor Tom Reyes of Texas."
    assert [(e.type, e.source.name, e.target.name) for e in events_of(analyzer, text)] == [
        ("REJECT", "Mary Dalton", "Tom Reyes"), ("ACCUSE", "Tom Reyes", "Mary Dalton")]
    assert [e.type for e in events_of(analyzer, "The Afghan army repelled attacks from Taliban fighters.")] == ["ASSAULT"]


def test_a_candidates_title_gives_the_party_sector(analyzer):
    [event] = events_of(analyzer, "GOP presidential nominee Mitt Romney criticized President Barack Obama.", published="2012-10-01")
    assert (event.source.name, event.source.code) == ("Mitt Romney", "USAPTY")


def test_asking_a_question_is_no_request(analyzer):
    assert events_of(analyzer, "The Ohio senator asked the governor whether he would resign.") == []
    assert [e.type for e in events_of(analyzer, "Russia asked Syria to accept a ceasefire.")] == ["REQUEST"]


def test_asking_that_carries_a_quotation_or_a_topic_is_no_request(analyzer):
    # the issue's "a journalist's question as REQUEST"
    assert events_of(analyzer, "“After two more years of this,” Mr. Okafor asks, “what kind of newspapers will be left?”") == []
    assert events_of(analyzer, "The minister asked about the missing funds.") == []
    for text in ("The opposition asked for international observers.", "The mayor asked permission to hold the rally.",
                 "Egypt asked that the council delay the vote.",
                 "“We need help,” the governor said, asking the United Nations for food aid."):
        assert [e.type for e in events_of(analyzer, text)] == ["REQUEST"], text


def test_a_state_named_as_a_whole_acts_through_its_government_or_military(analyzer):
    # "Iran pressured the U.S.": the state's government acts and is acted on
    [event] = events_of(analyzer, "Iran has been pressuring the United States to leave the base.")
    assert (event.type, event.source.code, event.source.sector, event.target.code) == ("REQUEST", "IRNGOV", "GOV", "USAGOV")
    # a state that invades acts through its military; the state invaded is the country itself
    [event] = events_of(analyzer, "Russia invaded Ukraine.")
    assert (event.source.code, event.target.code, event.target.sector) == ("RUSMIL", "UKR", None)
    # a named body keeps its own sector
    [event] = events_of(analyzer, "The Russian Foreign Ministry condemned Ukraine.")
    assert (event.source.code, event.target.code) == ("RUSGOV", "UKRGOV")


def test_a_person_the_knowledge_base_knows_is_a_person_whatever_the_ner_label(analyzer):
    # the NER model tags "Carly Fiorina" as an organisation; the shipped KB knows her as a candidate
    [event] = events_of(analyzer, "Carly Fiorina praised Ohio Gov. John Kasich for his courage.", published="2016-03-01")
    assert (event.type, event.source.name, event.source.code, event.target.code) == ("SUPPORT", "Carly Fiorina", "USAPTY", "USAGOV")


def test_admiring_cheering_and_lending_support_are_support(analyzer):
    for text in ("The Kenyan president admires the Somali president.",
                 "The Kenyan president cheered the Somali decision.",
                 "The Kenyan president threw his support behind the Somali president.",
                 "The Kenyan president lent his support to the Somali president.",
                 "The Kenyan president sided with the Somali government."):
        assert triples(events_of(analyzer, text)) == [("SUPPORT", "KEN", "SOM")], text
    assert events_of(analyzer, "The Kenyan crowd admired the view.") == []


def test_the_ire_of_someone_is_their_criticism(analyzer):
    # a feeling noun's "of" phrase is who feels it; the one who incurs it is the target
    for text in ("The Kenyan plan attracted the ire of Somali officials.",
                 "The Kenyan president incurred the wrath of Somali leaders."):
        assert triples(events_of(analyzer, text)) == [("ACCUSE", "SOM", "KEN")], text
    assert triples(events_of(analyzer, "The Kenyan president expressed criticism of Somali leaders.")) == [("ACCUSE", "KEN", "SOM")]


def test_a_meeting_with_no_one_met_is_no_consultation(analyzer):
    for text in ("The Kenyan president attended a rally on Monday.",
                 "The Kenyan president arrived in Mombasa on Monday.",
                 "Kenyan officials discussed strategies for the campaign."):
        assert events_of(analyzer, text) == [], text
    assert triples(events_of(analyzer, "The Kenyan president met the Somali president.")) == [("CONSULT", "KEN", "SOM")]
    assert set(triples(events_of(analyzer, "Kenya and Somalia met in Nairobi."))) == {("CONSULT", "KEN", "SOM")}


def test_votes_against_overrulings_and_incursions_are_coded(analyzer):
    assert triples(events_of(analyzer, "Kenyan lawmakers voted against the Ugandan government's trade deal.")) == [
        ("REJECT", "KEN", "UGA")]
    assert triples(events_of(analyzer, "Russia has made submarine incursions into Swedish waters.")) == [
        ("MOBILIZE", "RUS", "SWE")]


def test_a_deed_another_condemns_is_coded_beside_the_condemnation(analyzer):
    found = triples(events_of(analyzer, "The European Union condemned Israel's attack on Gaza."))
    assert ("ACCUSE", "IGO", "ISR") in found and ("ASSAULT", "ISR", "PSE") in found
    # a deed urged is not done: only the request is coded
    assert [t[0] for t in triples(events_of(analyzer, "The minister urged Russia's withdrawal from Syria."))] == ["REQUEST"]


def test_a_rejected_proposal_targets_its_maker(analyzer):
    assert triples(events_of(analyzer, "The Kenyan government rejected the proposal made by Uganda.")) == [
        ("REJECT", "KEN", "UGA")]


def test_rejected_accusations_target_whoever_made_them_just_before(analyzer):
    text = "Russia accused Ukraine of shelling Donetsk. The Ukrainian government rejected these accusations as false."
    assert triples(events_of(analyzer, text)) == [("ACCUSE", "RUS", "UKR"), ("REJECT", "UKR", "RUS")]
    # no accusation reported before: no one to target
    assert triples(events_of(analyzer, "The Ukrainian government rejected these accusations.")) == [("REJECT", "UKR", None)]


def test_campaigning_for_a_candidate_and_endorsements_received_are_support(analyzer):
    assert triples(events_of(analyzer, "Kenyan President Uhuru Kenyatta campaigned for Ugandan President Yoweri Museveni.")) == [
        ("SUPPORT", "KEN", "UGA")]
    assert triples(events_of(analyzer, "Kenya campaigned for reform in Somalia.")) == []  # a cause, no one supported
    assert triples(events_of(analyzer, "Donald Trump received endorsements from 88 American generals.")) == [
        ("SUPPORT", "USA", "USA")]


def test_non_event_senses_named_by_the_real_articles_issue_code_nothing(analyzer):
    # a plea in court, a market that eased: no request, no concession
    assert events_of(analyzer, "The Kenyan businessman pleaded guilty to fraud charges.") == []
    assert events_of(analyzer, "Oil prices eased on Tuesday as Saudi Arabia raised output.") == []
    assert triples(events_of(analyzer, "Israel eased restrictions on Gaza.")) == [("CONCEDE", "ISR", "PSE")]
    assert triples(events_of(analyzer, "The Kenyan opposition pleaded with Kenyan police to release the students.")) == [
        ("REQUEST", "KEN", "KEN")]


def test_a_court_that_strikes_down_a_law_rules_and_does_no_violence(analyzer):
    [ruling] = events_of(analyzer, "The Kenyan Supreme Court struck down the law on Monday.")
    assert (ruling.type, ruling.mode, ruling.source.code) == ("SANCTION", "convict", "KENJUD")
    assert [e.type for e in events_of(analyzer, "Kenyan jets struck down a Somali drone.")] == ["ASSAULT"]


def test_each_coordinated_target_of_an_event_with_no_coded_doer(analyzer):
    accused = events_of(analyzer, "Russia and the Syrian government have been accused of creating a humanitarian disaster.")
    assert sorted(triples(accused)) == [("ACCUSE", None, "RUS"), ("ACCUSE", None, "SYR")]
    attacked = events_of(analyzer, "Rebels attacked Russia and Syria.")
    assert sorted(e.target.code[:3] for e in attacked) == ["RUS", "SYR"]


def test_an_actor_among_coordinated_adjectives_is_the_doer_of_a_noun(analyzer):
    [criticism] = events_of(analyzer, "The United States faced stiff international and Palestinian criticism over its decision.")
    assert triples([criticism]) == [("ACCUSE", "PSE", "USA")]


def test_dismissing_an_actor_as_something_is_criticism_and_an_offer_stays_refused(analyzer):
    assert triples(events_of(analyzer, "Russia dismissed Ukraine as a puppet of Washington.")) == [("ACCUSE", "RUS", "UKR")]
    assert triples(events_of(analyzer, "Iran dismissed the American offer.")) == [("REJECT", "IRN", "USA")]
    # a claim dismissed as something is still refused; the "as" phrase names no target
    assert [e.type for e in events_of(analyzer, "Russia dismissed the criticism as the voice of Ukraine.")] == ["REJECT"]
    [belittled] = events_of(analyzer, "Russia dismissed him as a puppet of Washington.")
    assert (belittled.type, belittled.target) == ("ACCUSE", None)


def test_things_that_offer_or_allow_something_to_nobody_are_trade_not_events(analyzer):
    assert events_of(analyzer, "The new electric coupe would offer 335 horsepower in total.") == []
    assert events_of(analyzer, "All those lights allow the carmaker to program welcome patterns.") == []
    # a person the actors stage could not code still agrees
    assert [e.type for e in events_of(analyzer, "Ousted President Jan Kowalczyk has agreed to resign.")] == ["AGREE"]
    # an uncoded doer with a coded target is still coded
    [offer] = events_of(analyzer, "Local villagers offered shelter to Syrian refugees.")
    assert offer.type == "AGREE" and offer.target.code.startswith("SYR")


def test_an_act_that_is_only_supposed_is_not_coded(analyzer):
    assert events_of(analyzer, "Officials described the idea that Kenya is training the rebels as absurd.") == []
    assert events_of(analyzer, "Voters are anxious about the possibility of another attack on Kenya.") == []
    # beside a supposition, a real act is still coded
    [sanction] = events_of(analyzer, "Fears of an Israeli attack on Iran grew after the United States sanctioned Iran.")
    assert triples([sanction]) == [("SANCTION", "USA", "IRN")]


def test_a_negated_act_refuses_someone_or_is_no_event(analyzer):
    assert events_of(analyzer, "The Kenyan government does not support forced relocations.") == []
    assert events_of(analyzer, "Kenyan voters would be angry if Ugandan officials did not support the Kenyan bid.") == []
    # refusing a named actor is a refusal
    assert triples(events_of(analyzer, "The Kenyan government did not support Uganda.")) == [("REJECT", "KEN", "UGA")]


def test_a_phone_call_on_a_day_is_no_call_on_someone(analyzer):
    assert [e.type for e in events_of(analyzer, "The Kenyan president called the Ugandan president on Tuesday.")] != ["REQUEST"]
    assert triples(events_of(analyzer, "The Kenyan president called on Uganda to withdraw.")) == [("REQUEST", "KEN", "UGA")]


def test_a_warning_that_anothers_deed_could_do_harm_is_criticism(analyzer):
    [event] = events_of(analyzer, "Kenya warned on Monday that Uganda's dam could flood the valley.")
    assert (event.type, event.source.code[:3], event.target.code[:3]) == ("ACCUSE", "KEN", "UGA")
    [threat] = events_of(analyzer, "Kenya warned Uganda that it would face consequences.")
    assert threat.type == "THREATEN"


def test_allegiance_pledged_is_support_and_a_technique_deployed_no_mobilization(analyzer):
    assert triples(events_of(analyzer, "Kenyan rebels pledged allegiance to the Ugandan army.")) == [("SUPPORT", "KEN", "UGA")]
    assert events_of(analyzer, "The encryption deployed by Kenyan banks worries Ugandan police.") == []


def test_a_target_in_a_second_joined_phrase_is_found(analyzer):
    events = events_of(analyzer, "The Kenyan president apologized to his supporters and to Uganda for the raid.")
    assert triples(events) == [("CONCEDE", "KEN", "UGA")]


def test_silicon_valley_named_as_an_actor_is_the_us_tech_industry(analyzer):
    assert triples(events_of(analyzer, "The Kenyan government urged Silicon Valley to act.")) == [("REQUEST", "KEN", "USA")]


def test_the_release_of_a_video_is_no_release_and_blocked_access_is_a_sanction(analyzer):
    assert [e.type for e in events_of(analyzer, "The release of a new video by Kenyan rebels angered Uganda.")
            if e.type == "RETREAT"] == []
    assert triples(events_of(analyzer, "Kenya blocked Uganda's access to the port.")) == [("SANCTION", "KEN", "UGA")]


def test_a_warning_that_a_third_party_could_act_is_a_forecast(analyzer):
    assert events_of(analyzer, "Kenya warned Uganda that the Islamic State could attack the border.") == []


def test_a_poll_share_of_people_is_a_finding_not_an_act(analyzer):
    assert events_of(analyzer, "A survey showed that 65 percent of Kenyans supported the ban on imports.") == []
    assert events_of(analyzer, "Some 40% of Ugandan voters backed the opposition leader.") == []
    # a share that said somebody should act: still the poll's finding, no demand
    assert events_of(analyzer, "A new poll found that 74 percent of Republicans said the senator should resign.") == []
    assert triples(events_of(analyzer, "The governor said the senator should resign.")) == [("REQUEST", "GOV", "LEG")]
    # the people themselves still act
    assert triples(events_of(analyzer, "Kenyan students backed the opposition leader.")) == [("SUPPORT", "KEN", "KEN")]


@pytest.mark.parametrize("text", [
    "Senator Jane Roe and Tom Reed occupied a third tier in the polls.",
    "The governor is capturing the frustration of many voters.",
    "The senator stood with his arms crossed and smiled.",
])
def test_other_senses_of_occupying_capturing_and_standing_with(analyzer, text):
    assert events_of(analyzer, text) == []


def test_a_noun_event_between_two_sides_is_the_first_sides_act_on_the_other(analyzer):
    talks = events_of(analyzer, "Talks between Russia and Ukraine resumed on Monday.")
    assert triples(talks) == [("CONSULT", "RUS", "UKR")]


def test_hacking_and_taking_in_refugees(analyzer):
    assert triples(events_of(analyzer, "Tensions rose over China's hacking of American companies.")) == [("COERCE", "CHN", "USA")]
    [asylum] = events_of(analyzer, "Jordan had admitted more than a million Syrian refugees.")
    assert (asylum.type, asylum.cameo, asylum.target.code) == ("AID", "075", "SYRREF")


def test_the_one_angered_disapproves_of_the_one_who_angered_it(analyzer):
    assert triples(events_of(analyzer, "Israel's decision angered the Palestinians.")) == [("ACCUSE", "PSE", "ISR")]
    assert triples(events_of(analyzer, "The Palestinians were angered by Israel's decision.")) == [("ACCUSE", "PSE", "ISR")]


def test_persuading_and_lobbying_ask_and_an_ing_clause_after_about_or_by_shares_the_subject(analyzer):
    assert triples(events_of(analyzer, "Saudi Arabia lobbied Washington to block the bill.")) == [("REQUEST", "SAU", "USA")]
    assert triples(events_of(analyzer, "Kenya set about persuading Uganda to join the pact.")) == [("REQUEST", "KEN", "UGA")]
    assert triples(events_of(analyzer, "Russia responded by attacking Ukraine.")) == [("ASSAULT", "RUS", "UKR")]


def test_striking_a_deal_is_no_attack_but_striking_rebels_is(analyzer):
    deal = events_of(analyzer, "Kenya and Somalia struck a deal on the border.")
    assert deal and all(e.type != "ASSAULT" for e in deal)
    assert triples(events_of(analyzer, "Kenya struck Somali rebels on Monday.")) == [("ASSAULT", "KEN", "SOM")]


def test_a_name_a_user_dictionary_gives_several_codes_is_one_event_each(tmp_path):
    from chronicle.analysis import Analyzer
    from chronicle.config import Config

    actors_file = tmp_path / "Shire.actors.txt"
    actors_file.write_text("THE_SHIRE [FRO/BIL]\nMORDOR [MOR]\n", encoding="utf-8")
    analyzer = Analyzer(Config(dictionaries=[str(actors_file)]), quotes=False)
    attacks = events_of(analyzer, "The Shire attacked Mordor on Monday.")
    assert sorted(e.source.code for e in attacks) == ["BIL", "FRO"]


def test_an_apposition_names_the_group_that_acts(analyzer):
    events = events_of(analyzer, "Two Arab states, Egypt and Jordan, criticised the United States on Monday.")
    assert {(e.type, e.source.country, e.target.country) for e in events} == {
        ("ACCUSE", "EGY", "USA"), ("ACCUSE", "JOR", "USA")}


def test_the_main_verb_after_an_aside_between_dashes_has_the_subject_before_it(analyzer):
    text = ("The Palestinian Authority - which considers the US biased and has rejected the Trump "
            "administration as a mediator if peace talks are ever revived - called for an emergency meeting of the body.")
    events = events_of(analyzer, text)
    assert ("REQUEST", "PSE", None) in triples(events)


def test_a_local_crime_report_codes_its_police_and_their_suspects(analyzer):
    text = ("Police arrested six people on Monday during a drug investigation. "
            "Officers from the Springfield Police Department later arrested Jane Q. Doakes, 41, of 12 Elm St. "
            "Officers also executed a search warrant at a garage on Elm Street. "
            "Russian police detained four protesters in Moscow.")
    events = events_of(analyzer, text)
    coded = {(e.type, e.source.country, e.source.sector, e.target and e.target.country, e.target and e.target.sector)
             for e in events}
    assert ("COERCE", "USA", "COP", "USA", "CRM") in coded  # the people held, and Jane Doakes
    assert ("COERCE", "USA", "COP", None, None) in coded  # a warrant carried out, no killing
    assert ("COERCE", "RUS", "COP", "RUS", "CVL") in coded  # protesters stay civilians
    assert not any(e.type == "ASSAULT" for e in events)
    assert all(e.source.country == "USA" for e in events if e.source.text != "Russian police")


def test_a_named_person_nothing_codes_is_still_the_target_by_name(analyzer):
    [event] = events_of(analyzer, "Wilbur Quimby on Wednesday called on Harold Denton to apologize.")
    assert event.type == "REQUEST"
    assert (event.source.text, event.target.text) == ("Wilbur Quimby", "Harold Denton")
    assert event.target.code is None  # no guessed country or sector


def test_a_warning_is_a_threat_a_criticism_or_a_forecast(analyzer):
    threat = events_of(analyzer, "Iran warned that it would retaliate against Israel.")
    assert [(e.type, e.target.text) for e in threat] == [("THREATEN", "Israel")]
    criticism = events_of(analyzer, "Germany warned that Turkey was violating the border treaty.")
    assert ("ACCUSE", "Turkey") in [(e.type, e.target.text) for e in criticism]
    assert not any(e.type == "THREATEN" for e in criticism)
    assert events_of(analyzer, "The IMF warned that the economy could collapse next year.") == []


def test_a_body_named_after_its_leader_is_of_the_leaders_country_not_a_namesake_town(analyzer):
    [event] = events_of(analyzer, "The Obama administration criticized Venezuela on Monday.")
    assert (event.source.country, event.source.sector) == ("USA", "GOV")  # not Obama, Japan


def test_the_political_press_idioms_of_praise_and_criticism(analyzer):
    coded = {e.type for text in ("Trump has complimented Obama.", "Trump took aim at Clinton on Monday.",
                                 "Trump took a swipe at Clinton.", "Trump questioned the integrity of Senator Ted Cruz.")
             for e in events_of(analyzer, text)}
    assert coded == {"SUPPORT", "ACCUSE"}
    assert [e.type for e in events_of(analyzer, "The minister took a seat at the table.")] == []


def test_people_of_an_event_dated_years_before_the_article_are_coded_as_they_were_then(analyzer):
    text = "Hillary Clinton visited Burma in December 2011, and Hillary Clinton criticized Donald Trump on Monday."
    events = events_of(analyzer, text, published="2016-09-15")
    by_type = {e.type: e for e in events}
    assert (by_type["CONSULT"].date, by_type["CONSULT"].source.sector) == ("2011-12", "GOV")  # secretary of state then
    assert by_type["ACCUSE"].source.sector == "PTY"  # a candidate at the article's date


def test_the_side_fought_for_is_not_the_one_attacked(analyzer):
    [event] = events_of(analyzer, "Kurdish militias fought for the Syrian government near Aleppo.")
    assert (event.type, event.target) == ("ASSAULT", None)
    [event] = events_of(analyzer, "The protesters voted for the opposition.")  # "for" still names a recipient
    assert (event.type, event.target.sector) == ("SUPPORT", "OPP")


def test_two_officials_of_one_government_are_two_actors(analyzer):
    # "the president" and "the prime minister" share a code, not a person: the meeting is coded
    events = events_of(analyzer, "The Kenyan president met the Kenyan prime minister. The president later praised the prime minister.")
    assert [(e.type, e.source.text, e.target.text) for e in events] == [
        ("CONSULT", "Kenyan president", "Kenyan prime minister"), ("SUPPORT", "president", "prime minister")]
    assert events_of(analyzer, "The government criticized the government.") == []  # one body stays one actor
