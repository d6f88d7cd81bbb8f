"""Progress figures on a hand-built roster: exact values for person, household, village, town, series."""

from __future__ import annotations

import pytest

from bot import config as config_mod
from bot import progress
from bot.app import build_registry, create_context
from bot.db import connect, migrate
from tests.conftest import ROOT

MARCH = "2027-03-10T02:00:00"
APRIL = "2027-04-02T02:00:00"


@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "p.db")
    migrate(db, build_registry().stores)
    db["villages"].insert_all(
        [
            {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇", "households": 4},
            {"id": 2, "name": "东平社区", "kind": "社区", "town": "横沥镇"},
            {"id": 3, "name": "石湖村", "kind": "村", "town": "潼湖镇"},
        ]
    )
    db["people"].insert_all(
        [
            {"id": 1, "name": "张三", "village_id": 1, "role": "群众", "household": "A"},
            {"id": 2, "name": "李四", "village_id": 1, "role": "党员", "household": "A", "birth_year": 1970},
            {"id": 3, "name": "王五", "village_id": 1, "role": "村书记", "household": "B", "birth_year": 1960},
            {"id": 4, "name": "赵六", "village_id": 1, "role": "党员", "birth_year": 1990},
            {"id": 5, "name": "钱顾问", "village_id": 1, "role": "技术顾问"},
            {"id": 6, "name": "陈七", "village_id": 2, "role": "群众"},
        ]
    )

    def plant(
        pid,
        person,
        village,
        count,
        *,
        kind="tree",
        area=None,
        site=None,
        status="complete",
        review="none",
        flags="",
        at=MARCH,
    ):
        db["plantings"].insert(
            {
                "id": pid,
                "openid": f"o{person}",
                "person_id": person,
                "village_id": village,
                "kind": kind,
                "count": count,
                "area_mu": area,
                "site": site,
                "species": "桂花",
                "status": status,
                "review": review,
                "flags": flags,
                "created_at": at,
                "completed_at": at if status == "complete" else None,
            }
        )

    plant(1, 1, 1, 3)
    plant(2, 2, 1, 1, review="approved", flags="unknown_species")
    plant(3, 3, 1, 60, kind="plot", area=1.5, site="党建林")
    plant(4, 3, 1, 2, review="pending", flags="old_photo")
    plant(5, 1, 1, 5, review="rejected", flags="duplicate_photo")
    plant(6, 4, 1, 7, status="pending")
    plant(7, 2, 1, 10, site="示范点", at=APRIL)  # a planting record tagged 示范点: trees, not a site
    for milestone_id, (status, reported_at) in enumerate(
        (("confirmed", APRIL), ("reported", MARCH), ("undone", MARCH)), start=1
    ):
        db["milestones"].insert(
            {
                "id": milestone_id,
                "village_id": 1,
                "milestone": "demo_site",
                "name": f"示范点{milestone_id}",
                "person_id": 3,
                "reported_at": reported_at,
                "status": status,
            }
        )
    plant(8, 6, 2, 40)
    plant(9, 6, 2, 4, review="pending", flags="far_from_village")
    db["survival_checks"].insert_all(
        [
            {"planting_id": 1, "due_days": 30, "result": "alive", "checked_at": "2027-04-09T01:00:00"},
            {"planting_id": 1, "due_days": 90, "result": "dead", "checked_at": "2027-06-09T01:00:00"},
            {"planting_id": 2, "due_days": 30, "result": "alive", "checked_at": "2027-04-09T01:00:00"},
            {"planting_id": 3, "due_days": 30, "result": "unknown", "checked_at": "2027-04-09T01:00:00"},
            {"planting_id": 5, "due_days": 30, "result": "alive", "checked_at": "2027-04-09T01:00:00"},
        ]
    )
    yield db
    db.conn.close()


def test_person_counts_own_verified_tree_records_against_role_quota(db, config):
    zhang, li, wang = (progress.person_progress(db, config, i) for i in (1, 2, 3))
    assert (zhang.trees, zhang.records, zhang.quota, zhang.done) == (3, 1, 0, True)
    assert (li.trees, li.records, li.quota, li.done) == (11, 2, 1, True)
    # the plot counts as a record (participation), not as personal trees; the flagged one waits
    assert (wang.trees, wang.records, wang.pending_trees, wang.pending_records) == (0, 1, 2, 1)
    assert (wang.quota, wang.left, wang.done) == (3, 3, False)
    assert progress.person_progress(db, config, 99) is None


def test_household_sums_its_members_and_a_person_without_household_is_alone(db, config):
    home = progress.household_progress(db, config, 1)
    assert (home.household, home.member_ids, home.trees, home.target, home.done) == ("A", (1, 2), 14, 1, True)
    alone = progress.household_progress(db, config, 4)
    assert (alone.household, alone.member_ids, alone.trees, alone.done) == (None, (4,), 0, False)


def test_village_in_mu_with_demo_sites_households_party_and_survival(db, config):
    v = progress.village_progress(db, config, 1)
    assert (v.kind, v.unit, v.target, v.done_value, v.completion) == ("村", "亩", 2.0, 1.5, 0.75)
    assert (v.trees, v.records, v.pending_records, v.pending_value) == (74, 4, 1, 0.0)
    assert (v.demo_sites, v.demo_sites_reported, v.demo_sites_target) == (1, 2, 1)  # confirmed milestones
    # households A (14 trees), B (0) and 赵六 alone (0); the roster says 4 households
    assert (v.households_covered, v.households_total) == (1, 4)
    # 李四 (57) and 赵六 (37) count, 王五 (67) is over the age limit; only 李四 took part
    assert (v.party_members, v.party_members_active) == (2, 1)
    # record 1 latest check dead, record 2 alive; 'unknown' and the rejected record do not count
    assert (v.survival_checked, v.survival_alive, v.survival_rate) == (2, 1, 0.5)
    assert (v.flagged, v.rejected) == (3, 1)


def test_community_in_trees(db, config):
    v = progress.village_progress(db, config, 2)
    assert (v.unit, v.target, v.done_value, v.pending_value, v.demo_sites_target) == ("棵", 150.0, 40, 4, 0)
    assert (v.households_total, v.households_covered, v.survival_rate) == (1, 1, None)
    assert v.completion == pytest.approx(40 / 150)


def test_until_cuts_records_completed_later(db, config):
    v = progress.village_progress(db, config, 1, until="2027-03-31T15:59:59")
    assert (v.trees, v.demo_sites, v.demo_sites_reported) == (64, 0, 1)
    assert v.survival_checked == 0
    assert progress.person_progress(db, config, 2, until="2027-03-31T15:59:59").trees == 1


def test_all_villages_equal_single_village_figures(db, config):
    everything = progress.all_villages_progress(db, config)
    assert [v.village_id for v in everything] == [1, 2, 3]
    assert everything[0] == progress.village_progress(db, config, 1)
    assert everything[1] == progress.village_progress(db, config, 2)
    empty = everything[2]
    assert (empty.done_value, empty.completion, empty.households_total) == (0.0, 0.0, 0)


def test_towns_and_overall(db, config):
    villages = progress.all_villages_progress(db, config)
    towns = {t.name: t for t in progress.towns_progress(villages)}
    assert set(towns) == {"横沥镇", "潼湖镇"}
    assert (towns["横沥镇"].villages, towns["横沥镇"].trees) == (2, 114)
    assert towns["横沥镇"].mean_completion == pytest.approx((0.75 + 40 / 150) / 2)
    overall = progress.overall_progress(villages)
    assert (overall.villages, overall.trees, overall.area_mu, overall.flagged, overall.rejected) == (3, 114, 1.5, 4, 1)


def test_daily_series_by_local_day_with_running_total(db, config):
    points = progress.daily_series(db, config)
    assert [(p.day, p.trees, p.records, p.cumulative_trees) for p in points] == [
        ("2027-03-10", 104, 4, 104),
        ("2027-04-02", 10, 1, 114),
    ]
    assert [p.trees for p in progress.daily_series(db, config, village_id=2)] == [40]


def test_progress_line_is_one_short_line(db, config, tmp_path):
    person = db["people"].get(3)
    app = create_context(config.with_overrides({"storage.database": str(tmp_path / "p.db")}))  # messages, config
    line = progress.progress_line(app, db, person)
    assert line == "进度：您0/3棵｜本户0/1棵｜埔心村 1.5/2亩（75%）（另有1条待审核）"
    assert "\n" not in line


def add_village_three(db):
    """石湖村: a household C with an adviser in it, a party member alone with an empty household."""
    db["people"].insert_all(
        [
            {"id": 7, "name": "孙八", "village_id": 3, "role": "党员", "household": "C", "openid": "o7"},  # age unknown
            {
                "id": 8,
                "name": "周九",
                "village_id": 3,
                "role": "群众",
                "household": "C",
                "birth_year": 1950,
                "openid": "o8",
            },
            {"id": 9, "name": "吴顾问", "village_id": 3, "role": "技术顾问", "household": "C", "openid": "o9"},
            {"id": 10, "name": "郑十", "village_id": 3, "role": "党员", "household": "", "birth_year": 1950},
        ]
    )
    for pid, person, count in ((20, 8, 1), (21, 9, 5)):
        db["plantings"].insert(
            {
                "id": pid,
                "openid": f"o{person}",
                "person_id": person,
                "village_id": 3,
                "kind": "tree",
                "count": count,
                "species": "桂花",
                "status": "complete",
                "review": "none",
                "flags": "",
                "created_at": MARCH,
                "completed_at": MARCH,
            }
        )


def test_advisers_belong_to_no_household_and_an_empty_household_is_none(db, config):
    add_village_three(db)
    # the adviser's 5 trees do not cover household C; he is a household alone, without a target
    home = progress.household_progress(db, config, 7)
    assert (home.household, home.member_ids, home.trees) == ("C", (7, 8), 1)
    adviser = progress.household_progress(db, config, 9)
    assert (adviser.household, adviser.member_ids, adviser.trees) == (None, (9,), 5)
    alone = progress.household_progress(db, config, 10)
    assert (alone.household, alone.member_ids) == (None, (10,))
    v = progress.village_progress(db, config, 3)
    # households C and 郑十 (the adviser is in none); 孙八 counts as a party member, 郑十 (77) does not
    assert (v.households_total, v.households_covered, v.party_members, v.party_members_active) == (2, 1, 1, 0)
    assert progress.all_villages_progress(db, config)[2] == v


def test_people_left_to_do_gives_what_person_and_household_progress_say(db, config):
    add_village_three(db)
    rows = {r["person_id"]: r for r in progress.people_left_to_do(db, config)}
    assert set(rows) == set(range(1, 11))
    for person_id, row in rows.items():
        me = progress.person_progress(db, config, person_id)
        home = progress.household_progress(db, config, person_id)
        assert (row["quota"], row["trees"], row["records"], row["active"]) == (
            me.quota,
            me.trees,
            me.records,
            int(me.records > 0),
        ), row
        assert row["household_trees"] == home.trees, row
        rules = progress.person_rules(config, db["people"].get(person_id))
        assert {k: row[k] for k in rules} == {**rules, "party_member_to_count": int(rules["party_member_to_count"])}
    assert [(rows[i]["household_target"], rows[i]["party_member_to_count"]) for i in (5, 7, 9, 10)] == [
        (0, 0),
        (1, 1),
        (0, 0),
        (1, 0),
    ]
    assert rows[7]["household_trees"] == 1 and rows[9]["household_trees"] == 5
    # filters: some people, a village, a WeChat user; until cuts later records
    assert [r["person_id"] for r in progress.people_left_to_do(db, config, person_ids=[2, 8])] == [2, 8]
    assert [r["person_id"] for r in progress.people_left_to_do(db, config, village_id=3)] == [7, 8, 9, 10]
    [li] = progress.people_left_to_do(db, config, person_ids=[2], until="2027-03-31T15:59:59")
    assert (li["trees"], li["household_trees"]) == (1, 4)
    assert [r["household_trees"] for r in progress.people_left_to_do(db, config, openid="o7")] == [1]


def test_people_left_to_do_followers_only(db, config):
    add_village_three(db)
    db["users"].insert_all(
        [
            {"openid": "o7", "subscribed": 1, "reminders_off": 0},
            {"openid": "o8", "subscribed": 1, "reminders_off": 1},  # 退订
            {"openid": "o9", "subscribed": 0, "reminders_off": 0},
        ]
    )  # unfollowed
    assert [r["openid"] for r in progress.people_left_to_do(db, config, followers_only=True)] == ["o7"]


def test_party_members_of_exactly_the_max_age_take_part_in_python_and_in_sql(db, config):
    """Seed 002 says 65周岁以下; 以下 includes the number itself (Civil Code art. 1259): 65 takes part, 66 not."""
    max_age, year = config.get("campaign.participation.party_member_max_age"), config.get("campaign.year")
    db["people"].insert_all(
        [
            {"id": 11, "name": "老党员甲", "village_id": 3, "role": "党员", "birth_year": year - max_age},
            {"id": 12, "name": "老党员乙", "village_id": 3, "role": "党员", "birth_year": year - max_age - 1},
        ]
    )
    rows = {r["person_id"]: r for r in progress.people_left_to_do(db, config, person_ids=[11, 12])}
    for person_id, expected in ((11, True), (12, False)):
        assert progress.person_rules(config, db["people"].get(person_id))["party_member_to_count"] is expected
        assert rows[person_id]["party_member_to_count"] == int(expected)
