"""Village milestones reported by cadres (计划备案, 树穴, 示范点), their photos, and the office's changes to them.

A report is one ``milestones`` row (never overwritten by a later report); the office confirms, corrects or
undoes it on the dashboard, each change kept in ``milestone_changes`` (who, when, before and after).
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import media as media_store
from bot.store import new_id, one

migrations = Migrations("milestones")

REPORTED, CONFIRMED, UNDONE = "reported", "confirmed", "undone"
COUNTS_SQL = f"status != '{UNDONE}'"  # a report that stands (reported or confirmed)

EXPORT_SQL = {
    "milestones": (
        "SELECT v.name AS village, m.milestone,"
        " CASE m.milestone WHEN 'holes' THEN CAST(m.count AS TEXT) WHEN 'demo_site' THEN m.name ELSE '' END AS value,"
        " pe.name AS reported_by, m.reported_at, m.confirmed_by, m.confirmed_at, m.id, m.status, m.lat, m.lng,"
        " (SELECT COUNT(*) FROM milestone_photos ph WHERE ph.milestone_id = m.id) AS photos"
        " FROM milestones m LEFT JOIN villages v ON v.id = m.village_id LEFT JOIN people pe ON pe.id = m.person_id"
        " ORDER BY m.id"
    ),
    "milestone_changes": (
        "SELECT c.id, c.milestone_id, v.name AS village, m.milestone, c.action, c.before, c.after, c.changed_by,"
        " c.changed_at FROM milestone_changes c JOIN milestones m ON m.id = c.milestone_id"
        " LEFT JOIN villages v ON v.id = m.village_id ORDER BY c.id"
    ),
}


@migrations()
def m001_milestones(db: Database) -> None:
    db.table("milestones").create(
        {
            "id": int,
            "village_id": int,
            "milestone": str,  # plan | holes | demo_site
            "count": int,  # holes: the holes dug so far
            "name": str,  # demo_site: the site's name
            "person_id": int,
            "openid": str,
            "inbox_id": int,
            "reported_at": str,
            "lat": float,
            "lng": float,
            "status": str,  # reported | confirmed | undone
            "confirmed_by": str,
            "confirmed_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"village_id", "milestone", "status", "reported_at"},
        defaults={"status": REPORTED},
        foreign_keys=[("village_id", "villages", "id"), ("person_id", "people", "id")],
    )
    db.table("milestones").create_index(["village_id", "milestone", "status"])
    db.table("milestone_photos").create(
        {"id": int, "milestone_id": int, "media_row_id": int, "created_at": str},
        pk="id",
        not_null={"milestone_id", "media_row_id"},
        foreign_keys=[("milestone_id", "milestones", "id")],
    )
    db.table("milestone_photos").create_index(["milestone_id"])
    db.table("milestone_photos").create_index(["media_row_id"], unique=True)
    db.table("milestone_changes").create(
        {
            "id": int,
            "milestone_id": int,
            "action": str,  # confirm | correct | undo
            "before": str,
            "after": str,  # JSON {status, count, name}
            "changed_by": str,
            "changed_at": str,
        },
        pk="id",
        not_null={"milestone_id", "action", "changed_by", "changed_at"},
        foreign_keys=[("milestone_id", "milestones", "id")],
    )
    db.table("milestone_changes").create_index(["milestone_id"])


# -- reports ----------------------------------------------------------------------------------------
def add(
    db: Database,
    *,
    village_id: int,
    milestone: str,
    count: int | None,
    name: str | None,
    person_id: int,
    openid: str,
    inbox_id: int | None,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO milestones (village_id, milestone, count, name, person_id, openid, inbox_id, reported_at,"
        " status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, milestone, count, name, person_id, openid, inbox_id, now, REPORTED, now],
    )
    return new_id(cursor)


def get(db: Database, milestone_id: int) -> dict | None:
    return one(db, "SELECT * FROM milestones WHERE id = ?", [milestone_id])


def set_location(db: Database, milestone_id: int, lat: float, lng: float, now: str) -> None:
    db.execute("UPDATE milestones SET lat = ?, lng = ?, updated_at = ? WHERE id = ?", [lat, lng, now, milestone_id])


def add_photo(db: Database, milestone_id: int, media_row_id: int, now: str) -> bool:
    """Link a photo (its media row) to a report; False if that photo is linked already."""
    return (
        db.execute(
            "INSERT INTO milestone_photos (milestone_id, media_row_id, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT(media_row_id) DO NOTHING",
            [milestone_id, media_row_id, now],
        ).rowcount
        == 1
    )


def photo_villages(db: Database, sha256: str) -> set[int | None]:
    """The villages whose milestone reports hold this photo."""
    return media_store.villages_holding(
        db, sha256, photos="milestone_photos", records="milestones", record_key="milestone_id"
    )


def photo_count(db: Database, milestone_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM milestone_photos WHERE milestone_id = ?", [milestone_id]).fetchone()[0]


def of_village(db: Database, village_id: int) -> list[dict]:
    """A village's reports, newest first, with the reporter's name and the stored photos' sha256."""
    rows = list(
        db.query(
            "SELECT m.*, pe.name AS reporter, (SELECT group_concat(md.sha256, ' ') FROM milestone_photos ph"
            "  JOIN media md ON md.id = ph.media_row_id WHERE ph.milestone_id = m.id AND md.sha256 IS NOT NULL) AS photos"
            " FROM milestones m LEFT JOIN people pe ON pe.id = m.person_id WHERE m.village_id = ? ORDER BY m.id DESC",
            [village_id],
        )
    )
    for row in rows:
        row["photos"] = (row["photos"] or "").split()
    return rows


def figures(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, dict]:
    """village_id -> {plan_at, holes, demo_sites, demo_sites_reported} of the reports that stand, made by
    ``until`` (UTC text, None = all): the first plan's time, the latest holes count, confirmed demo sites and
    demo sites reported (confirmed or not)."""
    where = f"{COUNTS_SQL} AND (:until IS NULL OR reported_at <= :until)" + (
        "" if village_id is None else " AND village_id = :village_id"
    )
    sql = (
        "SELECT village_id,"
        " MIN(CASE WHEN milestone = 'plan' THEN reported_at END) AS plan_at,"
        " (SELECT h.count FROM milestones h WHERE h.village_id = m.village_id AND h.milestone = 'holes'"
        f"   AND h.{COUNTS_SQL} AND (:until IS NULL OR h.reported_at <= :until)"
        "   ORDER BY h.reported_at DESC, h.id DESC LIMIT 1) AS holes,"
        f" SUM(milestone = 'demo_site' AND status = '{CONFIRMED}') AS demo_sites,"
        " SUM(milestone = 'demo_site') AS demo_sites_reported"
        f" FROM milestones m WHERE {where} GROUP BY village_id"
    )
    return {row.pop("village_id"): row for row in db.query(sql, {"until": until, "village_id": village_id})}


def villages_with(db: Database, milestone: str) -> set[int]:
    """The villages that have a report of this milestone that stands."""
    return {
        r["village_id"]
        for r in db.query(
            f"SELECT DISTINCT village_id FROM milestones WHERE milestone = ? AND {COUNTS_SQL}", [milestone]
        )
    }


# -- the office's changes ------------------------------------------------------------------------------
def change(db: Database, milestone_id: int, action: str, fields: dict, by: str, now: str) -> dict | None:
    """Apply the office's change (``fields``: status, count, name, confirmed_by, confirmed_at) and keep it with
    what it replaced; the row as it was, or None when there is no such report."""
    before = get(db, milestone_id)
    if before is None:
        return None
    allowed = {"status", "count", "name", "confirmed_by", "confirmed_at"}
    assert set(fields) <= allowed, fields
    db.execute(
        f"UPDATE milestones SET {', '.join(k + ' = ?' for k in fields)}, updated_at = ? WHERE id = ?",
        [*fields.values(), now, milestone_id],
    )
    after = get(db, milestone_id)
    assert after is not None  # the row just updated
    keep = ("status", "count", "name")
    db.execute(
        "INSERT INTO milestone_changes (milestone_id, action, before, after, changed_by, changed_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            milestone_id,
            action,
            json.dumps({k: before[k] for k in keep}, ensure_ascii=False),
            json.dumps({k: after[k] for k in keep}, ensure_ascii=False),
            by,
            now,
        ],
    )
    return before


def changes_of_village(db: Database, village_id: int, limit: int = 50) -> list[dict]:
    return list(
        db.query(
            "SELECT c.*, m.milestone FROM milestone_changes c JOIN milestones m ON m.id = c.milestone_id"
            " WHERE m.village_id = ? ORDER BY c.id DESC LIMIT ?",
            [village_id, limit],
        )
    )
