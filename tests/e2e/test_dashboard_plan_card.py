"""The village page's 村绿化计划 card (tidy76): its big figure is whether the plan is filed (已备案 / 未备案), the
filing time small beneath, as the other cards put a figure over its words; it had shown the time itself
(2027-01-20 10:00) as the figure. Not filed when it is due (the plan is among what the village is short of): the
card is red, as the overview's lagging card. The county is test_reports.py's: 石湖村's plan filed on January 20th,
东平社区's on February 5th, after the 1月31日 milestone."""

from __future__ import annotations

import re

from bot.db import transaction
from tests.e2e.dashboard_seed import office_on  # noqa: F401 (fixture)

SHIHU, DONGPING = 2, 3  # build_county's 石湖村, 东平社区


def card(client, village_id: int, label: str = "村绿化计划") -> tuple[str, str, str]:
    """(the card's class, its big figure, its words beneath) of the village page's card labelled ``label``."""
    html = client.get(f"/admin/villages/{village_id}").get_data(as_text=True)
    found = [
        (m.group(1), m.group(2), re.sub(r"<[^>]+>", " ", m.group(3)))
        for m in re.finditer(r'<div class="(figure[^"]*)"><b>(.*?)</b><span>(.*?)</span></div>', html, re.S)
        if label in m.group(3)
    ]
    assert len(found) == 1, found
    cls, figure, words = found[0]
    return cls.strip(), figure, " ".join(words.split())


def drop_plan(bot, village_id: int) -> None:
    with transaction(bot.db):
        bot.db.execute("DELETE FROM milestones WHERE village_id = ? AND milestone = 'plan'", [village_id])


def test_a_filed_plan_is_the_figure_and_its_time_small_beneath(office_on):
    admin = office_on("2027-04-20T10:00")
    cls, figure, words = card(admin, SHIHU)
    assert (cls, figure) == ("figure", "已备案")
    assert words == "村绿化计划 上报 2027-01-20 10:00"
    html = admin.get(f"/admin/villages/{SHIHU}").get_data(as_text=True)
    assert "<b>2027-01-20 10:00</b>" not in html  # the time is no longer the big figure


def test_a_plan_filed_late_is_filed_with_its_time(office_on):
    admin = office_on("2027-04-20T10:00")
    assert card(admin, DONGPING) == ("figure", "已备案", "村绿化计划 上报 2027-02-05 10:00")


def test_no_plan_before_it_is_due_is_not_filed_without_alarm(office_on, bot):
    drop_plan(bot, DONGPING)
    admin = office_on("2027-01-25T10:00")
    assert card(admin, DONGPING) == ("figure", "未备案", "村绿化计划")


def test_no_plan_once_it_is_due_is_not_filed_in_red(office_on, bot):
    drop_plan(bot, DONGPING)
    admin = office_on("2027-02-03T10:00")
    assert card(admin, DONGPING) == ("figure bad", "未备案", "村绿化计划")


def test_the_other_cards_keep_their_figures(office_on):
    # control: the card beside it still says its figure over its words
    admin = office_on("2027-04-20T10:00")
    cls, figure, words = card(admin, SHIHU, "户已种树")
    assert cls == "figure" and re.fullmatch(r"\d+/\d+", figure) and words == "户已种树（户覆盖）"
