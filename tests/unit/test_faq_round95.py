"""Round 95 (issue 17 §1): sets AT-BS joined the precedents. Their writers label a danger that happened with its
first aid (``刚才挖坑被蛇咬了`` tech.snakes), and the model retrained on them read such questions as that entry by more
than ``[model] safety``: the villager got the first aid and no ticket, nobody to follow. A danger that happened whose
first aid goes under the ticket keeps its ticket whatever the model reads (``FaqIndex._safety_by_model``). A stand-in
model reads what each test says (test_faq_dissent's ``reading``), so these fail when the guard breaks, not when the
model is retrained."""

import pytest

from tests.unit.test_faq_dissent import reading

HAPPENED = [
    ("刚才挖坑被蛇咬了", "tech.snakes"),
    ("老公撒石灰烧到手了", "tech.lime_first_aid"),
    ("阿婆食咗几粒唔知咩树嘅果 想呕", "tech.poison_first_aid"),
    ("我爸从梯子上摔下来了 腿好痛", "tech.injury_first_aid"),
]


# round 116 (issue 17 §1): these first aids are the answer now, the line first, no ticket (the eleven blind sets BZ-CL
# label them so; safety.toml ``aid_answered``), whatever the model reads; the guard keeps the tickets still kept: who
# pays beside the hurt (``aid_unless``), and a danger whose first aid is not answered
KEPT = [
    ("我种树摔伤了 医药费谁出", "tech.injury_first_aid"),
    ("阿伯被蛇咬了 村里管不管医药费", "tech.snakes"),
]


@pytest.mark.parametrize(("question", "first_aid"), HAPPENED)
def test_a_danger_that_happened_is_answered_with_its_first_aid_whatever_the_model_reads(index, question, first_aid):
    for read in (first_aid, "tech.heatstroke"):
        result = reading(index, read, 3.0).match(question)
        assert (result.kind, result.entry_id) == ("answer", first_aid), result
        assert result.safety.startswith("⚠")


@pytest.mark.parametrize(("question", "first_aid"), KEPT)
def test_a_danger_that_happened_keeps_its_ticket_when_the_model_reads_its_own_first_aid(index, question, first_aid):
    result = reading(index, first_aid, 3.0).match(question)
    assert (result.kind, result.note_entry) == ("escalate", first_aid), result
    assert result.safety.startswith("⚠")


@pytest.mark.parametrize(("question", "first_aid"), KEPT)
def test_nor_another_entry_read_by_the_model(index, question, first_aid):
    result = reading(index, "tech.heatstroke", 3.0).match(question)
    assert (result.kind, result.note_entry) == ("escalate", first_aid), result


# controls: the safety rule's words with nothing happened, read by the model by its lead: answered, the line first
CALM = [
    ("给果树喷农药要戴什么防护 打完多久能摘果吃", "tech.pesticide_safety"),
    ("高压线下面可不可以种果树", "tech.power_lines"),
]


@pytest.mark.parametrize(("question", "entry"), CALM)
def test_a_safety_rules_words_with_nothing_happened_are_answered_by_the_models_reading(index, question, entry):
    result = reading(index, entry, 3.0).match(question)
    assert (result.kind, result.entry_id) == ("answer", entry), result
