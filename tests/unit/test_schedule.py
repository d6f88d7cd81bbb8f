"""The campaign calendar as dates, and a village's status against what is due (bot/schedule.py, pure)."""

from __future__ import annotations

from datetime import date

import pytest

from bot import config as config_mod
from bot import schedule
from bot.schedule import (
    COMPLETE,
    DEMO_SITES,
    HOUSEHOLDS,
    LAGGING,
    LAGGING_TWICE,
    MAIN,
    NOT_STARTED,
    ON_TRACK,
    PLAN,
    QUOTAS,
    Target,
)
from tests.conftest import ROOT


@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})  # campaign.year 2027, the seed's dates


@pytest.mark.parametrize(
    "year, text, day",
    [
        (2024, "02-end", date(2024, 2, 29)),
        (2027, "02-end", date(2027, 2, 28)),
        (2027, "03-12", date(2027, 3, 12)),
        (2027, "12-end", date(2027, 12, 31)),
        (2024, "02-29", date(2024, 2, 29)),
    ],
)
def test_month_days_of_the_campaign_year(year, text, day):
    assert schedule.month_day(year, text) == day


@pytest.mark.parametrize("text", ["02-30", "2-28", "13-01", "end", "", "0312", "03-32"])
def test_bad_month_days_are_refused(text):
    with pytest.raises(ValueError):
        schedule.month_day(2027, text)


def test_february_29_only_in_a_leap_year():
    with pytest.raises(ValueError):
        schedule.month_day(2027, "02-29")


def test_month_days_in_words():
    assert schedule.month_day_words("02-end") == "2月底"
    assert schedule.month_day_words("03-12") == "3月12日"


def test_the_seed_calendar_in_2027(config):
    dates = schedule.milestone_dates(config)
    assert list(dates)[:5] == ["plans_due", "schedules_due", "holes_due", "plots_due", "planting_done"]
    assert dates["plots_due"] == date(2027, 2, 28)
    assert schedule.season(config) == (date(2027, 1, 31), date(2027, 5, 31))
    assert schedule.next_milestone(config, date(2027, 2, 25)) == ("plots_due", date(2027, 2, 28))
    assert schedule.next_milestone(config, date(2027, 2, 28)) == ("plots_due", date(2027, 2, 28))
    assert schedule.next_milestone(config, date(2028, 1, 1)) is None


def test_in_a_leap_year_2_yue_di_is_the_29th(config):
    assert schedule.milestone_date(config.with_overrides({"campaign.year": 2024}), "plots_due") == date(2024, 2, 29)


def test_history_months_start_with_the_campaign(config):
    assert schedule.campaign_months(config, 2026, 12) == []
    assert schedule.campaign_months(config, 2027, 1) == [(2027, 1)]
    assert schedule.campaign_months(config, 2027, 4) == [(2027, 1), (2027, 2), (2027, 3), (2027, 4)]


def village(plan=1, mu=2.0, demo=1, households=(10, 10), quotas=(3, 3)) -> list[Target]:
    return [
        Target(PLAN, plan, 1),
        Target(MAIN, mu, 2.0),
        Target(DEMO_SITES, demo, 1),
        Target(HOUSEHOLDS, households[0], households[1]),
        Target(QUOTAS, quotas[0], quotas[1]),
    ]


@pytest.mark.parametrize(
    "day, targets, lagging_before, complete, expected",
    [
        # before plans_due nothing is due, whatever the figures
        (date(2027, 1, 30), village(plan=0, mu=0, demo=0), False, False, NOT_STARTED),
        (date(2026, 12, 31), village(plan=0, mu=0, demo=0), True, False, NOT_STARTED),
        # no plan by the end of January: lagging in January
        (date(2027, 1, 31), village(plan=0, mu=0, demo=0), False, False, LAGGING),
        (date(2027, 1, 31), village(plan=1, mu=0, demo=0), False, False, ON_TRACK),
        # 1.5 of 2 亩 at the end of February: lagging (the seed: 2月底 done)
        (date(2027, 2, 28), village(mu=1.5), False, False, LAGGING),
        (date(2027, 2, 27), village(mu=1.5), False, False, ON_TRACK),
        (date(2027, 2, 28), village(mu=1.5), True, False, LAGGING_TWICE),
        # the 示范点 is due with the 亩
        (date(2027, 2, 28), village(demo=0), False, False, LAGGING),
        # done with 亩 and 示范点, households not due yet
        (date(2027, 2, 28), village(households=(2, 10)), False, True, COMPLETE),
        # households and quotas are due at 植树节
        (date(2027, 3, 31), village(households=(9, 10)), False, True, LAGGING),
        (date(2027, 3, 31), village(quotas=(2, 3)), True, True, LAGGING_TWICE),
        (date(2027, 3, 31), village(), False, True, COMPLETE),
    ],
)
def test_status_against_what_is_due(config, day, targets, lagging_before, complete, expected):
    assert schedule.status(config, targets, day, lagging_before, complete) == expected


def test_the_lag_threshold_is_a_share_of_what_is_due(config):
    lenient = config.with_overrides({"reports.lag_threshold": 0.75})
    assert schedule.status(lenient, village(mu=1.5), date(2027, 2, 28), False, False) == ON_TRACK
    assert schedule.status(lenient, village(mu=1.4), date(2027, 2, 28), False, False) == LAGGING
    # not lagging, but a due target is short: on track, not complete
    assert schedule.status(lenient, village(households=(8, 10)), date(2027, 3, 31), False, True) == ON_TRACK


@pytest.mark.parametrize(
    "history, streak, twice_ever",
    [
        ([], 0, False),
        ([False, True], 1, False),
        ([True, True], 2, True),
        ([True, True, False], 0, True),
        ([True, False, True], 1, False),
    ],
)
def test_lag_streak_and_lagging_twice(history, streak, twice_ever):
    assert schedule.lag_streak(history) == streak
    assert schedule.ever_lagged_twice(history) is twice_ever
