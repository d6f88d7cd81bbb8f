"""Round sim62 (the simulator as a cadre, an adviser, a party member and an elderly villager, through the real
webhook with signed XML)."""

from __future__ import annotations

from datetime import timedelta

from tests.e2e.test_escalation import LI, UNANSWERABLE, add_roster, adviser, ticket, ticket_number  # noqa: F401
from tests.e2e.test_zones import ZONES_CSV, run


def test_a_photo_and_a_question_after_the_answer_reopen_that_ticket(villager, adviser, bot, clock):  # noqa: F811
    """The adviser answered about the black spots; the next day the villager sends a photo of the leaves and
    '喷了药还是有黑点': the answered ticket is reopened with the photo (it had opened a second ticket, the first
    question and its answer out of the adviser's sight)."""
    add_roster(bot)
    clock.set("2027-04-08T10:00")
    number = ticket_number(villager.says("问专家 我家荔枝叶子有黑点点是不是病了"))
    adviser.says(f"答 {number} 黑点多半是炭疽病，剪掉病叶，喷一次多菌灵，雨后再喷一次。")
    clock.set("2027-04-09T10:00")
    villager.sends_photo("leaves-1")
    reply = villager.says("喷了药还是有黑点")
    assert reply.splitlines() == [f"收到追问，已转回顾问（第{number}号问题）。", "照片1张已附上。"]
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"] == 1
    row = ticket(bot, number)
    assert row["status"] == "open" and row["reopened_count"] == 1
    kinds = [
        r["kind"]
        for r in bot.db.query(
            "SELECT m.kind FROM ticket_attachments a JOIN media m ON m.id = a.media_row_id"
            " WHERE a.ticket_id = ? AND a.round = 1",
            [number],
        )
    ]
    assert kinds == ["image"]
    notice = next(bot.db.query("SELECT text FROM outbox WHERE openid = ? AND dedupe_key LIKE ?", [LI, "%:reopen1:%"]))
    lines = notice["text"].splitlines()
    assert lines[0] == f"第{number}号问题村民追问：喷了药还是有黑点"
    assert lines[1].startswith("附件：照片1张，查看：") and lines[1].endswith(f"/admin/tickets/{number}")
    # past escalation.reopen_days, the same photo and words are a new question
    clock.set("2027-04-09T10:00")
    clock.advance(days=int(bot.config.get("escalation.reopen_days")) + 1)
    villager.sends_photo("leaves-2")
    assert ticket_number(villager.says("喷了药还是有黑点")) != number


def test_tending_in_a_village_with_no_zones_says_none_are_drawn(bot, person, clock, tmp_path):
    """A party member of a village with no 党员责任区 who says 管护 (or 我的管护) is told the village has none yet (it said
    先发“认领责任区”, whose reply then said there were none); with zones, one not held yet is asked to claim one."""
    clock.set("2027-04-10T09:00")
    chen = person("o-chen", "陈党员", "党员")
    no_zones = "埔心村还没有划定党员责任区。责任区由村（社区）党组织划定，请联系村干部。"
    assert chen.says("管护") == no_zones
    assert chen.says("我的管护") == no_zones
    assert person("o-li", "李村民").says("管护") == "党员责任区由党员、干部认领。您可以认养一棵树：发“认养”看看。"
    path = tmp_path / "zones.csv"
    path.write_text(ZONES_CSV, encoding="utf-8")
    assert run(bot, "import", "zones", str(path)) == 0
    assert chen.says("管护") == "您还没有认领党员责任区，先发“认领责任区”。"
