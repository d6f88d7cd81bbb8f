"""Health and durability (issue 13, 8): /healthz says 503 when the database cannot be written (what
WeChat would meet), and storage.synchronous is what every connection of the bot runs with."""

from __future__ import annotations

import sqlite3

import pytest

from bot.config import ConfigError
from tests.conftest import make_config


def test_healthz_is_ok_when_the_database_takes_writes(app):
    response = app.test_client().get("/healthz")
    assert response.status_code == 200 and response.get_json()["ok"] is True
    assert "outbox" in response.get_json()


def test_healthz_is_503_while_another_process_holds_the_database(app, bot):
    other = sqlite3.connect(str(bot.config.database_path), timeout=0)  # another process, stuck in a write
    other.execute("BEGIN IMMEDIATE")
    try:
        response = app.test_client().get("/healthz")
        assert response.status_code == 503
        assert response.get_json()["ok"] is False and "database" in response.get_json()
    finally:
        other.rollback()
        other.close()
    assert app.test_client().get("/healthz").status_code == 200


def test_healthz_is_503_when_a_write_fails(app, bot):
    """The disk refuses writes (simulated by a trigger that fails every write of the probe)."""
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    for event in ("INSERT", "UPDATE"):
        bot.db.execute(
            f"CREATE TRIGGER disk_gone_{event.lower()} BEFORE {event} ON heartbeat"
            " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
        )
    bot.db.conn.commit()
    response = client.get("/healthz")
    assert response.status_code == 503 and "disk I/O error" in response.get_json()["database"]


@pytest.mark.parametrize("setting, pragma", [("NORMAL", 1), ("FULL", 2), ("full", 2)])
def test_storage_synchronous_is_applied_to_every_connection(app_with, setting, pragma):
    from bot.simulator import Signer, WeChatUser
    from tests.conftest import transport_for

    flask_app = app_with(**{"storage.synchronous": setting})
    user = WeChatUser(transport_for(flask_app), Signer("spamtest"), openid="o-sync")
    assert user.says("帮助")  # the writer thread opens its own connection
    assert flask_app.test_client().get("/healthz").status_code == 200
    connections = flask_app.extensions["bot"].databases._all
    assert len(connections) >= 2
    assert {db.execute("PRAGMA synchronous").fetchone()[0] for db in connections} == {pragma}


def test_an_unknown_synchronous_setting_fails_at_start_up(tmp_path, standin):
    with pytest.raises(ConfigError, match="synchronous"):
        make_config(tmp_path, standin, **{"storage.synchronous": "OFF"})
