"""FAQ round 119 (issue 17 §1, set CN: the questions with an answer that became tickets or were asked back), mended by
class in data: a listed tree by a name the species table did not know (毛竹, 乌榄, 水蜜桃: messages/species.toml,
``related`` so that "is it the same tree" still goes to a person; 重阳木, 紫薇 and 榄仁 stay apart, other species), a
tree's card asked as "I want to know (more) about X" (matching.toml topics.card triggers), a plant to climb a wall read
as a person climbing and a safe way for an old climber asked read as a fall (safety.toml ladder_climbing), fewer pests
asked in general read as a symptom (matching.toml [escalate] general: normalising writes 生虫 as 长虫), and a
chainsaw cut answered with the cut's first aid (safety.toml chainsaw). The helper's own phrasings and controls:
tests/data/faq_rule_checks_119.tsv (tests/unit/test_faq_own_checks.py reads each line; docs/faq.md 第一百一十九轮)."""

from __future__ import annotations

from pathlib import Path

from bot import faq
from tests.faq_helpers import check_lines

CHECKS = Path(__file__).resolve().parents[1] / "data" / "faq_rule_checks_119.tsv"


def _lines() -> list[tuple[str, ...]]:
    return check_lines(CHECKS)


def test_round119_the_mended_classes_are_read_as_labelled(index):
    """On review56 2 of the 29 lines were read with their label (the 7 of the second part: 0); after, 22 (the rest: faq_rule_checks.toml
    ["119".missed])."""
    mended = [row for row in _lines() if not row[2].endswith("_control")]
    assert len(mended) == 29
    right = sum(faq.result_label(index.match(question)) == expected for question, expected, _cls in mended)
    assert right >= 22, right


def test_round119_every_control_keeps_its_answer(index):
    """Trees kept apart, one's own tree's pests, a fall that happened, who pays, a chainsaw asked of in general, a wait for
    one's own answer, one's own dead trees, a neighbour: 14 of 14 on review56 and after."""
    controls = [row for row in _lines() if row[2].endswith("_control")]
    assert len(controls) == 14
    for question, expected, _cls in controls:
        assert faq.result_label(index.match(question)) == expected, question


def test_round119_a_chainsaw_cut_opens_with_a_safety_line(index):
    result = index.match("锯树的时候电锯弹回来割到手 流血")
    assert faq.result_label(result) == "tech.injury_first_aid"
    assert result.safety.startswith("⚠")


def test_round119_another_species_by_a_look_alike_name_is_not_the_listed_tree(index):
    """重阳木 (Bischofia polycarpa, deciduous) is not 秋枫 (B. javanica, whose card says evergreen), as 紫薇 is not 大叶紫薇:
    no alias of the listed tree (its registration would count it as one)."""
    for name, listed in (("重阳木", "秋枫"), ("紫薇", "大叶紫薇"), ("榄仁", "小叶榄仁")):
        assert name not in index.species[listed].get("aliases", []), name
