"""bot/pledges.py's services on a real SQLite file (issue 20, the whole module): what a pledge writes (new, the same
species again, for another household), who is told and when not, 取消认领, the name a cadre gives, the seedling
batches and their notices, and the nudge job (whom, with what, once, and outside the month nobody). A real Ctx over
the app, as bot/webhook.py makes one; each test named for the rule it pins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import planting, pledges
from bot.clock import to_db
from bot.context import Ctx
from bot.conversation import State
from bot.store import pledges as store
from bot.store import roster as roster_store
from tests.conftest import app_over_file, chat_context, rows_of

STAMP = "2027-01-01T00:00:00"
NOW = datetime(2027, 3, 15, 2, tzinfo=UTC)  # 10:00 in Shanghai
WANG, LI, CADRE = "o-wang", "o-li", "o-cadre"


class World:
    """埔心村: 王大妈 (o-wang) and 王大伯 (no WeChat) of household 王家, 李四 (o-li, a household alone), 张三 (no
    WeChat, alone) and 陈书记 (o-cadre); 下围村 has its own 张三."""

    def __init__(self, app):
        self.app, self.db = app, app.db
        with self.db.conn:
            self.village = roster_store.insert_village(self.db, {"name": "埔心村", "kind": "村"}, STAMP)
            self.other_village = roster_store.insert_village(self.db, {"name": "下围村", "kind": "村"}, STAMP)
            self.ids = {}
            for name, role, household, openid, village in (
                ("王大妈", "群众", "王家", WANG, self.village),
                ("王大伯", "群众", "王家", None, self.village),
                ("李四", "群众", None, LI, self.village),
                ("张三", "群众", None, None, self.village),
                ("陈书记", "村书记", None, CADRE, self.village),
                ("张三", "群众", None, None, self.other_village),
            ):
                fields = {"name": name, "village_id": village, "role": role, "household": household}
                person = roster_store.insert_person(self.db, fields, STAMP)
                if openid:
                    roster_store.bind_openid(self.db, person, openid, STAMP, via="roster")
                    self.db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
                self.ids.setdefault(name, person)

    def ctx(self, openid: str = WANG, now: datetime = NOW, inbox_id: int = 7) -> Ctx:
        return chat_context(self.app, openid, now, inbox_id=inbox_id)

    def person(self, name: str) -> dict:
        return roster_store.person(self.db, self.ids[name])

    def pledge(self, name: str, species: str, count: int, month: int | None = None, by: str | None = None, **at):
        ctx = self.ctx(by or self.person(name)["openid"], NOW + timedelta(**at))
        with self.db.conn:
            return pledges.pledge(ctx, self.person(name), species, count, month)

    def planted(self, name: str, species: str, count: int, review: str = "none", kind: str = "tree") -> None:
        with self.db.conn:
            self.db["plantings"].insert(
                {
                    "kind": kind,
                    "count": count,
                    "species": species,
                    "status": "complete",
                    "review": review,
                    "person_id": self.ids[name],
                    "village_id": self.village,
                    "openid": "o",
                    "created_at": STAMP,
                    "completed_at": STAMP,
                }
            )

    def outbox(self) -> list[dict]:
        return rows_of(self.app, "outbox")

    def live(self) -> list[dict]:
        return rows_of(self.app, "SELECT * FROM pledges WHERE cancelled_at IS NULL ORDER BY id")


@pytest.fixture
def world(tmp_path):
    with app_over_file(tmp_path, **{"wechat.templates.reminder": "TPL-R", "wechat.templates.notice": "TPL-N"}) as app:
        yield World(app)


# -- 认领 ------------------------------------------------------------------------------------------------------
def test_pledge_rule_a_new_species_is_a_new_pledge_of_the_senders_household(world):
    result = world.pledge("王大妈", "荔枝", 2, 3)
    row = result.pledge
    assert {k: row[k] for k in row if k not in ("id", "cancelled_at")} == {
        "village_id": world.village,
        "person_id": world.ids["王大妈"],
        "species": "荔枝",
        "count": 2,
        "month": 3,
        "entered_by_person_id": world.ids["王大妈"],
        "openid": WANG,
        "inbox_id": 7,
        "created_at": to_db(NOW),
        "updated_at": to_db(NOW),
    }
    assert row["cancelled_at"] is None and result.before is None and result.household == [row]
    longan = world.pledge("王大妈", "龙眼", 1, minutes=1)
    assert longan.before is None and [p["species"] for p in longan.household] == ["荔枝", "龙眼"]
    assert world.outbox() == []  # her own pledge: nobody to tell


def test_pledge_rule_the_same_species_again_replaces_count_and_month_of_the_households_pledge(world):
    first = world.pledge("王大妈", "荔枝", 2, 3).pledge
    world.pledge("王大妈", "龙眼", 1, minutes=1)
    again = world.pledge("王大伯", "荔枝", 5, 4, by=CADRE, minutes=2)  # the same household, through the cadre
    assert again.before == 2
    row = again.pledge
    assert (row["id"], row["person_id"], row["count"], row["month"]) == (first["id"], world.ids["王大妈"], 5, 4)
    assert (row["entered_by_person_id"], row["updated_at"], row["created_at"]) == (
        world.ids["陈书记"],
        to_db(NOW + timedelta(minutes=2)),
        to_db(NOW),
    )
    assert [(p["species"], p["count"]) for p in again.household] == [("荔枝", 5), ("龙眼", 1)]
    assert len(world.live()) == 2


def test_pledge_rule_two_pledges_of_one_species_become_the_first_one(world):
    first = world.pledge("王大妈", "荔枝", 2, 3).pledge
    with world.db.conn:  # as two members pledging at the same moment could leave them
        second = store.insert(
            world.db,
            village_id=world.village,
            person_id=world.ids["王大伯"],
            species="荔枝",
            count=4,
            month=None,
            entered_by_person_id=world.ids["王大伯"],
            openid="o",
            inbox_id=None,
            now=STAMP,
        )
    result = world.pledge("王大妈", "荔枝", 3, minutes=5)
    assert result.before == 2 and result.pledge["id"] == first["id"] and result.pledge["count"] == 3
    assert result.pledge["month"] == 3  # sim58: a new count said without a month keeps the month pledged
    assert store.pledge(world.db, second)["cancelled_at"] == to_db(NOW + timedelta(minutes=5))
    assert [p["id"] for p in world.live()] == [first["id"]]


def test_pledge_rule_a_cadres_pledge_for_a_household_tells_its_member_once_per_change(world):
    result = world.pledge("李四", "桃", 2, 4, by=CADRE)
    row = result.pledge
    assert (row["person_id"], row["entered_by_person_id"], row["openid"]) == (
        world.ids["李四"],
        world.ids["陈书记"],
        CADRE,
    )
    text = world.app.t(
        "pledges.told_household",
        name="李四",
        cadre="陈书记",
        count=2,
        species="桃子",
        month=world.app.t("pledges.in_month", month=4),
    )
    [notice] = world.outbox()
    assert (notice["openid"], notice["kind"], notice["text"], notice["dedupe_key"]) == (
        LI,
        "notice",
        text,
        f"pledge-for:{row['id']}:{to_db(NOW)}",
    )
    world.pledge("李四", "桃", 3, None, by=CADRE, minutes=1)
    assert [m["dedupe_key"] for m in world.outbox()][1] == f"pledge-for:{row['id']}:{to_db(NOW + timedelta(minutes=1))}"
    # sim58: the new count said without a month keeps the month pledged (4月), and the member is told it
    assert world.outbox()[1]["text"] == world.app.t(
        "pledges.told_household",
        name="李四",
        cadre="陈书记",
        count=3,
        species="桃子",
        month=world.app.t("pledges.in_month", month=4),
    )


def test_pledge_rule_a_household_without_wechat_is_told_nothing(world):
    world.pledge("张三", "荔枝", 2, by=CADRE)
    assert world.outbox() == []
    assert [p["person_id"] for p in world.live()] == [world.ids["张三"]]


# -- 取消认领 --------------------------------------------------------------------------------------------------
def test_cancel_rule_every_pledge_of_the_household_or_one_species(world):
    lychee = world.pledge("王大妈", "荔枝", 2).pledge
    longan = world.pledge("王大伯", "龙眼", 1, by=CADRE).pledge
    li = world.pledge("李四", "荔枝", 1).pledge
    later = NOW + timedelta(hours=1)
    with world.db.conn:
        ended, kept = pledges.cancel(world.ctx(now=later), world.person("王大伯"), "龙眼")
    assert [p["id"] for p in ended] == [longan["id"]] and kept == []
    assert store.pledge(world.db, longan["id"])["cancelled_at"] == to_db(later)
    with world.db.conn:
        ended, kept = pledges.cancel(world.ctx(now=later), world.person("王大妈"), None)
    assert [p["id"] for p in ended] == [lychee["id"]] and kept == []  # nothing planted: nothing kept (sim64)
    assert [p["id"] for p in world.live()] == [li["id"]]  # another household's: kept
    with world.db.conn:
        assert pledges.cancel(world.ctx(now=later), world.person("王大妈"), None) == ([], [])


# -- a cadre names a household ---------------------------------------------------------------------------------
def test_name_rule_a_name_is_looked_up_in_the_cadres_village_only(world):
    ctx = world.ctx(CADRE)
    assert pledges.village_person(ctx, "张三")["id"] == world.ids["张三"]
    assert pledges.village_person(ctx, "赵六") is None


def test_name_rule_a_name_and_month_read_two_ways_take_the_one_on_the_roster(world):
    """认领李四十二月…: 李四 in December or 李四十 in February; the village has 李四: that reading, nothing to ask."""
    ctx = world.ctx(CADRE)
    parsed = pledges.parse("认领李四十二月两棵龙眼", pledges.species_table(ctx.app))
    assert parsed.readings == (("李四", 12), ("李四十", 2))
    assert pledges.readings_words(ctx.t, parsed) == "“李四 12月”，也可以是“李四十 2月”"
    chosen = pledges.choose_reading(ctx, parsed)
    assert (chosen.name, chosen.month, chosen.readings, chosen.written) == ("李四", 12, (), "")
    assert (chosen.count, chosen.species) == (2, "龙眼")


def test_name_rule_a_reading_is_chosen_only_when_exactly_one_name_is_on_the_roster(world):
    ctx = world.ctx(CADRE)
    assert (
        pledges.choose_reading(ctx, pledges.parse("认领赵六十二月两棵龙眼", pledges.species_table(ctx.app))) is None
    )  # neither
    with world.db.conn:
        fields = {"name": "李四十", "village_id": world.village, "role": "群众", "household": None}
        roster_store.insert_person(world.db, fields, STAMP)
    assert (
        pledges.choose_reading(ctx, pledges.parse("认领李四十二月两棵龙眼", pledges.species_table(ctx.app))) is None
    )  # both


def test_name_rule_an_unknown_name_is_asked_about_and_yes_adds_a_household(world):
    ctx = world.ctx(CADRE)
    parsed = pledges.PledgeText(count=2, species="龙眼", species_text="龙眼", month=5, name="赵六")
    with world.db.conn:
        pledges.ask_about_name(ctx, parsed)
    state = pledges.FLOW.state(world.ctx(CADRE))
    assert state == State("confirm_name", {"name": "赵六", "species": "龙眼", "count": 2, "month": 5})
    ctx = world.ctx(CADRE, NOW + timedelta(minutes=1))
    with world.db.conn:
        person = pledges.new_household(ctx, "赵六")
    assert (person["name"], person["village_id"], person["role"], person["source"]) == (
        "赵六",
        world.village,
        "群众",
        "proxy",
    )
    assert pledges.FLOW.state(world.ctx(CADRE, NOW + timedelta(minutes=1))) is None
    with world.db.conn:
        assert pledges.new_household(ctx, "张三")["id"] == world.ids["张三"]  # on the roster by now: the same


def test_name_rule_an_unknown_name_keeps_every_tree_of_the_pledge_for_yes(world):
    ctx = world.ctx(CADRE)
    parsed = pledges.parse("认领 赵六 一棵桂花一棵杨梅 三月种", pledges.species_table(ctx.app))
    assert parsed is not None and parsed.trees() == [(1, "桂花"), (1, "杨梅")]
    with world.db.conn:
        pledges.ask_about_name(ctx, parsed)
    state = pledges.FLOW.state(world.ctx(CADRE))
    assert state == State(
        "confirm_name", {"name": "赵六", "species": "桂花", "count": 1, "month": 3, "more": [[1, "杨梅"]]}
    )


# -- what a household pledged and planted -------------------------------------------------------------------------
def test_mine_rule_the_households_pledges_and_its_verified_trees_by_species(world):
    world.pledge("王大妈", "荔枝", 2)
    world.pledge("王大伯", "龙眼", 1, by=CADRE)
    world.pledge("李四", "荔枝", 1)
    assert [p["species"] for p in pledges.household_pledges(world.db, world.ids["王大伯"])] == ["荔枝", "龙眼"]
    world.planted("王大伯", "荔枝", 3)
    world.planted("王大妈", "荔枝", 1, review="approved")
    world.planted("王大妈", "龙眼", 4, review="pending")  # waiting for review: not yet
    world.planted("李四", "龙眼", 2)  # another household
    assert pledges.planted_of(world.db, world.ids["王大妈"]) == {"荔枝": 4}


def test_species_rule_the_pledges_read_the_planting_species_table(world):
    assert pledges.species_table(world.app) == planting.species_table(world.app)


# -- the seedling list -------------------------------------------------------------------------------------------
def test_demand_rule_a_village_or_the_whole_county(world):
    world.pledge("王大妈", "荔枝", 2)
    world.pledge("李四", "荔枝", 3)
    world.planted("李四", "荔枝", 1)
    [row] = pledges.demand(world.db, world.village)
    assert (row["village"], row["species"], row["pledged"], row["planted"], row["needed"]) == (
        "埔心村",
        "荔枝",
        5,
        1,
        4,
    )
    assert pledges.demand(world.db, world.other_village) == []
    assert pledges.demand(world.db) == [row]


def batch(world, status: str = "arrived", species: str = "荔枝", place: str = " 村委会 ", **at) -> tuple[int, int]:
    with world.db.conn:
        return pledges.record_batch(
            world.app,
            world.db,
            village_id=world.village,
            species=species,
            count=30,
            status=status,
            pickup_date="2027-03-02",
            place=place,
            by="office",
            now=NOW + timedelta(**at),
        )


def test_batch_rule_an_arrived_batch_tells_each_pledger_still_needing_trees_where_and_from_when(world):
    wang = world.pledge("王大妈", "荔枝", 2).pledge
    zhang = world.pledge("张三", "荔枝", 5, by=CADRE).pledge  # no WeChat: the cadre who entered it is told
    world.pledge("李四", "荔枝", 1)
    world.planted("李四", "荔枝", 1)  # planted all: not told
    world.pledge("王大伯", "龙眼", 2, by=CADRE)  # another species
    batch_id, told = batch(world)
    assert told == 2
    stored = store.batch(world.db, batch_id)
    assert stored["created_at"] == to_db(NOW) and stored["pickup_date"] == "2027-03-02"
    assert (stored["status"], stored["place"], stored["count"], stored["created_by"]) == (
        "arrived",
        "村委会",
        30,
        "office",
    )
    assert [(m["openid"], m["dedupe_key"], m["kind"]) for m in world.outbox()] == [
        (WANG, f"seedlings:{batch_id}:{wang['id']}", "notice"),
        (CADRE, f"seedlings:{batch_id}:{zhang['id']}", "notice"),
    ]
    assert world.outbox()[0]["text"] == world.app.t(
        "pledges.seedlings_arrived", name="王大妈", species="荔枝", needed=2, place="村委会", day="3月2日"
    )
    assert pledges.tell_pledgers(world.app, world.db, batch_id, NOW) == 0  # once per batch and pledge


def test_batch_rule_the_trees_still_needed_are_the_pledge_less_those_planted(world):
    world.pledge("王大妈", "桃", 5)
    world.planted("王大伯", "桃", 2)
    batch_id, told = batch(world, species="桃")
    assert told == 1
    assert world.outbox()[0]["text"] == world.app.t(
        "pledges.seedlings_arrived", name="王大妈", species="桃子", needed=3, place="村委会", day="3月2日"
    )


def test_batch_rule_a_batch_recorded_as_handed_out_tells_nobody(world):
    world.pledge("王大妈", "荔枝", 2)
    batch_id, told = batch(world, status="handed_out")
    assert told == 0 and world.outbox() == []
    stored = store.batch(world.db, batch_id)
    assert (stored["status"], stored["handed_out_by"], stored["handed_out_at"]) == ("handed_out", "office", to_db(NOW))
    assert not pledges.hand_out(world.db, batch_id, "office", NOW)


def test_batch_rule_an_arrived_batch_is_handed_out_once(world):
    batch_id, _told = batch(world)
    later = NOW + timedelta(days=2)
    assert pledges.hand_out(world.db, batch_id, "clerk", later)
    stored = store.batch(world.db, batch_id)
    assert (stored["status"], stored["handed_out_by"], stored["handed_out_at"]) == ("handed_out", "clerk", to_db(later))
    assert not pledges.hand_out(world.db, batch_id, "clerk", later)
    assert not pledges.hand_out(world.db, batch_id + 1, "clerk", later)


# -- the nudge job ---------------------------------------------------------------------------------------------
MARCH_FIRST = datetime(2027, 2, 28, 16, tzinfo=UTC)  # 03-01 00:00 in Shanghai


def test_nudge_rule_in_the_pledges_month_each_household_yet_to_plant_it_once(world):
    wang = world.pledge("王大妈", "桃", 2, 3).pledge
    zhang = world.pledge("张三", "荔枝", 1, 3, by=CADRE).pledge
    world.pledge("李四", "荔枝", 1, 3)
    world.planted("李四", "荔枝", 1, review="pending")  # logged, waiting for review: done
    world.pledge("王大伯", "龙眼", 1, 4, by=CADRE)  # April's
    assert pledges.pledge_nudges(world.app, MARCH_FIRST) == {"queued": 2, "over_weekly_cap": 0}
    messages = world.outbox()
    assert [(m["openid"], m["kind"], m["dedupe_key"]) for m in messages] == [
        (WANG, "reminder", f"pledge-nudge:{wang['id']}:2027-03"),
        (CADRE, "reminder", f"pledge-nudge:{zhang['id']}:2027-03"),
    ]
    assert messages[0]["text"] == world.app.t("pledges.nudge", name="王大妈", count=2, species="桃子", month=3)
    assert pledges.pledge_nudges(world.app, MARCH_FIRST + timedelta(days=1)) == {"queued": 0, "over_weekly_cap": 0}
    assert len(world.outbox()) == 2


def test_nudge_rule_from_the_months_nudge_day_in_the_campaign_year_only(tmp_path):
    with app_over_file(tmp_path, **{"pledges.nudge_day": 10, "wechat.templates.reminder": "TPL-R"}) as app:
        world = World(app)
        world.pledge("王大妈", "荔枝", 2, 3)
        tenth = datetime(2027, 3, 9, 16, tzinfo=UTC)  # 03-10 00:00 in Shanghai
        assert pledges.pledge_nudges(app, tenth - timedelta(seconds=1)) == {"queued": 0, "over_weekly_cap": 0}
        assert pledges.pledge_nudges(app, tenth.replace(year=2028)) == {"queued": 0, "over_weekly_cap": 0}
        assert world.outbox() == []
        assert pledges.pledge_nudges(app, tenth) == {"queued": 1, "over_weekly_cap": 0}


def test_nudge_rule_the_weekly_cap_is_counted(tmp_path):
    with app_over_file(tmp_path, **{"reminders.max_per_week": 0}) as app:
        world = World(app)
        world.pledge("王大妈", "荔枝", 2, 3)
        assert pledges.pledge_nudges(app, MARCH_FIRST) == {"queued": 0, "over_weekly_cap": 1}
        assert world.outbox() == []
