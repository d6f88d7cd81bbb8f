"""Round 66's pure readers (bot/nlu.py, bot/identity.py), each with the words it must leave alone."""

from __future__ import annotations

import pytest

from bot import identity, nlu


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("三颗荔枝", True),
        ("荔枝两株", True),
        ("龙眼四蔸", True),
        ("王三根", False),
        ("李二科", False),
        ("张桂花", False),
    ],
)
def test_counts_a_tree(text, read):
    assert nlu.counts_a_tree(text, identity._species_table()) is read


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("唔要啦 取消佢", "取消"),
        ("算啦 取消呢个", "取消"),
        ("取消它", "取消"),
        ("取消每日提醒", "取消每日提醒"),
        ("取消认领", "取消认领"),
    ],
)
def test_cancel_word_said(text, word):
    assert nlu.cancel_word_said(text) == word


@pytest.mark.parametrize(
    ("text", "read"), [("喂", True), ("在吗", True), ("专家在吗", True), ("有人吗", True), ("喂 桂花点种", False)]
)
def test_call_said(text, read):
    assert nlu.call_said(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("顾问有咩指令用", True),
        ("顾问点用呢个", True),
        ("我系党员 点用", True),
        ("顾问怎么答问题", False),
        ("顾问有什么用", False),
        ("顾问能做什么", False),
        ("我怎么种荔枝", False),
    ],
)
def test_help_with_the_asker_first(text, read):
    assert nlu.help_said(nlu.normalize(text)) is read


def test_spaced_out_dictation_joined():
    assert identity.normalize_text("登 记 罗 荔 芳 埔 心 村") == "登记罗荔芳埔心村"
    assert identity.normalize_text("登记 罗荔芳 埔心村") == "登记 罗荔芳 埔心村"


@pytest.mark.parametrize(
    ("text", "name"), [("我个名系刘进华唔系刘近华 帮我改", "刘进华"), ("我叫张松林唔系张宋林 改番", "张松林")]
)
def test_right_name_against_wrong(text, name):
    norm = nlu.normalize(text)
    assert nlu.name_fix_said(norm, identity._species_table())
    assert nlu.right_name_in(norm) == name


def test_tree_against_tree_is_no_rename():
    assert not nlu.name_fix_said(nlu.normalize("系荔枝唔系龙眼 帮我改"), identity._species_table())
