"""Care zones (党员责任区): the zones, who holds each, and every tending (管护) with its photo.

A zone belongs to a village and has a centre and a radius; a member holds at most one zone at a time (unique
``person_id`` among the current rows of ``zone_holders``), a zone any number of members. A holder row is ended
(``ended_at``), never deleted, when its member leaves the zone or moves to another (withdraw84): who held a zone is
kept, and every reader of the current holders reads ``CURRENT_SQL``. A tending row is one 管护 with its photo (a
media row), by a holder, for the zone held at that moment.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import media as media_store
from bot.store import new_id, one

migrations = Migrations("zones")

# a holder row (alias h) current: its member holds the zone now (an ended row is who held it before: withdraw84)
CURRENT_SQL = "h.ended_at IS NULL"
_HOLDERS_SQL = (
    "(SELECT group_concat(holder.name, '、') FROM (SELECT pe.name FROM zone_holders h"
    f" JOIN people pe ON pe.id = h.person_id WHERE h.zone_id = z.id AND {CURRENT_SQL} ORDER BY h.id) holder)"
)
_HOLDER_COUNT_SQL = f"(SELECT COUNT(*) FROM zone_holders h WHERE h.zone_id = z.id AND {CURRENT_SQL})"
EXPORT_SQL = {
    "zones": (
        f"SELECT z.id, v.name AS village, z.name, {_HOLDERS_SQL} AS holders,"
        f" {_HOLDER_COUNT_SQL} AS holder_count,"
        " z.lat, z.lng, z.radius_m, (SELECT COUNT(*) FROM tending t WHERE t.zone_id = z.id) AS tending_count,"
        " (SELECT MAX(t.created_at) FROM tending t WHERE t.zone_id = z.id) AS last_tending_at, z.created_at"
        " FROM zones z LEFT JOIN villages v ON v.id = z.village_id ORDER BY z.id"
    ),
    "tending": (
        "SELECT t.id, z.name AS zone, pe.name AS person, t.created_at, m.sha256 AS photo_sha256, t.lat, t.lng,"
        " t.zone_id, v.name AS village"
        " FROM tending t JOIN zones z ON z.id = t.zone_id LEFT JOIN villages v ON v.id = z.village_id"
        " LEFT JOIN people pe ON pe.id = t.person_id LEFT JOIN media m ON m.id = t.media_row_id ORDER BY t.id"
    ),
    # withdraw84: every holder row, the ended ones too (who held a zone, from when until when); ended_at last
    "zone_holders": (
        "SELECT h.id, h.zone_id, z.name AS zone, v.name AS village, pe.name AS person, h.claimed_at, h.ended_at"
        " FROM zone_holders h JOIN zones z ON z.id = h.zone_id LEFT JOIN villages v ON v.id = z.village_id"
        " LEFT JOIN people pe ON pe.id = h.person_id ORDER BY h.id"
    ),
}


@migrations()
def m001_zones(db: Database) -> None:
    db.table("zones").create(
        {
            "id": int,
            "village_id": int,
            "name": str,
            "lat": float,
            "lng": float,
            "radius_m": float,  # the centre and how far the zone reaches
            "source": str,  # import | dashboard
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"village_id", "name"},
        foreign_keys=[("village_id", "villages", "id")],
    )
    db.table("zones").create_index(["village_id", "name"], unique=True)
    db.table("zone_holders").create(
        {"id": int, "zone_id": int, "person_id": int, "claimed_at": str},
        pk="id",
        not_null={"zone_id", "person_id"},
        foreign_keys=[("zone_id", "zones", "id"), ("person_id", "people", "id")],
    )
    db.table("zone_holders").create_index(["person_id"], unique=True)  # one zone per member
    db.table("zone_holders").create_index(["zone_id"])
    db.table("tending").create(
        {
            "id": int,
            "zone_id": int,
            "person_id": int,
            "openid": str,
            "media_row_id": int,  # the photo (media row of the push)
            "lat": float,
            "lng": float,  # the location sent with it, if any (inside the zone)
            "inbox_id": int,
            "created_at": str,
        },
        pk="id",
        not_null={"zone_id", "person_id", "created_at"},
        foreign_keys=[("zone_id", "zones", "id"), ("person_id", "people", "id")],
    )
    db.table("tending").create_index(["person_id", "created_at"])
    db.table("tending").create_index(["zone_id", "created_at"])
    db.table("tending").create_index(["media_row_id"])


@migrations()
def m002_zone_holders_ended(db: Database) -> None:
    """withdraw84: a holder row is ended, never deleted (NULL: held now); one current row per member."""
    db.table("zone_holders").add_column("ended_at", str)
    db.execute("DROP INDEX IF EXISTS idx_zone_holders_person_id")
    db.execute("CREATE UNIQUE INDEX idx_zone_holders_current_person ON zone_holders (person_id) WHERE ended_at IS NULL")


ZONE_COLUMNS = ("lat", "lng", "radius_m")


# -- zones ------------------------------------------------------------------------------------------
def zone(db: Database, zone_id: int | None) -> dict | None:
    return one(db, "SELECT * FROM zones WHERE id = ?", [zone_id])


def zone_by_name(db: Database, village_id: int, name: str) -> dict | None:
    return one(db, "SELECT * FROM zones WHERE village_id = ? AND name = ?", [village_id, name])


def insert_zone(
    db: Database,
    *,
    village_id: int,
    name: str,
    lat: float | None,
    lng: float | None,
    radius_m: float | None,
    source: str,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO zones (village_id, name, lat, lng, radius_m, source, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, name, lat, lng, radius_m, source, now, now],
    )
    return new_id(cursor)


def update_zone(db: Database, zone_id: int, fields: dict, now: str) -> None:
    unknown = set(fields) - set(ZONE_COLUMNS)
    if unknown:
        raise ValueError(f"not writable: {sorted(unknown)}")
    if fields:
        db.execute(
            f"UPDATE zones SET {', '.join(c + ' = ?' for c in fields)}, updated_at = ? WHERE id = ?",
            [*fields.values(), now, zone_id],
        )


def zones_of_village(db: Database, village_id: int) -> list[dict]:
    """The village's zones in name order, each with ``holders`` (how many members hold it) and ``holder_names``."""
    return list(
        db.query(
            f"SELECT z.*, {_HOLDER_COUNT_SQL} AS holders,"
            f" {_HOLDERS_SQL} AS holder_names FROM zones z WHERE z.village_id = ? ORDER BY z.name, z.id",
            [village_id],
        )
    )


def all_zones(db: Database) -> list[dict]:
    """Every zone with its village's name and how many members hold it, by village then name."""
    return list(
        db.query(
            f"SELECT z.*, v.name AS village, {_HOLDER_COUNT_SQL} AS holders,"
            f" {_HOLDERS_SQL} AS holder_names FROM zones z JOIN villages v ON v.id = z.village_id"
            " ORDER BY v.name, z.name, z.id"
        )
    )


# -- holders ----------------------------------------------------------------------------------------
def held_zone(db: Database, person_id: int) -> dict | None:
    """The zone this member holds (with ``claimed_at``), or None."""
    return one(
        db,
        f"SELECT z.*, h.claimed_at FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
        f" WHERE h.person_id = ? AND {CURRENT_SQL}",
        [person_id],
    )


def claim(db: Database, zone_id: int, person_id: int, now: str) -> None:
    """The member holds this zone from now on (instead of any other, whose row is ended: withdraw84)."""
    release(db, person_id, now)
    db.execute("INSERT INTO zone_holders (zone_id, person_id, claimed_at) VALUES (?, ?, ?)", [zone_id, person_id, now])


def release(db: Database, person_id: int, now: str) -> None:
    """The member holds no zone from now on (withdraw83: 退出责任区); their holder row is ended, not deleted
    (withdraw84), and their tending rows stay."""
    db.execute("UPDATE zone_holders SET ended_at = ? WHERE person_id = ? AND ended_at IS NULL", [now, person_id])


def holders_to_nudge(db: Database, season_start: str) -> list[dict]:
    """Every holder with their zone and the moment they were last active: their latest tending of this zone,
    else when they claimed it, but never before ``season_start``. Columns: person_id, openid, name,
    zone_id, zone, last_active."""
    return list(
        db.query(
            "SELECT h.person_id, pe.openid, pe.name, z.id AS zone_id, z.name AS zone,"
            " MAX(h.claimed_at, :start, COALESCE((SELECT MAX(t.created_at) FROM tending t"
            "   WHERE t.person_id = h.person_id AND t.zone_id = h.zone_id), '')) AS last_active"
            " FROM zone_holders h JOIN zones z ON z.id = h.zone_id JOIN people pe ON pe.id = h.person_id"
            f" WHERE pe.openid IS NOT NULL AND {CURRENT_SQL} ORDER BY h.person_id",
            {"start": season_start},
        )
    )


# -- tending ----------------------------------------------------------------------------------------
def add_tending(
    db: Database,
    *,
    zone_id: int,
    person_id: int,
    openid: str,
    media_row_id: int | None,
    lat: float | None,
    lng: float | None,
    inbox_id: int | None,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO tending (zone_id, person_id, openid, media_row_id, lat, lng, inbox_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [zone_id, person_id, openid, media_row_id, lat, lng, inbox_id, now],
    )
    return new_id(cursor)


def tending_count(db: Database, person_id: int, start: str, end: str) -> int:
    """The member's tending in [start, end)."""
    return db.execute(
        "SELECT COUNT(*) FROM tending WHERE person_id = ? AND created_at >= ? AND created_at < ?",
        [person_id, start, end],
    ).fetchone()[0]


def last_tending_at(db: Database, person_id: int) -> str | None:
    """When the member last tended (any zone), or None."""
    return db.execute("SELECT MAX(created_at) FROM tending WHERE person_id = ?", [person_id]).fetchone()[0]


def tending_of_media(db: Database, media_row_id: int) -> dict | None:
    """The tending a photo belongs to, with its zone's village, centre and radius."""
    return one(
        db,
        "SELECT t.*, z.village_id, z.name AS zone, z.lat AS zone_lat, z.lng AS zone_lng, z.radius_m"
        " FROM tending t JOIN zones z ON z.id = t.zone_id WHERE t.media_row_id = ?",
        [media_row_id],
    )


def tending_photos_near(db: Database, village_id: int) -> list[dict]:
    """Every tending photo of the village's zones (stored photos only) with the zone's centre and radius, oldest
    first: sha256, created_at, zone, zone_lat, zone_lng, radius_m."""
    return list(
        db.query(
            "SELECT m.sha256, t.created_at, z.name AS zone, z.lat AS zone_lat, z.lng AS zone_lng, z.radius_m"
            " FROM tending t JOIN zones z ON z.id = t.zone_id JOIN media m ON m.id = t.media_row_id"
            " WHERE z.village_id = ? AND m.sha256 IS NOT NULL ORDER BY t.created_at, t.id",
            [village_id],
        )
    )


def zone_tending(db: Database, zone_ids: list[int], start: str) -> dict[int, dict]:
    """zone id -> {count since ``start``, last (time of the latest tending ever)}."""
    marks = ",".join("?" * len(zone_ids)) or "NULL"
    return {
        row.pop("zone_id"): row
        for row in db.query(
            f"SELECT zone_id, SUM(created_at >= ?) AS count, MAX(created_at) AS last FROM tending"
            f" WHERE zone_id IN ({marks}) GROUP BY zone_id",
            [start, *zone_ids],
        )
    }


def recent_photos(db: Database, zone_ids: list[int], per_zone: int = 4) -> dict[int, list[dict]]:
    """zone id -> its newest tending photos (sha256, created_at, person), newest first."""
    marks = ",".join("?" * len(zone_ids)) or "NULL"
    photos: dict[int, list[dict]] = {}
    for row in db.query(
        "SELECT t.zone_id, m.sha256, t.created_at, pe.name AS person FROM tending t"
        " JOIN media m ON m.id = t.media_row_id LEFT JOIN people pe ON pe.id = t.person_id"
        f" WHERE t.zone_id IN ({marks}) AND m.sha256 IS NOT NULL ORDER BY t.created_at DESC, t.id DESC",
        zone_ids,
    ):
        found = photos.setdefault(row.pop("zone_id"), [])
        if len(found) < per_zone:
            found.append(row)
    return photos


def photo_villages(db: Database, sha256: str) -> set[int | None]:
    """The villages of the zones whose tending records hold this photo."""
    return media_store.villages_holding(db, sha256, photos="tending", records="zones", record_key="zone_id")


def tended_share_by_village(db: Database, start: str, end: str) -> dict[int, float]:
    """village id -> the share of its zones with at least one tending in [start, end) (villages with zones)."""
    return {
        row["village_id"]: row["tended"] / row["zones"]
        for row in db.query(
            "SELECT z.village_id, COUNT(*) AS zones, SUM(EXISTS (SELECT 1 FROM tending t WHERE t.zone_id = z.id"
            "  AND t.created_at >= ? AND t.created_at < ?)) AS tended FROM zones z GROUP BY z.village_id",
            [start, end],
        )
    }


def tending_by_person(db: Database, since: str | None, until: str | None) -> dict[int, int]:
    """person id -> tending records in [since, until]."""
    return {
        r["person_id"]: r["n"]
        for r in db.query(
            "SELECT person_id, COUNT(*) AS n FROM tending WHERE (:since IS NULL OR created_at >= :since)"
            " AND (:until IS NULL OR created_at <= :until) GROUP BY person_id",
            {"since": since, "until": until},
        )
    }
