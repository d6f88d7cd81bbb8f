"""The (timestamp, nonce) pairs of plaintext pushes seen within the signature window, with their body's
digest: one seen query string cannot carry another body (bot/replay_guard.py)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import json_text

migrations = Migrations("replay_guard")


@migrations()
def m001_replay_guard(db: Database) -> None:
    # timestamp: the push's signed timestamp (Unix seconds); digest: SHA-256 of its body, hex.
    db.execute(
        "CREATE TABLE replay_guard (timestamp INTEGER NOT NULL, nonce TEXT NOT NULL, digest TEXT NOT NULL,"
        " PRIMARY KEY (timestamp, nonce)) WITHOUT ROWID"
    )


def remember(db: Database, pairs: list[tuple[int, str, str]]) -> dict[tuple[int, str], str]:
    """Keep each (timestamp, nonce, digest) unless its pair is already kept (earlier, or earlier in ``pairs``); the
    digest kept for each pair. One statement for all of them (a group of the writer thread's), and one statement
    text for any number of them (the pairs as one JSON parameter): the connection keeps it prepared."""
    if not pairs:
        return {}
    rows = db.conn.execute(
        "INSERT INTO replay_guard (timestamp, nonce, digest)"
        " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')"
        " FROM json_each(?) WHERE true"  # an upsert's SELECT needs its WHERE (SQLite's parser)
        " ON CONFLICT (timestamp, nonce) DO UPDATE SET timestamp = timestamp RETURNING timestamp, nonce, digest",
        [json_text(pairs)],
    ).fetchall()
    return {(timestamp, nonce): digest for timestamp, nonce, digest in rows}


def forget_before(db: Database, timestamp: int) -> None:
    db.conn.execute("DELETE FROM replay_guard WHERE timestamp < ?", [timestamp])
