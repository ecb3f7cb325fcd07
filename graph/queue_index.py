"""The review queue's side index: one SQLite row per fact graph, kept beside the store.

The store stays the record; the index only makes the curator's queue fast at any size
(the same question asked in SPARQL joins a dozen patterns over every fact: about 50 s at
650 facts). A write of `Store` first notes the facts it is about to change (`dirty`), then
changes the store, then replaces their rows and records the store version, so a process
killed between the two commits leaves a note of exactly what to re-read. Only a new index,
or one invalidated because the store was written around it (a bulk load, a rebase), is
rebuilt whole: linear in the store, but minutes at 100,000 facts, so commands do it
(`kronika build`, `kronika serve` before it starts), not web requests.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import unicodedata
from contextlib import contextmanager, nullcontext
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .vocab import OA, ORG, PROV, RDF, RDFS, SCHEMA

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS facts (
  iri TEXT PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL, status TEXT NOT NULL,
  rule TEXT NOT NULL, confidence REAL NOT NULL, document TEXT NOT NULL, start INTEGER NOT NULL, stop INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, sentence TEXT NOT NULL, reviewed_by TEXT,
  warnings INTEGER NOT NULL, types INTEGER NOT NULL, about TEXT);
CREATE INDEX IF NOT EXISTS by_entity ON facts (about, status);
CREATE INDEX IF NOT EXISTS by_status ON facts (status, document, start, iri, kind, confidence, warnings, types);
CREATE INDEX IF NOT EXISTS by_status_confidence ON facts (status, confidence DESC, document, start, iri, kind, warnings, types);
CREATE INDEX IF NOT EXISTS by_document ON facts (document, start, iri, status, kind, confidence, warnings, types);
CREATE INDEX IF NOT EXISTS by_confidence ON facts (confidence DESC, document, start, iri, status, kind, warnings, types);
CREATE VIRTUAL TABLE IF NOT EXISTS facts_text USING fts5 (summary, sentence, content='',
  tokenize="unicode61 remove_diacritics 2");
CREATE TRIGGER IF NOT EXISTS facts_ai AFTER INSERT ON facts BEGIN
  INSERT INTO facts_text (rowid, summary, sentence) VALUES (new.rowid, fold(new.summary), fold(new.sentence)); END;
CREATE TRIGGER IF NOT EXISTS facts_ad AFTER DELETE ON facts BEGIN
  INSERT INTO facts_text (facts_text, rowid, summary, sentence)
  VALUES ('delete', old.rowid, fold(old.summary), fold(old.sentence)); END;
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS dirty (iri TEXT PRIMARY KEY, kind TEXT NOT NULL DEFAULT 'fact');
CREATE TABLE IF NOT EXISTS decisions (
  iri TEXT PRIMARY KEY, curator TEXT NOT NULL, fact TEXT NOT NULL, summary TEXT NOT NULL, before TEXT NOT NULL,
  after TEXT NOT NULL, at TEXT NOT NULL, batch TEXT, generated TEXT, undoes TEXT, reason TEXT);
CREATE INDEX IF NOT EXISTS decisions_by_curator ON decisions (curator, at);
CREATE INDEX IF NOT EXISTS decisions_by_fact ON decisions (fact, at);
CREATE INDEX IF NOT EXISTS decisions_by_time ON decisions (at);
CREATE INDEX IF NOT EXISTS decisions_by_undone ON decisions (undoes);
"""
STALE = "stale"  # the version of an index that must be rebuilt whole (the store was written around it)
SCHEMA_VERSION = "4"  # an index of another layout is dropped and rebuilt (4: decision times to the millisecond)


def instant(value: str) -> str:
    """An xsd:dateTime as the store gives it back, in canonical form ("10:00:00Z", "10:00:00.1Z"), written
    to the millisecond ("10:00:00.000Z", "10:00:00.100Z") as decisions are stamped: the index orders decisions
    by this text, and the canonical forms do not sort in time order."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


DECISION_COLUMNS = ("iri", "curator", "fact", "summary", "before", "after", "at", "batch", "generated", "undoes", "reason")
COLUMNS = ("iri", "key", "kind", "summary", "status", "rule", "confidence", "document", "start", "stop",
           "sentence_start", "sentence_end", "sentence", "reviewed_by", "warnings", "types", "about")
KINDS = {"EntityFact": "entity", "MembershipFact": "membership", "EventFact": "event", "RelationFact": "relation",
         "GeoNamesFact": "geonames"}
ENTITY_TYPES = {str(ORG.Organization): "organisation", str(SCHEMA.Person): "person", str(SCHEMA.Place): "place"}
TYPE_BITS = {"person": 1, "organisation": 2, "place": 4}  # the `types` column: the kinds of entity a fact names
ORDERS = {"document": "document, start, iri", "confidence": "confidence DESC, document, start, iri",
          "confidence-asc": "confidence, document, start, iri"}
UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})
SEARCH_HITS = 400  # best-ranked name matches an entity search groups: a short prefix matches thousands
CACHE_KIB = 65536  # SQLite's page cache per connection, at most: with its default 2 MB, each row a build adds
# read the pages of its six indexes from the file, and adding them grew slower as the index grew
SENTENCE_CAP = 2000  # characters of a sentence kept for the card and the word search
# The indexes carry every filtered column, so a filter is checked in the index without reading rows.


@dataclass
class Filters:
    """What a curator narrows the queue to; None means any."""
    status: str | None = "pending"
    kind: str | None = None
    document: str | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    warnings: bool | None = None
    entity_type: str | None = None
    search: str | None = None

    def where(self) -> tuple[str, list]:
        clauses, args = [], []
        for column, value in (("status", self.status), ("kind", self.kind), ("document", self.document)):
            if value is not None:
                clauses.append(f"{column} = ?")
                args.append(value)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            args.append(self.min_confidence)
        if self.max_confidence is not None:
            clauses.append("confidence <= ?")
            args.append(self.max_confidence)
        if self.warnings is not None:
            clauses.append("warnings > 0" if self.warnings else "warnings = 0")
        if self.entity_type is not None:
            clauses.append("types & ? != 0")
            args.append(TYPE_BITS[self.entity_type])
        if self.search:
            clauses.append("rowid IN (SELECT rowid FROM facts_text WHERE facts_text MATCH ?)")
            args.append(match_expression(self.search))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def beside(location: str | Path) -> Path:
    """Where an embedded store keeps its queue index: `data/store` → `data/store-queue.sqlite`."""
    location = Path(location)
    return location.parent / f"{location.name}-queue.sqlite"


def fold(text: str | None) -> str:
    """Text without diacritics, as curators type names ("Smialek" for Śmiałek): SQLite's tokenizer drops
    accents but keeps letters such as ł, which have no decomposition."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def printable(text: str) -> str:
    """Without control characters (a NUL ends an FTS5 string early)."""
    return "".join(c if c.isprintable() else " " for c in text)


def match_expression(words: str) -> str:
    """A curator's words as an FTS5 query: every word must occur, the last one as a prefix; each word is
    quoted, so no character of the input is FTS syntax."""
    terms = [w.replace('"', '""') for w in printable(fold(words)).split() if w.strip('"')]
    if not terms:
        return '""'
    quoted = [f'"{t}"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def name_match(alternatives: list[list[str]]) -> str:
    """An FTS5 query on the summary column: every word (each given as its alternative forms, the last as
    prefixes) must occur; each form is quoted, so no character of the input is FTS syntax."""
    groups = []
    for n, forms in enumerate(alternatives):
        last = n == len(alternatives) - 1
        quoted = [f'"{printable(fold(f)).replace(chr(34), chr(34) * 2)}"' + ("*" if last else "")
                  for f in forms if printable(f).strip('" ')]
        groups.append("(" + " OR ".join(quoted) + ")" if quoted else '""')
    return "{summary} : (" + " AND ".join(groups) + ")"


class QueueIndex:
    """The SQLite file (or an in-memory database for an in-memory store)."""

    def __init__(self, path: str | Path | None):
        self.path = str(path) if path is not None else ":memory:"
        self._local = threading.local()
        self._memory = None
        if self.path == ":memory:":  # one connection shared by the threads of the process
            self._memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            self._memory.create_function("fold", 1, fold, deterministic=True)
            self._memory_lock = threading.RLock()
        self._setup()

    def _db(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            db.create_function("fold", 1, fold, deterministic=True)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._local.db = db
        return db

    def _setup(self) -> None:
        db = self._db()
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            found = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            if found is None or found[0] != SCHEMA_VERSION:
                tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                   "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'facts_text_%'")]
                db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in tables))
        db.executescript(SCHEMA_SQL)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    @contextmanager
    def _transaction(self):
        """One SQLite write transaction (taken at once: writers of other processes wait for it)."""
        lock = self._memory_lock if self._memory is not None else nullcontext()
        with lock:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def version(self) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        return row[0] if row else None

    # --- writing -------------------------------------------------------------------------------
    def mark_dirty(self, iris, kind: str = "fact") -> None:
        """Before the store changes these facts (or adds these decisions): a note that survives a crash
        until their rows are replaced."""
        with self._transaction() as db:
            db.executemany("INSERT OR IGNORE INTO dirty VALUES (?, ?)", [(iri, kind) for iri in iris])

    def dirty(self, kind: str = "fact") -> list[str]:
        return [r[0] for r in self._db().execute("SELECT iri FROM dirty WHERE kind = ?", (kind,))]

    def update(self, rows: dict[str, tuple | None], version: str | None, settled: bool = True,
               expected: str | None = None, decisions: dict[str, tuple | None] | None = None,
               store_id: str | None = None) -> None:
        """Replace the rows of these facts and decisions (None: gone) and record the store version. `settled`:
        no write is in progress on them, so their notes go. `expected`: only if the index is still at that
        version (a reader catching up must not overwrite a writer that finished meanwhile)."""
        decisions = decisions or {}
        with self._transaction() as db:
            if expected is not None and self.version() != expected:
                return
            for table, columns, replaced in (("facts", COLUMNS, rows), ("decisions", DECISION_COLUMNS, decisions)):
                db.executemany(f"DELETE FROM {table} WHERE iri = ?", [(iri,) for iri in replaced])
                db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})",
                               [row for row in replaced.values() if row is not None])
            if settled:
                db.executemany("DELETE FROM dirty WHERE iri = ?", [(iri,) for iri in [*rows, *decisions]])
            self._set_version(db, version)
            if store_id is not None:
                self._set_store(db, store_id)

    def invalidate(self) -> None:
        """The store was written without notes (a bulk load, a rebase): rebuild before the next read."""
        with self._transaction() as db:
            self._set_version(db, STALE)

    def store_id(self) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE name = 'store'").fetchone()
        return row[0] if row else None

    def replace_all(self, rows, decisions, version: str, expected: str | None, store_id: str | None) -> bool:
        """A rebuild: every row anew, unless a writer recorded another version meanwhile."""
        with self._transaction() as db:
            if self.version() != expected:
                return False
            for table in ("facts", "decisions", "dirty"):
                db.execute(f"DELETE FROM {table}")
            db.executemany(f"INSERT INTO facts VALUES ({', '.join('?' * len(COLUMNS))})", rows)
            db.executemany(f"INSERT INTO decisions VALUES ({', '.join('?' * len(DECISION_COLUMNS))})", decisions)
            db.execute("ANALYZE")  # statistics, so that SQLite picks the index each filter needs
            self._set_version(db, version)
            self._set_store(db, store_id)
        return True

    @staticmethod
    def _set_store(db, store_id: str | None) -> None:
        db.execute("INSERT INTO meta VALUES ('store', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                   (store_id,))

    @staticmethod
    def _set_version(db, version: str | None) -> None:
        db.execute("INSERT INTO meta VALUES ('version', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                   (version,))

    # --- reading -------------------------------------------------------------------------------
    def page(self, filters: Filters, order: str = "document", limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
        where, args = filters.where()
        db = self._db()
        total = db.execute(f"SELECT COUNT(*) FROM facts{where}", args).fetchone()[0]
        rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM facts{where} "
                          f"ORDER BY {ORDERS.get(order, ORDERS['document'])} LIMIT ? OFFSET ?",
                          [*args, int(limit), int(offset)]).fetchall()
        return [dict(zip(COLUMNS, r)) for r in rows], total

    def row(self, iri: str) -> dict | None:
        found = self._db().execute(f"SELECT {', '.join(COLUMNS)} FROM facts WHERE iri = ?", (iri,)).fetchone()
        return dict(zip(COLUMNS, found)) if found else None

    def counts(self, filters: Filters) -> dict[str, int]:
        """Facts per review status under the other filters: the queue's live counts."""
        where, args = Filters(**{**filters.__dict__, "status": None}).where()
        return dict(self._db().execute(f"SELECT status, COUNT(*) FROM facts{where} GROUP BY status", args).fetchall())


    def entities(self, alternatives: list[list[str]], limit: int = 20) -> list[dict]:
        """Published entities whose name has every word (each given as its alternative forms, the last
        as prefixes), best first: a whole-name match, then FTS5's rank. One row per entity."""
        if not alternatives:
            return []
        rows = self._db().execute(
            "SELECT about, summary, types, MIN(rank) AS best FROM facts JOIN "
            "(SELECT rowid AS hit, rank FROM facts_text WHERE facts_text MATCH ? ORDER BY rank LIMIT ?) "
            "ON facts.rowid = hit "
            "WHERE kind = 'entity' AND about IS NOT NULL AND status IN ('pending', 'accepted') "
            "GROUP BY about ORDER BY best LIMIT ?",
            (name_match(alternatives), SEARCH_HITS, int(limit))).fetchall()
        return [{"iri": about, "summary": summary, "types": types} for about, summary, types, _rank in rows]

    def event_facts(self, alternatives: list[list[str]], limit: int = 20) -> list[str]:
        """Published event facts whose summary (the event's label) has every word, as `entities` reads them,
        best first: the fact graphs, each naming one event. Events have no entity facts of their own."""
        if not alternatives:
            return []
        rows = self._db().execute(
            "SELECT iri FROM facts JOIN "
            "(SELECT rowid AS hit, rank FROM facts_text WHERE facts_text MATCH ? ORDER BY rank LIMIT ?) "
            "ON facts.rowid = hit WHERE kind = 'event' AND status IN ('pending', 'accepted') ORDER BY rank LIMIT ?",
            (name_match(alternatives), SEARCH_HITS, int(limit))).fetchall()
        return [iri for (iri,) in rows]

    def in_text(self, document: str, start: int, end: int) -> list[dict]:
        """The facts of a document whose evidence starts within [start, end), in text order."""
        rows = self._db().execute(f"SELECT {', '.join(COLUMNS)} FROM facts WHERE document = ? AND start >= ? AND start < ? "
                                  "ORDER BY start, iri", (document, start, end)).fetchall()
        return [dict(zip(COLUMNS, r)) for r in rows]

    def history(self, curator: str | None = None, facts: list[str] | None = None, limit: int = 200) -> list[dict]:
        """Decisions, newest first, of a curator and/or on some facts."""
        clauses, args = [], []
        if curator is not None:
            clauses.append("curator = ?")
            args.append(curator)
        if facts is not None:
            clauses.append(f"fact IN ({', '.join('?' * len(facts))})")
            args += facts
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._db().execute(f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions{where} "
                                  "ORDER BY at DESC, rowid DESC LIMIT ?", [*args, int(limit)]).fetchall()
        return [dict(zip(DECISION_COLUMNS, r)) for r in rows]

    def last_undoable(self, curator: str) -> list[dict]:
        """A curator's last decision that is no undo and not undone, with the rest of its batch."""
        columns = ", ".join(f"d.{c}" for c in DECISION_COLUMNS)
        not_undone = "d.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.iri)"
        db = self._db()
        last = db.execute(f"SELECT {columns} FROM decisions d WHERE d.curator = ? AND {not_undone} "
                          "ORDER BY d.at DESC, d.rowid DESC LIMIT 1", (curator,)).fetchone()
        if last is None:
            return []
        last = dict(zip(DECISION_COLUMNS, last))
        if last["batch"] is None:
            return [last]
        rows = db.execute(f"SELECT {columns} FROM decisions d WHERE d.curator = ? AND d.batch = ? AND {not_undone} "
                          "ORDER BY d.at DESC, d.rowid DESC", (curator, last["batch"])).fetchall()
        return [dict(zip(DECISION_COLUMNS, r)) for r in rows]


# --- rows from the store --------------------------------------------------------------------------

class Reader:
    """Reads what a queue row needs of a fact graph. `scan=True` reads the few predicates involved
    graph-wide once (a rebuild: linear in the store); `read` reads them of just the quads given (what a
    build has just loaded: a dozen lookups in the store per fact were half its time); otherwise each
    lookup is an indexed pattern."""

    NEEDED = (RDF.type, RDFS.label, PROV.wasDerivedFrom, OA.hasSelector, OA.start, OA.end)

    def __init__(self, store, scan: bool = False):
        self.store, self.kr, self.base = store, store.kr, store.base
        self.provenance, self.review = ox.NamedNode(self.base.provenance), ox.NamedNode(self.base.review)
        self.audit = ox.NamedNode(self.base.audit)
        self.validation = ox.NamedNode(self.base.graph("validation"))
        self.texts: dict[str, str] = {}
        self.index: dict | None = None
        self.typed: dict | None = None
        self._wanted: set | None = None
        if scan:
            self._scan()

    def _scanned(self) -> list[tuple[str, str]]:
        """(predicate, graph) of every triple a row may need, but the entity types of the fact graphs."""
        kr = self.kr
        scans = [(predicate, self.provenance) for predicate in (*self.NEEDED, kr.rule, kr.confidence, kr.evidence, kr.sentence)]
        scans += [(kr.reviewStatus, self.review), (kr.reviewedBy, self.review), (kr.message, self.validation)]
        scans += [(predicate, self.audit) for predicate in self.decision_predicates()]
        return [(str(predicate), graph.value) for predicate, graph in scans]

    def wanted(self, predicate: str, graph: str) -> bool:
        """Whether a row may read this predicate's triples in this graph (entity types in a fact graph aside)."""
        if self._wanted is None:
            self._wanted = set(self._scanned())
        return (predicate, graph) in self._wanted

    def _scan(self) -> None:
        self.index = {}
        for key in self._scanned():
            found = self.index[key] = defaultdict(list)
            for q in self.store.ox.quads_for_pattern(None, ox.NamedNode(key[0]), None, ox.NamedNode(key[1])):
                found[q.subject.value].append(q.object)
        self.typed = defaultdict(list)
        for type_ in ENTITY_TYPES:
            for q in self.store.ox.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(type_), None):
                if isinstance(q.graph_name, ox.NamedNode):
                    self.typed[q.graph_name.value].append((q.subject.value, type_))

    def read(self, quads: Iterable[ox.Quad]) -> None:
        """Read the rows' triples from just these quads (what a build has just loaded), not from the store."""
        self.index = {key: defaultdict(list) for key in self._scanned()}
        self.typed = defaultdict(list)
        rdf_type = str(RDF.type)
        for q in quads:
            if not isinstance(q.graph_name, ox.NamedNode):
                continue
            found = self.index.get((q.predicate.value, q.graph_name.value))
            if found is not None:
                found[q.subject.value].append(q.object)
            if q.predicate.value == rdf_type and q.object.value in ENTITY_TYPES:
                self.typed[q.graph_name.value].append((q.subject.value, q.object.value))

    def decision_predicates(self) -> tuple:
        kr = self.kr
        return (RDF.type, PROV.wasAssociatedWith, PROV.used, PROV.endedAtTime, PROV.generated, kr.statusBefore,
                kr.statusAfter, kr.batch, kr.undoes, kr.reason)

    def decisions(self) -> list[str]:
        return [q.subject.value for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(self.kr.Decision)), self.audit)]

    def decision(self, iri: str) -> tuple | None:
        """The index row of a curator's decision (audit graph), or None."""
        def one(predicate) -> str | None:
            found = self.objects(iri, predicate, self.audit)
            return found[0].value if found else None

        kr = self.kr
        who, fact, when = one(PROV.wasAssociatedWith), one(PROV.used), one(PROV.endedAtTime)
        if who is None or fact is None or when is None:
            return None
        label = self.objects(fact, RDFS.label, self.provenance)
        return (iri, who.rsplit("/", 1)[-1], fact, label[0].value if label else "",
                one(kr.statusBefore).rsplit("#", 1)[-1], one(kr.statusAfter).rsplit("#", 1)[-1], instant(when),
                one(kr.batch), one(PROV.generated), one(kr.undoes), one(kr.reason))

    def objects(self, subject: str, predicate, graph: ox.NamedNode) -> list:
        if self.index is not None:
            return self.index[(str(predicate), graph.value)].get(subject, [])
        return [q.object for q in self.store.ox.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(str(predicate)),
                                                                  None, graph)]

    def typed_subjects(self, fact: str) -> list[tuple[str, str]]:
        if self.typed is not None:
            return self.typed.get(fact, [])
        return [(q.subject.value, q.object.value) for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(str(RDF.type)), None, ox.NamedNode(fact)) if q.object.value in ENTITY_TYPES]

    def facts(self) -> list[str]:
        return [q.subject.value for q in self.store.ox.quads_for_pattern(
            None, ox.NamedNode(str(self.kr.reviewStatus)), None, self.review)]

    def text(self, document: str) -> str:
        if document not in self.texts:
            found = self.store.ox.quads_for_pattern(ox.NamedNode(document), ox.NamedNode(str(SCHEMA.text)), None,
                                                    self.provenance)
            self.texts[document] = next((q.object.value for q in found), "")
        return self.texts[document]

    def _position(self, resource: list) -> tuple[int, int] | None:
        """The start and end of the first text position selector of an annotation resource."""
        for res in resource:
            for selector in self.objects(res.value, OA.hasSelector, self.provenance):
                start, end = self.objects(selector.value, OA.start, self.provenance), self.objects(selector.value, OA.end, self.provenance)
                if start and end:
                    return int(start[0].value), int(end[0].value)
        return None

    def row(self, fact: str) -> tuple | None:
        """The queue row of a fact graph, or None when the store holds no reviewable fact by that IRI."""
        kr, prov = self.kr, self.provenance
        status = self.objects(fact, kr.reviewStatus, self.review)
        classes = [c.value.rsplit("#", 1)[-1] for c in self.objects(fact, RDF.type, prov)]
        kind = next((KINDS[c] for c in classes if c in KINDS), None)
        if not status or kind is None:
            return None
        evidence = self._position(self.objects(fact, kr.evidence, prov))
        sentence = self._position(self.objects(fact, kr.sentence, prov))
        document = self.objects(fact, PROV.wasDerivedFrom, prov)
        if evidence is None or not document:
            return None
        sentence = sentence or evidence
        text = self.text(document[0].value)
        label = self.objects(fact, RDFS.label, prov)
        rule = self.objects(fact, kr.rule, prov)
        confidence = self.objects(fact, kr.confidence, prov)
        by = self.objects(fact, kr.reviewedBy, self.review)
        return (fact, fact.rsplit("/", 1)[-1], kind, label[0].value if label else "", status[0].value.rsplit("#", 1)[-1],
                rule[0].value if rule else "", float(confidence[0].value) if confidence else 0.0, document[0].value,
                evidence[0], evidence[1], sentence[0], sentence[1], text[sentence[0]:sentence[1]][:SENTENCE_CAP],
                by[0].value.rsplit("/", 1)[-1] if by else None, len(self.objects(fact, kr.message, self.validation)),
                sum(TYPE_BITS[t] for t in self._types(fact)),
                next((subject for subject, _t in self.typed_subjects(fact)), None) if kind == "entity" else None)

    def _types(self, fact: str) -> set[str]:
        """The kinds of entity a fact names; an organisation that is also a place counts as an organisation."""
        per_subject = defaultdict(set)
        for subject, type_ in self.typed_subjects(fact):
            per_subject[subject].add(ENTITY_TYPES[type_])
        return {"organisation" if "organisation" in kinds else min(kinds) for kinds in per_subject.values()}


def main() -> None:
    """`python -m graph.queue_index STORE BASE`: bring an embedded store's queue index up to date.
    `kronika serve` runs it in a child process before the server starts (RocksDB must not be
    opened in gunicorn's master), so no web request pays for a rebuild."""
    import sys

    from .store import Store
    from .vocab import Base
    location, base = sys.argv[1:3]
    Store(location, Base(base), read_only=True).queue()


if __name__ == "__main__":
    main()
