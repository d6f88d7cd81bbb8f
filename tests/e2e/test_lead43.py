"""The lead, forty-third session: set 21s's misses and what the simulator showed, each test run on main first and
failing."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    probe,
)


def _openid(probe) -> str:  # noqa: F811
    return f"o-probe-{probe.count}"


# -- never mind, then why it is not due, said by voice in one breath with no pause: the record in progress cancelled ------
# (set 21s: '算了唔记喇荔枝未种好', '两棵荔枝 || 嗯算了先不报了还没种好' had become a ticket and the FAQ's how-to-correct)
@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("pending", "算了唔记喇荔枝未种好"),
        ("twice", "两棵荔枝 || 嗯算了先不报了还没种好"),
        # held out, written before the change
        ("pending", "算了先不记了树还没种下去"),
        ("pending", "嗯算啦唔报住苗都未买"),
        ("pending", "罢了罢了还没种好呢"),
        ("twice", "三棵龙眼 || 算数啦未种好先"),
    ],
)
def test_never_mind_then_not_yet_in_one_breath_cancels_the_record_in_progress(probe, context, message):  # noqa: F811
    assert probe.run(context, message, "cancel") == ""
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [_openid(probe)]) == [{"status": "cancelled"}]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        # controls: never mind before what is no put-off is no retraction
        ("pending", "算了两棵就两棵吧", "planting"),
    ],
)
def test_never_mind_before_what_is_no_put_off_is_no_retraction(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- a relative's trees told, then whether they count for the sender: the household's answer, never a record nor the
# tree's card (the simulator: '我阿妈嗰边都种咗两棵龙眼 算唔算我嘅' had started a record of 2 龙眼 with the 龙眼 card after it;
# '我老婆种了三棵桂花能算我的吗' got the 桂花 card)
@pytest.mark.parametrize(
    "message",
    [
        "我阿妈嗰边都种咗两棵龙眼 算唔算我嘅",
        "我老婆种了三棵桂花能算我的吗",
        # held out, written before the change
        "老公今日种咗一棵黄皮 计唔计我嘅",
        "我儿子在家种了两棵荔枝算不算我们家的",
        "阿爸种了四棵龙眼 算我名下吗",
        "屋企人种嘅树算唔算我份",
    ],
)
def test_a_relatives_trees_asked_whether_they_count_for_the_sender_get_the_households_answer(probe, message):  # noqa: F811
    assert probe.run("member", message, "question") == ""
    openid = _openid(probe)
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    assert "算您这一户的" in reply
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []
