"""FAQ round 48, knowledge (issue 17 §2–§4): what a villager asks for and the bot lacked, asked in words of our own
first (tests/data/faq_rule_checks_48.tsv: 12 of 41 right on unchanged code, 7 confident wrong; the poisoning lines
4 of 7, its first aid 0 of 7): 沉香, 盆景, seedlings bought outside and a nursery's papers, a poisonous plant eaten
(a person: ate_plant's line first, tech.poison_first_aid under the ticket's number), the fruit's keeping and recipes.
docs/faq.md, round 48."""

from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "faq_rule_checks_48.tsv"


def _checks(tag: str = "") -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in CHECKS.read_text(encoding="utf-8").splitlines()]
    return [
        (r[0], r[1])
        for r in rows
        if r[0]
        and not r[0].startswith("#")
        and (not tag or (len(r) > 2 and r[2].split()[0] == tag and "control" not in r[2]))
    ]


def _got(result: faq.FaqResult) -> str:
    return result.entry_id if result.kind == "answer" and result.entry_id else result.kind


# left, strict with why: none since AL-AO joined the precedents (the model had read '屋后面种几棵沉香得唔得' as the
# off-list answer, camp.exotic; it reads the entry's own answer since)
# round 54 to 62: '山上面野生嘅沉香可唔可以挖返屋企种' (the model read tech.wild_seedlings over the intent's answer);
# round 63: the model no longer switches the answer of an intent asked before the rules (``FaqIndex._kept_overruled``)
MODEL_WINS: dict[str, str] = {}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(q, e, marks=pytest.mark.xfail(strict=True, reason=MODEL_WINS[q])) if q in MODEL_WINS else (q, e)
        for q, e in _checks()
    ],
)
def test_round_48_knowledge_a_villager_asks_for(index, question, expected):
    assert _got(index.match(question)) == expected


@pytest.mark.parametrize(("question", "_expected"), _checks("poison"))
def test_a_poisonous_plant_eaten_gets_its_line_then_the_first_aid_under_the_number(index, question, _expected):
    # round 116 (issue 17 §1): the first aid is the answer, no ticket (the eleven blind sets BZ-CL label
    # tech.poison_first_aid, 35 of 35 rows; round 48 had put it under the ticket's number)
    result = index.match(question)
    assert (result.kind, result.reason, result.entry_id) == ("answer", "safety_aid", "tech.poison_first_aid"), result
    assert result.safety.startswith("⚠ 安全第一") and "120" in result.safety and "带给医生" in result.safety
    for words in ("别自己抠喉咙催吐", "留下吃的那种果子", "记下几点吃的"):
        assert words in result.answer_text, (question, words)


@pytest.mark.parametrize(
    "question",
    [
        "牛吃了夹竹桃的叶子会不会死",  # livestock: not a person's poisoning
        "摘了几个果仔吃了 好甜",  # fruit eaten, nobody unwell
        "吃了几粒野生杨梅 好好味",  # a wild fruit known
        "荔枝吃多了会不会上火",  # a fear of eating, no plant eaten
    ],
)
def test_eating_that_is_no_poisoning_gets_no_poison_line(index, question):
    assert "误吃了叶子" not in index.match(question).safety


@pytest.mark.parametrize(
    ("entry_id", "words"),
    [
        ("tech.agarwood", ("乡土树", "核实后计入", "二级保护", "检疫证")),  # what the campaign says of off-list trees
        ("tech.bonsai", ("不算活动种的树", "农技站")),
        ("tech.seedling_quarantine", ("《植物检疫条例》", "植物检疫证书", "林业站", "村委")),
        ("tech.fruit_processing", ("粮食白酒", "安全间隔期", "农技站")),
        ("tech.poison_first_aid", ("120", "别自己抠喉咙催吐", "夹竹桃")),
    ],
)
def test_round_48_answers_say_what_matters(index, entry_id, words):
    entry = next(e for e in index.entries if e.id == entry_id)
    assert entry.source, entry_id  # each cites where it comes from
    for word in words:
        assert word in entry.answer, (entry_id, word)
    assert max(len(line) for line in entry.answer.strip().splitlines()) <= 70  # a phone screen's few lines


def test_recipes_of_trees_the_entry_does_not_cover_stay_as_they_were(index):
    """桂花, 木棉: camp.fruit_picking says which parts can be eaten; recipes of them are not the new entry's."""
    assert index.match("桂花可以泡茶吗").entry_id == "camp.fruit_picking"
    assert index.match("木棉花晒干点样煲汤").entry_id != "tech.fruit_processing"
