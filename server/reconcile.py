"""Matching other people's names against the dataset, for /reconcile (the W3C Entity Reconciliation
API v0.2, the protocol OpenRefine speaks): reading a query batch (every fault named by its field),
finding candidates, scoring them.

Candidates come from the full-text table beside the store, as /search finds them (accents optional,
inflected words by their Morfeusz lemmas, the last word as a prefix), plus an entity's exact label or
alias and an entity id given as the query. Only the public graph is read: accepted and pending facts.
A candidate's score is its name's likeness to the query (100 the name as written, 98 the name but for
case, accents and dashes, 95 an alias, 90 the same words in other inflected forms, 80 some of its words,
else up to 75 by letters in common; under 40 it is no candidate), less 20 for each property it does not meet. `match` is true only for an exact name
or alias (≥ 95) meeting every property, when no other candidate of the asked types is one too.
"""
from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import pyoxigraph as ox

from extract.morphology import analyser
from extract.names import fold
from graph.facts import date_bounds
from graph.store import Store
from graph.vocab import ORG, RDF, RDFS, SCHEMA, SKOS, is_absolute_iri

from .timeline import DATE, term
from .views.search import name_alternatives

SETTINGS = tomllib.loads((Path(__file__).parent / "reconciliation.toml").read_text(encoding="utf-8"))
SERVICE = SETTINGS["service"]
TYPES = {t["id"]: t for t in SETTINGS["types"]}
PROPERTIES = {p["id"]: p for p in SETTINGS["properties"]}
TYPE_BY_CLASS = {t["class"]: t["id"] for t in TYPES.values()}
QUERY_FIELDS = ("query", "type", "type_strict", "limit", "properties")
MAX_PROPERTIES, MAX_VALUES = 10, 20  # property constraints of one query, values of one constraint
POOL = 50             # name matches read per query before types and scores sort them
PROFILED = 20         # best-named candidates whose properties are checked
SUGGESTIONS = 10      # suggestions per answer (`cursor` pages on)
NAME, NAME_FOLDED, ALIAS, INFLECTED, SOME_WORDS, LIKENESS, UNLIKE = 100.0, 98.0, 95.0, 90.0, 80.0, 75.0, 40.0
MATCH_AT = ALIAS
PROPERTY_MISS = 20.0
LABELS = (SCHEMA.name, RDFS.label, SKOS.prefLabel, SKOS.altLabel)


class BadQuery(ValueError):
    """A query batch the service cannot read; `field` says where (`queries.q0.limit`)."""

    def __init__(self, field_: str, message: str):
        super().__init__(f"{field_}: {message}")
        self.field = field_


@dataclass
class Query:
    text: str
    types: list[str] = field(default_factory=list)
    limit: int = SERVICE["default_limit"]
    properties: list[tuple[str, list]] = field(default_factory=list)  # (property id, values)


@dataclass
class Entity:
    iri: str
    name: str
    aliases: list[str]
    types: list[str]


# --- reading a batch -------------------------------------------------------------------------------

def parse_batch(raw: str) -> dict[str, Query]:
    """The `queries` parameter: a JSON object of queries by key, as the specification's schema has it."""
    try:
        batch = json.loads(raw)
    except ValueError as e:
        raise BadQuery("queries", f"not JSON ({e})") from None
    if not isinstance(batch, dict) or not batch:
        raise BadQuery("queries", 'a JSON object of queries by key, e.g. {"q0": {"query": "Jerzy Śmiałek"}}')
    if len(batch) > SERVICE["batch_size"]:
        raise BadQuery("queries", f"{len(batch)} queries; at most {SERVICE['batch_size']} in one batch")
    return {key: parse_query(f"queries.{key}", query) for key, query in batch.items()}


def parse_query(where: str, query) -> Query:
    if not isinstance(query, dict):
        raise BadQuery(where, "a query object, e.g. {\"query\": \"Katowice\", \"type\": \"place\"}")
    for key in query:
        if key not in QUERY_FIELDS:
            raise BadQuery(f"{where}.{key}", f"unknown field; a query has {', '.join(QUERY_FIELDS)}")
    text = query.get("query")
    if not isinstance(text, str) or not text.strip():
        raise BadQuery(f"{where}.query", "a name to look for (this service finds entities by name; "
                                         "properties only refine what it finds)")
    if len(text) > SERVICE["query_length"]:
        raise BadQuery(f"{where}.query", f"{len(text)} characters; at most {SERVICE['query_length']}")
    types = query.get("type", [])
    types = [types] if isinstance(types, str) else types
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise BadQuery(f"{where}.type", "a type id or a list of them")
    for t in types:
        if t not in TYPES and t not in TYPE_BY_CLASS:
            raise BadQuery(f"{where}.type", f"unknown type {t[:80]!r}; one of {', '.join(TYPES)}")
    if query.get("type_strict", "any") not in ("any", "should", "all"):
        raise BadQuery(f"{where}.type_strict", "one of any, should, all")
    limit = whole(query.get("limit", SERVICE["default_limit"]))
    if limit is None or limit < 1:
        raise BadQuery(f"{where}.limit", "a positive whole number")
    return Query(text.strip(), [TYPE_BY_CLASS.get(t, t) for t in types], min(limit, SERVICE["max_limit"]),
                 parse_properties(f"{where}.properties", query.get("properties", [])))


def parse_properties(where: str, constraints) -> list[tuple[str, list]]:
    if not isinstance(constraints, list) or len(constraints) > MAX_PROPERTIES:
        raise BadQuery(where, f"a list of at most {MAX_PROPERTIES} {{\"pid\": …, \"v\": …}} objects")
    out = []
    for n, constraint in enumerate(constraints):
        here = f"{where}[{n}]"
        if not isinstance(constraint, dict) or set(constraint) != {"pid", "v"}:
            raise BadQuery(here, 'an object {"pid": property id, "v": value or list of values}')
        if constraint["pid"] not in PROPERTIES:
            raise BadQuery(f"{here}.pid", f"unknown property {str(constraint['pid'])[:80]!r}; one of {', '.join(PROPERTIES)}")
        values = constraint["v"] if isinstance(constraint["v"], list) else [constraint["v"]]
        if not 0 < len(values) <= MAX_VALUES:
            raise BadQuery(f"{here}.v", f"1 to {MAX_VALUES} values")
        for value in values:
            check_value(f"{here}.v", constraint["pid"], value)
        out.append((constraint["pid"], values))
    return out


def check_value(where: str, pid: str, value) -> None:
    if isinstance(value, dict):
        if not isinstance(value.get("id"), str):
            raise BadQuery(where, 'an entity is given as {"id": "…", "name": "…"}')
        return
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadQuery(where, "a string, a number or an entity {\"id\": …}")
    if isinstance(value, str) and len(value) > SERVICE["query_length"]:
        raise BadQuery(where, f"at most {SERVICE['query_length']} characters")
    if pid == "date" and date_value(value) is None:
        raise BadQuery(where, f"a date as YYYY, YYYY-MM or YYYY-MM-DD (or a year as a number), not {str(value)[:40]!r}")


def whole(value) -> int | None:
    """A JSON number that is a whole number (3 or 3.0; not true, 3.5, Infinity or NaN), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value != int(value):
        return None
    return int(value)


def date_value(value) -> tuple[str, str] | None:
    """The first and last day a date property value denotes, or None when it is no date."""
    year = whole(value)
    if year is not None and 0 < year < 10000:
        value = f"{year:04d}"
    if not isinstance(value, str) or not DATE.fullmatch(value.strip()):
        return None
    try:
        return date_bounds(value.strip())
    except ValueError:
        return None


# --- finding and scoring ----------------------------------------------------------------------------

def words_key(text: str) -> list[str]:
    return fold(text).split()


def forms(word: str) -> set[str]:
    """A word and its Morfeusz lemmas, folded: "Śmiałka" → {"smialka", "smialek"}."""
    return {fold(form) for form in analyser().lemma_set(word)} | {fold(word)}


def inflected_alike(query: str, name: str) -> bool:
    """The same words in other inflected forms: "Jerzego Śmiałka" and "Jerzy Śmiałek"."""
    asked, named = query.split(), words_key(name)
    return len(asked) == len(named) and all(n in forms(w) for w, n in zip(asked, named))


def some_words(query: str, name: str) -> bool:
    """Every word asked is a word of the name, in any inflected form: "Śmiałka" of "Jerzy Śmiałek"."""
    named = set(words_key(name))
    return all(forms(w) & named for w in query.split())


def completes(prefix: str, name: str) -> bool:
    """The name has every word of the prefix, the last as a word's beginning ("Jerzy Śmia"): what the
    full-text table matched in the name itself, not in an event's list of participants."""
    *complete, last = prefix.split()
    named = words_key(name)
    return all(forms(w) & set(named) for w in complete) and any(n.startswith(f) for n in named for f in forms(last))


def name_score(query: str, entity: Entity) -> float:
    key = fold(query)
    if query == entity.name:
        return NAME
    if key == fold(entity.name):
        return NAME_FOLDED
    if any(key == fold(alias) for alias in entity.aliases):
        return ALIAS
    if any(inflected_alike(query, n) for n in [entity.name, *entity.aliases]):
        return INFLECTED
    if any(some_words(query, n) for n in [entity.name, *entity.aliases]):
        return SOME_WORDS
    likeness = max(SequenceMatcher(None, key, fold(n)).ratio() for n in [entity.name, *entity.aliases])
    return round(LIKENESS * likeness, 1)


class Reconciler:
    def __init__(self, store: Store):
        self.store = store
        self.prefix = store.base.iri + "id/"

    def local_id(self, iri: str) -> str:
        return iri[len(self.prefix):]

    def iri_of(self, identifier: str) -> str | None:
        """The IRI an id ("person/jerzy-smialek") or an IRI of this dataset names, else None."""
        identifier = identifier.strip()
        iri = identifier if identifier.startswith(self.prefix) else self.prefix + identifier
        return iri if re.fullmatch(r"[a-z]+/[\w.~%-]+", iri[len(self.prefix):]) and is_absolute_iri(iri) else None

    def entities(self, iris: list[str]) -> list[Entity]:
        """The public entities among these IRIs, with names, aliases and types, in the order given."""
        iris = list(dict.fromkeys(iris))
        if not iris:
            return []
        rows = self.store.query(f"""
            SELECT ?e ?p ?o WHERE {{ VALUES ?e {{ {' '.join(map(term, iris))} }}
              VALUES ?p {{ <{RDF.type}> {' '.join(f'<{p}>' for p in LABELS)} }} ?e ?p ?o }}""")
        found: dict[str, dict] = {iri: {"names": [], "labels": [], "types": []} for iri in iris}
        for row in rows:
            entry, p, o = found[row["e"].value], row["p"].value, row["o"]
            if p == str(RDF.type):
                if o.value in TYPE_BY_CLASS:
                    entry["types"].append(TYPE_BY_CLASS[o.value])
            elif isinstance(o, ox.Literal):
                (entry["names"] if p == str(SCHEMA.name) else entry["labels"]).append(o.value)
        out = []
        for iri, entry in found.items():
            names = sorted(entry["names"]) or sorted(entry["labels"])
            if entry["types"] and names:
                aliases = sorted(set(entry["names"] + entry["labels"]) - {names[0]})
                out.append(Entity(iri, names[0], aliases, [t for t in TYPES if t in entry["types"]]))
        return out

    def find(self, text: str, types: list[str], pool: int = POOL) -> list[Entity]:
        """Entities named like `text` (of these types, or any), in the full-text table's order."""
        alternatives = name_alternatives(text)
        iris = [iri for iri in [self.iri_of(text)] if iri]
        queue = self.store.queue()
        if not types or set(types) - {"event"}:
            iris += [hit["iri"] for hit in queue.entities(alternatives, limit=pool)]
        if not types or "event" in types:
            iris += self.events_of(queue.event_facts(alternatives, limit=pool))
        for predicate, literal in ((SCHEMA.name, ox.Literal(text)), (SKOS.altLabel, ox.Literal(text, language="pl"))):
            iris += [q.subject.value for q in self.store.ox.quads_for_pattern(
                None, ox.NamedNode(str(predicate)), literal, ox.DefaultGraph()) if isinstance(q.subject, ox.NamedNode)]
        return [e for e in self.entities(iris) if not types or set(types) & set(e.types)]

    def events_of(self, facts: list[str]) -> list[str]:
        """The events these event facts state."""
        if not facts:
            return []
        rows = self.store.query(f"SELECT ?e WHERE {{ VALUES ?g {{ {' '.join(map(term, facts))} }} "
                                f"GRAPH ?g {{ ?e a <{SCHEMA.Event}> }} }}")
        return [r["e"].value for r in rows]

    def reconcile(self, query: Query) -> list[dict]:
        direct = self.iri_of(query.text)
        candidates = [(NAME if e.iri == direct else name_score(query.text, e), e) for e in self.find(query.text, query.types)]
        candidates = [(s, e) for s, e in candidates if s >= UNLIKE]
        candidates.sort(key=lambda c: (-c[0], c[1].name, c[1].iri))
        scored = []
        for n, (named, entity) in enumerate(candidates):
            met = {}
            if query.properties and n < PROFILED:
                profile = self.profile(entity.iri)
                met = {pid: any(self.meets(pid, v, profile) for v in values) for pid, values in query.properties}
            elif query.properties:
                met = {pid: False for pid, _values in query.properties}
            score = max(0.0, named - PROPERTY_MISS * sum(not ok for ok in met.values()))
            scored.append((score, named, all(met.values()), met, entity))
        scored.sort(key=lambda c: (-c[0], c[4].name, c[4].iri))
        sure = [c for c in scored if c[1] >= MATCH_AT and c[2]]
        return [{"id": self.local_id(entity.iri), "name": entity.name, "score": score,
                 "match": len(sure) == 1 and sure[0][4] is entity,
                 "type": [{"id": t, "name": TYPES[t]["name"]} for t in entity.types],
                 "features": [{"id": "name", "value": named}] + [{"id": pid, "value": ok} for pid, ok in met.items()]}
                for score, named, _meets, met, entity in scored[:query.limit]]

    # --- properties ----------------------------------------------------------------------------------
    def profile(self, iri: str) -> dict[str, set]:
        """What the properties compare: the entity's roles, organisations and places (IRIs, with their labels
        under "labels") and dates."""
        kr, e = self.store.base.kr, term(iri)
        rows = self.store.query(f"""
            SELECT ?property ?value ?date WHERE {{
              {{ ?m <{ORG.member}> {e} ; <{ORG.role}> ?value OPTIONAL {{ ?m <{kr.attestedOn}> ?date }} BIND("role" AS ?property) }}
              UNION {{ ?m <{ORG.organization}> {e} ; <{ORG.role}> ?value OPTIONAL {{ ?m <{kr.attestedOn}> ?date }}
                       BIND("role" AS ?property) }}
              UNION {{ ?m <{ORG.member}> {e} ; <{ORG.organization}> ?value BIND("organisation" AS ?property) }}
              UNION {{ {e} <{SCHEMA.attendee}>|<{kr.foundedOrganisation}> ?value BIND("organisation" AS ?property) }}
              UNION {{ {e} <{SCHEMA.location}>|<{SCHEMA.containedInPlace}> ?value BIND("place" AS ?property) }}
              UNION {{ ?m <{ORG.member}> {e} ; <{ORG.organization}> ?value . ?value a <{SCHEMA.Place}> BIND("place" AS ?property) }}
              UNION {{ ?event <{SCHEMA.attendee}>|<{kr.foundedOrganisation}>|<{SCHEMA.location}> {e} ; <{SCHEMA.startDate}> ?date
                       OPTIONAL {{ ?event <{SCHEMA.location}> ?value }} BIND("place" AS ?property) }}
              UNION {{ {e} <{SCHEMA.startDate}> ?date BIND("date" AS ?property) }}
            }} LIMIT 2000""")
        profile: dict[str, set] = {"role": set(), "organisation": set(), "place": set(), "date": set()}
        for row in rows:
            if isinstance(row["value"], ox.NamedNode):
                profile[row["property"].value].add(row["value"].value)
            if row["date"] is not None:
                profile["date"].add(row["date"].value)
        profile["labels"] = self.labels(profile["role"] | profile["organisation"] | profile["place"])
        return profile

    def labels(self, iris: set[str]) -> dict[str, set[str]]:
        if not iris:
            return {}
        rows = self.store.query(f"""SELECT ?e ?l WHERE {{ VALUES ?e {{ {' '.join(map(term, sorted(iris)))} }}
                                    ?e {'|'.join(f'<{p}>' for p in LABELS)} ?l }}""")
        out: dict[str, set[str]] = {}
        for row in rows:
            out.setdefault(row["e"].value, set()).add(row["l"].value)
        return out

    def meets(self, pid: str, value, profile: dict) -> bool:
        if pid == "date":
            first, last = date_value(value)
            return any(span is not None and span[0] <= last and first <= span[1] for span in map(date_value, profile["date"]))
        wanted = value.get("id") if isinstance(value, dict) else str(value)
        if (iri := self.iri_of(wanted)) is not None and iri in profile[pid]:
            return True
        if isinstance(value, dict):
            return False
        return any(fold(wanted) == fold(label) or inflected_alike(wanted, label)
                   for iri in profile[pid] for label in profile["labels"].get(iri, ()))

    # --- suggest -------------------------------------------------------------------------------------
    def suggest(self, prefix: str, types: list[str], cursor: int) -> list[dict]:
        """Entities whose name completes `prefix` (every word, the last as a word's beginning)."""
        found = [e for e in self.find(prefix, types, pool=cursor + SUGGESTIONS)
                 if any(completes(prefix, n) for n in [e.name, *e.aliases])][cursor:cursor + SUGGESTIONS]
        return [{"id": self.local_id(e.iri), "name": e.name, "description": ", ".join(TYPES[t]["name"] for t in e.types),
                 "notable": [{"id": t, "name": TYPES[t]["name"]} for t in e.types]} for e in found]


def suggest_terms(terms: dict[str, dict], prefix: str) -> list[dict]:
    """Types or properties whose id or a word of whose name begins with `prefix` (accents optional)."""
    key = fold(prefix)
    return [{"id": t["id"], "name": t["name"], **({"description": t["description"]} if "description" in t else {})}
            for t in terms.values()
            if not key or t["id"].startswith(key) or any(w.startswith(key) for w in words_key(t["name"]))]
