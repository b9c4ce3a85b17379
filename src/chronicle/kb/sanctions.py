"""`chronicle kb import FILE.json`: OpenSanctions-style person/position files, the FollowTheMoney
entity stream (one JSON entity per line: ``{"id", "schema", "properties": {...}}``), as the
OpenSanctions "peps" and "default" exports are published.

- ``Position`` (name, country, topics) and ``Occupancy`` (holder, post, startDate, endDate) give
  a person's dated roles; a position's PLOVER sector comes from its topics
  (data/kb/ftm_topics.yaml), GOV when none is listed;
- ``Person`` (name, alias, weakAlias, citizenship, nationality, country) becomes a KB person when
  it holds at least one position; its country is its own citizenship, else the posts' country;
- ``Organization``, ``Company``, ``PublicBody`` become KB organisations when a topic gives a sector.

Two passes over the file (positions and occupancies first), so entities may come in any order.
The data's licence is shown and stored in the KB's meta table. A line that is not a JSON entity is
counted and skipped."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

import yaml

from chronicle.kb import KBEntry, KnowledgeBase, Role

__all__ = ["import_sanctions", "is_sanctions_file", "LICENCE"]

ORG_SCHEMATA = {"Organization", "Company", "PublicBody", "LegalEntity"}


def _topics() -> dict:
    f = resources.files("chronicle") / "data" / "kb" / "ftm_topics.yaml"
    return yaml.safe_load(f.read_text(encoding="utf-8"))


LICENCE = _topics()["licence"]


def is_sanctions_file(path: str | Path) -> bool:
    """Whether ``path`` is a FollowTheMoney entity stream: its first line an entity with a schema."""
    try:
        with open(path, "rb") as fh:
            first = json.loads(fh.readline() or b"null")
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and "schema" in first and "properties" in first


def _entities(path: Path, errors: list[str]) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                e = json.loads(line)
            except ValueError as exc:
                errors.append(f"{path}:{n}: {exc}")
                continue
            if isinstance(e, dict) and isinstance(e.get("properties"), dict):
                yield e
            else:
                errors.append(f"{path}:{n}: not a FollowTheMoney entity")


def _iso3(codes: list[str]) -> Optional[str]:
    import pycountry

    for code in codes:
        found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
        if found is None and len(code) == 3:
            found = pycountry.countries.get(alpha_3=code.upper())
        if found is not None:
            return found.alpha_3
    return None


def _first(table: list, topics: list[str]) -> Optional[str]:
    return next((sector for topic, sector in table if topic in topics), None)


def _date(value: list[str]) -> Optional[str]:
    if not value:
        return None
    d = value[0][:10]
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def import_sanctions(kb_path: str | Path, path: str | Path) -> dict:
    """Adds the file's office holders and organisations to the KB at ``kb_path``; returns counts."""
    path = Path(path)
    conf = _topics()
    errors: list[str] = []
    posts: dict[str, tuple[str, Optional[str], str]] = {}  # id -> (sector, country, title)
    held: dict[str, list[tuple[str, Optional[str], Optional[str]]]] = {}  # person -> (post, from, to)
    for e in _entities(path, errors):  # pass 1: positions and who held them when
        props = e["properties"]
        if e.get("schema") == "Position":
            sector = _first(conf["position_topics"], props.get("topics", [])) or "GOV"
            posts[e["id"]] = (sector, _iso3(props.get("country", [])), (props.get("name") or [e["id"]])[0])
        elif e.get("schema") == "Occupancy":
            for person in props.get("holder", []):
                for post in props.get("post", []):
                    held.setdefault(person, []).append((post, _date(props.get("startDate", [])),
                                                        _date(props.get("endDate", []))))
    kb = KnowledgeBase.open(kb_path)
    people = orgs = 0
    for e in _entities(path, []):  # pass 2: the people who held them, and organisations
        props, schema = e["properties"], e.get("schema")
        names = list(dict.fromkeys(props.get("name", []) + props.get("alias", []) + props.get("weakAlias", [])))
        if not names:
            continue
        if schema == "Person" and e["id"] in held:
            roles = []
            for post, start, end in held[e["id"]]:
                if post in posts:
                    sector, country, title = posts[post]
                    roles.append(Role(sector=sector, country=country, title=title, start=start, end=end))
            if not roles:
                continue
            own = _iso3(props.get("citizenship", []) + props.get("nationality", []) + props.get("country", []))
            open_ = [r for r in roles if r.end is None]
            kb.add(KBEntry(name=names[0], kind="person", country=own or roles[-1].country,
                           sector=open_[-1].sector if open_ else "ELI", roles=roles, aliases=names[1:],
                           source=f"opensanctions:{e['id']}"))
            people += 1
        elif schema in ORG_SCHEMATA:
            sector = _first(conf["organisation_topics"], props.get("topics", []))
            if not sector:
                continue
            country = _iso3(props.get("country", []) + props.get("jurisdiction", []))
            if sector == "IGO":
                country, sector = "IGO", None
            kb.add(KBEntry(name=names[0], kind="org", country=country, sector=sector, aliases=names[1:],
                           source=f"opensanctions:{e['id']}"))
            orgs += 1
    kb.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"licence:{path.name}", LICENCE))
    kb.conn.commit()
    kb.conn.close()
    return {"file": str(path), "people": people, "organisations": orgs, "positions": len(posts),
            "errors": len(errors), "error_lines": errors[:20], "licence": LICENCE}
