"""Round 94's readers (issue 17 §5), as pure functions over normalised text; the conversations that use them are in
tests/e2e/test_conversation_round94.py."""

from __future__ import annotations

import pytest

from bot import nlu, planting, pledges, zones


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("退订咗仲会唔会有提醒", True),
        ("如果退订 仲会唔会发提醒俾我", True),
        ("取消订阅之后仲收唔收到提醒", True),
        ("退订之后系咪就冇提醒", True),
        ("退订 唔好再提醒我", False),  # the stop said
        ("退订", False),
        ("退订之后仲收唔收到专家回复", False),  # the adviser's answers: answers_after_switching_off_asked's
        ("上次退订了 后悔了 还是提醒我吧", False),  # 19m: on again, 还是 no question
        ("之前退订了 提醒还是给我开回来吧", False),  # 21r
    ],
)
def test_reminders_after_switching_off_asked(said, asked):
    assert nlu.reminders_after_switching_off_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "left"),
    [
        ("我想认领几棵树自己种 唔系认领责任区", "我想认领几棵树自己种"),
        ("唔系认领片区 系认领种树", "认领种树"),
        ("唔系责任区 我系想认领树苗自己种", "想认领树苗自己种"),
        ("唔系认领树 系认领责任区", None),  # the trees refused, the zones meant
        ("唔系种树 我想认领责任区", None),
        ("我唔系党员责任区嘅", None),  # no trees meant instead
    ],
)
def test_zones_refused(said, left):
    assert zones.zones_refused(said) == left


@pytest.mark.parametrize(
    ("said", "pledged"),
    [
        ("我想认领几棵树自己种", True),  # a few: the how-to asks the count
        ("认领几棵果树", True),
        ("党员要认领几棵树", False),  # the quota asked
        ("认领几棵树好", False),
    ],
)
def test_a_few_trees_wished_is_a_pledge_without_count(said, pledged):
    parsed = pledges.parse(said, {})
    assert (parsed is not None) is pledged
    assert parsed is None or not parsed.count


_ZONES = ["石岗片", "长塘片"]


@pytest.mark.parametrize(
    ("said", "zone"),
    [
        ("石岗片我嚟管 帮我登记落去", "石岗片"),
        ("长塘片我嚟睇住 帮我记低", "长塘片"),
        ("长塘片我包咗 帮我报上去", "长塘片"),
        ("石岗片我负责 点样报", "石岗片"),  # round 89's, kept
        ("石岗片边个管", None),  # who holds it asked
        ("长塘片我嚟管得唔得", None),  # whether one may, asked: the list
        ("石岗片我来管 帮我登记两棵龙眼", None),  # trees counted
    ],
)
def test_zone_taken_on_with_the_entry_asked(said, zone):
    assert zones.zone_named(nlu.normalize(said), _ZONES) == zone


@pytest.mark.parametrize(("said", "asked"), [("长塘片我嚟管得唔得", True), ("石岗片我嚟管", False)])
def test_whether_one_may_take_it_on_is_the_holders_asked(said, asked):
    assert zones.holders_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("刚才那个报上去了吗", True),
        ("头先嗰张报咗上去未", True),
        ("点解冇回复嘅 头先嗰两棵荔枝记咗未啊", True),
        ("咁耐都冇回复 啱啱嗰两棵记到未", True),
        ("嗯我上个礼拜报的那个三棵荔枝有没有记上去啊", True),  # 21s: 记上去 read as it is
        ("我报上去的树有几多棵", False),  # what one reported up, its count asked
        ("我的名记了没", False),  # one's name, no record
    ],
)
def test_gone_up_asked_just_after_a_record(said, asked):
    assert planting.recorded_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "retracted"),
    [
        ("头先嗰个删咗佢 报错咗", True),
        ("头先嗰个唔要啦 报错咗", True),
        ("我报错咗数 应该系三棵", False),  # a correction, not the record dropped
    ],
)
def test_reported_wrong_with_the_drop_is_a_retraction(said, retracted):
    assert nlu.retraction_said(nlu.normalize(said)) is retracted


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("睇下我收到嘅问题", True),
        ("睇下有咩问题问我", True),
        ("我收到咗几多条问题", True),
        ("有冇新问题俾我 睇下", True),
        ("我收到咗几多棵树苗", False),  # seedlings, no questions
        ("睇下我收到嘅荔枝问题", False),  # a tree's question
    ],
)
def test_the_questions_received_looked_at(said, asked):
    assert nlu.queue_asked(nlu.normalize(said), {"荔枝": "荔枝"}) is asked


@pytest.mark.parametrize(
    ("said", "asked", "award"),
    [
        ("获奖证书点样攞", True, True),
        ("评咗先进 荣誉证书点拎", True, True),
        ("获奖证书几时发俾我", True, True),
        ("我的证书", True, False),
        ("点先可以获奖", False, False),  # how to win: the awards' rules
        ("证书什么时候发", False, False),  # its issuing: the FAQ's
    ],
)
def test_an_awards_certificate_is_ones_certificates(said, asked, award):
    norm = nlu.normalize(said)
    assert nlu.certificate_asked(norm) is asked
    assert nlu.award_certificate_named(norm) is award


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("呢个系乜嘢嚟㗎", True),
        ("呢个系咩嚟嘅", True),
        ("呢个系做咩嘅", True),  # round 92's
        ("这个活动是什么", False),  # a thing named
        ("呢个系乜嘢树嚟㗎", False),  # a tree asked
    ],
)
def test_what_this_is_asked_alone(said, asked):
    assert nlu.account_purpose_asked(nlu.normalize(said)) is asked


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("责任区分咗俾我未", True),
        ("我有冇分到责任区", True),
        ("我分到边块责任区", True),
        ("俾我嘅责任区定咗未", True),
        ("责任区分咗俾边个", False),  # who holds them: the list (round 93)
        ("责任区点样认领", False),
    ],
)
def test_own_zone_asked(said, asked):
    assert zones.own_zone_asked(nlu.normalize(said)) is asked
