"""FAQ round 82 (set BL's over-escalation), end to end through signed pushes to the real /wechat route: off-topic
errands, seedlings kept overnight, a dog's urine, a tree moved from the wrong place, the fruit's purchase price, not
wanting to plant and how to ask an expert are answered by their entry, no ticket; a dog's owner who will not listen
keeps the ticket (tests/unit/test_faq_round82.py)."""

from __future__ import annotations

import pytest

from tests.e2e.test_escalation import ticket_number


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # main: a ticket each (low confidence, the dispute rule, the 'outside' rule, a doubt)
        ("帮我查下快递", "bot.off_topic"),
        ("手机话费怎么充", "bot.off_topic"),
        ("树苗到了 明早种 今晚放哪", "tech.heeling_in"),
        ("隔篱只狗日日喺我棵桂花树头屙尿 啲叶会唔会黄", "tech.dog_urine"),
        ("棵树种错位 想搬去屋后 点搬", "tech.move_tree"),
        ("龙眼收购价几多", "camp.fruit_market"),
        ("不想种可以吗", "camp.household_rules"),
    ],
)
def test_an_answered_class_gets_its_entry_and_no_ticket(asker, question, entry_id):
    asker.answered_by(question, entry_id)


def test_how_to_ask_an_expert_is_told_not_filed(asker):
    reply = asker.says("问专家怎么问")
    assert asker.first_line("bot.advisers") in reply, reply
    assert asker.tickets() == 0, reply


def test_a_neighbour_s_dog_that_its_owner_will_not_stop_keeps_the_ticket(asker):
    reply = asker.says("隔篱屋嘅狗成日喺我棵树度屙尿 讲佢又唔听")
    assert ticket_number(reply) and asker.tickets() == 1, reply
