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

In ``serve --workers N`` the same step (``write_group``) runs in one writer process for every worker
(``serve_writer``, below), and each worker's thread is a courier (``RemoteWriter``) that sends its groups there.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import pickle
import queue
import selectors
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
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
# set in each worker of ``serve --workers N`` that hands its messages to the writer process (bot/serving.py): the
# address of that process's socket
remote_address: str | None = None
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

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """What the writing thread runs inside: the checkpoint thread beside it (its COMMITs then only append to the
        WAL); its connection closed at the end."""
        try:
            with self.checkpoints.beside() if self.checkpoints is not None else contextlib.nullcontext():
                if self.checkpoints is not None:  # the checkpoint thread copies the WAL back, not this one's COMMIT
                    self.databases.get().execute("PRAGMA wal_autocheckpoint=0")
                yield
        finally:
            self.databases.close_current()

    def _run(self) -> None:
        try:
            with self.writing():
                while (first := self._next_first()) is not None:
                    self._write(first)
        except BaseException:  # not expected (_write answers every error); let the next submit start anew
            with self._starting:
                self._running = False
            raise

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
        self.write_group([first], self._fill)

    def write_group(self, group: list[_Pending], fill: Callable[[list[_Pending]], None] | None = None) -> None:
        """Apply and commit ``group`` (and what ``fill`` adds to it once the write lock is held), setting each item's
        result or error and releasing its ``done``. The writer thread's step, and the writer process's
        (``serve_writer``)."""
        try:
            db = self.databases.get()
            with getattr(db, "write_lock", None) or contextlib.nullcontext(), _gil_asked_for_sooner():
                if fill is not None:
                    fill(group)
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


# -- one writer process for the workers of ``serve --workers N`` ---------------------------------------------------------
# With a writer thread in each worker, the workers' writers took turns at the write lock (an flock), and the holder kept
# it ~1.5 ms a message for ~0.5 ms of its CPU: every SQLite statement hands the GIL over, and the writer had it back
# only behind its worker's 32 request threads (issue 21, ninth round). So N workers together served about one over
# that, whatever the cores. Here the workers hand their messages to ONE process that has no request threads
# (bot/serving.py starts it beside the workers): it applies and commits them in groups as the writer thread did, and
# answers each worker once its messages are durable. The write lock is then held only by a thread that has the GIL to
# itself. In each worker a courier thread (``RemoteWriter``, in place of the writer thread) takes what its request
# threads have queued and sends it as one frame over a Unix socket (in a folder only the bot's user can enter); the
# writer process applies the frames that have arrived from every worker in one transaction and answers each frame with
# one frame: a wake-up and two system calls a group on each side, not a message. A frame is 4 bytes of length, then a
# pickle: a list of the items, or of their answers.

_FRAME = struct.Struct("!I")
FRAME_LIMIT = 64 << 20  # a frame longer than this is not ours: the connection is closed


class WriterGone(RuntimeError):
    """The writer process ended (or was restarted) before it answered: the message may or may not be committed, and is
    not acknowledged; WeChat's retry is recorded once either way (the inbox's dedupe)."""


class WriterFailed(RuntimeError):
    """The writer process could not commit the message's group, or could not read the message (its error, as text)."""


def _frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _FRAME.pack(len(data)) + data


def _receive(conn: socket.socket) -> Any:
    """One frame's object: usually one ``recv``."""
    data = conn.recv(1 << 16)
    if len(data) < _FRAME.size:
        data += _receive_exactly(conn, _FRAME.size - len(data))
    (length,) = _FRAME.unpack_from(data)
    if length > FRAME_LIMIT:
        raise WriterGone(f"a frame of {length} bytes")
    body = data[_FRAME.size :]
    if len(body) < length:
        body += _receive_exactly(conn, length - len(body))
    return pickle.loads(body)


def _receive_exactly(conn: socket.socket, size: int) -> bytes:
    parts = []
    while size > 0:
        data = conn.recv(size)
        if not data:
            raise WriterGone("the writer process closed the connection")
        parts.append(data)
        size -= len(data)
    return b"".join(parts)


class RemoteWriter(MessageWriter):
    """A worker's side of the writer process: ``submit`` as ``MessageWriter.submit``; its thread (the courier) sends
    what has queued (at most ``max_group``) to the writer process as one frame and hands each request thread its
    answer. ``encode`` turns an item into what crosses the socket (picklable; ``decode`` in the writer process turns
    it back), ``encode_again`` if that cannot be pickled. A caller hears ``WriterGone`` when the writer process ended
    before answering, ``WriterFailed`` when its message's group could not commit."""

    def __init__(
        self,
        address: str,
        encode: Callable[[Any], Any] = lambda item: item,
        encode_again: Callable[[Any], Any] | None = None,
        max_group: int = 64,
        idle_seconds: float = 5.0,
    ):
        super().__init__(None, _not_here, _not_here, max_group=max_group, idle_seconds=idle_seconds)  # type: ignore[arg-type]
        self.address = address
        self.encode = encode
        self.encode_again = encode_again
        self._conn: socket.socket | None = None

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        yield  # no database here: the writer process has it

    def _encoded(self, item: Any) -> Any:
        """``encode(item)``, or ``encode_again(item)`` if that cannot be pickled; raises if neither can."""
        encoded = self.encode(item)
        if self.encode_again is None:
            return encoded
        try:
            pickle.dumps(encoded, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return self.encode_again(item)
        return encoded

    def _frame_of(self, group: list[_Pending]) -> tuple[list[_Pending], bytes]:
        """The frame for ``group``: one pickle of every item's encoding; if that cannot be made, each item's that can
        (the others' callers hear why)."""
        try:
            return group, _frame([self.encode(pending.item) for pending in group])
        except (pickle.PicklingError, TypeError, AttributeError):
            pass
        sending, encoded = [], []
        for pending in group:
            try:
                encoded.append(self._encoded(pending.item))
                sending.append(pending)
            except Exception as exc:  # noqa: BLE001 - that caller hears it
                pending.error = exc
        return sending, _frame(encoded)

    def _connection(self) -> socket.socket:
        if self._conn is None:
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                conn.connect(self.address)
            except OSError as exc:
                conn.close()
                raise WriterGone(f"cannot reach the writer process: {exc}") from exc
            self._conn = conn
        return self._conn

    def hang_up(self) -> None:
        """Close the connection (the next group connects again)."""
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.close()

    def write_group(self, group: list[_Pending], fill: Callable[[list[_Pending]], None] | None = None) -> None:
        try:
            if fill is not None:
                fill(group)
            sending, frame = self._frame_of(group)
            if sending:
                try:
                    conn = self._connection()
                    conn.sendall(frame)
                    answers = _receive(conn)
                except (OSError, EOFError, pickle.UnpicklingError, WriterGone) as exc:
                    self.hang_up()  # the next group connects again (to the writer the master restarted)
                    gone = exc if isinstance(exc, WriterGone) else WriterGone(f"{type(exc).__name__}: {exc}")
                    for pending in sending:
                        pending.error = gone
                else:
                    for pending, (ok, value) in zip(sending, answers, strict=True):
                        if ok:
                            pending.result = value
                        else:
                            pending.error = WriterFailed(value)
        except BaseException as exc:  # noqa: BLE001 - not expected: every caller hears it
            log.exception("a group of %d messages could not be sent to the writer process", len(group))
            for pending in group:
                if pending.error is None and pending.result is None:
                    pending.error = exc
        finally:
            for pending in group:
                pending.done.release()


def _not_here(db: Any, item: Any) -> Any:
    raise RuntimeError("a RemoteWriter applies nothing itself")


class _Client:
    """A worker's connection, in the writer process: what has arrived of its next frame."""

    __slots__ = ("conn", "buffer")

    def __init__(self, conn: socket.socket):
        self.conn = conn
        self.buffer = bytearray()

    def frames(self) -> list[bytes] | None:
        """The frames complete after reading what is there; None once the worker closed the connection."""
        try:
            data = self.conn.recv(1 << 16)
        except (BlockingIOError, InterruptedError):
            return []
        except OSError:
            return None
        if not data:
            return None
        self.buffer += data
        frames = []
        while len(self.buffer) >= _FRAME.size:
            (length,) = _FRAME.unpack_from(self.buffer)
            if length > FRAME_LIMIT:
                return None
            if len(self.buffer) < _FRAME.size + length:
                break
            frames.append(bytes(self.buffer[_FRAME.size : _FRAME.size + length]))
            del self.buffer[: _FRAME.size + length]
        return frames

    def answer(self, obj: Any) -> None:
        data = _frame(obj)
        try:
            sent = self.conn.send(data)  # answers to a courier waiting for them: the socket's buffer takes them
            if sent < len(data):
                self.conn.setblocking(True)
                self.conn.settimeout(5.0)
                try:
                    self.conn.sendall(data[sent:])
                finally:
                    self.conn.setblocking(False)
        except OSError:  # the worker is gone: its messages were not acknowledged, and a retry is recorded once
            pass


class _Frame:
    """One frame of a worker, in the writer process: its items (or why each could not be read) and their answers."""

    __slots__ = ("client", "answers", "pending")

    def __init__(self, client: _Client, count: int):
        self.client = client
        self.answers: list[Any] = [None] * count
        self.pending: list[tuple[int, _Pending]] = []


def serve_writer(
    listener: socket.socket,
    writer: MessageWriter,
    decode: Callable[[Any], Any] = lambda item: item,
    stopping: Callable[[], bool] = lambda: False,
    drain_seconds: float = 20.0,
) -> None:
    """The writer process: accept the workers' connections on ``listener``; apply the frames they send in groups (the
    frames that have arrived, ``writer.max_group`` messages and more only to finish a frame, and what has arrived by the
    time the group holds the write lock), each frame answered once its group committed. Once ``stopping()`` (asked
    between groups and at least every half second), it goes on while a worker still has a connection open,
    ``drain_seconds`` at most: the master stops the workers first, but a SIGTERM sent to every process at once
    (systemd's) reaches it while the workers still finish their requests."""
    selector = selectors.DefaultSelector()
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, None)
    waiting: collections.deque[_Frame] = collections.deque()

    def read(timeout: float | None) -> None:
        for key, _events in selector.select(timeout):
            if key.data is None:
                try:
                    conn, _address = listener.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                conn.setblocking(False)
                selector.register(conn, selectors.EVENT_READ, _Client(conn))
                continue
            client: _Client = key.data
            frames = client.frames()
            if frames is None:  # its worker ended or closed it: what it sent and is still waiting is applied anyway
                selector.unregister(client.conn)
                client.conn.close()
                continue
            for data in frames:
                try:
                    items = pickle.loads(data)
                except Exception:  # noqa: BLE001 - not a frame of ours: that connection is closed
                    log.exception("a frame from a worker could not be read")
                    selector.unregister(client.conn)
                    client.conn.close()
                    break
                frame = _Frame(client, len(items))
                for place, item in enumerate(items):
                    try:
                        frame.pending.append((place, _Pending(decode(item))))
                    except Exception as exc:  # noqa: BLE001 - that message is refused, the others go on
                        log.exception("a message from a worker could not be read")
                        frame.answers[place] = (False, f"unreadable: {type(exc).__name__}")
                waiting.append(frame)

    def take(group: list[_Pending], frames: list[_Frame]) -> None:
        while waiting and len(group) < writer.max_group:
            frame = waiting.popleft()
            frames.append(frame)
            group.extend(pending for _place, pending in frame.pending)

    drain_until: float | None = None

    def done() -> bool:
        nonlocal drain_until
        if drain_until is None:
            if not stopping():
                return False
            drain_until = time.monotonic() + drain_seconds
        return len(selector.get_map()) <= 1 or time.monotonic() >= drain_until  # the listener alone, or time is up

    try:
        with writer.writing():
            while not done():
                read(0 if waiting else 0.5)
                while waiting:
                    group: list[_Pending] = []
                    frames: list[_Frame] = []
                    take(group, frames)

                    def fill(group: list[_Pending], frames: list[_Frame] = frames) -> None:
                        if len(group) < writer.max_group:
                            read(0)  # what arrived while the lock was being taken joins this group
                            take(group, frames)

                    if group:
                        writer.write_group(group, fill)
                    for frame in frames:
                        for place, pending in frame.pending:
                            if pending.error is None:
                                frame.answers[place] = (True, pending.result)
                            else:
                                frame.answers[place] = (False, f"{type(pending.error).__name__}: {pending.error}")
                        frame.client.answer(frame.answers)
                    read(0)
    finally:
        for key in list(selector.get_map().values()):
            if key.data is not None:
                key.data.conn.close()
        selector.close()
