"""FAQ round 83 (issue 17 §3: safety first, in the very reply; the development sets' safety-tagged questions whose reply
opened with no safety line, read by class with ``bench/faq_eval.py --show-unsafe``). Each class is checked on the
helper's own phrasings, tests/data/faq_rule_checks_83.tsv, written before its change, held-out controls both ways:
the danger said otherwise (the line opens the reply) and a near miss (a word of danger that is none: 蛇瓜, 电线杆旁边种
什么树, 火龙果, 炭疽病, a tree's 扭, a slope asked what to plant). docs: README, FAQ round 83.

1. a person hurt as Cantonese says it (扭亲只脚, 跌伤, 碰到只脚, pinned under a branch) is the injury's line; a bamboo or
   thorn splinter driven in is the puncture's;
2. a plant eaten by a sibling (细佬, 弟弟, 家姐) though a dog ate it too, a wrong wild fruit (食错), a toxic tree's
   fruit named (苦楝) is the eaten plant's line; lime in the mouth is the lime's, with its own line;
3. heat and a person suddenly unwell; pollen or flying fluff and a child wheezing, hives all over: a rule of their own
   (pollen_allergy, tech.plant_allergy after it); a charcoal brazier indoors and a headache (charcoal_fumes, 120);
4. a snake that crawls into a place; thunder while planting asked in Cantonese (避, 走, 仲种唔种); a slope slippery, an
   old person falling on one;
5. asked how to keep safe spraying in Cantonese (着咩衫, the leftover pesticide or empty bottle, a child or pregnant
   woman near): the answer opens with the pesticide line (``[safety_answers] asked``).
"""


def test_the_lime_in_the_mouth_has_its_own_line(index):
    """Lime swallowed is no lime in the eyes: its line says rinse the mouth, not the eyes (safety.toml ``line_by``)."""
    result = index.match("阿爸唔觉意食咗啖石灰水")
    assert result.safety.startswith("⚠") and "漱口" in result.safety, result.safety
