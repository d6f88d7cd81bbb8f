"""The lead, fifty-third session (the simulator: '之前认领嘅两棵唔种住 帮我撤销' sent while another thing waited, the adoption
list's pages, was read as 取消 of that thing: '好的，已取消。' and the pledge stayed). A pledge withdrawn in its words is the
pledge's, whatever else is in progress; the thing in progress is kept. Written before the change: 1/4 (取消认领 alone was read), after 4/4; the control (取消 alone) kept."""

from __future__ import annotations

import pytest

from tests.e2e.test_planting import photo
from tests.e2e.test_pledges import _before_the_schedule_is_due, li, live  # noqa: F401  (the pledges' own fixtures)


@pytest.mark.parametrize(
    "withdrawal",
    ["之前认领嘅两棵唔种住 帮我撤销", "认领的荔枝不种了 帮我取消", "我认领嘅荔枝唔种住 唔该撤销", "取消认领"],
)
def test_a_pledge_withdrawn_while_a_record_waits_is_the_pledges(li, rows, standin, withdrawal):
    assert li.says("认领 2棵荔枝").startswith("已登记认领")
    waiting = li.says("两棵龙眼")  # a record of two 龙眼 waits for its photo
    assert "照片" in waiting, waiting
    reply = li.says(withdrawal)
    assert reply.startswith("已取消认领：2棵荔枝"), reply
    assert live(rows) == []
    # the record in progress is kept: its photo still completes it
    standin.add_media("m-longan", photo(7))
    li.sends_photo("m-longan")
    assert [(p["species"], p["count"]) for p in rows("plantings")] == [("龙眼", 2)]


def test_a_bare_cancel_while_a_record_waits_is_still_the_records(li, rows):
    """Control: 取消 alone cancels the record in progress, the pledge kept."""
    li.says("认领 2棵荔枝")
    li.says("两棵龙眼")
    assert li.says("取消") == "好的，已取消。"
    assert len(live(rows)) == 1
