"""Tidy81's readers (bot/nlu.py), as the chat calls them (on ``normalize``d text).

- One slip/sorry word list (``_SLIP``, ``_SORRY``): a record said wrong, not planted yet (``not_planted_yet_said``), and
  the reminders wanted back after a slip (``again_after_a_slip``) read the same words; each had some the other lacked.
- 点 after 示范 is the place (示范点), never Cantonese 'how' (点搞 had made 示范点搞 示范怎么弄; 搞 is 弄 as everywhere).
- A listed tree or a 树 word after 改成 is never a person's name (``name_said_right``: '劳驾改成龙眼' had read 龙眼, 龙
  a surname), and the change asked politely (劳驾, 唔该, 拜托 …: ``PLEASE_LEAD``) is a record's tree corrected
  (``tree_corrected``), as '改成龙眼' and '帮我改成龙眼' were."""

import pytest

from bot import nlu, planting


@pytest.mark.parametrize(
    "text",
    ["搞错 又想收返", "唔好意思 又想收返", "点错了 又想要回来", "sorry 又想收返", "写错了 又想收返", "记错了 又想收返"],
)
def test_tidy81_reminders_wanted_back_after_any_slip_or_sorry(text):
    assert nlu.again_after_a_slip(nlu.normalize(text).replace(" ", ""))


@pytest.mark.parametrize("text", ["又要", "搞错了", "唔好意思", "写错了 又要"])
def test_tidy81_no_reminders_wanted_back_without_the_wish(text):
    assert not nlu.again_after_a_slip(nlu.normalize(text))


@pytest.mark.parametrize(
    "text",
    [
        "刚才那个说错了还没种呢是准备种",
        "唔好意思 仲未种 准备种先",
        "对不起 还没种呢",
        "点错了 还没种",
        "按错了 还没种的",
    ],
)
def test_tidy81_a_record_said_wrong_not_planted_yet_after_any_slip_or_sorry(text):
    assert nlu.not_planted_yet_said(nlu.normalize(text))


@pytest.mark.parametrize("text", ["还没种好", "还没种 明天种了再拍", "两棵荔枝还没种完", "点样种"])
def test_tidy81_not_planted_yet_controls(text):
    assert not nlu.not_planted_yet_said(nlu.normalize(text))


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("示范点搞", "示范点弄"),
        ("我们村的示范点搞得怎么样", "我们村的示范点弄得怎么样"),
        ("绿美示范点搞好了吗", "绿美示范点弄好了吗"),
        ("示范点整好未", "示范点整好没有"),
        # controls: how, asked elsewhere, stays how
        ("点搞", "怎么弄"),
        ("示范点点搞", "示范点怎么弄"),
        ("示范点怎么搞", "示范点怎么弄"),
        ("荔枝点搞", "荔枝怎么弄"),
        ("点样种", "怎么种"),
    ],
)
def test_tidy81_the_demonstration_site_is_no_how(text, norm):
    assert nlu.normalize(text) == norm


@pytest.mark.parametrize("text", ["劳驾改成龙眼", "改成龙眼", "麻烦改成龙眼", "唔该改成龙眼", "改成龙眼树", "改成桂花"])
def test_tidy81_a_tree_after_change_to_is_no_name(text):
    assert nlu.name_said_right(nlu.normalize(text)) is None


@pytest.mark.parametrize("text", ["劳驾改成龙小燕", "改成陈秀英", "麻烦改成谢丽萍，之前写成谢丽平了"])
def test_tidy81_a_name_after_change_to_stays_a_name(text):
    assert nlu.name_said_right(nlu.normalize(text))


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("劳驾改成龙眼", "龙眼"),
        ("麻烦改成龙眼", "龙眼"),
        ("唔该改成龙眼", "龙眼"),
        ("拜托改成桂花", "桂花"),
        ("劳驾改成龙眼树", "龙眼"),
        ("劳驾帮我改成龙眼", "龙眼"),
        # controls: as before
        ("改成龙眼", "龙眼"),
        ("帮我改成龙眼", "龙眼"),
        ("请改成龙眼", "龙眼"),
    ],
)
def test_tidy81_a_tree_changed_politely_is_the_record_s_tree(text, tree):
    table = planting.load_species_table(planting.MESSAGES_DIR)
    assert nlu.tree_corrected(text, table) == (tree, True)


@pytest.mark.parametrize("text", ["劳驾改成龙小燕", "劳驾改成3棵", "改成龙眼吗"])
def test_tidy81_no_tree_corrected(text):
    table = planting.load_species_table(planting.MESSAGES_DIR)
    assert nlu.tree_corrected(text, table) is None
