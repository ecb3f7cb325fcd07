"""Curator accounts: names, scrypt password hashes (werkzeug), roles, API tokens, login sessions and
failed-login counts — in one SQLite file that every server process shares."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import math
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from werkzeug.security import check_password_hash, generate_password_hash

ROLES = ("curator", "admin")
SESSION_LIFETIME = 31 * 24 * 3600  # seconds; as long as Flask accepts a signed session cookie
log = logging.getLogger("kronika.auth")


@dataclass(frozen=True)
class Curator:
    name: str
    role: str
    disabled: bool


class CuratorError(ValueError):
    pass


class TooManyAttempts(Exception):
    """A login refused unchecked: its account or address failed too often and must wait."""

    def __init__(self, retry_after: int):
        super().__init__(f"too many failed logins; try again in {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Throttle:
    """How failed logins are slowed, per account and per client address: once a key has failed
    `max_failures` times, its n-th failure makes it wait 2^(n - max_failures) s (at most `max_wait`)
    before the next attempt; a key's failures are forgotten after `window` s without an attempt."""
    max_failures: int = 5
    max_wait: float = 900
    window: float = 3600

    def wait_after(self, failures: int) -> float:
        if failures < self.max_failures:
            return 0
        return min(2.0 ** min(failures - self.max_failures, 64), self.max_wait)


@functools.cache
def dummy_hash() -> str:
    """A hash no password matches, made once per process: unknown names are checked against it."""
    return generate_password_hash(secrets.token_urlsafe(32))


def digest(secret: str) -> str:
    """Tokens and session ids are kept only as hashes: a copy of the file opens no account."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Curators:
    def __init__(self, path: str | Path, clock: Callable[[], float] = time.time):
        self.path = str(path)
        self.clock = clock
        with self._db() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("""CREATE TABLE IF NOT EXISTS curators (
                name TEXT PRIMARY KEY, password TEXT NOT NULL, role TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0, token TEXT)""")
            db.execute("""CREATE TABLE IF NOT EXISTS sessions (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, created REAL NOT NULL)""")
            db.execute("CREATE INDEX IF NOT EXISTS sessions_by_name ON sessions (name)")
            db.execute("""CREATE TABLE IF NOT EXISTS login_failures (
                key TEXT PRIMARY KEY, failures INTEGER NOT NULL, last_attempt REAL NOT NULL)""")

    @contextlib.contextmanager
    def _db(self, write: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction, committed on success. `write` takes the write lock at once, so a read
        followed by a write cannot interleave with another process doing the same."""
        db = sqlite3.connect(self.path, timeout=10)
        try:
            with db:
                if write:
                    db.execute("BEGIN IMMEDIATE")
                yield db
        finally:
            db.close()

    def add(self, name: str, password: str, role: str = "curator") -> Curator:
        if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum() or len(name) > 64:
            raise CuratorError(f"{name!r}: a curator name is 1–64 letters, digits, '-', '_' or '.'")
        if role not in ROLES:
            raise CuratorError(f"{role!r}: role must be one of {', '.join(ROLES)}")
        require_strong(password)
        with self._db() as db:
            if db.execute("SELECT 1 FROM curators WHERE name = ?", (name,)).fetchone():
                raise CuratorError(f"{name}: a curator of this name exists")
            db.execute("INSERT INTO curators (name, password, role) VALUES (?, ?, ?)",
                       (name, generate_password_hash(password), role))
        return Curator(name, role, False)

    def list(self) -> list[Curator]:
        with self._db() as db:
            return [Curator(n, r, bool(d)) for n, r, d in db.execute("SELECT name, role, disabled FROM curators ORDER BY name")]

    def disable(self, name: str) -> None:
        """Disabled at once: the API token and every login session of the account end with it."""
        with self._db() as db:
            if db.execute("UPDATE curators SET disabled = 1, token = NULL WHERE name = ?", (name,)).rowcount == 0:
                raise CuratorError(f"{name}: no such curator")
            db.execute("DELETE FROM sessions WHERE name = ?", (name,))

    def set_password(self, name: str, password: str) -> None:
        """A new password ends every session opened with the old one, and lifts the account's lockout
        (an operator who sets a password is not the guesser)."""
        require_strong(password)
        with self._db() as db:
            if db.execute("UPDATE curators SET password = ? WHERE name = ?",
                          (generate_password_hash(password), name)).rowcount == 0:
                raise CuratorError(f"{name}: no such curator")
            db.execute("DELETE FROM sessions WHERE name = ?", (name,))
            db.execute("DELETE FROM login_failures WHERE key = ?", (account_key(name),))

    def check(self, name: str, password: str) -> Curator | None:
        """The active curator `name` if `password` is theirs. An unknown or disabled name costs one hash
        check as well (against a dummy hash), so the time of the answer does not tell which names exist."""
        with self._db() as db:
            row = db.execute("SELECT name, password, role, disabled FROM curators WHERE name = ?", (name,)).fetchone()
        matches = check_password_hash(row[1] if row else dummy_hash(), password)
        if row is None or row[3] or not matches:
            return None
        return Curator(row[0], row[2], False)

    def login(self, name: str, password: str, address: str, throttle: Throttle = Throttle()) -> Curator | None:
        """`check`, throttled per account and per client address. A key that failed too often is refused
        with TooManyAttempts before any hashing, so guessing costs the guesser time, not the server."""
        keys = (account_key(name), f"address:{address}")
        failures = self._count_attempt(keys, throttle)
        curator = self.check(name, password)
        if curator is not None:
            with self._db() as db:
                db.execute("DELETE FROM login_failures WHERE key IN (?, ?)", keys)
            return curator
        wait = max(throttle.wait_after(n) for n in failures)
        if wait:
            log.warning("login locked for %d s after failures: account %r (%d), address %r (%d)",
                        math.ceil(wait), name[:64], failures[0], address, failures[1])
        return None

    def _count_attempt(self, keys: tuple[str, str], throttle: Throttle) -> list[int]:
        """Each key's failures, this attempt counted as one (a success forgets them); TooManyAttempts
        while a key must wait. Counted before the password is checked, under the write lock, so
        parallel guessers in any number of processes get no more checks than the throttle allows."""
        now = self.clock()
        with self._db(write=True) as db:
            db.execute("DELETE FROM login_failures WHERE last_attempt < ?", (now - throttle.window,))
            known = {key: (failures, last) for key, failures, last in db.execute(
                "SELECT key, failures, last_attempt FROM login_failures WHERE key IN (?, ?)", keys)}
            wait = max((last + throttle.wait_after(failures) - now for failures, last in known.values()), default=0)
            if wait > 0:
                raise TooManyAttempts(math.ceil(wait))
            failures = [known.get(key, (0, now))[0] + 1 for key in keys]
            db.executemany("INSERT OR REPLACE INTO login_failures (key, failures, last_attempt) VALUES (?, ?, ?)",
                           [(key, n, now) for key, n in zip(keys, failures)])
        return failures

    def start_session(self, name: str) -> str:
        """A new login session of `name`; its id goes into the signed cookie, and only ends with
        `end_session`, `disable`, `set_password` or SESSION_LIFETIME."""
        session_id = secrets.token_urlsafe(32)
        now = self.clock()
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE created < ?", (now - SESSION_LIFETIME,))
            db.execute("INSERT INTO sessions (id, name, created) VALUES (?, ?, ?)", (digest(session_id), name, now))
        return session_id

    def by_session(self, session_id: str) -> Curator | None:
        with self._db() as db:
            row = db.execute("""SELECT c.name, c.role FROM sessions s JOIN curators c ON c.name = s.name
                                WHERE s.id = ? AND s.created >= ? AND c.disabled = 0""",
                             (digest(session_id), self.clock() - SESSION_LIFETIME)).fetchone()
        return Curator(row[0], row[1], False) if row else None

    def end_session(self, session_id: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM sessions WHERE id = ?", (digest(session_id),))

    def new_token(self, name: str) -> str:
        """A fresh API token (shown once; only its hash is kept)."""
        token = secrets.token_urlsafe(32)
        with self._db() as db:
            if db.execute("UPDATE curators SET token = ? WHERE name = ? AND disabled = 0",
                          (digest(token), name)).rowcount == 0:
                raise CuratorError(f"{name}: no such active curator")
        return token

    def by_token(self, token: str) -> Curator | None:
        with self._db() as db:
            row = db.execute("SELECT name, role FROM curators WHERE token = ? AND disabled = 0", (digest(token),)).fetchone()
        return Curator(row[0], row[1], False) if row else None


def account_key(name: str) -> str:
    """Failures count against the name asked for, existing or not (a name longer than any account's is cut)."""
    return f"account:{name[:64]}"


def require_strong(password: str) -> None:
    if len(password) < 8:
        raise CuratorError("the password must have at least 8 characters")
