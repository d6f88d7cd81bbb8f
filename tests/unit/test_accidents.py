"""aidnotice: the pure readers of bot/accidents.py (the notice itself: tests/e2e/test_aid_notice.py)."""

from __future__ import annotations

import pytest

from bot import accidents
from bot.faq import FaqResult
from bot.messages import words

IN_CASE = words(accidents.IN_CASE)


def result(kind: str, entry: str | None, reason: str) -> FaqResult:
    return FaqResult(kind, entry, "⚠ 安全第一…", 0.8, reason, safety="⚠ 安全第一…")


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (result("answer", "tech.wasps", "safety_aid"), "tech.wasps"),
        (result("answer", "tech.wasps", "intent"), ""),  # prevention or how to treat asked: no accident read
        (result("escalate", None, "safety"), ""),  # a ticket (who pays, an animal poisoned): the ticket is the notice
    ],
)
def test_only_first_aid_answered_for_an_accident_is_one(reply, kind):
    assert accidents.accident_answered(reply) == kind


@pytest.mark.parametrize(
    ("text", "in_case"),
    [
        ("如果被蛇咬了怎么办", True),
        ("上山种树如果被蛇咬了怎么办", True),
        ("万一被马蜂蜇了点算？", True),
        ("要是，石灰进了眼睛怎么办", True),
        ("刚才被蛇咬了 万一有毒怎么办", False),
        ("阿婆上山被马蜂蜇到手，肿得好大，要是明天还肿怎么办", False),
        ("挖树穴时锄头砸到脚 流了好多血", False),
    ],
)
def test_first_aid_asked_in_case_is_read_from_the_first_clause(text, in_case):
    assert accidents.asked_in_case(text, IN_CASE) is in_case
