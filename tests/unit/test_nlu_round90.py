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
