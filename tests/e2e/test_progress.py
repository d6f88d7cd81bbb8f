"""我的进度 / 本村进度 through the real webhook: the same numbers as bot.progress."""

from __future__ import annotations

import re

import pytest

from bot import db as db_module
from bot import progress
from bot.db import transaction
from bot.escalation import answer_ticket
from tests.conftest import rows_of

AT = "2027-03-10T02:00:00"


@pytest.fixture
def roster(bot):
    db = bot.db
    db["villages"].insert_all(
        [
            {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇", "households": 3},
            {"id": 2, "name": "东平社区", "kind": "社区", "town": "横沥镇"},
        ]
    )
    db["people"].insert_all(
        [
            {
                "id": 1,
                "name": "张三",
                "village_id": 1,
                "role": "党员",
                "household": "A",
                "birth_year": 1970,
                "openid": "o-villager-1",
            },
            {"id": 2, "name": "张小三", "village_id": 1, "role": "群众", "household": "A"},
            {
                "id": 3,
                "name": "王书记",
                "village_id": 1,
                "role": "村书记",
                "household": "B",
                "birth_year": 1975,
                "openid": "o-secretary",
            },
            {"id": 4, "name": "陈七", "village_id": 2, "role": "群众", "openid": "o-community"},
        ]
    )
    rows = [
        # person, village, kind, count, area, review, site
        (1, 1, "tree", 2, None, "none", None),
        (2, 1, "tree", 1, None, "approved", None),
        (3, 1, "plot", 80, 1.2, "none", "党建林"),
        (3, 1, "tree", 3, None, "pending", None),
        (4, 2, "tree", 30, None, "none", None),
    ]
    db["plantings"].insert_all(
        {
            "openid": "o",
            "person_id": p,
            "village_id": v,
            "kind": k,
            "count": c,
            "area_mu": a,
            "review": r,
            "site": s,
            "flags": "old_photo" if r != "none" else "",
            "species": "桂花",
            "status": "complete",
            "created_at": AT,
            "completed_at": AT,
        }
        for p, v, k, c, a, r, s in rows
    )
    return db


def test_my_progress_shows_quota_household_and_nothing_pending(roster, villager):
    reply = villager.says("我的进度")
    assert reply == "张三（党员）的进度：\n已核实种树2棵，1条记录\n任务1棵：已完成 ✅\n本户3棵（每户至少1棵）"


def test_secretary_sees_what_is_left_and_what_waits_for_review(roster, villager_factory):
    secretary = villager_factory("o-secretary")
    reply = secretary.says("我的进度。")
    assert "任务3棵：还差3棵" in reply and "另有1条待审核" in reply


def test_village_progress_in_mu_with_households_and_party(roster, villager, bot, clock):
    clock.set("2027-03-10T10:00")
    reply = villager.says("本村进度")
    assert reply.splitlines() == [
        "埔心村（村）进度：",
        "核实党建林1.2/2亩（60%），示范点0/1个",
        "共83棵，1/3户已种",
        "党员参与2/2人（另有1条待审核）",  # the secretary took part through the plot
        # no plan by 1月31日, nothing by 2月底: lagging at the end of January, of February, and now; tidy74: the
        # finished months counted as the 通报 counts them, March apart (it had said （已连续3个月）, March counted)
        "排名1/2，状态：连续两月滞后（已连续2个月被通报滞后，本月目前仍落后）",
        "未完成：村绿化计划未备案；还有2户没有认领安排；党建林还差0.8亩；示范点还差1个（经街道确认）",
        "下一节点：3月12日前全面完成植树计划",
        "⚠ 按方案，连续2个月被通报进度不利的村（社区），当年党组织绩效考核不得评为“良好”及以上。",
    ]
    assert reply.startswith(progress.village_progress_text(bot, progress.village_progress(bot.db, bot.config, 1)))


def test_before_the_campaign_the_village_has_not_started(roster, villager, clock):
    clock.set("2027-01-10T10:00")
    lines = villager.says("本村进度").splitlines()
    assert lines[4:] == ["排名1/2，状态：未开始", "下一节点：1月31日前村绿化计划备案"]


def test_community_progress_in_trees(roster, villager_factory, clock):
    clock.set("2027-03-10T10:00")
    reply = villager_factory("o-community").says("本村进度")
    assert reply.splitlines()[:2] == ["东平社区（社区）进度：", "核实主题林30/150棵（20%）"]
    assert "排名2/2" in reply and "主题林还差120棵" in reply


def test_menu_buttons_give_the_same_replies(roster, villager):
    assert villager.clicks("MY_PROGRESS") == villager.says("我的进度")
    assert villager.clicks("VILLAGE_PROGRESS") == villager.says("本村进度")


def test_voice_progress_question_is_answered(roster, villager):
    assert villager.sends_voice("m-voice-1", "本村进度。").startswith("埔心村（村）进度")


def test_unregistered_sender_is_asked_to_register_first(roster, villager_factory):
    stranger = villager_factory("o-stranger")
    assert stranger.says("我的进度").startswith("请先登记")
    assert stranger.says("本村进度").startswith("请先登记")


@pytest.mark.parametrize("text", ["我种了几多棵了", "我种咗几多棵", "我种了多少了", "我种了多少棵了", "我种了几棵了？"])
def test_how_many_have_i_planted_is_my_progress(roster, villager, text):
    assert villager.says(text) == villager.says("我的进度")


def test_how_many_is_progress_also_inside_a_tickets_windows(roster, villager, bot, clock):
    clock.set("2027-03-10T10:00")
    number = int(re.search(r"问题编号：(\d+)", villager.says("问专家 我家龙眼树结果很少是什么原因")).group(1))
    progress_reply = villager.says("我的进度")
    assert villager.says("我种了多少棵了") == progress_reply  # the 补充 window
    with transaction(bot.db):
        answer_ticket(bot, bot.db, number, "多施钾肥。", by_admin="admin", now=bot.clock())
    clock.advance(hours=2)
    assert villager.says("我种了多少棵了") == progress_reply  # the reopen window after the answer
    assert rows_of(bot, "SELECT status FROM tickets") == [{"status": "answered"}]
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM ticket_attachments") == [{"n": 0}]


# -- indexes (issue: 我的进度 / 本村进度 scanned whole tables) ------------------------------------------------------
_TABLE_RE = re.compile(
    r"\b(?:FROM|JOIN)\s+([a-z_]+)(?:\s+(?:AS\s+)?(?!ON\b|WHERE\b|JOIN\b|LEFT\b|GROUP\b|ORDER\b|USING\b|INDEXED\b)([a-z_]+))?",
    re.I,
)


def base_table_scans(db, sql: str) -> list[str]:
    """The steps of the statement's query plan that read a whole table (not a subquery's or a CTE's rows)."""
    tables = {r["name"] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    names = {}
    for table, alias in _TABLE_RE.findall(sql):
        if table in tables:
            names[table] = table
            if alias:
                names[alias] = table
    plan = [row[3] for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql)]
    return [step for step in plan if step.startswith("SCAN ") and step.split()[1] in names]


def test_progress_replies_read_through_indexes(roster, villager, bot, monkeypatch):
    """我的进度, 本村进度 and 我的认领 through the webhook: no statement they run reads a whole table, but the villages (the
    ranking reads every village, a few hundred rows at most). A household's pledges were found by comparing every
    pledge's household; a photo's survival checks and a person's login had no index."""
    with transaction(bot.db):
        bot.db["pledges"].insert(
            {
                "village_id": 1,
                "person_id": 2,
                "species": "桂花",
                "count": 2,
                "entered_by_person_id": 2,
                "created_at": AT,
            }
        )
        bot.db["media"].insert({"media_id": "m-s", "openid": "o-villager-1", "kind": "image", "status": "stored",
                                "created_at": AT})  # fmt: skip
        bot.db["survival_checks"].insert(
            {"planting_id": 1, "due_days": 30, "result": "alive", "media_row_id": 1, "checked_at": AT}
        )
    statements: list[str] = []
    bot.databases.close_all()  # every connection from now on is traced, in whichever thread it is made
    connect = db_module.connect

    def traced(*args, **kwargs):
        db = connect(*args, **kwargs)
        db.conn.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(db_module, "connect", traced)
    assert "进度" in villager.says("我的进度")
    assert "本村进度" not in villager.says("本村进度") and len(statements) > 10
    assert "2棵桂花" in villager.says("我的认领")
    explain = connect(bot.config.get("storage.database"))
    reads = {sql for sql in statements if sql.lstrip().upper().startswith(("SELECT", "WITH"))}
    scans = {sql[:120]: base_table_scans(explain, sql) for sql in reads}
    explain.conn.close()
    assert {sql: steps for sql, steps in scans.items() if steps and steps != ["SCAN villages"]} == {}


# -- 未种名单: a village's cadres going door to door ------------------------------------------------------------
@pytest.fixture
def secretary(roster, villager_factory):
    """王书记, bound by the roster's openid column (a cadre's role holds with proof only)."""
    with transaction(roster):
        roster["people"].update(3, {"bound_via": "roster"})
    return villager_factory("o-secretary")


def test_a_cadre_gets_the_households_and_party_members_left_by_name(roster, secretary, clock):
    """The secretary's own household has only a pending record and a plot (no verified tree by the house): named;
    张三's household is covered by his two trees; a party member with nothing verified is named too."""
    clock.set("2027-03-10T10:00")
    with transaction(roster):
        roster["people"].insert({"id": 5, "name": "赵五", "village_id": 1, "role": "党员", "birth_year": 1980})
    expected = [
        "埔心村还有2户没种够（每户至少1棵，按核实的树算）：",
        "王书记、赵五",
        "党员还有1人没参与（种树或义务植树）：赵五",
        "帮不会用手机的户登记：发“代种 姓名 2棵龙眼”再拍照片。",
    ]
    for asked in ("未种名单", "帮我看下哪几户还没种", "全村仲有几多户未种树 我要逐户去催", "还有谁没种"):
        assert secretary.says(asked).splitlines() == expected, asked
    assert "王书记" not in secretary.says("哪棵树没种好")  # a tree, not who: no list for the cadre either


def test_the_list_goes_by_pages_and_a_covered_village_is_told_so(roster, secretary, clock):
    clock.set("2027-03-10T10:00")
    with transaction(roster):
        roster["people"].insert_all(
            {"id": 100 + i, "name": f"户主{i:02d}", "village_id": 1, "role": "群众"} for i in range(32)
        )
    first = secretary.says("未种名单").splitlines()
    assert first[1].split("、")[:2] == ["王书记", "户主00"] and len(first[1].split("、")) == 30
    assert first[2] == "还有3户，发“未种名单 2”看下一页。"
    second = secretary.says("未种名单 2").splitlines()
    assert second[1] == "户主29、户主30、户主31" and "党员" not in "".join(second)
    with transaction(roster):  # every household covered: verified trees for each
        roster.execute("DELETE FROM people WHERE id >= 100")
        roster["plantings"].insert(
            {
                "openid": "o-secretary",
                "person_id": 3,
                "village_id": 1,
                "kind": "tree",
                "count": 1,
                "review": "none",
                "flags": "",
                "species": "桂花",
                "status": "complete",
                "created_at": AT,
                "completed_at": AT,
            }
        )
    # round 56: how the party members stand is said on the first page, all taking part included
    assert secretary.says("未种名单") == "埔心村名册上的户都种够了 ✅\n党员都已参与（种树或义务植树）✅"


def test_villagers_get_the_villages_counts_never_the_names(roster, villager, clock):
    clock.set("2027-03-10T10:00")
    assert villager.says("未种名单") == "未种名单是给村干部看的。想看本村进度，发“本村进度”。"
    for asked in ("还有谁没种", "村里还有哪几户没种树", "帮我查下我们村还有多少户没种树"):
        reply = villager.says(asked)
        assert reply.startswith("埔心村（村）进度：") and "王书记" not in reply, asked
    assert not villager.says("哪棵树没种好").startswith("埔心村（村）进度：")  # a tree, not who: no counts
