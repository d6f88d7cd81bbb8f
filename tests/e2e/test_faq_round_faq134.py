"""FAQ helper faq134 end to end (the fifty-ninth session; issue 17 §1, §3; set CU's asked-back rows and a doubled
safety line by class), through signed pushes to the real /wechat route and a real SQLite file: a villager's own pledge
of trees is the pledge's answer outright, not a choice between it and the deadlines or the care zones; a tree about to
fall onto a house with no wind, typhoon or storm said opens with the hazard-tree line alone, not the typhoon line, and
one a typhoon brought down keeps the typhoon's; the village's plan asked what to write and whom to give it to
is the plan's answer outright. tests/unit/test_faq_round_faq134.py holds the figures over the helper's
own phrasings."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", ["我想认领四棵龙眼 三月种 怎么写", "植树安排表上我家认领的树点样报"])
def test_a_villager_s_own_pledge_is_answered_not_asked_back(asker, question):
    reply = asker.says(question)
    assert asker.first_line("bot.pledge") in reply, reply
    assert "您问的是哪一个" not in reply and "问题编号" not in reply and asker.tickets() == 0, reply
    assert asker.first_line("camp.deadlines") not in reply and asker.first_line("bot.care_zones") not in reply, reply


def test_a_tree_about_to_fall_with_no_wind_said_gets_the_hazard_line_alone(asker):
    reply = asker.danger_line_then_ticket("村委旁边那棵老榕树随时会倒 压到屋顶点算", ("别站在树下", "围起来"))
    assert "台风" not in reply and "留在屋里" not in reply, reply
    assert reply.count("⚠ 安全第一") == 1, reply


def test_a_tree_a_typhoon_brought_down_keeps_the_typhoon_line(asker):
    reply = asker.danger_line_then_ticket("台风把门口那棵树吹倒了 压到屋顶", ("留在屋里", "别一个人锯"))
    assert "别站在树下" not in reply, reply


def test_the_village_s_plan_asked_whom_to_give_it_to_is_answered_not_asked_back(asker):
    reply = asker.says("村里绿化计划要写树种吗 报给谁")
    assert asker.first_line("camp.plan_filing") in reply, reply
    assert "您问的是哪一个" not in reply and "问题编号" not in reply and asker.tickets() == 0, reply
    assert asker.first_line("camp.deadlines") not in reply, reply


@pytest.mark.parametrize("question", ["屋前那棵大树倒了 压到邻居屋顶", "路边棵老树断咗 砸坏咗车"])
def test_a_fallen_tree_with_no_wind_said_gets_no_typhoon_words(asker, question):
    # the lead (fifty-ninth session): a tree already down with no wind, typhoon or storm said opens with the fallen
    # tree's line ('别一个人锯、别爬树'), not '台风正刮时请留在屋里'
    reply = asker.danger_line_then_ticket(question, ("别一个人锯", "95598"))
    assert "台风" not in reply and "留在屋里" not in reply, reply
    assert reply.count("⚠ 安全第一") == 1, reply
