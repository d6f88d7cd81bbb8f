"""Pledges (认领安排): who will plant what, and the seedling batches the office hands out (需求清单).

A pledge is one household's promise of ``count`` trees of one species, in a month or any time (``month``
NULL); it names the person it was made for (their household is the one that pledged) and who entered it
(the sender, or a cadre who pledged for them). A household holds one live pledge per species: a new one
replaces its count (``update``), ``取消认领`` ends it (``cancelled_at``). A batch is seedlings of one species
for one village that arrived at a pick-up place on a day (``arrived``) and later were handed out
(``handed_out``).

A household is the people of one village with the same ``household`` text; a person without one is a
household alone (``household_key``). What a household planted is its members' verified ``tree`` records of
that species (``verified_sql`` of bot/store/plantings.py): never the pledge itself.

A pledge counts for the village its household lives in now (``people.village_id``, as 户覆盖 counts households),
not the one it was made in (``pledges.village_id``, kept as history): a household that moved takes its pledges
along, in the 通报 (认领户数, the schedule), the dashboard, 本村进度 and the seedling list alike.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one
from bot.store.plantings import PROGRESS_PERSON_INDEX, verified_sql
from bot.store.progress import SELF_ALONE_SQL

migrations = Migrations("pledges")

ARRIVED, HANDED_OUT = "arrived", "handed_out"
BATCH_STATUSES = (ARRIVED, HANDED_OUT)


def household_key(alias: str) -> str:
    """SQL: the household a people row belongs to (its village and household text, else the person alone)."""
    return (
        f"(CASE WHEN COALESCE({alias}.household, '') != '' AND {alias}.village_id IS NOT NULL"
        f" THEN 'h' || {alias}.village_id || '|' || {alias}.household ELSE 'p' || {alias}.id END)"
    )


def _live_at(until: str) -> str:
    """SQL on ``pl``: the pledge stands at ``until`` (a named parameter, or NULL: now)."""
    return (
        f"(({until} IS NULL AND pl.cancelled_at IS NULL) OR ({until} IS NOT NULL AND pl.created_at <= {until}"
        f" AND (pl.cancelled_at IS NULL OR pl.cancelled_at > {until})))"
    )


def _planted_sql(tree: str) -> str:
    """SQL: the verified trees of the species of pledge ``tree`` (columns household, home: its person's) that its
    household planted: its members' by (village, household) through the people index, else the person's own."""
    record = f"p.species = {tree}.species AND {verified_sql('p')} AND p.kind = 'tree'"
    return (
        f"(CASE WHEN COALESCE({tree}.household, '') != '' AND {tree}.home IS NOT NULL THEN"
        " (SELECT COALESCE(SUM(p.count), 0) FROM people m JOIN plantings p ON p.person_id = m.id"
        f"  WHERE m.village_id = {tree}.home AND m.household = {tree}.household AND {record})"
        " ELSE (SELECT COALESCE(SUM(p.count), 0) FROM plantings p"
        f"  WHERE p.person_id = {tree}.person_id AND {record}) END)"
    )


def _pledges_cte(where: str) -> str:
    """SQL: the CTE ``lp``, each pledge that ``where`` (on ``pl``) keeps with ``planted``: its household's verified
    trees of that species (a lookup per pledge by the plantings' person index: ~0.25 s for 25,000 pledges)."""
    return (
        f"lp AS (SELECT sel.*, {_planted_sql('sel')} AS planted FROM (SELECT pl.*, pe.household,"
        f"  pe.village_id AS home FROM pledges pl JOIN people pe ON pe.id = pl.person_id WHERE {where}) sel)"
    )


_LIVE = "pl.cancelled_at IS NULL"


def _demand_sql(village_filter: str) -> str:
    """Per village and species: the live pledges (pledged, planted: at most each pledge) and the batches."""
    return (
        f"WITH {_pledges_cte(_LIVE + village_filter.format(table='pe'))},"
        " pledged AS MATERIALIZED (SELECT home AS village_id, species, SUM(count) AS pledged,"
        "  SUM(MIN(count, planted)) AS planted, COUNT(*) AS pledges FROM lp WHERE home IS NOT NULL"
        "  GROUP BY home, species),"
        " batches AS (SELECT village_id, species, SUM(count) AS arrived,"
        f"  SUM(CASE WHEN status = '{HANDED_OUT}' THEN count ELSE 0 END) AS delivered"
        f"  FROM seedling_batches b WHERE 1{village_filter.format(table='b')} GROUP BY village_id, species),"
        " pairs AS (SELECT village_id, species FROM pledged UNION SELECT village_id, species FROM batches)"
        " SELECT v.name AS village, k.species, COALESCE(pd.pledged, 0) AS pledged, COALESCE(pd.planted, 0) AS planted,"
        "  COALESCE(pd.pledged, 0) - COALESCE(pd.planted, 0) AS needed, COALESCE(b.arrived, 0) AS arrived,"
        "  COALESCE(b.delivered, 0) AS delivered, COALESCE(pd.pledges, 0) AS pledges, k.village_id"
        " FROM pairs k CROSS JOIN villages v ON v.id = k.village_id"  # pairs first: one lookup each
        " LEFT JOIN pledged pd ON pd.village_id = k.village_id AND pd.species = k.species"
        " LEFT JOIN batches b ON b.village_id = k.village_id AND b.species = k.species ORDER BY v.name, k.species"
    )


_ONE_VILLAGE = " AND {table}.village_id = :village_id"
EXPORT_SQL = {
    "pledges": (
        f"WITH {_pledges_cte('1')}"
        " SELECT lp.id, v.name AS village, lp.household, pe.name AS person, lp.species, lp.count, lp.month,"
        " lp.created_at, lp.planted, eb.name AS entered_by, lp.updated_at, lp.cancelled_at"
        " FROM lp LEFT JOIN villages v ON v.id = lp.home LEFT JOIN people pe ON pe.id = lp.person_id"
        " LEFT JOIN people eb ON eb.id = lp.entered_by_person_id ORDER BY lp.id"
    ),
    "demand": _demand_sql(""),
    "seedling_batches": (
        "SELECT b.id, v.name AS village, b.species, b.count, b.status, b.pickup_date, b.place, b.created_by,"
        " b.created_at, b.handed_out_at, b.handed_out_by FROM seedling_batches b"
        " LEFT JOIN villages v ON v.id = b.village_id ORDER BY b.id"
    ),
}


@migrations()
def m001_pledges(db: Database) -> None:
    db.table("pledges").create(
        {
            "id": int,
            "village_id": int,  # where the household lived when it pledged (history: counts follow people.village_id)
            "person_id": int,  # whose household pledged
            "species": str,
            "count": int,
            "month": int,  # 1..12 of campaign.year; NULL: any time
            "entered_by_person_id": int,  # the sender (a cadre pledging for a household, or the person)
            "openid": str,
            "inbox_id": int,
            "created_at": str,
            "updated_at": str,
            "cancelled_at": str,  # NULL: the pledge stands
        },
        pk="id",
        not_null={"village_id", "person_id", "species", "count", "created_at"},
        foreign_keys=[("village_id", "villages", "id"), ("person_id", "people", "id")],
    )
    db.table("pledges").create_index(["person_id", "species"])
    db.table("pledges").create_index(["village_id", "species"])
    db.table("seedling_batches").create(
        {
            "id": int,
            "village_id": int,
            "species": str,
            "count": int,
            "status": str,  # arrived (ready at the place) | handed_out
            "pickup_date": str,  # YYYY-MM-DD: from when they can be collected
            "place": str,  # where
            "created_by": str,
            "created_at": str,
            "handed_out_at": str,
            "handed_out_by": str,
        },
        pk="id",
        not_null={"village_id", "species", "count", "status", "created_at"},
        foreign_keys=[("village_id", "villages", "id")],
    )
    db.table("seedling_batches").create_index(["village_id", "species"])


# -- pledges ----------------------------------------------------------------------------------------
def pledge(db: Database, pledge_id: int) -> dict | None:
    return one(db, "SELECT * FROM pledges WHERE id = ?", [pledge_id])


def live_of_household(db: Database, person_id: int) -> list[dict]:
    """The live pledges of this person's household (whoever of it pledged), oldest first. The household's people
    (``household_key``: the person, and those of the same village and household) are found by the roster's index and
    their pledges by person: comparing the keys of every pledge's person read the whole table."""
    return list(
        db.query(
            "SELECT pl.* FROM people me JOIN people pe ON pe.id = me.id"
            "  OR (COALESCE(me.household, '') != '' AND pe.village_id = me.village_id AND pe.household = me.household)"
            " JOIN pledges pl ON pl.person_id = pe.id WHERE me.id = ? AND pl.cancelled_at IS NULL ORDER BY pl.id",
            [person_id],
        )
    )


def insert(
    db: Database,
    *,
    village_id: int,
    person_id: int,
    species: str,
    count: int,
    month: int | None,
    entered_by_person_id: int,
    openid: str,
    inbox_id: int | None,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO pledges (village_id, person_id, species, count, month, entered_by_person_id, openid, inbox_id,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, person_id, species, count, month, entered_by_person_id, openid, inbox_id, now, now],
    )
    return new_id(cursor)


def update(db: Database, pledge_id: int, *, count: int, month: int | None, entered_by_person_id: int, now: str) -> None:
    db.execute(
        "UPDATE pledges SET count = ?, month = ?, entered_by_person_id = ?, updated_at = ? WHERE id = ?",
        [count, month, entered_by_person_id, now, pledge_id],
    )


def cancel(db: Database, pledge_ids: list[int], now: str) -> None:
    marks = ",".join("?" * len(pledge_ids)) or "NULL"
    db.execute(
        f"UPDATE pledges SET cancelled_at = ?, updated_at = ? WHERE id IN ({marks}) AND cancelled_at IS NULL",
        [now, now, *pledge_ids],
    )


def planted_by_household(db: Database, person_id: int) -> dict[str, int]:
    """species -> verified trees the person's household planted."""
    return {
        row["species"]: row["trees"]
        for row in db.query(
            "SELECT p.species, SUM(p.count) AS trees FROM people me JOIN people pe ON pe.village_id = me.village_id"
            f" AND {household_key('pe')} = {household_key('me')} JOIN plantings p ON p.person_id = pe.id"
            f" WHERE me.id = ? AND {verified_sql('p')} AND p.kind = 'tree' GROUP BY p.species",
            [person_id],
        )
    }


def pledges_of_village(db: Database, village_id: int) -> list[dict]:
    """The village's live pledges with the household's name, person, who entered it and ``planted``."""
    return list(
        db.query(
            f"WITH {_pledges_cte(_LIVE + _ONE_VILLAGE.format(table='pe'))}"
            " SELECT lp.*, pe.name AS person, eb.name AS entered_by FROM lp"
            " JOIN people pe ON pe.id = lp.person_id LEFT JOIN people eb ON eb.id = lp.entered_by_person_id"
            " ORDER BY pe.household, pe.name, lp.species",
            {"village_id": village_id},
        )
    )


def to_nudge(db: Database, month: int) -> list[dict]:
    """Live pledges of ``month`` whose household has logged no tree of that species (verified or waiting for
    review), with whom to tell: the person, else whoever entered it (a cadre for a household without WeChat).
    Columns: id, species, count, month, person, openid."""
    return list(
        db.query(
            "SELECT pl.id, pl.species, pl.count, pl.month, pe.name AS person, COALESCE(pe.openid, eb.openid) AS openid"
            " FROM pledges pl JOIN people pe ON pe.id = pl.person_id LEFT JOIN people eb ON eb.id = pl.entered_by_person_id"
            " WHERE pl.cancelled_at IS NULL AND pl.month = ? AND COALESCE(pe.openid, eb.openid) IS NOT NULL"
            " AND NOT EXISTS (SELECT 1 FROM people m JOIN plantings p ON p.person_id = m.id"
            f"  WHERE m.village_id = pe.village_id AND {household_key('m')} = {household_key('pe')}"
            "  AND p.species = pl.species AND p.kind = 'tree' AND p.status = 'complete' AND p.review != 'rejected')"
            " ORDER BY pl.id",
            [month],
        )
    )


# -- what the village's schedule and the 通报 read ------------------------------------------------------
def pledged_households(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, int]:
    """village id -> households with a pledge standing at ``until`` (None: now), where they live now."""
    return {
        row["village_id"]: row["n"]
        for row in db.query(
            f"SELECT pe.village_id, COUNT(DISTINCT {household_key('pe')}) AS n FROM pledges pl"
            f" JOIN people pe ON pe.id = pl.person_id WHERE {_live_at(':until')} AND pe.village_id IS NOT NULL"
            " AND (:village_id IS NULL OR pe.village_id = :village_id) GROUP BY pe.village_id",
            {"until": until, "village_id": village_id},
        )
    }


def _scheduled_sql(village_id: int | None) -> str:
    """SQL of rows (village_id, hkey): each roster household with a pledge standing at :until or a verified tree by
    then, where it lives now (one village's alone when ``village_id`` is given, as :village_id)."""
    one_village = (
        "" if village_id is None else " AND person_id IN (SELECT id FROM people WHERE village_id = :village_id)"
    )
    return (
        f"SELECT village_id, hkey FROM ("
        f" SELECT pe.village_id, {household_key('pe')} AS hkey FROM pledges pl JOIN people pe ON pe.id = pl.person_id"
        f"  WHERE NOT {SELF_ALONE_SQL}{one_village.replace('person_id', 'pl.person_id')} AND "
        + _live_at(":until")
        + f" UNION ALL SELECT pe.village_id, {household_key('pe')} AS hkey FROM (SELECT DISTINCT person_id"
        f"  FROM plantings INDEXED BY {PROGRESS_PERSON_INDEX} WHERE person_id IS NOT NULL AND {verified_sql()}"
        f"  AND kind = 'tree' AND (:until IS NULL OR COALESCE(completed_at, created_at) <= :until){one_village}) t"
        f"  JOIN people pe ON pe.id = t.person_id WHERE NOT {SELF_ALONE_SQL})"
        " WHERE village_id IS NOT NULL AND (:village_id IS NULL OR village_id = :village_id)"
    )


def scheduled_households(db: Database, until: str | None = None, village_id: int | None = None) -> dict[int, int]:
    """village id -> households with a pledge standing at ``until`` or a verified tree by then (its schedule), where
    they live now: one village's figure is its entry among all villages'. The roster's households only: a
    self-registered villager no cadre put in one (``SELF_ALONE_SQL``, bot/households.py) is none of them."""
    return {
        row["village_id"]: row["n"]
        for row in db.query(
            f"SELECT village_id, COUNT(DISTINCT hkey) AS n FROM ({_scheduled_sql(village_id)}) GROUP BY village_id",
            {"until": until, "village_id": village_id},
        )
    }


def scheduled_household_keys(db: Database, village_id: int) -> set[str]:
    """The ``household_key`` of each of one village's households on its schedule now (``scheduled_households``)."""
    return {row["hkey"] for row in db.query(_scheduled_sql(village_id), {"until": None, "village_id": village_id})}


# -- the seedling list ---------------------------------------------------------------------------------
def demand(db: Database, village_id: int | None = None) -> list[dict]:
    """Per village and species: pledged, planted (of the pledges, verified), needed, arrived, delivered, pledges."""
    if village_id is None:
        return list(db.query(EXPORT_SQL["demand"]))
    return list(db.query(_demand_sql(_ONE_VILLAGE), {"village_id": village_id}))


def insert_batch(
    db: Database,
    *,
    village_id: int,
    species: str,
    count: int,
    status: str,
    pickup_date: str,
    place: str,
    by: str,
    now: str,
) -> int:
    handed = now if status == HANDED_OUT else None
    cursor = db.execute(
        "INSERT INTO seedling_batches (village_id, species, count, status, pickup_date, place, created_by, created_at,"
        " handed_out_at, handed_out_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, species, count, status, pickup_date, place, by, now, handed, by if handed else None],
    )
    return new_id(cursor)


def batch(db: Database, batch_id: int) -> dict | None:
    return one(
        db,
        "SELECT b.*, v.name AS village FROM seedling_batches b JOIN villages v ON v.id = b.village_id WHERE b.id = ?",
        [batch_id],
    )


def hand_out(db: Database, batch_id: int, by: str, now: str) -> bool:
    """The batch was handed out; False when it was already (or there is no such batch)."""
    return (
        db.execute(
            f"UPDATE seedling_batches SET status = '{HANDED_OUT}', handed_out_at = ?, handed_out_by = ?"
            f" WHERE id = ? AND status = '{ARRIVED}'",
            [now, by, batch_id],
        ).rowcount
        > 0
    )


def batches(db: Database, village_id: int | None = None, limit: int = 200) -> list[dict]:
    """The newest batches first, with the village's name."""
    where = "" if village_id is None else " WHERE b.village_id = ?"
    return list(
        db.query(
            f"SELECT b.*, v.name AS village FROM seedling_batches b JOIN villages v ON v.id = b.village_id{where}"
            " ORDER BY b.id DESC LIMIT ?",
            [*([] if village_id is None else [village_id]), limit],
        )
    )


def pledgers_to_tell(db: Database, village_id: int, species: str) -> list[dict]:
    """Live pledges of that village and species whose household still needs trees of it, with whom to tell
    (the person, else whoever entered the pledge): id, person, count, needed, openid."""
    return list(
        db.query(
            f"WITH {_pledges_cte(_LIVE + _ONE_VILLAGE.format(table='pe') + ' AND pl.species = :species')}"
            " SELECT * FROM (SELECT lp.id, pe.name AS person, lp.count, lp.count - MIN(lp.count, lp.planted) AS needed,"
            " COALESCE(pe.openid, eb.openid) AS openid FROM lp JOIN people pe ON pe.id = lp.person_id"
            " LEFT JOIN people eb ON eb.id = lp.entered_by_person_id)"
            " WHERE needed > 0 AND openid IS NOT NULL ORDER BY id",
            {"village_id": village_id, "species": species},
        )
    )
