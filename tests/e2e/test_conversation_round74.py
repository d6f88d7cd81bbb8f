"""Round 74 of issue 17 §5, through signed pushes: set 21l's misses read by class (elderly villagers by voice with a
question open or a record in progress). Each class's held-out cases (new sentences of the class, not the probes' words)
and controls were written before the mends and run on the untouched branch first. The probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- thanks just after 问专家, with the waiting said ('等你哋回复'): the one ticket, thanked back with its number -----
EXAMPLES_THANKS_WAITING = [
    ("twice", "问专家 龙眼叶卷晒 || 唔该晒 我等你哋消息", "one-ticket"),
    ("twice", "问专家 黄皮树流胶 || 谢谢 等专家回复", "one-ticket"),
    ("twice", "问专家 桃树叶有窿 || 好嘅 多谢 等你回复啊", "one-ticket"),
]

# -- a cause guessed or heard from someone, after 问专家: the one ticket ---------------------------------------------
EXAMPLES_GUESS_HEARD = [
    ("twice", "问专家 龙眼叶发黄 || 系咪缺水啊 最近都冇淋水", "one-ticket"),
    ("twice", "问专家 荔枝叶有白粉 || 隔篱阿叔话系白粉病 系咪啊", "one-ticket"),
    ("twice", "问专家 桃树啲叶卷起 || 我老公话系蚜虫 系唔系", "one-ticket"),
]

# -- a photo announced for the adviser in the question's window: its 补充, never a ticket of its own ------------------
EXAMPLES_PHOTO_ANNOUNCED = [
    ("ticket", "我拍咗张相俾专家睇", "supplement"),
    ("ticket", "等我影张相俾你哋睇下啲叶", "supplement"),
    ("ticket", "我发张照片给专家看看叶子", "supplement"),
]

# -- another question naming the ticket's tree beside another: its own ----------------------------------------------
EXAMPLES_OTHER_QUESTION = [
    ("ticket", "桂花旁边可以种柚子树吗", "new"),
    ("ticket", "桂花同杨梅可唔可以种喺一齐", "new"),
]
CONTROLS_OTHER_QUESTION = [
    ("ticket", "桂花啲叶仲有黑点", "supplement"),
]

# -- the record waiting for its photo, called off in words: cancelled -------------------------------------------------
EXAMPLES_CANCEL_SPOKEN = [
    ("pending", "唔记住啦 未种到", "cancel"),
    ("pending", "不用记了 还没种", "cancel"),
    ("pending", "唔好记录啦 棵树冇种成", "cancel"),
]

# -- the photo promised later (someone else takes it): the record waits, never a ticket --------------------------------
EXAMPLES_PHOTO_LATER = [
    ("pending", "等我个女返嚟先帮我影相", "how"),
    ("pending", "照片等下我孙子回来帮我拍", "how"),
    ("pending", "晏啲先影", "how"),
]

# -- a finished record's photo said sent wrong: its withdrawal asked --------------------------------------------------
EXAMPLES_WITHDRAW_PHOTO = [
    ("finished", "张相发错咗 唔要住", "cancel"),
    ("finished", "照片发错了 想撤回", "cancel"),
    ("finished", "啱先嗰张相唔啱 撤回啦", "cancel"),
]

# -- after a photo, a count said wrong and said right in one breath: the record, with the right count -----------------
EXAMPLES_COUNT_SELF_CORRECTED = [
    ("after_photo", "两棵龙眼 唔系 三棵 讲错咗", "planting"),
    ("after_photo", "四棵桂花 不对不对 是三棵", "planting"),
]

# -- after a photo, which trees it shows: the record -----------------------------------------------------------------
EXAMPLES_PHOTO_OF = [
    ("after_photo", "呢张相系我门口嗰棵黄皮", "planting"),
    ("after_photo", "刚才那张照片是屋后的三棵荔枝", "planting"),
]

# -- after a photo, whether the count must be said: the record's next step -------------------------------------------
EXAMPLES_COUNT_NEEDED = [
    ("after_photo", "一定要讲几多棵咩", "how"),
    ("after_photo", "唔记得种咗几多棵 点算", "how"),
]

# -- after a finished record, what next: how to go on, no ticket -------------------------------------------------------
EXAMPLES_WHAT_NEXT = [
    ("finished", "多谢 之后仲要做啲咩", "how"),
    ("finished", "好 跟住点做", "how"),
]

# -- thanks, then the adoption asked: the list ------------------------------------------------------------------------
EXAMPLES_THANKS_ADOPT = [
    ("ticket", "唔该晒 顺便问下点样认养棵树", "adopt"),
    ("member", "多谢 想问下认养树点搞", "adopt"),
]

# -- the planting day: one's going said without 参加 -------------------------------------------------------------------
EXAMPLES_JOIN_SAID = [
    ("member", "植树日我会去", "join"),
    ("member", "植树活动我都去嘅", "join"),
]

# written while mending (controls of the mends' reach)
EXAMPLES_WRITTEN_WHILE_MENDING = [
    ("ticket", "呢张相系我门口嗰棵桂花", "supplement"),  # the trees a photo shows: only of a record collected
    ("member", "我唔记得种咗几多", "progress"),  # the count forgotten with no record collected: the progress
    ("member", "跟住点做", "help"),  # what next with no record just finished: the help
    ("finished", "仲要做咩", "how"),  # just after a record: its state
    ("twice", "问专家 桃树叶有洞 || 阿嬷讲系蚜虫", "one-ticket"),
    ("finished", "记录报错咗 我想作废", "cancel"),
    ("member", "顺便问下认养树点样搞", "adopt"),
]

ALL = [
    *EXAMPLES_THANKS_WAITING,
    *EXAMPLES_GUESS_HEARD,
    *EXAMPLES_PHOTO_ANNOUNCED,
    *EXAMPLES_OTHER_QUESTION,
    *CONTROLS_OTHER_QUESTION,
    *EXAMPLES_CANCEL_SPOKEN,
    *EXAMPLES_PHOTO_LATER,
    *EXAMPLES_WITHDRAW_PHOTO,
    *EXAMPLES_COUNT_SELF_CORRECTED,
    *EXAMPLES_PHOTO_OF,
    *EXAMPLES_COUNT_NEEDED,
    *EXAMPLES_WHAT_NEXT,
    *EXAMPLES_THANKS_ADOPT,
    *EXAMPLES_JOIN_SAID,
    *EXAMPLES_WRITTEN_WHILE_MENDING,
]


# held-out cases still missed, each with why
LEFT = {
    "ticket:唔该晒 顺便问下点样认养棵树": "how to adopt asked with 点样 first ('怎么认养') is the FAQ's by design (nlu.adoption_wished):"
    " its answer says to send 认养; only the request itself ('认养树点样搞', '我想认养一棵树') is the list",
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_74(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_thanks_with_the_waiting_said_is_thanked_back_with_its_number(probe):  # noqa: F811
    assert probe.run("twice", "问专家 柿树果仔未熟就跌晒 || 多谢啊 等你哋回复", "one-ticket") == ""
    openid = f"o-probe-{probe.count}"
    (ticket,) = probe.rows("SELECT id, status FROM tickets WHERE openid = ?", [openid])
    assert probe.last_reply(openid) == probe.bot.t("escalation.thanks_waiting", ids=ticket["id"])
    assert ticket["status"] == "open"


def test_a_guess_told_first_joins_the_question(probe):  # noqa: F811
    assert probe.run("twice", "问专家 我屋企棵木棉叶全部黄晒 || 系咪缺肥啊 我好耐冇落肥", "one-ticket") == ""
    openid = f"o-probe-{probe.count}"
    (ticket,) = probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
    texts = [t["text"] for t in probe.rows("SELECT text FROM ticket_attachments WHERE ticket_id = ?", [ticket["id"]])]
    assert "系咪缺肥啊 我好耐冇落肥" in texts, texts


def test_a_photo_announced_joins_the_question_and_the_photo_after_it(probe):  # noqa: F811
    assert probe.run("ticket", "我影咗张相俾专家睇下片叶", "supplement") == ""
    openid = f"o-probe-{probe.count}"
    (ticket,) = probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid])
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []
    probe.user(openid).sends_photo(f"m-probe-{probe.count}-leaf")
    media = probe.rows(
        "SELECT media_row_id FROM ticket_attachments WHERE ticket_id = ? AND media_row_id IS NOT NULL", [ticket["id"]]
    )
    assert len(media) == 1
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (changed): the count said last recorded -> read otherwise (三棵桂花 唔系唔系 两棵 讲错咗)",
)
def test_a_count_taken_back_in_one_breath_records_the_count_said_last(probe):  # noqa: F811
    assert probe.run("after_photo", "三棵桂花 唔系唔系 两棵 讲错咗", "planting") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT species, count FROM plantings WHERE openid = ?", [openid]) == [
        {"species": "桂花", "count": 2}
    ]
    assert probe.run("after_photo", "四棵桂花 不对不对 是三棵", "planting") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT count FROM plantings WHERE openid = ?", [openid]) == [{"count": 3}]


def test_the_trees_the_photo_shows_are_its_record(probe):  # noqa: F811
    assert probe.run("after_photo", "啱先张相系我屋后嗰两棵柚子树", "planting") == ""
    openid = f"o-probe-{probe.count}"
    (record,) = probe.rows("SELECT count, species FROM plantings WHERE openid = ?", [openid])
    assert record["count"] == 2 and "柚子" in (record["species"] or "")
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_not_planted_after_all_cancels_the_record_waiting(probe):  # noqa: F811
    assert probe.run("pending", "唔记录住啦 冇种到", "cancel") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "cancelled"}]


def test_the_photo_later_keeps_the_record_waiting(probe):  # noqa: F811
    assert probe.run("pending", "等阵个仔返嚟帮我影", "how") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "pending"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_what_next_just_after_a_record_says_it_is_recorded(probe):  # noqa: F811
    assert probe.run("finished", "多谢晒 跟住仲要做咩", "how") == ""
    openid = f"o-probe-{probe.count}"
    (record,) = probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid])
    assert probe.last_handler(openid) == "done_said"
    assert probe.last_reply(openid).startswith(
        probe.bot.t("planting.recorded_yes", id=record["id"], what="").split("：")[0]
    )


def test_the_count_forgotten_while_a_record_waits_is_its_next_step_else_the_progress(probe):  # noqa: F811
    assert probe.run("after_photo", "几多棵都要讲咩 我唔记得种咗几多", "how") == ""
    assert probe.handler_for("member", "我唔记得种咗几多") == "my_progress"
