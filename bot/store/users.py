"""WeChat followers (openids): subscription, reminder opt-out, the 48-hour window."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("users")


@migrations()
def m001_users(db: Database) -> None:
    db["users"].create(
        {
            "openid": str, "subscribed": int, "reminders_off": int, "scene_village_id": int,
            "last_inbound_at": str, "cs_sent_since_inbound": int,
            "subscribed_at": str, "unsubscribed_at": str, "created_at": str,
        },
        pk="openid", not_null={"subscribed", "reminders_off", "cs_sent_since_inbound"},
        defaults={"subscribed": 1, "reminders_off": 0, "cs_sent_since_inbound": 0},
    )


def get(db: Database, openid: str) -> dict | None:
    rows = list(db.query("SELECT * FROM users WHERE openid = ?", [openid]))
    return rows[0] if rows else None


def touch_inbound(db: Database, openid: str, now: str, counts_as_contact: bool = True) -> dict:
    """Record that the user wrote to us: opens a fresh 48-hour customer-service window."""
    db.execute(
        "INSERT INTO users (openid, created_at, subscribed_at) VALUES (?, ?, ?) ON CONFLICT(openid) DO NOTHING",
        [openid, now, now],
    )
    if counts_as_contact:
        db.execute(
            "UPDATE users SET last_inbound_at = ?, cs_sent_since_inbound = 0 WHERE openid = ?",
            [now, openid],
        )
    return get(db, openid)


def set_subscribed(db: Database, openid: str, subscribed: bool, now: str) -> None:
    column = "subscribed_at" if subscribed else "unsubscribed_at"
    db.execute(
        f"UPDATE users SET subscribed = ?, {column} = ? WHERE openid = ?", [int(subscribed), now, openid]
    )


def set_reminders_off(db: Database, openid: str, off: bool) -> None:
    db.execute("UPDATE users SET reminders_off = ? WHERE openid = ?", [int(off), openid])


def set_scene_village(db: Database, openid: str, village_id: int | None) -> None:
    db.execute("UPDATE users SET scene_village_id = ? WHERE openid = ?", [village_id, openid])


def count_cs_send(db: Database, openid: str) -> None:
    db.execute(
        "UPDATE users SET cs_sent_since_inbound = cs_sent_since_inbound + 1 WHERE openid = ?", [openid]
    )
