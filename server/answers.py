"""SPARQL answers kept for the next client that asks the same, shared by the server's processes.

An answer depends only on the query request (query, graphs, format, row limit, base IRI) and the store's
version, which changes on every write; so it is kept under a hash of both and never served for another
version. Queries whose answer changes from one run to the next (NOW, RAND, UUID, STRUUID, BNODE) are not
kept. The answers live in one SQLite file (in memory where there is a tmpfs, see server/wsgi.py), at most
`max_bytes` of bodies: the oldest half goes when it is full. A cache that cannot be read or written at the
moment (a busy lock, a full disk) is skipped: it only ever saves work, it never fails a request.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from pathlib import Path

from .queries import QueryRequest, QueryResult

VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
LARGEST = 1_000_000   # bytes: a larger answer is not kept (a few would fill the cache)
CHECK_EVERY = 64      # answers kept by a process between two checks of the cache's size


class AnswerCache:
    """See the module's docstring. Opened lazily in each process (a SQLite connection must not cross a fork)."""

    def __init__(self, path: str | Path, max_bytes: int):
        self.path, self.max_bytes = str(path), max_bytes
        self._db: sqlite3.Connection | None = None
        self._pid = None
        self._kept = 0
        self._version: str | None = None  # the store version this process last kept an answer for
        self._last: tuple | None = None  # (request, key) of the last request asked about

    def key(self, req: QueryRequest) -> bytes | None:
        """The answer's key, or None if the query's answer is not to be kept. Asked for the same request twice
        (looked up, then kept after it ran), it is computed once: the query may be 100 KB long."""
        if self._last is not None and self._last[0] is req:
            return self._last[1]
        key = None
        if not VOLATILE.search(req.query):
            parts = [req.version, req.query, "\x1f".join(req.default_graphs), "\x1f".join(req.named_graphs),
                     "\x1f".join(req.formats), str(req.row_limit), req.base_iri or ""]
            key = hashlib.sha256("\x1e".join(parts).encode("utf-8", "surrogatepass")).digest()
        self._last = (req, key)
        return key

    def get(self, key: bytes) -> QueryResult | None:
        try:
            row = self._open().execute("SELECT body, content_type, truncated, rows FROM answers WHERE key = ?",
                                       (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else QueryResult(row[0], row[1], bool(row[2]), row[3])

    def put(self, key: bytes, version: str, result: QueryResult) -> None:
        if len(result.body) > LARGEST:
            return
        try:
            db = self._open()
            if version != self._version:  # the store changed: the answers of other versions are dead weight
                db.execute("DELETE FROM answers WHERE version != ?", (version,))
                self._version = version
            db.execute("INSERT OR IGNORE INTO answers (key, version, body, content_type, truncated, rows, size) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (key, version, result.body, result.content_type,
                                                        int(result.truncated), result.rows, len(result.body)))
            self._kept += 1
            if self._kept % CHECK_EVERY == 0:
                self._trim(db)
        except sqlite3.Error:
            return

    def _trim(self, db: sqlite3.Connection) -> None:
        (size,) = db.execute("SELECT COALESCE(SUM(size), 0) FROM answers").fetchone()
        if size > self.max_bytes:
            db.execute("DELETE FROM answers WHERE id <= (SELECT id FROM answers ORDER BY id "
                       "LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM answers))")

    def _open(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            db = sqlite3.connect(self.path, timeout=0.05, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = OFF")  # a cache: lost with a crash of the machine, rebuilt by use
            db.execute("CREATE TABLE IF NOT EXISTS answers (id INTEGER PRIMARY KEY, key BLOB UNIQUE NOT NULL, "
                       "version TEXT NOT NULL, body BLOB NOT NULL, content_type TEXT NOT NULL, "
                       "truncated INTEGER NOT NULL, rows INTEGER NOT NULL, size INTEGER NOT NULL)")
            self._db, self._pid = db, os.getpid()
        return self._db
