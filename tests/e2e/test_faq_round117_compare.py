"""FAQ round 117 end to end (issue 17 §1, two trees of the list compared): through signed pushes to the real /wechat
route and a real SQLite file, '香樟同秋枫边个大得快' is answered with both trees' growth from species.toml, side by
side, and no ticket; at the house front both trees' house line (second part), while a wall already cracking still
files one. tests/unit/test_faq_round117.py holds the rule."""

from __future__ import annotations

from tests.faq_helpers import faq_index


def test_two_trees_compared_get_both_fields_and_no_ticket(asker):
    species = faq_index(asker.bot).species
    reply = asker.says("香樟同秋枫边个大得快")
    assert species["香樟"]["growth"] in reply and species["秋枫"]["growth"] in reply, reply
    assert "问题编号" not in reply, reply
    assert asker.tickets() == 0


def test_together_gets_both_spacings_and_no_ticket(asker):
    species = faq_index(asker.bot).species
    reply = asker.says("桂花和香樟种在一起行吗")
    assert species["桂花"]["spacing"] in reply and species["香樟"]["spacing"] in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_cracking_wall_keeps_its_ticket(asker):
    """Round 117 kept '我屋后有块地 种荔枝好还是龙眼好' (my plot) as the ticket's example; its second part answers the house
    front (below), and the villager's own situation (a wall already cracking) is what still needs a person."""
    reply = asker.says("屋墙已经有裂缝了 门口种香樟还是桂花")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1


def test_house_front_compared_gets_both_house_lines_and_no_ticket(asker):
    species = faq_index(asker.bot).species
    reply = asker.says("我家门口种桂花还是香樟好")
    assert species["桂花"]["size"] in reply and species["香樟"]["size"] in reply, reply
    assert "离房屋至少5米" in reply, reply  # 香樟's house caution from species.toml
    assert "问题编号" not in reply and asker.tickets() == 0, reply
