"""Events and roles on a time axis: every event (`schema:startDate`) and every membership attested on a
date (`kr:attestedOn`), each spanning the days its dates denote at their precision (a gYear its year, a
gYearMonth its month, a date its day; `graph.facts.date_bounds`).

What is shown follows the public pages: the public default graph, i.e. accepted and pending facts (never
rejected ones), each item saying whether a curator accepted a fact stating it. The whole dataset's items
are read once per store version and kept per process (one pass over two predicates: 0.4 s for the 17,700
dated items of `bench/generate.py --triples 1000000`, on a busy machine); one entity's items are a query on its incoming links; a page's labels and review states are one
query for the page's items.
"""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from flask import url_for

from graph.facts import date_bounds
from graph.store import Store
from graph.vocab import RDFS, SCHEMA, is_absolute_iri

PAGE_SIZE = 200           # items of one page of /timeline (and of an entity's page)
ENTITY_ROWS = 5000        # dated links one entity's timeline reads at most
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
PRECISION = {4: "year", 7: "month", 10: "day"}
_everything: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # store -> (version, items)
bounds = lru_cache(maxsize=100_000)(date_bounds)  # a dataset has few distinct dates and many items on each


@dataclass(frozen=True)
class Item:
    iri: str
    kind: str              # event | membership
    dates: tuple[str, ...]  # lexical forms, as stated (1994, 1994-06, 1994-06-12)
    start: str             # the first day the dates denote
    end: str               # the last day (inclusive)


def term(iri: str) -> str:
    """An IRI read from the store, written into a query as an IRI term (never as text of the query)."""
    if not is_absolute_iri(iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return str(ox.NamedNode(iri))


def predicates(store: Store) -> dict[str, str]:
    return {"event": str(SCHEMA.startDate), "membership": str(store.base.kr.attestedOn)}


def _items(rows) -> list[Item]:
    """(item, kind, date) rows grouped per item, spans worked out, in time order. Dates of another form
    (none the extractor writes) are left out rather than guessed."""
    dates: dict[tuple[str, str], set[str]] = {}
    for iri, kind, value in rows:
        if DATE.fullmatch(value):
            dates.setdefault((iri, kind), set()).add(value)
    items = []
    for (iri, kind), values in dates.items():
        try:
            spans = [bounds(v) for v in values]
        except ValueError:  # a month 13, a 30th of February
            continue
        items.append(Item(iri, kind, tuple(sorted(values)), min(b[0] for b in spans), max(b[1] for b in spans)))
    return sorted(items, key=lambda i: (i.start, i.end, i.iri))


def everything(store: Store) -> list[Item]:
    """Every dated item of the public graph, read once per store version."""
    version = store.version()
    cached = _everything.get(store)
    if cached is not None and cached[0] == version:
        return cached[1]
    by_predicate = {p: kind for kind, p in predicates(store).items()}
    rows = []
    for p, kind in by_predicate.items():
        for q in store.ox.quads_for_pattern(None, ox.NamedNode(p), None, ox.DefaultGraph()):
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal):
                rows.append((q.subject.value, kind, q.object.value))
    items = _items(rows)
    _everything[store] = (version, items)
    return items


def of_entity(store: Store, iri: str) -> list[Item]:
    """The events and memberships that link to an entity (a person attends, an organisation hosts, is the
    place of, or has members), at most ENTITY_ROWS dated links."""
    p = predicates(store)
    rows = store.query(f"""
        SELECT ?item ?kind ?date WHERE {{
          {{ ?item ?link {term(iri)} ; <{p['event']}> ?date BIND("event" AS ?kind) }}
          UNION {{ ?item ?link {term(iri)} ; <{p['membership']}> ?date BIND("membership" AS ?kind) }}
        }} LIMIT {ENTITY_ROWS}""")
    return _items((r["item"].value, r["kind"].value, r["date"].value) for r in rows
                  if isinstance(r["item"], ox.NamedNode))


def overlapping(items: list[Item], first_year: int | None, last_year: int | None) -> list[Item]:
    """The items whose span meets the years [first_year, last_year] (either may be open)."""
    low = f"{first_year:04d}-01-01" if first_year is not None else None
    high = f"{last_year:04d}-12-31" if last_year is not None else None
    return [i for i in items if (low is None or i.end >= low) and (high is None or i.start <= high)]


def details(store: Store, items: list[Item]) -> dict[str, dict]:
    """Labels and review state of a page of items, in one query: an item is "accepted" when a curator
    accepted a fact stating one of its dates, else "pending" (rejected facts are not public)."""
    if not items:
        return {}
    p, kr = predicates(store), store.base.kr
    values = " ".join(term(i.iri) for i in items)
    rows = store.query(f"""
        SELECT ?item ?label ?name ?status WHERE {{
          VALUES ?item {{ {values} }}
          OPTIONAL {{ ?item <{RDFS.label}> ?label }}
          OPTIONAL {{ ?item <{SCHEMA.name}> ?name }}
          OPTIONAL {{ GRAPH ?fact {{ ?item <{p['event']}>|<{p['membership']}> ?date }}
                     GRAPH <{store.base.review}> {{ ?fact <{kr.reviewStatus}> ?status }} }}
        }}""")
    out: dict[str, dict] = {i.iri: {"label": None, "status": "pending"} for i in items}
    for r in rows:
        found = out[r["item"].value]
        for name in ("label", "name"):
            if r[name] is not None and (found["label"] is None or r[name].language == "pl"):
                found["label"] = r[name].value
        if r["status"] is not None and r["status"].value == str(kr.accepted):
            found["status"] = "accepted"
    return out


def page_of(store: Store, items: list[Item], page: int, size: int | None = None) -> dict:
    """One page of items as JSON (labels, review state, their pages' URLs), and how many there are."""
    size = size or PAGE_SIZE
    shown = items[page * size:(page + 1) * size]
    found = details(store, shown)
    prefix = store.base.iri + "id/"
    return {"total": len(items), "page": page, "size": size,
            "items": [{"iri": i.iri, "kind": i.kind, "label": found[i.iri]["label"] or i.iri.rsplit("/", 1)[-1],
                       "start": i.start, "end": i.end,
                       "dates": [{"value": d, "precision": PRECISION[len(d)]} for d in i.dates],
                       "status": found[i.iri]["status"],
                       "page": url_for("linked_data.page", path=i.iri[len(prefix):]) if i.iri.startswith(prefix) else None}
                      for i in shown]}


def entity_timeline(store: Store, iri: str) -> dict:
    """The first page of an entity's timeline, for its page; the rest at /timeline?about=IRI."""
    out = page_of(store, of_entity(store, iri), 0)
    out["all"] = url_for("timeline.timeline", about=iri)
    return out
