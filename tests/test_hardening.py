"""Hostile input gets a 4xx, never a 5xx, and never reaches SPARQL text; a login redirects only
within the site; every response carries the security headers."""
from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .test_review import PASSWORD, curators, login  # noqa: F401  (fixture)

BAD_NAMES = ["a b", 'a"b', "a<b", "a>b", "a{b", "a}b", "a|b", "a\\b", "a^b", "a`b", "%00", "%C0%AF", "x%0Ay"]


@pytest.mark.parametrize("prefix", ["/id/person/", "/data/person/", "/page/person/"])
@pytest.mark.parametrize("name", BAD_NAMES)
def test_names_no_iri_can_have_are_404(client, prefix, name):
    r = client.get(prefix + name)
    assert r.status_code == 404, (prefix + name, r.status_code)


def test_page_numbers_out_of_range_are_400(client):
    for page in ("99999999999999999999999", "-1", "x", "1e3"):
        r = client.get("/page/person/jerzy-smialek", query_string={"page": page})
        assert r.status_code == 400, page
        assert client.get("/data/person/jerzy-smialek.ttl", query_string={"page": page}).status_code == 400


def test_review_parameters_are_checked_not_pasted_into_sparql(app, client, curators):
    login(client)
    everything = client.get("/review/api/facts", query_string={"limit": 500}).get_json()["total"]
    assert everything > 0
    attack = "http://x/> || true) } #"
    r = client.get("/review/api/facts", query_string={"document": attack})
    assert r.status_code == 400 and "document" in r.get_json()["message"]
    for value in ("nan", "inf", "-1", "2", "x"):
        assert client.get("/review/api/facts", query_string={"min_confidence": value}).status_code == 400, value
    for document in ("x>", "a b", "http://x/"):
        r = client.get("/review/api/facts", query_string={"document": document})
        assert r.status_code in (200, 400) and (r.status_code == 400 or r.get_json()["total"] == 0), document
    assert client.get("/review/api/history", query_string={"curator": "a b"}).status_code == 400
    assert client.get("/review/api/history", query_string={"curator": "x>"}).status_code == 400
    assert client.get("/review/history", query_string={"curator": "a b"}).status_code == 400


def test_review_bodies_of_the_wrong_shape_are_400(app, client, curators):
    csrf = login(client)
    r = client.post("/review/api/bulk", json={"facts": ["zz", "0" * 16], "status": "accepted"}, headers={"X-CSRFToken": csrf})
    assert r.status_code == 200 and r.get_json()["unknown"] == ["zz", "0" * 16] and r.get_json()["decided"] == []
    key = client.get("/review/api/facts", query_string={"kind": "entity"}).get_json()["facts"][0]["fact"]
    for change in ({"name": ["x"]}, {"date": 2001}, {"name": None, "role": {"a": 1}}):
        r = client.post(f"/review/api/facts/{key}/correction", json=change, headers={"X-CSRFToken": csrf})
        assert r.status_code == 400, (change, r.get_data(as_text=True))


@pytest.mark.parametrize("target", ["/%09/127.0.0.1:5209/phish", "/\t/127.0.0.1:5209/phish", "//evil.example/x",
                                    "/\\evil.example", "/%0a/x", "/\n/x", "https://evil.example/", "javascript:alert(1)",
                                    "/\x7f/x"])
def test_login_redirects_only_within_the_site(client, curators, target):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = client.post("/login", query_string={"next": target}, data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 302
    location = r.headers["Location"]
    assert location.startswith("/") and not location.startswith("//") and "\\" not in location, location
    assert not re.search(r"[\x00-\x20]", location), location


def test_login_keeps_a_same_site_next(client, curators):
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    r = client.post("/login", query_string={"next": "/review/history?fact=x"},
                    data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    assert r.headers["Location"] == "/review/history?fact=x"


@pytest.mark.parametrize("path", ["/", "/sparql", "/id/person/jerzy-smialek", "/page/person/jerzy-smialek",
                                  "/login", "/nothing-here", "/ontology"])
def test_security_headers_everywhere(client, path):
    r = client.get(path)
    csp = r.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert r.headers.get("X-Content-Type-Options") == "nosniff"
    assert r.headers.get("Referrer-Policy") and r.headers.get("X-Frame-Options") == "DENY"


def test_pages_keep_no_inline_script(client, app, curators):
    """The CSP allows no inline script: the pages must not need one."""
    login(client)
    for path in ("/sparql", "/review", "/", "/page/person/jerzy-smialek"):
        html = client.get(path, headers={"Accept": "text/html"}).get_data(as_text=True)
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, (path, tag)
        assert not re.search(r"\son[a-z]+=", html), path


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=12), page=st.text(max_size=25), graph=st.text(max_size=20))
def test_no_route_parameter_gives_a_5xx(client, name, page, graph):
    from urllib.parse import quote
    segment = quote(name, safe="")
    for url, query in ((f"/id/person/{segment}", {}), (f"/data/place/{segment}", {"page": page}),
                       (f"/page/organisation/{segment}", {"page": page}),
                       ("/sparql", {"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "default-graph-uri": graph})):
        r = client.get(url, query_string=query)
        assert r.status_code < 500, (url, query, r.status_code)


def test_the_dumps_export_runs_below_the_web_workers_priority(monkeypatch, tmp_path):
    """A whole-store export after a decision must not slow the next requests it runs beside."""
    import subprocess

    from graph import dumps
    started = {}
    monkeypatch.setattr(subprocess, "Popen", lambda *args, **kwargs: started.update(kwargs))
    dumps.start({"STORE": str(tmp_path / "store")}, tmp_path)
    before = os.getpriority(os.PRIO_PROCESS, 0)
    child = os.fork()
    if child == 0:  # the hook runs in the new process before the export starts
        started["preexec_fn"]()
        os._exit(0 if os.getpriority(os.PRIO_PROCESS, 0) >= min(19, before + dumps.DUMP_NICENESS) else 1)
    assert os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0


def test_a_dump_whose_store_view_loses_a_file_is_made_again_from_a_new_view(monkeypatch, tmp_path):
    """A read-only view can lose a file when the writer compacts the store: the refresh opens a new view and
    makes the dump from it, leaving no partial file behind."""
    from graph import dumps

    class View:
        def version(self):
            return "v1"

    calls = []

    def export(store, path):
        calls.append(path)
        path.write_bytes(b"partial")
        if len(calls) == 1:
            raise FileNotFoundError("IO error: No such file or directory: While open a file for random read: 011795.sst")
        path.write_bytes(b"whole")

    monkeypatch.setattr(dumps, "export_public", export)
    opened = []
    assert dumps.refresh_from(lambda: opened.append(View()) or opened[-1], tmp_path)
    assert len(opened) == 2
    assert {(tmp_path / name).read_bytes() for name in dumps.NAMES} == {b"whole"}
    assert {dumps.Dumps(tmp_path).version(name) for name in dumps.NAMES} == {"v1"}
    assert not list(tmp_path.glob(".partial-*"))


def test_the_dumps_wait_for_curators_changes_to_pause(monkeypatch, tmp_path):
    """A dump starts once no change has been requested for `quiet` seconds, or after `longest` at the latest."""
    from graph import dumps

    clock = {"now": 1000.0}
    requests_at = [1000.0, 1001.0, 1002.5]  # a curator's changes, as the dump process waits

    def sleep(seconds):
        clock["now"] += seconds
        while requests_at and requests_at[0] <= clock["now"]:
            os.utime(tmp_path / dumps.REQUESTED, (requests_at[0], requests_at.pop(0)))

    monkeypatch.setattr(dumps.time, "time", lambda: clock["now"])
    monkeypatch.setattr(dumps.time, "sleep", sleep)
    folder = dumps.Dumps(tmp_path)
    folder.request()
    os.utime(tmp_path / dumps.REQUESTED, (requests_at[0], requests_at.pop(0)))
    folder._until_quiet(quiet=3.0, longest=60.0)
    assert clock["now"] == 1005.5, "three quiet seconds after the last change"
    folder._until_quiet(quiet=3.0, longest=60.0)
    assert clock["now"] == 1005.5, "already quiet: no wait"
    requests_at[:] = [1005.5 + k for k in range(1, 100)]  # a change every second: never quiet
    folder.request()
    os.utime(tmp_path / dumps.REQUESTED, (1005.5, 1005.5))
    folder._until_quiet(quiet=3.0, longest=10.0)
    assert clock["now"] == 1015.5, "made all the same after the longest delay"
