"""Round 79 of issue 17 §5, through signed pushes: duties, roles, registration and the ticket's window (the strict
misses of sets 21p, 21q, 21r and 21t read by class). Each class's held-out cases (new sentences of the class, not the
probes' words) and near-misses were written before the mends and run on the untouched branch first. The probes
themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- whether a zone is held, or which are not, asked: the list with who holds each, never a claim --------------------
EXAMPLES_ZONE_HOLDERS_ASKED = [
    ("cadre", "石岗片有冇人认领咗", "zone"),
    ("party", "长塘片那块有没有人领了", "zone"),
    ("cadre", "石岗片责任区谁认领了", "zone"),
    ("party", "责任区仲有边几片未有人认领", "zone"),
    ("cadre", "哪些责任区还没有人管", "zone"),
    ("party", "长塘片被人认领了吗", "zone"),
    ("party", "党员责任区仲有边几块冇人要", "zone"),
    ("party", "还有哪几片责任区没人领 我想领一片", "zone"),
]

# -- a zone claimed by its name: claimed (the kind zone takes zone_claim_named, checked to have claimed) ---------------
EXAMPLES_ZONE_CLAIMED_BY_NAME = [
    ("party", "我想认领石岗片", "zone"),
    ("cadre", "我认领长塘片啦", "zone"),
]

# -- one piece wished with a bare 认 ('认一片'): the care zones --------------------------------------------------------
EXAMPLES_ONE_PIECE = [
    ("party", "我想认一块", "zone"),
    ("cadre", "我都想认一片", "zone"),
]

# -- an introduction with how or whether to register asked before or after it: registered, the name bound ---------
EXAMPLES_REGISTER_ASKED = [
    ("new", "我系新搬嚟埔心村嘅 叫钟木兰 使唔使登记", "register"),
    ("new", "我是埔心村的 叫黄桂香 需不需要登记", "register"),
    ("new", "点样报名啊 我系埔心村嘅陈三妹", "register"),
    ("new", "请问怎么注册我叫李金花埔心村的", "register"),
    ("new", "如何登记 我是埔心村的何秀英", "register"),
]

# -- what one can do once registered: the help -------------------------------------------------------------------
EXAMPLES_AFTER_REGISTERING = [
    ("new", "注册好之后可以做什么", "help"),
    ("member", "绑定完能干什么", "help"),
    ("new", "登记之后可以用来做啲乜", "help"),
]

# -- the village's count asked by its name before registering: the village's progress (registration first) ---------
EXAMPLES_VILLAGE_NAMED_UNREGISTERED = [
    ("new", "埔心村种了多少棵了", "progress"),
    ("new", "埔心村而家种咗几多", "progress"),
]

# -- an adviser asked whether villagers asked them ('问我的问题'): the 待办 ---------------------------------------------
EXAMPLES_ASKED_OF_ME = [
    ("adviser", "有冇村民问我嘅问题 俾我睇下", "queue"),
    ("adviser", "有人问我的问题没有", "queue"),
]

# -- how to answer the villagers, asked by an adviser: the help with the adviser's commands ------------------------
EXAMPLES_HOW_TO_ANSWER = [
    ("adviser", "怎么回复村民的提问", "help"),
    ("adviser", "答村民问题要咩格式", "help"),
    ("adviser", "回答问题怎么操作", "help"),
]

# -- a cadre's pledge for a household named in the clause before ('五保户陈伯冇手机 帮佢认领…'): the pledge ------------
EXAMPLES_PLEDGE_FOR_NAMED_BEFORE = [
    ("cadre", "陈阿婆冇智能手机 帮佢认领两棵荔枝", "pledge"),
    ("cadre", "低保户黄伯没有手机 替他认领一棵桂花 三月种", "pledge"),
    ("cadre", "隔篱屋李婶唔识用手机 同佢认领一棵龙眼", "pledge"),
]

# -- how to record trees planted, a photo asked about after it: the steps of a record ------------------------------
EXAMPLES_HOW_TO_RECORD_PHOTO_AFTER = [
    ("party", "种好的树点样登记 使唔使影相", "log"),
    ("member", "种咗树要点报 要唔要拍照", "log"),
]

# -- in a ticket's window, a fix asked with no subject and the ticket's own trouble told again: its 补充 -----------
EXAMPLES_FIX_ASKED_SAME_TROUBLE = [
    ("ticket", "系咪要施肥 啲叶黄晒", "supplement"),
    ("ticket", "使唔使打药 叶都掉晒", "supplement"),
    ("twice", "问专家 荔枝落果好犀利 || 啲果跌晒 点算", "one-ticket"),
    ("twice", "问专家 龙眼树掉花 || 花都掉光了 怎么办", "one-ticket"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("party", "认领 2棵荔枝", "pledge"),
    ("member", "种完树怎么登记", "log"),
    ("new", "埔心村种咩树好", "question"),
    ("adviser", "待办", "queue"),
    ("ticket", "荔枝系咪要剪枝 叶子有黑斑", "new"),
    ("ticket", "龙眼几时施肥", "new"),
    ("new", "我叫罗石榴 埔心村的 要不要登记", "register"),
]

ALL = [
    *EXAMPLES_ZONE_HOLDERS_ASKED,
    *EXAMPLES_ZONE_CLAIMED_BY_NAME,
    *EXAMPLES_ONE_PIECE,
    *EXAMPLES_REGISTER_ASKED,
    *EXAMPLES_AFTER_REGISTERING,
    *EXAMPLES_VILLAGE_NAMED_UNREGISTERED,
    *EXAMPLES_ASKED_OF_ME,
    *EXAMPLES_HOW_TO_ANSWER,
    *EXAMPLES_PLEDGE_FOR_NAMED_BEFORE,
    *EXAMPLES_HOW_TO_RECORD_PHOTO_AFTER,
    *EXAMPLES_FIX_ASKED_SAME_TROUBLE,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {
    "new:注册好之后可以做什么": (
        "the FAQ answers it with the help (its intent), but a second reading (tech.after_care, by 之后…做什么) is"
        " offered beside it: asked back, the help first; which readings are offered is bot/faq.py's, not this round's"
    ),
    "member:绑定完能干什么": "round 95, AT-BS in the precedents (changed): bot.help (intent) -> bot.help, another reply (the model reads bot.register)",
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_79(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _held(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
        " JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
        [openid],
    )


# -- a question about a zone never acts ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "message", ["长塘片责任区有人认领了没有", "石岗片有冇人认领咗", "长塘片被人认领了吗", "石岗片责任区谁认领了"]
)
def test_whether_a_zone_is_held_is_answered_with_the_list_and_claims_nothing(probe, message):  # noqa: F811
    assert probe.handler_for("cadre", message) == "zone_list"
    openid = probe.openid
    assert _held(probe, openid) == []
    reply = probe.last_reply(openid)
    assert "长塘片" in reply and "石岗片" in reply  # every zone, with how many hold each


def test_a_zone_claimed_by_its_name_is_claimed(probe):  # noqa: F811
    assert probe.handler_for("party", "我要认领长塘片嗰个责任区") == "zone_claim_named"
    assert _held(probe, probe.openid) == [{"name": "长塘片"}]


def test_nobody_answered_my_question_stays_the_waiting(probe):  # noqa: F811
    assert probe.handler_for("ticket", "我问的问题还没人管") == "ticket_wait"


def test_a_villager_asking_after_an_answer_gets_no_queue(probe):  # noqa: F811
    assert probe.handler_for("member", "有人回答我的问题吗") != "ticket_queue"


def test_how_to_answer_from_a_villager_is_not_the_advisers_help(probe):  # noqa: F811
    probe.handler_for("member", "怎么回复村民的提问")
    assert probe.bot.t("core.help_adviser").strip() not in probe.last_reply(probe.openid)


def test_how_to_answer_gives_the_adviser_the_answer_command(probe):  # noqa: F811
    assert probe.handler_for("adviser", "回答村民要用什么格式") == "help"
    assert probe.bot.t("core.help_adviser").strip() in probe.last_reply(probe.openid)


def test_joining_the_planting_day_asked_is_no_registration(probe):  # noqa: F811
    assert probe.handler_for("new", "怎么报名参加植树活动") != "register"


def test_a_pledge_for_a_household_named_before_is_the_cadres_pledge_for_that_name(probe):  # noqa: F811
    assert probe.handler_for("cadre", "五保户陈伯冇手机 帮佢认领一棵龙眼 四月先种") == "pledge"
    reply = probe.last_reply(probe.openid)
    assert "陈伯" in reply and "龙眼" in reply  # not on the roster: asked whether a new household, for 陈伯
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) == []


def test_trees_planted_by_a_household_named_before_are_no_pledge(probe):  # noqa: F811
    assert probe.handler_for("cadre", "陈阿婆冇手机 佢种咗两棵荔枝点报") != "pledge"
    assert probe.rows("SELECT id FROM pledges") == [] or not probe.rows(
        "SELECT p.id FROM pledges p JOIN people pe ON pe.id = p.person_id WHERE pe.name = '陈阿婆'"
    )


def test_the_village_named_before_registering_gets_its_figures_once_registered(probe):  # noqa: F811
    assert probe.handler_for("new", "埔心村种咗几多棵树啦") == "village_progress"
    openid = probe.openid
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
    reply = probe.user(openid).says("登记 罗木荷 埔心村") or ""
    assert "罗木荷" in reply and "埔心村（村）进度" in reply, reply


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (changed): bot.photo (种完树要拍几张照片) -> another reply (the model reads bot.log_planting)",
)
def test_a_photo_asked_about_alone_stays_the_photos_answer(probe):  # noqa: F811
    for message in ("照片要怎么拍", "种完树要拍几张照片"):
        assert probe.handler_for("member", message) == "faq_answer"
        assert probe.last_reply(probe.openid).startswith("拍照要求"), message


def test_the_withdrawal_said_with_its_cause_closes_the_one_ticket(probe):  # noqa: F811
    """Set 21r's disputed label: the ticket withdrawn as asked (one ticket, closed), never a new one."""
    assert probe.run("ticket", "不用问了 是浇水太多 已经好点了", "one-ticket") == ""
    assert probe.rows("SELECT status FROM tickets WHERE openid = ?", [probe.openid]) == [{"status": "closed"}]
