"""Tidy80 (campaign reality: the 村书记 is often busy): a village's ticket is its holder's alone until it has waited past
escalation.remind_after_hours (24); then the holder is reminded and the village's other cadre told they may answer it
too, and when they do it is passed on to them (their name on it, the answer signed by them), the former holder told.
The advisers never answer a village's ticket. Through signed pushes, the real SQLite file, the outbox, the SLA job and
the dashboard."""

from __future__ import annotations

import pytest

from bot import scheduler
from tests.e2e.test_escalation import LI, send, ticket, ticket_number
from tests.e2e.test_escalation_route100 import CADRE, SECRETARY, person_id, roster  # noqa: F401 (fixture)

ANSWER = "补贴下个月统一发，名单在村委公示栏。"


@pytest.fixture
def cadre(villager_factory):
    return villager_factory(CADRE)


def _asked(bot, villager, secretary, cadre) -> int:
    secretary.says("你好")  # both written lately: a notice may go as a customer-service message
    cadre.says("你好")
    return ticket_number(villager.says("补贴还没到账"))


def test_before_its_wait_a_village_ticket_is_its_holders_alone(villager, villager_factory, bot, roster):
    number = _asked(bot, villager, villager_factory(SECRETARY), cadre := villager_factory(CADRE))
    bot.clock.advance(hours=23)
    assert "不是分给您的" in cadre.says(f"答 {number} {ANSWER}")
    row = ticket(bot, number)
    assert row["status"] == "open" and row["adviser_person_id"] == person_id(bot, SECRETARY)


def test_past_its_wait_the_other_cadre_is_told_answers_and_takes_it_on(
    villager, villager_factory, bot, sent_to, roster
):
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    number = _asked(bot, villager, secretary, cadre)
    bot.clock.advance(hours=25)
    scheduler.run_due(bot, bot.clock())
    send(bot)
    assert any(f"提醒：第{number}号问题" in text for text in sent_to(SECRETARY))  # the holder reminded, as before
    told = [text for text in sent_to(CADRE) if f"第{number}号问题" in text]
    assert len(told) == 1 and "村书记陈建国还没答" in told[0] and "也可以答" in told[0] and f"答 {number}" in told[0]
    assert "不是分给您的" in villager_factory(LI).says(f"答 {number} 我来答")  # an adviser: never the village's

    reply = cadre.says(f"答 {number} {ANSWER}")
    assert "已回答" in reply and "已转到您名下" in reply, reply
    row = ticket(bot, number)
    assert row["status"] == "answered" and row["adviser_person_id"] == person_id(bot, CADRE)
    assert row["answered_by"] == "李红" and row["escalated_at"]
    (history,) = bot.db.query("SELECT answered_by, kind FROM ticket_answers WHERE ticket_id = ?", [number])
    assert history == {"answered_by": "李红", "kind": "answer"}
    send(bot)
    answer = sent_to(villager.openid)[-1]
    assert "村里回答了" in answer and "名单在村委公示栏" in answer and "村干部 李红" in answer
    passed = sent_to(SECRETARY)[-1]
    assert f"第{number}号问题" in passed and "已由村干部李红接过去回答" in passed and "待办里不再有它" in passed
    assert "不是分给您的" in secretary.says(f"答 {number} 我来晚了")  # no longer theirs (as a ticket passed on)
    assert ticket(bot, number)["answer"] == ANSWER


def test_the_holder_may_still_answer_after_the_wait_and_nobody_is_told_of_a_pass(
    villager, villager_factory, bot, sent_to, roster
):
    secretary, cadre = villager_factory(SECRETARY), villager_factory(CADRE)
    number = _asked(bot, villager, secretary, cadre)
    bot.clock.advance(hours=30)
    assert "已回答" in secretary.says(f"答 {number} {ANSWER}")
    assert ticket(bot, number)["adviser_person_id"] == person_id(bot, SECRETARY)
    send(bot)
    assert not any("接过去回答" in text for text in sent_to(SECRETARY) + sent_to(CADRE))


def test_on_the_dashboard_the_other_cadre_gets_the_answer_form_after_the_wait(
    villager, villager_factory, bot, app, roster
):
    from tests.e2e.dashboard_seed import add_cadre_login, login
    from tests.e2e.test_dashboard import post

    number = _asked(bot, villager, villager_factory(SECRETARY), villager_factory(CADRE))
    add_cadre_login(bot.db, "lihong", "李红")
    client = app.test_client()
    assert login(client, "lihong").status_code == 302
    url = f"/admin/tickets/{number}"
    html = client.get(url).get_data(as_text=True)
    assert 'name="answer"' not in html and "村里：陈建国（村书记）" in html  # before the wait: the holder's
    assert post(client, f"{url}/answer", {"answer": ANSWER}, url).status_code == 403
    bot.clock.advance(hours=25)
    assert login(client, "lihong").status_code == 302  # the session ended meanwhile (dashboard.session_minutes)
    html = client.get(url).get_data(as_text=True)
    assert 'name="answer"' in html and f'action="{url}/close"' not in html  # answer yes; close stays the holder's
    post(client, f"{url}/answer", {"answer": ANSWER}, url)
    assert "已转到您名下" in client.get(url).get_data(as_text=True)
    assert ticket(bot, number)["adviser_person_id"] == person_id(bot, CADRE)
