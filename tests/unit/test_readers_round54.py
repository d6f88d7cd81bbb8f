"""Round 54's pure readers (issue 17 §5): a question of points is no planting record (nlu.parse_planting_text,
nlu.is_question); trees planted along a stretch with no count ('种了两条路的树') are a record whose count is asked; a
relative who planted too, whose name is wished recorded (nlu.relative_name_wished); a ticket its adviser closed
unanswered, answered by them after all (escalation.reopens_for_closer); the question a correction answers
(escalation.round_question)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import clock, escalation, nlu
from bot.faq import load_species_table

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def species():
    return load_species_table(ROOT / "messages")


# -- case 1: points (积分, 算几分) asked: a question, never a record ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "党员积分种一棵树算几分",
        "种一棵树算几分",
        "种两棵龙眼有几多分",
        "种一棵树加几分",
        "党员积分种一棵桂花",
        "我种了三棵龙眼 积分加上了没有",
        "种了一棵树能得多少分",
    ],
)
def test_points_asked_are_no_planting_record(species, text):
    assert nlu.parse_planting_text(text, species) is None


@pytest.mark.parametrize("text", ["种一棵树算几分", "党员积分种一棵树算几分", "一棵树得几分"])
def test_points_asked_are_questions(text):
    assert nlu.is_question(text)


@pytest.mark.parametrize(
    ("text", "count", "tree"),
    [
        ("种了一棵桂花", 1, "桂花"),
        ("种了三棵桂花 用了十几分钟", 3, "桂花"),
        ("今天种了两棵龙眼 花了几分钟", 2, "龙眼"),
        ("在几分地上种了三棵桂花", 3, "桂花"),
    ],
)
def test_a_record_with_minutes_stays_a_record(species, text, count, tree):
    found = nlu.parse_planting_text(text, species)
    assert found is not None and found.count == count and found.species == tree
    assert not nlu.is_question(text)


# -- case 2: trees planted along a stretch, no count: a record whose trees and count are asked -------------------------
@pytest.mark.parametrize(
    "text",
    ["种了两条路的树", "我哋种咗成条村道嘅树", "今天种了一排树", "我们种了两行树", "种咗成片树", "村道两边都种了树"],
)
def test_a_stretch_planted_is_a_record_without_a_count(species, text):
    found = nlu.parse_planting_text(text, species)
    assert found is not None and found.count is None and found.vague, found


def test_a_stretch_of_a_named_tree_keeps_its_tree(species):
    found = nlu.parse_planting_text("种了一条路的桂花", species)
    assert found is not None and found.species == "桂花" and found.count is None


@pytest.mark.parametrize(
    ("text", "count"),
    [("种了两条竹", 2), ("种了两棵龙眼", 2), ("路边种了三棵桂花", 3)],
)
def test_counts_stay_counts(species, text, count):
    found = nlu.parse_planting_text(text, species)
    assert found is not None and found.count == count and not found.vague


@pytest.mark.parametrize(
    "text",
    [
        "我们村有两条路",
        "两条路边的树要不要剪",
        "村道两边种什么树好",
        "种了两条路的树要不要浇水",
        "我们村种了两条路的树",
    ],
)
def test_no_stretch_record_without_words_of_having_planted_or_in_a_question(species, text):
    assert nlu.parse_planting_text(text, species) is None


# -- case 6: a relative who planted too, their name wished recorded ---------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "我老公都有份种 可唔可以记佢个名",
        "我老婆也种了 能不能把她名字也记上",
        "阿妈都有份种 记埋佢个名得唔得",
        "我老公也有种 可以写上他的名字吗",
        "我儿子也种了 可以把他的名字加上去吗",
    ],
)
def test_a_relative_who_planted_too_and_their_name(text):
    assert nlu.relative_name_wished(nlu.normalize(text)), nlu.normalize(text)


@pytest.mark.parametrize(
    "text",
    [
        "我老公的证书怎么领",
        "看下我妈种的树记上没有",
        "我老公叫什么名字",
        "我想改名字",
        "我老公种了两棵龙眼",
        "我老公不会用微信",
    ],
)
def test_other_words_of_relatives_and_names(text):
    assert not nlu.relative_name_wished(nlu.normalize(text))


# -- case 3: a ticket closed unanswered by its own adviser, answered after all -------------------------------------
NOW = datetime(2027, 3, 22, 2, 0, tzinfo=UTC)
WANG = {"id": 7, "name": "王工", "role": "技术顾问"}


def _closed(**overrides) -> dict:
    row = {
        "status": "closed",
        "answer": None,
        "adviser_person_id": 7,
        "closed_by": "王工",
        "closed_at": clock.to_db(NOW - timedelta(hours=1)),
    }
    return {**row, **overrides}


def test_the_closer_may_answer_within_the_window():
    since = clock.to_db(NOW - timedelta(days=3))
    assert escalation.reopens_for_closer(_closed(), WANG, since)


@pytest.mark.parametrize(
    ("ticket", "person"),
    [
        (_closed(closed_at=clock.to_db(NOW - timedelta(days=4))), WANG),  # past escalation.reopen_days
        (_closed(closed_by="张三"), WANG),  # withdrawn by its villager
        (_closed(closed_by=None), WANG),  # 解决了 before the answer
        (_closed(adviser_person_id=8), WANG),  # passed on since: another's
        (_closed(answer="每月施一次复合肥"), WANG),  # closed after its answer: 更正, not 答
        (_closed(status="answered"), WANG),
        (_closed(), {"id": 9, "name": "王工", "role": "技术顾问"}),  # another adviser of the same name
        (_closed(), {"id": 7, "name": "王工", "role": "管理员"}),  # the office answers on the dashboard
        (_closed(), None),
    ],
)
def test_anyone_else_or_later_is_still_told_it_ended(ticket, person):
    since = clock.to_db(NOW - timedelta(days=3))
    assert not escalation.reopens_for_closer(ticket, person, since)


# -- case 4: the question a correction answers ----------------------------------------------------------------------
def test_a_correction_names_the_follow_up_it_answers():
    ticket = {"question": "龙眼叶子卷起来是什么原因", "reopened_count": 1}
    attachments = [
        {"round": 0, "text": "叶子背面有白点", "media_row_id": None},
        {"round": 1, "text": "浇了水叶子还是卷", "media_row_id": None},
    ]
    assert escalation.round_question(ticket, attachments) == "浇了水叶子还是卷"
    assert escalation.round_question({**ticket, "reopened_count": 0}, attachments) == "龙眼叶子卷起来是什么原因"
    voice = [{"round": 1, "text": None, "media_row_id": 5}]
    assert escalation.round_question(ticket, voice) == "龙眼叶子卷起来是什么原因"  # no words: the question
