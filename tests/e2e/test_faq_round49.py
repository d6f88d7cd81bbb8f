"""FAQ round 49 (issue 17 §3), end to end through signed pushes to the real /wechat route: a person hurt or at risk
gets the rule's safety line first, then the ticket's number and the first aid under it (a cut by a tool said without
the body part, a wasp sting, pesticide in the throat, a typhoon's fallen tree across the door, a fire coming); a rash
from tree sap told with felling is answered with the allergy's first aid, no ticket, never the felling rule's."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_escalation import add_roster, ticket_number
from tests.e2e.test_faq_chat import ticket_count


def _line_number_aid(reply: str, line: str, aid: str) -> None:
    assert reply.startswith("⚠ 安全第一") and line in reply.split("问题编号")[0], reply
    assert ticket_number(reply), reply
    first = aid.strip().splitlines()[0]
    assert first in reply and reply.index("问题编号") < reply.index(first), (first, reply)


ANSWERED_116 = {"tech.injury_first_aid", "tech.wasps", "tech.pesticide_first_aid"}


@pytest.mark.parametrize(
    ("question", "rule", "aid"),
    [
        ("镰刀割伤了我老婆 要去打针吗", "person_hurt", "tech.injury_first_aid"),
        ("我俾马蜂叮咗几口 块面肿晒", "bite_sting", "tech.wasps"),
        ("喷完除草剂 阿爸喉咙好痛一直咳", "pesticide_exposure", "tech.pesticide_first_aid"),
        ("昨晚打风 后山那棵松树倒了横在我家门口 点算好", "typhoon_fallen_tree", "tech.typhoon"),
        ("后山着火了 火快烧到我们新种的林子", "fire", "tech.fire_prevention"),
    ],
)
def test_a_danger_that_happened_gets_its_line_the_ticket_then_the_first_aid(villager, bot, question, rule, aid):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    # round 79: the rule's line for this question (a wasp sting's, not a snake bite's: ``line_by``)
    line = next(r.line_for(index._fixed(question)) for r in index.safety if r.name == rule)
    entry = index.entry(aid)
    assert entry is not None
    reply = villager.says(question)
    if aid in ANSWERED_116:
        # round 116 (issue 17 §1): first aid done at once is the answer, its line first, no ticket (the eleven blind sets
        # BZ-CL label it so); a typhoon's tree and a fire keep the ticket, the first aid under its number
        assert reply.strip().startswith(line) and entry.answer.strip().splitlines()[0] in reply, reply
        assert "问题编号" not in reply and ticket_count(bot) == 0, reply
        return
    _line_number_aid(reply, line, entry.answer)
    assert ticket_count(bot) == 1


def test_a_rash_from_sap_told_with_felling_is_answered_with_its_first_aid(villager, bot):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    reply = villager.says("劈了几棵漆树 双手又红又痒")
    line = next(r.line for r in index.safety if r.name == "plant_sap")
    entry = index.entry("tech.plant_allergy")
    assert entry is not None
    assert reply.strip().splitlines()[0] == line, reply
    assert entry.answer.strip().splitlines()[0] in reply and "砍树按《森林法》" not in reply, reply
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        ("啥叫做主题林", "camp.zhutilin"),  # had been the land rule's ticket (叫做主 read as 做主)
        ("清单里面有没有桂花和香樟", "camp.species_list"),  # had been a comparison's ticket
        ("需要自己带饭吗", "camp.local_arrangements"),
    ],
)
def test_the_campaign_s_basics_are_answered_without_a_ticket(villager, bot, question, entry_id):
    add_roster(bot)
    index = bot.service("faq", load_faq_index)
    result = index.match(question)
    assert result.entry_id == entry_id, result
    assert villager.says(question) == result.answer_text
    assert ticket_count(bot) == 0


@pytest.mark.parametrize(
    ("question", "entry_id"),
    # round 51: '公路边嘅荔枝摘嚟食得唔得' is answered since AQ joined the precedents (tests/unit/test_faq_round49.py);
    # round 61: public fruit asked in general is answered (no ticket): the ticket stays for a tree one planted there
    [("种树有没有扶持政策", "camp.subsidy"), ("我在学校门口种的杨梅结果了 归谁", "camp.fruit_picking")],
)
def test_money_and_public_fruit_go_to_the_village_with_the_answer_under_the_number(villager, bot, question, entry_id):
    add_roster(bot)
    entry = bot.service("faq", load_faq_index).entry(entry_id)
    assert entry is not None
    reply = villager.says(question)
    first = entry.answer.strip().splitlines()[0]
    assert ticket_number(reply) and reply.index("问题编号") < reply.index(first), reply
    assert ticket_count(bot) == 1
