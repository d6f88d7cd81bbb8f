"""Planting days (义务植树活动): the events cadres open, and who checked in (attendance).

An event belongs to a village: a name, a place (the opener's location, and its name as WeChat labels it), a span [starts_at, ends_at), a short code
unique among the events not yet over, and the temporary WeChat QR code fetched for it by a job (``qr_status``
pending | ready | failed). An attendance row is one person at one event (unique): how they checked in (opened,
village: a bare 参加, code, qr) and whether they were there (``present``: by a location near the event, as its
opener, or confirmed by a cadre on the dashboard). The trees an attendee logged during the event's span are the
event's (``_TREES_SQL``): a reading, not a copy, so a record finished later still belongs to it.
"""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one
from bot.store.plantings import verified_sql
from bot.store.progress import PARTY_MEMBER_SQL

migrations = Migrations("events")

PENDING, READY, FAILED = "pending", "ready", "failed"

# trees (kind 'tree', complete) logged by this attendance's person during its event's span (to its cancel, if called off)
_TREES_SQL = (
    "(SELECT COALESCE(SUM(p.count), 0) FROM plantings p WHERE p.person_id = a.person_id"
    " AND p.kind = 'tree' AND p.status = 'complete' AND p.created_at >= e.starts_at"
    " AND p.created_at < MIN(e.ends_at, COALESCE(e.cancelled_at, e.ends_at)))"
)
# an event not over at the parameter's time: its span not ended, nor called off (``cancel`` keeps the planned span)
_NOT_OVER = "ends_at > ? AND cancelled_at IS NULL"
EXPORT_SQL = {
    "events": (
        "SELECT e.id, v.name AS village, e.name, e.lat, e.lng, e.place_label AS place, e.starts_at, e.ends_at, pe.name AS opened_by, e.code,"
        " (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id) AS attendees,"
        " (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id AND a.present = 1) AS present,"
        f" (SELECT COALESCE(SUM({_TREES_SQL}), 0) FROM attendance a WHERE a.event_id = e.id) AS trees,"
        " e.created_at, e.qr_status"
        " FROM events e LEFT JOIN villages v ON v.id = e.village_id"
        " LEFT JOIN people pe ON pe.id = e.opened_by_person_id ORDER BY e.id"
    ),
    "attendance": (
        "SELECT a.event_id AS event, pe.name AS person, a.checked_in_at, a.how, e.name AS event_name,"
        f" v.name AS village, a.present, a.present_via, a.distance_m, a.confirmed_by, a.confirmed_at, {_TREES_SQL} AS trees, a.id"
        " FROM attendance a JOIN events e ON e.id = a.event_id LEFT JOIN villages v ON v.id = e.village_id"
        " LEFT JOIN people pe ON pe.id = a.person_id ORDER BY a.id"
    ),
}


@migrations()
def m001_events(db: Database) -> None:
    db.table("events").create(
        {
            "id": int,
            "village_id": int,
            "name": str,
            "code": str,  # short check-in code, unique among the events not yet over
            "lat": float,
            "lng": float,  # where: the opener's location
            "starts_at": str,
            "ends_at": str,
            "opened_by_person_id": int,
            "openid": str,
            "inbox_id": int,
            "created_at": str,
            "qr_status": str,  # pending | ready | failed: the temporary QR code (a job fetches it)
            "qr_ticket": str,
            "qr_attempts": int,
            "qr_error": str,
        },
        pk="id",
        not_null={"village_id", "name", "code", "starts_at", "ends_at", "created_at"},
        defaults={"qr_status": PENDING, "qr_attempts": 0},
        foreign_keys=[("village_id", "villages", "id"), ("opened_by_person_id", "people", "id")],
    )
    db.table("events").create_index(["code", "ends_at"])
    db.table("events").create_index(["village_id", "starts_at"])
    db.table("attendance").create(
        {
            "id": int,
            "event_id": int,
            "person_id": int,
            "openid": str,
            "how": str,  # opened | village (参加) | code (参加 <code>) | qr (the event's QR code)
            "checked_in_at": str,
            "present": int,  # 1: there (a location near the event, its opener, or a cadre confirmed)
            "present_via": str,  # location | opener | cadre
            "lat": float,
            "lng": float,
            "distance_m": float,  # the location that was checked, if any
            "confirmed_by": str,
            "confirmed_at": str,
        },
        pk="id",
        not_null={"event_id", "person_id", "how", "checked_in_at"},
        defaults={"present": 0},
        foreign_keys=[("event_id", "events", "id"), ("person_id", "people", "id")],
    )
    db.table("attendance").create_index(["event_id", "person_id"], unique=True)
    db.table("attendance").create_index(["person_id", "present"])


@migrations()
def m002_place_label(db: Database) -> None:
    """The place's name as WeChat labels the opener's location ('广东省江门市新会区埔心村委会'), when it sent one."""
    db.table("events").add_column("place_label", str)


@migrations()
def m003_cancelled(db: Database) -> None:
    """sim64: a day called off by its organiser (rain, a clash): when and by whom. Its planned span is kept (pages and
    notices show it with 已取消); it is over from then on (``_NOT_OVER``); one called off before it began never took
    place (``cancelled_at <= starts_at``)."""
    db.table("events").add_column("cancelled_at", str)
    db.table("events").add_column("cancelled_by_person_id", int)


# -- events -----------------------------------------------------------------------------------------
def event(db: Database, event_id: int | None) -> dict | None:
    return one(
        db,
        "SELECT e.*, v.name AS village FROM events e JOIN villages v ON v.id = e.village_id WHERE e.id = ?",
        [event_id],
    )


def insert_event(
    db: Database,
    *,
    village_id: int,
    name: str,
    code: str,
    lat: float,
    lng: float,
    place_label: str | None = None,
    starts_at: str,
    ends_at: str,
    opened_by_person_id: int,
    openid: str,
    inbox_id: int | None,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO events (village_id, name, code, lat, lng, place_label, starts_at, ends_at, opened_by_person_id,"
        " openid, inbox_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, name, code, lat, lng, place_label, starts_at, ends_at, opened_by_person_id, openid, inbox_id, now],
    )
    return new_id(cursor)


def codes_in_use(db: Database, now: str) -> set[str]:
    """The codes of the events not over at ``now``."""
    return {row["code"] for row in db.query(f"SELECT code FROM events WHERE {_NOT_OVER}", [now])}


def current_in_village(db: Database, village_id: int, now: str) -> list[dict]:
    """The village's events not over at ``now`` (under way, or later today), earliest first."""
    return list(
        db.query(f"SELECT * FROM events WHERE village_id = ? AND {_NOT_OVER} ORDER BY starts_at, id", [village_id, now])
    )


def cancelled_in_village(db: Database, village_id: int, since: str, now: str) -> list[dict]:
    """sim64: the village's days called off at or after ``since`` (and by ``now``), latest first."""
    return list(
        db.query(
            "SELECT * FROM events WHERE village_id = ? AND cancelled_at >= ? AND cancelled_at <= ?"
            " ORDER BY cancelled_at DESC, id DESC",
            [village_id, since, now],
        )
    )


def by_code(db: Database, code: str, now: str) -> dict | None:
    """The event not over at ``now`` with this code (under way, or later today)."""
    return one(db, f"SELECT * FROM events WHERE code = ? AND {_NOT_OVER} ORDER BY starts_at LIMIT 1", [code, now])


def needing_qr(db: Database, now: str, max_attempts: int) -> list[dict]:
    return list(
        db.query(
            f"SELECT * FROM events WHERE qr_status = ? AND {_NOT_OVER} AND qr_attempts < ? ORDER BY id",
            [PENDING, now, max_attempts],
        )
    )


def set_qr(db: Database, event_id: int, *, status: str, ticket: str | None = None, error: str | None = None) -> None:
    db.execute(
        "UPDATE events SET qr_status = ?, qr_ticket = COALESCE(?, qr_ticket), qr_error = ?,"
        " qr_attempts = qr_attempts + 1 WHERE id = ?",
        [status, ticket, error, event_id],
    )


def events_list(db: Database, village_ids: list[int] | None = None, limit: int = 200) -> list[dict]:
    """The newest events first (of these villages; None: all), with the village, opener and counts."""
    where = "" if village_ids is None else f" WHERE e.village_id IN ({','.join('?' * len(village_ids)) or 'NULL'})"
    return list(
        db.query(
            "SELECT e.*, v.name AS village, pe.name AS opened_by,"
            " (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id) AS attendees,"
            " (SELECT COUNT(*) FROM attendance a WHERE a.event_id = e.id AND a.present = 1) AS present,"
            f" (SELECT COALESCE(SUM({_TREES_SQL}), 0) FROM attendance a WHERE a.event_id = e.id) AS trees"
            " FROM events e JOIN villages v ON v.id = e.village_id LEFT JOIN people pe ON pe.id = e.opened_by_person_id"
            f"{where} ORDER BY e.starts_at DESC, e.id DESC LIMIT ?",
            [*(village_ids or []), limit],
        )
    )


# -- attendance -------------------------------------------------------------------------------------
def attendance(db: Database, event_id: int, person_id: int) -> dict | None:
    return one(db, "SELECT * FROM attendance WHERE event_id = ? AND person_id = ?", [event_id, person_id])


def attendance_row(db: Database, attendance_id: int) -> dict | None:
    return one(db, "SELECT * FROM attendance WHERE id = ?", [attendance_id])


def insert_attendance(db: Database, *, event_id: int, person_id: int, openid: str, how: str, now: str) -> int:
    cursor = db.execute(
        "INSERT INTO attendance (event_id, person_id, openid, how, checked_in_at) VALUES (?, ?, ?, ?, ?)",
        [event_id, person_id, openid, how, now],
    )
    return new_id(cursor)


def set_present(
    db: Database,
    attendance_id: int,
    *,
    via: str,
    lat: float | None = None,
    lng: float | None = None,
    distance_m: float | None = None,
    by: str | None = None,
    now: str | None = None,
) -> None:
    db.execute(
        "UPDATE attendance SET present = 1, present_via = ?, lat = COALESCE(?, lat), lng = COALESCE(?, lng),"
        " distance_m = COALESCE(?, distance_m), confirmed_by = ?, confirmed_at = ? WHERE id = ?",
        [via, lat, lng, distance_m, by, now, attendance_id],
    )


def cancel(db: Database, event_id: int, person_id: int | None, now: str) -> None:
    """sim64: the day called off at ``now``, its planned span kept: no query of days not over finds it (``_NOT_OVER``);
    called off before its start, nobody was there (the opener's own check-in no longer counts as present)."""
    db.execute(
        "UPDATE events SET cancelled_at = ?, cancelled_by_person_id = ? WHERE id = ?", [now, person_id, event_id]
    )
    db.execute(
        "UPDATE attendance SET present = 0, present_via = NULL WHERE event_id = ?"
        " AND (SELECT cancelled_at <= starts_at FROM events WHERE id = ?)",
        [event_id, event_id],
    )


def attendees_to_tell(db: Database, event_id: int, but_person_id: int | None) -> list[dict]:
    """Who checked in at the day (its organiser aside): openid, name."""
    return list(
        db.query(
            "SELECT a.openid, pe.name FROM attendance a LEFT JOIN people pe ON pe.id = a.person_id"
            " WHERE a.event_id = ? AND a.person_id IS NOT ? AND a.openid IS NOT NULL ORDER BY a.id",
            [event_id, but_person_id],
        )
    )


def move_place(db: Database, event_id: int, lat: float, lng: float, label: str | None) -> None:
    """sim63: the day's place sent again by its organiser (the first was far from the village)."""
    db.execute("UPDATE events SET lat = ?, lng = ?, place_label = ? WHERE id = ?", [lat, lng, label, event_id])


def note_location(db: Database, attendance_id: int, lat: float, lng: float, distance_m: float) -> None:
    """A location too far to count: kept, so that the cadre who confirms sees it."""
    db.execute(
        "UPDATE attendance SET lat = ?, lng = ?, distance_m = ? WHERE id = ?", [lat, lng, distance_m, attendance_id]
    )


def attendance_of_event(db: Database, event_id: int) -> list[dict]:
    """Who checked in, first first, with their name, role and the trees they logged during the event."""
    return list(
        db.query(
            f"SELECT a.*, pe.name AS person, pe.role, {_TREES_SQL} AS trees FROM attendance a"
            " JOIN events e ON e.id = a.event_id LEFT JOIN people pe ON pe.id = a.person_id"
            " WHERE a.event_id = ? ORDER BY a.checked_in_at, a.id",
            [event_id],
        )
    )


def present_count(db: Database, person_id: int, until: str | None = None) -> int:
    """The events this person was present at (checked in by ``until``)."""
    return db.execute(
        "SELECT COUNT(*) FROM attendance WHERE person_id = ? AND present = 1 AND (? IS NULL OR checked_in_at <= ?)",
        [person_id, until, until],
    ).fetchone()[0]


def checked_in_waiting(db: Database, person_id: int, now: str) -> list[str]:
    """The names of the events not over at ``now`` this person checked in at and is not shown present at yet."""
    return [
        row["name"]
        for row in db.query(
            "SELECT e.name FROM attendance a JOIN events e ON e.id = a.event_id"
            " WHERE a.person_id = ? AND COALESCE(a.present, 0) = 0 AND e.ends_at > ? AND e.cancelled_at IS NULL"
            " ORDER BY e.starts_at, e.id",
            [person_id, now],
        )
    ]


def present_people(db: Database, until: str | None = None) -> set[int]:
    """Everyone present at an event checked in by ``until``."""
    return {
        row["person_id"]
        for row in db.query(
            "SELECT DISTINCT person_id FROM attendance WHERE present = 1 AND (:until IS NULL OR checked_in_at <= :until)",
            {"until": until},
        )
    }


def party_attendees_without_records(
    db: Database, rules: dict, until: str | None = None, village_id: int | None = None
) -> dict[int, int]:
    """village id -> party members to count (the rules of bot.progress) present at an event by ``until`` who have no
    verified record by then (those took part already): what attendance adds to 已参与党员."""
    done = "COALESCE(p.completed_at, p.created_at)"
    return {
        row["village_id"]: row["n"]
        for row in db.query(
            f"SELECT pe.village_id, COUNT(*) AS n FROM people pe WHERE pe.village_id IS NOT NULL AND {PARTY_MEMBER_SQL}"
            " AND (:village_id IS NULL OR pe.village_id = :village_id)"
            " AND EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = pe.id AND a.present = 1"
            "  AND (:until IS NULL OR a.checked_in_at <= :until))"
            f" AND NOT EXISTS (SELECT 1 FROM plantings p WHERE p.person_id = pe.id AND {verified_sql('p')}"
            f"  AND (:until IS NULL OR {done} <= :until)) GROUP BY pe.village_id",
            {**rules, "until": until, "village_id": village_id},
        )
    }


def present_people_of_village(db: Database, village_id: int, party_roles: list[str]) -> tuple[int, int]:
    """sim66: the people present at the village's days (a day called off before its start has none), and how many
    of them hold one of ``party_roles``."""
    row = db.execute(
        "SELECT COUNT(DISTINCT a.person_id),"
        " COUNT(DISTINCT CASE WHEN pe.role IN (SELECT value FROM json_each(?)) THEN a.person_id END)"
        " FROM attendance a JOIN events e ON e.id = a.event_id LEFT JOIN people pe ON pe.id = a.person_id"
        " WHERE e.village_id = ? AND a.present = 1",
        [json.dumps(party_roles, ensure_ascii=False), village_id],
    ).fetchone()
    return int(row[0] or 0), int(row[1] or 0)


def held_by_village(db: Database, start: str, end: str) -> dict[int, int]:
    """village id -> events that started in [start, end) (not one called off before it began: ``cancel``)."""
    return {
        row["village_id"]: row["n"]
        for row in db.query(
            "SELECT village_id, COUNT(*) AS n FROM events WHERE starts_at >= ? AND starts_at < ?"
            " AND (cancelled_at IS NULL OR cancelled_at > starts_at)"
            " GROUP BY village_id",
            [start, end],
        )
    }


def present_by_village(db: Database, start: str, end: str) -> dict[int, int]:
    """village id -> attendances present at its events that started in [start, end)."""
    return {
        row["village_id"]: row["n"]
        for row in db.query(
            "SELECT e.village_id, COUNT(*) AS n FROM attendance a JOIN events e ON e.id = a.event_id"
            " WHERE a.present = 1 AND e.starts_at >= ? AND e.starts_at < ? GROUP BY e.village_id",
            [start, end],
        )
    }


# -- the location sent just before --------------------------------------------------------------------
def recent_location_payload(db: Database, openid: str, since: str) -> str | None:
    """The push (inbox payload) of this sender's latest location since ``since``, or None."""
    row = one(
        db,
        "SELECT payload FROM inbox WHERE openid = ? AND msg_type = 'location' AND received_at >= ?"
        " ORDER BY id DESC LIMIT 1",
        [openid, since],
    )
    return row["payload"] if row else None
