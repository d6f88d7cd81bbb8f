"""Round 56 (the lead, in the simulator): 'what do I do now' asked just after a question went to the adviser.

A grandson's voice message at night told of his grandfather fallen into a gully, not answering (a ticket, the
first-aid line first); his next words, `我应该点做`, got the bot's help menu. How to go on, asked bare
(``nlu.go_on_asked``) within the open ticket's 补充 window, is that ticket asked after: the question still waits for
the adviser (its number), and a ticket that tells of a danger now has its safety line again first. Never a new ticket,
never the ticket's 补充. Without a ticket in the window, the help (or a record's next step) as before."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_escalation import DAYTIME, UNANSWERABLE, add_roster, ticket_number

GO_ON = ["我应该点做", "而家要做咩", "下一步怎么办", "我该怎么做呢", "跟住点做"]


def tickets_of(bot, openid):
    return rows_of(bot, "SELECT id FROM tickets WHERE openid = ?", [openid])


def attachments_of(bot, number):
    return rows_of(bot, "SELECT text FROM ticket_attachments WHERE ticket_id = ?", [number])


@pytest.mark.parametrize("asked", GO_ON)
def test_what_to_do_after_a_danger_ticket_is_its_safety_line_and_number(villager, bot, clock, asked):
    add_roster(bot)
    clock.set("2027-03-16T20:00")
    number = ticket_number(villager.says("阿公上山斩柴跌咗落山坑 而家叫佢都唔应"))
    clock.advance(minutes=1)
    reply = villager.says(asked)
    assert reply.startswith("⚠"), reply
    assert "120" in reply and f"第{number}号" in reply
    assert len(tickets_of(bot, villager.openid)) == 1
    assert attachments_of(bot, number) == []


@pytest.mark.parametrize("asked", GO_ON[:3])
def test_what_to_do_after_a_plain_ticket_is_its_number_waiting(villager, bot, clock, asked):
    add_roster(bot)
    clock.set(DAYTIME)
    number = ticket_number(villager.says(UNANSWERABLE))
    clock.advance(minutes=2)
    reply = villager.says(asked)
    assert f"第{number}号" in reply and not reply.startswith("⚠"), reply
    assert "帮助" not in reply.splitlines()[0]
    assert len(tickets_of(bot, villager.openid)) == 1
    assert attachments_of(bot, number) == []


def test_what_to_do_with_no_ticket_or_past_its_window_is_the_help(villager, bot, clock):
    add_roster(bot)
    clock.set(DAYTIME)
    help_text = bot.t("core.help").strip()
    assert villager.says("我应该点做").strip() == help_text
    ticket_number(villager.says(UNANSWERABLE))
    clock.advance(hours=2)  # past escalation.attach_minutes
    assert villager.says("我应该点做").strip() == help_text


def test_what_to_do_after_a_photo_is_still_the_records_next_step(villager, bot, clock):
    add_roster(bot)
    clock.set(DAYTIME)
    ticket_number(villager.says(UNANSWERABLE))
    clock.advance(hours=2)  # a photo within the window is the ticket's 补充; past it, a record's
    villager.sends_photo("m-round56-1")
    reply = villager.says("下一步怎么办")
    assert "棵" in reply and "顾问" not in reply, reply  # the record asks what was planted


GONE = ["我上报嘅记录去咗边", "点解我报咗冇显示", "我的记录不见了", "我嘅记录冇咗", "报了树怎么没显示", "记录成功了吗"]
NOT_GONE = ["记录要发到哪里", "我的记录要怎么改", "这条记录没有照片"]


@pytest.mark.parametrize("asked", GONE)
def test_ones_record_gone_or_not_shown_is_what_waits_for_review(villager, bot, clock, asked):
    """Round 56 (the lead, in the simulator): a villager whose record seemed gone (`我上报嘅记录去咗边`, `点解我报咗冇显示`)
    got a ticket for the adviser, who cannot see why: it is review_why's, each record that waits with its reasons, or
    that none waits and where the count is (我的进度). Never a ticket."""
    add_roster(bot)
    clock.set(DAYTIME)
    reply = villager.says(asked)
    assert reply == bot.t("progress.review_why_none"), asked
    assert tickets_of(bot, villager.openid) == []


@pytest.mark.parametrize("asked", NOT_GONE)
def test_other_words_about_records_are_not_review_why(villager, bot, clock, asked):
    add_roster(bot)
    clock.set(DAYTIME)
    assert villager.says(asked) != bot.t("progress.review_why_none"), asked
