"""FAQ round 112 (issue 17 §1, confident wrong): when the top entry does not cover what was asked, abstain. An answer
the ranking of the entries' words found (or an off-list tree's rule) that the model, reading the whole question, reads
as another label (``[sure] covered_lead``) is a ticket (``FaqIndex._read_otherwise``, reason ``unsupported``, the
answer held back as its candidate), unless the model's label is this answer's own reading (its field, a general
entry's field, a tree's field asked with no tree named whose topic most of the entry's phrasings ask, or a close
precedent gives the answer). An intent's answer is never judged so (a campaign fact's intent is kept from the model by
design: tests/unit/test_faq_dissent.py). The phrasings here are this round's own, not from any set;
bench/faq_cover_gate.py measures the gate on the sets."""

import dataclasses
import math

import pytest

from bot import faq

# (question, the answer the gate holds back): the helper's own words
STOPPED = [
    ("芒果树点样剪", "tech.fruit_thinning"),  # an off-list tree's pruning, not thinning its fruit
]
# (question, the answer the gate holds back) where the model reads small talk and nothing of substance is said: small
# talk, no ticket (the lead, fifty-fourth session, the simulator: '太好了' had become a ticket for the adviser)
SMALL_TALK = [
    ("睇落几好", "tech.hail"),  # 'looks good' is no hail advice
    ("太好了", "tech.planting_depth"),
]
# (question, answer): answers the gate leaves alone, the model reading the same topic
KEPT = [
    ("点样剪枝", "tech.pruning_general"),  # the model reads a tree's pruning; the pruning entry asks about pruning
    ("浇水要注意咩", "tech.watering_after"),  # a general entry's field (species_answer.general_entries)
    ("果树一年落几次肥", "tech.topdressing"),
    ("荔枝几时种", "species.荔枝.time"),
    ("示范点种什么树", "recommend.示范点"),
    ("认养的那棵树挂果了，果归我还是归村", "camp.adopt"),  # an intent's answer: never judged by this gate
]


def off(index) -> faq.FaqIndex:
    """The index with round 112's gate switched off."""
    twin = index.copy()
    twin.sure = dataclasses.replace(index.sure, covered_lead=math.inf)
    return twin


def test_round112_configured(index):
    assert index.sure.covered_lead == 0.3
    assert "ranked" in index.sure.covered_reasons and "intent" not in index.sure.covered_reasons


@pytest.mark.parametrize(("question", "held"), STOPPED)
def test_round112_an_answer_read_otherwise_is_a_ticket(index, question, held):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "unsupported", (faq.result_label(result), result.reason)
    assert result.candidate is not None and result.candidate.entry_id == held


@pytest.mark.parametrize(("question", "held"), SMALL_TALK)
def test_round112_small_talk_read_otherwise_is_small_talk(index, question, held):
    result = index.match(question)
    assert result.kind == "chitchat", (faq.result_label(result), result.reason)


@pytest.mark.parametrize(("question", "held"), STOPPED + SMALL_TALK)
def test_round112_switched_off_it_answers(index, question, held):
    """Without the gate the same question gets the answer it had before this round."""
    assert off(index).match(question).entry_id == held


@pytest.mark.parametrize(("question", "label"), KEPT)
def test_round112_the_same_reading_is_answered(index, question, label):
    assert faq.result_label(index.match(question)) == label


def test_round112_the_entry_s_topic_is_its_phrasings_majority(index):
    """The pruning entry's phrasings ask about pruning; the base fertilizer's burn asks about fertilizer, though one of
    its phrasings says when ('种树时'): a tree's planting time read by the model is not its topic."""
    assert index._entry_topic("tech.pruning_general") == "pruning"
    assert index._entry_topic("tech.fertilizer_burn") == "fertilizer"
    assert index._entry_topic("no.such_entry") is None


def test_round112_a_weak_reading_is_not_enough(index):
    """The model must read the other label by ``covered_lead``: just under it, the ranked answer stays."""
    question, held = STOPPED[0]
    norm = index._fixed(question)
    _, lead, _ = index._model_reading(index.precedents.model, norm)
    strict = index.copy()
    strict.sure = dataclasses.replace(index.sure, covered_lead=lead + 0.01)
    assert strict.match(question).entry_id == held
