"""bot/planting.py's chat flow on a real SQLite file: which record a part joins (the open window, a late record, one
more photo), what each step writes, and the count-change question; each test named for the rule it pins."""

from __future__ import annotations

import pytest

from bot import planting
from bot.conversation import State, cancel_all
from bot.db import transaction
from bot.store import roster as roster_store
from tests.unit.planting_world import CADRE, NEIGHBOUR, VILLAGER, World

SPOT = {"lat": 23.101, "lng": 114.401, "location_label": "村口"}  # inside 埔心村's 3 km
FAR = {"lat": 23.50, "lng": 114.40, "location_label": "别处"}  # ~44 km north


@pytest.fixture
def world(bot):
    return World(bot)


def in_tx(world, fn, *args):
    with transaction(world.db):
        return fn(*args)


def open_window(world, record, openid=VILLAGER):
    """A part joined ``record`` now: its window is open (the flow holds it)."""
    return in_tx(world, planting.advance, world.ctx(openid), record["id"])


def expires_at(world, openid=VILLAGER):
    return next(world.db.query("SELECT expires_at FROM conversations WHERE openid = ?", [openid]))["expires_at"]


# -- a new record ------------------------------------------------------------------------------------
def test_new_record_rule_the_sender_their_village_and_the_message(world):
    record = in_tx(world, planting.new_record, world.ctx())
    me = world.person_id("王大妈")
    assert record == world.get(record["id"])
    assert (record["openid"], record["person_id"], record["entered_by_person_id"], record["village_id"]) == (
        VILLAGER,
        me,
        me,
        world.village_id,
    )
    assert (record["inbox_id"], record["status"], record["kind"], record["created_at"]) == (
        7,
        "pending",
        "tree",
        world.now_s,
    )
    assert (record["lat"], record["lng"], record["location_label"]) == (None, None, None)


def test_new_record_rule_a_location_sent_before_any_part_joins_it(world):
    in_tx(world, planting.keep_location, world.ctx(), SPOT)
    assert world.flow() == State("collecting", {"location": SPOT})
    world.later(minutes=29)
    record = in_tx(world, planting.new_record, world.ctx())
    assert (record["lat"], record["lng"], record["location_label"]) == (23.101, 114.401, "村口")
    other = in_tx(world, planting.new_record, world.ctx(NEIGHBOUR))  # someone else's location is not theirs
    assert other["lat"] is None


def test_location_rule_a_kept_location_waits_one_window(world):
    in_tx(world, planting.keep_location, world.ctx(), SPOT)
    assert expires_at(world) == world.hence(minutes=world.bot.config.get("conversation.timeout_minutes"))


# -- the open window -----------------------------------------------------------------------------------
def test_collecting_rule_only_a_pending_record_in_the_open_window(world):
    assert planting.collecting(world.ctx()) is None  # no flow
    in_tx(world, planting.keep_location, world.ctx(), SPOT)
    assert planting.collecting(world.ctx()) is None  # a flow holding only a location
    record = world.record(species="桂花")
    open_window(world, record)
    assert planting.collecting(world.ctx()) == world.get(record["id"])
    assert planting.collecting(world.ctx(NEIGHBOUR)) is None
    world.later(minutes=29, seconds=59)
    assert planting.collecting(world.ctx())["id"] == record["id"]
    world.later(seconds=1)
    assert planting.collecting(world.ctx()) is None  # the window ran out


def test_collecting_rule_a_finished_record_in_the_flow_is_not_collecting(world):
    record = world.record(species="桂花")
    open_window(world, record)
    with transaction(world.db):
        planting.store.update(world.db, record["id"], {"status": "complete"})
    assert planting.collecting(world.ctx()) is None


def test_advance_rule_a_record_still_missing_parts_restarts_its_window(world):
    record = world.record(species="桂花")
    now = world.later(minutes=10)
    step = open_window(world, record)
    assert (step.record["id"], step.missing, step.photo_count) == (record["id"], ["count", "photo"], 0)
    row = world.get(record["id"])
    assert (row["status"], row["last_part_at"], row["updated_at"], row["completed_at"]) == ("pending", now, now, None)
    assert world.flow() == State("collecting", {"planting_id": record["id"]})
    assert expires_at(world) == world.hence(minutes=world.bot.config.get("conversation.timeout_minutes"))


def test_advance_rule_the_last_part_completes_the_record_and_ends_the_window(world):
    record = world.record(species="桂花", count=3, photos=2)
    open_window(world, world.record(species="龙眼"))  # the window was open for another part
    now = world.later(minutes=5)
    step = open_window(world, record)
    assert (step.missing, step.photo_count) == ([], 2)
    assert step.record == world.get(record["id"])
    assert (step.record["status"], step.record["review"], step.record["flags"]) == ("complete", "none", "")
    times = ("completed_at", "last_part_at", "closed_at", "updated_at")
    assert [step.record[t] for t in times] == [now] * 4
    assert world.flow() is None


def test_advance_rule_a_finished_record_is_computed_again_with_its_flags(world):
    record = world.record(species="黄皮", species_known=0, count=3, photos=1)
    step = open_window(world, record)
    assert (step.record["status"], step.record["flags"], step.record["review"]) == (
        "complete",
        "unknown_species",
        "pending",
    )


def test_advance_rule_a_complete_record_is_left_as_it_is(world):
    record = world.record(species="桂花", count=3, photos=1)
    open_window(world, record)
    done = world.get(record["id"])
    world.later(minutes=1)
    step = open_window(world, record)
    assert (step.record, step.missing, step.photo_count) == (done, [], 1)
    assert world.get(record["id"]) == done
    assert world.flow() is None


# -- a location ----------------------------------------------------------------------------------------
def test_location_rule_the_pending_record_else_the_latest_within_the_window(world):
    window = planting.window(world.bot.config)
    assert window.total_seconds() == 60 * world.bot.config.get("conversation.timeout_minutes")
    done = world.record(species="桂花", count=3, status="complete", last_part_at=world.ago(seconds=window.seconds))
    assert planting.record_for_location(world.ctx())["id"] == done["id"]  # exactly one window ago
    world.later(seconds=1)
    assert planting.record_for_location(world.ctx()) is None
    pending = world.record(species="龙眼")
    open_window(world, pending)
    assert planting.record_for_location(world.ctx())["id"] == pending["id"]


def test_location_rule_a_finished_record_gets_its_flags_again(world):
    done = world.record(species="桂花", count=3, photos=1)
    open_window(world, done)
    now = world.later(minutes=1)
    in_tx(world, planting.attach_location, world.ctx(), world.get(done["id"]), FAR)
    row = world.get(done["id"])
    assert (row["lat"], row["lng"], row["location_label"], row["updated_at"]) == (23.50, 114.40, "别处", now)
    assert (row["flags"], row["review"]) == ("far_from_village", "pending")


def test_location_rule_a_pending_record_keeps_it_for_when_it_completes(world):
    pending = world.record(species="桂花")
    now = world.later(minutes=1)
    in_tx(world, planting.attach_location, world.ctx(), pending, FAR)
    row = world.get(pending["id"])
    assert (row["lat"], row["location_label"], row["updated_at"], row["flags"], row["review"]) == (
        23.50,
        "别处",
        now,
        "",
        "none",
    )


# -- a late part, one more photo ------------------------------------------------------------------------
def late(world, photos=0, **columns):
    """An incomplete record: its window closed an hour ago."""
    return world.record(photos=photos, closed_at=world.ago(hours=1), **columns)


def test_late_rule_a_photo_finishes_a_record_waiting_only_for_its_photo_within_the_late_hours(world):
    record = late(world, species="桂花", count=3)
    assert planting.late_record(world.ctx(), "photo")["id"] == record["id"]
    assert planting.late_record(world.ctx(), "text") is None  # no text is missing
    assert planting.late_record(world.ctx(NEIGHBOUR), "photo") is None
    hours = world.bot.config.get("planting.late_part_hours")
    world.later(hours=hours - 1)
    assert planting.late_record(world.ctx(), "photo")["id"] == record["id"]  # exactly the late hours after
    world.later(seconds=1)
    assert planting.late_record(world.ctx(), "photo") is None


@pytest.mark.parametrize(
    "photos, columns, photo_fits, text_fits",
    [
        (1, {}, False, True),  # only photos: the text finishes it
        (1, {"species": "桂花"}, False, True),  # the count is missing
        (1, {"count": 3}, False, True),
        (0, {"species": "桂花"}, False, False),  # count and photo missing: neither alone finishes it
        (0, {"count": 3}, False, False),
        (0, {"species": "桂花", "count": 3}, True, False),
    ],
)
def test_late_rule_a_part_takes_up_the_record_it_moves_on(world, photos, columns, photo_fits, text_fits):
    record = late(world, photos=photos, **columns)
    expected = {True: record["id"], False: None}
    found = {arriving: planting.late_record(world.ctx(), arriving) for arriving in ("photo", "text")}
    assert {k: v and v["id"] for k, v in found.items()} == {"photo": expected[photo_fits], "text": expected[text_fits]}


def test_late_rule_the_newest_incomplete_record_and_only_a_pending_one(world):
    late(world, species="龙眼", count=1)
    newest = late(world, species="桂花", count=3)
    assert planting.late_record(world.ctx(), "photo")["id"] == newest["id"]
    with transaction(world.db):
        planting.store.update(world.db, newest["id"], {"status": "cancelled"})
    assert planting.late_record(world.ctx(), "photo")["species"] == "龙眼"


def test_reopen_rule_a_late_record_taken_up_again_has_its_window_open(world):
    record = late(world, species="桂花", count=3)
    assert in_tx(world, planting.reopen, world.ctx(), "text") is None
    assert world.get(record["id"])["closed_at"] is not None
    assert in_tx(world, planting.reopen, world.ctx(), "photo")["id"] == record["id"]
    assert world.get(record["id"])["closed_at"] is None


def test_record_for_rule_the_open_record_a_late_one_or_a_new_one(world):
    first = in_tx(world, planting.record_for, world.ctx(), "text")
    assert (first["status"], world.get(first["id"])["closed_at"]) == ("pending", None)
    open_window(world, first)
    assert in_tx(world, planting.record_for, world.ctx(), "text")["id"] == first["id"]
    world.link_photo(first["id"], world.media_row())
    world.later(minutes=31)  # its window ran out: the sender's next part settles it first
    again = in_tx(world, planting.record_for, world.ctx(), "text")  # photo only: a text finishes it
    assert again["id"] == first["id"] and world.get(first["id"])["closed_at"] is None
    assert len(list(world.db.query("SELECT * FROM plantings"))) == 1


def test_record_for_rule_a_photo_takes_up_a_record_waiting_only_for_its_photo(world):
    record = late(world, species="桂花", count=3)
    assert in_tx(world, planting.record_for, world.ctx(msg_type="image"), "photo")["id"] == record["id"]
    assert world.get(record["id"])["closed_at"] is None


def test_record_for_rule_a_text_after_the_window_of_a_text_only_record_is_a_new_one(world):
    first = world.record(species="桂花", count=3)
    open_window(world, first)
    world.later(minutes=31)
    second = in_tx(world, planting.record_for, world.ctx(), "text")
    assert second["id"] != first["id"]
    assert (world.get(first["id"])["closed_at"], world.get(first["id"])["reminded_at"]) == (world.now_s, world.now_s)


def test_extra_photo_rule_a_photo_within_the_seconds_after_a_finished_record(world):
    seconds = world.bot.config.get("planting.extra_photo_seconds")
    record = world.record(species="桂花", count=3, photos=1)
    open_window(world, record)
    now = world.later(seconds=seconds)
    photo = world.media_row()
    extra = in_tx(world, planting.add_extra_photo, world.ctx(msg_type="image"), photo)
    assert extra["id"] == record["id"]
    row = world.get(record["id"])
    assert (row["last_part_at"], row["updated_at"]) == (now, now)
    linked = planting.store.photo_by_media(world.db, photo)
    assert (linked["planting_id"], linked["created_at"]) == (record["id"], now)
    assert len(planting.store.photos_of(world.db, record["id"])) == 2
    world.later(seconds=seconds)  # counted from the last photo
    assert in_tx(world, planting.add_extra_photo, world.ctx(msg_type="image"), world.media_row())["id"] == record["id"]
    world.later(seconds=seconds + 1)
    late_photo = world.media_row()
    assert in_tx(world, planting.add_extra_photo, world.ctx(msg_type="image"), late_photo) is None
    assert not planting.holds_photo(world.db, late_photo)
    assert len(planting.store.photos_of(world.db, record["id"])) == 3


def test_extra_photo_rule_never_for_a_record_still_collecting(world):
    record = world.record(species="桂花")
    open_window(world, record)
    photo = world.media_row()
    assert in_tx(world, planting.add_extra_photo, world.ctx(msg_type="image"), photo) is None
    assert planting.store.photos_of(world.db, record["id"]) == []
    assert in_tx(world, planting.add_extra_photo, world.ctx(NEIGHBOUR, msg_type="image"), photo) is None


# -- what a text writes ----------------------------------------------------------------------------------
def parsed(world, text):
    return planting.parse_text(text, planting.species_table(world.bot), frozenset({"species", "count", "area"}))


def test_text_rule_a_villagers_text_sets_its_parts_for_themselves(world):
    record = world.record()
    in_tx(world, planting.apply_text, world.ctx(), record, parsed(world, "3棵桂花"))
    row = world.get(record["id"])
    me = world.person_id("王大妈")
    assert (row["species"], row["species_known"], row["count"], row["person_id"], row["entered_by_person_id"]) == (
        "桂花",
        1,
        3,
        me,
        me,
    )


def test_proxy_rule_a_cadres_daizhong_credits_the_household_member(world):
    record = world.record(CADRE)
    in_tx(world, planting.apply_text, world.ctx(CADRE), record, parsed(world, "代种 李四 2棵龙眼"))
    row = world.get(record["id"])
    member = roster_store.person(world.db, row["person_id"])
    assert (member["name"], member["role"], member["source"], member["village_id"]) == (
        "李四",
        "群众",
        "proxy",
        world.village_id,
    )
    assert (row["entered_by_person_id"], row["species"], row["count"]) == (world.person_id("陈书记"), "龙眼", 2)


def test_proxy_rule_the_member_of_that_name_in_the_cadres_village_or_a_new_one(world):
    cadre = roster_store.person(world.db, world.person_id("陈书记"))
    with transaction(world.db):
        other_village = roster_store.insert_village(world.db, {"name": "石角村"}, world.now_s)
        roster_store.insert_person(world.db, {"name": "张三", "village_id": other_village}, world.now_s)
    found = in_tx(world, planting.household_member, world.ctx(CADRE), "王大妈", cadre)
    assert found["id"] == world.person_id("王大妈")
    added = in_tx(world, planting.household_member, world.ctx(CADRE), "张三", cadre)
    assert (added["name"], added["village_id"], added["role"], added["source"], added["created_at"]) == (
        "张三",
        world.village_id,
        "群众",
        "proxy",
        world.now_s,
    )
    assert in_tx(world, planting.household_member, world.ctx(CADRE), "张三", cadre)["id"] == added["id"]
    assert len(list(world.db.query("SELECT * FROM people WHERE name = '张三'"))) == 2


def test_proxy_rule_a_daizhong_for_another_household_never_takes_over_a_record_that_has_its_trees(world):
    """代种 王五 … while the record being collected already says its trees for someone else (the cadre's own 3棵桂花,
    李四's 2棵龙眼): another household's record, not a correction of this one; the same household, or a record
    with only its photo, is this one's."""
    cadre = world.person_id("陈书记")
    li = in_tx(world, planting.household_member, world.ctx(CADRE), "李四", {"village_id": world.village_id})["id"]
    other = parsed(world, "代种 王五 3棵荔枝")
    for columns in ({"species": "桂花", "count": 3}, {"species": "龙眼", "count": 2, "person_id": li}, {"count": 2}):
        assert planting.another_household(world.ctx(CADRE), world.record(CADRE, **columns), other), columns
    assert not planting.another_household(world.ctx(CADRE), world.record(CADRE, photos=1), other)
    same = world.record(CADRE, species="龙眼", count=2, person_id=li)
    assert not planting.another_household(world.ctx(CADRE), same, parsed(world, "代种 李四 3棵龙眼"))
    own = world.record(CADRE, species="桂花", count=3)
    assert not planting.another_household(world.ctx(CADRE), own, parsed(world, "5棵桂花"))  # the count question's
    assert own["person_id"] == cadre and not list(world.db.query("SELECT id FROM people WHERE name = '王五'"))


# -- a new count for a record that has one ---------------------------------------------------------------
@pytest.fixture
def asked(world):
    """种了3棵发财树, then 5棵: the question asked, nothing changed yet; (record, the record as it would be)."""
    record = world.record(species="发财树", species_known=0, count=3)
    open_window(world, record)
    new = planting.read_text("5棵", lambda: world.get(record["id"]), planting.species_table(world.bot))
    assert planting.count_changes(record, new)
    changed = in_tx(world, planting.ask_count_change, world.ctx(), world.get(record["id"]), new)
    return record, changed


def test_count_change_rule_the_question_keeps_the_new_parts_and_changes_nothing_yet(world, asked):
    record, changed = asked
    assert changed == {**world.get(record["id"]), "count": 5}
    assert world.get(record["id"])["count"] == 3
    assert world.flow() == State("count_changed", {"planting_id": record["id"], "updates": {"count": 5}})


def test_count_change_rule_change_it_writes_the_kept_parts(world, asked):
    record, _ = asked
    step = in_tx(world, planting.change_count, world.ctx(), world.flow())
    assert (step.record["id"], step.record["count"], step.missing) == (record["id"], 5, ["photo"])
    assert world.get(record["id"])["count"] == 5
    assert world.flow() == State("collecting", {"planting_id": record["id"]})


def test_count_change_rule_another_record_is_the_one_described_and_the_first_is_set_aside(world, asked):
    record, _ = asked
    now = world.later(seconds=20)
    step, set_aside = in_tx(world, planting.another_record, world.ctx(), world.flow())
    assert set_aside == world.get(record["id"])
    assert (set_aside["status"], set_aside["count"], set_aside["closed_at"], set_aside["reminded_at"]) == (
        "pending",
        3,
        now,
        now,
    )
    new = world.get(step.record["id"])
    assert new["id"] != record["id"]
    assert (new["species"], new["species_known"], new["count"], new["kind"], new["site"], new["area_mu"]) == (
        "发财树",
        0,
        5,
        "tree",
        None,
        None,
    )
    assert (step.missing, new["status"]) == (["photo"], "pending")
    assert world.flow() == State("collecting", {"planting_id": new["id"]})


def test_count_change_rule_another_record_takes_a_new_species_too(world):
    record = world.record(species="发财树", species_known=0, count=3, site="房前屋后")
    open_window(world, record)
    new = parsed(world, "种了5棵桂花")
    in_tx(world, planting.ask_count_change, world.ctx(), world.get(record["id"]), new)
    step, _ = in_tx(world, planting.another_record, world.ctx(), world.flow())
    row = world.get(step.record["id"])
    assert (row["species"], row["species_known"], row["count"], row["site"]) == ("桂花", 1, 5, "房前屋后")


# -- 取消 and a photo handed to a question ------------------------------------------------------------------
def test_cancel_rule_the_pending_record_is_cancelled_at_once(world):
    record = world.record(species="桂花")
    open_window(world, record)
    now = world.later(minutes=3)
    in_tx(world, cancel_all, world.ctx(), [planting.FLOW])
    row = world.get(record["id"])
    assert (row["status"], row["closed_at"], row["updated_at"]) == ("cancelled", now, now)


def test_cancel_rule_a_finished_record_and_a_kept_location_stay(world):
    in_tx(world, planting.keep_location, world.ctx(), SPOT)
    in_tx(world, cancel_all, world.ctx(), [planting.FLOW])  # no record: nothing to cancel
    record = world.record(species="桂花", count=3, photos=1)
    open_window(world, record)
    done = world.get(record["id"])
    in_tx(world, planting.FLOW.enter, world.ctx(), "collecting", {"planting_id": record["id"]})
    world.later(minutes=1)
    in_tx(world, cancel_all, world.ctx(), [planting.FLOW])
    assert world.get(record["id"]) == done


def photo_only(world, photos=2, **columns):
    record = world.record(photos=photos, **columns)
    open_window(world, record)
    return record


def test_question_rule_the_photos_of_a_photo_only_record_go_to_the_adviser(world):
    record = photo_only(world)
    media = [p["media_row_id"] for p in planting.store.photos_of(world.db, record["id"])]
    assert planting.pending_photos(world.ctx()) == media
    assert planting.pending_photos(world.ctx(NEIGHBOUR)) == []
    assert all(planting.holds_photo(world.db, m) for m in media)  # reading them changed nothing
    now = world.later(minutes=1)
    assert in_tx(world, planting.take_pending_photos, world.ctx()) == media
    row = world.get(record["id"])
    assert (row["status"], row["closed_at"], row["updated_at"]) == ("cancelled", now, now)
    assert not any(planting.holds_photo(world.db, m) for m in media)
    assert world.flow() is None
    assert in_tx(world, planting.take_pending_photos, world.ctx()) == []


@pytest.mark.parametrize("columns", [{"species": "桂花"}, {"count": 3}, {"area_mu": 2.5, "kind": "plot"}])
def test_question_rule_a_record_with_a_part_said_keeps_its_photos(world, columns):
    record = photo_only(world, **columns)
    assert planting.pending_photos(world.ctx()) == []
    assert in_tx(world, planting.take_pending_photos, world.ctx()) == []
    assert (world.get(record["id"])["status"], len(planting.store.photos_of(world.db, record["id"]))) == ("pending", 2)


def test_question_rule_a_record_without_photos_is_left_collecting(world):
    record = photo_only(world, photos=0)
    assert in_tx(world, planting.take_pending_photos, world.ctx()) == []
    assert world.get(record["id"])["status"] == "pending"
    assert world.flow() == State("collecting", {"planting_id": record["id"]})
