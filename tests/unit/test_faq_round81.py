"""FAQ round 81 (set BL's confident wrong answers and missed tickets, issue 17 §1, §3), each fixed as a class and
checked first on the helper's own phrasings (tests/data/faq_rule_checks_81.tsv, written before any change: 24 of 39
right, 17 of the 32 class phrasings and all 7 controls; after: 38 of 39, 杉木能做什么 left, see tests/data/faq_rule_checks.toml; two
lines re-labelled after the first run, see the file). docs: README, FAQ round 81.

1. who asks, not what is asked (``[who_asks]``, bot/faq.py): '我唔系党员', '非党员', '我冇入党' tell who asks, read as
   村民 before normalising: the household's quota, not a party member's;
2. a person named beside an animal that ate a plant (safety.toml ate_plant): 细佬, 弟弟妹妹, 外婆 … are people too, so
   the eaten plant's line opens the reply and a ticket is filed (§3);
3. a snake said before what it does (蛇钻进, 住了一条蛇: safety.toml snake_seen): the snake's line and tech.snakes, not
   the old tree's hollow; a wasps' nest in a hollow is the wasps' (not the hollow's, nor felling's for 老树);
4. a grievance about the village: a promise said without who promised, or said to come and still missing (own_request,
   over the intents); a name hung or written that is not one's own, a photo registered by another (complaint; the
   privacy intent gives way): tickets, not the certificate's, nameplate's or privacy's usage;
5. one's own land: building a house asked whether to report it (要不要去林业站报) is the building class, which the
   precedents no longer overrule (felling's permit);
6. 樟木 and its use asked: tech.wood_uses, not 香樟's card (other woods, which that entry does not speak of, stay
   tickets);
7. (second batch, its 21 lines written before its changes: 20 right already, the words' classes held; what was missing
   was narrower, an intent asked before the rules that kept the rules from reading the statement) a neighbour's trees
   harming mine (tech.eucalyptus gives way: dispute), the village wanting one's land (tech.pocket_park gives way;
   land reads 征我家的田), mud lines on a trunk (土路, 土线 after normalising: the termites' look, not tech.ants), fruit
   sold and its money (fruit_owner asked in general no longer answers), land 被别人种了 (dispute), the village
   saying it will deduct a household's dividend (own_request, over the intents); 种树要多深 is the planting depth.
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a member, or another's membership asked, stays the members' quota
        ("我系党员 屋企要种几棵", "camp.quota_party"),
        ("入咗党嘅要种几多棵", "camp.quota_party"),
        ("党员要种几棵", "camp.quota_party"),
    ],
)
def test_a_member_stays_a_member(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize("question", ["我家的狗吃了苦楝子 一直呕", "只羊食咗啲夹竹桃叶"])
def test_an_animal_alone_is_not_a_person_poisoned(index, question):
    ate_plant = next(rule for rule in index.safety if rule.name == "ate_plant")
    assert not ate_plant.fires(index._fixed(question))
    assert ate_plant.line not in index.match(question).safety


@pytest.mark.parametrize("question", ["只狗同我弟弟都食咗啲树籽 而家肚痛", "我细佬同只猫都吃了夹竹桃叶子"])
def test_a_person_beside_an_animal_is_poisoned(index, question):
    ate_plant = next(rule for rule in index.safety if rule.name == "ate_plant")
    assert index.match(question).safety.startswith(ate_plant.line)


@pytest.mark.parametrize(
    "question", ["种树有没有证书", "认养的树会挂牌吗", "登记的照片会不会被别人看到", "说好了今天领苗 去哪里领"]
)
def test_the_usage_asked_stays_answered(index, question):
    assert index.match(question).kind == "answer"
