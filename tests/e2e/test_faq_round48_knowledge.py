"""FAQ round 48, knowledge (issue 17 §2–§5), end to end through signed pushes to the real /wechat route: a poisonous
plant eaten gets ate_plant's line, the ticket's number, then the first aid (tech.poison_first_aid); the same question
sent again within minutes is one ticket, and the reply carries the line and the first aid again; whose a tree's fruit
is (fruit_owner), asked while another ticket is open, is a question of its own, never swallowed as a 补充; the new
entries answer without a ticket."""

from __future__ import annotations

import pytest

from bot import escalation
from bot.escalation import load_faq_index
from tests.e2e.test_escalation import (  # noqa: F401 (adviser: a fixture)
    DAYTIME,
    LI,
    add_roster,
    adviser,
    attachment_kinds,
    send,
    ticket_number,
)
from tests.e2e.test_faq_chat import ticket_count

POISON_LINE = ("⚠ 安全第一", "别自己催吐", "120", "带给医生")
POISON_AID = ("别自己抠喉咙催吐", "留下吃的那种果子", "记下几点吃的")
LIME_AID = ("扒开眼皮", "眼科")


def _line_number_aid(reply: str, line: tuple[str, ...], aid: tuple[str, ...]) -> None:
    head = reply.strip().splitlines()[0]
    assert all(words in head for words in line), reply
    assert ticket_number(reply), reply
    for words in aid:
        assert words in reply and reply.index("问题编号") < reply.index(words), (words, reply)


@pytest.mark.parametrize(
    "question",
    ["细路仔食咗几块夹竹桃嘅叶 点算", "我个孙摘咗路边啲红色果仔食咗 而家话肚痛", "佢啱啱咬咗几粒树籽 头晕晕"],
)
def test_a_poisonous_plant_eaten_gets_its_line_then_the_ticket_then_the_first_aid(villager, bot, question):
    # round 116 (issue 17 §1): the first aid is the answer after the line, no ticket (the eleven blind sets BZ-CL label
    # tech.poison_first_aid, 35 of 35 rows the bot had ticketed)
    add_roster(bot)
    reply = villager.says(question)
    head = reply.strip().splitlines()[0]
    assert all(words in head for words in POISON_LINE), reply
    assert "问题编号" not in reply and all(words in reply for words in POISON_AID), reply
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    ("question", "line", "aid"),
    [
        # round 116: a plant eaten and lime in the eyes are answered now (no ticket); dangers still ticketed here
        ("台风吹倒的龙眼树压住了阿公", ("⚠ 安全第一",), ()),
        ("树枝搭住电线 冒火花", ("⚠ 安全第一", "95598"), ()),
    ],
)
def test_the_same_danger_sent_again_is_one_ticket_and_its_line_and_first_aid_come_again(
    villager, bot, clock, question, line, aid
):
    add_roster(bot)
    first = villager.says(question)
    number = ticket_number(first)
    _line_number_aid(first, line, aid)
    clock.advance(minutes=2)
    again = villager.says(question)
    assert ticket_number(again) == number and "不用再发" in again, again
    _line_number_aid(again, line, aid)
    assert ticket_count(bot) == 1 and attachment_kinds(bot, number) == []


@pytest.mark.parametrize(
    "question",
    [
        "党建林的荔枝结果了归谁",
        "村道边种的龙眼结果了大家能摘吗",  # the ticket's tree named: it had joined the ticket as a 补充
        "党建林嘅龙眼结咗果 归边个",
    ],
)
def test_whose_the_fruit_is_asked_during_a_ticket_is_its_own_question(villager, bot, clock, question):
    """Round 61 moved the expectation from a second ticket to the answer: public fruit asked in general is answered
    by camp.fruit_picking (which says the village decides); still never swallowed as the open ticket's 补充."""
    add_roster(bot)
    number = ticket_number(villager.says("我家龙眼叶子有黑斑"))
    clock.advance(minutes=2)
    reply = villager.says(question)
    assert "补充到" not in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 1, reply
    assert "由村委（社区）定" in reply, reply
    assert attachment_kinds(bot, number) == []


def test_whose_the_fruit_is_asked_after_the_answer_opens_no_follow_up(villager, adviser, bot, clock):
    add_roster(bot)
    number = ticket_number(villager.says("我家龙眼叶子有黑斑"))
    assert "已回答" in adviser.says(f"答 {number} 多半是炭疽病，剪掉病叶，雨季前喷药。")
    clock.advance(minutes=30)
    reply = villager.says("村道边种的龙眼结果了大家能摘吗")
    # round 61: answered by camp.fruit_picking, no second ticket (was a ticket with the answer under the number)
    assert "问题编号" not in reply and ticket_count(bot) == 1, reply
    assert "由村委（社区）定" in reply, reply


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("沉香树我哋呢度种唔种得", "tech.agarwood"),
        ("盆景算唔算种咗树", "tech.bonsai"),
        ("喺外面苗场买嘅苗要唔要检疫证", "tech.seedling_quarantine"),
        ("龙眼点样焙成龙眼干", "tech.fruit_processing"),
    ],
)
def test_the_new_entries_answer_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    reply = villager.says(question)
    answer = bot.service("faq", load_faq_index).entry(entry_id).answer.strip()
    assert reply.strip() == answer and ticket_count(bot) == 0, reply


def test_a_new_tickets_danger_mark_comes_from_the_replys_reading(villager, adviser, bot, sent_to, monkeypatch):
    """Round 48: the FAQ result that opened the ticket had the safety line; its notice is marked ⚠ from that reading
    (``escalation.urgent`` does not run the safety rules again); a plain question's notice is not marked."""
    add_roster(bot)
    bot.clock.set(DAYTIME)  # out of quiet hours: the notices go at once
    adviser.says("待办")  # the adviser known to the bot (followed)

    def read_again(app, ticket):
        raise AssertionError("the safety rules were read again")

    monkeypatch.setattr(escalation, "urgent", read_again)
    danger = ticket_number(villager.says("台风吹倒的龙眼树压住了阿公"))  # round 116: a plant eaten is answered now
    plain = ticket_number(villager.says("我家桂花树皮裂开流出黑水"))
    send(bot)
    notices = sent_to(LI)
    assert any(f"第{danger}号" in text and text.startswith("⚠ 涉及人身安全") for text in notices), notices
    assert any(f"第{plain}号" in text for text in notices)
    assert not any(f"第{plain}号" in text and "⚠" in text for text in notices), notices
