"""登记冲突 in a browser, at a phone and a desktop size: the name-only claims (仅凭姓名登记，请核实) a village's cadre
confirms or releases, beside the other kinds an admin sees."""

from __future__ import annotations

from playwright.sync_api import expect

from bot.db import transaction
from bot.store import admins
from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.conftest import rows_of
from tests.e2e.dashboard_seed import add_name_only, password_hash

STAMP = "2027-02-01T00:00:00+00:00"


def _claims(bot, county, villager_factory):
    """何大妈 (群众) and 陈秀英 (党员) of 埔心村 bound by name alone; 方兰 of 东平社区 too; someone claiming 林书记, whom
    another WeChat user holds (``taken``)."""
    with transaction(bot.db):
        add_name_only(bot, county, STAMP)
        admins.upsert(bot.db, "lin", password_hash(), "cadre", STAMP)
        bot.db.execute("UPDATE admins SET person_id = ? WHERE username = 'lin'", [county.people["林书记"]])
    villager_factory("o-he").says("登记 何大妈 埔心村")
    villager_factory("o-chen").says("登记 陈秀英 埔心村")
    villager_factory("o-fang").says("登记 方兰 东平社区")
    villager_factory("o-x").says("登记 林书记 埔心村")  # held already: an admin's claim


def test_a_cadre_confirms_and_releases_name_only_claims(page, server, bot, county, villager_factory):
    _claims(bot, county, villager_factory)
    log_in(page, server, "lin", "/admin/bindings")
    cards = page.locator("article.binding-item")
    expect(cards).to_have_count(2)  # 埔心村's two; not 东平社区's, not the admins' taken claim
    expect(cards.first).to_contain_text("仅凭姓名登记，请核实")
    expect(page.locator("article.binding-item", has_text="陈秀英")).to_contain_text("身份已按名册生效")
    assert fits_the_screen(page)
    for button in page.locator("article.binding-item button").all():
        assert button.is_visible() and button.bounding_box()["height"] >= 32
    snap(page, "bindings_name_claims_cadre")
    page.locator("article.binding-item", has_text="陈秀英").locator("button[value=confirm]").click()
    expect(page.locator(".flash").first).to_contain_text("已确认是本人")
    page.locator("article.binding-item", has_text="何大妈").locator("button[value=release]").click()
    expect(page.locator(".flash").first).to_contain_text("已解除登记")
    expect(page.locator("body")).to_contain_text("没有待处理的登记冲突")
    assert fits_the_screen(page)
    snap(page, "bindings_name_claims_decided")
    assert rows_of(
        bot, "SELECT name, openid, bound_via FROM people WHERE name IN ('何大妈', '陈秀英') ORDER BY id"
    ) == [
        {"name": "何大妈", "openid": None, "bound_via": None},
        {"name": "陈秀英", "openid": "o-chen", "bound_via": "confirmed"},
    ]
    assert page.problems == []


def test_an_admin_sees_every_kind(page, server, bot, county, villager_factory):
    _claims(bot, county, villager_factory)
    log_in(page, server, "admin", "/admin/bindings")
    expect(page.locator("article.binding-item")).to_have_count(4)
    expect(page.locator("article.binding-item", has_text="林书记").locator("button[value=transfer]")).to_be_visible()
    assert fits_the_screen(page)
    snap(page, "bindings_admin")
    assert page.problems == []
