"""Roster upload on the dashboard: row-level errors, all or nothing, clean rows only, admins only."""

from __future__ import annotations

import io

import pytest

from tests.e2e.dashboard_seed import csrf_of, login, seed
from tests.e2e.test_dashboard import page

PEOPLE_CSV = (
    "姓名,村社区,角色,手机,出生年份\n张三,埔心村,党员,13800000000,1970\n李四,不存在村,群众,,\n王五,东平社区,会长,,\n"
)


@pytest.fixture
def admin(app, bot):
    seed(bot)
    client = app.test_client()
    login(client, "admin")
    return client


def upload(client, kind: str, name: str, text: str, **extra):
    token = csrf_of(page(client, "/admin/roster"))
    data = {"kind": kind, "csrf_token": token, "file": (io.BytesIO(text.encode("utf-8")), name), **extra}
    return client.post("/admin/roster", data=data, content_type="multipart/form-data")


def people_named(bot, name):
    return list(bot.db.query("SELECT name FROM people WHERE name = ?", [name]))


def test_problems_are_shown_by_row_and_nothing_is_imported(admin, bot):
    response = upload(admin, "people", "名单.csv", PEOPLE_CSV)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "未导入任何数据" in html and "第3行" in html and "第4行" in html and "第2行" not in html
    assert people_named(bot, "张三") == []


def test_clean_rows_only_imports_the_good_rows(admin, bot):
    html = upload(admin, "people", "名单.csv", PEOPLE_CSV, clean_rows_only="1").get_data(as_text=True)
    assert "已导入" in html and "新增 1" in html and "跳过有问题的 2 行" in html
    assert people_named(bot, "张三") == [{"name": "张三"}]


def test_a_clean_villages_file_imports_and_reimport_updates(admin, bot):
    text = "名称,类型,镇街,户数\n新田村,村,石角镇,120\n"
    assert "新增 1" in upload(admin, "villages", "村.csv", text).get_data(as_text=True)
    assert "未变 1" in upload(admin, "villages", "村.csv", text).get_data(as_text=True)
    assert len(list(bot.db.query("SELECT id FROM villages WHERE name = '新田村'"))) == 1


def test_roster_upload_needs_an_admin_and_a_csrf_token(app, bot, admin):
    adviser = app.test_client()
    login(adviser, "wang")
    assert adviser.get("/admin/roster").status_code == 403
    no_token = admin.post(
        "/admin/roster",
        data={"kind": "people", "file": (io.BytesIO(b"x"), "a.csv")},
        content_type="multipart/form-data",
    )
    assert no_token.status_code == 400


def test_the_form_remembers_the_file_type_chosen(admin):
    assert '<option value="villages" selected>' in page(admin, "/admin/roster")
    html = upload(admin, "people", "people.csv", PEOPLE_CSV).get_data(as_text=True)
    assert '<option value="people" selected>' in html and '<option value="villages" selected>' not in html
    assert '<option value="people" selected>' in page(admin, "/admin/roster")  # and on the next visit
