"""``/healthz``: can this process write to the database, and how is the outbox doing?

The probe writes this process's heartbeat row in a transaction of its own, waiting at most
``PROBE_WAIT_SECONDS`` for the write lock: if that fails (the disk, a read-only file, another process
holding the database), WeChat's pushes would fail too, so a load balancer or monitor gets 503.
"""

from __future__ import annotations

import logging
import os
import socket
import sqlite3

from flask import jsonify

from bot import clock
from bot.db import transaction_within
from bot.store import health as store
from bot.store import outbox as outbox_store

log = logging.getLogger(__name__)

PROBE_WAIT_SECONDS = 1.0  # a group commit takes milliseconds; a push waits no longer than this either


def write_problem(app) -> str | None:
    """None when a write commits; else what went wrong."""
    db = app.db
    try:
        with transaction_within(db, PROBE_WAIT_SECONDS):
            store.beat(db, f"{socket.gethostname()}:{os.getpid()}", clock.to_db(app.clock()))
    except (sqlite3.Error, TimeoutError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def report(app):
    """The /healthz response: 200 with the outbox by status and the answering process (``serve --workers``), or 503 when the database takes no writes."""
    problem = write_problem(app)
    if problem is not None:
        log.error("healthz: the database cannot be written (%s)", problem)
        return jsonify(ok=False, database=f"not writable: {problem}"), 503
    return jsonify(ok=True, outbox=outbox_store.count_by_status(app.db), pid=os.getpid())
