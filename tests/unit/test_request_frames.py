"""Issue 17 §5: the request frame (bot/request_frames.py, messages/request_frames.toml): a duty's request read as who ×
act × object, the wrappers around it (politeness, fillers, particles, a may-I question) left out. Examples, then
properties: wrappers around a frame do not change it; a negation before the act flips it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import nlu, request_frames
from bot.request_frames import Frame


def frame(text: str) -> Frame:
    return request_frames.read(nlu.normalize(text))


@pytest.mark.parametrize(
    ("text", "who", "act", "obj", "negated"),
    [
        ("我哋村有冇植树活动啊 我想去", "self", "join", "planting_day", False),  # 22b
        ("每日都发好烦啊 唔想收", "", "receive", "reminders", True),  # 22a: the sending complained of
        ("石岗片同长塘片有边个党员认领咗", "asked", "take_on", "zone", False),  # 22a
        ("帮佢认领先", "other", "take_on", "", False),  # 22b's second clause
        ("我唔想参加啦", "self", "join", "", True),
        ("帮我删除我的资料吧", "self", "delete", "data", False),
        ("我有冇植树活动", "", "", "", False),  # no act: no request, nothing read
    ],
)
def test_the_frame_read(text, who, act, obj, negated):
    found = frame(text)
    assert (found.who, found.act, found.object, found.negated) == (who, act, obj, negated)


def test_the_amount_and_month_read():
    found = frame("刘婶话佢屋企四月会种两棵龙眼 帮佢认领先")
    assert (found.amount, found.month, found.act, found.who) == (2, 4, "take_on", "other")


@pytest.mark.parametrize(
    ("text", "duty", "meant"),
    [
        ("我哋村有冇植树活动啊 我想去", request_frames.joins_the_day, True),
        ("今年有冇植树日啊 我想去帮手", request_frames.joins_the_day, True),  # frames74's own, written before
        ("我们村有没有植树活动啊", request_frames.joins_the_day, False),  # control: only asked
        ("种树活动要带什么去", request_frames.joins_the_day, False),  # control: what to bring
        ("我唔想参加明天嘅活动", request_frames.joins_the_day, False),  # control: declined
        ("每日都发好烦啊 唔想收", request_frames.stops_the_reminders, True),
        ("你们每天发这么多 好烦 不想收了", request_frames.stops_the_reminders, True),  # frames74's own
        ("每日都要淋水好烦啊", request_frames.stops_the_reminders, False),  # control: a chore complained of
        ("每日都发好烦啊 但系有用 继续发啦", request_frames.stops_the_reminders, False),  # control: go on
        ("石岗片同长塘片有边个党员认领咗", request_frames.zone_holders_asked, True),
        ("我想认领石岗片", request_frames.zone_holders_asked, False),  # control: one's own claim
        # frames75: round 31's zone frames (bot/nlu.py FRAMES) moved here
        (
            "可不可以分一块责任区给我",
            request_frames.takes_on_a_zone,
            True,
        ),  # a may-I before the act is the request's own
        ("党员责任区帮我留一块", request_frames.takes_on_a_zone, True),
        ("管护区我都要一块", request_frames.takes_on_a_zone, True),  # no care round inside 管护区
        ("党建林那边的责任区分一块给我吧 我负责浇水", request_frames.takes_on_a_zone, True),  # what it is for after it
        ("我老公想认领责任区", request_frames.takes_on_a_zone, False),  # control: a relative's wish
        ("责任区几时分 谁负责", request_frames.takes_on_a_zone, False),  # control: asked
        # frames75: round 53's and 82's reminders wanted back (nlu._SLIP_THEN_BACK_RE, _AFTER_ALL_BACK_RE) moved here
        ("搞错咗 我要返提醒", request_frames.reminders_back, True),  # a slip, the reminders wanted said of themselves
        ("唔好意思 我仲要提醒", request_frames.reminders_back, True),  # a sorry
        ("都系收返通知好", request_frames.reminders_back, True),  # after all, better so
        ("算了还是提醒我吧", request_frames.reminders_back, True),  # reminding asked
        ("我要提醒", request_frames.reminders_back, False),  # control: nothing said of before
        ("都系唔收通知好", request_frames.reminders_back, False),  # control: not received, after all
        ("我老公还是想收提醒", request_frames.reminders_back, False),  # control: a relative's wish
        ("搞错了 还要提醒吗", request_frames.reminders_back, False),  # control: asked
        ("帮佢认领先", request_frames.taken_on_for_them, True),
        ("帮佢登记个认领", request_frames.taken_on_for_them, True),
        ("帮佢认领责任区", request_frames.taken_on_for_them, False),  # control: a zone, no pledge
        ("我想注销", request_frames.leaving, True),
        ("删除我的资料", request_frames.leaving, True),
        ("我唔想参加啦", request_frames.leaving, True),
        ("我要退出", request_frames.leaving, True),
        ("我唔想参加明天嘅活动", request_frames.leaving, False),  # control: a day declined
        ("我要退出群聊", request_frames.leaving, False),  # control: something else left
        ("我想注销吗", request_frames.leaving, False),  # control: asked
    ],
)
def test_what_a_duty_reader_asks_of_the_frame(text, duty, meant):
    assert duty(frame(text)) is meant


# --- properties ----------------------------------------------------------------------------------------------------
# Requests said whole, each with the frame it reads as
REQUESTS = ["我想参加种树活动", "我要认领责任区", "我想收通知", "我要退出", "我想认领", "我想去种树日"]
POLITE = ["", "麻烦你", "唔该", "请", "你好", "嗯"]
AFTER = ["", "啊", "啦", "吧", "呀", "喇", "可唔可以", "得唔得", "行不行", "可以吗", "好吗"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(REQUESTS), st.sampled_from(POLITE), st.sampled_from(AFTER), st.sampled_from(["", " ", "，"]))
def test_wrappers_around_a_frame_do_not_change_it(request, before, after, space):
    bare = frame(request)
    wrapped = frame(f"{before}{space}{request}{after}")
    assert (wrapped.who, wrapped.act, wrapped.object, wrapped.negated, wrapped.asked) == (
        bare.who,
        bare.act,
        bare.object,
        bare.negated,
        bare.asked,
    )


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(REQUESTS), st.sampled_from(["唔", "不", "别"]), st.sampled_from(POLITE))
def test_a_negation_flips_the_frame(request, negation, before):
    bare = frame(request)
    wish = next(word for word in ("想", "要") if word in request)
    negated = frame(before + request.replace(wish, negation + wish, 1))
    assert (negated.act, negated.object) == (bare.act, bare.object)
    assert negated.negated is not bare.negated


# --- frames75: the pauses the sender made -------------------------------------------------------------------------
# The readers are given the text as sent too (nlu.clause_marked): a clause ends where the sender paused, which
# normalising had dropped ('责任区有人管 我想认领一块' had read as one clause asking who holds it)
@pytest.mark.parametrize(
    ("said", "marked"),
    [
        ("责任区有人管 我想认领一块", "责任区有人管，我想认领一块"),
        # fillers and particles left out: still found
        ("嗯 我哋支部分片管树，哪块我可以揽啊", "我们支部分片管树，哪块我可以揽"),
        ("我想认领责任区", "我想认领责任区"),  # one clause: as it is
    ],
)
def test_the_pauses_put_back(said, marked):
    from handlers.core import _meaning

    assert nlu.clause_marked(_meaning(said), said) == marked


def test_the_pauses_put_back_only_where_the_text_is_read_from_what_was_sent():
    assert nlu.clause_marked("我想认领责任区", "责任区有人管 我想认领一块") == "我想认领责任区"  # unrelated: as it is
    assert nlu.clause_marked("认领一块", "责任区有人管 我想认领一块") == "认领一块"  # a part within one piece
    assert nlu.clause_marked("有人管我想认领", "责任区有人管 我想认领一块") == "有人管，我想认领"  # a part across one


# frames75's own, written before the change: (as sent, reader, before (the pauses lost), after)
PAUSED = [
    ("我们支部分片管树 哪块我可以揽", nlu.zone_taken_on_said, False, True),  # a where-may question cut by a lost space
    ("支部分片管树 边块我都可以认领", nlu.zone_taken_on_said, False, True),  # the same, Cantonese 边块
    ("责任区有人管 我想认领一块", nlu.zone_taken_on_said, False, True),  # who holds, then one's own wish
    ("听讲有人认领咗 我都想认领责任区", nlu.zone_taken_on_said, False, True),
    ("唔想收通知 我想认领责任区", nlu.zone_taken_on_said, False, True),  # the reminders declined, then a zone wished
    # controls: the same words, nothing more wished
    ("责任区有人管 我唔想认领", nlu.zone_taken_on_said, False, False),  # declined
    ("我想认领责任区 边个负责", nlu.zone_taken_on_said, False, False),  # who is in charge, asked last
    ("我们支部分片管树", nlu.zone_taken_on_said, False, False),  # told only
    # controls of the reading by clauses: a question after the request asks of it; cannot after the act negates it
    ("植树日我想去帮手 要带什么", nlu.joining_said, False, False),
    ("植树活动几时 我去唔到", nlu.joining_said, False, False),
    ("今年有冇植树日啊 我想去帮手", nlu.joining_said, True, True),
]


@pytest.mark.parametrize(("said", "reader", "before", "after"), PAUSED)
def test_a_frame_read_where_the_sender_paused(said, reader, before, after):
    norm = nlu.normalize(said)
    assert (reader(norm), reader(norm, said)) == (before, after)


def test_the_last_request_read_after_a_pause():
    # '我要退出 唔系 我想继续收通知': the leaving taken back, the reminders wanted (read as leaving the reminders before)
    said = "我要退出 唔系 我想继续收通知"
    found = nlu.request_frame(nlu.normalize(said), said)
    assert (found.act, found.object, found.negated) == ("receive", "reminders", False)
    assert frame(said).act == "leave"  # the pauses lost


# frames76: who holds several, the sender among them ('我和老婆都想参加' had read as the sender alone, '阿妈和我…' as the
# mother alone), or the sender alone or someone else alone
@pytest.mark.parametrize(
    ("text", "who", "others"),
    [
        ("我和老婆都想参加", "self", True),
        ("阿妈同我一齐去参加植树节", "self", True),
        ("我们两个都想报名种树活动", "self", True),
        ("我想参加种树活动", "self", False),
        ("我老婆想参加种树活动", "other", False),
        ("老婆和仔都想去", "other", False),  # neither is the sender
        ("帮我老公报个名", "other", False),  # for one's husband: 帮我 then 我老公
    ],
)
def test_who_holds_the_sender_with_others(text, who, others):
    found = frame(text)
    assert (found.who, found.others) == (who, others)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("我不想退订", [(1, 5)]),  # the lead, fifty-first session
        ("唔好取消提醒", [(0, 6)]),  # 唔好 is normalised 不要
        ("别再关通知", [(0, 5)]),
        ("不用退", [(0, 3)]),
        ("我想退订", []),  # a stop, not refused
        ("提醒唔好停咗佢", []),  # 停 refused is the frame's (stopping_refused), not the words'
    ],
)
def test_the_stopping_refused_by_its_own_words(text, spans):
    """Tidy87: one module reads the stopping refused (nlu's reader of it moved here, beside the frame's)."""
    assert request_frames.stopping_refused_at(nlu.normalize(text)) == spans
