"""Round 78 of issue 17 §5, through signed pushes: the misses of sets 21o, 21p, 21q, 21r and 21t about planting records,
corrections and the questions asked of them, read by class. Each class's held-out cases (new sentences of the class,
not the probes' words) and controls were written before the mends and run on the untouched branch first; the records
they leave (tree, count, area, status) are checked too, not only the route. The probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- a cadre's plot planted today with its area told roughly (三亩几: three mu and some): the plot's record ------------
EXAMPLES_PLOT_ROUGH_AREA = [
    ("cadre", "今日喺长塘种咗党建林两亩几 八十棵木棉", "planting"),
    ("cadre", "党建林今天种了五亩多 两百棵香樟", "planting"),
    ("cadre", "我哋支部今朝种咗党建林一亩几 六十棵桂花", "planting"),
]

# -- trees just planted told within a question's window, another tree than the ticket's: their record ---------------
EXAMPLES_PLANTED_WITHIN_TICKET = [
    ("ticket", "先不说桂花了 我今天在屋后种了两棵荔枝", "planting"),
    ("ticket", "桂花的问题等专家回复 我刚在门口种了一棵黄皮", "planting"),
    ("ticket", "另外 今日喺门口种咗两棵龙眼", "planting"),
]

# -- whether the tree by one's own door (门口, 屋后, 院子) was recorded: the sender's progress, never the how-to ------------
EXAMPLES_DOORSTEP_RECORDED = [
    ("member", "我屋后嗰两棵龙眼有冇帮我记上去", "progress"),
    ("member", "我院子那棵桂花有没有帮我登记上", "progress"),
    ("member", "我门前种的黄皮记上去没有", "progress"),
]

# -- the count said wrong and right after 'wait' (等阵, 等等, 慢着), the record collected: the right count -------------------
EXAMPLES_WAIT_THEN_CORRECTED = [
    ("after_photo", "等等 不是两棵 是三棵龙眼", "planting"),
    ("after_photo", "慢着 唔系两棵 系五棵荔枝", "planting"),
    ("after_photo", "哎呀 不是一棵 是两棵桂花", "planting"),
]

# -- whose household the trees just told count for, asked: a question, never a second record ----------------------
EXAMPLES_WHOSE_TREES_ASKED = [
    ("pending", "这两棵是帮我妈种的 算她的还是算我的", "question"),
    ("pending", "头先嗰两棵荔枝系帮阿爷种嘅 可唔可以计佢名下", "question"),
    ("pending", "刚才报的是帮邻居种的 能算他家的吗", "question"),
]

# -- a tree planted earlier told, then whether or how to record it: the steps ------------------------------------------
EXAMPLES_EARLIER_TREE_HOW = [
    ("finished", "屋后还有两棵龙眼是去年种的 要不要报 怎么报", "log"),
    ("member", "我上礼拜种了一棵黄皮 也要记吗", "log"),
    ("finished", "还有一棵荔枝上个星期种的 点样记", "log"),
]

# -- not planting now, put off for a longer while (下个礼拜, 明年, 过段时间): the record in progress cancelled -----------------
EXAMPLES_PUT_OFF_LONGER = [
    ("pending", "唔种住 下个礼拜先讲", "cancel"),
    ("pending", "先不种了 明年再说", "cancel"),
    ("pending", "不种了 过段时间再讲", "cancel"),
]

# -- a cadre's 代种 asked how, with why (the old person has no phone): the 代种 steps --------------------------------------
EXAMPLES_PROXY_HOW_WITH_WHY = [
    ("cadre", "帮人代种点搞 佢冇智能手机", "log"),
    ("cadre", "阿婆唔识用手机 代种点样操作", "log"),
    ("cadre", "代种要怎么登记 那户没有微信", "log"),
]

# -- after a photo, the count and tree, then a question of the tree: the record and the question answered ---------------
EXAMPLES_RECORD_THEN_QUESTION = [
    ("after_photo", "三棵龙眼 龙眼几时淋水", "planting"),
    ("after_photo", "一棵黄皮 黄皮要施什么肥", "planting"),
    ("after_photo", "两棵桂花 桂花多久浇一次水", "planting"),
]

# -- after a photo, what to say asked with not knowing how: the record's next step ----------------------------------
EXAMPLES_WHAT_TO_SAY = [
    ("after_photo", "要打咩字啊 我唔识", "how"),
    ("after_photo", "我不会 要写什么", "how"),
    ("after_photo", "要说什么呀 我不懂", "how"),
]

# -- just after a question, where the tree grows and how many (no tree named): the question's 补充 -----------------------
EXAMPLES_TICKET_DETAIL = [
    ("twice", "问专家 龙眼叶子有黑点 || 系门口种嘅 三棵", "supplement"),
    ("twice", "问专家 桂花叶子卷起来 || 在院子里种的 两棵", "supplement"),
    ("twice", "问专家 荔枝树流胶 || 喺田边种嘅 有五棵", "supplement"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("cadre", "党建林要种几亩", "question"),
    ("cadre", "我们村党建林种了几亩了", "progress"),
    ("ticket", "是今年刚种的两棵", "supplement"),
    ("ticket", "桂花是去年种的三棵", "supplement"),
    ("member", "我门口那棵荔枝叶子黄了怎么办", "question"),
    ("pending", "三棵荔枝", "planting"),
    ("finished", "上个月种的桃树叶子卷了 怎么办", "question"),
    ("member", "上个月种的龙眼要多久浇一次水", "question"),
    ("pending", "下个月什么时候种好", "question"),
    ("cadre", "代种 张三 2棵龙眼", "planting"),
    ("member", "我两棵荔枝几时施肥好", "question"),
    ("twice", "问专家 龙眼叶子有黑点 || 另外今日种咗两棵荔枝", "planting"),
]

ALL = [
    *EXAMPLES_PLOT_ROUGH_AREA,
    *EXAMPLES_PLANTED_WITHIN_TICKET,
    *EXAMPLES_DOORSTEP_RECORDED,
    *EXAMPLES_WAIT_THEN_CORRECTED,
    *EXAMPLES_WHOSE_TREES_ASKED,
    *EXAMPLES_EARLIER_TREE_HOW,
    *EXAMPLES_PUT_OFF_LONGER,
    *EXAMPLES_PROXY_HOW_WITH_WHY,
    *EXAMPLES_RECORD_THEN_QUESTION,
    *EXAMPLES_WHAT_TO_SAY,
    *EXAMPLES_TICKET_DETAIL,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_78(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _records(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows(
        "SELECT species, count, area_mu, status FROM plantings WHERE openid = ? AND status != 'cancelled' ORDER BY id",
        [openid],
    )


# -- what the records say, not only the route ------------------------------------------------------------------------
# the FAQ's bot.proxy (the household's own trees, another household's by a cadre's 代种) is not read for these: the tree
# named (荔枝: not_covered) and 阿爷 (read a complaint) make the question the adviser's; the record is left alone (kind
# question passes), the reply is not the rule's
@pytest.mark.parametrize(
    ("message", "species", "count", "area"),
    [
        ("支部今日在石岗种咗党建林三亩几 一百五十棵樟树", "香樟", 150, 3),
        ("今日喺长塘种咗党建林两亩几 八十棵木棉", "木棉", 80, 2),
    ],
)
def test_a_plot_told_with_a_rough_area_is_its_record(probe, message, species, count, area):  # noqa: F811
    assert probe.run("cadre", message, "planting") == ""
    (record,) = _records(probe, probe.openid)
    assert (record["species"], record["count"], record["area_mu"]) == (species, count, area), record


@pytest.mark.parametrize(
    ("message", "species", "count"),
    [
        ("桂花掉叶的事先不管 我家门口刚种了三棵龙眼", "龙眼", 3),
        ("先不说桂花了 我今天在屋后种了两棵荔枝", "荔枝", 2),
        ("桂花的问题等专家回复 我刚在门口种了一棵黄皮", "黄皮", 1),
    ],
)
def test_trees_planted_told_within_a_tickets_window_are_their_own_record(probe, message, species, count):  # noqa: F811
    assert probe.run("ticket", message, "planting") == ""
    openid = probe.openid
    assert [(r["species"], r["count"]) for r in _records(probe, openid)] == [(species, count)]
    assert len(probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])) == 1  # the question stays as it was


@pytest.mark.parametrize(
    ("message", "species", "count"),
    [
        ("等阵 唔系三棵 系四棵桃", "桃", 4),
        ("等等 不是两棵 是三棵龙眼", "龙眼", 3),
        ("慢着 唔系两棵 系五棵荔枝", "荔枝", 5),
        ("哎呀 不是一棵 是两棵桂花", "桂花", 2),
    ],
)
def test_a_count_corrected_after_wait_gives_the_record_the_right_count(probe, message, species, count):  # noqa: F811
    assert probe.run("after_photo", message, "planting") == ""
    assert [(r["species"], r["count"]) for r in _records(probe, probe.openid)] == [(species, count)]


@pytest.mark.parametrize(
    "message",
    [
        # the lead (fifty-fifth session): whether they count for the relative is the household's answer (bot.proxy)
        "刚才那两棵荔枝是帮我婆婆种的 能算她的吗",
        pytest.param(
            "这两棵是帮我妈种的 算她的还是算我的",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (changed): bot.proxy (precedents) -> escalate (low_confidence)",
            ),
        ),
        "头先嗰两棵荔枝系帮阿爷种嘅 可唔可以计佢名下",
    ],
)
def test_whose_trees_asked_while_a_record_waits_leaves_the_one_record(probe, message):  # noqa: F811
    assert probe.run("pending", message, "question") == ""
    openid = probe.openid
    assert [(r["species"], r["count"], r["status"]) for r in _records(probe, openid)] == [("荔枝", 2, "pending")]
    # another household's trees: a cadre's 代种; the household's own: its own record
    assert "代种" in probe.last_reply(openid)


@pytest.mark.parametrize("message", ["不种了 下个月再说", "先不种了 明年再说"])
def test_not_planting_till_later_cancels_the_record_in_progress(probe, message):  # noqa: F811
    assert probe.run("pending", message, "cancel") == ""
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [probe.openid]) == [{"status": "cancelled"}]


@pytest.mark.parametrize(
    ("message", "species", "count", "answer"),
    [("两棵荔枝 荔枝几时施肥好", "荔枝", 2, "施肥"), ("三棵龙眼 龙眼几时淋水", "龙眼", 3, "浇水")],
)
def test_the_count_and_a_question_after_a_photo_record_and_answer(probe, message, species, count, answer):  # noqa: F811
    assert probe.run("after_photo", message, "planting") == ""
    openid = probe.openid
    assert [(r["species"], r["count"], r["status"]) for r in _records(probe, openid)] == [(species, count, "complete")]
    assert answer in probe.last_reply(openid)


def test_the_doorstep_tree_asked_recorded_shows_the_senders_progress(probe):  # noqa: F811
    assert probe.run("member", "我门口那棵荔枝有没有给我记上去啊", "progress") == ""
    openid = probe.openid
    assert probe.last_handler(openid) == "my_progress"
    assert "登记种树很简单" not in probe.last_reply(openid)
