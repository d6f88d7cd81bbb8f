"""FAQ round 102 (issue 17 §1: more data, measured on sets the model never saw): sets BT-BY join the precedents, but
a question a second labeller labelled otherwise (tests/data/faq_relabel_<set>_1.tsv) is no precedent (a doubtful
label teaches the model noise); messages/faq/precedents/disputed.tsv lists them, the sets themselves unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot import faq

ROOT = Path(__file__).resolve().parents[2]
PRECEDENTS = ROOT / "messages" / "faq" / "precedents"
DATA = ROOT / "tests" / "data"
MOVED = ("bt", "bu", "bv", "bw", "bx", "by")


def test_a_disputed_question_is_no_precedent_its_set_and_the_same_words_elsewhere_are(tmp_path):
    (tmp_path / "faq_heldout_x.tsv").write_text(
        "我帮我妈种了一棵 算我的还是算她的\tescalate\t\n桂花几月种\tspecies.桂花.time\t\n", encoding="utf-8"
    )
    # control: the same words in a set where nobody disputed them stay a precedent
    (tmp_path / "faq_heldout_y.tsv").write_text("我帮我妈种了一棵 算我的还是算她的\tbot.proxy\t\n", encoding="utf-8")
    (tmp_path / "disputed.tsv").write_text(
        "# set\tquestion\twriter\tsecond labeller\nfaq_heldout_x\t我帮我妈种了一棵 算我的还是算她的\tescalate\tbot.proxy\n",
        encoding="utf-8",
    )
    assert faq.load_precedents(tmp_path) == [
        ("桂花几月种", "species.桂花.time"),
        ("我帮我妈种了一棵 算我的还是算她的", "bot.proxy"),
    ]
    assert faq.load_precedents(tmp_path, ["faq_heldout_y"]) == [("桂花几月种", "species.桂花.time")]


def test_bt_to_by_are_precedents_and_the_measured_sets_are_not():
    for name in MOVED:
        assert (PRECEDENTS / f"faq_heldout_{name}.tsv").exists() and not (DATA / f"faq_heldout_{name}.tsv").exists()
    for name in ("bz", "ca"):  # what round 102 measured on (and CB, outside the repository)
        assert (DATA / f"faq_heldout_{name}.tsv").exists() and not (PRECEDENTS / f"faq_heldout_{name}.tsv").exists()


def test_disputed_lists_every_disagreement_of_the_moved_sets_second_labellings():
    """disputed.tsv is what bench/label_agreement.py --disputed writes for each moved set labelled twice (BU, BW, BY)."""
    listed = faq.load_disputed(PRECEDENTS / "disputed.tsv")
    expected = set()
    for name in MOVED:
        relabel = DATA / f"faq_relabel_{name}_1.tsv"
        if not relabel.exists():
            continue
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "label_agreement.py"), "--disputed"]
            + ["--set", str(PRECEDENTS / f"faq_heldout_{name}.tsv"), "--relabel", str(relabel)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        expected |= {tuple(line.split("\t")[:2]) for line in out.splitlines()}
    assert listed == expected and len(listed) == 73
    precedents = faq.load_precedents(PRECEDENTS)
    kept = {question for question, _ in precedents}
    # a disputed question is kept only where another set holds the same words
    others = {
        case.question
        for path in PRECEDENTS.glob("faq_heldout_*.tsv")
        for case in faq.load_eval_set(path)
        if (path.stem, case.question) not in listed
    }
    assert all(question not in kept or question in others for _, question in listed)


@pytest.mark.parametrize("question", ["我要退订", "我想退订", "唔该 我想退订"])
def test_the_wish_to_unsubscribe_is_read_by_its_intent(index, question):
    """The model retrained on BT-BY read '我要退订' as a person's (a ticket instead of the unsubscribing): the intent
    reads 想/要退订 before the model."""
    result = index.match(question)
    assert (faq.result_label(result), result.reason) == ("bot.unsubscribe", "intent")


@pytest.mark.parametrize("question", ["我不想退订", "不要退订", "我讲错咗 唔好退订", "村长话退订嘅人要再登记"])
def test_a_refused_or_anothers_unsubscribing_is_not_the_intents(index, question):
    assert index.match(question).reason != "intent"
