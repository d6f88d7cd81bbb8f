"""Reminders and broadcasts: who can be reached, what they still have to do, staff broadcasts.

Every reminder, follow-up and broadcast is an outbox row (kind reminder/followup/broadcast) with a
dedupe key built from stable ids, so the outbox itself is the log of what was sent to whom; this
module only adds the ``broadcasts`` table. Recipient queries are generators over a cursor, so a
segment of 100,000 followers is never loaded at once.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations


migrations = Migrations("reminders")

# scheduled -> waiting for send_at; started -> recipients queued in the outbox (or mass-sent);
# cancelled -> by staff (queued rows cancelled too)
BROADCAST_STATUSES = ("scheduled", "started", "cancelled")
REACHABLE_SQL = "u.subscribed = 1 AND u.reminders_off = 0"


@migrations()
def m001_broadcasts(db: Database) -> None:
    db["broadcasts"].create(
        {
            "id": int, "segment": str, "text": str, "status": str, "send_at": str,
            "mass_tag_id": int,      # set: WeChat mass send by tag (when the account's limits allow)
            "channel": str,          # outbox | mass
            "recipients": int,       # how many were queued (or reached by the mass send)
            "note": str, "created_by": str, "created_at": str, "started_at": str, "cancelled_at": str,
        },
        pk="id", not_null={"segment", "text", "status", "send_at"}, defaults={"status": "scheduled"},
    )
    db["broadcasts"].create_index(["status", "send_at"])


# -- recipients ------------------------------------------------------------------------------------
def recipients(db: Database, *, roles: Iterable[str] | None = None, registered: bool | None = None,
               village: str | None = None, town: str | None = None, with_village: bool = False,
               limit: int | None = None) -> Iterator[dict]:
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
        "SELECT u.openid, pe.id AS person_id, pe.name, pe.role, v.name AS village, v.town"
        " FROM users u LEFT JOIN people pe ON pe.openid = u.openid"
        " LEFT JOIN villages v ON v.id = COALESCE(pe.village_id, u.scene_village_id)"
        f" WHERE {' AND '.join(where)} ORDER BY u.openid"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    yield from db.query(sql, params)


def reminders_in_week(db: Database, openid: str, start: str, end: str,
                      kinds: tuple[str, ...] = ("reminder", "followup")) -> int:
    """Reminders and follow-ups this user gets (or got) in [start, end), not counting cancelled ones."""
    return db.execute(
        f"SELECT COUNT(*) FROM outbox WHERE openid = ? AND kind IN ({','.join('?' * len(kinds))})"
        " AND status != 'cancelled' AND COALESCE(sent_at, next_attempt_at) >= ?"
        " AND COALESCE(sent_at, next_attempt_at) < ?",
        [openid, *kinds, start, end],
    ).fetchone()[0]


def enqueue_many(db: Database, rows: Iterable[tuple], *, kind: str, now: str, not_before: str) -> int:
    """Queue (openid, text, dedupe_key) rows in one statement; existing dedupe keys are skipped."""
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO outbox (openid, kind, text, dedupe_key, status, next_attempt_at, created_at)"
        " VALUES (?, ?, ?, ?, 'queued', ?, ?) ON CONFLICT(dedupe_key) DO NOTHING",
        ((openid, kind, text, key, not_before, now) for openid, text, key in rows),
    )
    return db.execute("SELECT total_changes()").fetchone()[0] - before


def mark_many_sent(db: Database, rows: Iterable[tuple], *, kind: str, channel: str, now: str) -> int:
    """Record (openid, text, dedupe_key) rows as already sent (a mass send reached them)."""
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO outbox (openid, kind, text, dedupe_key, status, channel, attempts, next_attempt_at,"
        " created_at, sent_at) VALUES (?, ?, ?, ?, 'sent', ?, 1, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING",
        ((openid, kind, text, key, channel, now, now, now) for openid, text, key in rows),
    )
    return db.execute("SELECT total_changes()").fetchone()[0] - before


def _key_range(prefix: str) -> list[str]:
    """dedupe_key >= prefix AND < the next string: a prefix match that uses the unique index."""
    return [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]


def outbox_status_counts(db: Database, prefix: str) -> dict[str, int]:
    """'status/channel' -> count for the outbox rows whose dedupe key starts with ``prefix``."""
    return {f"{r['status']}/{r['channel'] or '-'}": r["n"] for r in db.query(
        "SELECT status, channel, COUNT(*) AS n FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ?"
        " GROUP BY status, channel ORDER BY status, channel", _key_range(prefix))}


def cancel_outbox_prefix(db: Database, prefix: str, reason: str) -> int:
    return db.execute(
        "UPDATE outbox SET status = 'cancelled', error = ? WHERE dedupe_key >= ? AND dedupe_key < ?"
        " AND status IN ('queued', 'held')", [reason, *_key_range(prefix)],
    ).rowcount


def mass_sends_between(db: Database, start: str, end: str) -> int:
    """Broadcasts that went out as a WeChat mass send in [start, end)."""
    return db.execute(
        "SELECT COUNT(*) FROM broadcasts WHERE channel = 'mass' AND started_at >= ? AND started_at < ?",
        [start, end],
    ).fetchone()[0]


def mass_received_between(db: Database, start: str, end: str) -> dict[str, int]:
    """openid -> mass sends received in [start, end) (only followers who received any)."""
    return {r["openid"]: r["n"] for r in db.query(
        "SELECT openid, COUNT(*) AS n FROM outbox WHERE channel = 'mass' AND sent_at >= ? AND sent_at < ?"
        " GROUP BY openid", [start, end])}


# -- broadcasts -------------------------------------------------------------------------------------
def add_broadcast(db: Database, *, segment: str, text: str, send_at: str, mass_tag_id: int | None,
                  created_by: str, now: str) -> int:
    return db.execute(
        "INSERT INTO broadcasts (segment, text, status, send_at, mass_tag_id, created_by, created_at)"
        " VALUES (?, ?, 'scheduled', ?, ?, ?, ?)", [segment, text, send_at, mass_tag_id, created_by, now],
    ).lastrowid


def broadcast(db: Database, broadcast_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM broadcasts WHERE id = ?", [broadcast_id]))
    return rows[0] if rows else None


def due_broadcasts(db: Database, now: str) -> list[dict]:
    return list(db.query(
        "SELECT * FROM broadcasts WHERE status = 'scheduled' AND send_at <= ? ORDER BY send_at, id", [now]))


def mark_broadcast_started(db: Database, broadcast_id: int, channel: str, now: str) -> bool:
    """Only one process starts a broadcast: False when it was started or cancelled already."""
    return db.execute(
        "UPDATE broadcasts SET status = 'started', channel = ?, started_at = ? WHERE id = ? AND status = 'scheduled'",
        [channel, now, broadcast_id],
    ).rowcount == 1


def set_broadcast_result(db: Database, broadcast_id: int, *, channel: str, recipients: int,
                         note: str | None = None) -> None:
    db.execute("UPDATE broadcasts SET channel = ?, recipients = ?, note = ? WHERE id = ?",
               [channel, recipients, note, broadcast_id])


def mark_broadcast_cancelled(db: Database, broadcast_id: int, now: str) -> None:
    db.execute("UPDATE broadcasts SET status = 'cancelled', cancelled_at = ? WHERE id = ? AND status != 'cancelled'",
               [now, broadcast_id])


def broadcasts(db: Database, limit: int = 50) -> list[dict]:
    return list(db.query("SELECT * FROM broadcasts ORDER BY id DESC LIMIT ?", [limit]))
