"""FAQ round 94 end to end (issue 17 §1; set BU as the development set): through signed pushes to the real /wechat
route and a real SQLite file. A grievance told over a campaign fact (left out, refused by the village, a cadre's order
doubted) files a ticket with the village's note, not the rule's card; the same words asking the rule are answered. A
body hurt only feared opens with no injured person's first aid line; one told still does, before the ticket's number.
tests/unit/test_faq_round94.py holds the classes' controls."""

from __future__ import annotations

import pytest

VILLAGE_NOTE = "要按村委（社区）"  # esc101: the note says the rule (按村委的名单、当初怎么说定), not who answers


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("评先进为啥没我份 我家种了二十棵", "camp.awards"),
        ("认养的树 村里不肯挂我的牌子", "camp.nameplate"),
        ("领导说明天来检查 叫我们今晚种完 这样合理吗", "camp.supervision"),
    ],
)
def test_a_grievance_is_the_village_s_ticket_not_the_rule_s_card(asker, question, entry_id):
    reply = asker.says(question)
    assert "问题编号" in reply and VILLAGE_NOTE in reply, reply
    assert asker.first_line(entry_id) not in reply, reply
    assert asker.tickets() == 1


def test_the_same_words_asking_the_rule_are_answered(asker):
    asker.answered_by("怎么评最美植绿人", "camp.awards")


def test_a_hurt_only_feared_has_no_first_aid_line(asker, villager_factory):
    hurt_line = asker.rule("person_hurt").line
    for i, question in enumerate(["修枝会不会砸伤路过的人", "担心爬树摔伤 有什么办法"]):
        reply = villager_factory(f"o-r94-feared-{i}").says(question)
        assert hurt_line not in reply, (question, reply)


def test_a_hurt_told_opens_with_its_line_then_the_ticket(asker):
    # round 116 (issue 17 §1): the first aid is the answer after the line, no ticket (the blind sets BZ-CL label it so)
    reply = asker.danger_line_no_ticket("我老婆挖坑的时候扭伤了腰 起不来", "别乱搬动")
    assert "120" in reply.strip().splitlines()[0], reply
