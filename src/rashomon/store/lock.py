"""The store's writer lock: one process at a time runs a command that writes (``ingest``,
``analyze``), for the whole command, not just for one transaction.

DuckDB's own file lock is held only while a connection is open, and the store opens one
connection per unit of work (so readers get in between batches); without this lock two writers
would interleave batch by batch, and two ``analyze`` runs would share the staging tables of the
corpus stage. The lock is an exclusive ``flock`` on ``<store>.lock`` beside the store file, which
holds the pid and the command of the process that has it (for the "store is busy" message). The
kernel lets go of it when that process ends, however it ends, so a killed writer never leaves
the store locked; the (empty) lock file itself stays. Readers (``sql``, ``export``, the web UI)
never take it.

The lock is re-entrant within one process (an ``analyze`` inside an ``ingest`` of the same
process does not wait for itself).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import StoreBusy, StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: DuckDB's own lock is all there is
    fcntl = None  # type: ignore[assignment]

_HELD: dict[str, int] = {}  # lock file -> depth, for the locks this process holds


def lock_path(store: str) -> str:
    return store + ".lock"


def holder(store: str) -> str:
    """Who holds the lock of ``store``, as the busy message says it ("pid 123 is running `rashomon ingest`")."""
    try:
        with open(lock_path(store), encoding="utf-8") as f:
            info = json.loads(f.read() or "{}")
        return f"pid {int(info['pid'])} is running `rashomon {info['command']}`"
    except (OSError, ValueError, KeyError, TypeError):
        return "another rashomon process is writing to it"


@contextmanager
def writer_lock(store: str, command: str, timeout: float) -> Iterator[None]:
    """Hold the writer lock of ``store`` for the block; wait up to ``timeout`` seconds for another
    writer to finish, then raise :class:`StoreBusy` naming it."""
    if store == ":memory:" or fcntl is None:
        yield
        return
    path = os.path.abspath(lock_path(store))
    if path in _HELD:
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"cannot create the writer lock file {path}: {exc.strerror or exc}",
            source=store,
            hint="the store's folder must be writable for ingest and analyze; copy the store elsewhere",
        ) from exc
    try:
        _acquire(fd, store, timeout)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": command}).encode(), 0)
        _HELD[path] = 1
        try:
            yield
        finally:
            del _HELD[path]
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _acquire(fd: int, store: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StoreBusy(
                    f"store is busy: {holder(store)}",
                    source=store,
                    hint=f"waited {timeout:g} s; wait for it to finish (or pass a longer --wait), or use another --db",
                ) from None
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
