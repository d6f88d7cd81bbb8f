"""Unit tests for bot.faq: knowledge files, matching rules, accuracy, speed."""

import os
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq, nlu
from bot.config import _thaw
from bot.kept import Kept

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "messages"
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture(scope="module")
def eval_rows(index):
    return faq.evaluate(index, faq.load_eval_set(ROOT / "tests" / "data" / "faq_questions.tsv"))


def without_model(index):
    """The same index with round 25's model taken out: what the rules and witnesses alone say (tests of a rule)."""
    bare = faq.FaqIndex.__new__(faq.FaqIndex)
    bare.__dict__.update(index.__dict__)
    bare.precedents = replace(index.precedents, model=None)
    bare._trees_kept = Kept(1024)
    return bare


def _chinese_len(text):
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def test_eval_set_is_big_and_refers_to_real_entries(index, eval_rows):
    assert len(eval_rows) >= 250
    for row in eval_rows:
        ok = (
            row.expected in ("escalate", "chitchat")
            or index.entry(row.expected)
            or row.expected.startswith(("species.", "recommend."))
        )
        assert ok, row.expected


def test_top1_accuracy(eval_rows):
    wrong = [(r.question, r.expected, r.got) for r in eval_rows if not r.right]
    assert faq.scores(eval_rows).right >= 0.95, wrong


def test_escalation_precision_and_recall(eval_rows):
    figures = faq.scores(eval_rows)
    # round 117: five comparison lines left the adviser's questions (answered side by side now); the questions missed
    # are the same six as before (off-topic replies, camp.farmland), of 115 instead of 120: 94.8 %
    assert figures.adviser_recall >= 0.945
    assert figures.escalation_precision >= 0.9


def test_never_answers_with_another_species(index, eval_rows):
    for row in eval_rows:
        if row.expected.startswith("species.") and row.got.startswith("species."):
            assert row.got.split(".")[1] == row.expected.split(".")[1], row


def test_species_table_covers_campaign(index):
    names = set(CONFIG["campaign"]["species"]["greening"]) | set(CONFIG["campaign"]["species"]["economic"])
    assert names <= set(index.species)
    for name, info in index.species.items():
        assert _chinese_len(info["card"]) <= 250, name
        assert info["kind"] in ("greening", "economic")
        if info["kind"] == "economic" and name != "竹子":
            assert info["fruit_years"], name


def test_enough_technique_entries(index):
    assert sum(e.source == "technique" for e in index.entries) >= 30


def test_answers_are_short(index):
    for entry in index.entries:
        assert _chinese_len(entry.answer) <= 250, entry.id
    for name in index.species:
        for topic in index.matching["topics"]:
            text = index._species_topic_text(name, topic)
            assert text is None or _chinese_len(text) <= 250, (name, topic)


def test_replies_use_full_width_punctuation_and_您(index):
    """Every FAQ reply (entries, species answers, cards, recommendations) as the villager reads it."""
    texts = [e.answer for e in index.entries]
    texts += [
        index._species_topic_text(name, topic) or "" for name in index.species for topic in index.matching["topics"]
    ]
    texts += [index.match(q).answer_text for q in ("院子小种什么好", "河边种什么", "你好")]
    for text in texts:
        assert not re.search(r"[\u4e00-\u9fff][,:;!?()]|[,:;!?()][\u4e00-\u9fff]", text), text
        assert "你" not in text, text


def test_campaign_answers_follow_config():
    config = dict(CONFIG["campaign"])
    config["quotas"] = dict(config["quotas"], 主要领导=9)
    config["milestones"] = dict(config["milestones"], holes_due="02-20")
    index = faq.FaqIndex.load(MESSAGES, config)
    assert "至少9棵" in index.entry("camp.quota_leader").answer
    assert "2月20日" in index.entry("camp.holes_deadline").answer
    assert "{" not in "".join(e.answer for e in index.entries)


def test_unknown_config_key_fails_at_load():
    with pytest.raises(KeyError):
        faq.fill_template("{quotas.不存在}", CONFIG["campaign"])


def test_fill_template_formats():
    cfg = CONFIG["campaign"]
    assert faq.fill_template("{window|range}", cfg) == "3月1日至5月31日"
    assert faq.fill_template("{targets.village_area_mu}", cfg) == "2"
    assert faq.fill_template("{species.economic|list}", cfg).startswith("竹子、荔枝")


def test_species_topic_and_card(index):
    assert index.match("桂花啥时候种").entry_id == "species.桂花.time"
    result = index.match("介绍一下荔枝")
    assert result.entry_id == "species.荔枝.card" and "荔枝" in result.answer_text
    assert index.match("荔枝").entry_id == "species.荔枝.card"


@pytest.mark.xfail(
    strict=True, reason="round 95, AT-BS in the precedents (same): escalate (not_covered) -> escalate (unsupported)"
)
def test_a_question_the_species_knowledge_does_not_cover_is_not_answered_with_its_card(index):
    """'龙眼木可以做家具吗' is about 龙眼, but nothing in its card says anything about furniture. ('荔枝能不能做盆景' was
    this test's question until round 48 gave 盆景 its entry, tech.bonsai: still never the card.)"""
    assert (index.match("龙眼木可以做家具吗").kind, index.match("龙眼木可以做家具吗").reason) == (
        "escalate",
        "not_covered",
    )
    assert index.match("荔枝能不能做盆景").entry_id == "tech.bonsai"


@pytest.mark.parametrize(
    "question,reason",
    [
        ("我家桂花叶子黄了怎么办", "diagnosis"),
        ("荔枝长虫了", "diagnosis"),
        ("门口那棵龙眼快死了", "diagnosis"),
        ("种树有补贴吗", "subsidy"),  # round 46: the village answers, what the plan says of money under the number
        ("问专家 荔枝不结果", "asked_expert"),
    ],
)
def test_escalations(index, question, reason):
    result = index.match(question)
    assert (result.kind, result.reason, result.entry_id) == ("escalate", reason, None)


@pytest.mark.parametrize("question", ["这棵树怎么弄", "这个怎么弄", "怎么办", "为什么", "解决了", "种树问答"])
def test_generic_words_alone_are_not_confident(index, question):
    """Full coverage on generic words (这/树/怎么) is no evidence: no answer."""
    result = index.match(question)
    assert result.kind == "escalate" and result.score < index.threshold, result


def test_one_distinctive_word_is_enough(index):
    assert index.match("台风来了怎么办").entry_id == "tech.typhoon"
    assert index.match("我的进度").entry_id == "bot.progress"


@pytest.mark.parametrize(
    "question",
    [
        "叶子上有白点",
        "叶子怎么卷了",
        "是不是要死了",
        "看看这棵树怎么了",
        "桂花叶子上有白点",
        "树叶蔫了怎么回事",
        "我屋后面那棵龙眼一般都是什么病 叶子全黄了",  # round 13: 一般 about one's own tree is still that tree
    ],
)
def test_symptoms_without_owner_are_diagnoses(index, question):
    assert (index.match(question).kind, index.match(question).reason) == ("escalate", "diagnosis")


@pytest.mark.parametrize(
    "question",
    [
        "航拍检查是怎么回事",  # round 13: 怎么回事 about no tree is no symptom
        "村里想在树下铺砖 不长草 对树有没有影响",  # no grass growing is no symptom
        "屋后一块烂田常年湿湿的可以种树吗",  # a boggy field is no rot
        "怎么绑支柱才不伤树皮",  # asking how not to hurt it
        "刮开树皮看颜色能知道苗是死是活吗",  # how to tell
        "叶子发黄一般分别是什么问题",  # in general
        "下了几天雨 地好烂 还能种吗",  # round 14: muddy ground is no rot
        "又要拍照又要登记 烦死了",  # 烦死 is no dead tree
        "大叶紫薇的果球要不要剪掉",  # cutting fruit off is no fruit drop
        "上次种的死了一半 这次怎么提高成活",  # how to do better
        "为什么树叶会黄",  # why, in general
        "袋装苗连袋种会烂掉吗",  # the bag rots
        "苗送来的时候叶子都卷了 怎么处理",  # on arrival, before planting
    ],
)
def test_words_of_a_symptom_not_said_of_a_sick_tree_are_no_diagnosis(index, question):
    assert index.match(question).reason != "diagnosis"


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("种完叶子都蔫了", "tech.wilting"),
        ("樟树叶子容易长什么虫", "species.香樟.pests"),
        ("种了一个月还不发芽是不是死了", "tech.survival_check"),
    ],
)
def test_general_or_after_planting_symptoms_are_answered(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "text",
    [
        "3棵桂花",
        "种了两棵龙眼",
        pytest.param(
            "党建林 2.5亩 120棵 香樟",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (same): escalate (not_a_question) -> escalate (model)",
            ),
        ),
        "黄皮两棵",
    ],
)
def test_planting_report_is_not_a_question(index, text):
    assert (index.match(text).kind, index.match(text).reason) == ("escalate", "not_a_question")


def test_chitchat(index):
    result = index.match("你好")
    assert result.kind == "chitchat"  # the chat answers with faq.greeting or faq.thanks, and the one help hint


@pytest.mark.parametrize(
    "question,entry_id,must_have",
    [
        ("院子小种什么好", "recommend.庭院+small", "桂花"),
        ("河边种什么", "recommend.河边", "秋枫"),
        ("想种能吃果子的", "recommend.吃果", "荔枝"),
        ("路边种什么好看", "recommend.路边", "香樟"),  # round 28: 好看 alone is no use (V–AB's writers agree)
        ("路边种什么花好看", "recommend.路边+观花", "木棉"),
    ],
)
def test_recommendations(index, question, entry_id, must_have):
    result = index.match(question)
    assert result.entry_id == entry_id and must_have in result.answer_text


def test_small_yard_excludes_big_trees(index):
    text = index.match("院子小种什么好").answer_text
    assert "木棉" not in text and "香樟" not in text
    assert text.startswith("小院子推荐：")  # not '小院子小推荐'
    assert index.match("河边种什么").answer_text.startswith("河边、水边推荐：")


def test_add_entry_matches_at_once():
    index = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], 0.55)
    assert index.match("屋顶上能不能种树").kind == "escalate"
    index.add_entry("adviser.1", "屋顶上能不能种树", "屋顶承重有限,只种簕杜鹃等灌木,用轻质土。")
    result = index.match("屋顶能种树吗")
    assert (result.kind, result.entry_id) == ("answer", "adviser.1")


def test_dropping_the_last_entries_leaves_the_index_as_before_them():
    """An adviser entry whose transaction rolled back is taken out again (bot/follow.py): the index answers
    as if it had never been added, and its id may be added again."""
    index = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], 0.55)
    questions = ["屋顶上能不能种树", "桂花什么时候种", "桂花叶子边缘发焦什么原因", "院子小种什么好"]
    before = [index.match(q) for q in questions]

    def sizes():
        ngrams = index._ngrams
        parts = (
            index.entries,
            index._terms.docs,
            index._terms.postings,
            ngrams._doc_entries,
            ngrams._doc_counts,
            index._phrasings,
        )
        return [len(part) for part in parts]

    before_sizes = sizes()
    index.add_entry("adviser.1", "屋顶上能不能种树", "屋顶承重有限,只种簕杜鹃等灌木,用轻质土。")
    index.add_entry("adviser.2", "桂花叶子边缘发焦是什么原因", "多是肥害或暴晒,停肥、遮阴、浇透水。")
    assert index.match("屋顶上能不能种树").entry_id == "adviser.1"
    index.drop_last_entries(2)
    assert [index.match(q) for q in questions] == before
    assert sizes() == before_sizes
    assert index.entry("adviser.1") is None
    index.add_entry("adviser.1", "桂花叶子边缘发焦是什么原因", "多是肥害或暴晒,停肥、遮阴、浇透水。")
    assert index.match("桂花叶子边缘发焦什么原因").entry_id == "adviser.1"


def test_added_species_entry_beats_card_but_not_other_species():
    index = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], 0.55)
    index.add_entry("adviser.2", "桂花叶子边缘发焦是什么原因", "多是肥害或暴晒,停肥、遮阴、浇透水。")
    assert index.match("桂花叶子边缘发焦什么原因").entry_id == "adviser.2"
    assert index.match("荔枝叶子边缘发焦什么原因").entry_id != "adviser.2"
    assert index.match("荔枝叶子边缘发焦什么原因").reason == "diagnosis"


# --- issue 17: behaviour classes (examples written for these tests, not taken from any evaluation set) ------


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("家家户户都要种树吗", "camp.quota_household"),
        ("我屋企一共要种几多棵", "camp.quota_household"),
        ("支书种几棵树", "camp.quota_secretary"),
        ("党员同志要种几多棵", "camp.quota_party"),
        ("班子成员种树任务系几多", "camp.quota_leader"),
        ("六十五岁的老党员还要去种树吗", "camp.party_age"),
        ("几月种树成活率高", "camp.window"),
        ("绿化计划要几时报上去", "camp.deadlines"),
        ("党建林最迟几时要种好", "camp.deadlines"),
        ("树穴最迟几号挖好", "camp.holes_deadline"),
        ("植树节之前一定要种晒吗", "camp.planting_done"),
        ("认种认养点搞", "camp.adopt"),
        ("树苗喺边度攞", "camp.seedlings"),
        ("进度落后会被点名吗", "camp.supervision"),
        ("我唔想再收提醒", "bot.unsubscribe"),
    ],
)
def test_campaign_facts_in_colloquial_and_cantonese_words(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("樟树几时种落去好", "species.香樟.time"),
        ("秋枫怕唔怕水浸", "species.秋枫.water"),
        ("荔枝开花的时候能不能施肥", "species.荔枝.fertilizer"),  # 开花的时候 only says when
        ("门口想种桂花几月种好", "species.桂花.time"),  # a place word is context, the time is asked
        ("石榴树要唔要好多太阳", "species.石榴.light"),
        ("桃子树隔几远种一棵", "species.桃.spacing"),
        ("种李子要注意啲咩", "species.李.card"),
    ],
)
def test_species_topics_in_other_words(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


# Topic word classes (matching.toml [topics]): each class in several general, colloquial and Cantonese forms.
@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("龙眼啥时候下地最合适", "species.龙眼.time"),
        ("杨梅冬季种得唔得", "species.杨梅.time"),
        ("香樟春天种还是秋天种", "species.香樟.time"),
        ("三月份种桂花来得及吗", "species.桂花.time"),
        ("石榴现在种会不会太晚", "species.石榴.time"),
        ("秋枫适合种在河边不", "species.秋枫.sites"),  # 秋 in the tree's name is no season
        ("龙眼两棵之间留多宽", "species.龙眼.spacing"),
        ("桂花隔几米种一棵", "species.桂花.spacing"),
        ("种杨梅要等几多年先有得食", "species.杨梅.fruit"),
        ("柿子种下去第几年开始结", "species.柿.fruit"),
        ("龙眼多少年才有收成", "species.龙眼.fruit"),
        ("簕杜鹃枝条乱长要怎么修", "species.簕杜鹃.pruning"),
        ("小叶榄仁可以截顶控制高度吗", "species.小叶榄仁.pruning"),
        ("桂花枝太密了几时剪好", "species.桂花.pruning"),  # the question word points at 剪
        ("石榴种在背光的地方行不行", "species.石榴.light"),
        ("洋紫荆喜欢太阳多还是阴一点", "species.洋紫荆.light"),
        ("荔枝对土有没有要求", "species.荔枝.soil"),
        ("杨梅种在什么土里好", "species.杨梅.soil"),
        ("龙眼常见哪些病虫要注意", "species.龙眼.pests"),  # a topic beats the card's 要注意
        ("香樟几年能长成大树", "species.香樟.growth"),
        ("秋枫一年长几高", "species.秋枫.growth"),
        ("三角梅怕不怕干", "species.簕杜鹃.water"),
        ("桂花用花生麸好不好", "species.桂花.fertilizer"),
        ("木棉花是什么颜色", "species.木棉.flowering"),
        ("木棉离屋要几远", "species.木棉.card"),  # its cautions say how far from a house
        ("桂花一年开两次花吗", "species.桂花.flowering"),  # 开…次花 (round 5)
        ("木棉几月份开", "species.木棉.flowering"),
    ],
)
def test_species_topic_word_classes(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("龙研树几时种", "species.龙眼.time"),  # voice input writes a homophone
        ("杨眉要淋几多水", "species.杨梅.water"),
        ("三角枚怎么剪", "species.簕杜鹃.pruning"),
        ("桂华几月开花", "species.桂花.flowering"),
    ],
)
def test_a_tree_name_misheard_by_voice_input_is_still_the_tree(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize("text", ["村里的绿化规划几时定", "乡长要种几棵", "举个例子", "离职了还要种吗", "山上有泥石流"])
def test_words_that_only_sound_like_a_tree_are_not_one(index, text):
    assert index._trees(nlu.normalize(text)) == []


def test_character_ngrams_see_a_paraphrase_and_ignore_tree_names():
    grams = faq.CharNgrams(faq.STOP_CHARS)
    grams.add(0, "树穴挖多大")
    grams.add(1, "多久浇一次水")
    grams.add(2, "□□什么时候种")  # a tree's name masked
    close = grams.similarities("种普通绿化苗个树穴要挖多大")
    assert max(close, key=close.get) == 0
    assert grams.similarities("□□什么时候种")[2] == pytest.approx(1.0)
    assert grams.similarities("今天天气") == {}
    grams.add(3, "挖树穴要多深")  # growable: the idf is rebuilt on the next question
    assert 3 in grams.similarities("树穴多深")


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("种果树的坑大概要挖到几深几阔才够", "tech.hole_size"),
        ("苗运返嚟仲未得闲种要点放", "tech.heeling_in"),
        ("果苗嫁接的位置要唔要埋入泥", "tech.planting_depth"),
        ("苗的袋子种之前要不要拿走", "tech.container_seedling"),
        ("树脚啲草好高要点搞", "tech.weeds"),
    ],
)
def test_paraphrases_of_technique_questions(index, question, entry_id):
    result = index.match(question)
    assert result.entry_id == entry_id, result


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("村里发下来的普通苗要挖几大的坑", "tech.hole_size"),  # 普通, 村里发下来: words no phrasing has
        ("树穴表土心土点放", "tech.hole_size"),  # two entries about as likely by words alone
    ],
)
def test_a_paraphrase_both_views_rank_first_is_answered(index, question, entry_id):
    best = index._best_entry(faq.nlu.normalize(question), None)
    assert best.cosine >= index._agree_cosine and best.cosine_margin >= index._agree_margin
    result = index.match(question)
    assert (result.entry_id, result.reason) == (entry_id, "ranked_agreed"), result


@pytest.mark.parametrize(
    "question", ["种大树是要重新种吗", "种树不死有什么用"]
)  # half of one question, half of another
def test_when_the_two_views_disagree_and_the_word_index_is_unsure_it_does_not_guess(fresh_index, question):
    best = fresh_index._best_entry(faq.nlu.normalize(question), None)
    assert (
        fresh_index.threshold <= best.score < fresh_index._sure
        and best.score - best.runner_up >= fresh_index._min_margin
    )
    assert best.cosine_margin <= -fresh_index._agree_margin
    fresh_index.set_precedents([])  # the rules' own step (the model, the precedents' witnesses may read it as 成活)
    assert (fresh_index.match(question).kind, fresh_index.match(question).reason) == ("escalate", "ambiguous")


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("大热天种苗会不会晒死", "tech.heat_planting"),
        ("树脚啲杂草要唔要锄走", "tech.weeds"),
        ("挖笋怎样才不伤竹鞭", "tech.bamboo_shoots"),
        ("自己在家怎么驳龙眼", "tech.grafting"),
        ("喷除草剂要戴手套吗", "tech.pesticide_safety"),
        ("新摘的柿子涩到入不了口", "tech.persimmon_astringency"),
        ("我唔识打字可唔可以讲", "bot.voice"),
        ("想睇下我登记的信息", "bot.my_info"),
        ("问题发给顾问了多久有人回", "bot.ticket_wait"),
        ("同一棵树可以多传几张照片吗", "bot.photos_per_record"),
        ("土的酸碱度怎么测", "tech.soil_ph"),
        ("党建林和主题林有什么区别", "camp.zhutilin"),  # its answer says how the two differ
    ],
)
def test_topics_added_in_round_two(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


def test_an_entry_about_one_species_is_ranked_only_for_it(index):
    entry = index.entry("tech.persimmon_astringency")
    assert entry.species == "柿"
    assert index.match("荔枝怎么脱涩").entry_id != entry.id


def test_replies_write_out_how_to_ask_an_adviser(index):
    for entry in index.entries:
        assert "问专家 +" not in entry.answer and "问专家 + " not in entry.answer, entry.id


def test_an_intent_never_answers_a_question_about_two_trees(index):
    assert index.match("荔枝树可以嫁接黄皮吗").reason == "comparison"


def test_the_card_says_the_cautions_when_they_are_asked(index):
    asked = index.match("木棉有什么要注意的").answer_text
    assert "瘤刺" in asked and "易燃" in asked
    assert "瘤刺" not in index.match("木棉").answer_text  # the bare name gets the short card


@pytest.mark.parametrize(
    "question",
    [
        # round 117: two listed trees compared on a field both cards hold ('荔枝和龙眼哪个好种', '木棉和秋枫哪个长得快',
        # '桂花同香樟种埋一齐得唔得') are answered with both trees' field side by side (test_faq_round117.py); what no
        # field names, or a person weighs, stays here
        "荔枝和龙眼哪个好",
        # round 117, second part: the house front compared is answered with both trees' house line ('我屋后有块地 种桂花
        # 还是香樟好'); the villager's own house (a wall already cracking) stays here
        "屋墙已经有裂缝了 门口种桂花还是香樟好",
        "金桂和银桂哪个香",  # two varieties of one species no field names: its card cannot compare them (round 104)
        "芒果和荔枝哪个好种",  # a tree off the list and one on it
        # helper faq137: '妃子笑和荔枝有什么区别' (a variety and its species) left this list: the 荔枝 card now says what
        # 妃子笑 is (早熟果大), so the card answers it (tests/unit/test_faq_round_faq137.py's varieties)
    ],
)
def test_two_trees_are_never_answered_with_one_card(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "comparison"), result


@pytest.mark.parametrize("question,species", [("三角梅和簕杜鹃是一样的吗", "簕杜鹃"), ("桂圆是不是就是龙眼", "龙眼")])
def test_two_names_of_one_species_get_its_card(index, question, species):
    assert index.match(question).entry_id == f"species.{species}.card"


@pytest.mark.parametrize(
    "question",
    [
        "我家荔枝种了四年还是不结果",
        "我种的桂花两年了一朵花都没开",
        "门口那棵龙眼今年一直掉果",
        "桃树干上流了好多胶",
        "叶子被虫咬得全是洞",
        "龙眼树枝上有层白色的粉",
    ],
)
def test_a_symptom_on_ones_own_tree_goes_to_the_adviser(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "diagnosis"), result


def test_does_not_flower_asked_in_general_is_the_species_flowering_answer(index):
    assert index.match("桂花为什么不开花").entry_id == "species.桂花.flowering"


@pytest.mark.parametrize(
    "question,reason,note_words",
    [
        # round 48: '种树的苗钱要我们自己出吗' is camp.funding once AL-AO joined the precedents (test_faq_round48)
        ("村里占了我的承包地种树有没有补偿", "money", "村委"),
        ("村里叫我出两百块买苗", "money", "村委"),  # round 14: an amount, paid or owed
        ("我先垫了三百块 几时还我", "money", "村委"),
        ("我家的水田可以改种果树吗", "land", "土地管理法"),  # one plot; asked in general: camp.farmland (round 8)
        ("屋后那棵老树想砍掉要不要批", "felling", "森林法"),
        # '古树可以移走吗' and, since AA joined the precedents (round 28), '村里的古树可以砍吗' are answered: precedents
        # second tech.felling (the law: no); one tree in the way, to be cut, is for a person
        ("村口那棵一百多年的榕树挡路 能不能砍", "felling", "古树"),
        ("邻居的竹子钻到我家菜地", "dispute", ""),
        ("有人半夜把我种的桂花挖走了", "dispute", ""),
        ("村干部说我没种可我明明种了", "dispute", ""),
    ],
)
def test_money_land_disputes_and_felling_go_to_a_person_with_a_note(index, question, reason, note_words):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", reason), result
    assert note_words in result.answer_text


@pytest.mark.parametrize(
    "question,rule,escalated",
    [
        ("树枝搭在电线上了", "power_line", True),
        ("电线下面可以种木棉吗", "power_line", False),
        ("台风把树吹倒压在屋顶上", "typhoon_fallen_tree", True),
        ("台风来之前怎么防树倒", "typhoon_fallen_tree", False),
        ("喷完农药头很晕", "pesticide_exposure", True),
        ("配石灰水的时候溅到眼睛", "lime_burn", True),
        ("剪下的树枝堆起来烧掉行不行", "fire", False),  # round 13: asked, answered after the line (tech.prunings)
        ("烧树叶烧到后山着火了", "fire", True),  # it burns: a person
        ("三角梅种围墙边可以爬上去吗", None, False),  # a climbing plant is no ladder (round 13)
        ("除草剂喷到树下会不会把树也搞死", None, False),  # sprayed on the ground, not on a person
        ("门口有电线经过 种什么树不会碰到电线", "power_line", False),  # a plan to keep clear of the wires
        ("村口那棵木棉快要倒了 根都松了", "hazard_tree", True),
        ("有条大树枝断咗 吊喺半空 啲细路成日喺下面行", "hazard_tree", True),
        ("我屋边棵龙眼树斜晒过嚟 好惊佢冧落嚟", "hazard_tree", True),
    ],
)
def test_dangerous_situations_get_their_safety_line_first(index, question, rule, escalated):
    result = index.match(question)
    if rule is None:
        assert not result.safety and result.reason != "safety", result
        return
    line = next(r.line for r in index.safety if r.name == rule)
    assert result.safety.startswith("⚠") and line in result.safety
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    assert (result.kind == "escalate" or result.reason == "safety_aid") is escalated, result
    if not escalated:
        assert result.answer_text.startswith(result.safety)


# Round 29 (from set AD, then written in other words before the rule): a person hurt is not a tree hurt. A person
# who fell and cannot get up, a hoe in the foot, someone collapsed: the injury line first, then a person. A seedling
# dropped, a branch topped, a leaf yellowing, a fall only feared: no injury line.
@pytest.mark.parametrize(
    "question",
    [
        "我爸刚才在山上种树摔下坡了，腿动不了",
        "阿婆挖坑时跌倒了 头流血",
        "锄头砍到脚了 血流不止",
        "种树时镰刀割到手了 好深一道口",
        "阿伯在地里晕倒了 叫不醒",
        "我细佬扭伤脚 肿到好大",
        "有个学生种树时被铁锹铲到腿 流了好多血",
        "老人家上山种树摔了一跤 起不来",
    ],
)
def test_a_person_hurt_gets_the_injury_line_first_and_a_person(index, question):
    result = index.match(question)
    line = next(r.line for r in index.safety if r.name == "person_hurt")
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    assert line in result.safety and "120" in line, result
    assert result.kind == "escalate" or result.reason == "safety_aid", result  # a faint alone keeps the ticket


@pytest.mark.parametrize(
    "question",
    [
        "树苗摔坏了还能种吗",
        "荔枝果掉下来摔烂了",
        "树皮被割伤了怎么办",
        "龙眼树砍了头之后一直没发芽",
        "种树要注意安全 别割到手",
        "万一有人摔伤了有没有保险",
        "挖好的树穴要不要围起来 怕小孩子掉下去",
        "隔离屋棵树啲叶成日跌落嚟我屋顶",
    ],
)
def test_a_tree_hurt_or_a_fall_only_feared_gets_no_injury_line(index, question):
    line = next(r.line for r in index.safety if r.name == "person_hurt")
    assert line not in index.match(question).safety


@pytest.mark.parametrize(
    "question,rule",
    [
        ("开石灰水刷树干有什么要注意", "lime_burn"),  # mixing lime: the line, and the answer
        ("台风还在刮可以出去看看树吗", "typhoon_fallen_tree"),  # going out while it blows
    ],
)
def test_a_risky_job_gets_the_safety_line_with_the_answer(index, question, rule):
    result = index.match(question)
    lines = {r.name: r.line for r in index.safety}
    assert result.kind == "answer" and result.answer_text.startswith(lines[rule]), result


def test_no_safety_line_for_ordinary_questions(index):
    for question in (
        "桂花什么时候种",
        "肥放多了会不会烧根",
        "树苗怎么运回家",
        "新种的小树歪了要不要扶正",
        "桂花树长歪了怎么修剪",
    ):
        assert index.match(question).safety == ""


# round 46: whether 桂花 makes tea is camp.fruit_picking (which parts of the trees can be eaten); round 48: 盆景
# (tech.bonsai) and the fruit dried or pickled (tech.fruit_processing) have entries; other uses of a tree still escalate
@pytest.mark.parametrize(
    "question",
    [
        pytest.param(
            "龙眼木可以做家具吗",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (same): escalate (not_covered) -> escalate (unsupported)",
            ),
        ),
        "橄榄核可以雕刻吗",
    ],
)
def test_a_species_question_its_knowledge_does_not_cover_escalates(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason in ("not_covered", "outside"), result


@pytest.mark.parametrize(
    "question,expected",
    [
        ("想在门口种棵芒果行不行", "camp.exotic"),
        ("黄皮几月种好", "tech.offlist_care"),  # round 34: how and when to plant one is the general entry
        ("发财树怎么修剪", "escalate"),
        ("芒果树几年结果", "tech.offlist_care"),  # round 34: grafted fruit trees bear in 2-3 years
        ("芒果树叶子有黑斑", "escalate"),
    ],
)
def test_trees_off_the_list(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("苗要种多深", "tech.planting_depth"),
        ("嫁接口要埋进土里吗", "tech.planting_depth"),
        ("树穴挖多深", "tech.hole_size"),
        ("桂花能打药吗", "tech.pest_prevention"),
    ],
)
def test_planting_depth_is_not_hole_size_and_spraying_is_not_the_pest_list(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("一亩地种几多棵树", "tech.trees_per_mu"),
        ("两亩党建林要买多少棵苗", "tech.trees_per_mu"),
        ("荔枝一亩种多少棵", "species.荔枝.spacing"),
    ],
)
def test_a_question_with_亩_and_棵_is_a_question(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


def test_replies_show_the_seeds_names_for_桃_李_柿(index):
    assert index.match("桃子几时种").answer_text.startswith("桃子·")
    assert "桃子、李子" in index.entry("camp.species_list").answer and "柿子" in index.entry("camp.species_list").answer
    assert index.match("李子树有咩要注意").entry_id == "species.李.card"


def test_党建林_deadline_and_party_age_follow_the_seed_and_config():
    config = dict(CONFIG["campaign"])
    config["milestones"] = dict(config["milestones"], plots_due="02-20")
    config["participation"] = dict(config["participation"], party_member_max_age=60)
    index = faq.FaqIndex.load(MESSAGES, config)
    assert "2月20日前：党建林、主题林" in index.entry("camp.deadlines").answer
    assert "2月20日前种好" in index.entry("camp.dangjianlin").answer
    assert "60周岁及以下（含60岁）" in index.entry("camp.party_age").answer
    assert "超过60周岁" in index.entry("camp.party_age").answer


def _toml_entries():
    rows = []
    for path in sorted((MESSAGES / "faq").glob("*.toml")):
        rows += tomllib.loads(path.read_text("utf-8")).get("entry", [])
    return {row["id"]: row for row in rows}


@pytest.mark.parametrize(
    "entry_id,must,must_not",
    [
        ("tech.waterlogging", ["堆土高种", "排水沟"], ["树穴底部铺一层碎石", "秋枫、竹子"]),
        ("tech.pest_prevention", ["深埋"], ["烧掉"]),
        ("tech.whitewash", ["手套", "护目镜", "慢慢放进水里"], []),
        ("tech.transplant_pruning", ["不超过1/3", "裸根苗"], ["1/2–2/3"]),
        ("tech.heat_planting", ["约1/3"], ["三分之二"]),
        ("tech.planting_steps", ["只对裸根苗"], []),
        ("tech.survival", ["裸根苗才“一提苗”"], ["三埋两踩一提苗"]),  # round 5: the same rule, another entry
        ("tech.bare_root", ["约一半叶片"], ["一半以上"]),
        ("tech.seedling_choice", ["50–100厘米"], []),
        ("tech.container_seedling", ["营养杯", "无纺布袋很多几年都不烂"], ["可降解的无纺布袋可以不拆"]),
        ("tech.root_ball", ["无纺布"], []),
        ("tech.spacing_general", ["荔枝5×6米"], ["荔枝龙眼5×5米"]),
        ("camp.zhutilin", ["秋枫", "桂花", "混种"], ["150棵 洋紫荆"]),
        ("bot.plot", [], ["洋紫荆"]),
    ],
)
def test_knowledge_errors_found_by_the_forestry_reviewer_stay_fixed(index, entry_id, must, must_not):
    answer = index.entry(entry_id).answer
    for words in must:
        assert words in answer, (entry_id, words)
    for words in must_not:
        assert words not in answer, (entry_id, words)


@pytest.mark.parametrize(
    "entry_id",
    [
        "tech.waterlogging",
        "tech.pest_prevention",
        "tech.whitewash",
        "tech.transplant_pruning",
        "tech.heat_planting",
        "tech.planting_steps",
        "tech.seedling_choice",
        "tech.container_seedling",
        "tech.root_ball",
        "tech.hole_size",
        "camp.quota_party",
        "camp.party_age",
        "camp.deadlines",
        "camp.dangjianlin",
        "camp.zhutilin",
        "camp.planting_done",
        "camp.exotic",
        "tech.dry_seedlings",
        "tech.trees_per_mu",
        "tech.livestock",
        "tech.rooting_powder",
        "tech.mulch_film",
        "tech.felling",
        "tech.prunings",
        "camp.household_rules",
        "camp.farmland",
        "camp.sipang",
        "camp.care",
        "bot.rebind",
        "tech.intercropping",
        "tech.termites",
        "tech.yellow_leaves",
        "tech.drip_bags",
        "tech.soil_insecticide",
        "bot.care_zones",
        "bot.my_trees",
        "tech.survival",
        "tech.bare_root",
    ],
)
def test_fixed_and_added_entries_cite_their_source(entry_id):
    assert _toml_entries()[entry_id].get("source", "").strip(), entry_id


def test_species_knowledge_fixes(index):
    sp = index.species
    assert "河边" not in sp["香樟"]["sites"] and "河边" not in sp["木棉"]["sites"]
    assert sp["荔枝"]["height_m"] > 8 and sp["龙眼"]["height_m"] > 8  # not a pick for a small yard
    assert "荔枝" not in index.match("院子小种什么好").answer_text
    assert "刺" in sp["木棉"]["cautions"] and "着火" in sp["木棉"]["cautions"]
    assert "刺" in sp["簕杜鹃"]["cautions"] and "不能吃" in sp["簕杜鹃"]["cautions"]
    assert "5×6" in sp["荔枝"]["spacing"]


def test_scores_count_confident_wrong_apart_and_map_missing_topics():
    cases = [
        faq.EvalCase("a", "tech.x"),
        faq.EvalCase("b", "escalate", frozenset({"adviser"})),
        faq.EvalCase("c", "missing:foo"),
        faq.EvalCase("d", "escalate"),
        faq.EvalCase("e", "tech.y"),
    ]
    got = {"a": "tech.x", "b": "escalate", "c": "tech.new", "d": "tech.z", "e": "escalate"}

    class Fixed:
        def match(self, question):
            label = got[question]
            kind = "escalate" if label == "escalate" else "answer"
            return faq.FaqResult(kind, None if kind == "escalate" else label, "", 1.0, "test")

        def answered_as(self, label):
            return label

    mapped = faq.scores(faq.evaluate(Fixed(), cases, {"missing:foo": "tech.new"}))
    assert (mapped.right, mapped.right_unmapped) == (3 / 5, 2 / 5)
    assert mapped.confident_wrong_n == 1 and mapped.adviser_recall == 0.5  # 'd' answered, not escalated
    assert mapped.escalation_precision == 0.5  # 'e' escalated, not for an adviser
    assert faq.scores(faq.evaluate(Fixed(), cases)).confident_wrong_n == 2  # unmapped: 'c' is wrong too


@pytest.mark.parametrize(
    ("expected", "got", "near"),
    [
        ("species.荔枝.time", "species.荔枝.water", True),  # the right tree, another field
        ("species.荔枝.card", "species.荔枝.sites", True),  # the right tree's field for its card
        ("species.荔枝.time", "species.龙眼.time", False),  # another tree
        ("species.荔枝.water", "tech.watering_first", False),  # a technique entry, not the tree's field
        ("recommend.庭院+香花", "recommend.庭院+香花+small", True),  # the right place, another size
        ("recommend.河边+护岸", "recommend.河边", True),  # the right place, another purpose
        ("recommend.路边+速生", "recommend.河边+速生", False),  # another place
        ("recommend.观果", "recommend.吃果", False),  # no place to be right about
        ("recommend.主题林", "camp.zhutilin", False),
    ],
)
def test_near_misses_are_the_right_tree_or_place_answered_another_way(expected, got, near):
    """Round 34: bench/faq_eval.py's near column, counted beside confident wrong, never subtracted from it."""
    assert faq.near_miss(expected, got) is near
    row = faq.EvalRow("q", expected, expected, got, 0.0)
    assert row.confident_wrong and row.near is near
    assert faq.scores([row]).confident_wrong_n == 1 and faq.scores([row]).near == int(near)


def test_a_question_asked_back_is_neither_right_nor_confident_wrong_nor_escalated():
    """Round 43: an answer offered beside another (or before a ticket) counts in ``asked`` and, when the expected one is
    offered, in ``chosen_right``; never as right, confident wrong, or an adviser's question escalated."""
    rows = [
        faq.EvalRow("a", "tech.a", "tech.a", "tech.a", 0.0, offered="tech.b"),  # the right one offered first
        faq.EvalRow("b", "tech.c", "tech.c", "tech.a", 0.0, offered="tech.b"),  # neither offered is right
        faq.EvalRow("c", "escalate", "escalate", "escalate", 0.0, offered="tech.b"),  # asked first: 0 files it
        faq.EvalRow("d", "escalate", "escalate", "escalate", 0.0),  # escalated at once
    ]
    scores = faq.scores(rows)
    assert (scores.asked, scores.chosen_right) == (3, 2)
    assert scores.right == 0.25 and scores.confident_wrong_n == 0
    assert scores.adviser_recall == 0.5 and scores.escalation_precision == 1.0


def test_held_out_sets_and_the_missing_map_refer_to_real_entries(index):
    """Held-out sets are never edited; a missing:<topic> label is mapped to an entry that exists."""
    mapping = faq.load_missing_map(ROOT / "messages" / "faq" / "precedents" / "missing_map.tsv")
    assert mapping and all(index.entry(entry_id) for entry_id in mapping.values())
    for path in [
        *(ROOT / "messages" / "faq" / "precedents").glob("faq_heldout_*.tsv"),
        *(ROOT / "tests" / "data").glob("faq_heldout_*.tsv"),
    ]:
        for case in faq.load_eval_set(path):
            label = mapping.get(case.expected, case.expected)
            assert (
                label in ("escalate", "chitchat")
                or label.startswith(("missing:", "species.", "recommend."))
                or index.entry(label)
            ), (path.name, case)


# --- issue 17, round 3 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question,species",
    [
        ("杨梅分不分公母", "杨梅"),
        ("铁冬青是不是棵棵都有红果", "铁冬青"),
        ("杨梅买什么苗好", "杨梅"),
    ],
)
def test_pollination_and_which_seedling_get_the_card_with_its_cautions(index, question, species):
    result = index.match(question)
    assert result.entry_id == f"species.{species}.card"
    assert index.species[species]["cautions"].strip() in result.answer_text


@pytest.mark.parametrize(
    "question,entry_id",
    [("荔枝结果那阵要不要多浇水", "species.荔枝.water"), ("桂花开花期能不能修剪", "species.桂花.pruning")],
)
def test_a_topic_word_that_only_says_when_gives_way(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [("石硖龙眼几月种", "species.龙眼.time"), ("糯米糍荔枝怎么剪", "species.荔枝.pruning")],
)
def test_a_variety_before_its_species_is_one_tree(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [("妃子笑种几年先有荔枝食", "species.荔枝.fruit"), ("甜柿种落去几耐先有柿子摘", "species.柿.fruit")],
)
def test_a_variety_told_with_its_species_elsewhere_in_the_question_is_that_species(index, question, entry_id):
    """Round 13: a variety and its species' name apart are one tree unless the question compares them."""
    assert index.match(question).entry_id == entry_id


def test_two_varieties_side_by_side_stay_two(index):
    assert index.match("金桂银桂哪个香").kind == "escalate"


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("我住六楼 阳台可以种树吗", "tech.rooftop"),  # not camp.household_rules (住楼上)
        ("龙眼树下面种点花生行不行", "tech.intercropping"),  # 花生 is no flower to recommend
        ("芒果树算不算", "camp.exotic"),
        ("昨天种的苗今天叶子全蔫了", "tech.wilting"),
        ("下周有寒潮 小苗要盖吗", "tech.cold"),
        ("刚才写错了 八棵发成八十棵了", "bot.cancel"),
        ("我认养的树怎么看", "bot.my_trees"),
        ("党员责任区怎么领", "bot.care_zones"),
    ],
)
def test_intents_of_round_three(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize(
    "question",
    ["今年种的树没人检查算不算", "村里的山承包给老板了 还能种党建林吗"],  # 算不算 of no tree; land under contract
)
def test_intents_that_reached_too_far_no_longer_answer(index, question):
    result = index.match(question)
    assert result.entry_id not in ("camp.exotic", "camp.dangjianlin"), result


def test_really_is_not_a_dispute_and_a_neighbours_goats_are_a_technique_question(index):
    assert index.match("听说每家都要种一棵 真的假的").entry_id == "camp.quota_household"
    assert index.match("隔壁的羊老是跑过来 树皮都啃了 怎么防").entry_id == "tech.livestock"
    assert index.match("隔壁的羊把我的树啃死了 要他赔").kind == "escalate"


@pytest.mark.xfail(
    strict=True,
    reason="round 102, BT-BY in the precedents (changed): species.小叶榄仁.pruning (species_topic) -> escalate (model)",
)
def test_shortening_a_tree_is_pruning_not_felling(index):
    assert index.match("门口的小叶榄仁太高 能不能锯掉上面一截").entry_id == "species.小叶榄仁.pruning"
    assert index.match("门口的小叶榄仁太高 想砍掉").kind == "escalate"


def test_a_dead_seedling_to_replace_is_answered(index):
    assert index.match("新种的死了一棵 要补吗").entry_id == "tech.replant"


def test_only_the_clauses_that_ask_must_be_covered(index):
    """A story before the question: '… 种桂花中不中' asks about 桂花 with the story's light words."""
    assert index.match("村里分了桂花给我 我家门口朝北 只有早上有太阳 种桂花中不中").entry_id == "species.桂花.light"
    assert index.match("上个月打风屋后浸咗水 秋枫怕唔怕水浸").entry_id == "species.秋枫.water"
    # a question clause with no tree and no topic word: the whole question must be covered
    norm = nlu.normalize("荔枝种在化粪池旁边 行不行")
    assert faq._story_spans("荔枝种在化粪池旁边 行不行", norm, [(0, 2)]) == []
    norm = nlu.normalize("我家门口朝北 荔枝种得好吗")
    assert faq._story_spans("我家门口朝北 荔枝种得好吗", norm, [(6, 8)]) == [(0, 6)]


# --- round 4 (issue 17): rules for questions never seen -----------------------------------------------


@pytest.mark.parametrize(
    "question,expected",
    [
        ("桂花几年解果", "species.桂花.fruit"),  # 解果: 结果 by sound
        ("龙眼要不要秀剪", "species.龙眼.pruning"),
        ("树干刷百有什么用", "tech.whitewash"),
        ("苗要不要绑之撑", "tech.staking"),
        ("顶跟水要浇多少", "tech.watering_first"),
        ("视范点是什么", "camp.demo_site"),
    ],
)
def test_a_topic_word_written_with_a_homophone_is_read_by_sound(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


def test_sound_alike_words_keep_real_words_and_grammar_characters():
    words = faq.SoundAlikeWords(["基肥", "为什么", "浇水"], faq.STOP_CHARS, (nlu.pinyin_phrases(),), reader=nlu)
    assert words.fix("基费用什么") == "基肥用什么"
    assert words.fix("有机肥") == "有机肥"  # a real word: its 机肥 is not 基肥
    assert words.fix("有什么用") == "有什么用"  # only a grammar character changed: not 为什么
    assert words.fix("基费", [(0, 2)]) == "基费"  # a tree name is never rewritten
    # a real word that begins or ends the topic word does not protect its misheard whole (round 12: 党建邻)
    party = faq.SoundAlikeWords(["党建林"], faq.STOP_CHARS, (nlu.pinyin_phrases(), {"党建": 1}), reader=nlu)
    assert party.fix("党建邻是什么") == "党建林是什么"
    assert party.fix("党建工作") == "党建工作"


# Held-out style checks for 定跟水 (定根水 misheard by voice input: 跟 is a grammar character the fixer keeps), written
# as villagers ask after planting, in words of their own; and 跟 as a grammar word, which stays as it is.
@pytest.mark.parametrize(
    "question",
    [
        "定跟水要浇多少",
        "种下去要淋定跟水吗",
        "定跟水浇几次",
        "种完树要浇定跟水吗",
        "定跟水是什么",
        "种好了定跟水一定要浇吗",
    ],
)
def test_a_misheard_ding_gen_shui_is_the_first_watering(index, question):
    assert "定根水" in index._fixed(question)
    assert faq.result_label(index.match(question)) == "tech.watering_first"


@pytest.mark.parametrize(
    "question",
    ["跟我说一下定根水怎么浇", "跟着村干部去种树要带什么", "我跟水利站的人说好了", "约定跟水务站一起去种树",
     "决定跟水库那边一起种", "种树的时候跟着浇水"],
)  # fmt: skip
def test_gen_as_a_grammar_word_is_kept(index, question):
    fixed = index._fixed(question)
    assert fixed.count("跟") == nlu.normalize(question).count("跟"), fixed


def test_sound_alike_words_take_a_grammar_character_only_inside_the_word():
    """A changed grammar character is taken inside a topic word whose neighbours are in place (定跟水: 定 and 水 frame
    it), never at its edge (有什么 is not 为什么) nor as a two-character word's (跟 alone frames nothing)."""
    words = faq.SoundAlikeWords(
        ["定根水", "为什么", "根系"], faq.STOP_CHARS, (nlu.pinyin_phrases(),), faq.FRAMED_CONTEXT, reader=nlu
    )
    assert words.fix("定跟水浇多少") == "定根水浇多少"
    assert words.fix("有什么用") == "有什么用"
    assert words.fix("跟系") == "跟系"
    assert words.fix("定跟我说") == "定跟我说"


@pytest.mark.parametrize(
    "question,expected",
    [
        ("秋枫苗埋多深合适", "tech.planting_depth"),
        ("杨梅种下去第一次浇水要浇透吗", "tech.watering_first"),
        ("种龙眼树穴里放什么肥", "tech.base_fertilizer"),
        ("荔枝刚种可以放尿素吗", "tech.fertilizer_burn"),
        ("木棉种下去多久才可以追肥", "tech.topdressing"),
        ("香樟苗没有土球怎么种", "tech.bare_root"),
        # the species' own facts stay with the species
        ("杨梅多久浇一次水", "species.杨梅.water"),
        ("龙眼施什么肥", "species.龙眼.fertilizer"),
    ],
)
def test_a_planting_technique_naming_a_species_is_the_technique_entry(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


@pytest.mark.parametrize(
    "question,reason",
    [
        ("村长把别人种的树报成是他种的 虚报数字", "complaint"),
        ("我种了八棵 只算了我两棵", "complaint"),
        ("树死了会不会罚", "complaint"),
        ("上个礼拜问的问题一直没人回", "complaint"),
        ("我发了张照片 帮我看看这棵苗什么病", "photo_diagnosis"),
        ("帮我看下我发的图片", "photo_diagnosis"),
        ("挖树穴砸伤了脚 有没有保险", "injury"),
        ("村里用了我家的地种树 一分钱都没给", "money"),
    ],
)
def test_complaints_photos_and_injuries_go_to_a_person(index, question, reason):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", reason), result


@pytest.mark.parametrize(
    "question,not_expected",
    [
        ("以前种番薯的地 现在种桂花行不行", "tech.intercropping"),
        ("种龙眼算不算", "camp.exotic"),
        ("老人家说荔枝要种在屋后 对不对", "bot.proxy"),
        ("剩下的苗根露在外面怎么办", "camp.adopt"),
    ],
)
def test_round_3_rules_no_longer_reach_too_far(index, question, not_expected):
    assert faq.result_label(index.match(question)) != not_expected


def test_a_campaign_entry_answers_a_question_naming_a_tree_only_by_its_intent(index):
    assert faq.result_label(index.match("种龙眼算不算经济树")) != "camp.exotic"
    assert faq.result_label(index.match("种芒果算不算")) == "camp.exotic"  # off the list: its intent
    assert faq.result_label(index.match("我的种树证书去哪里领")) == "bot.certificate"


# --- round 5: escalate unless sure ([sure] in matching.toml, FaqIndex.doubt) ---------------------------------


@pytest.mark.parametrize(
    "question,without_the_gate",
    [
        ("证书上的村名印错了怎么办", "bot.certificate"),
        # round 53: '领树苗的时候村干部骂人' is the complaint rule's now (a person's conduct), before any intent
        ("领树苗的时候摔了一跤", "camp.seedlings"),
        ("党建林旁边堆满了建筑垃圾没人清", "camp.dangjianlin"),
        ("主题林的牌子被风吹跑了", "camp.zhutilin"),
        ("村里通报把我们组的名字写漏了", "camp.supervision"),
    ],
)
def test_an_intent_answers_only_what_its_entry_explains(index, question, without_the_gate):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "not_sure"), result
    assert index.doubt(question, without_the_gate) == "unexplained"


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("我老公在东莞打工 能认种吗", "camp.adopt"),
        ("阿伯冇手机 我帮佢登记得唔得", "bot.proxy"),
        ("喷除草剂要戴手套吗", "tech.pesticide_safety"),  # 除草剂 told the intent: it is what the entry is about
        ("证书在哪里看", "bot.certificate"),
        ("苗太多了种不完 先放几天可以吗", "tech.heeling_in"),
    ],
)
def test_people_places_and_the_intents_own_words_need_no_explaining(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,both",
    [
        ("桂花几年开花 要施什么肥", {"species.桂花.flowering", "species.桂花.fertilizer"}),
        ("龙眼要晒太阳吗 多久浇一次水", {"species.龙眼.light", "species.龙眼.water"}),
        ("桂花怎么剪 什么时候施肥", {"species.桂花.pruning", "species.桂花.fertilizer"}),
    ],
)
def test_a_species_field_does_not_answer_two_topics_alone(index, question, both):
    """One field answers half (``doubt``); since round 13 the reply holds both fields."""
    for one in both:
        assert index.doubt(question, one) == "two_topics"
    result = index.match(question)
    assert (result.kind, result.reason) == ("answer", "species_two_topics"), result
    assert {result.entry_id, result.also} == both


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("桂花枝太密了几时剪好", "species.桂花.pruning"),  # 太密 is how pruning is asked (its examples)
        # round 36: was species.李.fruit (precedents '□□会结果吗'); since sets AC-AF are precedents the closest one is
        # AE's '柿子树单独种一棵会结果吗', labelled pollination (the card), as [topics.pollination] reads 一棵能不能结果
        ("李子一棵单独种会结果吗", "species.李.card"),
        ("秋枫要施什么肥长得快", "species.秋枫.fertilizer"),  # 长得快 is why, not a second question
    ],
)
def test_a_second_topic_word_that_is_part_of_the_question_is_no_second_topic(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


def test_without_the_sure_section_nothing_is_doubted(index):
    gates = index.sure
    assert gates != faq.Sure()  # matching.toml switches the gates on
    try:
        index.sure = faq.Sure()
        assert faq.result_label(without_model(index).match("证书上的村名印错了怎么办")) == "bot.certificate"
        assert index.doubt("桂花几年开花 要施什么肥", "species.桂花.fertilizer") is None
    finally:
        index.sure = gates


def test_a_longer_name_by_sound_holding_a_tree_off_the_list_is_the_campaign_tree(index):
    assert faq.result_label(index.match("大爷紫薇几月开花")) == "species.大叶紫薇.flowering"  # 大爷 sounds like 大叶
    assert faq.result_label(index.match("紫薇可以种在门口吗")) == "camp.exotic"  # 紫薇 itself is another tree


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("荔枝苗同荔枝苗中间要隔几远", "species.荔枝.spacing"),  # not the general spacing table
        ("秋枫种下去以后多久浇一回水", "species.秋枫.water"),  # not new trees' watering in general
        ("铁冬青系咪好快高", "species.铁冬青.growth"),  # 快高: grows fast; not 'buy a big tree'
        ("李子可以种得密一些吗", "species.李.spacing"),
    ],
)
def test_one_species_care_topic_is_its_field_not_the_general_technique(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("新种的树要几天浇一次水", "tech.watering_after"),  # no species: the general entry
        ("桂花种下去第一回浇水要浇多少", "tech.watering_first"),  # the technique's own words
    ],
)
def test_the_general_technique_still_answers_its_own_questions(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


def test_without_the_general_entries_a_species_care_question_gets_the_table(index):
    general = index._general_entries
    try:
        index._general_entries = {}
        assert faq.result_label(without_model(index).match("荔枝苗同荔枝苗中间要隔几远")) == "tech.spacing_general"
    finally:
        index._general_entries = general


@pytest.mark.parametrize(
    "question",
    [
        "我家后院那棵桂花叶上有白粉 是什么病",  # 什么病 only asks what it is: one's own tree
        "那棵龙眼种了七年都未结过果",  # 未结 (Cantonese: not yet)
        "我种的石榴种了三年还是这么高",  # not growing
        "龙眼树被风刮断了一半还能救吗",  # saving a damaged tree
    ],
)
def test_a_symptom_on_ones_own_tree_goes_to_the_adviser(index, question):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "diagnosis"), result


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("村委经费能用来买苗吗", "camp.funding"),  # not 'buy big trees'
        ("党费能不能拿来买树", "camp.funding"),
        ("种好以后谁来除草", "camp.care"),  # who does it, not how
        ("路边杂草好多怎么除", "tech.weeds"),
    ],
)
def test_intents_do_not_reach_past_their_question(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("党建林里面的责任区在哪里领", "bot.care_zones"),  # not the 党建林 card
        # not how to adopt; round 106: 认领 is the household's pledge (我的认领, README), which bot.pledge now answers
        ("我认领了几棵树 去哪看", "bot.pledge"),
        ("党建林是什么", "camp.dangjianlin"),
        ("认养一棵树怎么弄", "camp.adopt"),
    ],
)
def test_a_broad_intent_leaves_the_bot_question_it_names(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


# --- round 7 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("杨梅以后会成大树吗", "species.杨梅.growth"),  # no topic word: the big-tree entry ranked first means growth
        ("秋枫种几开合适", "species.秋枫.spacing"),  # Cantonese 种几开: how far apart
        ("竹苗每兜隔几远", "species.竹子.spacing"),  # the example beside general_entries in matching.toml
        ("木棉好不好", "species.木棉.card"),  # nothing ranked with confidence: no topic taken from a guess
    ],
)
def test_a_general_entry_ranked_first_tells_the_species_topic(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


def test_without_the_topic_of_a_general_entry_the_growth_question_is_not_the_species_field(index):
    general = index._general_entries
    try:
        index._general_entries = {entry: "" for entry in general}
        # the rules alone: the model reads the tree's own growth, which round 48 (``[model] own_field``) prefers
        assert faq.result_label(without_model(index).match("杨梅以后会成大树吗")) == "tech.big_tree"
    finally:
        index._general_entries = general


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("桃子种山坡上还是平地好", "species.桃.sites"),  # where to plant it
        ("柿子能种在山上吗", "species.柿.sites"),
        ("桃树喜欢什么土", "species.桃.soil"),
        ("山坡的黄土能种桃树吗", "species.桃.soil"),  # a soil word is stronger than the slope
    ],
)
def test_slope_or_flat_land_asks_where_to_plant(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,reason",
    [
        ("两家人为种树的事吵交了", "dispute"),
        # round 56: camp.adopt (no price) under the number, money's class before it
        ("认养一棵要给几钱", "adopt_price"),
        ("锄草时被蛇咬了", "safety"),
        ("细佬食咗两块桂花叶", "safety"),
        ("我家荔枝被风吹断了枝", "diagnosis"),
        ("门口那棵龙眼树干劈开了", "diagnosis"),
    ],
)
def test_quarrels_money_bites_swallowed_leaves_and_damage_go_to_a_person(index, question, reason):
    result = index.match(question)
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    answered = reason == "safety" and result.reason == "safety_aid"
    assert (result.kind, result.reason) == ("escalate", reason) or answered, result


def test_a_bite_or_a_swallowed_leaf_opens_with_its_safety_line(index):
    assert "120" in index.match("锄草时被蛇咬了").safety
    assert "120" in index.match("细佬食咗两块桂花叶").safety
    cattle = index.match("牛吃了树叶怎么防")  # cattle eating the trees: a technique question
    assert not cattle.safety and faq.result_label(cattle) == "tech.livestock"
    assert faq.result_label(index.match("簕杜鹃有没有毒")) == "species.簕杜鹃.card"  # asked in general


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("外婆讲秋枫遮阴好 秋枫是什么树", "species.秋枫.card"),  # the story's shade is told, not asked
        ("村里发了几棵桂花苗 什么时候种最好", "species.桂花.time"),  # a precise topic asked: that topic
    ],
)
def test_asked_what_the_tree_is_after_a_story_gives_the_card(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("刚才那条记录报多了 怎么撤销", "bot.cancel"),
        ("上级会不会派人下来检查", "camp.supervision"),  # someone checking, not one's own progress
        ("我种了多少棵了", "bot.progress"),
        ("认养了的树是不是要我自己浇水", "camp.care"),  # who waters, not how
        ("我认养那棵树在哪里看", "bot.my_trees"),
        ("树穴挖好了 最迟什么时候要种下去", "camp.planting_done"),  # holes done: the next deadline
        ("今年雨水少 桂花平时怎么浇水", "species.桂花.water"),  # rainfall, not rainwater to water with
        ("手机坏了换了一部新的 还要重新登记吗", "bot.rebind"),  # a new phone, not a first registration
        ("我的微信号换了怎么办", "bot.rebind"),
        ("树苗要绑什么", "tech.staking"),
        ("按规定我们社区一共要种多少棵树", "camp.community_target"),  # 按规定, 一共: how the campaign is asked
    ],
)
def test_intents_of_round_7(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("秋枫一棵同下一棵隔几阔", "species.秋枫.spacing"),  # a question about spacing, not a record of one tree
        ("石榴钟意咩土", "species.石榴.soil"),  # 钟意: likes
        ("门口有棵荔枝 我想再种桂花 桂花要施什么肥", "species.桂花.fertilizer"),  # 荔枝 is only in the story
        # round 117: the two together, or compared on the card, are answered side by side (both cards' spacing, light
        # and water; both cards): bot/faq_compare.py; whether they affect each other stays a person's
        ("我种了荔枝 龙眼可以种在旁边吗", "species.荔枝.spacing"),
        ("桂花和荔枝哪个好种", "species.桂花.card"),
        ("我种了荔枝 龙眼种在旁边会不会有影响", "escalate"),
    ],
)
def test_the_tree_asked_about_and_questions_that_are_no_records(index, question, entry_id):
    assert faq.result_label(index.match(question)) == entry_id


# --- issue 17, round 8: precedents second a doubt ----------------------------------------------------------

DOUBTED = "我老爸七十多了是老党员腿脚不好还要去种树吗"  # camp.party_age's words, but more than its question


OTHER_PRECEDENTS = [("桂花几月种", "species.桂花.time"), ("荔枝怎么施肥", "species.荔枝.fertilizer")]


@pytest.fixture
def fresh_index():
    """An index of its own: these tests change its precedents."""
    return faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


def test_precedent_rule_without_precedents_a_doubt_goes_to_an_adviser(fresh_index):
    fresh_index.set_precedents([])
    result = fresh_index.match(DOUBTED)
    assert (result.kind, result.reason) == ("escalate", "not_sure")
    assert result.candidate is not None and result.candidate.entry_id == "camp.party_age"


def test_precedent_rule_close_precedents_for_the_same_entry_answer(fresh_index):
    fresh_index.set_precedents([("我老爸七十几岁老党员腿脚唔好仲要去种树咩", "camp.party_age"), *OTHER_PRECEDENTS])
    result = fresh_index.match(DOUBTED)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "camp.party_age", "precedents")
    assert result.answer_text == fresh_index.entry("camp.party_age").answer


@pytest.mark.parametrize(
    "precedents",
    [
        [("我老爸七十几岁老党员腿脚唔好仲要去种树咩", "camp.quota_party")],  # another entry: no second witness
        [  # an adviser's question among the closest: a person answers
            ("我老爸七十几岁老党员腿脚唔好仲要去种树咩", "camp.party_age"),
            ("我老爸七十多岁腿脚不好 种树摔倒了谁负责", "escalate"),
        ],
        [("今年冬天冷不冷", "camp.party_age")],  # the same entry, but nothing alike
    ],
)
def test_precedent_rule_no_answer_without_a_close_agreeing_witness(fresh_index, precedents):
    fresh_index.set_precedents([*precedents, *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match(DOUBTED)) == "escalate"


# round 19: three agreeing witnesses overrule the answer a doubt stopped ([precedents] overrule)
STOPPED = "我们这边村委会开会说要交一个种树计划，我是小组长，这个计划几时之前要交上去"  # a doubt stops camp.window
DEADLINE_WITNESSES = [
    ("村里开会讲种树计划要交上去，几时之前交", "camp.deadlines"),
    ("小组长问种树计划几时交到村委会", "camp.deadlines"),
    ("这个种树的计划要几时交", "camp.deadlines"),
]


def test_precedent_rule_three_agreeing_witnesses_overrule_the_stopped_answer(fresh_index):
    fresh_index.set_precedents([])
    stopped = fresh_index.match(STOPPED)
    assert (stopped.kind, stopped.reason) == ("escalate", "not_sure")
    assert stopped.candidate is not None and stopped.candidate.entry_id == "camp.window"
    fresh_index.set_precedents([*DEADLINE_WITNESSES, *OTHER_PRECEDENTS])
    result = fresh_index.match(STOPPED)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "camp.deadlines", "precedents")


@pytest.mark.parametrize(
    "witnesses",
    [
        DEADLINE_WITNESSES[:2],  # two agree: they may second the stopped answer, never overrule it
        [*DEADLINE_WITNESSES[:2], ("种树计划几时交 交给谁 要不要盖章 我不会写", "escalate")],  # a person among them
        [*DEADLINE_WITNESSES[:2], ("种树计划几时交才赶得上种树的月份", "camp.window")],  # the third says otherwise
    ],
)
def test_precedent_rule_no_overrule_without_three_agreeing_witnesses(fresh_index, witnesses):
    fresh_index.set_precedents([*witnesses, *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match(STOPPED)) == "escalate"


def test_precedent_rule_overrule_still_needs_most_of_the_question_explained(fresh_index):
    """'主题林的牌子被风吹跑了': the closest precedents ask about 主题林, but 牌子/风吹/跑 are half of what it says. (Until
    round 24 the three closest of the sets were 主题林 questions; later sets put questions for a person among them:
    the precedents here are three of those 主题林 questions.)"""
    question = "主题林的牌子被风吹跑了"
    fresh_index.set_precedents(
        [
            ("主题林是什么意思", "camp.zhutilin"),
            ("主题林要种什么树", "camp.zhutilin"),
            ("主题林是不是要挂牌子", "camp.zhutilin"),
            *OTHER_PRECEDENTS,
        ]
    )
    near = fresh_index.precedents.nearest(fresh_index._masked(fresh_index._fixed(question)), 3)
    assert [fresh_index.precedents.labels[i] for i, _ in near].count("camp.zhutilin") >= 2
    assert faq.result_label(fresh_index.match(question)) == "escalate"


MULCH_WITNESSES = [
    ("别人家树下铺稻草，我家新种的树要不要铺", "tech.mulch"),
    ("新种的树要不要铺一层稻草保湿", "tech.mulch"),
    ("树下铺稻草铺多厚合适", "tech.mulch"),
]


def test_precedent_rule_three_witnesses_answer_a_rule_class_read_into_a_story(fresh_index):
    """Round 20: '邻居家…都铺了稻草' reads as a dispute with a neighbour; three villagers' questions about mulch
    agreeing answer it ([precedents] overrule_rules)."""
    question = "邻居家的果树下面都铺了稻草，我家新种的树要不要也铺一层，铺多厚合适"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    assert (fresh_index.match(question).kind, fresh_index.match(question).reason) == ("escalate", "dispute")
    fresh_index.set_precedents([*MULCH_WITNESSES, *OTHER_PRECEDENTS])
    result = fresh_index.match(question)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "tech.mulch", "precedents")


def test_precedent_rule_money_stays_with_the_village_whatever_the_witnesses(fresh_index):
    """Issue 17: money (and diagnoses, felling, comparisons, asking for a person) go to a person: not in
    overrule_rules, so three witnesses agreeing change nothing."""
    witnesses = [("种树的苗钱是不是自己出", "camp.seedlings"), ("苗钱要自己出吗", "camp.seedlings")]
    fresh_index.set_precedents([*witnesses, ("种树的苗要我们自己出钱买吗", "camp.seedlings"), *OTHER_PRECEDENTS])
    question = "种树的苗钱要我们自己出吗"
    assert fresh_index._overruled(fresh_index.precedents.nearest(fresh_index._masked(fresh_index._fixed(question)), 3))
    assert (fresh_index.match(question).kind, fresh_index.match(question).reason) == ("escalate", "money")
    assert not {"diagnosis", "money", "felling", "comparison", "person", "land"} & fresh_index._overrule_rules


def test_precedents_never_answer_a_listed_tree_with_the_off_list_entry(fresh_index):
    """Masked, '公家路边种几棵荔枝…得唔得' reads like '种几棵芒果得唔得' (camp.exotic); 荔枝 is on the list."""
    question = "我想喺公家路边种几棵荔枝果子归我得唔得"
    witnesses = [("我想喺路边种几棵芒果得唔得", "camp.exotic"), ("公家路边种几棵黄皮得唔得", "camp.exotic")]
    fresh_index.set_precedents([*witnesses, ("路边种几棵菠萝蜜果子归我得唔得", "camp.exotic"), *OTHER_PRECEDENTS])
    near = fresh_index.precedents.nearest(fresh_index._masked(fresh_index._fixed(question)), 3)
    assert fresh_index._overruled(near)
    assert faq.result_label(fresh_index.match(question)) == "escalate"
    assert fresh_index._label_answer("camp.exotic", set()).entry_id == "camp.exotic"  # no listed tree: it may


def test_precedent_rule_two_close_precedents_agreeing_are_enough(fresh_index):
    """Neither is close enough alone (``one``); the two closest agreeing (``two``) are."""
    precedents = [("老党员七十几岁腿脚不方便还用去吗", "camp.party_age"), ("七十岁的党员要种树吗", "camp.party_age")]
    fresh_index.set_precedents([*precedents, *OTHER_PRECEDENTS])
    near = sorted(s for _, s in fresh_index.precedents.nearest(fresh_index._masked(fresh_index._fixed(DOUBTED)), 2))
    assert near[-1] < fresh_index._precedent_one and near[-2] >= fresh_index._precedent_two
    assert faq.result_label(fresh_index.match(DOUBTED)) == "camp.party_age"
    fresh_index.set_precedents([precedents[0], *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match(DOUBTED)) == "escalate"


def test_precedent_rule_a_species_field_seconds_it_for_any_species(fresh_index):
    question = "簕杜鹃开完一轮花以后要怎么剪"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    assert faq.result_label(fresh_index.match(question)) == "escalate"
    fresh_index.set_precedents([("石榴开完一轮花之后要点剪", "species.石榴.pruning"), *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match(question)) == "species.簕杜鹃.pruning"  # the tree asked about


def test_precedent_rule_two_topics_asked_stay_two(fresh_index):
    """The precedent agrees on one topic; the question asks a second ('背阴' and '开花'): an adviser."""
    question = "洋紫荆种在背阴的位置会不会不开花"
    fresh_index.set_precedents([("桂花种在背阴的地方会不会不开花", "species.桂花.flowering"), *OTHER_PRECEDENTS])
    result = fresh_index.match(question)
    assert (result.kind, result.reason) == ("escalate", "not_sure")
    assert fresh_index.doubt(question, "species.洋紫荆.flowering") == "two_topics"


def test_precedent_rule_never_overrules_a_rule_for_a_person(fresh_index):
    question = "我家荔枝叶子上有黑斑"  # a symptom on one's own tree
    fresh_index.set_precedents([(question, "species.荔枝.pests"), ("荔枝叶子有黑斑", "species.荔枝.pests")])
    result = fresh_index.match(question)
    assert (result.kind, result.reason, result.candidate) == ("escalate", "diagnosis", None)


def test_precedents_load_every_set_but_the_left_out_and_map_missing_topics(tmp_path):
    (tmp_path / "faq_heldout_x.tsv").write_text("# q\te\tt\n桂花几月种\tspecies.桂花.time\t\n", encoding="utf-8")
    (tmp_path / "faq_heldout_y.tsv").write_text(
        "树苗干了怎么办\tmissing:dry seedlings\t\n明天下雨吗\tmissing:weather\t\n", encoding="utf-8"
    )
    (tmp_path / "missing_map.tsv").write_text("missing:dry seedlings\ttech.dry_seedlings\n", encoding="utf-8")
    assert faq.load_precedents(tmp_path) == [
        ("桂花几月种", "species.桂花.time"),
        ("树苗干了怎么办", "tech.dry_seedlings"),  # mapped
        ("明天下雨吗", "escalate"),  # a topic nothing answers: a person
    ]
    assert faq.load_precedents(tmp_path, ["faq_heldout_y"]) == [("桂花几月种", "species.桂花.time")]


def test_the_product_index_loads_the_precedent_sets(index):
    # the same words with the same label are one precedent (round 19)
    assert 8000 < len(index.precedents.labels) < len(faq.load_precedents(MESSAGES / "faq" / "precedents"))
    assert "species.*.time" in index.precedents.labels and "escalate" in index.precedents.labels


def test_precedent_rule_a_rule_asked_in_general_is_answered_by_its_entry(fresh_index):
    """Land and felling go to a person with the rule's entry under the ticket; asked in general and seconded by
    precedents, the entry answers ('耕地可以种树吗'); one's own plot stays with a person."""
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    result = fresh_index.match("耕地上面可不可以种树")
    assert (result.kind, result.reason) == ("escalate", "land")
    assert result.answer_text == fresh_index.entry("camp.farmland").answer  # the note under the ticket
    fresh_index.set_precedents([("耕地可唔可以种树", "camp.farmland"), *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match("耕地上面可不可以种树")) == "camp.farmland"
    own = fresh_index.match("我家那块耕地可不可以种树")
    assert (own.kind, own.reason, own.candidate) == ("escalate", "land", None)


def test_precedent_rule_two_close_precedents_propose_another_entry_when_the_matcher_is_unsure(fresh_index):
    """'扫白色' is no word the matcher knows for 涂白 (it was unsure, of another entry); two villagers' questions
    labelled 涂白 and close to it propose that entry; one alone does not."""
    question = "点解啲树头要扫白色"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    result = fresh_index.match(question)
    assert result.kind == "escalate" and result.candidate and result.candidate.entry_id != "tech.whitewash"
    proposing = [("点解树头要扫到白色", "tech.whitewash"), ("树头扫白色有咩用", "tech.whitewash")]
    fresh_index.set_precedents([*proposing, *OTHER_PRECEDENTS])
    result = fresh_index.match(question)
    assert (result.entry_id, result.reason) == ("tech.whitewash", "precedents")
    assert result.answer_text == fresh_index.entry("tech.whitewash").answer
    fresh_index.set_precedents([proposing[0], *OTHER_PRECEDENTS])  # close, but alone
    assert faq.result_label(fresh_index.match(question)) == "escalate"


def test_precedent_rule_an_answer_a_doubt_stopped_is_only_seconded_never_replaced(fresh_index):
    """The staking intent found '插竹竿' and was stopped (the tree's name is no word it knows); precedents on
    whether off-list trees may be planted are close, but they answer another question: an adviser."""
    question = "黄花风铃木种下去要不要插竹竿扶着"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    stopped = fresh_index.match(question).candidate
    assert stopped is not None and stopped.entry_id == "tech.staking"
    precedents = [("黄花风铃木种下去得唔得", "camp.exotic"), ("黄花风铃木可以种吗", "camp.exotic")]
    fresh_index.set_precedents([*precedents, *OTHER_PRECEDENTS])
    assert faq.result_label(fresh_index.match(question)) == "escalate"


def test_a_card_topics_label_is_the_card(index):
    """'离屋几远' and '要不要公树母树' are answered by the species' card (card topics): a set that labels them
    species.<name>.house / .pollination is scored against the card; other labels stay as written."""
    assert index.answered_as("species.荔枝.house") == "species.荔枝.card"
    assert index.answered_as("species.杨梅.pollination") == "species.杨梅.card"
    assert index.answered_as("species.荔枝.time") == "species.荔枝.time"
    assert index.answered_as("camp.about") == "camp.about"
    rows = faq.evaluate(index, [faq.EvalCase("荔枝种在门口离房子几米", "species.荔枝.house")])
    assert rows[0].got == "species.荔枝.card" and rows[0].right and not rows[0].confident_wrong


def test_the_power_lines_answer_leaves_what_to_do_about_a_touching_tree_to_the_safety_line_above_it(index):
    """The entry does not repeat 95598: every way it is asked names the wires, so the power-line safety line opens
    the reply."""
    entry = index.entry("tech.power_lines")
    assert "95598" not in entry.answer
    for question in [entry.title, *entry.questions]:
        result = index.match(question)
        assert result.entry_id == "tech.power_lines" and "95598" in result.safety, question


@pytest.mark.parametrize(
    "question",
    ["龙眼好唔好种 我哋呢度山地有冇收成", "桂花容易种吗 要晒太阳吗", "杨梅值不值得种 几年结果"],
)
def test_asked_whether_a_tree_is_worth_growing_the_card_answers_whatever_follows(index, question):
    """Round 11: '荔枝好种吗 有没有收成' is about the tree as a whole; the card (with its cautions) answers."""
    result = index.match(question)
    assert result.kind == "answer" and result.entry_id.endswith(".card"), result


def test_the_best_place_to_plant_is_not_whether_it_is_easy_to_grow(index):
    assert index.match("桂花最好种在哪里").entry_id == "species.桂花.sites"


def test_a_tie_between_entries_is_broken_the_same_way_in_every_process():
    """Two workers (different string hash seeds) must give the same answer and the same stopped candidate: the
    candidate can be seconded by precedents. Seen: '你可以做什么' stopped camp.adopt in one process, camp.about in
    another (the entries' scores were ordered by the terms' set)."""
    import subprocess
    import sys

    script = (
        "from pathlib import Path\n"
        "from bot import config, faq\n"
        "c = config.load('config.toml', env={})\n"
        "i = faq.FaqIndex.load(Path('messages'), c.section('campaign'), c.get('faq.confidence_threshold'))\n"
        "for q in ['你可以做什么', '你会不会唱歌', '点样揀树苗 根要睇咩']:\n"
        "    r = i.match(q)\n"
        "    print(r.kind, r.entry_id, r.reason, r.candidate and r.candidate.entry_id)\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs


# --- issue 17, round 13: precedents tell which field a card question asks -------------------------------------
WALL = "簕杜鹃种在围墙边爬上去可以吗"  # no topic word the matcher knows: the card
WALL_PRECEDENTS = [
    ("三角梅种在围墙边爬上去行不行", "species.簕杜鹃.sites"),
    ("勒杜鹃种在围墙边爬上去好不好", "species.簕杜鹃.sites"),
]


def test_field_rule_two_close_precedents_on_one_field_answer_that_field_not_the_card(fresh_index):
    fresh_index.set_precedents([])
    assert fresh_index.match(WALL).entry_id == "species.簕杜鹃.card"
    fresh_index.set_precedents([*WALL_PRECEDENTS, *OTHER_PRECEDENTS])
    result = fresh_index.match(WALL)
    assert (result.entry_id, result.reason) == ("species.簕杜鹃.sites", "precedents")
    assert result.answer_text == fresh_index._species_topic_text("簕杜鹃", "sites")


@pytest.mark.parametrize(
    "precedents",
    [
        WALL_PRECEDENTS[:1],  # one witness is not enough
        [WALL_PRECEDENTS[0], ("勒杜鹃种在围墙边爬上去好不好", "species.簕杜鹃.card")],  # they disagree
        [(q, "species.簕杜鹃.card") for q, _ in WALL_PRECEDENTS],  # they say the card
    ],
)
def test_field_rule_the_card_stays_unless_two_close_precedents_agree_on_a_field(fresh_index, precedents):
    fresh_index.set_precedents([*precedents, *OTHER_PRECEDENTS])
    assert fresh_index.match(WALL).entry_id == "species.簕杜鹃.card"


# --- issue 17, round 13: two fields of one tree asked together ------------------------------------------------
@pytest.mark.parametrize(
    "question,first,second",
    [
        ("大叶紫薇种几年开花 长得快吗", "flowering", "growth"),
        ("荔枝要点样淋水 开花时要唔要控水", "water", "flowering"),
    ],
)
def test_two_fields_of_one_tree_asked_together_are_answered_together(index, question, first, second):
    result = index.match(question)
    species = result.entry_id.split(".")[1]
    assert {result.entry_id, result.also} == {f"species.{species}.{first}", f"species.{species}.{second}"}
    for topic in (first, second):
        label = index.matching["topics"][topic]["label"]
        assert label in result.answer_text


@pytest.mark.parametrize(
    "question",
    [
        "我个杨梅树今年结得好少 又细粒 系唔系冇落够肥",  # one's own tree's trouble
        "我哋杨梅啲果入面有细虫 仲食唔食得",  # a symptom
        "杨梅几年结果 要不要公树母树一起种 我家门口那棵一直不结",  # one's own tree
    ],
)
def test_two_fields_never_answer_ones_own_trees_trouble(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.also is None, result


@pytest.mark.parametrize(
    "question",
    ["树苗免费吗", "认养要不要交钱", "种树的经费从哪里来", "我家有一块地想种龙眼 几时种好", "两块田中间种什么树"],
)
def test_the_campaigns_own_money_questions_and_a_piece_of_land_are_no_money_matter(index, question):
    """Rounds 13-14: whether seedlings are free, where funding comes from, a 块 of land: answered, not a ticket."""
    assert index.match(question).reason != "money"


@pytest.mark.parametrize("question", ["照片最多几张", "种了一排树 一次上传十张得不得"])
def test_how_many_photos_one_record_takes(index, question):
    """Round 14: the most photos, ten at once: photos per record, not how to take one."""
    assert index.match(question).entry_id == "bot.photos_per_record"


@pytest.mark.parametrize(
    "question,entry_id",
    [
        ("竹子几年能长成一片", "species.竹子.growth"),  # round 14: topic words
        ("龙眼点解有大小年", "species.龙眼.fruit"),
        ("河堤上种竹子固土得唔得", "species.竹子.sites"),
        ("小叶榄仁种文化广场可以吗", "species.小叶榄仁.sites"),
    ],
)
def test_more_words_of_a_species_topic(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


def test_two_trees_named_in_a_question_about_the_bot_do_not_make_it_a_comparison(index):
    """Round 14: '我登记错了 把荔枝写成龙眼了 怎么改' asks how to correct a record, not how the trees compare."""
    assert index.match("我登记错了 把荔枝写成龙眼了 怎么改").entry_id == "bot.cancel"
    assert index.match("荔枝可以嫁接黄皮吗").kind == "escalate"


@pytest.mark.parametrize(
    "question,reason",
    [
        ("我们支部的植树方案交上去了没有", "person"),  # round 14: where one's own case stands
        ("我报名当志愿者好几天了 都没人联系我", "person"),
        ("今年我们村评得上先进吗", "person"),
        ("我们这附近哪里有苗圃", "person"),
        ("果园老板不让我们在路边挖坑", "dispute"),
    ],
)
def test_one_villages_own_case_goes_to_a_person(index, question, reason):
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", reason), result


def test_waiting_for_an_advisers_answer_is_still_answered(index):
    assert index.match("我昨天问了专家到现在还没人回 正常吗").entry_id == "bot.ticket_wait"


def _got(result):
    return result.entry_id if result.kind == "answer" else result.kind


ROUND_15 = [
    # round 15: the rule classes read less into a story
    ("隔壁阿伯叫我种完马上落尿素 这样对不对", "tech.fertilizer_burn"),  # a neighbour's advice
    ("邻居说我种的龙眼挡住他家窗户 要我砍掉", "escalate"),  # a neighbour's complaint: a dispute
    ("假植是什么意思", "tech.heeling_in"),  # 假植 is no fake
    ("登记错了树种怎么改过来", "bot.cancel"),  # one's own mistake is no complaint
    ("不参加种树会不会罚钱", "camp.household_rules"),  # the rule, not money
    ("卖苗的收了我三百块 发票都没给", "escalate"),
    ("鸡粪放进树穴做底肥可以吗", "tech.base_fertilizer"),  # manure is no open hole
    ("石灰放树穴里会不会烧根", "tech.hole_lime"),  # root burn is no lime burn
    ("我家龙眼叶子全黄了 还掉叶", "escalate"),
    ("你讲了等于没讲", "chitchat"),
    ("天天发提醒好烦 怎么取消", "bot.unsubscribe"),  # a complaint that asks how: answered
    ("每户至少要种几棵才算完成", "camp.quota_household"),
    ("我家门口想种点开花好看的树 推荐几种", "recommend.房前屋后+观花"),
    ("菠萝蜜和黄皮种了算不算完成任务", "camp.exotic"),
    # a short question's every clause counts: the story is what needs a person
    ("修路的挖机把我们种的一排树铲掉了 谁负责", "escalate"),
    ("我阿爸挖树坑扭亲条腰，有冇人管？", "escalate"),
]


def test_a_long_story_counts_only_the_clause_that_asks_against_an_intent(index):
    """An intent's asking clause after a story of 30+ characters (``[sure] story_chars``) is answered; with every
    clause counted (story_chars 0) the same question is not sure."""
    question = "县里开会说每个村都要建一个绿美示范点，我们村委在商量放在祠堂前面还是小学旁边，想问示范点有什么标准"
    assert _got(index.match(question)) == "camp.demo_site"
    assert index.doubt(question, "camp.demo_site") is None
    strict = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])
    strict.sure = faq.Sure(**{**strict.sure.__dict__, "story_chars": 0})
    assert strict.doubt(question, "camp.demo_site") == "unexplained"


@pytest.mark.parametrize(
    "question,expected",
    [
        ("我家门口离墙大概两米的地方想种一棵树，老婆担心以后树根把房子地基顶裂，到底要离房子多远才安全", None),
        ("苗圃老板推荐我买嫁接苗，说三年就能挂果，到底选哪个好", None),
        ("屋后那块地种什么都烂根 怎么办", None),
        ("我家门口想种点开花好看的树 推荐几种", "recommend.房前屋后+观花"),
    ],
)
def test_a_recommendation_is_given_only_when_a_clause_that_asks_asks_for_one(index, question, expected):
    result = index._recommend(nlu.normalize(question), question)
    assert (result.entry_id if result else None) == expected


ROUND_16 = [
    # round 16: a quota is asked in words of a quota, not a bare 多少 or 要求
    # 要求 is no quota; round 25's model reads the soil asked about (the rules were not sure: escalate)
    ("您好打扰了，我家院子里种的那棵柿子树结了很多果，我想再种一棵，请问柿子树对土有没有要求，谢谢", "species.柿.soil"),
    ("村道两边要种一排树，书记问我每棵隔几米，一般行道树的株距是多少", "tech.spacing_general"),  # no quota
    ("书记要种多少棵", "camp.quota_secretary"),
    ("镇上当官嘅要种几多棵", "camp.quota_leader"),
    ("帮我查下我们村还有多少户没种树", "escalate"),  # the village's own figures: a person
    ("帮我看下怎么登记", "bot.log_planting"),  # no 代种
    ("柿子几年结果，为什么掉果", "species.柿.fruit"),  # why, in general
    ("我家柿子为什么老是掉果", "escalate"),  # why, of one's own tree
    ("门口种什么树风水好", "camp.fengshui"),  # round 27: what is real about it (distance, size), no verdict
    ("我今年评上了最美植绿人没有", "escalate"),  # one's own result
    ("评比有什么奖", "camp.awards"),
    ("光杆苗没带土咋栽", "tech.bare_root"),
    ("种咗树点样报上去 系咪发相俾你", "bot.log_planting"),
    ("一棵到现在一个多月了还是光杆，帮我看看到底活没活，我发照片给你", "escalate"),  # a photo to look at
    ("换咗电话点算", "bot.rebind"),
    ("新种嘅树啲叶冧晒", "tech.wilting"),  # 叶冧: leaves droop
]


ROUND_17 = [
    # round 17
    ("主题林种什么树好看", "recommend.主题林"),  # which trees: a recommendation (round 28: 好看 alone is no use)
    ("主题林是什么", "camp.zhutilin"),
    ("党建林种什么树好", "recommend.党建林"),  # round 21: which trees for a place is a recommendation (P–U agree)
    ("院子里种什么树开花又好闻", "recommend.庭院+香花"),
    ("想种棵树秋天挂满红果好看的", "recommend.观果"),
    ("种花生用什么品种好", "tech.not_trees"),  # crops: not trees, the farm extension station (round 111)
    ("果树下面种花生得唔得", "tech.intercropping"),
    ("我们村党建林那片地是不是划在基本农田里面，我们能不能在上面种", "escalate"),  # one plot
    ("我的龙眼苗种在花盆里半年了都没长", "escalate"),
    ("我阿哥屋企种咗棵龙眼 我想种棵杨梅 杨梅钟唔钟意晒太阳", "species.杨梅.light"),  # the story's tree is told
    ("我家门口种的是荔枝，活得挺好，我想问问我儿子种的那棵桂花，桂花要多少水", "species.桂花.water"),
]


ROUND_18 = [
    # round 18
    ("门口种什么树好看又能遮阴", "recommend.房前屋后+遮荫"),  # a specific use before 好看
    ("文化广场种什么树遮阳", "recommend.广场+遮荫"),
    ("想种结红果子好看的树", "recommend.观果"),
    ("我家种的是三华李，今年第一次结果，但是果很小很酸，李子一般种几年才能结好果，产量多少", "species.李.fruit"),
    (
        "我是党员我要种几颗树啊书记叫我问你",
        "camp.quota_party",
    ),  # never the secretary's (书记叫我问); round 19's precedents
    ("我在外地打工，家里老人想在屋后种几棵李子，问我李子几月份种最好", "species.李.time"),
    ("我认种的那棵树挂的牌子是别人名字", "escalate"),
    ("刚种的石榴被牛吃了半边，还能不能活", "escalate"),
    ("怎样防止牛羊啃新种的树", "tech.livestock"),  # in general: answered
]


@pytest.mark.parametrize("question,expected", ROUND_15 + ROUND_16 + ROUND_17 + ROUND_18)
def test_rounds_15_to_18_read_stories_rule_words_and_intents_as_meant(index, question, expected):
    """Rounds 15–18 (issue 17): rule words inside a story, quota words, recommendations, outside knowledge, what
    happened to one's own tree, Cantonese forms; each round's list with its controls."""
    assert _got(index.match(question)) == expected


# --- issue 17, round 22 ---------------------------------------------------------------------------------------

THANKS_WITNESSES = [
    ("多谢晒你 好耐心", "chitchat"),
    ("多谢晒你哋 讲得好有耐心", "chitchat"),
    ("你好耐心啊 多谢晒", "chitchat"),
]


def test_small_talk_three_villagers_agree_on_is_small_talk_unless_it_speaks_of_something(fresh_index):
    """Round 22: thanks in words of their own ('多谢晒你啊 你讲得好耐心') are small talk when the three nearest
    precedents are; a complaint that asks about the campaign again is never dropped as small talk."""
    question = "多谢晒你啊 你讲得好耐心"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    assert fresh_index.match(question).kind == "escalate"
    fresh_index.set_precedents([*THANKS_WITNESSES, *OTHER_PRECEDENTS])
    assert (fresh_index.match(question).kind, fresh_index.match(question).reason) == ("chitchat", "precedents")
    complaint = "谢谢你们好耐心 不过我问的是党员要种几棵树"
    assert fresh_index.match(complaint).kind != "chitchat"


@pytest.mark.parametrize(
    "question,expected",
    [
        ("一年里面哪段时间种树最合适", "camp.window"),  # 时间种 is no 间种 (intercropping)
        ("我家几棵荔枝每年摘完果就不管了 今年想学着剪一剪 荔枝摘完果后要怎么修剪 剪多少合适", "species.荔枝.pruning"),
    ],
)
def test_round_22_words_inside_other_words_are_not_read(index, question, expected):
    assert faq.result_label(index.match(question)) == expected


def test_round_22_an_event_is_no_sign_of_life(index):
    """'有没有活动' asks about an event, not whether a tree is alive (tech.survival_check)."""
    assert faq.result_label(index.match("植树节那天村里有没有活动")) != "tech.survival_check"


# --- issue 17, round 23 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "question,expected",
    [
        ("明天会不会下雨 我想去种树", "bot.weather"),  # the bot cannot forecast: says where to look, no ticket
        ("下周降温 刚种的苗要不要盖", "tech.cold"),  # the cold asked about the seedlings is the technique's
        ("认种的树要不要挂牌子", "camp.nameplate"),  # seed 002: no 牌子林立
        ("种树能不能卖碳汇", "camp.carbon"),
        ("上山挖坑怕碰到蛇怎么办", "tech.snakes"),  # feared, not bitten
        ("荔枝园里放蜂箱好不好", "tech.beekeeping"),
        ("桃树一般容易得什么病", "species.桃.pests"),  # asked in general
        ("叶子发黄是什么原因", "tech.yellow_leaves"),  # '什么原因' in general is no diagnosis
        ("村干部上门讲每户要种树 我家要种几棵", "camp.quota_household"),  # a cadre's visit told, no one wanted
    ],
)
def test_round_23_entries_and_context_words(index, question, expected):
    assert index.match(question).entry_id == expected


@pytest.mark.parametrize(
    "question,reason",
    [
        ("我家门口那棵龙眼是什么病", "diagnosis"),  # what ails one's own tree, nothing seen told: the adviser looks
        ("刚才挖坑被蛇咬了", "safety"),  # bitten: a person, with the line
        ("邻居把我种的龙眼苗拔了，怎么办", "dispute"),
    ],
)
def test_round_23_still_goes_to_a_person(index, question, reason):
    result = index.match(question)
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    answered = reason == "safety" and result.reason == "safety_aid"
    assert (result.kind, result.reason) == ("escalate", reason) or answered


def test_示范点_is_no_cantonese_点():
    """'点' before a verb is Cantonese 'how' (点种 → 怎么种), but not in 示范点, 站点, 景点 (round 23)."""
    assert "示范点" in nlu.normalize("我们村的示范点选在小学旁边")
    assert "怎么种" in nlu.normalize("呢棵树点种")


# --- issue 17, round 24: agreeing precedents decide --------------------------------------------------------

DRIP_BAGS = "镇上有人上门推销树木营养液吊袋，说新种的树挂一袋成活率就高，一袋要三十块，真的需要吗"
DRIP_WITNESSES = [
    ("卖东西的说树上挂一袋营养液成活率高，一袋二十块，有没有必要买", "tech.drip_bags"),
    ("新种的树要不要挂营养液吊袋，听说挂了成活率高", "tech.drip_bags"),
    ("有人上门推销营养液吊袋，说新种的树都要挂，真的吗", "tech.drip_bags"),
]


def test_closest_ranks_the_precedents_as_their_similarities_do(index):
    """``CharNgrams.closest`` (numpy over the postings) gives what ranking ``similarities`` would."""
    ngrams = index.precedents.ngrams
    for question in ["桂花几月种最好", DRIP_BAGS, "树叶发黄怎么办", "嗯那个我想问下荔枝苗要浇几多水", "收录 12"]:
        text = index._masked(index._fixed(question))
        ranked = sorted(ngrams.similarities(text).items(), key=lambda kv: -kv[1])[:5]
        closest = ngrams.closest(text, 5)
        assert [round(s, 9) for _, s in closest] == [round(s, 9) for _, s in ranked]
        assert {i for i, s in closest if s > ranked[-1][1]} == {i for i, s in ranked if s > ranked[-1][1]}


def test_round_24_three_agreeing_precedents_answer_a_story_a_rule_class_stopped(fresh_index):
    """'一袋要三十块' reads as a money amount (a person); three villagers' questions about drip bags agreeing
    decide: it asks whether the bags are needed."""
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    assert (fresh_index.match(DRIP_BAGS).kind, fresh_index.match(DRIP_BAGS).reason) == ("escalate", "money")
    fresh_index.set_precedents([*DRIP_WITNESSES, *OTHER_PRECEDENTS])
    result = fresh_index.match(DRIP_BAGS)
    assert (result.kind, result.entry_id, result.reason) == ("answer", "tech.drip_bags", "precedents")


def test_round_24_agreeing_precedents_do_not_overrule_a_short_questions_rule(fresh_index):
    """A short question's rule is its point: '砍树申请了没批' (an application stuck) stays with a person whatever its
    neighbours say. Round 121 (survey121): the example was '砍树要不要办证', which asks only whether a permit is needed:
    the fourteen blind sets label it tech.felling (18 of 22 such questions), now that entry's intent, before the rules
    and the precedents alike."""
    fresh_index.set_precedents(
        [
            ("砍树要办什么证", "tech.felling"),
            ("砍树要不要去报批", "tech.felling"),
            ("自家的树砍要办证吗", "tech.felling"),
        ]
    )
    assert fresh_index.match("砍树申请了没批").kind == "escalate"
    asked = fresh_index.match("砍树要不要办证")
    assert (asked.entry_id, asked.reason) == ("tech.felling", "intent")


@pytest.mark.parametrize(
    "question",
    [
        "问专家 镇上有人上门推销营养液吊袋，说新种的树挂一袋成活率就高，真的需要吗",  # asked for a person
        "打完农药头晕想吐，是不是中毒了，上门推销营养液吊袋的那个人说没事",  # a safety line fires
    ],
)
def test_round_24_agreeing_precedents_never_overrule_a_person_asked_for_or_a_safety_line(fresh_index, question):
    fresh_index.set_precedents([*DRIP_WITNESSES, *OTHER_PRECEDENTS])
    result = fresh_index.match(question)
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    assert (result.kind == "escalate" or result.reason == "safety_aid") and result.reason != "precedents"


def test_round_24_agreeing_precedents_for_an_adviser_send_an_answered_story_to_a_person(fresh_index):
    """The matcher answers '…桂花几月种最好' from the species' planting time; three villagers' questions like it,
    each for a person (whose land it is), agree: a person answers (the answer kept as the ticket's candidate)."""
    question = "我家门口那块空地想种几棵桂花，桂花几月种最好呢"
    fresh_index.set_precedents(OTHER_PRECEDENTS)
    assert fresh_index.match(question).kind == "answer"
    fresh_index.set_precedents(
        [
            ("我家门口那块空地是村里的，想种几棵桂花行不行", "escalate"),
            ("门口那块空地想种几棵桂花，邻居说是他家的", "escalate"),
            ("我家门口的空地想种几棵桂花，村里会不会收回", "escalate"),
            ("荔枝怎么施肥", "species.荔枝.fertilizer"),
        ]
    )
    result = fresh_index.match(question)
    assert (result.kind, result.reason) == ("escalate", "precedents")
    assert result.candidate is not None and result.candidate.kind == "answer"


# Round 26 (Z the development set; X and Y joined the precedents)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("对了，桂花几时种", "桂花什么时候种"),
        ("另外问一下 荔枝几多钱", "荔枝多少钱"),
        ("还有一个问题，党建林几时种好", "党建林什么时候种好"),
        ("我再问问你 桂花怕冷吗", "桂花怕冷吗"),
        ("顺便问你一下荔枝几时施肥", "荔枝什么时候施肥"),
        ("再问下 你们几时来", "你们什么时候来"),  # 你们 is who is asked about, not who is asked
        ("还有苗吗", "还有苗吗"),  # no lead-in said: 还有 is 'is there still'
        ("再种两棵可以吗", "再种两棵可以吗"),
        ("另外想问下", "另外想问下"),  # nothing follows
    ],
)
def test_round_26_words_that_only_lead_into_a_question_are_dropped(question, expected):
    assert faq._without_lead_in(faq.nlu.normalize(question)) == expected


def test_round_26_a_lead_in_does_not_change_the_answer(index):
    """On 250 of the own set's questions, each after six lead-ins, dropping them made 48 answers right and 3 wrong
    (1,447 the same): read with them, '主题林几号前要种完' was the plan's whole deadline, '明天会下雨吗' a ticket."""
    for question in ["党建林最迟几时要种好", "荔枝几时施肥", "主题林几号前要种完", "明天会下雨吗", "怎么用这个"]:
        plain = index.match(question)
        for lead_in in ["对了，", "另外问一下 ", "还有个问题 "]:
            led = index.match(lead_in + question)
            assert (led.kind, led.entry_id) == (plain.kind, plain.entry_id), lead_in + question


def test_round_26_the_models_small_talk_never_replaces_an_answer_to_a_question(index):
    """The model reads thanks first as small talk; a question about a tree after them is answered (before round 26
    it got the greeting); thanks and a plan, asking nothing, are small talk."""
    assert index.precedents.model.predict(index._fixed("多谢你 辛苦晒 桂花几时种好"))[0] == "chitchat"
    asked = index.match("多谢你 辛苦晒 桂花几时种好")
    assert (asked.kind, asked.entry_id) == ("answer", "species.桂花.time")
    assert index.match("好的明白了谢谢 我明天就去挖坑").kind == "chitchat"


def test_round_26_a_trees_field_the_model_is_sure_of_sends_a_campaign_answer_to_a_person(index):
    """'章树' is 樟树 mistyped: no tree is found, and the rules rank the volunteers' entry (学生 ~ 会生); the model
    is sure it asks a tree's pests: a person answers, the ranked answer kept as candidate."""
    assert without_model(index).match("章树会生什么虫").entry_id == "camp.volunteers"
    result = index.match("章树会生什么虫")
    assert (result.kind, result.reason) == ("escalate", "model")
    assert result.candidate is not None and result.candidate.entry_id == "camp.volunteers"


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # written by the lead for the new entries before their phrasings were widened: 8 of 12 right then, 10 after
        # (still escalated, safe: '我侄子读大学 回来帮村里种树 学校要盖章的实践表找谁签', '荔枝现在什么行情')
        ("志愿汇上面的时长种树能记吗", "camp.volunteers"),
        ("暑假想带学生来做义工种树", "camp.volunteers"),
        ("果子多了怎么卖出去", "camp.fruit_market"),
        ("植树节要挂的横幅写什么字", "camp.publicity"),
        ("有没有宣传画可以贴村口", "camp.publicity"),
        ("上山挖坑蚊子咬死人 有什么办法", "tech.mosquitoes"),
        ("屋边种了树蚊多了怎么办", "tech.mosquitoes"),
        # round 95 (AT-BS in the precedents) sent it to a person (not_sure); round 102 (BT-BY) answers it again
        ("种树那天要不要带驱蚊水", "tech.mosquitoes"),
    ],
)
def test_round_26_entries_for_the_topics_asked_most_that_none_covered(index, question, entry_id):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", entry_id)


def test_round_26_the_evaluation_counts_an_entrys_own_warning(index):
    """faq_eval's 'warned': a safety-tagged question answered by an entry whose answer carries its own ⚠ line (lime in
    the hole) warns though no safety line opens the reply; a plain answer does not. (Round 58: the snakes' advice, the
    example before, now opens with snake_seen's line: its rule ``answers`` tech.snakes.)"""
    cases = [
        faq.EvalCase("树穴里要不要撒石灰", "tech.hole_lime", frozenset({"safety"})),
        faq.EvalCase("桂花几月种", "species.桂花.time", frozenset({"safety"})),
    ]
    rows = faq.evaluate(index, cases)
    assert [(row.safety, row.warned) for row in rows] == [(False, True), (False, False)]
    assert faq.scores(rows).warned == (1, 2) and faq.scores(rows).safety_lines == (0, 2)


@pytest.mark.parametrize("question", ["听日落唔落雨", "明天下不下雨", "这个礼拜下不下大雨"])
def test_round_26_will_it_rain_asked_either_way_is_the_weather_not_a_drought(index, question):
    """落唔落雨 normalised to 落不下雨 (the 落雨 synonym inside the V-not-V); 下不下雨 holds 不下雨, the drought's word."""
    assert faq.result_label(index.match(question)) == "bot.weather"
    assert faq.result_label(index.match("好久不下雨了树怎么办")) == "tech.drought"


# --- issue 17, round 27 ---------------------------------------------------------------------------------------
# Set AA (blind at round 26's start) is the development set; the phrasings below are the lead's own.


@pytest.mark.parametrize(
    ("question", "rule", "entry_id"),
    [
        ("高压线下面可不可以种荔枝", "power_line", "tech.power_lines"),  # the 压 of 高压线 weighs on no line
        ("清明上山烧纸 新种的树林怎么防山火", "fire", "tech.fire_prevention"),  # a fire to prevent
        ("打完药手有点痒 下次喷药要注意什么", "pesticide_exposure", "tech.pesticide_safety"),  # next time's spraying
    ],
)
def test_round_27_a_safety_rule_names_its_danger_and_the_question_is_still_answered(index, question, rule, entry_id):
    """The rule's words are in the question, nothing has happened: the safety line opens the reply, the entry answers
    (before round 27 each went to a person)."""
    result = index.match(question)
    line = next(r.line for r in index.safety if r.name == rule)
    assert (result.kind, result.entry_id) == ("answer", entry_id)
    assert result.answer_text.startswith(line)


def test_round_27_soil_caving_in_while_digging_is_no_tree_about_to_fall(index):
    result = index.match("沙地挖坑老是塌下来 树穴挖多大")
    assert (result.kind, result.entry_id, result.safety) == ("answer", "tech.hole_size", "")
    assert index.match("屋后那棵大树快要塌下来了").kind == "escalate"  # a tree's still is


@pytest.mark.parametrize(
    "question",
    [
        "树枝搭在电线上了怎么办",
        "高压线下面那棵树碰到电线了",
        "挖树穴的时候挖到电缆了",
        "我被马蜂蜇了好多下头好晕",
        "喷药的时候药水溅到眼睛了",
        "我老公打完药头晕想吐",
        "石灰溅到眼睛里了怎么办",
        "后山着火了",
        "电锯锯到手了",
        "台风把树吹倒压在屋顶上了",
    ],
)
def test_round_27_what_has_happened_still_goes_to_a_person_with_its_safety_line(index, question):
    """The model overrules a safety rule's person only when it leads by ``[model] safety`` for an entry: it reads
    every one of these as a person's."""
    result = index.match(question)
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    assert (result.kind == "escalate" or result.reason == "safety_aid") and result.safety


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("杨梅生虫咋搞", "species.杨梅.pests"),
        ("桃树生虫点算", "species.桃.pests"),
        ("苗的根都干了还救得活吗", "tech.dry_seedlings"),
        # a price asked: the fruit-market entry says where to ask ('龙眼今年几钱一斤' reads at 0.99 since round 28's
        # model, just below rule_short: a person)
        ("今年龙眼收购价多少钱一斤", "camp.fruit_market"),
        # controls: a short question's rule stays its point
        # round 54: yellowing asked alone, no tree named and none of one's own, is the general entry (the blind sets'
        # label, 30-odd times: '新树叶子发黄怎么回事'; its answer ends by asking for a photo of one's own tree); a tree
        # named, one's own or another symptom beside it stays a ticket (tests/data/faq_rule_checks_54.tsv's controls)
        ("叶子发黄是怎么回事", "tech.yellow_leaves"),
        ("荔枝叶子发黄是怎么回事", "escalate"),  # the cause of one tree's symptom: an adviser looks
        # felling is not a class the model overrules (round 121: '砍树要不要办证', only whether a permit is needed, is
        # tech.felling's intent now, as the fourteen blind sets label it; an application stuck stays a ticket)
        ("砍树申请了没批", "escalate"),
        # land's rule is overruled by the agreed precedents once AI-AK joined them (round 46): camp.farmland is the
        # answer every newer set gives such a question (AL, AM, AN: 6 of 6)
        ("基本农田种果树可以吗", "camp.farmland"),
        (
            "白蚁很多",
            "escalate",
        ),  # a symptom told, not asked (in a ticket's window, a detail of its own: not the entry)
    ],
)
def test_round_27_the_model_overrules_a_short_questions_symptom_or_money_rule_when_sure(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "entry_id"),
    [
        # written by the lead before the entries' intents were added: 4 of 10 right then (the model read the mapped
        # precedents' labels), 8 after; still a person: '林木保险一年交多少钱' (an amount), '组织妇女去山上种树要不要买
        # 意外险' (its words unexplained by the entry)
        ("我家门口想种棵榕树，老人家说风水不好，是不是真的", "camp.fengshui"),
        ("门口种棵大树挡煞有没有用", "camp.fengshui"),
        ("种的果树遇到台风吹死了保险赔不赔", "camp.insurance"),
        ("山上松树大片发红枯死了要找谁", "tech.pine_wilt"),
        ("海边那片烂泥滩能种红树林吗", "tech.mangrove"),
        ("红树林的苗哪里有", "tech.mangrove"),  # not the campaign's seedlings
        ("枯死的松树能砍回家烧火吗", "tech.pine_wilt"),  # pine wilt before the felling rule and the doubt
        ("松树得了线虫病会不会传给荔枝", "tech.pine_wilt"),  # no comparison of two trees
    ],
)
def test_round_27_entries_for_the_topics_asked_most_that_none_covered(index, question, entry_id):
    result = index.match(question)
    assert (result.kind, result.entry_id) == ("answer", entry_id)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("小院子种什么树不占地方", "recommend.庭院+small"),  # 不占地方 is the tree's size, not land taken
        ("学校操场边有什么建议种的树", "recommend.校园"),  # asked as advice
        ("带孩子们去种树要不要买意外险", "camp.insurance"),  # 保险 is no injury
        # round 121 (survey121): asked so, no person nor body named, it is asked in general whether there is insurance:
        # the fourteen blind sets' writers (and the second labellers) label camp.insurance; a body hurt named stays a ticket
        ("种树摔伤了，有没有保险", "camp.insurance"),
        ("种树摔伤了脚，有没有保险", "escalate"),  # an injury is
    ],
)
def test_round_27_room_advice_and_insurance_read_as_asked(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("想查下我认养的树", "bot.my_trees"),  # looking at one's trees is not logging them
        ("我种的树想睇下", "bot.my_trees"),
        ("听日天气点样", "bot.weather"),  # Cantonese 'how is the weather'
        ("后天天气咋样", "bot.weather"),
        ("我问顾问的问题冇人理", "bot.ticket_wait"),  # a question left unanswered, not who the advisers are
    ],
)
def test_round_27_ones_trees_and_the_weather_asked_in_other_words(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # written by the lead before the intents were added: 5 of 8 right then (the entry and the mapped precedents'
        # labels), 8 after the intents' words were widened; a person still for an incident told in a story of words
        # the entry cannot explain ('我是村医…有人晕倒要怎么急救')
        ("树林底下放几只鸡得唔得", "tech.livestock"),
        ("果园里面养鸭子会不会把苗吃掉", "tech.livestock"),
        ("种树那日好晒 点样唔会中暑", "tech.heatstroke"),
        ("上山种树要带藿香正气水吗", "tech.heatstroke"),
        ("发痧了怎么处理", "tech.heatstroke"),
        # the 12th of March: round 75 reads the day asked as camp.arbor_day (its first line is the date; every writer
        # since AY labels it so), by when to finish stays camp.planting_done
        ("植树节系边日", "camp.arbor_day"),
        ("苗被太阳晒焦了怎么办", "escalate"),  # a seedling scorched is no person's heatstroke
        ("树下面养了鸡 鸡粪可以当肥吗", "tech.base_fertilizer"),  # the manure asked about, not the chickens
    ],
)
def test_round_28_heatstroke_and_poultry_under_trees_are_answered(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("主题林种什么好看", "recommend.主题林"),  # 好看 alone is no use (V–AB's writers never label it 观花)
        # a flower named is; round 63: 村口 is a public place (the village entrance, nlu.SITE_WORDS' 广场), whose
        # flowering list holds the same five trees
        ("村口种什么花好看", "recommend.广场+观花"),
        ("黑色营养袋种之前剪不剪", "tech.container_seedling"),  # the bag cut, not the tree pruned
        ("营养袋苗种之前要不要剪枝", "tech.transplant_pruning"),  # the branches are
        ("党建林的面积和位置在哪填", "bot.plot"),  # where to fill in a plot
        ("示范点种哪几种合适", "recommend.示范点"),  # which kinds: a recommendation
        ("桂花几年开花 要施什么肥 叶子卷起来发黄", "escalate"),  # a symptom told beside the model's topic
    ],
)
def test_round_28_classes_read_from_abs_confident_wrongs(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tests/data/faq_rule_checks_29.tsv, written before the change in words of their own (13 of 18 right then)
        # a tree's resistance to a typhoon is no forecast; round 56: the model retrained with living.toml's phrasings and
        # the labels mapped to them asked back between tech.grafted (fruiting years) and the fruit field (offered);
        # round 58: retrained with set O's recommendation labels read as the lists they name, the fruit field again
        # first (the typhoon advice, the other part asked, offered beside it)
        pytest.param(
            "荔枝抗台风吗，几年结果",
            "species.荔枝.fruit",
            marks=pytest.mark.xfail(
                strict=True,
                reason="round 95, AT-BS in the precedents (changed): species.荔枝.fruit (model) -> tech.grafted (ranked_with_species)",
            ),
        ),
        ("香樟耐台风吗 长得快不快", "species.香樟.growth"),
        ("后天会不会打台风", "bot.weather"),  # the forecast still is
        ("屋后那棵杨梅今年落花落得好厉害", "escalate"),  # flowers falling from one's own tree: a symptom
        ("荔枝开花的时候要注意什么", "species.荔枝.flowering"),  # asked in general: the species' answer
        ("养蜜蜂的话村里种什么树蜜多", "tech.beekeeping"),  # bees' forage: the beekeeping entry's trees
        ("想种些蜜源树给蜂采蜜，种哪样好", "tech.beekeeping"),
        ("祖坟边上种什么树好", "camp.fengshui"),  # trees at a grave: the customs entry
        ("山坟前面可以种树吗 有什么讲究", "camp.fengshui"),
        ("清明拜山可以烧纸吗", "tech.fire_prevention"),  # the fire asked about, not the grave
        ("坟山那边坡很陡，坑要怎么挖", "tech.slope"),  # a slope by the graves is the slope's
        ("那块地中间有个坟 还能种树吗", "escalate"),  # a grave on the site: the village's
        ("海堤外面的滩涂想种一排树护堤，用什么树好", "tech.mangrove"),  # mudflats: mangroves, not a river bank's trees
        ("屋后种竹子风睡好不好", "camp.fengshui"),  # 风水 by its sound
        ("苗要埋多身才好", "tech.planting_depth"),  # 多深 by its sound
        ("路边种花树有冇合适嘅", "recommend.路边+观花"),  # 'is there a fitting one' asks for a recommendation
        ("补充", "escalate"),  # only a lead-in: asks nothing yet
    ],
)
def test_round_29_classes_read_from_acs_confident_wrongs(index, question, expected):
    assert _got(index.match(question)) == expected


def test_round_29_a_symptom_of_ones_own_tree_stays_a_persons_over_agreed_precedents(index):
    """Near three questions about when a tree fruits, all answered by the species' fruiting field (the agreed
    precedents), '落花' of one's own tree two years running is a tree's trouble: the model reads a person, the
    diagnosis rule stays."""
    question = "我种的荔枝去年挂果好多，今年全部落花，连续两年这样"
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "diagnosis")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # tests/data/faq_rule_checks_30.tsv, written before the change in words of their own (22 of 31 right then)
        ("我阿妈不识字，叫我帮她问，门口种什么树好", "recommend.房前屋后"),  # who asks is told; what is asked answers
        ("我女儿在深圳打工，她问家门口种的龙眼要离房子多远", "species.龙眼.card"),
        ("我常年在外地打工，家里的树能不能认养给村里种", "camp.adopt"),  # being away and asking to adopt: adoption
        ("我不会打字 用语音问可以吗", "bot.voice"),
        ("荔枝离门口要多远", "species.荔枝.card"),  # distance from a door is the card's, not the spacing between trees
        ("桂花之间隔多远种一棵", "species.桂花.spacing"),
        ("种木棉有什么讲究", "species.木棉.card"),
        ("天井中间种一棵树好不好", "camp.fengshui"),  # a yard's centre is a custom, not 间种
        ("荔枝树中间种花生行不行", "tech.intercropping"),
        ("我现在绑在哪个村，在哪里看", "bot.my_info"),  # bound to a village is no stake
        ("都八月了，现在种树还来得及吗", "tech.late_season"),
        ("几月份种树最好", "camp.window"),
        ("认养了以后是我自己浇水还是村里浇", "camp.care"),
        ("铁冬青适合种在学校里吗", "species.铁冬青.sites"),
        ("河堤斜坡种什么好，要根深的", "recommend.河边+护岸"),  # AD's: which trees was asked, the model keeps it
        ("种什么树可以做围篱", "recommend.绿篱"),  # AD's: 围篱 is a hedge
        ("刚种下的苗能施鸡粪吗", "tech.fertilizer_burn"),  # AD's: manure on a new seedling burns like urea
    ],
)
def test_round_30_classes_read_from_ads_confident_wrongs(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(
    "question",
    ["村干部把我家买树苗的钱从补贴里面扣掉了，都没通知我", "组长把我们几户买苗的钱从分红里扣了，没人讲过"],
)
def test_round_30_money_withheld_stays_a_persons_over_agreed_precedents(index, question):
    """Near three questions on where the campaign's money comes from (the agreed precedents: camp.funding), money
    withheld from one's own household is a grievance: the money rule stays when the model reads a person."""
    result = index.match(question)
    assert (result.kind, result.reason) == ("escalate", "money")


# rounds 105 and 106 each alone had made it a ticket (their retrained models read tech.cuttings); the model trained on
# both together reads the prunings again. Round 118: the model retrained with four more aliases masked (乌榄, 重阳木,
# 水蜜桃, 毛竹) leads by less than [model] safety and dissents: a ticket, the line first. Pinned: never the cuttings.
def test_round_30_the_model_reads_the_answer_beside_a_safety_line(index):
    """A fire's safety line fired, the rules ranked the cuttings (剪下来的枝条); the model reads the prunings (by more
    than [model] safety: their answer) or dissents (a ticket), the line first either way; never the cuttings."""
    result = index.match("树种活了，剪下来的枝条烧掉可以吗")
    assert result.entry_id in ("tech.prunings", None) and bool(result.safety), (result.entry_id, result.reason)
    assert result.entry_id is None or result.answer_text.startswith(result.safety)


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.citrus_greening", ("检疫", "挖掉", "村委", "无病毒")),  # reported and dug out, never treated
        ("tech.citrus", ("检疫", "核实后计入", "黄龙病")),  # off the list: counted once staff check it
        ("tech.wasps", ("119", "120", "喘不过气")),
        ("tech.pesticide_first_aid", ("120", "标签", "清水")),
        ("tech.plant_allergy", ("肥皂", "120")),
        ("tech.fall_safety", ("防滑", "120")),
        ("tech.tea", ("以村委为准",)),  # a crop: whether it counts is the village's
        ("camp.national_duty", ("1981",)),
    ],
)
def test_round_32_answers_say_what_keeps_people_and_trees_safe(index, entry_id, words):
    entry = next(e for e in index.entries if e.id == entry_id)
    for word in words:
        assert word in entry.answer, (entry_id, word)


def test_round_32_first_aid_asked_is_answered_after_the_safety_line(index):
    result = index.match("被黄蜂蜇了要怎么处理")
    assert (result.kind, result.entry_id) == ("answer", "tech.wasps")
    assert result.safety.startswith("⚠") and "120" in result.safety
    result = index.match("喷农药的时候不小心吸进去头晕想吐，怎么急救")
    assert (result.kind, result.entry_id) == ("answer", "tech.pesticide_first_aid")
    assert result.safety.startswith("⚠")


@pytest.mark.parametrize("question", ["竹子几年可以成片", "竹子成片要几年"])
def test_another_trees_stand_is_no_pine_wilt(index, question):
    """Set AE (blind): after round 32's retraining the ranking read 成片 of bamboo as the pine-wilt entry; that entry is
    answered by its intent only (a pine named, or 线虫), never ranked."""
    assert index.match(question).entry_id != "tech.pine_wilt"


@pytest.mark.parametrize("question", ["我想发消息给专家", "怎么给专家发消息", "我想联系技术员"])
def test_a_message_for_the_expert_is_asking_the_experts_not_the_reminders(index, question):
    """Found in the simulator: '我想发消息给专家' was ranked to the reminders' answer (发“退订”…): a message to the
    expert is how to ask one (bot.advisers)."""
    assert index.match(question).entry_id == "bot.advisers"


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("撒石灰时不小心弄进眼睛了", ("掸掉干粉", "眼科", "别揉")),  # '不小心' is no warning: it happened
        ("生石灰粉沾到手上火辣辣的痛", ("掸掉干粉", "大量清水")),
        ("老公修龙眼枝从梯子跌下来 背好痛", ("别扶起来", "120")),
        ("锄头锄到脚 流好多血", ("用力按住", "120")),
        # round 117: '荔枝和龙眼哪个结果快' is answered (both fruit fields, no ticket); money asked keeps the ticket, the
        # field asked of both trees under its number
        ("荔枝和龙眼哪个结果快 哪个卖得贵", ("荔枝：", "龙眼：", "挂果")),
        ("桂花和香樟哪个好", ("桂花：", "香樟：", "常绿大乔木")),  # no field asked: their kind and use
        ("种树有冇补贴", ("五个一点", "以村委（社区）为准")),
        ("退耕还林补贴几时发", ("林业站",)),
        # round 61 moved it: public fruit asked in general is answered; one's own tree planted there keeps the ticket
        ("我在村道边种的龙眼结果了 归谁", ("由村委（社区）定",)),
        # round 59: a storm with nobody struck is answered (tech.lightning); someone struck is a ticket with it
        ("有人被雷劈到 倒喺地下", ("马上停工下山",)),
    ],
)
def test_round_46_what_to_do_meanwhile_goes_under_the_tickets_number(index, question, words):
    """A lime burn or a fall that happened, two trees compared and a subsidy asked stay a person's (the older sets'
    label), the reply now holding the first aid, both trees' fields or what the plan says of money (issue 17 §3–§4)."""
    result = index.match(question)
    # round 116 (issue 17 §1): a danger whose first aid is done at once is answered with it (``safety_aid``), no ticket
    assert result.kind == "escalate" or result.reason == "safety_aid", result
    for word in words:
        assert word in result.answer_text, (question, word, result.answer_text)


def test_round_46_money_withheld_keeps_the_money_note(index):
    result = index.match("村里说好给补贴的苗钱到现在还没给")
    assert (result.kind, result.reason) == ("escalate", "money") and "五个一点" not in result.answer_text


def test_the_off_topic_reply_keeps_the_doubt_it_stands_in_for(index):
    """Round 104's off-topic reply carries the doubt's own ticket (``FaqResult.doubted``): the chat gives it back to
    staff and to a flow in progress, with the reason the matcher had, never one made up."""
    result = index.match("唱首歌来听听")
    assert (result.entry_id, result.reason) == ("bot.off_topic", "off_topic_unread")
    assert result.doubted is not None and result.doubted.kind == "escalate"
    assert result.doubted.reason in ("low_confidence", "not_covered", "not_sure", "ambiguous")
    assert index.match("桂花什么时候种").doubted is None
