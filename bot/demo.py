"""`python run.py demo [--scale N]`: fill an EMPTY database with a believable demo county.

Scale 1: 4 towns, ~50 villages and communities around Huizhou (23.1N 114.4E), their people
(every household of a village's 户数 with someone on the roster, party members, cadres, a secretary
per village, leaders, advisers linked to villages, admins), WeChat users bound to a third of them, and a
campaign that follows seed 002's schedule: plans filed (``plan`` milestones) in January, holes and
党建林 plots in February, 示范点 reported and confirmed, each household's 认领 (pledge) by 2月8日 in most
villages, every household's tree and every quota by
植树节 (3月12日), then ~20,000 planting records from February to May with generated photos (a pool of
distinct scenes, stored like downloaded photos: media rows 'stored', thumbnails written). Villages work
at three speeds: most are done by 2月底, some catch up in March, a few lag for months, so the 通报 has
已完成, 滞后 and 连续两月滞后 villages. The records a village's figures rest on pass every check; of the
rest ~5% are flagged (duplicate_photo, far_from_village, unknown_species: waiting for review or decided)
and ~3% are being spot-checked. Also survival checks, tickets open and answered, and outbox rows; the survival
follow-ups that fell due before its last day are left sent when they fell due (``reminders.followups_as_sent``), so
the next tick asks one morning's worth, not the last ``followup_grace_days`` at once; and each month's 通报
released before it is kept, its lines sent that day (``reports.keep_as_sent``; sim65).
``--scale N`` multiplies the villages and records (N=10: ~500 villages, ~200,000 records) and reuses
the photo pool. Deterministic: the same scale gives the same county.

The demo is dated in ``campaign.year`` whatever today is, up to its last day, ``demo_day`` (31 May), or up to the
program clock when it stands in the campaign year before that day (a rehearsal's ``BOT_NOW``, ``last_day``): what
has no date of its own in the schedule (villages, people, users, the outbox) is dated that day, and the
dashboard then counts from it (数据截至).

A few people are always there, to try the bot with (``GUIDE``, listed in the README): 埔心村 with the
villager 陈大伯, its secretary 林书记, its adviser 王工, and the office's 张主任, each bound to a fixed
openid for ``python run.py chat --openid …``; and the dashboard logins ``admin`` (张主任) and ``wang``
(王工), created with printed random passwords unless they exist.
"""

from __future__ import annotations

import io
import json
import math
import random
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PIL import Image, ImageDraw

from bot import certificates, clock, photos, reminders, reports
from bot.db import transaction
from bot.media import store_blob
from bot.roster import ADMIN, ADVISER, CADRE, CADRE_ROLES, CHIEF_LEADER, LEADER, MASSES, PARTY_MEMBER, SECRETARY
from bot.store import admins as admins_store
from bot.store import demo as store
from bot.store import roster as roster_store

CENTER = (23.10, 114.40)
TOWNS = ["横沥镇", "潼湖镇", "沥林镇", "陈江街道", "水口街道", "马安镇", "汝湖镇", "三栋镇"]
VILLAGE_SYLLABLES = (
    "埔心 石湖 新围 上围 下围 田心 水口 莲塘 黄沙 龙岗 禾田 大岭 松岭 樟树 竹园 桂林 荔枝 "
    "龙眼 梅岭 白石 青草 洋湖 岗头 塘尾 高田 长坑 坳背 老屋 新屋 东坑 西湖 南岸 北岭 "
    "仙桥 凤岗 鹤岭 鹅岭 乌石 红花 金竹 银坑 玉湖 碧山 翠园 花园 马鞍 牛岭 羊角 鱼塘 "
    "荷塘 柏树 榕树 杉坑 桥头 路口 埔尾 角头 围仔"
).split()
COMMUNITY_SYLLABLES = "东平 江北 河南岸 桥东 桥西 龙丰 下角 金山 开城 惠环 陈江 沥林 潼侨 横江 水北 芦洲".split()
SURNAMES = "陈 李 张 黄 王 刘 林 叶 罗 钟 何 郑 吴 邓 谢 曾 赖 温 丘 朱 梁 杨 徐 古 蔡".split()
GIVEN = (
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 金 玉 福 文 志 海 建 国 春 兰 荣".split()
)
GREENING = ["香樟", "秋枫", "小叶榄仁", "铁冬青", "大叶紫薇", "洋紫荆", "木棉", "桂花", "簕杜鹃"]
ECONOMIC = ["竹子", "荔枝", "龙眼", "桃", "李", "杨梅", "柿", "石榴", "橄榄"]
UNKNOWN_SPECIES = ["发财树", "不知道叫什么树", "金钱树"]
SITES = ["房前屋后"] * 6 + ["庭院", "道路", "河边", "校园"]
DEMO_SITE_NAMES = ["村口公园", "祠堂广场", "河边绿道", "绿美村口", "文化广场", "党建林基地", "荔枝园", "绿美庭院"]
SPOT_CHECK_SHARE = 0.03  # unflagged records being spot-checked (review.spot_check_rate is 5% of new records)
QUESTIONS = [
    "桂花叶子发黄怎么办？",
    "荔枝苗种下去要浇多少水？",
    "香樟树坑挖多深？",
    "龙眼什么时候施肥？",
    "种的簕杜鹃不开花是什么原因？",
    "树苗被风吹歪了怎么扶正？",
    "秋枫可以种在河边吗？",
    "杨梅苗哪里可以领？",
]
ANSWERS = [
    "先看是否积水，松土排水，半个月施一次稀薄有机肥。",
    "种下浇透定根水，之后晴天每两三天浇一次。",
    "树穴60厘米见方、50厘米深，底部放腐熟基肥。",
    "春梢萌发前施一次复合肥，少量多次。",
]
# The people a newcomer tries the bot as (README "The simulator"): role -> (name, openid).
GUIDE_VILLAGE = "埔心村"
GUIDE = {
    "villager": ("陈大伯", "demo-villager"),
    "secretary": ("林书记", "demo-secretary"),
    "adviser": ("王工", "demo-adviser"),
    "office": ("张主任", "demo-office"),
    "member": ("李阿姨", "demo-member"),  # a 党员 of 埔心村 holding a 党员责任区 (sim63)
}
# Dashboard logins: username -> (role, the GUIDE person it is, display name, title).
LOGINS = {"admin": ("admin", "office", "张主任", "县植树办"), "wang": ("adviser", "adviser", "王工", "县林业站")}
RECENT_QUESTIONS = timedelta(days=3)  # the demo's questions asked this close to its end may still wait
OVERDUE_SHARE = 0.08  # of the older ones, left unanswered: the dashboard's 超时 and the SLA job have some
DEMO_LAST_DAY = (5, 31, 18)  # month, day, hour (campaign time): the demo's records end that evening
VILLAGES_PER_SCALE = 50
RECORDS_PER_VILLAGE = 500
PHOTO_POOL = 120
PHOTO_SIZE = (480, 360)


@dataclass
class Counts:
    towns: int = 0
    villages: int = 0
    people: int = 0
    users: int = 0
    plantings: int = 0
    flagged: int = 0
    photos: int = 0
    survival_checks: int = 0
    tickets: int = 0
    outbox: int = 0
    zones: int = 0
    tending: int = 0
    visits: int = 0
    events: int = 0


# -- generated photos ----------------------------------------------------------------------------
def scene_image(seed: int, size: tuple[int, int] = PHOTO_SIZE) -> Image.Image:
    """A small, distinct JPEG of a freshly planted sapling: sky, ground, trees, sometimes a house."""
    rng = random.Random(seed)
    w, h = size
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    horizon = int(h * rng.uniform(0.35, 0.6))
    sky = (rng.randint(120, 190), rng.randint(170, 215), rng.randint(215, 255))
    for y in range(horizon):  # sky gradient
        k = y / max(horizon, 1)
        draw.line([(0, y), (w, y)], fill=tuple(int(c * (0.8 + 0.2 * k)) for c in sky))
    soil = (rng.randint(110, 160), rng.randint(80, 120), rng.randint(40, 80))
    grass = (rng.randint(60, 120), rng.randint(130, 180), rng.randint(50, 90))
    draw.rectangle([0, horizon, w, h], fill=grass if rng.random() < 0.6 else soil)
    for _ in range(rng.randint(2, 6)):  # far hills or tree line
        cx, r = rng.randint(0, w), rng.randint(40, 140)
        draw.ellipse(
            [cx - r, horizon - r // 2, cx + r, horizon + r // 2],
            fill=(rng.randint(40, 90), rng.randint(100, 150), rng.randint(40, 80)),
        )
    if rng.random() < 0.5:  # a village house
        hx, hw, hh = rng.randint(0, w - 120), rng.randint(70, 120), rng.randint(50, 90)
        draw.rectangle([hx, horizon - hh, hx + hw, horizon + 5], fill=(rng.randint(200, 240),) * 3)
        draw.polygon(
            [(hx - 8, horizon - hh), (hx + hw // 2, horizon - hh - 35), (hx + hw + 8, horizon - hh)],
            fill=(rng.randint(120, 170), 60, 50),
        )
    for _ in range(rng.randint(1, 4)):  # the saplings
        tx = rng.randint(40, w - 40)
        base = rng.randint(horizon + 20, h - 10)
        height = rng.randint(60, 160)
        draw.ellipse([tx - 30, base - 8, tx + 30, base + 8], fill=soil)  # the planting hole
        draw.rectangle([tx - 3, base - height, tx + 3, base], fill=(rng.randint(90, 120), 70, 40))
        green = (rng.randint(20, 80), rng.randint(110, 190), rng.randint(20, 80))
        for _ in range(rng.randint(3, 7)):
            cr = rng.randint(12, 34)
            cx, cy = tx + rng.randint(-25, 25), base - height + rng.randint(-15, 30)
            draw.ellipse([cx - cr, cy - cr, cx + cr, cy + cr], fill=green)
    if rng.random() < 0.4:
        sx, sr = rng.randint(20, w - 20), rng.randint(12, 22)
        draw.ellipse([sx - sr, 15, sx + sr, 15 + 2 * sr], fill=(255, 230, 120))
    return img


def jpeg_bytes(img: Image.Image, quality: int = 72) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=quality)
    return out.getvalue()


def store_photo_pool(photos_dir: Path, count: int, seed: int) -> list[dict]:
    """Write ``count`` distinct scenes and their thumbnails where the media job and the dashboard
    look for them (``bot.media.store_blob``, ``bot.photos.thumb_path``); return [{sha256, phash, size, path}].
    Demo files are written without fsync: they are cheap to make again."""
    pool = []
    for n in range(count):
        img = scene_image(seed * 100_003 + n)
        data = jpeg_bytes(img)
        info = photos.analyze(data)
        sha256, path = store_blob(data, photos_dir, info.ext)
        thumb = photos.thumb_path(photos_dir, sha256)
        if not thumb.exists():
            img.thumbnail((photos.THUMB_SIZE, photos.THUMB_SIZE))
            img.save(thumb, "JPEG", quality=photos.THUMB_QUALITY)
        pool.append(
            {"sha256": sha256, "phash": info.phash, "size": len(data), "path": path.relative_to(photos_dir).as_posix()}
        )
    return pool


# -- the county ----------------------------------------------------------------------------------
def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _unique_names(rng: random.Random, syllables: list[str], suffix: str, count: int, taken: set) -> list[str]:
    """``count`` new names: 埔心村, then 埔心新村, 上埔心村 …, then numbered (埔心3村) when those run out."""
    names: list[str] = []
    attempts = 0
    while len(names) < count:
        attempts += 1
        base = rng.choice(syllables)
        candidates = [base + suffix, f"{base}{rng.choice('上下东西南北新老大小')}{suffix}"]
        if attempts > 20 * count:
            candidates.append(f"{base}{attempts}{suffix}")
        name = next((c for c in candidates if c not in taken), None)
        if name:
            taken.add(name)
            names.append(name)
    return names


def _media_row(media_id: int, openid: str, photo: dict, at: str) -> dict:
    """A stored photo of the demo (a record's, a 管护's or a visit's), fetched when it was sent."""
    return {
        "id": media_id,
        "openid": openid,
        "inbox_id": None,
        "kind": "image",
        "media_id": f"demo-media-{media_id}",
        "pic_url": None,
        "format": None,
        "status": "stored",
        "attempts": 1,
        "sha256": photo["sha256"],
        "path": photo["path"],
        "size": photo["size"],
        "created_at": at,
        "fetched_at": at,
    }


def _offset(lat: float, lng: float, meters: float, rng: random.Random) -> tuple[float, float]:
    angle = rng.uniform(0, 2 * math.pi)
    dlat = meters * math.cos(angle) / 111_000
    dlng = meters * math.sin(angle) / (111_000 * math.cos(math.radians(lat)))
    return round(lat + dlat, 6), round(lng + dlng, 6)


def _moment(rng: random.Random, year: int, diligence: float, tz_hours: int = 8) -> datetime:
    """A planting moment between 1 Feb and 31 May: diligent villages plant around 植树节 (12 March),
    slower ones weeks later."""
    start = datetime(year, 2, 1, tzinfo=UTC)
    span_days = 119
    peak = 0.28 if diligence >= 1 else 0.45 if diligence >= 0.7 else 0.65
    day = min(max(rng.gauss(peak, 0.12), 0.0), 0.999) * span_days
    local_hour = rng.choice((7, 8, 9, 10, 15, 16, 17, 18))
    return start + timedelta(days=int(day), hours=local_hour - tz_hours, minutes=rng.randint(0, 59))


def _between(rng: random.Random, first: date, last: date, tz: str) -> datetime:
    """A planting hour (morning or late afternoon, local time) on a day from ``first`` to ``last``."""
    day = first + timedelta(days=rng.randint(0, max((last - first).days, 0)))
    local = datetime(
        day.year, day.month, day.day, rng.choice((7, 8, 9, 10, 15, 16, 17, 18)), rng.randint(0, 59), tzinfo=ZoneInfo(tz)
    )
    return local.astimezone(UTC)


def demo_day(config) -> datetime:
    """The demo's last day (31 May of campaign.year, in the evening): what its data is dated up to."""
    month, day, hour = DEMO_LAST_DAY
    return datetime(
        int(config.get("campaign.year")), month, day, hour, tzinfo=ZoneInfo(config.get("campaign.timezone"))
    )


def last_day(config, now: datetime) -> datetime:
    """What the demo is dated up to: ``demo_day``; or ``now`` when the program clock (a rehearsal's ``BOT_NOW``) stands
    in the campaign year before that day, so that a rehearsal on 5 March sees the county as it was that morning and
    nothing dated after it (sim63: it saw May's records, answers and milestones)."""
    end = demo_day(config)
    start = datetime(end.year, 1, 1, tzinfo=end.tzinfo)
    return now if start <= now < end else end


def fill(db, config, scale: int = 1, seed: int = 2027, until: datetime | None = None) -> Counts:
    """Build the demo county in ``db`` (which must have no villages), dated up to ``until`` (default ``demo_day``; see
    ``last_day``): the season is made whole, then what happens after ``until`` is left out (a record, a claim, a
    visit) or not yet done (an answer, a review, a confirmation). Returns what was made."""
    if store.village_count(db):
        raise ValueError("the database already has villages")
    rng = random.Random(seed + scale)
    year = int(config.get("campaign.year"))
    counts = Counts()
    pool = store_photo_pool(config.photos_dir, PHOTO_POOL, seed)
    counts.photos = len(pool)
    end = min(until or demo_day(config), demo_day(config))
    now_s = clock.to_db(end)

    ids = {
        t: store.next_id(db, t)
        for t in (
            "villages",
            "people",
            "plantings",
            "media",
            "planting_photos",
            "survival_checks",
            "tickets",
            "outbox",
            "milestones",
            "zones",
            "zone_holders",
            "tending",
            "visits",
            "visit_photos",
            "events",
            "attendance",
        )
    }
    tz = config.get("campaign.timezone")

    def take(table: str) -> int:
        ids[table] += 1
        return ids[table] - 1

    # towns and villages
    n_villages = VILLAGES_PER_SCALE * scale
    towns = TOWNS[: max(4, min(len(TOWNS), 4 * scale))]
    counts.towns = len(towns)
    town_centers = {t: _offset(*CENTER, rng.uniform(4000, 15000), rng) for t in towns}
    taken: set = set()
    n_communities = max(2, n_villages // 7)
    kinds = ["社区"] * n_communities + ["村"] * (n_villages - n_communities)
    rng.shuffle(kinds)
    kinds.remove("村")
    kinds.insert(0, "村")  # the first village is the guide's 埔心村
    taken.add(GUIDE_VILLAGE)
    village_names = _unique_names(rng, VILLAGE_SYLLABLES, "村", kinds.count("村") - 1, taken) + [GUIDE_VILLAGE]
    community_names = _unique_names(rng, COMMUNITY_SYLLABLES, "社区", n_communities, taken)
    villages: list[dict[str, Any]] = []
    for kind in kinds:
        town = rng.choice(towns)
        lat, lng = _offset(*town_centers[town], rng.uniform(300, 6000), rng)
        villages.append(
            {
                "id": take("villages"),
                "name": (village_names if kind == "村" else community_names).pop(),
                "kind": kind,
                "town": town,
                "households": rng.randint(40, 110) if kind == "村" else rng.randint(120, 300),
                "lat": lat,
                "lng": lng,
                "radius_m": 1500.0 if kind == "村" else 800.0,
                "adviser": None,
                "created_at": now_s,
                "updated_at": now_s,
                "_diligence": rng.choices(((1.0, 1.1, 1.2, 1.3), (0.75, 0.85, 0.9), (0.45, 0.55, 0.6)), (65, 23, 12))[
                    0
                ][rng.randint(0, 2)],
            }
        )

    # people: households of villagers, party members, cadres, a secretary per village; leaders; advisers
    people, users, adviser_links = [], [], []
    people_by_village: dict[int, list[dict]] = {}

    names_taken: set = set()

    def person(name, village_id, role, household=None, birth_year=None, bound=False, guide=None):
        """A roster row; a name already used in the same village is replaced (names are unique per village).
        ``guide``: a key of GUIDE, whose name and openid the row gets."""
        if guide:
            name = GUIDE[guide][0]
        while (name, village_id) in names_taken:
            name = _name(rng)
        names_taken.add((name, village_id))
        row = {
            "id": take("people"),
            "name": name,
            "village_id": village_id,
            "role": role,
            "phone": f"13{rng.randint(100000000, 999999999)}",
            "birth_year": birth_year or rng.randint(1950, 2000),
            "openid": None,
            "bound_via": None,
            "household": household,
            "source": "demo",
            "created_at": now_s,
            "updated_at": now_s,
        }
        if bound or guide:  # as if the office typed the openid in the roster
            row["openid"], row["bound_via"] = GUIDE[guide][1] if guide else f"demo-{row['id']:06d}", "roster"
            users.append(
                {
                    "openid": row["openid"],
                    "subscribed": 1,
                    "reminders_off": int(rng.random() < 0.05),
                    "last_inbound_at": now_s,
                    "subscribed_at": now_s,
                    "created_at": now_s,
                }
            )
        people.append(row)
        return row

    for v in villages:
        guide = v["name"] == GUIDE_VILLAGE
        members = []
        for h in range(1, v["households"] + 1):  # every household of the roster's 户数 has someone listed
            household = f"{rng.randint(1, 6)}组{h}号"
            if guide and h == 1:
                members.append(person(None, v["id"], MASSES, household, guide="villager"))
            for _ in range(rng.choice((1, 1, 2, 2, 3))):
                roll = rng.random()
                role = PARTY_MEMBER if roll < 0.12 else CADRE if roll < 0.16 else MASSES
                members.append(person(_name(rng), v["id"], role, household, bound=rng.random() < 0.35))
        members.append(person(_name(rng), v["id"], SECRETARY, bound=True, guide="secretary" if guide else None))
        people_by_village[v["id"]] = members
    seat = villages[0]["id"]
    for role, count in ((CHIEF_LEADER, 1), (LEADER, 2 + scale), (ADMIN, 2)):
        for n in range(count):
            person(f"{_name(rng)}", seat, role, bound=True, guide="office" if role == ADMIN and n == 0 else None)
    n_advisers = max(3, n_villages // 8)
    # the roster's advisers by their names (林刚海, signing 技术顾问 林刚海), as an office lists them; the guide's 王工 is
    # what the README calls him (sim64: 林刚海工 read as nobody's name)
    advisers = [
        person(_name(rng), None, ADVISER, bound=True, guide=None if n else "adviser") for n in range(n_advisers)
    ]
    for index, v in enumerate(villages):
        adviser = advisers[index % n_advisers]
        v["adviser"] = adviser["name"]
        adviser_links.append({"person_id": adviser["id"], "village_id": v["id"]})

    # the guide party member: the first 党员 of the guide village, renamed and bound (no draw: the county stays as it was)
    member = next(p for p in people_by_village[villages[0]["id"]] if p["role"] == PARTY_MEMBER)
    if (GUIDE["member"][0], member["village_id"]) not in names_taken:
        member["name"] = GUIDE["member"][0]
    user = next((u for u in users if u["openid"] == member["openid"]), None)
    if user is None:
        user = {
            "openid": None,
            "subscribed": 1,
            "reminders_off": 0,
            "last_inbound_at": now_s,
            "subscribed_at": now_s,
            "created_at": now_s,
        }
        users.append(user)
    member["openid"] = user["openid"] = GUIDE["member"][1]
    member["bound_via"] = "roster"

    # plantings, photos, survival checks
    plantings, media, planting_photos, checks = [], [], [], []
    photo_of_record: dict[int, dict] = {}
    verified_earlier: list[int] = []
    made_at: dict[int, datetime] = {}

    def add_planting(v, who, entered_by, kind, site, species, count, area, at, status="complete", clean=False):
        """One record; unless ``clean`` (the records a village's figures rest on), a few get a flag (and wait
        for review or were decided), a few of the rest are being spot-checked."""
        details: dict[str, dict[str, Any]]
        flags, details, review = [], {}, "none"
        species_known = 1
        lat, lng = _offset(v["lat"], v["lng"], rng.uniform(20, v["radius_m"] * 0.8), rng)
        roll = rng.random()
        # the record whose photo this one repeats was made before it (sim64: half the 与早先的记录照片相同 named a record
        # made later, the county being drawn village by village)
        earlier = [r for r in verified_earlier[-200:] if made_at[r] <= at] if roll < 0.025 else []
        if status == "complete" and kind == "tree" and not clean:
            if roll < 0.025 and earlier:
                ref = rng.choice(earlier)
                flags.append("duplicate_photo")
                details["duplicate_photo"] = {"reason": "与早先的记录照片相同", "ref": ref}
            elif roll < 0.045:
                flags.append("far_from_village")
                lat, lng = _offset(v["lat"], v["lng"], rng.uniform(5000, 12000), rng)
                details["far_from_village"] = {"reason": "位置离本村较远", "ref": None}
            elif roll < 0.055:
                species, species_known = rng.choice(UNKNOWN_SPECIES), 0
                flags.append("unknown_species")
                details["unknown_species"] = {"reason": f"“{species}”不在推荐树种里", "ref": None}
        if flags:
            review = rng.choices(("pending", "approved", "rejected"), (5, 3, 2))[0]
        elif status == "complete" and rng.random() < SPOT_CHECK_SHARE:
            review = "spot_check"  # drawn for a spot check: still counted until a reviewer rejects it
            details["spot_check"] = {"reason": "随机抽查", "ref": None}
        row_id = take("plantings")
        made_at[row_id] = at
        at_s = clock.to_db(at)
        reviewed = review in ("approved", "rejected")
        plantings.append(
            {
                "id": row_id,
                "openid": (who.get("openid") or entered_by["openid"]),
                "person_id": who["id"],
                "entered_by_person_id": entered_by["id"] if entered_by is not who else None,
                "village_id": v["id"],
                "kind": kind,
                "site": site,
                "species": species,
                "species_known": species_known,
                "count": count,
                "area_mu": area,
                "lat": lat if status == "complete" else None,
                "lng": lng if status == "complete" else None,
                "location_label": None,
                "status": status,
                "review": review,
                "flags": " ".join(flags),
                "flag_details": json.dumps(details, ensure_ascii=False) if details else None,
                "reviewed_by": "admin" if reviewed else None,
                "reviewed_at": clock.to_db(at + timedelta(days=2)) if reviewed else None,
                "review_reason": ("照片不符" if review == "rejected" else None),
                "inbox_id": None,
                "created_at": at_s,
                "completed_at": at_s if status == "complete" else None,
                "updated_at": at_s,
            }
        )
        if status != "complete":
            return row_id
        if "duplicate_photo" in flags:
            photo = photo_of_record.get(details["duplicate_photo"]["ref"]) or rng.choice(pool)
        else:
            photo = pool[len(plantings) % len(pool)]
        photo_of_record[row_id] = photo
        media_id = take("media")
        media.append(_media_row(media_id, plantings[-1]["openid"], photo, at_s))
        planting_photos.append(
            {
                "id": take("planting_photos"),
                "planting_id": row_id,
                "media_row_id": media_id,
                "sha256": photo["sha256"],
                "phash": photo["phash"],
                "purpose": "record",
                "created_at": at_s,
            }
        )
        if review in ("none", "approved", "spot_check"):
            verified_earlier.append(row_id)
            check_at = at + timedelta(days=30)
            if rng.random() < 0.5:
                result = rng.choices(("alive", "dead", "replanted", "unknown"), (86, 7, 4, 3))[0]
                checks.append(
                    {
                        "id": take("survival_checks"),
                        "planting_id": row_id,
                        "due_days": 30,
                        "result": result,
                        "media_row_id": None,
                        "note": None,
                        "checked_at": clock.to_db(check_at + timedelta(hours=rng.randint(1, 72))),
                    }
                )
        return row_id

    # 认领安排: each household pledges what it will plant (a generator of its own, so that the rest stays as it was)
    pledges: list[dict] = []
    pledge_rng = random.Random(seed + scale + 1)

    def add_pledge(v, who, tier: str, species: str, count: int) -> None:
        """By 2月8日 in villages on time; some later (or never) in the others."""
        roll = pledge_rng.random()
        first, last = (
            ((1, 15), (2, 7))
            if tier == "on_time" or roll < {"late": 0.85, "slow": 0.5}[tier]
            else ((2, 9), (3, 5))
            if roll < {"late": 1.0, "slow": 0.8}[tier]
            else (None, None)
        )
        if first is None or last is None:
            return
        at = clock.to_db(_between(pledge_rng, date(year, *first), date(year, *last), tz))
        pledges.append(
            {
                "id": len(pledges) + 1,
                "village_id": v["id"],
                "person_id": who["id"],
                "species": species,
                "count": count,
                "month": pledge_rng.choice((2, 3, 3, 3, 4)),
                "entered_by_person_id": who["id"],
                "openid": who["openid"],
                "created_at": at,
                "updated_at": at,
            }
        )

    milestones: list[dict] = []

    def add_milestone(v, who, milestone, at, *, count=None, name=None, confirmed=False):
        lat, lng = (
            _offset(v["lat"], v["lng"], rng.uniform(20, v["radius_m"] * 0.5), rng)
            if milestone == "demo_site"
            else (None, None)
        )
        confirmed_at = clock.to_db(at + timedelta(days=rng.randint(1, 3))) if confirmed else None
        milestones.append(
            {
                "id": take("milestones"),
                "village_id": v["id"],
                "milestone": milestone,
                "count": count,
                "name": name,
                "person_id": who["id"],
                "openid": who["openid"],
                "inbox_id": None,
                "reported_at": clock.to_db(at),
                "lat": lat,
                "lng": lng,
                "status": "confirmed" if confirmed else "reported",
                "confirmed_by": "admin" if confirmed else None,
                "confirmed_at": confirmed_at,
                "updated_at": confirmed_at or clock.to_db(at),
            }
        )

    def when(first: tuple[int, int], last: tuple[int, int]) -> datetime:
        """A planting hour on a day between two local month-days of the campaign year."""
        return _between(rng, date(year, *first), date(year, *last), tz)

    def parts(total: float, n: int) -> list[float]:
        """``total`` 亩 in ``n`` plots, rounded up so that they add up to at least ``total``."""
        shares = [rng.uniform(0.6, 1.4) for _ in range(n)]
        return [math.ceil(total * x / sum(shares) * 100) / 100 for x in shares]

    def plant_by(v, who, windows: list[tuple[float, tuple, tuple]], count: int, site: str, clean: bool = True):
        """A record at one of ``windows`` (chance, first, last); none when the chances run out (never done)."""
        roll = rng.random()
        for chance, first, last in windows:
            if roll < chance:
                by = who if who.get("openid") else secretary_of[v["id"]]
                return add_planting(
                    v,
                    who,
                    by,
                    "tree",
                    site,
                    rng.choice(GREENING if rng.random() < 0.6 else ECONOMIC),
                    count,
                    None,
                    when(first, last),
                    clean=clean,
                )
            roll -= chance
        return None

    secretary_of = {v["id"]: next(p for p in people_by_village[v["id"]] if p["role"] == SECRETARY) for v in villages}
    for v in villages:
        members = people_by_village[v["id"]]
        cadres = [p for p in members if p["role"] in CADRE_ROLES]
        secretary = secretary_of[v["id"]]
        d = v["_diligence"]
        tier = "on_time" if d >= 1 else "late" if d >= 0.7 else "slow"
        site = "房前屋后" if v["kind"] == "村" else "主题林"
        # seed 002's dates: the plan by 1月底, holes by 2月24日, 亩 and 示范点 by 2月底, every household by 3月12日
        plan_at = when((1, 5), (1, 28)) if tier != "slow" or rng.random() < 0.5 else when((2, 3), (2, 25))
        add_milestone(v, secretary, "plan", plan_at, confirmed=rng.random() < 0.7)
        holes_at = {"on_time": ((2, 1), (2, 20)), "late": ((2, 10), (2, 26)), "slow": ((3, 1), (3, 25))}[tier]
        if tier != "slow" or rng.random() < 0.6:
            add_milestone(v, secretary, "holes", when(*holes_at), count=rng.randint(60, 240))
        if v["kind"] == "村":  # 党建林 plots toward 2 亩, and a 示范点 (a confirmed milestone, with trees at it)
            target = float(config.get("campaign.targets.village_area_mu"))
            plots = {
                "on_time": [(target * rng.uniform(1.0, 1.2), (2, 1), (2, 25))],
                "late": [(target * d, (2, 5), (2, 27)), (target * (1.02 - d), (3, 2), (3, 20))],
                "slow": [(target * d, (2, 10), (4, 20))]
                + ([(target * (1.02 - d), (5, 1), (5, 25))] if rng.random() < 0.5 else []),
            }[tier]
            for total, first, last in plots:
                for area in parts(total, rng.randint(1, 3)):
                    add_planting(
                        v,
                        secretary,
                        secretary,
                        "plot",
                        "党建林",
                        rng.choice(GREENING),
                        int(area * rng.randint(40, 70)),
                        area,
                        when(first, last),
                        clean=True,
                    )
            site_at = {"on_time": ((2, 5), (2, 24)), "late": ((3, 1), (3, 18)), "slow": ((4, 1), (4, 28))}[tier]
            if tier != "slow" or rng.random() < 0.6:
                at = when(*site_at)
                add_milestone(
                    v,
                    secretary,
                    "demo_site",
                    at,
                    name=rng.choice(DEMO_SITE_NAMES),
                    confirmed=tier != "slow" or rng.random() < 0.5,
                )
                add_planting(
                    v,
                    secretary,
                    secretary,
                    "tree",
                    "示范点",
                    rng.choice(GREENING),
                    rng.randint(20, 60),
                    None,
                    at + timedelta(hours=1),
                    clean=True,
                )
        else:  # 主题林 trees toward 150, in small records
            target = float(config.get("campaign.targets.community_trees"))
            waves = {
                "on_time": [(target * 1.1, (2, 1), (2, 25))],
                "late": [(target * 0.75, (2, 1), (2, 27)), (target * 0.35, (3, 1), (3, 20))],
                "slow": [(target * 0.6, (2, 10), (4, 30))],
            }[tier]
            for trees, first, last in waves:
                while trees > 0:
                    count = rng.choice((2, 3, 5, 8, 10))
                    add_planting(
                        v,
                        secretary,
                        secretary,
                        "tree",
                        "主题林",
                        rng.choice(GREENING),
                        count,
                        None,
                        when(first, last),
                        clean=True,
                    )
                    trees -= count
        # every household's tree and every quota: by 植树节 for most; some late, a few never
        misses = {
            "on_time": rng.choice((0, 0, 0, 0, 0, 0, 0, 0, 0.02, 0.04)),
            "late": rng.choice((0, 0, 0.06, 0.1)),
            "slow": rng.uniform(0.2, 0.45),
        }[tier]
        on_time = [(1 - misses, (2, 1), (3, 10)), (misses * 0.7, (4, 1), (5, 20))]
        households: dict[str, list[dict]] = {}
        for p in members:
            if p["household"]:
                households.setdefault(p["household"], []).append(p)
        for household_members in households.values():
            who, count = rng.choice(household_members), rng.choice((1, 1, 2, 3))
            planted = plant_by(v, who, on_time, count, site)
            add_pledge(v, who, tier, plantings[-1]["species"] if planted else pledge_rng.choice(ECONOMIC), count)
        for p in members:
            quota = int(config.get("campaign.quotas").get(p["role"], 0))
            if quota:
                plant_by(v, p, on_time, quota, site)
        # the rest of the season's records: volume, flags and spot checks
        n_records = int(RECORDS_PER_VILLAGE * rng.uniform(0.4, 0.7) * min(d, 1.1))
        for _ in range(n_records):
            who = rng.choice(members)
            by = who if who.get("openid") or not cadres else rng.choice(cadres)
            if not by.get("openid"):
                by = secretary
            species = rng.choice(GREENING if rng.random() < 0.6 else ECONOMIC)
            status = "complete" if rng.random() < 0.97 else rng.choice(("pending", "cancelled"))
            add_planting(
                v,
                who,
                by,
                "tree",
                rng.choice(SITES) if v["kind"] == "村" else "主题林",
                species,
                rng.choice((1, 1, 1, 2, 2, 3, 5)),
                None,
                _moment(rng, year, d),
                status,
            )
    seat = villages[0]
    for p in people:  # the street's leaders plant their quota with the first village, in February
        quota = int(config.get("campaign.quotas").get(p["role"], 0))
        if p["role"] in (CHIEF_LEADER, LEADER) and quota:
            add_planting(
                seat, p, p, "tree", "党建林", rng.choice(GREENING), quota, None, when((2, 1), (2, 20)), clean=True
            )
    # the guide villager's own record on the demo's last day: the newest record, so the dashboard counts from it (a
    # rehearsal's day: an hour before it, once the planting has begun)
    villager = next(p for p in people if p["openid"] == GUIDE["villager"][1])
    if end == demo_day(config) or clock.local(end, tz).month >= 2:
        at = end if end == demo_day(config) else end - timedelta(hours=1)
        add_planting(villages[0], villager, villager, "tree", "房前屋后", "桂花", 2, None, at)
    counts.plantings = len(plantings)
    counts.flagged = sum(1 for p in plantings if p["flags"])
    counts.survival_checks = len(checks)

    # tickets and outbox
    tickets, outbox = [], []
    for v in villages:
        adviser = next(a for a in advisers if a["name"] == v["adviser"])
        # the guide people start with no tickets: a newcomer's first question is their own
        askers = [
            p
            for p in people_by_village[v["id"]]
            if p.get("openid") and p["openid"] not in {openid for _name, openid in GUIDE.values()}
        ]
        for _ in range(rng.randint(0, 3)):
            asker = rng.choice(askers)
            asked = _moment(rng, year, 1.0)
            # the advisers answer: what waits is the last days' questions, and a few overdue ones for the SLA to show
            # (sim64: four in ten of all stayed open, 31 tickets weeks overdue on a rehearsal's 4 April)
            roll = rng.random()
            answered = roll < (0.6 if asked > end - RECENT_QUESTIONS else 1 - OVERDUE_SHARE)
            ticket_id = take("tickets")
            asked_s = clock.to_db(asked)
            answered_s = clock.to_db(asked + timedelta(hours=rng.randint(1, 30))) if answered else None
            tickets.append(
                {
                    "id": ticket_id,
                    "openid": asker["openid"],
                    "person_id": asker["id"],
                    "village_id": v["id"],
                    "adviser_person_id": adviser["id"],
                    "question": rng.choice(QUESTIONS),
                    "source": rng.choice(("text", "voice", "explicit", "low_confidence")),
                    "status": "answered" if answered else "open",
                    "answer": rng.choice(ANSWERS) if answered else None,
                    "answered_by": adviser["name"] if answered else None,
                    "answered_at": answered_s,
                    "answered_by_person_id": adviser["id"] if answered else None,
                    "public_token": secrets.token_urlsafe(12),
                    "reopened_count": 0,
                    "created_at": asked_s,
                    "updated_at": answered_s or asked_s,
                    "opened_at": asked_s,
                    "activity_at": asked_s,
                    "assigned_at": asked_s,
                }
            )
            if answered:
                outbox.append(
                    {
                        "id": take("outbox"),
                        "openid": asker["openid"],
                        "kind": "answer",
                        "text": f"专家回复（{ticket_id}号）：{tickets[-1]['answer']}",
                        "dedupe_key": f"answer:{ticket_id}",
                        "status": "sent",
                        "channel": "cs",
                        "attempts": 1,
                        "created_at": answered_s,
                        "sent_at": answered_s,
                        "next_attempt_at": answered_s,
                    }
                )
    for u in users[: max(20, len(users) // 4)]:
        status = rng.choices(("sent", "queued", "held", "failed"), (80, 10, 7, 3))[0]
        outbox.append(
            {
                "id": take("outbox"),
                "openid": u["openid"],
                "kind": "reminder",
                "text": "植树黄金期到了，记得种下您家的树，拍照发给我就能记录。",
                "dedupe_key": f"demo-reminder:{u['openid']}",
                "status": status,
                "channel": "cs" if status == "sent" else None,
                "attempts": 1 if status != "queued" else 0,
                "created_at": now_s,
                "sent_at": now_s if status == "sent" else None,
                "next_attempt_at": now_s,
            }
        )
    counts.tickets, counts.outbox = len(tickets), len(outbox)

    zones, holders, tending = _care_zones(config, villages, people_by_village, pool, media, take, seed + scale + 2)
    visits, visit_photos = _visits(villages, advisers, pool, media, take, year, tz, seed + scale + 3)
    days, attendance = _planting_days(villages, people_by_village, plantings, take, year, tz, seed + scale + 4)
    tables = {
        "plantings": plantings,
        "media": media,
        "milestones": milestones,
        "planting_photos": planting_photos,
        "survival_checks": checks,
        "tickets": tickets,
        "outbox": outbox,
        "pledges": pledges,
        "zones": zones,
        "zone_holders": holders,
        "tending": tending,
        "visits": visits,
        "visit_photos": visit_photos,
        "events": days,
        "attendance": attendance,
    }
    if end < demo_day(config):
        _leave_out_after(tables, now_s)
    _number_by_time(tables, first={t: store.next_id(db, t) for t in ("plantings", "tickets")})
    plantings, checks, tickets, outbox = (tables[t] for t in ("plantings", "survival_checks", "tickets", "outbox"))
    counts.plantings = len(plantings)
    counts.flagged = sum(1 for p in plantings if p["flags"])
    counts.survival_checks = len(checks)
    counts.tickets, counts.outbox = len(tickets), len(outbox)
    counts.zones, counts.tending, counts.visits = len(tables["zones"]), len(tables["tending"]), len(tables["visits"])
    counts.events = len(tables["events"])

    for v in villages:
        v.pop("_diligence")
    counts.villages, counts.people, counts.users = len(villages), len(people), len(users)
    if "duplicate_of" in store.columns(db, "planting_photos"):  # the side-by-side view of the review queue
        duplicates = {
            p["id"]: json.loads(p["flag_details"])["duplicate_photo"]["ref"]
            for p in plantings
            if "duplicate_photo" in p["flags"]
        }
        for row in tables["planting_photos"]:
            row["duplicate_of"] = duplicates.get(row["planting_id"])
    with transaction(db):
        for table, rows in (
            ("villages", villages),
            ("people", people),
            ("adviser_villages", adviser_links),
            ("users", users),
            *tables.items(),
        ):
            store.insert_rows(db, table, rows)
    return counts


ZONE_NAMES = {"村": ["党建林东片", "党建林西片", "示范点片", "村口片", "河边片"], "社区": ["主题林南片", "主题林北片"]}
VISIT_NOTES = ["指导挖穴", "查看苗木成活", "讲解定植技术", "检查树穴规格", "指导修剪扶正", "病虫害巡查", ""]


def _care_zones(config, villages, people_by_village, pool, media, take, seed: int):
    """党员责任区: two or three zones a village, drawn with its plan in January; most members of
    ``zones.member_roles`` claim one in February or March, and those bound to WeChat send 管护 photos through the
    care season, some every week or two, a few never (the nudges' and the 通报's 责任区管护 have both)."""
    rng = random.Random(seed)
    year = int(config.get("campaign.year"))
    tz = config.get("campaign.timezone")
    roles = set(config.get("zones.member_roles"))
    zones, holders, tending = [], [], []
    for v in villages:
        names = ZONE_NAMES[v["kind"]][: rng.choice((2, 3)) if v["kind"] == "村" else 2]
        made_at = clock.to_db(_between(rng, date(year, 1, 8), date(year, 1, 25), tz))
        mine = []
        for name in names:
            lat, lng = _offset(v["lat"], v["lng"], rng.uniform(100, v["radius_m"] * 0.5), rng)
            radius = float(rng.choice((150, 200, 300)))
            zone = {
                "id": take("zones"),
                "village_id": v["id"],
                "name": name,
                "lat": lat,
                "lng": lng,
                "radius_m": radius,
                "source": "import",
                "created_at": made_at,
                "updated_at": made_at,
            }
            zones.append(zone)
            mine.append(zone)
        members = [p for p in people_by_village[v["id"]] if p["role"] in roles]
        for p in members:
            if p["openid"] != GUIDE["member"][1] and rng.random() > 0.75:
                continue
            zone = mine[0] if p["openid"] == GUIDE["member"][1] else rng.choice(mine)
            claimed = _between(rng, date(year, 2, 10), date(year, 3, 10), tz)
            holders.append(
                {
                    "id": take("zone_holders"),
                    "zone_id": zone["id"],
                    "person_id": p["id"],
                    "claimed_at": clock.to_db(claimed),
                }
            )
            if not p["openid"] or rng.random() < 0.15:
                continue  # never tended (or not on WeChat)
            at = max(claimed, _between(rng, date(year, 3, 1), date(year, 3, 8), tz))
            while at.month <= 5:
                lat, lng = _offset(zone["lat"], zone["lng"], rng.uniform(5, zone["radius_m"] * 0.8), rng)
                photo = pool[rng.randrange(len(pool))]
                media_id = take("media")
                at_s = clock.to_db(at)
                media.append(_media_row(media_id, p["openid"], photo, at_s))
                tending.append(
                    {
                        "id": take("tending"),
                        "zone_id": zone["id"],
                        "person_id": p["id"],
                        "openid": p["openid"],
                        "media_row_id": media_id,
                        "lat": lat if rng.random() < 0.6 else None,
                        "lng": None,
                        "inbox_id": None,
                        "created_at": at_s,
                    }
                )
                if tending[-1]["lat"] is not None:
                    tending[-1]["lng"] = lng
                at += timedelta(days=rng.randint(6, 24), hours=rng.randint(-2, 2))
    return zones, holders, tending


def _visits(villages, advisers, pool, media, take, year: int, tz: str, seed: int):
    """技术顾问下沉服务: from January (seed 002: 1月起每月至少下沉服务一次) each adviser signs in at most of their
    villages once a month or twice, from inside the village with a note and often a photo; now and then from outside
    it (位置不符), and some months a village is missed (the 通报's 顾问下沉 and the visits page show both)."""
    rng = random.Random(seed)
    by_name = {a["name"]: a for a in advisers}
    visits, photos_of_visits = [], []
    for v in villages:
        adviser = by_name[v["adviser"]]
        guide = adviser["openid"] == GUIDE["adviser"][1] and v["name"] == GUIDE_VILLAGE
        for month in range(1, 6):
            n = 1 if guide else rng.choices((0, 1, 2), (15, 70, 15))[0]
            last = (date(year, month + 1, 1) - timedelta(days=1)).day
            for _ in range(n):
                at = _between(rng, date(year, month, 3), date(year, month, last), tz)
                ok = guide or rng.random() > 0.06
                distance = rng.uniform(50, v["radius_m"] * 0.7) if ok else rng.uniform(v["radius_m"] * 2, 9000)
                lat, lng = _offset(v["lat"], v["lng"], distance, rng)
                at_s = clock.to_db(at)
                visit_id = take("visits")
                visits.append(
                    {
                        "id": visit_id,
                        "adviser_person_id": adviser["id"],
                        "openid": adviser["openid"],
                        "village_id": v["id"],
                        "lat": lat,
                        "lng": lng,
                        "distance_m": round(distance, 1),
                        "note": rng.choice(VISIT_NOTES) or None,
                        "location_ok": int(ok),
                        "inbox_id": None,
                        "created_at": at_s,
                        "updated_at": at_s,
                    }
                )
                if rng.random() < 0.6:
                    photo = pool[rng.randrange(len(pool))]
                    media_id = take("media")
                    media.append(_media_row(media_id, adviser["openid"], photo, at_s))
                    photos_of_visits.append(
                        {"id": take("visit_photos"), "visit_id": visit_id, "media_row_id": media_id, "created_at": at_s}
                    )
    return visits, photos_of_visits


EVENT_NAMES = {"村": "党建林义务植树", "社区": "主题林义务植树"}
EVENT_LATER = ("植树节义务植树", "我为家乡种棵树", "主题党日植绿护绿")
EVENT_SPOTS = ("村委会旁", "文化广场", "河堤边", "祠堂周边", "村道两侧")
EVENT_HOURS = (8, 15)  # a morning or an afternoon, three hours: when the villagers plant (``_between``)
EVENT_RAIN = 0.12  # of first days, called off before the start (rain) and held a week later


def _planting_days(villages, people_by_village, plantings, take, year: int, tz: str, seed: int):
    """义务植树活动 (seed 002, 二(一): 65周岁以下的党员至少参加1次; 二(二): 3月12日前全面完成): every village's secretary
    opens its 党建林 (社区: 主题林) day in chat between the holes' date and 植树节, on the morning or afternoon its people
    planted most, and some hold a second in late March or April; a few first days are called off before the start
    (rain) and held a week later. Party members and cadres on WeChat check in (参加, the code or the QR code), most
    sending a location, a few confirmed by the office, a few never; whoever logged trees in its span was there. A
    rehearsal's county shows the day opened that morning still to come, and one under way (``_leave_out_after``)."""
    rng = random.Random(seed)
    codes = rng.sample(range(1000, 10000), 4 * len(villages))
    trees_at: dict[int, list[tuple[datetime, int]]] = {}
    for p in plantings:
        if p["kind"] == "tree" and p["status"] == "complete":
            trees_at.setdefault(p["village_id"], []).append((clock.from_db(p["created_at"]), p["person_id"]))
    days: list[dict] = []
    attendance: list[dict] = []

    def busiest(v, first: date, last: date) -> datetime:
        """The three hours from ``first`` to ``last`` in which the village logged most trees (the first, none)."""
        spans = [
            datetime(d.year, d.month, d.day, h, tzinfo=ZoneInfo(tz)).astimezone(UTC)
            for d in (first + timedelta(days=n) for n in range((last - first).days + 1))
            for h in EVENT_HOURS
        ]
        planted = trees_at.get(v["id"], [])
        return max(spans, key=lambda s: sum(1 for at, _ in planted if s <= at < s + timedelta(hours=3)))

    for v in villages:
        people = people_by_village[v["id"]]
        opener = next(p for p in people if p["role"] == SECRETARY)
        takers = [p for p in people if p["openid"] and p["role"] in (PARTY_MEMBER, CADRE) and p is not opener]
        first_day = (2, 24) if v["_diligence"] >= 0.7 else (3, 5)
        starts = [busiest(v, date(year, *first_day), date(year, 3, 12))]
        rained = rng.random() < EVENT_RAIN
        if rained:
            starts.append(starts[0] + timedelta(days=7))
        if rng.random() < 0.5:
            starts.append(busiest(v, date(year, 3, 20), date(year, 4, 25)))
        for n, start in enumerate(starts):
            end = start + timedelta(hours=3)
            opened = start - timedelta(minutes=rng.randint(30, 100))
            called_off = start - timedelta(hours=rng.randint(1, 3)) if rained and n == 0 else None
            lat, lng = _offset(v["lat"], v["lng"], rng.uniform(50, v["radius_m"] * 0.4), rng)
            event_id = take("events")
            days.append(
                {
                    "id": event_id,
                    "village_id": v["id"],
                    "name": EVENT_NAMES[v["kind"]] if n == 0 or (rained and n == 1) else rng.choice(EVENT_LATER),
                    "code": str(codes.pop()),
                    "lat": lat,
                    "lng": lng,
                    "place_label": f"{v['town']}{v['name']}{rng.choice(EVENT_SPOTS)}",
                    "starts_at": clock.to_db(start),
                    "ends_at": clock.to_db(end),
                    "opened_by_person_id": opener["id"],
                    "openid": opener["openid"],
                    "inbox_id": None,
                    "created_at": clock.to_db(opened),
                    "qr_status": "pending",
                    "qr_attempts": 0,
                    "cancelled_at": clock.to_db(called_off) if called_off else None,
                    "cancelled_by_person_id": opener["id"] if called_off else None,
                }
            )

            attend = _attendance(days[-1], end, take, attendance, rng)
            attend(opener, "opened", opened, via=None if called_off else "opener", distance=0.0)
            if called_off:
                continue
            planted = {who for at, who in trees_at.get(v["id"], []) if start <= at < end}
            # the README's 李阿姨 was at her village's 党建林 day (我参加过几次植树活动 has one to show)
            came = [p for p in takers if p["id"] in planted or p["openid"] == GUIDE["member"][1] or rng.random() < 0.45]
            came += [p for p in people if p["id"] in planted and p["openid"] and p not in came and p is not opener]
            for person in came:
                at = start + timedelta(minutes=rng.randint(0, 50))
                how = rng.choices(("village", "code", "qr"), (60, 20, 20))[0]
                roll = rng.random()
                if roll < 0.82 or person["id"] in planted:
                    attend(person, how, at, via="location", distance=rng.uniform(5, 250))
                elif roll < 0.92:
                    attend(person, how, at, via="cadre", by="admin")
                else:
                    attend(person, how, at)  # no location sent, nobody confirmed yet: 待确认
    return days, attendance


def _attendance(event: dict, end: datetime, take, into: list[dict], rng: random.Random):
    """A function adding one check-in at ``event`` to ``into``: present by ``via`` (a location ``distance`` metres
    from the event, the opener, or confirmed by ``by`` after the day), or waiting (no ``via``)."""

    def attend(person: dict, how: str, at: datetime, *, via=None, distance=None, by=None) -> None:
        near = _offset(event["lat"], event["lng"], distance, rng) if distance is not None else (None, None)
        into.append(
            {
                "id": take("attendance"),
                "event_id": event["id"],
                "person_id": person["id"],
                "openid": person["openid"],
                "how": how,
                "checked_in_at": clock.to_db(at),
                "present": int(via is not None),
                "present_via": via,
                "lat": near[0],
                "lng": near[1],
                "distance_m": round(distance, 1) if distance is not None else None,
                "confirmed_by": by,
                "confirmed_at": clock.to_db(end + timedelta(hours=rng.randint(1, 20))) if by else None,
            }
        )

    return attend


def _number_by_time(tables: dict[str, list[dict]], first: dict[str, int]) -> None:
    """Records and questions numbered as they came, from ``first`` on: the county is drawn village by village, so its
    numbers ran by village, and a county cut short at a rehearsal's moment (``_leave_out_after``) left gaps where the
    later ones had been (sim64: 第3号, 第9号, 第17号 on one day). What refers to them follows (a record's photos,
    checks and duplicate's reference; an answer's message)."""
    renumbered = {}
    for table in ("plantings", "tickets"):
        rows = sorted(tables[table], key=lambda row: (row["created_at"], row["id"]))
        renumbered[table] = {row["id"]: first[table] + n for n, row in enumerate(rows)}
        for row in rows:
            row["id"] = renumbered[table][row["id"]]
        tables[table] = rows
    record = renumbered["plantings"]
    for table in ("planting_photos", "survival_checks"):
        for row in tables[table]:
            row["planting_id"] = record[row["planting_id"]]
    for row in tables["plantings"]:
        details = json.loads(row["flag_details"]) if row["flag_details"] else {}
        if "duplicate_photo" in details:
            details["duplicate_photo"]["ref"] = record[details["duplicate_photo"]["ref"]]
            row["flag_details"] = json.dumps(details, ensure_ascii=False)
    question = renumbered["tickets"]
    for row in tables["outbox"]:
        if row["kind"] == "answer" and row["dedupe_key"].startswith("answer:"):
            old = int(row["dedupe_key"].split(":")[1])
            row["dedupe_key"] = f"answer:{question[old]}"
            row["text"] = row["text"].replace(f"（{old}号）", f"（{question[old]}号）", 1)


def _leave_out_after(tables: dict[str, list[dict]], end: str) -> None:
    """The county as it stood at ``end`` (database time): what was made after it is left out, with what hangs on it
    (a record's photos and checks, a visit's photos, an answer's message), and what was decided after it is undone
    (an answer, a review, a milestone's confirmation: open, waiting, reported)."""

    def keep(table: str, column: str) -> None:
        tables[table] = [row for row in tables[table] if row[column] is None or row[column] <= end]

    for table, column in (
        ("plantings", "created_at"),
        ("survival_checks", "checked_at"),
        ("milestones", "reported_at"),
        ("pledges", "created_at"),
        ("tickets", "created_at"),
        ("outbox", "created_at"),
        ("media", "created_at"),
        ("zones", "created_at"),
        ("zone_holders", "claimed_at"),
        ("tending", "created_at"),
        ("visits", "created_at"),
        ("visit_photos", "created_at"),
        ("events", "created_at"),
        ("attendance", "checked_in_at"),
    ):
        keep(table, column)
    kept = {row["id"] for row in tables["plantings"]}
    tables["planting_photos"] = [row for row in tables["planting_photos"] if row["planting_id"] in kept]
    tables["survival_checks"] = [row for row in tables["survival_checks"] if row["planting_id"] in kept]
    for row in tables["plantings"]:
        details = json.loads(row["flag_details"]) if row["flag_details"] else {}
        if "duplicate_photo" in details and details["duplicate_photo"]["ref"] not in kept:
            details.pop("duplicate_photo")  # its first use is still to come: this one is the first
            row["flags"] = " ".join(f for f in row["flags"].split() if f != "duplicate_photo")
            row["flag_details"] = json.dumps(details, ensure_ascii=False) if details else None
            if not row["flags"]:
                row["review"] = "none"
        if row["reviewed_at"] and row["reviewed_at"] > end:
            row.update(review="pending", reviewed_by=None, reviewed_at=None, review_reason=None)
        if row["review"] == "pending" and not row["flags"]:
            row["review"] = "none"
    for row in tables["events"]:  # called off later, or over later: as it stood (planned, under way)
        if row["cancelled_at"] and row["cancelled_at"] > end:
            row.update(cancelled_at=None, cancelled_by_person_id=None)
    for row in tables["attendance"]:
        if row["confirmed_at"] and row["confirmed_at"] > end:
            row.update(present=0, present_via=None, confirmed_by=None, confirmed_at=None)
    for row in tables["milestones"]:
        if row["confirmed_at"] and row["confirmed_at"] > end:
            row.update(status="reported", confirmed_by=None, confirmed_at=None, updated_at=row["reported_at"])
    for row in tables["tickets"]:
        if row["answered_at"] and row["answered_at"] > end:
            row.update(
                status="open",
                answer=None,
                answered_by=None,
                answered_at=None,
                answered_by_person_id=None,
                updated_at=row["created_at"],
            )


def ensure_logins(db) -> list[tuple[str, str | None]]:
    """The dashboard logins of LOGINS, each linked to its GUIDE person and signed with its display name and
    title; a login that exists keeps its password. Returns (username, the new password or None)."""
    from werkzeug.security import generate_password_hash

    made: list[tuple[str, str | None]] = []
    for username, (role, guide, display_name, title) in LOGINS.items():
        if admins_store.by_username(db, username):
            made.append((username, None))
            continue
        password = secrets.token_urlsafe(9)
        person = roster_store.person_by_openid(db, GUIDE[guide][1])
        with transaction(db):
            admins_store.upsert(db, username, generate_password_hash(password), role, clock.to_db(clock.utcnow()))
            admins_store.link_person(db, username, person["id"] if person and role == "adviser" else None)
            admins_store.set_signature(db, username, display_name, title)
        made.append((username, password))
    return made


def cmd_demo(args, app) -> int:
    scale = max(1, int(getattr(args, "scale", 1) or 1))
    t = app.t
    now = app.clock()
    end = last_day(app.config, now)
    try:
        counts = fill(app.db, app.config, scale=scale, until=end)
    except ValueError:
        print(t("cli.demo.refused"), file=sys.stderr)
        return 1
    # the certificates the season's records earned went out during the season: none waits to be drawn and sent
    issued = certificates.issue_as_sent(app, end)
    # likewise the survival follow-ups that fell due, morning by morning: the next tick asks only what is due then
    reminders.followups_as_sent(app, end)
    # and each month's 通报 on its day, kept with its lines sent to the secretaries
    reports.keep_as_sent(app, end)
    print(
        t(
            "cli.demo.county",
            towns=counts.towns,
            villages=counts.villages,
            people=counts.people,
            users=counts.users,
            plantings=counts.plantings,
            flagged=counts.flagged,
            photos=counts.photos,
            checks=counts.survival_checks,
            certificates=issued,
            tickets=counts.tickets,
            outbox=counts.outbox,
            zones=counts.zones,
            tending=counts.tending,
            visits=counts.visits,
            events=counts.events,
        )
    )
    # up to the rehearsal's moment; or the season's last day, said to lie ahead of the clock when it does
    day = clock.local(end, app.tz).strftime(clock.MINUTE_FORMAT if end < demo_day(app.config) else clock.DATE_FORMAT)
    key = (
        "cli.demo.as_of_rehearsal"
        if end < demo_day(app.config)
        else "cli.demo.as_of_ahead"
        if now < end
        else "cli.demo.as_of"
    )
    print(t(key, day=day))
    for username, password in ensure_logins(app.db):
        _role, guide, display_name, title = LOGINS[username]
        key = "cli.demo.login_created" if password else "cli.demo.login_kept"
        print(t(key, username=username, password=password, who=f"{title} {display_name}"))
    print(t("cli.demo.try_chat"))
    for who in guide_people(app.db):
        print(t("cli.demo.chat_as", **who))
    return 0


def guide_people(db) -> list[dict]:
    """The GUIDE people as the demo made them: name, village (an adviser's first village), role and openid."""
    found = []
    for _name, openid in GUIDE.values():
        person = roster_store.person_by_openid(db, openid)
        if person is None:
            continue
        linked = roster_store.villages_of_adviser(db, person["id"]) if not person["village_id"] else []
        village = (
            roster_store.village(db, person["village_id"] or linked[0]["id"])
            if person["village_id"] or linked
            else None
        )
        found.append(
            {
                "name": person["name"],
                "village": village["name"] if village else "",
                "role": person["role"],
                "openid": openid,
            }
        )
    return found
