"""The lead, fifty-second session, after set 22t's blind figure: the planting day joined by a share counted in
(22t's '下次集体种树算我一份'; round 98 had read 算我一个 only). Own examples written before the change, run on the
untouched tree (final52) first: 3/4 (集体种树加埋我 missed), after 4/4; the controls 3/3 keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

EXAMPLES = [
    ("member", "村里植树日算我一份", "join"),
    ("party", "礼拜六种树活动加我一个", "join"),
    ("member", "集体种树加埋我", "join"),
    ("finished", "下次义务植树都算我一份", "join"),
]
CONTROLS = [
    ("member", "我屋企种咗两棵荔枝 算唔算我嘅任务", "planting"),  # a record, the question sent on
    ("member", "植树活动几点开始", "question"),
    ("party", "认领 2棵荔枝 4月", "pledge"),
]


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_a_share_counted_in_joins_the_planting_day(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
