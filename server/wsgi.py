"""Serving with gunicorn, configured from Kronika's settings."""
from __future__ import annotations

from gunicorn.app.base import BaseApplication

from .app import create_app


class Server(BaseApplication):
    def __init__(self, settings: dict):
        self.settings = settings
        super().__init__()

    def load_config(self):
        s = self.settings
        self.cfg.set("bind", f"{s['HOST']}:{s['PORT']}")
        self.cfg.set("workers", s["WORKERS"])
        self.cfg.set("worker_class", "gthread")
        self.cfg.set("threads", 8)
        self.cfg.set("timeout", int(s["QUERY_TIMEOUT"]) + 30)
        self.cfg.set("accesslog", s["ACCESS_LOG"])  # None (gunicorn's default): a log line costs ~5% of /sparql's throughput
        if "control_socket_disable" in self.cfg.settings:  # one shared control socket would clash between servers
            self.cfg.set("control_socket_disable", True)

    def load(self):
        return create_app(self.settings)


def serve(settings: dict) -> None:
    Server(settings).run()
