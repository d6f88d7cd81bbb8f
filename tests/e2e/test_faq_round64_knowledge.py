"""FAQ round 64, knowledge (issue 17 §4), end to end through signed pushes to the real /wechat route: a tree off the list
asked about thinning its fruit gets the general entry (``any_tree``), not a ticket; how to keep seedlings from being stolen
is answered, while a theft that happened is a ticket for a person (tests/unit/test_faq_round64_knowledge.py)."""

from __future__ import annotations

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def _first_line(bot, entry_id: str) -> str:
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


def test_an_offlist_tree_asked_about_thinning_gets_the_general_answer(villager, bot):
    add_roster(bot)
    reply = villager.says("黄皮挂果太多要不要摘掉一些")
    assert _first_line(bot, "tech.fruit_thinning") in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_prevention_is_answered_and_a_theft_that_happened_goes_to_a_person(villager, bot):
    add_roster(bot)
    reply = villager.says("点样防止啲苗俾人偷")
    assert _first_line(bot, "tech.seedling_theft") in reply, reply
    assert ticket_count(bot) == 0, reply
    reported = villager.says("我的桂花苗昨晚被人偷了")
    assert ticket_number(reported) and ticket_count(bot) == 1, reported
