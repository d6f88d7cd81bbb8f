"""The photo pipeline: pure functions over photo bytes and a photos directory.

No app, config or database imports here. The background media job downloads
the bytes and calls :func:`process_photo`; everything else is a small helper
that can be unit-tested on its own.

Public API
----------
- ``analyze(data) -> PhotoInfo``: SHA-256, perceptual hash, size, format, EXIF
  capture time and GPS. Raises :class:`PhotoError` for anything that is not a
  whole, reasonably sized image of an allowed format.
- ``store(data, photos_dir, info=None) -> Path``: content-addressed, atomic,
  idempotent write to ``photos_dir/ab/cd/<sha256>.<ext>``.
- ``make_thumbnail(data, dest, size=320) -> Path``: JPEG thumbnail, EXIF
  orientation applied.
- ``photo_path``, ``thumb_path``, ``find_photo``: paths that cannot escape
  ``photos_dir``.
- ``NearDuplicateIndex``: Hamming-distance lookup over 64-bit perceptual
  hashes (numpy XOR + popcount), lock-free readers, locked writers.
- ``process_photo(data, photos_dir, index, key=None) -> PhotoResult``: what the
  media job calls for each downloaded photo.
- ``haversine_m``, ``is_far_from``, ``is_old_photo``, ``hamming``,
  ``phash_hex``: small pure helpers for the record flags.

Perceptual hashes are kept as *signed* 64-bit integers (``PhotoInfo.phash``) so
they fit an SQLite INTEGER column as they are; ``phash_hex`` gives the usual
16-digit unsigned hex form for display.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import tempfile
import threading
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import imagehash
import numpy as np
from PIL import ExifTags, Image, ImageOps

# --- limits -----------------------------------------------------------------

#: Largest accepted download. WeChat's own image media limit is 10 MB;
#: "original image" sends from phones can be larger, so leave room.
MAX_BYTES = 25 * 1024 * 1024

#: Largest accepted image, in pixels: 8000x6000 (48 MP) is the largest common
#: phone camera output. It is well under Pillow's own DecompressionBombWarning
#: limit (~89 MP), so Pillow's global ``Image.MAX_IMAGE_PIXELS`` is left alone
#: (other code in the process may rely on it) and this module checks the
#: header size itself before decoding a single pixel.
MAX_PIXELS = 8000 * 6000

#: Decoders Pillow may try. Restricting them keeps exotic or dangerous plugins
#: (EPS calls Ghostscript, for one) away from untrusted bytes.
FORMAT_EXT = {
    "JPEG": "jpg",
    "MPO": "jpg",  # multi-picture JPEG written by some phones
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "BMP": "bmp",
}
ALLOWED_EXTS = frozenset(FORMAT_EXT.values())
#: What Image.open may try (MPO files are opened by the JPEG plugin).
OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP")

#: Thumbnail bounding box (longest side, pixels) and JPEG quality.
THUMB_SIZE = 320
THUMB_QUALITY = 80

#: JPEGs are decoded at a reduced DCT scale, never smaller than this on both
#: sides: it is enough for the 32x32 pHash input and a 320 px thumbnail and
#: makes decoding a 1280x960 photo several times cheaper. The same reduction
#: is applied on every call, so hashes are reproducible.
DECODE_MIN_SIDE = THUMB_SIZE

#: Default near-duplicate threshold, in differing bits of the 64-bit pHash.
#: Re-encoding, resizing, light brightness or contrast changes and WeChat's
#: recompression move a pHash by 0-4 bits; unrelated photos differ by about
#: 32 +/- 4 bits (binomial), so the chance that a given unrelated photo falls
#: within 6 bits is ~5e-12, and across 100,000 stored photos ~5e-7 per lookup
#: (real photos are less random than that: similar field scenes are closer,
#: which is why the flag only asks for a human review). 6 leaves headroom over
#: the observed 0-4 without nearing the unrelated distribution.
DEFAULT_NEAR_DUP_BITS = 6

EARTH_RADIUS_M = 6_371_008.8  # IUGG mean Earth radius

_SHA256_RE = re.compile(r"[0-9a-f]{64}")
_U64_MASK = (1 << 64) - 1


class PhotoError(ValueError):
    """The bytes are not an acceptable photo (not an image, truncated, too
    large, or of a format we do not decode). The message says which."""


@dataclass(frozen=True)
class PhotoInfo:
    sha256: str  # hex digest of the exact bytes
    phash: int  # 64-bit pHash as a signed int (fits SQLite INTEGER)
    width: int  # as displayed: EXIF orientation applied
    height: int
    format: str  # Pillow format name: "JPEG", "PNG", ...
    ext: str  # file extension used in storage: "jpg", "png", ...
    taken_at: str | None = None  # EXIF capture time, naive ISO 8601
    lat: float | None = None  # EXIF GPS, decimal degrees
    lng: float | None = None

    @property
    def phash_hex(self) -> str:
        return phash_hex(self.phash)


@dataclass(frozen=True)
class PhotoResult:
    """What :func:`process_photo` did for one photo."""

    info: PhotoInfo
    path: Path
    thumb: Path
    near: list[tuple[Hashable, int]] = field(default_factory=list)


# --- hashes -----------------------------------------------------------------


def _to_unsigned64(phash: int | str) -> int:
    """Accept a pHash as a signed or unsigned 64-bit int or a 16-digit hex
    string, return it as an unsigned int."""
    if isinstance(phash, str):
        if not re.fullmatch(r"[0-9a-fA-F]{16}", phash):
            raise ValueError(f"not a 64-bit hex hash: {phash!r}")
        return int(phash, 16)
    if isinstance(phash, bool) or not isinstance(phash, (int, np.integer)):
        raise TypeError(f"pHash must be int or hex str, not {type(phash).__name__}")
    phash = int(phash)
    if not -(1 << 63) <= phash <= _U64_MASK:
        raise ValueError(f"pHash out of 64-bit range: {phash}")
    return phash & _U64_MASK


def phash_hex(phash: int | str) -> str:
    """The usual 16-digit hex form of a pHash (signed int or hex input)."""
    return f"{_to_unsigned64(phash):016x}"


def hamming(a: int | str, b: int | str) -> int:
    """Number of differing bits between two 64-bit hashes."""
    return (_to_unsigned64(a) ^ _to_unsigned64(b)).bit_count()


def _phash_of(img: Image.Image) -> int:
    bits = imagehash.phash(img).hash.flatten()
    return int.from_bytes(np.packbits(bits).tobytes(), "big", signed=True)


# --- decoding ---------------------------------------------------------------


class _Decoded(NamedTuple):
    img: Image.Image  # oriented, possibly reduced (JPEG draft) decode
    fmt: str  # Pillow format name
    exif: Image.Exif
    size: tuple[int, int]  # full-resolution size from the header


def _open(data: bytes) -> _Decoded:
    """Decode ``data`` into an oriented image, with its format and EXIF.

    Every failure of the untrusted bytes becomes a :class:`PhotoError`.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("photo data must be bytes")
    if not data:
        raise PhotoError("empty file")
    if len(data) > MAX_BYTES:
        raise PhotoError(f"file too large: {len(data)} bytes > {MAX_BYTES}")
    try:
        img: Image.Image = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except Image.DecompressionBombError as exc:
        raise PhotoError(f"image too large: {exc}") from exc
    except Exception as exc:  # UnidentifiedImageError and plugin errors
        raise PhotoError("not a supported image (JPEG, PNG, WebP, GIF, BMP)") from exc
    try:
        fmt = img.format or ""
        w, h = img.size
        if w <= 0 or h <= 0:
            raise PhotoError(f"invalid image size {w}x{h}")
        if w * h > MAX_PIXELS:
            raise PhotoError(f"image too large: {w}x{h} pixels > {MAX_PIXELS}")
        exif = _read_exif(img)
        img.draft("RGB", (DECODE_MIN_SIDE, DECODE_MIN_SIDE))  # JPEG only; no-op otherwise
        img.load()  # full decode: a truncated file fails here
        img = ImageOps.exif_transpose(img)
    except PhotoError:
        raise
    except Exception as exc:  # OSError (truncated), SyntaxError, ValueError...
        raise PhotoError(f"broken or truncated image: {exc}") from exc
    return _Decoded(img, fmt, exif, (w, h))


def _read_exif(img: Image.Image) -> Image.Exif:
    try:
        return img.getexif()
    except Exception:  # malformed EXIF never sinks an otherwise good photo
        return Image.Exif()


# --- EXIF -------------------------------------------------------------------


def parse_exif_time(value: object) -> str | None:
    """``"2024:03:05 10:00:00"`` -> ``"2024-03-05T10:00:00"``; None if unusable."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    text = value.strip("\x00 ").replace("-", ":")[:19]
    try:
        return datetime.strptime(text, "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:  # "0000:00:00 00:00:00", garbage, empty
        return None


def exif_time(exif: Image.Exif) -> str | None:
    """Capture time: DateTimeOriginal, then DateTimeDigitized, then DateTime."""
    try:
        sub = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:
        sub = {}
    for value in (
        sub.get(ExifTags.Base.DateTimeOriginal),
        sub.get(ExifTags.Base.DateTimeDigitized),
        exif.get(ExifTags.Base.DateTime),
    ):
        parsed = parse_exif_time(value)
        if parsed:
            return parsed
    return None


def dms_to_degrees(dms: Any, ref: object, limit: float) -> float | None:
    """EXIF (degrees, minutes, seconds) + N/S/E/W -> signed decimal degrees."""
    try:
        d, m, s = (float(x) for x in dms)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    value = d + m / 60 + s / 3600
    if not math.isfinite(value) or not 0 <= value <= limit:
        return None
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    if isinstance(ref, str) and ref.strip("\x00 ").upper() in ("S", "W"):
        value = -value
    return round(value, 7)


def exif_gps(exif: Image.Exif) -> tuple[float | None, float | None]:
    """(lat, lng) from the GPS IFD, or (None, None) when absent or invalid.

    0,0 is treated as absent: devices write it when they had no fix.
    """
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:
        return None, None
    lat = dms_to_degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef), 90)
    lng = dms_to_degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef), 180)
    if lat is None or lng is None or (lat == 0 and lng == 0):
        return None, None
    return lat, lng


# --- analyze ----------------------------------------------------------------


def _info(data: bytes, decoded: _Decoded) -> PhotoInfo:
    img, fmt, exif, size = decoded
    lat, lng = exif_gps(exif)
    w, h = _display_size(size, exif)
    return PhotoInfo(
        sha256=hashlib.sha256(data).hexdigest(),
        phash=_phash_of(img),
        width=w,
        height=h,
        format=fmt,
        ext=FORMAT_EXT[fmt],
        taken_at=exif_time(exif),
        lat=lat,
        lng=lng,
    )


def _display_size(size: tuple[int, int], exif: Image.Exif) -> tuple[int, int]:
    """Full-resolution size as displayed: swapped for the 90/270-degree
    EXIF orientations (the decoded image may be a reduced JPEG decode)."""
    w, h = size
    if exif.get(ExifTags.Base.Orientation) in (5, 6, 7, 8):
        w, h = h, w
    return w, h


def analyze(data: bytes) -> PhotoInfo:
    """Hash and describe a photo. Raises :class:`PhotoError` on bad input."""
    return _info(data, _open(data))


# --- storage ----------------------------------------------------------------


def _check_sha256(sha256: str) -> str:
    if not isinstance(sha256, str) or not _SHA256_RE.fullmatch(sha256):
        raise ValueError(f"not a lowercase hex SHA-256: {sha256!r}")
    return sha256


def _shard(photos_dir: Path, sha256: str) -> Path:
    _check_sha256(sha256)
    return Path(photos_dir) / sha256[:2] / sha256[2:4]


def photo_path(photos_dir: Path, sha256: str, ext: str) -> Path:
    """``photos_dir/ab/cd/<sha256>.<ext>``. Only a 64-digit lowercase hex
    digest and a known extension are accepted, so it never leaves photos_dir."""
    if ext not in ALLOWED_EXTS:
        raise ValueError(f"unknown photo extension: {ext!r}")
    return _shard(photos_dir, sha256) / f"{sha256}.{ext}"


def thumb_path(photos_dir: Path, sha256: str) -> Path:
    """``photos_dir/ab/cd/<sha256>.thumb.jpg``."""
    return _shard(photos_dir, sha256) / f"{sha256}.thumb.jpg"


def find_photo(photos_dir: Path, sha256: str) -> Path | None:
    """The stored original for ``sha256`` whatever its extension, or None."""
    for ext in sorted(ALLOWED_EXTS):
        path = photo_path(photos_dir, sha256, ext)
        if path.is_file():
            return path
    return None


def thumbnail_of(photos_dir: Path, sha256: str) -> Path | None:
    """The thumbnail of a stored photo, made on first use (no EXIF, so no GPS); None when the photo is not
    stored or not usable. ValueError when ``sha256`` is not a SHA-256 (nothing outside photos_dir is read)."""
    original = find_photo(photos_dir, sha256)
    if original is None:
        return None
    path = thumb_path(photos_dir, sha256)
    if not path.is_file():
        try:
            make_thumbnail(original.read_bytes(), path)
        except PhotoError:
            return None
    return path


def _write_atomic(dest: Path, write) -> None:
    """Write through a temporary file in dest's folder, fsync, os.replace:
    readers see either no file or the whole file, never a partial one."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    # a .part file: bot/backup.py skips those, so a backup taken mid-write never copies half a photo (tidy79 noticed)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def store(data: bytes, photos_dir: Path, info: PhotoInfo | None = None) -> Path:
    """Store the exact bytes content-addressed; return the path.

    Idempotent: a file already there with the same size is kept (a partial
    file can never sit under the final name). ``info`` saves a second decode
    when the caller already ran :func:`analyze`; without it the bytes are
    analyzed first, so nothing but a valid photo is ever stored.
    """
    if info is None:
        info = analyze(data)
    dest = photo_path(photos_dir, info.sha256, info.ext)
    try:
        if dest.stat().st_size == len(data):
            return dest
    except FileNotFoundError:
        pass
    _write_atomic(dest, lambda fh: fh.write(data))
    return dest


def _save_thumbnail(img: Image.Image, dest: Path, size: int) -> Path:
    thumb = img.copy()
    thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
    if thumb.mode in ("RGBA", "LA") or (thumb.mode == "P" and "transparency" in thumb.info):
        rgba = thumb.convert("RGBA")
        thumb = Image.new("RGB", rgba.size, "white")
        thumb.paste(rgba, mask=rgba.getchannel("A"))
    elif thumb.mode != "RGB":
        thumb = thumb.convert("RGB")
    _write_atomic(
        Path(dest),
        lambda fh: thumb.save(fh, "JPEG", quality=THUMB_QUALITY, optimize=True),
    )
    return Path(dest)


def make_thumbnail(data: bytes, dest: Path, size: int = THUMB_SIZE) -> Path:
    """Write a JPEG thumbnail (longest side ``size``, EXIF orientation
    applied, transparency on white) to ``dest`` atomically; return ``dest``.
    Raises :class:`PhotoError` on bad input."""
    if size < 1:
        raise ValueError("thumbnail size must be positive")
    return _save_thumbnail(_open(data).img, Path(dest), size)


# --- near-duplicate index ---------------------------------------------------


class NearDuplicateIndex:
    """In-memory (key, pHash) pairs, searched by Hamming distance.

    A lookup XORs the query with every stored hash and counts bits with
    ``np.bitwise_count`` over a contiguous uint64 array: linear, but about a
    millisecond for 100,000 hashes, with no tuning and exact answers.
    (``bitwise_count`` on *signed* ints counts the bits of the absolute
    value, hence uint64 throughout.)

    Threads: writers serialise on a lock; readers take no lock. They read an
    immutable snapshot ``(array, keys, n)``; a writer only fills slots at or
    beyond every published ``n`` (or swaps in a new, larger array), then
    publishes a new snapshot in one assignment.

    A key (a record id) may hold several hashes (several photos per record);
    lookups report each key once, with its smallest distance.
    """

    def __init__(self, threshold: int = DEFAULT_NEAR_DUP_BITS, capacity: int = 1024):
        if not 0 <= threshold <= 64:
            raise ValueError("threshold must be between 0 and 64 bits")
        self.threshold = threshold
        self._lock = threading.Lock()
        self._hashes = np.zeros(max(capacity, 1), dtype=np.uint64)
        self._keys: list[Hashable] = []
        self._snapshot: tuple[np.ndarray, list[Hashable], int] = (self._hashes, self._keys, 0)

    def __len__(self) -> int:
        return self._snapshot[2]

    @property
    def nbytes(self) -> int:
        """Bytes held by the hash array (allocated capacity)."""
        return self._snapshot[0].nbytes

    def _reserve(self, extra: int) -> None:
        need = len(self._keys) + extra
        if need > len(self._hashes):
            grown = np.zeros(max(need, 2 * len(self._hashes)), dtype=np.uint64)
            grown[: len(self._keys)] = self._hashes[: len(self._keys)]
            self._hashes = grown

    def _publish(self) -> None:
        self._snapshot = (self._hashes, self._keys, len(self._keys))

    def add(self, key: Hashable, phash: int | str) -> None:
        value = _to_unsigned64(phash)
        with self._lock:
            self._add_locked(key, value)

    def _add_locked(self, key: Hashable, value: int) -> None:
        self._reserve(1)
        self._hashes[len(self._keys)] = value
        self._keys.append(key)
        self._publish()

    def load(self, items: Iterable[tuple[Hashable, int | str]]) -> int:
        """Add many (key, pHash) pairs at once (e.g. from the database at
        start-up); return how many were added."""
        pairs = [(key, _to_unsigned64(ph)) for key, ph in items]
        values = np.fromiter((v for _, v in pairs), dtype=np.uint64, count=len(pairs))
        with self._lock:
            start = len(self._keys)
            self._reserve(len(pairs))
            self._hashes[start : start + len(pairs)] = values
            self._keys.extend(key for key, _ in pairs)
            self._publish()
        return len(pairs)

    def drop_last(self, n: int) -> None:
        """Take back the last ``n`` pairs added (photos whose analysis was rolled back, bot/follow.py)."""
        if n <= 0:
            return
        with self._lock:
            # new array and list: a reader's snapshot keeps its own, and the next add may not write a slot it reads
            self._hashes = self._hashes.copy()
            self._keys = self._keys[: max(len(self._keys) - n, 0)]
            self._publish()

    def nearest(
        self,
        phash: int | str,
        exclude_key: Hashable | None = None,
        threshold: int | None = None,
        limit: int = 10,
    ) -> list[tuple[Hashable, int]]:
        """Keys whose hash is within ``threshold`` bits (default: the index's),
        closest first, each key once, ``exclude_key`` left out."""
        hashes, keys, n = self._snapshot
        return _search(
            hashes[:n],
            keys,
            _to_unsigned64(phash),
            exclude_key,
            self.threshold if threshold is None else threshold,
            limit,
        )

    def check_and_add(self, key: Hashable, phash: int | str, limit: int = 10) -> list[tuple[Hashable, int]]:
        """``nearest(phash, exclude_key=key)`` then ``add(key, phash)`` as one
        step, so of two near-identical photos processed at the same moment
        for different records, the second always sees the first."""
        value = _to_unsigned64(phash)
        with self._lock:
            n = len(self._keys)
            found = _search(self._hashes[:n], self._keys, value, key, self.threshold, limit)
            self._add_locked(key, value)
        return found


def _search(
    hashes: np.ndarray,
    keys: list[Hashable],
    query: int,
    exclude_key: Hashable | None,
    threshold: int,
    limit: int,
) -> list[tuple[Hashable, int]]:
    if not len(hashes):
        return []
    dist = np.bitwise_count(hashes ^ np.uint64(query))
    hits = np.flatnonzero(dist <= threshold)
    hits = hits[np.argsort(dist[hits], kind="stable")]
    found: list[tuple[Hashable, int]] = []
    seen: set[Hashable] = set()
    for i in hits.tolist():
        key = keys[i]
        if key in seen or (exclude_key is not None and key == exclude_key):
            continue
        seen.add(key)
        found.append((key, int(dist[i])))
        if len(found) >= limit:
            break
    return found


# --- the job's entry point --------------------------------------------------


def process_photo(
    data: bytes,
    photos_dir: Path,
    index: NearDuplicateIndex | None,
    key: Hashable | None = None,
    thumb_size: int = THUMB_SIZE,
) -> PhotoResult:
    """Everything the media job does with one downloaded photo, decoding it
    once: analyze, store the original, write the thumbnail beside it (kept
    if already there), and look for near-duplicates.

    With ``key`` (the record the photo belongs to), the photo is also added
    to the index under that key, atomically with the lookup, and other photos
    of the same record are not reported. Without it the index is only read;
    with ``index=None`` it is not used at all (``near`` is empty).
    Raises :class:`PhotoError` for bad bytes; nothing is written then.
    Safe to call from several threads at once (Pillow, hashlib and numpy
    release the GIL for the heavy parts).
    """
    decoded = _open(data)
    info = _info(data, decoded)
    path = store(data, photos_dir, info)
    thumb = thumb_path(photos_dir, info.sha256)
    if not thumb.exists():
        _save_thumbnail(decoded.img, thumb, thumb_size)
    if index is None:  # the caller looks up near-duplicates itself, later
        near = []
    elif key is None:
        near = index.nearest(info.phash)
    else:
        near = index.check_and_add(key, info.phash)
    return PhotoResult(info=info, path=path, thumb=thumb, near=near)


# --- flags ------------------------------------------------------------------


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres between two points in decimal degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lng2 - lng1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def is_far_from(
    lat: float | None,
    lng: float | None,
    center_lat: float | None,
    center_lng: float | None,
    radius_m: float | None,
) -> bool:
    """True when the point is known, the village centre and radius are known,
    and the point lies outside the radius. Unknown never counts as far."""
    if lat is None or lng is None or center_lat is None or center_lng is None or radius_m is None:
        return False
    return haversine_m(lat, lng, center_lat, center_lng) > radius_m


def _as_datetime(value: str | date | datetime) -> datetime:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.fromisoformat(value).replace(tzinfo=None)


def is_old_photo(
    exif_time: str | datetime | None,
    season_start: str | date | datetime,
    tolerance_days: int,
) -> bool:
    """True when the photo's EXIF capture time is more than ``tolerance_days``
    before ``season_start``. No or unreadable EXIF time is never old (WeChat
    often strips EXIF). Times are compared naive, as EXIF records them."""
    if exif_time is None or exif_time == "":
        return False
    try:
        taken = _as_datetime(exif_time)
    except ValueError:
        return False
    return taken < _as_datetime(season_start) - timedelta(days=tolerance_days)
