"""FAQ round 74 (set BE: over-escalation), end to end through signed pushes to the real /wechat route: a listed tree's
kind of trouble told in general (insects as a heading, a trouble that comes always, flowers and no fruit) gets the tree's
field and no ticket; one's own tree keeps the ticket; a listed tree wanted with nothing else asked gets its card
(tests/unit/test_faq_round74.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize(
    ("question", "label", "tree"),
    [
        ("杨梅生虫", "病虫害", "杨梅"),
        ("龙眼啲果成日跌", "结果", "龙眼"),
        ("柿子开花不结果", "结果", "柿"),
    ],
)
def test_a_kind_of_trouble_told_in_general_is_the_tree_s_field(asker, question, label, tree):
    reply = asker.answer(question)
    assert f"·{label}" in reply and tree in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_one_s_own_tree_keeps_the_ticket(asker):
    reply = asker.says("我屋门口棵杨梅生虫")
    assert ticket_number(reply) and asker.tickets() == 1, reply


def test_a_tree_wanted_with_nothing_else_asked_is_its_card(asker):
    reply = asker.answer("我舅父想种柿子")
    assert "想看全面介绍" not in reply and "柿" in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply
