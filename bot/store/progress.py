"""Read-only progress queries (no tables of its own, so it is not in ``MODULES``).

Every query takes ``until`` (UTC text, inclusive upper bound on when a record was
completed / a check was made; None = everything) so that the monthly report can
ask "as of the end of March". Verified and pending-review use the definitions of
``bot.store.plantings`` (VERIFIED_SQL, PENDING_REVIEW_SQL).
"""
from __future__ import annotations

from sqlite_utils import Database

from bot.store.plantings import PENDING_REVIEW_SQL, VERIFIED_SQL

_DONE_AT = "COALESCE(completed_at, created_at)"
_UNTIL = f"(:until IS NULL OR {_DONE_AT} <= :until)"
# A survival check counts when it says something about the tree (a bare photo is 'unknown').
SURVIVAL_RESULTS_SQL = "result IN ('alive', 'dead', 'replanted')"
ALIVE_RESULTS_SQL = "result = 'alive'"  # as followups.survival_rates: replanted = the first tree died


def people(db: Database, village_id: int | None = None, person_ids: list[int] | None = None) -> list[dict]:
    """Roster rows with what progress needs (every person, one village's, or the given ids)."""
    sql = "SELECT id, name, village_id, role, birth_year, household FROM people"
    if person_ids is not None:
        marks = ",".join("?" * len(person_ids)) or "NULL"
        return list(db.query(f"{sql} WHERE id IN ({marks})", list(person_ids)))
    if village_id is not None:
        return list(db.query(f"{sql} WHERE village_id = ?", [village_id]))
    return list(db.query(sql))


def household_member_ids(db: Database, village_id: int, household: str) -> list[int]:
    return [r["id"] for r in db.query("SELECT id FROM people WHERE village_id = ? AND household = ?",
                                      [village_id, household])]


def villages(db: Database, village_id: int | None = None) -> list[dict]:
    sql = "SELECT id, name, kind, town, households, lat, lng FROM villages"
    if village_id is not None:
        return list(db.query(f"{sql} WHERE id = ?", [village_id]))
    return list(db.query(f"{sql} ORDER BY id"))


def village_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM villages").fetchone()[0]


def totals_by_person(db: Database, until: str | None = None, village_id: int | None = None,
                     person_ids: list[int] | None = None) -> dict[int, dict]:
    """person_id -> {trees, records, pending_trees, pending_records} (trees: kind 'tree' records only)."""
    where = [f"person_id IS NOT NULL AND status = 'complete' AND {_UNTIL}"]
    params: dict = {"until": until}
    if village_id is not None:
        where.append("village_id = :village_id")
        params["village_id"] = village_id
    if person_ids is not None:
        where.append(f"person_id IN ({','.join(str(int(i)) for i in person_ids) or 'NULL'})")
    sql = (
        "SELECT person_id,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} AND kind = 'tree' THEN count END), 0) AS trees,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN 1 END), 0) AS records,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} AND kind = 'tree' THEN count END), 0) AS pending_trees,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN 1 END), 0) AS pending_records"
        f" FROM plantings WHERE {' AND '.join(where)} GROUP BY person_id"
    )
    return {row.pop("person_id"): row for row in db.query(sql, params)}


def totals_by_village(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, dict]:
    """village_id -> verified and pending trees / area / records, 示范点 count, flagged and rejected records."""
    where = f"village_id IS NOT NULL AND status = 'complete' AND {_UNTIL}"
    params: dict = {"until": until}
    if village_id is not None:
        where += " AND village_id = :village_id"
        params["village_id"] = village_id
    sql = (
        "SELECT village_id,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN count END), 0) AS trees,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN area_mu END), 0.0) AS area_mu,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN 1 END), 0) AS records,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN count END), 0) AS pending_trees,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN area_mu END), 0.0) AS pending_area_mu,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN 1 END), 0) AS pending_records,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} AND site = '示范点' THEN 1 END), 0) AS demo_sites,"
        " COALESCE(SUM(CASE WHEN flags != '' THEN 1 END), 0) AS flagged,"
        " COALESCE(SUM(CASE WHEN review = 'rejected' THEN 1 END), 0) AS rejected"
        f" FROM plantings WHERE {where} GROUP BY village_id"
    )
    return {row.pop("village_id"): row for row in db.query(sql, params)}


def survival_by_village(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, dict]:
    """village_id -> {checked, alive}: verified records whose latest telling check says alive/replanted."""
    inner_until = "" if until is None else " AND checked_at <= :until"
    village_filter = ("" if village_id is None else
                      " AND planting_id IN (SELECT id FROM plantings WHERE village_id = :village_id)")
    params: dict = {"until": until, "village_id": village_id}
    sql = (  # SQLite: with MAX(id), the bare column result comes from that (latest) row
        "SELECT p.village_id, COUNT(*) AS checked,"
        f" COALESCE(SUM(CASE WHEN latest.{ALIVE_RESULTS_SQL} THEN 1 END), 0) AS alive"
        " FROM (SELECT planting_id, result, MAX(id) AS id FROM survival_checks"
        f"   WHERE {SURVIVAL_RESULTS_SQL}{inner_until}{village_filter} GROUP BY planting_id) latest"
        f" JOIN plantings p ON p.id = latest.planting_id WHERE {VERIFIED_SQL} GROUP BY p.village_id"
    )
    return {row.pop("village_id"): row for row in db.query(sql, params)}


def daily_verified(db: Database, utc_offset_minutes: int, until: str | None = None,
                   village_id: int | None = None) -> list[dict]:
    """[{day: 'YYYY-MM-DD' (campaign local date), trees, area_mu, records}] of verified records, by day."""
    where = f"{VERIFIED_SQL} AND {_UNTIL}"
    params: dict = {"until": until, "offset": f"{int(utc_offset_minutes):+d} minutes"}
    if village_id is not None:
        where += " AND village_id = :village_id"
        params["village_id"] = village_id
    sql = (
        f"SELECT date({_DONE_AT}, :offset) AS day, COALESCE(SUM(count), 0) AS trees,"
        " COALESCE(SUM(area_mu), 0.0) AS area_mu, COUNT(*) AS records"
        f" FROM plantings WHERE {where} GROUP BY day ORDER BY day"
    )
    return list(db.query(sql, params))
