"""bot/asked_for.py and handlers/faq.py ENTRY_COMMANDS (round 32): a thing asked for, or how to get it."""

import tomllib
from pathlib import Path

import pytest

from bot import asked_for, nlu
from bot.app import create_app
from handlers.faq import ENTRY_COMMANDS, command_word
from tests.conftest import make_config

ROOT = Path(__file__).resolve().parents[2]
ASKED_FOR = ["帮我查下我种咗几多棵", "麻烦停止推送提醒", "把我的证书发给我", "有冇责任区", "睇下有咩责任区可以认领"]
FIGURES = ["全村完成咗几多", "我家的任务完成没", "我两样都齐未"]
HOW = [
    "怎么查进度",
    "不想收提醒要怎么弄",
    "证书是谁发的",
    "进度是怎么算的",
    "认养的树在哪里看",
    "别人的证书能看吗",
    "认养是什么",
]


@pytest.mark.parametrize("text", ASKED_FOR)
def test_a_request_or_ones_figures_is_asked_for(text):
    assert asked_for.asked_for(nlu.normalize(text))


@pytest.mark.parametrize("text", FIGURES)
def test_ones_figures_are_asked_for_where_the_thing_is_figures(text):
    assert asked_for.asked_for(nlu.normalize(text), figures=True)
    assert not asked_for.asked_for(nlu.normalize(text))  # a list (zones, trees to adopt) is not shown for 多少


@pytest.mark.parametrize("text", HOW + ["认养有什么好处", "提醒恢复了吗"])
def test_how_where_who_and_what_are_not(text):
    assert not asked_for.asked_for(nlu.normalize(text))


@pytest.mark.parametrize(
    ("text", "wanted_on"),
    [
        ("唔好再发提醒俾我啦", False),  # 再发 refused, not wanted
        ("之前关了提醒 现在帮我打开", True),  # the last word says it
        ("通知请恢复 我要收", True),
        ("帮我把通知关了", False),
        ("提醒可以帮我开返吗", True),
        ("提醒的事帮我看看", None),
    ],
)
def test_the_reminders_direction_is_the_last_word_that_gives_one(text, wanted_on):
    assert asked_for.reminders_wanted_on(nlu.normalize(text)) is wanted_on


def test_each_command_an_entry_tells_is_a_command_word_list(tmp_path, standin):
    # round 33: an entry's commands are word lists of messages/replies, sent as the list's shortest word
    app = create_app(make_config(tmp_path, standin)).extensions["bot"]
    faq_ids = {
        entry["id"] for entry in tomllib.loads((ROOT / "messages/faq/campaign.toml").read_text("utf-8"))["entry"]
    }
    for entry_id, entry in ENTRY_COMMANDS.items():
        for key in entry.keys:
            assert ".commands." in key and command_word(app, key) in app.messages.words(key), (entry_id, key)
        assert entry_id in faq_ids
    assert command_word(app, "core.commands.reminders_off") == "退订"
    assert command_word(app, "core.commands.cancel") == "取消"


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("别再发消息给我了", True),
        ("我想收到专家的消息", False),
        ("我要再发一次消息", False),
        ("请暂停向村民推送种树通知", False),
    ],
)
def test_the_reminders_meant_are_the_senders_own(text, meant):
    assert asked_for.reminders_meant(nlu.normalize(text)) is meant


def test_where_one_stands_is_not_the_rule():
    assert asked_for.own_standing_asked(nlu.normalize("我屋企算唔算完成咗"))
    assert asked_for.own_standing_asked(nlu.normalize("我自己报咗几多棵"))
    assert not asked_for.own_standing_asked(nlu.normalize("我家种一棵就算完成了吗"))
    assert not asked_for.own_standing_asked(nlu.normalize("党员要种几棵才算完成"))


def test_a_wish_refused_asks_for_nothing():
    # round 31: '我不想认养树 只想自己种' is no request for 认养 (the reminders' and cancel's refusals are read elsewhere)
    assert asked_for.wish_refused(nlu.normalize("我不想认养树 只想自己种"))
    assert asked_for.wish_refused(nlu.normalize("唔想睇证书"))
    assert not asked_for.wish_refused(nlu.normalize("我想认养一棵树"))
    assert not asked_for.wish_refused(nlu.normalize("有冇树可以俾我认养"))


# round 54: whether to do it asked is advice asked, never the thing done ('照片要不要删掉重新拍' had cancelled a record)
@pytest.mark.parametrize("text", ["照片要不要删掉重新拍", "要不要取消这条记录", "使不使退订"])
def test_whether_to_is_no_request(text):
    assert not asked_for.asked_for(nlu.normalize(text))
