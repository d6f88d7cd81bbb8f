"""reg77 (issue 17 §5, trust: nobody acts as someone else): a sender bound to a roster person who sends 登记 with a name
not theirs (their own name written otherwise, a correction, a phrase read as a name) is told how their name is corrected
(the roster's: the office, registration.fix_roster); the roster binding and its role stay. It had unbound the roster
row and registered a new self-registered 群众 under the new name ('登记好了：…'). Examples of our own, none from a probe
set; controls: a new follower, a self-registered villager, a sender the office unbound."""

from __future__ import annotations

import pytest

from bot.db import transaction
from bot.store import roster as roster_store
from tests.conftest import rows_of
from tests.e2e.test_registration import person_of, roster  # noqa: F401  (the roster fixture)

PARTY = "o-party-reg77"


@pytest.fixture
def party(villager_factory, roster):  # noqa: F811
    """陈秀英, the roster's 党员 of 埔心村, bound by the phone check."""
    member = villager_factory(PARTY)
    member.says("登记 陈秀英 埔心村")
    assert "党员" in member.says("0002")
    return member


def bound_rows(bot, openid):
    return rows_of(bot, "SELECT name, role, source, bound_via FROM people WHERE openid = ?", [openid])


KEPT = [{"name": "陈秀英", "role": "党员", "source": "roster", "bound_via": "phone"}]


@pytest.mark.parametrize(
    "text",
    [
        "登记 陈秀华 埔心村",  # the own name written otherwise
        "登记陈绣英埔心村",  # run together
        "登记 陈秀华",  # no village: never asked for one
        "我系埔心村嘅陈秀瑛",  # a self-introduction under another name
        "我要登记一下 我叫陈秀华 埔心村的",
        "登记 改名字 埔心村",  # a phrase taken for a name
    ],
)
def test_a_roster_persons_登记_of_another_name_keeps_the_binding_and_says_how_to_correct(party, roster, text):  # noqa: F811
    reply = party.says(text)
    assert reply == roster.t("registration.fix_roster").strip()
    assert bound_rows(roster, PARTY) == KEPT
    assert rows_of(roster, "SELECT COUNT(*) AS n FROM people WHERE source = 'self'")[0]["n"] == 0
    assert rows_of(roster, "SELECT handler FROM inbox WHERE openid = ? ORDER BY id DESC LIMIT 1", [PARTY]) == [
        {"handler": "fix_name"}
    ]
    assert rows_of(roster, "SELECT flow FROM conversations WHERE openid = ? AND flow = 'registration'", [PARTY]) == []


def test_a_roster_persons_登记_of_another_roster_name_claims_nothing(party, roster):  # noqa: F811
    """周建平 is the roster's 党员 of 下围村 (with a phone): no phone check, no claim on him from this WeChat."""
    assert party.says("登记 周建平 下围村") == roster.t("registration.fix_roster").strip()
    assert bound_rows(roster, PARTY) == KEPT
    assert rows_of(roster, "SELECT COUNT(*) AS n FROM binding_conflicts WHERE openid = ?", [PARTY])[0]["n"] == 0


def test_a_roster_persons_own_name_in_another_village_moves_nothing(party, roster):  # noqa: F811
    """The name theirs, the village not: the roster's village is the office's too (bot/identity.py bind)."""
    assert party.says("登记 陈秀英 新塘村") == roster.t("registration.fix_roster").strip()
    assert bound_rows(roster, PARTY) == KEPT


@pytest.mark.parametrize("text", ["登记 陈秀英 埔心村", "登记陈秀英埔心", "我是埔心村的陈秀英"])
def test_the_same_name_and_village_again_is_already_registered(party, roster, text):  # noqa: F811
    assert party.says(text).startswith("您已经登记过了：陈秀英，埔心村，身份：党员")
    assert bound_rows(roster, PARTY) == KEPT


# -- controls ------------------------------------------------------------------------------------------------------
def test_a_new_follower_still_registers(villager, roster):  # noqa: F811
    assert villager.says("登记 陈秀华 埔心村").startswith("登记好了：陈秀华，埔心村，身份：群众")


def test_a_self_registered_villager_still_renames_by_registering_again(villager, roster):  # noqa: F811
    villager.says("登记 张山 埔心村")
    assert villager.says("登记 张三 埔心村").startswith("登记好了：张三，埔心村")
    assert person_of(roster, villager.openid)["name"] == "张三"


def test_one_the_office_unbound_registers_again(party, roster, bot):  # noqa: F811
    with transaction(bot.db):
        roster_store.unbind_openid(bot.db, PARTY, "2027-02-02T00:00:00+00:00")
    assert "后4位" in party.says("登记 陈秀英 埔心村")  # no binding: the phone check, as for anyone
    assert "党员" in party.says("0002")
    assert bound_rows(roster, PARTY) == KEPT


def test_a_tree_at_登记_from_a_roster_person_is_still_no_name(party, roster):  # noqa: F811
    assert party.says("登记 桂花 埔心村").startswith("“桂花”是树名，不是姓名。")
    assert bound_rows(roster, PARTY) == KEPT


def test_another_person_named_is_still_how_each_registers(party, roster):  # noqa: F811
    """Round 81: a relative named to be registered is for_someone's (one WeChat is one person)."""
    assert party.says("帮我老公也登记一下 刘松林 埔心村") == roster.t("registration.for_another").strip()
    assert bound_rows(roster, PARTY) == KEPT
