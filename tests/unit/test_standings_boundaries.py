"""bot/standings.py's standings of today on a real SQLite file (the hand-built county of test_reports.py, over
``app_over_file``): every village's (``today``, the dashboard), one village's (``of_village``, 本村进度) with its rank
kept ``dashboard.cache_seconds`` (``county_completions``), the local day that decides which months are history, and
the lines 本村进度 adds (``standing_text``); each test named for the rule it pins.

The county (see ``build_county``): 埔心村 2 亩 in February and 5 more on April 1st (local time), 石湖村 1.5 of 2 亩
since February (lagging in February and March), 东平社区 without a plan in January then done, 新围村 done but its
示范点 confirmed only in March."""

from __future__ import annotations

import time
from datetime import date

import pytest

from bot import standings
from bot.schedule import COMPLETE, LAGGING, LAGGING_TWICE
from tests.conftest import app_over_file, at
from tests.unit.test_reports import build_county

NEXT_AFTER_MARCH_12 = "下一节点：6月30日前评选第一批先进"
CONSEQUENCE = "⚠ 按方案，连续2个月被通报进度不利的村（社区），当年党组织绩效考核不得评为“良好”及以上。"


@pytest.fixture
def county(tmp_path):
    with app_over_file(tmp_path, **{"dashboard.cache_seconds": 60}) as app:
        build_county(app.db)
        yield app


def ids(app) -> dict[str, int]:
    return {r["name"]: r["id"] for r in app.db.query("SELECT id, name FROM villages")}


def plot(app, village_id: int, area_mu: float, completed_at: str) -> None:
    """A verified plot of ``area_mu`` 亩, completed at ``completed_at`` (database time, UTC)."""
    app.db["plantings"].insert(
        {
            "openid": "o",
            "person_id": 1,
            "village_id": village_id,
            "kind": "plot",
            "count": 10,
            "area_mu": area_mu,
            "status": "complete",
            "review": "none",
            "created_at": completed_at,
            "completed_at": completed_at,
        }
    )


def by_name(found: list[standings.Standing]) -> dict[str, standings.Standing]:
    return {s.village.name: s for s in found}


# -- today: every village, the figures of now, the history of the month ends before ----------------------------
def test_today_rule_ranked_by_the_figures_of_now_judged_with_the_month_ends_before(county):
    found = standings.today(county, at("2027-03-20T10:00"))
    got = [(s.rank, s.of, s.village.name, s.status, s.streak, s.lagging_last_month, s.can_be_good) for s in found]
    assert got == [
        (1, 4, "埔心村", COMPLETE, 0, False, True),  # 7 亩 now: its April plot counts in today's figures
        (2, 4, "东平社区", COMPLETE, 0, False, True),
        (3, 4, "新围村", COMPLETE, 0, True, True),  # its 示范点 was only reported by the end of February
        (4, 4, "石湖村", LAGGING_TWICE, 2, True, False),
    ]
    assert by_name(found)["埔心村"].village.area_mu == 7.0
    assert [(t.key, t.done, t.goal) for t in by_name(found)["石湖村"].short] == [("main", 1.5, 2.0)]


def test_today_rule_villages_already_computed_are_the_ones_ranked(county):
    now = at("2027-03-20T10:00")
    every = standings.today(county, now)
    two = [s.village for s in every if s.village.name in ("东平社区", "石湖村")]
    assert [(s.rank, s.of, s.village.name, s.status) for s in standings.today(county, now, two)] == [
        (1, 2, "东平社区", COMPLETE),
        (2, 2, "石湖村", LAGGING_TWICE),
    ]
    assert standings.today(county, now, []) == []


@pytest.mark.parametrize(
    ("moment", "day"),
    [("2027-02-28T15:59:59+00:00", "2027-02-28"), ("2027-02-28T16:00:00+00:00", "2027-03-01")],
)
def test_local_day_rule_the_campaign_timezone_decides_the_day(county, moment, day):
    assert standings.local_day(county, at(moment)).isoformat() == day


def test_today_rule_february_becomes_history_at_local_midnight(county):
    """23:59:59 on February 28th in Shanghai: February is today, 石湖村 lags for the first time; a second later it
    is March 1st, February's end is history and 石湖村 lags a second month."""
    last = by_name(standings.today(county, at("2027-02-28T23:59:59")))["石湖村"]
    assert (last.status, last.streak, last.lagging_last_month, last.can_be_good) == (LAGGING, 1, False, True)
    first = by_name(standings.today(county, at("2027-03-01T00:00:00")))["石湖村"]
    assert (first.status, first.streak, first.lagging_last_month, first.can_be_good) == (LAGGING_TWICE, 2, True, False)


# -- of_village: one village as the whole county would stand it -------------------------------------------------
@pytest.mark.parametrize("moment", ["2027-01-20T10:00", "2027-02-28T23:59:59", "2027-03-01T00:00", "2027-04-15T10:00"])
def test_village_rule_one_village_stands_as_in_the_whole_county(county, moment):
    now = at(moment)
    every = by_name(standings.today(county, now))
    for name, village_id in ids(county).items():
        assert standings.of_village(county, village_id, now) == every[name], name


def test_village_rule_a_village_not_in_the_roster_has_no_standing(county):
    assert standings.of_village(county, 99, at("2027-03-20T10:00")) is None


def test_village_rule_history_is_the_figures_as_of_each_month_end(county):
    """石湖村 completes its 亩 in April: its own figures are complete now, yet February and March, judged with the
    figures of their ends, were lagging: it can no longer be rated 良好, and it now ranks second (6.5 亩 to 埔心村's 7)."""
    plot(county, ids(county)["石湖村"], 5.0, "2027-04-02T02:00:00")
    shihu = standings.of_village(county, ids(county)["石湖村"], at("2027-04-15T10:00"))
    assert shihu is not None
    assert (shihu.status, shihu.streak, shihu.lagging_last_month, shihu.can_be_good) == (COMPLETE, 0, True, False)
    assert (shihu.rank, shihu.of, shihu.short) == (2, 4, ())


# -- county_completions: the rank of one village, kept dashboard.cache_seconds ---------------------------------
class Monotonic:
    """time.monotonic as the test moves it (county_completions' clock)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic(monkeypatch):
    clock = Monotonic()
    monkeypatch.setattr(time, "monotonic", clock)
    return clock


def test_rank_rule_completions_are_kept_exactly_cache_seconds(county, monotonic):
    """石湖村 (4th) gets 1 亩 more (2.5 of 2: first). Its own figures show it at once; its rank, from every
    village's completions, follows only once they are older than dashboard.cache_seconds (60)."""
    shihu_id = ids(county)["石湖村"]
    now = at("2027-04-15T10:00")
    assert standings.of_village(county, shihu_id, now).rank == 4
    plot(county, shihu_id, 1.0, "2027-04-02T02:00:00")
    monotonic.now += 60
    kept = standings.of_village(county, shihu_id, now)
    assert (kept.village.area_mu, kept.status, kept.rank) == (2.5, COMPLETE, 4)
    monotonic.now += 0.001
    assert standings.of_village(county, shihu_id, now).rank == 2
    assert [c[1] for c in standings.county_completions(county, shihu_id)] == ["埔心村", "石湖村", "东平社区", "新围村"]


def test_rank_rule_a_new_village_makes_the_completions_again(county, monotonic):
    now = at("2027-04-15T10:00")
    assert standings.of_village(county, ids(county)["埔心村"], now).of == 4
    new_id = county.db["villages"].insert({"name": "新村", "kind": "村", "town": "横沥镇"}).last_pk
    assert standings.of_village(county, ids(county)["埔心村"], now).of == 4  # kept: 埔心村 is among them
    assert (standings.of_village(county, new_id, now).rank, standings.of_village(county, new_id, now).of) == (5, 5)
    assert standings.of_village(county, ids(county)["埔心村"], now).of == 5


def test_rank_rule_the_first_ask_makes_the_completions(county, monotonic):
    """The cache starts empty (no time taken yet): the first ask makes them, whatever the clock says."""
    monotonic.now = 0.0
    assert [c[0] for c in standings.county_completions(county, ids(county)["石湖村"])] == [1, 2, 3, 4]


# -- standing_text: the lines 本村进度 adds ---------------------------------------------------------------------
def text_of(app, name: str, moment: str) -> str:
    now = at(moment)
    standing = standings.of_village(app, ids(app)[name], now)
    assert standing is not None
    return standings.standing_text(app, standing, standings.local_day(app, now))


def test_standing_text_rule_lagging_once_what_is_short_and_the_next_milestone(county):
    assert text_of(county, "石湖村", "2027-02-28T10:00") == (
        "排名4/4，状态：滞后\n未完成：党建林还差0.5亩\n下一节点：3月12日前全面完成植树计划"
    )


def test_standing_text_rule_lagging_twice_gives_the_streak_and_the_consequence(county):
    # tidy74: February's 通报 said 滞后 and March, not over, lags so far: the streak counts finished months as the 通报
    # does (seed 002's consequence is about being 通报'd), this month said apart; it had said （已连续2个月）
    assert text_of(county, "石湖村", "2027-03-20T10:00") == (
        "排名4/4，状态：连续两月滞后（上月被通报滞后，本月目前仍落后）\n未完成：党建林还差0.5亩"
        f"\n{NEXT_AFTER_MARCH_12}\n{CONSEQUENCE}"
    )


def test_standing_text_rule_complete_with_nothing_short(county):
    assert text_of(county, "埔心村", "2027-03-20T10:00") == f"排名1/4，状态：已完成\n{NEXT_AFTER_MARCH_12}"


def test_standing_text_rule_complete_after_two_lagging_months_still_gives_the_consequence(county):
    plot(county, ids(county)["石湖村"], 5.0, "2027-04-02T02:00:00")
    assert (
        text_of(county, "石湖村", "2027-04-15T10:00") == f"排名2/4，状态：已完成\n{NEXT_AFTER_MARCH_12}\n{CONSEQUENCE}"
    )


def test_standing_text_rule_a_community_owes_its_plan_then_its_trees(county):
    """西湖社区 files no plan and has 100 of its 150 trees: after January it owes the plan (社区 words), after
    February the trees as well."""
    village_id = county.db["villages"].insert({"name": "西湖社区", "kind": "社区", "town": "潼湖镇"}).last_pk
    county.db["plantings"].insert(
        {
            "openid": "o",
            "person_id": 1,
            "village_id": village_id,
            "kind": "tree",
            "count": 100,
            "status": "complete",
            "review": "none",
            "created_at": "2027-02-10T02:00:00",
            "completed_at": "2027-02-10T02:00:00",
        }
    )
    assert text_of(county, "西湖社区", "2027-02-01T10:00") == (
        # tidy74: January's 通报 lagged, February so far (it had said （已连续2个月）, February counted)
        "排名5/5，状态：连续两月滞后（上月被通报滞后，本月目前仍落后）\n未完成：村绿化计划未备案"
        "\n下一节点：2月8日前植树安排表备案"
        f"\n{CONSEQUENCE}"
    )
    assert text_of(county, "西湖社区", "2027-03-05T10:00").split("\n")[1] == "未完成：村绿化计划未备案；主题林还差50棵"


# -- the people targets, the milestones in words ----------------------------------------------------------------
@pytest.mark.parametrize(("planting_done", "march"), [("03-31", True), ("04-01", False)])
def test_history_rule_a_month_end_on_the_people_targets_day_judges_them(tmp_path, planting_done, march):
    """乙 of 埔心村 (household B) has planted nothing: once every household's tree is due (planting_done), 埔心村
    lags. Due on March 31st, the end of March judges it; due on April 1st, not yet."""
    with app_over_file(tmp_path, **{"campaign.milestones.planting_done": planting_done}) as app:
        build_county(app.db)
        app.db["people"].insert({"id": 2, "name": "乙", "village_id": 1, "role": "群众", "household": "B"})
        found = standings.histories(app.db, app.config, at("2027-04-15T10:00").date())
        assert found[ids(app)["埔心村"]] == [False, False, march]


@pytest.mark.parametrize(
    ("day", "words"),
    [("2027-01-30", "还没有到期的任务"), ("2027-01-31", "村绿化计划备案")],
    ids=["before", "on_the_day"],
)
def test_due_words_rule_a_milestone_is_due_on_its_day(county, day, words):
    assert standings.due_words(county, date.fromisoformat(day)) == words


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2027-03-11", "3月12日前全面完成植树计划"),
        ("2027-03-12", "6月30日前评选第一批先进"),
        ("2027-12-30", "12月31日前年度总结表彰"),
        ("2027-12-31", "今年的节点都已过，做好管护"),
    ],
)
def test_next_milestone_rule_the_next_is_after_today(county, day, words):
    assert standings.next_milestone_words(county, date.fromisoformat(day)) == words


def test_next_milestone_rule_a_milestone_without_words_is_named_by_its_key(tmp_path):
    with app_over_file(tmp_path, **{"campaign.milestones.checkup": "04-15"}) as app:
        assert standings.next_milestone_words(app, date(2027, 4, 1)) == "4月15日前checkup"
