"""未认领名单 through the real webhook (round 54, the lead in the simulator: a cadre's `我想睇下边几户未认领` had become a
ticket for the adviser): the village's roster households not on its 植树安排表 yet (seed 002 row 5: no pledge standing
and no verified tree, as the 通报's schedule counts them), for its cadres only."""

from __future__ import annotations

from bot import progress
from bot.db import transaction
from tests.e2e.test_progress import roster, secretary  # noqa: F401 (the roster and its bound secretary)


def test_a_cadre_gets_the_households_with_no_pledge_and_no_tree_by_name(bot, roster, secretary, clock):  # noqa: F811
    """张三's household (A) has verified trees: on the schedule. 王书记's (B) has only a pending record and a plot, 赵五
    (no household: one alone) nothing: both named, then each leaves the list with a pledge."""
    clock.set("2027-03-10T10:00")
    with transaction(roster):
        roster["people"].insert({"id": 5, "name": "赵五", "village_id": 1, "role": "群众"})
    expected = [
        "埔心村还有2户没有认领安排（没认领，也还没种）：",
        "王书记、赵五",
        "帮一户登记认领：发“认领 姓名 2棵荔枝”。",
    ]
    for asked in ("未认领名单", "我想睇下边几户未认领", "仲有几多户未认领", "还有谁家没认领", "植树安排表还差哪几户"):
        assert secretary.says(asked).splitlines() == expected, asked
    assert progress.left_to_pledge(roster, bot.config, 1) == ("王书记", "赵五")
    assert "认领" in secretary.says("认领 赵五 2棵龙眼")
    assert secretary.says("未认领名单").splitlines()[:2] == [
        "埔心村还有1户没有认领安排（没认领，也还没种）：",
        "王书记",
    ]
    secretary.says("认领 2棵荔枝")
    assert secretary.says("未认领名单") == "埔心村名册上的户都有认领安排了 ✅"
    secretary.says("取消认领")  # a pledge cancelled: the household is on the list again
    assert secretary.says("未认领名单").splitlines()[1] == "王书记"


def test_others_get_no_names_and_zones_or_trees_unclaimed_are_not_this_list(roster, villager, secretary, clock):  # noqa: F811
    clock.set("2027-03-10T10:00")
    assert villager.says("未认领名单") == "未认领名单是给村干部看的。您家自己认领，发“认领 2棵荔枝”。"
    assert "王书记" not in villager.says("边几户未认领")
    for other in ("哪些责任区没人认领", "哪几棵树还没人认领", "未种名单"):
        assert "没有认领安排" not in secretary.says(other), other
