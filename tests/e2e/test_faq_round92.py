"""FAQ round 92 end to end (issue 17 §1: a confident wrong answer is the worst outcome): set BT's classes through signed
pushes to the real /wechat route and a real SQLite file. A cadre's promise asked when, one's own exemption asked, and a
few trees of a group told sick each become a ticket with the villager's words, never the entry main answered with; the
same topics asked in general keep their entry and no ticket. tests/unit/test_faq_round92.py holds the classes and their
controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.faq_helpers import faq_index


def pests_line(bot, species: str) -> str:
    """The first line of a species' pests field, as the villager reads it first (a field, not an entry)."""
    text = faq_index(bot)._species_topic_text(species, "pests")
    assert text
    return text.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("村里答应种完树会装路灯，几时装", "camp.planting_done"),  # set BT's
        ("组长说过会帮我们申请果苗 几时有", "camp.seedlings"),  # own: a promise asked when
        ("我家只有两个老人在家 种树任务可以免吗", "camp.quota_household"),  # own: one's exemption
    ],
)
def test_one_s_own_case_is_a_ticket_not_the_entry(asker, bot, question, wrong):
    reply = asker.says(question)
    assert "问题编号" in reply and "村委" in reply, reply
    assert [row["question"] for row in rows_of(bot, "SELECT question FROM tickets")] == [question]
    assert asker.first_line(wrong) not in reply, reply


def test_a_few_trees_of_a_group_told_sick_are_a_diagnosis(asker, bot):
    """Set BT's: main answered the species' pests field; some of a group's trees are in sight, for the adviser."""
    question = "我们片区的香樟有几棵被虫蛀空"
    reply = asker.says(question)
    assert "问题编号" in reply and pests_line(bot, "香樟") not in reply, reply
    assert [row["question"] for row in rows_of(bot, "SELECT question FROM tickets")] == [question]


def test_the_same_topics_in_general_keep_their_answer(asker, bot):
    reply = asker.answer("香樟容易长什么虫")
    assert pests_line(bot, "香樟") in reply and "问题编号" not in reply, reply
    asker.answered_by("种好的树以后谁来管", "camp.care")
    assert rows_of(bot, "SELECT id FROM tickets") == []
