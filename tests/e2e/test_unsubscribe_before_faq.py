"""Tidy80: the wish to unsubscribe is read by the 退订 command's route, before the FAQ (handlers/__init__.py's order:
reminders_off among the commands, the FAQ after them): '我要退订', '唔该帮我退订', '我唔想再收' switch the reminders off
whatever the FAQ's model reads (round 102: the retrained model read '我要退订' as a person's question, and a patch to
the FAQ's bot.unsubscribe intent had made it unsubscribe again). Through signed pushes and the real SQLite file, the
FAQ made to read every text as a ticket (as a retrained model might); controls, not the wish, keep their meaning."""

from __future__ import annotations

import pytest

from bot import faq

WISHES = ["我要退订", "唔该帮我退订", "我唔想再收", "我想退订", "唔该 我想退订"]


@pytest.fixture
def faq_reads_every_text_as_a_ticket(monkeypatch):
    """The FAQ's reading replaced by 'escalate' for every question: whatever a retrained model says."""

    def escalate(self, question):
        return faq.FaqResult("escalate", None, "", 0.0, "model")

    monkeypatch.setattr(faq.FaqIndex, "match", escalate)


@pytest.fixture
def registered_villager(person):
    return person("o-tidy80-chen", "陈大伯")


def _off(bot, openid) -> bool:
    return bool(next(bot.db.query("SELECT reminders_off FROM users WHERE openid = ?", [openid]))["reminders_off"])


@pytest.mark.parametrize("said", WISHES)
def test_the_wish_to_unsubscribe_is_the_commands_whatever_the_faq_reads(
    said, registered_villager, bot, faq_reads_every_text_as_a_ticket
):
    reply = registered_villager.says(said)
    assert _off(bot, registered_villager.openid), reply
    assert "问题编号" not in reply, reply
    assert list(bot.db.query("SELECT id FROM tickets")) == []


@pytest.mark.parametrize(
    "said",
    [
        # found by tidy80 (on main too): the FAQ read it as bot.unsubscribe and handlers/faq._reminders took 退订 for the
        # request; the lead: the stop refused is the reminders wanted on (asked_for._STOP_REFUSED_RE)
        "我不想退订",
        "唔好取消提醒",
        "我唔想退订 继续发俾我",
        "退订之后还会收到提醒吗",
        "怎么退订",  # how, asked: the steps
    ],
)
def test_not_the_wish_leaves_the_reminders_on(said, registered_villager, bot):
    registered_villager.says(said)
    assert not _off(bot, registered_villager.openid)
