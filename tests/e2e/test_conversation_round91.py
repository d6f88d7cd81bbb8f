"""Round 91 of issue 17 §5 (conv91), through signed pushes: a slip with the right tree said is the tree corrected, never
the record dropped (trust: a correction never cancels), and a cadre's village count asked in loose words after a
remark. The brief's cases, then conv91's own held-out examples in other words with their controls
(tests/data/conversation_examples_conv91.tsv, written and run before the readers changed: examples 7/12 on integ
a18aada, controls 8/8)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    load,
    probe,
)

PROBES = [
    # a slip with the right tree, either order (nlu._TREE_SLIP_RE, handlers/core.retraction_in_words): the tree corrected
    ("pending", "系龙眼 唔系荔枝 打错咗", "planting"),
    ("pending", "打错咗 系龙眼", "planting"),
    ("pending", "唔系荔枝系龙眼 打错字", "planting"),
    ("pending", "龙眼嚟嘅 头先打错", "planting"),
    ("after_photo", "龙眼嚟嘅 头先打错", "planting"),
    # a slip with no right tree still drops the record waiting
    ("pending", "打错咗 唔使记", "cancel"),
    ("pending", "撳错咗", "cancel"),
    # a cadre's village count looked at after a remark (nlu._LOOK_AT_VILLAGE_COUNT_RE)
    ("cadre", "镇里面话我哋落后 睇下村里而家几多棵", "progress"),
    ("cadre", "村里几多棵荔枝树要打药", "question"),
]

EXAMPLES = load("conversation_examples_conv91.tsv")


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES, *EXAMPLES], {}))
def test_round_91(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("pending", "系龙眼 唔系荔枝 打错咗"),
        ("pending", "是龙眼不是荔枝 打错了"),
        ("pending", "龙眼先啱 头先写错"),
        ("after_photo", "系龙眼 唔系荔枝 打错咗"),
    ],
)
def test_the_tree_is_corrected_and_the_record_kept(probe, context, message):  # noqa: F811
    """The record waiting keeps waiting, its tree the right one (荔枝 said first in context pending)."""
    assert probe.run(context, message, "planting") == ""
    rows = probe.rows("SELECT status, species FROM plantings WHERE openid = ?", [probe.openid])
    assert rows == [{"status": "pending", "species": "龙眼"}]


@pytest.mark.parametrize("message", ["系龙眼 唔系荔枝 打错咗", "龙眼嚟嘅 头先打错", "打错咗 系龙眼"])
def test_a_finished_records_tree_corrected_is_asked_not_withdrawn(probe, message):  # noqa: F811
    """Right after a finished record of 2棵荔枝, a slip with the right tree asks to change its tree to 龙眼 (recount),
    never its withdrawal (作废); 确定 then changes it, the record kept."""
    probe.run("finished", message, "planting")
    assert probe.last_handler(probe.openid) == "recount"
    reply = probe.last_reply(probe.openid)
    assert "龙眼" in reply and "作废" not in reply
    rows = probe.rows("SELECT status, species FROM plantings WHERE openid = ?", [probe.openid])
    assert rows == [{"status": "complete", "species": "荔枝"}]
    probe.user(probe.openid).says("确定")
    rows = probe.rows("SELECT status, species FROM plantings WHERE openid = ?", [probe.openid])
    assert rows == [{"status": "complete", "species": "龙眼"}]
