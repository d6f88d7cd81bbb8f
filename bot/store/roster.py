"""Villages, people and which adviser looks after which village."""

from __future__ import annotations

import weakref

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one

migrations = Migrations("roster")

EXPORT_SQL = {
    "villages": "SELECT v.id, v.name, v.kind, v.town, v.households, v.lat, v.lng, v.radius_m, v.adviser,"
    " v.created_at, v.updated_at FROM villages v ORDER BY v.id",
    "people": "SELECT p.id, p.name, v.name AS village, p.role, p.phone, p.birth_year, p.openid, p.household,"
    " p.source, p.created_at, p.updated_at FROM people p LEFT JOIN villages v ON v.id = p.village_id"
    " ORDER BY p.id",
}


@migrations()
def m001_villages_people(db: Database) -> None:
    db.table("villages").create(
        {
            "id": int,
            "name": str,
            "kind": str,
            "town": str,
            "households": int,
            "lat": float,
            "lng": float,
            "radius_m": float,
            "adviser": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "kind"},
        defaults={"kind": "村"},
    )
    db.table("villages").create_index(["name"], unique=True)
    db.table("people").create(
        {
            "id": int,
            "name": str,
            "village_id": int,
            "role": str,
            "phone": str,
            "birth_year": int,
            "openid": str,
            "household": str,
            "source": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "role"},
        defaults={"role": "群众", "source": "roster"},
        foreign_keys=[("village_id", "villages", "id")],
    )
    db.table("people").create_index(["name", "village_id"], unique=True)
    db.table("people").create_index(["openid"], unique=True)
    db.table("people").create_index(["village_id"])
    db.table("adviser_villages").create(
        {"person_id": int, "village_id": int},
        pk=("person_id", "village_id"),
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )


@migrations()
def m002_binding_conflicts(db: Database) -> None:
    """A 登记 that named a person already bound to another WeChat user, for an admin to resolve."""
    db.table("binding_conflicts").create(
        {
            "id": int,
            "openid": str,
            "person_id": int,
            "claimed_name": str,
            "village_id": int,
            "bound_openid": str,
            "status": str,
            "resolution": str,
            "resolved_by": str,
            "created_at": str,
            "resolved_at": str,
        },
        pk="id",
        not_null={"openid", "person_id", "status"},
        defaults={"status": "open"},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("binding_conflicts").create_index(["status"])
    db.table("binding_conflicts").create_index(["openid", "person_id"])


@migrations()
def m003_household_index(db: Database) -> None:
    """Households and party members per village (bot/store/progress.py) read people in this order."""
    db.table("people").create_index(["village_id", "household", "role", "birth_year"])


@migrations()
def m004_binding_proof(db: Database) -> None:
    """How each binding was proven (bot/identity.py: a staff role counts only with a code or the roster's
    openid column), and what a binding conflict is about. Every binding made before this change was made
    by name alone: a staff role among them is suspended until its owner uses a code."""
    # bound_via: code (one-time invite code) | roster (the roster file's openid column) | phone (the last 4
    # digits of the roster phone) | approved (a cadre or admin approved the claim on the dashboard) |
    # name (the name alone: a roster villager without a phone, and every binding made before) | self (a new 群众)
    db.table("people").add_column("bound_via", str)
    db.execute(
        "UPDATE people SET bound_via = CASE WHEN source = 'self' THEN 'self' ELSE 'name' END WHERE openid IS NOT NULL"
    )
    # kind: taken (the person is bound to another WeChat user) | needs_code (a staff person claimed without a
    # code: nothing was bound) | phone (a roster villager failed the phone check: waits for a cadre or admin)
    db.table("binding_conflicts").add_column("kind", str, not_null_default="taken")


@migrations()
def m005_role_index(db: Database) -> None:
    """The advisers (and admins) are found by role when a ticket is assigned: by this index, not through the whole
    roster (a city's villagers)."""
    db.table("people").create_index(["role"])


@migrations()
def m006_villages_version(db: Database) -> None:
    """A mark that changes with every write to ``villages`` (triggers, so an import, the dashboard and a test's own
    INSERT all move it): ``all_villages`` keeps the table per connection and reads it again only when the mark moved.
    A random mark, not a count: a change rolled back and another committed never leave the same mark."""
    db.execute("CREATE TABLE villages_version (id INTEGER PRIMARY KEY CHECK (id = 1), mark INTEGER NOT NULL)")
    db.execute("INSERT INTO villages_version (id, mark) VALUES (1, random())")
    for event in ("INSERT", "UPDATE", "DELETE"):
        db.execute(
            f"CREATE TRIGGER villages_version_{event.lower()} AFTER {event} ON villages"
            " BEGIN UPDATE villages_version SET mark = random() WHERE id = 1; END"
        )


@migrations()
def m007_name_claims(db: Database) -> None:
    """A roster villager (群众, 党员) bound by name alone still binds at once, but the binding now waits on 登记冲突 for
    the village's cadres or an admin to check (bot/bindings.py): a claim of kind ``name`` (the claimant holds the person
    meanwhile), decided ``confirm`` (``people.bound_via`` becomes ``confirmed``) or ``release`` (unbound). Every such
    binding made before this change gets its claim now, so a 党员 among them can be confirmed (party powers count only
    once confirmed or proven: bot/identity.py ``is_proven``)."""
    # new values: binding_conflicts.kind 'name'; binding_conflicts.resolution 'confirmed' | 'released' | 'unbound'
    # (the claimant no longer held the person: they registered as someone else, or the person was given to another
    # WeChat user); people.bound_via 'confirmed'
    db.execute(
        "INSERT INTO binding_conflicts (openid, person_id, claimed_name, village_id, bound_openid, kind, status,"
        " created_at) SELECT p.openid, p.id, p.name, p.village_id, p.openid, 'name', 'open', COALESCE(p.updated_at,"
        " p.created_at) FROM people p WHERE p.openid IS NOT NULL AND p.bound_via = 'name' AND p.role IN ('群众', '党员')"
        " ORDER BY p.id"
    )


@migrations()
def m008_bound_at(db: Database) -> None:
    """sim61: when each person was bound to their WeChat user (``bound_at``, the binding's own clock: the row's
    ``updated_at`` or, on insert, ``created_at``), kept by triggers whatever binds (registration, a code, an import's
    openid column, the demo); a new binding is no reason for this week's nudge (bot/reminders.py). Bindings made
    before this change keep their row's last change as their time."""
    db.table("people").add_column("bound_at", str)
    db.execute("UPDATE people SET bound_at = COALESCE(updated_at, created_at) WHERE openid IS NOT NULL")
    db.table("people").create_index(["bound_at"])
    db.execute(
        "CREATE TRIGGER people_bound_at_insert AFTER INSERT ON people WHEN NEW.openid IS NOT NULL"
        " BEGIN UPDATE people SET bound_at = NEW.created_at WHERE id = NEW.id; END"
    )
    db.execute(
        "CREATE TRIGGER people_bound_at_update AFTER UPDATE OF openid ON people"
        " WHEN NEW.openid IS NOT NULL AND NEW.openid IS NOT OLD.openid"
        " BEGIN UPDATE people SET bound_at = NEW.updated_at WHERE id = NEW.id; END"
    )


VILLAGE_COLUMNS = ("name", "kind", "town", "households", "lat", "lng", "radius_m", "adviser")
PERSON_COLUMNS = ("name", "village_id", "role", "phone", "birth_year", "openid", "household", "source", "bound_via")


COLUMNS = {"villages": VILLAGE_COLUMNS, "people": PERSON_COLUMNS}


def insert_row(db: Database, table: str, fields: dict, now: str) -> int:
    """Insert a village or a person (the roster columns given in ``fields``)."""
    cols = [c for c in COLUMNS[table] if c in fields]
    cursor = db.execute(
        f"INSERT INTO {table} ({', '.join(cols)}, created_at, updated_at)"
        f" VALUES ({', '.join('?' for _ in cols)}, ?, ?)",
        [fields[c] for c in cols] + [now, now],
    )
    return new_id(cursor)


def update_row(db: Database, table: str, row_id: int, fields: dict, now: str) -> None:
    """Update the roster columns given in ``fields`` of a village or a person."""
    cols = [c for c in COLUMNS[table] if c in fields]
    if cols:
        db.execute(
            f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)}, updated_at = ? WHERE id = ?",
            [fields[c] for c in cols] + [now, row_id],
        )


def insert_village(db: Database, fields: dict, now: str) -> int:
    return insert_row(db, "villages", fields, now)


def update_village(db: Database, village_id: int, fields: dict, now: str) -> None:
    update_row(db, "villages", village_id, fields, now)


def insert_person(db: Database, fields: dict, now: str) -> int:
    return insert_row(db, "people", fields, now)


def update_person(db: Database, person_id: int, fields: dict, now: str) -> None:
    update_row(db, "people", person_id, fields, now)


# -- villages ---------------------------------------------------------------------------------------
class KeptVillages(list):
    """Every village, by id, as a connection keeps them (``kept_villages``), and ``mark``: the ``villages_version`` mark
    they were read at (None: not kept). Shared by every caller on the connection: read them, never change the list or
    its dicts (``all_villages`` gives copies to change). The same mark, the same villages, whichever connection read
    them (a trigger moves the mark to a new random number on every write to ``villages``): bot/identity.py keeps what
    it derives from the villages' names by it."""

    mark: int | None = None


# Per connection (each thread has its own): the villages read at a villages_version mark. A follower not registered
# yet who writes a few words has them read against every village (handlers/registration.py): a city's 1,200 villages
# read whole each time cost the writer ~1 ms of a message (issue 21, eleventh round); copied for each caller ~0.2 ms
# (the twelfth), so registration's readers take them as kept (the thirteenth).
_villages_kept: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MARK = "SELECT mark FROM villages_version"


def kept_villages(db: Database) -> KeptVillages:
    """Every village, by id, as this connection keeps them: read only (``KeptVillages``). Read again only when a write
    to ``villages`` moved its mark since this connection last read them (m006)."""
    mark = db.conn.execute(_MARK).fetchone()
    kept = _villages_kept.get(db)
    if mark is not None and kept is not None and kept.mark == mark[0]:
        return kept
    villages = KeptVillages(db.query("SELECT * FROM villages ORDER BY id"))
    # outside a transaction another connection may commit between the two reads: kept only when the mark did not move
    # meanwhile (in a transaction, as in the writer, it cannot), so a mark never names villages read at another
    if mark is not None and db.conn.execute(_MARK).fetchone() == mark:
        villages.mark = mark[0]
        _villages_kept[db] = villages
    return villages


def all_villages(db: Database) -> list[dict]:
    """Every village, by id: each a dict of its own (the caller may change it); ``kept_villages`` to read them only."""
    return list(map(dict, kept_villages(db)))  # ~0.17 ms for 1,200 (a comprehension ~0.24)


def village_by_name(db: Database, name: str) -> dict | None:
    return one(db, "SELECT * FROM villages WHERE name = ?", [name])


# -- people -----------------------------------------------------------------------------------------
def person(db: Database, person_id: int | None) -> dict | None:
    if person_id is None:
        return None
    return one(db, "SELECT * FROM people WHERE id = ?", [person_id])


def person_by_name_in_village(db: Database, name: str, village_id: int) -> dict | None:
    return one(db, "SELECT * FROM people WHERE name = ? AND village_id = ?", [name, village_id])


def person_of_role_named_in_villages(db: Database, role: str, name: str, village_ids: list[int]) -> dict | None:
    """A person of this role (an adviser: bot.roster.ADVISER) and name linked to (or living in) any of these villages."""
    if not village_ids:
        return None
    marks = ", ".join("?" for _ in village_ids)
    return one(
        db,
        f"SELECT p.* FROM people p WHERE p.name = ? AND p.role = ? AND (p.village_id IN ({marks})"
        f" OR p.id IN (SELECT person_id FROM adviser_villages WHERE village_id IN ({marks})))"
        " ORDER BY p.id LIMIT 1",
        [name, role, *village_ids, *village_ids],
    )


def roster_people_named(db: Database, name: str) -> list[dict]:
    """Everyone of this name the roster lists (not self-registered), in id order."""
    return list(
        db.query("SELECT * FROM people WHERE name = ? AND COALESCE(source, 'roster') != 'self' ORDER BY id", [name])
    )


def person_of_role_named(db: Database, role: str, name: str) -> dict | None:
    """The first person of this role and name (an adviser named in a villages file, an adviser login)."""
    return one(db, "SELECT * FROM people WHERE name = ? AND role = ? ORDER BY id LIMIT 1", [name, role])


def bind_openid(db: Database, person_id: int, openid: str, now: str, via: str) -> None:
    """Bind; ``via`` says how the binding was proven (column ``bound_via``, m004 above)."""
    db.execute(
        "UPDATE people SET openid = ?, bound_via = ?, updated_at = ? WHERE id = ?", [openid, via, now, person_id]
    )


def bound_since(db: Database, moment: str) -> set[str]:
    """The WeChat users bound to a person after ``moment`` (m008: ``bound_at``)."""
    return {
        r["openid"] for r in db.query("SELECT openid FROM people WHERE bound_at > ? AND openid IS NOT NULL", [moment])
    }


def unbind_openid(db: Database, openid: str, now: str) -> None:
    """The openid holds no one now. What it recorded meanwhile (plantings, pledges …) keeps its openid and person.
    Its open ``name`` claim is settled (resolution ``unbound``): there is no binding left to check."""
    db.execute(
        "UPDATE binding_conflicts SET status = 'resolved', resolution = 'unbound', resolved_by = 'unbound',"
        " resolved_at = ? WHERE openid = ? AND kind = 'name' AND status = 'open'",
        [now, openid],
    )
    db.execute("UPDATE people SET openid = NULL, bound_via = NULL, updated_at = ? WHERE openid = ?", [now, openid])


# -- advisers ---------------------------------------------------------------------------------------
def set_adviser_villages(db: Database, person_id: int, village_ids: list[int]) -> None:
    db.execute("DELETE FROM adviser_villages WHERE person_id = ?", [person_id])
    for village_id in dict.fromkeys(village_ids):
        db.execute("INSERT INTO adviser_villages (person_id, village_id) VALUES (?, ?)", [person_id, village_id])


def link_adviser_village(db: Database, person_id: int, village_id: int) -> None:
    db.execute("INSERT OR IGNORE INTO adviser_villages (person_id, village_id) VALUES (?, ?)", [person_id, village_id])


def villages_of_adviser(db: Database, person_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT v.* FROM villages v JOIN adviser_villages av ON av.village_id = v.id WHERE av.person_id = ?"
            " ORDER BY v.id",
            [person_id],
        )
    )


# -- binding conflicts ------------------------------------------------------------------------------
def record_binding_conflict(
    db: Database,
    *,
    openid: str,
    person_id: int,
    claimed_name: str,
    village_id: int | None,
    bound_openid: str | None,
    now: str,
    kind: str = "taken",
) -> int:
    """One open row per (openid, person): asking twice does not file it twice. ``kind``: see m004."""
    existing = one(
        db,
        "SELECT id FROM binding_conflicts WHERE openid = ? AND person_id = ? AND status = 'open'",
        [openid, person_id],
    )
    if existing:
        return existing["id"]
    cursor = db.execute(
        "INSERT INTO binding_conflicts (openid, person_id, claimed_name, village_id, bound_openid, kind, status,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
        [openid, person_id, claimed_name, village_id, bound_openid, kind, now],
    )
    return new_id(cursor)


def was_released(db: Database, openid: str, person_id: int) -> bool:
    """Did the village release this openid's binding by name of this person (a ``name`` claim, ``release``)?"""
    return bool(
        one(
            db,
            "SELECT id FROM binding_conflicts WHERE openid = ? AND person_id = ? AND kind = 'name'"
            " AND resolution = 'released' LIMIT 1",
            [openid, person_id],
        )
    )


def open_claim_of(db: Database, openid: str) -> dict | None:
    """The sender's newest claim still waiting for the office (round 56), with the claimed person's village name."""
    return one(
        db,
        "SELECT c.claimed_name, COALESCE(v.name, pv.name) AS village FROM binding_conflicts c"
        " JOIN people p ON p.id = c.person_id LEFT JOIN villages v ON v.id = c.village_id"
        " LEFT JOIN villages pv ON pv.id = p.village_id"
        " WHERE c.openid = ? AND c.status = 'open' ORDER BY c.id DESC LIMIT 1",
        [openid],
    )


def binding_conflict(db: Database, conflict_id: int) -> dict | None:
    return one(db, "SELECT * FROM binding_conflicts WHERE id = ?", [conflict_id])


def open_binding_conflicts(db: Database) -> list[dict]:
    """For the dashboard: who claimed whom, and who holds that person now (``holder_openid``)."""
    return list(
        db.query(
            "SELECT c.*, p.name AS person_name, p.role AS person_role, p.openid AS holder_openid,"
            " COALESCE(pv.name, v.name) AS village"
            " FROM binding_conflicts c JOIN people p ON p.id = c.person_id LEFT JOIN villages v ON v.id = c.village_id"
            " LEFT JOIN villages pv ON pv.id = p.village_id"
            " WHERE c.status = 'open' ORDER BY c.id"
        )
    )


def resolved_binding_conflicts(db: Database, limit: int = 20) -> list[dict]:
    """The latest resolutions, newest first (who decided, when, what)."""
    return list(
        db.query(
            "SELECT c.*, p.name AS person_name, COALESCE(pv.name, v.name) AS village"
            " FROM binding_conflicts c JOIN people p ON p.id = c.person_id LEFT JOIN villages v ON v.id = c.village_id"
            " LEFT JOIN villages pv ON pv.id = p.village_id"
            " WHERE c.status = 'resolved' ORDER BY c.resolved_at DESC, c.id DESC LIMIT ?",
            [limit],
        )
    )


def resolve_binding_conflict(db: Database, conflict_id: int, resolution: str, resolved_by: str, now: str) -> bool:
    """Close an open conflict. ``resolution`` is free text: 'rebound' (the claimant now holds the person),
    'kept' … False if it was not open (a conflict is resolved once)."""
    cursor = db.execute(
        "UPDATE binding_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?,"
        " resolved_at = ? WHERE id = ? AND status = 'open'",
        [resolution, resolved_by, now, conflict_id],
    )
    return cursor.rowcount == 1


def close_open_claims(
    db: Database, person_id: int, openid: str, *, resolution: str, resolved_by: str, now: str
) -> None:
    """The claimant now holds the person (a code, the phone check): its open claims on it are settled."""
    db.execute(
        "UPDATE binding_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ?"
        " WHERE person_id = ? AND openid = ? AND status = 'open'",
        [resolution, resolved_by, now, person_id, openid],
    )


def bound_in_role(db: Database, role: str) -> list[dict]:
    """The people holding ``role`` who are bound to WeChat, in roster order (tidy84: the office's, read by
    ``identity.proven_office``; had been the awards' and the tickets' stores')."""
    return list(db.query("SELECT * FROM people WHERE role = ? AND openid IS NOT NULL ORDER BY id", [role]))


def bound_people_with_roles(db: Database, roles) -> list[dict]:
    """People holding one of these roles who are bound to WeChat, with their village's name (``village``)."""
    marks = ", ".join("?" for _ in roles)
    return list(
        db.query(
            f"SELECT p.*, v.name AS village FROM people p LEFT JOIN villages v ON v.id = p.village_id"
            f" WHERE p.openid IS NOT NULL AND p.role IN ({marks}) ORDER BY v.name, p.name",
            list(roles),
        )
    )


def person_by_openid(db: Database, openid: str) -> dict | None:
    return one(db, "SELECT * FROM people WHERE openid = ?", [openid])


_person_of_user: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def person_of_user(db: Database) -> str:
    """An SQL expression over a ``users`` row: the person bound to its openid as one JSON object, the columns of
    ``SELECT * FROM people`` in their order (NULL when none is bound), for the user row's statement to return
    (bot.store.users.touch_inbound: one statement fewer for each message that asks who is writing). Made once per
    connection, from the table as it is."""
    sql = _person_of_user.get(db)
    if sql is None:
        columns = [row[1] for row in db.conn.execute("PRAGMA table_info(people)")]
        pairs = ", ".join(f"'{name}', people.\"{name}\"" for name in columns)
        sql = f"(SELECT json_object({pairs}) FROM people WHERE people.openid = users.openid)"
        _person_of_user[db] = sql
    return sql


def village(db: Database, village_id: int | None) -> dict | None:
    if village_id is None:
        return None
    return one(db, "SELECT * FROM villages WHERE id = ?", [village_id])


def village_cadres(db: Database, village_id: int | None, roles: tuple[str, ...]) -> list[dict]:
    """The village's roster people holding one of ``roles``, in the order of ``roles`` then by name (round 40: whom a
    village matter goes to)."""
    if village_id is None or not roles:
        return []
    marks = ", ".join("?" for _ in roles)
    order = " ".join(f"WHEN ? THEN {n}" for n in range(len(roles)))
    return list(
        db.query(
            f"SELECT id, name, role, openid FROM people WHERE village_id = ? AND role IN ({marks})"
            f" ORDER BY CASE role {order} END, name",
            [village_id, *roles, *roles],
        )
    )
