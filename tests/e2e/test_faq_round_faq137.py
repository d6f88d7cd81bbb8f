"""FAQ helper faq137 end to end (the sixtieth session; issue 17 §1; set CW's answerable questions that became tickets),
through signed pushes to the real /wechat route and a real SQLite file: two varieties of one listed tree compared get
the tree's card with how the varieties differ; two listed trees' flowers compared by their looks get both trees'
flowering; a pomelo's years to fruit and tea's shaping cuts get their own entries; one's own slip (another household's
tree photographed, the village chosen wrong) gets how to mend it; a listed tree's price asked in a few words gets the
seedlings' price. None files a ticket; a quarrel over one's trees still does. tests/unit/test_faq_round_faq137.py holds
the figures over the helper's own phrasings."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("妃子笑同桂味有乜唔同", ("早熟", "核小")),
        ("乌榄同白榄系咪同一种树", ("榄角",)),
        ("储良同石硖有咩唔同", ("桂圆干",)),
    ],
)
def test_two_varieties_of_one_tree_get_its_card_with_how_they_differ(asker, question, words):
    reply = asker.says(question)
    assert all(word in reply for word in words), reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


def test_two_trees_flowers_compared_by_their_looks_are_answered_side_by_side(asker):
    reply = asker.says("簕杜鹃同大叶紫薇边个花靓啲")
    assert "簕杜鹃" in reply and "大叶紫薇" in reply and "开" in reply, reply
    assert "问题编号" not in reply and asker.tickets() == 0, reply


@pytest.mark.parametrize(
    ("question", "entry", "word"),
    [("柚子种几年先有果食", "tech.citrus", "挂果"), ("茶树点样修剪", "tech.tea", "定型修剪")],
)
def test_an_off_list_tree_with_its_own_entry_gets_it(asker, question, entry, word):
    reply = asker.answered_by(question, entry)
    assert word in reply, reply


@pytest.mark.parametrize(
    ("question", "entry"),
    [("我上传错咗别人家的树嘅相 点样删返", "bot.cancel"), ("我登记的村选错了 选成了隔壁村 怎么改", "bot.my_info")],
)
def test_one_s_own_slip_is_how_to_mend_it_not_a_dispute(asker, question, entry):
    asker.answered_by(question, entry)


def test_a_tree_s_price_in_a_few_words_is_the_seedlings_price(asker):
    asker.answered_by("香樟树大概几钱", "tech.seedling_price")


def test_a_quarrel_over_one_s_trees_still_files_a_ticket(asker):
    reply = asker.says("隔壁阿婶拍了我家的树报上去算她的")
    assert "问题编号" in reply and asker.tickets() == 1, reply
