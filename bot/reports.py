"""The monthly progress report (通报): `python run.py report --month 2027-03 [--out report.xlsx]`.

Each village's completion (bot.progress: verified 亩 for a 村, trees for a 社区) at the
end of the month is compared with the share of the target the campaign expects by
then ([campaign.progress_curve], month -> share). A village is *lagging* when it is
below that share; lagging two months in a row is flagged, and a village that has
been flagged so this year cannot be rated 良好 (seed 002, 十·开展监督抽查). The lag
rules are the pure functions below; the rest turns figures into an Excel workbook.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from bot import clock, progress
from bot.progress import VillageProgress, number, percent

ON_TRACK, LAGGING, LAGGING_TWICE = "on_track", "lagging", "lagging_twice"
FILLS = {  # Excel's own "good / neutral / bad" colours
    ON_TRACK: PatternFill("solid", fgColor="C6EFCE"),
    LAGGING: PatternFill("solid", fgColor="FFEB9C"),
    LAGGING_TWICE: PatternFill("solid", fgColor="FFC7CE"),
}
HEADER_FILL = PatternFill("solid", fgColor="2E7D32")
HEADER_FONT = Font(bold=True, color="FFFFFF")
PERCENT = "0%"
MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


# -- lag rules (pure) ----------------------------------------------------------------------------
def expected_share(curve: Mapping[str, float], month: int) -> float:
    """The expected share of the target done by the end of ``month``: the latest curve point at or
    before it (0 before the first point; the last point after the curve ends)."""
    points = sorted((int(k), float(v)) for k, v in curve.items())
    share = 0.0
    for point_month, value in points:
        if point_month <= month:
            share = value
    return share


def is_lagging(completion: float, expected: float) -> bool:
    return expected > 0 and completion < expected


def lag_streak(history: Sequence[bool]) -> int:
    """How many months in a row, ending with the last one, a village has been lagging."""
    streak = 0
    for lagging in reversed(history):
        if not lagging:
            break
        streak += 1
    return streak


def status_of(history: Sequence[bool]) -> str:
    """This month's status from the lag flags of every month so far (oldest first)."""
    streak = lag_streak(history)
    return ON_TRACK if streak == 0 else LAGGING if streak == 1 else LAGGING_TWICE


def ever_lagged_twice(history: Sequence[bool]) -> bool:
    """Lagging two months in a row at any time this year: the village cannot be rated 良好."""
    return any(a and b for a, b in zip(history, history[1:]))


# -- months --------------------------------------------------------------------------------------
def parse_month(text: str) -> tuple[int, int]:
    match = MONTH_RE.match(text or "")
    if not match:
        raise ValueError(f"month must be YYYY-MM, got {text!r}")
    return int(match.group(1)), int(match.group(2))


def month_end_utc(year: int, month: int, tz: str) -> str:
    """The last second of the month in the campaign timezone, as database (UTC) text."""
    start_next = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=ZoneInfo(tz))
    return clock.to_db(start_next - timedelta(seconds=1))


def history_months(curve: Mapping[str, float], month: int) -> list[int]:
    """The months whose lag flags make the history up to ``month``: from the curve's first month."""
    first = min((int(k) for k in curve), default=month)
    return list(range(min(first, month), month + 1))


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

    key: str                          # stable name, e.g. "completion"
    header: str                       # message key of the header text
    value: Callable[[Any], Any] | None = None
    per_village: Callable[[Any, Any, str], Mapping[int, Any]] | None = None
    labels: Mapping[Any, str] | None = None    # value -> message key
    number_format: str | None = None  # PERCENT for shares
    width: int | None = None          # None: fitted to the content


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _village_only(value: Callable[[VillageProgress], Any]) -> Callable:
    """A figure that a 社区 (trees, no 亩 or 示范点) leaves empty."""
    return lambda row: value(row.village) if row.village.kind != progress.COMMUNITY else None


STATUS_LABELS = {ON_TRACK: "progress.report.status_on_track", LAGGING: "progress.report.status_lagging",
                 LAGGING_TWICE: "progress.report.status_lagging_twice"}
STATUS_COLUMN = "status"  # the status fill covers the columns up to this one

# The progress capability's columns of the ranking sheet (handlers/progress.py REPORT_COLUMNS).
PROGRESS_COLUMNS = [
    ReportColumn("rank", "progress.report.columns.rank", lambda r: r.rank),
    ReportColumn("name", "progress.report.columns.name", lambda r: r.village.name, width=16),
    ReportColumn("kind", "progress.report.columns.kind", lambda r: r.village.kind),
    ReportColumn("town", "progress.report.columns.town", lambda r: r.village.town or ""),
    ReportColumn(STATUS_COLUMN, "progress.report.columns.status", lambda r: r.status, labels=STATUS_LABELS, width=14),
    ReportColumn("completion", "progress.report.columns.completion", lambda r: round(r.village.completion, 4),
                 number_format=PERCENT),
    ReportColumn("expected", "progress.report.columns.expected", lambda r: r.expected, number_format=PERCENT),
    ReportColumn("gap", "progress.report.columns.gap", lambda r: round(r.village.completion - r.expected, 4),
                 number_format=PERCENT),
    ReportColumn("done", "progress.report.columns.done", lambda r: round(r.village.done_value, 2)),
    ReportColumn("target", "progress.report.columns.target", lambda r: r.village.target),
    ReportColumn("unit", "progress.report.columns.unit", lambda r: r.village.unit),
    ReportColumn("demo_sites", "progress.report.columns.demo_sites", _village_only(lambda v: v.demo_sites)),
    ReportColumn("demo_sites_target", "progress.report.columns.demo_sites_target",
                 _village_only(lambda v: v.demo_sites_target)),
    ReportColumn("households_covered", "progress.report.columns.households_covered",
                 lambda r: r.village.households_covered),
    ReportColumn("households", "progress.report.columns.households", lambda r: r.village.households_total),
    ReportColumn("household_coverage", "progress.report.columns.household_coverage",
                 lambda r: _share(r.village.household_coverage), number_format=PERCENT),
    ReportColumn("party_members", "progress.report.columns.party_members", lambda r: r.village.party_members),
    ReportColumn("party_members_active", "progress.report.columns.party_members_active",
                 lambda r: r.village.party_members_active),
    ReportColumn("party_participation", "progress.report.columns.party_participation",
                 lambda r: _share(r.village.party_participation), number_format=PERCENT),
    ReportColumn("survival", "progress.report.columns.survival", lambda r: _share(r.village.survival_rate),
                 number_format=PERCENT),
    ReportColumn("pending", "progress.report.columns.pending", lambda r: r.village.pending_records),
    ReportColumn("flagged", "progress.report.columns.flagged", lambda r: r.village.flagged),
    ReportColumn("rejected", "progress.report.columns.rejected", lambda r: r.village.rejected),
    ReportColumn("lagging_last_month", "progress.report.columns.lagging_last_month", lambda r: r.lagging_last_month,
                 labels={True: "progress.report.status_lagging"}),
    ReportColumn("can_be_good", "progress.report.columns.can_be_good", lambda r: r.can_be_good,
                 labels={True: "progress.report.can_be_good_yes", False: "progress.report.can_be_good_no"}),
]

# The towns sheet (镇街汇总): one row per town, then the whole county.
TOWN_COLUMNS = [
    ReportColumn("town", "progress.report.town_columns.town", lambda a: a.name),
    ReportColumn("villages", "progress.report.town_columns.villages", lambda a: a.villages),
    ReportColumn("villages_done", "progress.report.town_columns.villages_done", lambda a: a.villages_done),
    ReportColumn("mean_completion", "progress.report.town_columns.mean_completion",
                 lambda a: _share(a.mean_completion), number_format=PERCENT),
    ReportColumn("trees", "progress.report.town_columns.trees", lambda a: a.trees),
    ReportColumn("area_mu", "progress.report.town_columns.area_mu", lambda a: round(a.area_mu, 2)),
    ReportColumn("households_covered", "progress.report.town_columns.households_covered",
                 lambda a: a.households_covered),
    ReportColumn("households", "progress.report.town_columns.households", lambda a: a.households_total),
    ReportColumn("party_members", "progress.report.town_columns.party_members", lambda a: a.party_members),
    ReportColumn("party_members_active", "progress.report.town_columns.party_members_active",
                 lambda a: a.party_members_active),
    ReportColumn("survival", "progress.report.town_columns.survival", lambda a: _share(a.survival_rate),
                 number_format=PERCENT),
    ReportColumn("pending", "progress.report.town_columns.pending", lambda a: a.pending_records),
    ReportColumn("flagged", "progress.report.town_columns.flagged", lambda a: a.flagged),
    ReportColumn("rejected", "progress.report.town_columns.rejected", lambda a: a.rejected),
]


# -- figures -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class VillageRow:
    rank: int
    village: VillageProgress
    expected: float
    status: str
    lagging_last_month: bool
    can_be_good: bool


@dataclass(frozen=True)
class Report:
    year: int
    month: int
    expected: float
    rows: list[VillageRow]
    towns: list[progress.AreaProgress]
    overall: progress.AreaProgress
    columns: tuple[ReportColumn, ...] = ()          # the ranking sheet's
    figures: Mapping[str, Mapping[int, Any]] = field(default_factory=dict)  # per_village column key -> cells


def build_report(app, year: int, month: int) -> Report:
    """The month's figures, with the ranking sheet's columns of ``app.report_columns``."""
    db, config = app.db, app.config
    curve = config.get("campaign.progress_curve")
    tz = config.get("campaign.timezone")
    histories: dict[int, list[bool]] = {}
    for m in history_months(curve, month)[:-1]:
        expected = expected_share(curve, m)
        for village_id, completion in progress.completions(db, config, month_end_utc(year, m, tz)).items():
            histories.setdefault(village_id, []).append(is_lagging(completion, expected))
    expected = expected_share(curve, month)
    until = month_end_utc(year, month, tz)
    current = progress.all_villages_progress(db, config, until=until)
    for v in current:
        histories.setdefault(v.village_id, []).append(is_lagging(v.completion, expected))
    ranked = sorted(current, key=lambda v: (-v.completion, v.name))
    rows = []
    for rank, v in enumerate(ranked, start=1):
        history = histories[v.village_id]
        rows.append(VillageRow(rank=rank, village=v, expected=expected, status=status_of(history),
                               lagging_last_month=len(history) > 1 and history[-2],
                               can_be_good=not ever_lagged_twice(history)))
    columns = tuple(app.report_columns)
    figures = {c.key: c.per_village(db, config, until) for c in columns if c.per_village is not None}
    return Report(year=year, month=month, expected=expected, rows=rows, towns=progress.towns_progress(current),
                  overall=progress.overall_progress(current), columns=columns, figures=figures)


def _names(app, rows: list[VillageRow]) -> str:
    return "、".join(r.village.name for r in rows) or app.t("progress.report.none")


def summary_text(report: Report, app) -> str:
    """The one-page text for leaders."""
    t = app.t
    o = report.overall
    counts = {s: sum(1 for r in report.rows if r.status == s) for s in (ON_TRACK, LAGGING, LAGGING_TWICE)}
    twice = [r.village.name for r in report.rows if r.status == LAGGING_TWICE]
    top = _names(app, report.rows[:3])
    bottom = _names(app, list(reversed(report.rows[3:]))[:3])
    title = t("progress.report.title", campaign=app.config.get("campaign.name"), year=report.year,
              month=report.month)
    progress_part = t(
        "progress.report.summary_progress", month=report.month, villages=o.villages, done=o.villages_done,
        mean=percent(o.mean_completion), expected=percent(report.expected),
        trees=o.trees, area=number(o.area_mu), demo=sum(r.village.demo_sites for r in report.rows),
        on_track=counts[ON_TRACK], lagging=counts[LAGGING] + counts[LAGGING_TWICE], twice=counts[LAGGING_TWICE],
        twice_names=t("progress.report.twice_names", names="、".join(twice)) if twice else "")
    people_part = t(
        "progress.report.summary_people", covered=o.households_covered, households=o.households_total,
        coverage=percent(o.household_coverage), active=o.party_members_active, party=o.party_members,
        participation=percent(o.party_participation), survival=percent(o.survival_rate),
        pending=o.pending_records, flagged=o.flagged, rejected=o.rejected)
    body = "\n".join([progress_part, people_part, t("progress.report.summary_ranking", top=top, bottom=bottom)])
    return "\n".join([title, "", body, "", t("progress.report.closing")])


# -- the workbook --------------------------------------------------------------------------------
def _cell(app, column: ReportColumn, row, figures: Mapping[str, Mapping[int, Any]]):
    value = figures[column.key].get(row.village.village_id) if column.per_village else column.value(row)
    if column.labels is None:
        return value
    return app.t(column.labels[value]) if value in column.labels else ""


def _write_table(app, ws, columns: list[ReportColumn], rows: list, figures=None) -> None:
    """Header row, one row per item, widths fitted to the content (or the column's own), formats by column."""
    headers = [app.t(c.header) for c in columns]
    cells = [[_cell(app, c, row, figures or {}) for c in columns] for row in rows]
    ws.append(headers)
    for cell in ws[1]:
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for values in cells:
        ws.append(values)
    for index, (column, header) in enumerate(zip(columns, headers), start=1):
        longest = max([len(str(header)) * 2] + [len(str(r[index - 1])) * 2 if r[index - 1] is not None else 0
                                                  for r in cells[:200]])
        ws.column_dimensions[get_column_letter(index)].width = column.width or min(max(longest, 8), 30)
        if column.number_format:
            for excel_row in range(2, len(cells) + 2):
                ws.cell(excel_row, index).number_format = column.number_format
    ws.row_dimensions[1].height = 32
    ws.auto_filter.ref = ws.dimensions


def write_workbook(report: Report, app, out: Path) -> Path:
    wb = Workbook()
    summary = wb.active
    summary.title = app.t("progress.report.sheet_summary")
    summary.column_dimensions["A"].width = 100
    for line in summary_text(report, app).split("\n"):
        summary.append([line])
        summary.cell(summary.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    summary["A1"].font = Font(bold=True, size=14)

    villages = wb.create_sheet(app.t("progress.report.sheet_villages"))
    columns = list(report.columns)
    _write_table(app, villages, columns, report.rows, report.figures)
    villages.freeze_panes = "C2"  # header row and the rank/name columns stay in view
    keys = [c.key for c in columns]
    filled = keys.index(STATUS_COLUMN) + 1 if STATUS_COLUMN in keys else 0
    for excel_row, row in enumerate(report.rows, start=2):
        for column in range(1, filled + 1):
            villages.cell(excel_row, column).fill = FILLS[row.status]

    towns = wb.create_sheet(app.t("progress.report.sheet_towns"))
    _write_table(app, towns, TOWN_COLUMNS, [*report.towns, report.overall])
    towns.freeze_panes = "B2"
    for cell in towns[towns.max_row]:
        cell.font = Font(bold=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


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
    lagging = sum(1 for r in report.rows if r.status != ON_TRACK)
    twice = sum(1 for r in report.rows if r.status == LAGGING_TWICE)
    print(app.t("progress.report.written", out=out, villages=len(report.rows), lagging=lagging, twice=twice))
    return 0
