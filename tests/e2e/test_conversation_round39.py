"""Round 39 of issue 17 §5, through signed pushes: the request kinds the blind set 19n found going astray after its
blind figure was taken (main d60aa3c: 119/140): an adviser's queue asked for a village, a photo or a pending record
withdrawn with why, a pending record's count corrected, a cadre's pledge for a household named by where it lives, one's
own record asked after (someone else reported it, or the planting day), the village's lag asked, a name corrected to
the one on the ID card, the reminders asked whether they may stop, a new user or a party member asking what the
account does, adoption of a named tree asked as allowed, the zones still free and one wished by its place, the
planting day asked then who goes, one's certificate asked why not. Examples of its own, written before they were run;
controls that keep their old route; then the 19n messages it fixed, so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # an adviser's queue, the village or 提问 named
    ("adviser", "看看我们村还有没有没回答的提问", "queue"),
    ("adviser", "查下埔心村有冇未答嘅问题", "queue"),
    ("adviser", "仲有冇未处理嘅问题", "queue"),
    # the photo just sent withdrawn, why after it
    ("after_photo", "这张不算 拍错了", "cancel"),
    ("after_photo", "呢张唔算 系邻居屋嘅树 唔好意思", "cancel"),
    ("after_photo", "这张不要算 是别人家的", "cancel"),
    # the pending record cancelled, never mind first or why after it
    ("pending", "算了 取消吧", "cancel"),
    ("pending", "取消吧 照片发不了", "cancel"),
    ("pending", "唔搞了 取消啦 影唔到相", "cancel"),
    # the pending record's count corrected
    ("pending", "不是两棵 是三棵 打错了", "planting"),
    ("pending", "打错字 应该系三棵荔枝", "planting"),
    ("pending", "写错了 是三棵荔枝不是两棵", "planting"),
    # a cadre's pledge for a household named by where it lives or who she is
    ("cadre", "帮三队陈伯认领一棵龙眼", "pledge"),
    ("cadre", "帮隔壁李阿婆认领三棵桂花 三月种", "pledge"),
    ("cadre", "帮村头王伯认领两棵龙眼", "pledge"),
    # one's own record asked after: someone else reported it, or the planting day
    ("member", "我老公帮我报的 看下有没有记上", "progress"),
    ("member", "我仔帮我登记嘅 查下有冇记录到", "progress"),
    # conv107 (set 23e: attendance asked as recorded after 上个月): the planting day attended, asked as recorded, is its
    # attendance (the check-in), no longer the progress read before planting days had one
    ("party", "上个月参加了义务植树 有没有记到我", "attended"),
    # the village lagging asked
    ("member", "我们村是不是落后了", "progress"),
    ("member", "我哋村有冇落后", "progress"),
    ("member", "本村进度落后没有", "progress"),
    # a name corrected to the full one or the ID card's
    ("member", "登记的是小名阿强 要改成林志强", "rename"),
    ("member", "身份证上是黄亚三 不是黄阿三 帮我改一下", "rename"),
    ("member", "户口本上系李桂芬 唔系李桂芳 改返", "rename"),
    # the reminders asked whether they may stop
    ("member", "通知太多 可不可以不收", "unsubscribe"),
    ("member", "天天都有提醒 能不能不要发了", "unsubscribe"),
    ("member", "每日都收到提醒 可唔可以唔收", "unsubscribe"),
    # what the account does, asked by one who cannot use it or what else
    ("new", "我唔识用 教下我", "help"),
    ("new", "你好 我不会用 教教我", "help"),
    ("party", "除了种树 这里还能干什么", "help"),
    ("member", "这个号除了报树还有什么功能", "help"),
    # adoption of a named tree asked as allowed
    ("party", "我可以认养村口那棵老榕树吗", "adopt"),
    ("member", "村民可以认养祠堂边嗰棵树吗", "adopt"),
    ("member", "认养 3", "adopt"),
    # the zones still free, one wished by its place
    ("party", "责任区还有哪块没人认领", "zone"),
    ("party", "还有哪些责任区没人要", "zone"),
    ("party", "我想认领村口那边一块地管护", "zone"),
    ("party", "想领党建林一片地来管护", "zone"),
    # the planting day asked, then who goes
    ("member", "植树日几点 我同个仔一齐去", "join"),
    ("member", "种树活动什么时候 我和老公都去", "join"),
    # one's certificate asked why not
    ("member", "听讲种树有证书 点解我冇", "certificate"),
    ("member", "别人都有证书 为什么我没有", "certificate"),
]
LEFT: dict[str, str] = {}
CONTROLS = [
    ("adviser", "埔心村有几多户", {"ticket_queue"}),
    ("member", "我问的问题处理了没有", {"ticket_queue"}),
    ("after_photo", "这张是我家门口的树", {"cancel"}),
    ("pending", "手机拍不了照 怎么办", {"cancel"}),
    ("pending", "不要取消 继续", {"cancel"}),
    ("cadre", "黄婆婆家的荔枝四月种", {"pledge"}),
    ("member", "我阿妈帮我报嘅树死咗一棵", {"my_progress"}),
    ("member", "落后了会怎么样", {"my_progress", "village_progress"}),
    ("member", "身份证丢了怎么办", {"fix_name", "register"}),
    ("member", "登记的时候要带身份证吗", {"fix_name", "register"}),  # added with 登记的… (never a 登记 command)
    ("member", "每日都收到通知 好有用", {"reminders_off"}),
    ("member", "可唔可以收多啲通知", {"reminders_off"}),
    ("member", "除了桂花 还可以种什么", {"help"}),
    ("member", "怎么认养", {"adoption_list"}),
    ("member", "认养的树死了谁负责", {"adoption_list"}),
    ("party", "党建林什么时候种完", {"zone_list", "zone_claim", "zone_claim_unlisted"}),
    ("member", "植树活动几时 我去唔到", {"event_join", "event_join_code"}),
    ("member", "点解种树有证书", {"my_certificates"}),
]
FIXED_19N = [
    ("adviser", "睇下埔心村仲有冇未处理嘅提问", "queue"),
    ("after_photo", "这张不算 是隔壁家的树 不好意思", "cancel"),
    ("pending", "算了 取消吧 手机拍不了照", "cancel"),
    ("pending", "唔系两棵 系三棵荔枝 打错字", "planting"),
    ("cadre", "帮村尾黄婆婆认领两棵荔枝 四月种", "pledge"),
    ("party", "我今年参加咗义务植树 有冇记录到我", "progress"),
    ("party", "我想认领党建林嗰边一块地负责管护", "zone"),
    ("party", "党员责任区仲有边度未有人认", "zone"),
    ("party", "党员可以认养村口嗰棵大榕树吗", "adopt"),
    ("party", "除了登记种树 呢度仲可以做啲乜", "help"),
    ("member", "我阿妈帮我报嘅 我想睇下有冇记录到", "progress"),
    ("member", "听讲落后要通报 我哋村落后未", "progress"),
    ("member", "身份证上系陈亚二 唔系陈阿二 帮我改返", "rename"),
    ("member", "之前写的小名阿芳 要改成大名林美芳", "rename"),
    ("member", "每日都收到通知 可唔可以唔收", "unsubscribe"),
    ("new", "你好👋 我唔识用 教下我", "help"),
    ("member", "认养 2", "adopt"),
    ("member", "植树活动几时 我同老婆两个去", "join"),
    ("member", "我阿妈话种树有证书 点解我冇", "certificate"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_39_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_39_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19N, {}))
def test_round_39_fixed_19n_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
