"""认种认养's rules: what a request is, pages, tokens, slots, donations; and the household rule of bot.progress
(seed 002 二(二): 每户……至少认种认养1棵树) on a hand-built roster in a real SQLite file."""

from __future__ import annotations

import pytest

from bot import adoption, progress
from bot import config as config_mod
from bot.app import build_registry
from bot.db import connect, migrate
from bot.messages import Messages
from tests.conftest import ROOT

WORDS = Messages.load().words("adoption.commands.adopt")
MARCH = "2027-03-10T02:00:00"
APRIL = "2027-04-02T02:00:00"


@pytest.mark.parametrize(
    "text",
    [
        "认养",
        "认种",
        "认养。",
        "认种一棵树",
        "认种一课树",
        "我想认养一棵树",
        "我要认养",
        "我也想认种一棵树",
        "我们想认养一棵树",
        "我家也要认种",
        "认养吧",
        " 认种认养！",
    ],
)
def test_requests(text):
    assert adoption.is_request(text, WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "认养要钱吗",
        "怎么认养一棵树",
        "认养 3",
        "认种了3棵龙眼",
        "认养3棵桂花",
        "我想",
        "",
        "认领责任区",
        "我的树",
        "认种认养点搞",
    ],
)
def test_not_requests(text):
    assert not adoption.is_request(text, WORDS)


def test_pages():
    ids = [11, 12, 13, 14, 15]
    assert adoption.page(ids, 0, 2) == ([11, 12], 1)
    assert adoption.page(ids, 4, 2) == ([15], 5)
    assert adoption.page(ids, 5, 2) == ([], 6)


def test_tokens_are_long_random_and_checked():
    tokens = {adoption.new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) == 32 and adoption.looks_like_token(t) for t in tokens)
    assert not any(adoption.looks_like_token(t) for t in ("", "short", "A" * 31, "A" * 33, "../" + "A" * 29))


def test_slots_and_what_an_organisation_may_take():
    record = {"capacity": 6, "adopted": 2}
    assert adoption.free_slots(record) == 4 and adoption.free_slots({"capacity": None, "adopted": 0}) == 0
    assert adoption.whole_plot_trees(record, None, True) == 4
    assert adoption.whole_plot_trees(record, 3, False) == 3
    assert adoption.whole_plot_trees(record, 5, False) is None and adoption.whole_plot_trees(record, 0, False) is None
    assert adoption.place({"village": "埔心村", "site": "党建林"}) == "埔心村党建林"


@pytest.mark.parametrize(
    "donor, amount, source, problem",
    [
        ("商会", 5000.0, "社会力量", None),
        ("商会", 5000.0, "", None),
        ("", 10.0, None, "admin.adoption.no_donor"),
        ("商会", 0.0, None, "admin.adoption.bad_amount"),
        ("商会", None, None, "admin.adoption.bad_amount"),
        ("商会", 10.0, "彩票", "admin.adoption.bad_source"),
    ],
)
def test_donation_problems(donor, amount, source, problem):
    assert adoption.donation_problem(donor, amount, source, ["党费", "财政", "党员", "社会力量", "乡贤群众"]) == problem


# -- the household rule -----------------------------------------------------------------------------------
@pytest.fixture
def config():
    return config_mod.load(ROOT / "config.toml", env={})


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "a.db")
    migrate(db, build_registry().stores)
    db["villages"].insert({"id": 1, "name": "埔心村", "kind": "村", "households": 10})
    db["people"].insert_all(
        [
            {"id": 1, "name": "张三", "village_id": 1, "role": "群众", "household": "A", "openid": "o1"},
            {"id": 2, "name": "张妻", "village_id": 1, "role": "群众", "household": "A", "openid": "o2"},
            {"id": 3, "name": "李四", "village_id": 1, "role": "群众", "household": "B", "openid": "o3"},
            {"id": 4, "name": "王五", "village_id": 1, "role": "群众", "openid": "o4"},  # a household alone
            {"id": 5, "name": "陈书记", "village_id": 1, "role": "村书记", "household": "C", "openid": "o5"},
        ]
    )
    for openid in ("o1", "o2", "o3", "o4", "o5"):
        db["users"].insert({"openid": openid, "created_at": MARCH})
    db["plantings"].insert_all(
        [
            {
                "id": 1,
                "openid": "o5",
                "person_id": 5,
                "village_id": 1,
                "kind": "plot",
                "site": "党建林",
                "count": 60,
                "area_mu": 2.0,
                "species": "香樟",
                "status": "complete",
                "review": "none",
                "created_at": MARCH,
                "completed_at": MARCH,
            },
            {
                "id": 2,
                "openid": "o3",
                "person_id": 3,
                "village_id": 1,
                "kind": "tree",
                "count": 1,
                "species": "龙眼",
                "status": "complete",
                "review": "none",
                "created_at": MARCH,
                "completed_at": MARCH,
            },
        ]
    )

    def adopt(person_id, openid, at, trees=1):
        db["adoptions"].insert(
            {
                "planting_id": 1,
                "village_id": 1,
                "trees": trees,
                "first_tree": 1,
                "person_id": person_id,
                "openid": openid,
                "created_by": "chat",
                "adopted_at": at,
            }
        )

    adopt(2, "o2", MARCH)  # household A: no tree of its own, one adopted
    adopt(3, "o3", MARCH)  # household B: a tree of its own, one adopted too
    adopt(4, "o4", APRIL)  # 王五 alone, in April
    yield db
    db.conn.close()


def test_a_household_without_a_tree_counts_its_adoption(db, config):
    a = progress.household_progress(db, config, 1)  # 张三: his wife adopted
    assert (a.trees, a.adopted, a.counted, a.done) == (0, 1, 1, True)
    b = progress.household_progress(db, config, 3)  # 李四: his own tree counts, not the adoption
    assert (b.trees, b.adopted, b.counted, b.done) == (1, 1, 1, True)
    alone_march = progress.household_progress(db, config, 4, until="2027-03-31T15:59:59")
    assert (alone_march.adopted, alone_march.done) == (0, False)
    assert progress.household_progress(db, config, 4).done


def test_the_village_counts_households_covered_by_an_adoption_once(db, config):
    march = progress.village_progress(db, config, 1, until="2027-03-31T15:59:59")
    assert march.households_covered == 2  # A by adoption, B by its own tree
    assert progress.village_progress(db, config, 1).households_covered == 3  # and 王五 in April
    [village] = progress.all_villages_progress(db, config)
    assert village.households_covered == 3


def test_nudges_see_the_adopted_household_as_done(db, config):
    rows = {r["name"]: r for r in progress.people_left_to_do(db, config)}
    assert rows["张三"]["household_trees"] == rows["张妻"]["household_trees"] == 1
    assert rows["李四"]["household_trees"] == 1 and rows["王五"]["household_trees"] == 1
    assert rows["陈书记"]["household_trees"] == 0  # the plot is no tree by the house
