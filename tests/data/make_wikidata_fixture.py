"""Writes tests/data/wikidata_fixture.json: a small Wikidata-style dump written by the Chronicle
team (fictional people and bodies; real top-level class QIDs). Run once: python tests/data/make_wikidata_fixture.py"""
import json
from pathlib import Path


def item(qid, en, *, fa=None, ps=None, aliases=(), layout="dump", **claims):
    """An entity in the real dump's layout (mainsnak with snaktype/property/datavalue/datatype), or
    with layout="bare" the smallest layout the builder reads (mainsnak with only its datavalue)."""
    labels = {"en": {"language": "en", "value": en}}
    if fa:
        labels["fa"] = {"language": "fa", "value": fa}
    if ps:
        labels["ps"] = {"language": "ps", "value": ps}

    def snak(prop, value, datatype):
        kind = {"external-id": "string", "time": "time"}.get(datatype, "wikibase-entityid")
        if layout == "bare":
            return {"datavalue": {"value": value}}
        return {"snaktype": "value", "property": prop, "datavalue": {"value": value, "type": kind}, "datatype": datatype}

    def time(day):
        return {"time": f"+{day}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11,
                "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}

    cl = {}
    for prop, values in claims.items():
        cl[prop] = []
        for v in values:
            quals = {}
            if isinstance(v, tuple):
                v, start, end = v
                if start:
                    quals["P580"] = [snak("P580", time(start), "time")]
                if end:
                    quals["P582"] = [snak("P582", time(end), "time")]
            if prop == "P298":
                main = snak(prop, v, "external-id")
            else:
                main = snak(prop, {"entity-type": "item", "numeric-id": int(v[1:]), "id": v}, "wikibase-item")
                if layout == "bare":
                    main = {"datavalue": {"value": {"id": v}}}
            cl[prop].append({"mainsnak": main, "type": "statement", "qualifiers": quals, "rank": "normal"})
    return {"type": "item", "id": qid, "labels": labels,
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]}, "claims": cl}


E = [
    item("Q889", "Afghanistan", fa="افغانستان", P298=["AFG"]),
    item("Q843", "Pakistan", P298=["PAK"]),
    item("Q794", "Iran", fa="ایران", P298=["IRN"]),
    item("Q30", "United States of America", P298=["USA"]),
    item("Q5", "human"),
    item("Q83307", "minister"), item("Q486839", "member of parliament"), item("Q16533", "judge"),
    item("Q189290", "military officer"),
    item("Q327333", "government agency"), item("Q7278", "political party"), item("Q11204", "legislature"),
    item("Q41487", "court"), item("Q35535", "police"), item("Q17127659", "terrorist organization"),
    item("Q245065", "intergovernmental organization"), item("Q11032", "newspaper"),
    item("Q47913", "intelligence agency"), item("Q61883", "military branch"),
    item("Q17149090", "armed organization", P279=["Q43229"]), item("Q900012", "army", P279=["Q61883", "Q17149090"]),
    # positions (fictional, with the countries they belong to)
    item("Q900001", "Minister of Water of Afghanistan", P279=["Q83307"], P17=["Q889"]),
    item("Q900002", "member of the Wolesi Jirga", P279=["Q486839"], P17=["Q889"]),
    item("Q900003", "judge of the Supreme Court of Pakistan", P279=["Q16533"], P17=["Q843"]),
    item("Q900004", "governor of a province of Iran", P279=["Q83307"], P17=["Q794"]),
    item("Q900005", "chief of army staff of Pakistan", P279=["Q189290"], P17=["Q843"]),
    # an org class chain: provincial directorate -> directorate -> government agency
    item("Q900010", "directorate", P279=["Q327333"]),
    item("Q900011", "provincial directorate", P279=["Q900010"]),
    # people
    item("Q900100", "Nazanin Qaderi", fa="نازنین قادری", ps="نازنين قادري", aliases=["Nazaneen Ghaderi"],
         P31=["Q5"], P27=["Q889"], P102=["Q900200"],
         P39=[("Q900002", "2019-01-15", "2024-03-31"), ("Q900001", "2024-04-01", None)]),
    item("Q900101", "Farid Hotak", P31=["Q5"], P27=["Q889"], P39=[("Q900001", "2015-05-01", "2018-02-01")]),
    item("Q900102", "Saima Leghari", P31=["Q5"], P27=["Q843"], P39=[("Q900003", "2020-09-01", None)]),
    item("Q900103", "Bahram Sotoudeh", fa="بهرام ستوده", P31=["Q5"], P27=["Q794"],
         P39=[("Q900004", "2021-10-10", None)]),
    item("Q900104", "Tariq Janjua", P31=["Q5"], P27=["Q843"], P39=[("Q900005", "2022-11-29", None)]),
    item("Q900105", "Mary Ellen Cobb", P31=["Q5"], P27=["Q30"]),  # no position: not kept
    # organisations
    item("Q900200", "Green Valley Party", fa="حزب دره سبز", P31=["Q7278"], P17=["Q889"]),
    item("Q900201", "Herat Provincial Water Directorate", fa="ریاست آب ولایت هرات", P31=["Q900011"], P17=["Q889"]),
    item("Q900202", "Lahore Constabulary", P31=["Q35535"], P17=["Q843"]),
    item("Q900203", "Front of the Black Mountain", P31=["Q17127659"], P17=["Q843"]),
    item("Q900204", "Caspian Water Council", P31=["Q245065"]),
    item("Q900205", "Kabul Morning Herald", P31=["Q11032"], P17=["Q889"]),
    item("Q900206", "Loya Shura of the Valley", P31=["Q11204"], P17=["Q889"]),
    item("Q900207", "High Court of Sistan", P31=["Q41487"], P17=["Q794"], layout="bare"),  # read whole
    item("Q900209", "Valley Security Directorate", P31=["Q47913"], P17=["Q889"]),
    item("Q900210", "Northern Mountain Army", P31=["Q900012"], P17=["Q843"]),  # army -> MIL before REB
    item("Q900211", "Sistan Liberation Brigades", P31=["Q17149090"], P17=["Q794"]),
    item("Q900208", "Blue Lake", P31=["Q900999"]),  # an item of no actor class: not kept
]

out = Path(__file__).with_name("wikidata_fixture.json")
with out.open("w", encoding="utf-8") as fh:
    fh.write("[\n")
    fh.write(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in E))
    fh.write("\n{broken line\n]\n")
print(out, len(E))
