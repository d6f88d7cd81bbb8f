"""并户: a self-registered villager put in a roster household by a cadre of the village (bot/households.py).

The person's ``people.household`` is the household's (bot.store.roster writes it); ``household_links`` keeps who did
it and when, and whether the household text was given to the roster person named then (``head_set``: he had none,
so he and the villager make a household of their own text), so that 取消并户 puts both back as they were.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one
from bot.store.progress import SELF_ALONE_SQL

migrations = Migrations("households")


@migrations()
def m001_household_links(db: Database) -> None:
    """Each 并户: the self-registered person, the household text given, the roster person named (``head_id``),
    ``head_set`` (1: that person had no household text and got this one), the cadre, and its undoing (取消并户)."""
    db.table("household_links").create(
        {
            "id": int,
            "person_id": int,
            "village_id": int,
            "household": str,
            "head_id": int,
            "head_set": int,
            "by_person_id": int,
            "created_at": str,
            "undone_by": int,
            "undone_at": str,
        },
        pk="id",
        not_null={"person_id", "household", "created_at"},
        defaults={"head_set": 0},
        foreign_keys=[("person_id", "people", "id"), ("head_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("household_links").create_index(["person_id"])


_PERSON = (
    "SELECT pe.id, pe.name, pe.village_id, v.name AS village, pe.role, pe.household, pe.source, pe.openid,"
    f" pe.created_at, {SELF_ALONE_SQL} AS self_alone FROM people pe LEFT JOIN villages v ON v.id = pe.village_id"
)


def people_named(db: Database, name: str) -> list[dict]:
    """Everyone of exactly this name, in any village (their village's name with them)."""
    return list(db.query(f"{_PERSON} WHERE pe.name = ? ORDER BY pe.id", [name]))


def village_people_like(db: Database, village_id: int, fragment: str, limit: int = 10) -> list[dict]:
    """The village's people whose name holds ``fragment``, roster order."""
    return list(
        db.query(
            f"{_PERSON} WHERE pe.village_id = ? AND instr(pe.name, ?) > 0 ORDER BY pe.id LIMIT ?",
            [village_id, fragment, limit],
        )
    )


def village_people_starting(db: Database, village_id: int, start: str, limit: int = 10) -> list[dict]:
    """The village's people whose name starts with ``start`` (a surname), roster order."""
    return list(
        db.query(
            f"{_PERSON} WHERE pe.village_id = ? AND substr(pe.name, 1, ?) = ? ORDER BY pe.id LIMIT ?",
            [village_id, len(start), start, limit],
        )
    )


def household_members(db: Database, village_id: int, household: str) -> list[dict]:
    """The people of one household text in one village, roster order."""
    return list(
        db.query(f"{_PERSON} WHERE pe.village_id = ? AND pe.household = ? ORDER BY pe.id", [village_id, household])
    )


def self_registered(db: Database, village_id: int) -> list[dict]:
    """The village's self-registered people (``source`` 'self'), with their live 并户 if any: household, head (the
    roster person named), linked_at, linked_by (the cadre's name)."""
    return list(
        db.query(
            "SELECT pe.id, pe.name, pe.household, pe.created_at, pe.openid IS NOT NULL AS bound,"
            f" {SELF_ALONE_SQL} AS self_alone, head.name AS head, l.created_at AS linked_at, cadre.name AS linked_by"
            " FROM people pe LEFT JOIN household_links l ON l.person_id = pe.id AND l.undone_at IS NULL"
            " LEFT JOIN people head ON head.id = l.head_id LEFT JOIN people cadre ON cadre.id = l.by_person_id"
            " WHERE pe.village_id = ? AND pe.source = 'self' ORDER BY pe.id",
            [village_id],
        )
    )


def live_link(db: Database, person_id: int) -> dict | None:
    """The person's 并户 not undone, with the head's name."""
    return one(
        db,
        "SELECT l.*, head.name AS head_name FROM household_links l LEFT JOIN people head ON head.id = l.head_id"
        " WHERE l.person_id = ? AND l.undone_at IS NULL ORDER BY l.id DESC LIMIT 1",
        [person_id],
    )


def add_link(
    db: Database,
    *,
    person_id: int,
    village_id: int,
    household: str,
    head_id: int,
    head_set: bool,
    by_person_id: int,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO household_links (person_id, village_id, household, head_id, head_set, by_person_id, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [person_id, village_id, household, head_id, int(head_set), by_person_id, now],
    )
    return new_id(cursor)


def undo_link(db: Database, link_id: int, by_person_id: int, now: str) -> None:
    db.execute(
        "UPDATE household_links SET undone_by = ?, undone_at = ? WHERE id = ? AND undone_at IS NULL",
        [by_person_id, now, link_id],
    )
