"""FAQ round 66 (issue 17 §1: over-escalation), end to end through signed pushes to the real /wechat route: the cause of
a tree's trouble named and asked what to do (hail, a flood, rats; insects on a listed tree) is its entry's or the tree's
pests field's answer, no ticket; one's own tree in sight with a look asked for, or a sign only a look reads, keeps the
ticket (tests/unit/test_faq_round66.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("落完冰雹啲苗叶烂晒 点搞", "tech.hail"),
        ("田鼠把苗根部的皮啃了 怎么办", "tech.rodents"),
    ],
)
def test_a_cause_named_is_its_entry_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    reply = villager.says(question)
    assert entry.answer.strip().splitlines()[0] in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_insects_on_a_listed_tree_told_in_general_are_its_pests_field(villager, bot):
    add_roster(bot)
    reply = villager.says("竹子有虫吃叶 点搞")
    assert "病虫害" in reply and "竹" in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


@pytest.mark.parametrize(
    "question",
    [
        "我屋门口嗰棵荔枝浸咗水之后叶全部黄晒 帮我睇下",  # one's own tree, a look asked for
        "我家那棵荔枝叶子有虫 还有好多黑斑",  # one's own tree, spots besides
        "冰雹过后龙眼树皮裂开流水",  # a sign only a look reads
    ],
)
def test_a_tree_that_needs_a_look_keeps_the_ticket(villager, bot, question):
    add_roster(bot)
    reply = villager.says(question)
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
