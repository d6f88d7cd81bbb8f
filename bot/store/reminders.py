"""Reminders and broadcasts: who can be reached, what they still have to do, staff broadcasts.

Every reminder, follow-up and broadcast is an outbox row (kind reminder/followup/broadcast) with a
dedupe key built from stable ids, so the outbox itself is the log of what was sent to whom; this
module only adds the ``broadcasts`` table. Recipient queries are generators over a cursor, so a
segment of 100,000 followers is never loaded at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one

migrations = Migrations("reminders")

# scheduled -> waiting for send_at; started -> recipients queued in the outbox (or mass-sent);
# cancelled -> by staff (queued rows cancelled too)
BROADCAST_STATUSES = ("scheduled", "started", "cancelled")
REACHABLE_SQL = "u.subscribed = 1 AND u.reminders_off = 0"


@migrations()
def m001_broadcasts(db: Database) -> None:
    db.table("broadcasts").create(
        {
            "id": int,
            "segment": str,
            "text": str,
            "status": str,
            "send_at": str,
            "mass_tag_id": int,  # set: WeChat mass send by tag (when the account's limits allow)
            "channel": str,  # outbox | mass
            "recipients": int,  # how many were queued (or reached by the mass send)
            "note": str,
            "created_by": str,
            "created_at": str,
            "started_at": str,
            "cancelled_at": str,
        },
        pk="id",
        not_null={"segment", "text", "status", "send_at"},
        defaults={"status": "scheduled"},
    )
    db.table("broadcasts").create_index(["status", "send_at"])


# -- recipients ------------------------------------------------------------------------------------
def recipients(
    db: Database,
    *,
    roles: Iterable[str] | None = None,
    registered: bool | None = None,
    village: str | None = None,
    town: str | None = None,
    with_village: bool = False,
    limit: int | None = None,
) -> Iterator[dict]:
    """Followers who can get optional messages (subscribed, not 退订), with their roster row if bound.

    ``registered``: True = bound to a person, False = not bound, None = either. ``village``/``town``
    match the person's village (or, for unbound followers, the village of the QR code they scanned).
    """
    where = [REACHABLE_SQL]
    params: list = []
    if registered is True or roles is not None or with_village:
        where.append("pe.id IS NOT NULL")
    elif registered is False:
        where.append("pe.id IS NULL")
    if roles is not None:
        roles = list(roles)
        where.append(f"pe.role IN ({','.join('?' * len(roles)) or 'NULL'})")
        params += roles
    if with_village:
        where.append("pe.village_id IS NOT NULL")
    if village is not None:
        where.append("v.name = ?")
        params.append(village)
    if town is not None:
        where.append("v.town = ?")
        params.append(town)
    sql = (
        "SELECT u.openid, pe.id AS person_id, pe.name, pe.role, v.id AS village_id, v.name AS village, v.town"
        " FROM users u LEFT JOIN people pe ON pe.openid = u.openid"
        " LEFT JOIN villages v ON v.id = COALESCE(pe.village_id, u.scene_village_id)"
        f" WHERE {' AND '.join(where)} ORDER BY u.openid"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    yield from db.query(sql, params)


def mass_sends_between(db: Database, start: str, end: str) -> int:
    """Broadcasts that went out as a WeChat mass send in [start, end)."""
    return db.execute(
        "SELECT COUNT(*) FROM broadcasts WHERE channel = 'mass' AND started_at >= ? AND started_at < ?",
        [start, end],
    ).fetchone()[0]


# -- broadcasts -------------------------------------------------------------------------------------
def add_broadcast(
    db: Database, *, segment: str, text: str, send_at: str, mass_tag_id: int | None, created_by: str, now: str
) -> int:
    cursor = db.execute(
        "INSERT INTO broadcasts (segment, text, status, send_at, mass_tag_id, created_by, created_at)"
        " VALUES (?, ?, 'scheduled', ?, ?, ?, ?)",
        [segment, text, send_at, mass_tag_id, created_by, now],
    )
    return new_id(cursor)


def broadcast(db: Database, broadcast_id: int) -> dict | None:
    return one(db, "SELECT * FROM broadcasts WHERE id = ?", [broadcast_id])


def due_broadcasts(db: Database, now: str) -> list[dict]:
    return list(
        db.query("SELECT * FROM broadcasts WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id", [now])
    )


def mark_broadcast_started(db: Database, broadcast_id: int, channel: str, now: str) -> bool:
    """Only one process starts a broadcast: False when it was started or cancelled already."""
    return (
        db.execute(
            "UPDATE broadcasts SET status = 'started', channel = ?, started_at = ? WHERE id = ? AND status = 'scheduled'",
            [channel, now, broadcast_id],
        ).rowcount
        == 1
    )


def set_broadcast_result(
    db: Database, broadcast_id: int, *, channel: str, recipients: int, note: str | None = None
) -> None:
    db.execute(
        "UPDATE broadcasts SET channel = ?, recipients = ?, note = ? WHERE id = ?",
        [channel, recipients, note, broadcast_id],
    )


def mark_broadcast_cancelled(db: Database, broadcast_id: int, now: str) -> None:
    db.execute(
        "UPDATE broadcasts SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status != 'cancelled'",
        [now, broadcast_id],
    )


def broadcasts(db: Database, limit: int = 50) -> list[dict]:
    return list(db.query("SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", [limit]))
