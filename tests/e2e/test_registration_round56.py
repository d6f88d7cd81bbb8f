"""Round 56 (the lead, in the simulator): a relative setting up WeChat for an old person.

A daughter-in-law scanned the village's QR code on her father-in-law's phone and, asked for the name, wrote
`我系陈伯嘅新抱 帮佢整` (I am 陈伯's daughter-in-law, setting it up for him): it became a ticket for the adviser, and
his name sent next (`佢叫陈大伯`) its 补充. Acting for someone, said while the registration waits for a name or by a
follower not registered yet (`帮我阿妈登记`), gets how to register for an old person (on their phone: their own name;
on one's own WeChat: one's own name, the trees count for the household) and the registration waits for the name; a
name said of a third person (`佢叫…`, `我阿爸叫…`) is the name. A registered villager's `帮我阿妈登记` stays the FAQ's
(how a household member logs, bot.proxy)."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_registration import person_of, roster, village_id  # noqa: F401  (the fixture)

FOR_SOMEONE = ["我系陈伯嘅新抱 帮佢整", "帮我阿爸登记", "我是帮我妈妈注册的", "帮屋企老人家整", "我孙女 帮阿婆弄"]


def tickets_of(bot, openid):
    return rows_of(bot, "SELECT id FROM tickets WHERE openid = ?", [openid])


@pytest.mark.parametrize("said", FOR_SOMEONE)
def test_acting_for_someone_at_the_name_is_told_how_and_the_name_still_waited_for(
    villager,
    roster,
    said,  # noqa: F811
):
    villager.follows(str(village_id(roster, "埔心村")))
    assert villager.says(said) == roster.t("registration.for_someone"), said
    assert tickets_of(roster, villager.openid) == []
    villager.says("佢叫张阿伯")
    assert person_of(roster, villager.openid)["name"] == "张阿伯"
    assert person_of(roster, villager.openid)["village"] == "埔心村"


@pytest.mark.parametrize(
    "name_said", ["佢叫张阿伯", "他叫张阿伯", "我阿爸叫张阿伯", "老人家叫张阿伯", "她的名字叫张阿伯"]
)
def test_a_name_said_of_a_third_person_is_the_name(villager, roster, name_said):  # noqa: F811
    villager.follows(str(village_id(roster, "埔心村")))
    villager.says(name_said)
    assert person_of(roster, villager.openid)["name"] == "张阿伯", name_said


def test_a_follower_not_registered_acting_for_someone_is_told_how(villager, roster):  # noqa: F811
    assert villager.says("帮我阿妈登记") == roster.t("registration.for_someone")
    assert tickets_of(roster, villager.openid) == []
    villager.says("佢叫张阿婆 埔心村")
    assert person_of(roster, villager.openid)["name"] == "张阿婆"


def test_a_registered_villagers_asking_stays_the_faqs(villager, roster):  # noqa: F811
    villager.says("登记 张三 埔心村")
    assert person_of(roster, villager.openid)["name"] == "张三"
    assert villager.says("帮我阿妈登记") != roster.t("registration.for_someone")


@pytest.mark.parametrize("said", ["我系陈伯嘅新抱", "帮佢睇下棵树", "帮我阿妈种咗两棵荔枝"])
def test_other_words_about_relatives_are_no_registration_for_them(villager, roster, said):  # noqa: F811
    villager.follows(str(village_id(roster, "埔心村")))
    assert villager.says(said) != roster.t("registration.for_someone"), said


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("我系村委嘅 登记 刘桃红 埔心村", "刘桃红"),
        ("我是村里的 登记 张阿伯 埔心村", "张阿伯"),
        ("我系党员嘅 注册 陈木兰 埔心村", "陈木兰"),
    ],
)
def test_who_one_is_before_登记_is_no_name(villager, roster, said, name):  # noqa: F811
    """Set 20j (blind, measured at the session's end): `我系村委嘅 登记 刘桃红 埔心村` registered a person named 村委的,
    the self-introduction's reader taking what was before 登记 for the name. What one is (with 的 after it) is never a
    name, and a 登记 after it is the request: the name after it is registered."""
    villager.says(said)
    person = person_of(roster, villager.openid)
    claim = rows_of(roster, "SELECT claimed_name FROM binding_conflicts WHERE openid = ?", [villager.openid])
    assert (person["name"] if person else claim[0]["claimed_name"] if claim else None) == name, said
