"""Corrections of finished planting records by a village's cadres or the office (bot/corrections.py): one audit row
per correction, who, how, when and why; the record itself is changed through bot/store/plantings.py, never deleted."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import json_text, new_id, one
from bot.store.dashboard import RECORD_COLUMNS

migrations = Migrations("corrections")

# who (the dashboard login, or the chat cadre's name), when, which record of which village, what it was and became
# (JSON: count, species, area_mu, status), why and through which channel; oldest first
EXPORT_SQL = {
    "record_corrections": (
        "SELECT c.id, COALESCE(pe.name, c.by_login) AS by_who, c.by_login, pe.name AS by_person, c.created_at,"
        " c.planting_id, rp.name AS record_person, v.name AS village, c.action, c.before, c.after, c.reason,"
        " c.channel FROM record_corrections c LEFT JOIN people pe ON pe.id = c.by_person_id"
        " LEFT JOIN villages v ON v.id = c.village_id LEFT JOIN plantings p ON p.id = c.planting_id"
        " LEFT JOIN people rp ON rp.id = p.person_id ORDER BY c.id"
    ),
}


@migrations()
def m001_record_corrections(db: Database) -> None:
    db.table("record_corrections").create(
        {
            "id": int,
            "planting_id": int,  # the record corrected (plantings.id)
            "village_id": int,  # its village when corrected
            "action": str,  # withdraw | recount (bot/corrections.py ACTIONS)
            "before": str,  # JSON: count, species, area_mu, status as stored before
            "after": str,  # JSON: the same fields after
            "reason": str,  # required, at most bot/corrections.py REASON_MAX characters
            "by_login": str,  # the dashboard login's username (channel dashboard)
            "by_person_id": int,  # the cadre's roster person (channel chat)
            "by_openid": str,  # the cadre's openid (channel chat)
            "channel": str,  # dashboard | chat
            "created_at": str,
        },
        pk="id",
        not_null={"planting_id", "action", "before", "after", "reason", "channel", "created_at"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.execute("CREATE INDEX idx_record_corrections_planting ON record_corrections (planting_id, id)")


def add(
    db: Database,
    *,
    planting_id: int,
    village_id: int | None,
    action: str,
    before: dict,
    after: dict,
    reason: str,
    channel: str,
    now: str,
    by_login: str | None = None,
    by_person_id: int | None = None,
    by_openid: str | None = None,
) -> int:
    cursor = db.execute(
        "INSERT INTO record_corrections (planting_id, village_id, action, before, after, reason, by_login,"
        " by_person_id, by_openid, channel, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            planting_id,
            village_id,
            action,
            json_text(before),
            json_text(after),
            reason,
            by_login,
            by_person_id,
            by_openid,
            channel,
            now,
        ],
    )
    return new_id(cursor)


def of_record(db: Database, planting_id: int) -> list[dict]:
    """A record's corrections, oldest first, with the chat cadre's name."""
    return list(
        db.query(
            "SELECT c.*, pe.name AS by_name FROM record_corrections c LEFT JOIN people pe ON pe.id = c.by_person_id"
            " WHERE c.planting_id = ? ORDER BY c.id",
            [planting_id],
        )
    )


def record(db: Database, planting_id: int) -> dict | None:
    """One record as the dashboard shows it (any status), with its village id, sender and review."""
    return one(
        db,
        f"SELECT {RECORD_COLUMNS}, p.village_id, p.openid, p.person_id, p.completed_at, p.recounted_at,"
        " p.withdrawn_at, p.reviewed_by, p.reviewed_at, p.review_reason FROM plantings p"
        " LEFT JOIN people pe ON pe.id = p.person_id LEFT JOIN villages v ON v.id = p.village_id WHERE p.id = ?",
        [planting_id],
    )
