"""Set 19u's rename misses (the twenty-seventh session; 19u's blind figure was taken first: 115/140 on d67ec84), mended
by their class: the name Cantonese says 个名/我嘅名 to be changed ('帮我个名改一改 系黄国栋'), the name first in the message
('名改返做张秀英'), 要改 and the right name at the end ('我个名录成林志名 要改林志明'). Phrasings of our own beside them (run on
main first: 0 of 6), and controls that must not become a rename."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    ("member", "帮我个名改一改 系黄国栋", "rename"),
    ("member", "名改返做张秀英 之前打错字", "rename"),
    ("cadre", "我个名录成林志名 要改林志明", "rename"),
    ("member", "我嘅名要改 应该系陈亚妹", "rename"),
    ("party", "名改做李桂英啦 唔该", "rename"),
    ("member", "你哋个系统个名打成黄亚美 要改黄亚妹", "rename"),
]
CONTROLS = [
    ("member", "树名改一改", {"fix_name"}),
    ("member", "报名要改时间吗", {"fix_name"}),
    ("cadre", "我个名单要改 有两户搬走咗", {"fix_name"}),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_19u_rename_in_other_words(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_19u_rename_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
