"""Round 31: a request read by its frame (bot/nlu.py ``FRAMES``, ``frame_found``): the three rules every frame keeps."""

from __future__ import annotations

import pytest

from bot import nlu


@pytest.mark.parametrize(
    ("kind", "norm"),
    [
        # (frames76: the reminders refused are the request frame's, tests/data/frame_moves_frames76.tsv 'off')
        ("reminders_on", "之前退订了现在还是想收到种树提醒"),  # the rest (之前退订了) asks nothing
        ("join", "礼拜六种树我和老婆都想去"),
        ("adopt", "家没有地种想在村里认养棵树"),
        ("certificate", "我那张电子证书在哪里看"),  # a part may ask what the request asks
        ("progress_mine", "帮我查一下我今年种了多少棵树"),
        ("progress_village", "看下我们村种树进度去到边"),
        ("progress_recorded", "上个礼拜报的那两棵龙眼记上没有"),
        ("cancel", "请帮我撤销头先那条记录"),
    ],
)
def test_a_frame_reads_its_parts_in_order_with_words_between(kind, norm):
    assert nlu.frame_said(kind, norm)


@pytest.mark.parametrize(
    ("kind", "norm"),
    [
        ("join", "要参加几次种树活动"),  # a question word in a gap: how often, not joining
        ("adopt", "我不想认养树只想自己种"),  # negated just before
        ("cancel", "不要取消我还要补一照片"),
        ("progress_village", "全村进度怎么算的"),
        ("certificate", "邻居的证书发给我看看"),  # unless: someone else's, before the frame
        ("progress_recorded", "我阿爸种的龙眼登记上没有"),
        ("join", "村里种树要去村委领苗"),  # the wish not last: a duty told
    ],
)
def test_a_frame_is_never_negated_nor_asked_about_something_else(kind, norm):
    assert not nlu.frame_said(kind, norm)


def test_a_gap_is_bounded():
    assert nlu.frame_said("reminders_on", "我想收到种树提醒")
    assert not nlu.frame_said("reminders_on", "我想收到村里每天发的那些种树提醒")  # 10 characters between


def test_a_long_text_is_no_request():
    assert not nlu.frame_said("adopt", "我想认养一棵树" + "因为" * nlu.INTENT_MAX_CHARS)


def test_a_please_and_a_question_are_no_negation():
    assert not nlu.negated_before("不该帮我撤销", 4)  # 唔该 (please), normalised 不该
    assert not nlu.negated_before("有没有树可以给我认养", 6)
    assert nlu.negated_before("我不想认养树", 2)


# round 38 (19m): the household's trees asked after, by the sender or for a relative; a neighbour's, a relative's own
# trees, the household's trees' trouble are not
@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("阿公问我哋屋企嗰棵荔枝有冇记到", True),
        ("我家那棵杨梅有没有记上去", True),
        ("帮我妈看下我们家那两棵桂花登记上没有", True),
        ("邻居家的树记上没有", False),
        ("我阿爸种的龙眼登记上没有", False),
        ("帮阿公问下，佢今年种树任务完成咗未", False),
        ("我家荔枝结了几个", False),
    ],
)
def test_the_households_trees_recorded_asked(text, asked):
    assert nlu.household_asked(nlu.normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("看下我妈种的树记上没有", True),
        ("我阿爸种的龙眼登记上没有", True),
        ("阿嬷问她的树种够了没有", False),  # her standing, not a record (round 27's control)
        ("帮我妈看下我们家那两棵桂花登记上没有", False),  # the household's: the sender's progress
        ("邻居阿婆叫我帮她问 她的树记上没有", False),
        ("我妈的树叶子黄了", False),
    ],
)
def test_a_relatives_trees_recorded_asked(text, asked):
    assert nlu.relative_recorded_asked(nlu.normalize(text)) is asked
