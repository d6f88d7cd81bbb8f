"""Frames75 (issue 17 §5): the request frame read where the sender paused (``nlu.clause_marked``: spaces and
punctuation are gone from the normalised text, so two clauses had been read as one), through signed pushes. The cases,
written and run on main before the change, then controls: the same words meaning something else."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- frames75's own (those marked 'passed before' already passed on main) ----------------------------------------------------------------------------
EXAMPLES = [
    ("party", "我们支部分片管树 哪块我可以揽", "zone"),  # a where-may question cut by a lost space
    ("party", "支部分片管树 边块我都可以认领", "zone"),
    ("party", "责任区有人管 我想认领一块", "zone"),  # who holds it said, then one's own wish (passed before: its tail)
    ("party", "听讲有人认领咗 我都想认领责任区", "zone"),  # passed before: its tail
    ("party", "石岗片有人管 我可以揽边块", "zone"),  # passed before: whether held, asked
]

# -- the duties moved onto the frame, held-out (tests/data/frame_moves_frames75.tsv), through the webhook ----------------
# (on main all but the first reminders one passed, by other readers)
MOVED = [
    ("party", "党员责任区 俾一块我管啦", "zone"),  # round 31's zone frames moved
    ("party", "管护区我都要一块", "zone"),
    ("twice", "退订 || 头先按错咗 我要返通知", "resubscribe"),  # round 53's slip moved
    ("twice", "退订 || 唔好意思 我仲想收返提醒", "resubscribe"),
    ("twice", "退订 || 算了还是接收提醒吧", "resubscribe"),  # round 82's after all moved
]

# -- controls: the same words, another meaning -----------------------------------------------------------------------
CONTROLS = [
    ("party", "我们支部分片管树", "question"),  # told only
    ("party", "点样分片管树 边个话事", "question"),  # how, and who is in charge, asked (the zones' list on main)
]

CONTROLS += [
    ("twice", "退订 || 算了还是不要提醒了", "unsubscribe"),  # still off
]

ALL = [*EXAMPLES, *MOVED, *CONTROLS]
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_frames75_paused(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
