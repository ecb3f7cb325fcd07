"""`kronika build --cluster`: documents extracted by the worker processes of a Dask distributed cluster.

The workers run the same per-document function as `--jobs` (`build._read_file`); this process keeps the
corpus-wide entity registry, validates and writes, taking each document's result as it completes and
handing it on in corpus order, as the local path does, so a cluster build gives the store a local build
gives. Each worker process loads the pipeline once (`extract.pipeline` is cached per process). The text
travels with the task: the workers need Kronika installed, not the corpus.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extract.source import read_source

from .build import _read_file
from .facts import extractor_version

CONNECT_TIMEOUT = 15   # seconds to reach a scheduler
WORKER_WAIT = 60       # seconds for a scheduler without workers to get one
DOCUMENTS_PER_THREAD = 3  # documents out (running, queued or waiting for an earlier one) per worker thread


class ClusterError(Exception):
    """The cluster cannot be used, or was lost: the message says which and what to do."""


@contextmanager
def connected(address: str):
    """A Dask client of the scheduler at `address` (`tcp://host:port`), or of a LocalCluster of N
    single-threaded worker processes started here for `local:N`; closed (and the LocalCluster stopped)
    on exit. Refuses workers that run several threads or another extractor."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--cluster needs Dask: pip install 'kronika[cluster]'") from None

    if address.startswith("local:"):
        workers = address.removeprefix("local:")
        if not (workers.isdigit() and int(workers) > 0):
            raise ClusterError(f"{address}: write local:N with N ≥ 1 worker processes, or tcp://host:port of a scheduler")
        # silence_logs: a worker still freeing its pipeline when the build is over is killed with a warning
        cluster = LocalCluster(n_workers=int(workers), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    else:
        cluster = None
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError) as e:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from None
    try:
        check_workers(client, address)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_workers(client, address: str) -> None:
    """At least one worker, each running one thread (the pipeline reads one document at a time per process,
    and under the GIL a second thread only competes with the first) and this process's extractor."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        raise ClusterError(f"no worker joined the Dask scheduler at {address} within {WORKER_WAIT} s: "
                           f"start some with `dask worker {address} --nworkers N --nthreads 1`") from None
    for worker, threads in client.nthreads().items():
        if threads > 1:
            raise ClusterError(f"Dask worker {worker} runs {threads} threads: start workers with "
                               f"`dask worker {address} --nworkers N --nthreads 1`, one process per core")
    ours = extractor_version()
    for worker, theirs in client.run(extractor_version).items():
        if theirs != ours:
            raise ClusterError(f"Dask worker {worker} runs extractor {theirs}, this build {ours}: "
                               "install the same Kronika on every worker")


def extract_in_order(client, paths: list[Path]) -> Iterator[tuple[Path, str | None, list | str]]:
    """`_read_file`'s (path, text, parts) of each document, in the order of `paths`, extracted on the
    cluster. Results are taken as they complete and held until those before them are handed on; at most
    DOCUMENTS_PER_THREAD per worker thread are out at once, so memory stays bounded."""
    from distributed import as_completed
    from distributed.client import FutureCancelledError

    limit = DOCUMENTS_PER_THREAD * max(1, sum(client.nthreads().values()))
    waiting = enumerate(paths)
    ready: dict[int, tuple] = {}     # index -> result, until the documents before it are handed on
    out: dict = {}                   # future -> index, of the documents being extracted
    completed = as_completed(loop=client.loop)
    handed_on = 0

    def send_more() -> None:
        """Submit documents until `limit` are out (submitted, not yet handed on)."""
        for i, path in waiting:
            try:
                text = read_source(path)
            except ValueError as e:  # changed since the build read it
                ready[i] = (path, None, str(e))
            else:
                future = client.submit(_read_file, path, text, pure=False)
                out[future] = i
                completed.add(future)
            if i + 1 - handed_on >= limit:
                return

    send_more()
    try:
        while handed_on < len(paths):
            if handed_on in ready:
                yield ready.pop(handed_on)
                handed_on += 1
                send_more()
            else:
                future = next(completed)
                ready[out.pop(future)] = future.result()
    except (OSError, FutureCancelledError) as e:
        raise ClusterError(f"lost the Dask cluster ({e}); the documents written so far are kept: "
                           "run the build again to go on") from None
