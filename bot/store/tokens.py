"""The WeChat access token, and the secrets made once (session key, spot-check key), kept in the database so that
every process shares one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("tokens")


@migrations()
def m001_tokens(db: Database) -> None:
    db.table("tokens").create({"name": str, "value": str, "expires_at": str, "fetched_at": str}, pk="name")
    db.table("token_fetches").create({"id": int, "at": str}, pk="id")  # every fetch attempt, to bound them
    db.table("token_fetches").create_index(["at"])


@migrations()
def m002_fetches_per_token(db: Database) -> None:
    """Each token (account and API host) has its own fetch budget: the simulator's stand-in is not the
    real account."""
    db.table("token_fetches").add_column("name", str)
    db.table("token_fetches").create_index(["name", "at"])


def get(db: Database, name: str) -> dict | None:
    return one(db, "SELECT * FROM tokens WHERE name = ?", [name])


def put(db: Database, name: str, value: str, expires_at: str, now: str) -> None:
    db.execute(
        "INSERT INTO tokens (name, value, expires_at, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE"
        " SET value = excluded.value, expires_at = excluded.expires_at, fetched_at = excluded.fetched_at",
        [name, value, expires_at, now],
    )


def get_or_put(db: Database, name: str, make, now: str) -> str:
    """The value kept under ``name``, made with ``make()`` and kept (never expiring) the first time.
    Call inside a transaction."""
    row = get(db, name)
    if row:
        return row["value"]
    value = make()
    put(db, name, value, "9999-12-31T00:00:00", now)
    return value


def invalidate(db: Database, name: str, value: str) -> None:
    """Forget the token, but only if it is still the one that failed (another process may have renewed it)."""
    db.execute("DELETE FROM tokens WHERE name = ? AND value = ?", [name, value])


def log_fetch(db: Database, now: str, name: str) -> None:
    db.execute("INSERT INTO token_fetches (at, name) VALUES (?, ?)", [now, name])


def fetches_since(db: Database, since: str, name: str) -> int:
    """Fetches of this token since ``since`` (a fetch logged before fetches were named counts for every token)."""
    return next(
        db.query("SELECT COUNT(*) AS n FROM token_fetches WHERE at >= ? AND (name = ? OR name IS NULL)", [since, name])
    )["n"]
