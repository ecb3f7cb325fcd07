"""Curator accounts: names, scrypt password hashes (werkzeug), roles, API tokens — in SQLite."""
from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

ROLES = ("curator", "admin")


@dataclass(frozen=True)
class Curator:
    name: str
    role: str
    disabled: bool


class CuratorError(ValueError):
    pass


class Curators:
    def __init__(self, path: str | Path):
        self.path = str(path)
        with self._db() as db:
            db.execute("""CREATE TABLE IF NOT EXISTS curators (
                name TEXT PRIMARY KEY, password TEXT NOT NULL, role TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0, token TEXT)""")

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=10)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    def add(self, name: str, password: str, role: str = "curator") -> Curator:
        if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum() or len(name) > 64:
            raise CuratorError(f"{name!r}: a curator name is 1–64 letters, digits, '-', '_' or '.'")
        if role not in ROLES:
            raise CuratorError(f"{role!r}: role must be one of {', '.join(ROLES)}")
        if len(password) < 8:
            raise CuratorError("the password must have at least 8 characters")
        with self._db() as db:
            if db.execute("SELECT 1 FROM curators WHERE name = ?", (name,)).fetchone():
                raise CuratorError(f"{name}: a curator of this name exists")
            db.execute("INSERT INTO curators (name, password, role) VALUES (?, ?, ?)",
                       (name, generate_password_hash(password), role))
        return Curator(name, role, False)

    def list(self) -> list[Curator]:
        with self._db() as db:
            return [Curator(n, r, bool(d)) for n, r, d in db.execute("SELECT name, role, disabled FROM curators ORDER BY name")]

    def get(self, name: str) -> Curator | None:
        with self._db() as db:
            row = db.execute("SELECT name, role, disabled FROM curators WHERE name = ?", (name,)).fetchone()
        return Curator(row[0], row[1], bool(row[2])) if row else None

    def disable(self, name: str) -> None:
        with self._db() as db:
            if db.execute("UPDATE curators SET disabled = 1, token = NULL WHERE name = ?", (name,)).rowcount == 0:
                raise CuratorError(f"{name}: no such curator")

    def check(self, name: str, password: str) -> Curator | None:
        with self._db() as db:
            row = db.execute("SELECT name, password, role, disabled FROM curators WHERE name = ?", (name,)).fetchone()
        if row is None or row[3] or not check_password_hash(row[1], password):
            return None
        return Curator(row[0], row[2], False)

    def new_token(self, name: str) -> str:
        """A fresh API token (shown once; only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        with self._db() as db:
            if db.execute("UPDATE curators SET token = ? WHERE name = ? AND disabled = 0",
                          (hashlib.sha256(token.encode()).hexdigest(), name)).rowcount == 0:
                raise CuratorError(f"{name}: no such active curator")
        return token

    def by_token(self, token: str) -> Curator | None:
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self._db() as db:
            row = db.execute("SELECT name, role FROM curators WHERE token = ? AND disabled = 0", (digest,)).fetchone()
        return Curator(row[0], row[1], False) if row else None
