"""bot/progress.py's chat texts on a real SQLite file (``app_over_file``): 我的进度 (``my_progress_text``: the quota
line, the household, the planting days), 本村进度's figures (``village_progress_text``) and the line after a
planting (``progress_line``); each test named for the rule it pins. Quotas, the household target and the party age
limit are the deployment's (村书记 3, 党员 1, 群众 0 trees; 1 tree a household; 65)."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

import pytest

from bot import progress
from bot.progress import HouseholdProgress, PersonProgress, Totals, VillageProgress
from tests.conftest import app_over_file

MARCH = "2027-03-10T02:00:00"
BEFORE = "2027-03-10T01:59:59"  # before every record, check-in and adoption of the fixture
END_OF_MARCH, APRIL = "2027-03-31T23:59:59", "2027-04-09T01:00:00"
PENDING = "（另有1条待审核）"


def plant(db, person: int, village_id: int, count: int, kind="tree", area=None, review="none", at=MARCH) -> None:
    """A complete record of ``person`` in ``village_id`` at ``at``; one waiting for review is flagged."""
    db["plantings"].insert(
        {
            "openid": f"o{person}",
            "person_id": person,
            "village_id": village_id,
            "kind": kind,
            "count": count,
            "area_mu": area,
            "species": "桂花",
            "status": "complete",
            "review": review,
            "flags": "old_photo" if review == "pending" else "",
            "created_at": at,
            "completed_at": at,
        }
    )


@pytest.fixture
def village(tmp_path):
    """埔心村 (5 households on the roster) and 东平社区, their people and records."""
    with app_over_file(tmp_path) as app:
        db, year = app.db, app.config.get("campaign.year")
        db["villages"].insert_all(
            [
                {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇", "households": 5},
                {"id": 2, "name": "东平社区", "kind": "社区", "town": "横沥镇"},
            ]
        )
        db["people"].insert_all(
            [
                {"id": 1, "name": "张三", "village_id": 1, "role": "群众", "household": "A"},
                {"id": 2, "name": "李四", "village_id": 1, "role": "党员", "household": "A", "birth_year": year - 65},
                {"id": 3, "name": "王五", "village_id": 1, "role": "村书记", "household": "B", "birth_year": 1970},
                {"id": 4, "name": "孙八", "village_id": 1, "role": "村书记", "household": "C", "birth_year": 1970},
                {"id": 5, "name": "赵六", "village_id": 1, "role": "党员", "household": "D", "birth_year": 1990},
                {"id": 6, "name": "钱七", "village_id": 1, "role": "党员", "household": "D", "birth_year": year - 66},
                {"id": 7, "name": "陈九", "village_id": 2, "role": "群众", "household": "E"},
            ]
        )
        for person, village_id, count, kind, area, review in (
            (1, 1, 2, "tree", None, "none"),
            (1, 1, 1, "tree", None, "pending"),  # waits for review: not counted, noted
            (3, 1, 3, "tree", None, "none"),  # exactly 村书记's quota
            (4, 1, 2, "tree", None, "none"),  # one short of it
            (4, 1, 40, "plot", 1.25, "none"),
            (7, 2, 90, "tree", None, "none"),
            (7, 2, 6, "tree", None, "pending"),
        ):
            plant(db, person, village_id, count, kind, area, review)
        db["milestones"].insert(
            {"village_id": 1, "milestone": "demo_site", "name": "村口公园", "person_id": 3, "reported_at": MARCH}
        )
        db["milestones"].update(1, {"status": "confirmed"})
        # 赵六 was present at two planting days (and once absent); household D adopted a tree, it has none of its own
        db["events"].insert_all(
            [
                {"id": i, "village_id": 1, "name": f"植树日{i}", "code": f"10{i}", "starts_at": MARCH, "ends_at": MARCH}
                | {"created_at": MARCH}
                for i in (1, 2, 3)
            ]
        )
        db["attendance"].insert_all(
            [
                {"event_id": event, "person_id": 5, "how": "village", "checked_in_at": MARCH, "present": present}
                for event, present in ((1, 1), (2, 1), (3, 0))
            ]
        )
        db["adoptions"].insert(
            {"planting_id": 1, "village_id": 1, "trees": 1, "first_tree": 1, "person_id": 6, "adopted_at": MARCH}
        )
        yield app


def my_text(app, person_id: int) -> str:
    return progress.my_progress_text(app, app.db, app.db["people"].get(person_id))


def test_my_progress_rule_no_quota_own_trees_and_what_waits(village):
    assert my_text(village, 1) == (
        "张三（群众）的进度：\n已核实种树2棵，1条记录\n您没有个人任务，欢迎带动家人种树。\n"
        f"本户2棵（每户至少1棵）{PENDING}"
    )


@pytest.mark.parametrize(
    ("person_id", "quota_line"), [(3, "任务3棵：已完成 ✅"), (4, "任务3棵：还差1棵")], ids=["exactly", "one_short"]
)
def test_my_progress_rule_the_quota_met_exactly_is_done(village, person_id, quota_line):
    assert my_text(village, person_id).split("\n")[2] == quota_line


def test_my_progress_rule_a_party_member_without_a_record_is_told_to_attend(village):
    """李四 is 65 (以下 includes it) and has planted nothing: he is told how to take part."""
    assert my_text(village, 2) == (
        "李四（党员）的进度：\n已核实种树0棵，0条记录\n任务1棵：还差1棵\n本户2棵（每户至少1棵）\n"
        "65周岁以下党员至少参加1次义务植树活动：活动时发“参加”签到。"
    )


def test_my_progress_rule_a_party_member_over_the_age_limit_or_with_a_record_is_not_told(village):
    """钱七 is 66; 王五 (村书记, a cadre expected to take part) has a verified record already."""
    assert [my_text(village, i).count("义务植树活动") for i in (6, 3)] == [0, 0]


def test_my_progress_rule_the_planting_days_attended_are_counted(village):
    """赵六 was present twice (the third time not); his household D counts the tree 钱七 adopted."""
    assert my_text(village, 5) == (
        "赵六（党员）的进度：\n已核实种树0棵，0条记录\n任务1棵：还差1棵\n本户1棵（每户至少1棵）\n义务植树活动：已参加2次 ✅"
    )


def test_village_progress_rule_a_village_in_mu_with_its_demo_sites(village):
    v = progress.village_progress(village.db, village.config, 1)
    assert progress.village_progress_text(village, v) == (
        "埔心村（村）进度：\n核实党建林1.25/2亩（62%），示范点1/1个\n共47棵，4/5户已种\n党员参与3/4人" + PENDING
    )


def test_village_progress_rule_a_community_in_trees(village):
    v = progress.village_progress(village.db, village.config, 2)
    assert progress.village_progress_text(village, v) == (
        "东平社区（社区）进度：\n核实主题林90/150棵（60%）\n共90棵，1/1户已种\n党员参与0/0人" + PENDING
    )


def test_progress_line_rule_person_household_and_village_on_one_line(village):
    db = village.db
    assert (
        progress.progress_line(village, db, db["people"].get(4)) == "进度：您2/3棵｜本户2/1棵｜埔心村 1.25/2亩（62%）"
    )
    assert progress.progress_line(village, db, db["people"].get(1)) == (
        f"进度：您已种2棵｜本户2/1棵｜埔心村 1.25/2亩（62%）{PENDING}"
    )


def test_progress_line_rule_a_person_without_a_village_has_no_village_figure(village):
    db = village.db
    db["people"].insert({"id": 8, "name": "周十", "role": "群众"})
    assert progress.progress_line(village, db, db["people"].get(8)) == "进度：您已种0棵｜本户0/1棵"


# -- the figures behind them: every field, so a default or a key that moves shows ---------------------------------
def test_person_rule_no_record_is_nothing_done_and_no_role_is_the_masses(village):
    db, config = village.db, village.config
    assert progress.person_progress(db, config, 2) == PersonProgress(2, "李四", "党员", 1, 1, 0, 0, 0, 0)
    assert progress.person_progress(db, config, 1) == PersonProgress(1, "张三", "群众", 1, 0, 2, 1, 1, 1)
    db["people"].insert({"id": 8, "name": "周十"})
    assert progress.person_progress(db, config, 8) == PersonProgress(8, "周十", "群众", None, 0, 0, 0, 0, 0)


def test_household_rule_own_trees_waiting_trees_and_adopted_trees(village):
    db, config = village.db, village.config
    assert progress.household_progress(db, config, 2) == HouseholdProgress(1, "A", (1, 2), 2, 1, 1, 0)
    assert progress.household_progress(db, config, 6) == HouseholdProgress(1, "D", (5, 6), 0, 0, 1, 1)
    assert progress.household_progress(db, config, 99) is None


def test_village_rule_every_figure_of_a_village_a_community_and_an_empty_village(village):
    db, config = village.db, village.config
    db["villages"].insert({"id": 3, "name": "空村"})
    zero = {f.name: 0.0 if f.name.endswith("_mu") else 0 for f in fields(Totals)}
    puxin = VillageProgress(
        **zero
        | {"trees": 47, "area_mu": 1.25, "records": 4, "pending_records": 1, "pending_trees": 1, "flagged": 1}
        | {"households_total": 5, "households_covered": 4, "party_members": 4, "party_members_active": 3}
        | {"quota_people": 5, "quota_people_done": 1},
        village_id=1,
        name="埔心村",
        kind="村",
        town="横沥镇",
        unit="亩",
        target=2.0,
        done_value=1.25,
        pending_value=0.0,
        demo_sites=1,
        demo_sites_target=1,
        demo_sites_reported=1,
        households_scheduled=3,
        schedule_goal=5,
    )
    dongping = VillageProgress(
        **zero
        | {"trees": 90, "records": 1, "pending_records": 1, "pending_trees": 6, "flagged": 1}
        | {"households_total": 1, "households_covered": 1},
        village_id=2,
        name="东平社区",
        kind="社区",
        town="横沥镇",
        unit="棵",
        target=150.0,
        done_value=90,
        pending_value=6,
        demo_sites=0,
        demo_sites_target=0,
        households_scheduled=1,
        schedule_goal=1,
    )
    empty = VillageProgress(
        **zero,
        village_id=3,
        name="空村",
        kind="村",
        town=None,
        unit="亩",
        target=2.0,
        done_value=0.0,
        pending_value=0.0,
        demo_sites=0,
        demo_sites_target=1,
    )
    assert [progress.village_progress(db, config, i) for i in (1, 2, 3)] == [puxin, dongping, empty]
    assert progress.all_villages_progress(db, config) == [puxin, dongping, empty]
    assert progress.completions(db, config) == [(1, "埔心村", 0.625), (2, "东平社区", 0.6), (3, "空村", 0.0)]


def test_village_rule_before_the_records_only_the_roster_counts(village):
    before = progress.village_progress(village.db, village.config, 1, until=BEFORE)
    got = (before.trees, before.households_covered, before.party_members, before.party_members_active)
    assert got == (0, 0, 4, 0)  # the planting days' check-ins (02:00) come later too
    assert progress.all_villages_progress(village.db, village.config, until=BEFORE)[0] == before
    assert progress.completions(village.db, village.config, until=BEFORE) == [
        (1, "埔心村", 0.0),
        (2, "东平社区", 0.0),
    ]
    assert progress.daily_series(village.db, village.config, until=BEFORE) == []


def test_people_rule_attending_makes_active_and_an_adopted_tree_counts_for_a_household_without_one(village):
    rows = {r["person_id"]: r for r in progress.people_left_to_do(village.db, village.config)}
    got = {i: (r["active"], r["trees"], r["household_trees"], r["party_member_to_count"]) for i, r in rows.items()}
    assert got == {
        1: (1, 2, 2, 0),
        2: (0, 0, 2, 1),
        3: (1, 3, 3, 1),
        4: (1, 2, 2, 1),
        5: (1, 0, 1, 1),  # present at two planting days; household D adopted one tree
        6: (0, 0, 1, 0),
        7: (1, 90, 90, 0),
    }


def test_series_rule_by_local_day_with_the_campaign_timezone(village):
    assert progress.utc_offset_minutes(village.config) == 480
    berlin = village.config.with_overrides({"campaign.timezone": "Europe/Berlin"})
    winter, summer = (datetime(2027, m, 10, tzinfo=UTC) for m in (1, 7))
    assert (progress.utc_offset_minutes(berlin, winter), progress.utc_offset_minutes(berlin, summer)) == (60, 120)
    assert progress.daily_series(village.db, village.config) == [progress.DayPoint("2027-03-10", 137, 1.25, 5, 137)]


# -- the edges of those figures: a moment in time, people outside every household, other settings ----------------
def test_person_rule_an_empty_role_is_the_masses(village):
    village.db["people"].insert({"id": 8, "name": "周十", "village_id": 1, "role": ""})
    assert progress.person_progress(village.db, village.config, 8).role == "群众"


def test_household_rule_counts_only_the_records_made_by_then(village):
    assert progress.household_progress(village.db, village.config, 2, until=BEFORE) == HouseholdProgress(
        1, "A", (1, 2), 0, 0, 1, 0
    )


def test_people_rule_before_the_planting_days_and_the_adoption_nobody_attended_or_adopted(village):
    rows = progress.people_left_to_do(village.db, village.config, until=BEFORE)
    assert {r["person_id"]: (r["active"], r["household_trees"]) for r in rows if r["person_id"] in (5, 6)} == {
        5: (0, 0),
        6: (0, 0),
    }


def test_people_rule_an_adoption_counts_until_the_household_plants_its_own(village):
    """赵六 plants 2 trees of household D's own in April: in March D counts the tree 钱七 adopted, then its own."""
    db, config = village.db, village.config
    plant(db, 5, 1, 2, at=APRIL)

    def household_d(until):
        return [r["household_trees"] for r in progress.people_left_to_do(db, config, person_ids=[5, 6], until=until)]

    assert (household_d(END_OF_MARCH), household_d(None)) == ([1, 1], [2, 2])
    march = [
        progress.village_progress(db, config, 1, END_OF_MARCH),
        progress.all_villages_progress(db, config, END_OF_MARCH)[0],
    ]
    assert [v.households_covered for v in march] == [4, 4]  # A, B, C with trees of their own; D by its adoption


def test_people_rule_people_without_a_household_adopt_each_for_themselves(village):
    db = village.db
    db["people"].insert_all([{"id": i, "name": f"路人{i}", "village_id": 1, "role": "群众"} for i in (8, 9)])
    db["adoptions"].insert(
        {"planting_id": 1, "village_id": 1, "trees": 2, "first_tree": 2, "person_id": 8, "adopted_at": MARCH}
    )
    rows = progress.people_left_to_do(db, village.config, person_ids=[8, 9])
    assert [(r["person_id"], r["household_trees"]) for r in rows] == [(8, 2), (9, 0)]


def test_people_rule_an_adviser_in_an_adopting_household_shares_none_of_its_trees(village):
    """A 技术顾问 listed in household D belongs to no household: D's adopted tree is not his."""
    village.db["people"].insert({"id": 8, "name": "吴顾问", "village_id": 1, "role": "技术顾问", "household": "D"})
    [row] = progress.people_left_to_do(village.db, village.config, person_ids=[8])
    assert (row["household_target"], row["household_trees"]) == (0, 0)


@pytest.fixture
def hamlet(village):
    """小岭村 (id 3): household F adopted a tree, 党员 周十 (household G) only attended a planting day."""
    db = village.db
    db["villages"].insert({"id": 3, "name": "小岭村", "kind": "村", "town": "横沥镇"})
    db["people"].insert_all(
        [
            {"id": 8, "name": "吴一", "village_id": 3, "role": "群众", "household": "F"},
            {"id": 9, "name": "周十", "village_id": 3, "role": "党员", "household": "G"},
        ]
    )
    db["adoptions"].insert(
        {"planting_id": 1, "village_id": 1, "trees": 1, "first_tree": 2, "person_id": 8, "adopted_at": MARCH}
    )
    db["attendance"].insert({"event_id": 1, "person_id": 9, "how": "village", "checked_in_at": MARCH, "present": 1})
    return village


def test_village_rule_a_household_covered_by_adoption_alone_counts_once(hamlet):
    db, config = hamlet.db, hamlet.config
    got = [progress.village_progress(db, config, 3), progress.all_villages_progress(db, config)[2]]
    assert [(v.households_covered, v.households_total) for v in got] == [(1, 2), (1, 2)]


def test_village_rule_a_party_member_who_only_attended_counts_once(hamlet):
    db, config = hamlet.db, hamlet.config
    got = [progress.village_progress(db, config, 3), progress.all_villages_progress(db, config)[2]]
    assert [(v.party_members_active, v.party_members) for v in got] == [(1, 1), (1, 1)]


def test_village_rule_without_a_household_target_an_adoption_adds_no_household(village):
    """Target 0: every household of the roster is covered (A to D; 埔心村 says it has 5), none again by D's adoption."""
    config = village.config.with_overrides({"campaign.targets.household_trees": 0})
    v = progress.village_progress(village.db, config, 1)
    assert (v.households_covered, v.households_total) == (4, 5)


def test_village_rule_a_plot_waiting_for_review_is_claimed_area(village):
    plant(village.db, 3, 1, 20, "plot", 0.5, "pending")
    v = progress.village_progress(village.db, village.config, 1)
    assert (v.pending_area_mu, v.pending_value, v.claimed_value) == (0.5, 0.5, 1.75)


def test_village_rule_the_latest_holes_count_stands(village):
    village.db["milestones"].insert_all(
        [
            {"village_id": 1, "milestone": "holes", "count": n, "person_id": 3, "reported_at": at}
            for n, at in ((80, MARCH), (120, APRIL))
        ]
    )
    db, config = village.db, village.config
    assert [progress.village_progress(db, config, 1, until).holes for until in (END_OF_MARCH, None)] == [80, 120]
    assert progress.all_villages_progress(db, config)[0].holes == 120


def test_village_rule_the_schedule_goal_is_the_share_of_households_rounded_up(village):
    config = village.config.with_overrides({"pledges.schedule_share": 0.5})
    assert progress.village_progress(village.db, config, 1).schedule_goal == 3  # 5 households × 0.5 = 2.5


def test_village_rule_survival_counts_the_checks_made_by_then(village):
    village.db["survival_checks"].insert({"planting_id": 1, "due_days": 30, "result": "alive", "checked_at": APRIL})
    db, config = village.db, village.config
    for until, checked in ((END_OF_MARCH, 0), (None, 1)):
        got = [progress.village_progress(db, config, 1, until), progress.all_villages_progress(db, config, until)[0]]
        assert [(v.survival_checked, v.survival_alive) for v in got] == [(checked, checked)] * 2
