"""FAQ round 88 end to end (issue 17 §1), through signed pushes to the real /wechat route and a real SQLite file: an
answer the model hardly leads for is a ticket, not the guessed entry; one it leads for is answered with no ticket (the
gate itself: tests/unit/test_faq_round88.py)."""

from __future__ import annotations

import re

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket


def tickets(bot) -> list:
    return list(bot.db.query("SELECT * FROM tickets ORDER BY id"))


def test_a_guess_is_a_ticket_not_the_guessed_entry(villager, bot):
    add_roster(bot)
    question = "种树到底对我哋村有咩好处"
    reply = villager.says(question)
    number = int(re.search(r"问题编号：(\d+)", reply).group(1))
    assert ticket(bot, number)["question"] == question
    guessed = bot.service("faq", load_faq_index).entry("tech.hole_early").answer.strip().splitlines()[0]
    assert guessed not in reply, reply  # main answered with the early holes' entry


def test_an_answer_the_model_leads_for_is_given(villager, bot):
    add_roster(bot)
    reply = villager.says("代人种嘅树 证书写边个名")
    first = bot.service("faq", load_faq_index).entry("bot.certificate").answer.strip().splitlines()[0]
    assert first in reply, reply
    assert "问题编号" not in reply
    assert tickets(bot) == []
