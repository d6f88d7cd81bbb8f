"""FAQ round 79 (set BJ's confident-wrong and safety side, each fixed as a class and checked first on the helper's own
phrasings, tests/data/faq_rule_checks_79.tsv, each class written before its change: 32/60 on the base (57c0015), 54/60
now; the six left are strict xfails below, reasons in LEFT). docs: README, FAQ round 79.

1. the right warning for each kind of danger as BJ's writer says it: a wasp's nest or sting with no snake said opens
   with the wasp's own line (safety.toml ``line_by``), not a snake bite's; an eye poked in Cantonese (笃, 督, 拮, 捅),
   a hand or foot hurt with no tool named (整伤, 弄伤), someone unwell or in a cold sweat from the sun, a decoction of
   leaves or bark drunk and now sick (not a pesticide: 草药 is no 农药), a leech stuck on (黐住条蚂蟥) each get theirs;
2. a question relayed for someone without a phone (叫我帮佢问, 托我问) is about what it asks, not how to register for
   them (bot.proxy needs a word of registering: ``[answer_needs]``); looking up how many someone registered is their
   record (bot.my_trees);
3. an entry about one thing answers only a question that says it (``[answer_needs]``: osmanthus food, fire, bees, drip
   bags, publicity; every labelled question of every set says one of the words);
4. a site's planting asked only by its distance or its roots (屋边种树要隔几米, 根塞渠) is no recommendation list
   (``[recommend] not_asking``); who may see one's data without 到 (我的资料谁能看) is privacy; who helps water an
   adopted tree (边个帮我淋水) its care.
"""

from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw
from tests.faq_helpers import fired_rules, safety_checks, safety_rule

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_79.tsv"
# own checks whose label part is not this round's class (the safety part holds): kept as written, strict xfails
LEFT = {
    "屋檐下面起咗个黄蜂窦 点搞走佢": "removing a nest is read as a dispute (escalate), before and after",
    "树苗运输时整伤咗树皮点算": "a damaged seedling goes to a person, before and after (no injury line: the class holds)",
    "天热种树点样先唔会晒到唔舒服": "read as planting in the heat, before and after (no heat illness line: the class holds)",
    # round 95 (AT-BS in the precedents): '阿婆行动唔方便 可唔可以叫村里人帮佢种' is no longer bot.proxy, as expected
    "我喺广州返工 屋企认种嘅两棵桂花边个帮手打理": "a tree named: camp.care's intent takes no species (adopt's does)",
}


@pytest.mark.parametrize(("question", "expected", "cls", "rules"), safety_checks(CHECKS, LEFT))
def test_own_checks(index, question, expected, cls, rules):
    """The label ('*': any, '!label': any but that), the safety rules whose line must open the reply ('!name': must
    not), and for a wasp no snake bite's line first."""
    result = index.match(question)
    got = faq.result_label(result)
    if expected.startswith("!"):
        assert got != expected[1:]
    elif expected != "*":
        assert got == expected
    fired = fired_rules(index, question)
    for rule in [] if rules == "-" else rules.split(","):
        if rule.startswith("!"):
            assert rule[1:] not in fired, fired
        else:
            assert rule in fired, fired
    if cls == "wasp_line":
        assert result.safety.splitlines()[0] == safety_rule(index, "bite_sting").line_by[0][1], result.safety


@pytest.mark.parametrize(
    "question", ["树上有个好大嘅黄蜂窦", "我俾黄蜂叮咗 块面肿晒", "去种树见到马蜂窝唔敢过去", "细路俾蜜蜂叮咗手指"]
)
def test_a_wasp_or_bee_opens_with_its_own_line_not_a_snake_bite(index, question):
    result = index.match(question)
    bite = safety_rule(index, "bite_sting")
    assert result.safety.splitlines()[0] == bite.line_for(index._fixed(question)) != bite.line, result.safety
    assert "蛇" not in result.safety.splitlines()[0]


@pytest.mark.parametrize("question", ["有人俾蛇咬咗脚", "上山俾蛇咬咗 附近仲有黄蜂窦", "唔知俾咩咬咗 有两粒牙印"])
def test_a_snake_or_a_bite_unknown_keeps_the_snake_bites_line(index, question):
    result = index.match(question)
    assert safety_rule(index, "bite_sting").line in result.safety, result.safety


def test_a_decoction_drunk_is_a_plant_eaten_not_a_pesticide(index):
    result = index.match("阿公煲咗啲草药茶饮完 而家头晕想呕")
    assert safety_rule(index, "ate_plant").line in result.safety, result.safety
    assert safety_rule(index, "pesticide_exposure").line not in result.safety, result.safety
    # round 116 (issue 17 §1): the first aid is the answer, no ticket (the blind sets BZ-CL label it so)
    assert result.kind == "answer" and result.entry_id == "tech.poison_first_aid", result


def test_a_pesticide_drunk_keeps_its_line(index):
    result = index.match("阿伯饮咗啲农药 而家头晕")
    assert safety_rule(index, "pesticide_exposure").line in result.safety, result.safety


@pytest.mark.parametrize(
    "question", ["隔篱阿婆冇手机 佢想知黄皮几时剪枝 叫我帮佢问", "阿伯唔识用手机 托我问佢块地种咩好"]
)
def test_a_relayed_question_is_not_how_to_register_for_someone(index, question):
    assert faq.result_label(index.match(question)) != "bot.proxy"


@pytest.mark.parametrize("question", ["阿婆冇手机 点样帮佢登记", "阿伯冇手机 托我问点样帮佢报种树"])
def test_registering_for_someone_stays_bot_proxy(index, question):
    assert faq.result_label(index.match(question)) == "bot.proxy"


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("荔枝酒点酿", "tech.osmanthus_food"),
        ("山上见到穿山甲点算", "tech.fire_prevention"),
        pytest.param(
            "森林浴对老人家有冇好处",
            "tech.beekeeping",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (same): escalate (not_covered) -> escalate (model)",
            ),
        ),
        pytest.param(
            "年底要写绿美工作总结 有冇模板",
            "camp.publicity",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (same): escalate (not_covered) -> escalate (low_confidence)",
            ),
        ),
    ],
)
def test_an_entry_about_one_thing_needs_the_question_to_say_it(index, question, entry):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "not_covered", result
    assert result.candidate is not None and result.candidate.entry_id == entry, result


def test_every_labelled_question_of_an_answer_needs_entry_says_one_of_its_words(index):
    """The gate is measured, not guessed: every question of every set labelled with one of this round's entries says
    one of its words (a new set's wording is what the next round reads)."""
    entries = [
        "bot.proxy",
        "tech.osmanthus_food",
        "tech.fire_prevention",
        "tech.beekeeping",
        "tech.drip_bags",
        "camp.publicity",
    ]
    sets = [
        ROOT / "tests" / "data" / "faq_questions.tsv",
        *sorted((ROOT / "messages" / "faq" / "precedents").glob("faq_heldout_*.tsv")),
        *sorted((ROOT / "tests" / "data").glob("faq_heldout_*.tsv")),
    ]
    unsaid = []
    for path in sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("#") or len(parts) < 2 or index.answered_as(parts[1]) not in entries:
                continue
            if not index._answer_needs[index.answered_as(parts[1])].search(index._fixed(parts[0])):
                unsaid.append((path.name, parts[0]))
    assert unsaid == []


@pytest.mark.parametrize("question", ["屋边种树要隔几米", "屋边种树怕根塞渠", "屋后种树离屋几远好"])
def test_a_sites_planting_asked_by_distance_or_roots_is_no_recommendation(index, question):
    assert not faq.result_label(index.match(question)).startswith("recommend."), question


@pytest.mark.parametrize("question", ["屋边种咩树唔会根塞渠", "屋前种树 种咩好"])
def test_a_sites_planting_asked_what_stays_its_recommendation(index, question):
    assert faq.result_label(index.match(question)) == "recommend.房前屋后", question


def test_who_may_see_ones_data_without_dao_is_privacy(index):
    assert faq.result_label(index.match("我的资料谁能看")) == "bot.privacy"


def test_who_helps_water_an_adopted_tree_is_its_care(index):
    assert faq.result_label(index.match("我喺深圳 村里块认养嘅树 平时边个帮我淋水")) == "camp.care"


@pytest.mark.parametrize("question", ["有人冒充林业局上门收检疫费", "有个自称林业站嘅人打电话话要收种树登记费"])
def test_someone_posing_as_an_official_to_collect_money_goes_to_a_person(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "impostor", result


def test_the_quarantine_certificate_asked_stays_its_entry(index):
    assert faq.result_label(index.match("苗木检疫证要点办")) == "tech.seedling_quarantine"
