"""WAL checkpoints on their own thread, off the writer thread's COMMIT.

In WAL mode a commit appends the changed pages to ``<database>-wal``; a checkpoint copies them back into the
database file (and, under ``synchronous = NORMAL``, flushes the WAL and then the database file to the disk). By
default SQLite runs one inside the COMMIT that takes the WAL past 1,000 pages, so every few hundred messages one
group's commit also did the copy and two disk flushes, with the write lock held: measured on the bench's mix
(groups of 12), COMMIT took 0.83-0.88 ms a group with them, 0.36-0.39 ms without (issue 21, seventh round).

So the writer thread's connection has ``wal_autocheckpoint`` off and a ``Checkpointer`` runs beside it, on its own
connection: every ``every`` seconds a PASSIVE checkpoint, which copies what is in the WAL while the writer goes on
writing (it takes no write lock). A WAL is only started again from its beginning by a write that begins when all of
it has been copied, which under steady load a pass running beside the writer never sees; so once the WAL holds
``limit_pages`` or more, a second pass runs at once with the write lock held (bot/db.py ``WriteLock``: this
process's writer and every other process's wait for it), copying only what was written during the first one, and
the next write starts the WAL again. The WAL stays near ``limit_pages`` (16 MB at 4,096 pages), plus what is written
during a pass, however long the load lasts (bench/webhook.py prints its size: 19-21 MB on the mix).

Measured (bench/ab_trees.py): one process served as much as before; ``serve --workers 2``, whose other worker waited
for the lock through the checkpoints too, 3-16 % more in seven rounds of eight.

Nothing about durability changes: a checkpoint never holds anything that is not in the WAL already. What a power
cut may lose under ``synchronous = NORMAL`` (docs/operations.md) is what was committed since the WAL was last
flushed, which each checkpoint pass does: at most about ``every`` seconds of messages while the bot is busy.

The thread runs while the writer thread does (``beside``), and makes a last pass when it stops.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from bot.db import Databases, connect

log = logging.getLogger("bot.checkpoints")

EVERY_SECONDS = 0.25
LIMIT_PAGES = 4096


@dataclass(frozen=True)
class Pass:
    """What ``PRAGMA wal_checkpoint`` said: busy (another checkpoint was running), pages in the WAL, pages copied."""

    busy: int
    wal_pages: int
    copied: int
    locked: bool


class Checkpointer:
    def __init__(self, databases: Databases, every: float | None = None, limit_pages: int | None = None):
        self.databases = databases
        self.every = EVERY_SECONDS if every is None else every
        self.limit_pages = LIMIT_PAGES if limit_pages is None else limit_pages
        self.passes = 0  # for tests and benchmarks
        self.locked_passes = 0

    @contextlib.contextmanager
    def beside(self) -> Iterator[None]:
        """The writer thread runs inside this: a checkpoint thread of its own runs meanwhile, then makes a last pass."""
        stop = threading.Event()
        thread = threading.Thread(target=self._run, args=(stop,), name="wal-checkpoint", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=30)

    def _run(self, stop: threading.Event) -> None:
        # A connection of its own, not one of ``databases``': Databases.close_all (a test's end, the CLI's exit) closes
        # those from another thread, and closing a connection while a statement runs on it crashes the process.
        db = connect(self.databases.path, self.databases.synchronous)
        try:
            last = False
            while not last:
                last = stop.wait(self.every)
                try:
                    self.checkpoint(db)
                except Exception:  # noqa: BLE001 - the next pass tries again; the writer must not stop for it
                    log.exception("WAL checkpoint failed")
        finally:
            db.close()

    def checkpoint(self, db) -> Pass:
        """One pass beside the writer, and, when the WAL has grown to ``limit_pages``, one more holding the write lock."""
        done = self._passive(db, locked=False)
        if done.wal_pages >= self.limit_pages:
            with db.write_lock:  # no write in between: all of it is copied, and the next write starts the WAL anew
                done = self._passive(db, locked=True)
        return done

    def _passive(self, db, locked: bool) -> Pass:
        busy, wal_pages, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.passes += 1
        self.locked_passes += locked
        return Pass(busy, wal_pages, copied, locked)
