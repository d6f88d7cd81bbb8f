"""bot/ask_back.py's readers (round 43): the choice said, and an answer's name in the list."""

from __future__ import annotations

import pytest

from bot import ask_back


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1", 1),
        ("１", 1),
        ("1。", 1),
        ("一", 1),
        ("第一个", 1),
        ("选1", 1),
        ("上面那个", 1),
        ("2", 2),
        ("2号", 2),
        ("二", 2),
        ("两", 2),
        ("第2个", 2),
        ("第二个吧", 2),
        ("后面嗰个", 2),
        ("0", 0),
        ("零", 0),
        ("都不是", 0),
        ("两个都不是", 0),
        ("都唔系", 0),
        ("问专家", 0),
        ("不是", 0),
        ("唔系", 0),
        ("不对啊", 0),
    ],
)
def test_the_choice_is_read_typed_or_said(text, number):
    assert ask_back.chosen(text) == number


@pytest.mark.parametrize("text", ["是", "是的", "系", "系呀", "对", "啱", "冇错", "好", "是是"])
def test_a_yes_is_the_one_answer_offered_and_no_choice_between_two(text):
    assert ask_back.chosen(text, offered=1) == 1
    assert ask_back.chosen(text) is None


@pytest.mark.parametrize(
    "text",
    ["12", "3", "2棵", "一棵", "两棵荔枝", "第一次种", "我要第二个证书", "都不是我种的", "问专家 桂花叶子黄", "", "好"],
)
def test_anything_more_than_the_choice_is_no_choice(text):
    assert ask_back.chosen(text) is None


def test_an_answer_is_named_by_its_entry_title_else_its_first_line():
    assert ask_back.title("挑苗看四点：\n1️⃣ …", "怎么挑选树苗") == "怎么挑选树苗"
    assert ask_back.title("\n荔枝·什么时候种\n2–4月…", None) == "荔枝·什么时候种"
    assert ask_back.title("院子开花香的推荐：\n• 桂花", None) == "院子开花香的推荐"
