"""A cadre's help (round 53, found by the lead as a village secretary in the simulator: a cadre's own commands were
in no help): 帮助 from a 村书记 or 村干部 adds their commands after the villagers', and each works as the help writes it,
through signed pushes; a villager and a party member get the one help."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_planting import photo


@pytest.fixture(autouse=True)
def _a_march_morning(clock):
    clock.set("2027-03-06T10:00")


@pytest.mark.parametrize("role", ["村书记", "村干部"])
def test_a_cadres_help_names_their_commands_and_each_works_as_written(person, bot, standin, clock, role):
    cadre = person("o-cadre", "王书记", role)
    reply = cadre.says("帮助").strip()
    assert reply.startswith(bot.t("core.help").strip()) and reply.endswith(bot.t("core.help_cadre").strip())
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    assert "为张三代种2棵龙眼" in cadre.says("代种 张三 2棵龙眼")
    assert "张三" in cadre.sends_photo("m-1")
    clock.advance(minutes=5)
    assert "照片" in cadre.says("党建林 2亩 120棵 香樟")
    cadre.sends_photo("m-2")
    records = rows_of(bot, "SELECT kind, site, count, species, status FROM plantings ORDER BY id")
    assert [(r["site"], r["count"], r["species"], r["status"]) for r in records] == [
        (None, 2, "龙眼", "complete"),
        ("党建林", 120, "香樟", "complete"),
    ]
    clock.advance(minutes=5)
    assert "张三" in cadre.says("认领 张三 2棵龙眼")
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM pledges")[0]["n"] == 1
    assert "位置" in cadre.says("活动 村口植树 9点到12点")
    assert "户" in cadre.says("未种名单")
    assert "认领安排" in cadre.says("未认领名单")  # round 54
    assert "没有待回答" in cadre.says("待办")  # round 100: the village's questions (答: test_escalation_route100.py)


@pytest.mark.parametrize("role", ["群众", "党员"])
def test_a_villager_gets_the_one_help(person, bot, role):
    assert person("o-someone", "李四", role).says("帮助").strip() == bot.t("core.help").strip()
