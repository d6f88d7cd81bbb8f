"""Round 61 of issue 17 §5, through signed pushes: sets 20o and 20p's misses read by class. Each class's own examples
(not the probes' words) and controls were written before its mend and run on the untouched branch first; the probes
themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- case 1: within a ticket's 补充 window, a cause guessed as something lacking (系咪冇肥), the symptom's degree (掉得很
# 厉害) or what is still well beside it (新叶还是绿的): the ticket's 补充; a campaign question in Cantonese (植树日系边日)
# is its own -------------------------------------------------------------------------------------------------------
EXAMPLES_TICKET_DETAIL = [
    ("ticket", "会不会是缺水", "supplement"),
    ("ticket", "系咪缺钾", "supplement"),
    ("ticket", "是不是少了肥料", "supplement"),
    ("ticket", "会唔会系冇淋水", "supplement"),
    ("ticket", "掉得好犀利 摸下就跌", "supplement"),
    ("ticket", "而家掉得越来越厉害", "supplement"),
    ("ticket", "下面的叶子黄 上面的还是绿的", "supplement"),
    ("ticket", "老叶黄晒 新叶仲系绿嘅", "supplement"),
]
CONTROLS_TICKET_DETAIL = [
    ("ticket", "种树活动系边日", "new"),
    ("ticket", "植树节系边天", "new"),
    ("member", "是不是缺肥了", "question"),
    ("member", "荔枝种红心的还是白心的好", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_TICKET_DETAIL, *CONTROLS_TICKET_DETAIL], {})
)
def test_round_61_ticket_detail(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
