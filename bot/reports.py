"""The monthly progress report (通报): `python run.py report --month 2027-03 [--out report.xlsx]`, and the kept
monthly 通报 (bot/store/reports.py, the ``monthly_report`` job, the dashboard's /admin/reports).

Each village stands against seed 002's schedule on the month's last day, with the figures as of its end
(bot/standings.py, rules in bot/schedule.py): 未开始 before ``plans_due``; 滞后 when a target due by the
month's end is below ``reports.lag_threshold`` of what is due; 连续两月滞后 when it was 滞后 the month
before too (such a village cannot be rated 良好 that year: seed 002, 十·开展监督抽查); 已完成 when every
due target is met and its 亩 (or trees) and 示范点 are done; 正常 otherwise. Villages are ranked by their
verified completion; every figure says whether it is verified (核实) or claimed (上报). The rest of this
module turns the standings into an Excel workbook and a one-page summary, and keeps each month's: on
``reports.monthly_day`` after quiet hours the ``monthly_report`` job makes the previous month's 通报, keeps
it (a ``monthly_reports`` row, each village's line in ``report_lines`` in the same transaction, and the xlsx under
``storage.reports``), and each village's 村书记 (people in ``reports.notify_roles``) gets the village's line in chat.
A village's people asking after it in chat ('本月通报出来没有', '上个月通报说我们村怎么样': nlu.report_asked, handlers/
progress.py) get the kept line of the month asked (``asked_line``), or when it is due (``release_moment``).
"""

from __future__ import annotations

import calendar
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot import cells, clock, progress, reminders, schedule, standings
from bot.db import transaction
from bot.progress import VillageProgress, number, percent
from bot.schedule import COMPLETE, LAGGING, LAGGING_TWICE, NOT_STARTED, ON_TRACK
from bot.store import outbox as outbox_store
from bot.store import reports as store

# openpyxl is imported where a workbook is written, not with this module: the webhook imports it and never writes
# one (about 7 MB of a process's memory, README "Benchmarks").
FILLS = {  # Excel's own "good / neutral / bad" colours (a solid fill's RGB); grey before the campaign
    NOT_STARTED: "EDEDED",
    COMPLETE: "C6EFCE",
    ON_TRACK: "C6EFCE",
    LAGGING: "FFEB9C",
    LAGGING_TWICE: "FFC7CE",
}
HEADER_FILL, HEADER_FONT_COLOUR = "2E7D32", "FFFFFF"
# a share with one decimal: 99.8% stays 99.8% in Excel (sim62: "0%" showed 户覆盖 4870/4879 as 100% to a cadre reporting
# it upward; the dashboard never rounds a share short of all up to 100%, progress.percent)
PERCENT = "0.0%"
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


# -- months --------------------------------------------------------------------------------------
def parse_month(text: str) -> tuple[int, int]:
    match = MONTH_RE.match(text or "")
    if not match:
        raise ValueError(f"month must be YYYY-MM, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def month_end_utc(year: int, month: int, tz: str) -> str:
    """The last second of the month in the campaign timezone, as database (UTC) text."""
    return schedule.day_end_utc(schedule.month_end(year, month), tz)


# -- columns -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportColumn:
    """One column of a 通报 sheet. The ranking sheet's columns are contributed by the capabilities (their
    manifests' ``REPORT_COLUMNS``, in ``handlers.CAPABILITIES`` order): adding 树穴 is one entry in one file.

    The cell is ``value(row)`` (``row``: a VillageRow, or an AreaProgress on the towns sheet), or, for a
    figure the capability counts itself, ``per_village(db, config, until)`` -> {village id: cell}, asked
    once per report (``until``: the end of the month, database time). With ``labels`` the cell is the
    message of ``labels[value]`` (a value not in it: an empty cell). Formats and fills find a column
    by ``key``, never by its position or header.
    """

    key: str  # stable name, e.g. "completion"
    header: str  # message key of the header text
    value: Callable[[Any], Any] | None = None
    per_village: Callable[[Any, Any, str], Mapping[int, Any]] | None = None
    labels: Mapping[Any, str] | None = None  # value -> message key
    number_format: str | None = None  # PERCENT for shares
    width: int | None = None  # None: fitted to the content


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _village_only(value: Callable[[VillageProgress], Any]) -> Callable:
    """A figure that a 社区 (trees, no 亩 or 示范点) leaves empty."""
    return lambda row: value(row.village) if row.village.kind != progress.COMMUNITY else None


# tidy79: the statuses' words are one table, the chat's, the 通报's and the dashboard's
STATUS_LABELS = standings.STATUS_WORDS
STATUS_COLUMN = "status"  # the status fill covers the columns up to this one

# The progress capability's columns of the ranking sheet (handlers/progress.py REPORT_COLUMNS).
PROGRESS_COLUMNS = [
    ReportColumn("rank", "progress.report.columns.rank", lambda r: r.rank),
    ReportColumn("name", "progress.report.columns.name", lambda r: r.village.name, width=16),
    ReportColumn("kind", "progress.report.columns.kind", lambda r: r.village.kind),
    ReportColumn("town", "progress.report.columns.town", lambda r: r.village.town or ""),
    ReportColumn(STATUS_COLUMN, "progress.report.columns.status", lambda r: r.status, labels=STATUS_LABELS, width=14),
    ReportColumn("lag_streak", "progress.report.columns.lag_streak", lambda r: r.streak),
    ReportColumn("short", "progress.report.columns.short", lambda r: r.short, width=30),
    ReportColumn(
        "completion",
        "progress.report.columns.completion",
        lambda r: round(r.village.completion, 4),
        number_format=PERCENT,
    ),
    ReportColumn("done", "progress.report.columns.done", lambda r: round(r.village.done_value, 2)),
    ReportColumn("target", "progress.report.columns.target", lambda r: r.village.target),
    ReportColumn("unit", "progress.report.columns.unit", lambda r: r.village.unit),
    ReportColumn("verified_mu", "progress.report.columns.verified_mu", _village_only(lambda v: round(v.area_mu, 2))),
    ReportColumn(
        "claimed_mu", "progress.report.columns.claimed_mu", _village_only(lambda v: round(v.claimed_area_mu, 2))
    ),
    ReportColumn("verified_trees", "progress.report.columns.verified_trees", lambda r: r.village.trees),
    ReportColumn("claimed_trees", "progress.report.columns.claimed_trees", lambda r: r.village.claimed_trees),
    ReportColumn(
        "demo_sites",
        "progress.report.columns.demo_sites",
        _village_only(lambda v: f"{v.demo_sites}/{v.demo_sites_target}"),
    ),
    ReportColumn(
        "demo_sites_reported",
        "progress.report.columns.demo_sites_reported",
        _village_only(lambda v: v.demo_sites_reported),
    ),
    ReportColumn(
        "household_cover",
        "progress.report.columns.household_cover",
        lambda r: f"{r.village.households_covered}/{r.village.households_total}",
    ),
    ReportColumn(
        "household_coverage",
        "progress.report.columns.household_coverage",
        lambda r: _share(r.village.household_coverage),
        number_format=PERCENT,
    ),
    ReportColumn(
        "quotas", "progress.report.columns.quotas", lambda r: f"{r.village.quota_people_done}/{r.village.quota_people}"
    ),
    ReportColumn("party_members", "progress.report.columns.party_members", lambda r: r.village.party_members),
    ReportColumn(
        "party_members_active", "progress.report.columns.party_members_active", lambda r: r.village.party_members_active
    ),
    ReportColumn(
        "party_participation",
        "progress.report.columns.party_participation",
        lambda r: _share(r.village.party_participation),
        number_format=PERCENT,
    ),
    ReportColumn(
        "survival", "progress.report.columns.survival", lambda r: _share(r.village.survival_rate), number_format=PERCENT
    ),
    ReportColumn("pending", "progress.report.columns.pending", lambda r: r.village.pending_records),
    ReportColumn("flagged", "progress.report.columns.flagged", lambda r: r.village.flagged),
    ReportColumn("rejected", "progress.report.columns.rejected", lambda r: r.village.rejected),
    ReportColumn(
        "lagging_last_month",
        "progress.report.columns.lagging_last_month",
        lambda r: r.lagging_last_month,
        labels={True: "progress.status.lagging"},
    ),
    ReportColumn(
        "can_be_good",
        "progress.report.columns.can_be_good",
        lambda r: r.can_be_good,
        labels={True: "progress.report.can_be_good_yes", False: "progress.report.can_be_good_no"},
    ),
]

# The towns sheet (镇街汇总): one row per town, then the whole county.
TOWN_COLUMNS = [
    ReportColumn("town", "progress.report.town_columns.town", lambda a: a.name),
    ReportColumn("villages", "progress.report.town_columns.villages", lambda a: a.villages),
    ReportColumn("villages_done", "progress.report.town_columns.villages_done", lambda a: a.villages_done),
    ReportColumn(
        "mean_completion",
        "progress.report.town_columns.mean_completion",
        lambda a: _share(a.mean_completion),
        number_format=PERCENT,
    ),
    ReportColumn("trees", "progress.report.town_columns.trees", lambda a: a.trees),
    ReportColumn("area_mu", "progress.report.town_columns.area_mu", lambda a: round(a.area_mu, 2)),
    ReportColumn(
        "households_covered", "progress.report.town_columns.households_covered", lambda a: a.households_covered
    ),
    ReportColumn("households", "progress.report.town_columns.households", lambda a: a.households_total),
    ReportColumn("party_members", "progress.report.town_columns.party_members", lambda a: a.party_members),
    ReportColumn(
        "party_members_active", "progress.report.town_columns.party_members_active", lambda a: a.party_members_active
    ),
    ReportColumn(
        "survival", "progress.report.town_columns.survival", lambda a: _share(a.survival_rate), number_format=PERCENT
    ),
    ReportColumn("pending", "progress.report.town_columns.pending", lambda a: a.pending_records),
    ReportColumn("flagged", "progress.report.town_columns.flagged", lambda a: a.flagged),
    ReportColumn("rejected", "progress.report.town_columns.rejected", lambda a: a.rejected),
]


# -- figures -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VillageRow:
    """One village's line of the 通报: its standing (bot/standings.py) and what it still owes, in words."""

    rank: int
    village: VillageProgress
    status: str
    streak: int
    lagging_last_month: bool
    can_be_good: bool
    short: str  # the targets due and not met, in words ('' when none)


@dataclass(frozen=True)
class Report:
    year: int
    month: int
    day: date  # the month's last day: what is due by it is judged
    rows: list[VillageRow]
    towns: list[progress.AreaProgress]
    overall: progress.AreaProgress
    columns: tuple[ReportColumn, ...] = ()  # the ranking sheet's
    figures: Mapping[str, Mapping[int, Any]] = field(default_factory=dict)  # per_village column key -> cells
    generated_at: datetime | None = None

    def count(self, *statuses: str) -> int:
        return sum(1 for r in self.rows if r.status in statuses)


def build_report(app, year: int, month: int) -> Report:
    """The month's figures, with the ranking sheet's columns of ``app.report_columns``."""
    db, config = app.db, app.config
    rows = [
        VillageRow(
            rank=s.rank,
            village=s.village,
            status=s.status,
            streak=standings.reported_streak(s),
            lagging_last_month=s.lagging_last_month,
            can_be_good=s.can_be_good,
            short=standings.short_words(app, s),
        )
        for s in standings.of_month(app, year, month)
    ]
    villages = [r.village for r in rows]
    until = month_end_utc(year, month, app.tz)
    columns = tuple(app.report_columns)
    figures = {c.key: c.per_village(db, config, until) for c in columns if c.per_village is not None}
    return Report(
        year=year,
        month=month,
        day=schedule.month_end(year, month),
        rows=rows,
        towns=progress.towns_progress(villages),
        overall=progress.overall_progress(villages),
        columns=columns,
        figures=figures,
        generated_at=app.clock(),
    )


def _names(app, rows: list[VillageRow]) -> str:
    return "、".join(r.village.name for r in rows) or app.t("progress.report.none")


def as_of_words(app, report: Report) -> str:
    """The day the summary counts to: 3月底, or, for a month not over when it was made (downloaded mid-month from the
    dashboard, sim62), that day: 4月15日."""
    made = clock.local(report.generated_at, app.tz).date() if report.generated_at else None
    if made is not None and (made.year, made.month) == (report.year, report.month) and made < report.day:
        return app.t("progress.report.as_of_day", month=made.month, day=made.day)
    return app.t("progress.report.as_of_month_end", month=report.month)


def summary_text(report: Report, app) -> str:
    """The one-page text for leaders."""
    t, config = app.t, app.config
    o = report.overall
    title = t("progress.report.title", campaign=config.get("campaign.name"), year=report.year, month=report.month)
    next_words = standings.next_milestone_words(app, report.day)
    generated = ""
    if report.generated_at:
        generated = t(
            "progress.report.generated", at=clock.local(report.generated_at, app.tz).strftime("%Y-%m-%d %H:%M")
        )
    as_of = as_of_words(app, report)
    if report.day < schedule.campaign_start(config):
        body = t(
            "progress.report.summary_not_started",
            month=report.month,
            as_of=as_of,
            area=config.get("campaign.area_name"),
            villages=o.villages,
            start=schedule.date_words(schedule.campaign_start(config)),
            next=next_words,
        )
        return "\n".join([title, "", body, generated])
    twice = [r.village.name for r in report.rows if r.status == LAGGING_TWICE]
    progress_part = t(
        "progress.report.summary_progress",
        month=report.month,
        as_of=as_of,
        area=config.get("campaign.area_name"),
        villages=o.villages,
        done=o.villages_done,
        trees=o.trees,
        claimed_trees=o.claimed_trees,
        area_mu=number(o.area_mu),
        claimed_mu=number(o.claimed_area_mu),
        demo=sum(r.village.demo_sites for r in report.rows),
        due=standings.due_words(app, report.day),
        complete=report.count(COMPLETE),
        on_track=report.count(ON_TRACK),
        lagging=report.count(LAGGING, LAGGING_TWICE),
        twice=report.count(LAGGING_TWICE),
        twice_names=t("progress.report.twice_names", names="、".join(twice)) if twice else "",
    )
    people_part = t(
        "progress.report.summary_people",
        max_age=config.get("campaign.participation.party_member_max_age"),
        covered=o.households_covered,
        households=o.households_total,
        coverage=percent(o.household_coverage),
        active=o.party_members_active,
        party=o.party_members,
        participation=percent(o.party_participation),
        survival=percent(o.survival_rate),
        pending=o.pending_records,
        flagged=o.flagged,
        rejected=o.rejected,
    )
    top = _names(app, report.rows[:3])
    bottom = _names(app, list(reversed(report.rows[3:]))[:3])
    contributed = [line for lines_of in app.report_summary for line in lines_of(app, report)]  # REPORT_SUMMARY
    body = "\n".join(
        [progress_part, people_part, t("progress.report.summary_ranking", top=top, bottom=bottom), *contributed]
    )
    return "\n".join([title, "", body, "", t("progress.report.closing", next=next_words), generated])


# -- the workbook --------------------------------------------------------------------------------
def _cell(app, column: ReportColumn, row, figures: Mapping[str, Mapping[int, Any]]):
    if column.per_village:
        value = figures[column.key].get(row.village.village_id)
    else:
        assert column.value is not None  # a column has value() or per_village()
        value = column.value(row)
    if column.labels is None:
        return value
    return app.t(column.labels[value]) if value in column.labels else ""


def write_table(app, ws, columns: list[ReportColumn], rows: list, figures=None) -> None:
    """Header row, one row per item, widths fitted to the content (or the column's own), formats by column (every
    sheet of the 通报, and of the awards' candidate lists, bot/awards.py)."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    headers = [app.t(c.header) for c in columns]
    values = [[_cell(app, c, row, figures or {}) for c in columns] for row in rows]
    ws.append(headers)
    for cell in ws[1]:
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.font = Font(bold=True, color=HEADER_FONT_COLOUR)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row_values in values:
        cells.xlsx_append(ws, row_values)  # village and town names as text, never formulas (bot/cells.py)
    for index, (column, header) in enumerate(zip(columns, headers), start=1):
        longest = max(
            [len(str(header)) * 2]
            + [len(str(r[index - 1])) * 2 if r[index - 1] is not None else 0 for r in values[:200]]
        )
        ws.column_dimensions[get_column_letter(index)].width = column.width or min(max(longest, 8), 30)
        if column.number_format:
            for excel_row in range(2, len(values) + 2):
                ws.cell(excel_row, index).number_format = column.number_format
    ws.row_dimensions[1].height = 32
    ws.auto_filter.ref = ws.dimensions


def write_workbook(report: Report, app, out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    summary = wb.active
    summary.title = app.t("progress.report.sheet_summary")
    summary.column_dimensions["A"].width = 100
    for line in summary_text(report, app).split("\n"):
        cells.xlsx_append(summary, [line])
        summary.cell(summary.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    summary["A1"].font = Font(bold=True, size=14)

    villages = wb.create_sheet(app.t("progress.report.sheet_villages"))
    columns = list(report.columns)
    write_table(app, villages, columns, report.rows, report.figures)
    villages.freeze_panes = "C2"  # header row and the rank/name columns stay in view
    keys = [c.key for c in columns]
    filled = keys.index(STATUS_COLUMN) + 1 if STATUS_COLUMN in keys else 0
    for excel_row, row in enumerate(report.rows, start=2):
        for column in range(1, filled + 1):
            villages.cell(excel_row, column).fill = PatternFill("solid", fgColor=FILLS[row.status])

    towns = wb.create_sheet(app.t("progress.report.sheet_towns"))
    write_table(app, towns, TOWN_COLUMNS, [*report.towns, report.overall])
    towns.freeze_panes = "B2"
    for cell in towns[towns.max_row]:
        cell.font = Font(bold=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


# -- the kept monthly 通报 and the villages' lines ----------------------------------------------------------
def release_moment(config, year: int, month: int) -> datetime:
    """When a month's 通报 is due: ``reports.monthly_day`` of the next month, as the quiet hours end."""
    tz = config.get("campaign.timezone")
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    day = min(int(config.get("reports.monthly_day")), calendar.monthrange(next_year, next_month)[1])
    quiet_end = reminders.hhmm(config.get("reminders.quiet_hours")[1])
    return reminders.at_local(date(next_year, next_month, day), quiet_end, tz)


def month_due(config, now: datetime) -> tuple[int, int] | None:
    """The month whose 通报 is due at ``now``: the month before (the one before that until its release
    moment), if it is a month of the campaign (``plans_due``'s month to December of ``campaign.year``)."""
    local = clock.local(now, config.get("campaign.timezone"))
    year, month = schedule.previous_month(local.year, local.month)
    if now < release_moment(config, year, month):
        year, month = schedule.previous_month(year, month)
    campaign = schedule.campaign_months(config, int(config.get("campaign.year")), 12)
    return (year, month) if (year, month) in campaign else None


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def file_name(year: int, month: int) -> str:
    return f"report-{month_key(year, month)}.xlsx"


CONSEQUENCE_STATUSES = (LAGGING_TWICE,)


def village_line(app, report: Report, row: VillageRow) -> str:
    """A village's line of the month's 通报, as its 村书记 reads it in chat: status, rank, what is short, the
    next milestone; two months lagging says so plainly, with the consequence (seed 002, 十)."""
    t = app.t
    return t(
        "progress.line_report",
        village=row.village.name,
        month=report.month,
        status=t(STATUS_LABELS[row.status]),
        rank=row.rank,
        of=len(report.rows),
        short=t("progress.line_report_short", short=row.short) if row.short else "",
        next=standings.next_milestone_words(app, report.day),
        consequence=t("progress.line_report_consequence", n=row.streak) if row.status in CONSEQUENCE_STATUSES else "",
    )


def queue_lines(app, report: Report, now: datetime) -> int:
    """Each village's line to its people in ``reports.notify_roles`` (kind ``notice``: the notice template
    outside the 48-hour window), after quiet hours; once per person and month (dedupe key)."""
    texts = lines_of(app, report)
    queued = 0
    for person in store.recipients(app.db, list(app.config.get("reports.notify_roles"))):
        text = texts.get(person["village_id"])
        if text is None:
            continue
        key = f"report:{month_key(report.year, report.month)}:{person['openid']}"
        queued += reminders.queue_notice(app.db, app.config, openid=person["openid"], text=text, key=key, now=now)
    return queued


def lines_of(app, report: Report) -> dict[int, str]:
    """Each village's line of the report, by village id (``village_line``)."""
    return {r.village.village_id: village_line(app, report, r) for r in report.rows}


def kept_lines(app, report: Report, generated_at: str) -> list[dict]:
    """The report's village lines as ``report_lines`` keeps them (bot/store/reports.py ``LINE_COLUMNS``): the line as
    sent, with the status, rank and figures it was made from."""
    texts = lines_of(app, report)
    return [
        {
            "month": month_key(report.year, report.month),
            "village_id": r.village.village_id,
            "village": r.village.name,
            "status": r.status,
            "rank": r.rank,
            "of": len(report.rows),
            "streak": r.streak,
            "short": r.short,
            "completion": round(r.village.completion, 4),
            "done": round(r.village.done_value, 2),
            "target": r.village.target,
            "unit": r.village.unit,
            "line": texts[r.village.village_id],
            "generated_at": generated_at,
        }
        for r in report.rows
    ]


def status_counts(report: Report) -> dict[str, int]:
    """A 通报's villages by status, as its row keeps them (``counts``)."""
    return {
        "villages": len(report.rows),
        "complete": report.count(COMPLETE),
        "on_track": report.count(ON_TRACK),
        "lagging": report.count(LAGGING),
        "lagging_twice": report.count(LAGGING_TWICE),
        "not_started": report.count(NOT_STARTED),
    }


def monthly_report(app, now: datetime) -> dict:
    """Job: on ``reports.monthly_day`` after quiet hours, make the previous month's 通报, keep it (a row, each village's
    line in ``report_lines``, and the xlsx under ``storage.reports``) and send each village its line. Idempotent: a
    kept month is done."""
    due = month_due(app.config, now)
    if due is None or store.get(app.db, month_key(*due)):
        return {"month": None}
    report = build_report(app, *due)
    write_workbook(report, app, app.config.reports_dir / file_name(*due))
    counts = status_counts(report)
    with transaction(app.db):
        if store.get(app.db, month_key(*due)):
            return {"month": None}
        lines = queue_lines(app, report, now)
        store.add(app.db, month=month_key(*due), file=file_name(*due), counts=counts, lines=lines, now=clock.to_db(now))
        store.add_lines(app.db, kept_lines(app, report, clock.to_db(now)))  # with the row, or neither (one transaction)
    return {"month": month_key(*due), "lines": lines}


# -- a village's line asked in chat ('本月通报出来没有', '上个月通报说我们村怎么样', '3月通报': nlu.report_asked) -------------
def next_release(config, now: datetime) -> tuple[int, int, datetime] | None:
    """The first month of the campaign whose 通报 is due after ``now``, and when (``release_moment``)."""
    for year, month in schedule.campaign_months(config, int(config.get("campaign.year")), 12):
        moment = release_moment(config, year, month)
        if moment > now:
            return year, month, moment
    return None


def asked_month(config, now: datetime, asked: tuple[str, int]) -> tuple[int, int]:
    """The month whose 通报 ``asked`` (nlu.report_asked) names: a month of ``campaign.year``; the latest released (the
    month before now's: 本月通报 in March is February's, released on March's ``reports.monthly_day``), or n months back."""
    kind, n = asked
    if kind == "month":
        return int(config.get("campaign.year")), n
    local = clock.local(now, config.get("campaign.timezone"))
    year, month = local.year, local.month
    for _ in range(max(n, 1)):
        year, month = schedule.previous_month(year, month)
    return year, month


def when_words(app, moment: datetime) -> str:
    """'4月1日08:00': a 通报's release moment as the chat and the 通报 page say it."""
    local = clock.local(moment, app.tz)
    return f"{schedule.date_words(local.date())}{local:%H:%M}"


def line_today(app, kept: dict, now: datetime) -> str:
    """Sim69: a kept 通报 line as it was sent, its next milestone ('下一节点：3月12日前…', as of its month's end) said as of
    the day asked when one has passed since (on 20 March the line said a date gone by)."""
    year, month = (int(part) for part in kept["month"].split("-"))
    sent = standings.next_milestone_words(app, schedule.month_end(year, month))
    today = clock.local(now, app.tz).date()
    now_next = standings.next_milestone_words(app, today - timedelta(days=1))  # one due today is still next
    said = app.t("progress.next_line", next=sent)
    if now_next == sent or said not in kept["line"]:
        return kept["line"]
    return kept["line"].replace(
        said, app.t("progress.tongbao.next_today", day=schedule.date_words(today), next=now_next), 1
    )


def _when_said(app, village: dict, month: int, now: datetime) -> str:
    """When the 通报 comes out (sim66: '今个月几时出通报' got the last line, not the date): the month named's, or the next
    one's (``next_release``, from config), then the village's latest kept line and when it went out."""
    t, config = app.t, app.config
    year = int(config.get("campaign.year"))
    months = schedule.campaign_months(config, year, 12)
    if month and (year, month) in months:
        due = release_moment(config, year, month)
        kept = store.line_of(app.db, month_key(year, month), village["id"])
        if kept:
            return (
                t("progress.tongbao.when_out", month=month, when=when_words(app, due))
                + "\n"
                + line_today(app, kept, now)
            )
        if due <= now:  # due and not kept for the village: what asked_line says of that month
            return asked_line(app, village, ("month", month), now)
        coming: tuple[int, int, datetime] | None = (year, month, due)
    elif month:
        return t("progress.tongbao.no_month", month=month)
    else:
        coming = next_release(config, now)
    said = t("progress.tongbao.when_next", month=coming[1], when=when_words(app, coming[2])) if coming else ""
    earlier = store.latest_line(app.db, village["id"])
    if earlier:
        out = when_words(app, clock.from_db(earlier["generated_at"]))
        said += ("\n" if said else "") + t("progress.tongbao.when_last", when=out, line=line_today(app, earlier, now))
    return said or t("progress.tongbao.when_none")


def asked_line(app, village: dict, asked: tuple[str, int], now: datetime) -> str:
    """The village's line of the month asked, as it was sent (``report_lines``); else why there is none: not out yet
    (when it is due, from config) with the latest kept line, or none kept yet and when the next is due."""
    t, config, db = app.t, app.config, app.db
    if asked[0] == "when":
        return _when_said(app, village, asked[1], now)
    year, month = asked_month(config, now, asked)
    key = month_key(year, month)
    kept = store.line_of(db, key, village["id"])
    if kept:
        return line_today(app, kept, now)
    in_campaign = (year, month) in schedule.campaign_months(config, int(config.get("campaign.year")), 12)
    due = release_moment(config, year, month)
    if in_campaign and due > now:  # not out yet: when, and the latest kept before it
        earlier = store.latest_line(db, village["id"], key)
        said = t("progress.tongbao.not_yet", month=month, when=when_words(app, due))
        return said + ("\n" + t("progress.tongbao.latest", line=line_today(app, earlier, now)) if earlier else "")
    if store.get(db, key):  # kept without this village's line: on the roster since, or kept before lines were
        which = "progress.tongbao.not_in" if store.lines_kept(db, key) else "progress.tongbao.lines_not_kept"
        said = t(which, month=month, village=village["name"])
    elif in_campaign:  # due, and the job keeps it within minutes
        said = t("progress.tongbao.being_made", month=month)
    else:  # before the campaign: said only of a month named
        said = t("progress.tongbao.no_month", month=month) if asked[0] == "month" else ""
    earlier = store.latest_line(db, village["id"])
    coming = next_release(config, now)
    if earlier:
        after = t("progress.tongbao.latest", line=line_today(app, earlier, now))
    elif coming:
        after = t("progress.tongbao.none", village=village["name"], month=coming[1], when=when_words(app, coming[2]))
    else:
        after = ""
    return "\n".join(part for part in (said, after) if part) or t("progress.tongbao.no_month", month=month)


def keep_as_sent(app, end: datetime) -> list[str]:
    """Every month's 通报 released before ``end`` (``release_moment``), made, kept and its village lines recorded as
    sent at that moment, with no message: a season loaded at once (``demo``), whose 通报 went out each month. Without
    them a demo on 20 March had none kept, and its first tick made February's that day and sent every line then,
    January's never (sim65). The months kept."""
    local = clock.local(end, app.tz)
    kept = []
    for year, month in schedule.campaign_months(app.config, local.year, local.month):
        at, key = release_moment(app.config, year, month), month_key(year, month)
        if at > end or store.get(app.db, key):
            continue
        report = replace(build_report(app, year, month), generated_at=at)
        write_workbook(report, app, app.config.reports_dir / file_name(year, month))
        texts, at_s = lines_of(app, report), clock.to_db(at)
        sent = [
            (person["openid"], texts[person["village_id"]], f"report:{key}:{person['openid']}", at_s)
            for person in store.recipients(app.db, list(app.config.get("reports.notify_roles")))
            if person["village_id"] in texts
        ]
        counts = status_counts(report)
        with transaction(app.db):
            lines = outbox_store.add_sent_many(app.db, sent, kind="notice", channel="template")
            store.add(app.db, month=key, file=file_name(year, month), counts=counts, lines=lines, now=at_s)
            store.add_lines(app.db, kept_lines(app, report, at_s))
        kept.append(key)
    return kept


def kept_reports(app) -> list[dict]:
    """The kept months, each with how its village lines went (sim64: the page said 发到微信 50条 when a dozen
    secretaries had not written in 48 hours and their lines waited, held, for them to write): ``delivered``, the
    lines sent, and ``undelivered``, the others (village, person, status, error), unsent first."""
    kept = store.kept(app.db)
    lines: dict[str, list[dict]] = {}
    for row in store.line_deliveries(app.db, [r["month"] for r in kept]):
        lines.setdefault(row["month"], []).append(row)
    for report in kept:
        of_month = lines.get(report["month"], [])
        report["delivered"] = sum(1 for row in of_month if row["status"] == "sent")
        report["undelivered"] = [row for row in of_month if row["status"] != "sent"]
    return kept


def workbook_of(app, year: int, month: int) -> Path:
    """The month's 通报 file: the kept one, or one made now (not kept) for a month without."""
    kept = store.get(app.db, month_key(year, month))
    if kept and (app.config.reports_dir / kept["file"]).is_file():
        return app.config.reports_dir / kept["file"]
    return write_workbook(
        build_report(app, year, month), app, app.config.reports_dir / "on-demand" / file_name(year, month)
    )


def report_arguments(p) -> None:
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("--out")


def cmd_report(args, app) -> int:
    try:
        year, month = parse_month(args.month)
    except ValueError:
        print(app.t("progress.report.bad_month", text=args.month), file=sys.stderr)
        return 2
    report = build_report(app, year, month)
    out = write_workbook(report, app, Path(args.out or f"report-{year:04d}-{month:02d}.xlsx"))
    print(
        app.t(
            "progress.report.written",
            out=out,
            villages=len(report.rows),
            lagging=report.count(LAGGING, LAGGING_TWICE),
            twice=report.count(LAGGING_TWICE),
            complete=report.count(COMPLETE),
            not_started=report.count(NOT_STARTED),
        )
    )
    return 0
