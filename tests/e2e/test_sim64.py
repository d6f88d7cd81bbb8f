"""Round sim64 (a clock moved back over a ticket, a month's end on the rehearsal clock, an adviser on the phone,
pledges and planting days), through the real webhook with signed XML."""

from __future__ import annotations

from tests.conftest import rows_of
from tests.e2e.test_escalation import LI, add_roster, ticket_number


def test_a_clock_moved_back_never_lets_a_later_ticket_take_a_补充(villager, bot):
    """A rehearsal's BOT_NOW moved back an hour found the question asked at the later moment open for its 补充:
    '去年施过两次鸡粪' joined a ticket not yet asked. A ticket asked after now takes nothing, as a flow entered after
    now (sim63)."""
    add_roster(bot)
    bot.clock.set("2027-03-15T11:00")
    number = ticket_number(villager.says("问专家 我家龙眼树结果很少是什么原因"))
    bot.clock.set("2027-03-15T10:00")
    reply = villager.says("去年施过两次鸡粪")
    assert "补充到第" not in reply, reply
    assert rows_of(bot, "SELECT * FROM ticket_attachments WHERE ticket_id = ?", [number]) == []
    bot.clock.set("2027-03-15T11:05")  # back on its own hour, the ticket takes its 补充 again
    assert f"补充到第{number}号" in villager.says("去年施过两次鸡粪")


def test_a_clock_moved_back_never_reopens_an_answer_not_yet_given(villager, villager_factory, bot):
    """Likewise an answer: given at 11:00, a rehearsal moved back to 10:00 found it there to reopen, and the
    villager's '停水以后叶子还是一直往下掉' reopened a ticket whose answer was still to come."""
    add_roster(bot)
    bot.clock.set("2027-03-15T09:00")
    number = ticket_number(villager.says("问专家 我家桂花叶子黄了掉叶子"))
    bot.clock.set("2027-03-15T11:00")
    villager_factory(LI).says(f"答 {number} 先停水一周。")
    bot.clock.set("2027-03-15T10:00")
    villager.says("停水以后叶子还是一直往下掉")
    (row,) = rows_of(bot, "SELECT status, reopened_count FROM tickets WHERE id = ?", [number])
    assert row["reopened_count"] == 0, row
