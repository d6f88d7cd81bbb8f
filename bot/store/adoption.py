"""认种认养: what the office marks adoptable, the adoptions (households through the chat, organisations and 乡贤 on
the dashboard), donations (五个一点), the public tree pages' tokens and cadres' new photos of a plot.

Adoptable trees are read from the planting records (bot.store.plantings): one slot per tree of a verified plot
record (site 党建林, 主题林, 示范点) unless the office set the number in ``adoptable_marks`` (any verified record,
0 = not adoptable). An adoption takes ``trees`` slots of one record, numbered from ``first_tree``. An adoption ended (withdraw83: 取消认养 in the chat) keeps its row
with ``ended_at`` set: its slots are free again from then, and it counts nowhere after that moment.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one
from bot.store.plantings import PLOT_SITES_SQL, VERIFIED_SQL
from bot.store.progress import HOUSEHOLD_ROLE_SQL, IN_HOUSEHOLD_SQL

migrations = Migrations("adoption")

EXPORT_SQL = {
    "adoptions": (
        "SELECT a.id, v.name AS village, a.planting_id, p.species, pe.name AS adopter, a.openid, a.organisation,"
        " a.named_as, a.adopted_at, a.trees, a.first_tree, a.whole_plot, p.site, a.contact, a.created_by, a.ended_at"
        " FROM adoptions a LEFT JOIN plantings p ON p.id = a.planting_id LEFT JOIN villages v ON v.id = a.village_id"
        " LEFT JOIN people pe ON pe.id = a.person_id ORDER BY a.id"
    ),
    "donations": (
        "SELECT d.id, v.name AS village, d.donor, d.source, d.amount, d.purpose, d.planting_id, d.adoption_id,"
        " d.recorded_by, d.recorded_at FROM donations d LEFT JOIN villages v ON v.id = d.village_id ORDER BY d.id"
    ),
}


@migrations()
def m001_adoption(db: Database) -> None:
    db.table("adoptable_marks").create(
        {"planting_id": int, "trees": int, "marked_by": str, "marked_at": str},  # trees: slots; 0 = not adoptable
        pk="planting_id",
        not_null={"trees"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("adoptions").create(
        {
            "id": int,
            "planting_id": int,
            "village_id": int,
            "trees": int,  # slots taken (1 through the chat)
            "first_tree": int,  # the first slot's number: 第13棵
            "whole_plot": int,  # 1: an organisation took every free slot of the record
            "person_id": int,
            "openid": str,  # a household member (the chat), else None
            "organisation": str,
            "named_as": str,  # an enterprise, unit or 乡贤, and its 冠名 text
            "contact": str,  # theirs (the office's export only; never on a page)
            "created_by": str,  # chat | the dashboard login
            "adopted_at": str,
        },
        pk="id",
        not_null={"planting_id", "trees", "first_tree", "adopted_at"},
        defaults={"trees": 1, "whole_plot": 0},
        foreign_keys=[
            ("planting_id", "plantings", "id"),
            ("village_id", "villages", "id"),
            ("person_id", "people", "id"),
        ],
    )
    db.table("adoptions").create_index(["planting_id"])
    db.table("adoptions").create_index(["person_id"])
    db.table("adoptions").create_index(["village_id", "adopted_at"])
    db.table("donations").create(
        {
            "id": int,
            "village_id": int,
            "planting_id": int,
            "adoption_id": int,
            "donor": str,
            "source": str,  # source: one of adoption.donation_sources (五个一点)
            "amount": float,
            "purpose": str,  # yuan
            "recorded_by": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"donor", "amount", "recorded_at"},
        foreign_keys=[
            ("village_id", "villages", "id"),
            ("planting_id", "plantings", "id"),
            ("adoption_id", "adoptions", "id"),
        ],
    )
    db.table("donations").create_index(["village_id"])
    db.table("tree_pages").create(
        {"planting_id": int, "token": str, "created_at": str},  # /tree/<token>: the record's public page
        pk="planting_id",
        not_null={"token"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("tree_pages").create_index(["token"], unique=True)
    db.table("plot_updates").create(
        {"id": int, "planting_id": int, "person_id": int, "media_row_id": int, "created_at": str},
        pk="id",
        not_null={"planting_id", "media_row_id"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("plot_updates").create_index(["media_row_id"], unique=True)
    db.table("plot_updates").create_index(["planting_id"])


@migrations()
def m002_adoption_ended(db: Database) -> None:
    db.table("adoptions").add_column("ended_at", str)  # withdraw83: the adopter withdrew (NULL: still held)


# an adoption (alias a) held now; held at :until (an ISO time, or NULL: now)
HELD_SQL = "a.ended_at IS NULL"
HELD_AT_SQL = "(a.ended_at IS NULL OR (:until IS NOT NULL AND a.ended_at > :until))"

_CAPACITY = f"COALESCE(m.trees, CASE WHEN p.site IN {PLOT_SITES_SQL} THEN p.count END, 0)"
_ADOPTED = f"COALESCE((SELECT SUM(a.trees) FROM adoptions a WHERE a.planting_id = p.id AND {HELD_SQL}), 0)"
# a record as adoption shows it (with plantings p and villages v)
_RECORD = (
    "p.id, p.village_id, v.name AS village, p.kind, p.site, p.species, p.count, p.area_mu, p.lat, p.lng,"
    " COALESCE(p.completed_at, p.created_at) AS planted_at"
)


# -- what can be adopted ----------------------------------------------------------------------------
def adoptable(db: Database, village_id: int | None = None) -> list[dict]:
    """Verified records with a free slot (of one village, or all), oldest first: the record's columns,
    ``capacity``, ``adopted`` (slots taken), ``free``."""
    where = "" if village_id is None else " AND p.village_id = :village"
    return list(
        db.query(
            f"SELECT * FROM (SELECT {_RECORD}, {_CAPACITY} AS capacity, {_ADOPTED} AS adopted"
            " FROM plantings p LEFT JOIN adoptable_marks m ON m.planting_id = p.id JOIN villages v ON v.id = p.village_id"
            f" WHERE p.id IN (SELECT id FROM plantings WHERE {VERIFIED_SQL})"
            f" AND (m.planting_id IS NOT NULL OR p.site IN {PLOT_SITES_SQL}){where})"
            " WHERE capacity > adopted ORDER BY id",
            {"village": village_id},
        )
    )


def slots(db: Database, planting_id: int) -> dict | None:
    """One record with ``capacity`` and ``adopted`` (whatever its state), or None."""
    return one(
        db,
        f"SELECT {_RECORD}, p.status, p.review, {_CAPACITY} AS capacity, {_ADOPTED} AS adopted"
        " FROM plantings p LEFT JOIN adoptable_marks m ON m.planting_id = p.id"
        " LEFT JOIN villages v ON v.id = p.village_id WHERE p.id = ?",
        [planting_id],
    )


def mark(db: Database, planting_id: int, trees: int, by: str, now: str) -> None:
    db.execute(
        "INSERT INTO adoptable_marks (planting_id, trees, marked_by, marked_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(planting_id) DO UPDATE SET trees = excluded.trees, marked_by = excluded.marked_by,"
        " marked_at = excluded.marked_at",
        [planting_id, trees, by, now],
    )


# -- adoptions --------------------------------------------------------------------------------------
def add(
    db: Database,
    *,
    planting_id: int,
    village_id: int,
    trees: int,
    first_tree: int,
    whole_plot: bool = False,
    person_id: int | None = None,
    openid: str | None = None,
    organisation: str | None = None,
    named_as: str | None = None,
    contact: str | None = None,
    created_by: str,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO adoptions (planting_id, village_id, trees, first_tree, whole_plot, person_id, openid,"
        " organisation, named_as, contact, created_by, adopted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            planting_id,
            village_id,
            trees,
            first_tree,
            int(whole_plot),
            person_id,
            openid,
            organisation,
            named_as,
            contact,
            created_by,
            now,
        ],
    )
    return new_id(cursor)


def get(db: Database, adoption_id: int) -> dict | None:
    return one(db, "SELECT * FROM adoptions WHERE id = ?", [adoption_id])


def of_person(db: Database, person_id: int) -> list[dict]:
    """A person's adopted records still held, oldest adoption first: the record's columns (``id`` is the record's) with
    the adoption's ``first_tree``, ``trees``, ``adopted_at`` and ``adoption_id``."""
    return list(
        db.query(
            f"SELECT {_RECORD}, a.first_tree, a.trees, a.adopted_at, a.id AS adoption_id FROM adoptions a"
            " JOIN plantings p ON p.id = a.planting_id LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE a.person_id = ? AND {HELD_SQL} ORDER BY a.id",
            [person_id],
        )
    )


def of_planting(db: Database, planting_id: int) -> list[dict]:
    return list(
        db.query(f"SELECT * FROM adoptions a WHERE a.planting_id = ? AND {HELD_SQL} ORDER BY a.id", [planting_id])
    )


def end(db: Database, adoption_id: int, now: str) -> None:
    """The adopter withdrew: the adoption ends now (its slots free again), its row kept."""
    db.execute("UPDATE adoptions SET ended_at = ? WHERE id = ? AND ended_at IS NULL", [now, adoption_id])


def recent(db: Database, limit: int = 50) -> list[dict]:
    """The newest adoptions with the adopter's name and the record's village, site and species."""
    return list(
        db.query(
            "SELECT a.*, pe.name AS adopter, v.name AS village, p.site, p.species"
            " FROM adoptions a JOIN plantings p ON p.id = a.planting_id LEFT JOIN villages v ON v.id = p.village_id"
            f" LEFT JOIN people pe ON pe.id = a.person_id WHERE {HELD_SQL} ORDER BY a.id DESC LIMIT ?",
            [limit],
        )
    )


def adopters_to_tell(db: Database, planting_ids: list[int], since: str) -> list[dict]:
    """The households who adopted one of these records by ``since`` and can be messaged: openid, planting_id
    (one row per openid and record)."""
    marks_ = ",".join("?" * len(planting_ids)) or "NULL"
    return list(
        db.query(
            f"SELECT DISTINCT openid, planting_id FROM adoptions a WHERE planting_id IN ({marks_}) AND openid IS NOT NULL"
            f" AND adopted_at <= ? AND {HELD_SQL} ORDER BY planting_id, openid",
            [*planting_ids, since],
        )
    )


def adopted_records_of_village(db: Database, village_id: int) -> list[dict]:
    """The village's records that households adopted (id, lat, lng): what a zone's tending photo may show."""
    return list(
        db.query(
            "SELECT DISTINCT p.id, p.lat, p.lng FROM adoptions a JOIN plantings p ON p.id = a.planting_id"
            f" WHERE a.village_id = ? AND a.openid IS NOT NULL AND {HELD_SQL}",
            [village_id],
        )
    )


def trees_by_village(db: Database, until: str) -> dict[int, int]:
    """village id -> trees adopted up to ``until`` (households and organisations)."""
    return {
        r["village_id"]: r["trees"]
        for r in db.query(
            f"SELECT village_id, SUM(trees) AS trees FROM adoptions a WHERE adopted_at <= :until AND {HELD_AT_SQL}"
            " GROUP BY village_id",
            {"until": until},
        )
    }


# -- households (bot.progress: an adoption covers a household without a tree of its own) -------------------------
def trees_of_people(db: Database, person_ids: list[int], until: str | None = None) -> int:
    """Trees adopted by these people (a household's members)."""
    ids = ",".join(str(int(i)) for i in person_ids) or "NULL"
    return db.execute(
        f"SELECT COALESCE(SUM(trees), 0) FROM adoptions a WHERE person_id IN ({ids})"
        f" AND (:until IS NULL OR adopted_at <= :until) AND {HELD_AT_SQL}",
        {"until": until},
    ).fetchone()[0]


def trees_by_person(db: Database, since: str | None, until: str | None) -> dict[int, int]:
    """person id -> trees they adopted in [since, until] (the chat's adoptions)."""
    return {
        r["person_id"]: r["trees"]
        for r in db.query(
            "SELECT person_id, SUM(trees) AS trees FROM adoptions a WHERE person_id IS NOT NULL"
            " AND (:since IS NULL OR adopted_at >= :since) AND (:until IS NULL OR adopted_at <= :until)"
            f" AND {HELD_AT_SQL}"
            " GROUP BY person_id",
            {"since": since, "until": until},
        )
    }


def households_adopting(
    db: Database, rules: dict, until: str | None = None, village_id: int | None = None
) -> list[dict]:
    """Every household (or person without one) that adopted: village_id, household (None for a person alone),
    person_id (of a person alone), member_id (one adopter), adopted (trees). Households by the rules of
    bot.store.progress (``rules``: bot.progress.Rules.params())."""
    where = "" if village_id is None else " AND pe.village_id = :village_id"
    return list(
        db.query(
            "SELECT pe.village_id, CASE WHEN " + IN_HOUSEHOLD_SQL + " THEN pe.household END AS household,"
            " CASE WHEN " + IN_HOUSEHOLD_SQL + " THEN NULL ELSE pe.id END AS person_id, MIN(pe.id) AS member_id,"
            " SUM(a.trees) AS adopted"
            " FROM adoptions a JOIN people pe ON pe.id = a.person_id"
            " WHERE pe.village_id IS NOT NULL AND "
            + HOUSEHOLD_ROLE_SQL
            + " AND (:until IS NULL OR a.adopted_at <= :until) AND "
            + HELD_AT_SQL
            + where
            + " GROUP BY 1, 2, 3",
            {**rules, "until": until, "village_id": village_id},
        )
    )


# -- donations --------------------------------------------------------------------------------------
def add_donation(
    db: Database,
    *,
    village_id: int | None,
    donor: str,
    source: str | None,
    amount: float,
    purpose: str | None,
    planting_id: int | None = None,
    adoption_id: int | None = None,
    recorded_by: str,
    now: str,
) -> int:
    cursor = db.execute(
        "INSERT INTO donations (village_id, planting_id, adoption_id, donor, source, amount, purpose, recorded_by,"
        " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [village_id, planting_id, adoption_id, donor, source, amount, purpose, recorded_by, now],
    )
    return new_id(cursor)


def donations_of_planting(db: Database, planting_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT donor, source, amount, purpose, recorded_at FROM donations WHERE planting_id = ? ORDER BY id",
            [planting_id],
        )
    )


def recent_donations(db: Database, limit: int = 50) -> list[dict]:
    return list(
        db.query(
            "SELECT d.*, v.name AS village FROM donations d LEFT JOIN villages v ON v.id = d.village_id"
            " ORDER BY d.id DESC LIMIT ?",
            [limit],
        )
    )


def donations_by_village(db: Database, until: str) -> dict[int, float]:
    return {
        r["village_id"]: r["amount"]
        for r in db.query(
            "SELECT village_id, SUM(amount) AS amount FROM donations WHERE village_id IS NOT NULL AND recorded_at <= ?"
            " GROUP BY village_id",
            [until],
        )
    }


# -- the public pages ---------------------------------------------------------------------------------
def page_token(db: Database, planting_id: int) -> str | None:
    row = one(db, "SELECT token FROM tree_pages WHERE planting_id = ?", [planting_id])
    return row["token"] if row else None


def add_page(db: Database, planting_id: int, token: str, now: str) -> None:
    db.execute(
        "INSERT INTO tree_pages (planting_id, token, created_at) VALUES (?, ?, ?) ON CONFLICT(planting_id) DO NOTHING",
        [planting_id, token, now],
    )


def planting_of_token(db: Database, token: str) -> int | None:
    row = one(db, "SELECT planting_id FROM tree_pages WHERE token = ?", [token])
    return row["planting_id"] if row else None


def record(db: Database, planting_id: int) -> dict | None:
    """A record as its page shows it (no person, no openid)."""
    return one(
        db,
        f"SELECT {_RECORD}, p.status FROM plantings p LEFT JOIN villages v ON v.id = p.village_id WHERE p.id = ?",
        [planting_id],
    )


# -- photos of a record, and what a photo is of -----------------------------------------------------------
def add_plot_update(db: Database, planting_id: int, person_id: int, media_row_id: int, now: str) -> bool:
    return (
        db.execute(
            "INSERT INTO plot_updates (planting_id, person_id, media_row_id, created_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(media_row_id) DO NOTHING",
            [planting_id, person_id, media_row_id, now],
        ).rowcount
        == 1
    )


def photos_of_record(db: Database, planting_id: int) -> list[dict]:
    """Every stored photo of a record, oldest first: sha256, taken_at (when it reached the bot), source
    (record | survival | update). Tending photos come from bot.zones."""
    return list(
        db.query(
            "SELECT sha256, taken_at, source FROM ("
            " SELECT COALESCE(ph.sha256, m.sha256) AS sha256, ph.created_at AS taken_at, 'record' AS source, ph.id AS n"
            "  FROM planting_photos ph LEFT JOIN media m ON m.id = ph.media_row_id WHERE ph.planting_id = :p"
            " UNION ALL SELECT m.sha256, c.checked_at, 'survival', c.id FROM survival_checks c"
            "  JOIN media m ON m.id = c.media_row_id WHERE c.planting_id = :p"
            " UNION ALL SELECT m.sha256, u.created_at, 'update', u.id FROM plot_updates u"
            "  JOIN media m ON m.id = u.media_row_id WHERE u.planting_id = :p)"
            " WHERE sha256 IS NOT NULL ORDER BY taken_at, n",
            {"p": planting_id},
        )
    )


def records_of_media(db: Database, media_row_id: int) -> list[dict]:
    """The records a photo is of (planting_id, source): a record photo, a survival check, a cadre's update."""
    return list(
        db.query(
            "SELECT planting_id, 'record' AS source FROM planting_photos WHERE media_row_id = :m"
            " UNION SELECT planting_id, 'survival' FROM survival_checks WHERE media_row_id = :m"
            " UNION SELECT planting_id, 'update' FROM plot_updates WHERE media_row_id = :m",
            {"m": media_row_id},
        )
    )


def latest_survival(db: Database, planting_ids: list[int]) -> dict[int, str]:
    """planting id -> the result of its latest survival check that says something (alive, dead, replanted)."""
    ids = ",".join(str(int(i)) for i in planting_ids) or "NULL"
    return {
        r["planting_id"]: r["result"]
        for r in db.query(
            "SELECT planting_id, result, MAX(id) FROM survival_checks"
            f" WHERE planting_id IN ({ids}) AND result IN ('alive', 'dead', 'replanted') GROUP BY planting_id"
        )
    }


def own_records(db: Database, person_id: int) -> list[dict]:
    """A person's complete records (theirs, or entered for them through 代种), oldest first."""
    return list(
        db.query(
            f"SELECT {_RECORD}, p.review FROM plantings p LEFT JOIN villages v ON v.id = p.village_id"
            " WHERE p.person_id = ? AND p.status = 'complete' AND p.review != 'rejected' ORDER BY p.id",
            [person_id],
        )
    )


def contacts(db: Database, village_id: int, roles: list[str]) -> list[dict]:
    """The village's people with these roles (names and roles only): whom to ask about adopting."""
    marks_ = ",".join("?" * len(roles)) or "NULL"
    return list(
        db.query(
            f"SELECT name, role FROM people WHERE village_id = ? AND role IN ({marks_}) ORDER BY id",
            [village_id, *roles],
        )
    )
