"""Round 92 of issue 17 §5 (conv92), through signed pushes: the lefts that came back in sets 22i-22l, by class. The
sets' probes, then conv92's own held-out examples in other words with their controls
(tests/data/conversation_examples_conv92.tsv, written and run before the readers changed; figures in the README's
"Round 92")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_conversation_probes import (  # noqa: F401  (the module's fixture: one app for the examples)
    cases_of,
    probe,
)

DATA = Path(__file__).resolve().parent.parent / "data"


def examples(cls: str) -> list[tuple[str, str, str]]:
    """The own examples of class ``cls`` (their note starts with it), controls included."""
    rows = []
    for line in (DATA / "conversation_examples_conv92.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            context, message, expected, note = line.split("\t")
            if note.split(":")[0].split()[0] == cls:
                rows.append((context, message, expected))
    return rows


# -- A: how a cadre logs trees for villagers with no phone (nlu.no_phone_others_log_asked) -------------------------
PROBES_A = [
    ("cadre", "村民冇智能手机嘅 我点样帮佢哋报种树", "log"),  # 22j
    ("cadre", "村民冇手机嘅点样帮佢哋报", "log"),  # 22l
    ("finished", "屋企仲有两个老人家种咗 佢哋冇手机 点报", "log"),  # 22k: one's own household
]


@pytest.mark.parametrize(("context", "message", "expected"), cases_of([*PROBES_A, *examples("A")], {}))
def test_a_no_phone_log_how(probe, context, message, expected):  # noqa: F811
    assert probe.run(context, message, expected) == ""


@pytest.mark.parametrize(
    ("context", "message", "key"),
    [
        ("cadre", "村民冇手机嘅点样帮佢哋报", "planting.proxy_how_to"),
        ("cadre", "好多老人冇手机 我要点帮佢哋报", "planting.proxy_how_to"),
        ("finished", "屋企仲有两个老人家种咗 佢哋冇手机 点报", "planting.relative_how_to"),
        ("member", "我阿爷冇微信 佢种咗两棵龙眼点报", "planting.relative_how_to"),
    ],
)
def test_a_whose_they_are_decides_the_steps(probe, context, message, key):  # noqa: F811
    """Villagers or old people named: a cadre's 代种 steps; one's own household or kin: the household's steps with the
    sender's WeChat (never the 代种 told as the sender's to do). Nothing recorded, no ticket."""
    probe.run(context, message, "log")
    reply = probe.last_reply(probe.openid)
    assert probe.bot.t(key).strip() in reply
    assert not probe.rows("SELECT id FROM tickets WHERE openid = ?", [probe.openid])


def test_a_a_villager_asking_for_others_keeps_the_faqs_family_answer(probe):  # noqa: F811
    """Only a cadre may 代种: a villager asking the same gets the FAQ's family answer, which names the cadres' 代种."""
    probe.run("member", "村民冇手机嘅点样帮佢哋报", "question")
    assert probe.last_handler(probe.openid) == "faq_answer"
    assert probe.bot.t("planting.proxy_how_to").strip() not in probe.last_reply(probe.openid)
