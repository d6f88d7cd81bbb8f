"""The edges of bot.progress's rules (and the rankings of bot.standings built on them): a village exactly at its
target, just under and just over; the cap on completion in town averages; a role without a quota; a party
member at the age limit. Each test is named for the rule it pins (bench/README.md "Mutation testing")."""

from __future__ import annotations

from dataclasses import fields
from datetime import timedelta

import pytest

from bot import config as config_mod
from bot import progress, roster, standings
from bot.progress import HouseholdProgress, PersonProgress, Rules, Totals, VillageProgress
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def config():
    return config_mod.load(ROOT / "config.toml", env={})


def village(village_id=1, name="甲村", done=2.0, target=2.0, demo=1, demo_target=1, town="横沥镇", **totals):
    figures = {f.name: 0 for f in fields(Totals)} | totals
    return VillageProgress(
        **figures,
        village_id=village_id,
        name=name,
        kind="村",
        town=town,
        unit="亩",
        target=target,
        done_value=done,
        pending_value=0.0,
        demo_sites=demo,
        demo_sites_target=demo_target,
    )


# -- a village's completion ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "done,target,completion,complete",
    [(2.0, 2.0, 1.0, True), (1.99, 2.0, 0.995, False), (2.01, 2.0, 1.005, True), (0.0, 2.0, 0.0, False)],
)
def test_completion_rule_exactly_at_target_is_complete(done, target, completion, complete):
    v = village(done=done, target=target)
    assert v.completion == pytest.approx(completion)
    assert v.complete is complete


def test_completion_rule_no_target_is_done():
    assert village(done=0.0, target=0.0).completion == 1.0


@pytest.mark.parametrize("demo,complete", [(0, False), (1, True), (2, True)])
def test_completion_rule_demo_sites_at_their_target_complete_a_village(demo, complete):
    assert village(demo=demo, demo_target=1).complete is complete


def test_completion_rule_claimed_adds_what_waits_for_review():
    v = VillageProgress(**{**village().__dict__, "done_value": 1.5, "pending_value": 0.25})
    assert v.claimed_value == 1.75


# -- towns and the county ------------------------------------------------------------------------------------
def test_town_rule_a_village_exactly_at_target_is_done_and_counts_one():
    area = progress.summarize("横沥镇", [village(1, done=2.0), village(2, done=1.99)])
    assert area.villages == 2 and area.villages_done == 1
    assert area.mean_completion == pytest.approx((1.0 + 0.995) / 2)


def test_town_rule_completion_is_capped_at_one_so_over_achievers_hide_no_laggard():
    area = progress.summarize("横沥镇", [village(1, done=6.0), village(2, done=0.0)])
    assert area.mean_completion == pytest.approx(0.5)  # not (3.0 + 0) / 2


def test_town_rule_no_villages_no_completion():
    area = progress.summarize("空镇", [])
    assert area.villages == 0 and area.villages_done == 0 and area.mean_completion == 0.0 and area.trees == 0


def test_town_rule_totals_add_up_and_villages_without_town_group_together():
    villages = [
        village(1, trees=3, households_total=4, households_covered=1),
        village(2, trees=5, households_total=2, households_covered=2, town="潼湖镇"),
        village(3, trees=7, town=None),
    ]
    towns = {t.name: t for t in progress.towns_progress(villages)}
    assert sorted(towns) == ["未分镇街", "横沥镇", "潼湖镇"]
    assert towns["横沥镇"].trees == 3 and towns["未分镇街"].trees == 7
    overall = progress.overall_progress(villages)
    assert overall.name == "全部" and overall.trees == 15 and overall.household_coverage == pytest.approx(0.5)


# -- shares: nothing to divide by is None -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "name,num,den",
    [
        ("survival_rate", "survival_alive", "survival_checked"),
        ("party_participation", "party_members_active", "party_members"),
        ("household_coverage", "households_covered", "households_total"),
    ],
)
def test_share_rule_a_share_of_nothing_is_none(name, num, den):
    assert getattr(village(**{num: 0, den: 0}), name) is None
    assert getattr(village(**{num: 1, den: 4}), name) == 0.25
    assert getattr(village(**{num: 4, den: 4}), name) == 1.0


def test_share_rule_claimed_is_verified_and_waiting():
    v = village(trees=3, pending_trees=2, area_mu=1.5, pending_area_mu=0.5)
    assert v.claimed_trees == 5 and v.claimed_area_mu == 2.0


# -- people and households ------------------------------------------------------------------------------------
def person(quota, trees):
    return PersonProgress(1, "张三", "党员", 1, quota, trees, 1, 0, 0)


@pytest.mark.parametrize("quota,trees,done,left", [(3, 3, True, 0), (3, 2, False, 1), (3, 4, True, 0), (0, 0, True, 0)])
def test_quota_rule_exactly_the_quota_is_done(quota, trees, done, left):
    assert person(quota, trees).done is done and person(quota, trees).left == left


def test_quota_rule_a_role_without_a_quota_owes_nothing(config):
    assert progress.quota_for(config, "没有这个角色") == 0
    assert progress.quota_for(config, None) == 0
    quotas = config.get("campaign.quotas")
    role, quota = next((r, q) for r, q in quotas.items() if int(q) > 0)
    assert progress.quota_for(config, role) == int(quota)


@pytest.mark.parametrize(
    "trees,adopted,target,counted,done",
    [(1, 0, 1, 1, True), (0, 0, 1, 0, False), (0, 1, 1, 1, True), (2, 5, 3, 2, False), (0, 3, 3, 3, True)],
)
def test_household_rule_own_trees_else_adopted_trees_count_toward_the_target(trees, adopted, target, counted, done):
    h = HouseholdProgress(1, "A", (1,), trees, 0, target, adopted)
    assert h.counted == counted and h.done is done


def test_household_rule_membership_needs_household_village_and_a_household_role():
    base = {"household": "A", "village_id": 1, "role": "群众"}
    assert progress.in_household(base)
    assert not progress.in_household(base | {"household": ""})
    assert not progress.in_household(base | {"village_id": None})
    assert progress.in_household(base | {"village_id": 0})
    for role in roster.NON_HOUSEHOLD_ROLES:
        assert not progress.in_household(base | {"role": role})


def test_household_rule_advisers_and_admins_owe_no_household_tree(config):
    target = int(config.get("campaign.targets.household_trees"))
    assert progress.person_rules(config, {"role": "群众"})["household_target"] == target
    for role in roster.NON_HOUSEHOLD_ROLES:
        assert progress.person_rules(config, {"role": role})["household_target"] == 0


@pytest.mark.parametrize("offset,counted", [(-1, True), (0, True), (1, False)])
def test_party_rule_age_limit_is_included(config, offset, counted):
    rules = Rules.of(config)
    role = rules.party_roles[0]
    born = rules.year - rules.party_max_age - offset
    assert rules.party_member_to_count({"role": role, "birth_year": born}) is counted
    assert rules.party_member_to_count({"role": role, "birth_year": str(born)}) is counted


def test_party_rule_unknown_birth_year_counts_and_other_roles_do_not(config):
    rules = Rules.of(config)
    assert rules.party_member_to_count({"role": rules.party_roles[0], "birth_year": None})
    assert rules.party_member_to_count({"role": rules.party_roles[0]})
    assert not rules.party_member_to_count({"role": "群众", "birth_year": rules.year - 30})


def test_rules_params_hand_the_same_settings_to_sql(config):
    rules = Rules.of(config)
    params = rules.params()
    assert params["household_target"] == rules.household_target
    assert params["party_max_age"] == rules.party_max_age and params["year"] == rules.year
    assert set(params) == {"quotas", "household_target", "non_household_roles", "party_roles", "party_max_age", "year"}


# -- units and words ---------------------------------------------------------------------------------------------
def test_target_rule_villages_in_mu_communities_in_trees(config):
    assert progress.village_target(config, progress.COMMUNITY) == (
        "棵",
        float(config.get("campaign.targets.community_trees")),
    )
    assert progress.village_target(config, progress.VILLAGE) == (
        "亩",
        float(config.get("campaign.targets.village_area_mu")),
    )


@pytest.mark.parametrize("value,text", [(1, "1"), (2.5, "2.5"), (0.333, "0.33"), (0.335, "0.34"), (120.0, "120")])
def test_number_rule_two_decimals_no_trailing_zero(value, text):
    assert progress.number(value) == text


@pytest.mark.parametrize(
    "value,text", [(None, "—"), (0.0, "0%"), (0.994, "99%"), (0.996, "99%"), (1.0, "100%"), (1.5, "150%")]
)
def test_percent_rule_rounded_and_a_dash_for_none(value, text):
    """Rounded, except that a share short of all is never 100% (sim62: 0.996 had shown 100%)."""
    assert progress.percent(value) == text


# -- rankings (bot.standings) ------------------------------------------------------------------------------------
def test_ranking_rule_furthest_along_first_ties_by_name():
    villages = [village(1, "乙村", done=1.0), village(2, "甲村", done=1.0), village(3, "丙村", done=2.0)]
    ties = [i for _, i in sorted([("乙村", 1), ("甲村", 2)])]
    assert [v.village_id for v in standings.ranked(villages)] == [3, *ties]
    completions = [(2, "甲村", 0.5), (1, "乙村", 0.5), (3, "丙村", 1.0)]
    order = sorted(["乙村", "甲村"])
    assert standings.rank_of(3, completions) == 1
    assert standings.rank_of(1, completions) == 2 + order.index("乙村")
    assert standings.rank_of(2, completions) == 2 + order.index("甲村")


def test_standing_rule_before_the_campaign_nothing_is_short(config):
    from bot import schedule

    start = schedule.campaign_start(config)
    v = village(done=0.0)
    before = standings.stand(config, v, start - timedelta(days=1), [], 1, 1)
    assert before.status == schedule.NOT_STARTED and before.short == () and before.streak == 0
    on_the_day = standings.stand(config, v, start, [], 1, 1)
    assert on_the_day.status == schedule.LAGGING and [t.key for t in on_the_day.short] == [schedule.PLAN]
    end = schedule.window(config)[1]
    after = standings.stand(config, v, end, [True], 1, 1)
    assert after.lagging_last_month and after.streak == 2 and not after.can_be_good
    assert after.status == schedule.LAGGING_TWICE and schedule.MAIN in {t.key for t in after.short}
    fresh = standings.stand(config, v, end, [], 1, 1)
    assert not fresh.lagging_last_month and fresh.streak == 1 and fresh.can_be_good and fresh.status == schedule.LAGGING


def test_standing_rule_every_village_is_ranked_of_all(config):
    from bot import schedule

    villages = [village(1, "乙村", done=1.0), village(2, "甲村", done=2.0)]
    day = schedule.window(config)[1]
    found = standings.evaluate(config, villages, day, {1: [True]})
    assert [(s.village.village_id, s.rank, s.of) for s in found] == [(2, 1, 2), (1, 2, 2)]
    assert found[1].lagging_last_month and not found[0].lagging_last_month
    assert standings.stand(config, villages[0], day, [], 3, 7).of == 7
