"""FAQ tidy75 (issue 17 §1): sim71's leftovers by class, each class first asked in words of our own
(tests/data/faq_rule_checks_tidy75.tsv, written before the change, none of the leftovers' words). Where to plant asked
with no tree nor place named is answered by no entry (each tree's sites are its own: the chat asks which tree back,
tests/e2e/test_conversation_tidy75.py); which fertilizer asked with nothing else said is topdressing's. On main
(6fcdb66): class 1 own 5/7 (two confident wrongs: the species list, the planting depth), class 2 own 1/6, controls
13/13 and 8/8; now 7/7, 6/6, 13/13, 8/8. The leftovers themselves are checked below."""

import pytest

from bot import faq


@pytest.mark.parametrize("question", ["树苗种哪里合适", "种边度好呢"])
def test_the_leftovers_where_to_plant_are_answered_by_no_entry(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "which_tree")


def test_the_leftover_which_fertilizer_is_topdressing(index):
    assert faq.result_label(index.match("施咩肥好")) == "tech.topdressing"
