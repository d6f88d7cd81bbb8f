"""Round 38 of issue 17 §5, through signed pushes: a batch written before any change for it (the conv38 session),
across the probe harness's contexts and kinds: relatives and neighbours asking after the household's records, records,
certificates, zones, pledges and the planting day asked in words the bot has not seen, retractions and corrections
(with and without anything reported), stop-words about something else, in Mandarin, Cantonese, Hakka and Teochew
flavour, voice-typed, with typos and in traditional characters; then controls that keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # the household's trees asked after, by the sender or for a relative: the household's own records (progress)
    ("member", "阿妈叫我问下 我哋屋企啲龙眼记咗未", "progress"),
    ("member", "帮我妈看下我们家那两棵桂花登记上没有", "progress"),
    ("member", "我家那棵杨梅有没有记上去", "progress"),
    ("member", "屋企嗰几棵荔枝报咗上去冇", "progress"),
    ("member", "俺家门口那棵香樟算进去了吗", "progress"),
    ("member", "我屋家种嘅柚子有冇记录到", "progress"),
    ("member", "我們家的樹記上了沒有", "progress"),
    ("member", "老豆叫我睇下屋企啲树算咗未", "progress"),
    # one's own standing in other words
    ("member", "我今年总共种咗几多 够唔够数", "progress"),
    ("member", "我家任务完成了没", "progress"),
    ("cadre", "我哋村而家排第几", "progress"),
    # certificates, zones, pledges in words not seen
    ("member", "我嘅证书喺边度睇", "certificate"),
    ("member", "证书出来了吗 我的那张", "certificate"),
    ("member", "我屋企嘅植树证书可唔可以发俾我", "certificate"),
    ("party", "我嘅责任区系边块", "zone"),
    ("party", "分给我管的那片林在哪里", "zone"),
    ("member", "我想认领两棵龙眼 清明前种", "pledge"),
    ("member", "帮我记低 认领一棵黄皮", "pledge"),
    # the planting day
    ("member", "植树节那天我去帮手 记我一个", "join"),
    ("member", "礼拜六种树活动 我同阿爸两个都去", "join"),
    ("member", "种树那天几点集合", "question"),
    ("member", "今年有冇义务植树活动", "question"),
    # adoption's procedure, and adopting from afar by a follower not registered
    ("member", "认养一棵树要走什么流程", "adopt"),
    ("member", "认种果树需要办啥手续", "adopt"),
    ("new", "我喺深圳返唔到 可以认养村里一棵树吗", "adopt"),
    ("new", "我不是本村的 能不能认养一棵树", "adopt"),
    # a withdrawal asked with nothing ever reported: told there is none (never a ticket); one just reported: withdrawn
    ("member", "头先报嗰条唔算 删咗佢", "cancel"),
    ("member", "刚刚报错了 那条记录作废", "cancel"),
    ("member", "上一条记录帮我撤回", "cancel"),
    ("finished", "头先报嘅两棵荔枝唔作数 帮我撤咗佢", "cancel"),
    ("finished", "刚才那条记录不算数", "cancel"),
    # retractions and corrections of the record in progress
    ("pending", "唔好意思 报错咗 唔要呢条", "cancel"),
    ("pending", "不对不对 这条不算", "cancel"),
    ("after_photo", "相片影错咗 唔好记", "cancel"),
    # stop-words about something else: the trees' care asked, never the reminders
    ("member", "不要再浇水了吗", "question"),
    ("member", "下雨天就别再淋水了吧", "question"),
    ("member", "停止施肥要等到几时", "question"),
    ("member", "别再给树打药了吗 会不会死", "question"),
    # the reminders in new words
    ("member", "莫再发通知过来了 我晓得了", "unsubscribe"),
    ("member", "提醒帮我重新开翻", "resubscribe"),
    # registering, renaming, reporting, how
    ("new", "我系埔心村嘅黄美玲 帮我登记", "register"),
    ("member", "名字少打了一个字 应该叫李秀兰", "rename"),
    ("member", "今天在屋后种了两颗荔枝", "planting"),
    ("member", "头先同老婆种咗三条龙眼", "planting"),
    ("member", "阿爸今日种咗一棵黄皮 帮佢记", "planting"),
    ("member", "点样记录种咗嘅树", "how"),
    # staff
    ("adviser", "今日嘅问题仲有几多未答", "queue"),
    ("adviser", "到咗村口 打卡", "sign_in"),
]
LEFT: dict[str, str] = {
    "帮我记低 认领一棵黄皮": "黄皮 is off the campaign's list (messages/species.toml [offlist]): the pledge route takes it,"
    " keeps no pledge row and says what the campaign says of such trees (conv96: pledges.offlist_species with the FAQ's"
    " camp.exotic); which trees a pledge may name is the campaign's knowledge (a source needed), not the conversation's",
}
# 19m's misses round 38 fixed (tests/e2e/test_conversation_probes.py _ROUND_19M_LEFT): they cannot regress
FIXED_19M = [
    ("member", "阿公问我哋屋企嗰棵荔枝有冇记到", "progress"),  # the household's tree, asked for a grandfather
    ("member", "刚才报的那个不作数 帮我撤掉", "cancel"),  # nothing ever reported: told there is no record to withdraw
    ("member", "认养一棵树要办什么手续", "adopt"),  # adoption's procedure: the list, which says how (认养 编号)
    ("new", "我人在广州 不是村里户口 能认养一棵埔心村的树吗", "adopt"),  # welcome from afar, then how to register
]
CONTROLS = [
    # the household's trees, their care or fruit asked, a neighbour's: no progress
    ("member", "我家的荔枝叶子黄了 有没有办法", {"my_progress", "planting_text"}),
    ("member", "我家荔枝结了几个", {"my_progress"}),
    ("member", "邻居家的树记上没有", {"my_progress"}),
    ("member", "我家门口那棵树要不要剪枝", {"my_progress", "planting_text"}),
    ("member", "我家的证书名字错了", {"my_progress"}),
    ("member", "我家老人不会用手机 怎么报", {"my_progress"}),
    # 手续 of something else than adopting; how to adopt stays the FAQ's
    ("member", "认养的树死了 要办什么手续", {"adoption_list"}),
    ("member", "办证书要什么手续", {"adoption_list"}),
    ("member", "怎么认养", {"adoption_list"}),
    # stop-words about the trees' care
    ("member", "不要再浇水了", {"reminders_off"}),
    ("member", "别再打药了", {"reminders_off"}),
    ("member", "停水了 树怎么办", {"reminders_off"}),
    # the withdrawal's rules asked, a question or the day retracted, not a record
    ("member", "作废的记录还算不算", {"withdraw"}),
    ("member", "记录作废了要重新报吗", {"withdraw"}),
    ("member", "种树活动取消了吗", {"cancel", "withdraw"}),
    ("member", "头先个问题唔使答了", {"withdraw"}),
    ("member", "取消认领", {"withdraw"}),
    ("pending", "不要删 我还要补照片", {"cancel"}),
    ("finished", "刚才那两棵荔枝长得好", {"withdraw", "withdraw_confirm"}),
    # the zones', pledges' and certificates' rules
    ("party", "责任区的树死了谁负责", {"zone_claim"}),
    ("member", "邻居的证书怎么打印", {"my_certificates"}),
    ("member", "认领的树死了怎么办", {"pledge"}),
    # the planting day's questions, no wish
    ("member", "种树活动要带什么", {"event_join", "event_join_code"}),
    ("member", "去年种树活动我参加了", {"event_join", "event_join_code"}),
    # a named relative's own standing stays theirs (round 27's design)
    ("member", "阿嬷问她的树种够了没有", {"my_progress"}),
]


# The second batch, written after the first's fixes and run once before any change for it: how far they carry (a
# figure of their own writer, who knows them)
EXAMPLES_B = [
    ("member", "帮阿嫲睇下 我哋屋企今年种够数未", "progress"),
    ("member", "我老公问 我们家的树登记好了没有", "progress"),
    ("new", "我帮我爸登记 他叫陈国强 埔心村的", "register"),
    ("member", "帮我爸报两棵龙眼 他不会用手机", "planting"),
    ("member", "我屋企个证书出咗未", "certificate"),
    ("member", "植树证书可以发一张给我吗", "certificate"),
    ("member", "我認領嘅兩棵桂花 幾時要種", "pledge"),
    ("party", "党员责任区我分到咗未", "zone"),
    ("member", "下个礼拜种树活动 我同屋企人一齐嚟", "join"),
    ("member", "植树那日 我一家三口都去", "join"),
    ("finished", "啱啱嗰条唔啱 撤回先", "cancel"),
    ("finished", "頭先報嗰條作廢", "cancel"),
    ("member", "之前报的记录全部删掉", "cancel"),
    ("pending", "唔系两棵 系三棵", "planting"),
    ("after_photo", "呢张相唔要 我再影过", "cancel"),
    ("member", "停电了 抽水机用不了 树会不会干死", "question"),
    ("member", "別再施肥了嗎 葉子都燒焦了", "question"),
    ("member", "唔好再剪枝啦係咪", "question"),
    ("member", "种树嘅通知我唔想再收喇", "unsubscribe"),
    ("member", "啲提醒可唔可以再开返", "resubscribe"),
]
CONTROLS_B = [
    ("member", "邻居阿婆叫我帮她问 她的树记上没有", {"my_progress"}),
    ("member", "我家隔壁的树记上没有", {"my_progress"}),
    ("member", "我家那棵荔枝记得浇水吗", {"my_progress"}),
    ("member", "停止浇水几天会死吗", {"reminders_off"}),
    ("member", "通知说周六种树 要带锄头吗", {"reminders_off", "event_join", "event_join_code"}),
    ("member", "撤回的消息你还看得到吗", {"withdraw", "cancel"}),
    ("member", "作废是什么意思", {"withdraw"}),
    ("finished", "刚才那两棵荔枝要浇多少水", {"withdraw", "withdraw_confirm"}),
    ("member", "认养手续费多少", {"adoption_list"}),
]
LEFT_B: dict[str, str] = {
    "我認領嘅兩棵桂花 幾時要種": "when to plant the trees one pledged: the FAQ answers with 桂花's planting season (2–4月),"
    " a right answer; the pledge's own month is in 我的认领 (pledge_mine), which reads no question of when",
}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES_B, LEFT_B))
def test_round_38_second_batch_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS_B, ids=[f"{c}:{m}" for c, m, _ in CONTROLS_B])
def test_round_38_second_batch_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_38_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_38_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19M, {}))
def test_round_38_fixed_19m_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# a withdrawal asked with no record ever reported (round 36's control, now told so): the withdraw route says there is
# none and how to report one, asks nothing and files no ticket (the harness checks the reply)
NOTHING_TO_VOID = [
    ("member", "刚刚报的那个作废 我重新来", "cancel"),
    ("member", "作废", "cancel"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(NOTHING_TO_VOID, {}))
def test_round_38_nothing_to_void_is_told_so(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# a relative's own trees asked whether recorded (the brief's '看下我妈种的树记上没有'; round 31's control keeps them off the
# sender's own progress): where they are recorded (under the WeChat that reported them) and the household's count,
# never a ticket for an adviser (written with the route; each had been a ticket or the steps of a record)
RELATIVES = [
    ("member", "看下我妈种的树记上没有", "progress"),
    ("member", "我阿爸种的龙眼登记上没有", "progress"),
    ("member", "我仔种嘅龙眼有冇记到", "progress"),
    ("member", "我老公报的两棵荔枝记上了吗", "progress"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(RELATIVES, {}))
def test_round_38_a_relatives_trees_are_told_where_they_are_recorded(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
    assert probe.last_handler(f"o-probe-{probe.count}") == "relative_progress"
