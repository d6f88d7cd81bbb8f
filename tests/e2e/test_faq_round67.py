"""FAQ round 67 (set BB, voice), end to end through signed pushes to the real /wechat route: a small yard said as 个院
gets the small yard's fruit list, no ticket; 是非 dictated for 施肥 beside a tree is that tree's fertilizing, 狮子 for
柿子 that tree's planting time; 村里的是非 stays right and wrong (never a fertilizing answer)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import ticket_count


def test_a_small_yard_said_as_ge_yuan_gets_the_small_yard_s_fruit_list(villager, bot):
    add_roster(bot)
    question = "我屋企个院好细种棵咩果树"
    result = bot.service("faq", load_faq_index).match(question)
    assert result.entry_id == "recommend.庭院+吃果+small", result
    reply = villager.says(question)
    assert reply == result.answer_text
    assert "小院子" in reply and "能吃果子的" in reply, reply
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    ("question", "entry_id", "spelt_right"),
    [
        ("龙眼几时是非好", "species.龙眼.fertilizer", "龙眼几时施肥好"),
        ("狮子几时种", "species.柿.time", "柿子几时种"),
    ],
)
def test_a_voice_homophone_beside_a_tree_is_answered_as_meant(villager, bot, question, entry_id, spelt_right):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    result = index.match(question)
    assert result.entry_id == entry_id, result
    assert index.match(spelt_right).answer_text == result.answer_text
    assert villager.says(question) == result.answer_text
    assert ticket_count(bot) == 0


def test_right_and_wrong_stays_itself(villager, bot):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    fertilizing = index.match("龙眼几时施肥好").answer_text
    reply = villager.says("村里的是非我不想管")
    assert fertilizing.strip().splitlines()[0] not in reply, reply
