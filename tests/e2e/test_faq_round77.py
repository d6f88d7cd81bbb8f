"""FAQ round 77 (set BH's over-escalation), end to end through signed pushes to the real /wechat route: the weather
named (hail, a drought, a typhoon under its calm safety line) gets its own entry and no ticket; one's own tree asked to
be looked at keeps the ticket; what this account can do asked for a parent is the help, privacy asked in Cantonese the
privacy answer (tests/unit/test_faq_round77.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("冰雹打到啲叶都系窿 点算好", "tech.hail"),
        ("好耐冇落雨 地都裂开 新苗要点淋", "tech.drought"),
        ("落完冰雹 啲叶子穿晒", "tech.hail"),
        ("其他人睇唔睇到我嘅相", "bot.privacy"),
    ],
)
def test_the_class_is_answered_by_its_own_entry_without_a_ticket(asker, question, entry_id):
    asker.answered_by(question, entry_id)


def test_a_typhoon_s_broken_branches_get_the_safety_line_then_the_typhoon_answer(asker):
    reply = asker.says("台风过后树枝断咗好多 要点执")
    assert reply.startswith("⚠"), reply
    assert asker.first_line("tech.typhoon") in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_one_s_own_tree_after_the_typhoon_asked_to_be_looked_at_keeps_the_ticket(asker):
    reply = asker.says("我屋后棵龙眼打完台风断咗条枝 帮我睇下")
    assert ticket_number(reply) and asker.tickets() == 1, reply


def test_what_this_account_does_asked_for_a_grandmother_is_the_help(asker, bot):
    reply = asker.says("帮阿嫲问下 呢个公众号可以帮佢做啲乜")
    assert bot.t("core.help").strip().splitlines()[0] in reply, reply
    assert asker.first_line("bot.proxy") not in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply
