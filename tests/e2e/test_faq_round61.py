"""Round 61 (issue 17 §1, §3), end to end through signed pushes to the real /wechat route: a fallen tree across a road,
asked only whether to clear it oneself with nobody hurt, is the safety line first and the rule's entry after it, no ticket; someone under the tree keeps the line and the ticket. Public land's fruit asked in general is
answered (tests/e2e/test_faq_round46.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count
from tests.e2e.test_faq_safety import SAFETY


@pytest.mark.parametrize(
    ("question", "kind", "entry_id"),
    [
        ("昨晚大风吹倒一棵龙眼横在村道上 我们几个人自己锯开行不行", "typhoon", "tech.typhoon"),
    ],
)
def test_clearing_it_oneself_asked_is_the_line_and_the_entry_without_a_ticket(villager, bot, question, kind, entry_id):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    reply = villager.says(question)
    head = reply.strip().splitlines()[0]
    assert head.startswith("⚠ 安全第一") and all(words in head for words in SAFETY[kind]), reply
    assert entry.answer.strip().splitlines()[0] in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_someone_under_the_fallen_tree_keeps_the_line_and_the_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("台风吹倒的树压住了我阿爸 我自己锯开得唔得")
    assert reply.startswith("⚠ 安全第一") and all(w in reply.splitlines()[0] for w in SAFETY["typhoon"]), reply
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
