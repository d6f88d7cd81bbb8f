"""Round 112 (issue 17 §5, the conversation goes where the villager means): set 23h's last misses read by class, each
class's own examples written before any change (none of them the set's sentences), and controls that must keep their
route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# the planting day named with its day after it (种树那天, 植树嗰日, 种树当日), one's check-in said (扫咗码, 签到), then
# whether it counted or was recorded asked (算唔算参加, 记上了吗, 有冇记到, 登记了我参加没): one's attendance
ATTENDED_DAY_AFTER = [
    ("party", "种树那日我扫了码 算不算参加了", "attended"),
    ("member", "植树当天我扫咗二维码 算唔算我参加", "attended"),
    ("cadre", "植树嗰日我嘅签到有冇记到", "attended"),
    ("member", "种树那天我签到了 登记了我参加没", "attended"),
    ("party", "植树当日我的签到记上没有", "attended"),
    ("member", "种树嗰日扫咗码 有冇记我参加", "attended"),
]
# a pledge just made, then withdrawn by pointing at it (认领嗰两棵…, 认领的那三棵…) and not wanted (唔要喇, 不要了,
# 退咗佢), or not pledging after all said bare after a never mind (算了不认领了): the pledge withdrawn
PLEDGE_POINTED_NOT_WANTED = [
    ("twice", "认领 3棵龙眼 || 算了 认领那三棵龙眼不要了"),
    ("twice", "认领 2棵杨梅 || 认领嗰两棵杨梅唔要啦"),
    ("twice", "认领 1棵桂花 || 算了不认领了"),
    ("twice", "认领 2棵木棉 || 唉 认领嘅两棵木棉退咗佢"),
    ("twice", "认领 3棵香樟 || 算啦 认领的那三棵香樟不要了"),
    ("twice", "认领 2棵龙眼 || 对唔住 认领嗰两棵龙眼退咗佢啦"),
]
CONTROLS = [
    ("member", "扫码关注", "question"),
    ("member", "不要再发了", "unsubscribe"),
    ("pending", "这两棵荔枝不要了", "cancel"),
    ("party", "上次植树日我去了 算不算参加", "attended"),
    ("twice", "认领 2棵荔枝 || 取消认领", "pledge"),
    ("member", "下次种树那天要扫码吗", "question"),
    # the check-in itself asked needed or still possible on that day: the day's question, never one's attendance
    ("member", "种树那天到咗要扫码签到吗", "question"),
    ("party", "植树当天我迟到了还能签到吗", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), ATTENDED_DAY_AFTER + CONTROLS)
def test_round_112(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message"), PLEDGE_POINTED_NOT_WANTED)
def test_round_112_pledge_withdrawn(probe, context, message):
    assert probe.run(context, message, "pledge") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.last_handler(openid) == "pledge_cancel"
    left = probe.rows(
        "SELECT species FROM pledges WHERE cancelled_at IS NULL AND person_id IN"
        " (SELECT id FROM people WHERE openid = ?)",
        [openid],
    )
    assert left == []


# a pledge pointed at and asked about, never withdrawn ('认领嗰两棵荔枝种喺边度')
def test_round_112_pledge_asked_kept(probe):
    probe.run("twice", "认领 2棵荔枝 || 认领嗰两棵荔枝要种喺边度", "question")
    openid = f"o-probe-{probe.count}"
    assert probe.last_handler(openid) != "pledge_cancel"
    kept = probe.rows(
        "SELECT species FROM pledges WHERE cancelled_at IS NULL AND person_id IN"
        " (SELECT id FROM people WHERE openid = ?)",
        [openid],
    )
    assert kept == [{"species": "荔枝"}]
