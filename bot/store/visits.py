"""Advisers' village visits (下沉服务): one row per 签到, and the photos sent with it."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.roster import ADVISER
from bot.store import media as media_store
from bot.store import new_id, one

migrations = Migrations("visits")


EXPORT_SQL = {
    "visits": "SELECT v.id, a.name AS adviser, vi.name AS village, v.lat, v.lng, v.distance_m, v.note, v.created_at,"
    " (SELECT COUNT(*) FROM visit_photos p WHERE p.visit_id = v.id) AS photo_count, v.location_ok, v.placed_by"
    " FROM visits v LEFT JOIN people a ON a.id = v.adviser_person_id"
    " LEFT JOIN villages vi ON vi.id = v.village_id ORDER BY v.id",
}


@migrations()
def m001_visits(db: Database) -> None:
    db.table("visits").create(
        {
            "id": int,
            "adviser_person_id": int,  # the adviser (people.id, role 技术顾问) who signed in
            "openid": str,
            "village_id": int,  # the village visited; None while the adviser has not chosen one
            "lat": float,
            "lng": float,  # where the 签到 was sent from
            "distance_m": float,  # from that village's centre (None: no centre, or no village yet)
            "note": str,  # 签到 <note>: what the adviser did (指导挖穴)
            "location_ok": int,  # 1: inside the village's radius; 0: 位置不符 (outside every radius)
            "inbox_id": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"adviser_person_id", "openid", "location_ok"},
        foreign_keys=[("adviser_person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("visits").create_index(["village_id", "created_at"])
    db.table("visits").create_index(["adviser_person_id", "created_at"])
    db.table("visit_photos").create(
        {"id": int, "visit_id": int, "media_row_id": int, "created_at": str},
        pk="id",
        not_null={"visit_id", "media_row_id"},
        foreign_keys=[("visit_id", "visits", "id"), ("media_row_id", "media", "id")],
    )
    db.table("visit_photos").create_index(["visit_id", "media_row_id"], unique=True)
    db.table("visit_photos").create_index(["media_row_id"])


# -- visits ----------------------------------------------------------------------------------------
@migrations()
def m002_placed_by(db: Database) -> None:
    # who put a 签到 made outside every village under one, when the adviser never chose (sim65): the login's name;
    # NULL for a visit placed by its location or by the adviser's own answer
    db.table("visits").add_column("placed_by", str)


def add_visit(
    db: Database,
    *,
    adviser_person_id: int,
    openid: str,
    village_id: int | None,
    lat: float,
    lng: float,
    distance_m: float | None,
    note: str | None,
    location_ok: bool,
    inbox_id: int | None,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO visits (adviser_person_id, openid, village_id, lat, lng, distance_m, note, location_ok, inbox_id,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            adviser_person_id,
            openid,
            village_id,
            lat,
            lng,
            distance_m,
            note or None,
            int(location_ok),
            inbox_id,
            now,
            now,
        ],
    )
    return new_id(cursor)


def visit(db: Database, visit_id: int | None) -> dict | None:
    if visit_id is None:
        return None
    return one(
        db,
        "SELECT v.*, vi.name AS village FROM visits v LEFT JOIN villages vi ON vi.id = v.village_id WHERE v.id = ?",
        [visit_id],
    )


def set_village(db: Database, visit_id: int, village_id: int, distance_m: float | None, now: str) -> None:
    db.execute(
        "UPDATE visits SET village_id = ?, distance_m = ?, updated_at = ? WHERE id = ?",
        [village_id, distance_m, now, visit_id],
    )


def move_visit(
    db: Database, visit_id: int, village_id: int, distance_m: float | None, location_ok: bool, now: str
) -> None:
    """Round 76: a visit the adviser said was signed at the wrong village, moved to the right one (its distance and
    位置不符 as measured from there)."""
    db.execute(
        "UPDATE visits SET village_id = ?, distance_m = ?, location_ok = ?, updated_at = ? WHERE id = ?",
        [village_id, distance_m, int(location_ok), now, visit_id],
    )


def place_unplaced(db: Database, visit_id: int, village_id: int, distance_m: float | None, by: str, now: str) -> bool:
    """The office puts a visit with no village under one (still 位置不符); False when it has a village already."""
    cursor = db.execute(
        "UPDATE visits SET village_id = ?, distance_m = ?, placed_by = ?, updated_at = ?"
        " WHERE id = ? AND village_id IS NULL",
        [village_id, distance_m, by, now, visit_id],
    )
    return cursor.rowcount == 1


def unplaced(db: Database) -> list[dict]:
    """The visits outside every village whose adviser never said which (no village), newest first, with the
    adviser's name and their villages' ids (``village_ids``, a comma list)."""
    return list(
        db.query(
            "SELECT v.*, a.name AS adviser,"
            " (SELECT GROUP_CONCAT(av.village_id) FROM adviser_villages av WHERE av.person_id = v.adviser_person_id)"
            " AS village_ids, (SELECT COUNT(*) FROM visit_photos p WHERE p.visit_id = v.id) AS photo_count"
            " FROM visits v LEFT JOIN people a ON a.id = v.adviser_person_id"
            " WHERE v.village_id IS NULL ORDER BY v.created_at DESC, v.id DESC"
        )
    )


def unplaced_by_adviser(db: Database, start: str, end: str) -> dict[int, int]:
    """adviser id -> their visits with no village in [start, end)."""
    return dict(
        db.execute(
            "SELECT adviser_person_id, COUNT(*) FROM visits WHERE village_id IS NULL AND created_at >= ?"
            " AND created_at < ? GROUP BY adviser_person_id",
            [start, end],
        ).fetchall()
    )


def unplaced_of(db: Database, adviser_id: int, start: str, end: str, but: int | None = None) -> list[str]:
    """When this adviser signed in in [start, end) outside every village, never saying which (oldest first); ``but``
    a visit left out (the one whose village is being chosen)."""
    return [
        row[0]
        for row in db.execute(
            "SELECT created_at FROM visits WHERE village_id IS NULL AND adviser_person_id = ? AND created_at >= ?"
            " AND created_at < ? AND id IS NOT ? ORDER BY created_at",
            [adviser_id, start, end, but],
        ).fetchall()
    ]


def add_note(db: Database, visit_id: int, note: str, now: str) -> None:
    """What the adviser did, told after the visit was recorded: after the note 签到 gave, if any (；between)."""
    db.execute(
        "UPDATE visits SET note = CASE WHEN COALESCE(note, '') = '' THEN ? ELSE note || '；' || ? END, updated_at = ?"
        " WHERE id = ?",
        [note, note, now, visit_id],
    )


def add_photo(db: Database, visit_id: int, media_row_id: int, now: str) -> bool:
    cursor = db.execute(
        "INSERT INTO visit_photos (visit_id, media_row_id, created_at) VALUES (?, ?, ?)"
        " ON CONFLICT(visit_id, media_row_id) DO NOTHING",
        [visit_id, media_row_id, now],
    )
    return cursor.rowcount == 1


def photo_count(db: Database, visit_id: int) -> int:
    return db.execute("SELECT COUNT(*) FROM visit_photos WHERE visit_id = ?", [visit_id]).fetchone()[0]


def count_by_adviser(db: Database, adviser_person_id: int, start: str, end: str) -> int:
    """The adviser's visits (to a village) in [start, end)."""
    return db.execute(
        "SELECT COUNT(*) FROM visits WHERE adviser_person_id = ? AND village_id IS NOT NULL"
        " AND created_at >= ? AND created_at < ?",
        [adviser_person_id, start, end],
    ).fetchone()[0]


def of_adviser(db: Database, adviser_person_id: int, start: str, end: str) -> list[dict]:
    """The adviser's visits (to a village) in [start, end), oldest first, with the village's name (``village``)."""
    return list(
        db.query(
            "SELECT v.*, vi.name AS village FROM visits v JOIN villages vi ON vi.id = v.village_id"
            " WHERE v.adviser_person_id = ? AND v.created_at >= ? AND v.created_at < ? ORDER BY v.created_at, v.id",
            [adviser_person_id, start, end],
        )
    )


def by_village(db: Database, start: str, end: str) -> dict[int, int]:
    """village id -> visits in [start, end)."""
    return {
        r["village_id"]: r["n"]
        for r in db.query(
            "SELECT village_id, COUNT(*) AS n FROM visits WHERE village_id IS NOT NULL AND created_at >= ?"
            " AND created_at < ? GROUP BY village_id",
            [start, end],
        )
    }


def by_adviser(db: Database, start: str, end: str) -> dict[int, dict]:
    """adviser id -> {visits, villages (visited), mismatched (位置不符)} in [start, end)."""
    return {
        r.pop("adviser_person_id"): r
        for r in db.query(
            "SELECT adviser_person_id, COUNT(*) AS visits, COUNT(DISTINCT village_id) AS villages,"
            " SUM(location_ok = 0) AS mismatched FROM visits WHERE village_id IS NOT NULL AND created_at >= ?"
            " AND created_at < ? GROUP BY adviser_person_id",
            [start, end],
        )
    }


def recent(db: Database, village_ids: list[int] | None = None, limit: int = 50) -> list[dict]:
    """The latest visits, newest first (of these villages only, unless None), with adviser and village names."""
    where, params = "", []
    if village_ids is not None:
        where = f"WHERE v.village_id IN ({', '.join('?' for _ in village_ids) or 'NULL'})"
        params = list(village_ids)
    return list(
        db.query(
            "SELECT v.*, a.name AS adviser, vi.name AS village,"
            " (SELECT COUNT(*) FROM visit_photos p WHERE p.visit_id = v.id) AS photo_count"
            " FROM visits v LEFT JOIN people a ON a.id = v.adviser_person_id LEFT JOIN villages vi ON vi.id = v.village_id"
            f" {where} ORDER BY v.created_at DESC, v.id DESC LIMIT ?",
            [*params, limit],
        )
    )


def last_of_village(db: Database, village_id: int) -> dict | None:
    return one(
        db,
        "SELECT v.*, a.name AS adviser FROM visits v LEFT JOIN people a ON a.id = v.adviser_person_id"
        " WHERE v.village_id = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 1",
        [village_id],
    )


def photos_of(db: Database, visit_ids: list[int]) -> dict[int, list[dict]]:
    """visit id -> its stored photos (sha256, created_at), oldest first."""
    marks = ", ".join("?" for _ in visit_ids) or "NULL"
    found: dict[int, list[dict]] = {}
    for row in db.query(
        "SELECT p.visit_id, m.sha256, p.created_at FROM visit_photos p JOIN media m ON m.id = p.media_row_id"
        f" WHERE p.visit_id IN ({marks}) AND m.sha256 IS NOT NULL ORDER BY p.id",
        list(visit_ids),
    ):
        found.setdefault(row.pop("visit_id"), []).append(row)
    return found


def photo_villages(db: Database, sha256: str) -> set[int | None]:
    """The villages of the visits that hold this photo (None for a visit with no village yet)."""
    return media_store.villages_holding(db, sha256, photos="visit_photos", records="visits", record_key="visit_id")


# -- advisers and their villages (the roster's tables, read) ---------------------------------------
def advisers(db: Database) -> list[dict]:
    """Every roster adviser with their villages' ids (``village_ids``, a comma list) and names, by name."""
    return list(
        db.query(
            "SELECT p.*, GROUP_CONCAT(v.id) AS village_ids, GROUP_CONCAT(v.name, '、') AS villages"
            " FROM people p LEFT JOIN adviser_villages av ON av.person_id = p.id"
            " LEFT JOIN villages v ON v.id = av.village_id"
            " WHERE p.role = ? GROUP BY p.id ORDER BY p.name, p.id",
            [ADVISER],
        )
    )


def villages_without_adviser(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM villages v WHERE NOT EXISTS (SELECT 1 FROM adviser_villages av"
            " JOIN people p ON p.id = av.person_id AND p.role = ? WHERE av.village_id = v.id)"
            " ORDER BY v.id",
            [ADVISER],
        )
    )


def advisers_of_village(db: Database, village_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT p.* FROM people p JOIN adviser_villages av ON av.person_id = p.id"
            " WHERE av.village_id = ? AND p.role = ? ORDER BY p.name",
            [village_id, ADVISER],
        )
    )


def unvisited_villages(db: Database, adviser_person_id: int, start: str, end: str) -> list[dict]:
    """The adviser's villages without a visit (by anyone) in [start, end)."""
    return list(
        db.query(
            "SELECT v.* FROM villages v JOIN adviser_villages av ON av.village_id = v.id WHERE av.person_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM visits x WHERE x.village_id = v.id AND x.created_at >= ?"
            " AND x.created_at < ?) ORDER BY v.id",
            [adviser_person_id, start, end],
        )
    )
