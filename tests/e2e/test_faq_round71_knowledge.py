"""FAQ round 71, knowledge (orchard technique), end to end through signed pushes to the real /wechat route: a grower's
general question (how many autumn flushes, when to spray the stink bug) gets the species field that now says it, with
no ticket; one tree's spikes described as sick still opens a ticket for the adviser
(tests/unit/test_faq_round71_knowledge.py)."""

from __future__ import annotations

from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def test_a_growers_shoot_and_pest_questions_are_answered_from_the_fields(villager, bot):
    add_roster(bot)
    shoots = villager.says("荔枝采完果要放几次秋梢")
    assert "荔枝·修剪" in shoots and "两次秋梢" in shoots and "先问技术顾问" in shoots, shoots
    bugs = villager.says("荔枝椿象几时打药最好")
    assert "荔枝·病虫害" in bugs and "开花前" in bugs and "安全间隔期" in bugs, bugs
    assert "问题编号" not in shoots + bugs and ticket_count(bot) == 0


def test_one_trees_sick_spikes_still_go_to_the_adviser(villager, bot):
    add_roster(bot)
    spikes = villager.says("荔枝冲梢咗 啲花穗长咗叶 点算")  # in general: the flowering field
    assert "冲梢" in spikes and "摘掉" in spikes and ticket_count(bot) == 0, spikes
    sick = villager.says("我家龙眼花穗变成一团团扫把咁 是什么病")
    assert ticket_number(sick) and ticket_count(bot) == 1, sick
