"""The dashboard through the Flask client: login, expiry, throttling, CSRF, roles, every page, photos."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.e2e.dashboard_seed import PASSWORD, admin, county, csrf_of, login, wang  # noqa: F401 (fixtures)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def post(client, url: str, data: dict, token_from: str):
    return client.post(url, data={**data, "csrf_token": csrf_of(page(client, token_from))})


ADMIN_PAGES = ["/admin/review", "/admin/exports", "/admin/exports/plantings.xlsx"]
EVERY_PAGE = ["/admin/", "/admin/villages", "/admin/villages/1", *ADMIN_PAGES]


# -- login -----------------------------------------------------------------------------------------
def test_no_page_without_login(app, county):
    client = app.test_client()
    for url in EVERY_PAGE:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.headers["Location"].startswith("/admin/login?next="), url


def test_photo_without_login_is_401_not_a_redirect(app, county):
    response = app.test_client().get(f"/admin/photos/{county.photos['tree']}")
    assert response.status_code == 401


@pytest.mark.parametrize("kind", ["photos", "visits/photos", "zones/photos"])
def test_a_thumbnail_without_login_is_401_not_a_redirect(app, county, kind):
    response = app.test_client().get(f"/admin/{kind}/{county.photos['tree']}/thumb")
    assert response.status_code == 401


def test_login_with_the_right_password_opens_the_overview(app, county):
    client = app.test_client()
    response = login(client, "admin")
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    html = page(client, "/admin/")
    assert "概览" in html and "admin（管理员）" in html


def test_login_returns_to_the_page_asked_for_but_never_off_site(app, county):
    client = app.test_client()
    token = csrf_of(page(client, "/admin/login"))
    ok = client.post(
        "/admin/login?next=/admin/villages", data={"username": "admin", "password": PASSWORD, "csrf_token": token}
    )
    assert ok.headers["Location"] == "/admin/villages"
    other = app.test_client()
    token = csrf_of(page(other, "/admin/login"))
    evil = other.post(
        "/admin/login?next=//evil.example/admin", data={"username": "admin", "password": PASSWORD, "csrf_token": token}
    )
    assert evil.headers["Location"] == "/admin/"


def test_wrong_password_is_refused(app, county):
    client = app.test_client()
    response = login(client, "admin", "wrong-password")
    assert response.status_code == 401 and "用户名或密码不对" in response.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302


def test_login_is_throttled_after_repeated_failures(app, bot, county, clock):
    clock.set(
        clock()
    )  # stop the clock: the wait after the failures is seconds long, a slow machine must not outlast it
    client = app.test_client()
    for _ in range(5):
        assert login(client, "admin", "guess").status_code == 401
    locked = login(client, "admin")  # even the right password waits now
    assert locked.status_code == 429 and "次数过多" in locked.get_data(as_text=True)
    assert client.get("/admin/").status_code == 302
    clock.advance(minutes=16)
    assert login(client, "admin").status_code == 302


def test_session_expires_after_session_minutes_without_activity(app, bot, admin, clock):
    assert admin.get("/admin/").status_code == 200
    clock.advance(minutes=bot.config.get("dashboard.session_minutes") + 1)
    assert admin.get("/admin/").status_code == 302


def test_session_ends_when_the_password_is_reset(app, bot, admin):
    from werkzeug.security import generate_password_hash

    from bot.store import admins

    admins.upsert(bot.db, "admin", generate_password_hash("a-new-password"), "admin", "2027-01-01T00:00:00")
    bot.db.conn.commit()
    assert admin.get("/admin/").status_code == 302


def test_logout_ends_the_session(admin):
    token = csrf_of(page(admin, "/admin/"))
    assert admin.post("/admin/logout", data={"csrf_token": token}).status_code == 302
    assert admin.get("/admin/").status_code == 302


# -- CSRF ------------------------------------------------------------------------------------------
def test_a_form_without_csrf_token_is_400(app, admin, county):
    assert app.test_client().post("/admin/login", data={"username": "admin", "password": PASSWORD}).status_code == 400
    response = admin.post(f"/admin/review/{county.plantings['far']}", data={"decision": "approve"})
    assert response.status_code == 400
    wrong = admin.post(f"/admin/review/{county.plantings['far']}", data={"decision": "approve", "csrf_token": "x"})
    assert wrong.status_code == 400
    assert_review(app, county.plantings["far"], "pending")


def assert_review(app, planting_id, review):
    db = app.extensions["bot"].db
    assert next(db.query("SELECT review FROM plantings WHERE id = ?", [planting_id]))["review"] == review


# -- roles -----------------------------------------------------------------------------------------
def test_an_adviser_cannot_open_admin_pages(wang):
    for url in ADMIN_PAGES:
        assert wang.get(url).status_code == 403, url


def test_an_adviser_cannot_decide_a_review(app, wang, county):
    token = csrf_of(page(wang, "/admin/"))
    response = wang.post(f"/admin/review/{county.plantings['far']}", data={"decision": "approve", "csrf_token": token})
    assert response.status_code == 403
    assert_review(app, county.plantings["far"], "pending")


def test_an_adviser_sees_only_their_villages(wang, county):
    listing = page(wang, "/admin/villages")
    assert "埔心村" in listing and "东平社区" not in listing
    assert "埔心村" in page(wang, f"/admin/villages/{county.villages['埔心村']}")
    assert wang.get(f"/admin/villages/{county.villages['东平社区']}").status_code == 403
    overview = page(wang, "/admin/")
    assert "埔心村" in overview and "东平社区" not in overview


def test_an_adviser_sees_photos_of_their_villages_only(wang, county):
    assert wang.get(f"/admin/photos/{county.photos['tree']}").status_code == 200
    assert wang.get(f"/admin/photos/{county.photos['community']}").status_code == 403
    assert wang.get(f"/admin/photos/{county.photos['community']}/thumb").status_code == 403


def test_an_adviser_login_without_a_person_sees_no_village(app, bot, county):
    from werkzeug.security import generate_password_hash

    from bot.store import admins

    admins.upsert(bot.db, "nobody", generate_password_hash(PASSWORD), "adviser", "2027-01-01T00:00:00")
    bot.db.conn.commit()
    client = app.test_client()
    login(client, "nobody")
    assert "没有符合条件的村社区" in page(client, "/admin/villages")
    assert client.get(f"/admin/villages/{county.villages['埔心村']}").status_code == 403


# -- pages -----------------------------------------------------------------------------------------
def test_overview_shows_key_figures_and_charts(admin):
    html = page(admin, "/admin/")
    assert "核实种树" in html and "上报" in html and "待审核" in html and "成活率" in html
    assert html.count("<svg") >= 3  # daily plantings, completion by town and by village, survival
    assert "各村完成率" in html and "每日种植" in html
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_villages_table_sorts_and_filters(admin):
    html = page(admin, "/admin/villages?sort=name&dir=asc")
    assert html.index("东平社区") < html.index("埔心村")
    html = page(admin, "/admin/villages?sort=name&dir=desc")
    assert html.index("埔心村") < html.index("东平社区")
    only_communities = page(admin, "/admin/villages?kind=社区")
    assert "东平社区" in only_communities and ">埔心村<" not in only_communities
    assert "埔心村" in page(admin, "/admin/villages?q=埔心") and "东平社区" not in page(admin, "/admin/villages?q=埔心")


def test_village_page_has_progress_records_photo_wall_and_location_plot(admin, county):
    html = page(admin, f"/admin/villages/{county.villages['埔心村']}")
    assert "1.5/2亩" in html  # the 党建林 plot counts, the pending ones do not
    assert "种植位置" in html and "村范围" in html  # the SVG plot with the village circle
    assert "离村中心 5.6 公里" in html and "更远的 1 条画在边上" in html  # the far record: on the plot's edge
    assert f"/admin/photos/{county.photos['tree']}/thumb" in html
    assert f"#{county.plantings['dup']}" in html and "待审核" in html


def test_review_queue_shows_flagged_records_and_the_earlier_photo(admin, county):
    html = page(admin, "/admin/review")
    assert f"记录 #{county.plantings['far']}" in html and "离村太远" in html and "离村中心 5.2 公里" in html
    assert f"记录 #{county.plantings['dup']}" in html and "重复照片" in html
    assert f"/admin/photos/{county.photos['dup']}/thumb" in html
    assert f"/admin/photos/{county.photos['tree']}/thumb" in html  # the earlier photo side by side
    assert f"（记录 #{county.plantings['tree']}）" in html


def test_approving_and_rejecting_are_recorded_with_who_when_and_why(app, bot, admin, county):
    far, dup = county.plantings["far"], county.plantings["dup"]
    response = post(
        admin, f"/admin/review/{far}", {"decision": "approve", "reason": "村民在山上承包地种植"}, "/admin/review"
    )
    assert response.status_code == 302
    assert "已通过" in page(admin, "/admin/review")
    assert_review(app, far, "approved")
    no_reason = post(admin, f"/admin/review/{dup}", {"decision": "reject", "reason": ""}, "/admin/review")
    assert no_reason.status_code == 302 and "需要填写理由" in page(admin, "/admin/review")
    assert_review(app, dup, "pending")
    post(admin, f"/admin/review/{dup}", {"decision": "reject", "reason": "同一张照片报了两次"}, "/admin/review")
    assert_review(app, dup, "rejected")
    rows = list(
        bot.db.query("SELECT planting_id, decision, reason, decided_by, decided_at FROM review_decisions ORDER BY id")
    )
    assert [(r["planting_id"], r["decision"], r["reason"], r["decided_by"]) for r in rows] == [
        (far, "approved", "村民在山上承包地种植", "admin"),
        (dup, "rejected", "同一张照片报了两次", "admin"),
    ]
    assert all(r["decided_at"] for r in rows)
    record = next(bot.db.query("SELECT reviewed_by, review_reason FROM plantings WHERE id = ?", [dup]))
    assert record == {"reviewed_by": "admin", "review_reason": "同一张照片报了两次"}
    # a second decision on the same record changes nothing
    post(admin, f"/admin/review/{dup}", {"decision": "approve", "reason": "改主意"}, "/admin/review")
    assert_review(app, dup, "rejected")
    assert len(list(bot.db.query("SELECT id FROM review_decisions"))) == 2
    html = page(admin, "/admin/review")
    assert "没有待审核的记录" in html and "同一张照片报了两次" in html


def test_an_approved_record_counts_in_the_village_progress(admin, county):
    before = page(admin, f"/admin/villages/{county.villages['埔心村']}")
    post(admin, f"/admin/review/{county.plantings['far']}", {"decision": "approve", "reason": "核实"}, "/admin/review")
    after = page(admin, f"/admin/villages/{county.villages['埔心村']}")
    assert before != after and "待审核" in after


def test_every_table_exports_as_excel(admin):
    html = page(admin, "/admin/exports")
    for table in ("villages", "people", "plantings", "tickets", "outbox", "review_decisions"):
        assert f"/admin/exports/{table}.xlsx" in html
        response = admin.get(f"/admin/exports/{table}.xlsx")
        assert response.status_code == 200
        sheet = load_workbook(io.BytesIO(response.data)).active
        assert sheet.cell(1, 1).value == "id"
    plantings = load_workbook(io.BytesIO(admin.get("/admin/exports/plantings.xlsx").data)).active
    header = [c.value for c in plantings[1]]
    assert header[:4] == ["id", "openid", "person", "village"] and plantings.max_row == 6
    assert admin.get("/admin/exports/admins.xlsx").status_code == 404


# -- photos ----------------------------------------------------------------------------------------
def test_photos_and_thumbnails_are_served_by_sha256(admin, bot, county):
    from PIL import Image

    from bot import photos

    original = admin.get(f"/admin/photos/{county.photos['tree']}")
    assert original.status_code == 200 and original.mimetype == "image/jpeg"
    assert original.data == photos.find_photo(bot.config.photos_dir, county.photos["tree"]).read_bytes()
    thumb = admin.get(f"/admin/photos/{county.photos['tree']}/thumb")
    assert thumb.status_code == 200 and Image.open(io.BytesIO(thumb.data)).format == "JPEG"
    assert photos.thumb_path(bot.config.photos_dir, county.photos["tree"]).is_file()
    assert admin.get("/admin/photos/" + "0" * 64).status_code == 404


ESCAPES = [
    "..%2F..%2Fbot.db",
    "..",
    "%2e%2e",
    "..%5c..%5cbot.db",
    "bot.db",
    "A" * 64,
    "0" * 63 + "g",
    "0" * 64 + "%2F..%2F..%2Fbot.db",
    "%2Fetc%2Fpasswd",
    "..%2Fsecret.txt",
    "%00" + "0" * 64,
]


def test_photo_paths_cannot_escape_the_photo_folder(admin, bot):
    (bot.config.photos_dir.parent / "secret.txt").write_text("secret")
    for name in ESCAPES:
        for url in (f"/admin/photos/{name}", f"/admin/photos/{name}/thumb"):
            response = admin.get(url)
            assert response.status_code == 404, url
            assert b"secret" not in response.data and b"SQLite" not in response.data


def test_overview_figures_follow_a_review_decision(admin, county):
    html = page(admin, "/admin/")  # verified: 60 (plot) + 3 + 40; claimed: with the 2 + 3 waiting
    assert "<b>103</b><span>核实种树（棵）<br><small>上报 108</small>" in html
    post(admin, f"/admin/review/{county.plantings['far']}", {"decision": "approve", "reason": "核实"}, "/admin/review")
    assert "<b>105</b><span>核实种树（棵）<br><small>上报 108</small>" in page(admin, "/admin/")


def test_daily_chart_runs_from_the_campaigns_first_day():
    from datetime import date

    from bot.dashboard.views import filled_days

    days = filled_days({"2027-03-01": 3, "2027-03-04": 5}, date(2027, 3, 1), date(2027, 3, 4))
    assert days == [("2027-03-01", 3), ("2027-03-02", 0), ("2027-03-03", 0), ("2027-03-04", 5)]
    assert filled_days({"2026-12-30": 2, "2027-01-02": 1}, date(2027, 1, 1), date(2027, 1, 3)) == [
        ("2027-01-01", 0),
        ("2027-01-02", 1),
        ("2027-01-03", 0),
    ]  # from the campaign's first day
    assert len(filled_days({}, date(2027, 1, 1), date(2027, 12, 31))) == 365
    assert filled_days({}, date(2027, 1, 1), date(2026, 11, 30)) == [("2027-01-01", 0)]  # before the campaign


def test_the_daily_chart_says_what_period_it_covers(app, bot, clock):
    from tests.e2e.dashboard_seed import seed

    clock.set("2027-03-15T10:00")  # campaign.year 2027, from plans_due (01-31): bot.schedule.campaign_start
    county = seed(bot)
    client = app.test_client()
    login(client, "admin")
    assert "2027-01-31 至 2027-03-15" in page(client, "/admin/")
    assert "2027-01-31 至 2027-03-15" in page(client, f"/admin/villages/{county.villages['埔心村']}")
