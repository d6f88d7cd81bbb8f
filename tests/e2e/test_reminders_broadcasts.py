"""Broadcasts by staff, through the `broadcast` command and the job that starts scheduled ones."""

from __future__ import annotations

import pytest

from bot import broadcasts, clock, scheduler
from bot.cli import build_parser
from bot.db import transaction
from tests.conftest import at


@pytest.fixture
def county(bot, villager_factory):
    """Two villages in two towns, six followers: one said 退订, one unfollowed, one never registered."""
    db = bot.db
    with transaction(db):
        db["villages"].insert_all(
            [
                {"id": 1, "name": "埔心村", "kind": "村", "town": "太平镇"},
                {"id": 2, "name": "东村", "kind": "村", "town": "石门镇"},
            ]
        )
        db["people"].insert_all(
            [
                {"id": 1, "name": "张书记", "village_id": 1, "role": "村书记", "openid": "o-sec"},
                {"id": 2, "name": "王大爷", "village_id": 1, "role": "群众", "openid": "o-wang"},
                {"id": 3, "name": "陈党员", "village_id": 2, "role": "党员", "openid": "o-chen"},
                {"id": 4, "name": "赵大姐", "village_id": 2, "role": "群众", "openid": "o-zhao"},
                {"id": 5, "name": "刘大哥", "village_id": 2, "role": "群众", "openid": "o-liu"},
            ]
        )
        db["plantings"].insert(
            {
                "openid": "o-wang",
                "person_id": 2,
                "village_id": 1,
                "kind": "tree",
                "count": 1,
                "species": "龙眼",
                "status": "complete",
                "review": "none",
                "created_at": "2027-03-01T02:00:00",
                "completed_at": "2027-03-01T02:00:00",
            }
        )
    bot.clock.set("2027-03-02T10:00")
    for openid in ("o-sec", "o-wang", "o-chen", "o-zhao", "o-liu", "o-guest"):
        villager_factory(openid).says("你好")
    villager_factory("o-zhao").says("退订")
    villager_factory("o-liu").unfollows()
    return bot


def run(bot, capsys, *argv):
    args = build_parser().parse_args(["broadcast", *argv])
    code = broadcasts.cmd_broadcast(args, bot)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def outbox(bot, broadcast_id):
    return {
        r["openid"]: r
        for r in bot.db.query(
            "SELECT * FROM outbox WHERE kind = 'broadcast' AND dedupe_key LIKE ?", [f"broadcast:{broadcast_id}:%"]
        )
    }


def test_dry_run_shows_count_and_preview_and_sends_nothing(county, capsys):
    code, out = run(county, capsys, "--segment", "village:埔心村", "--text", "周六上午9点村委会集合种树", "--dry-run")
    assert code == 0
    assert (
        "收件范围：村社区：埔心村，共 2 人" in out and "张书记（埔心村）" in out and "周六上午9点村委会集合种树" in out
    )
    assert "试运行：没有发送" in out and "village:" not in out
    assert county.db.execute("SELECT COUNT(*) FROM outbox WHERE kind = 'broadcast'").fetchone()[0] == 0
    assert county.db.execute("SELECT COUNT(*) FROM broadcasts").fetchone()[0] == 0


@pytest.mark.parametrize(
    "segment, expected",
    [
        ("all", {"o-sec", "o-wang", "o-chen", "o-guest"}),  # not 退订, not unfollowed
        ("village:东村", {"o-chen"}),
        ("town:太平镇", {"o-sec", "o-wang"}),
        ("role:村书记", {"o-sec"}),
        ("below-quota", {"o-sec", "o-chen"}),  # 王大爷's household has its tree
        ("unregistered", {"o-guest"}),
    ],
)
def test_segments(county, segment, expected):
    assert broadcasts.plan(county.db, county.config, segment).count == len(expected)
    bid = broadcasts.create(county.db, county.config, segment=segment, text="通知", now=county.clock())
    broadcasts.start_due_broadcasts(county, county.clock())
    assert set(outbox(county, bid)) == expected


def test_send_now_records_every_recipient_and_a_second_tick_sends_nothing(county, capsys, standin):
    code, out = run(county, capsys, "--segment", "all", "--text", "明天植树节，欢迎大家参加！")
    assert code == 0 and "群发 #1 已开始：4 条消息排队" in out
    scheduler.run_due(county, county.clock())
    scheduler.run_due(county, county.clock())
    rows = outbox(county, 1)
    assert {r["status"] for r in rows.values()} == {"sent"} and {r["channel"] for r in rows.values()} == {"cs"}
    assert [m["text"] for m in standin.messages_to("o-guest")] == ["明天植树节，欢迎大家参加！"]
    assert standin.messages_to("o-zhao") == [] and standin.messages_to("o-liu") == []
    code, out = run(county, capsys, "--list")
    assert "#1 started 全部关注者" in out and "sent/cs 4" in out


def test_scheduled_broadcast_can_be_cancelled_before_it_starts(county, capsys, standin):
    code, out = run(county, capsys, "--segment", "all", "--text", "第一条", "--at", "2027-03-03T10:00")
    assert code == 0 and "群发 #1 定于 2027-03-03 10:00（Asia/Shanghai）发送" in out
    run(county, capsys, "--segment", "role:党员", "--text", "第二条", "--at", "2027-03-03T10:00")
    code, out = run(county, capsys, "--cancel", "1")
    assert code == 0 and "原状态 scheduled" in out
    scheduler.run_due(county, at("2027-03-03T09:59"))
    assert outbox(county, 2) == {}
    scheduler.run_due(county, at("2027-03-03T10:00"))
    scheduler.run_due(county, at("2027-03-03T10:00"))
    assert outbox(county, 1) == {} and list(outbox(county, 2)) == ["o-chen"]
    texts = [m["text"] for m in standin.messages_to("o-chen")]
    assert "第二条" in texts and "第一条" not in texts
    assert run(county, capsys, "--cancel", "99")[0] == 1


def test_a_started_broadcast_cancels_what_is_not_sent_yet_and_quiet_hours_hold_it(county, capsys, standin):
    county.clock.set("2027-03-02T22:30")
    run(county, capsys, "--segment", "all", "--text", "夜里发的通知")
    rows = outbox(county, 1)
    assert {r["next_attempt_at"] for r in rows.values()} == {clock.to_db(at("2027-03-03T08:00"))}
    scheduler.run_due(county, at("2027-03-02T23:00"))
    assert standin.messages_to("o-sec") == []
    code, out = run(county, capsys, "--cancel", "1")
    assert "撤回未发出的消息 4 条" in out
    scheduler.run_due(county, at("2027-03-03T08:00"))
    assert not [m for m in standin.sent if m.get("text") == "夜里发的通知"]


def test_a_segment_that_matches_nobody_is_refused_with_the_closest_names(county, capsys):
    code, out = run(county, capsys, "--segment", "village:埔心", "--text", "周六集合种树")
    assert code == 1
    assert "没有叫“埔心”的村社区。是不是：埔心村？" in out and "没有发送" in out
    code, out = run(county, capsys, "--segment", "village:浦心村", "--text", "x", "--dry-run")  # one character off
    assert code == 1 and "是不是：埔心村？" in out
    code, out = run(county, capsys, "--segment", "town:太平", "--text", "x")
    assert code == 1 and "没有叫“太平”的镇街。是不是：太平镇？" in out
    with transaction(county.db):
        county.db["villages"].insert({"id": 3, "name": "西村", "kind": "村", "town": "石门镇"})
    code, out = run(county, capsys, "--segment", "village:西村", "--text", "x")  # known, but nobody follows there
    assert code == 1 and "村社区：西村现在没有已关注、没退订的人" in out
    assert county.db.execute("SELECT COUNT(*) FROM broadcasts").fetchone()[0] == 0
    with pytest.raises(broadcasts.NoRecipients):
        broadcasts.create(county.db, county.config, segment="village:埔心", text="x", now=county.clock())


def test_bad_input_is_refused(county, capsys):
    code, out = run(county, capsys, "--segment", "village", "--text", "x")
    assert code == 2 and "输入有误，没有发送" in out
    assert run(county, capsys, "--segment", "role:村长", "--text", "x")[0] == 2
    assert run(county, capsys, "--segment", "all", "--text", "  ")[0] == 2
    assert run(county, capsys, "--segment", "all")[0] == 2


def test_mass_send_by_tag_within_the_service_account_limit(county, capsys, standin):
    for n in range(4):
        county.clock.set(f"2027-03-{10 + n:02d}T10:00")
        code, out = run(county, capsys, "--segment", "village:埔心村", "--text", f"群发{n}", "--mass-tag", "7")
        assert "2 条消息" in out
    assert [m["text"] for m in standin.sent if m["kind"] == "mass"] == ["群发0", "群发1", "群发2", "群发3"]
    assert {r["channel"] for r in outbox(county, 4).values()} == {"mass"}
    # a fifth this month would exceed 服务号's 4 per follower: one message per follower instead
    county.clock.set("2027-03-20T10:00")
    run(county, capsys, "--segment", "village:埔心村", "--text", "群发4", "--mass-tag", "7")
    assert len([m for m in standin.sent if m["kind"] == "mass"]) == 4
    assert {r["status"] for r in outbox(county, 5).values()} == {"queued"}
    assert "mass send refused" in broadcasts.list_broadcasts(county.db)[0]["note"]
    # next month the limit starts again
    county.clock.set("2027-04-01T10:00")
    run(county, capsys, "--segment", "village:埔心村", "--text", "四月群发", "--mass-tag", "7")
    assert standin.sent[-1]["kind"] == "mass" and standin.sent[-1]["text"] == "四月群发"


def test_subscription_account_mass_sends_once_a_day(tmp_path, standin):
    from bot.app import create_app
    from tests.conftest import make_config

    bot = create_app(make_config(tmp_path, standin, **{"wechat.account_type": "订阅号"})).extensions["bot"]
    now = at("2027-03-02T10:00")
    with transaction(bot.db):
        bot.db["users"].insert({"openid": "o-follower", "subscribed": 1, "reminders_off": 0})
    ids = [
        broadcasts.create(bot.db, bot.config, segment="all", text=f"第{n}条", now=now, mass_tag_id=3) for n in (1, 2)
    ]
    broadcasts.start_due_broadcasts(bot, now)
    rows = {r["id"]: r for r in broadcasts.list_broadcasts(bot.db)}
    assert (rows[ids[0]]["channel"], rows[ids[1]]["channel"]) == ("mass", "outbox")
    assert "per day" in rows[ids[1]]["note"]
    bot.databases.close_all()
