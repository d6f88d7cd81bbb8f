"""Pages laid out for a phone and a desk: no figure twice, chart text readable on a phone, the daily chart's
period, the village page's collapsible sections (each folded to its key figure, opened on tap) and paged photo
wall, the location plot zoomed to the village, sorting where table headers are hidden."""

from __future__ import annotations

from playwright.sync_api import expect

from bot import clock
from bot.db import transaction
from bot.store import pledges as pledges_store
from tests.browser.helpers import fits_the_screen, log_in, smallest_chart_text, snap
from tests.e2e.dashboard_seed import add_record

READABLE_PX = 10


def _more_records(bot, county, n=30):
    """n more verified records in 埔心村, each with a photo, a few dozen metres apart inside the village."""
    sha = county.photos["tree"]
    with transaction(bot.db):
        for i in range(n):
            at = clock.to_db(bot.clock())
            pid = add_record(
                bot,
                county,
                "陈大伯",
                "埔心村",
                at,
                species="龙眼",
                lat=23.10 + 0.0004 * (i % 6),
                lng=113.30 + 0.0004 * (i // 6),
            )
            bot.db["planting_photos"].insert({"planting_id": pid, "sha256": sha, "purpose": "record", "created_at": at})


def test_the_overview_shows_each_figure_once_and_readable_charts(page, server, county):
    log_in(page, server, "admin")
    figures = [f.inner_text().split("\n")[0] for f in page.locator(".figure").all()]
    waiting = page.locator(".figure", has_text="待审核")
    expect(waiting).to_have_count(1)  # one figure for the records waiting for review
    expect(waiting).to_have_attribute("href", "/admin/review?state=pending")  # sim62: the records it counts alone
    assert len(figures) == 9
    expect(page.locator(".period").first).to_contain_text(" 至 ")
    if page.viewport_name == "phone":
        assert smallest_chart_text(page) >= READABLE_PX
    snap(page, "overview")
    assert fits_the_screen(page)
    assert page.problems == []


def test_the_village_page_folds_and_pages_and_zooms_to_the_village(page, server, bot, county):
    _more_records(bot, county)
    log_in(page, server, "admin", f"/admin/villages/{county.villages['埔心村']}")
    wall = page.locator("details#photos")
    expect(wall).not_to_have_attribute("open", "")
    expect(page.locator("details#records")).not_to_have_attribute("open", "")
    if page.viewport_name == "phone":
        assert page.evaluate("document.documentElement.scrollHeight") < 3200
        assert smallest_chart_text(page) >= READABLE_PX
    snap(page, "village")
    # the location plot: the village circle fills the plot, so dots 40 m apart inside it stand apart
    plot = page.locator("svg[aria-label='种植位置']")
    village_circle = plot.locator("circle").first.bounding_box()
    assert village_circle["width"] > 0.7 * plot.bounding_box()["width"]
    dots = [d.bounding_box() for d in plot.locator("circle[r='4']").all()]
    assert len(dots) >= 30
    first, second = sorted(dots, key=lambda b: (b["y"], b["x"]))[:2]
    assert max(abs(first["x"] - second["x"]), abs(first["y"] - second["y"])) >= 6
    expect(plot).to_contain_text("更远的 1 条画在边上")
    # the photo wall: 24 a page, the next page on demand
    wall.locator("summary").click()
    expect(wall.locator(".pager").first).to_contain_text("第 1/2 页，共 34 条")
    expect(wall.locator(".wall img")).to_have_count(24)
    wall.locator(".pager a[rel=next]").first.click()
    expect(page.locator("details#photos")).to_have_attribute("open", "")
    # expect waits for the next page: the old one's wall is open too, with 24
    expect(page.locator("details#photos .wall img")).to_have_count(10)
    assert fits_the_screen(page)
    assert page.problems == []


def test_sorting_villages_where_the_headers_are_hidden(phone, desktop, server, county):
    for tab in (phone, desktop):
        log_in(tab, server, "admin", "/admin/villages")
    hint = "点表头排序"
    expect(phone.locator("main")).not_to_contain_text(hint, use_inner_text=True)  # hidden with the headers
    expect(desktop.locator("main")).to_contain_text(hint, use_inner_text=True)
    expect(phone.locator("select[name=sort]")).to_be_visible()
    expect(desktop.locator("select[name=sort]")).to_be_hidden()
    phone.select_option("select[name=sort]", "name")
    phone.select_option("select[name=dir]", "desc")
    phone.click("button:text('筛选')")
    phone.wait_for_url("**/admin/villages?*sort=name*")  # the click navigates: read the new page, not the old one
    expect(phone.locator("td[data-label=名称] a")).to_have_text(["埔心村", "东平社区"])  # retried until loaded
    expect(phone.locator("select[name=sort]")).to_have_value("name")
    for tab in (phone, desktop):
        assert fits_the_screen(tab)
        assert tab.problems == []


SPECIES = ("荔枝", "龙眼", "桂花", "香樟", "秋枫", "木棉", "黄皮", "杨梅", "柿", "石榴", "橄榄", "桃")


def _pledges(bot, county, n=40):
    """n households of 埔心村, each with a pledge (12 species): the 认领安排 section's tables are long."""
    now = clock.to_db(bot.clock())
    village = county.villages["埔心村"]
    with transaction(bot.db):
        for i in range(n):
            person = (
                bot.db["people"]
                .insert(
                    {
                        "name": f"村民{i}",
                        "village_id": village,
                        "role": "群众",
                        "household": f"{i}号",
                        "created_at": now,
                    }
                )
                .last_pk
            )
            pledges_store.insert(
                bot.db,
                village_id=village,
                person_id=person,
                species=SPECIES[i % len(SPECIES)],
                count=1 + i % 3,
                month=3,
                entered_by_person_id=person,
                openid=f"o-村民{i}",
                inbox_id=None,
                now=now,
            )


def test_the_village_pages_sections_fold_to_their_key_figures_and_open_on_tap(
    page, server, bot, county, villager_factory
):
    _pledges(bot, county)
    secretary = villager_factory("o-林书记")
    assert "已记下" in secretary.says("计划已备案") and "已记下" in secretary.says("树穴 120个")
    village = county.villages["埔心村"]
    log_in(page, server, "admin", f"/admin/villages/{village}")
    keys = {
        "photos": "照片墙",
        "records": "种植记录",
        "milestones": "2条上报，2条待确认",
        "pledges": "40户认领79棵",
        "zones": "还没有",
        "visits": "还没有下沉",
        "events": "还没有",
    }
    for section, key in keys.items():
        fold = page.locator(f"details#{section}")
        expect(fold).not_to_have_attribute("open", "")
        expect(fold.locator("> summary")).to_contain_text(key)
    expect(page.locator("details#visits .key")).to_have_class("key warn")  # a shortfall stands out
    folded = page.evaluate("document.documentElement.scrollHeight")
    if page.viewport_name == "phone":
        assert folded < 2600, folded
    snap(page, "village_folded")
    for section in keys:  # a tap opens each
        page.locator(f"details#{section} > summary").click()
        expect(page.locator(f"details#{section}")).to_have_attribute("open", "")
    expect(page.locator("details#pledges table.data").first).to_be_visible()
    expect(page.locator("details#milestones table.data")).to_contain_text("120个")
    if page.viewport_name == "phone":
        assert page.evaluate("document.documentElement.scrollHeight") > folded + 3000  # what the folding saves
    assert fits_the_screen(page)
    # confirming a milestone from inside its section comes back with that section open
    page.goto(f"{server}/admin/villages/{village}")
    page.locator("details#milestones > summary").click()
    page.locator("details#milestones button[value=confirm]").first.click()
    expect(page.locator(".flash.ok")).to_be_visible()
    expect(page.locator("details#milestones")).to_have_attribute("open", "")
    expect(page.locator("details#milestones > summary")).to_contain_text("2条上报，1条待确认")
    expect(page.locator("details#pledges")).not_to_have_attribute("open", "")
    assert page.problems == []
