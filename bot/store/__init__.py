"""Every read and write, as small named functions; no SQL outside this package.

One module per idea; each owns its tables (writes only those; reads may join others) and declares
them in its own sqlite-utils ``Migrations`` set. A capability lists its store modules in its
manifest's ``STORES`` (handlers/<name>.py); migrations run in the order of the registry's ``stores``
(core first, then the capabilities in ``handlers.CAPABILITIES`` order), so a module's tables may refer
to those of the modules before it.
"""

from __future__ import annotations

import sqlite3


def one(db, sql: str, params=()) -> dict | None:
    """The first row of a SELECT, or None."""
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def new_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT that ``cursor`` ran added (sqlite3 types ``lastrowid`` as optional)."""
    assert cursor.lastrowid is not None, "new_id() follows an INSERT"
    return cursor.lastrowid
