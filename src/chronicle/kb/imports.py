"""`chronicle kb import FILE...`: PETRARCH/Phoenix ``.actors`` dictionaries (and Chronicle YAML
dictionaries) into an existing KB, read by analysis.dictionaries' public reader. Dated codes
become dated roles: a person whose dated offices all ended is ELI after them."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from chronicle.analysis.dictionaries import read_dictionary
from chronicle.kb import KBEntry, KnowledgeBase, Role

__all__ = ["import_dictionaries"]

_PEOPLE_SECTORS = {"GOV", "LEG", "JUD", "MIL", "COP", "ELI", "OPP", "REB", "SPY", "BUS", "JRN", "EDU", "REL", "MED"}


def import_dictionaries(kb_path: str | Path, paths: list[str | Path], strict: bool = False) -> dict:
    """Adds each dictionary's actors to the KB at ``kb_path``; returns counts per file."""
    kb = KnowledgeBase.open(kb_path)
    counts = {}
    for path in paths:
        groups: dict[tuple, list[str]] = {}
        entries: dict[tuple, object] = {}
        for phrase, entry in read_dictionary(path, strict=strict):
            if entry.kind not in ("actor", "person", "igo"):
                continue
            key = (entry.name or phrase, entry.code, entry.dated)
            groups.setdefault(key, []).append(phrase.replace("_", " ").strip())
            entries[key] = entry
        source = f"dictionary:{Path(path).name}"
        for key, phrases in groups.items():
            e = entries[key]
            code = e.code or ((e.country or "") + (e.sector or ""))
            country, sector = (code[:3] or None), (code[3:6] or e.sector or None)
            roles = [Role(sector=c[3:6] or None, country=c[:3] or None, start=a or None, end=b or None)
                     for c, a, b in e.dated]
            kind = "person" if roles and all((r.sector or "") in _PEOPLE_SECTORS for r in roles) else "org"
            if kind == "person" and not e.code and all(r.end for r in roles):
                sector = "ELI"
            if e.code:
                roles.insert(0, Role(sector=sector, country=country)) if roles else None
            kb.add(KBEntry(name=e.name or phrases[0].title(), kind=kind, country=country, sector=sector,
                           roles=roles, aliases=phrases, source=source))
        counts[str(path)] = len(groups)
    kb.conn.commit()
    kb.conn.close()
    return counts
