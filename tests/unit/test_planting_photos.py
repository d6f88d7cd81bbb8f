"""bot/planting.py's photo analysis on a real SQLite file, as the media job calls it: ``prepare_record_photo`` (the
slow part: hashes, EXIF, thumbnail), ``analyse_record_photo`` (the analysis kept, duplicates found, the record checked
again) and the near-duplicate index every process keeps in step with the database (``PhotoIndex``)."""

from __future__ import annotations

import hashlib
import json

import pytest

from bot import planting
from bot.db import transaction
from bot.photos import PhotoError, PhotoResult, hamming
from bot.store import media as media_store
from tests.unit.planting_world import NEIGHBOUR, VILLAGER, World, camera_exif, jpeg


@pytest.fixture
def world(bot):
    return World(bot)


def record_with_photo(world, openid=VILLAGER, kind="image", **columns) -> tuple[dict, int]:
    """A finished record (3棵桂花) and the media row of its one photo."""
    record = world.record(openid, species="桂花", species_known=1, count=3, status="complete", **columns)
    media_row_id = world.media_row(openid, kind)
    world.link_photo(record["id"], media_row_id)
    return record, media_row_id


def fetched(world, media_row_id, data: bytes) -> dict:
    """The media row once the media job downloaded ``data`` (now)."""
    with transaction(world.db):
        media_store.mark_stored(world.db, media_row_id, hashlib.sha256(data).hexdigest(), "x", len(data), world.now_s)
    row = media_store.get(world.db, media_row_id)
    assert row is not None
    return row


def analyse(world, media_row_id, data: bytes) -> dict:
    """What the media job does with a downloaded photo; the photo's row after it."""
    row = fetched(world, media_row_id, data)
    prepared = planting.prepare_record_photo(world.bot, row, data)
    with transaction(world.db):
        planting.analyse_record_photo(world.bot, world.db, row, prepared)
    return planting.store.photo_by_media(world.db, media_row_id)


def test_photo_rule_only_an_image_that_joined_a_record_is_analysed(world):
    _, voice = record_with_photo(world, kind="voice")
    assert planting.prepare_record_photo(world.bot, fetched(world, voice, jpeg(1)), jpeg(1)) is None
    stray = world.media_row()  # an image no record holds (handed to a question, say)
    assert planting.prepare_record_photo(world.bot, fetched(world, stray, jpeg(1)), jpeg(1)) is None
    with transaction(world.db):
        planting.analyse_record_photo(world.bot, world.db, media_store.get(world.db, stray), None)
    assert [r["analysed_at"] for r in world.db.query("SELECT * FROM planting_photos")] == [None]


def test_photo_rule_prepared_once_outside_the_write_lock(world):
    _, media_row_id = record_with_photo(world)
    photo, result = planting.prepare_record_photo(world.bot, fetched(world, media_row_id, jpeg(1)), jpeg(1))
    assert photo == planting.store.photo_by_media(world.db, media_row_id)
    assert isinstance(result, PhotoResult) and result.info.sha256 == hashlib.sha256(jpeg(1)).hexdigest()
    assert photo["sha256"] is None  # nothing written yet


def test_photo_rule_the_analysis_is_kept_and_the_record_checked_again(world):
    record, media_row_id = record_with_photo(world)
    now = world.later(minutes=2)
    stored = analyse(world, media_row_id, jpeg(1))
    assert (stored["sha256"], stored["error"], stored["analysed_at"], stored["index_seq"]) == (
        hashlib.sha256(jpeg(1)).hexdigest(),
        None,
        now,
        1,
    )
    assert stored["phash"] is not None and (stored["duplicate_of"], stored["duplicate_distance"]) == (None, None)
    assert (stored["exif_time"], stored["exif_lat"], stored["exif_lng"]) == (None, None, None)
    row = world.get(record["id"])
    assert (row["flags"], row["review"], row["updated_at"]) == ("", "none", now)


def test_photo_rule_unusable_bytes_keep_their_error_and_take_no_place_in_the_index(world, caplog):
    record, media_row_id = record_with_photo(world)
    now = world.later(minutes=2)
    row = fetched(world, media_row_id, b"not a jpeg at all")
    prepared = planting.prepare_record_photo(world.bot, row, b"not a jpeg at all")
    assert isinstance(prepared[1], PhotoError)
    with transaction(world.db):
        planting.analyse_record_photo(world.bot, world.db, row, prepared)
    stored = planting.store.photo_by_media(world.db, media_row_id)
    assert (stored["sha256"], stored["phash"], stored["error"], stored["analysed_at"], stored["index_seq"]) == (
        hashlib.sha256(b"not a jpeg at all").hexdigest(),
        None,
        "not a supported image (JPEG, PNG, WebP, GIF, BMP)",
        now,
        None,
    )
    assert world.get(record["id"])["updated_at"] != now  # its checks wait for a usable photo
    assert [r.getMessage() for r in caplog.records if r.name == "bot.planting"] == [
        f"photo {media_row_id} of planting {record['id']} unusable: not a supported image (JPEG, PNG, WebP, GIF, BMP)"
    ]


def test_photo_rule_the_cameras_time_and_place_are_kept_and_the_place_checked(world):
    record, media_row_id = record_with_photo(world)
    north = camera_exif("2027:03:14 09:00:00", (23.0, 30.0, 0.0), (114.0, 24.0, 0.0))  # ~44 km north of 埔心村
    stored = analyse(world, media_row_id, jpeg(3, exif=north))
    assert (stored["exif_time"], stored["exif_lat"], stored["exif_lng"]) == ("2027-03-14T09:00:00", 23.5, 114.4)
    assert (world.get(record["id"])["flags"], world.get(record["id"])["review"]) == ("far_from_village", "pending")


def test_photo_rule_a_photo_not_fetched_is_stamped_with_the_clock(world):
    _, media_row_id = record_with_photo(world)
    row = media_store.get(world.db, media_row_id)
    assert row["fetched_at"] is None
    now = world.later(minutes=3)
    with transaction(world.db):
        planting.analyse_record_photo(world.bot, world.db, row, planting.prepare_record_photo(world.bot, row, jpeg(2)))
    assert planting.store.photo_by_media(world.db, media_row_id)["analysed_at"] == now


# -- duplicates ------------------------------------------------------------------------------------------------
def test_duplicate_rule_the_same_bytes_on_another_record_point_to_it(world):
    first, mine = record_with_photo(world)
    analyse(world, mine, jpeg(1))
    second, theirs = record_with_photo(world, NEIGHBOUR)
    stored = analyse(world, theirs, jpeg(1))
    assert (stored["duplicate_of"], stored["duplicate_distance"]) == (first["id"], 0)
    row = world.get(second["id"])
    assert (row["flags"], row["review"]) == ("duplicate_photo", "pending")
    assert json.loads(row["flag_details"]) == {
        "duplicate_photo": {"reason": f"照片与第{first['id']}号记录的照片相同或几乎相同（相差0位）", "ref": first["id"]}
    }
    assert world.get(first["id"])["flags"] == ""  # the earlier one is not flagged


def test_duplicate_rule_a_re_encoded_photo_is_near_and_its_distance_kept(world):
    first, mine = record_with_photo(world)
    a = analyse(world, mine, jpeg(8, quality=92))
    _, theirs = record_with_photo(world, NEIGHBOUR)
    b = analyse(world, theirs, jpeg(8, quality=40))  # other bytes, the same picture
    distance = hamming(a["phash"], b["phash"])
    assert 0 < distance <= world.bot.config.get("planting.near_duplicate_bits")
    assert (b["duplicate_of"], b["duplicate_distance"]) == (first["id"], distance)


def test_duplicate_rule_two_photos_of_one_record_are_no_duplicates(world):
    record, first = record_with_photo(world)
    analyse(world, first, jpeg(8, quality=92))
    for data in (jpeg(8, quality=40), jpeg(8, quality=92)):  # the same picture again, the same bytes again
        again = world.media_row()
        world.link_photo(record["id"], again)
        assert analyse(world, again, data)["duplicate_of"] is None
    assert world.get(record["id"])["flags"] == ""


def test_duplicate_rule_an_exact_copy_is_named_before_a_lookalike(world):
    lookalike, a = record_with_photo(world)
    analyse(world, a, jpeg(7, quality=60))
    original, b = record_with_photo(world, NEIGHBOUR)
    assert analyse(world, b, jpeg(7, quality=92))["duplicate_distance"] == 0  # other bytes, the same pHash
    _, c = record_with_photo(world, NEIGHBOUR)
    stored = analyse(world, c, jpeg(7, quality=92))
    assert (stored["duplicate_of"], stored["duplicate_distance"]) == (original["id"], 0)


def test_duplicate_rule_a_cancelled_records_photo_is_no_original(world):
    first, mine = record_with_photo(world)
    analyse(world, mine, jpeg(1))
    world.db.execute("UPDATE plantings SET status = 'cancelled' WHERE id = ?", [first["id"]])
    _, theirs = record_with_photo(world, NEIGHBOUR)
    assert analyse(world, theirs, jpeg(1))["duplicate_of"] is None
    _, again = record_with_photo(world, NEIGHBOUR)
    assert analyse(world, again, jpeg(7))["duplicate_of"] is None


def photo_rows(world, *phashes, statuses=()) -> list[int]:
    """Records holding one analysed photo each, with these pHashes (sha256 'sha-<n>'): their ids."""
    ids = []
    for n, phash in enumerate(phashes):
        record, media_row_id = record_with_photo(world)
        photo = planting.store.photo_by_media(world.db, media_row_id)
        with transaction(world.db):
            planting.store.save_photo_analysis(
                world.db,
                photo["id"],
                sha256=f"sha-{n}",
                phash=phash,
                exif_time=None,
                exif_lat=None,
                exif_lng=None,
                duplicate_of=None,
                duplicate_distance=None,
                error=None,
                now=world.now_s,
            )
        ids.append(record["id"])
    for record_id, status in zip(ids, statuses, strict=False):
        world.db.execute("UPDATE plantings SET status = ? WHERE id = ?", [status, record_id])
    return ids


def test_duplicate_rule_the_exact_copy_first_then_the_closest_record_still_counting(world):
    a, b, c = photo_rows(world, 0, 1, 3, statuses=("complete", "cancelled", "pending"))
    assert planting._duplicate_of(world.db, "sha-0", [(b, 1), (c, 2)], 99) == (a, 0)
    assert planting._duplicate_of(world.db, "sha-0", [], a) == (None, None)  # its own photo
    assert planting._duplicate_of(world.db, "no-such", [(b, 1), (999, 1), (c, 2)], 99) == (c, 2)
    assert planting._duplicate_of(world.db, "no-such", [(b, 1)], 99) == (None, None)


# -- the near-duplicate index -----------------------------------------------------------------------------------
def test_index_rule_within_the_threshold_closest_first_never_the_record_itself(world):
    a, b, _ = photo_rows(world, 0, 0b111111, 0b1111111)  # 0, 6 and 7 bits from 0
    index = planting.PhotoIndex(6)
    assert index.near(world.db, 99, 0) == [(a, 0), (b, 6)]
    assert index.near(world.db, a, 0) == [(b, 6)]
    assert (index.photos.committed, len(index.index)) == (3, 3)


def test_index_rule_it_takes_in_what_any_process_analysed_since_it_last_looked(world):
    a, _ = photo_rows(world, 0, 0b11111111000)
    index, other = planting.PhotoIndex(6), planting.PhotoIndex(6)
    assert index.near(world.db, 99, 1) == [(a, 1)]
    (d,) = photo_rows(world, 0b11)  # analysed since: by this process or another
    assert index.near(world.db, 99, 1) == [(a, 1), (d, 1)]
    assert (index.photos.committed, len(index.index)) == (3, 3)  # each photo taken in once
    assert other.near(world.db, 99, 0b11) == [(d, 0), (a, 2)]
    assert index.near(world.db, 99, -1) == []  # all 64 bits set: far from every photo


def analysed_in_one_transaction(world, photos: list[tuple[int, bytes]]) -> None:
    """These photos analysed again inside one transaction, as ``bot.media.announce`` does in the writer's group."""
    for media_row_id, data in photos:
        row = fetched(world, media_row_id, data)
        planting.analyse_record_photo(world.bot, world.db, row, planting.prepare_record_photo(world.bot, row, data))


def test_index_rule_in_one_transaction_the_later_of_two_lookalikes_is_flagged(world):
    first, a = record_with_photo(world)
    _, b = record_with_photo(world, NEIGHBOUR)
    with transaction(world.db):
        analysed_in_one_transaction(world, [(a, jpeg(8, quality=92)), (b, jpeg(8, quality=40))])
        assert planting.store.photo_by_media(world.db, b)["duplicate_of"] == first["id"]


def test_index_rule_a_rolled_back_analysis_leaves_its_number_to_the_next_photo(world):
    photos = [(record_with_photo(world, openid)[1], jpeg(seed)) for seed, openid in ((1, VILLAGER), (2, NEIGHBOUR))]
    with pytest.raises(RuntimeError), transaction(world.db):
        analysed_in_one_transaction(world, photos)
        raise RuntimeError("the writer's group failed")
    original, c = record_with_photo(world)
    assert analyse(world, c, jpeg(8, quality=92))["index_seq"] == 1  # the number the rolled-back analysis took
    _, d = record_with_photo(world, NEIGHBOUR)
    assert analyse(world, d, jpeg(8, quality=40))["duplicate_of"] == original["id"]


def test_index_rule_one_per_process_at_the_configured_threshold(world):
    index = planting.photo_index(world.bot)
    assert index.index.threshold == world.bot.config.get("planting.near_duplicate_bits")
    assert planting.photo_index(world.bot) is index and index.photos.committed == 0
