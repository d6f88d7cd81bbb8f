"""FAQ round 52 (the lead, in the simulator: '我妈妈八十多岁了也要种吗' went to a person): whether an old or sick family
member must plant too is the household's quota, counted by household, with 代种 for a household that cannot (the
answer says both); a party member's age stays camp.party_age, and a tree's or a person's trouble stays a person's.
Written before the intent: 3 of 7 answered so (two read as the party members' age, two sent to a person)."""

from __future__ import annotations

import pytest

from bot import faq

ASKED = [
    "我妈妈八十多岁了也要种吗",
    "我爸身体不好走不动也要种吗",
    "屋企得两个老人都要种树咩",
    "家里只有老人在家要不要种",
    "阿婆九十岁了使唔使种树",
    "老人家行动不便也要种树吗",
    "我老豆瘫痪在床佢都要种树",
]
CONTROLS = [
    ("65岁以上党员要参加吗", "camp.party_age"),
    ("我爸是老党员 八十岁也要种吗", "camp.party_age"),
    ("我妈种的树死了", "escalate"),
    ("老人家摔倒了怎么办", "tech.injury_first_aid"),  # round 116: first aid done at once is answered (sets BZ-CL)
    ("老人家种的树都要登记吗", "bot.proxy"),
]


@pytest.mark.parametrize("question", ASKED)
def test_an_old_or_sick_family_member_is_the_households_quota(index, question):
    result = index.match(question)
    assert faq.result_label(result) == "camp.quota_household", result
    assert "按户算" in result.answer_text and "代种" in result.answer_text


@pytest.mark.parametrize(("question", "expected"), CONTROLS)
def test_controls(index, question, expected):
    assert faq.result_label(index.match(question)) == expected
