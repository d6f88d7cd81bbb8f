"""Round 80 of issue 17 §5, through signed pushes: planting records, their corrections and what is asked around them
(the strict misses of sets 21u, 21v and 21s read by class). Each class's held-out cases (new sentences of the class,
not the probes' words) and near-misses were written before the mends and run on the untouched branch first. The
probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- a detail of the trouble in a ticket's window, the tree pointed at ('那棵桂花…根部'): its 补充, never a record ----
EXAMPLES_ROOTS_TOLD = [
    ("ticket", "桂花最近雨多根部烂了", "supplement"),
    ("ticket", "那棵桂花根部好多蚂蚁", "supplement"),
    ("ticket", "呢棵桂花啲根部浸过水", "supplement"),
    ("ticket", "那棵桂花这几天根部发黑", "supplement"),
]

# -- a question about trees planted ('种下去几天要淋水'): the FAQ's or the adviser's, never a record ------------------
EXAMPLES_AFTER_PLANTING_ASKED = [
    ("finished", "龙眼种下去几天淋一次水", "question"),
    ("finished", "荔枝种好后多少天浇一次水", "question"),
    ("finished", "桂花种落去几日要淋水", "question"),
    ("member", "龙眼种下去几天要淋水", "question"),
    ("member", "种下去的荔枝隔几天施肥", "question"),
]

# -- whether the trees were recorded, asked after a record or a photo: the record's state with the progress ----------
EXAMPLES_RECORDED_ASKED = [
    ("twice", "种了2棵龙眼 || 帮我查下记上没有", "progress"),
    ("twice", "两棵荔枝 || 你看下记好了没", "progress"),
    ("after_photo", "我报嘅树有冇记到", "progress"),
    ("after_photo", "我种的数记下来没有", "progress"),
    ("after_photo", "啱先报嘅有冇入数", "progress"),
]

# -- after a photo, what else the record needs asked ('还要发位置吗'): its next step, the record kept ----------------
EXAMPLES_WHAT_ELSE_TO_SEND = [
    ("after_photo", "还要不要发定位", "how"),
    ("after_photo", "位置使唔使发", "how"),
    ("after_photo", "仲要打字吗", "how"),
    ("after_photo", "是不是还要写几棵", "how"),
]

# -- the waiting record's tree said wrong and said right ('说错了是龙眼'): the record's tree changed ------------------
EXAMPLES_TREE_CORRECTED = [
    ("pending", "讲错咗 系龙眼", "planting"),
    ("pending", "不好意思说错了是桂花", "planting"),
    ("pending", "打错了是龙眼", "planting"),
    ("pending", "哦搞错了应该是桂花", "planting"),
]

# -- the waiting record said wrong because the trees are not planted yet: cancelled ---------------------------------
EXAMPLES_NOT_PLANTED_YET = [
    ("pending", "搞错了 其实还没种 打算下个月种", "cancel"),
    ("pending", "唔好意思 仲未种㗎 准备种先", "cancel"),
    ("pending", "说错了还没种的 是打算种", "cancel"),
]

# -- the record just finished said not to count, with why ('照片是去年的'): its withdrawal asked to confirm ----------
EXAMPLES_NOT_TO_COUNT_WITH_WHY = [
    ("finished", "刚才报的不算 那张相是旧的", "cancel"),
    ("finished", "头先嗰个唔算 张相系旧年影嘅", "cancel"),
    ("finished", "刚才那条不算数 照片拍的是别人家的", "cancel"),
]

# -- trees planted days ago reported late ('上礼拜…种的那五棵…现在才来报'): the record -------------------------------
EXAMPLES_LATE_REPORT = [
    ("party", "前天种的三棵木绵现在补报", "planting"),
    ("party", "上个月搞活动种咗两棵龙眼 而家先嚟报", "planting"),
    ("member", "上礼拜种的那两棵荔枝我现在来报", "planting"),
]

# controls: what the mends must not reach
CONTROLS = [
    ("member", "种了好多棵桂花", "planting"),
    ("member", "插咗两根竹", "planting"),
    ("member", "这几天种了三棵龙眼", "planting"),
    ("member", "前几天种了两棵荔枝", "planting"),
    ("after_photo", "看看这棵树怎么了", "question"),
    ("member", "你们会把我的位置给别人吗", "question"),
    ("member", "可以发语音吗", "question"),
    ("finished", "照片要拍几张", "question"),
    ("member", "去年种的树还算吗", "question"),
    ("member", "上礼拜种的那两棵荔枝叶子黄了", "question"),
    ("pending", "3棵", "planting"),
    ("pending", "取消", "cancel"),
    ("pending", "还没种好 等下发照片", "how"),
    ("member", "还没种的树苗怎么保存", "question"),
    ("finished", "照片是去年的可以吗", "question"),
    ("member", "去年的照片可以用吗", "question"),
]

ALL = [
    *EXAMPLES_ROOTS_TOLD,
    *EXAMPLES_AFTER_PLANTING_ASKED,
    *EXAMPLES_RECORDED_ASKED,
    *EXAMPLES_WHAT_ELSE_TO_SEND,
    *EXAMPLES_TREE_CORRECTED,
    *EXAMPLES_NOT_PLANTED_YET,
    *EXAMPLES_NOT_TO_COUNT_WITH_WHY,
    *EXAMPLES_LATE_REPORT,
    *CONTROLS,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_80(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize("message", ["啊说错了是龙眼", "哦搞错了应该是龙眼", "不好意思说错了是龙眼"])
def test_the_waiting_records_tree_said_wrong_then_right_is_changed_its_count_kept(probe, message):  # noqa: F811
    assert probe.handler_for("pending", message) == "planting_text"
    records = probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [probe.openid])
    assert records == [{"species": "龙眼", "count": 2, "status": "pending"}]


def test_a_record_not_planted_yet_is_cancelled_and_the_plan_is_a_pledge(probe):  # noqa: F811
    assert probe.handler_for("pending", "嗯刚才那个说错了还没种呢是准备种") == "cancel"
    openid = probe.openid
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "cancelled"}]
    assert "认领" in probe.last_reply(openid)
    assert (
        probe.rows("SELECT id FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)", [openid]) == []
    )


def test_whether_recorded_asked_while_the_record_waits_says_not_yet_and_what_it_needs(probe):  # noqa: F811
    assert probe.handler_for("twice", "种了3棵桂花 || 帮我看看记上没") == "recorded_asked"
    openid = probe.openid
    reply = probe.last_reply(openid)
    assert reply.startswith(probe.bot.t("planting.recorded_not_yet")) and "照片" in reply and "进度" in reply
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "pending"}]


def test_the_finished_record_said_not_to_count_for_its_old_photo_is_asked_to_confirm_and_still_counts(probe):  # noqa: F811
    assert probe.handler_for("finished", "刚才那个不算 照片是去年的") == "withdraw"
    openid = probe.openid
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "complete"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_a_late_report_with_a_homophone_is_the_record_of_its_tree(probe):  # noqa: F811
    assert probe.handler_for("party", "上礼拜支部活动种的那五棵木绵我现在才来报") == "planting_text"
    records = probe.rows("SELECT species, count FROM plantings WHERE openid = ?", [probe.openid])
    assert records == [{"species": "木棉", "count": 5}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) == []


def test_trees_reported_before_registering_become_the_record_after_it(probe):  # noqa: F811
    assert probe.handler_for("new", "我啱啱喺屋企门口种咗两棵龙眼") == "planting_text"
    openid = probe.openid
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []
    probe.user(openid).says("登记 温龙生 埔心村")
    records = probe.rows("SELECT species, count, status FROM plantings WHERE openid = ?", [openid])
    assert records == [{"species": "龙眼", "count": 2, "status": "pending"}]  # waiting for its photo


def test_what_else_to_send_after_a_photo_keeps_the_record_and_says_its_next_step(probe):  # noqa: F811
    assert probe.handler_for("after_photo", "是不是还要发位置") == "planting_menu"
    openid = probe.openid
    assert "棵数" in probe.last_reply(openid)  # what the record still needs: the tree and count
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "pending"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_whether_to_send_the_location_asked_never_turns_the_reminders_off(probe):  # noqa: F811
    assert probe.handler_for("after_photo", "位置使唔使发") != "reminders_off"
    assert probe.rows("SELECT reminders_off FROM users WHERE openid = ?", [probe.openid]) == [{"reminders_off": 0}]
