"""Round 63 of issue 17 §5, through signed pushes: sets 20q and 20r's misses read by class. Each class's own examples
(not the probes' words) and controls were written before its mend and run on the untouched branch first; the probes
themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- case 1: Hakka 涯 written for 我 (I) and 么个 for 什么 (what), read as meant where the readers of requests read the
# text (messages/typos.toml [characters], as 𠊎 since round 22), never by the FAQ's model; 天涯, 生涯 and 怎么个 keep
# their words ---------------------------------------------------------------------------------------------------------
EXAMPLES_HAKKA = [
    ("new", "涯系埔心村个 要登记一下", "register"),
    ("new", "涯想种三棵龙眼 点样登记", "log"),
    ("member", "涯嘅记录点解仲未审核", "progress"),
    ("after_photo", "下一步要做么个", "how"),
    ("pending", "呢条记录等紧么个", "how"),
    ("finished", "认养有么个树可以揀", "adopt"),
    ("cadre", "系统入面涯个名写错咗 点改", "rename"),
]
CONTROLS_HAKKA = [
    ("member", "涯种咗几多棵树了", "progress"),
    ("party", "证书 涯有冇", "certificate"),
    ("member", "桂花么个时候种好", "question"),
    ("member", "天涯海角都种得荔枝咩", "question"),
]
# of another class: written with 我/什么 they miss too (a 个 village and 要登记一下; a count with how to log); round 65:
# what a record waits for ('呢条记录等紧么个') is the record itself asked after, its next step (nlu.record_itself_asked)
LEFT_HAKKA = {
    message: "another class than 涯/么个: written with 我 or 什么 it misses too"
    for message in ()  # round 64 read all three ('…要登记一下', how to log with a count, what a record waits for)
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_HAKKA, *CONTROLS_HAKKA], LEFT_HAKKA))
def test_round_63_hakka(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 2: while a record waits for its photo, whether the photo is still a must asked with 还/仲 before it or Hakka 么
# (吗) after it: its next step; with no record, the FAQ's ----------------------------------------------------------------
EXAMPLES_PHOTO_STILL = [
    ("pending", "仲使唔使影相", "how"),
    ("pending", "还要拍照片吗", "how"),
    ("pending", "仲要发相咩", "how"),
    ("pending", "要拍张照么", "how"),
]
CONTROLS_PHOTO_STILL = [
    ("member", "还要拍照吗", "question"),
    ("pending", "还要种几棵", "progress"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_PHOTO_STILL, *CONTROLS_PHOTO_STILL], {})
)
def test_round_63_photo_still(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 3: the reminders wanted back said with 又要 and Cantonese 返 (again), or 订阅 with 提醒 named, from any role;
# the daily reminders not needed (唔需要, 不用): off ---------------------------------------------------------------------
EXAMPLES_REMINDERS = [
    ("finished", "又要番提醒啦", "resubscribe"),
    ("member", "又想要返个提醒", "resubscribe"),
    ("adviser", "订阅植树提醒", "resubscribe"),
    ("adviser", "我不需要每天的提醒", "unsubscribe"),
    ("party", "我唔使每日提醒", "unsubscribe"),
]
CONTROLS_REMINDERS = [
    ("member", "提醒几时发", "question"),
    ("member", "订阅", "resubscribe"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_REMINDERS, *CONTROLS_REMINDERS], {}))
def test_round_63_reminders(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
