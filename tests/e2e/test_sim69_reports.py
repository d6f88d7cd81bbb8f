"""sim69, through the signed webhook on a real SQLite file: what the village secretary met of the 通报 and 本村进度 in a
season lived in the simulator (the campaign's fixtures: test_campaign.py's county and season)."""

from __future__ import annotations

from tests.e2e.test_campaign import PUXIN, county, season  # noqa: F401 - fixtures
from tests.e2e.test_report_lines import config, line_sent  # noqa: F401 - fixtures


# sim69: the 通报 line asked weeks after it went out said its '下一节点' as of its release ('3月12日前…' on 20 March,
# a date passed): the line as sent, its next milestone said as of the day asked.
def test_the_line_asked_later_says_the_next_milestone_as_of_today(season, villager_factory, tick, clock, sent_to):  # noqa: F811
    secretary = villager_factory(PUXIN)
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    february = line_sent(sent_to, PUXIN, "埔心村", 2)
    assert "下一节点：3月12日前" in february  # as it went out on 1 March: right then
    clock.set("2027-03-20T10:00")
    for asked in ("本月通报出来没有", "2月通报", "上个月通报说我们村怎么样", "通报几时出"):
        reply = secretary.says(asked)
        assert "3月12日前" not in reply and "下一节点（3月20日起）：" in reply, asked
        assert february.split("下一节点")[0] in reply, asked  # the line as it was sent, up to its next step
    # held-out: on the day it went out, the line is as sent
    clock.set("2027-03-01T15:00")
    assert secretary.says("2月通报") == february
