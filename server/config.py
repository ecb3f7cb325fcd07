"""Configuration: defaults, overridden by KRONIKA_* environment variables, then by the caller."""
from __future__ import annotations

import os
from pathlib import Path

from graph.vocab import ROOT

DEFAULTS = {
    "STORE": str(ROOT / "data" / "store"),     # a directory (embedded Oxigraph)
    "BASE": None,                              # IRIs are minted under it (default: http://HOST:PORT/, where the site runs)
    "CORPUS": str(ROOT / "corpus"),
    "CLUSTER": None,                           # `kronika build` on Dask: a scheduler's tcp://host:port, or local:N
    "LOAD_BATCH": 50_000,                      # fact triples of new documents `kronika build` loads at once; 1: each alone
    "HOST": "127.0.0.1",
    "PORT": 5000,
    "WORKERS": 2 * (os.cpu_count() or 1) + 1,  # server processes, one request at a time each (gunicorn's advice)
    "KEEPALIVE": 2,                            # seconds a client's idle connection is kept while no other waits
    "ACCESS_LOG": None,                        # gunicorn's access log: a file, or "-" for standard output
    "QUERY_WORKERS": 2,                        # processes per server process that run SPARQL queries (killable)
    "QUERY_TIMEOUT": 10.0,                     # seconds; a query running longer is stopped
    "DESK_TIMEOUT": 30.0,                      # seconds; a curator's page or API read running longer is stopped
    "QUERY_PER_CLIENT": 2,                     # SPARQL queries one client address runs at once; more get 429 at once
    "QUERY_CONCURRENT": 0,                     # queries running at once in all, more get 503 at once; 0: WORKERS − 1, min. 2
    "WRITE_WAIT": 15.0,                        # seconds a write waits while another process writes the store
    "DUMP_QUIET": 3.0,                         # seconds without a curator's change before the public dumps are made
    "ROW_LIMIT": 10_000,                       # rows of a SELECT result; more are cut and flagged
    "ANSWER_CACHE_MB": 64,                     # SPARQL answers kept for repeated queries (server/answers.py); 0: none
    "ANSWER_CACHE": None,                      # their SQLite file (`kronika serve` makes one per store and port)
    "QUERY_MAX_BYTES": 100_000,                # a longer SPARQL query is refused (413)
    "QUERY_MAX_DEPTH": 256,                    # brackets nested deeper are refused (400)
    "SERVICE_ALLOW": "",                       # endpoint IRIs a query may call with SERVICE (space-separated); none by default
    "UPLOAD_LIMIT": 1_000_000,                 # bytes of an uploaded text
    "PAGE_SIZE": 20,                           # incoming links per page
    "TILES": None,                             # a tile server's URL ("https://tile.example.org/{z}/{x}/{y}.png") for the
                                               # maps; without one they draw the bundled country outlines, offline
    "TILES_ATTRIBUTION": "",                   # the credit the tile server asks for, shown on the maps
    "CURATORS": None,                          # SQLite file of curator accounts (default: beside the store)
    "SECRET_KEY": None,                        # session signing key (default: generated once, kept beside the store)
    "LOGIN_MAX_FAILURES": 5,                   # failed logins per account and per address before each next one waits
    "LOGIN_MAX_WAIT": 900,                     # seconds; the wait doubles with each further failure up to this
    "LOGIN_WINDOW": 3600,                      # seconds without an attempt after which failures are forgotten
    "STORE_QUERY": None,                       # a remote store's endpoints when they are not <STORE>/query, /update, /store
    "STORE_UPDATE": None,
    "STORE_GSP": None,
    "STORE_DEFAULT_GRAPH": None,               # a store whose default graph is the union of all (Virtuoso): a graph for it
    "STORE_USER": None,                        # basic auth for a remote store
    "STORE_PASSWORD": None,
}
INTEGER = {"PORT", "WORKERS", "LOAD_BATCH", "QUERY_WORKERS", "ROW_LIMIT", "UPLOAD_LIMIT", "PAGE_SIZE", "QUERY_MAX_BYTES",
           "QUERY_MAX_DEPTH", "LOGIN_MAX_FAILURES", "LOGIN_MAX_WAIT", "LOGIN_WINDOW",
           "QUERY_PER_CLIENT", "QUERY_CONCURRENT", "ANSWER_CACHE_MB", "KEEPALIVE"}
FLOAT = {"QUERY_TIMEOUT", "DESK_TIMEOUT", "WRITE_WAIT", "DUMP_QUIET"}


def load(overrides: dict | None = None) -> dict:
    config = dict(DEFAULTS)
    for key in DEFAULTS:
        value = os.environ.get(f"KRONIKA_{key}")
        if value is not None:
            config[key] = value
    config.update(overrides or {})
    for key in INTEGER:
        config[key] = int(config[key])
    for key in FLOAT:
        config[key] = float(config[key])
    if not config["BASE"]:
        config["BASE"] = site_base(config["HOST"], config["PORT"])
    allow = config["SERVICE_ALLOW"]
    config["SERVICE_ALLOW"] = frozenset(allow.replace(",", " ").split() if isinstance(allow, str) else allow)
    if config["STORE"] is not None and config["STORE"] != ":memory:" and not is_remote(config["STORE"]):
        config["STORE"] = str(Path(config["STORE"]).resolve())
    return config


def site_base(host: str, port: int) -> str:
    """The base IRI of a site served on host:port. A wildcard address names no host a client can use:
    such a deployment sets KRONIKA_BASE (its public address); until then, the loopback."""
    host = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def is_remote(store) -> bool:
    return isinstance(store, str) and store.startswith(("http://", "https://"))


def queue_index(config: dict) -> Path | None:
    """A remote store's review-queue index: in `KRONIKA_STATE`, one per store URL (an embedded store
    keeps its own beside it; an in-memory one in memory)."""
    if not is_remote(config["STORE"]):
        return None
    import hashlib
    return beside_store(config, f"-{hashlib.sha256(config['STORE'].encode()).hexdigest()[:12]}-queue.sqlite")


def beside_store(config: dict, suffix: str) -> Path:
    """A file that belongs with the store: `data/store` → `data/store-curators.sqlite`.
    With a remote store, in `KRONIKA_STATE` (default `data/`)."""
    store = config["STORE"]
    if is_remote(store):
        import os
        folder = Path(os.environ.get("KRONIKA_STATE", "data")).resolve()
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"remote{suffix}"
    if store in (None, ":memory:"):
        import tempfile
        folder = Path(tempfile.gettempdir()) / "kronika-memory"
        folder.mkdir(exist_ok=True)
        return folder / f"store{suffix}"
    path = Path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.parent / f"{path.name}{suffix}"


def secret_key(config: dict) -> str:
    if config.get("SECRET_KEY"):
        return config["SECRET_KEY"]
    import secrets
    path = beside_store(config, "-secret")
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
