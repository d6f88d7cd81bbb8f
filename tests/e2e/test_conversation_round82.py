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

# -- a cadre asking which households pledged: round 82 gave the village's progress with its 认领安排 line; round 92 (the
# lead's label in 22i, 22l) gives the households' list first (pledge_list), that line after it -------------------------
EXAMPLES_WHO_PLEDGED = [
    ("cadre", "村里哪些户认领了种树", "pledge"),
    ("cadre", "全村边个认领咗树", "pledge"),
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
LEFT: dict[str, str] = {
    "finished:过两个月仲要种两棵黄皮 先报住个数": (
        "黄皮 is off the species list: a plan to plant reads as a pledge only with a tree the bot knows (bot/pledges.py"
        " parse, as before this round); with 龙眼 it is a pledge (pinned below)"
    ),
    "new:门口种了一棵榕树 以后会不会顶坏墙": (
        "disputed label, as 21y's '我屋企门口种咗棵木棉 会唔会大咗顶住屋' (tests/e2e/test_conversation_probes.py"
        " _DISPUTED_WORRY): a tree told planted, a worry after it, is a report then a question (rounds 68 and 80)"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_82(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _held(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
        " JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
        [openid],
    )


def _pledges(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT species, count, month FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)",
        [openid],
    )


# -- a zone said, then taken back for another: the last one claimed; asked so, none -------------------------------
@pytest.mark.parametrize(
    ("message", "zone"), [("长塘片 啊唔系 我要石岗片", "石岗片"), ("石岗片 唔系唔系 长塘片", "长塘片")]
)
def test_a_zone_taken_back_for_another_claims_the_last(probe, message, zone):  # noqa: F811
    assert probe.handler_for("party", message) == "zone_claim_named"
    assert _held(probe, probe.openid) == [{"name": zone}]


@pytest.mark.parametrize("message", ["长塘片不是石岗片吗", "长塘片唔系我管嘅"])
def test_a_zone_asked_or_denied_claims_none(probe, message):  # noqa: F811
    probe.handler_for("party", message)
    assert _held(probe, probe.openid) == []


# -- the zones said not meant, the trees' pledge meant: the pledge, no zone ----------------------------------------
def test_the_zones_said_not_meant_pledge_the_trees(probe):  # noqa: F811
    assert probe.handler_for("party", "认领 唔系认领责任区 系认领种树 两棵桂花") == "pledge"
    assert _pledges(probe, probe.openid) == [{"species": "桂花", "count": 2, "month": None}]
    assert _held(probe, probe.openid) == []


# -- trees to plant later, said just after a record: a pledge, the record as it was ---------------------------------
@pytest.mark.parametrize(
    ("message", "pledged"),
    [
        ("我五月再认领两棵龙眼种", {"species": "龙眼", "count": 2, "month": 5}),
        ("过两个月仲要种两棵龙眼 先报住个数", {"species": "龙眼", "count": 2, "month": None}),
    ],
)
def test_trees_to_plant_later_after_a_record_are_a_pledge(probe, message, pledged):  # noqa: F811
    assert probe.handler_for("finished", message) == "pledge"
    openid = probe.openid
    assert _pledges(probe, openid) == [pledged]
    assert probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [openid]) == [
        {"species": "荔枝", "count": 2, "status": "complete"}
    ]


# -- after a photo, the name searched for then said: the record of it -----------------------------------------------
def test_a_name_searched_for_then_said_is_the_records(probe):  # noqa: F811
    assert probe.handler_for("after_photo", "呃 嗰个 系 三棵 嘢 叫咩嚟 石榴") == "planting_text"
    openid = probe.openid
    assert probe.rows("SELECT species, count FROM plantings WHERE openid = ?", [openid]) == [
        {"species": "石榴", "count": 3}
    ]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_a_tree_asked_its_name_after_a_photo_stays_a_question(probe):  # noqa: F811
    assert probe.handler_for("after_photo", "这棵树叫什么来着") != "planting_text"


# -- reminders wanted after all: on again; a complaint of them is no request -----------------------------------------
def test_reminders_wanted_after_all_are_on_again(probe):  # noqa: F811
    assert probe.run("twice", "退订 || 都系要返提醒啦", "resubscribe") == ""
    assert probe.rows("SELECT reminders_off FROM users WHERE openid = ?", [probe.openid]) == [{"reminders_off": 0}]


# -- the phone's owner registered by a relative on it: bound to the owner's name; on the sender's: nobody -------------
def test_the_phones_owner_is_registered_on_it(probe):  # noqa: F811
    assert probe.handler_for("new", "我系佢个女 拎住我阿嫲部手机帮佢登记 陈金花 埔心村") == "register"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == [{"name": "陈金花"}]


def test_a_relative_on_the_senders_phone_is_not_bound(probe):  # noqa: F811
    assert probe.handler_for("new", "我阿妈冇手机 用我部手机帮佢登记 黄秀英 埔心村") == "for_someone"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == []
