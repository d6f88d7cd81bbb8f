"""Memory round mem102 (issue 17): a name said beside a village (``埔心村 陈国强``) is weighed against compact tables of
jieba's dictionary (bot/common_words.py), no longer against ``jieba.dt.FREQ`` (+52 MB a serving process the first
time). The answers are the old predicate's, bit for bit, over every word and prefix of the dictionary and ~200 names;
a registration through the real webhook leaves ``jieba.dt`` as it was (``initialized`` False, no ``FREQ``)."""

from __future__ import annotations

import sys

import jieba
import pytest

from bot import common_words, identity
from bot.surnames import has_common_surname
from handlers import registration
from tests.conftest import app_over_file

SURNAMES = "陈李张黄王刘林罗钟何冯叶梁吴周徐杨赵欧阳司徒"
GIVEN = ["国强", "秀英", "桂英", "美玲", "丽芳", "木兰", "金兰", "亚妹", "振华", "志明", "娜", "伟", "建国", "淑贞"]
NAMES = [
    *(surname + given for surname in ("陈李张黄王刘林罗钟何冯叶梁吴") for given in GIVEN),
    *("欧阳" + given for given in GIVEN[:5]),
    *("司徒" + given for given in GIVEN[:5]),
    "阿明", "阿芳", "亚森", "桃妹", "马克思", "约翰·史密斯", "张龙眼", "黄志强", "李娜", "邓小平", "林彪", "鲁迅",
]  # fmt: skip
CONTROLS = ["活动", "认养", "参加", "进度", "签到", "订阅", "帮助", "登记", "你好", "刚关注", "石角镇", "", "a", "A股"]


@pytest.fixture(scope="module")
def jieba_freq() -> dict[str, int]:
    """``jieba.dt.FREQ`` as the old predicate read it: a tokenizer of its own on the same default dictionary, so that
    this process's ``jieba.dt`` stays unbuilt (the webhook test below checks that)."""
    tokenizer = jieba.Tokenizer()
    tokenizer.check_initialized()
    return tokenizer.FREQ


@pytest.fixture(scope="module")
def old_persons_names() -> frozenset[str]:
    """identity.is_known_persons_name's table before round mem102: the words tagged ``nr`` under a common surname."""
    names = set()
    with jieba.dt.get_dict_file() as lines:
        for line in lines:
            word, *rest = line.decode("utf-8").split()
            if rest[-1:] == ["nr"] and 2 <= len(word) <= 4 and has_common_surname(word):
                names.add(word)
    return frozenset(names)


def test_the_tables_answer_as_jieba_did_over_every_word_and_prefix(tmp_path, jieba_freq, old_persons_names):
    def old_known(name: str) -> bool:
        return has_common_surname(name) and len(name) <= 4 and name in old_persons_names

    def old_may_be_a_name(app, name: str) -> bool:  # handlers/registration.py before round mem102
        if name in registration._command_words(app):
            return False
        if jieba_freq.get(name, 0) < common_words.COMMON_WORD_FREQ:
            return True
        return old_known(name)

    words = [*jieba_freq, *NAMES, *CONTROLS]
    assert len(jieba_freq) > 490_000 and sum(2 <= len(w) <= 4 for w in jieba_freq) > 300_000
    with app_over_file(tmp_path) as app:
        differ = [
            word
            for word in words
            if common_words.is_common_word(word) != (jieba_freq.get(word, 0) >= common_words.COMMON_WORD_FREQ)
            or identity.is_known_persons_name(word) != old_known(word)
            or registration._may_be_a_name(app, word) != old_may_be_a_name(app, word)
        ]
        assert differ == []
        # 阿明 is a common word, 鲁迅 one under a surname not among the commonest (both register with 登记 or 我叫)
        assert [n for n in NAMES if not registration._may_be_a_name(app, n)] == ["阿明", "鲁迅"]
        assert [c for c in CONTROLS if registration._may_be_a_name(app, c)] == ["刚关注", "石角镇", "", "a", "A股"]
        assert registration._may_be_a_name(app, None) is False


def test_the_tables_hold_under_a_megabyte():
    tables = common_words.dictionary_words()
    assert len(tables.common) > 75_000 and len(tables.persons_names) > 30_000
    held = sum(sys.getsizeof(blob) for table in tables for blob in table._blobs.values())
    assert held < 1_000_000  # ~0.5 MB; jieba.dt's FREQ was ~52 MB of RSS, the frozenset of names ~3 MB


def test_the_tables_are_kept_on_disk_and_read_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    common_words.dictionary_words.cache_clear()
    built = common_words.dictionary_words()
    assert len(list((tmp_path / "lvmei-zhishu").glob("words-*.marshal"))) == 1
    common_words.dictionary_words.cache_clear()
    read = common_words.dictionary_words()
    assert read is not built and [t.state() for t in read] == [t.state() for t in built]
    with jieba.dt.get_dict_file() as fh:
        assert [t.state() for t in common_words._read_dictionary(fh.read())] == [t.state() for t in read]
    common_words.dictionary_words.cache_clear()


def test_a_word_set_reads_like_a_set():
    words = ["陈国强", "活动", "石", "约翰·史密斯", "活动", "张国强", "𠊎系"]
    table = common_words.WordSet(words)
    assert sorted(table) == sorted(set(words)) and len(table) == 6
    assert all(word in table for word in words)
    assert not any(word in table for word in ["", "陈国", "陈国强强", "活", "张国", 3, None, "𠊎"])
    assert sorted(common_words.WordSet.from_state(table.state())) == sorted(table)
    with pytest.raises(ValueError):
        common_words.WordSet.from_state({2: "陈国强"})


def test_registering_by_a_name_beside_a_village_never_builds_jiebas_dictionary(
    monkeypatch, villager_factory, village, rows
):
    """Through the real webhook, the tables read within the test: an unbuilt ``jieba.dt`` stays unbuilt."""
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
    common_words.dictionary_words.cache_clear()
    said = {
        "埔心村 陈国强": True,
        "李秀英 埔心村": True,
        "埔心村 张国强": True,
        "埔心村活动": False,
        "认养 埔心村": False,
    }
    for i, text in enumerate(said):
        user = villager_factory(f"o-mem102-{i}")
        user.follows()
        assert ("登记好了" in user.says(text)) is said[text], text
    assert [row["name"] for row in rows("SELECT name FROM people ORDER BY id")] == ["陈国强", "李秀英", "张国强"]
    assert jieba.dt.initialized is False and not jieba.dt.FREQ
    assert common_words.dictionary_words.cache_info().currsize == 1
