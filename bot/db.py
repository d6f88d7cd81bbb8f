"""SQLite through sqlite-utils: one connection per thread, WAL, migrations at start-up.

Each store module (bot/store/*.py) owns its tables and declares them in its own
sqlite-utils ``Migrations`` set; ``migrate`` applies every set in the order the
capability manifests list them (``app.stores``, bot/registry.py) under one write lock, so several processes starting at
once upgrade the database exactly once. Migrations only add: an old database is
upgraded in place, never dropped.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
# Statements each connection keeps prepared (sqlite3's default: 128). The writer thread runs some 380 different ones
# over the end-to-end tests of eleven capabilities; one prepared again costs 60-80 µs (issue 21).
CACHED_STATEMENTS = 512
# storage.synchronous: NORMAL (default) or FULL; docs/operations.md says what each risks on a power cut.
SYNCHRONOUS = ("NORMAL", "FULL")


# One write lock per database file and process: threads of one process queue here for BEGIN IMMEDIATE
# and are woken at once, instead of inside SQLite's busy handler, which sleeps up to 100 ms between
# polls (it made the webhook's p99 several hundred ms under 32 concurrent clients). Processes queue
# the same way on an flock of ``<database>.writelock`` (``serve --workers``: two writer threads in two
# processes). Re-entrant, so a nested write on another connection behaves as before.
class WriteLock:
    """A re-entrant lock for the threads of this process, and an flock for the processes."""

    def __init__(self, lock_file: Path):
        self._threads = threading.RLock()
        self._file = lock_file
        self._fd: int | None = None
        self._depth = 0  # changed only by the thread holding _threads

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        if not self._threads.acquire(blocking, timeout):
            return False
        if self._depth == 0 and not self._lock_file(blocking, timeout):
            self._threads.release()
            return False
        self._depth += 1
        return True

    def _lock_file(self, blocking: bool, timeout: float) -> bool:
        if self._fd is None:
            self._fd = os.open(self._file, os.O_RDWR | os.O_CREAT, 0o600)
        if _flock_holding_gil(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB):  # free: taken without a GIL hand-over
            return True
        if blocking and timeout < 0:
            fcntl.flock(self._fd, fcntl.LOCK_EX)  # woken as soon as the other process lets go
            return True
        deadline = time.monotonic() + max(timeout, 0)
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if not blocking or time.monotonic() >= deadline:
                    return False
                time.sleep(0.002)

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            _flock_holding_gil(self._fd, fcntl.LOCK_UN)  # never waits
        self._threads.release()

    def __enter__(self) -> WriteLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _libc_flock():
    """libc's flock called with the GIL held (ctypes.PyDLL), or None where it cannot be loaded."""
    try:
        function = ctypes.PyDLL(None, use_errno=True).flock
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_int]
    function.restype = ctypes.c_int
    return function


_LIBC_FLOCK = _libc_flock()


def _flock_holding_gil(fd: int, operation: int) -> bool:
    """``flock(fd, operation)`` for an operation that never waits (``LOCK_NB``, ``LOCK_UN``), without letting go of the
    GIL: ``fcntl.flock`` lets it go around every call, and under load a thread that lets go of it waits up to the switch
    interval to have it back (issue 21: 1.7 ms a group, inside the write lock, measured in a busy ``serve``).
    False if the lock is held elsewhere."""
    if _LIBC_FLOCK is None:
        try:
            fcntl.flock(fd, operation)
        except BlockingIOError:
            return False
        return True
    while _LIBC_FLOCK(fd, operation) != 0:
        error = ctypes.get_errno()
        if error in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        if error != errno.EINTR:
            raise OSError(error, os.strerror(error))
    return True


_WRITE_LOCKS: dict[str, WriteLock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(path: Path) -> WriteLock:
    key = str(path.resolve())
    with _WRITE_LOCKS_GUARD:
        if key not in _WRITE_LOCKS:
            _WRITE_LOCKS[key] = WriteLock(Path(key + ".writelock"))
        return _WRITE_LOCKS[key]


def _forget_write_locks() -> None:
    """In a forked child: its own locks (an flock held through an inherited file would be the parent's)."""
    global _WRITE_LOCKS_GUARD
    _WRITE_LOCKS.clear()
    _WRITE_LOCKS_GUARD = threading.Lock()


os.register_at_fork(after_in_child=_forget_write_locks)


class Database(sqlite_utils.Database):
    """sqlite-utils' Database with a lean ``query`` for the store's SELECTs.

    sqlite-utils wraps every ``query`` in a savepoint (three statements instead of one) so that a
    write statement passed to it by mistake can be rolled back. The store only passes SELECTs, and
    this runs on every incoming message, so ``query`` here executes the statement alone.
    """

    write_lock: WriteLock | None = None  # set by connect(): this process's queue for BEGIN IMMEDIATE
    # set by ``transaction`` while its BEGIN IMMEDIATE … COMMIT is open, a new object each time: in it no other
    # connection can write, so what was read in it stays true until this connection changes it
    open_transaction: object | None = None

    def query(self, sql: str, params=None):
        cursor = self.conn.execute(sql, params if params is not None else ())
        if cursor.description is None:
            raise ValueError("query() is for statements that return rows; use execute()")
        keys = [d[0] for d in cursor.description]
        # read to its end here, not as the caller iterates: a statement left half-read keeps its read snapshot open, and
        # a write transaction begun on this connection after another connection or process committed then fails at once
        # with 'database is locked', busy_timeout or not (SQLITE_BUSY_SNAPSHOT; sim63: seen in ``chat`` beside ``serve``)
        rows = cursor.fetchall()
        return (dict(zip(keys, row)) for row in rows)


def connect(path: Path | str, synchronous: str = "NORMAL") -> Database:
    """A new connection with the pragmas every part of the bot relies on."""
    path = Path(path)
    synchronous = synchronous.upper()
    if synchronous not in SYNCHRONOUS:
        raise ValueError(f"synchronous must be one of {SYNCHRONOUS}")
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, cached_statements=CACHED_STATEMENTS
    )
    db = Database(conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={synchronous}")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys=ON")
    db.write_lock = _write_lock(path)
    return db


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing unit of work.

    ``BEGIN IMMEDIATE`` takes the write lock up front (after this process's own
    queue, ``write_lock``), so writers serialize and each sees the last one's rows.
    Inside one, a nested ``transaction`` or sqlite-utils write is a savepoint.
    """
    if db.conn.in_transaction:  # already inside one: join it
        with db.atomic():
            yield db
        return
    with getattr(db, "write_lock", None) or contextlib.nullcontext():
        db.execute("BEGIN IMMEDIATE")
        setattr(db, "open_transaction", object())  # noqa: B010 - any sqlite-utils Database, ours has the attribute
        try:
            yield db
        except BaseException:
            db.rollback()
            raise
        else:
            db.commit()
        finally:
            setattr(db, "open_transaction", None)  # noqa: B010


@contextlib.contextmanager
def transaction_within(db: sqlite_utils.Database, seconds: float) -> Iterator[sqlite_utils.Database]:
    """``transaction``, giving up after ``seconds`` of waiting for the write lock (TimeoutError, or
    sqlite3.OperationalError 'database is locked' when another process holds it) instead of
    ``BUSY_TIMEOUT_MS``: for a probe that must answer quickly."""
    lock = getattr(db, "write_lock", None)
    if lock is not None and not lock.acquire(timeout=seconds):
        raise TimeoutError("the write lock is held in this process")
    try:
        db.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")
        try:
            with transaction(db):
                yield db
        finally:
            db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        if lock is not None:
            lock.release()


def migrate(db: sqlite_utils.Database, stores) -> None:
    """Apply every store module's ``migrations`` (the registry's ``stores``, in order) under one write lock."""
    with transaction(db):
        for module in stores:
            module.migrations.apply(db)


class Databases:
    """Hands each thread its own connection to one database file.

    A connection is closed only where nothing can be running a statement on it: by its own thread, or by anyone once
    its thread has ended. Closing a connection while another thread steps a statement on it frees memory that
    statement is using, and the process dies (a segmentation fault; tests/unit/test_db_close.py shows it)."""

    def __init__(self, path: Path | str, synchronous: str = "NORMAL"):
        self.path = Path(path)
        self.synchronous = synchronous
        self._local = threading.local()
        self._all: list[sqlite_utils.Database] = []  # every connection handed out and not closed yet
        self._owners: dict[int, threading.Thread] = {}  # id() of each of them -> the thread it belongs to
        self._lock = threading.Lock()
        self._generation = 0  # close_all moves it on: a thread's older connection is closed at its next ``get``

    def get(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is not None and self._local.generation != self._generation:
            self.close_current()  # retired by close_all while this thread was alive: closed here, by its own thread
            db = None
        if db is None:
            db = connect(self.path, self.synchronous)
            self._local.db, self._local.generation = db, self._generation
            with self._lock:
                self._all.append(db)
                self._owners[id(db)] = threading.current_thread()
        return db

    def close_current(self) -> None:
        """Close this thread's connection (a thread that ends calls this)."""
        db = getattr(self._local, "db", None)
        if db is None:
            return
        self._local.db = None
        with self._lock:
            self._all = [other for other in self._all if other is not db]
            self._owners.pop(id(db), None)
        with contextlib.suppress(Exception):
            db.close()

    def close_all(self) -> None:
        """Close this thread's connection and those of threads that have ended (a test's end, the CLI's exit, the
        pre-fork master before it forks). A live thread's connection may be in the middle of a statement: it is
        retired instead, closed by that thread at its next ``get`` (which then opens a new one) or when the thread
        ends; until then the thread may finish what it is doing with it."""
        me = threading.current_thread()
        with self._lock:
            self._generation += 1
            closing: list[sqlite_utils.Database] = []
            kept: list[sqlite_utils.Database] = []
            for db in self._all:
                owner = self._owners.get(id(db))
                (closing if owner is None or owner is me or not owner.is_alive() else kept).append(db)
            self._all = kept
            for db in closing:
                self._owners.pop(id(db), None)
        for db in closing:
            with contextlib.suppress(Exception):
                db.close()
        self._local.db = None
