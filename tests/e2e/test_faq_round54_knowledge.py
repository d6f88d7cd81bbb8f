"""FAQ round 54, knowledge (issue 17 §4), end to end through signed pushes to the real /wechat route: a question of
one of messages/faq/care.toml's new topics (沤肥, 老鼠啃根) is answered with that entry's answer, no ticket; whether a
wild seedling may be dug on the hill says whom to ask (the village, the forestry station)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import ticket_count


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [("扫起来的落叶怎么沤成肥", "tech.composting"), ("新种的苗根被老鼠咬断了几棵 怎么防", "tech.rodents")],
)
def test_a_new_topic_is_answered_by_its_entry_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    result = bot.service("faq", load_faq_index).match(question)
    assert result.entry_id == entry_id, result
    reply = villager.says(question)
    assert reply == result.answer_text and reply.strip() == result.answer_text.strip(), reply
    assert ticket_count(bot) == 0


def test_a_wild_seedling_on_the_hill_is_the_village_s_and_the_forestry_station_s_to_allow(villager, bot):
    add_roster(bot)
    reply = villager.says("可以去山上挖野生的小苗回来种吗")
    assert "不能随便挖" in reply and "村委" in reply and "林业站" in reply, reply
    assert ticket_count(bot) == 0
