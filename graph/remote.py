"""A remote SPARQL 1.1 store, spoken to only through the standard protocols: Query, Update and the
Graph Store HTTP Protocol (Oxigraph server, Fuseki, GraphDB, Virtuoso…).

`RemoteOx` offers the part of `pyoxigraph.Store`'s interface that Kronika uses, so every feature
(build, review, pages, /sparql) runs on either backend. Results come back as pyoxigraph terms.
"""
from __future__ import annotations

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

    @classmethod
    def from_url(cls, url: str, auth: tuple[str, str] | None = None) -> "Endpoints":
        """`http://host:7878` → Oxigraph server's /query, /update and /store."""
        url = url.rstrip("/")
        return cls(f"{url}/query", f"{url}/update", f"{url}/store", auth)

    @classmethod
    def from_config(cls, config: dict) -> "Endpoints":
        """STORE, or STORE_QUERY / STORE_UPDATE / STORE_GSP for a store laid out otherwise (Fuseki:
        /ds/sparql, /ds/update, /ds/data), with STORE_USER / STORE_PASSWORD for basic auth."""
        default = cls.from_url(config["STORE"])
        auth = (config["STORE_USER"], config["STORE_PASSWORD"] or "") if config.get("STORE_USER") else None
        return cls(config.get("STORE_QUERY") or default.query, config.get("STORE_UPDATE") or default.update,
                   config.get("STORE_GSP") or default.store, auth)


def _term(t) -> str:
    return "" if isinstance(t, ox.DefaultGraph) else str(t)


class Triples:
    """A CONSTRUCT or DESCRIBE result, as pyoxigraph's QueryTriples: iterable and serialisable."""

    def __init__(self, ntriples: bytes):
        self.ntriples = ntriples

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
        return r

    def _post(self, url: str, body: bytes, content_type: str, params=None, accept: str | None = None,
              timeout: float | None = None) -> urllib3.BaseHTTPResponse:
        return self._request("POST", url, body, content_type, params, accept, timeout)

    # --- reading ---------------------------------------------------------------------
    def query(self, sparql: str, *, default_graph=None, named_graphs=None, base_iri=None,
              use_default_graph_as_union=False, timeout: float | None = None):
        params = []
        for g in default_graph if isinstance(default_graph, list) else ([default_graph] if default_graph else []):
            if not isinstance(g, ox.DefaultGraph):
                params.append(("default-graph-uri", g.value))
        for g in named_graphs or []:
            params.append(("named-graph-uri", g.value))
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        r = self._post(self.endpoints.query, sparql.encode(), "application/sparql-query; charset=utf-8", params,
                       accept="application/sparql-results+json, application/n-triples;q=0.9", timeout=timeout)
        mime = r.headers.get("Content-Type", "").split(";")[0].strip()
        if mime == "application/sparql-results+json":
            return ox.parse_query_results(r.data, format=ox.QueryResultsFormat.JSON)
        return Triples(r.data)

    def quads_for_pattern(self, s=None, p=None, o=None, g=None):
        terms = [x if x is not None else f"?{name}" for x, name in ((s, "s"), (p, "p"), (o, "o"))]
        pattern = " ".join(t if isinstance(t, str) else str(t) for t in terms)
        if isinstance(g, ox.DefaultGraph):
            where, graph = f"{{ {pattern} }}", None
        elif g is None:
            where, graph = f"{{ {{ {pattern} }} UNION {{ GRAPH ?g {{ {pattern} }} }} }}", None
        else:
            where, graph = f"{{ GRAPH {g} {{ {pattern} }} }}", g
        for row in self.query(f"SELECT * WHERE {where}"):
            yield ox.Quad(s or row["s"], p or row["p"], o or row["o"],
                          graph or (row["g"] if row["g"] is not None else ox.DefaultGraph()))

    def dump(self, *, format, from_graph) -> bytes:
        """One graph, serialised by the store itself (Graph Store protocol GET); an absent graph is empty."""
        if not isinstance(from_graph, ox.DefaultGraph) and not self.contains_named_graph(from_graph):
            return b""
        params = {"default": ""} if isinstance(from_graph, ox.DefaultGraph) else {"graph": from_graph.value}
        return self._request("GET", self.endpoints.store, params=params, accept=format.media_type).data

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
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
                groups.setdefault(_term(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
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
        graph = to_graph.value if to_graph is not None else None
        body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
        self._post(self.endpoints.store, body, "application/n-triples", {"graph": graph} if graph else {"default": ""})

    def flush(self) -> None:
        """The remote store persists what it acknowledged."""
