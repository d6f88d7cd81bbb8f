"""Round 75 of issue 17 §5, through signed pushes: set 21m's misses read by class (villagers answering a reply they did
not expect: corrections, complaints about the bot, someone else's data asked). Each class's held-out cases (new
sentences of the class, not the probes' words) and controls were written before the mends and run on the untouched
branch first. The probes themselves are in tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import pytest

from bot.clock import to_db
from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import PUXIN
from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

# -- another household asked by a person's name (a tree in the name: 李荔英, 黄秋凤): progress, never a record ------------
EXAMPLES_OTHER_HOUSEHOLD = [
    ("member", "查下李荔英屋企种咗几多", "progress"),
    ("member", "睇下黄秋凤嗰户种咗未", "progress"),
    ("member", "刘桂兰屋企有冇种树啊", "progress"),
    ("cadre", "李荔英嗰户种咗几多", "progress"),
    ("cadre", "查下黄秋凤屋企种咗未", "progress"),
]

# -- the others of a group asked: the village's counts, no names ----------------------------------------------------
EXAMPLES_OTHERS = [
    ("party", "其他党员完成咗未", "progress"),
    ("party", "睇下其他人种咗几多棵", "progress"),
    ("member", "其他人家种咗未", "progress"),
]

# -- another village's progress asked: one's own village, the scope said ------------------------------------------------
EXAMPLES_OTHER_VILLAGE = [
    ("cadre", "睇下下屋村种咗几多", "progress"),
    ("cadre", "石岗村进度点样", "progress"),
    ("member", "石岗村进度点样", "progress"),
]

# -- the trees named when asked whether recorded: the record's state ----------------------------------------------------
EXAMPLES_TREES_RECORDED = [
    ("finished", "有冇记低我嗰两棵荔枝", "progress"),
    ("finished", "我啲荔枝记到未", "progress"),
    ("finished", "两棵荔枝有冇记到", "progress"),
]

# -- after a photo, the photo disowned: the record in progress dropped, never a ticket ----------------------------------
EXAMPLES_PHOTO_DISOWNED = [
    ("after_photo", "影错相 唔系呢张", "cancel"),
    ("after_photo", "张相发错咗 唔系呢棵", "cancel"),
    ("after_photo", "发错图了 不是这张", "cancel"),
    ("finished", "影错相 唔系呢张", "cancel"),  # just after a finished record: its withdrawal asked
]

# -- after a photo, nothing back complained of: what the record still waits for ---------------------------------------
EXAMPLES_PHOTO_UNANSWERED = [
    ("after_photo", "发咗相啦 点解唔应我", "how"),
    ("after_photo", "照片发了 怎么没反应", "how"),
    ("after_photo", "相已经发咗 点解冇回复", "how"),
]

# -- the name the bot used complained of, the right one said: the name's correction ------------------------------------
EXAMPLES_NAME_COMPLAINED = [
    ("member", "你叫错我名啦 我叫李桂英", "rename"),
    ("member", "我唔系叫李桂华 系李桂花", "rename"),
    ("member", "点解写我张秋菊 我系张秋萍", "rename"),
]

# -- the bot said to understand nothing: the help ----------------------------------------------------------------------
EXAMPLES_BOT_UNHELPFUL = [
    ("member", "你乜都唔识", "help"),
    ("member", "呢个机器人听唔明人讲嘢", "help"),
    ("member", "你真系蠢 乜都答唔到", "help"),
]

# -- the planting day joined, its weekday said with Cantonese 今个 / 下个 ---------------------------------------------------
EXAMPLES_JOIN = [
    ("party", "星期日植树我报名", "join"),
    ("party", "礼拜六种树我都去", "join"),
    ("party", "我报名参加植树", "join"),
]

# written while mending (controls of the mends' reach)
EXAMPLES_WRITTEN_WHILE_MENDING = [
    ("ticket", "唔系叶黄 系叶尾焦咗", "supplement"),  # 叶 is a surname, 叶黄 no name: the symptom corrected
    ("cadre", "点解我哋村话滞后", "question"),  # one's own village: never 'another village'
    ("member", "我屋企种咗几多", "progress"),  # one's own household
    ("member", "下个礼拜日植树我都去", "join"),
    ("member", "今个礼拜六种树几点开始", "question"),  # the day asked about: its details
    ("after_photo", "张相发咗好耐都冇人理", "how"),
    ("pending", "发错相 唔系呢张", "cancel"),
]

ALL = [
    *EXAMPLES_OTHER_HOUSEHOLD,
    *EXAMPLES_OTHERS,
    *EXAMPLES_OTHER_VILLAGE,
    *EXAMPLES_TREES_RECORDED,
    *EXAMPLES_PHOTO_DISOWNED,
    *EXAMPLES_PHOTO_UNANSWERED,
    *EXAMPLES_NAME_COMPLAINED,
    *EXAMPLES_BOT_UNHELPFUL,
    *EXAMPLES_JOIN,
    *EXAMPLES_WRITTEN_WHILE_MENDING,
]

# held-out cases still missed, each with why
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(ALL, LEFT))
def test_round_75(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def _person(probe, name: str, village_id: int) -> int:  # noqa: F811
    with transaction(probe.bot.db):
        return roster_store.insert_person(
            probe.bot.db, {"name": name, "village_id": village_id, "role": "群众"}, to_db(probe.bot.clock())
        )


def _other_village(probe) -> int:  # noqa: F811
    found = roster_store.village_by_name(probe.bot.db, "石岗村")
    if found:
        return found["id"]
    with transaction(probe.bot.db):
        return roster_store.insert_village(probe.bot.db, {**PUXIN, "name": "石岗村"}, to_db(probe.bot.clock()))


def test_a_member_asking_after_another_household_gets_their_own_progress(probe):  # noqa: F811
    _person(probe, "陈木兰", probe.village)
    assert probe.run("member", "睇下陈木兰屋企种咗未", "progress") == ""
    openid = f"o-probe-{probe.count}"
    reply = probe.last_reply(openid)
    assert probe.last_handler(openid) == "household_progress"
    assert reply.startswith(probe.bot.t("progress.household_cadres_only"))
    assert "陈木兰" not in reply
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []


def test_a_cadre_sees_one_household_of_their_own_village_only(probe):  # noqa: F811
    _person(probe, "邱木棉", probe.village)
    _person(probe, "钟木棉", _other_village(probe))
    assert probe.run("cadre", "邱木棉嗰户种咗未", "progress") == ""
    openid = f"o-probe-{probe.count}"
    target = probe.bot.config.get("campaign.targets.household_trees")
    assert probe.last_reply(openid).startswith("邱木棉家：已核实0棵")
    assert f"每户至少{target}棵" in probe.last_reply(openid)
    assert probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid]) == []
    probe.user(openid).says("钟木棉屋企种咗未")  # of another village: not found, nothing of it shown
    assert probe.last_reply(openid) == probe.bot.t("progress.household_not_found", name="钟木棉")


def test_another_village_asked_gets_ones_own_with_the_scope_said(probe):  # noqa: F811
    _other_village(probe)
    assert probe.run("cadre", "睇下石岗村种成点", "progress") == ""
    reply = probe.last_reply(f"o-probe-{probe.count}")
    assert reply.startswith(probe.bot.t("progress.other_village_scope"))
    assert PUXIN["name"] in reply and "石岗" not in reply


def test_a_count_said_only_after_a_finished_record_is_its_correction(probe):  # noqa: F811
    assert probe.run("finished", "唔系两棵 系一棵咋", "cancel").startswith("went to recount")
    openid = f"o-probe-{probe.count}"
    (record,) = probe.rows("SELECT id, count FROM plantings WHERE openid = ?", [openid])
    assert "1棵荔枝" in probe.last_reply(openid) and "不用改" not in probe.last_reply(openid)
    probe.user(openid).says("确定")
    assert probe.rows("SELECT count, species FROM plantings WHERE openid = ?", [openid]) == [
        {"count": 1, "species": "荔枝"}
    ]


def test_the_trees_named_when_asked_whether_recorded_get_the_record(probe):  # noqa: F811
    assert probe.run("finished", "有冇记到我两棵荔枝", "progress") == ""
    openid = f"o-probe-{probe.count}"
    (record,) = probe.rows("SELECT id FROM plantings WHERE openid = ?", [openid])
    assert probe.last_handler(openid) == "recorded_asked"
    assert f"第{record['id']}号" in probe.last_reply(openid)
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_the_photo_said_sent_with_no_reply_gets_what_the_record_waits_for(probe):  # noqa: F811
    assert probe.run("after_photo", "相发咗 点解冇反应", "how") == ""
    openid = f"o-probe-{probe.count}"
    assert probe.rows("SELECT status FROM plantings WHERE openid = ?", [openid]) == [{"status": "pending"}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []


def test_a_self_registered_name_complained_of_is_corrected(probe):  # noqa: F811
    assert probe.run("new", "登记 温桂华 埔心村", "register") == ""
    openid = f"o-probe-{probe.count}"
    probe.user(openid).says("点解叫我温桂华 我叫温桂花啊")
    assert probe.last_handler(openid) == "fix_name"
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": "温桂花"}]


def test_the_bot_said_to_understand_nothing_gets_the_help_with_an_apology(probe):  # noqa: F811
    assert probe.run("member", "你呢个机械人乜都唔明", "help") == ""
    reply = probe.last_reply(f"o-probe-{probe.count}")
    assert reply.startswith(probe.bot.t("core.help_sorry"))
    assert probe.bot.t("core.help").strip() in reply


def test_annoyance_stays_the_chit_chats_apology(probe):  # noqa: F811
    """A control of the help's reach: '你好烦' complains of the bot without saying it understands nothing."""
    assert probe.handler_for("member", "你好烦") == "chitchat"
    assert probe.last_reply(f"o-probe-{probe.count}").startswith(probe.bot.t("faq.sorry"))
