"""FAQ round 125 end to end (issue 17 §1, set CP: needless tickets by class), through signed pushes to the real /wechat
route and a real SQLite file: an errand acknowledged ('收到 我同书记讲一声') is chit-chat, a lottery or a used vehicle's
price is bot.off_topic with no ticket, and how to use a chainsaw safely asked in general opens with the chainsaw's
safety line and answers tech.tools, no ticket (a chainsaw cut keeps its first aid: round 119). tests/unit/
test_faq_round125.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_an_errand_acknowledged_is_thanked_back_not_a_ticket(asker):
    reply = asker.says("收到 我转告村主任")
    assert "不客气" in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_used_motorbike_s_price_is_off_topic_not_a_ticket(asker):
    asker.answered_by("旧摩托车卖多少钱合适", "bot.off_topic")


def test_fortune_telling_is_off_topic_not_a_ticket(asker):
    asker.answered_by("找人算命准不准", "bot.off_topic")


def test_a_chainsaw_s_safe_use_asked_opens_with_its_line_and_answers_the_tools(asker):
    reply = asker.danger_line_no_ticket("第一次用电锯修树枝 要注意什么", "电锯")
    assert asker.first_line("tech.tools") in reply, reply
