"""Unit tests for bot.faq: knowledge files, matching rules, accuracy, speed."""
import time
from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "messages"
CONFIG = _thaw(config_mod.load(ROOT / "config.toml", env={}).data)


@pytest.fixture(scope="module")
def index():
    return faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], CONFIG["faq"]["confidence_threshold"])


@pytest.fixture(scope="module")
def eval_rows(index):
    return faq.evaluate(index, faq.load_eval_set(ROOT / "tests" / "data" / "faq_questions.tsv"))


def _chinese_len(text):
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def test_eval_set_is_big_and_refers_to_real_entries(index, eval_rows):
    assert len(eval_rows) >= 250
    for row in eval_rows:
        ok = row.expected in ("escalate", "chitchat") or index.entry(row.expected) \
            or row.expected.startswith(("species.", "recommend."))
        assert ok, row.expected


def test_top1_accuracy(eval_rows):
    wrong = [(r.question, r.expected, r.got) for r in eval_rows if r.got != r.expected]
    assert faq.accuracy(eval_rows) >= 0.95, wrong


def test_escalation_precision_and_recall(eval_rows):
    precision, recall = faq.escalation_precision_recall(eval_rows)
    assert recall >= 0.95
    assert precision >= 0.9


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
    result = index.match("荔枝能不能做盆景")
    assert result.entry_id == "species.荔枝.card" and "荔枝" in result.answer_text


@pytest.mark.parametrize("question,reason", [
    ("我家桂花叶子黄了怎么办", "diagnosis"), ("荔枝长虫了", "diagnosis"),
    ("门口那棵龙眼快死了", "diagnosis"), ("种树有补贴吗", "legal_or_subsidy"),
    ("问专家 荔枝不结果", "asked_expert"), ("怎么养猪", "low_confidence"),
])
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


@pytest.mark.parametrize("question", ["叶子上有白点", "叶子怎么卷了", "是不是要死了", "看看这棵树怎么了",
                                      "桂花叶子上有白点", "树叶蔫了怎么回事"])
def test_symptoms_without_owner_are_diagnoses(index, question):
    assert (index.match(question).kind, index.match(question).reason) == ("escalate", "diagnosis")


@pytest.mark.parametrize("question,entry_id", [
    ("种完叶子都蔫了", "tech.wilting"), ("樟树叶子容易长什么虫", "species.香樟.pests"),
    ("种了一个月还不发芽是不是死了", "tech.survival_check"),
])
def test_general_or_after_planting_symptoms_are_answered(index, question, entry_id):
    assert index.match(question).entry_id == entry_id


@pytest.mark.parametrize("text", ["3棵桂花", "种了两棵龙眼", "党建林 2.5亩 120棵 香樟", "黄皮两棵"])
def test_planting_report_is_not_a_question(index, text):
    assert (index.match(text).kind, index.match(text).reason) == ("escalate", "not_a_question")


def test_chitchat(index):
    result = index.match("你好")
    assert result.kind == "chitchat" and "帮助" in result.answer_text


@pytest.mark.parametrize("question,entry_id,must_have", [
    ("院子小种什么好", "recommend.庭院+small", "桂花"),
    ("河边种什么", "recommend.河边", "秋枫"),
    ("想种能吃果子的", "recommend.吃果", "荔枝"),
    ("路边种什么好看", "recommend.路边+观花", "木棉"),
])
def test_recommendations(index, question, entry_id, must_have):
    result = index.match(question)
    assert result.entry_id == entry_id and must_have in result.answer_text


def test_small_yard_excludes_big_trees(index):
    text = index.match("院子小种什么好").answer_text
    assert "木棉" not in text and "香樟" not in text


def test_add_entry_matches_at_once():
    index = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], 0.55)
    assert index.match("屋顶上能不能种树").kind == "escalate"
    index.add_entry("adviser.1", "屋顶上能不能种树", "屋顶承重有限,只种簕杜鹃等灌木,用轻质土。")
    result = index.match("屋顶能种树吗")
    assert (result.kind, result.entry_id) == ("answer", "adviser.1")


def test_added_species_entry_beats_card_but_not_other_species():
    index = faq.FaqIndex.load(MESSAGES, CONFIG["campaign"], 0.55)
    index.add_entry("adviser.2", "桂花叶子边缘发焦是什么原因", "多是肥害或暴晒,停肥、遮阴、浇透水。")
    assert index.match("桂花叶子边缘发焦什么原因").entry_id == "adviser.2"
    assert index.match("荔枝叶子边缘发焦什么原因").entry_id != "adviser.2"
    assert index.match("荔枝叶子边缘发焦什么原因").reason == "diagnosis"


def test_match_is_fast(index):
    questions = [q for q, _ in faq.load_eval_set(ROOT / "tests" / "data" / "faq_questions.tsv")]
    start = time.perf_counter()
    for q in questions:
        index.match(q)
    assert (time.perf_counter() - start) / len(questions) < 0.005
