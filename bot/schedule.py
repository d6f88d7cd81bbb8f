"""The campaign's calendar (seed 002's 时间安排表) as dates, and what a village owes by a given day.

Pure functions of the config: no app, no database. Reminders, review (the campaign season), progress,
the 通报 and the dashboard read their dates here, so every part of the bot agrees on them.

**Dates.** ``[campaign.milestones]`` holds month-days of ``campaign.year``: ``"01-31"``, or ``"MM-end"``
for the last day of that month (``"02-end"`` is 2月底: 02-29 in a leap year, 02-28 otherwise). The
office sets them again for each campaign year (seed 002's 02-24 was 正月十五 in 2024; in 2027 it is
02-20). ``plots_due`` was called ``demo_plots_due``; a config file that still says so is read as
``plots_due`` (bot/config.py applies ``MILESTONE_ALIASES``).

**What is due** (docs/progress.md explains each with its seed sentence): the village greening plan by
``plans_due``; its 植树安排表 by ``schedules_due`` (a share of its households with a pledge or a tree,
docs/pledges.md); the village's 亩 of 党建林 (a 社区: its trees of 主题林) and its 绿美示范点 by
``plots_due``; every household's tree and every person's quota by ``planting_done``. A target is due
in full from its date on; before it nothing of it is expected.

**Status** of a village on a day (the 通报 takes the month's last day): 未开始 before ``plans_due``;
滞后 when a target due by that day is below ``reports.lag_threshold`` of what is due, 连续两月滞后
when it was 滞后 at the end of the month before too; 已完成 when every target due is met and its
亩 (or trees) and 示范点 are done; 正常 otherwise.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import clock

MILESTONE_ALIASES = {"demo_plots_due": "plots_due"}
_MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]|end)$")

# Target keys, and the milestone each is due at.
PLAN, MAIN, DEMO_SITES, HOUSEHOLDS, QUOTAS = "plan", "main", "demo_sites", "households", "quotas"
SCHEDULES = "schedules"  # the 植树安排表: households with a pledge (认领) or a tree (bot/pledges.py)
DUE_AT = {
    PLAN: "plans_due",
    SCHEDULES: "schedules_due",
    MAIN: "plots_due",
    DEMO_SITES: "plots_due",
    HOUSEHOLDS: "planting_done",
    QUOTAS: "planting_done",
}

NOT_STARTED, COMPLETE, ON_TRACK, LAGGING, LAGGING_TWICE = (
    "not_started",
    "complete",
    "on_track",
    "lagging",
    "lagging_twice",
)
STATUSES = (NOT_STARTED, COMPLETE, ON_TRACK, LAGGING, LAGGING_TWICE)


# -- dates -------------------------------------------------------------------------------------------
def month_day(year: int, text: str) -> date:
    """``month_day(2024, "02-end")`` → 2024-02-29; ``"03-12"`` → that day. ValueError for anything else."""
    match = _MONTH_DAY.match(str(text).strip())
    if not match:
        raise ValueError(f"not a month-day (MM-DD or MM-end): {text!r}")
    month = int(match.group(1))
    day = calendar.monthrange(year, month)[1] if match.group(2) == "end" else int(match.group(2))
    return date(year, month, day)  # ValueError for 02-30


def month_day_words(text: str) -> str:
    """How a person reads a month-day: ``"03-12"`` → 3月12日, ``"02-end"`` → 2月底."""
    month, day = str(text).strip().split("-")
    return f"{int(month)}月底" if day == "end" else f"{int(month)}月{int(day)}日"


def date_words(day: date) -> str:
    return f"{day.month}月{day.day}日"


def dated_words(day: date) -> str:
    """The date with its year, where the month and day alone would mislead (a day of another year than the campaign's)."""
    return f"{day.year}年{day.month}月{day.day}日"


def milestone_dates(config) -> dict[str, date]:
    """Every ``[campaign.milestones]`` entry as a date of ``campaign.year``, earliest first."""
    year = int(config.get("campaign.year"))
    dates = {name: month_day(year, value) for name, value in config.get("campaign.milestones").items()}
    return dict(sorted(dates.items(), key=lambda item: (item[1], item[0])))


def milestone_date(config, name: str) -> date:
    return month_day(int(config.get("campaign.year")), config.get(f"campaign.milestones.{name}"))


def window(config) -> tuple[date, date]:
    """The planting golden window (``campaign.window``) of ``campaign.year``."""
    year = int(config.get("campaign.year"))
    first, last = config.get("campaign.window")
    return month_day(year, first), month_day(year, last)


def campaign_start(config) -> date:
    """The campaign's first due date (``plans_due``): before it nothing is expected of anyone."""
    return milestone_date(config, DUE_AT[PLAN])


def season(config) -> tuple[date, date]:
    """The campaign season a planting record is checked against: from ``plans_due`` (党建林 are planted in
    February) to the end of the window; later plantings are 补种."""
    return campaign_start(config), window(config)[1]


def next_milestone(config, day: date) -> tuple[str, date] | None:
    """The first milestone on or after ``day`` (None when the year's calendar is over)."""
    return next(((name, when) for name, when in milestone_dates(config).items() if when >= day), None)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_end_utc(day: date, tz: str) -> str:
    """The last second of a local day (campaign timezone), as database (UTC) text: records made by then."""
    return clock.to_db(datetime.combine(day + timedelta(days=1), time(0, 0), ZoneInfo(tz)) - timedelta(seconds=1))


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def campaign_months(config, year: int, month: int) -> list[tuple[int, int]]:
    """The months whose ends make a village's history up to (year, month): from the month of
    ``plans_due`` on; [] when (year, month) ends before the campaign starts."""
    start = campaign_start(config)
    months, (y, m) = [], (start.year, start.month)
    while (y, m) <= (year, month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def check(config) -> None:
    """ValueError naming the key when a milestone or the window is not a valid month-day of the year."""
    year = int(config.get("campaign.year"))
    for name, value in config.get("campaign.milestones").items():
        try:
            month_day(year, value)
        except ValueError as error:
            raise ValueError(f"[campaign.milestones] {name}: {error}") from None
    for value in config.get("campaign.window"):
        try:
            month_day(year, value)
        except ValueError as error:
            raise ValueError(f"[campaign] window: {error}") from None
    if DUE_AT[PLAN] not in config.get("campaign.milestones"):
        raise ValueError("[campaign.milestones] plans_due is missing")


# -- what a village owes -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """One thing a village must reach by its milestone: ``done`` of ``goal`` (a plan: 0 or 1 of 1)."""

    key: str  # PLAN, SCHEDULES, MAIN, DEMO_SITES, HOUSEHOLDS, QUOTAS
    done: float
    goal: float

    @property
    def share(self) -> float:
        return self.done / self.goal if self.goal else 1.0

    @property
    def short(self) -> float:
        return max(self.goal - self.done, 0.0)


def due_by(config, targets: Sequence[Target], day: date) -> list[Target]:
    """The targets whose milestone falls on or before ``day``."""
    return [t for t in targets if milestone_date(config, DUE_AT[t.key]) <= day]


def lagging_targets(config, targets: Sequence[Target], day: date) -> list[Target]:
    """The targets due by ``day`` that are below ``reports.lag_threshold`` of what is due."""
    threshold = float(config.get("reports.lag_threshold"))
    return [t for t in due_by(config, targets, day) if t.share < threshold]


def is_lagging(config, targets: Sequence[Target], day: date) -> bool:
    return day >= campaign_start(config) and bool(lagging_targets(config, targets, day))


def status(config, targets: Sequence[Target], day: date, lagging_before: bool, complete: bool) -> str:
    """The village's status on ``day`` (``lagging_before``: it was lagging at the end of the month before;
    ``complete``: its 亩 or trees and its 示范点 are done)."""
    if day < campaign_start(config):
        return NOT_STARTED
    if is_lagging(config, targets, day):
        return LAGGING_TWICE if lagging_before else LAGGING
    if complete and all(t.share >= 1 for t in due_by(config, targets, day)):
        return COMPLETE
    return ON_TRACK


def lag_streak(history: Sequence[bool]) -> int:
    """How many months in a row, ending with the last one, a village has been lagging."""
    streak = 0
    for lagging in reversed(history):
        if not lagging:
            break
        streak += 1
    return streak


def ever_lagged_twice(history: Sequence[bool]) -> bool:
    """Lagging two months in a row at any time this year: the village cannot be rated 良好 (seed 十)."""
    return any(a and b for a, b in zip(history, history[1:]))


def aliased(milestones: Mapping[str, object]) -> dict[str, object]:
    """A ``[campaign.milestones]`` table with old names read as the new ones (``demo_plots_due`` →
    ``plots_due``): a value under the old name is the one the file means."""
    table = dict(milestones)
    for old, new in MILESTONE_ALIASES.items():
        if old in table:
            table[new] = table.pop(old)
    return table
