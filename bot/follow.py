"""An in-memory copy of a table that grows by a rising key, kept in step with what is committed.

Each process keeps two such copies: the FAQ index holds the adviser-approved entries (``faq_entries`` by ``id``,
bot/escalation.py) and the near-duplicate index the analysed record photos (``planting_photos`` by ``index_seq``,
bot/planting.py). Before each use a copy reads the rows past the last key it holds, so it sees what other
processes added. Both keys are "the largest + 1": a key taken by a transaction that rolled back (or by the
savepoint of one message of the writer's group, bot/writer.py) goes to the next row. AUTOINCREMENT would not
change that: SQLite keeps its counter in ``sqlite_sequence``, which the rollback restores too. So a copy that had
moved past such a key would skip the next row for good, and keep a row that never was.

Only committed rows therefore move ``committed`` on. In a write transaction (``BEGIN IMMEDIATE``: no other
connection writes until it ends) every row read is committed except those the transaction wrote itself, and
whoever writes one says so (``wrote``). Those rows go into the copy too, as its tail, so that they count at once
in that transaction (an entry 收录 in the writer's group answers the next question of the group); the tail is read
again at every later look, and when its rows are gone or changed it is cut off the copy before what the table
holds is added again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    """What to do to the copy: take ``drop`` rows off its end, then add ``add`` (rows, in key order)."""

    drop: int
    add: list[dict]


class Follower:
    """Which rows of one table a copy holds. ``read_after(db, key)``: the rows past ``key``, in key order, each
    with its key in column ``key``. The copy's owner serialises the calls (a lock) and applies each ``Change``."""

    def __init__(self, read_after: Callable[[Any, int], list[dict]], key: str):
        self._read_after = read_after
        self._key = key
        self.committed = 0  # the rows up to this key are committed, and in the copy
        self._tail: list[dict] = []  # the rows past it in the copy, as last read: written by an open transaction
        self._wrote_in: object | None = None  # the transaction that wrote rows (bot.db.Database.open_transaction)
        self._first_written: int | None = None  # and the first key it wrote: it and every key past it are its own
        self._read_in: object | None = None  # the write transaction the table was last read in

    @property
    def holds_uncommitted(self) -> bool:
        """The copy holds rows an open transaction wrote (its tail)."""
        return bool(self._tail)

    def wrote(self, db, key: int) -> None:
        """``db``'s open transaction has just written the row ``key``."""
        transaction = getattr(db, "open_transaction", None)
        if transaction is not self._wrote_in or self._first_written is None:
            self._wrote_in, self._first_written = transaction, key
        else:
            self._first_written = min(self._first_written, key)
        self._read_in = None  # read again: the table changed in this transaction

    def read_again(self) -> None:
        """Rows this copy holds may have changed in the open transaction (not by new rows): the next ``catch_up`` reads."""
        self._read_in = None

    def restart(self) -> None:
        """The copy was emptied (rebuilt with changed rows: an adviser entry's answer corrected, bot/escalation.py): the
        next ``catch_up`` reads every row again and adds them all. What this process wrote stays known."""
        self.committed, self._tail, self._read_in = 0, [], None

    def catch_up(self, db) -> Change | None:
        """What the copy needs to hold what ``db`` sees now; None when it does already."""
        transaction = getattr(db, "open_transaction", None)
        if transaction is not None and transaction is self._read_in and not self._tail:
            return None  # read in this write transaction already, and nobody else can add a row before it ends
        self._read_in = transaction
        rows = self._read_after(db, self.committed)
        drop = 0
        if rows[: len(self._tail)] != self._tail:  # a write of an open transaction was undone (or changed)
            drop, self._tail = len(self._tail), []
        added = rows[len(self._tail) :]
        own_from = self._first_written if db.conn.in_transaction and transaction is self._wrote_in else None
        committed = [row for row in rows if own_from is None or row[self._key] < own_from]
        if committed:
            self.committed = committed[-1][self._key]
        self._tail = rows[len(committed) :]
        return Change(drop, added) if drop or added else None
