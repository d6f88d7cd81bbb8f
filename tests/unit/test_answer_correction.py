"""The pure parts of correcting an answer (更正): reading the command, 答 … 更正：…, who may correct, the window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot import escalation as esc

ADVISER = {"id": 7, "role": "技术顾问"}
OTHER = {"id": 8, "role": "技术顾问"}
ADMIN = {"id": 9, "role": "管理员"}
VILLAGER = {"id": 10, "role": "群众"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("更正 84 是缺铁，用硫酸亚铁", (84, "是缺铁，用硫酸亚铁")),
        ("更正84：是缺铁", (84, "是缺铁")),
        ("更正 第84号 是缺铁", (84, "是缺铁")),
        ("改正 84 是缺铁", (84, "是缺铁")),
        ("更正，八十四号，是缺铁", (84, "是缺铁")),  # voice input writes the number in Chinese
        ("更正 84", (84, "")),
        ("更正 3棵桂花", None),  # a count, not a ticket
        ("更正 3 棵", None),
        ("更正为5棵", None),  # a planting record's count changed (bot/planting.py)
        ("更正", None),
        ("答 84 是缺铁", None),
    ],
)
def test_parse_correct_command(text, expected):
    assert esc.parse_correct_command(text) == expected


@pytest.mark.parametrize(
    "rest, expected",
    [
        ("更正：是缺铁", "是缺铁"),
        ("改正 是缺铁", "是缺铁"),
        ("改正是缺铁", "是缺铁"),
        ("更正一下，是缺铁", "是缺铁"),
        ("纠正：是缺铁", "是缺铁"),
        ("更正", ""),
        ("先停水一周", None),
        ("要是更正不了就重种", None),
    ],
)
def test_correction_in_answer(rest, expected):
    assert esc.correction_in_answer(rest) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("更正 是缺铁", "更正"),
        ("改正：是缺铁", "更正"),
        ("更正", None),
        ("更正 3棵", None),
        ("答", "答"),
        ("收录", "收录"),
    ],
)
def test_bare_command_names_更正_only_with_words_after_it(text, expected):
    assert esc.bare_command(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("回复84：是缺铁", True),
        ("84号：是缺铁", True),
        ("第84号 是缺铁", True),
        ("#84 是缺铁", True),
        ("84 是缺铁", False),
    ],
)
def test_an_answer_without_答_names_its_ticket_plainly(text, expected):
    assert esc.names_ticket_plainly(text) is expected


@pytest.mark.parametrize(
    "person, by_admin, allowed",
    [(ADVISER, None, True), (OTHER, None, False), (ADMIN, None, True), (VILLAGER, None, False), (None, "admin", True)],
)
def test_only_who_answered_or_an_admin_may_correct(person, by_admin, allowed):
    ticket = {"answered_by_person_id": ADVISER["id"], "adviser_person_id": OTHER["id"]}
    assert esc.may_correct(ticket, person, by_admin) is allowed


class _App:
    class config:  # noqa: N801 - what _settings reads
        @staticmethod
        def section(_name):
            return {
                "attach_minutes": 10,
                "max_tickets_per_hour": 5,
                "remind_after_hours": 24,
                "reassign_after_hours": 48,
                "reopen_days": 3,
            }


@pytest.mark.parametrize(
    "status, answered, reaches",
    [
        ("answered", "2027-03-01T00:00:00", True),
        ("closed", "2027-03-08T00:00:00", True),
        ("closed", "2027-03-01T00:00:00", False),
    ],
)
def test_a_closed_tickets_villager_is_told_only_within_the_reopen_window(monkeypatch, status, answered, reaches):
    monkeypatch.setattr(esc.store, "last_answer_at", lambda _db, _id: answered)
    ticket = {"id": 1, "status": status, "answered_at": answered, "closed_at": answered}
    now = datetime(2027, 3, 10, tzinfo=UTC)
    assert esc.correction_reaches_villager(_App, None, ticket, now) is reaches
