"""Tidy72, through the signed webhook on a real SQLite file: a dated notice's staleness is its outbox row's own
(``stale_after``), set where it is queued, and a database from before the column opens and keeps dropping the dated
notices it holds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import clock as clock_mod
from bot.app import create_app
from tests.e2e.test_outbound import queue, send
from tests.e2e.test_registration import roster  # noqa: F401 - fixtures
from tests.e2e.test_visits import county  # noqa: F401 - fixtures


def _hours(bot) -> timedelta:
    return timedelta(hours=float(bot.config.get("outbox.held_reminder_hours")))


def test_a_visit_reminder_is_queued_with_the_moment_it_goes_stale_and_an_answer_never_is(
    county, villager_factory, bot, clock, tick, rows
):
    villager_factory("o-wang").says("你好")
    tick("2027-03-20T10:00")  # the monthly visit reminder (sim68), due now
    (reminder,) = rows("SELECT next_attempt_at, stale_after FROM outbox WHERE kind = 'notice'")
    due = clock_mod.from_db(reminder["next_attempt_at"])
    assert reminder["stale_after"] == clock_mod.to_db(due + _hours(bot))
    # near-miss: an answer held as long is not dated (the question still waits for it)
    queue(bot, "o-wang", "专家回答：可以种", "a-1")
    assert rows("SELECT stale_after FROM outbox WHERE dedupe_key = 'a-1'") == [{"stale_after": None}]


def test_an_old_database_gains_the_column_and_its_held_dated_notices_still_go_stale(
    county, villager_factory, bot, clock, config, sent_to, rows
):
    wang = villager_factory("o-wang")
    wang.says("你好")
    with bot.db.conn:  # the database as the version before found it: no column, dated notices known by their keys
        bot.db.execute("ALTER TABLE outbox DROP COLUMN stale_after")
        bot.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_outbox_stale_after'")
        for key, kind, text, due in (
            ("visit-reminder:2027-02:1", "notice", "2月您挂钩的埔心村还没有下沉服务记录", "2027-02-20T02:00:00"),
            ("award-reminder:first_awards:2027:1", "notice", "评选还有7天", "2027-03-12T02:00:00"),
            ("ticket-notice:3", "notice", "新问题 第3号（埔心村）", "2027-03-12T02:00:00"),
            ("r-old", "reminder", "计划表3月15日前报齐，还有3天", "2027-03-12T02:00:00"),
            ("visit-reminder:2027-03:1", "notice", "3月您挂钩的下围村还没有下沉服务记录", "2027-03-20T02:00:00"),
        ):
            bot.db.execute(
                "INSERT INTO outbox (openid, kind, text, dedupe_key, status, attempts, next_attempt_at, created_at)"
                " VALUES ('o-wang', ?, ?, ?, 'held', 1, ?, ?)",
                [kind, text, key, due, due],
            )
    started = create_app(config)  # starting the new version migrates the database
    started.extensions["bot"].databases.close_all()
    assert rows("SELECT dedupe_key, stale_after FROM outbox WHERE kind = 'notice' ORDER BY id") == [
        {"dedupe_key": "visit-reminder:2027-02:1", "stale_after": "2027-02-21T02:00:00"},
        {"dedupe_key": "award-reminder:first_awards:2027:1", "stale_after": "2027-03-13T02:00:00"},
        {"dedupe_key": "ticket-notice:3", "stale_after": None},
        {"dedupe_key": "visit-reminder:2027-03:1", "stale_after": "2027-03-21T02:00:00"},
    ]
    clock.set("2027-03-20T15:00")  # the adviser writes again: a month after February's, hours after March's
    wang.says("待办")
    send(bot)
    assert [t for t in sent_to("o-wang") if "服务记录" in t or "评选" in t or "计划表" in t or "新问题" in t] == [
        "新问题 第3号（埔心村）",
        "3月您挂钩的下围村还没有下沉服务记录",
    ]
    assert rows("SELECT dedupe_key FROM outbox WHERE status = 'cancelled' AND error = 'stale' ORDER BY id") == [
        {"dedupe_key": "visit-reminder:2027-02:1"},
        {"dedupe_key": "award-reminder:first_awards:2027:1"},
        {"dedupe_key": "r-old"},
    ]


# -- one reader of a pick (nlu.pick): a form one list read, now read by the others ----------------------------------
@pytest.mark.parametrize("said", ["我要第二个", "要第二个啊", "第二项", "我就选2号"])
def test_the_faq_choice_reads_a_pick_the_village_list_read(villager, bot, said):
    from tests.e2e.test_escalation import add_roster
    from tests.e2e.test_faq_ask_back import TWO_READINGS, readings

    add_roster(bot)
    _first, second = readings(bot, TWO_READINGS)
    villager.says(TWO_READINGS)
    assert villager.says(said) == second.answer_text


@pytest.mark.parametrize("said", ["两棵", "我要第三个", "要两棵"])
def test_a_count_or_a_place_past_the_two_is_no_choice(villager, bot, said):
    from tests.e2e.test_escalation import add_roster
    from tests.e2e.test_faq_ask_back import TWO_READINGS, readings

    add_roster(bot)
    first, second = readings(bot, TWO_READINGS)
    villager.says(TWO_READINGS)
    assert villager.says(said) not in (first.answer_text, second.answer_text)


@pytest.mark.parametrize("said", ["我要第二个", "后面那个", "第二项吧"])
def test_the_village_list_reads_a_pick_the_faq_choice_read(villager, roster, said):
    from tests.e2e.test_registration import claim_of

    reply = villager.says("登记 赵敏 下围")
    assert "1. 下围村" in reply and "2. 下围社区" in reply
    assert "下围社区" in villager.says(said)
    assert claim_of(roster, villager.openid)["village"] == "下围社区"
