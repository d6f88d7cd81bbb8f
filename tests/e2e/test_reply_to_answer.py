"""A villager's reply to the adviser's answer (found by the lead in the simulator, twenty-ninth session): within
escalation.reopen_days, a question that quotes the answer ('复合肥要用几多' after '每月施一次复合肥') or points at what
the adviser said ('专家讲嘅复合肥系边种') goes back to the adviser on that ticket; before, the FAQ answered it with the
planting hole's base fertilizer, asked back about 进度通报, or opened a new ticket without the answer it replies to.

Examples written before the reader, run on main 108cb82: see REPLIES and CONTROLS."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.e2e.test_escalation import UNANSWERABLE, add_roster, adviser, ticket, ticket_number  # noqa: F401 (fixture)

# (the adviser's answer, the villager's reply a day later): each reopens the ticket
REPLIES = [
    ("缺肥了，每月施一次复合肥。", "复合肥要用几多 一棵树放几两"),
    ("缺肥了，每月施一次复合肥。", "专家讲嘅复合肥系边种"),
    ("缺肥了，每月施一次复合肥。", "每个月施一次会不会太多"),
    ("是缺铁黄化，用硫酸亚铁兑水淋根。", "硫酸亚铁去边度买"),
    ("是缺铁黄化，用硫酸亚铁兑水淋根。", "硫酸亚铁兑几多水好"),
    ("可能是炭疽病，喷多菌灵，七天一次，连喷三次。", "多菌灵系粉定系水"),
    ("可能是炭疽病，喷多菌灵，七天一次，连喷三次。", "连喷三次之后还要不要再喷"),
    ("可能是炭疽病，喷多菌灵，七天一次，连喷三次。", "你说的药是喷叶子还是喷树干"),
    ("积水烂根了，在树旁边开一条排水沟。", "排水沟要挖几深"),
    ("积水烂根了，在树旁边开一条排水沟。", "王工讲嘅方法我唔明 可唔可以讲清楚啲"),
    ("根部有白蚁，用灭蚁灵撒在蚁路上。", "灭蚁灵对人有没有毒"),
    ("修剪过重了，先不要再剪，多浇水，一个月会发新芽。", "一个月都不发新芽怎么办"),
]

# (the adviser's answer, a villager's text a day later): each keeps its own way, the ticket stays answered
CONTROLS = [
    ("缺肥了，每月施一次复合肥。", "我种了多少棵了"),
    ("缺肥了，每月施一次复合肥。", "荔枝几时种最好"),
    ("缺肥了，每月施一次复合肥。", "谢谢王工"),
    ("缺肥了，每月施一次复合肥。", "好的，我会每月施一次复合肥"),
    ("缺肥了，每月施一次复合肥。", "龙眼要不要施复合肥"),
    ("是缺铁黄化，用硫酸亚铁兑水淋根。", "党员要种几棵树"),
    ("积水烂根了，在树旁边开一条排水沟。", "怎么登记种树"),
]


def _answered(bot, villager, adviser, clock, answer: str) -> int:
    add_roster(bot)
    number = ticket_number(villager.says(UNANSWERABLE))
    adviser.says(f"答 {number} {answer}")
    clock.set(bot.clock() + timedelta(days=1))
    return number


@pytest.mark.parametrize(("answer", "reply"), REPLIES)
def test_a_reply_to_the_answer_reopens_its_ticket(bot, villager, adviser, clock, answer, reply):
    number = _answered(bot, villager, adviser, clock, answer)
    said = villager.says(reply)
    row = ticket(bot, number)
    assert (row["status"], row["reopened_count"]) == ("open", 1), said
    assert f"第{number}号" in said
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"] == 1  # no new ticket
    assert reply in adviser.says("待办")  # the adviser sees the follow-up


@pytest.mark.parametrize(("answer", "text"), CONTROLS)
def test_another_matter_after_the_answer_keeps_its_way(bot, villager, adviser, clock, answer, text):
    number = _answered(bot, villager, adviser, clock, answer)
    villager.says(text)
    assert ticket(bot, number)["status"] == "answered"


def test_past_the_reopen_window_a_reply_is_asked_anew(bot, villager, adviser, clock):
    number = _answered(bot, villager, adviser, clock, "缺肥了，每月施一次复合肥。")
    clock.set(bot.clock() + timedelta(days=bot.config.get("escalation.reopen_days")))
    villager.says("复合肥要用几多 一棵树放几两")
    assert ticket(bot, number)["status"] == "answered"
