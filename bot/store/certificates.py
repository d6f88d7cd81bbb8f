"""Certificates: one row per certificate issued (a person's 植绿尽责证书, or an award's 荣誉证书), the planting
records behind each, and how far the job has looked at changed records."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one

migrations = Migrations("certificates")

QUOTA, AWARD = "quota", "award"

EXPORT_SQL = {
    "certificates": "SELECT c.id, c.serial, c.kind, c.name, c.village, c.title, c.period, c.trees, c.species, c.year,"
    " c.issued_at, c.revoked_at, c.revoked_reason, c.award_id, c.collective_trees FROM certificates c ORDER BY c.id",
}


@migrations()
def m001_certificates(db: Database) -> None:
    db.table("certificates").create(
        {
            "id": int,
            "kind": str,  # quota (a person's verified trees reached their role's quota) | award
            "person_id": int,  # the holder (None: a village's collective award)
            "village_id": int,
            "award_id": int,  # kind award: the award decision (bot/store/awards.py)
            "serial": str,  # short and printed: LM27-00012
            "token": str,  # /cert/<token>: 192 random bits, never the serial
            "name": str,
            "village": str,  # as printed (the holder's name, the village's name)
            "title": str,  # kind award: 最美植绿人 …; kind quota: None
            "period": str,  # kind award: when it was awarded, as printed (2027年6月)
            "trees": int,
            "species": str,  # kind quota: verified trees and their species when issued
            "year": int,  # campaign.year
            "image": str,  # the PNG's path (None: no CJK font when issued; made again on demand)
            "issued_at": str,
            "sent_at": str,  # queued to its holders (the job draws the picture first, outside a transaction)
            "revoked_at": str,
            "revoked_reason": str,  # an award withdrawn (a quota certificate's records are
            # checked live: bot.certificates.is_genuine)
        },
        pk="id",
        not_null={"kind", "token", "name", "year", "issued_at"},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("certificates").create_index(["token"], unique=True)
    db.table("certificates").create_index(["serial"], unique=True)
    db.table("certificates").create_index(["person_id", "kind"])
    db.table("certificates").create_index(["award_id"])
    db.table("certificate_records").create(
        {"certificate_id": int, "planting_id": int},
        pk=("certificate_id", "planting_id"),
        foreign_keys=[("certificate_id", "certificates", "id"), ("planting_id", "plantings", "id")],
    )
    db.table("certificate_checks").create({"name": str, "checked_until": str}, pk="name")


@migrations()
def m002_collective_trees(db: Database) -> None:
    """``collective_trees``: of a quota certificate's verified trees, those logged at a collective site (党建林, 主题林,
    示范点: planted by many, logged by one); ``trees`` holds the holder's own since. Earlier certificates keep 0."""
    db.table("certificates").add_column("collective_trees", int, not_null_default=0)


def add(
    db: Database,
    *,
    kind: str,
    person_id: int | None,
    village_id: int | None,
    award_id: int | None,
    token: str,
    name: str,
    village: str,
    title: str | None,
    period: str | None,
    trees: int | None,
    species: str | None,
    year: int,
    serial_prefix: str,
    planting_ids: list[int],
    now: str,
    collective_trees: int = 0,
) -> int:
    """A new certificate (its serial: the prefix and its id) with the records behind it; its id."""
    cursor = db.execute(
        "INSERT INTO certificates (kind, person_id, village_id, award_id, token, name, village, title, period, trees,"
        " collective_trees, species, year, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            kind,
            person_id,
            village_id,
            award_id,
            token,
            name,
            village,
            title,
            period,
            trees,
            collective_trees,
            species,
            year,
            now,
        ],
    )
    certificate_id = new_id(cursor)
    db.execute(
        "UPDATE certificates SET serial = ? WHERE id = ?", [f"{serial_prefix}{certificate_id:05d}", certificate_id]
    )
    for planting_id in planting_ids:
        db.execute(
            "INSERT INTO certificate_records (certificate_id, planting_id) VALUES (?, ?)", [certificate_id, planting_id]
        )
    return certificate_id


def get(db: Database, certificate_id: int) -> dict | None:
    return one(db, "SELECT * FROM certificates WHERE id = ?", [certificate_id])


def by_token(db: Database, token: str) -> dict | None:
    return one(db, "SELECT * FROM certificates WHERE token = ?", [token])


def set_image(db: Database, certificate_id: int, path: str | None) -> None:
    db.execute("UPDATE certificates SET image = ? WHERE id = ?", [path, certificate_id])


def records_of(db: Database, certificate_id: int) -> list[int]:
    return [
        r["planting_id"]
        for r in db.query(
            "SELECT planting_id FROM certificate_records WHERE certificate_id = ? ORDER BY planting_id",
            [certificate_id],
        )
    ]


def of_people(db: Database, person_ids: list[int], kind: str | None = None) -> list[dict]:
    """These people's certificates (of one kind, unless None), oldest first."""
    marks = ", ".join("?" for _ in person_ids) or "NULL"
    extra, params = ("AND kind = ?", [kind]) if kind else ("", [])
    return list(
        db.query(f"SELECT * FROM certificates WHERE person_id IN ({marks}) {extra} ORDER BY id", [*person_ids, *params])
    )


def of_award(db: Database, award_id: int) -> dict | None:
    return one(db, "SELECT * FROM certificates WHERE award_id = ? ORDER BY id DESC LIMIT 1", [award_id])


def unsent(db: Database) -> list[dict]:
    """Certificates not queued to their holders yet, oldest first."""
    return list(db.query("SELECT * FROM certificates WHERE sent_at IS NULL ORDER BY id"))


def mark_sent(db: Database, certificate_id: int, now: str) -> None:
    db.execute("UPDATE certificates SET sent_at = ? WHERE id = ?", [now, certificate_id])


def revoke(db: Database, certificate_id: int, reason: str, now: str) -> None:
    db.execute(
        "UPDATE certificates SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL",
        [now, reason, certificate_id],
    )


def checked_until(db: Database, name: str) -> str | None:
    row = one(db, "SELECT checked_until FROM certificate_checks WHERE name = ?", [name])
    return row["checked_until"] if row else None


def set_checked_until(db: Database, name: str, moment: str) -> None:
    db.execute(
        "INSERT INTO certificate_checks (name, checked_until) VALUES (?, ?)"
        " ON CONFLICT(name) DO UPDATE SET checked_until = excluded.checked_until",
        [name, moment],
    )
