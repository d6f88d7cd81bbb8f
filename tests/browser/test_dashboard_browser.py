"""The dashboard in a real browser (Debian's Chromium through Playwright): log in, approve a flagged
record, answer a ticket, open a village page with its charts, and no console errors anywhere.

Skipped when /usr/bin/chromium is absent, unless REQUIRE_BROWSER=1 (then it fails).
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.e2e.dashboard_seed import PASSWORD, county  # noqa: F401 (fixture)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail("REQUIRE_BROWSER=1 but /usr/bin/chromium is missing (apt-get install -y chromium)",
                    pytrace=False)
    pytest.skip("no /usr/bin/chromium (set REQUIRE_BROWSER=1 to make this a failure)", allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402


@pytest.fixture
def server(app, county):
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(5)


@pytest.fixture
def browser():
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A phone-sized page that collects console errors and failed requests."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    tab = context.new_page()
    tab.problems = []
    tab.on("console", lambda msg: msg.type == "error" and tab.problems.append(f"console: {msg.text}"))
    tab.on("pageerror", lambda error: tab.problems.append(f"page error: {error}"))
    tab.on("requestfailed", lambda request: tab.problems.append(f"failed: {request.url}"))
    tab.on("response", lambda r: r.status >= 400 and tab.problems.append(f"{r.status}: {r.url}"))
    yield tab
    context.close()


def log_in(page, server, username):
    page.goto(f"{server}/admin/")
    expect(page).to_have_url(f"{server}/admin/login?next=/admin/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(f"{server}/admin/")


def test_admin_logs_in_and_approves_a_flagged_record(page, server, bot, county):
    log_in(page, server, "admin")
    expect(page.locator("h1")).to_have_text("概览")
    assert page.locator("svg.chart").count() >= 3
    page.click("text=照片审核")
    card = page.locator(f"#record-{county.plantings['dup']}")
    expect(card).to_contain_text("重复照片")
    assert card.locator("img").count() == 2  # this photo and the earlier one, side by side
    for img in card.locator("img").all():
        assert img.evaluate("i => i.complete && i.naturalWidth > 0")
    card.locator("input[name=reason]").fill("照片与之前的记录不同角度，核实无误")
    card.locator("button[value=approve]").click()
    expect(page.locator(".flash.ok")).to_contain_text(f"记录 #{county.plantings['dup']} 已通过")
    expect(page.locator(f"#record-{county.plantings['dup']}")).to_have_count(0)
    row = next(bot.db.query("SELECT review, reviewed_by FROM plantings WHERE id = ?", [county.plantings["dup"]]))
    assert row == {"review": "approved", "reviewed_by": "admin"}
    assert page.problems == []


def test_adviser_answers_a_ticket_on_a_phone(page, server, bot, county):
    log_in(page, server, "wang")
    page.click("text=工单")
    page.click(f"a:text('#{county.tickets['wang']}')")
    expect(page.locator(".ticket")).to_contain_text("桂花叶子发黄怎么办")
    page.fill("textarea[name=answer]", "多半是缺铁，叶面喷0.2%硫酸亚铁，一周一次。")
    page.click("text=发送回答")
    expect(page.locator(".flash.ok")).to_contain_text("已回答")
    expect(page.locator("body")).to_contain_text("多半是缺铁")
    assert next(bot.db.query("SELECT status FROM tickets WHERE id = ?", [county.tickets["wang"]]))["status"] == \
        "answered"
    assert page.problems == []


def test_village_page_shows_its_charts_and_photo_wall(page, server, county):
    log_in(page, server, "admin")
    page.click("text=村社区")
    page.click("a:text('埔心村')")
    expect(page.locator("h1")).to_contain_text("埔心村")
    for name in ("完成率", "每日种植", "种植位置", "成活情况"):
        expect(page.locator(f"svg[aria-label='{name}']")).to_have_count(1)
    plot = page.locator("svg[aria-label='种植位置']")
    assert plot.locator("circle").count() >= 1 + 3  # the village circle and a dot per located record
    box = plot.bounding_box()
    assert box["width"] > 200 and box["width"] <= 390  # fits a phone screen
    thumbs = page.locator(".wall img")
    assert thumbs.count() == 4
    for img in thumbs.all():
        img.scroll_into_view_if_needed()
        expect(img).to_have_js_property("complete", True)
        assert img.evaluate("i => i.naturalWidth > 0")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")  # no sideways scroll
    assert page.problems == []
