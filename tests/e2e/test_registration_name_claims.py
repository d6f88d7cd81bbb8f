"""Nobody acts as someone else: a roster villager with no phone on file binds by name alone at once (elderly villagers
are not stopped), and the binding waits on 登记冲突 (kind ``name``) for the village's cadres or an admin, who confirm
it or release it (the claimant told through the outbox). A 党员 bound by name alone holds the role at once (roles come from the roster).
Through the real webhook with signed XML, and the dashboard's Flask client."""

from __future__ import annotations

import pytest

from bot import proofs, scheduler
from bot.db import transaction
from bot.store import roster as roster_store
from bot.store import zones as zones_store
from tests.conftest import rows_of
from tests.e2e.dashboard_seed import add_name_only, admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post
from tests.e2e.test_dashboard_claims import bound, cadre  # noqa: F401 (fixture)

STAMP = "2027-02-01T00:00:00+00:00"
LABEL = "仅凭姓名登记，请核实"


@pytest.fixture
def roster(bot, county):
    """Roster villagers with no phone on file, not bound yet: 何大妈 (群众) and 陈秀英 (党员) of 埔心村, 方兰 (群众) of
    东平社区; a 党员责任区 of 埔心村."""
    with transaction(bot.db):
        add_name_only(bot, county, STAMP)
        zones_store.insert_zone(
            bot.db,
            village_id=county.villages["埔心村"],
            name="村口山坡",
            lat=None,
            lng=None,
            radius_m=None,
            source="dashboard",
            now=STAMP,
        )
    return county


def name_claim(bot, openid: str) -> dict:
    [claim] = rows_of(bot, "SELECT * FROM binding_conflicts WHERE openid = ? AND kind = 'name'", [openid])
    return claim


def decide(client, claim_id: int, action: str):
    return post(client, f"/admin/bindings/{claim_id}", {"action": action}, "/admin/bindings")


def test_a_name_only_binding_registers_at_once_and_waits_for_the_villages_check(bot, roster, villager_factory, cadre):
    he = villager_factory("o-he")
    reply = he.says("登记 何大妈 埔心村")
    assert reply.startswith(bot.t("registration.registered", name="何大妈", village="埔心村", role="群众").strip())
    assert bound(bot, "o-he") == {"name": "何大妈", "bound_via": "name"}
    claim = name_claim(bot, "o-he")
    assert claim["status"] == "open" and claim["bound_openid"] == "o-he"
    assert "3棵" in he.says("3棵桂花")  # 群众 powers at once
    assert "登记码" not in he.says("我的信息") and "核实" not in he.says("我的信息")
    html = page(cadre, "/admin/bindings")
    assert LABEL in html and "何大妈" in html and "确认是本人" in html and "解除登记" in html and "o-he" not in html
    assert he.says("登记 何大妈 埔心村").startswith("您已经登记过了")
    assert len(rows_of(bot, "SELECT id FROM binding_conflicts WHERE kind = 'name'")) == 1  # filed once


def test_a_cadre_confirms_once_and_the_binding_is_marked_confirmed(bot, roster, villager_factory, cadre, standin):
    he = villager_factory("o-he")
    he.says("登记 何大妈 埔心村")
    claim = name_claim(bot, "o-he")["id"]
    assert decide(cadre, claim, "confirm").status_code == 302
    assert bound(bot, "o-he") == {"name": "何大妈", "bound_via": "confirmed"}
    assert rows_of(bot, "SELECT status, resolution, resolved_by FROM binding_conflicts WHERE id = ?", [claim]) == [
        {"status": "resolved", "resolution": "confirmed", "resolved_by": "lin"}
    ]
    html = page(cadre, "/admin/bindings")
    assert "已确认是本人" in html and LABEL not in html and "核实是本人" in html  # in 最近的处理
    for action in ("confirm", "release"):  # decided once
        decide(cadre, claim, action)
        assert "已经处理过了" in page(cadre, "/admin/bindings")
    assert bound(bot, "o-he") == {"name": "何大妈", "bound_via": "confirmed"}
    scheduler.run_due(bot, bot.clock())
    assert [m for m in standin.messages_to("o-he") if "村里核实好了" in (m.get("text") or "")]


def test_release_frees_the_person_tells_the_claimant_and_the_real_one_binds(
    bot, roster, villager_factory, cadre, standin
):
    impostor, real = villager_factory("o-impostor"), villager_factory("o-real")
    impostor.says("登记 何大妈 埔心村")
    impostor.sends_photo("media-1")
    impostor.says("3棵桂花")
    person = rows_of(bot, "SELECT id FROM people WHERE name = '何大妈'")[0]["id"]
    recorded = rows_of(bot, "SELECT id, openid, person_id FROM plantings WHERE openid = 'o-impostor'")
    assert recorded and all(r["person_id"] == person for r in recorded)
    claim = name_claim(bot, "o-impostor")["id"]
    assert decide(cadre, claim, "release").status_code == 302
    assert bound(bot, "o-impostor") is None
    assert rows_of(bot, "SELECT openid, bound_via FROM people WHERE id = ?", [person]) == [
        {"openid": None, "bound_via": None}
    ]
    assert rows_of(bot, "SELECT status, resolution, resolved_by FROM binding_conflicts WHERE id = ?", [claim]) == [
        {"status": "resolved", "resolution": "released", "resolved_by": "lin"}
    ]
    # what the openid recorded meanwhile stays recorded against it and the person, as every unbinding leaves it
    assert rows_of(bot, "SELECT id, openid, person_id FROM plantings WHERE person_id = ?", [person]) == recorded
    scheduler.run_due(bot, bot.clock())
    told = [m["text"] for m in standin.messages_to("o-impostor") if "没能核实" in (m.get("text") or "")]
    assert told == [bot.t("registration.name_released", name="何大妈", village="埔心村")]
    assert "还没有登记" in impostor.says("我的信息")
    assert impostor.says("登记 何大妈 埔心村") == told[0]  # released: not bound by name again
    assert bound(bot, "o-impostor") is None
    assert "登记好了" in real.says("登记 何大妈 埔心村")  # the person is free: the real one binds
    assert bound(bot, "o-real") == {"name": "何大妈", "bound_via": "name"}
    assert name_claim(bot, "o-real")["status"] == "open"  # and waits for the village's check in turn


def test_a_cadre_of_another_village_cannot_see_or_decide_admins_can(bot, roster, villager_factory, cadre, admin):
    villager_factory("o-fang").says("登记 方兰 东平社区")
    claim = name_claim(bot, "o-fang")["id"]
    assert "方兰" not in page(cadre, "/admin/bindings")  # 林书记 is 埔心村's
    for action in ("confirm", "release"):
        assert decide(cadre, claim, action).status_code == 403
    assert bound(bot, "o-fang") == {"name": "方兰", "bound_via": "name"}
    html = page(admin, "/admin/bindings")
    assert "方兰" in html and LABEL in html
    assert decide(admin, claim, "confirm").status_code == 302
    assert bound(bot, "o-fang") == {"name": "方兰", "bound_via": "confirmed"}


def test_advisers_do_not_see_name_claims(bot, roster, villager_factory, wang):
    villager_factory("o-he").says("登记 何大妈 埔心村")
    assert wang.get("/admin/bindings").status_code == 403


def test_refused_once_the_person_is_bound_to_someone_else(bot, roster, villager_factory, admin):
    villager_factory("o-he").says("登记 何大妈 埔心村")
    claim = name_claim(bot, "o-he")["id"]
    with transaction(bot.db):  # meanwhile another WeChat user holds the person (as a roster import's openid column)
        bot.db.execute("UPDATE people SET openid = 'o-other', bound_via = 'roster' WHERE name = '何大妈'")
    for action in ("confirm", "release"):
        decide(admin, claim, action)
        assert "申请人已不再登记为这个人" in page(admin, "/admin/bindings")
    assert rows_of(bot, "SELECT openid, bound_via FROM people WHERE name = '何大妈'") == [
        {"openid": "o-other", "bound_via": "roster"}
    ]
    assert name_claim(bot, "o-he")["status"] == "open"


def test_unbinding_settles_the_claim(bot, roster, villager_factory, admin):
    he = villager_factory("o-he")
    he.says("登记 何大妈 埔心村")
    # reg77 (trust: nobody acts as someone else): registering as another roster person by name moves nothing (it had
    # bound 陈秀英, a 党员, by name): the roster's names are the office's to correct
    assert he.says("登记 陈秀英 埔心村") == bot.t("registration.fix_roster").strip()
    assert name_claim(bot, "o-he")["status"] == "open"
    chen = rows_of(bot, "SELECT * FROM people WHERE name = '陈秀英'")[0]
    with transaction(bot.db):
        code = proofs.create_invite(bot, bot.db, chen, by="test", now=bot.clock()).code
    he.says(f"绑定 {code}")  # the office's code moves the binding: 何大妈 is free, her claim has nothing left to check
    [first] = rows_of(bot, "SELECT person_id, status, resolution FROM binding_conflicts ORDER BY id")
    assert (first["status"], first["resolution"]) == ("resolved", "unbound")
    assert rows_of(bot, "SELECT name FROM people WHERE openid = 'o-he'") == [{"name": "陈秀英"}]
    assert "登记已解除" in page(admin, "/admin/bindings")


# -- a 党员 bound by name alone ---------------------------------------------------------------------------
def test_a_party_member_by_name_alone_holds_the_roster_role_at_once_and_is_checked_after(
    bot, roster, villager_factory, cadre
):
    chen = villager_factory("o-chen")
    assert "党员" in chen.says("登记 陈秀英 埔心村")  # roles come from the roster (DESIGN.md)
    assert "村口山坡" in chen.says("认领责任区")  # an elderly 党员 is not stopped
    assert LABEL in page(cadre, "/admin/bindings")  # and the village sees the binding to check it
    assert decide(cadre, name_claim(bot, "o-chen")["id"], "confirm").status_code == 302
    assert "村口山坡" in chen.says("认领责任区")


def test_a_released_party_member_loses_the_role_and_is_free_for_the_real_one(bot, roster, villager_factory, cadre):
    impostor, real = villager_factory("o-impostor"), villager_factory("o-chen")
    impostor.says("登记 陈秀英 埔心村")
    assert "村口山坡" in impostor.says("认领责任区")
    decide(cadre, name_claim(bot, "o-impostor")["id"], "release")
    assert bound(bot, "o-impostor") is None
    assert "村口山坡" not in impostor.says("认领责任区")  # no longer anyone's 党员
    assert "党员" in real.says("登记 陈秀英 埔心村")
    assert "村口山坡" in real.says("认领责任区")


# -- the migration ------------------------------------------------------------------------------------------
def test_bindings_by_name_made_before_the_change_wait_for_the_villages_check(app_with):
    old = app_with().extensions["bot"]
    db = old.db
    with db.conn:  # the database as this version found it: bindings by name, no claim for them
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        for name, role, openid, via in (
            ("何大妈", "群众", "o-he", "name"),
            ("陈秀英", "党员", "o-chen", "name"),
            ("孙立", "村书记", "o-sun", "name"),  # staff by name: the unproven list's, not a claim
            ("张三", "群众", "o-zhang", "self"),
            ("李四", "党员", "o-li", "roster"),
        ):
            person = roster_store.insert_person(db, {"name": name, "village_id": village, "role": role}, STAMP)
            roster_store.bind_openid(db, person, openid, STAMP, via=via)
        db.execute("DELETE FROM binding_conflicts")
        db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_name_claims'")
    bot = app_with().extensions["bot"]  # starting the new version migrates the database
    assert rows_of(bot, "SELECT openid, claimed_name, village_id, kind, status FROM binding_conflicts ORDER BY id") == [
        {"openid": "o-he", "claimed_name": "何大妈", "village_id": village, "kind": "name", "status": "open"},
        {"openid": "o-chen", "claimed_name": "陈秀英", "village_id": village, "kind": "name", "status": "open"},
    ]
