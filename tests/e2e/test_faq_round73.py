"""FAQ round 73 (sets BE, BD: confident wrong), end to end through signed pushes to the real /wechat route: the village
asked to allow, agree, promise or spare one (村里同不同意, 通融, 保证) opens a ticket with the village's note,
never the topic's entry; the topic asked in general keeps its answer, no ticket (tests/unit/test_faq_round73.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("我想在村里的果园放几箱蜜蜂 村委会唔会批", "tech.beekeeping"),
        ("村干部可唔可以保证我认养嘅树以后唔会挖", "camp.adopt"),
        ("我哋组嘅示范点名额 可唔可以通融多俾一个", "camp.demo_site"),
    ],
)
def test_the_village_asked_to_allow_or_spare_one_opens_a_ticket(asker, question, topic):
    reply = asker.says(question)
    assert ticket_number(reply) and asker.tickets() == 1, reply
    assert asker.first_line(topic) not in reply, reply
    assert "村委" in reply, reply


def test_the_topic_asked_in_general_keeps_its_answer(asker):
    asker.answered_by("果园里可以放蜜蜂吗", "tech.beekeeping")


def test_the_village_asking_one_to_pay_opens_a_ticket_with_the_funding_entry(asker):
    reply = asker.says("组长叫我哋每家出钱买肥料 使唔使俾")
    assert ticket_number(reply) and asker.tickets() == 1, reply
    assert asker.first_line("camp.funding") in reply, reply
