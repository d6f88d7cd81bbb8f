"""FAQ round 119 end to end (issue 17 §1, set CN: questions with an answer that became tickets), through signed pushes to
the real /wechat route and a real SQLite file: a listed tree called by another name the species table now knows (乌榄
for 橄榄, messages/species.toml), a climbing plant asked for a wall (no ladder's safety line, no ticket:
messages/faq/safety.toml ladder_climbing's not_when), and a chainsaw cut (the cut's first aid, its line first, no ticket;
who pays keeps the ticket). tests/unit/test_faq_round119.py holds the figures over the helper's own phrasings."""

from __future__ import annotations

from tests.faq_helpers import faq_index


def test_a_tree_by_a_name_of_its_own_is_answered_with_the_tree_s_field(asker):
    species = faq_index(asker.bot).species["橄榄"]
    reply = asker.says("乌榄一般几月开花")
    assert species["flowering"] in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_plant_to_climb_a_wall_is_no_person_on_a_ladder(asker):
    reply = asker.answered_by("祠堂后面的墙想种点东西爬上去", "tech.vertical_greening")
    assert "梯子" not in reply, reply


def test_a_chainsaw_cut_is_answered_with_the_cut_s_first_aid(asker):
    reply = asker.says("油锯弹起来割到小腿 血流个不停")
    assert reply.startswith("⚠"), reply
    assert asker.first_line("tech.injury_first_aid") in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_chainsaw_cut_asked_who_pays_keeps_its_ticket(asker):
    reply = asker.says("帮村里用电锯锯树割到手了 医药费谁出")
    assert "问题编号" in reply, reply
    assert asker.tickets() == 1
