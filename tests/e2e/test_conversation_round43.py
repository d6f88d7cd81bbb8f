"""Round 43 of issue 17 §5, through signed pushes: the request kinds the blind set 19q found going astray after its
blind figure was taken (main e31766e: 119/140): reminders subscribed back (订返, 订阅 again, an unsubscribing told of
before it); a finished record withdrawn with what was written wrong after it; a relation to the ticket's trouble asked
(有冇关系); the record's next step asked (the count still to be written, then how; the photo next, with 未); the sender's
own certificate, when it comes; a pledge with 认领 named in a clause of its own and the trees told with 报, or a
village post said first without 是 (我村书记); a care zone's piece given to the sender (分一块给我); adoption wished,
then where to pick; the household's share asked 够数; a cadre's 边个 (哪个) not planted; how many in all with no verb;
a role asking what it can use here (an adviser's commands after the help); a new follower's 登记 with the village
first and no pause, or with the fields named as a form names them (名字, 村子是); the trees planted, how to log them
here and the steps (the planting help, 登记 first). Examples of its own, written before their class was mended (a few
added while it was): on main e31766e 11/61, controls 21/21; after 61/61, 21/21. Then the 19q messages it fixed (0/20
on e31766e), so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

EXAMPLES = [
    # the reminders subscribed back: 订返 (订回), 订阅 again, an unsubscribing by a slip told of before or after it
    ("pending", "订回通知啦 之前手滑退订了", "resubscribe"),
    ("member", "订返啦 我之前误点退订", "resubscribe"),
    ("member", "之前取消了提醒 现在再订阅", "resubscribe"),
    ("finished", "上次退订了 现在重新订阅吧", "resubscribe"),
    ("twice", "别再发提醒 || 算了 还是订回吧", "resubscribe"),
    ("twice", "唔要通知 || 都系订返提醒啦", "resubscribe"),
    # the record just finished withdrawn, what was written wrong said after it
    ("finished", "刚才报的那条撤回 棵数写错了", "cancel"),
    ("finished", "头先登记嗰个撤回 数填错咗", "cancel"),
    ("finished", "刚刚那个记录撤回吧 数量填错了", "cancel"),
    ("finished", "撤回刚才登记的 数字填错了", "cancel"),
    # during a ticket: something told, then whether it bears on the trouble asked
    ("ticket", "根部有好多白蚁 不知道有没有关系", "supplement"),
    ("ticket", "树干上有些小洞 会不会有关系", "supplement"),
    ("ticket", "树头啲泥好湿 同呢个有冇关系", "supplement"),
    ("ticket", "最近落了好多雨 跟这个有关系吗", "supplement"),
    # the record's next step: the count still to be written, then how; the photo next, asked with 未 or 了吗
    ("after_photo", "要写几棵吗 点写", "how"),
    ("after_photo", "棵数要写吗 怎么写", "how"),
    ("after_photo", "还要报几棵吗 怎么报", "how"),
    ("pending", "跟住系咪要影相", "how"),
    ("pending", "接下来要拍照了吗", "how"),
    ("pending", "然后要影相未", "how"),
    # the sender's own certificate, when it comes
    ("finished", "我的证书什么时候有", "certificate"),
    ("finished", "我的证书几时发", "certificate"),
    ("member", "我嘅证书几时先有", "certificate"),
    ("party", "我的证书啥时候能拿到", "certificate"),
    # a pledge: the trees told with 报 and 认领 named in clauses of their own, when after; a village post said first
    ("party", "我报两棵龙眼 先认领 下个月种", "pledge"),
    ("cadre", "党员认领任务 我报三棵桂花", "pledge"),
    ("cadre", "村干部认领任务 我认两棵荔枝", "pledge"),
    ("cadre", "我村主任 认领五棵 桂花 四月中种", "pledge"),
    # a care zone's piece given first, to the sender after it
    ("party", "河边那个责任区分一块给我 我负责淋水", "zone"),
    ("party", "村口的管护区划一块给我吧", "zone"),
    ("party", "学校旁边的责任区给我分一片 我来管", "zone"),
    # adoption wished, then where to pick one
    ("member", "我想认养一棵树 在哪里选", "adopt"),
    ("member", "想认种棵树 去边度拣", "adopt"),
    ("member", "我想认种一棵 哪里可以挑", "adopt"),
    ("member", "想认养棵树 喺边度睇有咩树", "adopt"),
    # the household's share asked handed in enough (够数), the rule named after it
    ("member", "我屋企够数未 每户一棵嗰个", "progress"),
    ("member", "我家交够数了吗 每户要一棵那个", "progress"),
    ("member", "每户一棵 我屋企达标未", "progress"),
    ("member", "我家够数未", "progress"),
    # a cadre asking who (边个, 哪个) has not planted
    ("cadre", "边个仲未种 俾个名单我睇", "progress"),
    ("cadre", "村里谁还没种树 发个名单给我", "progress"),
    ("cadre", "村里哪个还没种树", "progress"),
    ("cadre", "哪位党员还没参加", "progress"),
    # the trees just reported counted in, then how many in all, no planting verb
    ("finished", "连埋呢两棵 我一共几多棵", "progress"),
    ("finished", "加上这两棵 我总共多少棵了", "progress"),
    ("member", "我家总共有几棵", "progress"),
    # a role asking what it can use here (an adviser gets its commands too)
    ("party", "这个号党员能用什么功能", "help"),
    ("cadre", "村干部在这里可以用哪些功能", "help"),
    ("adviser", "顾问用这个号能做什么", "help"),
    ("adviser", "我是顾问 这个号有什么功能给我用", "help"),
    # a new follower: 登记 with the village first and the name after it, no pause
    ("new", "登记埔心村黄丽娟", "register"),
    ("new", "我要登记埔心村何志坚", "register"),
    ("new", "登记埔心村罗亚妹", "register"),
    # a new follower: 登记 asked, the fields named as a form names them
    ("new", "帮我登记 名字何丽珍 村子埔心村", "register"),
    ("new", "帮我登记 姓名：梁志坚 村名：埔心村", "register"),
    ("new", "我要登记 姓名黄丽萍 村是埔心村", "register"),
    ("new", "我想登记 全名叫罗美兰 所在村是埔心村", "register"),
    # a new follower: the trees planted, how to log them here, the steps asked (登记 of trees: the planting help)
    ("new", "种的树怎么在这里登记", "log"),
    ("new", "我种了树 在这登记要怎么弄", "log"),
    ("new", "种好的树点样喺度登记 有咩步骤", "log"),
    ("new", "树种好了在这里怎么登记 流程是什么", "log"),
]
LEFT: dict[str, str] = {}
CONTROLS = [
    ("member", "再订一批树苗", {"reminders_on"}),
    ("member", "订回的树苗什么时候到", {"reminders_on"}),
    ("pending", "不是两棵 是三棵 打错了", {"cancel", "withdraw"}),
    ("finished", "数填错了怎么改", {"withdraw"}),
    ("ticket", "同桂花冇关系 想问柿子几时种", {"ticket_supplement_text"}),
    ("member", "种树和风水有没有关系", {"ticket_supplement_text"}),
    ("member", "要种几棵吗 怎么种", {"planting_menu"}),
    ("member", "证书什么时候发", {"my_certificates"}),
    ("member", "我老公的证书什么时候有", {"my_certificates"}),
    ("member", "我村书记说每人认领三棵", {"pledge"}),
    ("member", "认领任务是什么 我报两棵行吗", {"pledge"}),
    ("party", "责任区分一块给我要多少钱", {"zone_list"}),
    ("member", "认养的树在哪里看", {"adoption_list"}),
    ("member", "我想种树 在哪里选树苗", {"adoption_list"}),
    ("member", "每户要种够数吗", {"my_progress"}),
    ("cadre", "哪个坑还没种", {"left_to_plant"}),
    ("member", "哪个品种还没种过", {"left_to_plant", "village_progress"}),
    ("member", "党建林总共多少棵", {"my_progress"}),
    ("member", "顾问能做什么", {"help"}),
    ("member", "顾问有什么用", {"help"}),
    ("member", "种的树死了在这里怎么登记", {"planting_menu"}),
]
FIXED_19Q = [
    ("pending", "订返提醒啦 之前唔小心退订咗", "resubscribe"),
    ("finished", "之前退订了 现在再订阅吧", "resubscribe"),
    ("twice", "唔好再发提醒 || 算啦 都系订返啦", "resubscribe"),
    ("finished", "刚才登记的那个撤回 数填错了", "cancel"),
    ("ticket", "树头嗰度有蚂蚁 唔知有冇关系", "supplement"),
    ("after_photo", "还要写几棵吗 怎么写", "how"),
    ("pending", "跟住要影相未", "how"),
    ("finished", "我嘅证书几时有", "certificate"),
    ("party", "今年我报三棵香樟 认领先 四月再种", "pledge"),
    ("cadre", "我村书记 认领三棵 香樟 三月中种", "pledge"),
    ("cadre", "两委干部认领任务 我报两棵杨梅", "pledge"),
    ("party", "党建林那边的责任区分一块给我吧 我负责浇水", "zone"),
    ("member", "我想认种一棵树 喺边度揀", "adopt"),
    ("member", "我屋企交够数未啊 每户一棵嗰个", "progress"),
    ("cadre", "村里边个仲未种树 发个名单俾我", "progress"),
    ("finished", "加埋呢两棵 我总共几多棵喇", "progress"),
    ("adviser", "这个号顾问能用什么功能", "help"),
    ("new", "登记埔心村李秀兰", "register"),
    ("new", "我想登记 名字张国华 村子是埔心村", "register"),
    ("new", "种的树在这里怎么登记 步骤是什么", "log"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_43_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_43_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19Q, {}))
def test_round_43_fixed_19q_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


def test_round_43_adviser_help_names_its_commands(probe):  # noqa: F811
    """The help for a technical adviser ends with its own commands (答, 待办, 收录, 签到); a villager's is the one help."""
    probe.count += 1
    adviser = probe.member(f"o-help-adviser-{probe.count}", "技术顾问")
    probe.count += 1  # the roster name (村民N) follows the count
    villager = probe.member(f"o-help-villager-{probe.count}")
    extra = probe.bot.t("core.help_adviser").strip()
    assert adviser.says("帮助").strip().endswith(extra)
    assert adviser.says("这个号顾问能用什么功能").strip().endswith(extra)
    assert villager.says("帮助").strip() == probe.bot.t("core.help").strip()
