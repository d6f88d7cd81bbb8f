"""A record's page in a browser, at a phone and a desktop size (round 75): the record, its photo, the correction form
a village's cadre login fills (reason and count), and the history after it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import fits_the_screen, image_loaded, log_in, snap
from tests.e2e.dashboard_seed import add_cadre_login


def test_a_cadre_recounts_a_record_on_its_page(page, server, bot, county):
    add_cadre_login(bot.db, "lin", "林书记")
    planting_id = county.plantings["tree"]
    log_in(page, server, "lin", f"/admin/villages/{county.villages['埔心村']}")
    page.locator("details#records summary, #records summary").first.click()
    page.locator(f'a[href="/admin/records/{planting_id}"]').click()
    expect(page.locator("h1")).to_contain_text(f"种树记录 #{planting_id}")
    assert image_loaded(page.locator("article.record img").first)
    assert fits_the_screen(page)
    snap(page, "record_page")
    page.fill('input[name="reason"]', "现场数过是5棵")
    page.fill('input[name="count"]', "5")
    page.locator('button[value="recount"]').click()
    expect(page.locator("p.flash.ok")).to_contain_text("已改为5棵")  # round 77: what happened, not 已更正
    expect(page.locator("table.data")).to_contain_text("现场数过是5棵")
    assert fits_the_screen(page)
    for button in page.locator("form.correct button").all():
        assert button.is_visible() and button.bounding_box()["height"] >= 32
    snap(page, "record_page_corrected")


def test_a_withdrawn_and_a_recounted_record_on_the_village_page_and_the_withdrawn_ones_page(page, server, county):
    """Round 76: the office withdraws one record and recounts another; the village page's list shows 已作废 and 改过,
    the withdrawn record's page says how the trees are reported again."""
    withdrawn, recounted = county.plantings["tree"], county.plantings["far"]
    log_in(page, server, "admin", f"/admin/records/{recounted}")
    page.fill('input[name="reason"]', "现场数过")
    page.fill('input[name="count"]', "1")
    page.locator('button[value="recount"]').click()
    expect(page.locator("p.flash.ok")).to_contain_text("已改为1棵")
    page.goto(f"{server}/admin/records/{withdrawn}")
    page.fill('input[name="reason"]', "重复报了")
    page.locator('button[value="withdraw"]').click()
    expect(page.locator("p.flash.ok")).to_contain_text("已作废")
    expect(page.locator("section.card").first).to_contain_text("重新发照片和棵数再报一次")
    assert fits_the_screen(page)
    snap(page, "record_withdrawn")
    page.goto(f"{server}/admin/villages/{county.villages['埔心村']}")
    page.locator("details#records summary, #records summary").first.click()
    withdrawn_row = page.locator("tr", has=page.locator(f'a[href="/admin/records/{withdrawn}"]'))
    recounted_row = page.locator("tr", has=page.locator(f'a[href="/admin/records/{recounted}"]'))
    expect(withdrawn_row).to_contain_text("已作废")
    expect(recounted_row).to_contain_text("改过")
    assert fits_the_screen(page)
    snap(page, "village_records_corrected")


def test_a_cadre_restores_a_record_withdrawn_by_mistake_and_the_village_counts_it_again(page, server, bot, county):
    """Round 77: a withdrawn record's page has 恢复 (a reason required); after it, the flash says 已恢复, the history
    has both rows and the village page's list shows the record counted (no 已作废); tidy77: both say 恢复过, the record
    page with its time."""
    add_cadre_login(bot.db, "lin", "林书记")
    planting_id = county.plantings["far"]  # "tree"'s photo is in "dup" too: not restored (tests/e2e)
    log_in(page, server, "lin", f"/admin/records/{planting_id}")
    page.fill('input[name="reason"]', "重复报了")
    page.locator('button[value="withdraw"]').click()
    expect(page.locator("p.flash.ok")).to_contain_text("已作废")
    restore = page.locator('button[value="restore"]')
    assert restore.is_visible() and restore.bounding_box()["height"] >= 32
    assert fits_the_screen(page)
    snap(page, "record_restore_button")
    page.fill('input[name="reason"]', "作废错了编号")
    restore.click()
    expect(page.locator("p.flash.ok")).to_contain_text("已恢复")
    expect(page.locator("table.data")).to_contain_text("作废错了编号")
    expect(page.locator('button[value="withdraw"]')).to_be_visible()
    restored = page.locator("dl.facts span.tag.restored")  # tidy77: the record says it was restored, and when
    expect(restored).to_have_text("恢复过")
    assert restored.is_visible() and page.locator("dl.facts small.beside-tag").is_visible()
    assert fits_the_screen(page)
    snap(page, "record_restored")
    page.goto(f"{server}/admin/villages/{county.villages['埔心村']}")
    page.locator("details#records summary, #records summary").first.click()
    row = page.locator("tr", has=page.locator(f'a[href="/admin/records/{planting_id}"]'))
    expect(row).to_be_visible()
    expect(row).not_to_contain_text("已作废")
    expect(row.locator("span.tag.restored")).to_have_text("恢复过")
    assert fits_the_screen(page)
    snap(page, "village_records_restored")
