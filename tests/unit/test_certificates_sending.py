"""bot/certificates.py's services on a real SQLite file: the picture (drawn once, kept, none without a Chinese font,
the warning said once), what is queued to whom and when (picture and line, after quiet hours, once), the job that
issues and sends (one user's share too), a season loaded as sent, 我的证书 and an award's 荣誉证书; each test named for
the rule it pins (issue 20, whole-module mutation score). Only one test draws pictures (two; seconds on a busy machine):
the others give the certificate its picture file beforehand, or run without a font."""

from __future__ import annotations

import logging
import shutil
from datetime import UTC, datetime

import pytest

from bench.harness import write_config
from bot import certificate_image, certificates
from bot import config as config_mod
from bot.app import create_context
from bot.store import certificates as store
from bot.store import roster as roster_store
from tests.conftest import Clock, app_over_file, chat_context, needs_cjk_font
from tests.unit import chat

STAMP = "2027-03-01T02:00:00"
NOW = datetime(2027, 3, 10, 2, tzinfo=UTC)  # 10:00 in Shanghai
QUIET = datetime(2027, 3, 10, 14, tzinfo=UTC)  # 22:00: quiet hours until 08:00
PNG = b"\x89PNG\r\n\x1a\n"


def county(app):
    """埔心村: 陈党员 (党员, quota 1, bound), 陈书记 (村书记, quota 3, not bound), 李大 and 李二 (群众, household 李家, 李大
    bound)."""
    db = app.db
    with db.conn:
        village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
        for name, role, household, openid in (
            ("陈党员", "党员", "陈", "o-party"),
            ("陈书记", "村书记", "书记", None),
            ("李大", "群众", "李家", "o-li"),
            ("李二", "群众", "李家", None),
        ):
            person = roster_store.insert_person(
                db, {"name": name, "village_id": village, "role": role, "household": household}, STAMP
            )
            if openid:
                roster_store.bind_openid(db, person, openid, STAMP, via="roster")
                db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
    app.clock = Clock()
    app.clock.set(NOW)
    return app


@pytest.fixture
def app(tmp_path):
    with app_over_file(tmp_path) as app:
        yield county(app)


@pytest.fixture
def fontless(tmp_path):
    """The same county with certificates.font naming a file that is no font: no picture can be drawn."""
    with app_over_file(tmp_path, **{"certificates.font": str(tmp_path / "missing.ttf")}) as app:
        yield county(app)


def person_id(app, name: str) -> int:
    return next(app.db.query("SELECT id FROM people WHERE name = ?", [name]))["id"]


def plant(app, name: str, count: int = 1, at: str = STAMP) -> int:
    record = {"openid": "o", "person_id": person_id(app, name), "village_id": 1, "kind": "tree", "count": count}
    done = {"species": "荔枝", "status": "complete", "review": "none", "created_at": at, "completed_at": at}
    with app.db.conn:
        return app.db["plantings"].insert({**record, **done, "updated_at": at}).last_pk


def issued(app, name: str) -> dict:
    plant(app, name)
    with app.db.conn:
        cert = certificates.ensure_quota_certificate(app, app.db, person_id(app, name), NOW)
    assert cert is not None
    return cert


def with_picture(app, cert: dict) -> dict:
    """The certificate's picture on disk already (as a first draw leaves it): nothing is drawn again."""
    path = certificates.image_path(app, cert)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG + b"kept")
    return cert


def queued(app) -> list[tuple]:
    return [
        (r["openid"], r["kind"], r["text"], r["dedupe_key"], r["next_attempt_at"], r["url"], r["image"])
        for r in app.db.query("SELECT * FROM outbox ORDER BY id")
    ]


# -- the picture ---------------------------------------------------------------------------------------------
@needs_cjk_font
def test_picture_rule_drawn_once_into_its_serials_file_and_kept_with_the_certificate(app):
    cert = issued(app, "陈党员")
    path = app.config.photos_dir / "certificates" / f"{cert['serial']}.png"
    assert certificates.image_path(app, cert) == path
    with app.db.conn:
        assert certificates.image_of(app, app.db, cert) == path
    assert path.read_bytes().startswith(PNG) and list(path.parent.iterdir()) == [path]  # no .part left
    assert store.get(app.db, cert["id"])["image"] == str(path)
    second = issued(app, "李大")  # into the folder the first one made
    assert certificates.draw(app, second) == path.with_name(f"{second['serial']}.png")
    assert sorted(p.name for p in path.parent.iterdir()) == ["LM27-00001.png", "LM27-00002.png"]


def test_picture_rule_a_picture_on_disk_is_not_drawn_again(fontless):
    cert = with_picture(fontless, issued(fontless, "陈党员"))
    path = certificates.image_path(fontless, cert)
    assert certificates.draw(fontless, cert) == path and path.read_bytes() == PNG + b"kept"
    with fontless.db.conn:
        certificates.image_of(fontless, fontless.db, cert)
    kept = store.get(fontless.db, cert["id"])
    assert kept["image"] == str(path)
    writes = fontless.db.conn.total_changes
    with fontless.db.conn:
        assert certificates.image_of(fontless, fontless.db, kept) == path
    assert fontless.db.conn.total_changes == writes  # kept already: nothing written


def test_picture_rule_without_a_chinese_font_there_is_none_and_the_log_says_so_once(fontless, caplog):
    cert = issued(fontless, "陈党员")
    with caplog.at_level(logging.WARNING, logger="bot.certificates"), fontless.db.conn:
        assert certificates.image_of(fontless, fontless.db, cert) is None
        assert certificates.draw(fontless, cert) is None
    assert not certificates.image_path(fontless, cert).parent.exists()
    assert store.get(fontless.db, cert["id"])["image"] is None
    [warning] = [r for r in caplog.records if r.name == "bot.certificates"]
    assert warning.getMessage() == (
        "no Chinese (CJK) font found: certificates are sent as a link only. Install one (Debian/Ubuntu: apt-get"
        " install fonts-wqy-microhei) or set certificates.font"
    )


@needs_cjk_font
def test_picture_rule_a_font_found_is_said_nothing_of(app, caplog):
    with caplog.at_level(logging.WARNING, logger="bot.certificates"):
        assert certificates.font(app) == certificate_image.find_cjk_font("")
    assert [r for r in caplog.records if r.name == "bot.certificates"] == []


@needs_cjk_font
def test_picture_rule_a_font_file_is_found_beside_the_config_wherever_the_bot_starts(tmp_path, monkeypatch):
    """certificates.font = "fonts/…" is in the config file's folder (as storage.database is), not the working one."""
    system_font = certificate_image.find_cjk_font("")
    assert system_font is not None
    folder = tmp_path / "deploy"
    (folder / "fonts").mkdir(parents=True)
    shutil.copy(system_font, folder / "fonts" / system_font.name)
    config = write_config(folder, {"certificates.font": f"fonts/{system_font.name}"})
    monkeypatch.chdir(tmp_path)
    app = create_context(config_mod.load(config, env={}))
    try:
        assert certificates.font(app) == folder / "fonts" / system_font.name
    finally:
        app.databases.close_all()


# -- sending -------------------------------------------------------------------------------------------------
def test_send_rule_the_picture_then_the_line_to_each_holder_once(app):
    cert = with_picture(app, issued(app, "陈党员"))
    with app.db.conn:
        assert certificates.send(app, app.db, cert, ["o-party", "o-li"], NOW) == 2
        assert certificates.send(app, app.db, cert, ["o-party"], NOW) == 0  # queued already
    url = app.config.get("server.public_url").rstrip("/") + certificates.page_path(cert)
    line = app.t("certificates.issued_quota", name="陈党员", serial=cert["serial"], url=url)
    image_text = f"（证书图片 {cert['serial']}）"
    path, now = str(certificates.image_path(app, cert)), "2027-03-10T02:00:00"
    key = f"cert:{cert['id']}"
    assert queued(app) == [
        ("o-party", "notice", image_text, f"{key}:o-party:image", now, None, path),
        ("o-party", "notice", line, f"{key}:o-party:text", now, certificates.page_path(cert), None),
        ("o-li", "notice", image_text, f"{key}:o-li:image", now, None, path),
        ("o-li", "notice", line, f"{key}:o-li:text", now, certificates.page_path(cert), None),
    ]
    assert store.get(app.db, cert["id"])["sent_at"] == now


def test_send_rule_in_quiet_hours_both_wait_for_the_morning(app):
    cert = with_picture(app, issued(app, "陈党员"))
    with app.db.conn:
        certificates.send(app, app.db, cert, ["o-party"], QUIET)
    morning = "2027-03-11T00:00:00"  # 08:00 in Shanghai
    assert [(row[3].rsplit(":", 1)[1], row[4]) for row in queued(app)] == [("image", morning), ("text", morning)]
    assert store.get(app.db, cert["id"])["sent_at"] == "2027-03-10T14:00:00"


def test_send_rule_without_a_font_the_line_goes_alone(fontless):
    cert = issued(fontless, "陈党员")
    with fontless.db.conn:
        assert certificates.queue_image(fontless, fontless.db, cert, "o-party", "k", NOW) is False
        assert certificates.send(fontless, fontless.db, cert, ["o-party"], NOW) == 1
    assert [row[3] for row in queued(fontless)] == [f"cert:{cert['id']}:o-party:text"]


# -- the job ---------------------------------------------------------------------------------------------------
def test_job_rule_issued_when_earned_and_sent_to_the_bound_holder(app, caplog):
    plant(app, "陈党员")
    plant(app, "陈书记", 3)  # earns one; not bound to WeChat: nothing to send, still marked sent
    for serial in ("LM27-00001", "LM27-00002"):
        with_picture(app, {"serial": serial})
    with caplog.at_level(logging.INFO, logger="bot.certificates"):
        assert certificates.issue_due(app, NOW) == {"issued": 2, "sent": 1}
    assert [r.getMessage() for r in caplog.records if r.name == "bot.certificates"] == ["certificates issued: 2"]
    assert [(row[0], row[3].rsplit(":", 1)[1]) for row in queued(app)] == [("o-party", "image"), ("o-party", "text")]
    assert [c["sent_at"] for c in store.of_people(app.db, [person_id(app, "陈党员"), person_id(app, "陈书记")])] == [
        "2027-03-10T02:00:00",
        "2027-03-10T02:00:00",
    ]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.certificates"):
        assert certificates.issue_due(app, NOW) == {"issued": 0, "sent": 0}
    assert caplog.records == []


def test_job_rule_one_users_share_sends_only_theirs(fontless):
    plant(fontless, "陈党员")
    plant(fontless, "李大")
    assert certificates.issue_due(fontless, NOW, openid="o-li") == {"issued": 2, "sent": 1}
    assert [row[0] for row in queued(fontless)] == ["o-li"]
    [waiting] = store.unsent(fontless.db)
    assert waiting["name"] == "陈党员"
    assert certificates.issue_due(fontless, NOW) == {"issued": 0, "sent": 1}
    assert store.unsent(fontless.db) == []


def test_job_rule_a_season_loaded_at_once_is_issued_as_sent_without_a_message(fontless):
    plant(fontless, "陈党员")
    plant(fontless, "李二")
    later = datetime(2027, 6, 1, 2, tzinfo=UTC)  # after the program clock's now
    assert certificates.issue_as_sent(fontless, later) == 2
    assert queued(fontless) == []
    assert {c["sent_at"] for c in fontless.db.query("SELECT sent_at FROM certificates")} == {"2027-06-01T02:00:00"}
    assert store.checked_until(fontless.db, certificates.JOB_CHECKS) == "2027-03-10T02:00:00"  # the earlier
    assert certificates.issue_as_sent(fontless, datetime(2027, 3, 1, 2, tzinfo=UTC)) == 0
    assert store.checked_until(fontless.db, certificates.JOB_CHECKS) == "2027-03-01T02:00:00"


# -- 我的证书 --------------------------------------------------------------------------------------------------
def test_mine_rule_one_earned_now_is_issued_then_and_counts_as_sent(fontless):
    plant(fontless, "陈党员")
    ctx = chat_context(fontless, "o-party", NOW, "我的证书")
    with fontless.db.conn:
        genuine, revoked = certificates.mine(ctx)
    [cert] = genuine
    assert (cert["name"], revoked) == ("陈党员", [])
    assert store.get(fontless.db, cert["id"])["sent_at"] == "2027-03-10T02:00:00"
    assert store.unsent(fontless.db) == []


def test_mine_rule_genuine_and_revoked_apart(fontless):
    first = issued(fontless, "陈党员")
    with fontless.db.conn:
        store.revoke(fontless.db, first["id"], "office", STAMP)
    ctx = chat_context(fontless, "o-party", NOW, "我的证书")
    with fontless.db.conn:
        genuine, revoked = certificates.mine(ctx)  # a new one: their verified trees still reach the quota
    assert [c["id"] for c in revoked] == [first["id"]]
    assert [c["id"] for c in genuine] == [first["id"] + 1]


def test_mine_rule_the_pictures_again_once_per_message(app):
    cert = with_picture(app, issued(app, "陈党员"))
    ctx = chat_context(app, "o-party", NOW, "我的证书")
    with app.db.conn:
        assert certificates.send_again(ctx, [cert]) == 1
        certificates.send_again(ctx, [cert])  # the same message handled again (a retry): queued once
    assert queued(app) == [
        (
            "o-party",
            "notice",
            f"（证书图片 {cert['serial']}）",
            f"cert:{cert['id']}:again:0:image",
            "2027-03-10T02:00:00",
            None,
            str(certificates.image_path(app, cert)),
        )
    ]


def test_mine_rule_in_chat_the_lines_of_the_genuine_ones(fontless):
    cert = issued(fontless, "陈党员")
    url = fontless.config.get("server.public_url").rstrip("/") + certificates.page_path(cert)
    assert chat.says(fontless, "o-party", "我的证书") == f"您的植绿尽责证书（编号{cert['serial']}）：{url}"


# -- awards ----------------------------------------------------------------------------------------------------
def award(app, person: str | None, openids: list[str]) -> dict:
    with app.db.conn:
        return certificates.issue_award(
            app,
            app.db,
            award_id=7,
            person_id=person_id(app, person) if person else None,
            village_id=1,
            name=person or "埔心村",
            title="最美植绿人",
            period="2027年6月",
            openids=openids,
            now=NOW,
        )


def test_award_rule_a_persons_certificate_names_their_village_and_goes_at_once(fontless):
    cert = award(fontless, "陈党员", ["o-party"])
    assert {k: cert[k] for k in ("kind", "person_id", "village_id", "award_id", "name", "village", "title")} == {
        "kind": "award",
        "person_id": person_id(fontless, "陈党员"),
        "village_id": 1,
        "award_id": 7,
        "name": "陈党员",
        "village": "埔心村",
        "title": "最美植绿人",
    }
    assert (cert["period"], cert["trees"], cert["species"], cert["year"]) == ("2027年6月", None, None, 2027)
    assert cert["serial"] == f"LM27-{cert['id']:05d}" and certificates.looks_like_token(cert["token"])
    assert (cert["issued_at"], store.records_of(fontless.db, cert["id"])) == ("2027-03-10T02:00:00", [])
    url = fontless.config.get("server.public_url").rstrip("/") + certificates.page_path(cert)
    line = fontless.t("certificates.issued_award", name="陈党员", title="最美植绿人", serial=cert["serial"], url=url)
    assert [(row[0], row[2]) for row in queued(fontless)] == [("o-party", line)]
    assert store.get(fontless.db, cert["id"])["sent_at"] == "2027-03-10T02:00:00"


def test_award_rule_a_villages_certificate_names_no_village_under_it(fontless):
    cert = award(fontless, None, [])
    assert (cert["name"], cert["village"], cert["person_id"]) == ("埔心村", "", None)
