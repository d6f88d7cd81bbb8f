"""The dashboard's own reads and writes: review decisions, login failures, scoping and page listings.

Progress figures (totals, completion, daily series, survival) come from bot.progress; this module only
holds what the pages list (records, photos, locations, the review queue) and what only the dashboard
writes (the review decisions with who/when/why, kept by bot.planting.decide_review; failed logins for
throttling).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("dashboard")

EXPORT_SQL = {
    "review_decisions": (
        "SELECT d.id, d.planting_id, d.decision, d.reason, d.decided_by, d.decided_at, d.previous_review"
        " FROM review_decisions d ORDER BY d.id"
    ),
}


@migrations()
def m001_review_decisions_login_failures(db: Database) -> None:
    db.table("review_decisions").create(
        {
            "id": int,
            "planting_id": int,
            "decision": str,  # approved | rejected
            "reason": str,
            "decided_by": str,
            "decided_at": str,
            "previous_review": str,  # the review state the decision replaced
        },
        pk="id",
        not_null={"planting_id", "decision", "decided_by", "decided_at"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("review_decisions").create_index(["planting_id"])
    db.table("login_failures").create(
        {"id": int, "username": str, "remote_addr": str, "at": str},
        pk="id",
        not_null={"at"},
    )
    db.table("login_failures").create_index(["username", "at"])
    db.table("login_failures").create_index(["remote_addr", "at"])


# -- logins ----------------------------------------------------------------------------------------
def admin(db: Database, admin_id: int) -> dict | None:
    return one(db, "SELECT * FROM admins WHERE id = ?", [admin_id])


def record_login_failure(db: Database, username: str, remote_addr: str, now: str) -> None:
    db.execute("INSERT INTO login_failures (username, remote_addr, at) VALUES (?, ?, ?)", [username, remote_addr, now])


def login_failure_streaks(db: Database, username: str, remote_addr: str) -> dict:
    """Failures kept for this (name, address) and for this address: their numbers and latest times."""
    return next(
        db.query(
            "SELECT (SELECT COUNT(*) FROM login_failures WHERE username = :u AND remote_addr = :a) AS pair,"
            " (SELECT MAX(at) FROM login_failures WHERE username = :u AND remote_addr = :a) AS pair_last,"
            " (SELECT COUNT(*) FROM login_failures WHERE remote_addr = :a) AS address,"
            " (SELECT MAX(at) FROM login_failures WHERE remote_addr = :a) AS address_last",
            {"u": username, "a": remote_addr},
        )
    )


def clear_login_failures(db: Database, username: str, remote_addr: str) -> None:
    """Forget this name's failures from this address (after a good login there)."""
    db.execute("DELETE FROM login_failures WHERE username = ? AND remote_addr = ?", [username, remote_addr])


def forget_quiet_login_failures(db: Database, before: str) -> None:
    """Forget the failures of every address whose latest failure is older than ``before``."""
    db.execute(
        "DELETE FROM login_failures WHERE remote_addr IN (SELECT remote_addr FROM login_failures"
        " GROUP BY remote_addr HAVING MAX(at) < ?)",
        [before],
    )


def newest_record_at(db: Database) -> str | None:
    """The newest planting or ticket time (the dashboard's clock never runs behind its data)."""
    return next(
        db.query(
            "SELECT MAX(at) AS at FROM (SELECT MAX(created_at) AS at FROM plantings"
            " UNION ALL SELECT MAX(created_at) FROM tickets)"
        )
    )["at"]


# -- village page ----------------------------------------------------------------------------------
RECORD_COLUMNS = (
    "p.id, p.kind, p.site, p.species, p.count, p.area_mu, p.lat, p.lng, p.status, p.review, p.flags,"
    " p.recounted_from, p.restored_at, p.created_at, pe.name AS person, pe.role AS role, v.name AS village,"
    " (SELECT ph.sha256 FROM planting_photos ph WHERE ph.planting_id = p.id AND ph.purpose = 'record'"
    "  AND ph.sha256 IS NOT NULL ORDER BY ph.id LIMIT 1) AS photo"
)


# the village page's records list: finished records, and (round 76) the withdrawn ones, shown 已作废 with their page
LISTED_STATUSES = "('complete', 'withdrawn')"


def village_records(db: Database, village_id: int, limit: int = 50, offset: int = 0) -> list[dict]:
    """A village's finished and withdrawn records, newest first."""
    return list(
        db.query(
            f"SELECT {RECORD_COLUMNS} FROM plantings p LEFT JOIN people pe ON pe.id = p.person_id"
            " LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE p.village_id = ? AND p.status IN {LISTED_STATUSES} ORDER BY p.id DESC LIMIT ? OFFSET ?",
            [village_id, limit, offset],
        )
    )


def count_village_records(db: Database, village_id: int) -> int:
    return next(
        db.query(
            f"SELECT COUNT(*) AS n FROM plantings WHERE village_id = ? AND status IN {LISTED_STATUSES}", [village_id]
        )
    )["n"]


_VILLAGE_PHOTOS = (
    " FROM plantings p JOIN planting_photos ph ON ph.planting_id = p.id"
    " WHERE p.village_id = ? AND p.status = 'complete' AND ph.sha256 IS NOT NULL"
)


def village_photos(db: Database, village_id: int, limit: int = 60, offset: int = 0) -> list[dict]:
    """A village's record photos, newest first: sha256, planting id, species and count."""
    return list(
        db.query(
            "SELECT ph.sha256, p.id AS planting_id, p.species, p.count, p.review"
            + _VILLAGE_PHOTOS
            + " ORDER BY p.id DESC, ph.id LIMIT ? OFFSET ?",
            [village_id, limit, offset],
        )
    )


def count_village_photos(db: Database, village_id: int) -> int:
    return next(db.query("SELECT COUNT(*) AS n" + _VILLAGE_PHOTOS, [village_id]))["n"]


def village_locations(db: Database, village_id: int, limit: int = 2000) -> list[dict]:
    return list(
        db.query(
            "SELECT id, lat, lng, review FROM plantings WHERE village_id = ? AND status = 'complete'"
            " AND lat IS NOT NULL AND lng IS NOT NULL ORDER BY id DESC LIMIT ?",
            [village_id, limit],
        )
    )


# -- review ----------------------------------------------------------------------------------------
REVIEW_ORDERS = {"oldest": "p.id", "newest": "p.id DESC", "village": "v.name, p.id"}


def _review_where(
    states: tuple[str, ...], flag: str | None, village_id: int | None, since: str | None, until: str | None
) -> tuple[str, list]:
    where = ["p.status = 'complete'", f"p.review IN ({', '.join('?' * len(states))})"]
    params: list = list(states)
    if flag:
        where.append("(' ' || p.flags || ' ') LIKE ?")
        params.append(f"% {flag} %")
    if village_id is not None:
        where.append("p.village_id = ?")
        params.append(village_id)
    if since:
        where.append("p.created_at >= ?")
        params.append(since)
    if until:
        where.append("p.created_at < ?")
        params.append(until)
    return " AND ".join(where), params


def review_queue(
    db: Database,
    *,
    states: tuple[str, ...] = ("pending",),
    flag: str | None = None,
    village_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
    order: str = "oldest",
    limit: int = 50,
    offset: int = 0,
) -> list[dict]:
    """Records waiting for a decision (``review`` in ``states``: pending, spot_check), with one flag, of one
    village, created in [since, until); ``order`` a key of REVIEW_ORDERS. With the village's centre and radius."""
    where, params = _review_where(states, flag, village_id, since, until)
    return list(
        db.query(
            f"SELECT {RECORD_COLUMNS}, p.flag_details, p.village_id, v.lat AS village_lat, v.lng AS village_lng,"
            " v.radius_m AS village_radius_m FROM plantings p"
            " LEFT JOIN people pe ON pe.id = p.person_id LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE {where} ORDER BY {REVIEW_ORDERS[order]} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    )


def count_review_queue(
    db: Database,
    *,
    states: tuple[str, ...] = ("pending",),
    flag: str | None = None,
    village_id: int | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    where, params = _review_where(states, flag, village_id, since, until)
    return next(db.query(f"SELECT COUNT(*) AS n FROM plantings p WHERE {where}", params))["n"]


def review_villages(db: Database, states: tuple[str, ...]) -> list[dict]:
    """The villages that have records waiting (id, name, how many), by name: the queue's village filter."""
    return list(
        db.query(
            "SELECT v.id, v.name, COUNT(*) AS n FROM plantings p JOIN villages v ON v.id = p.village_id"
            f" WHERE p.status = 'complete' AND p.review IN ({', '.join('?' * len(states))})"
            " GROUP BY v.id ORDER BY v.name",
            list(states),
        )
    )


def record_photo(db: Database, planting_id: int) -> str | None:
    row = one(
        db,
        "SELECT sha256 FROM planting_photos WHERE planting_id = ? AND purpose = 'record'"
        " AND sha256 IS NOT NULL ORDER BY id LIMIT 1",
        [planting_id],
    )
    return row["sha256"] if row else None


def earlier_record_with_photo(db: Database, sha256: str, before_planting_id: int) -> dict | None:
    """The earliest other record that used the same photo (an exact duplicate)."""
    return one(
        db,
        "SELECT planting_id FROM planting_photos WHERE sha256 = ? AND planting_id < ? ORDER BY planting_id LIMIT 1",
        [sha256, before_planting_id],
    )


def add_review_decision(
    db: Database, planting_id: int, decision: str, reason: str, by: str, now: str, previous: str
) -> None:
    """Keep a review decision (bot.planting.decide_review changes the record itself)."""
    db.execute(
        "INSERT INTO review_decisions (planting_id, decision, reason, decided_by, decided_at, previous_review)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [planting_id, decision, reason, by, now, previous],
    )


def review_decisions(db: Database, planting_id: int | None = None, limit: int = 50) -> list[dict]:
    where, params = ("d.planting_id = ?", [planting_id]) if planting_id is not None else ("1", [])
    return list(
        db.query(
            "SELECT d.*, v.name AS village, p.species, p.count FROM review_decisions d"
            " JOIN plantings p ON p.id = d.planting_id LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE {where} ORDER BY d.id DESC LIMIT ?",
            [*params, limit],
        )
    )


# -- photos ----------------------------------------------------------------------------------------
def photo_villages(db: Database, sha256: str) -> set[int | None]:
    """The villages whose planting records hold this photo (planting's ``PHOTO_VILLAGES``)."""
    return {
        r["village_id"]
        for r in db.query(
            "SELECT p.village_id FROM planting_photos ph JOIN plantings p ON p.id = ph.planting_id WHERE ph.sha256 = ?",
            [sha256],
        )
    }


def in_tickets_of(db: Database, sha256: str, person_id: int) -> bool:
    """Whether this photo or voice came with a ticket assigned to that person."""
    return bool(
        list(
            db.query(
                "SELECT 1 FROM media m JOIN ticket_attachments ta ON ta.media_row_id = m.id"
                " JOIN tickets t ON t.id = ta.ticket_id WHERE m.sha256 = ? AND t.adviser_person_id = ? LIMIT 1",
                [sha256, person_id],
            )
        )
    )


def stored_voice(db: Database, sha256: str) -> dict | None:
    """A stored voice message with this content: its path (under storage.photos) and format."""
    return one(
        db,
        "SELECT path, format FROM media WHERE sha256 = ? AND kind = 'voice' AND status = 'stored' ORDER BY id LIMIT 1",
        [sha256],
    )


# -- tickets ---------------------------------------------------------------------------------------
def ticket_photos(db: Database, ticket_id: int) -> list[str]:
    """sha256 of the stored photos attached to a ticket, in the order they came."""
    return [
        r["sha256"]
        for r in db.query(
            "SELECT m.sha256 FROM ticket_attachments a JOIN media m ON m.id = a.media_row_id"
            " WHERE a.ticket_id = ? AND m.kind = 'image' AND m.status = 'stored' AND m.sha256 IS NOT NULL"
            " ORDER BY a.id",
            [ticket_id],
        )
    ]
