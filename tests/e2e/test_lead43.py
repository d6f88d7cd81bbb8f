"""The lead, forty-third session: set 21s's misses and what the simulator showed, each test run on main first and
failing."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    probe,
)


# -- never mind, then why it is not due, said by voice in one breath with no pause: the record in progress cancelled ------
# (set 21s: '算了唔记喇荔枝未种好', '两棵荔枝 || 嗯算了先不报了还没种好' had become a ticket and the FAQ's how-to-correct)
@pytest.mark.parametrize(
    ("context", "message"),
    [
        ("pending", "算了唔记喇荔枝未种好"),
        ("twice", "两棵荔枝 || 嗯算了先不报了还没种好"),
        # held out, written before the change
        ("pending", "算了先不记了树还没种下去"),
        ("pending", "嗯算啦唔报住苗都未买"),
        ("pending", "罢了罢了还没种好呢"),
        ("twice", "三棵龙眼 || 算数啦未种好先"),
    ],
)
def test_never_mind_then_not_yet_in_one_breath_cancels_the_record_in_progress(probe, context, message):  # noqa: F811
    assert probe.run(context, message, "cancel") == ""
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [probe.openid]) == [{"status": "cancelled"}]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        # controls: never mind before what is no put-off is no retraction
        ("pending", "算了两棵就两棵吧", "planting"),
    ],
)
def test_never_mind_before_what_is_no_put_off_is_no_retraction(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- a relative's trees told, then whether they count for the sender: the household's answer, never a record nor the
# tree's card (the simulator: '我阿妈嗰边都种咗两棵龙眼 算唔算我嘅' had started a record of 2 龙眼 with the 龙眼 card after it;
# '我老婆种了三棵桂花能算我的吗' got the 桂花 card)
@pytest.mark.parametrize(
    "message",
    [
        "我阿妈嗰边都种咗两棵龙眼 算唔算我嘅",
        "我老婆种了三棵桂花能算我的吗",
        # held out, written before the change
        "老公今日种咗一棵黄皮 计唔计我嘅",
        "我儿子在家种了两棵荔枝算不算我们家的",
        "阿爸种了四棵龙眼 算我名下吗",
        "屋企人种嘅树算唔算我份",
    ],
)
def test_a_relatives_trees_asked_whether_they_count_for_the_sender_get_the_households_answer(probe, message):  # noqa: F811
    assert probe.run("member", message, "question") == ""
    openid = probe.openid
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    assert "算您这一户的" in reply
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []


# -- a detail sent after the FAQ's answer, no question in it (the tree, when it was planted): read with the question it
# follows (the simulator: '我啲树死咗一棵 要唔要补种' answered, then '系荔枝嚟嘅 上个月种嘅' got 荔枝·浇水, a card of something
# never asked; '系龙眼嚟㗎 旧年种嘅' moving a tree)
@pytest.mark.parametrize(
    ("first", "detail", "answer"),
    [
        # the answer given holds for the tree told: a line says so, the answer is not sent again (44th session)
        ("喂 我啲树死咗一棵 要唔要补种", "系荔枝嚟嘅 上个月种嘅", "荔枝也一样，按上面说的做"),
        # held out, written before the change
        ("树死了要不要补种", "是龙眼 去年种的", "龙眼也一样，按上面说的做"),
        ("几时施肥好", "桂花", "施肥"),
        ("要隔几远种一棵", "荔枝", "株行距"),
        ("几时修剪好", "系龙眼", "龙眼"),
    ],
)
def test_a_detail_after_the_faqs_answer_is_read_with_the_question_it_follows(probe, first, detail, answer):  # noqa: F811
    assert probe.run("twice", f"{first} || {detail}", "question") == ""
    openid = probe.openid
    replies = probe.rows("SELECT handler, reply FROM inbox WHERE openid = ? ORDER BY id", [openid])
    assert replies[-2]["handler"] == "faq_answer"
    assert answer in replies[-1]["reply"]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        # controls: a new question, a planting, thanks after the answer are read alone
        ("桂花几时种", "龙眼呢", "question"),
        ("几时施肥好", "两棵桂花", "planting"),
        ("苗在车上晒了一天 根都干了 先泡水还是直接种", "去年种的桃树流胶了", "question"),  # a trouble: a ticket
        ("几时施肥好", "龙眼叶子黄了", "question"),
    ],
)
def test_what_is_no_detail_after_the_faqs_answer_is_read_alone(probe, first, then, expected):  # noqa: F811
    assert probe.run("twice", f"{first} || {then}", expected) == ""


# -- set 21w's misses at its end measurement (kept blind to the end), read by class; held-out cases written before
@pytest.mark.parametrize(
    ("context", "message", "expected"),
    [
        # whether to take the photo again asked (要不要: 不要 in it is no drop): the record's next step, never its 取消
        ("after_photo", "这张照片清楚吗 要不要重新拍", "how"),
        ("after_photo", "这张拍得好吗 使唔使重新影", "how"),
        pytest.param(
            "after_photo",
            "这张相够不够清楚 要不要再拍一张",
            "how",
            marks=pytest.mark.xfail(
                strict=True,
                reason="disputed label (44th session): round 50's control '照片拍得不清楚要重拍吗' after a photo is the"
                " FAQ's photo rules (kind question), as this one gets; both keep the record (checked below)",
            ),
        ),
        # thanks first, then whether it was recorded: the record's state, never 不客气
        ("finished", "唔该晒 记到未啊", "progress"),
        ("finished", "多谢 记上了吗", "progress"),
        ("finished", "谢谢你 入咗数未", "progress"),
        # what to type forgotten or not known, after a photo: the record's next step
        ("after_photo", "唔记得要打咩字", "how"),
        ("after_photo", "我忘了要写什么", "how"),
        ("after_photo", "唔知要填咩", "how"),
        # a household with no phone, their trees, how to log them: the cadre's 代种 steps
        ("cadre", "有户人家种了树没手机 怎么帮他报", "log"),
        # round 92 mended it (nlu.no_phone_others_log_asked, read past the menu's 20 characters): the FAQ's household
        # answer had taken it first
        ("cadre", "村里一户人家种了树 没有微信 怎么帮他登记", "log"),
    ],
)
def test_set_21w_classes(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
    if context == "after_photo":
        assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [probe.openid]) != [{"status": "cancelled"}]


@pytest.mark.parametrize("message", ["这张相够不够清楚 要不要再拍一张", "照片拍得不清楚要重拍吗"])
def test_whether_to_take_the_photo_again_keeps_the_record(probe, message):  # noqa: F811
    """The photo's clearness asked after it (the FAQ's photo rules or the record's next step): the record waits on."""
    probe.run("after_photo", message, "question")
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [probe.openid]) == [{"status": "pending"}]
    assert probe.last_handler(probe.openid) in ("faq_answer", "planting_menu")


def test_a_question_with_whether_in_it_is_no_retraction():  # noqa: F811
    """Controls of the reader itself: 不要 after 要 asks; a drop said stays one."""
    from bot import nlu

    assert not nlu.retraction_said("这张照片清楚吗要不要重新拍")
    assert nlu.retraction_said("这张不要")
    assert nlu.retraction_said("刚才那张不要")


# -- the adoptable trees asked with a final 不 (Mandarin 'X不?' asks as 吗 does), the wish after it: the list (set 21w)
@pytest.mark.parametrize(
    "message",
    [
        "有啥树可以认养不 我想认一棵",
        # held out, written before the change
        "有什么树可以认养不",
        "村里有树可以认种不 想认一棵",
        "有冇树俾人认养不",
    ],
)
def test_the_adoptable_trees_asked_with_a_final_bu_are_the_list(probe, message):  # noqa: F811
    assert probe.run("member", message, "adopt") == ""


# -- the lead, forty-fourth session: a tree told after the FAQ's answer that holds for it too is said so in a line (the
# whole answer had been sent again: '树苗死咗要唔要补种' then '系龙眼 旧年种嘅'); an answer the tree changes is sent whole
@pytest.mark.parametrize(
    ("first", "detail", "line"),
    [
        ("树苗死咗要唔要补种", "系龙眼 旧年种嘅", "龙眼也一样"),
        # in other words (written with the change)
        ("苗死了还要补吗", "是荔枝", "荔枝也一样"),
        ("种下去冇几耐就死咗 使唔使补过", "桂花嚟嘅", "桂花也一样"),
    ],
)
def test_a_tree_told_after_an_answer_that_holds_for_it_gets_a_line_not_the_answer_again(probe, first, detail, line):  # noqa: F811
    assert probe.run("twice", f"{first} || {detail}", "question") == ""
    replies = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id", [probe.openid])
    assert line in replies[-1]["reply"]
    assert replies[-2]["reply"] not in replies[-1]["reply"]
    assert len(replies[-1]["reply"]) < len(replies[-2]["reply"])
