"""Moving a store to another base IRI: every IRI (and literal) under the old base rewritten to the
new one, curators' decisions and history included.

The store is copied into a new directory beside it and swapped in only when complete, so a crash
mid-way leaves the old store as it was."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pyoxigraph as ox

from . import base_marker
from .queue_index import QueueIndex
from .queue_index import beside as queue_index_beside
from .vocab import Base

BATCH = 50_000


def _moved(term, old: str, new: str):
    if isinstance(term, ox.NamedNode) and term.value.startswith(old):
        return ox.NamedNode(new + term.value[len(old):])
    if isinstance(term, ox.Literal) and term.value.startswith(old):
        value = new + term.value[len(old):]
        if term.language:
            return ox.Literal(value, language=term.language)
        return ox.Literal(value, datatype=term.datatype)
    return term


def rebase(location: str | Path, old: str, new: str) -> int:
    """Rewrite the embedded store at `location` from base `old` to `new`; the number of quads moved.
    The caller holds no handle on the store."""
    location = Path(location)
    staging = location.with_name(location.name + ".rebasing")
    retired = location.with_name(location.name + ".before-rebase")
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    source, target = ox.Store.read_only(str(location)), ox.Store(str(staging))
    marker = tuple(ox.NamedNode(t) for t in (base_marker.GRAPH, base_marker.SUBJECT, base_marker.PREDICATE))
    version = ox.NamedNode(str(Base(new).kr.storeVersion))
    count, batch = 0, []
    for q in source:
        if (q.subject, q.predicate, q.graph_name) == (marker[1], marker[2], marker[0]):
            q = ox.Quad(q.subject, q.predicate, ox.Literal(new), q.graph_name)
        else:
            q = ox.Quad(*(_moved(t, old, new) for t in (q.subject, q.predicate, q.object, q.graph_name)))
            if q.predicate == version:  # a new version: caches and dumps of the old IRIs are stale
                q = ox.Quad(q.subject, q.predicate, ox.Literal(str(time.time_ns())), q.graph_name)
        batch.append(q)
        if len(batch) == BATCH:
            target.extend(batch)
            count, batch = count + len(batch), []
    target.extend(batch)
    count += len(batch)
    target.flush()
    del source, target
    location.rename(retired)
    staging.rename(location)
    shutil.rmtree(retired)
    QueueIndex(queue_index_beside(location)).invalidate()  # its rows name the old IRIs
    return count
