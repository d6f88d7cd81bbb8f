"""The dashboard's village page shows its accidents (session 57, left123; bot/dashboard/accident_pages.py): a sting told
through the signed webhook and answered with first aid (aidnotice, no ticket) is on 埔心村's page, under 意外与急救答复,
with who, what happened, their words and whom the notice went to; never on another village's page; a cadre login of
the village sees it too. Until now it was only in ``export accidents``."""

from __future__ import annotations

import re

from tests.e2e.dashboard_seed import add_cadre_login, admin, county, login, page_text  # noqa: F401 (fixtures)

STING = "阿婆上山被马蜂蜇到手 肿得好大"


def section_html(client, village_id: int) -> str:
    """The village page's 意外与急救答复 section ('' when the page has none)."""
    html = client.get(f"/admin/villages/{village_id}").get_data(as_text=True)
    found = re.search(r'<details class="card fold" id="accidents".*?</details>', html, re.S)
    return found.group(0) if found else ""


def section(client, village_id: int) -> str:
    """The section's words, tags dropped."""
    return " ".join(re.sub(r"<[^>]+>", " ", section_html(client, village_id)).split())


def test_a_sting_told_is_on_its_village_page(admin, county, villager_factory, bot):
    reply = villager_factory("o-陈大伯").says(STING)
    assert reply.startswith("⚠") and "问题编号" not in reply, reply
    pux, dp = county.villages["埔心村"], county.villages["东平社区"]
    shown = section(admin, pux)
    for said in ("意外与急救答复", "1起", "陈大伯", "蜂蜇", "马蜂蜇到手", "村干部"):
        assert said in shown, (said, shown)
    assert 'class="key warn"' in section_html(admin, pux)  # this week's: the key beside the title is red
    assert "陈大伯" not in section(admin, dp) and "还没有" in section(admin, dp)


def test_a_village_with_none_says_so(admin, county):
    shown = section(admin, county.villages["埔心村"])
    assert "意外与急救答复" in shown and "还没有村民报过意外" in shown, shown


def test_the_villages_cadre_login_sees_it(app, bot, county, villager_factory):
    villager_factory("o-陈大伯").says(STING)
    add_cadre_login(bot.db, "lin", "林书记")
    client = app.test_client()
    assert login(client, "lin").status_code == 302
    assert "陈大伯" in section(client, county.villages["埔心村"])


def test_an_unregistered_sender_is_shown_unregistered(admin, county, villager_factory, bot):
    """A follower of the village's QR code who never registered: the row has the village, no person."""
    from bot.db import transaction

    villager_factory("o-stranger").says(STING)
    with transaction(bot.db):  # as the follow QR code of 埔心村 would have set it
        bot.db.execute("UPDATE accidents SET village_id = ?", [county.villages["埔心村"]])
    shown = section(admin, county.villages["埔心村"])
    assert "未登记的村民" in shown and "o-stranger" not in shown, shown


def test_an_accident_weeks_old_is_listed_without_alarm(admin, county, villager_factory, bot):
    from bot.db import transaction

    villager_factory("o-陈大伯").says(STING)
    with transaction(bot.db):  # told three weeks before the dashboard's now
        bot.db.execute(
            "UPDATE accidents SET day = date(day, '-21 days'), created_at = strftime('%Y-%m-%dT%H:%M:%S', created_at, '-21 days')"
        )
    html = section_html(admin, county.villages["埔心村"])
    assert "陈大伯" in html and 'class="key warn"' not in html and 'class="key"' in html, html
