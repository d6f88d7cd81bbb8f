"""Tidy round 79 (issue 17 §5), through signed pushes: what one list of please-words and one regex of a stop taken
back read in a conversation (tests/unit/test_nlu_tidy79.py holds the readers). Written and run before the change (on
main): 0 of 3 examples, controls 5/5; after, 3 of 3 and 5/5."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    # the please said to you all (你哋 after 唔该) before the command: it had been the FAQ's how-to
    ("member", "唔该你哋帮我退订", "unsubscribe"),
    ("member", "麻烦你们帮我订阅", "resubscribe"),
    # a stop taken back by 别退订 before going on: the reminders had stayed off
    ("twice", "退订 || 别退订 照常发吧", "resubscribe"),
    # controls (算了 before going on was on already in a conversation: the going on read alone; nlu.stop_taken_back now
    # reads it too)
    ("twice", "退订 || 算了 继续推送给我", "resubscribe"),
    ("member", "唔该帮我退订", "unsubscribe"),
    ("member", "你们天天发提醒 好烦 退订", "unsubscribe"),
    ("twice", "退订 || 算了，不要再发了", "unsubscribe"),
    ("member", "你哋点样退订", "how"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_one_list_of_please_words_and_a_stop_taken_back(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
