"""FAQ round 75 (set BF's classes), end to end through signed pushes to the real /wechat route: an off-list tree asked
whether it grows here gets how to grow it (with the frost warning), 植树节's day its own entry, a date's to-dos the
timetable, charcoal and a tree taken along when moving house their own entries, and a greeting no planting hour;
none of them a ticket (tests/unit/test_faq_round75.py)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("牛油果喺我哋呢度种唔种得生", "tech.offlist_care"),
        ("植树节系几月几号", "camp.arbor_day"),
        ("一月底之前要交啲咩", "camp.deadlines"),
        ("剪落嚟啲龙眼枝烧炭得唔得", "tech.charcoal"),
        ("搬新屋想把门口的桂花带过去", "tech.move_tree"),
    ],
)
def test_the_class_is_answered_by_its_own_entry_without_a_ticket(asker, question, entry_id):
    reply = asker.says(question)
    assert asker.first_line(entry_id) in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_the_off_list_care_answer_warns_that_tropical_trees_fear_frost(asker):
    reply = asker.says("榴莲在我们这边种得活吗")
    assert "怕霜冻" in reply and asker.tickets() == 0, reply
    assert asker.first_line("camp.exotic") not in reply, reply


def test_whether_it_counts_stays_the_exotic_answer(asker):
    reply = asker.says("种牛油果算唔算完成任务")
    assert asker.first_line("camp.exotic") in reply, reply


def test_a_greeting_is_no_planting_hour_and_no_ticket(asker):
    reply = asker.says("早上好 今日去种树喇")
    assert asker.first_line("tech.plant_time_of_day") not in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_whether_ones_home_counts_as_a_household_is_the_villages_with_the_rule_under_the_ticket(asker):
    """A married-out daughter, a split family, a 五保户: how many households is the village's call (household_status);
    the plan's rule (每户至少…棵，按户算) goes under the ticket's number."""
    reply = asker.says("我係外嫁女 户口仲喺村度 算唔算一户")
    rule = asker.first_line("camp.quota_household")
    assert "问题编号" in reply and asker.tickets() == 1, reply
    assert rule in reply, reply
    assert reply.index("问题编号") < reply.index(rule), reply
