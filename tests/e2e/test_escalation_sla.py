"""Escalation SLA by `tick --now`: unanswered tickets remind the adviser once, then move on once."""

from __future__ import annotations

from datetime import timedelta

from bot import scheduler
from bot.store import outbox as outbox_store
from tests.e2e.test_escalation import ADMIN, LI, UNANSWERABLE, WANG, add_roster, ticket, ticket_number


def signed_users(app):
    """A maker of followers who push signed XML to ``app`` (its bot's clock): ``user(openid).says(...)``."""
    from bot.simulator import Signer, WeChatUser
    from tests.conftest import transport_for

    bot = app.extensions["bot"]
    signer = Signer("spamtest", "", bot.config.get("wechat.app_id"))
    return lambda openid: WeChatUser(transport_for(app), signer, openid, now=lambda: bot.clock().timestamp())


def notices(bot, openid):
    return [r["text"] for r in outbox_store.for_user(bot.db, openid) if r["kind"] == "notice"]


def person_id(bot, openid):
    return next(bot.db.query("SELECT id FROM people WHERE openid = ?", [openid]))["id"]


def test_unanswered_ticket_reminds_then_is_reassigned_by_tick(villager, bot):
    add_roster(bot)
    start = bot.clock()
    number = ticket_number(villager.says(UNANSWERABLE))
    assert len(notices(bot, LI)) == 1

    scheduler.run_due(bot, start + timedelta(hours=23))
    assert len(notices(bot, LI)) == 1  # not yet

    at_25h = start + timedelta(hours=25)
    assert scheduler.run_due(bot, at_25h)["ticket_sla"] == {"reminded": 1, "reassigned": 0}
    scheduler.run_due(bot, at_25h)  # idempotent at the same moment, and reminded only once
    scheduler.run_due(bot, start + timedelta(hours=30))
    reminders = notices(bot, LI)[1:]
    assert len(reminders) == 1 and "提醒" in reminders[0] and f"第{number}号" in reminders[0]
    assert "已等25小时" in reminders[0]

    at_73h = start + timedelta(hours=73)
    assert scheduler.run_due(bot, at_73h)["ticket_sla"] == {"reminded": 0, "reassigned": 1}
    scheduler.run_due(bot, start + timedelta(hours=200))  # once
    assert ticket(bot, number)["adviser_person_id"] == person_id(bot, WANG)
    assert len(notices(bot, WANG)) == 1 and "转给您" in notices(bot, WANG)[0]
    assert "已等3天没人回答" in notices(bot, WANG)[0]  # past two days in days, not 73小时
    assert notices(bot, ADMIN) == []


def test_with_a_single_adviser_the_ticket_is_raised_to_the_admins(villager, bot, villager_factory):
    add_roster(bot, advisers=(("李顾问", LI, "埔心村"),))
    start = bot.clock()
    number = ticket_number(villager.says(UNANSWERABLE))
    scheduler.run_due(bot, start + timedelta(hours=73))
    assert ticket(bot, number)["adviser_person_id"] is None
    assert any(f"第{number}号" in text for text in notices(bot, ADMIN))
    admin = villager_factory(ADMIN)
    assert f"第{number}号" in admin.says("待办")
    assert "已回答" in admin.says(f"答 {number} 管理员来答")


def test_a_night_question_reassigned_before_morning_withdraws_the_old_advisers_waiting_notices(
    app_with, sent_to, standin
):
    """Filed at 22:30 (quiet hours), reminded at 00:30 and reassigned at 02:30, all before 08:00: 李顾问's
    notice and reminder, still waiting for the morning, are withdrawn (reason kept); 王顾问's reassignment
    notice is not, and is what goes at 08:00."""
    from tests.conftest import rows_of
    from tests.e2e.test_escalation import send

    app = app_with(**{"escalation.remind_after_hours": 2, "escalation.reassign_after_hours": 4})
    bot = app.extensions["bot"]
    user = signed_users(app)

    add_roster(bot)
    clock = bot.clock
    clock.set("2027-03-15T22:00")
    user(LI).says("待办")  # both advisers wrote recently: a customer-service message could reach them
    user(WANG).says("待办")
    clock.set("2027-03-15T22:30")
    number = ticket_number(user("o-villager-1").says(UNANSWERABLE))
    assert scheduler.run_due(bot, clock.set("2027-03-16T00:30"))["ticket_sla"] == {"reminded": 1, "reassigned": 0}
    assert scheduler.run_due(bot, clock.set("2027-03-16T02:30"))["ticket_sla"] == {"reminded": 0, "reassigned": 1}
    assert ticket(bot, number)["adviser_person_id"] == person_id(bot, WANG)

    keyed = f"SELECT openid, status, error FROM outbox WHERE dedupe_key LIKE 'ticket:{number}:%' ORDER BY id"
    assert rows_of(bot, keyed) == [
        {"openid": LI, "status": "cancelled", "error": "ticket reassigned"},  # the new question
        {"openid": LI, "status": "cancelled", "error": "ticket reassigned"},  # the reminder
        {"openid": WANG, "status": "queued", "error": None},
    ]
    send(bot, clock.set("2027-03-16T08:00"))
    assert not any(f"第{number}号" in text for text in sent_to(LI))
    assert [text for text in sent_to(WANG) if f"第{number}号" in text] == notices(bot, WANG)
    assert "转给您" in notices(bot, WANG)[0]


def test_a_danger_ticket_at_night_is_reminded_and_reassigned_at_once(app_with):
    """Round 56: a ticket telling of a danger now, filed at 22:30, reminded at 00:30 and reassigned at 02:30: each
    notice goes when it is made, marked ⚠ (a plain one's wait for 08:00: the test above)."""
    from tests.conftest import rows_of

    app = app_with(**{"escalation.remind_after_hours": 2, "escalation.reassign_after_hours": 4})
    bot = app.extensions["bot"]
    user = signed_users(app)

    add_roster(bot)
    bot.clock.set("2027-03-15T22:30")
    number = ticket_number(user("o-villager-1").says("台风吹倒的龙眼树压住了阿公"))  # round 116: lime answered now
    scheduler.run_due(bot, bot.clock.set("2027-03-16T00:30"))
    scheduler.run_due(bot, bot.clock.set("2027-03-16T02:30"))
    keyed = f"SELECT openid, next_attempt_at FROM outbox WHERE dedupe_key LIKE 'ticket:{number}:%' ORDER BY id"
    assert [(row["openid"], row["next_attempt_at"]) for row in rows_of(bot, keyed)] == [
        (LI, "2027-03-15T14:30:00"),  # the new question, at once (UTC)
        (LI, "2027-03-15T16:30:00"),  # the reminder, at once
        (WANG, "2027-03-15T18:30:00"),  # the reassignment, at once
    ]
