"""Boundaries of the awards' rules (bot/awards.py): each tie-break of the three rankings decides alone, who is
listed at all, a target met exactly on its day, the reminder's first and last day, the shortlist's cut (issue 20,
mutation testing).

In the ranking tables the winner is always named 甲 and the other 乙: 乙 sorts first by name (U+4E59 < U+7532), so
only the rule under test can put 甲 ahead."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from bot import awards
from bot import config as config_mod
from bot.schedule import Target
from tests.conftest import ROOT
from tests.unit.awards_candidates import adviser, person, village


@pytest.fixture(scope="module")
def config():
    return config_mod.load(ROOT / "config.toml", env={})  # campaign.year 2027: first_awards 06-30, annual 12-31


# -- the period ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, month", [("2027-01", 1), ("2027-12", 12)])
def test_period_rule_first_and_last_month_of_the_campaign_year(text, month):
    assert awards.period_of(text, 2027) == (2027, month)


@pytest.mark.parametrize("text", ["2026-12", "2028-01"])
def test_period_rule_a_month_of_another_year_is_refused_naming_both(text):
    with pytest.raises(ValueError, match=rf"^period {text} is not in campaign.year 2027$"):
        awards.period_of(text, 2027)


# -- 最美植绿人 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "figures, listed",
    [
        ({}, False),
        ({"trees": 1}, True),
        ({"tending": 1}, True),
        ({"adopted": 1}, True),
        ({"checked": 1, "alive": 1}, False),  # a follow-up answer alone is nothing to show
    ],
)
def test_people_rule_listed_with_a_tree_a_tending_or_an_adoption(figures, listed):
    assert [p.name for p in awards.rank_people([person("甲", **figures)])] == (["甲"] if listed else [])


@pytest.mark.parametrize(
    "winner, other",
    [
        ({"trees": 3}, {"trees": 2}),
        ({"trees": 3, "tending": 0}, {"trees": 2, "tending": 9, "adopted": 9, "checked": 1, "alive": 1}),
        ({"trees": 3, "checked": 2, "alive": 2}, {"trees": 3, "checked": 2, "alive": 1, "tending": 9}),
        ({"trees": 3, "checked": 1, "alive": 0}, {"trees": 3, "tending": 9}),  # checked, all died, beats unknown
        ({"trees": 3, "tending": 2}, {"trees": 3, "tending": 1, "adopted": 9}),
        ({"trees": 3, "adopted": 2}, {"trees": 3, "adopted": 1}),
    ],
)
def test_people_rule_each_tie_break_decides_alone(winner, other):
    ranked = awards.rank_people([person("乙", person_id=2, **other), person("甲", person_id=1, **winner)])
    assert [(p.rank, p.name) for p in ranked] == [(1, "甲"), (2, "乙")]


def test_people_rule_a_full_tie_goes_by_name():
    ranked = awards.rank_people([person("甲", trees=3), person("乙", trees=3)])
    assert [(p.rank, p.name) for p in ranked] == [(1, "乙"), (2, "甲")]


# -- 最美植绿集体 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "winner, other",
    [
        ({"on_time": 4}, {"on_time": 3, "completion": 2.0, "survival": 1.0, "coverage": 1.0, "participation": 1.0}),
        ({"completion": 1.01}, {"completion": 1.0, "survival": 1.0, "coverage": 1.0, "participation": 1.0}),
        ({"survival": 0.9}, {"survival": 0.8, "coverage": 1.0, "participation": 1.0}),
        ({"survival": 0.0}, {"survival": None, "coverage": 1.0, "participation": 1.0}),  # known beats unknown
        ({"coverage": 0.9}, {"coverage": 0.8, "participation": 1.0}),
        ({"coverage": 0.0}, {"coverage": None, "participation": 1.0}),
        ({"participation": 0.9}, {"participation": 0.8}),
        ({"participation": 0.0}, {"participation": None}),
    ],
)
def test_collective_rule_each_tie_break_decides_alone(winner, other):
    ranked, out = awards.rank_villages(
        [village("乙", village_id=2, **other), village("甲", village_id=1, **winner)], {}
    )
    assert [(v.rank, v.name) for v in ranked] == [(1, "甲"), (2, "乙")] and out == []


def test_collective_rule_a_full_tie_goes_by_name():
    ranked, _out = awards.rank_villages([village("甲", village_id=1), village("乙", village_id=2)], {})
    assert [(v.rank, v.name) for v in ranked] == [(1, "乙"), (2, "甲")]


def test_collective_rule_only_a_village_that_cannot_be_good_is_left_out_and_unranked():
    rows = [village("甲", village_id=1, on_time=5), village("乙", village_id=2), village("丙", village_id=3)]
    ranked, out = awards.rank_villages(rows, {1: False, 2: True})  # 丙: not in the standings, a candidate
    assert [(v.rank, v.name) for v in ranked] == [(1, "丙"), (2, "乙")]  # by name: 丙 U+4E19 < 乙 U+4E59
    assert [(v.rank, v.name) for v in out] == [(0, "甲")]


# -- 技术顾问 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "winner, other",
    [
        ({"visits": 3, "answered": 0}, {"visits": 2, "answered": 9, "median": 0.1}),
        ({"answered": 4}, {"answered": 3, "median": 0.1}),
        ({"median": 2.0}, {"median": 2.5}),
        ({"median": 0.0}, {"median": 0.5}),  # answered at once: 0 hours is the quickest, not 'no median'
        ({"median": 40.0}, {"median": None}),  # any median beats none
    ],
)
def test_adviser_rule_each_tie_break_decides_alone(winner, other):
    ranked = awards.rank_advisers([adviser("乙", person_id=2, **other), adviser("甲", person_id=1, **winner)])
    assert [(a.rank, a.name) for a in ranked] == [(1, "甲"), (2, "乙")]


def test_adviser_rule_every_adviser_is_listed_a_full_tie_by_name():
    ranked = awards.rank_advisers([adviser("甲", visits=0, answered=0), adviser("乙", visits=0, answered=0)])
    assert [(a.rank, a.name) for a in ranked] == [(1, "乙"), (2, "甲")]


# -- milestones on time -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "done, goal, met",
    [(20, 20, 1), (19.99, 20, 0), (21, 20, 1), (0, 0, 1)],  # exactly the goal is met; no goal is met
)
def test_on_time_rule_a_target_exactly_at_its_goal_on_its_day_is_met(done, goal, met):
    day = date(2027, 2, 28)
    assert awards.on_time({day: {"main": Target("main", done, goal)}}, {"main": day}) == (met, 1)


def test_on_time_rule_only_the_targets_due_count_each_on_its_own_day():
    plans, plots = date(2027, 1, 31), date(2027, 2, 28)
    targets = {
        plans: {"plan": Target("plan", 0, 1), "main": Target("main", 20, 20)},  # main met early, plan missed
        plots: {"plan": Target("plan", 1, 1), "main": Target("main", 20, 20)},  # plan met late
    }
    assert awards.on_time(targets, {"plan": plans, "main": plots}) == (1, 2)
    assert awards.on_time(targets, {}) == (0, 0)


# -- the reminder -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "today, days_before, due",
    [
        (date(2027, 6, 29), 0, False),
        (date(2027, 6, 30), 0, True),
        (date(2027, 6, 28), 2, True),
        (date(2027, 6, 27), 2, False),
        (date(2027, 7, 1), 2, False),
    ],
)
def test_reminder_rule_from_days_before_to_the_award_day(today, days_before, due):
    assert awards.reminder_due(today, date(2027, 6, 30), days_before) is due


@pytest.mark.parametrize(
    "today, expected",
    [
        (date(2027, 6, 22), None),
        (date(2027, 6, 23), ("first_awards", date(2027, 6, 30))),
        (date(2027, 6, 30), ("first_awards", date(2027, 6, 30))),
        (date(2027, 7, 1), None),
        (date(2027, 12, 23), None),
        (date(2027, 12, 24), ("annual_awards", date(2027, 12, 31))),
        (date(2027, 12, 31), ("annual_awards", date(2027, 12, 31))),
    ],
)
def test_reminder_rule_the_award_date_whose_week_holds_today(config, today, expected):
    assert awards.upcoming(SimpleNamespace(config=config), today) == expected  # awards.remind_days_before 7


def test_reminder_rule_the_days_before_come_from_config(config):
    app = SimpleNamespace(config=config.with_overrides({"awards.remind_days_before": 1}))
    assert awards.upcoming(app, date(2027, 6, 28)) is None
    assert awards.upcoming(app, date(2027, 6, 29)) == ("first_awards", date(2027, 6, 30))


# -- the lists as shown and the award's figures ------------------------------------------------------------
def found(people, villages, advisers):
    return awards.Candidates("2027-06", 2027, 6, people, villages, [], advisers)


def test_shortlist_rule_people_and_villages_cut_to_the_limit_every_adviser_kept(config):
    app = SimpleNamespace(config=config.with_overrides({"awards.candidates": 2}))
    lists = awards.shortlist(
        app,
        found(
            [person(n, trees=9 - i) for i, n in enumerate("甲乙丙")],
            [village(n, village_id=i) for i, n in enumerate("甲乙丙")],
            [adviser(n) for n in "甲乙丙"],
        ),
    )
    assert {category: [r.name for r in rows] for category, rows in lists.items()} == {
        awards.PERSON: ["甲", "乙"],
        awards.COLLECTIVE: ["甲", "乙"],
        awards.ADVISER: ["甲", "乙", "丙"],
    }


def test_find_rule_a_village_by_its_id_a_person_or_adviser_by_theirs():
    lists = found([person("甲", person_id=5, trees=1)], [village("乙村", village_id=5)], [adviser("丙", person_id=6)])
    assert awards.find(lists, awards.PERSON, 5).name == "甲"
    assert awards.find(lists, awards.COLLECTIVE, 5).name == "乙村"
    assert awards.find(lists, awards.ADVISER, 6).name == "丙"
    assert awards.find(lists, awards.ADVISER, 5) is None  # a person's id is no adviser's
    assert awards.find(lists, awards.PERSON, 6) is None


def test_figures_rule_kept_without_the_ids():
    figures = awards.figures_of(person("甲", person_id=5, trees=3, checked=2, alive=1))
    assert "person_id" not in figures and "village_id" not in figures
    assert (figures["name"], figures["village"], figures["trees"], figures["survival_alive"]) == ("甲", "埔心村", 3, 1)
    assert "village_id" not in awards.figures_of(village("乙村", village_id=5))


@pytest.mark.parametrize("value, shown", [(None, None), (0.123449, 0.1234), (0.12345, 0.1235), (1.0, 1.0)])
def test_share_rule_rounded_to_four_places_unknown_stays_unknown(value, shown):
    assert awards._share(value) == shown
