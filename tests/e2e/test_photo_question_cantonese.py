"""A question about the photo just sent, in Cantonese (the lead, twenty-ninth session, in the simulator: a photo then
'你睇下而家点样' had started a planting record and got the FAQ's 我的树 card): the photo question's words are read in
the normalised text too (睇下 -> 看下), so the photo goes to an adviser's ticket with it. Examples written before the
change, run on main f681fa8: QUESTIONS 3/6 (the others had started a record), CONTROLS 4/4."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import add_roster, attachment_kinds, ticket_number

QUESTIONS = [
    "你睇下而家点样",
    "帮我睇下呢棵荔枝",
    "睇睇佢系咪病咗",
    "专家睇下啲叶",
    "你睇吓点解咁黄",
    "帮手睇下得唔得",
]
CONTROLS = ["两棵龙眼", "种咗三棵荔枝", "一棵桂花", "我种的是杨梅"]  # the record's trees


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_photo_then_a_cantonese_look_at_it_is_a_ticket_with_the_photo(villager, bot, text):
    add_roster(bot)
    villager.sends_photo("ph-tree")
    number = ticket_number(villager.says(text))
    assert attachment_kinds(bot, number) == ["image"]
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM plantings WHERE status != 'cancelled'"))["n"] == 0


@pytest.mark.parametrize("text", CONTROLS)
def test_a_photo_then_its_trees_is_the_record(villager, bot, text):
    add_roster(bot)
    villager.sends_photo("ph-tree")
    villager.says(text)
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"] == 0
