"""FAQ round 96 end to end (issue 17 §1; set BV as the development set): through signed pushes to the real /wechat
route and a real SQLite file. A voice message's question inside its frame is answered; a promise of the village not
delivered files a ticket with the village's note; an errand off the campaign is told where to go, no ticket.
tests/unit/test_faq_round96.py holds the classes' controls."""

from __future__ import annotations

VILLAGE_NOTE = "要按村委（社区）"  # esc101: the note says the rule (按村委的名单、当初怎么说定), not who answers


def test_a_voice_message_s_question_is_answered_inside_its_frame(asker):
    asker.answered_by("哎呀 我在外面打工刚回来 想问一下 党建林是什么 谢谢你啊", "camp.dangjianlin")


def test_a_promise_not_delivered_is_the_village_s_ticket(asker):
    reply = asker.says("村里讲种树可以换油，到而家都未兑现")
    assert "问题编号" in reply and VILLAGE_NOTE in reply, reply
    assert asker.first_line("camp.points_rewards") not in reply, reply
    assert asker.tickets() == 1


def test_an_errand_off_the_campaign_is_told_where_to_go(asker):
    asker.answered_by("户口本丢了去哪里补办", "bot.off_topic")
