"""A generated Wikidata-style dump for timing ``chronicle kb build --wikidata``: entities in the real
dump's JSON layout (mainsnak with snaktype/property/hash/datavalue/datatype, qualifiers, references,
descriptions and sitelinks in many languages), mixed the way the full dump is: mostly scholarly
articles, taxa, places and people without an office; a few per cent classes, people with positions
and organisations. Every entity is fictional; the class ids used for actors are the real top-level
ones of data/kb/wikidata_classes.yaml.

Mix per 100 entities (after the composition Wikidata reports of its own items, rounded):
38 scholarly articles, 11 people without office, 1 person with offices, 3 organisations (half through
a class chain), 4 classes (P279), 8 taxa, 12 Wikimedia categories and pages, 23 places and other
things. Sizes follow the dump's: articles carry authors, citations and references; people carry
labels in many languages and sitelinks."""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

LANGS = ["en", "de", "fr", "es", "it", "nl", "pl", "ru", "ar", "fa", "ps", "zh", "ja", "pt", "sv", "uk", "tr", "he"]
ORG_CLASSES = ["Q327333", "Q7278", "Q11204", "Q41487", "Q35535", "Q17127659", "Q11032", "Q4830453", "Q79913",
               "Q245065", "Q176799", "Q3918"]
POSITION_CLASSES = ["Q83307", "Q486839", "Q16533", "Q189290", "Q30461"]
COUNTRIES = [("Q889", "AFG"), ("Q843", "PAK"), ("Q794", "IRN"), ("Q30", "USA"), ("Q159", "RUS"), ("Q148", "CHN")]


def _snak(prop: str, value, kind: str = "item", rng: random.Random | None = None) -> dict:
    if kind == "item":
        dv = {"value": {"entity-type": "item", "numeric-id": int(value[1:]), "id": value}, "type": "wikibase-entityid"}
        datatype = "wikibase-item"
    elif kind == "time":
        dv = {"value": {"time": f"+{value}T00:00:00Z", "timezone": 0, "before": 0, "after": 0, "precision": 11,
                        "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}, "type": "time"}
        datatype = "time"
    else:
        dv = {"value": value, "type": "string"}
        datatype = "external-id" if kind == "id" else "string"
    h = f"{(rng or random).getrandbits(160):040x}"
    return {"snaktype": "value", "property": prop, "hash": h, "datavalue": dv, "datatype": datatype}


def _statement(qid: str, prop: str, value, rng: random.Random, kind: str = "item", qualifiers: dict | None = None,
               refs: int = 1) -> dict:
    st = {"mainsnak": _snak(prop, value, kind, rng), "type": "statement", "id": f"{qid}${rng.getrandbits(128):032x}",
          "rank": "normal"}
    if qualifiers:
        st["qualifiers"] = {p: [_snak(p, v, k, rng)] for p, (v, k) in qualifiers.items()}
        st["qualifiers-order"] = list(qualifiers)
    if refs:
        st["references"] = [{"hash": f"{rng.getrandbits(160):040x}",
                             "snaks": {"P248": [_snak("P248", f"Q{rng.randint(10, 99999)}", "item", rng)],
                                       "P813": [_snak("P813", "2023-05-01", "time", rng)]},
                             "snaks-order": ["P248", "P813"]} for _ in range(refs)]
    return st


def _entity(qid: str, label: str, rng: random.Random, claims: dict[str, list], langs: int = 3,
            sitelinks: int = 0, aliases: list[str] = ()) -> dict:
    chosen = LANGS[:langs]
    return {"type": "item", "id": qid,
            "labels": {lg: {"language": lg, "value": label} for lg in chosen},
            "descriptions": {lg: {"language": lg, "value": f"item {qid} described in {lg}"} for lg in chosen},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]} if aliases else {},
            "claims": {p: sts for p, sts in claims.items()},
            "sitelinks": {f"{lg}wiki": {"site": f"{lg}wiki", "title": label, "badges": []}
                          for lg in LANGS[:sitelinks]},
            "pageid": int(qid[1:]) % 10_000_000, "ns": 0, "title": qid, "lastrevid": rng.randint(1, 2 * 10 ** 9),
            "modified": "2023-04-24T00:00:00Z"}


def _make(n: int, rng: random.Random) -> dict:
    qid = f"Q{50_000_000 + n}"
    r = rng.random() * 100
    st = lambda p, v, **kw: _statement(qid, p, v, rng, **kw)  # noqa: E731
    if r < 38:  # scholarly article: authors, citations, identifiers
        claims = {"P31": [st("P31", "Q13442814")],
                  "P50": [st("P50", f"Q{rng.randint(10**6, 10**8)}") for _ in range(rng.randint(2, 8))],
                  "P2860": [st("P2860", f"Q{rng.randint(10**6, 10**8)}", refs=0) for _ in range(rng.randint(5, 30))],
                  "P356": [st("P356", f"10.{rng.randint(1000, 9999)}/x{n}", kind="id")],
                  "P577": [st("P577", "2015-03-01", kind="time")]}
        return _entity(qid, f"A study of thing {n}", rng, claims, langs=1)
    if r < 49:  # a person with no office
        claims = {"P31": [st("P31", "Q5")], "P27": [st("P27", rng.choice(COUNTRIES)[0])],
                  "P106": [st("P106", f"Q{rng.randint(10**3, 10**6)}")],
                  "P569": [st("P569", "1950-01-01", kind="time")], "P21": [st("P21", "Q6581097")]}
        return _entity(qid, f"Person {n}", rng, claims, langs=8, sitelinks=2)
    if r < 50:  # a person with offices (and a party)
        claims = {"P31": [st("P31", "Q5")], "P27": [st("P27", rng.choice(COUNTRIES)[0])],
                  "P39": [st("P39", f"Q{40_000_000 + rng.randint(0, 999)}",
                             qualifiers={"P580": ("2015-01-01", "time"), "P582": ("2019-01-01", "time")}),
                          st("P39", f"Q{40_000_000 + rng.randint(0, 999)}", qualifiers={"P580": ("2019-02-01", "time")})],
                  "P102": [st("P102", f"Q{40_001_000 + rng.randint(0, 99)}")]}
        return _entity(qid, f"Official {n}", rng, claims, langs=10, sitelinks=6, aliases=[f"Off. {n}"])
    if r < 53:  # an organisation, of an actor class or through a generated subclass
        cls = rng.choice(ORG_CLASSES) if rng.random() < 0.5 else f"Q{40_002_000 + rng.randint(0, 199)}"
        claims = {"P31": [st("P31", cls)], "P17": [st("P17", rng.choice(COUNTRIES)[0])],
                  "P571": [st("P571", "1990-01-01", kind="time")]}
        return _entity(qid, f"Organisation {n}", rng, claims, langs=5, sitelinks=2)
    if r < 57:  # a class
        claims = {"P279": [st("P279", f"Q{rng.randint(10**3, 10**7)}")], "P31": [st("P31", "Q16889133")]}
        return _entity(qid, f"kind of thing {n}", rng, claims, langs=6)
    if r < 65:  # a taxon
        claims = {"P31": [st("P31", "Q16521")], "P171": [st("P171", f"Q{rng.randint(10**4, 10**7)}")],
                  "P225": [st("P225", f"Genus species{n}", kind="string")],
                  "P105": [st("P105", "Q7432")]}
        return _entity(qid, f"Genus species{n}", rng, claims, langs=2)
    if r < 77:  # a Wikimedia category or page
        claims = {"P31": [st("P31", "Q4167836", refs=0)]}
        return _entity(qid, f"Category:Things {n}", rng, claims, langs=4, sitelinks=3)
    claims = {"P31": [st("P31", f"Q{rng.randint(10**3, 10**6)}")], "P17": [st("P17", rng.choice(COUNTRIES)[0])],
              "P625": [st("P625", f"{rng.random()}", kind="string")]}
    return _entity(qid, f"Place {n}", rng, claims, langs=4, sitelinks=1)


def _fixed(rng: random.Random) -> list[dict]:
    """The entities the generated people and organisations point at: countries, positions, parties, class chains."""
    out = []
    for q, iso in COUNTRIES:
        out.append(_entity(q, f"Country {iso}", rng, {"P298": [_statement(q, "P298", iso, rng, kind="id")]}, langs=5))
    for k in range(1000):
        q = f"Q{40_000_000 + k}"
        c = COUNTRIES[k % len(COUNTRIES)][0]
        out.append(_entity(q, f"Office {k}", rng, {"P279": [_statement(q, "P279", POSITION_CLASSES[k % 5], rng)],
                                                  "P17": [_statement(q, "P17", c, rng)]}, langs=4))
    for k in range(100):
        q = f"Q{40_001_000 + k}"
        out.append(_entity(q, f"Party {k}", rng, {"P31": [_statement(q, "P31", "Q7278", rng)],
                                                 "P17": [_statement(q, "P17", COUNTRIES[k % 6][0], rng)]}, langs=4))
    for k in range(200):
        q = f"Q{40_002_000 + k}"
        out.append(_entity(q, f"kind of body {k}", rng,
                           {"P279": [_statement(q, "P279", ORG_CLASSES[k % len(ORG_CLASSES)], rng)]}, langs=3))
    return out


def write(path: str | Path, entities: int, seed: int = 11) -> Path:
    """Write a dump of about ``entities`` entities to ``path`` (gzip when it ends in .gz)."""
    rng = random.Random(seed)
    path = Path(path)
    opener = (lambda p: gzip.open(p, "wt", encoding="utf-8", compresslevel=6)) if path.suffix == ".gz" \
        else (lambda p: open(p, "w", encoding="utf-8"))
    with opener(path) as fh:
        fh.write("[\n")
        for e in _fixed(rng):
            fh.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + ",\n")
        for n in range(entities):
            fh.write(json.dumps(_make(n, rng), ensure_ascii=False, separators=(",", ":")) + ",\n")
        fh.write("]\n")
    return path
