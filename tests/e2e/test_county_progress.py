"""Every village asked after in chat by the campaign office (管理员: '各村进度', '哪些村滞后', '全镇种树情况怎么样'), through
the signed webhook on the rehearsal clock: how many villages stand where today, the lagging ones by name with what
they owe (most behind first), the dashboard's address; anyone else asking in those words gets no other village's
figures (found in the simulator: the office's '本月各村进度' answered with its own village alone, '哪个村最慢' asked back
between two FAQ entries)."""

from __future__ import annotations

from bot import standings
from tests.e2e.test_campaign import PUXIN, SHIHU, county, record, season  # noqa: F401 - fixtures
from tests.e2e.test_report_lines import OFFICE, PUXIN_MEMBER, SHIHU_VILLAGER, config, people  # noqa: F401 - fixtures

ASKED = ("各村进度", "本月各村进度", "哪些村滞后", "哪个村最慢", "全镇种树情况怎么样", "各村排名")
# round 52 (the lead, as the office in the simulator: '边几个村最落后' was asked back between two FAQ entries): 最 before
# the word, the progress between, Cantonese; written before the reader was widened (0 of 6 read before, 6 after)
SAID_OTHERWISE = (
    "边几个村最落后",
    "哪个村进度最慢",
    "哪些村种得最少",
    "边条村仲未种完",
    "有冇村落后",
    "有没有村还没开始",
    # round 54 (the lead, as the office): how long lagging said between ('边几个村连续两个月滞后': the FAQ's 督查 card)
    "边几个村连续两个月滞后",
    "哪些村被通报落后",
)


def test_the_office_gets_every_village_by_status_the_lagging_by_name(season, people, villager_factory, clock, rows):  # noqa: F811
    clock.set("2027-03-05T10:00")
    office = villager_factory(OFFICE)
    for text in ASKED:
        reply = office.says(text)
        assert reply.startswith("全部2个村（社区），截至3月5日："), (text, reply)
        # the people fixture's households have no 认领安排 yet: both lag, 埔心村 for the second month running (first)
        assert "已完成0个｜正常0个｜滞后2个｜未开始0个" in reply, reply
        assert "· 埔心村：还有2户没有认领安排，连续两月滞后\n· 石湖村：还有1户没有认领安排\n" in reply, reply
        assert "/admin/" in reply
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [OFFICE])]
    assert handled[-len(ASKED) :] == ["county_progress"] * len(ASKED)


def test_the_office_asking_in_its_own_words_gets_the_county(season, people, villager_factory, clock, rows):  # noqa: F811
    clock.set("2027-03-05T10:00")
    office = villager_factory(OFFICE)
    for text in SAID_OTHERWISE:
        assert office.says(text).startswith("全部2个村（社区），截至3月5日："), text
    handled = [r["handler"] for r in rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id", [OFFICE])]
    assert handled[-len(SAID_OTHERWISE) :] == ["county_progress"] * len(SAID_OTHERWISE)


def test_a_villager_or_a_cadre_gets_no_other_villages_figures(season, people, villager_factory, clock, rows):  # noqa: F811
    clock.set("2027-03-05T10:00")
    for openid in (SHIHU_VILLAGER, PUXIN_MEMBER, SHIHU):
        reply = villager_factory(openid).says("哪些村滞后")
        assert "全部2个村" not in reply
        assert rows("SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["handler"] != (
            "county_progress"
        )


def test_county_asked_reads_the_offices_words_and_no_villagers():
    for text in ASKED + ("全市各村完成情况", "边几个村拖后腿", "哪些村还没完成"):
        assert standings.county_asked(text), text
    for text in (
        "本村进度",
        "我们村种了多少棵",
        "村里种了多少棵",
        "埔心村进度",
        "哪个树最好种",
        "各种树怎么种",
        "村长在吗",
        "我村落后了吗",
        "埔心村排第几",
        "哪个村的树苗最好",
        "哪个村种的荔枝最好吃",
    ):
        assert not standings.county_asked(text), text


def test_the_offices_help_names_the_county_and_the_dashboard(people, villager_factory, bot):  # noqa: F811
    """Round 52: the office's help ends with its own commands (各村进度, 更正) and the dashboard's address; a villager's
    is the one help."""
    url = bot.config.get("server.public_url").rstrip("/") + "/admin/"
    reply = villager_factory(OFFICE).says("帮助").strip()
    assert reply.endswith(bot.t("core.help_office", url=url).strip())
    assert "各村进度" in reply and url in reply
    assert villager_factory(PUXIN_MEMBER).says("帮助").strip() == bot.t("core.help").strip()


def test_the_offices_words_the_bot_cannot_read_are_no_question_for_an_adviser(people, villager_factory, bot, rows):  # noqa: F811
    """Round 53 (the lead, as the office in the simulator: '导出本月数据' became a question for the adviser): what the
    office sends that the bot cannot read is said not understood, with what the office can do; 问专家 still asks one.
    The forty-first session's lead: 导出 is the exports page's (its address), as 群发 and 审核 are theirs."""
    office = villager_factory(OFFICE)
    url = bot.config.get("server.public_url").rstrip("/") + "/admin/"
    assert office.says("导出本月数据").endswith("/admin/exports")
    reply = office.says("帮我睇下呢个月嘅嘢搞成点")
    assert reply.startswith(bot.t("escalation.office_unread")) and url in reply
    assert rows("tickets") == []
    assert "95598" in office.says("村口大榕树倒咗压住电线")  # a danger told keeps its safety line
    assert rows("tickets") == []
    assert "问题编号" in office.says("问专家 荔枝花期遇到阴雨怎么办")
    assert len(rows("tickets")) == 1


def test_the_office_asking_after_a_town_gets_its_villages(season, people, villager_factory, clock, bot):  # noqa: F811
    """Round 53 (the lead, as the office in the simulator: '石角镇完成得点样' became a question for an adviser): a town
    of the roster named with progress words is its villages alone, said so; a town the roster does not hold is none."""
    from bot.db import transaction
    from bot.store import roster as roster_store

    with transaction(bot.db):
        for name, town in (("埔心村", "陈江街道"), ("石湖村", "沥林镇")):
            village = roster_store.village_by_name(bot.db, name)
            roster_store.update_village(bot.db, village["id"], {"town": town}, "2027-03-01T00:00:00")
    clock.set("2027-03-05T10:00")
    office = villager_factory(OFFICE)
    for text in ("陈江街道完成得点样", "陈江街道进度", "陈江街道有几多个村滞后"):
        reply = office.says(text)
        assert reply.startswith("陈江街道1个村（社区），截至3月5日："), (text, reply)
        assert "埔心村" in reply and "石湖村" not in reply
    assert office.says("沥林镇情况怎么样").startswith("沥林镇1个村（社区）")
    assert "个村（社区）" not in office.says("石角镇进度")
    # the office's help writes these phrases: each does what it says
    assert office.says("哪些村未交计划") == "各村（社区）的计划备案都报了 ✅"
    assert office.says("顾问回复情况") == bot.t("escalation.advisers_none")  # this county has no adviser yet
    assert "个村（社区）" not in villager_factory(PUXIN_MEMBER).says("陈江街道进度")


def test_the_office_asking_which_villages_have_not_reported_a_milestone_gets_them(
    season, people, villager_factory, clock
):  # noqa: F811
    """Round 53 (the lead, as the office in the simulator: '边几个村未交计划' got the timetable): the villages with no
    report of the milestone that stands, by name; the season's villages filed their plans and 示范点, no 树穴."""
    clock.set("2027-03-05T10:00")
    office = villager_factory(OFFICE)
    assert office.says("边几个村未交计划") == "各村（社区）的计划备案都报了 ✅"
    holes = office.says("哪些村树穴还没挖好")
    assert holes.startswith("树穴还没报的村（社区）2个：\n埔心村、石湖村") and "/admin/" in holes
    assert office.says("有没有村没报示范点") == "各村（社区）的示范点都报了 ✅"
    assert "还没报的村" not in villager_factory(PUXIN_MEMBER).says("哪些村树穴还没挖好")


def test_missing_asked_reads_the_offices_words_and_no_report():
    from bot import milestones, nlu

    asked = {"边几个村未交计划": "plan", "哪些村计划还没备案": "plan", "有没有村没报示范点": "demo_site"}
    for text, milestone in asked.items():
        assert milestones.missing_asked(nlu.normalize(text)) == milestone, text
    for text in ("计划已备案", "树穴 120个", "什么时候要交计划", "示范点 村口公园", "树穴挖好了没有"):
        assert milestones.missing_asked(nlu.normalize(text)) is None, text
