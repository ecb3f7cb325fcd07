"""The store's writer: one process that keeps an embedded store open for writing and runs the web
server's writes in it, so that a curator's decision does not pay RocksDB's open (40–90 ms) and its
flush and close (30–100 ms) for an update of 2–4 ms.

RocksDB lets one process at a time open a store for writing. Without a writer, each write of a shared
`Store` opens the store under the lock on its directory and closes it again. With one, a write still
takes that lock (the turn between all writers: web workers and commands), then sends its pyoxigraph
calls here over a Unix socket beside the store (mode 0600; each end checks the other runs as the same
user), so reads inside the write see its changes. The writer opens the store only in someone's turn:
a client's, or its own at start; a command that takes the turn asks it to let go (`release`) before
opening the store itself, and the writer opens it again at the next write. The queue index's rows of
a write are read here too, in one call (`index_rows`): a call costs a round trip, 0.3–1.5 ms.

Each update is one RocksDB transaction, in the store's log before it is answered: a writer killed at
any point keeps what it answered. The log reaches the disk at the next flush, which the writer makes
in a thread of its own once writes pause, never in a write (read-only views replay the unflushed log
when they open: 17 ms flushed, 70 ms after 100 unflushed updates, 870 ms after 1,000); so a machine
that loses power may lose the last second of writes, which a write opening the store itself flushed.

`kronika serve` starts it with `start`: a supervisor that starts it again if it dies, and both end
when the server does. Where none runs (tests, a server started with --no-writer, a writer that died
for good), writes open the store themselves as before; two servers on one store share the first one's.
"""
from __future__ import annotations

import copyreg
import fcntl
import os
import pickle
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from .queue_index import Reader
from .vocab import Base

# the pyoxigraph calls a write makes (grep `self.ox.`/`store.ox.` in the write paths), and those that change the store
METHODS = frozenset({"query", "update", "quads_for_pattern", "load", "clear_graph", "contains_named_graph"})
CHANGES = frozenset({"update", "load", "clear_graph"})
RESULTS = ox.QueryResultsFormat.JSON  # query results travel as their standard serialization
FLUSH_IDLE = 0.25   # seconds without a write after which the writer flushes
FLUSH_EVERY = 1.0   # seconds at most between a write and its flush, under writes that never pause
FLUSH_WAIT = 300.0  # seconds a flush may take before Kronika goes on without it (see `flush_within`)
RESTART_PAUSE = 1.0  # seconds at least between two starts of a writer that dies
QUICK_DEATHS = 5  # a writer that died this many times in a row within 10 s of its start is not started again

copyreg.pickle(ox.RdfFormat, lambda f: (ox.RdfFormat.from_media_type, (f.media_type,)))  # `load(format=…)`


class StoreBusy(Exception):
    """Another process holds the store for writing longer than a write may wait."""


class WriterLost(StoreBusy):
    """The writer process stopped during a write: the write's last call may or may not have been applied
    (each is all or nothing); the queue index re-reads the facts the write noted at the next write."""


# --- what a write ends with: read where the write runs --------------------------------------

@dataclass
class OpenStore:
    """An open pyoxigraph store and the base of its IRIs: what reading the queue index's rows takes, in the
    writer process (which has no `Store`)."""
    ox: ox.Store
    base: Base

    @property
    def kr(self):
        return self.base.kr


def meta_value(store, predicate) -> str | None:
    """The store's version or id (see `graph.store.Store._version_update`); `store`: a Store or an OpenStore."""
    for q in store.ox.quads_for_pattern(ox.NamedNode(store.base.iri), ox.NamedNode(predicate), None,
                                        ox.NamedNode(store.base.graph("meta"))):
        return q.object.value
    return None


def flush_within(store: ox.Store, location, seconds: float | None = None) -> bool:
    """Flush a store's memtables to its files, waiting at most `seconds` (FLUSH_WAIT). RocksDB's manual flush
    can wait forever for a memtable no background job picks when two memtables must merge before a flush, as
    pyoxigraph sets it (facebook/rocksdb#13280; seen at the end of a 20 MB build, every RocksDB thread idle).
    Nothing is lost then: every write is in the write-ahead log, which RocksDB writes at each write here and
    replays when the store opens next. True if the flush ended."""
    done, failed = threading.Event(), []

    def run():
        try:
            store.flush()
        except Exception as e:  # an error of the flush is the caller's, as if it had called it
            failed.append(e)
        finally:
            done.set()

    seconds = FLUSH_WAIT if seconds is None else seconds
    threading.Thread(target=run, name="kronika-flush", daemon=True).start()
    if not done.wait(seconds):
        print(f"kronika: {location}: the store's flush did not end in {seconds:g} s "
              "(a RocksDB stall); going on: the writes are kept in its write-ahead log", file=sys.stderr, flush=True)
        return False
    if failed:
        raise failed[0]
    return True


def index_rows(store, facts, decisions) -> tuple[dict, dict, str, str | None]:
    """What the queue index takes at the end of a write: the rows of the facts and decisions it touched
    (None: gone), the store's version and its id. Read where the write runs: in the writer, one call."""
    reader = Reader(store)
    return ({fact: reader.row(fact) for fact in facts}, {d: reader.decision(d) for d in decisions},
            meta_value(store, store.kr.storeVersion) or "0", meta_value(store, store.kr.storeId))


# --- the client side: a server's worker, a command ------------------------------------------

def socket_path(location: str | Path) -> Path:
    location = Path(location)
    return location.parent / f"{location.name}-writer.sock"


def open_for_writing(location: str | Path) -> ox.Store:
    """The store opened for writing, retried for a second: a process that let go of it may still be closing it."""
    for attempt in range(50):
        try:
            return ox.Store(str(location))
        except OSError:
            if attempt == 49:
                raise
            time.sleep(0.02)


def _peer(sock: socket.socket) -> tuple[int, int]:
    """(pid, uid) of the process at the other end (Linux); elsewhere the socket's mode is the only check."""
    if not hasattr(socket, "SO_PEERCRED"):
        return 0, os.getuid()
    pid, uid, _gid = struct.unpack("3i", sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i")))
    return pid, uid


def _connect(location) -> tuple[Connection, int] | None:
    """A connection to the store's writer and its pid, or None where none listens (or another user's does)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(socket_path(location)))
        pid, uid = _peer(sock)
    except OSError:  # no socket, a dead writer's, a path too long for a socket: no writer
        sock.close()
        return None
    if uid != os.getuid():
        sock.close()
        return None
    return Connection(sock.detach()), pid


class Session:
    """The writer's store for one write of this process: the pyoxigraph calls of `METHODS`, each run in
    the writer, and `index_rows`. Made by `session`, closed when the write ends."""

    def __init__(self, connection: Connection, pid: int):
        self._connection, self.pid = connection, pid

    def __getattr__(self, method: str):
        if method not in METHODS:
            raise AttributeError(f"{method}: not a call that writes make through the store's writer")
        return lambda *args, **kwargs: self._call(method, args, kwargs)

    def index_rows(self, base: str, facts, decisions) -> tuple[dict, dict, str, str | None]:
        """`index_rows` of the store under `base` (an IRI), read in the writer."""
        return self._call("index_rows", (base, facts, decisions), {})

    def _call(self, method: str, args: tuple, kwargs: dict):
        try:
            self._connection.send((method, args, kwargs))
            kind, value = self._connection.recv()
        except (OSError, EOFError) as e:
            raise WriterLost(f"the store's writer (process {self.pid}) stopped during this write") from e
        if kind == "error":
            raise value
        return ox.parse_query_results(value, format=RESULTS) if kind == "results" else value

    def close(self) -> None:
        self._connection.close()


def session(location) -> Session | None:
    """A write session with the store's writer, or None where none runs. The caller holds the turn."""
    connected = _connect(location)
    return Session(*connected) if connected else None


def release(location, timeout: float) -> None:
    """Have the store's writer, if one runs, close the store: the caller holds the turn and opens it itself."""
    connected = _connect(location)
    if connected is None:
        return
    connection, pid = connected
    with connection:
        try:
            connection.send(("release", (), {}))
            if not connection.poll(timeout):
                raise StoreBusy(f"the store's writer (process {pid}) did not close {location} within {timeout:g} s")
            connection.recv()
        except (OSError, EOFError):
            pass  # it died: the store is closed


class Writer:
    """The process holding the store open for writing (see the module's docstring)."""

    def __init__(self, location: str | Path):
        self.location = Path(location)
        self.store: ox.Store | None = None
        self.opened: int | None = None  # the directory's inode: a store swapped in under its name (a rebase) is reopened
        self.handle = threading.Lock()  # the open store, between the calls' thread and the flusher
        self.due = threading.Condition()  # guards the two times below, tells the flusher of a write
        self.first_unflushed: float | None = None
        self.last_write = 0.0
        self.stopping = False

    def run(self, lifeline: int, ready: int | None) -> int:
        """Serve until `lifeline` reaches its end (every server process is gone) or SIGTERM/SIGINT.
        Exits 0 on a stop, and where it cannot serve (workers open the store themselves then)."""
        role = os.open(socket_path(self.location).with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:  # held until this process ends
            fcntl.flock(role, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"kronika: another writer serves {self.location}", file=sys.stderr)
            return 0
        listener = self._listen()
        if listener is None:
            return 0
        woken_r, woken_w = os.pipe()
        os.set_blocking(woken_w, False)
        signal.set_wakeup_fd(woken_w, warn_on_full_buffer=False)
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._stop)
        self._open_in_own_turn()
        threading.Thread(target=self._flush_when_due, name="kronika-writer-flush", daemon=True).start()
        if ready is not None:
            os.write(ready, b"ready\n")
            os.close(ready)
        try:
            while not self.stopping:
                readable, _, _ = select.select([listener, lifeline, woken_r], [], [])
                if lifeline in readable:  # nobody writes to it: readable means closed
                    break
                if woken_r in readable:
                    os.read(woken_r, 512)
                if listener in readable:
                    self._serve(listener.accept()[0])
        finally:
            socket_path(self.location).unlink(missing_ok=True)
            self._close()
        return 0

    def _stop(self, _signum, _frame) -> None:
        self.stopping = True  # seen between writes; the wakeup fd ends the wait for one

    def _listen(self) -> socket.socket | None:
        path = socket_path(self.location)
        path.unlink(missing_ok=True)  # a dead writer's: this one holds the writer's lock
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # the socket is made 0600: only this user's processes may connect
        try:
            listener.bind(str(path))
        except OSError as e:
            print(f"kronika: no writer for {self.location}: {path}: {e}", file=sys.stderr)
            return None
        finally:
            os.umask(mask)
        listener.listen(64)
        return listener

    def _open_in_own_turn(self) -> None:
        """Open the store now, if no one holds the turn, so that the first write does not pay for it."""
        turn = os.open(self.location, os.O_RDONLY)
        try:
            fcntl.flock(turn, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self._open()
        except BlockingIOError:
            pass  # opened in the first write's turn
        except OSError as e:  # held by a process outside Kronika's turns: the first write tries again
            print(f"kronika: the writer cannot open {self.location} yet: {e}", file=sys.stderr)
        finally:
            os.close(turn)

    def _open(self) -> ox.Store:
        """The store; opened here if it was released, or replaced under its name. Called in someone's turn."""
        inode = os.stat(self.location).st_ino
        if self.store is None or inode != self.opened:
            self._close()
            self.store, self.opened = open_for_writing(self.location), inode
        return self.store

    def _close(self) -> None:
        with self.handle:
            if self.store is not None:
                flush_within(self.store, self.location)
            self.store = None  # the last reference: RocksDB closes and unlocks
            with self.due:
                self.first_unflushed = None

    def _serve(self, sock: socket.socket) -> None:
        """One client's calls, in order, until it hangs up."""
        with sock:
            if _peer(sock)[1] != os.getuid():
                return
            connection = Connection(sock.detach())
        with connection:
            while True:
                try:
                    method, args, kwargs = connection.recv()
                    connection.send(self._answer(method, args, kwargs))
                except (OSError, EOFError):
                    return

    def _answer(self, method: str, args: tuple, kwargs: dict) -> tuple:
        if method == "release":
            self._close()
            return "ok", None
        if method not in METHODS and method != "index_rows":
            return "error", ValueError(f"{method}: not a call of the store's writer")
        try:
            self._open()
            answer = _portable(getattr(self.store if method in METHODS else self, method)(*args, **kwargs))
        except Exception as e:  # a query evaluated as its results are read fails here too
            return "error", _sendable(e)
        if method in CHANGES:
            with self.due:
                self.last_write = time.monotonic()
                self.first_unflushed = self.first_unflushed or self.last_write
                self.due.notify()
        return answer

    def index_rows(self, base: str, facts, decisions) -> tuple[dict, dict, str, str | None]:
        """`index_rows` of the open store, whose IRIs are minted under `base`."""
        return index_rows(OpenStore(self.store, Base(base)), facts, decisions)

    def _flush_when_due(self) -> None:
        """The flusher thread: a flush once writes pause for FLUSH_IDLE, or FLUSH_EVERY after the first
        unflushed write; calls go on meanwhile."""
        while True:
            with self.due:
                while True:
                    if self.first_unflushed is None:
                        self.due.wait()
                        continue
                    delay = min(self.last_write + FLUSH_IDLE, self.first_unflushed + FLUSH_EVERY) - time.monotonic()
                    if delay <= 0:
                        break
                    self.due.wait(delay)
                self.first_unflushed = None
            with self.handle:
                try:
                    if self.store is not None:
                        flush_within(self.store, self.location)
                except OSError as e:  # the next flush, or the close, tries again
                    print(f"kronika: the writer could not flush {self.location}: {e}", file=sys.stderr)


def _portable(result) -> tuple:
    """A call's answer as it travels: query results serialized, iterators over the open store as lists."""
    if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
        return "results", result.serialize(format=RESULTS)
    if hasattr(result, "__next__"):  # quads_for_pattern's, a CONSTRUCT's
        return "ok", list(result)
    return "ok", result


def _sendable(error: Exception) -> Exception:
    """The error as the client will raise it: itself if it pickles, else a RuntimeError saying what it was."""
    try:
        pickle.dumps(error)
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


def supervise(location: str, lifeline: int, ready: int) -> None:
    """Run the writer, and again whenever it dies other than by a stop (exit 0, SIGTERM), for as long as the
    server runs. SIGTERM is passed on to it; SIGINT reaches it from the terminal."""
    command = [sys.executable, "-c", "from graph.writer import main; main()", "run", location, str(lifeline)]
    writer = [subprocess.Popen([*command, str(ready)], pass_fds=(lifeline, ready))]
    os.close(ready)
    stopping = []

    def stop_writer(*_):
        stopping.append(True)
        writer[0].send_signal(signal.SIGTERM)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop_writer)
    started, quick_deaths = time.monotonic(), 0
    while (code := writer[0].wait()) != 0 and not stopping:
        quick_deaths = quick_deaths + 1 if time.monotonic() - started < 10 else 0
        if quick_deaths == QUICK_DEATHS:
            print(f"kronika: the store's writer keeps stopping ({code}); writes open the store themselves",
                  file=sys.stderr)
            break
        print(f"kronika: the store's writer (process {writer[0].pid}) stopped ({code}); starting it again",
              file=sys.stderr)
        time.sleep(max(0.0, started + RESTART_PAUSE - time.monotonic()))
        if stopping:  # told to stop while it paused
            break
        started = time.monotonic()
        writer[0] = subprocess.Popen(command, pass_fds=(lifeline,))


def start(location: str | Path, wait: float = 60.0) -> subprocess.Popen:
    """Start the store's writer (under its supervisor) for a server. It stops once this process and every
    process forked from it (gunicorn's workers) have ended: they hold the write end of its lifeline.
    Returns once it takes writes, or after `wait` seconds (until then writes open the store themselves)."""
    lifeline, lifeline_end = os.pipe()
    ready_end, ready = os.pipe()
    supervisor = subprocess.Popen([sys.executable, "-c", "from graph.writer import main; main()", "supervise",
                                   str(location), str(lifeline), str(ready)], pass_fds=(lifeline, ready))
    os.close(lifeline)
    os.close(ready)
    supervisor.lifeline = lifeline_end  # closed when this process ends; `stop` closes it sooner
    if select.select([ready_end], [], [], wait)[0]:
        os.read(ready_end, 16)
    os.close(ready_end)
    return supervisor


def stop(supervisor: subprocess.Popen, timeout: float = 60.0) -> None:
    """End a writer `start` made, as the server's end does: after the write it is serving."""
    if supervisor.lifeline is not None:
        os.close(supervisor.lifeline)
        supervisor.lifeline = None
    supervisor.wait(timeout)


def main() -> None:
    """`main()` with the arguments `supervise STORE LIFELINE READY` (what `start` runs) or `run STORE LIFELINE [READY]`
    (what the supervisor runs): descriptors of the server's lifeline, and of the pipe that hears the writer is ready."""
    mode, location, lifeline, *ready = sys.argv[1:]
    if mode == "supervise":
        supervise(location, int(lifeline), int(ready[0]))
    else:
        sys.exit(Writer(location).run(int(lifeline), int(ready[0]) if ready else None))

