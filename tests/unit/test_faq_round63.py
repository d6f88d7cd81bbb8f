"""FAQ round 63 (issue 17 §1, confident wrong; sets AY and AX as development sets): classes of their confident wrong
answers that recur in AW, AV and AU, each first asked in words of our own (tests/data/faq_rule_checks_63.tsv, written
before any change, none of any set's questions), with controls that must not move:

- nails, swings, hammocks and chimes on a tree (tech.tree_decor; a nameplate hung is camp.nameplate, 植树节's banner and
  风铃木 are no decoration);
- a public tree's flowers cut or broken off to take home (``fruit_owner``, answered in general by camp.fruit_picking;
  cuttings to root stay tech.cuttings);
- one's ID, phone or address sold, leaked or cheated with (bot.privacy, now asked before the rules: 卖 and 骗 had sent
  it to a person as a dispute, and the precedents read 身份证 as how to register);
- a tree's height or girth measured (tech.measure_tree; 胸径 alone stays tech.tree_age, whose answer says where it is
  measured, as rounds 51 and 56 pin it);
- compost (tech.composting; 堆肥 is a real word, no longer heard as 追肥);
- neither the model nor agreeing precedents switch the answer of an intent asked before the rules to another entry
  (``FaqIndex._kept_overruled``, ``_agreed_by_precedents``): a seedling bought besides the village's, asked its price.

Classes 7-9, written after 1-6 were changed and before their own change: a small tree said with 矮树, 唔高 or 唔会大
(``[recommend] small_tree``); fruit and flowers at once (``purpose_pairs``: recommend.吃果+观花, the trees doing both);
flowers by a wall (recommend.绿篱, not renamed: see tests/data/faq_rule_checks.toml).

Own 2/17 -> 7/17 answered for classes 1-6, nine more asked back with the expected answer first (the model, trained
before these entries had phrasings, reads their neighbour) and one kept as tree_age by earlier pins; classes 7-9
0/6 -> 5/6; class 10 (Hakka question words, written last) 2/4, its change not landed: strict xfails with why;
controls 15/15 -> 15/15. docs/faq.md, 第六十三轮."""

from pathlib import Path

import pytest

from bot import faq
from tests.unit.faq_knowledge import own_checks_table

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_63.tsv"

# the rules' answer is the expected one, but the model reads another entry: the villager is asked which was meant
# (round 43), the expected answer first (the own checks' missed lines whose why says so: tests/data/faq_rule_checks.toml)
ASKED_BACK = [question for question, why in own_checks_table()["63"]["missed"].items() if why.startswith("asked back")]
# no longer asked back since round 95 (sets AT-BS in the precedents): answered outright as the own checks expect (their
# lines are no longer missed), so this test's premise, asked back, fails: strict xfails (round 98, once the hook of
# tests/conftest.py)
LEFT = {
    question: "round 95, AT-BS in the precedents (same): answered outright by its intent, no longer asked back"
    for question in (
        "冇卷尺点知棵树有几高",
        "树干上钉块铁牌会不会害死树",
        "登记的住址会不会卖给别人",
        "稻草堆起来能不能变成肥料",
        "身份证号填上去 会唔会俾骗子攞去用",
    )
}


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(q, marks=[pytest.mark.xfail(reason=LEFT[q], strict=True)] if q in LEFT else [])
        for q in sorted([*ASKED_BACK, *LEFT])
    ],
)
def test_round_63_asked_back_offers_the_rules_answer_first(index, question):
    expected = next(
        r[1] for r in (line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()) if r[0] == question
    )
    result = index.match(question)
    assert result.kind == "answer" and result.entry_id == expected and result.other is not None, result


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("植树节要挂的横幅写什么字", "camp.publicity"),  # 植树 is no tree hung with a banner
        ("黄花风铃木种下去要不要插竹竿扶着", None),  # 风铃木 is a tree, no chime
        ("胸径是离地多高量", "tech.tree_age"),
        ("没沤熟的鸡粪下了 叶子黄了", None),  # a symptom: the rules' person, never compost
        ("用猪粪做底肥要唔要沤过", "tech.base_fertilizer"),
        ("屋后面有几分旱地一直种菜 今年想改种荔枝 会唔会违反耕地保护", "camp.farmland"),  # 几分旱地 is no points
    ],
)
def test_round_63_neighbours_keep_their_answers(index, question, expected):
    result = index.match(question)
    if expected is None:
        assert result.entry_id not in ("tech.tree_decor", "tech.composting"), result
    else:
        assert faq.result_label(result) == expected, (faq.result_label(result), result.reason)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("山坡地种什么树有收入", "recommend.经济"),
        ("村口种什么树遮阴好", "recommend.广场+遮荫"),
        # fruit trees with an income: AT, AV had labelled them the fruit trees; round 113 gives the economic list (CC, CK
        # and CL label them so, and the economic species are fruit trees and bamboo)
        ("种点有收入的果树 选哪种", "recommend.经济"),
    ],
)
def test_round_63_recommendations_of_income_and_the_village_entrance(index, question, expected):
    result = index.match(question)
    assert faq.result_label(result) == expected, (faq.result_label(result), result.reason)


def test_round_63_economic_list_is_the_campaign_s_economic_kind(index):
    """Seed 002's 经济型 trees (species.toml ``kind = "economic"``), none of the greening kind."""
    text = index.match("山坡地种什么树有收入").answer_text
    assert "荔枝" in text and "龙眼" in text, text
    assert not any(name in text for name in ("香樟", "秋枫", "小叶榄仁", "木棉", "簕杜鹃")), text
