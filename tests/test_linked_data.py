"""Dereferenceable IRIs, content negotiation, resource pages and discovery documents."""
from __future__ import annotations

import gzip

import pytest
from rdflib import Dataset, Graph, URIRef

PERSON = "/id/person/jerzy-smialek"
FORMATS = [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
           ("application/rdf+xml", "xml")]


@pytest.mark.parametrize("accept,target", [("text/html", "/page/person/jerzy-smialek"),
                                           ("text/turtle", "/data/person/jerzy-smialek"),
                                           ("application/ld+json", "/data/person/jerzy-smialek"),
                                           ("application/json", "/page/person/jerzy-smialek?format=json")])
def test_thing_iri_answers_303_by_accept(client, accept, target):
    r = client.get(PERSON, headers={"Accept": accept})
    assert r.status_code == 303 and r.headers["Location"].endswith(target)
    assert "Accept" in r.headers["Vary"]


def test_head_works_and_unknown_iris_are_404_and_odd_accept_406(client):
    assert client.head(PERSON, headers={"Accept": "text/turtle"}).status_code == 303
    assert client.get("/id/person/nobody-at-all").status_code == 404
    assert client.get("/data/person/nobody-at-all").status_code == 404
    r = client.get(PERSON, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/turtle" in r.get_data(as_text=True)


@pytest.mark.parametrize("accept,parser", FORMATS)
def test_every_rdf_format_parses_and_describes_the_person(client, accept, parser):
    r = client.get("/data/person/jerzy-smialek", headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == accept
    g = Graph().parse(data=r.get_data(as_text=True), format=parser)
    me = URIRef("http://127.0.0.1:5000/id/person/jerzy-smialek")
    assert (me, URIRef("http://schema.org/name"), None) in g
    assert any(g.subjects(URIRef("http://www.w3.org/ns/org#member"), me)), "incoming links are included"
    assert 'rel="alternate"' in r.headers["Link"]


@pytest.mark.parametrize("ext,parser", [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml")])
def test_extension_chooses_the_format(client, ext, parser):
    r = client.get(f"/data/place/katowice.{ext}")
    assert r.status_code == 200
    assert len(Graph().parse(data=r.get_data(as_text=True), format=parser)) > 5


def test_person_page_shows_roles_sources_with_highlighted_words_and_alternates(client):
    r = client.get("/page/person/jerzy-smialek", headers={"Accept-Language": "pl"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "Jerzy Śmiałek" in html and "prezydent" in html and "1991-08" in html
    assert "<mark>Prezydent Katowic J.ŚMIAŁEK</mark>" in html
    assert '<link rel="alternate" type="text/turtle"' in html and "pending" in html
    assert "/page/place/katowice" in html
    data = client.get("/page/person/jerzy-smialek.json").get_json()
    assert data["roles"][0]["role"]["label"] == "prezydent" and data["roles"][0]["dates"] == ["1991-08", "1994-06"]
    english = client.get("/page/person/jerzy-smialek.json", headers={"Accept-Language": "en"}).get_json()
    assert english["roles"][0]["role"]["label"] == "president"


def test_incoming_links_are_paged(app, client):
    app.config["PAGE_SIZE"] = 3
    first = client.get("/page/place/katowice.json").get_json()
    assert first["incoming"]["total"] > 3 and len(first["incoming"]["items"]) == 3 and "next" in first["incoming"]
    second = client.get(first["incoming"]["next"] + "&format=json").get_json()
    assert second["incoming"]["items"] and second["incoming"]["items"] != first["incoming"]["items"]
    assert "previous" in second["incoming"]
    ttl = client.get("/data/place/katowice", headers={"Accept": "text/turtle"}).get_data(as_text=True)
    assert "hydra" in ttl or "next" in ttl


def test_a_rejected_fact_is_not_on_the_page(app, client):
    store = app.extensions["kronika"].store
    before = client.get("/page/person/michel-thiolliere.json").get_json()
    fact = next(f["fact"] for f in before["facts"] if "następca" in f["summary"])
    store.set_status(fact, "rejected", "anna", "2026-01-01T00:00:00Z")
    after = client.get("/page/person/michel-thiolliere.json").get_json()
    assert fact not in {f["fact"] for f in after["facts"]}
    assert not any(p["predicate"]["iri"].endswith("successorOf") for p in after["properties"])


def test_void_ontology_dumps_robots_sitemap(app, client):
    void = Graph().parse(data=client.get("/.well-known/void", headers={"Accept": "text/turtle"}).get_data(as_text=True),
                         format="turtle")
    preds = {str(p) for p in void.predicates()}
    for p in ("sparqlEndpoint", "dataDump", "triples", "entities", "classPartition"):
        assert f"http://rdfs.org/ns/void#{p}" in preds
    assert "http://purl.org/dc/terms/license" in preds and "http://purl.org/dc/terms/modified" in preds
    assert client.get("/ontology", headers={"Accept": "text/html"}).status_code == 200
    onto = Graph().parse(data=client.get("/ontology", headers={"Accept": "text/turtle"}).get_data(as_text=True), format="turtle")
    assert (URIRef("http://127.0.0.1:5000/ontology#twinnedWith"), None, None) in onto
    k = app.extensions["kronika"]
    assert k.dumps.refresh(k.store)
    dump = client.get("/dumps/kronika.trig.gz")
    ds = Dataset()
    ds.parse(data=gzip.decompress(dump.data).decode(), format="trig")
    assert len(list(ds.quads((None, None, None, None)))) > 500
    nt = client.get("/dumps/kronika.nt.gz")
    assert nt.status_code == 200 and len(gzip.decompress(nt.data)) > 1000
    assert "Sitemap:" in client.get("/robots.txt").get_data(as_text=True)
    assert "/page/person/jerzy-smialek" in client.get("/sitemap.xml").get_data(as_text=True)


def test_visitors_never_make_a_dump_and_a_curators_change_remakes_it(app, client):
    from concurrent.futures import ThreadPoolExecutor
    import time
    k = app.extensions["kronika"]
    missing = client.get("/dumps/kronika.nt.gz")
    assert missing.status_code == 503 and missing.headers["Retry-After"]
    assert not list(k.dumps.folder.glob("*.gz")), "a visitor's request made no dump"
    with ThreadPoolExecutor(2) as pool:  # two makers at once: one works, the other leaves it the work
        made = list(pool.map(lambda _: k.dumps.refresh(k.store), range(2)))
    assert sorted(made) == [False, True]
    first = client.get("/dumps/kronika.nt.gz")
    assert first.status_code == 200 and first.headers["ETag"].strip('"') == k.store.version()
    k.curators.add("anna", "tajne-haslo-1")
    auth = {"Authorization": f"Bearer {k.curators.new_token('anna')}"}
    fact = client.get("/page/person/michel-thiolliere.json").get_json()["facts"][0]["fact"].rsplit("/", 1)[-1]
    assert client.post(f"/review/api/facts/{fact}/decision", json={"status": "rejected"}, headers=auth).status_code == 200
    deadline, answers = time.monotonic() + 180, []
    while time.monotonic() < deadline:  # the background maker catches up; meanwhile every answer is whole
        answers.append(client.get("/dumps/kronika.nt.gz"))
        if answers[-1].headers["ETag"] != first.headers["ETag"]:
            break
        time.sleep(0.2)
    assert {a.status_code for a in answers} == {200}
    assert answers[-1].headers["ETag"].strip('"') == k.store.version(), "remade after the decision"
    assert gzip.decompress(first.data) != gzip.decompress(answers[-1].data)
    assert all(len(gzip.decompress(a.data)) > 1000 for a in answers)


def test_pages_revalidate_with_the_store_version(app, client):
    first = client.get("/page/person/jerzy-smialek")
    etag = first.headers["ETag"]
    assert client.get("/page/person/jerzy-smialek", headers={"If-None-Match": etag}).status_code == 304
    app.extensions["kronika"].store.bump_version()
    assert client.get("/page/person/jerzy-smialek", headers={"If-None-Match": etag}).status_code == 200
    data = client.get("/data/person/jerzy-smialek.ttl")
    assert client.get("/data/person/jerzy-smialek.ttl", headers={"If-None-Match": data.headers["ETag"]}).status_code == 304


def test_a_view_that_meets_compacted_files_reads_again_unless_the_request_wrote(app, client):
    """Another process's write compacted files this read-only view still expected: the request is answered
    again on a new view; where it fails again, or had begun a write, 503 and retry, never a 500."""
    store = app.extensions["kronika"].store
    compacted = OSError("IO error: No such file or directory: While open a file for random read: 000042.sst")

    written = []

    @app.route("/test/write-then-read")
    def write_then_read():
        with store.writing():
            written.append(1)
        raise compacted

    @app.route("/test/always-compacted")
    def always_compacted():
        raise compacted

    from server.app import READ_AGAIN
    real, failures = store.ox, []

    class CompactedAtFirst:  # a writer compacting on a busy machine: a few views in a row meet it
        def __getattr__(self, name):
            if len(failures) < READ_AGAIN:
                def fail(*args, **kwargs):
                    failures.append(name)
                    raise compacted
                return fail
            return getattr(real, name)

    store._ox = CompactedAtFirst()
    store.reopen = lambda: None  # the next attempt gets the view above again, as a busy writer may leave it
    r = client.get("/page/person/jerzy-smialek")
    assert r.status_code == 200 and len(failures) == READ_AGAIN, "read again on new views"
    del store.reopen
    r = client.get("/test/always-compacted")
    assert r.status_code == 503 and r.headers["Retry-After"] == "1" and "try again" in r.get_data(as_text=True)

    class AlwaysCompacted:
        def __getattr__(self, name):
            raise compacted

    store._ox, store.reopen = AlwaysCompacted(), lambda: None
    r = client.get("/page/person/jerzy-smialek.json")
    assert r.status_code == 503 and r.get_json()["error"] == "store changed", "a page's JSON says so in JSON"
    del store.reopen
    store._ox = None  # a new view
    assert client.get("/test/write-then-read").status_code == 503
    assert written == [1], "a request that began a write is not run again"
    assert client.get("/page/person/jerzy-smialek").status_code == 200


def test_a_document_page_shows_its_text_with_paragraphs_and_every_fact_marked(app, client):
    from server import annotated
    page = client.get("/page/document/historia-kontaktow-blizniaczych.json").get_json()
    text = page["text"]
    paragraphs = ["".join(run["text"] for run in p) for p in text["paragraphs"]]
    assert len(paragraphs) > 3 and all(p.endswith("\n") for p in paragraphs[:-1]), "one paragraph per line"
    marked = [run for p in text["paragraphs"] for run in p if run["facts"]]
    assert any("Śmiałk" in run["text"] and run["facts"][0]["kind"] == "entity" for run in marked), "the innermost fact first"
    mentioned = {run["text"]: run["facts"][0]["types"] for run in marked if run["facts"][0]["kind"] == "entity"}
    assert ["place"] in mentioned.values() and ["person"] in mentioned.values() \
        and ["organisation"] in mentioned.values(), "each mention marked by the type of what it names"
    assert {f["kind"] for run in marked for f in run["facts"]} >= {"entity", "membership", "event"}
    assert page["progress"]["pending"] > 30 and "schema.org/text" not in str(page["properties"])
    html = client.get("/page/document/historia-kontaktow-blizniaczych").get_data(as_text=True)
    assert 'class="evidence" href="/graph/fact/' in html and "<mark class=\"kind-membership" in html
    assert all(f'<mark class="kind-entity status-pending type-{t}"' in html for t in ("person", "organisation", "place"))
    original = "".join(paragraphs)
    annotated.PART_CHARS = 500  # a long text is read in parts that end at line ends
    try:
        first = client.get("/page/document/historia-kontaktow-blizniaczych.json").get_json()["text"]
        second = client.get("/page/document/historia-kontaktow-blizniaczych.json?part=1").get_json()["text"]
    finally:
        annotated.PART_CHARS = 20_000
    assert first["next"] == 1 and second["previous"] == 0 and first["end"] == second["start"]
    assert original[first["end"] - 1] == "\n" and len(original) > 500
    assert client.get("/page/document/historia-kontaktow-blizniaczych?part=x").status_code == 400


@pytest.mark.parametrize("q", ["Smialek", "Śmiałka", "jerzy smia", "ŚMIAŁEK"])
def test_search_finds_a_person_without_accents_inflected_or_by_a_prefix(client, q):
    found = client.get("/search", query_string={"q": q, "format": "json"}).get_json()["results"]
    assert found and found[0]["iri"].endswith("/id/person/jerzy-smialek") and found[0]["types"] == ["person"]
    assert found[0]["page"] == "/page/person/jerzy-smialek"


def test_search_page_box_and_hostile_input(client):
    assert 'role="search"' in client.get("/").get_data(as_text=True), "a search box on every page"
    page = client.get("/search?q=Katowice").get_data(as_text=True)
    assert 'href="/page/place/katowice"' in page
    for q in ['"', 'NEAR(a b)', "a* OR b", "x" * 5000, "\x00", "{summary} : x"]:
        r = client.get("/search", query_string={"q": q, "format": "json"})
        assert r.status_code == 200 and isinstance(r.get_json()["results"], list), q
    assert client.get("/search?q=&format=json").get_json()["results"] == []
    assert client.get("/search?q=Zzyzxq&format=json").get_json()["results"] == []


class _SlowStore:
    """A store whose export takes a while and says which process made it."""
    def version(self) -> str:
        return "v1"


def _slow_export(log):
    def export(store, path):
        import os
        import time
        with open(log, "a") as f:
            f.write(f"{os.getpid()} {path.name}\n")
        time.sleep(0.5)
        path.write_bytes(gzip.compress(b"<a> <b> <c> .\n" * 100))
    return export


def _make_dumps(folder, log):
    from graph import dumps as dumps_module
    dumps_module.export_public = _slow_export(log)
    dumps_module.Dumps(folder).refresh(_SlowStore())


def test_dump_makers_in_several_processes_take_turns_and_readers_only_ever_see_whole_dumps(tmp_path):
    # the failure seen under gunicorn: several processes remaking the dumps at once, a reader catching a half file
    import multiprocessing
    import time
    from graph import dumps as dumps_module
    folder, log = tmp_path / "dumps", tmp_path / "made.log"
    context = multiprocessing.get_context("fork")
    makers = [context.Process(target=_make_dumps, args=(folder, log)) for _ in range(3)]
    for m in makers:
        m.start()
    deadline = time.monotonic() + 120
    while any(m.is_alive() for m in makers) and time.monotonic() < deadline:
        for name in dumps_module.NAMES:
            try:
                data = (folder / name).read_bytes()
            except FileNotFoundError:
                continue
            assert len(gzip.decompress(data)) == 1400, f"{name}: a whole dump or none"
        time.sleep(0.01)
    for m in makers:
        m.join(timeout=60)
        assert m.exitcode == 0
    made = [line.split() for line in log.read_text().splitlines()]
    assert len(made) == len(dumps_module.NAMES) and len({pid for pid, _ in made}) == 1, "one process made them"
    assert {dumps_module.Dumps(folder).version(name) for name in dumps_module.NAMES} == {"v1"}
    assert not list(folder.glob(".partial-*")), "no half-made file left behind"
