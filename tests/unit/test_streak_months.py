"""The finished months a lagging streak counts, named (tidy77, bot/standings.reported_months): the dashboard's note
beside 连续两月滞后 says which months, counted back from the day the standing stands on, across a year's end too."""

from __future__ import annotations

from datetime import date

import pytest

from bot import schedule
from bot.standings import Standing, reported_months


def _standing(streak: int, day: date | None, month_over: bool = False) -> Standing:
    return Standing(None, schedule.LAGGING_TWICE, 1, 1, streak, True, False, (), month_over, day)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("streak", "day", "month_over", "months"),
    [
        (3, date(2027, 4, 20), False, [(2027, 2), (2027, 3)]),  # April in progress: February and March
        (2, date(2027, 3, 31), True, [(2027, 2), (2027, 3)]),  # March's 通报: March itself counted
        (3, date(2027, 2, 10), False, [(2026, 12), (2027, 1)]),  # across the year's end
        (1, date(2027, 4, 20), False, []),  # lagging this month only: no finished month
        (0, date(2027, 4, 20), False, []),
    ],
)
def test_the_months_counted_back_from_the_standings_day(streak, day, month_over, months):
    assert reported_months(_standing(streak, day, month_over)) == months


def test_a_standing_without_its_day_names_none():
    assert reported_months(_standing(3, None)) == []
