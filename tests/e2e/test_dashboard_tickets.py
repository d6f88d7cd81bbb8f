"""Tickets on the dashboard: queues by role, answering (delivered like 答), FAQ, other advisers' tickets."""

from __future__ import annotations

import re

from bot import voice
from bot.store import tickets
from tests.conftest import needs_ffmpeg
from tests.e2e.dashboard_seed import admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post


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
    row = next(
        app.extensions["bot"].db.query("SELECT status, answer FROM tickets WHERE id = ?", [county.tickets["li"]])
    )
    assert row == {"status": "open", "answer": None}


def test_ticket_page_shows_the_question_and_its_photo(wang, county):
    html = page(wang, f"/admin/tickets/{county.tickets['wang']}")
    assert "陈大伯问：桂花叶子发黄怎么办？" in html and "埔心村" in html
    assert f"/admin/photos/{county.photos['ticket']}/thumb" in html
    assert wang.get(f"/admin/photos/{county.photos['ticket']}").status_code == 200


def test_an_adviser_answers_and_the_villager_gets_it(app, bot, standin, wang, county):
    ticket_id = county.tickets["wang"]
    response = post(
        wang,
        f"/admin/tickets/{ticket_id}/answer",
        {"answer": "多半是缺铁，叶面喷硫酸亚铁。"},
        f"/admin/tickets/{ticket_id}",
    )
    assert response.status_code == 302
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "已回答" in html and "多半是缺铁" in html and "收录" in html
    row = next(bot.db.query("SELECT status, answered_by, answered_by_person_id FROM tickets WHERE id = ?", [ticket_id]))
    assert row == {"status": "answered", "answered_by": "王顾问", "answered_by_person_id": county.people["王顾问"]}
    queued = list(
        bot.db.query("SELECT openid, kind, text, url FROM outbox WHERE dedupe_key LIKE ?", [f"answer:{ticket_id}:%"])
    )
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
    post(
        wang,
        f"/admin/tickets/{ticket_id}/answer",
        {"answer": "多半是缺铁，叶面喷硫酸亚铁。"},
        f"/admin/tickets/{ticket_id}",
    )
    post(wang, f"/admin/tickets/{ticket_id}/faq", {"question": "桂花叶子发黄怎么办"}, f"/admin/tickets/{ticket_id}")
    assert "已收录" in page(wang, f"/admin/tickets/{ticket_id}")
    entries = list(bot.db.query("SELECT ticket_id, question, answer, created_by FROM faq_entries"))
    assert entries == [
        {
            "ticket_id": ticket_id,
            "question": "桂花叶子发黄怎么办",
            "answer": "多半是缺铁，叶面喷硫酸亚铁。",
            "created_by": "王顾问",
        }
    ]


def test_times_are_ages_with_the_sortable_time_kept(wang, county):
    html = page(wang, "/admin/tickets")
    asked = re.search(
        r'<time datetime="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z" data-sort="([^"]+)"'
        r' title="(\d{4}-\d\d-\d\d \d\d:\d\d)">([^<]+)</time>',
        html,
    )
    assert asked and asked.group(1) == asked.group(2) and asked.group(4) == "12小时前"  # asked half a day ago


def _answer(client, ticket_id, text):
    return post(client, f"/admin/tickets/{ticket_id}/answer", {"answer": text}, f"/admin/tickets/{ticket_id}")


def test_a_reopened_ticket_shows_the_follow_up_and_the_answer_box(bot, wang, county, villager_factory, clock):
    ticket_id = county.tickets["wang"]
    clock.set(bot.clock())  # time stands still: the voice below and the follow-up come in the same second
    _answer(wang, ticket_id, "多半是缺铁，叶面喷硫酸亚铁。")
    _attach(bot, ticket_id, "voice", "stored", b"#!AMR\n", "amr")  # of the question's round
    assert "收到追问" in villager_factory("o-陈大伯").says("喷了以后叶子还是一直往下掉")  # a follow-up reopens it
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "村民追问" in html and "喷了以后叶子还是一直往下掉" in html
    assert "上次回答" in html and "多半是缺铁" in html
    assert 'name="answer"' in html and "回答追问" in html
    assert "追问：喷了以后叶子还是一直往下掉" in page(wang, "/admin/tickets")
    _answer(wang, ticket_id, "再剪掉病枝，少浇水。")
    row = next(bot.db.query("SELECT status, answer, reopened_count FROM tickets WHERE id = ?", [ticket_id]))
    assert row == {"status": "answered", "answer": "再剪掉病枝，少浇水。", "reopened_count": 1}
    assert len(list(bot.db.query("SELECT id FROM outbox WHERE dedupe_key LIKE ?", [f"answer:{ticket_id}:%"]))) == 2


def _attach(bot, ticket_id, kind, status, data=None, fmt=None):
    """A photo or voice on the ticket, stored on disk (``data``) or still waiting for the download job."""
    from bot import clock, media
    from bot.db import transaction

    sha = path = None
    if data is not None:
        sha, stored = media.store_blob(data, bot.config.photos_dir, media.EXTENSIONS[kind])
        path = str(stored.relative_to(bot.config.photos_dir))
    with transaction(bot.db):
        row_id = (
            bot.db["media"]
            .insert(
                {
                    "openid": "o-陈大伯",
                    "kind": kind,
                    "media_id": f"m-{kind}-{status}-{ticket_id}",
                    "format": fmt,
                    "status": status,
                    "attempts": 0,
                    "sha256": sha,
                    "path": path,
                    "created_at": clock.to_db(bot.clock()),
                }
            )
            .last_pk
        )
        tickets.add_attachment(bot.db, ticket_id, media_row_id=row_id, text=None, now=clock.to_db(bot.clock()))
    return sha


VOICE = voice.noise_amr(2.0)


def _voice_ticket(bot, standin, villager_factory, tick, recognition="问专家 桂花叶子卷边是怎么回事"):
    """陈大伯 asks by voice (WeChat's AMR, with its recognition): the ticket and its stored voice's sha256."""
    standin.add_media("m-voice-1", VOICE, "audio/amr")
    assert "问题编号" in villager_factory("o-陈大伯").sends_voice("m-voice-1", recognition)
    tick()
    row = next(
        bot.db.query(
            "SELECT t.id, m.sha256, m.path FROM tickets t JOIN ticket_attachments a ON a.ticket_id = t.id"
            " JOIN media m ON m.id = a.media_row_id WHERE m.kind = 'voice' AND m.status = 'stored'"
        )
    )
    return row["id"], row["sha256"], bot.config.photos_dir / row["path"]


@needs_ffmpeg
def test_a_voice_question_plays_in_the_browser_with_the_photos_access_rules(
    app, bot, wang, admin, county, standin, villager_factory, tick
):
    ticket_id, sha, stored = _voice_ticket(bot, standin, villager_factory, tick)
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert f'<audio controls preload="none" src="/admin/voice/{sha}">' in html
    assert f'href="/admin/voice/{sha}?original=1" download>下载录音' in html
    assert "微信识别的文字：问专家 桂花叶子卷边是怎么回事" in html
    response = wang.get(f"/admin/voice/{sha}")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert response.data[:3] == b"ID3" or response.data[:2] in (b"\xff\xf3", b"\xff\xf2", b"\xff\xfb")
    made = stored.with_name(stored.name + ".mp3")
    assert made.is_file() and made.read_bytes() == response.data  # transcoded once, then kept
    assert wang.get(f"/admin/voice/{sha}").data == response.data
    original = wang.get(f"/admin/voice/{sha}?original=1")
    assert original.mimetype == "audio/amr" and original.data == VOICE
    li = app.test_client()
    login(li, "li")
    assert li.get(f"/admin/voice/{sha}").status_code == 403  # another adviser's ticket
    assert app.test_client().get(f"/admin/voice/{sha}").status_code == 401  # no login: not a redirect
    assert admin.get(f"/admin/voice/{sha}").status_code == 200
    assert admin.get("/admin/voice/" + "0" * 64).status_code == 404
    assert admin.get("/admin/voice/..%2f..%2fbot.db").status_code == 404


def test_without_ffmpeg_the_voice_is_offered_to_download_with_its_recognition(
    bot, wang, county, standin, villager_factory, tick, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no ffmpeg anywhere
    ticket_id, sha, stored = _voice_ticket(bot, standin, villager_factory, tick)
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "<audio" not in html and "浏览器放不了微信语音（AMR），请下载后用手机播放。" in html
    assert f'href="/admin/voice/{sha}?original=1" download>下载录音' in html
    assert "微信识别的文字：问专家 桂花叶子卷边是怎么回事" in html
    response = wang.get(f"/admin/voice/{sha}?original=1")
    assert response.mimetype == "audio/amr" and response.data == VOICE
    assert wang.get(f"/admin/voice/{sha}").mimetype == "audio/amr"  # nothing else to give
    assert not stored.with_name(stored.name + ".mp3").exists()


def test_a_voice_that_cannot_be_read_is_offered_to_download(bot, wang, county):
    unreadable = bytes(40)  # not AMR at all
    sha = _attach(bot, county.tickets["wang"], "voice", "stored", unreadable, "amr")
    html = page(wang, f"/admin/tickets/{county.tickets['wang']}")
    assert "<audio" not in html and "请下载后用手机播放" in html and "微信没有识别出文字。" in html
    assert wang.get(f"/admin/voice/{sha}?original=1").data == unreadable


def test_photos_not_yet_downloaded_are_counted(wang, bot, county):
    _attach(bot, county.tickets["wang"], "image", "pending")
    _attach(bot, county.tickets["wang"], "image", "lost")
    html = page(wang, f"/admin/tickets/{county.tickets['wang']}")
    assert "照片下载中（1张）" in html and "1张照片没能下载" in html
    assert html.count("/thumb") == 1  # the stored one


def _asked_hours_ago(bot, ticket_id, hours):
    from datetime import timedelta

    from bot import clock
    from bot.db import transaction

    with transaction(bot.db):
        bot.db.execute(
            "UPDATE tickets SET opened_at = ? WHERE id = ?",
            [clock.to_db(bot.clock() - timedelta(hours=hours)), ticket_id],
        )


def test_overdue_tickets_are_marked_and_an_adviser_is_not_shown_as_adviser(wang, admin, bot, county):
    assert "超时" not in page(wang, "/admin/tickets")  # asked 12 h ago
    _asked_hours_ago(bot, county.tickets["wang"], 25)  # past escalation.remind_after_hours (24)
    html = page(wang, "/admin/tickets")
    assert 'class="overdue"' in html and "超时" in html and "1个工单已等超过24小时" in html
    assert "超时" in page(wang, f"/admin/tickets/{county.tickets['wang']}")
    assert "<th>谁来答</th>" not in html and 'data-label="谁来答"' not in html  # round 100: the holder's column
    assert "<th>谁来答</th>" in page(admin, "/admin/tickets")


def test_closing_a_ticket_that_is_not_a_question(bot, wang, county):
    ticket_id = county.tickets["wang"]
    url = f"/admin/tickets/{ticket_id}"
    post(wang, f"{url}/close", {"reason": " "}, url)
    assert "需要填写理由" in page(wang, url)
    post(wang, f"{url}/close", {"reason": "是种树记录，不是问题"}, url)
    row = next(bot.db.query("SELECT status, closed_by, close_reason, closed_at FROM tickets WHERE id = ?", [ticket_id]))
    assert row["status"] == "closed" and row["closed_by"] == "王顾问" and row["close_reason"] == "是种树记录，不是问题"
    assert row["closed_at"]
    assert list(bot.db.query("SELECT id FROM outbox WHERE openid = 'o-陈大伯'")) == []  # nothing written: no message
    html = page(wang, url)
    assert "已关闭：是种树记录，不是问题（王顾问）" in html and 'name="answer"' not in html
    assert '<span class="tag closed">已关闭</span>' in html  # not 已解决: the villager did not say so
    post(wang, f"{url}/close", {"reason": "again"}, "/admin/tickets")
    assert "已关闭" in page(wang, url)


def test_closing_with_a_message_tells_the_villager_once(bot, admin, county):
    ticket_id = county.tickets["li"]
    url = f"/admin/tickets/{ticket_id}"
    post(admin, f"{url}/close", {"reason": "重复提问", "message": "这个问题和第1号一样，请看那边的回答。"}, url)
    sent = list(bot.db.query("SELECT openid, kind, text FROM outbox WHERE dedupe_key = ?", [f"close:{ticket_id}"]))
    assert len(sent) == 1 and sent[0]["openid"] == "o-黄阿姨" and "请看那边的回答" in sent[0]["text"]
    assert f"第{ticket_id}号" in sent[0]["text"]


def test_an_adviser_cannot_close_another_advisers_ticket(bot, wang, county):
    response = post(wang, f"/admin/tickets/{county.tickets['li']}/close", {"reason": "x"}, "/admin/tickets")
    assert response.status_code == 403
    assert next(bot.db.query("SELECT status FROM tickets WHERE id = ?", [county.tickets["li"]]))["status"] == "open"


def test_a_tickets_photo_and_voice_go_with_the_ticket_not_with_its_village(
    app, bot, county, standin, villager_factory, tick
):
    """The SLA hands 王顾问's 埔心村 tickets to 李顾问: their photo and voice go with them. 王顾问 (still 埔心村's
    adviser) and 埔心村's 村书记 get 403, 李顾问 (埔心村 is not his village) and the office open them; the village's
    planting photos stay open to its logins and closed to 李顾问."""
    from datetime import timedelta

    from tests.e2e.dashboard_seed import add_cadre_login, status_for

    _ticket, voice_sha, _path = _voice_ticket(bot, standin, villager_factory, tick)
    photo_sha, tree_sha = county.photos["ticket"], county.photos["tree"]
    assert tick(bot.clock() + timedelta(hours=73))["ticket_sla"]["reassigned"] == 3
    owners = {
        r["adviser_person_id"]
        for r in bot.db.query("SELECT adviser_person_id FROM tickets WHERE village_id = ?", [county.villages["埔心村"]])
    }
    assert owners == {county.people["李顾问"]}
    add_cadre_login(bot.db, "lin", "林书记")
    ticket_media = (
        f"/admin/photos/{photo_sha}",
        f"/admin/photos/{photo_sha}/thumb",
        f"/admin/voice/{voice_sha}?original=1",
    )
    for url in ticket_media:
        assert status_for(app, "wang", url) == 403, url
        assert status_for(app, "lin", url) == 403, url
        assert status_for(app, "li", url) == 200, url
        assert status_for(app, "admin", url) == 200, url
    for url in (f"/admin/photos/{tree_sha}", f"/admin/photos/{tree_sha}/thumb"):
        assert status_for(app, "wang", url) == 200, url
        assert status_for(app, "lin", url, on_page=f"/admin/villages/{county.villages['埔心村']}") == 200, url
        assert status_for(app, "li", url) == 403, url


def test_a_ticket_telling_of_a_danger_is_marked_and_first(app, wang, county):
    """Round 46: as in the chat's 待办, a ticket whose question tells of a danger now (pesticide splashed in the eyes)
    is marked ⚠涉及安全 and listed before older ones; the others are not marked."""
    db = app.extensions["bot"].db
    urgent = tickets.create(
        db,
        openid="o-陈大伯",
        person_id=county.people["陈大伯"],
        village_id=county.villages["埔心村"],
        adviser_person_id=county.people["王顾问"],
        question="打农药溅到眼睛 好痛",
        source="text",
        public_token="token-urgent-0123456789abcdef",
        now="2027-03-15T02:00:00",
    )
    html = page(wang, "/admin/tickets")
    queue = html.split("<h2>待回答</h2>")[1].split("</table>")[0]
    assert queue.index(f"#{urgent}") < queue.index(f"#{county.tickets['wang']}")
    assert queue.count("⚠涉及安全") == 1


def _answered_days_ago(bot, ticket_id, days):
    from datetime import timedelta

    from bot import clock
    from bot.db import transaction

    with transaction(bot.db):
        bot.db.execute(
            "UPDATE tickets SET answered_at = ? WHERE id = ?",
            [clock.to_db(bot.clock() - timedelta(days=days)), ticket_id],
        )


def test_an_answered_ticket_is_offered_closing_only_while_a_follow_up_would_reopen_it(bot, wang, county):
    """Tidy80: 关闭工单 on an answered ticket is a real action within escalation.reopen_days (3): the villager's next
    words are then no longer a follow-up of it. It is offered named for that (结束工单 …不会重开…); past the days the
    ticket has ended already and no form is offered. An open ticket keeps its 关闭工单 (not a question)."""
    ticket_id = county.tickets["wang"]
    url = f"/admin/tickets/{ticket_id}"
    html = page(wang, url)
    assert "关闭工单（不是问题" in html and "结束工单" not in html
    _answer(wang, ticket_id, "多半是缺铁，叶面喷硫酸亚铁。")
    html = page(wang, url)
    assert "结束工单（已回答；结束后村民再追问不会重开这张单" in html and "关闭工单（不是问题" not in html
    assert f'action="/admin/tickets/{ticket_id}/close"' in html
    _answered_days_ago(bot, ticket_id, 4)  # past escalation.reopen_days: a follow-up would be a new question anyway
    html = page(wang, url)
    assert f'action="/admin/tickets/{ticket_id}/close"' not in html and "结束工单" not in html
    assert "更正回答" in html  # the correction stays offered


def test_ending_an_answered_ticket_makes_the_next_words_a_new_question(bot, wang, county, villager_factory):
    """What 结束工单 does: within the days, a follow-up would reopen the answered ticket; ended, it is a new one."""
    ticket_id = county.tickets["wang"]
    url = f"/admin/tickets/{ticket_id}"
    _answer(wang, ticket_id, "多半是缺铁，叶面喷硫酸亚铁。")
    post(wang, f"{url}/close", {"reason": "村民当面说解决了"}, url)
    assert "工单已关闭" in page(wang, url)
    reply = villager_factory("o-陈大伯").says("喷了以后叶子还是一直往下掉")
    assert "收到追问" not in reply, reply
    row = next(bot.db.query("SELECT status, reopened_count FROM tickets WHERE id = ?", [ticket_id]))
    assert row == {"status": "closed", "reopened_count": 0}
