"""FAQ round 106 (issue 17 §1, §4), through signed pushes: how to use one of the bot's own capabilities, asked in
words by a user of the role that asks it, gets the new bot.* entry's answer, never a ticket (a cadre asking how to
report the holes dug had got the planting how-to; a villager asking how an adviser signs in, a ticket; a party member
asking how a 管护 is recorded, the planting how-to); where the model reads another entry, the two are offered with
the new one first (round 43), and its 1 gets the answer. The answer says whose the command is: a villager is told the
adviser's 签到 is the advisers'. Words of our own, none from tests/data/faq_usage_106.tsv."""

from __future__ import annotations

import pytest

from bot.escalation import load_faq_index
from tests.e2e.test_conversation_probes import probe  # noqa: F401  (the module's fixture: one app for the examples)

ASKED = [
    ("cadre", "我哋村树穴挖好咗一百几个 要点样报上去", "bot.milestones", "村民不用报"),
    ("member", "技术顾问嚟到村度系点样签到嘅", "bot.adviser_visit", "这是技术顾问用的"),
    ("party", "去责任区管护完 要点样记录落去", "bot.care_zones", "管护"),
    ("member", "植树活动当日去到现场要喺手机度发咩先算签到", "bot.planting_day", "参加"),
    ("cadre", "村民想先认领迟啲先种嘅树 我点帮佢报", "bot.pledge", "认领 姓名 2棵龙眼"),
    ("party", "管护完要唔要影相报上去", "bot.care_zones", "我的管护"),
]


@pytest.mark.parametrize(("context", "message", "entry", "said"), ASKED)
def test_a_capability_s_how_asked_is_its_entry_s_answer_never_a_ticket(probe, context, message, entry, said):  # noqa: F811
    found = load_faq_index(probe.bot).entry(entry)
    assert probe.handler_for(context, message) == "faq_answer"
    reply = probe.last_reply(probe.openid)
    if reply.startswith(probe.asked_back):  # two readings offered (round 43): the entry first, the villager picks it
        assert f"1️⃣ {found.title}" in reply, reply
        reply = probe.user(probe.openid).says("1")
    answer = found.answer
    assert answer.strip().splitlines()[0] in reply and said in reply, reply
    assert probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid]) == []
