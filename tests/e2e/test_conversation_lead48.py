"""The lead, forty-eighth session (issue 17 §5), through signed pushes: a command insisted on after the first
(`我话退订啊`, set 22l; `我说了退订` had opened a ticket to the adviser) is the command: 'I said', 'I've already said'
before its word and a particle after it are left out, as round 90 leaves out a polite lead. Written and run before the
reader changed, in words other than 22l's: 2 of 6 on main (退订啊, 唔该帮我退订啊), controls 3/3; after, 6 of 6 and 3/3."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    ("member", "我说了退订", "unsubscribe"),
    ("member", "我都讲咗退订啦", "unsubscribe"),
    ("member", "我说退订呀", "unsubscribe"),
    ("member", "我已经话咗退订喇", "unsubscribe"),
    ("member", "唔该帮我退订啊", "unsubscribe"),
    ("member", "退订啊", "unsubscribe"),
    # controls: a question about unsubscribing, someone else's words, a wish that is not a command's word
    ("member", "我说退订之后还能收到专家回复吗", "question"),
    ("member", "村长话退订嘅人要再登记", "question"),
    ("member", "我话我想参加植树活动", "join"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_a_command_insisted_on_is_the_command(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
