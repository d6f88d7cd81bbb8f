"""Boundaries of the certificates' rules (bot/certificates.py): trees one short of the quota and exactly at it,
a household's first tree, a certificate held, revoked or withdrawn, what the certificate and its line say, the
job's look at the records changed since the last one (issue 20, mutation testing). The cases with a database
use a real SQLite file and the real app context."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from bot import certificates
from bot import config as config_mod
from bot.app import create_context
from bot.store import certificates as certificates_store
from bot.store import roster as roster_store
from tests.conftest import ROOT, app_over_file

STAMP = "2027-03-01T02:00:00"
NOW = datetime(2027, 3, 10, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    "quota, trees, in_household, certified, earns",
    [
        (3, 2, True, False, False),  # one short
        (3, 3, True, False, True),  # exactly the quota
        (3, 3, False, True, True),  # a quota: neither the household nor its holders matter
        (0, 0, True, False, False),
        (0, 1, True, False, True),  # quota 0: the household's first tree
        (0, 1, True, True, False),
        (0, 1, False, False, False),
        (1, 1, True, True, True),
    ],
)
def test_earning_rule_the_quota_reached_or_the_households_first_tree(quota, trees, in_household, certified, earns):
    assert certificates.earns_certificate(quota, trees, in_household, certified) is earns


@pytest.mark.parametrize("year, prefix", [(2027, "LM27-"), (2100, "LM00-"), (2009, "LM09-")])
def test_serial_rule_two_digits_of_the_year(year, prefix):
    assert certificates.serial_prefix(year) == prefix


def test_species_rule_each_once_in_the_order_first_planted():
    records = [{"species": "荔枝"}, {}, {"species": ""}, {"species": "桃"}, {"species": "荔枝"}]
    assert certificates.species_words(records) == "荔枝、桃"
    assert certificates.species_words([]) == ""


# -- with a database ----------------------------------------------------------------------------------
@pytest.fixture
def app(tmp_path):
    """The app context over a real SQLite file: 埔心村 with 陈党员 (党员, quota 1), 陈书记 (村书记, quota 3) and a
    household 李家 of two 群众 (quota 0), 陈党员 and 李大 bound to WeChat, and 黄顾问 (技术顾问, no household)."""
    with app_over_file(tmp_path) as app:
        db = app.db
        with db.conn:
            village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
            for name, role, household, openid in (
                ("陈党员", "党员", "陈", "o-party"),
                ("陈书记", "村书记", "书记", None),
                ("李大", "群众", "李家", "o-li-1"),
                ("李二", "群众", "李家", None),
                ("黄顾问", "技术顾问", None, None),
            ):
                person = roster_store.insert_person(
                    db, {"name": name, "village_id": village, "role": role, "household": household}, STAMP
                )
                if openid:
                    roster_store.bind_openid(db, person, openid, STAMP, via="roster")
            roster_store.insert_person(db, {"name": "王党员", "village_id": None, "role": "党员"}, STAMP)  # no village
        yield app


def person_id(app, name: str) -> int:
    return next(app.db.query("SELECT id FROM people WHERE name = ?", [name]))["id"]


def plant(app, name: str, count: int, species: str = "荔枝", review: str = "none", at: str = STAMP) -> int:
    record = {"openid": "o", "person_id": person_id(app, name), "village_id": 1, "kind": "tree", "count": count}
    done = {"species": species, "status": "complete", "review": review, "created_at": at, "completed_at": at}
    with app.db.conn:
        return app.db["plantings"].insert({**record, **done, "updated_at": at}).last_pk


def ensure(app, name: str):
    with app.db.conn:
        return certificates.ensure_quota_certificate(app, app.db, person_id(app, name), NOW)


def test_quota_rule_one_short_then_exactly_the_quota(app):
    plant(app, "陈书记", 2, "荔枝")
    plant(app, "陈书记", 5, "桂花", review="pending")  # waiting for review: not yet
    plant(app, "陈书记", 5, "桂花", review="rejected")
    assert ensure(app, "陈书记") is None
    plant(app, "陈书记", 1, "桃")
    cert = ensure(app, "陈书记")
    assert (cert["kind"], cert["name"], cert["village"], cert["trees"], cert["species"], cert["year"]) == (
        "quota",
        "陈书记",
        "埔心村",
        3,
        "荔枝、桃子",
        2027,
    )
    assert cert["serial"] == f"LM27-{cert['id']:05d}" and certificates.looks_like_token(cert["token"])
    assert (cert["issued_at"], cert["person_id"], cert["title"], cert["period"]) == (
        "2027-03-10T02:00:00",
        person_id(app, "陈书记"),
        None,
        None,
    )
    assert cert["village_id"] == 1 and len(certificates_store.records_of(app.db, cert["id"])) == 2
    assert ensure(app, "陈书记") is None  # held already


def test_household_rule_the_first_tree_once_per_household_again_after_a_revocation(app):
    first_tree = plant(app, "李二", 1)
    cert = ensure(app, "李二")
    assert cert is not None and cert["trees"] == 1
    plant(app, "李大", 2)
    assert ensure(app, "李大") is None  # 李二 of the same household holds one
    with app.db.conn:
        app.db["plantings"].update(first_tree, {"review": "rejected"})  # a spot check rejected it
    assert not certificates.is_genuine(app.db, cert)
    again = ensure(app, "李大")
    assert again is not None and again["trees"] == 2


def award_certificate(app, person_id: int | None, award_id: int = 7) -> None:
    with app.db.conn:
        certificates_store.add(
            app.db,
            kind="award",
            person_id=person_id,
            village_id=1,
            award_id=award_id,
            token=f"{award_id}" * 32,
            name="埔心村",
            village="",
            title="最美植绿人",
            period="2027年6月",
            trees=None,
            species=None,
            year=2027,
            serial_prefix="LM27-",
            planting_ids=[],
            now=STAMP,
        )


def test_quota_rule_an_award_certificate_held_is_no_quota_certificate(app):
    award_certificate(app, person_id(app, "陈党员"), award_id=7)
    award_certificate(app, person_id(app, "李大"), award_id=8)
    plant(app, "陈党员", 1)
    plant(app, "李二", 1)
    assert ensure(app, "陈党员")["kind"] == "quota"
    assert ensure(app, "李二")["kind"] == "quota"  # 李大 of the household holds an award, not the household's


def test_quota_rule_a_person_without_a_village(app):
    plant(app, "王党员", 1)
    cert = ensure(app, "王党员")
    assert (cert["village"], cert["village_id"]) == ("", None)


def test_household_rule_advisers_belong_to_none_and_earn_none(app):
    plant(app, "黄顾问", 3)
    assert ensure(app, "黄顾问") is None
    assert certificates.ensure_quota_certificate(app, app.db, 999, NOW) is None


def test_genuine_rule_revoked_or_a_record_no_longer_counting(app):
    plant(app, "陈党员", 1)
    cert = ensure(app, "陈党员")
    assert certificates.is_genuine(app.db, cert)
    with app.db.conn:
        certificates_store.revoke(app.db, cert["id"], "spot check", STAMP)
    assert not certificates.is_genuine(app.db, certificates_store.get(app.db, cert["id"]))
    assert ensure(app, "陈党员")["id"] != cert["id"]  # a revoked one is not held: a new one


def test_holder_rule_the_person_when_bound(app):
    plant(app, "陈党员", 1)
    plant(app, "李二", 1)
    assert certificates.holders(app.db, ensure(app, "陈党员")) == ["o-party"]
    assert certificates.holders(app.db, ensure(app, "李二")) == []  # not bound to WeChat


def test_token_rule_only_a_token_is_looked_up(app):
    plant(app, "陈党员", 1)
    cert = ensure(app, "陈党员")
    assert certificates.by_token(app.db, cert["token"])["id"] == cert["id"]
    assert certificates.by_token(app.db, cert["token"][:-1]) is None
    assert certificates.by_token(app.db, "A" * 32) is None


def test_job_rule_each_look_starts_where_the_last_ended(app):
    plant(app, "陈党员", 1, at="2027-03-05T02:00:00")
    plant(app, "李二", 1, at="2027-03-12T02:00:00")  # after the first look
    with app.db.conn:
        first = certificates._issue_earned(app, app.db, NOW)
    assert [c["name"] for c in first] == ["陈党员"]
    assert certificates_store.checked_until(app.db, certificates.JOB_CHECKS) == "2027-03-10T02:00:00"
    with app.db.conn:
        second = certificates._issue_earned(app, app.db, datetime(2027, 3, 12, 2, tzinfo=UTC), checked=NOW)
    assert [c["name"] for c in second] == ["李二"]
    assert certificates_store.checked_until(app.db, certificates.JOB_CHECKS) == "2027-03-10T02:00:00"


def test_job_rule_only_people_whose_records_changed_are_looked_at(app):
    plant(app, "李二", 1, at="2027-03-05T02:00:00")
    plant(app, "李大", 1, at="2027-03-05T02:00:00")
    with app.db.conn:
        [first] = certificates._issue_earned(app, app.db, NOW)  # 李大 first (ids): the household's one
        certificates_store.revoke(app.db, first["id"], "office", "2027-03-11T02:00:00")
        later = certificates._issue_earned(app, app.db, datetime(2027, 3, 12, 2, tzinfo=UTC))
    assert first["name"] == "李大" and later == []  # no record changed: nobody is looked at again
    assert ensure(app, "李大")["name"] == "李大"  # …until 我的证书 asks


# -- what it says ------------------------------------------------------------------------------------
def cert_of(app, **fields) -> dict:
    base = {
        "kind": "quota",
        "name": "陈党员",
        "village": "埔心村",
        "year": 2027,
        "trees": 3,
        "species": "荔枝",
        "title": None,
        "period": None,
        "serial": "LM27-00001",
        "token": "T" * 32,
        "issued_at": "2027-02-28T16:30:00",
    }
    return {**base, **fields}


def test_card_rule_a_quota_certificate_says_trees_and_species(app):
    card = certificates.card(app, cert_of(app))
    assert card.title == "植绿尽责证书" and card.name == "陈党员" and card.village == "埔心村"
    assert card.lines == ("在2027年绿美生态建设中种下3棵树", "树种：荔枝", "特发此证，以资鼓励。")
    assert card.campaign == f"{app.config.get('campaign.name')} · 2027年"
    assert card.date == "2027年3月1日"  # issued 00:30 on 03-01 in Shanghai
    assert card.serial == "编号 LM27-00001"
    assert card.address == "查验：" + app.config.get("server.public_url").rstrip("/") + "/cert/" + "T" * 32
    bare = certificates.card(app, cert_of(app, species="", village=None))
    assert bare.lines == ("在2027年绿美生态建设中种下3棵树", "特发此证，以资鼓励。") and bare.village == ""


def test_card_rule_an_award_says_its_title_and_period(app):
    award = cert_of(app, kind="award", title="最美植绿人", period="2027年6月", trees=None, species=None)
    card = certificates.card(app, award)
    assert (card.title, card.lines) == ("荣誉证书", ("被评为“最美植绿人”", "2027年6月评选", "特发此证，以资鼓励。"))
    assert certificates.card(app, {**award, "period": ""}).lines == ("被评为“最美植绿人”", "特发此证，以资鼓励。")


def test_line_rule_it_names_the_certificate_and_its_page(app):
    url = app.config.get("server.public_url").rstrip("/") + "/cert/" + "T" * 32
    assert certificates.text_line(app, cert_of(app)) == app.t(
        "certificates.issued_quota", name="陈党员", serial="LM27-00001", url=url
    )
    award = cert_of(app, kind="award", title="最美植绿人")
    assert certificates.text_line(app, award) == app.t(
        "certificates.issued_award", name="陈党员", title="最美植绿人", serial="LM27-00001", url=url
    )
    assert certificates.text_line(app, award, again=True) == f"您的荣誉证书（编号LM27-00001）：{url}"
    assert certificates.page_path(cert_of(app)) == "/cert/" + "T" * 32


def test_line_rule_a_public_url_with_a_trailing_slash_gives_one_slash(app):
    slashed = SimpleNamespace(config=app.config.with_overrides({"server.public_url": "https://lvmei.example.org/"}))
    assert certificates.page_url(slashed, cert_of(app)) == "https://lvmei.example.org/cert/" + "T" * 32


def test_award_rule_a_withdrawn_award_revokes_its_certificate_only(app):
    award_certificate(app, None, award_id=7)
    award_certificate(app, None, award_id=8)
    with app.db.conn:
        certificates.revoke_award(app.db, 7, "withdrawn", "2027-07-01T02:00:00")
        certificates.revoke_award(app.db, 9, "withdrawn", "2027-07-01T02:00:00")  # no certificate: nothing
    rows = app.db.query("SELECT award_id, revoked_at, revoked_reason FROM certificates")
    assert {r["award_id"]: (r["revoked_at"], r["revoked_reason"]) for r in rows} == {
        7: ("2027-07-01T02:00:00", "withdrawn"),
        8: (None, None),
    }
