"""Shared fixtures: the sample corpus built once into a store on disk, and apps over it."""
from __future__ import annotations

import gc
import shutil
import signal
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "historia-kontaktow-blizniaczych.txt"
TEXTS = Path(__file__).parent / "texts"
STARTUP_WAIT = 180  # seconds a test server may take to answer on a busy machine
SERVER_LOGS: dict[str, str] = {}  # log path -> its text (None while the server runs), for the running test


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test shows the logs of the servers it started: a worker's crash or a 503's cause is there."""
    report = (yield).get_result()
    if report.failed:
        for path, text in SERVER_LOGS.items():
            if text is None and Path(path).exists():
                text = Path(path).read_text(errors="replace")
            report.sections.append((f"kronika serve log {path}", (text or "(empty)")[-6000:]))
    if report.when == "teardown":
        SERVER_LOGS.clear()


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


def start_server(store: Path, port: int, extra_env: dict | None = None):
    """`kronika serve` on a free port: the real gunicorn process. Returns (process, url)."""
    import os
    import subprocess
    import sys
    import time

    import requests

    import tempfile

    # the stores of the tests are built under the default base; a test that needs IRIs to lead to this
    # port moves the store there first (graph.rebase) and passes its own KRONIKA_BASE
    env = {**os.environ, "KRONIKA_STORE": str(store), "KRONIKA_PORT": str(port),
           "KRONIKA_BASE": "http://127.0.0.1:5000/", **(extra_env or {})}
    # the server's log goes to a file: a pipe nobody reads would block the server once full
    log = tempfile.NamedTemporaryFile(prefix="kronika-serve-", suffix=".log", delete=False)
    proc = subprocess.Popen([sys.executable, "-c", "from server.cli import main; main()", "serve"], env=env,
                            stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    proc.log_path = log.name
    SERVER_LOGS[log.name] = None
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_WAIT
    while time.monotonic() < deadline:  # readiness, not a fixed sleep: a busy machine starts slowly
        try:
            requests.get(url + "/", timeout=5)
            return proc, url
        except requests.RequestException:
            if proc.poll() is not None:
                stop_server(proc, signal.SIGKILL, check=False)
                raise RuntimeError("server exited:\n" + Path(log.name).read_text()[-3000:])
            time.sleep(0.1)
    stop_server(proc, signal.SIGKILL, check=False)  # its workers too: nothing is left listening
    raise RuntimeError(f"server not up within {STARTUP_WAIT} s:\n" + Path(log.name).read_text()[-3000:])


def stop_server(proc, sig=None, check: bool = True) -> None:
    """Stop the server and every process it started (its gunicorn workers and query workers): the
    whole process group, which the server leads (start_new_session)."""
    import os
    import subprocess
    try:
        os.killpg(proc.pid, sig or signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(60)  # gunicorn gives its workers GRACEFUL_TIMEOUT (10 s) to finish their requests
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        if check:
            raise AssertionError("the server did not stop on SIGTERM:\n" + Path(proc.log_path).read_text()[-3000:])
    try:  # workers that outlived their master (it was killed) are in the group still
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    log = Path(proc.log_path)
    if log.exists():
        SERVER_LOGS[proc.log_path] = log.read_text(errors="replace")  # shown if the test fails
    log.unlink(missing_ok=True)


@pytest.fixture
def server(store_copy):
    proc, url = start_server(store_copy, free_port())
    yield url
    stop_server(proc)


from .browser import browser_page, chromium  # noqa: E402,F401  (fixtures)
