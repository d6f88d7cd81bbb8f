"""Round 100's routing table (messages/escalation_routes.toml) as ``bot.escalation.route_for`` reads it, at unit level
(the review of round 100: only the e2e tests held it): pure, the table read once a process (``_routes`` is cached: never
parsed again for each ticket inside the webhook's transaction)."""

from __future__ import annotations

import pytest

from bot import escalation


def test_the_table_is_read_once_a_process():
    assert escalation._routes() is escalation._routes()


@pytest.mark.parametrize(
    ("reason", "source", "text", "route"),
    [
        ("subsidy", "text", "补贴还没到账", escalation.ROUTE_VILLAGE),
        ("subsidy", "explicit", "补贴还没到账", escalation.ROUTE_VILLAGE),
        ("dispute", "text", "隔壁邻居把我的树砍了", escalation.ROUTE_VILLAGE),
        ("dispute", "text", "邻居喷除草剂 我的龙眼叶子都黄了", escalation.ROUTE_ADVISER),  # a tree's symptom told
        ("money", "text", "我要投诉村里克扣补贴", escalation.ROUTE_OFFICE),  # a complaint said
        ("complaint", "text", "组长把我种的树记在他老婆名下了", escalation.ROUTE_OFFICE),
        ("village_acts", "text", "村里卖了集体林的木头，钱去哪了", escalation.ROUTE_OFFICE),
        ("dispute", "explicit", "隔壁邻居把我的树砍了", escalation.ROUTE_ADVISER),  # 问专家 said: the adviser's
        ("diagnosis", "text", "我家龙眼叶子发黄", escalation.ROUTE_ADVISER),
        (None, "text", "", escalation.ROUTE_ADVISER),
    ],
)
def test_route_for(reason, source, text, route):
    assert escalation.route_for(reason, source, text) == route
