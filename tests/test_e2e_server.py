"""A real gunicorn process serving a built store on a free port, and a real headless Chromium."""
from __future__ import annotations

import pytest
import requests

pytestmark = pytest.mark.e2e


def test_gunicorn_answers_sparql_with_the_persons_of_the_sample(server):
    r = requests.get(server + "/sparql", params={
        "query": "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"})
    assert r.status_code == 200
    names = {b["n"]["value"] for b in r.json()["results"]["bindings"]}
    assert "Jerzy Śmiałek" in names
    assert requests.get(server + "/").status_code == 200


def test_gunicorn_stops_a_query_past_the_time_limit_while_others_are_answered(store_copy):
    """The worker running the explosive query answers 503 itself and ends; the others keep answering,
    and gunicorn replaces it."""
    import threading
    import time

    from .conftest import free_port, start_server, stop_server
    from .test_sparql_endpoint import EXPLOSIVE, PERSONS
    proc, url = start_server(store_copy, free_port(), {"KRONIKA_QUERY_TIMEOUT": "2", "KRONIKA_WORKERS": "2"})
    try:
        result = {}

        def explosive():
            t0 = time.monotonic()
            result["response"] = requests.get(url + "/sparql", params={"query": EXPLOSIVE}, timeout=60)
            result["elapsed"] = time.monotonic() - t0

        thread = threading.Thread(target=explosive)
        thread.start()
        time.sleep(0.5)
        quick = [requests.get(url + "/sparql", params={"query": PERSONS}, timeout=10) for _ in range(3)]
        thread.join(60)
        assert all(q.status_code == 200 for q in quick) and not result["response"].ok
        response = result["response"]
        assert response.status_code == 503 and "time limit of 2 s" in response.text
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert 1.5 < result["elapsed"] < 8
        smaller = requests.get(url + "/sparql", params={"query": EXPLOSIVE, "timeout": "0.5"}, timeout=60)
        assert smaller.status_code == 503 and "time limit of 0.5 s" in smaller.text
        for _ in range(6):  # both workers, the replaced ones included, answer
            assert requests.get(url + "/sparql", params={"query": PERSONS}, timeout=10).status_code == 200
    finally:
        stop_server(proc)


def test_gunicorn_dereferences_with_303(server):
    r = requests.get(server + "/id/person/jerzy-smialek", headers={"Accept": "text/turtle"}, allow_redirects=False)
    assert r.status_code == 303 and r.headers["Location"].endswith("/data/person/jerzy-smialek")
    r = requests.get(server + "/id/person/jerzy-smialek", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and "Jerzy Śmiałek" in r.text


def test_browser_person_page_link_to_organisation_and_sparql_example(server, browser_page):
    """…under the site's Content-Security-Policy: Chromium reports no violation on the way."""
    page = browser_page
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    set_cookies = []
    page.on("response", lambda r: set_cookies.append(r.url) if "set-cookie" in r.headers else None)
    page.goto(server + "/page/person/francois-dubanchet")
    assert page.locator("h1").inner_text() == "François Dubanchet"
    page.locator(".timeline a", has_text="Stowarzyszenie").first.click()
    page.wait_for_url("**/page/organisation/**")
    assert page.locator("h1").inner_text().startswith("Stowarzyszenie")
    assert page.locator("mark").count() > 0

    page.goto(server + "/sparql")
    page.locator("button.example").first.click()
    page.locator(".yasqe_queryButton").click()
    page.wait_for_selector(".yasr table, .yasr .dataTable", timeout=15000)
    assert "Jerzy Śmiałek" in page.locator(".yasr").inner_text()
    assert page.evaluate("document.querySelector('meta[name=csrf-token]') === null"), "no token for anonymous readers"
    assert not set_cookies, f"anonymous reading sets no cookie: {set_cookies}"
    assert not violations, violations


def test_browser_yasgui_shows_the_servers_error_and_keeps_the_query_across_reloads(server, browser_page):
    page = browser_page
    page.goto(server + "/sparql")
    page.wait_for_selector(".CodeMirror")
    query = "SELECT ?x WHERE { ?x ?y ?z } GROUP BY ?y"
    page.evaluate(f"document.querySelector('.CodeMirror').CodeMirror.setValue({query!r})")
    page.locator(".yasqe_queryButton").click()
    error = page.wait_for_selector(".yasr .errorResult", timeout=30000)
    assert "grouped or aggregated" in error.inner_text()
    page.reload()
    page.wait_for_selector(".CodeMirror")
    assert page.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()") == query


def test_gunicorn_keeps_a_clients_connection_while_no_other_client_waits(store_copy):
    """One worker: three requests on one connection, then another client is answered at once (not after the
    connection's 120 s keep-alive), and the idle connection is let go for it."""
    import http.client
    from urllib.parse import quote

    from .conftest import free_port, start_server, stop_server
    from .test_sparql_endpoint import PERSONS
    port = free_port()
    proc, url = start_server(store_copy, port, {"KRONIKA_WORKERS": "1", "KRONIKA_KEEPALIVE": "120"})
    try:
        kept = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        sockets = set()
        for _ in range(3):
            kept.request("GET", "/sparql?query=" + quote(PERSONS))
            response = kept.getresponse()
            assert response.status == 200 and "Jerzy Śmiałek" in response.read().decode()
            assert response.getheader("Connection") == "keep-alive"
            sockets.add(id(kept.sock))
        assert len(sockets) == 1 and kept.sock is not None
        other = requests.get(url + "/sparql", params={"query": PERSONS}, timeout=30)
        assert other.status_code == 200 and "Jerzy Śmiałek" in other.text
        assert kept.sock.recv(1) == b""  # the server closed the idle connection to take the other client
    finally:
        stop_server(proc)


def test_gunicorn_stops_a_query_past_its_limit_on_a_kept_connection(store_copy):
    import http.client
    from urllib.parse import quote, urlencode

    from .conftest import free_port, start_server, stop_server
    from .test_sparql_endpoint import EXPLOSIVE, PERSONS
    port = free_port()
    proc, url = start_server(store_copy, port, {"KRONIKA_WORKERS": "1"})
    try:
        kept = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        kept.request("GET", "/sparql?query=" + quote(PERSONS))
        first = kept.getresponse()
        assert first.status == 200 and first.getheader("Connection") == "keep-alive"
        first.read()
        kept.request("GET", "/sparql?" + urlencode({"query": EXPLOSIVE, "timeout": "1"}))
        stopped = kept.getresponse()
        assert stopped.status == 503 and stopped.getheader("Connection") == "close"
        assert "time limit of 1 s" in stopped.read().decode()
        assert requests.get(url + "/sparql", params={"query": PERSONS}, timeout=60).status_code == 200
    finally:
        stop_server(proc)
