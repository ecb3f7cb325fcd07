"""The W3C SPARQL 1.1 Protocol tests (tests/w3c, copied from w3c/rdf-tests), replayed against the app.

Every query and negative test must pass. The endpoint is read-only, so the update tests'
update requests must get a 4xx; their follow-up queries must still succeed.
"""
from __future__ import annotations

import gc
import json
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

HERE = Path(__file__).parent / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")

MANIFEST = Graph().parse(HERE / "manifest.ttl", format="turtle", publicID=(HERE / "manifest.ttl").as_uri())
TABULAR = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"}
BOOLEAN = {"application/sparql-results+json", "application/sparql-results+xml"}
RDF_TYPES = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/n-triples": "nt",
             "application/ld+json": "json-ld"}


def protocol_tests():
    manifest = MANIFEST.value(None, RDF.type, MF.Manifest)
    entries = Collection(MANIFEST, MANIFEST.value(manifest, MF.entries))
    return [(str(MANIFEST.value(t, MF.name)), t) for t in entries]


def requests_of(test):
    action = MANIFEST.value(test, MF.action)
    return list(Collection(MANIFEST, MANIFEST.value(action, HT.requests)))


@pytest.fixture
def app():
    from server import create_app
    app = create_app({"STORE": ":memory:", "TESTING": True})
    yield app
    app.extensions.pop("kronika")
    gc.collect()


def load_graph_data(app, test) -> None:
    store = app.extensions["kronika"].store.ox
    for data in MANIFEST.objects(test, UT.graphData):
        path = HERE / Path(urlsplit(str(MANIFEST.value(data, UT.graph))).path).name
        store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(MANIFEST.value(data, RDFS.label))))


def is_update(req) -> bool:
    headers = {str(MANIFEST.value(h, HT.fieldName)).lower(): str(MANIFEST.value(h, HT.fieldValue))
               for h in Collection(MANIFEST, MANIFEST.value(req, HT.headers))} if MANIFEST.value(req, HT.headers) else {}
    body = MANIFEST.value(req, HT.body)
    chars = str(MANIFEST.value(body, CNT.chars)) if body is not None else ""
    path = str(MANIFEST.value(req, HT.absolutePath))
    return "sparql-update" in headers.get("content-type", "") or chars.startswith("update=") or "update=" in path


def replay(client, req):
    method = str(MANIFEST.value(req, HT.methodName))
    path = str(MANIFEST.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    if MANIFEST.value(req, HT.headers) is not None:
        for h in Collection(MANIFEST, MANIFEST.value(req, HT.headers)):
            headers[str(MANIFEST.value(h, HT.fieldName))] = str(MANIFEST.value(h, HT.fieldValue))
    body = MANIFEST.value(req, HT.body)
    data = None
    if body is not None:
        encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
        data = str(MANIFEST.value(body, CNT.chars)).encode(encoding)
    return client.open(path, method=method, headers=headers, data=data)


def check(response, expected):
    statuses = {str(s).rsplit("#", 1)[-1] for s in MANIFEST.objects(expected, MF.expectedStatus)}
    klass = f"StatusCode{str(response.status_code)[0]}xx"
    assert klass in statuses, f"{response.status_code} not in {statuses}: {response.get_data(as_text=True)[:300]}"
    fmt = MANIFEST.value(expected, MF.expectedFormat)
    mime = response.mimetype
    if fmt is not None:
        if str(fmt) == "boolean":
            assert mime in BOOLEAN
        elif str(fmt) == "tabular":
            assert mime in TABULAR
        else:
            assert mime in RDF_TYPES
            Graph().parse(data=response.get_data(as_text=True), format=RDF_TYPES[mime])
    boolean = MANIFEST.value(expected, MF.expectedBoolean)
    if boolean is not None:
        if mime == "application/sparql-results+json":
            value = json.loads(response.get_data(as_text=True))["boolean"]
        else:
            value = "<boolean>true</boolean>" in response.get_data(as_text=True)
        assert value == boolean.toPython()


@pytest.mark.parametrize("name,test", protocol_tests(), ids=[str(t).rsplit("#", 1)[-1] for _n, t in protocol_tests()])
def test_w3c_protocol(app, name, test):
    load_graph_data(app, test)
    client = app.test_client()
    update_test = str(test).rsplit("#", 1)[-1].startswith("update_")
    for req in requests_of(test):
        response = replay(client, req)
        if update_test and is_update(req):
            assert 400 <= response.status_code < 500, "a read-only endpoint refuses updates"
            continue
        if update_test:
            assert response.status_code < 300
            continue
        check(response, MANIFEST.value(req, HT.resp))


def test_the_manifest_is_complete():
    assert len(protocol_tests()) == 34
