"""Round 82 of issue 17 §5, through signed pushes: the misses of sets 21x and 21y read by class. Each class's held-out
cases (new sentences of the class, not the probes' words) and near-misses were written before the mends and run on the
untouched branch first. The probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the phone's owner registered on their own phone by a relative ('用我阿妈部手机帮佢登记'): she is who registers ----
EXAMPLES_OWNERS_PHONE = [
    ("new", "我用我老豆嘅手机同佢登记 刘木生 埔心村", "register"),
    ("new", "这是我妈的手机 我帮她登记 王秀兰 埔心村", "register"),
    ("new", "我系佢个女 拎住我阿嫲部手机帮佢登记 陈金花 埔心村", "register"),
]

# -- the adoptable trees asked with 认 and 养 apart, or which are left unadopted: the list ----------------------------
EXAMPLES_ADOPTABLE = [
    ("member", "有冇树可以认嚟养啊", "adopt"),
    ("member", "村里有没有树给人认来养的", "adopt"),
    ("cadre", "认养的树还剩哪些没人认", "adopt"),
    ("party", "可以认养嘅树仲有边啲未有人认", "adopt"),
]

# -- going to the planting day said as joining in the bustle ('凑热闹'): joined --------------------------------------
EXAMPLES_JOIN_BUSTLE = [
    ("member", "听说礼拜六村里种树 我也想去凑个热闹", "join"),
    ("party", "后日种树我都想去凑下热闹", "join"),
    ("member", "村里搞植树活动 我想去凑凑热闹", "join"),
]

# -- a pledge corrected from the zones ('唔系认领责任区 系认领种树 …'), or trees to plant later with a record just
# finished ('下个月仲想种…先登记住', '我五月再认领…'): a pledge ----------------------------------------------------------
EXAMPLES_PLEDGE = [
    ("party", "认领 不是认领责任区 是认领种树 三棵龙眼", "pledge"),
    ("member", "唔系责任区啊 系认领种树 一棵荔枝", "pledge"),
    ("finished", "下个月还想种三棵桂花 先登记着", "pledge"),
    ("finished", "我六月再认领一棵荔枝来种", "pledge"),
    ("finished", "过两个月仲要种两棵黄皮 先报住个数", "pledge"),
]

# -- a zone said and corrected to another ('长塘片 啊唔系 我要石岗片'): the last one claimed ----------------------------
EXAMPLES_ZONE_CORRECTED = [
    ("party", "石岗片 唔系唔系 长塘片", "zone"),
    ("cadre", "我要长塘片 不对 是石岗片", "zone"),
]

# -- a cadre asking how to report the trees of old people with no phone: the 代种 steps -------------------------------
EXAMPLES_NO_PHONE_LOG = [
    ("cadre", "有啲阿婆唔识用微信 种咗树点帮佢登记", "log"),
    ("cadre", "老人家没有智能手机 种了树我怎么帮忙报", "log"),
    ("cadre", "村里有户人冇微信 种咗三棵树 点同佢报", "log"),
]

# -- a cadre asking which households pledged: the village's progress ------------------------------------------------
EXAMPLES_WHO_PLEDGED = [
    ("cadre", "村里哪些户认领了种树", "progress"),
    ("cadre", "全村边个认领咗树", "progress"),
]

# -- after a photo, the count with fillers and the species recalled late, or not known: the record -------------------
EXAMPLES_COUNT_WITH_FILLERS = [
    ("after_photo", "嗯 两棵 那个叫什么来着 黄皮", "planting"),
    ("after_photo", "两棵 唔知叫咩树 朋友送嘅", "planting"),
    ("after_photo", "一棵 不知道什么树 邻居给的苗", "planting"),
]

# -- whether the record just finished went in, said 录入 / 入系统: its state ------------------------------------------
EXAMPLES_RECORDED_ASKED = [
    ("finished", "刚才那两棵荔枝录入了没有", "progress"),
    ("finished", "头先报嘅荔枝入咗系统未", "progress"),
]

# -- reminders wanted back after 退订, said loosely: resubscribed ----------------------------------------------------
EXAMPLES_RESUBSCRIBE = [
    ("twice", "退订 || 还是要回提醒吧", "resubscribe"),
    ("twice", "退订 || 都系开返提醒啦", "resubscribe"),
    ("twice", "退订 || 算了还是提醒我吧", "resubscribe"),
]

# -- the name shown is not the sender's, with the right one: renamed ------------------------------------------------
EXAMPLES_RENAME = [
    ("twice", "我的进度 || 名字不对 我叫王秀英", "rename"),
    ("twice", "我的进度 || 点解个名唔啱嘅 我系李桂芳", "rename"),
]

# -- a worry about a tree planted ('会唔会大咗顶住屋') or a question before the count after a photo: answered -----------
EXAMPLES_WORRY = [
    ("new", "门口种了一棵榕树 以后会不会顶坏墙", "question"),
    ("member", "屋后种咗棵竹 会唔会啲根搞坏地基", "question"),
    ("after_photo", "等一下 种龙眼是不是要离墙远点", "question"),
    ("after_photo", "慢住 桂花要种几深先得", "question"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("member", "我屋企门口种咗棵木棉", "planting"),
    ("member", "我想认领两棵龙眼 四月份种", "pledge"),
    ("party", "我要认领长塘片", "zone"),
    ("party", "有哪些责任区可以认领", "zone"),
    ("member", "听日种树几点开始", "question"),
    ("finished", "又种咗两棵龙眼", "planting"),
    ("after_photo", "三棵石榴", "planting"),
    ("member", "认养", "adopt"),
    ("twice", "我的进度 || 我的进度", "progress"),
    ("member", "我想认养一棵树", "adopt"),
    ("cadre", "全村种了多少棵树", "progress"),
]

ALL = [
    *EXAMPLES_OWNERS_PHONE,
    *EXAMPLES_ADOPTABLE,
    *EXAMPLES_JOIN_BUSTLE,
    *EXAMPLES_PLEDGE,
    *EXAMPLES_ZONE_CORRECTED,
    *EXAMPLES_NO_PHONE_LOG,
    *EXAMPLES_WHO_PLEDGED,
    *EXAMPLES_COUNT_WITH_FILLERS,
    *EXAMPLES_RECORDED_ASKED,
    *EXAMPLES_RESUBSCRIBE,
    *EXAMPLES_RENAME,
    *EXAMPLES_WORRY,
    *CONTROLS,
]

# held-out cases still missed, each with why
_NEXT = "round 82's next step (missed on main)"
LEFT: dict[str, str] = {
    "new:我用我老豆嘅手机同佢登记 刘木生 埔心村": _NEXT,
    "finished:下个月还想种三棵桂花 先登记着": _NEXT,
    "finished:我六月再认领一棵荔枝来种": _NEXT,
    "finished:过两个月仲要种两棵黄皮 先报住个数": _NEXT,
    "cadre:有啲阿婆唔识用微信 种咗树点帮佢登记": _NEXT,
    "cadre:老人家没有智能手机 种了树我怎么帮忙报": _NEXT,
    "cadre:村里有户人冇微信 种咗三棵树 点同佢报": _NEXT,
    "after_photo:嗯 两棵 那个叫什么来着 黄皮": _NEXT,
    "after_photo:两棵 唔知叫咩树 朋友送嘅": _NEXT,
    "after_photo:一棵 不知道什么树 邻居给的苗": _NEXT,
    "new:门口种了一棵榕树 以后会不会顶坏墙": _NEXT,
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_82(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
