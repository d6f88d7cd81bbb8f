"""Values derived once and kept, up to a limit: the one shape of the project's small caches.

A ``Kept`` is a dict that empties itself when it is full (no eviction order to keep: the things it holds are few
and cheap to derive again; what must not happen is that tables or rosters built on the fly, as tests build them,
pile up). ``of_table`` keys a derived value by an object's identity and keeps the object alive beside it, so that
its id cannot be reused by another.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any


class Kept(dict):
    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The value kept for ``key``, made (and kept) when absent; ``None`` is a value like any other."""
        try:
            return self[key]
        except KeyError:
            pass
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = make()
        return value

    def of_table(self, table: object, make: Callable[[], Any], *key: Hashable) -> Any:
        """The value derived from ``table`` (and ``key``), known by the table's identity."""
        full = (id(table), *key)
        kept = self.get(full)
        if kept is None or kept[0] is not table:
            if len(self) >= self.limit:
                self.clear()
            kept = self[full] = (table, make())
        return kept[1]
