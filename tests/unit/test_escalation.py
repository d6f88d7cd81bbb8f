"""Pure escalation logic: command parsing, who may answer, who gets the ticket."""

from __future__ import annotations

import pytest

from bot import escalation as esc
from bot.faq import FaqResult, load_species_table
from bot.messages import MESSAGES_DIR
from handlers.faq import chitchat_reply_key


@pytest.mark.parametrize(
    "text, expected",
    [
        ("问专家 桂花叶子黄了", "桂花叶子黄了"),
        ("问专家，我家龙眼不结果。", "我家龙眼不结果。"),
        ("问专家", ""),
        ("问专家：", ""),
        ("专家你好", None),
        ("我想问专家", None),
    ],
)
def test_parse_ask_expert(text, expected):
    assert esc.parse_ask_expert(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("答 12 先停水一周", (12, "先停水一周")),
        ("答12 先停水", (12, "先停水")),
        ("答 #7：多晒太阳", (7, "多晒太阳")),
        ("答 第3号 可以种", (3, "可以种")),
        ("答 5 第一行\n第二行", (5, "第一行\n第二行")),
        ("答 9", (9, "")),
        ("答应你了", None),
        ("答", None),
        # round 46: the number as voice input writes it; a numeral only with 第 before it, or 号 or a pause after
        ("答，第八十八号，先停水。", (88, "先停水。")),
        ("答十二 先停水", (12, "先停水")),
        ("答两百零三号", (203, "")),
        ("答幺二 先停水", (12, "先停水")),  # digit by digit
        ("答一下", None),
        ("答两句", None),
    ],
)
def test_parse_answer_command(text, expected):
    assert esc.parse_answer_command(text) == expected


def test_parse_add_faq_command():
    assert esc.parse_add_faq_command("收录 12") == (12, "")
    assert esc.parse_add_faq_command("收录12 簕杜鹃不开花咋办") == (12, "簕杜鹃不开花咋办")
    assert esc.parse_add_faq_command("收录了吗") is None


@pytest.mark.parametrize("text", ["解决了", "已解决", "解决了。", " 解决了！", "问题解决了"])
def test_resolved_words(text):
    assert esc.is_resolved(text)


def test_resolved_needs_the_whole_message():
    assert not esc.is_resolved("没解决了怎么办")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("看看这棵树怎么了", True),
        ("这是什么病", True),
        ("帮我看一下", True),
        ("3棵桂花", False),
        ("桂花什么时候种", False),
    ],
)
def test_photo_question(text, expected):
    assert esc.is_photo_question(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("桂花黄叶", True),
        ("1", False),
        ("？", False),
        ("👍", False),
        ("abcd", True),
        ("树", False),
    ],
)
def test_worth_a_ticket(text, expected):
    assert esc.worth_a_ticket(text) is expected


def test_public_tokens_are_unguessable_and_checked_before_lookup():
    tokens = {esc.new_public_token() for _ in range(100)}
    assert len(tokens) == 100 and all(esc.looks_like_token(t) and len(t) >= 24 for t in tokens)
    assert not esc.looks_like_token("../../etc/passwd")
    assert not esc.looks_like_token("short")


LI = {"id": 1, "role": "技术顾问", "name": "李"}
WANG = {"id": 2, "role": "技术顾问", "name": "王"}
ADMIN = {"id": 3, "role": "管理员", "name": "陈"}
VILLAGER = {"id": 4, "role": "群众", "name": "张"}


def test_choose_adviser_prefers_linked_then_round_robin_then_admins():
    assert esc.choose_adviser([WANG], [LI, WANG]) is WANG
    assert esc.choose_adviser([], [LI, WANG]) is LI
    assert esc.choose_adviser([], []) is None


@pytest.mark.parametrize(
    "person, by_admin, allowed",
    [
        (LI, None, True),
        (WANG, None, False),
        (ADMIN, None, True),
        (VILLAGER, None, False),
        (None, None, False),
        (None, "office", True),
    ],
)
def test_may_answer(person, by_admin, allowed):
    assert esc.may_answer({"adviser_person_id": 1}, person, by_admin) is allowed


def test_tickets_raised_to_the_admins_are_for_admins_only():
    assert not esc.may_answer({"adviser_person_id": None}, LI, None)
    assert esc.may_answer({"adviser_person_id": None}, ADMIN, None)


def test_preview_keeps_a_phone_line_short():
    assert esc.preview("桂花" * 50, 10) == "桂花桂花桂花桂花桂…"
    assert esc.preview("一行\n两行") == "一行 两行"


@pytest.mark.parametrize(
    "text, key",
    [
        ("你好", "faq.greeting"),
        ("在吗", "faq.greeting"),
        ("您好在吗", "faq.greeting"),
        ("谢谢", "faq.thanks"),
        ("好的", "faq.okay"),  # round 54: an acknowledgement, not thanked
        ("哈哈", "faq.thanks"),
        ("师傅好", "faq.greeting"),  # round 29: a greeting to whoever reads
        ("喂 有冇人啊", "faq.greeting"),  # the lead (the simulator by voice): had been thanked
        ("喂喂", "faq.greeting"),
        ("有冇人", "faq.greeting"),
        ("多谢晒", "faq.thanks"),
    ],
)
def test_chitchat_reply(text, key):
    assert chitchat_reply_key(text) == key


@pytest.mark.parametrize(
    "text, key",
    [
        ("今天好冷啊", "faq.small_talk"),
        ("我去开会了 回头再问", "faq.small_talk"),
        ("谢谢你哦我知道了", "faq.thanks"),  # thanks, in small talk's words
        ("你讲的我一句都听不懂", "faq.sorry"),
        ("早上好 今天天气真好", "faq.greeting"),
    ],
)
def test_small_talk_reply(text, key):
    assert chitchat_reply_key(text, small_talk=True) == key


# -- what joins a ticket (issue 17, part 5) ------------------------------------------------------------------
SPECIES = load_species_table(MESSAGES_DIR)
LONGAN = ["我家龙眼树结果很少是什么原因", "去年施过两次鸡粪"]


def result(kind: str, reason: str) -> FaqResult:
    return FaqResult(kind, None, "", 0.0, reason)


@pytest.mark.parametrize(
    "text, faq, joins",
    [
        ("去年施过两次鸡粪", result("answer", "ranked"), True),  # a detail, whatever the FAQ makes of it
        ("树是前年种的", result("escalate", "low_confidence"), True),
        ("还有它的叶子也卷了", result("escalate", "diagnosis"), True),  # a follow-up form
        ("这棵树干上流胶", result("escalate", "diagnosis"), True),
        ("龙眼的叶子也发黄了", result("escalate", "diagnosis"), True),  # the ticket's tree
        ("我家荔枝叶子有黑斑", result("escalate", "diagnosis"), False),  # another tree
        ("另外我家荔枝也不结果", result("escalate", "diagnosis"), False),  # another tree, follow-up form or not
        ("叶子被虫咬了好多洞", result("escalate", "diagnosis"), True),  # round 58: a symptom told, no tree named
        ("荔枝叶子被虫咬了好多洞", result("escalate", "diagnosis"), False),  # a symptom told of another tree
        ("叶子为什么被虫咬了好多洞", result("escalate", "diagnosis"), False),  # asked, no tree: a question of its own
        ("桂花什么时候施肥", result("escalate", "not_covered"), False),  # worded as a question
        ("补贴还是没到账", result("escalate", "money"), False),  # about no tree at all
    ],
)
def test_what_joins_a_ticket(text, faq, joins):
    assert esc.joins_ticket(text, faq, LONGAN, SPECIES, ("芒果", "发财树")) is joins


@pytest.mark.parametrize(
    "text, earlier, same",
    [
        ("发财树叶子黄了", ["我家发财树掉叶子"], True),  # trees off the list count as trees
        ("芒果叶子黄了", ["我家发财树掉叶子"], False),
        ("三角梅不开花", ["簕杜鹃叶子发黄"], True),  # one tree, two names
        ("它还在掉", ["桂花掉叶子"], True),
    ],
)
def test_about_same_tree(text, earlier, same):
    assert esc.about_same_tree(text, earlier, SPECIES, ("芒果", "发财树")) is same


def test_recent_activity_is_the_free_photos_and_the_open_tickets_reads_in_one(tmp_path):
    """tickets.recent_activity (one statement on most texts) says what recent_unattached_images and
    open_with_activity_since say, on a real file: photos in and out of the window, another sender's, a voice, one a
    ticket holds; tickets open and closed, in and out of the window, another sender's. And so does the same read
    made with the user row (``RECENT_ACTIVITY_OF_USER``, what the webhook reads on most texts)."""
    from bot.db import transaction
    from bot.store import media, users
    from bot.store import tickets as store
    from tests.conftest import app_over_file

    since, until = "2027-03-05T10:00:00", "2027-03-05T10:30:00"
    with app_over_file(tmp_path) as app, transaction(app.db):
        db = app.db

        def photo(openid: str, at: str, kind: str = "image") -> int:
            return media.add(
                db,
                openid=openid,
                inbox_id=0,
                kind=kind,
                media_id=f"m-{openid}-{at}-{kind}",
                pic_url=None,
                fmt=None,
                now=at,
            )

        def ticket(openid: str, activity_at: str, closed: bool = False) -> int:
            ticket_id = store.create(
                db,
                openid=openid,
                person_id=None,
                village_id=None,
                adviser_person_id=None,
                question="叶子黄了",
                source="text",
                public_token=f"t-{openid}-{activity_at}",
                now=activity_at,
            )
            if closed:
                store.close(db, ticket_id, activity_at)
            return ticket_id

        def both(openid: str):
            separate = (
                store.recent_unattached_images(db, openid, since, until),
                bool(store.open_with_activity_since(db, openid, since, until)),
            )
            with_user = users.touch_inbound(
                db, openid, until, reads=[("recent", store.RECENT_ACTIVITY_OF_USER, [since, until, since, until])]
            )
            assert with_user is not None and store.recent_activity_of(with_user["read:recent"]) == separate
            return separate

        assert store.recent_activity(db, "o-a", since, until) == both("o-a") == ([], False)
        nothing = users.touch_inbound(
            db, "o-a", until, reads=[("recent", store.RECENT_ACTIVITY_OF_USER, [since, until, since, until])]
        )
        assert nothing is not None and nothing["read:recent"] == store._NO_RECENT_ACTIVITY  # read without JSON
        later, earlier = photo("o-a", "2027-03-05T10:20:00"), photo("o-a", "2027-03-05T10:05:00")
        photo("o-a", "2027-03-05T09:59:59"), photo("o-a", "2027-03-05T10:31:00"), photo("o-b", "2027-03-05T10:10:00")
        photo("o-a", "2027-03-05T10:10:00", kind="voice")
        held = photo("o-a", "2027-03-05T10:15:00")
        ticket("o-a", "2027-03-05T09:00:00")  # open, before the window
        ticket("o-a", "2027-03-05T10:12:00", closed=True)
        ticket("o-b", "2027-03-05T10:12:00")
        ticket("o-a", "2027-03-05T10:40:00")  # asked after until (a rehearsal clock moved back: sim64)
        assert store.recent_activity(db, "o-a", since, until) == both("o-a") == (sorted([later, earlier, held]), False)
        store.add_attachment(db, ticket("o-a", "2027-03-05T10:00:00"), media_row_id=held, text=None, now=since)
        assert store.recent_activity(db, "o-a", since, until) == both("o-a") == (sorted([later, earlier]), True)
        assert store.recent_activity(db, "o-b", since, until) == both("o-b")


def test_a_read_made_with_the_user_row_is_that_messages_only(tmp_path):
    """``ctx.read_with_user``: the value read with the user row for the message the context was made for; a message
    handled again in it (after 登记, a voice read as text) asks the database itself."""
    import dataclasses

    from bot.context import Ctx
    from bot.incoming import Incoming
    from tests.conftest import app_over_file

    msg = Incoming(openid="o-a", account="gh", msg_type="text", create_time=0, text="叶子黄了")
    with app_over_file(tmp_path) as app:
        ctx = Ctx(app=app, db=app.db, msg=msg, now=app.clock(), user={}, inbox_id=1, _user_reads=(msg, {"r": "v"}))
        assert ctx.read_with_user("r") == "v"
        assert ctx.read_with_user("other") is None
        assert dataclasses.replace(ctx, msg=dataclasses.replace(msg, text="桂花")).read_with_user("r") is None
        assert dataclasses.replace(ctx, _user_reads=None).read_with_user("r") is None
