"""The review queue at the office's scale: paging, filters (state incl. 抽查, flag, village, dates), sort, and the
distance with a small map for 离村太远. The approve/reject form keeps its shape and returns to the same view."""

from __future__ import annotations

import re

import pytest

from bot import clock
from bot.db import transaction
from tests.e2e.dashboard_seed import add_record, add_waiting, admin, county  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post


def record_ids(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<article class="card review-item" id="record-(\d+)"', html)]


@pytest.fixture
def queue(bot, county):
    """30 more records waiting in 东平社区 (unknown species, one a day back from 2027-04-30), 2 drawn for a
    spot check in 埔心村, on top of the seed's far (埔心村) and dup records."""
    added = add_waiting(bot, county, range(30, 0, -1))
    with transaction(bot.db):
        spot = [
            add_record(
                bot, county, "陈大伯", "埔心村", "2027-03-02T02:00:00", species="龙眼", count=2, review="spot_check"
            )
            for _ in range(2)
        ]
    return {"added": added, "spot": spot}


def test_the_queue_is_paged_oldest_first(admin, county, queue):
    first = page(admin, "/admin/review")
    assert "待审核和抽查 34 条" in first and "第 1/2 页，共 34 条" in first
    ids = record_ids(first)
    assert len(ids) == 20 and ids == sorted(ids)
    second = record_ids(page(admin, "/admin/review?page=2"))
    assert len(second) == 14 and not set(ids) & set(second)
    assert record_ids(page(admin, "/admin/review?page=99")) == second  # past the end: the last page
    assert record_ids(page(admin, "/admin/review?page=x")) == ids  # nonsense: the first


def test_filters_by_flag_village_dates_and_state(admin, county, queue):
    far = record_ids(page(admin, "/admin/review?flag=far_from_village"))
    assert far == [county.plantings["far"]]
    village = record_ids(page(admin, f"/admin/review?village={county.villages['埔心村']}"))
    assert set(village) == {county.plantings["far"], county.plantings["dup"], *queue["spot"]}
    april = page(admin, "/admin/review?since=2027-04-21&until=2027-04-30")
    assert len(record_ids(april)) == 10 and "符合条件的 10 条" in april  # whole local days, both ends included
    spot = page(admin, "/admin/review?state=spot_check")
    assert record_ids(spot) == queue["spot"] and "抽查" in spot
    assert set(queue["spot"]).isdisjoint(record_ids(page(admin, "/admin/review?state=pending&page=2")))
    nonsense = page(admin, "/admin/review?flag=nope&village=abc&since=2027-13-01&state=x&sort=y")
    assert "第 1/2 页，共 34 条" in nonsense  # unknown values are ignored, never a 500


def test_sorting(admin, county, queue):
    newest = record_ids(page(admin, "/admin/review?sort=newest"))
    assert newest == sorted(newest, reverse=True)
    by_village = page(admin, "/admin/review?sort=village")
    assert by_village.index("东平社区") < by_village.index("埔心村")


def test_far_from_village_shows_the_distance_and_a_map(admin, county):
    html = page(admin, "/admin/review?flag=far_from_village")
    assert "离村中心 5.6 公里（村范围半径 800 米）" in html  # 23.15 vs 23.10 N
    assert '<svg class="chart"' in html and 'aria-label="位置与村范围"' in html and "5.6 公里</text>" in html


def test_a_decision_returns_to_the_same_filtered_page(admin, bot, county, queue):
    url = "/admin/review?flag=unknown_species&sort=newest&page=2"
    html = page(admin, url)
    target = record_ids(html)[0]
    action = re.search(rf'action="(/admin/review/{target}[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "flag=unknown_species" in action and "sort=newest" in action and "page=2" in action
    response = post(admin, action, {"decision": "approve", "reason": ""}, url)
    assert response.status_code == 302 and response.headers["Location"].startswith("/admin/review?")
    assert "flag=unknown_species" in response.headers["Location"] and "page=2" in response.headers["Location"]
    assert next(bot.db.query("SELECT review FROM plantings WHERE id = ?", [target]))["review"] == "approved"


def _notices(bot, openid: str) -> list[str]:
    return [r["text"] for r in bot.db.query("SELECT text FROM outbox WHERE openid = ? AND kind = 'notice'", [openid])]


def test_the_sender_is_told_the_decision(admin, bot, county, queue):
    """Round 54: a record that waited is told approved (now counted) or rejected with the reason, once each; a
    spot-checked one (counted already) only when rejected. Before, the villager never learned."""
    approved, rejected = queue["added"][:2]
    post(admin, f"/admin/review/{approved}", {"decision": "approve", "reason": ""}, "/admin/review")
    post(admin, f"/admin/review/{rejected}", {"decision": "reject", "reason": "照片不是树苗"}, "/admin/review")
    assert _notices(bot, "o-黄阿姨") == [
        f"✅ 您第{approved}号记录（1棵发财树）审核通过，已计入进度。",
        f"您第{rejected}号记录（1棵发财树）没有通过审核：照片不是树苗。有疑问请联系村干部。",
    ]
    spot_kept, spot_rejected = queue["spot"]
    post(admin, f"/admin/review/{spot_kept}", {"decision": "approve", "reason": ""}, "/admin/review")
    assert _notices(bot, "o-陈大伯") == []
    post(admin, f"/admin/review/{spot_rejected}", {"decision": "reject", "reason": "位置不在村里"}, "/admin/review")
    assert _notices(bot, "o-陈大伯") == [
        f"您第{spot_rejected}号记录（2棵龙眼）没有通过审核：位置不在村里。有疑问请联系村干部。"
    ]
