"""Round 52 (the lead, in the simulator), through signed pushes: the tree of a record just finished, said wrong and
said right by its sender ('头先嗰三棵唔系龙眼系黄皮', '是桂花不是荔枝', '树种报错了 应该是龙眼'), is asked to be changed
and changed on the yes, as a count said wrong is (round 48: the window and checks of 作废). Before, the words started a
new record of the tree denied: '记下了：3棵龙眼。请再发一张种好的树的照片' after a finished record of 3棵龙眼. A question
about a tree ('这是不是荔枝', '不是荔枝是什么树') is no correction."""

from __future__ import annotations

import pytest

from bot import nlu, planting
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)
from tests.e2e.test_conversation_round36 import _finished, _record  # a follower who just finished a record; its row

# written before the reader (0 of 8 read as a correction before it: each started a record or went to the FAQ)
CORRECTIONS = [
    ("头先嗰三棵唔系荔枝系黄皮", "黄皮", 0),
    ("刚才那条记录树种写错了，是桂花不是荔枝", "桂花", 1),
    ("不是荔枝是桂花", "桂花", 1),
    ("树种报错了 应该是龙眼", "龙眼", 1),
    ("头先嗰条改做桂花", "桂花", 1),
    ("刚才那个记成荔枝了其实是杨梅", "杨梅", 1),
    ("打错字 系杨梅唔系荔枝", "杨梅", 1),
    ("帮我改成龙眼", "龙眼", 1),
]
NO_CORRECTION = [
    "这是不是荔枝",
    "是桂花还是荔枝好",
    "不是荔枝是什么树",
    "我种的不是荔枝是龙眼吗",
    "桂花不是要种在高的地方吗",
    "不是说荔枝三月种吗",
    "名字写错了 是李桂英",
    "我屋企唔系种荔枝",
    "不是我种的",
]


@pytest.mark.parametrize(("message", "tree", "known"), CORRECTIONS, ids=[m for m, _, _ in CORRECTIONS])
def test_a_tree_corrected_is_asked_then_changed_on_the_yes(probe, message, tree, known):  # noqa: F811
    villager, openid, planting_id = _finished(probe)
    asked = villager.says(message)
    assert probe.last_handler(openid) == "recount", asked
    assert f"第{planting_id}号" in asked and f"2棵{tree}" in asked and "原来是2棵荔枝" in asked
    assert _record(probe, planting_id)["species"] == "荔枝"  # nothing changed before the yes
    done = villager.says("确定")
    assert probe.last_handler(openid) == "recount_confirm"
    assert f"已改成：2棵{tree}" in done
    record = _record(probe, planting_id)
    assert (record["species"], record["species_known"], record["count"]) == (tree, known, 2)
    assert probe.rows("SELECT COUNT(*) AS n FROM plantings WHERE openid = ?", [openid])[0]["n"] == 1  # no new record
    assert probe.rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [openid])[0]["n"] == 0


def test_the_same_tree_changes_nothing(probe):  # noqa: F811
    villager, openid, _planting_id = _finished(probe)
    assert "不用改" in villager.says("不是龙眼是荔枝")
    assert probe.rows("SELECT COUNT(*) AS n FROM plantings WHERE openid = ?", [openid])[0]["n"] == 1


@pytest.mark.parametrize("message", NO_CORRECTION)
def test_a_question_about_a_tree_is_no_correction(probe, message):  # noqa: F811
    table, others = planting.species_table(probe.bot), planting.offlist_names(probe.bot)
    assert nlu.tree_corrected(message, table, others) is None
    villager, openid, planting_id = _finished(probe)
    villager.says(message)
    assert probe.last_handler(openid) != "recount"
    assert _record(probe, planting_id)["species"] == "荔枝"
