"""sim69, through the signed webhook on a real SQLite file: a second planting season lived in the simulator by an
elderly villager by voice whose son registers for him, a cadre, an adviser and a party member."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_planting import photo, planting_rows, registered, village  # noqa: F401 - fixtures

ASK_TREE = "请再发树种和棵数，如“3棵桂花”。"


def _tickets(bot):
    return rows_of(bot, "SELECT id FROM tickets")


# sim69: '阿妈嗰棵点算' (what now with Mum's one) sent while the record of 1棵桂花 waits for its photo became a ticket
# for the adviser; a tree pointed at ('那棵', '嗰两棵', a relative's) and how to go on, with nothing wrong told, is asked
# of the record waiting: its next step. Held-out controls (not tuned on): other kin, other measure, other how-words.
POINTED_GO_ON = [
    "阿妈嗰棵点算",
    "我妈那棵怎么办",
    "阿爸嗰棵点搞",
    "老妈那棵树要怎么弄",
    "嗰棵点算呀",
    "这棵怎么弄呢",
    "阿婆嗰棵树点算好",
    "我老公那棵呢 怎么搞",
]


@pytest.mark.parametrize("said", POINTED_GO_ON)
def test_a_tree_pointed_at_and_how_to_go_on_gets_the_records_next_step(registered, bot, said):
    villager = registered("o-sim69-1", "陈桂秀")
    assert villager.says("1棵桂花") == "记下了：1棵桂花。请再发一张种好的树的照片📷"
    assert villager.says(said) == "记下了：1棵桂花。请再发一张种好的树的照片📷"
    assert _tickets(bot) == []
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [("桂花", 1, "pending")]


@pytest.mark.parametrize("said", ["阿妈嗰棵黄咗叶点算", "阿妈嗰棵死咗点算", "我妈那棵叶子有虫怎么办"])
def test_a_trouble_told_of_the_tree_pointed_at_is_still_a_question(registered, bot, said):
    """Near-misses: something wrong told of the tree is the adviser's (or the FAQ's), not the record's next step."""
    villager = registered("o-sim69-2", "陈桂秀")
    villager.says("1棵桂花")
    assert "请再发一张种好的树的照片" not in villager.says(said)


def test_a_tree_pointed_at_with_no_record_waiting_is_not_the_planting_help(registered, bot):
    villager = registered("o-sim69-3", "陈桂秀")
    assert "记下了" not in villager.says("阿妈嗰棵点算")
    assert planting_rows(bot) == []


# sim69: an elderly villager by voice; after the photo the bot asks for the tree and the count, and the voice that
# answers is one WeChat could not read (empty Recognition): it became a ticket with the audio. While a record waits
# for words (its tree, its count), an unreadable voice is that answer unheard: asked again, no ticket.
def test_an_unheard_voice_while_a_record_waits_for_its_tree_asks_again(registered, bot, standin):
    elder = registered("o-sim69-4", "陈伯")
    standin.add_media("m-1", photo(1))
    assert elder.sends_photo("m-1") == "照片收到（1张）。" + ASK_TREE
    reply = elder.sends_voice("v-1")
    assert "没听清" in reply and "树种和棵数" in reply
    assert _tickets(bot) == []
    assert "已记录第1号：2棵龙眼" in elder.sends_voice("v-2", "两棵龙眼。")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [("龙眼", 2, "complete")]


def test_an_unheard_voice_while_a_record_waits_for_its_count_asks_the_count(registered, bot, standin):
    """Held-out: the count asked ('桂花种了几棵'), the voice unheard: the count asked again."""
    elder = registered("o-sim69-5", "陈伯")
    standin.add_media("m-1", photo(1))
    elder.sends_photo("m-1")
    assert "几棵" in elder.sends_voice("v-1", "桂花。")
    reply = elder.sends_voice("v-2")
    assert "没听清" in reply and "几棵" in reply
    assert _tickets(bot) == []


def test_an_unheard_voice_while_a_record_waits_only_for_its_photo_is_still_a_ticket(registered, bot):
    """Near-miss: a record that waits for its photo is not answered by a voice: the voice may be a question."""
    elder = registered("o-sim69-6", "陈伯")
    elder.sends_voice("v-1", "三棵龙眼。")
    assert "问题编号" in elder.sends_voice("v-2")
    assert len(_tickets(bot)) == 1


# sim69: after a photo, a grumble ('你乜都唔识') got the greeting's small talk ('😊 我是绿美植树助手…'), which says
# nothing of the photo waiting for its tree. A kind short line: sorry, what the record needs, how to reach a person.
@pytest.mark.parametrize("said", ["你乜都唔识", "你什么都不懂", "你真系蠢", "咩都唔识"])
def test_a_grumble_after_a_photo_is_an_apology_and_the_records_next_step(registered, bot, standin, said):
    villager = registered("o-sim69-7", "陈桂秀")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    reply = villager.says(said)
    assert reply.startswith("对不起") and ASK_TREE in reply and "问专家" in reply
    assert len(reply.splitlines()) <= 3
    assert _tickets(bot) == []
    assert [(r["species"], r["status"]) for r in planting_rows(bot)] == [(None, "pending")]
