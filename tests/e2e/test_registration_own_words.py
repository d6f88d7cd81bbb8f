"""Round 54 (the lead, in the simulator). One's own village or name sent again after registering, through the signed webhook (round 54, the lead in the
simulator: a new follower who registered by name then sent `埔心`, the village the welcome had asked about, and it
became a question for the adviser): already registered, never a ticket; anyone else's village or name goes on."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of


@pytest.mark.parametrize("said", ["埔心", "埔心村", "李秀英", "埔心村。"])
def test_own_village_or_name_again_is_already_registered(person, bot, said):
    villager = person("o-li", "李秀英")
    assert villager.says(said) == "您已经登记过了：李秀英，埔心村，身份：群众。"
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM tickets")[0]["n"] == 0


def test_a_new_follower_registering_then_sending_the_village(village, villager_factory, bot):  # noqa: ARG001
    newcomer = villager_factory("o-new")
    newcomer.follows()
    assert "登记好了：黄秋菊，埔心村" in newcomer.says("我叫黄秋菊 埔心村")
    assert newcomer.says("埔心") == "您已经登记过了：黄秋菊，埔心村，身份：群众。"


@pytest.mark.parametrize("said", ["沥林村", "张三", "埔心村种咩树好"])
def test_other_words_go_on(person, bot, said):
    villager = person("o-li", "李秀英")
    assert "已经登记过了" not in (villager.says(said) or "")


# the wish to leave or to have one's registration deleted ('我想注销' had become a question for the adviser, '我唔想参加啦'
# its 补充): how to stop the reminders, and who deletes a registration; never a ticket, nothing changed
@pytest.mark.parametrize("said", ["我想注销", "删除我的资料", "我唔想参加啦", "我不参加了", "解绑微信"])
def test_leaving_is_told_how_never_a_ticket(person, bot, said):
    villager = person("o-li", "李秀英")
    assert villager.says(said) == bot.t("registration.leave").strip()
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM tickets")[0]["n"] == 0
    assert rows_of(bot, "SELECT openid FROM people WHERE name = '李秀英'")[0]["openid"] == "o-li"


@pytest.mark.parametrize("said", ["明天的活动我不参加了", "删除记录"])
def test_a_day_declined_or_a_record_is_not_leaving(person, bot, said):
    villager = person("o-li", "李秀英")
    assert (villager.says(said) or "") != bot.t("registration.leave").strip()
