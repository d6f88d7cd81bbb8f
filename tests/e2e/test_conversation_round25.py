"""Round 25 of issue 17 §5, through signed pushes: the classes of set 19f's misses (the development set), each with
examples of its own (not 19f's sentences) and, in tests/e2e/test_conversation_probes.py NOT_REQUESTS, a control: a
text that looks like the request and is not one."""

from __future__ import annotations

import pytest

from bot import identity, nlu
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # a request said first, then why or what else (handlers/core.py text_heads); what is said last decides the
    # reminders ('提醒关了 又想要返' is no 退订: the control)
    ("member", "通知开返佢 最近成日唔记得淋水", "resubscribe"),
    ("member", "停发提醒 我出去做嘢了 冇时间睇", "unsubscribe"),
    ("member", "我的进度 睇下够唔够数先", "progress"),
    ("party", "我要认领一块责任区 近屋企嗰啲最好", "zone"),
    ("member", "帮助 我第一次用唔识", "help"),
    # the asides around a request left out (nlu.is_aside: laughter, slang, thanks, a greeting)
    ("member", "哈哈哈 本村进度 233", "progress"),
    ("member", "老师好 我想参加植树活动 多谢晒", "join"),
    ("member", "早晨 我的证书呢 唔该", "certificate"),
    ("member", "退订 thx", "unsubscribe"),
    # a retraction (or 算了) said first, then only when to go on (nlu.put_off_said)
    ("pending", "唔要住 听日再讲", "cancel"),
    ("after_photo", "删掉吧 下次再记", "cancel"),
    ("pending", "算了 改天再发", "cancel"),
    # how the planter feels told with the trees planted: no complaint about them (nlu.without_the_planters_lot)
    ("member", "今朝喺屋后种咗两棵龙眼 累死我了", "planting"),
    ("member", "琴日同阿妈种了三棵桂花 腰酸背痛", "planting"),
    ("member", "刚种好五棵杨梅 出晒汗 好攰", "planting"),
    # a pledge told for the household, by whom it is typed for (bot/pledges.py _for_the_household)
    ("member", "阿妈叫我帮佢认领两棵龙眼", "pledge"),
    ("member", "家婆话屋企认领一棵荔枝 孙女帮佢打字", "pledge"),
    ("member", "奶奶说家里认领两棵桂花 过完年种", "pledge"),
    # 登记 by a word that sounds like it, spaced before a name and a village; Hakka 个 before the name; who typed it
    ("new", "登机 张玉兰 埔心村", "register"),
    ("new", "𠊎系埔心村个刘桂芳", "register"),
    ("new", "我系埔心村嘅陈秀英 孙女帮我打字", "register"),
    # the record's steps around its photo: then how, what else to say, where to press, the tree's photo alone enough,
    # the photo alone or the count too
    ("after_photo", "照片发好了 跟住要怎样", "how"),
    ("after_photo", "图发了 还要说什么", "how"),
    ("pending", "照片点上传 按边度", "how"),
    ("pending", "只拍树就行吗", "how"),
    ("member", "发张相就得 定要讲埋几棵", "how"),
    # trees logged late, or forgotten
    ("member", "上个月种了几棵树 还没登记 现在补登可以吗", "log"),
    ("member", "我前几天种了树 忘了记录 现在还能补吗", "log"),
    # the certificate named first, then how to get it
    ("member", "证书点拿", "certificate"),
    ("member", "我的证书去哪里下载", "certificate"),
    ("member", "电子证书怎么查看 想打印出来", "certificate"),
    # requests said formally or by a role: to whom the sending stops, the list asked for, 工单, a role's commands
    ("cadre", "请停止给我发送种树通知", "unsubscribe"),
    ("member", "请把村里能认种的树列个名单", "adopt"),
    ("adviser", "我手上还有几张工单没处理", "queue"),
    ("adviser", "技术顾问有哪些命令", "help"),
    # which zones there are, asked alone
    ("party", "管护区有几块", "zone"),
    ("cadre", "党员责任区都有哪些", "zone"),
    # 书 typed for 树 after a measure word (messages/typos.toml); the bare command with its tree
    ("member", "我想认养两颗书", "adopt"),
    ("member", "认养一株书", "adopt"),
    # signing oneself up for the day, going together then
    ("member", "我帮自己报个名先", "join"),
    ("member", "植树那天算我一个 到时见", "join"),
    ("member", "帮我自己报名 到时一起去", "join"),
    # in a ticket's window: when its tree was planted told, then what to do (nlu.planted_when_told)
    ("twice", "桂花叶子卷起来 || 系旧年先种落去嘅 点算好", "one-ticket"),
    ("twice", "龙眼树皮裂开了 || 去年才种的 怎么办", "one-ticket"),
]


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES, ids=[f"{c}:{m}" for c, m, _ in EXAMPLES])
def test_round_25_a_request_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# A second batch, written after the classes above were fixed and run once on them (29/40: the reminders named then
# paused or a topic before the noun, zones left or kept for one, 算埋我 and +1, which trees to adopt then a list asked
# for, 跟住点 and 下面 after a photo, 系咪淨系影树就得, a count of trees not logged then how to make it up); the readers then
# widened by those classes (40/40). Neither batch is blind: the next blind set says how far the classes carry.
SECOND_BATCH = [
    ("member", "嘿嘿 今日喺村口种咗三棵黄皮 晒到我黑晒", "planting"),
    ("member", "我同老婆琴日种了两棵荔枝 搞到成身泥", "planting"),
    ("member", "早上好 请问我完成任务没有 谢谢", "progress"),
    ("member", "我的进度咋样 有冇拖后腿", "progress"),
    ("member", "全村种咗几多棵 有冇排第一 hh", "progress"),
    ("member", "提醒唔使再发 我识得啦", "unsubscribe"),
    ("member", "消息推送先停一下 最近忙", "unsubscribe"),
    ("member", "以后不要给我发种树消息了 谢谢", "unsubscribe"),
    ("member", "通知再开返 我又想收", "resubscribe"),
    ("member", "麻烦恢复一下提醒 之前手滑关了", "resubscribe"),
    ("party", "党员责任区剩返边几块", "zone"),
    ("party", "帮我留一块责任区 靠近祠堂嗰块", "zone"),
    ("party", "管护区 我都要一块 嘻嘻", "zone"),
    ("member", "植树活动算埋我 我带埋个仔", "join"),
    ("member", "礼拜六义务植树 报名 +1", "join"),
    ("member", "我想报名参加植树 谢谢安排", "join"),
    ("member", "我嘅证书呢 yyds", "certificate"),
    ("member", "证书喺边度睇 想打印", "certificate"),
    ("member", "我想认养棵树 有冇得揀", "adopt"),
    ("member", "有冇树可以认养 发个清单嚟", "adopt"),
    ("member", "屋企想认领两棵龙眼 下个月种 阿妈叫我打字", "pledge"),
    ("member", "阿爷话认领一棵杨梅 清明后种", "pledge"),
    ("member", "认领三棵桃 四月 哈哈", "pledge"),
    ("adviser", "工单列一下", "queue"),
    ("adviser", "今日有冇新问题要我答", "queue"),
    ("adviser", "顾问可以用啲乜指令", "help"),
    ("member", "呢个公众号点用 教下我 唔该", "help"),
    ("new", "登记 黄秀珍 埔心村 孙子帮我打的", "register"),
    ("new", "我叫林阿娣 埔心村嘅 媳妇帮我打字", "register"),
    ("new", "𠊎喊钟亚妹 埔心村个", "register"),
    ("after_photo", "相发咗啦 跟住点", "how"),
    ("after_photo", "拍好了 下面要干嘛", "how"),
    ("pending", "系咪淨系影树就得", "how"),
    ("member", "种咗树要点记录 发相定打字", "how"),
    ("member", "我琴日种咗两棵树 未登记 点补", "log"),
    ("member", "种好树咗 要喺边度登记", "log"),
    ("pending", "唔记住先 听日再种", "cancel"),
    ("pending", "不要了 明天再说", "cancel"),
    ("twice", "荔枝叶子有黑点 || 系上个月先种嘅 点算", "one-ticket"),
    ("ticket", "我种的树死了几棵了", "question"),
]


@pytest.mark.parametrize(("context", "message", "expected"), SECOND_BATCH, ids=[f"{c}:{m}" for c, m, _ in SECOND_BATCH])
def test_round_25_a_request_in_the_second_batch_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


# A third batch: the readers' own words with asides, and questions that only look like requests (the FAQ's), run once
# after the second (31/40; three of the nine were the writer's labels: a name wrong on one's certificate is the name's
# fix, thanks with nothing asked is chit-chat, 黄皮 is no tree of the list), then widened by class: 取消认领 asked how,
# 算了 then not planted yet and waiting, a zone's table, the adoption command then thanks, tickets counted in 单, 影完相.
THIRD_BATCH = [
    ("member", "哈哈 桂花几时施肥好", "question"),
    ("member", "谢谢你 龙眼叶子卷咗点算", "question"),
    ("member", "提醒我几时淋水得唔得", "question"),
    ("member", "取消认领要点搞", "question"),
    ("member", "认领的树种唔活点算", "question"),
    ("member", "我种咗三棵荔枝 但系有一棵死咗 点算", "question"),
    ("member", "刚种的杨梅累死了 叶都焦晒", "question"),
    ("member", "证书上面个名写错咗", "rename"),
    ("member", "种完树腰好痛 有冇补贴", "question"),
    ("member", "责任区要种乜嘢树", "question"),
    ("member", "认养一棵树要几多钱", "question"),
    ("member", "报名参加植树有冇工钱", "question"),
    ("member", "我阿妈叫我问 桂花点样修剪", "question"),
    ("pending", "算了 唔种住 等落雨先", "cancel"),
    ("pending", "唔要啦 过两日先", "cancel"),
    ("member", "今日同阿公种咗两棵柿 好开心", "planting"),
    ("member", "刚刚种好一棵桂花 手都黑晒", "planting"),
    ("member", "种咗三棵橄榄喺屋后 热到死", "planting"),
    ("member", "嗨 我的进度", "progress"),
    ("member", "请问本村目前完成情况 谢谢", "progress"),
    ("member", "我屋企种够数未 阿婆问", "progress"),
    ("member", "麻烦停止推送 谢谢配合", "unsubscribe"),
    ("member", "通知关咗佢 太多了", "unsubscribe"),
    ("member", "重新订阅 唔该", "resubscribe"),
    ("party", "我想认领党员责任区 唔该晒", "zone"),
    ("party", "责任区列表发嚟睇下", "zone"),
    ("member", "参加 嘻嘻", "join"),
    ("member", "礼拜日植树我去 算我一个", "join"),
    ("member", "我的证书 唔该", "certificate"),
    ("member", "认养 谢谢", "adopt"),
    ("adviser", "待办 唔该", "queue"),
    ("adviser", "有几多单未答", "queue"),
    ("member", "帮助 谢谢", "help"),
    ("new", "你好 我叫黄玉梅 埔心村的", "register"),
    ("new", "登记 王国华 埔心村 谢谢", "register"),
    ("after_photo", "发咗相 之后呢", "how"),
    ("after_photo", "影完相 仲要做咩", "how"),
    ("member", "阿爸叫我帮屋企认领两棵杨梅 五月种", "pledge"),
    ("member", "家里认领一棵龙眼 谢谢", "pledge"),
]


@pytest.mark.parametrize(("context", "message", "expected"), THIRD_BATCH, ids=[f"{c}:{m}" for c, m, _ in THIRD_BATCH])
def test_round_25_a_request_in_the_third_batch_is_read_as_meant(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("clause", "aside"),
    [
        ("哈哈哈", True),
        ("nb", True),
        ("yyds", True),
        ("唔该晒", True),
        ("阿姨你好呀", True),
        ("系𠊎帮佢打字", True),
        ("孙女代打", True),
        ("种好", False),  # a planting word, not a greeting's 好
        ("村里好", False),
        ("帮我发", False),  # a request, not who typed it
        ("帮我登记", False),
        ("空位", False),
    ],
)
def test_round_25_an_aside_is_only_an_aside(clause, aside):
    assert nlu.is_aside(clause) is aside


@pytest.mark.parametrize(
    ("told", "read"),
    [
        ("今日种咗两棵荔枝 攰到死 腰都直唔返", "今日种咗两棵荔枝"),
        ("种了两棵龙眼累死了", "种了两棵龙眼"),
        ("刚种的桂花死了一棵", "刚种的桂花死了一棵"),  # the tree's death: kept
        ("荔枝晒死了", "荔枝晒死了"),  # the sun kills trees: kept
        ("累死了", "累死了"),  # no trees said planted: as it is
    ],
)
def test_round_25_the_planters_lot_is_left_out_of_a_planting_story(told, read):
    assert nlu.without_the_planters_lot(told) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("等级 李德胜 埔心村", "登记 李德胜 埔心村"),
        ("登机 张玉兰 埔心村", "登记 张玉兰 埔心村"),
        ("等级 一级苗 二级苗", "等级 一级苗 二级苗"),  # no place last: a seedling's grade
        ("苗木等级 埔心村", "苗木等级 埔心村"),
    ],
)
def test_round_25_registration_by_a_sound_alike_needs_a_name_and_a_place_after_it(typed, read):
    assert identity.spoken_text(typed) == read
