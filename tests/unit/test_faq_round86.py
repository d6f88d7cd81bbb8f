"""FAQ round 86 (set BP's confident wrong answers, issue 17 §1: the worst outcome, a villager acts on it), each mended as
a class and checked first on the helper's own phrasings (tests/data/faq_rule_checks_86.tsv, written before any change:
27 of 36 passed on main, every control among them; 35 after, the one left in tests/data/faq_rule_checks.toml with its why; ten more written after
their change, 5 of 10 on main). docs: README, FAQ round 86; docs/faq.md 第八十六轮.

1. one's own tree stays a diagnosis: 我啲 (normalised 我些) is 我的, a sentence opened by a bare classifier ('棵木棉啲叶')
   is that tree; frass or other insects beside the ants, fungus on a tree, are no ants or old-tree card; the model does
   not turn a diagnosis of one's own tree into a disease's card (bot/faq.py ``_by_model``);
2. a promise gone back on, why not me, a cadre's word to verify, planted but not recorded, a ticket closed unanswered,
   someone (not an animal) doing something to my tree, one's own health given to be excused, brothers planting one
   tree, an adviser's phone to call oneself: each a person's;
3. the nearer entry: flood recovery with a tree named, wire mesh as a tree guard, 唔好跌亲, off-list care asked 要注意啲咩,
   a lawn's care, CO2 and cooling (tech.climate, not carbon credits), why villagers must plant (camp.about).
"""

import pytest

from bot import faq


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # set BP's, each a confident wrong answer on main (the entry it had given in the comment)
        ("我嘅柚子树叶黄同斑驳，会唔会系黄龙病", "escalate"),  # tech.citrus_greening, by the model
        ("水浸咗三日，我啲荔枝苗会唔会死", "escalate"),  # species.荔枝.water
        ("棵木棉啲叶有好多毛毛虫，要打咩药", "escalate"),  # species.木棉.pests
        ("我屋后嗰棵杨梅树头有蚁窦同埋啲木碎", "escalate"),  # tech.ants
        ("我种的洋紫荆苗上面爬满了蚂蚁和小绿虫", "escalate"),  # tech.ants
        ("我屋前棵树生咗好多青苔同菌", "escalate"),  # tech.old_trees
        ("台风吹到我啲果树叶都冇晒，点算", "escalate"),  # tech.typhoon
        ("说好种树有证书的我到现在没收到", "escalate"),  # bot.certificate
        ("嗯之前村里讲种死了会免费补苗现在又说要自己买", "escalate"),  # camp.seedlings
        ("书记讲过认养嘅树结果归我，系咪真", "escalate"),  # camp.adopt
        ("村里评最美植绿人点解唔评我，我种得最多", "escalate"),  # camp.awards
        ("我想同村干部讲我阿婆种咗树但佢冇记录", "escalate"),  # bot.log_planting
        ("嗯我问专家的问题说是关闭了可是没人回答我", "escalate"),  # bot.ticket_wait
        ("对面屋那个人经常在我的树上晒衣服绑绳", "escalate"),  # tech.tree_decor
        ("我想找我们村的技术员电话直接打给他", "escalate"),  # bot.advisers
        ("我系咪可以唔参加今年植树，我腰骨唔好", "escalate"),  # camp.party_age
        ("我哋屋企三兄弟一齐种一棵算唔算每户都完成", "escalate"),  # camp.quota_household
        ("山坡好斜点样唔好跌亲", "tech.fall_safety"),  # tech.slope
        ("树苗外面围铁丝网有必要吗", "tech.tree_guard"),  # tech.root_ball
        ("水浸过嘅荔枝树点救", "tech.flood_recovery"),  # species.荔枝.water
        ("种芒果树要注意啲咩", "tech.offlist_care"),  # camp.exotic
        ("草地怎么打理", "tech.not_trees"),  # tech.after_care
        ("种树系咪真系可以令天气凉啲", "tech.climate"),  # bot.weather
        ("我想问下点解要我哋村民种树，有咩用", "camp.about"),  # tech.hole_early
    ],
)
def test_set_bp_s_classes(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("黄龙病是什么病", "tech.citrus_greening"),  # asked in general: the disease's entry
        ("樟树叶子被虫吃光了", "species.香樟.pests"),  # insects told of no tree of one's own: its pests field
        ("荔枝树上有好多蚂蚁怎么办", "tech.ants"),
        ("在树上挂彩灯会不会伤树", "tech.tree_decor"),  # one's own decoration: no dispute
        ("种树有没有证书", "bot.certificate"),  # the rule asked, no promise told
    ],
)
def test_the_same_words_asked_in_general_keep_their_entry(index, question, expected):
    assert faq.result_label(index.match(question)) == expected
