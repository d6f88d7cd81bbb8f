"""Logging set-up: one line per message, openids hashed, secrets blanked, files rotated.

Records are written by one background thread (``BackgroundHandler``): a request thread only
formats its line and queues it. Writing from every request thread made them queue on the
handler's lock while the holder waited on the write and then on the GIL; with the per-message
line that halved the webhook's throughput under 32 concurrent clients (bench/webhook.py).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import logging.handlers
import queue
import re
import sys
import time
from pathlib import Path
from typing import TypeGuard

# Query parameters that carry secrets in WeChat API URLs (the token fetch sends the app secret;
# every call sends the access token). urllib3 logs URLs at DEBUG and exceptions may quote them.
_SECRET_PARAMS = re.compile(r"((?:app)?secret|access_token|password)=[^&\s\"'<>]+", re.IGNORECASE)


_SECRET_WORDS = ("secret", "access_token", "password")  # one of them is in every match (casefold covers re.I)


def redact(text: str) -> str:
    folded = text.casefold()  # a plain search first: the regex scanned every line (~1.5 % of a message's GIL time)
    if not any(word in folded for word in _SECRET_WORDS):
        return text
    return _SECRET_PARAMS.sub(r"\1=***", text)


LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"  # every line the bot writes


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks secret query parameters (tracebacks included).

    With ``LINE_FORMAT`` a line without a traceback is put together directly, and its time's seconds are formatted
    once a second: the same text as ``logging.Formatter``'s (tests/unit/test_logs_format.py), in about half its time
    (~13 → ~7 µs a line in the log thread, one line a message: issue 21, fourteenth round)."""

    def __init__(self, fmt: str = LINE_FORMAT) -> None:
        super().__init__(fmt)
        self._direct = fmt == LINE_FORMAT
        self._second: tuple[int, str] = (-1, "")  # (second, its text): one tuple, so a thread sees both or neither

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        msec_format = self.default_msec_format
        if datefmt is not None or msec_format is None or self.converter is not time.localtime:
            return super().formatTime(record, datefmt)
        second = int(record.created)
        kept_second, text = self._second
        if second != kept_second:
            text = time.strftime(self.default_time_format, time.localtime(record.created))
            self._second = (second, text)
        return msec_format % (text, record.msecs)

    def format(self, record: logging.LogRecord) -> str:
        if not self._direct or record.exc_info or record.exc_text or record.stack_info:
            return redact(super().format(record))
        record.message = record.getMessage()
        record.asctime = self.formatTime(record)
        return redact(f"{record.asctime} {record.levelname} {record.name} {record.message}")


class _BatchingListener(logging.handlers.QueueListener):
    """Wakes once per batch of lines rather than once per line: when the queue is empty it waits a
    moment before blocking on it, so lines logged meanwhile are written together. Lines for a stream
    handler (stderr) are written in one write per batch (at most ``batch_lines``), not one per line: each
    write let another thread take the GIL, and the writer thread waits for it at every statement."""

    pause_seconds = 0.05
    batch_lines = 256
    queue: queue.SimpleQueue  # what _Handler gives it (QueueListener types it loosely)

    def __init__(self, q, *handlers, respect_handler_level: bool = False):
        super().__init__(q, *handlers, respect_handler_level=respect_handler_level)
        self.batch: list[logging.LogRecord] = []

    def dequeue(self, block: bool):
        if self.queue.empty():
            self.write_batch()
            time.sleep(self.pause_seconds)
        return self.queue.get(block)

    def handle(self, record: logging.LogRecord) -> None:
        """A stream handler's lines wait for the batch; any other handler (a rotating file) writes at once."""
        record = self.prepare(record)
        self.batch.append(record)
        for handler in self.handlers:
            if not _console(handler) and (not self.respect_handler_level or record.levelno >= handler.level):
                handler.handle(record)
        if len(self.batch) >= self.batch_lines:
            self.write_batch()

    def write_batch(self) -> None:
        batch, self.batch = self.batch, []
        if not batch:
            return
        for handler in self.handlers:
            if _console(handler):
                _write_lines(
                    handler, [r for r in batch if not self.respect_handler_level or r.levelno >= handler.level]
                )

    def _monitor(self) -> None:
        try:
            super()._monitor()  # type: ignore[misc]  # typeshed leaves it out
        finally:  # stopped (the sentinel): what is left of the batch
            self.write_batch()


def _console(handler: logging.Handler) -> TypeGuard[logging.StreamHandler]:
    """A stream handler writing to a console (stderr), whose lines wait for the batch; not a file's."""
    return isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)


def _write_lines(handler: logging.StreamHandler, records: list[logging.LogRecord]) -> None:
    """What ``handler.handle`` does for each record (filters, the lock, format, handleError), with one write and
    one flush for them all."""
    lines = []
    for record in records:
        if not handler.filter(record):
            continue
        try:
            lines.append(handler.format(record) + handler.terminator)
        except Exception:  # noqa: BLE001 - as logging does: said on stderr, the other lines still written
            handler.handleError(record)
    if not lines:
        return
    with handler.lock or contextlib.nullcontext():
        try:
            handler.stream.write("".join(lines))
            handler.flush()
        except Exception:  # noqa: BLE001 - as StreamHandler.emit
            handler.handleError(records[-1])


class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a line is written, not when logging was set up (a test runner or a
    daemon may swap it; the stream bound at set-up would then be closed)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class BackgroundHandler(logging.handlers.QueueHandler):
    """Queues records for ``handlers``, which one listener thread writes. ``flush`` waits for the
    queue to be written; ``close`` (called by ``logging.shutdown`` at exit) writes the rest."""

    def __init__(self, handlers: list[logging.Handler]):
        super().__init__(queue.SimpleQueue())
        self.handlers = handlers
        self.listener = _BatchingListener(self.queue, *handlers, respect_handler_level=True)
        self.listener.start()
        self.listening = True

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """Merge the arguments now (they may change later); the listener's handlers do the formatting
        (QueueHandler's own prepare formats and copies every record once more, for other processes)."""
        record.msg, record.args = record.getMessage(), None
        return record

    def flush(self) -> None:
        if self.listening:  # stop() writes what is queued; then listen again
            self.listener.stop()
            self.listener.start()

    def close_listener(self) -> None:
        """Write what is queued and stop the thread; the handlers stay open."""
        if self.listening:
            self.listening = False
            self.listener.stop()

    def close(self) -> None:
        self.close_listener()
        for handler in self.handlers:
            handler.close()
        super().close()


_log_file: Path | None = None  # logging.file, as setup() was given it


def _handlers(log_file: Path | None) -> list[logging.Handler]:
    fmt = RedactingFormatter(LINE_FORMAT)
    stream = StderrHandler()
    stream.setFormatter(fmt)
    handlers: list[logging.Handler] = [stream]
    if log_file:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(log_file, maxBytes=10_000_000, backupCount=5, encoding="utf-8")
        rotating.setFormatter(fmt)
        handlers.append(rotating)
    return handlers


def write_directly() -> None:
    """Records are written by the thread that logs them (a pre-fork master: no thread of its may run
    across a fork, bot/serving.py)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, BackgroundHandler):
            handler.close_listener()
            root.removeHandler(handler)
            for inner in handler.handlers:
                root.addHandler(inner)


def write_in_background(worker: int | str) -> None:
    """In a forked worker: a background thread of its own writes its records again, the log file (if
    any) its own ``<name>.w<worker><suffix>``, since a rotating file cannot be shared by processes."""
    root = logging.getLogger()
    if not getattr(root, "_lvmei_configured", False):
        return
    for handler in list(root.handlers):
        if isinstance(handler, (logging.StreamHandler, BackgroundHandler)):
            root.removeHandler(handler)  # the master's: its file stays the master's
    own = _log_file.with_name(f"{_log_file.stem}.w{worker}{_log_file.suffix}") if _log_file else None
    root.addHandler(BackgroundHandler(_handlers(own)))


def close() -> None:
    """Write what is queued and close the handlers (a worker about to ``os._exit``)."""
    logging.shutdown()


@functools.lru_cache(maxsize=8192)  # once per follower, not once per message and log line
def hash_openid(openid: str | None) -> str:
    if not openid:
        return "-"
    return hashlib.sha256(openid.encode()).hexdigest()[:12]


def setup(log_file: Path | None = None, level: str = "INFO") -> None:
    root = logging.getLogger()
    if getattr(root, "_lvmei_configured", False):
        return
    global _log_file
    _log_file = log_file
    root.setLevel(level)
    # The format uses none of these; skipping them saves every log call a stack walk and lookups
    # (the logging HOWTO's "Optimization" section).
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False
    root.addHandler(BackgroundHandler(_handlers(log_file)))
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # not a line per job run
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" per queued request
    root._lvmei_configured = True  # type: ignore[attr-defined]
