"""FAQ round 103 end to end (issue 17 §1, confident wrong): through signed pushes to the real /wechat route and a real
SQLite file, a question whose nearest precedents are all tickets files a ticket instead of the campaign entry its words
matched; the general question of that entry is still answered. tests/unit/test_faq_round103.py holds the gate."""

from __future__ import annotations


def test_an_answer_among_tickets_is_a_ticket(asker):
    reply = asker.says("我认养的树被别人换了牌子")
    assert "问题编号" in reply, reply
    assert asker.first_line("camp.nameplate") not in reply, reply
    assert asker.tickets() == 1


def test_the_entry_s_general_question_is_answered(asker):
    asker.answered_by("树牌上面写什么", "camp.nameplate")
