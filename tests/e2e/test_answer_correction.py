"""An adviser corrects an answer (更正 <编号> <新的回答>, or 答 <编号> 更正：…), end to end: signed (and AES-encrypted)
WeChat XML through the real /wechat route, the outbox and the WeChat API stand-in; the earlier answer kept, the
villager told once however the push is retried, another adviser refused, the FAQ entry made of it corrected in every
process, and the dashboard's correction form."""

from __future__ import annotations

import pytest

from bot import escalation
from bot.db import transaction
from bot.simulator import Signer, WeChatUser
from tests.conftest import AES_KEY, APP_ID, answered_by_admin, make_config, rows_of, transport_for
from tests.e2e.dashboard_seed import admin, county, login, wang  # noqa: F401 (fixtures)
from tests.e2e.test_dashboard import page, post
from tests.e2e.test_escalation import ADMIN, DAYTIME, LI, WANG, add_roster, send, ticket, ticket_number

QUESTION = "我家桂花叶子黄了掉叶子"
WRONG = "多半是积水烂根，先停水一周。"
RIGHT = "是缺铁，用硫酸亚铁兑水浇根，一周一次。"
# a question the FAQ answers from an adviser entry once 收录'd, its wrong answer and the corrected one
FAQ_Q, FAQ_WRONG, FAQ_RIGHT = (
    "簕杜鹃光长叶子不开花咋办",
    "簕杜鹃要多施氮肥才开花。",
    "簕杜鹃要晒足太阳、少施氮肥才开花。",
)


def history(bot, ticket_id):
    return rows_of(
        bot, "SELECT kind, answer, answered_by FROM ticket_answers WHERE ticket_id = ? ORDER BY id", [ticket_id]
    )


def corrections_sent(standin, openid):
    return [m["text"] for m in standin.messages_to(openid) if "有更正" in (m.get("text") or "")]


@pytest.fixture
def answered(villager, villager_factory, bot):
    """A ticket of 张三's answered (wrongly) by 李顾问, in the daytime; its number."""
    add_roster(bot)
    bot.clock.set(DAYTIME)
    adviser = villager_factory(LI)
    adviser.says("待办")  # the adviser wrote lately: notices go as customer-service messages
    number = ticket_number(villager.says(QUESTION))
    assert "已回答" in adviser.says(f"答 {number} {WRONG}")
    send(bot)
    return number


def test_答_更正_corrects_the_answer_keeps_the_earlier_one_and_tells_the_villager(
    answered, villager, villager_factory, bot, sent_to
):
    adviser = villager_factory(LI)
    reply = adviser.says(f"答 {answered} 更正：{RIGHT}")
    assert f"已更正第{answered}号" in reply
    send(bot)
    last = sent_to(villager.openid)[-1]
    assert f"第{answered}号问题的回答有更正" in last and RIGHT in last and "更正：" not in last.split("更正后：")[1]
    assert "李顾问" in last and WRONG not in last
    row = ticket(bot, answered)
    assert row["answer"] == RIGHT and row["status"] == "answered" and row["corrected_at"]
    assert row["answered_by"] == "李顾问"  # who answered first stays (the response time, who may correct)
    assert history(bot, answered) == [
        {"kind": "answer", "answer": WRONG, "answered_by": "李顾问"},
        {"kind": "correction", "answer": RIGHT, "answered_by": "李顾问"},
    ]


def test_a_long_correction_goes_by_the_public_answer_page(answered, villager, villager_factory, bot, sent_to, app):
    long = "是缺铁。" + "硫酸亚铁兑水浇根，" * 80
    assert f"已更正第{answered}号" in villager_factory(LI).says(f"更正 {answered} {long}")
    send(bot)
    token = ticket(bot, answered)["public_token"]
    last = sent_to(villager.openid)[-1]
    assert "有更正" in last and f"/answer/{token}" in last and len(last) < len(long)
    body = app.test_client().get(f"/answer/{token}").get_data(as_text=True)
    assert "（已更正）" in body and long in body and WRONG not in body


def test_更正_command_and_改正_and_a_second_correction_each_reach_the_villager(
    answered, villager, villager_factory, bot, sent_to
):
    adviser = villager_factory(LI)
    assert f"已更正第{answered}号" in adviser.says(f"更正 {answered} {RIGHT}")
    send(bot)
    assert f"已更正第{answered}号" in adviser.says(f"答 {answered} 改正 硫酸亚铁每次5克兑10斤水。")
    send(bot)
    texts = sent_to(villager.openid)
    assert sum("有更正" in t for t in texts) == 2
    assert RIGHT in texts[-2] and "每次5克" in texts[-1]
    assert [r["kind"] for r in history(bot, answered)] == ["answer", "correction", "correction"]
    assert "没有更正" in adviser.says(f"更正 {answered} 硫酸亚铁每次5克兑10斤水。")  # the same again: nothing sent
    assert "格式：更正 编号 新的回答" in adviser.says("更正 是缺铁")
    assert "请写上新的回答" in adviser.says(f"更正 {answered}")
    send(bot)
    assert sum("有更正" in t for t in sent_to(villager.openid)) == 2


def test_答_on_an_answered_ticket_names_the_correction_command(answered, villager_factory, bot):
    adviser = villager_factory(LI)
    for text in (f"答 {answered} 其实是缺铁", f"回复{answered}：其实是缺铁", f"{answered}号：其实是缺铁"):
        reply = adviser.says(text)
        assert "已经回答过" in reply and f"更正 {answered}" in reply, text
        assert "没看懂" not in reply
    assert ticket(bot, answered)["answer"] == WRONG
    assert f"已更正第{answered}号" in adviser.says(f"回复{answered}：更正，{RIGHT}")
    assert ticket(bot, answered)["answer"] == RIGHT


def test_another_adviser_may_not_correct_an_admin_may(answered, villager, villager_factory, bot, sent_to):
    other = villager_factory(WANG)
    assert "不是您答的" in other.says(f"更正 {answered} 我觉得是缺水")
    assert "不是您答的" in other.says(f"答 {answered} 更正：我觉得是缺水")
    assert "技术顾问用的" in villager.says(f"更正 {answered} 我自己改")
    assert ticket(bot, answered)["answer"] == WRONG and len(history(bot, answered)) == 1
    assert f"已更正第{answered}号" in villager_factory(ADMIN).says(f"更正 {answered} {RIGHT}")
    entry = history(bot, answered)[-1]
    assert entry == {"kind": "correction", "answer": RIGHT, "answered_by": "陈管理"}
    send(bot)
    assert "陈管理" in sent_to(villager.openid)[-1]


@pytest.mark.parametrize("fault", [{"errcode": 45047}, {"status": 502}, {"status": 500}])
def test_a_correction_reaches_the_villager_once_however_the_push_is_retried(
    answered, villager, villager_factory, bot, standin, clock, fault
):
    adviser = villager_factory(LI)
    first = adviser.says(f"更正 {answered} {RIGHT}")
    assert adviser.push(adviser.last_xml) == first  # WeChat retries the push: the same reply, nothing done twice
    assert len(history(bot, answered)) == 2
    standin.fail("message/custom/send", times=1, **fault)
    send(bot)
    if fault.get("errcode") == 45047:  # the window's quota is used up, no template: held until the villager writes
        clock.advance(minutes=1)
        villager.says("好的")
    else:  # a server error: retried after the backoff
        clock.advance(minutes=1)
    send(bot)
    clock.advance(hours=1)
    send(bot)
    assert len(corrections_sent(standin, villager.openid)) == 1
    rows = rows_of(bot, "SELECT status FROM outbox WHERE dedupe_key LIKE ?", [f"correct:{answered}:%"])
    assert rows == [{"status": "sent"}]


def test_an_answer_still_held_is_withdrawn_so_the_wrong_one_never_arrives(villager, villager_factory, bot, standin):
    add_roster(bot)
    bot.clock.set(DAYTIME)
    adviser = villager_factory(LI)
    number = ticket_number(villager.says(QUESTION))
    adviser.says(f"答 {number} {WRONG}")
    bot.clock.advance(hours=50)  # the villager's 48-hour window has closed, no template: the answer is held
    send(bot)
    adviser.says(f"更正 {number} {RIGHT}")
    send(bot)
    bot.clock.advance(minutes=5)
    villager.says("你好")
    send(bot)
    texts = [m["text"] for m in standin.messages_to(villager.openid)]
    assert any(RIGHT in t for t in texts) and not any(WRONG in t for t in texts)
    # never received, the first answer is no answer to correct: the corrected one comes as the answer (the lead)
    [delivered] = [t for t in texts if RIGHT in t]
    assert delivered.startswith(f"专家回答了您的第{number}号问题") and "更正" not in delivered


def test_a_correction_through_aes_encrypted_pushes(tmp_path, standin):
    from bot.app import create_app

    app = create_app(make_config(tmp_path, standin, **{"wechat.encoding_aes_key": AES_KEY}))
    try:
        bot = app.extensions["bot"]
        add_roster(bot)
        signer = Signer(bot.config.get("wechat.token"), AES_KEY, APP_ID)
        villager = WeChatUser(transport_for(app), signer, "o-villager-1", now=lambda: bot.clock().timestamp())
        adviser = WeChatUser(transport_for(app), signer, LI, now=lambda: bot.clock().timestamp())
        number = ticket_number(villager.says(QUESTION))
        adviser.says(f"答 {number} {WRONG}")
        send(bot)  # the wrong answer reached the villager
        assert f"已更正第{number}号" in adviser.says(f"答 {number} 更正：{RIGHT}")
        assert adviser.push(adviser.last_xml) is not None
        send(bot)
        assert len(corrections_sent(standin, "o-villager-1")) == 1
        assert ticket(bot, number)["answer"] == RIGHT
    finally:
        app.extensions["bot"].databases.close_all()


def test_the_faq_answers_the_corrected_text_after_收录(villager, villager_factory, bot):
    add_roster(bot)
    adviser = villager_factory(LI)
    number = ticket_number(villager.says("问专家 " + FAQ_Q))
    adviser.says(f"答 {number} {FAQ_WRONG}")
    assert "已收录" in adviser.says(f"收录 {number}")
    assert FAQ_WRONG in villager_factory("o-before").says(FAQ_Q)
    reply = adviser.says(f"更正 {number} {FAQ_RIGHT}")
    assert f"已更正第{number}号" in reply and "问答库" in reply
    answer = villager_factory("o-after").says(FAQ_Q)
    assert FAQ_RIGHT in answer and FAQ_WRONG not in answer
    assert rows_of(bot, "SELECT answer FROM faq_entries") == [{"answer": FAQ_RIGHT}]


def test_a_correction_made_in_another_process_reaches_this_ones_faq(app_with):
    """Two processes on one database (serve --workers N): the entry corrected in one answers corrected in the other."""
    first, second = app_with(), app_with()
    one, two = first.extensions["bot"], second.extensions["bot"]
    question, WRONG, RIGHT = FAQ_Q, FAQ_WRONG, FAQ_RIGHT  # noqa: N806
    with transaction(one.db) as db:
        ticket_row = _answered_and_collected(one, db, question, WRONG, one.clock())
    with transaction(two.db) as db:
        assert WRONG in escalation.faq_match(two, db, question).answer_text
    with transaction(one.db) as db:
        result = escalation.correct_answer(one, db, ticket_row["id"], RIGHT, by_admin="admin", now=one.clock())
        assert result.ok and result.faq_updated
    with transaction(two.db) as db:
        assert RIGHT in escalation.faq_match(two, db, question).answer_text
    assert RIGHT in escalation.faq_match(two, two.db, question).answer_text  # and outside a transaction


def _answered_and_collected(app_ctx, db, question: str, answer: str, now) -> dict:
    """A ticket of ``question`` answered ``answer`` by an admin and collected into the FAQ (收录)."""
    ticket_row = answered_by_admin(app_ctx, db, question, answer, now)
    assert escalation.add_answer_to_faq(app_ctx, db, ticket_row["id"], by_admin="admin", now=now).ok
    return ticket_row


def test_a_correction_undone_with_its_savepoint_is_forgotten_by_the_faq(bot):
    """One message of the writer's group fails after its 更正: the FAQ answers as the table holds, in the same
    transaction and after it; a correction committed later counts."""
    question, now, WRONG, RIGHT = FAQ_Q, bot.clock(), FAQ_WRONG, FAQ_RIGHT  # noqa: N806
    with transaction(bot.db) as db:
        ticket_row = _answered_and_collected(bot, db, question, WRONG, now)
    with transaction(bot.db) as db:
        with pytest.raises(RuntimeError), db.atomic():
            assert escalation.correct_answer(bot, db, ticket_row["id"], RIGHT, by_admin="admin", now=now).ok
            assert RIGHT in escalation.faq_match(bot, db, question).answer_text  # at once, in its transaction
            raise RuntimeError("the message failed")
        assert WRONG in escalation.faq_match(bot, db, question).answer_text
    assert WRONG in escalation.faq_match(bot, bot.db, question).answer_text
    with transaction(bot.db) as db:
        assert escalation.correct_answer(bot, db, ticket_row["id"], RIGHT, by_admin="admin", now=now).ok
    with transaction(bot.db) as db:
        assert RIGHT in escalation.faq_match(bot, db, question).answer_text


def test_a_closed_ticket_is_corrected_within_the_reopen_window_and_quietly_after(
    answered, villager, villager_factory, bot, standin, clock
):
    adviser = villager_factory(LI)
    assert "已结束" in villager.says("解决了")
    reply = adviser.says(f"答 {answered} 其实是缺铁")
    assert "已结束" in reply and f"更正 {answered}" in reply
    assert f"已更正第{answered}号" in adviser.says(f"更正 {answered} {RIGHT}")
    send(bot)
    assert len(corrections_sent(standin, villager.openid)) == 1
    clock.advance(days=10)  # past escalation.reopen_days: the record is corrected, the villager not written to
    assert "不再打扰村民" in adviser.says(f"更正 {answered} 硫酸亚铁每次5克。")
    send(bot)
    assert len(corrections_sent(standin, villager.openid)) == 1
    assert ticket(bot, answered)["answer"] == "硫酸亚铁每次5克。"
    assert "不再打扰村民" in adviser.says(
        f"更正 {answered} 硫酸亚铁每次3克。"
    )  # a correction does not reopen the window


def test_a_reopened_or_unanswered_ticket_is_answered_not_corrected(villager, villager_factory, bot):
    add_roster(bot)
    adviser = villager_factory(LI)
    number = ticket_number(villager.says(QUESTION))
    assert "还没有回答" in adviser.says(f"更正 {number} {RIGHT}")
    assert "已回答" in adviser.says(f"答 {number} 更正：{RIGHT}")  # 答 keeps its meaning on an open ticket
    assert ticket(bot, number)["answer"] == f"更正：{RIGHT}"
    assert "收到追问" in villager.says("还是一直掉叶子")
    assert "追问" in adviser.says(f"更正 {number} 硫酸亚铁")


# -- the dashboard -------------------------------------------------------------------------------------
def _answered_on_the_dashboard(wang, county):  # noqa: F811
    ticket_id = county.tickets["wang"]
    post(wang, f"/admin/tickets/{ticket_id}/answer", {"answer": WRONG}, f"/admin/tickets/{ticket_id}")
    return ticket_id


def test_the_dashboard_corrects_an_answer_and_shows_the_earlier_one(app, bot, wang, county):  # noqa: F811
    ticket_id = _answered_on_the_dashboard(wang, county)
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "更正回答" in html and f"/admin/tickets/{ticket_id}/correct" in html
    response = post(wang, f"/admin/tickets/{ticket_id}/correct", {"answer": RIGHT}, f"/admin/tickets/{ticket_id}")
    assert response.status_code == 302
    html = page(wang, f"/admin/tickets/{ticket_id}")
    assert "已更正" in html and RIGHT in html and "之前的回答" in html and WRONG in html
    queued = rows_of(bot, "SELECT openid, kind, text FROM outbox WHERE dedupe_key LIKE ?", [f"correct:{ticket_id}:%"])
    assert len(queued) == 1 and queued[0]["kind"] == "answer" and RIGHT in queued[0]["text"]
    assert wang.post(f"/admin/tickets/{ticket_id}/correct", data={"answer": "x"}).status_code == 400  # no CSRF token
    listing = page(wang, "/admin/tickets")  # the list of answered tickets marks it (the lead)
    row = listing[listing.index(f"#{ticket_id}</a>") :].split("</tr>")[0]
    assert '<span class="tag">已更正</span>' in row


def test_the_dashboard_refuses_a_correction_of_another_advisers_answer(app, bot, admin, wang, county):  # noqa: F811
    ticket_id = county.tickets["li"]
    post(admin, f"/admin/tickets/{ticket_id}/answer", {"answer": WRONG}, f"/admin/tickets/{ticket_id}")
    response = post(wang, f"/admin/tickets/{ticket_id}/correct", {"answer": RIGHT}, "/admin/tickets")
    assert response.status_code == 403
    assert ticket(bot, ticket_id)["answer"] == WRONG
    post(admin, f"/admin/tickets/{ticket_id}/correct", {"answer": RIGHT}, f"/admin/tickets/{ticket_id}")
    assert ticket(bot, ticket_id)["answer"] == RIGHT
