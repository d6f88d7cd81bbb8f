"""Round 98 of issue 17 §5 (conv98), through signed pushes: set 22s's thirteen misses on main 01b05ba8 (127/140) by
class, and three older lefts. A relative registering a parent on the parent's own phone, said where (我帮阿爸喺佢部手机度
登记 佢叫李永福: registered, as round 82's 用我阿妈部手机帮佢登记 was); who speaks, then that registering is needed and how,
in one voice breath (…我是埔心村的刘桂英今年七十多了…我要怎么弄: registered); the name as registered to be changed
(我想修改登记的姓名, a ticket) or the name one was called denied, the right one and how (…叫我村民12 我不是这个名 我叫黄亚四
怎么改); a relative's count relayed and looked up for them while a record waits (阿妈问佢今年种咗几多棵树 帮佢查下); a long
voice story complaining of the noise, someone else's, then not wanted (…我阿婆说吵死了能不能不要再发了: off); a cadre's how
to log for households without phones (帮没有智能手机的老人户报种树怎么操作: the 代种 steps); whether the next time is
reported the same way (下次种了还是这样发照片就行吗: the steps); a pledge pointed at loosely, then withdrawn (上次报嘅认领两棵
龙眼 而家种唔到了 想撤回); counted in for the village's day (下次村里集体种树算我一个); the rule said, then where to sign up
(党员65岁以下要参加一次义务植树 我去哪里报名); told one must claim a zone, not yet, how (支书说…我还没认 怎么认: the list);
a voice story of the record ending in where the ＋ is (…那个加号在哪里: the next step and how to send the photo). Older
lefts: 有咩可以帮到我 (the help), 我认咗两棵橄榄 (a pledge), 同老婆一齐认领两棵桂花 (the household's pledge).

The set's cases, then conv98's own examples in other words (tests/data/conversation_examples_conv98.tsv, written before
each reader changed, run on main first: 21/56 on main 01b05ba8, 55/56 after) and controls whose route must not change
(their handler on main, checked on this tree)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    load,
    probe,
)

PROBES = [
    ("new", "我帮阿爸喺佢部手机度登记 佢叫李永福 埔心村人", "register"),
    ("new", "喂喂你好我是埔心村的刘桂英今年七十多了孙子帮我关注了这个号说要报个名字才能用我要怎么弄", "register"),
    ("finished", "刚才回复里叫我村民12 我不是这个名 我叫黄亚四 怎么改", "rename"),
    ("cadre", "我想修改登记的姓名", "rename"),
    ("pending", "阿妈问佢今年种咗几多棵树 帮佢查下", "progress"),
    ("pending", "喂这个号一天到晚叮叮叮的我阿婆说吵死了能不能不要再发了", "unsubscribe"),
    ("cadre", "帮没有智能手机的老人户报种树怎么操作", "log"),
    ("finished", "下次种了还是这样发照片就行吗", "log"),
    ("member", "上次报嘅认领两棵龙眼 而家种唔到了 想撤回", "pledge"),
    ("finished", "下次村里集体种树算我一个", "join"),
    ("party", "党员65岁以下要参加一次义务植树 我去哪里报名", "join"),
    ("party", "支书说每个党员要认一块责任区管护 我还没认 怎么认", "zone"),
    ("pending", "喂你好我刚才说了两棵荔枝然后你叫我发照片我不知道怎么弄那个加号在哪里", "how"),
    # older lefts
    ("pending", "有咩可以帮到我", "help"),
    ("member", "我认咗两棵橄榄", "pledge"),
    ("party", "同老婆一齐认领两棵桂花", "pledge"),
]

EXAMPLES = load("conversation_examples_conv98.tsv")
LEFT = {
    "after_photo:阿妈问佢种咗几多棵树 帮佢查下": (
        "an example written first that stays: right after a photo, a relative's count relayed is the photo's question"
        " (photo_question, a ticket with the photo), which is read before the progress routes; while a record waits for"
        " its photo (pending) it is mended"
    ),
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES, *EXAMPLES], LEFT))
def test_round_98(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# Controls written with the examples: the route each took on main 01b05ba8, which must stay (two changed for the better,
# said beside them)
CONTROLS = [
    ("member", "怎么修改登记的树种", "faq_answer"),  # a tree's entry, no name
    ("new", "我帮阿爸登记 佢冇手机 用我的手机 佢叫李永福 埔心村", "for_someone"),  # the sender's phone: nobody bound
    ("new", "我阿爸冇智能手机 用我个号同佢登记得唔得 佢叫刘松林埔心村", "for_someone"),
    (
        "member",
        "你好我是埔心村的黄秀兰今年六十八了女儿叫我关注说要先报名字我该怎么弄",
        "faq_answer",
    ),  # registered already
    ("party", "义务植树一年要参加几次", "faq_answer"),
    ("member", "我认咗佢做契爷", "faq_answer"),  # 认 of no trees
    ("finished", "我种咗两棵荔枝", "planting_text"),
    ("member", "我同老婆一齐种咗两棵龙眼", "planting_text"),  # planted together: a record, no pledge
    ("member", "你叫我发照片我不知道怎么弄那个加号在哪里", "faq_answer"),  # no record waiting
    ("finished", "下次种什么树好", "faq_answer"),
    ("pending", "有什么可以帮你种树", "faq_answer"),
    ("member", "我妈问她荔枝叶子黄了怎么办 帮她查一下", "ticket_from_question"),  # her tree's trouble
    ("member", "上次报嘅两棵龙眼 想撤回", "faq_answer"),  # no pledge named
    ("cadre", "村民冇手机嘅点样帮佢哋报", "planting_menu"),
    ("member", "阿婆话好烦 唔想再收专家回复", "answers_unwanted"),
    # changed for the better: an adviser's answers not wanted switch nothing off (tidy77's rule; 能不能不要 had lost its
    # refusal and read as the reminders' stop)
    ("member", "专家的回复能不能不要再发了", "answers_unwanted"),
    # changed: a villager told the party's zone rule gets the zone route's own reply (the zones are party members' and
    # cadres'; 认养 instead), which main gave to '书记话党员都要认领责任区 我未认 点认' already
    ("member", "支书说每个党员要认一块责任区 我还没认 怎么认", "zone_list"),
]


@pytest.mark.parametrize(("context", "message", "handler"), CONTROLS, ids=[f"{c}:{m}" for c, m, _h in CONTROLS])
def test_round_98_control(probe, context, message, handler):  # noqa: F811
    assert probe.handler_for(context, message) == handler


def test_a_pledge_pointed_at_loosely_is_withdrawn(probe):  # noqa: F811
    """22s: '上次报嘅认领两棵龙眼 而家种唔到了 想撤回' had become a ticket; now the household's 龙眼 pledge ends."""
    assert probe.run("twice", "认领 2棵龙眼 || 上次报嘅认领两棵龙眼 而家种唔到了 想撤回", "pledge") == ""
    assert probe.last_handler(probe.openid) == "pledge_cancel"
    pledged = probe.rows(
        "SELECT cancelled_at FROM pledges WHERE person_id IN (SELECT id FROM people WHERE openid = ?)", [probe.openid]
    )
    assert pledged and all(row["cancelled_at"] for row in pledged)


def test_a_pledge_told_with_renzo_is_pledged_never_a_record(probe):  # noqa: F811
    """Round 97's left: '我认咗两棵橄榄' had started a planting record of 2 橄榄; it is the household's pledge."""
    assert probe.run("member", "我认咗两棵橄榄", "pledge") == ""
    assert not probe.rows("SELECT id FROM plantings WHERE openid = ?", [probe.openid])


def test_the_photos_how_at_the_end_of_a_story_says_where_the_plus_is(probe):  # noqa: F811
    story = "喂你好我刚才说了两棵荔枝然后你叫我发照片我不知道怎么弄那个加号在哪里"
    assert probe.run("pending", story, "how") == ""
    reply = probe.last_reply(probe.openid)
    assert probe.bot.t("planting.photo_send_how").strip() in reply
    assert len(probe.rows("SELECT id FROM plantings WHERE openid = ?", [probe.openid])) == 1  # no second record


def test_a_parent_registered_on_their_own_phone_is_bound_to_their_name(probe):  # noqa: F811
    assert probe.run("new", "我帮阿爸喺佢部手机度登记 佢叫李永福 埔心村人", "register") == ""
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == [{"name": "李永福"}]
