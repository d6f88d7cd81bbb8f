"""FAQ round 104 end to end (issue 17 §1, the tickets that needed no person): through signed pushes to the real /wechat
route and a real SQLite file, two varieties of one tree its knowledge names and a question about nothing the campaign
deals with are answered, no ticket filed; a person's matter in the same shape still files one.
tests/unit/test_faq_round104.py holds the readers."""

from __future__ import annotations


def test_two_varieties_named_in_the_knowledge_are_answered(asker):
    reply = asker.says("银桂同四季桂有咩唔同")
    assert "桂花：常绿小乔木" in reply and "四季桂一年多次开花" in reply, reply  # the card, then its flowering
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_off_topic_is_the_off_topic_reply_not_a_ticket(asker):
    asker.answered_by("手机怎么调大字体", "bot.off_topic")


def test_a_person_s_matter_is_still_a_ticket(asker):
    reply = asker.says("欠我的工钱几时给")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
