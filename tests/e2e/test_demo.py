"""`python run.py demo`: a believable county in an empty database; refused on a non-empty one."""

from __future__ import annotations

import contextlib
import io
import math
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from werkzeug.security import check_password_hash

from bench.harness import write_config
from bot import cli, clock, demo, outbox, photos, reports, schedule
from bot import config as config_mod
from bot.app import create_app
from bot.db import transaction
from bot.simulator import Signer, WeChatUser
from bot.standin import WeChatStandIn
from bot.store import admins
from tests.conftest import APP_ID, ROOT, make_config, transport_for
from tests.e2e.dashboard_seed import login


def one(bot, sql, params=()):
    return next(iter(bot.db.execute(sql, params).fetchone()), None)


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    """One demo county for the tests that only read it (building it takes a few seconds)."""
    with WeChatStandIn(appid=APP_ID) as standin:
        flask_app = create_app(make_config(tmp_path_factory.mktemp("demo"), standin))
        context = flask_app.extensions["bot"]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert demo.cmd_demo(SimpleNamespace(scale=1), context) == 0
        yield flask_app, context, out.getvalue()
        context.databases.close_all()


@pytest.fixture
def county(demo_app):
    return demo_app[2]


@pytest.fixture
def demo_bot(demo_app):
    return demo_app[1]


def test_demo_fills_an_empty_database_with_a_living_county(county, demo_bot):
    assert "50个村社区" in county
    assert one(demo_bot, "SELECT COUNT(DISTINCT town) FROM villages") >= 4
    kinds = dict(demo_bot.db.execute("SELECT kind, COUNT(*) FROM villages GROUP BY kind").fetchall())
    assert kinds["村"] >= 30 and kinds["社区"] >= 2
    for lat, lng in demo_bot.db.execute("SELECT lat, lng FROM villages").fetchall():
        assert math.dist((lat, lng), (23.1, 114.4)) < 0.3
    roles = {r for (r,) in demo_bot.db.execute("SELECT DISTINCT role FROM people")}
    assert roles == {"群众", "党员", "村干部", "村书记", "领导", "主要领导", "技术顾问", "管理员"}
    assert one(demo_bot, "SELECT COUNT(*) FROM adviser_villages") == 50
    assert one(demo_bot, "SELECT COUNT(*) FROM people p JOIN users u ON u.openid = p.openid") > 500
    flags = {f for (f,) in demo_bot.db.execute("SELECT DISTINCT flags FROM plantings WHERE flags != ''")}
    assert flags == {"duplicate_photo", "far_from_village", "unknown_species"}
    reviews = {r for (r,) in demo_bot.db.execute("SELECT DISTINCT review FROM plantings")}
    assert reviews == {"none", "pending", "approved", "rejected", "spot_check"}
    verified = one(
        demo_bot, "SELECT AVG(review IN ('none', 'spot_check', 'approved')) FROM plantings WHERE status = 'complete'"
    )
    assert verified > 0.95  # the county's records mostly pass every check
    months = {
        m
        for (m,) in demo_bot.db.execute(
            "SELECT DISTINCT substr(completed_at, 6, 2) FROM plantings WHERE status = 'complete'"
        )
    }
    assert {"02", "03", "04", "05"} <= months
    assert one(demo_bot, "SELECT COUNT(*) FROM plantings WHERE kind = 'plot' AND area_mu > 0") >= 40
    assert one(demo_bot, "SELECT COUNT(*) FROM plantings WHERE site = '示范点'") >= 20
    assert one(demo_bot, "SELECT COUNT(*) FROM survival_checks") > 1000
    statuses = {s for (s,) in demo_bot.db.execute("SELECT DISTINCT status FROM tickets")}
    assert statuses == {"open", "answered"}
    assert one(demo_bot, "SELECT COUNT(*) FROM outbox WHERE kind = 'answer' AND status = 'sent'") > 0


def test_demo_photos_are_stored_media_with_thumbnails(county, demo_bot):
    rows = demo_bot.db.execute(
        "SELECT m.status, m.path, ph.sha256 FROM planting_photos ph"
        " JOIN media m ON m.id = ph.media_row_id ORDER BY ph.id LIMIT 300"
    ).fetchall()
    assert {status for status, _, _ in rows} == {"stored"}
    shas = {sha for _, _, sha in rows}
    assert len(shas) >= 100  # distinct scenes
    for _, path, sha in rows[:20]:
        assert (demo_bot.config.photos_dir / path).is_file()
        assert photos.thumb_path(demo_bot.config.photos_dir, sha).is_file()
        assert photos.find_photo(demo_bot.config.photos_dir, sha) is not None


def test_demo_prints_an_admin_login_that_works(county, demo_bot):
    password = county.split("admin / ")[1].split()[0]
    assert check_password_hash(admins.by_username(demo_bot.db, "admin")["password_hash"], password)


def test_demo_county_follows_the_seed_schedule_with_villages_on_time_late_and_lagging(county, demo_bot):
    def statuses(month):
        return Counter(r.status for r in reports.build_report(demo_bot, 2027, month).rows)

    assert set(statuses(1)) == {schedule.ON_TRACK, schedule.LAGGING}  # most plans filed by 1月底
    february = statuses(2)
    assert february[schedule.COMPLETE] > 25 and february[schedule.LAGGING] > 5
    march = statuses(3)
    assert march[schedule.COMPLETE] > 25 and march[schedule.LAGGING_TWICE] > 3
    assert one(demo_bot, "SELECT COUNT(DISTINCT village_id) FROM milestones WHERE milestone = 'plan'") >= 45
    assert one(demo_bot, "SELECT COUNT(*) FROM milestones WHERE milestone = 'demo_site' AND status = 'confirmed'") >= 30
    assert one(demo_bot, "SELECT COUNT(*) FROM milestones WHERE milestone = 'holes'") >= 30


def test_a_demo_villager_can_ask_for_progress(demo_app, demo_bot):
    openid = one(
        demo_bot,
        "SELECT p.openid FROM people p JOIN plantings pl ON pl.person_id = p.id"
        " WHERE p.role = '党员' AND p.openid IS NOT NULL LIMIT 1",
    )
    wechat = demo_bot.config.section("wechat")
    member = WeChatUser(transport_for(demo_app[0]), Signer(wechat["token"], "", wechat["app_id"]), openid=openid)
    assert "的进度" in member.says("我的进度")


def test_demo_refuses_a_database_that_has_villages(bot, capsys):
    bot.db["villages"].insert({"name": "埔心村", "kind": "村"})
    assert demo.cmd_demo(SimpleNamespace(scale=1), bot) == 1
    assert "已拒绝" in capsys.readouterr().err
    assert one(bot, "SELECT COUNT(*) FROM villages") == 1
    assert one(bot, "SELECT COUNT(*) FROM plantings") == 0
    assert admins.by_username(bot.db, "admin") is None


def test_demo_keeps_an_existing_admin_password(bot):
    admins.upsert(bot.db, "admin", "hash-kept", "admin", "2027-01-01T00:00:00")
    made = dict(demo.ensure_logins(bot.db))
    assert made["admin"] is None and made["wang"]
    assert admins.by_username(bot.db, "admin")["password_hash"] == "hash-kept"


def test_the_demo_is_dated_in_the_campaign_year_whatever_today_is(demo_bot):
    last = clock.to_db(demo.demo_day(demo_bot.config))
    assert last.startswith("2027-05-31")
    for table, column in (
        ("plantings", "created_at"),
        ("tickets", "created_at"),
        ("outbox", "created_at"),
        ("users", "subscribed_at"),
        ("villages", "created_at"),
        ("people", "created_at"),
    ):
        first, latest = demo_bot.db.execute(f"SELECT MIN({column}), MAX({column}) FROM {table}").fetchone()
        assert "2027-01-01" <= first and latest <= last, (table, first, latest)


def test_the_dashboard_shows_the_demo_as_of_its_last_day(demo_app, county):
    client = demo_app[0].test_client()
    login(client, "admin", county.split("admin / ")[1].split()[0])
    html = client.get("/admin/tickets").get_data(as_text=True)
    assert "数据截至 2027-05-31" in html
    assert "天前</time>" in html or "2027-0" in html  # ages counted back from 31 May, never from the future
    assert "刚刚" not in html


def test_the_guide_people_and_logins_are_there_and_in_the_readme(demo_bot, county):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    people = demo.guide_people(demo_bot.db)
    assert [p["openid"] for p in people] == [
        "demo-villager",
        "demo-secretary",
        "demo-adviser",
        "demo-office",
        "demo-member",
    ]
    for who in people:
        assert f"| {who['name']} | {who['village']} | {who['role']} | `{who['openid']}` |" in readme
        assert f"--openid {who['openid']}：{who['name']}，{who['village']}，{who['role']}" in county
    wang = admins.by_username(demo_bot.db, "wang")
    adviser = next(p for p in people if p["openid"] == "demo-adviser")
    assert wang["role"] == "adviser" and (wang["display_name"], wang["title"]) == ("王工", "县林业站")
    assert (
        demo_bot.db.execute("SELECT name FROM people WHERE id = ?", [wang["person_id"]]).fetchone()[0]
        == adviser["name"]
    )
    for username in demo.LOGINS:
        assert f"`{username}`" in readme and f"后台登录：{username} / " in county


def test_the_demos_certificates_went_out_in_the_season(demo_bot, county):
    issued = one(demo_bot, "SELECT COUNT(*) FROM certificates")
    assert issued > 1000 and f"证书{issued}张" in county
    assert one(demo_bot, "SELECT COUNT(*) FROM certificates WHERE sent_at IS NULL") == 0  # none waits to be sent
    assert one(demo_bot, "SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'cert:%'") == 0  # nor was sent again


def demo_copy(demo_bot, folder: Path) -> Path:
    """A copy of the demo database beside its own config file (the commands a newcomer runs change it)."""
    folder.mkdir()
    target = sqlite3.connect(folder / "bot.db")
    demo_bot.db.conn.backup(target)
    target.close()
    return write_config(folder, {"storage.database": str(folder / "bot.db"), "storage.photos": str(folder / "photos")})


def test_chat_starts_for_every_demo_person_with_messages_and_certificates_waiting(demo_bot, tmp_path):
    """`run.py chat` as each of the README's demo people, with a text and a picture waiting for them and a county
    whose certificates all wait to be sent (as the demo once left them): each prints what waits and exits, it does
    not draw and send the whole county's certificates first (which took most of an hour: the chat seemed to hang)."""
    config_path = demo_copy(demo_bot, tmp_path / "county")
    copy = create_app(config_mod.load(config_path)).extensions["bot"]
    people = [p["openid"] for p in demo.guide_people(copy.db)]
    picture = tmp_path / "picture.png"
    Image.new("RGB", (60, 80), (30, 120, 40)).save(picture, "PNG")
    with transaction(copy.db):
        copy.db.execute("UPDATE certificates SET sent_at = NULL")
        for openid in people:
            for kind, image in (("answer", None), ("notice", str(picture))):
                outbox.enqueue(
                    copy.db,
                    openid=openid,
                    kind=kind,
                    text=f"给{openid}的{kind}",
                    dedupe_key=f"test:{openid}:{kind}",
                    now=copy.clock(),
                    image=image,
                )
    waiting = one(copy, "SELECT COUNT(*) FROM certificates")
    env = {**os.environ, "BOT_NOW": "2027-03-20T10:00:00+08:00"}
    chats = {  # four people at four terminals
        openid: subprocess.Popen(
            [sys.executable, str(ROOT / "run.py"), "--config", str(config_path), "chat", "--openid", openid],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for openid in people
    }
    try:
        outputs = {openid: chat.communicate("/quit\n", timeout=120) for openid, chat in chats.items()}  # or a hang
    finally:
        for chat in chats.values():
            chat.kill()
    for openid, (out, err) in outputs.items():
        assert chats[openid].returncode == 0, err
        assert "消息在等您" in out and f"给{openid}的answer" in out and f"给{openid}的notice" in out, out
        statuses = {
            r["status"]
            for r in copy.db.query(
                "SELECT status FROM outbox WHERE openid = ? AND (dedupe_key LIKE 'test:%' OR dedupe_key LIKE 'cert:%')",
                [openid],
            )
        }
        assert statuses <= {"sent", "held"}, (openid, statuses)  # each one was tried (the others' chats queue more)
        mine = [
            r["sent_at"]
            for r in copy.db.query(
                "SELECT c.sent_at FROM certificates c JOIN people p ON p.id = c.person_id WHERE p.openid = ?", [openid]
            )
        ]
        assert all(mine) and ("证书" in out or not mine), openid  # the chat user's own certificate went out
        waiting -= len(mine)
    assert one(copy, "SELECT COUNT(*) FROM certificates WHERE sent_at IS NULL") == waiting > 1000  # the rest wait
    copy.databases.close_all()


def test_a_deployment_keeps_its_files_beside_its_config_wherever_a_command_starts(standin, tmp_path, monkeypatch):
    """`run.py --config ../deploy/config.toml demo` (then `qrcodes`, `chat`) from another folder, with the committed
    relative paths (data/bot.db, data/photos) and a log file: everything lands in deploy/, nothing in the working
    directory (the QR codes once went to ./data/qrcodes: storage.database read as written, not as a path)."""
    deploy, elsewhere = tmp_path / "deploy", tmp_path / "elsewhere"
    write_config(
        deploy,
        {
            "wechat.api_base_url": standin.url,
            "wechat.app_id": standin.appid,
            "wechat.app_secret": standin.secret,
            "logging.file": "data/logs/bot.log",
        },
    )
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = ["--config", "../deploy/config.toml"]
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli.main([*config, "demo"]) == 0
        assert cli.main([*config, "qrcodes"]) == 0
    chat = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *config, "chat", "--openid", "demo-villager"],
        input="我的信息\n/quit\n",  # the demo villager 陈大伯 of the database in deploy/
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=120,
    )
    assert chat.returncode == 0 and "陈大伯" in chat.stdout, chat.stderr
    data = deploy / "data"
    assert one(SimpleNamespace(db=sqlite3.connect(data / "bot.db")), "SELECT COUNT(*) FROM villages") == 50
    assert any((data / "photos").rglob("*.jpg")) and (data / "logs" / "bot.log").is_file()
    assert len(list((data / "qrcodes").glob("*.png"))) == 50
    assert list(elsewhere.iterdir()) == []
