"""Logging set-up: one line per message, openids hashed, files rotated."""
from __future__ import annotations

import hashlib
import logging
import logging.handlers
from pathlib import Path


def hash_openid(openid: str | None) -> str:
    if not openid:
        return "-"
    return hashlib.sha256(openid.encode()).hexdigest()[:12]


def setup(log_file: Path | None = None, level: str = "INFO") -> None:
    root = logging.getLogger()
    if getattr(root, "_lvmei_configured", False):
        return
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
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
    root._lvmei_configured = True  # type: ignore[attr-defined]
