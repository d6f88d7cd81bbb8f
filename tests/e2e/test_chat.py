"""`python run.py chat`, the simulator, as a newcomer uses it: what waits is printed at the start and what
arrives while typing; it delivers through its own stand-in (its own account) whatever a server on the same
database does; /follow <村名>, /unfollow. And a bot without credentials: said once, kept as no_credentials."""

from __future__ import annotations

import io
import time

import pytest

from bot import chat, cli, clock, outbox, scheduler
from bot.app import create_app
from bot.db import transaction
from bot.standin import WeChatStandIn
from bot.store import tokens
from tests.conftest import make_config

VILLAGER = "o-chat-villager"


@pytest.fixture
def roster(bot):
    with transaction(bot.db):
        village = bot.db["villages"].insert({"name": "埔心村", "kind": "村", "town": "太平镇"}).last_pk
        bot.db["villages"].insert({"name": "东村", "kind": "村", "town": "太平镇"})
        bot.db["people"].insert({"name": "陈大伯", "village_id": village, "role": "群众", "openid": VILLAGER})
        bot.db["users"].insert(
            {
                "openid": VILLAGER,
                "subscribed": 1,
                "reminders_off": 0,
                "cs_sent_since_inbound": 0,
                "last_inbound_at": "2000-01-01T00:00:00",
            }
        )
    return village


def queue(bot, openid, text, key):
    with transaction(bot.db):
        outbox.enqueue(bot.db, openid=openid, kind="answer", text=text, dedupe_key=key, now=bot.clock())


def run(bot, lines, openid=VILLAGER, **kw) -> str:
    out = io.StringIO()
    assert chat.run_chat(bot, openid, lines=lines, out=out, **kw) == 0
    return out.getvalue()


def test_what_waits_for_the_user_is_printed_at_the_start(bot, roster):
    queue(bot, VILLAGER, "专家回答了您的第3号问题：先停水一周。", "answer:3:0")
    text = run(bot, ["/quit"])
    assert "有1条消息在等您" in text and "专家回答了您的第3号问题：先停水一周。" in text
    assert next(bot.db.query("SELECT status FROM outbox WHERE dedupe_key = 'answer:3:0'"))["status"] == "held"
    # held (no 48-hour window): it goes out when the user writes, and is printed again, as sent
    text = run(bot, ["你好", "/quit"])
    assert "[稍后发送 answer via cs, sent] 专家回答了您的第3号问题" in text


def test_what_arrives_while_typing_is_printed(bot, roster):
    def lines():
        yield "你好"
        queue(bot, VILLAGER, "第5号问题：剪掉病枝。", "answer:5:0")  # an adviser answers from the dashboard
        time.sleep(1.0)
        yield "/quit"

    text = run(bot, lines(), poll_seconds=0.1)
    assert "[稍后发送 answer via cs, sent] 第5号问题：剪掉病枝。" in text


def test_the_chat_delivers_its_users_messages_whatever_a_server_without_credentials_did(tmp_path, standin, roster, bot):
    queue(bot, VILLAGER, "给陈大伯的回答", "answer:1:0")
    queue(bot, "o-someone-else", "给别人的回答", "answer:2:0")
    server = create_app(
        make_config(tmp_path, standin, **{"wechat.app_id": "wx0000000000000000", "wechat.app_secret": ""})
    ).extensions["bot"]
    scheduler.run_due(server, bot.clock())  # the server's sender: no credentials, nothing tried
    scheduler.run_due(server, bot.clock())
    statuses = {r["dedupe_key"]: r for r in bot.db.query("SELECT dedupe_key, status, attempts, errcode FROM outbox")}
    assert {k: (r["status"], r["attempts"], r["errcode"]) for k, r in statuses.items()} == {
        "answer:1:0": ("no_credentials", 0, None),
        "answer:2:0": ("no_credentials", 0, None),
    }
    assert standin.calls == []
    text = run(bot, ["你好", "/quit"])
    assert "给陈大伯的回答" in text and "给别人的回答" not in text
    rows = {r["dedupe_key"]: r["status"] for r in bot.db.query("SELECT dedupe_key, status FROM outbox")}
    assert rows == {"answer:1:0": "sent", "answer:2:0": "no_credentials"}  # only this user's
    server.databases.close_all()


def test_messages_kept_without_credentials_go_out_once_there_are_credentials(tmp_path, standin, bot, roster, sent_to):
    queue(bot, VILLAGER, "回答", "answer:1:0")
    bot.db.execute("UPDATE users SET last_inbound_at = ? WHERE openid = ?", ["2999-01-01T00:00:00", VILLAGER])
    bot.db.conn.commit()
    placeholder = create_app(make_config(tmp_path, standin, **{"wechat.app_secret": ""})).extensions["bot"]
    assert not placeholder.api.has_credentials
    scheduler.run_due(placeholder, bot.clock())
    assert sent_to(VILLAGER) == []
    scheduler.run_due(bot, bot.clock())  # the same database, with credentials
    assert sent_to(VILLAGER) == ["回答"]
    placeholder.databases.close_all()


def test_start_up_says_when_campaign_year_is_behind_todays_year(tmp_path, standin, capsys):
    """The lead (forty-first session): with campaign.year behind today's year every record is flagged out of season
    (a day of the new spring told as outside a window of the old one); serve, worker and chat say so once."""
    app = create_app(make_config(tmp_path, standin, **{"campaign.year": 2027})).extensions["bot"]
    for now, says in (("2028-03-05T09:00", True), ("2027-12-31T23:00", False), ("2026-12-05T09:00", False)):
        app.clock = clock.rehearsal_clock(clock.parse_moment(now, app.tz))
        cli.warn_campaign_year_past(app)
        err = capsys.readouterr().err
        assert ("campaign.year = 2027" in err and "不在种植季" in err) == says, now
    app.databases.close_all()


def test_serve_says_once_that_there_are_no_credentials(tmp_path, standin, capsys):
    for overrides, says in (
        ({"wechat.app_id": "wx0000000000000000"}, True),
        ({"wechat.app_secret": ""}, True),
        ({"wechat.app_id": ""}, True),
        ({}, False),
    ):
        app = create_app(make_config(tmp_path, standin, **overrides)).extensions["bot"]
        cli.warn_without_credentials(app)
        err = capsys.readouterr().err
        assert ("no_credentials" in err and "没有配置公众号的 AppID/AppSecret" in err) == says, overrides
        assert err.count("no_credentials") <= 2  # one notice (Chinese and English), not a loop
        app.databases.close_all()


def test_the_simulators_stand_in_is_its_own_account(bot, roster):
    for n in range(3):  # restarting three times a minute
        queue(bot, VILLAGER, f"回答{n}", f"answer:{n}:0")
        assert f"sent] 回答{n}" in run(bot, ["你好", "/quit"])
    fetches = {r["name"]: r["n"] for r in bot.db.query("SELECT name, COUNT(*) AS n FROM token_fetches GROUP BY name")}
    assert fetches == {chat.SIMULATOR_TOKEN: 1}
    real = bot.api.token_name
    assert tokens.fetches_since(bot.db, "2000-01-01T00:00:00", real) == 0  # the real account's budget is untouched


def test_the_stand_ins_media_outlive_a_restart(tmp_path):
    with WeChatStandIn(state_dir=tmp_path) as first:
        first.add_media("chat-photo-1", b"\xff\xd8jpeg bytes")
    import requests

    with WeChatStandIn(state_dir=tmp_path) as second:
        response = requests.get(second.url + "pic/chat-photo-1", timeout=5)
        assert response.content == b"\xff\xd8jpeg bytes" and response.headers["Content-Type"] == "image/jpeg"
        assert requests.get(second.url + "pic/..%2f..%2fetc", timeout=5).json()["errcode"] == 40007


def test_follow_a_village_by_name_and_unfollow(bot, roster):
    text = run(bot, ["/follow 埔心", "/follow 西村", "/quit"], openid="o-newcomer")
    assert "您是埔心村的吧？" in text  # the village's QR code: the welcome asks only the name
    assert "没有叫“西村”的村社区" in text
    user = next(bot.db.query("SELECT subscribed, scene_village_id FROM users WHERE openid = 'o-newcomer'"))
    assert user == {"subscribed": 1, "scene_village_id": roster}
    run(bot, ["/unfollow", "/quit"], openid="o-newcomer")
    assert next(bot.db.query("SELECT subscribed FROM users WHERE openid = 'o-newcomer'"))["subscribed"] == 0


def test_the_chat_delivers_with_the_shipped_placeholder_credentials(tmp_path, standin):
    """config.toml as shipped (wx0000000000000000, no secret): the simulator's stand-in is its own account."""
    placeholder = create_app(
        make_config(tmp_path, standin, **{"wechat.app_id": "wx0000000000000000", "wechat.app_secret": ""})
    ).extensions["bot"]
    with transaction(placeholder.db):
        placeholder.db["users"].insert(
            {"openid": VILLAGER, "subscribed": 1, "reminders_off": 0, "cs_sent_since_inbound": 0}
        )
    queue(placeholder, VILLAGER, "顾问的回答", "answer:1:0")
    text = run(placeholder, ["你好", "/quit"])
    assert "[稍后发送 answer via cs, sent] 顾问的回答" in text
    placeholder.databases.close_all()


def test_a_planting_with_a_drawn_photo(bot, roster):
    text = run(bot, ["/photo", "2棵桂花", "/quit"])
    assert "桂花" in text and "2棵" in text
    record = next(bot.db.query("SELECT species, count, status FROM plantings"))
    assert record == {"species": "桂花", "count": 2, "status": "complete"}
    photo = next(bot.db.query("SELECT status, sha256 FROM media"))
    assert photo["status"] == "stored" and photo["sha256"]  # downloaded from the simulator's stand-in


def test_a_command_without_its_arguments_says_what_it_needs(bot, roster):
    """Round 58 (sim58): `/location` alone printed `! list index out of range`."""
    text = run(bot, ["/location", "/click", "/quit"])
    assert "/location 要写上：LAT LNG [NAME]" in text and "/click 要写上：KEY" in text
    assert "index out of range" not in text
