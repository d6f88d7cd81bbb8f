"""bot/router.py ``dispatch`` asks a flow table's route only when the sender's flow is live, or when the live flows are
not known (issue 21, sixteenth round): its matcher would answer None otherwise (bot/conversation.py ``Flow.state``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.router import ASK, Route, dispatch


def routes(asked: list[str]) -> list[Route]:
    def asking(name: str, answer):
        def matches(_ctx):
            asked.append(name)
            return answer

        return matches

    return [
        Route("in_flow", asking("in_flow", None), lambda _ctx, _m: "flow", flow="planting"),
        Route("other", asking("other", True), lambda _ctx, _m: "other"),
    ]


@pytest.mark.parametrize("planned", [False, True])
@pytest.mark.parametrize(
    ("live", "asked"),
    [(set(), ["other"]), ({"visit"}, ["other"]), ({"planting"}, ["in_flow", "other"]), (None, ["in_flow", "other"])],
)
def test_a_flow_tables_route_is_asked_only_while_its_flow_may_be_live(live, asked, planned):
    seen: list[str] = []
    table = routes(seen)
    ctx = SimpleNamespace(_live_flows=live)
    plan = tuple((route, ASK) for route in table) if planned else None
    assert dispatch(table, ctx, plan) == ("other", "other")  # type: ignore[arg-type]
    assert seen == asked
