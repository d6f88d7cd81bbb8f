"""Numbers that name a database row, as people type them (答 12, 收录 12), as QR scenes carry them
(qrscene_12) and as dashboard URLs hold them (/admin/tickets/12).

SQLite stores integers in 64 bits: a bigger Python int cannot even be bound as a parameter
(OverflowError), so a number past that range names no row and is answered as such ("没有这个编号",
a 404), never with an error.
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

SQLITE_MAX_INTEGER = 2**63 - 1


def row_id(text: str | None) -> int | None:
    """'12' -> 12; None when the text is not a number a row id can be (0, past SQLite's range, '²')."""
    if not text or not text.isdigit():
        return None
    try:
        value = int(text)
    except ValueError:  # digits int() does not read, such as superscripts
        return None
    return value if 1 <= value <= SQLITE_MAX_INTEGER else None


class RowIdConverter(IntegerConverter):
    """Flask's ``<int:…>`` bounded to what SQLite can hold: a URL past it matches no route (404)."""

    def __init__(self, map, *args, **kwargs):  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", SQLITE_MAX_INTEGER)
        super().__init__(map, *args, **kwargs)
