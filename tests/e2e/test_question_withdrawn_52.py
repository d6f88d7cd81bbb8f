"""Round 52 (the lead, in the simulator), through signed pushes: a villager whose question waits for the adviser says
it needs no answer now ('算了不用问了', '唔使问啦', '撤回刚才的问题') or that it is solved ('解决了'): the ticket is closed
(off the adviser's 待办, its waiting notice withdrawn, the dashboard says who and why) and the villager is told. Before,
the words got small talk or 'nothing to confirm', and the adviser still had the question to answer."""

from __future__ import annotations

import pytest

from bot import escalation
from tests.e2e.test_escalation import DAYTIME, LI, UNANSWERABLE, add_roster, send, ticket, ticket_number

# written before the reader (the words of a question not needed any more; 0 of 10 closed a ticket before it)
WITHDRAWN = [
    "算了不用问了",
    "不用问了",
    "唔使问啦",
    "问题撤回",
    "撤回刚才的问题",
    "不用麻烦专家了",
    "头先嗰个问题唔问啦",
    "我问错了不用回答",
    "搞掂咗唔使答",
    "不用回复了谢谢",
]
# said with a question waiting, none of them closes it
NOT_WITHDRAWN = ["专家几时回复我", "不用浇水吗", "算了", "谢谢", "不用施肥吗", "桂花不用剪枝吧", "我不用问专家了吗"]


@pytest.mark.parametrize("words", WITHDRAWN)
def test_a_question_withdrawn_before_its_answer_is_closed(villager, bot, words):
    add_roster(bot)
    bot.clock.set(DAYTIME)
    number = ticket_number(villager.says(UNANSWERABLE))
    reply = villager.says(words)
    assert reply == f"好的，第{number}号问题已撤回，顾问不用再回答了。想再问，请发“问专家”加上问题。"
    row = ticket(bot, number)
    assert (row["status"], row["closed_by"], row["close_reason"]) == ("closed", "张三", "村民撤回了问题")


def test_the_adviser_is_not_asked_for_it_any_more(villager, villager_factory, bot, sent_to):
    add_roster(bot)
    bot.clock.set("2027-03-15T23:00")  # quiet hours: the adviser's notice waits for the morning
    number = ticket_number(villager.says(UNANSWERABLE))
    villager.says("算了不用问了")
    bot.clock.set("2027-03-16T09:00")
    send(bot)
    assert not [m for m in sent_to(LI) if f"第{number}号" in m]  # the waiting notice was withdrawn
    adviser = villager_factory(LI)
    assert f"第{number}号" not in adviser.says("待办")
    assert "结束" in adviser.says(f"答 {number} 先停水一周")


def test_solved_before_its_answer_closes_it_too(villager, bot):
    add_roster(bot)
    bot.clock.set(DAYTIME)
    number = ticket_number(villager.says(UNANSWERABLE))
    assert f"第{number}号问题已撤回" in villager.says("解决了")
    assert ticket(bot, number)["status"] == "closed"


def test_an_answered_question_is_resolved_as_before(villager, villager_factory, bot):
    add_roster(bot)
    bot.clock.set(DAYTIME)
    number = ticket_number(villager.says(UNANSWERABLE))
    villager_factory(LI).says(f"答 {number} 多半是积水烂根，先停水一周。")
    assert "已结束" in villager.says("解决了")
    row = ticket(bot, number)
    assert (row["status"], row["close_reason"]) == ("closed", None)


@pytest.mark.parametrize("words", NOT_WITHDRAWN)
def test_other_words_leave_the_question_waiting(villager, bot, words):
    assert not escalation.question_withdrawn(words)
    add_roster(bot)
    bot.clock.set(DAYTIME)
    number = ticket_number(villager.says(UNANSWERABLE))
    villager.says(words)
    assert ticket(bot, number)["status"] == "open"


def test_with_no_question_waiting_the_words_are_what_they_were(villager, bot):
    """No ticket: '不用回复了谢谢' is thanks (small talk), never 'nothing to confirm'; 解决了 still says there is none."""
    add_roster(bot)
    bot.clock.set(DAYTIME)
    assert "没有等您确认" not in villager.says("不用回复了谢谢")
    assert "没有等您确认" in villager.says("解决了")
