"""FAQ round 68, knowledge (issue 17 §4), end to end through signed pushes to the real /wechat route: leaves and bark as
medicine get the entry that sends the villager to a doctor (no ticket, no advice); lychee flower induction asked how is
answered with the warning, while rot after bagging is still a ticket (tests/unit/test_faq_round68_knowledge.py)."""

from __future__ import annotations

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def _first_line(bot, entry_id: str) -> str:
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


def test_medicine_from_a_tree_is_the_doctors_and_the_answer_says_so(villager, bot):
    add_roster(bot)
    reply = villager.says("木棉花晒干煲水饮有冇功效")
    assert _first_line(bot, "tech.medicinal_uses") in reply and "问医生" in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_flower_induction_is_answered_with_its_warning_and_rot_goes_to_a_person(villager, bot):
    add_roster(bot)
    reply = villager.says("荔枝几时环割促花")
    assert _first_line(bot, "tech.flower_induction") in reply and "先问技术顾问" in reply, reply
    assert ticket_count(bot) == 0, reply
    rotten = villager.says("荔枝套袋后果还是烂了")
    assert ticket_number(rotten) and ticket_count(bot) == 1, rotten
