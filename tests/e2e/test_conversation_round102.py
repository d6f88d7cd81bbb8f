"""Round 102 (issue 17 §5, the conversation goes where the villager means): set 22y's blind misses read by class, each
class's own examples written before any change (none of them 22y's sentences) and controls that must keep their
route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# an adviser's sign-in said in words with the place (在某村村委 打卡签到), after a story of the visit
SIGN_IN = [
    ("adviser", "今日落村睇树 喺埔心村祠堂 打个卡签到", "sign_in"),
    ("adviser", "到埔心村了 在村委会门口 打卡签个到", "sign_in"),
]
# an adviser asking what he can use here (这里有什么功能可以用)
HELP = [
    ("adviser", "我系技术顾问 呢度有咩功能用得", "help"),
    ("adviser", "作为技术顾问 我在这里能用哪些功能", "help"),
]
# the reminders wanted back after 退订, with a reason told after the wish (唔记得种树就麻烦)
RESUBSCRIBE = [
    ("twice", "退订 || 算啦还是帮我开返通知 怕唔记得种树", "resubscribe"),
    ("twice", "退订 || 哎还是给我开回提醒吧 不然忘了种树", "resubscribe"),
]
# one's attendance asked: the check-in's success, the code scanned, the record having me, the day one led
ATTENDED = [
    ("twice", "参加 || 我啱啱签到咗成功未 算唔算参加", "attended"),
    ("member", "植树日我扫咗二维码 有冇记低我参加", "attended"),
    ("member", "今天活动我扫了码 不知道记上我参加没有", "attended"),
    ("party", "植树活动的签到记录里有没有我", "attended"),
    ("cadre", "我带队去种树那日 签到有冇记低", "attended"),
    ("cadre", "上次我带村民植树 签到记上了没有", "attended"),
]
# the adoptable trees left asked, while a record waits for its count and tree
ADOPT = [
    ("after_photo", "村里可以认养的树仲有冇", "adopt"),
    ("pending", "还有没有可以认养的树", "adopt"),
]
# one's own award asked (攞咗咩奖未)
AWARDS = [
    ("finished", "我攞咗奖未", "awards"),
    ("member", "我今年得咗咩奖未呀", "awards"),
]
# the zones' list asked (发一下责任区的清单)
ZONE = [
    ("party", "发个党员责任区名单畀我睇下", "zone"),
    ("cadre", "把本村的责任区清单发我一下", "zone"),
]
CONTROLS = [
    ("adviser", "签到要带什么", "question"),
    ("member", "怎么签到", "question"),
    ("party", "下次植树日我要签到吗", "question"),
    ("member", "订阅", "resubscribe"),
    ("member", "唔好再发畀我", "unsubscribe"),
    ("member", "认养", "adopt"),
    ("member", "种树有冇奖", "question"),
    ("cadre", "责任区有哪些", "zone"),
    ("member", "石岗片责任区喺边度", "question"),
    ("member", "帮助", "help"),
]
# written after the mends, to widen each class and hold its edges (a day ahead, a how, a question of awards' terms)
WIDER = [
    ("adviser", "今朝落村 喺埔心村党建林 签个到", "sign_in"),
    ("twice", "退订 || 唉都系帮我开返通知啦 怕唔记得淋水", "resubscribe"),
    ("member", "琴日植树活动我签咗到 唔知记咗我出席未", "attended"),
    ("cadre", "义务植树的签到表有我吗", "attended"),
    ("finished", "我领咗咩奖未呀", "awards"),
    ("after_photo", "嗰啲可以认养嘅树仲有冇", "adopt"),
    ("party", "麻烦发个本村责任区清单", "zone"),
    ("adviser", "明天下村 到时候在埔心村村委打卡签到", "question"),  # a visit ahead: no sign-in now
    ("member", "认养的树还有什么要求", "question"),
    ("member", "最美植绿人领了奖有什么用", "question"),
]
EXAMPLES = SIGN_IN + HELP + RESUBSCRIBE + ATTENDED + ADOPT + AWARDS + ZONE


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + WIDER + CONTROLS)
def test_round_102(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
