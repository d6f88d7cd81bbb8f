"""Round 94's readers (issue 17 §5), as pure functions over normalised text; the conversations that use them are in
tests/e2e/test_conversation_round94.py."""

from __future__ import annotations

import pytest

from bot import nlu, pledges, zones


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("退订咗仲会唔会有提醒", True),
        ("如果退订 仲会唔会发提醒俾我", True),
        ("取消订阅之后仲收唔收到提醒", True),
        ("退订之后系咪就冇提醒", True),
        ("退订 唔好再提醒我", False),  # the stop said
        ("退订", False),
        ("退订之后仲收唔收到专家回复", False),  # the adviser's answers: answers_after_switching_off_asked's
    ],
)
def test_reminders_after_switching_off_asked(said, asked):
    assert nlu.reminders_after_switching_off_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("我想认领几棵树自己种 唔系认领责任区", "我想认领几棵树自己种"),
        ("唔系认领片区 系认领种树", "认领种树"),
        ("唔系责任区 我系想认领树苗自己种", "想认领树苗自己种"),
        ("唔系认领树 系认领责任区", None),  # the trees refused, the zones meant
        ("唔系种树 我想认领责任区", None),
        ("我唔系党员责任区嘅", None),  # no trees meant instead
    ],
)
def test_zones_refused(said, left):
    assert zones.zones_refused(said) == left


@pytest.mark.parametrize(
    ("said", "pledged"),
    [
        ("我想认领几棵树自己种", True),  # a few: the how-to asks the count
        ("认领几棵果树", True),
        ("党员要认领几棵树", False),  # the quota asked
        ("认领几棵树好", False),
    ],
)
def test_a_few_trees_wished_is_a_pledge_without_count(said, pledged):
    parsed = pledges.parse(said, {})
    assert (parsed is not None) is pledged
    assert parsed is None or not parsed.count
