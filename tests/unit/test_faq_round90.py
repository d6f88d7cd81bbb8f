"""FAQ round 90 (issue 17 §1 and §3; set BR, written blind this session, as the development set: its answerable questions
that were escalated, read with ``bench/faq_eval.py --show-wrong``, and its safety-tagged questions whose reply opened
with no safety line, ``--show-unsafe``). Each class is checked on the helper's own phrasings,
tests/data/faq_rule_checks_90.tsv, written before the change (19 of 38 passed on main, then 9 more written before their
own change, 4 of 9 on main), with controls: the same words with no danger get no line. docs: README, FAQ round 90.

1. daily errands off the campaign (a pharmacy, a ball game, a school's enrolment, a leave note, the rubbish collection)
   are bot.off_topic, not a ticket (matching.toml, round 82's errand intent widened);
2. rain for days and water standing in the hole or at the tree's foot is tech.waterlogging (a new intent); one's own tree
   yellowing after it stays the adviser's;
3. a typhoon before it comes asked with a tree's pruning or tying is tech.typhoon, also with a tree named (the last
   session's leftover: '台风前荔枝要不要剪枝' had been a ticket, the lychee's pruning field read, which says nothing of
   typhoons); no line while no typhoon is coming now (round 58), typhoon_warning's line when one is;
4. the pre-harvest interval asked calmly opens with a short line of its own (pesticide_exposure ``line_by``): decided, a
   fruit sprayed days before is a poisoning risk (round 38 had pinned it calm: tests/e2e/test_faq_safety.py moved);
5. 才不会 / 先唔会 asked of a danger's own entry is asking how to keep safe ([safety_answers] asked);
6. people sheltering under a tree said before the thunder (lightning); 7. heatstroke taken to hospital (heat_illness, a
   ticket); 8. mud slippery after rain (slippery_path); 9. a big trunk split, a big tree leaning asked whether to fell it
   oneself (hazard_tree); 10. shoes for planting (tech.fall_safety), a child's age for the holes (open_holes' line), the
   noon sun asked whether all right to go out (extreme_heat, now answered by tech.heatstroke), clothes for the day
   (camp.local_arrangements).
"""

from bot import faq
from tests.faq_helpers import fired_rules


def test_the_harvest_interval_has_its_own_short_line(index):
    """The line is the interval's, not the one for pesticide on the skin or breathed in; the entry answers after it."""
    result = index.match("打完药多久可以摘果子吃")
    assert result.kind == "answer" and result.entry_id == "tech.pesticide_safety", (result.kind, result.reason)
    assert "安全间隔期" in result.safety and "沾到或吸入" not in result.safety, result.safety
    assert result.answer_text.startswith(result.safety)
    # a person already ill after eating sprayed fruit stays the exposure's ticket
    ill = index.match("食咗啱打完药嘅荔枝 而家头晕想呕")
    assert ill.kind == "escalate" and ill.safety.startswith("⚠ 安全第一"), (ill.kind, ill.safety)


def test_leftover_typhoon_pruning_is_the_typhoon_answer(index):
    """The last session's leftover: before a typhoon, a named tree's pruning is tech.typhoon (its 疏剪过密树冠), not the
    tree's pruning field; with no typhoon coming now it carries no line (round 58's calm typhoon questions)."""
    result = index.match("台风前荔枝要不要剪枝")
    assert result.kind == "answer" and result.entry_id == "tech.typhoon", (faq.result_label(result), result.reason)
    assert result.safety == ""
    calm = index.match("台风前要做什么护树")
    assert calm.entry_id == "tech.typhoon" and calm.safety == "", calm.safety


def test_leftover_two_varieties_of_one_tree_get_the_card_that_says_how_they_differ(index):
    """Left, decided: two varieties of one tree compared ('妃子笑同桂味边个好种') go to the adviser. The sets label the
    species card, but the card says nothing of how the varieties differ (species.toml lists them as aliases only):
    answering with it would be a reply not about what was asked (issue 17 §1). Round 104: unless a field of the tree
    names one of them (桂花's flowering '四季桂一年多次开花'): its card, then that field (test_faq_round104.py).
    Helper faq137 (set CW): the 荔枝 card now says how 妃子笑, 桂味 and 糯米糍 differ, so the card answers, as the sets
    label it; weighed for money or grown together they stay a comparison, the adviser's."""
    result = index.match("妃子笑同桂味边个好种")
    assert result.entry_id == "species.荔枝.card", (faq.result_label(result), result.reason)
    assert "早熟" in result.answer_text, result.answer_text
    weighed = index.match("妃子笑同桂味种边个赚钱啲")
    assert weighed.kind == "escalate", (faq.result_label(weighed), weighed.reason)
    named = index.match("四季桂同金桂有咩分别")
    assert (named.entry_id, named.also) == ("species.桂花.card", "species.桂花.flowering"), faq.result_label(named)


def test_leftover_a_typhoon_coming_and_two_trees_to_tie_is_no_comparison(index):
    """Round 87's leftover (sets AV, BA): a typhoon coming and two trees named to protect went to a person as a
    comparison; now tech.typhoon after typhoon_warning's line (the intent reads before the two trees' comparison). The
    second phrasing is the helper's own, written after the change."""
    for question in ("听讲后日有台风 我屋门口啱种嘅三角梅同桂花要点护", "听说明天有台风 院子里的龙眼和杨梅怎么加固"):
        result = index.match(question)
        assert result.kind == "answer" and result.entry_id == "tech.typhoon", (faq.result_label(result), result.reason)
        assert "趁早把苗绑好" in result.safety, result.safety
    # a tree the typhoon already broke stays a person's (its own damage)
    assert index.match("台风过后棵荔枝冧咗 树根露出嚟 仲救得返吗").kind == "escalate"


def test_a_trunk_cracking_on_a_tree_in_question_is_no_hazard(index):
    """A trunk 'somewhat cracking' told of a tree already in question (conversation probe 21j, an open ticket's 补充) is
    that tree's symptom, no hazard line: only a big tree's split or a trunk cracked by the wind or lightning is."""
    assert "hazard_tree" not in fired_rules(index, "树干都有啲裂开")
    assert "hazard_tree" in fired_rules(index, "主干俾台风吹裂咗")
