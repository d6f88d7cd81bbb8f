"""One heartbeat row per process: /healthz writes it to prove the database takes writes (bot/health.py)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("health")


@migrations()
def m001_heartbeat(db: Database) -> None:
    db.table("heartbeat").create({"holder": str, "at": str}, pk="holder", not_null={"at"})


def beat(db: Database, holder: str, now: str) -> None:
    db.execute(
        "INSERT INTO heartbeat (holder, at) VALUES (?, ?) ON CONFLICT(holder) DO UPDATE SET at = excluded.at",
        [holder, now],
    )
