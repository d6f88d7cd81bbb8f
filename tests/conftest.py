"""Shared fixtures: a real SQLite file, the real Flask app, a local WeChat API stand-in,
and villagers who post signed (optionally AES-encrypted) XML through the real /wechat route.

A test reads like a chat transcript: ``villager.says("3棵桂花")`` → the reply; ``clock.advance(minutes=5)``
(time passes); ``tick()`` (the scheduled jobs run, as ``python run.py tick``); ``sent_to(openid)`` (what
WeChat delivered); ``rows("plantings")`` (what the database holds).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import config as config_mod  # noqa: E402
from bot.app import create_app, create_context  # noqa: E402
from bot.clock import to_db  # noqa: E402
from bot.context import AppContext, Ctx  # noqa: E402
from bot.db import transaction  # noqa: E402
from bot.incoming import Incoming  # noqa: E402
from bot.simulator import Signer, WeChatUser  # noqa: E402
from bot.standin import WeChatStandIn  # noqa: E402
from bot.store import roster as roster_store  # noqa: E402


def pytest_configure(config):
    """Once, before pytest-xdist starts its workers: build the FAQ index, so that its files kept on disk (the
    precedents' masked texts and n-grams, the model trained on them: ~30–40 s CPU and ~420 MB the first time on a
    fresh machine) exist before any worker or any `run.py` a test starts reads them, instead of each training its own."""
    if hasattr(config, "workerinput"):
        return  # a worker: the controller has built them
    from bot import faq

    settings = config_mod.load(ROOT / "config.toml", env={})
    faq.FaqIndex.load(ROOT / "messages", settings.section("campaign"), settings.get("faq.confidence_threshold"))


AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wx2c2769f8efd9abc2"
CAMPAIGN_TZ = ZoneInfo("Asia/Shanghai")  # campaign.timezone of bot/defaults.toml


def at(text: str) -> datetime:
    """A moment written as the campaign office says it: ``at("2027-03-01T10:00")`` is 10:00 in Shanghai."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=CAMPAIGN_TZ)


class Clock:
    """The app's clock in a test (it is ``bot.clock``): real time until ``set``; from then on time stands
    still except when the test moves it with ``advance``."""

    def __init__(self):
        self.moment: datetime | None = None

    def __call__(self) -> datetime:
        from bot import clock

        return self.moment or clock.utcnow()

    def set(self, moment: datetime | str) -> datetime:
        """``clock.set("2027-03-01T10:00")`` (campaign time) or ``clock.set(a_datetime)``."""
        self.moment = at(moment) if isinstance(moment, str) else moment
        return self.moment

    def advance(self, **delta) -> datetime:
        """``clock.advance(minutes=5)``: the new now."""
        return self.set(self() + timedelta(**delta))


def rows_of(bot, what: str, params=()) -> list[dict]:
    """``rows_of(bot, "plantings")``: every row of a table, in order; or the rows of a SELECT."""
    sql = what if " " in what.strip() else f"SELECT * FROM {what} ORDER BY rowid"
    return list(bot.db.query(sql, params))


def answered_by_admin(app: AppContext, db, question: str, answer: str, now: datetime) -> dict:
    """A ticket of ``question`` (from a stranger, no village) answered ``answer`` by a dashboard admin, in ``db``'s
    transaction: for tests of what an answer does next (收录, 更正)."""
    from bot import escalation

    ticket = escalation.open_ticket(
        app,
        db,
        openid="o-x",
        person=None,
        village_id=None,
        question=question,
        source="text",
        media_row_ids=[],
        now=now,
    )
    assert escalation.answer_ticket(app, db, ticket["id"], answer, by_admin="admin", now=now).ok
    return ticket


@contextmanager
def app_over_file(tmp_path: Path, **overrides) -> Iterator[AppContext]:
    """The app context (registry, messages, a migrated SQLite file in ``tmp_path``) with the deployment's config and
    these keys replaced; no Flask, no WeChat: for unit tests of rules that count in the database."""
    config = config_mod.load(ROOT / "config.toml", env={}).with_overrides(
        {"storage.database": str(tmp_path / "bot.db"), "storage.photos": str(tmp_path / "photos"), **overrides}
    )
    app = create_context(config)
    try:
        yield app
    finally:
        app.databases.close_all()


def chat_context(app: AppContext, openid: str, now: datetime, text: str = "", inbox_id: int = 0) -> Ctx:
    """The Ctx of a text message from ``openid`` at ``now`` (its inbox row ``inbox_id``), as bot/webhook.py makes
    one: for rules that read the sender and their flows."""
    msg = Incoming(openid=openid, account="gh", msg_type="text", create_time=0, text=text)
    return Ctx(app=app, db=app.db, msg=msg, now=now, user={}, inbox_id=inbox_id)


def add_roster(bot, villages: dict[str, dict], people: list[tuple[str, str, str, str]]) -> dict[str, int]:
    """Villages ({name: their columns}) and people bound to followers ((openid, name, village, role)), as a
    roster import and 登记 leave them: the villages' ids by name."""
    from bot.store import roster as roster_store

    db, stamp = bot.db, "2027-01-01T00:00:00"
    with db.conn:
        ids = {
            name: roster_store.insert_village(db, {"name": name, **fields}, stamp) for name, fields in villages.items()
        }
        for openid, name, village, role in people:
            person_id = roster_store.insert_person(db, {"name": name, "village_id": ids[village], "role": role}, stamp)
            roster_store.bind_openid(db, person_id, openid, stamp, via="roster")
            db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
    return ids


def _no_cjk_font() -> bool:
    from bot.certificate_image import find_cjk_font

    return find_cjk_font("") is None and not os.environ.get("REQUIRE_CJK_FONT")


# Tests of certificate pictures need a Chinese font: skipped without one, unless REQUIRE_CJK_FONT=1 (as in .ci/run,
# which installs fonts-wqy-microhei) makes that a failure.
needs_cjk_font = pytest.mark.skipif(_no_cjk_font(), reason="no Chinese font (apt-get install fonts-wqy-microhei)")

# Tests of voice played in a browser need ffmpeg (bot/voice.py): skipped without it, unless REQUIRE_FFMPEG=1 (as in
# .ci/run, which installs it) makes that a failure.
needs_ffmpeg = pytest.mark.skipif(
    shutil.which("ffmpeg") is None and not os.environ.get("REQUIRE_FFMPEG"), reason="no ffmpeg (apt-get install ffmpeg)"
)


def delivered_texts(standin, openid: str) -> list[str]:
    """What WeChat delivered to this user: each text message's text (a template message: its content); image
    messages are not texts (``standin.messages_to(openid)`` has them, ``msgtype`` "image")."""
    return [
        m.get("text") or m.get("data", {}).get("content", {}).get("value")
        for m in standin.messages_to(openid)
        if m.get("msgtype") != "image"
    ]


@pytest.fixture(autouse=True)
def _undo_logging_setup():
    """Tests that run CLI commands in-process call bot.logs.setup; undo it so that the next test does
    not write to this test's (closed) captured stderr from the log writer thread."""
    import logging

    root = logging.getLogger()
    saved = (list(root.handlers), root.level, getattr(root, "_lvmei_configured", False))
    yield
    raising, logging.raiseExceptions = logging.raiseExceptions, False  # the lines still queued may go to a
    for handler in root.handlers[:]:  # capture stream pytest closed already
        if handler not in saved[0]:
            root.removeHandler(handler)
            handler.close()
    logging.raiseExceptions = raising
    root.setLevel(saved[1])
    root._lvmei_configured = saved[2]  # type: ignore[attr-defined]


@pytest.fixture
def standin():
    with WeChatStandIn(appid=APP_ID) as server:
        yield server


def make_config(tmp_path: Path, standin: WeChatStandIn, **overrides):
    base = config_mod.load(ROOT / "config.toml", env={})
    values = {
        "storage.database": str(tmp_path / "bot.db"),
        "storage.photos": str(tmp_path / "photos"),
        "storage.reports": str(tmp_path / "reports"),
        "wechat.api_base_url": standin.url,
        "wechat.app_id": APP_ID,
        "wechat.app_secret": standin.secret,
        "wechat.token": "spamtest",
        "outbox.rate_per_second": 0,
        # no random spot checks unless a test asks for them (tests/e2e/test_verified.py does)
        "review.spot_check_rate": 0,
    }
    values.update(overrides)
    return base.with_overrides(values)


@pytest.fixture
def config(tmp_path, standin):
    return make_config(tmp_path, standin)


@pytest.fixture
def config_file(tmp_path, config) -> Path:
    """The test's config written as a file, for driving the CLI (`run.py --config …`)."""
    from bench.harness import dump_toml
    from bot.config import _thaw

    path = tmp_path / "config.toml"
    path.write_text(dump_toml(_thaw(config.data)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def app(config):
    flask_app = create_app(config)
    yield flask_app
    flask_app.extensions["bot"].databases.close_all()


@pytest.fixture
def app_with(tmp_path, standin):
    """app_with(**overrides) -> an app on this test's database with those config keys replaced, a test
    Clock as its clock; the apps one test makes share the database, as the processes of one deployment do."""
    apps = []

    def make(**overrides):
        flask_app = create_app(make_config(tmp_path, standin, **overrides))
        flask_app.extensions["bot"].clock = Clock()
        apps.append(flask_app)
        return flask_app

    yield make
    for flask_app in apps:
        flask_app.extensions["bot"].databases.close_all()


@pytest.fixture
def bot(app):
    """The AppContext: database, messages, WeChat client, registry, and a test Clock as its clock."""
    context = app.extensions["bot"]
    context.clock = Clock()
    return context


@pytest.fixture
def clock(bot) -> Clock:
    """The app's clock: ``clock.set("2027-03-15T10:00")``, ``clock.advance(minutes=5)``, ``clock()``."""
    return bot.clock


@pytest.fixture
def tick(bot):
    """``tick()`` / ``tick("2027-04-02T11:00")``: every scheduled job due now (or then) runs once, as
    ``python run.py tick --now``; returns what each job did."""
    from bot import scheduler

    def run(when: datetime | str | None = None) -> dict:
        if when is not None:
            bot.clock.set(when)
        return scheduler.run_due(bot, bot.clock())

    return run


@pytest.fixture
def sent_to(standin):
    """``sent_to(openid)``: the texts WeChat delivered to that user, in order."""
    return lambda openid: delivered_texts(standin, openid)


@pytest.fixture
def rows(bot):
    """``rows("plantings")`` (every row of a table) or ``rows("SELECT … WHERE id = ?", [1])``."""
    return lambda what, params=(): rows_of(bot, what, params)


def transport_for(flask_app):
    client = flask_app.test_client()

    def transport(query: str, body: bytes):
        response = client.post("/wechat?" + query, data=body, content_type="text/xml")
        return response.status_code, response.data

    return transport


@pytest.fixture
def villager_factory(app, bot):
    wechat = bot.config.section("wechat")
    signer = Signer(wechat["token"], wechat.get("encoding_aes_key", ""), wechat["app_id"])

    def make(openid: str | None = None) -> WeChatUser:
        return WeChatUser(transport_for(app), signer, openid=openid, now=lambda: bot.clock().timestamp())

    return make


@pytest.fixture
def villager(villager_factory):
    return villager_factory("o-villager-1")


PUXIN = {
    "name": "埔心村",
    "kind": "村",
    "town": "石角镇",
    "lat": 23.10,
    "lng": 114.40,
    "radius_m": 3000,
    "households": 40,
}


@pytest.fixture
def village(bot) -> int:
    """埔心村 (its id), centred at 23.10, 114.40 with a 3 km radius (a test module may define its own)."""
    with transaction(bot.db):
        return roster_store.insert_village(bot.db, PUXIN, to_db(bot.clock()))


@pytest.fixture
def person(bot, village, villager_factory):
    """``person(openid, name, role="群众", household=None)``: a roster person of ``village`` (phone 13912345678)
    bound to that openid, as a WeChatUser who follows the account."""

    def make(openid: str, name: str, role: str = "群众", household: str | None = None) -> WeChatUser:
        with transaction(bot.db):
            person_id = roster_store.insert_person(
                bot.db,
                {"name": name, "village_id": village, "role": role, "household": household, "phone": "13912345678"},
                to_db(bot.clock()),
            )
            roster_store.bind_openid(bot.db, person_id, openid, to_db(bot.clock()), via="roster")
        user = villager_factory(openid)
        user.follows()
        return user

    return make
