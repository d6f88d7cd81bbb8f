"""Round 54 (the lead, in the simulator), through signed pushes: with a question for the adviser open, what the FAQ
answers from the bot's own usage entries (a record sent wrong, one's records asked after) is about no tree: answered,
never the ticket's 补充 (`照片发错了 发了别人的树` had joined a question on a 桂花's yellow leaves)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    ("ticket", "照片发错了 发了别人的树", "new"),
    ("ticket", "刚才登记错了 数量打多了", "new"),
    ("ticket", "我报多咗一棵 想改返", "new"),
]
CONTROLS = [
    ("ticket", "叶子背面还有白色小点点", "supplement"),
    ("ticket", "补充一下 是老叶先黄", "supplement"),
    ("ticket", "这棵桂花是去年种的", "supplement"),
    ("ticket", "补充一下 上个月换过泥", "supplement"),  # said to be the ticket's (the model reads 换 as a new phone)
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_round_54_lead_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(CONTROLS, {}))
def test_round_54_lead_control(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
