"""Every incoming message, its dedupe key and the reply it got.

The writer thread's group (bot/writer.py) may keep its messages' rows back and write them in one statement before
its COMMIT (``Batch``): one statement a group instead of one a message (issue 21). While a batch is open, ``find``
sees its rows and ``rows_of`` writes them first, so no read of this module misses a row of the open group.
"""

from __future__ import annotations

from typing import Any

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


COLUMNS = (
    "id",
    "openid",
    "msg_key",
    "msg_type",
    "event",
    "content",
    "payload",
    "received_at",
    "status",
    "handler",
    "reply",
    "latency_ms",
)


class Batch:
    """The rows of one write transaction's messages kept back (``keep``) and written together (``write_batch``), each
    with the id the caller gave it: the ids follow the order the rows were kept in (``next_id``)."""

    __slots__ = ("transaction", "rows", "by_key", "last_id")

    def __init__(self, transaction: object):
        self.transaction = transaction  # bot.db.Database.open_transaction: the batch is that transaction's only
        self.rows: list[tuple[Any, ...]] = []  # in COLUMNS order
        self.by_key: dict[tuple[str, str], tuple[Any, ...]] = {}  # (openid, msg_key) → its row
        self.last_id: int | None = None  # the largest id given in this transaction (None: none yet)

    def next_id(self, largest_kept: int | None) -> int:
        """The id of the transaction's next row; ``largest_kept``: the table's largest id as read in it, if known."""
        largest = max(largest_kept or 0, self.last_id or 0)
        self.last_id = largest + 1
        return self.last_id

    def took(self, inbox_id: int) -> None:
        """A row of the transaction was written at once (``record``) with this id."""
        self.last_id = max(inbox_id, self.last_id or 0)

    def keep(self, row: tuple[Any, ...]) -> None:
        """A row (COLUMNS order, its id from ``next_id``), written by ``write_batch``."""
        self.rows.append(row)
        self.by_key[(row[1], row[2])] = row


def open_batch(db: Database) -> Batch:
    """A batch for ``db``'s open write transaction (bot.db.transaction), replacing any earlier one."""
    batch = Batch(getattr(db, "open_transaction", None))
    setattr(db, "inbox_batch", batch)  # noqa: B010 - any sqlite-utils Database
    return batch


def batch_of(db: Database) -> Batch | None:
    """``db``'s batch, if one is open in its current write transaction."""
    batch = getattr(db, "inbox_batch", None)
    if batch is None or batch.transaction is None or batch.transaction is not getattr(db, "open_transaction", None):
        return None
    return batch


def close_batch(db: Database) -> None:
    """No batch: rows are written as they come (``record``), and what an earlier batch held is dropped."""
    setattr(db, "inbox_batch", None)  # noqa: B010


def write_batch(db: Database, close: bool = True) -> None:
    """The open batch's rows in one statement (the connection keeps its text for each number of rows prepared: one
    multi-row VALUES is SQLite's cheapest insert of several rows, and one step, so one hand-over of the GIL); then no
    batch, unless ``close`` is False. Raises (nothing written) if a row's id or (openid, msg_key) is taken: its
    caller said it was not."""
    batch = batch_of(db)
    if close:
        close_batch(db)
    if batch is None or not batch.rows:
        return
    rows, batch.rows, batch.by_key = batch.rows, [], {}
    db.conn.execute(_insert_rows(len(rows)), [value for row in rows for value in row])


_ROW = "(" + ", ".join("?" for _ in COLUMNS) + ")"
_INSERT_ROWS: dict[int, str] = {}


def _insert_rows(n: int) -> str:
    """INSERT of ``n`` rows (COLUMNS order)."""
    sql = _INSERT_ROWS.get(n)
    if sql is None:
        sql = _INSERT_ROWS[n] = f"INSERT INTO inbox ({', '.join(COLUMNS)}) VALUES " + ", ".join([_ROW] * n)
    return sql


def find(db: Database, openid: str, msg_key: str) -> dict | None:
    batch = batch_of(db)
    if batch is not None and (row := batch.by_key.get((openid, msg_key))) is not None:
        return dict(zip(COLUMNS, row))
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
    largest + 1). Written at once, also while a batch is open (whose ids it then follows)."""
    batch = batch_of(db)
    if batch is not None:
        if (openid, msg_key) in batch.by_key:  # held back by the batch: kept already
            return None
        if inbox_id is None and batch.last_id is not None:
            inbox_id = batch.last_id + 1  # past the rows the batch holds back
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
    if row is None:
        return None
    if batch is not None:
        batch.took(row[0])
    return row[0]


def set_reply(db: Database, inbox_id: int, handler: str, reply: str | None, latency_ms: float) -> None:
    db.execute(
        "UPDATE inbox SET handler = ?, reply = ?, latency_ms = ? WHERE id = ?",
        [handler, reply, latency_ms, inbox_id],
    )


def rows_of(db: Database, openid: str, inbox_ids: list[int]) -> list[dict]:
    """Some of a sender's inbox rows by id, oldest first (messages kept until 登记, bot.identity)."""
    if not inbox_ids:
        return []
    write_batch(db, close=False)  # the open batch's rows too
    marks = ", ".join("?" for _ in inbox_ids)
    return list(
        db.query(
            f"SELECT id, payload FROM inbox WHERE openid = ? AND id IN ({marks}) ORDER BY id", [openid, *inbox_ids]
        )
    )


# the sender's last text message before a message, at a time or later (tidy79: one query for the four readers below)
_LAST_TEXT = (
    "SELECT {} FROM inbox WHERE openid = ? AND id < ? AND msg_type = 'text' AND received_at >= ?"
    " ORDER BY id DESC LIMIT 1"
)
_HANDLER_AND_CONTENT = _LAST_TEXT.format("handler, content")
_HANDLER_AND_REPLY = _LAST_TEXT.format("handler, reply")


def _last_text(
    db: Database, openid: str, before_id: int, since: str, select: str = _HANDLER_AND_CONTENT
) -> dict | None:
    """The sender's last text message before ``before_id`` at ``since`` or later: its handler and content, or what
    ``select`` (one of the two statements above) reads of it."""
    write_batch(db, close=False)  # the open batch's rows too
    return one(db, select, [openid, before_id, since])


def last_text_handler(db: Database, openid: str, before_id: int, since: str) -> str | None:
    """The route that handled the sender's text message before ``before_id``, when it came at ``since`` or later (round
    48: an elliptic follow-up reads the kind last asked); None when there is none."""
    row = _last_text(db, openid, before_id, since)
    return row["handler"] if row else None


def last_text_since(db: Database, openid: str, before_id: int, since: str) -> str | None:
    """The words of the sender's text message before ``before_id``, when it came at ``since`` or later (round 64: what a
    photo in a ticket's window followed); None when there is none."""
    row = _last_text(db, openid, before_id, since)
    return row["content"] if row else None


def last_text_reply(db: Database, openid: str, before_id: int, since: str) -> dict | None:
    """The route that handled the sender's text message before ``before_id`` and its reply, when it came at ``since``
    or later (round 77: a bare 更多 reads the page the list last shown offered); None when there is none."""
    return _last_text(db, openid, before_id, since, _HANDLER_AND_REPLY)


def previous_id(db: Database, openid: str, before_id: int) -> int | None:
    """The id of the sender's message just before ``before_id`` (any kind), None when there is none (round 72: an answer
    read only when it comes right after its question)."""
    write_batch(db, close=False)  # the open batch's rows too
    row = one(db, "SELECT id FROM inbox WHERE openid = ? AND id < ? ORDER BY id DESC LIMIT 1", [openid, before_id])
    return row["id"] if row else None


def last_text(db: Database, openid: str, before_id: int, since: str) -> dict | None:
    """The sender's last text message before ``before_id`` at ``since`` or later: its handler and content (the lead,
    forty-third session: a detail after the FAQ's answer is read with the question it follows)."""
    return _last_text(db, openid, before_id, since)
