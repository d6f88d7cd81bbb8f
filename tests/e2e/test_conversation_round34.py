"""Round 34 of issue 17 §5 (the twenty-second session's lead), through signed pushes: a follower not registered yet who
tells a name and a roster village in clauses among others (a team, 人, a request, emoji, who typed it) is registered
(bot/identity.py ``read_name_and_village_in_clauses``). Examples of its own, written before they were run, run once on
main before the change and once after; controls: questions naming the village, which stay questions. Then the
messages of the blind set 19l the round was made from (after its blind figure was taken), so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    ("new", "你好 埔心村 陈桂芳 👍", "register"),
    ("new", "本人陈桂芳，埔心村三组，想绑定", "register"),
    ("new", "埔心村四队 黄金水 请帮我登记", "register"),
    ("new", "我系黄金水 埔心村人 唔该晒", "register"),
    ("new", "你好！我叫罗月娥。埔心村的。谢谢", "register"),
    ("new", "埔心村村民 钟亚妹 🙏🙏", "register"),
    ("new", "张伟强 埔心村 刚关注 要做什么", "register"),
    ("new", "阿婆叫李二妹 埔心村嘅 孙女帮佢打字", "register"),
]
# round 48 mended the one left ('阿婆叫李二妹 埔心村嘅 孙女帮佢打字': who one is, 阿婆, said before the name's words)
LEFT: dict[str, str] = {}
QUESTION = {"register"}
CONTROLS = [
    ("new", "埔心村 今年 种几多树", QUESTION),
    ("new", "我是埔心村的 桂花几时种", QUESTION),
    ("new", "埔心村 植树活动 几时开始", QUESTION),
    ("new", "你好 请问埔心村 书记是谁", QUESTION),
]
FIXED_19L = [
    ("new", "埔心村 李淑贞 🙏 绑定", "register"),
    ("new", "我叫黄志强，石角镇埔心村人，帮我登记一下身份", "register"),
    ("new", "我姓何 叫何福生 埔心村五队的 孙仔话要先报上名字村名 就系呢个了", "register"),
    ("new", "𠊎系埔心村个刘美兰 村委话关注咗要报下名同村名绑定", "register"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_34_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_34_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19L, {}))
def test_round_34_fixed_19l_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
