"""A real gunicorn process serving a built store on a free port."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
import requests

from .conftest import free_port


@pytest.fixture
def server(store_copy):
    port = free_port()
    env = {**os.environ, "KRONIKA_STORE": str(store_copy), "KRONIKA_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            requests.get(url + "/", timeout=1)
            break
        except requests.ConnectionError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode())
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.mark.e2e
def test_gunicorn_answers_sparql_with_the_persons_of_the_sample(server):
    r = requests.get(server + "/sparql", params={
        "query": "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }"})
    assert r.status_code == 200
    names = {b["n"]["value"] for b in r.json()["results"]["bindings"]}
    assert "Jerzy Śmiałek" in names
    assert requests.get(server + "/").status_code == 200
