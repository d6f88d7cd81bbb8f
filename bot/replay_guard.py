"""Replay guard for plaintext pushes.

In plaintext mode (and for plaintext let through by ``wechat.accept_plaintext``) WeChat's ``signature``
covers only the token, timestamp and nonce, not the body: whoever sees one signed query string could
post it with any body while its timestamp is fresh (``server.signature_max_age_seconds``). So each
``(timestamp, nonce)`` pair is kept in the database (shared by every process) with its body's digest:
the same pair with another body is a replay (the webhook answers 403); the same pair with the same
body is WeChat's retry, answered by the dedupe as any retry. Encrypted pushes need none of this:
``msg_signature`` covers the body.

The check is one statement for a whole group of the writer thread's (bot/writer.py ``begin``), inside its
transaction, so it costs no transaction of its own; pairs older than the window are dropped at most once a minute
per process.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from bot.store import replay_guard as store

PRUNE_EVERY_SECONDS = 60


@dataclass(frozen=True)
class Seen:
    """What identifies one plaintext push: its signed timestamp and nonce, and its body's digest."""

    timestamp: int
    nonce: str
    digest: str

    @classmethod
    def of(cls, timestamp: str, nonce: str, body: bytes) -> Seen:
        return cls(int(timestamp), nonce, hashlib.sha256(body).hexdigest())


class ReplayGuard:
    def __init__(self, max_age_seconds: int):
        self.max_age_seconds = max_age_seconds
        self._pruned_at: float | None = None
        self._lock = threading.Lock()

    def admits(self, db, seen: list[Seen], now: float) -> list[bool]:
        """Inside the open transaction: for each push, False when its pair was seen with another body (a replay),
        earlier or earlier in ``seen`` (the first body a pair comes with is the one it may carry)."""
        with self._lock:
            prune = self._pruned_at is None or abs(now - self._pruned_at) >= PRUNE_EVERY_SECONDS
            if prune:
                self._pruned_at = now
        if prune:
            store.forget_before(db, int(now) - self.max_age_seconds)
        kept = store.remember(db, [(one.timestamp, one.nonce, one.digest) for one in seen])
        return [kept[(one.timestamp, one.nonce)] == one.digest for one in seen]
