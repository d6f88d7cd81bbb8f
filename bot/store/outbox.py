"""The outbound queue: every message the bot sends later goes through this table."""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("outbox")

EXPORT_SQL = {
    "outbox": "SELECT id, openid, channel, status, dedupe_key, created_at, sent_at, text, kind, attempts,"
    " errcode, error FROM outbox ORDER BY id",
}

# queued  -> waiting for the sender (next_attempt_at says when)
# sending -> claimed by a sender; a stale claim is taken back after a crash
# sent    -> delivered (channel says how)
# held    -> no channel now; released when the user writes again
# failed  -> permanent error or attempts exhausted (errcode says why)
# cancelled -> the user unsubscribed / opted out, or staff cancelled it
# no_credentials -> not sent: wechat.app_id / app_secret are missing or the placeholder; queued again
#                   (and sent) by the first sender that has them
STATUSES = ("queued", "sending", "sent", "held", "failed", "cancelled", "no_credentials")


@migrations()
def m001_outbox(db: Database) -> None:
    db.table("outbox").create(
        {
            "id": int,
            "openid": str,
            "kind": str,
            "text": str,
            "template_data": str,
            "url": str,
            "dedupe_key": str,
            "status": str,
            "channel": str,
            "attempts": int,
            "next_attempt_at": str,
            "claimed_at": str,
            "errcode": int,
            "error": str,
            "created_at": str,
            "sent_at": str,
        },
        pk="id",
        not_null={"openid", "kind", "dedupe_key", "status", "attempts"},
        defaults={"status": "queued", "attempts": 0},
    )
    db.table("outbox").create_index(["dedupe_key"], unique=True)
    db.table("outbox").create_index(["status", "next_attempt_at"])
    db.table("outbox").create_index(["openid", "status"])


@migrations()
def m002_outbox_image(db: Database) -> None:
    """image: the path of a picture file (a certificate's PNG) sent as an image message (uploaded as temporary
    media when it is sent; ``text`` then only describes it); None: a text message."""
    db.table("outbox").add_column("image", str)


# tidy72: the rows queued before the column, as the version before knew its dated notices (sim68: by their dedupe keys'
# heads); stale the default's 24 hours (outbox.held_reminder_hours) after they were due, a migration reading no config
_DATED_BEFORE_THE_COLUMN = ("visit-reminder:", "award-reminder:")


@migrations()
def m003_outbox_stale_after(db: Database) -> None:
    """stale_after: when a dated notice (a month's duty, a count of days to a date: bot/reminders.py
    ``queue_notice(dated=True)``) would mislead, so is dropped rather than released late (``release_held``); None:
    never stale. A reminder is dated by its kind (kind 'reminder'), whatever this column says."""
    db.table("outbox").add_column("stale_after", str)
    dated = " OR ".join("dedupe_key LIKE ?" for _ in _DATED_BEFORE_THE_COLUMN)
    db.execute(
        "UPDATE outbox SET stale_after = strftime('%Y-%m-%dT%H:%M:%S', next_attempt_at, '+24 hours')"
        f" WHERE kind = 'notice' AND status NOT IN ('sent', 'cancelled', 'failed') AND ({dated})",
        [key + "%" for key in _DATED_BEFORE_THE_COLUMN],
    )


def enqueue(
    db: Database,
    *,
    openid: str,
    kind: str,
    text: str,
    dedupe_key: str,
    now: str,
    not_before: str | None = None,
    template_data: dict | None = None,
    url: str | None = None,
    image: str | None = None,
    stale_after: str | None = None,
) -> int | None:
    """Queue a message once: a second enqueue with the same dedupe key is a no-op (returns None)."""
    cursor = db.execute(
        "INSERT INTO outbox (openid, kind, text, template_data, url, image, dedupe_key, status, next_attempt_at,"
        " created_at, stale_after) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING",
        [
            openid,
            kind,
            text,
            json.dumps(template_data, ensure_ascii=False) if template_data else None,
            url,
            image,
            dedupe_key,
            not_before or now,
            now,
            stale_after,
        ],
    )
    return cursor.lastrowid if cursor.rowcount else None


def due(db: Database, now: str, stale_before: str, limit: int, openid: str | None = None) -> list[dict]:
    """Rows to send now (queued and due, or claimed by a sender that died); only one user's with ``openid``."""
    user, params = ("AND openid = ?", [openid]) if openid else ("", [])
    return list(
        db.query(
            "SELECT * FROM outbox WHERE ((status = 'queued' AND next_attempt_at <= ?)"
            f" OR (status = 'sending' AND claimed_at <= ?)) {user} ORDER BY next_attempt_at, id LIMIT ?",
            [now, stale_before, *params, limit],
        )
    )


def requeue_without_credentials(db: Database, now: str, openid: str | None = None) -> int:
    """The rows kept while there were no credentials go out now (one user's with ``openid``)."""
    user, params = ("AND openid = ?", [openid]) if openid else ("", [])
    return db.execute(
        f"UPDATE outbox SET status = 'queued', next_attempt_at = ?, error = NULL"
        f" WHERE status = 'no_credentials' {user}",
        [now, *params],
    ).rowcount


def claim(db: Database, outbox_id: int, now: str, stale_before: str) -> bool:
    cursor = db.execute(
        "UPDATE outbox SET status = 'sending', claimed_at = ? WHERE id = ?"
        " AND (status = 'queued' OR (status = 'sending' AND claimed_at <= ?))",
        [now, outbox_id, stale_before],
    )
    return cursor.rowcount == 1


def mark_sent(db: Database, outbox_id: int, channel: str, now: str) -> None:
    db.execute(
        "UPDATE outbox SET status = 'sent', channel = ?, sent_at = ?, attempts = attempts + 1,"
        " errcode = NULL, error = NULL WHERE id = ?",
        [channel, now, outbox_id],
    )


def mark_retry(db: Database, outbox_id: int, next_attempt_at: str, errcode: int | None, error: str) -> None:
    db.execute(
        "UPDATE outbox SET status = 'queued', attempts = attempts + 1, next_attempt_at = ?, errcode = ?, error = ?"
        " WHERE id = ?",
        [next_attempt_at, errcode, error[:500], outbox_id],
    )


def mark(
    db: Database,
    outbox_id: int,
    status: str,
    channel: str | None = None,
    errcode: int | None = None,
    error: str | None = None,
) -> None:
    assert status in STATUSES
    db.execute(
        "UPDATE outbox SET status = ?, channel = COALESCE(?, channel), errcode = ?, error = ? WHERE id = ?",
        [status, channel, errcode, (error or "")[:500] or None, outbox_id],
    )


def release_held(db: Database, openid: str, now: str, stale_before: str | None = None) -> int:
    """The user wrote again: their held messages can go as customer-service messages now. A reminder held since it
    was due before ``stale_before``, or a dated notice past its own ``stale_after`` (tidy72: a month's duty, the
    office's '评选还有7天', sim68), is dropped instead (cancelled, error 'stale'): '计划表2月8日前报齐，还有3天' read on
    3月20日 misleads (round 58, the simulator)."""
    if stale_before is not None:
        db.execute(
            "UPDATE outbox SET status = 'cancelled', error = 'stale' WHERE openid = ? AND status = 'held'"
            " AND ((kind = 'reminder' AND next_attempt_at < ?) OR stale_after < ?)",
            [openid, stale_before, now],
        )
    return db.execute(
        "UPDATE outbox SET status = 'queued', next_attempt_at = ? WHERE openid = ? AND status = 'held'",
        [now, openid],
    ).rowcount


def not_delivered(db: Database, dedupe_key: str) -> bool:
    """A message kept under ``dedupe_key`` that has not gone out (queued, held, failed or cancelled); False when it was
    sent, or when there is none."""
    row = next(db.query("SELECT status FROM outbox WHERE dedupe_key = ?", [dedupe_key]), None)
    return row is not None and row["status"] != "sent"


def cancel_pending(db: Database, openid: str, reason: str, kinds: tuple[str, ...] | None = None) -> int:
    sql = "UPDATE outbox SET status = 'cancelled', error = ? WHERE openid = ? AND status IN ('queued', 'held')"
    params: list = [reason, openid]
    if kinds:
        sql += f" AND kind IN ({', '.join('?' for _ in kinds)})"
        params += list(kinds)
    return db.execute(sql, params).rowcount


def rename_waiting(db: Database, openid: str, before: str, after: str) -> int:
    """sim71: a self-registered villager renamed (登记 again): what still waits for them (queued or held) and opens
    with the old name's greeting ``before`` ('陈阿水您好！', a reminder rendered when it was queued) opens with ``after``
    instead; nothing else of a text changes (an adviser's answer quoting the name, another household's name that starts
    with it), and sent messages stay as they were."""
    if not before or before == after:
        return 0
    return db.execute(
        "UPDATE outbox SET text = ? || substr(text, ?) WHERE openid = ? AND status IN ('queued', 'held')"
        " AND substr(text, 1, ?) = ?",
        [after, len(before) + 1, openid, len(before), before],
    ).rowcount


def for_user(db: Database, openid: str, since_id: int = 0) -> list[dict]:
    return list(db.query("SELECT * FROM outbox WHERE openid = ? AND id > ? ORDER BY id", [openid, since_id]))


def count_by_status(db: Database) -> dict[str, int]:
    return {r["status"]: r["n"] for r in db.query("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status")}


# -- many at once (broadcasts) and by dedupe-key prefix, for the reminders and broadcasts ----------
def reminders_in_week(
    db: Database, openid: str, start: str, end: str, kinds: tuple[str, ...] = ("reminder", "followup")
) -> int:
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


def add_sent_many(db: Database, rows: Iterable[tuple], *, kind: str, channel: str) -> int:
    """Record (openid, text, dedupe_key, sent_at) rows as sent each at its own moment (a season loaded at once:
    ``demo``); existing dedupe keys are skipped."""
    before = db.execute("SELECT total_changes()").fetchone()[0]
    db.conn.executemany(
        "INSERT INTO outbox (openid, kind, text, dedupe_key, status, channel, attempts, next_attempt_at,"
        " created_at, sent_at) VALUES (?, ?, ?, ?, 'sent', ?, 1, ?, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING",
        ((openid, kind, text, key, channel, at, at, at) for openid, text, key, at in rows),
    )
    return db.execute("SELECT total_changes()").fetchone()[0] - before


def _key_range(prefix: str) -> list[str]:
    """dedupe_key >= prefix AND < the next string: a prefix match that uses the unique index."""
    return [prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)]


def outbox_status_counts(db: Database, prefix: str) -> dict[str, int]:
    """'status/channel' -> count for the outbox rows whose dedupe key starts with ``prefix``."""
    return {
        f"{r['status']}/{r['channel'] or '-'}": r["n"]
        for r in db.query(
            "SELECT status, channel, COUNT(*) AS n FROM outbox WHERE dedupe_key >= ? AND dedupe_key < ?"
            " GROUP BY status, channel ORDER BY status, channel",
            _key_range(prefix),
        )
    }


def cancel_outbox_prefix(db: Database, prefix: str, reason: str) -> int:
    return db.execute(
        "UPDATE outbox SET status = 'cancelled', error = ? WHERE dedupe_key >= ? AND dedupe_key < ?"
        " AND status IN ('queued', 'held')",
        [reason, *_key_range(prefix)],
    ).rowcount


def mass_received_between(db: Database, start: str, end: str) -> dict[str, int]:
    """openid -> mass sends received in [start, end) (only followers who received any)."""
    return {
        r["openid"]: r["n"]
        for r in db.query(
            "SELECT openid, COUNT(*) AS n FROM outbox WHERE channel = 'mass' AND sent_at >= ? AND sent_at < ?"
            " GROUP BY openid",
            [start, end],
        )
    }
