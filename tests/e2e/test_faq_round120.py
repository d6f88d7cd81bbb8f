"""FAQ round 120 end to end (issue 17 §1, set CO: confident wrongs by class), through signed pushes to the real /wechat
route and a real SQLite file: where one household's task counts when its hukou and its home are apart is a ticket with
the quota of a household under its number (messages/faq/matching.toml counted_where), and a child's branch broken with
the parents denying it is a ticket, not the first aid of a fall (dispute; safety.toml aid_kept). tests/unit/
test_faq_round120.py holds the figures over the helper's own phrasings."""

from __future__ import annotations


def test_where_a_household_s_task_counts_is_a_ticket_with_the_household_quota_under_it(asker):
    reply = asker.says("我们一家住在县城 户口在村里 算哪里的种树任务")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    rule = asker.first_line("camp.quota_household")
    # the village's matter (escalation_routes.toml): no cadre here, so the office
    assert rule in reply and "技术顾问答不了" in reply, reply
    assert reply.index("问题编号") < reply.index(rule), reply


def test_a_branch_broken_with_the_parents_denying_is_a_ticket_not_first_aid(asker):
    reply = asker.says("小孩爬上树把树枝弄断了 大人不承认")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
    aid = asker.first_line("tech.injury_first_aid")
    assert not reply.startswith(aid) and reply.index("问题编号") < reply.index(aid), (
        reply
    )  # the first aid under the number
