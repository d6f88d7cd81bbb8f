"""sim68, through the signed webhook on a real SQLite file: a planting season lived in the simulator by an elderly
villager who only sends voice and photos, a cadre, an adviser and a party member."""

from __future__ import annotations

import pytest

from tests.conftest import rows_of
from tests.e2e.test_planting import photo, planting_rows, registered, village  # noqa: F401 - fixtures
from tests.e2e.test_registration import roster  # noqa: F401 - fixtures
from tests.e2e.test_visits import county  # noqa: F401 - fixtures

# sim68: "改成2棵龙眼请回复1，另外记一条请回复2" answered by voice: WeChat's recognition writes a spoken digit as
# a Chinese numeral ('一。'), which was read as a new count of 1 tree; the record then kept the old count.
# Held-out controls (not tuned on): other ways of saying the pick, typed or spoken.
CHANGE_SAID = ["一。", "1。", "一", "第一个", "选一", "一号", "第一"]
ANOTHER_SAID = ["二。", "2。", "二", "第二个", "选二", "二号", "第二"]


@pytest.mark.parametrize("said", CHANGE_SAID)
def test_the_change_picked_by_voice_with_a_chinese_numeral_changes_the_count(registered, bot, standin, said):
    villager = registered("o-sim68-1", "陈桂秀")
    standin.add_media("m-1", photo(1))
    villager.sends_voice("v-1", "三棵龙眼。")
    assert "现在说2棵龙眼" in villager.sends_voice("v-2", "唔系三棵系两棵")
    assert villager.sends_voice("v-3", said) == "记下了：2棵龙眼。请再发一张种好的树的照片📷"
    assert "2棵龙眼" in villager.sends_photo("m-1")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [("龙眼", 2, "complete")]


@pytest.mark.parametrize("said", ANOTHER_SAID)
def test_another_record_picked_by_voice_with_a_chinese_numeral_keeps_both(registered, bot, standin, said):
    villager = registered("o-sim68-2", "陈桂秀")
    villager.sends_voice("v-1", "三棵龙眼。")
    assert "现在说2棵龙眼" in villager.sends_voice("v-2", "唔系三棵系两棵")
    assert villager.sends_voice("v-3", said).startswith("记下了：2棵龙眼。")
    assert sorted((r["species"], r["count"]) for r in planting_rows(bot)) == [("龙眼", 2), ("龙眼", 3)]


@pytest.mark.parametrize("said", ["五棵", "4棵龙眼"])
def test_a_count_with_its_measure_word_is_still_a_new_count_while_the_choice_waits(registered, bot, said):
    """Near-misses: a count said with 棵 is not the pick of 1 or 2 (the choice asked again of the newer count)."""
    villager = registered("o-sim68-3", "陈桂秀")
    villager.says("三棵龙眼")
    villager.says("唔系三棵系两棵")
    reply = villager.says(said)
    assert "记下了" not in reply
    assert [(r["species"], r["count"]) for r in planting_rows(bot)] == [("龙眼", 3)]


# sim68: an elderly villager registers by voice. A voice WeChat could not read, sent while 登记 waits for a name, a
# village, a listed village's number or the phone's last 4 digits, became a ticket for the adviser (an unregistered
# follower's phone digits in an adviser's queue) and the registration question was not asked again.
def _tickets(bot):
    return rows_of(bot, "SELECT id FROM tickets")


def test_an_unheard_voice_while_registration_waits_asks_again_in_words(villager_factory, roster, bot):
    from tests.e2e.test_registration import person_of, village_id

    elder = villager_factory("o-sim68-elder")
    assert "请直接发您的姓名" in elder.follows(str(village_id(roster, "埔心村")))
    reply = elder.sends_voice("v-1")  # the name, unheard
    assert "没听清" in reply and "姓名" in reply
    assert "后4位" in elder.sends_voice("v-2", "陈秀英。")
    reply = elder.sends_voice("v-3")  # the digits, unheard
    assert "没听清" in reply and "后4位" in reply
    assert "党员" in elder.sends_voice("v-4", "零零零二。")
    assert person_of(roster, elder.openid)["name"] == "陈秀英"
    assert _tickets(bot) == []


def test_an_unheard_voice_when_the_village_is_asked_asks_for_the_village(villager_factory, roster, bot):
    elder = villager_factory("o-sim68-elder2")
    elder.says("登记")
    assert "哪个村" in elder.says("张三")
    reply = elder.sends_voice("v-1")
    assert "没听清" in reply and "村名" in reply
    assert _tickets(bot) == []


@pytest.mark.parametrize("said", ["二。", "第二个", "选二", "2号"])
def test_a_listed_village_picked_by_voice(villager_factory, roster, said):
    from tests.e2e.test_registration import claim_of, person_of

    elder = villager_factory("o-sim68-elder3")
    reply = elder.says("登记 赵敏 下围")
    assert "1. 下围村" in reply and "2. 下围社区" in reply
    unheard = elder.sends_voice("v-1")
    assert "没听清" in unheard and "下围社区" in unheard  # the choices said again
    assert "下围社区" in elder.sends_voice("v-2", said)
    assert (claim_of(roster, elder.openid) or person_of(roster, elder.openid))["village"] == "下围社区"


def test_an_unheard_voice_outside_registration_still_goes_to_the_adviser(registered, bot):
    """Near-miss: a registered villager's unreadable voice is still a ticket with its audio."""
    villager = registered("o-sim68-4", "陈桂秀")
    assert "问题编号" in villager.sends_voice("v-1")
    assert len(_tickets(bot)) == 1


# Held-out: the answers to 登记's questions as voice recognition writes them, each ending with its full stop.
@pytest.mark.parametrize("name", ["陈秀英。", "陈秀英！", "叫陈秀英。"])
def test_a_name_said_by_voice_with_its_full_stop_is_the_name(villager_factory, roster, bot, name):
    from tests.e2e.test_registration import village_id

    elder = villager_factory("o-sim68-elder4")
    elder.follows(str(village_id(roster, "埔心村")))
    assert "后4位" in elder.sends_voice("v-1", name)
    assert _tickets(bot) == []


def test_a_village_said_by_voice_with_its_full_stop_is_the_village(villager_factory, roster, bot):
    elder = villager_factory("o-sim68-elder5")
    elder.says("登记")
    assert "哪个村" in elder.sends_voice("v-1", "张三。")
    assert "登记好了" in elder.sends_voice("v-2", "新塘村。")
    assert _tickets(bot) == []


# sim68: an adviser's monthly visit reminder ('2月您挂钩的…还没有下沉服务记录'), held for want of a channel (no notice
# template), was delivered on 18 March, when the adviser next wrote: February's duty, read weeks later, and villages
# visited since still named. Dated duty notices go stale as reminders do (outbox.held_reminder_hours).
def test_a_visit_reminder_held_past_its_day_is_dropped_when_the_adviser_writes_again(
    county, villager_factory, bot, clock, tick, sent_to, rows
):
    wang = villager_factory("o-wang")
    clock.set("2027-03-10T09:00")
    wang.says("你好")
    tick("2027-03-20T10:00")  # the 20th: the reminder, held (the 48-hour window closed, no notice template)
    (held,) = rows("SELECT status FROM outbox WHERE dedupe_key LIKE 'visit-reminder:%'")
    assert held["status"] == "held"
    clock.set("2027-04-02T10:00")
    wang.says("待办")
    tick()
    assert [t for t in sent_to("o-wang") if "下沉服务记录" in t] == []
    (dropped,) = rows("SELECT status, error FROM outbox WHERE dedupe_key LIKE 'visit-reminder:%'")
    assert (dropped["status"], dropped["error"]) == ("cancelled", "stale")
    # near-miss: one held a short while still goes when the adviser writes
    tick("2027-04-20T10:00")
    clock.set("2027-04-20T15:00")
    wang.says("待办")
    tick()
    (april,) = [t for t in sent_to("o-wang") if "下沉服务记录" in t]
    assert april.startswith("王工您好！4月您挂钩的埔心村、下围村还没有下沉服务记录")


def test_an_award_reminder_held_past_its_day_is_dropped_and_a_ticket_notice_still_goes(
    county, villager_factory, bot, clock, sent_to, rows
):
    """Held-out: the office's award reminder ('…还有7天') is dated as the visit reminder is; a new ticket's notice
    held as long is not dated (the ticket still waits) and goes."""
    from bot import reminders
    from bot.db import transaction
    from tests.e2e.test_outbound import queue, send

    wang = villager_factory("o-wang")
    clock.set("2027-06-01T09:00")
    wang.says("你好")
    clock.set("2027-06-04T09:00")  # the window closed
    with transaction(bot.db):  # tidy72: queued as bot/awards.py queues it, dated (the row's own stale_after)
        reminders.queue_notice(
            bot.db,
            bot.config,
            openid="o-wang",
            text="评选还有7天",
            key="award-reminder:first_awards:2027:1",
            now=bot.clock(),
            dated=True,
        )
    queue(bot, "o-wang", "新问题 第3号（埔心村）", "ticket-notice:3", kind="notice")
    send(bot)
    assert {r["status"] for r in rows("outbox")} == {"held"}
    clock.set("2027-06-10T09:00")
    wang.says("待办")
    send(bot)
    assert "新问题 第3号（埔心村）" in sent_to("o-wang") and "评选还有7天" not in sent_to("o-wang")


# sim68: a survival follow-up held for want of a channel (the villager had not written for two days, no template) is
# released by the villager's next message, a photo of new trees: the photo was taken as the answer to the question
# the villager had not seen yet ('新照片收到，记到了您种的2棵荔枝'), and the new record never got it.
def test_a_photo_before_the_follow_up_is_delivered_starts_a_record_not_the_check(
    bot, villager_factory, standin, tick, clock, sent_to, rows
):
    from tests.e2e.test_reminders_followups import jpeg, plant, setup_roster

    wang, _chen = setup_roster(bot, villager_factory)
    lychee = plant(bot, 1, "o-wang", 1, 2, "荔枝", "2027-03-02T10:00")
    tick("2027-04-05T10:00")  # the follow-up, held: no template, outside the 48-hour window
    assert sent_to("o-wang") == []
    clock.set("2027-04-06T09:00")
    standin.add_media("m-new", jpeg((30, 160, 60)))
    assert "树种和棵数" in wang.sends_photo("m-new")
    assert "第" in wang.says("3棵黄皮") and rows("survival_checks") == []
    (new,) = rows("SELECT id FROM plantings WHERE species = '黄皮' AND status = 'complete'")
    assert len(rows("SELECT * FROM planting_photos WHERE planting_id = ?", [new["id"]])) == 1
    tick()
    assert any("2棵荔枝，现在怎么样了" in t for t in sent_to("o-wang"))
    # near-miss: once the question has been delivered, a photo answers it
    clock.advance(minutes=30)
    standin.add_media("m-check", jpeg((90, 160, 60)))
    assert "2棵荔枝" in wang.sends_photo("m-check")
    assert [c["planting_id"] for c in rows("survival_checks")] == [lychee]


def test_a_photo_before_quiet_hours_end_is_not_the_answer_to_the_morning_follow_up(
    bot, villager_factory, standin, tick, clock, sent_to, rows
):
    """Held-out: the follow-up queued in the night waits for 08:00; a photo at 07:00 has not seen it either."""
    from tests.e2e.test_reminders_followups import jpeg, plant, setup_roster

    wang, _chen = setup_roster(bot, villager_factory)
    plant(bot, 1, "o-wang", 1, 2, "荔枝", "2027-03-02T10:00")
    clock.set("2027-04-04T20:00")
    wang.says("你好")  # the window open
    tick("2027-04-05T02:00")  # queued for after quiet hours
    assert sent_to("o-wang") == []
    clock.set("2027-04-05T07:00")
    standin.add_media("m-new", jpeg((30, 160, 60)))
    assert "树种和棵数" in wang.sends_photo("m-new")
    assert rows("survival_checks") == []


# sim68: a finished record's count corrected with its tree named first, as an elder says it by voice: it had started a
# new record of the count (an off-list tree: a tree called '唔系三棵'), the finished one still counting 3.
# Held-out controls: orders and wordings not tuned on; near-misses that are not a correction.
CORRECTED = [
    ("龙眼", "头先讲错咗，龙眼系两棵唔系三棵。"),
    ("龙眼", "龙眼唔系三棵系两棵"),
    ("黄皮", "黄皮系两棵唔系三棵"),
    ("黄皮", "黄皮唔系三棵系两棵 讲错咗"),
    ("龙眼", "刚才的龙眼是两棵不是三棵"),
    ("龙眼", "龙眼应该是两棵不是三棵"),
    ("龙眼", "龙眼树系两棵唔系三棵"),
]


@pytest.mark.parametrize(("tree", "said"), CORRECTED)
def test_a_count_corrected_with_its_tree_named_first_asks_to_change_the_record(
    registered, bot, standin, clock, tree, said
):
    villager = registered("o-sim68-5", "陈桂秀")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert "已记录第1号" in villager.says(f"3棵{tree}")
    clock.advance(minutes=5)
    assert villager.sends_voice("v-1", said).startswith(f"要把第1号记录改成：2棵{tree}吗？")
    assert f"第1号记录已改成：2棵{tree}" in villager.says("确定")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [(tree, 2, "complete")]


@pytest.mark.parametrize("said", ["龙眼是两棵", "荔枝不是三棵是两棵吗", "我是两棵不是三棵"])
def test_near_misses_of_a_count_corrected_are_not_a_correction(registered, bot, standin, clock, said):
    villager = registered("o-sim68-6", "陈桂秀")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says("3棵龙眼")
    clock.advance(minutes=5)
    assert "要把第1号记录改成" not in villager.says(said)
    assert planting_rows(bot)[0]["count"] == 3


# held-out, written after the fix and run once: other trees and counts
@pytest.mark.parametrize(
    ("tree", "said", "right"),
    [
        ("荔枝", "荔枝系一棵唔系三棵", 1),
        ("桂花", "桂花应该系四棵 唔系三棵", 4),
        ("杨梅", "讲错咗 杨梅唔系三棵系五棵", 5),
    ],
)
def test_held_out_counts_corrected_with_the_tree_first(registered, bot, standin, clock, tree, said, right):
    villager = registered("o-sim68-7", "陈桂秀")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says(f"3棵{tree}")
    clock.advance(minutes=5)
    assert villager.sends_voice("v-1", said).startswith(f"要把第1号记录改成：{right}棵{tree}吗？")


# sim68: a bare 确定 / 确认 with nothing waiting for it (a correction asked earlier, its window over) had a confident
# wrong answer, the planting technique card ('三埋两踩一提苗'), or an offer of the 认种认养 card ('确认' read as 认).
@pytest.mark.parametrize("said", ["确定", "确定。", "确认。", "确定了", "确认了"])
def test_a_bare_confirmation_with_nothing_waiting_is_acknowledged(registered, bot, said):
    villager = registered("o-sim68-8", "陈桂秀")
    assert villager.sends_voice("v-1", said).startswith("好的😊 有问题随时问我。")
    assert rows_of(bot, "SELECT id FROM tickets") == []


@pytest.mark.parametrize("said", ["确定要种几棵吗", "怎么确定树苗是活的"])
def test_a_question_with_confirm_words_is_not_an_acknowledgement(registered, said):
    villager = registered("o-sim68-9", "陈桂秀")
    assert not villager.says(said).startswith("好的😊")
