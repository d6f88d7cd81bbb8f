"""One-time invite codes (``invite``) and the failed proofs of 登记 (wrong codes, wrong phone digits), for the
limits of bot/proofs.py. A code is kept only as its hash."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("proofs")


@migrations()
def m001_invites_and_failures(db: Database) -> None:
    # One code per roster person: a new invite replaces the old one. code_hash: SHA-256 of the code (the code
    # itself is printed once and never kept); used_by: the openid that used it.
    db.table("invite_codes").create(
        {
            "person_id": int,
            "code_hash": str,
            "created_by": str,
            "created_at": str,
            "expires_at": str,
            "used_at": str,
            "used_by": str,
        },
        pk="person_id",
        not_null={"code_hash", "created_at", "expires_at"},
        foreign_keys=[("person_id", "people", "id")],
    )
    db.table("invite_codes").create_index(["code_hash"])
    # kind: code | phone; person_id: the roster person the try was about, when known.
    db.table("proof_failures").create(
        {"id": int, "openid": str, "person_id": int, "kind": str, "at": str},
        pk="id",
        not_null={"openid", "kind", "at"},
    )
    db.table("proof_failures").create_index(["openid", "kind", "at"])
    db.table("proof_failures").create_index(["person_id", "kind", "at"])


# -- codes -------------------------------------------------------------------------------------------
def put_code(db: Database, person_id: int, code_hash: str, created_by: str, now: str, expires_at: str) -> None:
    """Create or renew this person's code (the old one stops working)."""
    db.execute(
        "INSERT INTO invite_codes (person_id, code_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT(person_id) DO UPDATE SET code_hash = excluded.code_hash, created_by = excluded.created_by,"
        " created_at = excluded.created_at, expires_at = excluded.expires_at, used_at = NULL, used_by = NULL",
        [person_id, code_hash, created_by, now, expires_at],
    )


def live_code_taken(db: Database, code_hash: str, now: str) -> bool:
    """Does an unused, unexpired code have this hash (a new code must not share it)?"""
    return (
        one(
            db,
            "SELECT 1 AS x FROM invite_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
            [code_hash, now],
        )
        is not None
    )


def codes_with_hash(db: Database, code_hash: str) -> list[dict]:
    """Every code with this hash, live ones (unused, latest expiry) first."""
    return list(
        db.query(
            "SELECT * FROM invite_codes WHERE code_hash = ? ORDER BY used_at IS NOT NULL, expires_at DESC", [code_hash]
        )
    )


def mark_used(db: Database, person_id: int, openid: str, now: str) -> bool:
    """Use the code once: False if it was used already."""
    return (
        db.execute(
            "UPDATE invite_codes SET used_at = ?, used_by = ? WHERE person_id = ? AND used_at IS NULL",
            [now, openid, person_id],
        ).rowcount
        == 1
    )


def people_with_codes(db: Database, roles) -> list[dict]:
    """For the 名册 page: the people holding these roles, their village, binding and code (when made, until
    when, used when), by village and name."""
    marks = ", ".join("?" for _ in roles)
    return list(
        db.query(
            "SELECT p.id, p.name, p.role, p.openid IS NOT NULL AS bound, p.bound_via, v.name AS village,"
            " c.created_at AS code_created_at, c.expires_at AS code_expires_at, c.used_at AS code_used_at"
            " FROM people p LEFT JOIN villages v ON v.id = p.village_id LEFT JOIN invite_codes c ON c.person_id = p.id"
            f" WHERE p.role IN ({marks}) AND COALESCE(p.source, 'roster') != 'self' ORDER BY v.name, p.name",
            list(roles),
        )
    )


# -- failures ----------------------------------------------------------------------------------------
def record_failure(db: Database, openid: str, person_id: int | None, kind: str, now: str) -> None:
    db.execute(
        "INSERT INTO proof_failures (openid, person_id, kind, at) VALUES (?, ?, ?, ?)", [openid, person_id, kind, now]
    )


def failures_since(
    db: Database, kind: str, since: str, *, openid: str | None = None, person_id: int | None = None
) -> int:
    """Failures of this kind since ``since`` by this WeChat user, or about this roster person."""
    column, value = ("openid", openid) if openid is not None else ("person_id", person_id)
    return db.execute(
        f"SELECT COUNT(*) FROM proof_failures WHERE {column} = ? AND kind = ? AND at >= ?",
        [value, kind, since],
    ).fetchone()[0]


def forget_failures_before(db: Database, before: str) -> None:
    db.execute("DELETE FROM proof_failures WHERE at < ?", [before])
