"""Binding conflicts on the dashboard: two villagers 登记 the same roster person through the real webhook;
an admin transfers the person to the new WeChat user or keeps the binding; each conflict is decided once."""

from __future__ import annotations

import pytest

from bot.bindings import openid_tag
from tests.conftest import rows_of
from tests.e2e.dashboard_seed import admin, county, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post

PHONE = "13812345678"


def bound_name(bot, openid):
    found = rows_of(bot, "SELECT name FROM people WHERE openid = ?", [openid])
    return found[0]["name"] if found else None


def notices(bot, conflict_id):
    return rows_of(bot, "SELECT openid, kind, text FROM outbox WHERE dedupe_key = ?", [f"binding:{conflict_id}"])


@pytest.fixture
def first(villager_factory):
    return villager_factory("o-first")


@pytest.fixture
def second(villager_factory):
    return villager_factory("o-second")


@pytest.fixture
def conflict(bot, county, first, second):
    """陈秀英 (党员, 埔心村, in the roster) registered by o-first, then claimed by o-second."""
    bot.db["people"].insert(
        {"name": "陈秀英", "village_id": county.villages["埔心村"], "role": "党员", "phone": PHONE, "birth_year": 1975}
    )
    first.says("登记 陈秀英 埔心村")
    assert "登记好了" in first.says(PHONE[-4:])  # the phone check
    assert "另一个微信" in second.says("登记 陈秀英 埔心村")
    [row] = rows_of(bot, "SELECT id FROM binding_conflicts WHERE status = 'open'")
    return row["id"]


def decide(client, conflict_id, action, **extra):
    return post(client, f"/admin/bindings/{conflict_id}", {"action": action, **extra}, "/admin/bindings")


def test_an_open_conflict_is_listed_without_openids_or_phone_numbers(admin, conflict):
    html = page(admin, "/admin/bindings")
    assert "待处理 1 条" in html and f"#{conflict}" in html
    assert "陈秀英" in html and "埔心村" in html and "党员" in html and "登记 陈秀英" in html
    assert openid_tag("o-first") in html and openid_tag("o-second") in html
    assert "o-first" not in html and "o-second" not in html and PHONE not in html
    assert "转给新微信" in html and "保持不变" in html
    assert 'href="/admin/bindings"' in page(admin, "/admin/")  # in the admin's menu


def test_advisers_cannot_see_or_resolve_conflicts(app, wang, conflict, bot):
    assert wang.get("/admin/bindings").status_code == 403
    assert 'href="/admin/bindings"' not in page(wang, "/admin/")
    assert post(wang, f"/admin/bindings/{conflict}", {"action": "transfer"}, "/admin/").status_code == 403
    assert bound_name(bot, "o-first") == "陈秀英"


def test_a_post_without_csrf_token_is_refused(admin, conflict, bot):
    assert admin.post(f"/admin/bindings/{conflict}", data={"action": "transfer"}).status_code == 400
    assert bound_name(bot, "o-first") == "陈秀英" and bound_name(bot, "o-second") is None


def test_transfer_binds_the_claimant_unbinds_the_holder_and_tells_the_claimant(admin, conflict, bot, first, second):
    response = decide(admin, conflict, "transfer")
    assert response.status_code == 302
    assert bound_name(bot, "o-second") == "陈秀英" and bound_name(bot, "o-first") is None
    [row] = rows_of(
        bot, "SELECT status, resolution, resolved_by, resolved_at FROM binding_conflicts WHERE id = ?", [conflict]
    )
    assert row["status"] == "resolved" and row["resolution"] == "rebound" and row["resolved_by"] == "admin"
    assert row["resolved_at"]
    [notice] = notices(bot, conflict)
    assert notice["openid"] == "o-second" and notice["kind"] == "system"
    assert "陈秀英" in notice["text"] and "现在登记在您这个微信上" in notice["text"]
    html = page(admin, "/admin/bindings")
    assert "已转给新微信" in html and "没有待处理的登记冲突" in html and "最近的处理" in html
    assert "陈秀英" in second.says("我的信息") and "党员" in second.says("我的信息")
    assert "还没有登记" in first.says("我的信息")


def test_transfer_releases_the_claimants_earlier_self_registration(admin, bot, county, first, second):
    bot.db["people"].insert({"name": "陈秀英", "village_id": county.villages["埔心村"], "role": "党员"})
    first.says("登记 陈秀英 埔心村")
    assert "群众" in second.says("登记 张小明 埔心村")
    second.says("登记 陈秀英 埔心村")
    [row] = rows_of(bot, "SELECT id FROM binding_conflicts WHERE status = 'open' AND kind = 'taken'")
    assert "这个微信现在登记为：张小明" in page(admin, "/admin/bindings")
    decide(admin, row["id"], "transfer")
    assert bound_name(bot, "o-second") == "陈秀英"
    assert rows_of(bot, "SELECT openid FROM people WHERE name = '张小明'") == [{"openid": None}]
    # o-first's binding by name alone was waiting for the village's check: settled by the transfer
    assert rows_of(bot, "SELECT openid, status, resolution FROM binding_conflicts WHERE kind = 'name'") == [
        {"openid": "o-first", "status": "resolved", "resolution": "unbound"}
    ]


def test_keep_closes_the_conflict_without_rebinding(admin, conflict, bot):
    decide(admin, conflict, "keep", notify="1")
    assert bound_name(bot, "o-first") == "陈秀英" and bound_name(bot, "o-second") is None
    [row] = rows_of(bot, "SELECT status, resolution, resolved_by FROM binding_conflicts WHERE id = ?", [conflict])
    assert row == {"status": "resolved", "resolution": "kept", "resolved_by": "admin"}
    [notice] = notices(bot, conflict)
    assert notice["openid"] == "o-second" and "仍由原来的微信登记" in notice["text"]
    assert "已保持不变" in page(admin, "/admin/bindings")


def test_keep_without_notice_queues_nothing(admin, conflict, bot):
    decide(admin, conflict, "keep")
    assert notices(bot, conflict) == []
    assert rows_of(bot, "SELECT status FROM binding_conflicts WHERE id = ?", [conflict]) == [{"status": "resolved"}]


def test_a_closed_conflict_is_not_decided_again(admin, conflict, bot):
    decide(admin, conflict, "transfer")
    for action in ("keep", "transfer"):
        assert decide(admin, conflict, action, notify="1").status_code == 302
        assert "已经处理过了" in page(admin, "/admin/bindings")
    assert bound_name(bot, "o-second") == "陈秀英" and bound_name(bot, "o-first") is None
    assert rows_of(bot, "SELECT resolution FROM binding_conflicts WHERE id = ?", [conflict]) == [
        {"resolution": "rebound"}
    ]
    assert len(notices(bot, conflict)) == 1


def test_unknown_conflict_or_action_is_refused(admin, conflict):
    assert decide(admin, conflict + 99, "transfer").status_code == 404
    assert decide(admin, conflict, "delete").status_code == 400
