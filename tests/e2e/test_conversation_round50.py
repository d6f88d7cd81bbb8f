"""Round 50 of issue 17 §5, through signed pushes: the request kinds the blind sets 19x and 19y found going astray
(each 129/140 on main 108cb82). Examples of its own for each class, written before any class was mended and run on
the untouched branch (946813b) first; the figures before and after are in README.md (Conversation round 50)."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# an adviser's own words: the queue, a field visit told to be written down
EXAMPLES_ADVISER = [
    ("adviser", "看下我要答的问题", "queue"),
    ("adviser", "我的问题列表", "queue"),
    ("adviser", "还有哪些问题没答", "queue"),
    ("adviser", "未回复的问题有哪些", "queue"),
    ("adviser", "睇下有咩问题未答", "queue"),
    ("adviser", "有冇人问我嘢", "queue"),
    ("adviser", "村民问了我什么", "queue"),
    ("adviser", "列出待回答的问题", "queue"),
    ("adviser", "我还有几个问题没回", "queue"),
    ("adviser", "查一下等我回复的提问", "queue"),
    ("adviser", "打开问题清单", "queue"),
    ("adviser", "我到埔心村了 帮我记一下", "sign_in"),
    ("adviser", "今天来村里了，记下来", "sign_in"),
    ("adviser", "我今日落咗埔心村 记低", "sign_in"),
    ("adviser", "帮我登记今天下村", "sign_in"),
    ("adviser", "记录一下我今天到村", "sign_in"),
    ("adviser", "今日到咗村度 帮我记住", "sign_in"),
    ("adviser", "我在埔心村，今天的下乡记一下", "sign_in"),
    ("adviser", "报到，我已到埔心村", "sign_in"),
    ("adviser", "今天下村了 帮我记上", "sign_in"),
    ("adviser", "我人已经喺村里 记我今日来过", "sign_in"),
]

# registration and a rename said otherwise (a rename told over two messages: twice)
EXAMPLES_REGISTER = [
    ("new", "我要实名登记 我叫李桂芳 埔心村的", "register"),
    ("new", "实名 我系埔心村嘅 黄志坚", "register"),
    ("new", "请问点样注册", "register"),
    ("new", "我想注册 怎么弄", "register"),
    ("new", "點樣註冊啊", "register"),
    ("new", "我係新來嘅 要點登記", "register"),
    ("new", "新关注的 要怎么登记自己", "register"),
    ("new", "我想把资料登记上 怎么弄", "register"),
    ("new", "怎样把我的信息录进去", "register"),
    ("new", "我要實名 我叫張秀蓮 住埔心村", "register"),
    ("twice", "我的名字好像登记错了 || 应该是黄春梅，不是黄春妹", "rename"),
    ("twice", "名字写错了 || 改成林振东", "rename"),
    ("member", "麻烦改成刘玉兰，之前写成刘玉蓝了", "rename"),
    ("member", "帮我改名，写错咗，应该系陈锦华", "rename"),
    ("twice", "你好 我个名登记错咗 || 改做何秀珍啦", "rename"),
    ("member", "我名字错了一个字，改成吴淑芬", "rename"),
    ("twice", "我发现名字错了 || 正确的是邓丽芳", "rename"),
    ("member", "请把名字更正为郑志明", "rename"),
    ("twice", "登记的名字不对 || 请改为冯丽娟", "rename"),
    ("member", "名字登记错咗 麻烦改做罗美玲", "rename"),
]

# while a record waits: how to go on, cancel said otherwise, progress (also after thanks)
EXAMPLES_WAITING = [
    ("after_photo", "相片传咗 跟住点做", "how"),
    ("after_photo", "照片已经发了 接下来呢", "how"),
    ("after_photo", "下一步做什么", "how"),
    ("after_photo", "还要发啥不", "how"),
    ("pending", "还要我发什么", "how"),
    ("after_photo", "树的名字和数量在哪里填", "how"),
    ("pending", "我唔识发相 撳边度", "how"),
    ("pending", "图片怎么发，按哪个", "how"),
    ("after_photo", "还差什么才算登记好", "how"),
    ("pending", "要做完哪些才算记好了", "how"),
    ("after_photo", "怎么填写树种", "how"),
    ("pending", "发照片在哪里点", "how"),
    ("after_photo", "算了 不记了", "cancel"),
    ("after_photo", "取消吧 照片拍错了", "cancel"),
    ("pending", "唔要呢单喇", "cancel"),
    ("after_photo", "刚才那张不算 取消", "cancel"),
    ("pending", "撤回吧 我报错了", "cancel"),
    ("after_photo", "拍错树了 不要记", "cancel"),
    ("pending", "这单不要了", "cancel"),
    ("after_photo", "算数啦 唔好记", "cancel"),
    ("pending", "呢次唔报喇 取消先", "cancel"),
    ("after_photo", "不登记了 搞错了", "cancel"),
    ("pending", "我今年总共记了多少棵", "progress"),
    ("after_photo", "我家一共登记了几棵树?", "progress"),
    ("pending", "我屋企今年报咗几多棵", "progress"),
    ("pending", "到现在我种了多少棵了", "progress"),
    ("after_photo", "我一共种咗几多棵啦", "progress"),
    ("pending", "今年我家总共多少树了", "progress"),
    ("twice", "多谢专家 || 另外，我屋企而家记咗几多棵树", "progress"),
    ("twice", "谢谢 || 我家总共登记了多少棵?", "progress"),
    ("twice", "好的 谢谢老师 || 顺便问下我今年记了几棵", "progress"),
    ("twice", "收到，感谢 || 我们家一共种了几棵了", "progress"),
]

# a finished record withdrawn in a polite sentence
EXAMPLES_FINISHED = [
    ("finished", "不好意思，刚刚那两棵是报重复了，麻烦删掉", "cancel"),
    ("finished", "刚才报的荔枝重复了 作废", "cancel"),
    ("finished", "唔好意思 头先嗰两棵报重咗 帮我删咗佢", "cancel"),
    ("finished", "麻烦把刚才那条记录作废，我多报了一次", "cancel"),
    ("finished", "刚才那单报错了，请帮我撤销", "cancel"),
    ("finished", "啱先嗰单重复咗，取消佢", "cancel"),
    ("finished", "对不起，刚才提交重复了，帮我删除那条", "cancel"),
    ("finished", "刚才两棵荔枝报多了一次，撤回吧", "cancel"),
    ("finished", "头先报重复咗，作废嗰单", "cancel"),
    ("finished", "刚才那个记录不要了，是重复的", "cancel"),
]

# the record's steps asked (登记 first from a follower not registered yet), the zones' list
EXAMPLES_STEPS = [
    ("new", "种完树要怎么在这里报？", "log"),
    ("new", "种好树点样喺度登记", "log"),
    ("new", "种了树以后怎么记录 步骤呢", "log"),
    ("new", "植树后怎么上报 流程是什么", "log"),
    ("member", "上报种树需要拍照吗 怎么报", "log"),
    ("member", "记录种树要不要发照片 流程呢", "log"),
    ("member", "报种树要啲咩步骤", "log"),
    ("member", "登记种树的步骤是什么", "log"),
    ("member", "种树记录要拍相吗 点报", "log"),
    ("member", "上报植树的流程", "log"),
    ("new", "种咗树点报数 步骤系点", "log"),
    ("party", "还有哪些责任区可以认领", "zone"),
    ("party", "边度有责任区领", "zone"),
    ("party", "我想认领一片党员责任区", "zone"),
    ("party", "我想负责党建林里的一块", "zone"),
    ("party", "有冇空出嚟嘅责任区", "zone"),
    ("party", "责任区还剩哪些", "zone"),
    ("party", "我想领一块责任区管护", "zone"),
    ("party", "党员责任区喺边度领", "zone"),
    ("cadre", "有冇责任区可以领", "zone"),
    ("party", "我想要一个责任区", "zone"),
]

# controls: villagers' questions, plantings and commands that must keep where they went before the round
CONTROLS = [
    ("member", "龙眼树叶子卷起来点算", "question"),
    ("member", "今朝种咗三棵龙眼", "planting"),
    ("member", "取消提醒", "unsubscribe"),
    ("after_photo", "呢棵树点解叶黄", "question"),
    ("after_photo", "三棵荔枝", "planting"),
    ("pending", "呢种树要几耐淋一次水", "question"),
    ("member", "党建林是什么", "question"),
    ("member", "我的问题有人回复了吗", "question"),
    ("ticket", "还没人回答吗", "question"),
    ("new", "桂花怎么种", "question"),
    ("finished", "刚才那两棵荔枝要怎么施肥", "question"),
    ("member", "我家附近哪里可以领树苗", "question"),
    ("member", "种树要拍照片吗", "question"),
    ("member", "我家种了几棵树", "progress"),
    ("party", "责任区要怎么管护", "question"),
    ("adviser", "桂花叶子发黄怎么办", "question"),
    ("member", "我叫什么名字登记的", "question"),
    ("after_photo", "照片拍得不清楚要重拍吗", "question"),
    # added with the fixes (each held on 946813b too): how to plant is no logging; the tree's care while a record waits;
    # an adviser's own planting is no visit; a planting after a name said wrong; 记得 is no 记; adoption's which
    ("member", "种树的步骤是什么", "question"),
    ("after_photo", "还要施什么肥", "question"),
    ("pending", "还要浇水吗", "question"),
    ("adviser", "今天在埔心村种了两棵荔枝 帮我记一下", "planting"),
    ("twice", "名字写错了 || 种了两棵荔枝", "planting"),
    ("member", "我记得种了三棵荔枝", "planting"),
    ("new", "我叫李秀英 埔心村的", "register"),
    ("member", "还有哪些树可以认养", "adopt"),
    ("member", "上报种树有奖励吗", "question"),
]

# 19w's duties said otherwise (its strict misses, tried after the classes above): written with the fix, run on 946813b
# too (2/5; the two controls held)
EXAMPLES_DUTIES = [
    ("member", "有哪些树可以挑来认养", "adopt"),
    ("member", "我想出资帮村里种一棵树", "adopt"),
    ("member", "植树活动还能报名吗 我也想参加", "join"),
    ("party", "分给我的管护区域是哪块", "zone"),
    ("cadre", "我想领一片地负责除草护树", "zone"),
]
CONTROLS_DUTIES = [
    ("member", "出钱请人种树可以吗", "question"),
    ("member", "植树活动还能报名吗", "question"),
]

# the lead's trials of the queue: what waits for the adviser's answer, and the questions looked at bare
LEAD_TRIALS = [
    ("adviser", "有什么要我回答的", "queue"),
    ("adviser", "看看问题", "queue"),
]

# Round 52 revisited how to register asked bare ('请问点样注册', '點樣註冊啊'): from a follower not registered yet, who asks
# it to register, it is a bare 登记, the name asked next (tests/e2e/test_conversation_round52.py); a registered villager's
# stays the FAQ's. Until then it was left here as the FAQ's
LEFT: dict[str, str] = {}


@pytest.mark.parametrize(
    ("context", "message", "expected"),
    cases_of(
        EXAMPLES_ADVISER
        + EXAMPLES_REGISTER
        + EXAMPLES_WAITING
        + EXAMPLES_FINISHED
        + EXAMPLES_STEPS
        + LEAD_TRIALS
        + EXAMPLES_DUTIES,
        LEFT,
    ),
)
def test_round_50_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(CONTROLS + CONTROLS_DUTIES, {}))
def test_round_50_control(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
