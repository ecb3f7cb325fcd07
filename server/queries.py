"""Running SPARQL queries: format negotiation, row cap, and a time limit that really stops a query.

pyoxigraph cannot cancel a query, so a query on a store on disk runs where it
can be killed. Under `kronika serve` that is the gunicorn worker itself: it
serves one request at a time (see server/wsgi.py), so a `Watchdog` that answers
503 on the client's socket and ends the process hurts no other request, and
gunicorn starts a fresh worker. Elsewhere (the Flask test client, a development server) queries run in
worker processes holding a read-only view of the store, killed and replaced at
the limit. `execute` serialises the result completely before anything is sent,
so a query failing mid-way never yields a 200 with a broken body.
"""
from __future__ import annotations

import csv
import io
import json
import json.encoder
import multiprocessing as mp
import os
import queue
import sys
import threading
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

import pyoxigraph as ox

from .query_guard import run_deep
from .syntax_errors import explain

SELECT_FORMATS = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_FORMATS = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "ntriples": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
    "nquads": ("application/n-quads", ox.RdfFormat.N_QUADS),
}
# The tokens (format=, output=, results=) and media types clients send, as format names. "xml" and
# "json" name a results format for SELECT/ASK and RDF/XML or JSON-LD for a graph (SPARQLWrapper's
# defaults); Turtle is valid N3, so N3 is answered with Turtle.
ALIASES = {
    "application/json": "json", "application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
    "application/xml": "xml", "text/xml": "xml", "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/turtle": "turtle", "application/x-turtle": "turtle",
    "text/n3": "turtle", "text/rdf+n3": "turtle", "application/ld+json": "jsonld",
    "application/n-triples": "ntriples", "text/plain": "ntriples", "application/rdf+xml": "rdfxml",
    "application/trig": "trig", "application/n-quads": "nquads", "text/x-nquads": "nquads",
    "ttl": "turtle", "n3": "turtle", "nt": "ntriples", "n-triples": "ntriples", "rdf": "rdfxml",
    "rdf+xml": "rdfxml", "xml-rdf": "rdfxml", "rdf/xml": "rdfxml", "json-ld": "jsonld", "nq": "nquads",
    "n-quads": "nquads",
}
AS_GRAPH = {"xml": "rdfxml", "json": "jsonld"}
DEFAULT_SELECT, DEFAULT_GRAPH = "json", "turtle"
STORE_RETRIES = 5


class QueryError(Exception):
    """A query the endpoint refuses: `status` is the HTTP status to answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class QueryRequest:
    query: str
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)   # wanted format names, best first
    row_limit: int = 10_000
    timeout: float = 10.0
    version: str = "0"
    base_iri: str | None = None      # relative IRIs in the query resolve against the endpoint


@dataclass
class QueryResult:
    body: bytes
    content_type: str
    truncated: bool = False
    rows: int = 0


def wanted_formats(accept: str | None, format_params: list[str] | None = None) -> list[str]:
    """Format names in order of preference: from `format=` (tokens or media types, comma-separated,
    repeatable; empty values ignored) or else from the Accept header."""
    tokens = [t.strip().lower() for value in format_params or [] for t in value.split(",") if t.strip()]
    if tokens:
        names = [n for n in (ALIASES.get(t.split(";")[0].strip(), t.split(";")[0].strip()) for t in tokens)
                 if n in SELECT_FORMATS or n in GRAPH_FORMATS]
        if not names:
            raise QueryError(406, f"unknown format {', '.join(tokens)!r}; offered: "
                                  f"{', '.join([*SELECT_FORMATS, *GRAPH_FORMATS])} (or their media types)")
        return names
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        pieces = [p.strip() for p in part.split(";")]
        mime, q = pieces[0].lower(), 1.0
        for p in pieces[1:]:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if mime and q > 0:
            ranked.append((-q, i, mime))
    names = []
    for _q, _i, mime in sorted(ranked):
        if mime in ("*/*", "application/*", "text/*"):
            names.append("*")
        elif mime in ALIASES:
            names.append(ALIASES[mime])
    if not ranked:
        return ["*"]
    return names


def _pick(names: list[str], offered: dict, default: str) -> str:
    if offered is GRAPH_FORMATS:
        names = [AS_GRAPH.get(n, n) for n in names]
    for n in names:
        if n == "*":
            return default
        if n in offered:
            return n
    raise QueryError(406, "none of the accepted formats can carry this result; offered: " + ", ".join(
        v if isinstance(v, str) else v[0] for v in offered.values()))


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _select_json(variables: list[str], rows: list[list]) -> str:
    """The same text as json.dumps({"head": …, "results": {"bindings": [_term_json…]}}, ensure_ascii=False),
    written directly: twice as fast on a 1,000-row result (the dictionaries per term were most of the work)."""
    enc = json.encoder.encode_basestring   # what json.dumps(ensure_ascii=False) escapes strings with
    names = [enc(v) + ": " for v in variables]
    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal
    out = []
    for r in rows:
        parts = []
        for name, t in zip(names, r):
            if t is None:
                continue
            kind = type(t)
            if kind is named:
                parts.append(name + '{"type": "uri", "value": ' + enc(t.value) + "}")
            elif kind is literal:
                lang = t.language
                if lang:
                    parts.append(name + '{"type": "literal", "value": ' + enc(t.value) + ', "xml:lang": ' + enc(lang) + "}")
                else:
                    datatype = t.datatype.value
                    parts.append(name + '{"type": "literal", "value": ' + enc(t.value) + (
                        "}" if datatype == XSD_STRING else ', "datatype": ' + enc(datatype) + "}"))
            elif kind is blank:
                parts.append(name + '{"type": "bnode", "value": ' + enc(t.value) + "}")
            else:  # anything else (a quoted triple) as before
                parts.append(name + json.dumps(_term_json(t), ensure_ascii=False))
        out.append("{" + ", ".join(parts) + "}")
    return ('{"head": {"vars": ' + json.dumps(variables, ensure_ascii=False) + '}, "results": {"bindings": ['
            + ", ".join(out) + "]}}")


def _term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{escape(term.language)}">{escape(term.value)}</literal>'
    if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f'<literal datatype="{escape(term.datatype.value)}">{escape(term.value)}</literal>'
    return f"<literal>{escape(term.value)}</literal>"


def _term_tsv(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language and term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return '"' + term.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'
    return str(term)


def _select(solutions, fmt: str, limit: int) -> tuple[bytes, bool, int]:
    variables = [v.value for v in solutions.variables]
    rows, truncated = [], False
    for row in solutions:
        if len(rows) == limit:
            truncated = True
            break
        rows.append(list(row))  # the values in the order of `variables`, None where unbound
    if fmt == "json":
        return _select_json(variables, rows).encode(), truncated, len(rows)
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{escape(v)}"/>' for v in variables]
        out.append("</head><results>")
        for r in rows:
            out.append("<result>" + "".join(f'<binding name="{escape(v)}">{_term_xml(t)}</binding>'
                                            for v, t in zip(variables, r) if t is not None) + "</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode(), truncated, len(rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        for r in rows:
            writer.writerow(["" if t is None else t.value for t in r])
        return buf.getvalue().encode(), truncated, len(rows)
    lines = ["\t".join("?" + v for v in variables)] + ["\t".join(_term_tsv(t) for t in r) for r in rows]
    return ("\n".join(lines) + "\n").encode(), truncated, len(rows)


def execute(store: ox.Store, req: QueryRequest) -> QueryResult:
    """Run one query and serialise its whole result, on a thread whose stack deep queries cannot exhaust."""
    return run_deep(_execute, store, req)


def _execute(store: ox.Store, req: QueryRequest) -> QueryResult:
    kwargs = {"base_iri": req.base_iri} if req.base_iri else {}
    if req.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in req.default_graphs]
    if req.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in req.named_graphs]
        kwargs.setdefault("default_graph", [])
    try:
        result = store.query(req.query, **kwargs)
    except SyntaxError as e:
        raise QueryError(400, explain(req.query, str(e))) from None
    except (ValueError, TypeError) as e:
        raise QueryError(400, f"query failed: {e}") from None
    except OSError as e:
        if _federated(req, e):
            raise QueryError(502, f"a federated SERVICE endpoint failed: {_one_line(e)}") from None
        raise
    try:
        return _serialise(result, req)
    except OSError as e:
        if _federated(req, e):
            raise QueryError(502, f"a federated SERVICE endpoint failed: {_one_line(e)}") from None
        raise


def _federated(req: QueryRequest, error: OSError) -> bool:
    """An error of a SERVICE call (the guard let only allowed endpoints through), not of the store."""
    return "SERVICE" in req.query.upper() and not str(error).startswith("IO error")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]


def _serialise(result, req: QueryRequest) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        fmt = _pick(req.formats, SELECT_FORMATS, DEFAULT_SELECT)
        value = bool(result)
        if fmt == "xml":
            body = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                    f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode()
        elif fmt in ("csv", "tsv"):
            body = f"_askResult\n{str(value).lower()}\n".encode()
        else:
            body = json.dumps({"head": {}, "boolean": value}).encode()
        return QueryResult(body, SELECT_FORMATS[fmt])
    if isinstance(result, ox.QuerySolutions):
        fmt = _pick(req.formats, SELECT_FORMATS, DEFAULT_SELECT)
        try:
            body, truncated, rows = _select(result, fmt, req.row_limit)
        except ValueError as e:
            raise QueryError(500, f"query failed while reading results: {e}") from None
        return QueryResult(body, SELECT_FORMATS[fmt], truncated, rows)
    fmt = _pick(req.formats, GRAPH_FORMATS, DEFAULT_GRAPH)
    triples, truncated = [], False
    try:
        for t in result:
            if len(triples) == req.row_limit:
                truncated = True
                break
            triples.append(t)
    except ValueError as e:
        raise QueryError(500, f"query failed while reading results: {e}") from None
    mime, rdf_format = GRAPH_FORMATS[fmt]
    if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    body = ox.serialize(triples, format=rdf_format)
    return QueryResult(body, mime, truncated, len(triples))


# --- worker processes ---------------------------------------------------------------

def _worker(path: str, conn) -> None:
    """Serve queries on a read-only view of the store, reopened when the store's version changes.

    A read-only RocksDB view of a store another process writes to can meet files that writer
    just compacted away: the view is reopened and the query run again."""
    store, version = None, None
    conn.send(("ready", None))  # imports done: from here on, a query's time is its own
    while True:
        try:
            req = conn.recv()
        except EOFError:
            return
        for attempt in range(STORE_RETRIES):
            try:
                if store is None or req.version != version:
                    store, version = ox.Store.read_only(path), req.version
                conn.send(("ok", execute(store, req)))
                break
            except QueryError as e:
                conn.send(("error", (e.status, e.message)))
                break
            except Exception as e:  # the view met files compacted away: reopen it and try again
                store = None
                if attempt == STORE_RETRIES - 1:
                    conn.send(("error", (503, f"the store could not be read: {e}")))
                time.sleep(0.02 * (attempt + 1))


def over_time(timeout: float) -> str:
    return (f"query stopped after the time limit of {timeout:g} s; narrow it down (LIMIT, more specific "
            "patterns) or raise timeout= up to the limit")


class Watchdog:
    """Ends this process at a query's time limit, after answering 503 on the client's socket itself.

    Only for a process that serves one request at a time (see server/wsgi.py). One thread per
    process sleeps until the running request's deadline and is woken when a request starts or ends
    (a request costs it one uncontended lock and a notify); pyoxigraph releases the GIL while it
    evaluates, so the thread runs while the query does."""

    def __init__(self):
        self._job: tuple | None = None       # (deadline, socket, message, headers, as_json) of the running request
        self._changed = threading.Condition()  # held by whoever settles the job: the request or the watchdog
        self._thread: threading.Thread | None = None

    @contextmanager
    def guard(self, sock, timeout: float, headers: dict[str, str], message: str | None = None, as_json: bool = False):
        """`message`: what the 503 says (by default, that a query ran past its limit); `as_json`: said as the
        JSON error an API client reads ({"error": "over time", "message": …})."""
        if self._thread is None:  # started in the worker, after gunicorn forked it
            self._thread = threading.Thread(target=self._watch, name="kronika-watchdog", daemon=True)
            self._thread.start()
        with self._changed:
            self._job = (time.monotonic() + timeout, sock, message or over_time(timeout), headers, as_json)
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:  # blocks for good if the watchdog took the job: the process is ending
                self._job = None
                self._changed.notify()

    def _watch(self) -> None:
        with self._changed:
            while True:
                job = self._job
                if job is None:
                    self._changed.wait()
                    continue
                left = job[0] - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                _deadline, sock, message, headers, as_json = job
                body = (json.dumps({"error": "over time", "message": message}) if as_json else message).encode() + b"\n"
                kind = "application/json" if as_json else "text/plain; charset=utf-8"
                head = ["HTTP/1.1 503 Service Unavailable", f"Content-Type: {kind}",
                        f"Content-Length: {len(body)}", "Connection: close", *(f"{k}: {v}" for k, v in headers.items())]
                try:
                    sys.stderr.write(f"kronika: {message}; worker {os.getpid()} ends to stop it\n")
                    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + body)
                finally:
                    os._exit(0)  # the only way to stop the query; gunicorn replaces the worker


class _Bounded:
    """A remote store whose queries give up after the request's time limit."""

    def __init__(self, remote, timeout: float):
        self.remote, self.timeout = remote, timeout

    def query(self, sparql: str, **kwargs):
        return self.remote.query(sparql, timeout=self.timeout, **kwargs)


class _Worker:
    STARTUP = 120.0  # seconds a new worker process may take to import and say it is ready (a busy machine)

    def __init__(self, ctx, path: str):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(path, child), daemon=True)
        self.process.start()
        child.close()
        self.ready = False

    def wait_ready(self) -> None:
        """The time limit counts from here: a worker still starting has not begun the query."""
        if not self.ready:
            if not self.conn.poll(self.STARTUP):
                raise EOFError("the query worker did not start")
            self.conn.recv()
            self.ready = True

    def kill(self) -> None:
        self.process.kill()
        self.process.join(1)
        self.conn.close()


class QueryRunner:
    """Where queries run: see the module's docstring. `store` is the app's Store."""

    def __init__(self, store, path: str | None, workers: int = 2, in_server: bool = False, answers=None):
        self.store, self.path = store, path
        self.answers = answers if path is not None else None  # an AnswerCache (server/answers.py): embedded stores only
        self.size = workers
        self.in_server = in_server  # this process serves one request at a time and may end itself
        self._watchdog = Watchdog() if in_server else None
        self._idle: queue.Queue[_Worker] | None = None
        self._lock = threading.Lock()

    def _pool(self) -> queue.Queue:
        with self._lock:
            if self._idle is None:
                self._ctx = mp.get_context("spawn")
                self._idle = queue.Queue()
                for _ in range(self.size):
                    self._idle.put(_Worker(self._ctx, self.path))
            return self._idle

    def run(self, req: QueryRequest, sock=None, headers: dict[str, str] | None = None) -> QueryResult:
        """`sock`: the client's socket under gunicorn; `headers` go into a 503 the watchdog sends there."""
        if self.path is None:  # a store in memory, or a remote store whose own server bounds the query
            from graph.remote import RemoteOx, StoreUnavailable
            if isinstance(self.store.ox, RemoteOx):
                try:
                    return execute(_Bounded(self.store.ox, req.timeout), req)
                except StoreUnavailable as e:
                    raise QueryError(503, str(e)) from None
            return execute(self.store.ox, req)
        if self.in_server and sock is not None:
            with self._watchdog.guard(sock, req.timeout, headers or {}):
                return self._keep(req, execute(self.store.ox, req))
        pool = self._pool()
        worker = pool.get()
        try:
            worker.wait_ready()
            worker.conn.send(req)
            if not worker.conn.poll(req.timeout):
                worker.kill()
                worker = _Worker(self._ctx, self.path)
                raise QueryError(503, over_time(req.timeout))
            status, payload = worker.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError, OSError):
            worker.kill()
            worker = _Worker(self._ctx, self.path)
            raise QueryError(503, "the query worker stopped unexpectedly; try again") from None
        finally:
            pool.put(worker)
        if status == "error":
            raise QueryError(*payload)
        return self._keep(req, payload)

    def cached(self, req: QueryRequest) -> QueryResult | None:
        """The answer to the same request on the same store version, if a server process kept it."""
        key = None if self.answers is None else self.answers.key(req)
        return None if key is None else self.answers.get(key)

    def _keep(self, req: QueryRequest, result: QueryResult) -> QueryResult:
        key = None if self.answers is None else self.answers.key(req)
        if key is not None:
            self.answers.put(key, req.version, result)
        return result

    def limited(self, sock, timeout: float, message: str, as_json: bool = False):
        """A request that only reads, ended at `timeout` with a 503 saying `message` (under gunicorn; elsewhere
        nothing can stop it)."""
        if self.in_server and sock is not None:
            return self._watchdog.guard(sock, timeout, {"Retry-After": "5"}, message, as_json)
        return nullcontext()

    def close(self) -> None:
        if self._idle is not None:
            while not self._idle.empty():
                self._idle.get().kill()
