"""Round 54 (the lead, in the simulator): Cantonese 点 + 记 (how to record) asks how, as 点报 and 点登记 do
(`我哋屋企仲有阿爷 佢种咗两棵 点记` had started a record of two trees of a species called 点记); a 根 of something that
is no tree, with no words of having planted, is no record (`挖树穴挖到一根水管` had started a record of one 水管)."""

from __future__ import annotations

import pytest

from bot import nlu
from tests.unit.test_nlu import species  # noqa: F401 (the module's fixture)

HOW_TO_RECORD = [
    "我哋屋企仲有阿爷 佢种咗两棵 点记",
    "我种咗两棵龙眼 点记",
    "阿嫲种咗三棵龙眼 点记落去",
]
CONTROLS_NORMALISED = [
    ("重点记录", "重点记录"),  # an emphasis, not 'how'
    ("一点记号", "一点记号"),
]


@pytest.mark.parametrize("text", HOW_TO_RECORD)
def test_how_to_record_is_a_question(species, text):  # noqa: F811
    assert nlu.is_question(nlu.normalize(text))
    assert "怎么记" in nlu.normalize(text)
    assert nlu.parse_planting_text(text, species) is None


@pytest.mark.parametrize(("text", "normalised"), CONTROLS_NORMALISED)
def test_other_dian_ji_kept(text, normalised):
    assert nlu.normalize(text) == normalised


NOT_TREES_BY_GEN = ["挖树穴挖到一根水管", "树头绑了一根竹竿", "树穴里有两根电线"]
TREES_BY_GEN = [("种了两根竹", 2, "竹子"), ("插了三根竹", 3, "竹子"), ("种了两根发财树", 2, None)]


@pytest.mark.parametrize("text", NOT_TREES_BY_GEN)
def test_gen_of_no_tree_is_no_record(species, text):  # noqa: F811
    assert nlu.parse_planting_text(text, species) is None


@pytest.mark.parametrize(("text", "count", "name"), TREES_BY_GEN)
def test_gen_of_trees_planted_is_a_record(species, text, count, name):  # noqa: F811
    record = nlu.parse_planting_text(text, species)
    assert record is not None and (record.count, record.species) == (count, name)


# what is still to do this year or as a party member, asked while a record waits, is the campaign's duties (the FAQ's),
# not the record's next step (`我今年仲要做啲咩` after a photo had got '请再发树种和棵数')
@pytest.mark.parametrize("text", ["我今年仲要做啲咩", "党员还要做什么", "这个月还要做些什么"])
def test_the_years_duties_are_not_the_records_next_step(text):
    assert not nlu.record_part_asked(nlu.normalize(text))


@pytest.mark.parametrize("text", ["仲要做啲咩", "还要发什么", "还差什么"])
def test_the_records_next_step_still_asked(text):
    assert nlu.record_part_asked(nlu.normalize(text))


# a tree name voice input wrote with a homophone is that tree in a planting report, as the FAQ and pledges read it
# (`我中了三颗力枝在屋后` had asked what tree 力枝 is); a word that only sounds like one stays unknown (例子 is no 李子)
HEARD = [("我中了三颗力枝在屋后", 3, "荔枝"), ("种了两棵龙颜", 2, "龙眼"), ("种了两棵木绵", 2, "木棉")]


@pytest.mark.parametrize(("text", "count", "name"), HEARD)
def test_a_tree_name_heard_as_a_homophone_is_that_tree(species, text, count, name):  # noqa: F811
    record = nlu.parse_planting_text(text, species)
    assert record is not None and (record.count, record.species, record.unknown_species) == (count, name, False)


def test_a_word_that_only_sounds_like_a_tree_stays_unknown(species):  # noqa: F811
    record = nlu.parse_planting_text("种了两棵例子", species)
    assert record is not None and record.species is None and record.species_text == "例子"
