"""bot/visits.py's services on a real SQLite file (issue 20, the whole module): 签到 and its location in either order,
the photos that join a visit (sent before 签到, while it waits, after it), the village a visit goes to and the choice
when it is outside every radius, the reminder job (whom, with what, once, and when not), the dashboard's rows and what
other capabilities read. A real Ctx over the app, as bot/webhook.py makes one; each test named for the rule it pins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot import planting, roster, visits
from bot.clock import to_db
from bot.context import Ctx
from bot.conversation import State
from bot.store import media as media_store
from bot.store import plantings as plantings_store
from bot.store import roster as roster_store
from bot.store import visits as store
from tests.conftest import app_over_file, chat_context, rows_of

STAMP = "2027-01-01T00:00:00"
NOW = datetime(2027, 3, 15, 2, tzinfo=UTC)  # 10:00 in Shanghai
ADVISER, SOLO, VILLAGER = "o-adviser", "o-solo", "o-villager"
PUXIN = {"lat": 23.10, "lng": 114.40, "radius_m": 3000}
XIAWEI = {"lat": 23.20, "lng": 114.40, "radius_m": 3000}  # ~11 km north of 埔心村
IN_PUXIN = (23.101, 114.401)
NOWHERE = (23.50, 114.40)  # outside both


class World:
    """埔心村 and 下围村 (with centres) and 石桥村 (none); 陈顾问 (o-adviser) advises 埔心村 and 下围村, 林顾问
    (o-solo) only 石桥村, 黄顾问 (bound by name only: 群众 powers) 埔心村; 王大妈 (o-villager) lives in 埔心村."""

    def __init__(self, app):
        self.app, self.db = app, app.db
        with self.db.conn:
            self.puxin = roster_store.insert_village(self.db, {"name": "埔心村", "kind": "村", **PUXIN}, STAMP)
            self.xiawei = roster_store.insert_village(self.db, {"name": "下围村", "kind": "村", **XIAWEI}, STAMP)
            self.shiqiao = roster_store.insert_village(self.db, {"name": "石桥村", "kind": "村"}, STAMP)
            self.ids = {}
            for name, role, openid, via, village, advised in (
                ("陈顾问", roster.ADVISER, ADVISER, "roster", None, (self.puxin, self.xiawei)),
                ("林顾问", roster.ADVISER, SOLO, "code", None, (self.shiqiao,)),
                ("黄顾问", roster.ADVISER, "o-unproven", "name", None, (self.puxin,)),
                ("周顾问", roster.ADVISER, None, None, None, (self.xiawei,)),
                ("王大妈", "群众", VILLAGER, "roster", self.puxin, ()),
            ):
                person = roster_store.insert_person(self.db, {"name": name, "role": role, "village_id": village}, STAMP)
                if openid:
                    roster_store.bind_openid(self.db, person, openid, STAMP, via=via)
                for village_id in advised:
                    roster_store.link_adviser_village(self.db, person, village_id)
                self.ids[name] = person
        self.photos = 0

    def ctx(self, openid: str = ADVISER, now: datetime = NOW, inbox_id: int = 7) -> Ctx:
        return chat_context(self.app, openid, now, inbox_id=inbox_id)

    def photo(self, openid: str = ADVISER) -> int:
        self.photos += 1
        with self.db.conn:
            row = media_store.add(
                self.db,
                openid=openid,
                inbox_id=100 + self.photos,
                kind="image",
                media_id=f"m{self.photos}",
                pic_url=None,
                fmt=None,
                now=STAMP,
            )
            media_store.mark_stored(self.db, row, f"sha{self.photos}", f"p{self.photos}.jpg", 1, STAMP)
        return row

    def photo_record(self, openid: str = ADVISER, now: datetime = NOW) -> tuple[int, int]:
        """A photo sent just now, before any text: a pending planting record holding only it (its window open)."""
        photo = self.photo(openid)
        ctx = self.ctx(openid, now)
        with self.db.conn:
            record = planting.new_record(ctx)
            plantings_store.add_photo(self.db, record["id"], photo, ctx.now_s)
            planting.advance(ctx, record["id"])
        return record["id"], photo

    def visit(self, at: datetime, location=IN_PUXIN, note: str = "", photos=(), openid: str = ADVISER):
        with self.db.conn:
            return visits.record_visit(self.ctx(openid, at), *location, note, list(photos))

    def state(self, openid: str = ADVISER, now: datetime = NOW) -> State | None:
        return visits.FLOW.state(self.ctx(openid, now))

    def visit_photos(self, visit_id: int) -> list[int]:
        return [r["media_row_id"] for r in rows_of(self.app, f"SELECT * FROM visit_photos WHERE visit_id = {visit_id}")]


@pytest.fixture
def world(tmp_path):
    with app_over_file(tmp_path, **{"wechat.templates.notice": "TPL-N"}) as app:
        yield World(app)


WINDOW = timedelta(minutes=30)  # visits.attach_minutes


# -- an adviser's location --------------------------------------------------------------------------------------
def test_location_rule_an_advisers_location_waits_for_sign_in_unless_a_planting_record_takes_it(world):
    assert visits.location_waits_for_sign_in(world.ctx())
    assert not visits.location_waits_for_sign_in(world.ctx(VILLAGER))  # never a villager's
    assert not visits.location_waits_for_sign_in(world.ctx("o-unproven"))  # an unproven binding: 群众 powers
    world.photo_record(ADVISER)
    assert not visits.location_waits_for_sign_in(world.ctx())  # their record open: the location is the record's


def test_location_rule_a_location_is_kept_for_one_window(world):
    with world.db.conn:
        visits.keep_location(world.ctx(), *IN_PUXIN)
    assert world.state() == State("located", {"lat": IN_PUXIN[0], "lng": IN_PUXIN[1]})
    assert world.state(now=NOW + WINDOW - timedelta(seconds=1)) is not None
    assert world.state(now=NOW + WINDOW) is None


# -- 签到 -------------------------------------------------------------------------------------------------------
def test_sign_in_rule_before_the_location_waits_with_the_note_and_the_photo_sent_just_before(world):
    record, photo = world.photo_record()
    with world.db.conn:
        visits.start_sign_in(world.ctx(), "指导挖穴")
    assert world.state() == State("signing", {"note": "指导挖穴", "photos": [photo]})
    assert plantings_store.get(world.db, record)["status"] == "cancelled"  # the photo is the visit's, not a planting
    with world.db.conn:
        visits.start_sign_in(world.ctx(SOLO), "")
    assert world.state(SOLO) == State("signing", {"note": "", "photos": []})


def test_sign_in_rule_photos_sent_while_it_waits_are_kept_in_order(world):
    with world.db.conn:
        visits.start_sign_in(world.ctx(), "")
    first, second = world.photo(), world.photo()
    later = NOW + timedelta(minutes=20)
    with world.db.conn:
        assert visits.add_waiting_photo(world.ctx(), world.state(), first) == 1
        assert visits.add_waiting_photo(world.ctx(now=later), world.state(now=later), second) == 2
        assert visits.add_waiting_photo(world.ctx(now=later), world.state(now=later), None) == 2  # no photo row
    assert world.state(now=later) == State("signing", {"note": "", "photos": [first, second]})
    assert world.state(now=later + WINDOW - timedelta(seconds=1)) is not None  # each photo restarts the window


def test_sign_in_rule_after_the_location_records_the_visit_there_with_the_photo_sent_just_before(world):
    with world.db.conn:
        visits.keep_location(world.ctx(), *IN_PUXIN)
    _record, photo = world.photo_record(now=NOW + timedelta(minutes=1))
    ctx = world.ctx(now=NOW + timedelta(minutes=2))
    with world.db.conn:
        recorded = visits.sign_in_where_located(ctx, world.state(now=ctx.now), "修剪")
    assert (recorded.visit["village_id"], recorded.visit["lat"], recorded.visit["lng"]) == (world.puxin, *IN_PUXIN)
    assert recorded.visit["note"] == "修剪" and world.visit_photos(recorded.visit["id"]) == [photo]


def test_visit_rule_inside_a_radius_the_visit_is_the_nearest_villages_and_recorded(world):
    photo = world.photo()
    recorded = world.visit(NOW, IN_PUXIN, "指导挖穴", [photo])
    visit = recorded.visit
    expected_distance = round(visits.distance_to({**PUXIN}, *IN_PUXIN), 1)
    assert {k: visit[k] for k in visit if k != "id"} == {
        "adviser_person_id": world.ids["陈顾问"],
        "openid": ADVISER,
        "village_id": world.puxin,
        "village": "埔心村",
        "lat": IN_PUXIN[0],
        "lng": IN_PUXIN[1],
        "distance_m": expected_distance,
        "note": "指导挖穴",
        "location_ok": 1,
        "inbox_id": 7,
        "placed_by": None,
        "created_at": to_db(NOW),
        "updated_at": to_db(NOW),
    }
    assert expected_distance != visits.distance_to(PUXIN, *IN_PUXIN)  # rounded to 0.1 m
    assert recorded.placement.inside and [v["id"] for v in recorded.villages] == [world.puxin, world.xiawei]
    assert recorded.month_visits == 1
    assert world.visit_photos(visit["id"]) == [photo]
    assert world.state() == State("recorded", {"visit_id": visit["id"]})


def test_visit_rule_outside_every_radius_with_several_villages_the_adviser_chooses(world):
    recorded = world.visit(NOW, NOWHERE)
    visit = recorded.visit
    assert (visit["village_id"], visit["distance_m"], visit["location_ok"]) == (None, None, 0)
    assert world.state() == State("choosing", {"visit_id": visit["id"], "village_ids": [world.puxin, world.xiawei]})
    assert recorded.month_visits == 0  # no village yet: not counted


def test_visit_rule_an_adviser_of_one_village_without_a_centre_has_it_as_mismatched(world):
    recorded = world.visit(NOW, NOWHERE, openid=SOLO)
    visit = recorded.visit
    assert (visit["village_id"], visit["distance_m"], visit["location_ok"]) == (world.shiqiao, None, 0)
    assert world.state(SOLO) == State("recorded", {"visit_id": visit["id"]})
    assert recorded.month_visits == 1


def test_choice_rule_a_position_from_one_to_the_last_and_the_distance_to_that_village(world):
    visit_id = world.visit(NOW, NOWHERE).visit["id"]
    later = NOW + timedelta(minutes=5)
    with world.db.conn:
        for number in (0, 3, -1):
            assert visits.choose_village(world.ctx(now=later), world.state(now=later), number) is None
    assert store.visit(world.db, visit_id)["village_id"] is None
    with world.db.conn:
        chosen = visits.choose_village(world.ctx(now=later), world.state(now=later), 2)
    assert (chosen["id"], chosen["village_id"], chosen["village"], chosen["location_ok"]) == (
        visit_id,
        world.xiawei,
        "下围村",
        0,
    )
    assert chosen["distance_m"] == round(visits.distance_to(XIAWEI, *NOWHERE), 1)
    assert chosen["updated_at"] == to_db(later) and chosen["created_at"] == to_db(NOW)
    assert world.state(now=later) == State("recorded", {"visit_id": visit_id})


def test_choice_rule_the_first_position_and_a_village_without_a_centre(world):
    with world.db.conn:
        roster_store.link_adviser_village(world.db, world.ids["陈顾问"], world.shiqiao)
    visit_id = world.visit(NOW, NOWHERE).visit["id"]
    with world.db.conn:
        first = visits.choose_village(world.ctx(), world.state(), 1)
    assert first["village_id"] == world.puxin
    with world.db.conn:
        bare = visits.choose_village(
            world.ctx(), State("choosing", {"visit_id": visit_id, "village_ids": [world.shiqiao]}), 1
        )
    assert (bare["village_id"], bare["distance_m"]) == (world.shiqiao, None)
    with world.db.conn:
        assert visits.choose_village(world.ctx(), State("choosing", {"visit_id": visit_id}), 1) is None


def test_photo_rule_a_photo_after_the_visit_joins_it_once_and_restarts_the_window(world):
    visit_id = world.visit(NOW, IN_PUXIN).visit["id"]
    photo = world.photo()
    later = NOW + timedelta(minutes=20)
    with world.db.conn:
        visit, count = visits.add_photo(world.ctx(now=later), world.state(now=later), photo)
        assert (visit["id"], count) == (visit_id, 1)
        assert visits.add_photo(world.ctx(now=later), world.state(now=later), photo)[1] == 1  # the same photo
        assert visits.add_photo(world.ctx(now=later), world.state(now=later), None)[1] == 1
    assert world.visit_photos(visit_id) == [photo]
    assert world.state(now=later + WINDOW - timedelta(seconds=1)) == State("recorded", {"visit_id": visit_id})


def test_photo_rule_the_photo_of_the_message_is_its_own_media_row(world):
    photo = world.photo()
    assert visits.photo_of_message(world.ctx(inbox_id=101)) == photo
    assert visits.photo_of_message(world.ctx(inbox_id=7)) is None


def test_month_rule_the_advisers_visits_of_the_local_month_so_far(world):
    april = datetime(2027, 3, 31, 16, tzinfo=UTC)  # 04-01 00:00 in Shanghai
    world.visit(april - timedelta(seconds=1))  # March
    world.visit(NOW, openid=SOLO, location=NOWHERE)  # another adviser's
    assert world.visit(april).month_visits == 1
    assert world.visit(april + timedelta(days=29, hours=15, seconds=59)).month_visits == 2  # 04-30 23:59:59


# -- the 通报 -------------------------------------------------------------------------------------------------
def test_report_rule_every_village_with_its_visits_of_the_month(world):
    world.visit(NOW)
    world.visit(NOW + timedelta(days=1))
    world.visit(NOW, location=(23.201, 114.401))  # 下围村
    world.visit(datetime(2027, 3, 31, 16, tzinfo=UTC))  # April
    assert visits.visits_in_month(world.db, world.app.config, "2027-03-31T15:59:59") == {
        world.puxin: 2,
        world.xiawei: 1,
        world.shiqiao: 0,
    }


# -- the reminder job ------------------------------------------------------------------------------------------
TWENTIETH = datetime(2027, 3, 19, 16, tzinfo=UTC)  # 03-20 00:00 in Shanghai: visits.reminder_day


def test_reminder_rule_from_the_reminder_day_each_proven_adviser_with_a_village_not_visited(world):
    world.visit(NOW, location=(23.201, 114.401))  # 下围村 visited in March
    assert visits.visit_reminders(world.app, TWENTIETH - timedelta(seconds=1)) == {"queued": 0}
    assert rows_of(world.app, "outbox") == []
    assert visits.visit_reminders(world.app, TWENTIETH) == {"queued": 2}
    messages = rows_of(world.app, "outbox")
    assert [(m["openid"], m["kind"], m["dedupe_key"]) for m in messages] == [
        (SOLO, "notice", visits.reminder_key(2027, 3, world.ids["林顾问"])),
        (ADVISER, "notice", visits.reminder_key(2027, 3, world.ids["陈顾问"])),
    ]  # 黄顾问 (unproven) and 周顾问 (no WeChat) are not told
    assert messages[1]["text"] == world.app.t("visits.reminder", name="陈顾问", month=3, villages="埔心村", n=1)
    assert messages[0]["text"] == world.app.t("visits.reminder", name="林顾问", month=3, villages="石桥村", n=1)
    assert messages[1]["next_attempt_at"] == to_db(TWENTIETH + timedelta(hours=8))  # after quiet hours: 08:00
    assert visits.visit_reminders(world.app, TWENTIETH + timedelta(days=1)) == {"queued": 0}  # once a month


def test_reminder_rule_an_adviser_whose_villages_are_all_visited_is_skipped(world):
    world.visit(NOW, location=NOWHERE, openid=SOLO)  # 林顾问's one village
    world.visit(NOW)  # 埔心村 of 陈顾问's two
    assert visits.visit_reminders(world.app, TWENTIETH) == {"queued": 1}  # 林顾问 (first by name) skipped, not the end
    [message] = rows_of(world.app, "outbox")
    assert (message["openid"], message["text"]) == (
        ADVISER,
        world.app.t("visits.reminder", name="陈顾问", month=3, villages="下围村", n=1),
    )


def test_reminder_rule_when_every_village_is_visited_nobody_is_reminded_until_next_month(world):
    world.visit(NOW)
    world.visit(NOW, location=(23.201, 114.401))
    world.visit(NOW, location=NOWHERE, openid=SOLO)
    assert visits.visit_reminders(world.app, TWENTIETH) == {"queued": 0}
    world_text = world.app.t("visits.reminder", name="陈顾问", month=4, villages="埔心村、下围村", n=2)
    assert visits.visit_reminders(world.app, datetime(2027, 4, 19, 16, tzinfo=UTC)) == {"queued": 2}
    assert world_text in [m["text"] for m in rows_of(world.app, "outbox")]


def test_reminder_rule_only_in_the_campaign_year(world):
    assert visits.visit_reminders(world.app, TWENTIETH.replace(year=2028)) == {"queued": 0}


# -- the dashboard and what other capabilities read ----------------------------------------------------------------
def test_dashboard_rule_each_adviser_with_villages_visits_mismatches_and_tickets(world):
    world.visit(NOW, note="甲")
    world.visit(NOW + timedelta(hours=1), location=NOWHERE, openid=SOLO)
    world.visit(datetime(2027, 2, 20, tzinfo=UTC))  # February
    tickets = {world.ids["陈顾问"]: {"open": 2, "answered": 3, "median_hours": 1.5}}
    rows = {r["name"]: r for r in visits.adviser_rows(world.app, world.db, NOW, tickets)}
    assert list(rows) == ["周顾问", "林顾问", "陈顾问", "黄顾问"]
    assert rows["陈顾问"] == {
        "id": world.ids["陈顾问"],
        "name": "陈顾问",
        "villages": "埔心村、下围村",
        "village_ids": [world.puxin, world.xiawei],
        "visits": 1,
        "mismatched": 0,
        "unplaced": 0,
        "unvisited": 1,
        "open": 2,
        "answered": 3,
        "median_hours": 1.5,
    }
    assert {
        k: rows["林顾问"][k] for k in ("visits", "mismatched", "unvisited", "open", "answered", "median_hours")
    } == {
        "visits": 1,
        "mismatched": 1,
        "unvisited": 0,
        "open": 0,
        "answered": 0,
        "median_hours": None,
    }
    with world.db.conn:
        lone = roster_store.insert_person(world.db, {"name": "吴顾问", "role": roster.ADVISER}, STAMP)
    [row] = [r for r in visits.adviser_rows(world.app, world.db, NOW, {}) if r["id"] == lone]
    assert (row["villages"], row["village_ids"], row["visits"], row["unvisited"]) == ("", [], 0, 0)


def test_dashboard_rule_the_latest_visit_of_a_village_with_its_stored_photos(world):
    assert visits.last_visit(world.db, world.puxin) is None
    world.visit(NOW - timedelta(days=1))
    assert visits.last_visit(world.db, world.puxin)["photos"] == []
    photo = world.photo()
    latest = world.visit(NOW, note="新", photos=[photo]).visit
    last = visits.last_visit(world.db, world.puxin)
    assert (last["id"], last["adviser"], last["note"]) == (latest["id"], "陈顾问", "新")
    assert last["photos"] == [{"sha256": "sha1", "created_at": to_db(NOW)}]


def test_dashboard_rule_recent_visits_newest_first_of_the_villages_asked(world):
    photo = world.photo()
    first = world.visit(NOW, photos=[photo]).visit["id"]
    second = world.visit(NOW + timedelta(hours=1), location=(23.201, 114.401)).visit["id"]
    found = visits.recent_visits(world.db, None)
    assert [(v["id"], len(v["photos"])) for v in found] == [(second, 0), (first, 1)]
    assert [v["id"] for v in visits.recent_visits(world.db, [world.puxin])] == [first]
    assert [v["id"] for v in visits.recent_visits(world.db, None, limit=1)] == [second]


def test_dashboard_rule_recent_visits_are_the_latest_fifty_unless_asked(world):
    with world.db.conn:
        for n in range(51):
            store.add_visit(
                world.db,
                adviser_person_id=world.ids["陈顾问"],
                openid=ADVISER,
                village_id=world.puxin,
                lat=IN_PUXIN[0],
                lng=IN_PUXIN[1],
                distance_m=None,
                note=None,
                location_ok=True,
                inbox_id=None,
                now=to_db(NOW + timedelta(minutes=n)),
            )
    found = visits.recent_visits(world.db, [world.puxin])
    assert len(found) == 50 and found[0]["created_at"] == to_db(NOW + timedelta(minutes=50))


def test_awards_rule_visits_by_adviser_and_village_in_the_span(world):
    world.visit(NOW)
    world.visit(NOW + timedelta(hours=1))
    world.visit(NOW, location=(23.201, 114.401))
    world.visit(NOW, location=NOWHERE)  # no village chosen: not counted
    start, end = to_db(NOW), to_db(NOW + timedelta(hours=1))
    assert visits.visits_by_adviser(world.db, start, end) == {
        world.ids["陈顾问"]: {"visits": 2, "villages": 2, "mismatched": 0}
    }
    assert visits.village_visits(world.db, start, end) == {world.puxin: 1, world.xiawei: 1}
    assert [a["name"] for a in visits.advisers(world.db)] == ["周顾问", "林顾问", "陈顾问", "黄顾问"]
    assert [v["id"] for v in visits.villages_of(world.db, {"id": world.ids["陈顾问"]})] == [world.puxin, world.xiawei]
