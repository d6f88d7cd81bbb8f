"""Unit tests for bot/photos.py, on real images generated with Pillow."""

from __future__ import annotations

import hashlib
import io
import random
import struct
import threading
import zlib
from datetime import date, datetime
from itertools import combinations

import pytest
from PIL import ExifTags, Image, ImageDraw, ImageEnhance

from bot import photos
from bot.photos import NearDuplicateIndex, PhotoError

# --- image factories ---------------------------------------------------------


def scene(seed: int, size=(800, 600)) -> Image.Image:
    """A distinct 'photo': a sky/ground split plus random trees and blocks."""
    rnd = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size, (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    draw = ImageDraw.Draw(img)
    horizon = rnd.randrange(h // 4, 3 * h // 4)
    draw.rectangle([0, horizon, w, h], fill=(rnd.randrange(120), rnd.randrange(60, 200), 40))
    for _ in range(12):
        x, y = rnd.randrange(w), rnd.randrange(h)
        r = rnd.randrange(20, w // 4)
        colour = (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
        if rnd.random() < 0.5:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
        else:
            draw.rectangle([x, y, x + r, y + r // 2], fill=colour)
    return img


def encode(img: Image.Image, fmt="JPEG", **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def jpeg(seed: int, **kw) -> bytes:
    return encode(scene(seed), quality=90, **kw)


def with_exif(img: Image.Image, *, original=None, datetime_=None, gps=None, orientation=None):
    exif = Image.Exif()
    if datetime_:
        exif[ExifTags.Base.DateTime] = datetime_
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if original:
        exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = original
    if gps:
        (lat_ref, lat), (lng_ref, lng) = gps
        ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        ifd[ExifTags.GPS.GPSLatitudeRef] = lat_ref
        ifd[ExifTags.GPS.GPSLatitude] = lat
        ifd[ExifTags.GPS.GPSLongitudeRef] = lng_ref
        ifd[ExifTags.GPS.GPSLongitude] = lng
    return encode(img, quality=90, exif=exif)


def png_with_header_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims width x height (a decompression bomb)."""
    real = encode(Image.new("L", (1, 1)), "PNG")
    ihdr = struct.pack(">II", width, height) + real[24:29]
    chunk = b"IHDR" + ihdr
    return real[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + real[33:]


# --- analyze -----------------------------------------------------------------


def test_analyze_jpeg_basic_fields():
    data = jpeg(1)
    info = photos.analyze(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert (info.width, info.height) == (800, 600)
    assert (info.format, info.ext) == ("JPEG", "jpg")
    assert -(2**63) <= info.phash < 2**63  # fits SQLite INTEGER
    assert len(info.phash_hex) == 16
    assert photos.hamming(info.phash, info.phash_hex) == 0
    assert (info.taken_at, info.lat, info.lng) == (None, None, None)
    assert photos.analyze(data) == info  # deterministic


def test_phash_signed_and_hex_forms_agree():
    assert photos.phash_hex(-1) == "ffffffffffffffff"
    assert photos.phash_hex(2**63) == "8000000000000000"
    assert photos.phash_hex(-(2**63)) == "8000000000000000"
    assert photos.hamming(-1, 0) == 64
    assert photos.hamming("8000000000000000", 0) == 1
    with pytest.raises(ValueError):
        photos.phash_hex(2**64)
    with pytest.raises(ValueError):
        photos.phash_hex("xyz")


def test_near_duplicates_are_close_and_different_scenes_are_far():
    base = scene(7)
    original = photos.analyze(encode(base, quality=92)).phash
    variants = {
        "recompressed": encode(base, quality=40),
        "resized": encode(base.resize((400, 300)), quality=85),
        "upscaled_png": encode(base.resize((1280, 960)), "PNG"),
        "brightened": encode(ImageEnhance.Brightness(base).enhance(1.15), quality=85),
    }
    for name, data in variants.items():
        d = photos.hamming(original, photos.analyze(data).phash)
        assert d <= photos.DEFAULT_NEAR_DUP_BITS, (name, d)

    hashes = [photos.analyze(jpeg(seed)).phash for seed in range(10, 22)]
    for a, b in combinations(hashes, 2):
        assert photos.hamming(a, b) > photos.DEFAULT_NEAR_DUP_BITS


@pytest.mark.parametrize(
    "exif, expected",
    [
        pytest.param(
            dict(
                original="2023:11:02 08:15:30",
                datetime_="2024:03:05 10:00:00",
                gps=(("N", (22.0, 30.0, 36.0)), ("E", (113.0, 15.0, 0.0))),
            ),
            ("2023-11-02T08:15:30", 22.51, 113.25),
            id="original-wins-north-east",
        ),
        pytest.param(
            dict(datetime_="2024:03:05 10:00:00", gps=(("S", (33.0, 52.0, 12.0)), ("W", (70.0, 30.0, 0.0)))),
            ("2024-03-05T10:00:00", -(33 + 52 / 60 + 12 / 3600), -70.5),
            id="datetime-fallback-south-west",
        ),
        pytest.param(
            dict(original="0000:00:00 00:00:00", gps=(("N", (0.0, 0.0, 0.0)), ("E", (0.0, 0.0, 0.0)))),
            (None, None, None),
            id="zero-date-and-no-fix-ignored",
        ),
    ],
)
def test_exif_time_and_gps(exif, expected):
    info = photos.analyze(with_exif(scene(2), **exif))
    assert (info.taken_at, info.lat, info.lng) == pytest.approx(expected)


def test_exif_value_parsers():
    assert photos.parse_exif_time(b"2024:03:05 10:00:00\x00") == "2024-03-05T10:00:00"
    assert photos.parse_exif_time(12) is None
    assert photos.dms_to_degrees((200.0, 0.0, 0.0), "E", 180) is None
    assert photos.dms_to_degrees("junk", "N", 90) is None


def test_exif_orientation_is_applied():
    data = with_exif(scene(5, size=(400, 300)), orientation=6)
    info = photos.analyze(data)
    assert (info.width, info.height) == (300, 400)
    upright = photos.analyze(encode(scene(5, size=(400, 300)).rotate(-90, expand=True), quality=90))
    assert photos.hamming(info.phash, upright.phash) <= photos.DEFAULT_NEAR_DUP_BITS


def test_png_with_alpha():
    img = scene(6).convert("RGBA")
    img.putalpha(128)
    info = photos.analyze(encode(img, "PNG"))
    assert (info.format, info.ext, info.width, info.height) == ("PNG", "png", 800, 600)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(jpeg(8)[:-4000], id="truncated-jpeg"),
        pytest.param(random.Random(0).randbytes(50_000), id="random-bytes"),
        pytest.param(b"", id="empty"),
        pytest.param(b"GIF89a", id="header-only"),
        pytest.param(png_with_header_size(100_000, 100_000), id="bomb-beyond-pillow-limit"),
        pytest.param(png_with_header_size(8000, 6001), id="bomb-just-over-our-limit"),
        pytest.param(encode(scene(9), "TIFF"), id="format-not-allowed"),
    ],
)
def test_bad_input_raises_photo_error(data, tmp_path):
    with pytest.raises(PhotoError):
        photos.analyze(data)
    with pytest.raises(PhotoError):
        photos.process_photo(data, tmp_path, NearDuplicateIndex(), key=1)
    assert not any(tmp_path.iterdir())  # nothing written
    assert issubclass(PhotoError, ValueError)


def test_too_many_pixels_is_refused_before_decoding(monkeypatch):
    data = jpeg(1)  # 800x600, a whole valid image
    monkeypatch.setattr(photos, "MAX_PIXELS", 800 * 600 - 1)
    with pytest.raises(PhotoError, match="too large"):
        photos.analyze(data)


def test_too_many_bytes(monkeypatch):
    data = jpeg(1)
    monkeypatch.setattr(photos, "MAX_BYTES", len(data) - 1)
    with pytest.raises(PhotoError, match="too large"):
        photos.analyze(data)


# --- storage -----------------------------------------------------------------


def test_store_is_content_addressed_atomic_and_idempotent(tmp_path):
    data = jpeg(11)
    sha = hashlib.sha256(data).hexdigest()
    path = photos.store(data, tmp_path)
    assert path == tmp_path / sha[:2] / sha[2:4] / f"{sha}.jpg"
    assert path.read_bytes() == data
    mtime = path.stat().st_mtime_ns
    assert photos.store(data, tmp_path) == path
    assert path.stat().st_mtime_ns == mtime  # not rewritten
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no tmp left
    assert photos.find_photo(tmp_path, sha) == path

    png = encode(scene(12), "PNG")
    assert photos.store(png, tmp_path).suffix == ".png"


def test_store_rewrites_a_damaged_file(tmp_path):
    data = jpeg(13)
    path = photos.store(data, tmp_path)
    path.write_bytes(data[:100])
    assert photos.store(data, tmp_path).read_bytes() == data


def test_store_rejects_non_images(tmp_path):
    with pytest.raises(PhotoError):
        photos.store(b"<html>not a photo</html>", tmp_path)
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(
    "sha",
    ["../" + "a" * 61, "A" * 64, "a" * 63, "a" * 64 + "\n", "g" * 64, "/" + "a" * 63, 123],
)
def test_paths_cannot_escape(sha, tmp_path):
    with pytest.raises(ValueError):
        photos.photo_path(tmp_path, sha, "jpg")
    with pytest.raises(ValueError):
        photos.thumb_path(tmp_path, sha)


def test_path_helpers(tmp_path):
    sha = "ab" + "cd" + "0" * 60
    assert photos.photo_path(tmp_path, sha, "png") == tmp_path / "ab" / "cd" / f"{sha}.png"
    assert photos.thumb_path(tmp_path, sha) == tmp_path / "ab" / "cd" / f"{sha}.thumb.jpg"
    assert photos.find_photo(tmp_path, sha) is None
    with pytest.raises(ValueError):
        photos.photo_path(tmp_path, sha, "../x")
    with pytest.raises(ValueError):
        photos.photo_path(tmp_path, sha, "exe")


def test_make_thumbnail(tmp_path):
    dest = tmp_path / "t.thumb.jpg"
    assert photos.make_thumbnail(jpeg(14), dest) == dest
    with Image.open(dest) as t:
        assert t.format == "JPEG"
        assert t.size == (320, 240)

    rotated = with_exif(scene(15, size=(1200, 900)), orientation=8)
    photos.make_thumbnail(rotated, dest, size=100)
    with Image.open(dest) as t:
        assert t.size == (75, 100)  # portrait: orientation applied

    rgba = scene(16).convert("RGBA")
    rgba.putalpha(0)
    photos.make_thumbnail(encode(rgba, "PNG"), dest)
    with Image.open(dest) as t:
        assert t.mode == "RGB"
        assert t.getpixel((10, 10)) == pytest.approx((255, 255, 255), abs=3)  # white, not black

    with pytest.raises(PhotoError):
        photos.make_thumbnail(b"junk", tmp_path / "x.jpg")
    assert not (tmp_path / "x.jpg").exists()


# --- near-duplicate index ------------------------------------------------------


def test_index_nearest_sorted_thresholded_and_excluding():
    idx = NearDuplicateIndex(threshold=6)
    base = 0x0123_4567_89AB_CDEF
    idx.add("exact", base)
    idx.add("three", base ^ 0b111)
    idx.add("seven", base ^ 0b111_1111)
    idx.add("far", ~base & (2**64 - 1))
    assert idx.nearest(base) == [("exact", 0), ("three", 3)]
    assert idx.nearest(base, exclude_key="exact") == [("three", 3)]
    assert idx.nearest(base, threshold=7) == [("exact", 0), ("three", 3), ("seven", 7)]
    assert idx.nearest(base, limit=1) == [("exact", 0)]
    assert len(idx) == 4
    assert NearDuplicateIndex().nearest(base) == []


def test_index_handles_high_bit_hashes():
    # np.bitwise_count on signed ints counts bits of |x|: a trap for negative hashes.
    idx = NearDuplicateIndex()
    idx.add(1, -1)  # 0xffff...ff as a signed int
    assert idx.nearest("fffffffffffffffe") == [(1, 1)]
    assert idx.nearest(-(2**63)) == []  # 63 bits apart


def test_index_one_entry_per_key_with_best_distance():
    idx = NearDuplicateIndex()
    idx.load([("rec1", 0b1111), ("rec1", 0b1), ("rec2", 0b11)])
    assert idx.nearest(0) == [("rec1", 1), ("rec2", 2)]


def test_index_drops_its_last_hashes_and_a_reader_keeps_what_it_saw():
    """Photos whose analysis was rolled back leave the index (bot/follow.py); a lookup already under way reads
    the array it started with, which the next add does not write into."""
    idx = NearDuplicateIndex()
    idx.load([("kept", 0b1), ("lost", 0b11), ("lost too", 0b111)])
    seen = idx._snapshot
    idx.drop_last(2)
    assert idx.nearest(0) == [("kept", 1)] and len(idx) == 1
    idx.add("new", 0b1111)
    assert idx.nearest(0) == [("kept", 1), ("new", 4)]
    hashes, keys, n = seen
    assert keys[:n] == ["kept", "lost", "lost too"] and [int(h) for h in hashes[:n]] == [0b1, 0b11, 0b111]


def test_index_load_accepts_every_form_and_grows():
    idx = NearDuplicateIndex(capacity=2)
    h = 0xF000_0000_0000_0001
    signed = h - 2**64
    assert idx.load([(1, h), (2, signed), (3, f"{h:016x}")]) == 3
    idx.add(4, h)
    assert idx.nearest(h, threshold=0) == [(1, 0), (2, 0), (3, 0), (4, 0)]
    with pytest.raises(TypeError):
        idx.add(5, 1.5)
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=65)


def test_check_and_add_is_atomic_lookup_then_insert():
    idx = NearDuplicateIndex()
    assert idx.check_and_add("a", 0) == []
    assert idx.check_and_add("a", 1) == []  # same record: not a duplicate
    assert idx.check_and_add("b", 2) == [("a", 1)]


def test_index_many_readers_one_writer():
    idx = NearDuplicateIndex(capacity=1)
    rnd = random.Random(1)
    values = [rnd.getrandbits(64) for _ in range(3000)]
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader():
        try:
            while not stop.is_set():
                n = len(idx)
                if n:
                    key = rnd.randrange(n)
                    assert (key, 0) in idx.nearest(values[key], threshold=0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for i, v in enumerate(values):
        idx.add(i, v)
    stop.set()
    for t in threads:
        t.join()
    assert not errors
    assert len(idx) == len(values)
    assert all(idx.nearest(v, threshold=0)[0] == (i, 0) for i, v in enumerate(values[:50]))


# --- process_photo -------------------------------------------------------------


def test_process_photo_end_to_end(tmp_path):
    idx = NearDuplicateIndex()
    base = scene(20, size=(1280, 960))
    first = photos.process_photo(encode(base, quality=90), tmp_path, idx, key=101)
    assert first.near == []
    assert first.path.read_bytes()[:2] == b"\xff\xd8"
    assert first.thumb == photos.thumb_path(tmp_path, first.info.sha256)
    with Image.open(first.thumb) as t:
        assert t.size == (320, 240)
    assert (first.info.width, first.info.height) == (1280, 960)
    assert first.info == photos.analyze(encode(base, quality=90))  # same hash both ways

    # Same record, another shot of the same thing: not a duplicate.
    again = photos.process_photo(encode(base, quality=60), tmp_path, idx, key=101)
    assert again.near == []
    # Another record, resized and recompressed copy: flagged, pointing at 101.
    copy = encode(ImageEnhance.Brightness(base.resize((640, 480))).enhance(1.1), quality=70)
    dup = photos.process_photo(copy, tmp_path, idx, key=202)
    assert [k for k, _ in dup.near] == [101]
    # A different scene: clean. Read-only lookup without a key adds nothing.
    other = photos.process_photo(jpeg(21), tmp_path, idx)
    assert other.near == []
    assert len(idx) == 3
    # Re-processing the same bytes is idempotent on disk.
    assert photos.process_photo(encode(base, quality=90), tmp_path, idx, key=101).path == first.path


# --- geo and time flags --------------------------------------------------------


def test_haversine():
    assert photos.haversine_m(23.0, 113.0, 23.0, 113.0) == 0
    assert photos.haversine_m(0, 0, 1, 0) == pytest.approx(111_195, rel=1e-3)
    # Guangzhou -> Shenzhen city centres, about 104 km.
    assert photos.haversine_m(23.1291, 113.2644, 22.5431, 114.0579) == pytest.approx(104_000, rel=0.03)
    assert photos.haversine_m(0, 179.9, 0, -179.9) == pytest.approx(22_239, rel=1e-3)


def test_is_far_from():
    assert photos.is_far_from(23.01, 113.0, 23.0, 113.0, radius_m=500)  # ~1.1 km away
    assert not photos.is_far_from(23.001, 113.0, 23.0, 113.0, radius_m=500)  # ~111 m
    assert not photos.is_far_from(None, None, 23.0, 113.0, radius_m=500)
    assert not photos.is_far_from(23.5, 113.0, None, None, radius_m=None)


def test_is_old_photo():
    start = date(2024, 3, 1)
    assert photos.is_old_photo("2023-11-02T08:15:30", start, tolerance_days=30)
    assert not photos.is_old_photo("2024-02-15T08:00:00", start, tolerance_days=30)
    assert photos.is_old_photo(datetime(2024, 1, 30, 23, 59), "2024-03-01", tolerance_days=30)
    assert not photos.is_old_photo("2024-04-01T09:00:00", start, tolerance_days=0)
    assert not photos.is_old_photo(None, start, tolerance_days=30)
    assert not photos.is_old_photo("garbage", start, tolerance_days=30)


def test_a_photo_being_written_is_a_part_file_the_backup_skips(tmp_path):
    """The lead, fiftieth session (tidy79 noticed): a photo is written through a temporary file named ``*.part``, the
    name bot/backup.py leaves out, so a backup taken mid-write copies no half photo (it had been ``.NAME.XXXX.tmp``)."""
    from bot import backup, photos

    folder = tmp_path / "photos"
    copied_mid_write: list[tuple[int, int]] = []

    def write(fh):
        fh.write(b"half")
        fh.flush()
        copied_mid_write.append(backup.copy_photos(folder, tmp_path / "backup"))

    photos._write_atomic(folder / "a.jpg", write)
    assert copied_mid_write == [(0, 0)]
    assert (folder / "a.jpg").read_bytes() == b"half"
    assert backup.copy_photos(folder, tmp_path / "backup2") == (1, 4)
