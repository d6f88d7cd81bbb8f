"""The campaign office (管理员) asking in chat for work the dashboard does, through the signed webhook (round 54, the
lead as the office in the simulator: `帮我群发一条通知` and `今日有几多条记录要审核` were 'not understood', `上个月通报导出`
got its own village's 通报 line): the page named with its address, the review queue with how many records wait;
anyone else's same words go on to their own routes."""

from __future__ import annotations

import pytest

from tests.e2e.test_campaign import PUXIN, SHIHU, county, record, season  # noqa: F401 - fixtures
from tests.e2e.test_report_lines import OFFICE, PUXIN_MEMBER, config, people  # noqa: F401 - fixtures

ASKED = [
    ("帮我群发一条通知", "/admin/broadcasts"),
    ("我想发个通知俾全部村民", "/admin/broadcasts"),
    ("上个月通报导出", "/admin/reports"),
    ("通报表格喺边度下载", "/admin/reports"),
    ("名册点改", "/admin/roster"),
    ("评比表彰喺边度登记", "/admin/awards"),
    ("今日有几多条记录要审核", "/admin/review"),
    # the lead (forty-first session, a secretary's 导出 had gone to the adviser as a question)
    ("导出", "/admin/exports"),
    ("数据点样下载成excel", "/admin/exports"),
    ("帮我导出全部种树记录", "/admin/exports"),
]


@pytest.mark.parametrize(("text", "page"), ASKED)
def test_the_office_gets_the_page_that_does_it(season, people, villager_factory, clock, rows, text, page):  # noqa: F811
    clock.set("2027-03-05T10:00")
    reply = villager_factory(OFFICE).says(text)
    assert reply.endswith(page), reply
    handled = rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [OFFICE])
    assert handled[0]["handler"] == "office_page"


def test_the_review_queue_says_how_many_records_wait(season, people, villager_factory, clock, bot):  # noqa: F811
    clock.set("2027-03-05T10:00")
    office = villager_factory(OFFICE)
    assert office.says("有冇记录要审核").startswith("现在没有等审核的种树记录")
    for n, review in enumerate(("pending", "spot_check", "none"), 1):
        bot.db["plantings"].insert(
            {
                "openid": "o",
                "person_id": None,
                "village_id": 1,
                "kind": "tree",
                "count": n,
                "review": review,
                "flags": "",
                "species": "桂花",
                "status": "complete",
                "created_at": "2027-03-04T02:00:00",
                "completed_at": "2027-03-04T02:00:00",
            }
        )
    assert office.says("有冇记录要审核").startswith("有2条种树记录等审核或抽查。")


def test_a_villager_saying_the_same_gets_no_dashboard(season, people, villager_factory, clock, rows):  # noqa: F811
    clock.set("2027-03-05T10:00")
    member = villager_factory(PUXIN_MEMBER)
    for text, _ in ASKED:
        assert "/admin/" not in member.says(text), text
    handled = {r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ?", [PUXIN_MEMBER])}
    assert "office_page" not in handled


def test_a_village_cadre_asking_for_the_review_gets_the_villages_share(
    season,
    people,
    villager_factory,
    clock,
    bot,
    rows,  # noqa: F811
):
    """Round 58 (the lead as 林书记 in the simulator): `帮我睇下边啲记录要审核` had become a question for the adviser. A
    cadre's review asked is the village's records waiting (another village's not counted) and who reviews them; no
    dashboard address (the cadre login sees the figures, not the queue)."""
    clock.set("2027-03-05T10:00")
    secretary = villager_factory(PUXIN)
    assert secretary.says("帮我睇下边啲记录要审核").startswith("本村现在没有等审核的种树记录")
    for village, review in (
        (people["埔心村"], "pending"),
        (people["埔心村"], "spot_check"),
        (people["石湖村"], "pending"),
    ):
        bot.db["plantings"].insert(
            {
                "openid": "o",
                "village_id": village,
                "kind": "tree",
                "count": 1,
                "review": review,
                "flags": "",
                "species": "桂花",
                "status": "complete",
                "created_at": "2027-03-04T02:00:00",
                "completed_at": "2027-03-04T02:00:00",
            }
        )
    reply = secretary.says("有几多条记录要审核")
    assert reply.startswith("本村有2条种树记录等审核或抽查") and "/admin/" not in reply
    handled = rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 2", [PUXIN])
    assert [r["handler"] for r in handled] == ["office_page", "office_page"]
    for own in ("点解我嘅树要审核", "我报的树审核了没有", "审核要几耐"):  # the cadre's own records: review_why's
        secretary.says(own)
        assert rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [PUXIN])[0]["handler"] != (
            "office_page"
        ), own


@pytest.mark.parametrize("asked", ["导出", "帮我导出下本村数据", "点样下载表格", "我要个Excel报上去"])
def test_a_village_cadre_asking_for_an_export_gets_the_villages_figures(
    season,
    people,
    villager_factory,
    clock,
    rows,
    asked,  # noqa: F811
):
    """The lead (forty-first session, as the demo's secretary): `导出` had become a question for the adviser. The
    county's tables are the office's (the exports page is admin only): the cadre is told so, where the village's own
    figures are in chat, and the village's page their login sees; never the exports page, never a ticket."""
    clock.set("2027-03-05T10:00")
    reply = villager_factory(PUXIN).says(asked)
    assert "本村进度" in reply and "未种名单" in reply, reply
    assert f"/admin/villages/{people['埔心村']}" in reply and "/admin/exports" not in reply, reply
    handled = rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [PUXIN])
    assert handled[0]["handler"] == "office_page"
    assert rows("SELECT COUNT(*) AS n FROM tickets WHERE openid = ?", [PUXIN])[0]["n"] == 0
