"""Planting records and their photos.

A record is *complete* once it has a photo, a species and a count (or, for a
plot, an area). It counts toward verified (核实) totals when it is complete and its
review is ``none`` (it passed every check), ``spot_check`` (it passed, and was drawn
for a spot check that has not been decided) or ``approved``; ``pending`` review shows
as 待审核 and is part of the claimed (上报) figures only; ``rejected`` never counts.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import new_id, one

migrations = Migrations("plantings")


VERIFIED_REVIEWS = ("none", "spot_check", "approved")  # a complete record with one of these counts (核实)


def verified_sql(alias: str = "") -> str:
    """The records that count (核实), on the table or an alias of it."""
    col = f"{alias}." if alias else ""
    return f"{col}status = 'complete' AND {col}review IN {VERIFIED_REVIEWS}"


EXPORT_SQL = {
    "plantings": (
        "SELECT p.id, p.openid, pe.name AS person, v.name AS village, p.species, p.count, p.area_mu, p.lat, p.lng,"
        " (SELECT ph.sha256 FROM planting_photos ph WHERE ph.planting_id = p.id AND ph.purpose = 'record'"
        "   ORDER BY ph.id LIMIT 1) AS photo_sha256,"
        " p.status, p.flags, p.created_at, p.kind, p.site, p.review, eb.name AS entered_by, p.completed_at,"
        f" CASE WHEN {verified_sql('p')} THEN 1 ELSE 0 END AS verified, p.recounted_from, p.recounted_at,"
        " p.restored_at FROM plantings p LEFT JOIN people pe ON pe.id = p.person_id LEFT JOIN villages v ON v.id = p.village_id"
        " LEFT JOIN people eb ON eb.id = p.entered_by_person_id ORDER BY p.id"
    ),
}


@migrations()
def m001_plantings(db: Database) -> None:
    db.table("plantings").create(
        {
            "id": int,
            "openid": str,
            "person_id": int,
            "entered_by_person_id": int,
            "village_id": int,
            "kind": str,  # tree | plot (党建林/主题林 with an area)
            "site": str,  # 房前屋后, 党建林, 主题林, 道路, 河边, 校园, 庭院 … (None = not said)
            "species": str,
            "species_known": int,
            "count": int,
            "area_mu": float,
            "lat": float,
            "lng": float,
            "location_label": str,
            "status": str,  # pending (waiting for photo/species/count) | complete | cancelled | withdrawn (m007)
            "review": str,  # none | pending | approved | rejected (| spot_check, bot/planting.py)
            "flags": str,  # space-separated flag names: duplicate_photo far_from_village old_photo unknown_species
            "flag_details": str,  # JSON {flag: {reason, ref}}
            "reviewed_by": str,
            "reviewed_at": str,
            "review_reason": str,
            "inbox_id": int,
            "created_at": str,
            "completed_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"openid", "kind", "status", "review"},
        defaults={"kind": "tree", "status": "pending", "review": "none", "flags": ""},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db.table("plantings").create_index(["openid", "status"])
    db.table("plantings").create_index(["village_id", "status"])
    db.table("plantings").create_index(["person_id"])
    db.table("plantings").create_index(["review"])
    db.table("plantings").create_index(["created_at"])
    db.table("planting_photos").create(
        {
            "id": int,
            "planting_id": int,
            "media_row_id": int,
            "sha256": str,
            "phash": int,
            "exif_time": str,
            "exif_lat": float,
            "exif_lng": float,
            "purpose": str,  # record | survival
            "created_at": str,
        },
        pk="id",
        not_null={"planting_id", "purpose"},
        defaults={"purpose": "record"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db.table("planting_photos").create_index(["planting_id"])
    db.table("planting_photos").create_index(["media_row_id"], unique=True)
    db.table("planting_photos").create_index(["sha256"])


VERIFIED_SQL = verified_sql()
PENDING_REVIEW_SQL = "status = 'complete' AND review = 'pending'"
IN_REVIEW_QUEUE_SQL = "review IN ('pending', 'spot_check')"  # what a reviewer decides on
PLOT_SITES_SQL = "('党建林', '主题林', '示范点')"  # bot.planting.PLOT_SITES: collective sites


@migrations()
def m002_planting_flow_columns(db: Database) -> None:
    """What the chat flow and the photo analysis need beyond the first schema.

    plantings: ``last_part_at`` (the last photo/text/location that joined the record), ``closed_at`` (its
    collecting window ended, or it was cancelled), ``reminded_at`` (an incomplete record's one reminder).
    planting_photos: ``error`` (the bytes are not a usable photo), ``analysed_at``, and the other record a
    duplicate photo points to (``duplicate_of`` with its Hamming ``duplicate_distance``; 0 = identical).
    """
    db.table("plantings").add_column("last_part_at", str)
    db.table("plantings").add_column("closed_at", str)
    db.table("plantings").add_column("reminded_at", str)
    db.table("planting_photos").add_column("error", str)
    db.table("planting_photos").add_column("analysed_at", str)
    db.table("planting_photos").add_column("duplicate_of", int)
    db.table("planting_photos").add_column("duplicate_distance", int)


# Covering indexes for the progress figures (bot/store/progress.py names them in INDEXED BY): every
# column the county-wide aggregates read, so a pass over 200,000 records never touches the table.
PROGRESS_VILLAGE_INDEX = "idx_plantings_progress_village"
PROGRESS_PERSON_INDEX = "idx_plantings_progress_person"


@migrations()
def m003_progress_indexes(db: Database) -> None:
    db.table("plantings").create_index(
        ["village_id", "status", "review", "kind", "site", "count", "area_mu", "flags", "completed_at", "created_at"],
        index_name=PROGRESS_VILLAGE_INDEX,
    )
    db.table("plantings").create_index(
        ["person_id", "status", "review", "kind", "count", "completed_at", "created_at"],
        index_name=PROGRESS_PERSON_INDEX,
    )


@migrations()
def m004_changed_records_index(db: Database) -> None:
    """Records changed since a moment (bot.planting.people_with_changed_records: the certificates' job)."""
    db.table("plantings").create_index(["updated_at"])


@migrations()
def m005_photo_index_order(db: Database) -> None:
    """``index_seq``: the order in which record photos got their pHash (1, 2, 3 … across every process),
    so that a process's near-duplicate index can take in what the others analysed since it last looked
    (bot.planting.photo_index). Photos analysed before this column are numbered in id order."""
    db.table("planting_photos").add_column("index_seq", int)
    db.execute(
        "UPDATE planting_photos SET index_seq = id WHERE purpose = 'record' AND phash IS NOT NULL AND index_seq IS NULL"
    )
    db.table("planting_photos").create_index(["index_seq"], unique=True)


@migrations()
def m006_photo_index_counter(db: Database) -> None:
    """``photo_index_counter``: the last ``index_seq`` given (one row). A photo taken off its record (a question
    after it hands it to the adviser: ``unlink_photos``) deletes its row, so the largest ``index_seq`` can fall back,
    and the next photo would take a number the indexes have read already and skip it (bot/follow.py)."""
    db.table("photo_index_counter").create({"id": int, "last": int}, pk="id", not_null={"last"})
    db.execute("INSERT INTO photo_index_counter (id, last) SELECT 1, COALESCE(MAX(index_seq), 0) FROM planting_photos")


@migrations()
def m007_withdrawn_records(db: Database) -> None:
    """``withdrawn_at``: a finished record its sender withdrew (作废, bot/planting.py ``withdraw``): status
    ``withdrawn``, the row kept (audit), never counted again (every count reads ``status = 'complete'``)."""
    db.table("plantings").add_column("withdrawn_at", str)


@migrations()
def m008_recounted_records(db: Database) -> None:
    """``recounted_from``: what a finished record said when its sender first corrected its count (round 48, bot/planting.py
    ``recount``: '2棵荔枝'), ``recounted_at`` when last: the village's cadres see the change on the dashboard and in the
    export; empty for a record never corrected."""
    db.table("plantings").add_column("recounted_from", str)
    db.table("plantings").add_column("recounted_at", str)


@migrations()
def m009_restored_records(db: Database) -> None:
    """``restored_at``: when a withdrawn record was last restored (round 77's 恢复, bot/corrections.py; tidy77): the
    village page's records list, the record page and the export show it (恢复过); filled from the audit rows of the
    restores made before the column."""
    db.table("plantings").add_column("restored_at", str)
    restored_from_audit(db)


def restored_from_audit(db: Database) -> None:
    """``restored_at`` of each record as its last restore's audit row says (none: left empty); nothing when the
    corrections capability's table is not there."""
    if db.table("record_corrections").exists():
        db.execute(
            "UPDATE plantings SET restored_at = (SELECT MAX(c.created_at) FROM record_corrections c"
            " WHERE c.planting_id = plantings.id AND c.action = 'restore')"
        )


WITHDRAWN = "withdrawn"
# records that are gone: dropped while collected (cancelled) or withdrawn after they were finished; neither counts,
# neither takes a later photo or location, neither is a photo's duplicate
GONE_SQL = "status NOT IN ('cancelled', 'withdrawn')"

# Columns the planting flow may set with ``update``.
WRITABLE = (
    "person_id",
    "entered_by_person_id",
    "village_id",
    "kind",
    "site",
    "species",
    "species_known",
    "count",
    "recounted_from",
    "recounted_at",
    "area_mu",
    "lat",
    "lng",
    "location_label",
    "status",
    "review",
    "flags",
    "flag_details",
    "completed_at",
    "updated_at",
    "last_part_at",
    "closed_at",
    "reminded_at",
    "withdrawn_at",
)


# -- records ----------------------------------------------------------------------------------------
def create(db: Database, *, openid: str, person_id: int | None, village_id: int | None, inbox_id: int, now: str) -> int:
    """A new pending record of this sender (its parts are set with ``update``)."""
    cursor = db.execute(
        "INSERT INTO plantings (openid, person_id, entered_by_person_id, village_id, kind, status, review, flags,"
        " inbox_id, created_at, updated_at, last_part_at) VALUES (?, ?, ?, ?, 'tree', 'pending', 'none', '', ?, ?, ?, ?)",
        [openid, person_id, person_id, village_id, inbox_id, now, now, now],
    )
    return new_id(cursor)


def get(db: Database, planting_id: int) -> dict | None:
    return one(db, "SELECT * FROM plantings WHERE id = ?", [planting_id])


def update(db: Database, planting_id: int, fields: dict) -> None:
    unknown = set(fields) - set(WRITABLE)
    if unknown:
        raise ValueError(f"not writable: {sorted(unknown)}")
    if fields:
        db.execute(
            f"UPDATE plantings SET {', '.join(c + ' = ?' for c in fields)} WHERE id = ?",
            [*fields.values(), planting_id],
        )


def set_review(db: Database, planting_id: int, decision: str, reason: str, by: str, now: str) -> bool:
    """Approve or reject a record waiting for review or a spot check (who, when, why); False if it was not waiting."""
    assert decision in ("approved", "rejected"), decision
    cursor = db.execute(
        "UPDATE plantings SET review = ?, reviewed_by = ?, reviewed_at = ?, review_reason = ?, updated_at = ?"
        f" WHERE id = ? AND {IN_REVIEW_QUEUE_SQL}",
        [decision, by, now, reason, now, planting_id],
    )
    return cursor.rowcount == 1


# sim63: a window's records end at now: one dated after it (a rehearsal's clock moved back) takes no part
FAR_FUTURE = "9999-12-31T23:59:59"


def latest_of(db: Database, openid: str, since: str, until: str = FAR_FUTURE) -> dict | None:
    """The sender's newest record (not cancelled nor withdrawn) that got a part from ``since`` to ``until`` (now)."""
    return one(
        db,
        f"SELECT * FROM plantings WHERE openid = ? AND {GONE_SQL} AND last_part_at BETWEEN ? AND ?"
        " ORDER BY id DESC LIMIT 1",
        [openid, since, until],
    )


def unsettled(db: Database, openid: str | None = None) -> list[dict]:
    """Pending records whose collecting window has not been closed yet (all senders when openid is None)."""
    if openid is None:
        return list(db.query("SELECT * FROM plantings WHERE status = 'pending' AND closed_at IS NULL ORDER BY id"))
    return list(
        db.query(
            "SELECT * FROM plantings WHERE openid = ? AND status = 'pending' AND closed_at IS NULL ORDER BY id",
            [openid],
        )
    )


def awaiting_review(db: Database, openid: str, limit: int) -> list[dict]:
    """The sender's finished records that wait for the village's check (``review`` pending), newest first."""
    return list(
        db.query(
            "SELECT * FROM plantings WHERE openid = ? AND status = 'complete' AND review = 'pending'"
            " ORDER BY id DESC LIMIT ?",
            [openid, limit],
        )
    )


def count_awaiting_review(db: Database, openid: str) -> int:
    return next(
        db.query(
            "SELECT COUNT(*) AS n FROM plantings WHERE openid = ? AND status = 'complete' AND review = 'pending'",
            [openid],
        )
    )["n"]


def latest_incomplete(db: Database, openid: str, closed_since: str, until: str = FAR_FUTURE) -> dict | None:
    """The sender's newest incomplete record (pending, window closed) closed from ``closed_since`` to ``until`` (now)."""
    return one(
        db,
        "SELECT * FROM plantings WHERE openid = ? AND status = 'pending' AND closed_at BETWEEN ? AND ?"
        " ORDER BY id DESC LIMIT 1",
        [openid, closed_since, until],
    )


def last_finished(db: Database, openid: str, now: str) -> dict | None:
    """The sender's newest record finished by ``now`` (complete), withdrawn or not by now: what 作废 would withdraw
    (a rehearsal's clock may stand before records the demo finished later: never those)."""
    return one(
        db,
        "SELECT * FROM plantings WHERE openid = ? AND status IN ('complete', 'withdrawn') AND completed_at IS NOT NULL"
        " AND completed_at <= ? ORDER BY completed_at DESC, id DESC LIMIT 1",
        [openid, now],
    )


def withdraw(db: Database, planting_id: int, now: str, *, checked_too: bool = False) -> bool:
    """Mark a complete record withdrawn (never deleted); False when it is no longer complete and unreviewed.
    ``checked_too``: a cadre's or the office's correction (bot/corrections.py) withdraws a checked record too, never
    one rejected in review."""
    unchecked = (
        " AND review != 'rejected'"
        if checked_too
        else " AND reviewed_at IS NULL AND review NOT IN ('approved', 'rejected')"
    )
    cursor = db.execute(
        "UPDATE plantings SET status = 'withdrawn', withdrawn_at = ?, updated_at = ?"
        " WHERE id = ? AND status = 'complete'" + unchecked,
        [now, now, planting_id],
    )
    return cursor.rowcount == 1


def restore(db: Database, planting_id: int, now: str) -> bool:
    """A withdrawn record counted again (round 77: a cadre's or the office's restore, bot/corrections.py): status back
    to ``complete``, ``withdrawn_at`` cleared (the audit row keeps when it was withdrawn), ``restored_at`` set (tidy77:
    the dashboard and the export say 恢复过); its review as it was. False when it is not withdrawn, so a restore never
    counts a record twice."""
    cursor = db.execute(
        "UPDATE plantings SET status = 'complete', withdrawn_at = NULL, restored_at = ?, updated_at = ?"
        " WHERE id = ? AND status = 'withdrawn' AND completed_at IS NOT NULL",
        [now, now, planting_id],
    )
    return cursor.rowcount == 1


def statuses(db: Database, planting_ids: list[int]) -> dict[int, str]:
    if not planting_ids:
        return {}
    marks = ", ".join("?" for _ in planting_ids)
    return {
        r["id"]: r["status"]
        for r in db.query(f"SELECT id, status FROM plantings WHERE id IN ({marks})", list(planting_ids))
    }


def people_with_records_changed_since(db: Database, since: str | None, until: str) -> list[int]:
    """The people credited with a complete record changed at or after ``since`` (any time when None) and not
    after ``until``."""
    return [
        r["person_id"]
        for r in db.query(
            "SELECT DISTINCT person_id FROM plantings WHERE person_id IS NOT NULL AND status = 'complete'"
            " AND (:since IS NULL OR updated_at >= :since) AND updated_at <= :until ORDER BY person_id",
            {"since": since, "until": until},
        )
    ]


def verified_tree_records(db: Database, person_id: int) -> list[dict]:
    """A person's verified records of trees (kind 'tree'), oldest first: id, count, species, completed_at and
    ``collective`` (1: at a collective site, ``PLOT_SITES_SQL``)."""
    return list(
        db.query(
            f"SELECT id, count, species, completed_at, COALESCE(site, '') IN {PLOT_SITES_SQL} AS collective"
            f" FROM plantings WHERE person_id = ? AND kind = 'tree'"
            f" AND {verified_sql()} ORDER BY COALESCE(completed_at, created_at), id",
            [person_id],
        )
    )


def verified_trees_by_person(db: Database, since: str | None, until: str | None) -> dict[int, dict]:
    """person id -> {trees, records, collective, collective_records} of their verified tree records completed in
    [since, until]: ``trees`` and ``records`` at their own places; ``collective…`` those at a collective site
    (党建林, 主题林, 示范点: ``PLOT_SITES_SQL``), planted by many and logged by one."""
    collective = f"COALESCE(site, '') IN {PLOT_SITES_SQL}"
    return {
        r.pop("person_id"): r
        for r in db.query(
            f"SELECT person_id, COALESCE(SUM(CASE WHEN {collective} THEN 0 ELSE count END), 0) AS trees,"
            f" COALESCE(SUM(CASE WHEN {collective} THEN 0 ELSE 1 END), 0) AS records,"
            f" COALESCE(SUM(CASE WHEN {collective} THEN count ELSE 0 END), 0) AS collective,"
            f" COALESCE(SUM(CASE WHEN {collective} THEN 1 ELSE 0 END), 0) AS collective_records FROM plantings"
            f" WHERE person_id IS NOT NULL AND kind = 'tree' AND {verified_sql()}"
            " AND (:since IS NULL OR COALESCE(completed_at, created_at) >= :since)"
            " AND (:until IS NULL OR COALESCE(completed_at, created_at) <= :until) GROUP BY person_id",
            {"since": since, "until": until},
        )
    }


def verified_among(db: Database, planting_ids: list[int]) -> set[int]:
    """Those of these records that count (核实) now."""
    marks = ", ".join("?" for _ in planting_ids) or "NULL"
    return {
        r["id"]
        for r in db.query(f"SELECT id FROM plantings WHERE id IN ({marks}) AND {verified_sql()}", list(planting_ids))
    }


def awaiting_review_among(db: Database, planting_ids: list[int]) -> set[int]:
    """Those of these records that wait for a reviewer's decision (complete, review pending): sim70."""
    marks = ", ".join("?" for _ in planting_ids) or "NULL"
    return {
        r["id"]
        for r in db.query(
            f"SELECT id FROM plantings WHERE id IN ({marks}) AND {PENDING_REVIEW_SQL}", list(planting_ids)
        )
    }


# -- photos -----------------------------------------------------------------------------------------
def media_row_id(db: Database, media_id: str) -> int | None:
    """The media row the webhook recorded for a WeChat MediaId."""
    row = one(db, "SELECT id FROM media WHERE media_id = ?", [media_id])
    return row["id"] if row else None


def add_photo(db: Database, planting_id: int, media_row_id: int, now: str) -> bool:
    """Link a photo (its media row) to a record at once; the analysis fills the row later. False if linked."""
    cursor = db.execute(
        "INSERT INTO planting_photos (planting_id, media_row_id, purpose, created_at) VALUES (?, ?, 'record', ?)"
        " ON CONFLICT(media_row_id) DO NOTHING",
        [planting_id, media_row_id, now],
    )
    return cursor.rowcount == 1


def photo_by_media(db: Database, media_row_id: int) -> dict | None:
    return one(db, "SELECT * FROM planting_photos WHERE media_row_id = ?", [media_row_id])


def photos_of(db: Database, planting_id: int) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM planting_photos WHERE planting_id = ? AND purpose = 'record' ORDER BY id", [planting_id]
        )
    )


def unlink_photos(db: Database, planting_id: int) -> list[int]:
    """Take a record's photos off it; returns their media row ids."""
    ids = [r["media_row_id"] for r in photos_of(db, planting_id)]
    db.execute("DELETE FROM planting_photos WHERE planting_id = ? AND purpose = 'record'", [planting_id])
    return ids


def save_photo_analysis(
    db: Database,
    photo_id: int,
    *,
    sha256: str | None,
    phash: int | None,
    exif_time: str | None,
    exif_lat: float | None,
    exif_lng: float | None,
    duplicate_of: int | None,
    duplicate_distance: int | None,
    error: str | None,
    now: str,
) -> int | None:
    """A record photo with a pHash takes the next ``index_seq`` (the near-duplicate index reads them in that order;
    ``photo_index_counter``: never one given before, even if its photo was deleted since), which is returned
    (None: not in the index)."""
    row = db.execute(
        "UPDATE planting_photos SET sha256 = ?, phash = ?, exif_time = ?, exif_lat = ?, exif_lng = ?,"
        " duplicate_of = ?, duplicate_distance = ?, error = ?, analysed_at = ?, index_seq = CASE"
        " WHEN ? IS NULL OR purpose != 'record' THEN NULL"
        " ELSE (SELECT last + 1 FROM photo_index_counter) END WHERE id = ? RETURNING index_seq",
        [sha256, phash, exif_time, exif_lat, exif_lng, duplicate_of, duplicate_distance, error, now, phash, photo_id],
    ).fetchone()
    index_seq = row[0] if row else None
    if index_seq is not None:
        db.execute("UPDATE photo_index_counter SET last = ?", [index_seq])
    return index_seq


def records_with_sha256(db: Database, sha256: str, except_planting_id: int) -> list[int]:
    """Other records (not cancelled nor withdrawn) that already hold a photo with exactly these bytes, oldest first."""
    return [
        r["planting_id"]
        for r in db.query(
            "SELECT DISTINCT ph.planting_id FROM planting_photos ph JOIN plantings p ON p.id = ph.planting_id"
            " WHERE ph.sha256 = ? AND ph.planting_id != ? AND ph.purpose = 'record'"
            " AND p.status NOT IN ('cancelled', 'withdrawn')"
            " ORDER BY ph.planting_id",
            [sha256, except_planting_id],
        )
    ]


def record_phashes_after(db: Database, index_seq: int) -> list[dict]:
    """index_seq, planting_id, phash of the record photos analysed after ``index_seq``, in that order:
    what the near-duplicate index starts from (0) or takes in since it last looked."""
    return list(
        db.query(
            "SELECT index_seq, planting_id, phash FROM planting_photos WHERE index_seq > ? ORDER BY index_seq",
            [index_seq],
        )
    )
