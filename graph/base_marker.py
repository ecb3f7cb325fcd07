"""Which base IRI a store's IRIs were minted under. Every write records it at a fixed IRI, so a
server configured with another base can tell before it serves IRIs that lead nowhere.

Runnable as `python -m graph.base_marker STORE BASE` (it prints the base, or nothing for an empty
store): a process that forks afterwards must not open RocksDB itself, and this imports nothing else."""
from __future__ import annotations

import sys

import pyoxigraph as ox

GRAPH, SUBJECT, PREDICATE = "urn:kronika:meta", "urn:kronika:store", "urn:kronika:base"


def recorded_base(store: ox.Store, base: str) -> str | None:
    """The recorded base; for a store written before bases were recorded, `base` if the store has a
    version under it; None for an empty store."""
    for q in store.quads_for_pattern(ox.NamedNode(SUBJECT), ox.NamedNode(PREDICATE), None, ox.NamedNode(GRAPH)):
        return q.object.value
    version = store.quads_for_pattern(ox.NamedNode(base), ox.NamedNode(base + "ontology#storeVersion"), None,
                                      ox.NamedNode(base + "graph/meta"))
    return base if any(True for _ in version) else None


if __name__ == "__main__":
    print(recorded_base(ox.Store.read_only(sys.argv[1]), sys.argv[2]) or "")
