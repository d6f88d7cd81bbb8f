"""Round 94's readers (issue 17 §5), as pure functions over normalised text; the conversations that use them are in
tests/e2e/test_conversation_round94.py."""

from __future__ import annotations

import pytest

from bot import nlu


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
