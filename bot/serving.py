"""`serve`: the WSGI app on one listening socket, by one process or by a pre-fork master and N workers.

``serve --workers N`` (``server.workers``; ``auto`` = one per usable core) runs a **pre-fork
master**: it loads the config, migrates the database, builds the Flask app, binds the one listening
socket and forks N worker processes, each serving that socket with its own waitress (``server.threads``
threads) and its own writer thread. The kernel hands each new connection to whichever worker accepts
it first. Why one shared socket rather than one ``SO_REUSEPORT`` socket per worker (docs/operations.md):

* a worker that dies takes only the connections it had accepted (their requests were not answered,
  so WeChat retries them); connections still waiting to be accepted wait on the shared socket for the
  other workers, while with ``SO_REUSEPORT`` those queued on the dead worker's own socket are reset;
* the master holds the port the whole time: a restart never leaves it unbound, and no other process of
  the same user can join it (``SO_REUSEPORT`` lets any of them bind the port and take a share);
* the master pays once for what every worker needs (imports, migrations, the FAQ index), and the
  workers share those pages until they write to them.

**The writer process** (``server.writer_process``, on by default): the master also forks one process that applies
every worker's messages (bot/writer.py ``serve_writer``): the workers' couriers send it what their request threads
queued over a Unix socket the master holds (in a folder of its own, mode 0700), and it commits the frames of every
worker in one transaction and answers each once it is durable. It has no request threads, so the write lock is never
held by a thread waiting for the GIL behind them (issue 21, tenth round; docs/benchmarks-history.md). Off, each
worker has its writer thread, and while that holds the write lock the workers share it has the GIL back sooner
after each SQLite statement (bot/writer.py ``switch_interval_holding``), so that it lets the lock go sooner.

The master only supervises: it holds no database connection and runs no thread (so forking is safe),
restarts a worker or the writer process that dies (at most once a second each), and on SIGTERM or SIGINT passes
SIGTERM to the workers, waits for them, then stops the writer process the same way. A worker on SIGTERM stops
accepting, lets the requests it has finish (``DRAIN_SECONDS`` at most), stops its scheduler and exits 0. A worker
whose master is gone stops the same way. The writer process on SIGTERM (or without its master) goes on while a
worker still holds a connection to it (20 s at most), so that a SIGTERM sent to every process at once lets the
workers' last requests commit. A writer process killed mid-group loses only what it had not answered: its workers
answer those pushes 503 and WeChat retries them (the inbox's dedupe records each once).

The scheduler and outbox sender run in worker 0 only (unless ``--no-scheduler``), under the database
lease ``scheduler`` in the name ``<host>:<master pid>:worker-0``: a restarted worker 0 takes the lease
back at once, and a second deployment on the same database still cannot run the jobs twice.

With one worker (the default) there is no master: the process itself serves the socket, the same way.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import os
import signal
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import WSGITask
from waitress.wasyncore import close_all
from waitress.wasyncore import loop as poll_loop

from bot import logs, writer

log = logging.getLogger("bot.serving")

DRAIN_SECONDS = 10.0  # a stopping worker lets the requests it has finish, at most this long
STOP_SECONDS = 20.0  # the master waits this long for stopping workers, then SIGKILLs them
RESTART_PAUSE_SECONDS = 1.0  # a worker that died within this of its start is restarted after it
_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


# glibc's malloc gives threads arenas of their own as they contend, up to eight a core: a serving process's 32 request
# threads (and its writer, log and checkpoint threads) spread what C code allocates over 16 arenas on two cores, each
# keeping its freed pages. Two: one serve process's peak RSS under bench/webhook.py's mixed texts 206-252 -> 183-187 MB
# (issue 21, fifteenth round; ``bench/memory.py --serve 1``). MALLOC_ARENA_MAX in the environment, if set, is kept.
MALLOC_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter (glibc's malloc.h)


def fewer_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Limit glibc's malloc to ``arenas`` arenas in this process and those it forks (unless MALLOC_ARENA_MAX is set);
    first thing in ``serve``, before its threads start. Whether it was set (False: not glibc, or set already)."""
    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to limit
        return False
    return bool(mallopt(_M_ARENA_MAX, arenas))


def give_back_freed_memory() -> bool:
    """Hand the pages malloc holds free back to the system (glibc's ``malloc_trim(0)``): what loading the FAQ's
    files freed (the files' bytes, JSON's and pickle's temporaries) stays in malloc's heap otherwise, ~16 MB of a
    serving process's RSS that its requests would not need (issue 17, memory round 101). Called once the process is
    warm, before it serves (and in a pre-fork master before it forks). Whether it was done (False: not glibc)."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc: nothing to trim
        return False
    trim(0)
    return True


def listen(host: str, port: int, backlog: int = 1024) -> socket.socket:
    """The one listening socket (SO_REUSEADDR, so a restart binds at once after the last one closed)."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    return socket.create_server((host, port), family=family, backlog=backlog)


@dataclass(frozen=True)
class Worker:
    """What one serving process needs: the app, waitress' options, and its part in the deployment."""

    flask_app: object
    options: dict
    number: int = 0
    start_scheduler: Callable[[], Callable[[], None]] | None = None  # starts it; returns its stop


def serve_socket(sock: socket.socket, worker: Worker, master_pid: int | None = None) -> None:
    """Serve ``sock`` in this process until SIGTERM/SIGINT (or, in a forked worker, until the master is
    gone), then stop accepting and let the requests in progress finish."""
    if master_pid is None:
        give_back_freed_memory()  # one process, warm: a forked worker's master trimmed before it forked
    stopping: list[int] = []
    previous = {sig: signal.signal(sig, lambda signum, _frame: stopping.append(signum)) for sig in _STOP_SIGNALS}
    server = create_server(worker.flask_app, sockets=[sock], **worker.options)
    one_send_a_response(server)
    stop_scheduler = worker.start_scheduler() if worker.start_scheduler else None
    try:
        while not stopping and (master_pid is None or os.getppid() == master_pid):
            poll_loop(timeout=server.adj.asyncore_loop_timeout, map=server._map, use_poll=True, count=1)
        _drain(server)
    finally:
        if stop_scheduler:
            stop_scheduler()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class OneSendTask(WSGITask):
    """waitress' task for a WSGI request, but a response of known length (every push's answer: bot/webhook.py
    ``FastPath``) goes out as its header and body in one write, not two. waitress flushes each write at once
    (``send_bytes`` 1): two ``send`` calls a message, two segments on the wire, and a client whose first read then
    finds the header alone reads again (issue 21, fourteenth round). The bytes sent are the same."""

    wrote_header: bool  # waitress' own attributes, typed for mypy
    content_bytes_written: int

    def write(self, data):
        if self.wrote_header or not data or not self.complete or self.content_length != len(data) or not self.has_body:
            return super().write(data)
        header = self.build_response_header()
        self.wrote_header = True
        if self.chunked_response:  # not with a known length; as waitress would, should it ever be
            self.channel.write_soon(header)
            return super().write(data)
        self.content_bytes_written += len(data)
        self.channel.write_soon(header + data)
        return None


_serving = threading.local()  # ``channel``: the connection this request thread is serving (OneSendChannel.service)


class OneSendChannel(HTTPChannel):
    """waitress' connection, with ``OneSendTask``; and its loop woken and asked to write only when it must be.

    * waitress pulls its trigger (a byte down a pipe) once a request is served, so that its loop, which stopped polling
      the connection for requests while one was in service, polls it again: a second wake-up of the loop a message,
      each going through every connection. With ``channel_request_lookahead`` 1 (bot/cli.py ``waitress_options``) the
      loop keeps polling a connection for its next request while one is in service, and a served connection the
      loop's last pass polled for requests, with nothing left to write and not closing, needs no wake-up: its next
      request wakes the loop itself. Any other (a response not all sent, a connection to close, more requests queued,
      a pass that did not poll it) pulls the trigger as waitress does.
    * A request thread sends its response itself (``send_bytes`` 1), and ``send`` lets the GIL go: the loop, finding
      the bytes not sent yet, polled the connection for writing, was told at once that it could, failed to take the
      connection's lock and passed again, one to three useless passes a message. While a thread is inside
      ``_flush_some`` the loop leaves the connection's writing to it: what that thread cannot send, its caller hands
      to the loop with a pull of the trigger (waitress' ``write_soon``), or the end of its request does
      (``needs_the_loop``).

    Issue 21, fifteenth round: the loop's passes a message 2.7 -> 1.1 (``serve --workers 2``, the mixed texts)."""

    task_class = OneSendTask
    polled_for_requests = False  # what the loop's last pass found (readable()): it polls this connection for requests
    sending = False  # a thread is inside _flush_some: the bytes waiting are being sent

    def readable(self):
        # waitress' readable(), but bytes being sent by a request thread do not stop the reading (it stops while they
        # wait for the loop)
        self.polled_for_requests = readable = not (
            self.will_close
            or self.close_when_flushed
            or len(self.requests) > self.adj.channel_request_lookahead
            or (self.total_outbufs_len and not self.sending)
        )
        return readable

    def writable(self):
        return not self.sending and super().writable()

    def _flush_some(self, do_close=True):
        self.sending = True
        try:
            return super()._flush_some(do_close=do_close)
        finally:
            self.sending = False

    def service(self):
        _serving.channel = self
        try:
            super().service()
        finally:
            _serving.channel = None

    def needs_the_loop(self) -> bool:
        """Must the loop wake up for this connection? Asked by a request thread as it is through with a request."""
        return not (
            self.connected
            and self.polled_for_requests
            and not self.requests
            and not self.total_outbufs_len
            and not self.will_close
            and not self.close_when_flushed
        )


def _pulled_when_needed(pull: Callable[[], None]) -> Callable[[], None]:
    """A server's ``pull_trigger`` that a request thread serving a ``OneSendChannel`` skips when that connection does not
    need the loop (``needs_the_loop``); pulled as before from anywhere else."""

    def pull_trigger() -> None:
        channel = getattr(_serving, "channel", None)
        if channel is None or channel.needs_the_loop():
            pull()

    return pull_trigger


def one_send_a_response(server) -> None:
    """Every waitress server in ``server``'s map (one a listening socket) makes its connections ``OneSendChannel``s,
    and wakes its loop only when a connection needs it."""
    for dispatcher in list(server._map.values()):
        if isinstance(dispatcher, BaseWSGIServer):
            dispatcher.channel_class = OneSendChannel
            dispatcher.pull_trigger = _pulled_when_needed(dispatcher.pull_trigger)


def _drain(server) -> None:
    """Accept no more connections; close each connection once it has nothing in progress."""
    server.accepting = False
    deadline = time.monotonic() + DRAIN_SECONDS
    while server.active_channels and time.monotonic() < deadline:
        for channel in list(server.active_channels.values()):
            if channel.request is None and not channel.requests and not channel.total_outbufs_len:
                channel.will_close = True  # closed by the loop; a request arriving now is retried by WeChat
        poll_loop(timeout=0.05, map=server._map, use_poll=True, count=1)
    server.task_dispatcher.shutdown(timeout=2)
    close_all(server._map)


class Master:
    """Forks ``workers`` processes serving ``sock`` and keeps that many running until told to stop."""

    def __init__(
        self,
        sock: socket.socket,
        workers: int,
        make_worker: Callable[[int], Worker],
        before_fork,
        run_writer: Callable[[socket.socket, Callable[[], bool]], None] | None = None,
    ):
        self.sock = sock
        self.workers = workers
        self.make_worker = make_worker
        self.before_fork = before_fork  # closes what must not cross a fork (database connections)
        # the writer process's loop (bot/writer.py ``serve_writer``), given its listening socket and when to stop; None:
        # each worker has a writer thread of its own
        self.run_writer = run_writer
        self.writer_folder: str | None = None
        self.writer_listener: socket.socket | None = None
        self.pids: dict[int, int] = {}  # pid -> worker number (WRITER: the writer process)
        self.started: dict[int, float] = {}  # worker number -> when it was (re)started
        self.restart_at: dict[int, float] = {}  # worker number -> when to start it again
        self.pid = os.getpid()

    @property
    def writer_address(self) -> str | None:
        return None if self.writer_folder is None else os.path.join(self.writer_folder, "writer.sock")

    def _listen_for_writer(self) -> None:
        """The writer process's socket, held by the master so that a restarted writer takes the same one (connections
        made meanwhile wait in its backlog), in a folder only this user may enter."""
        clean_stale_writer_folders()
        self.writer_folder = tempfile.mkdtemp(prefix=WRITER_FOLDER_PREFIX)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(os.path.join(self.writer_folder, "writer.sock"))
        listener.listen(1024)
        self.writer_listener = listener

    def run(self) -> int:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS | {signal.SIGCHLD})
        self.before_fork()
        logs.write_directly()  # no thread may run in the master across a fork
        gc.freeze()  # what the master built stays shared with the workers (not copied on a collection)
        give_back_freed_memory()  # the pages the warm-up freed, not forked into every worker
        if self.run_writer is not None:
            self._listen_for_writer()
            self._spawn(WRITER)
        for number in range(self.workers):
            self._spawn(number)
        log.info("master %d: %d workers serving %s", os.getpid(), self.workers, self.sock.getsockname())
        try:
            while True:
                got = signal.sigtimedwait(_STOP_SIGNALS | {signal.SIGCHLD}, 0.5)
                self._reap()
                if got is not None and got.si_signo in _STOP_SIGNALS:
                    log.info("master %d: stopping (%s)", os.getpid(), signal.Signals(got.si_signo).name)
                    break
                now = time.monotonic()
                for number, when in list(self.restart_at.items()):
                    if when <= now:
                        del self.restart_at[number]
                        self._spawn(number)
        finally:
            self._stop_all()
        return 0

    def _spawn(self, number: int) -> None:
        if number == WRITER:
            return self._spawn_writer()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the master's code
            code = 1
            try:
                signal.pthread_sigmask(signal.SIG_SETMASK, set())
                if self.writer_listener is not None:  # the writer process applies this worker's messages
                    self.writer_listener.close()
                    writer.remote_address = self.writer_address
                else:  # the workers' writer threads share one write lock: its holder has the GIL back sooner after
                    # each statement (bot/writer.py)
                    writer.switch_interval_holding = writer.SWITCH_INTERVAL_HOLDING
                logs.write_in_background(worker=number)
                log.info("worker %d (pid %d) serving", number, os.getpid())
                serve_socket(self.sock, self.make_worker(number), master_pid=self.pid)
                code = 0
            except BaseException:  # noqa: BLE001 - said in the log; the master restarts this worker
                log.exception("worker %d failed", number)
            finally:
                logs.close()
                os._exit(code)
        self.pids[pid] = number
        self.started[number] = time.monotonic()

    def _spawn_writer(self) -> None:
        assert self.run_writer is not None and self.writer_listener is not None
        pid = os.fork()
        if pid == 0:  # the writer process: never returns into the master's code
            code = 1
            try:
                stopping: list[int] = []
                for sig in _STOP_SIGNALS:
                    signal.signal(sig, lambda signum, _frame: stopping.append(signum))
                signal.pthread_sigmask(signal.SIG_SETMASK, set())
                self.sock.close()  # it serves no HTTP
                logs.write_in_background(worker="writer")
                log.info("writer process (pid %d) applying the workers' messages", os.getpid())
                self.run_writer(self.writer_listener, lambda: bool(stopping) or os.getppid() != self.pid)
                code = 0
            except BaseException:  # noqa: BLE001 - said in the log; the master restarts it
                log.exception("the writer process failed")
            finally:
                logs.close()
                os._exit(code)
        self.pids[pid] = WRITER
        self.started[WRITER] = time.monotonic()

    def _reap(self) -> None:
        """Collect every worker that ended; schedule its restart."""
        while self.pids:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            number = self.pids.pop(pid, None)
            if number is None:
                continue
            lived = time.monotonic() - self.started[number]
            log.warning(
                "%s (pid %d) ended (%s) after %.1f s; starting it again",
                _name(number),
                pid,
                _describe(status),
                lived,
            )
            self.restart_at[number] = time.monotonic() + (RESTART_PAUSE_SECONDS if lived < RESTART_PAUSE_SECONDS else 0)

    def _stop_all(self) -> None:
        """The workers first (their requests in progress wait for the writer process), then the writer process."""
        self._stop({pid: number for pid, number in self.pids.items() if number != WRITER})
        self._stop(dict(self.pids))
        self.sock.close()
        if self.writer_listener is not None:
            self.writer_listener.close()
            with contextlib.suppress(OSError):
                os.unlink(self.writer_address or "")
            with contextlib.suppress(OSError):
                os.rmdir(self.writer_folder or "")

    def _stop(self, stopping: dict[int, int]) -> None:
        for pid in stopping:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while stopping and time.monotonic() < deadline:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                time.sleep(0.05)
                continue
            number = self.pids.pop(pid, None)
            stopping.pop(pid, None)
            if number is not None and status:
                log.warning("%s (pid %d) stopped: %s", _name(number), pid, _describe(status))
        for pid in stopping:  # still running past the deadline
            log.error("%s (pid %d) did not stop in %.0f s: killed", _name(self.pids.get(pid, -2)), pid, STOP_SECONDS)
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            self.pids.pop(pid, None)


WRITER = -1  # the writer process's number among the master's children
WRITER_FOLDER_PREFIX = "lvmei-writer-"
EMPTY_FOLDER_SECONDS = 60.0  # a writer's folder with no socket in it is a master's that died making it, after this


def clean_stale_writer_folders(parent: str | None = None) -> list[str]:
    """Remove the writer folders (``lvmei-writer-*`` in the temp folder, this user's) that no master holds any more: a
    SIGKILLed master cannot remove its own. A folder is stale when its socket refuses a connection (nothing listens:
    its master is gone, and with it the workers and the writer process) or, without a socket, once it is a minute old.
    A live master's socket accepts (its writer process reads the connection's end and forgets it). Returns what was
    removed; never raises."""
    parent = parent or tempfile.gettempdir()
    removed: list[str] = []
    try:
        names = os.listdir(parent)
    except OSError:
        return removed
    for name in names:
        if not name.startswith(WRITER_FOLDER_PREFIX):
            continue
        folder = os.path.join(parent, name)
        try:
            info = os.lstat(folder)
            if not os.path.isdir(folder) or os.path.islink(folder) or info.st_uid != os.getuid():
                continue
            path = os.path.join(folder, "writer.sock")
            if os.path.lexists(path):
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                    probe.settimeout(1.0)
                    try:
                        probe.connect(path)
                        continue  # a master holds it
                    except (ConnectionRefusedError, FileNotFoundError):
                        pass
                os.unlink(path)
            elif time.time() - info.st_mtime < EMPTY_FOLDER_SECONDS:
                continue  # perhaps a master making it now
            os.rmdir(folder)
            removed.append(folder)
        except OSError:  # not ours to judge (another user's, busy, or gone meanwhile)
            continue
    if removed:
        log.info("removed %d writer folder(s) left by masters that were killed: %s", len(removed), ", ".join(removed))
    return removed


def _name(number: int) -> str:
    return "the writer process" if number == WRITER else f"worker {number}"


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _describe(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"signal {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit {os.waitstatus_to_exitcode(status)}"
