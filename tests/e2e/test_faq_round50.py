"""FAQ round 50 (issue 17 §1), end to end through signed pushes to the real /wechat route: a recommendation asked by
what the soil does by the water (it collapses, roots must grip it) is answered with the bank-holding list, no ticket; a household's quota the secretary passed on ('书记讲每家要种几棵') is the household's, not his; whether
to bring a bucket ('去种树用不用带桶') is the day's arrangements."""

from __future__ import annotations

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster
from tests.e2e.test_faq_chat import ticket_count


def test_soil_that_must_hold_by_the_water_gets_the_bank_holding_list(villager, bot):
    add_roster(bot)
    question = "沟边的泥一下雨就崩 有什么树可以稳住"
    result = bot.service("faq", load_faq_index).match(question)
    assert result.entry_id == "recommend.河边+护岸", result
    assert villager.says(question) == result.answer_text
    assert "护岸固土" in result.answer_text
    assert ticket_count(bot) == 0


def test_a_quota_the_secretary_passed_on_is_the_household_s(villager, bot):
    add_roster(bot)
    question = "书记讲每家要种几棵 我没记住"
    result = bot.service("faq", load_faq_index).match(question)
    assert result.entry_id == "camp.quota_household", result
    assert villager.says(question) == result.answer_text
    assert ticket_count(bot) == 0


def test_whether_to_bring_a_bucket_is_the_day_s_arrangements(villager, bot):
    """Through the webhook the bot's model reads rooting powder beside the rule: the day's arrangements are asked back
    first (the index alone answers them), and 1 gives them; never the rooting powder's answer, never a ticket."""
    add_roster(bot)
    question = "去种树用不用带桶"
    result = bot.service("faq", load_faq_index).match(question)
    assert result.entry_id == "camp.local_arrangements", result
    reply = villager.says(question)
    if reply != result.answer_text:
        assert "1️⃣ 本村种树几点集合" in reply, reply
        assert villager.says("1") == result.answer_text
    assert ticket_count(bot) == 0
