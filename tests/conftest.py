"""Shared fixtures: a real SQLite file, the real Flask app, a local WeChat API stand-in,
and villagers who post signed (optionally AES-encrypted) XML through the real /wechat route."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import config as config_mod  # noqa: E402
from bot.app import create_app  # noqa: E402
from bot.simulator import Signer, WeChatUser  # noqa: E402
from bot.standin import WeChatStandIn  # noqa: E402

AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
APP_ID = "wx2c2769f8efd9abc2"


@pytest.fixture(autouse=True)
def _undo_logging_setup():
    """Tests that run CLI commands in-process call bot.logs.setup; undo it so that the next test does
    not write to this test's (closed) captured stderr from the log writer thread."""
    import logging

    root = logging.getLogger()
    saved = (list(root.handlers), root.level, getattr(root, "_lvmei_configured", False))
    yield
    for handler in root.handlers[:]:
        if handler not in saved[0]:
            root.removeHandler(handler)
            handler.close()
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
        "wechat.api_base_url": standin.url,
        "wechat.app_id": APP_ID,
        "wechat.app_secret": standin.secret,
        "wechat.token": "spamtest",
        "outbox.rate_per_second": 0,
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
    """app_with(**overrides) -> an app on this test's database with those config keys replaced; the
    apps one test makes share the database, as the processes of one deployment do."""
    apps = []

    def make(**overrides):
        flask_app = create_app(make_config(tmp_path, standin, **overrides))
        apps.append(flask_app)
        return flask_app

    yield make
    for flask_app in apps:
        flask_app.extensions["bot"].databases.close_all()


@pytest.fixture
def bot(app):
    """The AppContext: database, messages, WeChat client, clock."""
    return app.extensions["bot"]


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
