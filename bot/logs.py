"""Logging set-up: one line per message, openids hashed, files rotated."""
from __future__ import annotations

import hashlib
import logging
import logging.handlers
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
    root = logging.getLogger()
    if getattr(root, "_lvmei_configured", False):
        return
    root.setLevel(level)
    fmt = RedactingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    stream = logging.StreamHandler()
    stream.setFormatter(fmt)
    root.addHandler(stream)
    if log_file:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        rotating = logging.handlers.RotatingFileHandler(log_file, maxBytes=10_000_000, backupCount=5,
                                                        encoding="utf-8")
        rotating.setFormatter(fmt)
        root.addHandler(rotating)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # not a line per job run
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" per queued request
    root._lvmei_configured = True  # type: ignore[attr-defined]
