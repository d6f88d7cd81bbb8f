"""Round 72 of issue 17 §5, through signed pushes: the strict misses left in sets 21c, 21f, 21g and 21h read by class.
Each class's held-out cases (new sentences of the class, not the probes' words) and controls were written before the
mends and run on the untouched branch first; the figures are in the README's round 72 notes. The probes themselves are
in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- an adviser's 待办 asked of one village by its name: that village's questions ------------------------------------
EXAMPLES_QUEUE_OF_VILLAGE = [
    ("adviser", "看下埔心村嘅问题", "queue"),
    ("adviser", "查下埔心村的提问", "queue"),
    ("adviser", "睇睇埔心村啲问题", "queue"),
]
CONTROLS_QUEUE_OF_VILLAGE = [
    ("member", "看下埔心村嘅问题", "question"),  # a villager: never the queue
]

# -- a bare call or greeting from a follower not registered yet: what the bot can do ---------------------------------
EXAMPLES_HELLO_NEW = [
    ("new", "你好", "help"),
    ("new", "在吗", "help"),
    ("new", "喂 有冇人", "help"),
]

# -- a bare acknowledgement while a record waits: what it still needs --------------------------------------------------
EXAMPLES_ACK_WAITING = [
    ("after_photo", "哦", "how"),
    ("after_photo", "好的", "how"),
    ("after_photo", "嗯嗯", "how"),
    ("pending", "嗯", "how"),
]

# -- 问专家 with the open ticket's own question again: the one ticket -------------------------------------------------
EXAMPLES_ASKED_AGAIN = [
    ("ticket", "问专家：我家桂花叶子发黄还掉叶是怎么回事？", "supplement"),
    ("twice", "问专家 荔枝叶有黑点 || 问专家 荔枝叶有黑点", "supplement"),
    ("twice", "问专家 龙眼苗叶子卷起来了 || 问专家 龙眼苗叶子卷起来了", "supplement"),
]

# -- in a ticket's window, a general question naming the ticket's tree beside another: its own question -----------------
EXAMPLES_OTHER_TREE_BESIDE = [
    ("ticket", "龙眼可唔可以同桂花种喺隔篱", "new"),
    ("ticket", "桂花同荔枝种埋一齐得唔得", "new"),
    ("ticket", "桂花旁边可以种杨梅吗", "new"),
]
CONTROLS_OTHER_TREE_BESIDE = [
    ("ticket", "隔篱嗰棵桂花都系咁", "supplement"),
]

# -- whether the record just finished meets the quota: the progress -------------------------------------------------
EXAMPLES_QUOTA_MET = [
    ("finished", "搞掂 任务完成咗未", "progress"),
    ("finished", "咁算唔算完成任务", "progress"),
    ("finished", "我嘅任务达标未", "progress"),
]

# -- joining the planting day with a question in the same breath: the join ------------------------------------------
EXAMPLES_JOIN_AND_ASK = [
    ("member", "礼拜日植树活动我都去 使唔使带工具", "join"),
    ("member", "星期六种树算我一个 要带铲吗", "join"),
    ("party", "植树活动我报名参加 几点集合", "join"),
]

# -- an adviser's 签到 with its note corrected in the same message: the visit --------------------------------------------
EXAMPLES_SIGN_IN_CORRECTED = [
    ("adviser", "签到 埔心村 不对 写错了 是埔心村北边荔枝园", "sign_in"),
    ("adviser", "签倒 写错咗 系埔心村果场", "sign_in"),
    ("adviser", "打卡 埔心村 唔系 系埔心村村委", "sign_in"),
]

# -- after a photo: the trees, then one of them in trouble asked about; or the tree insisted on: the record ------------
EXAMPLES_TREES_THEN_ONE_TROUBLED = [
    ("after_photo", "三棵龙眼 有一棵断咗 仲救唔救得", "planting"),
    ("after_photo", "两棵桂花 其中一棵叶黄咗 点算", "planting"),
]
EXAMPLES_TREE_INSISTED = [
    ("after_photo", "睇唔出咩 系龙眼嚟㗎 三棵", "planting"),
    ("after_photo", "你认唔出咩 桂花嚟嘅 一棵", "planting"),
]

# -- a planting for later: a pledge, never a record now --------------------------------------------------------------
EXAMPLES_PLAN_LATER = [
    ("member", "下个月再种三棵荔枝", "pledge"),
    ("member", "下礼拜打算种两棵龙眼", "pledge"),
]

# written while mending (after the first run): the trouble of one of trees planted today, and of trees planted long ago
EXAMPLES_WRITTEN_WHILE_MENDING = [
    ("member", "今日种咗三棵桂花 有一棵断咗 救唔救得返", "planting"),
    ("member", "旧年种咗两棵荔枝 有一棵生虫 点算", "question"),  # trees standing: a question, no record
    ("after_photo", "嗯 龙眼 两棵 其中一棵歪咗 要唔要扶", "planting"),
    ("member", "报名参加植树活动要带咩", "question"),  # no going said: the question alone
]

# -- news of the planting day told, in a ticket's window or not: the day as the bot knows it (written last) -------------
EXAMPLES_DAY_NEWS = [
    ("ticket", "听讲村里礼拜六种树", "new"),
    ("ticket", "书记讲星期六集合种树", "new"),
    ("member", "村里通知礼拜日去种树", "question"),
]
CONTROLS_DAY_NEWS = [
    ("ticket", "隔篱屋嗰棵桂花都系咁", "supplement"),
]

ALL = [
    *EXAMPLES_QUEUE_OF_VILLAGE,
    *CONTROLS_QUEUE_OF_VILLAGE,
    *EXAMPLES_HELLO_NEW,
    *EXAMPLES_ACK_WAITING,
    *EXAMPLES_ASKED_AGAIN,
    *EXAMPLES_OTHER_TREE_BESIDE,
    *CONTROLS_OTHER_TREE_BESIDE,
    *EXAMPLES_QUOTA_MET,
    *EXAMPLES_JOIN_AND_ASK,
    *EXAMPLES_SIGN_IN_CORRECTED,
    *EXAMPLES_TREES_THEN_ONE_TROUBLED,
    *EXAMPLES_TREE_INSISTED,
    *EXAMPLES_PLAN_LATER,
    *EXAMPLES_WRITTEN_WHILE_MENDING,
    *EXAMPLES_DAY_NEWS,
    *CONTROLS_DAY_NEWS,
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, {}))
def test_round_72(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _replies(probe, openid: str) -> list[str]:  # noqa: F811
    return [r["reply"] for r in probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id", [openid])]


def test_a_yes_to_the_guessed_tree_takes_the_guess(probe):  # noqa: F811
    """'种咗三棵狮子' is asked 'if it is 柿子…'; a yes said right after takes the guess (the record's tree), never the
    question again; a yes after something else in between is no answer to it."""
    for yes in ("系", "啱", "系呀", "对"):
        probe.count += 1
        openid = f"o-probe-{probe.count}"
        user = probe.member(openid)
        user.says("种咗三棵狮子")
        asked = _replies(probe, openid)[-1]
        assert "柿" in asked, asked
        user.says(yes)
        (record,) = probe.rows("SELECT species, count FROM plantings WHERE openid = ?", [openid])
        assert (record["species"], record["count"]) == ("柿", 3), (yes, record, _replies(probe, openid)[-1])
        assert "柿" in _replies(probe, openid)[-1] and "没认出" not in _replies(probe, openid)[-1]

    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid)
    user.says("种咗三棵狮子")
    user.says("桂花几时种")  # something else in between
    user.says("系")
    (record,) = probe.rows("SELECT species FROM plantings WHERE openid = ?", [openid])
    assert record["species"] != "柿"


def test_the_queue_of_a_named_village_lists_its_questions_only(probe):  # noqa: F811
    """An adviser's 待办 asked of one village ('睇下埔心村啲问题') lists that village's open questions."""
    probe.count += 1
    probe.member(f"o-probe-{probe.count}", "技术顾问")  # the village has an adviser (this test may run first)
    probe.run("member", "问专家 我家龙眼叶子有白点", "question")
    (ticket,) = probe.rows("SELECT adviser_person_id FROM tickets WHERE openid = ?", [f"o-probe-{probe.count}"])
    (held_by,) = probe.rows("SELECT openid FROM people WHERE id = ?", [ticket["adviser_person_id"]])
    reply = probe.user(held_by["openid"]).says("睇下埔心村啲问题") or ""
    assert "埔心村" in reply and "龙眼叶子有白点" in reply, reply


def test_what_to_bring_asked_after_joining_is_answered_after_the_join(probe):  # noqa: F811
    """'星期六种树算我一个 要带铲吗': the join's own reply (no day open here: how to check in on the day), then the FAQ's
    answer to what to bring; joining said alone gets the join's reply alone."""
    probe.run("member", "礼拜日植树活动我都去 使唔使带工具", "join")
    reply = _replies(probe, f"o-probe-{probe.count}")[-1]
    none_open = probe.bot.t("events.none_open").strip()
    assert reply.startswith(none_open) and len(reply.strip()) > len(none_open) + 10, reply
    probe.run("member", "礼拜日植树活动我都去", "join")
    assert _replies(probe, f"o-probe-{probe.count}")[-1].strip() == none_open


def test_a_sign_in_note_corrected_as_it_is_said_keeps_the_correction(probe):  # noqa: F811
    """'签倒 埔心村 唔系 写错 系埔心村北边荔枝园' (签到 typed by its sound, the note corrected in the same breath): the visit,
    its note the words after the correction; 打卡 with a note is an adviser's 签到 too."""
    from tests.conftest import PUXIN

    for said, note in (
        ("签倒 埔心村 唔系 写错 系埔心村北边荔枝园", "埔心村北边荔枝园"),
        ("打卡 石岗 不对 是埔心村村委", "埔心村村委"),
    ):
        probe.count += 1
        openid = f"o-probe-{probe.count}"
        adviser = probe.member(openid, "技术顾问")
        adviser.says(said)
        adviser.sends_location(PUXIN["lat"], PUXIN["lng"])
        assert [v["note"] for v in probe.rows("SELECT note FROM visits WHERE openid = ?", [openid])] == [note]


def test_news_of_the_planting_day_is_the_day_not_a_ticket(probe):  # noqa: F811
    """'村委话系下礼拜三种树' from a villager with no question open: the planting day as the bot knows it (none set yet
    here), no ticket opened."""
    probe.run("member", "村委话系下礼拜三种树", "question")
    openid = f"o-probe-{probe.count}"
    assert probe.last_handler(openid) == "event_asked"
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
