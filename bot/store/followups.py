"""Survival follow-ups: checks that a planted tree is still alive (+30 and +90 days by default)."""
from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("followups")


@migrations()
def m001_survival_checks(db: Database) -> None:
    db["survival_checks"].create(
        {
            "id": int, "planting_id": int, "due_days": int,
            "result": str,          # alive | dead | replanted | unknown (a photo without a word)
            "media_row_id": int, "note": str, "checked_at": str,
        },
        pk="id", not_null={"planting_id"}, foreign_keys=[("planting_id", "plantings", "id")],
    )
    db["survival_checks"].create_index(["planting_id"])
