"""Seed data shared by the dashboard tests (no tests here): a small county for the Flask client and browser tests:
two villages, two advisers, an admin, verified and flagged plantings with real photos on disk, a ticket per adviser."""

from __future__ import annotations

import functools
import io
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from PIL import Image
from werkzeug.security import generate_password_hash

from bot import clock, photos
from bot.db import transaction
from bot.store import admins, tickets
from bot.store import roster as roster_store

PASSWORD = "correct-horse-1"


@functools.cache
def password_hash() -> str:
    """Hashed once per test process (scrypt is slow on purpose)."""
    return generate_password_hash(PASSWORD)


def jpeg(colour: tuple[int, int, int], size=(96, 72)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class County:
    villages: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    plantings: dict[str, int] = field(default_factory=dict)
    photos: dict[str, str] = field(default_factory=dict)
    tickets: dict[str, int] = field(default_factory=dict)


def seed(bot) -> County:
    db = bot.db
    now = bot.clock()
    county = County()

    def at(days_ago: float) -> str:
        return clock.to_db(now - timedelta(days=days_ago))

    with transaction(db):
        for name, kind, lat, lng in (("埔心村", "村", 23.10, 113.30), ("东平社区", "社区", 23.20, 113.40)):
            county.villages[name] = (
                db["villages"]
                .insert(
                    {
                        "name": name,
                        "kind": kind,
                        "town": "石角镇",
                        "households": 3,
                        "lat": lat,
                        "lng": lng,
                        "radius_m": 800,
                        "created_at": at(30),
                    }
                )
                .last_pk
            )
        pux, dp = county.villages["埔心村"], county.villages["东平社区"]
        for name, village, role in (
            ("王顾问", pux, "技术顾问"),
            ("李顾问", dp, "技术顾问"),
            ("陈大伯", pux, "群众"),
            ("林书记", pux, "村书记"),
            ("黄阿姨", dp, "群众"),
        ):
            county.people[name] = (
                db["people"]
                .insert(
                    {
                        "name": name,
                        "village_id": village,
                        "role": role,
                        "openid": f"o-{name}",
                        "bound_via": "roster",
                        "created_at": at(30),
                    }
                )
                .last_pk
            )
        db["adviser_villages"].insert_all(
            [
                {"person_id": county.people["王顾问"], "village_id": pux},
                {"person_id": county.people["李顾问"], "village_id": dp},
            ]
        )
        for username, role, person in (
            ("admin", "admin", None),
            ("wang", "adviser", "王顾问"),
            ("li", "adviser", "李顾问"),
        ):
            admins.upsert(db, username, password_hash(), role, at(0))
            if person:
                db.execute("UPDATE admins SET person_id = ? WHERE username = ?", [county.people[person], username])

        def planting(
            key,
            person,
            village,
            *,
            count=None,
            area=None,
            kind="tree",
            site=None,
            review="none",
            flags="",
            details=None,
            colour=(40, 140, 60),
            days_ago=2.0,
            lat=None,
            lng=None,
        ):
            pid = (
                db["plantings"]
                .insert(
                    {
                        "openid": f"o-{person}",
                        "person_id": county.people[person],
                        "village_id": village,
                        "kind": kind,
                        "site": site,
                        "species": "桂花",
                        "species_known": 1,
                        "count": count,
                        "area_mu": area,
                        "lat": lat,
                        "lng": lng,
                        "status": "complete",
                        "review": review,
                        "flags": flags,
                        "flag_details": json.dumps(details or {}, ensure_ascii=False),
                        "created_at": at(days_ago),
                        "completed_at": at(days_ago),
                        "updated_at": at(days_ago),
                    }
                )
                .last_pk
            )
            data = jpeg(colour)
            info = photos.analyze(data)
            photos.store(data, bot.config.photos_dir, info)
            db["planting_photos"].insert(
                {
                    "planting_id": pid,
                    "sha256": info.sha256,
                    "phash": info.phash,
                    "purpose": "record",
                    "created_at": at(days_ago),
                }
            )
            county.plantings[key] = pid
            county.photos[key] = info.sha256
            return pid

        planting(
            "plot", "林书记", pux, kind="plot", area=1.5, count=60, site="党建林", days_ago=5, lat=23.101, lng=113.301
        )
        planting("tree", "陈大伯", pux, count=3, colour=(200, 60, 60), days_ago=3, lat=23.1005, lng=113.3004)
        planting(
            "far",
            "陈大伯",
            pux,
            count=2,
            review="pending",
            flags="far_from_village",
            details={"far_from_village": {"reason": "离村中心 5.2 公里"}},
            colour=(60, 60, 200),
            lat=23.15,
            lng=113.30,
        )
        planting(
            "dup",
            "陈大伯",
            pux,
            count=3,
            review="pending",
            flags="duplicate_photo",
            details={"duplicate_photo": {"reason": "与记录重复", "ref": county.plantings["tree"]}},
            colour=(200, 61, 60),
            days_ago=1,
        )
        planting("community", "黄阿姨", dp, count=40, colour=(220, 200, 40), days_ago=4)

        for key, person, village, adviser in (("wang", "陈大伯", pux, "王顾问"), ("li", "黄阿姨", dp, "李顾问")):
            county.tickets[key] = tickets.create(
                db,
                openid=f"o-{person}",
                person_id=county.people[person],
                village_id=village,
                adviser_person_id=county.people[adviser],
                question=f"{person}问：桂花叶子发黄怎么办？",
                source="text",
                public_token=f"token-{key}-0123456789abcdef",
                now=at(0.5),
            )
        # a photo sent with 王顾问's ticket
        data = jpeg((90, 160, 90))
        info = photos.analyze(data)
        photos.store(data, bot.config.photos_dir, info)
        media_id = (
            db["media"]
            .insert(
                {
                    "openid": "o-陈大伯",
                    "kind": "image",
                    "media_id": "m-ticket-1",
                    "status": "stored",
                    "attempts": 1,
                    "sha256": info.sha256,
                    "created_at": at(0.5),
                }
            )
            .last_pk
        )
        tickets.add_attachment(db, county.tickets["wang"], media_row_id=media_id, text=None, now=at(0.5))
        county.photos["ticket"] = info.sha256
    return county


def add_record(bot, county: County, name: str, village: str, at: str, **fields) -> int:
    """A complete tree record of roster person ``name`` (openid ``o-<name>``) in ``village``, made and completed at
    ``at`` (database time); ``fields`` set the rest (species, count, review, flags …). Call inside a transaction."""
    row = {
        "openid": f"o-{name}",
        "person_id": county.people[name],
        "village_id": county.villages[village],
        "kind": "tree",
        "species_known": 1,
        "count": 1,
        "status": "complete",
        "review": "none",
        "flags": "",
        "created_at": at,
        "completed_at": at,
        "updated_at": at,
        **fields,
    }
    return bot.db["plantings"].insert(row).last_pk


def add_waiting(bot, county: County, days) -> list[int]:
    """A record waiting for review in 东平社区 for each day of April 2027 in ``days`` (10:00 that day): 黄阿姨's
    1 发财树, an unknown species."""
    with transaction(bot.db):
        return [
            add_record(
                bot,
                county,
                "黄阿姨",
                "东平社区",
                clock.to_db(clock.parse_moment(f"2027-04-{day:02d}T10:00", bot.tz)),
                species="发财树",
                species_known=0,
                review="pending",
                flags="unknown_species",
                flag_details="{}",
            )
            for day in days
        ]


NAME_ONLY = (("何大妈", "埔心村", "群众"), ("陈秀英", "埔心村", "党员"), ("方兰", "东平社区", "群众"))


def add_name_only(bot, county: County, stamp: str = "2027-02-01T00:00:00+00:00") -> None:
    """Roster villagers with no phone on file, not bound yet (they bind by name alone): ``NAME_ONLY``'s 何大妈 (群众)
    and 陈秀英 (党员) of 埔心村, 方兰 (群众) of 东平社区. Call inside a transaction."""
    for name, village, role in NAME_ONLY:
        roster_store.insert_person(bot.db, {"name": name, "village_id": county.villages[village], "role": role}, stamp)


def add_logins(db, logins: list[tuple[str, str]]) -> None:
    """Dashboard logins ((username, role)) with the password PASSWORD."""
    with db.conn:
        for username, role in logins:
            admins.upsert(db, username, password_hash(), role, "2027-01-01T00:00:00")


def add_cadre_login(db, username: str, person_name: str) -> None:
    """A village-scoped cadre login (``create-admin --role cadre --person 姓名``) with the password PASSWORD."""
    from bot.dashboard.auth import link_login_person

    add_logins(db, [(username, "cadre")])
    with db.conn:
        link_login_person(db, username, "cadre", person_name)


def status_for(app, username: str, url: str, on_page: str | None = None) -> int:
    """What ``url`` answers that login (logged in first); with ``on_page``, the url must be on that page too."""
    client = app.test_client()
    assert login(client, username).status_code == 302
    if on_page is not None:
        assert url in client.get(on_page).get_data(as_text=True)
    return client.get(url).status_code


CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    return CSRF_RE.search(html).group(1)


def login(client, username: str, password: str = PASSWORD):
    token = csrf_of(client.get("/admin/login").get_data(as_text=True))
    return client.post("/admin/login", data={"username": username, "password": password, "csrf_token": token})


# -- fixtures the dashboard test modules import -------------------------------------------------------
@pytest.fixture
def county(bot):
    return seed(bot)


@pytest.fixture
def admin(app, county):
    client = app.test_client()
    assert login(client, "admin").status_code == 302
    return client


@pytest.fixture
def wang(app, county):
    """The adviser of 埔心村."""
    client = app.test_client()
    assert login(client, "wang").status_code == 302
    return client


@pytest.fixture
def office_on(app, bot):
    """test_reports.py's hand-built county (build_county: 石湖村 lagging from February; every plan filed in January
    but 东平社区's, filed on February 5th) with an admin: office_on(moment) -> the admin's client, logged in at
    ``moment`` (a session ends when the clock jumps), the records after it dropped (the dashboard's now is the newest
    record's time when the data runs past the clock)."""
    from tests.unit.test_reports import build_county

    with transaction(bot.db):
        build_county(bot.db)
        bot.db["admins"].insert(
            {
                "username": "admin",
                "password_hash": password_hash(),
                "role": "admin",
                "created_at": clock.to_db(bot.clock()),
            }
        )

    def on(moment: str):
        bot.clock.set(moment)
        with transaction(bot.db):
            bot.db.execute("DELETE FROM plantings WHERE created_at > ?", [clock.to_db(bot.clock())])
        client = app.test_client()
        assert login(client, "admin").status_code == 302
        return client

    return on


def page_text(client, url: str) -> str:
    """The page at ``url`` (answered 200), tags dropped."""
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"<[^>]+>", "", response.get_data(as_text=True))
