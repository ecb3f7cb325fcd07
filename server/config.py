"""Configuration: defaults, overridden by KRONIKA_* environment variables, then by the caller."""
from __future__ import annotations

import os
from pathlib import Path

from graph.vocab import DEFAULT_BASE, ROOT

DEFAULTS = {
    "STORE": str(ROOT / "data" / "store"),     # a directory (embedded Oxigraph)
    "BASE": DEFAULT_BASE,                      # IRIs are minted under it
    "CORPUS": str(ROOT / "corpus"),
    "HOST": "127.0.0.1",
    "PORT": 5000,
    "WORKERS": 1,
    "QUERY_TIMEOUT": 10.0,                     # seconds; a query running longer is stopped
    "ROW_LIMIT": 10_000,                       # rows of a SELECT result; more are cut and flagged
    "UPLOAD_LIMIT": 1_000_000,                 # bytes of an uploaded text
    "PAGE_SIZE": 20,                           # incoming links per page
}
INTEGER = {"PORT", "WORKERS", "ROW_LIMIT", "UPLOAD_LIMIT", "PAGE_SIZE"}
FLOAT = {"QUERY_TIMEOUT"}


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
    if config["STORE"] is not None and config["STORE"] != ":memory:":
        config["STORE"] = str(Path(config["STORE"]).resolve())
    return config
