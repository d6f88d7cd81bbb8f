"""Tidy78, through signed pushes: the look asked first reads the commands' please (``nlu.PLEASE_LEAD``), and the
reminders-off regex and the request frame read one list of refusals (messages/request_frames.toml ``[modal]
refusals``). Examples in other words than the sets', written and run on main first (all missed; the controls held)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    ("twice", "种了3棵桂花 || 唔该帮我睇下记好未", "progress"),
    ("twice", "种了3棵桂花 || 劳驾你查下记上没", "progress"),
    ("twice", "种了3棵桂花 || 您帮我查一下记上了没有", "progress"),
    ("member", "甭再推消息", "unsubscribe"),
    ("member", "勿再推消息给我", "unsubscribe"),
]
CONTROLS = [
    ("twice", "种了3棵桂花 || 唔该帮我睇下荔枝点解黄叶", {"recorded_asked"}),
    ("member", "甭担心我会收到", {"reminders_off", "reminders_on"}),
    ("member", "请勿回复", {"reminders_off", "reminders_on"}),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_tidy78(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_tidy78_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
