"""Round 48 of issue 17 §5, through signed pushes: the request kinds the blind sets 19u and 19v found going astray
after their blind figures were taken (19u on d67ec84: 115/140, 118/140 after the rename fix; 19v on 7cb80bf: 122/140).
Examples of its own for each class, written before their class was mended and run on main 7cb80bf first (19u's
classes: 8/53, controls 16/16; 19v's: 19/46, controls 10/10; after the round 49/53 and 46/46, controls held, ten more
added with the fixes); then the probes it fixed (19u 19, 19v 17), so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# 19u's classes
EXAMPLES_19U = [
    # the adoptable trees: one picked by its place in the list, how to adopt asked in Cantonese, the list to see
    ("member", "认养第二个嗰棵", "adopt"),
    ("member", "我要认种第三个", "adopt"),
    ("member", "认养树点弄", "adopt"),
    ("new", "认种树要点样搞", "adopt"),
    ("party", "认养树嘅清单睇下", "adopt"),
    ("member", "可以认养嘅树单俾我睇睇", "adopt"),
    ("member", "想认领棵树嚟认养 点做", "adopt"),
    # a care zone taken by its number, or asked where the zones are
    ("party", "责任区要第三个", "zone"),
    ("cadre", "责任区揀第一个", "zone"),
    ("party", "我领第二个责任区", "zone"),
    ("party", "我哋村嘅责任区喺边度", "zone"),
    ("party", "党员责任区在哪里", "zone"),
    # one's certificate (or a relative's, asked by the sender) asked when it comes
    ("member", "证书几时有", "certificate"),
    ("party", "我嘅证书几时可以攞", "certificate"),
    ("member", "我爸叫我问 佢张证书几时有", "certificate"),
    ("finished", "荣誉证书什么时候发", "certificate"),
    ("member", "几时攞得到证书", "certificate"),
    # registration: the village and the name packed before 登记, the name said with 个名系, how to register asked
    ("new", "埔心村李秀珍登记", "register"),
    ("new", "埔心村 黄志明登记一下", "register"),
    ("new", "𠊎个名系张桂芳 埔心村嘅", "register"),
    ("new", "我个名系罗少芬 住埔心村", "register"),
    ("new", "点先可以登记做村民", "register"),
    ("new", "要点样先可以登记", "register"),
    # reminders: on again with a reason, back again after they were refused, off said 唔使再推
    ("member", "继续发提醒俾我 我想知道几时种", "resubscribe"),
    ("member", "还是提醒我吧 我要知道活动时间", "resubscribe"),
    ("twice", "唔要提醒 || 又想要返", "resubscribe"),
    ("twice", "退订 || 我又想收返", "resubscribe"),
    ("new", "唔使再发嘢俾我啦", "unsubscribe"),
    ("member", "唔使再推送俾我", "unsubscribe"),
    ("new", "不用再推东西给我了", "unsubscribe"),
    # the record's next step (the photo will not go, what now), logging once more, a cadre logging for others
    ("pending", "相片发唔到点算", "how"),
    ("pending", "张相传唔上去点算", "how"),
    ("twice", "两棵龙眼 || 跟住点做", "how"),
    ("twice", "五棵桂花 || 要点样继续", "how"),
    ("finished", "想再记一次点搞", "log"),
    ("finished", "点样再报多一次", "log"),
    ("member", "点样再登记多次", "log"),
    ("cadre", "帮人登记种树点样操作", "log"),
    ("cadre", "村民种咗树 点样帮佢登记", "log"),
    ("cadre", "帮冇手机嘅人记种树点做", "log"),
    ("cadre", "老人家种咗树 点帮佢记", "log"),
    # a pledge said with 报 and the year it is for
    ("party", "我今年报两棵荔枝", "pledge"),
    ("member", "今年我哋屋企报五棵龙眼", "pledge"),
    ("party", "明年报三棵杨梅", "pledge"),
    ("cadre", "今年我报四棵桂花", "pledge"),
    # an elliptic follow-up after progress asked: the other figure
    ("twice", "我种了几棵 || 全村呢", "progress"),
    ("twice", "我家种咗几多棵 || 村里呢", "progress"),
    ("twice", "本村进度 || 我自己呢", "progress"),
    ("twice", "我的进度 || 成个村呢", "progress"),
    # the planting day heard of, then how to go or the wish to go
    ("member", "听讲有植树活动 点样去", "join"),
    ("party", "听说村里搞种树活动 我想去", "join"),
    ("member", "植树日我都想去 点去", "join"),
    ("party", "听讲礼拜六种树 我想去帮手", "join"),
]

# What must keep its route: questions about adoption, zones, certificates, reminders, pledges, the day in general
CONTROLS_19U = [
    ("member", "认养是什么意思", {"adoption_list", "adoption_pick", "adoption_pick_unlisted"}),
    ("member", "认养和认种有什么区别", {"adoption_list", "adoption_pick", "adoption_pick_unlisted"}),
    ("party", "责任区管护要做什么", {"zone_list", "zone_claim", "zone_claim_unlisted"}),
    ("party", "什么是责任区", {"zone_list", "zone_claim", "zone_claim_unlisted"}),
    ("member", "证书出来要多久", {"my_certificates"}),
    ("member", "证书有什么用", {"my_certificates"}),
    ("member", "村里的证书出来了吗", {"my_certificates"}),
    ("member", "几时种树最好", {"reminders_on"}),
    ("member", "唔使再发相俾我吗", {"reminders_off"}),
    ("member", "今日种咗两棵龙眼 报两棵", {"pledge"}),
    ("party", "党员今年要报几棵", {"pledge"}),
    ("member", "全村呢", {"village_progress"}),
    ("twice", "桂花几时种 || 龙眼呢", {"village_progress", "my_progress"}),
    ("member", "植树活动点样参加", {"event_join", "event_join_code"}),
    ("member", "听讲有植树活动", {"event_join", "event_join_code"}),
    ("member", "登记要带身份证吗", {"register"}),
]

# 19v's classes
EXAMPLES_19V = [
    # a cadre asking which party members (or households) have not planted yet
    ("cadre", "边啲党员仲未种树 帮我睇下", "progress"),
    ("cadre", "哪些党员还没完成种树任务", "progress"),
    ("cadre", "有冇党员仲未交任务", "progress"),
    ("cadre", "仲有边几户未种 帮我查下", "progress"),
    # a tree planted, its name typed by its sound
    ("member", "门口种咗棵桂化", "planting"),
    ("member", "今日种咗棵荔技", "planting"),
    ("member", "屋后种咗棵龙颜", "planting"),
    ("member", "种咗棵阳梅喺田边", "planting"),
    # during a ticket: the watering told, then whether it is right
    ("ticket", "我每日都淋水 淋得够唔够", "supplement"),
    ("ticket", "我隔日就淋一次水 系咪淋多咗", "supplement"),
    ("ticket", "我每天都浇水，浇多了吗", "supplement"),
    ("ticket", "我三日淋一次水 啱唔啱", "supplement"),
    # an adviser's list of what waits (待处理)
    ("adviser", "我嘅待处理睇下", "queue"),
    ("adviser", "待处理嘅问题列出嚟", "queue"),
    ("adviser", "看看我的待处理清单", "queue"),
    ("adviser", "未处理嘅问题睇下", "queue"),
    # one's certificate called 奖状, or asked how to get it
    ("member", "我张奖状点攞", "certificate"),
    ("party", "奖状喺边度拎", "certificate"),
    ("finished", "张证书点样拎", "certificate"),
    ("member", "我嘅奖状几时有", "certificate"),
    # a care zone asked for as a piece of land to tend
    ("party", "我想认领一块地管护", "zone"),
    ("cadre", "想负责管护一片区域", "zone"),
    ("party", "认领一段路负责管护", "zone"),
    ("party", "我想领一片地方嚟管护", "zone"),
    # adoption said as paying for a tree, or 领养, choosing which
    ("party", "我想出钱认一棵树 挂我个名", "adopt"),
    ("member", "出钱养棵树得唔得", "adopt"),
    ("member", "我想领养村口嗰啲树 点揀", "adopt"),
    ("member", "领养一棵树 揀边棵好", "adopt"),
    # registration: a villager of the roster's village with 名叫, 想报名, 注册做村民
    ("new", "我系埔心村嘅，名叫黄少珍", "register"),
    ("new", "埔心村嘅陈玉梅想报名", "register"),
    ("new", "我想注册做村民 我叫李志华 埔心村", "register"),
    ("new", "埔心村村民 名叫钟秀兰", "register"),
    # a pledge after one's quota is said: 先认领
    ("party", "我要种两棵龙眼 先认领住", "pledge"),
    ("cadre", "书记要种三棵 我先认领定", "pledge"),
    ("party", "我先认领两棵 迟啲种", "pledge"),
    ("cadre", "我做书记要种三棵 帮我认领定先", "pledge"),
    # the planting day: going with family, going to help
    ("member", "我同阿妈一齐去种树日报名", "join"),
    ("party", "我想去植树活动帮手", "join"),
    ("member", "村里搞种树活动 我都去帮手", "join"),
    ("member", "带埋个女去种树日 报个名", "join"),
    # a record waiting for its photo: whether the photo is needed; what next after the count
    ("pending", "系咪一定要影相先得", "how"),
    ("pending", "要唔要影埋相", "how"),
    ("pending", "一定要发相咩", "how"),
    ("pending", "是不是要拍照才行", "how"),
    ("twice", "两棵荔枝 || 然后呢", "how"),
    ("twice", "四棵龙眼 || 之后呢？要影相吗", "how"),
]

CONTROLS_19V = [
    ("member", "每日淋几多水", {"ticket_supplement_text"}),
    ("member", "睇下我嘅树", {"ticket_queue"}),
    ("member", "村里评先进有奖状吗", {"my_certificates"}),
    ("member", "认领两棵荔枝", {"zone_list", "zone_claim", "zone_claim_unlisted"}),
    ("party", "管护是什么意思", {"zone_list", "zone_claim", "zone_claim_unlisted"}),
    ("member", "种树要出钱吗", {"adoption_list", "adoption_pick", "adoption_pick_unlisted"}),
    ("member", "植树活动要带什么", {"event_join", "event_join_code"}),
    ("member", "拍照有什么要求", {"planting_menu"}),
    ("member", "桂花", {"planting_text"}),
    ("party", "党员要种几棵", {"pledge"}),
    # added with the fixes: how to register asked bare, a sign-up for the day beside the village's name, others going,
    # today's report said with 报, the elliptic with nothing before it, a villager asking how to log for another
    # ('怎么登记' from one not registered yet asks the name since round 81: tests/e2e/test_conversation_round52.py)
    ("new", "埔心村种树活动报名", {"register"}),
    ("member", "村里搞种树活动 大家都参加了", {"event_join"}),
    ("member", "今天报两棵龙眼", {"pledge"}),
    ("member", "又想收返", {"reminders_on"}),
    ("twice", "桂花几时种 || 我自己呢", {"my_progress"}),
    ("member", "代人登记种树点操作", {"planting_menu"}),
    ("member", "帮屋企老人登记种树点搞", {"planting_menu"}),
    ("member", "我每日都淋水 淋得够唔够", {"ticket_supplement_text"}),
    ("member", "睇下我个待处理列表", {"ticket_queue"}),
    # the lead's: a pick by its place while a planting record waits is the record's; an adviser holds no zone
    ("pending", "要第二个", {"zone_claim_unlisted", "adoption_pick_unlisted"}),
    ("adviser", "领第一个", {"zone_claim_unlisted"}),
]

# The lead's, found in the simulator (NEXT.md), written before they were mended and run on 93418fe: an unregistered
# follower saying who she is with words between and a wish after (2/5 registered before, from a plain follow and from
# the village's QR code alike), and a pick by its place alone with no list open (1/5 not a ticket before)
EXAMPLES_LEAD = [
    ("new", "你好我系埔心村嘅老人家叫做邓亚妹我想报名种树", "register"),
    ("new", "我系埔心村嘅村民叫做罗桂英想登记", "register"),
    ("new", "我系埔心村嘅阿婆 名叫钟带娣 我想报名", "register"),
    ("new", "埔心村嘅老人家 我叫做何亚妹 想报名种树", "register"),
    ("new", "你好 我系埔心村嘅 叫做黄三妹 想注册", "register"),
    ("party", "领第一个", "zone"),
    ("cadre", "揀第一个", "zone"),
    ("party", "要第二个", "zone"),
    ("member", "要第二个", "adopt"),
    ("member", "认养第三个", "adopt"),
]
QR_INTRODUCTIONS = [
    ("你好我系埔心村嘅老人家叫做邓阿娇我想报名种树", "邓阿娇"),
    ("我系埔心村嘅村民叫做罗秀英想登记", "罗秀英"),
    ("我系埔心村嘅阿婆 名叫钟亚娣 我想报名", "钟亚娣"),
    ("埔心村嘅老人家 我叫做何带妹 想报名种树", "何带妹"),
    ("你好 我系埔心村嘅 叫做黄四妹 想注册", "黄四妹"),
]

# round 68 (the lead's decision): where the zones are ('我哋村嘅责任区喺边度', '党员责任区在哪里'), asked by a party member
# of a village with zones, is the list (they had been left to the FAQ's bot.care_zones steps by round 28's design)
LEFT: dict[str, str] = {
    "荣誉证书什么时候发": "by design, written before the class was read: the issuing asked (什么时候发) of no one is the"
    " FAQ's, a control since round 36 ('证书什么时候发'); when the sender gets it (几时有, 几时可以攞) is theirs",
    "听讲有植树活动 点样去": "by design (round 37's how rule): how to go asked with no wish is the day's details"
    " (event_asked), as 19u's '听讲可以参加种树活动 点去'",
}

# The probes of 19u and 19v this round fixed
FIXED: list[tuple[str, str, str]] = [
    ("cadre", "帮冇手机嘅阿婆登记种树要点做", "log"),
    ("ticket", "我每日都有淋水，淋得几多", "supplement"),
    ("member", "种咗棵桂化喺门口", "planting"),
    ("finished", "点样再记多一次", "log"),
    ("cadre", "户主种咗树 点样帮佢记", "log"),
    ("cadre", "代人登记种树点操作", "log"),
    ("adviser", "睇下我个待处理列表", "queue"),
    ("member", "我同个仔一齐去种树日报个名", "join"),
    ("party", "听讲村里搞植树活动 我想去帮手", "join"),
    ("cadre", "我做书记要种三棵，先认领定", "pledge"),
    ("party", "今年我报三棵香樟", "pledge"),
    ("cadre", "边个党员仲未交种树任务 帮我睇下", "progress"),
    ("twice", "我种咗几多 || 成条村呢", "progress"),
    ("twice", "唔要提醒 || 又想收返", "resubscribe"),
    ("member", "继续提醒我吧 我要知道几时种树", "resubscribe"),
    ("new", "唔使再推啲嘢俾我啦", "unsubscribe"),
    ("new", "埔心村嘅何丽珍想报个名", "register"),
    ("new", "我系埔心村民，名叫刘四妹", "register"),
    ("new", "我想注册做埔心村嘅村民 我叫钟伟", "register"),
    ("new", "要点先可以登记做村民", "register"),
    ("new", "𠊎个名系温玉兰 住埔心村", "register"),
    ("new", "埔心村杨志坚登记", "register"),
    ("pending", "系咪要影埋棵树先得", "how"),
    ("member", "我阿妈叫我问 佢几时可以攞证书", "certificate"),
    ("party", "张奖状点样拎", "certificate"),
    ("party", "我想认领一片地方负责管护", "zone"),
    ("member", "我想领养门口嗰啲树，点揀", "adopt"),
    ("party", "我想出钱养一棵树，挂个名", "adopt"),
    ("party", "责任区领第二个", "zone"),
    ("member", "荣誉证书么个时候有", "certificate"),
    ("party", "认养嘅树单睇下", "adopt"),
    ("member", "认种第一个嗰棵", "adopt"),
    ("new", "认养树点搞", "adopt"),
    ("twice", "三棵桃 || 要点继续", "how"),
    ("pending", "相片发唔出点算", "how"),
    ("twice", "三棵桂花 || 然后呢？要发相吗", "how"),
]


@pytest.mark.parametrize(
    ("context", "message", "expected"), cases_of(EXAMPLES_19U + EXAMPLES_19V + EXAMPLES_LEAD, LEFT)
)
def test_round_48_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


CONTROLS = CONTROLS_19U + CONTROLS_19V


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_48_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED, {}))
def test_round_48_fixed_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("text", "name"), QR_INTRODUCTIONS)
def test_round_48_a_follower_from_the_village_qr_registers_by_her_introduction(probe, text, name):  # noqa: F811
    """The lead's: a new follower from the village's QR code (asked her name) says who she is with words between and a
    wish after: she is registered, never a ticket for the adviser."""
    probe.count += 1
    probe.bot.clock.advance(hours=2)
    openid = f"o-qr-{probe.count}"
    user = probe.user(openid)
    user.follows(str(probe.village))
    user.says(text)
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [openid]) == [{"name": name}]
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [openid]) == []
