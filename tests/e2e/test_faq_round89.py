"""FAQ round 89 end to end (issue 17 §1: a confident wrong answer is the worst outcome): set BR's classes through signed
pushes to the real /wechat route and a real SQLite file. One's own case (a cadre's word asked whether it counts me, one's
adoption handed to a son, one's welfare) becomes a ticket with the villager's words and the village's note, never the
campaign entry main answered with; feeding asked with water is answered by the top-dressing entry with no ticket.
tests/unit/test_faq_round89.py holds the classes and their controls."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("书记讲今年年底评先进户有奖 算我唔算", "camp.awards"),  # set BR's
        ("我想把我认种的那棵龙眼转给我女儿", "camp.adopt"),  # own: one's adoption handed to kin
        ("我不想再管我那块责任区了 可以退吗", "bot.care_zones"),  # own: one's zone given up
    ],
)
def test_one_s_own_case_is_a_ticket_not_a_campaign_entry(asker, bot, question, wrong):
    reply = asker.says(question)
    assert "问题编号" in reply and "村委" in reply, reply
    assert [row["question"] for row in rows_of(bot, "SELECT question FROM tickets")] == [question]
    assert asker.first_line(wrong) not in reply, reply


@pytest.mark.parametrize("question", ["施了肥要马上淋水吗", "肥料可以兑水一起浇吗"])  # set BR's; own
def test_feeding_asked_with_water_is_the_top_dressing(asker, question):
    asker.answered_by(question, "tech.topdressing")


def test_the_campaign_entries_still_answer_in_general(asker):
    asker.answered_by("有什么评比表彰", "camp.awards")
    asker.answered_by("不种树会怎样", "camp.household_rules")


def test_a_wish_to_adopt_is_still_the_adoption_list(asker):
    """The adoption frame's new ``unless`` (handed on, given up) leaves a wish to adopt as it was: the village's list."""
    reply = asker.says("我想认养一棵龙眼")
    assert "认养" in reply and "问题编号" not in reply, reply
