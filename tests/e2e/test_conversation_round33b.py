"""Round 33b of issue 17 §5, through signed pushes: registering, renaming, pledging, asking to log trees, an adviser's
visit and a ticket's window, read by their class. Examples of its own (not a probe set's sentences), written before
they were run anywhere, run once on main before the round and once after; controls: how-questions about pledging
and registering, trees planted told with a count, other people's names, a rename asked about how, which keep what
they did. Then the messages of sets 19j and 19k this round fixed, in their own table, so they cannot regress."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import cases_of, probe  # noqa: F401  (the module's fixture: one app for the examples)

# (context, message, expected kind as tests/e2e/test_conversation_probes.py KINDS reads it)
EXAMPLES = [
    # a name and a roster village said, with the town before it, a how-question or what to fill in after it
    ("new", "你好 我系白沙镇埔心村嘅村民何志坚 麻烦帮我绑定", "register"),
    ("new", "您好，我是龙岗镇埔心村村民邓海明，请帮我登记", "register"),
    ("new", "我是埔心村的吴金凤，怎样绑定账号？", "register"),
    ("new", "𠊎系埔心村个曾水娣 要填啲乜嘢资料", "register"),
    ("new", "𠊎安做黄福娣 埔心村个", "register"),
    # a code the village gave, with the wish to bind
    ("new", "主任发咗个验证码俾我 472615 帮我绑定", "register"),
    ("new", "村委给了我一个码 381047 我要绑定", "register"),
    # one's own name corrected: the true name, the name changed to, the right one against the one shown
    ("member", "我登记时用了小名 想改成真名陈丽娟", "rename"),
    ("member", "我个名改做黄志伟啊 之前打错咗", "rename"),
    ("member", "我的名字是何秋萍 系统上显示何秋平 麻烦改一下", "rename"),
    ("member", "系统里我的名字多了一个字 我叫李华 不是李华华", "rename"),
    ("party", "唔该帮我改返真名 我叫郭美玲", "rename"),
    # a pledge: a count with a promise, a plan or a time to come, a clause before or after it
    ("member", "先报个数 我打算种两棵龙眼 下个月种", "pledge"),
    ("member", "我承诺四月份亲手种一棵荔枝", "pledge"),
    ("member", "今年我家负责种两棵桂花 五月种", "pledge"),
    ("party", "今年我承诺种三棵秋枫 清明前种好", "pledge"),
    ("member", "我欲认领一棵龙眼 过几日种", "pledge"),
    ("party", "干部带头 我先认领三棵木棉", "pledge"),
    ("member", "我计划今年种两棵杨梅 五月底完成", "pledge"),
    # trees to log: the record asked for, begun, or for a parent
    ("member", "今年种的树我想登记上去 可以吗", "log"),
    ("member", "帮我开一条植树记录", "log"),
    ("member", "阿妈叫我帮佢喺手机登记佢种嘅树", "log"),
    ("new", "我想在这里登记我种的树", "log"),
    # an adviser at the village: the visit
    ("adviser", "已经到埔心村现场了 帮我登记一下到访", "sign_in"),
    ("adviser", "我到咗埔心村委 记录今日下村服务", "sign_in"),
    # in a ticket's window: another tree's question, and more about the ticket's tree
    ("ticket", "不关桂花的事 想问下龙眼苗为什么不发芽", "new"),
    ("ticket", "漏咗讲 桂花系上个礼拜先种落去嘅 喺墙角边", "supplement"),
]

# (context, message, handlers it must not reach)
PLEDGE = {"pledge", "pledge_mine"}
REGISTER = {"register"}
VISIT = {"visit_sign_in", "visit_sign_in_located"}
CONTROLS = [
    # round 52: '怎么绑定身份' from a follower not registered yet is a bare 登记 (test_conversation_round52.py)
    ("member", "怎么绑定身份", REGISTER),
    ("new", "我邻居叫张德明 他也要登记吗", REGISTER),
    ("member", "我老公叫陈国强 他都想种树", {"register", "fix_name"}),
    ("member", "改名要带身份证吗", REGISTER),
    ("member", "认领树苗要怎么报名", PLEDGE),
    ("member", "承诺种的树没种完会怎样", PLEDGE),
    ("member", "我打算种树 但是不知道种什么好", PLEDGE),
    ("member", "下个月种荔枝要注意什么", {"pledge", "pledge_mine", "planting_text"}),
    ("member", "今天种了两棵桂花 相片等下发", PLEDGE),
    ("member", "上个月种了3棵龙眼 四月再补张相", PLEDGE),
    ("member", "三月份种咗两棵荔枝", PLEDGE),
    ("adviser", "下村服务要怎么登记", VISIT),
    ("adviser", "埔心村委会在哪里", VISIT),
    ("ticket", "桂花系去年种嘅 叶子仲系黄", {"planting_text"}),
    ("new", "村书记的电话是多少", REGISTER),
]

# A second batch, written after the readers above were changed, in other voices, and run once before any change for it:
# main 3/16, controls 5/6 (绑定要填什么资料 read as 绑定 with the name 要填什么资料); the round's readers as first written
# 11/16 (they carried 8), controls 5/6; then 16/16, 6/6 once its misses were read by their class (激活 after an
# introduction, the right name after how it was written, who the sender is before a plan, 帮我记一下 and 报数 first, the
# count alone then when to come; 绑定 then a question asks how)
EXAMPLES_2 = [
    ("new", "您好 我是大坪镇埔心村村民罗志勇 想绑定一下", "register"),
    ("new", "我系埔心村嘅钟美华 请问点样激活", "register"),
    ("new", "书记发了个邀请码给我 629174 帮我绑定一下谢谢", "register"),
    ("new", "阮是埔心村个林秀珠 欲绑定 要填什么", "register"),
    ("member", "我报名时写了外号 麻烦换回本名张国栋", "rename"),
    ("member", "我的名字系统写成了刘明 我叫刘明辉", "rename"),
    ("party", "名字登记少咗一个字 应该叫司徒志强", "rename"),
    ("member", "我哋屋企承诺今年种两棵龙眼 五一前种", "pledge"),
    ("party", "作为党员我打算下个月亲自种三棵香樟", "pledge"),
    ("member", "帮我记一下 我计划四月中种一棵石榴", "pledge"),
    ("member", "报数 两棵柿子 下个月种", "pledge"),
    ("member", "我想开一个新的种树记录", "log"),
    ("member", "屋企种嘅树我想报上去 可唔可以", "log"),
    ("adviser", "到咗埔心村了 帮我记录一下今日走访", "sign_in"),
    ("ticket", "同桂花冇关系 想问下荔枝苗点解叶尖焦咗", "new"),
    ("ticket", "补充下 桂花系旧年先种嘅 喺屋后斜坡", "supplement"),
]
CONTROLS_2 = [
    ("member", "我承诺种树 但系唔知种咩好", PLEDGE),
    ("member", "前几日种咗两棵龙眼 下个月再发相", PLEDGE),
    ("new", "绑定要填什么资料", REGISTER),
    ("member", "我朋友叫何志明 他想改名", REGISTER),
    ("adviser", "下村服务记录在哪里看", VISIT),
    ("member", "种树记录可以改吗", {"planting_menu"}),
]
LEFT_2: dict[str, str] = {}

# Run once on main before round 33b (f1ceaff): 3/27, controls 15/15; after: 27/27, 15/15 (README, round 33b).
LEFT: dict[str, str] = {}

# The messages of sets 19j and 19k (tests/data/conversation_probes_19j.tsv, _19k.tsv) round 33b fixed by their class,
# kept here so they cannot regress while those sets are not yet wired to a test: 0/24 on main before, 24/24 after.
FIXED_19JK = [
    ("new", "你好我是石角镇埔心村的村民陈国良请帮我绑定一下", "register"),
    ("new", "我係埔心村嘅張偉文，點樣綁定身份？", "register"),
    ("new", "涯系埔心村个钟四妹 要填乜个资料正用得", "register"),
    ("new", "村书记俾咗个码我 583920 要绑定", "register"),
    ("new", "𠊎安做刘石生 係埔心村人", "register"),
    ("member", "唔好意思 我登记嗰阵用咗花名 想改返真名李永康", "rename"),
    ("member", "我嘅名改做林桂芳吖 之前打错字", "rename"),
    ("cadre", "我个名系罗建华 系统显示罗建花 麻烦改返", "rename"),
    ("member", "你们系统里我的名字少了一个字 我叫欧阳丽华 不是欧丽华", "rename"),
    ("member", "先报数 我打算种一棵桂花一棵杨梅 过几日先种", "pledge"),
    ("member", "我承诺三月份自己种两棵荔枝 帮我记上", "pledge"),
    ("member", "报个名 今年我屋企负责种3棵龙眼 四月种", "pledge"),
    ("member", "今年我承诺种一棵杨梅 五月前种好", "pledge"),
    ("member", "我欲认领二棵橄榄 下个月种", "pledge"),
    ("party", "党员带头 我先认领五棵香樟", "pledge"),
    ("party", "我承诺今年种3棵桂花 四月上旬完成", "pledge"),
    ("member", "今年嘅树我想登记上去 得唔得", "log"),
    ("member", "帮我开个种树记录", "log"),
    ("member", "阿爸话要我帮佢喺手机度登记返佢种嘅树", "log"),
    ("new", "我想喺度登记我种嘅树", "log"),
    ("adviser", "刚发了定位 现在在埔心村现场 帮我登记到访", "sign_in"),
    ("adviser", "我已到埔心村委会 记录本月下村服务", "sign_in"),
    ("ticket", "唔关桂花事 想问柿子苗点解唔出芽", "new"),
    ("ticket", "忘记讲 桂花系上个月先种落去嘅 种喺水泥地边", "supplement"),
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES, LEFT))
def test_round_33b_example(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS, ids=[f"{c}:{m}" for c, m, _ in CONTROLS])
def test_round_33b_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(FIXED_19JK, {}))
def test_round_33b_fixed_19jk_probe(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "expected"), cases_of(EXAMPLES_2, LEFT_2))
def test_round_33b_second_batch(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "forbidden"), CONTROLS_2, ids=[f"{c}:{m}" for c, m, _ in CONTROLS_2])
def test_round_33b_second_batch_control(probe, context, message, forbidden):  # noqa: F811
    assert probe.handler_for(context, message) not in forbidden
