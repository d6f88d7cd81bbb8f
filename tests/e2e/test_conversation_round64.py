"""Round 64 of issue 17 §5, through signed pushes: the simulator's four conversation gaps and sets 20q/20r's misses
read by class. Each class's held-out cases (phrasings not tuned on, not the gap's or the probe's own words) and controls
were written before its mend and run on the untouched branch first; the probes themselves are in
tests/e2e/test_conversation_probes.py."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)


def member_of(probe, openid: str, role: str = "群众"):  # noqa: F811
    probe.count += 1  # a roster name of its own (村民N)
    return probe.member(openid, role)


def follower(probe, openid: str):  # noqa: F811
    user = probe.user(openid)
    user.follows()
    return user


def registration_of(probe, openid: str) -> tuple[str | None, dict]:  # noqa: F811
    """(the registration flow's state, its data), or (None, {}) when none waits."""
    found = probe.rows("SELECT state, data FROM conversations WHERE openid = ? AND flow = 'registration'", [openid])
    return (found[0]["state"], json.loads(found[0]["data"] or "{}")) if found else (None, {})


def bound_name(probe, openid: str) -> str | None:  # noqa: F811
    found = probe.rows("SELECT name FROM people WHERE openid = ?", [openid])
    return found[0]["name"] if found else None


# -- gap (a): 一下 / 下 after 登记 is a particle, never a name: '登记一下龙眼' is a tree to log (the planting help), as
# '帮我登记一下龙眼' had been; a name after the particle is still the name -----------------------------------------------
EXAMPLES_LOG_PARTICLE = [
    ("new", "登记一下荔枝树", "log"),
    ("member", "登记下 桂花", "log"),
    ("party", "登记一下 木棉", "log"),
]
CONTROLS_LOG_PARTICLE = [
    ("member", "登记一下桂花要几多钱", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of([*EXAMPLES_LOG_PARTICLE, *CONTROLS_LOG_PARTICLE], {})
)
def test_round_64_log_particle(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_round_64_gap_a_log_a_tree_with_the_particle(probe):  # noqa: F811
    """The simulator's '帮我登记一下龙眼' said without 帮我 ('登记一下龙眼') had asked 一下龙眼's village: the planting help,
    no name taken (登记 first for a follower not registered yet, the message kept)."""
    new = follower(probe, "o-r64-a-new")
    assert new.says("登记一下龙眼") == probe.bot.t("registration.register_first")
    assert registration_of(probe, "o-r64-a-new") == (None, {})
    member = member_of(probe, "o-r64-a-member")
    member.says("登记下龙眼")
    assert probe.last_handler("o-r64-a-member") == "planting_menu"
    assert registration_of(probe, "o-r64-a-member") == (None, {})


def test_round_64_gap_a_a_name_after_the_particle(probe):  # noqa: F811
    """The particle before a name and a village: the name, never 一下 or 下 with it."""
    for openid, said, name in (
        ("o-r64-a-name1", "登记一下 李月娇 埔心村", "李月娇"),
        ("o-r64-a-name2", "登记下何满堂 埔心村", "何满堂"),
    ):
        follower(probe, openid).says(said)
        assert bound_name(probe, openid) == name


# -- gap (b): the account said used for (or by) an old relative, she named by 佢叫 (her words): her registration, her
# village asked when none is told (as '帮阿嫲登记' then '佢叫陈桂香' does), never a ticket ----------------------------------
def test_round_64_gap_b_used_for_grandmother(probe):  # noqa: F811
    """The simulator's new follower: '我系帮阿嫲用嘅 佢叫陈桂香' after the welcome had become a ticket."""
    user = follower(probe, "o-r64-b")
    reply = user.says("我系帮阿嫲用嘅 佢叫陈桂香")
    assert registration_of(probe, "o-r64-b") == ("ask_village", {"name": "陈桂香"}), reply
    assert probe.rows("SELECT id FROM tickets WHERE openid = 'o-r64-b'") == []
    user.says("埔心村")
    assert bound_name(probe, "o-r64-b") == "陈桂香"


HELD_OUT_FOR_RELATIVE = [  # (message, the name, whether the village is told)
    ("我是帮奶奶用的 她叫王秀英", "王秀英", False),
    ("帮阿爷登记 佢叫钟福来", "钟福来", False),
    ("我帮外婆弄的 她叫刘桂英 埔心村", "刘桂英", True),
    ("我系帮老豆搞嘅 佢叫黄添福", "黄添福", False),
]


@pytest.mark.parametrize(("message", "name", "with_village"), HELD_OUT_FOR_RELATIVE)
def test_round_64_for_a_relative_named(probe, message, name, with_village):  # noqa: F811
    probe.count += 1
    openid = f"o-r64-b-{probe.count}"
    follower(probe, openid).says(message)
    assert probe.last_handler(openid) == "register"
    if with_village:
        assert bound_name(probe, openid) == name
    else:
        assert registration_of(probe, openid) == ("ask_village", {"name": name})


CONTROLS_FOR_RELATIVE = [
    ("new", "我系帮阿嫲问嘅 佢话桂花叶黄咗点算", "question"),
    ("new", "帮阿嫲登记", "help"),
]


@pytest.mark.parametrize(("context", "message", "expected"), CONTROLS_FOR_RELATIVE)
def test_round_64_for_a_relative_controls(probe, context, message, expected):  # noqa: F811
    if expected == "help":  # the relative's how (for_someone), as before
        probe.count += 1
        openid = f"o-r64-bc-{probe.count}"
        follower(probe, openid).says(message)
        assert probe.last_handler(openid) == "for_someone"
        return
    assert probe.run(context, message, expected) == ""


# -- gap (c): with a ticket open about a tree, another tree named is a question of its own, even when its name is the
# ticket tree's tail (杜鹃 is no 簕杜鹃, 大叶榄仁 no 小叶榄仁); the ticket's tree said shortened stays its 补充 -------------
def ticket_then(probe, opener: str, said: str) -> tuple[str, int]:  # noqa: F811
    """A member opens a ticket with ``opener``, then says ``said`` two minutes later: (its handler, tickets)."""
    probe.count += 1
    openid = f"o-r64-c-{probe.count}"
    user = member_of(probe, openid)
    user.says(opener)
    probe.bot.clock.advance(minutes=2)
    user.says(said)
    return probe.last_handler(openid), len(probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]))


SUPPLEMENT = {"ticket_supplement_text", "ask_expert_supplement", "ticket_repeat"}
EXAMPLES_OTHER_TREE = [
    ("问专家 我家簕杜鹃叶子发黄掉叶", "杜鹃花几时开花"),
    ("问专家 我家簕杜鹃叶子发黄掉叶", "杜鹃叶子都黄咗"),
    ("问专家 门口两棵小叶榄仁叶子发黑", "大叶榄仁种几远好"),
]
CONTROLS_SAME_TREE = [
    ("问专家 我家簕杜鹃叶子发黄掉叶", "三角梅要唔要剪枝"),
    ("问专家 门口两棵小叶榄仁叶子发黑", "榄仁黑点系咩病"),
    ("问专家 我家洋紫荆开花少", "紫荆都系咁"),
]


def test_round_64_gap_c_another_tree_ending_alike(probe):  # noqa: F811
    """The simulator's ticket about 簕杜鹃, then a question about 杜鹃 (azalea) had joined it."""
    handler, tickets = ticket_then(probe, "问专家 我家簕杜鹃叶子发黄掉叶", "杜鹃要几时剪枝")
    assert handler not in SUPPLEMENT, handler


@pytest.mark.parametrize(("opener", "said"), EXAMPLES_OTHER_TREE)
def test_round_64_other_tree_is_its_own(probe, opener, said):  # noqa: F811
    handler, _tickets = ticket_then(probe, opener, said)
    assert handler not in SUPPLEMENT, handler


@pytest.mark.parametrize(("opener", "said"), CONTROLS_SAME_TREE)
def test_round_64_same_tree_shortened_joins(probe, opener, said):  # noqa: F811
    handler, tickets = ticket_then(probe, opener, said)
    # the ticket's tree asked what the FAQ answers is answered (README: a new question the FAQ answers), never a ticket
    assert handler in {*SUPPLEMENT, "faq_answer"} and tickets == 1, handler


# -- gap (d): with a ticket's window open and no flow waiting for a photo, a photo sent after the sender spoke of another
# tree than the ticket's (管护 of it, no zone held) is that tree's, not the ticket's: the planting help (its record), as
# with no ticket; after the ticket's tree (or none) it joins the ticket as the question's picture ------------------------
def photo_after(probe, said: str) -> tuple[str, int]:  # noqa: F811
    """A member asks about a 桂花, says ``said``, sends a photo: (the photo's handler, the ticket's photos)."""
    probe.count += 1
    openid = f"o-r64-d-{probe.count}"
    user = member_of(probe, openid)
    user.says("问专家 我家桂花叶子发黄掉叶")
    probe.bot.clock.advance(minutes=1)
    user.says(said)
    probe.bot.clock.advance(minutes=1)
    user.sends_photo(f"m-r64-d-{probe.count}")
    handler = probe.rows(
        "SELECT handler FROM inbox WHERE openid = ? AND msg_type = 'image' ORDER BY id DESC LIMIT 1", [openid]
    )[0]["handler"]
    attached = probe.rows(
        "SELECT a.id FROM ticket_attachments a JOIN tickets t ON t.id = a.ticket_id"
        " WHERE t.openid = ? AND a.media_row_id IS NOT NULL",
        [openid],
    )
    return handler, len(attached)


def test_round_64_gap_d_tending_photo_of_another_tree(probe):  # noqa: F811
    """The simulator's 管护 photo in a ticket's window, no flow waiting for it: of another tree, the planting help."""
    handler, attached = photo_after(probe, "管护了龙眼")
    assert handler == "planting_photo" and attached == 0, handler


EXAMPLES_PHOTO_OF_ANOTHER_TREE = ["今日去管护荔枝", "去淋咗龙眼水", "我仲有棵柿子树"]
CONTROLS_PHOTO_OF_THE_TICKET = ["管护", "今日去管护咗棵桂花", "叶子背面有白点"]


@pytest.mark.parametrize("said", EXAMPLES_PHOTO_OF_ANOTHER_TREE)
def test_round_64_photo_after_another_tree(probe, said):  # noqa: F811
    handler, attached = photo_after(probe, said)
    assert handler == "planting_photo" and attached == 0, handler


@pytest.mark.parametrize("said", CONTROLS_PHOTO_OF_THE_TICKET)
def test_round_64_photo_of_the_tickets_tree(probe, said):  # noqa: F811
    handler, attached = photo_after(probe, said)
    assert handler == "ticket_supplement_media" and attached == 1, handler


# -- sets 20q/20r's misses, by class: each class's held-out cases (not the probe's words) and controls, written before
# its mend and run on the untouched branch first ------------------------------------------------------------------------
# (1) voice fillers (嗯, 呃) standing alone between the words of a 登记, not only before it
EXAMPLES_FILLERS = [
    ("new", "呃 登记 呃 陈月娥 埔心村", "register"),
    ("new", "登记 嗯 黄添丁 埔心村", "register"),
    ("new", "登记 何水娣 嗯 埔心村", "register"),
]
CONTROLS_FILLERS = [
    ("new", "嗯 登记 钟丽华 埔心村", "register"),
]
# (2) 退订 heard as 推定 (tuī dìng): the reminders off, as 退定 and 推订 are
# (the first written, '我要推定', was of another class: '我要退订' misses too, the FAQ says how)
EXAMPLES_UNSUBSCRIBE_HEARD = [
    ("member", "推定啦", "unsubscribe"),
    ("party", "推定提醒", "unsubscribe"),
]
CONTROLS_UNSUBSCRIBE_HEARD = [
    ("member", "退订", "unsubscribe"),
]
# (3) the name said wrong with 系 between (Cantonese 'is'): '我个名系错嘅', '名字系写错咗'
EXAMPLES_NAME_WRONG = [
    ("member", "我个名系错嘅 要改", "rename"),
    ("cadre", "系统度我个名系错咗 点改返", "rename"),
]
CONTROLS_NAME_WRONG = [
    ("member", "我个名系林水娣", "question"),
]
# (4) a clause about who set the phone up, then a bare 登记 with the village: the name asked next
EXAMPLES_SET_UP_THEN_REGISTER = [
    ("new", "我个女帮我装嘅微信 登记 埔心村", "register"),
    ("new", "阿孙教我用嘅 我要登记 埔心村", "register"),
]
CONTROLS_SET_UP_THEN_REGISTER = [
    ("new", "我屋前种咗树 想登记 埔心村", "log"),  # written during the mend: a story of trees is trees to log
]
# (5) help asked as knowing nothing and a hand wanted (乜都唔识, 帮下手, 帮吓我)
EXAMPLES_HELP_HAND = [
    ("member", "我咩都唔识 帮吓我", "help"),
    ("new", "乜都唔识用 帮帮手", "help"),
]
CONTROLS_HELP_HAND = [
    ("member", "帮手种树有冇钱", "question"),
]
# (6) a record's check asked why it has not passed (通过, 批), and what a record still waits for (等紧, 等什么)
EXAMPLES_RECORD_WAITS = [
    ("member", "点解我啲树仲未通过", "progress"),
    ("party", "我报嘅记录点解冇通过", "progress"),
    ("pending", "呢个记录仲等什么", "how"),
]
CONTROLS_RECORD_WAITS = [
    ("member", "桂花几时种先会活", "question"),
    ("member", "为什么桂花苗检疫没通过", "question"),  # written during the mend: another check than one's records
]

# (7) how to log asked by a follower not registered yet, however the FAQ reads it (its steps of a record): the planting
# help, which asks 登记 first and keeps the message (DESIGN.md)
EXAMPLES_LOG_HOW_NEW = [
    ("new", "想问下种好嘅树点样报上去", "log"),
    ("new", "请问种好的树怎么上报", "log"),
    ("new", "种咗棵树点样记录", "log"),
    ("new", "我种咗三棵桃 要点样登记", "log"),
]
CONTROLS_LOG_HOW_NEW = [
    ("new", "桂花几时种", "question"),
    ("member", "种咗棵树点样记录", "log"),
]
# (8) the village's (or community's) lag asked with the month or 通报 said (会唔会被通报滞后): its progress, which shows its
# status; the rule asked with no village stays the FAQ's supervision entry
EXAMPLES_VILLAGE_LAG = [
    ("cadre", "本村今个月会唔会滞后", "progress"),
    ("party", "我们社区这个月会不会被通报落后", "progress"),
    ("cadre", "我哋村今期会唔会排尾", "progress"),
]
CONTROLS_VILLAGE_LAG = [
    ("member", "会唔会被通报滞后", "question"),
    ("cadre", "我们村被通报滞后会怎样", "question"),
]

# (9) the village's plot (党建林, 主题林) named as what has been planted, how much asked: the village's progress (it had
# been the targets' FAQ card, or a record waiting for its tree: '主题林种咗几多棵了')
EXAMPLES_PLOT_DONE = [
    ("cadre", "主题林种咗几多棵了", "progress"),
    ("party", "党建林而家种咗几多亩", "progress"),
    ("cadre", "我哋党建林种咗几多棵树了", "progress"),
]
CONTROLS_PLOT_DONE = [
    ("cadre", "党建林要种几亩", "question"),
    ("member", "党建林种咩树好", "question"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of(
        [
            *EXAMPLES_FILLERS,
            *CONTROLS_FILLERS,
            *EXAMPLES_UNSUBSCRIBE_HEARD,
            *CONTROLS_UNSUBSCRIBE_HEARD,
            *EXAMPLES_NAME_WRONG,
            *CONTROLS_NAME_WRONG,
            *EXAMPLES_SET_UP_THEN_REGISTER,
            *CONTROLS_SET_UP_THEN_REGISTER,
            *EXAMPLES_HELP_HAND,
            *CONTROLS_HELP_HAND,
            *EXAMPLES_RECORD_WAITS,
            *CONTROLS_RECORD_WAITS,
            *EXAMPLES_LOG_HOW_NEW,
            *CONTROLS_LOG_HOW_NEW,
            *EXAMPLES_VILLAGE_LAG,
            *CONTROLS_VILLAGE_LAG,
            *EXAMPLES_PLOT_DONE,
            *CONTROLS_PLOT_DONE,
        ],
        {},
    ),
)
def test_round_64_probe_classes(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
