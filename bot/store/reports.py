"""The kept monthly 通报: one row per month the ``monthly_report`` job generated, beside its xlsx file, and each
village's line of it (``report_lines``: the line as sent, its status, rank and figures), written in the same
transaction as the month's row: a month is kept with its lines or not at all, and kept once."""

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


@migrations()
def m002_report_lines(db: Database) -> None:
    db.table("report_lines").create(
        {
            "id": int,
            "month": str,  # YYYY-MM, the monthly_reports row's
            "village_id": int,
            "village": str,  # its name as the 通报 printed it
            "status": str,  # bot/schedule.py: not_started, complete, on_track, lagging, lagging_twice
            "rank": int,
            "of": int,  # villages ranked that month
            "streak": int,  # months lagging in a row
            "short": str,  # what was due and not met, in words ('' when none)
            "completion": float,  # verified share of the main target
            "done": float,  # verified 亩 (村) or trees (社区)
            "target": float,
            "unit": str,
            "line": str,  # the line as the village's people got it in chat
            "generated_at": str,
        },
        pk="id",
        not_null={"month", "village_id", "status", "line", "generated_at"},
    )
    db.table("report_lines").create_index(["month", "village_id"], unique=True)
    db.table("report_lines").create_index(["village_id", "month"])


EXPORT_SQL = {
    # completion is the share (1.0 = done; the 通报's 核实完成率 cell holds it, formatted 100.0%); completion_percent
    # is that share as the 通报 shows it, for a clerk opening the CSV (sim65: 8.42 read as 8 %, not 842 %)
    "report_lines": (
        "SELECT l.month, l.village, l.status, l.rank, l.\"of\", l.streak, l.short, l.completion,"
        " ROUND(l.completion * 100, 1) AS completion_percent, l.done, l.target, l.unit,"
        " l.line, l.generated_at, l.village_id FROM report_lines l ORDER BY l.month, l.rank, l.village_id"
    ),
}

LINE_COLUMNS = (
    "month",
    "village_id",
    "village",
    "status",
    "rank",
    "of",
    "streak",
    "short",
    "completion",
    "done",
    "target",
    "unit",
    "line",
    "generated_at",
)


def add_lines(db: Database, lines: list[dict]) -> int:
    """Keep a month's village lines (``LINE_COLUMNS``); a (month, village) kept already is left as it is. Call it
    in the transaction that keeps the month's row (``add``). The lines kept."""
    columns = ", ".join(f'"{c}"' for c in LINE_COLUMNS)
    marks = ", ".join("?" * len(LINE_COLUMNS))
    kept = 0
    for line in lines:
        cursor = db.execute(
            f"INSERT INTO report_lines ({columns}) VALUES ({marks}) ON CONFLICT(month, village_id) DO NOTHING",
            [line[c] for c in LINE_COLUMNS],
        )
        kept += cursor.rowcount
    return kept


def line_of(db: Database, month: str, village_id: int) -> dict | None:
    return one(db, "SELECT * FROM report_lines WHERE month = ? AND village_id = ?", [month, village_id])


def lines_kept(db: Database, month: str) -> int:
    """How many village lines the month keeps (0: a month kept before ``report_lines`` was)."""
    return db.execute("SELECT COUNT(*) FROM report_lines WHERE month = ?", [month]).fetchone()[0]


def latest_line(db: Database, village_id: int, before: str | None = None) -> dict | None:
    """The village's line of the latest kept month (before ``before``, YYYY-MM, when given)."""
    return one(
        db,
        "SELECT * FROM report_lines WHERE village_id = ? AND month < ? ORDER BY month DESC LIMIT 1",
        [village_id, before or "9999-99"],
    )


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


def line_deliveries(db: Database, months: list[str]) -> list[dict]:
    """Each village line of ``months`` queued to a person (outbox ``report:<month>:<openid>``), with how far it went:
    month, status ('sent', 'queued', 'held', 'failed', 'cancelled'), errcode, error, the person's name, phone and
    village; failed first, then the others unsent, then those sent."""
    if not months:
        return []
    marks = ",".join("?" * len(months))
    return list(
        db.query(
            "SELECT substr(o.dedupe_key, 8, 7) AS month, o.status, o.errcode, o.error, o.sent_at,"
            " pe.name AS person, pe.phone, v.name AS village FROM outbox o"
            " LEFT JOIN people pe ON pe.openid = o.openid LEFT JOIN villages v ON v.id = pe.village_id"
            f" WHERE o.dedupe_key >= 'report:' AND o.dedupe_key < 'report;' AND substr(o.dedupe_key, 8, 7) IN ({marks})"
            " ORDER BY o.status = 'sent', o.status <> 'failed', v.name, pe.name",
            months,
        )
    )


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
