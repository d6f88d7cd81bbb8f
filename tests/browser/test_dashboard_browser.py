"""The dashboard in a real browser (Debian's Chromium through Playwright): log in, approve a flagged
record, answer a ticket, open a village page with its charts, and no console errors anywhere.

Fixtures and helpers in tests/browser/conftest.py.
"""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import fits_the_screen, image_loaded, log_in


def test_admin_logs_in_and_approves_a_flagged_record(page, server, bot, county):
    log_in(page, server, "admin")
    expect(page.locator("h1")).to_have_text("概览")
    assert page.locator("svg.chart").count() >= 3
    page.click("text=照片审核")
    card = page.locator(f"#record-{county.plantings['dup']}")
    expect(card).to_contain_text("重复照片")
    assert card.locator("img").count() == 2  # this photo and the earlier one, side by side
    for img in card.locator("img").all():
        assert image_loaded(img)
    card.locator("input[name=reason]").fill("照片与之前的记录不同角度，核实无误")
    card.locator("button[value=approve]").click()
    expect(page.locator(".flash.ok")).to_contain_text(f"记录 #{county.plantings['dup']} 已通过")
    expect(page.locator(f"#record-{county.plantings['dup']}")).to_have_count(0)
    row = next(bot.db.query("SELECT review, reviewed_by FROM plantings WHERE id = ?", [county.plantings["dup"]]))
    assert row == {"review": "approved", "reviewed_by": "admin"}
    assert page.problems == []


def test_adviser_answers_a_ticket_on_a_phone(phone, server, bot, county):
    log_in(phone, server, "wang")
    phone.click("text=工单")
    phone.click(f"a:text('#{county.tickets['wang']}')")
    expect(phone.locator(".ticket")).to_contain_text("桂花叶子发黄怎么办")
    phone.fill("textarea[name=answer]", "多半是缺铁，叶面喷0.2%硫酸亚铁，一周一次。")
    phone.click("text=发送回答")
    expect(phone.locator(".flash.ok")).to_contain_text("已回答")
    expect(phone.locator("body")).to_contain_text("多半是缺铁")
    assert (
        next(bot.db.query("SELECT status FROM tickets WHERE id = ?", [county.tickets["wang"]]))["status"] == "answered"
    )
    assert phone.problems == []


def test_village_page_shows_its_charts_and_photo_wall(phone, server, county):
    log_in(phone, server, "admin")
    phone.click("text=村社区")
    phone.click("a:text('埔心村')")
    expect(phone.locator("h1")).to_contain_text("埔心村")
    for name in ("完成率", "每日种植", "种植位置", "成活情况"):
        expect(phone.locator(f"svg[aria-label='{name}']")).to_have_count(1)
    plot = phone.locator("svg[aria-label='种植位置']")
    assert plot.locator("circle").count() >= 1 + 3  # the village circle and a dot per located record
    box = plot.bounding_box()
    assert box["width"] > 200 and box["width"] <= 390  # fits a phone screen
    phone.click("details#photos summary")  # the photo wall is folded until asked for
    thumbs = phone.locator(".wall img")
    assert thumbs.count() == 4
    for img in thumbs.all():
        img.scroll_into_view_if_needed()
        expect(img).to_have_js_property("complete", True)
        assert image_loaded(img)
    assert fits_the_screen(phone)
    assert phone.problems == []
