"""FAQ helper faq132 end to end (the fifty-ninth session; issue 17 §1, §3; set CU's missed tickets and missing safety
lines by class), through signed pushes to the real /wechat route and a real SQLite file: a tree about to fall 'at any
moment' (随时要倒) and a tree a gale felled onto a neighbour's car open with their safety line before the ticket's
number; spraying asked on a windy day opens with the wind's line, then the answer on spraying safely, no ticket; many
leeches on the hill open with the leech line; a neighbour registering one's tree under her name, and outsiders gathering
on one's hill, are tickets, not the proxy's or agarwood's card; trees in flowerpots asked whether they count toward
the task are the village's ticket (potted_counted), not the rooftop card. tests/unit/test_faq_round_faq132.py holds the figures
over the helper's own phrasings."""

from __future__ import annotations

import pytest


def test_a_tree_about_to_fall_at_any_moment_gets_its_line_before_the_ticket(asker):
    asker.danger_line_then_ticket("村口那棵枯死的老树随时要倒 底下天天有人走", ("别站在树下", "围起来"))


def test_a_tree_a_gale_felled_onto_a_car_gets_the_fallen_tree_line_before_the_ticket(asker):
    asker.danger_line_then_ticket("昨晚风好大 门口那棵木棉倒了压住了隔壁的摩托车", ("别一个人锯", "别爬树"))


def test_spraying_on_a_windy_day_opens_with_the_wind_s_line_then_the_answer(asker):
    reply = asker.danger_line_no_ticket("风大的时候喷农药行不行", "风大别打药")
    assert asker.first_line("tech.pesticide_safety") in reply, reply


def test_many_leeches_on_the_hill_open_with_the_leech_line(asker):
    reply = asker.danger_line_no_ticket("林子里蚂蟥很多", "别硬扯")
    assert asker.first_line("tech.leeches") in reply, reply


@pytest.mark.parametrize(
    "question",
    ["隔篱屋阿伯把我种的龙眼当成佢的 仲登记咗佢名下", "外村人来我山上采草药 踩烂了新种的苗"],
)
def test_a_tree_claimed_by_a_neighbour_or_gathering_on_one_s_hill_is_a_ticket(asker, question):
    reply = asker.says(question)
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert asker.first_line("bot.proxy") not in reply and asker.first_line("tech.understory_herbs") not in reply, reply


def test_trees_in_flowerpots_asked_whether_they_count_are_the_village_s_ticket(asker):
    reply = asker.says("楼下没泥地 种几盆大盆栽可以算完成任务吗")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    # potted_counted is the village's matter (escalation_routes.toml): no cadre on this roster, so the office; its note
    assert "技术顾问答不了" in reply and "种在花盆里的树算不算完成任务" in reply, reply
    assert asker.first_line("tech.rooftop") not in reply, reply
