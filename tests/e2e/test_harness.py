"""The shared test helpers of tests/conftest.py do what the tests rely on."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import at


def test_the_clock_is_real_until_set_then_moves_only_when_told(bot, clock):
    first = clock()
    assert clock() >= first and bot.clock is clock
    assert clock.set("2027-03-15T10:00") == at("2027-03-15T10:00") == clock()
    assert clock.advance(minutes=5) == at("2027-03-15T10:05") == bot.clock()
    assert clock() == at("2027-03-15T10:05")


def test_a_transcript_says_waits_ticks_and_reads_what_was_delivered(
    villager_factory, clock, tick, sent_to, rows, standin
):
    clock.set("2027-03-15T10:00")
    wang = villager_factory("o-wang")
    assert "帮" in wang.says("帮助")
    [inbox] = rows("SELECT received_at FROM inbox WHERE openid = ?", ["o-wang"])
    assert inbox["received_at"] == "2027-03-15T02:00:00"  # stored in UTC
    assert [r["openid"] for r in rows("users")] == ["o-wang"]
    clock.advance(hours=1)
    result = tick()
    assert "send_outbox" in result and "planting_windows" in result
    standin.sent.append({"openid": "o-wang", "text": "一条消息"})
    standin.sent.append({"openid": "o-wang", "data": {"content": {"value": "模板消息"}}})
    assert sent_to("o-wang") == ["一条消息", "模板消息"] and sent_to("o-other") == []
    assert tick("2027-03-16T09:00")
    assert clock() == at("2027-03-16T09:00") == at("2027-03-15T10:00") + timedelta(hours=23)
