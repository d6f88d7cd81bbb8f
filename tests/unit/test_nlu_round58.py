"""Round 58's readers, each with the texts of its class it reads and the near texts it must leave (pure functions; the
signed-push tests are tests/e2e/test_conversation_round58.py)."""

from __future__ import annotations

import pytest

from bot import identity, nlu
from bot.escalation import joins_ticket, symptom_told
from bot.faq import FaqResult, load_species_table
from bot.messages import MESSAGES_DIR

VILLAGES = [{"id": 1, "name": "埔心村"}, {"id": 2, "name": "石角村"}]
SPECIES = load_species_table(MESSAGES_DIR)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("咁点样记录落去", True),
        ("点样报上去呀", True),
        ("仲要打字吗 打咩", True),
        ("使唔使写字 写乜嘢", True),
        ("还需要打字吗", True),
        ("荔枝点样记录生长", False),  # a thing named: not the record's step
        ("打字好辛苦", False),
    ],
)
def test_record_next_asked(text, read):
    assert nlu.record_next_asked(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [("然后呢 要点填", True), ("跟住呢 点样写", True), ("然后呢 荔枝要点施肥", False), ("这个病怎么弄", False)],
)
def test_go_on_asked_with_a_particle_after_then(text, read):
    assert nlu.go_on_asked(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("点样登记种咗嘅树", True),
        ("怎么登记我种的树", True),
        ("点样登记种树", True),
        ("登记种树", False),
        ("点样登记", False),
    ],
)
def test_log_planted_how_asked(text, read):
    assert nlu.log_planted_how_asked(nlu.normalize(text)) is read


@pytest.mark.parametrize(("text", "read"), [("❓", True), ("？？", True), ("⁉️", True), ("你?", False), ("", False)])
def test_question_marks_alone(text, read):
    assert nlu.question_marks_alone(text) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("审核咗未", True),
        ("核实咗未啊", True),
        ("审核通过未", True),
        ("计划审核了没", False),
        ("党建林审核了没", False),
    ],
)
def test_review_asked_bare(text, read):
    assert nlu.review_why_asked(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("党员责任区喺边度 有几个", True),
        ("村里面有几多个责任区 分别喺边", True),
        ("请问党员责任区设在哪里 共有多少个", True),
        # where alone: no wish, not this reader's; round 68: a party member of a village with zones gets the list through
        # the FAQ's bot.care_zones chooser (handlers/faq.py, zones.where_or_how_to_claim_asked), others the FAQ's steps
        ("责任区在哪里", False),
        ("党员责任区嘅树要几耐淋一次水", False),
    ],
)
def test_zones_where_and_how_many(text, read):
    assert nlu.zone_wished(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("报名参加今年嘅植树日", True),
        ("帮我报名参加下个月嘅植树活动", True),
        ("报名参加3月12号嘅植树日", True),
        ("今年植树日点报名", False),  # how, no wish: the day's details
        ("党员超过65岁仲使唔使参加植树", False),
    ],
)
def test_joining_this_years_day(text, read):
    assert nlu.joining_said(nlu.normalize(text)) is read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("认种认养嘅树仲有边啲", True),
        ("本村认种认养嘅树仲有边啲", True),
        ("认种认养嘅树死咗边个负责", False),
        ("认种认养要几多钱", False),
    ],
)
def test_both_adoption_words(text, read):
    assert nlu.adoption_wished(nlu.normalize(text), SPECIES) is read


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("就系种喺祠堂边嗰两棵桂花", True),
        ("门口那三棵龙眼", True),
        ("琴日种好咗我认领嗰三棵龙眼", False),  # planted: a report
        ("头先嗰两棵荔枝", False),  # today's
        ("就系呢两棵桂花", False),  # these here: a photo's trees
    ],
)
def test_trees_pointed_at_where_they_stand(text, described):
    assert nlu.trees_described(text) is described


def test_a_symptom_told_joins_unless_another_tree_is_named():
    diagnosis = FaqResult("escalate", None, "", 0.0, "diagnosis")
    earlier = ["我家桂花叶子发黄还掉叶是怎么回事"]
    assert symptom_told("叶底有啲白色嘅虫仔", diagnosis)
    assert not symptom_told("叶底点解有虫", diagnosis)  # asked: a question of its own
    assert joins_ticket("叶底有啲白色嘅虫仔", diagnosis, earlier, SPECIES)
    assert joins_ticket("桂花叶底有啲白色嘅虫", diagnosis, earlier, SPECIES)
    assert not joins_ticket("荔枝叶底有啲白色嘅虫", diagnosis, earlier, SPECIES)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("喂你好啊 我系埔心村嘅老人家 我个孙帮我装咗呢个微信 佢话要登记 我叫黄桂英 七十几岁啦 唔识打字", "黄桂英"),
        ("你好 我系埔心村嘅 我个仔帮我开咗微信 叫我登记 我叫陈亚妹 今年八十岁 唔识字", "陈亚妹"),
    ],
)
def test_an_elders_long_story_names_the_sender(text, name):
    parsed = identity.parse_self_named_in_story(text, VILLAGES)
    assert parsed is not None and parsed.name == name and parsed.village_text == "埔心村"


@pytest.mark.parametrize(
    "text",
    [
        "喂你好 我系埔心村嘅 我个孙帮我装咗微信 佢话要登记 佢叫黄小明 我叫黄桂兰",  # someone else named
        "我系埔心村嘅 帮阿妈登记 我叫黄桂兰",  # someone else registered
        "我系埔心村嘅 我个孙帮我装咗微信 我叫黄桂英",  # no 登记 said
        "我系埔心村嘅 佢话要登记 我叫黄桂英 我系石角村嘅",  # two villages
    ],
)
def test_a_long_story_registers_no_one_otherwise(text):
    assert identity.parse_self_named_in_story(text, VILLAGES) is None


def test_a_symptom_told_after_a_question_on_no_tree_is_its_own():
    diagnosis = FaqResult("escalate", None, "", 0.0, "diagnosis")
    assert not joins_ticket("叶子黄晒", diagnosis, ["补贴几时发落嚟"], SPECIES)


def test_trees_pointed_at_to_be_logged_are_a_report():
    assert not nlu.trees_described("帮我登记屋后那三棵荔枝")


def test_trees_named_as_the_subject_are_no_symptom_of_the_tickets_tree():
    diagnosis = FaqResult("escalate", None, "", 0.0, "diagnosis")
    assert not symptom_told("我种的树死了几棵了", diagnosis)
    assert symptom_told("树干有啲白色粉末", diagnosis)


def test_20l_readers_after_the_merge():
    assert nlu.zone_wished(nlu.normalize("村里面嘅党员责任区有边几块"))
    assert nlu.record_next_asked(nlu.normalize("下一步系咪要讲种咗咩树 点讲"))
    assert not nlu.record_next_asked(nlu.normalize("下一步种咩树好"))
