"""The kept monthly 通报: one row per month the ``monthly_report`` job generated, beside its xlsx file."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from bot.store import one

migrations = Migrations("reports")


@migrations()
def m001_monthly_reports(db: Database) -> None:
    db.table("monthly_reports").create(
        {
            "id": int,
            "month": str,  # YYYY-MM
            "file": str,  # the xlsx, relative to storage.reports
            "villages": int,
            "complete": int,
            "on_track": int,
            "lagging": int,
            "lagging_twice": int,
            "not_started": int,
            "lines": int,  # village lines queued to the villages' people (reports.notify_roles)
            "generated_at": str,
        },
        pk="id",
        not_null={"month", "file", "generated_at"},
    )
    db.table("monthly_reports").create_index(["month"], unique=True)


def add(db: Database, *, month: str, file: str, counts: dict, lines: int, now: str) -> int | None:
    """Keep a month's report; None when that month is kept already (another process was first)."""
    cursor = db.execute(
        "INSERT INTO monthly_reports (month, file, villages, complete, on_track, lagging, lagging_twice, not_started,"
        " lines, generated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(month) DO NOTHING",
        [
            month,
            file,
            counts["villages"],
            counts["complete"],
            counts["on_track"],
            counts["lagging"],
            counts["lagging_twice"],
            counts["not_started"],
            lines,
            now,
        ],
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


def get(db: Database, month: str) -> dict | None:
    return one(db, "SELECT * FROM monthly_reports WHERE month = ?", [month])


def kept(db: Database) -> list[dict]:
    return list(db.query("SELECT * FROM monthly_reports ORDER BY month DESC"))


def recipients(db: Database, roles: list[str]) -> list[dict]:
    """People in ``roles`` of a village who follow the account (a 通报 line is official business: it reaches
    them even after 退订): openid, name, village_id."""
    marks = ",".join("?" * len(roles)) or "NULL"
    return list(
        db.query(
            "SELECT pe.openid, pe.name, pe.village_id FROM people pe JOIN users u ON u.openid = pe.openid"
            f" WHERE u.subscribed = 1 AND pe.village_id IS NOT NULL AND pe.role IN ({marks}) ORDER BY pe.id",
            list(roles),
        )
    )
