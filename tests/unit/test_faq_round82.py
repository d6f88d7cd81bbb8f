"""FAQ round 82 (set BL's over-escalation), each fixed as a class and checked first on the helper's own phrasings
(tests/data/faq_rule_checks_82.tsv, written before any change: 27 of 45 passed on main; after the changes 39 of 45,
the six left in tests/data/faq_rule_checks.toml with their why). docs: README, FAQ round 82.

1. a planting told with words asking for its record ('帮我登记一棵桂花 种在屋前', '三棵荔枝已经种好 附照片') and
   nothing else told: the record's steps (bot.log_planting), no longer a ticket as 'not a question'
   (``FaqIndex._record_asked``, matching.toml ``[planted_told]``); a bare count ('3棵桂花') stays no question;
2. off-topic errands (快递, 彩票, 话费, 学位, 网购, 车票) without a tree: bot.off_topic;
3. seedlings that cannot be planted today, asked where to keep them ('今晚放哪', '先放在哪里'): tech.heeling_in;
4. a dog's urine on a tree, one's own dog or a neighbour's: tech.dog_urine (a dispute told stays a ticket);
5. a tree planted in the wrong place, to be moved ('种错位 想搬去屋后'): tech.move_tree;
6. campaign facts in other words: 截止 (camp.deadlines, not the season), 不想种 (camp.household_rules), 收购价
   (camp.fruit_market, before the 'outside' rule that predates the entry); 问专家 with only a how after it:
   bot.advisers.
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # set BL's, each a ticket on main
        ("帮我登记一棵桂花 种在屋前", "bot.log_planting"),
        ("三棵荔枝已经种好 附照片", "bot.log_planting"),
        ("帮我查下快递", "bot.off_topic"),
        ("今期六合彩开咩号", "bot.off_topic"),
        ("树苗到了 明早种 今晚放哪", "tech.heeling_in"),
        ("苗领回来了还没挖好坑 明天又要出门 先放在哪里", "tech.heeling_in"),
        ("隔篱只狗日日喺我棵桂花树头屙尿 啲叶会唔会黄", "tech.dog_urine"),
        ("棵树种错位 想搬去屋后 点搬", "tech.move_tree"),
        ("龙眼收购价几多", "camp.fruit_market"),
        ("问专家怎么问", "bot.advisers"),
    ],
)
def test_set_bl_s_classes_are_answered(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    "question",
    [
        # anything else told beside the trees and the record's words stays the person's
        "我登记了五棵荔枝 系统只显示两棵",
        "帮我登记一下 种了三棵龙眼 叶子全黄了",
        # a dog's owner told and not listening, or a demand: a dispute
        "隔篱屋嘅狗成日喺我棵树度屙尿 讲佢又唔听",
        "邻居的狗在我树下撒尿 我要他赔",
        # 问专家 with a question after it is that question's ticket
        "问专家怎么问龙眼的病",
    ],
)
def test_near_misses_stay_a_ticket(index, question):
    assert index.match(question).kind == "escalate"


@pytest.mark.parametrize(
    "question",
    ["树苗可以用快递寄到外地吗", "荔枝苗多少钱一棵", "公家的树种错位置了 我可以搬走吗"],
)
def test_what_names_trees_or_another_s_is_not_these_answers(index, question):
    assert faq.result_label(index.match(question)) not in {"bot.off_topic", "camp.fruit_market", "tech.move_tree"}
