"""Round 24 of issue 17 §5, through signed pushes: a command word typed by its sound, any of them (messages/typos.toml
``[sound]``, bot/nlu.py ``command_typos_fixed``, bot/sound_alike.py), not only the table's pairs: set 19f's widow and
grandmother typed 登济, 认灵, 取销, 种书, 帮主, 代办 — and no two sets have shared a typo. Examples of other words and
other sounds (not 19f's sentences); controls: a name, and words that only sound like a command."""

from __future__ import annotations

import pytest

from bot import nlu
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
BY_SOUND = [
    ("member", "我的进堵", "progress"),  # 进度: du (one character kept: 近渡 is two away)
    ("member", "退丁", "unsubscribe"),  # 退订: ding
    ("member", "帮住", "help"),  # 帮助: zhu
    ("party", "认灵责任区", "zone"),  # 认领: ling
    ("member", "我想认羊一棵树", "adopt"),  # 认养: yang
    ("member", "我家认领三棵荔枝 清明前种", "pledge"),  # (the word itself, for the pair below)
    ("member", "我家认灵三棵荔枝 清明前种", "pledge"),  # 认领: ling
    ("pending", "取宵", "cancel"),  # 取消: xiao
]


@pytest.mark.parametrize(("context", "message", "expected"), BY_SOUND)
def test_round_24_a_command_word_typed_by_its_sound_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("我叫邓记华", "我叫邓记华"),  # a name after 叫 is read as written (邓记 sounds like 登记)
        ("我是邓记华埔心村", "我是邓记华埔心村"),
        ("登记邓记华埔心村", "登记邓记华埔心村"),  # the name after 登记
        ("这批苗是什么等级", "这批苗是什么等级"),  # a word of its own (a seedling's grade)
        ("我提前到了", "我提前到了"),  # 提前 is a word: no 签到 in 前到
        ("今天三十几度", "今天三十几度"),  # 几度 is no 进度
        ("登济一下今天种的", "登记一下今天种的"),
    ],
)
def test_round_24_only_a_command_word_is_read_by_its_sound(typed, read):
    assert nlu.command_typos_fixed(typed) == read
