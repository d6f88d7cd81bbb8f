"""FAQ round 80 (set BJ's over-escalation), end to end through signed pushes to the real /wechat route: a question
asked for a neighbour with no phone or a grandparent is answered as the question itself, no ticket and not the proxy's
answer; a relative's sick tree told through the go-between keeps the ticket; an account problem told with 我是 is
never small talk (tests/unit/test_faq_round80.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # main: a ticket (the dispute rule read 邻居), or the chat's ticket for 低保 asked through 帮我问下
        ("邻居阿伯冇手机托我问 佢屋企要种几多棵", "camp.quota_household"),
        ("帮我问下低保点申请", "bot.off_topic"),
        ("隔篱阿婶叫我帮佢问 新种嘅树几耐淋一次水", "tech.watering_after"),
    ],
)
def test_a_question_asked_for_someone_else_is_answered_as_asked(asker, question, entry_id):
    reply = asker.answered_by(question, entry_id)
    assert asker.first_line("bot.proxy") not in reply, reply


def test_a_neighbour_s_sick_tree_told_through_the_go_between_keeps_the_ticket(asker):
    reply = asker.says("隔篱阿伯冇手机 佢棵荔枝啲叶黄晒 叫我帮佢问")
    assert ticket_number(reply) and asker.tickets() == 1, reply


@pytest.mark.parametrize("text", ["我系台湾证件 绑唔到", "我是学生 密码忘记了"])
def test_an_account_problem_told_is_never_small_talk(asker, bot, text):
    reply = asker.says(text)
    assert bot.t("faq.small_talk") not in reply, reply
    assert reply.strip(), reply


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        # main: the proxy's answer (帮阿公, 叫我帮她问 read as doing things for others)
        ("隔壁阿婆没有手机 叫我帮她问 荔枝几时施肥", "荔枝·施肥"),
        ("帮阿公问下 龙眼树要唔要剪枝", "龙眼·修剪"),
    ],
)
def test_a_tree_s_field_asked_for_a_relative_is_that_field_not_the_proxy(asker, question, heading):
    reply = asker.answer(question)
    assert reply.startswith(heading), reply
    assert asker.first_line("bot.proxy") not in reply and asker.tickets() == 0, reply


@pytest.mark.parametrize(
    ("question", "entry_id"), [("树上长咗一丛丛寄生", "tech.mistletoe"), ("啲苗一棵棵俾蜗牛食晒叶", "tech.snails")]
)
def test_clusters_told_are_the_trouble_not_a_record(asker, bot, question, entry_id):
    # main: '没认出“丛寄生”这种树。1棵树是什么树？' (a record of one tree called 丛寄生 waiting for its photo)
    reply = asker.answer(question)
    assert asker.first_line(entry_id) in reply, reply
    assert "没认出" not in reply and asker.tickets() == 0, reply
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM plantings"))["n"] == 0
    assert "planting" not in {row["flow"] for row in bot.db.query("SELECT flow FROM conversations")}
