"""Round 101 (issue 17 §5, the conversation goes where the villager means): set 22w's blind misses read by class, each
class's own examples written before any change (none of them 22w's sentences) and controls that must keep their
route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# one's attendance of a planting day asked: being there told in other words (喺现场帮手, 去咗种树 with the check-in
# asked), or just after 参加 whether it now counts ('参加' then '咁我而家算唔算已经参加咗')
ATTENDED = [
    ("member", "前日我去咗种树 系统有冇帮我签到", "attended"),
    ("party", "琴日植树日我喺现场帮手 我有冇计参加", "attended"),
    ("cadre", "植树活动嗰日我喺度帮忙 算唔算我参加", "attended"),
    ("twice", "参加 || 噉我算唔算参加咗", "attended"),
    ("twice", "参加 || 那我现在算是参加了吗", "attended"),
]
# one's own award asked bare (我有冇奖), the village's honours asked which (我哋村攞咗啲咩荣誉), or just after 我的证书
AWARDS = [
    ("member", "我有没有奖呀", "awards"),
    ("party", "咁我有冇表彰", "awards"),
    ("cadre", "我哋村今年攞咗啲咩荣誉", "awards"),
    ("member", "我们村今年得了什么奖", "awards"),
    ("twice", "我的证书 || 那有没有奖", "awards"),
    ("member", "听讲年底评最美植绿集体 我们村有没有份", "awards"),
]
# a follower registering a parent on the parent's own phone (佢部手机), or the name and village told then how asked
REGISTER = [
    ("new", "我系帮阿爷用佢部手机登记 佢叫黄石生 埔心村", "register"),
    ("new", "用我妈的手机帮她登记 她叫陈二妹 埔心村", "register"),
    ("new", "我是埔心村的李国强 刚刚关注 要怎么把名字报上去", "register"),
    ("new", "我系埔心村五组嘅何伟明 啱啱关注 点样登记名字", "register"),
]
# the reminders switched off by a slip, told as a story, then wanted back (帮我开返)
RESUBSCRIBE = [
    ("member", "之前唔小心按咗退订 而家收唔到通知 帮我开返", "resubscribe"),
    ("cadre", "上次不小心点了退订 现在收不到提醒了 帮我重新打开", "resubscribe"),
    ("party", "上个礼拜唔小心撳咗退订 而家乜通知都收唔到 唔该帮我开返", "resubscribe"),
]
# the messages not wanted for the parent who reads this WeChat (睇唔明啲信息 唔好再发畀佢)
UNSUBSCRIBE = [
    ("member", "我阿妈睇唔明啲信息 唔好再发畀佢啦", "unsubscribe"),
    ("member", "我爸年纪大了看不懂这些消息 别再发给他了", "unsubscribe"),
]
# how to report another time asked with the photo named (下次再种要唔要再影相): the steps of a record
LOG = [
    ("finished", "下次再种还要拍照吗 步骤怎么样", "log"),
    ("finished", "第二次种要唔要再影相 点样报", "log"),
]
# while a record waits for its photo: a photo from the album asked, for a parent who cannot take one
HOW = [
    ("pending", "我阿妈唔识影相 用手机相册嘅相得唔得 点样发", "how"),
]
# a pledge's count corrected just after it (唔好意思打错 应该系认领2棵龙眼): the pledge changed, never a second one
PLEDGE = [
    ("twice", "认领 4棵龙眼 || 唔好意思打错 应该系认领2棵龙眼", "pledge"),
    ("twice", "认领 3棵荔枝 || 不好意思写错了 应该是认领1棵荔枝", "pledge"),
]
# a follower not registered yet wishing to join the planting day: the join (which asks 登记 first)
JOIN = [
    ("new", "我仲未登记 想参加村里嘅植树活动 得唔得", "join"),
    ("new", "还没登记 能不能参加村里的植树日", "join"),
]
# one's own zone asked (我负责的是哪个责任区), or one picked by its place just after the list (要学校后面嗰块)
ZONE = [
    ("cadre", "我管护的责任区是哪一块", "zone"),
    ("party", "我负责的是哪个责任区", "zone"),
    ("twice", "认领责任区 || 要学校后面嗰块", "zone"),
    ("twice", "认领责任区 || 我要河边那块啦", "zone"),
]
# one's certificate asked in a relative's words (有张纸可以打印 点拎到我嗰张)
CERTIFICATE = [
    ("finished", "我个女话种树有张纸可以打印 点拎到我嗰张", "certificate"),
    ("member", "听讲种树有张纸可以打印出来 我那张怎么拿", "certificate"),
]
# a relative's name said wrong on the record just made, the right one told (记录上我阿妈个名写错咗 佢叫陈秀英)
RENAME = [
    ("finished", "记录上我阿妈个名写错咗 佢叫陈秀英 麻烦改返", "rename"),
    ("finished", "刚看到记录上我爸的名字打错了 他叫王德生 帮忙改一下", "rename"),
]
CONTROLS = [
    ("member", "最美植绿集体怎么评", "question"),
    ("member", "种树有奖励吗", "question"),
    ("member", "种树有冇奖", "question"),
    ("member", "有冇奖励", "question"),
    ("member", "七一表彰有啲咩奖", "question"),
    ("member", "年底评最美植绿人 我种咗两棵有冇份", "question"),  # 21j's class: whether so many trees qualify
    ("party", "下次植树日我要签到吗", "question"),
    ("member", "参加植树活动算唔算完成任务", "question"),
    ("twice", "参加 || 几点开始", "question"),
    ("twice", "参加 || 要带锄头吗", "question"),
    ("finished", "我个名打错咗", "rename"),
    ("member", "唔好再发信息畀我", "unsubscribe"),
    ("member", "唔好再发畀我", "unsubscribe"),
    ("member", "订阅", "resubscribe"),
    ("twice", "认领 2棵荔枝 || 再加一棵龙眼", "pledge"),
    ("new", "我想参加植树活动", "join"),
    ("cadre", "责任区有哪些", "zone"),
    ("member", "石岗片责任区喺边度", "question"),
    ("member", "我的证书", "certificate"),
    ("finished", "下次种什么树好", "question"),
    ("finished", "下次再种点样报", "log"),
    ("pending", "相册里的照片可以用吗", "question"),
    ("pending", "我阿爸唔识影相 点算", "how"),
    ("member", "我阿妈想知道点样登记", "question"),
]
# written after the first mends, to widen each class (two failed then: 活动嗰日 as the day, 应该系 with no slip said)
WIDER = [
    ("party", "活动嗰日我喺现场帮忙 我有冇算参加", "attended"),
    ("twice", "参加 || 那我算参加了没有", "attended"),
    ("party", "我有冇表彰㗎", "awards"),
    ("member", "我老豆睇唔明啲消息 唔好再发俾佢啦", "unsubscribe"),
    ("new", "我是埔心村二队的黄建国 刚关注 怎么登记", "register"),
    ("twice", "认领 3棵龙眼 || 唔好意思 应该系认领两棵龙眼", "pledge"),
    ("new", "我仲未注册 可唔可以参加植树日", "join"),
    ("pending", "用相册嘅旧相得唔得 点样发畀你", "how"),
    ("member", "咁有冇奖", "question"),  # not just after 我的证书: whether there are awards, the FAQ's
    ("member", "相册里的照片可以发吗", "question"),
]
# Set 22x's classes (round 101's development set): new phrasings of each, written after the mends (not committed
# first), measured on f53bac9b, the branch before them: 2/16 examples, 3/3 controls; after 16/16, 3/3
X_EXAMPLES = [
    ("member", "前个礼拜日我去咗种树 有冇记低我", "attended"),
    ("party", "植树活动我去过 算唔算参加咗", "attended"),
    ("cadre", "我今年去咗植树日未 干部都要参加一次嘛", "attended"),
    ("member", "我老婆上个礼拜去咗植树 佢有冇签到记录", "attended"),  # a relative's: kept on their own WeChat
    ("after_photo", "另外问下 上次植树日有冇记我到场", "attended"),
    ("finished", "我今早参加咗植树活动 记低咗未", "attended"),
    ("twice", "参加 || 噉即系签到咗未", "attended"),
    ("member", "我阿妈种咗好多树 佢有冇评到奖", "awards"),
    ("finished", "种咗咁耐 我有冇奖励㗎", "awards"),
    ("pending", "埔心村评上最美植绿集体冇啊", "awards"),
    ("adviser", "村民提嘅问题边啲仲未答", "queue"),
    ("adviser", "大家问我的问题哪几条还没回", "queue"),
    ("after_photo", "跟住我要发什么过来", "how"),
    ("cadre", "本村认领情况发给我看看", "pledge"),
    ("party", "我种够数未呀 党员唔系至少一棵咩", "progress"),
    ("new", "想问下 啱啱关注 点样登记先可以用 唔该", "register"),
]
X_CONTROLS = [
    ("member", "下围村评上最美植绿集体冇", "question"),  # another village named: not the sender's standing
    (
        "party",
        "我今年去咗义务植树 有冇记录到我",
        "progress",
    ),  # the year's taking part: a party member's duty (19n's class)
    ("adviser", "村民问桂花黄叶点样答", "question"),
]
EXAMPLES = (
    ATTENDED + AWARDS + REGISTER + RESUBSCRIBE + UNSUBSCRIBE + LOG + HOW + PLEDGE + JOIN + ZONE + CERTIFICATE + RENAME
)


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + WIDER + X_EXAMPLES + CONTROLS + X_CONTROLS)
def test_round_101(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


def test_round_101_a_pledge_corrected_just_after_is_changed_not_added(probe):  # noqa: F811
    """The count of a pledge corrected right after it ('认领 4棵龙眼' then '唔好意思打错 应该系认领2棵龙眼'): the household
    pledges 2, the 4 withdrawn (never 6 in all, never two pledges standing)."""
    probe.count += 1
    openid = f"o-pledge-fix-{probe.count}"
    user = probe.member(openid)
    user.says("认领 4棵龙眼")
    probe.bot.clock.advance(minutes=1)
    user.says("唔好意思打错 应该系认领2棵龙眼")
    standing = probe.rows(
        "SELECT species, count FROM pledges WHERE cancelled_at IS NULL"
        " AND person_id IN (SELECT id FROM people WHERE openid = ?)",
        [openid],
    )
    assert standing == [{"species": "龙眼", "count": 2}], standing


def test_round_101_a_piece_described_after_the_list_is_asked_by_number(probe):  # noqa: F811
    """A party member picking a piece by where it lies just after the zones' list ('要学校后面嗰块', a name the list does
    not have) is shown the list again to pick by number (zone_claim_unlisted), nothing claimed; with no list just
    shown the words go on (no zone route)."""
    probe.count += 1
    openid = f"o-zone-piece-{probe.count}"
    user = probe.member(openid, "党员")
    user.says("认领责任区")
    probe.bot.clock.advance(minutes=1)
    reply = user.says("要学校后面嗰块") or ""
    assert probe.last_handler(openid) == "zone_claim_unlisted", reply
    assert probe.bot.t("zones.list_again").strip() in reply
    held = probe.rows(
        "SELECT h.zone_id FROM zone_holders h JOIN people p ON p.id = h.person_id WHERE p.openid = ?", [openid]
    )
    assert held == []
    probe.count += 1
    other = f"o-zone-piece-{probe.count}"
    probe.member(other, "党员").says("要学校后面嗰块")
    assert not probe.last_handler(other).startswith("zone_")
