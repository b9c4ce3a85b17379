"""Stream a Wikidata JSON dump (``latest-all.json.gz``: one entity per line inside ``[ ... ]``)
into the KB with flat memory: `chronicle kb build --wikidata FILE`.

Two passes over the dump. The dump is decompressed by a child process (``pigz``/``gzip``,
``lbzip2``/``bzip2`` when installed) so that it runs on a second core, and a line is parsed as
JSON only when a byte test says it can matter; the rest (most of the dump: scholarly articles,
taxa, categories, places) is passed over unparsed.

- pass 1 parses the lines that carry P279, P298, P39 or P102: the class graph (P279 of every
  item), the ISO-3 codes of countries (P298), the ids used as positions (P39) or parties (P102),
  and the people with positions (P39 with P580/P582 dates, citizenship P27, party P102), which are
  kept in a temporary file, not in memory;
- pass 2 parses the positions and parties (for their labels and countries, P17) and the items
  whose P31 class reaches, through P279, a class of data/kb/wikidata_classes.yaml: the
  organisations. Their P31 values are read from the line's bytes (the dump's mainsnak layout);
  a line whose P31 cannot be read that way is parsed whole (counted as ``wikidata_parsed_whole``).

Labels and aliases in en, fa, ps, ar, ru. A malformed line is counted and skipped, never stops
the build; a dump that cannot be decompressed is an error naming the file."""
from __future__ import annotations

import bz2
import contextlib
import gzip
import json
import re
import shutil
import subprocess
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import IO, Iterator, Optional

import yaml

from chronicle.kb import KBEntry, KnowledgeBase, Role

__all__ = ["build_wikidata", "entities", "dump_lines"]

LANGS = ("en", "fa", "ps", "ar", "ru")
_ENTITY_ID = re.compile(rb'"id"\s*:\s*"([QPL]\d+)"')
# one P31 value in the dump's mainsnak layout: "property":"P31", ..., "datavalue":{"value":{..."id":"Q5"
_P31_VALUE = re.compile(rb'"property"\s*:\s*"P31"\s*,[^{}]*"datavalue"\s*:\s*\{\s*"value"\s*:\s*\{[^{}]*"id"\s*:\s*"(Q\d+)"')
_PASS1_KEY = re.compile(rb'"P(?:279|298|39|102)"')  # one scan of the line, not four


def _classes() -> dict:
    f = resources.files("chronicle") / "data" / "kb" / "wikidata_classes.yaml"
    return yaml.safe_load(f.read_text(encoding="utf-8"))


@contextlib.contextmanager
def _decompressed(path: Path) -> Iterator[IO[bytes]]:
    """The dump's bytes; .gz and .bz2 through a child process when one is installed."""
    suffix = path.suffix.lower()
    tools = {".gz": ("pigz", "gzip"), ".bz2": ("lbzip2", "bzip2")}.get(suffix, ())
    tool = next((t for t in tools if shutil.which(t)), None)
    if tool:
        proc = subprocess.Popen([tool, "-dc", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                bufsize=1 << 20)
        try:
            yield proc.stdout
        finally:
            proc.stdout.close()
            err = proc.stderr.read().decode("utf-8", "replace").strip()
            proc.stderr.close()
            code = proc.wait()
        if code not in (0, -13):  # -13: we stopped reading early (SIGPIPE)
            raise ValueError(f"{path}: {tool} could not decompress it: {err or f'exit {code}'}")
        return
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(suffix, open)
    with opener(path, "rb") as fh:
        yield fh


def dump_lines(path: str | Path, errors: Optional[list] = None) -> Iterator[tuple[int, bytes]]:
    """(line number, entity line without its trailing comma) for each entity of the dump. A line
    that is not one whole JSON object (cut, or stray text) is recorded in ``errors`` and skipped."""
    path = Path(path)
    with _decompressed(path) as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if line.endswith(b","):
                line = line[:-1]
            if line in (b"[", b"]", b""):
                continue
            if not (line.startswith(b"{") and line.endswith(b"}")):
                if errors is not None:
                    errors.append(f"{path}:{n}: not a whole JSON object")
                continue
            yield n, line


def entities(path: str | Path, errors: Optional[list] = None) -> Iterator[dict]:
    """The dump's entities, parsed, one line at a time (gzip, bzip2 or plain)."""
    for n, line in dump_lines(path, errors):
        entity = _parse(path, n, line, errors)
        if entity is not None:
            yield entity


def _parse(path, n: int, line: bytes, errors: Optional[list]) -> Optional[dict]:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        if errors is not None:
            errors.append(f"{path}:{n}: {getattr(exc, 'msg', None) or exc}")
        return None


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


class _ClassChain:
    """The sector a class reaches through P279 (depth-first, most specific first, up to 8 steps),
    remembered per class asked about. Classes are kept as numbers (Q123 -> 123): the full dump
    has millions of them."""

    def __init__(self, parents: dict[int, tuple[int, ...]], table: dict[str, str]):
        self.parents = parents
        self.table = {_number(q): s for q, s in table.items() if _number(q) is not None}
        self.known: dict[str, Optional[str]] = {}

    def __call__(self, qid: str) -> Optional[str]:
        if qid not in self.known:
            n = _number(qid)
            self.known[qid] = None if n is None else self._walk(n, 0, set())
        return self.known[qid]

    def _walk(self, qid: int, depth: int, seen: set) -> Optional[str]:
        if qid in self.table:
            return self.table[qid]
        if depth > 8 or qid in seen:
            return None
        seen.add(qid)
        for p in self.parents.get(qid, ()):
            s = self._walk(p, depth + 1, seen)
            if s:
                return s
        return None


def _number(qid: str) -> Optional[int]:
    return int(qid[1:]) if qid[:1] == "Q" and qid[1:].isdigit() else None


def build_wikidata(dump: str | Path, path: str | Path, shipped: bool = True) -> dict:
    """Build the KB at ``path`` from ``dump`` (plus the shipped sources when ``shipped``)."""
    t0 = time.perf_counter()
    conf = _classes()
    org_classes: dict[str, str] = {q: s for s, qs in conf["organisations"].items() for q in qs}
    position_sector: dict[str, str] = {q: s for s, qs in conf["positions"].items() for q in qs}
    countries: dict[str, str] = {}  # country item -> ISO-3, from the items' own P298
    parents: dict[int, tuple[int, ...]] = {}  # class -> its P279 classes
    item_country: dict[str, str] = {}
    labels: dict[str, str] = {}
    wanted_positions: set[str] = set()
    errors: list[str] = []
    parsed_whole = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as people:
        for n, line in dump_lines(dump, errors):  # pass 1: class graph, ISO codes, positions, people
            if not _PASS1_KEY.search(line):
                continue
            e = _parse(dump, n, line, errors)
            if e is None:
                continue
            qid = e.get("id", "")
            subclass = tuple(n for n in (_number(q) for q, _ in _ids(e, "P279")) if n is not None)
            if subclass and _number(qid) is not None:
                parents[_number(qid)] = subclass
            for claim in (e.get("claims") or {}).get("P298", []):
                v = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
                if isinstance(v, str) and len(v) == 3:
                    countries[qid] = v.upper()
            for prop in ("P39", "P102"):
                for q, _ in _ids(e, prop):
                    wanted_positions.add(q)
            person = _person(e)
            if person:
                people.write(json.dumps(person, ensure_ascii=False) + "\n")

        org_sector = _ClassChain(parents, org_classes)
        position = _ClassChain(parents, position_sector)

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
        for n, line in dump_lines(dump):  # pass 2: positions' labels and countries, organisations
            found = _ENTITY_ID.search(line, 0, 400)
            if not (found and found.group(1).decode() in wanted_positions):
                kinds = [m.group(1).decode() for m in _P31_VALUE.finditer(line)]
                if kinds:
                    if "Q5" in kinds or not any(org_sector(k) for k in kinds):
                        continue
                elif b'"P31"' in line:
                    parsed_whole += 1
                else:
                    continue
            e = _parse(dump, n, line, None)
            if e is None:
                continue
            qid = e.get("id", "")
            if qid in wanted_positions:
                lab = _label(e)
                if lab:
                    labels[qid] = lab
                c = _ids(e, "P17")
                if c:
                    item_country[qid] = c[0][0]
            kinds = [q for q, _ in _ids(e, "P31")]
            names = _names(e)
            if not names or "Q5" in kinds:
                continue
            sector = next((org_sector(k) for k in kinds if org_sector(k)), None)
            if sector:
                own = _ids(e, "P17")
                country = iso(own[0][0]) if own else None
                if sector in ("IGO", "NGO", "IMG", "MNC"):
                    country, sector = sector, None
                kb.add(KBEntry(name=names[0], kind="org", country=country, sector=sector,
                               aliases=names[1:], source=f"wikidata:{qid}"))
                n_orgs += 1
        people.seek(0)
        for row in people:  # the people of pass 1, now that positions have labels and countries
            p = json.loads(row)
            roles = [Role(sector=position(pos) or "GOV", country=iso(item_country.get(pos)),
                          title=labels.get(pos, pos), start=start, end=end) for pos, start, end in p["roles"]]
            cit = [iso(q) for q in p["citizenship"]]
            open_ = [r for r in roles if r.end is None]
            party = p["party"]
            kb.add(KBEntry(name=p["names"][0], kind="person", country=next((c for c in cit if c), None),
                           sector=(open_[-1].sector if open_ else "ELI"), roles=roles,
                           party=labels.get(party[0], party[0]) if party else None, aliases=p["names"][1:],
                           source=f"wikidata:{p['id']}"))
            n_people += 1
    for text in yaml.safe_load((resources.files("chronicle") / "data" / "kb" / "non_actors.yaml")
                               .read_text(encoding="utf-8")) or []:
        kb.add_non_actor(text)
    size = Path(dump).stat().st_size
    secs = time.perf_counter() - t0
    kb.finish(Path(path), {"wikidata_dump": str(dump), "wikidata_people": n_people, "wikidata_orgs": n_orgs,
                           "wikidata_errors": len(errors), "wikidata_parsed_whole": parsed_whole,
                           "built_s": round(secs, 2), "dump_mb_per_s": round(size / 1e6 / max(secs, 1e-9), 2)})
    stats = KnowledgeBase.open(path).stats()
    stats["errors"] = errors[:20]
    return stats


def _person(e: dict) -> Optional[dict]:
    """A person with positions, as pass 2 needs them: names, (position, from, to), citizenship, party."""
    kinds = [q for q, _ in _ids(e, "P31")]
    names = _names(e)
    if "Q5" not in kinds or not names:
        return None
    roles = [(pos, _qual_time(claim, "P580"), _qual_time(claim, "P582")) for pos, claim in _ids(e, "P39")]
    if not roles:
        return None
    return {"id": e.get("id", ""), "names": names, "roles": roles,
            "citizenship": [q for q, _ in _ids(e, "P27")], "party": [q for q, _ in _ids(e, "P102")]}
