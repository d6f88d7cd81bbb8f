"""Villages, people and which adviser looks after which village."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("roster")


@migrations()
def m001_villages_people(db: Database) -> None:
    db["villages"].create(
        {
            "id": int, "name": str, "kind": str, "town": str, "households": int,
            "lat": float, "lng": float, "radius_m": float, "adviser": str,
            "created_at": str, "updated_at": str,
        },
        pk="id", not_null={"name", "kind"}, defaults={"kind": "村"},
    )
    db["villages"].create_index(["name"], unique=True)
    db["people"].create(
        {
            "id": int, "name": str, "village_id": int, "role": str, "phone": str,
            "birth_year": int, "openid": str, "household": str, "source": str,
            "created_at": str, "updated_at": str,
        },
        pk="id", not_null={"name", "role"}, defaults={"role": "群众", "source": "roster"},
        foreign_keys=[("village_id", "villages", "id")],
    )
    db["people"].create_index(["name", "village_id"], unique=True)
    db["people"].create_index(["openid"], unique=True)
    db["people"].create_index(["village_id"])
    db["adviser_villages"].create(
        {"person_id": int, "village_id": int}, pk=("person_id", "village_id"),
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )


def person_by_openid(db: Database, openid: str) -> dict | None:
    rows = list(db.query("SELECT * FROM people WHERE openid = ?", [openid]))
    return rows[0] if rows else None


def village(db: Database, village_id: int | None) -> dict | None:
    if village_id is None:
        return None
    rows = list(db.query("SELECT * FROM villages WHERE id = ?", [village_id]))
    return rows[0] if rows else None


def kept_inbox_rows(db: Database, openid: str, inbox_ids: list[int]) -> list[dict]:
    """The inbox rows of messages kept until their sender registered (bot.identity), oldest first."""
    if not inbox_ids:
        return []
    marks = ", ".join("?" for _ in inbox_ids)
    return list(db.query(
        f"SELECT id, payload FROM inbox WHERE openid = ? AND id IN ({marks}) ORDER BY id", [openid, *inbox_ids]
    ))
