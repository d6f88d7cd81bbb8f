"""The lead, fifty-sixth session (issue 17 §5), in the simulator and then through signed pushes:

- the stopping of the reminders refused with 停 ('提醒唔好停咗佢', '提醒别停'): don't stop them) had switched them OFF
  (conv103's leftover: `nlu._STOPPING_REFUSED_RE` knew 退订, 取消, 关 refused, not 停): they stay on; a stop said with
  停 (唔该停咗佢啦) still stops them."""

from __future__ import annotations

import pytest


@pytest.fixture
def chen(person):
    return person("o-chen", "陈大伯", "群众", household="1组2号")


def _off(bot, openid: str) -> bool:
    return bool(next(bot.db.query("SELECT reminders_off FROM users WHERE openid = ?", [openid]))["reminders_off"])


@pytest.mark.parametrize("text", ["提醒唔好停咗佢", "提醒别停 我要收", "通知不要停止啊"])
def test_the_stopping_refused_with_ting_keeps_the_reminders_on(bot, chen, text):
    reply = chen.says(text)
    assert not _off(bot, "o-chen"), reply
    assert "已关闭" not in reply, reply


@pytest.mark.parametrize("text", ["日日都发嘢嚟 唔该停咗佢啦", "提醒停了吧 太多了"])
def test_control_a_stop_said_with_ting_still_stops_them(bot, chen, text):
    reply = chen.says(text)
    assert _off(bot, "o-chen") and "已关闭提醒" in reply, reply
