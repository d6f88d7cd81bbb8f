"""Round 81 of issue 17 §5, through signed pushes: registration, duties and the ticket's window (the strict misses of
sets 21u, 21v and 21s read by class). Each class's held-out cases (new sentences of the class, not the probes' words)
and near-misses were written before the mends and run on the untouched branch first. The probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- the planting day joined with voice's fillers inside ('那个', '啊', '嘛') or going said before the count-me-in ----
EXAMPLES_JOIN_WITH_FILLERS = [
    ("member", "星期天嗰个种树活动我都去 算埋我", "join"),
    ("party", "下礼拜六那个义务植树我也去 加我一个", "join"),
    ("cadre", "村里那个植树日呀我都去参加啦算我一份", "join"),
    ("member", "这个礼拜天植树活动我会去 记我一个", "join"),
]

# -- a zone taken on in the first person ('我来管', '交给我管'), or which piece to tend asked: claimed, or the list ----
EXAMPLES_ZONE_TAKEN_ON = [
    ("cadre", "石岗片交给我管吧", "zone"),
    ("party", "石岗片那块我来负责", "zone"),
    ("party", "我要负责哪一块呢", "zone"),
    ("cadre", "我应该管哪一片", "zone"),
    ("party", "石岗片那块我来管可以吗", "zone"),
]

# -- an adviser's question pointed at to be listed, or the command to answer asked: the 待办, the help ---------------
EXAMPLES_ADVISER = [
    ("adviser", "将埔心村那个龙眼落果的问题调出来给我看", "queue"),
    ("adviser", "给我看看刚才那个荔枝的问题", "queue"),
    ("adviser", "回答问题要发什么指令", "help"),
    ("adviser", "专家用哪个命令回复村民", "help"),
]

# -- in a ticket's window, a cause guessed of what was given too much ('会不会是肥多了'), what was done told after it
# with no pause ('…上个月下了一次鸡粪'): the ticket's 补充, never the FAQ's card alone nor a second ticket --------------
EXAMPLES_CAUSE_GUESSED = [
    ("ticket", "前几天淋了好多水 会唔会系水多咗", "supplement"),
    ("ticket", "系咪药多咗 前日先打咗一次药", "supplement"),
    ("ticket", "会不会是尿素多了前几天撒了一把", "supplement"),
    ("ticket", "是不是水多了昨天刚淋了一桶", "supplement"),
    ("twice", "问专家 三角梅不开花 || 是不是肥多了", "supplement"),
]

# -- the question asked after as what the sender asked, its tree named ('有冇人睇到我问嘅三角梅'): its waiting ----------
EXAMPLES_MY_QUESTION_ASKED_AFTER = [
    ("twice", "问专家 龙眼叶子卷了 || 有没有人看到我问的龙眼", "one-ticket"),
    ("twice", "问专家 桂花掉叶 || 有人回我问嘅桂花问题未", "one-ticket"),
    ("ticket", "有冇人理我问嘅嗰个桂花啊", "one-ticket"),
]

# -- registration said loosely by a new follower: a particle after the request ('我要登记啊 我叫…'), the village misheard
# by one character of its sound ('铺心村'), the planting wished before 登记 ('想报名参加植树登记下'), how to 登记 asked
# alone (the name asked) ---------------------------------------------------------------------------------------------
EXAMPLES_REGISTER_LOOSELY = [
    ("new", "我要登记啊 我叫罗秋菊 埔心村的", "register"),
    ("new", "呃我想注册一下呀我系埔心村嘅叶春花", "register"),
    ("new", "登记 黄木兰 铺心村", "register"),
    ("new", "我要个等级 我叫邓金凤 埔心村嘅", "register"),
    ("new", "我系埔心村嘅刘秋香 想报名参加植树登记下", "register"),
    ("new", "我是埔心村的何木兰 要报个名参加种树活动登记一下", "register"),
    ("new", "如何注册呀", "register"),
    ("new", "登记要怎么弄", "register"),
]

# -- when one's certificate can be had, Cantonese 有得 ('几时有得攞'): the sender's certificates ------------------------
EXAMPLES_CERTIFICATE_WHEN = [
    ("member", "我的证书几时有得拎", "certificate"),
    ("finished", "证书什么时候有得拿", "certificate"),
    ("member", "我老公的证书几时有得攞", "certificate"),
]

# -- a pledge with voice's filler between 认领 and the count ('认领那个两棵…'): the sender's own pledge -----------------
EXAMPLES_PLEDGE_FILLER = [
    ("member", "我想认领那个两棵龙眼四月份再种", "pledge"),
    ("member", "我认领嗰个三棵荔枝 下个月种", "pledge"),
    ("member", "我要认领这个一棵桂花 五月再种", "pledge"),
]

# -- the name's character spelled out against the wrong one ('是木兰的兰不是蓝色的蓝'): how to correct it ----------------
EXAMPLES_NAME_CHARACTER = [
    ("member", "我个名写错咗 系树林嘅林唔系邻居嘅邻", "rename"),
    ("member", "名字登记错了 是春天的春不是纯洁的纯", "rename"),
    ("party", "我名字弄错了呀 是桂花的桂不是贵人的贵", "rename"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("member", "那个植树活动我老公也去算他一个", "question"),
    ("member", "那个植树活动要不要带锄头", "question"),
    ("cadre", "那个植树日是哪天啊", "question"),
    ("party", "长塘片那块谁来管", "zone"),
    ("party", "长塘片我管护了", "question"),
    ("member", "我要管哪一棵树", "question"),
    ("adviser", "桂花发黄的问题怎么回答", "question"),
    ("adviser", "桂花发黄是什么问题", "question"),
    ("member", "把刚才那个桂花发黄的问题列出来我看看", "question"),
    ("member", "用什么命令回答问题", "question"),
    ("party", "去年那个植树活动我也去了", "question"),
    ("ticket", "荔枝施肥多了会怎样", "new"),
    ("ticket", "龙眼几时施肥", "new"),
    ("member", "有没有人看到我问的三角梅", "question"),
    ("new", "种的树怎么登记", "log"),
    ("new", "种完树点样登记啊", "log"),
    ("member", "怎么登记啊", "log"),
    ("new", "龙眼苗有几个等级", "question"),
    ("new", "我想报名参加种树活动", "join"),
    ("new", "帮我登记 李秀英 埔心村", "register"),
    ("new", "麻烦帮我登记一下 我叫钟玉兰 埔心村的", "register"),
    ("member", "帮阿婆登记两棵荔枝", "log"),
    ("member", "证书什么时候发", "question"),
    ("cadre", "认领那个陈伯两棵龙眼", "pledge"),
    ("member", "桂花的桂不是贵人的贵 桂花怎么种", "question"),
]

ALL = [
    *EXAMPLES_JOIN_WITH_FILLERS,
    *EXAMPLES_ZONE_TAKEN_ON,
    *EXAMPLES_ADVISER,
    *EXAMPLES_CAUSE_GUESSED,
    *EXAMPLES_MY_QUESTION_ASKED_AFTER,
    *EXAMPLES_REGISTER_LOOSELY,
    *EXAMPLES_CERTIFICATE_WHEN,
    *EXAMPLES_PLEDGE_FILLER,
    *EXAMPLES_NAME_CHARACTER,
    *CONTROLS,
]

# held-out cases still missed, each with why (round 94 mended '石岗片那块我来管可以吗': leave asked to take a zone on is
# the list, zones._MAY_I_TAKE_IT_RE)
LEFT: dict[str, str] = {
    "member:我老公的证书几时有得攞": (
        "a relative's certificate asked when (not whether it is out): relative_certificate_asked reads checks only, and"
        " the FAQ's general answer comes; the household's certificates would answer it"
    ),
    "party:去年那个植树活动我也去了": (
        "a day joined last year told (去年 … 去了) reads as joining now (event_join), as it did before this round: the"
        " join's readers take 去了 as going; not this round's fillers"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_81(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _held(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT z.name FROM zone_holders h JOIN zones z ON z.id = h.zone_id"
        " JOIN people p ON p.id = h.person_id WHERE p.openid = ? AND h.ended_at IS NULL",
        [openid],
    )


# -- a zone taken on is claimed, the one named; someone else's taking asked claims nothing ---------------------------
def test_a_zone_taken_on_in_the_first_person_is_claimed(probe):  # noqa: F811
    assert probe.handler_for("party", "长塘片那块我来管护") == "zone_claim_named"
    assert _held(probe, probe.openid) == [{"name": "长塘片"}]
    assert "长塘片" in probe.last_reply(probe.openid)


@pytest.mark.parametrize("message", ["长塘片那块谁来管", "长塘片我管护了", "长塘片那块我来管可以吗"])
def test_a_zone_asked_about_or_tended_is_not_claimed(probe, message):  # noqa: F811
    probe.handler_for("party", message)
    assert _held(probe, probe.openid) == []


def test_which_piece_to_tend_is_answered_with_the_zones(probe):  # noqa: F811
    assert probe.handler_for("party", "我是党员 要管哪一片啊") == "zone_list"
    reply = probe.last_reply(probe.openid)
    assert "长塘片" in reply and "石岗片" in reply
    assert _held(probe, probe.openid) == []


# -- the adviser's command asked: the help with the answer command; the question pointed at: the 待办 ----------------
def test_the_answer_command_asked_gives_the_advisers_help(probe):  # noqa: F811
    assert probe.handler_for("adviser", "顾问用什么命令回答问题") == "help"
    assert probe.bot.t("core.help_adviser").strip() in probe.last_reply(probe.openid)


def test_a_question_pointed_at_by_its_tree_lists_the_queue_and_files_nothing(probe):  # noqa: F811
    assert probe.handler_for("adviser", "把刚才那个桂花发黄的问题列出来我看看") == "ticket_queue"
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) == []


# -- the ticket's window: the guess joins the one ticket; the question asked after is told its waiting ---------------
@pytest.mark.parametrize("message", ["上个月刚施过肥 会不会是肥多了", "是不是肥放多了上个月下了一次鸡粪"])
def test_a_cause_guessed_joins_the_open_ticket(probe, message):  # noqa: F811
    assert probe.handler_for("ticket", message) == "ticket_supplement_text"
    openid = probe.openid
    (ticket,) = probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
    assert probe.last_reply(openid).startswith(probe.bot.t("escalation.supplement_added", id=ticket["id"]).strip())


def test_the_question_asked_after_by_its_tree_is_told_it_waits_and_files_nothing(probe):  # noqa: F811
    assert probe.run("twice", "问专家 三角梅不开花 || 喂有冇人睇到我问嘅三角梅", "one-ticket") == ""
    openid = probe.openid
    assert probe.last_handler(openid) == "ticket_wait"
    (ticket,) = probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
    assert f"第{ticket['id']}号" in probe.last_reply(openid)


# -- registration said loosely: bound to the name said, or the name asked --------------------------------------------
@pytest.mark.parametrize(
    ("message", "name"),
    [("嗯那个我要登记一下啊我叫陈木棉埔心村的", "陈木棉"), ("喂 我要那个等级 我叫张龙眼 铺心村", "张龙眼")],
)
def test_registration_said_loosely_binds_the_name_said_and_files_nothing(probe, message, name):  # noqa: F811
    assert probe.handler_for("new", message) == "register"
    openid = probe.openid
    assert probe.rows(
        "SELECT p.name, v.name AS village FROM people p JOIN villages v ON v.id = p.village_id WHERE p.openid = ?",
        [openid],
    ) == [{"name": name, "village": "埔心村"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


@pytest.mark.parametrize("message", ["怎么登记啊", "点样登记啊"])
def test_how_to_register_asked_by_a_new_follower_asks_the_name(probe, message):  # noqa: F811
    assert probe.handler_for("new", message) == "register"
    openid = probe.openid
    assert probe.last_reply(openid) == probe.bot.t("registration.ask_name").strip()
    assert probe.user(openid).says("罗木荷") == probe.bot.t("registration.ask_village", name="罗木荷").strip()


# -- another person named to be registered: nobody bound to that name (one WeChat is one person) ----------------------
@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("member", "帮我老公也登记一下 刘松林 埔心村"),
        ("cadre", "帮我们村的陈伯登记 陈大榕 埔心村"),
        ("party", "替我老婆注册一下 她叫何丽梅 埔心村的"),
        ("cadre", "帮五保户黄伯登记 黄大有 埔心村"),
    ],
)
def test_a_registered_sender_registering_another_is_told_how_each_registers(probe, context, message):  # noqa: F811
    assert probe.handler_for(context, message) == "for_someone"
    openid = probe.openid
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": f"村民{probe.count}"}]
    assert probe.rows("SELECT id FROM binding_conflicts WHERE openid = ?", [openid]) == []
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
    assert probe.last_reply(openid) == probe.bot.t("registration.for_another").strip()


@pytest.mark.parametrize(
    "message",
    ["我老豆冇智能手机 用我个号同佢登记得唔得 佢叫刘松林埔心村", "帮我阿妈登记 她叫黄荔香 埔心村的 她没手机用我的"],
)
def test_a_relative_without_a_phone_is_not_bound_to_the_senders_wechat(probe, message):  # noqa: F811
    assert probe.handler_for("new", message) == "for_someone"
    openid = probe.openid
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == []
    assert probe.last_reply(openid) == probe.bot.t("registration.for_another_ask_name").strip()
    # the village said is kept: the sender's own name registers them there
    reply = probe.user(openid).says("罗木荷") or ""
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": "罗木荷"}], reply


def test_a_relative_named_by_a_new_follower_with_nothing_said_of_the_phone_stays_registered(probe):  # noqa: F811
    """Rounds 19–21's reading kept: the relative's own phone may be set up by the sender (many sets' probes)."""
    assert probe.handler_for("new", "帮我个仔登记 佢叫陈志强 埔心村") == "register"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == [{"name": "陈志强"}]


# -- the certificate's own state; the pledge the sender's own; the name's fix explained -------------------------------
def test_when_the_certificate_can_be_had_is_answered_with_the_senders_own(probe):  # noqa: F811
    assert probe.handler_for("finished", "证书几时有得攞") == "my_certificates"
    assert probe.handler_for("member", "证书几时有得攞") == "my_certificates"
    assert probe.last_reply(probe.openid).startswith("您还没有证书")


def test_a_pledge_with_a_filler_before_its_count_is_the_senders_own(probe):  # noqa: F811
    assert probe.handler_for("member", "我想认领那个两棵龙研四月份再种") == "pledge"
    openid = probe.openid
    pledged = probe.rows(
        "SELECT p.species, p.count FROM pledges p JOIN people pe ON pe.id = p.person_id WHERE pe.openid = ?", [openid]
    )
    assert pledged == [{"species": "龙眼", "count": 2}]


def test_the_names_character_spelled_out_is_the_names_fix_never_a_name(probe):  # noqa: F811
    assert probe.handler_for("member", "嗯我那个名字打错了啊是陈木兰的兰不是蓝色的蓝") == "fix_name"
    openid = probe.openid
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": f"村民{probe.count}"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
