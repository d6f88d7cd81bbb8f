"""Round 31 of issue 17 §5, through signed pushes: a request read by its frame in the shared readers (bot/nlu.py
"frames": the parts in order, a bounded gap between them, never negated, never a question), for every kind a frame
reads (reminders off and on, joining, adoption, care zones, certificates, progress, cancel), and who the sender is said
before the request left out in the shared reading (``nlu.without_who_i_am``, handlers/core.py). Its own examples (not
any probe set's sentences), written before they were run anywhere, run once on main before round 31 (431bbbb) and once
after, and controls: texts that look like the request and are not one (they must keep out of the handlers named)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # who the sender is, said first, then the request of any kind
    ("party", "我系党员想睇下我嘅证书", "certificate"),
    ("cadre", "我是村干部 帮我看下全村进度", "progress"),
    ("party", "本人系老党员 我种咗几多棵喇", "progress"),
    ("member", "我是村民 想认养一棵荔枝树", "adopt"),
    ("party", "我是党员 我要认领一块责任区", "zone"),
    ("party", "作为党员我想参加这次种树活动", "join"),
    ("member", "我系村民 唔好再发提醒俾我", "unsubscribe"),
    # reminders off: the refusal, a few words, the sending, a few words, the reminders; or the reminders, then refused
    ("member", "请你们以后别再每天发那些种树通知给我", "unsubscribe"),
    ("member", "种树的通知我暂时不想收了", "unsubscribe"),
    ("member", "植树提醒先帮我停一停", "unsubscribe"),
    # reminders on
    ("member", "之前退订了 现在还是想收到植树提醒", "resubscribe"),
    ("member", "帮我把种树提醒重新打开吧", "resubscribe"),
    # joining the planting day
    ("member", "礼拜六种树我同老婆都想去", "join"),
    ("member", "这周末村里的植树我也要报名", "join"),
    ("party", "我想报名参加下个礼拜的义务植树", "join"),
    # adoption
    ("member", "我也想认种一棵果树 给孙子做纪念", "adopt"),
    ("member", "屋企冇地种 想喺村里认养棵树", "adopt"),
    ("member", "认养树的活动我家也想参加一下", "adopt"),
    # care zones
    ("party", "我想领一片党员责任区来管护", "zone"),
    ("member", "我们小组想认领河边那块管护区", "zone"),
    ("party", "可唔可以分一块责任区俾我", "zone"),
    # certificates
    ("member", "我想看看我的植树证书", "certificate"),
    ("party", "把我的荣誉证书发给我一下", "certificate"),
    ("member", "我嗰张电子证书喺边度睇", "certificate"),
    # progress, the sender's own and the village's
    ("member", "帮我查一下我今年种了多少棵树", "progress"),
    ("member", "我种的树登记了几棵", "progress"),
    ("cadre", "想了解一下本村植树完成得怎么样", "progress"),
    ("member", "睇下我哋村种树进度去到边", "progress"),
    # the record in progress cancelled
    ("pending", "刚才报的那两棵不要了 取消掉", "cancel"),
    ("after_photo", "这张相发错了 不要记", "cancel"),
    ("pending", "唔该帮我撤销头先嗰条记录", "cancel"),
    # added after the run on main, with the frames for two of 19i's strict misses (their probes and these cover them):
    # the trees reported named, then whether they were recorded; adoption heard of, then how to sign up
    ("member", "前几天报的三棵桂花登记上了没有", "progress"),
    ("member", "听说可以认养果树 点样报名", "adopt"),
]

# (context, message, handlers it must not reach)
CONTROLS = [
    ("party", "我系党员 证书有什么用", {"my_certificates"}),
    ("cadre", "我是村干部 全村进度怎么算的", {"village_progress", "my_progress"}),
    ("member", "我不想认养树 只想自己种", {"adoption_list"}),
    ("member", "认养一棵树要多少钱", {"adoption_list"}),
    ("party", "责任区要管护到什么时候", {"zone_claim", "zone_list", "zone_claim_unlisted"}),
    ("member", "我不去参加种树活动了", {"event_join", "event_join_code"}),
    ("member", "参加种树活动有没有补贴", {"event_join", "event_join_code"}),
    ("member", "我没有收到种树提醒", {"reminders_off", "reminders_on"}),
    ("member", "为什么一直不给我发通知", {"reminders_off"}),
    ("member", "我老婆的进度怎么查", {"my_progress"}),
    ("pending", "不要取消 我还要补一张相", {"cancel"}),
    ("after_photo", "这张相片拍得清楚不清楚", {"cancel"}),
    ("party", "我是党员 要参加几次植树活动", {"event_join", "event_join_code"}),
    ("member", "邻居的证书怎么打印", {"my_certificates"}),
    ("member", "认养的龙眼结果了归谁", {"adoption_list"}),
    ("party", "我是党员 我种的荔枝叶子黄了", {"my_progress", "planting_text"}),
    # added with the two frames above
    ("member", "我阿爸种的龙眼登记上没有", {"my_progress"}),
    ("member", "认养的树死了怎么申请", {"adoption_list"}),
]


# A second batch, written after the frames were in place and run once before any change for it: how far the frames
# carry to words they were not written for (a figure of their own, biased by a writer who knows them). Main (431bbbb)
# 18/24, the frames as first written 19/24 (controls 8/8 both): they carried one more. Its five misses were then read
# and fixed by their class (going together or sure to, a zone kept for the sender, why after a retraction): 24/24, 8/8,
# a development figure from then on.
FRESH = [
    ("member", "麻烦以后莫再推送那啲种树消息", "unsubscribe"),
    ("member", "种树嘅信息暂时唔使再发俾我", "unsubscribe"),
    ("member", "通知太多了 先帮我关掉", "unsubscribe"),
    ("member", "我又想收你们的植树通知了", "resubscribe"),
    ("member", "麻烦重新开通一下种树提醒", "resubscribe"),
    ("member", "听日村里种树我带埋个仔一齐去", "join"),
    ("party", "党员义务植树那天我一定参加", "join"),
    ("member", "下礼拜的种树活动我想报个名", "join"),
    ("member", "我想帮我个孙认养一棵龙眼树", "adopt"),
    ("member", "村里的果树我都想认种一棵", "adopt"),
    ("member", "有没有树可以给我们家认养", "adopt"),
    ("member", "我是群众 我想认养一棵桂花", "adopt"),
    ("party", "我想认领祠堂后面那片责任区", "zone"),
    ("party", "党员责任区给我留一块", "zone"),
    ("cadre", "我们支部想认领一个管护区", "zone"),
    ("member", "我的植树证书发一张给我", "certificate"),
    ("party", "帮我把证书调出来看看", "certificate"),
    ("member", "我今年登记了几棵树了", "progress"),
    ("member", "查下我自己种了多少", "progress"),
    ("cadre", "我们村的植树任务完成到哪里了", "progress"),
    ("cadre", "全村一共种了几多棵", "progress"),
    ("party", "我系党员 帮我睇下我种咗几多棵", "progress"),
    ("pending", "那两棵荔枝先删掉 我报错了", "cancel"),
    ("after_photo", "刚刚那张照片唔要喇", "cancel"),
]
FRESH_CONTROLS = [
    ("member", "证书上我的名字写错了", {"my_certificates"}),
    ("member", "不想再认养了 上次那棵死了", {"adoption_list"}),
    ("member", "通知收到了 谢谢", {"reminders_off", "reminders_on"}),
    ("member", "种树活动取消了没有", {"event_join", "event_join_code"}),
    ("party", "责任区的树谁来浇水", {"zone_claim", "zone_list", "zone_claim_unlisted"}),
    ("pending", "照片要不要删掉重新拍", {"cancel"}),
    # FAQ round 51 (knowledge) had made this a strict xfail (the retrained model read bot.progress); FAQ round 53: with AR
    # in the precedents the retrained model no longer reads the village's progress, unpinned
    # round 56: once more, after AT's classes (faq56) and living.toml (know56) merged, the retrained model reads
    # bot.progress (the FAQ's entry command then gives the village's figures); strict until the model or a rule for
    # advice (比较好) settles it; round 61 (the merge of faq61, faq62's model and nature.toml): the model no longer reads
    # bot.progress, unpinned again
    ("member", "村里种了多少棵荔枝比较好", {"village_progress"}),
    ("member", "我邻居种了几棵树", {"my_progress", "village_progress"}),
]
FRESH_LEFT: dict[str, str] = {}


# Run once on main before round 31 (431bbbb): 21/31 (controls 14/16); after: 31/31 (controls 16/16). The last two
# examples and controls were added with their frames, after that run (main: 22/33, controls 16/18; after: 33/33, 18/18).
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_31_a_request_is_read_by_its_frame(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_31_a_text_that_only_looks_like_a_request_is_not_one(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FRESH, FRESH_LEFT))
def test_round_31_a_request_in_words_not_written_for_is_read(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "forbidden"),
    FRESH_CONTROLS,
    ids=[":".join(getattr(p, "values", p)[:2]) for p in FRESH_CONTROLS],
)
def test_round_31_a_fresh_control_is_not_taken_for_a_request(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
