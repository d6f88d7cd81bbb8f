"""The campaign office at a desk (and on a phone): broadcasts that would reach nobody, segments in words."""

from __future__ import annotations

from playwright.sync_api import expect

from bot import clock
from bot.db import transaction
from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.e2e.dashboard_seed import add_waiting


def _followers(bot, *openids):
    with transaction(bot.db):
        for openid in openids:
            bot.db["users"].insert(
                {
                    "openid": openid,
                    "subscribed": 1,
                    "reminders_off": 0,
                    "cs_sent_since_inbound": 0,
                    "created_at": clock.to_db(bot.clock()),
                }
            )


def test_a_broadcast_to_nobody_is_caught_and_the_right_village_picked(page, server, bot, county):
    _followers(bot, "o-陈大伯", "o-林书记", "o-黄阿姨")
    log_in(page, server, "admin", "/admin/broadcasts")
    page.select_option("select[name=kind]", "village")
    page.fill("input[name=value]", "埔心")
    page.fill("textarea[name=text]", "周六上午九点村口集合植树")
    page.click("button[value=preview]")
    expect(page.locator(".nobody")).to_contain_text("没有叫“埔心”的村社区。是不是：埔心村？")
    snap(page, "broadcast_to_nobody")
    page.click("button:text('发送')")
    expect(page.locator(".flash.error").first).to_contain_text("没有发送")
    assert list(bot.db.query("SELECT id FROM broadcasts")) == []
    page.click(".suggestions button:text('埔心村')")
    expect(page.locator("body")).to_contain_text("村社区：埔心村：将发给 2 人")
    expect(page.locator("input[name=value]")).to_have_value("埔心村")
    page.click("button:text('发送')")
    expect(page.locator(".flash.ok")).to_contain_text("马上发送")
    expect(page.locator("table.data")).to_contain_text("村社区：埔心村")
    expect(page.locator("main")).not_to_contain_text("village:")
    assert fits_the_screen(page)
    assert [p for p in page.problems if "400" not in p] == []  # the refused send answers 400, on purpose


def test_the_review_queue_pages_filters_and_maps_a_far_record(page, server, bot, county):
    add_waiting(bot, county, range(1, 26))
    log_in(page, server, "admin", "/admin/review")
    expect(page.locator(".pager").first).to_contain_text("第 1/2 页，共 27 条")
    expect(page.locator("article.review-item")).to_have_count(20)
    page.locator(".pager a[rel=next]").first.click()
    # expect waits for the next page: count() would read whatever the page holds at the instant
    expect(page.locator("article.review-item")).to_have_count(7)
    page.select_option("select[name=flag]", "far_from_village")
    page.click("button:text('筛选')")
    card = page.locator(f"#record-{county.plantings['far']}")
    expect(card).to_contain_text("离村中心 5.6 公里（村范围半径 800 米）")
    expect(card.locator("svg[aria-label='位置与村范围'] circle")).to_have_count(2)
    snap(page, "review_far")
    assert fits_the_screen(page)
    card.locator("input[name=reason]").fill("承包山地，核实无误")
    card.locator("button[value=approve]").click()
    expect(page.locator(".flash.ok")).to_contain_text("已通过")
    expect(page.locator("select[name=flag]")).to_have_value("far_from_village")  # back to the same filter
    expect(page.locator("main")).to_contain_text("没有符合条件的记录")
    assert page.problems == []
