"""tidy77 (issue 17 §5): opt-outs said loosely, through signed pushes. Cantonese 咪 (don't) before the sending
('咪再推消息俾我啦') is 退订 as '不要再给我发消息了' is (it had not been read); an adviser's answers not wanted
('我不想收到专家的消息') switch nothing off (they had switched the reminders off): an answer comes only to one's own
question, and the reply says so and how the reminders are switched off. The held-out probes and controls are
tests/data/frame_moves_tidy77.tsv (tests/unit/test_frame_moves.py); here the replies, the outbox and the user's row."""

from __future__ import annotations

import pytest

from tests.e2e.test_outbound import queue, row, send

ANSWERS_REPLY = "只在您自己提了问题后才会发给您"


def _reminders_off(bot, openid) -> int:
    return next(bot.db.query("SELECT reminders_off FROM users WHERE openid = ?", [openid]))["reminders_off"]


def _attachments(bot) -> int:
    return next(bot.db.query("SELECT COUNT(*) AS n FROM ticket_attachments"))["n"]


@pytest.mark.parametrize("text", ["咪再推消息俾我啦", "咪再发通知俾我", "以后咪再发嘢俾我"])
def test_cantonese_dont_send_unsubscribes_and_says_how_to_come_back(villager, bot, text):
    villager.says("问专家 我家龙眼树结果很少是什么原因")  # an open ticket's 补充 window does not swallow it
    reminder = queue(bot, villager.openid, "该种树了", "rem1", kind="reminder")
    reply = villager.says(text)
    assert "已关闭提醒" in reply and "订阅" in reply
    assert row(bot, reminder)["status"] == "cancelled" and _reminders_off(bot, villager.openid) == 1
    assert _attachments(bot) == 0


@pytest.mark.parametrize("text", ["我不想收到专家的消息", "专家的回复我不想收了", "技术员的回复不用发给我了"])
def test_an_advisers_answers_not_wanted_switch_nothing_off_and_the_reply_says_why(villager, bot, text):
    villager.says("问专家 我家龙眼树结果很少是什么原因")
    reminder = queue(bot, villager.openid, "该种树了", "rem1", kind="reminder")
    reply = villager.says(text)
    assert ANSWERS_REPLY in reply and "退订" in reply and "已关闭提醒" not in reply
    assert _reminders_off(bot, villager.openid) == 0 and row(bot, reminder)["status"] == "queued"
    assert _attachments(bot) == 0  # nor the open question's 补充
    answer = queue(bot, villager.openid, "专家回答", "ans1", kind="answer")
    send(bot)
    assert row(bot, answer)["status"] == "sent" and row(bot, reminder)["status"] == "sent"


@pytest.mark.parametrize("text", ["推荐几棵树俾我", "专家的消息收到未", "我想收到专家的回复"])
def test_controls_neither_unsubscribe_nor_get_the_answers_reply(villager, bot, text):
    villager.says("你好")
    reply = villager.says(text)
    assert ANSWERS_REPLY not in reply and "已关闭提醒" not in reply
    assert _reminders_off(bot, villager.openid) == 0


def test_the_issues_own_stop_still_unsubscribes(villager, bot):
    assert "已关闭提醒" in villager.says("不要再给我发消息了")
    assert _reminders_off(bot, villager.openid) == 1
