"""The rehearsal clock: env BOT_NOW starts the program's clock at that moment for every command, and it runs
forward in real time; WeChat's signatures keep the wall clock; `serve` needs --rehearsal to run on it."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bench.harness import Client, ServerProcess, free_port, write_config
from bot import cli, clock
from bot.simulator import Signer, message_xml, sign
from tests.conftest import add_roster, at, rows_of

SECRETARY = "o-secretary"


@pytest.fixture
def secretary(bot):
    """A reachable 村书记: the plans_due reminder (5 days before 01-31, at 09:00) is for him."""
    add_roster(bot, {"埔心村": {"kind": "村"}}, [(SECRETARY, "王书记", "埔心村", "村书记")])


def test_the_rehearsal_clock_starts_there_and_runs_forward():
    ticks = iter([100.0, 100.0, 160.5])
    start = at("2027-01-20T09:00")
    now = clock.rehearsal_clock(start, monotonic=lambda: next(ticks))
    assert now() == start
    assert now() == start + timedelta(seconds=60.5)


def test_tick_without_now_runs_at_bot_now(bot, config_file, secretary, monkeypatch, capsys):
    assert cli.main(["--config", str(config_file), "tick"]) == 0  # the real clock: not the campaign's January
    assert rows_of(bot, "SELECT * FROM outbox") == []
    monkeypatch.setenv("BOT_NOW", "2027-01-26T10:00:00+08:00")
    assert cli.main(["--config", str(config_file), "tick"]) == 0
    assert "REHEARSAL CLOCK" in capsys.readouterr().err
    row = rows_of(bot, "SELECT * FROM outbox")[0]
    assert row["dedupe_key"] == f"reminder:plans_due:2027:{SECRETARY}"
    assert clock.from_db(row["created_at"]) - at("2027-01-26T10:00") < timedelta(minutes=1)


def test_a_time_without_offset_is_campaign_time_and_nonsense_is_refused(
    bot, config_file, secretary, monkeypatch, capsys
):
    monkeypatch.setenv("BOT_NOW", "2027-01-26T10:00")
    assert cli.main(["--config", str(config_file), "tick"]) == 0
    assert rows_of(bot, "SELECT created_at FROM outbox")[0]["created_at"].startswith("2027-01-26T02:0")
    monkeypatch.setenv("BOT_NOW", "next tuesday")
    assert cli.main(["--config", str(config_file), "tick"]) == 2
    assert "not an ISO date-time" in capsys.readouterr().err


def test_serve_refuses_a_rehearsal_clock_unless_told(config_file, monkeypatch, capsys):
    monkeypatch.setenv("BOT_NOW", "2027-01-26T10:00:00+08:00")
    assert cli.main(["--config", str(config_file), "serve", "--port", str(free_port())]) == 2
    assert "refused" in capsys.readouterr().err


def test_a_server_may_run_on_a_rehearsal_clock_only_when_told(bot):
    assert cli.may_serve(bot, rehearsal_flag=False)  # the real clock
    bot.rehearsal = at("2027-01-20T09:00")
    assert not cli.may_serve(bot, rehearsal_flag=False)
    assert cli.may_serve(bot, rehearsal_flag=True)
    bot.config = bot.config.with_overrides({"campaign.rehearsal": True})
    assert cli.may_serve(bot, rehearsal_flag=False)


def test_serve_with_rehearsal_records_messages_at_bot_now_signed_with_the_real_time(tmp_path, standin):
    config = write_config(
        tmp_path,
        {
            "wechat.api_base_url": standin.url,
            "wechat.app_id": standin.appid,
            "wechat.app_secret": standin.secret,
            "wechat.token": "spamtest",
        },
    )
    port = free_port()
    server = ServerProcess.serve(
        config, port, log_path=tmp_path / "serve.log", env={"BOT_NOW": "2027-03-12T09:00:00+08:00"}
    )
    server.argv.append("--rehearsal")
    server.start()
    try:
        client = Client(port)
        query, body = Signer("spamtest").wrap(message_xml("o-rehearsal", "text", {"Content": "帮助"}))
        status, _reply = client.post("/wechat?" + query, body)
        assert status == 200
        stale = str(int(at("2027-03-12T09:00").timestamp()))  # the rehearsal's time is not WeChat's
        status, _reply = client.post(
            f"/wechat?signature={sign('spamtest', stale, 'n')}&timestamp={stale}&nonce=n",
            message_xml("o-rehearsal", "text", {"Content": "帮助"}).encode(),
        )
        assert status == 403
    finally:
        server.stop()
    from bot import db as dbmod

    received = dbmod.connect(tmp_path / "data" / "bot.db").execute("SELECT received_at FROM inbox").fetchall()
    assert len(received) == 1
    moment = clock.from_db(received[0][0])
    assert timedelta(0) <= moment - at("2027-03-12T09:00") < timedelta(minutes=2)
    assert "REHEARSAL CLOCK" in (tmp_path / "serve.log").read_text(encoding="utf-8")


def test_a_push_signed_with_the_program_clock_is_refused_on_a_rehearsal(app, bot, clock):
    """In a test the app's clock is a program clock too: WeChat's timestamps are checked against the wall clock."""
    clock.set("2027-03-12T09:00")
    ts = str(int(clock().timestamp()))
    xml = message_xml("o-x", "text", {"Content": "帮助"})
    response = app.test_client().post(
        f"/wechat?signature={sign('spamtest', ts, 'n')}&timestamp={ts}&nonce=n", data=xml.encode()
    )
    assert response.status_code == 403
    fresh = str(int(datetime.now(UTC).timestamp()))
    response = app.test_client().post(
        f"/wechat?signature={sign('spamtest', fresh, 'n')}&timestamp={fresh}&nonce=n", data=xml.encode()
    )
    assert response.status_code == 200
    assert rows_of(bot, "SELECT received_at FROM inbox")[0]["received_at"] == "2027-03-12T01:00:00"
    assert time.time() - int(fresh) < 60
