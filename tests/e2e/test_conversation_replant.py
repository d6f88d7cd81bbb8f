"""A tree lost, then replanted (the lead, thirty-eighth session, from set 21c's '上个月种嗰棵桂花死咗 今日补种咗一棵'),
through signed pushes: the loss made the text a complaint (a question for the adviser, never a record), so the replant
told done was lost. Now the replant is the report (``planting.replant_told``), its tree the one lost when it names none;
a replant wished or asked stays what it was. Cases written before the change (0 of 5 recorded; 5 after); controls
kept."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    ("member", "旧年种嗰棵龙眼死咗 今日补种咗两棵", "planting"),
    ("member", "死咗一棵荔枝 今朝补种咗一棵", "planting"),
    ("member", "上个月种的杨梅死了 刚刚补种了一棵", "planting"),
    ("member", "门口那棵桂花枯死了 今天重新种了两棵", "planting"),
    ("party", "木棉死咗一棵 已经补种返一棵", "planting"),
]
CONTROLS = [
    ("member", "桂花死咗 要唔要补种", "question"),
    ("member", "上个月种嗰棵龙眼死咗", "question"),
    ("member", "今日补种咗两棵荔枝", "planting"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES, *CONTROLS], {}))
def test_replant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_the_replant_takes_the_lost_trees_name_and_its_count(probe):  # noqa: F811
    assert probe.run("member", "旧年种嗰棵龙眼死咗 今日补种咗两棵", "planting") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [openid]) == [
        {"species": "龙眼", "count": 2, "status": "pending"}
    ]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
