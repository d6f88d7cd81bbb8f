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
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Mapping, Sequence
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from bot import cells, clock, progress
from bot.progress import VillageProgress, number, percent, t

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


def build_report(db, config, year: int, month: int) -> Report:
    curve = config.get("campaign.progress_curve", {})
    tz = config.get("campaign.timezone")
    histories: dict[int, list[bool]] = {}
    for m in history_months(curve, month)[:-1]:
        expected = expected_share(curve, m)
        for village_id, completion in progress.completions(db, config, month_end_utc(year, m, tz)).items():
            histories.setdefault(village_id, []).append(is_lagging(completion, expected))
    expected = expected_share(curve, month)
    current = progress.all_villages_progress(db, config, until=month_end_utc(year, month, tz))
    for v in current:
        histories.setdefault(v.village_id, []).append(is_lagging(v.completion, expected))
    ranked = sorted(current, key=lambda v: (-v.completion, v.name))
    rows = []
    for rank, v in enumerate(ranked, start=1):
        history = histories[v.village_id]
        rows.append(VillageRow(rank=rank, village=v, expected=expected, status=status_of(history),
                               lagging_last_month=len(history) > 1 and history[-2],
                               can_be_good=not ever_lagged_twice(history)))
    return Report(year=year, month=month, expected=expected, rows=rows,
                  towns=progress.towns_progress(current), overall=progress.overall_progress(current))


def _names(rows: list[VillageRow]) -> str:
    return "、".join(r.village.name for r in rows) or t("progress.report.none")


def summary_text(report: Report, config) -> str:
    """The one-page text for leaders."""
    o = report.overall
    counts = {s: sum(1 for r in report.rows if r.status == s) for s in (ON_TRACK, LAGGING, LAGGING_TWICE)}
    twice = [r.village.name for r in report.rows if r.status == LAGGING_TWICE]
    top = _names(report.rows[:3])
    bottom = _names(list(reversed(report.rows[3:]))[:3])
    title = t("progress.report.title", campaign=config.get("campaign.name"), year=report.year, month=report.month)
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
def _headers(key: str) -> list[str]:
    return t(key).split("|")


def _write_table(ws, headers: list[str], rows: list[list], widths: dict[int, int] | None = None) -> None:
    ws.append(headers)
    for cell in ws[1]:
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        cells.xlsx_append(ws, row)  # village and town names as text, never formulas (bot/cells.py)
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(header)) * 2] + [len(str(r[index - 1])) * 2 if r[index - 1] is not None else 0
                                                  for r in rows[:200]])
        ws.column_dimensions[get_column_letter(index)].width = (widths or {}).get(index, min(max(longest, 8), 30))
    ws.row_dimensions[1].height = 32
    ws.auto_filter.ref = ws.dimensions


def _status_text(status: str) -> str:
    return t(f"progress.report.status_{status}")


def _rounded(share: float | None) -> float | None:
    return None if share is None else round(share, 4)


def _village_cells(row: VillageRow) -> list:
    v = row.village
    return [
        row.rank, v.name, v.kind, v.town or "", _status_text(row.status), round(v.completion, 4), row.expected,
        round(v.completion - row.expected, 4), round(v.done_value, 2), v.target, v.unit,
        v.demo_sites if v.kind != progress.COMMUNITY else None,
        v.demo_sites_target if v.kind != progress.COMMUNITY else None,
        v.households_covered, v.households_total, _rounded(v.household_coverage), v.party_members,
        v.party_members_active, _rounded(v.party_participation), _rounded(v.survival_rate), v.pending_records, v.flagged, v.rejected,
        _status_text(LAGGING) if row.lagging_last_month else "",
        t("progress.report.can_be_good_yes") if row.can_be_good else t("progress.report.can_be_good_no"),
    ]


def _town_cells(town: progress.AreaProgress) -> list:
    return [town.name, town.villages, town.villages_done, _rounded(town.mean_completion), town.trees,
            round(town.area_mu, 2), town.households_covered, town.households_total, town.party_members,
            town.party_members_active, _rounded(town.survival_rate), town.pending_records, town.flagged, town.rejected]


def write_workbook(report: Report, config, out: Path) -> Path:
    wb = Workbook()
    summary = wb.active
    summary.title = t("progress.report.sheet_summary")
    summary.column_dimensions["A"].width = 100
    for line in summary_text(report, config).split("\n"):
        cells.xlsx_append(summary, [line])
        summary.cell(summary.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    summary["A1"].font = Font(bold=True, size=14)

    villages = wb.create_sheet(t("progress.report.sheet_villages"))
    headers = _headers("progress.report.villages_headers")
    _write_table(villages, headers, [_village_cells(r) for r in report.rows], widths={2: 16, 5: 14})
    villages.freeze_panes = "C2"  # header row and the rank/name columns stay in view
    percent_columns = [headers.index(h) + 1 for h in ("完成率", "本月应达", "差距", "户覆盖率", "党员参与率", "成活率")]
    status_column = headers.index("状态") + 1
    for excel_row, row in enumerate(report.rows, start=2):
        for column in percent_columns:
            villages.cell(excel_row, column).number_format = PERCENT
        fill = FILLS[row.status]
        for column in range(1, status_column + 1):
            villages.cell(excel_row, column).fill = fill

    towns = wb.create_sheet(t("progress.report.sheet_towns"))
    town_headers = _headers("progress.report.towns_headers")
    _write_table(towns, town_headers, [_town_cells(x) for x in [*report.towns, report.overall]])
    towns.freeze_panes = "B2"
    for excel_row in range(2, towns.max_row + 1):
        for column in (4, 11):
            towns.cell(excel_row, column).number_format = PERCENT
    for cell in towns[towns.max_row]:
        cell.font = Font(bold=True)

    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def cmd_report(args, app) -> int:
    try:
        year, month = parse_month(args.month)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    report = build_report(app.db, app.config, year, month)
    out = write_workbook(report, app.config, Path(args.out or f"report-{year:04d}-{month:02d}.xlsx"))
    lagging = sum(1 for r in report.rows if r.status != ON_TRACK)
    twice = sum(1 for r in report.rows if r.status == LAGGING_TWICE)
    print(f"wrote {out}: {len(report.rows)} villages, {lagging} lagging, {twice} lagging two months in a row")
    return 0
