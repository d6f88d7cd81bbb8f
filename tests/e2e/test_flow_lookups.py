"""The flows' cost on the webhook's hot path: every message passes the matchers of a dozen flow tables (planting,
zones, visits, adoption, pledges, events …), and a sender has started few of those flows or none. The live flows'
names are read once per message; a flow's row is read only when that flow is live (bot/conversation.py)."""

from __future__ import annotations

import pytest

from bot.store import conversations as conversations_store


@pytest.fixture
def lookups(monkeypatch) -> dict[str, list]:
    """The calls of the conversation store's two reads (the real functions, counted)."""
    calls: dict[str, list] = {"get": [], "live_flows": []}
    for name in calls:
        real = getattr(conversations_store, name)

        def counted(*args, _real=real, _name=name):
            calls[_name].append(args[2] if _name == "get" else args[1])
            return _real(*args)

        monkeypatch.setattr(conversations_store, name, counted)
    return calls


def test_a_message_reads_the_live_flows_once_and_only_live_flows_rows(person, clock, lookups):
    chen = person("o-chen", "陈伯", "党员")
    clock.set("2027-03-05T10:00")
    lookups["get"].clear(), lookups["live_flows"].clear()
    assert "桂花" in chen.says("桂花什么时候种")  # no flow live: no flow's row is read
    assert (lookups["get"], lookups["live_flows"]) == ([], ["o-chen"])

    assert "照片" in chen.says("3棵桂花")  # starts the planting flow
    lookups["get"].clear(), lookups["live_flows"].clear()
    assert "桂花" in chen.says("桂花什么时候种")  # the planting flow is live: only its row is read
    assert set(lookups["get"]) == {"planting"} and lookups["live_flows"] == ["o-chen"]
