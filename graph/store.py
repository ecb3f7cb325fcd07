"""The store: an embedded Oxigraph database holding fact graphs, provenance and review state.

Layout (graph IRIs under the base):
  graph/fact/<key>   one named graph per fact (its assertion)
  graph/provenance   documents, extraction runs, and for every fact graph its
                     source, evidence selectors, rule and confidence
  graph/review       every fact graph's review status
  graph/audit        curators' decisions (PROV activities)
  graph/vocabulary   the ontology and the role scheme
  default graph      the public view: union of the non-rejected facts and the vocabulary
"""
from __future__ import annotations

import fcntl
import functools
import itertools
import os
import threading
import time
import weakref
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from extract.lexicon import lexicon

from . import base_marker
from . import ntriples as nt
from . import writer
from .facts import DocumentFacts, EntityRegistry, FactBuilder, date_trait, role_trait
from .queue_index import ENTITY_TYPES, STALE, QueueIndex, Reader, fold
from .queue_index import beside as queue_index_beside
from .vocab import DCTERMS, LABELS_FILE, ONTOLOGY_FILE, OWL, PROV, RDF, RDFS, ROLES_FILE, SCHEMA, SKOS, Base, digest
from .writer import StoreBusy, index_rows, meta_value  # StoreBusy: callers import it from here

STATUS_NEVER_DROPPED = ("accepted", "edited", "rejected")
ENTITY_KINDS = ("person", "organisation", "place")
HIDDEN = ("rejected", "edited")  # states whose triples are not in the public default graph
PROVENANCE_PARTS = ("", "#evidence", "#position", "#quote", "#sentence", "#sentence-position")  # subjects per fact
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
VIEW_ATTEMPTS = 20  # tries at opening a read-only view while a writer deletes the files it compacted


def to_ox(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term):
    """The inverse of `to_ox`."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # RDF 1.1: a plain literal is an xsd:string; one form in every format
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"not an RDF term: {term!r}")


def quads(triples, graph: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]


def data_update(verb: str, quads_: list[ox.Quad]) -> list[str]:
    """`INSERT DATA` or `DELETE DATA` of these quads as SPARQL Update operations (none for no quads),
    so that several of them make one transaction on any SPARQL 1.1 store."""
    by_graph: dict = {}
    for q in quads_:
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    if not by_graph:
        return []
    blocks = [" ".join(lines) if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{ {' '.join(lines)} }}"
              for g, lines in by_graph.items()]
    return [f"{verb} DATA {{ {' '.join(blocks)} }}"]


class Conflict(Exception):
    """A decision on a fact whose state changed since the curator saw it."""

    def __init__(self, fact: str, current: str):
        super().__init__(f"{fact} is {current} now")
        self.fact, self.current = fact, current


class UnknownFact(KeyError):
    pass


STATUSES = ("pending", "accepted", "rejected", "edited")


@dataclass
class PublishReport:
    document: str
    added: int = 0
    unchanged: int = 0
    dropped: int = 0
    # what changed, fact by fact (graph IRI, summary): new facts, and facts the text no longer yields, dropped
    # (pending) or kept because a curator decided on them (a fact's key holds its words' place in the text, so a
    # fact whose words moved is one of these)
    added_facts: list[tuple[str, str]] = field(default_factory=list)
    dropped_facts: list[tuple[str, str]] = field(default_factory=list)
    kept_facts: list[tuple[str, str]] = field(default_factory=list)

    @property
    def kept(self) -> list[str]:
        return [graph for graph, _summary in self.kept_facts]


def writes(method):
    """Run a method that changes the store as one write (see `Store.writing`); `self` is a Store or holds one."""
    @functools.wraps(method)
    def wrapped(self, *args, **kwargs):
        with (self if isinstance(self, Store) else self.store).writing():
            return method(self, *args, **kwargs)
    return wrapped


class Store:
    """One Kronika store. `location` None keeps it in memory (tests).

    RocksDB lets one process open a store for writing and any number read-only.
    A command (`kronika build`) holds the store for writing while it runs. With
    `shared=True` (the web server, which may run several processes) the store is
    read through a read-only view, and each write opens it for writing for just
    that write: writers take turns on a lock on the store's directory, and a
    change file beside the store tells every process's view to reopen. Where the
    server runs the store's writer process (graph/writer.py), a write sends its
    calls there instead of opening the store: same turns, no open, flush or close."""

    def __init__(self, location: str | Path | None, base: Base, read_only: bool = False, timeout: float = 30.0,
                 endpoints=None, shared: bool = False, write_wait: float = 15.0, queue_index: str | Path | None = None):
        self.base = base
        self.location = location
        self.remote = isinstance(location, str) and location.startswith(("http://", "https://"))
        self.shared = shared and location is not None and not self.remote and not read_only
        self.write_wait = write_wait  # seconds a write waits for another process's write to end
        self._local = threading.local()
        self._write_lock = threading.RLock()
        self._lock: weakref.finalize | None = None  # the directory lock a command holds while it writes
        if self.remote:
            from .remote import Endpoints, RemoteOx
            self._ox = RemoteOx(endpoints or Endpoints.from_url(location), timeout=timeout)
        elif location is None:
            self._ox = ox.Store()
        elif read_only:
            self._ox = self._open_view()
        else:
            Path(location).mkdir(parents=True, exist_ok=True)
            if self.shared:
                self._create_if_new()
                self._ox, self._seen, self._version = None, None, None
            else:
                fd = self._take_lock()
                self._lock = weakref.finalize(self, os.close, fd)  # closing the descriptor releases the lock
                writer.release(location, self.write_wait)  # a server's writer closes the store for this turn
                self._ox = writer.open_for_writing(location)
        self.kr = base.kr
        if queue_index is None and location is not None and not self.remote:
            queue_index = queue_index_beside(location)
        self.queue_index = QueueIndex(queue_index)
        # a remote store's writers on this host take turns on a file beside the queue index, as embedded
        # ones do on the store's directory: the index's rows are written in the same turn as the store
        self._write_lock_file = queue_index and self.remote and f"{queue_index}.lock"

    # --- opening, reading and writing across processes -------------------------------------------
    @property
    def ox(self):
        """The pyoxigraph store to use now: inside `writing()` the open write handle (or the writer process's
        session standing for it), else the view."""
        handle = getattr(self._local, "writer", None)
        if handle is not None:
            return handle
        if self.shared:
            seen = self._changed_at()
            if self._ox is None or seen != self._seen:
                self._ox, self._seen = self._open_view(), seen
        return self._ox

    def _open_view(self) -> ox.Store:
        """A read-only view, opened again when a file it was opening was compacted away meanwhile (the writer
        process compacts while views open; RocksDB calls it a corruption, though the store is sound)."""
        for attempt in range(VIEW_ATTEMPTS):
            try:
                return ox.Store.read_only(str(self.location))
            except (OSError, RuntimeError) as e:
                if "No such file or directory" not in str(e) or attempt == VIEW_ATTEMPTS - 1:
                    raise

    def _create_if_new(self) -> None:
        """Create a new store in a writer's turn. An existing one is only read here, so a server's process
        starting while a command (`kronika build`) writes the store neither waits for it nor fails."""
        if any(Path(self.location).iterdir()):
            return
        fd = self._take_lock()
        try:
            if not any(Path(self.location).iterdir()):
                ox.Store(str(self.location)).flush()
        finally:
            os.close(fd)

    def reopen(self) -> None:
        """Drop the read-only view (it met files a writer compacted away); the next read opens a new one."""
        if self.shared:
            self._ox = None

    @functools.cached_property
    def change_file(self) -> Path:
        path = Path(self.location)
        return path.parent / f"{path.name}-changed"

    def _changed_at(self):
        try:
            st = os.stat(self.change_file)
            return st.st_mtime_ns, st.st_ino
        except FileNotFoundError:
            return None

    def _take_lock(self, path: str | Path | None = None) -> int:
        """An exclusive lock on the store's directory (or `path`), waited for at most `write_wait` seconds."""
        fd = os.open(str(path or self.location), os.O_RDONLY | (os.O_CREAT if path else 0), 0o600)
        deadline = time.monotonic() + self.write_wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return fd
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise StoreBusy(f"the store {self.location} is being written by another process "
                                    f"(a build or import?) for more than {self.write_wait:g} s") from None
                time.sleep(0.01)

    def close(self) -> None:
        """Release a store a command held for writing: flushed, closed, unlocked, its readers told."""
        if self._lock is not None and self._lock.alive:
            writer.flush_within(self._ox, self.location)
            self._ox = None
            self._signal_change()
            self._lock()

    def _signal_change(self) -> None:
        tmp = self.change_file.with_name(self.change_file.name + f".{os.getpid()}.tmp")
        tmp.write_text(str(time.time_ns()))
        os.replace(tmp, self.change_file)  # a new inode: every view notices

    @contextmanager
    def writing(self):
        """One write. Nested writes join the outer one. In a shared store, under the directory lock, the
        write goes to the store's writer process, or where none runs the store is opened for writing and
        flushed and closed when the write ends; either way the other processes are signalled then.
        The queue index follows in the same write: the rows of the facts the write touched."""
        with self._write_lock:
            if getattr(self._local, "touched", None) is not None:
                yield
                return
            self._local.writes = self.writes_begun() + 1
            fd = self._take_lock() if self.shared else self._take_lock(self._write_lock_file) if self._write_lock_file else None
            try:
                if self.shared:
                    self._local.writer = writer.session(self.location) or writer.open_for_writing(self.location)
                try:
                    self.queue(settle=True)  # fresh before the write, so updating the touched rows keeps it fresh
                    self._local.touched, self._local.decided, self._local.rows = set(), set(), {}
                    try:
                        yield
                    finally:
                        touched, decided, self._local.touched = self._local.touched, self._local.decided, None
                        known, self._local.rows = self._local.rows, None  # rows a write made of what it loaded
                        session = self._session()
                        rows, decisions, version, store_id = (  # read in the writer process: one call, not dozens
                            session.index_rows(self.base.iri, touched - known.keys(), decided) if session
                            else index_rows(self, touched - known.keys(), decided))
                        rows.update(known)
                        self.queue_index.update(rows, version, decisions=decisions, store_id=store_id)
                    if self.shared and not self._session():  # the writer process flushes its own, outside writes
                        writer.flush_within(self._local.writer, self.location)
                finally:
                    if self.shared:
                        if self._session():
                            self._session().close()
                        self._local.writer = None  # an own store's last reference: RocksDB closes and unlocks
                        self._signal_change()
            finally:
                if fd is not None:
                    os.close(fd)

    def writes_begun(self) -> int:
        """How many writes this thread has begun: a request that began none may safely be read again."""
        return getattr(self._local, "writes", 0)

    def _session(self) -> writer.Session | None:
        """The writer process's session the write in progress runs in, if it runs in one."""
        handle = getattr(self._local, "writer", None)
        return handle if isinstance(handle, writer.Session) else None

    def touch(self, facts) -> None:
        """Tell the write in progress which fact graphs it is about to change, so the queue index follows."""
        facts = set(facts) - self._local.touched
        if facts:
            self.queue_index.mark_dirty(facts)
            self._local.touched |= facts

    def touch_decisions(self, decisions) -> None:
        """Tell the write in progress which curators' decisions it is about to record."""
        self.queue_index.mark_dirty(decisions, kind="decision")
        self._local.decided.update(decisions)

    def queue(self, settle: bool = False) -> QueueIndex:
        """The queue index, brought up to the store's version: the noted facts of a write that was killed
        (or is still running, in another process) are re-read; a new or invalidated index is rebuilt whole.
        `settle`: no write is running (a writer holds the lock), so the notes are re-read and cleared."""
        version = self.version()
        indexed = self.queue_index.version()
        noted = settle and (self.queue_index.dirty() or self.queue_index.dirty("decision"))
        if indexed == version and not noted:
            return self.queue_index
        store_id = self.store_id()
        if indexed in (None, STALE) or self.queue_index.store_id() != store_id:  # new, invalidated, another store's
            reader = Reader(self, scan=True)
            self.queue_index.replace_all(filter(None, map(reader.row, reader.facts())),
                                         filter(None, map(reader.decision, reader.decisions())), version, indexed,
                                         store_id)
        else:
            reader = Reader(self)
            self.queue_index.update({fact: reader.row(fact) for fact in self.queue_index.dirty()}, version,
                                    settled=settle, expected=None if settle else indexed,
                                    decisions={d: reader.decision(d) for d in self.queue_index.dirty("decision")})
        return self.queue_index

    # --- reading -----------------------------------------------------------------
    def query(self, sparql: str, **kwargs):
        return self.ox.query(sparql, **kwargs)

    def select(self, sparql: str, **kwargs) -> list[dict]:
        out = []
        for row in self.ox.query(sparql, **kwargs):
            out.append({v.value: row[v] for v in row.variables if row[v] is not None} if hasattr(row, "variables") else row)
        return out

    def version(self) -> str:
        """Changes on every write. A shared store's view reads it once: the view is reopened on every change."""
        if self.shared and getattr(self._local, "writer", None) is None:
            view = self.ox
            if self._version is None or view is not self._version[0]:
                self._version = (view, self._read_version())
            return self._version[1]
        return self._read_version()

    def store_id(self) -> str | None:
        """Given at the first write and never changed (see `_version_update`)."""
        return meta_value(self, self.kr.storeId)

    def _read_version(self) -> str:
        return meta_value(self, self.kr.storeVersion) or "0"

    def _version_update(self) -> list[str]:
        """SPARQL operations that replace the store version by a new one, and record the base IRI
        the store's IRIs are minted under (at a fixed IRI, so a server with another base can tell)."""
        meta, subject, pred = self.base.graph("meta"), self.base.iri, self.kr.storeVersion
        return [f"DELETE WHERE {{ GRAPH <{meta}> {{ <{subject}> <{pred}> ?v }} }}",
                f'INSERT DATA {{ GRAPH <{meta}> {{ <{subject}> <{pred}> "{time.time_ns()}" }} }}',
                # a count of none, not FILTER NOT EXISTS nor OPTIONAL with !BOUND: Virtuoso 7 inserts on
                # every write with the first and never with the second, when nothing else is matched
                f"INSERT {{ GRAPH <{meta}> {{ <{subject}> <{self.kr.storeId}> ?id }} }} WHERE {{ {{ SELECT "
                f"(COUNT(?any) AS ?ids) WHERE {{ GRAPH <{meta}> {{ <{subject}> <{self.kr.storeId}> ?any }} }} }} "
                "FILTER(?ids = 0) BIND(STRUUID() AS ?id) }",
                f"DELETE WHERE {{ GRAPH <{base_marker.GRAPH}> {{ <{base_marker.SUBJECT}> <{base_marker.PREDICATE}> ?b }} }}",
                f"INSERT DATA {{ GRAPH <{base_marker.GRAPH}> "
                f'{{ <{base_marker.SUBJECT}> <{base_marker.PREDICATE}> "{self.base.iri}" }} }}']

    def built_for(self) -> str | None:
        """The base IRI the store was written under (None: an empty store)."""
        return base_marker.recorded_base(self.ox, self.base.iri)

    @writes
    def bump_version(self) -> None:
        self.ox.update(" ;\n".join(self._version_update()))

    def document_hash(self, document: str) -> str | None:
        for q in self.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(self.kr.contentHash), None,
                                           ox.NamedNode(self.base.provenance)):
            return q.object.value
        return None

    def registry(self) -> EntityRegistry:
        """Entities already in the store, so new documents reuse their IRIs."""
        registry = EntityRegistry(self.base)
        rows = self.ox.query("""
            PREFIX schema: <http://schema.org/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?e ?name (GROUP_CONCAT(?alt; separator="\\u001f") AS ?alts) WHERE {
              GRAPH ?g { ?e schema:name ?name . OPTIONAL { ?e skos:altLabel ?alt } }
              FILTER(STRSTARTS(STR(?e), ?prefix))
            } GROUP BY ?e ?name ORDER BY ?e""".replace("?prefix", f'"{self.base.iri}id/"'))
        kinds, names = {}, {}
        for row in rows:
            iri = row["e"].value
            kinds[iri] = kind = iri[len(self.base.iri) + 3:].split("/", 1)[0]
            names.setdefault(iri, row["name"].value)
            alts = row["alts"].value.split("\x1f") if row["alts"] is not None and row["alts"].value else []
            registry.add(kind, iri, row["name"].value, alts)
        # which documents name each entity: a person is one across documents only where a place or an
        # organisation of theirs agrees, or an office or a day (EntityRegistry.resolve_person, `_read_traits`)
        named_in: dict[str, set[str]] = defaultdict(set)
        for q in self.ox.query(f"""
                SELECT ?e ?doc WHERE {{ GRAPH <{self.base.provenance}> {{
                  ?f a <{self.kr.EntityFact}> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc ;
                     <http://schema.org/about> ?e }} }}"""):
            named_in[q["doc"].value].add(q["e"].value)
        countries = lexicon().country_names
        for document, entities in named_in.items():
            for e in entities:
                if kinds.get(e) == "person":
                    registry.documents[e].add(document)
                elif kinds.get(e) in ("place", "organisation") and names[e] not in countries:
                    registry.name_in(document, e)
        self._read_traits(registry)
        return registry

    def _read_traits(self, registry: EntityRegistry) -> None:
        """What the texts say of each person that a namesake may share (`graph.facts.traits_of`): offices by
        every name of their body, and the days and months of offices and events."""
        role_prefix = self.base.id("role", "")
        for q in self.ox.query(f"""
                PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <http://schema.org/>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT DISTINCT ?p ?r ?label ?date WHERE {{
                  GRAPH ?g {{ ?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?o .
                              OPTIONAL {{ ?m <{self.kr.attestedOn}> ?date }} }}
                  GRAPH ?h {{ ?o schema:name|skos:altLabel ?label }} }}"""):
            person, role = q["p"].value, q["r"].value
            if role.startswith(role_prefix):
                registry.traits[person].add(role_trait(role[len(role_prefix):], q["label"].value))
            if q["date"] is not None and (trait := date_trait(q["date"].value)):
                registry.traits[person].add(trait)
        for q in self.ox.query("""
                SELECT DISTINCT ?p ?date WHERE { GRAPH ?g { ?e a <http://schema.org/Event> ;
                  <http://schema.org/attendee> ?p ; <http://schema.org/startDate> ?date } }"""):
            if trait := date_trait(q["date"].value):
                registry.traits[q["p"].value].add(trait)

    def facts_of(self, document: str) -> dict[str, str]:
        """Fact graph IRI → review status, for one document."""
        rows = self.ox.query(f"""
            SELECT ?g ?status WHERE {{
              GRAPH <{self.base.provenance}> {{ ?g <http://www.w3.org/ns/prov#wasDerivedFrom> <{document}> }}
              OPTIONAL {{ GRAPH <{self.base.review}> {{ ?g <{self.kr.reviewStatus}> ?status }} }}
            }}""")
        return {r["g"].value: (r["status"].value.rsplit("#", 1)[-1] if r["status"] is not None else "pending") for r in rows}

    def made_by_curators(self, document: str) -> set[str]:
        """The fact graphs of one document a curator made (a missed fact added, the replacement of a correction
        or of a moved mention): no extraction yields them again, and none drops them."""
        rows = self.ox.query(f"""
            SELECT ?g WHERE {{ GRAPH <{self.base.provenance}> {{
              ?g <{PROV.wasDerivedFrom}> <{document}> ; <{PROV.wasAttributedTo}> ?curator }} }}""")
        return {r["g"].value for r in rows}

    # --- writing -----------------------------------------------------------------
    @writes
    def load_vocabulary(self) -> None:
        g = ox.NamedNode(self.base.vocabulary)
        self.ox.clear_graph(g) if self.ox.contains_named_graph(g) else None
        for path in (ONTOLOGY_FILE, ROLES_FILE, LABELS_FILE):
            self.ox.load(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=self.base.iri, to_graph=g)

    @writes
    def publish(self, facts: DocumentFacts, builder: FactBuilder, public: bool = False) -> PublishReport:
        """Load one document's facts in one transaction; pending facts it no longer yields are dropped,
        decided ones and those a curator made kept. Facts it yields again get their new evidence in place of the old. `public`:
        the public view follows in the same transaction (a build refreshes it once at the end instead)."""
        report = PublishReport(str(facts.document))
        before = self.facts_of(str(facts.document))
        curated = self.made_by_curators(str(facts.document)) if before else set()
        kept = {g for g, status in before.items() if status in STATUS_NEVER_DROPPED or g in curated}
        new = {self.base.fact(f.key): f for f in facts.facts}
        self.touch(before.keys() | new.keys())
        removed = self._described(str(facts.document), self.base.provenance)
        for graph, status in before.items():
            if graph in new:
                removed += self._provenance_of(graph)  # replaced below: offsets move when the text changes
                report.unchanged += 1
                continue
            old = self._provenance_of(graph)
            summary = next((q.object.value for q in old if q.subject.value == graph and q.predicate.value == str(RDFS.label)), "")
            if graph in kept:
                report.kept_facts.append((graph, summary))
            else:
                removed += old + self._described(graph, self.base.review)
                report.dropped += 1
                report.dropped_facts.append((graph, summary))
        provenance = ox.NamedNode(self.base.provenance)
        added = [ox.Quad(nt.to_ox(s), nt.to_ox(p), nt.to_ox(o), provenance) for s, p, o in builder.provenance_terms(facts)]
        for graph, fact in new.items():
            if graph in before:
                continue
            added += quads(fact.triples, graph)
            added.append(ox.Quad(ox.NamedNode(graph), ox.NamedNode(self.kr.reviewStatus), ox.NamedNode(self.kr.pending),
                                 ox.NamedNode(self.base.review)))
            report.added += 1
            report.added_facts.append((graph, fact.summary))
        dropped = [g for g in before if g not in new and g not in kept]
        added_graphs = [g for g in new if g not in before]
        for old, now in self._renamed(dropped, new).items():  # an IRI the extractor no longer mints redirects
            graph = self.base.fact(digest(old, "renamed", now))
            added += quads([(URIRef(old), DCTERMS.isReplacedBy, URIRef(now)), (URIRef(old), OWL.sameAs, URIRef(now))], graph)
            added += quads([(URIRef(graph), RDF.type, self.kr.RedirectFact), (URIRef(graph), self.kr.rule, Literal("extraction-identity")),
                            (URIRef(graph), RDFS.label, Literal(f"{old} → {now} (nowy identyfikator / new identifier)", lang="pl")),
                            (URIRef(graph), SCHEMA.about, URIRef(old)), (URIRef(graph), SCHEMA.about, URIRef(now))],
                           self.base.provenance)
            added.append(ox.Quad(ox.NamedNode(graph), ox.NamedNode(self.kr.reviewStatus), ox.NamedNode(self.kr.accepted),
                                 ox.NamedNode(self.base.review)))
            self.touch([graph])
            added_graphs.append(graph)
        # a dropped fact's graph goes whole (a store may give back a literal in a form its DELETE DATA does
        # not match: Virtuoso turns a WKT point into its own geometry), right after it leaves the public
        # view: a triple that several dropped facts state is then no longer kept by the others
        self.apply([operation for g in dropped
                    for operation in ([self._unpublish_update(g)] if public else []) + [f"DROP SILENT GRAPH <{g}>"]]
                   + data_update("DELETE", removed) + data_update("INSERT", added)
                   + ([self._publish_update(g) for g in added_graphs] if public else []))
        return report

    def _renamed(self, dropped: list[str], new: dict) -> dict[str, str]:
        """Entity IRIs only the dropped facts named, each to the entity of its kind a new fact names by its name
        (or by its name and more: the seat a changed text now gives, "I Liceum Ogólnokształcące w Sanoku"), when
        the text uploaded again makes the extractor mint another IRI for the same thing."""
        entities = self.base.iri + "id/"
        kind = lambda iri: iri[len(entities):].split("/", 1)[0] if iri.startswith(entities) else None  # noqa: E731
        gone: dict[str, str] = {}
        for g in dropped:
            for q in self.ox.quads_for_pattern(None, ox.NamedNode(str(SCHEMA.name)), None, ox.NamedNode(g)):
                if kind(q.subject.value) in ENTITY_KINDS:
                    gone[q.subject.value] = fold(q.object.value).lower()
        if not gone:
            return {}
        named: dict[str, set[str]] = defaultdict(set)
        for fact in new.values():
            for s, p, o in fact.triples:
                if str(p) in (str(SCHEMA.name), str(SKOS.altLabel)):
                    named[str(s)].add(fold(str(o)).lower())
        dropped_graphs = set(dropped)
        renamed = {}
        for old, name in gone.items():
            if old in named or any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in dropped_graphs
                                   for q in self.ox.quads_for_pattern(ox.NamedNode(old), None, None)):
                continue  # still named by a fact of this text or of another, or already redirected
            now = next((iri for iri, names in named.items() if kind(iri) == kind(old)
                        and any(n == name or n.startswith(name + " ") for n in names)), None)
            if now is not None:
                renamed[old] = now
        return renamed

    @property
    def bulk_loads(self) -> bool:
        """Whether new documents may go through Oxigraph's bulk loader: an embedded store this process holds
        for writing alone (a build), not a shared one nor a remote one."""
        return not self.remote and not self.shared

    @writes
    def clear_unfinished(self) -> list[str]:
        """Clear what killed bulk loads (`load_new`) left, and name their documents: those described, or named
        as a fact's source, without a content hash. A build does it before it reads the entity registry, or
        the entities of half a document would count as known and the document would come back otherwise."""
        prov, kr = self.base.provenance, self.kr
        unfinished = sorted(row["d"].value for row in self.ox.query(f"""
            SELECT DISTINCT ?d WHERE {{
              GRAPH <{prov}> {{ {{ ?g <{PROV.wasDerivedFrom}> ?d }} UNION {{ ?d a <{kr.Document}> }} }}
              FILTER NOT EXISTS {{ GRAPH <{prov}> {{ ?d <{kr.contentHash}> ?hash }} }} }}"""))
        for document in unfinished:
            leftovers = self.facts_of(document)
            self.touch(leftovers)
            removed = self._described(document, prov) + [
                q for g in leftovers for q in self._provenance_of(g) + self._described(g, self.base.review)]
            self.apply([f"DROP SILENT GRAPH <{g}>" for g in leftovers] + data_update("DELETE", removed))
        return unfinished

    @writes
    def load_new(self, documents: list[DocumentFacts], builder: FactBuilder) -> list[PublishReport]:
        """Load documents the store does not hold yet (no content hash) with Oxigraph's bulk loader, which
        writes sorted files straight to disk, past RocksDB's memtables and write-ahead log: a transaction per
        document made a build's memory grow with the corpus (2.5 GB at 5 MB of text, 2.6 times slower
        writes) and left memtables that stalled the flush at its end. The loader is not atomic, so each
        document's content hash comes last, in a transaction: without it the document is not loaded, and
        `clear_unfinished` clears what a killed load wrote of it. Each fact graph is named (its source) in a
        transaction before the load, so a killed load leaves nothing unnamed. Several documents go in one
        load: each load costs 13 ms beside its quads, and its files are merged into the store's by RocksDB's
        background threads, a cost per load (1.34M quads in 348 loads: 27 s and 35 core-seconds; in 14: 13 s, 22)."""
        provenance = nt.iri(self.base.provenance)
        derived = nt.iri(str(PROV.wasDerivedFrom))
        last = {nt.iri(self.kr.contentHash), nt.iri(str(SCHEMA.text))}  # the text: a line Oxigraph's parser may refuse
        review, status, pending = nt.iri(self.base.review), nt.iri(self.kr.reviewStatus), nt.iri(self.kr.pending)
        loads = [({self.base.fact(f.key): f for f in facts.facts}, builder.provenance_terms(facts)) for facts in documents]
        self.touch(graph for new, _described in loads for graph in new)
        naming = [t for _new, described in loads for t in described if t[1] == derived]
        self.apply(data_update("INSERT", self._quads(naming)))  # names the graphs
        reader = Reader(self)
        rows_read = {p for p in {t[1] for _new, described in loads for t in described}
                     if reader.wanted(p[1:-1], self.base.provenance)}  # what the queue rows read, in N-Triples terms
        for_rows, lines = [], []
        for new, described in loads:
            for s, p, o in described:
                if p not in last and p != derived:
                    lines.append(line := nt.line(s, p, o, provenance))
                    if p in rows_read:
                        for_rows.append(line)
            for graph, fact in new.items():
                g = nt.iri(graph)
                for s, p, o in fact.triples:
                    lines.append(line := nt.line(nt.term(s), nt.term(p), nt.term(o), g))
                    if p == RDF.type and str(o) in ENTITY_TYPES:  # the kinds of entity a row counts
                        for_rows.append(line)
                lines.append(line := nt.line(g, status, pending, review))
                for_rows.append(line)
        self.ox.bulk_load("".join(lines).encode(), format=ox.RdfFormat.N_QUADS)
        self.apply(data_update("INSERT", self._quads(t for _new, described in loads for t in described if t[1] in last)))
        reader.read([*ox.parse("".join(for_rows).encode(), format=ox.RdfFormat.N_QUADS), *self._quads(naming)])
        reports = []
        for facts, (new, _described) in zip(documents, loads):
            self._local.rows.update((graph, reader.row(graph)) for graph in new)
            report = PublishReport(str(facts.document))
            report.added, report.added_facts = len(new), [(graph, fact.summary) for graph, fact in new.items()]
            reports.append(report)
        return reports

    def _quads(self, provenance_terms) -> list[ox.Quad]:
        """Provenance triples in N-Triples terms as quads of the provenance graph."""
        graph = ox.NamedNode(self.base.provenance)
        return [ox.Quad(*map(nt.to_ox, t), graph) for t in provenance_terms]

    def _described(self, subject: str, graph: str) -> list[ox.Quad]:
        return list(self.ox.quads_for_pattern(ox.NamedNode(subject), None, None, ox.NamedNode(graph)))

    def _provenance_of(self, graph: str) -> list[ox.Quad]:
        """A fact graph's provenance: its own description and its evidence and sentence selectors."""
        return [q for suffix in PROVENANCE_PARTS for q in self._described(graph + suffix, self.base.provenance)]

    @functools.cached_property
    def default_stand_in(self) -> str | None:
        """The named graph that holds the default graph on a remote store without one of its own
        (Virtuoso's is the union of all graphs); updates must name it, queries get it from the backend."""
        return self._ox.endpoints.default_graph if self.remote else None

    def _in_default_graph(self, triples: str) -> str:
        """Triples of an update's template, in the default graph or its stand-in."""
        return f"GRAPH <{self.default_stand_in}> {{ {triples} }}" if self.default_stand_in else triples

    @writes
    def refresh_public(self) -> None:
        """Rebuild the default graph: the vocabulary and every fact graph not rejected. A store this process
        holds alone (a build) gets it through the bulk loader (see `load_new`), in batches read from a snapshot:
        not atomic, so a build killed meanwhile leaves part of the view, and the next build rebuilds it whole."""
        if self.bulk_loads:
            self.ox.clear_graph(ox.DefaultGraph())
            triples = self.ox.query(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
                {{ GRAPH <{self.base.vocabulary}> {{ ?s ?p ?o }} }} UNION {{
                  GRAPH <{self.base.review}> {{ ?g <{self.kr.reviewStatus}> ?status
                    FILTER(?status NOT IN (<{self.kr.rejected}>, <{self.kr.edited}>)) }}
                  GRAPH ?g {{ ?s ?p ?o }} }} }}""")
            while batch := [ox.Quad(t.subject, t.predicate, t.object) for t in itertools.islice(triples, 100_000)]:
                self.ox.bulk_extend(batch)
            self.bump_version()
            return
        public = self._in_default_graph("?s ?p ?o")
        self.ox.update(f"""
            DROP SILENT {f"GRAPH <{self.default_stand_in}>" if self.default_stand_in else "DEFAULT"} ;
            INSERT {{ {public} }} WHERE {{ GRAPH <{self.base.vocabulary}> {{ ?s ?p ?o }} }} ;
            INSERT {{ {public} }} WHERE {{
              GRAPH <{self.base.review}> {{ ?g <{self.kr.reviewStatus}> ?status
                FILTER(?status NOT IN (<{self.kr.rejected}>, <{self.kr.edited}>)) }}
              GRAPH ?g {{ ?s ?p ?o }}
            }}""")
        self.bump_version()

    # --- review state ---------------------------------------------------------
    def status(self, fact: str) -> str | None:
        for q in self.ox.quads_for_pattern(ox.NamedNode(fact), ox.NamedNode(self.kr.reviewStatus), None,
                                           ox.NamedNode(self.base.review)):
            return q.object.value.rsplit("#", 1)[-1]
        return None

    @writes
    def set_status(self, fact: str, status: str, curator: str | None, when: str, expected: str | None = None) -> str:
        """Record a review status; returns the previous one. Refuses (Conflict) when `expected` is stale.
        The default graph follows: a rejected fact leaves it, a fact no longer rejected comes back."""
        if status not in STATUSES:
            raise ValueError(f"unknown review status {status!r}")
        before = self.status(fact)
        if before is None:
            raise UnknownFact(fact)
        if expected is not None and before != expected:
            raise Conflict(fact, before)
        self.touch([fact])
        # one SPARQL update, so one transaction: the status, the public view and the version change together
        kr, review = self.kr, self.base.review
        by = f"<{fact}> <{kr.reviewedBy}> <{self.base.id('curator', curator)}> ." if curator else ""
        operations = [
            f"""DELETE {{ GRAPH <{review}> {{ <{fact}> ?p ?o }} }} WHERE {{ GRAPH <{review}> {{ <{fact}> ?p ?o
                  FILTER(?p IN (<{kr.reviewStatus}>, <{kr.reviewedBy}>, <{kr.reviewedAt}>)) }} }}""",
            f"""INSERT DATA {{ GRAPH <{review}> {{ <{fact}> <{kr.reviewStatus}> <{kr[status]}> ;
                  <{kr.reviewedAt}> "{when}"^^<http://www.w3.org/2001/XMLSchema#dateTime> . {by} }} }}"""]
        hidden_before, hidden_after = before in HIDDEN, status in HIDDEN
        if hidden_after and not hidden_before:
            operations.append(self._unpublish_update(fact))
        elif hidden_before and not hidden_after:
            operations.append(self._publish_update(fact))
        self.apply(operations)
        return before

    def _publish_update(self, fact: str) -> str:
        return f"INSERT {{ {self._in_default_graph('?s ?p ?o')} }} WHERE {{ GRAPH <{fact}> {{ ?s ?p ?o }} }}"

    def _unpublish_update(self, fact: str) -> str:
        """Take a fact's triples out of the default graph, except those another published fact or the vocabulary
        states. The graphs that state any of them (the store's, and those this transaction adds) are looked up
        first and named in the update, each a constant: a store evaluates its test against those few graphs, not
        against every fact's status (Oxigraph reads a NOT EXISTS without the outer bindings: with `GRAPH ?other`,
        80–270 ms a fact at 1M triples; with the graphs named, under 1 ms)."""
        others = {row["g"].value for row in self.ox.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH <{fact}> {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{fact}>) }}")}
        others |= (getattr(self._local, "staged_graphs", None) or set()) - {fact}
        kept = [f"""{{ GRAPH <{g}> {{ ?s ?p ?o }} GRAPH <{self.base.review}> {{ <{g}> <{self.kr.reviewStatus}> ?status }}
                      FILTER(?status NOT IN (<{self.kr.rejected}>, <{self.kr.edited}>)) }}"""
                for g in sorted(others - {self.base.vocabulary})]  # each graph a constant: a lookup, not a scan
        if self.base.vocabulary in others:
            kept.append(f"{{ GRAPH <{self.base.vocabulary}> {{ ?s ?p ?o }} }}")
        test = f"FILTER NOT EXISTS {{ {' UNION '.join(kept)} }}" if kept else ""
        return f"DELETE {{ {self._in_default_graph('?s ?p ?o')} }} WHERE {{ GRAPH <{fact}> {{ ?s ?p ?o }} {test} }}"

    @writes
    def add_fact(self, fact: str, triples, provenance, status: str = "pending") -> None:
        """A new fact graph (a curator's correction), published unless hidden."""
        self.touch([fact])
        if getattr(self._local, "staged_graphs", None) is not None:
            self._local.staged_graphs.add(fact)  # a fact unpublished later in the transaction may share its triples
        batch = quads(triples, fact) + quads(provenance, self.base.provenance)
        batch.append(ox.Quad(ox.NamedNode(fact), ox.NamedNode(self.kr.reviewStatus), ox.NamedNode(self.kr[status]),
                             ox.NamedNode(self.base.review)))
        self.apply(data_update("INSERT", batch) + ([self._publish_update(fact)] if status not in HIDDEN else []))

    @writes
    def add_audit(self, triples) -> None:
        self.apply(data_update("INSERT", quads(triples, self.base.audit)), new_version=False)

    @contextmanager
    def transaction(self):
        """Changes made inside (statuses, facts, audit records) are applied as one SPARQL update at the
        end, with one new version: all of them or, if anything fails or the process dies, none."""
        with self.writing():
            if getattr(self._local, "staged", None) is not None:
                yield
                return
            self._local.staged, self._local.staged_graphs = [], set()
            try:
                yield
                operations = self._local.staged
            finally:
                self._local.staged = self._local.staged_graphs = None
            if operations:
                self.ox.update(" ;\n".join(operations + self._version_update()))

    def apply(self, operations: list[str], new_version: bool = True) -> None:
        """Run update operations now, or add them to the transaction in progress."""
        staged = getattr(self._local, "staged", None)
        if staged is not None:
            staged.extend(operations)
        elif operations:
            self.ox.update(" ;\n".join(operations + (self._version_update() if new_version else [])))

    def flush(self) -> None:
        if self.location is not None and not self.remote and not self.shared:
            writer.flush_within(self.ox, self.location)
            self._signal_change()

