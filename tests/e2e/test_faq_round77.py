"""FAQ round 77 (set BH's over-escalation), end to end through signed pushes to the real /wechat route: the weather
named (hail, a drought, a typhoon under its calm safety line) gets its own entry and no ticket; one's own tree asked to
be looked at keeps the ticket; what this account can do asked for a parent is the help, privacy asked in Cantonese the
privacy answer (tests/unit/test_faq_round77.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import rules_answer, ticket_count
from tests.faq_helpers import first_line


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("冰雹打到啲叶都系窿 点算好", "tech.hail"),
        ("好耐冇落雨 地都裂开 新苗要点淋", "tech.drought"),
        ("落完冰雹 啲叶子穿晒", "tech.hail"),
        ("其他人睇唔睇到我嘅相", "bot.privacy"),
    ],
)
def test_the_class_is_answered_by_its_own_entry_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says(question))
    assert first_line(bot, entry_id) in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_a_typhoon_s_broken_branches_get_the_safety_line_then_the_typhoon_answer(villager, bot):
    add_roster(bot)
    reply = villager.says("台风过后树枝断咗好多 要点执")
    assert reply.startswith("⚠"), reply
    assert first_line(bot, "tech.typhoon") in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_one_s_own_tree_after_the_typhoon_asked_to_be_looked_at_keeps_the_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("我屋后棵龙眼打完台风断咗条枝 帮我睇下")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply


def test_what_this_account_does_asked_for_a_grandmother_is_the_help(villager, bot):
    add_roster(bot)
    reply = villager.says("帮阿嫲问下 呢个公众号可以帮佢做啲乜")
    assert bot.t("core.help").strip().splitlines()[0] in reply, reply
    assert first_line(bot, "bot.proxy") not in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply
