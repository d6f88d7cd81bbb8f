"""Self-registered villagers and 并户, through the real signed webhook (bot/households.py): listed apart in 未种名单,
never counted as roster households; a cadre puts one in a roster household, its trees then count for it everywhere;
refusals; 取消并户."""

from __future__ import annotations

import pytest

from bot import progress
from bot.db import transaction
from tests.e2e.dashboard_seed import add_logins, login

AT = "2027-03-09T02:00:00"


@pytest.fixture
def roster(bot, clock):
    clock.set("2027-03-10T10:00")
    db = bot.db
    with transaction(db):
        db["villages"].insert_all(
            [
                {"id": 1, "name": "埔心村", "kind": "村", "town": "横沥镇", "households": 3},
                {"id": 2, "name": "东平村", "kind": "村", "town": "横沥镇", "households": 5},
            ]
        )
        db["people"].insert_all(
            [
                {"id": 1, "name": "张大伯", "village_id": 1, "role": "群众", "household": "A", "openid": "o-zhang"},
                {"id": 2, "name": "张小三", "village_id": 1, "role": "群众", "household": "A"},
                {"id": 3, "name": "王书记", "village_id": 1, "role": "村书记", "household": "B", "birth_year": 1975},
                {"id": 4, "name": "陈七", "village_id": 1, "role": "群众"},
                {"id": 5, "name": "黄二", "village_id": 2, "role": "群众", "source": "self"},
            ]
        )
        db["people"].update(3, {"openid": "o-secretary", "bound_via": "roster"})
    return db


def planted(db, person_id: int, count: int, village_id: int = 1) -> None:
    with transaction(db):
        db["plantings"].insert(
            {
                "openid": "o",
                "person_id": person_id,
                "village_id": village_id,
                "kind": "tree",
                "count": count,
                "review": "none",
                "flags": "",
                "species": "桂花",
                "status": "complete",
                "created_at": AT,
                "completed_at": AT,
            }
        )


@pytest.fixture
def village(roster, villager_factory, bot):
    """张小三's tree covers household A; 李桂英 (2 trees) and 刘阿强 registered themselves in 埔心村."""
    planted(roster, 2, 1)
    li, liu = villager_factory("o-li"), villager_factory("o-liu")
    for user, name in ((li, "李桂英"), (liu, "刘阿强")):
        user.follows()
        assert name in user.says(f"登记 {name} 埔心村")
    ids = {r["name"]: r["id"] for r in roster.query("SELECT id, name FROM people WHERE source = 'self'")}
    planted(roster, ids["李桂英"], 2)
    return {"li": li, "liu": liu, "ids": ids}


def covered(bot) -> tuple[int, int]:
    v = progress.village_progress(bot.db, bot.config, 1)
    assert v is not None
    return v.households_covered, v.households_total


def test_self_registered_villagers_are_listed_apart_and_never_counted(village, villager_factory, bot):
    secretary = villager_factory("o-secretary")
    assert secretary.says("未种名单").splitlines() == [
        "埔心村还有2户没种够（每户至少1棵，按核实的树算）：",
        "王书记、陈七",
        "党员还有1人没参与（种树或义务植树）：王书记",
        "自行登记（名册未核，不算名册户数）2人：李桂英（已种）、刘阿强",
        "是名册上哪户的人，发“并户 李桂英 户主姓名”并进那户。",
        "帮不会用手机的户登记：发“代种 姓名 2棵龙眼”再拍照片。",
    ]
    assert covered(bot) == (1, 3)  # 李桂英's two trees are no roster household's
    assert "1/3户" in secretary.says("本村进度")
    assert "本户" in village["li"].says("我的进度")  # her own figures stay hers


def test_a_cadre_links_and_the_counts_move_everywhere(village, villager_factory, bot, app):
    secretary = villager_factory("o-secretary")
    before = secretary.says("我的进度")
    reply = secretary.says("并户 李桂英 王书记")
    assert reply.splitlines()[0] == "已把李桂英并进王书记家（户：B，共2人：王书记、李桂英）。"
    assert "这户核实种树2棵" in reply and "埔心村名册户覆盖2/3户" in reply and "取消并户 李桂英" in reply
    assert covered(bot) == (2, 3)
    assert "2/3户" in secretary.says("本村进度")
    assert before != secretary.says("我的进度") and "本户2棵" in secretary.says("我的进度")
    left = secretary.says("未种名单").splitlines()
    assert left[:4] == [
        "埔心村还有1户没种够（每户至少1棵，按核实的树算）：",
        "陈七",
        "党员还有1人没参与（种树或义务植树）：王书记",
        "自行登记（名册未核，不算名册户数）1人：刘阿强",
    ]
    # the 通报's figures (all villages) and the dashboard's village page
    ours = next(v for v in progress.all_villages_progress(bot.db, bot.config) if v.village_id == 1)
    assert (ours.households_covered, ours.households_total) == (2, 3)
    add_logins(bot.db, [("admin", "admin")])
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    page = client.get("/admin/villages/1").get_data(as_text=True)
    assert "自行登记的人" in page and "已并进王书记家" in page and "名册未核（未并户）" in page
    # in words too; a roster person without a household text shares a new one with the villager
    reply = secretary.says("把刘阿强并到陈七家")
    assert reply.startswith("已把刘阿强并进陈七家（户：陈七户，共2人：陈七、刘阿强）。") and "还差1棵" in reply
    assert "自行登记" not in secretary.says("未种名单")
    # undo: both back as they were
    assert secretary.says("取消并户 李桂英").startswith("已取消李桂英并进王书记家。")
    assert covered(bot) == (1, 3)
    assert secretary.says("取消并户 刘阿强").startswith("已取消刘阿强并进陈七家。")
    assert bot.db["people"].get(4)["household"] is None
    assert secretary.says("取消并户 刘阿强") == "刘阿强没有并户，不用取消。"
    assert "李桂英（已种）、刘阿强" in secretary.says("未种名单")


def test_refusals(village, villager_factory, bot):
    secretary = villager_factory("o-secretary")
    zhang = villager_factory("o-zhang")
    assert zhang.says("并户 李桂英 张大伯").startswith("并户由本村村干部办理。")
    assert zhang.says("取消并户 李桂英").startswith("并户由本村村干部办理。")
    assert secretary.says("并户 黄二 张大伯") == "黄二是东平村的，不是本村的，本村干部不能给他并户。"
    assert secretary.says("并户 李四 张大伯").startswith("本村没有叫“李四”的人")
    assert secretary.says("并户 李桂英 张伯") == "本村有几个人对得上“张伯”：张大伯、张小三。请发全名。"
    assert secretary.says("并户 张小三 王书记") == "张小三在名册上（户：A），名册上的户由办公室改，不用并户。"
    assert secretary.says("并户 李桂英 刘阿强").startswith("刘阿强也是自行登记的")
    assert secretary.says("并户 李桂英").startswith("并户这样发")
    assert secretary.says("取消并户") == "撤回并户这样发：“取消并户 李桂英”。"
    assert covered(bot) == (1, 3)
    assert secretary.says("并户 李桂英 张大伯").startswith("已把李桂英并进张大伯家")
    assert secretary.says("并户 李桂英 王书记") == "李桂英已经并进张大伯家了。要改，先发“取消并户 李桂英”。"
    # a villager's words are no 并户
    assert not zhang.says("把刘阿强并到陈七家").startswith("并户由")


def test_a_villager_who_corrects_his_village_leaves_the_household(village, villager_factory, bot):
    secretary = villager_factory("o-secretary")
    assert secretary.says("并户 李桂英 陈七").startswith("已把李桂英并进陈七家")
    assert covered(bot) == (2, 3)
    assert "东平村" in village["li"].says("登记 李桂英 东平村")
    li = bot.db["people"].get(village["ids"]["李桂英"])
    assert (li["village_id"], li["household"]) == (2, None)
    assert bot.db["people"].get(4)["household"] is None  # 陈七 as he was
    assert covered(bot) == (1, 3)
    assert secretary.says("把黄二并到陈七家") != secretary.says("并户 黄二 陈七")  # in words: only the village's names
