"""bot/adoption.py's services on a real SQLite file: the list kept for 认养 <编号> and 更多, a record's public page,
its photos over time (its own, survival checks, cadres' updates, the 管护 photos of a zone that reaches it), 我的树,
a cadre's 更新, and the notice a new photo sends to the adopters (to whom, when not, once); each test named for the
rule it pins (issue 20, whole-module mutation score)."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from bot import adoption
from bot.conversation import State
from bot.store import adoption as store
from bot.store import roster as roster_store
from tests.conftest import Clock, app_over_file, chat_context
from tests.unit import chat

STAMP = "2027-03-01T02:00:00"
NOW = datetime(2027, 3, 10, 2, tzinfo=UTC)  # 10:00 in Shanghai
NOW_S = "2027-03-10T02:00:00"
PLOT = {"lat": 23.101, "lng": 114.401}  # the 党建林 plot (record 1)


@contextmanager
def county(tmp_path, **overrides):
    """埔心村 with 陈书记 (村书记), 李四 and 王五 (群众), all bound; record 1: a verified 党建林 plot of 3 香樟 at PLOT;
    record 2: 李四's own tree by the house (approved); the program clock at NOW."""
    with app_over_file(tmp_path, **{"adoption.page_size": 1, **overrides}) as app:
        db = app.db
        with db.conn:
            village = roster_store.insert_village(db, {"name": "埔心村", "kind": "村"}, STAMP)
            people = {}
            for name, role, openid in (
                ("陈书记", "村书记", "o-cadre"),
                ("李四", "群众", "o-li"),
                ("王五", "群众", "o-wang"),
            ):
                people[name] = roster_store.insert_person(
                    db, {"name": name, "village_id": village, "role": role, "household": name}, STAMP
                )
                roster_store.bind_openid(db, people[name], openid, STAMP, via="roster")
                db["users"].insert({"openid": openid, "subscribed": 1, "reminders_off": 0}, replace=True)
            done = {"status": "complete", "created_at": STAMP, "completed_at": STAMP, "village_id": village}
            db["plantings"].insert_all(
                [
                    {"id": 1, "kind": "plot", "site": "党建林", "count": 3, "species": "香樟", "review": "none",
                     "openid": "o-cadre", "person_id": people["陈书记"], **PLOT, **done},
                    {"id": 2, "kind": "tree", "count": 1, "species": "桂花", "review": "approved", "openid": "o-li",
                     "person_id": people["李四"], **done},
                ]
            )  # fmt: skip
        app.clock = Clock()
        app.clock.set(NOW)
        yield app


@pytest.fixture
def app(tmp_path):
    with county(tmp_path) as app:
        yield app


def ctx(app, openid="o-li", text="认养"):
    return chat_context(app, openid, app.clock(), text)


def adopt(app, openid="o-li", planting_id=1, at=NOW):
    with app.db.conn:
        return adoption.adopt_one(chat_context(app, openid, at), store.slots(app.db, planting_id))


_media = iter(range(1, 1000))


def photo(app, sha256: str | None, at: str = STAMP, openid: str = "o-cadre", kind="image", status="stored") -> dict:
    """A photo as the media job leaves it (stored, with its sha256)."""
    n = next(_media)
    with app.db.conn:
        row_id = app.db["media"].insert(
            {"openid": openid, "kind": kind, "media_id": f"m-{n}-{sha256}", "status": status, "sha256": sha256,
             "created_at": at}
        ).last_pk  # fmt: skip
    return next(app.db.query("SELECT * FROM media WHERE id = ?", [row_id]))


def record_photo(app, planting_id, media, at):
    with app.db.conn:
        app.db["planting_photos"].insert({"planting_id": planting_id, "media_row_id": media["id"], "created_at": at})


def survival(app, planting_id, media, at, result="alive"):
    with app.db.conn:
        app.db["survival_checks"].insert(
            {"planting_id": planting_id, "media_row_id": media and media["id"], "result": result, "checked_at": at}
        )


def update(app, planting_id, media, at):
    with app.db.conn:
        store.add_plot_update(app.db, planting_id, 1, media["id"], at)


def zone_tending(app, media, at, lat=23.1, lng=114.4, radius_m=500.0):
    """A 管护 photo of a zone of 埔心村 centred at (lat, lng)."""
    with app.db.conn:
        zone = (
            app.db["zones"]
            .insert(
                {
                    "village_id": 1,
                    "name": f"片{media['id']}",
                    "lat": lat,
                    "lng": lng,
                    "radius_m": radius_m,
                    "created_at": STAMP,
                }
            )
            .last_pk
        )
        app.db["tending"].insert(
            {"zone_id": zone, "person_id": 2, "openid": "o-li", "media_row_id": media["id"], "created_at": at}
        )


# -- the list ------------------------------------------------------------------------------------------
def test_list_rule_the_records_shown_are_kept_for_the_number_and_more(app):
    with app.db.conn:
        adoption.remember_list(ctx(app), [{"id": 1}, {"id": 2}], 1)
    assert adoption.FLOW.state(ctx(app)) == State("listed", {"ids": [1, 2], "shown": 1})
    [row] = app.db.query("SELECT expires_at FROM conversations WHERE flow = 'adoption'")
    assert row["expires_at"] == "2027-03-10T02:30:00"  # conversation.timeout_minutes


def test_list_rule_in_chat_a_page_then_more_then_a_number(app):
    with app.db.conn:
        assert adoption.mark_adoptable(app.db, 2, 2, "office", STAMP) is None
    assert chat.says(app, "o-wang", "认养") == (
        "埔心村可认养的树（共2处，发“认养 编号”认养一棵）：\n1. 党建林·香樟，还可认养3棵\n还有1处，发“更多”看。"
    )
    assert chat.says(app, "o-wang", "更多").startswith("2. 村里的树·桂花，还可认养2棵")
    reply = chat.says(app, "o-wang", "认养 2")
    [adopted] = app.db.query("SELECT * FROM adoptions")
    assert (adopted["planting_id"], adopted["openid"], adopted["first_tree"]) == (2, "o-wang", 1)
    assert adoption.page_path(app.db, 2, NOW_S) in reply


# -- the public page -----------------------------------------------------------------------------------
def test_page_rule_a_token_made_on_first_use_and_kept(app):
    path = adoption.page_path(app.db, 1, NOW_S)
    token = path.removeprefix("/tree/")
    assert path.startswith("/tree/") and adoption.looks_like_token(token)
    assert adoption.page_path(app.db, 1, "2027-04-01T00:00:00") == path
    assert [(r["planting_id"], r["token"], r["created_at"]) for r in app.db.query("SELECT * FROM tree_pages")] == [
        (1, token, NOW_S)
    ]
    assert adoption.page_path(app.db, 2, NOW_S) != path


def test_page_rule_the_address_is_the_public_url_with_one_slash(app, tmp_path):
    assert adoption.page_url(app, app.db, 1, NOW_S) == "http://127.0.0.1:8080" + adoption.page_path(app.db, 1, STAMP)
    assert [r["created_at"] for r in app.db.query("SELECT created_at FROM tree_pages")] == [NOW_S]
    with county(tmp_path / "other", **{"server.public_url": "https://lvmei.example.org/"}) as slashed:
        url = adoption.page_url(slashed, slashed.db, 1, NOW_S)
    assert url.startswith("https://lvmei.example.org/tree/") and "//tree" not in url


def test_notice_rule_a_public_url_with_a_trailing_slash_gives_one_slash(tmp_path):
    with county(tmp_path, **{"server.public_url": "https://lvmei.example.org/"}) as slashed:
        adopt(slashed)
        media = photo(slashed, "new", at=NOW_S)
        record_photo(slashed, 1, media, NOW_S)
        assert tell(slashed, media) == 1
        [text] = [n[2] for n in notices(slashed)]
        path = adoption.page_path(slashed.db, 1, NOW_S)
    assert text.endswith("点开看：https://lvmei.example.org" + path)


# -- a record's photos over time ------------------------------------------------------------------------------
def test_photos_rule_every_source_oldest_first_each_photo_once(app):
    record_photo(app, 1, photo(app, "a"), "2027-03-01T02:00:00")
    survival(app, 1, photo(app, "b"), "2027-04-01T02:00:00")
    update(app, 1, photo(app, "c"), "2027-03-20T02:00:00")
    zone_tending(app, photo(app, "d"), "2027-03-10T02:00:00")
    zone_tending(app, photo(app, "a"), "2027-05-01T02:00:00")  # the same picture again: once, the first time
    zone_tending(app, photo(app, "far"), "2027-03-11T02:00:00", lat=23.2)  # a zone that does not reach the plot
    record_photo(app, 1, photo(app, None), "2027-03-02T02:00:00")  # not stored yet
    record = store.record(app.db, 1)
    assert [(p["sha256"], p["taken_at"], p["source"]) for p in adoption.photos_of(app.db, record)] == [
        ("a", "2027-03-01T02:00:00", "record"),
        ("d", "2027-03-10T02:00:00", "tending"),
        ("c", "2027-03-20T02:00:00", "update"),
        ("b", "2027-04-01T02:00:00", "survival"),
    ]


def test_photos_rule_a_photo_without_a_time_comes_first(app):
    record_photo(app, 1, photo(app, "late"), "2027-03-05T02:00:00")
    record_photo(app, 1, photo(app, "undated"), None)
    assert [p["sha256"] for p in adoption.photos_of(app.db, store.record(app.db, 1))] == ["undated", "late"]


def test_photos_rule_a_record_of_no_village_or_place_has_no_tending_photos(app):
    zone_tending(app, photo(app, "d"), "2027-03-10T02:00:00")
    record = store.record(app.db, 1)
    assert [p["source"] for p in adoption.photos_of(app.db, record)] == ["tending"]
    assert adoption.photos_of(app.db, {**record, "village_id": None}) == []
    assert adoption.photos_of(app.db, {**record, "lat": None}) == []


# -- 我的树 ------------------------------------------------------------------------------------------------
def test_my_trees_rule_planted_then_adopted_with_latest_photo_survival_and_page(app):
    adopt(app)
    record_photo(app, 2, photo(app, "own"), "2027-03-01T02:00:00")
    survival(app, 2, photo(app, "check"), "2027-04-01T02:00:00", result="alive")
    update(app, 2, photo(app, "newest"), "2027-04-05T02:00:00")
    survival(app, 1, None, "2027-04-02T02:00:00", result="dead")
    items = adoption.my_trees(ctx(app))
    # sim58: newest first, by when each was planted or adopted (the tree adopted now before the one planted earlier)
    assert [(i["kind"], i["record"]["id"], i["latest"], i["survival"]) for i in items] == [
        ("adopted", 1, None, "dead"),
        ("planted", 2, "2027-04-05T02:00:00", "alive"),
    ]
    assert [i["url"] for i in items] == [adoption.page_url(app, app.db, n, NOW_S) for n in (1, 2)]
    assert [r["created_at"] for r in app.db.query("SELECT created_at FROM tree_pages")] == [NOW_S, NOW_S]
    assert items[0]["record"]["first_tree"] == 1
    assert adoption.my_trees(ctx(app, "o-wang")) == []


# -- a cadre's new photo of a plot -------------------------------------------------------------------------------
def test_update_rule_the_photo_after_更新_is_the_plots_and_ends_the_wait(app):
    cadre = ctx(app, "o-cadre", "更新 1")
    with app.db.conn:
        adoption.wait_for_update_photo(cadre, 1)
    assert adoption.FLOW.state(ctx(app, "o-cadre")) == State("update_photo", {"planting_id": 1})
    media = photo(app, "new")
    with app.db.conn:
        assert adoption.add_update_photo(ctx(app, "o-cadre"), 1, media["id"]) is True
        assert adoption.add_update_photo(ctx(app, "o-cadre"), 1, media["id"]) is False  # the same photo twice
    assert adoption.FLOW.state(ctx(app, "o-cadre")) is None
    assert [(r["planting_id"], r["person_id"], r["media_row_id"], r["created_at"]) for r in app.db.query(
        "SELECT * FROM plot_updates")] == [(1, 1, media["id"], NOW_S)]  # fmt: skip


def test_update_rule_no_photo_row_is_no_update_and_ends_the_wait(app):
    with app.db.conn:
        adoption.wait_for_update_photo(ctx(app, "o-cadre"), 1)
        assert adoption.add_update_photo(ctx(app, "o-cadre"), 1, None) is False
    assert adoption.FLOW.state(ctx(app, "o-cadre")) is None
    assert list(app.db.query("SELECT * FROM plot_updates")) == []


def test_update_rule_in_chat_the_cadre_is_asked_for_the_photo_and_thanked(app):
    assert chat.says(app, "o-cadre", "更新 1") == "请发第1号（埔心村党建林香樟）的新照片，会转给认养的人。"
    assert chat.sends_photo(app, "o-cadre", "m-update") == "照片收到，第1号已更新，认养的人会收到。"
    [row] = app.db.query("SELECT u.planting_id, m.media_id FROM plot_updates u JOIN media m ON m.id = u.media_row_id")
    assert (row["planting_id"], row["media_id"]) == (1, "m-update")


# -- what a photo is of --------------------------------------------------------------------------------------
def test_photo_rule_a_record_survival_or_update_photo_is_of_its_record(app):
    media = [photo(app, s) for s in ("a", "b", "c", "d")]
    record_photo(app, 1, media[0], STAMP)
    survival(app, 2, media[1], STAMP)
    update(app, 1, media[2], STAMP)
    assert [adoption.records_of_photo(app.db, m) for m in media] == [
        [(1, "record")],
        [(2, "survival")],
        [(1, "update")],
        [],
    ]


def test_photo_rule_a_tending_photo_is_of_the_adopted_records_its_zone_reaches(app):
    adopt(app)
    with app.db.conn:
        adoption.mark_adoptable(app.db, 2, 1, "office", STAMP)  # record 2 has no place: no zone reaches it
    adopt(app, "o-wang", 2)
    near, far = photo(app, "near"), photo(app, "far")
    zone_tending(app, near, STAMP)
    zone_tending(app, far, STAMP, lat=23.2)
    assert adoption.records_of_photo(app.db, near) == [(1, "tending")]
    assert adoption.records_of_photo(app.db, far) == []


# -- the notice to adopters ------------------------------------------------------------------------------------
def notices(app):
    return [(r["openid"], r["kind"], r["text"], r["dedupe_key"], r["url"], r["next_attempt_at"]) for r in app.db.query(
        "SELECT * FROM outbox ORDER BY id")]  # fmt: skip


def tell(app, media):
    with app.db.conn:
        return adoption.tell_adopters(app, app.db, media)


def test_notice_rule_each_adopter_once_with_the_place_species_source_day_and_page(app):
    adopt(app, "o-li")
    adopt(app, "o-wang")
    media = photo(app, "new", at="2027-03-12T02:00:00")
    update(app, 1, media, "2027-03-12T02:00:00")
    assert adoption.prepare_notice(app, media, b"") is None
    assert tell(app, media) == 2
    assert tell(app, media) == 0  # once per photo and adopter
    [page] = app.db.query("SELECT * FROM tree_pages")
    assert (page["planting_id"], page["created_at"]) == (1, NOW_S)  # made by the notice, at the job's moment
    path = adoption.page_path(app.db, 1, "2027-05-01T00:00:00")
    text = f"您认养的埔心村党建林香樟有新照片（村里更新，3月12日）🌳 点开看：http://127.0.0.1:8080{path}"
    assert notices(app) == [
        ("o-li", "notice", text, f"adoption-photo:{media['id']}:o-li", path, NOW_S),
        ("o-wang", "notice", text, f"adoption-photo:{media['id']}:o-wang", path, NOW_S),
    ]


def test_notice_rule_after_quiet_hours(app):
    adopt(app)
    media = photo(app, "new", at=NOW_S)
    record_photo(app, 1, media, NOW_S)
    app.clock.set(datetime(2027, 3, 10, 14, tzinfo=UTC))  # 22:00
    assert tell(app, media) == 1
    assert [n[5] for n in notices(app)] == ["2027-03-11T00:00:00"]  # 08:00


def test_notice_rule_not_the_sender_nor_who_unfollowed_or_said_退订_nor_later_adopters(app):
    for openid in ("o-li", "o-wang", "o-cadre"):
        adopt(app, openid)
    media = photo(app, "new", at=NOW_S, openid="o-cadre")
    record_photo(app, 1, media, NOW_S)
    with app.db.conn:
        app.db["users"].update("o-li", {"subscribed": 0})
        app.db["users"].update("o-wang", {"reminders_off": 1})
    assert tell(app, media) == 0
    with app.db.conn:
        app.db["users"].update("o-wang", {"reminders_off": 0})
        app.db.execute("DELETE FROM users WHERE openid = 'o-li'")
    assert tell(app, media) == 1 and [n[0] for n in notices(app)] == ["o-wang"]
    earlier = photo(app, "old", at="2027-03-09T02:00:00")  # before anyone adopted
    record_photo(app, 1, earlier, "2027-03-09T02:00:00")
    assert tell(app, earlier) == 0


@pytest.mark.parametrize("kind, status", [("voice", "stored"), ("image", "pending"), ("image", "failed")])
def test_notice_rule_only_a_stored_picture(app, kind, status):
    adopt(app)
    media = photo(app, "new", at=NOW_S, kind=kind, status=status)
    record_photo(app, 1, media, NOW_S)
    assert tell(app, media) == 0 and notices(app) == []


def test_notice_rule_a_photo_of_no_adopted_record_tells_nobody(app):
    adopt(app)
    media = photo(app, "own", at=NOW_S)
    record_photo(app, 2, media, NOW_S)  # 李四's own tree: nobody adopted it
    assert tell(app, media) == 0
    assert tell(app, photo(app, "nothing", at=NOW_S)) == 0
