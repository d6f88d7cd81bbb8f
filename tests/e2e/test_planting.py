"""Planting records end to end: signed XML through the real /wechat route, photos served by the WeChat API
stand-in and fetched by the real media job, rows checked in the real SQLite file."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime, timezone

import pytest
from PIL import Image, ImageDraw

from bot import clock
from bot.db import transaction
from bot.media import download_due
from bot.photos import thumb_path
from bot.planting import settle_windows
from bot.simulator import message_xml
from bot.store import roster as roster_store
from tests.conftest import rows_of
from tests.e2e.test_exports import CONTRACT_COLUMNS

START = datetime(2027, 3, 15, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, in the planting window
VILLAGE = {"name": "埔心村", "kind": "村", "lat": 23.10, "lng": 114.40, "radius_m": 3000}


# -- the set-up: a village, its people, photos ----------------------------------------------------
def planting_rows(bot):
    return rows_of(bot, "SELECT * FROM plantings ORDER BY id")


def photo(seed: int, quality: int = 90, exif: Image.Exif | None = None) -> bytes:
    """A small JPEG whose content (so its perceptual hash) depends on ``seed``."""
    img = Image.new("RGB", (320, 240), (seed * 37 % 256, 200, 90))
    draw = ImageDraw.Draw(img)
    for i in range(6):
        x, y = (seed * 53 + i * 97) % 280, (seed * 31 + i * 61) % 200
        draw.rectangle([x, y, x + 40 + i * 5, y + 30], fill=((seed * 11 + i * 40) % 256, i * 40, 255 - i * 30))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality, **({"exif": exif} if exif is not None else {}))
    return buf.getvalue()


def exif_taken(when: str) -> Image.Exif:
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = when  # DateTimeOriginal
    return exif


@pytest.fixture
def village(bot):
    db = bot.db
    with db.conn:
        return roster_store.insert_village(db, VILLAGE, clock.to_db(START))


@pytest.fixture
def registered(bot, village, villager_factory):
    """register(openid, name, role) -> a WeChatUser bound to a roster person of 埔心村 (as the roster's openid
    column binds: a staff role holds)."""
    bot.clock.set(START)

    def register(openid: str, name: str, role: str = "群众"):
        db = bot.db
        with db.conn:
            person_id = roster_store.insert_person(
                db, {"name": name, "village_id": village, "role": role}, clock.to_db(START)
            )
            roster_store.bind_openid(db, person_id, openid, clock.to_db(START), via="roster")
        return villager_factory(openid)

    return register


@pytest.fixture
def villager(registered):
    return registered("o-plant-1", "王大妈")


@pytest.fixture
def cadre(registered):
    return registered("o-cadre-1", "陈书记", "村书记")


def run_media_job(bot):
    return download_due(bot, bot.clock())


def export_plantings(bot) -> list[dict]:
    from bot import exports

    header, data = exports.rows(bot, "plantings")
    out = io.StringIO()
    exports.write_csv(header, data, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


# -- every order of photo / text / location --------------------------------------------------------
def test_photo_then_text_makes_one_complete_record(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    assert "树种和棵数" in villager.sends_photo("m-1")
    reply = villager.says("3棵桂花")
    assert "第1号" in reply and "3棵桂花" in reply and "进度" in reply
    (record,) = planting_rows(bot)
    assert (record["status"], record["species"], record["count"], record["kind"]) == ("complete", "桂花", 3, "tree")
    assert record["review"] == "none" and record["flags"] == ""


def test_text_then_photo(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    assert "照片" in villager.says("3棵桂花")
    assert "第1号" in villager.sends_photo("m-1")
    assert planting_rows(bot)[0]["status"] == "complete"


def test_counted_text_first_then_photo_with_chinese_numerals(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    assert "两棵龙眼" not in villager.says("种了两棵龙眼")
    assert "2棵龙眼" in villager.sends_photo("m-1")
    assert planting_rows(bot)[0]["count"] == 2


@pytest.mark.parametrize(
    "text, species, count",
    [
        ("三株桂花", "桂花", 3),
        ("两颗荔枝", "荔枝", 2),
        ("十二棵龙眼", "龙眼", 12),
        ("二十棵杨梅", "杨梅", 20),
        ("桂花三棵", "桂花", 3),
        ("种了3棵樟树", "香樟", 3),
        ("三角梅5棵", "簕杜鹃", 5),
        ("桃树两棵", "桃", 2),
        ("柿子树1棵", "柿", 1),
        ("3棵芒果", "芒果", 3),
    ],
)
def test_numerals_and_aliases(villager, bot, standin, text, species, count):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert "第1号" in villager.says(text)
    (record,) = planting_rows(bot)
    assert (record["species"], record["count"]) == (species, count)


def test_replies_show_the_seeds_names_of_short_keyed_species(villager, bot, standin):
    """桃, 李, 柿 are stored short (matching); replies say 桃子, 李子, 柿子 as seed 002 does."""
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert "李子种了几棵" in villager.says("种了李子树")
    assert "已记录第1号：2棵李子" in villager.says("2棵")
    assert "记下了：3棵桃子" in villager.says("种了桃树3棵")
    assert [r["species"] for r in planting_rows(bot)] == ["李", "桃"]  # stored as matched


def test_about_five_trees_asks_which_tree_and_records_no_species_called_about(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert "是什么树" in villager.says("大概5棵")
    assert "第1号" in villager.says("桂花")
    assert [(r["species"], r["count"]) for r in planting_rows(bot)] == [("桂花", 5)]


@pytest.mark.parametrize("thanks", ["唔该晒你", "多谢你们", "得闲再倾"])
def test_thanks_while_a_tree_is_asked_for_is_no_tree(villager, bot, thanks):
    """Round 22 (found in the simulator): '唔该晒你' after '2棵树是什么树？' was recorded as 2棵唔该晒你."""
    assert "是什么树" in villager.says("今天种了两棵树")
    assert "记下了" not in villager.says(thanks)
    assert [r["species"] for r in planting_rows(bot)] == [None]


def test_bare_answers_fill_what_the_pending_record_asked_for(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert "几棵" in villager.says("桂花")
    assert "第1号" in villager.says("三棵")
    assert planting_rows(bot)[0]["count"] == 3
    standin.add_media("m-2", photo(2))
    clock.advance(minutes=5)
    villager.sends_photo("m-2")
    assert "什么树" in villager.says("4棵")
    assert "第2号" in villager.says("黄皮")
    record = planting_rows(bot)[1]
    assert (record["species"], record["species_known"], record["flags"]) == ("黄皮", 0, "unknown_species")


ASK_UNHEARD = "没认出“张三”这种树。2棵树是什么树？请发树名，如“桂花”；确实叫“张三”就再发一次“张三”。"


def test_a_word_that_is_no_tree_the_bot_knows_is_asked_about_not_recorded_as_the_tree(villager, bot, standin):
    """张三 2棵 once made a record of 2棵“张三” (flagged for review as an unknown species). A word that is neither on
    the species list nor among the trees off it ([offlist]: 黄皮, 发财树) is not taken as the tree: the record keeps
    its count and the bot asks, naming the word; the tree's name answers, and so does the same word again."""
    standin.add_media("m-1", photo(1))
    assert villager.says("张三 2棵") == ASK_UNHEARD + "还要一张种好的树的照片📷"
    (record,) = planting_rows(bot)
    assert (record["species"], record["count"]) == (None, 2)
    assert "照片" in villager.says("龙眼")
    assert "第1号" in villager.sends_photo("m-1")
    (record,) = planting_rows(bot)
    assert (record["species"], record["species_known"], record["count"]) == ("龙眼", 1, 2)


def test_an_unheard_tree_name_said_again_is_taken_as_written(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    assert villager.says("张三 2棵") == "照片收到（1张）。" + ASK_UNHEARD
    assert "第1号" in villager.says("张三")
    (record,) = planting_rows(bot)
    assert (record["species"], record["species_known"], record["flags"]) == ("张三", 0, "unknown_species")


def test_a_tree_off_the_list_is_still_recorded_as_written(villager, bot, standin):
    """黄皮 is no recommended species but a tree the bot knows ([offlist]): recorded, and reviewed."""
    assert "记下了：2棵黄皮" in villager.says("黄皮两棵")


def test_vague_count_makes_the_bot_ask(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    reply = villager.says("今天种了十几棵桂花")
    assert "具体棵数" in reply
    assert planting_rows(bot)[0]["count"] is None
    villager.sends_photo("m-1")
    assert "第1号" in villager.says("12棵")
    assert planting_rows(bot)[0]["count"] == 12


@pytest.mark.parametrize("text", ["今天种了3-5棵桂花", "种了3到5棵龙眼", "种了三到五棵秋枫"])
def test_a_range_of_counts_is_vague_and_the_bot_asks(villager, bot, text):
    # the exact count used to be found first: '3-5棵' was recorded as 5 trees
    assert "具体棵数" in villager.says(text)
    assert planting_rows(bot)[0]["count"] is None
    assert "4棵" in villager.says("4棵")
    assert planting_rows(bot)[0]["count"] == 4


def test_several_photos_belong_to_one_record(villager, bot, standin, clock):
    for i in (1, 2, 3):
        standin.add_media(f"m-{i}", photo(i))
    villager.sends_photo("m-1")
    assert "2张" in villager.sends_photo("m-2")
    assert "第1号" in villager.says("3棵桂花")
    clock.advance(seconds=20)
    assert "共3张" in villager.sends_photo("m-3")
    assert len(planting_rows(bot)) == 1
    assert len(rows_of(bot, "SELECT * FROM planting_photos WHERE planting_id = 1")) == 3
    run_media_job(bot)
    assert rows_of(bot, "SELECT count(*) AS n FROM planting_photos WHERE sha256 IS NOT NULL")[0]["n"] == 3
    assert planting_rows(bot)[0]["flags"] == ""


def test_a_photo_long_after_a_finished_record_starts_a_new_one(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    villager.says("3棵桂花")
    villager.sends_photo("m-1")
    clock.advance(minutes=10)
    assert "树种和棵数" in villager.sends_photo("m-2")
    assert [r["status"] for r in planting_rows(bot)] == ["complete", "pending"]


@pytest.mark.parametrize(
    "order",
    [
        ("location", "photo", "text"),
        ("photo", "location", "text"),
        ("text", "location", "photo"),
        ("photo", "text", "location"),
        ("text", "photo", "location"),
        ("location", "text", "photo"),
    ],
)
def test_location_in_any_order(villager, bot, standin, order):
    standin.add_media("m-1", photo(1))
    send = {
        "photo": lambda: villager.sends_photo("m-1"),
        "text": lambda: villager.says("3棵桂花"),
        "location": lambda: villager.sends_location(23.101, 114.401, "埔心村口"),
    }
    replies = [send[part]() for part in order]
    completing = max(order.index("text"), order.index("photo"))  # the record is made with both
    assert "第1号" in replies[completing]
    (record,) = planting_rows(bot)
    assert (record["status"], record["lat"], record["lng"]) == ("complete", 23.101, 114.401)
    assert record["location_label"] == "埔心村口"


def test_location_after_the_window_is_not_attached(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    villager.says("3棵桂花")
    villager.sends_photo("m-1")
    clock.advance(minutes=31)
    assert "第1号" not in (villager.sends_location(23.101, 114.401, "x") or "")
    assert planting_rows(bot)[0]["lat"] is None


def test_menu_explains_in_one_line(villager, bot):
    assert "照片" in villager.clicks("PLANT") and "3棵桂花" in villager.says("记录种树")
    assert planting_rows(bot) == []


# -- the window, 取消, incomplete records ------------------------------------------------------------
def test_cancel_drops_the_pending_record(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.says("3棵桂花")
    assert "取消" in villager.says("取消")
    villager.sends_photo("m-1")  # starts a new record: the cancelled one is not completed
    records = planting_rows(bot)
    assert [r["status"] for r in records] == ["cancelled", "pending"]
    assert records[1]["species"] is None


def test_cancel_marks_the_record_at_once_and_the_job_has_nothing_left(villager, bot, clock):
    villager.says("3棵桂花")
    villager.says("取消")
    assert planting_rows(bot)[0]["status"] == "cancelled"
    assert settle_windows(bot, clock.advance(minutes=1)) == {"cancelled": 0, "incomplete": 0}
    assert planting_rows(bot)[0]["status"] == "cancelled"
    assert rows_of(bot, "SELECT * FROM outbox") == []


def test_spoken_commands_work_with_the_full_stop_voice_recognition_adds(villager, bot):
    """A villager who speaks: WeChat's recognition gives "取消。" and "退订。", never a ticket."""
    villager.sends_voice("v-1", recognition="3棵桂花。")
    assert "取消" in villager.sends_voice("v-2", recognition="取消。")
    assert planting_rows(bot)[0]["status"] == "cancelled"
    villager.sends_voice("v-3", recognition="退订。")
    assert rows_of(bot, "SELECT reminders_off FROM users WHERE openid = ?", [villager.openid])[0]["reminders_off"] == 1
    assert rows_of(bot, "SELECT * FROM tickets") == []


def test_a_record_whose_flow_vanished_is_cancelled_by_the_job(villager, bot, clock):
    villager.says("3棵桂花")
    bot.db.execute("DELETE FROM conversations")  # the flow is gone without 取消 (e.g. removed by hand)
    assert settle_windows(bot, clock.advance(minutes=1)) == {"cancelled": 1, "incomplete": 0}
    assert planting_rows(bot)[0]["status"] == "cancelled"


def test_a_record_without_photo_is_kept_incomplete_and_reminded_once(villager, bot, standin, clock):
    villager.says("3棵桂花")
    clock.advance(minutes=31)
    assert settle_windows(bot, bot.clock()) == {"cancelled": 0, "incomplete": 1}
    assert settle_windows(bot, bot.clock()) == {"cancelled": 0, "incomplete": 0}
    clock.advance(minutes=5)
    settle_windows(bot, bot.clock())
    (reminder,) = rows_of(bot, "SELECT * FROM outbox WHERE openid = 'o-plant-1'")
    assert reminder["kind"] == "system" and "3棵桂花" in reminder["text"] and "照片" in reminder["text"]
    (record,) = planting_rows(bot)
    assert record["status"] == "pending" and record["reminded_at"]
    assert export_plantings(bot)[0]["status"] == "pending"
    # the photo, a day later, finishes it
    standin.add_media("m-1", photo(1))
    clock.advance(hours=24)
    assert "第1号" in villager.sends_photo("m-1")
    assert planting_rows(bot)[0]["status"] == "complete"


def test_a_bare_count_after_the_late_reminder_finishes_the_record(villager, bot, standin, clock):
    """Photo and species, then the window closes and the reminder asks for the count: "3棵" alone answers it."""
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says("桂花")
    clock.advance(minutes=31)
    settle_windows(bot, bot.clock())
    clock.advance(hours=2)
    assert "第1号" in villager.says("3棵")
    (record,) = planting_rows(bot)
    assert (record["status"], record["species"], record["count"]) == ("complete", "桂花", 3)


def test_a_new_text_after_the_window_starts_a_new_record(villager, bot, clock):
    villager.says("3棵桂花")
    clock.advance(minutes=31)
    villager.says("2棵龙眼")
    records = planting_rows(bot)
    assert [(r["species"], r["status"], bool(r["closed_at"])) for r in records] == [
        ("桂花", "pending", True),
        ("龙眼", "pending", False),
    ]
    assert len(rows_of(bot, "SELECT * FROM outbox WHERE dedupe_key = 'planting-incomplete:1'")) == 1


def test_a_photo_after_the_window_of_a_photo_only_record_starts_anew_but_text_finishes_it(
    villager, bot, standin, clock
):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    clock.advance(minutes=40)
    assert "第1号" in villager.says("3棵桂花")
    assert [r["status"] for r in planting_rows(bot)] == ["complete"]


def test_take_pending_photos_hands_the_photo_over(villager, bot, standin):
    from bot.context import Ctx
    from bot.incoming import Incoming
    from bot.planting import take_pending_photos

    villager.sends_photo("m-1")
    media_row = rows_of(bot, "SELECT id FROM media WHERE media_id = 'm-1'")[0]["id"]
    msg = Incoming(openid="o-plant-1", account="gh", msg_type="text", create_time=0, text="看看这棵树怎么了")
    ctx = Ctx(app=bot, db=bot.db, msg=msg, now=bot.clock(), user={}, inbox_id=0)
    with bot.db.conn:
        assert take_pending_photos(ctx) == [media_row]
        assert take_pending_photos(ctx) == []
    assert planting_rows(bot)[0]["status"] == "cancelled"
    assert rows_of(bot, "SELECT * FROM planting_photos") == []


# -- cadres: plots and 代种 -------------------------------------------------------------------------
def test_cadre_plot_record_counts_area(cadre, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    assert "照片" in cadre.says("党建林 2.5亩 120棵 香樟")
    assert "第1号" in cadre.sends_photo("m-1")
    clock.advance(seconds=10)
    assert "共2张" in cadre.sends_photo("m-2")
    (record,) = planting_rows(bot)
    assert (record["kind"], record["site"], record["area_mu"], record["count"], record["species"]) == (
        "plot",
        "党建林",
        2.5,
        120,
        "香樟",
    )
    assert record["status"] == "complete" and record["review"] == "none"


def test_villager_cannot_log_a_plot_or_for_someone_else(villager, bot):
    assert "村干部" in villager.says("党建林 2.5亩 120棵 香樟")
    assert "村干部" in villager.says("代种 李四 2棵龙眼")
    assert planting_rows(bot) == []


def test_proxy_names_a_household_whose_name_starts_with_a_tree(cadre, bot, standin):
    """代种 李明 (李 is also a plum): 李明's household, the tree 龙眼."""
    standin.add_media("m-1", photo(1))
    cadre.says("代种 李明 2棵龙眼")
    assert "李明" in cadre.sends_photo("m-1")
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '李明'")[0]
    assert (record["person_id"], record["species"], record["count"]) == (member["id"], "龙眼", 2)


def test_the_photo_prompt_of_a_proxy_names_the_household(cadre, bot, standin):
    """代种 李明 2棵李子: the prompt for the photo says whose record it joins (it once said only 2棵李子, as for the
    cadre's own trees)."""
    standin.add_media("m-1", photo(1))
    assert cadre.says("代种 李明 2棵李子") == "记下了：为李明代种2棵李子。请再发一张李明家种好的树的照片📷"
    assert "李明" in cadre.sends_photo("m-1")
    # the cadre's own record is still asked for as before
    assert cadre.says("3棵桂花") == "记下了：3棵桂花。请再发一张种好的树的照片📷"


ASK_PROXY_NAME = "请问是为谁代种？请您带上姓名再发，如“代种 张三 2棵龙眼”。"


@pytest.mark.parametrize("text", ["代种李子2棵", "代种 李子 2棵", "代种 桂花 3棵桂花", "代种 2棵龙眼"])
def test_proxy_with_a_trees_name_or_no_name_asks_whose_trees(cadre, bot, standin, text):
    """A tree's name where the name goes (代种李子2棵: 2 plums for whom?) or no name: nothing is recorded, no household
    called 李子 is added, the cadre's own progress gets no trees; the bot asks for the name. With it (代种 李明 2棵李子,
    李明 a person though 李 is a plum) the pending photo and the text make 李明's record."""
    people = rows_of(bot, "SELECT id, name FROM people")
    standin.add_media("m-1", photo(1))
    cadre.sends_photo("m-1")
    assert cadre.says(text) == ASK_PROXY_NAME
    assert rows_of(bot, "SELECT id, name FROM people") == people
    (record,) = planting_rows(bot)
    assert (record["status"], record["species"], record["count"]) == ("pending", None, None)
    reply = cadre.says("代种 李明 2棵李子")
    assert "第1号" in reply and "李明" in reply, reply
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '李明'")[0]
    assert record["status"] == "complete"
    assert (record["person_id"], record["species"], record["count"]) == (member["id"], "李", 2)


def test_a_proxy_for_a_person_named_like_a_tree_is_theirs_when_the_count_names_the_tree(cadre, bot, standin):
    """代种 杨梅 2棵龙眼: 杨梅 is a tree and a woman's name; with 2棵龙眼 after it the cadre wrote 代种 <姓名> <数量树种>,
    so it is 杨梅's record (it once asked 请问是为谁代种 as if no name had been given). The photo prompt names her: a
    slip shows before the photo is sent."""
    standin.add_media("m-1", photo(1))
    assert cadre.says("代种 杨梅 2棵龙眼") == "记下了：为杨梅代种2棵龙眼。请再发一张杨梅家种好的树的照片📷"
    assert "杨梅" in cadre.sends_photo("m-1")
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '杨梅'")[0]
    assert (record["status"], record["person_id"], record["species"], record["count"]) == (
        "complete",
        member["id"],
        "龙眼",
        2,
    )


def test_a_proxy_for_another_household_waits_until_the_record_being_collected_is_done(cadre, bot, standin):
    """A cadre sends the texts first, the photos after: 3棵桂花 (their own), then 代种 李明 2棵龙眼, then 代种 王五 3棵荔枝.
    Each 代种 once replaced the record being collected (its trees and its person: one record, 王五's 3棵荔枝, and 李明
    added with none). Now the bot says which record still waits and what for, and changes nothing."""
    for n in (1, 2, 3):
        standin.add_media(f"m-{n}", photo(n))
    cadre.says("3棵桂花")
    reply = cadre.says("代种 李明 2棵龙眼")
    assert reply == "您还有一条记录没记完：您自己的3棵桂花，还差照片。请先补完，再发这一条；不要那条了请先发“取消”。"
    assert "第1号" in cadre.sends_photo("m-1")
    assert "照片" in cadre.says("代种 李明 2棵龙眼")
    reply = cadre.says("代种 王五 3棵荔枝")
    assert (
        reply == "您还有一条记录没记完：为李明代种的2棵龙眼，还差照片。请先补完，再发这一条；不要那条了请先发“取消”。"
    )
    assert "李明" in cadre.sends_photo("m-2")
    cadre.says("代种 王五 3棵荔枝")
    assert "王五" in cadre.sends_photo("m-3")
    names = {r["id"]: r["name"] for r in rows_of(bot, "SELECT id, name FROM people")}
    made = [(names[r["person_id"]], r["species"], r["count"], r["status"]) for r in planting_rows(bot)]
    assert made == [("陈书记", "桂花", 3, "complete"), ("李明", "龙眼", 2, "complete"), ("王五", "荔枝", 3, "complete")]


def test_a_plot_is_never_the_area_of_a_record_of_counted_trees_being_collected(cadre, bot, standin):
    """Found in the simulator (round 52): 帮陈伯登记3棵龙眼, then 党建林种了2亩桂花 before the photo became one record,
    为陈伯代种党建林 2亩 3棵桂花 (陈伯's 龙眼 gone, the plot his). The plot is another record, as a 代种 for another
    household is: the bot says which record still waits, changes nothing; the cadre's own counted trees likewise."""
    for n in (1, 2, 3, 4):
        standin.add_media(f"m-{n}", photo(n))
    assert "陈伯" in cadre.says("帮陈伯登记3棵龙眼")
    reply = cadre.says("党建林种了2亩桂花")
    assert (
        reply == "您还有一条记录没记完：为陈伯代种的3棵龙眼，还差照片。请先补完，再发这一条；不要那条了请先发“取消”。"
    )
    assert "陈伯" in cadre.sends_photo("m-1")
    assert "照片" in cadre.says("党建林种了2亩桂花")
    assert "第2号" in cadre.sends_photo("m-2")
    cadre.says("3棵香樟")
    assert "您自己的3棵香樟" in cadre.says("主题林 1.5亩 香樟")
    cadre.sends_photo("m-3")
    names = {r["id"]: r["name"] for r in rows_of(bot, "SELECT id, name FROM people")}
    made = [
        (names[r["person_id"]], r["kind"], r["area_mu"], r["species"], r["count"], r["status"])
        for r in planting_rows(bot)
    ]
    assert made[:3] == [
        ("陈伯", made[0][1], None, "龙眼", 3, "complete"),
        ("陈书记", "plot", 2, "桂花", None, "complete"),
        ("陈书记", made[2][1], None, "香樟", 3, "complete"),
    ]
    assert "plot" not in (made[0][1], made[2][1])


def test_a_plot_told_after_its_photo_and_tree_is_that_record(cadre, bot, standin):
    """The control: a record with only its photo and tree (a photo, 桂花) takes the plot's area (党建林 2亩)."""
    standin.add_media("m-1", photo(1))
    cadre.sends_photo("m-1")
    cadre.says("桂花")
    assert "第1号" in cadre.says("党建林 2亩")
    ((kind, area, species, status),) = [
        (r["kind"], r["area_mu"], r["species"], r["status"]) for r in planting_rows(bot)
    ]
    assert (kind, area, species, status) == ("plot", 2, "桂花", "complete")


def test_a_proxy_without_its_tree_asks_for_the_tree(cadre, bot, standin):
    """代种 张三 2棵 once got the how-to of 代种 (nothing kept): now it is 张三's record, and the bot asks the tree."""
    standin.add_media("m-1", photo(1))
    assert cadre.says("代种 张三 2棵") == "2棵树是什么树？请发树名，如“桂花”。还要一张种好的树的照片📷"
    assert "照片" in cadre.says("龙眼")
    assert "张三" in cadre.sends_photo("m-1")
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '张三'")[0]
    assert (record["status"], record["person_id"], record["species"], record["count"]) == (
        "complete",
        member["id"],
        "龙眼",
        2,
    )


@pytest.mark.parametrize("text", ["代种2棵算谁的", "代种 2棵龙眼算谁的", "代种2棵怎么算", "代种两棵算谁名下"])
def test_a_question_about_proxy_planting_is_answered_not_recorded(cadre, bot, text):
    """代种2棵算谁的 asks how 代种 counts: it once started a record and asked 请问是为谁代种. 谁 asks, as 怎么 and 吗 do:
    the FAQ answers (the 代种 help; 算谁名下 it does not know yet goes to the adviser) and nothing is recorded."""
    reply = cadre.says(text)
    assert "代种 姓名 数量树种" in reply or "问题编号" in reply, reply
    assert reply != ASK_PROXY_NAME
    assert planting_rows(bot) == []


@pytest.mark.parametrize("text", ["我帮我爸妈登记行吗", "我老豆八十几岁唔识用手机 我帮佢报得唔得"])
def test_a_villager_asking_to_log_for_a_parent_is_told_the_household_logs_it_itself(villager, bot, text):
    """Round 53 (the lead, in the simulator): the 代种 help said only cadres log for one without a phone; a family
    member of the same household logs the household's trees with their own WeChat (a relative's trees stay one's own
    household's record, bot/nlu.py planted_for), and 代种 is for another household."""
    villager.says("登记 陈秀英 埔心村")
    reply = villager.says(text)
    assert "同一户" in reply and "代种 姓名 数量树种" in reply, reply
    assert planting_rows(bot) == []


@pytest.mark.parametrize("recognition", ["代种，李四，两棵龙眼。", "代种：李四、两棵龙眼"])
def test_a_proxy_by_voice_with_its_pauses(cadre, bot, standin, recognition):
    """Round 46 (the simulator): voice input writes pauses around the name ('代种，陈大伯，两棵龙眼。'): the name was
    not read and the bot asked for it."""
    standin.add_media("m-1", photo(1))
    assert (
        cadre.sends_voice("v-1", recognition=recognition)
        == "记下了：为李四代种2棵龙眼。请再发一张李四家种好的树的照片📷"
    )
    cadre.sends_photo("m-1")
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '李四'")[0]
    assert (record["person_id"], record["count"]) == (member["id"], 2)


def test_a_villagers_proxy_without_a_name_is_refused_as_any_proxy(villager, bot):
    assert "村干部" in villager.says("代种李子2棵")
    assert planting_rows(bot) == []


@pytest.mark.parametrize(
    ("text", "own"), [("帮我登记两棵龙眼", True), ("帮阿妈报两棵龙眼", True), ("帮老人家登记两棵龙眼", False)]
)
def test_a_count_entered_for_oneself_or_an_unnamed_household(cadre, bot, text, own):
    """Round 46: '帮…登记/报 <count>' is a 代种 only for a household named: for oneself or one's kin it is one's own
    record; for 老人家 with no name the name is asked, as for '代种 2棵龙眼' (a cadre's count once went to the cadre)."""
    reply = cadre.says(text)
    assert reply == ("记下了：2棵龙眼。请再发一张种好的树的照片📷" if own else ASK_PROXY_NAME)


def test_a_villager_entering_a_count_for_another_household_is_refused(villager, bot):
    """Round 46: '帮陈大伯登记三棵荔枝' from a villager is a 代种 (the cadres'), not the villager's own three trees."""
    assert "村干部" in villager.says("帮陈大伯登记三棵荔枝")
    assert planting_rows(bot) == []


def test_proxy_record_is_credited_to_the_household_member(cadre, bot, standin):
    standin.add_media("m-1", photo(1))
    cadre.says("代种 李四 2棵龙眼")
    reply = cadre.sends_photo("m-1")
    assert "第1号" in reply and "李四" in reply
    # the progress line is 李四's, and says so: "您已种2棵｜本户2/1棵" read as the cadre's own trees
    assert "李四已种2棵｜李四家2/1棵" in reply and "您" not in reply.splitlines()[-1]
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = '李四'")[0]
    cadre_row = rows_of(bot, "SELECT * FROM people WHERE name = '陈书记'")[0]
    assert (member["role"], member["source"], member["village_id"]) == ("群众", "proxy", cadre_row["village_id"])
    assert (record["person_id"], record["entered_by_person_id"], record["openid"]) == (
        member["id"],
        cadre_row["id"],
        "o-cadre-1",
    )
    (exported,) = export_plantings(bot)
    assert (exported["person"], exported["entered_by"]) == ("李四", "陈书记")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("帮李四代种两棵龙眼", "李四"),
        ("替村尾黄婆婆代种2棵龙眼", "黄婆婆"),
        ("为五保户陈伯代种两棵龙眼 相片等阵发", "陈伯"),
        # round 46 (found in the simulator): the cadre's own words for entering a count, or 代 before the name
        ("帮李四登记两棵龙眼", "李四"),
        ("代陈大伯报2棵龙眼", "陈大伯"),
        ("替村尾黄婆婆录咗两棵龙眼", "黄婆婆"),
        ("帮五保户陈伯记低两棵龙眼", "陈伯"),
        # the lead, forty-second session (the simulator as a secretary): the household said after the name (屋企, 家, 嗰户)
        # had become part of it ('陈伯屋企'), and with a tree in the name ('陈木棉屋企') the secretary's own 2棵木棉
        ("帮陈伯屋企代种两棵龙眼", "陈伯"),
        ("帮陈木棉屋企代种两棵龙眼 佢冇手机", "陈木棉"),
        ("替黄桂英家代种2棵龙眼", "黄桂英"),
        ("帮五保户李杨梅嗰户登记两棵龙眼", "李杨梅"),
    ],
)
def test_a_proxy_said_with_the_name_first_is_the_households(cadre, bot, standin, text, name):
    """Round 38: cadres say whom they plant for before the verb ('帮陈伯代种两棵龙眼'): the record was the cadre's own
    2棵龙眼; now it is the named household's, the words that say who they are (五保户, 村尾) left out of the name."""
    standin.add_media("m-1", photo(1))
    assert cadre.says(text) == f"记下了：为{name}代种2棵龙眼。请再发一张{name}家种好的树的照片📷"
    assert name in cadre.sends_photo("m-1")
    (record,) = planting_rows(bot)
    member = rows_of(bot, "SELECT * FROM people WHERE name = ?", [name])[0]
    assert (record["person_id"], record["count"]) == (member["id"], 2)


def test_a_proxy_for_ones_own_relative_stays_ones_own_record(cadre, bot, standin):
    """'帮阿妈代种两棵龙眼': a relative, no name for the roster: the cadre's own household's record, no person added;
    a neighbour's 阿婆 ('帮隔壁阿婆代种…') is a household whose name is asked for, nothing recorded."""
    people = rows_of(bot, "SELECT id FROM people")
    assert cadre.says("帮隔壁阿婆代种一棵龙眼") == ASK_PROXY_NAME
    assert planting_rows(bot) == []
    assert cadre.says("帮阿妈代种两棵龙眼") == "记下了：2棵龙眼。请再发一张种好的树的照片📷"
    assert rows_of(bot, "SELECT id FROM people") == people


def test_a_cadre_without_a_village_logs_no_plot_and_adds_no_household(bot, villager_factory):
    """A 村干部 whom the roster gives no village: a plot would count in no village, a 代种 household would have none."""
    with transaction(bot.db):
        cadre = roster_store.insert_person(bot.db, {"name": "周干部", "role": "村干部"}, clock.to_db(bot.clock()))
        roster_store.bind_openid(bot.db, cadre, "o-zhou", clock.to_db(bot.clock()), via="roster")
    zhou = villager_factory("o-zhou")
    zhou.follows()
    people = rows_of(bot, "SELECT id FROM people")
    refusal = "名册里您还没有所属的村（社区），不能记党建林面积或代种。请联系办公室在名册里填上您的村。"
    assert zhou.says("代种 李四 2棵龙眼") == refusal
    assert zhou.says("党建林 2.5亩 120棵 香樟") == refusal
    assert rows_of(bot, "SELECT id FROM people") == people
    assert planting_rows(bot) == []


def test_proxy_uses_the_roster_person_when_there_is_one(cadre, registered, bot, standin):
    registered("o-other", "李四")
    standin.add_media("m-1", photo(1))
    cadre.sends_photo("m-1")
    cadre.says("代种 李四 2棵龙眼")
    assert len(rows_of(bot, "SELECT * FROM people WHERE name = '李四'")) == 1
    assert planting_rows(bot)[0]["person_id"] == rows_of(bot, "SELECT id FROM people WHERE name = '李四'")[0]["id"]


# -- photos and flags ---------------------------------------------------------------------------------
def test_photo_is_hashed_thumbnailed_and_exported(villager, bot, standin):
    data = photo(1)
    standin.add_media("m-1", data)
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    assert rows_of(bot, "SELECT sha256 FROM planting_photos")[0]["sha256"] is None  # not downloaded yet
    assert run_media_job(bot)["stored"] == 1
    (stored,) = rows_of(bot, "SELECT * FROM planting_photos")
    sha = hashlib.sha256(data).hexdigest()
    assert stored["sha256"] == sha and stored["phash"] is not None and stored["analysed_at"]
    assert thumb_path(bot.config.photos_dir, sha).is_file()
    (exported,) = export_plantings(bot)
    for column in CONTRACT_COLUMNS["plantings"]:
        assert column in exported
    assert (exported["photo_sha256"], exported["person"], exported["village"], exported["status"]) == (
        sha,
        "王大妈",
        "埔心村",
        "complete",
    )


def test_same_photo_on_another_record_is_flagged_with_a_pointer(villager, registered, bot, standin):
    neighbour = registered("o-plant-2", "李大叔")
    data = photo(1)
    standin.add_media("m-1", data)
    standin.add_media("m-2", data)
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    neighbour.sends_photo("m-2")
    neighbour.says("3棵桂花")
    run_media_job(bot)
    first, second = planting_rows(bot)
    assert first["flags"] == "" and second["flags"] == "duplicate_photo"
    assert second["review"] == "pending"
    assert '"ref": 1' in second["flag_details"] and "第1号" in second["flag_details"]
    assert export_plantings(bot)[1]["flags"] == "duplicate_photo"


def test_near_identical_photo_is_flagged(villager, bot, standin, clock):
    standin.add_media("m-1", photo(7, quality=92))
    standin.add_media("m-2", photo(7, quality=60))  # re-encoded: other bytes, same picture
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    clock.advance(minutes=10)
    villager.sends_photo("m-2")
    villager.says("2棵桂花")
    run_media_job(bot)
    assert [r["flags"] for r in planting_rows(bot)] == ["", "duplicate_photo"]


def test_the_photo_index_sees_photos_another_process_analysed(villager, registered, bot, standin, clock, app_with):
    """Two processes on one database (``serve --workers``, a scheduler lease that moved): each one's index
    takes in what the other analysed before it decides, also after it was built."""
    other = app_with().extensions["bot"]
    other.clock = clock
    neighbour = registered("o-plant-2", "李大叔")
    standin.add_media("m-0", photo(3))
    villager.sends_photo("m-0")
    villager.says("1棵龙眼")
    run_media_job(bot)  # this process's index is built (and holds photo 3)
    standin.add_media("m-1", photo(7, quality=92))
    standin.add_media("m-2", photo(7, quality=60))  # re-encoded: other bytes, same picture
    clock.advance(minutes=10)
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    run_media_job(other)  # analysed by the other process
    neighbour.sends_photo("m-2")
    neighbour.says("2棵桂花")
    run_media_job(bot)
    assert [r["flags"] for r in planting_rows(bot)] == ["", "", "duplicate_photo"]
    assert planting_rows(bot)[2]["flag_details"].count('"ref": 2') == 1


def test_a_photo_analysis_that_was_rolled_back_does_not_hide_the_next_photo(villager, registered, bot, standin, clock):
    """Two photos analysed again in one transaction (``bot.media.announce`` runs the listeners inside the writer's
    group), which then rolls back: the second one's look at the index read the first one's new ``index_seq``, which
    the rollback frees for the next photo analysed. The index still takes that photo in (bot/follow.py)."""
    from bot.db import transaction
    from bot.media import announce

    neighbour = registered("o-plant-2", "李大叔")
    for n, (user, text) in enumerate(((villager, "1棵龙眼"), (neighbour, "1棵荔枝")), start=1):
        standin.add_media(f"m-{n}", photo(n))
        user.sends_photo(f"m-{n}")
        user.says(text)
        run_media_job(bot)
    media_ids = [r["media_row_id"] for r in rows_of(bot, "SELECT media_row_id FROM planting_photos ORDER BY id")]
    with pytest.raises(RuntimeError), transaction(bot.db) as db:
        assert all(announce(bot, db, media_id) for media_id in media_ids)
        raise RuntimeError("the group failed")
    clock.advance(minutes=10)
    standin.add_media("m-3", photo(7, quality=92))
    standin.add_media("m-4", photo(7, quality=60))  # re-encoded: other bytes, same picture
    villager.sends_photo("m-3")
    villager.says("3棵桂花")
    run_media_job(bot)  # takes the index_seq the rolled-back analysis had used
    neighbour.sends_photo("m-4")
    neighbour.says("2棵桂花")
    run_media_job(bot)
    assert [r["flags"] for r in planting_rows(bot)] == ["", "", "", "duplicate_photo"]


def test_photos_handed_to_an_adviser_do_not_hide_the_next_photo(villager, registered, bot, standin, clock):
    """Two photos of a tree analysed, then a question about it: the photos go to the adviser and their
    planting_photos rows are deleted. The next photo analysed does not take a number the index has read already."""
    neighbour = registered("o-plant-2", "李大叔")
    for n in (1, 2):
        standin.add_media(f"m-{n}", photo(n))
        villager.sends_photo(f"m-{n}")
    run_media_job(bot)  # the second photo's look at the index reads the first one's index_seq
    assert "问题编号" in villager.says("看看这棵树怎么了")
    assert rows_of(bot, "planting_photos") == []
    clock.advance(hours=1)  # the next photos are records again, not 补充 of the question
    standin.add_media("m-3", photo(7, quality=92))
    standin.add_media("m-4", photo(7, quality=60))  # re-encoded: other bytes, same picture
    villager.sends_photo("m-3")
    villager.says("3棵桂花")
    run_media_job(bot)
    neighbour.sends_photo("m-4")
    neighbour.says("2棵桂花")
    run_media_job(bot)
    assert [r["flags"] for r in planting_rows(bot) if r["status"] != "cancelled"] == ["", "duplicate_photo"]


def test_an_old_databases_photo_counter_starts_at_its_largest_index_seq(villager, bot, standin, app_with):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says("1棵龙眼")
    run_media_job(bot)
    with bot.db.conn:  # the database as this version found it: no counter yet
        bot.db.execute("DROP TABLE photo_index_counter")
        bot.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_photo_index_counter'")
    upgraded = app_with().extensions["bot"]  # starting the new version migrates the database
    assert rows_of(upgraded, "photo_index_counter") == [{"id": 1, "last": 1}]


def test_unrelated_photos_and_a_cancelled_records_photo_are_not_duplicates(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(1))
    standin.add_media("m-3", photo(2))
    villager.sends_photo("m-1")
    villager.says("取消")
    run_media_job(bot)
    villager.sends_photo("m-2")
    villager.says("3棵桂花")
    clock.advance(minutes=10)
    villager.sends_photo("m-3")
    villager.says("1棵龙眼")
    run_media_job(bot)
    assert [r["flags"] for r in planting_rows(bot)] == ["", "", ""]


def test_location_far_from_the_village_is_flagged(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    assert "第1号" in villager.sends_location(23.50, 114.40, "别处")  # ~44 km north
    record = planting_rows(bot)[0]
    assert record["flags"] == "far_from_village" and record["review"] == "pending"
    assert "埔心村" in record["flag_details"]


def test_old_exif_time_is_flagged(villager, bot, standin):
    standin.add_media("m-1", photo(1, exif=exif_taken("2020:04:01 09:00:00")))
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    run_media_job(bot)
    (record,) = planting_rows(bot)
    assert record["flags"] == "old_photo" and "2020-04-01" in record["flag_details"]
    assert rows_of(bot, "SELECT exif_time FROM planting_photos")[0]["exif_time"] == "2020-04-01T09:00:00"


def test_recent_exif_time_is_not_flagged(villager, bot, standin):
    standin.add_media("m-1", photo(1, exif=exif_taken("2027:03:14 09:00:00")))
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    run_media_job(bot)
    assert planting_rows(bot)[0]["flags"] == ""


def test_unknown_species_is_accepted_and_flagged(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    reply = villager.says("种了3棵黄皮")
    assert "第1号" in reply and "黄皮" in reply and "核对" in reply
    record = planting_rows(bot)[0]
    assert (record["species"], record["flags"], record["review"]) == ("黄皮", "unknown_species", "pending")


def test_a_flagged_record_shows_as_pending_review_in_progress(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    reply = villager.says("种了3棵黄皮")
    assert "待审核" in reply


def test_a_photo_that_is_not_an_image_is_kept_with_its_error(villager, bot, standin):
    standin.add_media("m-1", b"not a jpeg at all")
    villager.sends_photo("m-1")
    villager.says("3棵桂花")
    run_media_job(bot)
    (stored,) = rows_of(bot, "SELECT * FROM planting_photos")
    assert stored["error"] and stored["phash"] is None
    assert planting_rows(bot)[0]["status"] == "complete"


# -- retries and registration -----------------------------------------------------------------------
def test_retried_deliveries_never_make_a_second_record(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    photo_xml = message_xml(
        villager.openid, "image", {"PicUrl": "", "MediaId": "m-1"}, create_time=int(START.timestamp())
    )
    text_xml = message_xml(villager.openid, "text", {"Content": "3棵桂花"}, create_time=int(START.timestamp()))
    first = villager.push(photo_xml)
    assert villager.push(photo_xml) == first
    done = villager.push(text_xml)
    assert villager.push(text_xml) == done and "第1号" in done
    assert villager.push(photo_xml) == first
    assert len(planting_rows(bot)) == 1
    assert len(rows_of(bot, "SELECT * FROM planting_photos")) == 1


def test_unregistered_sender_gets_the_hint_and_no_record(villager_factory, village, bot, clock):
    clock.set(START)
    stranger = villager_factory("o-stranger")
    assert "登记" in stranger.sends_photo("m-9")
    assert "登记" in stranger.says("3棵桂花")
    assert planting_rows(bot) == []


# -- what the villager means (issue 17, part 5) -------------------------------------------------------------
@pytest.mark.parametrize("text", ["叶子被虫咬了好多洞", "我家龙眼种了五年还不结果", "桂花叶子黄了"])
def test_a_complaint_about_a_tree_is_a_question_never_a_planting_record(villager, bot, text):
    reply = villager.says(text)
    assert "种了几棵" not in reply and "照片📷" not in reply
    assert planting_rows(bot) == []


def test_a_complaint_while_a_record_waits_leaves_the_record_as_it_was(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    assert "几棵" in villager.says("种了龙眼")
    villager.says("桂花叶子被虫咬了好多洞")
    (record,) = planting_rows(bot)
    assert (record["species"], record["count"], record["status"]) == ("龙眼", None, "pending")
    assert "照片" in villager.says("2棵")
    assert "第1号" in villager.sends_photo("m-1")


def test_a_tree_off_the_list_keeps_its_whole_name_and_is_flagged(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    assert "3棵发财树" in villager.says("种了3棵发财树")
    reply = villager.sends_photo("m-1")
    assert "3棵发财树" in reply and "“发财树”不在推荐树种表里" in reply
    (record,) = planting_rows(bot)
    assert (record["species"], record["species_known"], record["flags"], record["review"]) == (
        "发财树",
        0,
        "unknown_species",
        "pending",
    )


@pytest.mark.parametrize("second", ["种了5棵发财树", "5棵", "不对，是5棵"])
@pytest.mark.parametrize("answer", ["1", "改", "改成5棵"])
def test_a_new_count_asks_before_it_changes_the_pending_record(villager, bot, standin, second, answer):
    standin.add_media("m-1", photo(1))
    villager.says("种了3棵发财树")
    reply = villager.says(second)
    assert "您刚才说3棵发财树，现在说5棵发财树，是改成5棵发财树，还是另外一条记录？" in reply
    assert planting_rows(bot)[0]["count"] == 3  # nothing changed yet
    assert "记下了：5棵发财树" in villager.says(answer)
    assert "第1号：5棵发财树" in villager.sends_photo("m-1")
    assert [(r["count"], r["status"]) for r in planting_rows(bot)] == [(5, "complete")]


@pytest.mark.parametrize("answer", ["2", "另外", "另外一条记录"])
def test_or_keeps_both_as_two_records(villager, bot, standin, clock, answer):
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    villager.says("种了3棵发财树")
    villager.says("种了5棵桂花")
    reply = villager.says(answer)
    assert "记下了：5棵桂花" in reply and "3棵发财树" in reply and "还差照片" in reply
    assert "第2号：5棵桂花" in villager.sends_photo("m-1")
    clock.advance(seconds=30)  # not an extra photo of record 2: record 1 still waits for its photo
    assert "第1号：3棵发财树" in villager.sends_photo("m-2")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [
        ("发财树", 3, "complete"),
        ("桂花", 5, "complete"),
    ]


@pytest.mark.parametrize("more", ["我屋企仲有三棵荔枝都系今日种嘅", "另外还有3棵荔枝", "还种了三棵荔枝"])
def test_more_trees_told_with_also_are_another_record_without_asking(villager, bot, standin, clock, more):
    """Round 54 (the lead, in the simulator): 还有 / 仲有 / 另外 before the count says trees besides those told: another
    record at once, as the reply 2 would make it (it was asked 'change or another?')."""
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    villager.says("两棵桂花")
    reply = villager.says(more)
    assert "记下了：3棵荔枝" in reply and "2棵桂花" in reply and "还差照片" in reply and "改成" not in reply
    assert "第2号：3棵荔枝" in villager.sends_photo("m-1")
    clock.advance(seconds=30)
    assert "第1号：2棵桂花" in villager.sends_photo("m-2")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [
        ("桂花", 2, "complete"),
        ("荔枝", 3, "complete"),
    ]


ASK_PROXY_COUNT = "您刚才说为李明代种2棵龙眼，现在说3棵龙眼，是改成3棵龙眼，还是另外一条记录？\n改成3棵龙眼请回复1，另外记一条请回复2。"


def test_a_new_count_for_the_same_household_asks_before_it_changes_the_proxy_record(cadre, bot, standin):
    """代种 李明 3棵龙眼 after 代种 李明 2棵龙眼 once replaced the count silently (issue 17: ask, or keep both)."""
    standin.add_media("m-1", photo(1))
    cadre.says("代种 李明 2棵龙眼")
    assert cadre.says("代种 李明 3棵龙眼") == ASK_PROXY_COUNT
    assert planting_rows(bot)[0]["count"] == 2  # nothing changed yet
    assert cadre.says("1") == "记下了：为李明代种3棵龙眼。请再发一张李明家种好的树的照片📷"
    assert "李明" in cadre.sends_photo("m-1")
    member = rows_of(bot, "SELECT id FROM people WHERE name = '李明'")[0]["id"]
    assert [(r["person_id"], r["count"], r["status"]) for r in planting_rows(bot)] == [(member, 3, "complete")]


def test_a_new_count_for_the_same_household_may_be_another_record_of_theirs(cadre, bot, standin, clock):
    """2 (另外): two records, both 李明's (the second once went to the cadre)."""
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    cadre.says("代种 李明 2棵龙眼")
    assert cadre.says("代种 李明 3棵龙眼") == ASK_PROXY_COUNT
    reply = cadre.says("2")
    assert reply.startswith("记下了：为李明代种3棵龙眼。") and "您有一条种树记录（为李明代种2棵龙眼）还差照片" in reply
    assert "第2号" in cadre.sends_photo("m-1")
    clock.advance(seconds=30)
    assert "第1号" in cadre.sends_photo("m-2")
    cadre_id, member = (rows_of(bot, f"SELECT id FROM people WHERE name = '{n}'")[0]["id"] for n in ("陈书记", "李明"))
    assert [(r["person_id"], r["entered_by_person_id"], r["count"], r["status"]) for r in planting_rows(bot)] == [
        (member, cadre_id, 2, "complete"),
        (member, cadre_id, 3, "complete"),
    ]


def test_another_record_after_a_bare_count_is_the_one_the_question_described(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.says("种了3棵发财树")
    assert "现在说5棵发财树" in villager.says("5棵")
    assert "记下了：5棵发财树" in villager.says("2")
    assert "第2号：5棵发财树" in villager.sends_photo("m-1")


def test_the_same_count_again_or_another_answer_changes_nothing(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.says("种了3棵发财树")
    assert "照片" in villager.says("种了3棵发财树")  # the same count: no question
    assert "另外一条记录" in villager.says("5棵")
    villager.says("桂花什么时候种")  # neither answer: the record stays as it was and still takes its photo
    assert "第1号：3棵发财树" in villager.sends_photo("m-1")


# -- round 18: the record in progress asked about, or dropped, in words -------------------------------------
def test_how_to_go_on_after_a_photo_is_the_records_next_step_not_a_ticket(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    clock.advance(minutes=1)
    reply = villager.says("这个怎么弄")
    assert "树种和棵数" in reply and "问题编号" not in reply
    assert rows_of(bot, "SELECT id FROM tickets") == []
    assert "第1号" in villager.says("3棵桂花")  # the same record, its photo kept
    (record,) = planting_rows(bot)
    assert (record["status"], record["species"], record["count"]) == ("complete", "桂花", 3)


def test_a_retraction_in_words_drops_the_record_in_progress_and_only_then(villager, bot, standin, clock):
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    villager.sends_photo("m-1")
    clock.advance(minutes=1)
    assert villager.says("照片发错了") == "好的，已取消。"
    assert [r["status"] for r in planting_rows(bot)] == ["cancelled"]
    clock.advance(minutes=1)
    assert "好的，已取消" not in (villager.says("发错了") or "")  # nothing in progress: no 取消
    villager.sends_photo("m-2")  # a new record, not the cancelled one
    assert [r["status"] for r in planting_rows(bot)] == ["cancelled", "pending"]


def test_a_bare_wish_to_plant_is_the_planting_help(villager, bot):
    assert villager.says("我要种树") == bot.t("planting.how_to")
    assert rows_of(bot, "SELECT id FROM tickets") == [] and planting_rows(bot) == []


def test_a_retraction_answering_the_count_choice_keeps_the_record(villager, bot, clock):
    villager.says("3棵桂花")
    clock.advance(minutes=1)
    assert "还是另外一条记录" in villager.says("5棵")
    clock.advance(minutes=1)
    assert villager.says("不要") != "好的，已取消。"  # of the new count, not of the record
    (record,) = planting_rows(bot)
    assert (record["status"], record["count"]) == ("pending", 3)


# -- several trees in one text (round 38) -------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["种了3棵桂花2棵荔枝", "我种了5棵 3棵桂花2棵荔枝", "今天种了桂花三棵、荔枝两棵"])
def test_a_text_naming_several_trees_records_the_first_and_says_what_to_send_for_the_rest(villager, bot, standin, text):
    """The second tree of '种了3棵桂花2棵荔枝' was dropped unsaid (one record, 3棵桂花; a total first and then its parts
    was 5棵桂花): the first is recorded and the villager told how to send the others; then they are their own record."""
    standin.add_media("m-1", photo(1))
    standin.add_media("m-2", photo(2))
    assert villager.says(text) == (
        "记下了：3棵桂花。请再发一张种好的树的照片📷\n"
        "您还说了2棵荔枝：一条记录只记一种树，这条记好后，请再发“2棵荔枝”和它的照片。"
    )
    villager.sends_photo("m-1")
    villager.says("2棵荔枝")
    villager.sends_photo("m-2")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [
        ("桂花", 3, "complete"),
        ("荔枝", 2, "complete"),
    ]


def test_several_trees_after_the_photo_complete_the_record_with_the_first(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    reply = villager.says("两棵龙眼一棵桂花")
    assert "2棵龙眼" in reply and reply.endswith("请再发“1棵桂花”和它的照片。")
    assert [(r["species"], r["count"], r["status"]) for r in planting_rows(bot)] == [("龙眼", 2, "complete")]


@pytest.mark.parametrize("text", ["三棵", "种咗两棵啦", "3棵"])
def test_a_count_alone_with_no_record_waiting_asks_which_trees(villager, bot, text):
    """Round 38: '三棵' with nothing waiting got the FAQ's planting window (三 read as March), '3棵' the fallback; now
    which trees, and nothing is recorded. With a record waiting for its count, it is that count (below)."""
    n = 3 if "三" in text or "3" in text else 2
    assert villager.says(text) == f"{n}棵什么树呢？请连树种一起发，如“{n}棵桂花”，再发一张种好的树的照片📷"
    assert planting_rows(bot) == []


def test_a_count_alone_is_the_count_of_a_record_waiting_for_it(villager, bot, standin):
    standin.add_media("m-1", photo(1))
    villager.sends_photo("m-1")
    villager.says("桂花")
    assert "第1号" in villager.says("三棵")
    assert [(r["species"], r["count"]) for r in planting_rows(bot)] == [("桂花", 3)]
