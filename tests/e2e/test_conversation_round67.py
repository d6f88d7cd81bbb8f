"""Round 67 of issue 17 §5, through signed pushes: sets 20w and 20x's misses read by class. Each class's held-out cases
(new sentences of the class, not the probes' words) and controls were written before its mend and run on the untouched
branch first (11 of 29 cases went where the villager means; 28 after); the probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)


def last_openid(probe) -> str:  # noqa: F811
    return f"o-probe-{probe.count}"


def registration_of(probe, openid: str) -> tuple[str | None, dict]:  # noqa: F811
    """(the registration flow's state, its data), or (None, {}) when none waits."""
    found = probe.rows("SELECT state, data FROM conversations WHERE openid = ? AND flow = 'registration'", [openid])
    return (found[0]["state"], json.loads(found[0]["data"] or "{}")) if found else (None, {})


def records_of(probe, openid: str) -> list[dict]:  # noqa: F811
    return probe.rows("SELECT species, count, status FROM plantings WHERE openid = ? ORDER BY id", [openid])


# -- case 1 (the trust bug): whether the record is in asked (登记咗未, 入咗数未 …) is never a 登记, nor a name taken: the
# record just finished, which and its progress (recorded_asked), else one's progress --------------------------------
EXAMPLES_STATUS = [
    ("finished", "入咗账未", "progress"),
    ("finished", "我嗰两棵登记好未", "progress"),
    ("finished", "啱啱嗰个登记咗冇", "progress"),
    ("finished", "有冇入到数呀", "progress"),
    ("finished", "记低咗未呀", "progress"),
    ("member", "我啲树登记咗未", "progress"),
    ("party", "入咗数未呀", "progress"),
    ("finished", "登记咗未呀", "progress"),
]
CONTROLS_STATUS = [
    # reg77: from a follower not registered yet (a roster member's 登记 of a name not theirs is now fix_name's: trust)
    ("new", "登记 黄亚妹 埔心村", "register"),
    ("finished", "取消", "cancel"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_STATUS, *CONTROLS_STATUS], {}))
def test_round_67_status(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_round_67_status_never_takes_a_name(probe):  # noqa: F811
    """'登记咗未' after a finished record had asked the village of one named 咗未: the record named and its progress, the
    member's name kept, no registration waiting; from a follower not registered yet, 登记 asked first (the message
    kept), never a registration waiting for the village of 咗未; later, with no record just finished, one's progress."""
    assert probe.run("finished", "登记咗未", "progress") == ""
    openid = last_openid(probe)
    reply = probe.rows("SELECT reply FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [openid])[0]["reply"]
    assert reply.startswith("记上了 ✅ 第") and "进度" in reply, reply
    assert registration_of(probe, openid) == (None, {})
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": f"村民{probe.count}"}]
    new = probe.user("o-r67-new")
    new.follows()
    assert new.says("登记咗未") == probe.bot.t("registration.register_first")
    assert registration_of(probe, "o-r67-new") == (None, {})
    assert probe.rows("SELECT name FROM people WHERE openid = 'o-r67-new'") == []
    probe.count += 1
    member = probe.member("o-r67-member")
    reply = member.says("入咗数未") or ""
    assert probe.last_handler("o-r67-member") == "recorded_asked" and "的进度" in reply, reply


@pytest.mark.parametrize("message", ["登记成功没", "登记成功了吗", "有冇登记成功", "登记好了吗", "登记咗啦"])
def test_a_status_said_after_登记_is_never_a_name(probe, message):  # noqa: F811
    """The lead's review of round 67: the guard read only the status questions it knew; a name is never opened or
    closed by a particle (identity.is_plausible_name), so '登记成功没' from a new follower (which had asked the village
    of one named 成功没) waits for no village under a junk name and registers no one."""
    openid = f"o-r67-status-{len(message)}-{ord(message[-1])}"
    new = probe.user(openid)
    new.follows()
    reply = new.says(message) or ""
    assert "成功没" not in reply and "好了吗" not in reply and "咗啦" not in reply, reply
    state, data = registration_of(probe, openid)
    assert state != "ask_village" and "name" not in data, (state, data)
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == []


def test_a_name_said_with_a_particle_after_it_registers_the_name(probe):  # noqa: F811
    """The particle rule's other side (found measuring a blind set: '…叶荔芳啊 埔心村嘅' had been refused as no name):
    a particle said after a name is left out of it, never the reason to refuse it."""
    new = probe.user("o-r67-particle")
    new.follows()
    new.says("登记 黄美玲啊 埔心村")
    assert probe.rows("SELECT name FROM people WHERE openid = 'o-r67-particle'") == [{"name": "黄美玲"}]


# -- case 2: while a record is collected, how to go on asked in other words: its next step, never the FAQ or a ticket;
# the tree's care asked stays a question --------------------------------------------------------------------------
EXAMPLES_GO_ON = [
    ("after_photo", "仲要发啲咩", "how"),
    ("after_photo", "跟住点做呀", "how"),
    ("after_photo", "影完相之后点", "how"),
    ("pending", "种好咗 下一步做咩", "how"),
    ("pending", "跟住要做咩呀", "how"),
]
CONTROLS_GO_ON = [
    ("pending", "荔枝种咗几耐会结果", "question"),
    ("after_photo", "呢棵树叶黄咗点算", "question"),
]
# a held-out case left: typing is what is asked, and the FAQ's answer (send voice) answers it
GO_ON_LEFT = {"我唔识打字 点算": "typing asked: the FAQ's voice answer (发语音) answers it; the record's step does not"}


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of([*EXAMPLES_GO_ON, ("after_photo", "我唔识打字 点算", "how"), *CONTROLS_GO_ON], GO_ON_LEFT),
)
def test_round_67_go_on(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 3: the pending record's tree said wrong aloud (讲错): corrected; 廿/卅 are twenty and thirty ------------------
EXAMPLES_RECORD_WORDS = [
    ("pending", "讲错 系桃唔系荔枝", "planting"),
    ("pending", "唔系荔枝 系龙眼嚟嘅", "planting"),
    ("after_photo", "卅棵香樟 村民一齐种", "planting"),
    ("after_photo", "廿一棵木棉", "planting"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES_RECORD_WORDS, {}))
def test_round_67_record_words(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_round_67_the_record_holds_what_was_said(probe):  # noqa: F811
    """The correction changes the pending record's tree (no second record, no ticket); 廿一棵 is 21 trees (it had been
    read as 一棵), 廿棵 20."""
    assert probe.run("pending", "讲错 系桃唔系荔枝", "planting") == ""
    assert records_of(probe, last_openid(probe)) == [{"species": "桃", "count": 2, "status": "pending"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [last_openid(probe)]) == []
    for said, count in (("廿一棵木棉", 21), ("廿棵秋枫 同村里人一齐种", 20), ("卅棵香樟", 30)):
        assert probe.run("after_photo", said, "planting") == ""
        assert [r["count"] for r in records_of(probe, last_openid(probe))] == [count], said


# -- case 4: the record said wrong, its 取消 asked may I or said first: finished, its withdrawal asked (作废, still counted
# until the yes); collected, it is dropped --------------------------------------------------------------------------
EXAMPLES_WRONG_CANCEL = [
    ("finished", "张相影错咗 取消得唔得", "cancel"),
    ("finished", "取消 搞错咗", "cancel"),
    ("finished", "发错咗 可唔可以取消佢", "cancel"),
    ("pending", "张相发错咗 可唔可以取消", "cancel"),
    ("after_photo", "发错咗 可唔可以取消佢", "cancel"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES_WRONG_CANCEL, {}))
def test_round_67_wrong_cancel(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_round_67_wrong_cancel_controls(probe):  # noqa: F811
    """How to stop the reminders is no record's 取消; a finished record's tree said wrong is its recount, not 作废."""
    assert probe.handler_for("member", "点样取消提醒") not in ("cancel", "withdraw")
    probe.run("finished", "说错了 是龙眼不是荔枝", "cancel")
    assert probe.last_handler(last_openid(probe)) == "recount"


# -- case 5: progress in other words: 本寸 (voice for 本村), 种成点 (how far it has got) of the village or its party
# members, what one did told then whether the task is done ----------------------------------------------------------
EXAMPLES_PROGRESS = [
    ("member", "本寸进度点样", "progress"),
    ("party", "我哋村啲党员种成点样", "progress"),
    ("adviser", "埔心村而家种成点", "progress"),
    ("party", "我种咗两棵荔枝 算唔算完成任务", "progress"),
]
CONTROLS_PROGRESS = [
    ("member", "我想种点荔枝", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_PROGRESS, *CONTROLS_PROGRESS], {}))
def test_round_67_progress(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 6: a care zone wished with a verb of finding or taking it on (揾, 包), voice's 责认区: the list ------------------
EXAMPLES_ZONE = [
    ("party", "我想管一块责任区", "zone"),
    ("party", "我系党员 想揾块责任区管", "zone"),
    ("party", "我想包河边嗰块责任区", "zone"),
]
CONTROLS_ZONE = [
    ("party", "责任区点管", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_ZONE, *CONTROLS_ZONE], {}))
def test_round_67_zone(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# -- case 7: a cause guessed for the ticket's trouble, two offered (定系) or after 问专家: the same ticket's 补充 ------------
EXAMPLES_CAUSE = [
    ("ticket", "会唔会系淋水太多定系晒亲", "supplement"),
    ("twice", "荔枝叶卷晒 || 问专家 系咪有虫", "one-ticket"),
]
CONTROLS_CAUSE = [
    ("twice", "桂花叶子发黄 || 问专家 荔枝几时施肥", "new"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*EXAMPLES_CAUSE, *CONTROLS_CAUSE], {}))
def test_round_67_cause(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
