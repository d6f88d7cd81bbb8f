"""A simulated season, January to June, driven like `python run.py tick --now …` over a small roster.

Roster (campaign 2027, Asia/Shanghai):
  埔心村: 张书记 (村书记), 李干部 (村干部), 王大爷 and 王大娘 (群众, one household)
  东村:   陈党员 (党员, born 1990), 赵大姐 (群众, says 退订), 刘大哥 (群众, unfollows)
  a follower who never registered.
Every tick runs twice at the same moment; the second must queue and send nothing.
"""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image

from bot import clock, scheduler
from bot.app import create_app
from bot.db import transaction
from bot.store import followups
from tests.conftest import Clock, at, delivered_texts, make_config, transport_for

EXTRA_ENTRY = {  # staff added one more reminder in the week of 植树节 (tests the weekly cap)
    "milestone": "planting_done",
    "days_before": 1,
    "at": "09:00",
    "audience": "roles",
    "roles": ["村干部"],
    "message": "reminders.arbor_day",
}


class Season:
    def __init__(self, tmp_path, standin):
        self.config = make_config(
            tmp_path,
            standin,
            **{
                "wechat.templates.reminder": "TPL-R",
                "reminders.calendar.arbor_day_eve": EXTRA_ENTRY,
                # the 通报's monthly lines: tests/e2e/test_campaign.py
                "reports.notify_roles": [],
            },
        )
        self.standin = standin
        self.start()

    def start(self):
        """(Re)start the process: a fresh app on the same database file."""
        self.app = create_app(self.config)
        self.bot = self.app.extensions["bot"]
        self.bot.clock = Clock()

    def user(self, openid):
        from bot.simulator import Signer, WeChatUser

        wechat = self.config.section("wechat")
        signer = Signer(wechat["token"], wechat.get("encoding_aes_key", ""), wechat["app_id"])
        return WeChatUser(transport_for(self.app), signer, openid=openid, now=lambda: self.bot.clock().timestamp())

    def set_clock(self, moment: datetime):
        self.bot.clock.set(moment)

    def tick(self, text: str):
        now = at(text)
        self.set_clock(now)
        scheduler.run_due(self.bot, now)
        before = (self.outbox_count(), len(self.standin.sent))
        scheduler.run_due(self.bot, now)  # the second tick at the same moment
        assert (self.outbox_count(), len(self.standin.sent)) == before, f"second tick at {text} did something"

    def outbox_count(self):
        return self.bot.db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]

    def keys(self, openid, status=None):
        """What this person was sent: dedupe keys without the openid (e.g. 'reminder:plans_due:2027')."""
        rows = self.bot.db.query(
            "SELECT dedupe_key, status FROM outbox WHERE openid = ? AND kind != 'answer' ORDER BY id", [openid]
        )
        return [r["dedupe_key"].removesuffix(":" + openid) for r in rows if status is None or r["status"] == status]

    def texts_sent_to(self, openid):
        return delivered_texts(self.standin, openid)

    def plant(self, person_id, count, species, when, kind="tree"):
        db = self.bot.db
        person = next(db.query("SELECT * FROM people WHERE id = ?", [person_id]))
        with transaction(db):
            return (
                db["plantings"]
                .insert(
                    {
                        "openid": person["openid"],
                        "person_id": person_id,
                        "village_id": person["village_id"],
                        "kind": kind,
                        "species": species,
                        "count": count,
                        "status": "complete",
                        "review": "none",
                        "created_at": clock.to_db(at(when)),
                        "completed_at": clock.to_db(at(when)),
                    }
                )
                .last_pk
            )


ROSTER = [  # id, name, village, role, birth_year, household, openid
    (1, "张书记", 1, "村书记", 1972, None, "o-sec"),
    (2, "李干部", 1, "村干部", 1985, None, "o-cadre"),
    (3, "王大爷", 1, "群众", 1950, "H1", "o-wang"),
    (4, "王大娘", 1, "群众", 1952, "H1", "o-wang2"),
    (5, "陈党员", 2, "党员", 1990, None, "o-chen"),
    (6, "赵大姐", 2, "群众", 1970, None, "o-zhao"),
    (7, "刘大哥", 2, "群众", 1968, None, "o-liu"),
]
EVERYONE = [r[6] for r in ROSTER] + ["o-guest"]


@pytest.fixture
def season(tmp_path, standin):
    s = Season(tmp_path, standin)
    db = s.bot.db
    with transaction(db):
        db["villages"].insert_all(
            [
                {"id": 1, "name": "埔心村", "kind": "村", "town": "太平镇"},
                {"id": 2, "name": "东村", "kind": "村", "town": "太平镇"},
            ]
        )
        db["people"].insert_all(
            [dict(zip(("id", "name", "village_id", "role", "birth_year", "household", "openid"), r)) for r in ROSTER]
        )
    s.set_clock(at("2027-01-10T10:00"))
    for openid in EVERYONE:
        s.user(openid).follows()
    assert "关闭" in s.user("o-zhao").says("退订")
    s.user("o-liu").unfollows()
    yield s
    s.bot.databases.close_all()


def jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def test_a_season_of_reminders(season):
    s = season
    s.tick("2027-01-20T09:00")
    assert s.outbox_count() == 0  # nothing is due yet

    # plans due 01-31: secretaries and cadres, 5 days before at 09:00
    s.tick("2027-01-26T08:00")
    assert s.outbox_count() == 0
    s.tick("2027-01-26T09:00")
    assert s.keys("o-sec") == s.keys("o-cadre") == ["reminder:plans_due:2027"]
    assert all(s.keys(o) == [] for o in ("o-wang", "o-wang2", "o-chen", "o-zhao", "o-liu", "o-guest"))
    assert s.texts_sent_to("o-sec") == [
        s.bot.t("reminders.plans_due", name="张书记", date="1月31日", days=5, days_left="还有5天", soon="快到了")
    ]
    s.tick("2027-01-29T15:00")  # still due, already sent: nobody gets it twice
    assert len(s.standin.messages_to("o-sec")) == 1

    # schedules due 02-08: the tick at 23:00 queues for 08:00 (quiet hours); 李干部 says 退订 before then
    s.tick("2027-02-05T23:00")
    assert s.keys("o-sec", "queued") == ["reminder:schedules_due:2027"]
    assert len(s.standin.messages_to("o-sec")) == 1  # not at night
    s.set_clock(at("2027-02-06T07:00"))
    s.user("o-cadre").says("退订")
    s.tick("2027-02-06T08:00")
    assert len(s.standin.messages_to("o-sec")) == 2
    assert s.keys("o-cadre", "cancelled") == ["reminder:schedules_due:2027"]
    assert len(s.standin.messages_to("o-cadre")) == 1

    # holes due 02-24: every registered person of a village (not the unregistered follower)
    s.tick("2027-02-20T09:00")
    holes = "reminder:holes_due:2027"
    assert [o for o in EVERYONE if holes in s.keys(o)] == ["o-sec", "o-wang", "o-wang2", "o-chen"]

    # 李干部 turns reminders back on; plantings before the window
    s.set_clock(at("2027-02-25T10:00"))
    s.user("o-cadre").says("订阅")
    s.plant(1, 3, "香樟", "2027-02-26T10:00")  # the secretary's quota (3) is done

    # the window opens: Monday nudges only to those with something left to do, with their own numbers
    s.tick("2027-03-01T09:00")
    nudged = [o for o in EVERYONE if "nudge:2027-W09" in s.keys(o)]
    assert nudged == ["o-cadre", "o-wang", "o-wang2", "o-chen"]
    cadre_text = s.texts_sent_to("o-cadre")[-1]
    assert "还差1棵" in cadre_text and "李干部" in cadre_text
    assert "您家还差1棵" in s.texts_sent_to("o-wang")[-1]
    wang = s.plant(3, 1, "龙眼", "2027-03-05T10:00")  # the Wang household has its tree (for both of them)

    s.tick("2027-03-08T09:00")
    assert [o for o in EVERYONE if "nudge:2027-W10" in s.keys(o)] == ["o-cadre", "o-chen"]
    # 植树节 (03-12) for every follower, registered or not, 2 days before
    s.tick("2027-03-10T09:00")
    arbor = "reminder:arbor_day:2027"
    assert [o for o in EVERYONE if arbor in s.keys(o)] == ["o-sec", "o-cadre", "o-wang", "o-wang2", "o-chen", "o-guest"]
    # the staff's extra reminder would be the cadre's third this week: the weekly cap (2) holds it back
    s.tick("2027-03-11T09:00")
    s.tick("2027-03-12T20:00")
    assert "reminder:arbor_day_eve:2027" not in s.keys("o-cadre")
    week = [k for k in s.keys("o-cadre") if k in ("nudge:2027-W10", arbor)]
    assert len(week) == 2

    # a restart between queueing and sending neither loses nor repeats a send
    cadre = s.plant(2, 1, "桂花", "2027-03-16T10:00")  # the cadre is done
    s.standin.fail("message/template/send", status=500)
    s.tick("2027-03-15T09:00")
    assert s.keys("o-chen", "queued") == ["nudge:2027-W11"]
    s.standin.clear_faults()
    s.start()
    s.tick("2027-03-15T09:00")  # same moment after the restart: still nothing new
    s.tick("2027-03-15T09:30")
    assert s.keys("o-chen").count("nudge:2027-W11") == 1 and s.keys("o-chen", "sent")[-1] == "nudge:2027-W11"
    assert sum("还差1棵" in t for t in s.texts_sent_to("o-chen")) == 3  # W09, W10, W11: once each

    # missed runs coalesce: the bot was down all week; one run on Thursday sends this week's nudge once
    s.plant(5, 1, "荔枝", "2027-03-20T10:00")  # 陈党员 is done too
    s.tick("2027-03-25T14:00")
    assert not any(k.startswith("nudge:2027-W12") for o in EVERYONE for k in s.keys(o))

    # nobody with nothing left to do was ever nudged; 退订 and unfollowed users got nothing at all
    for openid in ("o-sec", "o-guest"):
        assert not any(k.startswith("nudge:") for k in s.keys(openid))
    assert s.keys("o-zhao") == [] and s.keys("o-liu") == []
    assert s.standin.messages_to("o-zhao") == [] and s.standin.messages_to("o-liu") == []

    # survival follow-up +30 days: a new photo of that tree, then 活了
    s.tick("2027-04-04T12:00")
    assert f"followup:{wang}:30" in s.keys("o-wang")
    assert "龙眼" in s.texts_sent_to("o-wang")[-1]
    s.set_clock(at("2027-04-04T15:00"))
    s.standin.add_media("m-wang-30", jpeg((30, 140, 40)))
    wang_user = s.user("o-wang")
    assert "1棵龙眼" in wang_user.sends_photo("m-wang-30")
    assert "活了" in wang_user.says("活了")
    [check] = followups.checks_for(s.bot.db, wang)
    assert check["result"] == "alive" and check["due_days"] == 30
    s.tick("2027-04-04T15:01")  # the photo is downloaded and stays attached to the check
    media = next(s.bot.db.query("SELECT * FROM media WHERE id = ?", [check["media_row_id"]]))
    assert media["media_id"] == "m-wang-30" and media["status"] == "stored"
    assert s.bot.db.execute("SELECT COUNT(*) FROM plantings").fetchone()[0] == 4  # no new planting record

    s.tick("2027-04-20T10:00")
    assert s.keys("o-cadre")[-1] == f"followup:{cadre}:30"

    # after the window: no nudges in June; the +90 follow-ups arrive
    s.tick("2027-06-07T09:00")
    assert not any(k.startswith("nudge:2027-W23") for o in EVERYONE for k in s.keys(o))
    s.tick("2027-06-14T10:00")
    assert [k for k in s.keys("o-cadre") if k.startswith("followup:")] == [
        f"followup:{cadre}:30",
        f"followup:{cadre}:90",
    ]
    assert s.keys("o-sec").count("followup:1:90") == 1
