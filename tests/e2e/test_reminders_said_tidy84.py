"""Tidy84 (issue 17 §5, review56's leftover): the reminders stopped, kept, asked how, or wanted back, through signed
pushes and the real SQLite file, in plain Mandarin, Cantonese and voice style (no punctuation). '别再发了 停了吧' had
been the FAQ's how-to answer instead of the stop; ``nlu.reminders_said`` now leans on the request frame's act and
negation (``request_frames.stops_the_reminders``, ``request_frames.stopping_refused``)."""

from __future__ import annotations

import pytest

STOPS = [
    "别再发了 停了吧",
    "唔好再send嘢俾我",
    "不用再提醒我了谢谢",
    "以后不要再提醒我种树了",
    "唔该停咗啲提醒啦",
    "我唔想再收你哋啲通知",
    "不要给我推送了 太多了",
    "好啦好啦不要再发了我知道了",
    "天天发我都看不过来了帮我停掉吧",
    "提醒关了吧",
    "停了吧 别再发了",
]

KEPT = [
    "提醒还是留着吧",
    "提醒不要停 继续发",
    "唔好停啊 我要收",
    "别关我的提醒",
    "不要取消我的通知 我还要看",
    "提醒唔好停住 我仲要睇",
    "我想继续收提醒 唔好关",
]

BACK = [
    "提醒还是留着吧",
    "我又想收提醒了",
    "帮我开返提醒啦",
    "还是把提醒打开吧",
    "重新给我发提醒吧",
    "之前退订了现在想重新收",
]

HOW_TO = [
    "怎么才能不收到提醒",
    "点样先可以唔收提醒",
    "提醒要怎么关掉啊",
    "怎样取消这些通知",
    "点先可以唔再收到啲通知",
]


@pytest.fixture
def liang(person):
    return person("o-tidy84-liang", "梁伯", "群众", household="3组5号")


def _off(bot, openid: str) -> bool:
    return bool(next(bot.db.query("SELECT reminders_off FROM users WHERE openid = ?", [openid]))["reminders_off"])


@pytest.mark.parametrize("text", STOPS)
def test_a_stop_switches_the_reminders_off_and_says_how_to_come_back(bot, liang, text):
    reply = liang.says(text)
    assert _off(bot, liang.openid), reply
    assert "已关闭提醒" in reply and "订阅" in reply, reply
    assert list(bot.db.query("SELECT id FROM tickets")) == [], reply


@pytest.mark.parametrize("text", KEPT)
def test_the_stop_refused_keeps_them_on(bot, liang, text):
    reply = liang.says(text)
    assert not _off(bot, liang.openid), reply
    assert "已关闭" not in reply and "发“退订”就不再收提醒" not in reply, reply


@pytest.mark.parametrize("text", BACK)
def test_wanted_back_after_the_stop_switches_them_on(bot, liang, text):
    liang.says("退订")
    assert _off(bot, liang.openid)
    reply = liang.says(text)
    assert not _off(bot, liang.openid), reply
    assert "已开启提醒" in reply, reply


@pytest.mark.parametrize("text", HOW_TO)
def test_how_to_stop_asked_is_the_faqs_answer(bot, liang, text):
    reply = liang.says(text)
    assert not _off(bot, liang.openid), reply
    assert "发“退订”就不再收提醒" in reply, reply
