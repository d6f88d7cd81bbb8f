"""Waiting 登记 claims on the dashboard (issue 13, 1): a villager who fails the phone check waits for the village's
cadres; a village-scoped cadre login (create-admin --role cadre) approves or rejects, audited; admins see every
claim and the staff bindings without proof on 登记冲突, and make one-time codes on the 名册 page."""

from __future__ import annotations

import pytest

from bot import scheduler
from bot.cli import main
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import rows_of
from tests.e2e.dashboard_seed import PASSWORD, admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post

PHONES = {"何秀": "13911112222", "方兰": "13933334444"}


@pytest.fixture
def villagers(bot, county):
    """Not bound yet: 何秀 of 埔心村 and 方兰 of 东平社区, roster villagers with a phone on file; 钱干部, a
    村干部 of 东平社区."""
    with transaction(bot.db):
        for name, village, role in (
            ("何秀", "埔心村", "群众"),
            ("方兰", "东平社区", "群众"),
            ("钱干部", "东平社区", "村干部"),
        ):
            roster_store.insert_person(
                bot.db,
                {"name": name, "village_id": county.villages[village], "role": role, "phone": PHONES.get(name)},
                "2027-02-01T00:00:00+00:00",
            )
    return county


def fails_the_phone_check(bot, user, name: str, village: str) -> int:
    """Three wrong answers: the claim waits. Returns its id."""
    assert "后4位" in user.says(f"登记 {name} {village}")
    for _ in range(bot.config.get("registration.phone_tries")):
        reply = user.says("0000")
    assert reply == bot.t("registration.phone_waiting")
    [claim] = rows_of(bot, "SELECT id FROM binding_conflicts WHERE openid = ? AND status = 'open'", [user.openid])
    return claim["id"]


@pytest.fixture
def cadre(app, config_file, county, capsys):
    """林书记 (村书记 of 埔心村) as a dashboard login made from the command line."""
    assert (
        main(
            [
                "--config",
                str(config_file),
                "create-admin",
                "lin",
                "--role",
                "cadre",
                "--person",
                "林书记",
                "--password",
                PASSWORD,
            ]
        )
        == 0
    )
    assert "cadre" in capsys.readouterr().out
    client = app.test_client()
    assert login(client, "lin").status_code == 302
    return client


def bound(bot, openid: str) -> dict | None:
    found = rows_of(bot, "SELECT name, bound_via FROM people WHERE openid = ?", [openid])
    return found[0] if found else None


# -- the cadre's login --------------------------------------------------------------------------------
def test_a_cadre_approves_a_villager_who_failed_the_phone_check(bot, villagers, villager_factory, cadre, standin):
    he = villager_factory("o-he")
    claim = fails_the_phone_check(bot, he, "何秀", "埔心村")
    assert bound(bot, "o-he") is None
    html = page(cadre, "/admin/bindings")
    assert "何秀" in html and "手机后4位未答对" in html and "o-he" not in html
    assert post(cadre, f"/admin/bindings/{claim}", {"action": "approve"}, "/admin/bindings").status_code == 302
    assert bound(bot, "o-he") == {"name": "何秀", "bound_via": "approved"}
    assert rows_of(bot, "SELECT status, resolution, resolved_by FROM binding_conflicts WHERE id = ?", [claim]) == [
        {"status": "resolved", "resolution": "approved", "resolved_by": "lin"}
    ]  # who decided, kept
    scheduler.run_due(bot, bot.clock())
    assert any("核实好了" in (m.get("text") or "") for m in standin.messages_to("o-he"))
    assert "何秀" in he.says("我的信息")


def test_a_cadre_rejects_and_the_claimant_is_told(bot, villagers, villager_factory, cadre):
    claim = fails_the_phone_check(bot, villager_factory("o-he"), "何秀", "埔心村")
    assert post(cadre, f"/admin/bindings/{claim}", {"action": "reject"}, "/admin/bindings").status_code == 302
    assert bound(bot, "o-he") is None
    [notice] = rows_of(bot, "SELECT openid, text FROM outbox WHERE dedupe_key = ?", [f"binding:{claim}"])
    assert notice["openid"] == "o-he" and "没有把“何秀”" in notice["text"]


def test_a_cadre_sees_and_decides_only_their_own_villages_phone_claims(bot, villagers, villager_factory, cadre):
    other = fails_the_phone_check(bot, villager_factory("o-fang"), "方兰", "东平社区")
    assert "登记码" in villager_factory("o-stranger").says("登记 钱干部 东平社区")  # a staff claim: the admins'
    html = page(cadre, "/admin/bindings")
    assert "方兰" not in html and "钱干部" not in html
    assert post(cadre, f"/admin/bindings/{other}", {"action": "approve"}, "/admin/bindings").status_code == 403
    assert bound(bot, "o-fang") is None
    staff_claim = rows_of(bot, "SELECT id FROM binding_conflicts WHERE kind = 'needs_code'")[0]["id"]
    assert post(cadre, f"/admin/bindings/{staff_claim}", {"action": "reject"}, "/admin/bindings").status_code == 403
    for url in (
        "/admin/roster",
        "/admin/review",
        "/admin/exports",
        "/admin/broadcasts",
        "/admin/villages/" + str(villagers.villages["东平社区"]),
    ):
        assert cadre.get(url).status_code == 403, url
    assert cadre.get("/admin/tickets").status_code == 200  # esc101: its village's tickets routed to the village
    overview = page(cadre, "/admin/")
    assert "埔心村" in overview and "东平社区" not in overview and 'href="/admin/roster"' not in overview


def test_a_cadre_login_sees_nothing_once_the_roster_no_longer_names_them_a_cadre(
    bot, villagers, villager_factory, cadre
):
    claim = fails_the_phone_check(bot, villager_factory("o-he"), "何秀", "埔心村")
    assert "何秀" in page(cadre, "/admin/bindings")
    village = villagers.villages["埔心村"]
    assert cadre.get(f"/admin/villages/{village}").status_code == 200
    with transaction(bot.db):  # a new roster: 林书记 is no longer 村书记 (moved to 群众)
        bot.db.execute("UPDATE people SET role = '群众' WHERE name = '林书记'")
    assert cadre.get(f"/admin/villages/{village}").status_code == 403
    assert "何秀" not in page(cadre, "/admin/bindings")
    assert post(cadre, f"/admin/bindings/{claim}", {"action": "approve"}, "/admin/bindings").status_code == 403
    assert bound(bot, "o-he") is None
    with transaction(bot.db):  # named 村干部 again: the same login sees the village again
        bot.db.execute("UPDATE people SET role = '村干部' WHERE name = '林书记'")
    assert cadre.get(f"/admin/villages/{village}").status_code == 200


def test_advisers_do_not_see_claims(bot, villagers, villager_factory, wang):
    fails_the_phone_check(bot, villager_factory("o-he"), "何秀", "埔心村")
    assert wang.get("/admin/bindings").status_code == 403


def test_a_cadre_login_must_be_a_village_cadre_of_the_roster(config_file, bot, county, capsys):
    base = ["--config", str(config_file), "create-admin", "x", "--password", PASSWORD, "--role", "cadre"]
    assert main(base) != 0  # no --person
    assert main([*base, "--person", "陈大伯"]) != 0  # a 群众
    assert main([*base, "--person", "王顾问"]) != 0  # an adviser
    assert "村书记" in capsys.readouterr().err
    assert rows_of(bot, "SELECT username FROM admins WHERE username = 'x'") == []


# -- the admins ---------------------------------------------------------------------------------------
def test_admins_see_every_claim_and_decide_a_staff_claim(bot, villagers, villager_factory, admin):
    fails_the_phone_check(bot, villager_factory("o-fang"), "方兰", "东平社区")
    assert "登记码" in villager_factory("o-stranger").says("登记 钱干部 东平社区")
    html = page(admin, "/admin/bindings")
    assert "方兰" in html and "钱干部" in html and "没有登记码" in html
    staff_claim = rows_of(bot, "SELECT id FROM binding_conflicts WHERE kind = 'needs_code'")[0]["id"]
    assert (
        admin.post(f"/admin/bindings/{staff_claim}", data={"action": "transfer", "csrf_token": "x"}).status_code == 400
    )
    assert post(admin, f"/admin/bindings/{staff_claim}", {"action": "transfer"}, "/admin/bindings").status_code == 400
    assert bound(bot, "o-stranger") is None  # a staff person is never given to a claimant by a click
    assert post(admin, f"/admin/bindings/{staff_claim}", {"action": "reject"}, "/admin/bindings").status_code == 302
    assert rows_of(bot, "SELECT resolution FROM binding_conflicts WHERE id = ?", [staff_claim]) == [
        {"resolution": "rejected"}
    ]


def test_staff_bound_without_proof_are_listed_for_the_admins(bot, county, villager_factory, admin):
    villager_factory("o-sun").says("登记 孙立 埔心村")
    with transaction(bot.db):  # the roster then names 孙立 村书记 (an import after self-registration)
        bot.db.execute("UPDATE people SET role = '村书记', source = 'roster' WHERE name = '孙立'")
    html = page(admin, "/admin/bindings")
    assert "未核验的工作人员登记" in html and "孙立" in html and "自己登记后被名册列为工作人员" in html
    assert "林书记" not in html.split("未核验的工作人员登记")[1]  # bound through the roster's openid column


# -- codes on the 名册 page ----------------------------------------------------------------------------
def test_an_admin_makes_a_code_on_the_roster_page_and_it_binds(bot, county, villager_factory, admin, wang):
    html = page(admin, "/admin/roster")
    head, body = html.split("</head>")
    assert "王顾问" in body and "已核验" in body and "生成登记码" in body and "登记码" not in head
    sun = villager_factory("o-sun")
    sun.says("登记 孙立 埔心村")
    with transaction(bot.db):
        bot.db.execute("UPDATE people SET role = '村干部', source = 'roster' WHERE name = '孙立'")
    person = rows_of(bot, "SELECT id FROM people WHERE name = '孙立'")[0]["id"]
    assert "未核验" in page(admin, "/admin/roster")
    response = post(admin, f"/admin/roster/invites/{person}", {}, "/admin/roster")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    code = response.get_data(as_text=True).split('class="invite-code">')[1][:6]
    assert code.isdigit() and code not in str(rows_of(bot, "SELECT * FROM invite_codes"))
    assert "有效至" in page(admin, "/admin/roster") and code not in page(admin, "/admin/roster")  # shown once
    assert "村干部" in sun.says(f"绑定 {code}")
    assert bound(bot, "o-sun") == {"name": "孙立", "bound_via": "code"}
    assert "已使用" in page(admin, "/admin/roster")
    assert post(wang, f"/admin/roster/invites/{person}", {}, "/admin/").status_code == 403
