"""Done said bare (the lead, the thirty-eighth session, from the simulator as a villager by voice), through signed
pushes: '种好咯' just after a finished record had been filed as a question for the adviser (a ticket numbered, an
adviser's time spent on "planted it"), '种完了' had got the campaign's deadlines and '搞掂咗' the progress help. Done
said (种好/弄好/搞掂/种落去 …, nothing asked) now gets: just after a record, which record it was and its progress (as
'记上了没有' is answered: planting.recorded_asked); while a record is collected, what it still needs; with neither, how
to log trees. Cases written before the change (0 of 8 went where the villager means; 8 after); controls keep theirs."""

from __future__ import annotations

import pytest

from bot import nlu, planting
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    ("finished", "种好咯", "progress"),
    ("finished", "弄好了", "progress"),
    ("finished", "种落去咗", "progress"),
    ("finished", "搞掂咗", "progress"),
    ("finished", "我哋种好喇", "progress"),
    ("pending", "种好咗", "how"),
    ("after_photo", "已经种好了", "how"),
    ("member", "种好咯", "log"),
]
CONTROLS = [
    ("finished", "种好了两棵龙眼", "planting"),  # a count and a tree: a record of its own
    ("finished", "荔枝种好了点施肥", "question"),
    ("finished", "取消", "cancel"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES, *CONTROLS], {}))
def test_done_said(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_thanks_after_done_stays_small_talk(probe):  # noqa: F811
    assert probe.handler_for("finished", "种好啦 多谢") == "chitchat"


def test_done_said_just_after_a_record_files_no_ticket(probe):  # noqa: F811
    assert probe.run("finished", "种好咯", "progress") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.last_handler(openid) == "done_said"
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("种好咯", True),
        ("搞掂咗", True),
        ("OK了", True),
        ("好咯", True),
        ("种好了两棵", False),
        ("种好了吗", False),
        ("好的", False),
        ("种好了怎么报", False),
        ("好了没有", False),
    ],
)
def test_done_said_reads_done_and_nothing_else(text, done):
    assert planting.done_said(nlu.normalize(text)) is done
