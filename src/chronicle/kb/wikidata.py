"""Stream a Wikidata JSON dump (``latest-all.json.gz``: one entity per line inside ``[ ... ]``)
into the KB with flat memory: `chronicle kb build --wikidata FILE`.

Three passes over the dump, memory bounded by the class graph: pass 1 keeps the class graph
(P279 of every item), ISO-3 codes of countries (P298) and the ids used as positions (P39) or
parties (P102); pass 2 the labels and countries (P17) of those ids only; pass 3 writes people with positions (P39 with P580/P582 dates), citizenship
(P27) and party (P102), and organisations whose class chain (P31, then P279 upward) reaches a
class of data/kb/wikidata_classes.yaml. Labels and aliases in en, fa, ps, ar, ru.
A malformed line is counted and skipped, never stops the build."""
from __future__ import annotations

import gzip
import json
import time
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import yaml

from chronicle.kb import KBEntry, KnowledgeBase, Role

__all__ = ["build_wikidata", "entities"]

LANGS = ("en", "fa", "ps", "ar", "ru")


def _classes() -> dict:
    f = resources.files("chronicle") / "data" / "kb" / "wikidata_classes.yaml"
    return yaml.safe_load(f.read_text(encoding="utf-8"))


def entities(path: str | Path, errors: Optional[list] = None) -> Iterator[dict]:
    """The dump's entities, one line at a time (gzip or plain)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip().rstrip(",")
            if line in ("[", "]", ""):
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                if errors is not None:
                    errors.append(f"{path}:{n}: {exc.msg}")


def _ids(entity: dict, prop: str) -> list[tuple[str, dict]]:
    out = []
    for claim in (entity.get("claims") or {}).get(prop, []):
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append((value["id"], claim))
    return out


def _qual_time(claim: dict, prop: str) -> Optional[str]:
    for q in (claim.get("qualifiers") or {}).get(prop, []):
        t = ((q.get("datavalue") or {}).get("value") or {}).get("time")
        if t:
            t = t.lstrip("+")[:10].replace("-00", "-01")
            return t
    return None


def _label(entity: dict) -> Optional[str]:
    labels = entity.get("labels") or {}
    for lang in LANGS:
        if lang in labels:
            return labels[lang]["value"]
    return None


def _names(entity: dict) -> list[str]:
    out = []
    for lang in LANGS:
        if lang in (entity.get("labels") or {}):
            out.append(entity["labels"][lang]["value"])
        out += [a["value"] for a in (entity.get("aliases") or {}).get(lang, [])]
    return list(dict.fromkeys(out))


def build_wikidata(dump: str | Path, path: str | Path, shipped: bool = True) -> dict:
    """Build the KB at ``path`` from ``dump`` (plus the shipped sources when ``shipped``)."""
    t0 = time.perf_counter()
    conf = _classes()
    org_classes: dict[str, str] = {q: s for s, qs in conf["organisations"].items() for q in qs}
    position_sector: dict[str, str] = {q: s for s, qs in conf["positions"].items() for q in qs}
    countries: dict[str, str] = {}  # country item -> ISO-3, from the items' own P298
    # pass 1: class graph, positions used, countries by item
    parents: dict[str, list[str]] = {}
    item_country: dict[str, str] = {}
    labels: dict[str, str] = {}
    wanted_positions: set[str] = set()
    errors: list[str] = []
    for e in entities(dump, errors):  # pass 1: the class graph, ISO codes, items we need
        qid = e.get("id", "")
        subclass = [q for q, _ in _ids(e, "P279")]
        if subclass:
            parents[qid] = subclass
        for claim in (e.get("claims") or {}).get("P298", []):
            v = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
            if isinstance(v, str) and len(v) == 3:
                countries[qid] = v.upper()
        for prop in ("P39", "P102"):
            for q, _ in _ids(e, prop):
                wanted_positions.add(q)
    for e in entities(dump):  # pass 2: labels and countries of positions and parties only
        qid = e.get("id", "")
        if qid in wanted_positions:
            lab = _label(e)
            if lab:
                labels[qid] = lab
            c = _ids(e, "P17")
            if c:
                item_country[qid] = c[0][0]
    def chain(qid: str, table: dict[str, str], depth: int = 0, seen: Optional[set] = None) -> Optional[str]:
        if qid in table:
            return table[qid]
        seen = seen or set()
        if depth > 8 or qid in seen:
            return None
        seen.add(qid)
        for p in parents.get(qid, []):
            s = chain(p, table, depth + 1, seen)
            if s:
                return s
        return None

    def iso(qid: Optional[str]) -> Optional[str]:
        return countries.get(qid) if qid else None

    kb = KnowledgeBase.create(path)
    if shipped:
        from chronicle.kb.build import factbook_entries, lexicon_entries
        for entry in lexicon_entries():
            kb.add(entry)
        for entry in factbook_entries():
            kb.add(entry)
    n_people = n_orgs = 0
    for e in entities(dump):  # pass 3: people with positions, organisations by class
        qid = e.get("id", "")
        kinds = [q for q, _ in _ids(e, "P31")]
        names = _names(e)
        if not names:
            continue
        if "Q5" in kinds:
            roles = []
            for pos, claim in _ids(e, "P39"):
                sector = chain(pos, position_sector) or "GOV"
                roles.append(Role(sector=sector, country=iso(item_country.get(pos)), title=labels.get(pos, pos),
                                  start=_qual_time(claim, "P580"), end=_qual_time(claim, "P582")))
            if not roles:
                continue
            cit = [iso(q) for q, _ in _ids(e, "P27")]
            party = [q for q, _ in _ids(e, "P102")]
            open_ = [r for r in roles if r.end is None]
            kb.add(KBEntry(name=names[0], kind="person", country=next((c for c in cit if c), None),
                           sector=(open_[-1].sector if open_ else "ELI"), roles=roles,
                           party=labels.get(party[0], party[0]) if party else None, aliases=names[1:], source=f"wikidata:{qid}"))
            n_people += 1
            continue
        sector = next((chain(k, org_classes) for k in kinds if chain(k, org_classes)), None)
        if sector:
            own = _ids(e, "P17")
            country = iso(own[0][0]) if own else None
            if sector in ("IGO", "NGO", "IMG", "MNC"):
                country, sector = sector, None
            kb.add(KBEntry(name=names[0], kind="org", country=country, sector=sector,
                           aliases=names[1:], source=f"wikidata:{qid}"))
            n_orgs += 1
    for text in yaml.safe_load((resources.files("chronicle") / "data" / "kb" / "non_actors.yaml")
                               .read_text(encoding="utf-8")) or []:
        kb.add_non_actor(text)
    size = Path(dump).stat().st_size
    secs = time.perf_counter() - t0
    kb.finish(Path(path), {"wikidata_dump": str(dump), "wikidata_people": n_people, "wikidata_orgs": n_orgs,
                           "wikidata_errors": len(errors), "built_s": round(secs, 2),
                           "dump_mb_per_s": round(size / 1e6 / max(secs, 1e-9), 2)})
    stats = KnowledgeBase.open(path).stats()
    stats["errors"] = errors[:20]
    return stats
