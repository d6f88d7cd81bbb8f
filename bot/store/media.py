"""Photos, voice and video that arrived as WeChat media ids, and their download state."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("media")

# pending -> waiting for the download job; stored -> bytes on disk (sha256, path);
# lost -> WeChat no longer has it (40007: expired after 3 days); failed -> gave up.


@migrations()
def m001_media(db: Database) -> None:
    db.table("media").create(
        {
            "id": int,
            "openid": str,
            "inbox_id": int,
            "kind": str,
            "media_id": str,
            "pic_url": str,
            "format": str,
            "status": str,
            "attempts": int,
            "next_attempt_at": str,
            "sha256": str,
            "path": str,
            "size": int,
            "errcode": int,
            "error": str,
            "created_at": str,
            "fetched_at": str,
        },
        pk="id",
        not_null={"openid", "kind", "media_id", "status", "attempts"},
        defaults={"status": "pending", "attempts": 0},
    )
    db.table("media").create_index(["media_id"], unique=True)
    db.table("media").create_index(["status", "next_attempt_at"])
    db.table("media").create_index(["sha256"])


@migrations()
def m002_sender_and_inbox_indexes(db: Database) -> None:
    """A sender's photos of the last minutes are read on most texts (bot/store/tickets.py ``recent_activity``), and
    a message's media row by its inbox row: without these, each read went through every photo ever received
    (issue 21: 7 ms a text with 50,000 photos, 0.03 ms with them)."""
    db.table("media").create_index(["openid", "kind", "created_at"])
    db.table("media").create_index(["inbox_id"])


def add(
    db: Database,
    *,
    openid: str,
    inbox_id: int,
    kind: str,
    media_id: str,
    pic_url: str | None,
    fmt: str | None,
    now: str,
) -> int:
    db.execute(
        "INSERT INTO media (openid, inbox_id, kind, media_id, pic_url, format, status, next_attempt_at, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) ON CONFLICT(media_id) DO NOTHING",
        [openid, inbox_id, kind, media_id, pic_url, fmt, now, now],
    )
    return next(db.query("SELECT id FROM media WHERE media_id = ?", [media_id]))["id"]


def row_for_inbox(db: Database, inbox_id: int) -> int | None:
    """The media row of an incoming photo/voice (by its inbox row)."""
    row = db.execute("SELECT id FROM media WHERE inbox_id = ? ORDER BY id LIMIT 1", [inbox_id]).fetchone()
    return row[0] if row else None


def get(db: Database, media_row_id: int) -> dict | None:
    return one(db, "SELECT * FROM media WHERE id = ?", [media_row_id])


def villages_holding(db: Database, sha256: str, *, photos: str, records: str, record_key: str) -> set[int | None]:
    """The villages of the ``records`` whose photos (the table ``photos``: its ``media_row_id`` and ``record_key``)
    hold this stored photo: a capability's ``PHOTO_VILLAGES`` (visits, milestones, tending; tidy87: one query for the
    three). The tables are the caller's constants, never a sender's words."""
    sql = (
        f"SELECT r.village_id FROM {photos} p JOIN media m ON m.id = p.media_row_id"
        f" JOIN {records} r ON r.id = p.{record_key} WHERE m.sha256 = ?"
    )
    return {row["village_id"] for row in db.query(sql, [sha256])}


def due(db: Database, now: str, limit: int, openid: str | None = None) -> list[dict]:
    """Pending rows due for a download (one user's with ``openid``)."""
    user, params = ("AND openid = ?", [openid]) if openid else ("", [])
    return list(
        db.query(
            f"SELECT * FROM media WHERE status = 'pending' AND next_attempt_at <= ? {user} ORDER BY id LIMIT ?",
            [now, *params, limit],
        )
    )


def count_due(db: Database, now: str, openid: str | None = None) -> int:
    user, params = ("AND openid = ?", [openid]) if openid else ("", [])
    return db.execute(
        f"SELECT COUNT(*) FROM media WHERE status = 'pending' AND next_attempt_at <= ? {user}", [now, *params]
    ).fetchone()[0]


def mark_stored(db: Database, media_row_id: int, sha256: str, path: str, size: int, now: str) -> None:
    db.execute(
        "UPDATE media SET status = 'stored', sha256 = ?, path = ?, size = ?, fetched_at = ?,"
        " attempts = attempts + 1, errcode = NULL, error = NULL WHERE id = ?",
        [sha256, path, size, now, media_row_id],
    )


def mark_retry(db: Database, media_row_id: int, next_attempt_at: str, errcode: int | None, error: str) -> None:
    db.execute(
        "UPDATE media SET attempts = attempts + 1, next_attempt_at = ?, errcode = ?, error = ? WHERE id = ?",
        [next_attempt_at, errcode, error[:500], media_row_id],
    )


def mark_final(db: Database, media_row_id: int, status: str, errcode: int | None, error: str, now: str) -> None:
    assert status in ("lost", "failed")
    db.execute(
        "UPDATE media SET status = ?, errcode = ?, error = ?, fetched_at = ?, attempts = attempts + 1 WHERE id = ?",
        [status, errcode, error[:500], now, media_row_id],
    )
