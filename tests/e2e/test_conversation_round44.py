"""Round 44 of issue 17 §5, through signed pushes: the request kinds the blind set 19r found going astray after its
blind figure was taken (main 4d81beb: 124/140): the reminders switched off with a Cantonese measure word before them
and 佢 after (关咗个提醒佢), or wanted back on as 返开; two trees compared with Cantonese 边种 (which kind); Hakka 𠊎 (I)
read as 我 where normalising dropped it; how long since planting said with 种落去 or 成个月, and no new leaves since (a
question, never a record); the record's next step after its photo (what words to type, the photo said sent with a
particle); a photo asked whether a must, then how to take it; the adoptable list answered by a bare number or an
ordinal; a Hakka 名喊做 or a relative's typing before the name; a spell of weather told during a ticket (its 补充).
Examples of its own, written before their class was mended and run on main 4d81beb first (11/42, controls 10/10; after
42/42, 10/10, and two controls added with the weather's route); then the 19r messages it fixed, so they cannot
regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # the reminders switched off: a measure word (个, 啲) before them, 佢 (it) after
    ("member", "成日叮叮声 好嘈 关咗个通知佢", "unsubscribe"),
    ("member", "帮我取消咗个推送", "unsubscribe"),
    ("member", "唔该停咗个提醒佢", "unsubscribe"),
    ("member", "好烦呀 关咗啲推送佢啦", "unsubscribe"),
    # the reminders switched off before, wanted back on (返开, 番开)
    ("member", "上次退订咗 依家想番开", "resubscribe"),
    ("member", "提醒之前关咗 想返开", "resubscribe"),
    ("member", "之前取消咗推送 依家要返开", "resubscribe"),
    ("member", "之前停咗通知 而家想返开得唔得", "resubscribe"),
    # two trees compared, which kind (Cantonese 边种)
    ("party", "桂花同龙眼边种易种啲", "question"),
    ("member", "木棉同洋紫荆边种生得快", "question"),
    ("member", "荔枝同黄皮边种适合种门口", "question"),
    ("party", "香樟同小叶榄仁边种好", "question"),
    # Hakka 𠊎 (I): the record's tree told after the photo
    ("after_photo", "𠊎种个系龙眼 两头", "planting"),
    ("after_photo", "𠊎种个系荔枝", "planting"),
    ("after_photo", "𠊎种个系柿子 三头", "planting"),
    # how long since planting (种落去, 成个月), and no new leaves since: a question, never a record
    ("member", "龙眼种落去成个月都冇出新叶", "question"),
    ("member", "荔枝种下去半个月了 还没发新芽", "question"),
    ("member", "桃树种落去两个礼拜都唔出新芽", "question"),
    ("twice", "杨梅种落去一个月都唔出新叶 || 杨梅种咗成个月都冇新叶 点解", "one-ticket"),
    # the record's next step after its photo: what words to type; the photo said sent, a particle after it
    ("after_photo", "跟住要写咩字", "how"),
    ("after_photo", "然后要打什么字", "how"),
    ("after_photo", "影咗相啦 跟住点做", "how"),
    ("after_photo", "相发咗喇 下一步做咩", "how"),
    ("after_photo", "发咗张相啦 然后呢", "how"),
    # the photo asked whether a must, then how to take it (a record waits for it)
    ("pending", "一定要影相先得咩 点影", "how"),
    ("pending", "要拍照才行吗 怎么拍", "how"),
    ("pending", "使唔使影相先 点样影", "how"),
    ("pending", "非要拍照不可吗 怎么拍", "how"),
    # the adoptable list answered by a bare number or an ordinal
    ("twice", "认养 || 3", "adopt"),
    ("twice", "认种 || 第二个", "adopt"),
    ("twice", "我想认养一棵树 || 就要第一棵", "adopt"),
    ("twice", "认养 || 我要2号", "adopt"),
    # a new follower: Hakka 名喊做 (the name is called), or a relative's typing said before her name
    ("new", "𠊎系埔心村个 名喊做刘亚娣 要登记", "register"),
    ("new", "𠊎喊做罗四妹 埔心村个 要登记", "register"),
    ("new", "名喊做邱石生 埔心村人 帮我登记", "register"),
    ("new", "我帮阿爸打字 佢叫陈水生 埔心村人", "register"),
    ("new", "系我帮阿嫲打嘅字 佢叫黄亚妹 埔心村嘅", "register"),
    ("new", "我代我妈打字 她叫何秀珍 埔心村的", "register"),
    # the weather told during a ticket: for the trouble asked about
    ("ticket", "呢排日日都落大雨", "supplement"),
    ("ticket", "这几天一直下雨", "supplement"),
    ("ticket", "上个礼拜好大风", "supplement"),
    ("ticket", "最近好热 成个月冇落过雨", "supplement"),
]
# a second batch, written after the fixes above and run once before any change for it (main 4d81beb 7/13, with the fixes
# above 11/13; then the typing said 我系帮… and the photo's how with 好 after it: 13/13)
EXAMPLES += [
    ("member", "啲通知日日响 唔该取消咗个订阅佢", "unsubscribe"),
    ("member", "早排退订咗 而家想返开提醒", "resubscribe"),
    ("member", "龙眼同荔枝边样易打理啲", "question"),
    ("after_photo", "𠊎种个系三角梅 两头", "planting"),
    ("member", "三角梅种落去成个礼拜都冇出新叶 系咪死咗", "question"),
    ("after_photo", "相发咗啦 跟住要打啲乜字", "how"),
    ("pending", "系咪一定要影相先 点影好", "how"),
    ("twice", "认种 || 第一个", "adopt"),
    ("new", "𠊎名喊做张满妹 系埔心村个 帮𠊎登记", "register"),
    ("new", "我系帮阿婆打字嘅 佢叫朱亚好 埔心村人", "register"),
    ("ticket", "这个礼拜天天暴雨", "supplement"),
    ("ticket", "最近一个月都冇落雨", "supplement"),
    ("member", "路边种好了两棵木棉", "planting"),
    # the lead's, from the simulator after the merge: 返开 said as a request, no wish word (the FAQ's how-to before)
    ("member", "返开提醒啦", "resubscribe"),
    ("member", "番开个提醒", "resubscribe"),
    ("member", "提醒返开佢", "resubscribe"),
    ("member", "帮我返开通知", "resubscribe"),
]
LEFT: dict[str, str] = {}
CONTROLS = [
    ("member", "关咗个门先", {"reminders_off"}),
    ("member", "之前关咗提醒 而家都唔想要", {"reminders_on"}),
    ("member", "提醒返开咗都冇用", {"reminders_on"}),  # 返开 told, not asked
    ("member", "屋边种咗两棵龙眼", {"faq_answer", "ticket_from_question"}),
    ("member", "路边种了三棵香樟", {"faq_answer", "ticket_from_question"}),
    ("member", "今日种落去两棵桂花", {"faq_answer", "ticket_from_question"}),
    ("pending", "2", {"adoption_pick", "adoption_pick_unlisted"}),
    ("twice", "认养 || 3棵桂花", {"adoption_pick"}),
    ("member", "这几天一直下雨", {"ticket_from_question", "ticket_supplement_text"}),
    ("new", "我帮阿妈打嘅字 佢想问桂花几时种", {"register"}),
    ("new", "我帮阿爸打字 佢种咗两棵龙眼", {"register"}),
    ("ticket", "今日好热啊", {"ticket_supplement_weather"}),
    ("ticket", "这几天一直下雨 会不会烂根", {"ticket_supplement_weather"}),
]
FIXED_19R = [
    ("member", "每日都嘟嘟声 好烦 关咗个提醒佢", "unsubscribe"),
    ("member", "之前关咗提醒 而家想返开", "resubscribe"),
    ("party", "香樟同秋枫边种好种啲", "question"),
    ("after_photo", "𠊎种个系桂花 一头", "planting"),
    ("twice", "桂花种落去一个月都唔发新叶 || 我啲桂花种咗成个月都冇出新芽 点解", "one-ticket"),
    ("after_photo", "跟住要打咩字", "how"),
    ("after_photo", "发咗相啦 下一步点做", "how"),
    ("pending", "要影相先得咩 点样影", "how"),
    ("twice", "认养 || 2", "adopt"),
    ("twice", "认种 || 要第三个", "adopt"),
    ("ticket", "最近成个礼拜都落雨", "supplement"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_44_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_44_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19R, {}))
def test_round_44_fixed_19r_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""
