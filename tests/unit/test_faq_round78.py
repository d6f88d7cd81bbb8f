"""FAQ round 78: calibration by answer path (bench/faq_paths.py). On the fifteen development sets AT-BH, leaving one
writer's set out and choosing on the other fourteen, the same slices were wrong a third of the time or more on every
split; of those, the closest precedents' or a ranked entry's answer the model reads as another entry's (``[model]
ask_unseconded``) and the precedents' answer it reads as a person's (``ask_person_paths``) are offered first
(您是想问“…”吗？ 1 gives it, 0 files the ticket: ``FaqIndex._asked_first``), never answered outright. A tree's topic field
and an intent (pinned, checked one by one in earlier rounds) are still answered. Answers the model seconds are given at
once. The sentences are the helper's own, not the sets'. docs: README, FAQ round 78."""

import sys
from pathlib import Path

import pytest

from bot import config as config_mod
from bot import faq
from bot.config import _thaw

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import faq_paths  # noqa: E402

# a ranked entry (tech.planting_steps), the model reads the base fertiliser's
RANKED_UNSECONDED = "树苗要怎么放进坑里"


def offered_first(index, question):
    result = index.match(question)
    assert result.kind == "escalate" and result.reason == "not_sure", faq.result_label(result)
    assert result.other is not None and result.other.kind == "answer"
    assert result.candidate == result.other  # the adviser's ticket keeps the answer stopped, if the villager says 0
    return result.other


@pytest.mark.xfail(
    strict=True, reason="round 95, AT-BS in the precedents (regression): asked back -> tech.planting_steps"
)
def test_a_ranked_answer_the_model_does_not_second_is_offered_first(index):
    answer = offered_first(index, RANKED_UNSECONDED)
    assert (answer.entry_id, answer.reason) == ("tech.planting_steps", "ranked")


def test_the_keys_turn_it_off(index):
    """Without the round's keys it is answered outright, as before (the keys decide, nothing else)."""
    loose = index.copy()
    loose._model_ask_person_paths, loose._model_ask_unseconded = frozenset(), frozenset()
    result = loose.match(RANKED_UNSECONDED)
    assert (result.kind, result.entry_id, result.other) == ("answer", "tech.planting_steps", None)


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("桂花什么时候种最好", "species.桂花.time"),
        ("树坑要挖多大", "tech.hole_size"),
        ("荔枝要怎么施肥", "species.荔枝.fertilizer"),
        ("院子小种什么树好", "recommend.庭院+small"),
        ("种完树以后谁来管 死了要不要补种", "camp.care"),  # the precedents' answer, the model seconds it
        ("荔枝开花的时候能不能施肥", "species.荔枝.fertilizer"),  # a topic field the model reads otherwise: kept
        (
            "离房子要多远",
            "tech.house_distance",
        ),  # ranked; the model reads a tree's field, no tree named: no other answer
    ],
)
def test_answers_the_model_seconds_are_given_at_once(index, question, entry):
    result = index.match(question)
    assert (result.kind, result.entry_id, result.other) == ("answer", entry, None)


def row(set_name, reason, got, target, model, lead=0.5):
    return {
        "set": set_name,
        "question": "",
        "target": target,
        "got": got,
        "also": None,
        "offered": None,
        "reason": reason,
        "score": 0.7,
        "safety": False,
        "model": model,
        "lead": lead,
    }


def test_the_bench_picks_a_poor_slice_on_the_other_writers_and_counts_it_asked():
    # 'precedents' unseconded: wrong 2 times of 3 in every set; 'intent' seconded: always right
    rows = []
    for name in ("s1", "s2", "s3"):
        rows += [row(name, "precedents", "a", "b", "c") for _ in range(20)]
        rows += [row(name, "precedents", "a", "a", "c") for _ in range(10)]
        rows += [row(name, "intent", "a", "a", "a") for _ in range(30)]
    chosen = faq_paths.poor_paths([r for r in rows if r["set"] != "s1"], 1 / 3, 20, "combined", frozenset())
    assert chosen == {"precedents model other"}
    assert faq_paths.poor_paths(rows, 1 / 3, 20, "combined", frozenset({"precedents"})) == set()
    held = [r for r in rows if r["set"] == "s1"]
    # n, right, confident wrong, asked, asked offering the expected answer
    assert faq_paths.summed(held, set(), "combined") == [60, 40, 20, 0, 0]
    assert faq_paths.summed(held, chosen, "combined") == [60, 30, 0, 30, 10]
    # a person expected: asked first is chosen (its 0 files the ticket)
    person = [replace_target(r) for r in held if r["reason"] == "precedents"]
    assert faq_paths.summed(person, chosen, "combined")[4] == 30


def replace_target(r):
    return {**r, "target": "escalate"} if r["target"] == "b" else r
