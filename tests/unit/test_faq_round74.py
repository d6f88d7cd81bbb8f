"""FAQ round 74 (set BE as the development set: over-escalation, questions the knowledge answers sent to an adviser).
Three classes of its escalated questions, each first asked in words of our own (tests/data/faq_rule_checks_74.tsv,
none of the sets' questions; own 2/20 before, 18/20 after), with controls that must not move:

- a kind of trouble of a listed tree told in general is the tree's field, where the adviser's line is one tree's case:
  insects said as a heading with no question word ('石榴生虫', ``FaqIndex._kind_of_trouble``), a trouble said to come
  always (成日, 老是, 年年: ``[escalate] habitual``, not overruled by the model, ``_habitual_trouble``), flowers and no
  fruit (the fruit field, which holds the flowering field: ``[topics.fruit] flowers_no_fruit``). One's own tree or a
  time of it (我家, 那棵, 今年, 种了三年), a look asked, a tree dying, a sign besides the insects keep the ticket;
- a listed tree wanted and nothing else asked ('我舅父想种橄榄') is its card (``[topics.card] overall``);
- roots, a bamboo's runners or shoots getting into a wall, a house, a foundation are the card's house topic.

docs/faq.md, 第七十四轮."""

import pytest


def test_flowers_without_fruit_is_the_fruit_field_holding_the_flowering_field(index):
    result = index.match("柿子开花不结果")
    assert (result.entry_id, result.also) == ("species.柿.fruit", "species.柿.flowering"), result
    assert index.species["柿"]["flowering"] in result.answer_text


@pytest.mark.parametrize(
    "question",
    [
        "龙眼啲果成日跌",  # the model reads a person (fruit dropping in the precedents)
        "杨梅果成日未熟就掉",  # read twice as a person
    ],
)
def test_a_habit_of_the_species_is_not_overruled_by_the_model(index, question):
    result = index.match(question)
    assert result.kind == "answer" and (result.entry_id or "").endswith(".fruit"), (result.kind, result.reason)


@pytest.mark.parametrize(
    "question",
    [
        "我屋门口棵龙眼啲果成日跌",  # one's own tree
        "荔枝啲果成日爆裂 系咪有病",  # a sign only a look reads (裂)
        "龙眼啲果成日跌 帮我睇下",  # a look asked
    ],
)
def test_a_habit_told_of_one_tree_or_needing_a_look_keeps_the_ticket(index, question):
    assert index.match(question).kind == "escalate"
