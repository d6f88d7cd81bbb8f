"""Survival follow-ups through the real webhook: the photo and the word attach to the tree that was asked about."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from PIL import Image

from bot.clock import to_db
from bot.db import transaction
from bot.store import followups
from tests.conftest import at


def jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def setup_roster(bot, villager_factory):
    db = bot.db
    with transaction(db):
        db["villages"].insert_all([{"id": 1, "name": "埔心村", "kind": "村"}, {"id": 2, "name": "东村", "kind": "村"}])
        db["people"].insert_all(
            [
                {"id": 1, "name": "王大爷", "village_id": 1, "role": "群众", "openid": "o-wang"},
                {"id": 2, "name": "陈大姐", "village_id": 2, "role": "群众", "openid": "o-chen"},
            ]
        )
    bot.clock.set("2027-03-01T10:00")
    wang, chen = villager_factory("o-wang"), villager_factory("o-chen")
    wang.follows()
    chen.follows()
    return wang, chen


def plant(bot, person_id, openid, village_id, count, species, when, review="none"):
    with transaction(bot.db):
        return (
            bot.db["plantings"]
            .insert(
                {
                    "openid": openid,
                    "person_id": person_id,
                    "village_id": village_id,
                    "kind": "tree",
                    "species": species,
                    "count": count,
                    "status": "complete",
                    "review": review,
                    "created_at": to_db(at(when)),
                    "completed_at": to_db(at(when)),
                }
            )
            .last_pk
        )


def outbox_text(bot, key):
    return next(bot.db.query("SELECT text FROM outbox WHERE dedupe_key = ?", [key]))["text"]


def followup_keys(bot, openid):
    return [
        r["dedupe_key"]
        for r in bot.db.query(
            "SELECT dedupe_key FROM outbox WHERE openid = ? AND kind = 'followup' ORDER BY id", [openid]
        )
    ]


def test_answer_then_photo_one_tree_at_a_time(bot, villager_factory, standin, tick, clock):
    wang, _chen = setup_roster(bot, villager_factory)
    first = plant(bot, 1, "o-wang", 1, 2, "桂花", "2027-03-02T10:00")
    second = plant(bot, 1, "o-wang", 1, 1, "荔枝", "2027-03-03T10:00")
    tick("2027-04-05T10:00")
    # one follow-up at a time: the荔枝 waits until the桂花 is answered
    assert followup_keys(bot, "o-wang") == [f"followup:{first}:30"]
    assert "2棵桂花" in outbox_text(bot, f"followup:{first}:30")  # held: no template, outside the 48 h window

    clock.set("2027-04-05T11:00")
    reply = wang.says("死了")
    assert "没活" in reply and "照片" in reply
    standin.add_media("m-dead", jpeg((120, 90, 40)))
    assert "2棵桂花" in wang.sends_photo("m-dead")
    [check] = followups.checks_for(bot.db, first)
    assert (check["result"], check["due_days"], check["note"]) == ("dead", 30, "死了")
    assert check["media_row_id"] == next(bot.db.query("SELECT id FROM media WHERE media_id = 'm-dead'"))["id"]

    tick("2027-04-05T11:05")  # the conversation ended: now the荔枝's follow-up
    assert followup_keys(bot, "o-wang") == [f"followup:{first}:30", f"followup:{second}:30"]
    clock.set("2027-04-05T12:00")
    assert "荔枝" in wang.says("补种了")
    assert followups.checks_for(bot.db, second)[0]["result"] == "replanted"


def test_without_an_open_follow_up_survival_words_and_photos_are_not_taken(bot, villager_factory, standin, tick, clock):
    wang, chen = setup_roster(bot, villager_factory)
    tree = plant(bot, 1, "o-wang", 1, 1, "龙眼", "2027-03-02T10:00")
    tick("2027-04-02T10:00")
    assert followup_keys(bot, "o-wang") == [f"followup:{tree}:30"]
    clock.set("2027-04-02T11:00")
    standin.add_media("m-chen", jpeg((10, 10, 10)))
    chen.sends_photo("m-chen")  # 陈大姐 was not asked: her photo is not a survival check
    chen.says("活了")
    assert followups.checks_for(bot.db, tree) == []

    clock.set(at("2027-04-02T11:00") + timedelta(days=8))  # the question expired (7 days)
    wang.says("活了")
    assert followups.checks_for(bot.db, tree) == []


def test_photo_then_word_and_survival_rates(bot, villager_factory, standin, tick, clock):
    wang, chen = setup_roster(bot, villager_factory)
    tree = plant(bot, 1, "o-wang", 1, 3, "桂花", "2027-03-02T10:00")
    other = plant(bot, 2, "o-chen", 2, 2, "桂花", "2027-03-02T11:00")
    rejected = plant(bot, 2, "o-chen", 2, 5, "龙眼", "2027-03-01T11:00", review="rejected")
    clock.set("2027-04-01T18:00")
    wang.says("你好")  # sim68: the follow-up delivered (a photo before a question still held is a new record's)
    tick("2027-04-02T10:00")
    assert followup_keys(bot, "o-chen") == [f"followup:{other}:30"]  # never for a rejected record
    clock.set("2027-04-02T12:00")
    standin.add_media("m-alive", jpeg((20, 160, 40)))
    assert "活了 / 死了 / 补种了" in wang.sends_photo("m-alive")
    assert followups.checks_for(bot.db, tree)[0]["result"] == "unknown"
    assert "活了" in wang.sends_voice("v-1", recognition="都活了。")
    assert followups.checks_for(bot.db, tree)[0]["result"] == "alive"
    chen.says("死了")
    with transaction(bot.db):
        followups.add_check(
            bot.db,
            planting_id=rejected,
            due_days=30,
            result="dead",
            media_row_id=None,
            note=None,
            now=to_db(bot.clock()),
        )

    by_village = {r["key"]: r for r in followups.survival_rates(bot.db, by="village")}
    assert (by_village["埔心村"]["rate"], by_village["东村"]["rate"]) == (1.0, 0.0)
    assert by_village["埔心村"]["trees_alive"] == 3 and by_village["东村"]["checked"] == 1  # rejected not counted
    [osmanthus] = followups.survival_rates(bot.db, by="species")
    assert (osmanthus["key"], osmanthus["checked"], osmanthus["alive"], osmanthus["rate"]) == ("桂花", 2, 1, 0.5)


def test_a_new_planting_started_after_the_question_gets_its_own_photo(bot, villager_factory, standin, tick, clock):
    wang, _chen = setup_roster(bot, villager_factory)
    tree = plant(bot, 1, "o-wang", 1, 1, "龙眼", "2027-03-02T10:00")
    tick("2027-04-02T10:00")
    clock.set("2027-04-02T11:00")
    wang.says("种了2棵桂花")  # a new record, waiting for its photo (the planting conversation)
    clock.set("2027-04-02T11:01")
    standin.add_media("m-new", jpeg((200, 200, 30)))
    wang.sends_photo("m-new")
    assert followups.checks_for(bot.db, tree) == []  # the photo went to the new record, not the follow-up
    assert "龙眼" in wang.says("活了")  # the follow-up still takes its answer
    assert followups.checks_for(bot.db, tree)[0]["result"] == "alive"


def test_a_follow_up_describes_the_record_as_the_planting_reply_did(bot, villager_factory, tick):
    """One description of a record (bot.planting.describe): the seed's 桃子 for the stored 桃, a plot with its kind,
    area and trees."""
    wang, _chen = setup_roster(bot, villager_factory)
    peach = plant(bot, 1, "o-wang", 1, 3, "桃", "2027-03-02T10:00")
    plot = plant(bot, 2, "o-chen", 2, 120, "香樟", "2027-03-02T10:00")
    with transaction(bot.db):
        bot.db["plantings"].update(plot, {"kind": "plot", "site": "党建林", "area_mu": 2.5})
    tick("2027-04-05T10:00")
    assert "3棵桃子" in outbox_text(bot, f"followup:{peach}:30")
    assert "党建林 2.5亩 120棵香樟" in outbox_text(bot, f"followup:{plot}:30")
    assert "已记下：3棵桃子活了" in wang.says("活了")


def _ticket_of(reply: str) -> str:
    return re.findall(r"问题编号：(\d+)", reply)[0]


def test_a_follow_up_asked_after_a_question_went_to_the_adviser_takes_the_photo(
    bot, villager_factory, standin, tick, clock
):
    """The follow-up asks for a photo after a question went to the adviser (whose 补充 window takes the photos sent
    within it): the photo is the follow-up's, the flow touched after the ticket (bot.conversation.photo_awaited)."""
    wang, _chen = setup_roster(bot, villager_factory)
    tree = plant(bot, 1, "o-wang", 1, 1, "龙眼", "2027-03-02T10:00")
    clock.set("2027-04-02T09:58")
    number = _ticket_of(wang.says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))
    tick("2027-04-02T10:00")  # the follow-up asks about the 龙眼
    assert followup_keys(bot, "o-wang") == [f"followup:{tree}:30"]
    clock.set("2027-04-02T10:02")
    standin.add_media("m-alive", jpeg((20, 160, 40)))
    assert "龙眼" in wang.sends_photo("m-alive")
    assert followups.checks_for(bot.db, tree)[0]["result"] == "unknown"
    assert list(bot.db.query("SELECT id FROM ticket_attachments WHERE ticket_id = ?", [number])) == []


def test_a_photo_after_a_question_that_followed_the_follow_up_joins_the_ticket(
    bot, villager_factory, standin, tick, clock
):
    """The reverse: the follow-up first, then a question to the adviser, then a photo: the ticket's 补充."""
    wang, _chen = setup_roster(bot, villager_factory)
    tree = plant(bot, 1, "o-wang", 1, 1, "龙眼", "2027-03-02T10:00")
    tick("2027-04-02T10:00")
    clock.set("2027-04-02T10:01")
    number = _ticket_of(wang.says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))
    clock.set("2027-04-02T10:02")
    standin.add_media("m-leaf", jpeg((200, 180, 30)))
    assert f"已补充到第{number}号问题" in wang.sends_photo("m-leaf")
    assert followups.checks_for(bot.db, tree) == []
