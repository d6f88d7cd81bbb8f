"""Tickets on the dashboard: queues by role, answering (delivered like 答), FAQ, other advisers' tickets."""
from __future__ import annotations

import re

from tests.e2e.test_dashboard import page, post
from tests.e2e.dashboard_seed import admin, county, login, wang  # noqa: F401 (fixtures)


def test_tickets_need_a_login(app, county):
    client = app.test_client()
    for url in ("/admin/tickets", f"/admin/tickets/{county.tickets['wang']}"):
        assert client.get(url).status_code == 302
    assert client.post(f"/admin/tickets/{county.tickets['wang']}/answer").status_code == 400  # no CSRF token


def test_an_admin_sees_every_open_ticket(admin, county):
    html = page(admin, "/admin/tickets")
    assert f"#{county.tickets['wang']}" in html and f"#{county.tickets['li']}" in html
    assert "王顾问" in html and "李顾问" in html


def test_an_adviser_sees_only_their_tickets(wang, county):
    html = page(wang, "/admin/tickets")
    assert f"#{county.tickets['wang']}" in html and "陈大伯问" in html
    assert "黄阿姨问" not in html
    assert wang.get(f"/admin/tickets/{county.tickets['li']}").status_code == 403


def test_an_adviser_cannot_answer_another_advisers_ticket(app, wang, county):
    response = post(wang, f"/admin/tickets/{county.tickets['li']}/answer", {"answer": "乱答"}, "/admin/tickets")
    assert response.status_code == 403
    row = next(app.extensions["bot"].db.query("SELECT status, answer FROM tickets WHERE id = ?",
                                              [county.tickets["li"]]))
    assert row == {"status": "open", "answer": None}


def test_ticket_page_shows_the_question_and_its_photo(wang, county):
    html = page(wang, f"/admin/tickets/{county.tickets['wang']}")
    assert "陈大伯问：桂花叶子发黄怎么办？" in html and "埔心村" in html
    assert f"/admin/photos/{county.photos['ticket']}/thumb" in html
    assert wang.get(f"/admin/photos/{county.photos['ticket']}").status_code == 200


def test_an_adviser_answers_and_the_villager_gets_it(app, bot, standin, wang, county):
    ticket_id = county.tickets["wang"]
    response = post(wang, f"/admin/tickets/{ticket_id}/answer", {"answer": "多半是缺铁，叶面喷硫酸亚铁。"},
                    f"/admin/tickets/{ticket_id}")
    assert response.status_code == 302
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "已回答" in html and "多半是缺铁" in html and "收录" in html
    row = next(bot.db.query("SELECT status, answered_by, answered_by_person_id FROM tickets WHERE id = ?",
                            [ticket_id]))
    assert row == {"status": "answered", "answered_by": "王顾问", "answered_by_person_id": county.people["王顾问"]}
    queued = list(bot.db.query("SELECT openid, kind, text, url FROM outbox WHERE dedupe_key LIKE ?",
                               [f"answer:{ticket_id}:%"]))
    assert len(queued) == 1 and queued[0]["openid"] == "o-陈大伯" and queued[0]["kind"] == "answer"
    assert "多半是缺铁" in queued[0]["text"] and queued[0]["url"].startswith("/answer/")
    # answering twice changes nothing and sends nothing more
    post(wang, f"/admin/tickets/{ticket_id}/answer", {"answer": "第二次"}, f"/admin/tickets/{ticket_id}")
    assert "已经回答过了" in page(wang, f"/admin/tickets/{ticket_id}")
    assert len(list(bot.db.query("SELECT id FROM outbox WHERE dedupe_key LIKE ?", [f"answer:{ticket_id}:%"]))) == 1


def test_an_admin_answers_any_ticket_as_the_dashboard_admin(bot, admin, county):
    ticket_id = county.tickets["li"]
    post(admin, f"/admin/tickets/{ticket_id}/answer", {"answer": "浇透水，别施肥。"}, f"/admin/tickets/{ticket_id}")
    row = next(bot.db.query("SELECT status, answered_by FROM tickets WHERE id = ?", [ticket_id]))
    assert row == {"status": "answered", "answered_by": "admin"}


def test_an_empty_answer_is_refused(bot, wang, county):
    ticket_id = county.tickets["wang"]
    post(wang, f"/admin/tickets/{ticket_id}/answer", {"answer": "  "}, f"/admin/tickets/{ticket_id}")
    assert "回答不能为空" in page(wang, f"/admin/tickets/{ticket_id}")
    assert next(bot.db.query("SELECT status FROM tickets WHERE id = ?", [ticket_id]))["status"] == "open"


def test_a_good_answer_becomes_an_faq_entry(bot, wang, county):
    ticket_id = county.tickets["wang"]
    post(wang, f"/admin/tickets/{ticket_id}/answer", {"answer": "多半是缺铁，叶面喷硫酸亚铁。"},
         f"/admin/tickets/{ticket_id}")
    post(wang, f"/admin/tickets/{ticket_id}/faq", {"question": "桂花叶子发黄怎么办"}, f"/admin/tickets/{ticket_id}")
    assert "已收录" in page(wang, f"/admin/tickets/{ticket_id}")
    entries = list(bot.db.query("SELECT ticket_id, question, answer, created_by FROM faq_entries"))
    assert entries == [{"ticket_id": ticket_id, "question": "桂花叶子发黄怎么办",
                        "answer": "多半是缺铁，叶面喷硫酸亚铁。", "created_by": "王顾问"}]


def test_times_are_ages_with_the_sortable_time_kept(wang, county):
    html = page(wang, "/admin/tickets")
    asked = re.search(r'<time datetime="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z" data-sort="([^"]+)"'
                      r' title="(\d{4}-\d\d-\d\d \d\d:\d\d)">([^<]+)</time>', html)
    assert asked and asked.group(1) == asked.group(2) and asked.group(4) == "12小时前"  # asked half a day ago
