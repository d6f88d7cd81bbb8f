"""Round 67's readers (bot/nlu.py, bot/planting.py), on normalised text: each case and its near miss."""

from __future__ import annotations

import pytest

from bot import nlu, planting


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("登记咗未", True),
        ("入咗数未", True),
        ("有冇入到数呀", True),
        ("我嗰两棵登记好未", True),
        ("登记", False),
        ("登记 张三", False),
        ("我想登记", False),
        ("入数", False),
    ],
)
def test_whether_recorded_asked(text, asked):
    assert planting.recorded_asked(nlu.normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("要打咩字落去", True),
        ("发咗相就得未定系仲要讲种咩", True),
        ("点登记呀 唔识", True),
        ("荔枝种好咗 跟住要点", True),
        ("三棵荔枝种好咗 跟住要点", False),  # a count said: the record's text
        ("荔枝种好咗 跟住要淋几多水", False),  # the tree's care
    ],
)
def test_how_to_go_on_said(text, asked):
    assert nlu.record_go_on_said(nlu.normalize(text)) is asked


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("张相发错咗 可唔可以取消", True),
        ("取消 头先搞错咗系龙眼唔系荔枝", True),
        ("可唔可以取消", False),
        ("取消认领", False),
        ("点样取消提醒", False),
    ],
)
def test_wrong_record_cancel_asked(text, asked):
    assert nlu.wrong_record_cancel_asked(nlu.normalize(text)) is asked


@pytest.mark.parametrize(("text", "count"), [("廿棵秋枫", 20), ("廿一棵木棉", 21), ("卅棵香樟", 30), ("十棵", 10)])
def test_twenty_and_thirty(text, count):
    found = nlu.parse_count(text)
    assert found is not None and found.count == count


def test_twenty_twice_is_no_number():
    assert nlu.chinese_to_int("廿廿") is None and nlu.chinese_to_int("三廿") is None


@pytest.mark.parametrize(
    ("text", "guessed"),
    [("会唔会系缺肥定系冷亲", True), ("系咪有虫", True), ("桂花好定系荔枝好", False)],
)
def test_causes_offered(text, guessed):
    assert nlu.cause_guessed(nlu.normalize(text)) is guessed


@pytest.mark.parametrize(
    ("text", "wished"), [("我想包祠堂边嗰块责任区", True), ("涯系党员 要揾块责认区来管", True), ("责任区点管", False)]
)
def test_zone_taken_on(text, wished):
    assert nlu.zone_taken_on_said(nlu.normalize(text)) is wished
