"""Round 100 (issue 17 §5, the conversation goes where the villager means): set 22v's blind misses read by class, each
class's own examples written before any change (none of them 22v's sentences) and controls that must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# one's own, one's village's or one's role's award asked after ('我今年有冇评到奖', '我们埔心村评上最美植绿集体没有',
# '技术顾问评奖我有份吗'): awards_asked, never the FAQ's schedule nor a ticket
AWARDS = [
    ("member", "我今年评上先进没有", "awards"),
    ("party", "最美植绿人有我的份吗", "awards"),
    ("member", "我有冇得奖呀", "awards"),
    ("party", "我拿到表彰了吗", "awards"),
    ("member", "我哋埔心村有冇攞到奖", "awards"),
    ("cadre", "我哋条村今年评到奖未", "awards"),
    ("adviser", "优秀技术顾问有我吗", "awards"),
    ("adviser", "我这个技术顾问能评上奖吗", "awards"),
]
# one's attendance of one day asked, the check-in done asked (签到了吗) or the day named as 活动 alone
# ('今天植树活动我签到了吗', '我今日有冇算参加咗活动')
ATTENDED = [
    ("party", "今日植树活动我签咗到未", "attended"),
    ("party", "我昨天有没有算参加了活动", "attended"),
    ("member", "上礼拜六嘅活动我有冇算参加", "attended"),
    ("cadre", "今天的活动我算不算参加了", "attended"),
]
# a follower's name and village told, the wish to bind said right after with no pause ('…的李桂芳想绑定一下身份')
REGISTER = [
    ("new", "您好我是埔心村的陈秀兰想绑定身份", "register"),
    ("new", "我系埔心村嘅何志明想登记下点样弄", "register"),
    ("new", "我是埔心村村民王丽华想绑定一下账号", "register"),
]
# how to report a parent's trees, the parent having no phone ('我老豆唔识用手机 我点样帮佢报种咗嘅树')
RELATIVE_HOW = [
    ("member", "我阿妈唔会用微信 我点帮佢登记种嘅树", "how"),
    ("member", "我爸不会用手机 我怎么帮他报种的树", "how"),
    ("member", "我屋企阿嫲冇手机 佢种嘅树我点帮佢报", "how"),
]
# the open question's answer hurried by 催 ('催下专家 快啲答我'): the one ticket
HURRY = [
    ("ticket", "帮我催一下专家 快点回复", "one-ticket"),
    ("ticket", "专家点解仲未答 催下佢", "one-ticket"),
    ("ticket", "麻烦催催顾问 急用", "one-ticket"),
    ("ticket", "催催佢啦", "one-ticket"),
]
# a household member's pledge, a turn word first, inside a ticket's window ('另外我屋企阿爸想认领两棵杨梅'): the pledge
PLEDGE = [
    ("ticket", "另外 我老婆想认领三棵桂花", "pledge"),
    ("ticket", "还有 屋企阿妈话想认领一棵龙眼", "pledge"),
    ("ticket", "顺便讲下 我家老爸想认领两棵荔枝", "pledge"),
    ("member", "我屋企阿妈想认领一棵龙眼", "pledge"),
]
# whether planting earns the sender a certificate ('种完有证书吗'): the sender's certificates (how one is earned if none)
CERTIFICATE = [
    ("finished", "种好树有证书吗", "certificate"),
    ("member", "种咗树会有证书吗", "certificate"),
    ("member", "我有证书吗", "certificate"),
]
# how to report trees planted another time ('下次再种的话点样再报'): the steps of a record
REPORT_AGAIN = [
    ("finished", "再种的话点样再报", "how"),
    ("finished", "下回再种咗点样再登记", "how"),
    ("member", "第二批种好了要怎么再报", "how"),
]
# a cadre asking the village's pledges with their list ('全村认领了多少 名单发我看看'): the pledge list
PLEDGE_LIST = [
    ("cadre", "村里认领了几多 把名单发给我", "pledge"),
    ("cadre", "全村一共认领了多少棵 发个名单看看", "pledge"),
    ("cadre", "本村认领情况 名单俾我睇下", "pledge"),
]
CONTROLS = [
    ("member", "最美植绿人怎么评", "question"),
    ("member", "表彰什么时候公布", "question"),
    ("party", "评先进有什么条件", "question"),
    ("adviser", "技术顾问怎么评优秀", "question"),
    ("member", "我想评最美植绿人要怎么做", "question"),
    ("party", "下次活动我要签到吗", "question"),
    ("member", "今天活动几点开始", "question"),
    # conv103 (22z: '下个月集体种树我可以去吗'): may I go, asked of the planting day, is the day's join reply (how to take
    # part: 参加 and the code on the day), no longer the FAQ's question
    ("member", "今天的活动我能参加吗", "join"),
    ("new", "我阿妈系埔心村嘅陈秀英 佢想登记", "question"),
    ("new", "您好 我是埔心村的陈秀兰 想绑定一下身份", "register"),
    ("ticket", "催芽要怎么弄", "new"),
    ("ticket", "快点叫专家回我", "one-ticket"),
    ("ticket", "另外叶子背面有白色的虫", "supplement"),
    ("ticket", "还有 叶子边缘发黑", "supplement"),
    ("member", "证书是纸质的吗", "question"),
    ("member", "证书怎么发的", "question"),
    ("finished", "下次种什么树好", "question"),
    ("cadre", "全村种了多少", "progress"),
    ("member", "全村认领了多少", "question"),
]
# controls whose route no kind names: the households left to pledge (a cadre's list of those who have not)
CONTROL_ROUTES = [
    ("cadre", "未认领名单", "left_to_pledge"),
]
EXAMPLES = AWARDS + ATTENDED + REGISTER + RELATIVE_HOW + HURRY + PLEDGE + CERTIFICATE + REPORT_AGAIN + PLEDGE_LIST


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_100(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(("context", "message", "handler"), CONTROL_ROUTES)
def test_round_100_control_route(probe, context, message, handler):
    assert probe.handler_for(context, message) == handler


def test_round_100_a_winner_asking_their_own_award_is_told_it(probe):  # noqa: F811
    """The review: one's own award asked, by one the office marked a winner (最美植绿人 on the dashboard), names that
    award (awards.asked_mine_won), not the schedule with none recorded."""
    from bot.clock import to_db
    from bot.db import transaction
    from bot.store import awards as awards_store
    from bot.store import roster as roster_store

    probe.count += 1
    openid = f"o-winner-{probe.count}"
    user = probe.member(openid, "党员")
    with transaction(probe.bot.db):
        person = roster_store.person_by_openid(probe.bot.db, openid)
        assert person is not None
        award = awards_store.add(
            probe.bot.db,
            period="2027-06",
            category="person",
            title="最美植绿人",
            person_id=person["id"],
            village_id=probe.village,
            name=person["name"],
            figures={},
            by="admin",
            now=to_db(probe.bot.clock()),
        )
    try:
        reply = user.says("我今年有冇评到奖") or ""
        assert probe.last_handler(openid) == "awards_asked"
        assert "您已评上：最美植绿人（2027-06）" in reply and "还没有评上的记录" not in reply, reply
    finally:
        with transaction(probe.bot.db):
            probe.bot.db.execute("DELETE FROM awards WHERE id = ?", [award])
