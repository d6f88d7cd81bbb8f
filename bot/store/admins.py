"""Dashboard logins (hashed passwords; roles admin and adviser) and their sessions."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("admins")


@migrations()
def m001_admins(db: Database) -> None:
    db.table("admins").create(
        {
            "id": int,
            "username": str,
            "password_hash": str,
            "role": str,
            "person_id": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"username", "password_hash", "role"},
        defaults={"role": "admin"},
    )
    db.table("admins").create_index(["username"], unique=True)


@migrations()
def m002_admin_sessions(db: Database) -> None:
    # id: SHA-256 of the random token in the session cookie (the token itself is not kept);
    # seen_at: the session's last request (refreshed at most once a minute).
    db.table("admin_sessions").create(
        {"id": str, "admin_id": int, "created_at": str, "seen_at": str},
        pk="id",
        not_null={"admin_id", "created_at", "seen_at"},
        foreign_keys=[("admin_id", "admins", "id")],
    )
    db.table("admin_sessions").create_index(["seen_at"])


@migrations()
def m003_display_name_and_title(db: Database) -> None:
    """How answers from this login are signed for villagers: ``title display_name`` (县林业站 王工)."""
    db.table("admins").add_column("display_name", str)
    db.table("admins").add_column("title", str)


@migrations()
def m004_person_index(db: Database) -> None:
    """``by_person`` (an adviser's answer is signed with their login) searches, not scans."""
    db.table("admins").create_index(["person_id"], if_not_exists=True)


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
    db.execute(
        "UPDATE admins SET display_name = COALESCE(?, display_name), title = COALESCE(?, title) WHERE username = ?",
        [display_name, title, username],
    )


def by_person(db: Database, person_id: int) -> dict | None:
    """The dashboard login acting as this roster person (the first, if several)."""
    return one(db, "SELECT * FROM admins WHERE person_id = ? ORDER BY id LIMIT 1", [person_id])


# -- sessions ----------------------------------------------------------------------------------------
def open_session(db: Database, session_id: str, admin_id: int, now: str) -> None:
    db.execute(
        "INSERT INTO admin_sessions (id, admin_id, created_at, seen_at) VALUES (?, ?, ?, ?)",
        [session_id, admin_id, now, now],
    )


def live_session(db: Database, session_id: str, seen_since: str) -> dict | None:
    return one(db, "SELECT * FROM admin_sessions WHERE id = ? AND seen_at >= ?", [session_id, seen_since])


def touch_session(db: Database, session_id: str, now: str) -> None:
    db.execute("UPDATE admin_sessions SET seen_at = ? WHERE id = ?", [now, session_id])


def end_session(db: Database, session_id: str) -> None:
    db.execute("DELETE FROM admin_sessions WHERE id = ?", [session_id])


def end_sessions_unseen_since(db: Database, before: str) -> None:
    db.execute("DELETE FROM admin_sessions WHERE seen_at < ?", [before])
