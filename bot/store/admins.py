"""Dashboard logins (hashed passwords; roles admin and adviser)."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("admins")


@migrations()
def m001_admins(db: Database) -> None:
    db["admins"].create(
        {"id": int, "username": str, "password_hash": str, "role": str, "person_id": int,
         "created_at": str, "updated_at": str},
        pk="id", not_null={"username", "password_hash", "role"}, defaults={"role": "admin"},
    )
    db["admins"].create_index(["username"], unique=True)


@migrations()
def m002_display_name_and_title(db: Database) -> None:
    """How answers from this login are signed for villagers: ``title display_name`` (县林业站 王工)."""
    db["admins"].add_column("display_name", str)
    db["admins"].add_column("title", str)


def upsert(db: Database, username: str, password_hash: str, role: str, now: str) -> None:
    db.execute(
        "INSERT INTO admins (username, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(username) DO UPDATE SET password_hash = excluded.password_hash, role = excluded.role,"
        " updated_at = excluded.updated_at",
        [username, password_hash, role, now, now],
    )


def by_username(db: Database, username: str) -> dict | None:
    return one(db, "SELECT * FROM admins WHERE username = ?", [username])


def link_person(db: Database, username: str, person_id: int | None) -> None:
    """The roster person an adviser login acts as (None: none)."""
    db.execute("UPDATE admins SET person_id = ? WHERE username = ?", [person_id, username])


def set_signature(db: Database, username: str, display_name: str | None, title: str | None) -> None:
    """The display name and role title answers are signed with; None keeps the stored value."""
    db.execute("UPDATE admins SET display_name = COALESCE(?, display_name), title = COALESCE(?, title)"
               " WHERE username = ?", [display_name, title, username])


def by_person(db: Database, person_id: int) -> dict | None:
    """The dashboard login acting as this roster person (the first, if several)."""
    return one(db, "SELECT * FROM admins WHERE person_id = ? ORDER BY id LIMIT 1", [person_id])
