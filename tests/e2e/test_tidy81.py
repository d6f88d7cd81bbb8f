"""Tidy81's chat behaviour, through signed pushes and the real SQLite file.

- A pending record's tree changed politely ('劳驾改成龙眼', '唔该改成龙眼', '拜托改成桂花'): the record's tree, as '改成龙眼'
  and '帮我改成龙眼' were; never a person's name (龙 is a surname too) nor a ticket or the thanks (唔该). On the code before:
  0 of 5 examples (a ticket, an ask-back, the thanks); every control as now.
- A village's ticket taken over by the other cadre after its wait (tidy80's ``escalation.may_take_over``), answered with
  the number and no 答 ('84号 …'): answered and taken on, as the holder's own '84号 …' is and as '答 84 …' was; before its
  wait still not theirs. On the code before: the taker's '84号 …' was not read as an answer (the ticket stayed open)."""

from __future__ import annotations

import pytest

from bot import scheduler
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)
from tests.e2e.test_escalation import send, ticket, ticket_number
from tests.e2e.test_escalation_route100 import CADRE, SECRETARY, person_id, roster  # noqa: F401 (fixture)

CHANGED_POLITELY = [
    ("劳驾改成龙眼", "龙眼"),
    ("唔该改成龙眼", "龙眼"),
    ("麻烦改成龙眼", "龙眼"),
    ("拜托改成桂花", "桂花"),
    ("劳驾帮我改成龙眼树", "龙眼"),
    # controls
    ("改成龙眼", "龙眼"),
    ("帮我改成龙眼", "龙眼"),
]


@pytest.mark.parametrize(("message", "tree"), CHANGED_POLITELY)
def test_tidy81_a_pending_record_s_tree_changed_politely(probe, message, tree):  # noqa: F811
    assert probe.run("pending", message, "planting") == ""
    rows = probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [probe.openid])
    assert rows == [{"species": tree, "count": 2, "status": "pending"}]
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


ANSWER = "补贴下个月统一发，名单在村委公示栏。"


def _asked(villager, secretary, cadre) -> int:
    secretary.says("你好")
    cadre.says("你好")
    return ticket_number(villager.says("补贴还没到账"))


@pytest.mark.parametrize("said", ["{n}号 " + ANSWER, "{n}号：" + ANSWER, "回复{n} " + ANSWER])
def test_tidy81_the_other_cadre_answers_with_the_number_alone_after_the_wait(
    villager, villager_factory, bot, sent_to, roster, said
):
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    number = _asked(villager, secretary, cadre)
    bot.clock.advance(hours=25)
    scheduler.run_due(bot, bot.clock())
    reply = cadre.says(said.format(n=number))
    assert "已回答" in reply and "已转到您名下" in reply, reply
    row = ticket(bot, number)
    assert row["status"] == "answered" and row["adviser_person_id"] == person_id(bot, CADRE) and row["answer"] == ANSWER
    send(bot)
    assert "名单在村委公示栏" in sent_to(villager.openid)[-1]


def test_tidy81_the_holder_s_number_alone_answers_as_before(villager, villager_factory, bot, roster):
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    number = _asked(villager, secretary, cadre)
    assert "已回答" in secretary.says(f"{number}号 {ANSWER}")
    assert ticket(bot, number)["adviser_person_id"] == person_id(bot, SECRETARY)


def test_tidy81_before_its_wait_the_number_alone_is_not_the_other_cadre_s_answer(
    villager, villager_factory, bot, roster
):
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    number = _asked(villager, secretary, cadre)
    bot.clock.advance(hours=23)
    cadre.says(f"{number}号 {ANSWER}")
    row = ticket(bot, number)
    assert row["status"] == "open" and row["adviser_person_id"] == person_id(bot, SECRETARY)
