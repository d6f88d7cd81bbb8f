"""The 通报 asked in chat, without the webhook: bot/nlu.py ``report_asked`` (which month's line a text asks for, and the
texts about the 通报's rules it leaves to the FAQ), bot/reports.py ``asked_month`` and ``next_release`` (from config)."""

from __future__ import annotations

import pytest

from bot import config as config_mod
from bot import nlu, reports
from tests.conftest import ROOT, at

ASKED = [
    ("本月通报出来没有？", ("latest", 0)),
    ("我们村这个月通报排第几", ("latest", 0)),
    ("上个月通报说我们村怎么样", ("back", 1)),
    ("呢個月通報出咗未", ("latest", 0)),  # Cantonese, traditional characters
    ("咱村通報排第幾", ("latest", 0)),
    ("通报", ("latest", 0)),
    ("最新的通报给我看看", ("latest", 0)),
    ("我们村被通报了没有", ("latest", 0)),
    ("上月通报", ("back", 1)),
    ("上上个月通报", ("back", 2)),
    ("3月份的通报", ("month", 3)),
    ("三月通报我们村排第几", ("month", 3)),
    ("十二月通报", ("month", 12)),
    ("通报排名多少", ("latest", 0)),
    ("2027年03月通报", ("month", 3)),
]

NOT_ASKED = [
    "进度落后会被通报吗",  # the rule: the FAQ's supervision entry
    "会不会被通报滞后",
    "我们村这个月通报会不会滞后 报上去多少亩了",
    "听讲落后要通报 我哋村落后未",
    "通报是什么意思",
    "连续两个月被通报会有什么后果",
    "进度怎么通报",
    "镇里会不会通报各村进度",
    "我们村上个月被通报了 能不能申诉",  # a dispute: a ticket
    "为什么我们村被通报了",
    "我们村去年是不是被通报了",
    "通报一下大家明天种树",  # 通报 as telling
    "我们村今年人手不够，种树进度比别的村慢一些，书记很担心，进度慢的村要提前准备什么通报",  # a story
    "我们村这个月进度怎么样",  # no 通报: 本村进度
    "3月种什么树好",
    # the standing or figures now, the 通报 beside them: 本村进度
    "我们村排第几名啊 上个月听说被通报了",
    "我哋条村排第几啊 有冇畀人通报",
    "本月通报我们村是不是滞后了 核实的亩数多少",
]


@pytest.mark.parametrize(("text", "asked"), ASKED)
def test_report_asked_reads_the_month(text, asked):
    assert nlu.report_asked(nlu.normalize(text)) == asked


@pytest.mark.parametrize("text", NOT_ASKED)
def test_report_asked_leaves_the_rules_disputes_and_stories(text):
    assert nlu.report_asked(nlu.normalize(text)) is None


@pytest.fixture
def settings():
    return config_mod.load(ROOT / "config.toml", env={}).with_overrides({"campaign.year": 2027})


def test_asked_month_latest_and_last_are_the_month_before_named_months_are_the_campaigns(settings):
    now = at("2027-03-05T10:00")
    assert reports.asked_month(settings, now, ("latest", 0)) == (2027, 2)
    assert reports.asked_month(settings, now, ("back", 1)) == (2027, 2)
    assert reports.asked_month(settings, now, ("back", 2)) == (2027, 1)
    assert reports.asked_month(settings, at("2027-01-05T10:00"), ("back", 1)) == (2026, 12)
    assert reports.asked_month(settings, now, ("month", 11)) == (2027, 11)


def test_next_release_is_the_first_campaign_month_due_after_now(settings):
    assert reports.next_release(settings, at("2027-01-20T10:00")) == (2027, 1, at("2027-02-01T08:00"))
    assert reports.next_release(settings, at("2027-02-01T08:00")) == (2027, 2, at("2027-03-01T08:00"))
    later = settings.with_overrides({"reports.monthly_day": 31, "reminders.quiet_hours": ["22:00", "07:00"]})
    # the 31st of a February is its last day
    assert reports.next_release(later, at("2027-02-20T10:00")) == (2027, 1, at("2027-02-28T07:00"))
    assert reports.next_release(settings, at("2028-01-01T09:00")) is None  # December's was the last
