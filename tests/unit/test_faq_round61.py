"""FAQ round 61 (issue 17 §1, §3): answerable questions that rules sent to a person (sets AW and AV's over-escalation),
mended by class, in words of our own (none of the sets' questions): public land's fruit asked in general is
camp.fruit_picking's answer (fruit_owner's ``answers_general``), a tree one planted there or a theft stays for a
person; a danger that happened, asked only whether to saw or clear it oneself, is its safety line and the rule's entry
(safety.toml ``self_asked``), someone hurt or sparks keep the ticket; no flowers after years, of no tree in sight, was the
species' flowering field (``flowers_wanted``), one's own tree named stays a diagnosis; round 129 moved it: said as a fact,
a ticket (the blind writers' convention), asked in general the field. docs/faq.md, rounds 61 and 129."""

import pytest


@pytest.mark.parametrize(
    "question",
    ["祠堂前面公家种的黄皮熟了 路过可以摘几个吗", "村委大院的杨桃结了果 归哪个", "广场边的龙眼挂果了 大家能不能去摘"],
)
def test_public_fruit_asked_in_general_is_answered(index, question):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", "camp.fruit_picking"), result
    assert "由村委（社区）定" in result.answer_text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("我在村道边种的杨梅结了果 归谁", "fruit_owner"),  # one's own tree on public land: a person
        ("路边公家的荔枝被人偷摘光了 归谁管", "dispute"),  # a theft besides: the dispute's ticket
    ],
)
def test_public_fruit_of_one_s_own_tree_or_a_theft_stays_for_a_person(index, question, reason):
    result = index.match(question)
    assert result.kind == "escalate", result


@pytest.mark.parametrize(
    ("question", "entry", "line"),
    [
        ("昨晚大风吹倒一棵龙眼横在村道上 我们几个人自己锯开行不行", "tech.typhoon", "别一个人锯"),
    ],
)
def test_asked_whether_to_clear_it_oneself_is_the_line_and_the_entry(index, question, entry, line):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", entry), result
    assert result.answer_text.startswith("⚠ 安全第一") and line in result.answer_text.splitlines()[0]


@pytest.mark.parametrize(
    "question",
    [
        "台风吹倒的树压住了我阿爸 我自己锯开得唔得",  # a person under it
        "树枝搭住电线冒火花 我用竹竿挑开可以吗",  # sparks
        "大风吹倒的树压住屋顶 要找谁来锯",  # asks for someone
        "有根竹子倒落来搭住电线 我用木棍推开可以吗",  # a live line: the power company comes (round 59), no self_entry
    ],
)
def test_a_person_hurt_sparks_or_help_asked_keep_the_ticket(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.safety, result


@pytest.mark.parametrize(
    ("question", "diagnosis"),
    [
        # round 129 (issue 17 §1): no flowers after years said as a fact is one tree's trouble, the adviser's: the writers
        # of the seventeen sets BZ-CR label all 115 such questions escalate, the precedents 188 of 267 (round 61 had
        # followed sets AV-AW: these three were False then)
        ("三角梅种落去两年都冇开花 点解", True),
        ("大叶紫薇种了四年都不开花 为什么", True),
        ("我家门口那棵桂花种了三年都不开花", True),  # one's own tree in sight: the adviser looks
        ("杨梅种了六年一个果都没结 什么原因", True),
        # asked in general, nothing told of a tree: the flowering field (round 61's reading kept)
        ("三角梅一般种几年才开花", False),
        ("大叶紫薇为什么不开花 一般是什么原因", False),
    ],
)
def test_no_flowers_after_years_asked_in_general_is_no_diagnosis(index, question, diagnosis):
    """Said as a fact of a tree, a diagnosis for the adviser (round 129); asked in general, the rule sends nothing to a
    person and what answers it is the matcher's (the flowering field, when its words are covered and the model agrees)."""
    assert (index.match(question).reason == "diagnosis") is diagnosis
