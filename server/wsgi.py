"""Serving with gunicorn, configured from Kronika's settings."""
from __future__ import annotations

import hashlib
from pathlib import Path

from gunicorn.app.base import BaseApplication

from graph.validate import compiled_shapes

from .app import create_app
from .config import beside_store
from .limits import memory_folder, remove_free_slots
from .worker import KeepAliveWorker


class Server(BaseApplication):
    def __init__(self, settings: dict):
        self.settings = settings
        super().__init__()

    def load_config(self):
        s = self.settings
        self.cfg.set("bind", f"{s['HOST']}:{s['PORT']}")
        self.cfg.set("workers", s["WORKERS"])
        # Sync workers take one connection at a time (a busy one accepts none), so a SPARQL query past
        # its time limit can be stopped by ending its process (server/queries.py) without hurting
        # another request; this one keeps a connection alive while no other client waits (server/worker.py).
        # As gunicorn advises for sync workers, put a buffering proxy (nginx) in front.
        self.cfg.set("worker_class", KeepAliveWorker)
        self.cfg.set("keepalive", s["KEEPALIVE"])
        self.cfg.set("timeout", max(300, int(s["QUERY_TIMEOUT"]) + 30))  # an upload is extracted in its request
        self.cfg.set("graceful_timeout", 10)  # on SIGTERM, workers get this long to finish their requests
        self.cfg.set("accesslog", s["ACCESS_LOG"])  # None (gunicorn's default): a log line costs ~5% of /sparql's throughput
        if "control_socket_disable" in self.cfg.settings:  # one shared control socket would clash between servers
            self.cfg.set("control_socket_disable", True)

    def load(self):
        app = create_app({**self.settings, "ONE_REQUEST_PER_PROCESS": True})
        app.extensions["kronika"].refresh_dumps()  # the dumps of what is served, made once the server is up
        compiled_shapes(app.extensions["kronika"].base)  # as the worker starts, not in a curator's first correction
        return app


def serve(settings: dict) -> None:
    """Run gunicorn. Its workers count their running queries in one folder (server/limits.py), one per store
    and port: in /dev/shm where there is one (a slot file made and removed per query costs no disk journal
    there), else beside the store; it stays there like the store's other files, cleared of stale slots here."""
    slots = server_folder(settings, "query-slots")
    remove_free_slots(slots)
    answers = settings.get("ANSWER_CACHE") or str(fresh_answer_cache(server_folder(settings, "answers")))
    Server({**settings, "QUERY_SLOTS": str(slots), "ANSWER_CACHE": answers}).run()


def server_folder(settings: dict, what: str) -> Path:
    """A folder of the server's own, one per store and port: in memory where there is a tmpfs, else beside the store."""
    beside = beside_store(settings, f"-{what}-{settings['PORT']}")
    folder = memory_folder(f"kronika-{what}-{hashlib.sha256(str(beside).encode()).hexdigest()[:16]}")
    if folder is None:
        folder = beside
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def fresh_answer_cache(folder: Path) -> Path:
    """The server's SPARQL answer cache (server/answers.py) in `folder`, emptied: a cache outlives no server."""
    path = folder / "answers.sqlite"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    return path
