"""Round 84 of issue 17 §5, through signed pushes: the misses of sets 22a and 22b read by class. Each class's held-out
cases (new sentences of the class, not the probes' words) and controls were written before the mends and run on main
first (579fc2a). The probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- a registration run on as voice input writes it: a greeting, the wish (想登记, 想报名, 用呢个) and the introduction
# with no pause ('你好我系埔心村村民李水娣想报名用呢个'): registered ---------------------------------------------------
EXAMPLES_RUN_ON_REGISTRATION = [
    ("new", "你好呀我想报个名我系埔心村嘅黄德胜", "register"),  # main: chitchat
    ("new", "哈喽我想登记下我叫钟亚妹系埔心村嘅", "register"),  # main: a ticket
    ("new", "你好我系埔心村村民叶春兰想用呢个登记", "register"),  # main: a ticket
    ("new", "喂 你好 我系埔心村嘅村民 叫罗桂芳 想用呢个报名", "register"),  # passed on main
    ("new", "你好 我叫温国强 埔心村村民 想登记一下", "register"),  # passed on main
]

# -- the village the registration asked for, sent by a registered sender who gave another name ('登记 陈秀英' then
# '埔心村'): the registration's answer, not 'already registered' ------------------------------------------------------
EXAMPLES_VILLAGE_AFTER_THE_PROMPT = [
    ("twice", "登记 罗桂芳 || 埔心", "register"),  # main: own_words
    ("twice", "我要登记 黄德胜 || 埔心村", "register"),  # main: own_words
    ("twice", "登记 温国强 || 埔心村啊", "register"),  # main: registered, the harness read the second message only
]

# -- where one is from, then who sent one to register ('佢叫我嚟登记', Hakka '佢喊涯来登记'): the name asked, the village
# kept; never the name 佢喊涯来 ------------------------------------------------------------------------------------
EXAMPLES_SENT_TO_REGISTER = [
    ("new", "我系埔心村嘅 佢叫我嚟登记", "register"),  # main: chitchat
    ("new", "涯系埔心村个 村长喊涯来登记", "register"),  # passed on main
]

CONTROLS = [
    ("member", "你好我系埔心村嘅 想问下荔枝几时施肥", "question"),
    ("new", "你好呀我想问下桂花几时种", "question"),
    ("member", "我报名参加植树活动", "join"),
    ("new", "我想报名参加植树活动", "join"),
    ("new", "我系埔心村嘅 想登记", "register"),
    ("twice", "你好 || 我系埔心村罗美玲 登记", "register"),
]

ALL = [
    *EXAMPLES_RUN_ON_REGISTRATION,
    *EXAMPLES_VILLAGE_AFTER_THE_PROMPT,
    *EXAMPLES_SENT_TO_REGISTER,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_84(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _bound(probe) -> list[dict]:  # noqa: F811
    return probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid])


# -- who sent one to register is never the name: nobody bound, the name asked with the village kept ------------------
@pytest.mark.parametrize("message", ["涯系埔心村个 佢喊涯来登记", "我系埔心村嘅 佢叫我嚟登记"])
def test_who_sent_one_to_register_is_no_name(probe, message):  # noqa: F811
    assert probe.handler_for("new", message) == "register"
    assert _bound(probe) == []
    assert probe.asks_the_name_only(probe.openid)


# -- the village sent after 登记 <name> asked for it: bound to that name; the village said bare, already registered ----
def test_the_village_after_the_prompt_binds_the_name(probe):  # noqa: F811
    assert probe.run("twice", "登记 陈秀英 || 埔心村", "register") == ""
    assert _bound(probe) == [{"name": "陈秀英"}]


def test_the_own_village_said_bare_is_already_registered(probe):  # noqa: F811
    assert probe.handler_for("member", "埔心村") == "own_words"


# -- a name run on before 系 and the village ('我叫张伯华系埔心村嘅'): the name without 系 ------------------------------
def test_a_name_run_on_before_the_village_is_bound_without_xi(probe):  # noqa: F811
    assert probe.handler_for("new", "喂你好呀我想登记一下啊我叫张伯华系埔心村嘅") == "register"
    assert _bound(probe) == [{"name": "张伯华"}]
