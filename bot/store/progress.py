"""Read-only progress queries (no tables of its own, so it is not in ``MODULES``).

Every query takes ``until`` (UTC text, inclusive upper bound on when a record was
completed / a check was made; None = everything) so that the monthly report can
ask "as of the end of March". Verified and pending-review use the definitions of
``bot.store.plantings`` (VERIFIED_SQL, PENDING_REVIEW_SQL).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database

from bot.store.plantings import (
    PENDING_REVIEW_SQL,
    PROGRESS_PERSON_INDEX,
    PROGRESS_VILLAGE_INDEX,
    VERIFIED_SQL,
)
from bot.store.reminders import REACHABLE_SQL

_DONE_AT = "COALESCE(completed_at, created_at)"
_UNTIL = f"(:until IS NULL OR {_DONE_AT} <= :until)"
# A survival check counts when it says something about the tree (a bare photo is 'unknown').
SURVIVAL_RESULTS_SQL = "result IN ('alive', 'dead', 'replanted')"
ALIVE_RESULTS_SQL = "result = 'alive'"  # as followups.survival_rates: replanted = the first tree died


def people(db: Database, person_ids: list[int]) -> list[dict]:
    """Roster rows of the given people with what progress needs."""
    marks = ",".join("?" * len(person_ids)) or "NULL"
    return list(
        db.query(
            f"SELECT id, name, village_id, role, birth_year, household FROM people WHERE id IN ({marks})",
            list(person_ids),
        )
    )


def villages(db: Database, village_id: int | None = None) -> list[dict]:
    sql = "SELECT id, name, kind, town, households, lat, lng FROM villages"
    if village_id is not None:
        return list(db.query(f"{sql} WHERE id = ?", [village_id]))
    return list(db.query(f"{sql} ORDER BY id"))


def village_count(db: Database) -> int:
    return db.execute("SELECT COUNT(*) FROM villages").fetchone()[0]


def totals_by_person(db: Database, until: str | None, person_ids: list[int]) -> dict[int, dict]:
    """person_id -> {trees, records, pending_trees, pending_records} of the given people (trees: kind 'tree')."""
    ids = ",".join(str(int(i)) for i in person_ids) or "NULL"
    sql = (
        "SELECT person_id,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} AND kind = 'tree' THEN count END), 0) AS trees,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN 1 END), 0) AS records,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} AND kind = 'tree' THEN count END), 0) AS pending_trees,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN 1 END), 0) AS pending_records"
        f" FROM plantings WHERE person_id IN ({ids}) AND status = 'complete' AND {_UNTIL} GROUP BY person_id"
    )
    return {row.pop("person_id"): row for row in db.query(sql, {"until": until})}


def totals_by_village(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, dict]:
    """village_id -> verified and pending trees / area / records, flagged and rejected records.

    Two passes over the covering index, folded: plain sums over the verified records (most of them),
    then sums by review over the other complete records (pending, rejected: a few). Summing plain
    columns is several times faster than one pass with a CASE per figure and row. (In the first pass
    ``status, review`` are bare columns of a verified row, so the fold's VERIFIED_SQL holds for it.)
    """
    where = f"village_id IS NOT NULL AND {_UNTIL}" + ("" if village_id is None else " AND village_id = :village_id")
    sums = (
        "village_id, status, review, SUM(count) AS trees, SUM(area_mu) AS area_mu, COUNT(*) AS records,"
        " SUM(flags != '') AS flagged"
    )
    sql = (
        "SELECT village_id,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN trees END), 0) AS trees,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN area_mu END), 0.0) AS area_mu,"
        f" COALESCE(SUM(CASE WHEN {VERIFIED_SQL} THEN records END), 0) AS records,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN trees END), 0) AS pending_trees,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN area_mu END), 0.0) AS pending_area_mu,"
        f" COALESCE(SUM(CASE WHEN {PENDING_REVIEW_SQL} THEN records END), 0) AS pending_records,"
        " COALESCE(SUM(flagged), 0) AS flagged,"
        " COALESCE(SUM(CASE WHEN review = 'rejected' THEN records END), 0) AS rejected"
        f" FROM (SELECT {sums} FROM plantings INDEXED BY {PROGRESS_VILLAGE_INDEX}"
        f"   WHERE {VERIFIED_SQL} AND {where} GROUP BY village_id"
        f"  UNION ALL SELECT {sums} FROM plantings INDEXED BY {PROGRESS_VILLAGE_INDEX}"
        f"   WHERE status = 'complete' AND NOT ({VERIFIED_SQL}) AND {where} GROUP BY village_id, review)"
        " GROUP BY village_id"
    )
    return {row.pop("village_id"): row for row in db.query(sql, {"until": until, "village_id": village_id})}


def survival_by_village(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, dict]:
    """village_id -> {checked, alive}: verified records whose latest telling check says alive/replanted."""
    inner_until = "" if until is None else " AND checked_at <= :until"
    village_filter = (
        "" if village_id is None else " AND planting_id IN (SELECT id FROM plantings WHERE village_id = :village_id)"
    )
    params: dict = {"until": until, "village_id": village_id}
    sql = (  # SQLite: with MAX(id), the bare column result comes from that (latest) row
        "SELECT p.village_id, COUNT(*) AS checked,"
        f" COALESCE(SUM(CASE WHEN latest.{ALIVE_RESULTS_SQL} THEN 1 END), 0) AS alive"
        " FROM (SELECT planting_id, result, MAX(id) AS id FROM survival_checks"
        f"   WHERE {SURVIVAL_RESULTS_SQL}{inner_until}{village_filter} GROUP BY planting_id) latest"
        f" JOIN plantings p ON p.id = latest.planting_id WHERE {VERIFIED_SQL} GROUP BY p.village_id"
    )
    return {row.pop("village_id"): row for row in db.query(sql, params)}


def daily_verified(
    db: Database, utc_offset_minutes: int, until: str | None = None, village_id: int | None = None
) -> list[dict]:
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


# -- the rules on roster rows -----------------------------------------------------------------------
# SQL on ``pe`` (a people row) with the named parameters of bot.progress.Rules.params(): :quotas (JSON
# role -> trees), :household_target, :non_household_roles and :party_roles (JSON lists), :year and
# :party_max_age. bot.progress documents the rules; tests/unit/test_progress.py checks these against them.
def _in_household(alias: str) -> str:
    """The person belongs to a household: one is given, with a village, and the role is not adviser/admin."""
    return (
        f"({alias}.household IS NOT NULL AND {alias}.household != '' AND {alias}.village_id IS NOT NULL"
        f" AND COALESCE({alias}.role, '') NOT IN (SELECT value FROM json_each(:non_household_roles)))"
    )


IN_HOUSEHOLD_SQL = _in_household("pe")
HOUSEHOLD_ROLE_SQL = "(COALESCE(pe.role, '') NOT IN (SELECT value FROM json_each(:non_household_roles)))"


def self_alone(alias: str) -> str:
    """A villager who registered himself (``source`` 'self') and whom no cadre put in a roster household (并户,
    bot/households.py): a household alone, but none of the roster's, so no village's household figure counts him."""
    return f"(COALESCE({alias}.source, '') = 'self' AND COALESCE({alias}.household, '') = '')"


SELF_ALONE_SQL = self_alone("pe")
ROSTER_HOUSEHOLD_SQL = f"({HOUSEHOLD_ROLE_SQL} AND NOT {SELF_ALONE_SQL})"  # a member of one of the roster's households
QUOTA_SQL = "COALESCE((SELECT CAST(value AS INTEGER) FROM json_each(:quotas) WHERE key = COALESCE(pe.role, '')), 0)"
PARTY_MEMBER_SQL = (  # aged at most :party_max_age; an unknown birth year counts as younger
    "(COALESCE(pe.role, '') IN (SELECT value FROM json_each(:party_roles))"
    " AND (COALESCE(pe.birth_year, 0) IN (0, '') OR :year - pe.birth_year <= :party_max_age))"
)


def _own_cte(person_filter: str = "") -> str:
    """``own``: person_id -> verified trees (their kind 'tree' records) and verified records of any kind."""
    return (
        f"own AS (SELECT person_id, COALESCE(SUM(CASE WHEN kind = 'tree' THEN count END), 0) AS trees,"
        f" COUNT(*) AS records FROM plantings INDEXED BY {PROGRESS_PERSON_INDEX}"
        f" WHERE person_id IS NOT NULL AND {VERIFIED_SQL} AND {_UNTIL}{person_filter} GROUP BY person_id)"
    )


def people_by_village(
    db: Database, rules: dict, until: str | None = None, village_id: int | None = None
) -> dict[int, dict]:
    """village_id -> {households, households_covered, party_members, party_members_active, quota_people,
    quota_people_done}.

    households: those found among the village's people (a person without one is a household alone;
    advisers and admins are in none, nor is a self-registered villager no cadre put in one: ``SELF_ALONE_SQL``), covered when its members' verified trees reach the target.
    Party members took part once they have a verified record of any kind. quota_people: people with a tree
    quota (by role), done when their verified trees reach it. Two passes rather than a join of every
    person: the roster alone (households, party members, quotas), then the people who have verified records
    (``own``), grouped by household (covered households, party members who took part, quotas met).
    """
    village_filter = own_filter = ""
    if village_id is not None:
        village_filter = " AND pe.village_id = :village_id"
        own_filter = " AND person_id IN (SELECT id FROM people WHERE village_id = :village_id)"
    sql = (
        f"WITH {_own_cte(own_filter)},"
        " roster AS (SELECT pe.village_id,"
        f"   COUNT(DISTINCT CASE WHEN {IN_HOUSEHOLD_SQL} THEN pe.household END)"
        f"    + SUM(NOT {IN_HOUSEHOLD_SQL} AND {ROSTER_HOUSEHOLD_SQL}) AS households,"
        f"   SUM({PARTY_MEMBER_SQL}) AS party_members, SUM({QUOTA_SQL} > 0) AS quota_people"
        f"  FROM people pe WHERE pe.village_id IS NOT NULL{village_filter} GROUP BY pe.village_id),"
        # one row per household (or person without one) with verified records: only they can be covered
        f" planted AS (SELECT pe.village_id, SUM(own.trees) AS trees, MAX({ROSTER_HOUSEHOLD_SQL}) AS is_household,"
        f"   SUM({PARTY_MEMBER_SQL}) AS party_active, SUM({QUOTA_SQL} > 0 AND own.trees >= {QUOTA_SQL}) AS quota_done"
        "  FROM own JOIN people pe ON pe.id = own.person_id"
        f"  WHERE pe.village_id IS NOT NULL{village_filter}"
        f"  GROUP BY pe.village_id, CASE WHEN {IN_HOUSEHOLD_SQL} THEN pe.household END,"
        f"   CASE WHEN {IN_HOUSEHOLD_SQL} THEN NULL ELSE pe.id END),"
        " reached AS (SELECT village_id, SUM(is_household AND trees >= :household_target) AS covered,"
        "  SUM(party_active) AS party_active, SUM(quota_done) AS quota_done FROM planted GROUP BY village_id)"
        " SELECT roster.village_id, roster.households,"
        "  CASE WHEN :household_target <= 0 THEN roster.households ELSE COALESCE(reached.covered, 0) END"
        "   AS households_covered,"
        "  roster.party_members, COALESCE(reached.party_active, 0) AS party_members_active,"
        "  roster.quota_people, COALESCE(reached.quota_done, 0) AS quota_people_done"
        " FROM roster LEFT JOIN reached ON reached.village_id = roster.village_id"
    )
    params = {**rules, "until": until, "village_id": village_id}
    return {row.pop("village_id"): row for row in db.query(sql, params)}


def _households_of(people_sql: str) -> str:
    """Ids of the given people and of everyone in their households (a filter for ``own``)."""
    return (
        f" AND person_id IN (SELECT id FROM people WHERE id IN ({people_sql}) UNION"
        " SELECT pe.id FROM people pe JOIN people me ON me.village_id = pe.village_id"
        f" AND me.household = pe.household WHERE me.id IN ({people_sql}))"
    )


def people_rows(
    db: Database,
    rules: dict,
    *,
    until: str | None = None,
    person_ids: list[int] | None = None,
    village_id: int | None = None,
    openid: str | None = None,
    followers_only: bool = False,
) -> Iterator[dict]:
    """Per person, streamed: the rules that apply to them and their verified numbers.

    Columns: person_id, openid, name, role, birth_year, village_id, household, self_alone (0/1: registered himself,
    in no roster household: ``SELF_ALONE_SQL``), village (its name),
    quota, trees, records, active (1 once they have a verified record), household_target (0 for
    advisers and admins), household_trees (their own when they have no household),
    party_member_to_count (0/1). ``followers_only`` keeps followers who may get optional messages
    (REACHABLE_SQL of bot.store.reminders); rows are then ordered by openid, otherwise by person id.
    """
    where, own_filter = [], ""
    if person_ids is not None:
        ids = ",".join(str(int(i)) for i in person_ids) or "NULL"
        where.append(f"pe.id IN ({ids})")
        own_filter += _households_of(ids)
    if openid is not None:
        where.append("pe.openid = :openid")
        own_filter += _households_of("SELECT id FROM people WHERE openid = :openid")
    if village_id is not None:
        where.append("pe.village_id = :village_id")
        own_filter += " AND person_id IN (SELECT id FROM people WHERE village_id = :village_id)"
    users = f" JOIN users u ON u.openid = pe.openid AND {REACHABLE_SQL}" if followers_only else ""
    sql = (
        f"WITH {_own_cte(own_filter)},"
        " households AS (SELECT pe.village_id, pe.household, SUM(own.trees) AS trees"
        f"  FROM people pe JOIN own ON own.person_id = pe.id WHERE {IN_HOUSEHOLD_SQL}"
        "  GROUP BY pe.village_id, pe.household)"
        " SELECT pe.id AS person_id, pe.openid, pe.name, pe.role, pe.birth_year, pe.village_id, pe.household,"
        f"  {SELF_ALONE_SQL} AS self_alone,"
        f"  v.name AS village, {QUOTA_SQL} AS quota, COALESCE(own.trees, 0) AS trees,"
        "  COALESCE(own.records, 0) AS records, COALESCE(own.records, 0) > 0 AS active,"
        f"  CASE WHEN {HOUSEHOLD_ROLE_SQL} THEN :household_target ELSE 0 END AS household_target,"
        f"  CASE WHEN {IN_HOUSEHOLD_SQL} THEN COALESCE(hh.trees, 0) ELSE COALESCE(own.trees, 0) END"
        "   AS household_trees,"
        f"  {PARTY_MEMBER_SQL} AS party_member_to_count"
        f" FROM people pe{users} LEFT JOIN villages v ON v.id = pe.village_id"
        " LEFT JOIN own ON own.person_id = pe.id"
        " LEFT JOIN households hh ON hh.village_id = pe.village_id AND hh.household = pe.household"
        f" WHERE {' AND '.join(where) or '1'} ORDER BY {'pe.openid' if followers_only else 'pe.id'}"
    )
    yield from db.query(sql, {**rules, "until": until, "village_id": village_id, "openid": openid})


def household_member_ids(db: Database, rules: dict, person_id: int) -> list[int]:
    """The person and everyone in their household (same village and household, by the rules above)."""
    sql = (
        "SELECT pe.id FROM people pe JOIN people me ON me.id = :person_id"
        f" WHERE pe.id = me.id OR ({_in_household('me')} AND {IN_HOUSEHOLD_SQL}"
        " AND pe.village_id = me.village_id AND pe.household = me.household) ORDER BY pe.id"
    )
    return [r["id"] for r in db.query(sql, {**rules, "person_id": person_id})]
