"""FAQ round 112 end to end (issue 17 §1, confident wrong): through signed pushes to the real /wechat route and a real
SQLite file, a question whose top entry does not cover it (the model reads it otherwise) files a ticket instead of
that entry's answer; a question the same entry covers is still answered. tests/unit/test_faq_round112.py holds the
gate."""

from __future__ import annotations


def test_an_off_list_tree_s_pruning_is_a_ticket_not_its_fruit_thinning(asker):
    reply = asker.says("芒果树点样剪")
    assert "问题编号" in reply, reply
    assert asker.first_line("tech.fruit_thinning") not in reply, reply
    assert asker.tickets() == 1


def test_the_covered_question_is_answered(asker):
    asker.answered_by("点样剪枝", "tech.pruning_general")
    assert asker.tickets() == 0
