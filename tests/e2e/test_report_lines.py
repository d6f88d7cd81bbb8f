"""A village's line of the monthly 通报, kept and asked in chat, through the signed webhook on the rehearsal clock: the
``monthly_report`` job keeps each village's line (``report_lines``) with the month's row, in one transaction and once;
a village's people asking ('本月通报出来没有', '我们村这个月通报排第几', '上个月通报说我们村怎么样') get the line as it was
sent, never another village's; before any is kept, when the next is due (``reports.monthly_day`` after quiet hours)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from bot import cli, reports
from bot.store import reports as reports_store
from bot.store import roster as roster_store
from tests.conftest import at, make_config
from tests.e2e.test_campaign import PUXIN, SHIHU, confirm_demo_sites, county, record, season  # noqa: F401 - the campaign's county  # noqa: F401 - fixtures

SHIHU_VILLAGER, PUXIN_MEMBER, OFFICE = "o-shihu-villager", "o-puxin-member", "o-office"
# round 49 (the lead, in the simulator): the village's state in it asked, '是什么状态', had become an adviser's ticket
ASKED = ("本月通报出来没有", "我们村这个月通报排第几", "上个月通报说我们村怎么样", "上个月通报我们村是什么状态")


@pytest.fixture
def config(tmp_path, standin, request):
    """test_campaign.py's, with the keys a test names (``indirect``) replaced."""
    overrides = {"wechat.templates.notice": "tpl-notice", "campaign.area_name": "陈江街道"}
    return make_config(tmp_path, standin, **{**overrides, **getattr(request, "param", {})})


@pytest.fixture
def people(bot, county):  # noqa: F811
    """A 群众 of 石湖村 and a 党员 of 埔心村 besides the secretaries (neither in reports.notify_roles), and the campaign
    office's 管理员 (no village)."""
    ids = {v["name"]: v["id"] for v in bot.db.query("SELECT id, name FROM villages")}
    with bot.db.conn:
        for openid, name, village, role in (
            (SHIHU_VILLAGER, "陈阿婆", "石湖村", "群众"),
            (PUXIN_MEMBER, "王党员", "埔心村", "党员"),
            (OFFICE, "李主任", None, "管理员"),
        ):
            person = roster_store.insert_person(
                bot.db, {"name": name, "village_id": ids.get(village), "role": role}, "2027-01-01T00:00:00"
            )
            roster_store.bind_openid(bot.db, person, openid, "2027-01-01T00:00:00", via="roster")
            bot.db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
    return ids


def line_sent(sent_to, openid: str, village: str, month: int) -> str:
    """The 通报 line WeChat delivered to ``openid`` (a certificate may follow it)."""
    (line,) = [text for text in sent_to(openid) if text.startswith(f"{village}{month}月通报：")]
    return line


def as_of(line: str, day: str, next_step: str = "3月12日前全面完成植树计划") -> str:
    """Sim69: a kept line asked after its next milestone passed: its next step as of ``day`` (bot/reports.line_today)."""
    return re.sub(r"下一节点：[^。]*。", f"下一节点（{day}起）：{next_step}。", line, count=1)


def kept_lines(rows, month: str) -> dict[str, dict]:
    return {r["village"]: r for r in rows("SELECT * FROM report_lines WHERE month = ? ORDER BY id", [month])}


def test_each_villages_line_is_kept_with_the_report_as_it_was_sent(
    season,
    tick,
    sent_to,
    rows,
    config_file,
    capsys,  # noqa: F811
):
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    assert [r["month"] for r in rows("monthly_reports")] == ["2027-01", "2027-02"]
    february = kept_lines(rows, "2027-02")
    assert set(february) == {"埔心村", "石湖村"} and set(kept_lines(rows, "2027-01")) == {"埔心村", "石湖村"}
    puxin, shihu = february["埔心村"], february["石湖村"]
    assert puxin["line"] == line_sent(sent_to, PUXIN, "埔心村", 2)
    assert shihu["line"] == line_sent(sent_to, SHIHU, "石湖村", 2)
    assert (puxin["status"], puxin["rank"], puxin["of"], puxin["streak"]) == ("lagging", 2, 2, 1)
    assert (puxin["done"], puxin["target"], puxin["unit"], puxin["completion"]) == (1.5, 2.0, "亩", 0.75)
    assert puxin["short"] == "还有1户没有认领安排；党建林还差0.5亩"
    assert (shihu["status"], shihu["rank"], shihu["done"]) == ("complete", 1, 2.0)
    (month,) = rows("SELECT generated_at FROM monthly_reports WHERE month = '2027-02'")
    assert puxin["generated_at"] == month["generated_at"]
    # `export report_lines`: every kept line, month by month in rank order
    capsys.readouterr()
    assert cli.main(["--config", str(config_file), "export", "report_lines"]) == 0
    exported = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert exported[0][:4] == ["month", "village", "status", "rank"] and "line" in exported[0]
    assert [(r[0], r[1]) for r in exported[1:]] == [
        ("2027-01", "埔心村"),
        ("2027-01", "石湖村"),
        ("2027-02", "石湖村"),
        ("2027-02", "埔心村"),
    ]
    assert exported[-1][exported[0].index("line")] == puxin["line"]


def test_a_cadre_asking_gets_their_villages_line_of_the_month_asked(
    season,
    villager_factory,
    tick,
    clock,
    sent_to,
    rows,  # noqa: F811
):
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    january, february = line_sent(sent_to, PUXIN, "埔心村", 1), line_sent(sent_to, PUXIN, "埔心村", 2)
    assert january.startswith("埔心村1月通报：") and february.startswith("埔心村2月通报：滞后，排名2/2。")
    secretary = villager_factory(PUXIN)
    clock.set("2027-03-05T10:00")
    for text in ASKED:  # 本月 is the latest out (February's, sent 03-01); 上个月 is February's figures
        assert secretary.says(text) == february, text
    assert secretary.says("1月通报") == as_of(january, "3月5日")  # sim69: its 2月8日 passed
    assert secretary.says("上上个月通报") == as_of(january, "3月5日")
    # March's is not out yet: when it is due, and the latest kept
    assert secretary.says("3月份的通报") == f"3月通报还没发，预计4月1日08:00发出。\n最近一期：{february}"
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [PUXIN])][-7:]
    assert handled == ["report_line"] * 7


def test_another_villages_people_get_only_their_own_line(season, people, villager_factory, tick, clock, sent_to):  # noqa: F811
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    puxin_line, shihu_line = line_sent(sent_to, PUXIN, "埔心村", 2), line_sent(sent_to, SHIHU, "石湖村", 2)
    clock.set("2027-03-05T10:00")
    assert villager_factory(SHIHU).says("我们村这个月通报排第几") == shihu_line
    # a villager (not in reports.notify_roles) of 石湖村 asks after 埔心村's: their own, never 埔心村's
    villager = villager_factory(SHIHU_VILLAGER)
    reply = villager.says("埔心村这个月通报排第几")
    assert reply == f"您只能查本村（社区）的通报。\n{shihu_line}"
    assert "埔心" not in reply.split("\n", 1)[1] and puxin_line not in reply
    assert villager.says("上个月通报说我们村怎么样") == shihu_line
    # a party member of 埔心村 asks: 埔心村's, as its secretary got it
    assert villager_factory(PUXIN_MEMBER).says("本月通报出来没有") == puxin_line
    # the campaign office (管理员, every village, as 本村进度): a village named, or asked to name one
    office = villager_factory(OFFICE)
    assert office.says("石湖村2月通报") == shihu_line and office.says("埔心村通报出来没有") == puxin_line
    assert office.says("本月通报出来没有") == "通报按村（社区）查：请带上村名，如“埔心村通报”。"


def test_none_kept_yet_says_when_the_next_is_due(bot, county, villager_factory, clock, rows):  # noqa: F811
    secretary = villager_factory(PUXIN)
    clock.set("2027-01-20T10:00")
    assert reports.release_moment(bot.config, 2027, 1) == at("2027-02-01T08:00")  # monthly_day 1, quiet hours end
    for text in ASKED:
        assert secretary.says(text) == "埔心村还没有通报，1月通报预计2月1日08:00发出。", text
    assert rows("report_lines") == []


@pytest.mark.parametrize(
    "config", [{"reports.monthly_day": 5, "reminders.quiet_hours": ["22:00", "07:30"]}], indirect=True
)
def test_when_due_follows_the_config(season, villager_factory, tick, clock, sent_to):  # noqa: F811
    tick("2027-02-05T09:00")
    january = line_sent(sent_to, PUXIN, "埔心村", 1)
    secretary = villager_factory(PUXIN)
    clock.set("2027-03-03T10:00")  # February's is due on the 5th, as quiet hours end
    assert secretary.says("本月通报出来没有") == (
        f"2月通报还没发，预计3月5日07:30发出。\n最近一期：{as_of(january, '3月3日')}"
    )
    tick("2027-03-05T07:31")
    clock.set("2027-03-05T07:40")
    assert secretary.says("本月通报出来没有") == line_sent(sent_to, PUXIN, "埔心村", 2)


def test_a_rerun_never_doubles_and_a_failed_write_keeps_neither(
    bot,
    season,
    tick,
    rows,
    config_file,
    monkeypatch,
    capsys,  # noqa: F811
):
    real = reports_store.add_lines

    def fails_after_the_first(db, lines):
        real(db, lines[:1])
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(reports_store, "add_lines", fails_after_the_first)
    with pytest.raises(
        RuntimeError
    ):  # the job fails mid-write: neither the month's row, its lines nor its sends are kept
        tick("2027-02-01T09:00")
    assert rows("monthly_reports") == [] and rows("report_lines") == []
    assert rows("SELECT * FROM outbox WHERE dedupe_key LIKE 'report:%'") == []
    monkeypatch.setattr(reports_store, "add_lines", real)
    tick("2027-02-01T09:05")
    tick("2027-02-01T09:10")
    monkeypatch.setenv("BOT_NOW", "2027-02-01T09:15:00+08:00")
    assert cli.main(["--config", str(config_file), "tick"]) == 0
    assert [r["month"] for r in rows("monthly_reports")] == ["2027-01"]
    assert {r["village"] for r in rows("report_lines")} == {"埔心村", "石湖村"} and len(rows("report_lines")) == 2
    assert len(rows("SELECT * FROM outbox WHERE dedupe_key LIKE 'report:2027-01:%'")) == 2
    # kept lines are never written twice, even when asked to
    with bot.db.conn:
        assert reports_store.add_lines(bot.db, rows("report_lines")) == 0
    assert len(rows("report_lines")) == 2


def test_the_rules_of_the_tongbao_stay_the_faqs(county, villager_factory, clock, rows):  # noqa: F811
    secretary = villager_factory(PUXIN)
    clock.set("2027-03-05T10:00")
    for text in ("进度落后会被通报吗", "连续两个月被通报会有什么后果", "通报是什么意思"):
        secretary.says(text)
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [PUXIN])]
    assert "report_line" not in handled


def test_a_month_kept_without_the_villages_line_says_so(bot, season, villager_factory, tick, clock, sent_to):  # noqa: F811
    tick("2027-02-01T09:00")
    tick("2027-03-01T09:00")
    january = line_sent(sent_to, PUXIN, "埔心村", 1)
    secretary = villager_factory(PUXIN)
    clock.set("2027-03-05T10:00")
    # February kept before its lines were (a database from before report_lines): who to ask, and the latest kept
    with bot.db.conn:
        bot.db.execute("DELETE FROM report_lines WHERE month = '2027-02'")
    assert secretary.says("上个月通报说我们村怎么样") == (
        f"2月通报已发，埔心村那一条这里查不到，请问村干部。\n最近一期：{as_of(january, '3月5日')}"
    )
    # a month kept with other villages' lines: this one was not on the roster then
    with bot.db.conn:
        bot.db.execute("DELETE FROM report_lines WHERE month = '2027-01' AND village = '埔心村'")
    assert secretary.says("1月通报") == "1月通报里没有埔心村。\n埔心村还没有通报，3月通报预计4月1日08:00发出。"
