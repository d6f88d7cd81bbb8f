"""The lead's findings of the thirty-ninth session, each from the simulator as a villager by voice, through the real
webhook with signed XML."""

from __future__ import annotations

import pytest

from bot.db import transaction
from tests.e2e.test_escalation import add_roster, adviser, ticket, ticket_number  # noqa: F401 (adviser: fixture)
from tests.e2e.test_planting import ASK_UNHEARD, photo, planting_rows

GUESSED = "没认出“{word}”这种树。如果是{guess}，请回复“{guess}”；确实叫“{word}”，就再发一次“{word}”。"


@pytest.mark.parametrize(
    ("said", "word", "guess", "count"),
    [
        ("我屋企种咗三棵狮子", "狮子", "柿子", 3),  # the simulator: 柿子 heard as 狮子 (lion)
        ("种了两棵师子", "师子", "柿子", 2),
        ("今日种咗两棵乡长", "乡长", "香樟", 2),  # 乡长 is kept from 香樟 in a sentence, not in the tree's slot
        ("种了一棵例子", "例子", "李子", 1),
    ],
)
def test_a_tree_misheard_by_voice_is_guessed_and_the_guess_taken(person, bot, clock, said, word, guess, count):
    """'种咗三棵狮子': no tree the bot knows, but every sound of 柿子 (the common 子 keeps it from being read as 柿子
    outright, as 例子 in a sentence is no 李子): the bot asks whether it is 柿子, the reply 柿子 records it, nothing is
    recorded before."""
    clock.set("2027-03-18T09:00")
    villager = person("o-kwong", "邝阿伯")
    reply = villager.says(said)
    assert reply.startswith(GUESSED.format(word=word, guess=guess)), reply
    (record,) = planting_rows(bot)
    assert (record["species"], record["count"], record["status"]) == (None, count, "pending")
    assert villager.says(guess).startswith(f"记下了：{count}棵{guess}。")
    (record,) = planting_rows(bot)
    assert planting_display(bot, record["species"]) == guess


def planting_display(bot, species: str) -> str:
    from bot import planting

    return planting.display_names(bot).get(species, species)


def test_the_misheard_word_said_again_is_kept_as_written(person, bot, clock):
    """The guess is only asked: the word said again is the tree as written, off the list (as before)."""
    clock.set("2027-03-18T09:00")
    villager = person("o-kwong", "邝阿叔")
    villager.says("种咗两棵狮子")
    assert villager.says("狮子").startswith("记下了：2棵狮子。")
    (record,) = planting_rows(bot)
    assert (record["species"], record["species_known"]) == ("狮子", 0)


def test_a_word_like_no_tree_is_asked_as_before(person, bot, standin, clock):
    """A name that sounds like no listed tree ('张三 2棵') keeps the plain question."""
    clock.set("2027-03-18T09:00")
    villager = person("o-wang", "王大妈")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert villager.says("张三 2棵") == "照片收到（1张）。" + ASK_UNHEARD


REGISTERED_ASKED = [
    "我登记咗未",
    "我个仔帮我登记好未",
    "我女儿帮我注册了没有",
    "我注册成功了吗",
    "孙女话帮我登记好咗 系唔系真㗎",
]


@pytest.mark.parametrize("asked", REGISTERED_ASKED)
def test_whether_one_is_registered_asked_by_the_registered(person, bot, clock, asked):
    """Found by voice in the simulator: '我个仔帮我登记好未' had become a ticket for the adviser, '我女儿帮我注册了没有' the
    first-use help (登记 姓名 村名) to one registered: yes, and the registration's own lines; no ticket."""
    clock.set("2027-03-20T09:00")
    elder = person("o-ho", "何秀芬")
    lines = elder.says(asked).splitlines()
    assert lines[:3] == ["您已经登记好了✅", "我的信息：", "姓名：何秀芬"], (asked, lines)
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"] == 0


@pytest.mark.parametrize("asked", REGISTERED_ASKED)
def test_whether_one_is_registered_asked_by_a_follower_not_registered(villager, bot, clock, asked):
    """Not registered: said so, and how; no name taken from the question."""
    clock.set("2027-03-20T09:00")
    villager.follows()
    assert villager.says(asked).startswith("您还没有登记。"), asked
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM people WHERE name LIKE '%未%' OR name LIKE '%没%'"))["n"] == 0


def test_registered_asked_just_after_a_record_is_of_the_record(person, bot, standin, clock):
    """'我登记咗未' just after a record is the record's (recorded_asked); said of one's registration by someone else
    ('我个仔帮我登记好未'), never."""
    clock.set("2027-03-20T09:00")
    elder = person("o-ho", "何秀芬")
    standin.add_media("m-1", photo(1))
    elder.says("2棵桂花")
    assert "已记录第1号" in elder.sends_photo("m-1")
    assert elder.says("我登记咗未").splitlines()[0] == "记上了 ✅ 第1号：2棵桂花。"
    assert elder.says("我个仔帮我登记好未").splitlines()[0] == "您已经登记好了✅"


@pytest.mark.parametrize("said", ["我老婆登记咗未", "帮我登记", "我想登记"])
def test_not_ones_own_registration_asked(person, bot, clock, said):
    """A relative's registration, or the request itself, is no 'am I registered'."""
    clock.set("2027-03-20T09:00")
    elder = person("o-ho", "何秀芬")
    assert not (elder.says(said) or "").startswith("您已经登记好了"), said


@pytest.mark.parametrize("said", ["登记 村干部 埔心村", "登记 书记 埔心村", "登记 我系 埔心村", "登记 村委的 埔心村"])
def test_a_role_or_a_pronoun_is_no_name(villager, village, bot, clock, said):
    """Found in the simulator: '登记 村干部 埔心村' registered a 群众 named 村干部 (shown so in the cadres' 未种名单), '登记
    我系 埔心村' one named 我系: the name is asked again, no one is registered."""
    clock.set("2027-03-20T09:00")
    villager.follows()
    assert villager.says(said) == "姓名好像不对，请发：登记 姓名 村名，例如：登记 张三 埔心村", said
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM people WHERE openid IS NOT NULL"))["n"] == 0


def test_a_name_with_a_title_still_registers(villager, village, bot, clock):
    """A surname with a title ('王村长') is how some are known: registered as said."""
    clock.set("2027-03-20T09:00")
    villager.follows()
    reply = villager.says("登记 王村长 埔心村")
    assert reply.startswith("登记好了：王村长，埔心村"), reply


def test_an_adviser_points_at_the_one_waiting_ticket_with_no_number(villager, adviser, bot, clock):  # noqa: F811
    """Found in the simulator as an adviser: '第一条我唔识答 转俾其他专家' after 待办 was 'not understood'. With one
    question waiting, what is said of it to the bot is done (passed on); an answer said so is never sent (the number
    is asked for), so no villager gets an answer meant for another."""
    add_roster(bot)
    clock.set("2027-04-08T09:00")
    number = ticket_number(villager.says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))
    adviser.says("待办")
    assert (
        adviser.says("第一条 要多淋水")
        == f"您说的第1条是第{number}号问题吗？请带上编号再发一次，如“{number}号 要多淋水”。"
    )
    assert ticket(bot, number)["answer"] is None
    assert adviser.says("第一条我唔识答 转俾其他专家").startswith(f"第{number}号问题已转给")
    assert (
        ticket(bot, number)["adviser_person_id"]
        != next(bot.db.query("SELECT id FROM people WHERE name = '李顾问'"))["id"]
    )


def test_with_several_waiting_the_place_names_the_ticket_and_nothing_is_done(
    villager_factory,
    adviser,
    bot,
    clock,  # noqa: F811
):
    """Two questions waiting: '第二条唔使答' names the second of 待办's order and asks for its number; nothing closed."""
    ids = add_roster(bot)
    with transaction(bot.db):
        bot.db["people"].insert({"name": "李四", "role": "群众", "openid": "o-b", "village_id": ids["埔心村"]})
    clock.set("2027-04-08T09:00")
    first = ticket_number(villager_factory("o-villager-1").says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))
    clock.advance(minutes=30)
    second = ticket_number(villager_factory("o-b").says("问专家 龙眼树干有白色的虫是什么"))
    adviser.says("待办")
    assert (
        adviser.says("第二条唔使答") == f"您说的第2条是第{second}号问题吗？请带上编号再发一次，如“{second}号 唔使答”。"
    )
    assert adviser.says("呢条唔使答") == f"请带上问题编号再发，如“{first}号 唔使答”；发“待办”看各条的编号。"
    assert ticket(bot, first)["status"] == ticket(bot, second)["status"] == "open"


@pytest.mark.parametrize(
    ("said", "pointed"),
    [
        ("第一条我唔识答 转俾其他专家", (1, "我唔识答 转俾其他专家")),
        ("第二个：要多淋水", (2, "要多淋水")),
        ("呢条唔使答", (None, "唔使答")),
        ("这个问题我答唔到", (None, "我答唔到")),
        ("头先嗰条作废", None),  # one's own record withdrawn
        ("呢个嘢点用啊 我唔识", None),  # a question about the bot
        ("这个号有什么功能", None),
        ("第3号 要多淋水", None),  # a number: the numbered answer's
    ],
)
def test_what_points_at_a_ticket(said, pointed):
    from bot import escalation

    assert escalation.ticket_pointed(said) == pointed


def test_both_of_them_said_in_a_tickets_window_is_no_tree_called_so(villager, bot, clock):
    """Set 21h (blind, kept to the end): '问专家 荔枝叶有虫窿' then '两棵都系' (both are so) had started a record of two
    trees of a kind called 都系: the ticket's 补充, no record."""
    from tests.e2e.test_planting import planting_rows

    clock.set("2027-04-08T09:00")
    number = ticket_number(villager.says("问专家 荔枝叶有虫窿"))
    clock.advance(minutes=3)
    assert villager.says("两棵都系") == f"已补充到第{number}号问题。"
    assert planting_rows(bot) == []


@pytest.mark.parametrize(("said", "tree"), [("两棵都系黄皮", "黄皮"), ("种了三棵芒果", "芒果")])
def test_a_tree_off_the_list_said_after_both_keeps_its_name(person, bot, clock, said, tree):
    """'两棵都系黄皮' is two 黄皮 (it had been a tree called 都系黄皮)."""
    clock.set("2027-04-08T09:00")
    villager = person("o-huang", "黄阿姨")
    villager.says(said)
    (record,) = planting_rows(bot)
    assert record["species"] == tree


@pytest.mark.parametrize("asked", ["点样讲种咗咩树", "怎么写树种", "树种点讲", "要点样讲系咩树"])
def test_how_to_tell_the_tree_after_a_photo_is_the_records_next_step(person, bot, standin, clock, asked):
    """Set 21g (blind, kept to the end): '点样讲种咗咩树' after a photo had become a ticket with the photo: how to tell the
    tree is the record's next step (the tree and the count asked), no ticket."""
    clock.set("2027-04-08T09:00")
    villager = person("o-huang", "黄阿姨")
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    reply = villager.says(asked)
    assert "3棵桂花" in reply, (asked, reply)
    assert next(bot.db.query("SELECT COUNT(*) AS n FROM tickets"))["n"] == 0


@pytest.mark.parametrize("asked", ["村里党员有几个完成咗任务", "有几多户已经种咗树", "党员有多少个完成任务"])
def test_how_many_of_a_group_have_done_it_is_the_villages_progress(person, bot, clock, asked):
    """The simulator as a secretary: '村里党员有几个完成咗任务' got the FAQ's choice between the quota and how to check:
    the village's counts (本村进度), as who has not planted yet is answered to one who gets no names."""
    clock.set("2027-04-02T09:00")
    secretary = person("o-lin", "林书记", role="村书记")
    reply = secretary.says(asked)
    assert "进度" in reply.splitlines()[0] and "党员参与" in reply, (asked, reply)
