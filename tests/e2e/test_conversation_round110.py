"""Round 110 (issue 17 §5, the conversation goes where the villager means): set 23g's misses read by class, each class's
own examples written before any change (none of them the set's sentences), and controls that must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# where one is from, the wish to register here (喺度, 在这里), then what to type or send asked: a bare 登记 with its
# village, the name asked next
REGISTER_WHAT_TO_TYPE = [
    ("new", "我是埔心村的 想在这里登记 要发什么字", "register"),
    ("new", "我系埔心村人 想喺呢度注册 要输入啲咩", "register"),
    ("new", "埔心村嘅 想喺度登记 要打乜嘢字", "register"),
]
# a self-introduction run on, with no pause, into 'just followed' (刚关注, 啱啱关注咗, 新关注的) and the wish to bind
REGISTER_JUST_FOLLOWED = [
    ("new", "我系埔心村嘅陈金凤啱啱关注咗想登记下", "register"),
    ("new", "你好我是埔心村的王丽华新关注的想绑定", "register"),
    ("new", "您好我是埔心村的黄少芬刚刚关注想注册一下", "register"),
]
# a past 活动 named, one's check-in said done with 了/咗 inside it (签了到, 签咗到), whether it counts asked
ATTENDED_SIGNED = [
    ("cadre", "上次那个活动我签咗到 有冇计我参加", "attended"),
    ("party", "礼拜六嗰次活动我签咗到嘅 算唔算我参加咗", "attended"),
    ("member", "前天的活动我都签了到 有没有记上我", "attended"),
]
# an adviser who greets, says who he is and that he came to the village, then how to sign in
SIGN_IN_INTRODUCED = [
    ("adviser", "您好 我是顾问 今日嚟埔心村睇下 点样签到", "sign_in"),
    ("adviser", "我系技术顾问 今朝到埔心村指导 签到点搞", "sign_in"),
    ("adviser", "你好 我是技术顾问 今天来埔心村看树 怎么打卡", "sign_in"),
]
# an adviser asking whether new questions came in (今天, 最近; 新; the villagers'): the 待办
QUEUE_NEW = [
    ("adviser", "今日有冇新嘅村民问题呀", "queue"),
    ("adviser", "今日有冇新嘅群众提问", "queue"),
    ("adviser", "今天有新的村民提问吗", "queue"),
]
# when one's certificate can be seen (看, 看到, 睇, 有得睇): one's certificates, in or out of a record
CERTIFICATE_SEEN_WHEN = [
    ("member", "我的证书什么时候能看到", "certificate"),
    ("after_photo", "几时可以睇到我张证书", "certificate"),
    ("party", "证书几时有得睇", "certificate"),
]
# a relative who has the sender ask (阿妈叫我问下), then the record's next step asked after what was reported
HOW_RELAYED = [
    ("pending", "我外婆叫我问下 报咗两棵荔枝之后仲要发啲乜", "how"),
    ("pending", "奶奶让我问一下 发了两棵荔枝以后要发什么", "how"),
    ("pending", "我阿爸叫我问问下 报咗两棵荔枝之后仲要发啲咩", "how"),
]
# the question restated as why, then that nobody has answered yet said with 未 (仲未有人覆, 还未有人回): the waiting
WAIT_NOT_YET = [
    ("twice", "问专家 我家荔枝叶子卷 || 点解会卷叶嘅 仲未有人答", "one-ticket"),
    ("twice", "问专家 我家木棉树干流胶 || 点解会流胶 还未有人回", "one-ticket"),
    ("twice", "问专家 龙眼树皮裂开 || 树皮点解会裂 仲未有人理", "one-ticket"),
]
# just after the adoptable list, other trees asked for and more wished shown, in words
ADOPT_MORE_WORDS = [
    ("twice", "认养 || 还有别的树吗 多给我看几棵", "adopt"),
    ("twice", "认养 || 仲有冇第二啲树 俾多啲我揀", "adopt"),
    ("twice", "认养 || 有没有其他的树可以给我看看", "adopt"),
]
# a sorry first (不好意思, 对唔住, sorry), then not pledging and 取消认领: the pledge withdrawn
PLEDGE_CANCEL_SORRY = [
    ("twice", "认领 3棵龙眼 || 不好意思 不认领了 取消认领", "pledge"),
    ("twice", "认领 1棵桂花 4月 || 对唔住 取消认领啦", "pledge"),
    ("twice", "认领 2棵杨梅 || sorry 唔种住 取消认领", "pledge"),
]
CONTROLS = [
    ("new", "我是埔心村的李秀英", "register"),
    ("new", "我是埔心村人 想登记 要填什么", "register"),
    ("party", "上次植树日我去了 算不算参加", "attended"),
    ("adviser", "签到", "sign_in"),
    ("adviser", "待办", "queue"),
    ("member", "证书什么时候发", "question"),
    ("member", "我的证书", "certificate"),
    ("pending", "之后要发什么", "how"),
    ("twice", "问专家 我家桂花黄叶 || 我问的还没人回", "one-ticket"),
    ("twice", "认养 || 更多", "adopt"),
    ("twice", "认领 2棵荔枝 || 取消认领", "pledge"),
    ("member", "今天有没有新的种树活动", "question"),
]
EXAMPLES = (
    REGISTER_WHAT_TO_TYPE
    + REGISTER_JUST_FOLLOWED
    + ATTENDED_SIGNED
    + SIGN_IN_INTRODUCED
    + QUEUE_NEW
    + CERTIFICATE_SEEN_WHEN
    + HOW_RELAYED
    + WAIT_NOT_YET
    + ADOPT_MORE_WORDS
    + PLEDGE_CANCEL_SORRY
)


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_110(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


# Trust: a role said where one's name goes (我是技术顾问) names nobody. A follower not registered yet is never registered
# under the name 技术顾问 (it had been: '登记好了：技术顾问，埔心村，身份：群众'), nor given any role by saying it; a villager
# saying it is not signed in as an adviser's visit, and stays who the roster says.
ROLE_SAID_AS_NAME = [
    "我是技术顾问 今天来埔心村巡查 怎么签到",
    "我系技术顾问 埔心村嘅",
]


@pytest.mark.parametrize("message", ROLE_SAID_AS_NAME)
def test_round_110_role_said_binds_nobody(probe, message):
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.user(openid)
    user.follows()
    user.says(message)
    assert probe.rows("SELECT name, role FROM people WHERE openid = ?", [openid]) == []
    assert probe.last_handler(openid) not in ("visit_sign_in", "visit_sign_in_located")


def test_round_110_villager_saying_adviser_is_no_visit(probe):
    probe.count += 1
    openid = f"o-probe-{probe.count}"
    user = probe.member(openid)
    user.says("你好 我是技术顾问 今天来埔心村巡查 怎么签到")
    assert probe.last_handler(openid) not in ("visit_sign_in", "visit_sign_in_located", "fix_name")
    assert probe.rows("SELECT name, role FROM people WHERE openid = ?", [openid]) == [
        {"name": f"村民{probe.count}", "role": "群众"}
    ]
    assert not probe.rows("SELECT flow FROM conversations WHERE openid = ? AND flow = 'visits'", [openid])


# Trust: 'just followed' run on after a name is read so only after a three-character name, so a name ending in 刚 keeps it
# ('…的李志刚刚关注想绑定' registers 李志刚, never 李志: a roster 李志 would have been bound to another's WeChat)
def test_round_110_name_ending_in_just_kept(probe):
    assert probe.run("new", "我是埔心村的李志刚刚关注想绑定", "register") == ""
    assert probe.rows("SELECT name FROM people WHERE openid = ?", [probe.openid]) == [{"name": "李志刚"}]
