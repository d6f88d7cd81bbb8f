"""Logging set-up: one line per message, openids hashed, files rotated."""
from __future__ import annotations

import atexit
import hashlib
import logging
import logging.handlers
import queue
import re
from pathlib import Path

# Query parameters that carry secrets in WeChat API URLs (the token fetch sends the app secret;
# every call sends the access token). urllib3 logs URLs at DEBUG and exceptions may quote them.
_SECRET_PARAMS = re.compile(r"((?:app)?secret|access_token|password)=[^&\s\"'<>]+", re.IGNORECASE)


def redact(text: str) -> str:
    return _SECRET_PARAMS.sub(r"\1=***", text)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then blanks secret query parameters (tracebacks included)."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def hash_openid(openid: str | None) -> str:
    if not openid:
        return "-"
    return hashlib.sha256(openid.encode()).hexdigest()[:12]


def setup(log_file: Path | None = None, level: str = "INFO") -> None:
    """Log to stderr (and a rotating file). Request threads only put records on a queue; one
    listener thread formats and writes them, so no request waits on the log's lock or disk."""
    root = logging.getLogger()
    if getattr(root, "_lvmei_configured", False):
        return
    root.setLevel(level)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.handlers.RotatingFileHandler(log_file, maxBytes=10_000_000, backupCount=5,
                                                             encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(fmt)
    records: queue.SimpleQueue = queue.SimpleQueue()
    listener = logging.handlers.QueueListener(records, *handlers, respect_handler_level=True)
    listener.start()
    atexit.register(listener.stop)  # flush what is queued when the process ends
    root.addHandler(logging.handlers.QueueHandler(records))
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # not a line per job run
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" per queued request
    root._lvmei_configured = True  # type: ignore[attr-defined]
