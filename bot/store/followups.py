"""Survival follow-ups: checks that a planted tree is still alive (+30 and +90 days by default)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one
from bot.store.plantings import VERIFIED_SQL

migrations = Migrations("followups")


@migrations()
def m001_survival_checks(db: Database) -> None:
    db.table("survival_checks").create(
        {
            "id": int,
            "planting_id": int,
            "due_days": int,
            "result": str,  # alive | dead | replanted | unknown (a photo without a word)
            "media_row_id": int,
            "note": str,
            "checked_at": str,
        },
        pk="id",
        not_null={"planting_id"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("survival_checks").create_index(["planting_id"])


@migrations()
def m002_media_row_index(db: Database) -> None:
    """The records a photo is of (bot/store/adoption.py ``records_of_media``) search by the check's photo."""
    db.table("survival_checks").create_index(["media_row_id"], if_not_exists=True)


RESULTS = ("alive", "dead", "replanted", "unknown")
_DONE_AT = "COALESCE(p.completed_at, p.created_at)"


def plantings_due(db: Database, *, due_days: int, done_from: str, done_until: str) -> list[dict]:
    """Complete, not rejected plantings finished in [done_from, done_until] whose +due_days follow-up
    has not been queued yet (outbox key ``followup:<planting id>:<due_days>``), oldest first."""
    return list(
        db.query(
            f"SELECT p.id, p.openid, p.kind, p.site, p.species, p.count, p.area_mu, {_DONE_AT} AS done_at FROM plantings p"
            " LEFT JOIN outbox o ON o.dedupe_key = 'followup:' || p.id || ':' || :days"
            f" WHERE p.status = 'complete' AND p.review != 'rejected' AND {_DONE_AT} >= :start"
            f" AND {_DONE_AT} <= :end AND o.id IS NULL ORDER BY {_DONE_AT}, p.id",
            {"days": due_days, "start": done_from, "end": done_until},
        )
    )


def planting(db: Database, planting_id: int) -> dict | None:
    return one(db, "SELECT id, openid, kind, site, species, count, area_mu FROM plantings WHERE id = ?", [planting_id])


def add_check(
    db: Database, *, planting_id: int, due_days: int, result: str, media_row_id: int | None, note: str | None, now: str
) -> int:
    assert result in RESULTS, result
    cursor = db.execute(
        "INSERT INTO survival_checks (planting_id, due_days, result, media_row_id, note, checked_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [planting_id, due_days, result, media_row_id, note, now],
    )
    return new_id(cursor)


def checks_for(db: Database, planting_id: int) -> list[dict]:
    return list(db.query("SELECT * FROM survival_checks WHERE planting_id = ? ORDER BY id", [planting_id]))


def update_check(
    db: Database,
    check_id: int,
    *,
    result: str | None = None,
    media_row_id: int | None = None,
    note: str | None = None,
    now: str,
) -> None:
    assert result is None or result in RESULTS, result
    db.execute(
        "UPDATE survival_checks SET result = COALESCE(?, result), media_row_id = COALESCE(?, media_row_id),"
        " note = COALESCE(?, note), checked_at = ? WHERE id = ?",
        [result, media_row_id, note, now, check_id],
    )


_GROUPS = {"village": "COALESCE(v.name, '(无村)')", "species": "COALESCE(p.species, '(未知)')"}


def survival_rates(db: Database, by: str = "village") -> list[dict]:
    """Survival per village or per species, from each verified planting's latest check that says something.

    One row per group: plantings checked (alive + dead + replanted), alive, dead, replanted, the
    trees of those plantings (trees_checked, trees_alive) and rate = alive / checked (None when
    nothing was checked yet). A bare photo (result 'unknown') is not counted; 补种了 (replanted) means
    the first tree died and was replaced, so it counts as checked but not alive.
    """
    if by not in _GROUPS:
        raise ValueError(f"survival_rates by {by!r}: use 'village' or 'species'")
    rows = db.query(
        "WITH latest AS (SELECT planting_id, result, MAX(id) AS id FROM survival_checks"
        "   WHERE result IN ('alive', 'dead', 'replanted') GROUP BY planting_id)"
        f" SELECT {_GROUPS[by]} AS key, COUNT(*) AS checked,"
        "  SUM(l.result = 'alive') AS alive, SUM(l.result = 'dead') AS dead, SUM(l.result = 'replanted') AS replanted,"
        "  SUM(COALESCE(p.count, 0)) AS trees_checked,"
        "  SUM(CASE WHEN l.result = 'alive' THEN COALESCE(p.count, 0) ELSE 0 END) AS trees_alive"
        " FROM latest l JOIN plantings p ON p.id = l.planting_id LEFT JOIN villages v ON v.id = p.village_id"
        f" WHERE p.id IN (SELECT id FROM plantings WHERE {VERIFIED_SQL})"
        " GROUP BY key ORDER BY key"
    )
    return [{**row, "rate": round(row["alive"] / row["checked"], 4) if row["checked"] else None} for row in rows]


def survival_by_person(db: Database, until: str | None = None) -> dict[int, dict]:
    """person id -> {checked, alive}: their verified records whose latest telling check (up to ``until``) says
    alive, dead or replanted (the rule of ``survival_rates``)."""
    return {
        r.pop("person_id"): r
        for r in db.query(
            "WITH latest AS (SELECT planting_id, result, MAX(id) AS id FROM survival_checks"
            "   WHERE result IN ('alive', 'dead', 'replanted') AND (:until IS NULL OR checked_at <= :until)"
            "   GROUP BY planting_id)"
            " SELECT p.person_id, COUNT(*) AS checked, SUM(l.result = 'alive') AS alive"
            " FROM latest l JOIN plantings p ON p.id = l.planting_id"
            f" WHERE p.person_id IS NOT NULL AND p.id IN (SELECT id FROM plantings WHERE {VERIFIED_SQL})"
            " GROUP BY p.person_id",
            {"until": until},
        )
    }
