"""Round 99 (issue 17 §5, the conversation goes where the villager means): set 22t's blind misses read by class, each
class's own examples written before any change (most far from 22t's words) and controls that must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# reminders wanted back after switching them off, in other words than 22t's '嫌烦退咗 而家又想佢提醒返我'
RESUBSCRIBE = [
    ("member", "之前取消了提醒 现在后悔了 还是想收", "resubscribe"),
    ("member", "我早排退订咗 可唔可以再开返", "resubscribe"),
    ("member", "前几日关咗通知 依家想重新收返", "resubscribe"),
    ("member", "本人此前已退订提醒 现申请恢复推送", "resubscribe"),
    ("member", "上次话唔要提醒 其实都系要嘅 帮我开番啦", "resubscribe"),
    ("member", "退订了之后什么都收不到了 我想重新订阅提醒", "resubscribe"),
]
# one's own name corrected in formal or everyday words ('名字录入有误 请帮我更正为…')
RENAME = [
    ("cadre", "我的姓名登记错了 应为黄丽珍", "rename"),
    ("member", "名字打错咗 正确嘅系陈国良", "rename"),
    ("party", "系统里我的名字有误 麻烦修改为李志坚", "rename"),
    ("member", "您好 本人姓名信息有误 请予更正为吴美兰", "rename"),
    ("cadre", "帮我把名字更正一下 叫刘建华", "rename"),
    ("member", "我个名写错咗字 应该系张炳坤", "rename"),
]
# the planting day joined with thanks or politeness after ('报名参加党员义务植树日 谢谢')
JOIN = [
    ("party", "报名参加义务植树 多谢", "join"),
    ("member", "我报名参加植树节活动 谢谢你们", "join"),
    ("party", "参加党员植树日 唔该", "join"),
    ("member", "植树活动我报名 辛苦了", "join"),
    ("party", "本人报名参加本次全民义务植树活动 谢谢", "join"),
]
# one's own care zone asked in words that name no 责任区 ('我负责管护哪一片')
ZONE_MINE = [
    ("party", "我管的是哪一块", "zone"),
    ("party", "分给我打理的片区在哪里", "zone"),
    ("party", "我要管边一片呀", "zone"),
    ("cadre", "我负责的是哪个片", "zone"),
]
# an adviser's questions asked as a list to see ('村民的问题列表给我看看')
QUEUE = [
    ("adviser", "把村民提的问题给我看一下", "queue"),
    ("adviser", "有哪些问题等我回答", "queue"),
    ("adviser", "俾我睇下大家问咗啲咩", "queue"),
    ("adviser", "查看待回复的问题", "queue"),
    ("adviser", "还有多少问题没答", "queue"),
]
# the record's next step asked while one waits ('记录还没完 接下来要我发什么')
NEXT_STEP = [
    ("pending", "然后呢 还要发什么", "how"),
    ("pending", "下一步做咩", "how"),
    ("pending", "还差什么没发", "how"),
    ("pending", "跟住要我点做", "how"),
    ("pending", "接下来怎么弄", "how"),
]
# the record's steps asked as whether a photo is enough ('种咗树之后系咪影张相发过嚟就得')
LOG_CHECK = [
    ("member", "种好树拍个照发给你们就行了吗", "log"),
    ("member", "是不是发张照片就算登记了", "log"),
    ("member", "种完树净系影相得唔得", "log"),
    ("member", "只发照片可以吗 要不要写棵数", "log"),
]
# one's own pledges asked with when between, withdrawn in polite words, a count said right after a sorry
PLEDGE = [
    ("party", "我今年认领咗几多棵 记唔清", "pledge"),
    ("party", "我之前认领了什么树来着 唔记得了", "pledge"),
    ("party", "屋企总共认领咗几多棵树", "pledge"),
    ("party", "之前认领的龙眼不种了 麻烦帮我取消", "pledge"),
    ("party", "上个月认领嘅三棵桂花 唔该帮我取消", "pledge"),
    ("twice", "认领 2棵龙眼 || 不好意思 改成五棵吧", "pledge"),
    ("twice", "认领 3棵荔枝 || 对唔住 改做两棵", "pledge"),
]
# the adoptable trees left asked, in either order ('村里可以认种的树还有几棵')
ADOPT_LEFT = [
    ("cadre", "村里能领养的果树还剩几棵", "adopt"),
    ("member", "能领养嘅果树仲有几多棵", "adopt"),
    ("member", "村里还有几棵树可以认养", "adopt"),
    ("party", "可以认种的树苗现在还剩哪些", "adopt"),
]
# a code given, how to use it asked ('支书俾咗我个码839201 点用')
CODE = [
    ("new", "书记发咗个登记码畀我 592013 要点样用", "register"),
    ("new", "村干部给了我一个码 604312 怎么用", "register"),
    ("new", "办公室发了个码 715023 如何使用", "register"),
]
# a place wished made one's zone; a zone picked by its place just after ('要第二个')
ZONE_PLACE = [
    ("party", "村口嗰块地我想拎嚟做我嘅责任区", "zone"),
    ("party", "我嘅责任区想定喺学校后面", "zone"),
    ("cadre", "申请把河堤那段作为我的党员责任区", "zone"),
    ("twice", "我想认领责任区 || 第一个", "zone"),
]
CONTROLS = [
    ("member", "退订", "unsubscribe"),
    ("member", "提醒太多了 不要再发了", "unsubscribe"),
    ("member", "我的名字是什么", "question"),
    ("party", "义务植树活动几点开始", "question"),
    ("party", "石岗片有人认领了没有", "zone"),
    ("adviser", "待办", "queue"),
    ("pending", "还要等多久审核", "question"),
    ("member", "桂花叶子发黄 拍了照片 要怎么办", "question"),
    ("party", "认领 2棵荔枝 4月", "pledge"),
    ("member", "我屋企登记嘅树名写错咗", "question"),
    ("member", "我老公报名参加植树日 谢谢", "question"),
    ("adviser", "村民问的问题怎么回答", "question"),
    ("member", "照片要拍到人吗", "question"),
    ("party", "之前认领嘅两棵 点样撤销", "question"),
    ("cadre", "村里种了几棵树", "progress"),
    ("member", "验证码 583920 是什么意思", "question"),
    ("member", "退订咗仲会唔会有提醒", "question"),
    ("member", "之前关了提醒 现在又不想收了", "unsubscribe"),
]
EXAMPLES = (
    RESUBSCRIBE + RENAME + JOIN + ZONE_MINE + QUEUE + NEXT_STEP + LOG_CHECK + PLEDGE + ADOPT_LEFT + CODE + ZONE_PLACE
)


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_99(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
