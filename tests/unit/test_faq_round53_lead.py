"""FAQ round 53 (the lead, in the simulator): a family member away (打工, 读书) asked whether they must plant too, or
what becomes of their share (`我个仔喺广州打工 佢嗰份点算`: a ticket), is the household's quota: counted by household,
not by person (camp.quota_household's answer says so); a party member asking what this year asks of them
(`我系党员 今年要做啲咩`: asked back) is the party members' quota. Examples written before the intents: 1/7."""

from __future__ import annotations

import pytest

from bot import faq

EXAMPLES = [
    ("我个仔喺广州打工 佢嗰份点算", "camp.quota_household"),
    ("我老公在外地打工 他也要种吗", "camp.quota_household"),
    ("女儿在外面读书 要不要帮她种一棵", "camp.quota_household"),
    ("家里人都出去打工了 只剩我一个 要种几棵", "camp.quota_household"),
    ("屋企人出咗去做嘢 佢哋使唔使种", "camp.quota_household"),
    ("我系党员 今年要做啲咩", "camp.quota_party"),
    ("我是党员 这次活动我要干什么", "camp.quota_party"),
    # set AS as development (after its end figure): speaking a dialect asked whether it is understood (it was 认树)
    ("我用方言讲你能识别吗", "bot.voice"),
    ("我讲客家土话你听得明吗", "bot.voice"),
    ("我讲口音好重 你识别得到吗", "bot.voice"),
]
CONTROLS = [
    ("我老公在东莞打工 能认种吗", "camp.adopt"),  # round 30: one away asks to adopt
    ("我在外地打工 能不能认养一棵", "camp.adopt"),
    ("党员多大年纪要参加", "camp.party_age"),
    ("我系党员 要种几多棵", "camp.quota_party"),
    ("每户要种几棵", "camp.quota_household"),
    ("我儿子从外地回来了 几月种树好", "camp.window"),
    ("拍张照你能识别是什么树吗", "tech.plant_id"),
    ("有没有识别树的软件", "tech.plant_id"),
]


@pytest.mark.parametrize(("question", "expected"), EXAMPLES + CONTROLS)
def test_round_53_lead(index, question, expected):  # noqa: F811
    assert faq.result_label(index.match(question)) == expected
