"""A small world for the unit tests of bot/planting.py's services (test_planting_*.py): 埔心村, a villager and a cadre
bound to WeChat, the sender's context as the webhook builds it (``bot.context.Ctx``) at the test clock's now, and
photos as the webhook records them (media rows); a real SQLite file, no WeChat in between."""

from __future__ import annotations

import io
from datetime import timedelta

from PIL import ExifTags, Image, ImageDraw

from bot import clock as bot_clock
from bot import planting
from bot.context import Ctx
from bot.db import transaction
from bot.incoming import Incoming
from bot.store import media as media_store
from bot.store import plantings as store
from tests.conftest import PUXIN, add_roster

START = "2027-03-15T10:00"  # in the campaign season (Shanghai time)
VILLAGER, CADRE, NEIGHBOUR = "o-villager", "o-cadre", "o-neighbour"


def jpeg(seed: int, quality: int = 90, exif: Image.Exif | None = None) -> bytes:
    """A small JPEG whose picture (so its perceptual hash) depends on ``seed``."""
    img = Image.new("RGB", (320, 240), (seed * 37 % 256, 200, 90))
    draw = ImageDraw.Draw(img)
    for i in range(6):
        x, y = (seed * 53 + i * 97) % 280, (seed * 31 + i * 61) % 200
        draw.rectangle([x, y, x + 40 + i * 5, y + 30], fill=((seed * 11 + i * 40) % 256, i * 40, 255 - i * 30))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **({"exif": exif} if exif is not None else {}))
    return buf.getvalue()


def camera_exif(taken: str, lat: tuple, lng: tuple) -> Image.Exif:
    """EXIF as a phone camera writes it: the time taken (``2027:03:14 09:00:00``) and GPS (degrees, minutes,
    seconds; north and east)."""
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps.update({ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: lat})
    gps.update({ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: lng})
    return exif


class World:
    def __init__(self, bot):
        self.bot, self.db = bot, bot.db
        bot.clock.set(START)
        self.village_id = add_roster(
            bot,
            {"埔心村": {k: v for k, v in PUXIN.items() if k != "name"}},
            [
                (VILLAGER, "王大妈", "埔心村", "群众"),
                (CADRE, "陈书记", "埔心村", "村书记"),
                (NEIGHBOUR, "李大叔", "埔心村", "群众"),
            ],
        )["埔心村"]
        self._media = 0

    @property
    def now_s(self) -> str:
        return bot_clock.to_db(self.bot.clock())

    def later(self, **delta) -> str:
        """The clock moved on by ``delta``: the new now, as the database writes it."""
        return bot_clock.to_db(self.bot.clock.advance(**delta))

    def ago(self, **delta) -> str:
        return bot_clock.to_db(self.bot.clock() - timedelta(**delta))

    def hence(self, **delta) -> str:
        return bot_clock.to_db(self.bot.clock() + timedelta(**delta))

    def ctx(self, openid: str = VILLAGER, msg_type: str = "text", **fields) -> Ctx:
        """The context of a message from ``openid`` arriving now (inbox row 7)."""
        msg = Incoming(
            openid=openid, account="gh", msg_type=msg_type, create_time=int(self.bot.clock().timestamp()), **fields
        )
        return Ctx(app=self.bot, db=self.db, msg=msg, now=self.bot.clock(), user={}, inbox_id=7)

    def media_row(self, openid: str = VILLAGER, kind: str = "image") -> int:
        """A photo as the webhook records it (its media row), not yet fetched."""
        self._media += 1
        with transaction(self.db):
            return media_store.add(
                self.db,
                openid=openid,
                inbox_id=self._media,
                kind=kind,
                media_id=f"m-{self._media}",
                pic_url=None,
                fmt=None,
                now=self.now_s,
            )

    def record(self, openid: str = VILLAGER, photos: int = 0, **columns) -> dict:
        """A record of ``openid`` made now with these columns and ``photos`` photos linked to it."""
        ctx = self.ctx(openid)
        with transaction(self.db):
            record = planting.new_record(ctx)
            store.update(self.db, record["id"], columns)
        for _ in range(photos):
            self.link_photo(record["id"], self.media_row(openid))
        return self.get(record["id"])

    def link_photo(self, planting_id: int, media_row_id: int) -> None:
        with transaction(self.db):
            store.add_photo(self.db, planting_id, media_row_id, self.now_s)

    def get(self, planting_id: int) -> dict:
        record = store.get(self.db, planting_id)
        assert record is not None
        return record

    def flow(self, openid: str = VILLAGER):
        """The sender's planting flow now (its state and data), or None."""
        return planting.FLOW.state(self.ctx(openid))

    def person_id(self, name: str) -> int:
        return next(self.db.query("SELECT id FROM people WHERE name = ?", [name]))["id"]
