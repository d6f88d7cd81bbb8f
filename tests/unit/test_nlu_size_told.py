"""The sixtieth session (set 22s's '忘了说 树有一米多高' in a ticket's window had been asked back): 多高 after a measure
is "a little over" said of a size, never how tall asked; 有多高 and 几多高 still ask."""

import pytest

from bot import nlu


@pytest.mark.parametrize(
    "text", ["忘了说 树有一米多高", "就是那棵桂花 大概一米多高 黄的叶子从下面开始", "个坑挖咗两尺多深"]
)
def test_a_size_told_a_little_over_is_no_question(text):
    assert not nlu.is_question(text)


@pytest.mark.parametrize("text", ["桂花能长多高", "树穴要挖多深", "有几多高先可以移", "门口只有一米多宽 能种什么树"])
def test_how_big_asked_is_a_question(text):
    assert nlu.is_question(text)
