"""The (timestamp, nonce) pairs of plaintext pushes seen within the signature window, with their body's
digest: one seen query string cannot carry another body (bot/replay_guard.py)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("replay_guard")


@migrations()
def m001_replay_guard(db: Database) -> None:
    # timestamp: the push's signed timestamp (Unix seconds); digest: SHA-256 of its body, hex.
    db.execute(
        "CREATE TABLE replay_guard (timestamp INTEGER NOT NULL, nonce TEXT NOT NULL, digest TEXT NOT NULL,"
        " PRIMARY KEY (timestamp, nonce)) WITHOUT ROWID"
    )


def remember(db: Database, timestamp: int, nonce: str, digest: str) -> str:
    """Keep the pair with this digest unless it is already kept; the digest kept for the pair (one statement)."""
    return db.conn.execute(
        "INSERT INTO replay_guard (timestamp, nonce, digest) VALUES (?, ?, ?)"
        " ON CONFLICT (timestamp, nonce) DO UPDATE SET timestamp = timestamp RETURNING digest",
        [timestamp, nonce, digest],
    ).fetchone()[0]


def forget_before(db: Database, timestamp: int) -> None:
    db.conn.execute("DELETE FROM replay_guard WHERE timestamp < ?", [timestamp])
