"""The SPARQL 1.1 Protocol endpoint (read-only), with its service description.

GET ?query=, POST form-urlencoded, POST application/sparql-query;
default-graph-uri / named-graph-uri override FROM / FROM NAMED. Results by
Accept or format=. A time limit that stops the query (503), a row cap
signalled by the `Kronika-Truncated` header, CORS, ETag from the store version.
Queries running at once are limited per client (429) and in all (503), and a
query whose client has closed the connection is not run (server/limits.py).
"""
from __future__ import annotations

import hashlib
import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl

from flask import Blueprint, Response, current_app, render_template, request
from rdflib import BNode, Graph, Literal, URIRef
from werkzeug.http import parse_etags
from werkzeug.sansio.utils import get_current_url, get_host

from graph.vocab import RDF, RDFS, SD, VOID, XSD, is_absolute_iri

from .. import limits
from ..app import kronika
from ..queries import GRAPH_FORMATS, SELECT_FORMATS, QueryError, QueryRequest, wanted_formats
from ..query_guard import QueryRefused, check

bp = Blueprint("sparql", __name__)
EXAMPLES = Path(__file__).resolve().parent.parent / "examples.toml"

CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Kronika-Truncated, Kronika-Rows, Link",
}
DESCRIPTION_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
                       "application/n-triples": "nt"}
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@lru_cache(maxsize=4)
def examples(base: str) -> list[dict]:
    with open(EXAMPLES, "rb") as fh:
        return [{"title": e["title"], "query": e["query"].strip().replace("{base}", base)}
                for e in tomllib.load(fh)["example"]]


def error(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain", headers=CORS)


def service_description() -> Graph:
    """sd:Service with its endpoint, formats and default dataset (described with VoID)."""
    k = kronika()
    endpoint = URIRef(request.base_url)
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    service = URIRef(f"{request.base_url}#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, endpoint))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for mime in [*SELECT_FORMATS.values(), *(v[0] for v in GRAPH_FORMATS.values())]:
        g.add((service, SD.resultFormat, URIRef(_format_iri(mime))))
    dataset, default = BNode(), BNode()
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, RDF.type, VOID.Dataset))
    g.add((default, VOID.sparqlEndpoint, endpoint))
    row = next(iter(k.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))
    g.add((default, VOID.triples, Literal(int(row["n"].value), datatype=XSD.integer)))
    g.add((service, RDFS.seeAlso, URIRef(request.host_url + ".well-known/void")))
    return g


def _format_iri(mime: str) -> str:
    known = {
        "application/sparql-results+json": "http://www.w3.org/ns/formats/SPARQL_Results_JSON",
        "application/sparql-results+xml": "http://www.w3.org/ns/formats/SPARQL_Results_XML",
        "text/csv": "http://www.w3.org/ns/formats/SPARQL_Results_CSV",
        "text/tab-separated-values": "http://www.w3.org/ns/formats/SPARQL_Results_TSV",
        "text/turtle": "http://www.w3.org/ns/formats/Turtle",
        "application/ld+json": "http://www.w3.org/ns/formats/JSON-LD",
        "application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
        "application/rdf+xml": "http://www.w3.org/ns/formats/RDF_XML",
        "application/trig": "http://www.w3.org/ns/formats/TriG",
        "application/n-quads": "http://www.w3.org/ns/formats/N-Quads",
    }
    return known[mime]


def not_modified(etag: str) -> Response:
    return Response(status=304, headers={**CORS, "ETag": f'"{etag}"', "Vary": "Accept"})


def _etag(*parts: str | bytes | None) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def describe_service() -> Response:
    best = request.accept_mimetypes.best_match(list(DESCRIPTION_FORMATS)) or "text/turtle"
    body = service_description().serialize(format=DESCRIPTION_FORMATS[best])
    return Response(body, mimetype=best, headers={**CORS, "Vary": "Accept"})


def format_params() -> list[str]:
    """`format=` and the other names clients use for it (Virtuoso's `output=`, SPARQLWrapper sends all three)."""
    return [*request.values.getlist("format"), *request.values.getlist("output"), *request.values.getlist("results")]


def parse_request() -> tuple[str | None, list[str], list[str]]:
    """The query and the protocol's dataset, or a QueryError naming what is wrong."""
    args = request.args
    if "update" in args or request.mimetype == "application/sparql-update":
        raise QueryError(403, "this endpoint is read-only: SPARQL Update is not accepted")
    if request.method in ("GET", "HEAD"):
        queries = args.getlist("query")
        params = args
    else:
        mime = request.mimetype
        if mime in FORM_TYPES:
            if "update" in request.form:
                raise QueryError(403, "this endpoint is read-only: SPARQL Update is not accepted")
            queries = request.form.getlist("query") + args.getlist("query")
            params = request.values
        elif mime == "application/sparql-query":
            charset = (request.mimetype_params.get("charset") or "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise QueryError(415, f"the query must be UTF-8, not {charset}")
            try:
                queries = [request.get_data().decode("utf-8")] + args.getlist("query")
            except UnicodeDecodeError as e:
                raise QueryError(400, f"the query body is not UTF-8 (byte {e.start})") from None
            params = args
        elif not mime:
            raise QueryError(415, "a POST needs Content-Type application/x-www-form-urlencoded or application/sparql-query")
        else:
            raise QueryError(415, f"unsupported Content-Type {mime}: use application/x-www-form-urlencoded "
                                  "or application/sparql-query")
    if len(queries) > 1:
        raise QueryError(400, "more than one query parameter")
    query = queries[0] if queries else None
    datasets = []
    for name in ("default-graph-uri", "named-graph-uri"):
        iris = params.getlist(name)
        for iri in iris:
            if not is_absolute_iri(iri):
                raise QueryError(400, f"{name}: {iri!r} is not an absolute IRI")
        datasets.append(iris)
    return query, *datasets


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS", "PUT", "DELETE", "PATCH"], strict_slashes=False)
def sparql():
    if request.method == "OPTIONS":
        return Response(status=204, headers={**CORS, "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                             "Access-Control-Allow-Headers": "Content-Type, Accept, If-None-Match",
                                             "Access-Control-Max-Age": "86400", "Allow": "GET, HEAD, POST, OPTIONS"})
    if request.method not in ("GET", "HEAD", "POST"):
        return Response("the SPARQL endpoint is read-only: use GET or POST\n", status=405, mimetype="text/plain",
                        headers={**CORS, "Allow": "GET, HEAD, POST, OPTIONS"})
    k = kronika()
    try:
        query, default_graphs, named_graphs = parse_request()
        if query is None:
            if request.method == "POST":
                raise QueryError(400, "no query given")
            if request.accept_mimetypes.best_match(["text/html", *DESCRIPTION_FORMATS]) == "text/html":
                return render_template("sparql.html", examples=examples(k.base.iri), base=k.base.iri)
            return describe_service()
        if not query.strip():
            raise QueryError(400, "the query is empty")
        try:
            check(query, k.config["SERVICE_ALLOW"], k.config["QUERY_MAX_BYTES"], k.config["QUERY_MAX_DEPTH"])
        except QueryRefused as e:
            raise QueryError(e.status, e.message) from None
        limit = k.config["QUERY_TIMEOUT"]
        timeout = limit
        if request.values.get("timeout"):
            try:
                timeout = min(limit, float(request.values["timeout"]))
            except ValueError:
                raise QueryError(400, f"timeout must be a number of seconds, not {request.values['timeout']!r}") from None
            if timeout <= 0:
                raise QueryError(400, "timeout must be positive")
        accept = request.headers.get("Accept")
        # The ETag: on an embedded store from the store version, known before the query runs, so a
        # revalidation costs no query; on a remote store asking for the version would cost a round
        # trip on every request, so from the answer itself.
        version = None if k.store.remote else k.store.version()
        etag = _etag(version, query, *default_graphs, "|", *named_graphs, accept or "", *format_params())
        if version is not None and request.if_none_match and etag in request.if_none_match:
            return not_modified(etag)
        to_run = QueryRequest(query, default_graphs, named_graphs, wanted_formats(accept, format_params()),
                              k.config["ROW_LIMIT"], timeout, version or "", request.base_url)
        failed = request.environ.pop(FAILED, None)
        if failed is not None:  # the fast path ran this very query: its refusal or error, answered as always
            raise failed
        sock = request.environ.get("gunicorn.socket")
        if limits.client_gone(sock):  # it gave up while the request waited for a worker: nobody would read it
            current_app.logger.warning("query from %s not run: the client closed the connection before it started",
                                       request.remote_addr)
            return Response(status=499)  # nginx's "client closed request", for the access log only
        result = k.queries.cached(to_run)
        if result is None:
            with limits.of(current_app).slot(request.remote_addr or "unknown"):
                result = k.queries.run(to_run, sock=sock, headers={**CORS, "Retry-After": "1"})
        if version is None:
            etag = _etag(etag, result.content_type, str(result.truncated), result.body)
            if request.if_none_match and etag in request.if_none_match:
                return not_modified(etag)
    except limits.LimitReached as e:
        refused = error(e.status, e.message)
        refused.headers["Retry-After"] = str(limits.RETRY_AFTER)
        return refused
    except QueryError as e:
        return error(e.status, e.message)
    headers = {**CORS, "Vary": "Accept", "ETag": f'"{etag}"', "Cache-Control": "public, max-age=0, must-revalidate",
               "Kronika-Rows": str(result.rows)}
    if result.truncated:
        headers["Kronika-Truncated"] = f"true; limit={k.config['ROW_LIMIT']}"
    return Response(result.body, content_type=result.content_type + ("; charset=utf-8" if "json" in result.content_type
                    or result.content_type.startswith("text/") else ""), headers=headers)


# --- the fast path ----------------------------------------------------------------------------

FAILED = "kronika.sparql.failed"  # set by FastPath when the query ran and failed: the view answers it
CACHE_CONTROL = "public, max-age=0, must-revalidate"


class FastPath:
    """WSGI middleware answering the endpoint's commonest request, `GET /sparql?query=…` with nothing
    else (no other parameter, no cookie, no credentials) on an embedded store, without Flask's request
    machinery: the same checks, ETag, limits, runner and headers as the view, at a fraction of the
    cost per request. Anything else, and every refusal or failure, is left to Flask and the view
    (a query that ran and failed is handed over in the environ, not run again)."""

    def __init__(self, app, wsgi_app, security_headers: dict[str, str]):
        self.app, self.next = app, wsgi_app
        self.security = list(security_headers.items())
        self._base_urls: dict[tuple, str] = {}

    def __call__(self, environ, start_response):
        if (environ.get("PATH_INFO") != "/sparql" or environ.get("REQUEST_METHOD") != "GET"
                or "HTTP_COOKIE" in environ or "HTTP_AUTHORIZATION" in environ):
            return self.next(environ, start_response)
        try:
            answer = self.answer(environ)
        except Exception:  # whatever it was, the view meets it too and answers it as it always has
            answer = None
        if answer is None:
            return self.next(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    def answer(self, environ) -> tuple[str, list, bytes] | None:
        """(status, headers, body), or None for Flask to answer."""
        qs = environ.get("QUERY_STRING", "")
        if not qs.startswith("query="):
            return None
        pairs = parse_qsl(qs.encode("latin-1").decode(), keep_blank_values=True, errors="werkzeug.url_quote")
        if len(pairs) != 1 or pairs[0][0] != "query":
            return None
        query = pairs[0][1]
        k = self.app.extensions["kronika"]
        if k.store.remote or not query.strip():
            return None
        config = k.config
        try:
            check(query, config["SERVICE_ALLOW"], config["QUERY_MAX_BYTES"], config["QUERY_MAX_DEPTH"])
        except QueryRefused:
            return None
        accept = environ.get("HTTP_ACCEPT")
        version = k.store.version()
        etag = _etag(version, query, "|", accept or "")
        if environ.get("HTTP_IF_NONE_MATCH") and etag in parse_etags(environ["HTTP_IF_NONE_MATCH"]):
            return "304 NOT MODIFIED", [*CORS.items(), ("ETag", f'"{etag}"'), ("Vary", "Accept, Accept-Language"),
                                        *self.security], b""
        base_url = self.base_url(environ)
        if base_url is None:
            return None
        to_run = QueryRequest(query, [], [], wanted_formats(accept, []), config["ROW_LIMIT"], config["QUERY_TIMEOUT"],
                              version or "", base_url)
        result = k.queries.cached(to_run)
        if result is None:
            sock = environ.get("gunicorn.socket")
            if limits.client_gone(sock):
                return None  # the view logs it and answers 499
            try:
                with limits.of(self.app).slot(environ.get("REMOTE_ADDR") or "unknown"):
                    result = k.queries.run(to_run, sock=sock, headers={**CORS, "Retry-After": "1"})
            except Exception as e:
                environ[FAILED] = e
                return None
        content_type = result.content_type
        if "json" in content_type or content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        headers = [("Content-Type", content_type), ("Content-Length", str(len(result.body))), *CORS.items(),
                   ("Vary", "Accept, Accept-Language"), ("ETag", f'"{etag}"'), ("Cache-Control", CACHE_CONTROL),
                   ("Kronika-Rows", str(result.rows))]
        if result.truncated:
            headers.append(("Kronika-Truncated", f"true; limit={config['ROW_LIMIT']}"))
        headers += self.security
        return "200 OK", headers, result.body

    def base_url(self, environ) -> str | None:
        """request.base_url as Flask would give it (the IRI relative IRIs in the query resolve against)."""
        key = (environ.get("wsgi.url_scheme"), environ.get("HTTP_HOST"), environ.get("SERVER_NAME"),
               environ.get("SERVER_PORT"), environ.get("SCRIPT_NAME", ""))
        url = self._base_urls.get(key)
        if url is None:
            if self.app.config.get("TRUSTED_HOSTS"):
                return None  # Flask checks the host against them
            scheme, host, server_name, server_port, root = key
            try:  # as werkzeug reads the server's address
                server = None if server_name is None else (server_name, int(server_port))
            except (TypeError, ValueError):
                server = (server_name, None)
            root = (root or "").encode("latin-1").decode(errors="replace")
            url = get_current_url(scheme or "http", get_host(scheme or "http", host, server), root, "/sparql")
            if len(self._base_urls) > 64:
                self._base_urls.clear()
            self._base_urls[key] = url
        return url
