"""Esc101: a village's 村书记 answers the village's tickets on the dashboard, on a phone and at a desk: a money question
asked in chat waits in the cadre login's 工单 (the adviser's tickets not there), its page has the answer form and no
收录, and the answer goes to the villager through the outbox as 答's does. Screenshots to look at
(``BROWSER_SCREENSHOTS=always``)."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.helpers import fits_the_screen, log_in, snap
from tests.e2e.dashboard_seed import add_cadre_login


def test_a_village_secretary_answers_the_villages_ticket_on_the_dashboard(page, server, bot, county, villager_factory):
    reply = villager_factory("o-陈大伯").says("村里讲好的苗钱 到而家都未俾")
    assert "已转给村里（林书记，村书记）" in reply, reply
    number = int(reply.split("问题编号：")[1].split("。")[0])
    add_cadre_login(bot.db, "linshuji", "林书记")
    log_in(page, server, "linshuji", "/admin/tickets")
    table = page.locator("table.data").first
    expect(table).to_contain_text(f"#{number}")
    expect(table).to_contain_text("林书记（村书记）")
    expect(table).not_to_contain_text(f"#{county.tickets['wang']}")  # an adviser's ticket is not the village's
    snap(page, "cadre_ticket_list")
    page.click(f"a:text('#{number}')")
    expect(page.locator("p.question").first).to_contain_text("苗钱")
    expect(page.locator("button:text('收录')")).to_have_count(0)
    page.fill("textarea[name=answer]", "苗钱月底前发，名单贴在村委公示栏。")
    snap(page, "cadre_ticket_answering")
    page.click("text=发送回答")
    expect(page.locator(".flash.ok")).to_contain_text("已回答")
    expect(page.locator("main")).to_contain_text("苗钱月底前发")
    snap(page, "cadre_ticket_answered")
    (queued,) = bot.db.query("SELECT openid, kind, text FROM outbox WHERE dedupe_key = ?", [f"answer:{number}:0"])
    assert queued["openid"] == "o-陈大伯" and queued["kind"] == "answer"
    assert "村里回答了您的第" in queued["text"] and "村书记 林书记" in queued["text"]
    assert fits_the_screen(page)
    assert page.problems == []
