"""Round 22 of issue 17 §5 (the conversation goes where the villager means), the three left by round 21, through signed
pushes: a villager asking after a question with none open is told none waits (and how to ask one), never given a ticket;
a photo named right after it is sent ('这张是荔枝') fills the record's tree; an admin (the campaign office) asking a
village by its name sees its figures, while a villager still never sees another village's."""

from __future__ import annotations

from tests.conftest import add_roster

ADMIN, VILLAGER, OTHER, ADVISER = "o-admin-1", "o-villager-1", "o-villager-2", "o-adviser-1"


def roster(bot):
    """埔心村, 大岭村 and 五星村 (the campaign office's own); an admin, an adviser linked to none, two villagers."""
    return add_roster(
        bot,
        {
            "埔心村": {"kind": "村", "households": 40},
            "大岭村": {"kind": "村", "households": 30},
            "五星村": {"kind": "村"},
        },
        [
            (ADMIN, "刘主任", "五星村", "管理员"),
            (ADVISER, "李顾问", "埔心村", "技术顾问"),
            (VILLAGER, "张三", "埔心村", "群众"),
            (OTHER, "王五", "大岭村", "群众"),
        ],
    )


def test_asking_after_a_question_with_none_open_is_told_none_waits_and_no_ticket_is_made(
    bot, clock, villager_factory, rows
):
    roster(bot)
    clock.set("2027-03-15T10:00")
    villager = villager_factory(VILLAGER)
    for asked in ("我问的还没人回", "还有几条没回", "专家回了没有", "我问的问题怎么都没人回"):
        reply = villager.says(asked)
        assert "没有在等回答的问题" in reply and "问专家" in reply, asked
        clock.advance(hours=1)
    assert rows("tickets") == []
    # once a question is open, the same words say it waits (round 21), and answered, none waits again
    villager.says("问专家 我家桂花叶子发黄还掉叶是怎么回事")
    clock.advance(hours=2)
    assert "第1号问题还在等" in villager.says("我问的还没人回")
    assert [t["id"] for t in rows("tickets")] == [1]


def test_a_photo_named_right_after_it_is_sent_fills_the_records_tree(bot, clock, villager_factory, rows):
    roster(bot)
    clock.set("2027-03-15T10:00")
    villager = villager_factory(VILLAGER)
    for n, (said, tree) in enumerate(
        [("这张是荔枝", "荔枝"), ("照片上是桂花", "桂花"), ("图里面的树是香樟", "香樟"), ("刚才那张是龙眼", "龙眼")]
    ):
        villager.sends_photo(f"m-named-{n}")
        clock.advance(minutes=1)
        reply = villager.says(said)
        assert f"{tree}种了几棵" in reply, said
        assert villager.says("2棵").startswith("✅"), said
        clock.advance(hours=1)
    assert [(p["species"], p["count"]) for p in rows("plantings")] == [
        ("荔枝", 2),
        ("桂花", 2),
        ("香樟", 2),
        ("龙眼", 2),
    ]
    assert rows("tickets") == []
    # with no photo before it, the same words are no record
    villager_factory(OTHER).says("这张是荔枝")
    assert len(rows("plantings")) == 4


def test_an_admin_sees_any_village_by_its_name_and_a_villager_only_their_own(bot, clock, villager_factory):
    roster(bot)
    clock.set("2027-03-15T10:00")
    admin = villager_factory(ADMIN)
    assert "大岭村（村）进度" in admin.says("大岭村种了多少棵")
    assert "埔心村（村）进度" in admin.says("埔心目前种了多少棵")
    assert "五星村（村）进度" in admin.says("本村进度")  # the admin's own
    villager = villager_factory(VILLAGER)
    assert "大岭村（村）进度" not in villager.says("大岭村种了多少棵")
    assert "埔心村（村）进度" in villager.says("埔心村种了多少棵")
    adviser = villager_factory(ADVISER)  # linked to no village: only the own
    assert "大岭村（村）进度" not in adviser.says("大岭村种了多少棵")
