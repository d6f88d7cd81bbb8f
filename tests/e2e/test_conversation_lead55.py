"""The lead, fifty-fifth session (issue 17 §5), in the simulator and then through signed pushes:

- a relative who wishes to register, said to have no phone (`我老婆也想登记 她没有微信`), had become a ticket for the
  adviser: it is how each registers (registration.for_another: one WeChat is one person, the household's trees on the
  sender's, 代种 for one without a phone), nobody bound, no ticket;
- a relative's trees told, then whether they count for the relative (`我阿妈种咗两棵树 佢有冇份`, `我老公种了三棵桂花算不算
  他的`) had started a record of a tree called 阿妈 (or 桂花算不算他): it is the household's question (the FAQ's
  bot.proxy), as `…算唔算我嘅` is; and a relative's word is never taken for a tree's name."""

from __future__ import annotations

import pytest

from bot import nlu


@pytest.fixture
def chen(person):
    return person("o-chen", "陈大伯", "群众", household="1组2号")


def _tickets(bot) -> int:
    return next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"]


def _plantings(bot) -> int:
    return next(bot.db.query("SELECT COUNT(*) AS n FROM plantings"))["n"]


@pytest.mark.parametrize(
    "text",
    ["我老婆也想登记 她没有微信", "我阿爸都想登记 佢冇手机", "我老公也要注册 他没有智能手机", "阿婆想登记 佢冇微信"],
)
def test_a_relative_without_a_phone_wishing_to_register_is_told_how_each_registers(bot, chen, text):
    reply = chen.says(text)
    assert "一个微信只登记一个人" in reply and "代种" in reply, reply
    assert _tickets(bot) == 0


@pytest.mark.parametrize(
    "text", ["我阿妈种咗两棵树 佢有冇份", "我老公种了三棵桂花算不算他的", "阿爸种咗一棵龙眼 计唔计佢嘅"]
)
def test_a_relatives_trees_counted_for_them_asked_is_the_households_answer(bot, chen, text):
    reply = chen.says(text)
    assert "这一户" in reply and "没认出" not in reply, reply
    assert _plantings(bot) == 0 and _tickets(bot) == 0


def test_a_relatives_word_is_never_a_trees_name():
    assert nlu.extract_unknown_species("我阿妈种咗两棵") is None
    assert nlu.extract_unknown_species("老公种了3棵") is None
    assert nlu.extract_unknown_species("种了3棵芒果") == "芒果"  # control: a tree off the list kept


def test_controls_a_relatives_trees_with_a_photo_to_come_and_ones_own_registration(bot, chen, villager_factory):
    assert "照片" in chen.says("帮阿妈种了两棵龙眼")  # the household's record, its photo asked
    assert _plantings(bot) == 1
    reply = villager_factory("o-new-55").says("我老婆也想登记")  # no phone said: as before, no ticket
    assert _tickets(bot) == 0, reply
