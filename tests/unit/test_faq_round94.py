"""FAQ round 94 (issue 17 §1; set BU, written blind this session, as the development set). Its agreed misses (the
questions the writer and the second annotator label alike that the matcher misses, ``bench/faq_eval.py --show-wrong``
over tests/data/faq_relabel_bu_1.tsv) read by class; the largest class that one reader decides from the question's
shape is mended: a grievance told over a campaign fact (the asker left out, refused by the village or a shop, a cadre's
order doubted) answered with the rule's card. Checked on the helper's own phrasings, tests/data/faq_rule_checks_94.tsv,
written before the change, with controls: the same words asking the rule. docs: README, FAQ round 94.
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tidy75's leftovers, each as main already reads it, left so and pinned: a sour orange's fertiliser is the
        # off-list care (fruit sweetness); whether any tree may be planted anywhere is the species list (it had been a
        # confident wrong); a courtyard only is the yard's recommendations (the sets label it camp.household_rules: a
        # label convention, not changed); yellow leaves with a fertiliser asked and roots burnt go to the adviser
        ("橙子好酸 下什么肥", "tech.offlist_care"),
        ("树种哪里都可以吗", "camp.species_list"),
        ("家里就一个天井 种哪里", "recommend.庭院"),
        ("叶子发黄要施什么肥", "escalate"),
        ("施肥烧根怎么办", "escalate"),
    ],
)
def test_tidy75_leftovers_as_read(index, question, expected):
    assert faq.result_label(index.match(question)) == expected
