"""Award decisions: the winners the office marks for a period (最美植绿人, 最美植绿集体, 技术顾问), with the figures
that put them there, who decided and when, and a withdrawal if any."""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one

migrations = Migrations("awards")

EXPORT_SQL = {
    "awards": "SELECT a.id, a.period, a.category, a.title, a.name, v.name AS village, a.figures, a.status,"
    " a.decided_by, a.decided_at, a.withdrawn_by, a.withdrawn_at, a.withdrawn_reason"
    " FROM awards a LEFT JOIN villages v ON v.id = a.village_id ORDER BY a.id",
}


@migrations()
def m001_awards(db: Database) -> None:
    db.table("awards").create(
        {
            "id": int,
            "period": str,  # YYYY-MM: the month whose end the candidate lists were made at
            "category": str,  # person (最美植绿人) | collective (最美植绿集体) | adviser (技术顾问)
            "title": str,  # as printed on the certificate
            "person_id": int,  # a person or an adviser; None for a collective
            "village_id": int,  # the person's village, or the collective
            "name": str,  # the winner as shown (a person's or a village's name)
            "figures": str,  # JSON: the figures of the candidate row when it was marked
            "status": str,  # awarded | withdrawn
            "decided_by": str,
            "decided_at": str,
            "withdrawn_by": str,
            "withdrawn_at": str,
            "withdrawn_reason": str,
        },
        pk="id",
        not_null={"period", "category", "title", "name", "status", "decided_by", "decided_at"},
        defaults={"status": "awarded"},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("awards").create_index(["period", "category", "status"])


def add(
    db: Database,
    *,
    period: str,
    category: str,
    title: str,
    person_id: int | None,
    village_id: int | None,
    name: str,
    figures: dict,
    by: str,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO awards (period, category, title, person_id, village_id, name, figures, status, decided_by,"
        " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'awarded', ?, ?)",
        [period, category, title, person_id, village_id, name, json.dumps(figures, ensure_ascii=False), by, now],
    )
    return new_id(cursor)


def get(db: Database, award_id: int) -> dict | None:
    return one(db, "SELECT * FROM awards WHERE id = ?", [award_id])


def awarded(db: Database, period: str, category: str, person_id: int | None, village_id: int | None) -> dict | None:
    """The standing award of this winner for this period and category, if any."""
    return one(
        db,
        "SELECT * FROM awards WHERE period = ? AND category = ? AND status = 'awarded'"
        " AND person_id IS ? AND village_id IS ?",
        [period, category, person_id, village_id],
    )


def of_period(db: Database, period: str) -> list[dict]:
    """Every decision of a period (withdrawn ones too), in order."""
    return list(
        db.query(
            "SELECT a.*, v.name AS village FROM awards a LEFT JOIN villages v ON v.id = a.village_id"
            " WHERE a.period = ? ORDER BY a.id",
            [period],
        )
    )


def of_village(db: Database, village_id: int) -> list[dict]:
    """The village's standing collective awards (最美植绿集体), in order (round 51: its award asked in chat)."""
    return list(
        db.query(
            "SELECT * FROM awards WHERE village_id = ? AND category = 'collective' AND status = 'awarded' ORDER BY id",
            [village_id],
        )
    )


def of_person(db: Database, person_id: int) -> list[dict]:
    """The person's standing awards (最美植绿人, 技术顾问), in order (conv100: one's own award asked in chat)."""
    return list(
        db.query(
            "SELECT * FROM awards WHERE person_id = ? AND status = 'awarded' ORDER BY id",
            [person_id],
        )
    )


def withdraw(db: Database, award_id: int, by: str, reason: str, now: str) -> bool:
    cursor = db.execute(
        "UPDATE awards SET status = 'withdrawn', withdrawn_by = ?, withdrawn_at = ?,"
        " withdrawn_reason = ? WHERE id = ? AND status = 'awarded'",
        [by, now, reason, award_id],
    )
    return cursor.rowcount == 1


def village_people(db: Database, village_id: int, roles: list[str]) -> list[dict]:
    """A village's bound people in these roles (they receive the village's award)."""
    marks = ", ".join("?" for _ in roles) or "NULL"
    return list(
        db.query(
            f"SELECT * FROM people WHERE village_id = ? AND role IN ({marks}) AND openid IS NOT NULL ORDER BY id",
            [village_id, *roles],
        )
    )


def people(db: Database, person_ids: list[int]) -> dict[int, dict]:
    """Roster rows (with the village's name) of these people."""
    marks = ", ".join("?" for _ in person_ids) or "NULL"
    return {
        r["id"]: r
        for r in db.query(
            "SELECT p.*, v.name AS village FROM people p LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE p.id IN ({marks})",
            list(person_ids),
        )
    }
