"""Round 104 (issue 17 §5, the conversation goes where the villager means): set 23a's blind misses read by class, each
class's own examples written before any change (none of them 23a's sentences) and controls that must keep their
route."""

from __future__ import annotations

import pytest

from tests.e2e.test_conversation_probes import probe  # noqa: F401

# the party members' planting asked as a count (我们党员, 村里党员 种了多少): the progress, never a ticket
PARTY_PROGRESS = [
    ("party", "咱们党员一共种了几多棵", "progress"),
    ("member", "村里的党员种了多少树", "progress"),
]
# a villager who is no party member asking whether they may claim a care zone: whose zones are (zone_members_only)
ZONE_NOT_MEMBER = [
    ("member", "我不是党员 能不能认领一个责任区", "zone"),
    ("member", "我唔系党员 可唔可以认领责任区", "zone"),
]
# a cadre asking how to report for the elderly with no phone, the proxy named first (代种, 代报) then how
PROXY_LOG = [
    ("cadre", "代报怎么弄 老人家没有智能手机", "log"),
    ("cadre", "代种点样操作 帮冇手机嘅阿婆报", "log"),
]
# how to adopt asked with the village's trees named (村里嘅树), or a tree of it picked by its kind (那棵大樟树 点样选)
ADOPT = [
    ("member", "点样认养村里面嘅树", "adopt"),
    ("finished", "怎么认养村里的树", "adopt"),
    ("after_photo", "我想认养村口那棵大樟树 怎么选", "adopt"),
]
# one's own attendance asked, taken part yet (参加咗未), then whether recorded (有冇记录)
ATTENDED = [
    ("member", "植树日我参加咗未啊 有冇记录", "attended"),
    ("twice", "参加 || 我参加了没有 有记录吗", "attended"),
]
# an award asked as one to take (有冇奖攞, 有没有奖拿), after one's certificates or bare with 我
AWARDS = [
    ("twice", "我的证书 || 那我有没有奖拿", "awards"),
    ("member", "我种咗咁多 有冇奖攞", "awards"),
]
CONTROLS = [
    ("member", "认养", "adopt"),
    ("member", "认养的树死了怎么办", "question"),
    ("member", "评先进有什么条件", "question"),  # on what terms: the FAQ's
    ("member", "奖点样攞", "question"),  # how awards are given: the FAQ's
    ("party", "我种了多少树", "progress"),
    ("party", "党员种树有什么要求", "question"),
    ("member", "植树活动要带什么", "question"),
    ("member", "责任区是什么", "question"),
    ("party", "认领责任区", "zone"),
    ("cadre", "帮老人家报 2棵龙眼", "planting"),
]
EXAMPLES = PARTY_PROGRESS + ZONE_NOT_MEMBER + PROXY_LOG + ADOPT + ATTENDED + AWARDS


@pytest.mark.parametrize(("context", "message", "expected"), EXAMPLES + CONTROLS)
def test_round_104(probe, context, message, expected):
    assert probe.run(context, message, expected) == ""
