"""sim66, through the signed webhook on a real SQLite file: what a village secretary, an adviser and the office
met using the product as seed 002's campaign runs it."""

from __future__ import annotations

import pytest

from tests.e2e.test_campaign import PUXIN, county, season  # noqa: F401 - fixtures
from tests.e2e.test_report_lines import config, line_sent  # noqa: F401 - fixtures

# sim66: when the 通报 comes out, asked in words of its own (none of the suite's): the date, not the last line
WHEN_ASKED = (
    "今个月几时出通报",
    "通报几时出",
    "通报什么时候发",
    "这个月的通报哪天出来",
    "请问通报几号出",
    "通报咩时候出",
)


def test_a_secretary_asking_when_the_report_comes_out_gets_the_date_of_the_next(
    season,  # noqa: F811
    villager_factory,
    tick,
    clock,
    sent_to,
    rows,
):
    secretary = villager_factory(PUXIN)
    clock.set("2027-01-20T10:00")  # none kept yet: January's is the first, due 1 February after quiet hours
    assert secretary.says("通报几时出") == "下一期：1月通报预计2月1日08:00发出。"
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    february = line_sent(sent_to, PUXIN, "埔心村", 2)
    clock.set("2027-03-20T10:00")
    for text in WHEN_ASKED:
        assert secretary.says(text) == (f"下一期：3月通报预计4月1日08:00发出。\n上一期3月1日09:00发出：{february}"), (
            text
        )
    # a month named: out already (when, and its line), or still to come (when it is due)
    assert secretary.says("2月通报什么时候出") == f"2月通报已于3月1日08:00发出。\n{february}"
    assert secretary.says("4月通报几号发").startswith("下一期：4月通报预计5月1日08:00发出。\n上一期")
    # the line itself is still what the line's questions get
    assert secretary.says("本月通报出来没有") == february
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [PUXIN])]
    assert handled[-9:] == ["report_line"] * 9


@pytest.mark.parametrize("text", ["多久通报一次", "会不会被通报"])
def test_the_rules_of_the_report_are_not_its_date(season, villager_factory, clock, rows, text):  # noqa: F811
    clock.set("2027-03-20T10:00")
    villager_factory(PUXIN).says(text)
    (last,) = rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [PUXIN])
    assert last["handler"] != "report_line"
