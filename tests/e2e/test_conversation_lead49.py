"""The lead, forty-ninth session (issue 17 §5), through signed pushes: the wish to unsubscribe said plainly (`我想退订`,
`我要退订`; set 22n's `唔该 我想退订` in a ticket's window) is the command. Round 64 had noted `我要退订` missed (the FAQ
told how: 发“退订”…), and in a ticket's window it became the question's 补充. Written and run before the readers
changed, in words other than 22n's: 2 of 11 examples on integ (我想取消提醒 and 唔该 我要取消提醒 already were), controls
5/5; after, 11 of 11 and 5/5 (``asked_for.reminders_meant``: the wish 想退订 or 要退订 names the reminders; bot.unsubscribe joins the usage entries a ticket's
window answers, ``handlers/escalation.USAGE_ENTRIES``)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

EXAMPLES = [
    ("member", "我想退订", "unsubscribe"),
    ("member", "我要退订", "unsubscribe"),
    ("member", "想退订", "unsubscribe"),
    ("member", "我想退订了", "unsubscribe"),
    ("party", "我要退订啊", "unsubscribe"),
    ("member", "唔该 我想退订", "unsubscribe"),
    ("ticket", "我想退订", "unsubscribe"),
    ("ticket", "我要退订", "unsubscribe"),
    ("ticket", "唔该 我想退订", "unsubscribe"),
    ("ticket", "唔该 我要取消提醒", "unsubscribe"),
    ("member", "我想取消提醒", "unsubscribe"),
    # controls: how asked, the expert's answers asked after, a detail of the ticket's tree, switched on again
    ("member", "怎么退订", "how"),
    ("member", "我想问下退订之后还能收到专家回复吗", "question"),
    ("ticket", "退订之后专家仲会唔会回复我", "question"),
    ("ticket", "我每日都有淋水 啲叶仲系黄", "supplement"),
    ("member", "我退订了还想订阅返", "resubscribe"),
    ("member", "村长话退订嘅人要再登记", "question"),  # lead48's control: others told of, no wish (caught by its run)
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, {}))
def test_the_wish_to_unsubscribe_is_the_command(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# An unsubscribe taken back with the unsubscribing refused (22n '退订 || 我讲错咗 唔好退订' had switched the reminders OFF
# again: 已关闭提醒), a slip said with 我/头先 before it: written and run before the refused of ``nlu._STOP_TAKEN_BACK_RE``: 0 of 7 on integ,
# controls 1/1 (the three after it written with the change); after, 7 of 7 and 4/4.
TAKEN_BACK = [
    ("twice", "退订 || 头先讲错咗 唔好退订住", "resubscribe"),
    ("twice", "退订 || 我按错了 不要退订", "resubscribe"),
    ("twice", "退订 || 说错了，不要退订", "resubscribe"),
    ("twice", "退订 || 我撳错咗 唔使退订", "resubscribe"),
    ("twice", "退订 || 我讲错咗 继续发啦", "resubscribe"),
    ("twice", "退订 || 都系唔好退订啦", "resubscribe"),
    ("member", "我讲错咗 唔好退订", "resubscribe"),
    # controls: the stop confirmed after a slip, the stop said again, how asked
    ("twice", "退订 || 讲错咗 系要退订", "unsubscribe"),
    ("twice", "退订 || 唔好再发啦", "unsubscribe"),
    ("member", "不要再发了 退订", "unsubscribe"),
    ("member", "怎么取消提醒", "how"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(TAKEN_BACK, {}))
def test_the_unsubscribing_refused_takes_it_back(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
