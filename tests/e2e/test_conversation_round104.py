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
# the wish to adopt one tree pointed at (那棵大樟树), then how to choose or go about it (点样揀, 怎么弄): the list
ADOPT = [
    ("after_photo", "我想认养村口那棵大樟树 怎么选", "adopt"),
    ("member", "我想认养祠堂边嗰棵老榕树 点样搞", "adopt"),
]
# written as adopt before the reading, then judged by design (rounds 21, 33, 48, 74; tests/e2e/test_adoption.py): how to
# adopt asked with the how first and no wish is the FAQ's camp.adopt, whose answer says to send 认养 for the list
ADOPT_HOW_FIRST = [
    ("member", "点样认养村里面嘅树", "question"),
    ("finished", "怎么认养村里的树", "question"),
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
    *ADOPT_HOW_FIRST,
    ("member", "认养", "adopt"),
    ("member", "我唔系党员 责任区点样管护", "question"),  # how to tend: the FAQ's
    ("cadre", "代种 陈伯 2棵龙眼", "planting"),
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
