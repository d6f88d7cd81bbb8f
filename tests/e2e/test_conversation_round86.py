"""Round 86 of issue 17 §5 (conv86), through signed pushes: set 22c's blind misses read by class. The probes, then
conv86's own held-out cases in other words (written and run on the untouched branch before the change), then controls:
the same words meaning something else."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the set's misses ---------------------------------------------------------------------------------------------
PROBES = [
    ("cadre", "村民8话佢四月种三棵柿 帮佢认领", "pledge"),  # a roster name with its number said, then 帮佢认领
    ("twice", "退订 || 都系收返通知好", "resubscribe"),  # the change of mind: receiving them back is better after all
]

# -- conv86's own, in other words (those marked 'passed before' already passed on the untouched branch) ------------
EXAMPLES = [
    ("cadre", "村民12讲佢屋企五月种两棵荔枝 帮佢认领啦", "pledge"),
    ("cadre", "村民3话三月会种一棵黄皮 你帮佢登记个认领", "pledge"),
    ("cadre", "帮村民8认领三棵柿 四月种", "pledge"),  # the name with its number said plainly
    ("twice", "取消提醒 || 算啦 还是接收通知好", "resubscribe"),  # passed before
    ("twice", "唔要提醒 || 都系收提醒好啲", "resubscribe"),
    ("twice", "退订 || 我都系想收返通知", "resubscribe"),  # passed before
    ("party", "听讲党员分片管护 我喺边度可以领一块", "zone"),
    ("party", "党员责任区 边度仲可以揽", "zone"),  # passed before
    ("party", "我哋党员系咪分片管树 仲有边片可以认领", "zone"),
    ("cadre", "村里头仲有几多棵树未有人认养 睇吓张表", "adopt"),
    ("cadre", "认养嘅树仲剩几多棵冇人要 俾我睇下清单", "adopt"),  # passed before
    ("member", "村度仲有冇树可以认养 睇下名单", "adopt"),  # passed before
]

# -- controls: the same words, another meaning -----------------------------------------------------------------------
CONTROLS = [
    ("cadre", "帮我认领三棵柿 四月种", "pledge"),  # one's own
    ("party", "我哋党员有冇分片管树", "question"),  # only whether the party tends by pieces
    ("party", "分片管树嘅树点样淋水", "question"),  # watering the pieces' trees asked
    ("twice", "退订 || 都系唔收通知好", "unsubscribe"),  # not receiving them is better: still off
    ("member", "荔枝点样施肥 睇下个表", "question"),  # a question with 'show me the table' after: still the question
]
PROBES.append(("cadre", "村度仲有几多棵树冇人认养 睇下个单", "adopt"))  # how many nobody adopted, then the list asked
PROBES.append(("party", "我哋党员有冇分片管树 边度可以揽一片", "zone"))  # where a piece may be taken on, asked loosely

ALL = [*PROBES, *EXAMPLES, *CONTROLS]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_86(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
