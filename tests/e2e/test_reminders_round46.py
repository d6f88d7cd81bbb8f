"""Round 46 (the twenty-seventh session's simulator), through signed pushes: reminders wanted back in the words of going
on ('都系继续发俾我啦' after 退订 had joined an open ticket as its 补充) and refused in them ('唔好继续发啦'). Phrasings of
its own, written before the change and run once on main first (all 9 examples missed; the controls held); controls: the
expert's answer, photos, a sarcastic 'go on, I won't read it'."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

REMINDERS = {"reminders_off", "reminders_on"}
EXAMPLES = [
    ("twice", "退订 || 都系继续发俾我啦", "resubscribe"),
    ("twice", "退订 || 你继续发啦", "resubscribe"),
    ("twice", "不要再发了 || 算了还是发给我吧", "resubscribe"),
    ("member", "以后有消息都发俾我", "resubscribe"),
    ("member", "以后有通知都通知我 我怕唔记得", "resubscribe"),
    ("member", "照样发我啦 我成日唔记得淋水", "resubscribe"),
    ("ticket", "继续推送给我", "resubscribe"),
    ("member", "唔好继续发啦", "unsubscribe"),
    ("member", "不要继续发给我了", "unsubscribe"),
]
CONTROLS = [
    ("member", "专家有消息就发给我", REMINDERS),
    ("member", "我的问题有回复就发给我", REMINDERS),
    ("member", "你继续发我都唔睇", {"reminders_on"}),
    ("member", "还是发给我看看", REMINDERS),
    ("after_photo", "我继续发照片", REMINDERS),
    ("member", "继续发照片吗", REMINDERS),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_round_46_reminders_said_in_words_of_going_on(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_46_control_is_no_reminders_request(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
