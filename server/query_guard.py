"""What a SPARQL query may ask of the server, checked before any store or network sees it.

A lexical pass (strings, IRIs and comments skipped, as SPARQL's grammar reads them) refuses:
- `SERVICE`, unless its endpoint is written as a full IRI that is on the allow-list
  (`KRONIKA_SERVICE_ALLOW`): federation would make the server fetch any URL it can reach;
- brackets nested deeper than `max_depth`, and queries longer than `max_bytes`: the store's
  parser and evaluator recurse once per level (20,000 levels crash a process on an 8 MB stack).

Queries are also run on a thread with a large stack (`run_deep`), so the operator chains a byte
limit still allows (`1+1+…`, `a || b || …`) cannot reach the end of it either.
"""
from __future__ import annotations

import os
import re
import threading

from graph.vocab import IRIREF

STACK_BYTES = 256 * 1024 * 1024   # reserved, not used: the pages a query touches are the only ones paid for
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
OPENING, CLOSING = "({[", ")}]"


class QueryRefused(Exception):
    """A query refused before it runs; `status` is the HTTP status, the message says why in one line."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def _line_col(query: str, at: int) -> str:
    line = query.count("\n", 0, at) + 1
    return f"line {line}, column {at - (query.rfind(chr(10), 0, at) + 1) + 1}"


def _not_a_full_iri(query: str, at: int) -> QueryRefused:
    return QueryRefused(400, f"SERVICE with an endpoint that is not a full IRI ({_line_col(query, at)}): refused")


def string_end(query: str, at: int) -> int:
    """The index after the string literal that starts at `at` (its end if it is never closed)."""
    quote = query[at]
    long = query.startswith(quote * 3, at)
    i = at + (3 if long else 1)
    while i < len(query):
        c = query[i]
        if c == "\\":
            i += 2
            continue
        if long:
            if query.startswith(quote * 3, i):
                return i + 3
        elif c == quote:
            return i + 1
        elif c in "\r\n":
            return i
        i += 1
    return len(query)


def check(query: str, allowed_services: frozenset[str] = frozenset(), max_bytes: int = 100_000,
          max_depth: int = 256) -> None:
    """Raise QueryRefused if the query must not run; see the module's docstring."""
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise QueryRefused(413, f"the query is {size:,} bytes; the limit is {max_bytes:,}")
    depth, i, n = 0, 0, len(query)
    expect_service_iri: int | None = None   # where SERVICE (SILENT) was read
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if c in "'\"":
            i = string_end(query, i)
            continue
        if c == "<":
            m = IRIREF.match(query, i)
            if m:
                if expect_service_iri is not None:
                    if m.group(1) not in allowed_services:
                        raise QueryRefused(400, f"SERVICE <{m.group(1)}> ({_line_col(query, expect_service_iri)}): "
                                                "federated queries are off on this endpoint, except to the endpoints "
                                                "its operator allows (KRONIKA_SERVICE_ALLOW)")
                    expect_service_iri = None
                i = m.end()
                continue
        if c in OPENING:
            depth += 1
            if depth > max_depth:
                raise QueryRefused(400, f"brackets nested more than {max_depth} deep ({_line_col(query, i)})")
        elif c in CLOSING:
            depth = max(0, depth - 1)
        elif c.isalpha() or c == "_":
            m = WORD.match(query, i)
            word, before = m.group(0), query[i - 1] if i else " "
            after = query[m.end()] if m.end() < n else " "
            if before not in "?$:" and after != ":":   # a keyword: not a variable nor part of a prefixed name
                upper = word.upper()
                if upper == "SERVICE":
                    expect_service_iri = i
                elif expect_service_iri is not None and upper != "SILENT":
                    raise _not_a_full_iri(query, expect_service_iri)
            elif expect_service_iri is not None:
                raise _not_a_full_iri(query, expect_service_iri)
            i = m.end()
            continue
        elif expect_service_iri is not None and not c.isspace():
            raise _not_a_full_iri(query, expect_service_iri)
        i += 1
    if expect_service_iri is not None:
        raise QueryRefused(400, f"SERVICE without an endpoint ({_line_col(query, expect_service_iri)})")


def run_deep(fn, *args, **kwargs):
    """fn(*args, **kwargs) on a thread with a STACK_BYTES stack; its result, or its exception re-raised.

    The threads are kept and reused (one per call running at once): starting a thread with such a
    stack for every query cost more than a point lookup itself (~0.2 ms against ~0.08)."""
    with _IDLE_LOCK:
        thread = _IDLE.pop() if _IDLE else None
    if thread is None:
        thread = _DeepThread()
    try:
        return thread.run(fn, args, kwargs)
    finally:
        with _IDLE_LOCK:
            _IDLE.append(thread)


class _DeepThread:
    """A daemon thread with a STACK_BYTES stack that runs one call at a time, handed over by two locks."""

    def __init__(self):
        self._start, self._done = threading.Lock(), threading.Lock()
        self._start.acquire()
        self._done.acquire()
        self._call: tuple | None = None
        self._outcome: tuple = (None, None)
        with _STACK_SIZE_LOCK:
            previous = threading.stack_size(STACK_BYTES)
            try:
                threading.Thread(target=self._loop, name="kronika-query", daemon=True).start()
            finally:
                threading.stack_size(previous)

    def run(self, fn, args, kwargs):
        self._call = (fn, args, kwargs)
        self._start.release()
        self._done.acquire()
        value, error = self._outcome
        self._outcome = (None, None)  # no reference to the result outlives the call
        if error is not None:
            raise error
        return value

    def _loop(self) -> None:
        while True:
            self._start.acquire()
            fn, args, kwargs = self._call
            self._call = None
            try:
                self._outcome = (fn(*args, **kwargs), None)
            except BaseException as e:  # handed back to the caller's thread as it was
                self._outcome = (None, e)
            del fn, args, kwargs
            self._done.release()


_STACK_SIZE_LOCK = threading.Lock()
_IDLE: list[_DeepThread] = []   # threads waiting for a call; after a fork only the caller's thread exists,
_IDLE_LOCK = threading.Lock()   # so a forked child must not inherit them (see _forget_after_fork)


def _forget_after_fork() -> None:
    global _IDLE_LOCK
    _IDLE.clear()
    _IDLE_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)
