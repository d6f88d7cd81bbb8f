"""FAQ round 69 (issue 17 §1: over-escalation; set BC), end to end through signed pushes to the real /wechat route:
a subsidy asked in general, ladder safety asked in other words, a bee's sting to take out, a leech bite's bleeding and
a question written in English are answered without a ticket; one's own subsidy and a sting that needs a person keep
the ticket with the right answer under its number (tests/unit/test_faq_round69.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def _first_line(bot, entry_id: str) -> str:
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


def test_a_subsidy_asked_in_general_keeps_the_ticket_with_the_plans_money_under_it(villager, bot):
    """The lead kept rounds 46/54's rule (money is the village's), asked in general too."""
    add_roster(bot)
    reply = villager.says("种树有冇补贴")
    assert "五个一点" in reply and "以村委（社区）为准" in reply, reply
    assert ticket_number(reply) and ticket_count(bot) == 1, reply


def test_ones_own_subsidy_keeps_the_ticket_with_the_plans_money_under_it(villager, bot):
    add_roster(bot)
    reply = villager.says("我屋企种咗五棵 点解冇补贴俾我")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert "五个一点" in reply and reply.index("问题编号") < reply.index("五个一点"), reply


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("搭梯上树摘果 点样安全啲", "tech.fall_safety"),
        ("俾蜜蜂叮咗 刺点样拔出嚟", "tech.wasps"),
        ("山蜞咬完一直流血 要唔要紧", "tech.leeches"),
    ],
)
def test_safety_asked_is_the_line_and_the_answer_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    reply = villager.says(question)
    assert reply.lstrip().startswith("⚠"), reply
    assert _first_line(bot, entry_id) in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_a_bee_sting_that_needs_a_person_carries_the_bee_first_aid(villager, bot):
    add_roster(bot)
    reply = villager.says("蜜蜂叮咗之后全身起疹 喘唔到气")
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert reply.lstrip().startswith("⚠") and "问题编号" not in reply and ticket_count(bot) == 0, reply
    assert "卡片刮掉" in reply and "120" in reply.strip().splitlines()[0], reply


def test_someone_fallen_from_a_ladder_keeps_the_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("阿爸爬梯跌落嚟 点样先稳阵啲搬佢")
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert reply.lstrip().startswith("⚠") and "问题编号" not in reply and ticket_count(bot) == 0, reply


@pytest.mark.parametrize(
    ("question", "entry_id"), [("can I ask in English", "bot.languages"), ("how do I adopt a tree", "camp.adopt")]
)
def test_a_question_in_english_is_answered(villager, bot, question, entry_id):
    add_roster(bot)
    reply = villager.says(question)
    assert _first_line(bot, entry_id) in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply
