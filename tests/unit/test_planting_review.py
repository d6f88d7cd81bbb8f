"""bot/planting.py's checks on a real SQLite file: what a record is checked against (``checks_for``), the flags and
their reasons written with it (``refresh_flags``), the spot-check key and draw, the dashboard's review decision, and
what the certificates and awards read; each test named for the rule it pins."""

from __future__ import annotations

import json

import pytest

from bot import planting, schedule
from bot.db import transaction
from bot.store import plantings as planting_store
from bot.store import roster as roster_store
from bot.store import tokens as tokens_store
from tests.unit.planting_world import CADRE, NEIGHBOUR, VILLAGER, World

FAR = {"lat": 23.50, "lng": 114.40}  # ~44 km north of 埔心村
NEAR = {"lat": 23.101, "lng": 114.401}
KEY = "a-spot-check-key"


@pytest.fixture
def world(bot):
    return World(bot)


def refresh(world, record, now_s=None) -> list[str]:
    with transaction(world.db):
        return planting.refresh_flags(world.bot, world.db, record["id"], now_s or world.now_s)


def details(world, record) -> dict:
    return json.loads(world.get(record["id"])["flag_details"])


def complete(world, openid=VILLAGER, photos=1, **columns) -> dict:
    """A finished record (made now) with these columns."""
    columns = {
        "species": "桂花",
        "species_known": 1,
        "count": 3,
        "status": "complete",
        "completed_at": world.now_s,
        **columns,
    }
    return world.record(openid, photos=photos, **columns)


# -- what a record is checked against -------------------------------------------------------------------
def test_checks_rule_the_campaigns_settings_and_the_senders_role(world):
    cfg = world.bot.config
    caps = cfg.get("review.max_trees_per_record")
    villager = planting.checks_for(world.bot, world.db, complete(world))
    assert villager == planting.Checks(
        season=schedule.season(cfg),
        old_photo_tolerance_days=cfg.get("planting.old_photo_tolerance_days"),
        cap=caps["群众"],
        cadre=False,
    )
    cadre = planting.checks_for(world.bot, world.db, complete(world, CADRE))
    assert (cadre.cap, cadre.cadre) == (caps["村书记"], True)


def test_checks_rule_a_daizhong_is_checked_as_its_cadre_sent_it(world):
    member = roster_store.person(world.db, world.person_id("李大叔"))
    record = complete(world, CADRE, person_id=member["id"])
    checks = planting.checks_for(world.bot, world.db, world.get(record["id"]))
    assert (checks.cap, checks.cadre) == (world.bot.config.get("review.max_trees_per_record")["村书记"], True)


def test_checks_rule_a_record_without_an_entered_by_is_its_persons(world):
    record = complete(world, CADRE, entered_by_person_id=None)  # as the demo county's own records are
    checks = planting.checks_for(world.bot, world.db, world.get(record["id"]))
    assert (checks.cap, checks.cadre) == (world.bot.config.get("review.max_trees_per_record")["村书记"], True)


def test_checks_rule_a_record_without_a_sender_gets_the_smallest_cap_and_no_plot_tags(world):
    record = complete(world, person_id=None, entered_by_person_id=None)
    checks = planting.checks_for(world.bot, world.db, world.get(record["id"]))
    assert (checks.cap, checks.cadre) == (min(world.bot.config.get("review.max_trees_per_record").values()), False)


def test_checks_rule_a_staff_role_without_proof_has_the_masses_cap(world):
    """A binding without proof has 群众 powers only (README, identity by proof): a villager bound by name whom a
    roster import later names 村书记 may not claim 500 trees a record (the cap was the role's, proof or not)."""
    with transaction(world.db):
        person_id = roster_store.insert_person(
            world.db, {"name": "赵某", "village_id": world.village_id, "role": "村书记"}, world.now_s
        )
        roster_store.bind_openid(world.db, person_id, "o-unproven", world.now_s, via="name")
    record = complete(world, "o-unproven", count=11)
    checks = planting.checks_for(world.bot, world.db, record)
    assert (checks.cap, checks.cadre) == (world.bot.config.get("review.max_trees_per_record")["群众"], False)
    assert refresh(world, record) == ["over_cap"]


# -- the flags written with their reasons ---------------------------------------------------------------------
def test_flags_rule_a_record_passing_every_check_counts_at_once(world):
    record = complete(world, **NEAR)
    now = world.later(minutes=1)
    assert refresh(world, record) == []
    row = world.get(record["id"])
    assert (row["flags"], row["flag_details"], row["review"], row["updated_at"]) == ("", None, "none", now)


def test_flags_rule_each_flag_is_written_with_its_reason_in_order(world):
    record = complete(world, species="黄皮", species_known=0, count=11, **FAR)
    assert refresh(world, record, "2027-03-15T03:00:00") == ["far_from_village", "unknown_species", "over_cap"]
    row = world.get(record["id"])
    assert (row["flags"], row["review"], row["updated_at"]) == (
        "far_from_village unknown_species over_cap",
        "pending",
        "2027-03-15T03:00:00",
    )
    assert "埔心村" in row["flag_details"]  # kept readable, not \\u escapes
    assert details(world, record) == {
        "far_from_village": {"reason": "位置离埔心村中心44.5公里，超出3.0公里范围", "ref": None},
        "unknown_species": {"reason": "树种“黄皮”不在推荐树种表里", "ref": None},
        "over_cap": {"reason": "一条记录11棵，超过您这个角色每条10棵的上限", "ref": None},
    }


def test_flags_rule_a_record_without_photos_waits(world):
    record = complete(world, photos=0)
    assert refresh(world, record) == ["no_photo"]
    assert details(world, record) == {"no_photo": {"reason": "没有照片", "ref": None}}


@pytest.mark.parametrize(
    "completed_at, created_at, out",
    [
        ("2027-05-31T15:59:59", "2027-03-15T02:00:00", False),  # 23:59:59 on the last day, Shanghai time
        ("2027-05-31T16:00:00", "2027-03-15T02:00:00", True),  # 00:00 on 1 June in Shanghai (still 31 May in UTC)
        (None, "2027-05-31T16:00:00", True),  # not completed: the day it was made
        (None, "2027-05-31T15:59:59", False),
        ("2027-01-30T16:00:00", "2027-01-30T15:00:00", False),  # 00:00 on the first day (plans_due)
        ("2027-01-30T15:59:59", "2027-01-30T15:00:00", True),
    ],
)
def test_season_rule_the_local_day_the_record_was_completed_else_made(world, completed_at, created_at, out):
    record = complete(world, completed_at=completed_at)
    world.db.execute("UPDATE plantings SET created_at = ? WHERE id = ?", [created_at, record["id"]])
    assert ("out_of_season" in refresh(world, record)) is out


def test_flags_rule_a_plot_tag_only_from_a_cadre(world):
    mine = complete(world, site="党建林")
    theirs = complete(world, CADRE, site="党建林")
    assert (refresh(world, mine), refresh(world, theirs)) == (["plot_tag"], [])
    assert details(world, mine)["plot_tag"]["reason"] == "党建林的树由村干部登记，村民记录要核实"


def test_flags_rule_a_decision_taken_stands_when_the_flags_change(world):
    record = complete(world, review="approved", **FAR)
    assert refresh(world, record) == ["far_from_village"]
    assert world.get(record["id"])["review"] == "approved"


# -- the spot check -------------------------------------------------------------------------------------------
def spot_world(app_with, rate) -> World:
    """A world whose campaign spot-checks at ``rate`` with KEY (record 1 is the first made)."""
    return World(app_with(**{"review.spot_check_rate": rate, "review.spot_check_key": KEY}).extensions["bot"])


def draw() -> float:
    return planting.spot_check_draw(KEY, 1)


@pytest.mark.parametrize("located", [True, False])
def test_spot_check_rule_drawn_only_below_the_rate_twice_without_a_location(app_with, located):
    rate = draw() if located else draw() / 2  # exactly the draw: not drawn
    world = spot_world(app_with, rate)
    record = complete(world, **(NEAR if located else {}))
    assert record["id"] == 1
    assert refresh(world, record) == []
    assert (world.get(1)["review"], world.get(1)["flag_details"]) == ("none", None)


@pytest.mark.parametrize("located", [True, False])
def test_spot_check_rule_a_drawn_record_counts_and_says_why_it_was_drawn(app_with, located):
    rate = draw() + 1e-9 if located else draw() / 2 + 1e-9
    world = spot_world(app_with, rate)
    why = "随机抽查（" if located else "随机抽查，没有位置加倍抽（"
    reason = f"{why}抽中值{draw():.4f}，抽查比例{rate * (1 if located else 2):.0%}）"
    record = complete(world, **(NEAR if located else {}))
    assert refresh(world, record) == []
    assert world.get(1)["review"] == "spot_check"
    assert details(world, record) == {"spot_check": {"reason": reason, "ref": None}}


def test_spot_check_rule_a_drawn_record_that_gets_a_flag_waits_and_keeps_why_it_was_drawn(app_with):
    world = spot_world(app_with, 1.0)
    record = complete(world, **NEAR)
    refresh(world, record)
    world.db.execute("UPDATE plantings SET lat = 23.5 WHERE id = 1")
    assert refresh(world, record) == ["far_from_village"]
    assert world.get(1)["review"] == "pending"
    assert set(details(world, record)) == {"far_from_village", "spot_check"}
    assert details(world, record)["spot_check"]["reason"] == f"随机抽查（抽中值{draw():.4f}，抽查比例100%）"


def test_spot_check_rule_the_configured_key_else_one_made_once_for_every_process(world, app_with):
    assert planting.spot_check_key(app_with(**{"review.spot_check_key": KEY}).extensions["bot"]) == KEY
    assert tokens_store.get(world.db, "spot_check_key") is None  # a configured key is not stored
    key = planting.spot_check_key(world.bot)
    assert len(key) == 64 and int(key, 16) >= 0
    assert (
        tokens_store.get(world.db, "spot_check_key")["value"],
        tokens_store.get(world.db, "spot_check_key")["fetched_at"],
    ) == (key, world.now_s)
    assert planting.spot_check_key(world.bot) == key
    assert planting.spot_check_key(app_with().extensions["bot"]) == key  # another process, the same database


# -- the review decision --------------------------------------------------------------------------------------
def decide(world, record_id, decision):
    with transaction(world.db):
        return planting.decide_review(world.bot, world.db, record_id, decision, "照片看过了", "admin", world.now_s)


def decisions(world) -> list[tuple]:
    return [
        (r["planting_id"], r["decision"], r["reason"], r["decided_by"], r["decided_at"], r["previous_review"])
        for r in world.db.query("SELECT * FROM review_decisions ORDER BY id")
    ]


@pytest.mark.parametrize("waiting, decision", [("pending", "approved"), ("spot_check", "rejected")])
def test_review_rule_a_waiting_record_is_decided_and_the_decision_kept(world, waiting, decision):
    record = complete(world, review=waiting)
    now = world.later(hours=1)
    assert decide(world, record["id"], decision) is not None  # the record as it was (round 54: its sender is told)
    row = world.get(record["id"])
    assert (row["review"], row["reviewed_by"], row["reviewed_at"], row["review_reason"]) == (
        decision,
        "admin",
        now,
        "照片看过了",
    )
    assert decisions(world) == [(record["id"], decision, "照片看过了", "admin", now, waiting)]


def test_review_rule_a_record_not_waiting_or_not_there_is_not_decided(world):
    record = complete(world)
    assert decide(world, record["id"], "rejected") is None
    assert decide(world, 999, "approved") is None
    assert world.get(record["id"])["review"] == "none" and decisions(world) == []


# -- what the certificates and awards read ---------------------------------------------------------------------
@pytest.fixture
def counted(world):
    """Records of 王大妈 and 李大叔: counted, waiting, rejected, a plot, one not finished, stamped one hour apart."""
    made = {}
    for hour, (name, openid, columns) in enumerate(
        [
            ("counted", VILLAGER, {"count": 3}),
            ("waiting", VILLAGER, {"count": 4, "review": "pending"}),
            ("rejected", VILLAGER, {"count": 5, "review": "rejected"}),
            ("neighbour", NEIGHBOUR, {"count": 6, "review": "approved"}),
            ("plot", VILLAGER, {"kind": "plot", "area_mu": 2.0, "count": 7}),
            ("spot", VILLAGER, {"count": 8, "review": "spot_check"}),
        ]
    ):
        stamp = f"2027-03-15T0{hour}:00:00"
        made[name] = complete(world, openid, completed_at=stamp, **columns)["id"]
        world.db.execute("UPDATE plantings SET updated_at = ? WHERE id = ?", [stamp, made[name]])
    made["unfinished"] = world.record(species="桂花", count=9)["id"]
    return made


def test_certificate_rule_the_people_with_a_finished_record_changed_in_the_span_both_ends_in(world, counted):
    me, neighbour = world.person_id("王大妈"), world.person_id("李大叔")
    changed = planting.people_with_changed_records
    assert changed(world.db, "2027-03-15T03:00:00", "2027-03-15T03:00:00") == [neighbour]
    assert changed(world.db, "2027-03-15T03:00:01", "2027-03-15T05:00:00") == [me]
    assert changed(world.db, None, "2027-03-15T00:00:00") == [me]
    assert changed(world.db, "2027-03-15T05:00:01", "2027-12-31T00:00:00") == []


def test_certificate_rule_the_verified_tree_records_oldest_first(world, counted):
    rows = planting.verified_tree_records(world.db, world.person_id("王大妈"))
    assert [(r["id"], r["count"]) for r in rows] == [(counted["counted"], 3), (counted["spot"], 8)]
    assert planting.still_verified(world.db, list(counted.values())) == {
        counted["counted"],
        counted["neighbour"],
        counted["plot"],
        counted["spot"],
    }
    assert planting.still_verified(world.db, [counted["rejected"]]) == set()


def test_award_rule_verified_trees_by_person_in_the_span_both_ends_in(world, counted):
    me, neighbour = world.person_id("王大妈"), world.person_id("李大叔")
    alone = {"collective": 0, "collective_records": 0}
    assert planting.verified_trees_by_person(world.db, None, None) == {
        me: {"trees": 11, "records": 2, **alone},
        neighbour: {"trees": 6, "records": 1, **alone},
    }
    assert planting.verified_trees_by_person(world.db, "2027-03-15T03:00:00", "2027-03-15T05:00:00") == {
        me: {"trees": 8, "records": 1, **alone},
        neighbour: {"trees": 6, "records": 1, **alone},
    }
    assert planting.verified_trees_by_person(world.db, "2027-03-15T00:00:00", "2027-03-15T00:00:00") == {
        me: {"trees": 3, "records": 1, **alone}
    }


def test_award_rule_trees_at_a_collective_site_are_kept_apart(world, counted):
    """A tree record at a 党建林/主题林/示范点 site (planted by many, logged by one) is not its logger's own."""
    me = world.person_id("王大妈")
    world.db.execute("UPDATE plantings SET site = '党建林' WHERE id = ?", [counted["spot"]])
    world.db.execute("UPDATE plantings SET site = '房前屋后' WHERE id = ?", [counted["counted"]])
    assert planting.verified_trees_by_person(world.db, None, None)[me] == {
        "trees": 3,
        "records": 1,
        "collective": 8,
        "collective_records": 1,
    }


def test_award_rule_the_collective_sites_sql_names_the_same_sites():
    assert planting_store.PLOT_SITES_SQL == "(" + ", ".join(f"'{s}'" for s in planting.PLOT_SITES) + ")"


# -- the names replies show -----------------------------------------------------------------------------------
def test_names_rule_a_short_stored_key_shows_the_seeds_name(world):
    assert [planting.display_name(world.bot, s) for s in ("桃", "李", "柿", "桂花", "黄皮", None, "")] == [
        "桃子",
        "李子",
        "柿子",
        "桂花",
        "黄皮",
        "",
        "",
    ]
    names = planting.display_names(world.bot)
    assert set(names) == set(planting.species_table(world.bot)) and names["香樟"] == "香樟"


def test_names_rule_the_trees_off_the_list_as_villagers_name_them(world):
    offlist = planting.offlist_names(world.bot)
    assert isinstance(offlist, tuple) and {"发财树", "芒果"} <= set(offlist)
    assert planting.offlist_names(world.bot) is offlist and planting.species_table(world.bot) is planting.species_table(
        world.bot
    )
