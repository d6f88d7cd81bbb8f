"""Round 56 (the lead, in the simulator as a 村书记): how the village's party members are doing, asked in words
(`我哋村党员完成得点`, `本村党员种树情况`), had become a ticket for the adviser, the party members' quota or the progress
menu. It is 未种名单's question of the party members: a cadre gets the list (the party members not yet taking part by
name, or that all have), anyone else the village's counts (本村进度, its 党员参与 line). The list always says how the
party members stand on its first page, none left included ('党员都已参与')."""

from __future__ import annotations

import pytest

from bot.db import transaction
from tests.e2e.test_progress import roster, secretary  # noqa: F401  (the fixtures)

PARTY_ASKED = [
    "我哋村党员完成得点",
    "本村党员种树情况",
    "党员完成情况",
    "村里党员参与情况点样",
    "全村党员种得怎么样了",
    "党员任务完成进度如何",
    "睇下党员种咗几多",
]
NOT_PARTY_PROGRESS = ["党员要种几棵", "党员种树有什么要求", "党员种树算几分", "党员几时要种完"]


@pytest.mark.parametrize("asked", PARTY_ASKED)
def test_a_cadre_asking_how_the_party_members_do_gets_their_names(roster, secretary, clock, asked):  # noqa: F811
    clock.set("2027-03-10T10:00")
    with transaction(roster):
        roster["people"].insert({"id": 5, "name": "赵五", "village_id": 1, "role": "党员", "birth_year": 1980})
    assert "党员还有1人没参与（种树或义务植树）：赵五" in secretary.says(asked).splitlines(), asked


def test_all_party_members_taking_part_is_said(roster, secretary, clock):  # noqa: F811
    clock.set("2027-03-10T10:00")
    lines = secretary.says("本村党员种树情况").splitlines()
    assert "党员都已参与（种树或义务植树）✅" in lines
    assert "党员都已参与（种树或义务植树）✅" in secretary.says("未种名单").splitlines()


@pytest.mark.parametrize("asked", PARTY_ASKED[:3])
def test_a_villager_asking_gets_the_villages_counts(roster, villager, clock, asked):  # noqa: F811
    clock.set("2027-03-10T10:00")
    reply = villager.says(asked)
    assert reply.startswith("埔心村（村）进度：") and "党员参与" in reply, asked


@pytest.mark.parametrize("asked", NOT_PARTY_PROGRESS)
def test_the_party_members_rules_asked_stay_the_faqs(roster, secretary, clock, asked):  # noqa: F811
    clock.set("2027-03-10T10:00")
    reply = secretary.says(asked)
    assert "没参与" not in reply and "都已参与" not in reply and not reply.startswith("埔心村（村）进度"), asked
