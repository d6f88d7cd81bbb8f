"""Boundaries of 认种认养's rules (bot/adoption.py): the last free slot, one tree and every free tree for an
organisation, the smallest donation, a plot marked with 0 trees, who may send a plot's new photos, the month's
counts at their last second (issue 20, mutation testing). The cases with a database use a real SQLite file and a
real Ctx, as bot/webhook.py makes one."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from bot import adoption
from bot import config as config_mod
from bot.app import create_context
from bot.context import Ctx
from bot.incoming import Incoming
from bot.messages import Messages
from bot.store import adoption as adoption_store
from bot.store import roster as roster_store
from tests.conftest import ROOT, app_over_file, chat_context

WORDS = Messages.load().words("adoption.commands.adopt")
SOURCES = ["党费", "财政", "党员", "社会力量", "乡贤群众"]


# -- pure -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["认养吧", "认养啊", "认养呀", "我想认养呀"])
def test_request_rule_a_particle_at_the_end_is_no_part_of_it(text):
    assert adoption.is_request(text, WORDS)


@pytest.mark.parametrize("text", ["吧认养", "啊认养", "呀认养", "认养X", None])
def test_request_rule_a_particle_in_front_or_a_letter_after_is_no_request(text):
    assert not adoption.is_request(text, WORDS)


@pytest.mark.parametrize(
    "record, words",
    [
        ({"village": "埔心村", "site": "党建林"}, "埔心村党建林"),
        ({"village": None, "site": "党建林"}, "党建林"),
        ({"village": "埔心村", "site": None}, "埔心村"),
        ({}, ""),
    ],
)
def test_place_rule_what_is_known_of_it(record, words):
    assert adoption.place(record) == words


@pytest.mark.parametrize(
    "capacity, adopted, free",
    [(6, None, 6), (6, 5, 1), (6, 6, 0), (6, 7, 0), (None, None, 0), (0, 0, 0)],
)
def test_slot_rule_free_slots_never_below_zero(capacity, adopted, free):
    assert adoption.free_slots({"capacity": capacity, "adopted": adopted}) == free


@pytest.mark.parametrize(
    "trees, whole_plot, taken",
    [
        (1, False, 1),
        (4, False, 4),  # every free tree, one by one
        (5, False, None),
        (0, False, None),
        (-1, False, None),
        (None, False, None),
        (None, True, 4),
        (99, True, 4),  # the whole plot: the free trees, whatever was typed
    ],
)
def test_organisation_rule_from_one_tree_to_every_free_one(trees, whole_plot, taken):
    assert adoption.whole_plot_trees({"capacity": 6, "adopted": 2}, trees, whole_plot) == taken
    assert adoption.whole_plot_trees({"capacity": 6, "adopted": 6}, trees, whole_plot) is None  # nothing free


@pytest.mark.parametrize(
    "donor, amount, source, problem",
    [
        ("商会", 0.01, None, None),
        ("商会", 1.0, "", None),
        ("商会", 0.0, None, "admin.adoption.bad_amount"),
        ("商会", -5.0, None, "admin.adoption.bad_amount"),
        ("  ", 5.0, None, "admin.adoption.no_donor"),
        (None, 5.0, None, "admin.adoption.no_donor"),
        ("商会", 5.0, "乡贤群众", None),
    ],
)
def test_donation_rule_any_amount_above_zero(donor, amount, source, problem):
    assert adoption.donation_problem(donor, amount, source, SOURCES) == problem


@pytest.mark.parametrize(
    "status, review, verified",
    [
        ("complete", "none", True),
        ("complete", "spot_check", True),
        ("complete", "approved", True),
        ("complete", "pending", False),
        ("complete", "rejected", False),
        ("collecting", "none", False),
        (None, None, False),
    ],
)
def test_verified_rule_complete_and_not_waiting_or_rejected(status, review, verified):
    assert adoption.is_verified({"status": status, "review": review}) is verified


CONFIG = config_mod.load(ROOT / "config.toml", env={})  # planting.cadre_roles: 村干部, 村书记, 领导, 主要领导, 管理员


@pytest.mark.parametrize(
    "person, may",
    [
        ({"role": "村书记", "village_id": 1, "bound_via": "code"}, True),
        ({"role": "村干部", "village_id": 1, "bound_via": "roster"}, True),
        ({"role": "村书记", "village_id": 2, "bound_via": "code"}, False),  # another village's plot
        ({"role": "村书记", "village_id": 1, "bound_via": "name"}, False),  # not proven
        ({"role": "群众", "village_id": 1, "bound_via": "code"}, False),
        (None, False),
    ],
)
def test_update_rule_a_proven_cadre_of_the_plots_village(person, may):
    assert adoption.may_update(person, CONFIG, {"village_id": 1}) is may
    assert not adoption.may_update(person, CONFIG, None)


def test_day_rule_a_photo_day_in_campaign_time():
    app = SimpleNamespace(tz="Asia/Shanghai")
    assert adoption.local_day(app, "2027-02-28T16:00:00") == "3月1日"
    assert adoption.local_day(app, None) == "" and adoption.local_day(app, "") == ""


# -- with a database -----------------------------------------------------------------------------------
STAMP = "2027-03-01T02:00:00"
MONTH_END = "2027-03-31T15:59:59"


@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield app


@pytest.fixture
def county(app):
    """A real SQLite file: 埔心村 with its 村书记 and a villager bound to o-villager, a verified 党建林 plot of 3
    trees (id 1), a tree by a house (id 2, not adoptable until marked) and a plot waiting for review (id 3)."""
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        cadre = roster_store.insert_person(db, {"name": "陈书记", "village_id": village, "role": "村书记"}, STAMP)
        villager = roster_store.insert_person(db, {"name": "李四", "village_id": village, "role": "群众"}, STAMP)
        roster_store.bind_openid(db, villager, "o-villager", STAMP, via="roster")
        common = {"openid": "o-cadre", "person_id": cadre, "village_id": village, "species": "香樟"}
        done = {"status": "complete", "created_at": STAMP, "completed_at": STAMP}
        db["plantings"].insert_all(
            [
                {"id": 1, "kind": "plot", "site": "党建林", "count": 3, "review": "none", **common, **done},
                {"id": 2, "kind": "tree", "count": 1, "review": "approved", **common, **done},
                {"id": 3, "kind": "plot", "site": "党建林", "count": 9, "review": "pending", **common, **done},
            ]
        )
    return SimpleNamespace(app=app, db=db, village=village, villager=villager)


def ctx_of(app) -> Ctx:
    return chat_context(app, "o-villager", datetime(2027, 3, 2, 2, tzinfo=UTC), "认养 1")


def organisation(db, **form):
    values = {
        "planting_id": 1,
        "organisation": "商会",
        "named_as": "",
        "trees": 1,
        "whole_plot": False,
        "contact": "",
        "by": "office",
        "now": STAMP,
    }
    return adoption.adopt_for_organisation(db, **{**values, **form})


def test_adopt_rule_the_last_free_tree_and_then_none(county):
    with county.db.conn:
        adopted = [adoption.adopt_one(ctx_of(county.app), {"id": 1}) for _ in range(4)]
    assert [a["first_tree"] if a else None for a in adopted] == [1, 2, 3, None]
    first = adopted[0]
    assert (first["person_id"], first["openid"], first["village_id"], first["created_by"], first["trees"]) == (
        county.villager,
        "o-villager",
        county.village,
        "chat",
        1,
    )
    with county.db.conn:
        assert adoption.adopt_one(ctx_of(county.app), {"id": 3}) is None  # waiting for review
        assert adoption.adopt_one(ctx_of(county.app), {"id": 999}) is None


def test_organisation_rule_on_the_dashboard(county):
    db = county.db
    with db.conn:
        assert organisation(db, organisation="  ") == (None, "admin.adoption.no_organisation")
        assert organisation(db, organisation=None) == (None, "admin.adoption.no_organisation")
        assert organisation(db, planting_id=3) == (None, "admin.adoption.nothing_free")
        assert organisation(db, planting_id=999) == (None, "admin.adoption.nothing_free")
        assert organisation(db, trees=4) == (None, "admin.adoption.too_many")
        first, problem = organisation(db, organisation=" 商会 ", named_as=" 商会林 ", contact=" 13900000000 ")
        rest, _ = organisation(db, trees=None, whole_plot=True)
        assert organisation(db) == (None, "admin.adoption.nothing_free")
    assert problem is None
    kept = "trees, first_tree, whole_plot, organisation, named_as, contact, village_id, person_id, created_by"
    rows = db.query(f"SELECT {kept} FROM adoptions WHERE id IN (?, ?) ORDER BY id", [first, rest])
    assert [tuple(r.values()) for r in rows] == [
        (1, 1, 0, "商会", "商会林", "13900000000", county.village, None, "office"),
        (2, 2, 1, "商会", None, None, county.village, None, "office"),  # the whole plot: the 2 trees left
    ]


def test_organisation_rule_the_one_tree_left_can_be_taken(county):
    db = county.db
    with db.conn:
        organisation(db, trees=2)
        assert organisation(db, trees=2) == (None, "admin.adoption.too_many")
        last, problem = organisation(db, trees=1)
    assert problem is None and adoption_store.get(db, last)["first_tree"] == 3


def test_mark_rule_zero_trees_takes_a_record_off_the_list(county):
    db = county.db
    with db.conn:
        assert adoption.mark_adoptable(db, 2, -1, "office", STAMP) == "admin.adoption.bad_trees"
        assert adoption.mark_adoptable(db, 3, 5, "office", STAMP) == "admin.adoption.no_record"  # not verified
        assert adoption.mark_adoptable(db, 999, 5, "office", STAMP) == "admin.adoption.no_record"
        assert adoption.mark_adoptable(db, 2, 1, "office", STAMP) is None
        assert [r["id"] for r in adoption.adoptable_in(db, county.village)] == [1, 2]
        assert adoption.mark_adoptable(db, 1, 0, "office", STAMP) is None
        assert [r["id"] for r in adoption.adoptable_in(db, county.village)] == [2]
    assert adoption.adoptable_in(db, None) == []
    marks = list(db.query("SELECT planting_id, trees, marked_by, marked_at FROM adoptable_marks ORDER BY planting_id"))
    assert marks == [
        {"planting_id": 1, "trees": 0, "marked_by": "office", "marked_at": STAMP},
        {"planting_id": 2, "trees": 1, "marked_by": "office", "marked_at": STAMP},
    ]


def test_list_rule_only_the_villages_own_records(county):
    db = county.db
    with db.conn:
        other = roster_store.insert_village(db, {"name": "石湖村", "kind": "村"}, STAMP)
        db["plantings"].insert(
            {
                "id": 4,
                "kind": "plot",
                "site": "示范点",
                "count": 5,
                "review": "none",
                "openid": "o-cadre",
                "village_id": other,
                "species": "香樟",
                "status": "complete",
                "created_at": STAMP,
                "completed_at": STAMP,
            }
        )
    assert [r["id"] for r in adoption.adoptable_in(db, county.village)] == [1]
    assert [r["id"] for r in adoption.adoptable_in(db, other)] == [4]


def test_list_rule_a_position_from_one_to_the_last(county):
    ids = [1, 2]
    ctx, state = SimpleNamespace(db=county.db), SimpleNamespace(data={"ids": ids})
    assert [adoption.listed_record(ctx, state, n) for n in (0, 3)] == [None, None]
    assert [adoption.listed_record(ctx, state, n)["id"] for n in (1, 2)] == [1, 2]
    assert adoption.listed_record(ctx, SimpleNamespace(data={}), 1) is None
    assert adoption.page_size(county.app.config) == 5


def test_donation_rule_kept_trimmed_or_refused(county):
    db = county.db
    form = {"village_id": county.village, "by": "office", "now": STAMP, "sources": SOURCES}
    with db.conn:
        refused = [
            adoption.record_donation(db, donor="商会", source=None, amount=0, purpose=None, **form),
            adoption.record_donation(db, donor="商会", source="彩票", amount=5, purpose=None, **form),
        ]
        assert refused == ["admin.adoption.bad_amount", "admin.adoption.bad_source"]
        assert adoption.record_donation(db, donor=" 商会 ", source="", amount=0.01, purpose=" 买苗 ", **form) is None
        adopted, _ = organisation(db)
        kept = adoption.record_donation(
            db, donor="商会", source="社会力量", amount=5, purpose=None, planting_id=1, adoption_id=adopted, **form
        )
        assert kept is None
    columns = "donor, source, amount, purpose, village_id, planting_id, adoption_id, recorded_by, recorded_at"
    rows = db.query(f"SELECT {columns} FROM donations ORDER BY id")
    assert [tuple(r.values()) for r in rows] == [
        ("商会", None, 0.01, "买苗", county.village, None, None, "office", STAMP),
        ("商会", "社会力量", 5, None, county.village, 1, adopted, "office", STAMP),
    ]


def test_report_rule_adopted_trees_and_donations_up_to_the_months_last_second(county):
    db = county.db
    with db.conn:
        for at, trees in ((MONTH_END, 1), ("2027-03-31T16:00:00", 1)):  # the last second of March; April
            adoption_store.add(
                db,
                planting_id=1,
                village_id=county.village,
                trees=trees,
                first_tree=1,
                person_id=county.villager,
                created_by="chat",
                now=at,
            )
        for at, amount in ((MONTH_END, 100.456), ("2027-03-31T16:00:00", 50.0)):
            adoption_store.add_donation(
                db,
                village_id=county.village,
                donor="商会",
                source=None,
                amount=amount,
                purpose=None,
                recorded_by="office",
                now=at,
            )
    assert adoption.trees_adopted(db, county.app.config, MONTH_END) == {county.village: 1}
    assert adoption.donations_total(db, county.app.config, MONTH_END) == {county.village: 100.46}
    assert adoption.trees_adopted_by_person(db, "2027-03-31T16:00:00", None) == {county.villager: 1}
    assert adoption.trees_adopted_by_person(db, None, MONTH_END) == {county.villager: 1}


def test_contact_rule_the_villages_cadres_by_name_and_role(county):
    app = county.app
    assert adoption.contact_names(app, county.db, county.village) == "陈书记（村书记）"
    with county.db.conn:
        roster_store.insert_person(county.db, {"name": "黄干部", "village_id": county.village, "role": "村干部"}, STAMP)
    assert adoption.contact_names(app, county.db, county.village) == "陈书记（村书记）、黄干部（村干部）"
    assert adoption.contact_names(app, county.db, None) == ""
