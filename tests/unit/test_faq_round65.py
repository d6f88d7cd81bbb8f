"""FAQ round 65 (issue 17 §1, confident wrong: an answer from the wrong entry): set BA's confident wrongs mended by class,
each class first asked in words of our own (tests/data/faq_rule_checks_65.tsv, written before each change, none of
BA's questions):

1. a recommendation whose size is said in other words (小型, 不高又, 长不高的, 什么小树, a bare 不会太高的): the small
   trees of that place or purpose;
2. a purpose word the reader missed (观果, a waterside's 护坡) and a flower bed (花基, 花坛, 花池) read as flowers;
3. the list's trees of a size asked (名单上 … 长不高的): the small trees, not whether a tree is on the list;
4. a recommendation the precedents or the model read keeps the size the question says (``_label_answer``);
5. money asked beforehand (押金, 保证金, 先交钱): a person (class ``deposit``), whatever topic it is told in;
6. a cadre forcing someone to plant (逼, 强迫, 硬要): a person (class ``coerced``), not the rule on age or duty;
7. a tree off the list said to be off it, then its care asked: ``tech.offlist_care``, not ``camp.exotic``.

Lines not mended are strict xfails with the reason. docs/faq.md, 第六十五轮."""

import pytest


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("开花的小型树有哪些", "recommend.观花+small"),
        ("有没有不高又能吃果的树", "recommend.吃果+small"),
        ("长得快又不会太高的", "recommend.速生+small"),
    ],
)
def test_a_size_said_in_other_words_gives_only_the_small_trees(index, question, label):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", label), result
    assert result.answer_text.startswith("地方小、"), result.answer_text
    assert "木棉" not in result.answer_text and "大叶紫薇" not in result.answer_text  # the tall flowering trees


def test_a_flower_bed_is_a_place_not_flowers(index):
    result = index.match("广场花池里种什么树好")
    assert (result.kind, result.entry_id) == ("answer", "recommend.广场"), result


@pytest.mark.xfail(
    strict=True,
    reason="round 95, AT-BS in the precedents (same): recommend (precedents) -> recommend.绿篱+small (model)",
)
def test_the_precedents_recommendation_keeps_the_size_said(index):
    """'矮篱笆用乜嘢' has no trigger of the rules; the precedents read the hedge list, the question says it low."""
    result = index.match("矮篱笆用乜嘢")
    assert (result.entry_id, result.reason) == ("recommend.绿篱+small", "precedents"), result
    assert result.answer_text.startswith("地方小、做围墙、篱笆的推荐"), result.answer_text
    plain = index.match("篱笆用乜嘢")
    assert plain.entry_id == "recommend.绿篱", plain  # no size said: the list as it was


@pytest.mark.parametrize(
    "question",
    ["有人说帮我们卖碳汇 要先交押金 可不可信", "碳汇公司要我们先交保证金 正不正规", "话认养一棵树先交三百 靠唔靠得住"],
)
def test_money_asked_beforehand_goes_to_a_person_with_the_warning(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "deposit"), result
    assert "先别交钱" in result.answer_text, result.answer_text


@pytest.mark.parametrize("question", ["书记强迫七十多岁的老人去植树 可以这样吗", "村委硬要我阿爸去挖坑 合唔合理"])
def test_a_cadre_forcing_someone_is_a_complaint_for_a_person(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "coerced"), result


def test_the_rule_itself_asked_is_still_answered(index):
    result = index.match("种树是不是强制的")
    assert result.kind == "answer" and result.entry_id == "camp.national_duty", result


@pytest.mark.parametrize("question", ["莲雾不在名单上 要怎么施肥", "番石榴唔喺名单度 点样打理"])
def test_an_offlist_tree_s_care_is_answered_whatever_the_list_remark(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "tech.offlist_care", "intent"), result
    # the model, taught the list remark, may still read camp.exotic: then asked back, the care first
    assert result.other is None or result.other.entry_id == "camp.exotic", result.other
