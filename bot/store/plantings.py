"""Planting records and their photos.

A record is *complete* once it has a photo, a species and a count (or, for a
plot, an area). It counts toward verified totals when it is complete and its
review is ``none`` (no flags) or ``approved``; ``pending`` review shows as
待审核; ``rejected`` never counts.
"""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("plantings")

EXPORT_SQL = {
    "plantings": (
        "SELECT p.id, p.openid, pe.name AS person, v.name AS village, p.species, p.count, p.area_mu, p.lat, p.lng,"
        " (SELECT ph.sha256 FROM planting_photos ph WHERE ph.planting_id = p.id AND ph.purpose = 'record'"
        "   ORDER BY ph.id LIMIT 1) AS photo_sha256,"
        " p.status, p.flags, p.created_at, p.kind, p.site, p.review, eb.name AS entered_by, p.completed_at"
        " FROM plantings p LEFT JOIN people pe ON pe.id = p.person_id LEFT JOIN villages v ON v.id = p.village_id"
        " LEFT JOIN people eb ON eb.id = p.entered_by_person_id ORDER BY p.id"
    ),
}


@migrations()
def m001_plantings(db: Database) -> None:
    db["plantings"].create(
        {
            "id": int, "openid": str, "person_id": int, "entered_by_person_id": int, "village_id": int,
            "kind": str,            # tree | plot (党建林/主题林 with an area)
            "site": str,            # 房前屋后, 党建林, 主题林, 道路, 河边, 校园, 庭院 … (None = not said)
            "species": str, "species_known": int, "count": int, "area_mu": float,
            "lat": float, "lng": float, "location_label": str,
            "status": str,          # pending (waiting for photo/species/count) | complete | cancelled
            "review": str,          # none | pending | approved | rejected
            "flags": str,           # space-separated flag names: duplicate_photo far_from_village old_photo unknown_species
            "flag_details": str,    # JSON {flag: {reason, ref}}
            "reviewed_by": str, "reviewed_at": str, "review_reason": str,
            "inbox_id": int, "created_at": str, "completed_at": str, "updated_at": str,
        },
        pk="id", not_null={"openid", "kind", "status", "review"},
        defaults={"kind": "tree", "status": "pending", "review": "none", "flags": ""},
        foreign_keys=[("person_id", "people", "id"), ("village_id", "villages", "id")],
    )
    db["plantings"].create_index(["openid", "status"])
    db["plantings"].create_index(["village_id", "status"])
    db["plantings"].create_index(["person_id"])
    db["plantings"].create_index(["review"])
    db["plantings"].create_index(["created_at"])
    db["planting_photos"].create(
        {
            "id": int, "planting_id": int, "media_row_id": int, "sha256": str, "phash": int,
            "exif_time": str, "exif_lat": float, "exif_lng": float,
            "purpose": str,         # record | survival
            "created_at": str,
        },
        pk="id", not_null={"planting_id", "purpose"}, defaults={"purpose": "record"},
        foreign_keys=[("planting_id", "plantings", "id")],
    )
    db["planting_photos"].create_index(["planting_id"])
    db["planting_photos"].create_index(["media_row_id"], unique=True)
    db["planting_photos"].create_index(["sha256"])


VERIFIED_SQL = "status = 'complete' AND review IN ('none', 'approved')"
PENDING_REVIEW_SQL = "status = 'complete' AND review = 'pending'"
