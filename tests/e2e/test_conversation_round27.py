"""Round 27 of issue 17 §5, through signed pushes: the classes of set 19g's misses (the development set), each with
examples of its own (not 19g's sentences), written before the readers changed and run once on them, and controls: texts
that look like the request and are not one (they must keep out of the handlers named)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # 潮汕: 爱 (要) before a command word, 按怎 (怎么), 厝 (house), 无爱 (不要)
    ("new", "我爱登记 郑雪娥 埔心村", "register"),
    ("member", "阮厝门口种的树爱按怎记录", "log"),
    ("member", "阿公爱认领两棵龙眼 清明后种", "pledge"),
    ("member", "阿嬷爱认养一棵 有什么树好认", "adopt"),
    ("member", "以后无爱再发提醒 看无懂", "unsubscribe"),
    ("member", "我爱认养树", "adopt"),
    # stopping the pushes in abbreviations or a worker's words
    ("member", "TD", "unsubscribe"),
    ("member", "td 谢谢", "unsubscribe"),
    ("member", "开会时候手机一直响 先别推送了", "unsubscribe"),
    ("member", "上班一直叮叮响 别推了", "unsubscribe"),
    # the reminders wanted back, stuttered
    ("member", "订 订阅", "resubscribe"),
    ("member", "要 要 提醒 重新 订阅", "resubscribe"),
    # what next after a photo, where the location goes, in Cantonese or with a question
    ("member", "影完相之后仲要做咩", "how"),
    ("member", "定位点样发俾你 唔识搵", "how"),
    ("member", "位置怎么发给你 找不到按钮", "how"),
    ("after_photo", "跟住呢 要唔要打字", "how"),
    ("after_photo", "接下来呢 定位要发吗", "how"),
    ("after_photo", "发了相 下一步写什么", "how"),
    ("pending", "使唔使影相 影边度", "how"),
    # trees logged for relatives without a phone, asked how
    ("member", "阿爸阿妈冇手机 佢哋种嘅树点样记录", "log"),
    ("member", "爷爷奶奶不会用手机 种的树怎么登记", "log"),
    ("member", "我家种好的树怎么记录 老人家不会用微信", "log"),
    # a relative's household progress asked for them
    ("member", "帮阿爸阿妈睇下 佢哋种树任务完成咗未", "progress"),
    ("member", "帮我爸妈查查 他们的种树任务完成没有", "progress"),
    # 认养 typed by a sound-alike, a clump counted
    ("member", "我想人养一棵树", "adopt"),
    ("member", "人养两棵", "adopt"),
    # 认领 with when it will be planted, and a question after
    ("member", "认领两棵桃 暑假返嚟种 得唔得", "pledge"),
    ("member", "认领一棵荔枝 国庆回来种 可以吗", "pledge"),
    # a zone asked for in a story
    ("party", "书记讲每个党员都要负责一块责任区 我领哪块好", "zone"),
    ("party", "村里要求党员管护区 我要领边个", "zone"),
    # 改名 typed by a sound-alike
    ("member", "该名 李志强", "rename"),
    ("member", "我要该名 黄小梅", "rename"),
    # 取消 in Cantonese, then a put-off
    ("pending", "唔啱 取消 第日再报", "cancel"),
    ("after_photo", "错咗 取消先 听日再发", "cancel"),
    # an adviser's sign-in said formally or with a plan
    ("adviser", "到咗埔心村 签到 跟住去睇下示范点", "sign_in"),
    ("adviser", "本人现已到达埔心村，特此签到。", "sign_in"),
    ("adviser", "今日落村 签个到 顺便睇下苗木长势", "sign_in"),
    # an adviser's queue asked formally
    ("adviser", "请把尚未答复的村民问题列出来给我看", "queue"),
    ("adviser", "麻烦把还没回复的群众提问发给我看看", "queue"),
    # a cadre's plot asked after
    ("cadre", "我们村党建林完成了没有", "progress"),
    # in a ticket's window: the sender's own care of that tree, asked
    ("ticket", "我每日都淋两次水 系唔系淋太多", "supplement"),
    ("ticket", "我隔日施一次肥 是不是太勤了", "supplement"),
    # a symptom told again in other words: one ticket
    ("twice", "门口棵龙眼 叶全部黄晒 || 影唔清相 总之啲枝都干埋 系咪病", "one-ticket"),
    ("twice", "阿嬷厝前的桂花 叶子卷卷的 || 伊讲是缺水 爱浇多少", "one-ticket"),
    # a new follower asking how to log trees planted some days ago
    ("new", "我前几天种了几棵龙眼 想记录一下 怎么弄", "log"),
]

# (context, message, handlers it must not reach)
CONTROLS = [
    ("member", "我爱种树", {"register", "adoption_list", "pledge"}),  # 爱 as love, before nothing a command
    ("member", "阿姆爱食荔枝", {"adoption_list", "pledge", "planting_text"}),
    ("member", "TD是什么意思", {"reminders_off"}),
    ("member", "手机一直响 是不是坏了", {"reminders_off"}),
    ("member", "该名字的树是什么", {"fix_name"}),
    ("member", "位置不对 怎么办", {"planting_menu"}),
    ("member", "我爸妈的证书怎么领", {"my_progress"}),
    ("member", "阿嬷问她的树种够了没有", {"my_progress"}),
    ("member", "认领的树下个月种 要准备什么", {"pledge"}),
    ("adviser", "签到要不要带照片", {"visit_sign_in", "visit_sign_in_located"}),
    ("member", "唔啱 系三棵", {"cancel"}),
    ("member", "人养的树怎么管", {"adoption_list"}),
]


# Run once on main before the readers changed: 14/45 (controls 12/12); after round 27: 40/45 (controls 12/12). The
# examples still missed, strict, each with why (the same classes as 19g's misses left: tests/e2e/test_conversation_probes.py).
# FAQ round 43: '阿嬷厝前的桂花 叶子卷卷的 || 伊讲是缺水 爱浇多少' passes: how much water, unsure, is asked first whether it
# is the watering answer (bot/ask_back.py), no second ticket.
LEFT = {
    "阿嬷爱认养一棵 有什么树好认": "爱认养 then which trees 好认 (good to adopt): the tail reads as advice, not the list",
    "我隔日施一次肥 是不是太勤了": "in a ticket's window the sender's own care asked: the FAQ's and bot/escalation.py's reading",
    "门口棵龙眼 叶全部黄晒 || 影唔清相 总之啲枝都干埋 系咪病": "sixtieth session (review60's merge): the second message opens"
    " a ticket of its own again (two tickets); round 95 had it join the open one as its 补充; to mend",
}
# round 95 (AT-BS in the precedents): '门口棵龙眼 叶全部黄晒 || 影唔清相 总之啲枝都干埋 系咪病' joins the open ticket as its
# 补充, as wanted (it had been a new question)
# round 64: '我前几天种了几棵龙眼 想记录一下 怎么弄' (a new follower's) passes: the FAQ's steps of a record, asked by a
# follower not registered yet, are the planting help (handlers/faq.py ``_log_steps``)


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_27_a_request_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_27_a_text_that_only_looks_like_a_request_is_not_one(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
