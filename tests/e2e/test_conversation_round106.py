"""Round 106 (issue 17 §5, the conversation goes where the villager means): set 23c's misses read by class, each class's
own examples written before any change (none of them 23c's sentences) and controls that must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# a relative registered in one run of words, no pause nor punctuation (你好 first, 一下, 她叫, the village last)
KIN_REGISTER_RUN_ON = [
    ("new", "你好我帮我老爸登记一下他叫陈国强埔心村的", "register"),
    ("new", "我想帮我阿妈登记下佢叫黄秀英埔心村", "register"),
]
# one's own zone asked after what one was told (支部话每人管一片), as 我那片 / 我是哪一块
ZONE_MINE_TOLD = [
    ("party", "书记说党员每人要管一块地 我那块在哪里", "zone"),
    ("party", "支部讲每个党员分一片 我嗰块喺边", "zone"),
    ("pending", "党员责任区我是哪一片", "zone"),
    ("party", "责任区我是哪块", "zone"),
]
# a zone claimed by its number, where it lies and that one will tend it said after
ZONE_CLAIM_NUMBER_SAID_MORE = [
    ("party", "认领责任区1号 祠堂边那片我来管", "zone"),
    ("cadre", "认领责任区2号 学校后面那块归我管", "zone"),
]
# one's attendance: the day gone said, then whether it counts (算不算参加过) or the system recorded it (记低我出席)
ATTENDED_TOLD_THEN_ASKED = [
    ("party", "植树节那天我去帮手了 算唔算参加过", "attended"),
    ("member", "我上个礼拜去种树了算不算参加过", "attended"),
    ("twice", "植树日我去咗 || 系统有没有记录我出席", "attended"),
    ("twice", "上次活动我有去 || 系统记低我到场未", "attended"),
]
# an award asked as evaluated (评上): one's own or one's group's (我们党员)
AWARDS_EVALUATED = [
    ("party", "我们党员评上最美植绿人没有", "awards"),
    ("member", "我们家有没有评上最美植绿人", "awards"),
]
# the adviser's queue named as 待回复 / 待回答 (the 待办's other words), or asked after a pause (今天有空)
QUEUE_OTHER_WORDS = [
    ("adviser", "待回复的问题给我看看", "queue"),
    ("adviser", "我的待回答列表", "queue"),
    ("adviser", "今天有空 看看有谁问了问题要我回", "queue"),
    ("adviser", "我而家得闲 睇下有冇人问嘢要我答", "queue"),
]
# a pledge changed to another (改为认领, 改成认领), the month after it
PLEDGE_CHANGED_TO = [
    ("twice", "认领 3棵荔枝 || 改成认领2棵龙眼 4月", "pledge"),
    ("twice", "认领 1棵桃树 || 改为认领3棵杨梅 6月前", "pledge"),
    ("twice", "认领 2棵龙眼 || 改成认领3棵龙眼", "pledge"),  # after the first mend: the same tree, its count said right
]
# after the adoption list, a tree picked by its place in it (第二棵), its species named after
ADOPT_PICK_ORDINAL = [
    ("twice", "认养 || 就要第一棵嗰棵樟树", "adopt"),
    ("twice", "认养 || 我要第三棵那棵荔枝", "adopt"),
]
# a relative's sign-up asked with 报埋 (sign them up too), their going said first
KIN_SIGN_UP_TOO = [
    ("twice", "参加 || 我老公都想去 帮佢报埋名", "join"),
    ("member", "我阿妈都想去植树 帮佢报埋", "join"),
]
# a cadre's planting for one without a phone (五保户, 孤寡老人), how to record it for them: the 代种 steps
PROXY_HOW = [
    ("cadre", "帮孤寡老人李婆种了两棵树 怎么帮她登记", "log"),
    ("cadre", "替五保户张伯种好了树 点样帮佢录入", "log"),
]
# reporting for a relative said first (帮阿妈报), their having no phone, then how: the household's own record (written with
# the mend, after the first run: the class was read from 23c's reply only then)
KIN_LOG_NO_PHONE = [
    ("member", "我帮阿妈报 她没有手机 怎么报", "log"),
    ("finished", "以后我帮老爸报 他不会用微信 怎么报", "log"),
]
# -- set 23d's misses by class (the second part of round 106), own examples written before their mends --------------
# a day's planting told at a place (去咗后山种树), its code scanned (扫咗个码), then whether it counts asked
ATTENDED_PLACE_AND_CODE = [
    ("member", "上个礼拜去咗祠堂边种树 扫咗个码 算唔算参加咗", "attended"),
    ("party", "星期六去了学校后面种树 扫了个码 不知道算不算参加", "attended"),
]
# a pledge with its month, whether it may be asked after it (得唔得, 可不可以)
PLEDGE_MAY_I = [
    ("member", "我想认领两棵荔枝三月份种得唔得", "pledge"),
    ("member", "我想认领一棵桂花五月份种可以吗", "pledge"),
]
# a pledge named as made before (之前认领咗5棵), then the count changed (我想改做3棵)
PLEDGE_NAMED_THEN_RECOUNTED = [
    ("party", "之前认领咗4棵龙眼 我想改成2棵", "pledge"),
    ("member", "上次认领了3棵荔枝 现在想改为5棵", "pledge"),
]
# every village's plot rule asked with 种够 (enough): the FAQ's, never this village's count
EVERY_VILLAGE_ENOUGH = [
    ("cadre", "每条村党建林要种够几亩", "question"),
    ("cadre", "党建林每个村要种够多少亩", "question"),
]
# the adviser's unanswered questions asked as what the villagers asked (问了什么还没回复), or the overdue ones (超时)
QUEUE_UNANSWERED_WHAT = [
    ("adviser", "村民问了什么还没回复的 发给我看看", "queue"),
    ("adviser", "收到提醒说有提问超时了 是哪些", "queue"),
    ("adviser", "有问题逾期了 是哪几条", "queue"),
]
# never mind, this one not to be reported (这条不报了, 这个不记了) while a record waits: cancelled
RECORD_DROPPED_NEVER_MIND = [
    ("pending", "算了 这个不报了", "cancel"),
    ("after_photo", "算啦 呢条唔报啦", "cancel"),
]
# a record just made said wrong, the right tree said, then withdrawal asked (帮我撤回): its withdrawal
WITHDRAW_AFTER_WRONG_TREE = [
    ("finished", "刚才那个报错了 应该是桂花不是荔枝 帮我撤销", "cancel"),
    ("finished", "头先报错咗 其实系龙眼唔系荔枝 帮我撤回", "cancel"),
]
# a pledge just made, then a mistake said (搞错咗, 弄错了) and 取消认领: the pledge withdrawn
PLEDGE_MISTAKE_WITHDRAWN = [
    ("twice", "认领 3棵龙眼 || 弄错了 取消认领", "pledge"),
    ("twice", "认领 1棵桂花 || 搞错咗 取消认领", "pledge"),
]
CONTROLS = [
    ("member", "我老公是党员 他的责任区在哪里", "zone"),
    ("party", "认领责任区", "zone"),
    ("party", "认领责任区 1", "zone"),
    ("party", "责任区怎么管护", "question"),
    ("member", "参加", "join"),
    ("member", "我爸想去参加种树 可以帮他报名吗", "join"),
    ("party", "上次植树日我去了 算不算参加", "attended"),
    ("party", "我评上最美植绿人没有", "awards"),
    ("member", "最美植绿人怎么评", "question"),
    ("adviser", "我的待办", "queue"),
    ("adviser", "龙眼的问题怎么回答", "question"),
    ("twice", "认养 || 2", "adopt"),
    ("member", "种了两棵木棉", "planting"),
    ("member", "认领 2棵龙眼 5月", "pledge"),
    ("cadre", "代种怎么登记", "log"),
    ("new", "登记 陈大明 埔心村", "register"),
]
EXAMPLES = (
    KIN_REGISTER_RUN_ON
    + ZONE_MINE_TOLD
    + ZONE_CLAIM_NUMBER_SAID_MORE
    + ATTENDED_TOLD_THEN_ASKED
    + AWARDS_EVALUATED
    + QUEUE_OTHER_WORDS
    + PLEDGE_CHANGED_TO
    + ADOPT_PICK_ORDINAL
    + KIN_SIGN_UP_TOO
    + PROXY_HOW
    + KIN_LOG_NO_PHONE
)
EXAMPLES_23D = (
    ATTENDED_PLACE_AND_CODE
    + PLEDGE_MAY_I
    + PLEDGE_NAMED_THEN_RECOUNTED
    + EVERY_VILLAGE_ENOUGH
    + QUEUE_UNANSWERED_WHAT
    + RECORD_DROPPED_NEVER_MIND
    + WITHDRAW_AFTER_WRONG_TREE
    + PLEDGE_MISTAKE_WITHDRAWN
)
CONTROLS_23D = [
    ("cadre", "我们村党建林种了几亩", "progress"),
    ("pending", "算了", "cancel"),
    ("member", "认领 2棵荔枝 4月", "pledge"),
    ("adviser", "我的待办", "queue"),
]


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_106(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES_23D + CONTROLS_23D)
def test_round_106_23d(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
