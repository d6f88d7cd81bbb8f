"""Round 42 of issue 17 §5, through signed pushes: the request kinds the blind set 19p found going astray after its
blind figure was taken (main 76b56c4: 113/140): registration from a new follower (a name jieba knows as a person's,
where one lives said around the name, just followed then how to bind, for a relative told with 弄); renames (个名, 把名,
a character missing, a pet name to the formal one); one's own record asked whether recorded; reminded again for fear of
forgetting; a tree asked whether it may be planted (a gift's 几棵 no count asked); the adoptable list seen, then one
picked; a count told then 登记为认领, 认 for 认领, a quota said first; the day's 活动 heard of, then a wish to help; how to
claim a zone, then a stretch to tend; an adviser's unanswered questions to be shown; another matter then a question
during a ticket; a relative's trees then how to log them; the record's steps in other words. Examples of its own,
written before they were run (on main 76b56c4: 11/30, controls 10/10; after 30/30), a second batch written after those
fixes (6/20, controls 6/6; after 20/20), a third after all (3/4, control 1/1; after 4/4); controls that keep their old
route; then the 19p messages it fixed, so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # a new follower: a village and a name alone, or told with a request to bind
    ("new", "埔心村 黄志明", "register"),
    ("new", "埔心村 李桂芳", "register"),
    ("new", "我叫陈志强住在埔心村三队 请帮我登记一下", "register"),
    ("new", "我叫罗美玲 住埔心村 帮我绑定下", "register"),
    ("new", "点样登记啊 我住埔心村 我叫钟丽芳", "register"),
    ("new", "怎么登记 我是埔心村的 我叫黄秋菊", "register"),
    # a new follower asking how, 登记 or 绑定 said, no name: a bare 登记 (the name asked next)
    ("new", "刚关注 要先登记吧 怎么弄", "register"),
    ("new", "新关注的 是不是要先绑定身份 怎么绑", "register"),
    ("new", "啱啱关注 要唔要先登记 点样绑定", "register"),
    ("new", "刚关注的 怎么登记身份", "register"),
    # the registered name to be changed to another, said in words
    ("member", "帮我把名字改成黄志强 之前登记的是我哥的名", "rename"),
    ("member", "帮我个名改成陈秀兰", "rename"),
    ("party", "我个名写少咗个字 应该系李志强唔系李强", "rename"),
    ("member", "名字少了一个字 应该是王秀英不是王英", "rename"),
    ("cadre", "登记的时候写了小名 阿明 要改成正式的黄志明", "rename"),
    ("member", "之前写咗花名 阿芳 要改做陈美芳", "rename"),
    # own records asked whether recorded
    ("member", "查下我的记录 不知道上次有没有记上", "progress"),
    ("member", "睇下我嘅记录 上次有冇记到", "progress"),
    ("party", "党员要种一棵 我的记上了没有", "progress"),
    ("party", "我种的那棵记上没", "progress"),
    # the reminders wanted again
    ("member", "可以再提醒我吗 我怕忘记淋水", "resubscribe"),
    ("member", "能不能再提醒我 怕忘了浇水", "resubscribe"),
    ("member", "再提醒我啦 我成日唔记得淋水", "resubscribe"),
    # the record in progress: how to go on
    ("pending", "我怎么发照片给你", "how"),
    ("pending", "照片要怎么拍 要拍到人吗", "how"),
    ("pending", "怎样完成这个记录", "how"),
    ("pending", "点样完成呢个记录", "how"),
    ("after_photo", "还要写什么", "how"),
    ("after_photo", "仲要写啲咩", "how"),
    ("after_photo", "我不会打字 怎么说几棵", "how"),
    # a second batch, written after those fixes and run once before any change for it
    # whether a kind of tree may be planted, a gift told after it: a question, never progress
    ("member", "可以种外地的树吗 亲戚送了几棵", "question"),
    ("member", "能种进口的树苗吗 朋友送我几棵", "question"),
    ("member", "可唔可以种外国嘅树 朋友送咗几棵俾我", "question"),
    ("member", "可以种国外的品种吗 有人送了我两棵", "question"),
    # the adoptable list seen, one picked by its place in it
    ("member", "我看了认养名单 要第三棵", "adopt"),
    ("member", "睇咗认养名单 我要第一棵", "adopt"),
    ("member", "认养名单看过了 就要第二棵吧", "adopt"),
    # a count pledged, 认领 named or 认 said of trees
    ("cadre", "我报五棵 帮我登记为认领", "pledge"),
    ("cadre", "我报两棵 登记做认领", "pledge"),
    ("cadre", "上面说每人至少三棵 我先认三棵荔枝", "pledge"),
    ("party", "书记讲每人最少三棵 我认两棵龙眼先", "pledge"),
    # the day's event heard of, a wish to help at it
    ("member", "听说今天有活动 我也想去帮忙", "join"),
    ("member", "听讲听日有植树活动 我都想去帮手", "join"),
    ("member", "今日有活动喎 我都想去帮下手", "join"),
    # a care zone asked how, a stretch of trees to look after
    ("party", "怎么领养护区 我想管一段路边的树", "zone"),
    ("party", "点样认领责任区 我想管河边嗰段", "zone"),
    ("cadre", "养护区怎么领 我想管村口那段路", "zone"),
    # an adviser asking to be shown the questions not answered
    ("adviser", "把没回复的问题发给我", "queue"),
    ("adviser", "将未答嘅问题发俾我睇下", "queue"),
    ("adviser", "没回的问题给我看看", "queue"),
    # a third batch, written after all of this round's fixes (classes reached only then: another matter during a
    # ticket, a relative's trees then how to log them), run once as written
    ("ticket", "还有一件事 屋后面那块坡地种什么好", "new"),
    ("ticket", "另外一件事 龙眼几时施肥", "new"),
    ("member", "我爸种了树 他没有手机 怎么帮他登记", "log"),
    ("member", "我阿嫲种咗树 佢冇手机 点样帮佢记", "log"),
]
LEFT: dict[str, str] = {}
CONTROLS = [
    ("member", "我想改名字", {"register"}),
    ("member", "我的进度", {"ticket_from_question"}),
    ("member", "订阅", {"faq_answer"}),
    ("new", "埔心村活动", {"register"}),
    ("member", "埔心村 李秀英", {"register"}),
    ("pending", "取消", {"planting_menu"}),
    ("after_photo", "然后要淋水吗", {"faq_answer", "ticket_from_question"}),
    ("member", "荔枝要浇多少水", {"reminders_on"}),
    ("member", "可以提醒我施肥吗", {"my_progress"}),
    ("new", "登记种树", {"register"}),
    # the second batch's
    ("member", "外国的树适合我们这里种吗", {"my_progress"}),
    ("member", "认养名单", {"ticket_from_question"}),
    ("cadre", "认领是什么意思", {"pledge"}),
    ("member", "今天有活动吗", {"event_join"}),
    ("party", "养护区是什么", {"zone_claim"}),
    ("member", "我问的问题没人回", {"ticket_queue"}),
    # the third batch's: a detail told after 还有一件事 stays the ticket's 补充
    ("ticket", "还有一件事 叶子也卷了", {"faq_answer", "ticket_from_question", "ask_expert"}),
]
FIXED_19P = [
    ("new", "你好我是帮我妈弄的 她叫李秀英 埔心村 要怎么绑定", "register"),
    ("new", "埔心村 陈国强", "register"),
    ("new", "刚关注的 要先登记身份吧 怎么绑定", "register"),
    ("new", "我叫张伟明住在埔心村五队 请帮我绑一下号", "register"),
    ("new", "点样先可以登记啊 我屋企喺埔心村 我叫何带娣", "register"),
    ("member", "帮我把名改成陈志明 之前登记的系我细佬个名", "rename"),
    ("party", "我个名少咗个字 应该系黄国华唔系黄华", "rename"),
    ("cadre", "上次登记名字写了小名 阿强 要改成正式的刘国强", "rename"),
    ("member", "查下我嘅记录 唔知上次有冇记到", "progress"),
    ("party", "党员要种一棵 我那个记上没", "progress"),
    ("member", "可以再提醒我吗 我怕忘记浇水", "resubscribe"),
    ("member", "可以种外国的树吗 我朋友送了几棵", "question"),
    ("ticket", "还有一个事 家门口那块地适合种什么树", "new"),
    ("party", "我要记录种的树要拍照吗 步骤是什么", "log"),
    ("member", "我阿妈种了树 她不会用手机 怎么帮她记", "log"),
    ("member", "我睇咗认养名单 就要第二棵", "adopt"),
    ("cadre", "我报三棵 帮我登记为认领", "pledge"),
    ("cadre", "书记说每人至少三棵 我先认三棵香樟", "pledge"),
    ("member", "听讲今日有活动 我都想去帮手", "join"),
    ("party", "点样领养护区啊 我想管一段路边嘅树", "zone"),
    ("adviser", "把没回的问题发给我看看", "queue"),
    ("pending", "我要怎么发照片给你", "how"),
    ("pending", "照片点样影 要影埋人吗", "how"),
    ("after_photo", "还要写什么吗", "how"),
    ("after_photo", "我唔识打字 点样讲几多棵", "how"),
    ("pending", "怎么完成这个记录", "how"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_42_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_42_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19P, {}))
def test_round_42_fixed_19p_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
