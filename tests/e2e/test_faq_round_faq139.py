"""FAQ helper faq139 end to end (the sixtieth session; issue 17 §3 and §1), through signed pushes to the real /wechat
route and a real SQLite file: a big tree leaning more each day or eaten hollow by termites opens with the hazard-tree
line before the ticket's number (and before the felling law's words); thorns near children open a species' answer with
the thorn line; the bare word for a caterpillar is the sting's answer under its line; a tree's fruit asked by 熟 and a
milestone reported here are answered outright, not asked back. tests/unit/test_faq_round_faq139.py holds the figures
over the helper's own phrasings."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["晒谷场边那棵樟树一天比一天歪", "村口古榕被白蚁蛀空 要不要砍"])
def test_a_tree_that_may_fall_opens_with_the_hazard_line_before_the_ticket(asker, question):
    reply = asker.danger_line_then_ticket(question, ("别站在树下", "围起来"))
    if "森林法" in reply:
        assert reply.index("别站在树下") < reply.index("森林法"), reply


def test_thorns_near_children_open_the_answer_with_the_thorn_line(asker):
    reply = asker.says("学校围墙边种三角梅 刺多不多 会扎到学生吗")
    line = reply.strip().splitlines()[0]
    assert line.startswith("⚠ 安全第一") and "刺" in line, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_the_bare_word_for_a_caterpillar_is_the_sting_s_answer_under_its_line(asker):
    reply = asker.danger_line_no_ticket("洋辣子", "胶布")
    assert asker.first_line("tech.caterpillar_sting") in reply, reply


@pytest.mark.parametrize(
    ("question", "entry"), [("杨梅要到几月份先熟", "species.杨梅.fruit"), ("挖完树穴 在这里报个数吗", "bot.milestones")]
)
def test_a_question_whose_words_say_which_is_answered_not_asked_back(asker, question, entry):
    reply = asker.says(question)
    assert "您问的是哪一个" not in reply and "问题编号" not in reply and asker.tickets() == 0, reply
    if entry.startswith("species."):
        assert "熟" in reply or "果" in reply, reply
    else:
        assert asker.first_line(entry) in reply, reply
