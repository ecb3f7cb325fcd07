"""The public dumps (`/dumps/kronika.trig.gz`, `/dumps/kronika.nt.gz`): made by one process at a time,
written beside their place and swapped in whole, each with the store version it holds.

A dump of a big store takes long, so no visitor's request makes one: the server makes them when it
starts and after curators' changes, in the background; visitors get the latest complete dump.
"""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from .export import export_public

NAMES = ("kronika.trig.gz", "kronika.nt.gz")
REQUESTED = ".requested"  # touched at each change the dumps should follow
LONGEST_DELAY = 60.0  # seconds a dump waits for changes to pause before it is made all the same


class Dumps:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    def path(self, name: str) -> Path:
        return self.folder / name

    def version(self, name: str) -> str | None:
        """The store version the dump holds; None before the first one is made."""
        try:
            return (self.folder / f"{name}.version").read_text()
        except FileNotFoundError:
            return None

    def request(self) -> None:
        """Note that the store changed and the dumps should follow (the time of the last request is what
        `refresh(quiet=…)` waits on)."""
        (self.folder / REQUESTED).touch()

    def _until_quiet(self, quiet: float, longest: float) -> None:
        """Wait until no change has been requested for `quiet` seconds, at most `longest`: a curator deciding
        fact after fact would otherwise keep an export of the whole store running beside every decision (at
        1M triples it doubled the p99 of decisions on two cores)."""
        deadline = time.time() + longest
        while quiet > 0:
            try:
                last = (self.folder / REQUESTED).stat().st_mtime
            except FileNotFoundError:
                return
            left = min(last + quiet, deadline) - time.time()
            if left <= 0:
                return
            time.sleep(left)

    def refresh(self, store, wait: float = 0.0, quiet: float = 0.0, longest: float = LONGEST_DELAY) -> bool:
        """Make every dump that is behind the store, once changes have paused for `quiet` seconds (at most
        `longest`). When another process is making them, wait for it at most `wait` seconds and leave the work
        to it; False when nothing was made here."""
        with open(self.folder / ".lock", "a") as lock:
            deadline = time.monotonic() + wait
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        return False
                    time.sleep(0.05)
            for leftover in self.folder.glob(".partial-*"):  # of a process killed while writing
                leftover.unlink(missing_ok=True)
            self._until_quiet(quiet, longest)
            made = False
            for _ in range(3):  # the store may change while a dump is written: catch up, within reason
                version = store.version()
                stale = [name for name in NAMES if self.version(name) != version]
                if not stale:
                    break
                for name in stale:
                    self._write(store, name, version)
                made = True
            return made

    def _write(self, store, name: str, version: str) -> None:
        partial = self.folder / f".partial-{os.getpid()}-{name}"  # the same suffix: the format follows it
        try:
            export_public(store, partial)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        os.replace(partial, self.path(name))
        stamp = self.folder / f".partial-{os.getpid()}-{name}.version"
        stamp.write_text(version)
        os.replace(stamp, self.folder / f"{name}.version")


DUMP_NICENESS = 10  # added to the server's own

SETTINGS = ("STORE", "BASE", "STORE_QUERY", "STORE_UPDATE", "STORE_GSP", "STORE_DEFAULT_GRAPH", "STORE_USER",
            "STORE_PASSWORD", "DUMP_QUIET")


def start(settings: dict, folder: Path):
    """Make the dumps in a process of their own, so that a web worker that ends (a query past its time
    limit ends its worker) does not take a half-made dump with it. The settings go in the environment,
    not the command line, where other users could read a store password. It runs at a lower priority
    than the web workers: an export of the whole store must not slow the requests (a curator's next
    decision) it runs beside."""
    import json
    import subprocess
    import sys
    payload = json.dumps({**{k: settings.get(k) for k in SETTINGS}, "FOLDER": str(folder)})
    return subprocess.Popen([sys.executable, "-m", "graph.dumps"], env={**os.environ, "KRONIKA_DUMP_SETTINGS": payload},
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, preexec_fn=lambda: os.nice(DUMP_NICENESS))


ATTEMPTS = 3


def refresh_from(open_store, folder: Path, attempts: int = ATTEMPTS, quiet: float = 0.0) -> bool:
    """Refresh the dumps from a store opened anew for each attempt: a read-only view of an embedded store can
    lose a file under it when the store's writer compacts it ("No such file or directory: …/011795.sst"),
    and a view opened after that reads the store as it is now."""
    for attempt in range(attempts):
        try:
            return Dumps(folder).refresh(open_store(), quiet=quiet)
        except OSError:
            if attempt + 1 == attempts:
                raise


def main() -> None:
    import json

    from .remote import Endpoints
    from .store import Store
    from .vocab import Base
    settings = json.loads(os.environ["KRONIKA_DUMP_SETTINGS"])
    remote = settings["STORE"].startswith(("http://", "https://"))
    refresh_from(lambda: Store(settings["STORE"], Base(settings["BASE"]), read_only=not remote,
                               endpoints=Endpoints.from_config(settings) if remote else None),
                 Path(settings["FOLDER"]), quiet=float(settings.get("DUMP_QUIET") or 0.0))


if __name__ == "__main__":
    main()
