"""Round 105 (issue 17 §5, the conversation goes where the villager means): set 23b's misses read by class, each class's
own examples written before any change (none of them 23b's sentences) and controls that must keep their route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# a person acting for a relative: the relative's zone asked, the relay said after (他让我问问, 佢叫我问下)
KIN_ZONE_RELAYED = [
    ("member", "我老婆系党员 佢嘅责任区喺边度 佢叫我问下", "zone"),
    ("member", "我爸是党员 他的责任区在哪里 叫我帮他问问", "zone"),
    ("member", "我老婆是党员 她的责任区在哪 她让我问一下", "zone"),
]
# a relative's sign-up asked first (帮我阿妈报个名), their going said after
KIN_SIGN_UP_FIRST = [
    ("member", "帮我阿妈报个名 佢想参加植树活动", "join"),
    ("member", "帮我老公报名 他也想去植树日", "join"),
]
# a relative's attendance looked up for them (帮我妈查下 … 算没算进去 / 有冇签到)
KIN_ATTENDED = [
    ("member", "帮我妈看下她上次活动算没算进去", "attended"),
    ("member", "帮我阿爷查下佢植树日有冇签到", "attended"),
]
# a relative's registered name wrong, the right one said, how to change asked, while a record waits
KIN_RENAME_WAITING = [
    ("pending", "我阿妈个名登记错咗 佢叫陈秀英 点改", "rename"),
    ("after_photo", "我老婆的名字你们登记错了 她叫李美华 怎么改", "rename"),
    ("pending", "我阿爸个名你哋写错咗 佢叫陈国强 点改", "rename"),
]
# a relative's record in progress, the photo on the relative's phone: how to send it over (while a record waits)
KIN_PHOTO_ELSEWHERE = [
    ("pending", "帮我老公报紧 相片喺佢手机度 点发过嚟", "how"),
    ("pending", "我替我妈报的 照片在她手机上 怎么传过来", "how"),
    ("pending", "我帮我老婆报紧 佢影咗几张相喺佢部手机度 点样传过嚟", "how"),  # after the first run: a longer one
]
# one's own attendance asked with 算参加过…没有, or a check-in told then whether it is recorded (记上了吗), a record just
# finished
ATTENDED = [
    ("party", "今年的植树活动我算参加过没有", "attended"),
    ("finished", "植树日我在现场签咗到 记录咗未", "attended"),
    ("finished", "今日植树日我喺现场签咗到 记上了没有", "attended"),
]
# one's own pledge: withdrawn with a reason between (种不了那么多), or how many pledged and how many left asked
PLEDGE_MINE = [
    ("member", "我之前认领了两棵荔枝 现在种不了那么多 想退掉", "pledge"),
    ("finished", "我认领咗几多棵嚟 仲差几棵", "pledge"),
]
# an honour asked to be given to one (有没有荣誉给我), one's planting told first
AWARDS_FOR_ME = [
    ("finished", "种了那么多树 有没有表彰给我", "awards"),
    ("member", "我种咗好多树 有冇荣誉俾我", "awards"),
]
# a ticket's window open: its question set aside (…的事先不急, 先放一放), a new one asked after
TICKET_SET_ASIDE = [
    ("ticket", "桂花那个先放一放 我想问问杨梅怎么嫁接", "new"),
    ("ticket", "叶子的事唔急住 想问下荔枝几时施肥", "new"),
]
# a photo taken by mistake (by a child, 乱拍的), not to be recorded, an apology first: the record in progress cancelled
PHOTO_BY_MISTAKE = [
    ("after_photo", "对不起 相片是我孙女乱按的 不用记了", "cancel"),
    ("after_photo", "不好意思 刚才那张是小孩乱拍的 别记录", "cancel"),
    ("after_photo", "抱歉 这张相是我仔乱影的 不用记录了", "cancel"),
]
# told to claim a care zone (书记叫我认个责任区), then how: the zones' list, which says how to pick one
ZONE_TOLD_TO_CLAIM = [
    ("party", "书记叫我认领一个责任区 要怎么认领", "zone"),
    ("cadre", "村里叫我认个管护片区 点认", "zone"),
]
# the party members' planting asked as how it stands (情况怎么样, 情况如何): the progress
PARTY_HOW_IT_STANDS = [
    ("cadre", "村里党员种树情况如何", "progress"),
    ("party", "我们村党员的种树情况怎样了", "progress"),
    ("cadre", "咱们村党员种树的情况怎么样了", "progress"),
]
# the rule for every village asked (每个村…最少要种几亩): the FAQ's, never this village's count
EVERY_VILLAGE_RULE = [
    ("cadre", "每个村的党建林至少要种多少亩", "question"),
    ("cadre", "每条村党建林起码要种几亩", "question"),
]
CONTROLS = [
    ("member", "我老公是党员 他的责任区在哪里", "zone"),
    ("member", "我爸想去参加种树 可以帮他报名吗", "join"),
    ("member", "参加", "join"),
    ("ticket", "叶子还是黄 掉得更多了", "supplement"),
    ("ticket", "问专家 芒果树流胶怎么办", "new"),
    ("after_photo", "取消", "cancel"),
    ("after_photo", "两棵荔枝", "planting"),
    ("pending", "照片怎么发", "how"),
    ("member", "认领", "pledge"),
    ("member", "我的认领", "pledge"),
    ("party", "责任区怎么管护", "question"),
    ("cadre", "我们村进度", "progress"),
    ("cadre", "党建林种完点样上报面积", "question"),
    ("member", "义务植树是什么", "question"),
    ("member", "评先进有什么条件", "question"),
    ("member", "我改名了 叫陈大明", "rename"),
]
EXAMPLES = (
    KIN_ZONE_RELAYED
    + KIN_SIGN_UP_FIRST
    + KIN_ATTENDED
    + KIN_RENAME_WAITING
    + KIN_PHOTO_ELSEWHERE
    + ATTENDED
    + PLEDGE_MINE
    + AWARDS_FOR_ME
    + TICKET_SET_ASIDE
    + PHOTO_BY_MISTAKE
    + ZONE_TOLD_TO_CLAIM
    + PARTY_HOW_IT_STANDS
    + EVERY_VILLAGE_RULE
)


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_105(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
