"""Shared fixtures: the sample corpus built once into a store on disk, and apps over it."""
from __future__ import annotations

import gc
import shutil
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "historia-kontaktow-blizniaczych.txt"
TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="session")
def built_store(tmp_path_factory) -> Path:
    """The sample corpus built into a store directory (closed again, ready to be opened)."""
    from graph.build import build_corpus
    from graph.store import Store
    from graph.vocab import Base

    path = tmp_path_factory.mktemp("store") / "store"
    store = Store(path, Base())
    build_corpus(store, sorted(CORPUS.glob("*.txt")), echo=lambda m: None)
    del store
    gc.collect()
    return path


@pytest.fixture
def store_copy(built_store, tmp_path) -> Path:
    """A private copy of the built store, for tests that write."""
    path = tmp_path / "store"
    shutil.copytree(built_store, path, ignore=shutil.ignore_patterns("LOCK"))
    return path


@pytest.fixture
def app(store_copy):
    from server import create_app

    app = create_app({"STORE": str(store_copy), "QUERY_WORKERS": 1, "TESTING": True})
    yield app
    app.extensions["kronika"].queries.close()
    app.extensions.pop("kronika")
    gc.collect()


@pytest.fixture
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
