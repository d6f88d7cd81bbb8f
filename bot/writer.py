"""One writer thread applies incoming messages to the database and commits them in groups.

SQLite has one writer at a time and every incoming message writes (the inbox row at least). With
one transaction per request thread, 32 concurrent requests queued for the write lock, and each
hand-over, and each statement inside it, waited for the GIL behind the threads parsing and
answering other requests: a write transaction that takes 0.6 ms alone held the lock 3 ms on
average (up to 300 ms), and the bot reached a quarter of a bare echo app's throughput.

Here request threads check signatures, decrypt, parse and render in parallel, and hand each message
to ``submit``. One thread takes whatever has queued up (at most ``max_group``), applies each item in
turn inside one ``BEGIN IMMEDIATE … COMMIT`` and wakes the request threads after the commit:

* each item is all-or-nothing: if ``apply(db, item)`` raises, the group is rolled back and
  applied again with a savepoint per item, so that item's writes are undone and
  ``on_error(db, item)`` runs instead, while the exception is being handled (the webhook logs the
  traceback and keeps the failed message there); if that raises too, that item's caller gets the
  error. The other items of the group commit either way. (Savepoints only on that second pass:
  two statements fewer per message, and each statement lets another thread take the GIL.)
  ``apply`` must therefore be safe to run twice on a rolled-back database;
* no answer leaves before its commit: a crash loses only unanswered messages, which WeChat retries;
* items are applied in arrival order on one connection, so a retry that arrives while its first
  try is still queued sees the first try's rows;
* if the group cannot commit (the disk, or another process holding the lock past busy_timeout),
  every item of the group raises that error and nothing of the group is kept;
* ``begin(db, items, careful)``, if given, runs first in each of the group's transactions (on both passes, outside
  the items' savepoints; ``careful`` on the second): one statement for the whole group instead of one per item (the
  webhook's replay guard). If it raises, the group fails as one that cannot commit;
* ``end(db, items)``, if given, runs last in each of the group's transactions, before its COMMIT: what the items
  left for the group to write at once (the webhook's inbox rows, one statement for the group). If it raises on the
  first pass, the group is rolled back and applied again carefully, as when an item raises (where an item that
  fails is kept by ``on_error``); on the second pass the group fails as one that cannot commit.

* in a worker of ``serve --workers N``, while it holds the write lock, the process's GIL switch interval is
  ``SWITCH_INTERVAL_HOLDING`` (0.5 ms): after each statement the writer has the GIL back sooner from the request
  threads, so the lock the workers share is let go sooner;
* ``checkpoints``, if given, copies the WAL back into the database file on a thread of its own while this one runs
  (bot/checkpoints.py), and this thread's connection runs none itself: its COMMIT only appends to the WAL.

The thread stops after ``idle_seconds`` without work (closing its connection) and starts again on
the next message, so an app needs no shutdown call and idle test apps leave no threads behind.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any

from bot.checkpoints import Checkpointer
from bot.db import Databases, transaction

log = logging.getLogger("bot.writer")


# While a writer of ``serve --workers N`` (N > 1) holds the write lock, a thread waiting for the GIL asks for it after
# this many seconds instead of Python's 5 ms. Every SQLite statement gives the GIL up, and the writer then waits behind
# the request threads to have it back: the lock was held ~1.5 ms a message for ~0.5 ms of the writer's CPU, all that
# time the other worker's writer waiting (issue 21, ninth round: ``bench/ab_trees.py --workers 2`` 1-11 % more messages a
# second in six rounds of six, at the same CPU a message). One process gained throughput under load too (4-13 % in
# seven rounds of eight) but spent 1-7 % more CPU a message, which on a quiet machine, where one process is bounded by
# its CPU, would cost as much: so only workers set it (bot/serving.py). Never set everywhere: a shorter interval for
# every thread was no faster (docs/benchmarks-history.md).
SWITCH_INTERVAL_HOLDING = 0.0005
switch_interval_holding: float | None = None  # None: Python's interval throughout; a worker sets it
_holding = 0  # writers of this process inside their write lock
_holding_guard = threading.Lock()
_interval_before = 0.005


@contextlib.contextmanager
def _gil_asked_for_sooner():
    """``switch_interval_holding`` (if set) while any writer of the process is inside this; the interval before once
    none is."""
    global _holding, _interval_before
    interval = switch_interval_holding
    if interval is None:
        yield
        return
    with _holding_guard:
        if _holding == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(interval)
        _holding += 1
    try:
        yield
    finally:
        with _holding_guard:
            _holding -= 1
            if _holding == 0:
                sys.setswitchinterval(_interval_before)


class _ItemFailed(Exception):
    """An item raised on the fast path; the group is rolled back and applied again, carefully."""


class _Pending:
    """One submitted item. ``done`` is a plain lock held until the writer is through with the item
    (cheaper than a threading.Event: no Python-level condition on either side)."""

    __slots__ = ("item", "done", "result", "error")

    def __init__(self, item: Any):
        self.item = item
        self.done = threading.Lock()
        self.done.acquire()
        self.result: Any = None
        self.error: BaseException | None = None


class MessageWriter:
    def __init__(
        self,
        databases: Databases,
        apply: Callable[[Any, Any], Any],
        on_error: Callable[[Any, Any], Any],
        max_group: int = 64,
        idle_seconds: float = 5.0,
        begin: Callable[[Any, list[Any], bool], None] | None = None,
        end: Callable[[Any, list[Any]], None] | None = None,
        checkpoints: Checkpointer | None = None,
    ):
        self.databases = databases
        self.apply = apply
        self.on_error = on_error
        self.begin = begin
        self.end = end
        self.checkpoints = checkpoints
        self.max_group = max_group
        self.idle_seconds = idle_seconds
        self._queue: queue.SimpleQueue[_Pending] = queue.SimpleQueue()
        self._starting = threading.Lock()  # guards _running: start a thread, or stop one that idled
        self._running = False
        self._thread: threading.Thread | None = None

    def submit(self, item: Any) -> Any:
        """Apply ``item`` in the next group; returns once it is committed (or raises)."""
        pending = _Pending(item)
        self._queue.put(pending)
        with self._starting:
            if not self._running:
                self._running = True
                self._thread = threading.Thread(target=self._run, name="message-writer", daemon=True)
                self._thread.start()
        pending.done.acquire()  # released by the writer
        if pending.error is not None:
            raise pending.error
        return pending.result

    def _next_first(self) -> _Pending | None:
        """The next item, waiting for it; None after idling ``idle_seconds`` (the thread then stops)."""
        try:
            return self._queue.get(timeout=self.idle_seconds)
        except queue.Empty:
            with self._starting:  # a submit after this sees _running False and starts a new thread
                if self._queue.empty():
                    self._running = False
                    return None
            return self._queue.get()

    def _fill(self, group: list[_Pending]) -> None:
        """Add what has queued up behind the group's first item, up to ``max_group``."""
        while len(group) < self.max_group:
            try:
                group.append(self._queue.get_nowait())
            except queue.Empty:
                break

    def _run(self) -> None:
        try:
            with self.checkpoints.beside() if self.checkpoints is not None else contextlib.nullcontext():
                if self.checkpoints is not None:  # the checkpoint thread copies the WAL back, not this one's COMMIT
                    self.databases.get().execute("PRAGMA wal_autocheckpoint=0")
                while (first := self._next_first()) is not None:
                    self._write(first)
        except BaseException:  # not expected (_write answers every error); let the next submit start anew
            with self._starting:
                self._running = False
            raise
        finally:
            self.databases.close_current()

    def _commit(self, db, group: list[_Pending], careful: bool) -> None:
        """One transaction for the group. Not ``careful``: no savepoint per item (two statements fewer
        per message, each a GIL hand-over); an item that raises rolls the group back (``_ItemFailed``)."""
        with transaction(db):
            if self.begin is not None:
                self.begin(db, [pending.item for pending in group], careful)
            for pending in group:
                if careful:
                    pending.result, pending.error = self._apply_one(db, pending.item)
                else:
                    try:
                        pending.result, pending.error = self.apply(db, pending.item), None
                    except Exception as exc:
                        raise _ItemFailed from exc
                if not db.conn.in_transaction:  # SQLite rolled the whole group back (disk full, I/O error)
                    raise RuntimeError("the group's transaction was rolled back by SQLite")
            if self.end is not None:
                if careful:
                    self.end(db, [pending.item for pending in group])
                else:
                    try:
                        self.end(db, [pending.item for pending in group])
                    except Exception as exc:
                        raise _ItemFailed from exc

    def _apply_one(self, db, item: Any) -> tuple[Any, BaseException | None]:
        try:
            with db.atomic():  # a savepoint: this item's writes, all or nothing
                return self.apply(db, item), None
        except Exception:  # noqa: BLE001 - one message's bug must not lose the message or its group
            if not db.conn.in_transaction:  # SQLite rolled the whole group back: the group fails
                raise
            try:  # still handling the exception, so on_error can log it with its traceback
                with db.atomic():
                    return self.on_error(db, item), None
            except Exception as exc:  # noqa: BLE001 - that item's caller hears it; the group goes on
                log.exception("keeping a failed message failed too")
                return None, exc

    def _write(self, first: _Pending) -> None:
        """The group of ``first`` and what has queued behind it by the time this thread holds the write lock: messages
        that arrive while another worker's group holds it join this group instead of waiting for the next one."""
        group = [first]
        try:
            db = self.databases.get()
            with getattr(db, "write_lock", None) or contextlib.nullcontext(), _gil_asked_for_sooner():
                self._fill(group)
                try:
                    self._commit(db, group, careful=False)
                except _ItemFailed:  # the group was rolled back: again, this time each item in its savepoint
                    self._commit(db, group, careful=True)
        except BaseException as exc:  # noqa: BLE001 - the group did not commit: every caller hears why
            log.exception("a group of %d messages could not be committed", len(group))
            for pending in group:
                pending.error = exc
        finally:
            for pending in group:
                pending.done.release()
