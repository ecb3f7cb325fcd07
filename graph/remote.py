"""A remote SPARQL 1.1 store, spoken to only through the standard protocols: Query, Update and the
Graph Store HTTP Protocol (Oxigraph server, Fuseki, GraphDB, Virtuoso…).

`RemoteOx` offers the part of `pyoxigraph.Store`'s interface that Kronika uses, so every feature
(build, review, pages, /sparql) runs on either backend. Results come back as pyoxigraph terms.

Queries are sent as URL-encoded forms, the one way every store takes (Virtuoso 7 never answers a
query POSTed as `application/sparql-query`). A store whose default graph is the union of all its
graphs (Virtuoso) keeps Kronika's default graph in a named graph instead, `Endpoints.default_graph`:
queries get it as their default graph, updates name it (`Store.default_stand_in`), the Graph Store
protocol reads it as a graph. What else Virtuoso does its own way is undone here, where it is read:
ASK answered as a SELECT, the first media type asked for given whatever the query's form, FROM
merged with the protocol's dataset, tab-separated N-Triples, WKT literals retyped, results capped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
import urllib3

BATCH = 2000


class StoreUnavailable(RuntimeError):
    """The remote store did not answer (down, unreachable, too slow); nothing was written."""


@dataclass(frozen=True)
class Endpoints:
    query: str
    update: str
    store: str              # Graph Store HTTP Protocol
    auth: tuple[str, str] | None = None
    default_graph: str | None = None  # the named graph standing for the default graph, on a store without one

    @classmethod
    def from_url(cls, url: str, auth: tuple[str, str] | None = None) -> "Endpoints":
        """`http://host:7878` → Oxigraph server's /query, /update and /store."""
        url = url.rstrip("/")
        return cls(f"{url}/query", f"{url}/update", f"{url}/store", auth)

    @classmethod
    def from_config(cls, config: dict) -> "Endpoints":
        """STORE, or STORE_QUERY / STORE_UPDATE / STORE_GSP for a store laid out otherwise (Fuseki:
        /ds/sparql, /ds/update, /ds/data; Virtuoso: /sparql, /sparql, /sparql-graph-crud), with
        STORE_USER / STORE_PASSWORD for basic auth and STORE_DEFAULT_GRAPH for a store without a
        default graph of its own (Virtuoso)."""
        default = cls.from_url(config["STORE"])
        auth = (config["STORE_USER"], config["STORE_PASSWORD"] or "") if config.get("STORE_USER") else None
        return cls(config.get("STORE_QUERY") or default.query, config.get("STORE_UPDATE") or default.update,
                   config.get("STORE_GSP") or default.store, auth, config.get("STORE_DEFAULT_GRAPH") or None)


# what may hide a keyword (strings, IRIs, comments), then the keywords that matter here: the query
# form, a FROM clause, and GRAPH with a constant graph
_IRI = r'<[^<>"{}|^`\\\s]*>'
_GRAPH_NAME = rf"\s*{_IRI}|\s+(?:[A-Za-z][\w.-]*)?:[^\s{{}}()]*"  # an IRI or a prefixed name, after a keyword
_TOKENS = re.compile("|".join((
    r"'''.*?'''", r'""".*?"""', r"'(?:[^'\\\n]|\\.)*'", r'"(?:[^"\\\n]|\\.)*"', _IRI, r"#[^\n]*",
    r"(?<![\w:?$])(?P<form>SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])",
    rf"(?<![\w:?$])(?P<from>FROM(?:\s+NAMED)?(?:{_GRAPH_NAME}))",
    rf"(?<![\w:?$])GRAPH(?P<graph>{_GRAPH_NAME})")),
    re.IGNORECASE | re.DOTALL)
GRAPH_VARIABLE = "kronika_graph_"


def outline(sparql: str) -> tuple[str, bool]:
    """A query's form (SELECT, ASK, CONSTRUCT or DESCRIBE: the first one written) and whether it has a FROM
    or FROM NAMED clause (a word in a string, an IRI or a comment is not one)."""
    form, names_dataset = "", False
    for m in _TOKENS.finditer(sparql):
        form = form or (m.group("form") or "").upper()
        names_dataset = names_dataset or bool(m.group("from"))
    return form, names_dataset


def without_dataset_clauses(sparql: str) -> str:
    """The query without FROM and FROM NAMED, for a request that gives its dataset: the protocol's
    replaces the query's (SPARQL 1.1 Protocol), where Virtuoso would merge the two."""
    return _TOKENS.sub(lambda m: "" if m.group("from") else m.group(0), sparql)


def graphs_by_values(sparql: str) -> str:
    """`GRAPH <g> {…}` written as `VALUES ?v { <g> } GRAPH ?v {…}`, the same pattern: Virtuoso, given a
    default graph (default-graph-uri), finds nothing in a constant named graph but searches every graph
    for a variable one."""
    count = 0

    def rewrite(m: re.Match) -> str:
        nonlocal count
        if not m.group("graph"):
            return m.group(0)
        count += 1
        return f"VALUES ?{GRAPH_VARIABLE}{count} {{ {m.group('graph').strip()} }} GRAPH ?{GRAPH_VARIABLE}{count}"
    return _TOKENS.sub(rewrite, sparql)


def without_graph_variables(results: bytes) -> bytes:
    """SPARQL JSON results without the variables `graphs_by_values` added (a SELECT * shows them)."""
    if GRAPH_VARIABLE.encode() not in results:
        return results
    parsed = json.loads(results)
    added = [v for v in parsed["head"].get("vars", []) if v.startswith(GRAPH_VARIABLE)]
    if not added:
        return results
    parsed["head"]["vars"] = [v for v in parsed["head"]["vars"] if v not in added]
    for row in parsed.get("results", {}).get("bindings", []):
        for v in added:
            row.pop(v, None)
    return json.dumps(parsed).encode()


def ask_answer(results):
    """An ASK's boolean from Virtuoso 7, which answers ASK as a SELECT of `__ASK_RETVAL`: one row of 1
    for true, none for false; any other result as it is."""
    if not isinstance(results, ox.QuerySolutions) or [v.value for v in results.variables] != ["__ASK_RETVAL"]:
        return results
    answer = b"true" if any(True for _ in results) else b"false"
    return ox.parse_query_results(b'{"head": {}, "boolean": ' + answer + b"}", format=ox.QueryResultsFormat.JSON)


# Virtuoso keeps a GeoSPARQL WKT literal as a geometry of its own and gives it back typed with its own datatype
_VIRTUOSO_GEOMETRY = re.compile(rb'("\^\^<|"datatype": ")http://www\.openlinksw\.com/schemas/virtrdf#Geometry(?=[>"])')


def wkt_literals(data: bytes) -> bytes:
    """Results (SPARQL JSON or N-Triples) with Virtuoso's geometries typed as GeoSPARQL WKT literals again."""
    if b"virtrdf#Geometry" not in data:
        return data
    return _VIRTUOSO_GEOMETRY.sub(rb"\1http://www.opengis.net/ont/geosparql#wktLiteral", data)


def canonical_ntriples(data: bytes) -> bytes:
    """N-Triples written as Oxigraph writes them, one space between terms, for callers that split lines
    by spaces: Virtuoso separates terms by tabs."""
    if b"\t" not in data:
        return data
    return ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES)


class Triples:
    """A CONSTRUCT or DESCRIBE result, as pyoxigraph's QueryTriples: iterable and serialisable."""

    def __init__(self, ntriples: bytes):
        self.ntriples = canonical_ntriples(ntriples)

    def __iter__(self):
        return iter(ox.parse(self.ntriples, format=ox.RdfFormat.N_TRIPLES))

    def serialize(self, format) -> bytes:
        return self.ntriples if format == ox.RdfFormat.N_TRIPLES else ox.serialize(self, format=format)


class RemoteOx:
    def __init__(self, endpoints: Endpoints, timeout: float = 30.0):
        self.endpoints = endpoints
        self.timeout = timeout
        # urllib3 directly: a thread-safe pool of kept-alive connections, a fraction of requests' overhead
        headers = urllib3.make_headers(basic_auth=":".join(endpoints.auth)) if endpoints.auth else {}
        self.http = urllib3.PoolManager(maxsize=16, headers=headers, retries=False)

    def _request(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None,
                 params=None, accept: str | None = None, timeout: float | None = None) -> urllib3.BaseHTTPResponse:
        headers = {**self.http.headers, **({"Content-Type": content_type} if content_type else {}),
                   **({"Accept": accept} if accept else {})}
        try:
            r = self.http.request(method, f"{url}?{urlencode(params)}" if params else url, body=body, headers=headers,
                                  timeout=urllib3.Timeout(connect=5.0, read=timeout or self.timeout))
        except urllib3.exceptions.TimeoutError as e:
            raise StoreUnavailable(f"the store at {url} did not answer in time") from e
        except urllib3.exceptions.HTTPError as e:
            raise StoreUnavailable(f"the store at {url} is unreachable") from e
        if r.status == 400:
            raise SyntaxError(r.data.decode("utf-8", "replace").strip()[:500])
        if r.status >= 400:
            raise StoreUnavailable(f"the store at {url} answered {r.status}: "
                                   f"{r.data.decode('utf-8', 'replace').strip()[:300]}")
        if "X-SPARQL-MaxRows" in r.headers:  # Virtuoso cut the result at its ResultSetMaxRows
            raise StoreUnavailable(f"the store at {url} cut a result at {r.headers['X-SPARQL-MaxRows']} rows: "
                                   "raise its result limit (Virtuoso: ResultSetMaxRows in [SPARQL] of virtuoso.ini)")
        return r

    def _post(self, url: str, body: bytes, content_type: str, params=None, accept: str | None = None,
              timeout: float | None = None) -> urllib3.BaseHTTPResponse:
        return self._request("POST", url, body, content_type, params, accept, timeout)

    def _graph(self, g) -> str:
        """A graph term as written in SPARQL ("" for the default graph where the store has its own)."""
        if isinstance(g, ox.DefaultGraph):
            return f"<{self.endpoints.default_graph}>" if self.endpoints.default_graph else ""
        return str(g)

    def _not_stand_in(self, variable: str) -> str:
        """A filter keeping the default graph's stand-in out of `GRAPH ?variable`: it is the default graph."""
        return f"FILTER(?{variable} != <{self.endpoints.default_graph}>)" if self.endpoints.default_graph else ""

    def _graph_param(self, g) -> dict[str, str]:
        """A graph as the Graph Store protocol names it."""
        if isinstance(g, ox.DefaultGraph) and not self.endpoints.default_graph:
            return {"default": ""}
        return {"graph": self.endpoints.default_graph if isinstance(g, ox.DefaultGraph) else g.value}

    # --- reading ---------------------------------------------------------------------
    def query(self, sparql: str, *, default_graph=None, named_graphs=None, base_iri=None,
              use_default_graph_as_union=False, timeout: float | None = None):
        defaults = default_graph if isinstance(default_graph, list) else ([default_graph] if default_graph else [])
        params = []
        for g in defaults:
            iri = self.endpoints.default_graph if isinstance(g, ox.DefaultGraph) else g.value
            if iri:
                params.append(("default-graph-uri", iri))
        for g in named_graphs or []:
            params.append(("named-graph-uri", g.value))
        stand_in = self.endpoints.default_graph
        form, names_dataset = outline(sparql)
        by_values = bool(stand_in) and default_graph is None and not named_graphs and not names_dataset
        if by_values:
            params.append(("default-graph-uri", stand_in))
            sparql = graphs_by_values(sparql)
        elif params and names_dataset:
            sparql = without_dataset_clauses(sparql)
        params.append(("query", f"BASE <{base_iri}>\n{sparql}" if base_iri else sparql))
        # one type, by the query's form: Virtuoso answers in the first type asked for, whatever the form
        accept = "application/n-triples" if form in ("CONSTRUCT", "DESCRIBE") else "application/sparql-results+json"
        r = self._post(self.endpoints.query, urlencode(params).encode(), "application/x-www-form-urlencoded",
                       accept=accept, timeout=timeout)
        mime = r.headers.get("Content-Type", "").split(";")[0].strip()
        if mime == "application/sparql-results+json":
            data = wkt_literals(without_graph_variables(r.data) if by_values else r.data)
            return ask_answer(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))
        return Triples(wkt_literals(r.data))

    def quads_for_pattern(self, s=None, p=None, o=None, g=None):
        terms = [x if x is not None else f"?{name}" for x, name in ((s, "s"), (p, "p"), (o, "o"))]
        pattern = " ".join(t if isinstance(t, str) else str(t) for t in terms)
        if isinstance(g, ox.DefaultGraph):
            where, graph = f"{{ {pattern} }}", None
        elif g is None:
            where, graph = f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} {self._not_stand_in('g')} }} }}", None
        else:
            where, graph = f"{{ GRAPH {g} {{ {pattern} }} }}", g
        for row in self.query(f"SELECT * WHERE {where}"):
            yield ox.Quad(s or row["s"], p or row["p"], o or row["o"],
                          graph or (row["g"] if row["g"] is not None else ox.DefaultGraph()))

    def dump(self, *, format, from_graph) -> bytes:
        """One graph, serialised by the store itself (Graph Store protocol GET); an absent graph is empty."""
        params = self._graph_param(from_graph)
        if "graph" in params and not self.contains_named_graph(ox.NamedNode(params["graph"])):
            return b""
        data = wkt_literals(self._request("GET", self.endpoints.store, params=params, accept=format.media_type).data)
        return canonical_ntriples(data) if format == ox.RdfFormat.N_TRIPLES else data

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION "
                          f"{{ GRAPH ?g {{ ?s ?p ?o }} {self._not_stand_in('g')} }} }}")
        return int(next(iter(rows))["n"].value)

    def contains_named_graph(self, g) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}"))

    # --- writing -------------------------------------------------------------------
    def update(self, sparql: str) -> None:
        self._post(self.endpoints.update, sparql.encode(), "application/sparql-update; charset=utf-8")

    def _data(self, verb: str, quads) -> None:
        quads = list(quads)
        for i in range(0, len(quads), BATCH):
            groups: dict[str, list[str]] = {}
            for q in quads[i:i + BATCH]:
                groups.setdefault(self._graph(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
            body = " ".join(("\n".join(lines) if not g else f"GRAPH {g} {{ {' '.join(lines)} }}")
                            for g, lines in groups.items())
            self.update(f"{verb} DATA {{ {body} }}")

    def extend(self, quads) -> None:
        self._data("INSERT", quads)

    def add(self, quad) -> None:
        self._data("INSERT", [quad])

    def remove(self, quad) -> None:
        self._data("DELETE", [quad])

    def remove_graph(self, g) -> None:
        self.update(f"DROP SILENT GRAPH {g}")

    def clear_graph(self, g) -> None:
        self.update(f"CLEAR SILENT GRAPH {g}")

    def load(self, *, path: str, format, base_iri: str | None = None, to_graph=None) -> None:
        """Parse locally (relative IRIs against the base) and send as N-Quads through the store protocol."""
        quads = ox.parse(path=path, format=format, base_iri=base_iri)
        body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
        self._post(self.endpoints.store, body, "application/n-triples", self._graph_param(to_graph or ox.DefaultGraph()))

    def flush(self) -> None:
        """The remote store persists what it acknowledged."""
