"""FAQ round 92 (set BT's confident wrong answers, issue 17 §1: the worst outcome, a villager acts on it), each mended by
the question's shape, not its words, and checked first on the helper's own phrasings (tests/data/faq_rule_checks_92.tsv:
91 written before their change, 80 passed on main, every control among them; 87 after, the four left in tests/data/faq_rule_checks.toml with their
why). docs: README, FAQ round 92.

1. a few trees of a group or a site told sick (``[escalate] own_in_sight``: 有几棵, 示范点的, 党建林里) are trees in
   sight, a diagnosis for a person, no longer the species' pests field of round 66 (insects told in general);
2. one's own case (``own_request``, the village's note): a cadre's promise asked when, or nobody come since it was made;
   one's own exemption asked (我, 两户, 五保户 … 能不能免); a cadre's no asked again (村里说不算，你说算不算); a list
   without us (名单怎么没有我们); who comes to remove a thing (谁来摘, 边个嚟锯; who looks after trees stays camp.care);
   the village's seedling asked again (村里发的苗死了 会不会再发; 再发芽 is the tree's own);
3. money spent where (钱用到哪) or a sum per head with no unit (书记说一人两百) is the money class; 麻烦/劳烦/唔该 an adviser to look is ``expert_wanted``; a photo
   offered for a look (``photo_diagnosis``) keeps its ticket over the precedents (``[precedents] agreed_never``).
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # set BT's, each a confident wrong answer on main (the entry it had given in the comment)
        ("党建林里有几棵秋枫树干被虫蛀了，要不要全部打药", "diagnosis"),  # species.秋枫.pests
        ("我们片区的香樟有几棵被虫蛀空", "diagnosis"),  # species.香樟.pests
        ("示范点的簕杜鹃长了好多虫，明天领导来检查", "diagnosis"),  # species.簕杜鹃.pests
        ("村里答应种完树会装路灯，几时装", "own_request"),  # camp.planting_done
        ("村委说会派人来帮老人挖坑，什么时候来", "own_request"),  # bot.proxy
        ("上面说技术员每个月来一次，来了没见过", "own_request"),  # bot.advisers
        ("我是组长，组里有两户说没地方，能不能免", "own_request"),  # camp.household_rules
        ("我种的是芒果，村里说不算，你说算不算", "own_request"),  # camp.exotic
        ("七一表彰名单怎么没有我们支部", "own_request"),  # camp.awards, by the precedents
        ("树上有个好大的黄蜂窦喺学校旁边，边个嚟摘", "own_request"),  # tech.wasps
        ("我捐的种树钱用到哪里了", "money"),  # camp.funding
        ("党员捐款种树是自愿的吗，书记说一人两百", "money"),  # camp.national_duty
        ("嗯我们家那个树是村里发的苗种了一个月就死了要不要重新发", "own_request"),  # tech.replant
        ("麻烦专家睇下我呢棵树", "expert_wanted"),  # bot.advisers
        ("柚子树叶发黄斑驳，是不是黄龙病，我拍照给你看", "photo_diagnosis"),  # tech.citrus_greening, by the precedents
    ],
)
def test_set_bt(index, question, reason):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == reason, (faq.result_label(result), result.reason)


def test_a_photo_offered_keeps_its_ticket_over_the_precedents(index):
    """The precedents agree on the greening disease's card; a photo offered for a look stays the adviser's."""
    question = "柚子树叶发黄斑驳，是不是黄龙病，我拍照给你看"
    norm = index._fixed(question)
    ruled = index._match(question, norm, [])
    assert ruled.reason == "photo_diagnosis"
    assert "photo_diagnosis" in index._agreed_never
    assert index.match("柑橘黄龙病什么样子").entry_id == "tech.citrus_greening"  # asked in general: its card
    assert index.match("照片怎么发给专家").entry_id == "bot.photo"  # how to send one: the bot's use


def test_trees_in_sight_only_when_some_of_them_are_told(index):
    """Counted or a site's trees told sick are in sight; the species asked in general keeps its pests field."""
    norm = index._fixed("我们片区的香樟有几棵被虫蛀空")
    assert index._own_in_sight.search(norm)
    assert not index._own_in_sight.search(index._fixed("香樟容易长什么虫"))
    assert index.match("香樟容易长什么虫").entry_id == "species.香樟.pests"
    assert index.match("桂花生虫").entry_id == "species.桂花.pests"  # round 74's heading, no tree in sight


def test_the_new_shapes_leave_their_near_words_alone(index):
    """Same words, another meaning: a relative's no is not the village's; a list asked when is not a list without us;
    who looks after the trees is camp.care; a general exemption keeps its entry."""
    for question in ("我老婆说不行 到底能不能种在井边", "表彰名单什么时候公布"):
        assert index.match(question).reason != "own_request", question
    assert index.match("种好的树以后谁来管").entry_id == "camp.care"
    assert index.match("村道两边嘅树以后边个嚟剪").entry_id == "camp.care"  # round 59's: who prunes them from now on
    assert index.match("每户都要种吗 有没有可以免的").entry_id == "camp.quota_household"
    assert index.match("麻烦问下怎么联系专家").entry_id == "bot.advisers"
