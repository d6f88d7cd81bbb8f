"""Named leases, so that exactly one process runs the scheduled jobs."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("leases")


@migrations()
def m001_leases(db: Database) -> None:
    db.table("leases").create({"name": str, "holder": str, "expires_at": str}, pk="name")


def acquire(db: Database, name: str, holder: str, now: str, expires_at: str) -> bool:
    """Take or renew the lease; True when ``holder`` holds it afterwards."""
    db.execute(
        "INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE"
        " SET holder = excluded.holder, expires_at = excluded.expires_at"
        " WHERE leases.holder = excluded.holder OR leases.expires_at <= ?",
        [name, holder, expires_at, now],
    )
    return next(db.query("SELECT holder FROM leases WHERE name = ?", [name]))["holder"] == holder


def release(db: Database, name: str, holder: str) -> None:
    db.execute("DELETE FROM leases WHERE name = ? AND holder = ?", [name, holder])
