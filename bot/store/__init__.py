"""Every read and write, as small named functions; no SQL outside this package.

One module per idea; each owns its tables (writes only those; reads may join others) and declares
them in its own sqlite-utils ``Migrations`` set. A capability lists its store modules in its
manifest's ``STORES`` (handlers/<name>.py); migrations run in the order of the registry's ``stores``
(core first, then the capabilities in ``handlers.CAPABILITIES`` order), so a module's tables may refer
to those of the modules before it.
"""

from __future__ import annotations

import json
import sqlite3

# JSON text as stored (Chinese kept as is); one encoder for the process: json.dumps with an option builds one per
# call, and the inbox and conversation rows are written on every message
json_text = json.JSONEncoder(ensure_ascii=False).encode


def one(db, sql: str, params=()) -> dict | None:
    """The first row of a SELECT, or None."""
    rows = list(db.query(sql, params))
    return rows[0] if rows else None


def new_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT that ``cursor`` ran added (sqlite3 types ``lastrowid`` as optional)."""
    assert cursor.lastrowid is not None, "new_id() follows an INSERT"
    return cursor.lastrowid
