"""FAQ round faq131 end to end (issue 17 §1; set CU's confident wrongs by class), through signed pushes to the real
/wechat route and a real SQLite file: an apology for a message sent wrongly, or a question announced and not yet asked,
is chit-chat (no cancel card, no ticket, no off-topic reply); a farm animal's plague is off the topic; fertiliser asked
months after planting is top-dressing; planting in the heat asked keeps its answer after the heat line.
tests/unit/test_faq_round_faq131.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_an_apology_for_a_message_sent_wrongly_is_chitchat(asker):
    for text in ("不好意思 刚刚发错了", "你好 我有个问题想问你"):
        reply = asker.says(text)
        assert "问题编号" not in reply, reply
        assert asker.first_line("bot.cancel") not in reply and asker.first_line("bot.off_topic") not in reply, reply
    assert asker.tickets() == 0


def test_a_farm_animal_s_plague_is_off_the_topic(asker):
    asker.answered_by("村里闹猪瘟 我屋企啲猪要打什么针", "bot.off_topic")


def test_fertiliser_months_after_planting_is_top_dressing(asker):
    asker.answered_by("种咗三个月 落啲化肥得唔得", "tech.topdressing")


def test_planting_in_the_heat_keeps_its_answer_after_the_heat_line(asker):
    reply = asker.answered_by("大热天种树有什么要注意的", "tech.heat_planting")
    assert reply.startswith("⚠"), reply
