"""FAQ helper faq136 end to end (the sixtieth session; issue 17 §1; set CW's small talk, off-topic asks and Hakka
words, by class), through signed pushes to the real /wechat route and a real SQLite file: a message that only
acknowledges and says what one is off to do, or how the talk went, gets the chat's friendly line and no ticket, and
does not join an open ticket; a person's illness or a phone's settings asked get the off-topic reply, no ticket; a
Hakka question gets the reply its Mandarin gets; thanks before a real question leave it answered.
tests/unit/test_faq_round_faq136.py holds the figures over the helper's own phrasings."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number

CHAT_LINES = ("faq.small_talk", "faq.okay", "faq.thanks", "faq.greeting")


def _chat_line(asker, reply: str) -> bool:
    return any(reply.startswith(asker.bot.t(key).strip()) for key in CHAT_LINES) and reply.endswith(
        asker.bot.t("core.help_hint")
    )


@pytest.mark.parametrize(
    "text", ["好嘞 我而家去种树喇", "明白了 我这就去浇水", "你回得比村干部还快", "今天全村一起种树 真热闹"]
)
def test_what_one_is_off_to_do_or_how_the_talk_went_is_small_talk(asker, text):
    reply = asker.says(text)
    assert _chat_line(asker, reply), reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_small_talk_does_not_join_an_open_ticket(asker):
    number = ticket_number(asker.says("问专家 我家桂花叶子发黄卷起来是什么病"))
    reply = asker.says("好嘞 我而家去淋水")
    assert _chat_line(asker, reply), reply
    assert asker.tickets() == 1
    supplements = asker.bot.db.query("SELECT COUNT(*) AS n FROM ticket_attachments WHERE ticket_id = ?", [number])
    assert next(supplements)["n"] == 0


@pytest.mark.parametrize("text", ["发烧了吃什么药好", "手机内存满了怎么清理", "祠堂重修每户出多少钱"])
def test_another_domain_asked_gets_the_off_topic_reply_no_ticket(asker, text):
    reply = asker.says(text)
    assert asker.first_line("bot.off_topic") in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


@pytest.mark.parametrize(
    ("spoken", "mandarin"),
    [
        ("涯想在屋门口种桂花 做得无", "我想在家门口种桂花 可以吗"),
        ("涯屋下门口种簕杜鹃做得无", "我家门口种簕杜鹃可以吗"),
    ],
)
def test_a_hakka_question_gets_the_reply_its_mandarin_gets(asker, spoken, mandarin):
    reply = asker.says(spoken)
    assert reply == asker.says(mandarin), reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_thanks_before_a_real_question_leave_it_answered(asker):
    reply = asker.says("谢谢 另外桂花几时种")
    assert reply == asker.says("桂花几时种"), reply
    assert asker.tickets() == 0, reply
