"""bot/zones.py's services on a real SQLite file (issue 20, the whole module): what the import and the dashboard's
form write, what claiming, 管护 and its photo write and leave in the flow, the nudge job's messages (to whom, when,
once per idle stretch, and when not) and what other capabilities read. A real Ctx over the app, as bot/webhook.py
makes one; each test named for the rule it pins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import adoption, zones
from bot.clock import to_db
from bot.context import Ctx
from bot.conversation import State
from bot.store import media as media_store
from bot.store import roster as roster_store
from bot.store import zones as zones_store
from tests.conftest import app_over_file, chat_context, rows_of

STAMP = "2027-01-01T00:00:00"
NOW = datetime(2027, 3, 15, 2, tzinfo=UTC)  # 10:00 in Shanghai, in the season
SEASON_START = datetime(2027, 2, 28, 16, tzinfo=UTC)  # 03-01 00:00 in Shanghai
SEASON_END = datetime(2027, 8, 31, 16, tzinfo=UTC)  # 09-01 00:00
MEMBER, OTHER, VILLAGER = "o-member", "o-other", "o-villager"
EAST = {"lat": 23.1, "lng": 114.4, "radius_m": 80.0}
INSIDE = {"lat": 23.1003, "lng": 114.4002}  # ~40 m from 东片's centre


class World:
    """埔心村 with two zones (东片 with a centre, 西片 without), two party members and a villager bound to WeChat."""

    def __init__(self, app):
        self.app, self.db = app, app.db
        with self.db.conn:
            self.village = roster_store.insert_village(self.db, {"name": "埔心村", "kind": "村"}, STAMP)
            self.people = {}
            for openid, name, role in (
                (MEMBER, "党员甲", "党员"),
                (OTHER, "党员乙", "党员"),
                (VILLAGER, "李四", "群众"),
            ):
                person = roster_store.insert_person(
                    self.db, {"name": name, "village_id": self.village, "role": role}, STAMP
                )
                roster_store.bind_openid(self.db, person, openid, STAMP, via="roster")
                self.db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
                self.people[openid] = person
            self.east = zones_store.insert_zone(
                self.db, village_id=self.village, name="东片", source="import", now=STAMP, **EAST
            )
            self.west = zones_store.insert_zone(
                self.db,
                village_id=self.village,
                name="西片",
                lat=None,
                lng=None,
                radius_m=None,
                source="import",
                now=STAMP,
            )

    def ctx(self, openid: str = MEMBER, now: datetime = NOW, inbox_id: int = 7) -> Ctx:
        return chat_context(self.app, openid, now, inbox_id=inbox_id)

    def zone(self, zone_id: int) -> dict:
        return zones_store.zone(self.db, zone_id)

    def photo(self, inbox_id: int, stored: bool = True, openid: str = MEMBER) -> int:
        with self.db.conn:
            row = media_store.add(
                self.db,
                openid=openid,
                inbox_id=inbox_id,
                kind="image",
                media_id=f"m{inbox_id}",
                pic_url=None,
                fmt=None,
                now=STAMP,
            )
            if stored:
                media_store.mark_stored(self.db, row, f"sha{inbox_id}", f"p{inbox_id}.jpg", 1, STAMP)
        return row

    def claim(self, openid: str, zone_id: int, at: str = STAMP) -> None:
        with self.db.conn:
            zones_store.claim(self.db, zone_id, self.people[openid], at)

    def tend(self, openid: str, zone_id: int, at: datetime, media_row_id: int | None = None) -> int:
        with self.db.conn:
            return zones.record_tending(self.ctx(openid, at), self.zone(zone_id), media_row_id)

    def outbox(self) -> list[dict]:
        return rows_of(self.app, "outbox")


@pytest.fixture
def world(tmp_path):
    with app_over_file(tmp_path, **{"wechat.templates.reminder": "TPL-R"}) as app:
        yield World(app)


# -- the import and the dashboard's form ---------------------------------------------------------------------
def row(n: int, name: str, village: int, lat=None, lng=None, radius=None) -> zones.ZoneRow:
    return zones.ZoneRow(n, village, name, lat, lng, radius)


def test_import_rule_new_zones_are_created_as_imported_with_their_place(world):
    with world.db.conn:
        summary = zones.apply(
            world.db, [row(2, "南片", world.village, 23.2, 114.5, 60), row(3, "北片", world.village)], "T1"
        )
    assert (summary.created, summary.updated, summary.unchanged, summary.rows) == (2, 0, 0, [2, 3])
    south, north = (zones_store.zone_by_name(world.db, world.village, n) for n in ("南片", "北片"))
    assert {k: south[k] for k in ("lat", "lng", "radius_m", "source", "created_at", "updated_at")} == {
        "lat": 23.2,
        "lng": 114.5,
        "radius_m": 60,
        "source": "import",
        "created_at": "T1",
        "updated_at": "T1",
    }
    assert (north["lat"], north["lng"], north["radius_m"]) == (None, None, None)


def test_import_rule_a_known_zone_is_updated_in_place_or_counted_unchanged(world):
    again = [
        row(2, "东片", world.village, 23.1, 114.4, 120),  # the radius changed
        row(3, "西片", world.village, 23.3, 114.3, 50),  # a centre now
        row(4, "东片", world.village, 23.1, 114.4, 120),  # the same as the row before: unchanged
    ]
    with world.db.conn:
        summary = zones.apply(world.db, again, "T2")
    assert (summary.created, summary.updated, summary.unchanged, summary.rows) == (0, 2, 1, [2, 3, 4])
    east, west = world.zone(world.east), world.zone(world.west)
    assert (east["radius_m"], east["lat"], east["updated_at"], east["source"]) == (120, 23.1, "T2", "import")
    assert (west["lat"], west["lng"], west["radius_m"], west["updated_at"]) == (23.3, 114.3, 50, "T2")
    with world.db.conn:
        summary = zones.apply(world.db, [row(2, "东片", world.village, 23.1, 114.4, 120)] * 2, "T3")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert world.zone(world.east)["updated_at"] == "T2"  # nothing changed: not touched
    assert len(rows_of(world.app, "zones")) == 2


def test_dashboard_rule_a_zone_from_the_form_is_checked_trimmed_and_kept(world):
    with world.db.conn:
        zone_id, problems = zones.add_zone(
            world.app, world.db, village_id=world.village, name="  南片 ", lat=23.2, lng=114.5, radius_m=60, now="T1"
        )
    assert problems == []
    zone = world.zone(zone_id)
    assert (zone["village_id"], zone["name"], zone["lat"], zone["lng"], zone["radius_m"]) == (
        world.village,
        "南片",
        23.2,
        114.5,
        60,
    )
    assert (zone["source"], zone["created_at"], zone["updated_at"]) == ("dashboard", "T1", "T1")
    with world.db.conn:
        bare_id, problems = zones.add_zone(
            world.app, world.db, village_id=world.village, name="北片", lat=None, lng=None, radius_m=None, now="T1"
        )
    bare = world.zone(bare_id)
    assert problems == [] and (bare["lat"], bare["lng"], bare["radius_m"]) == (None, None, None)


def test_dashboard_rule_a_name_the_village_has_already_is_refused(world):
    t = world.app.t
    zone_id, problems = zones.add_zone(
        world.app, world.db, village_id=world.village, name=" 东片", lat=None, lng=None, radius_m=None, now="T1"
    )
    assert zone_id is None
    assert [(p.row, p.reason, p.column) for p in problems] == [
        (1, t("zones.import.exists", name="东片"), t("zones.import.column_name"))
    ]
    assert len(rows_of(world.app, "zones")) == 2


@pytest.mark.parametrize(
    "form, column",
    [
        ({"name": None}, "zones.import.column_name"),
        ({"village_id": 999}, "zones.import.column_village"),  # no such village: as a row without one
        ({"lat": 91.0}, "zones.import.column_lat"),
        ({"lng": -181.0}, "zones.import.column_lng"),
        ({"radius_m": 0.5}, "zones.import.column_radius"),
        ({"radius_m": None}, "zones.import.column_radius"),  # a centre needs a radius
        ({"lng": None}, "zones.import.column_lat"),  # half a centre
    ],
)
def test_dashboard_rule_a_bad_form_names_its_problem_and_keeps_nothing(world, form, column):
    values = {"village_id": world.village, "name": "南片", "lat": 23.2, "lng": 114.5, "radius_m": 60.0, **form}
    zone_id, [problem] = zones.add_zone(world.app, world.db, now="T1", **values)
    assert zone_id is None and problem.row == 1 and problem.column == world.app.t(column)
    if "village_id" in form:
        assert problem.reason == world.app.t("zones.import.missing_village")
    assert len(rows_of(world.app, "zones")) == 2


# -- claiming ----------------------------------------------------------------------------------------------------
def test_claim_rule_the_list_shown_is_remembered_for_one_window(world):
    ctx = world.ctx()
    with world.db.conn:
        zones.show_list(ctx, [world.zone(world.west), world.zone(world.east)])
    assert zones.FLOW.state(world.ctx()) == State("listed", {"zone_ids": [world.west, world.east]})
    timeout = int(world.app.config.get("conversation.timeout_minutes"))
    assert zones.FLOW.state(world.ctx(now=NOW + timedelta(minutes=timeout) - timedelta(seconds=1))) is not None
    assert zones.FLOW.state(world.ctx(now=NOW + timedelta(minutes=timeout))) is None


def test_claim_rule_a_first_claim_a_claim_again_and_a_move(world):
    holders = "SELECT zone_id, person_id, claimed_at FROM zone_holders WHERE ended_at IS NULL ORDER BY id"
    member = world.people[MEMBER]
    with world.db.conn:
        assert zones.claim_zone(world.ctx(), world.zone(world.east)) is None
    assert rows_of(world.app, holders) == [{"zone_id": world.east, "person_id": member, "claimed_at": to_db(NOW)}]
    later = NOW + timedelta(days=1)
    with world.db.conn:
        before = zones.claim_zone(world.ctx(now=later), world.zone(world.east))
    assert (before["id"], before["claimed_at"]) == (world.east, to_db(NOW))
    # the same zone again: held since the first claim (its idle stretch is not restarted)
    assert rows_of(world.app, holders) == [{"zone_id": world.east, "person_id": member, "claimed_at": to_db(NOW)}]
    with world.db.conn:
        before = zones.claim_zone(world.ctx(now=later), world.zone(world.west))
    assert before["id"] == world.east
    assert rows_of(world.app, holders) == [{"zone_id": world.west, "person_id": member, "claimed_at": to_db(later)}]
    # withdraw84: the zone moved from is kept, ended at the move
    ended = "SELECT zone_id, ended_at FROM zone_holders WHERE ended_at IS NOT NULL"
    assert rows_of(world.app, ended) == [{"zone_id": world.east, "ended_at": to_db(later)}]


def test_tending_rule_the_held_zone_of_the_sender_only(world):
    world.claim(MEMBER, world.east)
    assert zones.held_zone(world.ctx())["id"] == world.east
    assert zones.held_zone(world.ctx(OTHER)) is None  # a member holding none
    assert zones.held_zone(world.ctx("o-stranger")) is None  # not on the roster


# -- 管护 ------------------------------------------------------------------------------------------------------------
def test_tending_rule_waiting_for_the_photo_keeps_the_location_sent(world):
    with world.db.conn:
        zones.wait_for_photo(world.ctx())
        zones.wait_for_photo(world.ctx(OTHER), INSIDE)
    assert zones.FLOW.state(world.ctx()) == State("tending", {})
    assert zones.FLOW.state(world.ctx(OTHER)) == State("tending", {"location": INSIDE})


def test_tending_rule_one_row_per_photo_with_its_place_and_message_and_the_flow_ends(world):
    world.claim(MEMBER, world.east)
    photo = world.photo(7, stored=False)
    ctx = world.ctx()
    with world.db.conn:
        zones.wait_for_photo(ctx, INSIDE)
        count = zones.record_tending(ctx, world.zone(world.east), photo, INSIDE)
    assert count == 1
    [tending] = rows_of(world.app, "tending")
    assert {k: v for k, v in tending.items() if k != "id"} == {
        "zone_id": world.east,
        "person_id": world.people[MEMBER],
        "openid": MEMBER,
        "media_row_id": photo,
        "lat": INSIDE["lat"],
        "lng": INSIDE["lng"],
        "inbox_id": 7,
        "created_at": to_db(NOW),
    }
    assert zones.FLOW.state(world.ctx()) is None
    assert world.tend(MEMBER, world.east, NOW + timedelta(hours=1)) == 2  # no photo, no location: counted too
    second = rows_of(world.app, "tending")[1]
    assert (second["media_row_id"], second["lat"], second["lng"]) == (None, None, None)


def test_tending_rule_a_photo_stored_before_the_tending_reaches_the_adopters_of_the_plots_it_covers(world):
    with world.db.conn:
        world.db["plantings"].insert(
            {
                "id": 1,
                "kind": "plot",
                "site": "党建林",
                "count": 3,
                "review": "none",
                "status": "complete",
                "openid": OTHER,
                "person_id": world.people[OTHER],
                "village_id": world.village,
                "species": "香樟",
                "lat": INSIDE["lat"],
                "lng": INSIDE["lng"],
                "created_at": STAMP,
                "completed_at": STAMP,
            }
        )
        assert adoption.adopt_one(world.ctx(VILLAGER, now=datetime(2026, 12, 1, tzinfo=UTC)), {"id": 1})
    world.claim(MEMBER, world.east)
    waiting = world.photo(8, stored=False)
    world.tend(MEMBER, world.east, NOW, waiting)
    assert world.outbox() == []  # not downloaded yet: the download job tells the adopters
    stored = world.photo(9)
    world.tend(MEMBER, world.east, NOW, stored)
    assert [(m["openid"], m["dedupe_key"]) for m in world.outbox()] == [
        (VILLAGER, f"adoption-photo:{stored}:{VILLAGER}")
    ]


def test_tending_rule_the_photo_of_the_message_is_its_own_media_row(world):
    photo = world.photo(7)
    world.photo(8)
    assert zones.photo_of_message(world.ctx(inbox_id=7)) == photo
    assert zones.photo_of_message(world.ctx(inbox_id=6)) is None


def test_plot_rule_the_tending_a_photo_belongs_to_with_its_zone(world):
    world.claim(MEMBER, world.east)
    photo = world.photo(7)
    world.tend(MEMBER, world.east, NOW, photo)
    found = zones.tending_of_media(world.db, photo)
    assert (found["zone_id"], found["village_id"], found["zone"], found["radius_m"]) == (
        world.east,
        world.village,
        "东片",
        80,
    )
    assert (found["zone_lat"], found["zone_lng"]) == (23.1, 114.4)
    assert zones.tending_of_media(world.db, photo + 1) is None


def test_awards_rule_tending_by_person_from_since_to_until_inclusive(world):
    for hours in (0, 1, 2, 3):
        world.tend(MEMBER, world.east, NOW + timedelta(hours=hours))
    world.tend(OTHER, world.east, NOW)
    since, until = to_db(NOW + timedelta(hours=1)), to_db(NOW + timedelta(hours=2))
    assert zones.tending_by_person(world.db, since, until) == {world.people[MEMBER]: 2}
    assert zones.tending_by_person(world.db, None, None) == {world.people[MEMBER]: 4, world.people[OTHER]: 1}


# -- the nudge job ---------------------------------------------------------------------------------------------
def nudge(world, now: datetime) -> dict:
    return zones.zone_nudges(world.app, now)


def test_nudge_rule_a_holder_idle_for_the_days_is_nudged_once_by_name_zone_and_days(world):
    days = int(world.app.config.get("zones.nudge_days"))
    world.claim(MEMBER, world.east, to_db(NOW))
    world.claim(OTHER, world.west, to_db(NOW + timedelta(seconds=1)))  # idle a second less
    due = NOW + timedelta(days=days)
    assert nudge(world, due - timedelta(seconds=1)) == {"queued": 0, "over_weekly_cap": 0}
    assert world.outbox() == []
    assert nudge(world, due) == {"queued": 1, "over_weekly_cap": 0}
    [message] = world.outbox()
    text = world.app.t("zones.nudge", name="党员甲", zone="东片", days=days)
    key = zones.nudge_key(world.people[MEMBER], world.east, to_db(NOW))
    assert (message["openid"], message["kind"], message["text"], message["dedupe_key"]) == (
        MEMBER,
        "reminder",
        text,
        key,
    )
    assert message["next_attempt_at"] == to_db(due)  # 10:00 in Shanghai: no quiet hours to wait for
    assert nudge(world, due + timedelta(hours=23)) == {
        "queued": 1,
        "over_weekly_cap": 0,
    }  # 党员乙 now; 党员甲 not again
    assert [m["openid"] for m in world.outbox()] == [MEMBER, OTHER]


def test_nudge_rule_the_days_said_are_whole_days_idle(world):
    world.claim(MEMBER, world.east, to_db(NOW))
    nudge(world, NOW + timedelta(days=20, hours=23))
    [message] = world.outbox()
    assert message["text"] == world.app.t("zones.nudge", name="党员甲", zone="东片", days=20)


def test_nudge_rule_a_tending_starts_a_new_idle_stretch(world):
    days = int(world.app.config.get("zones.nudge_days"))
    world.claim(MEMBER, world.east, to_db(NOW))
    world.tend(MEMBER, world.east, NOW + timedelta(days=days))
    assert nudge(world, NOW + timedelta(days=days + 1)) == {"queued": 0, "over_weekly_cap": 0}
    assert nudge(world, NOW + timedelta(days=2 * days)) == {"queued": 1, "over_weekly_cap": 0}
    [message] = world.outbox()
    assert message["dedupe_key"] == zones.nudge_key(world.people[MEMBER], world.east, to_db(NOW + timedelta(days=days)))


def test_nudge_rule_a_claim_before_the_season_counts_from_its_first_moment(world):
    world.claim(MEMBER, world.east, STAMP)  # January
    days = int(world.app.config.get("zones.nudge_days"))
    assert nudge(world, SEASON_START + timedelta(days=days, seconds=-1)) == {"queued": 0, "over_weekly_cap": 0}
    assert nudge(world, SEASON_START + timedelta(days=days)) == {"queued": 1, "over_weekly_cap": 0}
    [message] = world.outbox()
    assert message["dedupe_key"] == zones.nudge_key(world.people[MEMBER], world.east, to_db(SEASON_START))


def test_nudge_rule_only_within_the_season_from_its_first_moment(tmp_path):
    with app_over_file(tmp_path, **{"zones.nudge_days": 0}) as app:
        world = World(app)
        world.claim(MEMBER, world.east, STAMP)
        assert nudge(world, SEASON_START - timedelta(seconds=1)) == {"queued": 0, "over_weekly_cap": 0}
        assert nudge(world, SEASON_START) == {"queued": 1, "over_weekly_cap": 0}
        world.tend(MEMBER, world.east, SEASON_END - timedelta(days=1))
        assert nudge(world, SEASON_END) == {"queued": 0, "over_weekly_cap": 0}
        assert nudge(world, SEASON_END - timedelta(seconds=1)) == {"queued": 1, "over_weekly_cap": 0}


def test_nudge_rule_the_weekly_cap_is_counted(tmp_path):
    with app_over_file(tmp_path, **{"reminders.max_per_week": 0}) as app:
        world = World(app)
        world.claim(MEMBER, world.east, to_db(NOW))
        assert nudge(world, NOW + timedelta(days=14)) == {"queued": 0, "over_weekly_cap": 1}
        assert world.outbox() == []
