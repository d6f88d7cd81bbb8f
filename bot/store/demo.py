"""Bulk writes for `python run.py demo` (no tables of its own): batched sqlite-utils inserts."""

from __future__ import annotations

from sqlite_utils import Database

BATCH = 2000


def village_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM villages").fetchone()[0]


def next_id(db: Database, table: str) -> int:
    """The first free integer id of ``table`` (the demo assigns ids itself to link rows in bulk)."""
    return (db.execute(f"SELECT COALESCE(MAX(id), 0) FROM [{table}]").fetchone()[0] or 0) + 1


def insert_rows(db: Database, table: str, rows: list[dict]) -> None:
    """Insert dicts that share their keys. A plain executemany: sqlite-utils' insert_all spends most
    of its time checking every value for JSON, which the demo's plain values never need."""
    if not rows:
        return
    columns = list(rows[0])
    sql = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES ({', '.join('?' * len(columns))})"
    for start in range(0, len(rows), BATCH):
        db.conn.executemany(sql, [[row[c] for c in columns] for row in rows[start : start + BATCH]])


def columns(db: Database, table: str) -> set[str]:
    return set(db.table(table).columns_dict)
