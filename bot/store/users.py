"""WeChat followers (openids): subscription, reminder opt-out, the 48-hour window."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.kept import Kept
from bot.store import one
from bot.store.conversations import LIVE_FLOWS_OF_USER
from bot.store.roster import person_of_user

migrations = Migrations("users")


@migrations()
def m001_users(db: Database) -> None:
    db.table("users").create(
        {
            "openid": str,
            "subscribed": int,
            "reminders_off": int,
            "scene_village_id": int,
            "last_inbound_at": str,
            "cs_sent_since_inbound": int,
            "subscribed_at": str,
            "unsubscribed_at": str,
            "created_at": str,
        },
        pk="openid",
        not_null={"subscribed", "reminders_off", "cs_sent_since_inbound"},
        defaults={"subscribed": 1, "reminders_off": 0, "cs_sent_since_inbound": 0},
    )


def get(db: Database, openid: str) -> dict | None:
    return one(db, "SELECT * FROM users WHERE openid = ?", [openid])


# Returned with the user row by touch_inbound, in the same statement (one fewer per message):
# whether outbound messages are held for this user's next contact (bot.outbox).
_HELD_WAITING = (
    "EXISTS (SELECT 1 FROM outbox WHERE outbox.openid = users.openid AND outbox.status = 'held') AS held_waiting"
)


def touch_inbound(
    db: Database,
    openid: str,
    now: str,
    counts_as_contact: bool = True,
    unless_kept: str | None = None,
    reads: Sequence[tuple[str, str, Sequence[Any]]] = (),
    with_person: bool = False,
) -> dict | None:
    """The user row (created on first contact), plus ``held_waiting`` (see above) and ``live_flows``, the
    user's flows live at ``now`` (bot.conversation: name -> (state, data as stored)), all in one statement. A contact opens a
    fresh 48-hour customer-service window.

    ``unless_kept``: a message's dedupe key (bot.store.inbox): None, and the row untouched, when the inbox holds
    that message of this user already (a retry); else the row has ``last_inbox_id`` too, the inbox's largest id
    (None when it is empty). The webhook's dedupe and the id of its inbox row, in the same statement.

    ``reads``: (name, SQL expression over this users row, its parameters): each value in the row as ``read:<name>``
    (bot/registry.py ``UserRead``).

    ``with_person``: the row has ``person`` too, the roster person bound to this openid as ``SELECT * FROM people``
    gives it (None when there is none): what ``Ctx.person`` would read in a statement of its own."""
    person = person_of_user(db) if with_person else None
    key = (counts_as_contact, unless_kept is None, person, tuple((name, sql) for name, sql, _params in reads))
    sql = _statements.get_or_make(key, lambda: _touch_sql(*key))
    unless = () if unless_kept is None else (openid, unless_kept)
    read_params = [value for _name, _sql, params in reads for value in params]
    if counts_as_contact:
        params = [openid, now, now, now, *unless, now, *read_params]
    else:
        params = [openid, now, now, *unless, now, *read_params]
    cursor = db.conn.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        return None
    user = dict(zip([d[0] for d in cursor.description], row))
    flows = user["live_flows"]
    user["live_flows"] = {} if flows == "{}" else {flow: tuple(row) for flow, row in json.loads(flows).items()}
    if with_person and user["person"] is not None:
        user["person"] = json.loads(user["person"])
    return user


# touch_inbound's statement text by what shapes it: made once, not for each message (~5 µs of the writer's serial work
# a message; issue 21, thirteenth round). A handful of shapes (a connection's person expression is one string per
# connection); made anew past 64.
_statements = Kept(64)


def _touch_sql(
    counts_as_contact: bool, without_key: bool, person: str | None, reads: tuple[tuple[str, str], ...]
) -> str:
    returning = f"RETURNING *, {_HELD_WAITING}, {LIVE_FLOWS_OF_USER} AS live_flows"
    if person is not None:
        returning += f", {person} AS person"
    if without_key:
        values = "VALUES (?, ?, ?{})"
    else:  # INSERT … SELECT: an upsert's SELECT needs its WHERE (SQLite's parser); no row, no insert and no update
        values = "SELECT ?, ?, ?{} WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE openid = ? AND msg_key = ?)"
        returning += ", (SELECT max(id) FROM inbox) AS last_inbox_id"
    for name, sql in reads:
        returning += f', ({sql}) AS "read:{name}"'
    if counts_as_contact:
        return (
            f"INSERT INTO users (openid, created_at, subscribed_at, last_inbound_at) {values.format(', ?')}"
            " ON CONFLICT(openid) DO UPDATE SET last_inbound_at = excluded.last_inbound_at,"
            f" cs_sent_since_inbound = 0 {returning}"
        )
    return (
        f"INSERT INTO users (openid, created_at, subscribed_at) {values.format('')}"
        f" ON CONFLICT(openid) DO UPDATE SET openid = openid {returning}"
    )


def set_subscribed(db: Database, openid: str, subscribed: bool, now: str) -> None:
    column = "subscribed_at" if subscribed else "unsubscribed_at"
    db.execute(f"UPDATE users SET subscribed = ?, {column} = ? WHERE openid = ?", [int(subscribed), now, openid])


def set_reminders_off(db: Database, openid: str, off: bool) -> None:
    db.execute("UPDATE users SET reminders_off = ? WHERE openid = ?", [int(off), openid])


def set_scene_village(db: Database, openid: str, village_id: int | None) -> None:
    db.execute("UPDATE users SET scene_village_id = ? WHERE openid = ?", [village_id, openid])


def close_cs_window(db: Database, openid: str, quota: int) -> None:
    """WeChat said the customer-service window is shut (45015/45047): use up its quota until the user writes."""
    db.execute("UPDATE users SET cs_sent_since_inbound = ? WHERE openid = ?", [quota, openid])


def count_cs_send(db: Database, openid: str) -> None:
    db.execute("UPDATE users SET cs_sent_since_inbound = cs_sent_since_inbound + 1 WHERE openid = ?", [openid])
