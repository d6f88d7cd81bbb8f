"""Boundaries of the campaign calendar's rules (bot/schedule.py): a campaign that crosses the new year, two
milestones on one day, and the config errors that name the key (issue 20, mutation testing)."""

from __future__ import annotations

from datetime import date

import pytest

from bot import config as config_mod
from bot import schedule
from tests.conftest import ROOT


@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})  # campaign.year 2027, the seed's dates


@pytest.mark.parametrize(
    "plans_due, until, months",
    [
        ("11-30", (2027, 12), [(2027, 11), (2027, 12)]),
        ("11-30", (2028, 1), [(2027, 11), (2027, 12), (2028, 1)]),
        ("12-31", (2028, 2), [(2027, 12), (2028, 1), (2028, 2)]),
        ("12-31", (2027, 11), []),
    ],
)
def test_history_rule_months_run_on_across_the_new_year(config, plans_due, until, months):
    late = config.with_overrides({"campaign.milestones.plans_due": plans_due})
    assert schedule.campaign_months(late, *until) == months


def test_calendar_rule_two_milestones_on_one_day_in_name_order(config):
    same_day = config.with_overrides(
        {"campaign.milestones.schedules_due": "01-31", "campaign.milestones.holes_due": "01-31"}
    )
    assert list(schedule.milestone_dates(same_day))[:3] == ["holes_due", "plans_due", "schedules_due"]
    assert schedule.next_milestone(same_day, date(2027, 1, 2)) == ("holes_due", date(2027, 1, 31))


@pytest.mark.parametrize("text", ["2-28", "3月1日", "03-end-"])
def test_date_rule_a_bad_month_day_is_named_in_the_error(text):
    with pytest.raises(ValueError, match=r"^not a month-day \(MM-DD or MM-end\): '" + text + "'$"):
        schedule.month_day(2027, text)


@pytest.mark.parametrize(
    "overrides, key",
    [
        ({"campaign.milestones.plots_due": "02-30"}, r"\[campaign\.milestones\] plots_due: "),
        ({"campaign.window": ["03-01", "05-32"]}, r"\[campaign\] window: not a month-day"),
        ({"campaign.milestones": {"planting_done": "03-12"}}, r"\[campaign\.milestones\] plans_due is missing"),
    ],
)
def test_config_rule_a_bad_calendar_names_its_key(config, overrides, key):
    with pytest.raises(config_mod.ConfigError, match=r"^config: " + key):
        config.with_overrides(overrides)
