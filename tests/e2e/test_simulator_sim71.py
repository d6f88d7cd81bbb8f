"""sim71, through the signed webhook on a real SQLite file: a season lived in the simulator on the demo county by a
village secretary who reports numbers upward and enters villagers' trees, an adviser answering from the phone and a
grandmother by voice whose grandson helps. Each test was written first and seen failing on main."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot import nlu, outbox
from bot.db import transaction
from tests.conftest import rows_of
from tests.e2e.test_escalation import add_roster, adviser, ticket_number  # noqa: F401 - fixtures
from tests.e2e.test_planting import registered, village  # noqa: F401 - fixtures
from tests.e2e.test_visits import NOWHERE, county, wang  # noqa: F401 - fixtures


def _records(bot) -> list[dict]:
    """Each record's credited person, its count and tree, and whether someone else entered it."""
    return rows_of(
        bot,
        "SELECT p.name, pl.count, pl.species, pl.entered_by_person_id IS NOT NULL AS entered"
        " FROM plantings pl JOIN people p ON p.id = pl.person_id ORDER BY pl.id",
    )


# sim71 (leftover of sim70): the grandmother by voice, '头先啱啱种咗两棵' (just now I planted two): a rule of the
# normalisation (先啱, 才合适) ate the 先 of 头先 (just now) and the 啱 of 啱啱 (just): '头才合适刚种了两棵', which the FAQ
# read as a question of planting depth or of how to log trees. 头先 then 啱 is read as just now; the count is asked its
# tree. (头先 alone is kept as before: '晒足日头先得' is 日头 then 先得.)
@pytest.mark.parametrize(
    ("said", "count"),
    [("头先啱啱种咗两棵", 2), ("头先啱种咗三棵", 3), ("我头先啱啱种咗两棵啊", 2)],  # the last two held-out
)
def test_just_now_said_twice_in_cantonese_is_a_count_asking_its_tree(registered, bot, said, count):  # noqa: F811
    grandma = registered("o-sim71-grandma", "陈桂英")
    reply = grandma.sends_voice("v-1", said + "。")
    assert reply.startswith(f"{count}棵什么树呢？"), reply


@pytest.mark.parametrize(
    ("said", "normal"),
    [
        ("头先啱啱种咗两棵", "头先刚刚种了两棵"),
        ("头先啱啱影咗相", "头先刚刚影了相"),
        ("头先啱种咗两棵荔枝", "头先刚种了两棵荔枝"),
        # controls: 先啱 after anything else is still 'only then right'
        ("要咁种先啱", "要这么种才合适"),
        ("种落去先啱", "种下去才合适"),
        ("大叶紫薇系咪要晒足日头先得", "大叶紫薇是不是要晒足日头才行"),  # 日头 (the sun), then 先得
    ],
)
def test_just_now_keeps_its_then(said, normal):
    assert nlu.normalize(said) == normal


# sim71, the secretary entering a villager's trees in her own words: '陈大伯话佢种咗三棵龙眼' (陈大伯 says he planted
# three) and '佢话种咗两棵荔枝 帮佢记落' (he says he planted two, record it for him) had become the secretary's own
# records, counted as her trees. A name said first is that household's (代种 for it, as '帮陈大伯种咗三棵龙眼' is); he
# or she alone names nobody: she is asked whose, nothing recorded.
@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("陈大伯话佢种咗三棵龙眼", "陈大伯"),
        ("黄桂英说她今天种了两棵桂花", "黄桂英"),  # held-out
        ("李水生讲佢琴日种咗两棵荔枝", "李水生"),  # held-out
        # the household named in a clause before he or she (the simulator's first words, then a probe of set 20u)
        ("陈阿水冇种到 佢话种咗两棵荔枝 帮佢记落", "陈阿水"),
        ("邓婆婆冇手机 佢种咗一棵龙眼 我帮佢报", "邓婆婆"),
    ],
)
def test_a_cadres_villager_named_as_having_planted_is_that_households(registered, bot, said, name):  # noqa: F811
    secretary = registered("o-sim71-sec", "林书记", "村书记")
    reply = secretary.says(said)
    assert f"{name}家" in reply or name in reply, reply
    assert all(r["name"] != "林书记" for r in _records(bot)), _records(bot)


@pytest.mark.parametrize(
    "said",
    [
        "佢话种咗两棵荔枝 帮佢记落",
        "他种了两棵龙眼 帮他登记一下",  # held-out
        "佢哋今日种咗三棵龙眼，麻烦帮佢哋记低",  # held-out
    ],
)
def test_a_cadre_telling_what_he_or_she_planted_is_asked_whose(registered, bot, said):  # noqa: F811
    secretary = registered("o-sim71-sec", "林书记", "村书记")
    reply = secretary.says(said)
    assert reply.startswith("请问是为谁代种？"), reply
    assert _records(bot) == []


@pytest.mark.parametrize("said", ["陈大伯话佢种咗三棵龙眼", "佢话种咗两棵荔枝 帮佢记落"])
def test_a_villager_is_not_given_anothers_named_trees(registered, bot, said):  # noqa: F811
    """A villager naming another who planted is told to have them recorded in that household (round 40's reply); he
    or she alone stays the villager's own record, as before (a spouse, most likely: the household's)."""
    villager = registered("o-sim71-villager", "陈桂英")
    reply = villager.says(said)
    if said.startswith("陈大伯"):
        assert reply.startswith("帮别人家种的树要记在他家名下"), reply
        assert _records(bot) == []
    else:
        assert reply.startswith("记下了：2棵荔枝"), reply


@pytest.mark.parametrize(
    ("said", "reply_starts"),
    [
        ("我种咗两棵荔枝", "记下了：2棵荔枝"),
        ("阿爸话佢种咗两棵荔枝", "记下了：2棵荔枝"),  # one's own household's kin: the sender's, as before
        ("帮陈大伯代种三棵龙眼", "记下了：为陈大伯代种3棵龙眼"),
        # a villager's mistake told, he in it: how records are corrected, as before (no 'whose?')
        ("陈大伯报错咗 佢种咗两棵龙眼 报成二十棵 点改", "还没完成的记录"),
    ],
)
def test_controls_ones_own_and_a_said_proxy_are_as_before(registered, bot, said, reply_starts):  # noqa: F811
    secretary = registered("o-sim71-sec", "林书记", "村书记")
    assert secretary.says(said).startswith(reply_starts)


# sim71 (leftover of sim70): a cadre's village count told, '村里今日种咗三十棵', had become a question for the adviser.
# It is told how the village's count is made (verified records, 本村进度), a cadre how to record for households (代种)
# and plots; a villager likewise, without the cadre's part. Nothing recorded, no ticket.
VILLAGE_COUNTS = [
    "村里今日种咗三十棵",
    "今天全村种了120棵。",
    "我哋村今日种咗三十棵",
    "全村今天一共种了120棵树 已经报上去了",  # held-out
    "我们组今天种了四十棵",  # held-out
]


@pytest.mark.parametrize("said", VILLAGE_COUNTS)
def test_a_cadres_village_count_told_is_how_the_village_is_counted(registered, bot, said):  # noqa: F811
    secretary = registered("o-sim71-sec", "林书记", "村书记")
    reply = secretary.says(said)
    assert reply.startswith("村里的数按每户登记、核实过的种植记录算"), reply
    assert "代种 姓名" in reply and "本村进度" in reply
    assert rows_of(bot, "SELECT id FROM tickets") == [] and _records(bot) == []


def test_a_villagers_village_count_told_is_how_the_village_is_counted(registered, bot):  # noqa: F811
    villager = registered("o-sim71-villager", "陈桂英")
    reply = villager.says("今天全村种了120棵")
    assert reply.startswith("村里的数按每户登记、核实过的种植记录算") and "代种" not in reply, reply


@pytest.mark.parametrize(
    ("said", "not_starts"),
    [
        ("村里今日种咗几多棵", "村里的数"),  # a question: the village's progress
        ("村里面党建林种咗三亩 大概一百五十棵秋枫", "村里的数"),  # the village's plot, a record
        ("我今日种咗三十棵", "村里的数"),  # one's own
    ],
)
def test_controls_the_villages_count_asked_its_plot_and_ones_own(registered, bot, said, not_starts):  # noqa: F811
    secretary = registered("o-sim71-sec", "林书记", "村书记")
    assert not secretary.says(said).startswith(not_starts)


# sim71 (leftover of sim70): a son registers his father's name for his own phone and is told whose this WeChat now
# is; he answers '不是我' (it is not me) or '我不是陈阿水': that had become a question for the adviser. It is how to
# correct the name (登记 again), as '我想改名字' is.
@pytest.mark.parametrize(
    "said", ["不是我", "我不是陈阿水", "唔系我啊", "这个不是我的名字", "登记错人了"]
)  # the last three held-out
def test_the_name_just_registered_denied_is_how_to_correct_it(bot, village, villager_factory, said):  # noqa: F811
    son = villager_factory("o-sim71-son")
    son.follows(str(village))
    assert "如果这个微信是您自己用的" in son.says("帮我阿爸登记 佢叫陈阿水")
    reply = son.says(said)
    assert "登记 正确的姓名 村名" in reply, reply
    assert rows_of(bot, "SELECT id FROM tickets") == []


@pytest.mark.parametrize("said", ["我不是党员", "不是我种的", "这棵不是我种的"])
def test_controls_not_me_of_a_role_or_a_tree_is_no_name_fix(registered, bot, said):  # noqa: F811
    villager = registered("o-sim71-villager", "陈桂英")
    assert "登记 正确的姓名 村名" not in villager.says(said)


# sim71, the adviser on the phone between field visits: '待答' (still to answer), as the help's 待办 and 待回答 are,
# had got '这句我没看懂'. It lists the questions waiting.
@pytest.mark.parametrize("said", ["待答", "未答", "待答问题"])  # the last two held-out
def test_the_adviser_asking_what_waits_in_short_gets_the_queue(villager_factory, adviser, bot, clock, said):  # noqa: F811
    add_roster(bot)
    clock.set("2027-04-08T09:00")
    number = ticket_number(villager_factory("o-villager-1").says("问专家 我家桂花叶子发黄还掉叶是怎么回事"))
    reply = adviser.says(said)
    assert reply.startswith("待回答1个") and f"第{number}号" in reply, reply


# sim71 (leftover of sim70): '种在哪里好' alone had become a question for the adviser (the mangroves' answer no longer
# takes it, 0fbcc13): where a tree goes is each tree's answer, so which tree is asked back; nothing is filed.
@pytest.mark.parametrize(
    "said", ["种在哪里好", "种喺边度好啲", "树苗应该种喺边度？", "种在什么地方好"]
)  # the last two held-out
def test_where_to_plant_with_no_tree_named_asks_which_tree(registered, bot, said):  # noqa: F811
    villager = registered("o-sim71-villager", "陈桂英")
    reply = villager.says(said)
    assert reply.startswith("您想种哪种树？"), reply
    assert rows_of(bot, "SELECT id FROM tickets") == []


@pytest.mark.parametrize(
    ("said", "not_starts"),
    [("荔枝种在哪里好", "您想种哪种树"), ("院子里种什么树好", "您想种哪种树"), ("种在哪里好看", "您想种哪种树")],
)
def test_controls_a_tree_or_a_place_named_is_the_faqs(registered, bot, said, not_starts):  # noqa: F811
    villager = registered("o-sim71-villager", "陈桂英")
    assert not villager.says(said).startswith(not_starts)


# sim71, the adviser between field visits: a sign-in outside every village asks which village; he then writes what he
# did ('今日睇咗陈大伯啲荔枝 长得好 叫佢淋水') and got the adviser's six-line 'not understood' help, nothing of the sign-in
# still waiting. The reply says the sign-in is not recorded yet and lists the villages to pick from, the commands
# left out (a phone's screen); with none waiting, the help as before.
@pytest.mark.parametrize("said", ["今日睇咗陈大伯啲荔枝 长得好 叫佢淋水", "睇完啦 冇乜问题"])  # the second held-out
def test_an_advisers_unread_words_while_a_sign_in_waits_say_it_waits(wang, bot, clock, said):  # noqa: F811
    wang.says("签到")
    clock.advance(minutes=1)
    wang.sends_location(*NOWHERE)
    reply = wang.says(said)
    assert reply.startswith("这句我没看懂，没有转成问题。\n⚠️ 刚才的签到还没记上：请回复编号选村。"), reply
    assert "1. 埔心村" in reply and "答 编号" not in reply
    assert "已记为下围村的下沉服务" in wang.says("2")


def test_control_an_advisers_unread_words_with_no_sign_in_waiting(wang, bot):  # noqa: F811
    reply = wang.says("今日睇咗陈大伯啲荔枝 长得好 叫佢淋水")
    assert reply.startswith("这句我没看懂，没有转成问题。\n回答请发：答 编号 回答内容"), reply


# sim71 (leftover of sim70): a reminder queued before a rename greeted by the old name (the outbox keeps the text
# rendered when it was queued). The son who registered his father's name corrects it with 登记 and his own: what still
# waits for him (queued, held) greets him by his name; what was sent stays as it was.
def test_a_reminder_waiting_when_the_sender_renames_greets_the_new_name(bot, village, villager_factory):  # noqa: F811
    son = villager_factory("o-sim71-son")
    son.follows(str(village))
    son.says("帮我阿爸登记 佢叫陈阿水")
    now = bot.clock()
    with transaction(bot.db):
        for key, status, text in (
            ("r-waiting", "queued", "陈阿水您好！本周还差1棵。"),
            ("r-sent", "sent", "陈阿水您好！本周还差1棵。"),
            # the name elsewhere in a text waiting is someone's words, not a greeting: kept
            ("answer", "queued", "第5号问题的回答：陈阿水家的荔枝要多浇水。"),
        ):
            outbox.enqueue(
                bot.db,
                openid="o-sim71-son",
                kind="reminder",
                text=text,
                dedupe_key=key,
                now=now,
                not_before=now + timedelta(hours=10),
            )
            bot.db.execute("UPDATE outbox SET status = ? WHERE dedupe_key = ?", [status, key])
    assert son.says("登记 陈小明 埔心村").startswith("登记好了：陈小明")
    texts = {r["dedupe_key"]: r["text"] for r in rows_of(bot, "SELECT dedupe_key, text FROM outbox")}
    assert texts["r-waiting"] == "陈小明您好！本周还差1棵。"
    assert texts["r-sent"] == "陈阿水您好！本周还差1棵。"
    assert texts["answer"] == "第5号问题的回答：陈阿水家的荔枝要多浇水。"


def test_every_reminder_with_a_name_opens_with_the_greeting_a_rename_rewrites():
    """The rename rewrites only ``reminders.greeting`` at a text's start: every reminder naming its reader opens so."""
    import tomllib

    from bot.messages import MESSAGES_DIR

    table = tomllib.loads((MESSAGES_DIR / "replies" / "reminders.toml").read_text(encoding="utf-8"))
    named = {key: text.strip() for key, text in table.items() if isinstance(text, str) and "{name}" in text}
    assert len(named) > 3
    for key, text in named.items():
        assert text.startswith(table["greeting"]), key


# sim71, the grandmother by voice just after her record, the photo her grandson's: '我孙帮我影咗相 得未呀' (my grandson
# took the photo for me, is it done?) had become a question for the adviser. Who helped is left out before the photo,
# and 'the photo taken, done yet?' is 记上了没有: the record just finished is named.
@pytest.mark.parametrize(
    "said", ["我孙帮我影咗相 得未呀", "影咗相 得未", "我个仔帮我影咗相 收到未", "孙女帮我拍好了相 得未啊"]
)  # the last two held-out
def test_a_helpers_photo_then_done_yet_is_the_record_just_finished(registered, bot, standin, said):  # noqa: F811
    from tests.e2e.test_planting import photo

    grandma = registered("o-sim71-grandma", "陈桂英")
    standin.add_media("m-1", photo(1))
    grandma.sends_voice("v-1", "两棵荔枝。")
    assert "已记录第1号" in grandma.sends_photo("m-1")
    reply = grandma.sends_voice("v-2", said + "。")
    assert reply.splitlines()[0] == "记上了 ✅ 第1号：2棵荔枝。", reply
    assert rows_of(bot, "SELECT id FROM tickets") == []
