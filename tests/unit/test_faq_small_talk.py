"""Round 37 (issue 17 §1): a message the matcher was unsure of, which the model reads as small talk by ``[model]
small_talk``, is small talk, not a ticket (bot/faq.py FaqIndex._by_model). As in test_faq_dissent, a stand-in model
reads what each test says, so these fail when the check breaks, not when the model is retrained; the last test reads
the trained model."""

import pytest

from tests.unit.test_faq_dissent import reading

# faq136: 多谢晒你 帮咗我好多 is now small talk by rule (bot/said_only.py); this one the matcher is still unsure of
THANKS = "多谢晒你 帮咗我唔少忙"
ASKED = "党员同群众一样种一棵就得？"  # unsure too, but asked, about the campaign's people
SYMPTOM = "我家桂花叶子黄了掉叶子"  # a rule's class (diagnosis): for a person whatever the model reads


def test_an_unsure_message_read_as_small_talk_by_the_lead_is_small_talk(index):
    assert index._model_small_talk == 1.0
    assert reading(index, "chitchat", 0.5).match(THANKS).kind == "escalate"
    result = reading(index, "chitchat", 1.2).match(THANKS)
    assert (result.kind, result.reason) == ("chitchat", "model")


def test_never_a_question_about_something_nor_a_rules_person(index):
    assert index.match(ASKED).kind != "chitchat"
    assert reading(index, "chitchat", 3.0).match(ASKED).kind != "chitchat"
    symptom = reading(index, "chitchat", 3.0).match(SYMPTOM)
    assert (symptom.kind, symptom.reason) == ("escalate", "diagnosis")


@pytest.mark.parametrize("text", [THANKS, "恁好 承蒙你", "老师你好呀 我係村尾嘅陈姨", "谢谢哈，我去种了"])
def test_the_trained_model_reads_these_as_small_talk(index, text):
    """Sets AC–AG (none of them precedents of this model): unsure thanks and greetings were tickets before."""
    assert index.match(text).kind == "chitchat"
