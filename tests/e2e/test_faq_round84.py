"""FAQ round 84 end to end (issue 17 §1, §3), through signed pushes to the real /wechat route and a real SQLite file:
what the villager reads and what is recorded for set BN's classes (the classes themselves: tests/unit/test_faq_round84.py)."""

from __future__ import annotations

import re

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket


def tickets(bot) -> list:
    return list(bot.db.query("SELECT * FROM tickets ORDER BY id"))


def test_a_slope_starting_to_slide_gets_the_landslide_line_first_and_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("种树的时候下暴雨，山上的泥开始滑")
    first = reply.strip().splitlines()[0]
    assert first.startswith("⚠") and "离开坡下" in first, reply
    number = int(re.search(r"问题编号：(\d+)", reply).group(1))
    assert reply.index("⚠") < reply.index("问题编号")
    assert ticket(bot, number)["question"] == "种树的时候下暴雨，山上的泥开始滑"


@pytest.mark.parametrize(
    "question",
    [
        "我想种十棵沉香卖钱，你觉得值不值",  # one's own plan: worth it?
        "半夜有人来偷砍我家的沉香树",  # a theft told
        "说好的种树那天有午饭，结果什么都没有",  # a promise not kept
        "我的积分没加上",  # one's points not credited
    ],
)
def test_a_family_s_matter_goes_to_a_person_not_an_entry(villager, bot, question):
    add_roster(bot)
    reply = villager.says(question)
    assert "问题编号" in reply, reply
    assert [row["question"] for row in tickets(bot)] == [question]
    faq = bot.service("faq", load_faq_index)  # the entry main answered with does not open the reply
    for wrong in ("tech.agarwood", "camp.local_arrangements", "camp.points_rewards"):
        first = faq.entry(wrong).answer.strip().splitlines()[0]
        assert not reply.startswith(first), (wrong, reply)


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("两年的樟树还能挪地方吗", "土球"),  # tech.move_tree: dig with a root ball
        ("种树要准备哪些工具", "十字镐"),  # tech.tools (main: the day's arrangements)
    ],
)
def test_a_tree_to_move_and_the_tools_are_answered_with_no_ticket(villager, bot, question, words):
    add_roster(bot)
    reply = villager.says(question)
    assert words in reply, reply
    assert "问题编号" not in reply
    assert tickets(bot) == []
