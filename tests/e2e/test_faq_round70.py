"""FAQ round 70 (sets BC, BD: confident wrong), end to end through signed pushes to the real /wechat route: one's own
request of the village (a favour, leaving half way, a promise asked after) opens a ticket with the village's note, never
the topic's entry; the rule asked in general keeps its answer, no ticket; a tree's points asked as 一棵树几多分 get the
points entry, not the hole's size (tests/unit/test_faq_round70.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import rules_answer, ticket_count


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("村里可唔可以借把锄头俾我", "camp.local_arrangements"),
        ("认种到一半唔想认了 得唔得", "camp.adopt"),
        ("卖木材被林业站罚款 我觉得唔公平", "tech.timber_sale"),
    ],
)
def test_one_s_own_request_of_the_village_opens_a_ticket(villager, bot, question, topic):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry(topic)
    assert entry is not None
    reply = villager.says(question)
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    assert entry.answer.strip().splitlines()[0] not in reply, reply
    assert "村委" in reply, reply


def test_the_rule_asked_in_general_keeps_its_answer(villager, bot):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry("camp.adopt")
    assert entry is not None
    reply = rules_answer(villager, bot, villager.says("认养一棵树要怎么办理"))
    assert entry.answer.strip().splitlines()[0] in reply, reply
    assert ticket_count(bot) == 0, reply


def test_a_tree_s_points_are_the_points_entry(villager, bot):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    points, hole = index.entry("camp.points_rewards"), index.entry("tech.hole_size")
    assert points is not None and hole is not None
    reply = rules_answer(villager, bot, villager.says("一棵树几多分"))
    assert points.answer.strip().splitlines()[0] in reply, reply
    assert hole.answer.strip().splitlines()[0] not in reply and ticket_count(bot) == 0, reply
