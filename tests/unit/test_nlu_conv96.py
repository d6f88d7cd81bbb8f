"""Conv96's readers (issue 17 §5, round 96), as pure functions over normalised text; the conversations that use them
are in tests/e2e/test_conversation_96.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import nlu, planting, pledges, zones
from bot.faq import load_offlist, load_species_table
from bot.messages import MESSAGES_DIR

TABLE = load_species_table(MESSAGES_DIR)
OFFLIST = load_offlist(Path(MESSAGES_DIR))


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("唔系 系陈亚梅 打错字", "陈亚梅"),
        ("名打错咗 系李桂英", "李桂英"),
        ("唔好意思 名写错咗 系何国章", "何国章"),
        ("係张美凌先啱 头先打错", "张美凌"),
        ("错咗 我叫刘志民", "刘志民"),
        ("唔系两棵 系三棵", None),  # a count corrected
        ("打错咗 系龙眼", None),  # a tree (龙 a surname too)
        ("系陈亚妹冇错", None),  # no slip said
        ("系陈亚梅", None),  # no slip nor denial: nothing corrected
    ],
)
def test_name_corrected(said, name):
    assert nlu.name_corrected(nlu.normalize(said), TABLE) == name


@pytest.mark.parametrize(
    ("said", "what"),
    [
        ("村民问桂花黄叶嗰条 我想再睇下", "桂花黄叶"),
        ("我想再睇下村民问龙眼落果嗰单", "龙眼落果"),
        ("睇返龙眼落果嗰条", "龙眼落果"),
        ("陈伯问桂花嗰个 我想睇下", "桂花"),
        ("村民问嘅桂花问题点答", None),  # how to answer it: a question
        ("我想再看下村民问的问题", None),  # the 待办
        ("睇下嗰条", None),  # nothing described
    ],
)
def test_ticket_described(said, what):
    assert nlu.ticket_described(nlu.normalize(said)) == what


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("呢样系咩嚟㗎", True),
        ("呢样嘢系乜嘢嚟", True),
        ("呢个系咩树", True),
        ("这是什么来的", True),
        ("荔枝系咩季节种", False),
        ("呢个系做咩嘅", False),  # what it is for: the account's
    ],
)
def test_what_is_this_asked(said, asked):
    assert nlu.what_is_this_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "given", "needed"),
    [
        ("要唔要讲几多棵", True, True),
        ("使唔使讲种咗几多棵", True, True),
        ("需要说种了几棵吗", True, True),
        ("唔记得种咗几多棵 点算", False, True),  # forgotten: the record's only
        ("要种几多棵", False, False),
    ],
)
def test_count_given_asked(said, given, needed):
    norm = nlu.normalize(said)
    assert (nlu.count_given_asked(norm), nlu.count_needed_asked(norm)) == (given, needed)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("我冇睇错 唔想收", "kept"),
        ("冇搞错 真系唔想再收", "kept"),
        ("唔想收啦", "kept"),
        ("睇错咗 照收提醒", None),  # the slip owned: round 95's on again
        ("我唔想去", "declined"),
    ],
)
def test_the_stop_kept_is_a_follow_up(said, kind):
    assert nlu.follow_up_said(nlu.normalize(said)) == kind


@pytest.mark.parametrize(
    ("said", "recorded"),
    [
        ("咁耐都冇回复 啱啱嗰两棵记到未", True),
        ("等咗好耐都冇人覆 头先嗰两棵荔枝记咗未", True),
        ("冇人理我嘅 我啱啱报嗰两棵入咗数未", True),
        ("咁耐都冇回复", False),
        ("咁耐都冇回复 专家几时答我", False),
    ],
)
def test_recorded_asked_after_a_complaint(said, recorded):
    assert planting.recorded_asked(nlu.normalize(said)) is recorded


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("唔该 帮我睇下我阿妈种咗几多棵", True),
        ("我阿爸种咗几多棵啊", True),
        ("我阿妈种咗几多棵先够", False),  # how many she must plant
        ("我阿妈话要种几多棵", False),
    ],
)
def test_relative_count_asked(said, asked):
    assert nlu.relative_recorded_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("text", "pledged", "named"),
    [
        ("认领两棵黄皮", (), ["黄皮"]),
        ("认领一棵黄皮果", (), ["黄皮果"]),  # the longer name only
        ("认领两棵桂花 一棵黄皮 三棵杨桃", ("桂花",), ["黄皮", "杨桃"]),
        ("认领两棵簕杜鹃", ("簕杜鹃",), []),  # 杜鹃 inside the tree pledged
    ],
)
def test_offlist_named(text, pledged, named):
    assert pledges.offlist_named(text, OFFLIST, pledged) == named


@pytest.mark.parametrize(
    ("said", "taken"),
    [
        ("石岗片我包咗佢", True),
        ("长塘片我来负责管护", True),
        ("石岗片交畀我睇住啦", True),
        ("我管护咗石岗片", False),  # tending done
    ],
)
def test_zone_taken_on_in_more_words(said, taken):
    assert zones.move_or_take_said(nlu.normalize(said)) is taken
