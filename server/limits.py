"""How many SPARQL queries run at once: a few per client, and in all fewer than the server's processes.

Under `kronika serve` every gunicorn worker serves one request at a time and a query past its time
limit ends its process (os._exit, see server/queries.py), so the running queries are counted across
processes as slot files locked with flock(): the kernel drops a process's locks when it dies, so a
killed worker never leaks its slot. A refused query is answered at once (429 for the client's own
limit, 503 for the server's), never queued behind the running ones, so a flood from one client
cannot take every worker, and the global limit leaves a worker for pages and other clients.

`kronika serve` keeps the slots of its workers in one folder beside the store (server/wsgi.py,
`QUERY_SLOTS`); elsewhere (the Flask test client, a development server) each app makes its own
temporary folder, so the limits hold per process.
Behind a proxy every request comes from the proxy's address: raise `QUERY_PER_CLIENT` there.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import socket
import tempfile
from contextlib import contextmanager
from pathlib import Path

RETRY_AFTER = 1  # seconds a refused client is told to wait: slots free up as queries end


class LimitReached(Exception):
    """A query refused because too many run: `status` 429 (this client's limit) or 503 (the server's)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class QueryLimits:
    """Slots for running queries: `per_client` for each client address, `total` for everyone."""

    _private: tempfile.TemporaryDirectory | None = None  # a folder of our own, removed with this object

    def __init__(self, folder: str | Path, per_client: int, total: int):
        self.folder = Path(folder)
        self._folder = str(self.folder)
        self.per_client, self.total = per_client, total
        self._names: dict[str, str] = {}  # client address -> its slot files' prefix (a hash)

    @classmethod
    def from_config(cls, config: dict) -> QueryLimits:
        """The server's shared folder if it made one, else a private one removed with this object."""
        # One worker stays for pages; but not one query at a time in all on a two-worker server.
        total = config["QUERY_CONCURRENT"] or max(2, config["WORKERS"] - 1)
        if config.get("QUERY_SLOTS"):
            return cls(config["QUERY_SLOTS"], config["QUERY_PER_CLIENT"], total)
        private = tempfile.TemporaryDirectory(prefix="kronika-slots-", dir=MEMORY if in_memory_usable() else None)
        limits = cls(private.name, config["QUERY_PER_CLIENT"], total)
        limits._private = private
        return limits

    @contextmanager
    def slot(self, client: str):
        """Hold one of the client's slots and one of the server's while the block runs, or raise LimitReached."""
        name = self._names.get(client)
        if name is None:
            if len(self._names) > 1024:
                self._names.clear()
            name = self._names[client] = f"client-{hashlib.sha256(client.encode()).hexdigest()[:24]}"
        mine = self._take(name, self.per_client)
        if mine is None:
            raise LimitReached(429, f"too many queries at once from {client}: at most {self.per_client} "
                                    "run at a time per client; retry when one of yours has ended")
        try:
            shared = self._take("all", self.total)
            if shared is None:
                raise LimitReached(503, f"the server is running as many queries as it takes ({self.total}); "
                                        "try again shortly")
            try:
                yield
            finally:
                self._release(*shared)
        finally:
            self._release(*mine)

    def _take(self, prefix: str, count: int) -> tuple[int, str] | None:
        """The first of `count` slot files nobody holds, locked; None when all are held."""
        folder = self._folder
        for k in range(count):
            path = f"{folder}/{prefix}-{k}"
            while True:
                fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    break  # held: try the next slot
                if _same_file(fd, path):
                    return fd, path
                os.close(fd)  # a holder removed it as we opened it: open the file now at that name
        return None

    @staticmethod
    def _release(fd: int, path: str | Path) -> None:
        """Remove the file while still holding it (so a client's files do not pile up), then unlock.
        A taker that opened the removed file sees that it is no longer at `path` and opens again."""
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        finally:
            os.close(fd)


MEMORY = "/dev/shm"  # a tmpfs: a slot file created and removed per query costs no disk journal (~0.1 ms less)


def in_memory_usable() -> bool:
    return os.path.isdir(MEMORY) and os.access(MEMORY, os.W_OK | os.X_OK)


def memory_folder(name: str) -> Path | None:
    """A folder of this user's own under MEMORY (made if absent, mode 0700), or None where there is no
    such tmpfs or the name is taken by someone else."""
    if not in_memory_usable():
        return None
    path = Path(MEMORY) / name
    try:
        path.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(path)
    except OSError:
        return None
    import stat
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return path


def remove_free_slots(folder: str | Path) -> None:
    """Remove the slot files nobody holds: a query stopped at its time limit ends its process before it
    can remove its own. Safe beside running queries: each is removed under its lock, as on release."""
    for path in Path(folder).iterdir():
        try:
            fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
        except FileNotFoundError:  # released meanwhile
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        if _same_file(fd, path):
            QueryLimits._release(fd, path)
        else:
            os.close(fd)


def _same_file(fd: int, path: str | Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        return False


def of(app) -> QueryLimits:
    """The app's limits, made on first use (in each gunicorn worker, after the fork)."""
    if "kronika-query-limits" not in app.extensions:
        app.extensions["kronika-query-limits"] = QueryLimits.from_config(app.config)
    return app.extensions["kronika-query-limits"]


def client_gone(sock) -> bool:
    """Whether the client closed its connection: its request is read, so what is left is either
    nothing yet (it waits for the answer) or the end of the stream. Answering such a request
    would only spend a worker on a query nobody reads (a client that gave up waiting in the queue).
    A half-closed connection counts as gone, as for nginx (499). `sock` None: not known, not gone."""
    if sock is None:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except ValueError:  # a TLS socket takes no flags: not known
        return False
    except OSError as e:
        return e.errno in (errno.ECONNRESET, errno.ENOTCONN, errno.EPIPE)
