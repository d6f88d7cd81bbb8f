"""Identity by proof, not by name (issue 13, 1), through the real webhook: typing a staff person's name
binds nothing, a roster import does not lend a self-registered villager a staff role, and staff bindings
made by name before this change are suspended."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.roster import import_file
from bot.simulator import Signer, WeChatUser
from tests.conftest import rows_of, transport_for

ROSTER = Path(__file__).resolve().parent.parent / "data" / "roster"
QUESTION = "我家桂花叶子黄了掉叶子，怎么办"


def load_roster(bot, people: bytes | None = None) -> None:
    """The test county (tests/data/roster), or these people instead of its people file."""
    files = [
        ("villages", "villages.csv", (ROSTER / "villages.csv").read_bytes()),
        ("people", "people.csv", people if people is not None else (ROSTER / "people.csv").read_bytes()),
    ]
    for kind, name, data in files:
        summary, problems = import_file(bot.db, bot.imports[kind], name, data, "2027-02-01T00:00:00+00:00", bot.t)
        assert problems == [] and summary is not None


def bound_to(bot, openid: str) -> dict | None:
    found = rows_of(bot, "SELECT name, role, bound_via FROM people WHERE openid = ?", [openid])
    return found[0] if found else None


@pytest.fixture
def county(bot):
    load_roster(bot)
    return bot


# -- a name proves nothing ---------------------------------------------------------------------------
def test_a_stranger_typing_an_advisers_name_gets_no_adviser_powers(villager_factory, county):
    stranger, villager = villager_factory("o-stranger"), villager_factory("o-villager")
    assert "群众" in villager.says("登记 张三 埔心村")
    ticket = villager.says(QUESTION)
    assert "问题编号" in ticket
    reply = stranger.says("登记 王志强 埔心村")
    assert "登记码" in reply and "技术顾问" not in reply
    assert bound_to(county, "o-stranger") is None  # nothing bound: a name proves nothing
    assert rows_of(county, "SELECT kind, claimed_name FROM binding_conflicts WHERE openid = 'o-stranger'") == [
        {"kind": "needs_code", "claimed_name": "王志强"}
    ]  # the office sees the claim
    for command in ("待办", "答 1 多浇水就好", "收录 1"):
        assert stranger.says(command) == county.t("registration.register_first")  # kept until registered
    assert rows_of(county, "SELECT status, answer FROM tickets") == [{"status": "open", "answer": None}]
    assert rows_of(county, "SELECT COUNT(*) AS n FROM faq_entries") == [{"n": 0}]


def test_a_registered_villager_claiming_a_staff_name_stays_a_villager(villager, county):
    villager.says("登记 张三 埔心村")
    assert "登记码" in villager.says("登记 李国华 埔心村")
    assert bound_to(county, villager.openid) == {"name": "张三", "role": "群众", "bound_via": "self"}
    assert villager.says("待办") == county.t("escalation.not_adviser")
    assert villager.says("党建林 2亩 100棵 香樟") == county.t("planting.cadres_only")


# -- the import path ---------------------------------------------------------------------------------
def test_an_import_does_not_lend_a_self_registered_villager_a_staff_role(villager, bot):
    load_roster(bot)
    assert "群众" in villager.says("登记 孙立 埔心村")  # not on the roster yet: a 群众 at once
    load_roster(bot, "姓名,村社区,角色\n孙立,埔心村,村书记\n".encode())
    assert bound_to(bot, villager.openid) == {"name": "孙立", "role": "村书记", "bound_via": "self"}
    unproven = bot.t("registration.staff_unproven", role="村书记")
    assert villager.says("党建林 2亩 100棵 香樟") == unproven
    assert villager.says("代种 张大爷 2棵龙眼") == unproven
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM plantings") == [{"n": 0}]
    assert unproven in villager.says("我的信息")
    assert "3棵" in villager.says("3棵桂花")  # 群众 powers: planting their own trees still works


def test_the_roster_openid_column_binds_a_staff_role_directly(villager_factory, bot):
    load_roster(bot, "姓名,村社区,角色,openid\n李国华,埔心村,村书记,o-secretary-li\n".encode())
    secretary = villager_factory("o-secretary-li")
    assert bound_to(bot, "o-secretary-li") == {"name": "李国华", "role": "村书记", "bound_via": "roster"}
    assert "亩" in secretary.says("党建林 2亩 100棵 香樟")


# -- the migration -----------------------------------------------------------------------------------
def test_staff_bindings_made_by_name_before_the_change_are_suspended(app_with):
    old = app_with().extensions["bot"]
    load_roster(old)
    db = old.db
    with db.conn:  # the database as this version found it: bindings by name, no proof recorded
        for name, openid in (("王志强", "o-adviser-wang"), ("陈秀英", "o-chen")):
            db.execute("UPDATE people SET openid = ? WHERE name = ?", [openid, name])
        db.execute("ALTER TABLE people DROP COLUMN bound_via")
        db.execute("ALTER TABLE binding_conflicts DROP COLUMN kind")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_binding_proof'")
    upgraded = app_with()  # starting the new version migrates the database
    bot = upgraded.extensions["bot"]
    assert bound_to(bot, "o-adviser-wang") == {"name": "王志强", "role": "技术顾问", "bound_via": "name"}
    assert bound_to(bot, "o-chen") == {"name": "陈秀英", "role": "党员", "bound_via": "name"}
    signer = Signer(bot.config.get("wechat.token"), "", bot.config.get("wechat.app_id"))
    adviser = WeChatUser(transport_for(upgraded), signer, openid="o-adviser-wang")
    assert adviser.says("待办") == bot.t("registration.staff_unproven", role="技术顾问")
    assert bot.t("registration.staff_unproven", role="技术顾问") in adviser.says("我的信息")
    chen = WeChatUser(transport_for(upgraded), signer, openid="o-chen")
    assert "陈秀英" in chen.says("我的信息") and "登记码" not in chen.says("我的信息")  # 党员: holds as it was
    assert "问题编号" in chen.says(QUESTION)  # a ticket for 埔心村's adviser 王志强, whose binding is suspended
    assert rows_of(bot, "SELECT COUNT(*) AS n FROM outbox WHERE openid = 'o-adviser-wang'") == [{"n": 0}]


# -- the guard other capabilities put on staff-only handlers ------------------------------------------------
@pytest.fixture
def milestone_probe(monkeypatch, bot):
    """A staff-only command as a new capability would write it: `@staff(roles, refusal=…)`, roles from the config."""
    import dataclasses

    from bot.identity import staff
    from bot.router import Route

    @staff(lambda app: app.config.get("planting.cadre_roles"), refusal="planting.cadres_only")
    def on_probe(ctx, _match):
        return f"已备案：{ctx.person['name']}"

    route = Route("probe", lambda ctx: ctx.msg.text == "计划已备案", on_probe)
    monkeypatch.setattr(bot, "registry", dataclasses.replace(bot.registry, routes=(route, *bot.routes)))


def test_the_staff_guard_lets_only_proven_staff_through(villager_factory, bot, milestone_probe):
    load_roster(bot, "姓名,村社区,角色,openid\n李国华,埔心村,村书记,o-secretary-li\n何大妈,埔心村,群众,\n".encode())
    stranger, villager, secretary = (
        villager_factory("o-new"),
        villager_factory("o-he"),
        villager_factory("o-secretary-li"),
    )
    assert stranger.says("计划已备案") == bot.t("registration.register_first")  # kept until 登记
    villager.says("登记 何大妈 埔心村")
    assert villager.says("计划已备案") == bot.t("planting.cadres_only")
    assert secretary.says("计划已备案") == "已备案：李国华"
    with bot.db.conn:  # the same secretary, had the binding been made by name
        bot.db.execute("UPDATE people SET bound_via = 'name' WHERE openid = 'o-secretary-li'")
    assert secretary.says("计划已备案") == bot.t("registration.staff_unproven", role="村书记")
