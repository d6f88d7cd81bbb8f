"""Per-user state of multi-step flows, one row per (openid, flow)."""

from __future__ import annotations

import json

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import json_text

migrations = Migrations("conversations")


@migrations()
def m001_conversations(db: Database) -> None:
    db.table("conversations").create(
        {"openid": str, "flow": str, "state": str, "data": str, "expires_at": str, "updated_at": str},
        pk=("openid", "flow"),
        not_null={"state"},
    )


def get(db: Database, openid: str, flow: str, now: str) -> dict | None:
    """The live state of a flow, or None when there is none, it has expired, or it was entered after ``now`` (LIVE)."""
    rows = list(
        db.query(
            f"SELECT * FROM conversations WHERE openid = ? AND flow = ? AND {LIVE.format(now='?')}",
            [openid, flow, now, now],
        )
    )
    if not rows:
        return None
    row = rows[0]
    row["data"] = json.loads(row["data"] or "{}")
    return row


# A flow is live from when it was last entered until it expires: one entered after now is not (sim63: a rehearsal's
# clock, BOT_NOW, moved back a day found the flows started on the later day waiting, and they took its messages).
LIVE = "expires_at > {now} AND updated_at <= {now}"

# A user's live flows as one JSON object, for a statement on the users table to return beside the user row
# (bot.store.users.touch_inbound: no statement of their own): each live flow's name -> [its state, its data as stored
# (JSON text), when it was last entered (updated_at)]; its one parameter is now. The names tell which flows a message need not ask about, the rows spare
# ``Flow.state`` its reads (a planting text read its flow's row five times, issue 21's eleventh round).
LIVE_FLOWS_OF_USER = (
    "(SELECT json_group_object(flow, json_array(state, data, updated_at)) FROM conversations, (SELECT ? AS now) AS n"
    f" WHERE conversations.openid = users.openid AND {LIVE.format(now='n.now')})"
)


def live_flows(db: Database, openid: str, now: str) -> list[str]:
    return [
        r["flow"]
        for r in db.query(
            f"SELECT flow FROM conversations WHERE openid = ? AND {LIVE.format(now='?')} ORDER BY updated_at DESC",
            [openid, now, now],
        )
    ]


def put(db: Database, openid: str, flow: str, state: str, data: dict | str, expires_at: str, now: str) -> None:
    """The flow's row, made or replaced; ``data`` a dict, or its JSON text already made (bot/conversation.py)."""
    db.execute(
        "INSERT INTO conversations (openid, flow, state, data, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(openid, flow) DO UPDATE SET state = excluded.state, data = excluded.data,"
        " expires_at = excluded.expires_at, updated_at = excluded.updated_at",
        [openid, flow, state, data if isinstance(data, str) else json_text(data), expires_at, now],
    )


def drop(db: Database, openid: str, flow: str | None = None) -> int:
    if flow is None:
        return db.execute("DELETE FROM conversations WHERE openid = ?", [openid]).rowcount
    return db.execute("DELETE FROM conversations WHERE openid = ? AND flow = ?", [openid, flow]).rowcount


def expired(db: Database, flow: str, now: str) -> list[dict]:
    rows = list(db.query("SELECT * FROM conversations WHERE flow = ? AND expires_at <= ?", [flow, now]))
    for row in rows:
        row["data"] = json.loads(row["data"] or "{}")
    return rows
