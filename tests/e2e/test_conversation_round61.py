"""Round 61 of issue 17 §5, through signed pushes: sets 20m and 20n's misses read by class, and the previous session's
simulator trials. Each class's own examples (not the probes' words) and controls were written before its mend and run
on the untouched branch first; the probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- case 1: the adoptable trees asked in the passive (有咩树可以畀人认养: by people) or in one's capacity
# (以党员身份认养一棵): the village's list, never a ticket --------------------------------------------------------------
EXAMPLES_ADOPT_ASIDE = [
    ("member", "我们村有什么树可以让人认种", "adopt"),
    ("cadre", "本村有冇树可以畀村民认养", "adopt"),
    ("party", "我想以党员身份认养一棵荔枝", "adopt"),
    ("party", "我想用党员嘅身份认种一棵桂花", "adopt"),
    ("member", "我想以村民身份认养棵龙眼", "adopt"),
]
CONTROLS_ADOPT_ASIDE = [
    ("member", "认养的树死了谁负责", "question"),
    ("party", "我想以党员身份种三棵桂花", "planting"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_ADOPT_ASIDE, *CONTROLS_ADOPT_ASIDE], {}))
def test_round_61_adoption_asked_aside(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 2: where the care zones are, then whether one may choose (责任区喺边 有冇得揀): the list, to choose from ----------
EXAMPLES_ZONE_WHERE_CHOOSE = [
    ("party", "责任区在哪里 可不可以自己选", "zone"),
    ("party", "管护区喺边度 有冇得揀", "zone"),
    ("cadre", "党员责任区在什么地方 能不能挑", "zone"),
]
CONTROLS_ZONE_WHERE_CHOOSE = [
    ("party", "责任区怎么管护", "question"),
    ("member", "桂花在哪里买 有没有得选", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_ZONE_WHERE_CHOOSE, *CONTROLS_ZONE_WHERE_CHOOSE], {})
)
def test_round_61_zones_where_and_choose(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 3: whether one must have the reminders asked, then not wanted (党员都要收提醒咩 唔想收): reminders off ----------
EXAMPLES_REMINDERS_ASKED_REFUSED = [
    ("party", "干部也要收通知吗 不想收了", "unsubscribe"),
    ("member", "每个人都要收提醒咩 我唔想要", "unsubscribe"),
    ("party", "一定要收这些消息吗 我不想收", "unsubscribe"),
]
CONTROLS_REMINDERS_ASKED_REFUSED = [
    ("party", "党员都要收提醒吗", "question"),
    ("member", "提醒几时发", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of([*EXAMPLES_REMINDERS_ASKED_REFUSED, *CONTROLS_REMINDERS_ASKED_REFUSED], {}),
)
def test_round_61_reminders_asked_then_refused(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 4: what one may use the bot for, the role first and the bot after the verb (党员可以用呢个做啲咩): the help ----
EXAMPLES_WHAT_I_MAY_USE_IT_FOR = [
    ("party", "党员能用这个号做啲乜", "help"),
    ("party", "党员可以用呢个公众号做什么", "help"),
    ("cadre", "干部可以用呢个做些什么", "help"),
]
CONTROLS_WHAT_I_MAY_USE_IT_FOR = [
    ("party", "党员要种几棵树", "question"),
    ("member", "可以用石灰做什么", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of([*EXAMPLES_WHAT_I_MAY_USE_IT_FOR, *CONTROLS_WHAT_I_MAY_USE_IT_FOR], {}),
)
def test_round_61_what_the_bot_is_for_by_role(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
