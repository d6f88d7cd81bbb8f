"""The campaign calendar as pure functions: quiet hours, weeks, due windows, who has work left, answers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import config as config_mod
from bot.broadcasts import BroadcastError, mass_send_allowed, parse_segment
from bot.reminders import (
    WorkLeft,
    calendar,
    due_entries,
    not_before,
    nudge_slot,
    survival_result,
    week_bounds,
    work_left,
)
from tests.conftest import ROOT

SH = ZoneInfo("Asia/Shanghai")
QUIET = ("21:00", "08:00")
CFG = config_mod.load(ROOT / "config.toml", env={})


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SH)


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2027-03-05T09:00", "2027-03-05T09:00"),  # daytime: now
        ("2027-03-05T20:59", "2027-03-05T20:59"),
        ("2027-03-05T21:00", "2027-03-06T08:00"),  # evening: next morning
        ("2027-03-05T23:30", "2027-03-06T08:00"),
        ("2027-03-06T03:00", "2027-03-06T08:00"),  # night: this morning
        ("2027-03-06T08:00", "2027-03-06T08:00"),
    ],
)
def test_quiet_hours_push_to_the_morning(moment, expected):
    assert not_before(at(moment), "Asia/Shanghai", QUIET) == at(expected)


def test_quiet_hours_that_do_not_wrap_midnight():
    assert not_before(at("2027-03-05T12:30"), "Asia/Shanghai", ("12:00", "14:00")) == at("2027-03-05T14:00")
    assert not_before(at("2027-03-05T14:30"), "Asia/Shanghai", ("12:00", "14:00")) == at("2027-03-05T14:30")


def test_week_runs_monday_to_monday_in_campaign_time():
    start, end = week_bounds(at("2027-03-07T23:00"), "Asia/Shanghai")  # a Sunday night
    assert (start, end) == (at("2027-03-01T00:00"), at("2027-03-08T00:00"))


@pytest.mark.parametrize(
    "moment, week",
    [
        ("2027-02-22T09:00", None),  # before the window
        ("2027-03-01T08:59", None),  # the first Monday of the window, before 09:00: last week's slot is outside
        ("2027-03-01T09:00", "2027-W09"),
        ("2027-03-04T15:00", "2027-W09"),  # missed Monday: still this week's nudge (coalesced)
        ("2027-03-08T09:00", "2027-W10"),
        ("2027-05-31T09:00", "2027-W22"),  # the last Monday of the window
        ("2027-06-03T10:00", "2027-W22"),  # its week still runs
        ("2027-06-07T09:00", None),  # after the window
    ],
)
def test_weekly_nudge_slot(moment, week):
    assert nudge_slot(CFG, at(moment)) == week


def test_calendar_entries_are_due_from_days_before_until_the_milestone_day_ends():
    assert [e.name for e, _ in due_entries(CFG, at("2027-01-26T08:59"))] == []
    assert [e.name for e, _ in due_entries(CFG, at("2027-01-26T09:00"))] == ["plans_due"]
    assert [e.name for e, _ in due_entries(CFG, at("2027-01-31T23:59"))] == ["plans_due"]
    assert [e.name for e, _ in due_entries(CFG, at("2027-02-01T00:00"))] == []
    assert [e.name for e, _ in due_entries(CFG, at("2027-03-10T09:00"))] == ["arbor_day"]


def test_calendar_is_checked_against_the_milestones():
    bad = CFG.with_overrides({"reminders.calendar": {"x": {"milestone": "nope", "message": "reminders.x"}}})
    with pytest.raises(ValueError, match="nope"):
        calendar(bad)
    staff = CFG.with_overrides(
        {
            "reminders.calendar.awards": {
                "milestone": "first_awards",
                "days_before": 1,
                "audience": "roles",
                "roles": ["村书记"],
                "message": "reminders.arbor_day",
            }
        }
    )
    assert [e.name for e, _ in due_entries(staff, at("2027-06-29T10:00"))] == ["awards"]


def person(role, trees=0, events=0, household_trees=None, birth_year=1980, village_id=1):
    return {
        "role": role,
        "trees": trees,
        "events": events,
        "birth_year": birth_year,
        "village_id": village_id,
        "household_trees": trees if household_trees is None else household_trees,
    }


@pytest.mark.parametrize(
    "row, expected",
    [
        (person("群众"), WorkLeft(household_target=1, household_left=1)),
        (person("群众", household_trees=1), WorkLeft(household_target=1)),  # a family member planted
        (person("党员", birth_year=1950), WorkLeft(quota=1, quota_left=1, household_target=1, household_left=1)),
        (person("党员", trees=1, events=1), WorkLeft(quota=1, household_target=1)),
        (person("村书记", trees=1, events=1), WorkLeft(quota=3, quota_left=2, household_target=1)),
        (person("主要领导", trees=5, events=2, village_id=None), WorkLeft(quota=5, household_target=1)),
        (person("技术顾问"), WorkLeft()),
        (person("党员", trees=0, events=1, household_trees=2), WorkLeft(quota=1, quota_left=1, household_target=1)),
    ],
)
def test_work_left(row, expected):
    assert work_left(row, CFG) == expected


def test_party_members_under_65_take_part_once():
    cfg = CFG.with_overrides({"campaign.quotas.党员": 0})
    assert work_left(person("党员", household_trees=1, events=0), cfg).needs_event
    assert work_left(person("党员", household_trees=1, birth_year=None), cfg).needs_event  # unknown age: asked
    assert not work_left(person("党员", household_trees=1, events=1), cfg)
    assert not work_left(person("党员", household_trees=1, birth_year=1950), cfg)  # 77: not asked


@pytest.mark.parametrize(
    "text, result",
    [
        ("活了", "alive"),
        ("都活了！", "alive"),
        ("还活着", "alive"),
        ("死了", "dead"),
        ("没活", "dead"),
        ("补种了", "replanted"),
        ("已经补种了2棵", "replanted"),
        ("桂花什么时候种", None),
        ("", None),
        (None, None),
    ],
)
def test_survival_result(text, result):
    assert survival_result(text) == result


LIMITS = {"per_day": {"订阅号": 1}, "per_user_month": {"服务号": 4}}


@pytest.mark.parametrize(
    "account, today, most, allowed",
    [
        ("订阅号", 0, 9, True),
        ("订阅号", 1, 0, False),
        ("服务号", 5, 3, True),
        ("服务号", 0, 4, False),
        ("企业号", 0, 0, False),
    ],
)
def test_mass_send_limits(account, today, most, allowed):
    ok, why = mass_send_allowed(account, sent_today=today, most_received_this_month=most, **LIMITS)
    assert ok is allowed and why


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("all", "all", None),
        ("village:埔心村", "village", "埔心村"),
        ("town: 太平镇", "town", "太平镇"),
        ("role:村书记", "role", "村书记"),
        ("below-quota", "below-quota", None),
        ("unregistered", "unregistered", None),
    ],
)
def test_segments(text, kind, value):
    seg = parse_segment(text, CFG)
    assert (seg.kind, seg.value) == (kind, value)


@pytest.mark.parametrize("text", ["everyone", "village", "all:x", "role:村长", ""])
def test_bad_segments(text):
    with pytest.raises(BroadcastError):
        parse_segment(text, CFG)


def test_the_event_nudge_names_the_configured_party_age_limit():
    from bot.messages import Messages
    from bot.reminders import WorkLeft, nudge_text

    t = Messages.load(ROOT / "messages").t
    left = WorkLeft(needs_event=True)
    text = nudge_text(t, {"name": "李"}, left, max_age=60)
    assert "60周岁以下党员" in text and "65" not in text
