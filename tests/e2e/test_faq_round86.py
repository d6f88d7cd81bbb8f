"""FAQ round 86 end to end (issue 17 §1: a confident wrong answer is the worst outcome): set BP's classes through signed
pushes to the real /wechat route and a real SQLite file. What one's own tree shows, a promise not kept and whether one's own
household is done become a ticket with the villager's words, never the entry main answered with; the near entries
mended answer with no ticket. tests/unit/test_faq_round86.py holds the classes and their controls."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.conftest import rows_of
from tests.e2e.test_escalation import add_roster


@pytest.mark.parametrize(
    ("question", "wrong"),
    [
        ("我屋门口棵桂花有好多蚂蚁同埋啲木碎", "tech.ants"),  # borer's frass beside the ants on one's own tree
        ("我屋后棵龙眼生了好多青苔和菌", "tech.old_trees"),  # fungus on one's own tree
        ("之前村委讲死了的苗免费补，现在又话要自己出钱", "camp.seedlings"),  # a promise gone back on
        ("村里评最美植绿人点解唔评我，我种得最多", "camp.awards"),  # set BP's: why not me
        ("我哋屋企三兄弟一齐种一棵算唔算每户都完成", "camp.quota_household"),  # set BP's: the village counts households
    ],
)
def test_one_s_own_case_is_a_ticket_not_a_general_entry(villager, bot, question, wrong):
    add_roster(bot)
    reply = villager.says(question)
    assert "问题编号" in reply, reply
    assert [row["question"] for row in rows_of(bot, "SELECT question FROM tickets")] == [question]
    first = bot.service("faq", load_faq_index).entry(wrong).answer.strip().splitlines()[0]
    assert not reply.startswith(first), reply


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("水浸过的龙眼树怎么救", "tech.flood_recovery"),  # main: the longan's fear of standing water
        ("树苗外面围铁丝网有必要吗", "tech.tree_guard"),  # set BP's (main: the root ball)
        ("种黄皮要注意啲咩", "tech.offlist_care"),  # main: whether off-list trees count
    ],
)
def test_the_near_entry_answers_with_no_ticket(villager, bot, question, words):
    add_roster(bot)
    reply = villager.says(question)
    first = bot.service("faq", load_faq_index).entry(words).answer.strip().splitlines()[0]
    assert first in reply, reply
    assert "问题编号" not in reply
    assert rows_of(bot, "SELECT id FROM tickets") == []
