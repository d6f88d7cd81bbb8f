"""Round 46 (issue 17 §2–§4): knowledge a villager asks for, end to end through signed pushes to the real /wechat
route. A lime burn or a fall that happened: the safety line first, the ticket's number, then the first aid; two trees
compared: the ticket, both trees' fields under it; a subsidy: the ticket, what the plan says of money; fruit on public
land picked and lightning while planting: the ticket, the answer under it; which parts of a tree can be eaten:
answered. Calm words (lime for whitewash) get no burn line."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count
from tests.e2e.test_faq_safety import SAFETY, assert_line_first


@pytest.mark.parametrize(
    ("question", "kind", "first_aid"),
    [
        (
            "撒石灰时不小心弄进眼睛了",
            "lime",
            ("扒开眼皮", "眼科"),
        ),  # '不小心' tells it happened (was read as a warning)
        ("阿妈撒石灰 对手烧到脱皮", "lime", ("先用干布或刷子", "别只泼一点水")),
        ("老公修龙眼枝从梯子跌下来 背好痛", "ladder", ("别扶起来", "躺着别动")),
        ("我妈在坡上种树滑倒了腿动不了", "person_hurt", ("别扶起来", "说清村名")),
        ("锄头锄到脚 流好多血", "person_hurt", ("别松手",)),
    ],
)
def test_a_lime_burn_or_a_fall_gets_its_line_then_the_ticket_then_the_first_aid(
    villager, bot, question, kind, first_aid
):
    add_roster(bot)
    reply = villager.says(question)
    head = reply.strip().splitlines()[0]
    assert head.startswith("⚠ 安全第一") and all(words in head for words in SAFETY[kind]), reply
    # round 116 (issue 17 §1): the first aid is the answer after the line, no ticket (the eleven blind sets BZ-CL label
    # it so; round 46 had put it under the ticket's number)
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply
    for words in first_aid:
        assert words in reply and reply.index(head) < reply.index(words), reply


def test_lime_for_whitewash_or_the_planting_hole_gets_no_burn_and_no_ticket(villager, bot):
    assert_line_first(villager, bot, "树干涂白的石灰水怎么调", "lime")  # mixing it: the line, the answer, no ticket
    assert "扒开眼皮" not in villager.says("树干涂白的石灰水怎么调") and ticket_count(bot) == 0
    reply = villager.says("树穴要不要撒石灰消毒")
    assert not reply.startswith("⚠ 安全第一") and ticket_count(bot) == 0


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # round 117: compared on a field both cards hold ('荔枝和龙眼哪个结果快') is answered side by side, no ticket
        # (test_faq_round117_compare.py); whose land, or no field named, still goes to an adviser (round 117's second
        # part answers the house front, '我屋后有块地' included: the land's owner is what a person weighs)
        ("屋后那块地是村集体的 荔枝和龙眼哪个结果快", ("荔枝：", "龙眼：", "挂果")),
        ("桂花和香樟哪个好", ("桂花：", "香樟：")),
    ],
)
def test_two_trees_compared_go_to_an_adviser_with_both_trees_fields_under_the_number(villager, bot, question, words):
    add_roster(bot)
    reply = villager.says(question)
    assert ticket_number(reply) and ticket_count(bot) == 1, reply
    for word in words:
        assert word in reply and reply.index("问题编号") < reply.index(word), reply


def test_a_subsidy_asked_goes_to_the_village_with_what_the_plan_says_of_money(villager, bot):
    add_roster(bot)
    reply = villager.says("种树有冇补贴")
    assert ticket_number(reply) and "五个一点" in reply and "以村委（社区）为准" in reply, reply


def test_which_parts_can_be_eaten_is_answered_without_a_ticket(villager, bot):
    add_roster(bot)
    reply = villager.says("簕杜鹃的花食唔食得")
    answer = bot.service("faq", load_faq_index).entry("camp.fruit_picking").answer.strip()
    assert reply.strip() == answer and ticket_count(bot) == 0, reply


def test_fruit_on_public_land_is_answered_without_a_ticket(villager, bot):
    """Round 61 moved this test's expectation: round 46 sent public land's fruit asked in general to the village with
    camp.fruit_picking under the number; the answer itself says the village decides (由村委（社区）定), and the
    independent sets label such questions camp.fruit_picking (AP–AW), so it is answered, no ticket. A tree the villager
    planted there keeps the ticket (tests/e2e/test_faq_round49.py)."""
    add_roster(bot)
    reply = villager.says("村道边种的龙眼结果了大家能摘吗")
    assert "问题编号" not in reply and ticket_count(bot) == 0, reply
    assert "由村委（社区）定" in reply and "别吃" in reply, reply


def test_shelter_from_a_thunderstorm_is_answered_after_its_line_without_a_ticket(villager, bot):
    """Round 59 (AV): a thunderstorm with nobody struck is the lightning advice after its safety line, at once; round
    46 had sent it to a person with the advice under the number (a person is still asked when someone is struck)."""
    add_roster(bot)
    reply = villager.says("雷雨来了可以在荔枝树下避雨吗")
    assert reply.startswith("⚠ 安全第一") and all(w in reply.splitlines()[0] for w in SAFETY["lightning"]), reply
    assert "马上停工下山" in reply and "被雷击的人身上不带电" in reply and ticket_count(bot) == 0, reply
