"""FAQ round 80 (set BJ's over-escalation), end to end through signed pushes to the real /wechat route: a question
asked for a neighbour with no phone or a grandparent is answered as the question itself, no ticket and not the proxy's
answer; a relative's sick tree told through the go-between keeps the ticket; an account problem told with 我是 is
never small talk (tests/unit/test_faq_round80.py)."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import rules_answer, ticket_count


def _first_line(bot, entry_id: str) -> str:
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    return entry.answer.strip().splitlines()[0]


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("隔篱阿婶叫我帮佢问 新种嘅树几耐淋一次水", "tech.watering_after"),
        ("阿婆冇手机 佢叫我问下 树苗去边度领", "camp.seedlings"),
        ("我帮阿爷问 植树节系边日", "camp.arbor_day"),
    ],
)
def test_a_question_asked_for_someone_else_is_answered_as_asked(villager, bot, question, entry_id):
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says(question))
    assert _first_line(bot, entry_id) in reply, reply
    assert _first_line(bot, "bot.proxy") not in reply, reply
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply


def test_a_neighbour_s_sick_tree_told_through_the_go_between_keeps_the_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("隔篱阿伯冇手机 佢棵荔枝啲叶黄晒 叫我帮佢问")
    assert ticket_number(reply) and ticket_count(bot) == 1, reply


@pytest.mark.parametrize("text", ["我系台湾证件 绑唔到", "我是学生 密码忘记了"])
def test_an_account_problem_told_is_never_small_talk(villager, bot, text):
    add_roster(bot)
    reply = villager.says(text)
    assert bot.t("faq.small_talk") not in reply, reply
    assert reply.strip(), reply


def test_clusters_told_are_the_trouble_not_a_record(villager, bot):
    add_roster(bot)
    reply = rules_answer(villager, bot, villager.says("路边啲大树上面一丛丛寄生草"))
    assert _first_line(bot, "tech.mistletoe") in reply, reply
    assert "没认出" not in reply and ticket_count(bot) == 0, reply
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM plantings"))["n"] == 0
