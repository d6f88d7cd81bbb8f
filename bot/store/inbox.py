"""Every incoming message, its dedupe key and the reply it got."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("inbox")


@migrations()
def m001_inbox(db: Database) -> None:
    db.table("inbox").create(
        {
            "id": int,
            "openid": str,
            "msg_key": str,
            "msg_type": str,
            "event": str,
            "content": str,
            "payload": str,
            "handler": str,
            "reply": str,
            "status": str,
            "received_at": str,
            "latency_ms": float,
        },
        pk="id",
        not_null={"openid", "msg_key", "msg_type", "status"},
        defaults={"status": "ok"},
    )
    db.table("inbox").create_index(["openid", "msg_key"], unique=True)
    db.table("inbox").create_index(["received_at"])


def find(db: Database, openid: str, msg_key: str) -> dict | None:
    return one(db, "SELECT * FROM inbox WHERE openid = ? AND msg_key = ?", [openid, msg_key])


def record(
    db: Database,
    *,
    openid: str,
    msg_key: str,
    msg_type: str,
    event: str | None,
    content: str | None,
    payload: str,
    received_at: str,
    status: str = "ok",
    handler: str | None = None,
    reply: str | None = None,
    latency_ms: float | None = None,
    inbox_id: int | None = None,
) -> int | None:
    """The new row's id; None when this (openid, msg_key) is already kept: a retry (see ``find``). ``payload``: the
    push's fields as JSON (``json_text``). With its
    ``handler`` and ``reply`` when they are known already (one statement instead of ``record`` and ``set_reply``);
    ``inbox_id``: the id to give it (the webhook's, bot/webhook.py), instead of SQLite's choice (the same: the
    largest + 1)."""
    row = db.conn.execute(
        "INSERT INTO inbox (id, openid, msg_key, msg_type, event, content, payload, received_at, status, handler,"
        " reply, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (openid, msg_key) DO NOTHING RETURNING id",
        [
            inbox_id,
            openid,
            msg_key,
            msg_type,
            event,
            content,
            payload,
            received_at,
            status,
            handler,
            reply,
            latency_ms,
        ],
    ).fetchone()
    return row[0] if row else None


def set_reply(db: Database, inbox_id: int, handler: str, reply: str | None, latency_ms: float) -> None:
    db.execute(
        "UPDATE inbox SET handler = ?, reply = ?, latency_ms = ? WHERE id = ?",
        [handler, reply, latency_ms, inbox_id],
    )


def rows_of(db: Database, openid: str, inbox_ids: list[int]) -> list[dict]:
    """Some of a sender's inbox rows by id, oldest first (messages kept until 登记, bot.identity)."""
    if not inbox_ids:
        return []
    marks = ", ".join("?" for _ in inbox_ids)
    return list(
        db.query(
            f"SELECT id, payload FROM inbox WHERE openid = ? AND id IN ({marks}) ORDER BY id", [openid, *inbox_ids]
        )
    )
