"""Real clients written elsewhere against a real gunicorn: SPARQLWrapper with its defaults and
rdflib dereferencing IRIs, on a store whose IRIs lead to the port it is served on."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef

from graph.rebase import rebase

from .conftest import free_port, start_server, stop_server

pytestmark = pytest.mark.e2e


@pytest.fixture
def site(store_copy):
    """The sample served on a free port, its IRIs moved there first (as `make run` does for KRONIKA_PORT)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    rebase(store_copy, "http://127.0.0.1:5000/", base)
    proc, url = start_server(store_copy, port, {"KRONIKA_BASE": base})
    try:
        yield url + "/"
    finally:
        stop_server(proc)


QUERIES = {
    "SELECT": "PREFIX schema: <http://schema.org/> SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 5",
    "ASK": "ASK { ?s a <http://schema.org/Person> }",
    "CONSTRUCT": "CONSTRUCT { ?p ?q ?o } WHERE { ?p a <http://schema.org/Person> ; ?q ?o } LIMIT 30",
    "DESCRIBE": "DESCRIBE ?p WHERE { ?p a <http://schema.org/Person> } LIMIT 1",
}


def test_sparqlwrapper_with_its_defaults_and_every_format(site):
    from SPARQLWrapper import JSON, JSONLD, N3, RDFXML, TURTLE, XML, SPARQLWrapper

    def ask(query, fmt=None, method="GET"):
        client = SPARQLWrapper(site + "sparql")
        client.setQuery(query)
        client.setMethod(method)
        if fmt:
            client.setReturnFormat(fmt)
        return client.query().convert()

    for method in ("GET", "POST"):
        assert len(ask(QUERIES["SELECT"], method=method).getElementsByTagName("result")) == 5  # XML, the default
        assert len(ask(QUERIES["SELECT"], JSON, method)["results"]["bindings"]) == 5
        assert ask(QUERIES["ASK"], method=method).getElementsByTagName("boolean")[0].firstChild.data == "true"
        assert ask(QUERIES["ASK"], JSON, method)["boolean"] is True
        for form in ("CONSTRUCT", "DESCRIBE"):
            for fmt in (None, XML, RDFXML, JSONLD, JSON):  # the graph formats SPARQLWrapper parses itself
                graph = ask(QUERIES[form], fmt, method)
                assert len(graph) > 0, (form, fmt, method)
            for fmt in (TURTLE, N3):  # handed back as bytes
                assert len(Graph().parse(data=ask(QUERIES[form], fmt, method), format="turtle")) > 0


def test_rdflib_dereferences_an_iri_of_the_site(site):
    person = URIRef(site + "id/person/jerzy-smialek")
    g = Graph().parse(person)  # follows the 303 with its own Accept header
    assert (person, URIRef("http://schema.org/name"), None) in g
    fact = next(g.subjects(URIRef("http://schema.org/about"), person))
    assert str(fact).startswith(site + "graph/fact/")
    facts = Graph().parse(fact)  # the fact's graph IRI leads somewhere too
    assert (fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None) in facts
