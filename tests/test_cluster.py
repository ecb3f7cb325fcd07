"""`kronika build --cluster` on a real Dask cluster (a LocalCluster of two worker processes on loopback):
the store is the one a local build gives, a killed cluster build run again ends with that store, and an
unreachable scheduler is refused before anything is written."""
from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from distributed import LocalCluster

from graph.vocab import Base
from server.cli import cli

from .conftest import TEXTS, free_port

DOCUMENTS = sorted(TEXTS.glob("*.txt"))[:12]  # short texts: a build of them stores one every ~0.1-0.3 s
STORED_BEFORE_KILL = 2
BUILD_WAIT = 120  # seconds a build may take on a busy machine (workers import the pipeline's modules)
META = ox.NamedNode(Base().graph("meta"))  # the store's id and version: new in every store
REVIEW = ox.NamedNode(Base().review)


def run(*args):
    return CliRunner().invoke(cli, list(map(str, args)), catch_exceptions=False)


@pytest.fixture(scope="module")
def scheduler() -> str:
    """The address of a scheduler with two single-threaded worker processes."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for text in DOCUMENTS:
        (folder / text.name).write_text(text.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_quads(corpus, tmp_path_factory) -> set[ox.Quad]:
    store = tmp_path_factory.mktemp("local") / "store"
    result = run("build", "--corpus", corpus, "--store", store)
    assert result.exit_code == 0, result.output
    return store_quads(store)


def store_quads(path: Path) -> set[ox.Quad]:
    """Every quad of the store but those of its id and version."""
    gc.collect()  # the build's store object, so the store can be opened
    store = ox.Store.read_only(str(path))
    return {q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != META}


def fact_graphs(quads: set[ox.Quad]) -> set[str]:
    return {q.subject.value for q in quads if q.graph_name == REVIEW}


def test_a_cluster_build_gives_the_store_of_a_local_build(scheduler, corpus, local_quads, tmp_path):
    store = tmp_path / "store"
    result = run("build", "--corpus", corpus, "--store", store, "--cluster", scheduler)
    assert result.exit_code == 0, result.output
    cluster_quads = store_quads(store)
    assert len(fact_graphs(local_quads)) > 50
    assert fact_graphs(cluster_quads) == fact_graphs(local_quads)
    assert cluster_quads == local_quads, sorted(map(str, cluster_quads ^ local_quads))[:10]


def test_a_killed_cluster_build_run_again_skips_what_is_stored_and_ends_the_same(scheduler, corpus, local_quads,
                                                                                 tmp_path):
    store = tmp_path / "store"
    env = {**os.environ, "KRONIKA_CLUSTER": scheduler, "KRONIKA_LOAD_BATCH": "1"}  # each document stored alone
    stored = []
    with subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "build",
                           "--corpus", str(corpus), "--store", str(store)],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as build:
        watchdog = threading.Timer(BUILD_WAIT, build.kill)  # a build that hangs fails the test, not the run
        watchdog.start()
        for line in build.stderr:  # each document is announced once it is in the store
            if " new facts, " in line:
                stored.append(line.split(":", 1)[0])
                if len(stored) == STORED_BEFORE_KILL:
                    build.send_signal(signal.SIGKILL)
                    break
        watchdog.cancel()
        build.kill()
    assert stored == [text.name for text in DOCUMENTS[:STORED_BEFORE_KILL]], "the build ended before it stored two"

    again = run("build", "--corpus", corpus, "--store", store, "--cluster", scheduler)
    assert again.exit_code == 0, again.output
    skipped = again.output.split("unchanged, skipped: ", 1)[1].splitlines()[0].split(", ")
    assert set(stored) <= set(skipped), "what the killed build stored is not extracted again"
    assert len(skipped) < len(DOCUMENTS), "the killed build had stored every document: nothing was resumed"
    assert store_quads(store) == local_quads


def test_an_unreachable_scheduler_is_named_and_nothing_is_written(tmp_path, corpus, monkeypatch):
    import graph.cluster
    monkeypatch.setattr(graph.cluster, "CONNECT_TIMEOUT", 1)
    address = f"tcp://127.0.0.1:{free_port()}"
    store = tmp_path / "store"
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--store", str(store), "--cluster", address])
    assert result.exit_code == 1
    assert f"cannot reach the Dask scheduler at {address}" in result.output
    assert not store.exists()


@pytest.mark.parametrize("address", ["local:0", "local:two"])
def test_a_malformed_local_cluster_is_refused(tmp_path, corpus, address):
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--store", str(tmp_path / "s"),
                                      "--cluster", address])
    assert result.exit_code == 1 and "local:N with N ≥ 1" in result.output
