"""FAQ round 54 (the lead; set AT as development, after its end figure): its safety situations that got no safety line.
A tree tilted by a strong wind gets the typhoon line (the staking card after it); lime breathed in and a head broken in a
fall get theirs and a person (tests/e2e/test_faq_safety.py, through signed pushes); a safety rope for high pruning is
the fall-safety entry (it was the card on things hung on trees)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]

SAFETY_LINE = [
    ("大风把支撑杆吹飞了 树歪了", "typhoon_fallen_tree"),
    ("昨晚大风 门口棵龙眼斜晒", "typhoon_fallen_tree"),
    ("石灰粉吸进去咳嗽不停", "lime_burn"),
    ("有人从坡上滚下去了 头破了", "person_hurt"),
]
ANSWERS = [
    ("修剪高的树枝要不要绑安全绳", "tech.fall_safety"),
    ("上树剪枝要不要系安全带", "tech.fall_safety"),
    ("树上挂彩灯会不会伤树", "tech.tree_decor"),  # control
    ("台风前树要不要绑", "tech.typhoon"),  # control
]


@pytest.mark.parametrize(("question", "rule"), SAFETY_LINE)
def test_round_54_safety_line(index, question, rule):  # noqa: F811
    line = next(r.line for r in faq.load_safety_rules(ROOT / "messages" / "faq") if r.name == rule)
    assert line in index.match(question).safety


@pytest.mark.parametrize(("question", "expected"), ANSWERS)
def test_round_54_answer(index, question, expected):  # noqa: F811
    assert faq.result_label(index.match(question)) == expected
