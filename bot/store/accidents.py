"""Accidents answered with first aid (aidnotice, bot/accidents.py): a villager told of a sting, a bite, a poisoning, a
lime burn or a fall and had the first aid at once, with no ticket (FAQ round 116). One row per villager (openid), kind
(the first aid entry that answered: tech.wasps, tech.snakes …) and campaign-local day, which is also what makes the
village's notice once a day (a retry, the same words again); who was told. Exported as ``accidents`` (急救答复) for
the office to count."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id

migrations = Migrations("accidents")

CADRES, OFFICE, NOBODY = "cadres", "office", "none"  # told_to: the village's cadres, the office's people, nobody

EXPORT_SQL = {
    "accidents": (
        "SELECT a.id, a.openid, p.name AS person, v.name AS village, a.kind, a.day, a.text, a.told, a.told_to,"
        " a.created_at FROM accidents a LEFT JOIN people p ON p.id = a.person_id"
        " LEFT JOIN villages v ON v.id = a.village_id ORDER BY a.id"
    ),
}


@migrations()
def m001_accidents(db: Database) -> None:
    db.table("accidents").create(
        {
            "id": int,
            "openid": str,
            "person_id": int,  # None: the sender never registered
            "village_id": int,  # the person's village, or the follow QR code's; None: unknown
            "kind": str,  # the first aid entry that answered (tech.wasps, tech.snakes, tech.pesticide_first_aid …)
            "day": str,  # YYYY-MM-DD in campaign.timezone: once per openid, kind and day
            "text": str,  # what the villager wrote
            "told": int,  # how many people a notice was queued for
            "told_to": str,  # cadres | office | none
            "created_at": str,
        },
        pk="id",
        not_null={"openid", "kind", "day", "text", "told", "told_to", "created_at"},
        defaults={"told": 0, "told_to": NOBODY},
    )
    db.table("accidents").create_index(["openid", "kind", "day"], unique=True)
    db.table("accidents").create_index(["created_at"])


def record(
    db: Database,
    *,
    openid: str,
    person_id: int | None,
    village_id: int | None,
    kind: str,
    day: str,
    text: str,
    now: str,
) -> int | None:
    """The new row's id; None when this villager's accident of this kind is already recorded that day."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO accidents (openid, person_id, village_id, kind, day, text, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [openid, person_id, village_id, kind, day, text, now],
    )
    return new_id(cursor) if cursor.rowcount else None


def told(db: Database, accident_id: int, count: int, to: str) -> None:
    db.execute("UPDATE accidents SET told = ?, told_to = ? WHERE id = ?", [count, to, accident_id])


SECTION_ROWS = 20  # the village page's accidents, newest first


def of_village(db: Database, village_id: int, limit: int = SECTION_ROWS) -> list[dict]:
    """A village's accidents, newest first (the dashboard's village page), with the person's name and household
    (None: a sender who never registered)."""
    return list(
        db.query(
            "SELECT a.id, a.kind, a.day, a.text, a.told, a.told_to, a.created_at, p.name AS person, p.household"
            " FROM accidents a LEFT JOIN people p ON p.id = a.person_id WHERE a.village_id = ?"
            " ORDER BY a.created_at DESC, a.id DESC LIMIT ?",
            [village_id, limit],
        )
    )


def count_of_village(db: Database, village_id: int) -> int:
    row = db.execute("SELECT COUNT(*) FROM accidents WHERE village_id = ?", [village_id]).fetchone()
    return int(row[0])
