"""Bulk export: the public dataset (one named graph per published fact, plus the vocabulary)
and, separately, the provenance, review and audit graphs."""
from __future__ import annotations

import gzip
from pathlib import Path

import pyoxigraph as ox

from .store import Store

FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
           ".nt": ox.RdfFormat.N_TRIPLES}


def rdf_format(path: Path) -> ox.RdfFormat:
    suffixes = [s for s in path.suffixes if s != ".gz"]
    fmt = FORMATS.get(suffixes[-1].lower() if suffixes else "")
    if fmt is None:
        raise ValueError(f"{path}: unknown format; use one of {', '.join(FORMATS)} (optionally .gz)")
    return fmt


def public_graphs(store: Store) -> list[str]:
    kr = store.kr
    rows = store.query(f"""
        SELECT ?g WHERE {{ GRAPH <{store.base.review}> {{ ?g <{kr.reviewStatus}> ?s
          FILTER(?s NOT IN (<{kr.rejected}>, <{kr.edited}>)) }} }} ORDER BY ?g""")
    return [store.base.vocabulary] + [r["g"].value for r in rows]


def _quads(store: Store, graphs: list[str], dataset: bool):
    for g in graphs:
        for q in store.ox.quads_for_pattern(None, None, None, ox.NamedNode(g)):
            yield q if dataset else ox.Triple(q.subject, q.predicate, q.object)


def _write(items, path: Path, fmt: ox.RdfFormat) -> None:
    if path.suffix == ".gz":
        with gzip.open(path, "wb") as fh:
            ox.serialize(items, fh, format=fmt)
    else:
        ox.serialize(items, str(path), format=fmt)


def export_public(store: Store, path: Path) -> None:
    fmt = rdf_format(path)
    dataset = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
    if dataset:
        _write(_quads(store, public_graphs(store), True), path, fmt)
    else:  # a triple format: the public default graph itself
        _write((ox.Triple(q.subject, q.predicate, q.object)
                for q in store.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())), path, fmt)


def export_provenance(store: Store, path: Path) -> None:
    fmt = rdf_format(path)
    graphs = [store.base.provenance, store.base.review, store.base.audit]
    dataset = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
    _write(_quads(store, graphs, dataset), path, fmt)
