"""Round 90's readers (bot/nlu.py), on normalised text: each case and its near miss."""

from __future__ import annotations

import pytest

from bot import nlu


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("唔好意思撳错 仲要收", "on"),  # 22k: a slip (撳错, normalised 揿错), receiving wished last, nothing named
        ("撳错咗 我仲想收", "on"),
        ("按错了 我还想收到啊", "on"),
        ("按错了 我还要收提醒", "on"),  # named: as before
        ("我还想收", None),  # no slip: says nothing of before
        ("按错了 我想收多张相", None),  # something else received
        ("按错了 不要收", None),  # refused (left: the 'off' of it is not read unnamed)
        ("对不起 我仲要收 几时有", None),  # asked after
    ],
)
def test_receiving_wished_after_a_slip(text, said):
    assert nlu.reminders_said(nlu.normalize(text), text) == said


@pytest.mark.parametrize(
    ("text", "put_off"),
    [
        ("等阿仔返嚟先再报", True),  # 22j: waiting for someone back, 先再
        ("等个女放假返嚟先", True),
        ("等我老公返嚟帮我报", True),  # someone to report it
        ("先唔好记", True),  # not yet recorded (先不要记)
        ("等阿仔返嚟帮我影相", False),  # the photo later: the record goes on (photo_later_said)
        ("等我老公返嚟帮我影相发俾你", False),
    ],
)
def test_put_off_till_someone_is_back(text, put_off):
    assert nlu.put_off_said(nlu.normalize(text)) is put_off


@pytest.mark.parametrize("text", ["等阿仔返嚟帮我影相", "等我个女回来帮我拍"])
def test_the_photo_by_someone_back_later(text):
    assert nlu.photo_later_said(nlu.normalize(text))


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("揿错相", True),  # the photo pressed wrong
        ("唔小心发错图", True),  # by a slip of the hand
        ("按错了", True),  # a retraction only while something is in progress (handlers/core.py)
        ("撳错咗", True),
        ("按错了要点搞", False),  # asked how
    ],
)
def test_pressed_wrong_is_a_retraction(text, dropped):
    assert nlu.retraction_said(nlu.normalize(text)) is dropped


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("打错 系陈亚弟", "陈亚弟"),  # 22k: after 改名, the slip said before the right name
        ("唔好意思 系李国祥", "李国祥"),
        ("写错咗 应该系黄美龄", "黄美龄"),
        ("打错字 系何丽贞", "何丽贞"),
        ("打错了 系荔枝", None),  # a tree, never a name
        ("讲错咗 系三棵", None),
    ],
)
def test_the_right_name_after_a_slip(text, name):
    assert nlu.name_said_right(nlu.normalize(text)) == name


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("我系党员陈国良 唔系陈国梁 你哋打错字", True),  # 22j: the role before the name, the slip after
        ("我系村民何秀英 唔系何秀莹 你哋写错咗", True),
        ("我系党员陈国良 唔系陈国梁", False),  # neither the change asked nor the slip said
        ("系龙眼 唔系荔枝 打错咗", False),  # a tree's (the record's)
    ],
)
def test_the_right_name_against_the_wrong_with_the_slip_after(text, fix):
    from bot.planting import MESSAGES_DIR, load_species_table

    assert nlu.name_fix_said(nlu.normalize(text), load_species_table(MESSAGES_DIR)) is fix


@pytest.mark.parametrize(
    ("text", "trees"),
    [
        ("我哋屋企应承今年种三棵龙眼 五月前种", "三棵龙眼 五月前种"),  # 22j: promised (Cantonese 应承)
        ("我应承村委今年种四棵杨梅", "四棵杨梅"),  # promised to the village
        ("我答应咗村委种一棵桂花", "一棵桂花"),
        ("今年我会种三棵桂花 六月前种好", "三棵桂花 六月前种好"),  # will
        ("我哋一家应承种两棵荔枝 七月前", "两棵荔枝 七月前"),
        ("下个月我仲会种多两棵龙眼 先认领住", "两棵龙眼 先认领住 下个月"),  # 22j: Cantonese 种多 (plant more)
        ("我会种龙眼 几时种最好", None),  # a question
        ("我今年种咗三棵龙眼", None),  # planted
    ],
)
def test_trees_promised_are_a_plan(text, trees):
    assert nlu.planned_planting(text) == trees


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("我之前报嘅树你哋收到未", True),  # 22k: earlier (之前), received asked after the trees
        ("上个礼拜报嘅荔枝有冇收到", True),  # received asked before it (有冇收到)
        ("我琴日报咗两棵龙眼 你哋收到未", True),  # reported with its count
        ("之前报嘅树有冇收到钱", False),  # something else received
        ("之前报嘅树死咗", False),
        ("我琴日报咗两棵龙眼", False),  # told, nothing asked
    ],
)
def test_trees_reported_earlier_asked_received(text, asked):
    from bot import planting

    assert planting.recorded_asked(nlu.normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("唔该帮我退订", "退订"),
        ("麻烦帮我订阅", "订阅"),
        ("请退订", "退订"),
        ("帮我退订", "退订"),
        ("退订", ""),
        ("点样退订", ""),
    ],
)
def test_a_command_asked_politely(text, bare):
    assert nlu.without_please(nlu.normalize(text)) == bare


@pytest.mark.parametrize(
    ("text", "cannot"),
    [
        ("我唔识写树名 点搞", "typing"),  # 22j: the tree's name not written, how to go on asked: said by voice
        ("树名我写唔出 点算", "typing"),
        ("不会写树的名字怎么办", "typing"),
        ("我唔知种嘅系咩树 点填", "tree"),  # round 89's: the tree not known
        ("我唔识写字 点搞", None),  # no tree's name
        ("树名系桂花", None),
    ],
)
def test_the_trees_name_not_written(text, cannot):
    assert nlu.cannot_tell_how_asked(nlu.normalize(text)) == cannot


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("村民问嘅嘢有冇新嘅 我睇下", True),  # 22j: what the villagers asked, whether any is new
        ("大家问嘅嘢有冇新嘅", True),
        ("大家问嘅荔枝有冇新嘅", False),  # a tree
        ("村民问嘅嘢点答", False),  # how
    ],
)
def test_new_questions_asked_by_an_adviser(text, asked):
    from bot.planting import MESSAGES_DIR, load_species_table

    assert nlu.queue_asked(nlu.normalize(text), load_species_table(MESSAGES_DIR)) is asked
