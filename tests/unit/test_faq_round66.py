"""FAQ round 66 (issue 17 §1): set BA's over-escalation by class, first asked in words of our own
(tests/data/faq_rule_checks_66.tsv, written before the change, none of BA's questions): the cause of a tree's trouble
named and what to do asked (hail, a cold spell, a typhoon, a flood, a drought, rats, termites, ants, slugs:
``[escalate] cause_named``) is no diagnosis, its entry answers; insects told of a listed tree in general
(``pests_named``) are its pests field. One's own tree in sight, a look asked for (a photo, 帮我睇, which insect it is)
or a sign only a look reads (spots, oozing, mould, holes, frass, cracks: ``grave_signs``) keep the ticket
(bot/faq.py ``_cause_told``, ``_pests_told``). A trouble only told (round 27's pin) or with a danger here keeps the ticket. Own 13/26 -> 19/26; lines not mended are strict xfails with the reason
(tests/data/faq_rule_checks.toml)."""

import pytest


@pytest.mark.parametrize(
    ("question", "told"),
    [
        ("冰雹打坏了苗的叶子", True),
        ("寒潮冻焦了叶子还能活吗", True),
        ("荔枝叶子被虫吃了好多", True),
        ("我家那棵荔枝冰雹打过之后叶子掉了", False),  # one's own tree
        ("冰雹打过的叶子有好多黑斑", False),  # a sign only a look reads
        ("台风过后的树 帮我看看还能不能救", False),  # a look asked for
        ("荔枝叶子有虫 是什么虫", False),  # which insect: a look
        ("荔枝叶子黄了", False),  # no cause named
    ],
)
def test_a_cause_told_is_no_diagnosis_unless_a_look_is_needed(index, question, told):
    norm = index._fixed(question)
    assert index._cause_told(norm, named="荔枝" in question) is told


@pytest.mark.parametrize("question", ["三角梅叶子被虫咬了 点算", "秋枫叶子被虫吃光了 怎么办"])
def test_insects_on_a_listed_tree_are_its_pests_field_over_a_technique_entry_s_words(index, question):
    # the rankings had given these the ants' and the leaf fodder's entries once the diagnosis stepped aside
    result = index.match(question)
    assert (result.kind, result.reason) == ("answer", "pests_told"), result
    assert result.entry_id is not None and result.entry_id.endswith(".pests")


def test_insects_with_another_topic_asked_keep_the_ticket(index):
    result = index.match("桃树开花开得好靓但系结啲桃细细粒仲有虫 其实系唔系要疏果")
    assert (result.kind, result.reason) == ("escalate", "diagnosis"), result
