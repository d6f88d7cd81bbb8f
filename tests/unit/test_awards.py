"""The awards' pure rules: the period, the three rankings, milestones on time, the reminder's days."""

from __future__ import annotations

from datetime import date

import pytest

from bot import awards
from bot.schedule import Target
from tests.unit.awards_candidates import adviser, person, village


def test_the_period_is_a_month_of_the_campaign_year():
    assert awards.period_of("2027-06", 2027) == (2027, 6)
    for bad in ("2026-12", "2027-13", "2027-6", "六月", ""):
        with pytest.raises(ValueError):
            awards.period_of(bad, 2027)


def test_people_by_trees_then_survival_then_tending_then_adoptions():
    ranked = awards.rank_people(
        [
            person("甲", trees=3, checked=2, alive=1),
            person("乙", trees=3, checked=1, alive=1),
            person("丙", trees=3),
            person("丁", trees=5),
            person("戊"),
            person("己", adopted=2),
            person("庚", trees=3, checked=1, alive=1, tending=2),
        ]
    )
    assert [(p.rank, p.name) for p in ranked] == [(1, "丁"), (2, "庚"), (3, "乙"), (4, "甲"), (5, "丙"), (6, "己")]
    assert ranked[3].survival_rate == 0.5 and ranked[4].survival_rate is None  # 戊 has nothing: not listed


def test_villages_lagging_twice_are_never_candidates():
    ranked, out = awards.rank_villages(
        [
            village("甲村", village_id=1, on_time=5, completion=1.0),
            village("乙村", village_id=2, on_time=5, completion=1.5),
            village("丙村", village_id=3, on_time=5, completion=3.0),
            village("丁村", village_id=4, on_time=4, completion=2.0, survival=1.0),
            village("戊村", village_id=5, on_time=5, completion=1.0, survival=0.9),
        ],
        {3: False, 1: True},
    )
    assert [(v.rank, v.name) for v in ranked] == [(1, "乙村"), (2, "戊村"), (3, "甲村"), (4, "丁村")]
    assert [v.name for v in out] == ["丙村"]


def test_advisers_by_visits_answers_then_the_quicker_median():
    ranked = awards.rank_advisers(
        [
            adviser("甲", visits=2, answered=5, median=10.0),
            adviser("乙", visits=2, answered=5, median=3.0),
            adviser("丙", visits=2, answered=5, median=None),
            adviser("丁", visits=3, answered=0, median=None),
            adviser("戊", visits=2, answered=6, median=40.0),
        ]
    )
    assert [a.name for a in ranked] == ["丁", "戊", "乙", "甲", "丙"]


def test_milestones_on_time():
    plan_day, plots_day = date(2027, 1, 31), date(2027, 2, 28)
    targets = {
        plan_day: {"plan": Target("plan", 1, 1)},
        plots_day: {"main": Target("main", 1.5, 2), "demo_sites": Target("demo_sites", 1, 1)},
    }
    due = {"plan": plan_day, "main": plots_day, "demo_sites": plots_day}
    assert awards.on_time(targets, due) == (2, 3)
    assert awards.on_time(targets, {"plan": plan_day}) == (1, 1)


def test_the_reminder_runs_the_week_before_the_award_date():
    day = date(2027, 6, 30)
    assert not awards.reminder_due(date(2027, 6, 22), day, 7)
    assert awards.reminder_due(date(2027, 6, 23), day, 7) and awards.reminder_due(day, day, 7)
    assert not awards.reminder_due(date(2027, 7, 1), day, 7)
