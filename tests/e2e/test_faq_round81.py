"""FAQ round 81 (set BL's confident wrong answers and missed tickets), end to end through signed pushes to the real
/wechat route: a person who ate seeds beside a dog opens with the eaten plant's line and gets a ticket; a snake gone
into a tree's hollow opens with the snake's line and the snake entry, not old-tree care; '我唔系党员' asks a household's
quota; a promise of the village not kept, a name on the plate not one's own, a photo registered by another, a house
built on one's own land are tickets, not the certificate's, the nameplate's, privacy's or felling's usage; the wood of
樟木 is its uses, not the tree's card (tests/unit/test_faq_round81.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize("text", ["只狗同我弟弟都食咗啲树籽 而家肚痛", "鸡吃了 唔系 系我外婆吃了那个果子 而家头晕"])
def test_a_person_who_ate_beside_an_animal_gets_the_eaten_plants_line_and_a_ticket(asker, text):
    # main: '只狗同我弟弟…' was tech.seed_sowing (弟弟 not read as a person beside the dog): no line, no ticket
    reply = asker.says(text)
    assert reply.startswith(asker.rule("ate_plant").line), reply
    # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets BZ-CL
    # label it so; safety.toml aid_answered)
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_a_snake_gone_into_a_hollow_is_the_snakes_line_and_entry(asker):
    # main: tech.old_trees (how to repair a hollow), no line
    reply = asker.says("屋后面那棵榕树的树洞住了一条蛇")
    assert reply.startswith(asker.rule("snake_seen").line), reply
    assert asker.first_line("tech.snakes") in reply, reply
    assert asker.first_line("tech.old_trees") not in reply and asker.tickets() == 0, reply


@pytest.mark.parametrize("text", ["我唔系党员 屋企要种几棵", "我冇入党 屋企要种几多棵树"])
def test_not_a_member_asks_the_households_quota(asker, text):
    # main: camp.quota_party (党员 read, the negation not)
    reply = asker.answer(text)
    assert asker.first_line("camp.quota_household") in reply, reply
    assert asker.first_line("camp.quota_party") not in reply and asker.tickets() == 0, reply


@pytest.mark.parametrize(
    ("text", "not_the_answer"),
    [
        # main: the nameplate's, the privacy's and the felling's usage, no ticket
        ("开会时讲过认养的树会挂牌 到现在都没有牌", "camp.nameplate"),
        ("牌子上写的不是我的名字", "camp.nameplate"),
        ("我的照片被人拿去报了他的树", "bot.privacy"),
        ("自己山上砍几棵松树起屋 要去镇里报吗", "tech.felling"),
        # main: each the entry a word named (桉树耗水, 口袋公园, 蚂蚁), no ticket
        ("隔壁的桉树把我家的井水吸干了", "tech.eucalyptus"),
        ("镇里想征我屋企块田起个小游园", "tech.pocket_park"),
        ("荔枝树干上好多蚂蚁 仲有一条条泥路", "tech.ants"),
    ],
)
def test_a_grievance_ones_land_a_neighbours_tree_or_mud_lines_are_a_ticket_not_the_usage(asker, text, not_the_answer):
    reply = asker.says(text)
    assert ticket_number(reply) and asker.tickets() == 1, reply
    assert asker.first_line(not_the_answer) not in reply, reply


def test_the_wood_of_camphor_is_its_uses_not_the_trees_card(asker):
    # main: species.香樟.card
    reply = asker.answer("樟木有什么用途")
    assert asker.first_line("tech.wood_uses") in reply and asker.tickets() == 0, reply


def test_how_deep_to_plant_a_tree_is_the_planting_depth(asker):
    # main: tech.hole_size (种树要多深 read as the hole's size)
    reply = asker.answer("种树要多深")
    assert asker.first_line("tech.planting_depth") in reply and asker.tickets() == 0, reply
