"""FAQ round 73 (sets BE, BD: confident wrong), end to end through signed pushes to the real /wechat route: the village
asked to allow, agree, promise or spare one (村里同不同意, 通融, 保证) opens a ticket with the village's note,
never the topic's entry; the topic asked in general keeps its answer, no ticket (tests/unit/test_faq_round73.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import rules_answer, ticket_count


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("我想在村里的果园放几箱蜜蜂 村委会唔会批", "tech.beekeeping"),
        ("村干部可唔可以保证我认养嘅树以后唔会挖", "camp.adopt"),
        ("我哋组嘅示范点名额 可唔可以通融多俾一个", "camp.demo_site"),
    ],
)
def test_the_village_asked_to_allow_or_spare_one_opens_a_ticket(villager, bot, question, topic):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry(topic)
    assert entry is not None
    reply = villager.says(question)
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert entry.answer.strip().splitlines()[0] not in reply, reply
    assert "村委" in reply, reply


def test_the_topic_asked_in_general_keeps_its_answer(villager, bot):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry("tech.beekeeping")
    assert entry is not None
    reply = rules_answer(villager, bot, villager.says("果园里可以放蜜蜂吗"))
    assert entry.answer.strip().splitlines()[0] in reply, reply
    assert ticket_count(bot) == 0, reply


def test_the_village_asking_one_to_pay_opens_a_ticket_with_the_funding_entry(villager, bot):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry("camp.funding")
    assert entry is not None
    reply = villager.says("组长叫我哋每家出钱买肥料 使唔使俾")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert entry.answer.strip().splitlines()[0] in reply, reply
