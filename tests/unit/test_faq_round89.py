"""FAQ round 89 (set BR's confident wrong answers, issue 17 §1: the worst outcome, a villager acts on it), each mended as
a class and checked first on the helper's own phrasings (tests/data/faq_rule_checks_89.tsv: the 36 written before their
change passed 28 on main, every control among them, and 35 after, the one left in tests/data/faq_rule_checks.toml with its why; seven more written
after their change). docs: README, FAQ round 89; docs/faq.md 第八十九轮.

1. one's own case answered by a campaign entry (``own_request``): a cadre's word on a thing to come asked whether it still
   holds or counts me, one's own adoption handed to kin or one's zone given up, how the village deals with a person or
   may I tell him to take it away (one's welfare asked is camp.household_rules' answer, which says it: BR's label judged
   wrong);
2. one's own tree answered by a card: a diagnosis of a tree said to be one's own stays with a person over the agreed
   precedents (``FaqIndex._symptom_kept``, as ``_by_model`` since round 86), a tree in sight (``own_in_sight``) is one's
   own when a general word is only asking (``_is_general``), a clump or whole tree dried, still yellow after a drip bag;
3. the nearer entry, or none: feeding asked with water is tech.topdressing; a tree's stake tied again is never the
   phone's rebinding, a squirrel never the rats' (``[answer_needs]``); a bonus for planting is the subsidy's (a ticket
   with its note), not the awards';
4. the normalisation: 电话 keeps its 话 (the Cantonese 'say' keys took it: 电说), 边 beside 台 or before 一个 after a
   place is 'beside' (阳台边一小块地, 屋边一个位), not 'which'.
"""

import pytest

from bot import faq, nlu


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # set BR's, each a confident wrong answer on main (the entry it had given in the comment)
        ("镇上说党建林完成后搞个表彰会 还搞不搞", "escalate"),  # camp.awards
        ("书记讲今年年底评先进户有奖 算我唔算", "escalate"),  # camp.awards
        ("我想把我那棵认养树转给我儿子", "escalate"),  # camp.adopt
        ("我要退党员责任区 不想管了", "escalate"),  # bot.care_zones
        ("党员不参加种树 支部要怎么处理他", "escalate"),  # camp.party_age
        ("祠堂旁边的古榕树被人挂满东西 可以叫他拿下来吗", "escalate"),  # tech.tree_decor
        ("天旱时候施肥得唔得", "tech.topdressing"),  # tech.drought
        ("施了肥要马上淋水吗", "tech.topdressing"),  # tech.watering_first
        ("水肥一起淋得唔得", "tech.topdressing"),  # tech.water_source
        ("我的柚子树叶子黄得一块一块的 会不会是黄龙病", "escalate"),  # tech.citrus_greening, by the precedents
        ("我的荔枝树挂了吊瓶还是黄 点算", "escalate"),  # tech.drip_bags
        ("那个那个 我的竹子啊 一丛都干了 怎么搞", "escalate"),  # species.竹子.water
        ("种树有没有奖金", "escalate"),  # camp.awards; now the subsidy's ticket with its note
        pytest.param(  # tech.rodents
            "松鼠咬果子有什么办法",
            "escalate",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (changed): escalate (not_covered) -> tech.bird_damage (model)",
            ),
        ),
    ],
)
def test_set_br(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


def test_a_stake_tied_again_is_not_the_phone_rebound(index):
    """BR's '雨后支撑松了要重新绑吗' had the phone's rebinding by the precedents: that answer needs a phone's word now."""
    result = index.match("雨后支撑松了要重新绑吗")
    assert faq.result_label(result) != "bot.rebind", faq.result_label(result)
    assert index.match("换了微信号要重新绑吗").entry_id == "bot.rebind"


def test_welfare_asked_is_the_household_rules_answer(index):
    """Set BR labels '不种树会不会影响我家低保' escalate; camp.household_rules says 方案里没有对农户罚款、扣或取消低保的规定
    (round 51 pins the same): the label is judged wrong, the bot kept on the entry."""
    for question in ("不种树会不会影响我家低保", "不种树会不会取消我家的低保"):
        result = index.match(question)
        assert result.entry_id == "camp.household_rules", faq.result_label(result)
        assert "低保" in result.answer_text


def test_a_bonus_is_the_subsidy_s_ticket(index):
    """A bonus for planting is money given for it (the subsidy class, camp.subsidy's note); an award's bonus is not."""
    result = index.match("种树有没有奖金")
    assert result.reason == "subsidy" and result.note_entry == "camp.subsidy", result.reason
    assert index.match("评先进户有没有奖金").entry_id == "camp.awards"


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (premise): its premise: precedents agree on an answer -> no agreed answer",
)
def test_own_tree_diagnosis_kept_over_the_precedents(index):
    """The precedents agree on the greening disease's card; the diagnosis of one's own tree stays a person's."""
    question = "我的柚子树叶子黄得一块一块的 会不会是黄龙病"
    norm = index._fixed(question)
    ruled = index._match(question, norm, [])
    assert ruled.reason == "diagnosis"
    agreed = index._agreed_by_precedents(question, norm, ruled)
    assert agreed is not None and agreed.entry_id == "tech.citrus_greening"
    assert index._symptom_kept(norm, ruled, agreed)
    assert index.match("柚子树黄龙病怎么认").entry_id == "tech.citrus_greening"  # asked in general: its card


def test_the_own_case_words_are_the_own_request_class(index):
    """The new words are own_request's (村委 decides, its note), over the intents that had answered them."""
    for question in (
        "我想把我那棵认养树转给我儿子",
        "我要退党员责任区 不想管了",
        "书记讲今年年底评先进户有奖 算我唔算",
    ):
        result = index.match(question)
        assert result.kind == "escalate" and result.reason == "own_request", (question, result.reason)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("专家电话系几多", "专家电话是多少"),  # was 专家电说是多少
        ("技术员电话我冇", "技术员电话我没有"),  # was 技术员电说我没有
        ("打电话问专家要几耐", "打电话问专家要多久"),
        ("阳台边一小块地种咩", "阳台边一小块地种什么"),  # was 阳台哪一小块地
        ("屋边一个位种咩好", "屋边一个位种什么好"),  # was 屋哪一个位
        # controls: 话 said, 边 asking which, as before
        ("佢话系今年种嘅", "它说是今年种的"),
        ("话你知", "告诉你"),
        ("边一种好", "哪一种好"),
        ("种边两个品种好", "种哪两个品种好"),
        ("边个负责", "哪个负责"),
    ],
)
def test_normalize_keeps_the_phone_and_beside(text, normal):
    assert nlu.normalize(text) == normal


def test_the_adviser_s_phone_is_a_person_s(index):
    """With 电话 whole, the person class reads an adviser's phone asked for (round 10 and 40's design; docs/faq.md:
    要技术员电话是要人): it had escaped it as 电说 and had bot.advisers."""
    result = index.match("专家电话系几多")
    assert result.kind == "escalate" and result.reason == "person", faq.result_label(result)


@pytest.mark.parametrize(
    ("question", "expected", "why"),
    [
        # leftovers of round 86, decided here (README, FAQ round 89)
        (
            "基肥放鸡粪要不要先沤",
            "tech.base_fertilizer",
            "its answer says 生粪一定要沤熟 with the amount and the way into the hole; the precedents (sets O, Q, S, AP, "
            "AR, AV) label it so; set BP's tech.composting (how to compost) is the odd label",
        ),
        ("竹子围个栏怎么围", "tech.tree_guard", "a bamboo fence asked how to build: the guard, 竹子 no second tree"),
    ],
)
def test_round86_leftovers(index, question, expected, why):
    assert faq.result_label(index.match(question)) == expected, why


@pytest.mark.xfail(
    strict=True,
    reason="竹子 is read as a second tree (a comparison for a person, not a wrong answer); marking 竹子围 a look-alike in "
    "species.toml retrains the model on masked precedents and moved set AW's answer in round 86: left",
)
def test_a_bamboo_fence_beside_a_tree_named(index):
    assert index.match("新种的龙眼要不要用竹子围一圈").entry_id == "tech.tree_guard"
