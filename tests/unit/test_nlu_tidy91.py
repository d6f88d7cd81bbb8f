"""Tidy (sixtieth session, tidy91; behaviour kept): the forms of address (黄伯, 陈婶, 阿婆, 老王) had been written three
times, in bot/identity.py's ``_ADDRESS_TITLES`` (``is_form_of_address``, a title run on into one's name), in bot/nlu.py's
``_SELF_TOLD_RE`` (who one is, nothing asked: twice in that one regex) and in ``_COURTESY_TITLE`` (the title before a
household's name). They are bot/nlu.py's ``ADDRESS_TITLES``, ``ADDRESS_TITLES_DOUBLED`` and ``NAME_PREFIXES`` now; each
reader takes the subset it read before (the pins below: what each reads and what it still does not)."""

from pathlib import Path

import pytest

from bot import identity, nlu

BOT = Path(__file__).resolve().parents[2] / "bot"


def test_the_forms_of_address_have_one_owner():
    assert set(nlu.ADDRESS_TITLES) >= set("伯叔婶姨婆公嫂哥姐")
    assert set(nlu.NAME_PREFIXES) == {"阿", "老"}
    assert all(len(t) == 2 and t[0] == t[1] for t in nlu.ADDRESS_TITLES_DOUBLED)
    identity_py, nlu_py = (BOT / "identity.py").read_text("utf-8"), (BOT / "nlu.py").read_text("utf-8")
    assert "伯|叔|婶" not in identity_py  # identity's list as it had been written out
    assert "(?:伯|叔|婶|嫂|姨)" not in nlu_py  # the self-told reader's, twice in one regex
    assert "婆|公|伯|叔|姨|婶|嫂|姐|哥" not in nlu_py  # the courtesy title's after 阿
    assert identity._ADDRESS_TITLES == nlu.titles_alternation(
        nlu.ADDRESS_TITLES + nlu.ADDRESS_TITLES_DOUBLED, without=("婆婆",)
    )


@pytest.mark.parametrize(
    ("name", "address"),
    [
        ("黄伯", True),
        ("黄伯伯", True),
        ("黄婆", True),
        ("黄哥", True),
        ("阿芳", True),
        ("老王", True),
        ("黄炳坤", False),
        ("黄姑", False),
        ("黄婆婆", False),
    ],  # 姑 and 婆婆: not identity's, as before
)
def test_identity_reads_its_forms_of_address_as_before(name, address):
    assert identity.is_form_of_address(name) is address


def test_a_title_run_on_into_ones_name_is_left_out_as_before():
    assert identity.spoken_text("我系埔心村嘅黄伯叫黄炳坤") == "我系埔心村嘅黄炳坤"
    assert identity.spoken_text("我系埔心村嘅黄伯伯叫黄炳坤") == "我系埔心村嘅黄炳坤"
    assert identity.spoken_text("我系埔心村嘅黄婆婆叫黄桂英") == "我系埔心村嘅黄婆婆叫黄桂英"


@pytest.mark.parametrize(
    ("text", "small_talk"),
    [
        ("我是村尾的老黄", True),
        ("我是村尾的黄伯", True),
        ("我系埔心村嘅陈伯", True),
        ("我是村尾的阿芳姨", True),
        ("我是村尾的黄哥", False),
        ("我是村尾的黄婆", False),
    ],  # 哥 and 婆: not the self-told reader's, as before
)
def test_who_one_is_by_a_form_of_address_reads_as_before(text, small_talk):
    assert nlu.is_chitchat(text) is small_talk


@pytest.mark.parametrize(
    ("text", "pledge"),
    [
        ("帮阿婆黄桂英认领一棵荔枝", "黄桂英 一棵荔枝"),
        ("帮阿姑黄桂英认领一棵荔枝", "黄桂英 一棵荔枝"),
        ("帮婆婆黄桂英认领一棵荔枝", "黄桂英 一棵荔枝"),
        ("帮大伯黄桂英认领一棵荔枝", "黄桂英 一棵荔枝"),
        ("帮五叔李树生认领一棵荔枝", "李树生 一棵荔枝"),
        ("帮五姑李树生认领一棵荔枝", "李树生 一棵荔枝"),
        # 婶婶, 大姨, 五哥: not the courtesy title's, as before
        ("帮婶婶黄桂英认领一棵荔枝", None),
        ("帮大姨黄桂英认领一棵荔枝", None),
        ("帮五哥李树生认领一棵荔枝", None),
    ],
)
def test_a_courtesy_title_before_a_households_name_reads_as_before(text, pledge):
    assert nlu.pledge_for(text) == pledge
