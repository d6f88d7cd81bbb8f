"""One-time codes and the phone check (issue 13, 1), through the CLI and signed pushes: `invite` prints a code,
`绑定 <code>` or `登记 <姓名> <村> <code>` binds with proof, codes expire, are used once and renewed, guessing
is limited; a roster villager with a phone confirms its last 4 digits."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.roster import import_file
from tests.conftest import rows_of

ROSTER = Path(__file__).resolve().parent.parent / "data" / "roster"
WANG = "王志强"  # 技术顾问 of 埔心村 and 下围村, phone 13800000006


@pytest.fixture
def county(bot):
    for kind in ("villages", "people"):
        path = ROSTER / f"{kind}.csv"
        summary, problems = import_file(
            bot.db, bot.imports[kind], path.name, path.read_bytes(), "2027-02-01T00:00:00+00:00", bot.t
        )
        assert problems == [] and summary is not None
    return bot


@pytest.fixture
def invite(config_file, county, capsys):
    """invite(name, *options) -> the code `python run.py invite` printed (the last token of its last line)."""

    def run(name: str, *options: str) -> str:
        capsys.readouterr()
        assert main(["--config", str(config_file), "invite", name, *options]) == 0
        out = capsys.readouterr().out
        return out.strip().splitlines()[-1].split()[-1]

    return run


def bound(bot, openid: str) -> dict | None:
    found = rows_of(bot, "SELECT name, role, bound_via FROM people WHERE openid = ?", [openid])
    return found[0] if found else None


# -- invite ----------------------------------------------------------------------------------------------
def test_invite_prints_the_code_as_the_last_token_of_its_last_line(config_file, county, capsys):
    assert main(["--config", str(config_file), "invite", WANG]) == 0
    out = capsys.readouterr().out
    code = out.strip().splitlines()[-1].split()[-1]
    assert len(code) == 6 and code.isdigit()
    assert WANG in out and "技术顾问" in out
    stored = rows_of(county, "SELECT * FROM invite_codes")
    assert len(stored) == 1 and code not in str(stored)  # only its hash is kept


def test_invite_a_name_in_several_villages_needs_the_village(config_file, county, capsys):
    people = "姓名,村社区,角色\n张伟,埔心村,村干部\n张伟,下围村,村干部\n".encode()
    assert (
        import_file(county.db, county.imports["people"], "more.csv", people, "2027-02-01T00:00:00+00:00", county.t)[1]
        == []
    )
    assert main(["--config", str(config_file), "invite", "张伟"]) != 0
    err = capsys.readouterr().err
    assert "埔心村" in err and "下围村" in err and "--village" in err
    assert rows_of(county, "SELECT * FROM invite_codes") == []
    assert main(["--config", str(config_file), "invite", "张伟", "--village", "下围"]) == 0
    assert "下围村" in capsys.readouterr().out
    assert main(["--config", str(config_file), "invite", "无此人"]) != 0


# -- binding with a code ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["绑定 {code}", "绑定{code}", "登记 王志强 埔心村 {code}", "登记 王志强 下围村{code}", "登记王志强埔心村 {code}"],
)
def test_a_code_binds_a_staff_person_with_proof(villager, county, invite, text):
    code = invite(WANG)
    reply = villager.says(text.format(code=code))
    assert WANG in reply and "技术顾问" in reply and "登记码" in reply
    assert bound(county, villager.openid) == {"name": WANG, "role": "技术顾问", "bound_via": "code"}
    assert villager.says("待办") == county.t("escalation.queue_empty")  # the adviser's commands work


def test_a_code_for_someone_else_does_not_bind_the_named_person(villager, county, invite):
    code = invite("刘美玲")
    assert villager.says(f"登记 王志强 埔心村 {code}") == county.t("registration.code_wrong")
    assert bound(county, villager.openid) is None


def test_a_code_replays_what_was_kept(villager_factory, county, invite):
    adviser = villager_factory("o-wang")
    assert adviser.says("待办") == county.t("registration.register_first")  # kept until registered
    reply = adviser.says(f"绑定 {invite(WANG)}")
    assert county.t("escalation.queue_empty") in reply  # 待办 answered after the binding
    assert bound(county, "o-wang")["bound_via"] == "code"
    assert "已经登记" in adviser.says("登记 王志强 埔心村")


def test_a_code_moves_the_person_to_the_wechat_that_holds_it(villager_factory, county, invite):
    """The code is the proof: whoever held the person by name alone (an import after self-registration) gives it up."""
    squatter, secretary = villager_factory("o-squatter"), villager_factory("o-secretary")
    squatter.says("登记 孙立 埔心村")
    import_file(
        county.db,
        county.imports["people"],
        "p.csv",
        "姓名,村社区,角色\n孙立,埔心村,村书记\n".encode(),
        "2027-02-02T00:00:00+00:00",
        county.t,
    )
    assert bound(county, "o-squatter") == {"name": "孙立", "role": "村书记", "bound_via": "self"}
    secretary.says(f"绑定 {invite('孙立')}")
    assert bound(county, "o-secretary") == {"name": "孙立", "role": "村书记", "bound_via": "code"}
    assert bound(county, "o-squatter") is None
    assert "亩" in secretary.says("党建林 2亩 100棵 香樟")


def test_a_code_is_used_once(villager_factory, county, invite):
    code = invite(WANG)
    assert "技术顾问" in villager_factory("o-first").says(f"绑定 {code}")
    assert villager_factory("o-second").says(f"绑定 {code}") == county.t("registration.code_used")
    assert bound(county, "o-second") is None


def test_a_code_expires_after_invite_days(villager, county, invite, clock):
    code = invite(WANG)
    clock.advance(days=county.config.get("registration.invite_days"), minutes=1)
    assert villager.says(f"绑定 {code}") == county.t("registration.code_expired")
    assert bound(county, villager.openid) is None


def test_a_new_invite_replaces_the_old_code(villager, county, invite):
    old = invite(WANG)
    new = invite(WANG)
    assert old != new
    assert villager.says(f"绑定 {old}") == county.t("registration.code_wrong")
    assert "技术顾问" in villager.says(f"绑定 {new}")


def test_guessing_codes_stops_after_max_failures_per_day(villager_factory, county, invite, clock):
    clock.set(clock())
    code = invite(WANG)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    guesser = villager_factory("o-guesser")
    limit = county.config.get("registration.max_failures_per_day")
    for _ in range(limit):
        assert guesser.says(f"绑定 {wrong}") == county.t("registration.code_wrong")
    assert guesser.says(f"绑定 {code}") == county.t("registration.code_limited")  # not even the right one
    assert bound(county, "o-guesser") is None
    clock.advance(hours=24, minutes=1)
    assert "技术顾问" in guesser.says(f"绑定 {code}")


def test_guesses_at_one_person_from_many_wechat_users_are_limited_too(villager_factory, county, invite, clock):
    clock.set(clock())
    code = invite(WANG)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for n in range(county.config.get("registration.max_failures_per_day")):
        assert villager_factory(f"o-guess-{n}").says(f"登记 王志强 埔心村 {wrong}") == county.t(
            "registration.code_wrong"
        )
    assert villager_factory("o-next").says(f"登记 王志强 埔心村 {code}") == county.t("registration.code_limited")
    assert villager_factory("o-other").says(f"绑定 {code}") == county.t("registration.code_limited")
    clock.advance(hours=24, minutes=1)
    assert "技术顾问" in villager_factory("o-real").says(f"绑定 {code}")


# -- the phone check ---------------------------------------------------------------------------------------
def test_a_roster_villager_confirms_the_last_four_digits_of_the_phone(villager, county):
    asked = villager.says("登记 陈秀英 埔心村")
    assert "后4位" in asked and "13800000002" not in asked
    assert bound(county, villager.openid) is None
    assert "党员" in villager.says("0002")
    assert bound(county, villager.openid) == {"name": "陈秀英", "role": "党员", "bound_via": "phone"}


def test_three_wrong_phone_answers_and_the_claim_waits(villager_factory, county):
    villager = villager_factory("o-guess-phone")
    tries = county.config.get("registration.phone_tries")
    villager.says("登记 陈秀英 埔心村")
    for left in range(tries - 1, 0, -1):
        assert villager.says("1234") == county.t("registration.phone_wrong", left=left)
    assert villager.says("1234") == county.t("registration.phone_waiting")
    assert bound(county, villager.openid) is None
    assert rows_of(county, "SELECT kind, status FROM binding_conflicts") == [{"kind": "phone", "status": "open"}]
    assert villager.says("0002") != county.t("registration.registered")  # the check is over: digits are no answer now
    assert villager.says("登记 陈秀英 埔心村") == county.t("registration.phone_waiting")  # no new tries today
    other = villager_factory("o-other-phone")
    assert other.says("登记 陈秀英 埔心村") == county.t("registration.phone_waiting")  # nor for anyone, for her
    assert bound(county, "o-other-phone") is None


def test_a_villager_without_a_phone_on_file_binds_at_once(villager, county):
    import_file(
        county.db,
        county.imports["people"],
        "p.csv",
        "姓名,村社区,角色\n何大妈,新塘村,群众\n".encode(),
        "2027-02-02T00:00:00+00:00",
        county.t,
    )
    assert "群众" in villager.says("登记 何大妈 新塘村")
    assert bound(county, villager.openid) == {"name": "何大妈", "role": "群众", "bound_via": "name"}


def test_a_code_proves_the_binding_its_sender_already_holds(villager, county, invite):
    villager.says("登记 孙立 埔心村")  # self-registered; then the roster names 孙立 村书记
    import_file(
        county.db,
        county.imports["people"],
        "p.csv",
        "姓名,村社区,角色\n孙立,埔心村,村书记\n".encode(),
        "2027-02-02T00:00:00+00:00",
        county.t,
    )
    assert villager.says("党建林 2亩 100棵 香樟") == county.t("registration.staff_unproven", role="村书记")
    assert "村书记" in villager.says(f"绑定 {invite('孙立')}")
    assert bound(county, villager.openid) == {"name": "孙立", "role": "村书记", "bound_via": "code"}
    assert "亩" in villager.says("党建林 2亩 100棵 香樟")
